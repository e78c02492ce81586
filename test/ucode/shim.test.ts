// The shim's entry (src/ucode/shim.ts) as a whole. The other test files in
// this directory check each group of builtins against ucode's documented and
// measured semantics (docs/ucode-subset.md, jow-/ucode lib.c, and outputs of a
// real ucode 81205a2). When a ucode binary is available ($UCODE,
// /opt/owrt/bin/ucode or `ucode` on PATH), the differential test below also
// runs a list of expressions through both and compares the output byte for
// byte.
import { test } from 'vitest';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as S from '../../src/ucode/shim';

const { sprintf } = S;

test('install() puts every builtin and ARGV on the target', () => {
	const g: { [k: string]: unknown } = {};
	S.install(g, ['a']);
	for (const name of ['print', 'printf', 'sprintf', 'warn', 'length', 'index', 'rindex', 'push', 'pop', 'shift', 'unshift', 'splice',
		'slice', 'reverse', 'uniq', 'filter', 'map', 'sort', 'join', 'split', 'substr', 'trim', 'ltrim', 'rtrim', 'uc', 'lc', 'chr', 'uchr',
		'ord', 'keys', 'values', 'exists', 'proto', 'type', 'int', 'hex', 'min', 'max', 'match', 'replace', 'regexp', 'wildcard', 'json',
		'b64enc', 'b64dec', 'hexenc', 'hexdec', 'iptoarr', 'arrtoip', 'time', 'clock', 'localtime', 'gmtime', 'timelocal', 'timegm', 'sleep',
		'die', 'exit', 'assert', 'getenv', 'system', 'call', 'loadstring'])
		assert.equal(typeof g[name], 'function', name);
	assert.deepEqual(g.ARGV, ['a']);
	assert.equal(Object.keys(S.builtins).length, 63);
});

// ---------------------------------------------------------------------------
// Differential check against a real ucode, when one is available

function findUcode(): string | null {
	if (process.env.UCODE) return process.env.UCODE;
	if (fs.existsSync('/opt/owrt/bin/ucode')) return '/opt/owrt/bin/ucode';
	const r = spawnSync('sh', ['-c', 'command -v ucode'], { encoding: 'utf8' });
	return r.status === 0 && r.stdout.trim() ? r.stdout.trim() : null;
}

// Expressions valid in both languages, avoiding what the shim cannot model
// (int/double distinction, integer division).
const DIFF = [
	'sprintf("%J", {a:[1,"x/y", 0.5, null, true, {}, [], {b:{c:[]}}], "k\\"": "\\u0001\\t"})',
	'sprintf("%.J|%.2J", {a:[1,{b:2}], c:{}}, [1, [2]])',
	'sprintf("%5d|%-5d|%05d|%+d|%08x|%#x|%#o|%u|%x", 42, 42, 42, 42, 48879, 255, 8, -1, -1)',
	'sprintf("%f|%.2f|%10.3f|%e|%g|%g|%G|%.3g|%#g|%5.2f", 3.14159, 2.675, 3.14159, 12345.6789, 0.0001, 1e-5, 1e-10, 3.14159, 1, 3.14159)',
	'sprintf("%s|%5s|%-5s|%.2s|%s|%c|%%|%z|%2$s", "abc", "é", "é", "abc", null, 65)',
	'sprintf("%s %s %s", [1, "a"], {a: null}, 0.1 + 0.2)',
	'[length("héllo"), substr("héllo", 1, 2), index("héllo", "l"), ord("é"), split("a,b,,c", ","), split("abc", ""), split("a1b", regexp("[0-9]*"))]',
	'[int("0x10"), int("0x10", 16), int(" -12x"), int("abc"), int(3.9), hex("ff"), hex("fg")]',
	'[iptoarr("10.0.0.1"), iptoarr("fe80::1:2"), iptoarr("::ffff:1.2.3.4"), iptoarr("1.2.3.04"), iptoarr("1:2:3:4:5:6:7::")]',
	'[arrtoip([32,1,13,184,0,0,0,0,0,1,0,0,0,0,0,1]), arrtoip([0,0,0,0,0,0,0,0,0,0,0,0,1,2,3,4]), arrtoip([0,0,0,0,0,1,0,0,0,0,0,1,0,1,0,1]), arrtoip([1,2,3,256])]',
	'[match("a\\nfoo", regexp("^foo$")), match("a\\nb", regexp("a.b", "s")), match("abcd", regexp("ab|abcd")), match("a1b2", regexp("[0-9]", "g")), match("abc", regexp("x*$", "g"))]',
	'[split("a\\nb\\nc", regexp("^")), replace("a\\nb", regexp("$", "g"), ";"), rindex("abc", "a"), rindex("aXa", "a"), lc(chr(65, 0, 66))]',
	'[replace("abc", regexp("x*$"), "-"), replace("abcabc", "b", "[$&|$`|$\']"), replace("hello", regexp("(l)(l)?", "g"), "<$1$2>")]',
	'[sort([10, 9, 1, 2]), sort(["10", "9", "b", "B", null, true]), sort({b: 1, a: 2}), uniq([1, "1", 1, null, null]), join(",", [1, null, [2]])]',
	'[json("{\'a\': [1, TRUE, NaN],}"), b64enc("héllo"), b64dec("aGk="), hexenc("é"), hexdec("C3A9"), gmtime(1647953502)]',
	'[timegm({year: 2022, mon: 3, mday: 22, hour: 13}), wildcard("a/b", "a*b"), trim("xxaxx", "x"), uc("é a"), chr(65, 300), uchr(0x20ac)]',
];

test('differential: shim output equals a real ucode', (t) => {
	const ucode = findUcode();
	if (!ucode) { t.skip('no ucode binary ($UCODE, /opt/owrt/bin/ucode or ucode on PATH)'); return; }
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shimdiff-'));
	const file = path.join(dir, 'd.uc');
	// first line: which ucode this is (rindex() at offset 0 was fixed after v0.0.20250529)
	fs.writeFileSync(file, 'print(rindex("ab", "a"), "\\n");\n' +
		DIFF.map((e) => `try { print(sprintf("%J", (${e})), "\\n"); } catch (e) { print("DIE ", e.type, ": ", e.message, "\\n"); }`).join('\n') + '\n');
	const r = spawnSync(ucode, [file]);
	fs.rmSync(dir, { recursive: true, force: true });
	if (r.error || r.status !== 0) { t.skip(`cannot run ${ucode}: ${r.error?.message ?? r.stderr.toString()}`); return; }
	const want = r.stdout.toString('latin1').split('\n');
	const release = want.shift() === '-1';
	// a ucode on a desktop is linked against glibc, not musl like OpenWrt's
	const glibc = !!(process.report?.getReport() as { header?: { glibcVersionRuntime?: string } })?.header?.glibcVersionRuntime;
	S.install(globalThis);
	if (glibc) S.setLibc('glibc');
	if (release) S.setUcodeVersion('v0.0.20250529');
	try {
		DIFF.forEach((e, i) => {
			let got: string;
			try { got = sprintf('%J', new Function(`return (${e});`)()); } catch (x) { got = `DIE ${(x as S.UcodeError).type}: ${(x as Error).message}`; }
			assert.equal(Buffer.from(S.encodeBytes(got)).toString('latin1'), want[i], e);
		});
	} finally { S.setLibc('musl'); S.setUcodeVersion('snapshot'); }
});
