// globalSetup of the openwrt project: lab/openwrt/*.test.ts against a real OpenWrt userland (procd,
// ubusd, rpcd, netifd, fw4, uci, ucode, opkg) given as a prefix in OPENWRT_ROOT, e.g. /opt/owrt.
// Without one it says so in one line and the files skip (like test:ucode without ucode). Root only:
// every test file boots its own router root in namespaces named after its pid.
import fs from 'node:fs';

export function setup(): (() => void) | undefined {
	if (!process.env.OPENWRT_ROOT) {
		console.log('test:openwrt: SKIPPED — no OpenWrt userland (set OPENWRT_ROOT=/path/to/prefix, see docs/lab.md)');
		return undefined;
	}
	if (process.getuid && process.getuid() !== 0) throw new Error('test:openwrt: needs root (it creates network namespaces)');
	// each file removes its root, namespaces (swo<pid>-*) and state dir (/tmp/swo<pid>): check
	return () => {
		const left = [
			...(fs.existsSync('/run/netns') ? fs.readdirSync('/run/netns').filter((n) => /^swo\d+-/.test(n)).map((n) => `netns ${n}`) : []),
			...fs.readdirSync('/tmp').filter((n) => /^swo\d+$/.test(n)).map((n) => `/tmp/${n}`),
		];
		if (left.length) throw new Error(`test:openwrt: left behind: ${left.join(', ')}`);
	};
}
