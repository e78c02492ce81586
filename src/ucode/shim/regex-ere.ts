// POSIX ERE (as musl's or glibc's regcomp parse it) → JS regex source. The
// result runs on B-strings (see bytes.ts), so bytes >= 0x80 are single units
// and classes such as [[:alpha:]] stay ASCII-only like in the C locale.

import { libcFlavor } from './config';
import { raise } from './errors';
import { HIB } from './bytes';
import { digitVal, isXDigitC } from './numbers';

type RegErr = 'ESUBREG' | 'EPAREN' | 'EBRACK' | 'BADRPT' | 'ERANGE' | 'ECTYPE' | 'EBRACE' | 'BADBR' | 'EESCAPE' | 'ECOLLATE';

/** regcomp() failure with regerror()'s text (musl or glibc) */
function regError(code: RegErr): never {
	const musl: { [k: string]: string } = {
		EPAREN: 'Missing \')\'', EBRACK: 'Missing \']\'', BADRPT: 'Repetition not preceded by valid expression',
		ERANGE: 'Invalid character range', ECTYPE: 'Unknown character class name', EBRACE: 'Missing \'}\'',
		BADBR: 'Invalid contents of {}', EESCAPE: 'Trailing backslash', ECOLLATE: 'Unknown collating element', ESUBREG: 'Invalid back reference',
	};
	const glibc: { [k: string]: string } = {
		EPAREN: 'Unmatched ( or \\(', EBRACK: 'Unmatched [, [^, [:, [., or [=', BADRPT: 'Invalid preceding regular expression',
		ERANGE: 'Invalid range end', ECTYPE: 'Invalid character class name', EBRACE: 'Unmatched \\{',
		BADBR: 'Invalid content of \\{\\}', EESCAPE: 'Trailing backslash', ECOLLATE: 'Invalid collation character', ESUBREG: 'Invalid back reference',
	};
	return raise('Syntax error', (libcFlavor === 'glibc' ? glibc : musl)[code]);
}

export function hex4(n: number): string {
	return '\\u' + n.toString(16).padStart(4, '0');
}

const CLASSES: { [k: string]: string } = {
	alpha: 'A-Za-z', digit: '0-9', alnum: '0-9A-Za-z', upper: 'A-Z', lower: 'a-z',
	space: ' \\t\\n\\v\\f\\r', blank: ' \\t', punct: '!-\\/:-@\\[-`{-~', print: ' -~', graph: '!-~',
	cntrl: '\\x00-\\x1f\\x7f', xdigit: '0-9A-Fa-f',
};

/** POSIX bracket expression at p[i] (just after '['); returns [jsClass, nextIndex] */
export function translateBracket(p: string, i: number, newline: boolean, fnm: boolean): [string, number] {
	let neg = false;
	if (p[i] === '^' || (fnm && p[i] === '!')) { neg = true; i++; }
	let items = '';
	let first = true;
	for (;;) {
		if (i >= p.length) regError('EBRACK');
		let c = p[i];
		if (c === ']' && !first) { i++; break; }
		first = false;
		if (c === '[' && (p[i + 1] === ':' || p[i + 1] === '=' || p[i + 1] === '.')) {
			const kind = p[i + 1];
			const end = p.indexOf(kind + ']', i + 2);
			if (end < 0) regError('EBRACK');
			const name = p.slice(i + 2, end);
			i = end + 2;
			if (kind === ':') {
				if (!Object.prototype.hasOwnProperty.call(CLASSES, name)) regError('ECTYPE');
				items += CLASSES[name];
				continue;
			}
			c = name[0] || '';
		}
		else if (fnm && c === '\\' && i + 1 < p.length) { c = p[i + 1]; i += 2; }
		else i++;
		if (p[i] === '-' && i + 1 < p.length && p[i + 1] !== ']') {
			let hi = p[i + 1];
			i += 2;
			if (fnm && hi === '\\' && i < p.length) hi = p[i++];
			if (hi < c) regError('ERANGE');
			items += hex4(c.charCodeAt(0)) + '-' + hex4(hi.charCodeAt(0));
		}
		else items += hex4(c.charCodeAt(0));
	}
	if (neg && newline) items += '\\n';
	return ['[' + (neg ? '^' : '') + items + ']', i];
}

/** POSIX ERE (as musl regcomp parses it) → JS regex source, over B-strings */
export function translateEre(p: string, newline: boolean, notbol = false): { src: string; nsub: number; ambiguous: boolean } {
	let out = '';
	let ambiguous = false;
	const groups: number[] = [];
	let atomStart = -1;
	let lastQuant = false;
	let nsub = 0;
	const W = '[A-Za-z0-9_]';
	const atom = (s: string) => { atomStart = out.length; out += s; lastQuant = false; };
	const noAtom = (s: string) => { out += s; atomStart = -1; lastQuant = false; };
	const quant = (q: string) => {
		if (atomStart < 0) regError('BADRPT');
		if (out[atomStart] === '(') ambiguous = true;
		if (lastQuant) out = out.slice(0, atomStart) + '(?:' + out.slice(atomStart) + ')' + q;
		else out += q;
		lastQuant = true;
	};
	const lit = (c: string) => ('\\^$.|?*+()[]{}/'.indexOf(c) >= 0 ? '\\' + c : c === '\n' ? '\\n' : c === '\r' ? '\\r' : c);
	let i = 0;
	while (i < p.length) {
		const c = p[i];
		switch (c) {
		case '\\': {
			const e = p[i + 1];
			i += 2;
			if (e !== undefined && libcFlavor === 'glibc') {
				// glibc: \w \W \s \S \b \B \< \> \` \' and back references; others are literal
				if (e >= '1' && e <= '9') {
					if (Number(e) > nsub) regError('ESUBREG');
					atom('\\' + e);
					break;
				}
				if ('wWsSbB<>'.indexOf(e) < 0) { atom(lit(e)); break; }
			}
			switch (e) {
			case undefined: regError('EESCAPE');
			case 't': atom('\\t'); break;
			case 'n': atom('\\n'); break;
			case 'r': atom('\\r'); break;
			case 'f': atom('\\f'); break;
			case 'a': atom('\\x07'); break;
			case 'e': atom('\\x1b'); break;
			case 'w': atom(W); break;
			case 'W': atom(newline ? '[^A-Za-z0-9_\\n]' : '[^A-Za-z0-9_]'); break;
			case 's': atom('[ \\t\\n\\v\\f\\r]'); break;
			case 'S': atom('[^ \\t\\n\\v\\f\\r]'); break;
			case 'd': atom('[0-9]'); break;
			case 'D': atom(newline ? '[^0-9\\n]' : '[^0-9]'); break;
			case 'b': noAtom('\\b'); break;
			case 'B': noAtom('\\B'); break;
			case '<': noAtom('\\b(?=' + W + ')'); break;
			case '>': noAtom('\\b(?<=' + W + ')'); break;
			case 'x': {
				let v = 0, k = 0;
				if (p[i] === '{') {
					i++;
					while (k < 8 && isXDigitC(p[i])) { v = v * 16 + digitVal(p[i++]); k++; }
					if (p[i] !== '}') regError('EBRACE');
					i++;
				}
				else while (k < 2 && isXDigitC(p[i])) { v = v * 16 + digitVal(p[i++]); k++; }
				atom(hex4(v < 0x80 ? v : HIB + (v & 0xff)));
				break;
			}
			default: atom(lit(e));
			}
			break;
		}
		case '[': {
			const [cls, next] = translateBracket(p, i + 1, newline, false);
			i = next;
			atom(cls);
			break;
		}
		case '.': i++; atom(newline ? '[^\\n]' : '[\\s\\S]'); break;
		case '^': i++; noAtom(newline ? (notbol ? '(?<=\\n)' : '(?:^|(?<=\\n))') : (notbol ? '(?!)' : '^')); break;
		case '$': i++; noAtom(newline ? '(?=\\n|$)' : '$'); break;
		case '(':
			i++;
			if (p[i] === '?') regError('BADRPT');
			groups.push(out.length);
			nsub++;
			out += '(';
			atomStart = -1;
			lastQuant = false;
			break;
		case ')':
			i++;
			if (!groups.length) { atom('\\)'); break; }
			out += ')';
			atomStart = groups.pop() as number;
			lastQuant = false;
			break;
		case '|': i++; ambiguous = true; noAtom('|'); break;
		case '*': case '+': case '?': i++; quant(c); break;
		case '{': {
			const m = /^\{(\d*)(,(\d*))?\}/.exec(p.slice(i));
			if (!m || (m[1] === '' && m[2] === undefined)) regError('BADBR');
			i += m[0].length;
			const lo = m[1] === '' ? '0' : m[1];
			if (m[3] !== undefined && m[3] !== '' && Number(m[3]) < Number(lo)) regError('BADBR');
			quant('{' + lo + (m[2] !== undefined ? ',' + (m[3] || '') : '') + '}');
			break;
		}
		default: i++; atom(lit(c));
		}
	}
	if (groups.length) regError('EPAREN');
	return { src: out, nsub, ambiguous };
}
