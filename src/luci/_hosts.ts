// The LAN devices the clients page offers to pick: luci-rpc getHostHints
// (DHCP leases, static hosts, /etc/ethers, the neighbour table) — minus what
// is the router itself. rpcd-mod-luci adds the router's own interfaces to
// the hints (getifaddrs), so without this the picker offered the WAN and
// bridge MACs and addresses as "devices"; link-local addresses are dropped
// too, since they are no stable identity for a client.
import { parseAddress } from '../core/ip';

// getHostHints: keyed by MAC; `ipaddrs`/`ip6addrs` in current rpcd-mod-luci,
// a single `ipv4`/`ipv6` in older ones.
export interface HostHint { name?: string, ipaddrs?: string[], ip6addrs?: string[], ipv4?: string, ipv6?: string }
// getNetworkDevices: one entry per network device of the router.
export interface NetDevice { mac?: string, ipaddrs?: { address: string }[], ip6addrs?: { address: string }[] }
export interface KnownHost { mac: string, name: string | null, addresses: string[] }

function canonical(a: string): string | null {
	const p = parseAddress(a);
	return p ? arrtoip(p.bytes) : null;
}

function linkLocal(bytes: number[]): boolean {
	return bytes.length === 4 ? bytes[0] === 169 && bytes[1] === 254 : bytes[0] === 0xfe && (bytes[1] & 0xc0) === 0x80;
}

// The hosts other than the router, sorted by MAC (lower case), each with
// its usable addresses (canonical text, v4 first).
export function lanHosts(hints: { [mac: string]: HostHint }, devices: { [name: string]: NetDevice }): KnownHost[] {
	const ownMacs: string[] = [], ownAddrs: string[] = [];
	for (const name of Object.keys(devices)) {
		const d = devices[name] || {};
		if (d.mac) ownMacs.push(d.mac.toLowerCase());
		for (const a of (d.ipaddrs ?? []).concat(d.ip6addrs ?? [])) {
			const c = a && typeof a.address === 'string' ? canonical(a.address) : null;
			if (c) ownAddrs.push(c);
		}
	}
	const out: KnownHost[] = [];
	for (const key of Object.keys(hints)) {
		const mac = key.toLowerCase(), h = hints[key] || {};
		if (ownMacs.indexOf(mac) >= 0) continue;
		const addresses: string[] = [];
		const given = (h.ipaddrs ?? (h.ipv4 ? [h.ipv4] : [])).concat(h.ip6addrs ?? (h.ipv6 ? [h.ipv6] : []));
		for (const a of given) {
			const p = parseAddress(a);
			if (!p || linkLocal(p.bytes)) continue;
			const c = arrtoip(p.bytes) as string;
			if (ownAddrs.indexOf(c) < 0 && addresses.indexOf(c) < 0) addresses.push(c);
		}
		out.push({ mac, name: h.name || null, addresses });
	}
	return out.sort((a, b) => a.mac < b.mac ? -1 : a.mac > b.mac ? 1 : 0);
}
