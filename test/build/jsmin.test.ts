// LuCI's feed build (luci.mk, CONFIG_LUCI_JSMIN, on by default) runs every
// .js of an app through jsmin, which tells a regex literal from a division
// by the character before the `/` alone: only after one of ( , = : [ ! & |
// ? + - ~ * / { } ; (or a line start) is it a regex. A regex anywhere else
// (`return /x"/.test(v)`) is read as division, and a quote inside it then
// swallows the rest of the file: every page of the app fails to load. The
// committed LuCI files are checked token by token with acorn.
import { test } from 'vitest';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { tokenizer } from 'acorn';

const ROOT = 'luci-app-splitwg/htdocs/luci-static/resources';
const REGEX_AFTER = '(,=:[!&|?+-~*/{};';

function files(dir: string): string[] {
	return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => e.isDirectory() ? files(path.join(dir, e.name)) : e.name.endsWith('.js') ? [path.join(dir, e.name)] : []);
}

function badRegexes(src: string): string[] {
	const out: string[] = [];
	// LuCI wraps a view in a function: its top-level `return` is legal there
	for (const t of tokenizer(`(function(){${src}\n})`, { ecmaVersion: 'latest', locations: true })) {
		if (t.type.label !== 'regexp') continue;
		const before = src.slice(0, t.start - 12).trimEnd();
		const c = before.at(-1) ?? '\n';
		if (!REGEX_AFTER.includes(c) && !before.endsWith('\n')) out.push(`line ${t.loc!.start.line}: ${src.slice(t.start - 12, t.end - 12)} after "${c}"`);
	}
	return out;
}

test('every regex literal of the LuCI files survives jsmin', () => {
	const all = files(ROOT);
	assert.ok(all.length >= 7, 'the LuCI files are there');
	for (const f of all) assert.deepEqual(badRegexes(fs.readFileSync(f, 'utf8')), [], f);
});

test('the check finds a regex jsmin would take for a division', () => {
	assert.deepEqual(badRegexes('function f(v) {\n\treturn /[",]/.test(v);\n}'), ['line 2: /[",]/ after "n"']);
	assert.deepEqual(badRegexes('const R = /[",]/;\nfunction f(v) { return R.test(v) || [/a/].length; }'), []);
});
