// The address and domain validators are written for speed under ucode (a
// regex instead of a loop, host bits checked in place, a shortcut for the
// common IPv4 prefix). Here each is compared with a straightforward
// reference, written the obvious way, on random inputs near the edges
// (leading zeros, host bits, lengths past the maximum, hyphens at label
// edges, 63/64-character labels), so a speed change cannot silently change a
// verdict or a message.
import { test } from 'vitest';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { parseAddress, parsePrefix, prefixContains, prefixesOverlap } from '../../src/core/ip';
import type { Prefix } from '../../src/core/ip';
import { badDomain } from '../../src/core/values';
import { toAscii } from '../../src/core/idn';
import { msg } from '../../src/core/messages';

const RUNS = Number(process.env.PROPERTY_RUNS ?? 3000);

// ---- reference: addresses and prefixes ------------------------------------

function refAddress(s: string): { family: 4 | 6, bytes: number[] } | null {
	const q = s.split('.');
	if (q.length === 4 && q.every((x) => /^[0-9]{1,3}$/.test(x))) {
		if (q.some((x) => x.length > 1 && x[0] === '0')) return null;
		const b = q.map(Number);
		return b.every((x) => x <= 255) ? { family: 4, bytes: b } : null;
	}
	// IPv6: the bytes as inet_pton reads them (the shim's iptoarr), only
	// for the characters the grammar allows
	if (s.includes(':') && /^[0-9a-fA-F:.]+$/.test(s)) {
		const b = iptoarr(s) as number[] | null;
		return b && b.length === 16 ? { family: 6, bytes: b } : null;
	}
	return null;
}

const bit = (bytes: number[], i: number) => (bytes[i >> 3] >> (7 - (i & 7))) & 1;
const masked = (bytes: number[], len: number) => bytes.map((x, i) => (i * 8 >= len ? 0 : i * 8 + 8 <= len ? x : x & (0xff << (8 - (len - i * 8))) & 0xff));
const text = (family: 4 | 6, bytes: number[]) => (family === 4 ? bytes.join('.') : arrtoip(bytes) as string);

function refPrefix(s: string): unknown {
	if (s === '') return msg('empty');
	const parts = s.split('/');
	if (parts.length > 2) return msg('not_prefix', [s]);
	const a = refAddress(parts[0]);
	if (!a) return msg('not_ip_or_prefix', [s]);
	const max = a.family === 4 ? 32 : 128;
	let len = max;
	if (parts.length === 2) {
		if (!/^(0|[1-9][0-9]{0,2})$/.test(parts[1])) return msg('bad_prefix_len', [s]);
		len = Number(parts[1]);
		if (len > max) return msg('prefix_len_max', [s, max]);
	}
	for (let i = len; i < max; i++)
		if (bit(a.bytes, i)) return msg('host_bits', [s, `${text(a.family, masked(a.bytes, len))}/${len}`]);
	const t = text(a.family, a.bytes);
	return { family: a.family, bytes: a.bytes, len, text: len === max ? t : `${t}/${len}`, host: len === max };
}

function refContains(p: Prefix, bytes: number[]): boolean {
	if (p.bytes.length !== bytes.length) return false;
	for (let i = 0; i < p.len; i++) if (bit(p.bytes, i) !== bit(bytes, i)) return false;
	return true;
}

function refOverlap(a: Prefix, b: Prefix): boolean {
	return a.family === b.family && (a.len <= b.len ? refContains(a, b.bytes) : refContains(b, a.bytes));
}

// ---- generators ------------------------------------------------------------

// an octet as written: mostly plain, sometimes with a leading zero or out of range
const octet = fc.oneof({ weight: 8, arbitrary: fc.integer({ min: 0, max: 255 }).map(String) },
	{ weight: 1, arbitrary: fc.integer({ min: 0, max: 99 }).map((n) => `0${n}`) },
	{ weight: 1, arbitrary: fc.integer({ min: 256, max: 999 }).map(String) });
const v4bytes = fc.array(fc.integer({ min: 0, max: 255 }), { minLength: 4, maxLength: 4 });
// a length as written: mostly 0-max, sometimes past it, with a leading zero, or not a number
const lengthText = (max: number) => fc.oneof({ weight: 8, arbitrary: fc.integer({ min: 0, max }).map(String) },
	{ weight: 1, arbitrary: fc.integer({ min: max + 1, max: 999 }).map(String) },
	{ weight: 1, arbitrary: fc.constantFrom('', '00', '08', '1000', '-1', '+8', 'x', '8/8') });
// a network written with or without its host bits, as the user might
const withLen = (family: 4 | 6, bytes: number[], max: number) => fc.tuple(fc.integer({ min: 0, max }), fc.boolean(), fc.boolean())
	.map(([len, clear, bare]) => {
		const b = clear ? masked(bytes, len) : bytes;
		return bare ? text(family, b) : `${text(family, b)}/${len}`;
	});
const v4 = fc.oneof(
	fc.tuple(fc.array(octet, { minLength: 4, maxLength: 4 }), fc.option(lengthText(32))).map(([o, l]) => o.join('.') + (l === null ? '' : `/${l}`)),
	v4bytes.chain((b) => withLen(4, b, 32)));
const group = fc.oneof(fc.constant('0'), fc.integer({ min: 0, max: 0xffff }).map((n) => n.toString(16)));
const v6bytes = fc.array(fc.oneof({ weight: 3, arbitrary: fc.constant(0) }, { weight: 2, arbitrary: fc.integer({ min: 0, max: 255 }) }), { minLength: 16, maxLength: 16 });
const v6 = fc.oneof(
	// as written: full, compressed (one run of zeros as "::"), upper case, with a length
	fc.tuple(fc.array(group, { minLength: 1, maxLength: 9 }), fc.boolean(), fc.boolean(), fc.option(lengthText(128)))
		.map(([g, compress, upper, l]) => {
			let s = g.join(':');
			if (compress) s = s.replace(/(^|:)0(:0)*(:|$)/, '::');
			if (upper) s = s.toUpperCase();
			return s + (l === null ? '' : `/${l}`);
		}),
	v6bytes.chain((b) => withLen(6, b, 128)),
	v4bytes.map((b) => `::ffff:${b.join('.')}`));
// anything short in the characters of the grammar
const junk = fc.stringMatching(/^[0-9a-fA-F.:\/ x-]{0,12}$/);
const prefixText = fc.oneof({ weight: 4, arbitrary: v4 }, { weight: 3, arbitrary: v6 }, { weight: 1, arbitrary: junk });

// ---- the properties --------------------------------------------------------

test('parsePrefix and parseAddress agree with the reference', () => {
	fc.assert(fc.property(prefixText, (s) => {
		assert.deepEqual(parsePrefix(s), refPrefix(s));
		assert.deepEqual(parseAddress(s), refAddress(s));
	}), { numRuns: RUNS });
});

test('the generator reaches every verdict of parsePrefix', () => {
	// the properties above say little if most inputs fail on the same check
	const seen = new Map<string, number>();
	for (const s of fc.sample(prefixText, { numRuns: RUNS, seed: 1 })) {
		const p = parsePrefix(s) as Prefix | { id: string };
		const k = 'id' in p ? p.id : `v${p.family}${p.host ? ' host' : ''}`;
		seen.set(k, (seen.get(k) ?? 0) + 1);
	}
	for (const k of ['v4', 'v4 host', 'v6', 'v6 host', 'not_prefix', 'not_ip_or_prefix', 'bad_prefix_len', 'prefix_len_max', 'host_bits'])
		assert.ok((seen.get(k) ?? 0) >= 10, `${k}: ${seen.get(k) ?? 0} of ${RUNS}`);
});

test('prefixContains and prefixesOverlap agree with the reference', () => {
	const valid = prefixText.map((s) => parsePrefix(s)).filter((p): p is Prefix => 'bytes' in p);
	// pairs that often share a family and a network
	const pair = fc.oneof(fc.tuple(valid, valid),
		valid.chain((p) => fc.integer({ min: 0, max: p.len }).map((l) => [p, parsePrefix(text(p.family, masked(p.bytes, l)) + `/${l}`) as Prefix] as [Prefix, Prefix])));
	fc.assert(fc.property(pair, ([a, b]) => {
		assert.equal(prefixesOverlap(a, b), refOverlap(a, b));
		assert.equal(prefixesOverlap(b, a), refOverlap(a, b));
		assert.equal(prefixContains(a, b.bytes), refContains(a, b.bytes));
		assert.equal(prefixContains(b, a.bytes), refContains(b, a.bytes));
	}), { numRuns: RUNS });
});

// ---- reference: domains ----------------------------------------------------

// the grammar said the obvious way: labels of 1-63 of [a-z0-9-], no hyphen at a label's edge
const refIsDomain = (v: string) => v !== '' && v.split('.').every((l) => /^[a-z0-9-]{1,63}$/.test(l) && l[0] !== '-' && l[l.length - 1] !== '-');

function refBadDomain(v: string): unknown {
	if (Buffer.byteLength(v) > 253) return msg('too_long', [v, 253]);
	if (refIsDomain(v)) return null;
	const bare = v.replace(/^(\*\.|\.)+|\.+$/g, '');
	const fix = toAscii(bare);
	if (fix === null || !refIsDomain(fix)) return msg('not_domain', [v]);
	if (bare !== v) return msg(v.endsWith('.') ? 'domain_trailing_dot' : 'domain_wildcard', [v, fix]);
	if (fix !== v.toLowerCase()) return msg('idn_write_as', [v, fix]);
	return msg('lower_case', [v]);
}

// 61 to 66 characters, around the 63 a label may have
const longLabel = fc.integer({ min: 61, max: 66 }).chain((n) => fc.array(fc.constantFrom('a', 'b', '0', '-'), { minLength: n, maxLength: n })).map((c) => c.join(''));
const labelText = fc.oneof({ weight: 6, arbitrary: fc.stringMatching(/^[a-z0-9]([a-z0-9-]{0,4}[a-z0-9])?$/) },
	{ weight: 2, arbitrary: fc.stringMatching(/^[a-zA-Z0-9_*-]{0,4}$/) },
	{ weight: 1, arbitrary: longLabel },
	{ weight: 1, arbitrary: fc.constantFrom('bücher', 'ÄB', 'xn--bcher-kva', '-', '') });
const domainText = fc.oneof(
	fc.tuple(fc.constantFrom('', '', '', '*.', '.'), fc.array(labelText, { minLength: 1, maxLength: 5 }), fc.constantFrom('', '', '', '.', '..'))
		.map(([pre, labels, post]) => pre + labels.join('.') + post),
	// near the 253 a name may have
	fc.tuple(fc.array(longLabel, { minLength: 3, maxLength: 4 }), labelText).map(([l, last]) => [...l, last].join('.')));

test('badDomain agrees with the reference', () => {
	fc.assert(fc.property(domainText, (v) => {
		assert.deepEqual(badDomain(v), refBadDomain(v));
	}), { numRuns: RUNS });
});

test('the generator reaches every verdict of badDomain', () => {
	const seen = new Map<string, number>();
	for (const v of fc.sample(domainText, { numRuns: RUNS, seed: 1 })) {
		const k = badDomain(v)?.id ?? 'ok';
		seen.set(k, (seen.get(k) ?? 0) + 1);
	}
	for (const k of ['ok', 'not_domain', 'domain_trailing_dot', 'domain_wildcard', 'idn_write_as', 'lower_case', 'too_long'])
		assert.ok((seen.get(k) ?? 0) >= 5, `${k}: ${seen.get(k) ?? 0} of ${RUNS}`);
});
