// Screenshot of a view in the real LuCI runtime, in headless Chromium (Debian's
// `chromium`): a small server gives the page LuCI's view.ut would (bootstrap
// theme, luci.js, cbi.js), LuCI's own htdocs from a LuCI checkout, our
// generated htdocs, our .po as window.TR, and /ubus answered from a fixture
// module. The shot is taken SHOT_WAIT ms (default 2000) after loading: LuCI polls every
// 5 s, so SHOT_WAIT=60000 gives the overview's traffic chart about 12 samples.
//
//   node --import tsx --import ./test/setup.ts tools/luci/shot.mjs LUCI_SRC PAGE FIXTURE.ts OUT.png [LANG] [SELECTOR]
//
// LUCI_SRC: a LuCI source tree (modules/luci-base/htdocs, themes/luci-theme-bootstrap/htdocs).
// FIXTURE: exports `config` (/etc/config/splitwg text) and `ubus(object, method, args, n)`
// (n: how many times that method was called before). SELECTOR: scrolled into view.
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import { parseUci } from '../../src/core/uci.ts';

const [luci, page, fixtureFile, out, lang = 'en', selector = ''] = process.argv.slice(2);
if (!out) { console.error('usage: shot.mjs LUCI_SRC PAGE FIXTURE.ts OUT.png [LANG] [SELECTOR]'); process.exit(2); }
const fixture = await import(pathToFileURL(path.resolve(fixtureFile)).href);
const ROOTS = [
	['/luci-static/bootstrap/', `${luci}/themes/luci-theme-bootstrap/htdocs/luci-static/bootstrap/`],
	['/luci-static/resources/splitwg/', 'luci-app-splitwg/htdocs/luci-static/resources/splitwg/'],
	['/luci-static/resources/view/splitwg/', 'luci-app-splitwg/htdocs/luci-static/resources/view/splitwg/'],
	['/luci-static/resources/', `${luci}/modules/luci-base/htdocs/luci-static/resources/`],
];
const TYPES = { '.js': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml', '.png': 'image/png' };

// msgid → msgstr of our catalog (what po2lmo would compile for cbi.js's _())
function catalog() {
	if (lang === 'en') return {};
	const po = fs.readFileSync(`luci-app-splitwg/po/${lang}/splitwg.po`, 'utf8');
	const tr = {};
	const str = (s) => JSON.parse(s);
	for (const m of po.matchAll(/^msgid ("(?:[^"\\]|\\.)*")\nmsgstr ("(?:[^"\\]|\\.)*")$/gm))
		if (str(m[1]) && str(m[2])) tr[str(m[1])] = str(m[2]);
	return tr;
}

const uciValues = Object.fromEntries(parseUci(fixture.config).sections.map((s, i) =>
	[s.name, { '.name': s.name, '.type': s.type, '.anonymous': s.anonymous, '.index': i, ...s.options }]));

const counts = {};
function call(object, method, args) {
	const k = `${object}.${method}`;
	const n = counts[k] = (counts[k] ?? -1) + 1;
	if (object === 'session' && method === 'access') return { access: true };
	if (object === 'uci' && method === 'get') return args.config === 'splitwg' ? { values: uciValues } : { values: {} };
	if (object === 'luci' && method === 'getFeatures') return {};
	const r = fixture.ubus(object, method, args, n);
	return r === undefined ? null : r;
}

function ubus(req) {
	const one = (q) => {
		if (q.method === 'list') return { jsonrpc: '2.0', id: q.id, result: {} };
		const [, object, method, args] = q.params;
		const r = call(object, method, args ?? {});
		return { jsonrpc: '2.0', id: q.id, result: r === null ? [4] : [0, r] };
	};
	return Array.isArray(req) ? req.map(one) : one(req);
}

const env = {
	media: '/luci-static/bootstrap', resource: '/luci-static/resources', scriptname: '/cgi-bin/luci',
	pathinfo: `/admin/services/splitwg/${page}`, documentroot: '/www', requestpath: ['admin', 'services', 'splitwg', page],
	dispatchpath: ['admin', 'services', 'splitwg', page], pollinterval: 5, ubuspath: '/ubus/', sessionid: 'shot', token: 'shot',
	nodespec: { action: { type: 'view', path: `splitwg/${page}` } }, apply_rollback: 90, apply_holdoff: 4, apply_timeout: 5, apply_display: 1.5, rollback_token: null,
};
const html = `<!DOCTYPE html>
<html lang="${lang}"><head><meta charset="utf-8"><title>OpenWrt | Split WireGuard</title>
<link rel="stylesheet" href="/luci-static/bootstrap/cascade.css">
<script src="/luci-static/resources/cbi.js"></script>
<script>window.TR = {}; (function (po) { for (var k in po) TR[sfh(k)] = po[k]; })(${JSON.stringify(catalog())});</script>
</head><body class="lang_${lang}" data-page="admin-services-splitwg-${page}">
<header><a class="brand" href="/">OpenWrt</a><ul class="nav" id="topmenu" style="display:none"></ul><div id="indicators" class="pull-right"></div></header>
<div id="maincontent" class="container"><div id="tabmenu"></div>
<script src="/luci-static/resources/luci.js"></script>
<script>L = new LuCI(${JSON.stringify(env)});</script>
<div id="view"><div class="spinning">Loading view…</div>
<script>L.require('ui').then(function (ui) { ui.instantiateView('splitwg/${page}'); });</script></div>
</div></body></html>`;

const server = http.createServer((req, res) => {
	const url = new URL(req.url, 'http://x');
	if (req.method === 'POST' && url.pathname === '/ubus/') {
		let body = '';
		req.on('data', (c) => { body += c; });
		req.on('end', () => { res.setHeader('content-type', 'application/json'); res.end(JSON.stringify(ubus(JSON.parse(body)))); });
		return;
	}
	if (url.pathname === `/cgi-bin/luci/admin/services/splitwg/${page}`) { res.setHeader('content-type', 'text/html'); res.end(html); return; }
	for (const [prefix, dir] of ROOTS) {
		if (!url.pathname.startsWith(prefix)) continue;
		const f = path.join(dir, url.pathname.slice(prefix.length));
		if (fs.existsSync(f) && fs.statSync(f).isFile()) { res.setHeader('content-type', TYPES[path.extname(f)] ?? 'application/octet-stream'); res.end(fs.readFileSync(f)); return; }
	}
	res.statusCode = 404;
	res.end();
});
// Chromium over the DevTools protocol on a pipe (fd 3 in, fd 4 out; messages end in NUL).
function devtools(url) {
	const p = spawn('chromium', ['--headless', '--no-sandbox', '--disable-gpu', '--hide-scrollbars', `--lang=${lang}`,
		'--window-size=1100,1250', '--remote-debugging-pipe', url], { stdio: ['ignore', 'ignore', 'pipe', 'pipe', 'pipe'] });
	let id = 0, buf = '';
	const waiting = {};
	p.stdio[4].on('data', (d) => {
		buf += d.toString();
		let i;
		while ((i = buf.indexOf('\0')) >= 0) {
			const m = JSON.parse(buf.slice(0, i));
			buf = buf.slice(i + 1);
			if (m.id && waiting[m.id]) { waiting[m.id](m); delete waiting[m.id]; }
		}
	});
	const send = (method, params = {}, sessionId) => new Promise((resolve) => {
		waiting[++id] = resolve;
		p.stdio[3].write(JSON.stringify({ id, method, params, sessionId }) + '\0');
	});
	return { p, send };
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

server.listen(0, '127.0.0.1', async () => {
	const port = server.address().port;
	const { p, send } = devtools('about:blank');
	const { result: { targetInfos } } = await send('Target.getTargets');
	const target = targetInfos.find((t) => t.type === 'page');
	const { result: { sessionId } } = await send('Target.attachToTarget', { targetId: target.targetId, flatten: true });
	await send('Page.navigate', { url: `http://127.0.0.1:${port}/cgi-bin/luci/admin/services/splitwg/${page}` }, sessionId);
	// LuCI polls every 5 s: SAMPLES polls' worth of real time
	await sleep(Number(process.env.SHOT_WAIT ?? 2000));
	if (selector) await send('Runtime.evaluate', { expression: `(function (n) { if (n) n.scrollIntoView(); })(document.querySelector(${JSON.stringify(selector)}))` }, sessionId);
	await sleep(300);
	const shot = await send('Page.captureScreenshot', { format: 'png' }, sessionId);
	fs.writeFileSync(out, Buffer.from(shot.result.data, 'base64'));
	p.kill();
	server.close();
	console.log(`${out}: ${JSON.stringify(counts)}`);
});
