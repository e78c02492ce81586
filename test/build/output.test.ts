// Shape of what `npm run build` emits: ucode modules and scripts that ucode
// and rpcd accept, LuCI views that LuCI's loader accepts.
import { test } from 'vitest';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import * as acorn from 'acorn';
// @ts-expect-error plain JS build tool
import { toUcode } from '../../tools/ucode/rewrite.mjs';

const read = (p: string) => fs.readFileSync(p, 'utf8');

test('rpcd plugin is a script whose top-level return is the ubus signature with splitwg.version', () => {
	const src = read('files/usr/share/rpcd/ucode/splitwg');
	assert.match(src, /^\/\/ Generated from src\/router\/rpcd\.ts/);
	assert.doesNotMatch(src, /^\s*export\b/m, 'rpcd loads plugins as scripts: no export');
	const ast = acorn.parse(src, { ecmaVersion: 'latest', sourceType: 'module', allowReturnOutsideFunction: true });
	const last = ast.body[ast.body.length - 1];
	assert.equal(last.type, 'ReturnStatement');
	// the returned binding is an object literal with a `splitwg` key holding `version`
	const name = ((last as acorn.ReturnStatement).argument as acorn.Identifier).name;
	assert.match(src, new RegExp(`\\b${name} = \\{\\s*splitwg: `));
	// the method table lives in the shared router module
	assert.match(read('files/usr/share/ucode/splitwg/router.uc'), /\bversion: \{[^}]*call: /);
});

test('the CLI is an executable ucode script in strict mode', () => {
	const src = read('files/usr/sbin/splitwg');
	assert.match(src, /^#!\/usr\/bin\/ucode -S\n/);
	assert.equal(fs.statSync('files/usr/sbin/splitwg').mode & 0o111, 0o111);
});

test('the core is a ucode module: strict, imports nothing, exports the API', () => {
	const src = read('files/usr/share/ucode/splitwg/core.uc');
	assert.match(src, /\n'use strict';\n/);
	assert.doesNotMatch(src, /^import /m);
	const exp = src.match(/^export \{([^}]*)\};/m);
	assert.ok(exp, 'one export list');
	for (const fn of ['parseUci', 'readConfig', 'check', 'compile', 'plan', 'explain', 'VERSION']) assert.match(exp![1], new RegExp(`\\b${fn}\\b`));
	// in the code, not in the text of a string (the option table's docs are prose)
	const code = src.replace(/"(?:[^"\\\n]|\\.)*"/g, '""');
	assert.doesNotMatch(code, /\bvar\b|\bundefined\b|\bthrow\b|\bclass\b|\bnew\b|\btypeof\b/);
});

test('LuCI views start with the require header and return a view.extend', () => {
	const dir = 'luci-app-splitwg/htdocs/luci-static/resources/view/splitwg';
	const views = fs.readdirSync(dir).filter((f) => f.endsWith('.js'));
	assert.ok(views.includes('overview.js'));
	for (const v of views) {
		const src = read(`${dir}/${v}`);
		const lines = src.split('\n');
		assert.equal(lines[0], "'use strict';", v);
		assert.match(lines[1], /^'require [a-z.]+( as \w+)?';$/, v);
		assert.match(src, /'require view';/, v);
		assert.doesNotMatch(src, /^\s*(import|export)\b/m, v);
		const ast = acorn.parse(src, { ecmaVersion: 'latest', allowReturnOutsideFunction: true });
		const last = ast.body[ast.body.length - 1];
		assert.equal(last.type, 'ReturnStatement', v);
		const ret = (last as acorn.ReturnStatement).argument!;
		const name = ret.type === 'Identifier' ? ret.name : null;
		assert.ok(ret.type === 'CallExpression' || (name && new RegExp(`\\b${name} = \\w+\\.extend\\(`).test(src)), `${v} returns view.extend(...)`);
	}
});

test('rewrite: hoisting makes forward references and mutual recursion work', () => {
	const out = toUcode('var X = a(2);\nfunction a(n) { return n ? b(n - 1) : 0; }\nfunction b(n) { return a(n); }\nexport { X };\n', 'module');
	assert.match(out, /^let a, b;\na = function\(n\)/);
	assert.ok(out.indexOf('b = function') < out.indexOf('let X = a(2)'), 'functions are defined before use');
});

test('rewrite: undefined, void 0, throw, default params, method shorthand', () => {
	const out = toUcode('function f(a = 1) { if (a === undefined) throw "x"; return void 0; }\nvar o = { m(x = 2) { return x; } };\nexport { f, o };\n', 'module');
	assert.match(out, /function f\(a\) \{ a \?\?= 1;/);
	assert.match(out, /a === null\) die\("x"\);/);
	assert.match(out, /return null;/);
	assert.match(out, /m: function\(x\) \{ x \?\?= 2;/);
});

test('rewrite: a script turns its default export into a top-level return and refuses other exports', () => {
	assert.match(toUcode('var d = { a: 1 };\nexport { d as default };\n', 'script'), /\nreturn d;\n$/);
	assert.throws(() => toUcode('var d = 1;\nexport { d };\n', 'script'), /hands back only its default export/);
});

test('rewrite: anything unexpected in the bundle fails with its source file', () => {
	assert.throws(() => toUcode('// src/core/x.ts\nvar a = Object.keys({});\nexport { a };\n', 'module'), /from src\/core\/x\.ts.*Object/);
});

test('rewrite: imports are lifted above the hoisted bindings, wherever esbuild put them', () => {
	const out = toUcode('var a = 1;\nimport { x } from "fs";\nfunction f() { return x(a); }\nexport { f };\n', 'module');
	assert.match(out, /^import \{ x \} from "fs";\nlet a = 1;\n/);
});
