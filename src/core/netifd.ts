// The sections splitwg owns in /etc/config/network and /etc/config/firewall.
// netifd re-creates ip rules and routes on every reload (and flushes any
// added by hand), so they are declared here rather than run with `ip`.
// Every section carries `splitwg_owned '1'`, so apply can find, diff and
// remove exactly these and nothing else (also ones named the way an older
// version named them).
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
import type { Config, Upstream } from './model';
import { markHex, carriesFamily } from './decide';

export const OWNED = 'splitwg_owned';
export const ZONE_UP = 'splitwg';
export const ZONE_RW = 'splitwg_rw';

function sec(type: string, name: string, options: { [k: string]: UciValue | null }): UciSection {
	const o: { [k: string]: UciValue } = {};
	for (let k in options) if (options[k] !== null) o[k] = options[k] as UciValue;
	o[OWNED] = '1';
	return { type, name, anonymous: false, options: o };
}

function s(n: number | null): string | null {
	return n === null ? null : `${n}`;
}

function upstreamSections(cfg: Config, u: Upstream): UciSection[] {
	const g = cfg.globals;
	const t = `${u.table}`;
	const out = [
		sec('interface', u.iface, { proto: 'wireguard', private_key: u.privateKey, addresses: u.addresses, mtu: s(u.mtu) }),
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

export function renderNetwork(cfg: Config): UciSection[] {
	const g = cfg.globals;
	const ups = filter(cfg.upstreams, (u) => u.enabled);
	const out: UciSection[] = [];
	if (length(ups)) {
		// routes more specific than a default (LAN, WAN subnet, peers) stay in
		// main for everyone: a proxied client still reaches the printer
		push(out, sec('rule', 'swmain4', { lookup: 'main', suppress_prefixlength: '0', priority: `${g.rulePriority}` }));
		if (g.ipv6) push(out, sec('rule6', 'swmain6', { lookup: 'main', suppress_prefixlength: '0', priority: `${g.rulePriority}` }));
	}
	for (let i = 0; i < length(ups); i++) {
		const secs = upstreamSections(cfg, ups[i]);
		for (let j = 0; j < length(secs); j++) push(out, secs[j]);
	}
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
		push(out, sec('zone', 'sw_zone_up', {
			name: ZONE_UP, network: map(ups, (u) => u.iface), input: 'REJECT', output: 'ACCEPT', forward: 'REJECT',
			masq: '1', masq6: g.ipv6 ? '1' : null, mtu_fix: '1',
		}));
		push(out, sec('forwarding', 'sw_fwd_lan_up', { src: g.lanZone, dest: ZONE_UP }));
	}
	if (srv) {
		push(out, sec('zone', 'sw_zone_rw', { name: ZONE_RW, network: [srv.iface], input: 'ACCEPT', output: 'ACCEPT', forward: 'REJECT', mtu_fix: '1' }));
		if (length(ups)) push(out, sec('forwarding', 'sw_fwd_rw_up', { src: ZONE_RW, dest: ZONE_UP }));
		push(out, sec('forwarding', 'sw_fwd_rw_wan', { src: ZONE_RW, dest: g.wanZone }));
		push(out, sec('forwarding', 'sw_fwd_rw_lan', { src: ZONE_RW, dest: g.lanZone }));
		push(out, sec('rule', 'sw_allow_server', {
			name: 'Allow-splitwg-server', src: g.wanZone, proto: 'udp', dest_port: `${srv.listenPort}`, target: 'ACCEPT',
		}));
	}
	return out;
}
