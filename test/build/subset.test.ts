// The ucode subset is enforced by the compiler: each construct ucode cannot
// run, or runs differently, fails the check with file:line.
import { test } from 'vitest';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
// @ts-expect-error plain JS build tool
import { checkProgram } from '../../tools/ucode/check.mjs';

const repo = process.cwd();

function check(body: string): string[] {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'swsubset-'));
	fs.mkdirSync(path.join(dir, 'src/core'), { recursive: true });
	fs.writeFileSync(path.join(dir, 'src/core/bad.ts'), body);
	const cfg = JSON.parse(fs.readFileSync(path.join(repo, 'tsconfig.json'), 'utf8'));
	cfg.files = cfg.files.map((f: string) => path.join(repo, f));
	cfg.include = ['src/core/**/*.ts'];
	fs.writeFileSync(path.join(dir, 'tsconfig.json'), JSON.stringify(cfg));
	try { return checkProgram(path.join(dir, 'tsconfig.json')); } finally { fs.rmSync(dir, { recursive: true, force: true }); }
}

const CASES: [string, string, number, RegExp][] = [
	['arr.push', 'export function f(arr: number[]) {\n\tarr.push(1);\n}\n', 2, /Property 'push' does not exist/],
	['s.length', 'export function f(s: string) {\n\treturn s.length;\n}\n', 2, /Property 'length' does not exist/],
	['class', 'export function f() { return 1; }\nclass X {}\n', 2, /no classes/],
	['destructuring', 'export function f(o: { a: number }) {\n\tconst { a } = o;\n\treturn a;\n}\n', 2, /no destructuring/],
	['typeof', 'export function f(x: unknown) {\n\treturn typeof x;\n}\n', 2, /no `typeof`/],
	['regex (?:', 'const R = /(?:ab)+/;\nexport function f(s: string) {\n\treturn match(s, R);\n}\n', 1, /POSIX ERE/],
	['lazy quantifier', 'const R = /a.*?b/;\nexport function f(s: string) {\n\treturn match(s, R);\n}\n', 1, /lazy quantifier/],
	['integer division', 'export function f(a: number, b: number) {\n\treturn a / b;\n}\n', 2, /int\(a \/ b\)/],
	['new', 'export function f() {\n\treturn new Error("x");\n}\n', 2, /`new`/],
	['Object', 'export function f(o: object) {\n\treturn Object.keys(o);\n}\n', 2, /Cannot find name 'Object'|does not exist in ucode/],
	['JSON', 'export function f(o: object) {\n\treturn JSON.stringify(o);\n}\n', 2, /JSON/],
	['for…of', 'export function f(a: number[]) {\n\tfor (const x of a) print(x);\n}\n', 2, /for…of/],
	['for…in over an array', 'export function f(a: number[]) {\n\tfor (let x in a) print(x);\n}\n', 2, /yields VALUES/],
	['in on an array', 'export function f(a: number[]) {\n\treturn 1 in a;\n}\n', 2, /tests VALUES/],
	['loop-variable closure', 'export function f() {\n\tconst fs: (() => number)[] = [];\n\tfor (let i = 0; i < 3; i++) push(fs, () => i);\n\treturn fs;\n}\n', 3, /captures loop variable "i"/],
	['non-integer literal', 'export function f() {\n\treturn 1.5;\n}\n', 2, /non-integer literal/],
	['for (const … in)', 'export function f(o: object) {\n\tfor (const k in o) print(k);\n}\n', 2, /for \(const x in/],
	['enum', 'export function f() { return 1; }\nenum E { A }\n', 2, /no enums/],
	['push return value is void', 'export function f(a: number[]) {\n\treturn push(a, 1) + 1;\n}\n', 2, /void|Operator '\+' cannot/],
	['regex literal in a function (recompiled per call)', 'export function f(s: string) {\n\treturn match(s, /^a+$/);\n}\n', 2, /module-level const/],
	// regex features JS RegExp (the shim) and ucode's POSIX ERE read differently
	['regex POSIX class', 'const A = 1;\nconst R = /[[:cntrl:]]/;\nexport function f(s: string) {\n\treturn match(s, R) && A;\n}\n', 2, /POSIX bracket class \[:cntrl:\]/],
	['regex negated bracket without \\n', 'const R = /^([^-]*)-([^-]*)$/;\nexport function f(s: string) {\n\treturn match(s, R);\n}\n', 1, /negated bracket \[\^…\] without \\n/],
	['regex `.`', 'const R = /^(.+) : x$/;\nexport function f(s: string) {\n\treturn match(s, R);\n}\n', 1, /regex `\.`.*write \[\^\\n\]/],
	['regex \\d', 'const R = /^\\d+$/;\nexport function f(s: string) {\n\treturn match(s, R);\n}\n', 1, /regex escape \\d/],
	['regex \\b', 'const R = /\\bx/;\nexport function f(s: string) {\n\treturn match(s, R);\n}\n', 1, /regex escape \\b/],
	['regex \\- in a bracket', 'const R = /[a\\-z]/;\nexport function f(s: string) {\n\treturn match(s, R);\n}\n', 1, /regex escape \\- in a bracket expression/],
	['regex ] first in a bracket', 'const R = /[]a]/;\nexport function f(s: string) {\n\treturn match(s, R);\n}\n', 1, /`\]` first in a bracket/],
	['regex non-ASCII', 'const R = /^é$/;\nexport function f(s: string) {\n\treturn match(s, R);\n}\n', 1, /non-ASCII/],
	['regex \\x of a printable character', 'const R = /\\x41/;\nexport function f(s: string) {\n\treturn match(s, R);\n}\n', 1, /only control characters/],
	['regex s flag', 'const R = /^a$/s;\nexport function f(s: string) {\n\treturn match(s, R);\n}\n', 1, /only g and i/],
	['string replace pattern', 'export function f(s: string) {\n\treturn replace(s, "a", "b");\n}\n', 2, /not assignable to parameter of type 'RegExp'/],
];

for (const [name, src, line, msg] of CASES) {
	test(`subset: ${name} fails with file:line`, () => {
		const errors = check(src);
		const hit = errors.find((e) => e.startsWith(`src/core/bad.ts:${line}:`) && msg.test(e));
		assert.ok(hit, `expected src/core/bad.ts:${line}: ${msg} in\n${errors.join('\n')}`);
	});
}

test('subset: regexes that JS and ucode read alike pass', () => {
	const errors = check([
		'const A = /^[\\x01-\\x1f\\x7f]$/;',
		'const B = /^([^\\n-]*)-([^:\\n]*)$/;',
		'const C = /^[A-Za-z0-9+\\/]{42}[AE]=$/gi;',
		'const D = /^(\\*\\.|\\.)+|\\.+$/g;',
		"const E = /[^'\\\\\\n]|\\n/;",
		'export function f(s: string) {',
		'\treturn match(s, A) || match(s, B) || match(s, C) || match(s, D) || match(s, E);',
		'}',
		'',
	].join('\n'));
	assert.deepEqual(errors, []);
});

test('subset: valid ucode-style code passes', () => {
	const errors = check('const R = /^[a-z]+$/;\nexport function f(a: number[], s: string): number {\n\tif (match(s, R)) push(a, 1);\n\tpush(a, length(s));\n\tfor (let i = 0; i < length(a); i++) a[i] = int(a[i] / 2);\n\treturn length(a);\n}\n');
	assert.deepEqual(errors, []);
});
