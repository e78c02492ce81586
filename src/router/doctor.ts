// `splitwg doctor`: the live system next to what the last apply recorded
// (the state file, the installed table file, the sections it committed),
// and every drift as a finding { id, path, args } — the CLI and LuCI word
// them (command.ts). Read-only, through the Env, so the fakes drive it.
import type { Env, RunResult } from './env';
import type { Config } from '../core/model';
import type { CursorSection } from './sections';
import { OWNED_CONFIGS, PATHS } from './env';
import { readConfig, format } from './core';
import type { TableState } from '../core/nft';
import type { TableObjects } from '../core/transition';
import { readConfigSections } from './sections';
import { readLists } from './lists';
import { readState, configFingerprint, fileFingerprint, noFile } from './state';
import { liveObjects, listMaps } from './nftables';
import { ownedSections } from './owned';
import { detect } from './detect';
import { misplaced } from './dnsmasq';
import { HANDSHAKE_TIMEOUT } from './status';

export interface Finding { id: string, path: string | null, args: { [k: string]: any } }

// Every id doctor() can report (docs/ubus.md): finding() takes only these, so
// a new check must add its id here, and test/luci/doctor.test.ts then fails
// until the CLI (command.ts describeFinding) and LuCI (src/luci/_doctor.ts)
// word it.
export const FINDING_IDS = [
	'uncommitted', 'config_invalid', 'not_applied', 'last_apply_failed', 'config_changed',
	'table_missing', 'table_file_missing', 'table_file_changed', 'table_differs', 'stray_elements', 'missing_elements',
	'rule_missing', 'route_missing', 'tunnel_down', 'no_handshake',
	'dnsmasq_no_nftset', 'dnsmasq_file_missing', 'ipv6_unclassified', 'client_ipv4_only',
] as const;
export type FindingId = typeof FINDING_IDS[number];

export interface DoctorReply { ok: boolean, findings: Finding[] }

export const IPV6_FORWARDING = '/proc/sys/net/ipv6/conf/all/forwarding';

function finding(out: Finding[], id: FindingId, path: string | null, args: { [k: string]: any }): void {
	push(out, { id, path, args });
}

function runJson(env: Env, argv: string[]): any[] | null {
	const r: RunResult = env.run(argv);
	if (r.code !== 0) return null;
	let v: any = null;
	try { v = json(r.stdout); } catch { return null; }
	return type(v) === 'array' ? v : null;
}

// ---------------------------------------------------------------- table

// One element of `nft -j list` as our file writes it: "192.168.78.0/24",
// "10.77.0.2 : goto client_phone", "br-guest".
function elemText(e: any): string {
	if (type(e) === 'array') return `${elemText(e[0])} : ${verdictText(e[1])}`;
	if (type(e) === 'object' && type(e.elem) === 'object') return elemText(e.elem.val);
	if (type(e) === 'object' && type(e.prefix) === 'object') return `${e.prefix.addr}/${e.prefix.len}`;
	if (type(e) === 'object' && type(e.range) === 'array') return `${e.range[0]}-${e.range[1]}`;
	return `${e}`;
}

function verdictText(v: any): string {
	if (type(v) === 'object' && type(v.goto) === 'object') return `goto ${v.goto.target}`;
	if (type(v) === 'object' && type(v.jump) === 'object') return `jump ${v.jump.target}`;
	// `{"return": null}`, `{"accept": null}`: the verdict is the key
	if (type(v) === 'object') { const k = keys(v as object); if (length(k) === 1) return k[0]; }
	return `${v}`;
}

function missingFrom(a: string[], b: string[]): string[] {
	return filter(a, (x) => index(b, x) < 0);
}

// `want`: the applied table's model as the state file keeps it (null: an
// older state without it; only the file is checked then).
export function checkTable(env: Env, out: Finding[], guardless: string[], want: TableState | null): void {
	const live = liveObjects(env);
	if (!live) { finding(out, 'table_missing', 'nft', { unguarded: guardless }); return; }
	const file = fileFingerprint(env, PATHS.nft);
	if (file === null) { finding(out, 'table_file_missing', 'nft', { file: PATHS.nft }); return; }
	const st = readState(env);
	if (st && st.hashes && st.hashes.nft && file !== st.hashes.nft) finding(out, 'table_file_changed', 'nft', { file: PATHS.nft });
	if (want !== null) checkObjects(env, out, want, live);
}

// The running table (`live`: its objects, liveObjects()) against the applied
// model: objects missing or extra, map elements lost or stray. apply asks
// this alone: it has just compared the installed file with its own text.
// A group's slot map (core groupChainName(): grp_<group>, grp_<group>_pkt).
function isGroupMap(name: string): boolean {
	return substr(name, 0, 4) === 'grp_';
}

export function checkObjects(env: Env, out: Finding[], want: TableState, live: TableObjects): void {
	const missing: string[] = [], extra: string[] = [];
	const kinds = ['set', 'map', 'chain'];
	const lists = [live.sets, live.maps, live.chains];
	const wanted = [want.objects.sets, want.objects.maps, want.objects.chains];
	for (let k = 0; k < 3; k++) {
		const names = wanted[k];
		for (let i = 0; i < length(names); i++) if (index(lists[k], names[i]) < 0) push(missing, `${kinds[k]} ${names[i]}`);
		for (let i = 0; i < length(lists[k]); i++) if (index(names, lists[k][i]) < 0) push(extra, `${kinds[k]} ${lists[k][i]}`);
	}
	if (length(missing) || length(extra)) finding(out, 'table_differs', 'nft', { missing, extra });
	// the elements of what the config fills (the maps); domain sets are
	// dnsmasq's, list sets their files', a group's slots the health checker's
	const filled = filter(want.filled, (d) => !isGroupMap(d.name));
	const doc = listMaps(env, map(filter(filled, (d) => d.kind === 'map'), (d) => d.name));
	for (let i = 0; i < length(filled); i++) {
		const d = filled[i];
		let have: string[] | null = null;
		for (let j = 0; j < length(doc); j++) {
			const o = doc[j][d.kind];
			if (type(o) === 'object' && o.name === d.name) have = map(o.elem ?? [], elemText);
		}
		if (have === null) continue;                  // reported as missing above
		const stray = missingFrom(have, d.elements), lost = missingFrom(d.elements, have);
		if (length(stray)) finding(out, 'stray_elements', `nft.${d.name}`, { kind: d.kind, name: d.name, elements: stray });
		if (length(lost)) finding(out, 'missing_elements', `nft.${d.name}`, { kind: d.kind, name: d.name, elements: lost });
	}
}

// ---------------------------------------------------------------- routing

function one(s: CursorSection, k: string): string | null {
	const v = s[k];
	return type(v) === 'array' ? (v as string[])[0] : type(v) === 'string' ? v as string : null;
}

// "0x20000000/0x70000000" against ip's { fwmark: "0x20000000", fwmask: "0x70000000" }
function sameMark(sec: string, r: any): boolean {
	const p = split(sec, '/');
	const mask = length(p) > 1 ? hex(p[1]) : 0xffffffff;
	return type(r.fwmark) === 'string' && hex(p[0]) === hex(r.fwmark) && (type(r.fwmask) === 'string' ? hex(r.fwmask) : 0xffffffff) === mask;
}

// Does `ip -j rule` entry `r` realise netifd rule section `s`?
function ruleMatches(s: CursorSection, r: any): boolean {
	if (`${r.priority}` !== one(s, 'priority')) return false;
	const src = one(s, 'src');
	const rsrc = r.src === 'all' ? null : type(r.srclen) === 'int' ? `${r.src}/${r.srclen}` : r.src;
	if (src !== rsrc) return false;
	const mark = one(s, 'mark');
	if (mark !== null ? !sameMark(mark, r) : exists(r, 'fwmark')) return false;
	const look = one(s, 'lookup'), act = one(s, 'action');
	if (look !== null && `${r.table}` !== look) return false;
	if (act !== null && r.action !== act) return false;
	const sp = one(s, 'suppress_prefixlength');
	return sp === null || `${r.suppress_prefixlen}` === sp;
}

function routeMatches(s: CursorSection, r: any): boolean {
	if (r.dst !== 'default') return false;
	if (one(s, 'type') === 'unreachable') return r.type === 'unreachable';
	return r.type !== 'unreachable' && r.dev === one(s, 'interface');
}

function ifaceUp(env: Env, iface: string): boolean {
	const s = env.ubus(`network.interface.${iface}`, 'status', {});
	return type(s) === 'object' && s.up === true;
}

export function checkRouting(env: Env, out: Finding[]): void {
	const secs = ownedSections(env.uci, 'network');
	const rules4 = runJson(env, ['ip', '-j', 'rule', 'show']) ?? [];
	const rules6 = length(filter(secs, (s) => s['.type'] === 'rule6')) ? runJson(env, ['ip', '-j', '-6', 'rule', 'show']) ?? [] : [];
	// every table of a family in one listing (one command, not one per upstream)
	const routes: { [t: string]: any[] | null } = { route: null, route6: null };
	for (let i = 0; i < length(secs); i++) {
		const s = secs[i], t = s['.type'];
		if (t === 'rule' || t === 'rule6') {
			const have = t === 'rule' ? rules4 : rules6;
			if (!length(filter(have, (r) => ruleMatches(s, r))))
				finding(out, 'rule_missing', `network.${s['.name']}`, { section: s['.name'], family: t === 'rule' ? 4 : 6, priority: one(s, 'priority') });
		} else if (t === 'route' || t === 'route6') {
			const dev = one(s, 'interface');
			if (dev !== null && !ifaceUp(env, dev)) continue;     // a tunnel that is down has no route (tunnel_down)
			if (routes[t] === null) routes[t] = runJson(env, ['ip', '-j', t === 'route6' ? '-6' : '-4', 'route', 'show', 'table', 'all']) ?? [];
			const table = one(s, 'table');
			if (!length(filter(routes[t] as any[], (r) => `${r.table}` === table && routeMatches(s, r))))
				finding(out, 'route_missing', `network.${s['.name']}`, { section: s['.name'], family: t === 'route' ? 4 : 6, table: one(s, 'table'), type: one(s, 'type') ?? 'unicast' });
		}
	}
}

// ---------------------------------------------------------------- tunnels

// `wg show IFACE latest-handshakes`: "PUBKEY\tSECONDS" per peer; the newest.
function latestHandshake(env: Env, iface: string): number | null {
	const r = env.run(['wg', 'show', iface, 'latest-handshakes']);
	if (r.code !== 0) return null;
	let best = 0;
	const lines = split(trim(r.stdout), '\n');
	for (let i = 0; i < length(lines); i++) {
		const f = split(lines[i], '\t');
		if (length(f) === 2 && int(f[1]) > best) best = int(f[1]);
	}
	return best;
}

// ---------------------------------------------------------------- the report

export function doctor(env: Env): DoctorReply {
	const out: Finding[] = [];
	const sections = readConfigSections(env.uci, 'splitwg');
	const r = readConfig(sections, readLists(env, sections, 'check'));
	const cfg = r.config;
	const st = readState(env);
	const configs = ['splitwg', ...OWNED_CONFIGS];
	for (let i = 0; i < length(configs); i++) {
		const c = configs[i];
		const n = length((env.uci.changes(c) ?? {})[c] ?? []);
		if (n) finding(out, 'uncommitted', c, { config: c, changes: n });
	}
	// `first` in English, and as its message for a consumer that translates
	if (!cfg) finding(out, 'config_invalid', r.problems[0].path, { problems: length(r.problems), first: format(r.problems[0]), first_id: r.problems[0].id, first_args: r.problems[0].args });
	const wanted = cfg ? cfg.globals.enabled : true;
	const applied = st !== null && st.enabled;
	if (!applied) {
		if (wanted) finding(out, 'not_applied', null, { stopped: st !== null });
		return { ok: !length(out), findings: out };
	}
	// (message_id/args: the message it was worded from, when splitwg worded it)
	if (!st.ok) finding(out, 'last_apply_failed', null, type(st.id) === 'string' ? { message: st.message, message_id: st.id, message_args: st.args ?? [] } : { message: st.message });
	if (st.config_hash !== null && st.config_hash !== configFingerprint(env, () => sections)) finding(out, 'config_changed', null, {});
	// proxied clients the routing kill switch cannot guard (docs/config.md)
	const guardless: string[] = [];
	for (let i = 0; cfg && i < length(cfg.clients); i++) {
		const c = cfg.clients[i];
		const proxied = c.defaultAction === 'proxy' || length(filter(c.rules, (x) => x.action === 'proxy')) > 0;
		if (c.enabled && proxied && !length(c.src4) && !length(c.src6)) push(guardless, c.name);
	}
	checkTable(env, out, guardless, st.table ?? null);
	checkRouting(env, out);
	for (let i = 0; cfg && i < length(cfg.upstreams); i++) {
		const u = cfg.upstreams[i];
		if (!u.enabled) continue;
		if (!ifaceUp(env, u.iface)) { finding(out, 'tunnel_down', `upstream.${u.name}`, { upstream: u.name, iface: u.iface, kill_switch: cfg.globals.killSwitch }); continue; }
		const t = latestHandshake(env, u.iface);
		const age = t !== null && t > 0 ? env.now() - t : null;
		if (age === null || age > HANDSHAKE_TIMEOUT) finding(out, 'no_handshake', `upstream.${u.name}`, { upstream: u.name, iface: u.iface, age });
	}
	checkDnsmasq(env, out, st.hashes ? st.hashes.dnsmasq : null);
	if (cfg) checkIpv6(env, out, cfg);
	return { ok: !length(out), findings: out };
}

function checkDnsmasq(env: Env, out: Finding[], appliedHash: string | null): void {
	if (noFile(appliedHash)) return;      // no entries applied
	const p = detect(env);
	if (!p.nftset) { finding(out, 'dnsmasq_no_nftset', 'dnsmasq', { installed: p.dnsmasq }); return; }
	const m = misplaced(env, appliedHash as string, p.confDirs);
	for (let i = 0; i < length(m); i++) finding(out, 'dnsmasq_file_missing', 'dnsmasq', m[i]);
}

function checkIpv6(env: Env, out: Finding[], cfg: Config): void {
	if (trim(env.fs.read(IPV6_FORWARDING) ?? '0') !== '1') return;
	if (!cfg.globals.ipv6) { finding(out, 'ipv6_unclassified', 'globals.ipv6', {}); return; }
	for (let i = 0; i < length(cfg.clients); i++) {
		const c = cfg.clients[i];
		const proxied = c.defaultAction === 'proxy' || length(filter(c.rules, (x) => x.action === 'proxy')) > 0;
		if (c.enabled && proxied && length(c.src4) && !length(c.src6) && !length(c.macs) && !length(c.ifaces))
			finding(out, 'client_ipv4_only', `client.${c.name}.address`, { client: c.name });
	}
}

// What netifd would have sent for a rule or route section, as `ip`: apply
// puts back one that was deleted by hand (a netifd reload keeps its own
// list and does not re-add it; netifd deletes it later by the same
// attributes).
export function repairArgv(s: CursorSection): string[] | null {
	const t = s['.type'], fam = t === 'rule6' || t === 'route6' ? '-6' : '-4';
	if (t === 'rule' || t === 'rule6') {
		const a = ['ip', fam, 'rule', 'add', 'priority', one(s, 'priority') ?? '0'];
		if (one(s, 'src') !== null) push(a, 'from', one(s, 'src') as string);
		if (one(s, 'mark') !== null) push(a, 'fwmark', one(s, 'mark') as string);
		if (one(s, 'lookup') !== null) push(a, 'lookup', one(s, 'lookup') as string);
		if (one(s, 'suppress_prefixlength') !== null) push(a, 'suppress_prefixlength', one(s, 'suppress_prefixlength') as string);
		if (one(s, 'action') !== null) push(a, one(s, 'action') as string);
		return a;
	}
	if (t === 'route' || t === 'route6') {
		const a = ['ip', fam, 'route', 'add'];
		if (one(s, 'type') === 'unreachable') push(a, 'unreachable', 'default');
		else push(a, 'default', 'dev', one(s, 'interface') ?? '');
		if (one(s, 'metric') !== null) push(a, 'metric', one(s, 'metric') as string);
		push(a, 'table', one(s, 'table') ?? '');
		return a;
	}
	return null;
}
