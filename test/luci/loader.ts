// How luci.js loads a module (L.require, compileClass), for the tests that
// evaluate our LuCI files. It reads the quoted strings from the start of the
// source text, one after another: 'use strict' is passed over, each
// 'require x [as y]' is a dependency, and the first other string ends the
// list (whatever lies between the strings is not looked at). Then the whole
// text becomes the body of
//   function(window, document, L, <each y>) { <text> }
// which is called with the dependencies; it returns the class. E, _ and N_
// are globals there; here they come from an enclosing function, which a
// module may shadow as it may shadow a global.

// compileClass's pattern for one directive
const REQUIRE = /^require[ \t]+(\S+)(?:[ \t]+as[ \t]+([a-zA-Z_]\S*))?$/;

export interface Require { module: string; as: string }

/** The dependencies luci.js reads from a module's text, in order. */
export function luciRequires(source: string): Require[] {
	const out: Require[] = [];
	let start = -1, quote = '', escaped = false;
	for (let i = 0; i < source.length; i++) {
		const c = source[i];
		if (escaped) escaped = false;
		else if (c === '\\') escaped = true;
		else if (quote && c === quote) {
			const text = source.slice(start, i);
			const m = REQUIRE.exec(text);
			if (m) out.push({ module: m[1], as: m[2] ?? m[1].replace(/[^a-zA-Z0-9_]/g, '_') });
			else if (!/^use[ \t]+strict$/.test(text)) break;
			quote = '';
		} else if (!quote && (c === '"' || c === "'")) {
			start = i + 1;
			quote = c;
		}
	}
	return out;
}

/** The parameters of the function luci.js makes of a module. */
export const luciParams = (source: string) => ['window', 'document', 'L', ...luciRequires(source).map((r) => r.as)];

/**
 * Evaluates a module as luci.js does: `mods` by module name, `globals` with
 * window, document and L (passed as LuCI passes them) and the names LuCI
 * leaves global (E, _, N_ …).
 */
export function luciLoad(source: string, mods: { [name: string]: any }, globals: { [name: string]: any }, file = 'module'): any {
	const reqs = luciRequires(source);
	for (const r of reqs) if (!(r.module in mods)) throw new Error(`${file} requires ${r.module}, which the test has no stand-in for`);
	const { window, document, L, ...outer } = globals;
	const factory = new Function(...Object.keys(outer), `return function(${luciParams(source).join(', ')}) { ${source} };`)(...Object.values(outer));
	return factory(window, document, L, ...reqs.map((r) => mods[r.module]));
}
