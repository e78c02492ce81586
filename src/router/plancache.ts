// The last compiled plan, on tmpfs beside the state, with what it was
// compiled from. compile() is pure in the config, the router's local
// networks, the content of the list files its rules name (lists.ts) and
// splitwg's version, so an apply whose config file has the same digest (and
// no uncommitted changes: the cursor would read those too), whose list files
// have the same md5 (and their fragments are there), on a router with the
// same local networks, reuses the plan instead of reading, validating and
// compiling again — seconds for a large config on a router.
// Anything else, or a cache that does not read back, compiles as before.
// The package's postinst removes it: another build's plan is not this one's.
// Kept lean, because json() and sprintf('%J') of a structure take several
// times its size in memory (a large home's whole plan: 4.8 MB of JSON, +17
// MiB to write, +24 MiB to read back): the printed nft and dnsmasq texts
// are files of their own, read as one string each, and the cached table
// has no set elements — they are in the printed text, and nothing prints
// a cached plan again.
import type { Env } from './env';
import type { Plan } from '../core/plan';
import type { AppliedView } from './state';
import { putFile } from './state';
import { PATHS } from './env';
import { VERSION, listSets, fragmentName } from './core';
import { contentHashes } from './lists';

// what it was compiled from apart from the plan: a miss costs a small read,
// not the parse of megabytes (the plan of a large config is ~6 MB of JSON)
const KEY = `${PATHS.state}/plan.key`;
const FILE = `${PATHS.state}/plan.json`;
const NFT_FILE = `${PATHS.state}/plan.nft`;
const DNS_FILE = `${PATHS.state}/plan.dnsmasq`;

function readJson(env: Env, path: string): any {
	const text = env.fs.read(path);
	try { return text ? json(text) : null; } catch { return null; }
}

export interface CachedPlan {
	version: string;
	digest: string;              // Env.configDigest('splitwg') it was compiled from
	local: string[];             // the local networks it was compiled with
	ipv6: boolean;               // globals.ipv6 (which families localNetworks reads)
	plan: Plan;
	view: AppliedView;
	warnings: string[];          // check's warnings of that config, as apply prints them
	lists: { [path: string]: string };   // the list files it was compiled from: path → md5
	down: string[];              // the upstreams the health checker had down (compile's `down`: the dnsmasq file)
}

// The list files as they were (one md5sum for all), and every fragment the
// plan's list sets load still there.
function sameLists(env: Env, c: CachedPlan): boolean {
	const now = contentHashes(env, keys(c.lists));
	for (let p in c.lists) if (now[p] !== c.lists[p]) return false;
	const sets = c.plan.table ? listSets(c.plan.table.sets) : [];
	for (let i = 0; i < length(sets); i++)
		for (let j = 0; j < length(sets[i].feeds ?? []); j++)
			if (!env.fs.exists(`${PATHS.lists}/${fragmentName((sets[i].feeds as string[])[j], sets[i].family)}`)) return false;
	return true;
}

function uncommitted(env: Env): boolean {
	return length((env.uci.changes('splitwg') ?? {}).splitwg ?? []) > 0;
}

// The cached plan when it was compiled from what the router has now.
// `local`: the local networks now (null: unreadable, no reuse).
export function cachedPlan(env: Env, local: (ipv6: boolean) => string[] | null, down: string[]): CachedPlan | null {
	const digest = env.configDigest('splitwg');
	if (digest === null || uncommitted(env)) return null;
	const k = readJson(env, KEY);
	if (type(k) !== 'object' || type(k.local) !== 'array' || type(k.lists) !== 'object') return null;
	if (k.version !== VERSION || k.digest !== digest) return null;
	if (join(' ', k.down ?? []) !== join(' ', down)) return null;
	const now = local(k.ipv6);
	if (now === null || join('\n', now) !== join('\n', k.local)) return null;
	const body = readJson(env, FILE);
	if (type(body) !== 'object' || body.digest !== digest || type(body.plan) !== 'object' || type(body.warnings) !== 'array') return null;
	const nft = env.fs.read(NFT_FILE), dns = env.fs.read(DNS_FILE);
	if (nft === null || dns === null) return null;
	const plan: Plan = { ...body.plan, nft, dnsmasq: dns };
	const c: CachedPlan = { version: k.version, digest, local: k.local, ipv6: k.ipv6, lists: k.lists, plan, view: body.view, warnings: body.warnings, down };
	return sameLists(env, c) ? c : null;
}

// Kept only for a config read without uncommitted changes (what cachedPlan
// can match); a failed write just means the next apply compiles.
export function keepPlan(env: Env, c: CachedPlan): void {
	if (uncommitted(env)) { forgetPlan(env); return; }
	forgetPlan(env);
	env.fs.mkdirp(PATHS.state);
	// the plan first, its key last: a key is only ever there for its plan
	const key = { version: c.version, digest: c.digest, local: c.local, ipv6: c.ipv6, lists: c.lists, down: c.down };
	const body = { digest: c.digest, plan: lean(c.plan), view: c.view, warnings: c.warnings };
	if (!(putFile(env, NFT_FILE, c.plan.nft) && putFile(env, DNS_FILE, c.plan.dnsmasq) && putFile(env, FILE, sprintf('%J', body)) &&
		putFile(env, KEY, sprintf('%J', key)))) forgetPlan(env);
}


// The plan without its printed texts and its sets' elements.
function lean(p: Plan): Plan {
	const table = p.table ? { ...p.table, sets: map(p.table.sets, (s) => ({ ...s, elements: s.elements === null ? null : [] })) } : null;
	return { ...p, table, nft: '', dnsmasq: '' };
}

export function forgetPlan(env: Env): void {
	env.fs.unlink(KEY);
	env.fs.unlink(FILE);
	env.fs.unlink(NFT_FILE);
	env.fs.unlink(DNS_FILE);
}
