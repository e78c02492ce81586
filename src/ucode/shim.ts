// ucode's global builtins, implemented with ucode's semantics, so that code
// written in the ucode subset of TypeScript (src/core) runs unchanged under
// Node (tests) and in browsers (LuCI views).
//
// Every function here follows jow-/ucode lib.c (and types.c for value
// stringification / JSON output), snapshot 81205a2, and was compared with a
// real ucode (test/ucode/shim.test.ts). Where a behaviour depends on the C
// library, OpenWrt's musl is followed (`setLibc('glibc')` for a desktop
// ucode); where the v0.0.20250529 release differs, see `setUcodeVersion`.
//
// Known, unavoidable divergences:
//  - JS has one number type. A number is treated as ucode "int" when it is
//    integral and within the int64/uint64 range (Number.isInteger; -0 counts
//    as int 0), otherwise as "double". So a double that happens to be
//    integral (1.0, 0.5 + 0.5, json("1e5"), the literal 1e15) is an int here:
//    type() says "int" and %J prints `1` where ucode prints `1.0`. Integers
//    beyond 2**53 lose precision (ucode ints are exact 64-bit).
//  - Strings are JS (UTF-16) strings. Byte semantics are emulated by UTF-8
//    encoding on the fly; bytes that are not valid UTF-8 are carried as lone
//    surrogates U+DC80..U+DCFF ("surrogateescape") and written back as the
//    raw bytes by print()/warn(). length(), index(), substr(), ord(), %5s
//    padding, split(s, ""), reverse(s)… therefore work on bytes like ucode.
//  - Regular expressions are translated from POSIX ERE (as ucode's lexer and
//    musl's regcomp see them) to JS and run on a byte-mapped copy of the
//    subject. POSIX leftmost-longest overall matching is emulated for
//    patterns with alternation or quantified groups (/ab|abcd/ matches
//    "abcd"), but which text each capture group gets can still differ from
//    POSIX's subexpression rules in ambiguous patterns.
//  - Object key order: JS objects list integer-like keys first, ucode keeps
//    insertion order for every key. sort(obj) cannot reorder such keys.
//  - sort() is stable here; ucode uses qsort_r (unstable on musl), so equal
//    elements, or comparators that are not a consistent order, may end up
//    differently.
//  - Objects inherit from Object.prototype in JS (o.toString is not null).
//  - json() numbers: "1.0" parses to a double in ucode, to 1 (an int) here.
//  - call() with a scope argument and loadstring() are unsupported; system()
//    needs Node (child_process).
//  - regexps: POSIX bracket negation under REG_NEWLINE, \b and friends are
//    approximated with JS's; collating elements ([.x.], [=x=]) are plain chars.

/* eslint-disable @typescript-eslint/no-explicit-any */

type Fn = (...args: any[]) => any;

// ---------------------------------------------------------------------------
// Environment hooks (output, exit); tests may replace them.

function nodeProcess(): any {
	const g: any = globalThis as any;
	return g.process && typeof g.process === 'object' ? g.process : null;
}

let browserLine: { out: string; err: string } = { out: '', err: '' };

function consoleWrite(kind: 'out' | 'err', bytes: Uint8Array): void {
	const text = decodeBytes(bytes);
	let buf = browserLine[kind] + text;
	let nl: number;
	while ((nl = buf.indexOf('\n')) >= 0) {
		const line = buf.slice(0, nl);
		if (kind === 'out') console.log(line); else console.error(line);
		buf = buf.slice(nl + 1);
	}
	browserLine[kind] = buf;
}

export interface ShimHooks {
	/** receives the bytes written by print()/printf() */
	stdout: (bytes: Uint8Array) => void;
	/** receives the bytes written by warn() */
	stderr: (bytes: Uint8Array) => void;
	/** called by exit(n); must not return */
	exit: (code: number) => never;
}

export const hooks: ShimHooks = {
	stdout(bytes) {
		const p = nodeProcess();
		if (p && p.stdout && typeof p.stdout.write === 'function') p.stdout.write(bytes);
		else consoleWrite('out', bytes);
	},
	stderr(bytes) {
		const p = nodeProcess();
		if (p && p.stderr && typeof p.stderr.write === 'function') p.stderr.write(bytes);
		else consoleWrite('err', bytes);
	},
	exit(code: number): never {
		const p = nodeProcess();
		if (p && typeof p.exit === 'function') p.exit(code);
		throw new UcodeError('Exit', 'Terminated');
	},
};

let libcFlavor: 'musl' | 'glibc' = 'musl';

/**
 * Which C library's behaviour to follow where ucode defers to it. Default
 * 'musl' (OpenWrt). Differences: arrtoip() (glibc's inet_ntop prints
 * IPv4-compatible addresses as `::1.2.3.4`, musl as `::102:304`, and breaks
 * ties between equally long zero runs differently), and regexps compiled by
 * regexp() from a string (musl: `\d` is a digit and `\n` a newline, no back
 * references; glibc: `\d` is "d", `\1` is a back reference) plus regcomp's
 * error messages. Use 'glibc' to compare with a ucode built on a desktop.
 */
export function setLibc(flavor: 'musl' | 'glibc'): void {
	libcFlavor = flavor;
}

let ucodeVersion: 'snapshot' | 'v0.0.20250529' = 'snapshot';

/**
 * Which ucode to follow where its builtins changed after the last release.
 * Default 'snapshot' (81205a2, what docs/ucode-subset.md was measured on).
 * 'v0.0.20250529' (the release tag) differs in:
 *  - the regexp `s` flag (before commit 8a8b4d1): WITHOUT `s`, `.` matches
 *    "\n" and `^`/`$` only match at the ends of the subject; WITH `s` they
 *    are line-based and `.` stops at "\n" (the snapshot is the other way round);
 *  - rindex(str, needle) never finds a match at offset 0 (-1 instead; fixed
 *    in cd2850e);
 *  - lc(), uc() and reverse() of a string cut it at the first NUL byte.
 */
export function setUcodeVersion(version: 'snapshot' | 'v0.0.20250529'): void {
	ucodeVersion = version;
}

// ---------------------------------------------------------------------------
// Exceptions

/** What ucode's `catch (e)` sees: { type, message, stacktrace }. */
export class UcodeError extends Error {
	type: string;
	stacktrace: unknown[];
	constructor(type: string, message: string) {
		super(message);
		this.name = 'UcodeError';
		this.type = type;
		this.stacktrace = [];
	}
}

function raise(type: 'Error' | 'Syntax error' | 'Type error' | 'Runtime error' | 'Reference error', msg: string): never {
	throw new UcodeError(type, msg);
}

type RegErr = 'ESUBREG' | 'EPAREN' | 'EBRACK' | 'BADRPT' | 'ERANGE' | 'ECTYPE' | 'EBRACE' | 'BADBR' | 'EESCAPE' | 'ECOLLATE';

/** regcomp() failure with regerror()'s text (musl or glibc) */
function regError(code: RegErr): never {
	const musl: { [k: string]: string } = {
		EPAREN: 'Missing \')\'', EBRACK: 'Missing \']\'', BADRPT: 'Repetition not preceded by valid expression',
		ERANGE: 'Invalid character range', ECTYPE: 'Unknown character class name', EBRACE: 'Missing \'}\'',
		BADBR: 'Invalid contents of {}', EESCAPE: 'Trailing backslash', ECOLLATE: 'Unknown collating element', ESUBREG: 'Invalid back reference',
	};
	const glibc: { [k: string]: string } = {
		EPAREN: 'Unmatched ( or \\(', EBRACK: 'Unmatched [, [^, [:, [., or [=', BADRPT: 'Invalid preceding regular expression',
		ERANGE: 'Invalid range end', ECTYPE: 'Invalid character class name', EBRACE: 'Unmatched \\{',
		BADBR: 'Invalid content of \\{\\}', EESCAPE: 'Trailing backslash', ECOLLATE: 'Invalid collation character', ESUBREG: 'Invalid back reference',
	};
	return raise('Syntax error', (libcFlavor === 'glibc' ? glibc : musl)[code]);
}

// ---------------------------------------------------------------------------
// Byte strings.
//
// A "B-string" is a JS string holding one UTF-16 unit per byte: bytes < 0x80
// as themselves, bytes >= 0x80 as U+E000+byte (private use: no case mapping,
// not matched by JS \s or \w). ASCII strings are their own B-string.

const ASCII_RE = /^[\x00-\x7f]*$/;
const HIB = 0xe000;

function isAscii(s: string): boolean {
	return ASCII_RE.test(s);
}

/** UTF-8 bytes of a JS string; lone U+DC80..U+DCFF become the raw byte. */
export function encodeBytes(s: string): Uint8Array {
	const out: number[] = [];
	for (let i = 0; i < s.length; i++) {
		const c = s.charCodeAt(i);
		if (c < 0x80) out.push(c);
		else if (c < 0x800) out.push(0xc0 | (c >> 6), 0x80 | (c & 63));
		else if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
			const cp = 0x10000 + ((c - 0xd800) << 10) + (s.charCodeAt(++i) - 0xdc00);
			out.push(0xf0 | (cp >> 18), 0x80 | ((cp >> 12) & 63), 0x80 | ((cp >> 6) & 63), 0x80 | (cp & 63));
		}
		else if (c >= 0xdc80 && c <= 0xdcff) out.push(c - 0xdc00);
		else out.push(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
	}
	return Uint8Array.from(out);
}

/** Strict UTF-8 decode; every byte of an invalid sequence becomes U+DC00+byte. */
export function decodeBytes(b: ArrayLike<number>): string {
	let out = '';
	let chunk: number[] = [];
	const n = b.length;
	for (let i = 0; i < n;) {
		const c = b[i];
		let cp = -1, len = 1;
		if (c < 0x80) cp = c;
		else if (c >= 0xc2 && c <= 0xdf) {
			if (i + 1 < n && (b[i + 1] & 0xc0) === 0x80) { cp = ((c & 31) << 6) | (b[i + 1] & 63); len = 2; }
		}
		else if (c >= 0xe0 && c <= 0xef) {
			const lo = c === 0xe0 ? 0xa0 : 0x80, hi = c === 0xed ? 0x9f : 0xbf;
			if (i + 2 < n && b[i + 1] >= lo && b[i + 1] <= hi && (b[i + 2] & 0xc0) === 0x80) {
				cp = ((c & 15) << 12) | ((b[i + 1] & 63) << 6) | (b[i + 2] & 63); len = 3;
			}
		}
		else if (c >= 0xf0 && c <= 0xf4) {
			const lo = c === 0xf0 ? 0x90 : 0x80, hi = c === 0xf4 ? 0x8f : 0xbf;
			if (i + 3 < n && b[i + 1] >= lo && b[i + 1] <= hi && (b[i + 2] & 0xc0) === 0x80 && (b[i + 3] & 0xc0) === 0x80) {
				cp = ((c & 7) << 18) | ((b[i + 1] & 63) << 12) | ((b[i + 2] & 63) << 6) | (b[i + 3] & 63); len = 4;
			}
		}
		if (cp < 0) { chunk.push(0xdc00 + c); i++; }
		else if (cp >= 0x10000) { cp -= 0x10000; chunk.push(0xd800 + (cp >> 10), 0xdc00 + (cp & 0x3ff)); i += len; }
		else { chunk.push(cp); i += len; }
		if (chunk.length > 4096) { out += String.fromCharCode.apply(null, chunk); chunk = []; }
	}
	return out + String.fromCharCode.apply(null, chunk);
}

function bytesToB(b: ArrayLike<number>): string {
	let out = '';
	for (let i = 0; i < b.length; i += 4096) {
		const part: number[] = [];
		for (let j = i; j < b.length && j < i + 4096; j++) part.push(b[j] < 0x80 ? b[j] : HIB + b[j]);
		out += String.fromCharCode.apply(null, part);
	}
	return out;
}

function bToBytes(s: string): Uint8Array {
	const out = new Uint8Array(s.length);
	for (let i = 0; i < s.length; i++) {
		const c = s.charCodeAt(i);
		out[i] = c < 0x80 ? c : (c - HIB) & 0xff;
	}
	return out;
}

/** JS string → B-string */
function toB(s: string): string {
	return isAscii(s) ? s : bytesToB(encodeBytes(s));
}

/** B-string → JS string */
function fromB(b: string): string {
	return isAscii(b) ? b : decodeBytes(bToBytes(b));
}

/** a single byte as a JS string */
function byteChar(n: number): string {
	return n < 0x80 ? String.fromCharCode(n) : decodeBytes([n]);
}

function byteLength(s: string): number {
	if (isAscii(s)) return s.length;
	let n = 0;
	for (let i = 0; i < s.length; i++) {
		const c = s.charCodeAt(i);
		if (c < 0x80) n++;
		else if (c < 0x800) n += 2;
		else if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00) { n += 4; i++; }
		else if (c >= 0xdc80 && c <= 0xdcff) n++;
		else n += 3;
	}
	return n;
}

// ---------------------------------------------------------------------------
// Value model

type UcTypeName = 'int' | 'double' | 'string' | 'bool' | 'array' | 'object' | 'function' | 'regexp';

const TWO63N = -(2 ** 63), TWO64P = 2 ** 64;

function isIntNum(v: number): boolean {
	return Number.isInteger(v) && v >= TWO63N && v < TWO64P;
}

function intToString(v: number | bigint): string {
	if (typeof v === 'bigint') return v.toString();
	return Number.isSafeInteger(v) ? String(v === 0 ? 0 : v) : BigInt(v).toString();
}

function isRegExp(v: unknown): v is RegExp {
	return v instanceof RegExp;
}

function ucTypeOf(v: unknown): UcTypeName | null {
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

const INT64_MAX = (1n << 63n) - 1n;
const INT64_MIN = -(1n << 63n);
const UINT64_MAX = (1n << 64n) - 1n;
const TWO63 = 2 ** 63, TWO64 = 2 ** 64;

/** result of ucv_to_number(): an integer (bigint, int64 or uint64 range) or a double; null = NaN / not convertible */
type NumV = { i: bigint } | { d: number } | null;

function isSpaceC(c: string | undefined): boolean {
	return c === ' ' || c === '\t' || c === '\n' || c === '\v' || c === '\f' || c === '\r';
}

function isXDigitC(c: string | undefined): boolean {
	return c !== undefined && /^[0-9a-fA-F]$/.test(c);
}

function digitVal(c: string | undefined): number {
	if (c === undefined) return 99;
	const n = c.charCodeAt(0);
	if (n >= 48 && n <= 57) return n - 48;
	if (n >= 97 && n <= 122) return n - 87;
	if (n >= 65 && n <= 90) return n - 55;
	return 99;
}

/** C strtoull/strtoll core: returns [value (unbounded, signed), end index, overflow?, valid base?] */
function cStrtol(s: string, start: number, base: number): { v: bigint; end: number; any: boolean; neg: boolean; ok: boolean } {
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
function parseUcNumber(s: string): NumV {
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
function toNumV(v: unknown): NumV {
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

const EOK = 0, EINVAL = 22, ERANGE = 34;

/** ucv_int64_get() on a to_number result: [value, errno] */
function int64Get(nv: NumV): [bigint, number] {
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

function uint64Get(nv: NumV): [bigint, number] {
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
function rawNumV(v: unknown): NumV {
	if (typeof v === 'number') return Number.isNaN(v) ? { d: v } : isIntNum(v) ? { i: BigInt(v) } : { d: v };
	if (typeof v === 'bigint') return { i: v };
	return null;
}

function doubleGet(nv: NumV): number {
	if (nv === null) return NaN;
	return 'i' in nv ? Number(nv.i) : nv.d;
}

/** ucv_to_integer() */
function toInteger(v: unknown): bigint {
	return int64Get(toNumV(v))[0];
}

function toIntegerNum(v: unknown): number {
	return Number(toInteger(v));
}

/** ucv_is_truish() */
function truish(v: unknown): boolean {
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
function cmpBytes(a: string, b: string): number {
	if (isAscii(a) && isAscii(b)) return a < b ? -1 : a > b ? 1 : 0;
	const x = toB(a), y = toB(b);
	return x < y ? -1 : x > y ? 1 : 0;
}

/** ucv_compare(): returns delta (-1, 0, 1) or 2 when not comparable (NaN) */
function ucCompare(v1: unknown, v2: unknown): number {
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
function uniqEqual(a: unknown, b: unknown): boolean {
	if (!isScalar(a) && !isScalar(b)) return a === b;
	const ta = ucTypeOf(a), tb = ucTypeOf(b);
	if (ta !== tb) return false;
	if (ta === null) return true;
	if (ta === 'double' && Number.isNaN(a) && Number.isNaN(b)) return true;
	if (typeof a === 'bigint' || typeof b === 'bigint') return BigInt(a as any) === BigInt(b as any);
	return a === b;
}

// ---------------------------------------------------------------------------
// C-style number formatting (exact, round-half-even like glibc and musl)

function decompose(d: number): [bigint, number] {
	const dv = new DataView(new ArrayBuffer(8));
	dv.setFloat64(0, d);
	const hi = dv.getUint32(0), lo = dv.getUint32(4);
	const exp = (hi >>> 20) & 0x7ff;
	const mant = (BigInt(hi & 0xfffff) << 32n) | BigInt(lo);
	if (exp === 0) return [mant, -1074];
	return [mant | (1n << 52n), exp - 1075];
}

/** round_half_even(a * 10^p10) for finite a >= 0 */
function scaledRound(a: number, p10: number): bigint {
	if (a === 0) return 0n;
	const [m, e2] = decompose(a);
	let num = m, den = 1n;
	if (e2 >= 0) num <<= BigInt(e2); else den <<= BigInt(-e2);
	if (p10 >= 0) num *= 10n ** BigInt(p10); else den *= 10n ** BigInt(-p10);
	const q = num / den, r = num - q * den;
	const twice = r * 2n;
	if (twice > den || (twice === den && (q & 1n) === 1n)) return q + 1n;
	return q;
}

function fmtFixed(a: number, prec: number, alt: boolean): string {
	const n = scaledRound(a, prec).toString();
	if (prec === 0) return n + (alt ? '.' : '');
	const s = n.padStart(prec + 1, '0');
	return s.slice(0, s.length - prec) + '.' + s.slice(s.length - prec);
}

function expDigits(a: number, prec: number): [string, number] {
	if (a === 0) return ['0'.repeat(prec + 1), 0];
	let e = Math.floor(Math.log10(a));
	const lim = 10n ** BigInt(prec + 1);
	let n = scaledRound(a, prec - e);
	for (let k = 0; k < 3; k++) {
		if (n >= lim) { e++; n = scaledRound(a, prec - e); }
		else if (n < lim / 10n) { e--; n = scaledRound(a, prec - e); }
		else break;
	}
	return [n.toString(), e];
}

function fmtExp(a: number, prec: number, alt: boolean, upper: boolean): string {
	const [digits, e] = expDigits(a, prec);
	const mant = digits[0] + (prec > 0 || alt ? '.' : '') + digits.slice(1);
	const exp = (e < 0 ? '-' : '+') + String(Math.abs(e)).padStart(2, '0');
	return mant + (upper ? 'E' : 'e') + exp;
}

function stripZeros(s: string): string {
	const e = s.search(/[eE]/);
	let mant = e >= 0 ? s.slice(0, e) : s;
	const rest = e >= 0 ? s.slice(e) : '';
	if (mant.indexOf('.') >= 0) mant = mant.replace(/0+$/, '').replace(/\.$/, '');
	return mant + rest;
}

function fmtGeneral(a: number, prec: number, alt: boolean, upper: boolean): string {
	const P = prec === 0 ? 1 : prec;
	const X = a === 0 ? 0 : expDigits(a, P - 1)[1];
	const s = (P > X && X >= -4) ? fmtFixed(a, P - 1 - X, alt) : fmtExp(a, P - 1, alt, upper);
	return alt ? s : stripZeros(s);
}

/** printf("%.14g", d) for finite d — how ucode prints doubles */
function fmtG14(d: number): string {
	const a = Math.abs(d);
	if (a >= 1e-4 && a < 1e14) {
		// the shortest round-trip form equals %.14g when it has <= 14 digits
		const s = String(d);
		if (s.indexOf('e') < 0 && s.replace(/^-?0*\.?0*/, '').replace('.', '').length <= 14) return s;
	}
	const neg = d < 0 || Object.is(d, -0);
	return (neg ? '-' : '') + fmtGeneral(a, 14, false, false);
}

// ---------------------------------------------------------------------------
// Stringification: ucv_to_stringbuf_formatted() from types.c

const NATIVE = new WeakMap<Function, string>();

function jsonEscape(s: string, quote: boolean): string {
	let out = quote ? '"' : '';
	let last = 0;
	for (let i = 0; i < s.length; i++) {
		const c = s.charCodeAt(i);
		if (c >= 0x20 && c !== 0x22 && c !== 0x5c) continue;
		out += s.slice(last, i);
		last = i + 1;
		switch (c) {
		case 0x22: out += '\\"'; break;
		case 0x5c: out += '\\\\'; break;
		case 0x08: out += '\\b'; break;
		case 0x0c: out += '\\f'; break;
		case 0x0a: out += '\\n'; break;
		case 0x0d: out += '\\r'; break;
		case 0x09: out += '\\t'; break;
		default: out += '\\u' + c.toString(16).padStart(4, '0');
		}
	}
	out += s.slice(last);
	return quote ? out + '"' : out;
}

function fnParams(fn: Function): { arrow: boolean; params: string[] } {
	let src = '';
	try { src = Function.prototype.toString.call(fn); } catch { /* ignore */ }
	const arrow = !/^(async\s+)?function\b/.test(src) && /=>/.test(src) && !/^[\w$]+\s*\([^)]*\)\s*\{/.test(src);
	let params: string[] = [];
	const m = /^[^(]*?\(([^)]*)\)/.exec(src) || /^\s*(?:async\s+)?([\w$]+)\s*=>/.exec(src);
	if (m) {
		params = m[1].split(',').map((p) => p.trim().replace(/\s*[=:].*$/, '')).filter((p) => p.length > 0);
	}
	return { arrow, params };
}

function fnRepr(fn: Function, json: boolean): string {
	const q = json ? '"' : '';
	const native = NATIVE.get(fn);
	if (native !== undefined) return `${q}function ${native}(...) { [native code] }${q}`;
	const { arrow, params } = fnParams(fn);
	const name = fn.name && !arrow ? ' ' + fn.name : '';
	return `${q}${arrow ? '' : 'function' + name}(${params.join(', ')})${arrow ? ' =>' : ''} { ... }${q}`;
}

function padding(padChar: string, size: number): string {
	if (padChar !== '\0' && padChar !== '\x01') return '\n' + padChar.repeat(size);
	return ' ';
}

function toStringFormatted(v: unknown, depth: number, padChar: string, padSize: number, marks: Set<object>): string {
	const json = padChar !== '\0';
	if (typeof v === 'object' && v !== null && marks.has(v)) return 'null';
	if (typeof v === 'object' && v !== null) {
		const pr = Object.getPrototypeOf(v);
		if (pr && pr !== Object.prototype && pr !== Array.prototype && Object.prototype.hasOwnProperty.call(pr, 'tostring') && typeof pr.tostring === 'function') {
			const s = pr.tostring.call(v);
			if (typeof s === 'string') return json ? jsonEscape(s, true) : s;
			return json ? '""' : '';
		}
	}
	const t = ucTypeOf(v);
	switch (t) {
	case null: return 'null';
	case 'bool': return v ? 'true' : 'false';
	case 'int': return intToString(v as number | bigint);
	case 'double': {
		const d = v as number;
		if (Number.isNaN(d)) return json ? '"NaN"' : 'NaN';
		if (d === Infinity) return json ? '1e309' : 'Infinity';
		if (d === -Infinity) return json ? '-1e309' : '-Infinity';
		const s = fmtG14(d);
		return json && !/[.e]/.test(s) ? s + '.0' : s;
	}
	case 'string': return json ? jsonEscape(v as string, true) : (v as string);
	case 'array': {
		const arr = v as unknown[];
		marks.add(arr);
		let out = '[';
		const sub = padChar !== '\0' ? padChar : '\x01';
		for (let i = 0; i < arr.length; i++) {
			if (i) out += ',';
			out += padding(padChar, (depth + 1) * padSize);
			out += toStringFormatted(arr[i], depth + 1, sub, padSize, marks);
		}
		out += padding(padChar, depth * padSize) + ']';
		marks.delete(arr);
		return out;
	}
	case 'object': {
		const obj = v as { [k: string]: unknown };
		marks.add(obj);
		let out = '{';
		const sub = padChar !== '\0' ? padChar : '\x01';
		const ks = Object.keys(obj);
		for (let i = 0; i < ks.length; i++) {
			if (i) out += ',';
			out += padding(padChar, (depth + 1) * padSize);
			out += jsonEscape(ks[i], true) + ': ';
			out += toStringFormatted(obj[ks[i]], depth + 1, sub, padSize, marks);
		}
		out += padding(padChar, depth * padSize) + '}';
		marks.delete(obj);
		return out;
	}
	case 'regexp': {
		const m = regexMeta(v as RegExp);
		const q = json ? '"' : '';
		return q + '/' + jsonEscape(m.source, false) + '/' + (m.global ? 'g' : '') + (m.icase ? 'i' : '') + (m.newline ? 's' : '') + q;
	}
	case 'function': return fnRepr(v as Function, json);
	}
	return 'null';
}

/** ucv_to_string(): what print(), join(), "" + x produce */
function toStr(v: unknown): string {
	return typeof v === 'string' ? v : toStringFormatted(v, 0, '\0', 0, new Set());
}

/** ucv_to_jsonstring_formatted() */
function toJson(v: unknown, padChar: string, padSize: number): string {
	return toStringFormatted(v, 0, padChar === '\0' ? '\x01' : padChar, padSize, new Set());
}

// ---------------------------------------------------------------------------
// printf: uc_printf_common()

const F_ALT = 1, F_ZERO = 2, F_LEFT = 4, F_SPACE = 8, F_SIGN = 16, F_WIDTH = 32, F_PREC = 64;

function padField(body: string, width: number, flags: number, zeroOk: boolean, signLen: number, blen?: number): string {
	const len = blen === undefined ? body.length : blen;
	if (!(flags & F_WIDTH) || len >= width) return body;
	const n = width - len;
	if (flags & F_LEFT) return body + ' '.repeat(n);
	if ((flags & F_ZERO) && zeroOk) return body.slice(0, signLen) + '0'.repeat(n) + body.slice(signLen);
	return ' '.repeat(n) + body;
}

function formatInt(n: bigint, flags: number, width: number): string {
	const sign = n < 0n ? '-' : (flags & F_SIGN) ? '+' : (flags & F_SPACE) ? ' ' : '';
	const body = sign + (n < 0n ? -n : n).toString();
	return padField(body, width, flags, true, sign.length);
}

function formatUint(u: bigint, conv: string, flags: number, width: number): string {
	let digits: string, prefix = '';
	switch (conv) {
	case 'o': digits = u.toString(8); if ((flags & F_ALT) && digits[0] !== '0') digits = '0' + digits; break;
	case 'x': digits = u.toString(16); if ((flags & F_ALT) && u !== 0n) prefix = '0x'; break;
	case 'X': digits = u.toString(16).toUpperCase(); if ((flags & F_ALT) && u !== 0n) prefix = '0X'; break;
	default: digits = u.toString(10);
	}
	return padField(prefix + digits, width, flags, true, prefix.length);
}

function formatDouble(d: number, conv: string, flags: number, width: number, precision: number): string {
	const upper = conv === 'E' || conv === 'F' || conv === 'G';
	const neg = d < 0 || Object.is(d, -0);
	const sign = neg ? '-' : (flags & F_SIGN) ? '+' : (flags & F_SPACE) ? ' ' : '';
	const prec = (flags & F_PREC) ? precision : 6;
	const alt = !!(flags & F_ALT);
	const a = Math.abs(d);
	let body: string;
	if (Number.isNaN(d) || !Number.isFinite(d)) {
		body = Number.isNaN(d) ? 'nan' : 'inf';
		if (upper) body = body.toUpperCase();
		return padField(sign + body, width, flags, false, sign.length);
	}
	switch (conv) {
	case 'f': case 'F': body = fmtFixed(a, prec, alt); break;
	case 'e': case 'E': body = fmtExp(a, prec, alt, upper); break;
	default: body = fmtGeneral(a, prec, alt, upper);
	}
	return padField(sign + body, width, flags, true, sign.length);
}

function formatString(s: string, flags: number, width: number, precision: number): string {
	if (flags & F_PREC) {
		if (byteLength(s) > precision) s = fromB(toB(s).slice(0, precision));
	}
	return padField(s, width, flags, false, 0, byteLength(s));
}

function doPrintf(fmt: unknown, args: unknown[]): string {
	const f = typeof fmt === 'string' ? fmt : '';
	const argCount = args.length;
	let out = '';
	let argidx = 1;
	let last = 0;
	let p = 0;
	for (; p < f.length; p++) {
		if (f[p] !== '%') continue;
		out += f.slice(last, p);
		last = p++;
		let flags = 0, width = 0, precision = 0;
		let argpos = argidx;
		let parsePrecision = false;
		if (f[p] >= '1' && f[p] <= '9') {
			while (f[p] >= '0' && f[p] <= '9') width = width * 10 + (f.charCodeAt(p++) - 48);
			if (f[p] === '$') { argpos = width; width = 0; p++; }
			else { flags |= F_WIDTH; parsePrecision = true; }
		}
		if (!parsePrecision) {
			while (p < f.length && '#0- +'.indexOf(f[p]) >= 0) {
				switch (f[p++]) {
				case '#': flags |= F_ALT; break;
				case '0': flags |= F_ZERO; break;
				case '-': flags |= F_LEFT; break;
				case ' ': flags |= F_SPACE; break;
				case '+': flags |= F_SIGN; break;
				}
			}
			if (f[p] >= '1' && f[p] <= '9') {
				while (f[p] >= '0' && f[p] <= '9') width = width * 10 + (f.charCodeAt(p++) - 48);
				flags |= F_WIDTH;
			}
		}
		if (f[p] === '.') {
			p++;
			if (f[p] === '-') { p++; while (f[p] >= '0' && f[p] <= '9') p++; }
			else while (f[p] >= '0' && f[p] <= '9') precision = precision * 10 + (f.charCodeAt(p++) - 48);
			flags |= F_PREC;
		}
		const conv = f[p];
		let piece: string;
		const cur: unknown = argpos >= 1 && argpos <= argCount ? args[argpos - 1] : null;
		switch (conv) {
		case 'd': case 'i': {
			argidx++;
			const a = cur;
			if (typeof a === 'number' && Number.isSafeInteger(a)) {
				const sign = a < 0 ? '-' : (flags & F_SIGN) ? '+' : (flags & F_SPACE) ? ' ' : '';
				piece = padField(sign + String(Math.abs(a)), width, flags & ~F_PREC, true, sign.length);
				break;
			}
			const nv = toNumV(a);
			let [n, err] = int64Get(nv);
			if (err === ERANGE) n = BigInt.asIntN(64, uint64Get(nv)[0]);
			piece = formatInt(n, flags & ~F_PREC, width);
			break;
		}
		case 'o': case 'u': case 'x': case 'X': {
			argidx++;
			const a = cur;
			if (typeof a === 'number' && Number.isSafeInteger(a) && a >= 0) {
				piece = formatUint(BigInt(a), conv, flags & ~F_PREC, width);
				break;
			}
			const nv = toNumV(a);
			let [u, err] = uint64Get(nv);
			if (err === ERANGE) u = BigInt.asUintN(64, int64Get(nv)[0]);
			piece = formatUint(u, conv, flags & ~F_PREC, width);
			break;
		}
		case 'e': case 'E': case 'f': case 'F': case 'g': case 'G': {
			argidx++;
			piece = formatDouble(doubleGet(toNumV(cur)), conv, flags, width, precision);
			break;
		}
		case 'c': {
			argidx++;
			const n = Number(BigInt.asUintN(8, toInteger(cur)));
			piece = padField(byteChar(n), width, flags & ~F_PREC, false, 0, 1);
			break;
		}
		case 's': {
			argidx++;
			const a = cur;
			if (a === null || a === undefined) piece = '(null)';
			else piece = formatString(toStr(a), flags & ~F_ZERO, width, precision);
			break;
		}
		case 'J': {
			argidx++;
			let prec = precision;
			if (flags & F_PREC) { flags &= ~F_PREC; prec++; }
			const s = toJson(cur,
				prec > 0 ? (prec > 1 ? ' ' : '\t') : '\0', prec > 0 ? (prec > 1 ? prec - 1 : 1) : 0);
			piece = formatString(s, flags, width, 0);
			break;
		}
		case '%':
			piece = '%';
			break;
		case undefined:
			p--;
			continue;
		default:
			continue;
		}
		out += piece;
		last = p + 1;
	}
	out += f.slice(last);
	return out;
}

// ---------------------------------------------------------------------------
// Regular expressions: ucode lexer + POSIX ERE (musl regcomp) → JS RegExp

interface RegexMeta {
	source: string; // the pattern as ucode stores it (after its lexer)
	global: boolean;
	icase: boolean;
	newline: boolean; // ucode's `s` flag: NOT compiled with REG_NEWLINE
	js: RegExp; // translated, always with the JS `g` flag, runs on B-strings
	jsSource: string;
	notbol: RegexMeta | null; // the same pattern compiled for REG_NOTBOL (searches after the start)
	regNewline: boolean;
	nsub: number;
	ambiguous: boolean; // JS's first match may be shorter than POSIX's longest
	atLeast: Map<number, RegExp>;
	version: string; // ucodeVersion it was compiled for
}

const META = new WeakMap<RegExp, RegexMeta>();
const LITERALS = new Map<string, RegexMeta>();

function hex4(n: number): string {
	return '\\u' + n.toString(16).padStart(4, '0');
}

/** ucode lexer (parse_string/parse_escape for TK_REGEXP) applied to a JS regex literal's source */
function lexRegexLiteral(src: string): string {
	let out = '';
	let i = 0;
	const n = src.length;
	const isHex = (c: string | undefined) => isXDigitC(c);
	const esc = (macros: string): void => {
		// src[i] is the char after the backslash
		const ch = src[i];
		if (ch === 'u') {
			let code = 0;
			for (let k = 1; k <= 4; k++) {
				if (!isHex(src[i + k])) raise('Syntax error', 'Invalid escape sequence');
				code = code * 16 + digitVal(src[i + k]);
			}
			i += 5;
			if ((code & 0xfc00) === 0xd800) {
				if (src[i] === '\\' && src[i + 1] === 'u' && /^[dD][c-fC-F][0-9a-fA-F]{2}$/.test(src.slice(i + 2, i + 6))) {
					const lo = parseInt(src.slice(i + 2, i + 6), 16);
					i += 6;
					out += String.fromCodePoint(0x10000 + ((code & 0x3ff) << 10) + (lo & 0x3ff));
				}
				else out += '\ufffd';
			}
			else if ((code & 0xfc00) === 0xdc00) out += '\ufffd';
			else out += String.fromCharCode(code);
			return;
		}
		if (ch === 'x') {
			if (!isHex(src[i + 1]) || !isHex(src[i + 2])) raise('Syntax error', 'Invalid escape sequence');
			out += byteChar(parseInt(src.slice(i + 1, i + 3), 16));
			i += 3;
			return;
		}
		let code = 0, k = 0;
		while (k < 3 && src[i] >= '0' && src[i] <= '7') { code = code * 8 + (src.charCodeAt(i) - 48); i++; k++; }
		if (k) {
			if (code > 255) raise('Syntax error', 'Invalid escape sequence');
			out += byteChar(code);
			return;
		}
		if (ch !== undefined && macros.indexOf(ch) >= 0) {
			i++;
			switch (ch) {
			case 'd': out += '[[:digit:]]'; break;
			case 'D': out += '[^[:digit:]]'; break;
			case 'w': out += '[[:alnum:]_]'; break;
			case 'W': out += '[^[:alnum:]_]'; break;
			case 's': out += '[[:space:]]'; break;
			case 'S': out += '[^[:space:]]'; break;
			default: out += '\\' + ch;
			}
			return;
		}
		i++;
		switch (ch) {
		case 'a': out += '\x07'; break;
		case 'b': out += '\b'; break;
		case 'e': out += '\x1b'; break;
		case 'f': out += '\f'; break;
		case 'n': out += '\n'; break;
		case 'r': out += '\r'; break;
		case 't': out += '\t'; break;
		case 'v': out += '\v'; break;
		case undefined: raise('Syntax error', 'Unterminated string');
		default: out += ch;
		}
	};
	while (i < n) {
		const ch = src[i++];
		if (ch === '[') {
			out += '[';
			if (src[i] === '^') { out += '^'; i++; }
			if (src[i] === ']') { out += ']'; i++; }
			while (i < n) {
				const c = src[i++];
				if (c === '\\') { esc('^'); continue; }
				out += c;
				if (c === ']') break;
				if (c === '[' && (src[i] === ':' || src[i] === '.' || src[i] === '=')) {
					const code = src[i++];
					out += code;
					while (i < n) {
						const d = src[i++];
						if (d === '\\') { esc(''); continue; }
						out += d;
						if (d === code && src[i] === ']') { out += ']'; i++; break; }
					}
				}
			}
		}
		else if (ch === '\\') esc('^bBdDsSwW<>.[$()|*+?{\\');
		else out += ch;
	}
	return out;
}

const CLASSES: { [k: string]: string } = {
	alpha: 'A-Za-z', digit: '0-9', alnum: '0-9A-Za-z', upper: 'A-Z', lower: 'a-z',
	space: ' \\t\\n\\v\\f\\r', blank: ' \\t', punct: '!-\\/:-@\\[-`{-~', print: ' -~', graph: '!-~',
	cntrl: '\\x00-\\x1f\\x7f', xdigit: '0-9A-Fa-f',
};

/** POSIX bracket expression at p[i] (just after '['); returns [jsClass, nextIndex] */
function translateBracket(p: string, i: number, newline: boolean, fnm: boolean): [string, number] {
	let neg = false;
	if (p[i] === '^' || (fnm && p[i] === '!')) { neg = true; i++; }
	let items = '';
	let first = true;
	for (;;) {
		if (i >= p.length) regError('EBRACK');
		let c = p[i];
		if (c === ']' && !first) { i++; break; }
		first = false;
		if (c === '[' && (p[i + 1] === ':' || p[i + 1] === '=' || p[i + 1] === '.')) {
			const kind = p[i + 1];
			const end = p.indexOf(kind + ']', i + 2);
			if (end < 0) regError('EBRACK');
			const name = p.slice(i + 2, end);
			i = end + 2;
			if (kind === ':') {
				if (!Object.prototype.hasOwnProperty.call(CLASSES, name)) regError('ECTYPE');
				items += CLASSES[name];
				continue;
			}
			c = name[0] || '';
		}
		else if (fnm && c === '\\' && i + 1 < p.length) { c = p[i + 1]; i += 2; }
		else i++;
		if (p[i] === '-' && i + 1 < p.length && p[i + 1] !== ']') {
			let hi = p[i + 1];
			i += 2;
			if (fnm && hi === '\\' && i < p.length) hi = p[i++];
			if (hi < c) regError('ERANGE');
			items += hex4(c.charCodeAt(0)) + '-' + hex4(hi.charCodeAt(0));
		}
		else items += hex4(c.charCodeAt(0));
	}
	if (neg && newline) items += '\\n';
	return ['[' + (neg ? '^' : '') + items + ']', i];
}

/** POSIX ERE (as musl regcomp parses it) → JS regex source, over B-strings */
function translateEre(p: string, newline: boolean, notbol = false): { src: string; nsub: number; ambiguous: boolean } {
	let out = '';
	let ambiguous = false;
	const groups: number[] = [];
	let atomStart = -1;
	let lastQuant = false;
	let nsub = 0;
	const W = '[A-Za-z0-9_]';
	const atom = (s: string) => { atomStart = out.length; out += s; lastQuant = false; };
	const noAtom = (s: string) => { out += s; atomStart = -1; lastQuant = false; };
	const quant = (q: string) => {
		if (atomStart < 0) regError('BADRPT');
		if (out[atomStart] === '(') ambiguous = true;
		if (lastQuant) out = out.slice(0, atomStart) + '(?:' + out.slice(atomStart) + ')' + q;
		else out += q;
		lastQuant = true;
	};
	const lit = (c: string) => ('\\^$.|?*+()[]{}/'.indexOf(c) >= 0 ? '\\' + c : c === '\n' ? '\\n' : c === '\r' ? '\\r' : c);
	let i = 0;
	while (i < p.length) {
		const c = p[i];
		switch (c) {
		case '\\': {
			const e = p[i + 1];
			i += 2;
			if (e !== undefined && libcFlavor === 'glibc') {
				// glibc: \w \W \s \S \b \B \< \> \` \' and back references; others are literal
				if (e >= '1' && e <= '9') {
					if (Number(e) > nsub) regError('ESUBREG');
					atom('\\' + e);
					break;
				}
				if ('wWsSbB<>'.indexOf(e) < 0) { atom(lit(e)); break; }
			}
			switch (e) {
			case undefined: regError('EESCAPE');
			case 't': atom('\\t'); break;
			case 'n': atom('\\n'); break;
			case 'r': atom('\\r'); break;
			case 'f': atom('\\f'); break;
			case 'a': atom('\\x07'); break;
			case 'e': atom('\\x1b'); break;
			case 'w': atom(W); break;
			case 'W': atom(newline ? '[^A-Za-z0-9_\\n]' : '[^A-Za-z0-9_]'); break;
			case 's': atom('[ \\t\\n\\v\\f\\r]'); break;
			case 'S': atom('[^ \\t\\n\\v\\f\\r]'); break;
			case 'd': atom('[0-9]'); break;
			case 'D': atom(newline ? '[^0-9\\n]' : '[^0-9]'); break;
			case 'b': noAtom('\\b'); break;
			case 'B': noAtom('\\B'); break;
			case '<': noAtom('\\b(?=' + W + ')'); break;
			case '>': noAtom('\\b(?<=' + W + ')'); break;
			case 'x': {
				let v = 0, k = 0;
				if (p[i] === '{') {
					i++;
					while (k < 8 && isXDigitC(p[i])) { v = v * 16 + digitVal(p[i++]); k++; }
					if (p[i] !== '}') regError('EBRACE');
					i++;
				}
				else while (k < 2 && isXDigitC(p[i])) { v = v * 16 + digitVal(p[i++]); k++; }
				atom(hex4(v < 0x80 ? v : HIB + (v & 0xff)));
				break;
			}
			default: atom(lit(e));
			}
			break;
		}
		case '[': {
			const [cls, next] = translateBracket(p, i + 1, newline, false);
			i = next;
			atom(cls);
			break;
		}
		case '.': i++; atom(newline ? '[^\\n]' : '[\\s\\S]'); break;
		case '^': i++; noAtom(newline ? (notbol ? '(?<=\\n)' : '(?:^|(?<=\\n))') : (notbol ? '(?!)' : '^')); break;
		case '$': i++; noAtom(newline ? '(?=\\n|$)' : '$'); break;
		case '(':
			i++;
			if (p[i] === '?') regError('BADRPT');
			groups.push(out.length);
			nsub++;
			out += '(';
			atomStart = -1;
			lastQuant = false;
			break;
		case ')':
			i++;
			if (!groups.length) { atom('\\)'); break; }
			out += ')';
			atomStart = groups.pop() as number;
			lastQuant = false;
			break;
		case '|': i++; ambiguous = true; noAtom('|'); break;
		case '*': case '+': case '?': i++; quant(c); break;
		case '{': {
			const m = /^\{(\d*)(,(\d*))?\}/.exec(p.slice(i));
			if (!m || (m[1] === '' && m[2] === undefined)) regError('BADBR');
			i += m[0].length;
			const lo = m[1] === '' ? '0' : m[1];
			if (m[3] !== undefined && m[3] !== '' && Number(m[3]) < Number(lo)) regError('BADBR');
			quant('{' + lo + (m[2] !== undefined ? ',' + (m[3] || '') : '') + '}');
			break;
		}
		default: i++; atom(lit(c));
		}
	}
	if (groups.length) regError('EPAREN');
	return { src: out, nsub, ambiguous };
}

function compileMeta(source: string, global: boolean, icase: boolean, newline: boolean): RegexMeta {
	const regNewline = ucodeVersion === 'snapshot' ? !newline : newline;
	const { src, nsub, ambiguous } = translateEre(toB(source), regNewline);
	let js: RegExp;
	try { js = new RegExp(src, 'g' + (icase ? 'i' : '')); }
	catch (e) { raise('Syntax error', 'Invalid regular expression: ' + (e as Error).message); }
	return { source, global, icase, newline, js, jsSource: src, nsub, ambiguous, atLeast: new Map(), version: ucodeVersion, notbol: null, regNewline };
}

function regexMeta(re: RegExp): RegexMeta {
	let m = META.get(re);
	if (m && m.version !== ucodeVersion) {
		m = compileMeta(m.source, m.global, m.icase, m.newline);
		META.set(re, m);
	}
	if (m) return m;
	for (const f of re.flags) {
		if ('gisd'.indexOf(f) < 0) raise('Syntax error', `Regular expression flag '${f}' is not supported by ucode`);
	}
	// a regex literal evaluates to a new RegExp object each time, so also
	// cache by source and flags
	const key = ucodeVersion + '/' + re.flags + '/' + re.source;
	m = LITERALS.get(key);
	if (!m) {
		const src = re.source === '(?:)' ? '' : re.source;
		m = compileMeta(lexRegexLiteral(src), re.global, re.ignoreCase, re.dotAll);
		if (LITERALS.size >= 1000) LITERALS.clear();
		LITERALS.set(key, m);
	}
	META.set(re, m);
	return m;
}

/** a sticky variant of the pattern that only matches when it ends at offset >= e */
function endingAtLeast(m: RegexMeta, e: number): RegExp {
	let re = m.atLeast.get(e);
	if (!re) {
		re = new RegExp('(?:' + m.jsSource + ')(?<=^[\\s\\S]{' + e + ',})', 'y' + (m.icase ? 'i' : ''));
		if (m.atLeast.size > 256) m.atLeast.clear();
		m.atLeast.set(e, re);
	}
	return re;
}

/**
 * regexec() at B-string offset `pos`. Like ucode, a search after the start
 * runs on the rest of the subject with REG_NOTBOL: `^` does not match there
 * and nothing before `pos` is seen. JS finds the leftmost start like POSIX;
 * for ambiguous patterns the longest match at that start is then searched
 * for (POSIX leftmost-longest).
 */
function execAt(m: RegexMeta, sb: string, pos: number): RegExpExecArray | null {
	if (pos > 0) {
		if (!m.notbol) {
			const t = translateEre(toB(m.source), m.regNewline, true);
			m.notbol = { ...m, js: new RegExp(t.src, 'g' + (m.icase ? 'i' : '')), jsSource: t.src, atLeast: new Map(), notbol: null };
		}
		const r = execAt(m.notbol, sb.slice(pos), 0);
		if (r) r.index += pos;
		return r;
	}
	m.js.lastIndex = pos;
	const r = m.js.exec(sb);
	// a match that already reaches the end of the subject cannot get longer
	if (!r || !m.ambiguous || r.index + r[0].length === sb.length) return r;
	const start = r.index;
	let best = r;
	let lo = start + r[0].length;
	let hi = sb.length;
	while (lo < hi) {
		const mid = (lo + 1 + hi) >> 1;
		const re = endingAtLeast(m, mid);
		re.lastIndex = start;
		const t = re.exec(sb);
		if (t) { best = t; lo = t.index + t[0].length; }
		else hi = mid - 1;
	}
	return best;
}

// ---------------------------------------------------------------------------
// IP addresses

function pton4(s: string): number[] | null {
	const parts = s.split('.');
	if (parts.length !== 4) return null;
	const out: number[] = [];
	for (const p of parts) {
		if (!/^[0-9]{1,3}$/.test(p) || (p.length > 1 && p[0] === '0')) return null;
		const v = Number(p);
		if (v > 255) return null;
		out.push(v);
	}
	return out;
}

function pton6(s: string): number[] | null {
	if (!/^[0-9a-fA-F:.]+$/.test(s)) return null;
	let v4: number[] | null = null;
	let str = s;
	if (s.indexOf('.') >= 0) {
		const lc = s.lastIndexOf(':');
		if (lc < 0) return null;
		v4 = pton4(s.slice(lc + 1));
		if (!v4) return null;
		str = s.slice(0, lc + 1) + '0:0';
		if (lc > 0 && s[lc - 1] !== ':' && str.split(':').length - 1 < 7 && str.indexOf('::') < 0) return null;
	}
	const dbl = str.indexOf('::');
	if (dbl >= 0 && str.indexOf('::', dbl + 1) >= 0) return null;
	let head: string[], tail: string[];
	if (dbl >= 0) {
		head = dbl > 0 ? str.slice(0, dbl).split(':') : [];
		tail = dbl + 2 < str.length ? str.slice(dbl + 2).split(':') : [];
		if (head.length + tail.length > 7) return null;
	}
	else {
		head = str.split(':');
		tail = [];
		if (head.length !== 8) return null;
	}
	const words: number[] = [];
	for (const g of head.concat(tail)) if (!/^[0-9a-fA-F]{1,4}$/.test(g)) return null;
	for (const g of head) words.push(parseInt(g, 16));
	for (let k = head.length + tail.length; k < 8; k++) words.push(0);
	for (const g of tail) words.push(parseInt(g, 16));
	const bytes: number[] = [];
	for (const w of words) bytes.push(w >> 8, w & 255);
	if (v4) bytes.splice(12, 4, v4[0], v4[1], v4[2], v4[3]);
	return bytes;
}

function ntop6(b: number[]): string {
	const w: number[] = [];
	for (let i = 0; i < 16; i += 2) w.push(b[i] * 256 + b[i + 1]);
	if (libcFlavor === 'glibc') {
		// BIND-derived inet_ntop6 (glibc): longest zero run (>= 2), first wins
		let best = -1, bestLen = 0, cur = -1, curLen = 0;
		for (let i = 0; i < 8; i++) {
			if (w[i] === 0) {
				if (cur < 0) { cur = i; curLen = 1; } else curLen++;
				if (curLen > bestLen) { best = cur; bestLen = curLen; }
			}
			else cur = -1;
		}
		if (bestLen < 2) best = -1;
		let out = '';
		for (let i = 0; i < 8; i++) {
			if (best >= 0 && i >= best && i < best + bestLen) {
				if (i === best) out += ':';
				continue;
			}
			if (i) out += ':';
			if (i === 6 && best === 0 && (bestLen === 6 || (bestLen === 5 && w[5] === 0xffff))) {
				out += b.slice(12).join('.');
				break;
			}
			out += w[i].toString(16);
		}
		if (best >= 0 && best + bestLen === 8) out += ':';
		return out;
	}
	// musl inet_ntop
	let buf: string;
	if (b.slice(0, 10).every((x) => x === 0) && b[10] === 255 && b[11] === 255)
		buf = w.slice(0, 6).map((x) => x.toString(16)).join(':') + ':' + b.slice(12).join('.');
	else
		buf = w.map((x) => x.toString(16)).join(':');
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

// ---------------------------------------------------------------------------
// JSON parsing: json-c's non-strict tokener as used by ucode's json()

class JErr {
	msg: string;
	eof: boolean;
	constructor(msg: string, eof: boolean) { this.msg = msg; this.eof = eof; }
}

function parseJsonText(text: string): unknown {
	const s = text;
	let i = 0;
	const MAXDEPTH = 32;
	const fail = (msg: string): never => { throw new JErr(msg, i >= s.length); };
	const eof = (): never => { throw new JErr('unexpected end of data', true); };
	// `final`: after the top-level value an unterminated comment is accepted
	const ws = (final?: boolean): void => {
		for (;;) {
			const c = s[i];
			if (c === ' ' || c === '\t' || c === '\n' || c === '\r') { i++; continue; }
			if (c === '/') {
				if (s[i + 1] === '*') {
					const e = s.indexOf('*/', i + 2);
					if (e < 0) { i = s.length; if (final) return; eof(); }
					i = e + 2;
					continue;
				}
				if (s[i + 1] === '/') {
					const e = s.indexOf('\n', i + 2);
					if (e < 0) { i = s.length; return; }
					i = e + 1;
					continue;
				}
				i++;
				fail('expected comment');
			}
			return;
		}
	};
	const word = (w: string, errMsg: string): void => {
		for (let k = 0; k < w.length; k++, i++) {
			if (i >= s.length) eof();
			if (s[i].toLowerCase() !== w[k].toLowerCase()) fail(errMsg);
		}
	};
	const str = (q: string): string => {
		i++;
		let out = '';
		for (;;) {
			if (i >= s.length) eof();
			const c = s[i++];
			if (c === q) return out;
			if (c !== '\\') { out += c; continue; }
			if (i >= s.length) eof();
			const e = s[i++];
			switch (e) {
			case '"': case '\\': case '/': out += e; break;
			case 'b': out += '\b'; break;
			case 'n': out += '\n'; break;
			case 'r': out += '\r'; break;
			case 't': out += '\t'; break;
			case 'f': out += '\f'; break;
			case 'u': {
				const hex = (): number => {
					let v = 0;
					for (let k = 0; k < 4; k++) {
						if (i >= s.length) eof();
						if (!isXDigitC(s[i])) fail('invalid string sequence');
						v = v * 16 + digitVal(s[i++]);
					}
					return v;
				};
				let cp = hex();
				if ((cp & 0xfc00) === 0xd800) {
					if (s[i] === '\\' && s[i + 1] === 'u') {
						i += 2;
						const lo = hex();
						if ((lo & 0xfc00) === 0xdc00) cp = 0x10000 + ((cp & 0x3ff) << 10) + (lo & 0x3ff);
						else { out += '\ufffd'; cp = (lo & 0xfc00) === 0xd800 ? 0xfffd : lo; }
					}
					else cp = 0xfffd;
				}
				else if ((cp & 0xfc00) === 0xdc00) cp = 0xfffd;
				out += String.fromCodePoint(cp);
				break;
			}
			default: fail('invalid string sequence');
			}
		}
	};
	const num = (depth: number): number => {
		const start = i;
		let isDouble = false, isExp = false, negOk = true, posOk = false;
		while (i < s.length) {
			const c = s[i];
			if ((c >= '0' && c <= '9') || (!isExp && (c === 'e' || c === 'E')) || (negOk && c === '-') || (posOk && c === '+') || (!isDouble && c === '.')) {
				negOk = posOk = false;
				if (c === '.') { isDouble = true; negOk = posOk = true; }
				else if (c === 'e' || c === 'E') { isExp = true; isDouble = true; negOk = posOk = true; }
				i++;
				continue;
			}
			break;
		}
		const c = s[i];
		if (c === undefined && depth > 0) eof();
		if (depth > 0 && c !== undefined && c !== ',' && c !== ']' && c !== '}' && c !== '/' && c !== 'I' && c !== 'i' && c !== ' ' && c !== '\t' && c !== '\n' && c !== '\r')
			fail('number expected');
		let t = s.slice(start, i);
		if (t === '-' && (c === 'I' || c === 'i')) { word('infinity', 'unexpected character'); return -Infinity; }
		if (isDouble) {
			while (t.length > 1 && /[eE+-]$/.test(t)) t = t.slice(0, -1);
			const m = /^-?(\d+\.?\d*([eE][+-]?\d+)?|\.\d+([eE][+-]?\d+)?)$/.exec(t);
			if (!m) fail('number expected');
			return parseFloat(t);
		}
		if (!/^-?\d+$/.test(t)) { if (c === undefined) eof(); fail('number expected'); }
		let v = BigInt(t);
		if (v > UINT64_MAX) v = t[0] === '-' ? INT64_MIN : UINT64_MAX;
		else if (v < INT64_MIN) v = INT64_MIN;
		return Number(v);
	};
	const value = (depth: number): unknown => {
		ws();
		if (i >= s.length) eof();
		const c = s[i];
		switch (c) {
		case '{': {
			i++;
			const obj: { [k: string]: unknown } = {};
			for (;;) {
				ws();
				if (i >= s.length) eof();
				if (s[i] === '}') { i++; return obj; }
				if (s[i] !== '"' && s[i] !== '\'') fail('quoted object property name expected');
				const key = str(s[i]);
				ws();
				if (i >= s.length) eof();
				if (s[i] !== ':') fail('object property name separator \':\' expected');
				i++;
				if (depth >= MAXDEPTH - 1) fail('nesting too deep');
				const v = value(depth + 1);
				if (key === '__proto__') Object.defineProperty(obj, key, { value: v, enumerable: true, writable: true, configurable: true });
				else obj[key] = v;
				ws();
				if (i >= s.length) eof();
				if (s[i] === '}') { i++; return obj; }
				if (s[i] !== ',') fail('object value separator \',\' expected');
				i++;
			}
		}
		case '[': {
			i++;
			const arr: unknown[] = [];
			for (;;) {
				ws();
				if (i >= s.length) eof();
				if (s[i] === ']') { i++; return arr; }
				if (depth >= MAXDEPTH - 1) fail('nesting too deep');
				arr.push(value(depth + 1));
				ws();
				if (i >= s.length) eof();
				if (s[i] === ']') { i++; return arr; }
				if (s[i] !== ',') fail('array value separator \',\' expected');
				i++;
			}
		}
		case '"': case '\'':
			return str(c);
		case 't': case 'T': word('true', 'boolean expected'); return true;
		case 'f': case 'F': word('false', 'boolean expected'); return false;
		case 'n': case 'N': {
			if ((s[i + 1] || '').toLowerCase() === 'a') { word('nan', 'null expected'); return NaN; }
			word('null', 'null expected');
			return null;
		}
		case 'i': case 'I': word('infinity', 'unexpected character'); return Infinity;
		default:
			if (c === '-' || (c >= '0' && c <= '9')) return num(depth);
			fail('unexpected character');
		}
		return null;
	};
	let result: unknown;
	try {
		result = value(0);
		ws(true);
	}
	catch (e) {
		if (e instanceof JErr) {
			if (e.eof) raise('Syntax error', 'Failed to parse JSON string: unexpected end of data');
			raise('Syntax error', 'Failed to parse JSON string: ' + e.msg);
		}
		throw e;
	}
	for (; i < s.length; i++) if (!isSpaceC(s[i])) raise('Syntax error', 'Trailing garbage after JSON data');
	return result;
}

// ---------------------------------------------------------------------------
// fnmatch() for wildcard()

function fnmatchToRegExp(pattern: string, icase: boolean): RegExp {
	const p = toB(pattern);
	let out = '';
	for (let i = 0; i < p.length;) {
		const c = p[i];
		if (c === '*') { out += '[\\s\\S]*'; i++; }
		else if (c === '?') { out += '[\\s\\S]'; i++; }
		else if (c === '[') {
			try {
				const [cls, next] = translateBracket(p, i + 1, false, true);
				out += cls;
				i = next;
			}
			catch { out += '\\['; i++; }
		}
		else if (c === '\\' && i + 1 < p.length) { out += hex4(p.charCodeAt(i + 1)); i += 2; }
		else { out += hex4(p.charCodeAt(i)); i++; }
	}
	return new RegExp('^(?:' + out + ')$', icase ? 'i' : '');
}

// ---------------------------------------------------------------------------
// Builtins

function isArr(v: unknown): v is unknown[] {
	return Array.isArray(v);
}

function isObj(v: unknown): v is { [k: string]: unknown } {
	return ucTypeOf(v) === 'object';
}

function isCallable(v: unknown): v is Fn {
	return typeof v === 'function';
}

/** print(...values): writes to stdout, no separator, no newline; returns the byte count */
export function print(...values: unknown[]): number {
	let s = '';
	for (const v of values) if (v !== null && v !== undefined) s += toStr(v);
	const b = encodeBytes(s);
	if (b.length) hooks.stdout(b);
	return b.length;
}

export function printf(fmt?: unknown, ...args: unknown[]): number {
	const b = encodeBytes(doPrintf(fmt, args));
	if (b.length) hooks.stdout(b);
	return b.length;
}

export function sprintf(fmt?: unknown, ...args: unknown[]): string {
	return doPrintf(fmt, args);
}

export function warn(...values: unknown[]): number {
	let s = '';
	for (const v of values) if (v !== null && v !== undefined) s += toStr(v);
	const b = encodeBytes(s);
	if (b.length) hooks.stderr(b);
	return b.length;
}

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

export function split(str?: unknown, sep?: unknown, limit?: unknown): string[] | null {
	if (sep === null || sep === undefined || typeof str !== 'string') return null;
	let lim = limit === null || limit === undefined ? Infinity : Number(uint64Get(rawNumV(limit))[0]);
	const res: string[] = [];
	if (lim === 0) return res;
	if (isRegExp(sep)) {
		const m = regexMeta(sep);
		const sb = toB(str);
		let pos = 0;
		while (lim > 1) {
			const r = execAt(m, sb, pos);
			if (!r) break;
			if (r[0].length) {
				res.push(fromB(sb.slice(pos, r.index)));
				pos = r.index + r[0].length;
			}
			else if (pos < sb.length) {
				// uc_split(): an empty match splits off one byte at the search start
				res.push(fromB(sb.slice(pos, pos + 1)));
				pos++;
			}
			else return res;
			lim--;
		}
		res.push(fromB(sb.slice(pos)));
		return res;
	}
	if (typeof sep === 'string') {
		const sb = toB(str), pb = toB(sep);
		if (!sb.length) { res.push(''); return res; }
		if (!pb.length) {
			let p = 0;
			while (lim > 1 && p < sb.length) { res.push(fromB(sb[p++])); lim--; }
			if (p < sb.length) res.push(fromB(sb.slice(p)));
			return res;
		}
		let start = 0;
		while (lim > 1) {
			const k = sb.indexOf(pb, start);
			if (k < 0) break;
			res.push(fromB(sb.slice(start, k)));
			start = k + pb.length;
			lim--;
		}
		res.push(fromB(sb.slice(start)));
		return res;
	}
	return null;
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

function matchArray(r: RegExpExecArray, nsub: number): (string | null)[] {
	const arr: (string | null)[] = [];
	for (let k = 0; k <= nsub; k++) arr.push(r[k] === undefined ? null : fromB(r[k]));
	return arr;
}

export function match(subject?: unknown, pattern?: unknown): unknown {
	if (!isRegExp(pattern) || subject === null || subject === undefined) return null;
	const m = regexMeta(pattern);
	const sb = toB(toStr(subject));
	if (!m.global) {
		const r = execAt(m, sb, 0);
		return r ? matchArray(r, m.nsub) : null;
	}
	let rv: unknown[] | null = null;
	let pos = 0;
	for (;;) {
		const r = execAt(m, sb, pos);
		if (!r) break;
		(rv || (rv = [])).push(matchArray(r, m.nsub));
		// like uc_match(): after an empty match ucode steps one byte from the
		// search start, not from the match position
		if (r[0].length) pos = r.index + r[0].length;
		else if (pos < sb.length) pos++;
		else break;
	}
	return rv;
}

function replaceStr(repl: string, subject: string, so: number, eo: number, groups: (string | undefined)[]): string {
	// subject, so, eo and groups are B-strings/offsets; returns a B-string
	const r = toB(repl);
	let out = '';
	for (let k = 0; k < r.length; k++) {
		const c = r[k];
		if (c !== '$' || k + 1 >= r.length) { out += c; continue; }
		const e = r[++k];
		switch (e) {
		case '&': out += subject.slice(so, eo); break;
		case '`': out += subject.slice(0, so); break;
		case '\'': out += subject.slice(eo); break;
		case '$': out += '$'; break;
		default:
			if (e >= '1' && e <= '9') {
				const g = e.charCodeAt(0) - 48;
				if (g < groups.length && groups[g] !== undefined) out += groups[g];
				else out += '$' + e;
			}
			else out += '$' + e;
		}
	}
	return out;
}

/** one replacement (B-strings): a callback gets (match, ...groups), a string gets $ escapes */
function replacement(repl: unknown, sub: string, so: number, eo: number, groups: (string | undefined)[]): string {
	if (isCallable(repl)) {
		const args: (string | null)[] = [];
		for (const g of groups) args.push(g === undefined ? null : fromB(g));
		return toB(toStr(repl.apply(null, args)));
	}
	return replaceStr(toStr(repl), sub, so, eo, groups);
}

export function replace(subject?: unknown, pattern?: unknown, repl?: unknown, limit?: unknown): string | null {
	if (pattern === null || pattern === undefined || subject === null || subject === undefined || repl === null || repl === undefined) return null;
	const sb = toB(toStr(subject));
	let lim = limit === null || limit === undefined ? Infinity : Number(uint64Get(rawNumV(limit))[0]);
	let out = '';
	if (isRegExp(pattern)) {
		const m = regexMeta(pattern);
		let p = 0;
		while (lim > 0) {
			const r = execAt(m, sb, p);
			if (!r) break;
			out += sb.slice(p, r.index);
			const groups: (string | undefined)[] = [];
			for (let k = 0; k <= m.nsub; k++) groups.push(r[k]);
			// ucode hands the callback/`$` escapes the subject from the current search position
			out += replacement(repl, sb.slice(p), r.index - p, r.index - p + r[0].length, groups);
			// uc_replace(): after an empty match ucode copies the byte at the
			// search start (even if the match was further on) and steps past it
			if (r[0].length) p = r.index + r[0].length;
			else if (p < sb.length) { out += sb[p]; p++; }
			else break;
			if (!m.global) break;
			lim--;
		}
		out += sb.slice(p);
		return fromB(out);
	}
	const pt = toB(toStr(pattern));
	const pl = pt.length;
	let l = 0, p = 0;
	while (lim > 0) {
		if (pl === 0 || sb.startsWith(pt, p)) {
			out += sb.slice(l, p);
			out += replacement(repl, sb.slice(l), p - l, p - l + pl, [pt]);
			if (pl) { l = p + pl; p += pl - 1; }
			else l = p;
			lim--;
		}
		if (p++ >= sb.length) break;
	}
	out += sb.slice(l);
	return fromB(out);
}

export function regexp(source?: unknown, flags?: unknown): RegExp {
	let icase = false, newline = false, global = false;
	if (flags !== null && flags !== undefined) {
		if (typeof flags !== 'string') raise('Type error', 'Given flags argument is not a string');
		for (const f of flags) {
			if (f === 'i') icase = true;
			else if (f === 's') newline = true;
			else if (f === 'g') global = true;
			else raise('Type error', `Unrecognized flag character '${f}'`);
		}
	}
	const src = toStr(source === undefined ? null : source);
	const m = compileMeta(src, global, icase, newline);
	const handle = new RegExp(m.js.source, (global ? 'g' : '') + (icase ? 'i' : ''));
	META.set(handle, m);
	return handle;
}

export function wildcard(subject?: unknown, pattern?: unknown, icase?: unknown): boolean | null {
	if (subject === null || subject === undefined || typeof pattern !== 'string') return null;
	let re: RegExp;
	try { re = fnmatchToRegExp(pattern, truish(icase)); }
	catch { return false; }
	return re.test(toB(toStr(subject)));
}

export function json(src?: unknown): unknown {
	if (typeof src === 'string') return parseJsonText(src);
	if (isObj(src) || isArr(src)) {
		const rfn = (src as any).read;
		if (!isCallable(rfn)) raise('Type error', 'Input object does not implement read() method');
		let text = '';
		for (;;) {
			const chunk = rfn.call(src, 1024);
			if (chunk === null || chunk === undefined || chunk === '') break;
			text += typeof chunk === 'string' ? chunk : toStringFormatted(chunk, 0, '\0', 0, new Set());
		}
		return parseJsonText(text);
	}
	raise('Type error', 'Passed value is neither a string nor an object');
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

export function b64enc(str?: unknown): string | null {
	if (typeof str !== 'string') return null;
	const b = encodeBytes(str);
	let out = '';
	let i = 0;
	for (; i + 2 < b.length; i += 3) {
		out += B64[b[i] >> 2] + B64[((b[i] & 3) << 4) | (b[i + 1] >> 4)] + B64[((b[i + 1] & 15) << 2) | (b[i + 2] >> 6)] + B64[b[i + 2] & 63];
	}
	const rem = b.length - i;
	if (rem) {
		const b0 = b[i], b1 = rem > 1 ? b[i + 1] : 0;
		out += B64[b0 >> 2] + B64[((b0 & 3) << 4) | (b1 >> 4)] + (rem === 1 ? '=' : B64[(b1 & 15) << 2]) + '=';
	}
	return out;
}

export function b64dec(str?: unknown): string | null {
	if (typeof str !== 'string') return null;
	const src = toB(str);
	const out: number[] = [];
	let state = 0, i = 0, cur = 0;
	let ch = '';
	for (; i < src.length; i++) {
		ch = src[i];
		if (ch === '\0') break;
		if (isSpaceC(ch)) continue;
		if (ch === '=') break;
		const val = B64.indexOf(ch);
		if (val < 0 || ch.length !== 1) return null;
		switch (state) {
		case 0: cur = val << 2; state = 1; break;
		case 1: out.push((cur | (val >> 4)) & 255); cur = (val & 15) << 4; state = 2; break;
		case 2: out.push((cur | (val >> 2)) & 255); cur = (val & 3) << 6; state = 3; break;
		case 3: out.push((cur | val) & 255); cur = 0; state = 0; break;
		}
	}
	if (ch === '=' && i < src.length) {
		i++;
		if (state === 0 || state === 1) return null;
		if (state === 2) {
			while (i < src.length && isSpaceC(src[i])) i++;
			if (src[i] !== '=') return null;
			i++;
		}
		for (; i < src.length; i++) if (!isSpaceC(src[i])) return null;
		if ((cur & 255) !== 0) return null;
	}
	else if (state !== 0) return null;
	return decodeBytes(out);
}

export function hexenc(input?: unknown): string | null {
	if (input === null || input === undefined) return null;
	const b = encodeBytes(toStr(input));
	let out = '';
	for (let i = 0; i < b.length; i++) out += (b[i] < 16 ? '0' : '') + b[i].toString(16);
	return out;
}

export function hexdec(input?: unknown, skip?: unknown): string | null {
	if (typeof input !== 'string') return null;
	if (skip !== null && skip !== undefined && typeof skip !== 'string') return null;
	const s = toB(input);
	const sk = toB(typeof skip === 'string' ? skip : ' \t\n');
	let digits = '';
	for (let i = 0; i < s.length; i++) {
		if (isXDigitC(s[i])) digits += s[i];
		else if (s[i] === '\0' || sk.indexOf(s[i]) < 0) return null;
	}
	if (digits.length & 1) return null;
	const out: number[] = [];
	for (let i = 0; i < digits.length; i += 2) out.push(parseInt(digits.slice(i, i + 2), 16));
	return decodeBytes(out);
}

export function iptoarr(ip?: unknown): number[] | null {
	if (typeof ip !== 'string') return null;
	return pton6(ip) || pton4(ip);
}

export function arrtoip(arr?: unknown): string | null {
	if (!isArr(arr) || (arr.length !== 4 && arr.length !== 16)) return null;
	const b: number[] = [];
	for (const v of arr) {
		if (ucTypeOf(v) !== 'int') return null;
		const n = Number(v);
		if (n < 0 || n > 255) return null;
		b.push(n);
	}
	return arr.length === 4 ? b.join('.') : ntop6(b);
}

export function time(): number {
	return Math.floor(Date.now() / 1000);
}

export function clock(monotonic?: unknown): number[] | null {
	if (truish(monotonic)) {
		const p = nodeProcess();
		if (p && p.hrtime && typeof p.hrtime.bigint === 'function') {
			const ns: bigint = p.hrtime.bigint();
			return [Number(ns / 1000000000n), Number(ns % 1000000000n)];
		}
		const g: any = globalThis as any;
		const ms = g.performance && typeof g.performance.now === 'function' ? g.performance.now() : Date.now();
		return [Math.floor(ms / 1000), Math.floor((ms % 1000) * 1e6)];
	}
	const ms = Date.now();
	return [Math.floor(ms / 1000), (ms % 1000) * 1e6];
}

interface TimeSpec { sec: number; min: number; hour: number; mday: number; mon: number; year: number; wday: number; yday: number; isdst: number }

function stdOffset(year: number): number {
	// minutes west of UTC for standard (non-DST) time in the given year
	const jan = new Date(year, 0, 1).getTimezoneOffset();
	const jul = new Date(year, 6, 1).getTimezoneOffset();
	return Math.max(jan, jul);
}

function dstOffset(year: number): number {
	const jan = new Date(year, 0, 1).getTimezoneOffset();
	const jul = new Date(year, 6, 1).getTimezoneOffset();
	// a zone without DST: glibc's mktime assumes DST is one hour ahead, musl ignores isdst
	if (jan === jul) return libcFlavor === 'glibc' ? jan - 60 : jan;
	return Math.min(jan, jul);
}

function gettime(ts: unknown, local: boolean): TimeSpec | null {
	const t = ts === null || ts === undefined ? time() : Number(toInteger(ts));
	const d = new Date(t * 1000);
	if (Number.isNaN(d.getTime())) return null;
	const year = local ? d.getFullYear() : d.getUTCFullYear();
	const mon = local ? d.getMonth() : d.getUTCMonth();
	const mday = local ? d.getDate() : d.getUTCDate();
	const ydayMs = Date.UTC(year, mon, mday) - Date.UTC(year, 0, 1);
	const wday = local ? d.getDay() : d.getUTCDay();
	return {
		sec: local ? d.getSeconds() : d.getUTCSeconds(),
		min: local ? d.getMinutes() : d.getUTCMinutes(),
		hour: local ? d.getHours() : d.getUTCHours(),
		mday,
		mon: mon + 1,
		year,
		wday: wday ? wday : 7,
		yday: Math.round(ydayMs / 86400000) + 1,
		isdst: local && d.getTimezoneOffset() < stdOffset(year) ? 1 : 0,
	};
}

/** broken-down local time; mon 1..12, year e.g. 2025, wday 1..7 with Sunday = 7, yday 1..366 */
export function localtime(ts?: unknown): TimeSpec | null { return gettime(ts, true); }
export function gmtime(ts?: unknown): TimeSpec | null { return gettime(ts, false); }

function mktime(spec: unknown, local: boolean): number | null {
	if (!isObj(spec)) return null;
	for (const f of ['mday', 'mon', 'year']) if (!Object.prototype.hasOwnProperty.call(spec, f)) return null;
	const get = (f: string): number => Number(BigInt.asIntN(32, toInteger(spec[f] === undefined ? null : spec[f])));
	let mon = get('mon');
	let year = get('year');
	if (mon > 0) mon--;
	if (year < 1900) year += 1900;
	const isdst = get('isdst');
	const d = new Date(0);
	d.setUTCFullYear(year, mon, get('mday'));
	d.setUTCHours(get('hour'), get('min'), get('sec'), 0);
	let t = d.getTime() / 1000;
	if (Number.isNaN(t)) return null;
	if (local) {
		if (isdst < 0) {
			const ld = new Date(0);
			ld.setFullYear(year, mon, get('mday'));
			ld.setHours(get('hour'), get('min'), get('sec'), 0);
			t = ld.getTime() / 1000;
		}
		else {
			const off = isdst > 0 ? dstOffset(year) : stdOffset(year);
			t += off * 60;
		}
	}
	return t === -1 ? null : Math.floor(t);
}

export function timelocal(spec?: unknown): number | null { return mktime(spec, true); }
export function timegm(spec?: unknown): number | null { return mktime(spec, false); }

export function sleep(ms?: unknown): boolean {
	const [n, err] = int64Get(toNumV(ms));
	if (err !== EOK || n <= 0n) return false;
	const dur = Number(n);
	const g: any = globalThis as any;
	try {
		const sab = new g.SharedArrayBuffer(4);
		g.Atomics.wait(new Int32Array(sab), 0, 0, dur);
	}
	catch {
		const end = Date.now() + dur;
		while (Date.now() < end) { /* busy wait */ }
	}
	return true;
}

export function die(msg?: unknown): never {
	throw new UcodeError('Error', msg === null || msg === undefined ? 'Died' : toStr(msg));
}

export function exit(code?: unknown): never {
	return hooks.exit(Number(BigInt.asIntN(32, toInteger(code))));
}

export function assert(cond?: unknown, msg?: unknown): unknown {
	if (!truish(cond)) throw new UcodeError('Error', msg === null || msg === undefined ? 'Assertion failed' : toStr(msg));
	return cond;
}

export function getenv(name?: unknown): unknown {
	const p = nodeProcess();
	const env: { [k: string]: string | undefined } = p && p.env ? p.env : {};
	if (name === null || name === undefined) {
		const o: { [k: string]: string } = {};
		for (const k of Object.keys(env)) if (env[k] !== undefined) o[k] = env[k] as string;
		return o;
	}
	if (typeof name === 'string') {
		const v = env[name];
		return v === undefined ? null : v;
	}
	return null;
}

export function system(command?: unknown, timeout?: unknown): number | null {
	if (timeout !== null && timeout !== undefined && (ucTypeOf(timeout) !== 'int' || Number(timeout) < 0))
		raise('Type error', 'Invalid timeout specified');
	const p = nodeProcess();
	const cp = p && typeof p.getBuiltinModule === 'function' ? p.getBuiltinModule('child_process') : null;
	if (!cp) raise('Runtime error', 'system() is unsupported in shim (no child_process)');
	let file: string, args: string[];
	if (typeof command === 'string') { file = '/bin/sh'; args = ['-c', command]; }
	else if (isArr(command) && command.length) { file = toStr(command[0]); args = command.slice(1).map(toStr); }
	else raise('Type error', 'Passed command is neither string nor array');
	const opts: any = { stdio: 'inherit' };
	if (timeout) { opts.timeout = Number(timeout); opts.killSignal = 'SIGKILL'; }
	const r = cp.spawnSync(file, args, opts);
	if (r.error && r.status === null && !r.signal) return -1;
	if (r.signal) {
		const os = p.getBuiltinModule('os');
		return -(os && os.constants && os.constants.signals[r.signal] || 9);
	}
	return r.status;
}

export function call(fn?: unknown, ctx?: unknown, scope?: unknown, ...args: unknown[]): unknown {
	if (!isCallable(fn)) return null;
	if (scope !== null && scope !== undefined) {
		if (!isObj(scope)) return null;
		raise('Runtime error', 'call() with a scope object is unsupported in shim');
	}
	const r = fn.apply(ctx === undefined ? null : ctx, args);
	return r === undefined ? null : r;
}

export function loadstring(): never {
	raise('Runtime error', 'loadstring() is unsupported in shim');
}

// ---------------------------------------------------------------------------
// Registry / installation

export const builtins = {
	print, printf, sprintf, warn,
	length, index, rindex,
	push, pop, shift, unshift, splice, slice, reverse, uniq, filter, map, sort,
	join, split, substr, trim, ltrim, rtrim, uc, lc, chr, uchr, ord,
	keys, values, exists, proto,
	type, int, hex, min, max,
	match, replace, regexp, wildcard,
	json, b64enc, b64dec, hexenc, hexdec,
	iptoarr, arrtoip,
	time, clock, localtime, gmtime, timelocal, timegm, sleep,
	die, exit, assert, getenv, system, call, loadstring,
};

for (const name of Object.keys(builtins)) NATIVE.set((builtins as { [k: string]: Function })[name], name);

/** Assign every builtin (and ARGV) as a global of `target`. */
export function install(target: object = globalThis, argv: string[] = []): void {
	const t = target as { [k: string]: unknown };
	for (const name of Object.keys(builtins)) t[name] = (builtins as { [k: string]: unknown })[name];
	t.ARGV = argv;
}

/** Exposed for tests and tooling: ucode's value → string conversion. */
export const internals = { toStr, toJson, fmtG14, ucCompare, parseUcNumber, lexRegexLiteral, translateEre };
