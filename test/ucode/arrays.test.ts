// Array builtins (src/ucode/shim/arrays.ts): ucode's return values and
// in-place behaviour, which differ from JS's (docs/ucode-subset.md).
import { test } from 'vitest';
import assert from 'node:assert/strict';
import * as S from '../../src/ucode/shim';
import { J } from './helpers';

const { push, pop, shift, unshift, splice, filter, map, sort, keys, int } = S;

test('push() and unshift() return the pushed value, not the length', () => {
	const a: unknown[] = [1];
	assert.equal(push(a, 2, 3), 3);
	assert.deepEqual(a, [1, 2, 3]);
	assert.equal(push(a), null);
	const b: unknown[] = [3];
	assert.equal(unshift(b, 1, 2), 2);
	assert.deepEqual(b, [1, 2, 3]);
	assert.equal(push('x', 1), null);
});

test('splice() returns the array itself (modified in place)', () => {
	const a = [1, 2, 3, 4, 5];
	assert.equal(splice(a, 1, 2), a);
	assert.deepEqual(a, [1, 4, 5]);
	assert.deepEqual(splice([1, 2, 3, 4, 5], 1, 2, 'x', 'y', 'z'), [1, 'x', 'y', 'z', 4, 5]);
	assert.deepEqual(splice([1, 2, 3, 4, 5], -2), [1, 2, 3]);
	assert.deepEqual(splice([1, 2, 3, 4, 5], 0, -1), [5]);
	assert.deepEqual(splice([1, 2, 3]), []);
	assert.deepEqual(splice([1, 2], 10, 1, 'e'), [1, 2, 'e']);
});

test('pop() and shift() return null on an empty array', () => {
	const a = [1, 2, 3];
	assert.equal(pop(a), 3);
	assert.equal(shift(a), 1);
	assert.deepEqual(a, [2]);
	assert.equal(pop([]), null);
	assert.equal(shift([]), null);
});

test('sort(): arrays in place (number or bool comparator), objects by key with (k1, k2, v1, v2)', () => {
	const a = [3, 1, 2];
	assert.equal(sort(a), a);
	assert.deepEqual(a, [1, 2, 3]);
	assert.deepEqual(sort(['b', 'a', 'C']), ['C', 'a', 'b']);
	assert.deepEqual(sort([10, 9, 1, 2]), [1, 2, 9, 10]); // numbers numerically
	assert.deepEqual(sort(['10', '9', 'b', 'B']), ['10', '9', 'B', 'b']); // strings byte-wise
	assert.deepEqual(sort([3, 1, 2], (x: number, y: number) => y - x), [3, 2, 1]);
	assert.deepEqual(sort([3, 1, 2], (x: number, y: number) => x > y), [1, 2, 3]);
	assert.deepEqual(sort([null, 'o', true, 'a']), ['a', null, 'o', true]); // others as their string form
	const o = { b: 1, a: 2, c: 0 };
	assert.equal(sort(o), o);
	assert.deepEqual(keys(o), ['a', 'b', 'c']);
	assert.equal(J(sort({ b: 1, a: 2, c: 0 }, (k1: string, k2: string, v1: number, v2: number) => v1 - v2)), '{ "c": 0, "b": 1, "a": 2 }');
	const seen: unknown[] = [];
	sort({ x: 1, y: 2 }, (...args: unknown[]) => { seen.push(args); return 0; });
	assert.deepEqual(seen, [['x', 'y', 1, 2]]);
	assert.equal(sort('x' as never), null);
});

test('map() passes (value, index, array): map(a, int) is a trap', () => {
	assert.deepEqual(map([1, 2, 3], (v: number, i: number) => v * 10 + i), [10, 21, 32]);
	assert.deepEqual(map(['10', '10', '10'], int), [10, NaN, 2]);
	assert.deepEqual(filter([1, 2, 3, 4], (v: number) => v % 2), [1, 3]);
	assert.deepEqual(filter([1, 2, 3], (v: number, i: number) => i > 0), [2, 3]);
	assert.equal(map('x' as never, String), null);
});
