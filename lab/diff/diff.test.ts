// The differential test: random configs AND the packets sent through them, generated together
// (fast-check: seeded, shrinking). For each config check accepts, the plan is put into a private
// router namespace (real nft, ip rules/routes as netifd makes them, real dnsmasq filling the domain
// sets), every packet is sent as a raw frame from its client's identity, and where the kernel sent
// it is compared with what explain() says. See docs/lab.md "The differential test".
//
//   SPLITWG_PROP_RUNS=500 SPLITWG_PROP_SEED=7 npx vitest run lab/diff/diff.test.ts
import { test, afterAll } from 'vitest';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { spawnSync } from 'node:child_process';
import { readConfig, compile, renderUci, groupsScript } from '../../src/core/index';
import type { UciSection } from '../../src/core/uci';
import type { Config } from '../../src/core/model';
import type { Plan } from '../../src/core/plan';
import type { Env } from '../../src/router/env';
import { localNetworks } from '../../src/router/routes';
import { Kernel, nftCheck, dnsmasqTest, pathText, type Outcome, type Path } from './kernel';
import { world, sections, upIfaces, bareIfaces, downNames, nameAddrs, NAMES, clockNow, atText, type World } from './gen';
import { probes, expect, agrees, type Case, type Probe } from './oracle';
import { format } from '../../src/core/messages';
import { segments } from '../../src/core/nft';
import { timedFrom } from '../../src/core/decide';

const RUNS = Number(process.env.SPLITWG_PROP_RUNS ?? 150);
const SEED = Number(process.env.SPLITWG_PROP_SEED ?? 20261201);
/** after the first failure, shrinking gets this long; then every new candidate passes and fast-check reports the smallest so far */
const SHRINK_MS = Number(process.env.SPLITWG_DIFF_SHRINK_MS ?? 120_000);
const MAX_PROBES = 40;

const kernel = new Kernel();
afterAll(() => kernel.close());

let packets = 0, configs = 0, agreed = 0, firstFailure = 0;
/** the kernel paths seen, with their counts: a harness that observed nothing (or one kind of thing) would pass vacuously */
const fates = new Map<string, number>();
/** how often the rule-set encoding was exercised: chains shared by several clients, rule sets bound several ways
 *  (different upstreams), bindings after a client's time window (every verdict per packet) */
const shapes = { shared: 0, bindings: 0, timedBefore: 0, grouped: 0, failedOver: 0 };
function countShapes(cfg: Config, p: Plan): void {
	const chains = (p.table?.chains ?? []).filter((c) => c.binding);
	shapes.shared += chains.filter((c) => c.binding!.clients.length > 1).length;
	const per = new Map<string, number>();
	for (const c of chains) per.set(c.binding!.ruleset, (per.get(c.binding!.ruleset) ?? 0) + 1);
	shapes.bindings += [...per.values()].filter((n) => n > 1).length;
	for (const c of cfg.clients.filter((x) => x.enabled)) shapes.timedBefore += segments(c).filter((s) => s.ruleset !== null && s.rules.length && timedFrom(c) < s.start).length;
}
const fateOf = (p: Path) => p.fate === 'out' ? (p.oif === 'wan' ? 'out:wan' : p.oif!.startsWith('sw_u') ? 'out:tunnel' : 'out:lan') : p.fate === 'drop' ? `drop:${p.stage}` : p.fate;

function describe(p: Probe): string {
	const w = p.wire;
	return `${p.device.name}'s device on ${w.link} (MAC ${w.smac}) ${w.src} → ${w.dst}${p.name ? ` (${p.name})` : ''} ${w.proto}${w.proto === 'icmp' ? '' : `/${w.dport}`}` +
		(p.first ? ' — second packet of a flow opened under the flipped time conditions' : '');
}

function report(c: Case): string {
	const o = c.verdict.owner;
	return `  packet:   ${describe(c.probe)}\n` +
		`  client:   ${o ? `${o.client.name} (by ${o.via})` : 'none'}\n` +
		`  expected: ${pathText(c.verdict.expected)} — ${c.verdict.why}\n` +
		`  kernel:   ${pathText(c.got)}`;
}

function refused(secs: UciSection[], paths: string[], what: RegExp, story: string): void {
	const r = readConfig(secs);
	assert.equal(r.config, null, `${story} was accepted`);
	assert.ok(r.problems.some((p) => paths.includes(p.path) && what.test(format(p))), `${story}: ${JSON.stringify(r.problems)}`);
}

// Two enabled clients claiming the same source must be refused with a path, never planned (the
// later of the two is named).
function invalidMutants(secs: UciSection[], cfg: Config): void {
	const on = cfg.clients.filter((c) => c.enabled);
	const list = (v: UciSection['options'][string] | undefined) => (v === undefined ? [] : Array.isArray(v) ? v : [v]);
	const claim = (taker: string, key: string, value: string) => {
		const dup = structuredClone(secs);
		const sec = dup.find((s) => s.type === 'client' && s.name === taker)!;
		sec.options[key] = [...list(sec.options[key]), value];
		return dup;
	};
	const withAddr = on.find((c) => c.src4.length || c.src6.length);
	const other = on.find((c) => c !== withAddr && c.kind === 'device');
	if (withAddr && other) {
		const a = [...withAddr.src4, ...withAddr.src6][0]!.text;
		refused(claim(other.name, 'address', a), [`client.${other.name}.address`, `client.${withAddr.name}.address`], /overlaps/,
			`a config where ${other.name} also claims ${a} of ${withAddr.name}`);
	}
	const withMac = on.find((c) => c.macs.length);
	const other2 = on.find((c) => c !== withMac && c.kind === 'device');
	if (withMac && other2) {
		refused(claim(other2.name, 'mac', withMac.macs[0]!), [`client.${other2.name}.mac`, `client.${withMac.name}.mac`], /also client/,
			`a config where ${other2.name} also claims MAC ${withMac.macs[0]} of ${withMac.name}`);
	}
}

// the table's include of the checker's slots names no file of this host (`after` stands for it)
const NO_STATE = '/nonexistent/splitwg/groups.nft';

function runWorld(w: World): true {
	// once shrinking has had its budget, every further candidate passes: fast-check reports the smallest failure so far
	if (firstFailure && Date.now() - firstFailure > SHRINK_MS) return true;
	// a scene must not straddle midnight (weekdays are offsets from today)
	if (clockNow().min === 1439) spawnSync('sleep', [String(61 - new Date().getSeconds())]);
	const now = clockNow();
	const at = atText(now);
	const secs = sections(w, now);
	const r = readConfig(secs);
	assert.ok(r.config, `the generator made a config check refuses:\n${r.problems.map((p) => `${p.path}: ${format(p)}`).join('\n')}\n${renderUci(secs)}`);
	const cfg = r.config!;
	invalidMutants(secs, cfg);
	const ps = probes(w);
	const firsts = ps.flatMap((p) => (p.first ? [p.first] : []));
	const down = downNames(w);
	// the router's local networks as apply reads them (src/router/routes.ts), from the namespace's real main table
	let local: string[] = [];
	let plan: Plan | null = null;
	const out: Outcome = kernel.play({
		compile: (routes) => {
			const ln = localNetworks({ routes } as unknown as Env, cfg.globals.ipv6);
			assert.ok(ln.ok, 'the main table could not be read');
			local = ln.local;
			const p = compile(cfg, { local, groupState: NO_STATE });
			plan = p;
			countShapes(cfg, p);
			if (p.enabled) {
				const e = nftCheck(p.nft);
				assert.equal(e, null, `nft -c refused the table of an accepted config:\n${e}\n${renderUci(secs)}`);
				const d = dnsmasqTest(p.dnsmasq);
				assert.equal(d, null, `dnsmasq --test refused the file of an accepted config:\n${d}\n${renderUci(secs)}`);
			}
			let preNft: string | undefined;
			if (firsts.length && p.enabled) {
				const pre = readConfig(sections(w, now, true));
				assert.ok(pre.config, `the flipped config is refused: ${JSON.stringify(pre.problems)}`);
				preNft = compile(pre.config!, { local, groupState: NO_STATE }).nft;
			}
			// the health checker takes a tunnel netifd has down out of its groups
			return { plan: p, preNft, after: p.enabled && cfg.groups.length ? groupsScript(cfg, down) : undefined };
		},
		up: upIfaces(w), bare: bareIfaces(w), first: firsts, packets: ps.map((p) => p.wire), dns: nameAddrs(), lookups: NAMES,
	});
	if (!plan!.enabled) assert.equal(plan!.nft, '', 'a disabled plan loads a table');
	assert.deepEqual(out.unanswered, [], 'the router\'s dnsmasq left lookups unanswered');
	// the clock must not have crossed a minute edge that matters: offsets keep ≥ 5 min from every edge
	assert.ok(clockNow().min - now.min < 4 || clockNow().min < now.min, 'a scene took minutes');
	configs++;
	const fails: Case[] = [];
	for (const p of ps) {
		packets++;
		const verdict = expect(cfg, p, at, down, local);
		// packets a group decided, and those of them a member down sent to a later member (or blocked)
		if (verdict.explanation?.group) { shapes.grouped++; if (cfg.groups[0]!.members.some((m) => down.includes(m))) shapes.failedOver++; }
		const got = out.paths.get(p.wire.tag)!;
		fates.set(fateOf(got), (fates.get(fateOf(got)) ?? 0) + 1);
		if (agrees(verdict.expected, got)) { agreed++; continue; }
		fails.push({ cfg, world: w, probe: p, verdict, got, down });
	}
	if (fails.length) {
		if (!firstFailure) firstFailure = Date.now();
		throw new Error(`explain() and the kernel disagree on ${fails.length} of ${ps.length} packets (at ${at}${down.length ? `, down: ${down.join(' ')}` : ''}):\n` +
			fails.slice(0, 4).map(report).join('\n') +
			`\n--- config (/etc/config/splitwg) ---\n${renderUci(secs)}`);
	}
	return true;
}

test(`differential: explain() vs the kernel, ${RUNS} random configs with up to ${MAX_PROBES} packets each (seed ${SEED})`, (t) => {
	const t0 = Date.now();
	try {
		fc.assert(fc.property(world(MAX_PROBES), runWorld), { numRuns: RUNS, seed: SEED, includeErrorInReport: true });
		if (RUNS >= 30) {
			const want = ['out:wan', 'out:tunnel', 'out:lan', 'local', 'redirect', 'drop:prerouting', 'drop:routing', 'drop:forward'];
			assert.deepEqual(want.filter((f) => !fates.has(f)), [], `the kernel never produced these paths: the generator or the observation is broken (seen: ${[...fates.keys()].join(' ')})`);
			assert.ok(agreed > packets / 2, `only ${agreed} of ${packets} packets agreed`);
			assert.ok(shapes.shared > 0 && shapes.bindings > 0 && shapes.timedBefore > 0, `the rule-set encoding was not exercised: ${JSON.stringify(shapes)}`);
			assert.ok(shapes.grouped > 0 && shapes.failedOver > 0, `groups were not exercised: ${JSON.stringify(shapes)}`);
		}
	} finally {
		const seen = [...fates].sort(([a], [b]) => a.localeCompare(b)).map(([f, n]) => `${f} ${n}`).join(', ');
		t.annotate(`${configs} configs, ${packets} packets compared (${agreed} agree; kernel paths: ${seen}; rule-set chains shared by several clients ${shapes.shared}, rule sets bound several ways ${shapes.bindings}, after a time window ${shapes.timedBefore}; through a group ${shapes.grouped}, with a member down ${shapes.failedOver}) in ${((Date.now() - t0) / 1000).toFixed(0)} s`);
	}
});
