// The ucode subset, enforced on the TypeScript source (so errors carry the
// author's file:line, not a bundle line). Two layers:
//   1. the type checker against src/ucode/*.d.ts (no ES lib: `arr.push`,
//      `s.length`, `Object`, `JSON`, `Math` are type errors);
//   2. syntax rules for what ucode cannot run, and lint for the silent traps
//      (docs/ucode.md; the list is also in README.md), which no rewrite can fix.
import ts from 'typescript';
import path from 'node:path';

const BANNED_GLOBALS = new Set(['Object', 'JSON', 'Math', 'Array', 'String', 'Number',
	'Boolean', 'Symbol', 'Promise', 'Reflect', 'Map', 'Set', 'WeakMap', 'Date', 'RegExp',
	'Error', 'parseInt', 'parseFloat', 'isNaN', 'isFinite', 'console', 'globalThis',
	'arguments', 'eval', 'setTimeout', 'encodeURIComponent', 'decodeURIComponent']);

function isArrayType(checker, node) {
	const t = checker.getTypeAtLocation(node);
	const check = (ty) => checker.isArrayType(ty) || checker.isTupleType(ty) ||
		(ty.symbol && (ty.symbol.name === 'Array' || ty.symbol.name === 'ReadonlyArray'));
	if (t.isUnion()) return t.types.some(check);
	return check(t);
}

function isStringType(checker, node) {
	const t = checker.getTypeAtLocation(node);
	const f = (ty) => (ty.flags & ts.TypeFlags.StringLike) !== 0;
	return t.isUnion() ? t.types.some(f) : f(t);
}

// Names bound by `for (let i …; …; …)`: ucode shares ONE binding across
// iterations, so a closure created in the body sees only the last value.
function loopClosureCaptures(node) {
	const init = node.initializer;
	if (!init || !ts.isVariableDeclarationList(init)) return [];
	const names = new Set(init.declarations.filter(d => ts.isIdentifier(d.name)).map(d => d.name.text));
	const hits = [];
	const visitFn = (fn) => {
		const inner = (n) => {
			if (ts.isIdentifier(n) && names.has(n.text)) hits.push(n);
			ts.forEachChild(n, inner);
		};
		ts.forEachChild(fn, inner);
	};
	const walk = (n) => {
		if (ts.isFunctionLike(n)) return visitFn(n);
		ts.forEachChild(n, walk);
	};
	walk(node.statement);
	return hits;
}

// Regex literals run as POSIX ERE under ucode (regcomp, REG_NEWLINE on HEAD
// only) and as JS RegExp under the shim (src/ucode/shim/regex.ts): what the
// two read differently is refused, so one literal means one thing.
const PLAIN_ESCAPE = '\\/.*+?()[]{}|^$-ntr';      // outside a bracket: the character itself
const BRACKET_ESCAPE = '\\/.*+?(){}|$ntr';         // inside: not ] - [ ^ (POSIX would read them as syntax)
export function regexDifferences(body) {
	const out = [];
	const say = (m) => { if (!out.includes(m)) out.push(m); };
	if (/[^\x20-\x7e]/.test(body) || /\\u/.test(body)) say('regex literal with a non-ASCII character: ucode matches UTF-8 bytes, JS characters');
	let bracket = null;   // { negated, newline } inside [...]
	for (let i = 0; i < body.length; i++) {
		const c = body[i];
		if (c === '\\') {
			const e = body[++i] ?? '';
			if (e === 'x') {
				const v = parseInt(body.slice(i + 1, i + 3), 16);
				if (!(v >= 1 && v <= 0x1f) && v !== 0x7f) say(`regex escape \\x${body.slice(i + 1, i + 3)}: only control characters (\\x01-\\x1f, \\x7f) as \\x; write printable ones plainly`);
				i += 2;
			} else if (bracket && ']-[^'.includes(e)) {
				say(`regex escape \\${e} in a bracket expression: ucode hands regcomp a bare ${e}, which is syntax there (a literal - goes last, ^ not first; ] and [ have no form both read alike)`);
			} else if (!(bracket ? BRACKET_ESCAPE : PLAIN_ESCAPE).includes(e) || !e) {
				say(`regex escape \\${e}${bracket ? ' in a bracket expression' : ''}: ucode and JS read it differently (\\d, \\w, \\s become POSIX classes, \\b is a backspace or a word boundary); write the set, e.g. [0-9]`);
			}
			if (bracket) { bracket.empty = false; if (e === 'n') bracket.newline = true; }
			continue;
		}
		if (bracket) {
			if (c === '[' && ':=.'.includes(body[i + 1])) say(`POSIX bracket class ${body.slice(i, body.indexOf(']', i) + 1)}: JS RegExp has none; write the range, e.g. [\\x01-\\x1f\\x7f] for [[:cntrl:]]`);
			if (c === ']') {
				if (bracket.empty) say('`]` first in a bracket expression: a literal in POSIX, an empty set in JS');
				else {
					if (bracket.negated && !bracket.newline) say('negated bracket [^…] without \\n: it matches "\\n" in JS and ucode 0.0.20250529 but not on ucode HEAD (REG_NEWLINE); add \\n to the set');
					bracket = null;
					continue;
				}
			}
			bracket.empty = false;
			continue;
		}
		if (c === '[') {
			const negated = body[i + 1] === '^';
			if (negated) i++;
			bracket = { negated, newline: false, empty: true };
		} else if (c === '.') {
			say('regex `.`: it matches "\\n" in ucode 0.0.20250529 but not on HEAD, and not "\\r" in JS; write [^\\n]');
		}
	}
	return out;
}

function ruleErrors(sf, checker) {
	const out = [];
	const report = (node, message) => {
		const { line, character } = sf.getLineAndCharacterOfPosition(node.getStart(sf));
		out.push({ file: sf.fileName, line: line + 1, col: character + 1, message });
	};
	const visit = (node) => {
		switch (node.kind) {
		case ts.SyntaxKind.ClassDeclaration:
		case ts.SyntaxKind.ClassExpression:
			report(node, 'ucode has no classes; use plain objects and functions'); break;
		case ts.SyntaxKind.NewExpression:
			report(node, 'ucode has no `new`'); break;
		case ts.SyntaxKind.TypeOfExpression:
			report(node, 'ucode has no `typeof`; use type(x)'); break;
		case ts.SyntaxKind.VoidExpression:
			if (!(ts.isNumericLiteral(node.expression) && node.expression.text === '0'))
				report(node, 'ucode has no `void`');
			break;
		case ts.SyntaxKind.ObjectBindingPattern:
		case ts.SyntaxKind.ArrayBindingPattern:
			report(node, 'ucode has no destructuring'); break;
		case ts.SyntaxKind.ForOfStatement:
			report(node, 'ucode has no for…of; use for (let i = 0; i < length(a); i++)'); break;
		case ts.SyntaxKind.DoStatement:
			report(node, 'ucode has no do…while'); break;
		case ts.SyntaxKind.LabeledStatement:
			report(node, 'ucode has no labels'); break;
		case ts.SyntaxKind.EnumDeclaration:
			report(node, 'no enums (they compile to IIFEs over `var`); use string literal unions'); break;
		case ts.SyntaxKind.ModuleDeclaration:
			report(node, 'no namespaces'); break;
		case ts.SyntaxKind.TaggedTemplateExpression:
			report(node, 'ucode has no tagged templates'); break;
		case ts.SyntaxKind.GetAccessor:
		case ts.SyntaxKind.SetAccessor:
			report(node, 'ucode has no getters/setters'); break;
		case ts.SyntaxKind.AwaitExpression:
		case ts.SyntaxKind.YieldExpression:
			report(node, 'ucode has no async/generators'); break;
		case ts.SyntaxKind.TryStatement:
			if (node.finallyBlock) report(node.finallyBlock, 'ucode has no `finally`');
			break;
		case ts.SyntaxKind.NamespaceImport:
			report(node, 'no `import * as`: a namespace object needs Object.defineProperty; import names'); break;
		case ts.SyntaxKind.InstanceOfKeyword:
			report(node, 'ucode has no `instanceof`; use type(x)'); break;
		case ts.SyntaxKind.GreaterThanGreaterThanGreaterThanToken:
		case ts.SyntaxKind.GreaterThanGreaterThanGreaterThanEqualsToken:
			report(node, 'ucode has no `>>>`'); break;
		case ts.SyntaxKind.AsteriskAsteriskToken:
		case ts.SyntaxKind.AsteriskAsteriskEqualsToken:
			report(node, 'no `**`: write the multiplication'); break;
		case ts.SyntaxKind.SlashEqualsToken:
			report(node, '`/=`: integer division in ucode when both sides are ints; write x = int(x / y)'); break;
		case ts.SyntaxKind.ThisKeyword:
			report(node, '`this` is null outside method calls in ucode; pass the object explicitly'); break;
		case ts.SyntaxKind.NumericLiteral: {
			const txt = node.getText(sf);
			if (/^\./.test(txt) || /_/.test(txt))
				report(node, `numeric literal ${txt}: ucode rejects leading-dot and separator forms`);
			else if (!/^0[xob]/i.test(txt) && /[.eE]/.test(txt))
				report(node, `non-integer literal ${txt}: keep the core integer-only, ucode's === tells 1 from 1.0`);
			break;
		}
		case ts.SyntaxKind.RegularExpressionLiteral: {
			const txt = node.getText(sf);
			const flags = txt.slice(txt.lastIndexOf('/') + 1);
			const body = txt.slice(1, txt.lastIndexOf('/'));
			if (/[^gi]/.test(flags)) report(node, `regex flags "${flags}": only g and i (s means the opposite in ucode HEAD and 0.0.20250529)`);
			if (body.includes('(?')) report(node, 'regex `(?…)` groups/lookarounds: ucode regexes are POSIX ERE');
			if (/(^|[^\\])[*+?}]\?/.test(body)) report(node, 'lazy quantifier: silently greedy in ucode');
			if (/\\[1-9]/.test(body)) report(node, 'regex backreference: not in POSIX ERE');
			for (const m of regexDifferences(body)) report(node, m);
			// ucode compiles a regex literal every time it is evaluated (measured:
			// 275 µs vs 13 µs per match for a domain pattern in a function)
			for (let p = node.parent; p; p = p.parent)
				if (ts.isFunctionLike(p)) { report(node, 'regex literal inside a function is recompiled on every call in ucode: make it a module-level const'); break; }
			break;
		}
		case ts.SyntaxKind.PropertyAssignment:
			if (ts.isNumericLiteral(node.name)) report(node, 'ucode rejects numeric object keys; quote them');
			break;
		case ts.SyntaxKind.PrefixUnaryExpression:
			if (node.operator === ts.SyntaxKind.PlusToken) report(node, 'unary `+` conversion: use int(x)');
			break;
		case ts.SyntaxKind.BinaryExpression: {
			const op = node.operatorToken.kind;
			if (op === ts.SyntaxKind.SlashToken) {
				const p = node.parent;
				const inInt = p && ts.isCallExpression(p) && ts.isIdentifier(p.expression) && p.expression.text === 'int';
				if (!inInt) report(node, '`/` is integer division in ucode when both sides are ints: write int(a / b)');
			}
			if (op === ts.SyntaxKind.InKeyword && isArrayType(checker, node.right))
				report(node, '`in` on an array tests VALUES in ucode; use index(arr, x) >= 0');
			break;
		}
		case ts.SyntaxKind.ForInStatement:
			if (ts.isVariableDeclarationList(node.initializer) && (node.initializer.flags & ts.NodeFlags.Const))
				report(node.initializer, 'ucode rejects `for (const x in …)`; use let');
			if (isArrayType(checker, node.expression))
				report(node, 'for…in over an array yields VALUES in ucode; use an index loop');
			break;
		case ts.SyntaxKind.ForStatement:
			for (const id of loopClosureCaptures(node))
				report(id, `closure captures loop variable "${id.text}": ucode shares one binding across iterations`);
			break;
		case ts.SyntaxKind.SpreadElement:
		case ts.SyntaxKind.SpreadAssignment:
			if (isStringType(checker, node.expression)) report(node, 'spreading a string is a type error in ucode');
			break;
		case ts.SyntaxKind.Identifier:
			if (BANNED_GLOBALS.has(node.text) && !ts.isPropertyAccessExpression(node.parent) ||
			    BANNED_GLOBALS.has(node.text) && node.parent.expression === node) {
				const sym = checker.getSymbolAtLocation(node);
				const decl = sym?.declarations?.[0];
				const declaredHere = decl && !decl.getSourceFile().isDeclarationFile;
				if (!declaredHere && !ts.isPropertyAssignment(node.parent) && !ts.isPropertySignature(node.parent))
					report(node, `\`${node.text}\` does not exist in ucode`);
			}
			break;
		}
		ts.forEachChild(node, visit);
	};
	visit(sf);
	return out;
}

function fmt(d) {
	return `${d.file}:${d.line}:${d.col}: ${d.message}`;
}

// Type-check and rule-check a ucode program. Returns error strings "file:line:col: msg".
export function checkProgram(tsconfigPath) {
	const cfg = ts.getParsedCommandLineOfConfigFile(tsconfigPath, {}, {
		...ts.sys, onUnRecoverableConfigFileDiagnostic: d => { throw new Error(ts.flattenDiagnosticMessageText(d.messageText, '\n')); },
	});
	const program = ts.createProgram(cfg.fileNames, cfg.options);
	const errors = [];
	for (const d of ts.getPreEmitDiagnostics(program)) {
		const msg = ts.flattenDiagnosticMessageText(d.messageText, '\n');
		if (d.file) {
			const { line, character } = d.file.getLineAndCharacterOfPosition(d.start ?? 0);
			errors.push(fmt({ file: d.file.fileName, line: line + 1, col: character + 1, message: msg }));
		} else errors.push(msg);
	}
	const checker = program.getTypeChecker();
	for (const sf of program.getSourceFiles()) {
		if (sf.isDeclarationFile) continue;
		errors.push(...ruleErrors(sf, checker).map(fmt));
	}
	const root = path.dirname(path.resolve(tsconfigPath));
	return errors.map(e => e.startsWith(root + '/') ? e.slice(root.length + 1) : e);
}
