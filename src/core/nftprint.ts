// The one printer of the nft model (nft.ts): `table inet splitwg` as one
// self-contained script, safe to load with `nft -f` on its own and from
// /usr/share/nftables.d/ruleset-post/ (fw4 re-creates it on every firewall
// reload). The declare-then-flush header (refill()) keeps set elements
// learned from dnsmasq across reloads and drops every other element the
// config no longer has. Nothing reads this text back: what the router needs
// of the table, it takes from the model (tableState()).
import type { Config } from './model';
import type { DomainPlan } from './domains';
import type { NftTable, NftSet, NftMap, NftChain, NftRule, NftMapElement, GroupMap } from './nft';
import { NFT, nftModel, groupMaps, slotMap } from './nft';

const T = '\t';

// nft refuses a comment over 128 bytes (the whole table would not load);
// long ones are cut, on a UTF-8 character boundary. Comments name generated
// ids only (client.tv.rule[2], section names): never a rule's label, which
// is user text in a file nft parses (explain shows the label to people).
const COMMENT_MAX = 128;

export function comment(s: string): string {
	if (length(s) <= COMMENT_MAX) return `comment "${s}"`;
	let n = COMMENT_MAX - 3;
	while (n > 0 && ((ord(s, n) as number) & 0xc0) === 0x80) n--;
	return `comment "${substr(s, 0, n)}..."`;
}

function elements(items: string[]): string {
	return length(items) ? ` elements = { ${join(', ', items)} };` : '';
}

function why(w: string | null): string {
	return w === null ? '' : `${T}# ${w}`;
}

// What a bare redeclaration of a set needs: its definition without elements.
export function setSpec(s: NftSet): string {
	const t = s.family === 4 ? 'ipv4_addr' : 'ipv6_addr';
	if (s.kind === 'domain') return `type ${t}; ${s.timeout > 0 ? `flags timeout; timeout ${s.timeout}s;` : ''}`;
	return `type ${t}; flags interval; auto-merge;`;   // net, local and list sets
}

function printSet(s: NftSet): string {
	return `${T}set ${s.name} {${why(s.why)}\n${T}${T}${setSpec(s)}${elements(s.elements ?? [])}\n${T}}`;
}

function mapSpec(m: NftMap): string {
	// (a plain string: the build's check of the ucode reads typeof in code as an error)
	if (m.keyType === 'slot') return 'typeof numgen inc mod ' + m.slots + ' : verdict;' + (m.interval ? ' flags interval;' : '');
	return `type ${m.keyType} : verdict;${m.interval ? ' flags interval;' : ''}`;
}

function verdictText(verdict: string, target: string | null): string {
	if (verdict === 'goto' || verdict === 'jump') return `${verdict} ${target}`;
	if (verdict === 'redirect') return `redirect to ${target}`;
	return verdict;
}

function elementText(m: NftMap, e: NftMapElement): string {
	return `${m.keyType === 'ifname' ? `"${e.key}"` : e.key} : ${verdictText(e.verdict, e.target)}`;
}

function printMap(m: NftMap): string {
	return `${T}map ${m.name} {${why(m.why)}\n${T}${T}${mapSpec(m)}${elements(map(m.elements, (e) => elementText(m, e)))}\n${T}}`;
}

function printRule(r: NftRule): string {
	const parts = filter([r.expr, r.counter ? 'counter' : '', verdictText(r.verdict, r.target), r.comment === null ? '' : comment(r.comment)], (p) => p !== '');
	return `${T}${T}${join(' ', parts)}\n`;
}

function printChain(c: NftChain): string {
	return `${c.note === null ? '' : `${T}# ${c.note}\n`}${T}chain ${c.name} {${why(c.why)}\n${c.base === null ? '' : `${T}${T}${c.base}\n`}${join('', map(c.rules, printRule))}${T}}`;
}

// What fills a set or map: nft keeps the elements across `flush table`
// (dnsmasq's must survive a reload), so every one filled from the config —
// client and hijack maps/sets, CIDR sets, any added later — is declared and
// emptied before the body refills it: an edited or removed address must not
// stay, also when fw4 loads this file on top of an older table. Domain sets
// (filled by dnsmasq) are left alone, nftTransition() handles their changes;
// so are list sets (filled from their files' fragments by the lists script,
// nftlists.ts): reloading the table does not reload 100,000 elements.
// The regular chains are declared too: on a fresh table, map elements may
// only name chains that exist before the map is filled.
function refill(t: NftTable): string[] {
	const sets = filter(t.sets, (s) => s.elements !== null);
	if (!length(sets) && !length(t.maps)) return [];
	const decls = [
		...map(filter(t.chains, (c) => c.base === null), (c) => `${T}chain ${c.name} {}`),
		...map(sets, (s) => `${T}set ${s.name} { ${setSpec(s)} }`),
		...map(t.maps, (m) => `${T}map ${m.name} { ${mapSpec(m)} }`),
	];
	const tbl = `${NFT.family} ${NFT.table}`;
	return [`table ${tbl} {\n${join('\n', decls)}\n}`,
		...map(sets, (s) => `flush set ${tbl} ${s.name}`), ...map(t.maps, (m) => `flush map ${tbl} ${m.name}`)];
}

const NFT_SUFFIX = /\.nft$/;

// What the health checker loads over the table when members go down or
// come back: each group map emptied and refilled, in one transaction (a
// new connection sees the old slots or the new, never none). Also the file
// the table includes (GROUP_STATE).
export function groupsScript(cfg: Config, down: string[]): string {
	return mapsScript(groupMaps(cfg, down));
}

// The same from the plan's group maps (plan.ts `groups`: apply and the checker).
export function slotsScript(maps: GroupMap[], down: string[]): string {
	return mapsScript(map(maps, (gm) => slotMap(gm, down)));
}

function mapsScript(maps: NftMap[]): string {
	const tbl = `${NFT.family} ${NFT.table}`;
	return join('', map(maps, (m) =>
		`flush map ${tbl} ${m.name}\nadd element ${tbl} ${m.name} { ${join(', ', map(m.elements, (e) => elementText(m, e)))} }\n`));
}

// `include`: a file nft reads after the table, when there (groups.ts: the
// health checker's slots, which a firewall reload must not reset).
export function printNft(t: NftTable, include?: string | null): string {
	const tbl = `${NFT.family} ${NFT.table}`;
	const out = [
		`# Generated by splitwg ${t.version} from ${t.source} — do not edit; run \`splitwg plan\` to see it.`,
		`table ${tbl}`, `flush table ${tbl}`, ...refill(t),
		`table ${tbl} {`, `${T}# ${t.marks}`, '',
		...map(t.sets, printSet), ...map(t.maps, printMap), '',
	];
	for (let i = 0; i < length(t.chains); i++) {
		// the DNS chains after a blank line, apart from classification
		if (t.chains[i].name === NFT.dstnat) push(out, '');
		push(out, printChain(t.chains[i]));
	}
	push(out, '}');
	// (a pattern: nft skips an include whose pattern matches no file)
	if (include) push(out, '', '# the groups\' slots as the health checker last set them', `include "${replace(include, NFT_SUFFIX, '*.nft')}"`);
	return join('\n', out) + '\n';
}

// `dp`: the domain plan (domains.ts); `local`: the router's local networks (localNetworks()).
export function renderNft(cfg: Config, version: string, dp?: DomainPlan | null, local?: string[] | null, source?: string | null): string {
	return printNft(nftModel(cfg, version, dp, local, source));
}
