// Runs the node:test suites under a directory with ucode's builtins
// installed as globals (test/setup.ts), the way core code expects them.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const dirs = process.argv.slice(2);
const files = [];
const walk = (d) => {
	for (const e of fs.readdirSync(d, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
		const p = path.join(d, e.name);
		if (e.isDirectory()) { if (e.name !== 'fixtures' && e.name !== 'golden') walk(p); }
		else if (e.name.endsWith('.test.ts')) files.push(p);
	}
};
for (const d of dirs) fs.statSync(d).isDirectory() ? walk(d) : files.push(d);
const serial = process.env.TEST_SERIAL ? ['--test-concurrency=1'] : [];
const r = spawnSync(process.execPath, ['--import', 'tsx', '--import', './test/setup.ts', '--test', ...serial, ...files], { stdio: 'inherit' });
process.exit(r.status ?? 1);
