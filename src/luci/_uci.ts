// LuCI's in-browser UCI state ↔ the core's view of /etc/config/splitwg, and
// problem paths of the core (client.tv.rule[2].domain[0]) ↔ the page, the
// section and the option the user edits.
import type { UciSection, UciValue } from '../core/uci';
import { N_, msg } from './_msg';
import type { Msg } from './_msg';
import { ownerOf, ownerKey } from './_rules';
import type { Section } from './_rules';

// What uci.sections('splitwg') returns: ".name", ".type", ".anonymous",
// ".index" and the options (lists as arrays).
export type LuciSection = { [k: string]: unknown };

export function toSections(list: LuciSection[]): Section[] {
	return list.slice().sort((a, b) => (a['.index'] as number) - (b['.index'] as number)).map((s) => {
		const opts: { [k: string]: string | string[] } = {};
		for (const k in s) {
			if (k.charAt(0) === '.') continue;
			const v = s[k];
			if (typeof v === 'string') opts[k] = v;
			else if (Array.isArray(v)) opts[k] = v.map(String);
		}
		return { sid: String(s['.name']), type: String(s['.type']), opts };
	});
}

// The sections the core's readConfig()/check() take, in file order. Unnamed
// sections get the "@type[i]" names `uci show` and parseUci() use.
export function toCoreSections(list: LuciSection[]): UciSection[] {
	const counts: { [t: string]: number } = {};
	const sorted = list.slice().sort((a, b) => (a['.index'] as number) - (b['.index'] as number));
	return toSections(list).map((s, i) => {
		const anon = !!sorted[i]['.anonymous'];
		counts[s.type] = (counts[s.type] ?? -1) + 1;
		return { type: s.type, name: anon ? `@${s.type}[${counts[s.type]}]` : s.sid, anonymous: anon, options: s.opts as { [k: string]: UciValue } };
	});
}

export type Page = 'overview' | 'upstreams' | 'clients' | 'rules';

export interface Place {
	page: Page;
	sid: string | null;        // the LuCI section id, when the path names one
	option: string | null;
	owner: string | null;      // rules: "client:tv" / "ruleset:x"
	where: Msg;                // human description, translatable
}

// Where a problem path of the core points to in the UI.
export function placeOf(path: string, sections: Section[]): Place {
	const opt = (rest: string | undefined) => rest ? rest.replace(/^\./, '').replace(/\[[0-9]+\]$/, '') : null;
	let m = /^globals(?:\.([a-z_]+))?/.exec(path);
	if (m) return { page: 'overview', sid: null, option: m[1] ?? null, owner: null, where: msg(N_('Global settings')) };
	m = /^server(?:\.([a-z_]+))?/.exec(path);
	if (m) return { page: 'clients', sid: 'server', option: m[1] ?? null, owner: null, where: msg(N_('Server')) };
	m = /^upstream\.([A-Za-z0-9_]+)(\..*)?$/.exec(path);
	if (m) return { page: 'upstreams', sid: m[1], option: opt(m[2]), owner: null, where: msg(N_('Upstream %s'), m[1]) };
	m = /^group\.([A-Za-z0-9_@\[\]]+)(\..*)?$/.exec(path);
	if (m) return { page: 'upstreams', sid: m[1], option: opt(m[2]), owner: null, where: msg(N_('Group %s'), m[1]) };
	m = /^(client|ruleset)\.([A-Za-z0-9_@\[\]]+)\.rule\[([0-9]+)\](\..*)?$/.exec(path);
	if (m) {
		const owner = ownerKey(m[1] as 'client' | 'ruleset', m[2]);
		const rules = sections.filter((s) => s.type === 'rule' && ownerOf(s.opts) === owner);
		const r = rules[parseInt(m[3], 10)];
		const label = r && typeof r.opts.name === 'string' && r.opts.name !== '' ? ` (${r.opts.name})` : '';
		return {
			page: 'rules', sid: r ? r.sid : null, option: opt(m[4]), owner,
			where: m[1] === 'client' ? msg(N_('Client %s, rule %d%s'), m[2], parseInt(m[3], 10) + 1, label) : msg(N_('Rule set %s, rule %d%s'), m[2], parseInt(m[3], 10) + 1, label),
		};
	}
	m = /^client\.([A-Za-z0-9_@\[\]]+)(\..*)?$/.exec(path);
	if (m) return { page: 'clients', sid: m[1], option: opt(m[2]), owner: null, where: msg(N_('Client %s'), m[1]) };
	m = /^ruleset\.([A-Za-z0-9_@\[\]]+)(\..*)?$/.exec(path);
	if (m) return { page: 'rules', sid: m[1], option: opt(m[2]), owner: ownerKey('ruleset', m[1]), where: msg(N_('Rule set %s'), m[1]) };
	m = /^rule (@rule\[([0-9]+)\]|[A-Za-z0-9_]+)(\..*)?$/.exec(path);
	if (m) {
		const rules = sections.filter((s) => s.type === 'rule');
		const r = m[2] != null ? rules[parseInt(m[2], 10)] : rules.filter((s) => s.sid === m![1])[0];
		return { page: 'rules', sid: r ? r.sid : null, option: opt(m[3]), owner: null, where: msg(N_('A rule without a valid owner')) };
	}
	return { page: 'overview', sid: null, option: null, owner: null, where: msg(N_('Section %s'), path) };
}
