// Issue 11, "never leak, never lie": for each case below the rendered table
// is loaded into a private router namespace (with the ip rules and routes
// netifd would install from the plan), real UDP packets are sent, and the
// interface each packet really left the router by (an nft set with
// counters in postrouting: source . oifname . dport) is compared with what
// explain() says. No packet leaves at all when it was dropped.
import { test, beforeAll, afterAll, beforeEach } from 'vitest';
import assert from 'node:assert/strict';
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { parseUci, readConfig, compile, explain } from '../../src/core/index';
import type { Config } from '../../src/core/model';
import type { Plan } from '../../src/core/plan';
import type { Env } from '../../src/router/env';
import { localNetworks } from '../../src/router/routes';
import { ruleArgv, routeArgv } from '../../lab/realise';
import { format } from '../../src/core/messages';
import { tableState } from '../../src/core/nft';
import { countedRules, pathCounters, rulesetHits } from '../../src/router/status';

const ID = process.pid;
const R = `sws-r${ID}`, C = `sws-c${ID}`, G = `sws-g${ID}`, W = `sws-w${ID}`, T = `sws-t${ID}`;
const NSS = [R, C, G, W, T];
const sh = (ns: string, cmd: string) => execFileSync('ip', ['netns', 'exec', ns, 'sh', '-c', cmd], { encoding: 'utf8' });
const run = (ns: string, argv: string[], input?: string) => spawnSync('ip', ['netns', 'exec', ns, ...argv], { input, encoding: 'utf8' });

const KEY = 'iB/iaspESqk09qV0DqOjxXUfScOrg0oSM+HcHc578Hk=';
const US = `config upstream 'us'
	option private_key '${KEY}'
	list address '10.200.1.2/32'
	list address 'fd00:a::2/128'
	option public_key '${KEY}'
	option endpoint '192.0.2.99:51820'
`;

let echo: ChildProcess | null = null;
let echoPort = 0;

beforeAll(async () => {
	for (const ns of NSS) execFileSync('ip', ['netns', 'add', ns]);
	execFileSync('ip', ['link', 'add', 'v-c', 'netns', C, 'type', 'veth', 'peer', 'name', 'lan0', 'netns', R]);
	execFileSync('ip', ['link', 'add', 'v-g', 'netns', G, 'type', 'veth', 'peer', 'name', 'br-x', 'netns', R]);
	execFileSync('ip', ['link', 'add', 'wan0', 'netns', W, 'type', 'veth', 'peer', 'name', 'wan', 'netns', R]);
	execFileSync('ip', ['link', 'add', 'sw_us_p', 'netns', T, 'type', 'veth', 'peer', 'name', 'sw_us', 'netns', R]);
	// another LAN and the server's interface: their far ends are a sink too
	execFileSync('ip', ['link', 'add', 'lan1_p', 'netns', T, 'type', 'veth', 'peer', 'name', 'lan1', 'netns', R]);
	execFileSync('ip', ['link', 'add', 'sw_server_p', 'netns', T, 'type', 'veth', 'peer', 'name', 'sw_server', 'netns', R]);
	sh(R, `sysctl -qw net.ipv6.conf.all.accept_dad=0; sysctl -qw net.ipv6.conf.default.accept_dad=0;
		ip link set lo up; for d in lan0 br-x wan sw_us; do ip link set $d up; done;
		ip link set lan1 up; ip link set sw_server up;
		ip addr add 192.168.77.1/24 dev lan0; ip addr add fd77::1/64 dev lan0 nodad; ip addr add 172.16.9.1/24 dev br-x;
		ip addr add 192.168.88.1/24 dev lan1; ip addr add 10.77.0.1/24 dev sw_server;
		ip addr add 198.51.100.2/24 dev wan; ip addr add 2001:db8:ff::2/64 dev wan nodad;
		ip route add default via 198.51.100.1 dev wan; ip -6 route add default via 2001:db8:ff::1 dev wan;
		sysctl -qw net.ipv4.ip_forward=1; sysctl -qw net.ipv6.conf.all.forwarding=1;
		sysctl -qw net.ipv4.conf.all.rp_filter=0; sysctl -qw net.ipv4.conf.default.rp_filter=0; for d in lan0 br-x wan sw_us lan1 sw_server; do sysctl -qw net.ipv4.conf.$d.rp_filter=0; done`);
	sh(C, `ip link set lo up; ip link set v-c up;
		for a in 192.168.77.10 192.168.77.12 192.168.77.20 192.168.77.50; do ip addr add $a/32 dev v-c; done;
		for a in fd77::10 fd77::12 fd77::20; do ip addr add $a/128 dev v-c nodad; done;
		ip route add 192.168.77.1 dev v-c; ip route add default via 192.168.77.1 dev v-c onlink;
		ip -6 route add fd77::1 dev v-c; ip -6 route add default via fd77::1 dev v-c`);
	sh(G, `ip link set lo up; ip link set v-g up; ip addr add 172.16.9.5/24 dev v-g; ip addr add 172.16.9.6/24 dev v-g; ip route add default via 172.16.9.1`);
	sh(W, `ip link set lo up; ip link set wan0 up; ip addr add 198.51.100.1/24 dev wan0; ip addr add 2001:db8:ff::1/64 dev wan0 nodad;
		ip addr add 203.0.113.7/32 dev lo; ip route add default via 198.51.100.2; ip -6 route add default via 2001:db8:ff::2`);
	sh(T, 'ip link set lo up; for d in sw_us_p lan1_p sw_server_p; do ip link set $d up; done');
	// where each packet left the router
	const obs = run(R, ['nft', '-f', '-'], `table inet obs {
	set seen4 { type ipv4_addr . ifname . inet_service; flags dynamic; counter; }
	set seen6 { type ipv6_addr . ifname . inet_service; flags dynamic; counter; }
	chain post {
		type filter hook postrouting priority 500; policy accept;
		meta l4proto udp update @seen4 { ip saddr . oifname . th dport }
		meta l4proto udp update @seen6 { ip6 saddr . oifname . th dport }
	}
}`);
	assert.equal(obs.status, 0, obs.stderr);
	// the "internet" answers UDP on 203.0.113.7, so a flow can be established
	echo = spawn('ip', ['netns', 'exec', W, process.execPath, '-e', `
		const s = require('dgram').createSocket('udp4');
		s.on('message', (m, r) => s.send(m, r.port, r.address));
		s.bind(0, '203.0.113.7', () => { const a = s.address(); process.stdout.write(String(a.port)); });`], { stdio: ['ignore', 'pipe', 'inherit'] });
	echoPort = await new Promise<number>((res) => echo!.stdout!.once('data', (d) => res(Number(String(d)))));
});

afterAll(() => {
	if (echo) echo.kill();
	for (const ns of NSS) spawnSync('ip', ['netns', 'del', ns]);
});

const UNROUTE = `for p in $(seq 21000 21010); do while ip rule del priority $p 2>/dev/null; do :; done; while ip -6 rule del priority $p 2>/dev/null; do :; done; done;
	ip route flush table 2101; ip -6 route flush table 2101`;

// Every test starts from no table, no policy routing of ours, no conntrack entries, no counts.
beforeEach(() => {
	run(R, ['nft', 'delete', 'table', 'inet', 'splitwg']);
	sh(R, `${UNROUTE}; conntrack -F 2>/dev/null; nft flush set inet obs seen4; nft flush set inet obs seen6; true`);
});

function config(text: string): Config {
	const r = readConfig(parseUci(text).sections);
	assert.deepEqual(r.problems, []);
	return r.config!;
}

function loadTable(p: Plan) {
	const r = run(R, ['nft', '-f', '-'], p.nft);
	assert.equal(r.status, 0, r.stderr);
}

// What netifd makes of the plan's rule/route sections; `up`: tunnels whose
// default route is there (a tunnel that is down has none).
function realiseNetwork(p: Plan, up: string[]) {
	const cmds: string[] = [UNROUTE];
	for (const s of p.network) {
		const o = s.options as Record<string, string>;
		if (s.type === 'rule' || s.type === 'rule6') cmds.push(ruleArgv(p, s, 'add').join(' '));
		else if ((s.type === 'route' || s.type === 'route6') && (o.type === 'unreachable' || up.includes(o.interface)))
			cmds.push(routeArgv(p, s, 'add').join(' '));
	}
	if (cmds.length) sh(R, cmds.join('; '));
}

interface Probe { ns: string, src: string, dst: string, port: number, sport?: number, echo?: boolean }

// One datagram per probe (from a fixed source port when given: the same
// conntrack entry as an earlier probe); `echo` waits for the answer.
function send(probes: Probe[]) {
	for (const ns of new Set(probes.map((p) => p.ns))) {
		const mine = probes.filter((p) => p.ns === ns);
		const js = `const dg = require('dgram');
			(async () => { for (const p of ${JSON.stringify(mine)}) await new Promise((done) => {
				const s = dg.createSocket(p.src.includes(':') ? 'udp6' : 'udp4');
				const end = () => { try { s.close(); } catch {} done(); };
				s.on('error', end);
				s.on('message', end);
				s.bind({ address: p.src, port: p.sport ?? 0 }, () => s.send('x', p.port, p.dst, () => { if (!p.echo) end(); else setTimeout(end, 2000); }));
			}); })();`;
		execFileSync('ip', ['netns', 'exec', ns, process.execPath, '-e', js]);
	}
}

// Where the router sent the probe: { oifname: packets }.
function left(p: Probe): Record<string, number> {
	const set = p.src.includes(':') ? 'seen6' : 'seen4';
	const doc = JSON.parse(run(R, ['nft', '-j', 'list', 'set', 'inet', 'obs', set]).stdout);
	const out: Record<string, number> = {};
	for (const x of doc.nftables) for (const e of x.set?.elem ?? []) {
		const [src, oif, port] = e.elem.val.concat;
		if (src === p.src && port === p.port) out[oif] = e.elem.counter.packets;
	}
	return out;
}

function ctMark(p: Probe): string | null {
	const r = run(R, ['conntrack', '-L', '-s', p.src, '-d', p.dst, '-p', 'udp', '--dport', String(p.port)]);
	const m = r.stdout.match(/mark=(\d+)/);
	return m ? `0x${Number(m[1]).toString(16).padStart(8, '0')}` : null;
}

test('kill switch off: proxied traffic of a tunnel that is down leaves by the WAN, as explain says', () => {
	const cfg = config(`config globals 'main'\n\toption kill_switch '0'\n${US}
config client 'laptop'\n\tlist address '192.168.77.12'\n\toption default 'proxy'\n\toption upstream 'us'\n`);
	const p = compile(cfg);
	loadTable(p);
	realiseNetwork(p, []);
	const probe = { ns: C, src: '192.168.77.12', dst: '203.0.113.9', port: 31001 };
	send([probe]);
	const e = explain(cfg, { client: 'laptop', destination: probe.dst, proto: 'udp', port: probe.port, down: ['us'] });
	assert.ok(!('error' in e));
	assert.equal(e.action, 'direct', e.reason);
	assert.deepEqual(left(probe), { wan: 1 }, 'the packet left by the WAN');
	assert.equal(ctMark(probe), e.mark, 'explain names the mark the table set');
});

test('kill switch on: proxied traffic of a tunnel that is down is dropped (unreachable route; the leak guard without it)', () => {
	const cfg = config(`config globals 'main'\n\toption kill_switch '1'\n${US}
config client 'laptop'\n\tlist address '192.168.77.12'\n\toption default 'proxy'\n\toption upstream 'us'\n`);
	const p = compile(cfg);
	loadTable(p);
	realiseNetwork(p, []);
	const a = { ns: C, src: '192.168.77.12', dst: '203.0.113.9', port: 31002 };
	send([a]);
	assert.deepEqual(left(a), {}, 'dropped by the unreachable route');
	// defence in depth: the table alone, with table 2101 empty
	sh(R, 'ip route flush table 2101');
	const b = { ...a, port: 31003 };
	send([b]);
	assert.deepEqual(left(b), {}, 'dropped by the leak guard');
	const e = explain(cfg, { client: 'laptop', destination: a.dst, proto: 'udp', port: a.port, down: ['us'] });
	assert.ok(!('error' in e));
	assert.equal(e.action, 'block', e.reason);
});

// Client a is everything arriving on br-x (DNS hijacked), client b one
// address behind it with dns_hijack '0': b's address decides first, as it
// does for classification, so b's DNS and DoT go out untouched.
const HIJACK = (bHijack: string) => `config globals 'main'\n\toption dns_hijack '1'
config client 'a'\n\tlist interface 'br-x'
config client 'b'\n\tlist address '172.16.9.5'\n\toption dns_hijack '${bHijack}'
`;

function redirected(p: Probe): boolean {
	const r = run(R, ['conntrack', '-L', '-s', p.src, '-d', p.dst, '-p', 'udp', '--dport', String(p.port)]);
	return /src=172\.16\.9\.1 /.test(r.stdout.split('\n').find((l) => l.includes(`src=${p.src} `)) ?? '');
}

test('DNS hijack and DoT blocking follow the identity precedence of classification', () => {
	loadTable(compile(config(HIJACK('0'))));
	const aDns = { ns: G, src: '172.16.9.6', dst: '8.8.8.8', port: 53 }, aDot = { ...aDns, port: 853 };
	const bDns = { ...aDns, src: '172.16.9.5' }, bDot = { ...bDns, port: 853 };
	send([aDns, aDot, bDns, bDot]);
	assert.deepEqual(left(bDns), { wan: 1 }, "b's DNS is not redirected");
	assert.deepEqual(left(bDot), { wan: 1 }, "b's DoT is not dropped");
	assert.deepEqual(left(aDns), {}, "a's DNS does not leave");
	assert.ok(redirected(aDns), "a's DNS is answered by the router");
	assert.deepEqual(left(aDot), {}, "a's DoT is dropped");
	assert.equal(ctMark(aDot), null, "a's DoT never became a connection");
});

test('a reload forgets identities the config no longer has (dns_hijack turned off)', () => {
	loadTable(compile(config(HIJACK('1'))));
	const before = { ns: G, src: '172.16.9.5', dst: '8.8.4.4', port: 53 };
	send([before]);
	assert.ok(redirected(before), 'hijacked while dns_hijack is on');
	loadTable(compile(config(HIJACK('0'))));     // a reload, as apply and fw4 do it
	const after = { ...before, dst: '8.8.8.8' };
	send([after]);
	assert.deepEqual(left(after), { wan: 1 }, 'not hijacked after the reload');
});

test('a reload moves an address from one client to another (no stale identity, no element conflict)', () => {
	const US_ON = `config globals 'main'\n${US}`;
	const p1 = compile(config(`${US_ON}\nconfig client 'tv'\n\tlist address '192.168.77.10'\n\toption default 'proxy'\n\toption upstream 'us'\n`));
	loadTable(p1);
	realiseNetwork(p1, ['sw_us']);
	const a = { ns: C, src: '192.168.77.10', dst: '203.0.113.9', port: 31010 };
	send([a]);
	assert.deepEqual(left(a), { sw_us: 1 }, 'tv is proxied');
	loadTable(compile(config(`${US_ON}\nconfig client 'tv2'\n\tlist address '192.168.77.10'\n\toption default 'direct'\n`)));
	const b = { ...a, port: 31011 };
	send([b]);
	assert.deepEqual(left(b), { wan: 1 }, 'the address is now tv2\'s, which goes direct');
});

// Local time of day, `min` minutes from now, as a rule's start/stop time
// (nft's `meta hour` reads the system clock; the clock is never changed:
// the window is placed around, or away from, the present instead).
function hhmm(min: number): string {
	const d = new Date(Date.now() + min * 60_000);
	return `${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`;
}

function nowAt(): string {
	const d = new Date();
	return `${['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'][d.getDay()]} ${hhmm(0)}`;
}

// kid: 198.51.100.0/24 via us at any time (decided once), then a rule with
// a time window for 203.0.113.0/24, then the default direct.
function timed(action: 'block' | 'proxy', inside: boolean): Config {
	const [start, stop] = inside ? [hhmm(-60), hhmm(60)] : [hhmm(120), hhmm(180)];
	return config(`config globals 'main'\n${US}
config client 'kid'\n\tlist address '192.168.77.50'\n\toption default 'direct'\n\toption upstream 'us'
config rule\n\toption client 'kid'\n\tlist dest '198.18.0.0/15'\n\toption action 'proxy'
config rule\n\toption client 'kid'\n\tlist dest '203.0.113.0/24'\n\toption start_time '${start}'\n\toption stop_time '${stop}'\n\toption action '${action}'
`);
}

// Load the table (a reload: conntrack keeps its entries) and check what
// explain says about the flow now.
function loadTimed(cfg: Config, p: Probe, action: string) {
	const plan = compile(cfg);
	loadTable(plan);
	realiseNetwork(plan, ['sw_us']);
	const e = explain(cfg, { client: 'kid', destination: p.dst, proto: 'udp', port: p.port, at: nowAt() });
	assert.ok(!('error' in e));
	assert.equal(e.action, action, e.reason);
	assert.match(e.reason, /decided per packet: follows the time window/);
}

const minuteEdge = () => new Date().getSeconds() >= 58;   // hhmm() must not change under the test

test('a block window that begins drops the next packet of a running (established) flow', (t) => {
	if (minuteEdge()) { t.skip('at a minute boundary'); return; }
	const p = { ns: C, src: '192.168.77.50', dst: '203.0.113.7', port: echoPort, sport: 41001, echo: true };
	loadTimed(timed('block', false), p, 'direct');
	send([p]);
	assert.deepEqual(left(p), { wan: 1 });
	const ct = run(R, ['conntrack', '-L', '-s', p.src, '-p', 'udp', '--sport', String(p.sport)]).stdout;
	assert.ok(ct.includes('dport=') && !ct.includes('UNREPLIED'), `the flow is established: ${ct}`);
	assert.equal(ctMark(p), '0x00000000', 'the decision is not saved in conntrack');
	loadTimed(timed('block', true), p, 'block');
	send([{ ...p, echo: false }]);
	assert.deepEqual(left(p), { wan: 1 }, 'the second packet of the flow is dropped');
});

test('a path window that begins or ends moves the next packet of a running flow', (t) => {
	if (minuteEdge()) { t.skip('at a minute boundary'); return; }
	const p = { ns: C, src: '192.168.77.50', dst: '203.0.113.7', port: echoPort, sport: 41002 };
	loadTimed(timed('proxy', false), p, 'direct');
	send([p]);
	assert.deepEqual(left(p), { wan: 1 });
	loadTimed(timed('proxy', true), p, 'proxy');
	send([p]);
	assert.deepEqual(left(p), { wan: 1, sw_us: 1 }, 'window began: the next packet goes through the tunnel');
	loadTimed(timed('proxy', false), p, 'direct');
	send([p]);
	assert.deepEqual(left(p), { wan: 2, sw_us: 1 }, 'window ended: the next packet goes direct again');
	assert.equal(ctMark(p), '0x00000000');
});

test('a decision before the first timed rule is kept in conntrack', (t) => {
	if (minuteEdge()) { t.skip('at a minute boundary'); return; }
	const cfg = timed('block', true);
	const plan = compile(cfg);
	loadTable(plan);
	realiseNetwork(plan, ['sw_us']);
	const p = { ns: C, src: '192.168.77.50', dst: '198.18.0.9', port: 31020 };
	send([p]);
	const e = explain(cfg, { client: 'kid', destination: p.dst, proto: 'udp', port: p.port, at: nowAt() });
	assert.ok(!('error' in e));
	assert.equal(e.action, 'proxy');
	assert.doesNotMatch(e.reason, /per packet/);
	assert.deepEqual(left(p), { sw_us: 1 });
	assert.equal(ctMark(p), e.mark);
});

// The router's local networks, read from the namespace's real main table by
// the code apply uses.
function routerLocal(): string[] {
	const env = { routes: (f: 4 | 6) => JSON.parse(run(R, ['ip', `-${f}`, '-j', 'route', 'show', 'table', 'main']).stdout) } as unknown as Env;
	const r = localNetworks(env, true);
	assert.ok(r.ok);
	return r.local;
}

test('destinations the router routes locally are reachable and never classified, as explain says', () => {
	const cfg = config(`config globals 'main'\n${US}
config server 'server'\n\toption private_key '${KEY}'\n\tlist address '10.77.0.1/24'
config client 'laptop'\n\tlist address '192.168.77.12'\n\tlist address 'fd77::12'\n\toption default 'proxy'\n\toption upstream 'us'\n`);
	const local = routerLocal();
	assert.ok(local.includes('192.168.77.0/24') && local.includes('192.168.88.0/24') && local.includes('fd77::/64'), local.join(' '));
	assert.ok(!local.includes('10.77.0.0/24'), 'a route via sw_* is not read (the pool comes from the config)');
	const p = compile(cfg, { local });
	loadTable(p);
	realiseNetwork(p, ['sw_us']);
	const cases: [Probe, string][] = [
		[{ ns: C, src: '192.168.77.12', dst: '192.168.77.99', port: 32001 }, 'lan0'],       // the client's own LAN
		[{ ns: C, src: '192.168.77.12', dst: '192.168.88.5', port: 32002 }, 'lan1'],        // another LAN
		[{ ns: C, src: '192.168.77.12', dst: '172.16.9.5', port: 32003 }, 'br-x'],          // the guest network
		[{ ns: C, src: '192.168.77.12', dst: '10.77.0.5', port: 32004 }, 'sw_server'],      // the road-warrior pool
		[{ ns: C, src: 'fd77::12', dst: 'fd77::99', port: 32005 }, 'lan0'],
		[{ ns: C, src: '192.168.77.12', dst: '203.0.113.9', port: 32006 }, 'sw_us'],       // the internet: proxied
	];
	send(cases.map(([x]) => x));
	for (const [probe, oif] of cases) {
		const e = explain(cfg, { client: 'laptop', destination: probe.dst, proto: 'udp', port: probe.port, local });
		assert.ok(!('error' in e));
		assert.equal(e.action, oif === 'sw_us' ? 'proxy' : 'direct', `${probe.dst}: ${e.reason}`);
		if (oif !== 'sw_us') assert.match(e.reason, /a local network of the router/);
		assert.deepEqual(left(probe), { [oif]: 1 }, `${probe.dst} left by ${oif}`);
	}
});

test('a reload forgets a local network that is gone', () => {
	const cfg = config(`config globals 'main'\n${US}
config client 'laptop'\n\tlist address '192.168.77.12'\n\toption default 'proxy'\n\toption upstream 'us'\n`);
	// a network routed by the WAN (an ISP subnet): local while main has its route
	sh(R, 'ip route add 203.0.113.0/24 via 198.51.100.1 dev wan');
	const p1 = compile(cfg, { local: ['203.0.113.0/24'] });
	loadTable(p1);
	realiseNetwork(p1, ['sw_us']);
	const a = { ns: C, src: '192.168.77.12', dst: '203.0.113.9', port: 32010 };
	send([a]);
	assert.deepEqual(left(a), { wan: 1 }, 'local: not classified');
	sh(R, 'ip route del 203.0.113.0/24 via 198.51.100.1 dev wan');
	loadTable(compile(cfg, { local: [] }));
	const b = { ...a, port: 32011 };
	send([b]);
	assert.deepEqual(left(b), { sw_us: 1 }, 'no longer local: proxied');
});

test('a device known by one address family only: its other family is not classified, as explain and check say', () => {
	const text = `config globals 'main'\n${US}
config client 'tv'\n\tlist address '192.168.77.10'\n\toption default 'proxy'\n\toption upstream 'us'
config client 'cam'\n\tlist address 'fd77::20'\n\toption default 'proxy'\n\toption upstream 'us'\n`;
	const cfg = config(text);
	const r = readConfig(parseUci(text).sections);
	assert.deepEqual(r.warnings.map((w) => `${w.path}: ${format(w).split(':')[0]}`), ['client.tv.address: identifies IPv4 only', 'client.cam.address: identifies IPv6 only']);
	const p = compile(cfg);
	loadTable(p);
	realiseNetwork(p, ['sw_us']);
	const cases: [string, Probe, string][] = [
		['tv', { ns: C, src: '192.168.77.10', dst: '203.0.113.9', port: 33001 }, 'sw_us'],
		['tv', { ns: C, src: 'fd77::10', dst: '2001:db8:100::7', port: 33002 }, 'wan'],     // its SLAAC address
		['cam', { ns: C, src: 'fd77::20', dst: '2001:db8:100::7', port: 33003 }, 'sw_us'],
		['cam', { ns: C, src: '192.168.77.20', dst: '203.0.113.9', port: 33004 }, 'wan'],   // its DHCP address
	];
	send(cases.map(([, x]) => x));
	for (const [client, probe, oif] of cases) {
		const e = explain(cfg, { client, destination: probe.dst, proto: 'udp', port: probe.port });
		assert.ok(!('error' in e));
		assert.equal(e.action, oif === 'wan' ? 'direct' : 'proxy', `${client} → ${probe.dst}: ${e.reason}`);
		if (oif === 'wan') { assert.equal(e.rule, null); assert.match(e.reason, /is not classified/); }
		assert.deepEqual(left(probe), { [oif]: 1 }, `${client} ${probe.src} → ${probe.dst}`);
	}
	const d = explain(cfg, { client: 'tv', destination: 'video.test' });
	assert.ok(!('error' in d));
	assert.match(d.reason, /over IPv6 \(AAAA\) the answer is direct: client tv is identified by IPv4 addresses only: its IPv6 traffic .* is not classified/);
	const d6 = explain(cfg, { client: 'tv', destination: 'video.test', family: 6 });
	assert.ok(!('error' in d6));
	assert.equal(d6.action, 'direct', d6.reason);
});

const macOf = (ns: string, dev: string): string => JSON.parse(run(ns, ['ip', '-j', 'link', 'show', dev]).stdout)[0].address;

test('globals.ipv6 0: a MAC client\'s IPv6 is routed normally (not classified, not hijacked), as explain says', () => {
	const cfg = config(`config globals 'main'\n\toption ipv6 '0'\n\toption dns_hijack '1'\n${US}
config client 'm'\n\tlist mac '${macOf(C, 'v-c')}'\n\toption default 'block'\n`);
	const p = compile(cfg);
	loadTable(p);
	realiseNetwork(p, ['sw_us']);
	const v6 = { ns: C, src: 'fd77::10', dst: '2001:db8:100::7', port: 34001 };
	const dns6 = { ns: C, src: 'fd77::10', dst: '2001:db8:100::53', port: 53 };
	const v4 = { ns: C, src: '192.168.77.10', dst: '203.0.113.9', port: 34002 };
	send([v6, dns6, v4]);
	assert.deepEqual(left(v6), { wan: 1 }, 'IPv6 is not classified (the client\'s default block does not apply)');
	assert.deepEqual(left(dns6), { wan: 1 }, 'IPv6 DNS is not hijacked');
	assert.deepEqual(left(v4), {}, 'IPv4 is classified: blocked');
	const e = explain(cfg, { client: 'm', destination: v6.dst, proto: 'udp', port: v6.port });
	assert.ok(!('error' in e));
	assert.equal(e.action, 'direct', e.reason);
});

test('DNS and DoT to the router itself or to a local network are not hijacked (a Pi-hole on the LAN keeps answering)', () => {
	const local = routerLocal();
	loadTable(compile(config(HIJACK('1')), { local }));
	const lanDns = { ns: G, src: '172.16.9.6', dst: '192.168.88.5', port: 53 }, lanDot = { ...lanDns, port: 853 };
	const selfDot = { ns: G, src: '172.16.9.6', dst: '172.16.9.1', port: 853 };
	const net = { ns: G, src: '172.16.9.5', dst: '8.8.8.8', port: 53 };
	send([lanDns, lanDot, selfDot, net]);
	assert.deepEqual(left(lanDns), { lan1: 1 }, 'DNS to a LAN server is not redirected');
	assert.deepEqual(left(lanDot), { lan1: 1 }, 'DoT to a LAN host is not dropped');
	assert.ok(!redirected(lanDns));
	assert.notEqual(ctMark(selfDot), null, 'DoT to the router itself is not dropped (it became a connection)');
	assert.ok(redirected(net), 'DNS to an internet server is still answered by the router');
});

// One rule set, three clients: a (upstream us) and b (upstream eu, which is
// disabled: with the kill switch off its proxy rules go direct) bind it
// differently; c has a time window before it, so its binding marks packets
// only. The rule set's chain is jumped to: a match must end the decision
// (not fall back into the client's default), no match must reach it.
test('a rule set shared by clients with different upstreams and a time window before it decides as explain says, and its counters add up per client', (t) => {
	if (minuteEdge()) { t.skip('at a minute boundary'); return; }
	const cfg = config(`config globals 'main'\n\toption kill_switch '0'\n${US}
config upstream 'eu'\n\toption enabled '0'\n\toption private_key '${KEY}'\n\tlist address '10.200.2.2/32'\n\toption public_key '${KEY}'\n\toption endpoint '192.0.2.98:51820'
config ruleset 'shared'
config rule\n\toption ruleset 'shared'\n\tlist dest '203.0.113.7'\n\toption action 'proxy'
config rule\n\toption ruleset 'shared'\n\tlist dest '203.0.113.8'\n\toption action 'block'
config client 'a'\n\tlist address '192.168.77.10'\n\toption default 'direct'\n\toption upstream 'us'\n\tlist ruleset 'shared'
config client 'b'\n\tlist address '192.168.77.12'\n\toption default 'block'\n\toption upstream 'eu'\n\tlist ruleset 'shared'
config client 'c'\n\tlist address '192.168.77.20'\n\toption default 'direct'\n\toption upstream 'us'\n\tlist ruleset 'shared'
config rule\n\toption client 'c'\n\tlist dest '198.18.0.0/15'\n\toption start_time '${hhmm(120)}'\n\toption stop_time '${hhmm(180)}'\n\toption action 'block'
`);
	const plan = compile(cfg);
	assert.deepEqual(tableState(plan.table!).rulesets.map((r) => [r.ruleset, r.clients]), [['shared', ['a']], ['shared', ['b']], ['shared', ['c']]]);
	loadTable(plan);
	realiseNetwork(plan, ['sw_us']);
	let port = 31100;
	const probes = ['a', 'b', 'c'].flatMap((cl, i) => ['203.0.113.7', '203.0.113.8', '203.0.113.9']
		.map((dst) => ({ client: cl, p: { ns: C, src: ['192.168.77.10', '192.168.77.12', '192.168.77.20'][i]!, dst, port: port++ } })));
	send(probes.map((x) => x.p));
	for (const { client, p } of probes) {
		const e = explain(cfg, { client, destination: p.dst, proto: 'udp', port: p.port, at: nowAt() });
		assert.ok(!('error' in e));
		const where = e.action === 'block' ? {} : e.action === 'proxy' ? { sw_us: 1 } : { wan: 1 };
		assert.deepEqual(left(p), where, `${client} → ${p.dst}: explain says ${e.action} (${e.reason})`);
		const perPacket = /decided per packet/.test(e.reason);
		if (e.action !== 'block') assert.equal(ctMark(p), perPacket ? '0x00000000' : e.mark, `${client} → ${p.dst}: the mark saved (${e.reason})`);
		assert.equal(perPacket, client === 'c', `${client}: per packet only after a time window`);
	}
	// the kernel's counters, attributed as status and stats do
	const doc = JSON.parse(run(R, ['nft', '-j', 'list', 'table', 'inet', 'splitwg']).stdout).nftables;
	const counted = countedRules(doc, tableState(plan.table!).counted);
	// each client matched two of its three packets in the rule set (proxy and block: no one path)
	assert.deepEqual(Object.fromEntries(Object.entries(rulesetHits(counted)).map(([c, h]) => [c, h.map((x) => [x.chain, x.path, x.packets])])),
		{ a: [['rs_shared_0', null, 2]], b: [['rs_shared_1', null, 2]], c: [['rs_shared_2', null, 2]] });
	assert.deepEqual(pathCounters(counted), {
		a: { direct: 1, proxy: 0, block: 0, ruleset: 2 }, b: { direct: 0, proxy: 0, block: 1, ruleset: 2 }, c: { direct: 1, proxy: 0, block: 0, ruleset: 2 },
	});
});
