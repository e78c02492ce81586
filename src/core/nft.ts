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
//      bits already set, or addressed to the router → leave it
//   3. DoT/DoQ from DNS-hijacked clients → drop
//   4. source → client chain, one map lookup (address, MAC or interface)
//   5. client chain: rules in order, first match wins → goto a mark chain
//      (saves the mark in conntrack), or drop; fall-through = client default
import type { Client, Config, Rule } from './model';
import type { Prefix } from './ip';
import { verdictOf, directMark, markHex, activeRules } from './decide';

const T = '\t';

function comment(s: string): string {
	return `comment "${s}"`;
}

function elements(items: string[]): string {
	return length(items) ? ` elements = { ${join(', ', items)} };` : '';
}

function texts(ps: Prefix[]): string[] {
	return map(ps, (p) => p.text);
}

export function ruleLabel(r: Rule): string {
	return r.name !== '' ? `${r.id} (${r.name})` : r.id;
}

// The nft set names a rule's destinations live in.
export function ruleSets(r: Rule, ipv6: boolean): { name: string, family: 4 | 6, kind: 'domain' | 'net' }[] {
	const out: { name: string, family: 4 | 6, kind: 'domain' | 'net' }[] = [];
	if (length(r.match.domains)) {
		push(out, { name: `${r.setBase}_d4`, family: 4, kind: 'domain' });
		if (ipv6) push(out, { name: `${r.setBase}_d6`, family: 6, kind: 'domain' });
	}
	if (length(r.match.dest4)) push(out, { name: `${r.setBase}_n4`, family: 4, kind: 'net' });
	if (ipv6 && length(r.match.dest6)) push(out, { name: `${r.setBase}_n6`, family: 6, kind: 'net' });
	return out;
}

export interface PlanSet { name: string, family: 4 | 6, kind: 'domain' | 'net', rule: Rule, key: string }

// Every nft set of the enabled clients' rules, once each (rule sets are
// shared). `key` is what fills the set: when it changes, learned elements
// are stale (see transition.ts).
export function planSets(cfg: Config): PlanSet[] {
	const out: PlanSet[] = [];
	const rules = activeRules(cfg);
	for (let i = 0; i < length(rules); i++) {
		const r = rules[i];
		const sets = ruleSets(r, cfg.globals.ipv6);
		for (let k = 0; k < length(sets); k++) {
			const key = sets[k].kind === 'domain' ? join(' ', r.match.domains) : join(' ', texts(sets[k].family === 4 ? r.match.dest4 : r.match.dest6));
			push(out, { name: sets[k].name, family: sets[k].family, kind: sets[k].kind, rule: r, key });
		}
	}
	return out;
}

function setDecl(r: Rule, s: { name: string, family: 4 | 6, kind: 'domain' | 'net' }, timeout: number): string {
	const t = s.family === 4 ? 'ipv4_addr' : 'ipv6_addr';
	if (s.kind === 'domain') {
		const to = timeout > 0 ? `flags timeout; timeout ${timeout}s;` : '';
		return `${T}set ${s.name} {${T}# ${ruleLabel(r)}: filled by dnsmasq\n${T}${T}type ${t}; ${to}\n${T}}`;
	}
	const el = texts(s.family === 4 ? r.match.dest4 : r.match.dest6);
	return `${T}set ${s.name} {${T}# ${ruleLabel(r)}\n${T}${T}type ${t}; flags interval; auto-merge;${elements(el)}\n${T}}`;
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

function verdictText(cfg: Config, c: Client, r: Rule | null): string {
	const v = verdictOf(cfg, c, r);
	if (v.action === 'block') return 'drop';
	if (v.action === 'direct') return 'goto mark_direct';
	return `goto up_${(v.upstream as { name: string }).name}`;
}

function clientChain(cfg: Config, c: Client): string {
	const ipv6 = cfg.globals.ipv6;
	const lines: string[] = [];
	for (let i = 0; i < length(c.rules); i++) {
		const r = c.rules[i];
		const v = verdictOf(cfg, c, r);
		const note = v.note ? `, ${v.note}` : '';
		const tail = `${protoMatch(r)}`;
		const dests: string[] = [];
		const sets = ruleSets(r, ipv6);
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
			push(lines, `${T}${T}${m === '' ? '' : m + ' '}counter ${verdictText(cfg, c, r)} ${comment(`${ruleLabel(r)}: ${r.action}${r.action === 'proxy' ? ' via ' + (v.wanted ?? '') : ''}${note}`)}`);
		}
	}
	const dv = verdictOf(cfg, c, null);
	push(lines, `${T}${T}counter ${verdictText(cfg, c, null)} ${comment(`client ${c.name} default: ${c.defaultAction}${dv.note ? ', ' + dv.note : ''}`)}`);
	return `${T}chain client_${c.name} {\n${join('\n', lines)}\n${T}}`;
}

function markChain(name: string, value: number, mask: number, why: string): string {
	const keep = markHex(0xffffffff - mask);
	return `${T}chain ${name} {${T}# ${why}\n` +
		`${T}${T}meta mark set meta mark and ${keep} or ${markHex(value)}\n` +
		`${T}${T}ct mark set ct mark and ${keep} or ${markHex(value)}\n${T}}`;
}

// Source → client chain maps; `hijack` sets for DNS interception.
function dispatch(clients: Client[], ipv6: boolean) {
	const d = { a4: [] as string[], a6: [] as string[], mac: [] as string[], iif: [] as string[],
		h4: [] as string[], h6: [] as string[], hmac: [] as string[], hiif: [] as string[] };
	for (let i = 0; i < length(clients); i++) {
		const c = clients[i];
		const g = `goto client_${c.name}`;
		for (let j = 0; j < length(c.src4); j++) { push(d.a4, `${c.src4[j].text} : ${g}`); if (c.dnsHijack) push(d.h4, c.src4[j].text); }
		if (ipv6) for (let j = 0; j < length(c.src6); j++) { push(d.a6, `${c.src6[j].text} : ${g}`); if (c.dnsHijack) push(d.h6, c.src6[j].text); }
		for (let j = 0; j < length(c.macs); j++) { push(d.mac, `${c.macs[j]} : ${g}`); if (c.dnsHijack) push(d.hmac, c.macs[j]); }
		for (let j = 0; j < length(c.ifaces); j++) { push(d.iif, `"${c.ifaces[j]}" : ${g}`); if (c.dnsHijack) push(d.hiif, `"${c.ifaces[j]}"`); }
	}
	return d;
}

export function renderNft(cfg: Config, version: string): string {
	const g = cfg.globals;
	const mask = g.markMask;
	const clients = filter(cfg.clients, (c) => c.enabled);
	const ups = filter(cfg.upstreams, (u) => u.enabled);
	const direct = directMark(mask);
	const out: string[] = [];
	const add = (s: string) => { push(out, s); };
	add(`# Generated by splitwg ${version} from /etc/config/splitwg — do not edit; run \`splitwg plan\` to see it.`);
	add('table inet splitwg');
	add('flush table inet splitwg');
	const sets = planSets(cfg);
	const HEADER = length(out);
	add('table inet splitwg {');
	add(`${T}# marks (mask ${markHex(mask)}): ${markHex(direct)} direct${join('', map(ups, (u) => `, ${markHex(u.mark)} ${u.name} (table ${u.table})`))}`);
	add('');
	for (let i = 0; i < length(sets); i++) add(setDecl(sets[i].rule, sets[i], g.setTimeout));
	const d = dispatch(clients, g.ipv6);
	add(`${T}map client4 {${T}# source address → client chain\n${T}${T}type ipv4_addr : verdict; flags interval;${elements(d.a4)}\n${T}}`);
	add(`${T}map client6 {\n${T}${T}type ipv6_addr : verdict; flags interval;${elements(d.a6)}\n${T}}`);
	add(`${T}map client_mac {\n${T}${T}type ether_addr : verdict;${elements(d.mac)}\n${T}}`);
	add(`${T}map client_iif {\n${T}${T}type ifname : verdict;${elements(d.iif)}\n${T}}`);
	add(`${T}set hijack4 {${T}# clients whose DNS is answered by the router\n${T}${T}type ipv4_addr; flags interval;${elements(d.h4)}\n${T}}`);
	add(`${T}set hijack6 {\n${T}${T}type ipv6_addr; flags interval;${elements(d.h6)}\n${T}}`);
	add(`${T}set hijack_mac {\n${T}${T}type ether_addr;${elements(d.hmac)}\n${T}}`);
	add(`${T}set hijack_iif {\n${T}${T}type ifname;${elements(d.hiif)}\n${T}}`);
	add('');
	const restore = [`${markHex(direct)} : goto mark_direct`, ...map(ups, (u) => `${markHex(u.mark)} : goto up_${u.name}`)];
	add(`${T}chain prerouting {\n${T}${T}type filter hook prerouting priority mangle; policy accept;\n` +
		`${T}${T}ct direction original ct mark and ${markHex(mask)} vmap { ${join(', ', restore)} } ${comment('connection already decided')}\n` +
		`${T}${T}ct direction reply meta mark set meta mark and ${markHex(0xffffffff - mask)} or ${markHex(direct)} return ${comment('replies follow their connection (a port forward to a client stays on WAN); marked direct, past the routing kill switch')}\n` +
		`${T}${T}meta mark and ${markHex(mask)} != 0 return ${comment('marked before us')}\n` +
		`${T}${T}fib daddr type { local, broadcast, multicast } return ${comment('to the router itself')}\n` +
		`${T}${T}jump dot_block\n` +
		`${T}${T}ip saddr vmap @client4\n` +
		(g.ipv6 ? `${T}${T}ip6 saddr vmap @client6\n` : '') +
		`${T}${T}ether saddr vmap @client_mac\n` +
		`${T}${T}iifname vmap @client_iif\n${T}}`);
	add(`${T}chain dot_block {${T}# encrypted DNS would bypass the domain rules\n` +
		`${T}${T}ip saddr @hijack4 meta l4proto { tcp, udp } th dport 853 counter drop ${comment('DoT/DoQ blocked')}\n` +
		(g.ipv6 ? `${T}${T}ip6 saddr @hijack6 meta l4proto { tcp, udp } th dport 853 counter drop ${comment('DoT/DoQ blocked')}\n` : '') +
		`${T}${T}ether saddr @hijack_mac meta l4proto { tcp, udp } th dport 853 counter drop ${comment('DoT/DoQ blocked')}\n` +
		`${T}${T}iifname @hijack_iif meta l4proto { tcp, udp } th dport 853 counter drop ${comment('DoT/DoQ blocked')}\n${T}}`);
	add(markChain('mark_direct', direct, mask, 'decided: direct'));
	for (let i = 0; i < length(ups); i++)
		add(markChain(`up_${ups[i].name}`, ups[i].mark, mask, `upstream ${ups[i].name} → ${ups[i].iface}, table ${ups[i].table}`));
	for (let i = 0; i < length(clients); i++) {
		const c = clients[i];
		add(`${T}# client ${c.name} (${c.kind}): ${length(c.rules)} rule(s), default ${c.defaultAction}`);
		add(clientChain(cfg, c));
	}
	add('');
	add(`${T}chain dstnat {\n${T}${T}type nat hook prerouting priority dstnat - 5; policy accept;\n` +
		`${T}${T}ip saddr @hijack4 meta l4proto { tcp, udp } th dport 53 counter redirect to :53 ${comment('DNS hijack')}\n` +
		(g.ipv6 ? `${T}${T}ip6 saddr @hijack6 meta l4proto { tcp, udp } th dport 53 counter redirect to :53 ${comment('DNS hijack')}\n` : '') +
		`${T}${T}ether saddr @hijack_mac meta l4proto { tcp, udp } th dport 53 counter redirect to :53 ${comment('DNS hijack')}\n` +
		`${T}${T}iifname @hijack_iif meta l4proto { tcp, udp } th dport 53 counter redirect to :53 ${comment('DNS hijack')}\n${T}}`);
	const guard = map(ups, (u) =>
		`${T}${T}meta mark and ${markHex(mask)} == ${markHex(u.mark)} oifname != "${u.iface}" counter drop ${comment(`leak guard: ${u.name} traffic only leaves by ${u.iface}`)}`);
	add(`${T}chain forward {\n${T}${T}type filter hook forward priority mangle; policy accept;\n${join('\n', guard)}${length(guard) ? '\n' : ''}${T}}`);
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
