// npm run lab — the namespace scenarios (root only: they create network
// namespaces). Serial: the lab has fixed namespace names.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';

if (process.getuid && process.getuid() !== 0) {
	console.error('npm run lab: needs root (it creates network namespaces). Run it as root.');
	process.exit(1);
}
const tests = (dir) => fs.readdirSync(dir).filter((f) => f.endsWith('.test.ts')).sort().map((f) => `${dir}/${f}`);
// lab/diff: the differential test (its own per-process namespaces, not the fixed swl-* lab)
const files = [...tests('lab'), ...tests('lab/diff')];
const r = spawnSync(process.execPath, ['--import', 'tsx', '--import', './test/setup.ts', '--test', '--test-concurrency=1', ...files], { stdio: 'inherit' });
process.exit(r.status ?? 1);
