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
import { activeRules, ruleFamilies } from './decide';
import type { Families } from './decide';

export const LINE_MAX = 1000;   // bytes of an nftset= line, newline excluded; dnsmasq's buffer is 1024

// The domains whose entries feed the same sets: one nftset= line (or a few,
// under LINE_MAX) in the dnsmasq file.
export interface DomainGroup { targets: string, domains: string[] }

export interface SharedSet { stem: string, rules: Rule[], domains: string[] }

export interface DomainPlan {
	rules: Rule[];                       // the rules with domains, in decision order
	groups: DomainGroup[];               // every domain in exactly one, sorted within it
	count: number;                       // domains (= nftset entries)
	shared: SharedSet[];
	byRule: { [id: string]: string[] };  // rule id → the stems it matches (its own first)
	families: { [id: string]: Families }; // rule id → the families its sets and nft rules have (ruleFamilies())
	stems: { [stem: string]: Families };  // stem → the sets of its pair that exist: its rules' families
}

// What follows "nftset=/<domain>/" for these set pairs (those of the families each has).
export function nftsetTargets(stems: string[], fams: { [stem: string]: Families }): string {
	const out: string[] = [];
	for (let i = 0; i < length(stems); i++) {
		const f = fams[stems[i]];
		if (f.v4) push(out, `4#inet#splitwg#${stems[i]}_d4`);
		if (f.v6) push(out, `6#inet#splitwg#${stems[i]}_d6`);
	}
	return join(',', out);
}

// The rules of d, then of each parent name ("b.c" and "c" for "a.b.c"), as
// positions in decision order.
function covering(byDomain: { [d: string]: number[] }, d: string): number[] {
	let hits = byDomain[d], merged = false;
	for (let rest = d, k = index(rest, '.'); k >= 0; k = index(rest, '.')) {
		rest = substr(rest, k + 1);
		if (byDomain[rest]) { hits = [...hits, ...byDomain[rest]]; merged = true; }
	}
	return merged ? sort(uniq(hits), (a, b) => a - b) : hits;
}

export function domainPlan(cfg: Config): DomainPlan {
	const families = ruleFamilies(cfg);
	// (a rule no chain of which sees any family has no sets: dnsmasq fills none for it)
	const rules = filter(activeRules(cfg), (r) => length(r.match.domains) > 0 && (families[r.id].v4 || families[r.id].v6));
	const stems: { [stem: string]: Families } = {};
	for (let i = 0; i < length(rules); i++) stems[rules[i].setBase] = families[rules[i].id];
	// domain → the positions (decision order) of the rules naming it
	const byDomain: { [d: string]: number[] } = {};
	for (let i = 0; i < length(rules); i++)
		for (let j = 0; j < length(rules[i].match.domains); j++) {
			// (rules in order: a repeat within rule i is the list's last entry)
			const d = rules[i].match.domains[j], l = byDomain[d];
			if (!l) byDomain[d] = [i];
			else if (l[length(l) - 1] !== i) push(l, i);
		}
	const groups: DomainGroup[] = [], shared: SharedSet[] = [];
	// each combination of rules once (20,000 domains name a few hundred:
	// under ucode every builtin call per domain counts)
	const byHits: { [hits: string]: DomainGroup } = {};
	const led: { [stem: string]: number } = {};   // rule stem → shared pairs it leads
	const direct = map(rules, () => false);       // listed with its own pair on some line
	const sorted = sort(keys(byDomain));
	for (let i = 0; i < length(sorted); i++) {
		const d = sorted[i];
		const hits = covering(byDomain, d);
		const key = length(hits) === 1 ? `${hits[0]}` : join(',', hits);
		let g = byHits[key];
		if (!g) {
			const own = map(hits, (h) => rules[h].setBase);
			g = byHits[key] = { targets: nftsetTargets(own, stems), domains: [] };
			push(groups, g);
		}
		if ((length(d) as number) + (length(g.targets) as number) + 9 <= LINE_MAX) {
			if (!length(g.domains)) for (let k = 0; k < length(hits); k++) direct[hits[k]] = true;
			push(g.domains, d);
			continue;
		}
		// too many rules for one line: a shared pair for exactly them
		let s = byHits[`shared ${key}`];
		if (!s) {
			// "<first rule's stem>_g<k>": a rule's own stem ends in its number, so none looks like this
			const lead = rules[hits[0]].setBase;
			led[lead] ??= 0;
			const stem = `${lead}_g${led[lead]}`;
			let f: Families = { v4: false, v6: false };
			for (let k = 0; k < length(hits); k++) f = { v4: f.v4 || families[rules[hits[k]].id].v4, v6: f.v6 || families[rules[hits[k]].id].v6 };
			stems[stem] = f;
			s = byHits[`shared ${key}`] = { targets: nftsetTargets([stem], stems), domains: [] };
			push(shared, { stem: `${lead}_g${led[lead]}`, rules: map(hits, (h) => rules[h]), domains: s.domains });
			push(groups, s);
			led[lead]++;
		}
		push(s.domains, d);
	}
	// (a group too wide for one line has no domain of its own)
	const used = filter(groups, (g) => length(g.domains) > 0);
	const byRule: { [id: string]: string[] } = {};
	for (let i = 0; i < length(rules); i++) if (direct[i]) byRule[rules[i].id] = [rules[i].setBase];
	for (let i = 0; i < length(shared); i++)
		for (let j = 0; j < length(shared[i].rules); j++) {
			const id = shared[i].rules[j].id;
			byRule[id] ??= [];
			push(byRule[id], shared[i].stem);
		}
	return { rules, groups: used, count: length(sorted), shared, byRule, families, stems };
}
