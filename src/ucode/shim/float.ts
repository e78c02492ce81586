// C-style number formatting (exact, round-half-even like glibc and musl).
// JS's toFixed/toPrecision round differently and stop at 100 digits, so
// %f/%e/%g and ucode's own double output (%.14g) are computed exactly from
// the binary value with bigints.

function decompose(d: number): [bigint, number] {
	const dv = new DataView(new ArrayBuffer(8));
	dv.setFloat64(0, d);
	const hi = dv.getUint32(0), lo = dv.getUint32(4);
	const exp = (hi >>> 20) & 0x7ff;
	const mant = (BigInt(hi & 0xfffff) << 32n) | BigInt(lo);
	if (exp === 0) return [mant, -1074];
	return [mant | (1n << 52n), exp - 1075];
}

/** round_half_even(a * 10^p10) for finite a >= 0 */
function scaledRound(a: number, p10: number): bigint {
	if (a === 0) return 0n;
	const [m, e2] = decompose(a);
	let num = m, den = 1n;
	if (e2 >= 0) num <<= BigInt(e2); else den <<= BigInt(-e2);
	if (p10 >= 0) num *= 10n ** BigInt(p10); else den *= 10n ** BigInt(-p10);
	const q = num / den, r = num - q * den;
	const twice = r * 2n;
	if (twice > den || (twice === den && (q & 1n) === 1n)) return q + 1n;
	return q;
}

export function fmtFixed(a: number, prec: number, alt: boolean): string {
	const n = scaledRound(a, prec).toString();
	if (prec === 0) return n + (alt ? '.' : '');
	const s = n.padStart(prec + 1, '0');
	return s.slice(0, s.length - prec) + '.' + s.slice(s.length - prec);
}

function expDigits(a: number, prec: number): [string, number] {
	if (a === 0) return ['0'.repeat(prec + 1), 0];
	let e = Math.floor(Math.log10(a));
	const lim = 10n ** BigInt(prec + 1);
	let n = scaledRound(a, prec - e);
	for (let k = 0; k < 3; k++) {
		if (n >= lim) { e++; n = scaledRound(a, prec - e); }
		else if (n < lim / 10n) { e--; n = scaledRound(a, prec - e); }
		else break;
	}
	return [n.toString(), e];
}

export function fmtExp(a: number, prec: number, alt: boolean, upper: boolean): string {
	const [digits, e] = expDigits(a, prec);
	const mant = digits[0] + (prec > 0 || alt ? '.' : '') + digits.slice(1);
	const exp = (e < 0 ? '-' : '+') + String(Math.abs(e)).padStart(2, '0');
	return mant + (upper ? 'E' : 'e') + exp;
}

function stripZeros(s: string): string {
	const e = s.search(/[eE]/);
	let mant = e >= 0 ? s.slice(0, e) : s;
	const rest = e >= 0 ? s.slice(e) : '';
	if (mant.indexOf('.') >= 0) mant = mant.replace(/0+$/, '').replace(/\.$/, '');
	return mant + rest;
}

export function fmtGeneral(a: number, prec: number, alt: boolean, upper: boolean): string {
	const P = prec === 0 ? 1 : prec;
	const X = a === 0 ? 0 : expDigits(a, P - 1)[1];
	const s = (P > X && X >= -4) ? fmtFixed(a, P - 1 - X, alt) : fmtExp(a, P - 1, alt, upper);
	return alt ? s : stripZeros(s);
}

/** printf("%.14g", d) for finite d — how ucode prints doubles */
export function fmtG14(d: number): string {
	const a = Math.abs(d);
	if (a >= 1e-4 && a < 1e14) {
		// the shortest round-trip form equals %.14g when it has <= 14 digits
		const s = String(d);
		if (s.indexOf('e') < 0 && s.replace(/^-?0*\.?0*/, '').replace('.', '').length <= 14) return s;
	}
	const neg = d < 0 || Object.is(d, -0);
	return (neg ? '-' : '') + fmtGeneral(a, 14, false, false);
}
