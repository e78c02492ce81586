// The compiled health checker (files/usr/share/splitwg/health.uc) under a
// real ucode with the uloop module (OpenWrt's: $OWRT_UCODE, default
// /opt/owrt/bin/ucode; skipped without), in a scratch root whose commands
// go through the stub of test/helpers/ucoderoot.ts; and `splitwg health
// --needed`, the init script's question, under the same ucode.
import { test } from 'vitest';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { setup } from '../helpers/ucoderoot';
import { HOME } from './openwrt';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const OWRT = process.env.OWRT_UCODE ?? '/opt/owrt/bin/ucode';
const hasUloop = fs.existsSync(OWRT) && spawnSync(OWRT, ['-e', "import { init } from 'uloop';"]).status === 0;
const GROUPS = fs.readFileSync(path.join(repo, 'test/golden/groups/splitwg'), 'utf8');

function owrt(root: string, args: string[], timeoutMs?: number) {
	return spawnSync(OWRT, ['-S', '-L', path.join(repo, 'files/usr/share/ucode/*.uc'), ...args], {
		encoding: 'utf8', timeout: timeoutMs, killSignal: 'SIGTERM',
		env: { ...process.env, POSIXLY_CORRECT: '1', SPLITWG_ROOT: root, SPLITWG_UCI_CONFDIR: path.join(root, 'etc/config'), SPLITWG_EXEC: path.join(root, 'exec') },
	});
}

test('splitwg health --needed: 0 with a group, 0 with a probe, 1 with neither', { skip: !hasUloop }, () => {
	const { root } = setup();
	const cli = path.join(repo, 'files/usr/sbin/splitwg');
	const needed = (text: string) => { fs.writeFileSync(path.join(root, 'etc/config/splitwg'), text); return owrt(root, [cli, 'health', '--needed']).status; };
	assert.equal(needed(GROUPS), 0);
	assert.equal(needed(HOME), 1);
	assert.equal(needed(HOME.replace("config upstream 'us'\n", "config upstream 'us'\n\toption probe '10.0.0.1'\n")), 0);
});

test('health.uc runs its uloop timer: the first tick judges every watched upstream, sets the slots, writes health.json and logs', { skip: !hasUloop }, () => {
	const { root } = setup();
	fs.writeFileSync(path.join(root, 'etc/config/splitwg'), GROUPS);
	// what it watches comes from the last apply (health.ts WATCH_FILE), not from the config
	const a = owrt(root, [path.join(repo, 'files/usr/sbin/splitwg'), 'apply']);
	assert.equal(a.status, 0, a.stderr + a.stdout);
	assert.ok(fs.existsSync(path.join(root, 'var/run/splitwg/watch.json')));
	fs.writeFileSync(path.join(root, 'calls.log'), '');
	// resident: stopped by the test after its first tick (the timer fires at once)
	owrt(root, [path.join(repo, 'files/usr/share/splitwg/health.uc')], 2500);
	const h = JSON.parse(fs.readFileSync(path.join(root, 'var/run/splitwg/health.json'), 'utf8'));
	// no ubusd in the scratch root: netifd answers nothing, every tunnel counts as down
	assert.deepEqual(Object.keys(h.upstreams), ['us', 'eu', 'jp']);
	assert.ok(Object.values(h.upstreams).every((s: any) => s.up === false && s.reason === 'interface down'), JSON.stringify(h));
	assert.deepEqual(h.groups, { exits: [], spread: [] });
	const slots = fs.readFileSync(path.join(root, 'var/run/splitwg/groups.nft'), 'utf8');
	assert.match(slots, /^flush map inet splitwg grp_exits\nadd element inet splitwg grp_exits \{ 0 : drop \}$/m);
	const calls = fs.readFileSync(path.join(root, 'calls.log'), 'utf8');
	assert.match(calls, /^wg show all latest-handshakes$/m);
	assert.match(calls, /^nft -f \/var\/run\/splitwg\/groups\.nft\.tmp$/m);
	assert.match(calls, /^logger -t splitwg upstream us down: interface down$/m);
	assert.ok(!fs.existsSync(path.join(root, 'var/run/splitwg/groups.nft.tmp')));
});
