// Property tests: thousands of random configs compile without dying and every
// nft script of one check accepts is accepted by the real `nft -c` (the
// generator also lists prefixes twice and inside each other, within a client
// and within a rule); random corruptions of a valid config are reported with
// a path and a message.
import { test } from 'vitest';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { readConfig, compile, parsePrefix, prefixText, prefixContains } from '../../src/core/index';
import type { Prefix } from '../../src/core/ip';
import { isMsg } from '../../src/core/messages';
import type { UciSection } from '../../src/core/uci';
import { nftCheckMany } from '../helpers/nft';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { format } from '../../src/core/messages';

const RUNS = Number(process.env.PROPERTY_RUNS ?? 3000);
const KEY = 'iB/iaspESqk09qV0DqOjxXUfScOrg0oSM+HcHc578Hk=';

const label = fc.stringMatching(/^[a-z][a-z0-9]{0,5}$/);
const domain = fc.tuple(label, fc.constantFrom('test', 'example', 'com', 'video.test')).map(([a, b]) => `${a}.${b}`);
const v4net = fc.tuple(fc.integer({ min: 1, max: 223 }), fc.integer({ min: 0, max: 255 }), fc.integer({ min: 8, max: 32 }))
	.map(([a, b, len]) => { const n = ((a << 24) | (b << 16)) >>> 0; const m = len === 0 ? 0 : (0xffffffff << (32 - len)) >>> 0; const x = (n & m) >>> 0; return `${x >>> 24}.${(x >>> 16) & 255}.${(x >>> 8) & 255}.${x & 255}/${len}`; });
const v6net = fc.tuple(fc.integer({ min: 0x2001, max: 0x2fff }), fc.integer({ min: 0, max: 0xffff }))
	.map(([a, b]) => `${a.toString(16)}:${b.toString(16)}::/32`).map((s) => s.replace(/:[0-9a-f]+::\/32$/, '::/32'));
// a prefix within (or equal to) p
const inside = (p: string) => p.includes(':') ? p.replace(/::\/32$/, ':1::/48') : p.replace(/\/(\d+)$/, (_m, l) => `/${Math.min(32, Number(l) + 4)}`);
const port = fc.oneof(fc.integer({ min: 1, max: 65535 }).map(String),
	fc.tuple(fc.integer({ min: 1, max: 30000 }), fc.integer({ min: 1, max: 30000 })).map(([a, b]) => `${a}-${a + b}`));
const time = fc.tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 })).map(([h, m]) => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`);

const rule = (owner: Record<string, string>, ups: string[]) => fc.record({
	domain: fc.option(fc.uniqueArray(domain, { minLength: 1, maxLength: 3 }), { nil: undefined }),
	// overlapping and repeated elements: the sets auto-merge them
	dest: fc.option(fc.array(fc.oneof(v4net, v6net), { minLength: 1, maxLength: 3 })
		.chain((d) => fc.array(fc.constantFrom(...d, ...d.map(inside)), { minLength: 1, maxLength: 5 })), { nil: undefined }),
	proto: fc.option(fc.constantFrom('tcp', 'udp', 'icmp', 'all'), { nil: undefined }),
	port: fc.option(fc.array(port, { minLength: 1, maxLength: 3 }), { nil: undefined }),
	window: fc.option(fc.tuple(time, time).filter(([a, b]) => a !== b), { nil: undefined }),
	weekdays: fc.option(fc.uniqueArray(fc.constantFrom('Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'), { minLength: 1, maxLength: 7 }), { nil: undefined }),
	action: fc.constantFrom('proxy', 'direct', 'block'),
	upstream: fc.option(fc.constantFrom(...(ups.length ? ups : ['x'])), { nil: undefined }),
}).map((r): UciSection => {
	const o: Record<string, string | string[]> = { ...owner, action: r.action };
	if (r.domain) o.domain = r.domain;
	if (r.dest) o.dest = r.dest;
	if (r.port) { o.port = r.port; o.proto = r.proto === 'udp' ? 'udp' : 'tcp'; } else if (r.proto) o.proto = r.proto;
	if (r.window) { o.start_time = r.window[0]; o.stop_time = r.window[1]; }
	if (r.weekdays) o.weekdays = r.weekdays;
	if (r.action === 'proxy' && r.upstream && ups.length) o.upstream = r.upstream;
	return { type: 'rule', name: '@rule', anonymous: true, options: o };
});

const config = fc.record({
	nUp: fc.integer({ min: 0, max: 4 }),
	ipv6: fc.boolean(), kill: fc.boolean(), hijack: fc.boolean(),
	clients: fc.integer({ min: 0, max: 6 }),
}).chain((g) => {
	const ups = Array.from({ length: g.nUp }, (_, i) => `u${i}`);
	const clientArb = (i: number) => fc.record({
		how: fc.constantFrom('ip', 'mac', 'iface', 'net6'),
		// a second address equal to or inside the first: listed once, or refused
		again: fc.constantFrom(null, 'same', 'inside'),
		def: fc.constantFrom(...(ups.length ? ['proxy', 'direct', 'block'] : ['direct', 'block'])),
		rules: fc.array(rule({ client: `c${i}` }, ups), { maxLength: 4 }),
	}).map((c): UciSection[] => {
		const o: Record<string, string | string[]> = { default: c.def };
		if (c.how === 'ip') o.address = [`192.168.${i}.0/28`, ...(c.again === 'same' ? [`192.168.${i}.0/28`] : c.again === 'inside' ? [`192.168.${i}.5`] : [])];
		if (c.how === 'mac') o.mac = [`02:00:00:00:00:${(16 + i).toString(16)}`];
		if (c.how === 'iface') o.interface = [`br-c${i}`];
		if (c.how === 'net6') o.address = [`fd00:${i}::/64`, `10.${i}.0.1`];
		if (ups.length) o.upstream = ups[i % ups.length];
		const rules = ups.length ? c.rules : c.rules.map((r) => r.options.action === 'proxy' ? { ...r, options: { ...r.options, action: 'direct', upstream: [] as never } } : r);
		for (const r of rules) if (!ups.length || r.options.action !== 'proxy') delete r.options.upstream;
		return [{ type: 'client', name: `c${i}`, anonymous: false, options: o }, ...rules];
	});
	return fc.tuple(...Array.from({ length: g.clients }, (_, i) => clientArb(i))).map((cs): UciSection[] => [
		{ type: 'globals', name: 'main', anonymous: false, options: { ipv6: g.ipv6 ? '1' : '0', kill_switch: g.kill ? '1' : '0', dns_hijack: g.hijack ? '1' : '0' } },
		...ups.map((u, i): UciSection => ({ type: 'upstream', name: u, anonymous: false, options: {
			private_key: KEY, public_key: KEY, address: [`10.200.${i}.2/32`], endpoint: `vpn${i}.example:51820` } })),
		...cs.flat(),
	]);
});

test(`${RUNS} random configs: whatever check accepts compiles, and nft -c accepts every table`, () => {
	const all = fc.sample(config, { numRuns: RUNS, seed: Number(process.env.PROPERTY_SEED ?? 42) });
	const samples: UciSection[][] = [];
	const scripts: string[] = [];
	for (const s of all) {
		const r = readConfig(s);
		// the only thing the generator gets wrong on purpose: a client's prefix inside another of its own
		assert.ok(r.problems.every((p) => /^client\.c\d+\.address\[1\]$/.test(p.path) && /overlaps/.test(format(p))),
			`generator produced an invalid config: ${JSON.stringify(r.problems)} ${JSON.stringify(s)}`);
		if (!r.config) continue;
		samples.push(s);
		scripts.push(compile(r.config).nft);
	}
	assert.ok(samples.length > RUNS / 2, `only ${samples.length} of ${RUNS} accepted`);
	const results = nftCheckMany(scripts);
	results.forEach((res, i) => assert.ok(res.ok, `nft -c rejected config ${JSON.stringify(samples[i])}:\n${res.stderr}\n${scripts[i]}`));
});

test('random corruptions are reported with a path and a message, never a plan', () => {
	// each value carries a character no option's grammar admits
	const bad = fc.constantFrom('x"y', "a'b", '1;2', '{', 'a\nb', 'a/b/c', 'x$y', 'x\\y', 'a`b', 'a#b');
	fc.assert(fc.property(config.filter((s) => s.length > 1), fc.nat(), fc.nat(), bad, (orig, si, oi, v) => {
		const s = structuredClone(orig);
		const sec = s[1 + (si % (s.length - 1))];
		const keys = Object.keys(sec.options);
		if (!keys.length) return true;
		const k = keys[oi % keys.length];
		sec.options[k] = Array.isArray(sec.options[k]) ? [v] : v;
		const r = readConfig(s);
		return r.config === null && r.problems.length > 0 &&
			r.problems.every((p) => typeof p.path === 'string' && p.path !== '' && typeof format(p) === 'string' && format(p) !== '' && !/\{[0-9]/.test(format(p)));
	}), { numRuns: 500, seed: 7 });
});

// dnsmasq reads 1024-byte lines and parses what follows a cut as an option:
// random configs where many rules (with long names and hostile labels) name
// the same domains, their parents and subdomains. Every file must pass the
// real `dnsmasq --test`, keep each line under 1024 bytes, carry one line per
// domain, and contain nothing of any label.
const MARKS = 'QZ~!%+?*^@';       // in labels, never in what we generate
const LABEL_CHARS = `${MARKS}= `;
const dnsConfig = fc.record({
	ipv6: fc.boolean(),
	names: fc.uniqueArray(fc.stringMatching(/^[a-z][a-z0-9_]{0,31}$/), { minLength: 1, maxLength: 6 }),
	long: fc.stringMatching(/^[a-z0-9]{1,63}$/),
	rules: fc.array(fc.record({
		owner: fc.nat(), toRuleset: fc.boolean(),
		domains: fc.uniqueArray(fc.nat({ max: 7 }), { minLength: 1, maxLength: 4 }),
		label: fc.option(fc.array(fc.constantFrom(...LABEL_CHARS), { minLength: 1, maxLength: 63 }).map((a) => `Q${a.join('')}`), { nil: undefined }),
	}), { maxLength: 80, size: 'max' }),
}).map((g): UciSection[] => {
	const l = g.long;
	const pool = ['shared.test', 'cdn.shared.test', 'a.cdn.shared.test', 'test', `${l}.${l}.${l}.test`, `x.${l}.${l}.${l}.test`, 'other.example', `${l}.example`];
	const rs = `rs${g.names[0]}`.slice(0, 32);
	const secs: UciSection[] = [{ type: 'globals', name: 'main', anonymous: false, options: { ipv6: g.ipv6 ? '1' : '0' } },
		{ type: 'ruleset', name: rs, anonymous: false, options: {} }];
	g.names.forEach((n, i) => secs.push({ type: 'client', name: n, anonymous: false,
		options: { address: [`10.1.${i}.0/24`], default: 'direct', ruleset: [rs] } }));
	for (const r of g.rules) {
		const o: Record<string, string | string[]> = r.toRuleset ? { ruleset: rs } : { client: g.names[r.owner % g.names.length] };
		o.domain = r.domains.map((d) => pool[d]);
		o.action = 'block';
		if (r.label) o.name = r.label;
		secs.push({ type: 'rule', name: '@rule', anonymous: true, options: o });
	}
	return secs;
});

test('random configs crowding domains: real dnsmasq --test accepts every file, lines < 1024 bytes, no label text; nft -c accepts the table', () => {
	const samples = fc.sample(dnsConfig, { numRuns: Math.min(RUNS, 120), seed: Number(process.env.PROPERTY_SEED ?? 42) });
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'swdns-'));
	const scripts: string[] = [];
	try {
		samples.forEach((s, i) => {
			const r = readConfig(s);
			assert.deepEqual(r.problems, [], `generator produced an invalid config: ${JSON.stringify(s)}`);
			const p = compile(r.config!);
			scripts.push(p.nft);
			const text = p.dnsmasq;
			for (const line of text.split('\n')) assert.ok(Buffer.byteLength(line) < 1024, `a ${Buffer.byteLength(line)}-byte line: ${line}`);
			for (const c of MARKS) assert.ok(!text.includes(c), `"${c}" of a label reached the file:\n${text}`);
			const domains = text.split('\n').filter((x) => x.startsWith('nftset=')).flatMap((x) => x.split('/').slice(1, -1));
			assert.equal(new Set(domains).size, domains.length, `one entry per domain:\n${text}`);
			const f = path.join(dir, `${i}.conf`);
			fs.writeFileSync(f, text);
			const t = spawnSync('dnsmasq', ['--test', `--conf-file=${f}`], { encoding: 'utf8' });
			assert.equal(t.status, 0, `dnsmasq --test: ${t.stderr}\n${text}`);
		});
	} finally { fs.rmSync(dir, { recursive: true, force: true }); }
	assert.ok(scripts.filter((t) => /_g0_d4/.test(t)).length > samples.length / 10, 'the samples reach the shared-set form');
	nftCheckMany(scripts).forEach((res, i) => assert.ok(res.ok, `nft -c rejected:\n${res.stderr}\n${scripts[i]}`));
});

// prefixText's shortcut (no regex: iptoarr and int read back) must say what
// parsePrefix says about every string a user could type in a dest list
test('prefixText agrees with parsePrefix: the canonical text, or the same problem', () => {
	const octet = fc.oneof(fc.integer({ min: 0, max: 300 }).map(String), fc.constantFrom('00', '01', '010', '-1', '+1', ' 1', '0x1', ''));
	const len = fc.oneof(fc.integer({ min: -1, max: 140 }).map(String), fc.constantFrom('', '024', '+24', ' 24', '24 ', '0x18', '2 4', '1e1'));
	const text = fc.oneof(
		fc.tuple(octet, octet, octet, octet, fc.option(len)).map(([a, b, c, d, l]) => `${a}.${b}.${c}.${d}${l === null ? '' : '/' + l}`),
		fc.tuple(fc.constantFrom('2001:db8::', '::', '::ffff:1.2.3.4', '2001:DB8::1', 'fe80::1', '1:2:3:4:5:6:7:8'), fc.option(len)).map(([a, l]) => `${a}${l === null ? '' : '/' + l}`),
		fc.stringMatching(/^[0-9.:\/a-f ]{0,20}$/),
	);
	fc.assert(fc.property(text, (s) => {
		const p = parsePrefix(s);
		assert.deepEqual(prefixText(s), isMsg(p) ? p : (p as Prefix).text, s);
	}), { numRuns: 20000, seed: 14 });
});

// checkOverlaps finds clashing identities through maps, not pairwise: it must
// say exactly what the pairwise walk says, in the same order
test('clients sharing packets: the same problems, in the same order, as a walk over every pair', () => {
	const pool4 = ['10.0.0.0/8', '10.1.0.0/16', '10.1.2.0/24', '10.1.2.3', '10.1.2.4', '10.2.0.0/16', '192.168.1.0/24', '192.168.1.7'];
	const pool6 = ['fd00::/8', 'fd00:1::/32', 'fd00:1::5', 'fd00:2::/32'];
	const macs = ['aa:bb:cc:00:00:01', 'aa:bb:cc:00:00:02', 'aa:bb:cc:00:00:03'];
	const ifs = ['br-guest', 'br-iot', 'wg9'];
	const client = fc.record({
		addrs: fc.uniqueArray(fc.constantFrom(...pool4, ...pool6), { maxLength: 3 }),
		macs: fc.uniqueArray(fc.constantFrom(...macs), { maxLength: 2 }),
		ifs: fc.uniqueArray(fc.constantFrom(...ifs), { maxLength: 1 }),
		enabled: fc.integer({ min: 0, max: 4 }).map((n) => n > 0),   // mostly enabled
	});
	fc.assert(fc.property(fc.array(client, { minLength: 2, maxLength: 7 }), (cs) => {
		const secs: UciSection[] = [{ type: 'globals', name: 'main', anonymous: false, options: {} }];
		cs.forEach((c, i) => {
			const o: Record<string, string | string[]> = { kind: 'device', default: 'direct', enabled: c.enabled ? '1' : '0' };
			if (c.addrs.length) o.address = c.addrs;
			if (c.macs.length) o.mac = c.macs;
			if (c.ifs.length) o.interface = c.ifs;
			if (!c.addrs.length && !c.macs.length && !c.ifs.length) o.mac = ['aa:bb:cc:00:01:' + String(10 + i)];
			secs.push({ type: 'client', name: `c${i}`, anonymous: false, options: o });
		});
		const got = readConfig(secs).problems.filter((p) => ['address_overlap', 'identity_shared'].includes(p.id));
		// the reference: every pair, earlier client first, prefixes by position, then MACs, then interfaces
		const want: { path: string, id: string, args: unknown[] }[] = [];
		const contains = (p: Prefix, q: Prefix) => p.family === q.family && p.len <= q.len && prefixContains(p, q.bytes);
		// what a client keeps (config.ts readSources): the first of its own overlapping prefixes
		const parsed = cs.map((c) => c.addrs.map((a) => parsePrefix(a) as Prefix)
			.reduce<Prefix[]>((kept, p) => kept.some((k) => contains(k, p) || contains(p, k)) ? kept : [...kept, p], []));
		const ordered = (ps: Prefix[]) => [...ps.filter((p) => p.family === 4), ...ps.filter((p) => p.family === 6)];
		for (let i = 0; i < cs.length; i++) for (let j = i + 1; j < cs.length; j++) {
			if (!cs[i]!.enabled || !cs[j]!.enabled) continue;
			const pa = ordered(parsed[i]!), pb = ordered(parsed[j]!);
			for (const x of pa) for (const y of pb)
				if (contains(x, y) || contains(y, x)) want.push({ path: `client.c${j}.address`, id: 'address_overlap', args: [y.text, x.text, `c${i}`] });
			for (const m of cs[j]!.macs) if (cs[i]!.macs.includes(m)) want.push({ path: `client.c${j}.mac`, id: 'identity_shared', args: [m, `c${i}`] });
			for (const f of cs[j]!.ifs) if (cs[i]!.ifs.includes(f)) want.push({ path: `client.c${j}.interface`, id: 'identity_shared', args: [f, `c${i}`] });
		}
		assert.deepEqual(got, want);
	}), { numRuns: 3000, seed: 15 });
});
