// The QR encoder (src/luci/_qr.ts) against an independent decoder: every
// code is drawn as pixels (4-module quiet zone, 4 pixels a module) and read
// back by jsQR; the SVG the view shows is read back into modules too.
import { test } from 'vitest';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import jsQR from 'jsqr';
import { qrEncode, qrSvg, qrCapacity, utf8, QR_MAX_BYTES } from '../../src/luci/_qr';
import type { QrCode } from '../../src/luci/_qr';
import { qrPayload } from '../../src/luci/_peer';

function decode(qr: QrCode): { bytes: number[], text: string, version: number } | null {
	const q = 4, scale = 4, w = (qr.size + 2 * q) * scale;
	const px = new Uint8ClampedArray(w * w * 4).fill(255);
	for (let y = 0; y < qr.size; y++) for (let x = 0; x < qr.size; x++) {
		if (!qr.dark[y * qr.size + x]) continue;
		for (let dy = 0; dy < scale; dy++) for (let dx = 0; dx < scale; dx++) {
			const o = (((y + q) * scale + dy) * w + (x + q) * scale + dx) * 4;
			px[o] = px[o + 1] = px[o + 2] = 0;
		}
	}
	const r = jsQR(px, w, w, { inversionAttempts: 'dontInvert' });
	return r ? { bytes: r.binaryData, text: r.data, version: r.version } : null;
}

function roundTrip(data: number[], mask?: number): QrCode {
	const qr = qrEncode(data, mask);
	const r = decode(qr);
	assert.ok(r, `jsQR reads ${data.length} bytes (version ${qr.version}, mask ${qr.mask})`);
	assert.deepEqual(r.bytes, data);
	assert.equal(r.version, qr.version);
	return qr;
}

function bytes(n: number, seed: number): number[] {
	const out: number[] = [];
	for (let i = 0, x = seed; i < n; i++) { x = (x * 1103515245 + 12345) & 0x7fffffff; out.push(x >> 16 & 255); }
	return out;
}

test('capacity of each version (byte mode, level M) is the standard\'s', () => {
	const iso = [14, 26, 42, 62, 84, 106, 122, 152, 180, 213, 251, 287, 331, 362, 412, 450, 504, 560, 624, 666,
		711, 779, 857, 911, 997, 1059, 1125, 1190, 1264, 1370, 1452, 1538, 1628, 1722, 1809, 1911, 1989, 2099, 2213, 2331];
	assert.deepEqual(iso.map((_, i) => qrCapacity(i + 1)), iso);
	assert.equal(QR_MAX_BYTES, qrCapacity(40));
});

test('version selection: the smallest that holds the data; each version full and one byte over', () => {
	assert.equal(roundTrip([]).version, 1);
	for (let v = 1; v <= 40; v++) {
		const cap = qrCapacity(v);
		const full = roundTrip(bytes(cap, v));
		assert.equal(full.version, v);
		assert.equal(full.size, 17 + 4 * v);
		if (v < 40) assert.equal(roundTrip(bytes(cap + 1, v)).version, v + 1);
	}
});

test('every mask pattern decodes (small and large versions)', () => {
	for (let m = 0; m < 8; m++) {
		for (const n of [10, 300, 1500]) assert.equal(roundTrip(bytes(n, m), m).mask, m);
	}
});

test('every length up to version 17 (a long peer .conf) decodes', () => {
	for (let n = 0; n <= qrCapacity(17); n++) roundTrip(bytes(n, n + 1));
});

test('random byte strings of any length up to the capacity decode', () => {
	fc.assert(fc.property(fc.uint8Array({ maxLength: QR_MAX_BYTES }), (a) => { roundTrip(Array.from(a)); }), { numRuns: 60 });
	fc.assert(fc.property(fc.uint8Array({ minLength: 400, maxLength: 700 }), (a) => { roundTrip(Array.from(a)); }), { numRuns: 60 });
});

test('too long: a clear error', () => {
	assert.throws(() => qrEncode(bytes(QR_MAX_BYTES + 1, 1)), /2332 bytes do not fit, at most 2331 \(version 40, error correction M\)/);
});

test('UTF-8 like TextEncoder', () => {
	for (const s of ['', 'abc', 'é€😀 ü', '\u0800\uffff', 'x\ud83d\ude00y']) assert.deepEqual(utf8(s), Array.from(new TextEncoder().encode(s)));
});

const KEY = 'YO8KaCEX5RkB1r5V71tpl776BJlfg6tYbsveZmXPNH0=';
function peerConf(o: { psk?: boolean, v6?: boolean, dns?: string, endpoint?: string, mtu?: boolean }): string {
	return [
		'# splitwg 0.1.0: WireGuard peer "phone"', '[Interface]', `PrivateKey = ${KEY}`,
		`Address = 10.77.0.2/32${o.v6 ? ', fd77:77:77:77::1234/128' : ''}`,
		...(o.dns ? [`DNS = ${o.dns}`] : []), ...(o.mtu ? ['MTU = 1420'] : []),
		'', '[Peer]', `PublicKey = ${KEY.replace('Y', 'Z')}`, ...(o.psk ? [`PresharedKey = ${KEY.replace('Y', 'P')}`] : []),
		`Endpoint = ${o.endpoint ?? 'vpn.example.org:51820'}`, `AllowedIPs = 0.0.0.0/0${o.v6 ? ', ::/0' : ''}`, 'PersistentKeepalive = 25', '',
	].join('\n');
}

test('real peer .conf files: scanned back as the same text; versions 11-16', () => {
	const confs = [
		peerConf({}),
		peerConf({ v6: true, dns: '10.77.0.1' }),
		peerConf({ psk: true, v6: true, dns: '10.77.0.1, fd77:77:77:77::1', mtu: true }),
		peerConf({ psk: true, v6: true, dns: '10.77.0.1, fd77:77:77:77::1, 9.9.9.9, 2620:fe::fe', mtu: true, endpoint: 'my-home-router-1234.dynamic-dns-provider.example.net:51820' }),
		peerConf({ psk: true, v6: true, dns: '10.77.0.1', endpoint: '[2001:db8:1234:5678:9abc:def0:1234:5678]:51820' }),
	];
	const seen: number[] = [];
	for (const c of confs) {
		const p = qrPayload(c);
		assert.ok(p.fits);
		const qr = qrEncode(utf8(p.payload));
		const r = decode(qr);
		assert.ok(r);
		assert.equal(r.text, p.payload);
		seen.push(p.bytes, qr.version);
	}
	// [bytes, version] of each: with a PSK, IPv6 and two DNS servers 374 bytes, version 15
	assert.deepEqual(seen, [238, 11, 285, 12, 374, 15, 433, 16, 370, 15]);
});

// The SVG's path, read back: the modules it draws are exactly the code's.
function svgModules(svg: string, size: number): boolean[] {
	const vb = /viewBox="0 0 (\d+) (\d+)"/.exec(svg);
	assert.ok(vb);
	assert.equal(Number(vb[1]), size + 8);
	const d = /<path fill="#000" d="([^"]*)"/.exec(svg);
	assert.ok(d);
	const out: boolean[] = new Array(size * size).fill(false);
	for (const m of d[1].matchAll(/M(\d+) (\d+)h(\d+)v1h-(\d+)z/g)) {
		const x = Number(m[1]) - 4, y = Number(m[2]) - 4, run = Number(m[3]);
		assert.equal(m[4], m[3]);
		for (let i = 0; i < run; i++) { assert.equal(out[y * size + x + i], false, 'drawn once'); out[y * size + x + i] = true; }
	}
	assert.equal(d[1].replace(/M(\d+) (\d+)h(\d+)v1h-(\d+)z/g, ''), '');
	return out;
}

test('the SVG draws exactly the dark modules, inside a quiet zone', () => {
	for (const n of [0, 50, 400]) {
		const qr = qrEncode(bytes(n, 7));
		assert.deepEqual(svgModules(qrSvg(qr), qr.size), qr.dark);
	}
});
