// Turns an esbuild ESM bundle of a view into the file LuCI's loader expects
// (luci.js require()/compileClass): leading 'use strict' and 'require x'
// directive strings, then a function body that `return`s the view class.
// Imports of '@kuoruan/luci-types' name LuCI modules: they become the header.
import * as acorn from 'acorn';
import MagicString from 'magic-string';

const LUCI_TYPES = '@kuoruan/luci-types';

// luci-types export names → LuCI module names where they differ
const MODULE_NAME = { LuCI: null, XHR: 'request', random: 'prng' };

export function toLuciView(code, banner) {
	const ast = acorn.parse(code, { ecmaVersion: 'latest', sourceType: 'module' });
	const s = new MagicString(code);
	const requires = [];
	let ret = null;
	for (const st of ast.body) {
		if (st.type === 'ImportDeclaration') {
			if (st.source.value !== LUCI_TYPES) throw new Error(`view imports "${st.source.value}" at runtime; only LuCI modules (via ${LUCI_TYPES}) can be imported`);
			for (const sp of st.specifiers) {
				if (sp.type !== 'ImportSpecifier') throw new Error('import LuCI modules by name: import { form } from ...');
				const name = MODULE_NAME[sp.imported.name] === undefined ? sp.imported.name : MODULE_NAME[sp.imported.name];
				if (name === null) throw new Error(`${sp.imported.name} is a global (L), not a module`);
				const local = sp.local.name;
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
	return `'use strict';\n${requires.join('\n')}\n${banner}\n\n${body}\n\nreturn ${ret};\n`;
}
