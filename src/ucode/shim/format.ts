// sprintf(): the conversions the core and router use — %s %d %i %x %X %J %%
// with the flags `-` and `0`, a width, %.J (tabs) / %.NJ (N spaces) — on
// integers. Widths count bytes, like C. Anything else is refused, not guessed.

import { die, toB } from './bytes';
import { toJson, toStr } from './values';

const SPEC = /%(-?)(0?)([0-9]*)(\.[0-9]*)?([sdixXJ%])/g;

function integer(v: unknown): number {
	const n = typeof v === 'number' ? v : typeof v === 'boolean' || v == null ? Number(v ?? 0) : NaN;
	return Number.isInteger(n) ? n : die(`sprintf: %d/%x of ${toStr(v)}: the shim formats integers only`);
}

export function sprintf(fmt?: unknown, ...args: unknown[]): string {
	let next = 0;
	const out = toStr(fmt ?? '').replace(SPEC, (all, left: string, zero: string, width: string, prec: string | undefined, conv: string) => {
		if (conv === '%') return '%';
		const v = next < args.length ? args[next] : null;
		next++;
		let body: string, sign = '';
		if (conv === 's') body = v == null ? '(null)' : toStr(v);
		else if (conv === 'J') body = toJson(v, prec === undefined ? '' : prec === '.' || prec === '.0' ? '\t' : ' '.repeat(+prec.slice(1)));
		else {
			const n = integer(v);
			if (conv === 'd' || conv === 'i') { body = String(Math.abs(n)); sign = n < 0 ? '-' : ''; }
			else body = (n < 0 ? BigInt.asUintN(64, BigInt(n)) : n).toString(16);
			if (conv === 'X') body = body.toUpperCase();
		}
		const fill = Math.max(+width - toB(sign + body).length, 0);
		if (left) return sign + body + ' '.repeat(fill);
		return zero && conv !== 's' && conv !== 'J' ? sign + '0'.repeat(fill) + body : ' '.repeat(fill) + sign + body;
	});
	return out;
}
