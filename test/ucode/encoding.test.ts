// b64enc/b64dec and hexenc/hexdec (src/ucode/shim/encoding.ts): they work on
// UTF-8 bytes, and reject malformed input with null like ucode.
import { test } from 'vitest';
import assert from 'node:assert/strict';
import * as S from '../../src/ucode/shim';

const { chr, b64enc, b64dec, hexenc, hexdec } = S;

test('encodings: b64enc/b64dec, hexenc/hexdec', () => {
	assert.deepEqual([b64enc('hello'), b64enc('hi'), b64enc('h'), b64enc(''), b64enc('héllo')], ['aGVsbG8=', 'aGk=', 'aA==', '', 'aMOpbGxv']);
	assert.deepEqual([b64dec('aGVsbG8='), b64dec('aGk='), b64dec('aA=='), b64dec(' aG k= '), b64dec('aGVsbG8=\n'), b64dec('')], ['hello', 'hi', 'h', 'hi', 'hello', '']);
	for (const bad of ['!!', 'aGk', 'aB==', 'a===', 'aGVsbG8=x', '====']) assert.equal(b64dec(bad), null, bad);
	assert.deepEqual([hexenc('abc'), hexenc('é'), hexenc(123 as never), hexdec('616263'), hexdec('61 62:63', ' :'), hexdec('C3A9'), hexdec('41 42\t43\n')],
		['616263', 'c3a9', '313233', 'abc', 'abc', 'é', 'ABC']);
	for (const bad of ['6', 'zz', '41-42']) assert.equal(hexdec(bad), null, bad);
	assert.equal(hexdec('4142', ''), 'AB');
	assert.equal(b64dec(b64enc(chr(0xff, 0xfe, 0))), chr(0xff, 0xfe, 0));
});
