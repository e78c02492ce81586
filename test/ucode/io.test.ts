// The environment side (src/ucode/shim/io.ts): output through hooks, die(),
// assert(), exit() and getenv().
import { test } from 'vitest';
import assert from 'node:assert/strict';
import * as S from '../../src/ucode/shim';
import { dies, capture } from './helpers';

const { reverse, substr, chr, die, exit, assert: ucAssert, getenv } = S;

test('die() raises { type, message }; an object message becomes its JSON text', () => {
	assert.deepEqual(dies(() => die({ code: 1 })), { type: 'Error', message: '{ "code": 1 }' });
	assert.deepEqual(dies(() => die('boom')), { type: 'Error', message: 'boom' });
	assert.deepEqual(dies(() => die()), { type: 'Error', message: 'Died' });
	assert.deepEqual(dies(() => die([1, 'a'])), { type: 'Error', message: '[ 1, "a" ]' });
	assert.deepEqual(dies(() => ucAssert(0, 'nope')), { type: 'Error', message: 'nope' });
	assert.deepEqual(dies(() => ucAssert(false)), { type: 'Error', message: 'Assertion failed' });
	assert.equal(ucAssert('x'), 'x');
	try { die('x'); } catch (e) { assert.ok(e instanceof Error); assert.deepEqual((e as S.UcodeError).stacktrace, []); }
});

test('exit() goes through hooks.exit', () => {
	const saved = S.hooks.exit;
	let code = -1;
	S.hooks.exit = (c: number) => { code = c; throw new Error('exited'); };
	try {
		assert.throws(() => exit(3), /exited/);
		assert.equal(code, 3);
		assert.throws(() => exit(), /exited/);
		assert.equal(code, 0);
	} finally { S.hooks.exit = saved; }
});

test('print()/printf()/warn() write bytes, no separators, no newline; null prints nothing', () => {
	let n = 0;
	const c = capture(() => {
		n = S.print('a', 1, null, 1.5, [1, 'x'], { a: 1 }, true, '\n');
		S.printf('%s-%d\n', 'x', 5);
		S.print(chr(0xc3), chr(0xa9), '|', substr('héllo', 0, 2), '|', reverse('é'), '\n');
		S.warn('w', 1, '\n');
	});
	assert.equal(n, 30);
	assert.equal(c.out, 'a11.5[ 1, "x" ]{ "a": 1 }true\nx-5\n\xc3\xa9|h\xc3|\xa9\xc3\n');
	assert.equal(c.err, 'w1\n');
	assert.equal(capture(() => { assert.equal(S.print('é'), 2); }).out, '\xc3\xa9');
});

test('getenv()', () => {
	process.env.SHIM_TEST_VAR = 'v';
	assert.equal(getenv('SHIM_TEST_VAR'), 'v');
	assert.equal(getenv('SHIM_TEST_NOPE'), null);
	assert.equal((getenv() as { [k: string]: string }).SHIM_TEST_VAR, 'v');
	assert.equal(getenv(5 as never), null);
	delete process.env.SHIM_TEST_VAR;
});
