// The differential test's comparison: which client a packet belongs to (docs/config.md: the source
// address decides first, then the MAC, then the interface), what explain() says about it, and what
// kernel path that answer (with the documented DNS hijack) means.
import { BlockList, isIPv4 } from 'node:net';
import { explain } from '../../src/core/explain';
import { verdictOf } from '../../src/core/decide';
import type { Config, Client } from '../../src/core/model';
import type { Explanation } from '../../src/core/explain';
import { LINKS, WAN, type Path, type Wire } from './kernel';
import { DEST4, DEST6, NAMES, devices, nameAddrs, type Device, type ProbeSpec, type World } from './gen';

// ------------------------------------------------------------------ addresses

const big = (a: string): bigint => {
	if (isIPv4(a)) return a.split('.').reduce((n, x) => (n << 8n) | BigInt(x), 0n);
	const [h, t] = a.split('::');
	const hs = h ? h.split(':') : [], ts = t !== undefined && t ? t.split(':') : [];
	const all = [...hs, ...Array(8 - hs.length - ts.length).fill('0'), ...ts];
	return all.reduce((n, x) => (n << 16n) | BigInt(parseInt(x, 16)), 0n);
};
const text = (n: bigint, v6: boolean): string => {
	if (!v6) return [24n, 16n, 8n, 0n].map((s) => String((n >> s) & 255n)).join('.');
	const w = [112n, 96n, 80n, 64n, 48n, 32n, 16n, 0n].map((s) => ((n >> s) & 0xffffn).toString(16));
	return new URL(`http://[${w.join(':')}]`).hostname.slice(1, -1);  // the URL parser writes the canonical form
};
function range(p: string): { lo: bigint; hi: bigint; v6: boolean } {
	const [a, l] = p.split('/');
	const v6 = a!.includes(':'), bits = v6 ? 128n : 32n;
	const len = BigInt(l ?? bits);
	const lo = big(a!);
	return { lo, hi: lo + (1n << (bits - len)) - 1n, v6 };
}
const within = (p: string, a: string) => { const r = range(p); return r.v6 === a.includes(':') && big(a) >= r.lo && big(a) <= r.hi; };

/** addresses inside and just outside a prefix */
function probesOf(p: string): string[] {
	const r = range(p), top = r.v6 ? (1n << 128n) - 1n : (1n << 32n) - 1n;
	const out = [r.lo === r.hi ? r.lo : r.lo + 1n, r.hi === r.lo ? r.lo : r.hi - 1n];
	if (r.hi < top) out.push(r.hi + 1n);
	if (r.lo > 0n) out.push(r.lo - 1n);
	return out.map((n) => text(n, r.v6));
}

const FIXED = { 4: ['203.0.113.7', '203.0.113.200', '203.0.5.5', '9.9.9.9', '8.8.8.8'], 6: ['2001:db8:100::7', '2001:db8:100:1::9', '2001:db8:200::1', '2001:4860:4860::8888'] };
const LOCAL = {
	4: ['192.168.1.1', '192.168.2.1', '198.51.100.2', '10.77.0.1', '192.168.2.50', '192.168.3.7', '10.77.0.99', '192.168.1.77', '198.51.100.9'],
	6: ['fd00:1::1', 'fd77::1', 'fd00:2::50', 'fd77::99', 'fd00:3::7', 'fd00:1::77', '2001:db8:ffff::9'],
};
const DNS = { 4: ['8.8.8.8', '9.9.9.9', '192.168.1.1'], 6: ['2001:4860:4860::8888', 'fd00:1::1'] };

const ROUTER_ADDRS = [...Object.values(LINKS).flatMap((l) => [l.v4, l.v6]), WAN.v4, WAN.v6].map((a) => a.split('/')[0]!);
const CONNECTED: [string, string][] = [...Object.values(LINKS).flatMap((l): [string, string][] => [[net(l.v4), l.dev], [net(l.v6), l.dev]]), [net(WAN.v4), WAN.dev], [net(WAN.v6), WAN.dev]];
function net(ifaddr: string): string {
	const [a, l] = ifaddr.split('/');
	const v6 = a!.includes(':'), bits = v6 ? 128n : 32n;
	const n = big(a!) & ~((1n << (bits - BigInt(l!))) - 1n);
	return `${text(n, v6)}/${l}`;
}

/** the subnet broadcast address of each IPv4 link: the kernel's local table delivers it to the router */
const BROADCAST = CONNECTED.filter(([p]) => !p.includes(':')).map(([p]) => text(range(p).hi, false));

/** the router's routing (what "routed normally" means in this topology) */
export function mainRoute(dst: string, tunnelAddrs: string[]): Path {
	if (ROUTER_ADDRS.includes(dst) || BROADCAST.includes(dst) || tunnelAddrs.includes(dst)) return { fate: 'local', mark: null };
	for (const [p, dev] of CONNECTED) if (within(p, dst)) return { fate: 'out', oif: dev, mark: null };
	return { fate: 'out', oif: WAN.dev, mark: null };
}

// ------------------------------------------------------------------ probes

export interface Probe {
	spec: ProbeSpec;
	wire: Wire;
	/** the first packet of the flow, sent under the flipped config */
	first: Wire | null;
	device: Device;
	/** the name the client looked up, when the destination came from DNS */
	name: string | null;
}

const blk = (ps: string[]) => { const b = new BlockList(); for (const p of ps) { const [a, l] = p.split('/'); const t = a!.includes(':') ? 'ipv6' : 'ipv4'; b.addSubnet(a!, Number(l ?? (t === 'ipv6' ? 128 : 32)), t); } return b; };
const inAny = (ps: string[], a: string) => ps.length > 0 && blk(ps).check(a, a.includes(':') ? 'ipv6' : 'ipv4');

/** the addresses a rule destination pick ranges over for this config */
function ruleTargets(w: World, fam: 4 | 6): string[] {
	const all = [...w.rulesets.flat(), ...w.clients.flatMap((c) => c.rules)];
	const ps = [...new Set(all.flatMap((r) => fam === 4 ? r.dest4.map((i) => DEST4[i]!) : r.dest6.map((i) => DEST6[i]!)))];
	return ps.flatMap(probesOf);
}

export function probes(w: World): Probe[] {
	const devs = devices(w);
	const dns = nameAddrs();
	return w.probes.map((p, n): Probe => {
		const d = devs[p.client % devs.length]!;
		let fam: 4 | 6 = p.ident === 0 ? 4 : p.ident === 3 ? (p.dest.v6 ? 6 : 4) : 6;
		if (fam === 6 && !d.v6.length) fam = 4;   // an IPv4-only peer
		let src: string;
		if (p.ident === 3) {
			// another client's source address from this device (MAC, link): the precedence cases
			const others = devs.filter((o) => o !== d).flatMap((o) => fam === 4 ? o.v4 : o.v6);
			src = others.length ? others[p.salt % others.length]! : (fam === 4 ? d.v4 : d.v6)[0]!;
		} else if (fam === 4) src = d.v4[0]!;
		else src = d.v6[p.ident === 1 ? 0 : d.v6.length - 1]!;
		let dst: string, name: string | null = null;
		let proto = p.proto, port = p.port;
		const pick = <T>(xs: T[]) => xs[p.dest.pick % xs.length]!;
		switch (p.dest.kind) {
			case 'rule': { const t = ruleTargets(w, fam); dst = t.length ? pick(t) : pick(FIXED[fam]); break; }
			case 'fixed': dst = pick(FIXED[fam]); break;
			case 'local': dst = pick(LOCAL[fam]); break;
			case 'domain': name = pick(NAMES); dst = dns[name]![fam === 4 ? 0 : 1]!; break;
			default:
				dst = pick(DNS[fam]); port = p.salt % 3 === 0 ? 853 : 53; if (proto === 'icmp') proto = 'udp';
		}
		const sport = 20000 + n;
		const wire: Wire = { tag: n + 1, link: d.link, smac: d.mac, fam, src, dst, proto, sport, dport: proto === 'icmp' ? 0 : port };
		const first = p.established ? { ...wire, tag: 30000 + n } : null;
		return { spec: p, wire, first, device: d, name };
	});
}

// ------------------------------------------------------------------ owner, explain, expectation

export interface Owner {
	client: Client;
	/** what identified it: src (address/prefix), mac, iface, or device (none of its configured identities: its SLAAC/privacy IPv6) */
	via: 'src' | 'mac' | 'iface' | 'device';
	/** every enabled client one of the packet's identities belongs to (precedence conflicts) */
	carriers: Client[];
}

function prefixes(c: Client, fam: 4 | 6): string[] {
	return (fam === 4 ? c.src4 : c.src6).map((p) => (p.text.includes('/') ? p.text : `${p.text}/${fam === 4 ? 32 : 128}`));
}

export function owner(cfg: Config, pr: Probe): Owner | null {
	const w = pr.wire;
	const on = cfg.clients.filter((c) => c.enabled);
	const bySrc = on.filter((c) => inAny(prefixes(c, w.fam), w.src));
	const byMac = on.filter((c) => c.macs.includes(w.smac));
	const dev = LINKS[w.link].dev;
	const byIf = on.filter((c) => c.ifaces.includes(dev));
	const carriers = [...new Set([...bySrc, ...byMac, ...byIf])];
	if (bySrc.length) return { client: bySrc[0]!, via: 'src', carriers };
	if (byMac.length) return { client: byMac[0]!, via: 'mac', carriers };
	if (byIf.length) return { client: byIf[0]!, via: 'iface', carriers };
	// a packet from the device itself when its client is disabled, or is known by addresses of the
	// other family only (docs/config.md "Per address family": explain answers that it is not
	// classified); from an address outside the prefixes of its own family it is nobody's
	const mine = cfg.clients.find((c) => c.name === pr.device.name);
	if (mine && (!mine.enabled || ((pr.spec.ident === 1 || pr.spec.ident === 2) && !prefixes(mine, w.fam).length))) return { client: mine, via: 'device', carriers };
	return null;
}

export interface Verdict {
	owner: Owner | null;
	explanation: Explanation | null;
	/** the path explain()'s answer (plus the documented DNS hijack) means for this packet */
	expected: Path;
	/** how `expected` was reached, for the report */
	why: string;
}

/** the networks docs/config.md "Local destinations" names: the router's main-table routes (read as
 *  apply reads them, `local`) and the server's address pools */
function localNets(cfg: Config, local: string[]): string[] {
	const pools = cfg.server?.enabled ? cfg.server.addresses.map(net) : [];
	return [...local, ...pools];
}

/** to the router itself or to one of its local networks: never classified, never hijacked */
export const toLocal = (cfg: Config, local: string[], dst: string) => ROUTER_ADDRS.includes(dst) || BROADCAST.includes(dst) || inAny(localNets(cfg, local), dst);

/** DNS hijack applies (docs/config.md globals.dns_hijack): the packet's identity named a hijacked client
 *  (not a device's unconfigured address: no identity, nothing applies), IPv6 only with classification on */
const hijacked = (cfg: Config, o: Owner, w: Wire) =>
	cfg.globals.enabled && o.via !== 'device' && o.client.enabled && o.client.dnsHijack && (w.fam === 4 || cfg.globals.ipv6);

/**
 * The path the kernel must give the packet: explain()'s answer for its client (asked with the name it
 * looked up and that name's address family, or with its address), read as a path, plus the DNS hijack
 * docs/config.md documents, which explain() does not answer about. `local`: the router's local
 * networks as apply reads them (given to compile() and explain() alike).
 */
export function expect(cfg: Config, pr: Probe, at: string, down: string[], local: string[]): Verdict {
	const w = pr.wire;
	const normal = mainRoute(w.dst, []);
	const o = owner(cfg, pr);
	if (!o) return { owner: null, explanation: null, expected: normal, why: 'no client: routed normally' };
	const e = explain(cfg, { client: o.client.name, destination: pr.name ?? w.dst, family: pr.name ? w.fam : null,
		proto: w.proto === 'icmp' && w.fam === 6 ? 'icmpv6' : w.proto, port: w.proto === 'icmp' ? null : w.dport, at, down, local });
	if ('error' in e) throw new Error(`explain() refused a generated query: ${JSON.stringify(e.error)}`);
	const x = e as Explanation & { action: string };
	const why = `explain: ${x.action}${x.iface ? ` via ${x.iface}` : ''} (${x.reason})`;
	// DNS hijack: DoT/DoQ (853) is dropped; port 53 is answered by the router — unless the client's
	// verdict drops it first (classification runs before the redirect). Neither to the router itself
	// nor to a local network (a LAN DNS server keeps answering).
	const dnsPort = w.proto !== 'icmp' && (w.dport === 53 || w.dport === 853);
	if (dnsPort && hijacked(cfg, o, w) && !toLocal(cfg, local, w.dst)) {
		if (w.dport === 853) return { owner: o, explanation: e, expected: { fate: 'drop', mark: null }, why: `DNS hijack of client ${o.client.name}: DoT/DoQ dropped` };
		// an nft drop (a block rule/default, a disabled upstream under the kill switch) comes first;
		// a block by routing (tunnel down, no tunnel address of the family) does not stop the redirect
		// (a group with every member down drops in nft: the checker's slots)
		const rule = o.client.rules.find((r) => r.id === x.rule) ?? null;
		const g = verdictOf(cfg, o.client, rule, down);
		if (verdictOf(cfg, o.client, rule, []).action !== 'block' && !(g.group && g.action === 'block')) return { owner: o, explanation: e, expected: { fate: 'redirect', mark: null }, why: `DNS hijack of client ${o.client.name}: answered by the router; ${why}` };
	}
	switch (x.action) {
		case 'block': return { owner: o, explanation: e, expected: { fate: 'drop', mark: null }, why };
		case 'proxy': return { owner: o, explanation: e, expected: { fate: 'out', oif: x.iface!, mark: null }, why };
		case 'direct': return { owner: o, explanation: e, expected: normal, why };
		default:
			throw new Error(`lab/diff/oracle.ts: explain() answered action "${x.action}", which the differential test does not know how to compare`);
	}
}

export function agrees(want: Path, got: Path): boolean {
	if (want.fate !== got.fate) return false;
	return want.fate !== 'out' || want.oif === got.oif;
}

/** one compared packet, for the report */
export interface Case {
	cfg: Config; world: World; probe: Probe; verdict: Verdict; got: Path; down: string[];
}
