// Upstream groups in the views (docs/config.md "config group"): how a group
// is named where an upstream can be chosen, what the tester says of an
// explain result that went through one, and the health checker's state of
// an upstream in ubus status (docs/ubus.md). Optional everywhere: a router
// before groups sends none of it.
import { N_, msg } from './_msg';
import type { Described, Msg } from './_msg';

export interface GroupInfo { name: string, mode: string, members: string[] }

// ubus status: an upstream's `health` and one of `groups` (the members
// that take new connections now: failover one, balance every live one)
export interface Health {
	state: 'up' | 'down';
	since?: number | null;        // unix time of the last change of state
	last?: number | null;         // unix time of the last probe
	rtt?: number | null;          // ms, of the last probe's answer
	fails?: number | null;        // probes missed in a row
	reason?: Described | string | null;
}
export interface GroupStatus { name: string, mode: string, members: string[], active: string[] }

// The members in the group's order: failover's is one of preference.
export function memberList(g: GroupInfo): string {
	return g.members.join(g.mode === 'balance' ? ', ' : ' → ');
}

// "exits (failover group: us → jp)": a group among the upstreams of a choice.
export function groupLabel(g: GroupInfo): Msg {
	return g.mode === 'balance'
		? msg(N_('%s (balance group: %s)'), g.name, memberList(g))
		: msg(N_('%s (failover group: %s)'), g.name, memberList(g));
}

// explain's `group` and `members`: failover names its member now in
// `upstream`, balance the group itself (each new connection takes one of
// `members`); no member: every one is down and the traffic is blocked.
export function groupRoute(x: { upstream: string | null, group?: string | null, members?: string[] }): Msg | null {
	if (!x.group) return null;
	const ms = x.members ?? [];
	if (!ms.length) return msg(N_('group %s: no member is up'), x.group);
	if (x.upstream !== null && x.upstream !== x.group) return msg(N_('via group %s → %s'), x.group, x.upstream);
	return msg(N_('group %s, spread over %s'), x.group, ms.join(', '));
}

// A status reply's health, if it has one that can be shown (its state as
// `state`, or as the checker keeps it, `up`: a boolean).
export function healthOf(u: { health?: unknown }): Health | null {
	const h = u.health as (Health & { up?: unknown }) | null | undefined;
	if (!h || typeof h !== 'object') return null;
	if (h.state === 'up' || h.state === 'down') return h;
	return typeof h.up === 'boolean' ? { ...h, state: h.up ? 'up' : 'down' } : null;
}

// A status reply's groups, if it has them.
export function groupsOf(st: { groups?: unknown }): GroupStatus[] {
	const gs = st.groups;
	return Array.isArray(gs) ? gs.filter((g) => g && typeof g === 'object' && typeof g.name === 'string' && Array.isArray(g.members))
		.map((g) => ({ name: g.name, mode: String(g.mode ?? 'failover'), members: g.members, active: Array.isArray(g.active) ? g.active : [] })) : [];
}
