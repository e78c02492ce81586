// What the docs and the shipped files point at exists: in the repository, or in the package.
import { test } from 'vitest';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const tracked = () => execFileSync('git', ['ls-files'], { encoding: 'utf8' }).split('\n').filter((f) => f && fs.existsSync(f));

test('the shipped config names only files the splitwg package installs, or docs in the sources', () => {
	const text = fs.readFileSync('files/etc/config/splitwg', 'utf8');
	const comments = text.split('\n').filter((l) => l.trimStart().startsWith('#')).join('\n');
	const abs = [...comments.matchAll(/(?<![\w.])\/(?:etc|usr|var)\/[\w./-]*\w/g)].map((m) => m[0]);
	for (const p of abs) assert.ok(fs.existsSync(path.join('files', p)), `${p}: not in the package (files/${p})`);
	const rel = [...comments.matchAll(/\bdocs\/[\w./-]*\w/g)].map((m) => m[0]);
	assert.ok(rel.length, 'points to the option reference');
	for (const p of rel) assert.ok(fs.existsSync(p), `${p}: not in the sources`);
});

test('nothing points outside the repository (../shared/…)', () => {
	const skip = new Set(['test/docs/paths.test.ts']);
	const bad = tracked().filter((f) => !skip.has(f) && /\.(md|ts|mjs|js|sh|uc)$|^files\//.test(f))
		.flatMap((f) => fs.readFileSync(f, 'utf8').split('\n').map((l, i) => [f, i + 1, l] as const))
		.filter(([, , l]) => l.includes('../shared/'))
		.map(([f, n, l]) => `${f}:${n}: ${l.trim()}`);
	assert.deepEqual(bad, []);
});

test('relative links in README.md and docs/*.md resolve to files of the repository', () => {
	const files = ['README.md', ...fs.readdirSync('docs').filter((f) => f.endsWith('.md')).map((f) => `docs/${f}`)];
	const bad: string[] = [];
	for (const f of files) {
		for (const m of fs.readFileSync(f, 'utf8').matchAll(/\]\(([^)\s#]+)(#[^)]*)?\)/g)) {
			const target = m[1]!;
			if (/^[a-z]+:/.test(target)) continue;
			if (!fs.existsSync(path.join(path.dirname(f), target))) bad.push(`${f}: ${target}`);
		}
	}
	assert.deepEqual(bad, []);
});
