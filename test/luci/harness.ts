// A view as LuCI runs it, in a happy-dom document: the generated file
// (htdocs/…/view/splitwg/<page>.js) with the package's generated shared
// modules (splitwg/core.js, splitwg/ui.js), loaded as luci.js loads them
// (./loader.ts), and small stand-ins for the luci-base modules they
// require: E() and dom.content() with luci.js's
// semantics (markup strings are parsed, array items that are not nodes become
// text), `_()` with cbi.js's String.prototype.format for %s/%d, rpc.declare()
// answered by the test's ubus handlers, poll.add() collecting the functions
// for the test to run, uci over a parsed /etc/config/splitwg, and a form.Map
// that renders its description only and records the sections and options
// the view declares (what a test asks of its fields).
import fs from 'node:fs';
import { Window } from 'happy-dom';
import { parseUci } from '../../src/core/uci';
import { luciLoad } from './loader';

// the committed files; a test of the package passes the unpacked ones
const RES = 'luci-app-splitwg/htdocs/luci-static/resources';

export type Ubus = { [method: string]: (args: any) => any };

// A form option as the view set it up: its widget, the values it offers,
// its dependencies, and whatever the view assigned (validate, placeholder…).
export interface FormOption {
	widget: string; option: string; title?: string; description?: string; tab?: string;
	readonly values: [string, string][]; deps: { [option: string]: any }[];
	value(k: string, l?: any): void; depends(d: any, v?: any): void;
	[k: string]: any;
}
export interface FormSection {
	widget: string; type: string; title?: string; description?: string; map: any; tabs: string[]; options: FormOption[];
	[k: string]: any;
}
export interface FormMap { title: string; descr: string; sections: FormSection[] }

export interface Harness {
	view: any;
	// the shared modules, as the view got them
	core: any;
	ui: any;
	document: any;
	polls: (() => Promise<any>)[];
	calls: string[];
	// the form.Maps the view made, with their sections and options
	maps: FormMap[];
	// the text of each ui.addNotification
	notifications: string[];
	// load(), then render(): the page's node
	open(): Promise<any>;
	// every poll function once, as LuCI's poll does on each tick
	tick(): Promise<void>;
}

function evaluate(file: string, mods: { [name: string]: any }, globals: { [k: string]: any }): any {
	return luciLoad(fs.readFileSync(file, 'utf8'), mods, globals, file);
}

function format(this: string, ...a: any[]): string {
	let i = 0;
	return this.replace(/%([sd%])/g, (_m, c) => c === '%' ? '%' : c === 'd' ? String(Math.trunc(Number(a[i++]))) : String(a[i++]));
}

export function harness(page: string, config: string, ubus: Ubus, res = RES): Harness {
	const window = new Window({ url: 'http://router.lan/cgi-bin/luci/admin/services/splitwg' });
	const document = window.document;
	(window as any).String.prototype.format = format;
	(String.prototype as any).format ??= format;
	const isNode = (x: any) => x !== null && typeof x === 'object' && typeof x.nodeType === 'number';
	const append = (node: any, children: any): void => {
		if (Array.isArray(children)) {
			for (const c of children) node.appendChild(isNode(c) ? c : document.createTextNode(String(c)));
		} else if (typeof children === 'function') append(node, children(node));
		else if (isNode(children)) node.appendChild(children);
		else if (children !== null && children !== undefined) node.innerHTML = String(children);
	};
	const E = (html: any, attr?: any, data?: any): any => {
		if (Array.isArray(html)) { const f = document.createDocumentFragment(); append(f, html); return f; }
		const el = typeof html === 'string' && html.charCodeAt(0) === 60
			? new window.DOMParser().parseFromString(html, 'text/html').body.firstChild
			: document.createElement(html);
		if (attr && typeof attr === 'object' && !Array.isArray(attr) && !isNode(attr)) {
			for (const k in attr) {
				if (typeof attr[k] === 'function') el.addEventListener(k, attr[k]);
				else if (attr[k] !== null && attr[k] !== undefined) el.setAttribute(k, typeof attr[k] === 'object' ? JSON.stringify(attr[k]) : String(attr[k]));
			}
			append(el, data);
		} else append(el, attr);
		return el;
	};
	const dom = { content: (node: any, c: any) => { while (node.firstChild) node.removeChild(node.firstChild); append(node, c); } };

	// uci: the sections as uci.sections() gives them
	const secs = parseUci(config).sections.map((s, i) => ({ '.name': s.name, '.type': s.type, '.anonymous': s.anonymous, '.index': i, ...s.options }));
	const uci = {
		load: () => Promise.resolve(['splitwg']),
		sections: (_c: string, type?: string) => secs.filter((s) => !type || s['.type'] === type),
		get: (_c: string, sid: string, opt?: string) => { const s: any = secs.find((x) => x['.name'] === sid); return s ? (opt ? s[opt] ?? null : s) : null; },
		add: () => 'new',
	};
	const calls: string[] = [];
	const rpc = {
		declare: (d: { object: string, method: string, params?: string[] }) => (...a: any[]) => {
			calls.push(`${d.object}.${d.method}`);
			const h = ubus[`${d.object}.${d.method}`];
			const args = Object.fromEntries((d.params ?? []).map((p, i) => [p, a[i]]));
			return Promise.resolve(h ? h(args) : 4 /* UBUS_STATUS_NOT_FOUND */);
		},
	};
	const polls: (() => Promise<any>)[] = [];
	const poll = { add: (fn: () => Promise<any>) => { polls.push(fn); } };
	// (ui.js extends some widgets at load time: LuCI's Class.extend)
	const widget = (name: string): any => ({ widget: name, extend: (o: { __name__?: string }) => widget(o.__name__ ?? `${name}+`), prototype: {} });
	const form: { [name: string]: any } = { Map: null };
	for (const w of ['NamedSection', 'GridSection', 'TableSection', 'TypedSection', 'Value', 'Flag', 'ListValue', 'DynamicList', 'MultiValue', 'TextValue', 'DummyValue', 'Button'])
		form[w] = widget(w);
	// what a view declares: its sections and their options, as set up
	const maps: FormMap[] = [];
	const option = (w: any, name: string, title?: string, description?: string, tab?: string): FormOption => {
		// (value() as LuCI's AbstractValue keeps them: keylist, vallist)
		const o: FormOption = { widget: w.widget, option: name, title, description, tab, deps: [],
			get values(): [string, string][] { return (this.keylist ?? []).map((k: string, i: number) => [k, typeof this.vallist[i] === 'string' ? this.vallist[i] : String(this.vallist[i].textContent)]); },
			value(k: string, l?: any) { (this.keylist ??= []).push(String(k)); (this.vallist ??= []).push(l != null && typeof l === 'object' ? l : String(l ?? k)); },
			depends(d: any, v?: any) { this.deps.push(typeof d === 'object' ? d : { [d]: v }); } };
		return o;
	};
	class Map { title: string; descr: string; sections: FormSection[] = [];
		constructor(_c: any, title: string, descr: string) { this.title = title; this.descr = descr; maps.push(this as unknown as FormMap); }
		section(w: any, type: string, title?: string, description?: string) {
			const sec: FormSection = { widget: w.widget, type, title, description, map: this, tabs: [], options: [],
				tab(name: string) { this.tabs.push(name); },
				taboption(tab: string, w2: any, name: string, t?: string, d?: string) { const o = option(w2, name, t, d, tab); this.options.push(o); return o; },
				option(w2: any, name: string, t?: string, d?: string) { const o = option(w2, name, t, d); this.options.push(o); return o; } };
			this.sections.push(sec);
			return sec;
		}
		render() { return Promise.resolve(E('div', { 'class': 'cbi-map' }, [E('h2', {}, [this.title]), E('div', { 'class': 'cbi-map-descr' }, [this.descr])])); } }
	form.Map = Map;
	form.JSONMap = Map;
	const notifications: string[] = [];
	const ui = { createHandlerFn: (_c: any, f: any) => f, addNotification: (_t: any, body: any) => { notifications.push(String(body?.textContent ?? body)); },
		showModal: () => {}, hideModal: () => {}, changes: {} };
	const baseclass = { extend: (o: object) => o };
	const view = { extend: (p: object) => p };
	const globals = { window, document, E, _: (s: string) => s, N_: (s: string) => s, L: {
		url: (...p: string[]) => `/cgi-bin/luci/${p.join('/')}`,
		resolveDefault: (p: any, d: any) => Promise.resolve(p).then((x) => x, () => d),
	}, globalThis: window };
	const luci = { baseclass, view, form, uci, poll, ui, rpc, dom };
	const swcore = evaluate(`${res}/splitwg/core.js`, luci, globals);
	const swui = evaluate(`${res}/splitwg/ui.js`, { ...luci, 'splitwg.core': swcore }, globals);
	const v = evaluate(`${res}/view/splitwg/${page}.js`, { ...luci, 'splitwg.core': swcore, 'splitwg.ui': swui }, globals);
	return {
		view: v, core: swcore, ui: swui, document, polls, calls, maps, notifications,
		open: async () => v.render(await v.load()),
		tick: async () => { await Promise.all(polls.map((f) => f())); },
	};
}
