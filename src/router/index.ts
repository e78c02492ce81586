// Router-side logic shared by the `splitwg` command and the rpcd plugin
// (/usr/share/ucode/splitwg/router.uc). Effects go through the small
// interfaces passed in, so tests drive it in Node with fakes.
import type { UciSection, UciValue } from '../core/uci';
import { VERSION, readConfig, compile, explain } from '../core/index';

export { VERSION, readConfig, compile, explain };

// A ucode uci cursor's get_all(config) → the core's section list, in file order.
export function sectionsFromCursor(all: { [name: string]: { [k: string]: any } } | null): UciSection[] {
	const list: { [k: string]: any }[] = [];
	for (let name in all ?? {}) push(list, (all as { [n: string]: any })[name]);
	const sorted = sort(list, (a, b) => a['.index'] - b['.index']);
	return map(sorted, (s) => {
		const options: { [k: string]: UciValue } = {};
		for (let k in s) if (substr(k, 0, 1) !== '.') options[k] = s[k];
		return { type: s['.type'], name: s['.anonymous'] ? `@${s['.type']}[${s['.index']}]` : s['.name'], anonymous: !!s['.anonymous'], options };
	});
}
