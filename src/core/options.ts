// One UCI section read through its type's option table (schema.ts): every
// value checked by its validator, defaults filled in, each problem with the
// path of the offending value. config.ts and groups.ts read their sections
// with it.
import type { UciSection, UciValue } from './uci';
import type { Problem } from './model';
import { bool, CONTROL, BLANKS } from './values';
import { msg } from './messages';
import type { Msg } from './messages';
import type { Bad } from './values';
import { checkOf, SCHEMA } from './schema';
import type { Opt } from './schema';

// ucode compiles regexes with REG_NEWLINE: `^…$` also matches one line of
// a multi-line value. So control characters are refused before any grammar.
export function problem(path: string, m: Msg): Problem {
	return { path, id: m.id, args: m.args };
}

function badValue(v: string, check: ((v: string) => Bad) | null): Bad {
	if (match(v, CONTROL)) return msg('control_char');
	return check ? check(v) : null;
}

// What the table pass found in one section: every option's value (the
// default when it is absent or invalid), which ones were invalid — so the
// checks that follow report no second, contradicting problem about them
// ("is required" after a malformed key) — and where in its list each valid
// element of a list stood.
export interface Options {
	v: { [option: string]: any };
	bad: { [option: string]: boolean };
	at: { [option: string]: number[] | null };   // null: all valid, each where it stands
}

function typed(kind: string, v: string): any {
	if (kind === 'bool') return bool(v);
	if (kind === 'int') return int(v);
	return v;
}

// One list option: its valid elements. An empty element is an error, never
// "no condition": an empty domain would otherwise turn a rule into "match
// everything". An `option` holding space-separated values is accepted like
// LuCI's DynamicList does.
function readList(o: Options, k: string, v: UciValue, check: ((v: string) => Bad) | null, path: string, problems: Problem[]): string[] {
	let vals = type(v) === 'array' ? v as string[] : filter(split(v as string, BLANKS), (x) => x !== '');
	if (!length(vals) && type(v) !== 'array') vals = [v as string];
	// a list may hold thousands of CIDRs or domains: one control-character
	// test over all of them, element by element only when that finds one
	const valid = match(join('', vals), CONTROL) ? (x: string) => badValue(x, check) : check;
	const out: string[] = [];
	let at: number[] | null = null;
	const n = length(vals) as number;
	for (let i = 0; i < n; i++) {
		const x = vals[i];
		let e = valid ? valid(x) : null;
		// every list grammar refuses a blank value (test/core/options.test.ts),
		// which is said as "empty": trim() only then, not per value
		if ((e !== null || !valid) && trim(x) === '') e = msg('empty');
		if (e === null) { push(out, x); if (at) push(at, i); continue; }
		if (!at) { at = []; for (let j = 0; j < i; j++) push(at, j); }
		o.bad[k] = true;
		push(problems, problem(`${path}[${i}]`, e as Msg));
	}
	o.at[k] = at;
	return out;
}

// Each section type's options as readOptions walks them, derived once from
// the schema: the validator and the default, typed (under ucode a section's
// options cost thousands of instructions each; most are absent).
interface Prepared { k: string, opt: Opt, check: ((v: string) => Bad) | null, def: any }
const PREPARED: { [type: string]: Prepared[] } = {};

function prepared(t: string): Prepared[] {
	PREPARED[t] ??= map(keys(SCHEMA[t]), (k: string) => {
		const opt = SCHEMA[t][k];
		const def = opt.def === undefined ? (opt.list ? [] : null) : opt.list ? split(opt.def, ' ') : typed(opt.kind, opt.def);
		return { k, opt, check: checkOf(opt), def };
	});
	return PREPARED[t];
}

// Every option of a section through its type's table, then the unknown ones.
// `own` replaces an option's validator for this read by one that keeps what
// it parsed (a rule's prefixes are parsed once: there may be 10,000s).
export function readOptions(sec: UciSection, base: string, t: string, problems: Problem[], own?: { [option: string]: (v: string) => Bad }): Options {
	const o: Options = { v: {}, bad: {}, at: {} };
	const opts = prepared(t), table = SCHEMA[t];
	for (let i = 0; i < length(opts); i++) {
		const p = opts[i], k = p.k;
		const v: UciValue | null = sec.options[k] ?? null;
		// (a list default is copied: the caller may add to what it reads)
		if (v === null) { o.v[k] = p.opt.list ? [...p.def] : p.def; if (p.opt.list) o.at[k] = null; continue; }
		const check = own && own[k] ? own[k] : p.check;
		if (p.opt.list) { o.v[k] = readList(o, k, v, check, `${base}.${k}`, problems); continue; }
		o.v[k] = p.def;
		const e = type(v) === 'array' ? msg('not_single') : v === '' ? msg('empty') : badValue(v as string, check);
		if (e !== null) { o.bad[k] = true; push(problems, problem(`${base}.${k}`, e as Msg)); }
		else o.v[k] = typed(p.opt.kind, v as string);
	}
	for (let k in sec.options)
		if (!exists(table, k) && k !== '.name' && k !== '.type') push(problems, problem(`${base}.${k}`, msg('unknown_option')));
	return o;
}
