// Turns an esbuild ESM bundle into ucode source. Only rewrites with a
// faithful meaning are done here; everything else was rejected on the
// TypeScript source by check.mjs. Anything unexpected that still reaches the
// bundle (an esbuild helper, say) fails the build with the bundle line and the
// source file esbuild's "// src/…" comment names.
import * as acorn from 'acorn';
import * as walk from 'acorn-walk';
import MagicString from 'magic-string';

const isFn = (n) => n.type === 'FunctionDeclaration' || n.type === 'FunctionExpression' || n.type === 'ArrowFunctionExpression';
const BANNED = new Set(['Object', 'JSON', 'Math', 'Symbol', 'Reflect', 'Promise', 'Map', 'Set', 'arguments', 'globalThis']);

function sourceOf(code, pos) {
	const before = code.slice(0, pos);
	const m = [...before.matchAll(/^\/\/ (src\/\S+)$/gm)].pop();
	const line = before.split('\n').length;
	return `bundle line ${line}${m ? ` (from ${m[1]})` : ''}`;
}

// Every `var` in a function (not in nested functions), and every let/const/
// function that is a direct statement of the body: ucode does not hoist, so
// these become one leading `let` and assignments in place.
function hoistScope(s, body, isProgram) {
	const names = [];
	const fns = [];
	const add = (n) => { if (!names.includes(n)) names.push(n); };
	const declToAssign = (decl, asForInit) => {
		const ds = decl.declarations;
		for (const d of ds) {
			if (d.id.type !== 'Identifier') throw new Error('destructuring reached the bundle');
			add(d.id.name);
		}
		if (asForInit === 'forin' || ds.some(d => d.init)) {
			s.remove(decl.start, ds[0].start);   // drop the keyword: `a = 1, b = 2;` is an expression
			ds.forEach((d, i) => {
				if (d.init || asForInit === 'forin') return;
				if (i + 1 < ds.length) s.remove(d.start, ds[i + 1].start);
				else s.remove(ds[i - 1].end, d.end);
			});
		} else {
			s.remove(decl.start, decl.end);
		}
	};
	const stmts = isProgram ? body.body : body.body;
	for (const st of stmts) {
		if (st.type === 'VariableDeclaration') declToAssign(st, false);
		else if (st.type === 'FunctionDeclaration') { add(st.id.name); fns.push(st); }
	}
	// nested `var`s (function-scoped in JS)
	const visitVars = (node) => {
		for (const key of Object.keys(node)) {
			const v = node[key];
			const kids = Array.isArray(v) ? v : [v];
			for (const k of kids) {
				if (!k || typeof k.type !== 'string') continue;
				if (isFn(k)) continue;
				if (k.type === 'VariableDeclaration' && k.kind === 'var' && !stmts.includes(k)) {
					const forin = (node.type === 'ForInStatement' && node.left === k);
					const forinit = (node.type === 'ForStatement' && node.init === k);
					declToAssign(k, forin ? 'forin' : forinit);
					continue;
				}
				visitVars(k);
			}
		}
	};
	for (const st of stmts) if (!(st.type === 'FunctionDeclaration')) visitVars(st);
	if (!names.length) return;
	// (a program's imports are lifted above everything by toUcode)
	const insertAt = isProgram ? 0 : body.start + 1;
	const lead = (isProgram ? '' : '\n') + `let ${names.join(', ')};\n`;
	s.appendLeft(insertAt, lead);
	// function declarations run first, as JS hoisting would have them
	for (const f of fns) {
		if (f.start > insertAt) s.move(f.start, f.end, insertAt);
		// anonymous: ucode 0.0.20250529 binds a function expression's own name
		// in the enclosing scope ("Variable redeclared" next to the `let`)
		s.remove(f.id.start - 1, f.id.end);
		s.prependRight(f.start, `${f.id.name} = `);
		s.appendLeft(f.end, ';\n');
	}
}

function defaultParams(s, fn) {
	const inits = [];
	for (const p of fn.params) {
		if (p.type === 'AssignmentPattern') {
			if (p.left.type !== 'Identifier') throw new Error('destructuring default reached the bundle');
			inits.push(`${p.left.name} ??= ${s.slice(p.right.start, p.right.end)};`);
			s.remove(p.left.end, p.end);
		} else if (p.type !== 'Identifier' && p.type !== 'RestElement') {
			throw new Error(`parameter pattern ${p.type} reached the bundle`);
		}
	}
	if (!inits.length) return;
	if (fn.body.type === 'BlockStatement') s.appendLeft(fn.body.start + 1, ' ' + inits.join(' '));
	else {
		s.appendLeft(fn.body.start, `{ ${inits.join(' ')} return (`);
		s.appendRight(fn.body.end, '); }');
	}
}

/**
 * @param {string} code esbuild output (format esm)
 * @param {'module'|'script'} kind module keeps `export {…}`; script turns the
 *   default export into a top-level `return` (rpcd plugins) and allows no other.
 */
export function toUcode(code, kind) {
	const ast = acorn.parse(code, { ecmaVersion: 'latest', sourceType: 'module', locations: true });
	const s = new MagicString(code);
	const errors = [];
	const fail = (node, msg) => errors.push(`${sourceOf(code, node.start)}: ${msg}`);

	walk.fullAncestor(ast, (node, _state, ancestors) => {
		const parent = ancestors[ancestors.length - 2];
		switch (node.type) {
		case 'ClassDeclaration': case 'ClassExpression': fail(node, 'class'); break;
		case 'NewExpression': fail(node, '`new`'); break;
		case 'ForOfStatement': fail(node, 'for…of'); break;
		case 'DoWhileStatement': fail(node, 'do…while'); break;
		case 'LabeledStatement': fail(node, 'label'); break;
		case 'TaggedTemplateExpression': fail(node, 'tagged template'); break;
		case 'AwaitExpression': case 'YieldExpression': fail(node, 'async/generator'); break;
		case 'ObjectPattern': case 'ArrayPattern': fail(node, 'destructuring'); break;
		case 'TryStatement': if (node.finalizer) fail(node, 'finally'); break;
		case 'BinaryExpression': if (node.operator === 'instanceof') fail(node, 'instanceof'); break;
		case 'Property':
			if (node.kind !== 'init') fail(node, 'getter/setter');
			// `{ m() {} }` parses only in ucode newer than 0.0.20250529
			if (node.method) s.appendLeft(node.value.start, ': function');
			if (!node.computed && node.key.type === 'Literal' && typeof node.key.value === 'number') fail(node, 'numeric key');
			break;
		case 'Literal':
			if (node.regex && /[^gis]/.test(node.regex.flags)) fail(node, `regex flags ${node.regex.flags}`);
			break;
		case 'UnaryExpression':
			if (node.operator === 'typeof') fail(node, 'typeof');
			else if (node.operator === 'void') {
				if (node.argument.type === 'Literal' && node.argument.value === 0) s.overwrite(node.start, node.end, 'null');
				else fail(node, 'void');
			}
			break;
		case 'ThrowStatement':
			s.overwrite(node.start, node.argument.start, 'die(');
			s.overwrite(node.argument.end, node.end, ');');
			break;
		case 'Identifier': {
			const isKey = parent && ((parent.type === 'MemberExpression' && parent.property === node && !parent.computed) ||
				(parent.type === 'Property' && parent.key === node && !parent.computed && !parent.shorthand));
			if (isKey) break;
			if (node.name === 'undefined') {
				if (parent.type === 'Property' && parent.shorthand) s.overwrite(node.start, node.end, 'undefined: null');
				else s.overwrite(node.start, node.end, 'null');
			} else if (BANNED.has(node.name)) fail(node, `\`${node.name}\` does not exist in ucode`);
			break;
		}
		}
	});
	if (errors.length) throw new Error('ucode rewrite:\n  ' + errors.join('\n  '));

	walk.full(ast, (node) => { if (isFn(node)) defaultParams(s, node); });
	walk.full(ast, (node) => {
		if (isFn(node) && node.body.type === 'BlockStatement') hoistScope(s, node.body, false);
	});

	let ret = null;
	for (const st of ast.body) {
		if (st.type === 'ExportNamedDeclaration' && st.declaration) fail(st, 'export with declaration (esbuild should emit export lists)');
		if (st.type === 'ExportDefaultDeclaration') {
			if (kind !== 'script') fail(st, 'default export in a module');
			else { ret = s.slice(st.declaration.start, st.declaration.end); s.remove(st.start, st.end); }
		}
		if (st.type === 'ExportNamedDeclaration' && !st.declaration && kind === 'script') {
			for (const sp of st.specifiers) {
				if (sp.exported.name === 'default') ret = sp.local.name;
				else fail(sp, `script exports "${sp.exported.name}": a script hands back only its default export`);
			}
			s.remove(st.start, st.end);
		}
	}
	if (errors.length) throw new Error('ucode rewrite:\n  ' + errors.join('\n  '));
	// ucode resolves imported names where the import stands, so every import
	// goes first, whatever order esbuild concatenated the modules in
	const imports = [];
	for (const st of ast.body) if (st.type === 'ImportDeclaration') { imports.push(s.slice(st.start, st.end)); s.remove(st.start, st.end); }
	hoistScope(s, ast, true);
	let out = (imports.length ? imports.join('\n') + '\n' : '') + s.toString().replace(/\n{3,}/g, '\n\n').trimStart().trimEnd() + '\n';
	if (ret) out += `\nreturn ${ret};\n`;
	return out;
}
