// The health checker's tick (src/router/health.ts) on the fake router: what
// it runs, writes and logs when a member of a group goes down and comes
// back, and apply keeping the slots file in line with the table it loads.
import { test } from 'vitest';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { tick, readWatchFile, readHealth, healthNeeded, HEALTH_FILE, WATCH_FILE } from '../../src/router/health';
import { followDns } from '../../src/router/healthdns';
import type { HealthFile } from '../../src/router/health';
import { apply, stop } from '../../src/router/apply';
import { status } from '../../src/router/status';
import { methods } from '../../src/router/api';
import { runCommand } from '../../src/router/command';
import { doctor } from '../../src/router/doctor';
import { GROUP_STATE } from '../../src/core/groups';
import { fakeRouter, dnsSection } from './fakes';
import type { FakeRouter } from './fakes';
import { openwrt, HOME } from './openwrt';

const GROUPS = fs.readFileSync('test/golden/groups/splitwg', 'utf8');

function applied(text = GROUPS): FakeRouter {
	const r = fakeRouter({ uci: openwrt(text) });
	assert.equal(apply(r.env).ok, true);
	r.ifaces = { sw_us: { up: true }, sw_eu: { up: true }, sw_jp: { up: true } };
	r.handshakes = { sw_us: r.now - 20, sw_eu: r.now - 30, sw_jp: r.now - 40 };
	r.reset();
	return r;
}

// ticks 5 s apart; the file after the last
function ticks(r: FakeRouter, n: number, prev: HealthFile | null): HealthFile {
	const w = readWatchFile(r.env)!.watch;
	let h = prev;
	for (let i = 0; i < n; i++) { h = tick(r.env, w, h, h === null); r.now += 5; }
	return h!;
}

test('the first tick sets the slots from what it sees (all up: as compiled), writes health.json, logs nothing', () => {
	const r = applied();
	const h = ticks(r, 1, null);
	assert.deepEqual(Object.keys(h.upstreams), ['us', 'eu', 'jp']);
	assert.ok(Object.values(h.upstreams).every((s) => s.up));
	assert.equal(h.upstreams.us!.rtt, 1);
	assert.equal(h.upstreams.eu!.handshake, 30);
	assert.deepEqual(h.groups, { exits: ['us'], spread: ['us', 'jp'] });
	assert.deepEqual(readHealth(r.env), h);
	assert.ok(r.calls.includes('ping -c 1 -W 1 -I sw_us 10.200.1.1'));
	assert.ok(r.calls.includes('ping -c 1 -W 1 -I sw_jp 1.1.1.1'));
	assert.ok(!r.calls.some((c) => c.includes('-I sw_eu')), 'eu has no probe: its handshakes');
	assert.equal(r.calls.filter((c) => c === 'wg show all latest-handshakes').length, 1);
	assert.match(r.fs.read(GROUP_STATE)!, /grp_exits \{ 0 : goto up_us \}/);
	assert.equal(r.fs.read(`${GROUP_STATE}.tmp`), null);
	assert.deepEqual(r.logs, []);
});

test('a member whose probes stop answering: down after down_after misses — the slots move, its connections are flushed, one log line; back after up_after answers', () => {
	const r = applied();
	let h = ticks(r, 1, null);
	r.reset();
	r.probes.sw_us = null;
	h = ticks(r, 1, h);
	assert.equal(h.upstreams.us!.up, true, 'one miss of two');
	assert.equal(h.upstreams.us!.fails, 1);
	assert.ok(!r.calls.some((c) => c.startsWith('nft -f')), 'no change: no nft');
	assert.deepEqual(r.logs, []);
	h = ticks(r, 1, h);
	assert.equal(h.upstreams.us!.up, false);
	assert.deepEqual(r.logs, ['upstream us down: 2 probes missed']);
	assert.ok(r.calls.includes('conntrack -D -f ipv4 -m 0x20000000/0x70000000'), r.calls.join('\n'));
	const slots = r.fs.read(GROUP_STATE)!;
	assert.match(slots, /grp_exits \{ 0 : goto up_eu \}/);
	assert.match(slots, /grp_spread \{ 0-59 : goto up_jp \}/);
	assert.ok(r.loaded.at(-1)!.includes('goto up_eu'), 'the kernel got it');
	assert.deepEqual(h.groups, { exits: ['eu'], spread: ['jp'] });
	r.reset();
	delete r.probes.sw_us;
	h = ticks(r, 1, h);
	assert.equal(h.upstreams.us!.up, false, 'one answer of two');
	h = ticks(r, 1, h);
	assert.equal(h.upstreams.us!.up, true);
	assert.deepEqual(r.logs, ['upstream us up: 2 probes answered']);
	assert.ok(!r.calls.some((c) => c.startsWith('conntrack')), 'a member back up flushes nothing: connections keep their member');
	assert.deepEqual(h.groups, { exits: ['us'], spread: ['us', 'jp'] });
});

test('an interface netifd reports down is down at the next tick; a stale handshake takes a probe-less member down', () => {
	const r = applied();
	let h = ticks(r, 1, null);
	r.ifaces.sw_us = { up: false };
	r.handshakes.sw_eu = r.now - 500;
	r.reset();
	h = ticks(r, 1, h);
	assert.deepEqual(r.logs.sort(), ['upstream eu down: no handshake for 500 s', 'upstream us down: interface down']);
	assert.ok(!r.calls.some((c) => c.includes('-I sw_us')), 'no ping through an interface that is down');
	assert.deepEqual(h.groups, { exits: ['jp'], spread: ['jp'] });
});

test('nft refusing the slots: the included file keeps what the live table accepted, and the failure is logged', () => {
	const r = applied();
	let h = ticks(r, 1, null);
	const before = r.fs.read(GROUP_STATE);
	r.fail = (argv) => argv[0] === 'nft' && argv[1] === '-f' ? { code: 1, stdout: '', stderr: 'Error: No such file or directory; did you mean map grp_x' } : null;
	r.ifaces.sw_us = { up: false };
	h = ticks(r, 1, h);
	assert.equal(r.fs.read(GROUP_STATE), before);
	assert.equal(r.fs.read(`${GROUP_STATE}.tmp`), null);
	assert.ok(r.logs.some((l) => /slots could not be set: nft -f .* exited 1/.test(l)), r.logs.join('\n'));
	assert.equal(h.upstreams.us!.up, false);
});

test('apply rewrites the slots file for the new table from the checker\'s states, and removes it when no group is left', () => {
	const r = applied();
	r.ifaces.sw_us = { up: false };
	ticks(r, 1, null);
	// a group renamed: the old map is gone from the new table
	const renamed = GROUPS.replace("config group 'exits'", "config group 'main'").replace("option upstream 'exits'", "option upstream 'main'").replace("option upstream 'exits'", "option upstream 'main'");
	r.uci.setText('splitwg', renamed);
	assert.equal(apply(r.env).ok, true);
	const slots = r.fs.read(GROUP_STATE)!;
	assert.ok(!slots.includes('grp_exits'), slots);
	assert.match(slots, /grp_main \{ 0 : goto up_eu \}/, 'us is down (health.json): the new table starts without it');
	// the table's include names the file (hostPath: the same on a router)
	assert.match(r.fs.read('/usr/share/nftables.d/ruleset-post/90-splitwg.nft')!, /include "\/var\/run\/splitwg\/groups\*\.nft"/);
	r.uci.setText('splitwg', HOME);
	assert.equal(apply(r.env).ok, true);
	assert.equal(r.fs.read(GROUP_STATE), null);
	r.uci.setText('splitwg', GROUPS);
	assert.equal(apply(r.env).ok, true);
	assert.ok(r.fs.read(GROUP_STATE));
	assert.equal(stop(r.env).ok, true);
	assert.equal(r.fs.read(GROUP_STATE), null);
});

test('a dry run leaves the slots file alone; a failed apply puts the old one back', () => {
	const r = applied();
	ticks(r, 1, null);
	const before = r.fs.read(GROUP_STATE);
	r.uci.setText('splitwg', HOME);
	assert.equal(apply(r.env, { dryRun: true }).ok, true);
	assert.equal(r.fs.read(GROUP_STATE), before);
	r.fail = (argv) => argv[0] === 'nft' && argv[1] === '-c' ? { code: 1, stdout: '', stderr: 'Error: syntax error' } : null;
	assert.equal(apply(r.env).ok, false);
	assert.equal(r.fs.read(GROUP_STATE), before);
});

test('an upstream is probed every probe_interval: jp (10 s) every other 5 s tick, its state carried between', () => {
	const r = applied();
	let h = ticks(r, 1, null);
	r.reset();
	h = ticks(r, 1, h);
	assert.ok(r.calls.includes('ping -c 1 -W 1 -I sw_us 10.200.1.1'));
	assert.ok(!r.calls.some((c) => c.includes('-I sw_jp')), 'jp probed 5 s ago: not due');
	assert.equal(h.upstreams.jp!.last, 1_800_000_000);
	r.reset();
	h = ticks(r, 1, h);
	assert.ok(r.calls.includes('ping -c 1 -W 1 -I sw_jp 1.1.1.1'));
});

test('a checker started again takes the states it wrote (a member down stays down) and sets the slots from them', () => {
	const r = applied();
	r.probes.sw_us = null;
	let h = ticks(r, 2, null);
	assert.equal(h.upstreams.us!.up, false);
	r.reset();
	r.fs.unlink(GROUP_STATE);
	h = tick(r.env, readWatchFile(r.env)!.watch, readHealth(r.env), true);
	assert.equal(h.upstreams.us!.up, false);
	assert.match(r.fs.read(GROUP_STATE)!, /grp_exits \{ 0 : goto up_eu \}/);
	assert.deepEqual(r.logs, []);
});

test('the checker is needed with a group or a probe, not otherwise; apply writes what it watches (no keys), and removes it when nothing is left', () => {
	const r = applied();
	const w = readWatchFile(r.env)!.watch;
	assert.equal(healthNeeded(w), true);
	assert.deepEqual(w.upstreams.map((u) => u.name), ['us', 'eu', 'jp']);
	assert.deepEqual(Object.keys(w.upstreams[0]!).sort(), ['health', 'iface', 'keepalive', 'mark', 'name']);
	assert.ok(!/private|preshared/.test(r.fs.read(WATCH_FILE)!), 'no key in the watch file');
	r.uci.setText('splitwg', HOME);
	assert.equal(apply(r.env).ok, true);
	assert.equal(readWatchFile(r.env), null);
	assert.equal(healthNeeded(null), false);
	r.uci.setText('splitwg', HOME.replace("config upstream 'us'\n", "config upstream 'us'\n\toption probe '10.0.0.1'\n"));
	assert.equal(apply(r.env).ok, true);
	assert.deepEqual(readWatchFile(r.env)!.watch.upstreams.map((u) => u.name), ['us']);
	assert.equal(readHealth(r.env), null);
	r.fs.write(HEALTH_FILE, '{not json');
	assert.equal(readHealth(r.env), null);
});

test('status: each watched upstream\'s health and each group\'s member now, from health.json; a member down and a group with none up are warned about', () => {
	const r = applied();
	let s = status(r.env);
	assert.deepEqual(s.groups, [{ name: 'exits', mode: 'failover', members: ['us', 'eu', 'jp'], active: ['us'] }, { name: 'spread', mode: 'balance', members: ['us', 'jp'], active: ['us', 'jp'] }], 'no checker state yet: as compiled');
	assert.equal(s.upstreams.find((u) => u.name === 'us')!.health, null);
	r.probes.sw_us = null;
	ticks(r, 2, null);
	s = status(r.env);
	const us = s.upstreams.find((u) => u.name === 'us')!;
	assert.deepEqual(us.health, { state: 'down', since: 1_800_000_005, last: 1_800_000_005, rtt: null, fails: 2, reason: '2 probes missed' });
	assert.equal(s.upstreams.find((u) => u.name === 'jp')!.health!.rtt, 1);
	assert.deepEqual(s.groups.map((g) => [g.name, g.active]), [['exits', ['eu']], ['spread', ['jp']]]);
	assert.ok(s.warnings.includes('upstream us: the health checker finds it down (2 probes missed): its groups give new connections to their other members'), s.warnings.join('\n'));
	r.probes.sw_eu = null;
	r.ifaces.sw_eu = { up: false };
	r.ifaces.sw_jp = { up: false };
	ticks(r, 1, readHealth(r.env));
	assert.ok(status(r.env).warnings.includes('group exits: no member is up: its traffic is blocked'));
});

test('explain on the router: a member the checker took down is down for explain too — the group\'s next member', () => {
	const r = applied();
	const ex = () => methods(() => r.env).explain.call({ args: { client: 'laptop', destination: '192.0.2.99' } });
	assert.equal(ex().upstream, 'us');
	r.probes.sw_us = null;
	ticks(r, 2, null);
	const x = ex();
	assert.equal(x.upstream, 'eu', JSON.stringify(x));
	assert.equal(x.group, 'exits');
});

test('splitwg status and splitwg health show the checker\'s view', () => {
	const r = applied();
	r.probes.sw_us = null;
	ticks(r, 2, null);
	const out: string[] = [];
	const io = { out: (s: string) => { out.push(s); }, err: (s: string) => { out.push(s); } };
	assert.equal(runCommand(r.env, ['status'], io), 0);
	const text = out.join('');
	assert.match(text, /^ {15}health: DOWN since .* \(2 probes missed\), last look 5s ago$/m);
	assert.match(text, /^ {15}health: up since .* \(probe answered\), rtt 1 ms/m);
	assert.match(text, /^  exits {8}failover  eu  \(members us, eu, jp\)$/m);
	out.length = 0;
	assert.equal(runCommand(r.env, ['health'], io), 0);
	assert.match(out.join(''), /^  us {11}DOWN  since .*  2 probes missed, 2 missed$/m);
	assert.match(out.join(''), /^  group spread {7}jp$/m);
	out.length = 0;
	assert.equal(runCommand(r.env, ['health', '--json'], io), 0);
	assert.deepEqual(JSON.parse(out.join('')), readHealth(r.env));
	assert.equal(runCommand(r.env, ['health', '--needed'], io), 0);
	r.uci.setText('splitwg', HOME);
	assert.equal(runCommand(r.env, ['health', '--needed'], io), 1);
});

test('doctor: slots the checker moved are no drift (its maps are the checker\'s, not the config\'s)', () => {
	const r = applied();
	r.probes.sw_us = null;
	ticks(r, 2, null);
	const slots = r.fs.read(GROUP_STATE)!;
	assert.match(slots, /goto up_eu/);
	// the kernel's grp_exits as the checker set it
	r.nftJson = JSON.stringify({ nftables: [{ map: { family: 'inet', table: 'splitwg', name: 'grp_exits', elem: [[0, { goto: { target: 'up_eu' } }]] } }] });
	const d = doctor(r.env);
	assert.ok(!d.findings.some((f: any) => /grp_/.test(f.path)), JSON.stringify(d.findings));
});

// us and eu with DNS servers of their own; the laptop's news.test through exits (failover us → eu → jp)
const DNS_GROUPS = GROUPS.replace("option probe '10.200.1.1'", "option probe '10.200.1.1'\n\tlist dns '10.200.1.53'")
	.replace("option keepalive '25'", "option keepalive '25'\n\tlist dns '10.200.2.53'")
	+ "\nconfig rule\n\toption client 'laptop'\n\tlist domain 'news.test'\n\toption action 'proxy'\n";

test('a failover group whose members have DNS: when the checker moves it, the dnsmasq file follows (written, dnsmasq restarted, the state\'s hash with it); the next apply compiles with those states and changes nothing', () => {
	const text = DNS_GROUPS;
	const r = applied(text);
	const file = `/tmp/dnsmasq.${dnsSection(r)}.d/splitwg.conf`;
	assert.match(r.fs.read(file)!, /^server=\/news\.test\/10\.200\.1\.53@sw_us$/m, 'exits → us: us\'s DNS for the rule through exits');
	let h = ticks(r, 1, null);
	assert.equal(followDns(r.env), true);
	assert.ok(!r.calls.includes('/etc/init.d/dnsmasq restart'), 'nothing changed: not restarted');
	r.probes.sw_us = null;
	r.reset();
	h = ticks(r, 2, h);
	assert.equal(h.upstreams.us!.up, false);
	// the resident checker asks a process of its own to render the file (it loads no config reader)
	assert.ok(r.calls.includes('/usr/sbin/splitwg health --dns'), r.calls.join('\n'));
	assert.equal(followDns(r.env), true);
	assert.match(r.fs.read(file)!, /^server=\/news\.test\/10\.200\.2\.53@sw_eu$/m, 'exits → eu: eu\'s DNS now');
	assert.ok(r.calls.includes('/etc/init.d/dnsmasq restart'));
	assert.ok(r.logs.includes('health: the groups\' domains now resolve through the DNS of their members up: dnsmasq restarted'), r.logs.join('\n'));
	assert.ok(!status(r.env).warnings.some((w) => /dnsmasq/.test(w)), 'status: the file is the applied one');
	r.reset();
	const a = apply(r.env);
	assert.equal(a.ok, true);
	assert.equal(a.changed.dnsmasq, false, a.message);
	assert.match(r.fs.read(file)!, /@sw_eu$/m);
});

test('the DNS entries are left alone while the configuration is not the applied one, or an apply runs', () => {
	const file = (r: FakeRouter) => `/tmp/dnsmasq.${dnsSection(r)}.d/splitwg.conf`;
	const r = applied(DNS_GROUPS);
	const before = r.fs.read(file(r));
	r.uci.setText('splitwg', DNS_GROUPS + "\nconfig ruleset 'more'\n");
	r.probes.sw_us = null;
	ticks(r, 2, null);
	followDns(r.env);
	assert.equal(r.fs.read(file(r)), before, 'not applied: the next apply writes it');
	const b = applied(DNS_GROUPS);
	b.fs.mkdirp('/var/run/splitwg/lock');
	b.fs.write('/var/run/splitwg/lock/time', `${b.now}\n`);
	b.probes.sw_us = null;
	ticks(b, 2, null);
	followDns(b.env);
	assert.equal(b.fs.read(file(b)), before);
	assert.ok(b.logs.includes('health: an apply is running: it writes the DNS entries for these states'), b.logs.join('\n'));
});

test('probe_dns: the DNS servers are pinged through the tunnel too, and one that does not answer is a miss', () => {
	const text = GROUPS.replace("option probe '10.200.1.1'", "option probe '10.200.1.1'\n\tlist dns '10.200.1.53'\n\toption probe_dns '1'");
	const r = applied(text);
	let h = ticks(r, 1, null);
	assert.ok(r.calls.includes('ping -c 1 -W 1 -I sw_us 10.200.1.1') && r.calls.includes('ping -c 1 -W 1 -I sw_us 10.200.1.53'), r.calls.join('\n'));
	assert.equal(h.upstreams.us!.up, true);
	// the probe address answers, the DNS server does not
	r.fail = (argv) => argv.join(' ') === 'ping -c 1 -W 1 -I sw_us 10.200.1.53' ? { code: 1, stdout: '', stderr: '' } : null;
	h = ticks(r, 2, h);
	assert.equal(h.upstreams.us!.up, false);
	assert.equal(h.upstreams.us!.reason, '2 probes missed');
	assert.deepEqual(h.groups.exits, ['eu']);
	// without probe_dns the same DNS server is not the checker's business
	const plain = applied(GROUPS.replace("option probe '10.200.1.1'", "option probe '10.200.1.1'\n\tlist dns '10.200.1.53'"));
	ticks(plain, 1, null);
	assert.ok(!plain.calls.some((c) => c.endsWith(' 10.200.1.53')), plain.calls.join('\n'));
});

test('while an apply runs the checker leaves the slots to it, and sets them once apply wrote what to watch', () => {
	const r = applied();
	let h = ticks(r, 1, null);
	r.reset();
	r.probes.sw_us = null;
	r.fs.mkdirp('/var/run/splitwg/lock');
	r.fs.write('/var/run/splitwg/lock/time', `${r.now}\n`);
	const before = r.fs.read(GROUP_STATE);
	h = ticks(r, 2, h);
	assert.equal(h.upstreams.us!.up, false, 'judged all the same');
	assert.equal(r.fs.read(GROUP_STATE), before, 'the slots file is the apply\'s');
	assert.ok(!r.calls.some((c) => c.startsWith('nft -f')), r.calls.join('\n'));
	assert.ok(r.logs.includes('health: the groups\' slots could not be set: an apply is running'), r.logs.join(' | '));
	assert.equal(h.pending, true);
	// the apply done (lock gone): the next tick sets them, with no change of state to prompt it
	r.fs.unlink('/var/run/splitwg/lock/time'); r.fs.rmdir('/var/run/splitwg/lock');
	h = tick(r.env, readWatchFile(r.env)!.watch, h, false);
	assert.match(r.fs.read(GROUP_STATE)!, /grp_exits \{ 0 : goto up_eu \}/);
	assert.equal(h.pending, false);
});
