// A provider's .zip of WireGuard .conf files, as the router (`splitwg import
// FILE.zip`, src/router/onboard.ts) and LuCI's upload (src/luci/_zip.ts) both
// take it: which entries count, how many and how large, and the upstream
// name each file gives. One place, so the two agree.

// regexes as module constants: ucode compiles a literal each time it is evaluated
const NOT_NAME_CHAR = /[^a-z0-9_\n]|\n/g;   // every non-name character, a newline too
const LETTER_FIRST = /^[a-z]/;
const CONF_NAME = /\.[cC][oO][nN][fF]$/;

export const ZIP_ENTRIES = 64;        // .conf files of one zip: more is not a provider's bundle
export const CONF_BYTES = 65536;      // bytes of one .conf

// A file name → an upstream name: letters, digits, _; a letter first; ≤ 12.
export function nameFromFile(path: string): string {
	let base = path;
	const slash = rindex(base, '/');
	if (slash >= 0) base = substr(base, slash + 1);
	const dot = rindex(base, '.');
	if (dot > 0) base = substr(base, 0, dot);
	base = replace(lc(base), NOT_NAME_CHAR, '_');
	if (!match(base, LETTER_FIRST)) base = `u_${base}`;
	return substr(base, 0, 12);
}

// Whether an entry of the archive is one of its .conf files: directories,
// macOS resource forks (__MACOSX/, ._name) and other files are not.
export function isConfEntry(name: string): boolean {
	if (!match(name, CONF_NAME)) return false;
	const base = substr(name, rindex(name, '/') + 1);
	return substr(name, 0, 9) !== '__MACOSX/' && substr(base, 0, 2) !== '._';
}

// Names for the upstreams of the files in archive order: each file's
// (nameFromFile), a second file of the same name gets _2, _3 … (at most 12
// characters).
export function uniqueNames(files: string[]): string[] {
	const seen: { [n: string]: boolean } = {};
	const out: string[] = [];
	for (let i = 0; i < length(files); i++) {
		let n = nameFromFile(files[i]);
		for (let k = 2; seen[n]; k++) n = `${substr(nameFromFile(files[i]), 0, 12 - length(`_${k}`))}_${k}`;
		seen[n] = true;
		push(out, n);
	}
	return out;
}
