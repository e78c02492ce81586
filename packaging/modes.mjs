// Mode tables (packaging/splitwg/modes, luci-app-splitwg/packaging/modes):
// "<octal mode> <pattern>" lines, first match wins. The same file is read by
// packaging/install-tree.sh, whose `case` patterns we reproduce here. Only `*`
// (any characters, `/` included, as in `case`) and `?` are allowed, so the two
// readers cannot disagree.
import fs from 'node:fs';

/** A `case` pattern with only * and ? as a RegExp. @param {string} pattern */
export function patternRegExp(pattern) {
	return new RegExp('^' + pattern.replace(/[.+^${}()|]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.') + '$', 's');
}

/** @param {string} file @returns {{ mode: number, pattern: string, re: RegExp }[]} */
export function readModes(file) {
	const rules = [];
	for (const [i, raw] of fs.readFileSync(file, 'utf8').split('\n').entries()) {
		const line = raw.trim();
		if (line === '' || line.startsWith('#')) continue;
		const m = /^([0-7]{3,4})\s+(\S+)$/.exec(line);
		if (!m) throw new Error(`${file}:${i + 1}: expected "<octal mode> <pattern>", got: ${raw}`);
		if (/[[\]\\]/.test(m[2])) throw new Error(`${file}:${i + 1}: only * and ? are allowed in patterns`);
		rules.push({ mode: parseInt(m[1], 8), pattern: m[2], re: patternRegExp(m[2]) });
	}
	return rules;
}

/** @param {ReturnType<typeof readModes>} rules @param {string} rel path relative to / */
export function modeOf(rules, rel) {
	const r = rules.find((x) => x.re.test(rel));
	if (!r) throw new Error(`no mode for ${rel} in the mode table`);
	return r.mode;
}
