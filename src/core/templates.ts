// Rule templates (docs/config.md "Rule templates"): a template is a
// splitwg-rules document (the format of LuCI's rule import/export,
// src/luci/_rulesio.ts) with a label, a description and a date. Here it
// becomes the sections of a `config ruleset` and its rules, and is judged by
// the config reader exactly as the same rules typed into the config would
// be; src/router/templates.ts reads the packaged ones and adds them.
import type { UciSection } from './uci';
import type { Problem } from './model';
import type { Msg } from './messages';
import { msg } from './messages';
import { readConfig } from './config';

// regexes as module constants: ucode compiles a literal each time it is evaluated
const DATE = /^[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]$/;

// A rule's fields in a template: a splitwg-rules rule without `upstream`
// (a template cannot know the router's upstreams: a proxy rule takes the
// client's).
export const RULE_FIELDS = ['name', 'enabled', 'action', 'domain', 'dest', 'proto', 'port', 'start_time', 'stop_time', 'weekdays'];
const LIST_FIELDS = ['domain', 'dest', 'proto', 'port', 'weekdays', 'list_file'];

function problem(path: string, m: Msg): Problem {
	return { path, id: m.id, args: m.args };
}

function isText(v: any): boolean {
	return type(v) === 'string' && v !== '';
}

// One rule of a splitwg-rules document → the options of its `config rule`
// (`owner`: { ruleset: 'streaming' } or { client: 'tv' }); `fields` are the
// ones it may have. The values themselves are for readConfig to judge.
export function ruleOptions(r: any, path: string, owner: { [k: string]: string }, fields: string[], problems: Problem[]): { [k: string]: string | string[] } {
	const o: { [k: string]: string | string[] } = { ...owner };
	for (let k in r) {
		const v = r[k];
		if (index(fields, k) < 0) push(problems, problem(`${path}.${k}`, msg('tpl_unknown_field', [k, join(', ', fields)])));
		else if (k === 'enabled' && type(v) === 'bool') o[k] = v ? '1' : '0';
		else if (index(LIST_FIELDS, k) >= 0) {
			if (type(v) !== 'array' || length(filter(v, (x: any) => type(x) !== 'string')) > 0) push(problems, problem(`${path}.${k}`, msg('tpl_list')));
			else o[k] = v;
		} else if (type(v) !== 'string') push(problems, problem(`${path}.${k}`, msg('tpl_text')));
		else o[k] = v;
	}
	return o;
}

// A template document → the sections of rule set `ruleset`, with every
// problem by path: the document's own shape (`rules[2].domain`), then what
// the core's reader finds in the sections (`ruleset.streaming.rule[2].domain[0]`,
// the path the same value has once it is in the config).
export function templateSections(doc: any, ruleset: string): { sections: UciSection[], problems: Problem[] } {
	const problems: Problem[] = [];
	const sections: UciSection[] = [];
	if (type(doc) !== 'object' || doc.format !== 'splitwg-rules' || doc.version !== 1) {
		push(problems, problem('format', msg('tpl_format')));
		return { sections, problems };
	}
	if (!isText(doc.label)) push(problems, problem('label', msg('tpl_text')));
	if (!isText(doc.description)) push(problems, problem('description', msg('tpl_text')));
	if (!isText(doc.date) || !match(doc.date, DATE)) push(problems, problem('date', msg('tpl_date', [`${doc.date ?? ''}`])));
	if (type(doc.rules) !== 'array' || !length(doc.rules)) {
		push(problems, problem('rules', msg('tpl_no_rules')));
		return { sections, problems };
	}
	push(sections, { type: 'ruleset', name: ruleset, anonymous: false, options: isText(doc.label) ? { name: doc.label } : {} });
	const rules: any[] = doc.rules;
	for (let i = 0; i < length(rules); i++) {
		const r = rules[i];
		if (type(r) !== 'object') { push(problems, problem(`rules[${i}]`, msg('tpl_rule_object'))); continue; }
		push(sections, { type: 'rule', name: `@rule[${i}]`, anonymous: true, options: ruleOptions(r, `rules[${i}]`, { ruleset }, RULE_FIELDS, problems) });
	}
	if (length(problems)) return { sections, problems };
	const c = readConfig(sections);
	return { sections, problems: c.problems };
}
