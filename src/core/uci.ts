// UCI config files as text: the parser the developer CLI and the tests use
// (on the router the ucode `uci` cursor reads the same files), and the
// renderer for the sections a plan writes into network/firewall/dhcp.

import { msg } from './messages';
import type { Arg, Msg } from './messages';

// regexes as module constants: ucode compiles a literal each time it is evaluated
const SINGLE_QUOTE = /'/g;

export type UciValue = string | string[];

export interface UciSection {
	type: string;
	name: string;          // explicit name, or "@type[i]"-style for anonymous ones
	anonymous: boolean;
	options: { [key: string]: UciValue };
}

export interface UciParseError { line: number, id: string, args: Arg[] }

// The shape nearly every line of a UCI file has; read without the
// character loop below (a config may hold tens of thousands of list lines).
const SIMPLE = /^[ \t]*(config|option|list)[ \t]+([A-Za-z0-9_]+)([ \t]+'([^'\\\n]*)')?[ \t]*$/;

// Split one line into words with UCI's shell-like quoting: '…' is literal,
// "…" and bare words take backslash escapes, adjacent pieces concatenate.
function words(line: string): string[] | Msg {
	const m = match(line, SIMPLE) as string[] | null;
	if (m) return m[3] ? [m[1], m[2], m[4]] : [m[1], m[2]];
	const out: string[] = [];
	let cur: string | null = null;
	let i = 0;
	const n = length(line) as number;
	while (i < n) {
		const c = substr(line, i, 1);
		if (c === ' ' || c === '\t' || c === '\r') {
			if (cur !== null) { push(out, cur); cur = null; }
			i++;
		} else if (c === '#' && cur === null) {
			break;
		} else if (c === "'") {
			const end = index(substr(line, i + 1), "'");
			if (end < 0) return msg('uci_single_quote');
			cur = (cur ?? '') + substr(line, i + 1, end);
			i += end + 2;
		} else if (c === '"') {
			let j = i + 1;
			let s = '';
			while (j < n && substr(line, j, 1) !== '"') {
				if (substr(line, j, 1) === '\\' && j + 1 < n) j++;
				s += substr(line, j, 1);
				j++;
			}
			if (j >= n) return msg('uci_double_quote');
			cur = (cur ?? '') + s;
			i = j + 1;
		} else {
			if (c === '\\' && i + 1 < n) i++;
			cur = (cur ?? '') + substr(line, i, 1);
			i++;
		}
	}
	if (cur !== null) push(out, cur);
	return out;
}

function lineError(line: number, m: Msg): UciParseError {
	return { line, id: m.id, args: m.args };
}

export function parseUci(text: string): { sections: UciSection[], errors: UciParseError[] } {
	const sections: UciSection[] = [];
	const errors: UciParseError[] = [];
	const counts: { [type: string]: number } = {};
	const lines = split(text, '\n');
	let sec: UciSection | null = null;
	for (let ln = 0; ln < length(lines); ln++) {
		const w = words(lines[ln]);
		if (type(w) === 'object') { push(errors, lineError(ln + 1, w as Msg)); continue; }
		const ws = w as string[];
		if (!length(ws)) continue;
		const kw = ws[0];
		if (kw === 'package') continue;
		if (kw === 'config') {
			if (length(ws) < 2 || length(ws) > 3) { push(errors, lineError(ln + 1, msg('uci_config'))); sec = null; continue; }
			const t = ws[1];
			counts[t] = (counts[t] ?? -1) + 1;
			sec = { type: t, name: length(ws) === 3 ? ws[2] : `@${t}[${counts[t]}]`, anonymous: length(ws) !== 3, options: {} };
			push(sections, sec);
		} else if (kw === 'option' || kw === 'list') {
			if (!sec) { push(errors, lineError(ln + 1, msg('uci_outside', [kw]))); continue; }
			if (length(ws) !== 3) { push(errors, lineError(ln + 1, msg('uci_option', [kw]))); continue; }
			const k = ws[1];
			if (kw === 'option') sec.options[k] = ws[2];
			else {
				const prev = sec.options[k];
				if (type(prev) === 'array') push(prev as string[], ws[2]);
				else sec.options[k] = [ws[2]];
			}
		} else {
			push(errors, lineError(ln + 1, msg('uci_keyword', [kw])));
		}
	}
	return { sections, errors };
}

function quote(v: string): string {
	return "'" + replace(v, SINGLE_QUOTE, "'\\''") + "'";
}

export function renderUci(sections: UciSection[]): string {
	// lines joined once: `out +=` copies the growing string every time, which
	// under ucode made a 2 MB config (50,000 list values) take seconds
	const out: string[] = [];
	for (let i = 0; i < length(sections); i++) {
		const s = sections[i];
		push(out, s.anonymous ? `config ${s.type}` : `config ${s.type} ${quote(s.name)}`);
		for (let k in s.options) {
			const v = s.options[k];
			if (type(v) === 'array') {
				const l = v as string[];
				for (let j = 0; j < length(l); j++) push(out, `\tlist ${k} ${quote(l[j])}`);
			} else push(out, `\toption ${k} ${quote(v as string)}`);
		}
		push(out, '');
	}
	return length(out) ? join('\n', out) + '\n' : '';
}
