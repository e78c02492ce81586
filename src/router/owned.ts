// The sections splitwg owns in network/firewall/dhcp: named sw… (see
// src/core/netifd.ts) and carrying `splitwg_owned '1'`, or in firewall an
// `option name` containing "splitwg" (the core's isOwned(), beside the code
// that marks them so). Apply
// diffs them against the plan and writes only the difference; stop removes
// them; nothing else in those files is ever touched.
import type { UciSection, UciValue } from '../core/uci';
import type { UciStore } from './env';
import type { CursorSection } from './sections';
import { optionsOf } from './sections';
import { isOwned } from './core';

export { isOwned };

export interface OwnedDiff {
	config: string;
	remove: string[];                                  // owned sections gone from the plan
	create: UciSection[];                              // plan sections not there yet
	update: { section: UciSection, drop: string[] }[]; // changed in place (keeps their position)
	conflicts: string[];       // plan names already used by a section that is not ours
	changed: boolean;
}

// A deep copy of a config's owned sections, in file order: what we found, so
// a failed apply can put it back.
export function ownedSections(uci: UciStore, config: string): CursorSection[] {
	uci.unload(config);
	uci.load(config);
	const all = uci.get_all(config) ?? {};
	const out: CursorSection[] = [];
	for (let name in all)
		if (isOwned(config, all[name])) push(out, copySection(all[name]));
	return sort(out, (a: CursorSection, b: CursorSection) => (a['.index'] ?? 0) - (b['.index'] ?? 0));
}

function copySection(s: CursorSection): CursorSection {
	const c: CursorSection = {};
	for (let k in s) c[k] = type(s[k]) === 'array' ? [...s[k]] : s[k];
	return c;
}

export function toUciSection(s: CursorSection): UciSection {
	return { type: s['.type'], name: s['.name'], anonymous: false, options: optionsOf(s) };
}

function sameValue(a: UciValue | null, b: UciValue | null): boolean {
	if (type(a) === 'array' && type(b) === 'array') {
		const x = a as string[], y = b as string[];
		if (length(x) !== length(y)) return false;
		for (let i = 0; i < length(x); i++) if (x[i] !== y[i]) return false;
		return true;
	}
	return a === b;
}

export function sameSection(a: UciSection, b: UciSection): boolean {
	if (a.type !== b.type || a.name !== b.name) return false;
	for (let k in a.options) if (!sameValue(a.options[k], b.options[k] ?? null)) return false;
	for (let k in b.options) if (!exists(a.options, k)) return false;
	return true;
}

// `all` is the whole config (to find name clashes), `current` our sections.
export function diffOwned(config: string, all: { [name: string]: CursorSection }, current: CursorSection[], want: UciSection[]): OwnedDiff {
	const d: OwnedDiff = { config, remove: [], create: [], update: [], conflicts: [], changed: false };
	const have: { [name: string]: UciSection } = {};
	for (let i = 0; i < length(current); i++) have[current[i]['.name']] = toUciSection(current[i]);
	const wanted: { [name: string]: boolean } = {};
	for (let i = 0; i < length(want); i++) {
		const w = want[i];
		wanted[w.name] = true;
		const h = have[w.name];
		if (!h) {
			if (all[w.name]) push(d.conflicts, `${config}.${w.name}`);
			else push(d.create, w);
		} else if (h.type !== w.type) {
			push(d.remove, w.name);
			push(d.create, w);
		} else if (!sameSection(h, w)) {
			push(d.update, { section: w, drop: filter(keys(h.options), (k: string) => !exists(w.options, k)) });
		}
	}
	for (let name in have) if (!wanted[name]) push(d.remove, name);
	d.changed = length(d.remove) > 0 || length(d.create) > 0 || length(d.update) > 0;
	return d;
}

function setOptions(uci: UciStore, config: string, s: UciSection): void {
	for (let k in s.options) uci.set(config, s.name, k, s.options[k]);
}

// Stage the diff in the cursor (not committed).
export function writeOwned(uci: UciStore, d: OwnedDiff): void {
	for (let i = 0; i < length(d.remove); i++) uci.delete(d.config, d.remove[i]);
	for (let i = 0; i < length(d.update); i++) {
		const u = d.update[i];
		for (let j = 0; j < length(u.drop); j++) uci.delete(d.config, u.section.name, u.drop[j]);
		setOptions(uci, d.config, u.section);
	}
	for (let i = 0; i < length(d.create); i++) {
		uci.set(d.config, d.create[i].name, d.create[i].type);
		setOptions(uci, d.config, d.create[i]);
	}
}

// Put sections back where they were (rollback), by their old `.index`.
export function reorderOwned(uci: UciStore, config: string, sections: CursorSection[]): void {
	const sorted = sort([...sections], (a: CursorSection, b: CursorSection) => a['.index'] - b['.index']);
	for (let i = 0; i < length(sorted); i++) uci.reorder(config, sorted[i]['.name'], sorted[i]['.index']);
}

// Section names the diff touches, with their types (old or new).
export function touchedTypes(d: OwnedDiff, current: CursorSection[]): { [name: string]: string } {
	const t: { [name: string]: string } = {};
	for (let i = 0; i < length(current); i++)
		if (index(d.remove, current[i]['.name']) >= 0) t[current[i]['.name']] = current[i]['.type'];
	for (let i = 0; i < length(d.create); i++) t[d.create[i].name] = d.create[i].type;
	for (let i = 0; i < length(d.update); i++) t[d.update[i].section.name] = d.update[i].section.type;
	return t;
}
