// String builtins. ucode strings are bytes: lengths, offsets and case
// mapping work on UTF-8 bytes (see bytes.ts). length(), index(), rindex() and
// reverse() also take arrays (and length() objects), as in ucode.

import { ucodeVersion } from './config';
import { byteLength, decodeBytes, fromB, HIB, isAscii, toB } from './bytes';
import { EINVAL, ERANGE, int64Get, rawNumV, toInteger, toNumV } from './numbers';
import { isArr, ucTypeOf, uniqEqual } from './values';
import { toStr } from './stringify';

export function length(x?: unknown): number | null {
	switch (ucTypeOf(x)) {
	case 'object': return Object.keys(x as object).length;
	case 'array': return (x as unknown[]).length;
	case 'string': return byteLength(x as string);
	default: return null;
	}
}

function indexCommon(stack: unknown, needle: unknown, right: boolean): number | null {
	if (isArr(stack)) {
		if (right) {
			for (let i = stack.length; i > 0; i--) if (uniqEqual(stack[i - 1], needle)) return i - 1;
		}
		else {
			for (let i = 0; i < stack.length; i++) if (uniqEqual(stack[i], needle)) return i;
		}
		return -1;
	}
	if (typeof stack === 'string') {
		if (typeof needle !== 'string') return -1;
		const sb = toB(stack), nb = toB(needle);
		if (sb.length < nb.length) return -1;
		if (!right) return sb.indexOf(nb);
		const k = sb.lastIndexOf(nb);
		// v0.0.20250529 never looked at offset 0 (unless both lengths are equal)
		if (k === 0 && ucodeVersion !== 'snapshot' && sb.length > nb.length && nb.length > 0) return -1;
		return k;
	}
	return null;
}

export function index(stack?: unknown, needle?: unknown): number | null {
	return indexCommon(stack, needle, false);
}

export function rindex(stack?: unknown, needle?: unknown): number | null {
	return indexCommon(stack, needle, true);
}

export function reverse(v?: unknown): unknown {
	if (isArr(v)) {
		const res: unknown[] = [];
		for (let i = v.length; i > 0; i--) res.push(v[i - 1]);
		return res;
	}
	if (typeof v === 'string') {
		if (isAscii(v)) return cutNul(v.split('').reverse().join(''));
		return cutNul(fromB(toB(v).split('').reverse().join('')));
	}
	return null;
}

/** join(sep, arr) — note the argument order */
export function join(sep?: unknown, arr?: unknown): string | null {
	if (!isArr(arr)) return null;
	const s = toStr(sep);
	let out = '';
	for (let i = 0; i < arr.length; i++) {
		if (i) out += s;
		out += toStr(arr[i]);
	}
	return out;
}

export function substr(str?: unknown, ...rest: unknown[]): string | null {
	if (typeof str !== 'string') return null;
	const nargs = rest.length + 1;
	const sb = toB(str);
	const len = sb.length;
	let ofs = Number(toInteger(rest[0]));
	let sublen = Number(toInteger(rest[1]));
	if (nargs === 1) { ofs = 0; sublen = len; }
	else {
		if (ofs < 0) { ofs = len + ofs; if (ofs < 0) ofs = 0; }
		else if (ofs > len) ofs = len;
		if (nargs === 2) sublen = len - ofs;
		else if (sublen < 0) { sublen = len - ofs + sublen; if (sublen < 0) sublen = 0; }
		else if (sublen > len - ofs) sublen = len - ofs;
	}
	return fromB(sb.slice(ofs, ofs + sublen));
}

function trimCommon(str: unknown, chars: unknown, start: boolean, end: boolean): string | null {
	if (typeof str !== 'string' || (chars !== null && chars !== undefined && typeof chars !== 'string')) return null;
	const set = toB(typeof chars === 'string' ? chars : ' \t\r\n');
	const sb = toB(str);
	let a = 0, b = sb.length;
	if (start) while (a < b && sb[a] !== '\0' && set.indexOf(sb[a]) >= 0) a++;
	if (end) while (b > a && (sb[b - 1] === '\0' || set.indexOf(sb[b - 1]) >= 0)) b--;
	return fromB(sb.slice(a, b));
}

export function trim(str?: unknown, chars?: unknown): string | null { return trimCommon(str, chars, true, true); }
export function ltrim(str?: unknown, chars?: unknown): string | null { return trimCommon(str, chars, true, false); }
export function rtrim(str?: unknown, chars?: unknown): string | null { return trimCommon(str, chars, false, true); }

/** the release cut strings at the first NUL byte where the snapshot keeps them whole */
function cutNul(s: string): string {
	const k = ucodeVersion === 'snapshot' ? -1 : s.indexOf('\0');
	return k < 0 ? s : s.slice(0, k);
}

export function uc(v?: unknown): string {
	return cutNul(toStr(v === undefined ? null : v)).replace(/[a-z]+/g, (m) => m.toUpperCase());
}

export function lc(v?: unknown): string {
	return cutNul(toStr(v === undefined ? null : v)).replace(/[A-Z]+/g, (m) => m.toLowerCase());
}

export function chr(...codes: unknown[]): string {
	const bytes: number[] = [];
	for (const c of codes) {
		const n = toInteger(c);
		bytes.push(n < 0n ? 0 : n > 255n ? 255 : Number(n));
	}
	return decodeBytes(bytes);
}

export function uchr(...codes: unknown[]): string {
	let out = '';
	for (const c of codes) {
		const [n, err] = int64Get(toNumV(c));
		let cp = Number(n);
		if (err === EINVAL || err === ERANGE || n < 0n || n > 0x10ffffn) cp = 0xfffd;
		if (cp >= 0xd800 && cp <= 0xdfff) out += decodeBytes([0xe0 | (cp >> 12), 0x80 | ((cp >> 6) & 63), 0x80 | (cp & 63)]);
		else out += String.fromCodePoint(cp);
	}
	return out;
}

export function ord(str?: unknown, ...rest: unknown[]): number | null {
	if (typeof str !== 'string') return null;
	const sb = toB(str);
	let n = 0;
	if (rest.length) {
		const [v, err] = int64Get(rawNumV(rest[0]));
		if (err === EINVAL) return null;
		n = Number(v);
		if (n < 0) n += sb.length;
	}
	if (n < 0 || n >= sb.length) return null;
	const c = sb.charCodeAt(n);
	return c < 0x80 ? c : c - HIB;
}
