// The differential test's comparison: which client a packet belongs to (docs/config.md: the source
// address decides first, then the MAC, then the interface), what explain() says about it, what
// kernel path that answer means, and — when the kernel disagrees — whether the disagreement is one
// of the known-open classes the suite reports without failing.
import { BlockList, isIPv4 } from 'node:net';
import { explain } from '../../src/core/explain';
import { verdictOf } from '../../src/core/decide';
import type { Config, Client, Rule } from '../../src/core/model';
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

/** the router's main table (what "routed normally" means in this topology) */
export function mainRoute(dst: string, tunnelAddrs: string[]): Path {
	if (ROUTER_ADDRS.includes(dst) || tunnelAddrs.includes(dst)) return { fate: 'local', mark: null };
	for (const [p, dev] of CONNECTED) if (within(p, dst)) return { fate: 'out', oif: dev, mark: null };
	return { fate: 'out', oif: WAN.dev, mark: null };
}
/** the router itself, or a subnet connected to it (LANs, the road-warrior pool, the WAN's own subnet):
 *  routes more specific than a default, which main keeps for everyone (suppress_prefixlength 0) */
export const isLocalDest = (dst: string) => ROUTER_ADDRS.includes(dst) || CONNECTED.some(([p]) => within(p, dst));

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
	// a packet from the device itself that none of its identities covers (or the client is disabled)
	const mine = cfg.clients.find((c) => c.name === pr.device.name);
	if (mine && (pr.spec.ident === 1 || pr.spec.ident === 2 || !mine.enabled)) return { client: mine, via: 'device', carriers };
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

const hijacked = (cfg: Config, c: Client, w: Wire) => cfg.globals.enabled && c.enabled && c.dnsHijack && (w.fam === 4 || cfg.globals.ipv6);

export function expect(cfg: Config, pr: Probe, at: string, down: string[], tunnelAddrs: string[]): Verdict {
	const w = pr.wire;
	const normal = mainRoute(w.dst, tunnelAddrs);
	const o = owner(cfg, pr);
	if (!o) return { owner: null, explanation: null, expected: normal, why: 'no client: routed normally' };
	// explain()'s Query has no address family: a name stands for both. With IPv6 classification off
	// the family alone decides (IPv6 is routed normally), so that case is asked with the address.
	const byName = pr.name !== null && !(w.fam === 6 && !cfg.globals.ipv6);
	const e = explain(cfg, { client: o.client.name, destination: byName ? pr.name! : w.dst, proto: w.proto === 'icmp' && w.fam === 6 ? 'icmpv6' : w.proto,
		port: w.proto === 'icmp' ? null : w.dport, at, down });
	if ('error' in e) throw new Error(`explain() refused a generated query: ${JSON.stringify(e.error)}`);
	const x = e as Explanation & { action: string };
	const why = `explain: ${x.action}${x.iface ? ` via ${x.iface}` : ''} (${x.reason})`;
	// DNS hijack (docs/config.md globals.dns_hijack): DoT/DoQ (853, not to the router itself) is dropped
	// before any rule; port 53 to any server is answered by the router — unless the client's verdict
	// blocks it (classification runs before the redirect). explain() answers about the connection; the
	// harness adds this documented part from the owner's dns_hijack.
	const dnsPort = w.proto !== 'icmp' && (w.dport === 53 || w.dport === 853);
	if (dnsPort && hijacked(cfg, o.client, w)) {
		if (w.dport === 853 && normal.fate !== 'local') return { owner: o, explanation: e, expected: { fate: 'drop', mark: null }, why: `DNS hijack of client ${o.client.name}: DoT/DoQ dropped` };
		// an nft drop (a block rule/default, a disabled upstream under the kill switch) comes first;
		// a block by routing (tunnel down, no tunnel address of the family) does not stop the redirect
		const rule = o.client.rules.find((r) => r.id === x.rule) ?? null;
		if (w.dport === 53 && verdictOf(cfg, o.client, rule, []).action !== 'block') return { owner: o, explanation: e, expected: { fate: 'redirect', mark: null }, why: `DNS hijack of client ${o.client.name}: answered by the router; ${why}` };
	}
	switch (x.action) {
		case 'block': return { owner: o, explanation: e, expected: { fate: 'drop', mark: null }, why };
		case 'proxy': return { owner: o, explanation: e, expected: { fate: 'out', oif: x.iface!, mark: null }, why };
		case 'direct': return { owner: o, explanation: e, expected: normal, why };
		default:
			// an action this harness does not know yet (e.g. a future "local"): routed normally is the only reading
			if (x.action === 'local') return { owner: o, explanation: e, expected: normal, why };
			throw new Error(`lab/diff/oracle.ts: explain() answered action "${x.action}", which the differential test does not know how to compare`);
	}
}

export function agrees(want: Path, got: Path): boolean {
	if (want.fate !== got.fate) return false;
	return want.fate !== 'out' || want.oif === got.oif;
}

// ------------------------------------------------------------------ known-open classes

export interface Case {
	cfg: Config; world: World; probe: Probe; verdict: Verdict; got: Path; down: string[];
}

/**
 * Disagreement classes known to be open, reported but not failed on. Each names the defect class of
 * the issue it belongs to; the lead deletes an entry when its fix lands (the list must end empty).
 * A disagreement matching none of them fails the test.
 */
export const KNOWN_OPEN: { id: string; issue: string; matches: (c: Case) => boolean }[] = [
	{ id: 'ipv6-of-v4-device', issue: 'IPv6 of v4-identified devices',
		matches: (c) => c.verdict.owner?.via === 'device' && c.probe.wire.fam === 6 },
	{ id: 'local-destination', issue: 'local destinations',
		matches: (c) => isLocalDest(c.probe.wire.dst) },
	{ id: 'kill-switch-off', issue: 'kill switch off',
		matches: (c) => !c.cfg.globals.killSwitch && c.got.fate === 'drop' && wantedUpstreamDown(c) },
	{ id: 'dns-hijack-precedence', issue: 'DNS hijack precedence',
		matches: (c) => { const o = c.verdict.owner; const w = c.probe.wire;
			return !!o && w.proto !== 'icmp' && (w.dport === 53 || w.dport === 853) && o.carriers.some((x) => x.dnsHijack !== o.client.dnsHijack); } },
	{ id: 'ipv6-off-still-classified', issue: 'globals.ipv6 0 still classifies (and hijacks) IPv6 of MAC/interface clients (found by this test)',
		matches: (c) => !c.cfg.globals.ipv6 && c.probe.wire.fam === 6 &&
			c.verdict.owner !== null && c.verdict.owner.carriers.some((x) => x.macs.includes(c.probe.wire.smac) || x.ifaces.includes(LINKS[c.probe.wire.link].dev)) },
	{ id: 'globals-disabled', issue: 'explain() ignores globals.enabled 0 (nothing is loaded, everything is routed normally; found by this test)',
		matches: (c) => !c.cfg.globals.enabled },
	{ id: 'domain-family', issue: 'explain() of a domain ignores the address family (found by this test; needs a family in the Query)',
		matches: (c) => c.probe.name !== null && c.verdict.explanation?.action === 'proxy' && c.got.fate === 'drop' &&
			!c.cfg.upstreams.find((u) => u.iface === c.verdict.explanation!.iface)!.addresses.some((a) => a.includes(':') === (c.probe.wire.fam === 6)) },
	{ id: 'established-connection', issue: 'time windows vs established connections',
		matches: (c) => c.probe.first !== null && !!c.verdict.owner &&
			c.verdict.owner.client.rules.some((r) => r.match.startTime !== null || r.match.weekdays.length > 0) },
];

function wantedUpstreamDown(c: Case): boolean {
	const e = c.verdict.explanation;
	const o = c.verdict.owner;
	if (!e || !o) return false;
	const r: Rule | undefined = o.client.rules.find((x) => x.id === e.rule);
	const act = r ? r.action : o.client.defaultAction;
	if (act !== 'proxy') return false;
	const name = (r ? r.upstream : null) ?? o.client.upstream;
	const u = c.cfg.upstreams.find((x) => x.name === name);
	return !u || !u.enabled || c.down.includes(u.name);
}

export function classify(c: Case): string | null {
	for (const k of KNOWN_OPEN) if (k.matches(c)) return k.id;
	return null;
}
