// WireGuard through the `wg` tool: key pairs, and the live peer table of an
// interface. The interface line of `wg show … dump` holds the private key:
// it is skipped here and never leaves this file.
import type { Env, RunResult } from './env';
import { firstLine } from './env';
import { badKey } from './core';

// regexes as module constants: ucode compiles a literal each time it is evaluated
const DIGITS = /^[0-9]+$/;

export interface WgPeer {
	public_key: string;
	endpoint: string | null;
	allowed_ips: string[];
	latest_handshake: number;   // seconds since the epoch, 0 = never
	rx: number;
	tx: number;
	keepalive: number | null;
}

// Never echo stdout here: it would be a key.
function keyError(r: RunResult, cmd: string): string {
	const e = firstLine(r.stderr);
	return `${cmd} failed (exit ${r.code})${e ? ': ' + e : ''}`;
}

export function pubkey(env: Env, privateKey: string): string | { error: string } {
	const r = env.run(['wg', 'pubkey'], privateKey);
	const k = trim(r.stdout);
	if (r.code !== 0 || badKey(k) !== null) return { error: keyError(r, 'wg pubkey') };
	return k;
}

export function genkey(env: Env): { private_key: string, public_key: string } | { error: string } {
	const r = env.run(['wg', 'genkey']);
	const priv = trim(r.stdout);
	if (r.code !== 0 || badKey(priv) !== null) return { error: keyError(r, 'wg genkey') };
	const pub = pubkey(env, priv);
	if (type(pub) !== 'string') return pub as { error: string };
	return { private_key: priv, public_key: pub as string };
}

function num(s: string): number {
	return match(s, DIGITS) ? int(s) : 0;
}

// Peer lines: public-key preshared-key endpoint allowed-ips
// latest-handshake transfer-rx transfer-tx persistent-keepalive (tabs).
export function parseDump(text: string): WgPeer[] {
	const out: WgPeer[] = [];
	const lines = split(text, '\n');
	for (let i = 1; i < length(lines); i++) {
		const f = split(lines[i], '\t');
		if (length(f) < 8) continue;
		push(out, {
			public_key: f[0],
			endpoint: f[2] === '(none)' ? null : f[2],
			allowed_ips: f[3] === '(none)' ? [] : split(f[3], ','),
			latest_handshake: num(f[4]),
			rx: num(f[5]),
			tx: num(f[6]),
			keepalive: f[7] === 'off' ? null : num(f[7]),
		});
	}
	return out;
}

// Every WireGuard interface's peers (`wg show all dump`: the same lines,
// each after its interface's name; an interface's own line has 5 fields),
// one command for all of them; null when wg fails.
export function allPeers(env: Env): { [iface: string]: WgPeer[] } | null {
	const r = env.run(['wg', 'show', 'all', 'dump']);
	if (r.code !== 0) return null;
	const by: { [iface: string]: string[] } = {};
	const lines = split(r.stdout, '\n');
	for (let i = 0; i < length(lines); i++) {
		const tab = index(lines[i], '\t');
		if (tab <= 0) continue;
		const iface = substr(lines[i], 0, tab);
		by[iface] ??= ['(interface)'];
		push(by[iface], substr(lines[i], tab + 1));
	}
	const out: { [iface: string]: WgPeer[] } = {};
	for (let n in by) out[n] = parseDump(join('\n', by[n]));
	return out;
}

// null when the interface does not exist (down, or not created yet).
export function peers(env: Env, iface: string): WgPeer[] | null {
	const r = env.run(['wg', 'show', iface, 'dump']);
	return r.code === 0 ? parseDump(r.stdout) : null;
}
