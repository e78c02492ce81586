// A LuCI page of ours in a real browser, for the screenshots (tools/screens/shot.mjs):
// LuCI's own client side (luci.js, ui.js, form.js … and the bootstrap theme,
// from a LuCI source tree given as LUCI_SRC: never copied into this repository),
// our generated views, and behind /ubus the router's own `splitwg` methods
// (src/router/api.ts) on the test routers' fake Env with the golden "home"
// configuration and the packaged templates. rpcd's uci and session objects are
// reproduced only as far as the views need them (read, ACL allowed).
// A page opened with ?counters=1 gets the running counters of
// test/fixtures/luci-traffic.ts for `splitwg stats` and `status` instead (the
// fake router has no traffic), counted from when the page was opened.
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import { methods } from '../../src/router/api';
import { PATHS } from '../../src/router/env';
import { fakeRouter } from '../../test/router/fakes';
import { openwrt, HOME } from '../../test/router/openwrt';
import { traffic } from '../../test/fixtures/luci-traffic';

const TYPES: { [ext: string]: string } = { '.js': 'application/javascript', '.css': 'text/css', '.svg': 'image/svg+xml', '.png': 'image/png', '.json': 'application/json' };
const TPL = 'files/usr/share/splitwg/templates';

/** LuCI's htdocs roots in a LuCI source tree, checked */
export function luciRoots(luci: string): string[] {
	if (!fs.existsSync(path.join(luci, 'modules/luci-base/htdocs/luci-static/resources/luci.js')))
		throw new Error(`LUCI_SRC "${luci}" must name a LuCI source tree (modules/luci-base, themes/luci-theme-bootstrap)`);
	return [path.join(luci, 'modules/luci-base/htdocs'), path.join(luci, 'themes/luci-theme-bootstrap/htdocs')];
}

// our .po: msgid → msgstr, made into window.TR after cbi.js, by its own
// sfh() (the key LuCI's compiled catalogs use)
function translations(lang: string): string {
	const po = `luci-app-splitwg/po/${lang}/splitwg.po`;
	const tr: { [k: string]: string } = {};
	if (fs.existsSync(po)) {
		const str = (s: string) => JSON.parse(`[${s.trim().split('\n').map((l) => l.trim()).join(',')}]`).join('');
		for (const m of fs.readFileSync(po, 'utf8').matchAll(/^msgid ((?:".*"\n)+)msgstr ((?:".*"\n)+)/gm)) {
			const id = str(m[1]), s = str(m[2]);
			if (id && s) tr[id] = s;
		}
	}
	return `window.TR_PO=${JSON.stringify(tr)};`;
}

// what LuCI's view.ut gives a view; the session id carries ?counters (when the page opened)
function page(view: string, lang: string, counters: boolean): string {
	const sid = counters ? `counters-${Date.now()}` : 'screens';
	const env = {
		media: '/luci-static/bootstrap', resource: '/luci-static/resources', scriptname: '/cgi-bin/luci', pathinfo: `/admin/services/splitwg/${view}`,
		documentroot: '/www', requestpath: ['admin', 'services', 'splitwg', view], dispatchpath: ['admin', 'services', 'splitwg', view],
		pollinterval: 5, ubuspath: '/ubus/', sessionid: sid, token: sid, nodespec: { action: { type: 'view', path: `splitwg/${view}` } },
		apply_rollback: 90, apply_holdoff: 4, apply_timeout: 5, apply_display: 1.5, rollback_token: null,
	};
	return `<!DOCTYPE html><html lang="${lang}" data-darkmode="false"><head><meta charset="utf-8"><title>OpenWrt | Split WireGuard</title>
<link rel="stylesheet" href="/luci-static/bootstrap/cascade.css">
<script src="/cgi-bin/luci/admin/translations/${lang}"></script><script src="/luci-static/resources/cbi.js"></script>
<script>window.TR = {}; for (var k in TR_PO) TR[sfh(trimws(k))] = TR_PO[k];</script></head>
<body class="lang_${lang}" data-page="admin-services-splitwg-${view}"><header><a class="brand" href="/">OpenWrt</a><ul class="nav" id="topmenu" style="display:none"></ul><div id="indicators" class="pull-right"></div></header>
<div id="maincontent" class="container"><div id="view"><div class="spinning">Loading view…</div></div></div>
<script src="/luci-static/resources/luci.js"></script>
<script>L = new LuCI(${JSON.stringify(env)}); L.require('ui').then(function(ui) { ui.instantiateView('splitwg/${view}'); });</script>
</body></html>`;
}

/** The screenshot server: LuCI's runtime from `luci` (a LuCI source tree; without it only /ubus
 * and the pages), and `ubus`, what it answers a `call` with (rpcd's [code, reply]). */
export function screens(luci?: string) {
	const roots = ['luci-app-splitwg/htdocs', ...(luci ? luciRoots(luci) : [])];
	const files = Object.fromEntries(fs.readdirSync(TPL).map((f) => [`${PATHS.templates}/${f}`, fs.readFileSync(path.join(TPL, f), 'utf8')]));
	const router = fakeRouter({ uci: openwrt(HOME), files });
	const api = methods(() => router.env);

	// rpcd: the uci and session objects as far as the views use them, ours from api.ts
	function ubus(sid: string, object: string, method: string, args: any): [number, any?] {
		if (object === 'session' && method === 'access') return [0, { access: true }];
		if (object === 'luci' && method === 'getFeatures') return [0, {}];
		if (object === 'luci-rpc' && (method === 'getHostHints' || method === 'getNetworkDevices')) return [0, {}];
		if (object === 'file' && method === 'list') return [0, { entries: [] }];
		// with the session's staged changes, as rpcd answers
		if (object === 'uci' && method === 'get') return [0, { values: router.uci.get_all(args.config) ?? {} }];
		if (object === 'uci' && method === 'changes') return [0, { changes: {} }];
		// a session's staged changes: kept in the fake router's uncommitted state
		if (object === 'uci' && (method === 'add' || method === 'set')) {
			const s = method === 'add' ? args.name : args.section;
			if (method === 'add') router.uci.set(args.config, s, args.type);
			for (const k in args.values ?? {}) router.uci.set(args.config, s, k, args.values[k]);
			return [0, method === 'add' ? { section: s } : {}];
		}
		if (object === 'uci' && method === 'delete') { router.uci.delete(args.config, args.section, args.option); return [0, {}]; }
		if (object === 'splitwg') {
			const opened = /^counters-(\d+)$/.exec(sid);
			const live = opened ? traffic(method, Number(opened[1])) : undefined;
			if (live !== undefined) return [0, live];
			if (api[method]) {
				const { ubus_rpc_session: _s, ...a } = args ?? {};
				return [0, api[method].call({ args: a })];
			}
		}
		return [3];
	}

	function rpc(body: string): unknown {
		const q = JSON.parse(body);
		const one = (c: any) => {
			if (c.method !== 'call' || !Array.isArray(c.params)) return { jsonrpc: '2.0', id: c.id, result: {} };
			try { return { jsonrpc: '2.0', id: c.id, result: ubus(c.params[0], c.params[1], c.params[2], c.params[3] ?? {}) }; } catch (e) { console.error(e); return { jsonrpc: '2.0', id: c.id, result: [1] }; }
		};
		return Array.isArray(q) ? q.map(one) : one(q);
	}

	const server = http.createServer((req, res) => {
		const url = new URL(req.url ?? '/', 'http://localhost');
		const send = (type: string, body: string | Buffer) => { res.setHeader('Content-Type', type); res.end(body); };
		if (req.method === 'POST' && url.pathname.startsWith('/ubus')) {
			let body = '';
			req.on('data', (c) => { body += c; });
			req.on('end', () => send('application/json', JSON.stringify(rpc(body))));
			return;
		}
		const tr = /^\/cgi-bin\/luci\/admin\/translations\/([A-Za-z_]+)/.exec(url.pathname);
		if (tr) return send('application/javascript', translations(tr[1]));
		if (url.pathname === '/cgi-bin/luci/admin/menu') return send('application/json', '{}');
		const view = /^\/cgi-bin\/luci\/admin\/services\/splitwg\/([a-z]+)$/.exec(url.pathname);
		if (view) return send('text/html; charset=utf-8', page(view[1], url.searchParams.get('lang') ?? 'en', url.searchParams.has('counters')));
		if (url.pathname === '/favicon.ico') { res.statusCode = 204; res.end(); return; }
		for (const r of roots) {
			const f = path.join(r, path.normalize(url.pathname));
			if (f.startsWith(r) && fs.existsSync(f) && fs.statSync(f).isFile()) return send(TYPES[path.extname(f)] ?? 'application/octet-stream', fs.readFileSync(f));
		}
		res.statusCode = 404;
		res.end('not found');
	});
	return { server, ubus, router };
}
