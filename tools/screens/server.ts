// A LuCI page of ours in a real browser, for screenshots (tools/screens/shot.ts):
// LuCI's own client side (luci.js, ui.js, form.js … and the bootstrap theme,
// from a LuCI checkout given as LUCI_SRC: never copied into this repository),
// our generated views, and behind /ubus the router's own `splitwg` methods
// (src/router/api.ts) on the test routers' fake Env with the golden "home"
// configuration and the packaged templates. rpcd's uci and session objects are
// reproduced only as far as the views need them (read, ACL allowed).
//   LUCI_SRC=/path/to/luci node --import tsx --import ./test/setup.ts tools/screens/server.ts [port]
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import { methods } from '../../src/router/api';
import { PATHS } from '../../src/router/env';
import { fakeRouter } from '../../test/router/fakes';
import { openwrt, HOME } from '../../test/router/openwrt';

const LUCI = process.env.LUCI_SRC ?? '';
if (!fs.existsSync(path.join(LUCI, 'modules/luci-base/htdocs/luci-static/resources/luci.js')))
	throw new Error('LUCI_SRC must name a LuCI source tree (modules/luci-base, themes/luci-theme-bootstrap)');
const ROOTS = ['luci-app-splitwg/htdocs', path.join(LUCI, 'modules/luci-base/htdocs'), path.join(LUCI, 'themes/luci-theme-bootstrap/htdocs')];
const TYPES: { [ext: string]: string } = { '.js': 'application/javascript', '.css': 'text/css', '.svg': 'image/svg+xml', '.png': 'image/png', '.json': 'application/json' };

const TPL = 'files/usr/share/splitwg/templates';
const files = Object.fromEntries(fs.readdirSync(TPL).map((f) => [`${PATHS.templates}/${f}`, fs.readFileSync(path.join(TPL, f), 'utf8')]));
const router = fakeRouter({ uci: openwrt(HOME), files });
const api = methods(() => router.env);

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

function page(view: string, lang: string): string {
	const env = {
		media: '/luci-static/bootstrap', resource: '/luci-static/resources', scriptname: '/cgi-bin/luci', pathinfo: `/admin/services/splitwg/${view}`,
		documentroot: '/www', requestpath: ['admin', 'services', 'splitwg', view], dispatchpath: ['admin', 'services', 'splitwg', view],
		pollinterval: 5, ubuspath: '/ubus/', sessionid: 'screens', token: 'screens', nodespec: { action: { type: 'view', path: `splitwg/${view}` } },
		apply_rollback: 90, apply_holdoff: 4, apply_timeout: 5, apply_display: 1.5, rollback_token: null,
	};
	return `<!DOCTYPE html><html lang="${lang}" data-darkmode="false"><head><meta charset="utf-8"><title>OpenWrt | Split WireGuard</title>
<link rel="stylesheet" href="/luci-static/bootstrap/cascade.css">
<script src="/cgi-bin/luci/admin/translations/${lang}"></script><script src="/luci-static/resources/cbi.js"></script>
<script>window.TR = {}; for (var k in TR_PO) TR[sfh(trimws(k))] = TR_PO[k];</script></head>
<body class="lang_${lang}"><header><a class="brand" href="/">OpenWrt</a><ul class="nav" id="topmenu" style="display:none"></ul><div id="indicators" class="pull-right"></div></header>
<div id="maincontent" class="container"><div id="view"><div class="spinning">Loading view…</div></div></div>
<script src="/luci-static/resources/luci.js"></script>
<script>L = new LuCI(${JSON.stringify(env)}); L.require('ui').then(function(ui) { ui.instantiateView('splitwg/${view}'); });</script>
</body></html>`;
}

// rpcd: the uci and session objects as far as the views use them, ours from api.ts
function ubus(object: string, method: string, args: any): [number, any?] {
	if (object === 'session' && method === 'access') return [0, { access: true }];
	if (object === 'luci' && method === 'getFeatures') return [0, {}];
	if (object === 'luci-rpc' && (method === 'getHostHints' || method === 'getNetworkDevices')) return [0, {}];
	if (object === 'file' && method === 'list') return [0, { entries: [] }];
	if (object === 'uci' && method === 'get') {
		// with the session's staged changes, as rpcd answers
		return [0, { values: router.uci.get_all(args.config) ?? {} }];
	}
	if (object === 'uci' && method === 'changes') return [0, { changes: {} }];
	// a session's staged changes: kept in the fake router's uncommitted state
	if (object === 'uci' && (method === 'add' || method === 'set')) {
		const sid = method === 'add' ? args.name : args.section;
		if (method === 'add') router.uci.set(args.config, sid, args.type);
		for (const k in args.values ?? {}) router.uci.set(args.config, sid, k, args.values[k]);
		return [0, method === 'add' ? { section: sid } : {}];
	}
	if (object === 'uci' && method === 'delete') { router.uci.delete(args.config, args.section, args.option); return [0, {}]; }
	if (object === 'splitwg' && api[method]) {
		const { ubus_rpc_session: _s, ...a } = args ?? {};
		return [0, api[method].call({ args: a })];
	}
	return [3];
}

const server = http.createServer((req, res) => {
	const url = new URL(req.url ?? '/', 'http://localhost');
	if (req.method === 'POST' && url.pathname.startsWith('/ubus')) {
		let body = '';
		req.on('data', (c) => { body += c; });
		req.on('end', () => {
			const q = JSON.parse(body);
			const one = (c: any) => {
				if (c.method !== 'call' || !Array.isArray(c.params)) return { jsonrpc: '2.0', id: c.id, result: {} };
				try { return { jsonrpc: '2.0', id: c.id, result: ubus(c.params[1], c.params[2], c.params[3]) }; } catch (e) { console.error(e); return { jsonrpc: '2.0', id: c.id, result: [1] }; }
			};
			res.setHeader('Content-Type', 'application/json');
			res.end(JSON.stringify(Array.isArray(q) ? q.map(one) : one(q)));
		});
		return;
	}
	const tr = /^\/cgi-bin\/luci\/admin\/translations\/([A-Za-z_]+)/.exec(url.pathname);
	if (tr) { res.setHeader('Content-Type', 'application/javascript'); res.end(translations(tr[1])); return; }
	if (url.pathname === '/favicon.ico') { res.statusCode = 204; res.end(); return; }
	if (url.pathname === '/cgi-bin/luci/admin/menu') { res.setHeader('Content-Type', 'application/json'); res.end('{}'); return; }
	const view = /^\/cgi-bin\/luci\/admin\/services\/splitwg\/([a-z]+)$/.exec(url.pathname);
	if (view) { res.setHeader('Content-Type', 'text/html; charset=utf-8'); res.end(page(view[1], url.searchParams.get('lang') ?? 'en')); return; }
	for (const r of ROOTS) {
		const f = path.join(r, path.normalize(url.pathname));
		if (f.startsWith(r) && fs.existsSync(f) && fs.statSync(f).isFile()) {
			res.setHeader('Content-Type', TYPES[path.extname(f)] ?? 'application/octet-stream');
			res.end(fs.readFileSync(f));
			return;
		}
	}
	res.statusCode = 404;
	res.end('not found');
});
server.listen(Number(process.argv[2] ?? 8099), '127.0.0.1', () => console.error(`http://127.0.0.1:${(server.address() as any).port}/cgi-bin/luci/admin/services/splitwg/rules`));
