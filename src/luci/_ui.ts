// Browser-side helpers shared by the views: field validators backed by the
// core, problem lists, Save & Apply with a whole-config check, downloads,
// file reading, secret key fields. Pure logic lives in the other _*.ts
// modules (tested in Node); this one needs LuCI.
import { form, ui, uci, dom } from '@kuoruan/luci-types';
import { check } from '../core/config';
import { say, tr, trCore } from './_msg';
import type { CoreMsg, Described, Msg, Text } from './_msg';
import type { Bad } from '../core/values';
import { fieldOf } from './_schema';
import { age, fmtBytes as coreBytes } from '../core/format';
import { placeOf, toCoreSections, toSections } from './_uci';
import type { LuciSection, Page } from './_uci';
import type { Problem } from './_rpc';
import { groupLabel } from './_groups';
import type { GroupInfo } from './_groups';

// LuCI's gettext, for the Msg/Text values of the pure modules.
export function t(m: Msg): string {
	return tr(m, _);
}

export function text(x: Text): string {
	return say(x, _);
}

// A core message, a ubus answer carrying one, or plain text (a router's
// command output), in the user's language.
export function coreText(m: CoreMsg | Described | string): string {
	return trCore(m, _);
}

// A core validator (null = fine, else the message) → LuCI's
// validate(section_id, value): true or the translated message. Empty values
// are left to `optional`/`rmempty`.
export function validator(fn: (v: string) => Bad): (sid: string, v: any) => true | string {
	return (_sid: string, v: any) => {
		const vals: string[] = Array.isArray(v) ? v : (v == null ? [] : [String(v)]);
		for (const x of vals) {
			if (x === '') continue;
			const e = fn(x);
			if (e !== null) return coreText(e);
		}
		return true;
	};
}

// A form option of /etc/config/splitwg, set up from the core's option table
// (default, placeholder, validator: see _schema.ts).
export function schemaOption(o: any, type: string): any {
	const f = fieldOf(type, o.option);
	if (f.default !== undefined) o.default = f.default;
	if (f.placeholder !== undefined) o.placeholder = f.placeholder;
	if (f.check) o.validate = validator(f.check);
	return o;
}

export function pageUrl(page: Page, hash?: string): string {
	return L.url('admin', 'services', 'splitwg', page) + (hash ? '#' + hash : '');
}

export function sections(): LuciSection[] {
	return uci.sections('splitwg') as unknown as LuciSection[];
}

// The core's check() on what the browser holds: the saved configuration plus
// this session's unsaved changes.
export function stagedProblems(): Problem[] {
	return check(toCoreSections(sections()));
}

// A list of problems, each with where it is and a link to the page that
// edits it. `only` restricts the list to one page.
export function problemList(problems: Problem[], only?: Page): any {
	const secs = toSections(sections());
	const items: any[] = [];
	for (const p of problems) {
		const pl = placeOf(p.path, secs);
		if (only && pl.page !== only) continue;
		const where = t(pl.where) + (pl.option ? ` › ${pl.option}` : '');
		const hash = pl.owner ?? pl.sid ?? undefined;
		items.push(E('li', {}, [
			E('a', { href: pageUrl(pl.page, hash), title: p.path }, [where]), ': ', coreText(p),
		]));
	}
	return items.length ? E('ul', {}, items) : null;
}

export function problemBox(title: string, problems: Problem[], only?: Page): any {
	const list = problemList(problems, only);
	if (!list) return E([]);
	return E('div', { 'class': 'alert-message warning' }, [E('h4', {}, [title]), list]);
}

export function notifyError(message: CoreMsg | Described | string): void {
	ui.addNotification(null, E('p', {}, [coreText(message)]), 'danger');
}

// Save & Apply: save every form (which stages the changes on the router),
// check the whole configuration with the core, and apply through LuCI's
// normal UCI apply (the service reloads from its procd trigger). With
// problems, ask first: the router keeps the previous working state until a
// valid configuration is applied.
export function saveApply(view: any, ev: any, mode?: string): Promise<any> {
	return view.handleSave(ev).then(() => {
		const problems = stagedProblems();
		if (!problems.length) return ui.changes.apply(mode == '0');
		ui.showModal(_('The configuration has problems'), [
			E('p', {}, [_('The router will keep running its current configuration until these are fixed. Your changes are saved and can be applied once they are.')]),
			problemList(problems),
			E('div', { 'class': 'right' }, [
				E('button', { 'class': 'btn', 'click': ui.hideModal }, [_('Dismiss')]), ' ',
				E('button', {
					'class': 'btn cbi-button-negative',
					'click': () => { ui.hideModal(); ui.changes.apply(mode == '0'); },
				}, [_('Apply anyway')]),
			]),
		]);
	});
}

// Offer text as a file download.
export function download(name: string, body: string, mime?: string): void {
	const g = globalThis as any;
	const blob = new g.Blob([body], { type: mime ?? 'text/plain' });
	const url = g.URL.createObjectURL(blob);
	const a = E('a', { href: url, download: name, style: 'display:none' }, []);
	g.document.body.appendChild(a);
	a.click();
	g.setTimeout(() => { g.document.body.removeChild(a); g.URL.revokeObjectURL(url); }, 1000);
}

// The text of the file chosen in an <input type="file">.
export function readFile(input: any): Promise<string> {
	return new Promise((resolve, reject) => {
		const f = input.files && input.files[0];
		if (!f) return resolve('');
		if (f.size > 1024 * 1024) return reject(new Error(_('The file is larger than 1 MiB')));
		const r = new (globalThis as any).FileReader();
		r.onload = () => resolve(String(r.result));
		r.onerror = () => reject(r.error);
		r.readAsText(f);
	});
}

// A key field: masked, without LuCI's reveal button (private keys are never
// shown; the only place they appear is a peer's .conf and QR code).
export const SecretValue: any = (form.Value as any).extend({
	__name__: 'CBI.SplitwgSecret',
	password: true,
	renderWidget(section_id: string, option_index: number, cfgvalue: any) {
		const node = (form.Value as any).prototype.renderWidget.call(this, section_id, option_index, cfgvalue);
		const btn = node.querySelector('.cbi-button, button');
		if (btn) btn.parentNode.removeChild(btn);
		const input = node.querySelector('input');
		if (input) input.setAttribute('autocomplete', 'off');
		return node;
	},
	textvalue(section_id: string) {
		const v = this.cfgvalue(section_id);
		return v ? _('(set)') : E('em', {}, [_('none')]);
	},
});

export function fmtBytes(n: number | null | undefined): string {
	return n == null ? '-' : coreBytes(n);
}

export function fmtAge(s: number | null | undefined): string {
	const a = age(s ?? null);
	if (a === null) return _('never');
	if (a.unit === 's') return _('%d s ago').format(a.n);
	if (a.unit === 'm') return _('%d min ago').format(a.n);
	if (a.unit === 'h') return _('%d h ago').format(a.n);
	return _('%d d ago').format(a.n);
}

export function badge(label: string, kind: 'ok' | 'warn' | 'bad' | 'off'): any {
	const color = { ok: '#2e7d32', warn: '#b26a00', bad: '#c62828', off: '#757575' }[kind];
	return E('span', { 'class': 'label', 'style': `background:${color};color:#fff;padding:1px 6px;border-radius:3px;white-space:nowrap` }, [label]);
}

export function actionLabel(a: string): string {
	return a === 'proxy' ? _('Proxy') : a === 'direct' ? _('Direct') : a === 'block' ? _('Block') : a;
}

export function upstreamNames(): string[] {
	return sections().filter((s) => s['.type'] === 'upstream').map((s) => String(s['.name']));
}

export function groupNames(): string[] {
	return sections().filter((s) => s['.type'] === 'group').map((s) => String(s['.name']));
}

function listOpt(v: unknown): string[] {
	return Array.isArray(v) ? v.map(String) : typeof v === 'string' && v !== '' ? v.split(/\s+/) : [];
}

// A group section as the browser holds it (mode defaults as the core's table says).
export function groupInfo(name: string): GroupInfo | null {
	const s = uci.get('splitwg', name) as unknown as LuciSection | null;
	if (!s || s['.type'] !== 'group') return null;
	return { name, mode: String(s.mode ?? fieldOf('group', 'mode').default), members: listOpt(s.member) };
}

// An upstream with its label, or a group with its mode and members.
export function upstreamLabel(name: string): string {
	const g = groupInfo(name);
	if (g) return t(groupLabel(g));
	const label = uci.get('splitwg', name, 'name');
	return label ? `${name} (${label})` : name;
}

// What a client's or a rule's `upstream` can name: the upstreams, then the groups.
export function upstreamChoices(): [string, string][] {
	return upstreamNames().concat(groupNames()).map((n) => [n, upstreamLabel(n)]);
}

// Replace a node's content (dom.content with our types).
export function setContent(node: any, content: any): void {
	dom.content(node, content);
}

// Text for places where LuCI treats a string as HTML (a section's title,
// a grid cell's textvalue, a dropdown label): as a node, or escaped.
export function plain(s: string): any {
	return E('span', {}, [s]);
}

export function esc(s: string): string {
	return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', '\'': '&#39;' } as { [k: string]: string })[c]);
}

// The top of an editing page: when the router's last apply failed, a LuCI
// notification with its message and the failing fields; then the problems
// of the saved configuration that this page edits.
export function banner(st: any, chk: any, page: Page | undefined, notify?: boolean): any {
	const problems: Problem[] = chk && typeof chk === 'object' && Array.isArray(chk.problems) ? chk.problems : [];
	const la = st && typeof st === 'object' && st.last_apply ? st.last_apply : null;
	if (la && la.ok === false) {
		if (notify !== false) ui.addNotification(_('The last apply failed'), E('div', {}, [
			E('p', {}, [coreText(la)]),
			problemList(problems) ?? E([]),
			E('p', {}, [_('The router keeps running the previous working configuration.')]),
		]), 'danger');
		if (problems.length) return E([]);   // listed in the notification already
	}
	return problemBox(_('The saved configuration has problems'), problems, page);
}

// A GridSection of named sections (upstream, client, ruleset): the name is
// checked with the core's rule before LuCI creates the section.
export function namedGrid(m: any, type: string, title: string | null, desc: string | null, addTitle: string,
	modalTitle: (sid: string) => string, badNameOf: (name: string) => Bad): any {
	const s: any = title === null ? m.section(form.GridSection, type) : m.section(form.GridSection, type, title, desc ?? undefined);
	s.addremove = true;
	s.anonymous = false;
	s.nodescriptions = true;
	s.addbtntitle = addTitle;
	s.modaltitle = modalTitle;
	s.handleAdd = function (ev: any, name: string) {
		const e = badNameOf(name);
		if (e) { notifyError(e); return Promise.resolve(); }
		return (form.GridSection as any).prototype.handleAdd.call(this, ev, name);
	};
	return s;
}
