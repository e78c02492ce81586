// The LuCI JavaScript in luci-app-splitwg's .ipk is minified when packed
// (packaging/luci-minify.mjs). Each .js of the package, unpacked as opkg
// would, against the committed file it came from: smaller; its directives
// first and as the committed file spells them, so luci.js reads the same
// requires; still ending with the top-level return; no newer JavaScript; the
// same free variables, and no local named like a parameter LuCI passes. Then
// the unpacked files loaded as luci.js loads them (test/luci/harness.ts):
// every view loads, the overview draws what the committed files draw, and
// the core answers as the committed one does.
import { test, beforeAll, afterAll } from 'vitest';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as acorn from 'acorn';
import { REPO } from '../../packaging/packages.mjs';
import { minifyLuciModule } from '../../packaging/luci-minify.mjs';
import { buildPackages, type BuiltPackage } from '../../tools/package.mjs';
import { harness } from '../luci/harness';
import { luciParams, luciRequires } from '../luci/loader';
import { unpackIpk } from './helpers/unpack';
import { scratchRepo } from './helpers/repo';
import { scopeNames } from './helpers/scope';

const HTDOCS = 'luci-app-splitwg/htdocs';
const RES = 'luci-static/resources';
const CONFIG = fs.readFileSync('test/golden/home/splitwg', 'utf8');

let tmp: string, repo: string, res: string, built: BuiltPackage[];
let files: { rel: string; source: string; min: string }[];

beforeAll(() => {
	tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'splitwg-minify-'));
	repo = path.join(tmp, 'repo');
	scratchRepo(repo);
	built = buildPackages({ repo, epoch: 1700000000 });
	const luci = built.find((b) => b.name === 'luci-app-splitwg')!;
	fs.writeFileSync(path.join(tmp, luci.file), luci.ipk);
	const www = path.join(unpackIpk(path.join(tmp, luci.file), path.join(tmp, 'x')).dataDir, 'www');
	res = path.join(www, RES);
	files = fs.readdirSync(www, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.js')).sort().map((rel) => ({
		rel, source: fs.readFileSync(path.join(repo, HTDOCS, rel), 'utf8'), min: fs.readFileSync(path.join(www, rel), 'utf8'),
	}));
});
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

const parse = (text: string, ecmaVersion: acorn.ecmaVersion = 'latest') =>
	acorn.parse(text, { ecmaVersion, sourceType: 'script', allowReturnOutsideFunction: true });
// the oldest ECMAScript version that parses a text
const oldest = (text: string) => ([5, 2015, 2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024, 2025] as const)
	.find((v) => { try { parse(text, v); return true; } catch { return false; } });
const prologueLength = (text: string) => parse(text).body.findIndex((s: any) => typeof s.directive !== 'string');

test('every .js of the LuCI package is minified, and the committed files are left as they were', () => {
	const committed = fs.readdirSync(path.join(REPO, HTDOCS), { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.js')).sort();
	assert.deepEqual(files.map((f) => f.rel), committed);
	assert.ok(files.some((f) => f.rel === `${RES}/splitwg/core.js`) && files.some((f) => f.rel.startsWith(`${RES}/view/splitwg/`)));
	// and nothing else: not the ucode of the other packages, not the menu or the ACL
	for (const b of built) assert.deepEqual(b.files.filter((f) => f.minified).map((f) => f.rel).sort(),
		b.name === 'luci-app-splitwg' ? files.map((f) => `www/${f.rel}`) : [], b.name);
	for (const f of files) {
		assert.ok(f.min.length < 0.8 * f.source.length, `${f.rel}: ${f.min.length} bytes packed, ${f.source.length} committed`);
		assert.equal(f.source, fs.readFileSync(path.join(REPO, HTDOCS, f.rel), 'utf8'), `${f.rel} in the tree`);
	}
});

test('the directives come first, as the committed file spells them, and luci.js reads the same requires from them', () => {
	for (const f of files) {
		const n = prologueLength(f.source);
		assert.ok(n >= 2, `${f.rel}: 'use strict' and at least one require`);
		assert.equal(prologueLength(f.min), n, f.rel);
		assert.deepEqual(f.min.split('\n').slice(0, n), f.source.split('\n').slice(0, n), f.rel);
		assert.deepEqual(luciRequires(f.min), luciRequires(f.source), f.rel);
		assert.ok(luciRequires(f.min).length >= 1, f.rel);
	}
});

test('the body ends with the top-level return, in no newer JavaScript than the committed file, inside LuCI\'s function', () => {
	for (const f of files) {
		const version = oldest(f.source)!;
		// throws if the minified file needs a later version
		const comments: acorn.Comment[] = [];
		const body = acorn.parse(f.min, { ecmaVersion: version, sourceType: 'script', allowReturnOutsideFunction: true, onComment: comments }).body;
		assert.equal(body.at(-1)!.type, 'ReturnStatement', f.rel);
		assert.deepEqual(comments, [], `${f.rel}: no comments (a line comment at the end would swallow LuCI's closing brace)`);
		// luci.js evaluates the text inside its function, whose parameters a local must not redeclare
		acorn.parse(`(function(${luciParams(f.min).join(', ')}) { ${f.min} })`, { ecmaVersion: version });
	}
});

test('free variables: the names luci.js binds and the globals stay, none is new, no local is named like a parameter', () => {
	const injected = ['E', '_', 'N_'];
	for (const f of files) {
		const src = scopeNames(f.source), min = scopeNames(f.min);
		const params = luciParams(f.source);
		for (const n of min.free) assert.ok(src.free.has(n), `${f.rel}: ${n} is free only when minified`);
		for (const n of [...params, ...injected]) if (src.free.has(n)) assert.ok(min.free.has(n), `${f.rel}: ${n} renamed`);
		for (const n of params) assert.ok(!min.declared.has(n), `${f.rel}: a local named ${n}`);
		assert.ok(params.some((n) => src.free.has(n)), `${f.rel} uses what LuCI passes it`);
	}
});

test('the unpacked files load as luci.js loads them: every view, the overview drawn as from the tree, the same core', async () => {
	const ubus = {
		'splitwg.status': () => ({ enabled: true, version: '0.1.0', upstreams: [], clients: [], last_apply: null, pending: false, warnings: ['a warning'] }),
		'splitwg.check': () => ({ valid: true, problems: [] }),
		'splitwg.doctor': () => ({ ok: true, findings: [] }),
		'splitwg.stats': () => ({ clients: [], bytes: null, rulesets: [], upstreams: [{ name: 'us', packets: 5, bytes: 0, up: true, handshake_age: 3, rx: 1024, tx: 2048 }], dropped: { leak: 0, dot: 0 }, dns_hijacked: 0 }),
	};
	const realNow = Date.now;
	Date.now = () => 1_800_000_000_000;
	try {
		for (const page of fs.readdirSync(path.join(res, 'view/splitwg')).map((f) => f.replace(/\.js$/, ''))) {
			const tree = harness(page, CONFIG, ubus), packed = harness(page, CONFIG, ubus, res);
			assert.deepEqual(Object.keys(packed.view).sort(), Object.keys(tree.view).sort(), page);
			assert.deepEqual(Object.keys(packed.ui).sort(), Object.keys(tree.ui).sort());
			assert.deepEqual(Object.keys(packed.core).sort(), Object.keys(tree.core).sort());
		}
		const tree = harness('overview', CONFIG, ubus), packed = harness('overview', CONFIG, ubus, res);
		const [a, b] = [await tree.open(), await packed.open()];
		assert.match(a.textContent, /US exit/);
		assert.equal(b.outerHTML, a.outerHTML);
		await Promise.all([tree.tick(), packed.tick()]);
		assert.equal(b.outerHTML, a.outerHTML, 'after a poll');

		// the core: the golden home read and explained
		const answers = (h: typeof tree) => {
			const r = h.core.readConfig(h.ui.toCoreSections(h.ui.sections()));
			const asked = ['laptop', 'phone', 'kid'].flatMap((client) => ['192.0.2.1', 'news.example', '2001:db8::1']
				.map((destination) => h.core.explain(r.config, { client, destination, proto: 'tcp', port: 443, at: 'Sat 23:30' })));
			return JSON.stringify({ r, asked });
		};
		const told = answers(tree);
		for (const a of ['"action":"proxy"', '"action":"direct"', '"action":"block"']) assert.ok(told.includes(a), a);
		assert.equal(answers(packed), told);
	} finally {
		Date.now = realNow;
	}
});

test('a module is refused when it has no top-level return, and kept to its own JavaScript version', () => {
	assert.throws(() => minifyLuciModule("'use strict';\n'require baseclass';\nbaseclass.extend({});\n", 'x.js'), /x\.js: does not end with a top-level return/);
	// ES5 in, ES5 out: esbuild for a later target writes `x ?? 1` here
	const es5 = "'use strict';\n'require baseclass'\nfunction f(x) { return x !== null && x !== undefined ? x : 1; }\nreturn baseclass.extend({ f: f });\n";
	const min = minifyLuciModule(es5, 'es5.js');
	assert.equal(oldest(min), 5, min);
	assert.ok(min.startsWith("'use strict';\n'require baseclass';\n"), min);
	assert.doesNotThrow(() => parse(minifyLuciModule(es5.replace('x !== null', 'x?.y !== null'), 'es2020.js'), 2020));
});
