#!/usr/bin/env node
// `npx splitwg …` — runs src/dev/cli.ts (TypeScript) through tsx;
// `npx splitwg where …` maps a position in the generated ucode back to the
// TypeScript (tools/ucode/where.mjs).
if (process.argv[2] === 'where') {
	const { main } = await import('./ucode/where.mjs');
	process.exit(main(process.argv.slice(3)));
}
const { register } = await import('tsx/esm/api');
register();
await import('../src/dev/cli.ts');
