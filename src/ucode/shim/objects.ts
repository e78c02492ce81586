// Object builtins: keys, values, exists and prototypes.

import { raise } from './errors';
import { isArr, isObj } from './values';
import { toStr } from './stringify';

export function keys(obj?: unknown): string[] | null {
	return isObj(obj) ? Object.keys(obj) : null;
}

export function values(obj?: unknown): unknown[] | null {
	if (!isObj(obj)) return null;
	return Object.keys(obj).map((k) => obj[k]);
}

export function exists(obj?: unknown, key?: unknown): boolean {
	if (!isObj(obj)) return false;
	return Object.prototype.hasOwnProperty.call(obj, toStr(key === undefined ? null : key));
}

export function proto(val?: unknown, ...rest: unknown[]): unknown {
	if (!rest.length) {
		if (!isObj(val) && !isArr(val)) return null;
		const p = Object.getPrototypeOf(val);
		return p === null || p === Object.prototype || p === Array.prototype ? null : p;
	}
	const p = rest[0];
	if (!isObj(p) || (!isObj(val) && !isArr(val))) raise('Type error', 'Passed value is neither a prototype, resource or object');
	Object.setPrototypeOf(val, p);
	return val;
}
