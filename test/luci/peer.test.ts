// Peers: free addresses from the server's pools, the QR payload, file names.
import { test } from 'vitest';
import assert from 'node:assert/strict';
import { allocateAddresses, qrPayload, confFileName } from '../../src/luci/_peer';
import { QR_MAX_BYTES } from '../../src/luci/_qr';

test('first free address per family, skipping the router and taken ones', () => {
	assert.deepEqual(allocateAddresses(['10.77.0.1/24', 'fd77:77::1/64'], ['10.77.0.2', 'fd77:77::2']), ['10.77.0.3', 'fd77:77::3']);
	assert.deepEqual(allocateAddresses(['10.77.0.1/24'], []), ['10.77.0.2']);
	// the router holds .5: .1 is free
	assert.deepEqual(allocateAddresses(['10.77.0.5/24'], []), ['10.77.0.1']);
	// a taken prefix covers several addresses
	assert.deepEqual(allocateAddresses(['10.77.0.1/24'], ['10.77.0.0/29']), ['10.77.0.8']);
	// a second pool of the same family is not used
	assert.deepEqual(allocateAddresses(['10.77.0.1/24', '10.78.0.1/24'], []), ['10.77.0.2']);
});

test('v4: no network or broadcast address; a full pool gives nothing', () => {
	assert.deepEqual(allocateAddresses(['10.0.0.1/30'], []), ['10.0.0.2']);
	assert.deepEqual(allocateAddresses(['10.0.0.1/30'], ['10.0.0.2']), []);
	assert.deepEqual(allocateAddresses(['10.0.0.1/32'], []), []);
});

test('carry across bytes', () => {
	const used = [];
	for (let i = 2; i < 256; i++) used.push(`10.9.0.${i}`);
	assert.deepEqual(allocateAddresses(['10.9.0.1/16'], used), ['10.9.1.0']);
});

test('junk is ignored', () => {
	assert.deepEqual(allocateAddresses(['nonsense', '10.1.0.1/24'], ['also nonsense']), ['10.1.0.2']);
});

test('QR payload: no comment lines, no trailing blanks, LF only', () => {
	const conf = '# splitwg 0.1.0: WireGuard peer "phone"\r\n[Interface]\r\nPrivateKey = x  \r\n\r\n\r\n[Peer]\r\nPublicKey = y\r\n\r\n';
	const q = qrPayload(conf);
	assert.equal(q.payload, '[Interface]\nPrivateKey = x\n\n[Peer]\nPublicKey = y');
	assert.equal(q.bytes, q.payload.length);
	assert.ok(q.fits);
});

test('QR payload: byte length in UTF-8, too long is reported', () => {
	assert.equal(qrPayload('é').bytes, 2);
	assert.equal(qrPayload('€').bytes, 3);
	assert.equal(qrPayload('😀').bytes, 4);
	assert.equal(qrPayload('x'.repeat(QR_MAX_BYTES)).fits, true);
	assert.equal(qrPayload('x'.repeat(QR_MAX_BYTES + 1)).fits, false);
});

test('file names are valid tunnel names', () => {
	assert.equal(confFileName('phone'), 'phone.conf');
	assert.equal(confFileName('a_very_long_client_name_indeed'), 'a_very_long_cli.conf');
	assert.equal(confFileName('x y/z'), 'x_y_z.conf');
});
