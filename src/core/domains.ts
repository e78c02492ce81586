// Which nft sets dnsmasq fills for each domain. dnsmasq keeps ONE nftset
// entry per query name — the most specific matching domain; a second line
// for the same domain is ignored, not merged (forward.c domain_find_sets(),
// checked against real dnsmasq in test/core/dnsmasq-real.test.ts) — and it
// reads its config in pieces of 1024 bytes, parsing what follows a cut as
// another option. So each domain gets exactly one line, listing the set
// pair of every rule covering it ("cdn.video.test" is also covered by the
// rules of "video.test") while that fits in LINE_MAX; when it does not
// (many rules on one domain), the line names one shared pair for exactly
// that combination of rules instead, and each of those rules matches it too.
import type { Config, Rule } from './model';
import { activeRules } from './decide';

export const LINE_MAX = 1000;   // bytes of an nftset= line, newline excluded; dnsmasq's buffer is 1024

export interface DomainLine {
	domain: string;
	rules: Rule[];           // the rules covering it, in decision order
	stems: string[];         // the set pairs it feeds: nft set names are stem + "_d4" / "_d6"
	targets: string;         // nftsetTargets(stems): what follows its nftset=/…/
}

export interface SharedSet { stem: string, rules: Rule[], domains: string[] }

export interface DomainPlan {
	lines: DomainLine[];                 // one per domain, sorted
	shared: SharedSet[];
	byRule: { [id: string]: string[] };  // rule id → the stems it matches (its own first)
}

// What follows "nftset=/<domain>/" for these set pairs.
export function nftsetTargets(stems: string[], ipv6: boolean): string {
	return join(',', map(stems, (s) => ipv6 ? `4#inet#splitwg#${s}_d4,6#inet#splitwg#${s}_d6` : `4#inet#splitwg#${s}_d4`));
}

export function domainPlan(cfg: Config): DomainPlan {
	const ipv6 = cfg.globals.ipv6;
	const rules = filter(activeRules(cfg), (r) => length(r.match.domains) > 0);
	// domain → the positions (decision order) of the rules naming it
	const byDomain: { [d: string]: number[] } = {};
	for (let i = 0; i < length(rules); i++)
		for (let j = 0; j < length(rules[i].match.domains); j++) {
			const d = rules[i].match.domains[j];
			byDomain[d] ??= [];
			if (index(byDomain[d], i) < 0) push(byDomain[d], i);
		}
	const lines: DomainLine[] = [], shared: SharedSet[] = [];
	const sharedBy: { [hits: string]: SharedSet } = {};
	const led: { [stem: string]: number } = {};   // rule stem → shared pairs it leads
	const direct = map(rules, () => false);       // listed with its own pair on some line
	// the targets of each combination of rules, computed once (20,000 domains
	// name a few hundred combinations; under ucode every builtin call counts)
	const combos: { [hits: string]: { own: string[], covering: Rule[], targets: string } } = {};
	const sorted = sort(keys(byDomain));
	for (let i = 0; i < length(sorted); i++) {
		const d = sorted[i];
		// the rules of d, then of each parent name ("b.c" and "c" for "a.b.c")
		let hits = byDomain[d], merged = false;
		for (let rest = d, k = index(rest, '.'); k >= 0; k = index(rest, '.')) {
			rest = substr(rest, k + 1);
			if (byDomain[rest]) { hits = [...hits, ...byDomain[rest]]; merged = true; }
		}
		if (merged) hits = sort(uniq(hits), (a, b) => a - b);
		const key = join(',', hits);
		let c = combos[key];
		if (!c) {
			const own = map(hits, (h) => rules[h].setBase);
			c = combos[key] = { own, covering: map(hits, (h) => rules[h]), targets: nftsetTargets(own, ipv6) };
		}
		const own = c.own, covering = c.covering;
		if ((length(d) as number) + (length(c.targets) as number) + 9 <= LINE_MAX) {
			for (let k = 0; k < length(hits); k++) direct[hits[k]] = true;
			push(lines, { domain: d, rules: covering, stems: own, targets: c.targets });
			continue;
		}
		let s = sharedBy[key];
		if (!s) {
			// "<first rule's stem>_g<k>": a rule's own stem ends in its number, so none looks like this
			const lead = own[0];
			led[lead] ??= 0;
			s = { stem: `${lead}_g${led[lead]}`, rules: covering, domains: [] };
			led[lead]++;
			sharedBy[key] = s;
			push(shared, s);
		}
		push(s.domains, d);
		push(lines, { domain: d, rules: covering, stems: [s.stem], targets: nftsetTargets([s.stem], ipv6) });
	}
	const byRule: { [id: string]: string[] } = {};
	for (let i = 0; i < length(rules); i++) if (direct[i]) byRule[rules[i].id] = [rules[i].setBase];
	for (let i = 0; i < length(shared); i++)
		for (let j = 0; j < length(shared[i].rules); j++) {
			const id = shared[i].rules[j].id;
			byRule[id] ??= [];
			push(byRule[id], shared[i].stem);
		}
	return { lines, shared, byRule };
}
