// A provider's .zip, read in the browser for Upstreams → Import .zip: the
// archive's central directory parsed here, deflated entries inflated by the
// browser's DecompressionStream('deflate-raw'). Which entries count, the
// limits and the upstream names are the router's (src/core/onboard.ts), so
// LuCI and `splitwg import FILE.zip` take the same archives the same way.
// Only what providers' zips are: no zip64, no encryption, stored or deflate.
import { ZIP_ENTRIES, CONF_BYTES, isConfEntry, uniqueNames } from '../core/onboard';
import { msg as coreMsg } from '../core/messages';
import { msg, N_ } from './_msg';
import type { Text } from './_msg';

export interface ZipEntry {
	name: string;
	method: number;          // 0 stored, 8 deflate; others are refused when read
	encrypted: boolean;
	crc: number;
	compressed: number;      // bytes in the archive
	size: number;            // bytes once inflated
	offset: number;          // of the entry's local header
}

export interface ZipConf { file: string, name: string, text: string }
export type ZipConfs = { files: ZipConf[] } | { error: Text, file: string | null };

const EOCD = 0x06054b50, CENTRAL = 0x02014b50, LOCAL = 0x04034b50, ZIP64_LOCATOR = 0x07064b50;
const MAX32 = 0xffffffff;
// the largest archive read: all its .conf files at their largest
export const ZIP_BYTES = ZIP_ENTRIES * CONF_BYTES;

const u16 = (b: Uint8Array, o: number) => b[o] | (b[o + 1] << 8);
const u32 = (b: Uint8Array, o: number) => (b[o] | (b[o + 1] << 8) | (b[o + 2] << 16)) + b[o + 3] * 0x1000000;

// Entry names: UTF-8 when the archive says so (flag bit 11), else bytes as
// they are (CP437 in theory; providers' names are ASCII).
function nameOf(b: Uint8Array, utf8: boolean): string {
	if (utf8) return new (globalThis as any).TextDecoder('utf-8').decode(b);
	let s = '';
	for (let i = 0; i < b.length; i++) s += String.fromCharCode(b[i]);
	return s;
}

// The end-of-central-directory record: the last 22 bytes, or earlier by an
// archive comment of up to 65535 bytes.
function findEnd(b: Uint8Array): number {
	for (let o = b.length - 22; o >= 0 && o >= b.length - 22 - 65535; o--)
		if (u32(b, o) === EOCD && o + 22 + u16(b, o + 20) === b.length) return o;
	return -1;
}

// The archive's entries from its central directory, or why it cannot be read.
export function zipEntries(b: Uint8Array): { entries: ZipEntry[] } | { error: Text } {
	const end = findEnd(b);
	if (end < 0) return { error: msg(N_('not a zip archive')) };
	const count = u16(b, end + 10), size = u32(b, end + 12), start = u32(b, end + 16);
	if ((end >= 20 && u32(b, end - 20) === ZIP64_LOCATOR) || count === 0xffff || size === MAX32 || start === MAX32)
		return { error: msg(N_('a zip64 archive: save it as a plain zip')) };
	if (u16(b, end + 4) !== 0 || u16(b, end + 8) !== count) return { error: msg(N_('a multi-part (split) archive')) };
	if (start + size > end) return { error: msg(N_('the zip archive is damaged (its directory is outside the file)')) };
	const entries: ZipEntry[] = [];
	let o = start;
	for (let i = 0; i < count; i++) {
		if (o + 46 > start + size || u32(b, o) !== CENTRAL) return { error: msg(N_('the zip archive is damaged (entry %d of its directory)'), i + 1) };
		const flags = u16(b, o + 8), nlen = u16(b, o + 28), xlen = u16(b, o + 30), clen = u16(b, o + 32);
		const e: ZipEntry = {
			name: nameOf(b.subarray(o + 46, o + 46 + nlen), (flags & 0x800) !== 0),
			method: u16(b, o + 10), encrypted: (flags & 1) !== 0, crc: u32(b, o + 16),
			compressed: u32(b, o + 20), size: u32(b, o + 24), offset: u32(b, o + 42),
		};
		if (e.compressed === MAX32 || e.size === MAX32 || e.offset === MAX32) return { error: msg(N_('a zip64 archive: save it as a plain zip')) };
		entries.push(e);
		o += 46 + nlen + xlen + clen;
	}
	return { entries };
}

// CRC-32 (IEEE, the zip format's), to tell a damaged entry from a good one.
let crcTable: number[] | null = null;
export function crc32(b: Uint8Array): number {
	if (!crcTable) {
		crcTable = [];
		for (let n = 0; n < 256; n++) {
			let c = n;
			for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
			crcTable.push(c >>> 0);
		}
	}
	let c = MAX32;
	for (let i = 0; i < b.length; i++) c = crcTable[(c ^ b[i]) & 0xff] ^ (c >>> 8);
	return (c ^ MAX32) >>> 0;
}

// Inflate raw deflate data, refusing more than `limit` bytes of output (a
// zip bomb stops there, not in the browser's memory); null when the data is
// not deflate or is too large. (Promises, not async: the views keep to the
// core's subset, docs/luci.md.)
export function inflate(raw: Uint8Array, limit: number): Promise<Uint8Array | null> {
	const ds = new (globalThis as any).DecompressionStream('deflate-raw');
	const w = ds.writable.getWriter();
	w.write(raw).catch(() => null);
	w.close().catch(() => null);
	const r = ds.readable.getReader();
	const parts: Uint8Array[] = [];
	let total = 0;
	const next = (): Promise<Uint8Array | null> => r.read().then((c: { done: boolean, value: Uint8Array }) => {
		if (c.done) {
			const out = new Uint8Array(total);
			let at = 0;
			for (const p of parts) { out.set(p, at); at += p.length; }
			return out;
		}
		total += c.value.length;
		if (total > limit) { r.cancel().catch(() => null); return null; }
		parts.push(c.value);
		return next();
	});
	return next().catch(() => null);
}

// One entry's bytes, checked against the directory's size and CRC.
export function entryBytes(b: Uint8Array, e: ZipEntry): Promise<Uint8Array | Text> {
	const damaged = msg(N_('the zip archive is damaged (entry %s)'), e.name);
	if (e.encrypted) return Promise.resolve(msg(N_('encrypted: save the archive without a password')));
	if (e.method !== 0 && e.method !== 8) return Promise.resolve(msg(N_('compressed with method %d; only stored and deflate are read'), e.method));
	if (e.offset + 30 > b.length || u32(b, e.offset) !== LOCAL) return Promise.resolve(damaged);
	const at = e.offset + 30 + u16(b, e.offset + 26) + u16(b, e.offset + 28);
	if (at + e.compressed > b.length) return Promise.resolve(damaged);
	const raw = b.subarray(at, at + e.compressed);
	return (e.method === 0 ? Promise.resolve(raw) : inflate(raw, e.size))
		.then((data) => !data || data.length !== e.size || crc32(data) !== e.crc ? damaged : data);
}

function utf8(data: Uint8Array): string | null {
	try {
		return new (globalThis as any).TextDecoder('utf-8', { fatal: true }).decode(data);
	} catch (x) {
		return null;
	}
}

// The .conf files of a provider's zip as text, each with the upstream name
// it gets (the router's names), or the first problem and the file it is in.
export function zipConfs(b: Uint8Array, zipName: string): Promise<ZipConfs> {
	const fail = (error: Text, file: string | null): Promise<ZipConfs> => Promise.resolve({ error, file });
	if (b.length > ZIP_BYTES) return fail(msg(N_('%s is larger than %d bytes'), zipName, ZIP_BYTES), null);
	const z = zipEntries(b);
	if ('error' in z) return fail(z.error, null);
	const confs = z.entries.filter((e) => isConfEntry(e.name));
	if (!confs.length) return fail(coreMsg('zip_no_conf', [zipName]), null);
	if (confs.length > ZIP_ENTRIES) return fail(coreMsg('zip_too_many', [zipName, confs.length, ZIP_ENTRIES]), null);
	const big = confs.filter((e) => e.size > CONF_BYTES)[0];
	if (big) return fail(coreMsg('zip_entry_size', [big.name, CONF_BYTES]), big.name);
	const names = uniqueNames(confs.map((e) => e.name));
	const files: ZipConf[] = [];
	// one after another: the first problem is the answer
	const next = (i: number): Promise<ZipConfs> => i === confs.length ? Promise.resolve({ files }) : entryBytes(b, confs[i]).then((data) => {
		if (!(data instanceof Uint8Array)) return fail(data, confs[i].name);
		const text = utf8(data);
		if (text === null) return fail(msg(N_('not UTF-8 text')), confs[i].name);
		files.push({ file: confs[i].name, name: names[i], text });
		return next(i + 1);
	});
	return next(0);
}
