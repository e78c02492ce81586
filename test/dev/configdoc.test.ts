// docs/config.md's option reference is the core's option table: a changed
// default, bound, list-ness or option, and the test fails until
// `npm run docs:config` has rewritten the tables.
import { test } from 'vitest';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { DOC, renderDoc, renderTable } from '../../src/dev/configdoc';
import { SCHEMA } from '../../src/core/schema';

test('docs/config.md: the option tables are the ones the schema renders (npm run docs:config)', () => {
	const text = fs.readFileSync(DOC, 'utf8');
	assert.equal(renderDoc(text), text);
});

test('every option of every section type has its row, with its default and bounds', () => {
	const text = fs.readFileSync(DOC, 'utf8');
	for (const type of Object.keys(SCHEMA))
		for (const k of Object.keys(SCHEMA[type])) assert.match(renderTable(type), new RegExp(`^\\| \`${k}\`( \\(list\\))? \\|`, 'm'), `${type}.${k}`);
	assert.ok(text.includes('| `rule_priority` | 1–32000 | `21000` |'));
	assert.ok(text.includes('| `allowed_ips` (list) |  | `0.0.0.0/0 ::/0` |'));
});

test('a changed table, or a section type without its markers, is told', () => {
	const text = fs.readFileSync(DOC, 'utf8');
	const stale = text.replace('| `rule_priority` | 1–32000 |', '| `rule_priority` | 1–32001 |');
	assert.notEqual(renderDoc(stale), stale);
	assert.throws(() => renderDoc(text.replace('<!-- options of ruleset:', '<!-- ruleset:')), /no generated table for ruleset/);
	// the prose around the tables is kept as written
	assert.equal(renderDoc(text.replace('## Kill switch', '## Kill switch!')), text.replace('## Kill switch', '## Kill switch!'));
});
