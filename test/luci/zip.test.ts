// Upstreams → Import .zip: real archives made with Debian's zip(1), read by
// src/luci/_zip.ts the way the browser reads them (central directory here,
// DecompressionStream('deflate-raw') for deflated entries), and the files
// and names it finds are those the router's `splitwg import FILE.zip` finds.
import { afterAll, test } from 'vitest';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { zipEntries, zipConfs, inflate, crc32, ZIP_BYTES } from '../../src/luci/_zip';
import { say } from '../../src/luci/_msg';
import { ZIP_ENTRIES, CONF_BYTES } from '../../src/core/onboard';
import { readZip } from '../../src/router/onboard';
import { fakeRouter } from '../router/fakes';
import { openwrt } from '../router/openwrt';

const KEY1 = 'WEwUzEUb44RdC/egGl/x1/s2dDe7FpJT70QWsXzeYk8=';
const PUB1 = 'FoP/cHfO+s0I5s6RoBsLjJfNo9m64W+6HsqdDECy42E=';
const conf = (addr: string, host: string) => `[Interface]\nPrivateKey = ${KEY1}\nAddress = ${addr}\nDNS = 10.2.0.1\n\n[Peer]\nPublicKey = ${PUB1}\nAllowedIPs = 0.0.0.0/0\nEndpoint = ${host}:51820\n`;

// A zip of `files` (path inside the archive → text) made by zip(1) with
// `opts`; the archive's path.
const made: string[] = [];
afterAll(() => { for (const d of made) fs.rmSync(d, { recursive: true, force: true }); });
function makeZip(files: Record<string, string | Buffer>, opts: string[] = []): string {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'swluzip-'));
	made.push(dir);
	for (const [n, t] of Object.entries(files)) { fs.mkdirSync(path.dirname(path.join(dir, 'in', n)), { recursive: true }); fs.writeFileSync(path.join(dir, 'in', n), t); }
	// each folder an entry of its own, as an archiver makes them (zip without -r adds just the folder)
	const dirs = [...new Set(Object.keys(files).filter((n) => n.includes('/')).map((n) => n.replace(/\/[^/]*$/, '')))];
	execFileSync('zip', ['-q', ...opts, path.join(dir, 'provider.zip'), ...dirs, ...Object.keys(files)], { cwd: path.join(dir, 'in') });
	return path.join(dir, 'provider.zip');
}
const bytes = (file: string) => new Uint8Array(fs.readFileSync(file));
const errorOf = async (b: Uint8Array) => {
	const r = await zipConfs(b, 'provider.zip');
	assert.ok('error' in r, 'expected an error');
	return { text: say(r.error), file: r.file };
};

const FILES = {
	'wg-se.conf': conf('10.2.0.2/32', 'se.example'),
	'configs/de 1.conf': conf('10.2.0.3/32', 'de.example'),
	'configs/DE-1.CONF': conf('10.2.0.4/32', 'de2.example'),
	'README.txt': 'hello',
	'__MACOSX/._wg-se.conf': 'junk',
	'configs/._de 1.conf': 'junk',
};

test('the central directory: names, methods and sizes as unzip -v lists them', () => {
	// stored (-0) and deflated; the folder is an entry of its own
	for (const [opts, method] of [[['-0'], 0], [['-9'], 8]] as const) {
		const file = makeZip(FILES, [...opts]);
		const z = zipEntries(bytes(file));
		assert.ok('entries' in z);
		const listed = spawnSync('unzip', ['-Z', '-1', file], { encoding: 'utf8' }).stdout.trim().split('\n');
		assert.deepEqual(z.entries.map((e) => e.name), listed);
		const dir = z.entries.find((e) => e.name === 'configs/')!;
		assert.equal(dir.size, 0);
		const se = z.entries.find((e) => e.name === 'wg-se.conf')!;
		assert.equal(se.method, method);
		assert.equal(se.size, FILES['wg-se.conf'].length);
		assert.equal(se.encrypted, false);
		assert.equal(se.crc, zlib.crc32 ? zlib.crc32(FILES['wg-se.conf']) : crc32(new TextEncoder().encode(FILES['wg-se.conf'])));
		if (method === 8) assert.ok(se.compressed < se.size);
	}
});

test('the .conf files as text, named as the router names them; folders, __MACOSX and ._ files skipped', async () => {
	for (const opts of [['-0'], ['-9']]) {
		const r = await zipConfs(bytes(makeZip(FILES, opts)), 'provider.zip');
		assert.ok('files' in r, JSON.stringify(r));
		assert.deepEqual(r.files.map((f) => [f.file, f.name]), [['wg-se.conf', 'wg_se'], ['configs/de 1.conf', 'de_1'], ['configs/DE-1.CONF', 'de_1_2']]);
		for (const f of r.files) assert.equal(f.text, FILES[f.file as keyof typeof FILES]);
	}
});

test('the same archive gives the browser the files and names the router imports', async () => {
	const file = makeZip(FILES);
	const r = fakeRouter({ uci: openwrt() });
	r.fail = (argv) => {
		if (argv[0] !== 'unzip') return null;
		const p = spawnSync('unzip', argv.slice(1), { encoding: 'utf8' });
		return { code: p.status ?? 1, stdout: p.stdout, stderr: p.stderr };
	};
	const router = readZip(r.env, file) as any;
	assert.ok(router.upstreams, JSON.stringify(router));
	const luci = await zipConfs(bytes(file), 'provider.zip');
	assert.ok('files' in luci);
	assert.deepEqual(luci.files.map((f) => [f.file, f.name]), router.upstreams.map((u: any) => [u.file, u.upstream.name]));
});

test('inflate: deflate-raw of zlib, and a stop at the limit', async () => {
	const big = new TextEncoder().encode('x'.repeat(200000));
	const raw = new Uint8Array(zlib.deflateRawSync(big));
	assert.deepEqual(await inflate(raw, big.length), big);
	assert.equal(await inflate(raw, CONF_BYTES), null);
	assert.equal(await inflate(new Uint8Array([0xff, 0xff, 0xff]), 100), null);
});

test('a .conf larger than the router takes: named with its file', async () => {
	const e = await errorOf(bytes(makeZip({ 'a.conf': conf('10.2.0.2/32', 'a.example'), 'big.conf': '#'.repeat(CONF_BYTES + 1) })));
	assert.equal(e.file, 'big.conf');
	assert.equal(e.text, `big.conf is larger than ${CONF_BYTES} bytes: not a WireGuard .conf`);
});

test(`more than ${ZIP_ENTRIES} .conf files: refused, as the router refuses them`, async () => {
	const files: Record<string, string> = {};
	for (let i = 0; i <= ZIP_ENTRIES; i++) files[`s${i}.conf`] = conf('10.2.0.2/32', `s${i}.example`);
	const e = await errorOf(bytes(makeZip(files)));
	assert.equal(e.text, `provider.zip holds ${ZIP_ENTRIES + 1} .conf files; at most ${ZIP_ENTRIES} are imported at once`);
	delete files['s0.conf'];
	const ok = await zipConfs(bytes(makeZip(files)), 'provider.zip');
	assert.ok('files' in ok, JSON.stringify(ok));
	assert.equal(ok.files.length, ZIP_ENTRIES);
});

test('no .conf inside, or not a zip at all', async () => {
	assert.equal((await errorOf(bytes(makeZip({ 'README.txt': 'x', '__MACOSX/._a.conf': 'y' })))).text, 'provider.zip holds no .conf file');
	assert.equal((await errorOf(new TextEncoder().encode(conf('10.2.0.2/32', 'a.example')))).text, 'not a zip archive');
	assert.equal((await errorOf(new Uint8Array(0))).text, 'not a zip archive');
	assert.match((await errorOf(new Uint8Array(ZIP_BYTES + 1))).text, /^provider\.zip is larger than [0-9]+ bytes$/);
});

test('an encrypted entry (zip -e): named, with what to do', async () => {
	const e = await errorOf(bytes(makeZip({ 'a.conf': conf('10.2.0.2/32', 'a.example') }, ['-e', '-P', 'x'])));
	assert.deepEqual(e, { text: 'encrypted: save the archive without a password', file: 'a.conf' });
});

test('zip64 (zip -fz) and bzip2 (zip -Z bzip2) are refused with a reason', async () => {
	assert.equal((await errorOf(bytes(makeZip({ 'a.conf': conf('10.2.0.2/32', 'a.example') }, ['-fz'])))).text, 'a zip64 archive: save it as a plain zip');
	const e = await errorOf(bytes(makeZip({ 'a.conf': conf('10.2.0.2/32', 'a.example').repeat(20) }, ['-Z', 'bzip2'])));
	assert.deepEqual(e, { text: 'compressed with method 12; only stored and deflate are read', file: 'a.conf' });
});

test('a damaged entry (a byte changed) is found by its CRC or the inflater', async () => {
	for (const opts of [['-0'], ['-9']]) {
		const b = bytes(makeZip({ 'a.conf': conf('10.2.0.2/32', 'a.example') }, opts));
		const z = zipEntries(b) as any;
		const e = z.entries[0];
		const at = e.offset + 30 + (b[e.offset + 26] | (b[e.offset + 27] << 8)) + (b[e.offset + 28] | (b[e.offset + 29] << 8));
		b[at + 5] ^= 0x55;
		assert.deepEqual(await errorOf(b), { text: 'the zip archive is damaged (entry a.conf)', file: 'a.conf' });
	}
	const cut = bytes(makeZip({ 'a.conf': conf('10.2.0.2/32', 'a.example') }));
	assert.equal((await errorOf(cut.subarray(0, cut.length - 30))).text, 'not a zip archive');
});

test('a .conf that is not UTF-8 text', async () => {
	const e = await errorOf(bytes(makeZip({ 'a.conf': Buffer.from([0x5b, 0xff, 0xfe, 0x5d]) })));
	assert.deepEqual(e, { text: 'not UTF-8 text', file: 'a.conf' });
});
