// npm run test:ucode — the same fixtures through the compiled core.uc under a
// real ucode and through the TypeScript core under Node (with the shim);
// outputs must be equal byte for byte. Needs a ucode binary: $UCODE or
// `ucode` on PATH. Without one it says so and skips; it never builds ucode.
import { spawnSync, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const fixtureDir = path.join(root, 'test/fixtures/conformance');

function findUcode() {
	if (process.env.UCODE) return process.env.UCODE;
	try { return execFileSync('sh', ['-c', 'command -v ucode'], { encoding: 'utf8' }).trim() || null; } catch { return null; }
}

// One driver, two runtimes: it only uses what both have (ucode builtins +
// the core's exports), reads a fixture and prints one %J line per case.
const DRIVER = `
import { readfile } from 'fs';
import * as core from 'splitwg.core';
let fx = json(readfile(ARGV[0]));
// {"$sections": name} / {"$config": name} stand for a config of fx.configs
function arg(a) {
	if (type(a) == 'object' && a['$sections'] != null) return core.parseUci(fx.configs[a['$sections']]).sections;
	if (type(a) == 'object' && a['$config'] != null) return core.readConfig(core.parseUci(fx.configs[a['$config']]).sections).config;
	return a;
}
for (let c in fx.cases) {
	let r;
	try {
		r = call(core[c.fn], null, null, ...map(c.args, (a) => arg(a)));
	} catch (e) {
		r = { died: e.message };
	}
	print(sprintf("%J\\n", { name: c.name, result: r }));
}
`;

const ucode = findUcode();
const fixtures = fs.readdirSync(fixtureDir).filter(f => f.endsWith('.json')).sort();
if (!ucode) {
	// still run the Node half, so a fixture the core dies on is caught
	for (const f of fixtures) {
		const n = spawnSync(process.execPath, ['--import', 'tsx', path.join(root, 'test/conformance-node.ts'), path.join(fixtureDir, f)], { encoding: 'utf8', cwd: root });
		if (n.status !== 0) { console.error(`${f}: node exit ${n.status}\n${n.stderr}`); process.exit(1); }
	}
	console.log(`test:ucode: SKIPPED the comparison — no ucode binary (set UCODE=/path/to/ucode or put ucode on PATH); the Node half ran all ${fixtures.length} fixture files.`);
	process.exit(0);
}
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'swconf-'));
fs.writeFileSync(path.join(tmp, 'driver.uc'), DRIVER);
let failed = 0, cases = 0;
for (const f of fixtures) {
	const fx = path.join(fixtureDir, f);
	const u = spawnSync(ucode, ['-S', '-L', path.join(root, 'files/usr/share/ucode/*.uc'), path.join(tmp, 'driver.uc'), fx], { encoding: 'utf8' });
	const n = spawnSync(process.execPath, ['--import', 'tsx', path.join(root, 'test/conformance-node.ts'), fx], { encoding: 'utf8', cwd: root });
	if (u.status !== 0 || n.status !== 0) {
		console.error(`${f}: ucode exit ${u.status}, node exit ${n.status}\n${u.stderr}\n${n.stderr}`);
		failed++;
		continue;
	}
	const ul = u.stdout.split('\n'), nl = n.stdout.split('\n');
	cases += ul.length - 1;
	for (let i = 0; i < Math.max(ul.length, nl.length); i++) {
		if (ul[i] !== nl[i]) {
			failed++;
			console.error(`${f}: case ${i + 1} differs\n  ucode: ${(ul[i] ?? '').slice(0, 2000)}\n  node:  ${(nl[i] ?? '').slice(0, 2000)}`);
		}
	}
}
fs.rmSync(tmp, { recursive: true, force: true });
if (failed) { console.error(`test:ucode: ${failed} difference(s) between ucode (${ucode}) and Node`); process.exit(1); }
console.log(`test:ucode: ${cases} cases in ${fixtures.length} fixture files identical under ucode (${ucode}) and Node`);
