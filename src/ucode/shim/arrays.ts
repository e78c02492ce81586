// Array builtins, with ucode's return values (push() returns the value, not
// the length; splice() the array) and sort() semantics.
/* eslint-disable @typescript-eslint/no-explicit-any */

import { raise } from './errors';
import { toInteger } from './numbers';
import { cmpBytes, isArr, isCallable, isObj, truish, ucCompare } from './values';
import { toStr } from './stringify';

export function push(arr?: unknown, ...values: unknown[]): unknown {
	if (!isArr(arr)) return null;
	for (const v of values) arr[arr.length] = v;
	return values.length ? values[values.length - 1] : null;
}

export function pop(arr?: unknown): unknown {
	if (!isArr(arr) || !arr.length) return null;
	const v = arr[arr.length - 1];
	arr.length--;
	return v === undefined ? null : v;
}

export function shift(arr?: unknown): unknown {
	if (!isArr(arr) || !arr.length) return null;
	const v = Array.prototype.shift.call(arr);
	return v === undefined ? null : v;
}

export function unshift(arr?: unknown, ...values: unknown[]): unknown {
	if (!isArr(arr)) return null;
	Array.prototype.unshift.apply(arr, values);
	return values.length ? values[values.length - 1] : null;
}

export function splice(arr?: unknown, ...rest: unknown[]): unknown {
	if (!isArr(arr)) return null;
	const nargs = rest.length + 1;
	const len = arr.length;
	let ofs = Number(toInteger(rest[0]));
	let remlen = Number(toInteger(rest[1]));
	let add: unknown[] = [];
	if (nargs === 1) { ofs = 0; remlen = len; }
	else {
		if (ofs < 0) { ofs = len + ofs; if (ofs < 0) ofs = 0; }
		else if (ofs > len) ofs = len;
		if (nargs === 2) remlen = len - ofs;
		else {
			if (remlen < 0) { remlen = len - ofs + remlen; if (remlen < 0) remlen = 0; }
			else if (remlen > len - ofs) remlen = len - ofs;
			add = rest.slice(2);
		}
	}
	Array.prototype.splice.apply(arr, [ofs, remlen].concat(add as any[]) as [number, number, ...unknown[]]);
	return arr;
}

export function slice(arr?: unknown, start?: unknown, end?: unknown): unknown[] | null {
	if (!isArr(arr)) return null;
	const len = arr.length;
	let off = start === null || start === undefined ? 0 : Number(toInteger(start));
	let e = end === null || end === undefined ? len : Number(toInteger(end));
	if (off < 0) { off = len + off; if (off < 0) off = 0; }
	else if (off > len) off = len;
	if (e < 0) { e = len + e; if (e < 0) e = 0; }
	else if (e > len) e = len;
	const res: unknown[] = [];
	while (off < e) res.push(arr[off++]);
	return res;
}

export function uniq(arr?: unknown): unknown[] | null {
	if (!isArr(arr)) return null;
	const res: unknown[] = [];
	const seen = new Set<unknown>();
	let sawNaN = false;
	for (let i = 0; i < arr.length; i++) {
		const v = arr[i] === undefined ? null : arr[i];
		const key = typeof v === 'bigint' ? Number(v) : v;
		if (typeof v === 'number' && Number.isNaN(v)) { if (sawNaN) continue; sawNaN = true; res.push(v); continue; }
		if (seen.has(key)) continue;
		seen.add(key);
		res.push(v);
	}
	return res;
}

export function filter(arr?: unknown, fn?: unknown): unknown[] | null {
	if (!isArr(arr)) return null;
	const res: unknown[] = [];
	for (let i = 0; i < arr.length; i++) {
		if (!isCallable(fn)) raise('Type error', 'left-hand side is not a function');
		if (truish(fn(arr[i], i, arr))) res.push(arr[i]);
	}
	return res;
}

export function map(arr?: unknown, fn?: unknown): unknown[] | null {
	if (!isArr(arr)) return null;
	const res: unknown[] = [];
	for (let i = 0; i < arr.length; i++) {
		if (!isCallable(fn)) raise('Type error', 'left-hand side is not a function');
		const r = fn(arr[i], i, arr);
		res.push(r === undefined ? null : r);
	}
	return res;
}

function mergeSort<T>(a: T[], cmp: (x: T, y: T) => number): T[] {
	if (a.length < 2) return a.slice();
	const mid = a.length >> 1;
	const l = mergeSort(a.slice(0, mid), cmp), r = mergeSort(a.slice(mid), cmp);
	const out: T[] = [];
	let i = 0, j = 0;
	// take from the right only when cmp(left, right) > 0: stable, and right for
	// comparators that only ever say "greater" or "not" (e.g. `a > b`)
	while (i < l.length && j < r.length) out.push(cmp(l[i], r[j]) > 0 ? r[j++] : l[i++]);
	while (i < l.length) out.push(l[i++]);
	while (j < r.length) out.push(r[j++]);
	return out;
}

function defaultCmp(v1: unknown, v2: unknown): number {
	const n1 = typeof v1 === 'number' || typeof v1 === 'bigint';
	const n2 = typeof v2 === 'number' || typeof v2 === 'bigint';
	if (n1 && n2) return ucCompare(v1, v2);
	return cmpBytes(toStr(v1), toStr(v2));
}

function cbResult(rv: unknown): number {
	return ucCompare(rv, 0);
}

export function sort(val?: unknown, fn?: unknown): unknown {
	const cmpFn = fn === null || fn === undefined ? null : fn;
	if (isArr(val)) {
		if (val.length <= 1) return val;
		const sorted = mergeSort(val.slice(), (a, b) => {
			if (!cmpFn) return defaultCmp(a, b);
			if (!isCallable(cmpFn)) raise('Type error', 'left-hand side is not a function');
			return cbResult(cmpFn(a, b));
		});
		for (let i = 0; i < sorted.length; i++) val[i] = sorted[i];
		return val;
	}
	if (isObj(val)) {
		const ks = Object.keys(val);
		if (ks.length <= 1) return val;
		const entries = ks.map((k) => [k, val[k]] as [string, unknown]);
		const sorted = mergeSort(entries, (a, b) => {
			if (!cmpFn) return cmpBytes(a[0], b[0]);
			if (!isCallable(cmpFn)) raise('Type error', 'left-hand side is not a function');
			return cbResult(cmpFn(a[0], b[0], a[1], b[1]));
		});
		for (const k of ks) delete val[k];
		for (const [k, v] of sorted) val[k] = v;
		return val;
	}
	return null;
}
