// npm run build: TypeScript → ucode (router) and → LuCI view JS (browser).
// Generated files are committed; the build is deterministic.
import * as esbuild from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkProgram } from './ucode/check.mjs';
import { compileUcode } from './ucode/rewrite.mjs';
import { encode } from './ucode/sourcemap.mjs';
import crypto from 'node:crypto';
import { toLuciView, toLuciModule } from './luci/view.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const rel = (p) => path.relative(root, p);

// Router side: ucode modules by the name ucode's `import … from 'splitwg.x'`
// resolves (/usr/share/ucode/splitwg/x.uc), the scripts (CLI, rpcd plugin, health checker), and the
// collector of the package prometheus-node-exporter-ucode-splitwg.
export const UCODE_MODULES = {
	'src/core/index.ts': 'splitwg.core',
	'src/router/index.ts': 'splitwg.router',
};
export const UCODE_OUTPUTS = [
	{ entry: 'src/core/index.ts', out: 'files/usr/share/ucode/splitwg/core.uc', kind: 'module' },
	{ entry: 'src/router/index.ts', out: 'files/usr/share/ucode/splitwg/router.uc', kind: 'module' },
	{ entry: 'src/router/cli.ts', out: 'files/usr/sbin/splitwg', kind: 'script', shebang: '#!/usr/bin/ucode -S' },
	{ entry: 'src/router/rpcd.ts', out: 'files/usr/share/rpcd/ucode/splitwg', kind: 'script' },
	// inline: the resident checker bundles the few core and router functions it calls instead of
	// loading splitwg.core and splitwg.router (2 MiB of RSS: bench/RESULTS.md)
	{ entry: 'src/router/healthd.ts', out: 'files/usr/share/splitwg/health.uc', kind: 'script', inline: true },
	{ entry: 'src/prometheus/splitwg.ts', out: 'prometheus-node-exporter-ucode-splitwg/files/usr/share/ucode/node-exporter/lib/splitwg.uc', kind: 'script' },
];
// esbuild refuses to emit these rather than lower them into helpers ucode lacks
const UCODE_UNSUPPORTED = { class: false, destructuring: false, 'object-accessors': false, generator: false, 'async-await': false };
// ucode's native modules: always imported at run time, never bundled
const UCODE_NATIVE = ['fs', 'uci', 'ubus', 'uloop', 'struct', 'math', 'log', 'rtnl', 'nl80211', 'socket', 'io', 'digest', 'zlib'];
export const LUCI_VIEW_DIR = 'luci-app-splitwg/htdocs/luci-static/resources/view/splitwg';

const HEADER = (entry) => `// Generated from ${entry} by \`npm run build\` — edit the TypeScript, not this file.`;

// Imports of another ucode module stay imports (by ucode module name), so the
// core is shipped once and shared by the CLI and the rpcd plugin.
function ucodeModulesPlugin(entry, inline) {
	return {
		name: 'ucode-modules',
		setup(b) {
			b.onResolve({ filter: /^\.\.?\// }, async (args) => {
				if (args.pluginData === 'inner') return undefined;
				const resolved = await b.resolve(args.path, { resolveDir: args.resolveDir, kind: args.kind, pluginData: 'inner' });
				if (resolved.errors.length) return undefined;
				const r = rel(resolved.path);
				if (r !== entry && UCODE_MODULES[r]) return inline ? undefined : { path: UCODE_MODULES[r], external: true };
				const importerDir = rel(args.importer).split('/').slice(0, 2).join('/');
				const targetDir = r.split('/').slice(0, 2).join('/');
				const entryDir = entry.split('/').slice(0, 2).join('/');
				if (targetDir !== importerDir && targetDir !== entryDir && UCODE_MODULES[`${targetDir}/index.ts`])
					return { errors: [{ text: `${rel(args.importer)} imports ${r}: import ${targetDir}/index instead (it is a separate ucode module)` }] };
				return undefined;
			});
		},
	};
}

async function bundle(entry, extra = {}) {
	const res = await esbuild.build({
		entryPoints: [path.join(root, entry)],
		bundle: true,
		write: false,
		format: 'esm',
		target: 'esnext',
		platform: 'neutral',
		charset: 'utf8',
		legalComments: 'none',
		logLevel: 'silent',
		absWorkingDir: root,
		...extra,
	});
	return res.outputFiles[0].text;
}

function write(out, text, mode) {
	const abs = path.join(root, out);
	fs.mkdirSync(path.dirname(abs), { recursive: true });
	const old = fs.existsSync(abs) ? fs.readFileSync(abs, 'utf8') : null;
	if (old !== text) fs.writeFileSync(abs, text);
	if (mode) fs.chmodSync(abs, mode);
}

export async function buildUcode() {
	if (process.env.BUILD_VERBOSE) console.error('build: checking the ucode subset');
	const errors = checkProgram(path.join(root, 'tsconfig.json'));
	if (errors.length) throw new Error('ucode subset check failed:\n  ' + errors.join('\n  '));
	for (const o of UCODE_OUTPUTS) {
		if (!fs.existsSync(path.join(root, o.entry))) continue;
		if (process.env.BUILD_VERBOSE) console.error(`build: ${o.entry} → ${o.out}`);
		const { code, map } = await ucodeOf(o);
		write(o.out, code, o.shebang ? 0o755 : 0o644);
		write(mapPath(o.out), map);
	}
}

// A map of each generated file back to the TypeScript, for `splitwg where`
// (tools/ucode/where.mjs): in dist/, not shipped, not committed — the build
// is deterministic, so a checkout of the version a router runs rebuilds it.
export const mapPath = (out) => `dist/ucode-map/${out.replace(/^files\//, '')}.map`;

/** One ucode output in memory: its text and its source map (JSON text). */
export async function ucodeOf(o) {
	const out = await bundle(o.entry, { plugins: [ucodeModulesPlugin(o.entry, o.inline)], external: UCODE_NATIVE, supported: UCODE_UNSUPPORTED, sourcemap: 'inline' });
	// the map is the bundle's last line
	const [, js, b64] = out.match(/^([^]*)\/\/# sourceMappingURL=data:application\/json;base64,(\S+)\s*$/);
	const uc = compileUcode(js, o.kind, JSON.parse(Buffer.from(b64, 'base64').toString('utf8')));
	const head = `${o.shebang ? o.shebang + '\n' : ''}${HEADER(o.entry)}\n'use strict';\n\n`;
	const code = head + uc.code;
	const map = { version: 3, file: path.basename(o.out), sourceRoot: path.relative(path.dirname(mapPath(o.out)), '.') + '/', sources: uc.sources,
		names: [], mappings: encode([...head.split('\n').slice(1).map(() => []), ...uc.mappings]),
		x_sha256: crypto.createHash('sha256').update(code).digest('hex') };
	return { code, map: JSON.stringify(map) + '\n' };
}

export const LUCI_SHARED_DIR = 'luci-app-splitwg/htdocs/luci-static/resources/splitwg';

// Views import src/core, the ucode builtins and src/luci/_*.ts by path; in
// the browser each of those is one shared LuCI module instead of a copy per
// view (view.mjs SHARED).
function sharedOf(file) {
	if (file.startsWith('src/core/') || file === 'src/ucode/shim') return 'splitwg-core';
	if (/^src\/luci\/_[^/]+$/.test(file)) return 'splitwg-ui';
	return null;
}

function sharedPlugin(self) {
	return {
		name: 'shared-modules',
		setup(b) {
			b.onResolve({ filter: /./ }, (args) => {
				if (!args.resolveDir || !/^(\.\.?\/|\/)/.test(args.path)) return undefined;
				const id = sharedOf(rel(path.resolve(args.resolveDir, args.path)).replace(/\.ts$/, ''));
				return id && id !== self ? { path: id, external: true } : undefined;
			});
		},
	};
}

// The ucode builtins the LuCI sources call (views and src/luci/_*.ts): the
// browser gets only these from the core module, and the core only the ones
// it calls itself — esbuild `inject` replaces each free global with the
// export of that name, and src/ucode/shim.ts has no side effects to keep.
function luciBuiltins(files) {
	const names = [...new Set([...fs.readFileSync(path.join(root, 'src/ucode/builtins.d.ts'), 'utf8').matchAll(/^declare function (\w+)/gm)].map((m) => m[1]))];
	const text = files.map((f) => fs.readFileSync(path.join(root, f), 'utf8')).join('\n');
	return names.filter((n) => new RegExp(`(^|[^\\w.$])${n}\\(`).test(text)).sort();
}

// esbuild `inject` needs the names spelled out; a fixed path: esbuild names the file in a comment of every view
function builtinsInjectFile(names) {
	const file = path.join(root, 'node_modules/.cache/splitwg/ucode-builtins.mjs');
	fs.mkdirSync(path.dirname(file), { recursive: true });
	fs.writeFileSync(file, `export { ${names.join(', ')} } from '${path.join(root, 'src/ucode/shim.ts')}';\n`);
	return file;
}

const LUCI_BUNDLE = { external: ['@kuoruan/luci-types'], platform: 'browser', preserveSymlinks: true };

// One shared module from `contents` (export lines); returns the LuCI module text.
async function buildShared(id, contents, inject, label) {
	const res = await esbuild.build({
		stdin: { contents: contents.join('\n'), resolveDir: root, sourcefile: `${label} (shared LuCI module)` },
		bundle: true, write: false, format: 'esm', target: 'es2020', charset: 'utf8', legalComments: 'none', logLevel: 'silent', absWorkingDir: root,
		...LUCI_BUNDLE, plugins: [sharedPlugin(id)], inject: [inject],
	});
	return { out: `${LUCI_SHARED_DIR}/${id.replace(/^splitwg-/, '')}.js`, text: toLuciModule(res.outputFiles[0].text, HEADER(label)), js: res.outputFiles[0].text };
}

// The names a bundle imports from the shared core module.
function coreImports(js) {
	const names = [];
	for (const m of js.matchAll(/^import \{([^}]*)\} from "splitwg-core";$/gm))
		for (const sp of m[1].split(',')) if (sp.trim()) names.push(sp.trim().split(/\s+as\s+/)[0]);
	return names;
}

// The browser's core: only what the views and splitwg/ui.js import (the
// validators, readConfig, check, explain … and the builtins they call), so
// esbuild leaves out the rest of src/core (the nft and dnsmasq writers are
// the router's) and of the shim.
function coreExports(names) {
	const owner = {};
	const files = [...fs.readdirSync(path.join(root, 'src/core')).filter((f) => f.endsWith('.ts') && f !== 'index.ts').sort().map((f) => `src/core/${f}`), 'src/ucode/shim.ts'];
	for (const f of files) {
		const text = fs.readFileSync(path.join(root, f), 'utf8');
		for (const m of text.matchAll(/^export (?:function|const|let) (\w+)/gm)) owner[m[1]] ??= f;
		for (const m of text.matchAll(/^export \{([^}]*)\}/gm))
			for (const sp of m[1].split(',')) { const n = sp.trim().split(/\s+as\s+/).pop(); if (n) owner[n] ??= f; }
	}
	const byFile = {};
	for (const n of [...new Set(names)].sort()) {
		if (!owner[n]) throw new Error(`a LuCI view imports "${n}" from the core, but no src/core file exports it`);
		(byFile[owner[n]] ??= []).push(n);
	}
	return Object.keys(byFile).sort().map((f) => `export { ${byFile[f].join(', ')} } from './${f}';`);
}

export async function buildLuci() {
	const dir = path.join(root, 'src/luci');
	if (!fs.existsSync(dir)) return;
	const ts = fs.readdirSync(dir).filter(f => f.endsWith('.ts') && !f.endsWith('.d.ts')).sort();
	const inject = builtinsInjectFile(luciBuiltins(ts.map((f) => `src/luci/${f}`)));
	const outputs = [];
	const ui = await buildShared('splitwg-ui', ts.filter((f) => f.startsWith('_')).map((f) => `export * from './src/luci/${f}';`), inject, 'src/luci/_*.ts');
	outputs.push(ui);
	for (const f of ts.filter((f) => !f.startsWith('_'))) {
		const entry = `src/luci/${f}`;
		if (process.env.BUILD_VERBOSE) console.error(`build: ${entry}`);
		const js = await bundle(entry, { ...LUCI_BUNDLE, plugins: [sharedPlugin(null)], inject: [inject] });
		outputs.push({ out: `${LUCI_VIEW_DIR}/${f.replace(/\.ts$/, '.js')}`, text: toLuciView(js, HEADER(entry)), js });
	}
	// the core module carries the builtins its code calls (as globals, injected) and exports what the others import
	outputs.push(await buildShared('splitwg-core', coreExports(outputs.flatMap((o) => coreImports(o.js))), path.join(root, 'src/ucode/shim.ts'), 'src/core/*.ts'));
	for (const o of outputs) write(o.out, o.text, 0o644);
}

if (import.meta.url === `file://${process.argv[1]}`) {
	try {
		await buildUcode();
		await buildLuci();
		console.log('build: ok');
	} catch (e) {
		console.error(e.errors ? e.errors.map(x => `${x.location ? `${x.location.file}:${x.location.line}: ` : ''}${x.text}`).join('\n') : e.message);
		process.exit(1);
	}
}
