// Our own table `inet splitwg`. The file in ruleset-post makes fw4 re-create
// it on every firewall start/reload; we load it ourselves with `nft -f` so an
// apply does not need a firewall reload. Both are atomic: nft applies a
// whole file or nothing.
import type { Env, RunResult } from './env';
import type { TableObjects } from '../core/transition';
import { PATHS, failure } from './env';

export const TABLE = ['inet', 'splitwg'];
const STAGED = `${PATHS.state}/next.nft`;
export const REPLACE_PATH = `${PATHS.state}/replace.nft`;

// The file declares, flushes and refills the table, which keeps the
// addresses dnsmasq put in the sets. A set or chain whose definition changed
// (a timeout turned off, say) cannot be redeclared that way; then the table
// is deleted first, losing those learned addresses.
function replaceScript(text: string): string {
	return `table inet splitwg\ndelete table inet splitwg\n${text}`;
}

export function replaceFile(env: Env, text: string): boolean {
	env.fs.mkdirp(PATHS.state);
	return env.fs.write(REPLACE_PATH, replaceScript(text));
}

export interface Staged { path: string, replace: boolean, error: string | null }

// `nft -c`: parse and evaluate against the running kernel without changing
// anything.
// `transition` (nftTransition()) and `lists` (the list sets to refill,
// lists.ts) follow the script in the same transaction; `text` '' leaves the
// table as it is (only they are loaded: no reload, counters kept). Replace
// mode does without the transition (the table starts empty) and refills
// every list set (`allLists`). The check leaves the list sets out: the core
// judged every element, and 100,000 of them cost nft a second to check —
// the load that follows is one transaction, all or nothing, like any.
export function stage(env: Env, text: string, transition?: string, lists?: string, allLists?: string): Staged {
	env.fs.mkdirp(PATHS.state);
	const body = text + (transition ?? '');
	const ready = (path: string, script: string, extra: string, replace: boolean): Staged => extra === '' || env.fs.write(path, script + extra)
		? { path, replace, error: null } : { path, replace, error: `cannot write ${path}` };
	if (!env.fs.write(STAGED, body)) return { path: STAGED, replace: false, error: `cannot write ${STAGED}` };
	let r = env.run(['nft', '-c', '-f', STAGED]);
	if (r.code === 0) return ready(STAGED, body, lists ?? '', false);
	const first = failure(r, ['nft', '-c', '-f', STAGED]);
	if (text === '' || !tableExists(env)) return { path: STAGED, replace: false, error: first };
	if (!replaceFile(env, text)) return { path: STAGED, replace: false, error: first };
	r = env.run(['nft', '-c', '-f', REPLACE_PATH]);
	if (r.code === 0) return ready(REPLACE_PATH, replaceScript(text), allLists ?? '', true);
	return { path: STAGED, replace: false, error: first };
}

export function load(env: Env, path: string): RunResult {
	return env.run(['nft', '-f', path]);
}

export function remove(env: Env): RunResult {
	return env.run(['nft', 'delete', 'table', ...TABLE]);
}

export function installedText(env: Env): string | null {
	return env.fs.read(PATHS.nft);
}

// Write the ruleset-post file atomically (rename over it); fw4 only
// includes *.nft, so the temporary name is never picked up.
export function install(env: Env, text: string | null): boolean {
	if (text === null) return !env.fs.exists(PATHS.nft) || env.fs.unlink(PATHS.nft);
	const dir = substr(PATHS.nft, 0, rindex(PATHS.nft, '/'));
	const tmp = `${PATHS.nft}.tmp`;
	return env.fs.mkdirp(dir) && env.fs.write(tmp, text) && env.fs.rename(tmp, PATHS.nft);
}

export function cleanupStaged(env: Env): void {
	env.fs.unlink(STAGED);
	env.fs.unlink(REPLACE_PATH);
}

// The names of one kind of object of table inet splitwg, from a listing of
// every inet table's (`nft -j -t list sets inet`, `… maps inet`, `nft -j
// list chains inet`): these are cheap whatever the sets hold, where a
// listing of the table — or of a chain — makes nft fetch every set element
// first (1.5 s for the 100,000 of a big list file on a 2-core VM). null
// when nft fails.
function names(env: Env, what: 'sets' | 'maps' | 'chains'): string[] | null {
	const r = env.run(what === 'chains' ? ['nft', '-j', 'list', 'chains', TABLE[0]] : ['nft', '-j', '-t', 'list', what, TABLE[0]]);
	if (r.code !== 0) return null;
	let doc: any = null;
	try { doc = json(r.stdout); } catch { return null; }
	const list: any[] = type(doc) === 'object' && type(doc.nftables) === 'array' ? doc.nftables : [];
	const key = what === 'sets' ? 'set' : what === 'maps' ? 'map' : 'chain';
	const out: string[] = [];
	for (let i = 0; i < length(list); i++) {
		const o = list[i][key];
		if (type(o) === 'object' && o.table === TABLE[1]) push(out, o.name);
	}
	return out;
}

// Whether table inet splitwg is loaded (it always has chains).
export function tableExists(env: Env): boolean {
	const c = names(env, 'chains');
	return c !== null && length(c) > 0;
}

// The names of the running table's sets, maps and chains; null when there
// is no table.
export function liveObjects(env: Env): TableObjects | null {
	const chains = names(env, 'chains');
	if (chains === null || !length(chains)) return null;
	return { sets: names(env, 'sets') ?? [], maps: names(env, 'maps') ?? [], chains };
}

// `nft -j list table inet splitwg`, parsed; null when there is no table.
// `terse`: without set elements — the rules and their counters only, what
// status polls (tens of thousands of elements cost seconds to print and parse).
export function listJson(env: Env, terse?: boolean): any[] | null {
	const r = env.run(terse ? ['nft', '-j', '-t', 'list', 'table', ...TABLE] : ['nft', '-j', 'list', 'table', ...TABLE]);
	if (r.code !== 0) return null;
	let doc: any = null;
	try { doc = json(r.stdout); } catch { return null; }
	return type(doc) === 'object' && type(doc.nftables) === 'array' ? doc.nftables : null;
}

// These maps of table inet splitwg with their elements, one `nft -j list
// map` each (cheap; `list maps` would fetch every set element too). A map
// that is not there is left out.
export function listMaps(env: Env, maps: string[]): any[] {
	const out: any[] = [];
	for (let i = 0; i < length(maps); i++) {
		const r = env.run(['nft', '-j', 'list', 'map', ...TABLE, maps[i]]);
		if (r.code !== 0) continue;
		let doc: any = null;
		try { doc = json(r.stdout); } catch { continue; }
		const list: any[] = type(doc) === 'object' && type(doc.nftables) === 'array' ? doc.nftables : [];
		for (let j = 0; j < length(list); j++) if (type(list[j].map) === 'object') push(out, list[j]);
	}
	return out;
}
