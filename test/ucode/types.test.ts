// type(), int(), hex() (src/ucode/shim/types.ts) and the number model under
// them (numbers.ts): which JS numbers are ucode ints, C's strtol parsing.
import { test } from 'vitest';
import assert from 'node:assert/strict';
import * as S from '../../src/ucode/shim';

const { sprintf, type, int, hex } = S;

test('type() names ucode types (ints are integral numbers in the shim)', () => {
	assert.deepEqual(
		[type(1), type(1.5), type('s'), type(true), type([]), type({}), type(sprintf), type(() => 1), type(/x/), type(null), type(undefined)],
		['int', 'double', 'string', 'bool', 'array', 'object', 'function', 'function', 'regexp', null, null]);
	assert.equal(type(2 ** 62), 'int');
	assert.equal(type(2 ** 70), 'double');
	assert.equal(type(NaN), 'double');
});

test('int(): truncation and strtoll parsing', () => {
	assert.deepEqual(
		[int('0x10'), int('0x10', 16), int('0x10', 0), int('010', 0), int(' -12x'), int(3.9), int(-3.9), int('1e3'), int(null), int(true), int('+5'), int('ff', 16), int('z', 36), int('10', 2)],
		[0, 16, 16, 8, -12, 3, -3, 1, 0, 1, 5, 255, 35, 2]);
	for (const v of [int('abc'), int([1]), int(''), int('  '), int('-'), int('10', '16' as never), int('99999999999999999999'), int('12', 1), int(1e300)])
		assert.ok(Number.isNaN(v));
	assert.deepEqual([hex('ff'), hex('0x1f'), hex('FF')], [255, 31, 255]);
	for (const v of [hex('fg'), hex(' f'), hex(255 as never), hex('-1')]) assert.ok(Number.isNaN(v));
});
