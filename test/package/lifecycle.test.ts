// Install, upgrade and remove the real .ipk files on a scratch router root,
// running their real maintainer scripts under busybox ash with OpenWrt's
// package semantics (helpers/opkg.ts, fixtures/router/lib/functions.sh), the
// real init script under a stand-in of rc.common that calls its functions as
// the real one does (fixtures/router/etc/rc.common), and the router's
// commands replaced by recording stand-ins (helpers/router.ts).
import { test, beforeAll, afterAll } from 'vitest';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildPackages } from '../../tools/package.mjs';
import { scratchRepo } from './helpers/repo';
import { Opkg } from './helpers/opkg';
import { diffSnapshots, makeRouter, routerUnavailable, rpcdServes, runInRouter, snapshot, takeCalls } from './helpers/router';

const unavailable = routerUnavailable();
let tmp: string;
const ipk: Record<string, string> = {};

beforeAll(() => {
	tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'splitwg-life-'));
	const repo = path.join(tmp, 'repo');
	scratchRepo(repo);
	for (const version of ['0.1.0', '0.1.1']) {
		for (const b of buildPackages({ repo, version, epoch: 1700000000 })) {
			ipk[`${b.name}@${version}`] = path.join(tmp, b.file);
			fs.writeFileSync(ipk[`${b.name}@${version}`], b.ipk);
		}
	}
});
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

function router(name: string) {
	const root = makeRouter(path.join(tmp, name));
	fs.writeFileSync(path.join(root, 'tmp/luci-indexcache.0123.json'), '{}');
	fs.mkdirSync(path.join(root, 'tmp/luci-modulecache'));
	fs.writeFileSync(path.join(root, 'tmp/luci-modulecache/x'), '');
	return { root, opkg: new Opkg(root), before: snapshot(root) };
}
const read = (root: string, rel: string) => fs.readFileSync(path.join(root, rel), 'utf8');
const exists = (root: string, rel: string) => fs.existsSync(path.join(root, rel));
// the links `enable` makes: S<START>splitwg and K<STOP>splitwg
const rcLinks = (root: string) => fs.readdirSync(path.join(root, 'etc/rc.d')).sort();
const LINKS = ['K05splitwg', 'S95splitwg'];
// `splitwg stop` and `splitwg apply`, as the ucode stand-in sees them through the CLI's shebang
const CLEANUP = '/usr/bin/ucode -S /usr/sbin/splitwg stop';
const APPLY = '/usr/bin/ucode -S /usr/sbin/splitwg apply';

test('install, then remove: enabled and started, then cleaned up; nothing of ours is left, others\' config untouched', { skip: Boolean(unavailable) }, () => {
	const { root, opkg, before: s0 } = router('fresh');
	const others = ['network', 'firewall', 'dhcp'].map((c) => [c, read(root, `etc/config/${c}`)]);

	opkg.install(ipk['splitwg@0.1.0']);
	opkg.install(ipk['luci-app-splitwg@0.1.0']);
	assert.equal(fs.statSync(path.join(root, 'etc/config/splitwg')).mode & 0o777, 0o600);
	assert.equal(fs.statSync(path.join(root, 'usr/sbin/splitwg')).mode & 0o777, 0o755);
	assert.ok(!exists(root, 'etc/uci-defaults/90-splitwg'), 'uci-defaults ran (and succeeded) at install');
	// the list files' directory, kept across sysupgrade
	assert.ok(fs.statSync(path.join(root, 'etc/splitwg/lists')).isDirectory());
	assert.equal(read(root, 'lib/upgrade/keep.d/splitwg'), '/etc/splitwg/lists/\n');
	const calls = takeCalls(root);
	for (const c of ['rc.common /etc/init.d/splitwg enable', 'rc.common /etc/init.d/splitwg start', APPLY, '/etc/init.d/rpcd reload'])
		assert.ok(calls.includes(c), `${c} in ${calls.join(' | ')}`);
	assert.equal(calls.filter((c) => c === '/etc/init.d/rpcd reload').length, 2, 'each package reloads rpcd (plugin, ACL)');
	assert.ok(!calls.includes(CLEANUP));
	assert.deepEqual(rcLinks(root), LINKS);
	assert.ok(!exists(root, 'tmp/luci-indexcache.0123.json') && !exists(root, 'tmp/luci-modulecache'), 'LuCI caches dropped');
	assert.match(opkg.output.join(''), /dnsmasq has no nftset support/, 'warns when dnsmasq lacks nftset');
	for (const [c, text] of others) assert.equal(read(root, `etc/config/${c}`), text, `/etc/config/${c} untouched`);

	assert.deepEqual(rpcdServes(root), ['ucode/splitwg', 'acl.d/luci-app-splitwg.json'], 'rpcd serves the plugin and the ACL');

	opkg.remove('luci-app-splitwg');
	assert.deepEqual(rpcdServes(root), ['ucode/splitwg'], 'rpcd forgets the LuCI ACL');
	takeCalls(root);
	// what an apply leaves in /var/run/splitwg (the stand-in CLI runs none)
	fs.mkdirSync(path.join(root, 'var/run/splitwg/lock'), { recursive: true });
	fs.writeFileSync(path.join(root, 'var/run/splitwg/state.json'), '{"ok":true,"enabled":false}\n');
	opkg.remove('splitwg');
	const removal = takeCalls(root);
	assert.equal(removal.filter((c) => c === CLEANUP).length, 1, `splitwg stop once at removal: ${removal.join(' | ')}`);
	assert.ok(!exists(root, 'var/run/splitwg'), 'the apply state goes with the package');
	assert.ok(removal.includes('rc.common /etc/init.d/splitwg disable'));
	assert.deepEqual(rpcdServes(root), [], 'after the removal rpcd no longer serves `splitwg`: no ubus call can re-apply');
	// nor in between: the ubus API is gone before the teardown starts
	const unloaded = removal.indexOf('rpcd loaded:');
	assert.ok(unloaded >= 0 && unloaded < removal.indexOf(CLEANUP), removal.join(' | '));
	assert.deepEqual(diffSnapshots(s0, snapshot(root)), [], 'the root is as before the install');
});

test('upgrade keeps a modified config and the service enabled; removal keeps only the modified config', { skip: Boolean(unavailable) }, () => {
	const { root, opkg, before: s0 } = router('upgrade');
	opkg.install(ipk['splitwg@0.1.0']);
	opkg.install(ipk['luci-app-splitwg@0.1.0']);
	const shipped = read(root, 'etc/config/splitwg');
	const mine = `${shipped}\nconfig client 'phone'\n\toption kind 'peer'\n`;
	fs.writeFileSync(path.join(root, 'etc/config/splitwg'), mine);
	takeCalls(root);

	opkg.install(ipk['splitwg@0.1.1']);
	opkg.install(ipk['luci-app-splitwg@0.1.1']);
	assert.equal(opkg.db.get('splitwg')?.version, '0.1.1-r1');
	assert.equal(read(root, 'etc/config/splitwg'), mine, 'the user\'s config survives the upgrade');
	assert.equal(read(root, 'etc/config/splitwg-opkg'), shipped, 'the new default is beside it, as opkg does');
	const calls = takeCalls(root);
	assert.ok(calls.includes('rc.common /etc/init.d/splitwg stop') && calls.includes('rc.common /etc/init.d/splitwg start'), calls.join(' | '));
	assert.ok(!calls.includes('rc.common /etc/init.d/splitwg disable') && !calls.includes('rc.common /etc/init.d/splitwg enable'));
	// default_prerm's `stop` reached the init script's stop_service (with
	// PKG_UPGRADE=1): it must leave the table and the kill switch in place
	assert.ok(!calls.includes(CLEANUP), `an upgrade does not tear down what splitwg set up: ${calls.join(' | ')}`);
	assert.ok(calls.indexOf(APPLY) > calls.indexOf('rc.common /etc/init.d/splitwg stop'), 'the new version re-applies');
	assert.deepEqual(rcLinks(root), LINKS);

	opkg.remove('luci-app-splitwg');
	opkg.remove('splitwg');
	assert.deepEqual(diffSnapshots(s0, snapshot(root)), ['added /etc/config/splitwg', 'added /etc/config/splitwg-opkg'],
		'only opkg\'s conffile rule keeps files: the modified config and the default it did not overwrite');
	assert.equal(read(root, 'etc/config/splitwg'), mine);

	opkg.install(ipk['splitwg@0.1.1']);
	assert.equal(read(root, 'etc/config/splitwg'), mine, 'a reinstall picks the kept config up');
});

test('the service by hand: stop removes everything, restart and reload only re-apply', { skip: Boolean(unavailable) }, () => {
	const { root, opkg } = router('by-hand');
	opkg.install(ipk['splitwg@0.1.0']);
	takeCalls(root);
	const service = (action: string) => {
		const r = runInRouter(root, `/etc/init.d/splitwg ${action}`);
		assert.equal(r.status, 0, `${action}: ${r.stdout}${r.stderr}`);
		return takeCalls(root);
	};
	assert.ok(service('stop').includes(CLEANUP), 'docs/cli.md: stop = splitwg stop');
	for (const action of ['restart', 'reload', 'start']) {
		const calls = service(action);
		assert.ok(calls.includes(APPLY) && !calls.includes(CLEANUP), `${action}: ${calls.join(' | ')}`);
	}
});

test('the shipped config stays as shipped: install (uci-defaults run), upgrade and removal see it unmodified', { skip: Boolean(unavailable) }, () => {
	const { root, opkg, before: s0 } = router('pristine');
	opkg.install(ipk['splitwg@0.1.0']);
	assert.ok(!exists(root, 'etc/uci-defaults/90-splitwg'), 'uci-defaults ran (and succeeded)');
	assert.deepEqual(opkg.modifiedConffiles('splitwg'), [], 'opkg sees /etc/config/splitwg as shipped');
	assert.match(read(root, 'etc/config/splitwg'), /^# splitwg/, 'comments and all');

	opkg.install(ipk['splitwg@0.1.1']);
	assert.ok(!exists(root, 'etc/config/splitwg-opkg'), 'an upgrade replaces an unmodified config instead of keeping it');
	assert.deepEqual(opkg.modifiedConffiles('splitwg'), []);

	opkg.remove('splitwg');
	assert.ok(!exists(root, 'etc/config/splitwg'), 'removal deletes the config the user did not change');
	assert.deepEqual(diffSnapshots(s0, snapshot(root)), []);
});

test('first boot of an image whose config enables the server without a key: the key is generated, never on a command line', { skip: Boolean(unavailable) }, () => {
	const { root, opkg } = router('image');
	// an image builder's own /etc/config/splitwg (files/ in the buildroot)
	const mine = "config globals 'main'\n\toption enabled '1'\n\nconfig server 'server'\n\tlist address '10.77.0.1/24'\n";
	fs.writeFileSync(path.join(root, 'etc/config/splitwg'), mine);
	opkg.install(ipk['splitwg@0.1.0']);
	assert.ok(!exists(root, 'etc/uci-defaults/90-splitwg'), 'uci-defaults ran (and succeeded)');
	const key = runInRouter(root, 'uci -q get splitwg.server.private_key').stdout.trim();
	assert.match(key, /^[A-Za-z0-9+/]{43}=$/);
	assert.ok(!takeCalls(root).some((c) => c.includes(key)), 'the key is on no command line');
	assert.ok(read(root, 'etc/config/splitwg-opkg').startsWith('# splitwg'), 'the package default is beside the image\'s config');
});
