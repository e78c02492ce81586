// ucode's global builtins, implemented with ucode's semantics, so that code
// written in the ucode subset of TypeScript (src/core) runs unchanged under
// Node (tests) and in browsers (LuCI views).
//
// Every function follows jow-/ucode lib.c (and types.c for value
// stringification / JSON output), snapshot 81205a2, and was compared with a
// real ucode (test/ucode/*.test.ts). Where a behaviour depends on the C
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
//
// This file is the entry: the builtins live in src/ucode/shim/ by topic, and
// are re-exported here by name because the LuCI build injects this file with
// esbuild `inject`, which replaces each free global (print, sprintf…) with the
// export of the same name. Keep the modules free of top-level side effects
// (constant tables only), so that a bundle can drop what it does not use.

import { NATIVE, toJson, toStr } from './shim/stringify';
import { fmtG14 } from './shim/float';
import { ucCompare } from './shim/values';
import { parseUcNumber } from './shim/numbers';
import { lexRegexLiteral } from './shim/regex-lexer';
import { translateEre } from './shim/regex-ere';
import { assert, die, exit, getenv, print, system, warn } from './shim/io';
import { printf, sprintf } from './shim/format';
import { chr, index, join, lc, length, ltrim, ord, reverse, rindex, rtrim, substr, trim, uc, uchr } from './shim/strings';
import { filter, map, pop, push, shift, slice, sort, splice, uniq, unshift } from './shim/arrays';
import { exists, keys, proto, values } from './shim/objects';
import { hex, int, max, min, type } from './shim/types';
import { match, regexp, replace, split } from './shim/regex';
import { wildcard } from './shim/wildcard';
import { json } from './shim/json';
import { b64dec, b64enc, hexdec, hexenc } from './shim/encoding';
import { arrtoip, iptoarr } from './shim/ip';
import { clock, gmtime, localtime, sleep, time, timegm, timelocal } from './shim/time';
import { call, loadstring } from './shim/functions';

export { setLibc, setUcodeVersion } from './shim/config';
export { UcodeError } from './shim/errors';
export { encodeBytes, decodeBytes } from './shim/bytes';
export { hooks } from './shim/io';
export type { ShimHooks } from './shim/io';
export {
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

// The entry's one side effect: builtins print as native functions (see
// stringify.ts). It keeps every builtin in a bundle that imports this file.
for (const name of Object.keys(builtins)) NATIVE.set((builtins as { [k: string]: Function })[name], name);

/** Assign every builtin (and ARGV) as a global of `target`. */
export function install(target: object = globalThis, argv: string[] = []): void {
	const t = target as { [k: string]: unknown };
	for (const name of Object.keys(builtins)) t[name] = (builtins as { [k: string]: unknown })[name];
	t.ARGV = argv;
}

/** Exposed for tests and tooling: ucode's value → string conversion. */
export const internals = { toStr, toJson, fmtG14, ucCompare, parseUcNumber, lexRegexLiteral, translateEre };
