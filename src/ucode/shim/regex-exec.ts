// Compiled patterns and regexec(): the translated JS RegExp behind each ucode
// regexp, cached per RegExp object, and matching with POSIX's
// leftmost-longest rule and REG_NOTBOL searches like ucode's match loops.

import { ucodeVersion } from './config';
import { raise } from './errors';
import { toB } from './bytes';
import { lexRegexLiteral } from './regex-lexer';
import { translateEre } from './regex-ere';

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

export const META = new WeakMap<RegExp, RegexMeta>();
const LITERALS = new Map<string, RegexMeta>();

export function compileMeta(source: string, global: boolean, icase: boolean, newline: boolean): RegexMeta {
	const regNewline = ucodeVersion === 'snapshot' ? !newline : newline;
	const { src, nsub, ambiguous } = translateEre(toB(source), regNewline);
	let js: RegExp;
	try { js = new RegExp(src, 'g' + (icase ? 'i' : '')); }
	catch (e) { raise('Syntax error', 'Invalid regular expression: ' + (e as Error).message); }
	return { source, global, icase, newline, js, jsSource: src, nsub, ambiguous, atLeast: new Map(), version: ucodeVersion, notbol: null, regNewline };
}

export function regexMeta(re: RegExp): RegexMeta {
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
export function execAt(m: RegexMeta, sb: string, pos: number): RegExpExecArray | null {
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
