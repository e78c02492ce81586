// Grammars and tests that were copied between core, router and LuCI are
// defined once: a second copy would drift from the first (status.ts once
// read 'disabled' as true, values.ts as false).
import { test } from 'vitest';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';

function sources(dir: string): string[] {
	return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
		const p = path.join(dir, e.name);
		return e.isDirectory() ? sources(p) : e.name.endsWith('.ts') ? [p] : [];
	});
}
const where = (re: RegExp) => sources('src').filter((f) => re.test(fs.readFileSync(f, 'utf8'))).sort();

test('one WireGuard key grammar, one ownership test, one boolean grammar', () => {
	assert.deepEqual(where(/\[AEIMQUYcgkosw480\]/), ['src/core/values.ts']);
	assert.deepEqual(where(/function isOwned\(/), ['src/core/netifd.ts']);
	assert.deepEqual(where(/enabled: true, disabled: false/), ['src/core/values.ts']);
});
