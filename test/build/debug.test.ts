// The generated ucode is debuggable: names as written in the TypeScript,
// declarations where their module starts, and a map from a position ucode
// reports back to the TypeScript line (tools/ucode/where.mjs). The ucode
// parts run under a real ucode ($UCODE, else `ucode` on PATH) and are skipped
// without one.
import { test } from 'vitest';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as esbuild from 'esbuild';
// @ts-expect-error plain JS build tool
import { compileUcode, toUcode } from '../../tools/ucode/rewrite.mjs';
// @ts-expect-error plain JS build tool
import { ucodeOf, UCODE_OUTPUTS } from '../../tools/build.mjs';
// @ts-expect-error plain JS build tool
import { loadMap, whereIn, annotate, outputOf } from '../../tools/ucode/where.mjs';

function findUcode(): string {
	if (process.env.UCODE) return process.env.UCODE;
	try { return execFileSync('sh', ['-c', 'command -v ucode'], { encoding: 'utf8' }).trim(); } catch { return ''; }
}
const UCODE = findUcode();
const NO_UCODE = UCODE === '' ? 'no ucode: set UCODE=/path/to/ucode' : false;

const tmpdir = () => fs.mkdtempSync(path.join(os.tmpdir(), 'swdebug-'));

/** Runs a script under ucode with dir/*.uc as the module path. */
function ucode(dir: string, script: string) {
	fs.writeFileSync(path.join(dir, 'driver.uc'), script);
	const r = spawnSync(UCODE, ['-S', '-L', path.join(dir, '*.uc'), '-L', path.join(dir, 'usr/share/ucode/*.uc'), path.join(dir, 'driver.uc')], { encoding: 'utf8' });
	return { code: r.status, out: r.stdout, err: r.stderr };
}

// esbuild of a few TypeScript modules in a temporary directory, then the rewrite
async function bundleOf(files: Record<string, string>) {
	const dir = tmpdir();
	fs.mkdirSync(path.join(dir, 'src'));
	for (const [f, text] of Object.entries(files)) fs.writeFileSync(path.join(dir, 'src', f), text);
	const res = await esbuild.build({ entryPoints: [path.join(dir, 'src/index.ts')], bundle: true, write: false, format: 'esm', platform: 'neutral', absWorkingDir: dir, sourcemap: 'external', outfile: 'out.js', logLevel: 'silent' });
	const js = res.outputFiles.find((f) => !f.path.endsWith('.map'))!.text;
	const map = JSON.parse(res.outputFiles.find((f) => f.path.endsWith('.map'))!.text);
	return { dir, js, uc: compileUcode(js, 'module', map).code as string };
}

test('names: a local keeps its written name where esbuild numbered it, a top-level clash becomes <module>_<name>', async () => {
	const { dir, js, uc } = await bundleOf({
		'a.ts': 'export function s(x: number) { return x + 1; }\nexport const CONTROL = 10;\n',
		'b.ts': "import { s as inc, CONTROL as C } from './a';\nconst CONTROL = 2;\n" +
			'export function f(s: number) { return s * CONTROL + C; }\n' +
			'export function h(s: number) { return inc(s); }\n',
		'index.ts': "export { f, h } from './b';\nexport { s } from './a';\n",
	});
	assert.match(js, /function f\(s2\)/, 'esbuild numbers the parameter (the premise)');
	assert.match(uc, /\/\/ src\/b\.ts\nlet b_CONTROL = 2;\nfunction f\(s\) \{\n\s+return s \* b_CONTROL \+ CONTROL;/);
	// in h, `s` would capture the call to a.ts's s: esbuild's name stays
	assert.match(uc, /function h\(s2\) \{\n\s+return s\(s2\);/);
	try {
		if (UCODE) {
			fs.writeFileSync(path.join(dir, 'm.uc'), uc);
			const r = ucode(dir, "import { f, h, s } from 'm';\nprint(f(3), ' ', h(3), ' ', s(1), '\\n');\n");
			assert.equal(r.err, '');
			assert.equal(r.out, '16 4 2\n');
		}
	} finally { fs.rmSync(dir, { recursive: true, force: true }); }
});

test('declarations: stay as written; a function used above its definition moves up to that use, mutual recursion and a constant so used are declared where the module starts', { skip: Boolean(NO_UCODE) }, () => {
	const js = '// src/a.ts\nvar X = a(2);\nfunction a(n) { return n ? b(n - 1) : "a"; }\nfunction b(n) { return a(n); }\n' +
		'function c() { return K + e(); }\nvar K = "K";\nfunction e() { return "e"; }\n// src/b.ts\nfunction d() { return c() + X; }\nexport { d };\n';
	const uc = toUcode(js, 'module');
	// mutual recursion: declared first, defined at the start of the module
	assert.match(uc, /^\/\/ src\/a\.ts\nlet a, b, K;\na = function\(n\)/);
	assert.ok(uc.indexOf('b = function') < uc.indexOf('let X = a(2)'), 'functions are defined before the module runs');
	// any other function used above its definition moves up to just before that use, keeping its name
	assert.match(uc, /\nfunction e\(\) \{ return "e"; \}\nfunction c\(\) \{ return K \+ e\(\); \}\nK = "K";\n\/\/ src\/b\.ts\nfunction d\(\)/);
	const dir = tmpdir();
	try {
		fs.writeFileSync(path.join(dir, 'm.uc'), uc);
		const r = ucode(dir, "import { d } from 'm';\nprint(d(), '\\n');\n");
		assert.equal(r.err, '');
		assert.equal(r.out, 'Kea\n');
	} finally { fs.rmSync(dir, { recursive: true, force: true }); }
});

test('declarations: in a block, a function that uses a constant defined below it', { skip: Boolean(NO_UCODE) }, () => {
	const uc = toUcode('function f(x) {\n  if (x) {\n    function g() { return K; }\n    const K = x;\n    return g();\n  }\n  return 0;\n}\nexport { f };\n', 'module');
	assert.match(uc, /if \(x\) \{\n    let K;\n    function g\(\)/);
	const dir = tmpdir();
	try {
		fs.writeFileSync(path.join(dir, 'm.uc'), uc);
		const r = ucode(dir, "import { f } from 'm';\nprint(f(5), '\\n');\n");
		assert.equal(r.err, '');
		assert.equal(r.out, '5\n');
	} finally { fs.rmSync(dir, { recursive: true, force: true }); }
});

test('declarations: across an import cycle a module\'s init code calls a function of a module further down', { skip: Boolean(NO_UCODE) }, async () => {
	const { dir, uc } = await bundleOf({
		'a.ts': "import { bee, B } from './b';\nexport function ay(n: number): string { return n ? bee(n - 1) : 'a' + B; }\n",
		'b.ts': "import { ay } from './a';\nexport function bee(n: number): string { return ay(n); }\nexport const B = 'B';\nexport const START = ay(0);\n",
		'index.ts': "export { ay } from './a';\nexport { START } from './b';\n",
	});
	assert.match(uc, /^\/\/ used by a module above the one that defines them \(an import cycle\)\nlet /);
	try {
		fs.writeFileSync(path.join(dir, 'm.uc'), uc);
		const r = ucode(dir, "import { ay, START } from 'm';\nprint(START, ' ', ay(2), '\\n');\n");
		assert.equal(r.err, '');
		assert.equal(r.out, 'aB aB\n');
	} finally { fs.rmSync(dir, { recursive: true, force: true }); }
});

test('the generated files: no giant leading `let`, function names kept, every `// src/` marker in place', () => {
	const core = fs.readFileSync('files/usr/share/ucode/splitwg/core.uc', 'utf8');
	const first = core.split('\n').find((l) => /^(let|function|\w+ =)/.test(l))!;
	assert.doesNotMatch(first, /^let (\w+, ){10}/, 'names are declared per module');
	for (const f of fs.readdirSync('src/core').filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts') && f !== 'model.ts' && f !== 'index.ts'))
		assert.match(core, new RegExp(`^// src/core/${f.replace('.', '\\.')}$`, 'm'), f);
	assert.match(core, /^function readConfig\(/m);
	assert.doesNotMatch(core, /\b(CONTROL|BLANKS|s|sec|direct|check)[0-9]\b/, 'no numbered names');
});

// The file:line range of `function NAME` in a TypeScript file (to its closing brace).
function fnRange(file: string, name: string): [number, number] {
	const lines = fs.readFileSync(file, 'utf8').split('\n');
	const start = lines.findIndex((l) => new RegExp(`^(\\s*)(export )?function ${name}\\b`).test(l));
	assert.ok(start >= 0, `function ${name} in ${file}`);
	const indent = lines[start].match(/^\s*/)![0];
	const end = lines.findIndex((l, i) => i > start && l === `${indent}}`);
	return [start + 1, end + 1];
}

test('where: an error ucode raises inside the core leads to the TypeScript line, every frame of its stack too', { skip: Boolean(NO_UCODE) }, async () => {
	const o = UCODE_OUTPUTS.find((x: { out: string }) => x.out.endsWith('/core.uc'));
	const { code, map } = await ucodeOf(o);
	assert.equal(code, fs.readFileSync(o.out, 'utf8'), 'the committed core.uc is a fresh build (npm run build)');
	const dir = tmpdir();
	try {
		// laid out as on a router: ucode prints the path
		fs.mkdirSync(path.join(dir, 'usr/share/ucode/splitwg'), { recursive: true });
		fs.writeFileSync(path.join(dir, 'usr/share/ucode/splitwg/core.uc'), code);
		// a section that is null: the config reader dies dereferencing it
		const r = ucode(dir, "import * as core from 'splitwg.core';\ncore.readConfig([null]);\n");
		assert.notEqual(r.code, 0);
		const m = loadMap(map, code);
		const top = r.err.match(/In (\w+)\(\), file (\S+), line (\d+), byte (\d+):/);
		assert.ok(top, `ucode names the function: ${r.err}`);
		assert.equal(outputOf(top[2]), o.out, 'the path ucode prints is recognised');
		const frames = [{ fn: top[1], line: Number(top[3]), byte: Number(top[4]) },
			...[...r.err.matchAll(/called from function (\w+) \((\S+\/core\.uc):(\d+):(\d+)\)/g)].map((f) => ({ fn: f[1], line: Number(f[3]), byte: Number(f[4]) }))];
		assert.ok(frames.length >= 2, `a stack of named core functions: ${r.err}`);
		for (const f of frames) {
			const w = whereIn(m, f.line, f.byte);
			assert.ok(w && w.exact, `core.uc:${f.line} is mapped`);
			const [a, b] = fnRange(w.file, f.fn);
			assert.ok(w.line > a && w.line < b, `core.uc:${f.line}:${f.byte} (in ${f.fn}) → ${w.file}:${w.line}, inside ${f.fn} at ${a}-${b}`);
		}
		// the line ucode quotes is the TypeScript line (ours has no type annotations there)
		const quoted = r.err.match(/\n `\s*(.*)`\n/)![1];
		assert.equal(whereIn(m, frames[0].line, frames[0].byte).text, quoted);
		// a pasted error gets each position annotated
		assert.match(annotate(r.err, () => m), new RegExp(`line ${frames[0].line}, byte ${frames[0].byte}:\\n    → src/core/\\w+\\.ts:\\d+:\\d+  `));
	} finally { fs.rmSync(dir, { recursive: true, force: true }); }
});

test('where: the file names ucode prints are ours, ambiguous ones are refused', () => {
	assert.equal(outputOf('/usr/share/ucode/splitwg/core.uc'), 'files/usr/share/ucode/splitwg/core.uc');
	assert.equal(outputOf('core.uc'), 'files/usr/share/ucode/splitwg/core.uc');
	assert.equal(outputOf('/rom/usr/share/ucode/splitwg/router.uc'), 'files/usr/share/ucode/splitwg/router.uc');
	assert.equal(outputOf('/usr/sbin/splitwg'), 'files/usr/sbin/splitwg');
	assert.throws(() => outputOf('splitwg'), /ambiguous/);
	assert.equal(outputOf('driver.uc'), null);
});
