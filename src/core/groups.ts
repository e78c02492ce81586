// Upstream groups: `config group 'name'` with ordered `member` upstreams and
// a mode. Rules and clients name a group where they would name an upstream.
// The kernel decides (nft.ts): each group has a map of slots, a slot per
// member choice, and a new connection looks up one slot (numgen or jhash);
// its member's mark then stays with the connection through conntrack. The
// health checker (router/health.ts) rewrites a group's slots — one map, in
// one nft transaction — when a member goes down or comes back.
import type { UciSection } from './uci';
import type { Config, Globals, Group, Problem, Upstream, Warning } from './model';
import { badUpstreamName } from './values';
import { msg } from './messages';
import type { Msg } from './messages';
import { problem, readOptions } from './options';
import { carriesFamily } from './decide';

// A balance group's slots: divisible by every member count up to 6 (what
// a 3-bit mark mask holds), so a member's share stays whole when another
// member's slots are dealt out among the rest.
export const BALANCE_SLOTS = 60;

// Where the health checker keeps the slots it set (tmpfs: a failover
// writes no flash); the table's file includes it (nftprint.ts).
export const GROUP_STATE = '/var/run/splitwg/groups.nft';

export function slotCount(mode: Group['mode']): number {
	return mode === 'balance' ? BALANCE_SLOTS : 1;
}

function readGroup(sec: UciSection, upstreams: { [n: string]: Upstream }, problems: Problem[]): Group {
	const base = `group.${sec.name}`;
	const e = sec.anonymous ? msg('group_unnamed') : badUpstreamName(sec.name);
	// (an upstream of the same name cannot be: UCI section names are unique, config.ts)
	if (e) push(problems, problem(base, e as Msg));
	const o = readOptions(sec, base, 'group', problems);
	const g: Group = { name: sec.name, mode: o.v.mode, spread: o.v.spread, members: [] };
	const at = o.at.member, ms: string[] = o.v.member;
	for (let i = 0; i < length(ms); i++) {
		const m = ms[i], path = `${base}.member[${at ? at[i] : i}]`;
		if (!upstreams[m]) push(problems, problem(path, msg('unknown_upstream', [m])));
		else if (index(g.members, m) >= 0) push(problems, problem(path, msg('group_member_twice', [m])));
		else push(g.members, m);
	}
	if (!length(ms) && !o.bad.member) push(problems, problem(`${base}.member`, msg('group_no_member')));
	if (g.mode !== 'balance' && !o.bad.mode && sec.options.spread != null) push(problems, problem(`${base}.spread`, msg('group_spread_failover')));
	return g;
}

function families(u: Upstream): string {
	return `${carriesFamily(u, 4) ? '4' : ''}${carriesFamily(u, 6) ? '6' : ''}`;
}

// Members must carry the same address families: a connection of either
// family may be given to any of them, and one without an IPv6 address
// would only have an unreachable route for it.
function checkMembers(g: Group, by: { [n: string]: Upstream }, gl: Globals, problems: Problem[], warnings: Warning[]): void {
	const base = `group.${g.name}`;
	if (!gl.killSwitch) push(problems, problem(base, msg('group_kill_switch')));
	if (!length(g.members)) return;
	const first = by[g.members[0]];
	for (let i = 1; i < length(g.members); i++) {
		const u = by[g.members[i]];
		if (families(u) !== families(first))
			push(problems, problem(`${base}.member[${i}]`, msg('group_families', [u.name, first.name])));
	}
	for (let i = 0; i < length(g.members); i++) {
		const u = by[g.members[i]];
		if (u.health.probe === null && !length(u.health.dns) && !u.keepalive)
			push(warnings, problem(`upstream.${u.name}.probe`, msg('warn_health_unknown', [u.name, g.name])));
	}
}

export function readGroups(sections: UciSection[], upstreams: Upstream[], gl: Globals, problems: Problem[], warnings: Warning[]): Group[] {
	const by: { [n: string]: Upstream } = {};
	for (let i = 0; i < length(upstreams); i++) by[upstreams[i].name] = upstreams[i];
	const out: Group[] = [];
	for (let i = 0; i < length(sections); i++) {
		if (sections[i].type !== 'group') continue;
		const g = readGroup(sections[i], by, problems);
		checkMembers(g, by, gl, problems, warnings);
		push(out, g);
	}
	return out;
}

// Whether the checker pings something through the upstream's tunnel.
export function probed(u: { health: { probe: string | null, dns: string[] } }): boolean {
	return u.health.probe !== null || length(u.health.dns) > 0;
}

// The upstreams the health checker watches: those with a probe and every
// member of a group (without a probe: by its handshakes).
export function watched(cfg: Config): Upstream[] {
	const inGroup: { [n: string]: boolean } = {};
	for (let i = 0; i < length(cfg.groups); i++)
		for (let j = 0; j < length(cfg.groups[i].members); j++) inGroup[cfg.groups[i].members[j]] = true;
	return filter(cfg.upstreams, (u) => u.enabled && (probed(u) || !!inGroup[u.name]));
}

// Which member each slot of the group's map holds, given the members that
// are up now (`live`, enabled and healthy): failover's one slot the first
// of them; balance's slots in one run per enabled member, and the run of a
// member that is down cut into one run per live member — so a member going
// down moves its share only, and comes back to the same slots. null: no
// member is up (the slot drops: the kill switch).
export function groupSlots(g: Group, enabled: string[], live: string[]): (string | null)[] {
	if (g.mode !== 'balance') return [length(live) ? live[0] : null];
	const out: (string | null)[] = [];
	const n = length(enabled) as number, l = length(live) as number;
	for (let i = 0; i < BALANCE_SLOTS; i++) {
		const k = int(i * n / BALANCE_SLOTS), m = enabled[k];
		if (!l) { push(out, null); continue; }
		if (index(live, m) >= 0) { push(out, m); continue; }
		// the slot's place in its member's run, scaled to the live members
		const lo = int((k * BALANCE_SLOTS + n - 1) / n);
		const hi = int(((k + 1) * BALANCE_SLOTS + n - 1) / n);
		push(out, live[int((i - lo) * l / (hi - lo))]);
	}
	return out;
}

// Runs of equal slots, as map keys: [{ key: '0-29', member }, …].
export function slotRuns(slots: (string | null)[]): { key: string, member: string | null }[] {
	const out: { key: string, member: string | null }[] = [];
	for (let i = 0; i < length(slots); ) {
		let j = i;
		while (j + 1 < length(slots) && slots[j + 1] === slots[i]) j++;
		push(out, { key: j > i ? `${i}-${j}` : `${i}`, member: slots[i] });
		i = j + 1;
	}
	return out;
}
