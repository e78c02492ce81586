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
// zip bomb stops there, not in the browser's memory).
export async function inflate(raw: Uint8Array, limit: number): Promise<Uint8Array | null> {
	const ds = new (globalThis as any).DecompressionStream('deflate-raw');
	const w = ds.writable.getWriter();
	w.write(raw).catch(() => null);
	w.close().catch(() => null);
	const r = ds.readable.getReader();
	const parts: Uint8Array[] = [];
	let total = 0;
	try {
		for (;;) {
			const { done, value } = await r.read();
			if (done) break;
			total += value.length;
			if (total > limit) { r.cancel().catch(() => null); return null; }
			parts.push(value);
		}
	} catch (e) {
		return null;
	}
	const out = new Uint8Array(total);
	let at = 0;
	for (const p of parts) { out.set(p, at); at += p.length; }
	return out;
}

// One entry's bytes, checked against the directory's size and CRC.
export async function entryBytes(b: Uint8Array, e: ZipEntry): Promise<Uint8Array | Text> {
	if (e.encrypted) return msg(N_('encrypted: save the archive without a password'));
	if (e.method !== 0 && e.method !== 8) return msg(N_('compressed with method %d; only stored and deflate are read'), e.method);
	if (e.offset + 30 > b.length || u32(b, e.offset) !== LOCAL) return msg(N_('the zip archive is damaged (entry %s)'), e.name);
	const at = e.offset + 30 + u16(b, e.offset + 26) + u16(b, e.offset + 28);
	if (at + e.compressed > b.length) return msg(N_('the zip archive is damaged (entry %s)'), e.name);
	const raw = b.subarray(at, at + e.compressed);
	const data = e.method === 0 ? raw : await inflate(raw, e.size);
	if (!data || data.length !== e.size || crc32(data) !== e.crc) return msg(N_('the zip archive is damaged (entry %s)'), e.name);
	return data;
}

// The .conf files of a provider's zip as text, each with the upstream name
// it gets (the router's names), or the first problem and the file it is in.
export async function zipConfs(b: Uint8Array, zipName: string): Promise<ZipConfs> {
	if (b.length > ZIP_BYTES) return { error: msg(N_('%s is larger than %d bytes'), zipName, ZIP_BYTES), file: null };
	const z = zipEntries(b);
	if ('error' in z) return { error: z.error, file: null };
	const confs = z.entries.filter((e) => isConfEntry(e.name));
	if (!confs.length) return { error: coreMsg('zip_no_conf', [zipName]), file: null };
	if (confs.length > ZIP_ENTRIES) return { error: coreMsg('zip_too_many', [zipName, confs.length, ZIP_ENTRIES]), file: null };
	const names = uniqueNames(confs.map((e) => e.name));
	const files: ZipConf[] = [];
	for (let i = 0; i < confs.length; i++) {
		const e = confs[i];
		if (e.size > CONF_BYTES) return { error: coreMsg('zip_entry_size', [e.name, CONF_BYTES]), file: e.name };
		const data = await entryBytes(b, e);
		if (!(data instanceof Uint8Array)) return { error: data, file: e.name };
		const text = new (globalThis as any).TextDecoder('utf-8', { fatal: true, ignoreBOM: false });
		try {
			files.push({ file: e.name, name: names[i], text: text.decode(data) });
		} catch (x) {
			return { error: msg(N_('not UTF-8 text')), file: e.name };
		}
	}
	return { files };
}
