// Import and export of an owner's rules (a shared rule set or a client's own
// rules) as JSON or CSV. Every imported value passes the core's validators,
// and problems are reported by CSV line or JSON rule number.
import { badBool, badDomain, badLabel, badName, badPortRange, badTime, bool, weekday, PROTOS } from '../core/values';
import { parsePrefix } from '../core/ip';
import { N_, msg } from './_msg';
import { isMsg, msg as coreMsg } from '../core/messages';
import type { Msg as CoreMsg } from '../core/messages';
import type { Bad } from '../core/values';
import type { Text } from './_msg';
import { listOf } from './_rules';
import type { Opts } from './_rules';

export interface PortableRule {
	name?: string;
	enabled?: boolean;          // omitted: enabled
	action: 'proxy' | 'direct' | 'block';
	upstream?: string;
	domain?: string[];
	dest?: string[];
	proto?: string[];
	port?: string[];
	start_time?: string;
	stop_time?: string;
	weekdays?: string[];
}

export interface RuleDoc {
	format: 'splitwg-rules';
	version: 1;
	owner?: string;             // "ruleset:streaming", informative
	label?: string;
	rules: PortableRule[];
}

export interface ImportIssue { line?: number; rule?: number; field?: string; text: Text }
export interface Imported { rules: PortableRule[]; label: string | null; errors: ImportIssue[] }

const FIELDS = ['name', 'enabled', 'action', 'upstream', 'domain', 'dest', 'proto', 'port', 'start_time', 'stop_time', 'weekdays'];
const LISTS = ['domain', 'dest', 'proto', 'port', 'weekdays'];

// UCI options of a rule section → the portable form (owner left out).
export function fromOptions(o: Opts): PortableRule {
	const r: PortableRule = { action: (o.action as PortableRule['action']) || 'proxy' };
	if (typeof o.name === 'string' && o.name !== '') r.name = o.name;
	if (typeof o.enabled === 'string' && !bool(o.enabled)) r.enabled = false;
	if (typeof o.upstream === 'string' && o.upstream !== '') r.upstream = o.upstream;
	for (const k of LISTS) {
		const l = listOf(o[k]);
		if (l.length) (r as unknown as { [k: string]: string[] })[k] = l;
	}
	if (typeof o.start_time === 'string' && o.start_time !== '') r.start_time = o.start_time;
	if (typeof o.stop_time === 'string' && o.stop_time !== '') r.stop_time = o.stop_time;
	return r;
}

// The portable form → UCI options (without the owner option).
export function toOptions(r: PortableRule): Opts {
	const o: Opts = {};
	if (r.name) o.name = r.name;
	if (r.enabled === false) o.enabled = '0';
	o.action = r.action;
	if (r.upstream) o.upstream = r.upstream;
	for (const k of LISTS) {
		const l = (r as unknown as { [k: string]: string[] | undefined })[k];
		if (l && l.length) o[k] = l.slice();
	}
	if (r.start_time) o.start_time = r.start_time;
	if (r.stop_time) o.stop_time = r.stop_time;
	return o;
}

export function exportJSON(rules: PortableRule[], owner?: string, label?: string): string {
	const doc: RuleDoc = { format: 'splitwg-rules', version: 1, rules };
	if (owner) doc.owner = owner;
	if (label) doc.label = label;
	return JSON.stringify(doc, null, '\t') + '\n';
}

// (a constant: LuCI's feed build runs jsmin, which reads a regex literal
// right after `return` as a division and breaks the file on its quote)
const NEEDS_QUOTES = /[",\r\n]|^\s|\s$/;

function csvCell(v: string): string {
	return NEEDS_QUOTES.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

export function exportCSV(rules: PortableRule[]): string {
	const rows = [FIELDS.join(',')];
	for (const r of rules) {
		const m = r as unknown as { [k: string]: unknown };
		rows.push(FIELDS.map((f) => {
			const v = m[f];
			if (f === 'enabled') return r.enabled === false ? '0' : '1';
			if (Array.isArray(v)) return csvCell(v.join(' '));
			return v == null ? '' : csvCell(String(v));
		}).join(','));
	}
	return rows.join('\r\n') + '\r\n';
}

// RFC 4180 records, each with the line it starts on.
export function parseCSV(text: string): { rows: { line: number, cells: string[] }[], error: ImportIssue | null } {
	const rows: { line: number, cells: string[] }[] = [];
	let cells: string[] = [], cell = '', quoted = false, line = 1, start = 1, after = false;
	const s = text.replace(/^\uFEFF/, '');
	for (let i = 0; i < s.length; i++) {
		const c = s.charAt(i);
		if (quoted) {
			if (c === '"') {
				if (s.charAt(i + 1) === '"') { cell += '"'; i++; } else { quoted = false; after = true; }
			} else { if (c === '\n') line++; cell += c; }
			continue;
		}
		if (c === '"' && cell === '' && !after) { quoted = true; continue; }
		if (c === ',') { cells.push(cell); cell = ''; after = false; continue; }
		if (c === '\r') continue;
		if (c === '\n') {
			cells.push(cell);
			if (!(cells.length === 1 && cells[0] === '')) rows.push({ line: start, cells });
			cells = []; cell = ''; after = false; line++; start = line;
			continue;
		}
		if (after) return { rows, error: { line, text: msg(N_('text after a closing quote')) } };
		cell += c;
	}
	if (quoted) return { rows, error: { line: start, text: msg(N_('a quoted field is not closed')) } };
	cells.push(cell);
	if (!(cells.length === 1 && cells[0] === '')) rows.push({ line: start, cells });
	return { rows, error: null };
}

// Validate one rule given as field → raw value (strings from CSV, JSON
// values from JSON). Returns the rule or null, pushing issues.
function validate(raw: { [k: string]: unknown }, where: { line?: number, rule?: number }, errors: ImportIssue[]): PortableRule | null {
	const n0 = errors.length;
	const err = (field: string, t: Text) => { errors.push({ line: where.line, rule: where.rule, field, text: t }); };
	const str = (k: string): string | null => {
		const v = raw[k];
		if (v == null || v === '') return null;
		if (typeof v === 'boolean' && k === 'enabled') return v ? '1' : '0';
		if (typeof v === 'number') return String(v);
		if (typeof v !== 'string') { err(k, msg(N_('must be text'))); return null; }
		return v.trim();
	};
	const lst = (k: string): string[] => {
		const v = raw[k];
		if (v == null || v === '') return [];
		if (Array.isArray(v)) {
			if (v.some((x) => typeof x !== 'string' && typeof x !== 'number')) { err(k, msg(N_('must be a list of text values'))); return []; }
			return v.map((x) => String(x).trim()).filter((x) => x !== '');
		}
		if (typeof v === 'string') return v.split(/[\s,]+/).filter((x) => x !== '');
		err(k, msg(N_('must be a list of text values')));
		return [];
	};
	for (const k in raw)
		if (FIELDS.indexOf(k) < 0) err(k, msg(N_('unknown field "%s" (known: %s)'), k, FIELDS.join(', ')));
	const r: PortableRule = { action: 'proxy' };
	const name = str('name');
	if (name !== null) { const e = badLabel(name); if (e) err('name', e); else r.name = name; }
	const en = str('enabled');
	if (en !== null) { const e = badBool(en); if (e) err('enabled', e); else if (!bool(en)) r.enabled = false; }
	const act = str('action');
	if (act !== null) {
		if (act === 'proxy' || act === 'direct' || act === 'block') r.action = act;
		else err('action', coreMsg('not_action', [act]));
	}
	const up = str('upstream');
	if (up !== null) {
		const e = badName(up, 12);
		if (e) err('upstream', e);
		else if (r.action !== 'proxy') err('upstream', coreMsg('upstream_not_proxy', [r.action]));
		else r.upstream = up;
	}
	const check = (k: string, f: (v: string) => Bad) => {
		const l = lst(k);
		const ok: string[] = [];
		for (const v of l) { const e = f(v); if (e) err(k, e); else ok.push(v); }
		if (ok.length) (r as unknown as { [k: string]: string[] })[k] = ok;
	};
	check('domain', badDomain);
	check('dest', (v) => { const p = parsePrefix(v); return isMsg(p) ? p as CoreMsg : null; });
	check('proto', (v) => v === 'all' || v === 'any' || PROTOS.indexOf(v) >= 0 ? null : coreMsg('not_proto', [v, `${PROTOS.join(' ')}, all`]));
	check('port', badPortRange);
	check('weekdays', (v) => weekday(v) < 0 ? coreMsg('not_weekday', [v]) : null);
	const t1 = str('start_time'), t2 = str('stop_time');
	if (t1 !== null) { const e = badTime(t1); if (e) err('start_time', e); else r.start_time = t1; }
	if (t2 !== null) { const e = badTime(t2); if (e) err('stop_time', e); else r.stop_time = t2; }
	if ((t1 === null) !== (t2 === null)) err(t1 === null ? 'start_time' : 'stop_time', coreMsg('window_half'));
	return errors.length === n0 ? r : null;
}

// JSON (a RuleDoc or a bare array of rules) or CSV with a header row.
export function importRules(text: string): Imported {
	const errors: ImportIssue[] = [];
	const rules: PortableRule[] = [];
	const t = text.replace(/^\uFEFF/, '').trim();
	if (t === '') return { rules, label: null, errors: [{ text: msg(N_('nothing to import')) }] };
	if (t.charAt(0) === '{' || t.charAt(0) === '[') {
		let doc: unknown;
		try { doc = JSON.parse(t); }
		catch (e) { return { rules, label: null, errors: [{ text: msg(N_('not valid JSON: %s'), String((e as Error).message)) }] }; }
		let list: unknown = doc;
		let label: string | null = null;
		if (!Array.isArray(doc)) {
			const d = doc as { [k: string]: unknown };
			if (d.format !== 'splitwg-rules') errors.push({ field: 'format', text: msg(N_('not a splitwg rule export (format must be "splitwg-rules")')) });
			if (d.version !== 1) errors.push({ field: 'version', text: msg(N_('unsupported version %s'), String(d.version)) });
			if (typeof d.label === 'string') label = d.label;
			list = d.rules;
		}
		if (!Array.isArray(list)) return { rules, label, errors: errors.concat([{ field: 'rules', text: msg(N_('"rules" must be a list')) }]) };
		list.forEach((x, i) => {
			if (x === null || typeof x !== 'object' || Array.isArray(x)) { errors.push({ rule: i + 1, text: msg(N_('a rule must be an object')) }); return; }
			const r = validate(x as { [k: string]: unknown }, { rule: i + 1 }, errors);
			if (r) rules.push(r);
		});
		return { rules, label, errors };
	}
	const csv = parseCSV(text);
	if (csv.error) return { rules, label: null, errors: [csv.error] };
	if (!csv.rows.length) return { rules, label: null, errors: [{ text: msg(N_('nothing to import')) }] };
	const head = csv.rows[0].cells.map((h) => h.trim().toLowerCase());
	for (const h of head)
		if (FIELDS.indexOf(h) < 0) errors.push({ line: csv.rows[0].line, field: h, text: msg(N_('unknown column "%s" (known: %s)'), h, FIELDS.join(', ')) });
	if (errors.length) return { rules, label: null, errors };
	for (let i = 1; i < csv.rows.length; i++) {
		const row = csv.rows[i];
		if (row.cells.length !== head.length) {
			errors.push({ line: row.line, text: msg(N_('%d fields, the header has %d'), row.cells.length, head.length) });
			continue;
		}
		const raw: { [k: string]: unknown } = {};
		head.forEach((h, j) => { raw[h] = row.cells[j]; });
		const r = validate(raw, { line: row.line }, errors);
		if (r) rules.push(r);
	}
	return { rules, label: null, errors };
}
