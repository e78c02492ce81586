// The message catalog of the LuCI app: every _('…') and N_('…') literal in
// src/luci, every menu title, and every template of the core's message
// catalogue (src/core/messages.ts: LuCI translates a problem by its
// template, see src/luci/_msg.ts trCore), as luci-app-splitwg/po/templates/splitwg.pot;
// luci-app-splitwg/po/zh_Hans/splitwg.po keeps its translations.
//
//   node --import tsx test/luci/i18n.ts --write    regenerate the .pot and
//                                                  merge it into every .po
// (i18n.test.ts checks both are current and the Chinese is complete.)
import fs from 'node:fs';
import path from 'node:path';
import { MESSAGES } from '../../src/core/messages';

export const CORE_CATALOGUE = 'src/core/messages.ts';

// Core messages with no words to translate: LuCI shows the English template
// (their arguments are translated all the same).
export const UNTRANSLATED_IDS = ['at_path', 'list_line'];

export const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');
export const POT = 'luci-app-splitwg/po/templates/splitwg.pot';
export const PO_DIR = 'luci-app-splitwg/po';
const MENU = 'luci-app-splitwg/root/usr/share/luci/menu.d/luci-app-splitwg.json';

export interface Entry { msgid: string, refs: string[] }

function unescapeJs(s: string): string {
	return s.replace(/\\(u\{[0-9a-fA-F]+\}|u[0-9a-fA-F]{4}|x[0-9a-fA-F]{2}|.)/g, (_m, e: string) => {
		if (e[0] === 'u') return String.fromCodePoint(parseInt(e.replace(/[u{}]/g, ''), 16));
		if (e[0] === 'x') return String.fromCharCode(parseInt(e.slice(1), 16));
		return ({ n: '\n', t: '\t', r: '\r', '0': '\0' } as { [k: string]: string })[e] ?? e;
	});
}

export function sourceFiles(): string[] {
	const dir = path.join(ROOT, 'src/luci');
	return fs.readdirSync(dir).filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts')).sort().map((f) => `src/luci/${f}`);
}

// _('…') / _("…") / N_('…'); a template literal or a variable is an error,
// since no catalog could hold it.
export function extract(): { entries: Entry[], errors: string[] } {
	const map = new Map<string, Entry>();
	const errors: string[] = [];
	// references name the file only: line numbers would change the .pot on every edit
	const add = (id: string, ref: string) => {
		const file = ref.replace(/:[0-9]+$/, '');
		const e = map.get(id);
		if (!e) map.set(id, { msgid: id, refs: [file] });
		else if (!e.refs.includes(file)) e.refs.push(file);
	};
	const menu = JSON.parse(fs.readFileSync(path.join(ROOT, MENU), 'utf8'));
	for (const k of Object.keys(menu)) if (menu[k].title) add(menu[k].title, MENU);
	for (const f of sourceFiles()) {
		const src = fs.readFileSync(path.join(ROOT, f), 'utf8');
		const lineOf = (i: number) => src.slice(0, i).split('\n').length;
		const call = /(?<![A-Za-z0-9_$.])(N_|_)\(\s*/g;
		let m: RegExpExecArray | null;
		while ((m = call.exec(src))) {
			const at = m.index + m[0].length;
			const q = src[at];
			if (q !== "'" && q !== '"') {
				// `_(x)` in a helper that receives LuCI's _ as a value is fine only in _msg.ts
				if (!/^(translate|s|m\.text|COMPILED|t\b)/.test(src.slice(at, at + 20)) && f !== 'src/luci/_msg.ts')
					errors.push(`${f}:${lineOf(at)}: ${m[1]}() needs a string literal`);
				continue;
			}
			const lit = new RegExp(`${q}((?:\\\\.|(?!${q})[^\\\\\\n])*)${q}\\s*[,)]`, 'y');
			lit.lastIndex = at;
			const l = lit.exec(src);
			if (!l) { errors.push(`${f}:${lineOf(at)}: cannot read the ${m[1]}() literal`); continue; }
			add(unescapeJs(l[1]), `${f}:${lineOf(at)}`);
		}
	}
	for (const id of Object.keys(MESSAGES)) add(MESSAGES[id], CORE_CATALOGUE);
	return { entries: [...map.values()], errors };
}

export function poEscape(s: string): string {
	return s.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n').replace(/\t/g, '\\t');
}

function poUnescape(s: string): string {
	return s.replace(/\\(.)/g, (_m, c: string) => ({ n: '\n', t: '\t' } as { [k: string]: string })[c] ?? c);
}

export function renderPot(entries: Entry[]): string {
	let out = 'msgid ""\nmsgstr "Content-Type: text/plain; charset=UTF-8"\n';
	for (const e of entries) {
		out += '\n';
		for (const r of e.refs) out += `#: ${r}\n`;
		if (/\{[0-9]+\}/.test(e.msgid) && e.refs.includes(CORE_CATALOGUE)) out += '#. {1}, {2}, …: its values; a translation may reorder them\n';
		if (/%[sd]/.test(e.msgid)) out += '#, c-format\n';
		out += `msgid "${poEscape(e.msgid)}"\nmsgstr ""\n`;
	}
	return out;
}

// A .po file: header lines and msgid → msgstr (single-line strings only,
// as renderPo writes them).
export function parsePo(text: string): { header: string, tr: Map<string, string> } {
	const tr = new Map<string, string>();
	const blocks = text.split(/\n\s*\n/);
	let header = '';
	for (const b of blocks) {
		const id = /^msgid "((?:\\.|[^"\\])*)"$/m.exec(b);
		const st = /^msgstr "((?:\\.|[^"\\])*)"$/m.exec(b);
		if (!id || !st) continue;
		if (id[1] === '') { header = b.trim(); continue; }
		tr.set(poUnescape(id[1]), poUnescape(st[1]));
	}
	return { header, tr };
}

export function renderPo(header: string, entries: Entry[], tr: Map<string, string>): string {
	let out = header.trim() + '\n';
	for (const e of entries) {
		out += '\n';
		if (/%[sd]/.test(e.msgid)) out += '#, c-format\n';
		out += `msgid "${poEscape(e.msgid)}"\nmsgstr "${poEscape(tr.get(e.msgid) ?? '')}"\n`;
	}
	return out;
}

export function languages(): string[] {
	const d = path.join(ROOT, PO_DIR);
	return fs.existsSync(d) ? fs.readdirSync(d).filter((x) => x !== 'templates' && fs.statSync(path.join(d, x)).isDirectory()).sort() : [];
}

if (process.argv[1] && process.argv[1].endsWith('i18n.ts') && process.argv.includes('--write')) {
	const { entries, errors } = extract();
	if (errors.length) { console.error(errors.join('\n')); process.exit(1); }
	fs.mkdirSync(path.join(ROOT, path.dirname(POT)), { recursive: true });
	fs.writeFileSync(path.join(ROOT, POT), renderPot(entries));
	for (const lang of languages()) {
		const p = path.join(ROOT, PO_DIR, lang, 'splitwg.po');
		const old = fs.existsSync(p) ? parsePo(fs.readFileSync(p, 'utf8')) : { header: `msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n"Language: ${lang}\\n"`, tr: new Map() };
		fs.writeFileSync(p, renderPo(old.header, entries, old.tr));
		const missing = entries.filter((e) => !old.tr.get(e.msgid));
		console.log(`${lang}: ${entries.length} messages, ${missing.length} untranslated`);
	}
	console.log(`${POT}: ${entries.length} messages`);
}
