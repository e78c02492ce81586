// List files on the router (src/core/lists.ts says what a line holds): each
// file read through the Env a line at a time and judged line by line by the
// core; its CIDRs streamed into element fragments (src/core/nftlists.ts) in
// PATHS.lists, a line of FRAGMENT_CHUNK at a time, so memory stays bounded
// whatever the file's size.
//
// The fragments are named by the file's content hash (md5sum: one process
// for every file; under ucode a hash over megabytes is seconds) and kept
// with what the read found (<hash>.json, and the domains in <hash>.d): a
// file whose content was read and found valid before is not read again.
// Nothing in PATHS.lists is ever rewritten in place, so the table in force
// keeps its fragments while an apply stages new ones, and a rollback needs
// none back; what no applied set uses any more is removed after an apply
// (prune()).
import type { Env, Writer } from './env';
import type { UciSection } from '../core/uci';
import type { ListFile, ListFiles } from './core';
import type { NftSet } from '../core/nft';
import { PATHS } from './env';
import { readConfigSections } from './sections';
import { subscriptionStatus } from './subscriptions';
import type { SubscriptionStatus } from './subscriptions';
import {
	VERSION, LIST_DIR, readSubscriptions, badListFile, described, listEntries, listPaths, listStart, listMissing, listLine, listsScript, listSets,
	fragmentName, fragmentHead, fragmentLine, FRAGMENT_CHUNK, FRAGMENT_TAIL,
} from './core';

// regexes as module constants: ucode compiles a literal each time it is evaluated
const MD5_LINE = /^([0-9a-f]{32})  ([^\n]+)$/;

// apply: read, and stage the fragments of what was read; check: read only
// (an earlier read's results are used); explain: read, keeping the CIDRs
export type ListMode = 'apply' | 'check' | 'explain';

// The content hash of each file that can be read, by path.
export function contentHashes(env: Env, paths: string[]): { [path: string]: string } {
	const out: { [path: string]: string } = {};
	if (!length(paths)) return out;
	// the runner names a file as the command saw it (a test's scratch root)
	const byName: { [n: string]: string } = {};
	for (let i = 0; i < length(paths); i++) { byName[paths[i]] = paths[i]; byName[env.fs.hostPath(paths[i])] = paths[i]; }
	const r = env.run(['md5sum', ...paths]);
	const lines = split(r.stdout, '\n');
	for (let i = 0; i < length(lines); i++) {
		const m = match(lines[i], MD5_LINE) as string[] | null;
		if (m && byName[m[2]]) out[byName[m[2]]] = m[1];
	}
	return out;
}

function cachePath(hash: string, what: string): string {
	return `${PATHS.lists}/${hash}.${what}`;
}

// What an earlier read of this content found, when it was valid and its
// fragments are all there.
function cached(env: Env, hash: string): ListFile | null {
	const text = env.fs.read(cachePath(hash, 'json'));
	if (text === null) return null;
	let meta: any = null;
	try { meta = json(text); } catch { return null; }
	if (type(meta) !== 'object' || meta.version !== VERSION) return null;
	if ((meta.v4 && !env.fs.exists(`${PATHS.lists}/${fragmentName(hash, 4)}`)) || (meta.v6 && !env.fs.exists(`${PATHS.lists}/${fragmentName(hash, 6)}`))) return null;
	const lf = listStart(hash);
	lf.v4 = meta.v4; lf.v6 = meta.v6;
	if (meta.domains) {
		const d = env.fs.read(cachePath(hash, 'd'));
		if (d === null) return null;
		// (one a line, no newline after the last: no filter over 100,000)
		lf.domains = split(d, '\n');
		if (length(lf.domains) !== meta.domains) return null;
	}
	return lf;
}

// One family's fragment, staged under a name fw4 and dnsmasq never read;
// opened at its first element.
interface Fragment { path: string, tmp: string, head: string, w: Writer | null, buf: string[], ok: boolean }

function fragment(hash: string, family: 4 | 6, head: string): Fragment {
	const name = fragmentName(hash, family);
	return { path: `${PATHS.lists}/${name}`, tmp: `${PATHS.lists}/.${name}.tmp`, head, w: null, buf: [], ok: true };
}

function flushFragment(env: Env, f: Fragment): void {
	if (!f.ok || !length(f.buf)) return;
	if (f.w === null) {
		f.w = env.fs.create(f.tmp);
		if (f.w === null || !f.w.write(f.head)) { f.ok = false; return; }
	}
	if (!f.w.write(fragmentLine(f.buf))) f.ok = false;
	f.buf = [];
}

function addTo(env: Env, f: Fragment, text: string): void {
	push(f.buf, text);
	if (length(f.buf) >= FRAGMENT_CHUNK) flushFragment(env, f);
}

// Closed (under its staging name); false when writing failed.
function closeFragment(env: Env, f: Fragment): boolean {
	flushFragment(env, f);
	if (f.w === null) return f.ok;
	f.ok = f.w.write(FRAGMENT_TAIL) && f.w.close() && f.ok;
	return f.ok;
}

// What a read in apply mode staged: the fragments, to be moved into place
// once the file is known not to have changed while it was read.
interface Staged { path: string, lf: ListFile, frags: Fragment[] }

// The file read a line at a time; in apply mode a valid file's fragments
// are staged (unless it has errors: writing stops at the first one).
function readOne(env: Env, path: string, hash: string, mode: ListMode, staged: Staged[]): ListFile {
	const rd = env.fs.lines(path);
	if (rd === null) return listMissing();
	const lf = listStart(hash, mode === 'explain');
	const stage = mode === 'apply' && env.fs.mkdirp(PATHS.lists);
	const f4 = fragment(hash, 4, fragmentHead(VERSION, path, 4)), f6 = fragment(hash, 6, fragmentHead(VERSION, path, 6));
	let n = 0;
	for (let line = rd.next(); line !== null; line = rd.next()) {
		n++;
		const e = listLine(lf, n, line);
		if (e !== null && stage && !lf.badLines) addTo(env, e.family === 4 ? f4 : f6, e.text);
	}
	rd.close();
	if (stage) {
		const ok = closeFragment(env, f4) && closeFragment(env, f6);
		if (ok && !lf.badLines) push(staged, { path, lf, frags: [f4, f6] });
		else for (let i = 0; i < 2; i++) env.fs.unlink([f4, f6][i].tmp);
	}
	return lf;
}

// The staged reads whose file is unchanged since (one md5sum for all):
// fragments moved into place, then the findings (last: they say the
// fragments are complete). A file that changed meanwhile is reported
// (list_changed) and its fragments dropped.
function commit(env: Env, staged: Staged[]): void {
	if (!length(staged)) return;
	const now = contentHashes(env, map(staged, (x) => x.path));
	for (let i = 0; i < length(staged); i++) {
		const x = staged[i], lf = x.lf;
		const same = now[x.path] === lf.hash;
		let ok = same;
		for (let j = 0; j < length(x.frags); j++) {
			const f = x.frags[j];
			if (f.w === null) continue;
			if (ok && !env.fs.rename(f.tmp, f.path)) ok = false;
			if (!ok) env.fs.unlink(f.tmp);
		}
		if (!same) { lf.changed = true; continue; }
		if (!ok) continue;
		if (length(lf.domains)) env.fs.write(cachePath(lf.hash, 'd'), join('\n', lf.domains));
		env.fs.write(cachePath(lf.hash, 'json'), sprintf('%J\n', { version: VERSION, path: x.path, v4: lf.v4, v6: lf.v6, domains: length(lf.domains) }));
	}
}

// Every list file the rule sections name, by path, for readConfig().
export function readLists(env: Env, sections: UciSection[], mode: ListMode): ListFiles {
	const paths = listPaths(sections);
	const out: ListFiles = {};
	if (!length(paths)) return out;
	const hashes = contentHashes(env, paths);
	const staged: Staged[] = [];
	for (let i = 0; i < length(paths); i++) {
		const p = paths[i], h = hashes[p];
		if (!h) { out[p] = listMissing(); continue; }
		const c = mode === 'explain' ? null : cached(env, h);
		out[p] = c ?? readOne(env, p, h, mode, staged);
	}
	commit(env, staged);
	return out;
}

// path → content hash of what was read (for the state: status tells an edited file).
export function listHashes(files: ListFiles): { [path: string]: string } {
	const out: { [path: string]: string } = {};
	for (let p in files) if (files[p].ok) out[p] = files[p].hash;
	return out;
}

// The script that fills these list sets of the table from their fragments
// (`names` null: all of them), as the commands loading it see the files.
export function listsText(env: Env, sets: NftSet[], names?: string[] | null): string {
	return listsScript(listSets(sets, names), env.fs.hostPath(PATHS.lists));
}

// The file fw4 includes after the table's own (its name sorts after it):
// every list set refilled on a firewall reload. null: there is none.
export function listsFile(env: Env, sets: NftSet[]): string | null {
	const body = listsText(env, sets);
	return body === '' ? null : `# Generated by splitwg ${VERSION}: the list sets, filled from their files' fragments — do not edit.\n${body}`;
}

// Written atomically (rename over it); fw4 only includes *.nft.
export function installLists(env: Env, text: string | null): boolean {
	if (text === null) return !env.fs.exists(PATHS.nftLists) || env.fs.unlink(PATHS.nftLists);
	const tmp = `${PATHS.nftLists}.tmp`;
	return env.fs.mkdirp(substr(PATHS.nftLists, 0, rindex(PATHS.nftLists, '/'))) && env.fs.write(tmp, text) && env.fs.rename(tmp, PATHS.nftLists);
}

// Drop what no applied list file uses (`keep`: content hashes): other
// contents' fragments and findings, and what an interrupted read left.
export function prune(env: Env, keep: string[]): void {
	const names = env.fs.list(PATHS.lists);
	if (names === null) return;
	const want: { [h: string]: boolean } = {};
	for (let i = 0; i < length(keep); i++) want[keep[i]] = true;
	for (let i = 0; i < length(names); i++) {
		const n = names[i];
		const dot = index(n, '.');
		if (dot <= 0 || !want[substr(n, 0, dot)]) env.fs.unlink(`${PATHS.lists}/${n}`);
	}
	if (!length(keep)) env.fs.rmdir(PATHS.lists);
}

// One list file as ubus `lists` reports it (LuCI shows it beside a rule).
export interface ListReport {
	path: string;
	name: string;                // the name `list_file` takes: relative in LIST_DIR
	used: boolean;               // the configuration names it
	ok: boolean;                 // it can be read
	entries: number;
	domains: number;
	v4: number;
	v6: number;
	problems: { line: number, id: string, args: any[], message: string }[];   // the first lines in error
	more: number;                // further lines in error
	subscription: SubscriptionStatus | null;   // the file is filled from a URL (subscriptions.ts)
}

// Every file of LIST_DIR and every one the configuration names, judged as
// check judges them (earlier reads' findings are used: no file is read
// twice for this).
export function listReport(env: Env): { dir: string, files: ListReport[] } {
	const secs = readConfigSections(env.uci, 'splitwg');
	const named = listPaths(secs);
	const subs = subscriptionStatus(env, readSubscriptions(secs, []));
	const bySub: { [path: string]: SubscriptionStatus } = {};
	for (let i = 0; i < length(subs); i++) bySub[subs[i].path] = subs[i];
	const paths: string[] = [];
	const here = sort(env.fs.list(LIST_DIR) ?? []);
	for (let i = 0; i < length(here); i++)
		if (substr(here[i], 0, 1) !== '.' && !badListFile(here[i])) push(paths, `${LIST_DIR}/${here[i]}`);
	for (let i = 0; i < length(named); i++) if (index(paths, named[i]) < 0) push(paths, named[i]);
	for (let p in bySub) if (index(paths, p) < 0) push(paths, p);
	const files = readLists(env, [{ type: 'rule', name: 'lists', anonymous: true, options: { list_file: paths } }], 'check');
	const pre = `${LIST_DIR}/`;
	return {
		dir: LIST_DIR,
		files: map(paths, (p) => {
			const lf = files[p];
			return {
				path: p, name: substr(p, 0, length(pre)) === pre ? substr(p, length(pre)) : p, used: index(named, p) >= 0, ok: lf.ok,
				entries: listEntries(lf), domains: length(lf.domains), v4: lf.v4, v6: lf.v6,
				problems: map(lf.bad, (b) => described(b)), more: lf.badLines - length(lf.bad), subscription: bySub[p] ?? null,
			};
		}),
	};
}
