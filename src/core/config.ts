// /etc/config/splitwg (as UCI sections) → validated Config, or every problem
// found, each with the path of the offending value:
//   client.phone.rule[2].domain[0]: "ex ample.com" is not a domain name
import type { UciSection, UciValue } from './uci';
import type { Action, Client, Config, Globals, Match, Problem, Rule, RuleList, Server, Subscription, Upstream, Warning } from './model';
import { parsePrefix, addPrefix, maskBytes, prefixesOverlap, prefixContains, interfaceNetwork } from './ip';
import type { Prefix } from './ip';
import { markShift } from './decide';
import { badName, badUpstreamName, parseEndpoint, weekday, CONTROL, BLANKS } from './values';
import { msg } from './messages';
import type { Msg } from './messages';
import type { Bad } from './values';
import { SCHEMA } from './schema';
import { problem, readOptions } from './options';
import { badListFile, listPath, LIST_DIR } from './lists';
import type { ListFile } from './lists';
import { tunnelDns } from './tunneldns';
import { readGroups } from './groups';

// What the router read of the list files the rules name, by path (lists.ts).
export type ListFiles = { [path: string]: ListFile };

// regexes as module constants: ucode compiles a literal each time it is evaluated
const PORT_PROTO = /^(tcp|udp|sctp|udplite)$/;

export const SERVER_IFACE = 'sw_server';

// Marks other OpenWrt packages are known to use (docs/config.md, mark_mask):
// mwan3, pbr, podkop (inside pbr's), dae, homeproxy's small integers.
export const FOREIGN_MARKS: [number, string][] = [[0x3f00, 'mwan3'], [0xff0000, 'pbr/podkop'], [0x08000000, 'dae'], [0x7f, 'homeproxy']];

function readGlobals(sec: UciSection | null, problems: Problem[]): Globals {
	const s = sec ?? { type: 'globals', name: 'main', anonymous: false, options: {} };
	const o = readOptions(s, 'globals', 'globals', problems);
	const g: Globals = {
		enabled: o.v.enabled,
		markMask: int(o.v.mark_mask, 16),
		rulePriority: o.v.rule_priority,
		tableBase: o.v.table_base,
		ipv6: o.v.ipv6,
		dnsHijack: o.v.dns_hijack,
		killSwitch: o.v.kill_switch,
		setTimeout: o.v.set_timeout,
		lanZone: o.v.lan_zone,
		wanZone: o.v.wan_zone,
	};
	if (!o.bad.mark_mask) checkMask(g.markMask, o.v.mark_mask, problems);
	return g;
}

function checkMask(m: number, text: string, problems: Problem[]) {
	if (m === 0) push(problems, problem('globals.mark_mask', msg('mask_zero')));
	// bit 31 would make the mask arithmetic differ between ucode (64-bit) and JS (32-bit signed)
	else if (m > 0x7fffffff) push(problems, problem('globals.mark_mask', msg('mask_bit31', [text])));
	else {
		const low = markShift(m);
		if (((m + low) & m) !== 0) push(problems, problem('globals.mark_mask', msg('mask_not_contiguous', [text])));
		for (let i = 0; i < length(FOREIGN_MARKS); i++)
			if (m & FOREIGN_MARKS[i][0]) push(problems, problem('globals.mark_mask', msg('mask_foreign', [text, sprintf('0x%x', FOREIGN_MARKS[i][0]), FOREIGN_MARKS[i][1]])));
	}
}

// Paths that already have a problem, and the options they are in
// ("x.address[2]" also marks "x.address"): a check that depends on an
// option skips it then, so no second problem contradicts the first.
function reportedPaths(problems: Problem[]): { [path: string]: boolean } {
	const seen: { [path: string]: boolean } = {};
	for (let i = 0; i < length(problems); i++) {
		const p = problems[i].path;
		seen[p] = true;
		const b = rindex(p, '[');
		if (b > 0 && substr(p, -1) === ']') seen[substr(p, 0, b)] = true;
	}
	return seen;
}

function readUpstream(sec: UciSection, problems: Problem[]): Upstream {
	const base = `upstream.${sec.name}`;
	if (sec.anonymous) push(problems, problem(base, msg('upstream_unnamed')));
	else {
		const e = badUpstreamName(sec.name);
		if (e) push(problems, problem(base, e));
	}
	const o = readOptions(sec, base, 'upstream', problems);
	let host = '', port = 51820;
	if (o.v.endpoint === null) { if (!o.bad.endpoint) push(problems, problem(`${base}.endpoint`, msg('endpoint_required'))); }
	else {
		const p = parseEndpoint(o.v.endpoint) as { host: string, port: number };
		host = p.host; port = p.port;
	}
	const u: Upstream = {
		name: sec.name, iface: `sw_${sec.name}`,
		enabled: o.v.enabled,
		privateKey: o.v.private_key ?? '',
		addresses: o.v.address,
		publicKey: o.v.public_key ?? '',
		presharedKey: o.v.preshared_key,
		endpointHost: host, endpointPort: port,
		allowedIps: o.v.allowed_ips,
		mtu: o.v.mtu,
		keepalive: o.v.keepalive,
		dns: o.v.dns,
		via: o.v.via,
		health: { probe: o.v.probe, dns: o.v.probe_dns ? o.v.dns : [], interval: o.v.probe_interval, downAfter: o.v.down_after, upAfter: o.v.up_after },
		index: 0, mark: 0, table: 0,
	};
	if (u.privateKey === '' && !o.bad.private_key) push(problems, problem(`${base}.private_key`, msg('required')));
	if (u.publicKey === '' && !o.bad.public_key) push(problems, problem(`${base}.public_key`, msg('required')));
	if (!length(u.addresses) && !o.bad.address) push(problems, problem(`${base}.address`, msg('upstream_no_address')));
	if (o.v.probe_dns && !length(o.v.dns) && !o.bad.dns) push(problems, problem(`${base}.probe_dns`, msg('probe_dns_none')));
	// (given, but with no valid element: reported already)
	if (!length(u.allowedIps)) u.allowedIps = ['0.0.0.0/0', '::/0'];
	return u;
}

// WireGuard's own MTU when netifd is given none, and what one more tunnel
// takes of it (WireGuard over IPv6: 40 + 8 + 32 bytes, as wg-quick counts).
export const WG_MTU = 1420;
export const WG_OVERHEAD = 80;

// Cascaded upstreams: `via` names another upstream, enabled whenever this
// one is (else its packets would have no way out), and following the names
// never comes back (a loop routes a tunnel into itself). An inner tunnel's
// packets are a little smaller: its MTU, unless set, is the outer one's
// less WG_OVERHEAD, and IPv6 needs 1280 of it. Sets the MTU it computes.
function checkVia(upstreams: Upstream[], problems: Problem[]): void {
	const by: { [n: string]: Upstream } = {};
	for (let i = 0; i < length(upstreams); i++) by[upstreams[i].name] = upstreams[i];
	const loops: { [n: string]: boolean } = {};
	for (let i = 0; i < length(upstreams); i++) {
		const u = upstreams[i], path = `upstream.${u.name}.via`;
		if (u.via === null) continue;
		if (u.via === u.name) { push(problems, problem(path, msg('via_self'))); loops[u.name] = true; continue; }
		if (!by[u.via]) { push(problems, problem(path, msg('unknown_upstream', [u.via]))); loops[u.name] = true; continue; }
		// (a chain that comes back to u: u is on a loop)
		const chain = [u.name];
		let w: Upstream | null = by[u.via];
		while (w && index(chain, w.name) < 0) { push(chain, w.name); w = w.via !== null ? by[w.via] ?? null : null; }
		if (w && w.name === u.name) { push(problems, problem(path, msg('via_loop', [join(' → ', [...chain, u.name])]))); loops[u.name] = true; continue; }
		if (w) { loops[u.name] = true; continue; }      // it leads into another loop, reported there
		if (u.enabled && !by[u.via].enabled) push(problems, problem(path, msg('via_disabled', [u.via])));
	}
	// MTUs outermost first: each needs its outer one's
	const done: { [n: string]: boolean } = {};
	for (let pass = 0; pass < length(upstreams); pass++)
		for (let i = 0; i < length(upstreams); i++) {
			const u = upstreams[i];
			if (done[u.name] || loops[u.name]) continue;
			if (u.via === null) { done[u.name] = true; continue; }
			if (!done[u.via]) continue;
			done[u.name] = true;
			const outer = by[u.via], room = (outer.mtu ?? WG_MTU) - WG_OVERHEAD;
			if (u.mtu === null && room < 1280) push(problems, problem(`upstream.${u.name}.via`, msg('via_mtu_low', [u.via, room])));
			else if (u.mtu !== null && u.mtu > room) push(problems, problem(`upstream.${u.name}.mtu`, msg('via_mtu', [room, u.via, outer.mtu ?? WG_MTU])));
			else if (u.mtu === null) u.mtu = room;
		}
}

// The subscriptions, each with its problems; only those without any are
// returned (the router fetches those even while the rest of the
// configuration has problems: a list is independent of them).
export function readSubscriptions(sections: UciSection[], problems: Problem[]): Subscription[] {
	const out: Subscription[] = [];
	for (let i = 0; i < length(sections); i++) {
		const sec = sections[i];
		if (sec.type !== 'subscription') continue;
		const base = `subscription.${sec.name}`, n = length(problems);
		if (sec.anonymous) push(problems, problem(base, msg('subscription_unnamed', [LIST_DIR])));
		const o = readOptions(sec, base, 'subscription', problems);
		if (o.v.url === null && !o.bad.url) push(problems, problem(`${base}.url`, msg('url_required')));
		if (length(problems) === n)
			push(out, { name: sec.name, path: listPath(sec.name), enabled: o.v.enabled, url: o.v.url, interval: o.v.interval, maxSize: o.v.max_size });
	}
	return out;
}

// A missing list file a subscription fills: not fetched yet, says so.
function fetchedYet(subs: Subscription[], problems: Problem[]): void {
	const by: { [path: string]: string } = {};
	for (let i = 0; i < length(subs); i++) by[subs[i].path] = subs[i].name;
	for (let i = 0; i < length(problems); i++) {
		const p = problems[i];
		if (p.id === 'list_unreadable' && by[p.args[0] as string]) problems[i] = problem(p.path, msg('list_not_fetched', [p.args[0], by[p.args[0] as string]]));
	}
}

function readServer(sec: UciSection, problems: Problem[]): Server {
	const o = readOptions(sec, 'server', 'server', problems);
	const s: Server = {
		enabled: o.v.enabled,
		iface: SERVER_IFACE,
		privateKey: o.v.private_key ?? '',
		listenPort: o.v.listen_port,
		addresses: o.v.address,
		endpoint: o.v.endpoint,
		dns: o.v.dns,
		mtu: o.v.mtu,
	};
	if (s.enabled && s.privateKey === '' && !o.bad.private_key) push(problems, problem('server.private_key', msg('server_key_required')));
	if (s.enabled && !length(s.addresses) && !o.bad.address) push(problems, problem('server.address', msg('server_no_address')));
	return s;
}

// A rule's list files, through what the router read of them. `lists` null:
// the files were not read (a check of the UCI text alone): they are not
// judged and feed nothing.
function readRuleLists(id: string, values: string[], at: number[] | null, lists: ListFiles | null, problems: Problem[]): { refs: RuleList[], domains: string[] } {
	const refs: RuleList[] = [];
	let domains: string[] = [];
	if (!lists) return { refs, domains };
	const seen: { [path: string]: boolean } = {};
	for (let i = 0; i < length(values); i++) {
		const path = listPath(values[i]);
		if (seen[path]) continue;
		seen[path] = true;
		const where = `${id}.list_file[${at ? at[i] : i}]`;
		const lf = lists[path];
		if (!lf || !lf.ok) { push(problems, problem(where, msg('list_unreadable', [path]))); continue; }
		if (lf.changed) { push(problems, problem(where, msg('list_changed', [path]))); continue; }
		for (let j = 0; j < length(lf.bad); j++)
			push(problems, problem(where, msg('list_line', [path, lf.bad[j].line, { id: lf.bad[j].id, args: lf.bad[j].args }])));
		if (lf.badLines > length(lf.bad)) push(problems, problem(where, msg('list_more', [path, lf.badLines - length(lf.bad)])));
		push(refs, { path, hash: lf.hash, v4: lf.v4, v6: lf.v6, domains: length(lf.domains), dest4: lf.dest4, dest6: lf.dest6 });
		if (length(lf.domains)) domains = length(domains) ? [...domains, ...lf.domains] : lf.domains;
	}
	return { refs, domains };
}

// Given list files that hold nothing the table can match, a rule matches
// nothing (it never turns into "any destination").
function emptyLists(m: Match, ipv6: boolean): boolean {
	if (!length(m.lists) || length(m.domains) || length(m.dest4) || (ipv6 && length(m.dest6))) return false;
	for (let i = 0; i < length(m.lists); i++) if (m.lists[i].v4 || (ipv6 && m.lists[i].v6)) return false;
	return true;
}

function readRule(sec: UciSection, id: string, setBase: string, problems: Problem[], lists: ListFiles | null, g: Globals, warnings: Warning[]): Rule | null {
	// parsed once: a rule may list tens of thousands of prefixes. Overlapping
	// ones are fine (the sets auto-merge); the same one twice is listed once.
	const dest4: string[] = [], dest6: string[] = [];
	const destSeen: { [text: string]: boolean } = {};
	const dest = (v: string): Bad => addPrefix(v, dest4, dest6, destSeen);
	const o = readOptions(sec, id, 'rule', problems, { dest });
	const protos: string[] = o.v.proto;
	const fed = readRuleLists(id, o.v.list_file, o.at.list_file, lists, problems);
	const own: string[] = uniq(o.v.domain);
	const m: Match = {
		domains: length(fed.domains) ? uniq([...own, ...fed.domains]) : own,
		optDomains: own,
		dest4, dest6,
		lists: fed.refs,
		protos: index(protos, 'all') >= 0 || index(protos, 'any') >= 0 ? [] : uniq(protos),
		ports: uniq(o.v.port),
		startTime: o.v.start_time,
		stopTime: o.v.stop_time,
		weekdays: uniq(map(o.v.weekdays, weekday)),
	};
	const action: Action = o.v.action;
	const rule: Rule = {
		id, setBase,
		name: o.v.name ?? '',
		match: m, action,
		upstream: o.v.upstream,
	};
	if ((m.startTime === null) !== (m.stopTime === null) && !o.bad.start_time && !o.bad.stop_time)
		push(problems, problem(`${id}.${m.startTime === null ? 'start_time' : 'stop_time'}`, msg('window_half')));
	else if (m.startTime !== null && m.startTime === m.stopTime)
		push(problems, problem(`${id}.stop_time`, msg('window_empty')));
	if (length(m.ports)) {
		for (let i = 0; i < length(m.protos); i++)
			if (!match(m.protos[i], PORT_PROTO))
				push(problems, problem(`${id}.proto`, msg('ports_need_proto', [m.protos[i]])));
	}
	if (rule.upstream !== null && action !== 'proxy' && !o.bad.action)
		push(problems, problem(`${id}.upstream`, msg('upstream_not_proxy', [action])));
	if (o.v.enabled && emptyLists(m, g.ipv6)) push(warnings, problem(`${id}.list_file`, msg('warn_list_empty')));
	return o.v.enabled ? rule : null;
}

function readClient(sec: UciSection, problems: Problem[], g: Globals): Client {
	const base = `client.${sec.name}`;
	if (sec.anonymous) push(problems, problem(base, msg('client_unnamed')));
	else { const e = badName(sec.name, 32); if (e) push(problems, problem(base, e)); }
	const o = readOptions(sec, base, 'client', problems);
	const kind: 'peer' | 'device' = o.v.kind;
	const srcs: string[] = o.v.address;
	const c: Client = {
		name: sec.name, kind,
		enabled: o.v.enabled,
		publicKey: o.v.public_key,
		privateKey: o.v.private_key,
		presharedKey: o.v.preshared_key,
		src4: [], src6: [],
		macs: uniq(map(o.v.mac, lc)),
		ifaces: uniq(o.v.interface),
		defaultAction: o.v.default,
		upstream: o.v.upstream,
		rulesets: o.v.ruleset,
		dnsHijack: o.v.dns_hijack ?? g.dnsHijack,
		rules: [],
	};
	readSources(c, srcs, o.at.address, problems);
	if (o.bad.kind) {
		// peer or device: what else would be wrong is not known
	} else if (kind === 'peer') {
		if (c.publicKey === null && !o.bad.public_key) push(problems, problem(`${base}.public_key`, msg('peer_key_required')));
		if (!length(srcs) && !o.bad.address) push(problems, problem(`${base}.address`, msg('peer_no_address')));
		if (length(c.macs) || length(c.ifaces)) push(problems, problem(base, msg('peer_by_address')));
	} else {
		if (sec.options.address == null && sec.options.mac == null && sec.options.interface == null)
			push(problems, problem(base, msg('device_no_identity')));
		if (c.publicKey !== null || c.privateKey !== null) push(problems, problem(`${base}.public_key`, msg('device_no_keys')));
	}
	return c;
}

// A client's addresses are one interval map in nft: a prefix inside another
// of the same client makes the table fail to load ("conflicting intervals").
// The same address twice is harmless and listed once.
function readSources(c: Client, srcs: string[], at: number[] | null, problems: Problem[]) {
	const seen: { [text: string]: boolean } = {};
	const all: Prefix[] = [], pos: number[] = [];
	for (let i = 0; i < length(srcs); i++) {
		const p = parsePrefix(srcs[i]) as Prefix;
		if (seen[p.text]) continue;
		seen[p.text] = true;
		let clash = -1;
		for (let j = 0; j < length(all) && clash < 0; j++) if (prefixesOverlap(all[j], p)) clash = j;
		if (clash >= 0) {
			push(problems, problem(`client.${c.name}.address[${at ? at[i] : i}]`, msg('address_overlap_own', [p.text, all[clash].text, pos[clash]])));
			continue;
		}
		push(all, p); push(pos, at ? at[i] : i);
		push(p.family === 4 ? c.src4 : c.src6, p);
	}
}

// Linear in the clients' identities, not pairwise (a router may have a
// thousand clients): a prefix is looked up under each length some client's
// prefix of its family has (overlapping prefixes: one contains the other),
// a MAC or interface in a map. The problems come out in the order a walk
// over the pairs (earlier client, later one) would give them.
interface Clash { i: number, j: number, kind: number, x: number, y: number }

function prefixKey(p: Prefix, len: number): string {
	return `${p.family}/${join('.', maskBytes(p.bytes, len))}/${len}`;
}

function prefixClashes(clients: Client[], on: number[], out: Clash[]): void {
	const owners: { [key: string]: number[][] } = {};    // → [client, its prefix index]
	const lens: { [family: string]: number[] } = { '4': [], '6': [] };
	const all = map(clients, (c) => [...c.src4, ...c.src6]);
	for (let n = 0; n < length(on); n++) {
		const ps = all[on[n]];
		for (let x = 0; x < length(ps); x++) {
			const k = prefixKey(ps[x], ps[x].len);
			owners[k] ??= [];
			push(owners[k], [on[n], x]);
			if (index(lens[`${ps[x].family}`], ps[x].len) < 0) push(lens[`${ps[x].family}`], ps[x].len);
		}
	}
	const seen: { [c: string]: boolean } = {};
	for (let n = 0; n < length(on); n++) {
		const c = on[n], ps = all[c];
		for (let y = 0; y < length(ps); y++) {
			const q = ps[y], ls = lens[`${q.family}`];
			for (let l = 0; l < length(ls); l++) {
				if (ls[l] > q.len) continue;
				const hits = owners[prefixKey(q, ls[l])] ?? [];
				for (let h = 0; h < length(hits); h++) {
					const o = hits[h][0];
					if (o === c) continue;
					// the earlier client is `a` (its prefix index x), the later `b` (y)
					const cl: Clash = o < c ? { i: o, j: c, kind: 0, x: hits[h][1], y } : { i: c, j: o, kind: 0, x: y, y: hits[h][1] };
					const id = `${cl.i},${cl.j},${cl.x},${cl.y}`;
					if (!seen[id]) { seen[id] = true; push(out, cl); }
				}
			}
		}
	}
}

// `kind`: 1 MACs, 2 interfaces; `x`: the index in the later client's list
function identityClashes(clients: Client[], on: number[], kind: number, out: Clash[]): void {
	const owners: { [id: string]: number[] } = {};
	for (let n = 0; n < length(on); n++) {
		const c = on[n], ids = kind === 1 ? clients[c].macs : clients[c].ifaces;
		for (let x = 0; x < length(ids); x++) {
			const earlier = owners[ids[x]] ?? [];
			for (let h = 0; h < length(earlier); h++) if (earlier[h] !== c) push(out, { i: earlier[h], j: c, kind, x, y: 0 });
			owners[ids[x]] ??= [];
			if (index(owners[ids[x]], c) < 0) push(owners[ids[x]], c);
		}
	}
}

// Two enabled clients must never claim the same packets.
function checkOverlaps(clients: Client[], problems: Problem[]) {
	const on: number[] = [];
	for (let i = 0; i < length(clients); i++) if (clients[i].enabled) push(on, i);
	const out: Clash[] = [];
	prefixClashes(clients, on, out);
	identityClashes(clients, on, 1, out);
	identityClashes(clients, on, 2, out);
	const sorted = sort(out, (p: Clash, q: Clash) => p.i - q.i || p.j - q.j || p.kind - q.kind || p.x - q.x || p.y - q.y);
	for (let n = 0; n < length(sorted); n++) {
		const k = sorted[n], a = clients[k.i], b = clients[k.j];
		if (k.kind === 0) {
			const pa = [...a.src4, ...a.src6][k.x], pb = [...b.src4, ...b.src6][k.y];
			push(problems, problem(`client.${b.name}.address`, msg('address_overlap', [pb.text, pa.text, a.name])));
		} else if (k.kind === 1) push(problems, problem(`client.${b.name}.mac`, msg('identity_shared', [b.macs[k.x], a.name])));
		else push(problems, problem(`client.${b.name}.interface`, msg('identity_shared', [b.ifaces[k.x], a.name])));
	}
}

function sectionPath(s: UciSection): string {
	if (s.type === 'globals' || s.type === 'server') return s.type;
	if (s.type === 'rule') return `rule ${s.name}`;
	return index(['upstream', 'group', 'client', 'ruleset'], s.type) >= 0 ? `${s.type}.${s.name}` : s.name;
}

// Section names are unique in a UCI file: libuci merges a second
// `config client 'x'` into the first and refuses one of another type. Read
// as they are (the developer CLI, LuCI's staged changes), two clients x
// would share one nft chain. The first one is read, the others reported.
function uniqueSections(sections: UciSection[], problems: Problem[]): UciSection[] {
	const first: { [name: string]: string } = {};
	const out: UciSection[] = [];
	for (let i = 0; i < length(sections); i++) {
		const s = sections[i];
		const t = s.anonymous ? null : first[s.name];
		if (t === null || t === undefined) {
			if (!s.anonymous) first[s.name] = s.type;
			push(out, s);
		} else push(problems, problem(sectionPath(s), t === s.type ? msg('defined_twice') : msg('name_taken', [t])));
	}
	return out;
}

// A rule's `client` / `ruleset` option, read before the rule itself.
function badOwner(v: UciValue): Bad {
	if (type(v) === 'array') return msg('not_single');
	return v === '' ? msg('empty') : badName(v as string, 32);
}

function byType(sections: UciSection[], t: string): UciSection[] {
	return filter(sections, (s) => s.type === t);
}

// The address families a client's identities cover: a MAC or an interface
// covers every packet, an address prefix only its own family. (Peers are
// their tunnel addresses: WireGuard admits nothing else from them.)
export function identifiedFamilies(c: Client, ipv6: boolean): { v4: boolean, v6: boolean } {
	const all = c.kind === 'peer' || length(c.macs) > 0 || length(c.ifaces) > 0;
	return { v4: all || length(c.src4) > 0, v6: ipv6 && (all || length(c.src6) > 0) };
}

// A device known by addresses of one family has addresses of the other too
// (IPv6 SLAAC/privacy addresses, or its DHCP IPv4): those packets match no
// identity and are routed normally, not by its rules.
function familyWarnings(clients: Client[], g: Globals): Warning[] {
	const out: Warning[] = [];
	for (let i = 0; i < length(clients); i++) {
		const c = clients[i];
		if (!c.enabled || c.kind !== 'device' || !g.enabled) continue;
		const f = identifiedFamilies(c, g.ipv6);
		const path = `client.${c.name}.address`;
		if (g.ipv6 && f.v4 && !f.v6)
			push(out, problem(path, msg('warn_v4_only')));
		else if (g.ipv6 && f.v6 && !f.v4)
			push(out, problem(path, msg('warn_v6_only')));
		else if (!g.ipv6 && !f.v4 && length(c.src6))
			push(out, problem(path, msg('warn_v6_only_off')));
	}
	return out;
}

// Parse and validate. `config` is null whenever there is any problem: a
// config with errors produces no plan. `warnings` never stop one.
// `lists`: what the router read of the list files the rules name (null:
// the UCI text alone is judged; see readRuleLists).
export function readConfig(all: UciSection[], lists?: ListFiles | null): { config: Config | null, problems: Problem[], warnings: Warning[] } {
	const problems: Problem[] = [];
	const warnings: Warning[] = [];
	const files = lists ?? null;
	const sections = uniqueSections(all, problems);
	const known = keys(SCHEMA);
	for (let i = 0; i < length(sections); i++)
		if (index(known, sections[i].type) < 0)
			push(problems, problem(sections[i].name, msg('unknown_section_type', [sections[i].type, join(', ', known)])));
	const gs = byType(sections, 'globals');
	if (length(gs) > 1) push(problems, problem('globals', msg('globals_twice')));
	const globals = readGlobals(length(gs) ? gs[0] : null, problems);
	const ss = byType(sections, 'server');
	if (length(ss) > 1) push(problems, problem('server', msg('server_twice')));
	const server = length(ss) ? readServer(ss[0], problems) : null;

	const upstreams = map(byType(sections, 'upstream'), (s) => readUpstream(s, problems));
	const names: { [n: string]: boolean } = {};
	for (let i = 0; i < length(upstreams); i++) {
		const u = upstreams[i];
		if (u.iface === SERVER_IFACE) push(problems, problem(`upstream.${u.name}`, msg('name_reserved', [SERVER_IFACE])));
		names[u.name] = true;
	}
	// Marks: value 1 means "decided: direct", upstream i gets value i + 1.
	const shift = globals.markMask ? markShift(globals.markMask) : 1;
	const maxValue = globals.markMask ? int(globals.markMask / shift) : 0;
	for (let i = 0; i < length(upstreams); i++) {
		const u = upstreams[i];
		u.index = i + 1;
		u.mark = (i + 2) * shift;
		u.table = globals.tableBase + i + 1;
	}
	// a wrong mask has been reported: its "room" would only contradict that
	if (length(upstreams) + 1 > maxValue && !reportedPaths(problems)['globals.mark_mask'])
		push(problems, problem('globals.mark_mask', msg('mask_room', [sprintf('0x%08x', globals.markMask), maxValue - 1, length(upstreams)])));

	checkVia(upstreams, problems);
	for (let i = 0; i < length(upstreams); i++)
		if (upstreams[i].via !== null && upstreams[i].enabled && !globals.killSwitch)
			push(problems, problem(`upstream.${upstreams[i].name}.via`, msg('via_kill_switch', [upstreams[i].via as string])));

	// a group's name stands where an upstream's would (checkReferences)
	const groups = readGroups(sections, upstreams, globals, problems, warnings);
	for (let i = 0; i < length(groups); i++) names[groups[i].name] = true;

	const rulesets: { [n: string]: UciSection[] } = {};
	const rsSections = byType(sections, 'ruleset');
	for (let i = 0; i < length(rsSections); i++) {
		const e = rsSections[i].anonymous ? msg('ruleset_unnamed') : badName(rsSections[i].name, 32);
		if (e) push(problems, problem(`ruleset.${rsSections[i].name}`, e as Msg));
		readOptions(rsSections[i], `ruleset.${rsSections[i].name}`, 'ruleset', problems);
		rulesets[rsSections[i].name] = [];
	}
	const subscriptions = readSubscriptions(sections, problems);
	const clients = map(byType(sections, 'client'), (s) => readClient(s, problems, globals));
	const byClient: { [n: string]: UciSection[] } = {};
	for (let i = 0; i < length(clients); i++) byClient[clients[i].name] = [];
	const ruleSecs = byType(sections, 'rule');
	for (let i = 0; i < length(ruleSecs); i++) {
		const s = ruleSecs[i];
		const cl = s.options.client, rs = s.options.ruleset;
		const refErr = (cl != null ? badOwner(cl) : null) ?? (rs != null ? badOwner(rs) : null);
		if (refErr) { push(problems, problem(`rule ${s.name}.${cl != null ? 'client' : 'ruleset'}`, refErr as Msg)); continue; }
		if ((cl == null) === (rs == null)) push(problems, problem(`rule ${s.name}`, msg('rule_owner')));
		else if (cl != null && !byClient[cl as string]) push(problems, problem(`rule ${s.name}.client`, msg('unknown_client', [cl as string])));
		else if (rs != null && !rulesets[rs as string]) push(problems, problem(`rule ${s.name}.ruleset`, msg('unknown_ruleset', [rs as string])));
		else push(cl != null ? byClient[cl as string] : rulesets[rs as string], s);
	}
	const rsRules: { [n: string]: Rule[] } = {};
	for (let n in rulesets) {
		rsRules[n] = [];
		for (let i = 0; i < length(rulesets[n]); i++) {
			const r = readRule(rulesets[n][i], `ruleset.${n}.rule[${i}]`, `rs_${n}_${i}`, problems, files, globals, warnings);
			if (r) push(rsRules[n], r);
		}
	}
	for (let i = 0; i < length(clients); i++) {
		const c = clients[i];
		const mine = byClient[c.name];
		for (let j = 0; j < length(mine); j++) {
			const r = readRule(mine[j], `client.${c.name}.rule[${j}]`, `c_${c.name}_${j}`, problems, files, globals, warnings);
			if (r) push(c.rules, r);
		}
		for (let j = 0; j < length(c.rulesets); j++) {
			const rs = rsRules[c.rulesets[j]];
			if (!rs) push(problems, problem(`client.${c.name}.ruleset[${j}]`, msg('unknown_ruleset', [c.rulesets[j]])));
			else for (let k = 0; k < length(rs); k++) push(c.rules, rs[k]);
		}
	}
	fetchedYet(subscriptions, problems);
	// checks across sections, after every option has been read
	const seen = reportedPaths(problems);
	for (let i = 0; i < length(clients); i++) {
		const c = clients[i];
		checkReferences(c, names, seen, problems);
		if (c.kind === 'peer' && c.enabled && !seen['server.address']) checkPeerAddress(c, server, problems);
	}
	checkOverlaps(clients, problems);
	const fw = familyWarnings(clients, globals);
	for (let i = 0; i < length(fw); i++) push(warnings, fw[i]);
	if (length(problems)) return { config: null, problems, warnings };
	const config: Config = { globals, server, upstreams, groups, clients, subscriptions, tunnelDns: [] };
	const td = tunnelDns(config);
	config.tunnelDns = td.routes;
	for (let i = 0; i < length(td.warnings); i++) push(warnings, td.warnings[i]);
	return { config, problems, warnings };
}

function checkReferences(c: Client, upstreams: { [n: string]: boolean }, seen: { [path: string]: boolean }, problems: Problem[]) {
	const base = `client.${c.name}`;
	if (c.upstream !== null && !upstreams[c.upstream]) push(problems, problem(`${base}.upstream`, msg('unknown_upstream', [c.upstream])));
	// a malformed action or upstream reads as its default: it needs nothing
	const needsDefault = c.defaultAction === 'proxy' ||
		length(filter(c.rules, (r) => r.action === 'proxy' && r.upstream === null && !seen[`${r.id}.action`] && !seen[`${r.id}.upstream`]));
	if (needsDefault && c.upstream === null && !seen[`${base}.upstream`])
		push(problems, problem(`${base}.upstream`, msg('upstream_required')));
	for (let i = 0; i < length(c.rules); i++) {
		const r = c.rules[i];
		if (r.upstream !== null && !upstreams[r.upstream]) push(problems, problem(`${r.id}.upstream`, msg('unknown_upstream', [r.upstream])));
	}
}

function checkPeerAddress(c: Client, server: Server | null, problems: Problem[]) {
	if (!server || !server.enabled) { push(problems, problem(`client.${c.name}`, msg('peer_no_server'))); return; }
	const all = [...c.src4, ...c.src6];
	for (let i = 0; i < length(all); i++) {
		let inside = false;
		for (let j = 0; j < length(server.addresses); j++) {
			const pool = interfaceNetwork(server.addresses[j]);
			if (pool && prefixContains(pool, all[i].bytes)) inside = true;
		}
		if (!inside) push(problems, problem(`client.${c.name}.address`, msg('outside_pools', [all[i].text])));
	}
}

export function check(sections: UciSection[], lists?: ListFiles | null): Problem[] {
	return readConfig(sections, lists).problems;
}

// The list files the rule sections name, each once, in order (the router
// reads these before readConfig). Values that are no list file are left to
// readConfig to report.
export function listPaths(sections: UciSection[]): string[] {
	const out: string[] = [];
	const seen: { [p: string]: boolean } = {};
	for (let i = 0; i < length(sections); i++) {
		const s = sections[i];
		const v = s.type === 'rule' ? s.options.list_file : null;
		if (v === null || v === undefined) continue;
		const vals = type(v) === 'array' ? v as string[] : split(v as string, BLANKS);
		for (let j = 0; j < length(vals); j++) {
			if (vals[j] === '' || match(vals[j], CONTROL) || badListFile(vals[j])) continue;
			const p = listPath(vals[j]);
			if (!seen[p]) { seen[p] = true; push(out, p); }
		}
	}
	return out;
}
