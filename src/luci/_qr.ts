// A QR code encoder for the peer's .conf (ISO/IEC 18004), so the WireGuard
// app can scan it on every LuCI release: luci-lib-uqr exists only from
// LuCI 24.10 on. Only what a .conf needs: byte mode, error correction level
// M (a phone camera reading a screen has little damage to repair, and M
// keeps the code at version 13-17 for a typical peer), versions 1-40.
// Tested against an independent decoder (jsQR, test/luci/qr.test.ts).

export interface QrCode { version: number, size: number, mask: number, dark: boolean[] }   // dark[y * size + x]

// Level M, per version 1-40: error correction codewords per block, and the
// number of blocks (the standard's table 9). Everything else about a
// version follows from its size.
const EC_PER_BLOCK = [10, 16, 26, 18, 24, 16, 18, 22, 22, 26, 30, 22, 22, 24, 24, 28, 28, 26, 26, 26,
	26, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28];
const BLOCKS = [1, 1, 1, 2, 2, 4, 4, 4, 5, 5, 5, 8, 9, 9, 10, 10, 11, 13, 14, 16,
	17, 17, 18, 20, 21, 23, 25, 26, 28, 29, 31, 33, 35, 37, 38, 40, 43, 45, 47, 49];
const MAX_VERSION = 40;

// ---- GF(256) with the QR polynomial x^8 + x^4 + x^3 + x^2 + 1, as log tables
const EXP: number[] = [];
const LOG: number[] = [];
for (let i = 0, x = 1; i < 255; i++) {
	EXP[i] = x;
	LOG[x] = i;
	x = (x << 1) ^ (x & 0x80 ? 0x11d : 0);
}

function gfMul(a: number, b: number): number {
	return a && b ? EXP[(LOG[a] + LOG[b]) % 255] : 0;
}

// Reed-Solomon: the remainder of data(x)·x^n divided by the generator
// (x - α^0)(x - α^1)…(x - α^(n-1)), i.e. the n error correction codewords.
function rsGenerator(n: number): number[] {
	let g = [1];
	for (let i = 0; i < n; i++) {
		const next = g.concat([0]);
		for (let j = 0; j < g.length; j++) next[j + 1] ^= gfMul(g[j], EXP[i]);
		g = next;
	}
	return g;   // highest power first, g[0] = 1
}

function rsRemainder(data: number[], gen: number[]): number[] {
	const rem: number[] = gen.slice(1).map(() => 0);
	for (const b of data) {
		const f = b ^ rem[0];
		rem.shift();
		rem.push(0);
		for (let j = 0; j < rem.length; j++) rem[j] ^= gfMul(gen[j + 1], f);
	}
	return rem;
}

// ---- function patterns: finders, timing, alignment, format and version areas
interface Grid { size: number, dark: boolean[], fixed: boolean[] }

function set(g: Grid, x: number, y: number, dark: boolean): void {
	g.dark[y * g.size + x] = dark;
	g.fixed[y * g.size + x] = true;
}

// Alignment pattern centres: from 6 to size-7, evenly spaced by an even step
// counted from the far end (version 32 is the standard's one exception).
function alignmentPositions(version: number): number[] {
	if (version === 1) return [];
	const n = Math.floor(version / 7) + 2, last = version * 4 + 10;
	const step = version === 32 ? 26 : Math.ceil((version * 4 + 4) / (n * 2 - 2)) * 2;
	const out = [6];
	for (let i = n - 2; i >= 0; i--) out.push(last - i * step);
	return out;
}

// 18 bits: the version and its BCH(18,6) check bits (generator 0x1f25).
function versionBits(version: number): number {
	let r = version;
	for (let i = 0; i < 12; i++) r = (r << 1) ^ ((r >> 11) * 0x1f25);
	return version << 12 | r;
}

// 15 bits: level M (00) and the mask, BCH(15,5) check bits (generator
// 0x537), XORed with 0x5412 so the bits are never all light.
function formatBits(mask: number): number {
	let r = mask;
	for (let i = 0; i < 10; i++) r = (r << 1) ^ ((r >> 9) * 0x537);
	return (mask << 10 | r) ^ 0x5412;
}

function drawFormat(g: Grid, mask: number): void {
	const f = formatBits(mask), n = g.size;
	const bit = (i: number) => ((f >> i) & 1) === 1;
	// around the top-left finder (skipping the timing lines), then split
	// between the other two finders; the decoder reads whichever copy is better
	for (let i = 0; i < 6; i++) set(g, 8, i, bit(i));
	set(g, 8, 7, bit(6)); set(g, 8, 8, bit(7)); set(g, 7, 8, bit(8));
	for (let i = 9; i < 15; i++) set(g, 14 - i, 8, bit(i));
	for (let i = 0; i < 8; i++) set(g, n - 1 - i, 8, bit(i));
	for (let i = 8; i < 15; i++) set(g, 8, n - 15 + i, bit(i));
	set(g, 8, n - 8, true);   // the one always-dark module
}

function functionPatterns(version: number): Grid {
	const size = version * 4 + 17;
	const g: Grid = { size, dark: [], fixed: [] };
	for (let i = 0; i < size * size; i++) { g.dark.push(false); g.fixed.push(false); }
	// finders with their light separators
	for (const c of [[0, 0], [size - 7, 0], [0, size - 7]]) {
		for (let dy = -1; dy <= 7; dy++) for (let dx = -1; dx <= 7; dx++) {
			const x = c[0] + dx, y = c[1] + dy;
			if (x < 0 || y < 0 || x >= size || y >= size) continue;
			const ring = Math.max(Math.abs(dx - 3), Math.abs(dy - 3));   // 0-1 centre, 2 light, 3 dark, 4 separator
			set(g, x, y, ring !== 2 && ring !== 4);
		}
	}
	for (let i = 8; i < size - 8; i++) { set(g, i, 6, i % 2 === 0); set(g, 6, i, i % 2 === 0); }
	const al = alignmentPositions(version);
	const last = al[al.length - 1];
	for (const ax of al) for (const ay of al) {
		if ((ax === 6 && (ay === 6 || ay === last)) || (ax === last && ay === 6)) continue;   // under the finders
		for (let dy = -2; dy <= 2; dy++) for (let dx = -2; dx <= 2; dx++)
			set(g, ax + dx, ay + dy, Math.max(Math.abs(dx), Math.abs(dy)) !== 1);
	}
	drawFormat(g, 0);   // reserves the area; redrawn with the chosen mask
	if (version >= 7) {
		const v = versionBits(version);
		for (let i = 0; i < 18; i++) {
			const d = ((v >> i) & 1) === 1, a = size - 11 + i % 3, b = Math.floor(i / 3);
			set(g, a, b, d);
			set(g, b, a, d);
		}
	}
	return g;
}

// ---- versions and data
function dataCodewords(version: number): number {
	const g = functionPatterns(version);
	const total = Math.floor(g.fixed.filter((f) => !f).length / 8);
	return total - EC_PER_BLOCK[version - 1] * BLOCKS[version - 1];
}

function countBits(version: number): number {
	return version < 10 ? 8 : 16;   // byte mode's character count indicator
}

// The most bytes version `version` holds (mode and count indicators take 4 + 8 or 16 bits).
export function qrCapacity(version: number): number {
	return Math.floor((dataCodewords(version) * 8 - 4 - countBits(version)) / 8);
}

export const QR_MAX_BYTES = 2331;   // qrCapacity(40), checked by the tests

// UTF-8, as the WireGuard apps read the scanned text.
export function utf8(s: string): number[] {
	const out: number[] = [];
	for (let i = 0; i < s.length; i++) {
		let c = s.charCodeAt(i);
		if (c >= 0xd800 && c < 0xdc00 && i + 1 < s.length) c = 0x10000 + ((c - 0xd800) << 10) + (s.charCodeAt(++i) - 0xdc00);
		if (c < 0x80) out.push(c);
		else if (c < 0x800) out.push(0xc0 | c >> 6, 0x80 | c & 63);
		else if (c < 0x10000) out.push(0xe0 | c >> 12, 0x80 | c >> 6 & 63, 0x80 | c & 63);
		else out.push(0xf0 | c >> 18, 0x80 | c >> 12 & 63, 0x80 | c >> 6 & 63, 0x80 | c & 63);
	}
	return out;
}

// Mode, count, bytes, terminator, padding → the data codewords; then split
// into blocks (the short ones first), each with its error correction, and
// interleaved column by column so damage in one spot hits many blocks a little.
function codewords(data: number[], version: number): number[] {
	const cap = dataCodewords(version);
	const bits: number[] = [];
	const put = (v: number, n: number) => { for (let i = n - 1; i >= 0; i--) bits.push((v >>> i) & 1); };
	put(4, 4);
	put(data.length, countBits(version));
	for (const b of data) put(b, 8);
	put(0, Math.min(4, cap * 8 - bits.length));
	while (bits.length % 8) bits.push(0);
	const bytes: number[] = [];
	for (let i = 0; i < bits.length; i += 8) bytes.push(parseInt(bits.slice(i, i + 8).join(''), 2));
	for (let pad = 0xec; bytes.length < cap; pad ^= 0xec ^ 0x11) bytes.push(pad);

	const nb = BLOCKS[version - 1], gen = rsGenerator(EC_PER_BLOCK[version - 1]);
	const short = Math.floor(cap / nb), long = cap % nb;
	const blocks: number[][] = [], ecs: number[][] = [];
	for (let b = 0, at = 0; b < nb; b++) {
		const len = short + (b >= nb - long ? 1 : 0);
		blocks.push(bytes.slice(at, at + len));
		ecs.push(rsRemainder(blocks[b], gen));
		at += len;
	}
	const out: number[] = [];
	for (let i = 0; i <= short; i++) for (const bl of blocks) if (i < bl.length) out.push(bl[i]);
	for (let i = 0; i < gen.length - 1; i++) for (const ec of ecs) out.push(ec[i]);
	return out;
}

// Bits go up and down two-module columns from the bottom right, skipping
// the vertical timing line and every function module.
function placeData(g: Grid, cw: number[]): void {
	const n = g.size;
	let i = 0, up = true;
	for (let right = n - 1; right > 0; right -= 2) {
		if (right === 6) right = 5;
		for (let k = 0; k < n; k++) {
			const y = up ? n - 1 - k : k;
			for (const x of [right, right - 1]) {
				if (g.fixed[y * n + x]) continue;
				g.dark[y * n + x] = i < cw.length * 8 && ((cw[i >> 3] >> (7 - (i & 7))) & 1) === 1;
				i++;   // past the codewords: remainder bits, light
			}
		}
		up = !up;
	}
}

const MASKS: ((x: number, y: number) => boolean)[] = [
	(x, y) => (x + y) % 2 === 0,
	(_x, y) => y % 2 === 0,
	(x) => x % 3 === 0,
	(x, y) => (x + y) % 3 === 0,
	(x, y) => (Math.floor(y / 2) + Math.floor(x / 3)) % 2 === 0,
	(x, y) => (x * y) % 2 + (x * y) % 3 === 0,
	(x, y) => ((x * y) % 2 + (x * y) % 3) % 2 === 0,
	(x, y) => ((x + y) % 2 + (x * y) % 3) % 2 === 0,
];

function masked(g: Grid, mask: number): Grid {
	const n = g.size, out: Grid = { size: n, dark: g.dark.slice(), fixed: g.fixed };
	for (let y = 0; y < n; y++) for (let x = 0; x < n; x++)
		if (!g.fixed[y * n + x] && MASKS[mask](x, y)) out.dark[y * n + x] = !out.dark[y * n + x];
	drawFormat(out, mask);
	return out;
}

// The standard's penalty: long runs, 2×2 blocks, finder look-alikes (outside
// the symbol counts as light: the quiet zone), and an unbalanced dark share.
// The mask with the lowest score is the easiest one to scan.
const FINDER_LIKE = ['10111010000', '00001011101'];

function penalty(g: Grid): number {
	const n = g.size;
	let score = 0, darkCount = 0;
	for (let dir = 0; dir < 2; dir++) {
		for (let a = 0; a < n; a++) {
			const at = (b: number) => b >= 0 && b < n && g.dark[dir ? b * n + a : a * n + b];
			let line = '';
			for (let b = -4; b < n + 4; b++) line += at(b) ? '1' : '0';
			for (let b = 0, run = 0; b < n; b++) {
				run = b > 0 && at(b) === at(b - 1) ? run + 1 : 1;
				if (run === 5) score += 3;
				else if (run > 5) score += 1;
			}
			for (const p of FINDER_LIKE) for (let k = line.indexOf(p); k >= 0; k = line.indexOf(p, k + 1)) score += 40;
		}
	}
	for (let y = 0; y < n; y++) for (let x = 0; x < n; x++) {
		const d = g.dark[y * n + x];
		if (d) darkCount++;
		if (x < n - 1 && y < n - 1 && d === g.dark[y * n + x + 1] && d === g.dark[(y + 1) * n + x] && d === g.dark[(y + 1) * n + x + 1]) score += 3;
	}
	return score + 10 * Math.floor(Math.abs(darkCount * 20 - n * n * 10) / (n * n));
}

// The smallest version that holds `data`, with the best of the 8 masks
// (or the one asked for: the tests try each).
export function qrEncode(data: number[], onlyMask?: number): QrCode {
	let version = 1;
	while (version <= MAX_VERSION && qrCapacity(version) < data.length) version++;
	if (version > MAX_VERSION)
		throw new RangeError(`QR code: ${data.length} bytes do not fit, at most ${QR_MAX_BYTES} (version 40, error correction M)`);
	const g = functionPatterns(version);
	placeData(g, codewords(data, version));
	let best: Grid | null = null, bestMask = 0, bestScore = Infinity;
	for (let m = 0; m < 8; m++) {
		if (onlyMask !== undefined && m !== onlyMask) continue;
		const c = masked(g, m), s = penalty(c);
		if (s < bestScore) { best = c; bestMask = m; bestScore = s; }
	}
	return { version, size: g.size, mask: bestMask, dark: (best as Grid).dark };
}

// An SVG with a 4-module quiet zone, one path of horizontal runs; it scales
// to its container (viewBox, no fixed size).
export function qrSvg(qr: QrCode): string {
	const n = qr.size, q = 4;
	let d = '';
	for (let y = 0; y < n; y++) {
		for (let x = 0; x < n; x++) {
			if (!qr.dark[y * n + x]) continue;
			let run = 1;
			while (x + run < n && qr.dark[y * n + x + run]) run++;
			d += `M${x + q} ${y + q}h${run}v1h-${run}z`;
			x += run;
		}
	}
	const w = n + 2 * q;
	return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${w} ${w}" shape-rendering="crispEdges" style="width:100%;height:auto;display:block">` +
		`<rect width="${w}" height="${w}" fill="#fff"/><path fill="#000" d="${d}"/></svg>`;
}
