// ucode's lexer for regex literals. ucode reads /.../ source with its string
// escape rules (\n, \x41, \u00e9, \d → [[:digit:]]…) before handing the
// pattern to regcomp, so a JS regex literal's source is first passed through
// the same rules.

import { raise } from './errors';
import { byteChar } from './bytes';
import { digitVal, isXDigitC } from './numbers';

/** ucode lexer (parse_string/parse_escape for TK_REGEXP) applied to a JS regex literal's source */
export function lexRegexLiteral(src: string): string {
	let out = '';
	let i = 0;
	const n = src.length;
	const isHex = (c: string | undefined) => isXDigitC(c);
	const esc = (macros: string): void => {
		// src[i] is the char after the backslash
		const ch = src[i];
		if (ch === 'u') {
			let code = 0;
			for (let k = 1; k <= 4; k++) {
				if (!isHex(src[i + k])) raise('Syntax error', 'Invalid escape sequence');
				code = code * 16 + digitVal(src[i + k]);
			}
			i += 5;
			if ((code & 0xfc00) === 0xd800) {
				if (src[i] === '\\' && src[i + 1] === 'u' && /^[dD][c-fC-F][0-9a-fA-F]{2}$/.test(src.slice(i + 2, i + 6))) {
					const lo = parseInt(src.slice(i + 2, i + 6), 16);
					i += 6;
					out += String.fromCodePoint(0x10000 + ((code & 0x3ff) << 10) + (lo & 0x3ff));
				}
				else out += '\ufffd';
			}
			else if ((code & 0xfc00) === 0xdc00) out += '\ufffd';
			else out += String.fromCharCode(code);
			return;
		}
		if (ch === 'x') {
			if (!isHex(src[i + 1]) || !isHex(src[i + 2])) raise('Syntax error', 'Invalid escape sequence');
			out += byteChar(parseInt(src.slice(i + 1, i + 3), 16));
			i += 3;
			return;
		}
		let code = 0, k = 0;
		while (k < 3 && src[i] >= '0' && src[i] <= '7') { code = code * 8 + (src.charCodeAt(i) - 48); i++; k++; }
		if (k) {
			if (code > 255) raise('Syntax error', 'Invalid escape sequence');
			out += byteChar(code);
			return;
		}
		if (ch !== undefined && macros.indexOf(ch) >= 0) {
			i++;
			switch (ch) {
			case 'd': out += '[[:digit:]]'; break;
			case 'D': out += '[^[:digit:]]'; break;
			case 'w': out += '[[:alnum:]_]'; break;
			case 'W': out += '[^[:alnum:]_]'; break;
			case 's': out += '[[:space:]]'; break;
			case 'S': out += '[^[:space:]]'; break;
			default: out += '\\' + ch;
			}
			return;
		}
		i++;
		switch (ch) {
		case 'a': out += '\x07'; break;
		case 'b': out += '\b'; break;
		case 'e': out += '\x1b'; break;
		case 'f': out += '\f'; break;
		case 'n': out += '\n'; break;
		case 'r': out += '\r'; break;
		case 't': out += '\t'; break;
		case 'v': out += '\v'; break;
		case undefined: raise('Syntax error', 'Unterminated string');
		default: out += ch;
		}
	};
	while (i < n) {
		const ch = src[i++];
		if (ch === '[') {
			out += '[';
			if (src[i] === '^') { out += '^'; i++; }
			if (src[i] === ']') { out += ']'; i++; }
			while (i < n) {
				const c = src[i++];
				if (c === '\\') { esc('^'); continue; }
				out += c;
				if (c === ']') break;
				if (c === '[' && (src[i] === ':' || src[i] === '.' || src[i] === '=')) {
					const code = src[i++];
					out += code;
					while (i < n) {
						const d = src[i++];
						if (d === '\\') { esc(''); continue; }
						out += d;
						if (d === code && src[i] === ']') { out += ']'; i++; break; }
					}
				}
			}
		}
		else if (ch === '\\') esc('^bBdDsSwW<>.[$()|*+?{\\');
		else out += ch;
	}
	return out;
}
