// Moving the kernel from one plan's table to the next. The table script
// alone is idempotent (fw4 reloads it as is) and empties every set and map
// the config fills, but it cannot know what the running table has beyond
// it: a set, map or chain no longer declared (a removed rule or client)
// must be deleted, and a domain set that lost a domain holds addresses
// dnsmasq learned for it.
// Appended to the new script, these run in the same nft transaction.
// A list set (filled from list files, nftlists.ts) is reloaded on its own
// when its files' content changes: listReloads().

// `sig`: what of `key` decides a connection's path (conntrack.ts), when not
// all of it: a list file's content reaches new connections only.
export interface SetState { name: string, kind: 'domain' | 'net' | 'list', key: string, sig?: string | null }

// What the running table holds (`nft -j -t list table inet splitwg`).
export interface TableObjects { sets: string[], maps: string[], chains: string[] }

// Did a domain of `before` leave? (An added domain keeps what was learned
// for the others valid: flushing would send them direct until re-queried.)
// A lookup table, not index(): a list file may give a set 100,000 domains.
function dropped(before: string, after: string): boolean {
	if (before === after) return false;
	const now: { [d: string]: boolean } = {};
	const next = split(after, ' ');
	for (let i = 0; i < length(next); i++) now[next[i]] = true;
	const was = split(before, ' ');
	for (let i = 0; i < length(was); i++) if (!now[was[i]]) return true;
	return false;
}

// Objects of the running table that the script to be loaded does not
// declare (`want`: tableObjects() of its model). Chains come last: once the
// script has refilled the maps, nothing refers to them (`flush table`
// emptied every rule that could).
function stale(live: TableObjects, want: TableObjects): string[] {
	const lines: string[] = [];
	const kinds = ['set', 'map', 'chain'];
	const lists = [live.sets, live.maps, live.chains];
	const wanted = [want.sets, want.maps, want.chains];
	for (let k = 0; k < 3; k++) {
		const has: { [n: string]: boolean } = {};
		for (let i = 0; i < length(wanted[k]); i++) has[wanted[k][i]] = true;
		for (let i = 0; i < length(lists[k]); i++)
			if (!has[lists[k][i]]) push(lines, `delete ${kinds[k]} inet splitwg ${lists[k][i]}`);
	}
	return lines;
}

// `deletesOnly`: for a rollback, which must not drop what dnsmasq learned.
// `live` + `want`: what the running table has and what the script to be
// loaded declares; then deletions come from the kernel (also what no
// recorded plan knows: a previous version's leftovers, a lost state file),
// else from `prev` (sets only).
export function nftTransition(prev: SetState[] | null, next: SetState[], deletesOnly?: boolean, live?: TableObjects | null, want?: TableObjects | null): string {
	const lines: string[] = live && want ? stale(live, want) : [];
	const now: { [n: string]: SetState } = {};
	for (let i = 0; i < length(next); i++) now[next[i].name] = next[i];
	for (let i = 0; i < length(prev ?? []); i++) {
		const p = (prev as SetState[])[i], n = now[p.name];
		if (!n) { if (!live) push(lines, `delete set inet splitwg ${p.name}`); }
		else if (!deletesOnly && p.kind === 'domain' && (n.kind !== 'domain' || dropped(p.key, n.key)))
			push(lines, `flush set inet splitwg ${p.name}\t# a domain left the rule: forget the addresses learned for it`);
	}
	return length(lines) ? join('\n', lines) + '\n' : '';
}

// The list sets of `next` to load from their fragments: new ones, and those
// whose files' content changed (their key lists the content hashes). `prev`
// null: what the running sets hold is unknown (no state, a fresh or
// re-created table): all of them.
export function listReloads(prev: SetState[] | null, next: SetState[]): string[] {
	const was: { [n: string]: SetState } = {};
	for (let i = 0; i < length(prev ?? []); i++) was[(prev as SetState[])[i].name] = (prev as SetState[])[i];
	const out: string[] = [];
	for (let i = 0; i < length(next); i++) {
		const n = next[i];
		if (n.kind !== 'list') continue;
		const p = prev ? was[n.name] : null;
		if (!p || p.kind !== 'list' || p.key !== n.key) push(out, n.name);
	}
	return out;
}
