// "Which path does this client's traffic to this destination take, and why?"
// Walks the client's rules in the very order the nft chain has them
// (client rules, then each rule set's) and resolves the verdict with the same
// verdictOf() the renderer uses.
import type { Action, Client, Config, Rule, Upstream } from './model';
import { parseAddress, parsePrefix, prefixContains } from './ip';
import type { Family } from './ip';
import { verdictOf, directMark, markHex, carriesFamily, timedFrom, localNetworks } from './decide';
import { badDomain, badTime, weekday, WEEKDAYS, BLANKS } from './values';
import { identifiedFamilies } from './config';

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
	reason: string;
}

export interface ExplainError { error: { path: string, message: string } }

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

function minutes(t: string): number {
	return int(substr(t, 0, 2)) * 60 + int(substr(t, 3, 2));
}

// Does the rule's protocol/port/time condition hold for the query? A
// condition the query says nothing about (no proto, no port, no time) is not
// evaluated: it is assumed to hold and named by notEvaluated().
function sideConditions(r: Rule, q: Query, day: number, min: number): string | null {
	const m = r.match;
	let protos = m.protos;
	if (length(m.ports) && !length(protos)) protos = ['tcp', 'udp'];
	if (length(protos) && q.proto != null && index(protos, q.proto) < 0) return `protocol is not ${join('/', protos)}`;
	if (length(m.ports) && q.port != null) {
		let ok = false;
		for (let i = 0; i < length(m.ports); i++) {
			const pr = split(m.ports[i], '-');
			const lo = int(pr[0]), hi = length(pr) > 1 ? int(pr[1]) : lo;
			if (q.port >= lo && q.port <= hi) ok = true;
		}
		if (!ok) return `port ${q.port} is not in ${join(', ', m.ports)}`;
	}
	if (length(m.weekdays) && day >= 0 && index(m.weekdays, day) < 0) return `${WEEKDAYS[day]} is not one of its days`;
	if (m.startTime !== null && m.stopTime !== null && min >= 0) {
		const a = minutes(m.startTime), b = minutes(m.stopTime);
		const inside = a < b ? (min >= a && min < b) : (min >= a || min < b);
		if (!inside) return `time is outside ${m.startTime}-${m.stopTime}`;
	}
	return null;
}

// " (not evaluated: its protocol tcp, give --proto; its time, give --at)"
function notEvaluated(r: Rule, q: Query, day: number, min: number): string {
	const m = r.match;
	const protos = length(m.ports) && !length(m.protos) ? ['tcp', 'udp'] : m.protos;
	const out: string[] = [];
	if (length(protos) && q.proto == null) push(out, `its protocol ${join('/', protos)}, give --proto`);
	if (length(m.ports) && q.port == null) push(out, `its port ${join(', ', m.ports)}, give --port`);
	if ((m.startTime !== null && min < 0) || (length(m.weekdays) && day < 0)) push(out, 'its time, give --at');
	return length(out) ? ` (not evaluated: ${join('; ', out)})` : '';
}

function parseAt(at: string): { day: number, min: number } | string {
	const p = split(trim(at), BLANKS);
	if (length(p) !== 2 || weekday(p[0]) < 0 || badTime(p[1])) return `"${at}" is not a time like "Mon 21:30"`;
	return { day: weekday(p[0]), min: minutes(p[1]) };
}

function direct(c: Client, reason: string): Explanation {
	return { client: c.name, action: 'direct', upstream: null, iface: null, mark: null, rule: null, reason };
}

// The answer for one address family: the destination address's, or the one
// a domain is reached over (its A or AAAA answers). `famWhy` is the part of
// the reason the family alone decided (not classified, no tunnel address of
// the family), null when the family played no part.
interface Answer { x: Explanation, famWhy: string | null }

function answer(cfg: Config, cl: Client, q: Query, dest: string, addr: { family: Family, bytes: number[] } | null, f: number, day: number, min: number, local: string[]): Answer {
	const timed = timedFrom(cl);
	// a device known by addresses of one family: the table has no identity
	// for its packets of the other (config.ts warns about it)
	const fam = identifiedFamilies(cl, cfg.globals.ipv6);
	const only = fam.v4 ? 'IPv4' : 'IPv6';
	const result = (r: Rule | null, i: number, found: string): Answer => {
		const v = verdictOf(cfg, cl, r, q.down ?? []);
		// the table marks such a verdict on the packet only (nft.ts)
		const pkt = i >= timed && timed < length(cl.rules) ? `; decided per packet: follows the time window of ${cl.rules[timed].id}` : '';
		const why = `${found}${pkt}`;
		// its mark leads into a table with only an unreachable route for this
		// family (netifd.ts): also while the tunnel is down, kill switch or not
		if (v.upstream !== null && !carriesFamily(v.upstream as Upstream, f)) {
			const fw = `upstream ${v.wanted} has no IPv${f} address: its table only has an unreachable route`;
			return { x: { client: cl.name, action: 'block', upstream: null, iface: null, mark: null, rule: r ? r.id : null, reason: `${why}; ${fw}` }, famWhy: fw };
		}
		// a proxy verdict to a tunnel that is down keeps its upstream's mark: with
		// the kill switch off the main table routes it direct (no leak guard)
		const mark = v.action === 'block' ? null : markHex(v.upstream ? v.upstream.mark : directMark(cfg.globals.markMask));
		return { x: {
			client: cl.name, action: v.action, upstream: v.action === 'proxy' ? v.wanted : null,
			iface: v.action === 'proxy' ? (v.upstream as { iface: string }).iface : null,
			mark, rule: r ? r.id : null, reason: v.note ? `${why}; ${v.note}` : why,
		}, famWhy: null };
	};
	const unclassified = (why: string): Answer => ({ x: direct(cl, why), famWhy: why });
	if (f === 6 && !cfg.globals.ipv6) return unclassified('IPv6 classification is off (globals.ipv6): IPv6 is routed normally');
	if (addr) {
		// the table returns before classifying (nft.ts, set local4/local6)
		const nets = localNetworks(cfg, local);
		for (let i = 0; i < length(nets); i++)
			if (prefixContains(nets[i], addr.bytes))
				return { x: direct(cl, `${q.destination} is in ${nets[i].text}, a local network of the router (routed by the main table, not classified)`), famWhy: null };
	}
	if (!fam.v4 && !fam.v6)
		return unclassified(`client ${cl.name} is identified by IPv6 addresses only and IPv6 classification is off (globals.ipv6): none of its traffic is classified`);
	if (!(f === 4 ? fam.v4 : fam.v6))
		return unclassified(`client ${cl.name} is identified by ${only} addresses only: its IPv${f} traffic${f === 6 ? ' (SLAAC/privacy addresses)' : ''} is not classified and is routed normally`);
	const skipped: string[] = [];
	for (let i = 0; i < length(cl.rules); i++) {
		const r = cl.rules[i];
		let hit: string | null = null;
		const m = r.match;
		const anyDest = !length(m.domains) && !length(m.dest4) && !length(m.dest6);
		if (anyDest) hit = 'any destination';
		else if (addr) {
			const ps = addr.family === 4 ? m.dest4 : m.dest6;
			for (let j = 0; j < length(ps); j++) if (prefixContains(ps[j], addr.bytes)) { hit = `${q.destination} is in ${ps[j].text}`; break; }
		} else {
			const d = domainHit(r, dest);
			if (d) hit = d === dest ? `domain ${d}` : `${dest} is under ${d}`;
		}
		if (!hit) continue;
		const why = sideConditions(r, q, day, min);
		if (why) { push(skipped, `${r.id}: ${why}`); continue; }
		return result(r, i, `first match: ${ruleLabel(r)}, ${hit}${notEvaluated(r, q, day, min)}`);
	}
	const ipNote = addr ? '; note: domain rules also match an address once the client has resolved that domain through the router' : '';
	const skip = length(skipped) ? ` (matched destination but not: ${join('; ', skipped)})` : '';
	return result(null, length(cl.rules), `no rule matched${skip}: client default ${cl.defaultAction}${ipNote}`);
}

export function explain(cfg: Config, q: Query): Explanation | ExplainError {
	let c: Client | null = null;
	for (let i = 0; i < length(cfg.clients); i++) if (cfg.clients[i].name === q.client) c = cfg.clients[i];
	if (!c) return { error: { path: 'client', message: `unknown client "${q.client}"` } };
	const dest = lc(trim(q.destination ?? ''));
	const addr = parseAddress(dest);
	if (!addr && badDomain(dest)) return { error: { path: 'destination', message: `"${q.destination}" is neither an IP address nor a domain name` } };
	if (q.family != null && q.family !== 4 && q.family !== 6) return { error: { path: 'family', message: `"${q.family}" is not an address family (4 or 6)` } };
	if (q.family != null && addr && addr.family !== q.family)
		return { error: { path: 'family', message: `${q.destination} is an IPv${addr.family} address, not IPv${q.family}` } };
	let day = -1, min = -1;
	if (q.at != null && q.at !== '') {
		const at = parseAt(q.at);
		if (type(at) === 'string') return { error: { path: 'at', message: at as string } };
		day = (at as { day: number }).day; min = (at as { min: number }).min;
	}
	const local = q.local ?? [];
	for (let i = 0; i < length(local); i++) {
		const p = parsePrefix(local[i]);
		if (type(p) === 'string') return { error: { path: `local[${i}]`, message: p as string } };
	}
	const cl = c as Client;
	// apply installs nothing then (compile() gives the empty plan)
	if (!cfg.globals.enabled) return direct(cl, 'splitwg is disabled (globals.enabled 0): nothing is classified, traffic is routed normally');
	if (!cl.enabled) return direct(cl, `client ${cl.name} is disabled: its traffic is not classified`);
	// an address has its family; a domain is answered for the family asked,
	// else for IPv4, noting IPv6 (AAAA) when its answer differs
	const f = addr ? addr.family : (q.family ?? 4);
	const a = answer(cfg, cl, q, dest, addr, f, day, min, local);
	if (addr || q.family != null) return a.x;
	const o = answer(cfg, cl, q, dest, addr, 6, day, min, local);
	if (o.x.action === a.x.action && o.x.iface === a.x.iface) return a.x;
	const via = o.x.action === 'proxy' ? ` via ${o.x.upstream}` : '';
	const x = a.x;
	return { client: x.client, action: x.action, upstream: x.upstream, iface: x.iface, mark: x.mark, rule: x.rule,
		reason: `${x.reason}; note: over IPv6 (AAAA) the answer is ${o.x.action}${via}: ${o.famWhy ?? o.x.reason}` };
}
