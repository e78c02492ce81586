// One bad value in one option is exactly one problem, on that option's path:
// no follow-on message contradicts it ("is required" after a malformed key,
// "room for -1 upstreams" after a bad mask). And the grammar corners: numbers,
// empty values, duplicates, overlapping prefixes, domain near misses.
import { test } from 'vitest';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { domainToASCII } from 'node:url';
import fc from 'fast-check';
import { parseUci, readConfig, plan } from '../../src/core/index';
import type { UciSection, UciValue } from '../../src/core/uci';
import { badDomain, WEEKDAYS, WEEKDAYS_FROM_MONDAY } from '../../src/core/values';
import { SCHEMA, checkOf } from '../../src/core/schema';
import { toAscii } from '../../src/core/idn';
import { badUrl } from '../../src/core/lists';
import { nftCheck } from '../helpers/nft';
import { format } from '../../src/core/messages';
import type { Problem } from '../../src/core/model';

// problems as the CLI and ubus say them
const said = (ps: Problem[]) => ps.map((p) => ({ path: p.path, message: format(p) }));

const home = () => parseUci(fs.readFileSync('test/golden/home/splitwg', 'utf8')).sections;
type Pick = (s: UciSection[]) => UciSection;
const named = (type: string, name: string): Pick => (s) => s.find((x) => x.type === type && x.name === name)!;
const rule = (i: number): Pick => (s) => s.filter((x) => x.type === 'rule')[i];
const problemsWith = (pick: Pick, k: string, v: UciValue | undefined) => {
	const s = home();
	const sec = pick(s);
	if (v === undefined) delete sec.options[k]; else sec.options[k] = v;
	return { problems: said(readConfig(s).problems), planned: plan(s).plan };
};

// [section, its path, option, one bad value]: every option of every section type
const G = named('globals', 'main'), SV = named('server', 'server'), US = named('upstream', 'us');
const TV = named('client', 'tv'), PHONE = named('client', 'phone'), RS = named('ruleset', 'streaming');
const WEB = rule(4);  // client.laptop.rule[1] "Web via EU": dest, proto tcp, ports, upstream eu
const OPTIONS: [Pick, string, string, UciValue][] = [
	[G, 'globals', 'enabled', 'maybe'], [G, 'globals', 'mark_mask', 'zz'], [G, 'globals', 'mark_mask', '0x0'],
	[G, 'globals', 'mark_mask', '0x80000000'], [G, 'globals', 'mark_mask', '0x50000000'], [G, 'globals', 'mark_mask', '0x0000ff00'],
	[G, 'globals', 'rule_priority', '0'], [G, 'globals', 'table_base', '1'], [G, 'globals', 'ipv6', 'x'], [G, 'globals', 'dns_hijack', 'x'],
	[G, 'globals', 'kill_switch', 'x'], [G, 'globals', 'set_timeout', '-1'], [G, 'globals', 'lan_zone', '1a'], [G, 'globals', 'wan_zone', 'a-b'],
	[SV, 'server', 'enabled', 'x'], [SV, 'server', 'private_key', 'abc'], [SV, 'server', 'listen_port', '0'],
	[SV, 'server', 'address', ['10.77.0.1/33']], [SV, 'server', 'endpoint', 'vpn.example.org'], [SV, 'server', 'dns', ['x']], [SV, 'server', 'mtu', '1'],
	[US, 'upstream.us', 'enabled', 'x'], [US, 'upstream.us', 'name', 'a"b'], [US, 'upstream.us', 'private_key', 'x'],
	[US, 'upstream.us', 'public_key', 'x'], [US, 'upstream.us', 'preshared_key', 'x'], [US, 'upstream.us', 'address', ['10.200.1.2/33']],
	[US, 'upstream.us', 'endpoint', 'us.vpn.example'], [US, 'upstream.us', 'endpoint', 'a\nb:1'], [US, 'upstream.us', 'allowed_ips', ['0.0.0.1/0']],
	[US, 'upstream.us', 'mtu', '1'], [US, 'upstream.us', 'keepalive', '-1'], [US, 'upstream.us', 'dns', ['10.0.0.0/8']],
	[TV, 'client.tv', 'kind', 'Peer'], [TV, 'client.tv', 'enabled', 'x'], [TV, 'client.tv', 'name', 'a;b'], [TV, 'client.tv', 'address', ['192.168.77.10/24']],
	[TV, 'client.tv', 'public_key', 'x'], [TV, 'client.tv', 'private_key', 'x'], [TV, 'client.tv', 'preshared_key', 'x'],
	[TV, 'client.tv', 'mac', ['02:00:00:00:00']], [TV, 'client.tv', 'interface', ['a b']], [TV, 'client.tv', 'default', 'tunnel'],
	[TV, 'client.tv', 'upstream', '1us'], [TV, 'client.tv', 'ruleset', ['1x']], [TV, 'client.tv', 'dns_hijack', 'x'],
	[PHONE, 'client.phone', 'kind', 'peers'], [PHONE, 'client.phone', 'public_key', 'x'], [PHONE, 'client.phone', 'address', ['10.77.0.2/33']],
	[RS, 'ruleset.streaming', 'name', 'a|b'],
	[WEB, 'client.laptop.rule[1]', 'enabled', 'x'], [WEB, 'client.laptop.rule[1]', 'name', 'a{b'], [WEB, 'client.laptop.rule[1]', 'domain', ['a b']],
	[WEB, 'client.laptop.rule[1]', 'dest', ['192.0.2.1/24']], [WEB, 'client.laptop.rule[1]', 'proto', ['tpc']], [WEB, 'client.laptop.rule[1]', 'port', ['0']],
	[WEB, 'client.laptop.rule[1]', 'start_time', '25:00'], [WEB, 'client.laptop.rule[1]', 'stop_time', '7'], [WEB, 'client.laptop.rule[1]', 'weekdays', ['Funday']],
	[WEB, 'client.laptop.rule[1]', 'action', 'proxi'], [WEB, 'client.laptop.rule[1]', 'upstream', 'e u'],
	[WEB, 'rule @rule[4]', 'client', '1x'], [WEB, 'rule @rule[4]', 'client', ''], [rule(0), 'rule @rule[0]', 'ruleset', ['streaming']],
];

for (const [pick, base, k, v] of OPTIONS) {
	test(`one bad value, one problem: ${base}.${k} = ${JSON.stringify(v)}`, () => {
		const { problems, planned } = problemsWith(pick, k, v);
		const path = `${base}.${k}`;
		assert.equal(problems.length, 1, JSON.stringify(problems, null, 1));
		assert.ok(problems[0].path === path || problems[0].path.startsWith(`${path}[`), `${problems[0].path} is not on ${path}`);
		assert.equal(planned, null);
	});
}

test('a rule with a malformed action needs no upstream: no "is required" after it', () => {
	const s = home();
	delete named('client', 'kid')(s).options.upstream;
	rule(1)(s).options.action = 'dircet';    // kid's other rule blocks: nothing needs an upstream
	assert.deepEqual(said(readConfig(s).problems), [{ path: 'client.kid.rule[0].action', message: '"dircet" is not an action (proxy, direct, block)' }]);
});

test('"needs both start_time and stop_time" only when one is really missing', () => {
	const { problems } = problemsWith(rule(1), 'stop_time', undefined);
	assert.deepEqual(problems, [{ path: 'client.kid.rule[0].stop_time', message: 'a time window needs both start_time and stop_time' }]);
});

// Every numeric option, and the two kinds of port, through one strict reader.
const NUMERIC: [Pick, string, string, number, number, (v: string) => UciValue][] = [
	[G, 'globals.rule_priority', 'rule_priority', 1, 32000, (v) => v],
	[G, 'globals.table_base', 'table_base', 256, 0x7fff0000, (v) => v],
	[G, 'globals.set_timeout', 'set_timeout', 0, 31536000, (v) => v],
	[SV, 'server.listen_port', 'listen_port', 1, 65535, (v) => v],
	[SV, 'server.mtu', 'mtu', 1280, 9000, (v) => v],
	[US, 'upstream.us.mtu', 'mtu', 1280, 9000, (v) => v],
	[US, 'upstream.us.keepalive', 'keepalive', 0, 65535, (v) => v],
	[US, 'upstream.us.endpoint', 'endpoint', 1, 65535, (v) => `us.vpn.example:${v}`],
	[named('upstream', 'eu'), 'upstream.eu.endpoint', 'endpoint', 1, 65535, (v) => `[2001:db8::99]:${v}`],
	[SV, 'server.endpoint', 'endpoint', 1, 65535, (v) => `vpn.example.org:${v}`],
	[WEB, 'client.laptop.rule[1].port[0]', 'port', 1, 65535, (v) => [v]],
	[WEB, 'client.laptop.rule[1].port[0]', 'port', 1, 65535, (v) => [`${v}-65535`]],
	[WEB, 'client.laptop.rule[1].port[0]', 'port', 1, 65535, (v) => [`1-${v}`]],
];
const NOT_INTEGERS = ['', ' 1', '1 ', '+1', '-1', '01', '0x10', '1e3', '1.5', '99999999999999999999', 'NaN', '٣'];

for (const [pick, path, k, lo, hi, wrap] of NUMERIC) {
	test(`${path} (${k}, ${lo}-${hi}): only a plain decimal integer within the bounds`, () => {
		for (const bad of [...NOT_INTEGERS, String(lo - 1), String(hi + 1), `0${lo}`]) {
			if (bad === '-1' && lo === 0) continue;  // covered by lo - 1
			const { problems, planned } = problemsWith(pick, k, wrap(bad));
			assert.equal(problems.length, 1, `${JSON.stringify(wrap(bad))}: ${JSON.stringify(problems)}`);
			assert.equal(problems[0].path, path, `${JSON.stringify(wrap(bad))}: ${JSON.stringify(problems)}`);
			if (bad !== '') assert.match(problems[0].message, new RegExp(`from ${lo} to ${hi}`), JSON.stringify(wrap(bad)));
			assert.equal(planned, null);
		}
		for (const good of [String(lo), String(hi)])
			assert.deepEqual(problemsWith(pick, k, wrap(good)).problems, [], JSON.stringify(wrap(good)));
	});
}

test('a port range may be a single port; a reversed one is named', () => {
	assert.deepEqual(problemsWith(WEB, 'port', ['80-80']).problems, []);
	assert.deepEqual(problemsWith(WEB, 'port', ['9000-8000']).problems,
		[{ path: 'client.laptop.rule[1].port[0]', message: '"9000-8000": range start is above its end' }]);
});

test('a leading zero in a prefix length is refused (it goes to netifd as written)', () => {
	assert.equal(problemsWith(US, 'address', ['10.200.1.2/032']).problems[0]?.path, 'upstream.us.address[0]');
	assert.equal(problemsWith(WEB, 'dest', ['192.0.2.0/024']).problems[0]?.path, 'client.laptop.rule[1].dest[0]');
});

// An empty match element must not turn a rule into "match everything".
test('empty values are errors with their list index, and no plan comes out', () => {
	const cases: [string, UciValue, string][] = [
		['domain', '', 'domain[0]'], ['domain', [''], 'domain[0]'], ['domain', ['  '], 'domain[0]'], ['domain', ['video.test', ''], 'domain[1]'],
		['dest', '', 'dest[0]'], ['dest', ['192.0.2.1', ' '], 'dest[1]'], ['port', [''], 'port[0]'], ['proto', '', 'proto[0]'],
		['weekdays', [''], 'weekdays[0]'],
	];
	for (const [k, v, at] of cases) {
		const { problems, planned } = problemsWith(rule(0), k, v);
		assert.deepEqual(problems, [{ path: `ruleset.streaming.rule[0].${at}`, message: 'is empty' }], `${k} = ${JSON.stringify(v)}`);
		assert.equal(planned, null);
	}
	assert.deepEqual(problemsWith(US, 'mtu', '').problems, [{ path: 'upstream.us.mtu', message: 'is empty' }]);
});

test('a rule whose every match list is invalid is an error, not "match everything"', () => {
	const s = home();
	Object.assign(rule(0)(s).options, { domain: ['-x-'], dest: ['1.2.3.4/8'], port: ['0'], proto: ['tcpp'] });
	const r = plan(s);
	assert.equal(r.plan, null);
	assert.equal(r.problems.length, 4, JSON.stringify(r.problems));
});

test('prefixes overlapping inside one client are refused with the second one\'s path; duplicates are listed once', () => {
	assert.deepEqual(problemsWith(named('client', 'laptop'), 'address', ['192.168.78.0/24', '192.168.78.5']).problems,
		[{ path: 'client.laptop.address[1]', message: '192.168.78.5 overlaps 192.168.78.0/24 (address[0])' }]);
	assert.deepEqual(problemsWith(named('client', 'laptop'), 'address', ['fd77::12', 'x', 'fd77::/64']).problems, [
		{ path: 'client.laptop.address[1]', message: '"x" is not an IPv4/IPv6 address or prefix' },
		{ path: 'client.laptop.address[2]', message: 'fd77::/64 overlaps fd77::12 (address[0])' },
	]);
	const s = home();
	Object.assign(named('client', 'laptop')(s).options, { address: ['192.168.78.0/24', '192.168.78.0/24'] });
	Object.assign(named('client', 'kid')(s).options, { mac: ['02:00:00:00:00:11', '02:00:00:00:00:11'] });
	Object.assign(named('client', 'guest')(s).options, { interface: ['br-guest', 'br-guest'] });
	Object.assign(WEB(s).options, { dest: ['192.0.2.0/24', '192.0.2.5', '192.0.2.0/24'], port: ['443', '443', '8000-8100', '8050-8200'] });
	Object.assign(rule(7)(s).options, { weekdays: ['Sat', 'sat', 'Sun'] });
	const r = plan(s);
	assert.deepEqual(r.problems, []);
	const nft = r.plan!.nft;
	assert.equal(nft.split('192.168.78.0/24 : goto client_laptop').length, 2, 'the duplicate address is listed once');
	assert.match(nft, /elements = \{ 192\.0\.2\.0\/24, 192\.0\.2\.5 \}/);
	// one nft rule per port (overlapping ranges too): the duplicate port once
	assert.deepEqual(nft.match(/th dport \S+(?= counter goto up_eu)/g), ['th dport 443', 'th dport 8000-8100', 'th dport 8050-8200']);
	assert.match(nft, /meta day != 1-5 /);
	const res = nftCheck(nft);
	assert.ok(res.ok, res.stderr);
});

test('an endpoint host the resolver would read as an address in another form is refused', () => {
	for (const h of ['0x7f.1', '0x7f000001', 'vpn.1', '1.2.3'])
		assert.equal(problemsWith(US, 'endpoint', `${h}:51820`).problems.length, 1, h);
	assert.deepEqual(problemsWith(US, 'endpoint', 'vpn1.example:51820').problems, []);
});

test('domain near misses are told the name to write', () => {
	const cases: [string, string][] = [
		['.netflix.com', '".netflix.com": write "netflix.com" (a domain already matches all its subdomains)'],
		['*.netflix.com', '"*.netflix.com": write "netflix.com" (a domain already matches all its subdomains)'],
		['netflix.com.', '"netflix.com.": write "netflix.com" (without the trailing dot)'],
		['bücher.de', '"bücher.de" is an internationalised name: write it as "xn--bcher-kva.de"'],
		['例え.jp', '"例え.jp" is an internationalised name: write it as "xn--r8jz45g.jp"'],
		['Netflix.com', '"Netflix.com" must be lower case'],
		['a..b', '"a..b" is not a domain name'],
		['×.com', '"×.com" is not a domain name'],
	];
	for (const [d, m] of cases) assert.equal(format(badDomain(d)!), m, d);
	for (const [d, m] of cases) assert.deepEqual(problemsWith(rule(0), 'domain', [d]).problems, [{ path: 'ruleset.streaming.rule[0].domain[0]', message: m }]);
});

test('punycode: the ASCII form of internationalised names equals Node\'s url.domainToASCII', () => {
	const names = ['bücher.de', 'Bücher.DE', 'münchen.de', 'straße.de', 'правительство.рф', 'ελλάδα.gr', 'ΕΛΛΆΔΑ.gr', 'żółć.pl', 'ĄĆĘŁŃ.pl',
		'Ґанок.ua', '例え.jp', '例え。jp', 'ドメイン名例.jp', '한국.kr', '中国.cn', 'xn--bcher-kva.de', 'plain.com', 'ab--c.com'];
	for (const n of names) assert.equal(toAscii(n), domainToASCII(n), n);
	// random labels from the scripts covered, in both cases
	const ranges: [number, number][] = [[0x41, 0x5a], [0x61, 0x7a], [0x30, 0x39], [0xc0, 0x17f], [0x386, 0x3ce], [0x400, 0x52f], [0x3041, 0x30ff], [0x4e00, 0x9fff], [0xac00, 0xd7a3]];
	const cp = fc.constantFrom(...ranges).chain(([a, b]) => fc.integer({ min: a, max: b }));
	fc.assert(fc.property(fc.array(fc.array(cp, { minLength: 1, maxLength: 12 }), { minLength: 1, maxLength: 3 }), (labels) => {
		const name = labels.map((l) => String.fromCodePoint(...l)).join('.') + '.com';
		const ours = toAscii(name);
		return ours === null || ours === domainToASCII(name);
	}), { numRuns: 20000, seed: 11 });
	// every BMP code point, alone and between letters: no suggestion, or Node's
	for (let cp = 0x20; cp < 0x10000; cp++) {
		if (cp >= 0xd800 && cp < 0xe000) continue;
		for (const n of [`${String.fromCodePoint(cp)}.com`, `a${String.fromCodePoint(cp)}b.com`]) {
			const ours = toAscii(n);
			if (ours !== null) assert.equal(ours, domainToASCII(n), `U+${cp.toString(16)}`);
		}
	}
});

// config.ts readList calls trim() only when a value's validator refused it
// (a per-value builtin costs thousands of instructions under ucode): so
// every list option must have a validator, and it must refuse blank values
test('every list option has a validator that refuses a blank value (said as "is empty")', () => {
	for (const [type, table] of Object.entries(SCHEMA))
		for (const [k, opt] of Object.entries(table)) {
			if (!opt.list) continue;
			const check = checkOf(opt);
			assert.ok(check, `${type}.${k}: a list without a validator`);
			for (const v of ['', ' ', '\t', ' \t  ']) assert.notEqual(check!(v), null, `${type}.${k} accepts ${JSON.stringify(v)}`);
		}
});

test('a subscription url: http or https only, a host, nothing a shell or nft reads as more', () => {
	for (const ok of ['https://www.ipdeny.com/ipblocks/data/aggregated/cn-aggregated.zone', 'http://192.0.2.1:8080/l.txt', 'https://[2001:db8::1]/x?a=1&b=2', 'https://lists.example'])
		assert.equal(badUrl(ok), null, ok);
	for (const bad of ['ftp://x/y', 'file:///etc/passwd', 'https://', 'https://a b/', "https://x/'q'", 'https://x/$(reboot)', 'https://x/a;b', 'https://x/#f', 'https://x/{a}', 'x.example/list', `https://x/${'a'.repeat(1100)}`])
		assert.notEqual(badUrl(bad), null, bad);
});

test('the weekdays of the option reference are the week from Monday', () => {
	assert.deepEqual(WEEKDAYS_FROM_MONDAY, [...WEEKDAYS.slice(1), WEEKDAYS[0]]);
});
