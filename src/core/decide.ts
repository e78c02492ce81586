// What a client's rule (or default) resolves to. The nft renderer and
// explain() both ask this one function, so the table and the rule tester
// cannot disagree about where traffic goes.
import type { Action, Client, Config, Group, Rule, Upstream } from './model';
import type { Prefix } from './ip';
import { parseInterfaceAddress, parsePrefix, interfaceNetwork } from './ip';
import { format, msg } from './messages';
import type { Msg } from './messages';

export interface Verdict {
	action: Action;                 // after resolving unavailable upstreams
	upstream: Upstream | null;      // the upstream whose mark the table sets (proxy, or one that is down); a balance group: null
	wanted: string | null;          // the upstream (or group) the rule asked for
	note: string | null;            // why the action differs from the rule's (the nft comment's text)
	why: Msg | null;                // the same as a message (explain)
	group: Group | null;            // `wanted` is a group: the table goes to its chain (nft.ts)
	members: Upstream[];            // a group's members a new connection may take now (failover: one)
}

function resolved(action: Action, upstream: Upstream | null, wanted: string | null, why: Msg): Verdict {
	return { action, upstream, wanted, note: format(why), why, group: null, members: [] };
}

function plain(action: Action, upstream: Upstream | null, wanted: string | null): Verdict {
	return { action, upstream, wanted, note: null, why: null, group: null, members: [] };
}

function up(cfg: Config, u: Upstream, down: string[]): boolean {
	return u.enabled && index(down, u.name) < 0 && downVia(cfg, u, down) === null;
}

// A group's verdict: which of its members a new connection takes now. The
// table itself is compiled with every member up; the health checker moves
// the slots (groups.ts), and `down` says what it found (explain). The
// note stays empty: the nft comment cannot know which member is up.
function groupVerdict(cfg: Config, g: Group, down: string[]): Verdict {
	const ms = map(g.members, (n) => upstreamByName(cfg, n) as Upstream);
	const live = filter(ms, (u) => up(cfg, u, down));
	const gone = filter(ms, (u) => !up(cfg, u, down));
	const v: Verdict = { action: 'proxy', upstream: null, wanted: g.name, note: null, why: null, group: g, members: live };
	if (!length(live)) return { ...v, action: 'block', why: msg('and', [msg('why_group_down', [g.name]), msg('why_kill_blocks')]) };
	if (g.mode === 'balance') {
		v.why = msg('why_group_balance', [g.name, join(', ', map(live, (u) => u.name)), g.spread === 'destination' ? msg('why_spread_destination') : msg('why_spread_connection')]);
		return v;
	}
	v.members = [live[0]];
	v.upstream = live[0];
	v.why = live[0] === ms[0] ? msg('why_group_first', [g.name, live[0].name])
		: msg('why_group_failover', [g.name, live[0].name, join(', ', map(slice(gone, 0, index(ms, live[0])), (u) => u.name))]);
	return v;
}

export function groupByName(cfg: Config, name: string | null): Group | null {
	const gs = cfg.groups ?? [];
	for (let i = 0; i < length(gs); i++)
		if (gs[i].name === name) return gs[i];
	return null;
}

export function upstreamByName(cfg: Config, name: string | null): Upstream | null {
	for (let i = 0; i < length(cfg.upstreams); i++)
		if (cfg.upstreams[i].name === name) return cfg.upstreams[i];
	return null;
}

// `down` lists upstreams known to be down right now (explain only; the
// table handles that at run time through the unreachable route).
export function verdictOf(cfg: Config, c: Client, rule: Rule | null, down?: string[]): Verdict {
	const action = rule ? rule.action : c.defaultAction;
	if (action !== 'proxy') return plain(action, null, null);
	const name = (rule ? rule.upstream : null) ?? c.upstream;
	const g = groupByName(cfg, name);
	if (g) return groupVerdict(cfg, g, down ?? []);
	const u = upstreamByName(cfg, name);
	const ks = cfg.globals.killSwitch;
	if (!u || !u.enabled) {
		const why = msg('why_upstream_disabled', [name as string]);
		return ks ? resolved('block', null, name, msg('and', [why, msg('why_kill_blocks')]))
			: resolved('direct', null, name, msg('and', [why, msg('why_kill_off')]));
	}
	if (down && index(down, u.name) >= 0) {
		const why = msg('why_upstream_down', [name as string]);
		return ks ? resolved('block', u, name, msg('and', [why, msg('why_kill_blocks')]))
			: resolved('direct', u, name, msg('and', [why, msg('why_kill_off')]));
	}
	// a cascaded upstream whose outer tunnel is down has no way out (cascades need the kill switch)
	const outer = down ? downVia(cfg, u, down) : null;
	if (outer !== null) return resolved('block', u, name, msg('and', [msg('why_via_down', [u.name, outer]), msg('why_kill_blocks')]));
	return plain('proxy', u, name);
}

// The first upstream `u` is reached through (`via`, outwards) that is down.
function downVia(cfg: Config, u: Upstream, down: string[]): string | null {
	for (let w = u, n = 0; w.via !== null && n < length(cfg.upstreams); n++) {
		const o = upstreamByName(cfg, w.via);
		if (!o) return null;
		if (index(down, o.name) >= 0) return o.name;
		w = o;
	}
	return null;
}

// Mark arithmetic shared by nft, netifd and explain. Value 1 under the mask
// means "decided: direct"; upstream i carries i + 1 (see config.ts).
export function markShift(mask: number): number {
	return mask & -mask;
}

export function directMark(mask: number): number {
	return markShift(mask);
}

export function markHex(n: number): string {
	return sprintf('0x%08x', n);
}

// Whether a tunnel has an address of this family: without one its routing
// table holds only an `unreachable` route for that family (netifd.ts).
export function carriesFamily(u: Upstream, fam: number): boolean {
	for (let i = 0; i < length(u.addresses); i++) {
		const a = parseInterfaceAddress(u.addresses[i]);
		if (type(a) === 'object' && (a as { family: number }).family === fam) return true;
	}
	return false;
}

// A rule with a time condition (window or weekdays) can change its mind
// during a connection. From a client's first such rule on, every verdict
// (the default included) marks only the packet, not the connection: each
// packet is decided again, so a window's edge also reaches running
// connections. Returns that rule's index, length(c.rules) when there is none.
export function timedFrom(c: Client): number {
	for (let i = 0; i < length(c.rules); i++) {
		const m = c.rules[i].match;
		if (m.startTime !== null || length(m.weekdays)) return i;
	}
	return length(c.rules);
}

export interface Families { v4: boolean, v6: boolean }

// The address families whose packets can enter a client's chain: those its
// identities match (nft.ts MAP_KINDS: an IPv4 address or prefix, an IPv6
// one; a MAC or an interface both — IPv4 only with globals.ipv6 off).
export function chainFamilies(c: Client, ipv6: boolean): Families {
	const both = length(c.macs) > 0 || length(c.ifaces) > 0;
	return { v4: both || length(c.src4) > 0, v6: ipv6 && (both || length(c.src6) > 0) };
}

// Per rule of the enabled clients (by id): the families of the chains it
// decides in — a rule set's rule, those of all its clients. A rule needs
// sets and nft rules of those families only: a device known by its IPv4
// address never brings an IPv6 packet to its chain, so its rules' IPv6
// sets would be loaded (and filled by dnsmasq) for nothing.
export function ruleFamilies(cfg: Config): { [id: string]: Families } {
	const out: { [id: string]: Families } = {};
	for (let i = 0; i < length(cfg.clients); i++) {
		const c = cfg.clients[i];
		if (!c.enabled) continue;
		const f = chainFamilies(c, cfg.globals.ipv6);
		for (let j = 0; j < length(c.rules); j++) {
			const id = c.rules[j].id;
			const o = out[id] ?? { v4: false, v6: false };
			out[id] = { v4: o.v4 || f.v4, v6: o.v6 || f.v6 };
		}
	}
	return out;
}

// The rules of the enabled clients, each once (a rule set's rules are shared
// by every client that lists it), in decision order.
export function activeRules(cfg: Config): Rule[] {
	const out: Rule[] = [];
	const seen: { [id: string]: boolean } = {};
	for (let i = 0; i < length(cfg.clients); i++) {
		const c = cfg.clients[i];
		if (!c.enabled) continue;
		for (let j = 0; j < length(c.rules); j++)
			if (!seen[c.rules[j].id]) { seen[c.rules[j].id] = true; push(out, c.rules[j]); }
	}
	return out;
}

// Destinations the router routes by its main table whatever the mark (the
// `lookup main suppress_prefixlength 0` rule takes every route but the
// default): the networks given (the router reads them from its main table
// at apply time) and the server's address pools the config names. They are
// never classified, so a proxied client still reaches the printer, another
// LAN or a road-warrior peer. Entries that are not prefixes are skipped
// (callers validate what a person typed).
export function localNetworks(cfg: Config, given: string[] | null): Prefix[] {
	const out: Prefix[] = [];
	const seen: { [t: string]: boolean } = {};
	const add = (p: Prefix | null) => {
		if (p && !seen[p.text]) { seen[p.text] = true; push(out, p); }
	};
	const srv = cfg.server;
	if (srv && srv.enabled) for (let i = 0; i < length(srv.addresses); i++) add(interfaceNetwork(srv.addresses[i]));
	for (let i = 0; i < length(given ?? []); i++) {
		const p = parsePrefix((given as string[])[i]);
		if (type(p) === 'object') add(p as Prefix);
	}
	return out;
}
