// `splitwg export [FILE]` / `splitwg import FILE.json`: upstreams, clients,
// rule sets and rules, for moving to another router (docs/cli.md). The
// rules are splitwg-rules documents, one per owner — the format of LuCI's
// rule import/export (src/luci/_rulesio.ts), so one can be cut out and
// imported there. The router's own settings (globals, server) stay: they
// belong to the router, not to the clients. Private keys only with keys:
// true. Importing adds everything or nothing, judged by the core's reader
// beside the configuration already there.
import type { Env } from './env';
import type { UciSection } from '../core/uci';
import type { Problem } from '../core/model';
import { VERSION, readConfig, msg, described, format, ruleOptions, RULE_FIELDS, badBool, bool } from './core';
import type { Msg } from './core';
import { readConfigSections } from './sections';
import { readLists } from './lists';

// regexes as module constants: ucode compiles a literal each time it is evaluated
const OWNER = /^(client|ruleset):([^\n]+)$/;
const KEYS = ['private_key', 'preshared_key'];
const LISTS = ['domain', 'dest', 'proto', 'port', 'weekdays', 'list_file'];
const KINDS = ['upstream', 'client'];
// a rule in an export: LuCI's fields, plus its upstream and list files
// (the files themselves are not in the export)
const EXPORT_RULE_FIELDS = [...RULE_FIELDS, 'upstream', 'list_file'];

function plain(s: UciSection, keys: boolean): { [k: string]: any } {
	// (`section` names it: `name` is its label, as in the file)
	const o: { [k: string]: any } = { section: s.name };
	for (let k in s.options) if (keys || index(KEYS, k) < 0) o[k] = s.options[k];
	return o;
}

// A rule section → its splitwg-rules form: enabled as a boolean, every
// other option as the file has it.
function portable(s: UciSection): { [k: string]: any } {
	const r: { [k: string]: any } = {};
	for (let k in s.options) {
		if (k === 'client' || k === 'ruleset') continue;
		const v = s.options[k];
		// (a list may be one space-separated option: LuCI's form is a list)
		if (index(LISTS, k) >= 0) r[k] = type(v) === 'array' ? v : filter(split(v as string, ' '), (x: string) => x !== '');
		else r[k] = k === 'enabled' ? !badBool(v as string) && bool(v as string) : v;
	}
	return r;
}

export function exportConfig(env: Env, keys: boolean): { [k: string]: any } {
	const secs = readConfigSections(env.uci, 'splitwg');
	const doc: { [k: string]: any } = { format: 'splitwg-export', version: 1, splitwg: VERSION, keys, upstreams: [], clients: [], rules: [] };
	const byOwner: { [owner: string]: { [k: string]: any } } = {};
	const owner = (key: string, label: any) => {
		if (!byOwner[key]) { byOwner[key] = { format: 'splitwg-rules', version: 1, owner: key, rules: [] }; push(doc.rules, byOwner[key]); }
		if (label !== null) byOwner[key].label = label;
		return byOwner[key];
	};
	for (let i = 0; i < length(secs); i++) {
		const s = secs[i];
		if (s.type === 'upstream') push(doc.upstreams, plain(s, keys));
		else if (s.type === 'client') push(doc.clients, plain(s, keys));
		else if (s.type === 'ruleset') owner(`ruleset:${s.name}`, s.options.name ?? null);
	}
	for (let i = 0; i < length(secs); i++) {
		const s = secs[i];
		if (s.type !== 'rule') continue;
		const key = (s.options.client ?? null) !== null ? `client:${s.options.client}` : `ruleset:${s.options.ruleset}`;
		push(owner(key, null).rules, portable(s));
	}
	return doc;
}

export type TransferResult = { upstreams: number, clients: number, rulesets: number, rules: number }
	| { error: { code: string, message: string, path: string | null, id: string, args: any[] }, problems: (Problem & { message: string })[] };

function failed(code: string, m: Msg, path: string | null, problems?: Problem[]): TransferResult {
	return { error: { code, message: format(m), path, id: m.id, args: m.args }, problems: map(problems ?? [], (p) => described(p)) };
}

function problem(path: string, m: Msg): Problem {
	return { path, id: m.id, args: m.args };
}

// An export document → the sections it adds, with the problems of its shape.
export function exportSections(doc: any): { sections: UciSection[], problems: Problem[], counts: { [k: string]: number } } {
	const problems: Problem[] = [];
	const sections: UciSection[] = [];
	const counts: { [k: string]: number } = { upstreams: 0, clients: 0, rulesets: 0, rules: 0 };
	if (type(doc) !== 'object' || doc.format !== 'splitwg-export' || doc.version !== 1) {
		push(problems, problem('format', msg('export_format')));
		return { sections, problems, counts };
	}
	for (let j = 0; j < length(KINDS); j++) {
		const list: any[] = doc[`${KINDS[j]}s`] ?? [];
		if (type(list) !== 'array') { push(problems, problem(`${KINDS[j]}s`, msg('tpl_list'))); continue; }
		for (let i = 0; i < length(list); i++) {
			const x = list[i], at = `${KINDS[j]}s[${i}]`;
			if (type(x) !== 'object' || type(x.section) !== 'string') { push(problems, problem(at, msg('export_named'))); continue; }
			const o: { [k: string]: string | string[] } = {};
			for (let k in x) {
				if (k === 'section') continue;
				if (type(x[k]) === 'string' || (type(x[k]) === 'array' && !length(filter(x[k], (v: any) => type(v) !== 'string')))) o[k] = x[k];
				else push(problems, problem(`${at}.${k}`, msg('tpl_text')));
			}
			push(sections, { type: KINDS[j], name: x.section, anonymous: false, options: o });
			counts[`${KINDS[j]}s`]++;
		}
	}
	const docs: any[] = doc.rules ?? [];
	for (let i = 0; i < length(docs); i++) {
		const d = docs[i], at = `rules[${i}]`;
		const m = type(d) === 'object' && type(d.owner) === 'string' ? match(d.owner, OWNER) as string[] | null : null;
		if (!m || d.format !== 'splitwg-rules' || d.version !== 1 || type(d.rules) !== 'array') { push(problems, problem(at, msg('export_rules'))); continue; }
		if (m[1] === 'ruleset') {
			push(sections, { type: 'ruleset', name: m[2], anonymous: false, options: type(d.label) === 'string' ? { name: d.label } : {} });
			counts.rulesets++;
		}
		const rules: any[] = d.rules;
		for (let j = 0; j < length(rules); j++) {
			const owner: { [k: string]: string } = {};
			owner[m[1]] = m[2];
			const opts = ruleOptions(rules[j], `${at}.rules[${j}]`, owner, EXPORT_RULE_FIELDS, problems);
			push(sections, { type: 'rule', name: `@rule[${counts.rules}]`, anonymous: true, options: opts });
			counts.rules++;
		}
	}
	return { sections, problems, counts };
}

// The problems `after` has that `before` had not (by path and message).
export function newProblems(before: Problem[], after: Problem[]): Problem[] {
	const had: { [k: string]: boolean } = {};
	for (let i = 0; i < length(before); i++) had[`${before[i].path} ${format(before[i])}`] = true;
	return filter(after, (p) => !had[`${p.path} ${format(p)}`]);
}

// Add an export's sections to /etc/config/splitwg, all or nothing.
export function importConfig(env: Env, text: string): TransferResult {
	let doc: any = null;
	try { doc = json(text); } catch { return failed('PARSE_ERROR', msg('tpl_json'), null); }
	const x = exportSections(doc);
	if (length(x.problems)) return failed('PARSE_ERROR', msg('export_invalid', [length(x.problems)]), x.problems[0].path, x.problems);
	const secs = readConfigSections(env.uci, 'splitwg');
	for (let i = 0; i < length(secs); i++)
		for (let j = 0; j < length(x.sections); j++)
			if (!x.sections[j].anonymous && secs[i].name === x.sections[j].name) return failed('EXISTS', msg('export_exists', [secs[i].name]), `${x.sections[j].type}.${secs[i].name}`);
	const all = [...secs, ...x.sections];
	const bad = newProblems(readConfig(secs, readLists(env, secs, 'check')).problems, readConfig(all, readLists(env, all, 'check')).problems);
	if (length(bad)) return failed('INVALID_CONFIG', msg(doc.keys === false ? 'export_invalid_nokeys' : 'export_invalid', [length(bad)]), bad[0].path, bad);
	for (let i = 0; i < length(x.sections); i++) {
		const s = x.sections[i];
		const sid = s.anonymous ? env.uci.add('splitwg', s.type) : s.name;
		if (sid === null) { env.uci.revert('splitwg'); return failed('COMMIT_FAILED', msg('tpl_commit'), null); }
		if (!s.anonymous) env.uci.set('splitwg', sid, s.type);
		for (let k in s.options) env.uci.set('splitwg', sid, k, s.options[k]);
	}
	if (!env.uci.commit('splitwg')) { env.uci.revert('splitwg'); return failed('COMMIT_FAILED', msg('tpl_commit'), null); }
	return x.counts as any;
}
