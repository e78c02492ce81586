// The nft model (nft.ts) is what the router reads instead of the printed
// table: for that to be honest, the kernel must hold exactly what the model
// says once the printed text is loaded — the same sets, maps and chains, the
// same config-filled elements, and every counted chain with as many rules,
// in order, as the model lists (counters are attributed by position).
import { test } from 'vitest';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { parseUci, readConfig, compile, tableState, printNft } from '../../src/core/index';
import { reworded } from '../helpers/nft';

const dir = 'test/golden';
const goldens = fs.readdirSync(dir).sort().filter((n) => fs.existsSync(path.join(dir, n, 'splitwg')))
	.map((n) => ({ name: n, text: fs.readFileSync(path.join(dir, n, 'splitwg'), 'utf8') }));

function kernel(nft: string): any[] | null {
	const r = spawnSync('unshare', ['--net', 'sh', '-c', 'nft -f - && nft -j list table inet splitwg'], { input: nft, encoding: 'utf8' });
	if (r.error || r.status !== 0) return null;
	return JSON.parse(r.stdout).nftables;
}

function elemText(e: any): string {
	if (Array.isArray(e)) return `${elemText(e[0])} : ${e[1].goto ? 'goto ' + e[1].goto.target : Object.keys(e[1])[0]}`;
	if (e && e.elem) return elemText(e.elem.val);
	if (e && e.prefix) return `${e.prefix.addr}/${e.prefix.len}`;
	if (e && e.range) return `${e.range[0]}-${e.range[1]}`;
	return String(e);
}

for (const g of goldens) {
	test(`golden ${g.name}: the loaded table is the model`, (t) => {
		const p = compile(readConfig(parseUci(g.text).sections).config!);
		if (!p.table) { assert.equal(p.nft, ''); return; }
		const doc = kernel(p.nft);
		if (!doc) { t.skip('needs root and nft (unshare --net)'); return; }
		const st = tableState(p.table);
		const names = (k: string) => doc.filter((x) => x[k]).map((x) => x[k].name).sort();
		assert.deepEqual(names('set'), [...st.objects.sets].sort());
		assert.deepEqual(names('map'), [...st.objects.maps].sort());
		assert.deepEqual(names('chain'), [...st.objects.chains].sort());
		for (const f of st.filled) {
			const have: any[] = doc.find((x) => x[f.kind]?.name === f.name)[f.kind].elem ?? [];
			assert.deepEqual(have.map(elemText).sort(), [...f.elements].sort(), `${f.kind} ${f.name}`);
		}
		for (const c of p.table.chains) {
			const rules: any[] = doc.filter((x) => x.rule?.chain === c.name).map((x) => x.rule);
			assert.equal(rules.length, c.rules.length, `chain ${c.name}: as many rules as the model`);
			rules.forEach((r: any, i: number) => {
				assert.equal(r.expr.some((e: any) => e.counter), c.rules[i].counter, `${c.name}[${i}] counter`);
				const v = r.expr.find((e: any) => e.goto || e.drop !== undefined || e.return !== undefined);
				const j = r.expr.find((e: any) => e.jump);
				if (c.rules[i].verdict === 'goto') assert.equal(v?.goto?.target, c.rules[i].target, `${c.name}[${i}] verdict`);
				if (c.rules[i].verdict === 'jump') assert.equal(j?.jump?.target, c.rules[i].target, `${c.name}[${i}] jump`);
				if (c.rules[i].verdict === 'drop') assert.ok(v && 'drop' in v, `${c.name}[${i}] drop`);
			});
		}
	});
}

test('the printer is the only place comments are worded: a reworded table prints, the model keeps its rule ids', () => {
	const p = compile(readConfig(parseUci(goldens.find((g) => g.name === 'home')!.text).sections).config!);
	const text = printNft(reworded(p.table!, 'x'));
	assert.ok(!text.includes('client.laptop.rule[0]'));
	assert.deepEqual(tableState(reworded(p.table!, 'x')), tableState(p.table!));
	const laptop = tableState(p.table!).counted.client_laptop!;
	// rule[1]: one nft rule per port (a port list would be an anonymous set)
	assert.deepEqual(laptop.map((r) => r && r.rule), ['client.laptop.rule[0]', 'client.laptop.rule[0]', 'client.laptop.rule[1]', 'client.laptop.rule[1]', 'client.laptop.rule[2]', 'client.laptop.rule[3]', 'client.laptop.rule[4]', 'client.laptop.rule[4]', null]);
	assert.deepEqual(laptop.map((r) => r && r.path), ['direct', 'direct', 'proxy', 'proxy', 'direct', 'block', 'direct', 'direct', 'proxy']);
	// tv and phone share the rule set streaming, with different upstreams: a chain each, counted apart from the clients
	const st = tableState(p.table!);
	assert.deepEqual(st.rulesets, [{ chain: 'rs_streaming_0', ruleset: 'streaming', clients: ['tv'] }, { chain: 'rs_streaming_1', ruleset: 'streaming', clients: ['phone'] }]);
	assert.deepEqual(st.counted.client_tv!.map((r) => r && [r.count, r.ruleset, r.path]), [['jump', 'rs_streaming_0', 'proxy'], ['after', 'rs_streaming_0', 'proxy'], ['default', null, 'direct']]);
	assert.deepEqual(st.counted.rs_streaming_1!.map((r) => r && [r.client, r.rule, r.upstream]), [[null, 'ruleset.streaming.rule[0]', 'eu'], [null, 'ruleset.streaming.rule[0]', 'eu']]);
});

test('a device known by its IPv4 address only: its rules have no IPv6 sets or nft rules (its chain never sees IPv6), dnsmasq fills none; a rule set it shares with a dual-stack client keeps both', () => {
	const cfg = readConfig(parseUci(`config globals 'main'
config upstream 'us'
	option private_key 'iB/iaspESqk09qV0DqOjxXUfScOrg0oSM+HcHc578Hk='
	list address '10.200.1.2/32'
	option public_key 'iB/iaspESqk09qV0DqOjxXUfScOrg0oSM+HcHc578Hk='
	option endpoint '192.0.2.99:51820'
config ruleset 'rs'
config rule
	option ruleset 'rs'
	list domain 'shared.test'
	option action 'direct'
config client 'v4'
	list address '192.168.77.10'
	option upstream 'us'
	list ruleset 'rs'
config rule
	option client 'v4'
	list domain 'video.test'
	list dest '203.0.113.0/24'
	list dest '2001:db8::/32'
config rule
	option client 'v4'
	list dest '2001:db8:1::/48'
	option action 'block'
config client 'dual'
	list mac '02:00:00:00:00:11'
	option upstream 'us'
	list ruleset 'rs'
config rule
	option client 'dual'
	list domain 'news.test'
`).sections);
	assert.deepEqual(cfg.problems, []);
	const p = compile(cfg.config!);
	const t = p.table!;
	const sets = t.sets.map((s) => s.name).filter((n) => !n.startsWith('local'));
	assert.deepEqual(sets.sort(), ['c_dual_0_d4', 'c_dual_0_d6', 'c_v4_0_d4', 'c_v4_0_n4', 'rs_rs_0_d4', 'rs_rs_0_d6']);
	const chain = (n: string) => t.chains.find((c) => c.name === n)!.rules.map((r) => r.expr);
	// rule[1] (IPv6 destinations only) matches nothing an IPv4-only chain sees: it is not there
	assert.deepEqual(chain('client_v4'), ['ip daddr @c_v4_0_d4', 'ip daddr @c_v4_0_n4', '', '', '']);
	assert.deepEqual(chain('rs_rs_0'), ['ip daddr @rs_rs_0_d4', 'ip6 daddr @rs_rs_0_d6']);
	assert.match(p.dnsmasq, /^nftset=\/video\.test\/4#inet#splitwg#c_v4_0_d4$/m);
	assert.match(p.dnsmasq, /^nftset=\/news\.test\/4#inet#splitwg#c_dual_0_d4,6#inet#splitwg#c_dual_0_d6$/m);
	assert.match(p.dnsmasq, /^nftset=\/shared\.test\/4#inet#splitwg#rs_rs_0_d4,6#inet#splitwg#rs_rs_0_d6$/m);
	assert.deepEqual(p.sets.map((s) => s.name).sort(), sets.sort(), 'what transitions know of');
});
