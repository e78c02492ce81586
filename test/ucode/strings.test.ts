// String builtins (src/ucode/shim/strings.ts): strings are bytes, so lengths
// and offsets count UTF-8 bytes like ucode.
import { test } from 'vitest';
import assert from 'node:assert/strict';
import * as S from '../../src/ucode/shim';

const { length, index, rindex, slice, reverse, join, substr, trim, ltrim, rtrim, uc, lc, chr, uchr, ord } = S;

test('strings are byte strings: length("héllo") is 6', () => {
	assert.equal(length('héllo'), 6);
	assert.equal(length('😀'), 4);
	assert.equal(length([1, 2]), 2);
	assert.equal(length({ a: 1, b: 2 }), 2);
	assert.equal(length(1), null);
	assert.equal(length(null), null);
	assert.equal(length(true), null);
	assert.equal(index('héllo', 'l'), 3);
	assert.equal(substr('héllo', 1, 2), 'é');
	assert.equal(length(substr('héllo', 0, 2)), 2); // cuts the é in half, like ucode
	assert.equal(ord('é'), 0xc3);
	assert.equal(ord('é', 1), 0xa9);
});

test('string helpers: substr, index, trim, uc/lc, chr/uchr/ord, reverse, join', () => {
	assert.deepEqual(
		[substr('hello', 1), substr('hello', 1, 3), substr('hello', -3), substr('hello', -3, 2), substr('hello', 1, -1), substr('hello', 10), substr('hello', -10, 2)],
		['ello', 'ell', 'llo', 'll', 'ell', '', 'he']);
	assert.equal(substr('hello', 2, null as never), ''); // an explicit null length is 0
	assert.equal(substr(5 as never, 1), null);
	assert.deepEqual([index('hello', 'l'), rindex('hello', 'l'), index('hello', 'z'), index('', ''), rindex('ab', '')], [2, 3, -1, 0, 2]);
	assert.deepEqual([index([1, 2, 1], 1), rindex([1, 2, 1], 1), index([1, 2], '1' as never), index([NaN], NaN), index([[1]], [1])], [0, 2, -1, 0, -1]);
	assert.equal(index(5 as never, 5 as never), null);
	assert.equal(index('a', 1 as never), -1);
	assert.deepEqual([trim('  a b \n'), ltrim('  a '), rtrim(' a  '), trim('xxaxx', 'x'), trim('abcba', 'ab'), trim('xxx', 'x')], ['a b', 'a ', ' a', 'a', 'c', '']);
	assert.equal(trim(5 as never), null);
	assert.deepEqual([uc('aBc é'), lc('AbC É'), uc(null as never), lc(123 as never)], ['ABC é', 'abc É', 'NULL', '123']);
	assert.deepEqual([chr(65, 66, 300, -1), chr(), length(chr(200)), ord('A'), ord('abc', 1), ord('abc', -1), ord('abc', 5), ord('abc', '1' as never)],
		['AB\xff\x00'.replace('\xff', '\udcff'), '', 1, 65, 98, 99, null, null]);
	assert.deepEqual([uchr(65, 0xe9, 0x20ac, 0x1f600), length(uchr(0xe9)), uchr(-1), length(uchr(0xd800))], ['Aé€😀', 2, '\ufffd', 3]);
	assert.deepEqual([reverse([1, 2, 3]), reverse('abc'), reverse(1 as never), length(reverse('é'))], [[3, 2, 1], 'cba', null, 2]);
	assert.equal(join(',', [1, 'a', null, true, [1, 2], { a: 1 }, 1.5]), '1,a,null,true,[ 1, 2 ],{ "a": 1 },1.5');
	assert.equal(join('', []), '');
	assert.equal(join(',', 'x' as never), null);
	assert.deepEqual([slice([1, 2, 3, 4], 1), slice([1, 2, 3, 4], -2), slice([1, 2, 3, 4], 1, -1), slice([1, 2, 3, 4], 5), slice([1, 2, 3], null, 2)],
		[[2, 3, 4], [3, 4], [2, 3], [], [1, 2]]);
	assert.equal(slice('abc' as never, 1), null);
});
