// The sections splitwg owns in /etc/config/network and /etc/config/firewall.
// netifd re-creates ip rules and routes on every reload (and flushes any
// added by hand), so they are declared here rather than run with `ip`.
// Every network section carries `splitwg_owned '1'` (a firewall section: an
// `option name` containing "splitwg", see fwSec(): fw4 warns about options
// it does not know), so apply can find, diff and remove exactly these and
// nothing else (also ones named the way an older version named them).
//
// Names are unique by construction: an interface is `sw_<upstream>` (it is
// also the Linux device name), every other section of the network config is
// `sw<kind>_<name>` or `sw<kind>` with a kind word without "_" (swpeer_us,
// swrule4_us, swclient_phone, swmain4). The kind word ends at the first "_",
// so two kinds never produce the same name, and no kind word is "sw", so no
// upstream name can produce one of them (upstream "main4" once made the
// interface sw_main4 overwrite the rule sw_main4). The firewall sections
// (sw_zone_up, …) carry no configured name at all.
import type { UciSection, UciValue } from './uci';
import type { Client, Config, Upstream } from './model';
import { markHex, carriesFamily, upstreamByName } from './decide';

export const OWNED = 'splitwg_owned';
export const ZONE_UP = 'splitwg';
export const ZONE_RW = 'splitwg_rw';

function sec(type: string, name: string, options: { [k: string]: UciValue | null }, unmarked?: boolean): UciSection {
	const o: { [k: string]: UciValue } = {};
	for (let k in options) if (options[k] !== null) o[k] = options[k] as UciValue;
	if (!unmarked) o[OWNED] = '1';
	return { type, name, anonymous: false, options: o };
}

// fw4 warns about every option it does not know ("specifies unknown option
// 'splitwg_owned'" on each check, print and restart): our firewall sections
// are marked by their name (sw_…) and `option name` (containing "splitwg")
// instead; netifd ignores unknown options, so network sections keep the flag.
function fwSec(type: string, name: string, options: { [k: string]: UciValue | null }): UciSection {
	return sec(type, name, options, true);
}

export const FW_MARK = 'splitwg';

// Whether a section (a uci cursor's: options with `.name`, `.anonymous`) is
// one sec()/fwSec() made: `splitwg_owned '1'`; in /etc/config/firewall a
// section named sw_… whose `name` contains "splitwg" — or an older
// version's splitwg_owned section there, rewritten on the next apply.
export function isOwned(config: string, s: { [k: string]: any }): boolean {
	if (s[OWNED] === '1') return true;
	return config === 'firewall' && !s['.anonymous'] && substr(s['.name'], 0, 3) === 'sw_' && type(s.name) === 'string' && index(s.name, FW_MARK) >= 0;
}

function s(n: number | null): string | null {
	return n === null ? null : `${n}`;
}

// A cascaded upstream's own packets carry the mark of the one it is reached
// through (WireGuard's fwmark): the ip rules route them into that tunnel.
// No host route to its endpoint: netifd would add one by the WAN, which the
// main-table rule ahead of ours would follow.
function viaOptions(cfg: Config, u: Upstream): { [k: string]: string | null } {
	const outer = u.via !== null ? upstreamByName(cfg, u.via) : null;
	return outer ? { fwmark: markHex(outer.mark), nohostroute: '1' } : {};
}

function upstreamSections(cfg: Config, u: Upstream): UciSection[] {
	const g = cfg.globals;
	const t = `${u.table}`;
	const out = [
		sec('interface', u.iface, { proto: 'wireguard', private_key: u.privateKey, addresses: u.addresses, mtu: s(u.mtu), ...viaOptions(cfg, u) }),
		sec(`wireguard_${u.iface}`, `swpeer_${u.name}`, {
			description: `splitwg upstream ${u.name}`, public_key: u.publicKey, preshared_key: u.presharedKey,
			endpoint_host: u.endpointHost, endpoint_port: `${u.endpointPort}`, allowed_ips: u.allowedIps,
			persistent_keepalive: s(u.keepalive), route_allowed_ips: '0',
		}),
		sec('rule', `swrule4_${u.name}`, { mark: `${markHex(u.mark)}/${markHex(g.markMask)}`, lookup: t, priority: `${g.rulePriority + u.index}` }),
		sec('route', `swroute4_${u.name}`, { interface: u.iface, target: '0.0.0.0/0', table: t }),
	];
	if (g.killSwitch) push(out, sec('route', `swkill4_${u.name}`, { type: 'unreachable', target: '0.0.0.0/0', table: t, metric: '9999' }));
	if (g.ipv6) {
		push(out, sec('rule6', `swrule6_${u.name}`, { mark: `${markHex(u.mark)}/${markHex(g.markMask)}`, lookup: t, priority: `${g.rulePriority + u.index}` }));
		// a tunnel without an IPv6 address can carry no IPv6: proxied IPv6 is
		// unreachable rather than sent out unencrypted
		if (carriesFamily(u, 6)) push(out, sec('route6', `swroute6_${u.name}`, { interface: u.iface, target: '::/0', table: t }));
		if (g.killSwitch || !carriesFamily(u, 6))
			push(out, sec('route6', `swkill6_${u.name}`, { type: 'unreachable', target: '::/0', table: t, metric: '9999' }));
	}
	return out;
}

// Kill switch without nft: while table inet splitwg is missing (firewall
// stopped: `fw4 flush` deletes every table) nothing is marked, and a proxied
// client's traffic would leave by the WAN in the clear. A client's source
// with none of our mark bits set is prohibited after main's specific routes
// (LAN, peers stay reachable); with the table present every packet of a
// classified client carries at least the "direct" mark, so this never
// matches then. Only address/prefix clients: netifd's `in` names a logical
// interface, not the device a client is identified by, and MACs are not in
// the routing decision (docs/config.md, Kill switch).
export function guardSectionName(client: string, family: 4 | 6, k: number): string {
	return `swguard${family}_${client}_${k}`;
}

function couldBeProxied(c: Client): boolean {
	return c.defaultAction === 'proxy' || length(filter(c.rules, (r) => r.action === 'proxy')) > 0;
}

function guardSections(cfg: Config): UciSection[] {
	const g = cfg.globals;
	const out: UciSection[] = [];
	if (!g.killSwitch) return out;
	// after main (rule_priority) and the upstreams' fwmark rules (+1 … +n):
	// those match only marked packets, this only unmarked ones
	const prio = `${g.rulePriority + length(cfg.upstreams) + 1}`;
	const mark = `${markHex(0)}/${markHex(g.markMask)}`;
	const clients = filter(cfg.clients, (c) => c.enabled && couldBeProxied(c));
	for (let i = 0; i < length(clients); i++) {
		const c = clients[i];
		for (let k = 0; k < length(c.src4); k++)
			push(out, sec('rule', guardSectionName(c.name, 4, k), { src: c.src4[k].text, mark, action: 'prohibit', priority: prio }));
		for (let k = 0; g.ipv6 && k < length(c.src6); k++)
			push(out, sec('rule6', guardSectionName(c.name, 6, k), { src: c.src6[k].text, mark, action: 'prohibit', priority: prio }));
	}
	return out;
}

export function renderNetwork(cfg: Config): UciSection[] {
	const g = cfg.globals;
	const ups = filter(cfg.upstreams, (u) => u.enabled);
	const out: UciSection[] = [];
	const guards = guardSections(cfg);
	if (length(ups) || length(guards)) {
		// routes more specific than a default (LAN, WAN subnet, peers) stay in
		// main for everyone: a proxied client still reaches the printer
		push(out, sec('rule', 'swmain4', { lookup: 'main', suppress_prefixlength: '0', priority: `${g.rulePriority}` }));
		if (g.ipv6) push(out, sec('rule6', 'swmain6', { lookup: 'main', suppress_prefixlength: '0', priority: `${g.rulePriority}` }));
	}
	for (let i = 0; i < length(ups); i++) {
		const secs = upstreamSections(cfg, ups[i]);
		for (let j = 0; j < length(secs); j++) push(out, secs[j]);
	}
	for (let i = 0; i < length(guards); i++) push(out, guards[i]);
	const srv = cfg.server;
	if (srv && srv.enabled) {
		push(out, sec('interface', srv.iface, {
			proto: 'wireguard', private_key: srv.privateKey, listen_port: `${srv.listenPort}`, addresses: srv.addresses, mtu: s(srv.mtu),
		}));
		const peers = filter(cfg.clients, (c) => c.kind === 'peer' && c.enabled);
		for (let i = 0; i < length(peers); i++) {
			const c = peers[i];
			push(out, sec(`wireguard_${srv.iface}`, `swclient_${c.name}`, {
				description: `splitwg client ${c.name}`, public_key: c.publicKey, preshared_key: c.presharedKey,
				allowed_ips: map([...c.src4, ...(g.ipv6 ? c.src6 : [])], (p) => p.family === 4 && p.len === 32 || p.family === 6 && p.len === 128 ? `${p.text}/${p.len}` : p.text),
				route_allowed_ips: '1',
			}));
		}
	}
	return out;
}

export function renderFirewall(cfg: Config): UciSection[] {
	const g = cfg.globals;
	const ups = filter(cfg.upstreams, (u) => u.enabled);
	const srv = cfg.server && cfg.server.enabled ? cfg.server : null;
	const out: UciSection[] = [];
	if (length(ups)) {
		push(out, fwSec('zone', 'sw_zone_up', {
			name: ZONE_UP, network: map(ups, (u) => u.iface), input: 'REJECT', output: 'ACCEPT', forward: 'REJECT',
			masq: '1', masq6: g.ipv6 ? '1' : null, mtu_fix: '1',
		}));
		push(out, fwSec('forwarding', 'sw_fwd_lan_up', { name: 'splitwg-lan-up', src: g.lanZone, dest: ZONE_UP }));
	}
	if (srv) {
		push(out, fwSec('zone', 'sw_zone_rw', { name: ZONE_RW, network: [srv.iface], input: 'ACCEPT', output: 'ACCEPT', forward: 'REJECT', mtu_fix: '1' }));
		if (length(ups)) push(out, fwSec('forwarding', 'sw_fwd_rw_up', { name: 'splitwg-rw-up', src: ZONE_RW, dest: ZONE_UP }));
		push(out, fwSec('forwarding', 'sw_fwd_rw_wan', { name: 'splitwg-rw-wan', src: ZONE_RW, dest: g.wanZone }));
		push(out, fwSec('forwarding', 'sw_fwd_rw_lan', { name: 'splitwg-rw-lan', src: ZONE_RW, dest: g.lanZone }));
		push(out, fwSec('rule', 'sw_allow_server', {
			name: 'Allow-splitwg-server', src: g.wanZone, proto: 'udp', dest_port: `${srv.listenPort}`, target: 'ACCEPT',
		}));
	}
	return out;
}
