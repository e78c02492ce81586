// Where @kuoruan/luci-types (1.1.2, written for LuCI of 2020) is stale
// against current LuCI (checked against openwrt/luci master, modules/luci-base).
// Only what the views use and the package lacks.
import type LuCIPoll from '@kuoruan/luci-types/typings/poll';

declare module '@kuoruan/luci-types' {
	// typings/poll.d.ts exists but index.d.ts does not export it; LuCI has
	// had the `poll` class module ('require poll') since 2019.
	export const poll: typeof LuCIPoll;
}
