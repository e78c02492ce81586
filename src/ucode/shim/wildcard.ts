// wildcard(): fnmatch() without FNM_PATHNAME, translated to a JS RegExp over
// B-strings (brackets share the ERE translator's bracket parser).

import { toB } from './bytes';
import { truish } from './values';
import { toStr } from './stringify';
import { hex4, translateBracket } from './regex-ere';

function fnmatchToRegExp(pattern: string, icase: boolean): RegExp {
	const p = toB(pattern);
	let out = '';
	for (let i = 0; i < p.length;) {
		const c = p[i];
		if (c === '*') { out += '[\\s\\S]*'; i++; }
		else if (c === '?') { out += '[\\s\\S]'; i++; }
		else if (c === '[') {
			try {
				const [cls, next] = translateBracket(p, i + 1, false, true);
				out += cls;
				i = next;
			}
			catch { out += '\\['; i++; }
		}
		else if (c === '\\' && i + 1 < p.length) { out += hex4(p.charCodeAt(i + 1)); i += 2; }
		else { out += hex4(p.charCodeAt(i)); i++; }
	}
	return new RegExp('^(?:' + out + ')$', icase ? 'i' : '');
}

export function wildcard(subject?: unknown, pattern?: unknown, icase?: unknown): boolean | null {
	if (subject === null || subject === undefined || typeof pattern !== 'string') return null;
	let re: RegExp;
	try { re = fnmatchToRegExp(pattern, truish(icase)); }
	catch { return false; }
	return re.test(toB(toStr(subject)));
}
