// Turns an esbuild ESM bundle of a view into the file LuCI's loader expects
// (luci.js require()/compileClass): leading 'use strict' and 'require x'
// directive strings, then a function body that `return`s the view class.
// Imports of '@kuoruan/luci-types' name LuCI modules: they become the header.
import * as acorn from 'acorn';
import MagicString from 'magic-string';

const LUCI_TYPES = '@kuoruan/luci-types';
// what view bundles import instead of bundling src/core (see tools/build.mjs)
export const SHARED_CORE = 'splitwg-core';
export const SHARED_CORE_MODULE = 'splitwg.core';

// luci-types export names → LuCI module names where they differ
const MODULE_NAME = { LuCI: null, XHR: 'request', random: 'prng' };

export function toLuciView(code, banner) {
	const ast = acorn.parse(code, { ecmaVersion: 'latest', sourceType: 'module' });
	const s = new MagicString(code);
	const requires = [];
	const bound = {};      // LuCI module → the first local name bound to it
	const aliases = [];    // other local names esbuild gave the same module
	let ret = null;
	for (const st of ast.body) {
		if (st.type === 'ImportDeclaration' && st.source.value === SHARED_CORE) {
			// the portable core is one LuCI module shared by every view
			if (!requires.includes(`'require ${SHARED_CORE_MODULE} as swcore';`)) requires.push(`'require ${SHARED_CORE_MODULE} as swcore';`);
			const binds = st.specifiers.map((sp) => `${sp.local.name} = swcore.${sp.imported.name}`);
			s.overwrite(st.start, st.end, `const ${binds.join(', ')};`);
			continue;
		}
		if (st.type === 'ImportDeclaration') {
			if (st.source.value !== LUCI_TYPES) throw new Error(`view imports "${st.source.value}" at runtime; only LuCI modules (via ${LUCI_TYPES}) can be imported`);
			for (const sp of st.specifiers) {
				if (sp.type !== 'ImportSpecifier') throw new Error('import LuCI modules by name: import { form } from ...');
				const name = MODULE_NAME[sp.imported.name] === undefined ? sp.imported.name : MODULE_NAME[sp.imported.name];
				if (name === null) throw new Error(`${sp.imported.name} is a global (L), not a module`);
				const local = sp.local.name;
				if (bound[name]) { aliases.push(`${local} = ${bound[name]}`); continue; }
				bound[name] = local;
				requires.push(local === name.replace(/[^a-zA-Z0-9]/g, '_') ? `'require ${name}';` : `'require ${name} as ${local}';`);
			}
			s.remove(st.start, st.end);
		} else if (st.type === 'ExportNamedDeclaration') {
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
	const body = s.toString().trim().replace(/\n{3,}/g, '\n\n');
	const prelude = aliases.length ? `const ${aliases.join(', ')};\n` : '';
	return `'use strict';\n${requires.join('\n')}\n${banner}\n\n${prelude}${body}\n\nreturn ${ret};\n`;
}

// The shared core as a LuCI module (luci-static/resources/splitwg/core.js):
// `'require splitwg.core as swcore'` gives an instance whose properties are
// the core's exports.
export function toLuciModule(code, banner) {
	const ast = acorn.parse(code, { ecmaVersion: 'latest', sourceType: 'module' });
	const s = new MagicString(code);
	const names = [];
	for (const st of ast.body) {
		if (st.type === 'ImportDeclaration') throw new Error(`the shared core imports "${st.source.value}"`);
		if (st.type === 'ExportNamedDeclaration') {
			for (const sp of st.specifiers) names.push(`${sp.exported.name}: ${sp.local.name}`);
			s.remove(st.start, st.end);
		}
	}
	const body = s.toString().trim().replace(/\n{3,}/g, '\n\n');
	return `'use strict';\n'require baseclass';\n${banner}\n\n${body}\n\nreturn baseclass.extend({\n\t${names.join(',\n\t')}\n});\n`;
}
