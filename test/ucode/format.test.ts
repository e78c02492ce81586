// sprintf()/%J (src/ucode/shim/format.ts, stringify.ts, float.ts): C printf
// semantics and ucode's value/JSON output. Expected values come from a real
// ucode (81205a2).
import { test } from 'vitest';
import assert from 'node:assert/strict';
import * as S from '../../src/ucode/shim';
import { J } from './helpers';

const { sprintf } = S;

test('sprintf("%J") is ucode JSON, "%.J" pretty-prints', () => {
	assert.equal(J({ a: [1, 'x/y'] }), '{ "a": [ 1, "x/y" ] }');
	assert.equal(J({ a: [1, 'x/y', 0.5, null, true, false, {}, [], { b: { c: [] } }], 'k"\\': '\u0001\u001f\b\f\n\r\t\u007f' }),
		'{ "a": [ 1, "x/y", 0.5, null, true, false, { }, [ ], { "b": { "c": [ ] } } ], "k\\"\\\\": "\\u0001\\u001f\\b\\f\\n\\r\\t\u007f" }');
	assert.equal(sprintf('%.J', { a: [1, { b: 2 }], c: {}, d: [] }), '{\n\t"a": [\n\t\t1,\n\t\t{\n\t\t\t"b": 2\n\t\t}\n\t],\n\t"c": {\n\t},\n\t"d": [\n\t]\n}');
	assert.equal(sprintf('%.2J', { a: [1] }), '{\n  "a": [\n    1\n  ]\n}');
	assert.equal(sprintf('%.0J|%.1J|%.4J', [1], [2], [3]), '[\n\t1\n]|[\n 2\n]|[\n    3\n]');
	assert.equal(J('héllo ✓ 😀'), '"héllo ✓ 😀"'); // non-ASCII passes through, "/" is not escaped
	assert.equal(J([0.1, 1.5, -0.5, 1e100, 1e-7, 123456789.123, 3.14159265358979, 1 / 3, 2 / 3, 1e21]),
		'[ 0.1, 1.5, -0.5, 1e+100, 1e-07, 123456789.123, 3.1415926535898, 0.33333333333333, 0.66666666666667, 1e+21 ]');
	assert.equal(J([NaN, Infinity, -Infinity]), '[ "NaN", 1e309, -1e309 ]');
	assert.equal(J(null), 'null');
	assert.equal(J(undefined), 'null');
	assert.equal(J('x'), '"x"');
	assert.equal(sprintf('%J|%5J|%-6J|', 1, 2, 3), '1|    2|3     |');
	const cyc: { [k: string]: unknown } = {};
	cyc.self = cyc;
	assert.equal(J(cyc), '{ "self": null }');
	assert.equal(J([sprintf]), '[ "function sprintf(...) { [native code] }" ]');
	assert.equal(sprintf('%s', function foo(a: number, b: number) { return a + b; }), 'function foo(a, b) { ... }');
	assert.equal(sprintf('%s|%J', /a\.b\/c/g, /x/is), '/a\\\\.b/c/g|"/x/is"');
});

test('sprintf(): conversions, flags, width, precision (values from real ucode)', () => {
	const cases: [string, unknown[], string][] = [
		['%d|%i|%u|%x|%X|%o', [42, -42, -1, 255, 255, 8], '42|-42|18446744073709551615|ff|FF|10'],
		['%5d|%-5d|%05d|%+d|% d|%+5d|%-+5d|%05.2d', [42, 42, 42, 42, 42, 42, 42, 42], '   42|42   |00042|+42| 42|  +42|+42  |00042'],
		['%08x|%#x|%#X|%#o|%#o|%x', [48879, 255, 255, 8, 0, 0], '0000beef|0xff|0XFF|010|0|0'],
		['%d|%d|%d|%d|%d|%d', ['12', 'abc', 3.9, -3.9, null, true], '12|0|3|-3|0|1'],
		['%d|%x|%d|%d', ['0x10', '0x10', ' 12 ', '1e3'], '16|10|12|1000'],
		['%f|%.2f|%10.3f|%-10.1f|%010.2f|%+.1f|%.0f|%#.0f', [3.14159, 2.675, 3.14159, 2.5, -3.5, 1, 2.5, 3], '3.141590|2.67|     3.142|2.5       |-000003.50|+1.0|2|3.'],
		['%5.2f', [3.14159], ' 3.14'],
		['%e|%.2e|%E|%.0e|%#.0e', [12345.6789, 0.000123, 1e100, 5e10, 5], '1.234568e+04|1.23e-04|1.000000E+100|5e+10|5.e+00'],
		['%g|%g|%g|%g|%g|%g|%G|%.3g|%.10g|%#g', [0.0001, 0.00001, 123456, 1234567, 1e-10, 100, 1e-10, 3.14159, 1 / 3, 1], '0.0001|1e-05|123456|1.23457e+06|1e-10|100|1E-10|3.14|0.3333333333|1.00000'],
		['%f|%e|%g', [1e22, 1e-300, 5e-324], '10000000000000000000000.000000|1.000000e-300|4.94066e-324'],
		['%f|%F|%e|%5.1f|%08.1f', [Infinity, Infinity, NaN, Infinity, Infinity], 'inf|INF|nan|  inf|     inf'],
		['%s|%5s|%-5s|%.2s|%5.1s|%s', ['abc', 'ab', 'ab', 'abc', 'xyz', null], 'abc|   ab|ab   |ab|    x|(null)'],
		['%-10s|', ['%-10s'], '%-10s     |'],
		['%5s|%-6s|%.2s', ['é', 'é', 'éa'], '   é|é    |é'], // widths count bytes
		['%c%c%c|%3c|%-3c|%05c', [65, 66, 256 + 67, 68, 69, 70], 'ABC|  D|E  |    F'],
		['%%|%5%|%z|%|%5', [1], '%|%|%z|%|%5'],
		['%2$s %1$s %s', ['a', 'b', 'c'], 'b a c'],
		['%d %s', [], '0 (null)'],
		['%s|%s|%s|%s', [0.1 + 0.2, 1e301, [1, 'a'], { a: null }], '0.3|1e+301|[ 1, "a" ]|{ "a": null }'],
		['%s|%s', [{}, []], '{ }|[ ]'],
		['%d|%u|%x', [1e19, 1e19, -1e19], '-8446744073709551616|10000000000000000000|8000000000000000'],
		['%x|%X|%u', [4294967295, 4294967296, 2147483648], 'ffffffff|100000000|2147483648'],
		['%.14g|%.17g|%.15g', [0.1, 0.1, 2 / 3], '0.1|0.10000000000000001|0.666666666666667'],
	];
	for (const [fmt, args, want] of cases) assert.equal(sprintf(fmt, ...args), want, fmt);
	assert.equal(sprintf(123 as never), '');
});
