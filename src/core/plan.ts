// The plan: a plain-data description of everything splitwg wants on the
// router. Compiling is pure; applying it is src/router's job (or the lab's).
import type { UciSection } from './uci';
import type { Config, Problem } from './model';
import { readConfig } from './config';
import { nftModel, planSets, clientChainName, groupMapList } from './nft';
import type { NftTable, GroupMap } from './nft';
import { printNft } from './nftprint';
import type { SetState } from './transition';
import { renderDnsmasq } from './dnsmasq';
import { domainPlan } from './domains';
import { renderNetwork, renderFirewall } from './netifd';
import { directMark, markHex } from './decide';
import { VERSION } from './version';
import { GROUP_STATE } from './groups';
import { tunnelDns } from './tunneldns';
import { watchOf } from './health';
import type { Watch } from './health';

export interface PlanUpstream { name: string, iface: string, mark: string, table: number, enabled: boolean }
export interface PlanClient { name: string, kind: string, chain: string, sources: string[] }

export interface Plan {
	version: string;
	enabled: boolean;
	table: NftTable | null;      // the model of `table inet splitwg` (nft.ts)
	nft: string;                 // … printed: the whole script (nftprint.ts)
	dnsmasq: string;             // conf-dir file: nftset entries
	nftsets: number;             // how many nftset= entries it has (domains.ts: one per domain)
	network: UciSection[];       // sections owned in /etc/config/network
	firewall: UciSection[];      // … in /etc/config/firewall
	dhcp: UciSection[];          // … in /etc/config/dhcp (none today: entries go to the conf-dir)
	marks: { mask: string, direct: string };
	upstreams: PlanUpstream[];
	clients: PlanClient[];       // the enabled ones
	sets: SetState[];            // for nftTransition() from this plan to the next
	groups: GroupMap[];          // the group maps the health checker sets (health.ts)
	watch: Watch | null;         // what the health checker watches (core health.ts), null: no checker
}

// The plan of a stopped or disabled splitwg: nothing of ours anywhere.
export function emptyPlan(mask?: number | null): Plan {
	const m = mask ?? null;
	return { version: VERSION, enabled: false, table: null, nft: '', dnsmasq: '', nftsets: 0, network: [], firewall: [], dhcp: [],
		marks: m === null ? { mask: '', direct: '' } : { mask: markHex(m), direct: markHex(directMark(m)) },
		upstreams: [], clients: [], sets: [], groups: [], watch: null };
}

export interface CompileOptions {
	// the router's local networks: every route of its main table but the
	// default and those via our own sw_* interfaces (src/router/routes.ts);
	// the server's pools are added from the config
	local?: string[] | null;
	// the config file, named in the nft header (default /etc/config/splitwg)
	source?: string | null;
	// the health checker's file of group slots, as nft sees it (default GROUP_STATE)
	groupState?: string | null;
	// upstreams the health checker has down: a failover group's domains are
	// resolved by its member up now (tunneldns.ts); the table does not
	// depend on it (the checker loads the slots over it)
	down?: string[] | null;
}

// The config with its tunnel DNS for the members up now (only groups depend on it).
function downDns(cfg: Config, down: string[] | null | undefined): Config {
	return down && length(down) && length(cfg.groups) ? { ...cfg, tunnelDns: tunnelDns(cfg, down).routes } : cfg;
}

// The dnsmasq file for the members up now (what compile() renders with
// `down`): the health checker writes it again when a failover group's
// member changes.
export function dnsmasqFor(cfg: Config, down: string[]): string {
	return renderDnsmasq(downDns(cfg, down), VERSION, domainPlan(cfg));
}

export function compile(cfg: Config, opts?: CompileOptions | null): Plan {
	const g = cfg.globals;
	if (!g.enabled) return emptyPlan(g.markMask);
	const dp = domainPlan(cfg);
	const table = nftModel(cfg, VERSION, dp, opts ? opts.local : null, opts ? opts.source : null);
	return {
		version: VERSION,
		enabled: true,
		table,
		nft: printNft(table, length(cfg.groups) ? (opts ? opts.groupState : null) ?? GROUP_STATE : null),
		dnsmasq: renderDnsmasq(downDns(cfg, opts ? opts.down : null), VERSION, dp),
		nftsets: dp.count,
		network: renderNetwork(cfg),
		firewall: renderFirewall(cfg),
		dhcp: [],
		marks: { mask: markHex(g.markMask), direct: markHex(directMark(g.markMask)) },
		upstreams: map(cfg.upstreams, (u) => ({ name: u.name, iface: u.iface, mark: markHex(u.mark), table: u.table, enabled: u.enabled })),
		clients: map(filter(cfg.clients, (c) => c.enabled), (c) => ({
			name: c.name, kind: c.kind, chain: clientChainName(c.name),
			sources: [...map([...c.src4, ...c.src6], (p) => p.text), ...c.macs, ...c.ifaces],
		})),
		sets: map(planSets(cfg, dp), (x) => x.sig === null ? { name: x.name, kind: x.kind, key: x.key } : { name: x.name, kind: x.kind, key: x.key, sig: x.sig }),
		groups: groupMapList(cfg),
		watch: watchOf(cfg),
	};
}

// UCI sections in, plan or problems out.
export function plan(sections: UciSection[], opts?: CompileOptions | null): { plan: Plan | null, problems: Problem[] } {
	const r = readConfig(sections);
	return { plan: r.config ? compile(r.config, opts) : null, problems: r.problems };
}

// Keys never go to a terminal or a script by way of a shown plan (router
// `splitwg plan`, the developer CLI's plan on stdout).
const SECRET = ['private_key', 'preshared_key'];

function redactSections(secs: UciSection[]): UciSection[] {
	return map(secs, (s) => {
		const o: { [k: string]: any } = {};
		for (let k in s.options) o[k] = index(SECRET, k) >= 0 ? '(hidden)' : s.options[k];
		return { type: s.type, name: s.name, anonymous: s.anonymous, options: o };
	});
}

export function redactedPlan(p: Plan): Plan {
	return { ...p, network: redactSections(p.network), firewall: redactSections(p.firewall), dhcp: redactSections(p.dhcp) };
}
