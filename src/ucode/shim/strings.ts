// String builtins on bytes (see bytes.ts): length(), offsets and ord() count
// UTF-8 bytes as ucode does. length(), index() and rindex() take arrays too.

import { die, fromB, toB } from './bytes';
import { same, toStr } from './values';

export function length(x?: unknown): number | null {
	if (typeof x === 'string') return toB(x).length;
	if (Array.isArray(x)) return x.length;
	return x !== null && typeof x === 'object' ? Object.keys(x).length : null;
}

function find(stack: unknown, needle: unknown, last: boolean): number | null {
	if (Array.isArray(stack)) {
		for (let i = 0; i < stack.length; i++) {
			const k = last ? stack.length - 1 - i : i;
			if (same(stack[k], needle)) return k;
		}
		return -1;
	}
	if (typeof stack !== 'string') return null;
	if (typeof needle !== 'string') return -1;
	return last ? toB(stack).lastIndexOf(toB(needle)) : toB(stack).indexOf(toB(needle));
}

export function index(stack?: unknown, needle?: unknown): number | null { return find(stack, needle, false); }
export function rindex(stack?: unknown, needle?: unknown): number | null { return find(stack, needle, true); }

/** join(sep, arr): the separator comes first */
export function join(sep?: unknown, arr?: unknown): string | null {
	return Array.isArray(arr) ? arr.map(toStr).join(toStr(sep)) : null;
}

// substr(s, off, len): byte offsets; negative off counts from the end,
// negative len leaves bytes off the end; without len, to the end
export function substr(s?: unknown, off?: unknown, len?: unknown): string | null {
	if (typeof s !== 'string') return null;
	const b = toB(s), n = b.length;
	let o = Math.trunc(Number(off ?? 0));
	o = o < 0 ? Math.max(n + o, 0) : Math.min(o, n);
	let l = arguments.length < 3 ? n - o : Math.trunc(Number(len ?? 0));
	l = l < 0 ? Math.max(n - o + l, 0) : Math.min(l, n - o);
	return fromB(b.slice(o, o + l));
}

export function trim(s?: unknown, chars?: unknown): string | null {
	if (typeof s !== 'string') return null;
	const set = typeof chars === 'string' ? chars : ' \t\r\n';
	let a = 0, e = s.length;
	while (a < e && set.indexOf(s[a]) >= 0) a++;
	while (e > a && set.indexOf(s[e - 1]) >= 0) e--;
	return s.slice(a, e);
}

export function lc(s?: unknown): string {
	return toStr(s ?? null).replace(/[A-Z]+/g, (m) => m.toLowerCase());
}

export function uc(s?: unknown): string {
	return toStr(s ?? null).replace(/[a-z]+/g, (m) => m.toUpperCase());
}

/** chr(): ASCII only here (a lone byte >= 0x80 is no JS character) */
export function chr(...codes: number[]): string {
	for (const c of codes) if (!(c >= 0 && c < 0x80)) die(`chr(${c}): the shim makes ASCII only`);
	return String.fromCharCode(...codes);
}

export function ord(s?: unknown, off?: unknown): number | null {
	if (typeof s !== 'string') return null;
	const b = toB(s);
	let i = Math.trunc(Number(off ?? 0));
	if (i < 0) i += b.length;
	return i >= 0 && i < b.length ? b.charCodeAt(i) : null;
}
