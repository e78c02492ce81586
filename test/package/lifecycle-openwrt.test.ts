// The lifecycle again with OpenWrt's own userland instead of the stand-ins:
// the real opkg (opkg-lede) installing, upgrading and removing on a live root
// (it runs the maintainer scripts itself, with PKG_UPGRADE set as it sets
// it), the real /lib/functions.sh (default_postinst/default_prerm), the real
// /etc/rc.common and /lib/functions/procd.sh (with jshn) around our init
// script, and the real uci. Only what would touch the host stays a recording
// stand-in: ubus (procd's `ubus call service ...`), rpcd, nft, ucode (the CLI).
// Optional: runs when OPENWRT_ROOT names a build of that userland, e.g.
//   OPENWRT_ROOT=/opt/owrt npm run test:unit
// (layout of /opt/owrt, see its BUILD.md: bin/opkg-cl, bin/uci, bin/jshn,
// etc/rc.common, rootfs/usr/lib/functions{.sh,/procd.sh,/service.sh},
// share/libubox/jshn.sh). Nothing of it is copied into this repository.
import { test, beforeAll, afterAll } from 'vitest';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { buildPackages } from '../../tools/package.mjs';
import { scratchRepo } from './helpers/repo';
import { makeRouter, routerUnavailable, rpcdServes, runInRouter, takeCalls } from './helpers/router';

const OWRT = process.env.OPENWRT_ROOT;
// where each piece goes in the router root ← candidates below OPENWRT_ROOT
const PIECES: [string, string[]][] = [
	['bin/opkg', ['bin/opkg-cl', 'rootfs/usr/bin/opkg']],
	['sbin/uci', ['bin/uci', 'rootfs/usr/sbin/uci']],
	['usr/bin/jshn', ['bin/jshn', 'rootfs/usr/bin/jshn']],
	['etc/rc.common', ['etc/rc.common']],
	['lib/functions.sh', ['lib/functions.sh', 'rootfs/usr/lib/functions.sh', 'rootfs/lib/functions.sh']],
	['lib/functions/procd.sh', ['lib/functions/procd.sh', 'rootfs/usr/lib/functions/procd.sh', 'rootfs/lib/functions/procd.sh']],
	['lib/functions/service.sh', ['lib/functions/service.sh', 'rootfs/usr/lib/functions/service.sh', 'rootfs/lib/functions/service.sh']],
	['usr/share/libubox/jshn.sh', ['share/libubox/jshn.sh', 'rootfs/usr/share/libubox/jshn.sh']],
];
const found = new Map<string, string>();
function unavailable(): string | null {
	if (!OWRT) return 'set OPENWRT_ROOT to an OpenWrt userland build (e.g. /opt/owrt) to run the lifecycle with the real opkg, rc.common and functions.sh';
	for (const [dest, cands] of PIECES) {
		const p = cands.map((c) => path.join(OWRT, c)).find((c) => fs.existsSync(c));
		if (!p) return `OPENWRT_ROOT=${OWRT} has none of ${cands.join(', ')}`;
		found.set(dest, fs.realpathSync(p));
	}
	return routerUnavailable();
}
const skip = unavailable();

const DEPENDS = ['libc', 'wireguard-tools', 'kmod-wireguard', 'ucode', 'ucode-mod-fs', 'ucode-mod-uci', 'ucode-mod-ubus', 'ucode-mod-uloop',
	'rpcd', 'rpcd-mod-ucode', 'firewall4', 'kmod-nft-core', 'kmod-nft-fib', 'kmod-nft-nat', 'luci-base'];

/** A stand-in root with OpenWrt's real pieces in place of the stand-ins. */
function owrtRouter(dir: string): string {
	const root = makeRouter(dir);
	for (const [dest, src] of found) {
		fs.rmSync(path.join(root, dest), { force: true });
		fs.mkdirSync(path.dirname(path.join(root, dest)), { recursive: true });
		fs.copyFileSync(src, path.join(root, dest));
		// a binary needs its libraries at the same paths (RUNPATH)
		const ldd = spawnSync('ldd', [src], { encoding: 'utf8' });
		for (const m of (ldd.status === 0 ? ldd.stdout : '').matchAll(/(\/\S+) \(0x/g)) {
			fs.mkdirSync(path.join(root, path.dirname(m[1])), { recursive: true });
			if (!fs.existsSync(path.join(root, m[1]))) fs.copyFileSync(fs.realpathSync(m[1]), path.join(root, m[1]));
		}
	}
	fs.symlinkSync('/usr/libexec/shim', path.join(root, 'usr/bin/ubus'));
	fs.mkdirSync(path.join(root, 'tmp/lock'));
	fs.mkdirSync(path.join(root, 'tmp/opkg-lists'));
	fs.writeFileSync(path.join(root, 'etc/opkg.conf'),
		'dest root /\nlists_dir ext /var/opkg-lists\narch all 100\narch noarch 100\nsrc/gz local file:///tmp/feed\n');
	// the dependencies, as installed packages
	fs.writeFileSync(path.join(root, 'usr/lib/opkg/status'), DEPENDS.map((p) =>
		`Package: ${p}\nVersion: 1\nStatus: install user installed\nArchitecture: all\nInstalled-Time: 1\n\n`).join(''));
	for (const p of DEPENDS) fs.writeFileSync(path.join(root, `usr/lib/opkg/info/${p}.list`), '');
	return root;
}

let tmp: string;
const ipk: Record<string, string> = {};
const controls: string[] = [];
beforeAll(() => {
	if (skip) return;
	tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'splitwg-owrt-'));
	const repo = path.join(tmp, 'repo');
	scratchRepo(repo);
	for (const version of ['0.1.0', '0.1.1']) {
		for (const b of buildPackages({ repo, version, epoch: 1700000000 })) {
			ipk[`${b.name}@${version}`] = b.file;
			fs.mkdirSync(path.join(tmp, 'ipk'), { recursive: true });
			fs.writeFileSync(path.join(tmp, 'ipk', b.file), b.ipk);
			if (version === '0.1.0') controls.push(`${b.control.replace(/^Description:/m, `Filename: ${b.file}\nDescription:`)}\n`);
		}
	}
});
afterAll(() => { if (tmp) fs.rmSync(tmp, { recursive: true, force: true }); });

function opkg(root: string, args: string) {
	const r = runInRouter(root, `opkg ${args}`);
	assert.equal(r.status, 0, `opkg ${args}: ${r.stdout}${r.stderr}`);
	return r.stdout + r.stderr;
}
const exists = (root: string, rel: string) => fs.existsSync(path.join(root, rel));
const CLEANUP = '/usr/bin/ucode -S /usr/sbin/splitwg stop';
const APPLY = '/usr/bin/ucode -S /usr/sbin/splitwg apply';

test('real opkg, rc.common and functions.sh: install, upgrade without teardown, remove once, nothing left', { skip: Boolean(skip) }, () => {
	const root = owrtRouter(path.join(tmp, 'live'));
	fs.cpSync(path.join(tmp, 'ipk'), path.join(root, 'tmp/feed'), { recursive: true });
	const others = ['network', 'firewall', 'dhcp'].map((c) => [c, fs.readFileSync(path.join(root, `etc/config/${c}`), 'utf8')]);

	opkg(root, `install /tmp/feed/${ipk['splitwg@0.1.0']} /tmp/feed/${ipk['luci-app-splitwg@0.1.0']}`);
	let calls = takeCalls(root);
	assert.ok(calls.includes(APPLY), calls.join(' | '));
	assert.ok(calls.some((c) => c.startsWith('/usr/bin/ubus call service set')), 'procd got the service (real procd.sh)');
	assert.deepEqual(fs.readdirSync(path.join(root, 'etc/rc.d')).sort(), ['K05splitwg', 'S95splitwg']);
	assert.ok(!exists(root, 'etc/uci-defaults/90-splitwg'));
	assert.deepEqual(rpcdServes(root), ['ucode/splitwg', 'acl.d/luci-app-splitwg.json']);

	opkg(root, `install /tmp/feed/${ipk['splitwg@0.1.1']}`);
	calls = takeCalls(root);
	assert.ok(!calls.includes(CLEANUP), `the upgrade tore down: ${calls.join(' | ')}`);
	assert.ok(calls.includes(APPLY));
	assert.ok(!exists(root, 'etc/config/splitwg-opkg'), 'the unmodified config is replaced, not kept');

	opkg(root, 'remove luci-app-splitwg');
	opkg(root, 'remove splitwg');
	calls = takeCalls(root);
	assert.equal(calls.filter((c) => c === CLEANUP).length, 1, calls.join(' | '));
	assert.ok(calls.indexOf('rpcd loaded:') < calls.indexOf(CLEANUP), 'the ubus API is gone before the teardown');
	assert.deepEqual(rpcdServes(root), []);
	for (const p of ['etc/config/splitwg', 'etc/init.d/splitwg', 'usr/share/ucode/splitwg', 'var/run/splitwg',
		'www/luci-static/resources/view/splitwg', 'usr/lib/opkg/info/splitwg.list'])
		assert.ok(!exists(root, p), `${p} is gone`);
	for (const [c, text] of others) assert.equal(fs.readFileSync(path.join(root, `etc/config/${c}`), 'utf8'), text, `/etc/config/${c} untouched`);
});

test('real opkg info reads our control fields as written (Source, Section)', { skip: Boolean(skip) }, () => {
	const root = owrtRouter(path.join(tmp, 'info'));
	fs.writeFileSync(path.join(root, 'tmp/opkg-lists/local'), zlib.gzipSync(controls.join('')));
	for (const [name, source, section] of [['splitwg', 'package/splitwg', 'net'], ['luci-app-splitwg', 'package/splitwg/luci-app-splitwg', 'luci']]) {
		const out = opkg(root, `info ${name}`);
		assert.match(out, new RegExp(`^Source: ${source}$`, 'm'), out);
		assert.match(out, new RegExp(`^Section: ${section}$`, 'm'), out);
		assert.doesNotMatch(out, /truncating/);
	}
});
