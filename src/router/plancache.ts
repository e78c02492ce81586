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
import type { Env } from './env';
import type { Plan } from '../core/plan';
import type { AppliedView } from './state';
import { PATHS } from './env';
import { VERSION, listSets, fragmentName } from './core';
import { contentHashes } from './lists';

const FILE = `${PATHS.state}/plan.json`;

export interface CachedPlan {
	version: string;
	digest: string;              // Env.configDigest('splitwg') it was compiled from
	local: string[];             // the local networks it was compiled with
	ipv6: boolean;               // globals.ipv6 (which families localNetworks reads)
	plan: Plan;
	view: AppliedView;
	warnings: string[];          // check's warnings of that config, as apply prints them
	lists: { [path: string]: string };   // the list files it was compiled from: path → md5
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
export function cachedPlan(env: Env, local: (ipv6: boolean) => string[] | null): CachedPlan | null {
	const digest = env.configDigest('splitwg');
	if (digest === null || uncommitted(env)) return null;
	const text = env.fs.read(FILE);
	let read: any = null;
	try { read = text ? json(text) : null; } catch { read = null; }
	if (type(read) !== 'object' || type(read.plan) !== 'object' || type(read.local) !== 'array' || type(read.warnings) !== 'array' || type(read.lists) !== 'object') return null;
	const c = read as CachedPlan;
	if (c.version !== VERSION || c.digest !== digest || !sameLists(env, c)) return null;
	const now = local(c.ipv6);
	return now !== null && join('\n', now) === join('\n', c.local) ? c : null;
}

// Kept only for a config read without uncommitted changes (what cachedPlan
// can match); a failed write just means the next apply compiles.
export function keepPlan(env: Env, c: CachedPlan): void {
	if (uncommitted(env)) { forgetPlan(env); return; }
	env.fs.mkdirp(PATHS.state);
	const tmp = `${FILE}.tmp`;
	if (!(env.fs.write(tmp, sprintf('%J', c)) && env.fs.rename(tmp, FILE))) forgetPlan(env);
}

export function forgetPlan(env: Env): void {
	env.fs.unlink(FILE);
}
