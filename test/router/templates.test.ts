// Rule templates: every packaged one is valid (the core's reader, with
// paths), `template list`/`add` through the CLI and ubus, adding twice is
// refused, and what was added passes check.
import { test } from 'vitest';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { runCommand } from '../../src/router/command';
import { methods } from '../../src/router/api';
import { templates } from '../../src/router/templates';
import { templateSections } from '../../src/core/templates';
import { PATHS } from '../../src/router/env';
import { fakeRouter } from './fakes';
import type { FakeRouter } from './fakes';
import { openwrt, HOME } from './openwrt';

const DIR = 'files/usr/share/splitwg/templates';
const packaged = fs.readdirSync(DIR).filter((f) => f.endsWith('.json')).sort();
const packagedFiles = Object.fromEntries(packaged.map((f) => [`${PATHS.templates}/${f}`, fs.readFileSync(path.join(DIR, f), 'utf8')]));

function router(extra: Record<string, string> = {}): FakeRouter {
	return fakeRouter({ uci: openwrt(HOME), files: { ...packagedFiles, ...extra } });
}

function run(r: FakeRouter, ...argv: string[]) {
	let out = '', err = '';
	const code = runCommand(r.env, argv, { out: (s) => { out += s; }, err: (s) => { err += s; } });
	return { code, out, err };
}

test('every packaged template is a valid rule set (the core reader, no problems)', () => {
	assert.ok(packaged.length >= 3, 'a streaming, a Google and a direct set at least');
	for (const f of packaged) {
		const doc = JSON.parse(fs.readFileSync(path.join(DIR, f), 'utf8'));
		const t = templateSections(doc, f.replace(/\.json$/, ''));
		assert.deepEqual(t.problems, [], f);
		assert.match(doc.date, /^\d{4}-\d{2}-\d{2}$/, f);
		assert.ok(doc.description.length > 20, f);
		// one domain once per template (a second copy would only hide a typo)
		const all = doc.rules.flatMap((x: any) => x.domain ?? []);
		assert.equal(new Set(all).size, all.length, `${f}: a domain listed twice`);
	}
});

test('a bad template value is reported with the path it would have in the config', () => {
	const doc = { format: 'splitwg-rules', version: 1, label: 'x', description: 'x', date: '2025-01-01', rules: [
		{ action: 'proxy', domain: ['ok.test'] }, { action: 'proxy', domain: ['ex ample.com'] },
	] };
	assert.deepEqual(templateSections(doc, 'x').problems.map((p) => `${p.path}: ${p.id}`), ['ruleset.x.rule[1].domain[0]: not_domain']);
	const shape = templateSections({ ...doc, date: 'soon', rules: [{ action: 'proxy', upstream: 'us', domain: 'a.test' }] }, 'x').problems;
	assert.deepEqual(shape.map((p) => `${p.path}: ${p.id}`), ['date: tpl_date', 'rules[0].upstream: tpl_unknown_field', 'rules[0].domain: tpl_list']);
	assert.deepEqual(templateSections({ format: 'other' }, 'x').problems.map((p) => p.id), ['tpl_format']);
});

test('template list: name, date, counts, description; --json as ubus templates', () => {
	const r = router({ [`${PATHS.templates}/broken.json`]: '{ "format": "splitwg-rules", ' });
	const l = run(r, 'template', 'list');
	assert.equal(l.code, 0);
	assert.match(l.out, /^streaming +\d{4}-\d{2}-\d{2}  7 rule\(s\), \d+ entries  Streaming$/m);
	assert.match(l.out, /^broken .*\n.*\n  invalid: format: not valid JSON$/m);
	const j = JSON.parse(run(r, 'template', 'list', '--json').out);
	assert.deepEqual(j, JSON.parse(JSON.stringify(methods(() => r.env).templates.call({ args: {} }))));
	const s = j.templates.find((t: any) => t.name === 'streaming');
	assert.equal(s.entries, s.rules.reduce((n: number, x: any) => n + x.domain.length, 0));
	assert.deepEqual(s.problems, []);
});

test('template add copies the rule set into the config; twice is an error; check passes', () => {
	const r = router();
	const a = run(r, 'template', 'add', 'google');
	assert.equal(a.code, 0, a.err);
	assert.match(a.out, /^added rule set google from template google \(4 rule\(s\), \d+ entries\)/);
	const secs = r.uci.sections('splitwg');
	assert.deepEqual(secs.find((s) => s.name === 'google'), { type: 'ruleset', name: 'google', anonymous: false, options: { name: 'Google services' } });
	const rules = secs.filter((s) => s.type === 'rule' && s.options.ruleset === 'google');
	assert.equal(rules.length, 4);
	assert.deepEqual(rules[1].options, { ruleset: 'google', name: 'Gmail and Drive', action: 'proxy', domain: ['gmail.com', 'googlemail.com', 'googledrive.com'] });
	assert.equal(run(r, 'check').code, 0);

	const before = r.uci.text('splitwg');
	const again = run(r, 'template', 'add', 'google');
	assert.equal(again.code, 1);
	assert.match(again.err, /a section named "google" already exists in \/etc\/config\/splitwg: give the rule set another name \(splitwg template add google NAME\)/);
	assert.equal(r.uci.text('splitwg'), before, 'nothing added the second time');
	// (the home config has a rule set of its own called streaming: left alone)
	assert.equal(run(r, 'template', 'add', 'streaming').code, 1);
	assert.equal(r.uci.text('splitwg'), before);

	// under another name it is a second, independent copy
	assert.equal(run(r, 'template', 'add', 'streaming', 'tv_streaming').code, 0);
	assert.equal(r.uci.sections('splitwg').filter((s) => s.type === 'rule' && s.options.ruleset === 'tv_streaming').length, 7);
	// a client that uses both: the config is still valid
	r.uci.set('splitwg', 'tv', 'ruleset', ['tv_streaming', 'google']);
	r.uci.commit('splitwg');
	const c = run(r, 'check');
	assert.equal(c.code, 0, c.err);
});

test('template add refuses an unknown template, a bad name, a section of another type', () => {
	const r = router();
	const before = r.uci.text('splitwg');
	const u = run(r, 'template', 'add', 'nope');
	assert.equal(u.code, 1);
	assert.match(u.err, /no template "nope"/);
	const bad = run(r, 'template', 'add', 'google', '9x');
	assert.equal(bad.code, 1);
	assert.match(bad.err, /template google has 1 problem\(s\)\n  ruleset\.9x: "9x" is not a name/);
	const taken = run(r, 'template', 'add', 'google', 'tv');
	assert.match(taken.err, /a section named "tv" already exists/);
	assert.equal(r.uci.text('splitwg'), before);
	assert.equal(run(r, 'template', 'frob').code, 2);
});

test('ubus template_add: the same result and errors, in-band', () => {
	const r = router();
	const api = methods(() => r.env);
	assert.deepEqual(api.template_add.call({ args: {} }).error.code, 'INVALID_ARGUMENT');
	const ok = api.template_add.call({ args: { name: 'direct_banking' } });
	assert.deepEqual(ok, { ruleset: 'direct_banking', template: 'direct_banking', rules: 2, entries: ok.entries });
	const twice = api.template_add.call({ args: { name: 'direct_banking' } });
	assert.equal(twice.error.code, 'EXISTS');
	assert.equal(twice.error.id, 'tpl_exists');
	assert.equal(twice.error.path, 'ruleset');
	assert.equal(templates(r.env).templates.length, packaged.length);
});
