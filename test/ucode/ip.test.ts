// iptoarr()/arrtoip() (src/ucode/shim/ip.ts): inet_pton/inet_ntop, with
// musl's (OpenWrt) and glibc's textual IPv6 forms.
import { test } from 'vitest';
import assert from 'node:assert/strict';
import * as S from '../../src/ucode/shim';

const { iptoarr, arrtoip } = S;

test('iptoarr()/arrtoip() (inet_pton/inet_ntop)', () => {
	assert.deepEqual(iptoarr('10.0.0.1'), [10, 0, 0, 1]);
	assert.deepEqual(iptoarr('::1'), [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1]);
	assert.deepEqual(iptoarr('::'), new Array(16).fill(0));
	assert.deepEqual(iptoarr('fe80::1:2'), [254, 128, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 2]);
	assert.deepEqual(iptoarr('::ffff:1.2.3.4'), [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 255, 255, 1, 2, 3, 4]);
	assert.deepEqual(iptoarr('1:2:3:4:5:6:1.2.3.4'), [0, 1, 0, 2, 0, 3, 0, 4, 0, 5, 0, 6, 1, 2, 3, 4]);
	assert.deepEqual(iptoarr('1:2:3:4:5:6:7::'), [0, 1, 0, 2, 0, 3, 0, 4, 0, 5, 0, 6, 0, 7, 0, 0]);
	assert.deepEqual(iptoarr('FE80::A'), [254, 128, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 10]);
	for (const bad of ['1.2.3', '1.2.3.04', '256.1.1.1', '1::2::3', '12345::', ':1::', '10.0.0.0/24', '', ' 1.2.3.4',
		'1:2:3:4:5:6:7:8:9', '1:2:3:4:5:6:7', '1:2:3:4:5:6:7::1.2.3.4', 'fe80::1%eth0', '1:2:3:4::5:6:7:8'])
		assert.equal(iptoarr(bad), null, bad);
	assert.equal(iptoarr(5 as never), null);

	assert.equal(arrtoip([10, 0, 0, 1]), '10.0.0.1');
	assert.equal(arrtoip([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1]), '::1');
	assert.equal(arrtoip(new Array(16).fill(0)), '::');
	assert.equal(arrtoip([32, 1, 13, 184, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1]), '2001:db8::1');
	assert.equal(arrtoip([32, 1, 13, 184, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 1]), '2001:db8::1:0:0:1');
	assert.equal(arrtoip([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 255, 255, 1, 2, 3, 4]), '::ffff:1.2.3.4');
	assert.equal(arrtoip([254, 128, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]), 'fe80::');
	assert.equal(arrtoip([0, 1, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 1]), '1:0:0:1::1');
	assert.equal(arrtoip([0, 1, 0, 0, 0, 0, 0, 1, 0, 1, 0, 1, 0, 0, 0, 0]), '1::1:1:1:0:0'); // single zero groups stay
	assert.equal(arrtoip([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2]), '::2');
	for (const bad of [[1, 2, 3], [1, 2, 3, 256], [1, 2, 3, 1.5], [1, 2, 3, '4'], 'x', null])
		assert.equal(arrtoip(bad as never), null);
	for (const s of ['10.0.0.1', '::1', 'fe80::1:2', '2001:db8::1', '::ffff:10.1.2.3'])
		assert.equal(arrtoip(iptoarr(s)!), s);
});

test('arrtoip(): musl (OpenWrt) vs glibc inet_ntop', () => {
	const compat = [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 2, 3, 4];
	const tie = [0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 1, 0, 1, 0, 1];
	assert.equal(arrtoip(compat), '::102:304');
	assert.equal(arrtoip(tie), '::1:0:0:1:1:1');
	S.setLibc('glibc');
	try {
		assert.equal(arrtoip(compat), '::1.2.3.4');
		assert.equal(arrtoip([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0]), '::0.1.0.0');
		assert.equal(arrtoip(tie), '::1:0:0:1:1:1');
	} finally { S.setLibc('musl'); }
});
