// Stringification: ucv_to_stringbuf_formatted() from types.c, i.e. what
// print(), join(), "" + x, %s and %J produce for every type, including
// ucode's function and regexp representations.

import { intToString } from './numbers';
import { ucTypeOf } from './values';
import { fmtG14 } from './float';
import { regexMeta } from './regex-exec';

// builtins print as `function name(...) { [native code] }`; shim.ts registers them
export const NATIVE = new WeakMap<Function, string>();

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

export function toStringFormatted(v: unknown, depth: number, padChar: string, padSize: number, marks: Set<object>): string {
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
export function toStr(v: unknown): string {
	return typeof v === 'string' ? v : toStringFormatted(v, 0, '\0', 0, new Set());
}

/** ucv_to_jsonstring_formatted() */
export function toJson(v: unknown, padChar: string, padSize: number): string {
	return toStringFormatted(v, 0, padChar === '\0' ? '\x01' : padChar, padSize, new Set());
}
