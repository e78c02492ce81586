// `npx splitwg where core.uc:1234[:5]`, or a whole ucode error on stdin
// (`npx splitwg where < error.txt`): the TypeScript file:line each position
// of the generated ucode comes from, through the maps `npm run build` writes
// to dist/ucode-map/. docs/ucode.md "Debugging on a router" tells the story.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { decode } from './sourcemap.mjs';
import { UCODE_OUTPUTS, mapPath } from '../build.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

const OUTPUTS = UCODE_OUTPUTS.map((o) => o.out);
// the path a generated file has on the router
const onRouter = (out) => out.replace(/^files/, '');
const mapOf = (out) => path.join(root, mapPath(out));

/** The generated file a name from an error means: a router path, a repo path or a unique tail. */
export function outputOf(name) {
	const tail = (a, b) => a === b || a.endsWith(`/${b.replace(/^\/+/, '')}`);
	// /usr/share/ucode/splitwg/core.uc ends like the file on the router, core.uc like one of ours
	const full = OUTPUTS.filter((o) => tail(name, onRouter(o)));
	const hits = full.length ? full : OUTPUTS.filter((o) => tail(o, name));
	if (hits.length > 1) throw new Error(`${name} is ambiguous: say ${hits.map(onRouter).join(' or ')}`);
	return hits[0] ?? null;
}

/** A map (JSON text) and the generated file it belongs to, ready for whereIn. */
export function loadMap(mapText, generated) {
	const map = JSON.parse(mapText);
	const stale = map.x_sha256 !== crypto.createHash('sha256').update(generated).digest('hex');
	return { map, lines: decode(map.mappings), text: generated.split('\n'), stale };
}

const cache = new Map();
function load(out) {
	if (!cache.has(out)) {
		const file = mapOf(out);
		if (!fs.existsSync(file)) throw new Error(`no map for ${onRouter(out)} (${path.relative(root, file)}): run \`npm run build\``);
		cache.set(out, loadMap(fs.readFileSync(file, 'utf8'), fs.readFileSync(path.join(root, out), 'utf8')));
	}
	return cache.get(out);
}

/**
 * A position as ucode prints it (1-based line; "byte" = 1-based byte in the
 * line) → { file, line, column, text, exact } in the TypeScript (1-based), or
 * null on a line the build generated (the `let` of a module, say).
 */
export function whereIn(m, line, byte = 1) {
	// ucode counts bytes, the map UTF-16 units
	const col = Buffer.from(m.text[line - 1] ?? '', 'utf8').subarray(0, Math.max(byte - 1, 0)).toString('utf8').length;
	let seg = null, exact = true;
	for (let l = line - 1; l >= 0 && !seg; l--) {
		const segs = (m.lines[l] ?? []).filter((s) => s.length > 1);
		seg = (l === line - 1 ? segs.filter((s) => s[0] <= col).pop() ?? segs[0] : segs.pop()) ?? null;
		exact = l === line - 1;
	}
	if (!seg) return null;
	const file = m.map.sources[seg[1]];
	const src = fs.existsSync(path.join(root, file)) ? fs.readFileSync(path.join(root, file), 'utf8').split('\n')[seg[2]] : undefined;
	return { file, line: seg[2] + 1, column: seg[3] + 1, text: src?.trim(), exact };
}

/** whereIn for a generated file by name (see outputOf), with the map the build wrote. */
export function where(name, line, byte = 1) {
	const out = outputOf(name);
	if (!out) throw new Error(`${name} is not a generated file (one of ${OUTPUTS.map(onRouter).join(', ')})`);
	return whereIn(load(out), line, byte);
}

const show = (w) => w ? `${w.file}:${w.line}:${w.column}${w.exact ? '' : ' (the nearest mapped line above)'}${w.text ? `  ${w.text}` : ''}` : '(no source: a line the build generated)';

// every position in a ucode error: "file F, line N, byte M" and "(F:N:M)"
const POSITIONS = /file ([^,\s]+), line (\d+), byte (\d+)|\(([^():\s]+):(\d+):(\d+)\)/g;

/**
 * The lines of a ucode error, each position in one of our files followed by
 * its TypeScript source. mapFor(out) gives the loaded map of a generated file.
 */
export function annotate(text, mapFor = load) {
	const out = [];
	for (const l of text.split('\n')) {
		out.push(l);
		for (const p of l.matchAll(POSITIONS)) {
			const [name, line, byte] = p[1] ? [p[1], p[2], p[3]] : [p[4], p[5], p[6]];
			let o = null;
			try { o = outputOf(name); } catch { /* ambiguous: leave it */ }
			if (o) out.push(`    → ${show(whereIn(mapFor(o), Number(line), Number(byte)))}`);
		}
	}
	return out.join('\n');
}

export function main(argv) {
	if (argv[0] === '-h' || argv[0] === '--help') {
		console.log('usage: splitwg where FILE:LINE[:BYTE]…   (FILE: core.uc, router.uc, /usr/sbin/splitwg, …)\n       splitwg where < ucode-error.txt   (annotates every position in the error)');
		return 0;
	}
	try {
		if (!argv.length || argv[0] === '-') {
			process.stdout.write(annotate(fs.readFileSync(0, 'utf8')) + '\n');
		} else {
			for (const a of argv) {
				const m = a.match(/^(.+?):(\d+)(?::(\d+))?$/);
				if (!m) throw new Error(`${a}: expected FILE:LINE[:BYTE]`);
				const w = where(m[1], Number(m[2]), Number(m[3] ?? 1));
				console.log(`${a} → ${show(w)}`);
			}
		}
		const stale = [...cache.entries()].filter(([, m]) => m.stale).map(([o]) => o);
		if (stale.length) console.error(`warning: ${stale.join(', ')} changed since its map was written: run \`npm run build\``);
		return 0;
	} catch (e) {
		console.error(`splitwg where: ${e.message}`);
		return 2;
	}
}

if (import.meta.url === `file://${process.argv[1]}`) process.exit(main(process.argv.slice(2)));
