// json() (src/ucode/shim/json.ts): json-c's non-strict tokener and its error
// messages.
import { test } from 'vitest';
import assert from 'node:assert/strict';
import * as S from '../../src/ucode/shim';
import { dies } from './helpers';

const { json } = S;

test('json() parses like json-c (non-strict) and dies on bad input', () => {
	assert.deepEqual(json('{"a": [1, 2.5, "x", null, true]}'), { a: [1, 2.5, 'x', null, true] });
	assert.deepEqual(json('[1,]'), [1]);
	assert.deepEqual(json("{'a':1,}"), { a: 1 });
	assert.equal(json('  5  '), 5);
	assert.equal(json('"\\u00e9\\ud83d\\ude00"'), 'é😀');
	assert.equal(json('"\\ud800x"'), '\ufffdx');
	assert.ok(Number.isNaN(json('NaN')));
	assert.equal(json('-Infinity'), -Infinity);
	assert.deepEqual(json('[TRUE, False, NULL]'), [true, false, null]);
	assert.deepEqual(json('/* c */ [1] // x'), [1]);
	assert.deepEqual(json('[01, -0, 1.]'), [1, 0, 1]);
	const bad: [string, string][] = [
		['', 'Failed to parse JSON string: unexpected end of data'],
		['[1,', 'Failed to parse JSON string: unexpected end of data'],
		['"abc', 'Failed to parse JSON string: unexpected end of data'],
		['{a:1}', 'Failed to parse JSON string: quoted object property name expected'],
		['1 2', 'Trailing garbage after JSON data'],
		['[1 2]', 'Failed to parse JSON string: array value separator \',\' expected'],
		['{"a" 1}', 'Failed to parse JSON string: object property name separator \':\' expected'],
		['[1abc]', 'Failed to parse JSON string: number expected'],
		['"\\q"', 'Failed to parse JSON string: invalid string sequence'],
	];
	for (const [src, msg] of bad) assert.deepEqual(dies(() => json(src)), { type: 'Syntax error', message: msg }, src);
	assert.deepEqual(dies(() => json(5 as never)), { type: 'Type error', message: 'Passed value is neither a string nor an object' });
	let chunks = ['{"a":', ' [1, 2]}'];
	assert.deepEqual(json({ read: () => chunks.shift() ?? null }), { a: [1, 2] });
	chunks = [];
});
