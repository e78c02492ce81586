// The developer CLI sessions shown in docs/cli.md are what it prints: each `$ npx splitwg …` line
// of a code block is run and its output compared with the lines under it.
import { test } from 'vitest';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';

interface Example { args: string[]; out: string; line: number }

function examples(file: string): Example[] {
	const lines = fs.readFileSync(file, 'utf8').split('\n');
	const out: Example[] = [];
	let cur: Example | null = null;
	let inBlock = false;
	lines.forEach((l, i) => {
		if (l.startsWith('```')) { inBlock = !inBlock; cur = null; return; }
		if (!inBlock) return;
		const m = /^\$ npx splitwg (.*?)(\s+#.*)?$/.exec(l);
		if (m) {
			// words, "double quoted" ones kept together
			const args = [...m[1]!.matchAll(/"([^"]*)"|(\S+)/g)].map((w) => w[1] ?? w[2]!);
			cur = { args, out: '', line: i + 1 };
			out.push(cur);
		} else if (cur) cur.out += `${l}\n`;
	});
	return out;
}

test('docs/cli.md: every shown `npx splitwg` session prints what is shown', () => {
	const all = examples('docs/cli.md');
	// a session over a file the reader makes (my.conf) is shown, not run
	const runnable = all.filter((e) => fs.existsSync(e.args[e.args.indexOf('--config') + 1]!));
	assert.ok(runnable.length >= 4, `sessions found: ${all.length}`);
	for (const e of runnable) {
		const r = spawnSync(process.execPath, ['tools/splitwg-dev.mjs', ...e.args], { encoding: 'utf8' });
		assert.equal(r.stdout + r.stderr, e.out, `docs/cli.md:${e.line}: npx splitwg ${e.args.join(' ')}`);
	}
});
