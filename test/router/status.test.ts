// Parsing what the kernel and wg report: real `nft -j` output of the golden
// table (loaded in a private network namespace), and `wg show dump`.
import { test } from 'vitest';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { nftRules, countedRules, stats, status } from '../../src/router/status';
import { apply } from '../../src/router/apply';
import { printNft, tableState } from '../../src/core/index';
import { reworded } from '../helpers/nft';
import { fakeRouter } from './fakes';
import { openwrt } from './openwrt';
import { parseDump, allPeers } from '../../src/router/wg';
import type { Env } from '../../src/router/env';
import { readConfig, parseUci, compile } from '../../src/core/index';
import { HOME } from './openwrt';

function realJson(nft: string): any[] | null {
	const r = spawnSync('unshare', ['--net', 'sh', '-c', 'nft -f - && nft -j list table inet splitwg'], { input: nft, encoding: 'utf8' });
	if (r.error || r.status !== 0) return null;
	return JSON.parse(r.stdout).nftables;
}

test('counters and verdicts from real nft -j output of the golden table, in the model\'s order', (t) => {
	const plan = compile(readConfig(parseUci(HOME).sections).config!);
	const doc = realJson(plan.nft);
	if (!doc) { t.skip('needs root and nft (unshare --net)'); return; }
	const rules = nftRules(doc);
	const laptop = rules.filter((r) => r.chain === 'client_laptop');
	assert.deepEqual(laptop.map((r) => r.verdict), [
		'mark_direct', 'mark_direct', 'up_eu', 'up_eu', 'mark_direct', 'drop',
		// from the first rule with a time condition on, the packet only is marked
		'mark_direct_pkt', 'mark_direct_pkt',
		'up_us_pkt',
	]);
	assert.ok(laptop.every((r) => r.counter !== null && r.counter.packets === 0));
	// each counted chain of the model lists its rules in the kernel's order
	const st = tableState(plan.table!);
	const counted = countedRules(doc, st.counted);
	assert.equal(counted.length, Object.values(st.counted).flat().filter((x) => x !== null).length, 'every counted rule found');
	for (const c of plan.clients) {
		const mine = rules.filter((r) => r.chain === c.chain);
		assert.equal(mine.length, st.counted[c.chain]!.length, c.chain);
		assert.equal(st.counted[c.chain]!.at(-1)!.rule, null, `${c.chain} ends in its default`);
	}
});

test('stats attribute counters by the applied model, not by comments: a reworded printer keeps every rule id', (t) => {
	const r = fakeRouter({ uci: openwrt() });
	assert.equal(apply(r.env).ok, true);
	const st = JSON.parse(r.fs.read('/var/run/splitwg/state.json')!);
	// the table the router applied, every comment reworded, as the kernel lists it after a few packets
	const doc = realJson(printNft(reworded(compile(readConfig(parseUci(r.uci.text('splitwg')).sections).config!, { local: ['192.168.1.0/24', 'fd00:1::/64'] }).table!, 'reworded')));
	if (!doc) { t.skip('needs root and nft (unshare --net)'); return; }
	let n = 0;
	for (const x of doc) if (x.rule) for (const e of x.rule.expr) if (e.counter) { e.counter.packets = ++n; e.counter.bytes = 100 * n; }
	// tv's jump into its rule set chain saw 50 packets, 20 came back unmatched
	const tvRules = doc.filter((x) => x.rule?.chain === 'client_tv').map((x) => x.rule.expr.find((e: any) => e.counter).counter);
	Object.assign(tvRules[0], { packets: 50, bytes: 5000 });
	Object.assign(tvRules[1], { packets: 20, bytes: 2000 });
	r.nftJson = JSON.stringify({ nftables: doc });
	assert.ok(!r.nftJson.includes('rule['), 'no rule id left in any comment');
	const s = stats(r.env);
	const tv = s.clients.find((c) => c.name === 'tv')!;
	assert.deepEqual(tv.rules, [], 'the rule set\'s rules are counted in its shared chain');
	assert.deepEqual(tv.rulesets, [{ name: 'rs_streaming_0', packets: 30, bytes: 3000 }]);
	assert.ok(tv.default.packets > 0);
	const rs = s.rulesets.find((x) => x.name === 'rs_streaming_0')!;
	assert.deepEqual([rs.ruleset, rs.clients, rs.rules.map((x) => x.rule)], ['streaming', ['tv'], ['ruleset.streaming.rule[0]']]);
	assert.ok(rs.rules[0]!.packets > 0);
	// the binding's one rule proxies: tv's hits there are proxied connections
	const tvSum = status(r.env).clients.find((c) => c.name === 'tv')!.counters;
	assert.deepEqual(tvSum, { direct: tv.default.packets, proxy: 30, block: 0, ruleset: 0 });
	const kid = s.clients.find((c) => c.name === 'kid')!;
	assert.deepEqual(kid.rules.map((x) => x.rule), ['client.kid.rule[0]', 'client.kid.rule[1]']);
	assert.deepEqual(s.clients.map((c) => c.name), st.view.clients.filter((c: any) => c.enabled).map((c: any) => c.name));
	assert.ok(s.dns_hijacked > 0 && s.dropped.dot > 0 && s.dropped.leak > 0);
	assert.deepEqual(s.upstreams.map((u) => u.name).sort(), ['eu', 'us']);
	const sum = status(r.env).clients.find((c) => c.name === 'kid')!.counters;
	assert.equal(sum.direct + sum.proxy + sum.block, kid.rules.reduce((a, x) => a + x.packets, 0) + kid.default.packets);
});

test('status while applied reads what the apply stored, not the config: an edited, now invalid config still shows the applied upstreams', () => {
	const r = fakeRouter({ uci: openwrt() });
	assert.equal(apply(r.env).ok, true);
	r.uci.setText('splitwg', r.uci.text('splitwg').replace("option default 'proxy'", "option default 'sideways'"));
	const s = status(r.env);
	assert.equal(s.pending, true);
	assert.deepEqual(s.upstreams.map((u) => u.name), ['us', 'eu']);
	assert.ok(s.clients.some((c) => c.name === 'tv'));
	assert.deepEqual(s.warnings.filter((w) => /problem/.test(w)), [], 'not validated: check and doctor say what is wrong');
});

test('wg show dump: the interface line (private key) is skipped', () => {
	const dump = 'PRIVATEKEYxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx=\tPUB=\t51820\toff\n' +
		'peerA=\t(none)\t203.0.113.5:51820\t0.0.0.0/0,::/0\t1800000000\t123\t456\t25\n' +
		'peerB=\tpsk=\t(none)\t(none)\t0\t0\t0\toff\n';
	assert.deepEqual(parseDump(dump), [
		{ public_key: 'peerA=', endpoint: '203.0.113.5:51820', allowed_ips: ['0.0.0.0/0', '::/0'], latest_handshake: 1800000000, rx: 123, tx: 456, keepalive: 25 },
		{ public_key: 'peerB=', endpoint: null, allowed_ips: [], latest_handshake: 0, rx: 0, tx: 0, keepalive: null },
	]);
	assert.ok(!JSON.stringify(parseDump(dump)).includes('PRIVATEKEY'));
});

test('wg show all dump (as wg 1.0.20210914 prints it: each line after its interface): peers by interface, no private key, one command', () => {
	const out = 'sw_us\tPRIVATEKEYxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx=\tPUB=\t5555\toff\n' +
		'sw_us\tpeerA=\t(none)\t1.2.3.4:51820\t10.0.0.2/32\t1800000000\t7\t8\toff\n' +
		'sw_server\tPRIVATEKEYyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyy=\tPUB2=\t51820\toff\n';
	const calls: string[] = [];
	const env = { run: (argv: string[]) => { calls.push(argv.join(' ')); return { code: 0, stdout: out, stderr: '' }; } } as unknown as Env;
	const all = allPeers(env)!;
	assert.deepEqual(calls, ['wg show all dump']);
	assert.deepEqual(all, {
		sw_us: [{ public_key: 'peerA=', endpoint: '1.2.3.4:51820', allowed_ips: ['10.0.0.2/32'], latest_handshake: 1800000000, rx: 7, tx: 8, keepalive: null }],
		sw_server: [],
	});
	assert.ok(!JSON.stringify(all).includes('PRIVATEKEY'));
});

test('status of an unchanged applied config loads neither the config nor the sets\' elements; a saved change makes it pending, its revert not', () => {
	const r = fakeRouter({ uci: openwrt() });
	assert.equal(apply(r.env).ok, true);
	let loads = 0;
	const getAll = r.uci.get_all.bind(r.uci);
	r.uci.get_all = (config: string, section?: string) => { if (config === 'splitwg') loads++; return getAll(config, section); };
	r.reset();
	const s = status(r.env);
	assert.equal(s.pending, false);
	assert.equal(s.enabled, true);
	assert.equal(loads, 0, 'the config was read');
	assert.ok(r.calls.includes('nft -j -t list table inet splitwg'), r.calls.join('\n'));
	assert.ok(!r.calls.includes('nft -j list table inet splitwg'), 'status listed the elements');
	// someone's `uci set` without commit (LuCI's Save) is a change not applied yet
	r.uci.pending.splitwg = [['set', 'tv', 'default', 'direct']];
	assert.equal(status(r.env).pending, true);
	delete r.uci.pending.splitwg;
	assert.equal(status(r.env).pending, false);
	// a committed edit that disables splitwg: pending, and the config's own `enabled` is shown
	r.uci.setText('splitwg', r.uci.text('splitwg').replace("option enabled '1'", "option enabled '0'"));
	const off = status(r.env);
	assert.equal(off.pending, true);
	assert.equal(off.enabled, false);
});
