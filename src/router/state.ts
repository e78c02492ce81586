// What the last apply did, kept under /var/run/splitwg/ (tmpfs: gone after a
// reboot, which is right — the boot-time apply writes it again), and the lock
// that keeps two applies (procd trigger, LuCI, a shell) from interleaving.
import type { Env } from './env';
import type { SetState } from '../core/transition';
import type { TableState } from '../core/nft';
import type { Config, Subscription } from '../core/model';
import { PATHS } from './env';
import type { Marks } from './ctbytes';
import type { UciSection } from '../core/uci';
import { format, isMsg, renderUci, directMark } from './core';
import type { Msg, Arg } from './core';

// `sets`: the sets its rules match (absent in a state from before 2026-12-02)
export interface ClientPath { sig: string, sources: string[], sets?: string[] }

// What `status` shows of the applied configuration, so that it reads no
// config (validating a large one takes seconds on a router).
export interface AppliedView {
	upstreams: { name: string, iface: string, enabled: boolean, keepalive: number | null }[];
	clients: { name: string, kind: string, enabled: boolean, public_key: string | null }[];
	server: string | null;                  // the road-warrior server's interface, when enabled
	kill_switch: boolean;
	ipv6: boolean;
	domains: boolean;                       // it has domain rules (nftset entries)
	subscriptions?: Subscription[] | null;  // the lists fetched from URLs (absent in a state from before them)
	marks?: Marks | null;                   // stats: a connection's path by its ct mark (absent in a state from before it)
	groups?: { name: string, mode: string, members: string[] }[] | null;   // (absent in a state from before groups)
}

// the enabled upstreams' marks (the disabled have no mark chain)
function marksOf(c: Config): { [name: string]: number } {
	const out: { [name: string]: number } = {};
	for (let i = 0; i < length(c.upstreams); i++) if (c.upstreams[i].enabled) out[c.upstreams[i].name] = c.upstreams[i].mark;
	return out;
}

export function appliedView(c: Config, domains: boolean): AppliedView {
	return {
		upstreams: map(c.upstreams, (u) => ({ name: u.name, iface: u.iface, enabled: u.enabled, keepalive: u.keepalive })),
		clients: map(c.clients, (x) => ({ name: x.name, kind: x.kind, enabled: x.enabled, public_key: x.publicKey })),
		server: c.server && c.server.enabled ? c.server.iface : null,
		kill_switch: c.globals.killSwitch, ipv6: c.globals.ipv6, domains, subscriptions: c.subscriptions,
		marks: { mask: c.globals.markMask, direct: directMark(c.globals.markMask), upstreams: marksOf(c) },
		groups: map(c.groups ?? [], (g) => ({ name: g.name, mode: g.mode, members: g.members })),
	};
}

export interface ApplyState {
	ok: boolean;
	time: number;
	message: string;                        // English
	id?: string | null;                     // the message a failed apply was worded from, if splitwg worded it
	args?: Arg[] | null;
	enabled: boolean;
	config_hash: string | null;             // of /etc/config/splitwg as applied
	hashes: { [part: string]: string };     // nft, dnsmasq, network, firewall, dhcp
	clients: { [name: string]: ClientPath } | null;
	sets?: SetState[] | null;               // the applied plan's nft sets (nftTransition)
	dnsmasq_dirs?: string[] | null;         // conf-dirs our file was written to
	table?: TableState | null;              // of the applied table's model (doctor, status, stats)
	view?: AppliedView | null;              // status
	lists?: { [path: string]: string } | null;   // the list files applied: path → content hash (status tells an edit)
}

const STATE_FILE = `${PATHS.state}/state.json`;
const LOCK_DIR = `${PATHS.state}/lock`;
const LOCK_STALE = 300;   // seconds: an apply never takes this long; a leftover lock is from a crash

// djb2 over the bytes, kept below 2^32 so ucode (64-bit ints) and Node
// (doubles) compute the same value. Line by line: short strings keep ord()
// cheap where strings are not byte arrays (the Node shim).
export function hash(s: string): string {
	let h = 5381;
	const lines = split(s, '\n');
	for (let l = 0; l < length(lines); l++) {
		const line = lines[l];
		const n = length(line) as number;
		for (let i = 0; i < n; i++) h = (h * 33 + (ord(line, i) as number)) % 4294967296;
		h = (h * 33 + 10) % 4294967296;
	}
	return sprintf('%08x', h);
}

// What status and doctor compare with the last apply, taken the same way by
// apply: digests (C speed) where the platform gives them, else the hash of
// the text. `sections`: the config as read, asked for only without a digest.
// (Of the committed file: uncommitted changes are env.uci.changes().)
export function configFingerprint(env: Env, sections: () => UciSection[]): string {
	return env.configDigest('splitwg') ?? hash(renderUci(sections()));
}

// null: the file is missing or unreadable
export function fileFingerprint(env: Env, path: string): string | null {
	const d = env.fs.digest(path);
	if (d !== null) return d;
	const text = env.fs.read(path);
	return text === null ? null : hash(text);
}

// A part the last apply wrote no file for ('': this version; the hash of
// the empty text: a state written before digests).
export function noFile(h: string | null): boolean {
	return h === null || h === '' || h === hash('');
}

// A file of ours replaced whole (written beside it, then renamed over it):
// a reader sees the old one or the new one, never half.
export function putFile(env: Env, path: string, text: string): boolean {
	env.fs.mkdirp(substr(path, 0, rindex(path, '/')));
	return env.fs.write(`${path}.tmp`, text) && env.fs.rename(`${path}.tmp`, path);
}

// A JSON object of ours; null when missing, empty or not an object.
export function readJson(env: Env, path: string): any {
	const text = env.fs.read(path);
	if (text === null || text === '') return null;
	let v: any = null;
	try { v = json(text); } catch { v = null; }
	return type(v) === 'object' ? v : null;
}

export function readState(env: Env): ApplyState | null {
	return readJson(env, STATE_FILE) as ApplyState | null;
}

export function writeState(env: Env, st: ApplyState): boolean {
	return putFile(env, STATE_FILE, sprintf('%J\n', st));
}

// The last successful state with this attempt's outcome on top: a failed
// apply leaves the previous working state in force, and says so.
// `why`: a message, or a text splitwg did not word (a command's output).
export function recordFailure(env: Env, why: Msg | string): void {
	const prev = readState(env);
	const base: ApplyState = prev ?? { ok: false, time: 0, message: '', enabled: false, config_hash: null, hashes: {}, clients: null, sets: null };
	const m = isMsg(why) ? why as Msg : null;
	writeState(env, { ...base, ok: false, time: env.now(), message: m ? format(m) : why as string, id: m ? m.id : null, args: m ? m.args : null });
}

export function lock(env: Env): boolean {
	env.fs.mkdirp(PATHS.state);
	if (env.fs.mkdir(LOCK_DIR)) {
		env.fs.write(`${LOCK_DIR}/time`, `${env.now()}\n`);
		return true;
	}
	const t = int(trim(env.fs.read(`${LOCK_DIR}/time`) ?? '0'));
	if (env.now() - t < LOCK_STALE) return false;
	unlock(env);
	return lock(env);
}

// An apply holds the lock now (a stale one, from a crash, does not count).
export function applyRunning(env: Env): boolean {
	const t = env.fs.read(`${LOCK_DIR}/time`);
	return t !== null && env.now() - int(trim(t)) < LOCK_STALE;
}

export function unlock(env: Env): void {
	env.fs.unlink(`${LOCK_DIR}/time`);
	env.fs.rmdir(LOCK_DIR);
}
