// Internationalised domain names → their ASCII ("xn--") form, RFC 3492
// punycode, so check can tell a user what to write: DNS, dnsmasq and the
// nft sets only ever see the ASCII form. Strings are UTF-8 bytes (ucode).
//
// Lower-casing covers ASCII, Latin-1, Latin Extended-A, Greek and Cyrillic;
// for any other mapping UTS #46 would apply (width folding, normalisation,
// compatibility forms, …) no form is suggested rather than a wrong one.

const BASE = 36, TMIN = 1, TMAX = 26, SKEW = 38, DAMP = 700;

// code points of a UTF-8 string, or null when it is not valid UTF-8
export function codepoints(s: string): number[] | null {
	const out: number[] = [];
	const n = length(s) as number;
	let i = 0;
	while (i < n) {
		const b = ord(s, i) as number;
		let cp = b, len = 1;
		if (b >= 0xf0 && b < 0xf8) { cp = b & 0x07; len = 4; }
		else if (b >= 0xe0) { cp = b & 0x0f; len = 3; }
		else if (b >= 0xc2) { cp = b & 0x1f; len = 2; }
		else if (b >= 0x80) return null;
		if (b >= 0xf8 || i + len > n) return null;
		for (let j = 1; j < len; j++) {
			const c = ord(s, i + j) as number;
			if ((c & 0xc0) !== 0x80) return null;
			cp = (cp << 6) | (c & 0x3f);
		}
		push(out, cp);
		i += len;
	}
	return out;
}

// Upper → lower case where a pair sits at even/odd code points.
function pair(cp: number, upperEven: boolean): number {
	return (cp % 2 === 0) === upperEven ? cp + 1 : cp;
}

// Lower-case for the scripts covered; -1 for a code point UTS #46 would map
// in a way this does not know (or disallows), so no form is suggested.
function lower(cp: number): number {
	if (cp < 0x80) return cp >= 0x41 && cp <= 0x5a ? cp + 32 : (cp >= 0x61 && cp <= 0x7a) || (cp >= 0x30 && cp <= 0x39) || cp === 0x2d || cp === 0x2e ? cp : -1;
	if (cp < 0xc0 || cp === 0xd7 || cp === 0xf7) return -1;                 // controls, symbols, × ÷
	if (cp <= 0xde) return cp + 32;                                          // À…Þ
	if (cp <= 0xff) return cp;
	if (cp === 0x130 || cp === 0x132 || cp === 0x133 || cp === 0x13f || cp === 0x140 || cp === 0x149 || cp === 0x17f) return -1; // İ Ĳ ĳ Ŀ ŀ ŉ ſ: more than a case
	if (cp === 0x178) return 0xff;                                           // Ÿ
	if (cp < 0x138) return pair(cp, true);                                   // Latin Extended-A
	if (cp === 0x138) return cp;
	if (cp < 0x149) return pair(cp, false);
	if (cp < 0x178) return pair(cp, true);
	if (cp < 0x17f) return pair(cp, false);
	if (cp < 0x370) return -1;                                               // Latin Extended-B, IPA, combining marks
	if (cp === 0x386) return 0x3ac;                                          // Greek Ά
	if (cp >= 0x388 && cp <= 0x38a) return cp + 37;                          // Έ Ή Ί
	if (cp === 0x38c) return 0x3cc;                                          // Ό
	if (cp === 0x38e || cp === 0x38f) return cp + 63;                        // Ύ Ώ
	if (cp >= 0x391 && cp <= 0x3ab && cp !== 0x3a2) return cp + 32;          // Α…Ϋ
	if (cp >= 0x3ac && cp <= 0x3ce && cp !== 0x3c2) return cp;               // α…ώ (final ς maps)
	if (cp < 0x400) return -1;
	if (cp < 0x410) return cp + 80;                                          // Cyrillic Ѐ…Џ
	if (cp < 0x430) return cp + 32;                                          // А…Я
	if (cp < 0x460) return cp;                                               // а…џ
	if ((cp >= 0x460 && cp <= 0x481) || (cp >= 0x48a && cp <= 0x4bf) || (cp >= 0x4d0 && cp <= 0x52f)) return pair(cp, true);
	if (cp >= 0x4c1 && cp <= 0x4ce) return pair(cp, false);
	// scripts without case or marks: kana, CJK ideographs, Hangul syllables
	// (right-to-left scripts have the bidi rule, Indic ones combining marks)
	if ((cp >= 0x3041 && cp <= 0x3096) || cp === 0x309d || cp === 0x309e || (cp >= 0x30a1 && cp <= 0x30fa) || (cp >= 0x30fc && cp <= 0x30fe) ||
		(cp >= 0x3400 && cp <= 0x4dbf) || (cp >= 0x4e00 && cp <= 0x9fff) || (cp >= 0xac00 && cp <= 0xd7a3)) return cp;
	return -1;
}

function digit(d: number): string {
	return chr(d < 26 ? 97 + d : 22 + d);
}

function adapt(delta: number, points: number, first: boolean): number {
	let d = first ? int(delta / DAMP) : int(delta / 2);
	d += int(d / points);
	let k = 0;
	while (d > int((BASE - TMIN) * TMAX / 2)) { d = int(d / (BASE - TMIN)); k += BASE; }
	return k + int((BASE - TMIN + 1) * d / (d + SKEW));
}

// RFC 3492 section 6.3, for one label of code points.
export function punycode(cps: number[]): string {
	let out = '';
	for (let i = 0; i < length(cps); i++) if (cps[i] < 0x80) out += chr(cps[i]);
	const basic = length(out) as number;
	let h = basic, n = 0x80, delta = 0, bias = 72;
	if (basic > 0) out += '-';
	while (h < length(cps)) {
		let m = 0x7fffffff;
		for (let i = 0; i < length(cps); i++) if (cps[i] >= n && cps[i] < m) m = cps[i];
		delta += (m - n) * (h + 1);
		n = m;
		for (let i = 0; i < length(cps); i++) {
			if (cps[i] < n) delta++;
			if (cps[i] !== n) continue;
			let q = delta, k = BASE;
			while (true) {
				const t = k <= bias ? TMIN : (k >= bias + TMAX ? TMAX : k - bias);
				if (q < t) break;
				out += digit(t + (q - t) % (BASE - t));
				q = int((q - t) / (BASE - t));
				k += BASE;
			}
			out += digit(q);
			bias = adapt(delta, h + 1, h === basic);
			delta = 0;
			h++;
		}
		delta++;
		n++;
	}
	return out;
}

// "bücher.de" → "xn--bcher-kva.de"; null when the name is not valid UTF-8 or
// needs a mapping this does not do.
export function toAscii(name: string): string | null {
	const cps = codepoints(name);
	if (cps === null) return null;
	const labels: string[] = [];
	let cur: number[] = [], wide = false;
	for (let i = 0; i <= length(cps); i++) {
		// the ideographic full stop separates labels too
		const cp = i === length(cps) || cps[i] === 0x3002 ? 0x2e : lower(cps[i]);
		if (cp < 0) return null;
		if (cp === 0x2e) {
			push(labels, wide ? `xn--${punycode(cur)}` : join('', map(cur, (c) => chr(c))));
			cur = []; wide = false;
			continue;
		}
		if (cp >= 0x80) wide = true;
		push(cur, cp);
	}
	return join('.', labels);
}
