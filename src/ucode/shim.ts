// ucode's builtins for the TypeScript core and router under Node (tests, lab,
// the developer CLI) and in the browser (LuCI): a thin adapter over JS, not an
// emulator. It implements only the builtins src/ calls, with ucode's result
// shapes (push() returns the value, match() an array or null, length() counts
// UTF-8 bytes …), and where JS would differ from ucode it dies instead of
// guessing: non-integer numbers in output, strings cut inside a UTF-8
// character, regexes on subjects with NUL or with a newline under ^/$.
// tools/ucode/check.mjs keeps regex literals to the part of POSIX ERE that
// JS RegExp reads the same; docs/ucode.md lists both sides.
//
// The LuCI build injects these exports with esbuild `inject` (each free global
// such as sprintf becomes the export of that name), so the modules have no
// top-level side effects and a bundle keeps only what it calls.

import { length, index, rindex, join, substr, trim, lc, uc, chr, ord } from './shim/strings';
import { push, filter, map, slice, sort, uniq, keys, values, exists, min } from './shim/arrays';
import { match, replace, split } from './shim/regex';
import { type } from './shim/values';
import { sprintf } from './shim/format';
import { print, warn, exit, getenv } from './shim/io';
import { int, hex, json, time, localtime, iptoarr, arrtoip } from './shim/misc';

export { UcodeError } from './shim/bytes';
export { hooks } from './shim/io';
export type { ShimHooks } from './shim/io';
export {
	length, index, rindex, join, substr, trim, lc, uc, chr, ord,
	push, filter, map, slice, sort, uniq, keys, values, exists, min,
	match, replace, split, type, sprintf, print, warn, exit, getenv,
	int, hex, json, time, localtime, iptoarr, arrtoip,
};

const builtins = {
	length, index, rindex, join, substr, trim, lc, uc, chr, ord,
	push, filter, map, slice, sort, uniq, keys, values, exists, min,
	match, replace, split, type, sprintf, print, warn, exit, getenv,
	int, hex, json, time, localtime, iptoarr, arrtoip,
};

/** Assign every builtin (and ARGV) as a global of `target`. */
export function install(target: object = globalThis, argv: string[] = []): void {
	Object.assign(target, builtins, { ARGV: argv });
}
