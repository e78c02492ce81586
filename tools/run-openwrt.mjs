// npm run test:openwrt — the openwrt tier: lab/openwrt/*.test.ts against a real OpenWrt userland
// (procd, ubusd, rpcd, netifd, fw4, uci, ucode, opkg) given as a prefix in OPENWRT_ROOT, e.g.
// OPENWRT_ROOT=/opt/owrt. Without one it says so in one line and skips (like test:ucode without
// ucode). Root only: every test file boots its own router root in namespaces named after its pid.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';

const root = process.env.OPENWRT_ROOT;
if (!root) {
	console.log('test:openwrt: SKIPPED — no OpenWrt userland (set OPENWRT_ROOT=/path/to/prefix, see docs/lab.md)');
	process.exit(0);
}
if (process.getuid && process.getuid() !== 0) {
	console.error('test:openwrt: needs root (it creates network namespaces)');
	process.exit(1);
}
const files = fs.readdirSync('lab/openwrt').filter((f) => f.endsWith('.test.ts')).sort().map((f) => `lab/openwrt/${f}`);
const r = spawnSync(process.execPath, ['--import', 'tsx', '--import', './test/setup.ts', '--test', '--test-concurrency=1', ...files], { stdio: 'inherit' });
// each file removes its root, namespaces (swo<pid>-*) and state dir (/tmp/swo<pid>): check
const left = [
	...(fs.existsSync('/run/netns') ? fs.readdirSync('/run/netns').filter((n) => /^swo\d+-/.test(n)).map((n) => `netns ${n}`) : []),
	...fs.readdirSync('/tmp').filter((n) => /^swo\d+$/.test(n)).map((n) => `/tmp/${n}`),
];
if (left.length) {
	console.error(`test:openwrt: left behind: ${left.join(', ')}`);
	process.exit(1);
}
process.exit(r.status ?? 1);
