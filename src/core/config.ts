// /etc/config/splitwg (as UCI sections) → validated Config, or every problem
// found, each with the path of the offending value:
//   client.phone.rule[2].domain[0]: "ex ample.com" is not a domain name
import type { UciSection, UciValue } from './uci';
import type { Action, Client, Config, Globals, Match, Problem, Rule, Server, Upstream, Warning } from './model';
import { badIpAddress, parsePrefix, parseInterfaceAddress, prefixesOverlap, prefixContains, interfaceNetwork } from './ip';
import type { Prefix } from './ip';
import { markShift } from './decide';
import { isMsg, msg } from './messages';
import type { Msg } from './messages';
import {
	badBool, badDomain, badIfname, badInt, badKey, badKeepalive, badLabel, badMac, badMarkMask, badMtu, badName, badPort, badPortRange, badTime,
	bool, parseEndpoint, weekday, PROTOS, CONTROL, BLANKS,
} from './values';
import type { Bad } from './values';

// regexes as module constants: ucode compiles a literal each time it is evaluated
const ACTION = /^(proxy|direct|block)$/;
const PORT_PROTO = /^(tcp|udp|sctp|udplite)$/;
const KIND = /^(peer|device)$/;

export const DEFAULTS = {
	mark_mask: '0x70000000',
	rule_priority: '21000',
	table_base: '2100',
	set_timeout: '86400',
	server_iface: 'sw_server',
	listen_port: '51820',
};

// Marks other OpenWrt packages are known to use (docs/config.md, mark_mask):
// mwan3, pbr, podkop (inside pbr's), dae, homeproxy's small integers.
const FOREIGN_MARKS: [number, string][] = [[0x3f00, 'mwan3'], [0xff0000, 'pbr/podkop'], [0x08000000, 'dae'], [0x7f, 'homeproxy']];

// ucode compiles regexes with REG_NEWLINE: `^…$` also matches one line of
// a multi-line value. So control characters are refused before any grammar.
function withControlCheck(check?: (v: string) => Bad): (v: string) => Bad {
	return (v) => match(v, CONTROL) ? msg('control_char') : (check ? check(v) : null);
}

function problem(path: string, m: Msg): Problem {
	return { path, id: m.id, args: m.args };
}

// A parser's error as a validator's (null for a parsed value).
function parses(fn: (v: string) => any): (v: string) => Bad {
	return (v) => { const r = fn(v); return isMsg(r) ? r as Msg : null; };
}

// Option reader bound to one section: collects problems as it goes. An
// option that was given but is invalid reads as its default; `bad(k)` tells
// the checks that follow, so none of them reports a second, contradicting
// problem about it ("is required" after a malformed key).
function reader(sec: UciSection, base: string, problems: Problem[]) {
	const known: string[] = ['.name', '.type'];
	const bad: { [k: string]: boolean } = {};
	const at: { [k: string]: number[] } = {};
	const report = (k: string, path: string, m: Msg) => { bad[k] = true; push(problems, problem(path, m)); };
	const r = {
		str: (k: string, def: string | null, check?: (v: string) => Bad): string | null => {
			push(known, k);
			const v = sec.options[k];
			if (v === null || v === undefined) return def;
			if (type(v) === 'array') { report(k, `${base}.${k}`, msg('not_single')); return def; }
			const e = v === '' ? msg('empty') : withControlCheck(check)(v as string);
			if (e) { report(k, `${base}.${k}`, e); return def; }
			return v as string;
		},
		// The valid elements; `r.at(k)` has their positions in the option.
		// An empty element is an error, never "no condition": an empty domain
		// would otherwise turn a rule into "match everything".
		list: (k: string, check?: (v: string) => Bad): string[] => {
			push(known, k);
			at[k] = [];
			const v: UciValue | null = sec.options[k] ?? null;
			if (v === null) return [];
			// an `option` holding space-separated values is accepted like LuCI's DynamicList does
			let vals = type(v) === 'array' ? v as string[] : filter(split(v as string, BLANKS), (x) => x !== '');
			if (!length(vals) && type(v) !== 'array') vals = [v as string];
			const out: string[] = [];
			for (let i = 0; i < length(vals); i++) {
				const e = trim(vals[i]) === '' ? msg('empty') : withControlCheck(check)(vals[i]);
				if (e) report(k, `${base}.${k}[${i}]`, e);
				else { push(out, vals[i]); push(at[k], i); }
			}
			return out;
		},
		at: (k: string): number[] => at[k] ?? [],
		bad: (k: string): boolean => !!bad[k],
		bool: (k: string, def: boolean): boolean => {
			const v = r.str(k, null, badBool);
			return v === null ? def : bool(v);
		},
		int: (k: string, def: number | null, lo: number, hi: number): number | null => r.num(k, def, (x) => badInt(x, lo, hi)),
		// a number whose grammar has its own validator (badPort, badMtu, …)
		num: (k: string, def: number | null, check: (v: string) => Bad): number | null => {
			const v = r.str(k, null, check);
			return v === null ? def : int(v);
		},
		unknown: () => {
			for (let k in sec.options)
				if (index(known, k) < 0) push(problems, problem(`${base}.${k}`, msg('unknown_option')));
		},
	};
	return r;
}

function readGlobals(sec: UciSection | null, problems: Problem[]): Globals {
	const s = sec ?? { type: 'globals', name: 'main', anonymous: false, options: {} };
	const r = reader(s, 'globals', problems);
	const maskText = r.str('mark_mask', DEFAULTS.mark_mask, badMarkMask) as string;
	const g: Globals = {
		enabled: r.bool('enabled', true),
		markMask: int(maskText, 16),
		rulePriority: r.int('rule_priority', int(DEFAULTS.rule_priority), 1, 32000) as number,
		tableBase: r.int('table_base', int(DEFAULTS.table_base), 256, 0x7fff0000) as number,
		ipv6: r.bool('ipv6', true),
		dnsHijack: r.bool('dns_hijack', true),
		killSwitch: r.bool('kill_switch', true),
		setTimeout: r.int('set_timeout', int(DEFAULTS.set_timeout), 0, 31536000) as number,
		lanZone: r.str('lan_zone', 'lan', (v) => badName(v, 11)) as string,
		wanZone: r.str('wan_zone', 'wan', (v) => badName(v, 11)) as string,
	};
	r.unknown();
	if (!r.bad('mark_mask')) checkMask(g.markMask, maskText, problems);
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
		const e = badName(sec.name, 12);
		if (e) push(problems, problem(base, e));
	}
	const r = reader(sec, base, problems);
	const ep = r.str('endpoint', null, parses(parseEndpoint));
	let host = '', port = 51820;
	if (ep === null) { if (!r.bad('endpoint')) push(problems, problem(`${base}.endpoint`, msg('endpoint_required'))); }
	else {
		const p = parseEndpoint(ep) as { host: string, port: number };
		host = p.host; port = p.port;
	}
	const u: Upstream = {
		name: sec.name, iface: `sw_${sec.name}`,
		enabled: r.bool('enabled', true),
		privateKey: r.str('private_key', '', badKey) as string,
		addresses: r.list('address', parses(parseInterfaceAddress)),
		publicKey: r.str('public_key', '', badKey) as string,
		presharedKey: r.str('preshared_key', null, badKey),
		endpointHost: host, endpointPort: port,
		allowedIps: r.list('allowed_ips', parses(parsePrefix)),
		mtu: r.num('mtu', null, badMtu),
		keepalive: r.num('keepalive', null, badKeepalive),
		dns: r.list('dns', badIpAddress),
		index: 0, mark: 0, table: 0,
	};
	r.str('name', null, badLabel);
	r.unknown();
	if (u.privateKey === '' && !r.bad('private_key')) push(problems, problem(`${base}.private_key`, msg('required')));
	if (u.publicKey === '' && !r.bad('public_key')) push(problems, problem(`${base}.public_key`, msg('required')));
	if (!length(u.addresses) && !r.bad('address')) push(problems, problem(`${base}.address`, msg('upstream_no_address')));
	if (!length(u.allowedIps)) u.allowedIps = ['0.0.0.0/0', '::/0'];
	return u;
}

function readServer(sec: UciSection, problems: Problem[]): Server {
	const r = reader(sec, 'server', problems);
	const s: Server = {
		enabled: r.bool('enabled', true),
		iface: DEFAULTS.server_iface,
		privateKey: r.str('private_key', '', badKey) as string,
		listenPort: r.num('listen_port', int(DEFAULTS.listen_port), badPort) as number,
		addresses: r.list('address', parses(parseInterfaceAddress)),
		endpoint: r.str('endpoint', null, parses(parseEndpoint)),
		dns: r.list('dns', badIpAddress),
		mtu: r.num('mtu', null, badMtu),
	};
	r.unknown();
	if (s.enabled && s.privateKey === '' && !r.bad('private_key')) push(problems, problem('server.private_key', msg('server_key_required')));
	if (s.enabled && !length(s.addresses) && !r.bad('address')) push(problems, problem('server.address', msg('server_no_address')));
	return s;
}

function readRule(sec: UciSection, id: string, setBase: string, problems: Problem[]): Rule | null {
	const r = reader(sec, id, problems);
	r.str('client', null); r.str('ruleset', null);
	const enabled = r.bool('enabled', true);
	// parsed once: a rule may list tens of thousands of prefixes. Overlapping
	// ones are fine (the sets auto-merge); the same one twice is listed once.
	const dest4: Prefix[] = [], dest6: Prefix[] = [];
	const destSeen: { [text: string]: boolean } = {};
	r.list('dest', (v) => {
		const p = parsePrefix(v);
		if (isMsg(p)) return p as Msg;
		const x = p as Prefix;
		if (!destSeen[x.text]) push(x.family === 4 ? dest4 : dest6, x);
		destSeen[x.text] = true;
		return null;
	});
	const protos = r.list('proto', (v) => v === 'all' || v === 'any' || index(PROTOS, v) >= 0 ? null : msg('not_proto', [v, `${join(' ', PROTOS)}, all`]));
	const m: Match = {
		domains: uniq(r.list('domain', badDomain)),
		dest4, dest6,
		protos: index(protos, 'all') >= 0 || index(protos, 'any') >= 0 ? [] : uniq(protos),
		ports: uniq(r.list('port', badPortRange)),
		startTime: r.str('start_time', null, badTime),
		stopTime: r.str('stop_time', null, badTime),
		weekdays: uniq(map(r.list('weekdays', (v) => weekday(v) < 0 ? msg('not_weekday', [v]) : null), weekday)),
	};
	const action = r.str('action', 'proxy', (v) => match(v, ACTION) ? null : msg('not_action', [v])) as Action;
	const rule: Rule = {
		id, setBase,
		name: r.str('name', '', badLabel) as string,
		match: m, action,
		upstream: r.str('upstream', null, (v) => badName(v, 12)),
	};
	r.unknown();
	if ((m.startTime === null) !== (m.stopTime === null) && !r.bad('start_time') && !r.bad('stop_time'))
		push(problems, problem(`${id}.${m.startTime === null ? 'start_time' : 'stop_time'}`, msg('window_half')));
	else if (m.startTime !== null && m.startTime === m.stopTime)
		push(problems, problem(`${id}.stop_time`, msg('window_empty')));
	if (length(m.ports)) {
		for (let i = 0; i < length(m.protos); i++)
			if (!match(m.protos[i], PORT_PROTO))
				push(problems, problem(`${id}.proto`, msg('ports_need_proto', [m.protos[i]])));
	}
	if (rule.upstream !== null && action !== 'proxy' && !r.bad('action'))
		push(problems, problem(`${id}.upstream`, msg('upstream_not_proxy', [action])));
	return enabled ? rule : null;
}

function readClient(sec: UciSection, problems: Problem[], g: Globals): Client {
	const base = `client.${sec.name}`;
	if (sec.anonymous) push(problems, problem(base, msg('client_unnamed')));
	else { const e = badName(sec.name, 32); if (e) push(problems, problem(base, e)); }
	const r = reader(sec, base, problems);
	const kind = r.str('kind', 'device', (v) => match(v, KIND) ? null : msg('not_kind', [v])) as 'peer' | 'device';
	const srcs = r.list('address', parses(parsePrefix));
	const srcAt = r.at('address');
	const c: Client = {
		name: sec.name, kind,
		enabled: r.bool('enabled', true),
		publicKey: r.str('public_key', null, badKey),
		privateKey: r.str('private_key', null, badKey),
		presharedKey: r.str('preshared_key', null, badKey),
		src4: [], src6: [],
		macs: uniq(map(r.list('mac', badMac), lc)),
		ifaces: uniq(r.list('interface', badIfname)),
		defaultAction: r.str('default', 'direct', (v) => match(v, ACTION) ? null : msg('not_action', [v])) as Action,
		upstream: r.str('upstream', null, (v) => badName(v, 12)),
		rulesets: r.list('ruleset', (v) => badName(v, 32)),
		dnsHijack: true,
		rules: [],
	};
	c.dnsHijack = r.bool('dns_hijack', g.dnsHijack);
	r.str('name', null, badLabel);
	r.unknown();
	readSources(c, srcs, srcAt, problems);
	if (r.bad('kind')) {
		// peer or device: what else would be wrong is not known
	} else if (kind === 'peer') {
		if (c.publicKey === null && !r.bad('public_key')) push(problems, problem(`${base}.public_key`, msg('peer_key_required')));
		if (!length(srcs) && !r.bad('address')) push(problems, problem(`${base}.address`, msg('peer_no_address')));
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
function readSources(c: Client, srcs: string[], at: number[], problems: Problem[]) {
	const seen: { [text: string]: boolean } = {};
	const all: Prefix[] = [], pos: number[] = [];
	for (let i = 0; i < length(srcs); i++) {
		const p = parsePrefix(srcs[i]) as Prefix;
		if (seen[p.text]) continue;
		seen[p.text] = true;
		let clash = -1;
		for (let j = 0; j < length(all) && clash < 0; j++) if (prefixesOverlap(all[j], p)) clash = j;
		if (clash >= 0) {
			push(problems, problem(`client.${c.name}.address[${at[i]}]`, msg('address_overlap_own', [p.text, all[clash].text, pos[clash]])));
			continue;
		}
		push(all, p); push(pos, at[i]);
		push(p.family === 4 ? c.src4 : c.src6, p);
	}
}

// Two enabled clients must never claim the same packets.
function checkOverlaps(clients: Client[], problems: Problem[]) {
	for (let i = 0; i < length(clients); i++) {
		const a = clients[i];
		if (!a.enabled) continue;
		for (let j = i + 1; j < length(clients); j++) {
			const b = clients[j];
			if (!b.enabled) continue;
			const pa = [...a.src4, ...a.src6], pb = [...b.src4, ...b.src6];
			for (let x = 0; x < length(pa); x++)
				for (let y = 0; y < length(pb); y++)
					if (prefixesOverlap(pa[x], pb[y]))
						push(problems, problem(`client.${b.name}.address`, msg('address_overlap', [pb[y].text, pa[x].text, a.name])));
			for (let x = 0; x < length(b.macs); x++)
				if (index(a.macs, b.macs[x]) >= 0) push(problems, problem(`client.${b.name}.mac`, msg('identity_shared', [b.macs[x], a.name])));
			for (let x = 0; x < length(b.ifaces); x++)
				if (index(a.ifaces, b.ifaces[x]) >= 0) push(problems, problem(`client.${b.name}.interface`, msg('identity_shared', [b.ifaces[x], a.name])));
		}
	}
}

function sectionPath(s: UciSection): string {
	if (s.type === 'globals' || s.type === 'server') return s.type;
	if (s.type === 'rule') return `rule ${s.name}`;
	return index(['upstream', 'client', 'ruleset'], s.type) >= 0 ? `${s.type}.${s.name}` : s.name;
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
export function readConfig(all: UciSection[]): { config: Config | null, problems: Problem[], warnings: Warning[] } {
	const problems: Problem[] = [];
	const sections = uniqueSections(all, problems);
	const known = ['globals', 'server', 'upstream', 'client', 'ruleset', 'rule'];
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
		if (u.iface === DEFAULTS.server_iface) push(problems, problem(`upstream.${u.name}`, msg('name_reserved', [DEFAULTS.server_iface])));
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

	const rulesets: { [n: string]: UciSection[] } = {};
	const rsSections = byType(sections, 'ruleset');
	for (let i = 0; i < length(rsSections); i++) {
		const e = rsSections[i].anonymous ? msg('ruleset_unnamed') : badName(rsSections[i].name, 32);
		if (e) push(problems, problem(`ruleset.${rsSections[i].name}`, e));
		const r = reader(rsSections[i], `ruleset.${rsSections[i].name}`, problems);
		r.str('name', null, badLabel);
		r.unknown();
		rulesets[rsSections[i].name] = [];
	}
	const clients = map(byType(sections, 'client'), (s) => readClient(s, problems, globals));
	const byClient: { [n: string]: UciSection[] } = {};
	for (let i = 0; i < length(clients); i++) byClient[clients[i].name] = [];
	const ruleSecs = byType(sections, 'rule');
	for (let i = 0; i < length(ruleSecs); i++) {
		const s = ruleSecs[i];
		const cl = s.options.client, rs = s.options.ruleset;
		const refErr = (cl != null ? badOwner(cl) : null) ?? (rs != null ? badOwner(rs) : null);
		if (refErr) { push(problems, problem(`rule ${s.name}.${cl != null ? 'client' : 'ruleset'}`, refErr)); continue; }
		if ((cl == null) === (rs == null)) push(problems, problem(`rule ${s.name}`, msg('rule_owner')));
		else if (cl != null && !byClient[cl as string]) push(problems, problem(`rule ${s.name}.client`, msg('unknown_client', [cl as string])));
		else if (rs != null && !rulesets[rs as string]) push(problems, problem(`rule ${s.name}.ruleset`, msg('unknown_ruleset', [rs as string])));
		else push(cl != null ? byClient[cl as string] : rulesets[rs as string], s);
	}
	const rsRules: { [n: string]: Rule[] } = {};
	for (let n in rulesets) {
		rsRules[n] = [];
		for (let i = 0; i < length(rulesets[n]); i++) {
			const r = readRule(rulesets[n][i], `ruleset.${n}.rule[${i}]`, `rs_${n}_${i}`, problems);
			if (r) push(rsRules[n], r);
		}
	}
	for (let i = 0; i < length(clients); i++) {
		const c = clients[i];
		const mine = byClient[c.name];
		for (let j = 0; j < length(mine); j++) {
			const r = readRule(mine[j], `client.${c.name}.rule[${j}]`, `c_${c.name}_${j}`, problems);
			if (r) push(c.rules, r);
		}
		for (let j = 0; j < length(c.rulesets); j++) {
			const rs = rsRules[c.rulesets[j]];
			if (!rs) push(problems, problem(`client.${c.name}.ruleset[${j}]`, msg('unknown_ruleset', [c.rulesets[j]])));
			else for (let k = 0; k < length(rs); k++) push(c.rules, rs[k]);
		}
	}
	// checks across sections, after every option has been read
	const seen = reportedPaths(problems);
	for (let i = 0; i < length(clients); i++) {
		const c = clients[i];
		checkReferences(c, names, seen, problems);
		if (c.kind === 'peer' && c.enabled && !seen['server.address']) checkPeerAddress(c, server, problems);
	}
	checkOverlaps(clients, problems);
	const warnings = familyWarnings(clients, globals);
	if (!length(problems))
		return { config: { globals, server, upstreams, clients }, problems, warnings };
	return { config: null, problems, warnings };
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

export function check(sections: UciSection[]): Problem[] {
	return readConfig(sections).problems;
}
