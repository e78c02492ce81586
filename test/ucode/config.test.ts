// setUcodeVersion() (src/ucode/shim/config.ts): the builtins that behave
// differently in the v0.0.20250529 release than in the snapshot.
import { test } from 'vitest';
import assert from 'node:assert/strict';
import * as S from '../../src/ucode/shim';

const { rindex, lc, chr, match } = S;

test('setUcodeVersion(): the v0.0.20250529 release differs from the snapshot', () => {
	const re = /^foo$/;
	assert.deepEqual(match('a\nfoo', re), ['foo']);
	assert.equal(rindex('abc', 'a'), 0);
	S.setUcodeVersion('v0.0.20250529');
	try {
		assert.equal(match('a\nfoo', re), null); // no `s`: ^ and $ only at the ends, . matches \n
		assert.deepEqual(match('a\nfoo', /^foo$/s), ['foo']);
		assert.deepEqual(match('a\nb', /a.b/), ['a\nb']);
		assert.equal(match('a\nb', /a.b/s), null);
		assert.equal(rindex('abc', 'a'), -1);
		assert.equal(rindex('aXa', 'a'), 2);
		assert.equal(lc(chr(65, 0, 66)), 'a');
	} finally { S.setUcodeVersion('snapshot'); }
	assert.deepEqual(match('a\nfoo', re), ['foo']);
	assert.equal(lc(chr(65, 0, 66)), 'a\0b');
});
