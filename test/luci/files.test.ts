// The files LuCI loads: each generated view (the header LuCI's loader reads,
// a body that returns a view class when run the way luci.js runs it), the
// menu entry and the ACL (exactly the ubus methods the views call, read vs
// write).
import { test } from 'vitest';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';

const VIEW_DIR = 'luci-app-splitwg/htdocs/luci-static/resources/view/splitwg';
const MENU = 'luci-app-splitwg/root/usr/share/luci/menu.d/luci-app-splitwg.json';
const ACL = 'luci-app-splitwg/root/usr/share/rpcd/acl.d/luci-app-splitwg.json';
const views = fs.readdirSync('src/luci').filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts') && !f.startsWith('_')).map((f) => f.replace(/\.ts$/, '')).sort();
// class modules of luci-base (luci.js built-ins and htdocs/luci-static/resources/*.js),
// and the package's own (htdocs/luci-static/resources/<path>.js)
const LUCI_MODULES = ['baseclass', 'dom', 'firewall', 'form', 'fs', 'network', 'poll', 'request', 'rpc', 'session', 'uci', 'ui', 'validation', 'view', 'tools.widgets', 'tools.views'];
const ownModule = (m: string) => fs.existsSync(`luci-app-splitwg/htdocs/luci-static/resources/${m.replace(/\./g, '/')}.js`);

test('there are the five pages', () => {
	assert.deepEqual(views, ['clients', 'overview', 'rules', 'tester', 'upstreams']);
});

// A stand-in for any LuCI module: every property and call yields another
// stand-in; view.extend hands back what it was given.
function fake(name: string): any {
	const f: any = new Proxy(function () { /* */ }, {
		get: (_t, k) => k === 'extend' && name === 'view' ? (p: any) => ({ extended: p }) : k === Symbol.toPrimitive ? () => name : fake(`${name}.${String(k)}`),
		apply: () => fake(`${name}()`),
		construct: () => fake(`new ${name}`),
	});
	return f;
}

for (const v of views) {
	test(`view ${v}.js: LuCI header, then a body returning view.extend(…)`, () => {
		const file = path.join(VIEW_DIR, `${v}.js`);
		assert.ok(fs.existsSync(file), `${file} is built (npm run build)`);
		const src = fs.readFileSync(file, 'utf8');
		const lines = src.split('\n');
		assert.equal(lines[0], '\'use strict\';');
		// luci.js compileClass: leading string literals, then the body
		const deps: { mod: string, as: string }[] = [];
		let i = 1;
		for (; i < lines.length; i++) {
			const m = /^'require ([a-z.]+)(?: as ([A-Za-z_$][\w$]*))?';$/.exec(lines[i]);
			if (!m) break;
			deps.push({ mod: m[1], as: m[2] ?? m[1].replace(/[^a-zA-Z0-9]/g, '_') });
		}
		assert.ok(deps.some((d) => d.mod === 'view'), 'requires view');
		for (const d of deps) assert.ok(LUCI_MODULES.includes(d.mod) || ownModule(d.mod), `${d.mod} is a luci-base module or shipped by the package`);
		assert.equal(new Set(deps.map((d) => d.as)).size, deps.length, 'no parameter twice');
		assert.ok(!/uqr/.test(src), 'no luci-lib-uqr (not in OpenWrt 23.05): the QR code is our own (splitwg/ui.js)');
		assert.match(lines.slice(i).join('\n'), /^\/\/ Generated from src\/luci\//);
		assert.match(src, /\nreturn [A-Za-z_$][\w$]*;\n$/);
		assert.ok(!/^\s*(import|export)\s/m.test(src), 'no module syntax left');
		const body = lines.slice(i).join('\n');
		const fn = new Function('window', 'document', 'L', ...deps.map((d) => d.as), body);
		const ret = fn(fake('window'), fake('document'), fake('L'), ...deps.map((d) => fake(d.mod)));
		assert.ok(ret && ret.extended, 'returns view.extend(…)');
		assert.equal(typeof ret.extended.render, 'function');
	});
}

test('menu: Services → Split WireGuard, one entry per page, visible before any section exists', () => {
	const menu = JSON.parse(fs.readFileSync(MENU, 'utf8'));
	const root = menu['admin/services/splitwg'];
	assert.equal(root.title, 'Split WireGuard');
	assert.deepEqual(root.depends, { acl: ['luci-app-splitwg'] });
	assert.ok(!JSON.stringify(menu).includes('"uci"'), 'no depends.uci: it would hide the menu until /etc/config/splitwg has a section');
	assert.equal(root.action.type, 'alias');
	assert.ok(menu[root.action.path], 'alias target exists');
	const pages = Object.keys(menu).filter((k) => k !== 'admin/services/splitwg');
	assert.deepEqual(pages.map((k) => menu[k].action.path).sort(), views.map((v) => `splitwg/${v}`).sort());
	for (const k of pages) {
		assert.ok(k.startsWith('admin/services/splitwg/'), k);
		assert.equal(menu[k].action.type, 'view');
		assert.equal(`admin/services/${menu[k].action.path}`, k);
		assert.ok(menu[k].title && typeof menu[k].order === 'number');
	}
	assert.equal(new Set(pages.map((k) => menu[k].order)).size, pages.length);
});

function usedMethods(): Set<string> {
	const used = new Set<string>();
	for (const f of fs.readdirSync('src/luci').filter((x) => x.endsWith('.ts'))) {
		const src = fs.readFileSync(`src/luci/${f}`, 'utf8');
		for (const m of src.matchAll(/rpc\.declare(?:<[^(]*>)?\(\{\s*object:\s*'([^']+)',\s*method:\s*'([^']+)'/g)) used.add(`${m[1]}.${m[2]}`);
	}
	return used;
}

test('ACL: exactly the ubus methods the views call; secrets only with write access', () => {
	const acl = JSON.parse(fs.readFileSync(ACL, 'utf8'));
	assert.deepEqual(Object.keys(acl), ['luci-app-splitwg']);
	const g = acl['luci-app-splitwg'];
	assert.ok(g.description);
	assert.deepEqual(Object.keys(g).sort(), ['description', 'read', 'write']);
	assert.deepEqual(g.read.uci, ['splitwg']);
	assert.deepEqual(g.write.uci, ['splitwg']);
	// files: only uploading list files (LuCI's ui.uploadFile: cgi-io upload, then a write of that path)
	assert.ok(!g.read.file && !g.read['cgi-io'], 'no file read access');
	assert.deepEqual(g.write.file, { '/etc/splitwg/lists/*': ['write'] });
	assert.deepEqual(g.write['cgi-io'], ['upload']);
	const granted = (sec: any) => Object.entries<string[]>(sec.ubus ?? {}).flatMap(([o, ms]) => ms.map((m) => `${o}.${m}`));
	const read = granted(g.read), write = granted(g.write);
	// doctor: read-only and key-free, granted for LuCI ahead of a view that shows it
	const ahead = ['splitwg.doctor'];
	assert.deepEqual([...read, ...write].sort(), [...usedMethods(), ...ahead.filter((m) => !usedMethods().has(m))].sort());
	assert.equal(new Set([...read, ...write]).size, read.length + write.length, 'each method once');
	// the only replies that carry a private key (docs/ubus.md), the import that turns into config,
	// and the fetch of subscribed lists (it writes them, and applies)
	assert.deepEqual(write.sort(), ['splitwg.genkey', 'splitwg.import_conf', 'splitwg.peer_conf', 'splitwg.update_lists']);
	for (const m of read) assert.ok(!/genkey|peer_conf/.test(m), m);
	const doc = fs.readFileSync('docs/ubus.md', 'utf8');
	for (const m of [...read, ...write].filter((x) => x.startsWith('splitwg.')))
		assert.ok(doc.includes(`| \`${m.slice(8)}\``), `${m} is in docs/ubus.md`);
});

// splitwg/core.js carries only what the views and splitwg/ui.js import from it
// (tools/build.mjs): run it the way luci.js does and check that every name they
// read from it is there, and that the router-only core stayed out.
test('splitwg/core.js exports every name the views and ui.js take from it, and not the router-only core', () => {
	const SHARED = 'luci-app-splitwg/htdocs/luci-static/resources/splitwg';
	const src = fs.readFileSync(`${SHARED}/core.js`, 'utf8');
	const lines = src.split('\n');
	assert.deepEqual(lines.slice(0, 2), ['\'use strict\';', '\'require baseclass\';']);
	const exported = new Function('baseclass', lines.slice(2).join('\n'))({ extend: (o: object) => o }) as Record<string, unknown>;
	const wanted = new Set<string>();
	for (const f of [`${SHARED}/ui.js`, ...views.map((v) => path.join(VIEW_DIR, `${v}.js`))])
		for (const m of fs.readFileSync(f, 'utf8').matchAll(/\bswcore\.([A-Za-z_$][\w$]*)/g)) wanted.add(m[1]);
	assert.ok(wanted.has('explain') && wanted.has('readConfig'), [...wanted].join(' '));
	for (const n of wanted) assert.ok(exported[n] !== undefined, `core.js exports ${n}`);
	for (const n of ['compile', 'plan', 'declarations', 'nftTransition', 'install', 'hooks']) assert.equal(exported[n], undefined, `${n} is not in core.js`);
	// and it runs on its own, without the Node globals the tests install
	const badPort = exported.badPort as (v: string) => unknown, parseAddress = exported.parseAddress as (v: string) => unknown;
	assert.equal(badPort('443'), null);
	assert.notEqual(badPort('0443'), null);
	assert.ok(parseAddress('2001:db8::1'));
	assert.ok(!/\bprocess\b/.test(src), 'no Node process in the browser core');
});
