// Byte strings. ucode strings are byte arrays, JS strings are UTF-16: every
// builtin that counts, cuts or compares bytes converts through these helpers.
//
// A "B-string" is a JS string holding one UTF-16 unit per byte: bytes < 0x80
// as themselves, bytes >= 0x80 as U+E000+byte (private use: no case mapping,
// not matched by JS \s or \w). ASCII strings are their own B-string.

const ASCII_RE = /^[\x00-\x7f]*$/;
export const HIB = 0xe000;

export function isAscii(s: string): boolean {
	return ASCII_RE.test(s);
}

/** UTF-8 bytes of a JS string; lone U+DC80..U+DCFF become the raw byte. */
export function encodeBytes(s: string): Uint8Array {
	const out: number[] = [];
	for (let i = 0; i < s.length; i++) {
		const c = s.charCodeAt(i);
		if (c < 0x80) out.push(c);
		else if (c < 0x800) out.push(0xc0 | (c >> 6), 0x80 | (c & 63));
		else if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
			const cp = 0x10000 + ((c - 0xd800) << 10) + (s.charCodeAt(++i) - 0xdc00);
			out.push(0xf0 | (cp >> 18), 0x80 | ((cp >> 12) & 63), 0x80 | ((cp >> 6) & 63), 0x80 | (cp & 63));
		}
		else if (c >= 0xdc80 && c <= 0xdcff) out.push(c - 0xdc00);
		else out.push(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
	}
	return Uint8Array.from(out);
}

/** Strict UTF-8 decode; every byte of an invalid sequence becomes U+DC00+byte. */
export function decodeBytes(b: ArrayLike<number>): string {
	let out = '';
	let chunk: number[] = [];
	const n = b.length;
	for (let i = 0; i < n;) {
		const c = b[i];
		let cp = -1, len = 1;
		if (c < 0x80) cp = c;
		else if (c >= 0xc2 && c <= 0xdf) {
			if (i + 1 < n && (b[i + 1] & 0xc0) === 0x80) { cp = ((c & 31) << 6) | (b[i + 1] & 63); len = 2; }
		}
		else if (c >= 0xe0 && c <= 0xef) {
			const lo = c === 0xe0 ? 0xa0 : 0x80, hi = c === 0xed ? 0x9f : 0xbf;
			if (i + 2 < n && b[i + 1] >= lo && b[i + 1] <= hi && (b[i + 2] & 0xc0) === 0x80) {
				cp = ((c & 15) << 12) | ((b[i + 1] & 63) << 6) | (b[i + 2] & 63); len = 3;
			}
		}
		else if (c >= 0xf0 && c <= 0xf4) {
			const lo = c === 0xf0 ? 0x90 : 0x80, hi = c === 0xf4 ? 0x8f : 0xbf;
			if (i + 3 < n && b[i + 1] >= lo && b[i + 1] <= hi && (b[i + 2] & 0xc0) === 0x80 && (b[i + 3] & 0xc0) === 0x80) {
				cp = ((c & 7) << 18) | ((b[i + 1] & 63) << 12) | ((b[i + 2] & 63) << 6) | (b[i + 3] & 63); len = 4;
			}
		}
		if (cp < 0) { chunk.push(0xdc00 + c); i++; }
		else if (cp >= 0x10000) { cp -= 0x10000; chunk.push(0xd800 + (cp >> 10), 0xdc00 + (cp & 0x3ff)); i += len; }
		else { chunk.push(cp); i += len; }
		if (chunk.length > 4096) { out += String.fromCharCode.apply(null, chunk); chunk = []; }
	}
	return out + String.fromCharCode.apply(null, chunk);
}

function bytesToB(b: ArrayLike<number>): string {
	let out = '';
	for (let i = 0; i < b.length; i += 4096) {
		const part: number[] = [];
		for (let j = i; j < b.length && j < i + 4096; j++) part.push(b[j] < 0x80 ? b[j] : HIB + b[j]);
		out += String.fromCharCode.apply(null, part);
	}
	return out;
}

function bToBytes(s: string): Uint8Array {
	const out = new Uint8Array(s.length);
	for (let i = 0; i < s.length; i++) {
		const c = s.charCodeAt(i);
		out[i] = c < 0x80 ? c : (c - HIB) & 0xff;
	}
	return out;
}

/** JS string → B-string */
export function toB(s: string): string {
	return isAscii(s) ? s : bytesToB(encodeBytes(s));
}

/** B-string → JS string */
export function fromB(b: string): string {
	return isAscii(b) ? b : decodeBytes(bToBytes(b));
}

/** a single byte as a JS string */
export function byteChar(n: number): string {
	return n < 0x80 ? String.fromCharCode(n) : decodeBytes([n]);
}

export function byteLength(s: string): number {
	if (isAscii(s)) return s.length;
	let n = 0;
	for (let i = 0; i < s.length; i++) {
		const c = s.charCodeAt(i);
		if (c < 0x80) n++;
		else if (c < 0x800) n += 2;
		else if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00) { n += 4; i++; }
		else if (c >= 0xdc80 && c <= 0xdcff) n++;
		else n += 3;
	}
	return n;
}
