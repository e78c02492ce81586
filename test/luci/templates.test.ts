// Rules → "Add from template…": the router's ubus `templates` reply becomes
// the same rule set in LuCI's session as `splitwg template add` writes, under
// a free name when the template's is taken, and the result passes check.
import { test } from 'vitest';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { freeName, templateSections } from '../../src/luci/_templates';
import type { TemplatesReply } from '../../src/luci/_templates';
import { methods } from '../../src/router/api';
import { addTemplate } from '../../src/router/templates';
import { PATHS } from '../../src/router/env';
import { parseUci, readConfig } from '../../src/core/index';
import type { UciSection } from '../../src/core/uci';
import { fakeRouter } from '../router/fakes';
import { openwrt, HOME } from '../router/openwrt';

const DIR = 'files/usr/share/splitwg/templates';
const files = Object.fromEntries(fs.readdirSync(DIR).map((f) => [`${PATHS.templates}/${f}`, fs.readFileSync(`${DIR}/${f}`, 'utf8')]));

test('freeName: the template\'s name, else _2, _3 … within 32 characters', () => {
	assert.equal(freeName('streaming', ['tv', 'us']), 'streaming');
	assert.equal(freeName('streaming', ['streaming']), 'streaming_2');
	assert.equal(freeName('streaming', ['streaming', 'streaming_2']), 'streaming_3');
	const long = 'a'.repeat(32);
	assert.equal(freeName(long, [long]), 'a'.repeat(30) + '_2');
});

test('a template added in LuCI equals the CLI\'s copy and passes check', () => {
	const r = fakeRouter({ uci: openwrt(HOME), files });
	const reply = JSON.parse(JSON.stringify(methods(() => r.env).templates.call({ args: {} }))) as TemplatesReply;
	const home = parseUci(HOME).sections;
	for (const t of reply.templates) {
		assert.deepEqual(t.problems, [], t.name);
		// the home config has a rule set "streaming" of its own: LuCI picks streaming_2
		const name = freeName(t.name, home.map((s) => s.name));
		assert.equal(name, t.name === 'streaming' ? 'streaming_2' : t.name);
		const secs = templateSections(t, name);
		const added: UciSection[] = [
			{ type: 'ruleset', name, anonymous: false, options: secs.ruleset as any },
			...secs.rules.map((o, i) => ({ type: 'rule', name: `@rule[${100 + i}]`, anonymous: true, options: o as any })),
		];
		const c = readConfig([...home, ...added]);
		assert.deepEqual(c.problems, [], t.name);

		// the CLI's copy: the same options (key order aside)
		const cli = fakeRouter({ uci: openwrt(HOME), files });
		assert.ok(!('error' in addTemplate(cli.env, t.name, name)));
		const written = cli.uci.sections('splitwg').filter((s) => s.name === name || s.options.ruleset === name);
		const norm = (s: UciSection[]) => s.map((x) => ({ type: x.type, options: Object.fromEntries(Object.entries(x.options).sort()) }));
		assert.deepEqual(norm(written), norm(added), t.name);
	}
});
