// DNS through the tunnel (src/core/tunneldns.ts, the server= lines of src/core/dnsmasq.ts):
// which upstream's DNS resolves each proxied domain, against a walk written here from the
// rule semantics (explain's verdict per client and rule), on mutations of the golden home;
// and the rendered file is one real dnsmasq accepts.
import { test } from 'vitest';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseUci, readConfig, compile } from '../../src/core/index';
import type { Config } from '../../src/core/model';
import type { UciSection } from '../../src/core/uci';
import { verdictOf } from '../../src/core/decide';
import { LINE_MAX } from '../../src/core/domains';

const HOME = fs.readFileSync('test/golden/home/splitwg', 'utf8');

function cfgOf(edit: (s: UciSection[]) => void): { config: Config, warnings: { path: string, id: string, args: unknown[] }[] } {
	const s = parseUci(HOME).sections;
	edit(s);
	const r = readConfig(s);
	assert.deepEqual(r.problems, []);
	return { config: r.config!, warnings: r.warnings };
}
const up = (s: UciSection[], name: string) => s.find((x) => x.type === 'upstream' && x.name === name)!;

// domain → the upstreams (with DNS) of every enabled client's proxy rule naming it, in decision order
function proxiedThrough(c: Config): Map<string, string[]> {
	const out = new Map<string, string[]>();
	for (const cl of c.clients.filter((x) => x.enabled))
		for (const r of cl.rules) {
			const v = verdictOf(c, cl, r);
			if (r.action !== 'proxy' || v.action !== 'proxy' || !v.upstream?.dns.length) continue;
			for (const d of r.match.domains) out.set(d, [...(out.get(d) ?? []), v.upstream.name]);
		}
	return out;
}

const cases: [string, (s: UciSection[]) => void][] = [
	['us only', (s) => { up(s, 'us').options.dns = ['10.200.1.1']; }],
	['both', (s) => { up(s, 'us').options.dns = ['10.200.1.1', 'fd00:a::1']; up(s, 'eu').options.dns = ['10.200.2.1']; }],
	['eu, us disabled', (s) => { up(s, 'eu').options.dns = ['10.200.2.1']; up(s, 'us').options.dns = ['10.200.1.1']; up(s, 'us').options.enabled = '0'; }],
	['none', () => {}],
];

for (const [name, edit] of cases) test(`tunnel DNS, ${name}: each proxied domain once, through the first rule's upstream; clashes warned`, () => {
	const { config, warnings } = cfgOf(edit);
	const want = proxiedThrough(config);
	const got = new Map<string, string>();
	for (const t of config.tunnelDns) for (const d of t.domains) {
		assert.ok(!got.has(d), `${d} is in two routes`);
		got.set(d, t.upstream);
		assert.deepEqual(t.servers, config.upstreams.find((u) => u.name === t.upstream)!.dns);
		assert.equal(t.iface, `sw_${t.upstream}`);
	}
	assert.deepEqual([...got.keys()].sort(), [...want.keys()].sort(), 'exactly the domains proxied through an upstream with DNS');
	for (const [d, ups] of want) assert.equal(got.get(d), ups[0], `${d}: the first rule's upstream`);
	const clashes = [...want].filter(([, ups]) => new Set(ups).size > 1);
	if (name === 'both') assert.ok(clashes.length > 0, 'the streaming set is proxied through us (tv) and eu (phone)');
	if (name !== 'none') assert.ok(want.size > 0);
	const told = warnings.filter((w) => w.id === 'warn_dns_clash');
	assert.equal(told.reduce((n, w) => n + (w.args[0] as number), 0), clashes.reduce((n, [, ups]) => n + ups.filter((u) => u !== ups[0]).length, 0));
	for (const w of told) assert.match(w.path, /^upstream\.\w+\.dns$/);
});

test('the server= lines: every route\'s domains for each of its servers, bound to its tunnel, under LINE_MAX; real dnsmasq --test accepts the file', (t) => {
	const { config } = cfgOf((s) => {
		up(s, 'us').options.dns = ['10.200.1.1', 'fd00:a::1'];
		// many domains through us: the lines must split
		s.push({ type: 'rule', name: '@rule[90]', anonymous: true, options: { client: 'laptop', domain: Array.from({ length: 300 }, (_, i) => `host${i}.example${i}.test`) } });
	});
	const text = compile(config).dnsmasq;
	const lines = text.split('\n').filter((l) => l.startsWith('server='));
	for (const l of lines) assert.ok(l.length <= LINE_MAX, `${l.length} bytes`);
	for (const tdns of config.tunnelDns)
		for (const addr of tdns.servers) {
			const mine = lines.filter((l) => l.endsWith(`/${addr}@${tdns.iface}`));
			const names = mine.flatMap((l) => l.slice('server=/'.length, -(`/${addr}@${tdns.iface}`.length)).split('/'));
			assert.deepEqual(names.sort(), [...tdns.domains].sort(), `${addr}@${tdns.iface}`);
		}
	assert.ok(lines.length > 2, 'the 300 domains took several lines per server');
	const have = spawnSync('dnsmasq', ['--version']);
	if (have.status !== 0) { t.skip('no dnsmasq'); return; }
	const f = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'swtd-')), 'splitwg.conf');
	fs.writeFileSync(f, text);
	const r = spawnSync('dnsmasq', ['--test', `--conf-file=${f}`], { encoding: 'utf8' });
	assert.equal(r.status, 0, r.stderr);
	assert.match(r.stderr, /syntax check OK/);
});

test('a failover group\'s domains: its member up now resolves them, inside its tunnel; a balance group\'s the usual way', () => {
	const s = parseUci(fs.readFileSync('test/golden/groups/splitwg', 'utf8')).sections;
	const set = (n: string, dns: string) => { s.find((x) => x.name === n)!.options.dns = [dns]; };
	set('us', '10.200.1.53'); set('eu', '10.200.2.53');
	// the tv's video.test goes through "spread" (balance); the laptop's night.test through "exits" (failover)
	s.push({ type: 'rule', name: '@rule[9]', anonymous: true, options: { client: 'laptop', domain: ['night.test'], action: 'proxy', upstream: 'exits' } });
	const r = readConfig(s);
	assert.deepEqual(r.problems, []);
	const lines = (down?: string[]) => compile(r.config!, { down }).dnsmasq.split('\n').filter((l) => l.startsWith('server='));
	assert.deepEqual(lines(), ['server=/night.test/10.200.1.53@sw_us']);
	assert.deepEqual(lines(['jp']), ['server=/night.test/10.200.1.53@sw_us']);
	assert.deepEqual(lines(['us']), ['server=/night.test/10.200.2.53@sw_eu']);
	assert.deepEqual(lines(['us', 'eu']), [], 'jp has no DNS servers: the usual way');
	assert.ok(!lines().some((l) => l.includes('video.test')), 'a balance group has no one member to ask');
});
