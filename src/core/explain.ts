// "Which path does this client's traffic to this destination take, and why?"
// Walks the client's rules in the very order the nft chain has them
// (client rules, then each rule set's) and resolves the verdict with the same
// verdictOf() the renderer uses.
import type { Action, Client, Config, Rule, Upstream } from './model';
import { parseAddress, parsePrefix, prefixContains } from './ip';
import type { Family, Prefix } from './ip';
import { verdictOf, directMark, markHex, carriesFamily, timedFrom, localNetworks } from './decide';
import type { Verdict } from './decide';
import { badDomain, badTime, weekday, WEEKDAYS, BLANKS, CONTROL } from './values';
import { identifiedFamilies } from './config';
import { format, isMsg, joined, msg } from './messages';
import type { Arg, Msg } from './messages';

export interface Query {
	client: string;
	destination: string;        // domain or IP address
	proto?: string | null;      // tcp, udp, icmp…; null: any
	port?: number | null;
	at?: string | null;         // "Mon 21:30"; null: the rule's time condition is reported, not evaluated
	down?: string[] | null;     // upstreams known to be down
	local?: string[] | null;    // the router's local networks, as compile() takes them (CompileOptions)
	family?: 4 | 6 | null;      // a domain reached over IPv4 (A) or IPv6 (AAAA); null: IPv4, noting IPv6 when it differs
}

export interface Explanation {
	client: string;
	action: Action;
	upstream: string | null;
	iface: string | null;
	mark: string | null;        // the mark nft sets (masked value), null for block
	rule: string | null;        // rule id, null for the client default
	reason: string;             // why, in English: format(why)
	why: Msg;                   // why, as a message (LuCI translates it)
	group: string | null;       // the rule names a group (groups.ts): `upstream` is its member now (failover) or the group (balance)
	members: string[];          // the group's members a new connection may take now
}

// The path an answer names, for a line of text (the CLIs): " via eu (sw_eu,
// mark 0x30000000)", " via group exits → eu (…)", " (mark …)" for direct.
export function pathText(x: Explanation): string {
	if (x.action !== 'proxy') return x.action === 'direct' && x.mark ? ` (mark ${x.mark})` : '';
	if (x.group !== null && x.iface === null) return ` via group ${x.group}: each connection takes one of ${join(', ', x.members)}`;
	return ` via ${x.group !== null ? `group ${x.group} → ` : ''}${x.upstream} (${x.iface}, mark ${x.mark})`;
}

export interface ExplainError { error: { path: string, id: string, args: Arg[] } }

function failed(path: string, m: Msg): ExplainError {
	return { error: { path, id: m.id, args: m.args } };
}

// "client.tv.rule[2] (Video)": for people (the nft comments carry the id only)
export function ruleLabel(r: Rule): string {
	return r.name !== '' ? `${r.id} (${r.name})` : r.id;
}

function domainHit(r: Rule, d: string): string | null {
	for (let i = 0; i < length(r.match.domains); i++) {
		const p = r.match.domains[i];
		const n = length(d) as number, l = length(p) as number;
		if (p === d || (n > l && substr(d, n - l - 1) === `.${p}`)) return p;
	}
	return null;
}

// The first CIDR of the rule's list files holding the address (read for
// explain: RuleList.dest4/dest6), parsed as it is tested.
function listHit(r: Rule, addr: { family: Family, bytes: number[] }): string | null {
	for (let i = 0; i < length(r.match.lists); i++) {
		const l = r.match.lists[i];
		const ts = (addr.family === 4 ? l.dest4 : l.dest6) ?? [];
		for (let j = 0; j < length(ts); j++) {
			const p = parsePrefix(ts[j]);
			if (!isMsg(p) && prefixContains(p as Prefix, addr.bytes)) return `${ts[j]} (${l.path})`;
		}
	}
	return null;
}

// Whether the rule's list files hold addresses of a family.
function listsHave(r: Rule, f: number): boolean {
	for (let i = 0; i < length(r.match.lists); i++) if ((f === 4 ? r.match.lists[i].v4 : r.match.lists[i].v6) > 0) return true;
	return false;
}

function minutes(t: string): number {
	return int(substr(t, 0, 2)) * 60 + int(substr(t, 3, 2));
}

// Does the rule's protocol/port/time condition hold for the query? A
// condition the query says nothing about (no proto, no port, no time) is not
// evaluated: it is assumed to hold and named by notEvaluated().
function sideConditions(r: Rule, q: Query, day: number, min: number): Msg | null {
	const m = r.match;
	let protos = m.protos;
	if (length(m.ports) && !length(protos)) protos = ['tcp', 'udp'];
	if (length(protos) && q.proto != null && index(protos, q.proto) < 0) return msg('why_not_proto', [join('/', protos)]);
	if (length(m.ports) && q.port != null) {
		let ok = false;
		for (let i = 0; i < length(m.ports); i++) {
			const pr = split(m.ports[i], '-');
			const lo = int(pr[0]), hi = length(pr) > 1 ? int(pr[1]) : lo;
			if (q.port >= lo && q.port <= hi) ok = true;
		}
		if (!ok) return msg('why_not_port', [q.port, join(', ', m.ports)]);
	}
	if (length(m.weekdays) && day >= 0 && index(m.weekdays, day) < 0) return msg('why_not_day', [WEEKDAYS[day]]);
	if (m.startTime !== null && m.stopTime !== null && min >= 0) {
		const a = minutes(m.startTime), b = minutes(m.stopTime);
		const inside = a < b ? (min >= a && min < b) : (min >= a || min < b);
		if (!inside) return msg('why_not_time', [`${m.startTime}-${m.stopTime}`]);
	}
	return null;
}

// "… (not evaluated: its protocol tcp, give --proto; its time, give --at)"
function notEvaluated(r: Rule, q: Query, day: number, min: number, hit: Msg): Msg {
	const m = r.match;
	const protos = length(m.ports) && !length(m.protos) ? ['tcp', 'udp'] : m.protos;
	const out: Msg[] = [];
	if (length(protos) && q.proto == null) push(out, msg('why_open_proto', [join('/', protos)]));
	if (length(m.ports) && q.port == null) push(out, msg('why_open_port', [join(', ', m.ports)]));
	if ((m.startTime !== null && min < 0) || (length(m.weekdays) && day < 0)) push(out, msg('why_open_time'));
	return length(out) ? msg('why_not_evaluated', [hit, joined(out)]) : hit;
}

function parseAt(at: string): { day: number, min: number } | Msg {
	const p = split(trim(at), BLANKS);
	if (length(p) !== 2 || weekday(p[0]) < 0 || badTime(p[1])) return msg('not_at', [at]);
	return { day: weekday(p[0]), min: minutes(p[1]) };
}

function explained(c: Client, action: Action, upstream: string | null, iface: string | null, mark: string | null, rule: string | null, why: Msg): Explanation {
	return { client: c.name, action, upstream, iface, mark, rule, reason: format(why), why, group: null, members: [] };
}

// A group's verdict: failover names its member now, with that member's
// interface and mark; balance names the group (each new connection takes
// one of `members`: no one interface or mark).
function grouped(c: Client, v: Verdict, rule: string | null, why: Msg): Explanation {
	const names = map(v.members, (u) => u.name);
	const one = v.action === 'proxy' && v.upstream !== null ? v.upstream : null;
	const x = explained(c, v.action, v.action !== 'proxy' ? null : one ? one.name : v.wanted, one ? one.iface : null, one ? markHex(one.mark) : null, rule, why);
	return { ...x, group: v.wanted, members: names };
}

function direct(c: Client, why: Msg): Explanation {
	return explained(c, 'direct', null, null, null, null, why);
}

// The answer for one address family: the destination address's, or the one
// a domain is reached over (its A or AAAA answers). `famWhy` is the part of
// the reason the family alone decided (not classified, no tunnel address of
// the family), null when the family played no part.
interface Answer { x: Explanation, famWhy: Msg | null }

function answer(cfg: Config, cl: Client, q: Query, dest: string, addr: { family: Family, bytes: number[] } | null, f: number, day: number, min: number, local: string[]): Answer {
	const timed = timedFrom(cl);
	// a device known by addresses of one family: the table has no identity
	// for its packets of the other (config.ts warns about it)
	const fam = identifiedFamilies(cl, cfg.globals.ipv6);
	const only = fam.v4 ? 'IPv4' : 'IPv6';
	// rules before the answer that match by address: asked for a name, their
	// sets see the address it resolves to, which a name alone does not tell
	const byAddress: string[] = [];
	const result = (r: Rule | null, i: number, found: Msg): Answer => {
		const v = verdictOf(cfg, cl, r, q.down ?? []);
		// the table marks such a verdict on the packet only (nft.ts)
		let why = i >= timed && timed < length(cl.rules) ? msg('and', [found, msg('why_per_packet', [cl.rules[timed].id])]) : found;
		if (length(byAddress)) why = msg('and', [why, msg('why_unless_address', [dest, join(', ', byAddress)])]);
		// its mark leads into a table with only an unreachable route for this
		// family (netifd.ts): also while the tunnel is down, kill switch or not
		// (a group's members carry the same families: config.ts)
		const fu = v.group && length(v.members) ? v.members[0] : v.upstream;
		if (fu !== null && !carriesFamily(fu as Upstream, f)) {
			const fw = msg('why_no_family', [v.wanted as string, f]);
			return { x: explained(cl, 'block', null, null, null, r ? r.id : null, msg('and', [why, fw])), famWhy: fw };
		}
		if (v.group) return { x: grouped(cl, v, r ? r.id : null, v.why ? msg('and', [why, v.why]) : why), famWhy: null };
		// a proxy verdict to a tunnel that is down keeps its upstream's mark: with
		// the kill switch off the main table routes it direct (no leak guard)
		const mark = v.action === 'block' ? null : markHex(v.upstream ? v.upstream.mark : directMark(cfg.globals.markMask));
		return { x: explained(cl, v.action, v.action === 'proxy' ? v.wanted : null,
			v.action === 'proxy' ? (v.upstream as { iface: string }).iface : null,
			mark, r ? r.id : null, v.why ? msg('and', [why, v.why]) : why), famWhy: null };
	};
	const unclassified = (why: Msg): Answer => ({ x: direct(cl, why), famWhy: why });
	if (f === 6 && !cfg.globals.ipv6) return unclassified(msg('why_v6_off'));
	if (addr) {
		// the table returns before classifying (nft.ts, set local4/local6)
		const nets = localNetworks(cfg, local);
		for (let i = 0; i < length(nets); i++)
			if (prefixContains(nets[i], addr.bytes))
				return { x: direct(cl, msg('why_local', [q.destination, nets[i].text])), famWhy: null };
	}
	if (!fam.v4 && !fam.v6)
		return unclassified(msg('why_v6_only_off', [cl.name]));
	if (!(f === 4 ? fam.v4 : fam.v6))
		return unclassified(msg(f === 6 ? 'why_one_family_slaac' : 'why_one_family', [cl.name, only, f]));
	const skipped: Msg[] = [];
	for (let i = 0; i < length(cl.rules); i++) {
		const r = cl.rules[i];
		let hit: Msg | null = null;
		const m = r.match;
		const anyDest = !length(m.domains) && !length(m.dest4) && !length(m.dest6) && !length(m.lists);
		if (anyDest) hit = msg('why_any');
		else if (addr) {
			const ps = addr.family === 4 ? m.dest4 : m.dest6;
			for (let j = 0; j < length(ps); j++) if (prefixContains(parsePrefix(ps[j]) as Prefix, addr.bytes)) { hit = msg('why_in', [q.destination, ps[j]]); break; }
			const l = hit ? null : listHit(r, addr);
			if (l) hit = msg('why_in', [q.destination, l]);
		} else {
			const d = domainHit(r, dest);
			if (d) hit = d === dest ? msg('why_domain', [d]) : msg('why_under', [dest, d]);
			else if (length(f === 4 ? m.dest4 : m.dest6) || listsHave(r, f)) push(byAddress, r.id);
		}
		if (!hit) continue;
		const why = sideConditions(r, q, day, min);
		if (why) { push(skipped, msg('at_path', [r.id, why])); continue; }
		return result(r, i, msg('why_first_match', [ruleLabel(r), notEvaluated(r, q, day, min, hit)]));
	}
	const no = length(skipped) ? msg('why_no_match_but', [joined(skipped), cl.defaultAction]) : msg('why_no_match', [cl.defaultAction]);
	return result(null, length(cl.rules), addr ? msg('and', [no, msg('why_note_ip')]) : no);
}

export function explain(cfg: Config, q: Query): Explanation | ExplainError {
	let c: Client | null = null;
	for (let i = 0; i < length(cfg.clients); i++) if (cfg.clients[i].name === q.client) c = cfg.clients[i];
	if (!c) return failed('client', msg('unknown_client', [q.client]));
	const dest = lc(trim(q.destination ?? ''));
	// ucode matches ^…$ line by line: "a.b\nc" would pass badDomain on its first line
	if (match(dest, CONTROL)) return failed('destination', msg('control_char'));
	const addr = parseAddress(dest);
	if (!addr && badDomain(dest)) return failed('destination', msg('not_destination', [q.destination]));
	if (q.family != null && q.family !== 4 && q.family !== 6) return failed('family', msg('not_family', [`${q.family}`]));
	if (q.family != null && addr && addr.family !== q.family)
		return failed('family', msg('family_mismatch', [q.destination, addr.family, q.family]));
	let day = -1, min = -1;
	if (q.at != null && q.at !== '') {
		const at = parseAt(q.at);
		if (isMsg(at)) return failed('at', at as Msg);
		day = (at as { day: number }).day; min = (at as { min: number }).min;
	}
	const local = q.local ?? [];
	for (let i = 0; i < length(local); i++) {
		const p = parsePrefix(local[i]);
		if (isMsg(p)) return failed(`local[${i}]`, p as Msg);
	}
	const cl = c as Client;
	// apply installs nothing then (compile() gives the empty plan)
	if (!cfg.globals.enabled) return direct(cl, msg('why_all_off'));
	if (!cl.enabled) return direct(cl, msg('why_client_off', [cl.name]));
	// an address has its family; a domain is answered for the family asked,
	// else for IPv4, noting IPv6 (AAAA) when its answer differs
	const f = addr ? addr.family : (q.family ?? 4);
	const a = answer(cfg, cl, q, dest, addr, f, day, min, local);
	if (addr || q.family != null) return a.x;
	const o = answer(cfg, cl, q, dest, addr, 6, day, min, local);
	if (o.x.action === a.x.action && o.x.iface === a.x.iface) return a.x;
	const other = o.famWhy ?? o.x.why;
	const note = o.x.action === 'proxy' ? msg('why_aaaa_via', [o.x.action, o.x.upstream as string, other]) : msg('why_aaaa', [o.x.action, other]);
	const x = a.x;
	return { ...explained(cl, x.action, x.upstream, x.iface, x.mark, x.rule, msg('and', [x.why, note])), group: x.group, members: x.members };
}
