// The health checker's judgement (src/core/health.ts): the per-upstream
// state machine with its hysteresis, and the slots script — loaded by a
// real nft onto the compiled golden table "groups", the kernel's maps read back.
import { test } from 'vitest';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseUci, readConfig, compile } from '../../src/core/index';
import { step, membersNow, downOf, HANDSHAKE_MAX } from '../../src/core/health';
import { groupsScript, slotsScript } from '../../src/core/nftprint';
import type { HealthState, Sample } from '../../src/core/health';
import { groupMapList } from '../../src/core/nft';
import type { Config, Upstream } from '../../src/core/model';

const GROUPS = fs.readFileSync('test/golden/groups/splitwg', 'utf8');
const cfgOf = (text: string): Config => { const r = readConfig(parseUci(text).sections); assert.deepEqual(r.problems, []); return r.config!; };
const golden = cfgOf(GROUPS);
const us = golden.upstreams.find((u) => u.name === 'us')!;    // probe 10.200.1.1, the defaults
const eu = golden.upstreams.find((u) => u.name === 'eu')!;    // no probe, keepalive 25

const ok = (rtt = 12): Sample => ({ iface: true, probe: { ok: true, rtt }, handshake: 10 });
const miss: Sample = { iface: true, probe: { ok: false, rtt: null }, handshake: 10 };

// a run of samples from the first look, every 5 s: the states after each
function run(u: Upstream, samples: Sample[], from: HealthState | null = null): HealthState[] {
	const out: HealthState[] = [];
	let s = from;
	samples.forEach((x, i) => { s = step(s, x, u, 1000 + 5 * i); out.push(s); });
	return out;
}

test('the golden upstreams carry the health defaults and options the tests below rely on', () => {
	assert.deepEqual(us.health, { probe: '10.200.1.1', dns: [], interval: 5, downAfter: 2, upAfter: 2 });
	assert.equal(eu.health.probe, null);
	assert.equal(eu.keepalive, 25);
});

test('a probed upstream goes down after down_after misses in a row, not before; an answer in between resets the count', () => {
	const u = { ...us, health: { ...us.health, downAfter: 2, upAfter: 2 } };
	const a = run(u, [ok(), miss, ok(), miss, miss]);
	assert.deepEqual(a.map((s) => s.up), [true, true, true, true, false]);
	assert.deepEqual(a.map((s) => s.fails), [0, 1, 0, 1, 2]);
	assert.equal(a[4].reason, '2 probes missed');
	assert.equal(a[4].since, 1020, 'since: the sample that took it down');
	assert.equal(a[0].since, 1000, 'the first look: up since then');
	assert.equal(a[4].rtt, null);
	assert.equal(a[2].rtt, 12);
	assert.equal(a[4].last, 1020);
});

test('a down upstream comes back after up_after answers in a row; a miss in between starts over, and since moves only on the change', () => {
	const u = { ...us, health: { ...us.health, downAfter: 1, upAfter: 3 } };
	const a = run(u, [miss, ok(), ok(), miss, ok(), ok(), ok(7), ok()]);
	assert.deepEqual(a.map((s) => s.up), [false, false, false, false, false, false, true, true]);
	assert.deepEqual(a.map((s) => s.passes), [0, 1, 2, 0, 1, 2, 3, 4]);
	assert.equal(a[6].reason, '3 probes answered');
	assert.equal(a[6].since, 1030);
	assert.equal(a[7].since, 1030);
	assert.equal(a[6].rtt, 7);
	assert.equal(a[5].reason, '1 probe missed', 'still down: the reason it went down');
});

test('down_after 1 and up_after 1: one sample decides either way', () => {
	const u = { ...us, health: { ...us.health, downAfter: 1, upAfter: 1 } };
	assert.deepEqual(run(u, [miss, ok(), miss, ok()]).map((s) => s.up), [false, true, false, true]);
});

test('the misses of a downed upstream keep counting; being down already, more misses change nothing', () => {
	const u = { ...us, health: { ...us.health, downAfter: 2, upAfter: 2 } };
	const a = run(u, [miss, miss, miss, miss]);
	assert.deepEqual(a.map((s) => s.up), [true, false, false, false]);
	assert.deepEqual(a.map((s) => s.since), [1000, 1005, 1005, 1005]);
	assert.equal(a[3].fails, 4);
});

test('netifd\'s interface down is down at once, whatever the counts; back up, the probes need up_after answers', () => {
	const u = { ...us, health: { ...us.health, downAfter: 3, upAfter: 2 } };
	const off: Sample = { iface: false, probe: null, handshake: null };
	const a = run(u, [ok(), off, ok(), ok()]);
	assert.deepEqual(a.map((s) => s.up), [true, false, false, true]);
	assert.equal(a[1].reason, 'interface down');
	assert.equal(a[1].since, 1005);
	// a handshake-judged member too
	assert.equal(step(null, off, eu, 1).up, false);
});

test('without a probe: a handshake of at most 180 s is up, an older one or none down; no keepalive and no probe: always up', () => {
	const hs = (h: number | null): Sample => ({ iface: true, probe: null, handshake: h });
	assert.equal(step(null, hs(HANDSHAKE_MAX), eu, 1).up, true);
	const old = step(null, hs(HANDSHAKE_MAX + 1), eu, 1);
	assert.equal(old.up, false);
	assert.equal(old.reason, 'no handshake for 181 s');
	assert.equal(step(null, hs(null), eu, 1).up, false);
	assert.equal(step(old, hs(3), eu, 2).up, true, 'a new handshake: up at once');
	const none = { ...eu, keepalive: null };
	assert.equal(step(null, hs(null), none, 1).up, true);
	assert.equal(step(null, hs(9999), none, 1).up, true);
});

test('downOf lists the upstreams that are down', () => {
	const d = step(null, { iface: false, probe: null, handshake: null }, us, 1);
	const u = step(null, ok(), eu, 1);
	assert.deepEqual(downOf({ us: d, eu: u }), ['us']);
});

test('the slots script (nftprint.ts groupsScript): every group map, emptied and refilled with the members up; all down: drop', () => {
	const text = groupsScript(golden, []);
	// the golden's tv has a time window: every group has its _pkt map too
	assert.deepEqual(groupMapList(golden).map((m) => m.name), ['grp_exits', 'grp_exits_pkt', 'grp_spread', 'grp_spread_pkt']);
	assert.match(text, /^flush map inet splitwg grp_exits\nadd element inet splitwg grp_exits \{ 0 : goto up_us \}\n/);
	assert.match(groupsScript(golden, ['us']), /grp_exits \{ 0 : goto up_eu \}/);
	assert.match(groupsScript(golden, ['us']), /grp_exits_pkt \{ 0 : goto up_eu_pkt \}/);
	assert.match(groupsScript(golden, ['us', 'eu', 'jp']), /grp_exits \{ 0 : drop \}/);
	assert.match(groupsScript(golden, ['us', 'eu', 'jp']), /grp_spread \{ 0-59 : drop \}/);
	assert.match(groupsScript(golden, []), /grp_spread \{ 0-29 : goto up_us, 30-59 : goto up_jp \}/);
});

test('a group map\'s slots name only enabled members, and without time windows there is no _pkt map', () => {
	const c = cfgOf(GROUPS.replace(/\tlist member 'us'\n\tlist member 'eu'/, "\tlist member 'us'\n\tlist member 'eu'")
		.replace("config upstream 'us'\n", "config upstream 'us'\n\toption enabled '0'\n")
		.replace(/config rule\n\toption client 'tv'\n\toption start_time[^]*$/, ''));
	assert.deepEqual(groupMapList(c).map((m) => m.name), ['grp_exits', 'grp_spread']);
	assert.match(groupsScript(c, []), /grp_exits \{ 0 : goto up_eu \}/);
	assert.match(groupsScript(c, []), /grp_spread \{ 0-59 : goto up_jp \}/);
	assert.deepEqual(membersNow(groupMapList(c), ['eu']), { exits: ['jp'], spread: ['jp'] });
});

test('membersNow: the failover member up, the balance members with slots', () => {
	const gm = groupMapList(golden);
	assert.deepEqual(membersNow(gm, []), { exits: ['us'], spread: ['us', 'jp'] });
	assert.deepEqual(membersNow(gm, ['us']), { exits: ['eu'], spread: ['jp'] });
	assert.deepEqual(membersNow(gm, ['us', 'eu', 'jp']), { exits: [], spread: [] });
});

test('the plan keeps the group maps (apply rewrites the slots from them), and no groups: none', () => {
	assert.deepEqual(compile(golden).groups, groupMapList(golden));
	const home = cfgOf(fs.readFileSync('test/golden/home/splitwg', 'utf8'));
	assert.deepEqual(compile(home).groups, []);
	assert.equal(slotsScript([], ['us']), '');
});

// The compiled golden table, then the script, in one network namespace: the maps as the kernel has them.
function kernelMaps(script: string): Record<string, string[]> | null {
	const p = compile(golden);
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'swhealth-'));
	fs.writeFileSync(path.join(dir, 'table.nft'), p.nft.replace(/^include .*$/m, ''));
	fs.writeFileSync(path.join(dir, 'slots.nft'), script);
	const r = spawnSync('unshare', ['--net', 'sh', '-c', 'nft -f "$0/table.nft" && nft -f "$0/slots.nft" && nft -j list maps inet', dir], { encoding: 'utf8' });
	fs.rmSync(dir, { recursive: true });
	if (r.error || r.status !== 0) return null;
	const out: Record<string, string[]> = {};
	for (const x of JSON.parse(r.stdout).nftables) {
		if (!x.map || !x.map.name.startsWith('grp_')) continue;
		out[x.map.name] = (x.map.elem ?? []).map((e: any) => {
			const k = Array.isArray(e[0]?.range) ? `${e[0].range[0]}-${e[0].range[1]}` : String(e[0]);
			return `${k} : ${e[1].goto ? 'goto ' + e[1].goto.target : Object.keys(e[1])[0]}`;
		});
	}
	return out;
}

test('real nft loads the slots script onto the golden table: the kernel holds the members up, every map replaced', (t) => {
	const probe = kernelMaps('');
	if (!probe) { t.skip('needs root and nft (unshare --net)'); return; }
	assert.deepEqual(probe.grp_exits, ['0 : goto up_us'], 'as compiled');
	const down = kernelMaps(groupsScript(golden, ['us']))!;
	assert.deepEqual(down, {
		grp_exits: ['0 : goto up_eu'], grp_exits_pkt: ['0 : goto up_eu_pkt'],
		grp_spread: ['0-59 : goto up_jp'], grp_spread_pkt: ['0-59 : goto up_jp_pkt'],
	});
	const all = kernelMaps(groupsScript(golden, ['us', 'eu', 'jp']))!;
	assert.deepEqual(all.grp_exits, ['0 : drop']);
	assert.deepEqual(all.grp_spread, ['0-59 : drop']);
	const back = kernelMaps(groupsScript(golden, ['us']) + groupsScript(golden, []))!;
	assert.deepEqual(back.grp_spread, ['0-29 : goto up_us', '30-59 : goto up_jp']);
	assert.deepEqual(back.grp_exits_pkt, ['0 : goto up_us_pkt']);
});
