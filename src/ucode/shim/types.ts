// Type and number builtins: type(), int(), hex(), min(), max().

import { cStrtol, EINVAL, ERANGE, INT64_MAX, INT64_MIN, int64Get, isXDigitC, rawNumV, toNumV } from './numbers';
import { ucCompare, ucTypeOf } from './values';
import type { UcTypeName } from './values';

export function type(v?: unknown): UcTypeName | null {
	return ucTypeOf(v);
}

export function int(val?: unknown, base?: unknown): number {
	if (typeof val === 'string') {
		let b = 10;
		if (base !== null && base !== undefined) {
			// ucv_int64_get(base): a non-number base leaves errno = EINVAL → NaN
			const [bv, berr] = int64Get(rawNumV(base));
			if (berr === EINVAL) return NaN;
			b = Number(bv);
		}
		const r = cStrtol(val, 0, b);
		if (!r.ok) return NaN;
		if (!r.any) return NaN;
		const v = r.neg ? -r.v : r.v;
		if (v > INT64_MAX || v < INT64_MIN) return NaN;
		return Number(v);
	}
	const [n, err] = int64Get(toNumV(val));
	if (err === EINVAL || err === ERANGE) return NaN;
	return Number(n);
}

export function hex(val?: unknown): number {
	if (typeof val !== 'string' || !isXDigitC(val[0])) return NaN;
	const r = cStrtol(val, 0, 16);
	if (!r.any || r.end !== val.length) return NaN;
	const v = r.neg ? -r.v : r.v;
	return Number(v > INT64_MAX ? INT64_MAX : v);
}

function minMax(values: unknown[], wantLess: boolean): unknown {
	let rv: unknown = null;
	let set = false;
	for (const v of values) {
		const d = set ? ucCompare(v, rv) : 0;
		if (!set || (wantLess ? d === -1 : d === 1)) { set = true; rv = v; }
	}
	return rv === undefined ? null : rv;
}

export function min(...values: unknown[]): unknown { return minMax(values, true); }
export function max(...values: unknown[]): unknown { return minMax(values, false); }
