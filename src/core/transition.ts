// Moving the kernel from one plan's table to the next. The table script
// alone is idempotent (fw4 reloads it as is), but it cannot know what a
// previous plan had: a set no longer used must be deleted, and a domain set
// whose domains changed holds addresses dnsmasq learned for the old ones.
// Appended to the new script, these run in the same nft transaction.
export interface SetState { name: string, kind: 'domain' | 'net', key: string }

export function nftTransition(prev: SetState[] | null, next: SetState[]): string {
	if (!prev) return '';
	const now: { [n: string]: SetState } = {};
	for (let i = 0; i < length(next); i++) now[next[i].name] = next[i];
	const lines: string[] = [];
	for (let i = 0; i < length(prev); i++) {
		const p = prev[i], n = now[p.name];
		if (!n) push(lines, `delete set inet splitwg ${p.name}`);
		else if (p.kind === 'domain' && (n.kind !== 'domain' || n.key !== p.key))
			push(lines, `flush set inet splitwg ${p.name}\t# its domains changed: forget addresses learned for the old ones`);
	}
	return length(lines) ? join('\n', lines) + '\n' : '';
}
