// Ages and byte counts are formatted once (src/core/format.ts), for the CLI
// and LuCI: the two pages of one router no longer disagree ("1.5 KiB" in
// LuCI, "1.4 KiB" from `splitwg status`; "1 min ago" beside "90s ago").
import { test } from 'vitest';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { age, fmtBytes } from '../../src/core/format';
import { fmtAge, fmtBytes as cliBytes } from '../../src/router/command';

test('age: the largest unit that reads as at least 2 of it', () => {
	assert.equal(age(null), null);
	assert.deepEqual(age(0), { n: 0, unit: 's' });
	assert.deepEqual(age(119), { n: 119, unit: 's' });
	assert.deepEqual(age(120), { n: 2, unit: 'm' });
	assert.deepEqual(age(7199), { n: 119, unit: 'm' });
	assert.deepEqual(age(7200), { n: 2, unit: 'h' });
	assert.deepEqual(age(172800), { n: 2, unit: 'd' });
	assert.equal(fmtAge(90), '90s ago');
});

test('fmtBytes: one decimal, cut', () => {
	assert.equal(fmtBytes(1023), '1023 B');
	assert.equal(fmtBytes(1535), '1.4 KiB');
	assert.equal(fmtBytes(1536), '1.5 KiB');
	assert.equal(fmtBytes(1024 ** 4 * 3), '3.0 TiB');
	assert.equal(cliBytes, fmtBytes);
});

test('the CLI and LuCI format with the core, not with copies of their own', () => {
	for (const f of ['src/router/command.ts', 'src/luci/_ui.ts']) {
		const src = fs.readFileSync(f, 'utf8');
		const body = (name: string) => (src.split(`function ${name}(`)[1] ?? '').split('\n}\n')[0];
		for (const name of ['fmtAge', 'fmtBytes']) assert.doesNotMatch(body(name), /1024|60|3600|86400/, `${f}: ${name}`);
		assert.match(src, /\bage\(/, f);
	}
});
