// The ucode type model: which type a JS value is in ucode's eyes, its
// truthiness, ordering (ucv_compare) and equality (uniq/index) rules.
/* eslint-disable @typescript-eslint/no-explicit-any */

import { isAscii, toB } from './bytes';
import { doubleGet, isIntNum, toNumV } from './numbers';

type Fn = (...args: any[]) => any;

export type UcTypeName = 'int' | 'double' | 'string' | 'bool' | 'array' | 'object' | 'function' | 'regexp';

export function isRegExp(v: unknown): v is RegExp {
	return v instanceof RegExp;
}

export function ucTypeOf(v: unknown): UcTypeName | null {
	switch (typeof v) {
	case 'undefined': return null;
	case 'boolean': return 'bool';
	case 'string': return 'string';
	case 'number': return isIntNum(v) ? 'int' : 'double';
	case 'bigint': return 'int';
	case 'function': return 'function';
	case 'object':
		if (v === null) return null;
		if (Array.isArray(v)) return 'array';
		if (isRegExp(v)) return 'regexp';
		return 'object';
	default: return 'object';
	}
}

/** ucv_is_truish() */
export function truish(v: unknown): boolean {
	switch (typeof v) {
	case 'undefined': return false;
	case 'boolean': return v;
	case 'number': return v !== 0 && !Number.isNaN(v);
	case 'bigint': return v !== 0n;
	case 'string': return v.length > 0;
	case 'object': return v !== null;
	default: return true;
	}
}

function isScalar(v: unknown): boolean {
	const t = ucTypeOf(v);
	return t === null || t === 'int' || t === 'double' || t === 'string' || t === 'bool';
}

/** byte-wise strcmp-like comparison of two JS strings */
export function cmpBytes(a: string, b: string): number {
	if (isAscii(a) && isAscii(b)) return a < b ? -1 : a > b ? 1 : 0;
	const x = toB(a), y = toB(b);
	return x < y ? -1 : x > y ? 1 : 0;
}

/** ucv_compare(): returns delta (-1, 0, 1) or 2 when not comparable (NaN) */
export function ucCompare(v1: unknown, v2: unknown): number {
	const t1 = ucTypeOf(v1), t2 = ucTypeOf(v2);
	if (t1 === 'string' && t2 === 'string') return cmpBytes(v1 as string, v2 as string);
	if (t1 === t2 && !isScalar(v1)) return v1 === v2 ? 0 : 2;
	const n1 = toNumV(v1), n2 = toNumV(v2);
	if (n1 === null || n2 === null) return 2;
	if ('d' in n1 || 'd' in n2) {
		const d1 = doubleGet(n1), d2 = doubleGet(n2);
		return d1 === d2 ? 0 : d1 < d2 ? -1 : 1;
	}
	return n1.i === n2.i ? 0 : n1.i < n2.i ? -1 : 1;
}

/** uc_uniq_ucv_equal(): identity for non-scalars, type-strict equality for scalars, NaN == NaN */
export function uniqEqual(a: unknown, b: unknown): boolean {
	if (!isScalar(a) && !isScalar(b)) return a === b;
	const ta = ucTypeOf(a), tb = ucTypeOf(b);
	if (ta !== tb) return false;
	if (ta === null) return true;
	if (ta === 'double' && Number.isNaN(a) && Number.isNaN(b)) return true;
	if (typeof a === 'bigint' || typeof b === 'bigint') return BigInt(a as any) === BigInt(b as any);
	return a === b;
}

export function isArr(v: unknown): v is unknown[] {
	return Array.isArray(v);
}

export function isObj(v: unknown): v is { [k: string]: unknown } {
	return ucTypeOf(v) === 'object';
}

export function isCallable(v: unknown): v is Fn {
	return typeof v === 'function';
}
