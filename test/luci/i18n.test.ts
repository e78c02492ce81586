// Every string the pages show goes through _() (or N_() in the pure
// modules), is in the template, and has a Chinese translation that keeps its
// placeholders and markup. Regenerate: node --import tsx test/luci/i18n.ts --write
import { test } from 'vitest';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { extract, renderPot, parsePo, languages, POT, PO_DIR, ROOT, UNTRANSLATED_IDS } from './i18n';
import { MESSAGES } from '../../src/core/messages';

const { entries, errors } = extract();

test('every _() / N_() has a literal msgid', () => {
	assert.deepEqual(errors, []);
	assert.ok(entries.length > 100);
});

test('the .pot is current', () => {
	assert.equal(fs.readFileSync(path.join(ROOT, POT), 'utf8'), renderPot(entries), 'run: node --import tsx test/luci/i18n.ts --write');
});

// %s in order; the core catalogue's {1}, {2}, … in any order
const placeholders = (s: string) => (s.match(/%[sdh%]/g) ?? []).join('') + (s.match(/\{[0-9]+\}/g) ?? []).sort().join('');
const tags = (s: string) => (s.match(/<\/?[a-z]+/g) ?? []).sort().join();

test('zh_Hans is a language', () => {
	assert.ok(languages().includes('zh_Hans'));
});

for (const lang of languages()) {
	test(`${lang}: complete, nothing stale, placeholders and markup kept`, () => {
		const po = parsePo(fs.readFileSync(path.join(ROOT, PO_DIR, lang, 'splitwg.po'), 'utf8'));
		assert.match(po.header, /Content-Type: text\/plain; charset=UTF-8/);
		const ids = new Set(entries.map((e) => e.msgid));
		const keep = new Set(UNTRANSLATED_IDS.map((id) => MESSAGES[id]));
		const missing = entries.filter((e) => !po.tr.get(e.msgid) && !keep.has(e.msgid)).map((e) => e.msgid);
		assert.deepEqual(missing, [], 'untranslated');
		assert.deepEqual([...po.tr.keys()].filter((k) => !ids.has(k)), [], 'stale');
		for (const [id, s] of po.tr) {
			if (s === '') continue;   // deliberately untranslated (UNTRANSLATED_IDS)
			assert.equal(placeholders(s), placeholders(id), `placeholders of "${id}"`);
			assert.equal(tags(s), tags(id), `markup of "${id}"`);
		}
	});
}
