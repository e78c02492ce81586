// ucode's number model on top of JS numbers: which numbers count as "int",
// and ucv_to_number()/ucv_int64_get() with C's strtol/strtod parsing, which
// int(), printf's %d, chr(), sleep()… all go through. Integer results are
// bigints so that int64/uint64 clamping and errno reporting match C exactly.

const TWO63N = -(2 ** 63), TWO64P = 2 ** 64;

export function isIntNum(v: number): boolean {
	return Number.isInteger(v) && v >= TWO63N && v < TWO64P;
}

export function intToString(v: number | bigint): string {
	if (typeof v === 'bigint') return v.toString();
	return Number.isSafeInteger(v) ? String(v === 0 ? 0 : v) : BigInt(v).toString();
}

export const INT64_MAX = (1n << 63n) - 1n;
export const INT64_MIN = -(1n << 63n);
export const UINT64_MAX = (1n << 64n) - 1n;
const TWO63 = 2 ** 63, TWO64 = 2 ** 64;

/** result of ucv_to_number(): an integer (bigint, int64 or uint64 range) or a double; null = NaN / not convertible */
type NumV = { i: bigint } | { d: number } | null;

export function isSpaceC(c: string | undefined): boolean {
	return c === ' ' || c === '\t' || c === '\n' || c === '\v' || c === '\f' || c === '\r';
}

export function isXDigitC(c: string | undefined): boolean {
	return c !== undefined && /^[0-9a-fA-F]$/.test(c);
}

export function digitVal(c: string | undefined): number {
	if (c === undefined) return 99;
	const n = c.charCodeAt(0);
	if (n >= 48 && n <= 57) return n - 48;
	if (n >= 97 && n <= 122) return n - 87;
	if (n >= 65 && n <= 90) return n - 55;
	return 99;
}

/** C strtoull/strtoll core: returns [value (unbounded, signed), end index, overflow?, valid base?] */
export function cStrtol(s: string, start: number, base: number): { v: bigint; end: number; any: boolean; neg: boolean; ok: boolean } {
	let p = start;
	if (base !== 0 && (base < 2 || base > 36)) return { v: 0n, end: start, any: false, neg: false, ok: false };
	while (isSpaceC(s[p])) p++;
	let neg = false;
	if (s[p] === '-' || s[p] === '+') { neg = s[p] === '-'; p++; }
	if ((base === 0 || base === 16) && s[p] === '0' && (s[p + 1] === 'x' || s[p + 1] === 'X') && digitVal(s[p + 2]) < 16) {
		p += 2; base = 16;
	}
	else if (base === 0) base = s[p] === '0' ? 8 : 10;
	let v = 0n, any = false;
	const B = BigInt(base);
	while (digitVal(s[p]) < base) { v = v * B + BigInt(digitVal(s[p])); p++; any = true; }
	return { v, end: any ? p : start, any, neg, ok: true };
}

/** C strtod for decimal input (what uc_number_parse can reach); returns [value, end] */
function cStrtodDec(s: string, start: number): { d: number; end: number } {
	const m = /^[ \t\n\v\f\r]*[+-]?(\d+\.?\d*(?:[eE][+-]?\d+)?|\.\d+(?:[eE][+-]?\d+)?)/.exec(s.slice(start));
	if (!m) return { d: 0, end: start };
	return { d: parseFloat(m[0].trim()), end: start + m[0].length };
}

/** uc_number_parse() from vallist.c */
export function parseUcNumber(s: string): NumV {
	let p = 0;
	while (isSpaceC(s[p])) p++;
	let neg = false;
	if (s[p] === '-') { neg = true; p++; }
	else if (s[p] === '+') p++;
	if (p < s.length && !isXDigitC(s[p])) return null;
	let base = 10;
	if (s[p] === '0') {
		const c = (s[p + 1] || '').toLowerCase();
		if (c >= '0' && c <= '7' && c.length === 1) base = 10;
		else if (c === 'x') base = 16;
		else if (c === 'b') { base = 2; p += 2; }
		else if (c === 'o') { base = 8; p += 2; }
	}
	const r = cStrtol(s, p, base);
	let end = r.end;
	let u = r.v;
	if (r.neg) u = -u;
	if (u > UINT64_MAX || u < -UINT64_MAX) u = UINT64_MAX;
	else if (u < 0n) u = (u + (1n << 64n)) & UINT64_MAX;
	if (base >= 10 && (s[end] === '.' || s[end] === 'e' || s[end] === 'E')) {
		const dr = cStrtodDec(s, p);
		end = dr.end;
		while (isSpaceC(s[end])) end++;
		if (end !== s.length) return null;
		return { d: neg ? -dr.d : dr.d };
	}
	while (isSpaceC(s[end])) end++;
	if (end !== s.length) return null;
	if (neg) return { i: u > INT64_MAX ? INT64_MIN : -u };
	return { i: u };
}

/** ucv_to_number() */
export function toNumV(v: unknown): NumV {
	switch (typeof v) {
	case 'undefined': return { i: 0n };
	case 'boolean': return { i: v ? 1n : 0n };
	case 'number':
		if (isIntNum(v)) return { i: BigInt(v) };
		if (Number.isNaN(v)) return null;
		return { d: v };
	case 'bigint': return { i: v };
	case 'string': return parseUcNumber(v);
	case 'object': return v === null ? { i: 0n } : null;
	default: return null;
	}
}

export const EOK = 0, EINVAL = 22, ERANGE = 34;

/** ucv_int64_get() on a to_number result: [value, errno] */
export function int64Get(nv: NumV): [bigint, number] {
	if (nv === null) return [0n, EINVAL];
	if ('i' in nv) {
		if (nv.i > INT64_MAX) return [INT64_MAX, ERANGE];
		if (nv.i < INT64_MIN) return [INT64_MIN, ERANGE];
		return [nv.i, EOK];
	}
	const d = nv.d;
	if (Number.isNaN(d)) return [0n, EOK];
	if (d < -TWO63) return [INT64_MIN, ERANGE];
	if (d >= TWO63) return [INT64_MAX, ERANGE];
	return [BigInt(Math.trunc(d)), EOK];
}

export function uint64Get(nv: NumV): [bigint, number] {
	if (nv === null) return [0n, EINVAL];
	if ('i' in nv) {
		if (nv.i < 0n) return [0n, ERANGE];
		if (nv.i > UINT64_MAX) return [UINT64_MAX, ERANGE];
		return [nv.i, EOK];
	}
	const d = nv.d;
	if (d < 0) return [0n, ERANGE];
	if (d >= TWO64) return [UINT64_MAX, ERANGE];
	if (Number.isNaN(d)) return [0n, EOK];
	return [BigInt(Math.trunc(d)), EOK];
}

/** ucv_int64_get()/ucv_uint64_get() applied to a raw value (no string parsing): non-numbers give EINVAL */
export function rawNumV(v: unknown): NumV {
	if (typeof v === 'number') return Number.isNaN(v) ? { d: v } : isIntNum(v) ? { i: BigInt(v) } : { d: v };
	if (typeof v === 'bigint') return { i: v };
	return null;
}

export function doubleGet(nv: NumV): number {
	if (nv === null) return NaN;
	return 'i' in nv ? Number(nv.i) : nv.d;
}

/** ucv_to_integer() */
export function toInteger(v: unknown): bigint {
	return int64Get(toNumV(v))[0];
}
