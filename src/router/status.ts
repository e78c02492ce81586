// Live state for `splitwg status`, ubus status/stats and LuCI: interfaces
// from netifd, handshakes and traffic from `wg show`, path counters from the
// nft table, the last apply from /var/run/splitwg. Read-only; never a key.
import type { Env } from './env';
import type { RuleRef } from '../core/nft';
import type { AppliedView, ApplyState } from './state';
import { VERSION, readConfig, badBool, bool, msg, format, described, membersNow, downOf } from './core';
import type { Msg, Arg, GroupMap } from './core';
import { readConfigSections } from './sections';
import { listJson } from './nftables';
import { allPeers } from './wg';
import type { WgPeer } from './wg';
import type { UciSection } from '../core/uci';
import { readState, appliedView, configFingerprint, noFile } from './state';
import { detect, platformWarnings } from './detect';
import type { Platform } from './detect';
import { misplaced } from './dnsmasq';
import { contentHashes } from './lists';
import { subscriptionStatus } from './subscriptions';
import type { SubscriptionStatus } from './subscriptions';
import { clientBytes } from './ctbytes';
import { ifaceUp, readHealth } from './health';
import type { ClientBytes, BytesSummary } from './ctbytes';

// A tunnel with keepalive handshakes at least every two minutes; five
// minutes without one means the other end is not answering.
export const HANDSHAKE_TIMEOUT = 300;

export interface Counter { packets: number, bytes: number }

// `health`: the health checker's view (health.json; null: it does not
// watch this upstream, or has not looked yet): up or down since when, its
// last look, the last probe's round trip (ms), probes missed in a row, why.
export interface UpstreamHealth { state: 'up' | 'down', since: number, last: number | null, rtt: number | null, fails: number, reason: string }
export interface UpstreamStatus {
	name: string; iface: string; enabled: boolean; up: boolean;
	handshake_age: number | null; rx: number; tx: number; healthy: boolean;
	health: UpstreamHealth | null;
}
// `active`: the member(s) new connections go to, as the checker set the
// slots (failover: the first up; balance: those with slots; []: none is
// up, blocked); before the checker's first look, as compiled (every
// enabled member up).
export interface GroupStatus { name: string, mode: string, members: string[], active: string[] }
export interface ClientStatus {
	name: string; kind: string; enabled: boolean;
	counters: PathCounters;
	handshake_age: number | null;
}

// `ruleset`: what the client's packets matched in rule sets whose rules do
// not all take one path (a shared chain's counters cannot tell which).
export interface PathCounters { direct: number, proxy: number, block: number, ruleset: number }

// One rule of the table, reduced to what the counters need.
interface NftRule { chain: string, comment: string, counter: Counter | null, verdict: string | null }

export function nftRules(doc: any[] | null): NftRule[] {
	const out: NftRule[] = [];
	const list: any[] = doc ?? [];
	for (let i = 0; i < length(list); i++) {
		const r = list[i].rule;
		if (type(r) !== 'object') continue;
		const rule: NftRule = { chain: r.chain, comment: r.comment ?? '', counter: null, verdict: null };
		const exprs: any[] = r.expr ?? [];
		for (let j = 0; j < length(exprs); j++) {
			const e = exprs[j];
			if (type(e.counter) === 'object') rule.counter = { packets: e.counter.packets ?? 0, bytes: e.counter.bytes ?? 0 };
			else if (type(e.goto) === 'object') rule.verdict = e.goto.target;
			else if (type(e.jump) === 'object') rule.verdict = e.jump.target;
			else if (exists(e, 'drop')) rule.verdict = 'drop';
			else if (exists(e, 'accept')) rule.verdict = 'accept';
		}
		push(out, rule);
	}
	return out;
}

// A live counter with what it counts for: the rule at the same position in
// the same chain of the applied model (state.table.counted). A chain whose
// rules the model does not list the same number of is not the applied one
// (someone edited the table): its counters are not attributed.
export interface CountedRule { ref: RuleRef, counter: Counter }

export function countedRules(doc: any[] | null, counted: { [chain: string]: (RuleRef | null)[] } | null): CountedRule[] {
	const byChain: { [c: string]: NftRule[] } = {};
	const rules = nftRules(doc);
	for (let i = 0; i < length(rules); i++) {
		byChain[rules[i].chain] ??= [];
		push(byChain[rules[i].chain], rules[i]);
	}
	const out: CountedRule[] = [];
	for (let c in counted ?? {}) {
		const refs = (counted as { [chain: string]: (RuleRef | null)[] })[c];
		const live = byChain[c] ?? [];
		if (length(live) !== length(refs)) continue;
		for (let i = 0; i < length(refs); i++)
			if (refs[i] !== null && live[i].counter !== null) push(out, { ref: refs[i] as RuleRef, counter: live[i].counter as Counter });
	}
	return out;
}

// A client's hits in each rule set chain it jumps to: what entered (the
// jump's counter) minus what came back unmatched (the bare counter after
// it); `path`: where every rule of the binding sends them, or null. The
// kernel reads the two counters one after the other, so a packet between
// the reads could make the difference negative: it is clamped at 0.
export interface RulesetHit { chain: string, path: string | null, packets: number, bytes: number }

export function rulesetHits(counted: CountedRule[]): { [client: string]: RulesetHit[] } {
	const acc: { [key: string]: { client: string, hit: RulesetHit } } = {};
	const order: string[] = [];
	for (let i = 0; i < length(counted); i++) {
		const r = counted[i].ref, k = counted[i].counter;
		if ((r.count !== 'jump' && r.count !== 'after') || r.client === null || r.ruleset === null) continue;
		const key = `${r.client} ${r.ruleset}`;
		if (!acc[key]) { acc[key] = { client: r.client, hit: { chain: r.ruleset, path: r.path, packets: 0, bytes: 0 } }; push(order, key); }
		const sign = r.count === 'jump' ? 1 : -1;
		acc[key].hit.packets += sign * k.packets;
		acc[key].hit.bytes += sign * k.bytes;
	}
	const out: { [client: string]: RulesetHit[] } = {};
	for (let i = 0; i < length(order); i++) {
		const a = acc[order[i]];
		if (a.hit.packets < 0) a.hit.packets = 0;
		if (a.hit.bytes < 0) a.hit.bytes = 0;
		out[a.client] ??= [];
		push(out[a.client], a.hit);
	}
	return out;
}

// Packets per client and path: its own rules and default exactly, its
// rule-set hits to the binding's one path, else to `ruleset`.
export function pathCounters(counted: CountedRule[]): { [client: string]: PathCounters } {
	const out: { [client: string]: PathCounters } = {};
	for (let i = 0; i < length(counted); i++) {
		const r = counted[i].ref;
		if ((r.count !== 'rule' && r.count !== 'default') || r.client === null || r.path === null) continue;
		out[r.client] ??= { direct: 0, proxy: 0, block: 0, ruleset: 0 };
		(out[r.client] as any)[r.path] += counted[i].counter.packets;
	}
	const hits = rulesetHits(counted);
	for (let c in hits)
		for (let i = 0; i < length(hits[c]); i++) {
			out[c] ??= { direct: 0, proxy: 0, block: 0, ruleset: 0 };
			(out[c] as any)[hits[c][i].path ?? 'ruleset'] += hits[c][i].packets;
		}
	return out;
}

// What status shows of the configuration: the view the last apply stored
// (state.ts), while splitwg is applied — status is polled, and validating
// a large config takes seconds on a router; only when nothing is applied
// (stopped, not yet since boot, a state from an older version) is the
// configuration read and validated.
function loadConfig(env: Env, st: ApplyState | null): { view: AppliedView | null, problems: number, hash: string, enabledRaw: boolean, server: string | null } {
	let read: UciSection[] | null = null;
	const sections = (): UciSection[] => { read ??= readConfigSections(env.uci, 'splitwg'); return read; };
	const h = configFingerprint(env, sections);
	const applied = st !== null && st.enabled ? st.view ?? null : null;
	// the applied config unchanged: its `enabled` is the applied one
	if (applied && (st as ApplyState).config_hash === h) return { view: applied, problems: 0, hash: h, enabledRaw: true, server: applied.server };
	const g = filter(sections(), (s) => s.type === 'globals');
	const en = length(g) ? g[0].options.enabled : null;
	// as the config reader reads it: a value that is not a boolean reads as the default
	const enabledRaw = type(en) === 'string' && badBool(en as string) === null ? bool(en as string) : true;
	if (applied) return { view: applied, problems: 0, hash: h, enabledRaw, server: applied.server };
	const r = readConfig(sections());
	const c = r.config;
	if (!c) return { view: null, problems: length(r.problems), hash: h, enabledRaw, server: null };
	let domains = false;
	for (let i = 0; i < length(c.clients); i++)
		for (let j = 0; j < length(c.clients[i].rules); j++) if (length(c.clients[i].rules[j].match.domains)) domains = true;
	const view = appliedView(c, domains);
	return { view, problems: 0, hash: h, enabledRaw: c.globals.enabled, server: view.server };
}

// The applied groups as the slots see them: their enabled members.
function groupsOf(v: AppliedView): GroupMap[] {
	const on = map(filter(v.upstreams, (u) => u.enabled), (u) => u.name);
	return map(v.groups ?? [], (g) => ({ name: g.name, group: g.name, mode: g.mode as GroupMap['mode'], members: filter(g.members, (m) => index(on, m) >= 0), pkt: false }));
}

// A list file applied was edited since (one md5sum for all of them).
function listsEdited(env: Env, st: ApplyState): boolean {
	const applied = st.lists ?? {};
	const now = contentHashes(env, keys(applied));
	for (let p in applied) if (now[p] !== applied[p]) return true;
	return false;
}

// An upstream that is up without a recent handshake; without keepalive an
// idle tunnel does not handshake, which is worth saying.
function handshakeWarning(name: string, hs: number | null, keepalive: boolean): Msg {
	if (hs === null) return msg(keepalive ? 'status_no_handshake' : 'status_no_handshake_idle', [name]);
	return msg(keepalive ? 'status_stale_handshake' : 'status_stale_handshake_idle', [name, int(hs / 60)]);
}

// The stored outcome of the last apply as a message when splitwg worded it,
// else its text (a state from an older version, a command's output).
function lastMessage(st: ApplyState): Arg {
	return type(st.id) === 'string' ? msg(st.id as string, st.args ?? []) : st.message;
}

function lastApply(st: ApplyState): { ok: boolean, time: number, message: string, id?: string, args?: Arg[] } {
	const la: { ok: boolean, time: number, message: string, id?: string, args?: Arg[] } = { ok: st.ok, time: st.time, message: st.message };
	if (type(st.id) === 'string') { la.id = st.id as string; la.args = st.args ?? []; }
	return la;
}

function age(env: Env, t: number): number | null {
	return t > 0 ? env.now() - t : null;
}

// An upstream's tunnel: netifd's state and its peer's handshake and bytes
// (`wg show all dump`, read once by the caller); nothing while it is down.
function tunnel(env: Env, iface: string, wg: { [iface: string]: WgPeer[] }): { up: boolean, handshake_age: number | null, rx: number, tx: number } {
	const up = ifaceUp(env, iface);
	const ps = up ? wg[iface] ?? null : null;
	const p = ps && length(ps) ? ps[0] : null;
	return { up, handshake_age: p ? age(env, p.latest_handshake) : null, rx: p ? p.rx : 0, tx: p ? p.tx : 0 };
}

// A peer client in the server interface's peer table.
function serverPeer(wg: { [iface: string]: WgPeer[] }, server: string | null, key: string | null): WgPeer | null {
	const ps = server !== null && key !== null ? wg[server] ?? [] : [];
	for (let i = 0; i < length(ps); i++) if (ps[i].public_key === key) return ps[i];
	return null;
}

export interface StatusReply {
	enabled: boolean; version: string;
	applied: boolean;            // the last successful apply installed splitwg (false: stopped or never applied)
	upstreams: UpstreamStatus[]; clients: ClientStatus[];
	// id/args: the message of a failed apply that splitwg worded (not a command's output)
	last_apply: { ok: boolean, time: number, message: string, id?: string, args?: Arg[] } | null;
	pending: boolean;
	warnings: string[];          // English, as before
	warning_messages: (Msg & { message: string })[];   // the same, in order, as messages (docs/ubus.md)
	subscriptions: SubscriptionStatus[];   // the lists fetched from URLs, with their last fetch
	groups: GroupStatus[];
}

export interface RuleCounter { rule: string, packets: number, bytes: number }

// `paths`: as status' counters; `rx`/`tx`: a peer's bytes through the
// server tunnel (null: a LAN device, or no server); `bytes`: of its open
// connections by path, from conntrack (ctbytes.ts; null: it has no address,
// or there are no figures: the reply's `bytes` says why). Upstreams: new
// connections sent there, and the tunnel's own figures as status has them.
export interface StatsClient {
	name: string, rules: RuleCounter[], default: Counter, rulesets: { name: string, packets: number, bytes: number }[],
	paths: PathCounters, rx: number | null, tx: number | null, bytes: ClientBytes | null,
}
export interface StatsUpstream { name: string, packets: number, bytes: number, up: boolean, handshake_age: number | null, rx: number, tx: number }

export interface StatsReply {
	clients: StatsClient[];
	rulesets: { name: string, ruleset: string | null, clients: string[], rules: RuleCounter[] }[];
	upstreams: StatsUpstream[];
	dropped: { leak: number, dot: number };
	dns_hijacked: number;
	bytes: BytesSummary;
}

export function status(env: Env): StatusReply {
	const st = readState(env);
	const cfg = loadConfig(env, st);
	const applied = st !== null && st.enabled;
	const doc = listJson(env, true);
	const counted = countedRules(doc, applied && st.table ? st.table.counted : null);
	const warnings: Msg[] = [];
	const upstreams: UpstreamStatus[] = [];
	const clients: ClientStatus[] = [];
	const groups: GroupStatus[] = [];
	const v = cfg.view;
	const hf = applied ? readHealth(env) : null;
	const enabled = cfg.enabledRaw;
	if (!v) push(warnings, msg('status_config_invalid', [cfg.problems]));
	if (v) {
		const wg = allPeers(env) ?? {};
		for (let i = 0; i < length(v.upstreams); i++) {
			const u = v.upstreams[i];
			const t = tunnel(env, u.iface, wg);
			const up = t.up, hs = t.handshake_age;
			const healthy = up && hs !== null && hs <= HANDSHAKE_TIMEOUT;
			const hs1 = hf && u.enabled ? hf.upstreams[u.name] ?? null : null;
			const health: UpstreamHealth | null = hs1 ? { state: hs1.up ? 'up' : 'down', since: hs1.since, last: hs1.last, rtt: hs1.rtt, fails: hs1.fails, reason: hs1.reason } : null;
			push(upstreams, { name: u.name, iface: u.iface, enabled: u.enabled, up, handshake_age: hs, rx: t.rx, tx: t.tx, healthy, health });
			if (applied && enabled && up && health && health.state === 'down') push(warnings, msg('status_upstream_unhealthy', [u.name, health.reason]));
			// (a stopped splitwg blocks and routes nothing: no warning then)
			if (applied && u.enabled && enabled && !up) push(warnings, msg(v.kill_switch ? 'status_upstream_down_blocked' : 'status_upstream_down_direct', [u.name, u.iface]));
			else if (applied && u.enabled && up && !healthy)
				push(warnings, handshakeWarning(u.name, hs, u.keepalive !== null));
		}
		const active = membersNow(groupsOf(v), hf ? downOf(hf.upstreams) : []);
		const gs = v.groups ?? [];
		for (let i = 0; i < length(gs); i++) {
			const a = active[gs[i].name] ?? [];
			push(groups, { name: gs[i].name, mode: gs[i].mode, members: gs[i].members, active: a });
			if (applied && enabled && !length(a)) push(warnings, msg('status_group_blocked', [gs[i].name]));
		}
		const byClient = pathCounters(counted);
		for (let i = 0; i < length(v.clients); i++) {
			const cl = v.clients[i];
			const counters = byClient[cl.name] ?? { direct: 0, proxy: 0, block: 0, ruleset: 0 };
			const p = serverPeer(wg, cfg.server, cl.public_key);
			push(clients, { name: cl.name, kind: cl.kind, enabled: cl.enabled, counters, handshake_age: p ? age(env, p.latest_handshake) : null });
		}
	}
	if (enabled && st && st.ok && st.enabled && !length(nftRules(doc))) push(warnings, msg('status_table_missing'));
	if (st && !st.ok) push(warnings, msg('status_apply_failed', [lastMessage(st)]));
	// a stopped splitwg has nothing pending: `not applied` says it all
	// committed since, or saved and not committed yet (LuCI's Save, a `uci set`), or a list file edited
	const pending = applied && (st.config_hash !== cfg.hash || length((env.uci.changes('splitwg') ?? {}).splitwg ?? []) > 0 || listsEdited(env, st));
	// (one look at the platform: `dnsmasq --version` is a command)
	const platform = (applied && st.hashes && !noFile(st.hashes.dnsmasq)) || enabled ? detect(env) : null;
	if (applied && st.hashes && !noFile(st.hashes.dnsmasq)) {
		const m = misplaced(env, st.hashes.dnsmasq, (platform as Platform).confDirs);
		for (let i = 0; i < length(m); i++) push(warnings, msg(m[i].differs ? 'status_dnsmasq_stale' : 'status_dnsmasq_missing', [m[i].dir]));
	}
	const subs = subscriptionStatus(env, v ? v.subscriptions ?? [] : []);
	for (let i = 0; i < length(subs); i++)
		if (subs[i].error) push(warnings, msg('status_list_failed', [subs[i].name, subs[i].error as Msg]));
	if (enabled) {
		const w = platformWarnings(platform as Platform, v ? v.domains : false, v ? v.ipv6 : false);
		for (let i = 0; i < length(w); i++) push(warnings, w[i]);
	}
	return {
		enabled, version: VERSION, applied, upstreams, clients,
		last_apply: st ? lastApply(st) : null,
		pending,
		warnings: map(warnings, format),
		warning_messages: map(warnings, (w) => described(w)),
		subscriptions: subs,
		groups,
	};
}

// One splitwg rule may be several nft rules (IPv4/IPv6 sets, alternatives
// of its ports or weekdays): their counters are summed.
function addRule(list: RuleCounter[], rule: string, k: Counter): void {
	const have = filter(list, (x) => x.rule === rule);
	if (length(have)) { have[0].packets += k.packets; have[0].bytes += k.bytes; }
	else push(list, { rule, packets: k.packets, bytes: k.bytes });
}

// Counters of the table: per client and rule, per rule set chain and rule,
// and per upstream. They count what passes the classifying rule — the
// first packet of each connection (later packets follow the connection's
// mark) — so packets ≈ connections; from a client's first rule with a time
// window on, every packet is classified and counted. A rule set's chain is
// shared by the clients of its binding: its rules count for all of them;
// each client's share is its `rulesets` hits (rulesetHits()).
export function stats(env: Env): StatsReply {
	const st = readState(env);
	const table = st && st.enabled && st.table ? st.table : null;
	const view = table && st && st.view ? st.view : null;
	const counted = countedRules(listJson(env, true), table ? table.counted : null);
	const clients: { [n: string]: StatsClient } = {};
	const client = (n: string): StatsClient => {
		clients[n] ??= { name: n, rules: [], default: { packets: 0, bytes: 0 }, rulesets: [], paths: { direct: 0, proxy: 0, block: 0, ruleset: 0 }, rx: null, tx: null, bytes: null };
		return clients[n];
	};
	// the applied clients first, in the configuration's order (a disabled one has no chain)
	const wg = view ? allPeers(env) ?? {} : {};
	for (let i = 0; i < length(view ? view.clients : []); i++) {
		const cl = (view as AppliedView).clients[i];
		if (!cl.enabled) continue;
		const c = client(cl.name), p = serverPeer(wg, (view as AppliedView).server, cl.public_key);
		if (p) { c.rx = p.rx; c.tx = p.tx; }
	}
	const sets: { [n: string]: { name: string, ruleset: string | null, clients: string[], rules: RuleCounter[] } } = {};
	const known = table ? table.rulesets ?? [] : [];
	for (let i = 0; i < length(known); i++) sets[known[i].chain] = { name: known[i].chain, ruleset: known[i].ruleset, clients: known[i].clients, rules: [] };
	const ups: { [n: string]: Counter } = {};
	const dropped = { leak: 0, dot: 0 };
	let hijacked = 0;
	for (let i = 0; i < length(counted); i++) {
		const r = counted[i].ref, k = counted[i].counter;
		if (r.count === 'leak') dropped.leak += k.packets;
		else if (r.count === 'dot') dropped.dot += k.packets;
		else if (r.count === 'hijack') hijacked += k.packets;
		if (r.count !== 'rule' && r.count !== 'default') continue;
		if (r.upstream !== null) {
			ups[r.upstream] = ups[r.upstream] ?? { packets: 0, bytes: 0 };
			ups[r.upstream].packets += k.packets;
			ups[r.upstream].bytes += k.bytes;
		}
		if (r.client === null && r.ruleset !== null) {
			sets[r.ruleset] ??= { name: r.ruleset, ruleset: null, clients: [], rules: [] };
			addRule(sets[r.ruleset].rules, r.rule as string, k);
			continue;
		}
		if (r.client === null) continue;
		const c = client(r.client);
		if (r.rule === null) {
			c.default.packets += k.packets;
			c.default.bytes += k.bytes;
		} else addRule(c.rules, r.rule, k);
	}
	const hits = rulesetHits(counted);
	for (let n in hits) client(n).rulesets = map(hits[n], (h) => ({ name: h.chain, packets: h.packets, bytes: h.bytes }));
	const paths = pathCounters(counted);
	for (let n in paths) client(n).paths = paths[n];
	const cb = clientBytes(env, view && st ? st.clients : null, view ? view.marks ?? null : null, view ? view.ipv6 : false);
	for (let n in cb.clients) if (clients[n]) clients[n].bytes = cb.clients[n];
	// upstreams in the applied configuration's order (then any other the counters name)
	const upstreams: StatsUpstream[] = [];
	const vu = view ? view.upstreams : [];
	for (let i = 0; i < length(vu); i++) {
		const k = ups[vu[i].name] ?? { packets: 0, bytes: 0 }, t = tunnel(env, vu[i].iface, wg);
		push(upstreams, { name: vu[i].name, packets: k.packets, bytes: k.bytes, up: t.up, handshake_age: t.handshake_age, rx: t.rx, tx: t.tx });
	}
	for (let n in ups)
		if (!length(filter(upstreams, (u) => u.name === n)))
			push(upstreams, { name: n, packets: ups[n].packets, bytes: ups[n].bytes, up: false, handshake_age: null, rx: 0, tx: 0 });
	return {
		clients: values(clients),
		rulesets: values(sets),
		upstreams,
		dropped,
		dns_hijacked: hijacked,
		bytes: cb.summary,
	};
}
