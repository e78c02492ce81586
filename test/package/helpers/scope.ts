// The names a JavaScript function body declares, and the ones it uses without
// declaring them (its free variables: for a LuCI module, what luci.js binds —
// window, document, L, the 'require … as y' names — and the globals E, _ …).
// A small scope walk over acorn's tree, enough to compare a module with its
// minified copy: var and function names belong to the enclosing function,
// let/const/class to the enclosing block, parameters and a function
// expression's own name to the function, a catch parameter to its clause.
import * as acorn from 'acorn';

interface Scope { names: Set<string>; parent: Scope | null; fn: boolean }
type Node = any;

const SKIP = new Set(['type', 'start', 'end', 'loc', 'range', 'raw']);

export function scopeNames(body: string): { free: Set<string>; declared: Set<string> } {
	const ast = acorn.parse(body, { ecmaVersion: 'latest', sourceType: 'script', allowReturnOutsideFunction: true });
	const refs: [string, Scope][] = [];
	const declared = new Set<string>();
	const declare = (scope: Scope, name: string) => { scope.names.add(name); declared.add(name); };
	const child = (parent: Scope, fn = false): Scope => ({ names: new Set(), parent, fn });
	const fnScope = (s: Scope) => { while (!s.fn) s = s.parent!; return s; };

	// the names a pattern binds; its default values and computed keys are walked as expressions
	const bind = (p: Node, into: Scope, walkIn: Scope) => {
		if (!p) return;
		if (p.type === 'Identifier') declare(into, p.name);
		else if (p.type === 'ObjectPattern') for (const prop of p.properties) {
			if (prop.type === 'RestElement') bind(prop.argument, into, walkIn);
			else { if (prop.computed) walk(prop.key, walkIn); bind(prop.value, into, walkIn); }
		}
		else if (p.type === 'ArrayPattern') for (const e of p.elements) bind(e, into, walkIn);
		else if (p.type === 'RestElement') bind(p.argument, into, walkIn);
		else if (p.type === 'AssignmentPattern') { bind(p.left, into, walkIn); walk(p.right, walkIn); }
		else throw new Error(`scopeNames: cannot bind a ${p.type}`);
	};
	const fn = (node: Node, scope: Scope) => {
		const s = child(scope, true);
		if (node.type === 'FunctionExpression' && node.id) declare(s, node.id.name);
		for (const p of node.params) bind(p, s, s);
		if (node.body.type === 'BlockStatement') for (const st of node.body.body) walk(st, s);
		else walk(node.body, s);
	};
	const generic = (node: Node, scope: Scope) => {
		for (const k of Object.keys(node)) {
			if (SKIP.has(k)) continue;
			const v = node[k];
			if (Array.isArray(v)) { for (const x of v) if (x && typeof x.type === 'string') walk(x, scope); }
			else if (v && typeof v.type === 'string') walk(v, scope);
		}
	};
	function walk(node: Node, scope: Scope): void {
		switch (node.type) {
			case 'Identifier': refs.push([node.name, scope]); return;
			case 'FunctionDeclaration': declare(fnScope(scope), node.id.name); fn(node, scope); return;
			case 'FunctionExpression': case 'ArrowFunctionExpression': fn(node, scope); return;
			case 'ClassDeclaration': case 'ClassExpression': {
				if (node.type === 'ClassDeclaration') declare(scope, node.id.name);
				const s = child(scope);
				if (node.type === 'ClassExpression' && node.id) declare(s, node.id.name);
				if (node.superClass) walk(node.superClass, s);
				walk(node.body, s);
				return;
			}
			case 'VariableDeclaration':
				for (const d of node.declarations) {
					bind(d.id, node.kind === 'var' ? fnScope(scope) : scope, scope);
					if (d.init) walk(d.init, scope);
				}
				return;
			case 'BlockStatement': case 'ForStatement': case 'ForInStatement': case 'ForOfStatement': case 'SwitchStatement':
				generic(node, child(scope)); return;
			case 'CatchClause': {
				const s = child(scope);
				if (node.param) bind(node.param, s, s);
				walk(node.body, s);
				return;
			}
			case 'MemberExpression': walk(node.object, scope); if (node.computed) walk(node.property, scope); return;
			case 'Property': case 'MethodDefinition': case 'PropertyDefinition':
				if (node.computed) walk(node.key, scope);
				if (node.value) walk(node.value, scope);
				return;
			case 'LabeledStatement': walk(node.body, scope); return;
			case 'BreakStatement': case 'ContinueStatement': case 'MetaProperty': return;
			default: generic(node, scope);
		}
	}
	const root: Scope = { names: new Set(), parent: null, fn: true };
	for (const st of ast.body) walk(st, root);

	const free = new Set<string>();
	for (const [name, at] of refs) {
		let s: Scope | null = at;
		while (s && !s.names.has(name)) s = s.parent;
		if (!s) free.add(name);
	}
	return { free, declared };
}
