// The screenshots in docs/screenshots/: each page of ours served by server.ts
// (LuCI's runtime from LUCI_SRC, /ubus from the router's api on a fake router)
// in Debian's headless chromium, driven over the DevTools pipe (no browser
// library). Each shot is taken in English and Chinese: NAME.png, NAME.zh_Hans.png.
// Fails on a page error, a console error or a request the server did not answer.
//
//   LUCI_SRC=/path/to/luci node tools/screens/shot.mjs [NAME…]     (none: every shot)
//   LUCI_SRC=/path/to/luci node tools/screens/shot.mjs --serve [PORT]  (the server alone, for a browser)
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { register } from 'tsx/esm/api';

register();
await import('../../test/setup.ts');       // ucode's builtins, for the router code
const { screens } = await import('./server.ts');

// what each shot shows: the page (and its #hash), what a user does there (run in the page, with
// click(selector, i) and until(selector)), `wait` ms, then the whole page or
// the window: with `scroll`, scrolled to that element; with `modal`, the dialog
// as it covers the window
const SHOTS = {
	overview: { view: 'overview', counters: true, wait: 11000 },   // two polls: rates
	upstreams: { view: 'upstreams', counters: true },    // us and eu up, as on the overview
	'upstreams-edit': { view: 'upstreams', counters: true, modal: true, act: `await click('.cbi-section-table-row .cbi-button-edit'); await until('.modal .cbi-map')` },
	clients: { view: 'clients' },
	'clients-qr': { view: 'clients', modal: true, act: `await click('[data-name="_conf"] button'); await until('.modal svg')` },
	rules: { view: 'rules', hash: 'client:laptop' },
	'rules-template': { view: 'rules', modal: true, act: `await click('#cbi-splitwg-ruleset .cbi-section-create button', -1); await until('.modal table')` },
	tester: { view: 'tester', act: `
		// as if typed: LuCI's widget of the field, then its change event (the fields' dependencies)
		const set = async (name, v) => {
			const w = L.dom.findClassInstance(document.querySelector('[data-name="' + name + '"] .cbi-value-field > *'));
			w.setValue(v); w.node.dispatchEvent(new CustomEvent('widget-change', { bubbles: true }));
			await new Promise((r) => setTimeout(r, 100));
		};
		await set('client', 'laptop'); await set('destination', '192.0.2.80'); await set('proto', 'tcp'); await set('port', '8080');
		await click('.cbi-button-action.important'); await until('.cbi-page-actions ~ div > *')` },
	// LuCI polls every 5 s: a minute open gives the chart about 12 samples
	traffic: { view: 'overview', counters: true, wait: 62000, scroll: 'div.cbi-section:has([data-traffic])' },
};
const LANGS = { en: 'en-US', zh_Hans: 'zh-CN' };
const WIDTH = 1280, HEIGHT = 900;

// Chromium on the DevTools pipe: fd 3 to it, fd 4 from it, each message JSON ending in NUL
function chromium() {
	const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'splitwg-shot-'));
	const p = spawn('chromium', ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
		'--disable-background-networking', '--disable-component-update', '--disable-sync', '--hide-scrollbars',
		`--user-data-dir=${profile}`, '--remote-debugging-pipe', 'about:blank'], { stdio: ['ignore', 'ignore', 'ignore', 'pipe', 'pipe'] });
	let id = 0, buf = '';
	const waiting = {}, listeners = [];
	p.stdio[4].on('data', (d) => {
		buf += d.toString();
		for (let i; (i = buf.indexOf('\0')) >= 0; buf = buf.slice(i + 1)) {
			const m = JSON.parse(buf.slice(0, i));
			if (m.id && waiting[m.id]) { waiting[m.id](m); delete waiting[m.id]; } else if (m.method) for (const l of listeners) l(m);
		}
	});
	const send = (method, params = {}, sessionId) => new Promise((resolve, reject) => {
		waiting[++id] = (m) => m.error ? reject(new Error(`${method}: ${m.error.message}`)) : resolve(m.result);
		p.stdio[3].write(JSON.stringify({ id, method, params, sessionId }) + '\0');
	});
	const close = () => new Promise((resolve) => {
		p.once('exit', () => { fs.rmSync(profile, { recursive: true, force: true, maxRetries: 5 }); resolve(); });
		send('Browser.close').catch(() => p.kill());
	});
	return { send, on: (l) => listeners.push(l), close };
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const HELPERS = `const until = async (sel, ms = 10000) => { for (let t = 0; !document.querySelector(sel); t += 100) { if (t > ms) throw new Error('no ' + sel); await new Promise((r) => setTimeout(r, 100)); } };
	const click = async (sel, i = 0) => { if (typeof sel === 'string') { await until(sel); const all = document.querySelectorAll(sel); sel = all[i < 0 ? all.length + i : i]; } if (!sel) throw new Error('nothing to click'); sel.click(); };`;

async function shoot(b, base, name, lang, problems) {
	const s = SHOTS[name];
	const { targetId } = await b.send('Target.createTarget', { url: 'about:blank' });
	const { sessionId } = await b.send('Target.attachToTarget', { targetId, flatten: true });
	const send = (m, p) => b.send(m, p, sessionId);
	const eval_ = async (expression) => {
		const r = await send('Runtime.evaluate', { expression, awaitPromise: true, returnByValue: true });
		if (r.exceptionDetails) throw new Error(`${name} ${lang}: ${r.exceptionDetails.exception?.description ?? r.exceptionDetails.text}`);
		return r.result.value;
	};
	b.on((m) => {
		if (m.sessionId !== sessionId) return;
		if (m.method === 'Runtime.exceptionThrown') problems.push(`${name} ${lang}: ${m.params.exceptionDetails.exception?.description ?? m.params.exceptionDetails.text}`);
		if (m.method === 'Runtime.consoleAPICalled' && m.params.type === 'error') problems.push(`${name} ${lang}: console: ${m.params.args.map((a) => a.value ?? a.description).join(' ')}`);
		if (m.method === 'Log.entryAdded' && m.params.entry.level === 'error') problems.push(`${name} ${lang}: ${m.params.entry.text} ${m.params.entry.url ?? ''}`);
	});
	await send('Runtime.enable');
	await send('Log.enable');
	await send('Emulation.setLocaleOverride', { locale: LANGS[lang] });
	await send('Emulation.setDeviceMetricsOverride', { width: WIDTH, height: HEIGHT, deviceScaleFactor: 1, mobile: false });
	await send('Page.navigate', { url: `${base}/cgi-bin/luci/admin/services/splitwg/${s.view}?lang=${lang}${s.counters ? '&counters=1' : ''}${s.hash ? `#${s.hash}` : ''}` });
	await eval_(`(async () => { ${HELPERS} await until('.cbi-map', 15000); })()`);
	if (s.act) await eval_(`(async () => { ${HELPERS} ${s.act} })()`);
	await sleep(s.wait ?? 1000);      // the last poll's answers, a modal's fade-in
	let shot;
	if (s.scroll || s.modal) {
		if (s.scroll) await eval_(`document.querySelector(${JSON.stringify(s.scroll)}).scrollIntoView()`);
		await sleep(300);
		shot = await send('Page.captureScreenshot', { format: 'png' });
	} else {
		const height = await eval_('Math.max(document.documentElement.scrollHeight, innerHeight)');
		shot = await send('Page.captureScreenshot', { format: 'png', captureBeyondViewport: true, clip: { x: 0, y: 0, width: WIDTH, height, scale: 1 } });
	}
	const out = `docs/screenshots/${name}${lang === 'en' ? '' : `.${lang}`}.png`;
	fs.writeFileSync(out, Buffer.from(shot.data, 'base64'));
	await b.send('Target.closeTarget', { targetId });
	return out;
}

const args = process.argv.slice(2);
if (!process.env.LUCI_SRC) { console.error('LUCI_SRC: a LuCI source tree (see docs/luci.md, Screenshots)'); process.exit(2); }
const { server } = screens(process.env.LUCI_SRC);
if (args[0] === '--serve') {
	server.listen(Number(args[1] ?? 8099), '127.0.0.1', () => console.log(`http://127.0.0.1:${server.address().port}/cgi-bin/luci/admin/services/splitwg/overview`));
} else {
	const names = args.length ? args : Object.keys(SHOTS);
	for (const n of names) if (!SHOTS[n]) throw new Error(`no shot "${n}"; the shots: ${Object.keys(SHOTS).join(' ')}`);
	await new Promise((r) => server.listen(0, '127.0.0.1', r));
	const base = `http://127.0.0.1:${server.address().port}`;
	const b = chromium();
	const problems = [];
	try {
		// one page after another: the traffic shot's minute is real time
		for (const n of names) for (const lang of Object.keys(LANGS)) console.log(await shoot(b, base, n, lang, problems));
	} finally {
		await b.close();
		server.close();
	}
	if (problems.length) { console.error(problems.join('\n')); process.exit(1); }
}
