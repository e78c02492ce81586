// Services → Split WireGuard → Rules: each client's own rules and the shared
// rule sets, in order (first match wins): drag the handle or use ▲/▼. A rule
// matches domains, addresses, protocols, ports and a time window, and sends
// the traffic through an upstream, direct, or blocks it. Bulk paste of
// domains/CIDRs; list files (uploaded to /etc/splitwg/lists/, shown with
// their entry counts); import/export as JSON or CSV.
import { view, form, uci, ui } from '@kuoruan/luci-types';
import { badLabel, badName } from '../core/values';
import { SCHEMA } from '../core/schema';
import { callCheck, callLists, callStatus, callTemplates, callUpdateLists, isError } from './_rpc';
import type { UpdateReply } from './_rpc';
import { badUploadName, findList, listCount, subscriptionCount } from './_lists';
import type { ListsReply } from './_lists';
import type { CheckReply } from './_rpc';
import { WEEKDAY_NAMES, listOf, matchSummary, moveStep, newRuleOptions, ownerKey, ownerOf, parseBulk, parseOwner, rulesOf } from './_rules';
import type { Opts } from './_rules';
import { exportCSV, exportJSON, fromOptions, importRules, toOptions } from './_rulesio';
import { toSections } from './_uci';
import { freeName, templateSections } from './_templates';
import type { TemplateInfo, TemplatesReply } from './_templates';
import {
	actionLabel, banner, coreText, download, esc, fmtAge, notifyError, plain, readFile, saveApply, schemaOption, sections, setContent, t, text,
	upstreamChoices, upstreamLabel,
	namedGrid,
} from './_ui';

let owner: string | null = null;
// the router's account of the list files (ubus lists), null when it has none
let lists: ListsReply | null = null;

function owners(): { key: string, label: string, group: string }[] {
	const out: { key: string, label: string, group: string }[] = [];
	for (const s of sections()) {
		const n = String(s['.name']);
		const label = s.name ? `${n} (${s.name})` : n;
		if (s['.type'] === 'client') out.push({ key: ownerKey('client', n), label, group: _('Clients') });
	}
	for (const s of sections()) {
		const n = String(s['.name']);
		const label = s.name ? `${n} (${s.name})` : n;
		if (s['.type'] === 'ruleset') out.push({ key: ownerKey('ruleset', n), label, group: _('Rule sets') });
	}
	return out;
}

function ownerTitle(key: string | null): string {
	const o = key ? parseOwner(key) : null;
	if (!o) return _('Rules');
	return o.kind === 'client' ? _('Rules of client %s').format(o.name) : _('Rules of rule set %s').format(o.name);
}

// What comes after the owner's rules: a client's rule sets and its default path.
function ownerNote(key: string | null): any {
	const o = key ? parseOwner(key) : null;
	if (!o) return E([]);
	if (o.kind === 'ruleset') {
		const users = sections().filter((c) => c['.type'] === 'client' && listOf(c.ruleset as any).indexOf(o.name) >= 0).map((c) => String(c['.name']));
		return E('p', {}, [users.length ? _('Used by the clients: %s').format(users.join(', ')) : _('No client uses this rule set yet.')]);
	}
	const sets = listOf(uci.get('splitwg', o.name, 'ruleset') as any);
	const def = (uci.get('splitwg', o.name, 'default') as string | null) ?? 'direct';
	const up = uci.get('splitwg', o.name, 'upstream') as string | null;
	return E('p', {}, [
		sets.length ? _('After these rules: the rule sets %s.').format(sets.join(', ')) + ' ' : '',
		def === 'proxy' && up ? _('Unmatched traffic: %s through %s.').format(actionLabel(def), up) : _('Unmatched traffic: %s.').format(actionLabel(def)),
	]);
}

function optsOf(sid: string): Opts {
	const s = uci.get('splitwg', sid) as unknown as { [k: string]: unknown } | null;
	const o: Opts = {};
	if (s) for (const k in s) if (k.charAt(0) !== '.') o[k] = s[k] as string | string[];
	return o;
}

function ownerRules(): string[] {
	return owner ? rulesOf(toSections(sections()), owner) : [];
}

function addRule(opts: Opts): string {
	const sid = uci.add('splitwg', 'rule');
	for (const k in opts) uci.set('splitwg', sid, k, opts[k] as string | string[]);
	return sid;
}

function issueList(items: { line?: number, rule?: number, field?: string, text: any }[]): any {
	return E('ul', {}, items.map((e) => E('li', {}, [
		e.line ? _('Line %d').format(e.line) + ': ' : e.rule ? _('Rule %d').format(e.rule) + ': ' : '',
		e.field ? `${e.field}: ` : '', text(e.text),
	])));
}

function upstreamSelect(): any {
	return E('select', { 'class': 'cbi-input-select' }, [
		E('option', { value: '' }, [_('the client\'s upstream')]),
		...upstreamChoices().map((c) => E('option', { value: c[0] }, [c[1]])),
	]);
}

function bulkModal(map: any): void {
	const area = E('textarea', { 'class': 'cbi-input-textarea', 'rows': 12, 'style': 'width:100%;font-family:monospace', 'spellcheck': 'false',
		'placeholder': 'netflix.com\nnflxvideo.net\nhttps://www.example.org/page\n203.0.113.0/24\n2001:db8::/32' }, []);
	const name = E('input', { 'type': 'text', 'class': 'cbi-input-text', 'placeholder': _('e.g. Streaming') }, []);
	const action = E('select', { 'class': 'cbi-input-select' }, ['proxy', 'direct', 'block'].map((a) => E('option', { value: a }, [actionLabel(a)])));
	const up = upstreamSelect();
	const out = E('div', {}, []);
	const row = (label: string, field: any) => E('div', { 'class': 'cbi-value' }, [E('label', { 'class': 'cbi-value-title' }, [label]), E('div', { 'class': 'cbi-value-field' }, [field])]);
	const go = (force: boolean) => {
		const b = parseBulk(String(area.value));
		const nm = String(name.value).trim();
		const badN = nm ? badLabel(nm) : null;
		if (badN) { setContent(out, E('div', { 'class': 'alert-message warning' }, [text(badN)])); return; }
		if (b.errors.length && !force) {
			setContent(out, E('div', { 'class': 'alert-message warning' }, [
				E('h4', {}, [_('%d entries are not domains or addresses').format(b.errors.length)]), issueList(b.errors),
				E('button', { 'class': 'btn', 'click': () => go(true) }, [_('Add the valid ones')]),
			]));
			return;
		}
		if (!b.domains.length && !b.dests.length) { setContent(out, E('div', { 'class': 'alert-message warning' }, [_('Nothing to add.')])); return; }
		const act = String(action.value);
		addRule(newRuleOptions(owner as string, { name: nm, action: act, upstream: act === 'proxy' ? String(up.value) : '', domain: b.domains, dest: b.dests }));
		ui.hideModal();
		ui.addNotification(null, E('p', {}, [_('Added a rule with %d domains and %d addresses (%d duplicates skipped).').format(b.domains.length, b.dests.length, b.duplicates)]), 'info');
		return map.save(null, true);
	};
	ui.showModal(_('Bulk add'), [
		E('p', {}, [_('One domain, address or CIDR per line (or separated by spaces or commas); # starts a comment. A domain also matches its subdomains. They become one rule at the end of the list.')]),
		area, row(_('Rule name'), name), row(_('Action'), action), row(_('Upstream'), up), out,
		E('div', { 'class': 'right' }, [
			E('button', { 'class': 'btn', 'click': ui.hideModal }, [_('Cancel')]), ' ',
			E('button', { 'class': 'btn cbi-button-action important', 'click': () => go(false) }, [_('Add rule')]),
		]),
	]);
}

function importModal(map: any): void {
	const area = E('textarea', { 'class': 'cbi-input-textarea', 'rows': 12, 'style': 'width:100%;font-family:monospace', 'spellcheck': 'false',
		'placeholder': 'name,enabled,action,upstream,domain,dest,proto,port,start_time,stop_time,weekdays\nVideo,1,proxy,us,video.test cdn.video.test,,,,,,' }, []);
	const file = E('input', { 'type': 'file', 'accept': '.json,.csv,application/json,text/csv' }, []);
	const replaceBox = E('input', { 'type': 'checkbox' }, []);
	const out = E('div', {}, []);
	file.addEventListener('change', () => readFile(file).then((s: string) => { area.value = s; }, (e: Error) => setContent(out, E('p', {}, [e.message]))));
	const go = () => {
		const r = importRules(String(area.value));
		if (r.errors.length) {
			setContent(out, E('div', { 'class': 'alert-message warning' }, [E('h4', {}, [_('Nothing was imported')]), issueList(r.errors)]));
			return;
		}
		if (replaceBox.checked) for (const sid of ownerRules()) uci.remove('splitwg', sid);
		for (const rule of r.rules) addRule(newRuleOptions(owner as string, toOptions(rule)));
		ui.hideModal();
		ui.addNotification(null, E('p', {}, [_('Imported %d rules.').format(r.rules.length)]), 'info');
		return map.save(null, true);
	};
	ui.showModal(_('Import rules'), [
		E('p', {}, [_('A JSON export of splitwg or CSV with a header row (name, enabled, action, upstream, domain, dest, proto, port, start_time, stop_time, weekdays; lists separated by spaces).')]),
		file, area,
		E('label', {}, [replaceBox, ' ', _('Replace the current rules (otherwise they are appended)')]),
		out,
		E('div', { 'class': 'right' }, [
			E('button', { 'class': 'btn', 'click': ui.hideModal }, [_('Cancel')]), ' ',
			E('button', { 'class': 'btn cbi-button-action important', 'click': go }, [_('Import')]),
		]),
	]);
}

// Upload a list file: its name first, then LuCI's file upload (cgi-io) to
// /etc/splitwg/lists/<name>; then what the router makes of it.
function uploadModal(): void {
	const dir = lists ? lists.dir : '/etc/splitwg/lists';
	const name = E('input', { 'type': 'text', 'class': 'cbi-input-text', 'placeholder': 'streaming.txt' }, []);
	const out = E('div', {}, []);
	const go = () => {
		const n = String(name.value).trim();
		const bad = badUploadName(n);
		if (bad) { setContent(out, E('div', { 'class': 'alert-message warning' }, [text(bad)])); return; }
		const path = `${dir}/${n}`;
		return ui.uploadFile(path).then(() => callLists()).then((r: any) => {
			if (!r || typeof r !== 'object' || isError(r)) return;
			lists = r as ListsReply;
			const f = (r as ListsReply).files.filter((x) => x.path === path)[0];
			const problems = f ? f.problems.map((p) => ({ line: p.line, text: p })) : [];
			ui.showModal(_('List file %s').format(n), [
				E('p', {}, [f ? t(listCount(f)) : _('The router does not list it.')]),
				problems.length ? issueList(problems) : E([]),
				E('p', {}, [_('Pick it in a rule\'s "List files" (Match tab); the page reloads to offer it.')]),
				E('div', { 'class': 'right' }, [E('button', { 'class': 'btn', 'click': () => { ui.hideModal(); (globalThis as any).location.reload(); } }, [_('Close')])]),
			]);
		}, (e: Error) => notifyError(e.message));
	};
	ui.showModal(_('Upload a list file'), [
		E('p', {}, [_('One domain, address or CIDR a line; # starts a comment. It is stored in %s and kept across upgrades; a rule names it in "List files". Uploading a name that exists replaces that file: the next apply reloads only the sets it fills.').format(dir)]),
		E('div', { 'class': 'cbi-value' }, [E('label', { 'class': 'cbi-value-title' }, [_('File name')]), E('div', { 'class': 'cbi-value-field' }, [name])]),
		out,
		E('div', { 'class': 'right' }, [
			E('button', { 'class': 'btn', 'click': ui.hideModal }, [_('Cancel')]), ' ',
			E('button', { 'class': 'btn cbi-button-action important', 'click': go }, [_('Choose the file…')]),
		]),
	]);
}

// The router's rule templates; one becomes a new rule set in the session
// (a name already taken gets _2, _3, …), shown next, kept by Save & Apply.
function templateModal(map: any, show: (key: string) => Promise<any>): Promise<void> {
	return callTemplates().then((r: any) => {
		const list: TemplateInfo[] = r && typeof r === 'object' && !isError(r) && Array.isArray(r.templates) ? (r as TemplatesReply).templates : [];
		const add = (tp: TemplateInfo) => {
			const name = freeName(tp.name, sections().map((x) => String(x['.name'])));
			const secs = templateSections(tp, name);
			uci.add('splitwg', 'ruleset', name);
			for (const k in secs.ruleset) uci.set('splitwg', name, k, secs.ruleset[k] as string);
			for (const o of secs.rules) addRule(o);
			ui.hideModal();
			ui.addNotification(null, E('p', {}, [_('Added the rule set %s from the template "%s" (%d rules). A client uses it once it is among its Shared rule sets (Server & clients); Save & Apply keeps it.').format(name, tp.label, secs.rules.length)]), 'info');
			return show(ownerKey('ruleset', name));
		};
		const row = (tp: TemplateInfo) => E('tr', { 'class': 'tr' }, [
			E('td', { 'class': 'td' }, [E('strong', {}, [tp.label]), E('br'), E('code', {}, [tp.name])]),
			E('td', { 'class': 'td' }, [tp.description, tp.problems.length ? E('div', { 'class': 'alert-message warning' }, [_('Invalid: %s').format(`${tp.problems[0].path}: ${tp.problems[0].message}`)]) : '']),
			E('td', { 'class': 'td', 'style': 'white-space:nowrap' }, [tp.date]),
			E('td', { 'class': 'td', 'style': 'white-space:nowrap' }, [_('%d rules, %d entries').format(tp.rules.length, tp.entries)]),
			E('td', { 'class': 'td' }, [E('button', { 'class': 'btn cbi-button-add', 'disabled': tp.problems.length || map.readonly ? '' : null, 'click': () => add(tp) }, [_('Add')])]),
		]);
		ui.showModal(_('Add a rule set from a template'), [
			E('p', {}, [_('Curated rule sets that come with splitwg. Adding one copies its rules into your configuration as a new rule set: edit it freely, a package upgrade never changes your copy.')]),
			list.length ? E('table', { 'class': 'table' }, [
				E('tr', { 'class': 'tr table-titles' }, [_('Template'), _('Description'), _('Date'), _('Size'), ''].map((h) => E('th', { 'class': 'th' }, [h]))),
				...list.map(row),
			]) : E('p', {}, [E('em', {}, [typeof r === 'number' ? _('The router did not answer (ubus status %d).').format(r) : _('The router has no templates.')])]),
			E('div', { 'class': 'right' }, [E('button', { 'class': 'btn', 'click': ui.hideModal }, [_('Close')])]),
		]);
	});
}

// A subscription fetched now (ubus update_lists: the router downloads,
// checks and, when it changed, applies); the page then shows its state.
function fetchNow(name: string): Promise<void> {
	return callUpdateLists(name).then((r: any) => {
		if (typeof r !== 'object' || isError(r)) { notifyError(isError(r) ? coreText(r.error) : _('The router did not answer')); return; }
		const rep = r as UpdateReply;
		const l = rep.lists[0];
		if (l && l.error) notifyError(_('%s: the previous copy stays').format(coreText(l.error)));
		else if (rep.applied && !rep.applied.ok) notifyError(rep.applied.message);
		(globalThis as any).location.reload();
	}, (e: Error) => notifyError(e.message));
}

function doExport(kind: 'json' | 'csv'): void {
	if (!owner) return;
	const o = parseOwner(owner);
	const rules = ownerRules().map((sid) => fromOptions(optsOf(sid)));
	const label = o && o.kind === 'ruleset' ? uci.get('splitwg', o.name, 'name') as string | null : null;
	const base = o ? `splitwg-${o.kind}-${o.name}` : 'splitwg-rules';
	if (kind === 'json') download(`${base}.json`, exportJSON(rules, owner, label ?? undefined), 'application/json');
	else download(`${base}.csv`, exportCSV(rules), 'text/csv');
}

export default view.extend({
	load: () => Promise.all([callCheck(), uci.load('splitwg'), callStatus(), callLists()]),

	render(data: any[]) {
		const chk = data[0] && typeof data[0] === 'object' && !isError(data[0]) ? data[0] as CheckReply : null;
		const st = data[2];
		// (a router older than list files has no `lists`: a number, the ubus status)
		lists = data[3] && typeof data[3] === 'object' && !isError(data[3]) ? data[3] as ListsReply : null;
		const all = owners();
		const want = decodeURIComponent(String((globalThis as any).location.hash || '').replace(/^#/, ''));
		owner = all.some((x) => x.key === want) ? want : all.length ? all[0].key : null;

		const m = new form.Map('splitwg', _('Rules'),
			_('A client\'s rules are checked in order, then those of its rule sets; the first match decides, unmatched traffic takes the client\'s default path.'));

		// ---- shared rule sets
		let s: any = namedGrid(m, 'ruleset', _('Shared rule sets'), _('Named lists of rules that several clients can use (Server & clients → client → Shared rule sets).'), _('Add rule set'), (sid: string) => _('Rule set %s').format(sid), (name) => badName(name, 32));
		s.handleRemove = function (sid: string, ev: any) {
			for (const x of sections()) {
				if (x['.type'] === 'rule' && x.ruleset === sid) uci.remove('splitwg', String(x['.name']));
				if (x['.type'] === 'client') {
					const l = uci.get('splitwg', String(x['.name']), 'ruleset');
					const arr = Array.isArray(l) ? l : l ? String(l).split(/\s+/) : [];
					if (arr.indexOf(sid) >= 0) uci.set('splitwg', String(x['.name']), 'ruleset', arr.filter((y) => y !== sid));
				}
			}
			if (owner === ownerKey('ruleset', sid)) owner = null;
			return (form.GridSection as any).prototype.handleRemove.call(this, sid, ev);
		};
		s.renderSectionAdd = function (this: any, extra: any) {
			const el = (form.GridSection as any).prototype.renderSectionAdd.call(this, extra);
			el.appendChild(E('button', {
				'class': 'cbi-button', 'style': 'margin-left:1em', 'disabled': this.map.readonly || null,
				'click': ui.createHandlerFn(this, () => templateModal(this.map, (key) => switchTo(key))),
			}, [_('Add from template…')]));
			return el;
		};
		let o: any = schemaOption(s.option(form.Value, 'name', _('Label')), 'ruleset');
		o = s.option(form.DummyValue, '_used', _('Used by'));
		o.modalonly = false;
		o.textvalue = (sid: string) => {
			const users = sections().filter((c) => c['.type'] === 'client' && (Array.isArray(c.ruleset) ? c.ruleset : String(c.ruleset ?? '').split(/\s+/)).indexOf(sid) >= 0).map((c) => String(c['.name']));
			return users.length ? plain(users.join(', ')) : E('em', {}, [_('no client')]);
		};
		o = s.option(form.DummyValue, '_count', _('Rules'));
		o.modalonly = false;
		o.textvalue = (sid: string) => {
			const key = ownerKey('ruleset', sid);
			const n = rulesOf(toSections(sections()), key).length;
			return E('a', { href: '#' + key, click: (ev: any) => { ev.preventDefault(); return switchTo(key); } }, [_('show (%d)').format(n)]);
		};

		// ---- list subscriptions: list files filled from a URL (router/subscriptions.ts)
		s = namedGrid(m, 'subscription', _('List subscriptions'),
			_('A list file fetched from a URL (one domain or address a line) by the router: when missing, and every interval. A rule uses it by its name in "List files". A failed, empty or too large download leaves the previous copy in force.'),
			_('Add subscription'), (sid: string) => _('Subscription %s').format(sid), (name) => badName(name, 32));
		o = schemaOption(s.option(form.Flag, 'enabled', _('Enabled')), 'subscription');
		o = schemaOption(s.option(form.Value, 'url', _('URL')), 'subscription');
		o.rmempty = false;
		o.placeholder = 'https://…';
		o = schemaOption(s.option(form.Value, 'interval', _('Every (hours)')), 'subscription');
		o = schemaOption(s.option(form.Value, 'max_size', _('Largest (KiB)')), 'subscription');
		o.modalonly = true;
		o = s.option(form.DummyValue, '_state', _('Last fetch'));
		o.modalonly = false;
		o.textvalue = (sid: string) => {
			const f = findList(lists, sid);
			const sub = f ? f.subscription ?? null : null;
			const parts = [t(subscriptionCount(f))];
			if (sub && sub.fetched_age !== null) parts.push(_('fetched %s').format(fmtAge(sub.fetched_age)));
			if (sub && sub.error) parts.push(_('%s: the previous copy stays').format(coreText(sub.error)));
			return E('span', {}, [plain(parts.join(' · ')), ' ',
				E('button', { 'class': 'btn cbi-button', 'disabled': m.readonly || !sub ? '' : null, 'click': ui.createHandlerFn(null, () => fetchNow(sid)) }, [_('Fetch now')])]);
		};

		// ---- the rules of one owner
		const rs: any = m.section(form.GridSection, 'rule', ownerTitle(owner));
		rs.anonymous = true;
		rs.addremove = true;
		rs.sortable = true;
		rs.nodescriptions = true;
		rs.addbtntitle = _('Add rule');
		rs.modaltitle = (sid: string) => {
			const n = uci.get('splitwg', sid, 'name');
			return esc(`${ownerTitle(owner)} » ${n ? n : _('rule %d').format(ownerRules().indexOf(sid) + 1)}`);
		};
		rs.filter = (sid: string) => owner !== null && ownerOf(optsOf(sid)) === owner;
		rs.handleAdd = function (this: any) {
			if (!owner) return Promise.resolve();
			const sid = addRule(newRuleOptions(owner, {}));
			this.addedSection = sid;
			this.map.addedSection = sid;
			return this.renderMoreOptionsModal(sid);
		};
		rs.handleStep = function (this: any, sid: string, delta: -1 | 1) {
			const mv = moveStep(ownerRules(), sid, delta);
			if (!mv) return Promise.resolve();
			uci.move('splitwg', mv.sid, mv.ref, mv.after);
			return this.map.save(null, true);
		};
		rs.renderRowActions = function (this: any, sid: string) {
			const td = (form.GridSection as any).prototype.renderRowActions.call(this, sid);
			const box = td.querySelector('div') ?? td;
			const order = ownerRules();
			const i = order.indexOf(sid);
			const ro = this.map.readonly;
			box.insertBefore(E('button', { 'class': 'btn cbi-button', 'title': _('Move down'), 'disabled': ro || i >= order.length - 1 ? '' : null,
				'click': ui.createHandlerFn(this, 'handleStep', sid, 1) }, ['▼']), box.firstChild);
			box.insertBefore(E('button', { 'class': 'btn cbi-button', 'title': _('Move up'), 'disabled': ro || i <= 0 ? '' : null,
				'click': ui.createHandlerFn(this, 'handleStep', sid, -1) }, ['▲']), box.firstChild);
			return td;
		};
		rs.renderSectionAdd = function (this: any, extra: any) {
			if (!owner) return E('em', {}, [_('Add a client (Server & clients) or a rule set first.')]);
			const ro = this.map.readonly || null;
			const el = E('div', { 'class': 'cbi-section-create' }, [
				E('button', { 'class': 'cbi-button cbi-button-add', 'disabled': ro, 'click': ui.createHandlerFn(this, 'handleAdd') }, [_('Add rule')]), ' ',
				E('button', { 'class': 'cbi-button', 'disabled': ro, 'click': ui.createHandlerFn(this, () => bulkModal(this.map)) }, [_('Bulk add…')]), ' ',
				E('button', { 'class': 'cbi-button', 'disabled': ro, 'click': ui.createHandlerFn(this, () => importModal(this.map)) }, [_('Import…')]), ' ',
				E('button', { 'class': 'cbi-button', 'disabled': ro, 'click': ui.createHandlerFn(this, () => uploadModal()) }, [_('Upload list file…')]), ' ',
				E('button', { 'class': 'cbi-button', 'click': () => doExport('json') }, [_('Export JSON')]), ' ',
				E('button', { 'class': 'cbi-button', 'click': () => doExport('csv') }, [_('Export CSV')]),
			]);
			if (extra != null) el.classList.add(extra);
			return el;
		};
		rs.tab('match', _('Match'));
		rs.tab('action', _('Action'));

		// defaults, placeholders and validators: the core's option table
		const opt = (tab: string, widget: any, name: string, title: string, help?: string) =>
			schemaOption(rs.taboption(tab, widget, name, title, help), 'rule');
		o = opt('match', form.Flag, 'enabled', _('Enabled'));
		o.editable = true;
		opt('match', form.Value, 'name', _('Name'));
		o = rs.option(form.DummyValue, '_match', _('Matches'));
		o.modalonly = false;
		o.textvalue = (sid: string) => plain(matchSummary(optsOf(sid), lists).map(t).join(' · '));
		o = opt('match', form.DynamicList, 'domain', _('Domains'), _('A domain also matches its subdomains. Resolved through the router\'s DNS, the answers fill the rule\'s address sets.'));
		o.modalonly = true;
		o = opt('match', form.DynamicList, 'dest', _('Addresses'), _('IPv4/IPv6 addresses or CIDRs.'));
		o.modalonly = true;
		o = opt('match', form.DynamicList, 'list_file', _('List files'),
			_('Files of domains and addresses, one a line: a name in /etc/splitwg/lists/ (Upload list file… below the rules) or an absolute path. A changed file reloads only its sets; open connections keep their path.'));
		o.modalonly = true;
		for (const f of lists ? lists.files : []) o.value(f.name, `${f.name} — ${t(f.subscription ? subscriptionCount(f) : listCount(f))}`);
		o = opt('match', form.MultiValue, 'proto', _('Protocols'), _('None selected: any protocol (tcp and udp when ports are given).'));
		o.modalonly = true;
		o.optional = true;
		for (const p of SCHEMA.rule.proto.values ?? []) o.value(p, p);
		o = opt('match', form.DynamicList, 'port', _('Destination ports'), _('Ports or ranges like 8000-8100.'));
		o.modalonly = true;
		o = opt('match', form.Value, 'start_time', _('From'), _('HH:MM; a window may cross midnight (20:00 to 06:30).'));
		o.modalonly = true;
		o.placeholder = '20:00';
		o = opt('match', form.Value, 'stop_time', _('Until'));
		o.modalonly = true;
		o.placeholder = '06:30';
		o = opt('match', form.MultiValue, 'weekdays', _('Weekdays'), _('None selected: every day.'));
		o.modalonly = true;
		o.optional = true;
		const dayNames = [_('Monday'), _('Tuesday'), _('Wednesday'), _('Thursday'), _('Friday'), _('Saturday'), _('Sunday')];
		WEEKDAY_NAMES.forEach((d, i) => o.value(d, dayNames[i]));

		o = opt('action', form.ListValue, 'action', _('Action'));
		o.value('proxy', _('Proxy'));
		o.value('direct', _('Direct'));
		o.value('block', _('Block'));
		o.textvalue = function (this: any, sid: string) { return actionLabel(this.cfgvalue(sid) ?? 'proxy'); };
		o = opt('action', form.ListValue, 'upstream', _('Upstream'));
		o.textvalue = function (this: any, sid: string) {
			const a = uci.get('splitwg', sid, 'action') ?? 'proxy';
			const u = this.cfgvalue(sid);
			return a !== 'proxy' ? '-' : u ? plain(upstreamLabel(u)) : E('em', {}, [_('the client\'s upstream')]);
		};
		o.value('', _('the client\'s upstream'));
		for (const c of upstreamChoices()) o.value(c[0], c[1]);
		o.depends('action', 'proxy');

		const switchTo = (key: string): Promise<any> => {
			owner = key;
			(globalThis as any).history.replaceState(null, '', '#' + key);
			rs.title = ownerTitle(key);
			setContent(picker, pickerOptions());
			setContent(note, ownerNote(key));
			return m.save(undefined, true);
		};
		const pickerOptions = () => {
			const groups: { [g: string]: any[] } = {};
			for (const x of owners()) (groups[x.group] = groups[x.group] ?? []).push(E('option', { value: x.key, selected: x.key === owner ? '' : null }, [x.label]));
			return Object.keys(groups).map((g) => E('optgroup', { label: g }, groups[g]));
		};
		const picker = E('select', { 'class': 'cbi-input-select', 'change': (ev: any) => switchTo(ev.target.value) }, pickerOptions());

		const note = E('div', {}, [ownerNote(owner)]);
		// the owner picker heads the rules section (kept across re-renders)
		rs.description = E('div', {}, [
			E('div', { 'class': 'cbi-value' }, [
				E('label', { 'class': 'cbi-value-title' }, [_('Show rules of')]), E('div', { 'class': 'cbi-value-field' }, [picker]),
			]),
			note,
		]);

		return m.render().then((node: any) => E('div', {}, [
			banner(st, chk, 'rules'), node,
		]));
	},

	handleSaveApply(ev: any, mode?: string) {
		return saveApply(this, ev, mode);
	},
});
