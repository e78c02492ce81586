// Where @kuoruan/luci-types (1.1.2, written for LuCI of 2020) is stale
// against current LuCI (checked against openwrt/luci master, modules/luci-base
// and libs/luci-lib-uqr). Only what the views use and the package lacks.
import type LuCIPoll from '@kuoruan/luci-types/typings/poll';

declare module '@kuoruan/luci-types' {
	// typings/poll.d.ts exists but index.d.ts does not export it; LuCI has
	// had the `poll` class module ('require poll') since 2019.
	export const poll: typeof LuCIPoll;
}

declare global {
	// libs/luci-lib-uqr (LuCI 24.10+): µQR, loaded with L.require('uqr').
	interface LuCIUqr {
		renderSVG(data: string | number[], options?: {
			pixelSize?: number, whiteColor?: string, blackColor?: string,
			ecc?: 'L' | 'M' | 'Q' | 'H', border?: number, boostEcc?: boolean,
		}): string;
	}
}
