// The collector (prometheus-node-exporter-ucode-splitwg) under a real ucode,
// called the way prometheus-node-exporter-ucode calls a collector: compiled
// with loadfile(…, { strict_declarations, raw_mode }), run with call() and a
// scope holding gauge()/counter() (HARNESS: our own stand-in of the
// exporter's, printing the exposition text). The router is the scratch root
// of test/helpers/ucoderoot.ts after a real apply; the table's counters are
// the applied model's counted rules with numbers we chose. Every value must
// be the one `splitwg status --json` / `splitwg stats --json` report on the
// same root. Needs $UCODE (with the fs, uci and ubus modules); skipped without.
import { test } from 'vitest';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { setup, NO_UCODE, FETCH_STUB } from '../helpers/ucoderoot';
import { parseExposition, sample, type Exposition } from './exposition';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const COLLECTOR = path.join(repo, 'prometheus-node-exporter-ucode-splitwg/files/usr/share/ucode/node-exporter/lib/splitwg.uc');

const HARNESS = `
'use strict';
import * as fs from 'fs';
function esc(v) {
	return replace(replace(replace(v ?? '', '\\\\', '\\\\\\\\'), '"', '\\\\"'), '\\n', '\\\\n');
}
function metric(kind, name, help) {
	let declared = false, self;
	self = function(labels, value) {
		if (!declared) {
			if (help) print('# HELP ', name, ' ', help, '\\n');
			print('# TYPE ', name, ' ', kind, '\\n');
			declared = true;
		}
		let l = [];
		for (let k in labels) push(l, sprintf('%s="%s"', k, esc(labels[k])));
		print(name, length(l) ? '{' + join(',', l) + '}' : '', ' ', type(value) == 'bool' ? +value : value, '\\n');
		return self;
	};
	return self;
}
let fn = loadfile(ARGV[0], { strict_declarations: true, raw_mode: true });
let ok = call(fn, null, { config: {}, fs, ubus: null,
	gauge: (name, help) => metric('gauge', name, help), counter: (name, help) => metric('counter', name, help) });
exit(ok === false ? 1 : 0);
`;

// The terse `nft -j list table` of the applied table: each counted chain's
// rules in the model's order, the i-th counter of the whole table holding
// 7 * i packets (and 100 times that in bytes).
function counters(state: any): { doc: string, byRef: { ref: any, packets: number }[] } {
	const nftables: any[] = [], byRef: { ref: any, packets: number }[] = [];
	let n = 0;
	for (const [chain, refs] of Object.entries(state.table.counted as Record<string, any[]>))
		for (const ref of refs) {
			const packets = 7 * ++n;
			nftables.push({ rule: { family: 'inet', table: 'splitwg', chain, expr: [{ counter: { packets, bytes: 100 * packets } }, { accept: null }] } });
			if (ref) byRef.push({ ref, packets });
		}
	return { doc: JSON.stringify({ nftables }), byRef };
}

export function scrapeRoot() {
	const r = setup();
	const cfg = path.join(r.root, 'etc/config/splitwg');
	// a subscribed list, fetched on apply (ucode.test.ts's stand-in for uclient-fetch)
	fs.appendFileSync(cfg, "\nconfig subscription 'cn'\n\toption url 'http://lists.example/cn.txt'\n\nconfig rule\n\toption client 'tv'\n\tlist list_file 'cn'\n\toption action 'direct'\n");
	fs.mkdirSync(path.join(r.root, 'bin'));
	fs.writeFileSync(path.join(r.root, 'bin/uclient-fetch'), FETCH_STUB, { mode: 0o755 });
	fs.mkdirSync(path.join(r.root, 'www'));
	fs.writeFileSync(path.join(r.root, 'www/cn.txt'), '203.0.113.0/24\n198.51.100.0/24\n');
	const a = r.run('apply');
	assert.equal(a.code, 0, a.err);
	const state = JSON.parse(fs.readFileSync(path.join(r.root, 'var/run/splitwg/state.json'), 'utf8'));
	const c = counters(state);
	fs.mkdirSync(path.join(r.root, 'answers'));
	fs.writeFileSync(path.join(r.root, 'answers/nft_-j_-t_list_table_inet_splitwg'), c.doc);
	// the list written 1000 s ago, fetched 5000 s ago
	const t = Date.now() / 1000 - 1000;
	fs.utimesSync(path.join(r.root, 'etc/splitwg/lists/cn'), t, t);
	const recs = path.join(r.root, 'var/run/splitwg/subscriptions.json'), rec = JSON.parse(fs.readFileSync(recs, 'utf8'));
	rec.cn.fetched = Math.floor(Date.now() / 1000) - 5000;
	fs.writeFileSync(recs, JSON.stringify(rec));
	return { ...r, state, byRef: c.byRef };
}

test('the collector under ucode, called as the exporter calls it: every metric is what status and stats report', { skip: NO_UCODE }, () => {
	const r = scrapeRoot();
	const st = JSON.parse(r.run('status', '--json').out), sx = JSON.parse(r.run('stats', '--json').out);
	fs.writeFileSync(path.join(r.root, 'harness.uc'), HARNESS);
	const out = r.ucode(path.join(r.root, 'harness.uc'), COLLECTOR);
	assert.equal(out.code, 0, out.err);
	const m: Exposition = parseExposition(out.out);
	const v = (name: string, labels: Record<string, string> = {}) => sample(m, name, labels);

	assert.deepEqual([v('splitwg_enabled'), v('splitwg_applied'), v('splitwg_pending'), v('splitwg_last_apply_success')], [1, 1, 0, 1]);
	assert.equal(v('splitwg_last_apply_timestamp_seconds'), st.last_apply.time);
	assert.equal(v('splitwg_warnings'), st.warnings.length);

	// no netifd here: the upstreams are down, without a handshake
	assert.deepEqual(st.upstreams.map((u: any) => u.name).sort(), ['eu', 'us']);
	for (const u of st.upstreams) {
		const l = { upstream: u.name, iface: u.iface };
		assert.deepEqual([v('splitwg_upstream_up', l), v('splitwg_upstream_healthy', l), v('splitwg_upstream_receive_bytes_total', l)], [0, 0, 0]);
		assert.equal(v('splitwg_upstream_handshake_age_seconds', l), undefined);
	}
	for (const u of sx.upstreams) assert.equal(v('splitwg_upstream_connections_total', { upstream: u.name }), u.packets);
	assert.ok(sx.upstreams.length === 2 && sx.upstreams.every((u: any) => u.packets > 0));

	let some = 0;
	for (const c of st.clients)
		for (const p of ['direct', 'proxy', 'block', 'ruleset']) {
			assert.equal(v('splitwg_client_connections_total', { client: c.name, path: p }), c.counters[p], `${c.name} ${p}`);
			some += c.counters[p];
		}
	assert.ok(some > 0);
	let rules = 0;
	for (const c of sx.clients) {
		for (const x of c.rules) { assert.equal(v('splitwg_rule_hits_total', { client: c.name, rule: x.rule }), x.packets); rules++; }
		assert.equal(v('splitwg_client_default_hits_total', { client: c.name }), c.default.packets);
		for (const x of c.rulesets) assert.equal(v('splitwg_client_ruleset_hits_total', { client: c.name, chain: x.name }), x.packets);
	}
	assert.ok(rules > 3);
	assert.equal(m.samples.filter((s) => s.name === 'splitwg_rule_hits_total').length, rules);
	for (const s of sx.rulesets)
		for (const x of s.rules) assert.equal(v('splitwg_ruleset_rule_hits_total', { ruleset: s.ruleset ?? '', chain: s.name, rule: x.rule }), x.packets);
	assert.ok(sx.rulesets.some((s: any) => s.rules.length > 0));
	// the leak drops are the counters we put on the model's leak rules
	const leak = r.byRef.filter((x) => x.ref.count === 'leak').reduce((a, x) => a + x.packets, 0);
	assert.ok(leak > 0);
	assert.deepEqual([v('splitwg_dropped_packets_total', { reason: 'leak' }), v('splitwg_dropped_packets_total', { reason: 'dot' }), v('splitwg_dns_hijacked_total')],
		[leak, sx.dropped.dot, sx.dns_hijacked]);

	assert.equal(v('splitwg_list_entries', { list: 'cn' }), 2);
	assert.equal(v('splitwg_list_ok', { list: 'cn' }), 1);
	const age = v('splitwg_list_age_seconds', { list: 'cn' })!;
	assert.ok(age >= 1000 && age < 1600, `list age ${age}`);
	assert.deepEqual([v('splitwg_subscription_entries', { subscription: 'cn' }), v('splitwg_subscription_fetch_success', { subscription: 'cn' })], [2, 1]);
	const fetched = v('splitwg_subscription_fetch_age_seconds', { subscription: 'cn' })!;
	assert.ok(fetched >= 5000 && fetched < 5600 && st.subscriptions[0].fetched_age >= 5000, `fetch age ${fetched}`);
	fs.rmSync(r.root, { recursive: true, force: true });
});

test('docs/cli.md lists every metric the collector names, with its type, and no other', () => {
	const src = fs.readFileSync(COLLECTOR, 'utf8');
	const named = new Map([...src.matchAll(/\b(gauge|counter)\("(splitwg_\w+)"/g)].map((m) => [m[2]!, m[1]!]));
	const doc = fs.readFileSync(path.join(repo, 'docs/cli.md'), 'utf8').split('\n## Prometheus\n')[1]!.split('\n## ')[0]!;
	const listed = new Map<string, string>();
	for (const row of doc.split('\n').filter((l) => l.startsWith('| `splitwg_'))) {
		const [names, kind] = row.split('|').slice(1, 3).map((c) => c.trim());
		for (const m of names!.matchAll(/`(splitwg_\w+)`/g)) listed.set(m[1]!, kind!);
	}
	assert.deepEqual([...listed].sort(), [...named].sort());
});

// The real exporter's main script (prometheus-node-exporter-ucode's
// files/metrics.uc, from an openwrt/packages checkout; never part of this
// repository), run as its run.sh does without uhttpd — it then serves one
// request for the collectors named in ARGV and prints it — with its
// collector directory pointed at ours: the one line naming
// /usr/share/ucode/node-exporter/lib is replaced in a scratch copy.
const EXPORTER = process.env.NODE_EXPORTER_UCODE ?? '';
const NO_EXPORTER = NO_UCODE || EXPORTER === '' || !fs.existsSync(EXPORTER);

test('the real prometheus-node-exporter-ucode scrapes the collector once (NODE_EXPORTER_UCODE=…/files/metrics.uc)', { skip: NO_EXPORTER }, () => {
	const r = scrapeRoot();
	const lib = path.join(r.root, 'node-exporter/lib');
	fs.mkdirSync(lib, { recursive: true });
	fs.copyFileSync(COLLECTOR, path.join(lib, 'splitwg.uc'));
	const main = fs.readFileSync(EXPORTER, 'utf8');
	assert.equal(main.split('"/usr/share/ucode/node-exporter/lib"').length, 2, 'the exporter names its collector directory once');
	fs.writeFileSync(path.join(r.root, 'node-exporter/metrics.uc'), main.replace('"/usr/share/ucode/node-exporter/lib"', JSON.stringify(lib)));
	const st = JSON.parse(r.run('status', '--json').out), sx = JSON.parse(r.run('stats', '--json').out);
	const out = r.ucode('-T', path.join(r.root, 'node-exporter/metrics.uc'), 'splitwg');
	assert.equal(out.code, 0, out.err);
	assert.match(out.err, /serving requests with 1 collectors/);
	assert.doesNotMatch(out.err, /error (running|compiling) collector/);
	const m = parseExposition(out.out.replace(/^Status: [^]*?\n\n/, ''));
	assert.equal(sample(m, 'node_scrape_collector_success', { collector: 'splitwg' }), 1);
	assert.equal(sample(m, 'splitwg_applied'), 1);
	assert.equal(sample(m, 'splitwg_last_apply_timestamp_seconds'), st.last_apply.time);
	const laptop = st.clients.find((c: any) => c.name === 'laptop');
	assert.ok(laptop.counters.proxy > 0);
	assert.equal(sample(m, 'splitwg_client_connections_total', { client: 'laptop', path: 'proxy' }), laptop.counters.proxy);
	const kid = sx.clients.find((c: any) => c.name === 'kid');
	assert.equal(sample(m, 'splitwg_rule_hits_total', { client: 'kid', rule: kid.rules[0].rule }), kid.rules[0].packets);
	assert.equal(sample(m, 'splitwg_list_entries', { list: 'cn' }), 2);
	fs.rmSync(r.root, { recursive: true, force: true });
});

test('the health checker\'s view: each watched upstream up or not, since when, its probe\'s round trip; each group\'s member now', { skip: NO_UCODE }, () => {
	const r = setup();
	fs.writeFileSync(path.join(r.root, 'etc/config/splitwg'), fs.readFileSync(path.join(repo, 'test/golden/groups/splitwg'), 'utf8'));
	const a = r.run('apply');
	assert.equal(a.code, 0, a.err);
	// what the checker last wrote: us down by its probes, eu and jp up
	const now = Math.floor(Date.now() / 1000);
	const state = (up: boolean, rtt: number | null) => ({ up, since: now - 60, fails: up ? 0 : 2, passes: 0, last: now - 2, rtt, handshake: 20, reason: up ? 'probe answered' : '2 probes missed' });
	fs.writeFileSync(path.join(r.root, 'var/run/splitwg/health.json'), JSON.stringify({ time: now - 2, upstreams: { us: state(false, null), eu: state(true, null), jp: state(true, 31) }, groups: {} }));
	fs.writeFileSync(path.join(r.root, 'harness.uc'), HARNESS);
	const out = r.ucode(path.join(r.root, 'harness.uc'), COLLECTOR);
	assert.equal(out.code, 0, out.err);
	const m = parseExposition(out.out);
	const v = (name: string, labels: Record<string, string> = {}) => sample(m, name, labels);
	assert.deepEqual(['us', 'eu', 'jp'].map((u) => v('splitwg_upstream_checker_up', { upstream: u })), [0, 1, 1]);
	assert.equal(v('splitwg_upstream_checker_since_timestamp_seconds', { upstream: 'us' }), now - 60);
	assert.equal(v('splitwg_upstream_probe_rtt_milliseconds', { upstream: 'jp' }), 31);
	assert.equal(v('splitwg_upstream_probe_rtt_milliseconds', { upstream: 'us' }), undefined, 'no answered probe: no round trip');
	// exits fails over to eu; spread [us, jp] gives everything to jp
	assert.deepEqual(['us', 'eu', 'jp'].map((u) => v('splitwg_group_member_active', { group: 'exits', upstream: u })), [0, 1, 0]);
	assert.deepEqual(['us', 'jp'].map((u) => v('splitwg_group_member_active', { group: 'spread', upstream: u })), [0, 1]);
});
