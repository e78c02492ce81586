// Reading our dnsmasq file as dnsmasq does: an nftset= line lists one or
// more domains, then the sets (nftset=/a.test/b.test/4#inet#splitwg#s_d4,…).

/** The targets of every nftset= line that lists `domain` (our file has exactly one). */
export function nftsetEntries(text: string, domain: string): string[] {
	return text.split('\n').filter((l) => l.startsWith('nftset=/')).flatMap((l) => {
		const parts = l.slice('nftset=/'.length).split('/');
		const targets = parts.pop()!;
		return parts.includes(domain) ? [targets] : [];
	});
}

/** The sets dnsmasq fills for `domain`'s answers, e.g. ['rs_streaming_0_d4', …]; [] when it has no entry. */
export function nftsetSets(text: string, domain: string): string[] {
	const e = nftsetEntries(text, domain);
	return e.length ? e[0]!.split(',').map((t) => t.split('#')[3]!) : [];
}
