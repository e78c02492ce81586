// IPv4/IPv6 addresses and prefixes, parsed with ucode's iptoarr() so the
// router and Node agree byte for byte on what is a valid address.

import { isMsg, msg } from './messages';
import type { Msg } from './messages';
import type { Bad } from './values';

// regexes as module constants: ucode compiles a literal each time it is evaluated
// no leading zero: "/024" is a typo, and the text goes to netifd as written
const PREFIX_LEN = /^(0|[1-9][0-9]{0,2})$/;

export type Family = 4 | 6;

export interface Prefix {
	family: Family;
	bytes: number[];   // network address (host bits cleared)
	len: number;       // prefix length
	text: string;      // canonical "addr/len" (or "addr" for a host prefix)
	host: boolean;     // true when the input had host bits set (a single address)
}

const V4_RE = /^[0-9]{1,3}\.[0-9]{1,3}\.[0-9]{1,3}\.[0-9]{1,3}$/;
const V4_LEADING_ZERO = /(^|\.)0[0-9]/;
// the common case, a dotted quad with an optional length, both without
// leading zeros, in one match (1: the address, 7: the length)
const V4_PREFIX = /^((0|[1-9][0-9]{0,2})\.(0|[1-9][0-9]{0,2})\.(0|[1-9][0-9]{0,2})\.(0|[1-9][0-9]{0,2}))(\/(0|[1-9][0-9]?))?$/;
const V6_RE = /^[0-9a-fA-F:.]+$/;

// Strict address parse: iptoarr() alone accepts some forms (e.g. "1") that
// nft and dnsmasq would read differently, so the shape is checked first.
// (Two regexes, not a split and a loop: this runs once per CIDR of every
// rule, and under ucode each builtin call costs about as much as a match.)
export function parseAddress(s: string): { family: Family, bytes: number[] } | null {
	if (type(s) !== 'string') return null;
	if (match(s, V4_RE)) {
		if (match(s, V4_LEADING_ZERO)) return null;
		const b = iptoarr(s);
		return b ? { family: 4, bytes: b } : null;
	}
	if (index(s, ':') >= 0 && match(s, V6_RE)) {
		const b = iptoarr(s);
		return b && length(b) === 16 ? { family: 6, bytes: b } : null;
	}
	return null;
}

export function maskBytes(bytes: number[], len: number): number[] {
	const out: number[] = [];
	for (let i = 0; i < length(bytes); i++) {
		const bits = len - i * 8;
		if (bits >= 8) push(out, bytes[i]);
		else if (bits <= 0) push(out, 0);
		else push(out, bytes[i] & ((0xff << (8 - bits)) & 0xff));
	}
	return out;
}

function sameBytes(a: number[], b: number[]): boolean {
	if (length(a) !== length(b)) return false;
	for (let i = 0; i < length(a); i++) if (a[i] !== b[i]) return false;
	return true;
}

// No bit of `bytes` past the first `len` is set (checked in place: no
// masked copy to allocate and compare).
function hostBitsClear(bytes: number[], len: number): boolean {
	const n = length(bytes) as number;
	const i = len >> 3;
	if (i < n && (bytes[i] & (0xff >> (len & 7)))) return false;
	for (let j = i + 1; j < n; j++) if (bytes[j]) return false;
	return true;
}

// "192.0.2.0/24", "2001:db8::/32", or a bare address (= /32 or /128).
// Host bits set under a shorter prefix ("10.0.0.1/24") are an error: nft
// rejects them in sets, and a typo there usually means a wrong mask.
export function parsePrefix(s: string): Prefix | Msg {
	if (type(s) !== 'string' || s === '') return msg('empty');
	const m = match(s, V4_PREFIX) as string[] | null;
	// m[0] === s: ucode HEAD's ^…$ also match one line of a multi-line value
	if (m && m[0] === s) {
		const b = iptoarr(m[1]) as number[] | null;
		const n = m[7] ? int(m[7]) : 32;
		if (b && n <= 32 && (n === 32 || hostBitsClear(b, n))) return { family: 4, bytes: b, len: n, text: n === 32 ? m[1] : s, host: n === 32 };
		// else the general path says what is wrong
	}
	const parts = split(s, '/');
	if (length(parts) > 2) return msg('not_prefix', [s]);
	const a = parseAddress(parts[0]);
	if (!a) return msg('not_ip_or_prefix', [s]);
	const max = a.family === 4 ? 32 : 128;
	let len = max;
	if (length(parts) === 2) {
		if (!match(parts[1], PREFIX_LEN)) return msg('bad_prefix_len', [s]);
		len = int(parts[1]);
		if (len > max) return msg('prefix_len_max', [s, max]);
	}
	if (len !== max && !hostBitsClear(a.bytes, len)) return msg('host_bits', [s, `${arrtoip(maskBytes(a.bytes, len))}/${len}`]);
	// a dotted quad without leading zeros (parseAddress) is its own canonical
	// text, and so is a prefix length without them (PREFIX_LEN)
	if (a.family === 4) return { family: 4, bytes: a.bytes, len, text: len === max ? parts[0] : s, host: len === max };
	const addr = arrtoip(a.bytes) as string;
	return { family: a.family, bytes: a.bytes, len, text: len === max ? addr : `${addr}/${len}`, host: len === max };
}

// A destination prefix's canonical text filed into its family's list (once:
// `seen`), or what is wrong with it: what a rule keeps of each of its (maybe
// 100,000) CIDRs. The common case, a dotted quad with an optional length,
// takes no regex and no object here (under ucode a builtin call costs
// thousands of instructions): inet_pton() through iptoarr() is strict (four
// decimal octets, no leading zeros), and a length that reads back as
// itself has no sign, space or leading zero.
export function addPrefix(s: string, v4: string[], v6: string[], seen: { [text: string]: boolean }): Msg | null {
	const slash = index(s, '/');
	const b = iptoarr(slash < 0 ? s : substr(s, 0, slash)) as number[] | null;
	let t: string | null = null;
	if (b && length(b) === 4) {
		if (slash < 0) t = s;
		else {
			const ls = substr(s, slash + 1), n = int(ls);
			if (`${n}` === ls && n <= 32) {
				let clear = n === 32 || !(b[n >> 3] & (0xff >> (n & 7)));
				for (let j = (n >> 3) + 1; clear && j < 4; j++) if (b[j]) clear = false;
				if (clear) t = n === 32 ? substr(s, 0, slash) : s;
			}
		}
	}
	let family = 4;
	if (t === null) {
		const p = parsePrefix(s);
		if (isMsg(p)) return p as Msg;
		t = (p as Prefix).text;
		family = (p as Prefix).family;
	}
	if (!seen[t]) { seen[t] = true; push(family === 4 ? v4 : v6, t); }
	return null;
}

// The canonical text of a destination prefix, or what is wrong with it.
export function prefixText(s: string): string | Msg {
	const v: string[] = [];
	const e = addPrefix(s, v, v, {});
	return e ?? v[0];
}

// An interface address: host address with the prefix of its subnet
// ("10.77.0.1/24"); host bits are expected here.
export function parseInterfaceAddress(s: string): { family: Family, bytes: number[], len: number, address: string } | Msg {
	if (type(s) !== 'string' || s === '') return msg('empty');
	const parts = split(s, '/');
	const a = length(parts) <= 2 ? parseAddress(parts[0]) : null;
	if (!a) return msg('not_address_prefix', [s]);
	const max = a.family === 4 ? 32 : 128;
	let len = max;
	if (length(parts) === 2) {
		if (!match(parts[1], PREFIX_LEN) || int(parts[1]) > max) return msg('bad_prefix_len', [s]);
		len = int(parts[1]);
	}
	return { family: a.family, bytes: a.bytes, len, address: arrtoip(a.bytes) as string };
}

export function prefixContains(p: Prefix, bytes: number[]): boolean {
	return length(p.bytes) === length(bytes) && sameBytes(maskBytes(bytes, p.len), p.bytes);
}

export function prefixesOverlap(a: Prefix, b: Prefix): boolean {
	if (a.family !== b.family) return false;
	const len = a.len < b.len ? a.len : b.len;
	return sameBytes(maskBytes(a.bytes, len), maskBytes(b.bytes, len));
}

// The subnet an interface address sits in ("10.77.0.1/24" → 10.77.0.0/24).
export function interfaceNetwork(s: string): Prefix | null {
	const a = parseInterfaceAddress(s);
	if (isMsg(a)) return null;
	const ia = a as { family: Family, bytes: number[], len: number };
	const net = maskBytes(ia.bytes, ia.len);
	const max = ia.family === 4 ? 32 : 128;
	const addr = arrtoip(net) as string;
	return { family: ia.family, bytes: net, len: ia.len, text: ia.len === max ? addr : `${addr}/${ia.len}`, host: ia.len === max };
}

// A single address (a DNS server), not a prefix.
export function badIpAddress(v: string): Bad {
	const p = parsePrefix(v);
	return isMsg(p) || !(p as Prefix).host ? msg('not_ip', [v]) : null;
}

// The validators of the options that hold prefixes and interface addresses.
export function badPrefix(v: string): Bad {
	const p = parsePrefix(v);
	return isMsg(p) ? p as Msg : null;
}

export function badInterfaceAddress(v: string): Bad {
	const a = parseInterfaceAddress(v);
	return isMsg(a) ? a as Msg : null;
}
