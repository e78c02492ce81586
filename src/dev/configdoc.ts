// The option reference of docs/config.md, generated from the core's option
// table (src/core/schema.ts): one Markdown table per section type, between
// markers; the prose around them is written by hand.
//
//   npm run docs:config     rewrite the tables in docs/config.md
// (test/dev/configdoc.test.ts fails while the file and the table differ.)
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { SCHEMA } from '../core/schema';
import type { Opt } from '../core/schema';

export const DOC = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../docs/config.md');

const begin = (type: string) => `<!-- options of ${type}: generated from src/core/schema.ts by \`npm run docs:config\`, edit them there -->`;
const END = '<!-- end of options -->';

const code = (s: string) => `\`${s}\``;
// a table cell: a | would end it
const cell = (s: string) => s.replace(/\|/g, '\\|');

function value(o: Opt): string {
	if (o.kind === 'bool') return '`0`/`1`';
	if (o.kind === 'int') return `${o.min}–${o.max}`;
	if (o.kind === 'enum') return (o.values ?? []).map(code).join(', ');
	return '';
}

export function renderTable(type: string): string {
	const rows = ['| option | value | default | meaning |', '|---|---|---|---|'];
	const t = SCHEMA[type];
	for (const k of Object.keys(t)) {
		const o = t[k];
		rows.push(`| ${code(k)}${o.list ? ' (list)' : ''} | ${value(o)} | ${o.def !== undefined ? code(o.def) : ''} | ${cell(o.doc)} |`);
	}
	return rows.join('\n');
}

// The document with every table between its markers rendered anew. A
// section type without its markers, or markers of a type the table does
// not have, is an error: the reference must cover every section type.
export function renderDoc(text: string): string {
	let out = text;
	for (const type of Object.keys(SCHEMA)) {
		const a = out.indexOf(begin(type));
		const b = a < 0 ? -1 : out.indexOf(END, a);
		if (a < 0 || b < 0) throw new Error(`docs/config.md: no generated table for ${type} (${begin(type)} … ${END})`);
		out = out.slice(0, a) + begin(type) + '\n' + renderTable(type) + '\n' + out.slice(b);
	}
	const stray = /<!-- options of ([a-z]+):/g;
	for (const m of out.matchAll(stray)) if (!SCHEMA[m[1]]) throw new Error(`docs/config.md: a table for ${m[1]}, which is not a section type`);
	return out;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
	const text = fs.readFileSync(DOC, 'utf8');
	const next = renderDoc(text);
	if (next !== text) fs.writeFileSync(DOC, next);
	console.log(`docs/config.md: ${next === text ? 'up to date' : 'tables rewritten'}`);
}
