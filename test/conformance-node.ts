// Node half of `npm run test:ucode` (tools/conformance.mjs): the same driver
// logic as the ucode one, over the TypeScript core with the shim.
import fs from 'node:fs';
import { install } from '../src/ucode/shim';
install(globalThis);
const core: Record<string, (...a: unknown[]) => unknown> = await import('../src/core/index') as never;
const fx = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
// {"$sections": name} / {"$config": name} stand for a config of fx.configs
const arg = (a: any): unknown => {
	if (a && typeof a === 'object' && a.$sections != null) return (core.parseUci as any)(fx.configs[a.$sections]).sections;
	if (a && typeof a === 'object' && a.$config != null) return (core.readConfig as any)((core.parseUci as any)(fx.configs[a.$config]).sections).config;
	return a;
};
let out = '';
for (const c of fx.cases) {
	let r: unknown;
	try { r = core[c.fn](...c.args.map(arg)); } catch (e) { r = { died: (e as Error).message }; }
	out += sprintf('%J\n', { name: c.name, result: r });
}
process.stdout.write(out);
