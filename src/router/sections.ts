// UCI cursor objects ↔ the core's UciSection. A cursor's get_all(config)
// returns { name: { '.type', '.name', '.anonymous', '.index', option… } }.
import type { UciSection, UciValue } from '../core/uci';
import type { UciStore } from './env';

export type CursorSection = { [k: string]: any };

export function optionsOf(s: CursorSection): { [k: string]: UciValue } {
	const o: { [k: string]: UciValue } = {};
	for (let k in s) if (substr(k, 0, 1) !== '.') o[k] = s[k];
	return o;
}

// All sections of a config in file order. Anonymous sections are named the
// way `uci show` does (@rule[2]: the third section of type rule), so paths
// in messages point at something a user can type.
export function sectionsFromCursor(all: { [name: string]: CursorSection } | null): UciSection[] {
	const list: CursorSection[] = [];
	for (let name in all ?? {}) push(list, (all as { [n: string]: CursorSection })[name]);
	const sorted = sort(list, (a: CursorSection, b: CursorSection) => (a['.index'] ?? 0) - (b['.index'] ?? 0));
	const counts: { [t: string]: number } = {};
	return map(sorted, (s: CursorSection) => {
		const t: string = s['.type'];
		counts[t] = (counts[t] ?? -1) + 1;
		return { type: t, name: s['.anonymous'] ? `@${t}[${counts[t]}]` : s['.name'], anonymous: !!s['.anonymous'], options: optionsOf(s) };
	});
}

// A fresh read: drop anything the cursor cached, so a long-lived rpcd VM or
// a second apply sees what is on disk now.
export function readConfigSections(uci: UciStore, config: string): UciSection[] {
	uci.unload(config);
	uci.load(config);
	return sectionsFromCursor(uci.get_all(config));
}
