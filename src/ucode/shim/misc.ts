// Numbers, JSON, time and addresses: int() parses like C's strtoll, json()
// is JSON.parse (ucode's json-c is laxer: the core reads only JSON that
// programs wrote), time is the local clock, iptoarr()/arrtoip() are
// inet_pton()/inet_ntop() as musl (OpenWrt) writes IPv6.

import { die } from './bytes';

const DIGITS = '0123456789abcdefghijklmnopqrstuvwxyz';
// (constants: LuCI's jsmin reads a regex after `=>` as a division, test/build/jsmin.test.ts)
const OCTET = /^(0|[1-9][0-9]{0,2})$/;
const HEXTET = /^[0-9a-fA-F]{1,4}$/;

/** int(): numbers truncate; strings parse like strtoll (space, sign, 0x with base 16/0, trailing junk ignored) */
export function int(v?: unknown, base?: number): number {
	if (typeof v !== 'string') return typeof v === 'number' ? Math.trunc(v) : v === true ? 1 : v == null || v === false ? 0 : NaN;
	let b = base ?? 10;
	const m = /^[ \t\n\v\f\r]*([+-]?)(0[xX](?=[0-9a-fA-F]))?(.*)$/s.exec(v) as RegExpExecArray;
	let rest = m[3];
	if (m[2] && b !== 16 && b !== 0) rest = '0' + m[2].slice(1) + rest;
	else if (m[2]) b = 16;
	else if (b === 0) b = rest[0] === '0' ? 8 : 10;
	let n = 0, k = 0;
	for (; k < rest.length; k++) {
		const d = DIGITS.indexOf(rest[k].toLowerCase());
		if (d < 0 || d >= b) break;
		n = n * b + d;
	}
	return k ? (m[1] === '-' ? -n : n) : NaN;
}

/** hex(): a whole hexadecimal string ("ff", "0xff"), else NaN */
export function hex(s?: unknown): number {
	return typeof s === 'string' && /^(0[xX])?[0-9a-fA-F]+$/.test(s) ? parseInt(s, 16) : NaN;
}

export function json(s?: unknown): unknown {
	try {
		return JSON.parse(`${s}`);
	} catch (e) {
		return die(`json(): ${(e as Error).message}`);
	}
}

export function time(): number {
	return Math.floor(Date.now() / 1000);
}

/** localtime(): mon 1..12, the full year, wday 1..7 with Sunday = 7, yday 1..366 */
export function localtime(t?: number) {
	const d = new Date((t ?? time()) * 1000);
	const year = d.getFullYear(), jan = new Date(year, 0, 1), jul = new Date(year, 6, 1);
	return {
		sec: d.getSeconds(), min: d.getMinutes(), hour: d.getHours(),
		mday: d.getDate(), mon: d.getMonth() + 1, year, wday: d.getDay() || 7,
		yday: Math.round((Date.UTC(year, d.getMonth(), d.getDate()) - Date.UTC(year, 0, 1)) / 86400000) + 1,
		isdst: d.getTimezoneOffset() < Math.max(jan.getTimezoneOffset(), jul.getTimezoneOffset()) ? 1 : 0,
	};
}

function pton4(s: string): number[] | null {
	const p = s.split('.');
	return p.length === 4 && p.every((x) => OCTET.test(x) && +x < 256) ? p.map(Number) : null;
}

function pton6(s: string): number[] | null {
	if (!/^[0-9a-fA-F:.]+$/.test(s)) return null;
	let v4: number[] | null = null, str = s;
	if (s.indexOf('.') >= 0) {
		const c = s.lastIndexOf(':');
		if (c < 0 || !(v4 = pton4(s.slice(c + 1)))) return null;
		str = s.slice(0, c + 1) + '0:0';
		if (c > 0 && s[c - 1] !== ':' && str.split(':').length < 8 && str.indexOf('::') < 0) return null;
	}
	const dbl = str.indexOf('::');
	if (dbl >= 0 && str.indexOf('::', dbl + 1) >= 0) return null;
	const head = dbl < 0 ? str.split(':') : dbl > 0 ? str.slice(0, dbl).split(':') : [];
	const tail = dbl >= 0 && dbl + 2 < str.length ? str.slice(dbl + 2).split(':') : [];
	if (dbl < 0 ? head.length !== 8 : head.length + tail.length > 7) return null;
	if (!head.concat(tail).every((g) => HEXTET.test(g))) return null;
	const words = head.concat(Array(8 - head.length - tail.length).fill('0'), tail).map((g) => parseInt(g, 16));
	const bytes = ([] as number[]).concat(...words.map((w) => [w >> 8, w & 255]));
	if (v4) bytes.splice(12, 4, ...v4);
	return bytes;
}

export function iptoarr(ip?: unknown): number[] | null {
	return typeof ip === 'string' ? pton6(ip) || pton4(ip) : null;
}

// musl's inet_ntop: the longest run of zero words (more than one) becomes
// "::", the first of equal runs wins; v4-mapped addresses end in dotted form
function ntop6(b: number[]): string {
	const w = [0, 1, 2, 3, 4, 5, 6, 7].map((i) => (b[2 * i] * 256 + b[2 * i + 1]).toString(16));
	let buf = b.slice(0, 10).every((x) => x === 0) && b[10] === 255 && b[11] === 255
		? w.slice(0, 6).join(':') + ':' + b.slice(12).join('.') : w.join(':');
	let best = 0, max = 2;
	for (let i = 0; i < buf.length; i++) {
		if (i && buf[i] !== ':') continue;
		let j = 0;
		while (i + j < buf.length && (buf[i + j] === ':' || buf[i + j] === '0')) j++;
		if (j > max + (best === 0 ? 1 : 0)) { best = i; max = j; }
	}
	if (max > 3) buf = buf.slice(0, best) + '::' + buf.slice(best + max);
	return buf;
}

export function arrtoip(a?: unknown): string | null {
	if (!Array.isArray(a) || (a.length !== 4 && a.length !== 16)) return null;
	if (!a.every((v) => Number.isInteger(v) && v >= 0 && v <= 255)) return null;
	return a.length === 4 ? a.join('.') : ntop6(a);
}
