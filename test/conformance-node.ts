// Node half of `npm run test:ucode` (tools/conformance.mjs): the same driver
// logic as the ucode one, over the TypeScript core with the shim.
import fs from 'node:fs';
import { install } from '../src/ucode/shim';
install(globalThis);
const core: Record<string, (...a: unknown[]) => unknown> = await import('../src/core/index') as never;
const fx = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
let out = '';
for (const c of fx.cases) {
	let r: unknown;
	try { r = core[c.fn](...c.args); } catch (e) { r = { died: (e as Error).message }; }
	out += sprintf('%J\n', { name: c.name, result: r });
}
process.stdout.write(out);
