// luci.mk minifies every .js of a LuCI app when it packs it (jsmin,
// CONFIG_LUCI_JSMIN, default y); tools/package.mjs does the same with
// esbuild, for the files a package lists in `minify` (packaging/packages.mjs).
// The committed files stay as the build writes them.
//
// A LuCI module is not a script. luci.js (L.require, compileClass) reads the
// 'require x as y' strings from the start of the source text, then evaluates
// the text as the body of
//   function(window, document, L, <each y>) { <text> }
// and takes its return value as the class. So esbuild is given the text as
// that body, of a function without parameters: the names LuCI binds (and E,
// _, N_ …) stay free, and esbuild renames only what the text declares. The
// function is assigned to a global, so that it is not dropped as unused. Its
// parameters must not be the names of new locals either (`const L=…` in the
// body is a SyntaxError there, "Identifier 'L' has already been declared"):
// a second statement names each of them as a free variable, and esbuild names
// no local like a free variable of the file.
// The wrapper is then cut off and the result checked, or the package is not
// built: the directives are the source's, in its order (written back as the
// source spells them, one a line); the body still ends with the top-level
// `return`; and it needs no newer JavaScript than the source (esbuild's target
// is the oldest version that parses the source: with a later one it writes
// `??` and `?.` into core.js, which is ES2015).
import * as acorn from 'acorn';
import { transformSync } from 'esbuild';

const VERSIONS = [5, 2015, 2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024, 2025];
const HEAD = 'M=function(){';

// luci.js compileClass: a directive's module and the parameter it is bound to
const REQUIRE = /^require[ \t]+(\S+)(?:[ \t]+as[ \t]+([a-zA-Z_]\S*))?$/;

/** The parameters LuCI's factory function has for a module with these directives. */
export function luciParams(directiveValues) {
	const bound = directiveValues.map((d) => REQUIRE.exec(d)).filter(Boolean).map((m) => m[2] ?? m[1].replace(/[^a-zA-Z0-9_]/g, '_'));
	return ['window', 'document', 'L', ...bound];
}

const parse = (text, ecmaVersion) => acorn.parse(text, { ecmaVersion, sourceType: 'script', allowReturnOutsideFunction: true });

/** The oldest ECMAScript version that parses `text` as a module body. */
export function languageVersion(text, file = 'input') {
	let error;
	for (const v of VERSIONS) {
		try { parse(text, v); return v; } catch (e) { error = e; }
	}
	throw new Error(`${file}: does not parse as JavaScript: ${error.message}`);
}

/** The directive prologue of a body: its leading 'string'; statements. */
export function directives(ast) {
	const out = [];
	for (const s of ast.body) {
		if (s.type !== 'ExpressionStatement' || typeof s.directive !== 'string') break;
		out.push(s);
	}
	return out;
}

// The body of `M=function(){…}`, the first statement (esbuild may join the
// second to it with a comma), or null.
function wrappedBody(code) {
	let first;
	try { first = acorn.parse(code, { ecmaVersion: 'latest', sourceType: 'script' }).body[0]; } catch { return null; }
	let e = first?.type === 'ExpressionStatement' ? first.expression : null;
	if (e?.type === 'SequenceExpression') e = e.expressions[0];
	const fn = e?.type === 'AssignmentExpression' && e.left.type === 'Identifier' && e.left.name === 'M' ? e.right : null;
	if (fn?.type !== 'FunctionExpression' || fn.params.length || fn.id || fn.async || fn.generator) return null;
	if (code.slice(0, fn.body.start + 1) !== HEAD) return null;
	return code.slice(fn.body.start + 1, fn.body.end - 1);
}

/** @param {string} source a LuCI module @param {string} file its name, for errors @returns {string} */
export function minifyLuciModule(source, file) {
	const version = languageVersion(source, file);
	const ast = parse(source, version);
	const prologue = directives(ast);
	if (ast.body.at(-1)?.type !== 'ReturnStatement') throw new Error(`${file}: does not end with a top-level return (LuCI takes the class from it)`);

	const params = luciParams(prologue.map((s) => s.directive));
	const { code } = transformSync(`${HEAD}${source}\n};N=[${params.join(',')}];\n`, {
		minify: true, target: version === 5 ? 'es5' : `es${version}`, charset: 'utf8', logLevel: 'silent',
	});
	const fail = (why) => new Error(`${file}: minified, ${why}`);
	const body = wrappedBody(code);
	if (body === null) throw fail(`the wrapper function is gone: ${code.slice(0, 40)}…`);
	let min;
	try { min = parse(body, version); } catch (e) { throw fail(`it needs newer JavaScript than ES${version === 5 ? 5 : version} (${e.message})`); }
	const kept = directives(min);
	const said = (list) => JSON.stringify(list.map((s) => s.directive));
	if (said(kept) !== said(prologue)) throw fail(`its directives changed: ${said(kept)}`);
	if (min.body.at(-1)?.type !== 'ReturnStatement') throw fail('it no longer ends with the top-level return');

	const lines = prologue.map((s) => source.slice(s.start, s.end)).map((d) => d.endsWith(';') ? d : `${d};`);
	return [...lines, body.slice(kept.at(-1)?.end ?? 0)].join('\n') + '\n';
}
