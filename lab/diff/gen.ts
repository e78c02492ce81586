// The differential test's generators: a World is a config (upstreams, clients of every identity
// kind, shared rule sets, rules of every match kind) AND the probes sent through it, generated
// together so fast-check shrinks both. A World holds no clock times and no addresses: time windows
// are offsets from "now" and weekdays are offsets from today, destinations are indices into lists
// computed from the config, so one World materialises the same way at any moment of the run.
import fc from 'fast-check';
import type { UciSection } from '../../src/core/uci';
import type { LinkName } from './kernel';

export const KEY = 'iB/iaspESqk09qV0DqOjxXUfScOrg0oSM+HcHc578Hk=';
export type Act = 'proxy' | 'direct' | 'block';

/** rule destinations come from small pools so rules overlap, nest and share */
export const DOMAINS = ['video.test', 'cdn.video.test', 'news.test', 'shop.example', 'example', 'test'];
/** the names clients look up (rule domains, subdomains without their own entry, unrelated names) */
export const NAMES = ['video.test', 'cdn.video.test', 'www.video.test', 'news.test', 'shop.example', 'a.shop.example', 'other.test', 'example'];
export const DEST4 = ['203.0.113.0/24', '203.0.113.128/25', '203.0.113.7', '203.0.0.0/16', '203.0.112.0/23', '8.8.8.0/24',
	'192.168.2.0/24', '10.77.0.0/24', '198.51.100.0/24', '192.168.1.64/26'];
export const DEST6 = ['2001:db8:100::/48', '2001:db8:100:1::/64', '2001:db8:100::7', '2001:4860::/32', 'fd00:2::/64', 'fd77::/64', 'fd00:1::/64'];
export const PORTS = ['53', '80', '443', '853', '1000-2000', '5353', '8080'];
/** time offsets in minutes from now: never within 5 minutes, so the minute explain() is asked about
 *  and the second nft evaluates fall on the same side of every edge */
const OFFSETS = [-720, -600, -300, -121, -45, -7, 7, 45, 121, 300, 600, 719];

export interface RuleSpec {
	domains: number[]; dest4: number[]; dest6: number[];
	proto: null | 'tcp' | 'udp' | 'icmp' | 'icmpv6' | 'tcp+udp' | 'all';
	ports: number[];
	window: null | [number, number];           // minutes from now
	days: null | { today: boolean; others: number[] };   // others: offsets 1..6 from today
	action: Act; upstream: number | null; enabled: boolean;
}

export type Kind = 'v4addr' | 'v4net' | 'v6net' | 'mac' | 'iface' | 'peer';
export interface ClientSpec {
	kind: Kind; lan: 'lan' | 'guest' | 'iot'; dual: boolean; enabled: boolean;
	def: Act; upstream: number; hijack: null | boolean; rules: RuleSpec[]; rulesets: number[];
}

/** `bare`: while down, its table also lacks the kill switch's `unreachable` routes (the leak guard alone must hold) */
export interface UpSpec { v6: boolean; enabled: boolean; down: boolean; bare: boolean }

/** One probe: a packet from one of a client's identities to a destination. */
export interface ProbeSpec {
	client: number;
	/** which of the device's source identities: 0 v4, 1 v6 EUI-64 (from its MAC), 2 v6 privacy address, 3 another client's address (crossed) */
	ident: number;
	dest: { kind: 'rule' | 'fixed' | 'local' | 'domain' | 'dns'; pick: number; v6: boolean };
	proto: 'tcp' | 'udp' | 'icmp';
	port: number;
	/** a first packet of the same flow is sent under the config with every time condition flipped */
	established: boolean;
	salt: number;
}

/** `group`: with the kill switch on, a failover group "grp" of the upstreams with u0's address
 *  families (last first), which rules and clients may name like an upstream (groups.ts) */
export interface World {
	enabled: boolean; ipv6: boolean; kill: boolean; hijack: boolean; group: boolean;
	ups: UpSpec[]; rulesets: RuleSpec[][]; clients: ClientSpec[]; probes: ProbeSpec[];
}

const weighted = <T>(a: T, b: T, wa: number) => fc.oneof({ arbitrary: fc.constant(a), weight: wa }, { arbitrary: fc.constant(b), weight: 1 });
const idxs = (n: number, max: number) => fc.uniqueArray(fc.integer({ min: 0, max: n - 1 }), { minLength: 1, maxLength: max });

const rule: fc.Arbitrary<RuleSpec> = fc.record({
	dests: fc.oneof(
		fc.constant({ domains: [] as number[], dest4: [] as number[], dest6: [] as number[] }),
		fc.record({ domains: idxs(DOMAINS.length, 2), dest4: fc.constant([] as number[]), dest6: fc.constant([] as number[]) }),
		fc.record({ domains: fc.constant([] as number[]), dest4: idxs(DEST4.length, 3), dest6: fc.constant([] as number[]) }),
		fc.record({ domains: fc.constant([] as number[]), dest4: fc.constant([] as number[]), dest6: idxs(DEST6.length, 3) }),
		fc.record({ domains: fc.uniqueArray(fc.integer({ min: 0, max: DOMAINS.length - 1 }), { maxLength: 1 }), dest4: idxs(DEST4.length, 2), dest6: idxs(DEST6.length, 2) }),
	),
	proto: fc.constantFrom(null, null, 'tcp', 'udp', 'icmp', 'icmpv6', 'tcp+udp', 'all'),
	ports: fc.oneof({ arbitrary: fc.constant([] as number[]), weight: 2 }, { arbitrary: idxs(PORTS.length, 2), weight: 1 }),
	window: fc.option(fc.tuple(fc.constantFrom(...OFFSETS), fc.constantFrom(...OFFSETS)).filter(([a, b]) => a !== b), { nil: null, freq: 2 }),
	days: fc.option(fc.record({ today: fc.boolean(), others: fc.uniqueArray(fc.integer({ min: 1, max: 6 }), { maxLength: 3 }) })
		.filter((d) => d.today || d.others.length > 0), { nil: null, freq: 3 }),
	action: fc.constantFrom<Act>('proxy', 'direct', 'block'),
	upstream: fc.option(fc.nat({ max: 3 }), { nil: null }),
	enabled: weighted(true, false, 12),
}).map((r) => {
	// ports need tcp/udp (check refuses icmp with ports)
	const proto = r.ports.length && (r.proto === 'icmp' || r.proto === 'icmpv6' || r.proto === 'all') ? null : r.proto;
	return { ...r.dests, proto, ports: r.ports, window: r.window, days: r.days, action: r.action, upstream: r.action === 'proxy' ? r.upstream : null, enabled: r.enabled };
});

const client = (nRulesets: number): fc.Arbitrary<ClientSpec> => fc.record({
	kind: fc.constantFrom<Kind>('v4addr', 'v4net', 'v6net', 'mac', 'iface', 'peer'),
	lan: fc.constantFrom<'lan' | 'guest' | 'iot'>('lan', 'lan', 'guest', 'iot'),
	dual: fc.boolean(),
	enabled: weighted(true, false, 10),
	def: fc.constantFrom<Act>('proxy', 'direct', 'block'),
	upstream: fc.nat({ max: 3 }),
	hijack: fc.constantFrom(null, null, true, false),
	rules: fc.array(rule, { maxLength: 4 }),
	// a rule set may be listed twice (its second pass never matches what the first did not)
	rulesets: nRulesets ? fc.array(fc.integer({ min: 0, max: nRulesets - 1 }), { maxLength: nRulesets + 1 }) : fc.constant([] as number[]),
});

const probe: fc.Arbitrary<ProbeSpec> = fc.record({
	client: fc.nat({ max: 4 }),
	ident: fc.constantFrom(0, 0, 0, 1, 1, 2, 3, 3),
	dest: fc.record({ kind: fc.constantFrom<ProbeSpec['dest']['kind']>('rule', 'rule', 'rule', 'fixed', 'local', 'domain', 'domain', 'dns', 'dns'), pick: fc.nat({ max: 63 }), v6: fc.boolean() }),
	proto: fc.constantFrom<ProbeSpec['proto']>('tcp', 'tcp', 'udp', 'udp', 'icmp'),
	port: fc.constantFrom(53, 80, 443, 853, 1500, 5353, 8080, 22),
	established: weighted(false, true, 6),
	salt: fc.nat({ max: 0xffff }),
});

/** a rule set's rule: a proxy rule without an upstream of its own more often than a client's, so that its clients'
 *  different upstreams bind the rule set differently (nft.ts renders one chain per binding) */
const rulesetRule: fc.Arbitrary<RuleSpec> = fc.tuple(rule, fc.boolean()).map(([r, own]) => (r.action === 'proxy' && !own ? { ...r, upstream: null } : r));

export function world(maxProbes: number): fc.Arbitrary<World> {
	return fc.record({
		nRulesets: fc.constantFrom(0, 1, 1, 2, 2),
	}).chain(({ nRulesets }) => fc.record({
		// shrinking goes field by field in this order: the packets first, then the config
		probes: fc.array(probe, { minLength: 1, maxLength: maxProbes, size: 'max' }),
		clients: fc.array(client(nRulesets), { minLength: 1, maxLength: 5 }),
		rulesets: fc.array(fc.array(rulesetRule, { minLength: 1, maxLength: 3 }), { minLength: nRulesets, maxLength: nRulesets }),
		ups: fc.array(fc.record({ v6: fc.boolean(), enabled: weighted(true, false, 6), down: weighted(false, true, 4), bare: weighted(false, true, 2) }), { minLength: 1, maxLength: 3 }),
		enabled: weighted(true, false, 15),
		ipv6: weighted(true, false, 3),
		kill: fc.boolean(),
		hijack: fc.boolean(),
		group: weighted(true, false, 2),
	}));
}

// ------------------------------------------------------------------ materialising

export interface Device {
	/** client index in World.clients */
	client: number;
	name: string;
	kind: Kind;       // the client's kind as realised (a second iface client on one LAN becomes a MAC client)
	link: LinkName;
	mac: string;
	/** the addresses the device really sends from: its v4 and v6 (configured or not) */
	v4: string[];
	v6: string[];
}

const LAN_NO = { lan: 1, guest: 2, iot: 3 } as const;
const hex = (n: number) => n.toString(16);
export const upName = (i: number) => `u${i}`;
const clientName = (i: number) => `c${i}`;

/** EUI-64 interface identifier of a MAC in a /64 (what SLAAC gives a device) */
export function eui64(prefix64: string, mac: string): string {
	const b = mac.split(':').map((x) => parseInt(x, 16));
	b[0]! ^= 2;
	const w = [(b[0]! << 8) | b[1]!, (b[2]! << 8) | 0xff, 0xfe00 | b[3]!, (b[4]! << 8) | b[5]!];
	return `${prefix64}${w.map(hex).join(':')}`;
}

/** Every client's identity and the device behind it (slot i = 1-based position, so blocks never overlap). */
export function devices(w: World): Device[] {
	const taken = new Set<string>();
	return w.clients.map((c, k) => {
		const i = k + 1;
		const mac = `02:d1:00:00:00:${hex(16 + i)}`;
		let kind = c.kind;
		// interfaces are unique per client: another iface client on the same LAN becomes a MAC client
		if (kind === 'iface') { if (taken.has(c.lan)) kind = 'mac'; else taken.add(c.lan); }
		const L = LAN_NO[c.lan];
		const p64 = `fd00:${L}::`;
		const base = { client: k, name: clientName(k), kind, link: c.lan as LinkName, mac };
		// a peer sends only from its own addresses (WireGuard admits nothing else from it)
		if (kind === 'peer') return { ...base, link: 'rw' as LinkName, mac: '02:d2:00:00:00:01', v4: [`10.77.0.${10 + i}`], v6: c.dual ? [`fd77::${hex(0x10 + i)}`] : [] };
		// SLAAC: every device has an EUI-64 and a privacy address in its LAN's /64, configured or not
		const eui = eui64(p64, mac), priv = `${p64}${hex(0x1000 + i * 7)}:${hex(0xa11 * i)}:5eed:${hex(i)}`;
		const own6 = `fd00:${L}:0:0:${hex(i)}::5`;
		if (kind === 'v6net') return { ...base, v4: [`192.168.${L}.${16 * i + 2}`], v6: [own6, eui, priv] };
		if (kind === 'v4addr') return { ...base, v4: [`192.168.${L}.${16 * i + 1}`], v6: c.dual ? [own6, eui, priv] : [eui, priv] };
		if (kind === 'v4net') return { ...base, v4: [`192.168.${L}.${16 * i + 5}`], v6: [eui, priv] };
		return { ...base, v4: [`192.168.${L}.${200 + i}`], v6: [eui, priv] };
	});
}

/** the config's identity options of a device's client */
function identity(w: World, d: Device): UciSection['options'] {
	const c = w.clients[d.client]!;
	const i = d.client + 1;
	const net6 = `fd00:${LAN_NO[c.lan]}:0:0:${hex(i)}::/80`;
	switch (d.kind) {
		case 'peer': return { kind: 'peer', public_key: KEY, address: c.dual ? [d.v4[0]!, d.v6[0]!] : [d.v4[0]!] };
		case 'v4addr': return { address: c.dual ? [d.v4[0]!, net6] : [d.v4[0]!] };
		// /28 blocks of neighbouring slots are adjacent; a /29 half when dual
		case 'v4net': return { address: [`192.168.${LAN_NO[c.lan]}.${16 * i}/${c.dual ? 29 : 28}`] };
		case 'v6net': return { address: c.dual ? [net6, d.v4[0]!] : [net6] };
		case 'iface': return { interface: [`br-${c.lan}`] };
		default: return { mac: c.dual ? [d.mac, `02:d1:00:00:01:${hex(16 + i)}`] : [d.mac] };
	}
}

function hhmm(min: number): string {
	const m = ((min % 1440) + 1440) % 1440;
	return `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
}

const DAY = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

export interface Clock { day: number; min: number }

export function clockNow(d = new Date()): Clock { return { day: d.getDay(), min: d.getHours() * 60 + d.getMinutes() }; }
export const atText = (c: Clock) => `${DAY[c.day]} ${hhmm(c.min)}`;

function ruleOptions(w: World, r: RuleSpec, owner: Record<string, string>, now: Clock, flip: boolean): UciSection {
	const o: UciSection['options'] = { ...owner, action: r.action };
	if (!r.enabled) o.enabled = '0';
	if (r.domains.length) o.domain = r.domains.map((i) => DOMAINS[i]!);
	const dest = [...r.dest4.map((i) => DEST4[i]!), ...r.dest6.map((i) => DEST6[i]!)];
	if (dest.length) o.dest = dest;
	if (r.proto === 'tcp+udp') o.proto = ['tcp', 'udp'];
	else if (r.proto) o.proto = r.proto;
	if (r.ports.length) o.port = r.ports.map((i) => PORTS[i]!);
	if (r.window) {
		// flip: the complement window [stop, start)
		const [a, b] = flip ? [r.window[1], r.window[0]] : r.window;
		o.start_time = hhmm(now.min + a); o.stop_time = hhmm(now.min + b);
	}
	if (r.days) {
		let ds = [...(r.days.today ? [0] : []), ...r.days.others].map((k) => (now.day + k) % 7);
		if (flip) { const all = [0, 1, 2, 3, 4, 5, 6].filter((d) => !ds.includes(d)); if (all.length) ds = all; }
		o.weekdays = [...new Set(ds)].sort().map((d) => DAY[d]!);
	}
	if (r.action === 'proxy' && r.upstream !== null) o.upstream = upRef(w, r.upstream);
	return { type: 'rule', name: '@rule', anonymous: true, options: o };
}

const hasGroup = (w: World) => w.group && w.kill;
/** the group's members: the upstreams carrying u0's families, the last one first */
const groupMembers = (w: World) => w.ups.flatMap((u, i) => (u.v6 === w.ups[0]!.v6 ? [i] : [])).reverse();
/** an upstream index as a config names it: one past the upstreams is the group, when there is one */
const upRef = (w: World, n: number) => (hasGroup(w) && n % (w.ups.length + 1) === w.ups.length ? 'grp' : upName(n % w.ups.length));

/** The World's config as UCI sections, at `now`; `flip` inverts every time condition (the "before" config of established flows). */
export function sections(w: World, now: Clock, flip = false): UciSection[] {
	const g: UciSection['options'] = { ipv6: w.ipv6 ? '1' : '0', kill_switch: w.kill ? '1' : '0', dns_hijack: w.hijack ? '1' : '0' };
	if (!w.enabled) g.enabled = '0';
	const out: UciSection[] = [
		{ type: 'globals', name: 'main', anonymous: false, options: g },
		{ type: 'server', name: 'server', anonymous: false, options: { private_key: KEY, address: ['10.77.0.1/24', 'fd77::1/64'] } },
		...w.ups.map((u, i): UciSection => ({ type: 'upstream', name: upName(i), anonymous: false, options: {
			...(u.enabled ? {} : { enabled: '0' }),
			private_key: KEY, public_key: KEY, address: u.v6 ? [`10.200.${i}.2/32`, `fd00:a${i}::2/128`] : [`10.200.${i}.2/32`],
			endpoint: `vpn${i}.example:51820` } })),
		...(hasGroup(w) ? [{ type: 'group', name: 'grp', anonymous: false, options: { member: groupMembers(w).map(upName) } }] : []),
		...w.rulesets.map((_, i): UciSection => ({ type: 'ruleset', name: `rs${i}`, anonymous: false, options: {} })),
	];
	w.rulesets.forEach((rs, i) => { for (const r of rs) out.push(ruleOptions(w, r, { ruleset: `rs${i}` }, now, flip)); });
	const devs = devices(w);
	w.clients.forEach((c, k) => {
		const o: UciSection['options'] = { ...identity(w, devs[k]!), default: c.def, upstream: upRef(w, c.upstream) };
		if (!c.enabled) o.enabled = '0';
		if (c.hijack !== null) o.dns_hijack = c.hijack ? '1' : '0';
		if (c.rulesets.length) o.ruleset = c.rulesets.map((i) => `rs${i}`);
		out.push({ type: 'client', name: clientName(k), anonymous: false, options: o });
		for (const r of c.rules) out.push(ruleOptions(w, r, { client: clientName(k) }, now, flip));
	});
	return out;
}

/** upstream interfaces that are up: enabled and not marked down */
export function upIfaces(w: World): string[] {
	return w.ups.flatMap((u, i) => (u.enabled && !u.down ? [`sw_${upName(i)}`] : []));
}
/** the interfaces of down upstreams whose `unreachable` routes are missing too (with the kill switch on:
 *  the leak guard in forward is then what drops their traffic) */
export function bareIfaces(w: World): string[] {
	return w.kill ? w.ups.flatMap((u, i) => (u.enabled && u.down && u.bare ? [`sw_${upName(i)}`] : [])) : [];
}
export function downNames(w: World): string[] {
	return w.ups.flatMap((u, i) => (u.enabled && u.down ? [upName(i)] : []));
}

/** the addresses a name resolves to at the fake upstream DNS: never inside any rule's dest pool */
export function nameAddrs(): Record<string, string[]> {
	return Object.fromEntries(NAMES.map((n, j) => [n, [`198.18.0.${j + 1}`, `2001:db8:d::${hex(j + 1)}`]]));
}
