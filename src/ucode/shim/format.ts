// printf/sprintf: uc_printf_common() from lib.c, with C's flags, widths,
// precisions and positional (%2$s) arguments, ucode's %J, and widths and
// precisions counted in bytes.

import { byteChar, byteLength, encodeBytes, fromB, toB } from './bytes';
import { doubleGet, ERANGE, int64Get, toInteger, toNumV, uint64Get } from './numbers';
import { fmtExp, fmtFixed, fmtGeneral } from './float';
import { toJson, toStr } from './stringify';
import { hooks } from './io';

const F_ALT = 1, F_ZERO = 2, F_LEFT = 4, F_SPACE = 8, F_SIGN = 16, F_WIDTH = 32, F_PREC = 64;

function padField(body: string, width: number, flags: number, zeroOk: boolean, signLen: number, blen?: number): string {
	const len = blen === undefined ? body.length : blen;
	if (!(flags & F_WIDTH) || len >= width) return body;
	const n = width - len;
	if (flags & F_LEFT) return body + ' '.repeat(n);
	if ((flags & F_ZERO) && zeroOk) return body.slice(0, signLen) + '0'.repeat(n) + body.slice(signLen);
	return ' '.repeat(n) + body;
}

function formatInt(n: bigint, flags: number, width: number): string {
	const sign = n < 0n ? '-' : (flags & F_SIGN) ? '+' : (flags & F_SPACE) ? ' ' : '';
	const body = sign + (n < 0n ? -n : n).toString();
	return padField(body, width, flags, true, sign.length);
}

function formatUint(u: bigint, conv: string, flags: number, width: number): string {
	let digits: string, prefix = '';
	switch (conv) {
	case 'o': digits = u.toString(8); if ((flags & F_ALT) && digits[0] !== '0') digits = '0' + digits; break;
	case 'x': digits = u.toString(16); if ((flags & F_ALT) && u !== 0n) prefix = '0x'; break;
	case 'X': digits = u.toString(16).toUpperCase(); if ((flags & F_ALT) && u !== 0n) prefix = '0X'; break;
	default: digits = u.toString(10);
	}
	return padField(prefix + digits, width, flags, true, prefix.length);
}

function formatDouble(d: number, conv: string, flags: number, width: number, precision: number): string {
	const upper = conv === 'E' || conv === 'F' || conv === 'G';
	const neg = d < 0 || Object.is(d, -0);
	const sign = neg ? '-' : (flags & F_SIGN) ? '+' : (flags & F_SPACE) ? ' ' : '';
	const prec = (flags & F_PREC) ? precision : 6;
	const alt = !!(flags & F_ALT);
	const a = Math.abs(d);
	let body: string;
	if (Number.isNaN(d) || !Number.isFinite(d)) {
		body = Number.isNaN(d) ? 'nan' : 'inf';
		if (upper) body = body.toUpperCase();
		return padField(sign + body, width, flags, false, sign.length);
	}
	switch (conv) {
	case 'f': case 'F': body = fmtFixed(a, prec, alt); break;
	case 'e': case 'E': body = fmtExp(a, prec, alt, upper); break;
	default: body = fmtGeneral(a, prec, alt, upper);
	}
	return padField(sign + body, width, flags, true, sign.length);
}

function formatString(s: string, flags: number, width: number, precision: number): string {
	if (flags & F_PREC) {
		if (byteLength(s) > precision) s = fromB(toB(s).slice(0, precision));
	}
	return padField(s, width, flags, false, 0, byteLength(s));
}

function doPrintf(fmt: unknown, args: unknown[]): string {
	const f = typeof fmt === 'string' ? fmt : '';
	const argCount = args.length;
	let out = '';
	let argidx = 1;
	let last = 0;
	let p = 0;
	for (; p < f.length; p++) {
		if (f[p] !== '%') continue;
		out += f.slice(last, p);
		last = p++;
		let flags = 0, width = 0, precision = 0;
		let argpos = argidx;
		let parsePrecision = false;
		if (f[p] >= '1' && f[p] <= '9') {
			while (f[p] >= '0' && f[p] <= '9') width = width * 10 + (f.charCodeAt(p++) - 48);
			if (f[p] === '$') { argpos = width; width = 0; p++; }
			else { flags |= F_WIDTH; parsePrecision = true; }
		}
		if (!parsePrecision) {
			while (p < f.length && '#0- +'.indexOf(f[p]) >= 0) {
				switch (f[p++]) {
				case '#': flags |= F_ALT; break;
				case '0': flags |= F_ZERO; break;
				case '-': flags |= F_LEFT; break;
				case ' ': flags |= F_SPACE; break;
				case '+': flags |= F_SIGN; break;
				}
			}
			if (f[p] >= '1' && f[p] <= '9') {
				while (f[p] >= '0' && f[p] <= '9') width = width * 10 + (f.charCodeAt(p++) - 48);
				flags |= F_WIDTH;
			}
		}
		if (f[p] === '.') {
			p++;
			if (f[p] === '-') { p++; while (f[p] >= '0' && f[p] <= '9') p++; }
			else while (f[p] >= '0' && f[p] <= '9') precision = precision * 10 + (f.charCodeAt(p++) - 48);
			flags |= F_PREC;
		}
		const conv = f[p];
		let piece: string;
		const cur: unknown = argpos >= 1 && argpos <= argCount ? args[argpos - 1] : null;
		switch (conv) {
		case 'd': case 'i': {
			argidx++;
			const a = cur;
			if (typeof a === 'number' && Number.isSafeInteger(a)) {
				const sign = a < 0 ? '-' : (flags & F_SIGN) ? '+' : (flags & F_SPACE) ? ' ' : '';
				piece = padField(sign + String(Math.abs(a)), width, flags & ~F_PREC, true, sign.length);
				break;
			}
			const nv = toNumV(a);
			let [n, err] = int64Get(nv);
			if (err === ERANGE) n = BigInt.asIntN(64, uint64Get(nv)[0]);
			piece = formatInt(n, flags & ~F_PREC, width);
			break;
		}
		case 'o': case 'u': case 'x': case 'X': {
			argidx++;
			const a = cur;
			if (typeof a === 'number' && Number.isSafeInteger(a) && a >= 0) {
				piece = formatUint(BigInt(a), conv, flags & ~F_PREC, width);
				break;
			}
			const nv = toNumV(a);
			let [u, err] = uint64Get(nv);
			if (err === ERANGE) u = BigInt.asUintN(64, int64Get(nv)[0]);
			piece = formatUint(u, conv, flags & ~F_PREC, width);
			break;
		}
		case 'e': case 'E': case 'f': case 'F': case 'g': case 'G': {
			argidx++;
			piece = formatDouble(doubleGet(toNumV(cur)), conv, flags, width, precision);
			break;
		}
		case 'c': {
			argidx++;
			const n = Number(BigInt.asUintN(8, toInteger(cur)));
			piece = padField(byteChar(n), width, flags & ~F_PREC, false, 0, 1);
			break;
		}
		case 's': {
			argidx++;
			const a = cur;
			if (a === null || a === undefined) piece = '(null)';
			else piece = formatString(toStr(a), flags & ~F_ZERO, width, precision);
			break;
		}
		case 'J': {
			argidx++;
			let prec = precision;
			if (flags & F_PREC) { flags &= ~F_PREC; prec++; }
			const s = toJson(cur,
				prec > 0 ? (prec > 1 ? ' ' : '\t') : '\0', prec > 0 ? (prec > 1 ? prec - 1 : 1) : 0);
			piece = formatString(s, flags, width, 0);
			break;
		}
		case '%':
			piece = '%';
			break;
		case undefined:
			p--;
			continue;
		default:
			continue;
		}
		out += piece;
		last = p + 1;
	}
	out += f.slice(last);
	return out;
}

export function printf(fmt?: unknown, ...args: unknown[]): number {
	const b = encodeBytes(doPrintf(fmt, args));
	if (b.length) hooks.stdout(b);
	return b.length;
}

export function sprintf(fmt?: unknown, ...args: unknown[]): string {
	return doPrintf(fmt, args);
}
