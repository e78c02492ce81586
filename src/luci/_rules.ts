// Rules in UCI: anonymous `config rule` sections that name their owner with
// `option client` or `option ruleset`. An owner's rules apply in the order
// the sections have in the file, so reordering one owner's rules moves
// sections among all rule sections (uci.move), keeping other owners' rules
// where they are.
import { badDomain } from '../core/values';
import { parsePrefix } from '../core/ip';
import { N_, msg } from './_msg';
import { SCHEMA } from '../core/schema';
import { isMsg } from '../core/messages';
import type { Msg as CoreMsg } from '../core/messages';
import type { Prefix } from '../core/ip';
import type { Msg, Text } from './_msg';
import { listsSummary } from './_lists';
import type { ListsReply } from './_lists';

export type Opts = { [k: string]: string | string[] | undefined };
export interface Section { sid: string; type: string; opts: Opts }

// a rule's list options, and its weekday words (Mon … Sun), from the core's option table
export const LIST_OPTIONS = Object.keys(SCHEMA.rule).filter((k) => SCHEMA.rule[k].list);
export const WEEKDAY_NAMES: string[] = SCHEMA.rule.weekdays.values ?? [];

// "client:tv" / "ruleset:streaming"
export function ownerKey(kind: 'client' | 'ruleset', name: string): string {
	return `${kind}:${name}`;
}

export function parseOwner(key: string): { kind: 'client' | 'ruleset', name: string } | null {
	const m = /^(client|ruleset):(.+)$/.exec(key);
	return m ? { kind: m[1] as 'client' | 'ruleset', name: m[2] } : null;
}

export function ownerOf(opts: Opts): string | null {
	const c = opts.client, r = opts.ruleset;
	if (typeof c === 'string' && c !== '' && (r == null || r === '')) return ownerKey('client', c);
	if (typeof r === 'string' && r !== '' && (c == null || c === '')) return ownerKey('ruleset', r);
	return null;
}

export function rulesOf(sections: Section[], owner: string): string[] {
	return sections.filter((s) => s.type === 'rule' && ownerOf(s.opts) === owner).map((s) => s.sid);
}

// Rule sections whose owner does not exist (left behind when a client or
// rule set was removed) or that have none.
export function orphanRules(sections: Section[]): string[] {
	const owners: { [k: string]: boolean } = {};
	for (const s of sections)
		if (s.type === 'client' || s.type === 'ruleset') owners[ownerKey(s.type as 'client' | 'ruleset', s.sid)] = true;
	return sections.filter((s) => {
		if (s.type !== 'rule') return false;
		const o = ownerOf(s.opts);
		return o === null || !owners[o];
	}).map((s) => s.sid);
}

export interface Move { sid: string; ref: string; after: boolean }

// One step up (delta -1) or down (+1) among the owner's rules, as the
// arguments of uci.move(config, sid, ref, after); null at either end.
export function moveStep(ownerSids: string[], sid: string, delta: -1 | 1): Move | null {
	const i = ownerSids.indexOf(sid);
	const j = i + delta;
	if (i < 0 || j < 0 || j >= ownerSids.length) return null;
	return { sid, ref: ownerSids[j], after: delta > 0 };
}

// What uci.move does to the order of all sections (for tests and previews).
export function applyMove(order: string[], mv: Move): string[] {
	const out = order.filter((s) => s !== mv.sid);
	const k = out.indexOf(mv.ref);
	if (k < 0 || order.indexOf(mv.sid) < 0) return order.slice();
	out.splice(k + (mv.after ? 1 : 0), 0, mv.sid);
	return out;
}

export function listOf(v: string | string[] | undefined): string[] {
	if (v == null) return [];
	if (Array.isArray(v)) return v.slice();
	return v.split(/[ \t]+/).filter((x) => x !== '');
}

function few(l: string[], n: number): string {
	return l.length <= n ? l.join(', ') : `${l.slice(0, n).join(', ')} +${l.length - n}`;
}

// A one-line description of what a rule matches, as translatable parts
// (`lists`: the router's account of the list files, for their entry counts).
export function matchSummary(o: Opts, lists?: ListsReply | null): Msg[] {
	const out: Msg[] = [];
	const dom = listOf(o.domain), dst = listOf(o.dest), pr = listOf(o.proto), po = listOf(o.port), wd = listOf(o.weekdays);
	if (dom.length) out.push(msg(N_('domains %s'), few(dom, 3)));
	if (dst.length) out.push(msg(N_('addresses %s'), few(dst, 3)));
	const ls = listsSummary(listOf(o.list_file), lists ?? null);
	if (ls) out.push(ls);
	if (pr.length && pr.indexOf('all') < 0 && pr.indexOf('any') < 0) out.push(msg(N_('protocol %s'), pr.join('/')));
	if (po.length) out.push(msg(N_('port %s'), few(po, 4)));
	if (o.start_time || o.stop_time) out.push(msg(N_('time %s'), `${o.start_time ?? '?'}–${o.stop_time ?? '?'}`));
	if (wd.length) out.push(msg(N_('days %s'), wd.join(' ')));
	if (!out.length) out.push(msg(N_('any traffic')));
	return out;
}

export interface Bulk {
	domains: string[];
	dests: string[];
	errors: { line: number, text: Text }[];
	duplicates: number;
}

// Bulk paste: one domain, address or CIDR per line (or several separated by
// spaces or commas); '#' starts a comment. URLs are reduced to their host,
// "*.example.com" and ".example.com" to "example.com" (a domain matches its
// subdomains), names are lower-cased.
export function parseBulk(text: string): Bulk {
	const b: Bulk = { domains: [], dests: [], errors: [], duplicates: 0 };
	const lines = text.replace(/\r/g, '').split('\n');
	for (let i = 0; i < lines.length; i++) {
		const toks = lines[i].replace(/#.*$/, '').split(/[\s,;]+/).filter((t) => t !== '');
		for (let t of toks) {
			const url = /^[a-z][a-z0-9+.-]*:\/\/(?:[^@/]*@)?(\[[^\]]+\]|[^/:?#]+)/i.exec(t);
			if (url) t = url[1].replace(/^\[|\]$/g, '');
			const p = parsePrefix(t);
			if (!isMsg(p)) {
				const x = p as Prefix;
				if (b.dests.indexOf(x.text) >= 0) b.duplicates++; else b.dests.push(x.text);
				continue;
			}
			if (/^[0-9.]+(\/[0-9]+)?$/.test(t) || (t.indexOf(':') >= 0 && /^[0-9a-fA-F:.]+(\/[0-9]+)?$/.test(t))) {
				b.errors.push({ line: i + 1, text: p as CoreMsg });
				continue;
			}
			const d = t.toLowerCase().replace(/^\*?\./, '').replace(/\.$/, '');
			const e = badDomain(d);
			if (e) { b.errors.push({ line: i + 1, text: e }); continue; }
			// a bare word is far more likely a stray word than a top-level domain
			if (d.indexOf('.') < 0) { b.errors.push({ line: i + 1, text: msg(N_('"%s" has no dot: not taken as a domain'), t) }); continue; }
			if (b.domains.indexOf(d) >= 0) b.duplicates++; else b.domains.push(d);
		}
	}
	return b;
}

// A new rule's UCI options for its owner.
export function newRuleOptions(owner: string, fields: Opts): Opts {
	const o = parseOwner(owner);
	const out: Opts = {};
	if (!o) return out;
	out[o.kind] = o.name;
	for (const k in fields) {
		const v = fields[k];
		if (v == null || v === '' || (Array.isArray(v) && !v.length)) continue;
		out[k] = Array.isArray(v) ? v.slice() : v;
	}
	return out;
}
