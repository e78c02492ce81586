// Rule templates (docs/config.md "Rule templates"): curated rule sets the
// package ships as data, PATHS.templates/<name>.json, each a splitwg-rules
// document (the format LuCI's rule import/export reads, src/luci/_rulesio.ts)
// with a description and a date. Adding one copies it into
// /etc/config/splitwg as a `config ruleset` and its rules: from then on the
// copy is the user's, and a package upgrade that changes the template never
// rewrites it. A template's values are judged by the core's reader, exactly
// as the same rules typed into the config would be (src/core/templates.ts).
import type { Env } from './env';
import type { Problem } from '../core/model';
import { readConfig, msg, described, format, templateSections } from './core';
import type { Msg } from './core';
import { PATHS } from './env';
import { readConfigSections } from './sections';
import { readLists } from './lists';

// regexes as module constants: ucode compiles a literal each time it is evaluated
const TEMPLATE_FILE = /^([a-z][a-z0-9_]*)\.json$/;
const NAME = /^[A-Za-z][A-Za-z0-9_]*$/;

export interface Template {
	name: string;
	file: string;
	label: string;
	description: string;
	date: string;
	entries: number;             // domains and addresses, over all rules
	rules: { [k: string]: any }[];
	problems: (Problem & { message: string })[];
}

function isText(v: any): boolean {
	return type(v) === 'string' && v !== '';
}

function entriesOf(rules: any[]): number {
	let n = 0;
	for (let i = 0; i < length(rules); i++) {
		const d: any[] = rules[i].domain ?? [], a: any[] = rules[i].dest ?? [];
		n += length(d) + length(a);
	}
	return n;
}

// One packaged template, read and checked; null when there is no such file.
export function readTemplate(env: Env, name: string): Template | null {
	if (!match(name, NAME)) return null;
	const file = `${PATHS.templates}/${name}.json`;
	const text = env.fs.read(file);
	if (text === null) return null;
	let doc: any = null;
	try { doc = json(text); } catch { doc = null; }
	const t = doc === null ? { sections: [], problems: [{ path: 'format', ...msg('tpl_json') }] } : templateSections(doc, name);
	const ok = type(doc) === 'object';
	const rules = ok && type(doc.rules) === 'array' ? doc.rules : [];
	return {
		name, file,
		label: ok && isText(doc.label) ? doc.label : name,
		description: ok && isText(doc.description) ? doc.description : '',
		date: ok && isText(doc.date) ? doc.date : '',
		entries: entriesOf(filter(rules, (r: any) => type(r) === 'object')),
		rules,
		problems: map(t.problems, (p) => described(p)),
	};
}

// Every packaged template, by name.
export function templates(env: Env): { dir: string, templates: Template[] } {
	const names = sort(env.fs.list(PATHS.templates) ?? []);
	const out: Template[] = [];
	for (let i = 0; i < length(names); i++) {
		const m = match(names[i], TEMPLATE_FILE) as string[] | null;
		const t = m ? readTemplate(env, m[1]) : null;
		if (t) push(out, t);
	}
	return { dir: PATHS.templates, templates: out };
}

export type AddResult = { ruleset: string, template: string, rules: number, entries: number }
	| { error: { code: string, message: string, path: string | null, id: string, args: any[] }, problems?: (Problem & { message: string })[] };

// (the shape of a ubus error, api.ts)
function failed(code: string, m: Msg, path: string | null, problems?: (Problem & { message: string })[]): AddResult {
	const error = { code, message: format(m), path, id: m.id, args: m.args };
	return problems ? { error, problems } : { error };
}

// Copy template `name` into /etc/config/splitwg as rule set `as` (default:
// the template's name) and commit. A section of that name already there is
// an error (never a second copy, never a rewrite of the first); so is
// anything the core finds in the new rule set beside the user's config.
export function addTemplate(env: Env, name: string, as: string | null): AddResult {
	const t = readTemplate(env, name);
	if (!t) return failed('NOT_FOUND', msg('tpl_unknown', [name]), 'name');
	if (length(t.problems)) return failed('INVALID_TEMPLATE', msg('tpl_invalid', [name, length(t.problems)]), t.file, t.problems);
	const target = as ?? name;
	const secs = readConfigSections(env.uci, 'splitwg');
	for (let i = 0; i < length(secs); i++)
		if (secs[i].name === target) return failed('EXISTS', msg('tpl_exists', [target, name]), 'ruleset');
	const mine = templateSections(json(env.fs.read(t.file) as string), target).sections;
	const all = [...secs, ...mine];
	const r = readConfig(all, readLists(env, all, 'check'));
	const prefix = `ruleset.${target}`;
	const bad = filter(r.problems, (p) => substr(p.path, 0, length(prefix)) === prefix && (length(p.path) === length(prefix) || index(['.', '['], substr(p.path, length(prefix), 1)) >= 0));
	if (length(bad)) return failed('INVALID_CONFIG', msg('tpl_invalid', [name, length(bad)]), bad[0].path, map(bad, (p) => described(p)));
	env.uci.set('splitwg', target, 'ruleset');
	for (let k in mine[0].options) env.uci.set('splitwg', target, k, mine[0].options[k]);
	for (let i = 1; i < length(mine); i++) {
		const sid = env.uci.add('splitwg', 'rule');
		if (sid === null) { env.uci.revert('splitwg'); return failed('COMMIT_FAILED', msg('tpl_commit'), null); }
		for (let k in mine[i].options) env.uci.set('splitwg', sid, k, mine[i].options[k]);
	}
	if (!env.uci.commit('splitwg')) { env.uci.revert('splitwg'); return failed('COMMIT_FAILED', msg('tpl_commit'), null); }
	return { ruleset: target, template: name, rules: length(mine) - 1, entries: t.entries };
}
