// The health checker's judgement (docs/config.md "Health and groups"), with
// no effects: one sample of an upstream in, its new state out; and what
// the groups give new connections then. The router side (router/health.ts)
// takes the samples and loads the slots (nftprint.ts slotsScript()).
import type { Config, Group, Health } from './model';
import type { GroupMap } from './nft';
import { groupMapList } from './nft';
import { groupSlots, watched } from './groups';

// What the resident checker needs of an upstream (no keys): apply writes
// it for the checker (router/health.ts WATCH_FILE), so the checker never
// reads the configuration itself and loads no config reader.
export interface Watched { name: string, iface: string, mark: number, keepalive: number | null, health: Health }

// What one checker watches: the upstreams, the group maps it sets (as the
// plan's table has them), the mark mask (conntrack flushes), and the
// shortest probe_interval (its tick). `dns`: a failover group has a member
// with DNS servers (its domains follow the member up: dnsmasq's file is
// rendered again on a change).
export interface Watch { upstreams: Watched[], maps: GroupMap[], mask: number, ipv6: boolean, interval: number, dns: boolean }

// Some failover group has a member with DNS servers of its own.
function groupDns(cfg: Config): boolean {
	for (let i = 0; i < length(cfg.groups); i++) {
		const g = cfg.groups[i];
		if (g.mode !== 'failover') continue;
		for (let j = 0; j < length(cfg.upstreams); j++)
			if (index(g.members, cfg.upstreams[j].name) >= 0 && length(cfg.upstreams[j].dns)) return true;
	}
	return false;
}

// null: nothing to watch (no group, no probe; or splitwg disabled: no table).
export function watchOf(cfg: Config): Watch | null {
	const ups = cfg.globals.enabled ? watched(cfg) : [];
	if (!length(ups)) return null;
	let interval = 0;
	for (let i = 0; i < length(ups); i++)
		if (!interval || ups[i].health.interval < interval) interval = ups[i].health.interval;
	return {
		upstreams: map(ups, (u) => ({ name: u.name, iface: u.iface, mark: u.mark, keepalive: u.keepalive, health: u.health })),
		maps: groupMapList(cfg), mask: cfg.globals.markMask, ipv6: cfg.globals.ipv6, interval, dns: groupDns(cfg),
	};
}

// WireGuard's own limit for a session (REJECT_AFTER_TIME): a peer that
// answers shakes hands again before it, and with a keepalive a live
// tunnel does every two minutes. An older handshake: the peer is gone.
export const HANDSHAKE_MAX = 180;

// `since`: when `up` last changed (or the checker first saw it); `fails`/
// `passes`: probes missed/answered in a row; `last`: time of the last
// sample; `rtt`: of the last answered probe (ms); `handshake`: its age (s)
// at the last sample; `reason`: why it is what it is, in words for the log.
export interface HealthState {
	up: boolean;
	since: number;
	fails: number;
	passes: number;
	last: number | null;
	rtt: number | null;
	handshake: number | null;
	reason: string;
}

// What one tick saw of an upstream: netifd's interface state, the probe's
// outcome (null: it has no probe), the age of its last handshake (null: none).
export interface Sample {
	iface: boolean;
	probe: { ok: boolean, rtt: number | null } | null;
	handshake: number | null;
}

function plural(n: number, one: string, many: string): string {
	return `${n} ${n === 1 ? one : many}`;
}

// A probe's answer or miss, through the hysteresis: `down_after` misses in
// a row take it down, `up_after` answers bring it back (`fails`/`passes`
// already count this sample).
function probed(prev: HealthState, fails: number, passes: number, ok: boolean, u: Watched): { up: boolean, reason: string } {
	if (ok) {
		if (prev.up) return { up: true, reason: 'probe answered' };
		return passes >= u.health.upAfter ? { up: true, reason: `${plural(passes, 'probe', 'probes')} answered` } : { up: false, reason: prev.reason };
	}
	if (!prev.up) return { up: false, reason: prev.reason };
	return fails >= u.health.downAfter ? { up: false, reason: `${plural(fails, 'probe', 'probes')} missed` } : { up: true, reason: prev.reason };
}

// Without a probe: the handshakes; with neither probe nor keepalive an
// idle tunnel does not shake hands, so it cannot be judged: up.
function byHandshake(hs: number | null, u: Watched): { up: boolean, reason: string } {
	if (u.keepalive === null) return { up: true, reason: 'no probe and no keepalive: not judged' };
	if (hs === null) return { up: false, reason: 'no handshake yet' };
	return hs <= HANDSHAKE_MAX ? { up: true, reason: `handshake ${hs} s ago` } : { up: false, reason: `no handshake for ${hs} s` };
}

// The state after one sample. `prev` null: the checker's first look —
// the table starts with every member in its slots, so up until told otherwise.
export function step(prev: HealthState | null, s: Sample, u: Watched, now: number): HealthState {
	const p: HealthState = prev ?? { up: true, since: now, fails: 0, passes: 0, last: null, rtt: null, handshake: null, reason: 'starting' };
	const next: HealthState = { ...p, last: now, handshake: s.handshake };
	let v: { up: boolean, reason: string };
	if (!s.iface) {
		next.fails = 0; next.passes = 0; next.rtt = null;
		v = { up: false, reason: 'interface down' };
	} else if (s.probe !== null) {
		next.fails = s.probe.ok ? 0 : p.fails + 1;
		next.passes = s.probe.ok ? p.passes + 1 : 0;
		next.rtt = s.probe.ok ? s.probe.rtt : null;
		v = probed(p, next.fails, next.passes, s.probe.ok, u);
	} else {
		next.fails = 0; next.passes = 0; next.rtt = null;
		v = byHandshake(s.handshake, u);
	}
	next.up = v.up;
	next.reason = v.reason;
	if (v.up !== p.up) next.since = now;
	return next;
}

// The upstreams of a state map that are down.
export function downOf(states: { [name: string]: HealthState }): string[] {
	const out: string[] = [];
	for (let n in states) if (!states[n].up) push(out, n);
	return out;
}

// What each group gives new connections now: its member up (failover), or
// the members its slots are spread over (balance); [] when none is up.
export function membersNow(maps: GroupMap[], down: string[]): { [group: string]: string[] } {
	const out: { [group: string]: string[] } = {};
	for (let i = 0; i < length(maps); i++) {
		const m = maps[i];
		if (m.pkt) continue;
		const g: Group = { name: m.group, mode: m.mode, spread: 'connection', members: m.members };
		const slots = groupSlots(g, m.members, filter(m.members, (x) => index(down, x) < 0));
		out[m.group] = filter(m.members, (x) => index(slots, x) >= 0);
	}
	return out;
}
