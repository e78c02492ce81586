// The shell side: files/etc/init.d/splitwg (procd), the hotplug script and
// the uci-defaults script, run by a real sh with stubbed commands.
import { test } from 'vitest';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const INIT = path.join(root, 'files/etc/init.d/splitwg');
const HOTPLUG = path.join(root, 'files/etc/hotplug.d/iface/90-splitwg');
const DEFAULTS = path.join(root, 'files/etc/uci-defaults/90-splitwg');

function sh(script: string, env: Record<string, string> = {}): { code: number, out: string } {
	const r = spawnSync('sh', ['-c', script], { encoding: 'utf8', env: { PATH: process.env.PATH ?? '/usr/bin:/bin', ...env } });
	return { code: r.status ?? -1, out: r.stdout + r.stderr };
}

function tmp(): string {
	return fs.mkdtempSync(path.join(os.tmpdir(), 'swsvc-'));
}

// A stand-in for /usr/sbin/splitwg that logs its arguments; `health
// --needed` answers `needed` (exit 0) or not (exit 1).
function stubSplitwg(dir: string, triggers = 'wan\nwan6', needed = false): string {
	const p = path.join(dir, 'splitwg');
	fs.writeFileSync(p, `#!/bin/sh\necho "splitwg $*" >> ${dir}/log\n[ "$1" = triggers ] && printf '${triggers}\\n'\n[ "$1 $2" = "health --needed" ] && exit ${needed ? 0 : 1}\nexit 0\n`, { mode: 0o755 });
	return p;
}

// procd's shell API (/lib/functions/procd.sh) as log lines
const procdStubs = (d: string) => ['procd_add_reload_trigger', 'procd_add_reload_interface_trigger', 'procd_open_instance', 'procd_set_param', 'procd_close_instance']
	.map((f) => `${f}() { echo "${f.replace('procd_', '')} $*" >> ${d}/log; }`).join('\n');

test('init script: procd; start/reload apply, stop removes, shutdown keeps, triggers; no resident process without a group or probe', () => {
	const text = fs.readFileSync(INIT, 'utf8');
	assert.match(text, /^#!\/bin\/sh \/etc\/rc\.common$/m);
	assert.match(text, /^USE_PROCD=1$/m);
	assert.match(text, /^START=95$/m);   // after firewall (19), dnsmasq (19), network (20)
	const d = tmp();
	const stub = stubSplitwg(d);
	const r = sh(`. ${INIT}; SPLITWG=${stub}; ${procdStubs(d)}
start() { start_service; }
start_service; reload_service; restart; stop_service; shutdown; service_triggers`);
	assert.equal(r.code, 0, r.out);
	assert.deepEqual(fs.readFileSync(path.join(d, 'log'), 'utf8').trim().split('\n'), [
		'splitwg apply', 'splitwg health --needed', 'splitwg apply', 'splitwg health --needed', 'splitwg apply', 'splitwg health --needed', 'splitwg stop',
		'add_reload_trigger splitwg', 'splitwg triggers', 'add_reload_interface_trigger wan', 'add_reload_interface_trigger wan6',
	], 'no instance declared: nothing resident');
});

test('init script: with a group or a probe, start declares the health checker as a respawned procd instance', () => {
	const d = tmp();
	const stub = stubSplitwg(d, 'wan', true);
	const r = sh(`. ${INIT}; SPLITWG=${stub}; ${procdStubs(d)}\nstart_service`);
	assert.equal(r.code, 0, r.out);
	assert.deepEqual(fs.readFileSync(path.join(d, 'log'), 'utf8').trim().split('\n'), [
		'splitwg apply', 'splitwg health --needed',
		'open_instance health', 'set_param command /usr/bin/ucode -S /usr/share/splitwg/health.uc', 'set_param respawn', 'set_param stderr 1', 'close_instance',
	]);
});

test('hotplug script: only up/down events, only when applied, passes ACTION and INTERFACE', () => {
	const d = tmp();
	const stub = stubSplitwg(d);
	fs.mkdirSync(path.join(d, 'run'));
	const script = fs.readFileSync(HOTPLUG, 'utf8').replaceAll('/usr/sbin/splitwg', stub).replaceAll('/var/run/splitwg', path.join(d, 'run'));
	const hp = path.join(d, 'hotplug');
	fs.writeFileSync(hp, script);
	const ev = (action: string, iface: string) => sh(`sh ${hp}`, { ACTION: action, INTERFACE: iface });
	assert.equal(ev('ifup', 'wan').code, 0);
	assert.ok(!fs.existsSync(path.join(d, 'log')), 'not applied yet: nothing runs');
	fs.writeFileSync(path.join(d, 'run/state.json'), '{}');
	ev('ifup', 'wan'); ev('ifdown', 'sw_us'); ev('ifupdate', 'wan'); ev('ifupdate', 'sw_us'); ev('iflink', 'wan');
	assert.deepEqual(fs.readFileSync(path.join(d, 'log'), 'utf8').trim().split('\n'), [
		'splitwg hotplug ifup wan', 'splitwg hotplug ifdown sw_us', 'splitwg hotplug ifupdate sw_us',
	]);
});

test('uci-defaults: an enabled server without a key gets one, once, through stdin, nothing else touched', () => {
	const d = tmp();
	// uci stub over a tiny key=value store; wg stub prints a fixed key
	fs.writeFileSync(path.join(d, 'store'), 'splitwg.server=server\nsplitwg.server.enabled=1\nnetwork.lan=interface\n');
	fs.writeFileSync(path.join(d, 'uci'), `#!/bin/sh
S=${d}/store
echo "uci $*" >> ${d}/log
[ "$1" = -q ] && shift
case "$1" in
get) v=$(grep "^$2=" $S | cut -d= -f2-); [ -n "$v" ] || exit 1; echo "$v" ;;
batch) while read -r cmd arg; do echo "batch: $cmd" >> ${d}/log; [ "$cmd" = set ] && echo "$arg" >> $S; done ;;
esac
exit 0
`, { mode: 0o755 });
	fs.writeFileSync(path.join(d, 'wg'), '#!/bin/sh\necho "wg $*" >> ' + d + '/log\necho GENERATEDKEYxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx=\n', { mode: 0o755 });
	const env = { PATH: `${d}:${process.env.PATH}` };
	assert.equal(sh(`sh ${DEFAULTS}`, env).code, 0);
	assert.equal(fs.readFileSync(path.join(d, 'store'), 'utf8'), 'splitwg.server=server\nsplitwg.server.enabled=1\nnetwork.lan=interface\nsplitwg.server.private_key=GENERATEDKEYxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx=\n');
	const log = fs.readFileSync(path.join(d, 'log'), 'utf8');
	assert.ok(!/uci .*GENERATEDKEY/.test(log), 'the key never was an argument');
	assert.match(log, /batch: commit/);
	// second run: a key exists, nothing happens
	fs.writeFileSync(path.join(d, 'log'), '');
	assert.equal(sh(`sh ${DEFAULTS}`, env).code, 0);
	assert.ok(!fs.readFileSync(path.join(d, 'log'), 'utf8').includes('wg genkey'));
	// no wg yet: non-zero, so the script is kept and runs again at next boot
	fs.writeFileSync(path.join(d, 'store'), 'splitwg.server=server\n');
	fs.rmSync(path.join(d, 'wg'));
	assert.notEqual(sh(`sh ${DEFAULTS}`, { PATH: `${d}:/nonexistent` }).code, 0);
	// no server section: nothing to do, success
	fs.writeFileSync(path.join(d, 'store'), 'network.lan=interface\n');
	assert.equal(sh(`sh ${DEFAULTS}`, env).code, 0);
	// the shipped config: server disabled, so no key and no commit (that would
	// rewrite the conffile and make opkg take it for the user's)
	fs.writeFileSync(path.join(d, 'wg'), '#!/bin/sh\necho "wg $*" >> ' + d + '/log\necho GENERATEDKEYxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx=\n', { mode: 0o755 });
	fs.writeFileSync(path.join(d, 'store'), 'splitwg.server=server\nsplitwg.server.enabled=0\n');
	fs.writeFileSync(path.join(d, 'log'), '');
	assert.equal(sh(`sh ${DEFAULTS}`, env).code, 0);
	assert.doesNotMatch(fs.readFileSync(path.join(d, 'log'), 'utf8'), /wg genkey|batch/);
	// enabled by default when the option is absent, as the core reads it
	fs.writeFileSync(path.join(d, 'store'), 'splitwg.server=server\n');
	assert.equal(sh(`sh ${DEFAULTS}`, env).code, 0);
	assert.match(fs.readFileSync(path.join(d, 'store'), 'utf8'), /private_key=GENERATEDKEY/);
});
