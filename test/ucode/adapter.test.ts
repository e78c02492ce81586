// The thin ucode adapter (src/ucode/shim.ts): each expression below is valid
// in both languages; under Node it runs on the adapter, and under every real
// ucode at hand ($UCODE, /usr/local/bin/ucode — HEAD — and the 0.0.20250529
// release in /opt/ucode-20250529) the same text must give the same %J line.
// Without a ucode the expected values written here still hold.
import { test } from 'vitest';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import * as S from '../../src/ucode/shim';

// [ucode/JS expression, its value as %J]
const CASES: [string, string][] = [
	['length("héllo")', '6'],
	['length([1, 2, 3])', '3'],
	['length({ a: 1 })', '1'],
	['index("aéb", "b")', '3'],
	['rindex("a.b.c", ".")', '3'],
	['index([1, "1", 2], "1")', '1'],
	['substr("héllo", 3)', '"llo"'],
	['substr("abcdef", -3, 2)', '"de"'],
	['substr("abcdef", 1, -2)', '"bcd"'],
	['ord("é", 1)', '169'],
	['ord("abc", -1)', '99'],
	['ord("abc", 5)', 'null'],
	['chr(97, 98)', '"ab"'],
	['trim("  a b \\n")', '"a b"'],
	['lc("ÀB")', '"Àb"'],
	['uc("äb")', '"äB"'],
	['join("-", [1, "a", null, [2]])', '"1-a-null-[ 2 ]"'],
	['split("a,b,,c", ",")', '[ "a", "b", "", "c" ]'],
	['split("a,b,c", ",", 2)', '[ "a", "b,c" ]'],
	['split("", ",")', '[ "" ]'],
	['split("a1b22c", /[0-9]+/)', '[ "a", "b", "c" ]'],
	['split("ab", /x*/)', '[ "a", "b" ]'],
	['match("a-b", /^([^\\n-]*)-([^\\n-]*)$/)', '[ "a-b", "a", "b" ]'],
	['match("ab", /a(x)?b/)', '[ "ab", null ]'],
	['match("x", /y/)', 'null'],
	['match("a1b2", /[a-z]([0-9])/g)', '[ [ "a1", "1" ], [ "b2", "2" ] ]'],
	['match("ABC", /b/i)', '[ "B" ]'],
	['match("é", /^[^\\n]{2}$/)', '[ "é" ]'],
	['replace("aXbXc", /X/, "-")', '"a-bXc"'],
	['replace("aXbXc", /X/g, "-")', '"a-b-c"'],
	['replace("aXbXc", /X/g, "-", 1)', '"a-bXc"'],
	['replace("k=v", /([a-z]+)=([a-z]+)/, "$2=$1 [$&] $$ $9")', '"v=k [k=v] $ $9"'],
	['replace("ab", /(a)(x)?/, (m, a, x) => a + "/" + x)', '"a/nullb"'],
	['replace("é", /[^a-z\\n]/g, "_")', '"__"'],
	['replace("abc", /x*/g, "-")', '"-a-b-c-"'],
	['push([1], 2, 3)', '3'],
	['map([10, 20], (v, i) => v + i)', '[ 10, 21 ]'],
	['filter([1, 2, 3, 4], (v) => v % 2)', '[ 1, 3 ]'],
	['slice([1, 2, 3, 4], 1, -1)', '[ 2, 3 ]'],
	['sort([10, 9, 100])', '[ 9, 10, 100 ]'],
	['sort(["b", "a", "B"])', '[ "B", "a", "b" ]'],
	['sort([3, 1, 2], (a, b) => b - a)', '[ 3, 2, 1 ]'],
	['uniq([1, "1", 1, null, null])', '[ 1, "1", null ]'],
	['keys({ b: 1, a: 2 })', '[ "b", "a" ]'],
	['values({ b: 1, a: 2 })', '[ 1, 2 ]'],
	['keys([1])', 'null'],
	['exists({ a: null }, "a")', 'true'],
	['min(3, 1, 2)', '1'],
	['type(1)', '"int"'],
	['type("")', '"string"'],
	['type([])', '"array"'],
	['type({})', '"object"'],
	['type(null)', 'null'],
	['type(/x/)', '"regexp"'],
	['int("  42abc")', '42'],
	['int("-7")', '-7'],
	['int("0x1f", 16)', '31'],
	['int("ff", 16)', '255'],
	['int(7)', '7'],
	['hex("0xff")', '255'],
	['iptoarr("10.0.0.1")', '[ 10, 0, 0, 1 ]'],
	['iptoarr("::ffff:1.2.3.4")', '[ 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 255, 255, 1, 2, 3, 4 ]'],
	['iptoarr("01.2.3.4")', 'null'],
	['iptoarr("10.0.0.0/8")', 'null'],
	['arrtoip([32, 1, 13, 184, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1])', '"2001:db8::1"'],
	['arrtoip([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 255, 255, 1, 2, 3, 4])', '"::ffff:1.2.3.4"'],
	['arrtoip([1, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1])', '"100:1::1"'],
	['arrtoip([1, 2, 3])', 'null'],
	['json("{\\"a\\": [1, \\"x\\"]}")', '{ "a": [ 1, "x" ] }'],
	['sprintf("%s|%5s|%-5s|%d|%05d|%x|%08x|%X", "a", "b", "c", -3, 42, 255, 3735928559, 171)', '"a|    b|c    |-3|00042|ff|deadbeef|AB"'],
	['sprintf("%s %s", null, [1, { a: "x" }])', '"(null) [ 1, { \\"a\\": \\"x\\" } ]"'],
	['sprintf("%J", "a\\"\\n\\u0001")', '"\\"a\\\\\\"\\\\n\\\\u0001\\""'],
	['sprintf("%.J", { a: [1], b: {} })', '"{\\n\\t\\"a\\": [\\n\\t\\t1\\n\\t],\\n\\t\\"b\\": {\\n\\t}\\n}"'],
	['sprintf("%.2J", [1])', '"[\\n  1\\n]"'],
	['sprintf("%3s|", "é")', '" é|"'],   // widths count bytes
	['sprintf("%d%%", 5)', '"5%"'],
];

const J = (v: unknown) => S.sprintf('%J', v);
// the builtins as parameters, so each expression runs on the adapter
const names = Object.keys(S).filter((k) => typeof (S as Record<string, unknown>)[k] === 'function');
const run = (expr: string): unknown => new Function(...names, `return (${expr});`)(...names.map((n) => (S as Record<string, unknown>)[n]));

for (const [expr, want] of CASES) {
	test(`adapter: ${expr}`, () => assert.equal(J(run(expr)), want));
}

const UCODES = [...new Set([process.env.UCODE, '/usr/local/bin/ucode', '/opt/ucode-20250529/bin/ucode'])].filter((u): u is string => !!u && fs.existsSync(u));
for (const ucode of UCODES) {
	test(`adapter: every case gives the same under ${ucode}`, () => {
		const src = CASES.map(([e]) => `print(sprintf("%J\\n", ${e}));`).join('\n');
		const r = spawnSync(ucode, ['-e', src], { encoding: 'utf8' });
		assert.equal(r.status, 0, r.stderr);
		assert.deepEqual(r.stdout.split('\n').slice(0, -1), CASES.map(([, w]) => w));
	});
}
if (!UCODES.length) test('adapter: no ucode binary — compared with the values written here only', { skip: true }, () => {});

// Where JS would differ from ucode, the adapter refuses.
const DIES: [string, RegExp][] = [
	['match("a\\nb", /^b$/)', /anchors \^\/\$ at every line/],
	['replace("x\\ny", /y$/, "")', /newline/],
	['match("a\\u0000b", /b/)', /NUL/],
	['substr("é", 0, 1)', /UTF-8 character/],
	['chr(233)', /ASCII only/],
	['sprintf("%d", 1.5)', /integers only/],
	['sprintf("%J", 0.5)', /integers only/],
	['replace("a", "a", "b")', /string pattern/],
	['split("ab", "")', /bytes/],
	['json("{")', /json\(\)/],
];
for (const [expr, msg] of DIES) {
	test(`adapter refuses: ${expr}`, () => assert.throws(() => run(expr), (e: unknown) => e instanceof S.UcodeError && msg.test(e.message)));
}

test('adapter: a newline is fine where no ^/$ can see it', () => {
	assert.equal(J(run('match("a\\nb", /[\\x01-\\x1f]/)')), '[ "\\n" ]');
	assert.equal(J(run('split("a\\nb", /\\n/)')), '[ "a", "b" ]');
	assert.equal(J(run('replace("a\\nb", /[^a-z\\n]|\\n/g, "_")')), '"a_b"');
});

test('adapter: print/warn go through the hooks, exit too', () => {
	const out: string[] = [];
	const saved = { ...S.hooks };
	S.hooks.stdout = (t) => { out.push(t); };
	S.hooks.stderr = (t) => { out.push(`!${t}`); };
	S.hooks.exit = ((c: number) => { throw new Error(`exit ${c}`); }) as never;
	try {
		S.print('a', 1, null, [2]);
		S.warn('w');
		assert.throws(() => S.exit(3), /exit 3/);
	} finally { Object.assign(S.hooks, saved); }
	assert.deepEqual(out, ['a1[ 2 ]', '!w']);
});

test('adapter: install() sets the builtins and ARGV as globals', () => {
	const g: Record<string, unknown> = {};
	S.install(g, ['x']);
	assert.deepEqual(g.ARGV, ['x']);
	assert.equal(g.sprintf, S.sprintf);
	assert.equal(g.match, S.match);
});
