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

export function tableExists(env: Env): boolean {
	return env.run(['nft', '-t', 'list', 'table', ...TABLE]).code === 0;
}

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

// The names of the running table's sets, maps and chains (terse: without
// elements, cheap with large sets); null when there is no table.
export function liveObjects(env: Env): TableObjects | null {
	const r = env.run(['nft', '-j', '-t', 'list', 'table', ...TABLE]);
	if (r.code !== 0) return null;
	let doc: any = null;
	try { doc = json(r.stdout); } catch { return null; }
	const list: any[] = type(doc) === 'object' && type(doc.nftables) === 'array' ? doc.nftables : [];
	const o: TableObjects = { sets: [], maps: [], chains: [] };
	for (let i = 0; i < length(list); i++) {
		if (type(list[i].set) === 'object') push(o.sets, list[i].set.name);
		else if (type(list[i].map) === 'object') push(o.maps, list[i].map.name);
		else if (type(list[i].chain) === 'object') push(o.chains, list[i].chain.name);
	}
	return o;
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

// The maps of table inet splitwg with their elements (`nft -j list maps
// inet`): what the config fills, without the sets — list sets may hold
// 100,000 elements, seconds to print and parse. [] when there are none.
export function listMaps(env: Env): any[] {
	const r = env.run(['nft', '-j', 'list', 'maps', TABLE[0]]);
	if (r.code !== 0) return [];
	let doc: any = null;
	try { doc = json(r.stdout); } catch { return []; }
	const all: any[] = type(doc) === 'object' && type(doc.nftables) === 'array' ? doc.nftables : [];
	return filter(all, (x) => type(x.map) === 'object' && x.map.table === TABLE[1]);
}
