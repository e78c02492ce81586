// Byte encodings: base64 (b64enc/b64dec) and hex (hexenc/hexdec). Both work
// on the UTF-8 bytes of the string and decode to byte strings.

import { decodeBytes, encodeBytes, toB } from './bytes';
import { isSpaceC, isXDigitC } from './numbers';
import { toStr } from './stringify';

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

export function b64enc(str?: unknown): string | null {
	if (typeof str !== 'string') return null;
	const b = encodeBytes(str);
	let out = '';
	let i = 0;
	for (; i + 2 < b.length; i += 3) {
		out += B64[b[i] >> 2] + B64[((b[i] & 3) << 4) | (b[i + 1] >> 4)] + B64[((b[i + 1] & 15) << 2) | (b[i + 2] >> 6)] + B64[b[i + 2] & 63];
	}
	const rem = b.length - i;
	if (rem) {
		const b0 = b[i], b1 = rem > 1 ? b[i + 1] : 0;
		out += B64[b0 >> 2] + B64[((b0 & 3) << 4) | (b1 >> 4)] + (rem === 1 ? '=' : B64[(b1 & 15) << 2]) + '=';
	}
	return out;
}

export function b64dec(str?: unknown): string | null {
	if (typeof str !== 'string') return null;
	const src = toB(str);
	const out: number[] = [];
	let state = 0, i = 0, cur = 0;
	let ch = '';
	for (; i < src.length; i++) {
		ch = src[i];
		if (ch === '\0') break;
		if (isSpaceC(ch)) continue;
		if (ch === '=') break;
		const val = B64.indexOf(ch);
		if (val < 0 || ch.length !== 1) return null;
		switch (state) {
		case 0: cur = val << 2; state = 1; break;
		case 1: out.push((cur | (val >> 4)) & 255); cur = (val & 15) << 4; state = 2; break;
		case 2: out.push((cur | (val >> 2)) & 255); cur = (val & 3) << 6; state = 3; break;
		case 3: out.push((cur | val) & 255); cur = 0; state = 0; break;
		}
	}
	if (ch === '=' && i < src.length) {
		i++;
		if (state === 0 || state === 1) return null;
		if (state === 2) {
			while (i < src.length && isSpaceC(src[i])) i++;
			if (src[i] !== '=') return null;
			i++;
		}
		for (; i < src.length; i++) if (!isSpaceC(src[i])) return null;
		if ((cur & 255) !== 0) return null;
	}
	else if (state !== 0) return null;
	return decodeBytes(out);
}

export function hexenc(input?: unknown): string | null {
	if (input === null || input === undefined) return null;
	const b = encodeBytes(toStr(input));
	let out = '';
	for (let i = 0; i < b.length; i++) out += (b[i] < 16 ? '0' : '') + b[i].toString(16);
	return out;
}

export function hexdec(input?: unknown, skip?: unknown): string | null {
	if (typeof input !== 'string') return null;
	if (skip !== null && skip !== undefined && typeof skip !== 'string') return null;
	const s = toB(input);
	const sk = toB(typeof skip === 'string' ? skip : ' \t\n');
	let digits = '';
	for (let i = 0; i < s.length; i++) {
		if (isXDigitC(s[i])) digits += s[i];
		else if (s[i] === '\0' || sk.indexOf(s[i]) < 0) return null;
	}
	if (digits.length & 1) return null;
	const out: number[] = [];
	for (let i = 0; i < digits.length; i += 2) out.push(parseInt(digits.slice(i, i + 2), 16));
	return decodeBytes(out);
}
