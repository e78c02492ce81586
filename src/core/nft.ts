// Renders `table inet splitwg`: one self-contained script, safe to load with
// `nft -f` on its own and from /usr/share/nftables.d/ruleset-post/ (fw4
// re-creates it on every firewall reload). The declare-then-flush header
// (refill()) keeps set elements learned from dnsmasq across reloads and
// drops every other element the config no longer has.
//
// Packet path (prerouting, mangle priority):
//   1. connection already decided → restore its mark from conntrack, done
//   2. a reply (e.g. of a port forward to a client) → marked direct (the
//      routing kill switch prohibits a client's unmarked packets); our mark
//      bits already set, addressed to the router or to one of its local networks (set
//      local4/local6: the main table routes them whatever the mark) → leave it
//   3. source → client chain, one map lookup per kind of identity (address,
//      MAC, interface: the first that matches decides)
//   4. client chain: rules in order, first match wins → goto a mark chain
//      (saves the mark in conntrack), or drop; fall-through = client default.
//      From the client's first rule with a time condition on, the *_pkt mark
//      chains mark the packet only: such a connection is decided per packet
// New connections to port 53 or 853 (dstnat), not to the router nor a local
// network: the same identities, in the same order, decide whether the
// client's DNS is answered by the router and its DoT/DoQ dropped. With
// globals.ipv6 '0' every lookup is IPv4 only: IPv6 is routed normally.
import type { Client, Config, Rule } from './model';
import type { Prefix } from './ip';
import { verdictOf, directMark, markHex, activeRules, timedFrom, localNetworks } from './decide';
import { domainPlan } from './domains';
import type { DomainPlan, SharedSet } from './domains';

const T = '\t';

// nft refuses a comment over 128 bytes (the whole table would not load);
// long ones are cut, on a UTF-8 character boundary. Comments name generated
// ids only (client.tv.rule[2], section names): never a rule's label, which
// is user text in a file nft parses (explain shows the label to people).
const COMMENT_MAX = 128;

export function comment(s: string): string {
	if (length(s) <= COMMENT_MAX) return `comment "${s}"`;
	let n = COMMENT_MAX - 3;
	while (n > 0 && ((ord(s, n) as number) & 0xc0) === 0x80) n--;
	return `comment "${substr(s, 0, n)}..."`;
}

function elements(items: string[]): string {
	return length(items) ? ` elements = { ${join(', ', items)} };` : '';
}

function texts(ps: Prefix[]): string[] {
	return map(ps, (p) => p.text);
}

// The nft set names a rule's destinations live in: the domain set pairs
// dnsmasq fills for it (domains.ts), its own CIDR sets.
export function ruleSets(r: Rule, ipv6: boolean, dp: DomainPlan): { name: string, family: 4 | 6, kind: 'domain' | 'net' }[] {
	const out: { name: string, family: 4 | 6, kind: 'domain' | 'net' }[] = [];
	const stems = dp.byRule[r.id] ?? [];
	for (let i = 0; i < length(stems); i++) {
		push(out, { name: `${stems[i]}_d4`, family: 4, kind: 'domain' });
		if (ipv6) push(out, { name: `${stems[i]}_d6`, family: 6, kind: 'domain' });
	}
	if (length(r.match.dest4)) push(out, { name: `${r.setBase}_n4`, family: 4, kind: 'net' });
	if (ipv6 && length(r.match.dest6)) push(out, { name: `${r.setBase}_n6`, family: 6, kind: 'net' });
	return out;
}

// `rule`: the rule whose CIDRs fill a net set, or the first rule of a
// domain set; `why`: its comment (generated ids only).
export interface PlanSet { name: string, family: 4 | 6, kind: 'domain' | 'net', rule: Rule, key: string, why: string }

// A shared set's comment names its rules (generated ids): the first few, then how many.
function sharedWhy(s: SharedSet): string {
	const n = length(s.rules);
	const ids = map(slice(s.rules, 0, 3), (r) => r.id);
	return `domains shared by ${join(', ', ids)}${n > 3 ? sprintf(' and %d more rules', n - 3) : ''}: filled by dnsmasq`;
}

// Every nft set of the enabled clients' rules, once each (rule sets are
// shared). `key` is what fills the set: when it changes, learned elements
// are stale (see transition.ts). A rule's own domain set holds answers for
// names the rule covers, so its key is the rule's domains; a shared set's
// key is the domains whose lines feed it.
export function planSets(cfg: Config, dp?: DomainPlan | null): PlanSet[] {
	const d = dp ?? domainPlan(cfg);
	const out: PlanSet[] = [];
	const rules = activeRules(cfg);
	for (let i = 0; i < length(rules); i++) {
		const r = rules[i];
		const sets = ruleSets(r, cfg.globals.ipv6, d);
		for (let k = 0; k < length(sets); k++) {
			const s = sets[k];
			if (s.kind === 'domain' && substr(s.name, 0, length(s.name) - 3) !== r.setBase) continue;   // a shared pair: below
			const key = s.kind === 'domain' ? join(' ', r.match.domains) : join(' ', texts(s.family === 4 ? r.match.dest4 : r.match.dest6));
			push(out, { name: s.name, family: s.family, kind: s.kind, rule: r, key, why: s.kind === 'domain' ? `${r.id}: filled by dnsmasq` : r.id });
		}
	}
	const fams: (4 | 6)[] = cfg.globals.ipv6 ? [4, 6] : [4];
	for (let i = 0; i < length(d.shared); i++) {
		const s = d.shared[i];
		for (let f = 0; f < length(fams); f++)
			push(out, { name: `${s.stem}_d${fams[f]}`, family: fams[f], kind: 'domain', rule: s.rules[0], key: join(' ', s.domains), why: sharedWhy(s) });
	}
	return out;
}

function setDecl(s: PlanSet, timeout: number): string {
	const t = s.family === 4 ? 'ipv4_addr' : 'ipv6_addr';
	if (s.kind === 'domain') {
		const to = timeout > 0 ? `flags timeout; timeout ${timeout}s;` : '';
		return `${T}set ${s.name} {${T}# ${s.why}\n${T}${T}type ${t}; ${to}\n${T}}`;
	}
	const el = texts(s.family === 4 ? s.rule.match.dest4 : s.rule.match.dest6);
	return `${T}set ${s.name} {${T}# ${s.why}\n${T}${T}type ${t}; flags interval; auto-merge;${elements(el)}\n${T}}`;
}

function protoMatch(r: Rule): string {
	const m = r.match;
	let protos = m.protos;
	if (length(m.ports) && !length(protos)) protos = ['tcp', 'udp'];
	let s = '';
	if (length(protos)) s += length(protos) === 1 ? ` meta l4proto ${protos[0]}` : ` meta l4proto { ${join(', ', protos)} }`;
	if (length(m.ports)) s += length(m.ports) === 1 ? ` th dport ${m.ports[0]}` : ` th dport { ${join(', ', m.ports)} }`;
	return s;
}

// Time window [start, stop) as ONE nft range: nft converts each bound from
// the loading process's local time to UTC, so two half-open comparisons
// would shift apart on a router outside UTC; a range is converted whole
// (also across midnight). Ranges include their end: stop minus one second.
function timeMatch(r: Rule): string {
	const m = r.match;
	const day = length(m.weekdays) ? ` meta day { ${join(', ', map(sort([...m.weekdays]), (d) => `${d}`))} }` : '';
	if (m.startTime === null || m.stopTime === null) return day;
	let end = int(substr(m.stopTime, 0, 2)) * 3600 + int(substr(m.stopTime, 3, 2)) * 60 - 1;
	if (end < 0) end += 86400;
	const e = sprintf('%02d:%02d:%02d', int(end / 3600), int(end / 60) % 60, end % 60);
	return `${day} meta hour "${m.startTime}"-"${e}"`;
}

// `pkt`: a verdict at or after the client's first timed rule marks the
// packet only (the *_pkt mark chains), so the connection is decided again
// on its next packet.
function verdictText(cfg: Config, c: Client, r: Rule | null, pkt: boolean): string {
	const v = verdictOf(cfg, c, r);
	const sfx = pkt ? '_pkt' : '';
	if (v.action === 'block') return 'drop';
	if (v.action === 'direct') return `goto mark_direct${sfx}`;
	return `goto up_${(v.upstream as { name: string }).name}${sfx}`;
}

function clientChain(cfg: Config, c: Client, dp: DomainPlan): string {
	const ipv6 = cfg.globals.ipv6;
	const lines: string[] = [];
	const timed = timedFrom(c);
	for (let i = 0; i < length(c.rules); i++) {
		const r = c.rules[i];
		const v = verdictOf(cfg, c, r);
		const note = v.note ? `, ${v.note}` : '';
		const tail = `${protoMatch(r)}`;
		const dests: string[] = [];
		const sets = ruleSets(r, ipv6, dp);
		for (let j = 0; j < length(sets); j++)
			push(dests, `${sets[j].family === 4 ? 'ip' : 'ip6'} daddr @${sets[j].name}`);
		const onlyAddrs = length(r.match.domains) === 0 && (length(r.match.dest4) > 0 || length(r.match.dest6) > 0);
		if (!length(dests)) {
			if (onlyAddrs) continue;    // IPv6-only destinations with IPv6 off: nothing to match
			push(dests, ipv6 ? '' : 'meta nfproto ipv4');
		}
		const time = timeMatch(r);
		for (let d = 0; d < length(dests); d++) {
			const m = trim(`${dests[d]}${tail}${time}`);
			push(lines, `${T}${T}${m === '' ? '' : m + ' '}counter ${verdictText(cfg, c, r, i >= timed)} ${comment(`${r.id}: ${r.action}${r.action === 'proxy' ? ' via ' + (v.wanted ?? '') : ''}${note}`)}`);
		}
	}
	const dv = verdictOf(cfg, c, null);
	push(lines, `${T}${T}counter ${verdictText(cfg, c, null, timed < length(c.rules))} ${comment(`client ${c.name} default: ${c.defaultAction}${dv.note ? ', ' + dv.note : ''}`)}`);
	return `${T}chain client_${c.name} {\n${join('\n', lines)}\n${T}}`;
}

// Sets the packet's mark and, unless `pkt`, saves it in conntrack for the
// connection's later packets.
function markChain(name: string, value: number, mask: number, why: string, pkt: boolean): string {
	const keep = markHex(0xffffffff - mask);
	return `${T}chain ${name} {${T}# ${why}\n` +
		`${T}${T}meta mark set meta mark and ${keep} or ${markHex(value)}\n` +
		(pkt ? '' : `${T}${T}ct mark set ct mark and ${keep} or ${markHex(value)}\n`) + `${T}}`;
}

// Every enabled client's identities, one list per kind, each element
// `key : verdict`. The kinds are looked up in this order (source address,
// then MAC, then incoming interface): the first that matches decides whose
// packet it is, for classification and DNS hijack alike.
interface Identities { a4: string[], a6: string[], mac: string[], iif: string[] }

function identities(clients: Client[], ipv6: boolean, verdict: (c: Client) => string): Identities {
	const d: Identities = { a4: [], a6: [], mac: [], iif: [] };
	for (let i = 0; i < length(clients); i++) {
		const c = clients[i];
		const v = verdict(c);
		for (let j = 0; j < length(c.src4); j++) push(d.a4, `${c.src4[j].text} : ${v}`);
		if (ipv6) for (let j = 0; j < length(c.src6); j++) push(d.a6, `${c.src6[j].text} : ${v}`);
		for (let j = 0; j < length(c.macs); j++) push(d.mac, `${c.macs[j]} : ${v}`);
		for (let j = 0; j < length(c.ifaces); j++) push(d.iif, `"${c.ifaces[j]}" : ${v}`);
	}
	return d;
}

const MAP_KINDS: { kind: 'a4' | 'a6' | 'mac' | 'iif', suffix: string, type: string, match: string }[] = [
	{ kind: 'a4', suffix: '4', type: 'ipv4_addr : verdict; flags interval;', match: 'ip saddr' },
	{ kind: 'a6', suffix: '6', type: 'ipv6_addr : verdict; flags interval;', match: 'ip6 saddr' },
	{ kind: 'mac', suffix: '_mac', type: 'ether_addr : verdict;', match: 'ether saddr' },
	{ kind: 'iif', suffix: '_iif', type: 'ifname : verdict;', match: 'iifname' },
];

// Elements inline: refill() declares the chains they jump to first.
function identityMaps(stem: string, why: string, d: Identities): string[] {
	return map(MAP_KINDS, (k, i) => `${T}map ${stem}${k.suffix} {${i === 0 ? `${T}# ${why}` : ''}\n${T}${T}type ${k.type}${elements(d[k.kind])}\n${T}}`);
}

// The lookups, in the order of precedence. With IPv6 off, IPv6 is routed
// normally: a MAC or an interface identifies the client's IPv4 only.
function identityLookups(stem: string, ipv6: boolean): string {
	return join('', map(filter(MAP_KINDS, (k) => ipv6 || k.kind !== 'a6'), (k) =>
		`${T}${T}${!ipv6 && (k.kind === 'mac' || k.kind === 'iif') ? 'meta nfproto ipv4 ' : ''}${k.match} vmap @${stem}${k.suffix}\n`));
}

// Traffic to the router itself or to one of its local networks: routed by
// the main table, never classified (prerouting) nor hijacked (dns_client):
// a Pi-hole on the LAN keeps answering, DoT to a LAN host is not dropped.
function localReturns(ipv6: boolean, self: string): string {
	const why = comment('to a local network: routed by the main table');
	return `${T}${T}fib daddr type ${self} return ${comment('to the router itself')}\n` +
		`${T}${T}ip daddr @local4 return ${why}\n` +
		(ipv6 ? `${T}${T}ip6 daddr @local6 return ${why}\n` : '');
}

// the config file named in the header comment, kept to one line without control characters whatever the
// name holds (a newline in it would end the comment: the rest would be read by nft)
const CONTROL_CHARS = /[\x01-\x1f\x7f]/g;

// `dp`: the domain plan (domains.ts); `local`: the router's local networks (localNetworks());
// `source`: the config file compiled (default /etc/config/splitwg; the developer CLI's --config).
export function renderNft(cfg: Config, version: string, dp?: DomainPlan | null, local?: string[] | null, source?: string | null): string {
	const domains = dp ?? domainPlan(cfg);
	const g = cfg.globals;
	const mask = g.markMask;
	const clients = filter(cfg.clients, (c) => c.enabled);
	const ups = filter(cfg.upstreams, (u) => u.enabled);
	const direct = directMark(mask);
	const out: string[] = [];
	const add = (s: string) => { push(out, s); };
	add(`# Generated by splitwg ${version} from ${replace(source ?? '/etc/config/splitwg', CONTROL_CHARS, '?')} — do not edit; run \`splitwg plan\` to see it.`);
	add('table inet splitwg');
	add('flush table inet splitwg');
	const sets = planSets(cfg, domains);
	const nets = localNetworks(cfg, local ?? null);
	const HEADER = length(out);
	add('table inet splitwg {');
	add(`${T}# marks (mask ${markHex(mask)}): ${markHex(direct)} direct${join('', map(ups, (u) => `, ${markHex(u.mark)} ${u.name} (table ${u.table})`))}`);
	add('');
	add(`${T}set local4 {${T}# the router's local networks: routed by the main table, never classified\n${T}${T}type ipv4_addr; flags interval; auto-merge;${elements(texts(filter(nets, (p) => p.family === 4)))}\n${T}}`);
	add(`${T}set local6 {\n${T}${T}type ipv6_addr; flags interval; auto-merge;${elements(texts(filter(nets, (p) => p.family === 6)))}\n${T}}`);
	for (let i = 0; i < length(sets); i++) add(setDecl(sets[i], g.setTimeout));
	const who = identities(clients, g.ipv6, (c) => `goto client_${c.name}`);
	// every client is in the hijack maps, hijacked or not: `return` ends the
	// lookups, so a later kind of identity (another client's interface) cannot
	// hijack a client with dns_hijack '0'
	const dns = identities(clients, g.ipv6, (c) => c.dnsHijack ? 'goto dns_hijack' : 'return');
	const maps = [...identityMaps('client', 'source → client chain', who), ...identityMaps('hijack', 'source → DNS hijacked (goto dns_hijack) or not (return)', dns)];
	for (let i = 0; i < length(maps); i++) add(maps[i]);
	add('');
	const restore = [`${markHex(direct)} : goto mark_direct`, ...map(ups, (u) => `${markHex(u.mark)} : goto up_${u.name}`)];
	add(`${T}chain prerouting {\n${T}${T}type filter hook prerouting priority mangle; policy accept;\n` +
		`${T}${T}ct direction original ct mark and ${markHex(mask)} vmap { ${join(', ', restore)} } ${comment('connection already decided')}\n` +
		`${T}${T}ct direction reply meta mark set meta mark and ${markHex(0xffffffff - mask)} or ${markHex(direct)} return ${comment('replies follow their connection (a port forward to a client stays on WAN); marked direct, past the routing kill switch')}\n` +
		`${T}${T}meta mark and ${markHex(mask)} != 0 return ${comment('marked before us')}\n` +
		localReturns(g.ipv6, '{ local, broadcast, multicast }') +
		identityLookups('client', g.ipv6) + `${T}}`);
	add(markChain('mark_direct', direct, mask, 'decided: direct', false));
	for (let i = 0; i < length(ups); i++)
		add(markChain(`up_${ups[i].name}`, ups[i].mark, mask, `upstream ${ups[i].name} → ${ups[i].iface}, table ${ups[i].table}`, false));
	if (length(filter(clients, (c) => timedFrom(c) < length(c.rules)))) {
		add(markChain('mark_direct_pkt', direct, mask, 'this packet: direct (a time window decides again on the next)', true));
		for (let i = 0; i < length(ups); i++)
			add(markChain(`up_${ups[i].name}_pkt`, ups[i].mark, mask, `this packet: upstream ${ups[i].name}`, true));
	}
	for (let i = 0; i < length(clients); i++) {
		const c = clients[i];
		const t = timedFrom(c);
		const pkt = t < length(c.rules) ? `; decided per packet from ${c.rules[t].id} on (time window)` : '';
		add(`${T}# client ${c.name} (${c.kind}): ${length(c.rules)} rule(s), default ${c.defaultAction}${pkt}`);
		add(clientChain(cfg, c, domains));
	}
	add('');
	// New connections only (nat): DNS to any server but the router's own and
	// its local networks' is answered by the router, DoT/DoQ (853) of the
	// same clients is dropped
	add(`${T}chain dstnat {\n${T}${T}type nat hook prerouting priority dstnat - 5; policy accept;\n` +
		`${T}${T}meta l4proto { tcp, udp } th dport { 53, 853 } goto dns_client\n${T}}`);
	add(`${T}chain dns_client {\n` + localReturns(g.ipv6, 'local') + identityLookups('hijack', g.ipv6) + `${T}}`);
	add(`${T}chain dns_hijack {${T}# encrypted DNS would bypass the domain rules\n` +
		`${T}${T}meta l4proto { tcp, udp } th dport 53 counter redirect to :53 ${comment('DNS hijack')}\n` +
		`${T}${T}counter drop ${comment('DoT/DoQ blocked')}\n${T}}`);
	// The leak guard is the kill switch's second half (the first: the
	// `unreachable` route in each upstream table). With the kill switch off,
	// proxied traffic of a tunnel that is down falls through to the main
	// table and leaves direct, as explain() says; nothing drops it here.
	if (g.killSwitch && length(ups)) {
		const guard = map(ups, (u) =>
			`${T}${T}meta mark and ${markHex(mask)} == ${markHex(u.mark)} oifname != "${u.iface}" counter drop ${comment(`leak guard: ${u.name} traffic only leaves by ${u.iface}`)}`);
		add(`${T}chain forward {\n${T}${T}type filter hook forward priority mangle; policy accept;\n${join('\n', guard)}\n${T}}`);
	}
	add('}');
	const body = join('\n', slice(out, HEADER));
	return join('\n', [...slice(out, 0, HEADER), ...refill(body, map(filter(sets, (x) => x.kind === 'domain'), (x) => x.name))]) + '\n' + body + '\n';
}

// What fills a set or map: nft keeps the elements across `flush table`
// (dnsmasq's must survive a reload), so every one filled from the config —
// client and hijack maps/sets, CIDR sets, any added later — is declared and
// emptied before the body refills it: an edited or removed address must not
// stay, also when fw4 loads this file on top of an older table. Domain sets
// (filled by dnsmasq) are left alone; nftTransition() handles their changes.
// The regular chains are declared too: on a fresh table, map elements may
// only name chains that exist before the map is filled.
function refill(body: string, domainSets: string[]): string[] {
	const all = declarations(body);
	const decls = filter(all, (d) => d.kind !== 'chain' && index(domainSets, d.name) < 0);
	if (!length(decls)) return [];
	const chains = filter(all, (d) => d.kind === 'chain' && d.spec === '');
	const out = [`table inet splitwg {${join('', map([...chains, ...decls], (d) => `\n${T}${d.kind} ${d.name} {${d.spec === '' ? '' : ' ' + d.spec + ' '}}`))}\n}`];
	for (let i = 0; i < length(decls); i++) push(out, `flush ${decls[i].kind} inet splitwg ${decls[i].name}`);
	return out;
}

export interface Declaration { kind: 'set' | 'map' | 'chain', name: string, spec: string, elements: string[] }

// The sets, maps and chains a rendered script declares (`\tset NAME {` …
// `\t}` blocks, the layout renderNft writes), each set/map with its
// definition minus comments and elements: what a bare redeclaration needs;
// a base chain's spec is its `type … hook …` line, a regular chain's "";
// `elements` as written ("192.168.77.10 : goto client_tv", "\"br-guest\"").
export function declarations(script: string): Declaration[] {
	const out: Declaration[] = [];
	const lines = split(script, '\n');
	for (let i = 0; i < length(lines); i++) {
		const l = lines[i];
		let kind = '';
		if (substr(l, 0, 5) === '\tset ') kind = 'set';
		else if (substr(l, 0, 5) === '\tmap ') kind = 'map';
		else if (substr(l, 0, 7) === '\tchain ') kind = 'chain';
		else continue;
		const head = substr(l, length(kind) + 2);
		const sp = index(head, ' ');
		if (sp < 0 || substr(head, sp, 2) !== ' {') continue;
		const parts: string[] = [];
		let elements: string[] = [];
		const rest = trim(substr(head, sp + 2));
		if (substr(rest, -1) === '}') {     // one line: `\tset x { … }` (a refill() header)
			push(out, { kind: kind as 'set' | 'map' | 'chain', name: substr(head, 0, sp), spec: trim(substr(rest, 0, length(rest) - 1)), elements: [] });
			continue;
		}
		i++;
		for (; i < length(lines) && lines[i] !== '\t}'; i++) {
			let t = lines[i];
			if (kind === 'chain') {
				if (!length(parts) && substr(trim(t), 0, 5) === 'type ' && index(t, ' hook ') >= 0) push(parts, trim(t));
				push(parts, '');    // only the first line can be a base chain's
				continue;
			}
			const e = index(t, 'elements = {');
			if (e >= 0) {
				const list = substr(t, e + 12);
				elements = filter(map(split(substr(list, 0, index(list, '}')), ','), (x) => trim(x)), (x) => x !== '');
				t = substr(t, 0, e);
			}
			const c = index(t, '#');
			if (c >= 0) t = substr(t, 0, c);
			t = trim(t);
			if (t !== '') push(parts, t);
		}
		push(out, { kind: kind as 'set' | 'map' | 'chain', name: substr(head, 0, sp), spec: trim(join(' ', parts)), elements });
	}
	return out;
}
