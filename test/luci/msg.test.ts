// Message templates of the pure modules: formatting like LuCI's String.format.
import { test } from 'vitest';
import assert from 'node:assert/strict';
import { fmt, msg, tr, N_ } from '../../src/luci/_msg';

test('fmt substitutes %s and %d in order and keeps %%', () => {
	assert.equal(fmt('%s has %d items (100%%)', ['list', 3]), 'list has 3 items (100%)');
	assert.equal(fmt('%d', ['7x']), '7');
	assert.equal(fmt('%s and %s', ['a']), 'a and ');
});

test('tr translates the template, then formats', () => {
	const zh = (s: string) => s === 'Line %d' ? '第 %d 行' : s;
	assert.equal(tr(msg(N_('Line %d'), 4), zh), '第 4 行');
	assert.equal(tr(msg('Line %d', 4)), 'Line 4');
});
