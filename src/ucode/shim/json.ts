// json(): json-c's non-strict tokener as ucode uses it (single quotes,
// trailing commas, comments, NaN/Infinity, case-insensitive literals) and its
// error messages.
/* eslint-disable @typescript-eslint/no-explicit-any */

import { raise } from './errors';
import { digitVal, INT64_MIN, isSpaceC, isXDigitC, UINT64_MAX } from './numbers';
import { isArr, isCallable, isObj } from './values';
import { toStringFormatted } from './stringify';

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
