// Object and function builtins (src/ucode/shim/objects.ts, functions.ts,
// and the uniq()/min()/max() comparisons of values.ts).
import { test } from 'vitest';
import assert from 'node:assert/strict';
import * as S from '../../src/ucode/shim';
import { dies, J } from './helpers';

const { sprintf, uniq, keys, values, exists, proto, min, max, call, loadstring } = S;

test('objects and arrays: keys, values, exists, uniq, proto, min/max, call', () => {
	assert.deepEqual([keys({ a: 1, b: 2 }), values({ a: 1, b: 2 }), keys([1] as never), values('x' as never)], [['a', 'b'], [1, 2], null, null]);
	assert.deepEqual([exists({ a: null }, 'a'), exists({ a: 1 }, 'b'), exists([1] as never, '0'), exists({ 1: 1 }, 1 as never), exists({ null: 1 }, null as never)],
		[true, false, false, true, true]);
	assert.deepEqual(uniq([1, '1', 1, 2, null, null, true, 'a', 'a']), [1, '1', 2, null, true, 'a']);
	assert.equal(J(uniq([NaN, NaN, 0, -0, '0'])), '[ "NaN", 0, "0" ]');
	const p = { greet(this: { a: number }) { return 'hi ' + this.a; } };
	const o = proto({ a: 1 }, p) as { a: number, greet(): string };
	assert.equal(o.greet(), 'hi 1');
	assert.equal(proto(o), p);
	assert.equal(proto({}), null);
	assert.deepEqual(keys(o), ['a']);
	assert.deepEqual(dies(() => proto(1 as never, {})), { type: 'Type error', message: 'Passed value is neither a prototype, resource or object' });
	const ts = proto({ x: 1 }, { tostring(this: { x: number }) { return 'TS:' + this.x; } });
	assert.equal(sprintf('%s|%J', ts, [ts]), 'TS:1|[ "TS:1" ]');
	assert.deepEqual([min(3, 1, 2), max(3, 1, 2), min(), max('b', 'a', 'c'), min(1, '0' as never), max(1, '2' as never), min('10', '9')], [1, 3, null, 'c', '0', '2', '10']);
	assert.deepEqual([min(1, NaN, 0), max(NaN, 1)].map(J), ['0', '"NaN"']);
	assert.deepEqual(call(function (this: unknown, a: number, b: number) { return [this, a, b]; }, { c: 1 }, null, 1, 2), [{ c: 1 }, 1, 2]);
	assert.equal(call(5 as never), null);
	assert.deepEqual(dies(() => call(() => 1, null, {})).type, 'Runtime error');
	assert.deepEqual(dies(() => loadstring()).type, 'Runtime error');
});
