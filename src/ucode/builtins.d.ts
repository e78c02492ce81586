// ucode's global builtin functions (jow-/ucode lib.c) as seen from TypeScript.
//
// This file must type-check both with `noLib` (the router program: only
// src/ucode/lib.d.ts) and in a normal Node/ES program, so it uses nothing but
// Array, object types and primitives: no ReadonlyArray, Record, Promise… It
// does not declare `require`, `global`, `gc`, `include`, `render`, `signal`
// (they clash with Node's types).
//
// Signatures are deliberately narrow where ucode differs from JavaScript, so
// the compiler catches the usual traps: push() returns the VALUE, splice()
// returns the ARRAY, join() takes the SEPARATOR FIRST, map() passes the index
// as second argument, json() only parses.
//
// Only the builtins src/ calls are declared: src/ucode/shim.ts implements
// exactly these for Node and the browser (a thin adapter, see docs/ucode.md).

// With noLib the project's Array<T> is only an index signature, so any object
// type with an index signature would be assignable to an array and the
// array/object overloads below (sort, keys, values, reverse) would resolve
// wrongly. This type-only brand (a unique symbol nobody can name at runtime)
// tells arrays apart in both programs; it has no runtime counterpart.
declare const __ucodeArrayBrand: unique symbol;
interface Array<T> { readonly [__ucodeArrayBrand]: T; }

/** Writes each argument to stdout with no separator and no newline; non-strings are stringified like ucode (`[ 1, "a" ]`), null prints nothing. Returns the number of bytes written. */
declare function print(...values: unknown[]): number;
/**
 * C-like formatting: %s %d %i %u %o %x %X %c %f %F %e %E %g %G %%, flags `#0- +`, width, precision, `%1$s`.
 * ucode extras: `%J` formats ucode JSON (`{ "a": [ 1, "x" ] }`, spaces inside brackets), `%.J` pretty-prints
 * with tabs, `%.4J` with 4 spaces. `%d` of a non-number converts it (a string is parsed, else 0); `%s` of null is `(null)`.
 * Widths count bytes, not characters.
 */
declare function sprintf(fmt: string, ...args: unknown[]): string;
/** Like print(), but to stderr. */
declare function warn(...values: unknown[]): number;

/** Length of a string in BYTES (UTF-8: length("héllo") is 6), of an array, or key count of an object. */
declare function length(x: string | unknown[] | object): number;
/** Anything else (number, bool, null, function) gives null. */
declare function length(x: unknown): number | null;

/** Byte offset of the first occurrence of `needle` in `s`, or -1. */
declare function index(s: string, needle: string): number;
/** Index of the first element equal to `needle` (type-strict for scalars, identity for arrays/objects), or -1. */
declare function index<T>(arr: T[], needle: T): number;
/** Byte offset of the last occurrence of `needle` in `s`, or -1. */
declare function rindex(s: string, needle: string): number;
/** Index of the last element equal to `needle`, or -1. */
declare function rindex<T>(arr: T[], needle: T): number;

/**
 * Appends the values. ucode returns the LAST PUSHED VALUE (not the new length);
 * declared `void` so code cannot use the result either way.
 */
declare function push<T>(arr: T[], ...values: T[]): void;
/** Shallow copy of arr[start..end) with JS-like negative offsets. Arrays only (not strings). */
declare function slice<T>(arr: T[], start?: number | null, end?: number | null): T[];
/** New array without duplicates (type-strict for scalars, identity for arrays/objects), first occurrence kept. */
declare function uniq<T>(arr: T[]): T[];
/** New array of the elements for which `fn(value, index, arr)` is truthy. */
declare function filter<T, S extends T>(arr: T[], fn: (v: T, i: number, arr: T[]) => v is S): S[];
declare function filter<T>(arr: T[], fn: (v: T, i: number, arr: T[]) => unknown): T[];
/** New array of fn(value, INDEX, arr): beware `map(a, int)` parses with the index as base. */
declare function map<T, U>(arr: T[], fn: (v: T, i: number, arr: T[]) => U): U[];
/**
 * Sorts IN PLACE and returns the same array. Without `cmp`, numbers compare numerically and everything
 * else as strings (byte-wise). `cmp` may return a number or a bool (true counts as 1, false as 0).
 */
declare function sort<T>(arr: T[], cmp?: (a: T, b: T) => number | boolean): T[];
/** Reorders an object's keys IN PLACE and returns it; `cmp` gets (key1, key2, value1, value2). */
declare function sort<O extends object>(obj: O, cmp?: (k1: string, k2: string, v1: any, v2: any) => number | boolean): O;

/** Joins the elements with `sep`: the SEPARATOR COMES FIRST. null elements stringify as "null", arrays/objects as JSON. */
declare function join(sep: string, arr: unknown[]): string;
/**
 * Splits on a string or a regexp; `split("", ",")` is `[""]` (the shim refuses `split(s, "")`).
 * With `limit` the last element holds the rest. Empty regexp matches split off single bytes.
 */
declare function split(s: string, sep: string | RegExp, limit?: number): string[];
/**
 * Substring by BYTE offset and length; negative `off` counts from the end, negative `len` leaves that many
 * bytes off the end. Note: an explicit null/undefined `len` means 0, not "to the end".
 */
declare function substr(s: string, off: number, len?: number): string;
/** Strips `chars` (default " \t\r\n") from both ends. */
declare function trim(s: string, chars?: string): string;
/** ASCII-only upper-casing (non-ASCII bytes are unchanged). */
declare function uc(s: string): string;
/** ASCII-only lower-casing (non-ASCII bytes are unchanged). */
declare function lc(s: string): string;
/** A string of the given BYTES (each clamped to 0..255), not code points. */
declare function chr(...bytes: number[]): string;
/** The BYTE value at byte offset `off` (default 0, negative from the end), or null when out of range. */
declare function ord(s: string, off?: number): number | null;

/** Own keys of an object, in insertion order. An array is not an object here: keys(arr) is null. */
declare function keys(arr: unknown[]): null;
declare function keys(o: object): string[];
/** Own values of an object. An array gives null. */
declare function values(arr: unknown[]): null;
declare function values<V>(o: { [k: string]: V }): V[];
declare function values(o: object): unknown[];
/** Whether an object has an own key `key` (false for anything that is not an object). */
declare function exists(o: object, key: string): boolean;

/** ucode's type name: "int" and "double" are distinct (Node shim: safe integers are "int"). null for null. */
declare function type(x: unknown): 'int' | 'double' | 'string' | 'bool' | 'array' | 'object' | 'function' | 'regexp' | null;
/**
 * Truncates a number toward zero; parses a string like C strtoll: leading space and sign allowed, trailing
 * junk ignored ("12abc" → 12), base 10 by default (int("0x10") is 0; int("0x10", 16) and int("0x10", 0) are 16).
 * Unparsable input (and a non-number base) gives NaN.
 */
declare function int(x: unknown, base?: number): number;
/** Parses a whole hexadecimal STRING ("ff", "0xff") to a number; anything else (leading space, junk, a number) is NaN. */
declare function hex(s: string): number;
/** Smallest argument (ucode comparison: numbers numerically, strings byte-wise); null without arguments. */
declare function min(...values: number[]): number;
declare function min(...values: string[]): string;

/**
 * POSIX ERE match. Without /g: [whole, group1, …] (unmatched groups are null) or null. With /g: an array of
 * such arrays, or null. The subset check keeps literals to what JS reads the same (no `.`, no `[[:x:]]`,
 * `[^…]` must exclude "\n", ASCII only); on a subject with a newline `^`/`$` differ between ucode HEAD
 * (every line) and 0.0.20250529 (the ends), so the shim dies there: split lines first.
 */
declare function match(s: string, re: RegExp): string[] | string[][] | null;
/**
 * A regexp without /g replaces the first match only. (ucode also takes a STRING pattern and then
 * replaces EVERY occurrence — unlike JS; declared RegExp-only so that trap cannot be written.)
 * `repl` may use $& $1..$9 $` $' $$ (anything else after `$`, and a group that did not match, stays literal;
 * $` and $' only see the text after the previous match), or be a function called with (match, group1, …)
 * (unmatched groups are null) whose result is stringified. `limit` caps the number of replacements.
 */
declare function replace(s: string, pattern: RegExp, repl: string | ((m: string, ...groups: string[]) => string), limit?: number): string;

/** PARSES JSON (dies on bad input or trailing garbage). To serialise, use sprintf("%J", v). */
declare function json(s: string): unknown;

/** "10.0.0.1" → [10, 0, 0, 1]; IPv6 → 16 bytes (`::`, v4-mapped forms accepted); strict inet_pton, null on bad input (also on a prefix like "/24"). */
declare function iptoarr(s: string): number[] | null;
/** 4 or 16 integers 0..255 → address text (IPv6 compressed by inet_ntop); null on bad input. */
declare function arrtoip(a: number[]): string | null;

/** Seconds since the epoch (an integer). */
declare function time(): number;
/**
 * Broken-down local time of `t` (default now). Unlike C: mon is 1..12, year is the full year (2025),
 * wday is 1..7 with SUNDAY = 7, yday is 1..366.
 */
declare function localtime(t?: number): { sec: number, min: number, hour: number, mday: number, mon: number, year: number, wday: number, yday: number, isdst: number };

/** Terminates the program with the exit code. */
declare function exit(code?: number): never;
/** Value of an environment variable, or null. */
declare function getenv(name: string): string | null;
/** All environment variables. */
declare function getenv(): { [name: string]: string };

/** The script's command line arguments. */
declare const ARGV: string[];
