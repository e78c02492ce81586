// The plan cache (src/router/plancache.ts): an apply with the same inputs
// reuses the last plan — it must be exactly compile()'s, and every input
// that compile() reads must make the next apply compile again.
import { test } from 'vitest';
import assert from 'node:assert/strict';
import { apply, stop } from '../../src/router/apply';
import { readConfig, compile } from '../../src/core/index';
import { localNetworks } from '../../src/router/routes';
import { cachedPlan } from '../../src/router/plancache';
import type { Plan } from '../../src/core/plan';
import { fakeRouter } from './fakes';
import type { FakeRouter } from './fakes';
import { openwrt } from './openwrt';

const CACHE = '/var/run/splitwg/plan.json', KEY = '/var/run/splitwg/plan.key';

// how often apply read the config (a cache hit reads none)
function counting(r: FakeRouter): { reads: number } {
	const n = { reads: 0 };
	const getAll = r.uci.get_all.bind(r.uci);
	r.uci.get_all = (config: string, section?: string) => { if (config === 'splitwg' && section === undefined) n.reads++; return getAll(config, section); };
	return n;
}

// What the cache gives back: the plan as compiled, but for its sets'
// elements (the printed nft text has them; plancache.ts keeps the JSON lean).
function kept(r: FakeRouter): unknown {
	const c = cachedPlan(r.env, (ipv6) => localNetworks(r.env, ipv6).local, []);
	return c ? JSON.parse(JSON.stringify(c.plan)) : null;
}

function expected(p: Plan): unknown {
	const table = p.table ? { ...p.table, sets: p.table.sets.map((s) => ({ ...s, elements: s.elements === null ? null : [] })) } : null;
	return JSON.parse(JSON.stringify({ ...p, table }));
}

function fresh(r: FakeRouter) {
	const cfg = readConfig(r.uci.sections('splitwg')).config!;
	return compile(cfg, { local: localNetworks(r.env, cfg.globals.ipv6).local });
}

test('an unchanged config is applied from the cached plan, which is exactly compile()\'s; no change, nothing reloaded', () => {
	const r = fakeRouter({ uci: openwrt() });
	const n = counting(r);
	assert.equal(apply(r.env).ok, true);
	assert.equal(n.reads, 1);
	assert.deepEqual(kept(r), expected(fresh(r)));
	const json = r.fs.read(CACHE)!;
	assert.equal(JSON.parse(json).plan.nft, '', 'the printed table is a file of its own');
	const state = JSON.parse(r.fs.read('/var/run/splitwg/state.json')!);
	r.reset();
	const again = apply(r.env);
	assert.equal(again.ok, true, again.message);
	assert.equal(n.reads, 1, 'the config was read again');
	assert.deepEqual(again.changed, { nft: false, dnsmasq: false, network: false, firewall: false, dhcp: false });
	assert.deepEqual(again.actions, []);
	const after = JSON.parse(r.fs.read('/var/run/splitwg/state.json')!);
	assert.deepEqual({ ...after, time: 0, message: '' }, { ...state, time: 0, message: '' }, 'the same state as a compiled apply');
});

test('every input of compile() makes the next apply compile: an edit, a new local network, uncommitted changes, another version, a damaged cache', () => {
	const r = fakeRouter({ uci: openwrt() });
	const n = counting(r);
	assert.equal(apply(r.env).ok, true);
	const expectCompile = (why: string) => {
		const before = n.reads;
		const res = apply(r.env);
		assert.equal(res.ok, true, `${why}: ${res.message}`);
		assert.equal(n.reads, before + 1, `${why}: not compiled`);
		assert.deepEqual(kept(r), r.uci.pending.splitwg ? null : expected(fresh(r)), why);
	};
	r.uci.setText('splitwg', r.uci.text('splitwg').replace("option default 'proxy'", "option default 'direct'"));
	expectCompile('an edit');
	r.routes[4] = [...r.routes[4]!, { dst: '192.168.77.0/24', dev: 'br-iot' }];
	expectCompile('a new local network');
	assert.ok(r.fs.read('/var/run/splitwg/plan.nft')!.includes('192.168.77.0/24'), 'the new network is local in the plan');
	r.uci.pending.splitwg = [['set', 'tv', 'default', 'proxy']];
	expectCompile('uncommitted changes');
	assert.equal(r.fs.read(CACHE), null, 'no plan kept for a config with uncommitted changes');
	delete r.uci.pending.splitwg;
	expectCompile('after the uncommitted changes are gone');
	r.fs.write(KEY, r.fs.read(KEY)!.replace(/"version": ?"[^"]*"/, '"version": "0.0.0"'));
	expectCompile('a plan of another version');
	r.fs.write(CACHE, r.fs.read(CACHE)!.slice(0, 100));
	expectCompile('a damaged cache');
	r.fs.write(CACHE, r.fs.read(CACHE)!.replace(/"digest": ?"[^"]*"/, '"digest": "0"'));
	expectCompile('a plan of another config under the right key');
	r.routes[4] = null;
	const res = apply(r.env);
	assert.ok(res.warnings.some((w) => /cannot read the main routing table/.test(w)));
	assert.equal(r.fs.read(CACHE), null, 'no plan kept without the local networks');
});

test('stop, then apply: the cached plan is installed again, as a compile would', () => {
	const r = fakeRouter({ uci: openwrt() });
	const n = counting(r);
	assert.equal(apply(r.env).ok, true);
	const table = r.table;
	assert.equal(stop(r.env).ok, true);
	assert.equal(r.table, null);
	const res = apply(r.env);
	assert.equal(res.ok, true, res.message);
	assert.equal(n.reads, 1);
	assert.equal(r.table, table);
	assert.equal(res.changed.nft, true);
});
