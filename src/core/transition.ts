// Moving the kernel from one plan's table to the next. The table script
// alone is idempotent (fw4 reloads it as is), but it cannot know what a
// previous plan had: a set no longer used must be deleted, and a domain set
// that lost a domain holds addresses dnsmasq learned for it.
// Appended to the new script, these run in the same nft transaction.
export interface SetState { name: string, kind: 'domain' | 'net', key: string }

// Did a domain of `before` leave? (An added domain keeps what was learned
// for the others valid: flushing would send them direct until re-queried.)
function dropped(before: string, after: string): boolean {
	const now = split(after, ' ');
	const was = split(before, ' ');
	for (let i = 0; i < length(was); i++) if (index(now, was[i]) < 0) return true;
	return false;
}

// `deletesOnly`: for a rollback, which must not drop what dnsmasq learned.
export function nftTransition(prev: SetState[] | null, next: SetState[], deletesOnly?: boolean): string {
	if (!prev) return '';
	const now: { [n: string]: SetState } = {};
	for (let i = 0; i < length(next); i++) now[next[i].name] = next[i];
	const lines: string[] = [];
	for (let i = 0; i < length(prev); i++) {
		const p = prev[i], n = now[p.name];
		if (!n) push(lines, `delete set inet splitwg ${p.name}`);
		else if (!deletesOnly && p.kind === 'domain' && (n.kind !== 'domain' || dropped(p.key, n.key)))
			push(lines, `flush set inet splitwg ${p.name}\t# a domain left the rule: forget the addresses learned for it`);
	}
	return length(lines) ? join('\n', lines) + '\n' : '';
}
