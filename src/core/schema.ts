// The options of /etc/config/splitwg, one table per section type, in the
// shape firewall4 declares its sections in (option → type, default, flags):
// what kind of value an option holds, its default as written in the file,
// its bounds, whether it is a list, the validator of one value, and its line
// in the option reference. The config reader (config.ts) reads every section
// through its table, the LuCI fields take their placeholder and validator
// from it, and docs/config.md's reference tables are generated from it
// (tools/config-doc.ts). What depends on several options (a required key, a
// time window's two ends) stays code in the reader.
import type { Bad } from './values';
import {
	badAction, badBool, badClientKind, badDomain, badEndpoint, badIfname, badInt, badKey, badLabel, badMac, badMarkMask,
	badName, badPort, badPortRange, badProto, badTime, badWeekday, badEnum, ACTIONS, CLIENT_KINDS, PROTOS, WEEKDAYS_FROM_MONDAY, GROUP_MODES, SPREADS,
} from './values';
import { badInterfaceAddress, badIpAddress, badPrefix } from './ip';
import { badListFile, badUrl } from './lists';

export type Kind = 'string' | 'bool' | 'int' | 'enum';

export interface Opt {
	kind: Kind;
	list?: boolean;            // a UCI list (or one space-separated option)
	def?: string;              // the default, as written in the file; absent: none
	min?: number;              // int: bounds (also in the validator's message)
	max?: number;
	values?: string[];         // enum: the words it takes
	check?: (v: string) => Bad; // one value's grammar; bool and int have theirs by kind
	doc: string;               // its row in docs/config.md (Markdown)
}

export type OptionTable = { [option: string]: Opt };

// A name that becomes part of an interface, chain or zone name.
const zoneName = (v: string): Bad => badName(v, 11);
const upstreamName = (v: string): Bad => badName(v, 12);
const sectionName = (v: string): Bad => badName(v, 32);

export const GLOBALS: OptionTable = {
	enabled: { kind: 'bool', def: '1', doc: '`0` removes everything splitwg installed (same as `splitwg stop`)' },
	mark_mask: {
		kind: 'string', def: '0x70000000', check: badMarkMask,
		doc: 'the fwmark bits splitwg owns: one contiguous run within bits 0–30. Rejected if it overlaps mwan3 `0x3f00`, pbr/podkop `0x00ff0000`, dae `0x08000000` or homeproxy\'s `0x7f`. Value 1 under the mask means "decided: direct", upstream *i* gets *i*+1, so a 3-bit mask allows 6 upstreams',
	},
	rule_priority: { kind: 'int', def: '21000', min: 1, max: 32000, doc: 'ip-rule priority band: `lookup main suppress_prefixlength 0` at this priority, upstream *i* at priority + *i*' },
	table_base: { kind: 'int', def: '2100', min: 256, max: 0x7fff0000, doc: 'upstream *i* routes through table `table_base + i`' },
	ipv6: {
		kind: 'bool', def: '1',
		doc: 'classify IPv6 too (v6 sets, rules, `rule6`/`route6`). With `0`, IPv6 from clients is routed normally — not classified (a `mac` or `interface` then identifies a client\'s IPv4 only) and not DNS-hijacked; a proxied domain reached over IPv6 would then leave direct',
	},
	dns_hijack: {
		kind: 'bool', def: '1',
		doc: 'default for clients: their DNS (port 53, any server on the internet) is answered by the router\'s dnsmasq, and DoT/DoQ (853) is dropped, so domain rules see every lookup. DNS and DoT to the router itself or to one of its [local networks](#local-destinations) are left alone: a Pi-hole on the LAN keeps answering (lookups it answers do not fill the domain sets)',
	},
	kill_switch: {
		kind: 'bool', def: '1',
		doc: 'proxied traffic is dropped (never sent direct) while its tunnel is down or its upstream disabled, or while the splitwg table is missing (firewall stopped): see [Kill switch](#kill-switch). With `0` none of it exists: while a tunnel is down its upstream table is empty, so its proxied traffic falls through to the main table and leaves direct by the WAN (what `explain --down` and `splitwg status` say); a disabled upstream\'s rules go direct',
	},
	set_timeout: { kind: 'int', def: '86400', min: 0, max: 31536000, doc: 'seconds an address learned from DNS stays in a domain set (`0`: until the table is reloaded)' },
	lan_zone: { kind: 'string', def: 'lan', check: zoneName, doc: 'fw4 zone of the LAN devices, for the forwardings splitwg adds' },
	wan_zone: { kind: 'string', def: 'wan', check: zoneName, doc: 'fw4 zone of the WAN, for the forwardings splitwg adds' },
};

export const SERVER: OptionTable = {
	enabled: { kind: 'bool', def: '1', doc: 'with `0` there is no `sw_server` interface (a peer client needs an enabled server)' },
	private_key: {
		kind: 'string', check: badKey,
		doc: 'required when enabled: LuCI\'s *Generate new key pair*, or `splitwg genkey`; a server that is enabled at first boot (an image\'s own config) without one gets one from `/etc/uci-defaults/90-splitwg`. The shipped config (server disabled) is never rewritten by the package, see [packaging.md](packaging.md#the-config-is-a-conffile)',
	},
	listen_port: { kind: 'int', def: '51820', min: 1, max: 65535, check: badPort, doc: 'fw4 rule `Allow-splitwg-server` opens it on WAN' },
	address: { kind: 'string', list: true, check: badInterfaceAddress, doc: 'the router\'s addresses with the pool prefix, e.g. `10.77.0.1/24`, `fd77:77::1/64`; peer addresses must lie inside' },
	endpoint: { kind: 'string', check: badEndpoint, doc: '`host:port` written into the peers\' `.conf` (`[v6]:port` for IPv6 literals)' },
	dns: { kind: 'string', list: true, check: badIpAddress, doc: 'DNS servers written into the peers\' `.conf`' },
	mtu: { kind: 'int', min: 1280, max: 9000, doc: 'of `sw_server`; unset: WireGuard\'s default' },
};

export const UPSTREAM: OptionTable = {
	enabled: { kind: 'bool', def: '1', doc: 'rules that use a disabled upstream block (kill switch) or go direct' },
	name: { kind: 'string', check: badLabel, doc: 'a label shown in the UI (never written into a generated file)' },
	private_key: { kind: 'string', check: badKey, doc: 'required: the 32-byte base64 WireGuard key of this end' },
	public_key: { kind: 'string', check: badKey, doc: 'required: the provider\'s public key' },
	preshared_key: { kind: 'string', check: badKey, doc: 'optional' },
	address: {
		kind: 'string', list: true, check: badInterfaceAddress,
		doc: 'required: the tunnel addresses the provider assigned, e.g. `10.64.0.2/32`, `fd00:a::2/128` (without an IPv6 address, proxied IPv6 through this upstream is unreachable, never leaked)',
	},
	endpoint: {
		kind: 'string', check: badEndpoint,
		doc: 'required: `host:port` or `[2001:db8::1]:port`; the host is a name or a dotted-quad/IPv6 address, not a form a resolver reads as an address (`0x7f.1`, `vpn.1`)',
	},
	allowed_ips: { kind: 'string', list: true, def: '0.0.0.0/0 ::/0', check: badPrefix, doc: 'destinations the tunnel may carry' },
	mtu: { kind: 'int', min: 1280, max: 9000, doc: 'of `sw_<name>`; unset: WireGuard\'s default' },
	keepalive: { kind: 'int', min: 0, max: 65535, doc: 'seconds between keepalive packets (unset or `0`: none)' },
	dns: { kind: 'string', list: true, check: badIpAddress, doc: 'the provider\'s DNS servers: the domains of rules that proxy through this upstream are resolved by them, inside the tunnel. See [DNS through the tunnel](#dns-through-the-tunnel)' },
	via: {
		kind: 'string', check: upstreamName,
		doc: 'another upstream this one is reached through (cascaded tunnels, multi-hop): its WireGuard packets go into `via`\'s tunnel, never out by the WAN, so the first VPS sees only WireGuard traffic of the router. See [Cascaded upstreams](#cascaded-upstreams)',
	},
	probe: {
		kind: 'string', check: badIpAddress,
		doc: 'an address pinged through the tunnel (ICMP, bound to `sw_<name>`) by the health checker, e.g. the provider\'s DNS server: a tunnel that netifd keeps up while its peer is gone is told by this. See [Health and groups](#health-and-groups)',
	},
	probe_dns: { kind: 'bool', def: '0', doc: 'the `dns` servers are probed too, each pinged through the tunnel with `probe`: one that does not answer makes the probe a miss — the reachability of the servers that resolve this upstream\'s domains is part of its health' },
	probe_interval: { kind: 'int', def: '5', min: 1, max: 3600, doc: 'seconds between two probes' },
	down_after: { kind: 'int', def: '2', min: 1, max: 100, doc: 'probes missed in a row before the upstream is declared down' },
	up_after: { kind: 'int', def: '2', min: 1, max: 100, doc: 'probes answered in a row before a down upstream is declared up again' },
};

// An upstream group (groups.ts): a name rules and clients use like an
// upstream's, for members chosen by the health checker.
export const GROUP: OptionTable = {
	member: { kind: 'string', list: true, check: upstreamName, doc: 'required: the upstreams of the group, in order of preference (failover) or sharing the load (balance)' },
	mode: { kind: 'enum', def: 'failover', values: GROUP_MODES, check: (v: string) => badEnum(v, GROUP_MODES), doc: '`failover`: new connections take the first member that is up; `balance`: they are spread over the members that are up' },
	spread: {
		kind: 'enum', def: 'connection', values: SPREADS, check: (v: string) => badEnum(v, SPREADS),
		doc: 'balance only: `connection` gives new connections to the members in turn (round robin); `destination` keeps a destination address on one member (sites that tie a session to the client\'s address)',
	},
};

export const CLIENT: OptionTable = {
	kind: { kind: 'enum', def: 'device', values: CLIENT_KINDS, check: badClientKind, doc: 'a LAN device, or a road-warrior peer of the server' },
	enabled: { kind: 'bool', def: '1', doc: 'a disabled client\'s traffic is not classified' },
	name: { kind: 'string', check: badLabel, doc: 'label' },
	address: {
		kind: 'string', list: true, check: badPrefix,
		doc: 'device: IPv4/IPv6 addresses or prefixes (`192.168.1.0/28`); peer: its tunnel address(es), inside the server pools. One may not lie inside another of the same client (`address[1]: 192.168.1.5 overlaps 192.168.1.0/24 (address[0])`)',
	},
	mac: { kind: 'string', list: true, check: badMac, doc: 'device only: MAC addresses' },
	interface: { kind: 'string', list: true, check: badIfname, doc: 'device only: an incoming network device (e.g. `br-guest`): everything arriving there is this client' },
	public_key: { kind: 'string', check: badKey, doc: 'peer: required' },
	preshared_key: { kind: 'string', check: badKey, doc: 'peer: optional' },
	private_key: { kind: 'string', check: badKey, doc: 'peer: optional, stored so the router can hand out the `.conf` and QR code' },
	default: { kind: 'enum', def: 'direct', values: ACTIONS, check: badAction, doc: 'what happens to traffic no rule matches' },
	upstream: { kind: 'string', check: upstreamName, doc: 'the client\'s upstream for `proxy` rules that name none (required when there are such rules)' },
	ruleset: { kind: 'string', list: true, check: sectionName, doc: 'shared rule sets, evaluated after the client\'s own rules, in this order' },
	dns_hijack: { kind: 'bool', doc: 'overrides `globals.dns_hijack` for this client' },
};

export const RULESET: OptionTable = {
	name: { kind: 'string', check: badLabel, doc: 'label' },
};

export const RULE: OptionTable = {
	client: { kind: 'string', check: sectionName, doc: 'the client the rule belongs to (a rule has `client` or `ruleset`, not both)' },
	ruleset: { kind: 'string', check: sectionName, doc: 'the rule set the rule belongs to' },
	enabled: { kind: 'bool', def: '1', doc: 'a disabled rule is still validated' },
	name: { kind: 'string', check: badLabel, doc: 'label, shown by `explain` and the UI; the nft table\'s comments name the rule by its id (`client.tv.rule[2]`), never by its label' },
	domain: {
		kind: 'string', list: true, check: badDomain,
		doc: 'lower-case ASCII domain names; each also matches its subdomains (so `*.x.com`, `.x.com` and `x.com.` are refused with "write x.com"). An internationalised name is written in its ASCII form: `bücher.de` is refused with `write it as "xn--bcher-kva.de"`. Addresses the client resolves **through the router\'s dnsmasq** enter the rule\'s nft sets',
	},
	dest: { kind: 'string', list: true, check: badPrefix, doc: 'IPv4/IPv6 addresses or prefixes (host bits must be zero); they may overlap' },
	list_file: {
		kind: 'string', list: true, check: badListFile,
		doc: 'files of domains and/or addresses, one a line: a name in `/etc/splitwg/lists/` (`streaming.txt`) or an absolute path. See [List files](#list-files): checked by `splitwg check` with `file:line`; a changed file reloads only its set',
	},
	proto: { kind: 'enum', list: true, values: PROTOS, check: badProto, doc: 'or `all`: any protocol (also when none is given)' },
	port: { kind: 'string', list: true, check: badPortRange, doc: 'destination ports 1–65535 or ranges `from-to` with from ≤ to (`8000-8100`, `80-80`); with ports, `proto` defaults to tcp+udp' },
	start_time: { kind: 'string', check: badTime, doc: '`HH:MM` local time of the router; window `[start, stop)`; `22:00`→`06:00` crosses midnight' },
	stop_time: { kind: 'string', check: badTime, doc: '`HH:MM`, the end of the window (both or neither)' },
	weekdays: {
		kind: 'enum', list: true, values: WEEKDAYS_FROM_MONDAY, check: badWeekday,
		doc: 'the packet\'s local day must be one of them (for a window across midnight, the part after midnight belongs to the next day)',
	},
	action: { kind: 'enum', def: 'proxy', values: ACTIONS, check: badAction, doc: 'what a match does: through an upstream, direct, or dropped' },
	upstream: { kind: 'string', check: upstreamName, doc: 'for `proxy`: a named upstream instead of the client\'s' },
};

// A list file filled from a URL (router/subscriptions.ts): the section's
// name is the file's name in /etc/splitwg/lists/, which rules name in `list_file`.
export const SUBSCRIPTION: OptionTable = {
	enabled: { kind: 'bool', def: '1', doc: 'with `0` the list is not fetched any more; its last copy stays (and feeds the rules that name it)' },
	url: { kind: 'string', check: badUrl, doc: 'required: `http://` or `https://` (https needs a TLS library for uclient-fetch, e.g. `libustream-mbedtls`, which OpenWrt images ship); the body is a list file: one domain or address a line' },
	interval: { kind: 'int', def: '24', min: 1, max: 720, doc: 'hours between fetches (cron checks every hour which lists are due)' },
	max_size: { kind: 'int', def: '2048', min: 1, max: 32768, doc: 'KiB: a larger download is refused (the download stops there) and the previous copy stays' },
};

// By section type, in the order of the file's documentation.
export const SCHEMA: { [type: string]: OptionTable } = {
	globals: GLOBALS, server: SERVER, upstream: UPSTREAM, group: GROUP, client: CLIENT, ruleset: RULESET, rule: RULE, subscription: SUBSCRIPTION,
};

// The validator of one value of an option: its own, or its kind's.
export function checkOf(o: Opt): ((v: string) => Bad) | null {
	if (o.check) return o.check;
	if (o.kind === 'bool') return badBool;
	if (o.kind === 'int') {
		const lo = o.min as number, hi = o.max as number;
		return (v: string) => badInt(v, lo, hi);
	}
	return null;
}
