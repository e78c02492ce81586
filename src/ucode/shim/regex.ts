// match(), replace() and split() over JS RegExp, with ucode's result shapes
// and loops. tools/ucode/check.mjs keeps regex literals to the part of POSIX
// ERE that JS reads the same (ASCII, no classes, no `.`, `[^…]` excluding
// "\n"); matching runs on B-strings, so a character class or a `{m,n}` counts
// bytes as regexec does. What still differs is refused here, at run time:
// a subject with NUL (regexec stops there) and `^`/`$` on a subject with a
// newline (ucode HEAD anchors at every line, the release and JS at the ends).

import { die, fromB, toB } from './bytes';
import { toStr } from './values';

const SEARCH = new WeakMap<RegExp, RegExp>();
const ANCHOR = /[$^]/;
const NOT_ANCHOR = /\\[^]|\[\^?\]?[^\]]*\]/g;   // escapes and bracket expressions

// a global copy to search from a position (lastIndex); `^` then only holds
// at 0, as with ucode's REG_NOTBOL after the first match
function searcher(re: RegExp, subject: string): RegExp {
	if (subject.indexOf('\0') >= 0) die('regex subject contains NUL: ucode matches only up to it');
	if (subject.indexOf('\n') >= 0 && ANCHOR.test(re.source.replace(NOT_ANCHOR, '')))
		die(`${re} on a subject with a newline: ucode HEAD anchors ^/$ at every line, 0.0.20250529 at the ends`);
	let g = SEARCH.get(re);
	if (!g) SEARCH.set(re, g = new RegExp(re.source, re.ignoreCase ? 'gi' : 'g'));
	return g;
}

function exec(g: RegExp, b: string, pos: number): RegExpExecArray | null {
	g.lastIndex = pos;
	return g.exec(b);
}

const groups = (r: RegExpExecArray) => Array.from(r, (m) => m === undefined ? null : fromB(m));

export function match(subject?: unknown, re?: unknown): unknown {
	if (!(re instanceof RegExp) || subject == null) return null;
	const b = toB(toStr(subject)), g = searcher(re, b);
	if (!re.global) {
		const r = exec(g, b, 0);
		return r ? groups(r) : null;
	}
	const all: unknown[] = [];
	for (let pos = 0, r; (r = exec(g, b, pos));) {
		all.push(groups(r));
		// uc_match(): after an empty match, one byte on from the search start
		if (r[0].length) pos = r.index + r[0].length;
		else if (pos < b.length) pos++;
		else break;
	}
	return all.length ? all : null;
}

// `$&`, `$1`…`$9`, `` $` ``, `$'`, `$$` as uc_replace() expands them; `pre` is the
// subject from the search position, as ucode hands it over
function expand(repl: string, pre: string, r: RegExpExecArray, at: number): string {
	return repl.replace(/\$([&`'$1-9])/g, (all, e: string) => {
		if (e === '&') return r[0];
		if (e === '`') return pre.slice(0, at);
		if (e === "'") return pre.slice(at + r[0].length);
		if (e === '$') return '$';
		return r[+e] === undefined ? all : r[+e];
	});
}

export function replace(subject?: unknown, re?: unknown, repl?: unknown, limit?: number): string | null {
	if (subject == null || repl == null) return null;
	if (!(re instanceof RegExp)) return die('replace() with a string pattern: use a regex literal');
	const b = toB(toStr(subject)), g = searcher(re, b);
	const str = typeof repl === 'function' ? '' : toB(toStr(repl));
	let out = '', p = 0;
	for (let n = limit ?? Infinity; n > 0; n--) {
		const r = exec(g, b, p);
		if (!r) break;
		out += b.slice(p, r.index);
		out += typeof repl === 'function' ? toB(toStr(repl(...groups(r)))) : expand(str, b.slice(p), r, r.index - p);
		// uc_replace(): after an empty match, copy the byte at the search start and step past it
		if (r[0].length) p = r.index + r[0].length;
		else if (p < b.length) out += b[p++];
		else break;
		if (!re.global) break;
	}
	return fromB(out + b.slice(p));
}

export function split(s?: unknown, sep?: unknown, limit?: number): string[] | null {
	if (typeof s !== 'string' || sep == null) return null;
	const b = toB(s), out: string[] = [];
	let n = limit ?? Infinity, p = 0;
	if (n <= 0) return out;
	if (sep instanceof RegExp) {
		const g = searcher(sep, b);
		for (let r; n > 1 && (r = exec(g, b, p)); n--) {
			// uc_split(): an empty match splits off one byte at the search start
			const e = r[0].length ? r.index : p + 1;
			if (!r[0].length && p >= b.length) return out;
			out.push(fromB(b.slice(p, e)));
			p = r[0].length ? r.index + r[0].length : e;
		}
		out.push(fromB(b.slice(p)));
		return out;
	}
	const t = toB(toStr(sep));
	if (!t.length) return die('split(s, ""): the shim does not split into bytes');
	for (let k; n > 1 && (k = b.indexOf(t, p)) >= 0; n--) { out.push(fromB(b.slice(p, k))); p = k + t.length; }
	out.push(fromB(b.slice(p)));
	return out;
}
