// Array and object builtins with ucode's results: push() returns the value,
// map() passes the index, sort() compares numbers as numbers and strings
// byte-wise, keys()/values() of an array are null.

import { compare, same, type } from './values';

export function push<T>(arr?: T[], ...values: T[]): T | null {
	if (!Array.isArray(arr)) return null;
	for (const v of values) arr[arr.length] = v;
	return values.length ? values[values.length - 1] : null;
}

export function filter(arr?: unknown, fn?: (v: unknown, i: number, a: unknown[]) => unknown): unknown[] | null {
	return Array.isArray(arr) && fn ? arr.filter((v, i) => fn(v, i, arr)) : null;
}

export function map(arr?: unknown, fn?: (v: unknown, i: number, a: unknown[]) => unknown): unknown[] | null {
	return Array.isArray(arr) && fn ? arr.map((v, i) => fn(v, i, arr) ?? null) : null;
}

export function slice(arr?: unknown, start?: number | null, end?: number | null): unknown[] | null {
	return Array.isArray(arr) ? arr.slice(start ?? 0, end ?? arr.length) : null;
}

export function uniq(arr?: unknown): unknown[] | null {
	if (!Array.isArray(arr)) return null;
	const out: unknown[] = [];
	for (const v of arr) if (!out.some((w) => same(v, w))) out.push(v ?? null);
	return out;
}

function order(a: unknown, b: unknown): number {
	const num = (v: unknown) => typeof v === 'number';
	return num(a) && num(b) ? compare(a, b) : compare(`${a}`, `${b}`);
}

// ucode sorts with qsort_r, unstable on musl: the core sorts only lists
// without equal elements, so JS's stable sort gives the same order.
export function sort(val?: unknown, cmp?: (...a: any[]) => unknown): unknown {
	const by = (a: unknown, b: unknown, va?: unknown, vb?: unknown) => cmp ? compare(cmp(a, b, va, vb), 0) : order(a, b);
	if (Array.isArray(val)) return val.sort((a, b) => by(a, b));
	if (type(val) !== 'object') return null;
	const o = val as { [k: string]: unknown };
	const ks = Object.keys(o).sort((a, b) => by(a, b, o[a], o[b]));
	const vs = ks.map((k) => o[k]);
	for (const k of ks) delete o[k];
	ks.forEach((k, i) => { o[k] = vs[i]; });
	return o;
}

export function keys(o?: unknown): string[] | null {
	return type(o) === 'object' ? Object.keys(o as object) : null;
}

export function values(o?: unknown): unknown[] | null {
	return type(o) === 'object' ? Object.keys(o as object).map((k) => (o as { [k: string]: unknown })[k]) : null;
}

export function exists(o?: unknown, key?: unknown): boolean {
	return type(o) === 'object' && Object.prototype.hasOwnProperty.call(o, `${key}`);
}

export function min(...vs: unknown[]): unknown {
	let r: unknown = null;
	vs.forEach((v, i) => { if (!i || compare(v, r) < 0) r = v; });
	return r;
}
