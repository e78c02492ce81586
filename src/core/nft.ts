// `table inet splitwg` as a model: sets, maps and chains whose rules say
// what they stand for (client, rule, path, upstream), which sets they
// match, and their verdict. compile() builds it once; printNft()
// (nftprint.ts) is the only code that turns it into nft syntax, and the
// router keeps what it needs of it (tableState()) in its state file, so
// counters, signatures, drift checks and transitions never read the text.
//
// Packet path (prerouting, mangle priority):
//   1. connection already decided → restore its mark from conntrack, done
//   2. a reply (e.g. of a port forward to a client) → marked direct (the
//      routing kill switch prohibits a client's unmarked packets); our mark
//      bits already set, addressed to the router or to one of its local networks (set
//      local4/local6: the main table routes them whatever the mark) → leave it
//   3. source → client chain, one map lookup per kind of identity (address,
//      MAC, interface: the first that matches decides)
//   4. client chain: rules in order, first match wins → goto a mark chain
//      (saves the mark in conntrack, accepts), or drop; fall-through = client
//      default. From the client's first rule with a time condition on, the
//      *_pkt mark chains mark the packet only: such a connection is decided
//      per packet. A rule set the client lists is a `jump` to the rule set's
//      chain for the client's binding (bindingKey()): its rules `goto` the mark
//      chains as the client's own would; falling off its end returns to the
//      client chain, which goes on with its next rule set or its default
// New connections to port 53 or 853 (dstnat), not to the router nor a local
// network: the same identities, in the same order, decide whether the
// client's DNS is answered by the router and its DoT/DoQ dropped. With
// globals.ipv6 '0' every lookup is IPv4 only: IPv6 is routed normally.
import type { Client, Config, Group, Rule, Action, Upstream } from './model';
import { groupSlots, slotRuns, slotCount } from './groups';
import { verdictOf, directMark, markHex, activeRules, timedFrom, localNetworks, upstreamByName, groupByName } from './decide';
import type { Prefix } from './ip';
import { domainPlan } from './domains';
import type { DomainPlan, SharedSet } from './domains';

// The names of the table's chains and maps: spelled here only.
export const NFT = {
	family: 'inet',
	table: 'splitwg',
	prerouting: 'prerouting',
	dstnat: 'dstnat',
	dnsClient: 'dns_client',
	dnsHijack: 'dns_hijack',
	forward: 'forward',
	clientMaps: 'client',       // + MAP_KINDS suffix: source → client chain
	hijackMaps: 'hijack',       // … → DNS hijacked or not
	local4: 'local4',
	local6: 'local6',
};

export function clientChainName(client: string): string {
	return `client_${client}`;
}

// The chain that marks a verdict's packets: direct (upstream null) or an
// upstream's; `pkt`: the packet only, not the connection.
export function markChainName(upstream: string | null, pkt: boolean): string {
	return `${upstream === null ? 'mark_direct' : 'up_' + upstream}${pkt ? '_pkt' : ''}`;
}

// A group's chain and map (same name: nft keeps chains and maps apart);
// `pkt`: the one whose slots lead to the *_pkt mark chains.
export function groupChainName(group: string, pkt: boolean): string {
	return `grp_${group}${pkt ? '_pkt' : ''}`;
}

// The chain of a rule set's `n`th binding (bindingKey()), numbered in the order clients first need it.
export function rulesetChainName(ruleset: string, n: number): string {
	return `rs_${ruleset}_${n}`;
}

export type Path = 'direct' | 'proxy' | 'block';

// What a counted rule stands for: a client's rule or default (`rule`: the
// rule id, null for the default; `path`/`upstream`: where it sends the
// connection), a rule of a rule set's chain (`client` null: every client of
// the binding shares its counter; `ruleset`: the chain), the leak guard,
// the DNS hijack or the DoT/DoQ drop. A client's `jump` into a rule set's
// chain and the bare counter after it (`ruleset`: that chain) count what
// entered it and what came back unmatched: the difference is what the
// client's packets matched there; `path`/`upstream`: where every rule of
// the binding sends them, null when they differ.
export interface RuleRef {
	count: 'rule' | 'default' | 'leak' | 'hijack' | 'dot' | 'jump' | 'after';
	client: string | null;
	rule: string | null;
	path: Path | null;
	upstream: string | null;
	ruleset: string | null;
}

// `verdict`: '' (none: the statements in `expr` end it, or it falls
// through), 'goto'/'jump'/'redirect' (to `target`: a chain, a port), 'drop',
// 'accept', 'return'. `expr`: matches and statements before the counter, nft syntax.
export interface NftRule {
	expr: string;
	counter: boolean;
	verdict: '' | 'goto' | 'jump' | 'redirect' | 'drop' | 'accept' | 'return';
	target: string | null;
	comment: string | null;      // generated ids only, never user text
	sets: string[];              // the named sets it matches
	ref: RuleRef | null;
}

// `base`: a base chain's `type … hook …` line, null for a regular chain;
// `why`: the comment on its first line; `note`: a comment line before it.
export interface NftChain {
	name: string;
	base: string | null;
	why: string | null;
	note: string | null;
	client: string | null;       // the client whose rules it holds
	binding: { ruleset: string, clients: string[] } | null;   // a rule set's chain: the clients that jump to it
	rules: NftRule[];
}

// `elements` null: filled by dnsmasq (a domain set) or from list files (a
// list set: `feeds`, the content hashes of its files, name their element
// fragments, nftlists.ts), left alone on reload.
// `key`: what fills it (transition.ts flushes a domain set whose key lost a
// domain, reloads a list set whose key changed).
export interface NftSet {
	name: string;
	family: 4 | 6;
	kind: 'local' | 'net' | 'domain' | 'list';
	timeout: number;             // seconds (domain sets; 0: none)
	elements: string[] | null;
	why: string | null;
	feeds?: string[] | null;
}

export interface NftMapElement { key: string, verdict: 'goto' | 'return' | 'drop', target: string | null }

// `slot`: a group's map (groups.ts), keyed by `slots` slot numbers.
export interface NftMap {
	name: string;
	keyType: 'ipv4_addr' | 'ipv6_addr' | 'ether_addr' | 'ifname' | 'slot';
	slots?: number;
	interval: boolean;
	why: string | null;
	elements: NftMapElement[];
}

export interface NftTable {
	version: string;
	source: string;              // the config file compiled, one line without control characters
	marks: string;               // the comment naming every mark value
	sets: NftSet[];
	maps: NftMap[];
	chains: NftChain[];          // in the order printed: classification, then DNS, then the leak guard
}

function rule(expr: string, verdict: NftRule['verdict'], target: string | null, comment: string | null, o?: { counter?: boolean, sets?: string[], ref?: RuleRef | null } | null): NftRule {
	return { expr, counter: o ? o.counter === true : false, verdict, target, comment, sets: o && o.sets ? o.sets : [], ref: o && o.ref ? o.ref : null };
}

function chain(name: string, rules: NftRule[], o?: { base?: string, why?: string, note?: string, client?: string, binding?: { ruleset: string, clients: string[] } } | null): NftChain {
	return { name, base: o && o.base ? o.base : null, why: o && o.why ? o.why : null, note: o && o.note ? o.note : null,
		client: o && o.client ? o.client : null, binding: o && o.binding ? o.binding : null, rules };
}

// The content hashes of a rule's list files with entries of a family, each once.
export function listFeeds(r: Rule, family: 4 | 6): string[] {
	const out: string[] = [];
	for (let i = 0; i < length(r.match.lists); i++) {
		const l = r.match.lists[i];
		if ((family === 4 ? l.v4 : l.v6) > 0 && index(out, l.hash) < 0) push(out, l.hash);
	}
	return out;
}

// The nft set names a rule's destinations live in: the domain set pairs
// dnsmasq fills for it (domains.ts), its own CIDR sets, the sets its list
// files fill — of the families its chains see (ruleFamilies()).
export function ruleSets(r: Rule, dp: DomainPlan): { name: string, family: 4 | 6, kind: 'domain' | 'net' | 'list' }[] {
	const out: { name: string, family: 4 | 6, kind: 'domain' | 'net' | 'list' }[] = [];
	const f = dp.families[r.id] ?? { v4: false, v6: false };
	const stems = dp.byRule[r.id] ?? [];
	for (let i = 0; i < length(stems); i++) {
		if (f.v4) push(out, { name: `${stems[i]}_d4`, family: 4, kind: 'domain' });
		if (f.v6) push(out, { name: `${stems[i]}_d6`, family: 6, kind: 'domain' });
	}
	if (f.v4 && length(r.match.dest4)) push(out, { name: `${r.setBase}_n4`, family: 4, kind: 'net' });
	if (f.v6 && length(r.match.dest6)) push(out, { name: `${r.setBase}_n6`, family: 6, kind: 'net' });
	if (f.v4 && length(listFeeds(r, 4))) push(out, { name: `${r.setBase}_f4`, family: 4, kind: 'list' });
	if (f.v6 && length(listFeeds(r, 6))) push(out, { name: `${r.setBase}_f6`, family: 6, kind: 'list' });
	return out;
}

// `rule`: the rule whose CIDRs fill a net set, or the first rule of a
// domain set; `why`: its comment (generated ids only).
// `sig`: what of the key decides a connection's path, when not all of it
// (transition.ts SetState): not what list files put in.
export interface PlanSet { name: string, family: 4 | 6, kind: 'domain' | 'net' | 'list', rule: Rule, key: string, why: string, sig: string | null }

// A shared set's comment names its rules (generated ids): the first few, then how many.
function sharedWhy(s: SharedSet): string {
	const n = length(s.rules);
	const ids = map(slice(s.rules, 0, 3), (r) => r.id);
	return `domains shared by ${join(', ', ids)}${n > 3 ? sprintf(' and %d more rules', n - 3) : ''}: filled by dnsmasq`;
}

// Every nft set of the enabled clients' rules, once each (rule sets are
// shared). `key` is what fills the set: when it changes, learned elements
// are stale (see transition.ts). A rule's own domain set holds answers for
// names the rule covers, so its key is the rule's domains; a shared set's
// key is the domains whose lines feed it; a list set's, its files'
// content hashes. A net set's key is empty: its elements are in the
// printed table, and the router compares them there (conntrack.ts).
export function planSets(cfg: Config, dp?: DomainPlan | null): PlanSet[] {
	const d = dp ?? domainPlan(cfg);
	const out: PlanSet[] = [];
	const rules = activeRules(cfg);
	for (let i = 0; i < length(rules); i++) {
		const r = rules[i];
		const sets = ruleSets(r, d);
		for (let k = 0; k < length(sets); k++) {
			const s = sets[k];
			if (s.kind === 'domain' && substr(s.name, 0, length(s.name) - 3) !== r.setBase) continue;   // a shared pair: below
			// (a net set's elements are in the printed table: the router compares them there)
			const key = s.kind === 'domain' ? join(' ', r.match.domains) : s.kind === 'list' ? join(' ', listFeeds(r, s.family)) : '';
			const why = s.kind === 'domain' ? `${r.id}: filled by dnsmasq` : s.kind === 'list' ? `${r.id}: filled from its list files` : r.id;
			const fromLists = length(r.match.domains) !== length(r.match.optDomains);
			const sig = s.kind === 'list' ? '' : s.kind === 'domain' && fromLists ? join(' ', r.match.optDomains) : null;
			push(out, { name: s.name, family: s.family, kind: s.kind, rule: r, key, why, sig });
		}
	}
	for (let i = 0; i < length(d.shared); i++) {
		const s = d.shared[i];
		const fams: (4 | 6)[] = filter([4, 6], (f) => f === 4 ? d.stems[s.stem].v4 : d.stems[s.stem].v6);
		for (let f = 0; f < length(fams); f++)
			push(out, { name: `${s.stem}_d${fams[f]}`, family: fams[f], kind: 'domain', rule: s.rules[0], key: join(' ', s.domains), why: sharedWhy(s), sig: null });
	}
	return out;
}

function setOf(s: PlanSet, timeout: number): NftSet {
	const el = s.kind === 'net' ? (s.family === 4 ? s.rule.match.dest4 : s.rule.match.dest6) : null;
	const set: NftSet = { name: s.name, family: s.family, kind: s.kind, timeout: s.kind === 'domain' ? timeout : 0, elements: el, why: s.why };
	if (s.kind === 'list') set.feeds = listFeeds(s.rule, s.family);
	return set;
}

// A list of protocols, ports or weekdays in braces is an anonymous set, and
// anonymous sets are what made loading a large table slow: the kernel binds
// each one to its rule by walking the whole transaction — every set, rule and
// set element loaded before it (nf_tables __nft_set_trans_bind) — so their
// cost grows with clients × rules × the size of the table. 1,000 clients × 10
// rules (bench/scale.ts own): `nft -f` 26 s with 3,000 such sets, 8 s without.
// So a list becomes alternatives instead, one nft rule each with the rule's
// verdict — first match is unchanged, as they are consecutive and decide
// alike — while a rule's alternatives stay few; past ALT_MAX, a list stays
// one set. What remains grows with the square of the named sets: the kernel
// finds a set by walking the table's list of sets by name (nft_set_lookup),
// when it is added and for every rule and element message naming it — 12,000
// named sets take 8 s; without the IPv6 sets no chain of an IPv4-only device
// can use (ruleFamilies()), 8,000 take 4 s. Rule sets keep that count to one
// per distinct rule, whatever the number of clients (bindingKey()).
const ALT_MAX = 8;

// Weekdays (0 Sunday … 6 Saturday, sorted) as ranges, which are no sets:
// one run `1-5`, its complement (the weekend: `!= 1-5`), else one per run.
function dayRuns(days: number[]): { lo: number, hi: number }[] {
	const out: { lo: number, hi: number }[] = [];
	for (let i = 0; i < length(days); i++) {
		if (length(out) && out[length(out) - 1].hi === days[i] - 1) out[length(out) - 1].hi = days[i];
		else push(out, { lo: days[i], hi: days[i] });
	}
	return out;
}

function runText(r: { lo: number, hi: number }): string {
	return r.lo === r.hi ? `${r.lo}` : `${r.lo}-${r.hi}`;
}

function dayAlternatives(weekdays: number[]): { alts: string[], set: string } {
	const days = sort(uniq([...weekdays]), (a, b) => a - b);
	const set = ` meta day { ${join(', ', map(days, (d) => `${d}`))} }`;
	const runs = dayRuns(days);
	if (length(runs) === 1) return { alts: [` meta day ${runText(runs[0])}`], set };
	const rest = dayRuns(filter([0, 1, 2, 3, 4, 5, 6], (d) => index(days, d) < 0));
	if (length(rest) === 1) return { alts: [` meta day != ${runText(rest[0])}`], set };
	return { alts: map(runs, (r) => ` meta day ${runText(r)}`), set };
}

// The protocol, port and weekday conditions of a rule, as alternatives
// (each a string of nft matches, '' for none).
function sideMatches(r: Rule): string[] {
	const m = r.match;
	let protos = m.protos;
	if (length(m.ports) && !length(protos)) protos = ['tcp', 'udp'];
	const lists: { alts: string[], set: string }[] = [];
	if (length(protos)) push(lists, { alts: map(protos, (p) => ` meta l4proto ${p}`), set: ` meta l4proto { ${join(', ', protos)} }` });
	if (length(m.ports)) push(lists, { alts: map(m.ports, (p) => ` th dport ${p}`), set: ` th dport { ${join(', ', m.ports)} }` });
	if (length(m.weekdays)) push(lists, dayAlternatives(m.weekdays));
	let out = [''];
	for (let i = 0; i < length(lists); i++) {
		const alts = length(out) * length(lists[i].alts) <= ALT_MAX ? lists[i].alts : [lists[i].set];
		const next: string[] = [];
		for (let a = 0; a < length(out); a++)
			for (let b = 0; b < length(alts); b++) push(next, out[a] + alts[b]);
		out = next;
	}
	return out;
}

// Time window [start, stop) as ONE nft range: nft converts each bound from
// the loading process's local time to UTC, so two half-open comparisons
// would shift apart on a router outside UTC; a range is converted whole
// (also across midnight). Ranges include their end: stop minus one second.
function timeMatch(r: Rule): string {
	const m = r.match;
	if (m.startTime === null || m.stopTime === null) return '';
	let end = int(substr(m.stopTime, 0, 2)) * 3600 + int(substr(m.stopTime, 3, 2)) * 60 - 1;
	if (end < 0) end += 86400;
	const e = sprintf('%02d:%02d:%02d', int(end / 3600), int(end / 60) % 60, end % 60);
	return ` meta hour "${m.startTime}"-"${e}"`;
}

// A client's rule (or default, `r` null) as the last part of an nft rule:
// the verdict and what the counters attribute it to. `pkt`: a verdict at
// or after the client's first timed rule marks the packet only (the *_pkt
// mark chains), so the connection is decided again on its next packet.
function decision(cfg: Config, c: Client, r: Rule | null, pkt: boolean): { verdict: 'goto' | 'drop', target: string | null, ref: RuleRef } {
	const v = verdictOf(cfg, c, r);
	const up = v.group ? v.group.name : v.action === 'proxy' ? (v.upstream as { name: string }).name : null;
	const ref: RuleRef = { count: r ? 'rule' : 'default', client: c.name, rule: r ? r.id : null, path: v.action as Action, upstream: up, ruleset: null };
	if (v.action === 'block') return { verdict: 'drop', target: null, ref };
	return { verdict: 'goto', target: v.group ? groupChainName(v.group.name, pkt) : markChainName(up, pkt), ref };
}

// One rule of client `c` as nft rules: one per destination set (or none)
// and alternative of its other conditions. `shared`: the rule set chain it
// goes in (its counters are the binding's, not `c`'s).
function ruleLines(cfg: Config, c: Client, r: Rule, pkt: boolean, dp: DomainPlan, shared: string | null): NftRule[] {
	const ipv6 = cfg.globals.ipv6;
	const out: NftRule[] = [];
	const v = verdictOf(cfg, c, r);
	const note = v.note ? `, ${v.note}` : '';
	const dests: { expr: string, sets: string[] }[] = [];
	const sets = ruleSets(r, dp);
	for (let j = 0; j < length(sets); j++)
		push(dests, { expr: `${sets[j].family === 4 ? 'ip' : 'ip6'} daddr @${sets[j].name}`, sets: [sets[j].name] });
	// (list files that fill no set of a family its chains see: the rule matches nothing)
	const anyDest = length(r.match.domains) === 0 && length(r.match.dest4) === 0 && length(r.match.dest6) === 0 && length(r.match.lists) === 0;
	if (!length(dests)) {
		// destinations of no family its chains see (IPv6 ones with IPv6 off, or for an IPv4-only device): nothing to match
		if (!anyDest) return out;
		push(dests, { expr: ipv6 ? '' : 'meta nfproto ipv4', sets: [] });
	}
	const sides = sideMatches(r);
	const time = timeMatch(r);
	const d = decision(cfg, c, r, pkt);
	const ref = shared === null ? d.ref : { ...d.ref, client: null, ruleset: shared };
	const why = `${r.id}: ${r.action}${r.action === 'proxy' ? ' via ' + (v.wanted ?? '') : ''}${note}`;
	for (let k = 0; k < length(dests); k++)
		for (let a = 0; a < length(sides); a++)
			push(out, rule(trim(`${dests[k].expr}${sides[a]}${time}`), d.verdict, d.target, why, { counter: true, sets: dests[k].sets, ref }));
	return out;
}

// A client's decision order in parts (config.ts): its own rules, then each
// rule set it lists, in order, with the rule set's enabled rules — the same
// Rule objects for every client that lists it (ids ruleset.<name>.rule[i]).
export interface Segment { ruleset: string | null, start: number, rules: Rule[] }

export function segments(c: Client): Segment[] {
	const per: { [n: string]: number } = {}, listed: { [n: string]: number } = {};
	let own = 0;
	for (let i = 0; i < length(c.rules); i++) {
		const id = c.rules[i].id;
		if (substr(id, 0, 7) !== 'ruleset') { own++; continue; }
		const n = substr(id, 8, index(id, '.rule[') - 8);
		per[n] = (per[n] ?? 0) + 1;
	}
	for (let j = 0; j < length(c.rulesets); j++) listed[c.rulesets[j]] = (listed[c.rulesets[j]] ?? 0) + 1;
	const out: Segment[] = [{ ruleset: null, start: 0, rules: slice(c.rules, 0, own) }];
	let at = own;
	for (let j = 0; j < length(c.rulesets); j++) {
		const n = c.rulesets[j];
		const k = int((per[n] ?? 0) / listed[n]);
		push(out, { ruleset: n, start: at, rules: slice(c.rules, at, at + k) });
		at += k;
	}
	return out;
}

// A rule set resolves differently for two clients only through what the
// client supplies: its upstream (for a proxy rule naming none) and whether
// a time window came before the rule set (then every verdict in it marks
// the packet only). One chain per distinct binding, shared by its clients;
// the rule set's own time windows are the same for all of them.
interface Binding { chain: string, ruleset: string, key: string, clients: string[], rules: NftRule[], pktAll: boolean, upstream: string | null }

function bindingKey(c: Client, s: Segment): { key: string, pktAll: boolean, upstream: string | null } {
	const pktAll = timedFrom(c) < s.start;
	const needsUp = length(filter(s.rules, (r) => r.action === 'proxy' && r.upstream === null)) > 0;
	const up = needsUp ? c.upstream : null;
	return { key: `${s.ruleset} ${pktAll ? 'pkt' : 'conn'} ${up ?? ''}`, pktAll, upstream: up };
}

// The binding chain's rules, for its first client `c`.
function bindingRules(cfg: Config, c: Client, s: Segment, pktAll: boolean, chainName: string, dp: DomainPlan): NftRule[] {
	const out: NftRule[] = [];
	const own = timedFrom({ ...c, rules: s.rules });
	for (let k = 0; k < length(s.rules); k++) {
		const lines = ruleLines(cfg, c, s.rules[k], pktAll || k >= own, dp, chainName);
		for (let i = 0; i < length(lines); i++) push(out, lines[i]);
	}
	return out;
}

// Where every rule of a binding sends its packets, when that is one path.
function onePath(rules: NftRule[]): { path: Path | null, upstream: string | null } {
	if (!length(rules)) return { path: null, upstream: null };
	const p = (rules[0].ref as RuleRef).path, u = (rules[0].ref as RuleRef).upstream;
	let same = true, sameUp = true;
	for (let i = 1; i < length(rules); i++) {
		const r = rules[i].ref as RuleRef;
		if (r.path !== p) same = false;
		if (r.upstream !== u) sameUp = false;
	}
	return { path: same ? p : null, upstream: same && sameUp ? u : null };
}

// The client chain's rules; the rule sets' chains it jumps to are added to
// `bound` (by key), once per distinct binding.
function clientRules(cfg: Config, c: Client, dp: DomainPlan, bound: { list: Binding[], byKey: { [k: string]: Binding }, count: { [rs: string]: number } }): NftRule[] {
	const out: NftRule[] = [];
	const timed = timedFrom(c);
	const segs = segments(c);
	for (let i = 0; i < length(segs[0].rules); i++) {
		const lines = ruleLines(cfg, c, segs[0].rules[i], i >= timed, dp, null);
		for (let k = 0; k < length(lines); k++) push(out, lines[k]);
	}
	for (let j = 1; j < length(segs); j++) {
		const s = segs[j];
		if (!length(s.rules)) continue;
		const k = bindingKey(c, s);
		let b = bound.byKey[k.key];
		if (!b) {
			const n = bound.count[s.ruleset as string] ?? 0;
			bound.count[s.ruleset as string] = n + 1;
			const name = rulesetChainName(s.ruleset as string, n);
			b = { chain: name, ruleset: s.ruleset as string, key: k.key, clients: [], rules: bindingRules(cfg, c, s, k.pktAll, name, dp), pktAll: k.pktAll, upstream: k.upstream };
			bound.byKey[k.key] = b;
			push(bound.list, b);
		}
		push(b.clients, c.name);
		const one = onePath(b.rules);
		const ref: RuleRef = { count: 'jump', client: c.name, rule: null, path: one.path, upstream: one.upstream, ruleset: b.chain };
		push(out, rule('', 'jump', b.chain, `ruleset.${s.ruleset}: ${length(s.rules)} rule(s), shared`, { counter: true, ref }));
		push(out, rule('', '', null, `ruleset.${s.ruleset}: no match`, { counter: true, ref: { ...ref, count: 'after' } }));
	}
	const dv = verdictOf(cfg, c, null);
	const d = decision(cfg, c, null, timed < length(c.rules));
	push(out, rule('', d.verdict, d.target, `client ${c.name} default: ${c.defaultAction}${dv.note ? ', ' + dv.note : ''}`, { counter: true, ref: d.ref }));
	return out;
}

// "tv, phone and 998 more": a chain note names a few clients.
function someClients(names: string[]): string {
	const n = length(names);
	return `${join(', ', slice(names, 0, 3))}${n > 3 ? sprintf(' and %d more', n - 3) : ''}`;
}

function bindingChain(b: Binding): NftChain {
	const via = b.upstream !== null ? `; proxy rules without an upstream: via ${b.upstream}` : '';
	const pkt = b.pktAll ? '; decided per packet (a time window comes before it)' : '';
	return chain(b.chain, b.rules, { note: `rule set ${b.ruleset} for ${length(b.clients)} client(s) (${someClients(b.clients)})${via}${pkt}; no match: back to the client's chain`,
		binding: { ruleset: b.ruleset, clients: b.clients } });
}

// Sets the packet's mark and, unless `pkt`, saves it in conntrack for the
// connection's later packets; then accepts: reached by `goto` from a rule
// set's chain, falling off the end would return to the client chain that
// jumped there (and on to its default), not end the decision.
function markChain(name: string, value: number, mask: number, why: string, pkt: boolean): NftChain {
	const keep = markHex(0xffffffff - mask);
	const rules = [rule(`meta mark set meta mark and ${keep} or ${markHex(value)}`, pkt ? 'accept' : '', null, null)];
	if (!pkt) push(rules, rule(`ct mark set ct mark and ${keep} or ${markHex(value)}`, 'accept', null, null));
	return chain(name, rules, { why });
}

// A group's slot map as compiled (every enabled member up; the health
// checker rewrites it, router/health.ts) and the chain that looks a new
// connection's slot up. The chain ends in a drop: a slot the map lacks
// must block, never fall back to the client chain's caller unmarked.
function slotElements(gm: GroupMap, down: string[]): NftMapElement[] {
	// (groupSlots() reads the mode and the members)
	const g: Group = { name: gm.group, mode: gm.mode, spread: 'connection', members: gm.members };
	return map(slotRuns(groupSlots(g, gm.members, filter(gm.members, (n) => index(down, n) < 0))), (r) =>
		r.member === null ? { key: r.key, verdict: 'drop', target: null } : { key: r.key, verdict: 'goto', target: markChainName(r.member, gm.pkt) });
}

// Whether the table has the *_pkt chains (and so the groups' _pkt maps):
// some enabled client decides per packet (a time window).
function perPacket(cfg: Config): boolean {
	return length(filter(cfg.clients, (c) => c.enabled && timedFrom(c) < length(c.rules))) > 0;
}

// Every group map of the table, as much as its slots need: the group's
// mode and enabled members, and whether its slots lead to the *_pkt mark
// chains. The plan keeps them (plan.ts `groups`), so an apply sets the
// slots for the checker's states without the configuration.
export interface GroupMap { name: string, group: string, mode: Group['mode'], members: string[], pkt: boolean }

export function groupMapList(cfg: Config): GroupMap[] {
	const out: GroupMap[] = [];
	const kinds = perPacket(cfg) ? 2 : 1;
	for (let i = 0; i < length(cfg.groups); i++) {
		const g = cfg.groups[i];
		const on = filter(g.members, (n) => (upstreamByName(cfg, n) as Upstream).enabled);
		for (let pkt = 0; pkt < kinds; pkt++)
			push(out, { name: groupChainName(g.name, pkt === 1), group: g.name, mode: g.mode, members: on, pkt: pkt === 1 });
	}
	return out;
}

// A group map with the members in `down` out of its slots.
export function slotMap(gm: GroupMap, down: string[]): NftMap {
	const slots = slotCount(gm.mode);
	return { name: gm.name, keyType: 'slot', slots, interval: slots > 1,
		why: `group ${gm.group}: slot → member; the health checker rewrites it`, elements: slotElements(gm, down) };
}

// Every group map of the table, its slots with the members in `down` out:
// the table's own (none down) and what the health checker loads over them
// (nftprint.ts groupsScript).
export function groupMaps(cfg: Config, down: string[]): NftMap[] {
	return map(groupMapList(cfg), (gm) => slotMap(gm, down));
}

function groupChain(cfg: Config, g: Group, pkt: boolean): NftChain {
	const name = groupChainName(g.name, pkt);
	const slots = slotCount(g.mode);
	const key = g.mode === 'balance' && g.spread === 'destination' ? ['meta nfproto ipv4 jhash ip daddr', ...(cfg.globals.ipv6 ? ['meta nfproto ipv6 jhash ip6 daddr'] : [])] : ['numgen inc'];
	const rules = [...map(key, (k) => rule(`${k} mod ${slots} vmap @${name}`, '', null, null)), rule('', 'drop', null, 'no slot: blocked')];
	const how = g.mode === 'balance' ? `balance (${g.spread}) over ${join(', ', g.members)}` : `failover: ${join(' → ', g.members)}`;
	return chain(name, rules, { why: `group ${g.name}, ${how}${pkt ? ', this packet only' : ''}` });
}

// Every enabled client's identities, one map per kind, each element
// `key : verdict`. The kinds are looked up in this order (source address,
// then MAC, then incoming interface): the first that matches decides whose
// packet it is, for classification and DNS hijack alike.
export const MAP_KINDS: { kind: 'a4' | 'a6' | 'mac' | 'iif', suffix: string, keyType: 'ipv4_addr' | 'ipv6_addr' | 'ether_addr' | 'ifname', interval: boolean, match: string }[] = [
	{ kind: 'a4', suffix: '4', keyType: 'ipv4_addr', interval: true, match: 'ip saddr' },
	{ kind: 'a6', suffix: '6', keyType: 'ipv6_addr', interval: true, match: 'ip6 saddr' },
	{ kind: 'mac', suffix: '_mac', keyType: 'ether_addr', interval: false, match: 'ether saddr' },
	{ kind: 'iif', suffix: '_iif', keyType: 'ifname', interval: false, match: 'iifname' },
];

function texts(ps: Prefix[]): string[] {
	return map(ps, (p) => p.text);
}

function identityKeys(c: Client, kind: string, ipv6: boolean): string[] {
	if (kind === 'a4') return texts(c.src4);
	if (kind === 'a6') return ipv6 ? texts(c.src6) : [];
	return kind === 'mac' ? c.macs : c.ifaces;
}

// Elements inline: the printer declares the chains they jump to first.
function identityMaps(stem: string, why: string, clients: Client[], ipv6: boolean, verdict: (c: Client) => NftMapElement): NftMap[] {
	return map(MAP_KINDS, (k, i) => {
		const el: NftMapElement[] = [];
		for (let j = 0; j < length(clients); j++) {
			const v = verdict(clients[j]);
			const ks = identityKeys(clients[j], k.kind, ipv6);
			for (let n = 0; n < length(ks); n++) push(el, { key: ks[n], verdict: v.verdict, target: v.target });
		}
		return { name: `${stem}${k.suffix}`, keyType: k.keyType, interval: k.interval, why: i === 0 ? why : null, elements: el };
	});
}

// The lookups, in the order of precedence. With IPv6 off, IPv6 is routed
// normally: a MAC or an interface identifies the client's IPv4 only.
function identityLookups(stem: string, ipv6: boolean): NftRule[] {
	return map(filter(MAP_KINDS, (k) => ipv6 || k.kind !== 'a6'), (k) =>
		rule(`${!ipv6 && (k.kind === 'mac' || k.kind === 'iif') ? 'meta nfproto ipv4 ' : ''}${k.match} vmap @${stem}${k.suffix}`, '', null, null));
}

// Traffic to the router itself or to one of its local networks: routed by
// the main table, never classified (prerouting) nor hijacked (dns_client):
// a Pi-hole on the LAN keeps answering, DoT to a LAN host is not dropped.
function localReturns(ipv6: boolean, self: string): NftRule[] {
	const why = 'to a local network: routed by the main table';
	const out = [rule(`fib daddr type ${self}`, 'return', null, 'to the router itself'),
		rule(`ip daddr @${NFT.local4}`, 'return', null, why, { sets: [NFT.local4] })];
	if (ipv6) push(out, rule(`ip6 daddr @${NFT.local6}`, 'return', null, why, { sets: [NFT.local6] }));
	return out;
}

const noRef: RuleRef = { count: 'rule', client: null, rule: null, path: null, upstream: null, ruleset: null };

function counted(count: RuleRef['count']): RuleRef {
	return { ...noRef, count };
}

// the config file named in the header comment, kept to one line without control characters whatever the
// name holds (a newline in it would end the comment: the rest would be read by nft)
const CONTROL_CHARS = /[\x01-\x1f\x7f]/g;

// `dp`: the domain plan (domains.ts); `local`: the router's local networks (localNetworks());
// `source`: the config file compiled (default /etc/config/splitwg; the developer CLI's --config).
export function nftModel(cfg: Config, version: string, dp?: DomainPlan | null, local?: string[] | null, source?: string | null): NftTable {
	const domains = dp ?? domainPlan(cfg);
	const g = cfg.globals;
	const mask = g.markMask;
	const clients = filter(cfg.clients, (c) => c.enabled);
	const ups = filter(cfg.upstreams, (u) => u.enabled);
	const direct = directMark(mask);
	const nets = localNetworks(cfg, local ?? null);
	const sets: NftSet[] = [
		{ name: NFT.local4, family: 4, kind: 'local', timeout: 0, elements: texts(filter(nets, (p) => p.family === 4)), why: 'the router\'s local networks: routed by the main table, never classified' },
		{ name: NFT.local6, family: 6, kind: 'local', timeout: 0, elements: texts(filter(nets, (p) => p.family === 6)), why: null },
		...map(planSets(cfg, domains), (s) => setOf(s, g.setTimeout)),
	];
	// every client is in the hijack maps, hijacked or not: `return` ends the
	// lookups, so a later kind of identity (another client's interface) cannot
	// hijack a client with dns_hijack '0'
	const maps = [
		...identityMaps(NFT.clientMaps, 'source → client chain', clients, g.ipv6, (c) => ({ key: '', verdict: 'goto', target: clientChainName(c.name) })),
		...identityMaps(NFT.hijackMaps, 'source → DNS hijacked (goto dns_hijack) or not (return)', clients, g.ipv6,
			(c) => c.dnsHijack ? { key: '', verdict: 'goto', target: NFT.dnsHijack } : { key: '', verdict: 'return', target: null }),
	];
	const restore = [`${markHex(direct)} : goto ${markChainName(null, false)}`, ...map(ups, (u) => `${markHex(u.mark)} : goto ${markChainName(u.name, false)}`)];
	const chains: NftChain[] = [chain(NFT.prerouting, [
		rule(`ct direction original ct mark and ${markHex(mask)} vmap { ${join(', ', restore)} }`, '', null, 'connection already decided'),
		rule(`ct direction reply meta mark set meta mark and ${markHex(0xffffffff - mask)} or ${markHex(direct)}`, 'return', null, 'replies follow their connection (a port forward to a client stays on WAN); marked direct, past the routing kill switch'),
		rule(`meta mark and ${markHex(mask)} != 0`, 'return', null, 'marked before us'),
		...localReturns(g.ipv6, '{ local, broadcast, multicast }'),
		...identityLookups(NFT.clientMaps, g.ipv6),
	], { base: 'type filter hook prerouting priority mangle; policy accept;' })];
	push(chains, markChain(markChainName(null, false), direct, mask, 'decided: direct', false));
	for (let i = 0; i < length(ups); i++)
		push(chains, markChain(markChainName(ups[i].name, false), ups[i].mark, mask, `upstream ${ups[i].name} → ${ups[i].iface}, table ${ups[i].table}`, false));
	if (perPacket(cfg)) {
		push(chains, markChain(markChainName(null, true), direct, mask, 'this packet: direct (a time window decides again on the next)', true));
		for (let i = 0; i < length(ups); i++)
			push(chains, markChain(markChainName(ups[i].name, true), ups[i].mark, mask, `this packet: upstream ${ups[i].name}`, true));
	}
	// each group map (its _pkt one too) with the chain that looks it up
	const gms = groupMapList(cfg);
	for (let i = 0; i < length(gms); i++) {
		push(maps, slotMap(gms[i], []));
		push(chains, groupChain(cfg, groupByName(cfg, gms[i].group) as Group, gms[i].pkt));
	}
	const bound: { list: Binding[], byKey: { [k: string]: Binding }, count: { [rs: string]: number } } = { list: [], byKey: {}, count: {} };
	for (let i = 0; i < length(clients); i++) {
		const c = clients[i];
		const t = timedFrom(c);
		const pkt = t < length(c.rules) ? `; decided per packet from ${c.rules[t].id} on (time window)` : '';
		push(chains, chain(clientChainName(c.name), clientRules(cfg, c, domains, bound),
			{ note: `client ${c.name} (${c.kind}): ${length(c.rules)} rule(s), default ${c.defaultAction}${pkt}`, client: c.name }));
	}
	for (let i = 0; i < length(bound.list); i++) push(chains, bindingChain(bound.list[i]));
	// New connections only (nat): DNS to any server but the router's own and
	// its local networks' is answered by the router, DoT/DoQ (853) of the
	// same clients is dropped
	push(chains, chain(NFT.dstnat, [rule('meta l4proto { tcp, udp } th dport { 53, 853 }', 'goto', NFT.dnsClient, null)],
		{ base: 'type nat hook prerouting priority dstnat - 5; policy accept;' }));
	push(chains, chain(NFT.dnsClient, [...localReturns(g.ipv6, 'local'), ...identityLookups(NFT.hijackMaps, g.ipv6)]));
	push(chains, chain(NFT.dnsHijack, [
		rule('meta l4proto { tcp, udp } th dport 53', 'redirect', ':53', 'DNS hijack', { counter: true, ref: counted('hijack') }),
		rule('', 'drop', null, 'DoT/DoQ blocked', { counter: true, ref: counted('dot') }),
	], { why: 'encrypted DNS would bypass the domain rules' }));
	// The leak guard is the kill switch's second half (the first: the
	// `unreachable` route in each upstream table). With the kill switch off,
	// proxied traffic of a tunnel that is down falls through to the main
	// table and leaves direct, as explain() says; nothing drops it here.
	if (g.killSwitch && length(ups))
		push(chains, chain(NFT.forward, map(ups, (u) =>
			rule(`meta mark and ${markHex(mask)} == ${markHex(u.mark)} oifname != "${u.iface}"`, 'drop', null, `leak guard: ${u.name} traffic only leaves by ${u.iface}`, { counter: true, ref: { ...counted('leak'), upstream: u.name } })),
		{ base: 'type filter hook forward priority mangle; policy accept;' }));
	const marks = `marks (mask ${markHex(mask)}): ${markHex(direct)} direct${join('', map(ups, (u) => `, ${markHex(u.mark)} ${u.name} (table ${u.table})`))}`;
	return { version, source: replace(source ?? '/etc/config/splitwg', CONTROL_CHARS, '?'), marks, sets, maps, chains };
}

// The names of what the table declares (transition.ts deletes the rest).
export function tableObjects(t: NftTable): { sets: string[], maps: string[], chains: string[] } {
	return { sets: map(t.sets, (s) => s.name), maps: map(t.maps, (m) => m.name), chains: map(t.chains, (c) => c.name) };
}

// What the router keeps of an applied table in its state file, so status,
// stats, doctor and the next apply never parse the installed text nor
// compile again: the names of what it declares; the elements of what the
// config fills, as `nft -j list` shows them ("10.0.0.2 : goto client_tv";
// auto-merged sets aside: the kernel may join them into ranges); and for
// every chain with counters, what each of its rules counts for, by
// position (the kernel lists a chain's rules in order).
export interface TableState {
	objects: { sets: string[], maps: string[], chains: string[] };
	filled: { kind: 'set' | 'map', name: string, elements: string[] }[];
	counted: { [chain: string]: (RuleRef | null)[] };
	rulesets: { chain: string, ruleset: string, clients: string[] }[];   // the rule sets' chains (stats)
}

export function tableState(t: NftTable): TableState {
	const counted: { [chain: string]: (RuleRef | null)[] } = {};
	const rulesets: { chain: string, ruleset: string, clients: string[] }[] = [];
	for (let i = 0; i < length(t.chains); i++) {
		const c = t.chains[i];
		if (length(filter(c.rules, (r) => r.ref !== null))) counted[c.name] = map(c.rules, (r) => r.ref);
		if (c.binding) push(rulesets, { chain: c.name, ruleset: c.binding.ruleset, clients: c.binding.clients });
	}
	return {
		objects: tableObjects(t),
		filled: map(t.maps, (m) => ({ kind: 'map' as 'map', name: m.name, elements: map(m.elements, (e) => `${e.key} : ${e.verdict === 'goto' ? 'goto ' + e.target : e.verdict}`) })),
		counted,
		rulesets,
	};
}
