// Turns an esbuild ESM bundle into ucode source. Only rewrites with a
// faithful meaning are done here; everything else was rejected on the
// TypeScript source by check.mjs. Anything unexpected that still reaches the
// bundle (an esbuild helper, say) fails the build with the bundle line and the
// source file esbuild's "// src/…" comment names.
import * as acorn from 'acorn';
import * as walk from 'acorn-walk';
import MagicString from 'magic-string';
import { decode, compose, lookup } from './sourcemap.mjs';

const isFn = (n) => n.type === 'FunctionDeclaration' || n.type === 'FunctionExpression' || n.type === 'ArrowFunctionExpression';
const BANNED = new Set(['Object', 'JSON', 'Math', 'Symbol', 'Reflect', 'Promise', 'Map', 'Set', 'arguments', 'globalThis']);

// "bundle line N (from src/…)" from esbuild's file comments, or the exact
// TypeScript file:line when the bundle's source map is at hand.
function sourceOf(code, pos, ctx) {
	const before = code.slice(0, pos);
	const line = before.split('\n').length;
	const col = pos - before.lastIndexOf('\n') - 1;
	const t = ctx?.lines && lookup(ctx.lines, line - 1, col);
	if (t) return `${ctx.bundleMap.sources[t[1]]}:${t[2] + 1}`;
	const m = [...before.matchAll(/^\/\/ (src\/\S+)$/gm)].pop();
	return `bundle line ${line}${m ? ` (from ${m[1]})` : ''}`;
}

// ---- names ---------------------------------------------------------------
// esbuild concatenates the modules into one scope and renames what would
// clash: a second module's top-level CONTROL becomes CONTROL2, and every
// local that shares a top-level name of any module (a parameter `s` in
// uci.ts, because netifd.ts has a function `s`) gets a number too. Its source
// map keeps the written names; we put them back wherever that captures
// nothing, and a top-level clash becomes <module>_<name>.

const FUNCTION_TYPES = new Set(['FunctionDeclaration', 'FunctionExpression', 'ArrowFunctionExpression']);

/** Every Identifier that names a binding or refers to one (keys and export names are not). */
function identifiers(ast) {
	const ids = [];
	const stack = [];
	const visit = (node) => {
		stack.push(node);
		for (const key of Object.keys(node)) {
			if (key === 'loc') continue;
			const v = node[key];
			for (const k of Array.isArray(v) ? v : [v]) {
				if (!k || typeof k.type !== 'string') continue;
				if (k.type !== 'Identifier') { visit(k); continue; }
				const p = node;
				if ((p.type === 'MemberExpression' && key === 'property' && !p.computed) ||
					(p.type === 'Property' && key === 'key' && !p.computed) ||
					(p.type === 'ExportSpecifier' && key === 'exported') || (p.type === 'ImportSpecifier' && key === 'imported') ||
					(p.type === 'MetaProperty') || ((p.type === 'BreakStatement' || p.type === 'ContinueStatement' || p.type === 'LabeledStatement') && key === 'label')) continue;
				const gp = stack[stack.length - 2];
				const decl = (p.type === 'VariableDeclarator' && key === 'id') ||
					(FUNCTION_TYPES.has(p.type) && (key === 'params' || key === 'id')) ||
					(p.type === 'AssignmentPattern' && key === 'left' && gp && FUNCTION_TYPES.has(gp.type)) ||
					(p.type === 'RestElement' && key === 'argument' && gp && FUNCTION_TYPES.has(gp.type)) ||
					(p.type === 'CatchClause' && key === 'param') || (/^Import.*Specifier$/.test(p.type) && key === 'local');
				ids.push({ node: k, parent: p, decl, ancestors: decl ? [...stack] : null });
			}
		}
		stack.pop();
	};
	visit(ast);
	return ids.sort((a, b) => a.node.start - b.node.start);
}

/** The node a declared name is visible in. */
function extentOf(id) {
	const a = id.ancestors, p = id.parent;
	if (FUNCTION_TYPES.has(p.type) && p.type !== 'FunctionDeclaration') return p;
	if (FUNCTION_TYPES.has(p.type) && id.node !== p.id) return p;
	if (p.type === 'AssignmentPattern' || p.type === 'RestElement' || p.type === 'CatchClause') return p.type === 'CatchClause' ? p : a[a.length - 2];
	if (p.type.startsWith('Import')) return a[0];
	const kind = p.type === 'VariableDeclarator' ? a[a.length - 2].kind : 'let';   // a function declaration: block-scoped
	for (let i = a.length - (p.type === 'VariableDeclarator' ? 3 : 2); i >= 0; i--) {
		const n = a[i];
		if (kind === 'var' ? FUNCTION_TYPES.has(n.type) || n.type === 'Program'
			: /^(BlockStatement|Program|SwitchStatement|ForStatement|ForInStatement|ForOfStatement|StaticBlock)$/.test(n.type) || FUNCTION_TYPES.has(n.type)) return n;
	}
	return a[0];
}

function within(ids, node) {
	let lo = 0, hi = ids.length;
	while (lo < hi) { const m = (lo + hi) >> 1; if (ids[m].node.start < node.start) lo = m + 1; else hi = m; }
	const out = [];
	for (let i = lo; i < ids.length && ids[i].node.start < node.end; i++) out.push(ids[i]);
	return out;
}

function renameTo(s, id, name) {
	const n = id.node, p = id.parent;
	if (n.bundle === undefined) n.bundle = n.name;
	if (p.type === 'ExportSpecifier' && p.exported === n) s.overwrite(n.start, n.end, `${name} as ${n.bundle}`);
	else if (p.type === 'Property' && p.shorthand) s.overwrite(n.start, n.end, `${n.bundle}: ${name}`);
	else s.overwrite(n.start, n.end, name);
	n.name = name;
}

function restoreNames(s, ids, ctx) {
	if (!ctx.lines) return;
	const { bundleMap, lines } = ctx;
	const written = (n) => {
		const seg = (lines[n.loc.start.line - 1] ?? []).find((g) => g[0] === n.loc.start.column);
		if (!seg) return null;
		return seg.length > 4 ? bundleMap.names[seg[4]] : n.name;
	};
	const taken = new Set(ids.map((i) => i.node.name));
	const renames = new Map();   // node → name
	for (const d of ids) {
		if (!d.decl) continue;
		const was = written(d.node);
		if (!was || was === d.node.name) continue;
		const extent = extentOf(d);
		if (extent.type !== 'Program') {
			const inside = within(ids, extent);
			if (inside.some((i) => i.node.name === was)) continue;   // would capture a reference to an outer `was`
			const same = inside.filter((i) => i.node.name === d.node.name);
			if (same.some((i) => written(i.node) !== was)) continue;
			for (const i of same) renames.set(i, was);
			continue;
		}
		// two modules' top-level names: the later module's becomes <module>_<name>
		const seg = lookup(lines, d.node.loc.start.line - 1, d.node.loc.start.column);
		const file = seg ? bundleMap.sources[seg[1]] : '';
		const mod = (file.match(/([^/]+)\/index\.ts$/) ?? file.match(/([^/]+)\.ts$/) ?? [, 'module'])[1].replace(/\W/g, '_');
		const name = `${mod}_${was}`;
		if (taken.has(name)) throw new Error(`ucode rewrite: ${file}: top-level ${was} clashes with another module's, and ${name} is taken too: rename one`);
		taken.add(name);
		for (const i of ids) if (i.node.name === d.node.name) renames.set(i, name);
	}
	for (const [i, name] of renames) renameTo(s, i, name);
}

// ---- declarations where they are written ---------------------------------
// ucode resolves a name when it compiles the reference: a function that uses
// a name declared further down compiles it as a global ("access to undeclared
// variable" when it runs), and it does not hoist function declarations. So a
// declaration stays where the TypeScript has it unless something above uses
// it; such a name is declared with `let` at the start of its module (of its
// function, for locals) and, if it is a function, defined there, as JS
// hoisting would. A name a previous module already uses (an import cycle) is
// declared before all modules.
const bn = (n) => n.bundle ?? n.name;
const cmp = (a, b) => a[0] - b[0] || a[1] - b[1] || a[2] - b[2];

function indentAt(code, pos) {
	const ls = code.lastIndexOf('\n', pos - 1) + 1;
	const m = code.slice(ls, pos).match(/^[ \t]*/);
	return m && m[0].length === pos - ls ? m[0] : '';
}

/** Names on a cycle of `calls` (name → names it uses) through another name. */
function cyclicNames(calls) {
	const out = new Set();
	for (const start of calls.keys()) {
		// does start reach itself through at least one other name?
		const seen = new Set(), todo = [...(calls.get(start) ?? [])].filter((n) => n !== start);
		while (todo.length) {
			const n = todo.pop();
			if (n === start) { out.add(start); break; }
			if (seen.has(n)) continue;
			seen.add(n);
			for (const m of calls.get(n) ?? []) todo.push(m);
		}
	}
	return out;
}

/**
 * @param units [{ at, stmts }]: statements of one scope, in order, each group
 *   declaring its forward-used names at `at` (a module: after its marker)
 * @param region the node whose identifiers may refer to these names
 * @param kind 'program', 'function' (a function body) or 'block' (any other
 *   block: its `var`s belong to the function)
 */
function layout(s, code, ids, units, region, kind) {
	const decls = new Map();
	const unitOf = new Map();
	const stmts = [];
	units.forEach((u, ui) => {
		for (const st of u.stmts) {
			unitOf.set(st, ui);
			stmts.push(st);
			if (st.type === 'VariableDeclaration' && !(kind === 'block' && st.kind === 'var')) {
				for (const d of st.declarations) {
					if (d.id.type !== 'Identifier') throw new Error('destructuring reached the bundle');
					decls.set(bn(d.id), { kind: 'var', stmt: st, unit: ui, id: d.id, end: d.end });
				}
			} else if (st.type === 'FunctionDeclaration') decls.set(bn(st.id), { kind: 'fn', stmt: st, unit: ui, id: st.id });
		}
	});
	// `var` in nested blocks is function-scoped: declared at the start too
	const nestedVars = [];
	const visitVars = (node) => {
		for (const key of Object.keys(node)) {
			const v = node[key];
			for (const k of Array.isArray(v) ? v : [v]) {
				if (!k || typeof k.type !== 'string' || isFn(k)) continue;
				if (k.type === 'VariableDeclaration' && k.kind === 'var') {
					nestedVars.push({ decl: k, mode: node.type === 'ForInStatement' && node.left === k ? 'forin' : node.type === 'ForStatement' && node.init === k });
					continue;
				}
				visitVars(k);
			}
		}
	};
	if (kind !== 'block') {
		for (const st of stmts) if (st.type !== 'FunctionDeclaration' && st.type !== 'VariableDeclaration') visitVars(st);
		for (const st of stmts) if (st.type === 'VariableDeclaration') for (const d of st.declarations) if (d.init) visitVars(d.init);
	}

	const refs = [];
	for (const r of within(ids, region)) {
		const d = decls.get(bn(r.node));
		if (!d || r.node === d.id) continue;
		let lo = 0, hi = stmts.length - 1, st = null;
		while (lo <= hi) {
			const m = (lo + hi) >> 1;
			if (stmts[m].end <= r.node.start) lo = m + 1;
			else if (stmts[m].start > r.node.start) hi = m - 1;
			else { st = stmts[m]; break; }
		}
		if (st) refs.push({ node: r.node, d, st });
	}
	// Functions that reach themselves through another (mutual recursion) can
	// only be ordered by declaring them first; any other function used above
	// its definition moves up to just before its first use, and keeps its name
	// for ucode's stack traces.
	const calls = new Map();
	for (const r of refs) if (r.d.kind === 'fn' && r.st.type === 'FunctionDeclaration' && r.st !== r.d.stmt) {
		const from = bn(r.st.id);
		if (!calls.has(from)) calls.set(from, new Set());
		calls.get(from).add(bn(r.d.id));
	}
	const cyclic = cyclicNames(calls);
	const order = units.map((u) => [...u.stmts]);
	const index = new Map();
	const reindex = (ui) => order[ui].forEach((st, i) => index.set(st, i));
	units.forEach((_, ui) => reindex(ui));
	const topLet = new Set(), topFn = new Set();
	const lets = units.map(() => new Set()), fns = units.map(() => new Set());
	const pos = (st) => {
		const u = unitOf.get(st), name = st.type === 'FunctionDeclaration' ? bn(st.id) : null;
		if (name && topFn.has(name)) return [-1, 1, st.start];
		if (name && fns[u].has(name)) return [u, 1, st.start];
		return [u, 2, index.get(st)];
	};
	const declPos = (name, d) => topLet.has(name) ? [-1, 0, 0] : lets[d.unit].has(name) ? [d.unit, 0, 0] : pos(d.stmt);
	let budget = 20 * stmts.length + 100;   // moves; an order that does not settle falls back to declaring
	for (let changed = true; changed;) {
		changed = false;
		for (const r of refs) {
			const name = bn(r.d.id), d = r.d;
			const forward = r.st === d.stmt
				? d.kind === 'var' && !lets[d.unit].has(name) && !topLet.has(name) && r.node.start < d.end
				: cmp(pos(r.st), declPos(name, d)) < 0;
			if (!forward) continue;
			changed = true;
			const from = pos(r.st);
			if (from[0] < d.unit) { topLet.add(name); if (d.kind === 'fn') topFn.add(name); continue; }
			if (d.kind === 'fn' && from[1] === 2 && !cyclic.has(name) && budget-- > 0) {
				const o = order[d.unit];
				o.splice(index.get(d.stmt), 1);
				o.splice(index.get(r.st) - (index.get(r.st) > index.get(d.stmt) ? 1 : 0), 0, d.stmt);
				reindex(d.unit);
				continue;
			}
			lets[d.unit].add(name);
			if (d.kind === 'fn') fns[d.unit].add(name);
		}
	}
	// a statement that becomes an assignment declares all its names up there
	for (const st of stmts) {
		if (st.type !== 'VariableDeclaration') continue;
		const names = st.declarations.map((d) => bn(d.id));
		const set = names.some((n) => topLet.has(n)) ? topLet : lets[unitOf.get(st)];
		if (names.some((n) => set.has(n))) for (const n of names) set.add(n);
	}
	const declToAssign = (decl, mode) => {
		const ds = decl.declarations;
		if (mode === 'forin' || ds.some((d) => d.init)) {
			s.remove(decl.start, ds[0].start);   // drop the keyword: `a = 1, b = 2;` is an expression
			ds.forEach((d, i) => {
				if (d.init || mode === 'forin') return;
				if (i + 1 < ds.length) s.remove(d.start, ds[i + 1].start);
				else s.remove(ds[i - 1].end, d.end);
			});
		} else {
			s.remove(decl.start, decl.end);
		}
	};
	const ordered = (set) => [...decls.entries()].filter(([n]) => set.has(n)).map(([, d]) => d.id.name);
	// at the start of a file the block ends in a newline, elsewhere (after a
	// marker or a `{`) it starts with one
	const emit = (at, indent, names, moved) => {
		const [nl0, nl1] = at === 0 ? ['', '\n'] : ['\n', ''];
		if (names.length) s.appendLeft(at, `${nl0}${indent}let ${names.join(', ')};${nl1}`);
		for (const f of moved) {
			if (f.start > at) s.move(f.start, f.end, at);
			// anonymous: ucode 0.0.20250529 binds a function expression's own name
			// in the enclosing scope ("Variable redeclared" next to the `let`)
			s.remove(f.id.start - 1, f.id.end);
			s.prependRight(f.start, `${nl0}${indent}${f.id.name} = `);
			s.appendLeft(f.end, `;${nl1}`);
		}
	};
	const moved = (set) => stmts.filter((st) => st.type === 'FunctionDeclaration' && set.has(bn(st.id)));
	if (topLet.size) {
		s.appendLeft(units[0].at, '// used by a module above the one that defines them (an import cycle)\n');
		emit(units[0].at, '', ordered(topLet), moved(topFn));
	}
	units.forEach((u, ui) => {
		const names = ordered(lets[ui]);
		if (ui === 0) for (const v of nestedVars) for (const d of v.decl.declarations) if (!names.includes(d.id.name)) names.push(d.id.name);
		emit(u.at, kind !== 'program' && u.stmts.length ? indentAt(code, u.stmts[0].start) : '', names, moved(fns[ui]));
	});
	// a function that moved up leaves its blank behind and goes in front of the
	// statement now after it, with that one's blank; placed from the end, so
	// that one is in place
	const gapStart = (st, ui) => {
		let i = st.start;
		while (i > units[ui].at && /\s/.test(code[i - 1])) i--;
		return i;
	};
	order.forEach((o, ui) => {
		const early = (st) => st.type === 'FunctionDeclaration' && (fns[ui].has(bn(st.id)) || topFn.has(bn(st.id)));
		const final = o.filter((st) => !early(st));
		const cur = units[ui].stmts.filter((st) => !early(st));
		for (let i = final.length - 2; i >= 0; i--) {
			const st = final[i], next = final[i + 1];
			if (cur.indexOf(st) < cur.indexOf(next)) continue;
			s.remove(gapStart(st, ui), st.start);
			s.appendLeft(st.end, code.slice(gapStart(next, ui), next.start));
			s.move(st.start, st.end, next.start);
			cur.splice(cur.indexOf(st), 1);
			cur.splice(cur.indexOf(next), 0, st);
		}
	});
	for (const v of nestedVars) declToAssign(v.decl, v.mode);
	for (const st of stmts) {
		if (st.type !== 'VariableDeclaration' || !decls.has(bn(st.declarations[0].id))) continue;
		const names = st.declarations.map((d) => bn(d.id));
		if (names.some((n) => topLet.has(n) || lets[decls.get(n).unit].has(n))) declToAssign(st, false);
		else if (st.kind === 'var') s.overwrite(st.start, st.start + 3, 'let');
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
 * @param {object} [bundleMap] esbuild's source map of `code`: names as written,
 *   errors as file:line, and a map of the result back to the sources
 * @returns {{ code: string, mappings: number[][][] | null, sources: string[] }}
 */
export function compileUcode(code, kind, bundleMap = null) {
	const markers = [];
	const ast = acorn.parse(code, {
		ecmaVersion: 'latest', sourceType: 'module', locations: true,
		onComment: (block, text, start, end) => { if (!block && /^ src\/\S+$/.test(text)) markers.push({ start, end, file: text.slice(1) }); },
	});
	const ctx = { bundleMap, lines: bundleMap ? decode(bundleMap.mappings) : null };
	const s = new MagicString(code);
	const errors = [];
	const fail = (node, msg) => errors.push(`${sourceOf(code, node.start, ctx)}: ${msg}`);

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

	const ids = identifiers(ast);
	restoreNames(s, ids, ctx);
	walk.full(ast, (node) => { if (isFn(node)) defaultParams(s, node); });
	const bodies = new Set();
	walk.full(ast, (node) => {
		if (isFn(node) && node.body.type === 'BlockStatement') {
			bodies.add(node.body);
			layout(s, code, ids, [{ at: node.body.start + 1, stmts: node.body.body }], node.body, 'function');
		}
	});
	// a block's functions and let/const (`{ function g() { return K; } const K = 1; g(); }`)
	walk.full(ast, (node) => {
		if (node.type === 'BlockStatement' && !bodies.has(node)) layout(s, code, ids, [{ at: node.start + 1, stmts: node.body }], node, 'block');
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
	// one unit per module, after esbuild's "// src/…" marker
	const body = ast.body.filter((st) => st.type !== 'ImportDeclaration');
	const units = [{ at: 0, stmts: [] }, ...markers.map((m) => ({ at: m.end, stmts: [] }))];
	for (const st of body) {
		let u = 0;
		markers.forEach((m, i) => { if (m.start < st.start) u = i + 1; });
		units[u].stmts.push(st);
	}
	layout(s, code, ids, units, ast, 'program');

	// tidy up (blank lines, the imports on top) in a second pass, so the map follows
	const mid = s.toString();
	const map1 = s.generateDecodedMap({ hires: true }).mappings;
	const t = new MagicString(mid);
	for (const m of mid.matchAll(/\n{3,}/g)) t.overwrite(m.index, m.index + m[0].length, '\n\n');
	t.trim();
	if (imports.length) t.prepend(imports.join('\n') + '\n');
	t.append('\n');
	if (ret) t.append(`\nreturn ${ret};\n`);
	const out = t.toString();
	if (!ctx.lines) return { code: out, mappings: null, sources: [] };
	const map2 = t.generateDecodedMap({ hires: true }).mappings;
	const mappings = compose(compose(map2, map1, false), ctx.lines, true);
	return { code: out, mappings, sources: bundleMap.sources };
}

/** compileUcode without a source map: the ucode text. */
export function toUcode(code, kind) {
	return compileUcode(code, kind).code;
}
