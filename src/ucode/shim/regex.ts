// The regexp builtins: match(), replace(), split() and regexp(). They work on
// B-strings (see bytes.ts) and reproduce ucode's loops, including how it
// steps past empty matches.

import { raise } from './errors';
import { fromB, toB } from './bytes';
import { rawNumV, uint64Get } from './numbers';
import { isCallable, isRegExp } from './values';
import { toStr } from './stringify';
import { compileMeta, execAt, META, regexMeta } from './regex-exec';

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
