// ucode's view of a JS value: its type name, how it stringifies (print, join,
// %s, %J) and how two values compare. The core is integer-only (the subset
// check refuses non-integer literals), so a non-integer number is refused
// rather than printed the way C's %.14g would.

import { die, toB } from './bytes';

export type UcType = 'int' | 'double' | 'string' | 'bool' | 'array' | 'object' | 'function' | 'regexp';

export function type(v?: unknown): UcType | null {
	switch (typeof v) {
	case 'boolean': return 'bool';
	case 'string': return 'string';
	case 'number': return Number.isInteger(v) ? 'int' : 'double';
	case 'function': return 'function';
	case 'object': return v === null ? null : Array.isArray(v) ? 'array' : v instanceof RegExp ? 'regexp' : 'object';
	default: return null;
	}
}

function quote(s: string): string {
	return '"' + s.replace(/["\\\x00-\x1f]/g, (c) => {
		const i = '"\\\b\f\n\r\t'.indexOf(c);
		return i >= 0 ? '\\' + '"\\bfnrt'[i] : '\\u' + c.charCodeAt(0).toString(16).padStart(4, '0');
	}) + '"';
}

function number(d: number, json: boolean): string {
	if (Number.isInteger(d)) return String(d === 0 ? 0 : d);
	if (Number.isNaN(d)) return json ? '"NaN"' : 'NaN';
	return die(`the shim prints integers only, not ${d}`);
}

// ucv_to_stringbuf_formatted(): `pad` is '' for one line (`[ 1, 2 ]`), else
// the indent unit of %.J; strings inside containers are quoted.
function format(v: unknown, json: boolean, pad: string, depth: number): string {
	const t = type(v);
	if (t === 'string') return json ? quote(v as string) : v as string;
	if (t === 'int' || t === 'double') return number(v as number, json);
	if (t === 'bool') return v ? 'true' : 'false';
	if (t === 'regexp') {
		const r = v as RegExp, s = `/${r.source}/${r.global ? 'g' : ''}${r.ignoreCase ? 'i' : ''}`;
		return json ? quote(s) : s;
	}
	if (t === 'function') return die('the shim does not print functions');
	if (t !== 'array' && t !== 'object') return 'null';
	const arr = t === 'array', o = v as { [k: string]: unknown };
	const ks = arr ? null : Object.keys(o);
	const n = arr ? (v as unknown[]).length : (ks as string[]).length;
	const sep = (d: number) => pad ? '\n' + pad.repeat(d) : ' ';
	let out = arr ? '[' : '{';
	for (let i = 0; i < n; i++)
		out += (i ? ',' : '') + sep(depth + 1) + (arr ? '' : quote((ks as string[])[i]) + ': ') +
			format(arr ? (v as unknown[])[i] : o[(ks as string[])[i]], true, pad, depth + 1);
	return out + sep(depth) + (arr ? ']' : '}');
}

/** ucv_to_string(): what print(), join(), %s produce */
export function toStr(v: unknown): string {
	return typeof v === 'string' ? v : format(v, false, '', 0);
}

/** %J; `pad` '' for one line, '\t' or spaces for %.J */
export function toJson(v: unknown, pad: string): string {
	return format(v, true, pad, 0);
}

/** ucv_compare() for what the core compares: numbers, and strings byte-wise */
export function compare(a: unknown, b: unknown): number {
	if (typeof a === 'string' && typeof b === 'string') {
		const x = toB(a), y = toB(b);
		return x < y ? -1 : x > y ? 1 : 0;
	}
	const x = Number(a ?? 0), y = Number(b ?? 0);
	return x < y ? -1 : x > y ? 1 : 0;
}

/** uniq()/index() equality: identity for arrays and objects, type-strict for scalars */
export function same(a: unknown, b: unknown): boolean {
	return a === b || (a == null && b == null);
}
