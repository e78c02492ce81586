// iptoarr()/arrtoip(): inet_pton()/inet_ntop() as ucode calls them. The
// textual IPv6 form follows musl (OpenWrt) or glibc, see setLibc().

import { libcFlavor } from './config';
import { isArr, ucTypeOf } from './values';

function pton4(s: string): number[] | null {
	const parts = s.split('.');
	if (parts.length !== 4) return null;
	const out: number[] = [];
	for (const p of parts) {
		if (!/^[0-9]{1,3}$/.test(p) || (p.length > 1 && p[0] === '0')) return null;
		const v = Number(p);
		if (v > 255) return null;
		out.push(v);
	}
	return out;
}

function pton6(s: string): number[] | null {
	if (!/^[0-9a-fA-F:.]+$/.test(s)) return null;
	let v4: number[] | null = null;
	let str = s;
	if (s.indexOf('.') >= 0) {
		const lc = s.lastIndexOf(':');
		if (lc < 0) return null;
		v4 = pton4(s.slice(lc + 1));
		if (!v4) return null;
		str = s.slice(0, lc + 1) + '0:0';
		if (lc > 0 && s[lc - 1] !== ':' && str.split(':').length - 1 < 7 && str.indexOf('::') < 0) return null;
	}
	const dbl = str.indexOf('::');
	if (dbl >= 0 && str.indexOf('::', dbl + 1) >= 0) return null;
	let head: string[], tail: string[];
	if (dbl >= 0) {
		head = dbl > 0 ? str.slice(0, dbl).split(':') : [];
		tail = dbl + 2 < str.length ? str.slice(dbl + 2).split(':') : [];
		if (head.length + tail.length > 7) return null;
	}
	else {
		head = str.split(':');
		tail = [];
		if (head.length !== 8) return null;
	}
	const words: number[] = [];
	for (const g of head.concat(tail)) if (!/^[0-9a-fA-F]{1,4}$/.test(g)) return null;
	for (const g of head) words.push(parseInt(g, 16));
	for (let k = head.length + tail.length; k < 8; k++) words.push(0);
	for (const g of tail) words.push(parseInt(g, 16));
	const bytes: number[] = [];
	for (const w of words) bytes.push(w >> 8, w & 255);
	if (v4) bytes.splice(12, 4, v4[0], v4[1], v4[2], v4[3]);
	return bytes;
}

function ntop6(b: number[]): string {
	const w: number[] = [];
	for (let i = 0; i < 16; i += 2) w.push(b[i] * 256 + b[i + 1]);
	if (libcFlavor === 'glibc') {
		// BIND-derived inet_ntop6 (glibc): longest zero run (>= 2), first wins
		let best = -1, bestLen = 0, cur = -1, curLen = 0;
		for (let i = 0; i < 8; i++) {
			if (w[i] === 0) {
				if (cur < 0) { cur = i; curLen = 1; } else curLen++;
				if (curLen > bestLen) { best = cur; bestLen = curLen; }
			}
			else cur = -1;
		}
		if (bestLen < 2) best = -1;
		let out = '';
		for (let i = 0; i < 8; i++) {
			if (best >= 0 && i >= best && i < best + bestLen) {
				if (i === best) out += ':';
				continue;
			}
			if (i) out += ':';
			if (i === 6 && best === 0 && (bestLen === 6 || (bestLen === 5 && w[5] === 0xffff))) {
				out += b.slice(12).join('.');
				break;
			}
			out += w[i].toString(16);
		}
		if (best >= 0 && best + bestLen === 8) out += ':';
		return out;
	}
	// musl inet_ntop
	let buf: string;
	if (b.slice(0, 10).every((x) => x === 0) && b[10] === 255 && b[11] === 255)
		buf = w.slice(0, 6).map((x) => x.toString(16)).join(':') + ':' + b.slice(12).join('.');
	else
		buf = w.map((x) => x.toString(16)).join(':');
	let best = 0, max = 2;
	for (let i = 0; i < buf.length; i++) {
		if (i && buf[i] !== ':') continue;
		let j = 0;
		while (i + j < buf.length && (buf[i + j] === ':' || buf[i + j] === '0')) j++;
		if (j > max + (best === 0 ? 1 : 0)) { best = i; max = j; }
	}
	if (max > 3) buf = buf.slice(0, best) + '::' + buf.slice(best + max);
	return buf;
}

export function iptoarr(ip?: unknown): number[] | null {
	if (typeof ip !== 'string') return null;
	return pton6(ip) || pton4(ip);
}

export function arrtoip(arr?: unknown): string | null {
	if (!isArr(arr) || (arr.length !== 4 && arr.length !== 16)) return null;
	const b: number[] = [];
	for (const v of arr) {
		if (ucTypeOf(v) !== 'int') return null;
		const n = Number(v);
		if (n < 0 || n > 255) return null;
		b.push(n);
	}
	return arr.length === 4 ? b.join('.') : ntop6(b);
}
