// The health checker's effects (docs/config.md "Health and groups"): one
// tick looks at every watched upstream (netifd, a probe through its tunnel,
// its handshakes), judges it (core step()), and on a change sets the
// groups' slots, flushes the connections of a member that went down, and
// logs. The resident loop around it is healthd.ts; apply keeps the slots
// file in line with the table it loads (groupStateFor()).
//
// The resident checker (health.uc) is built from this file alone, with the
// few core functions it calls bundled in (tools/build.mjs `inline`): it
// reads what to watch from WATCH_FILE, which apply writes from the plan,
// never the configuration — so it loads no config reader and stays small.
// What needs the configuration (a failover group's DNS following its
// member) runs as `splitwg health --dns`, a process of its own (healthdns.ts).
import type { Env } from './env';
import { PATHS, failure } from './env';
import { step, downOf, slotsScript, membersNow, probed, GROUP_STATE } from './core';
import type { HealthState, Sample, GroupMap, Watch, Watched } from './core';
import { applyRunning, putFile, readJson } from './state';

export const HEALTH_FILE = `${PATHS.state}/health.json`;
// what the checker watches, as the last apply wrote it (core watchOf())
export const WATCH_FILE = `${PATHS.state}/watch.json`;

// regexes as module constants: ucode compiles a literal each time it is evaluated
const RTT = /time=([0-9]+)/;

// What the checker keeps: each watched upstream's state, and what each
// group gives new connections now (core membersNow()).
// `pending`: the slots are still to be set (an apply was running): the next tick does.
export interface HealthFile { time: number, upstreams: { [name: string]: HealthState }, groups: { [name: string]: string[] }, pending?: boolean }

export type { Watch };

// The watch file as it is now: its text (the checker reads it again when
// it changed) and what it says; null: none (nothing applied, nothing to watch).
export function readWatchFile(env: Env): { text: string, watch: Watch } | null {
	const text = env.fs.read(WATCH_FILE);
	if (text === null || text === '') return null;
	let w: Watch | null = null;
	try { w = json(text) as Watch; } catch { w = null; }
	return type(w) === 'object' && type((w as Watch).upstreams) === 'array' ? { text, watch: w as Watch } : null;
}

// For apply: what its plan watches, or no file.
export function writeWatch(env: Env, w: Watch | null): boolean {
	if (w === null) return !env.fs.exists(WATCH_FILE) || env.fs.unlink(WATCH_FILE);
	return putFile(env, WATCH_FILE, sprintf('%J\n', w));
}

export function readHealth(env: Env): HealthFile | null {
	const h = readJson(env, HEALTH_FILE);
	return h !== null && type(h.upstreams) === 'object' ? h as HealthFile : null;
}

function writeHealth(env: Env, h: HealthFile): boolean {
	return putFile(env, HEALTH_FILE, sprintf('%J\n', h));
}

// netifd's word on an interface: up (status.ts asks the same).
export function ifaceUp(env: Env, iface: string): boolean {
	const ifs = env.ubus(`network.interface.${iface}`, 'status', {});
	return type(ifs) === 'object' && ifs.up === true;
}

// The latest handshake of each WireGuard interface (seconds since the
// epoch; 0: never), one command for all: `wg show all latest-handshakes`
// prints interface, peer's public key and time a line.
export function handshakes(env: Env): { [iface: string]: number } {
	const r = env.run(['wg', 'show', 'all', 'latest-handshakes']);
	const out: { [iface: string]: number } = {};
	if (r.code !== 0) return out;
	const lines = split(r.stdout, '\n');
	for (let i = 0; i < length(lines); i++) {
		const f = split(trim(lines[i]), '\t');
		if (length(f) < 3) continue;
		const t = int(f[2]);
		if (out[f[0]] == null || t > out[f[0]]) out[f[0]] = t;
	}
	return out;
}

// One ICMP echo through the tunnel to each target (`probe`, then the dns
// servers with probe_dns): -I binds it to the device, so it leaves by the
// tunnel though no ip rule routes the router's own traffic there (busybox
// and iputils ping both take these options). A miss if any one is not
// answered; the round trip is the first target's.
export function probe(env: Env, u: Watched): { ok: boolean, rtt: number | null } {
	const targets = u.health.probe !== null ? [u.health.probe, ...u.health.dns] : u.health.dns;
	let rtt: number | null = null;
	for (let i = 0; i < length(targets); i++) {
		const r = env.run(['ping', '-c', '1', '-W', '1', '-I', u.iface, targets[i]]);
		if (r.code !== 0) return { ok: false, rtt: null };
		const m = match(r.stdout, RTT);
		if (i === 0) rtt = m ? int(m[1]) : null;
	}
	return { ok: true, rtt };
}

function sample(env: Env, u: Watched, hs: { [iface: string]: number }): Sample {
	const up = ifaceUp(env, u.iface);
	const t = hs[u.iface] ?? 0;
	return {
		iface: up,
		probe: up && probed(u) ? probe(env, u) : null,
		handshake: t > 0 ? env.now() - t : null,
	};
}

// The slots for the members down, loaded and kept: written beside the
// file the table includes, loaded, and only once the kernel took it put
// in its place — so that file only ever holds what the live table accepted.
const BUSY = 'an apply is running';

export function setSlots(env: Env, maps: GroupMap[], down: string[]): string | null {
	// an apply swaps the table and writes the slots for it (groupStateFor) and
	// then what to watch: the checker sets them again once it read that
	if (applyRunning(env)) return BUSY;
	const tmp = `${GROUP_STATE}.tmp`;
	if (!length(maps)) { env.fs.unlink(GROUP_STATE); return null; }
	env.fs.mkdirp(PATHS.state);
	if (!env.fs.write(tmp, slotsScript(maps, down))) return `cannot write ${tmp}`;
	const r = env.run(['nft', '-f', tmp]);
	if (r.code !== 0) { env.fs.unlink(tmp); return failure(r, ['nft', '-f', tmp]); }
	return env.fs.rename(tmp, GROUP_STATE) ? null : `cannot write ${GROUP_STATE}`;
}

// A member that went down: its connections are forgotten by conntrack and
// decide again, through the group's member now up (or are blocked).
function flushMember(env: Env, w: Watch, u: Watched): void {
	if (!env.fs.exists(PATHS.conntrack)) return;
	const m = sprintf('0x%x/0x%x', u.mark, w.mask);
	env.run(['conntrack', '-D', '-f', 'ipv4', '-m', m]);
	if (w.ipv6) env.run(['conntrack', '-D', '-f', 'ipv6', '-m', m]);
}

function inGroup(w: Watch, name: string): boolean {
	for (let i = 0; i < length(w.maps); i++) if (index(w.maps[i].members, name) >= 0) return true;
	return false;
}

// An upstream is probed every probe_interval seconds: on the first tick
// at or after it (a tick is the shortest interval; 1 s of slack for the
// timer's own jitter).
function due(u: Watched, p: HealthState | null, now: number): boolean {
	return p === null || p.last === null || now - p.last >= u.health.interval - 1;
}

// One look at every watched upstream that is due. `prev`: the states of
// the last tick (null: none known); `first`: the checker's first tick,
// which also sets the slots — the table may hold others than these states
// say. Returns the new file, as written.
export function tick(env: Env, w: Watch, prev: HealthFile | null, first: boolean): HealthFile {
	const hs = handshakes(env);
	const before = prev ? prev.upstreams : {};
	const states: { [name: string]: HealthState } = {};
	const changed: Watched[] = [];
	const now = env.now();
	for (let i = 0; i < length(w.upstreams); i++) {
		const u = w.upstreams[i];
		const p = before[u.name] ?? null;
		const s = due(u, p, now) ? step(p, sample(env, u, hs), u, now) : p as HealthState;
		states[u.name] = s;
		if ((p ? p.up : true) !== s.up) push(changed, u);
	}
	const down = downOf(states);
	let pending = false;
	if (first || length(changed) || (prev && prev.pending)) {
		const e = setSlots(env, w.maps, down);
		if (e !== null) env.log(`health: the groups' slots could not be set: ${e}`);
		pending = e === BUSY;
	}
	for (let i = 0; i < length(changed); i++) {
		const u = changed[i], s = states[u.name];
		if (!s.up && inGroup(w, u.name)) flushMember(env, w, u);
		env.log(`upstream ${u.name} ${s.up ? 'up' : 'down'}: ${s.reason}`);
	}
	const h: HealthFile = { time: now, upstreams: states, groups: membersNow(w.maps, down), pending };
	writeHealth(env, h);
	// (after health.json: `splitwg health --dns` renders with these states)
	if (w.dns && (first || length(changed))) {
		const r = env.run([PATHS.cli, 'health', '--dns']);
		if (r.code !== 0) env.log(`health: ${failure(r, [PATHS.cli, 'health', '--dns'])}`);
	}
	return h;
}

// The upstreams the checker has down, sorted (apply compiles with them).
export function checkerDown(env: Env): string[] {
	const h = readHealth(env);
	return h ? sort(downOf(h.upstreams)) : [];
}

// For apply: the slots file for the table it is about to load, from the
// checker's last states (members not known to be down are up, as the
// table has them). `maps` empty: no file — a stale one naming a map the
// new table lacks would make its include fail. Returns what was there.
export function groupStateFor(env: Env, maps: GroupMap[]): { old: string | null, error: string | null } {
	const old = env.fs.read(GROUP_STATE);
	const h = readHealth(env);
	const down = h ? downOf(h.upstreams) : [];
	if (!length(maps)) { if (old !== null) env.fs.unlink(GROUP_STATE); return { old, error: null }; }
	return { old, error: putFile(env, GROUP_STATE, slotsScript(maps, down)) ? null : `cannot write ${GROUP_STATE}` };
}

// Back to the slots file before (a failed apply restores the old table).
export function restoreGroupState(env: Env, old: string | null): void {
	if (old === null) env.fs.unlink(GROUP_STATE);
	else env.fs.write(GROUP_STATE, old);
}

// Whether a checker is needed at all: some group, or some enabled upstream with a probe.
export function healthNeeded(w: Watch | null): boolean {
	return w !== null && length(w.upstreams) > 0;
}
