// Live state for `splitwg status`, ubus status/stats and LuCI: interfaces
// from netifd, handshakes and traffic from `wg show`, path counters from the
// nft table, the last apply from /var/run/splitwg. Read-only; never a key.
import type { Config } from '../core/model';
import type { Env } from './env';
import { VERSION, readConfig, renderUci, badBool, bool } from './core';
import { readConfigSections } from './sections';
import { listJson } from './nftables';
import { peers } from './wg';
import { readState, hash } from './state';
import { detect, platformWarnings } from './detect';
import { misplaced } from './dnsmasq';

// regexes as module constants: ucode compiles a literal each time it is evaluated
const FIRST_WORD = /^([^ :\n]+)/;

// A tunnel with keepalive handshakes at least every two minutes; five
// minutes without one means the other end is not answering.
export const HANDSHAKE_TIMEOUT = 300;

export interface Counter { packets: number, bytes: number }

export interface UpstreamStatus {
	name: string; iface: string; enabled: boolean; up: boolean;
	handshake_age: number | null; rx: number; tx: number; healthy: boolean;
}
export interface ClientStatus {
	name: string; kind: string; enabled: boolean;
	counters: { direct: number, proxy: number, block: number };
	handshake_age: number | null;
}

// One rule of the table, reduced to what the counters need.
interface NftRule { chain: string, comment: string, counter: Counter | null, verdict: string | null }

export function nftRules(doc: any[] | null): NftRule[] {
	const out: NftRule[] = [];
	const list: any[] = doc ?? [];
	for (let i = 0; i < length(list); i++) {
		const r = list[i].rule;
		if (type(r) !== 'object') continue;
		const rule: NftRule = { chain: r.chain, comment: r.comment ?? '', counter: null, verdict: null };
		const exprs: any[] = r.expr ?? [];
		for (let j = 0; j < length(exprs); j++) {
			const e = exprs[j];
			if (type(e.counter) === 'object') rule.counter = { packets: e.counter.packets ?? 0, bytes: e.counter.bytes ?? 0 };
			else if (type(e.goto) === 'object') rule.verdict = e.goto.target;
			else if (type(e.jump) === 'object') rule.verdict = e.jump.target;
			else if (exists(e, 'drop')) rule.verdict = 'drop';
			else if (exists(e, 'accept')) rule.verdict = 'accept';
		}
		push(out, rule);
	}
	return out;
}

// The mark chain a verdict goes to, without the suffix of the chains that
// mark a packet only (rules from a client's first time window on).
function markChainOf(verdict: string | null): string | null {
	if (verdict === null) return null;
	const n = length(verdict) as number;
	return n > 4 && substr(verdict, n - 4) === '_pkt' ? substr(verdict, 0, n - 4) : verdict;
}

function pathOf(target: string | null): string | null {
	const verdict = markChainOf(target);
	if (verdict === 'drop') return 'block';
	if (verdict === 'mark_direct') return 'direct';
	if (verdict !== null && substr(verdict, 0, 3) === 'up_') return 'proxy';
	return null;
}

// The rule id at the start of a comment ("client.tv.rule[0] (Video): …"),
// or "default" for "client tv default: …".
function ruleIdOf(comment: string): string {
	if (substr(comment, 0, 7) === 'client ' && index(comment, ' default') > 0) return 'default';
	const m = match(comment, FIRST_WORD) as string[] | null;
	return m ? m[1] : comment;
}

function loadConfig(env: Env): { config: Config | null, problems: number, hash: string, enabledRaw: boolean } {
	const sections = readConfigSections(env.uci, 'splitwg');
	const r = readConfig(sections);
	const g = filter(sections, (s) => s.type === 'globals');
	const en = length(g) ? g[0].options.enabled : null;
	// as the config reader reads it: a value that is not a boolean reads as the default
	const enabledRaw = type(en) === 'string' && badBool(en as string) === null ? bool(en as string) : true;
	return { config: r.config, problems: length(r.problems), hash: hash(renderUci(sections)), enabledRaw };
}

function age(env: Env, t: number): number | null {
	return t > 0 ? env.now() - t : null;
}

export interface StatusReply {
	enabled: boolean; version: string;
	applied: boolean;            // the last successful apply installed splitwg (false: stopped or never applied)
	upstreams: UpstreamStatus[]; clients: ClientStatus[];
	last_apply: { ok: boolean, time: number, message: string } | null;
	pending: boolean;
	warnings: string[];
}

export interface StatsReply {
	clients: { name: string, rules: { rule: string, packets: number, bytes: number }[], default: Counter }[];
	upstreams: { name: string, packets: number, bytes: number }[];
	dropped: { leak: number, dot: number };
	dns_hijacked: number;
}

export function status(env: Env): StatusReply {
	const cfg = loadConfig(env);
	const st = readState(env);
	const applied = st !== null && st.enabled;
	const rules = nftRules(listJson(env));
	const warnings: string[] = [];
	const upstreams: UpstreamStatus[] = [];
	const clients: ClientStatus[] = [];
	const c = cfg.config;
	if (!c) push(warnings, `the configuration has ${cfg.problems} problem(s): run splitwg check`);
	if (c) {
		for (let i = 0; i < length(c.upstreams); i++) {
			const u = c.upstreams[i];
			const ifs = env.ubus(`network.interface.${u.iface}`, 'status', {});
			const up = type(ifs) === 'object' && ifs.up === true;
			const ps = up ? peers(env, u.iface) : null;
			const p = ps && length(ps) ? ps[0] : null;
			const hs = p ? age(env, p.latest_handshake) : null;
			const healthy = up && hs !== null && hs <= HANDSHAKE_TIMEOUT;
			push(upstreams, { name: u.name, iface: u.iface, enabled: u.enabled, up, handshake_age: hs, rx: p ? p.rx : 0, tx: p ? p.tx : 0, healthy });
			// (a stopped splitwg blocks and routes nothing: no warning then)
			if (applied && u.enabled && c.globals.enabled && !up) push(warnings, `upstream ${u.name}: interface ${u.iface} is down${c.globals.killSwitch ? ' (kill switch: its traffic is blocked)' : ' (its traffic goes direct)'}`);
			else if (applied && u.enabled && up && !healthy)
				push(warnings, `upstream ${u.name}: ${hs === null ? 'no handshake yet' : `no handshake for ${int(hs / 60)} minutes`}${u.keepalive === null ? ' (no keepalive set: an idle tunnel does not handshake)' : ''}`);
		}
		const srvPeers = c.server && c.server.enabled ? peers(env, c.server.iface) : null;
		for (let i = 0; i < length(c.clients); i++) {
			const cl = c.clients[i];
			const counters = { direct: 0, proxy: 0, block: 0 };
			for (let j = 0; j < length(rules); j++) {
				const r = rules[j];
				const path = pathOf(r.verdict);
				if (r.chain === `client_${cl.name}` && r.counter && path) (counters as any)[path] += r.counter.packets;
			}
			let hs: number | null = null;
			for (let j = 0; j < length(srvPeers ?? []); j++)
				if ((srvPeers as any[])[j].public_key === cl.publicKey) hs = age(env, (srvPeers as any[])[j].latest_handshake);
			push(clients, { name: cl.name, kind: cl.kind, enabled: cl.enabled, counters, handshake_age: hs });
		}
	}
	const enabled = c ? c.globals.enabled : cfg.enabledRaw;
	if (enabled && st && st.ok && st.enabled && !length(rules)) push(warnings, 'table inet splitwg is missing (was the firewall stopped or restarted?): run splitwg apply');
	if (st && !st.ok) push(warnings, `last apply failed: ${st.message}`);
	// a stopped splitwg has nothing pending: `not applied` says it all
	const pending = applied && st.config_hash !== cfg.hash;
	if (applied && st.hashes && st.hashes.dnsmasq && st.hashes.dnsmasq !== hash('')) {
		const m = misplaced(env, st.hashes.dnsmasq, detect(env).confDirs);
		for (let i = 0; i < length(m); i++) push(warnings, `dnsmasq reads ${m[i].dir}, but splitwg's domain entries ${m[i].differs ? 'there are not the applied ones' : 'are not there'}: run splitwg apply`);
	}
	if (enabled) {
		let domains = false;
		for (let i = 0; c && i < length(c.clients); i++)
			for (let j = 0; j < length(c.clients[i].rules); j++) if (length(c.clients[i].rules[j].match.domains)) domains = true;
		const w = platformWarnings(detect(env), domains, c ? c.globals.ipv6 : false);
		for (let i = 0; i < length(w); i++) push(warnings, w[i]);
	}
	return {
		enabled, version: VERSION, applied, upstreams, clients,
		last_apply: st ? { ok: st.ok, time: st.time, message: st.message } : null,
		pending,
		warnings,
	};
}

// Counters of the table: per client and rule, and per upstream. They count
// what passes the classifying rule — the first packet of each connection
// (later packets follow the connection's mark) — so packets ≈ connections;
// from a client's first rule with a time window on, every packet is
// classified and counted.
export function stats(env: Env): StatsReply {
	const rules = nftRules(listJson(env));
	const clients: { [n: string]: { name: string, rules: { rule: string, packets: number, bytes: number }[], default: Counter } } = {};
	const ups: { [n: string]: Counter } = {};
	const dropped = { leak: 0, dot: 0 };
	let hijacked = 0;
	for (let i = 0; i < length(rules); i++) {
		const r = rules[i];
		if (!r.counter) continue;
		if (substr(r.chain, 0, 7) === 'client_') {
			const n = substr(r.chain, 7);
			clients[n] = clients[n] ?? { name: n, rules: [], default: { packets: 0, bytes: 0 } };
			const id = ruleIdOf(r.comment);
			if (id === 'default') {
				clients[n].default.packets += r.counter.packets;
				clients[n].default.bytes += r.counter.bytes;
			} else {
				// one splitwg rule may be several nft rules (IPv4/IPv6 sets, a window across midnight)
				const have = filter(clients[n].rules, (x) => x.rule === id);
				if (length(have)) { have[0].packets += r.counter.packets; have[0].bytes += r.counter.bytes; }
				else push(clients[n].rules, { rule: id, packets: r.counter.packets, bytes: r.counter.bytes });
			}
			const target = markChainOf(r.verdict);
			if (target !== null && substr(target, 0, 3) === 'up_') {
				const u = substr(target, 3);
				ups[u] = ups[u] ?? { packets: 0, bytes: 0 };
				ups[u].packets += r.counter.packets;
				ups[u].bytes += r.counter.bytes;
			}
		} else if (r.chain === 'forward') dropped.leak += r.counter.packets;
		else if (r.chain === 'dns_hijack' && r.verdict === 'drop') dropped.dot += r.counter.packets;
		else if (r.chain === 'dns_hijack') hijacked += r.counter.packets;
	}
	return {
		clients: values(clients),
		upstreams: map(keys(ups), (n: string) => ({ name: n, packets: ups[n].packets, bytes: ups[n].bytes })),
		dropped,
		dns_hijacked: hijacked,
	};
}
