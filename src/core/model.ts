// The validated configuration: what /etc/config/splitwg means, with every
// default filled in. Produced by readConfig() (config.ts) only when check()
// finds no problem; everything downstream (plan, explain) trusts it.
import type { Prefix } from './ip';
import type { Arg } from './messages';

export type Action = 'proxy' | 'direct' | 'block';

export interface Globals {
	enabled: boolean;
	markMask: number;        // the fwmark bits splitwg owns
	rulePriority: number;    // first ip-rule priority of our band
	tableBase: number;       // upstream i (1-based) uses routing table tableBase + i
	ipv6: boolean;
	dnsHijack: boolean;      // default for clients
	killSwitch: boolean;     // proxied traffic is dropped, never sent direct, while its tunnel is down
	setTimeout: number;      // seconds a DNS-learned address stays in a domain set (0: forever)
	lanZone: string;         // fw4 zone of the LAN devices
	wanZone: string;
}

export interface Upstream {
	name: string;
	iface: string;           // netifd interface = Linux device name
	enabled: boolean;
	privateKey: string;
	addresses: string[];     // "10.200.1.2/32", "fd00:a::2/128"
	publicKey: string;
	presharedKey: string | null;
	endpointHost: string;
	endpointPort: number;
	allowedIps: string[];
	mtu: number | null;
	keepalive: number | null;
	dns: string[];
	via: string | null;      // the upstream whose tunnel carries this one's WireGuard packets
	health: Health;
	index: number;           // 1-based position among upstreams: mark value and table
	mark: number;            // masked value identifying this upstream
	table: number;
}

// How the health checker (router/health.ts) watches an upstream: `probe`
// (and `dns`) are pinged through its tunnel every `interval` seconds; `downAfter`
// misses in a row declare it down, `upAfter` answers up again.
export interface Health {
	probe: string | null;
	dns: string[];           // the dns servers probed too (probe_dns '1'), else none
	interval: number;
	downAfter: number;
	upAfter: number;
}

// Upstreams under one name (groups.ts): a rule or client naming the group
// takes, for each new connection, the first member up (failover) or one of
// the members up (balance: in turn, or by destination address).
export interface Group {
	name: string;
	mode: 'failover' | 'balance';
	spread: 'connection' | 'destination';
	members: string[];       // upstream names, in order
}

export interface Server {
	enabled: boolean;
	iface: string;
	privateKey: string;
	listenPort: number;
	addresses: string[];     // router's own addresses, e.g. "10.77.0.1/24"
	endpoint: string | null; // public host:port handed to peers
	dns: string[];
	mtu: number | null;
}

// A list file feeding a rule (lists.ts): its content's hash and its
// entries by kind. Its domains are in Match.domains; its CIDRs go from the
// file into the rule's list sets (nftlists.ts), not through the model —
// but for explain, which reads them (`dest4`/`dest6`, else null).
export interface RuleList {
	path: string;
	hash: string;
	v4: number;
	v6: number;
	domains: number;
	dest4: string[] | null;
	dest6: string[] | null;
}

export interface Match {
	domains: string[];       // the domain options' and the list files'
	optDomains: string[];    // the domain options' only
	dest4: string[];         // canonical prefix texts (ip.ts prefixText), each once
	dest6: string[];
	lists: RuleList[];       // the list files, each once
	protos: string[];        // nft l4proto names; [] = any
	ports: string[];         // "443", "8000-8100"
	startTime: string | null; // "HH:MM"
	stopTime: string | null;
	weekdays: number[];      // 0 = Sunday … 6 = Saturday (nft meta day)
}

export interface Rule {
	id: string;              // "client.tv.rule[2]" or "ruleset.streaming.rule[0]": used in paths and comments
	setBase: string;         // nft set name stem, shared by every client using the rule
	name: string;
	match: Match;
	action: Action;
	upstream: string | null; // explicit upstream for proxy; null = the client's
}

export interface Client {
	name: string;
	kind: 'peer' | 'device';
	enabled: boolean;
	// peer
	publicKey: string | null;
	privateKey: string | null;
	presharedKey: string | null;
	// where its packets come from
	src4: Prefix[];
	src6: Prefix[];
	macs: string[];
	ifaces: string[];
	defaultAction: Action;
	upstream: string | null;
	rulesets: string[];
	dnsHijack: boolean;
	rules: Rule[];           // own rules then each rule set's, in decision order
}

// A list file filled from a URL (config subscription '<name>').
export interface Subscription {
	name: string;
	path: string;            // the list file it fills: /etc/splitwg/lists/<name>
	enabled: boolean;
	url: string;
	interval: number;        // hours between fetches
	maxSize: number;         // KiB
}

export interface Config {
	globals: Globals;
	server: Server | null;
	upstreams: Upstream[];
	groups: Group[];
	clients: Client[];
	subscriptions: Subscription[];
	tunnelDns: TunnelDns[];  // domains resolved by an upstream's DNS, inside its tunnel (tunneldns.ts)
}

import type { TunnelDns } from './tunneldns';

// What is wrong and where: `id` and `args` name a message of messages.ts
// (format() gives its English text), `path` the offending value.
export interface Problem { path: string, id: string, args: Arg[] }

// Something valid that does not do what it seems to (same shape as a
// Problem): reported by check, never stops a plan.
export type Warning = Problem;
