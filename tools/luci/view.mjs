// Turns an esbuild ESM bundle into the file LuCI's loader expects
// (luci.js require()/compileClass): leading 'use strict' and 'require x'
// directive strings, then a function body that `return`s a class — a view,
// or one of our shared modules (luci-static/resources/splitwg/*.js).
// Imports of '@kuoruan/luci-types' name LuCI modules and imports of a shared
// module become the header; the rest of the bundle is the body.
import * as acorn from 'acorn';
import MagicString from 'magic-string';

const LUCI_TYPES = '@kuoruan/luci-types';

// What bundles import instead of bundling the code (see tools/build.mjs):
// external id → the LuCI module and the local name its instance gets.
export const SHARED = {
	'splitwg-core': { module: 'splitwg.core', as: 'swcore' },   // src/core + ucode builtins
	'splitwg-ui': { module: 'splitwg.ui', as: 'swui' },         // src/luci/_*.ts
};

// luci-types export names → LuCI module names where they differ
const MODULE_NAME = { LuCI: null, XHR: 'request', random: 'prng' };

// The header lines and the bindings the body needs, from the bundle's imports.
function imports(ast, s, what) {
	const requires = [];
	const bound = {};      // LuCI module → the first local name bound to it
	const consts = [];     // other local names esbuild gave the same module, and shared-module names
	const need = (line) => { if (!requires.includes(line)) requires.push(line); };
	for (const st of ast.body) {
		if (st.type !== 'ImportDeclaration') continue;
		const shared = SHARED[st.source.value];
		if (shared) {
			need(`'require ${shared.module} as ${shared.as}';`);
			for (const sp of st.specifiers) consts.push(`${sp.local.name} = ${shared.as}.${sp.imported.name}`);
		} else if (st.source.value === LUCI_TYPES) {
			for (const sp of st.specifiers) {
				if (sp.type !== 'ImportSpecifier') throw new Error('import LuCI modules by name: import { form } from ...');
				const name = MODULE_NAME[sp.imported.name] === undefined ? sp.imported.name : MODULE_NAME[sp.imported.name];
				if (name === null) throw new Error(`${sp.imported.name} is a global (L), not a module`);
				const local = sp.local.name;
				if (bound[name]) { consts.push(`${local} = ${bound[name]}`); continue; }
				bound[name] = local;
				need(local === name.replace(/[^a-zA-Z0-9]/g, '_') ? `'require ${name}';` : `'require ${name} as ${local}';`);
			}
		} else {
			throw new Error(`${what} imports "${st.source.value}" at run time; only LuCI modules (via ${LUCI_TYPES}) and shared modules can be imported`);
		}
		s.remove(st.start, st.end);
	}
	return { requires, prelude: consts.length ? `const ${consts.join(', ')};\n` : '' };
}

function assemble(requires, banner, prelude, s, ret) {
	const body = s.toString().trim().replace(/\n{3,}/g, '\n\n');
	return `'use strict';\n${requires.join('\n')}\n${banner}\n\n${prelude}${body}\n\nreturn ${ret};\n`;
}

export function toLuciView(code, banner) {
	const ast = acorn.parse(code, { ecmaVersion: 'latest', sourceType: 'module' });
	const s = new MagicString(code);
	const { requires, prelude } = imports(ast, s, 'a view');
	let ret = null;
	for (const st of ast.body) {
		if (st.type === 'ExportNamedDeclaration') {
			for (const sp of st.specifiers) {
				if (sp.exported.name !== 'default') throw new Error(`a view exports only its class (default), not "${sp.exported.name}"`);
				ret = sp.local.name;
			}
			s.remove(st.start, st.end);
		} else if (st.type === 'ExportDefaultDeclaration') {
			ret = s.slice(st.declaration.start, st.declaration.end);
			s.remove(st.start, st.end);
		}
	}
	if (!ret) throw new Error('a view must `export default view.extend({...})`');
	return assemble(requires, banner, prelude, s, ret);
}

// A shared module: `'require splitwg.core as swcore'` gives an instance
// whose properties are the bundle's exports.
export function toLuciModule(code, banner) {
	const ast = acorn.parse(code, { ecmaVersion: 'latest', sourceType: 'module' });
	const s = new MagicString(code);
	const { requires, prelude } = imports(ast, s, 'a shared module');
	const names = [];
	for (const st of ast.body) {
		if (st.type !== 'ExportNamedDeclaration') continue;
		for (const sp of st.specifiers) names.push(`${sp.exported.name}: ${sp.local.name}`);
		s.remove(st.start, st.end);
	}
	return assemble([`'require baseclass';`, ...requires], banner, prelude, s, `baseclass.extend({\n\t${names.join(',\n\t')}\n})`);
}
