// Every message the core and the router can report, produced for real: the
// validators and parsers with bad values, check() on mutations of the golden
// config, explain()/explainQuery() with bad and telling queries, the UCI
// parser, the .conf import, peer_conf, the ubus table, and status's warnings
// and a failed apply's message on a simulated router. The message tests
// (test/core/messages.test.ts, test/luci/coremsg.test.ts) check each one
// against the catalogue (src/core/messages.ts).
import fs from 'node:fs';
import * as V from '../../src/core/values';
import { badIpAddress, parseInterfaceAddress, parsePrefix } from '../../src/core/ip';
import { parseUci, readConfig, explain, explainQuery, isMsg, readListText } from '../../src/core/index';
import type { ListFiles } from '../../src/core/index';
import type { Msg } from '../../src/core/messages';
import type { UciSection } from '../../src/core/uci';
import { parseProviderConf, peerConf } from '../../src/router/conf';
import { methods } from '../../src/router/api';
import { apply } from '../../src/router/apply';
import { status } from '../../src/router/status';
import { tick, readWatchFile, readHealth } from '../../src/router/health';
import { addTemplate, templates } from '../../src/router/templates';
import { importZip } from '../../src/router/onboard';
import { importConfig } from '../../src/router/transfer';
import { templateSections } from '../../src/core/templates';
import { updateLists } from '../../src/router/subscriptions';
import type { UpdateResult } from '../../src/router/subscriptions';
import { platformWarnings } from '../../src/router/detect';
import type { Platform } from '../../src/router/detect';
import { fakeRouter, dnsSection } from '../router/fakes';
import { openwrt, HOME, NETWORK } from '../router/openwrt';

const home = () => parseUci(fs.readFileSync('test/golden/home/splitwg', 'utf8')).sections;

// {id, args} of anything that carries one (problems, errors, explanations' why)
function asMsg(x: any): Msg | null {
	if (!x || typeof x !== 'object') return null;
	if (isMsg(x)) return { id: x.id, args: x.args };
	return null;
}

export function valueMessages(): Msg[] {
	const out: Msg[] = [];
	const add = (x: unknown) => { const m = asMsg(x); if (m) out.push(m); };
	for (const v of ['1x', 'a-b', 'abcdefghijklmnopqrstuvwxyzabcdefghij', '']) add(V.badName(v, 12));
	for (const v of ['a"b', 'x'.repeat(65), 'a\nb']) add(V.badLabel(v));
	for (const v of ['x', 'AAAA', 'not-a-key']) add(V.badKey(v));
	for (const v of ['0', '99999', 'x']) add(V.badPort(v));
	for (const v of ['5-3', '1-99999', 'x-y']) add(V.badPortRange(v));
	add(V.badInt('x', 1, 2)); add(V.badBool('maybe')); add(V.badTime('25:00'));
	add(V.badInt('1', 1280, 9000)); add(V.badInt('-1', 0, 65535)); add(V.badMarkMask('ff'));
	for (const v of ['*.a.com', 'A.com', 'a b', 'x'.repeat(254), 'a.com.', 'bücher.de']) add(V.badDomain(v));
	for (const v of ['1.2.3', '::g', 'a_b']) add(V.badHost(v));
	for (const v of ['x', 'host:0', '[::1]:99999', '1.2.3:80']) add(V.parseEndpoint(v));
	add(V.badMac('x'));
	for (const v of ['a b', 'x'.repeat(16)]) add(V.badIfname(v));
	for (const v of ['', '1.2.3.4/8', '1.2.3.4/33', '1.2.3.4/x', 'a/b/c', 'zz']) add(parsePrefix(v));
	for (const v of ['', '1.2.3.4/33', 'x/1/2']) add(parseInterfaceAddress(v));
	for (const v of ['10.0.0.0/8', 'x']) add(badIpAddress(v));
	return out;
}

// Mutations of the golden config, each breaking something different.
const MUTATIONS: ((s: UciSection[]) => void)[] = [
	(s) => { s.push({ type: 'bogus', name: 'x', anonymous: false, options: {} }); },
	(s) => { s.push({ type: 'globals', name: 'two', anonymous: false, options: {} }, { type: 'server', name: 's2', anonymous: false, options: {} }); },
	(s) => { s.find((x) => x.type === 'globals')!.options.mark_mask = '0'; },
	(s) => { s.find((x) => x.type === 'globals')!.options.mark_mask = '0x0'; },
	(s) => { s.find((x) => x.type === 'globals')!.options.mark_mask = '0x50000000'; },
	(s) => { s.find((x) => x.type === 'globals')!.options.mark_mask = '0x0000ff00'; },
	(s) => { s.find((x) => x.type === 'globals')!.options.mark_mask = '0x80000000'; },
	(s) => { s.find((x) => x.type === 'globals')!.options.mark_mask = '0x10000000'; },
	(s) => { const g = s.find((x) => x.type === 'globals')!; g.options.mark_mask = '0x30000000'; g.options.ipv6 = 'maybe'; g.options.colour = 'red'; g.options.rule_priority = ['1', '2']; g.options.table_base = '1'; },
	(s) => { s.find((x) => x.name === 'us')!.options = { endpoint: 'nowhere' }; },
	(s) => { const u = s.find((x) => x.name === 'us')!; delete u.options.endpoint; u.anonymous = true; u.name = '@upstream[0]'; },
	(s) => { s.push({ ...s.find((x) => x.name === 'us')!, name: 'server' }); s.push({ ...s.find((x) => x.name === 'eu')! }); },
	(s) => { s.find((x) => x.type === 'server')!.options = { listen_port: '0' }; },
	(s) => { const r = s.filter((x) => x.type === 'rule'); r[0].options.proto = 'xyz'; r[0].options.port = '80'; r[0].options.action = 'fly'; r[1].options.stop_time = r[1].options.start_time; r[2].options.weekdays = ['Funday']; r[3].options.proto = 'icmp'; r[3].options.upstream = 'us'; r[3].options.action = 'direct'; },
	(s) => { s.filter((x) => x.type === 'rule')[0].options = { ruleset: 'streaming', port: ['80'], proto: ['icmp'] }; },
	(s) => { s.splice(s.findIndex((x) => x.type === 'server'), 1); s.push({ ...s.find((x) => x.name === 'us')!, name: 'server' }); },
	(s) => { const r = s.filter((x) => x.type === 'rule'); delete r[1].options.stop_time; r[2].options.upstream = 'nowhere'; r[2].options.action = 'proxy'; },
	(s) => { s.push({ type: 'rule', name: '@rule[99]', anonymous: true, options: {} }, { type: 'rule', name: '@rule[100]', anonymous: true, options: { client: 'ghost' } }, { type: 'rule', name: '@rule[101]', anonymous: true, options: { ruleset: 'ghost' } }, { type: 'rule', name: '@rule[102]', anonymous: true, options: { client: ['a', 'b'] } }); },
	(s) => { s.push({ type: 'ruleset', name: '@ruleset[1]', anonymous: true, options: {} }, { type: 'ruleset', name: '1bad', anonymous: false, options: {} }); },
	(s) => { s.push({ type: 'client', name: '@client[9]', anonymous: true, options: { kind: 'robot' } }); },
	(s) => { const c = s.find((x) => x.name === 'phone')!; delete c.options.public_key; c.options.address = []; c.options.mac = ['02:00:00:00:00:99']; },
	(s) => { s.find((x) => x.name === 'phone')!.options.address = ['10.99.0.2']; },
	(s) => { s.splice(s.findIndex((x) => x.type === 'server'), 1); },
	(s) => { s.find((x) => x.type === 'server')!.options = { enabled: '1' }; },
	(s) => { s.find((x) => x.name === 'tv')!.options = { kind: 'device', public_key: 'e8/QjSS10EukvdG3KLKBjhSYJW4gxgJypSZXzpb5tG4=', default: 'proxy', ruleset: ['nope'] }; },
	(s) => { const c = s.find((x) => x.name === 'tv')!; c.options.address = ['192.168.78.5']; c.options.mac = ['02:00:00:00:00:11']; c.options.interface = ['br-guest']; c.options.upstream = 'nowhere'; },
	(s) => { const c = s.find((x) => x.name === 'tv')!; c.options.address = ['192.168.77.300']; c.options.mac = ['x']; c.options.interface = ['a b']; c.options.name = 'a"b'; c.options.mtu = '1\n2'; },
	(s) => { s.find((x) => x.name === 'tv')!.options = { kind: 'device' }; },
	(s) => { s.find((x) => x.name === 'laptop')!.options.address = ['192.168.78.0/24', '192.168.78.9', '']; s.push({ type: 'ruleset', name: 'tv', anonymous: false, options: {} }, { ...s.find((x) => x.name === 'us')! }); },
	(s) => { const c = s.find((x) => x.name === 'laptop')!; delete c.options.upstream; c.options.default = 'proxy'; },
	(s) => { s.find((x) => x.name === 'us')!.options = { endpoint: 'vpn.example:51820' }; },
	// cascades: itself, a loop, a disabled outer tunnel, MTUs, without the kill switch
	(s) => { s.find((x) => x.name === 'eu')!.options.via = 'eu'; },
	(s) => { s.find((x) => x.name === 'eu')!.options.via = 'us'; s.find((x) => x.name === 'us')!.options.via = 'eu'; },
	(s) => { s.find((x) => x.name === 'eu')!.options.via = 'us'; s.find((x) => x.name === 'us')!.options.enabled = '0'; },
	(s) => { s.find((x) => x.name === 'eu')!.options.via = 'us'; s.find((x) => x.name === 'eu')!.options.mtu = '1400'; },
	(s) => { s.find((x) => x.name === 'eu')!.options.via = 'us'; s.find((x) => x.name === 'us')!.options.mtu = '1300'; },
	(s) => { s.find((x) => x.name === 'eu')!.options.via = 'us'; s.find((x) => x.type === 'globals')!.options.kill_switch = '0'; },
	// groups: unnamed, no member, unknown and repeated members, a failover's spread, a bad mode, families, no kill switch
	(s) => {
		s.push({ type: 'group', name: '@group[0]', anonymous: true, options: { member: ['us'] } }, { type: 'group', name: 'g2', anonymous: false, options: {} },
			{ type: 'group', name: 'g3', anonymous: false, options: { member: ['us', 'nowhere', 'us', 'eu'], spread: 'destination', mode: 'roundrobin' } });
		s.find((x) => x.type === 'globals')!.options.kill_switch = '0';
	},
	(s) => { s.find((x) => x.name === 'eu')!.options.probe_dns = '1'; },
	(s) => { s.push({ type: 'group', name: 'g_pkt', anonymous: false, options: { member: ['eu'] } }, { type: 'group', name: 'g4', anonymous: false, options: { member: ['eu'], spread: 'destination' } }); },
];

// Valid configs check warns about.
const WARNINGS: ((s: UciSection[]) => void)[] = [
	(s) => { s.find((x) => x.name === 'tv')!.options.address = ['192.168.77.10']; s.find((x) => x.name === 'laptop')!.options.address = ['fd77::12']; },
	(s) => { s.find((x) => x.name === 'tv')!.options.address = ['fd77::10']; s.find((x) => x.type === 'globals')!.options.ipv6 = '0'; },
	// DNS through the tunnel: the streaming set's domains proxied through us (tv) and eu (phone), both with DNS servers
	(s) => { s.find((x) => x.name === 'us')!.options.dns = ['10.200.1.1']; s.find((x) => x.name === 'eu')!.options.dns = ['10.200.2.1']; },
	// a group member the health checker cannot watch (no probe, no keepalive)
	(s) => { s.push({ type: 'group', name: 'g', anonymous: false, options: { member: ['eu'] } }); },
];

// Two IPv4-only exits (eu and a copy, jp) under a failover and a balance group.
export function withGroups(s: UciSection[]): void {
	const eu = s.find((x) => x.name === 'eu')!;
	s.push({ ...eu, name: 'jp', options: { ...eu.options, endpoint: '192.0.2.99:51820', keepalive: '25' } },
		{ type: 'group', name: 'exits', anonymous: false, options: { member: ['eu', 'jp'] } },
		{ type: 'group', name: 'spread', anonymous: false, options: { mode: 'balance', member: ['eu', 'jp'] } });
	eu.options.probe = '10.200.2.1';
	s.find((x) => x.name === 'laptop')!.options.upstream = 'exits';
	s.find((x) => x.name === 'guest')!.options.upstream = 'spread';
}

export function configMessages(): Msg[] {
	const out: Msg[] = [];
	for (const m of [...MUTATIONS, ...WARNINGS]) {
		const s = home();
		m(s);
		const r = readConfig(s);
		for (const p of [...r.problems, ...r.warnings]) out.push({ id: p.id, args: p.args });
	}
	return out;
}

export function uciMessages(): Msg[] {
	const bad = "option x 'y'\nconfig a b c d\nconfig a\noption x\nlist x 'y\noption y \"z\nbogus 1\n";
	return parseUci(bad).errors.map((e) => ({ id: e.id, args: e.args }));
}

export function explainMessages(): Msg[] {
	const out: Msg[] = [];
	const push = (x: any) => { const m = x.error ? asMsg(x.error) : x.why; if (m) out.push(m); };
	const cfgOf = (edit?: (s: UciSection[]) => void) => { const s = home(); if (edit) edit(s); return readConfig(s).config!; };
	const base = cfgOf();
	const qs: any[] = [
		{ client: 'nobody', destination: 'x.test' },
		{ client: 'tv', destination: 'not a name' },
		{ client: 'tv', destination: 'video.test', at: 'someday' },
		{ client: 'tv', destination: '192.0.2.1', family: 6 },
		{ client: 'tv', destination: '192.0.2.1', family: 5 },
		{ client: 'tv', destination: 'x.test', local: ['zz'] },
		{ client: 'tv', destination: 'www.video.test' },
		{ client: 'tv', destination: 'video.test' },
		{ client: 'tv', destination: '192.0.2.1' },
		{ client: 'kid', destination: 'a.test' },
		{ client: 'kid', destination: 'a.test', at: 'Mon 21:30' },
		{ client: 'kid', destination: 'a.test', at: 'Mon 12:00' },
		{ client: 'kid', destination: 'a.test', at: 'Sun 21:30' },
		{ client: 'laptop', destination: '192.0.2.30' },
		{ client: 'laptop', destination: '192.0.2.8', proto: 'udp', port: 53 },
		{ client: 'laptop', destination: '192.0.2.8', proto: 'tcp', port: 443 },
		{ client: 'laptop', destination: '192.0.2.8', proto: 'tcp' },
		{ client: 'laptop', destination: '192.0.2.8', proto: 'tcp', port: 9999 },
		{ client: 'laptop', destination: 'news.test', at: 'Mon 10:00' },
		{ client: 'laptop', destination: 'news.test' },
		{ client: 'laptop', destination: 'a.test', down: ['us'] },
		{ client: 'laptop', destination: '192.168.1.20', local: ['192.168.1.0/24'] },
	];
	for (const q of qs) push(explain(base, q));
	const oneFamily = cfgOf((s) => { s.find((x) => x.name === 'tv')!.options.address = ['192.168.77.10']; s.find((x) => x.name === 'laptop')!.options.address = ['fd77::12']; });
	for (const q of [{ client: 'tv', destination: '2001:db8::1' }, { client: 'tv', destination: 'video.test' }, { client: 'laptop', destination: '192.0.2.1' }, { client: 'laptop', destination: 'a.test' }])
		push(explain(oneFamily, q));
	const v6off = cfgOf((s) => { s.find((x) => x.name === 'tv')!.options.address = ['fd77::10']; s.find((x) => x.type === 'globals')!.options.ipv6 = '0'; });
	push(explain(v6off, { client: 'tv', destination: 'video.test' }));
	const off = cfgOf((s) => { s.find((x) => x.name === 'tv')!.options.enabled = '0'; s.find((x) => x.type === 'globals')!.options.ipv6 = '0'; s.find((x) => x.type === 'globals')!.options.kill_switch = '0'; s.find((x) => x.name === 'us')!.options.enabled = '0'; });
	for (const q of [{ client: 'tv', destination: 'a.test' }, { client: 'laptop', destination: '2001:db8::1' }, { client: 'laptop', destination: 'a.test' }, { client: 'kid', destination: 'a.test', down: ['eu'] }])
		push(explain(off, q));
	// kill switch on, an upstream disabled or down; an upstream without IPv6
	const ks = cfgOf((s) => { s.find((x) => x.name === 'us')!.options.enabled = '0'; });
	for (const q of [{ client: 'laptop', destination: 'a.test', proto: 'udp', port: 53 }, { client: 'tv', destination: 'video.test' }, { client: 'kid', destination: 'a.test', down: ['eu'] }]) push(explain(ks, q));
	// a cascade whose outer tunnel is down
	const cascade = cfgOf((s) => { s.find((x) => x.name === 'eu')!.options.via = 'us'; });
	push(explain(cascade, { client: 'kid', destination: 'a.test', down: ['us'] }));
	// groups: the first member, a failover, all members down, a balance
	const grouped = cfgOf(withGroups);
	for (const down of [[], ['eu'], ['eu', 'jp']]) push(explain(grouped, { client: 'laptop', destination: '198.51.100.7', proto: 'udp', port: 5000, down }));
	push(explain(grouped, { client: 'guest', destination: '198.51.100.7' }));
	const hashed = cfgOf((s) => { withGroups(s); s.find((x) => x.name === 'spread')!.options.spread = 'destination'; });
	push(explain(hashed, { client: 'guest', destination: '198.51.100.7' }));
	const monday = cfgOf((s) => { s.find((x) => x.type === 'rule' && x.options.client === 'kid')!.options.weekdays = ['Mon']; });
	push(explain(monday, { client: 'kid', destination: 'a.test', at: 'Sun 21:30' }));
	// a domain: IPv4 blocked (an upstream without IPv4), IPv6 proxied
	const v6up = cfgOf((s) => { s.find((x) => x.name === 'us')!.options.address = ['fd00:a::2/128']; });
	push(explain(v6up, { client: 'tv', destination: 'video.test' }));
	const v4up = cfgOf((s) => { const u = s.find((x) => x.name === 'us')!; u.options.address = (u.options.address as string[]).filter((a) => a.indexOf(':') < 0); });
	for (const q of [{ client: 'laptop', destination: 'a.test' }, { client: 'laptop', destination: '2001:db8::1' }, { client: 'laptop', destination: 'a.test', family: 6 as const }]) push(explain(v4up, q));
	const d = { client: 'laptop', destination: '192.0.2.8' };
	for (const a of [{ client: 'tv' }, { destination: 'x' }, { ...d, proto: 'TCP' }, { ...d, proto: 'ftp' }, { ...d, port: 'x' }, { ...d, port: '4\n4' }, { ...d, proto: 'icmp', port: 80 }, { ...d, down: 'nosuch' }, { ...d, at: 'x' }, { ...d, family: 'x' }])
		{ const x: any = explainQuery(base, a); if (x.error) push(x); }
	push(explain(cfgOf((s) => { s.find((x) => x.type === 'globals')!.options.enabled = '0'; }), { client: 'tv', destination: 'a.test' }));
	return out;
}

export function routerMessages(): Msg[] {
	const out: Msg[] = [];
	const add = (x: any) => { const m = asMsg(x); if (m) out.push(m); };
	const confs = [
		'',
		'[Interface]\nPrivateKey = x\nPrivateKey = y\nListenPort = 1\nBogus = 1\nAddress =\nDNS = 1.1.1.1, search.lan\n[Peer]\n[Peer]\n[Weird]\nnonsense\n',
		'PublicKey = x\n[Interface]\n[Interface]\n',
		'[Interface]\nPrivateKey = aHwpXNF7S3nk8HbdjlHKNzV8yZxDl6pkWKl4zNzM1Xk=\nAddress = 10.0.0.300/32\n[Peer]\nPublicKey = bad\nEndpoint = x\n',
		'[Interface]\nPrivateKey = aHwpXNF7S3nk8HbdjlHKNzV8yZxDl6pkWKl4zNzM1Xk=\nAddress = 10.0.0.3/32\n[Peer]\nPublicKey = aHwpXNF7S3nk8HbdjlHKNzV8yZxDl6pkWKl4zNzM1Xk=\n',
		'[Interface]\nPrivateKey = aHwpXNF7S3nk8HbdjlHKNzV8yZxDl6pkWKl4zNzM1Xk=\nAddress = 10.0.0.3/32\nListenPort = 1\nDNS = 1.1.1.1, corp.example\n[Peer]\nPublicKey = aHwpXNF7S3nk8HbdjlHKNzV8yZxDl6pkWKl4zNzM1Xk=\nEndpoint = vpn.example:51820\n',
	];
	for (const c of confs) {
		const r: any = parseProviderConf(c, c === '' ? '1bad' : 'ok');
		if (r.error) { add(r.error); for (const e of r.errors) add(e); }
		else for (const e of r.ignored) add(e);
	}
	const cfgOf = (edit?: (s: UciSection[]) => void) => { const s = home(); if (edit) edit(s); return readConfig(s).config!; };
	const env: any = null;   // every error below is answered before the router is asked anything
	for (const name of ['nobody', 'tv']) add((peerConf(env, cfgOf(), name) as any).error);
	const noServer = cfgOf(); noServer.server!.enabled = false;
	const noEndpoint = cfgOf(); noEndpoint.server!.endpoint = null;
	for (const c of [noServer, noEndpoint]) add((peerConf(env, c, 'phone') as any).error);
	// ubus: a missing argument, and a configuration with problems
	const bad = home();
	bad.find((x) => x.type === 'globals')!.options.enabled = 'x';
	const byName: any = {};
	bad.forEach((s, i) => { byName[s.name] = { '.type': s.type, '.name': s.name, '.anonymous': s.anonymous, '.index': i, ...s.options }; });
	const m = methods(() => ({ uci: { load: () => true, unload: () => true, get_all: () => byName } }) as any);
	for (const [k, a] of [['explain', {}], ['peer_conf', {}], ['import_conf', {}], ['explain', { client: 'tv', destination: 'x.test' }], ['peer_conf', { client: 'tv' }]] as const)
		add(m[k].call({ args: a }).error);
	return out;
}

// Rule templates: a document of every bad shape, a file that is no JSON,
// and each way adding one fails (src/router/templates.ts).
export function templateMessages(): Msg[] {
	const out: Msg[] = [];
	const base = { format: 'splitwg-rules', version: 1, label: 'x', description: 'x', date: '2025-01-01' };
	const docs = [
		{ format: 'x' }, { ...base, rules: [] },
		{ ...base, label: 7, date: 'soon', rules: ['r', { upstream: 'us', domain: 'a.test', name: 7 }] },
	];
	for (const d of docs) out.push(...templateSections(d, 'x').problems);
	const good = JSON.stringify({ ...base, rules: [{ domain: ['a.test'] }] });
	const dir = '/usr/share/splitwg/templates';
	const r = fakeRouter({ uci: openwrt(), files: { [`${dir}/broken.json`]: '{', [`${dir}/ok.json`]: good, [`${dir}/bad.json`]: JSON.stringify({ format: 'x' }) } });
	for (const t of templates(r.env).templates) out.push(...t.problems);
	for (const [n, as] of [['nope', null], ['bad', null], ['ok', 'tv'], ['ok', '9x']] as const) {
		const a: any = addTemplate(r.env, n, as);
		out.push(a.error, ...(a.problems ?? []));
	}
	r.uci.commit = () => false;
	out.push((addTemplate(r.env, 'ok', null) as any).error);
	return out;
}

// `import FILE.zip` with a simulated unzip: each way it refuses an archive.
export function zipMessages(): Msg[] {
	const out: Msg[] = [];
	const row = (n: string, size = 100) => `  ${size}  2026-01-01 10:00   ${n}\n`;
	const good = '[Interface]\nPrivateKey = WEwUzEUb44RdC/egGl/x1/s2dDe7FpJT70QWsXzeYk8=\nAddress = 10.2.0.9/32\n[Peer]\nPublicKey = FoP/cHfO+s0I5s6RoBsLjJfNo9m64W+6HsqdDECy42E=\nEndpoint = x.example:1\n';
	const cases: [number, string, string][] = [
		[127, '', ''], [9, '', 'End-of-central-directory signature not found'], [0, row('a.txt'), ''],
		[0, Array.from({ length: 65 }, (_, i) => row(`c${i}.conf`)).join(''), ''],
		[0, row('big.conf', 70000) + row('we[ird].conf') + row('bad.conf'), 'x'],
		[0, row('us.conf'), good], [0, row('a1.conf') + row('a2.conf') + row('a3.conf') + row('a4.conf') + row('a5.conf'), good],
	];
	for (const [code, listing, entry] of cases) {
		const r = fakeRouter({ uci: openwrt() });
		r.fail = (argv) => argv[0] !== 'unzip' ? null : argv[1] === '-l' ? { code, stdout: listing, stderr: listing === '' ? entry : '' } : { code: 0, stdout: entry, stderr: '' };
		const z: any = importZip(r.env, '/tmp/p.zip');
		if (z.error) out.push(z.error, ...z.errors);
	}
	return out;
}

// `import FILE.json`: each way it refuses an export.
export function exportMessages(): Msg[] {
	const out: Msg[] = [];
	const docs = [
		{ format: 'x' },
		{ format: 'splitwg-export', version: 1, upstreams: [{}], rules: [{ owner: 'x' }] },
		{ format: 'splitwg-export', version: 1, keys: false, upstreams: [{ section: 'nu', endpoint: 'x.example:1' }] },
		{ format: 'splitwg-export', version: 1, keys: true, clients: [{ section: 'nc', address: ['1.2.3.300'] }] },
		{ format: 'splitwg-export', version: 1, clients: [{ section: 'tv' }] },
	];
	for (const d of docs) {
		const r: any = importConfig(fakeRouter({ uci: openwrt() }).env, JSON.stringify(d));
		if (r.error) out.push(r.error, ...r.problems);
	}
	return out;
}

// ubus status's warnings and a failed apply's message, on a simulated
// router (test/router/fakes.ts): down and silent tunnels, a lost table, a
// misplaced dnsmasq file, an invalid configuration, every reason apply fails
// that splitwg words
export function statusMessages(): Msg[] {
	const out: Msg[] = [];
	const said = (r: { env: any }) => {
		const s = status(r.env);
		for (const w of s.warning_messages) out.push({ id: w.id, args: w.args });
		if (s.last_apply?.id) out.push({ id: s.last_apply.id, args: s.last_apply.args! });
	};
	const bare: Platform = { fw4: false, dnsmasq: false, nftset: false, confDirs: [], flowOffloading: true, flowOffloadingHw: true, ipv6: false, conntrack: false, ctAccounting: false, wgShellHandler: false };
	out.push(...platformWarnings(bare, true, true), ...platformWarnings({ ...bare, fw4: true, dnsmasq: true, flowOffloadingHw: false, ipv6: true, conntrack: true, ctAccounting: true }, true, true));
	// not applied, and the configuration has a problem
	said(fakeRouter({ uci: openwrt(HOME.replace("\toption enabled '1'\n", "\toption enabled '1'\n\toption typo '1'\n")) }));
	for (const ks of ['1', '0']) {
		const r = fakeRouter({ uci: openwrt(HOME.replace("option kill_switch '1'", `option kill_switch '${ks}'`)) });
		apply(r.env);
		said(r);   // both upstreams down
		// up: us (keepalive 25) and eu (no keepalive), never or 30 minutes ago
		r.ifaces = { sw_us: { up: true }, sw_eu: { up: true } };
		const dump = (key: string, t: number) => `x\ty\t0\toff\n${key}\t(none)\t203.0.113.5:51820\t0.0.0.0/0\t${t}\t1\t2\t25\n`;
		const keys = ['FoP/cHfO+s0I5s6RoBsLjJfNo9m64W+6HsqdDECy42E=', 'c3ggHnMEXla2VomLwKueTDl7bvSbg8JWem7k6/Urk2Y='];
		r.wgDump = { sw_us: dump(keys[0], ks === '1' ? 0 : r.now - 1800), sw_eu: dump(keys[1], ks === '1' ? r.now - 1800 : 0) };
		said(r);
		// dnsmasq reads another conf-dir: without our file, then with another one
		r.fs.mkdirp('/var/etc');
		r.fs.write(`/var/etc/dnsmasq.conf.${dnsSection(r)}`, 'conf-dir=/tmp/dnsmasq.d.other\n');
		said(r);
		r.fs.mkdirp('/tmp/dnsmasq.d.other');
		r.fs.write('/tmp/dnsmasq.d.other/splitwg.conf', '# not ours\n');
		said(r);
		r.table = null;   // the firewall flushed it
		said(r);
	}
	// a group's members: us down by its probes, then every member down
	const g = fakeRouter({ uci: openwrt(fs.readFileSync('test/golden/groups/splitwg', 'utf8')) });
	apply(g.env);
	g.ifaces = { sw_us: { up: true }, sw_eu: { up: true }, sw_jp: { up: true } };
	g.handshakes = { sw_eu: g.now };
	g.probes = { sw_us: null };
	const w = readWatchFile(g.env)!.watch;
	tick(g.env, w, tick(g.env, w, null, true), false);
	said(g);
	g.ifaces = { sw_us: { up: true }, sw_eu: { up: false }, sw_jp: { up: false } };
	g.now += 10;
	tick(g.env, w, readHealth(g.env), false);
	said(g);
	// apply fails: an invalid configuration (one problem, two), uncommitted changes, foreign sections, nft -f
	const failed = (r: ReturnType<typeof fakeRouter>) => { const res = apply(r.env); if (res.error?.id) out.push({ id: res.error.id, args: res.error.args! }); said(r); };
	failed(fakeRouter({ uci: openwrt(HOME.replace("option default 'proxy'", "option default 'sideways'")) }));
	failed(fakeRouter({ uci: openwrt(HOME.replace("option default 'proxy'", "option default 'sideways'").replace("option kill_switch '1'", "option kill_switch 'x'")) }));
	const pending = fakeRouter({ uci: openwrt() });
	pending.uci.pending.network = [['set', 'lan', 'mtu', '1400']];
	failed(pending);
	for (const foreign of ["\nconfig interface 'sw_us'\n\toption proto 'static'\n", "\nconfig interface 'sw_us'\n\toption proto 'static'\n\nconfig interface 'sw_eu'\n\toption proto 'static'\n"])
		failed(fakeRouter({ uci: { ...openwrt(), network: NETWORK + foreign } }));
	const nft = fakeRouter({ uci: openwrt() });
	nft.fail = (argv) => argv[0] === 'nft' && argv[1] === '-f' && argv[2].endsWith('next.nft') ? { code: 1, stdout: '', stderr: 'Error: Operation not supported\n' } : null;
	failed(nft);
	return out;
}

// every message the drives produce, nested ones included
// A rule's list files (core/lists.ts): what the router read of them, judged by readConfig.
function listMessages(): Msg[] {
	const s = home();
	s.push({ type: 'rule', name: '@rule[99]', anonymous: true, options: { client: 'tv', list_file: ['bad.txt', '/gone.txt', 'many.txt', 'moved.txt', 'a b', '.x'] } });
	s.push({ type: 'rule', name: '@rule[100]', anonymous: true, options: { client: 'tv', list_file: ['empty.txt'] } });
	const many = Array.from({ length: 20 }, (_, i) => `x${i}!`).join('\n');
	const files: ListFiles = {
		'/etc/splitwg/lists/bad.txt': readListText('ok.test\n10.0.0.1/8\ntwo words\n', 'h1'),
		'/etc/splitwg/lists/many.txt': readListText(many, 'h2'),
		'/etc/splitwg/lists/moved.txt': { ...readListText('a.test\n', 'h3'), changed: true },
		'/etc/splitwg/lists/empty.txt': readListText('# none\n', 'h4'),
	};
	const r = readConfig(s, files);
	return [...r.problems, ...r.warnings].map((p) => ({ id: p.id, args: p.args }));
}

// List subscriptions (router/subscriptions.ts): check's problems, every
// reason a download is refused, update-lists' notes, status's warning.
function subscriptionMessages(): Msg[] {
	const out: Msg[] = [];
	const url = 'https://lists.example/x';
	const config = `${HOME}\nconfig subscription 'x'\n\toption url '${url}'\n\toption max_size '1'\n\nconfig subscription\n\toption url 'ftp://a'\n\nconfig subscription 'y'\n\toption interval '1'\n`;
	const bad = readConfig(parseUci(`${config}\nconfig rule\n\toption client 'tv'\n\tlist list_file 'x'\n`).sections, {});
	for (const p of bad.problems) out.push({ id: p.id, args: p.args });
	const r = fakeRouter({ uci: openwrt(`${HOME}\nconfig subscription 'x'\n\toption url '${url}'\n\toption max_size '1'\n`) });
	const add = (res: UpdateResult) => {
		for (const l of res.lists) if (l.error) out.push({ id: l.error.id, args: l.error.args });
		if (res.note) out.push(res.note);
		if (res.error) out.push({ id: res.error.id, args: res.error.args });
	};
	add(updateLists(r.env, 'nope', false, apply));
	r.fs.mkdirp('/var/run/splitwg/fetch.lock');
	r.fs.write('/var/run/splitwg/fetch.lock/time', `${r.now}\n`);
	add(updateLists(r.env, null, false, apply));   // another fetch is running
	r.fs.unlink('/var/run/splitwg/fetch.lock/time'); r.fs.rmdir('/var/run/splitwg/fetch.lock');
	for (const body of [404, 'x'.repeat(2000), '# none\n', 'two words\n']) { r.web[url] = body; add(updateLists(r.env, null, false, apply)); }
	for (const w of status(r.env).warning_messages) out.push({ id: w.id, args: w.args });
	r.web[url] = '10.0.0.0/8\n';
	add(updateLists(r.env, null, false, apply));   // not applied
	apply(r.env);
	r.uci.setText('splitwg', r.uci.text('splitwg') + "\nconfig ruleset 'more'\n");
	r.web[url] = '10.0.0.0/9\n';
	add(updateLists(r.env, null, false, apply));   // the configuration changed since
	r.web[url] = '10.0.0.0/10\n';
	r.fs.rename = () => false;
	add(updateLists(r.env, null, false, apply));
	return out;
}

export function allMessages(): { source: string, msg: Msg }[] {
	const out: { source: string, msg: Msg }[] = [];
	const walk = (source: string, m: Msg) => {
		out.push({ source, msg: m });
		for (const a of m.args) if (a && typeof a === 'object') walk(source, a as Msg);
	};
	for (const [source, fn] of [['values', valueMessages], ['check()', configMessages], ['parseUci()', uciMessages], ['explain()', explainMessages], ['lists', listMessages], ['subscriptions', subscriptionMessages], ['router', routerMessages], ['status', statusMessages], ['templates', templateMessages], ['zip', zipMessages], ['export', exportMessages]] as const)
		for (const m of fn()) walk(source, m);
	return out;
}
