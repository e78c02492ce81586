// The core's (and the router's) English messages are recognised and
// translated as a whole: drive the validators, check(), explain() and the
// router's .conf import with bad input and require every message they
// produce to match a template of src/luci/_coremsg.ts. A new or changed core
// message fails here until it is added there (and to the .po files).
import { test } from 'vitest';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import * as V from '../../src/core/values';
import { parsePrefix, parseInterfaceAddress } from '../../src/core/ip';
import { parseUci, readConfig, explain, explainQuery } from '../../src/core/index';
import type { UciSection } from '../../src/core/uci';
import { parseProviderConf } from '../../src/router/conf';
import { isKnownCore, localizeCore, coreTemplates } from '../../src/luci/_coremsg';

const home = () => parseUci(fs.readFileSync('test/golden/home/splitwg', 'utf8')).sections;
const str = (x: unknown) => typeof x === 'string' ? [x] : [];

function valueMessages(): string[] {
	const out: string[] = [];
	const add = (x: unknown) => { if (typeof x === 'string') out.push(x); };
	for (const v of ['1x', 'a-b', 'abcdefghijklmnopqrstuvwxyzabcdefghij', '']) add(V.badName(v, 12));
	for (const v of ['a"b', 'x'.repeat(65), 'a\nb']) add(V.badLabel(v));
	for (const v of ['x', 'AAAA']) add(V.badKey(v));
	for (const v of ['0', '99999', 'x']) add(V.badPort(v));
	for (const v of ['5-3', '1-99999', 'x-y']) add(V.badPortRange(v));
	add(V.badInt('x', 1, 2)); add(V.badBool('maybe')); add(V.badTime('25:00'));
	for (const v of ['*.a.com', 'A.com', 'a b', 'x'.repeat(254), 'a.com.', 'bücher.de']) add(V.badDomain(v));
	for (const v of ['1.2.3', '::g', 'a_b']) add(V.badHost(v));
	for (const v of ['x', 'host:0', '[::1]:99999', '1.2.3:80']) add(V.parseEndpoint(v));
	add(V.badMac('x'));
	for (const v of ['a b', 'x'.repeat(16)]) add(V.badIfname(v));
	for (const v of ['', '1.2.3.4/8', '1.2.3.4/33', '1.2.3.4/x', 'a/b/c', 'zz']) add(parsePrefix(v));
	for (const v of ['', '1.2.3.4/33', 'x/1/2']) add(parseInterfaceAddress(v));
	return out;
}

// Mutations of the golden config, each breaking something different.
const MUTATIONS: ((s: UciSection[]) => void)[] = [
	(s) => { s.push({ type: 'bogus', name: 'x', anonymous: false, options: {} }); },
	(s) => { s.push({ type: 'globals', name: 'two', anonymous: false, options: {} }, { type: 'server', name: 's2', anonymous: false, options: {} }); },
	(s) => { const g = s.find((x) => x.type === 'globals')!; g.options.mark_mask = '0'; },
	(s) => { const g = s.find((x) => x.type === 'globals')!; g.options.mark_mask = '0x0'; },
	(s) => { const g = s.find((x) => x.type === 'globals')!; g.options.mark_mask = '0x50000000'; },
	(s) => { const g = s.find((x) => x.type === 'globals')!; g.options.mark_mask = '0x0000ff00'; },
	(s) => { const g = s.find((x) => x.type === 'globals')!; g.options.mark_mask = '0x30000000'; g.options.ipv6 = 'maybe'; g.options.colour = 'red'; g.options.rule_priority = ['1', '2']; },
	(s) => { const u = s.find((x) => x.name === 'us')!; u.options = { endpoint: 'nowhere' }; },
	(s) => { const u = s.find((x) => x.name === 'us')!; delete u.options.endpoint; u.anonymous = true; u.name = '@upstream[0]'; },
	(s) => { s.push({ ...s.find((x) => x.name === 'us')!, name: 'server' }); s.push({ ...s.find((x) => x.name === 'eu')! }); },
	(s) => { const v = s.find((x) => x.type === 'server')!; v.options = { listen_port: '0' }; },
	(s) => { const r = s.filter((x) => x.type === 'rule'); r[0].options.proto = 'xyz'; r[0].options.port = '80'; r[0].options.action = 'fly'; r[1].options.stop_time = r[1].options.start_time; r[2].options.weekdays = ['Funday']; r[3].options.proto = 'icmp'; r[3].options.upstream = 'us'; r[3].options.action = 'direct'; },
	(s) => { const r = s.filter((x) => x.type === 'rule'); delete r[1].options.stop_time; r[2].options.upstream = 'nowhere'; r[2].options.action = 'proxy'; },
	(s) => { s.push({ type: 'rule', name: '@rule[99]', anonymous: true, options: {} }, { type: 'rule', name: '@rule[100]', anonymous: true, options: { client: 'ghost' } }, { type: 'rule', name: '@rule[101]', anonymous: true, options: { ruleset: 'ghost' } }); },
	(s) => { s.push({ type: 'ruleset', name: '@ruleset[1]', anonymous: true, options: {} }, { type: 'ruleset', name: '1bad', anonymous: false, options: {} }); },
	(s) => { s.push({ type: 'client', name: '@client[9]', anonymous: true, options: { kind: 'robot' } }); },
	(s) => { const c = s.find((x) => x.name === 'phone')!; delete c.options.public_key; c.options.address = []; c.options.mac = ['02:00:00:00:00:99']; },
	(s) => { const c = s.find((x) => x.name === 'phone')!; c.options.address = ['10.99.0.2']; },
	(s) => { s.splice(s.findIndex((x) => x.type === 'server'), 1); },
	(s) => { const c = s.find((x) => x.name === 'tv')!; c.options = { kind: 'device', public_key: 'e8/QjSS10EukvdG3KLKBjhSYJW4gxgJypSZXzpb5tG4=', default: 'proxy', ruleset: ['nope'] }; },
	(s) => { const c = s.find((x) => x.name === 'tv')!; c.options.address = ['192.168.78.5']; c.options.mac = ['02:00:00:00:00:11']; c.options.interface = ['br-guest']; c.options.upstream = 'nowhere'; },
	(s) => { const c = s.find((x) => x.name === 'tv')!; c.options.address = ['192.168.77.300']; c.options.mac = ['x']; c.options.interface = ['a b']; c.options.name = 'a"b'; },
	(s) => { s.find((x) => x.name === 'laptop')!.options.address = ['192.168.78.0/24', '192.168.78.9', '']; s.push({ type: 'ruleset', name: 'tv', anonymous: false, options: {} }, { ...s.find((x) => x.name === 'us')! }); },
];

// Valid configs check warns about.
const WARNINGS: ((s: UciSection[]) => void)[] = [
	(s) => { s.find((x) => x.name === 'tv')!.options.address = ['192.168.77.10']; s.find((x) => x.name === 'laptop')!.options.address = ['fd77::12']; },
	(s) => { s.find((x) => x.name === 'tv')!.options.address = ['fd77::10']; s.find((x) => x.type === 'globals')!.options.ipv6 = '0'; },
];

function configMessages(): string[] {
	const out: string[] = [];
	for (const m of [...MUTATIONS, ...WARNINGS]) {
		const s = home();
		m(s);
		const r = readConfig(s);
		for (const p of [...r.problems, ...r.warnings]) out.push(p.message);
	}
	return out;
}

function explainMessages(): string[] {
	const out: string[] = [];
	const cfgOf = (edit?: (s: UciSection[]) => void) => { const s = home(); if (edit) edit(s); return readConfig(s).config!; };
	const base = cfgOf();
	const qs: any[] = [
		{ client: 'nobody', destination: 'x.test' },
		{ client: 'tv', destination: 'not a name' },
		{ client: 'tv', destination: 'video.test', at: 'someday' },
		{ client: 'tv', destination: 'www.video.test' },
		{ client: 'tv', destination: 'video.test' },
		{ client: 'tv', destination: '192.0.2.1' },
		{ client: 'kid', destination: 'a.test' },
		{ client: 'kid', destination: 'a.test', at: 'Mon 21:30' },
		{ client: 'kid', destination: 'a.test', at: 'Mon 12:00' },
		{ client: 'laptop', destination: '192.0.2.30' },
		{ client: 'laptop', destination: '192.0.2.8', proto: 'udp', port: 53 },
		{ client: 'laptop', destination: '192.0.2.8', proto: 'tcp', port: 443 },
		{ client: 'laptop', destination: '192.0.2.8', proto: 'tcp' },
		{ client: 'laptop', destination: '192.0.2.8', proto: 'tcp', port: 9999 },
		{ client: 'laptop', destination: 'news.test', at: 'Mon 10:00' },
		{ client: 'laptop', destination: 'news.test' },
		{ client: 'laptop', destination: 'a.test', down: ['us'] },
		{ client: 'laptop', destination: '192.168.1.20', local: ['192.168.1.0/24'] },
		{ client: 'laptop', destination: '192.168.1.20', local: ['192.168.1.1/24'] },
	];
	for (const q of qs) { const x: any = explain(base, q); out.push(x.error ? x.error.message : x.reason); }
	const oneFamily = cfgOf((s) => { s.find((x) => x.name === 'tv')!.options.address = ['192.168.77.10']; s.find((x) => x.name === 'laptop')!.options.address = ['fd77::12']; });
	for (const q of [{ client: 'tv', destination: '2001:db8::1' }, { client: 'tv', destination: 'video.test' }, { client: 'laptop', destination: '192.0.2.1' }, { client: 'laptop', destination: 'a.test' }])
		{ const x: any = explain(oneFamily, q); out.push(x.error ? x.error.message : x.reason); }
	const v6off = cfgOf((s) => { s.find((x) => x.name === 'tv')!.options.address = ['fd77::10']; s.find((x) => x.type === 'globals')!.options.ipv6 = '0'; });
	{ const x: any = explain(v6off, { client: 'tv', destination: 'video.test' }); out.push(x.error ? x.error.message : x.reason); }
	const off = cfgOf((s) => { s.find((x) => x.name === 'tv')!.options.enabled = '0'; s.find((x) => x.type === 'globals')!.options.ipv6 = '0'; s.find((x) => x.type === 'globals')!.options.kill_switch = '0'; s.find((x) => x.name === 'us')!.options.enabled = '0'; });
	for (const q of [{ client: 'tv', destination: 'a.test' }, { client: 'laptop', destination: '2001:db8::1' }, { client: 'laptop', destination: 'a.test' }, { client: 'kid', destination: 'a.test', down: ['eu'] }])
		{ const x: any = explain(off, q); out.push(x.error ? x.error.message : x.reason); }
	const d = { client: 'laptop', destination: '192.0.2.8' };
	for (const a of [{ client: 'tv' }, { ...d, proto: 'TCP' }, { ...d, proto: 'ftp' }, { ...d, port: 'x' }, { ...d, proto: 'icmp', port: 80 }, { ...d, down: 'nosuch' }, { ...d, at: 'x' }])
		{ const x: any = explainQuery(base, a); if (x.error) out.push(x.error.message); }
	const allOff = cfgOf((s) => { s.find((x) => x.type === 'globals')!.options.enabled = '0'; });
	out.push((explain(allOff, { client: 'tv', destination: 'a.test' }) as any).reason);
	return out;
}

function routerMessages(): string[] {
	const out: string[] = [];
	const confs = [
		'',
		'[Interface]\nPrivateKey = x\nPrivateKey = y\nListenPort = 1\nBogus = 1\nAddress =\nDNS = 1.1.1.1, search.lan\n[Peer]\n[Peer]\n[Weird]\nnonsense\n',
		'PublicKey = x\n[Interface]\n[Interface]\n',
		'[Interface]\nPrivateKey = aHwpXNF7S3nk8HbdjlHKNzV8yZxDl6pkWKl4zNzM1Xk=\nAddress = 10.0.0.300/32\n[Peer]\nPublicKey = bad\nEndpoint = x\n',
	];
	for (const c of confs) {
		const r: any = parseProviderConf(c, c === '' ? '1bad' : 'ok');
		if (r.error) { out.push(r.error.message); for (const e of r.errors) out.push(e.message); }
		else for (const e of r.ignored) out.push(e.message);
	}
	return out;
}

for (const [name, fn] of [['value validators', valueMessages], ['check()', configMessages], ['explain()', explainMessages], ['router .conf import', routerMessages]] as const) {
	test(`every message of ${name} is recognised`, () => {
		const msgs = [...new Set(fn())];
		assert.ok(msgs.length > 3, `${name} produced messages`);
		const unknown = msgs.filter((m) => !isKnownCore(m));
		assert.deepEqual(unknown, [], `add templates for: ${unknown.join(' | ')}`);
		// every part is translated: a marking translator leaves no bare English
		for (const m of msgs) {
			const t = localizeCore(m, (s) => s === '%s; %s' ? '%s；%s' : `⟨${s}⟩`);
			assert.ok(t.startsWith('⟨'), `${m} → ${t}`);
		}
	});
}

test('nested reasons are translated piece by piece', () => {
	const zh: { [k: string]: string } = {
		'no rule matched (matched destination but not: %s): client default %s': '没有规则匹配（目的地匹配但不满足：%s）：客户端默认 %s',
		'protocol is not %s': '协议不是 %s',
		'port %s is not in %s': '端口 %s 不在 %s 中',
		'note: domain rules also match an address once the client has resolved that domain through the router': '注',
		'%s; %s': '%s；%s',
	};
	const t = localizeCore('no rule matched (matched destination but not: client.x.rule[0]: protocol is not tcp; client.x.rule[1]: port 80 is not in 443, 8000-8100): client default direct; note: domain rules also match an address once the client has resolved that domain through the router', (s) => zh[s] ?? s);
	assert.equal(t, '没有规则匹配（目的地匹配但不满足：client.x.rule[0]: 协议不是 tcp；client.x.rule[1]: 端口 80 不在 443, 8000-8100 中）：客户端默认 direct；注');
});

test('an unknown message is shown as it is; quoted values may contain "; "', () => {
	assert.equal(localizeCore('something entirely new', () => 'X'), 'something entirely new');
	assert.equal(isKnownCore('"a; b" is not a domain name'), true);
});

test('templates are unique', () => {
	const t = coreTemplates();
	assert.equal(new Set(t).size, t.length);
});
