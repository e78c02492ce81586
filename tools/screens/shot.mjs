// Screenshots for docs/screenshots/ from tools/screens/server.ts, in Debian's
// headless chromium driven by playwright-core (not a dependency of the
// project: PLAYWRIGHT names an installed playwright-core).
//   PLAYWRIGHT=/tmp/shotdeps/node_modules/playwright-core node tools/screens/shot.mjs [base-url]
// Fails on a page error, a console error or an answer the server did not have.
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const { chromium } = await import(pathToFileURL(path.join(process.env.PLAYWRIGHT ?? 'playwright-core', 'index.mjs')).href);
const base = process.argv[2] ?? 'http://127.0.0.1:8099';

// what each shot shows: the page, then what a user does there
const SHOTS = [
	{ file: 'rules-template', view: 'rules', open: async (p) => {
		// "Add from template…": the last button beside "Add rule set" (any language)
		await p.locator('#cbi-splitwg-ruleset .cbi-section-create button').last().click();
		await p.waitForSelector('.modal table');
	} },
];

const browser = await chromium.launch({
	executablePath: '/usr/bin/chromium',
	args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
const problems = [];
for (const lang of ['en', 'zh_Hans']) {
	for (const s of SHOTS) {
		const p = await browser.newPage({ viewport: { width: 1280, height: 900 } });
		p.on('pageerror', (e) => problems.push(`${s.file} ${lang}: ${e.message}`));
		p.on('console', (m) => { if (m.type() === 'error') problems.push(`${s.file} ${lang}: console: ${m.text()}`); });
		await p.goto(`${base}/cgi-bin/luci/admin/services/splitwg/${s.view}?lang=${lang}`);
		await p.waitForSelector('.cbi-map', { timeout: 15000 });
		await s.open(p);
		await p.waitForTimeout(300);    // the modal's fade-in
		const out = `docs/screenshots/${s.file}${lang === 'en' ? '' : `.${lang}`}.png`;
		await p.screenshot({ path: out, fullPage: true });
		console.log(out);
		await p.close();
	}
}
await browser.close();
if (problems.length) { console.error(problems.join('\n')); process.exit(1); }
