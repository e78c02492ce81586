// The `splitwg` command (docs/cli.md): argument parsing and human-readable
// output over the same functions the ubus API uses. Returns the exit code.
import type { Env } from './env';
import { VERSION, readConfig, compile, redactedPlan, renderUci, described, format, age, fmtBytes, nameFromFile, pathText, watchOf } from './core';
import { PATHS } from './env';
import { readConfigSections } from './sections';
import { readLists, listsFile } from './lists';
import { localNetworks } from './routes';
import { apply, stop } from './apply';
import type { ApplyResult } from './apply';
import { status, stats } from './status';
import type { ClientBytes } from './ctbytes';
import { doctor } from './doctor';
import type { Finding } from './doctor';
import { genkey } from './wg';
import { parseProviderConf, peerConf, upstreamOptions } from './conf';
import { hotplug, triggerInterfaces } from './hotplug';
import { methods } from './api';
import { templates, addTemplate } from './templates';
import { importZip } from './onboard';
import { exportConfig, importConfig } from './transfer';
import type { ZipUpstream } from './onboard';
import { updateLists } from './subscriptions';
import { readHealth } from './health';
import { followDns } from './healthdns';

export interface Io { out(s: string): void, err(s: string): void }

const USAGE = `usage: splitwg <command> [--json]
  check                 validate /etc/config/splitwg
  plan                  show what apply would install (keys hidden)
  apply [--dry-run]     apply the configuration (a transaction: all or nothing)
  stop                  remove everything splitwg installed
  status                upstreams, clients, last apply, warnings
  doctor                compare the running system with the last apply: every drift, with its fix
  stats                 per-rule, per-rule-set and per-upstream counters
  explain CLIENT DEST [--proto P] [--port N] [--at "Mon 21:30"] [--family 4|6]
                        which path CLIENT's traffic to DEST takes, and why
                        (a condition not given is not evaluated: assumed to hold;
                        a domain is answered for IPv4 unless --family 6, noting IPv6 when it differs)
  genkey                a new WireGuard key pair
  import FILE [NAME]    add a provider's WireGuard .conf as upstream NAME
  import FILE.zip       add every .conf in a provider's zip, one upstream each
  import FILE.json      add the upstreams, clients and rules of an export
  export [FILE] [--with-keys]
                        upstreams, clients, rule sets and rules as JSON
                        (private keys only with --with-keys)
  template list         the rule templates the package ships
  template add NAME [AS]
                        copy template NAME into the configuration as rule set AS
  peer CLIENT           the .conf of a road-warrior peer client
  health [--needed|--dns]
                        the health checker's view: each watched upstream, each group's member now
                        (--needed: exit 0 when a group or a probe is configured, 1 when not:
                        the init script starts the checker only then; --dns: render the DNS
                        entries of failover groups for the members up, as the checker asks)
  update-lists [NAME] [--due]
                        fetch the subscribed lists (or NAME; --due: those whose interval
                        has passed, as cron runs it), then refill the sets of those that changed
  version
  help, --help, -h      this text
`;

// regexes as module constants: ucode compiles a literal each time it is evaluated
const ZIP_FILE = /\.[zZ][iI][pP]$/;
const JSON_FILE = /\.[jJ][sS][oO][nN]$/;

interface Args { cmd: string, pos: string[], flags: { [k: string]: string | boolean } }

const VALUE_FLAGS = ['proto', 'port', 'at', 'family'];

export function parseArgs(argv: string[]): Args | string {
	const a: Args = { cmd: '', pos: [], flags: {} };
	for (let i = 0; i < length(argv); i++) {
		const w = argv[i];
		if (w === '-h') a.flags.help = true;
		else if (substr(w, 0, 2) === '--') {
			const name = substr(w, 2);
			if (index(VALUE_FLAGS, name) >= 0) {
				if (i + 1 >= length(argv)) return `--${name} needs a value`;
				a.flags[name] = argv[++i];
			} else if (index(['json', 'dry-run', 'help', 'with-keys', 'due', 'needed', 'dns'], name) >= 0) a.flags[name] = true;
			else return `unknown option ${w}`;
		} else if (a.cmd === '') a.cmd = w;
		else push(a.pos, w);
	}
	return a;
}

function printJson(io: Io, v: any): void {
	io.out(sprintf('%.J\n', v));
}

export function fmtAge(s: number | null): string {
	const a = age(s);
	return a === null ? 'never' : `${a.n}${a.unit} ago`;
}

export { fmtBytes };

function fmtTime(t: number): string {
	const tm = localtime(t);
	return sprintf('%04d-%02d-%02d %02d:%02d:%02d', tm.year, tm.mon, tm.mday, tm.hour, tm.min, tm.sec);
}

function pad(s: string, n: number): string {
	return sprintf(`%-${n}s`, s);
}

// The configuration with its list files, as apply reads it.
function readAll(env: Env) {
	const secs = readConfigSections(env.uci, 'splitwg');
	return readConfig(secs, readLists(env, secs, 'check'));
}

function loadConfig(env: Env, io: Io) {
	const r = readAll(env);
	if (!r.config) {
		for (let i = 0; i < length(r.problems); i++) io.err(`${r.problems[i].path}: ${format(r.problems[i])}\n`);
		io.err(`splitwg: the configuration has ${length(r.problems)} problem(s)\n`);
	}
	return r;
}

function cmdCheck(env: Env, io: Io, a: Args): number {
	const r = readAll(env);
	// --json: ubus check's answer (docs/ubus.md), English message beside id/args
	if (a.flags.json) { printJson(io, { valid: r.config !== null, problems: map(r.problems, (p) => described(p)), warnings: map(r.warnings, (p) => described(p)) }); return r.config ? 0 : 1; }
	for (let i = 0; i < length(r.warnings); i++) io.err(`warning: ${r.warnings[i].path}: ${format(r.warnings[i])}\n`);
	if (!r.config) {
		for (let i = 0; i < length(r.problems); i++) io.err(`${r.problems[i].path}: ${format(r.problems[i])}\n`);
		io.err(`splitwg: the configuration has ${length(r.problems)} problem(s)\n`);
		return 1;
	}
	io.out(`configuration ok: ${length(r.config.upstreams)} upstream(s), ${length(r.config.clients)} client(s)${r.config.globals.enabled ? '' : ' (disabled: apply removes everything)'}\n`);
	return 0;
}

function cmdPlan(env: Env, io: Io, a: Args): number {
	const r = loadConfig(env, io);
	if (!r.config) return 1;
	const p = redactedPlan(compile(r.config, { local: localNetworks(env, r.config.globals.ipv6).local }));
	if (a.flags.json) { printJson(io, p); return 0; }
	if (!p.enabled) { io.out('# splitwg is disabled (globals.enabled 0): apply removes everything splitwg installed\n'); return 0; }
	io.out(`# splitwg ${VERSION} plan: ${length(p.upstreams)} upstream(s), ${length(p.clients)} client(s), mark mask ${p.marks.mask}\n\n`);
	io.out(`# ===== ${PATHS.nft}\n${p.nft}\n`);
	const lists = p.table ? listsFile(env, p.table.sets) : null;
	if (lists !== null) io.out(`# ===== ${PATHS.nftLists}\n${lists}\n`);
	io.out(`# ===== <dnsmasq conf-dir>/${PATHS.dnsmasqFile}\n${p.dnsmasq}\n`);
	io.out(`# ===== /etc/config/network: sections owned by splitwg (keys hidden)\n${renderUci(p.network)}`);
	io.out(`# ===== /etc/config/firewall: sections owned by splitwg\n${renderUci(p.firewall)}`);
	return 0;
}

function printApply(io: Io, a: Args, r: ApplyResult): number {
	if (a.flags.json) { printJson(io, r); return r.ok ? 0 : 1; }
	if (r.ok) io.out(`${r.message}\n`);
	else {
		io.err(`splitwg: ${r.message}\n`);
		for (let i = 0; i < length(r.problems ?? []); i++) io.err(`  ${(r.problems as any[])[i].path}: ${(r.problems as any[])[i].message}\n`);
	}
	for (let i = 0; i < length(r.warnings); i++) io.err(`warning: ${r.warnings[i]}\n`);
	return r.ok ? 0 : 1;
}

function cmdStatus(env: Env, io: Io, a: Args): number {
	const s = status(env);
	if (a.flags.json) { printJson(io, s); return 0; }
	const what = s.applied ? `enabled${s.pending ? ' (configuration changed since the last apply: run splitwg apply)' : ''}`
		: `${s.last_apply ? 'stopped' : 'not applied'}: nothing installed${s.enabled ? ' (run splitwg apply)' : ' (disabled in the configuration)'}`;
	io.out(`splitwg ${s.version}: ${what}\n`);
	const la = s.last_apply;
	io.out(la ? `last apply: ${fmtTime(la.time)} ${la.ok ? 'ok' : 'FAILED'}: ${la.message}\n` : 'last apply: none since boot\n');
	if (length(s.upstreams)) io.out('upstreams:\n');
	for (let i = 0; i < length(s.upstreams); i++) {
		const u = s.upstreams[i];
		const state = !u.enabled ? 'disabled' : !u.up ? 'DOWN' : u.healthy ? 'up' : 'up, STALE';
		io.out(`  ${pad(u.name, 12)} ${pad(u.iface, 15)} ${pad(state, 10)} handshake ${pad(fmtAge(u.handshake_age), 10)} rx ${fmtBytes(u.rx)}  tx ${fmtBytes(u.tx)}\n`);
		const h = u.health;
		if (h) io.out(`  ${pad('', 12)} health: ${h.state === 'up' ? 'up' : 'DOWN'} since ${fmtTime(h.since)} (${h.reason})${h.rtt !== null ? `, rtt ${h.rtt} ms` : ''}${h.last !== null ? `, last look ${fmtAge(env.now() - h.last)}` : ''}\n`);
	}
	if (length(s.groups)) io.out('groups (new connections go to):\n');
	for (let i = 0; i < length(s.groups); i++) {
		const g = s.groups[i];
		const now = length(g.active) ? join(', ', g.active) : 'no member up: BLOCKED';
		io.out(`  ${pad(g.name, 12)} ${pad(g.mode, 9)} ${now}  (members ${join(', ', g.members)})\n`);
	}
	if (length(s.clients)) io.out('clients (new connections by path):\n');
	for (let i = 0; i < length(s.clients); i++) {
		const c = s.clients[i];
		const hs = c.kind === 'peer' ? `  handshake ${fmtAge(c.handshake_age)}` : '';
		// (a rule set whose rules take several paths: its matches are counted apart)
		const rs = c.counters.ruleset ? `  rule sets ${c.counters.ruleset}` : '';
		io.out(`  ${pad(c.name, 12)} ${pad(c.kind, 7)} ${c.enabled ? '' : '(disabled) '}direct ${c.counters.direct}  proxy ${c.counters.proxy}  block ${c.counters.block}${rs}${hs}\n`);
	}
	if (length(s.subscriptions)) io.out('lists (subscriptions):\n');
	for (let i = 0; i < length(s.subscriptions); i++) {
		const l = s.subscriptions[i];
		const n = l.entries === null ? 'not fetched since boot' : `${l.entries} entries, fetched ${fmtAge(l.fetched_age)}`;
		io.out(`  ${pad(l.name, 12)} ${l.enabled ? '' : '(disabled) '}${n}${l.error ? `; last attempt ${fmtAge(env.now() - (l.checked as number))}: ${l.error.message}` : ''}\n`);
	}
	for (let i = 0; i < length(s.warnings); i++) io.out(`warning: ${s.warnings[i]}\n`);
	return 0;
}

// `--needed`: the init script's question (exit code only); else what the
// checker last wrote (health.json), as status shows it.
function cmdHealth(env: Env, io: Io, a: Args): number {
	if (a.flags.needed) {
		const r = readConfig(readConfigSections(env.uci, 'splitwg'));
		return r.config && watchOf(r.config) !== null ? 0 : 1;
	}
	if (a.flags.dns) return followDns(env) ? 0 : 1;
	const h = readHealth(env);
	if (a.flags.json) { printJson(io, h); return 0; }
	if (!h) { io.out('health checker: no state (not running: no group and no probe configured, or not started yet)\n'); return 0; }
	io.out(`health checker: last look ${fmtAge(env.now() - h.time)}\n`);
	for (let n in h.upstreams) {
		const s = h.upstreams[n];
		const rtt = s.rtt !== null ? `, rtt ${s.rtt} ms` : '';
		io.out(`  ${pad(n, 12)} ${pad(s.up ? 'up' : 'DOWN', 5)} since ${fmtTime(s.since)}  ${s.reason}${rtt}${s.fails ? `, ${s.fails} missed` : ''}\n`);
	}
	for (let g in h.groups) io.out(`  group ${pad(g, 12)} ${length(h.groups[g]) ? join(', ', h.groups[g]) : 'no member up: blocked'}\n`);
	return 0;
}

function cmdUpdateLists(env: Env, io: Io, a: Args): number {
	if (length(a.pos) > 1) { io.err('usage: splitwg update-lists [NAME] [--due]\n'); return 2; }
	const r = updateLists(env, length(a.pos) ? a.pos[0] : null, a.flags.due === true, apply);
	const failed = r.error !== null || length(filter(r.lists, (l) => l.error !== null)) > 0 || (r.applied !== null && !r.applied.ok);
	if (a.flags.json) { printJson(io, r); return failed ? 1 : 0; }
	if (r.error) { io.err(`splitwg: ${r.error.message}\n`); return 1; }
	for (let i = 0; i < length(r.lists); i++) {
		const l = r.lists[i];
		if (l.error) io.err(`${l.name}: ${l.error.message}; the previous copy stays${l.entries !== null ? ` (${l.entries} entries)` : ''}\n`);
		else io.out(`${l.name}: ${l.entries} entries, ${l.changed ? 'changed' : 'unchanged'}\n`);
	}
	if (r.note) io.out(`${format(r.note)}\n`);
	if (r.applied) return printApply(io, a, r.applied) || (failed ? 1 : 0);
	return failed ? 1 : 0;
}

function list(xs: string[]): string {
	return join(', ', xs);
}

// One finding in a router owner's words: what is wrong, then the fix.
export function describeFinding(f: Finding): string {
	const a = f.args;
	switch (f.id) {
	case 'uncommitted': return `/etc/config/${a.config} has ${a.changes} uncommitted change(s) (uci changes ${a.config}); apply refuses to commit them. Fix: uci commit ${a.config} (or uci revert ${a.config}), then splitwg apply`;
	case 'config_invalid': return `the configuration has ${a.problems} problem(s), first ${f.path}: ${a.first}. Fix: splitwg check, correct it, then splitwg apply`;
	case 'not_applied': return a.stopped ? 'splitwg is stopped: nothing is installed although the configuration is enabled. Fix: splitwg apply' : 'splitwg has not been applied since boot. Fix: splitwg apply';
	case 'last_apply_failed': return `the last apply failed (${a.message}); the previous state is in force. Fix: correct the cause, then splitwg apply`;
	case 'config_changed': return '/etc/config/splitwg changed since the last apply: the running rules are the old ones. Fix: splitwg apply';
	case 'table_missing': return `table inet splitwg is missing: the firewall was stopped or flushed${length(a.unguarded) ? ` — ${list(a.unguarded)} (identified by MAC or interface only) now leave${length(a.unguarded) === 1 ? 's' : ''} direct` : ''}. Fix: splitwg apply (or /etc/init.d/firewall start)`;
	case 'table_file_missing': return `${a.file} is missing: the next firewall reload will not re-create table inet splitwg. Fix: splitwg apply`;
	case 'table_file_changed': return `${a.file} was changed after the last apply. Fix: splitwg apply`;
	case 'table_differs': return `table inet splitwg differs from the applied plan${length(a.missing) ? `; missing: ${list(a.missing)}` : ''}${length(a.extra) ? `; not in the plan: ${list(a.extra)}` : ''} (changed by hand, or another version loaded it). Fix: splitwg apply`;
	case 'stray_elements': return `${a.kind} ${a.name} holds ${list(a.elements)}, which the configuration does not have. Fix: splitwg apply`;
	case 'missing_elements': return `${a.kind} ${a.name} lacks ${list(a.elements)} from the configuration. Fix: splitwg apply`;
	case 'rule_missing': return `the ip${a.family === 6 ? ' -6' : ''} rule of ${f.path} (priority ${a.priority}) is missing (deleted by hand, or netifd did not install it). Fix: splitwg apply (puts it back; a network reload does not)`;
	case 'route_missing': return `the ${a.type} default route of ${f.path} in table ${a.table} is missing (IPv${a.family}). Fix: splitwg apply (puts it back)`;
	case 'tunnel_down': return `upstream ${a.upstream}: interface ${a.iface} is down${a.kill_switch ? ': its traffic is blocked (kill switch)' : ': its traffic goes direct'}. Fix: ifup ${a.iface}; check logread -e netifd`;
	case 'no_handshake': return `upstream ${a.upstream}: ${a.iface} is up but ${a.age === null ? 'has never completed a handshake' : `has had no handshake for ${int(a.age / 60)} minutes`} (wg show ${a.iface}): the provider does not answer. Fix: check its endpoint, keys and the WAN; ifup ${a.iface}`;
	case 'dnsmasq_no_nftset': return a.installed ? 'dnsmasq was built without nftset: domain rules have no effect. Fix: opkg remove dnsmasq && opkg install dnsmasq-full, then splitwg apply' : 'dnsmasq is not installed: domain rules have no effect. Fix: opkg install dnsmasq-full, then splitwg apply';
	case 'dnsmasq_file_missing': return `dnsmasq reads ${a.dir}, but splitwg's domain entries ${a.differs ? 'there are not the applied ones' : 'are not there'}: domain rules have no effect. Fix: splitwg apply (writes ${a.file} and restarts dnsmasq)`;
	case 'ipv6_unclassified': return 'IPv6 forwarding is on but globals.ipv6 is 0: IPv6 traffic of the clients is not classified and leaves direct, also to proxied destinations. Fix: uci set splitwg.main.ipv6=1 && uci commit splitwg && splitwg apply (or turn IPv6 off on the LAN)';
	case 'client_ipv4_only': return `client ${a.client} is identified by IPv4 addresses only, but the router forwards IPv6: its IPv6 traffic is not classified and leaves direct. Fix: add its IPv6 address(es) or MAC to client.${a.client}, then splitwg apply`;
	default: return `${f.id}${f.path ? ' (' + f.path + ')' : ''}`;
	}
}

function cmdDoctor(env: Env, io: Io, a: Args): number {
	const d = doctor(env);
	if (a.flags.json) { printJson(io, d); return d.ok ? 0 : 1; }
	if (d.ok) { io.out('no drift: the running system is what the last apply installed\n'); return 0; }
	for (let i = 0; i < length(d.findings); i++) io.out(`- ${describeFinding(d.findings[i])}\n`);
	return 1;
}

// "direct up 1.0 KiB down 4.8 KiB, us up … down …": a client's open connections by path
function bytesLine(b: ClientBytes): string {
	const out = [`direct up ${fmtBytes(b.direct.up)} down ${fmtBytes(b.direct.down)}`];
	for (let u in b.proxy) push(out, `${u} up ${fmtBytes(b.proxy[u].up)} down ${fmtBytes(b.proxy[u].down)}`);
	return join(', ', out);
}

const BYTES_MISSING: { [why: string]: string } = {
	state: 'the last apply is from an older splitwg (run splitwg apply)',
	conntrack: 'neither conntrack (opkg install conntrack) nor /proc/net/nf_conntrack',
	accounting: 'conntrack accounting is off (net.netfilter.nf_conntrack_acct=0; OpenWrt sets 1)',
};

function cmdStats(env: Env, io: Io, a: Args): number {
	const s = stats(env);
	if (a.flags.json) { printJson(io, s); return 0; }
	for (let i = 0; i < length(s.clients); i++) {
		const c = s.clients[i];
		const rs = c.paths.ruleset ? `, rule sets ${c.paths.ruleset}` : '';
		const wg = c.rx !== null ? `; tunnel rx ${fmtBytes(c.rx)}  tx ${fmtBytes(c.tx as number)}` : '';
		io.out(`client ${c.name}: new connections direct ${c.paths.direct}, proxy ${c.paths.proxy}, block ${c.paths.block}${rs}${wg}\n`);
		for (let j = 0; j < length(c.rules); j++) io.out(`  ${pad(c.rules[j].rule, 32)} ${c.rules[j].packets} pkts\n`);
		for (let j = 0; j < length(c.rulesets); j++) io.out(`  ${pad(c.rulesets[j].name, 32)} ${c.rulesets[j].packets} pkts (rule set)\n`);
		io.out(`  ${pad('default', 32)} ${c.default.packets} pkts\n`);
		if (s.bytes.missing === null) io.out(`  open connections: ${c.bytes ? bytesLine(c.bytes) : 'not by address (MAC/interface: see below)'}\n`);
	}
	for (let i = 0; i < length(s.rulesets); i++) {
		const r = s.rulesets[i];
		io.out(`rule set chain ${r.name}${r.ruleset !== null ? ` (ruleset.${r.ruleset})` : ''}: ${length(r.clients)} client(s)\n`);
		for (let j = 0; j < length(r.rules); j++) io.out(`  ${pad(r.rules[j].rule, 32)} ${r.rules[j].packets} pkts\n`);
	}
	for (let i = 0; i < length(s.upstreams); i++) {
		const u = s.upstreams[i];
		io.out(`upstream ${pad(u.name, 12)} ${u.packets} new connections; ${u.up ? `handshake ${fmtAge(u.handshake_age)}  rx ${fmtBytes(u.rx)}  tx ${fmtBytes(u.tx)}` : 'DOWN'}\n`);
	}
	io.out(`dropped: leak guard ${s.dropped.leak}, DoT/DoQ ${s.dropped.dot}; DNS queries hijacked ${s.dns_hijacked}\n`);
	if (s.bytes.missing !== null) io.out(`bytes by path: none: ${BYTES_MISSING[s.bytes.missing]}\n`);
	else io.out(`bytes by path: ${s.bytes.connections} open connection(s) (${s.bytes.source}); not by a client's address (MAC/interface clients): ${bytesLine(s.bytes.unattributed)}\n`);
	return 0;
}

function cmdExplain(env: Env, io: Io, a: Args): number {
	if (length(a.pos) !== 2) { io.err('usage: splitwg explain CLIENT DEST [--proto P] [--port N] [--at "Mon 21:30"] [--family 4|6]\n'); return 2; }
	// the same code path as ubus explain (argument checks in core/query.ts, interfaces that are down)
	const x = methods(() => env).explain.call({ args: {
		client: a.pos[0], destination: a.pos[1], proto: a.flags.proto ?? null, port: a.flags.port ?? null, at: a.flags.at ?? null, family: a.flags.family ?? null,
	} });
	if (a.flags.json) { printJson(io, x); return exists(x, 'error') ? 1 : 0; }
	if (exists(x, 'error')) {
		const flag = index(VALUE_FLAGS, x.error.path) >= 0 ? `--${x.error.path}: ` : '';
		io.err(`splitwg: ${flag}${x.error.message}\n`);
		return x.error.code === 'INVALID_ARGUMENT' && flag !== '' ? 2 : 1;
	}
	const via = pathText(x);
	io.out(`${x.client} → ${a.pos[1]}: ${x.action}${via}\n  rule: ${x.rule ?? 'client default'}\n  why: ${x.reason}\n`);
	return 0;
}

function cmdGenkey(env: Env, io: Io, a: Args): number {
	const k = genkey(env);
	if (exists(k, 'error')) { io.err(`splitwg: ${(k as any).error}\n`); return 1; }
	const kp = k as { private_key: string, public_key: string };
	if (a.flags.json) printJson(io, kp);
	else io.out(`private_key ${kp.private_key}\npublic_key ${kp.public_key}\n`);
	return 0;
}

// (keys never shown: the .conf files' private keys are on the router already)
function hiddenKeys(u: any): any {
	return { ...u, private_key: '(hidden)', preshared_key: u.preshared_key === null ? null : '(hidden)' };
}

function cmdImportZip(env: Env, io: Io, a: Args): number {
	if (length(a.pos) !== 1) { io.err('usage: splitwg import FILE.zip (the upstreams are named after the files in it)\n'); return 2; }
	const r = importZip(env, a.pos[0]);
	if (a.flags.json) {
		printJson(io, exists(r, 'error') ? r : { upstreams: map((r as any).upstreams, (u: ZipUpstream) => ({ ...u, upstream: hiddenKeys(u.upstream) })) });
		return exists(r, 'error') ? 1 : 0;
	}
	if (exists(r, 'error')) {
		const e = r as any, errs: any[] = e.errors;
		for (let i = 0; i < length(errs); i++) io.err(`${a.pos[0]}: ${errs[i].file}:${errs[i].line ? errs[i].line + ':' : ''} ${errs[i].message}\n`);
		io.err(`splitwg: ${e.error.message}\n`);
		return 1;
	}
	const ups: ZipUpstream[] = (r as any).upstreams;
	for (let i = 0; i < length(ups); i++) {
		const u = ups[i];
		for (let j = 0; j < length(u.ignored); j++) io.err(`${a.pos[0]}: ${u.file}:${u.ignored[j].line}: note: ${u.ignored[j].message}\n`);
		io.out(`added upstream ${u.upstream.name} from ${u.file} (endpoint ${u.upstream.endpoint}, ${join(', ', u.upstream.address)})\n`);
	}
	io.out(`${length(ups)} upstream(s) added; run \`splitwg apply\` to use them\n`);
	return 0;
}

function cmdExport(env: Env, io: Io, a: Args): number {
	if (length(a.pos) > 1) { io.err('usage: splitwg export [FILE] [--with-keys]\n'); return 2; }
	const text = sprintf('%.J\n', exportConfig(env, a.flags['with-keys'] === true));
	if (!length(a.pos)) { io.out(text); return 0; }
	if (!env.fs.write(a.pos[0], text)) { io.err(`splitwg: cannot write ${a.pos[0]}\n`); return 1; }
	io.out(`exported to ${a.pos[0]}${a.flags['with-keys'] ? ' (with private keys: keep it safe)' : ' (without private keys)'}\n`);
	return 0;
}

function cmdImportJson(env: Env, io: Io, a: Args): number {
	if (length(a.pos) !== 1) { io.err('usage: splitwg import FILE.json\n'); return 2; }
	const text = env.fs.read(a.pos[0]);
	if (text === null) { io.err(`splitwg: cannot read ${a.pos[0]}\n`); return 1; }
	const r = importConfig(env, text);
	if (a.flags.json) { printJson(io, r); return exists(r, 'error') ? 1 : 0; }
	if (exists(r, 'error')) {
		const e = r as any, ps: any[] = e.problems;
		for (let i = 0; i < length(ps); i++) io.err(`${a.pos[0]}: ${ps[i].path}: ${ps[i].message}\n`);
		io.err(`splitwg: ${e.error.message}\n`);
		return 1;
	}
	const c = r as any;
	io.out(`imported ${c.upstreams} upstream(s), ${c.clients} client(s), ${c.rulesets} rule set(s), ${c.rules} rule(s); run \`splitwg apply\` to use them\n`);
	return 0;
}

function cmdImport(env: Env, io: Io, a: Args): number {
	if (length(a.pos) >= 1 && match(a.pos[0], ZIP_FILE)) return cmdImportZip(env, io, a);
	if (length(a.pos) >= 1 && match(a.pos[0], JSON_FILE)) return cmdImportJson(env, io, a);
	if (length(a.pos) < 1 || length(a.pos) > 2) { io.err('usage: splitwg import FILE [NAME]\n'); return 2; }
	const text = env.fs.read(a.pos[0]);
	if (text === null) { io.err(`splitwg: cannot read ${a.pos[0]}\n`); return 1; }
	const name = length(a.pos) === 2 ? a.pos[1] : nameFromFile(a.pos[0]);
	const r = parseProviderConf(text, name);
	if (exists(r, 'error')) {
		if (a.flags.json) { printJson(io, r); return 1; }
		const errs: any[] = (r as any).errors;
		for (let i = 0; i < length(errs); i++) io.err(`${a.pos[0]}:${errs[i].line ? errs[i].line + ':' : ''} ${errs[i].message}\n`);
		return 1;
	}
	const u = (r as any).upstream;
	env.uci.load('splitwg');
	if (env.uci.get_all('splitwg', name)) { io.err(`splitwg: a section named "${name}" already exists in /etc/config/splitwg: give another NAME\n`); return 1; }
	env.uci.set('splitwg', name, 'upstream');
	const o = upstreamOptions(u);
	for (let k in o) env.uci.set('splitwg', name, k, o[k]);
	if (!env.uci.commit('splitwg')) { io.err('splitwg: cannot commit /etc/config/splitwg\n'); return 1; }
	if (a.flags.json) { printJson(io, { upstream: hiddenKeys(u), ignored: (r as any).ignored }); return 0; }
	const ign: any[] = (r as any).ignored;
	for (let i = 0; i < length(ign); i++) io.err(`${a.pos[0]}:${ign[i].line}: note: ${ign[i].message}\n`);
	io.out(`added upstream ${name} (endpoint ${u.endpoint}, ${join(', ', u.address)}); run \`splitwg apply\` to use it\n`);
	return 0;
}

function cmdTemplate(env: Env, io: Io, a: Args): number {
	const sub = a.pos[0] ?? '';
	if (sub === 'list' && length(a.pos) === 1) {
		const t = templates(env);
		if (a.flags.json) { printJson(io, t); return 0; }
		if (!length(t.templates)) { io.out(`no templates in ${t.dir}\n`); return 0; }
		for (let i = 0; i < length(t.templates); i++) {
			const x = t.templates[i];
			io.out(`${pad(x.name, 16)} ${x.date}  ${length(x.rules)} rule(s), ${x.entries} entries  ${x.label}\n  ${x.description}\n`);
			for (let j = 0; j < length(x.problems); j++) io.out(`  invalid: ${x.problems[j].path}: ${x.problems[j].message}\n`);
		}
		return 0;
	}
	if (sub !== 'add' || length(a.pos) < 2 || length(a.pos) > 3) { io.err('usage: splitwg template list | template add NAME [AS]\n'); return 2; }
	const r = addTemplate(env, a.pos[1], length(a.pos) === 3 ? a.pos[2] : null);
	if (a.flags.json) { printJson(io, r); return exists(r, 'error') ? 1 : 0; }
	if (exists(r, 'error')) {
		const e = r as any;
		io.err(`splitwg: ${e.error.message}\n`);
		const ps: any[] = e.problems ?? [];
		for (let i = 0; i < length(ps); i++) io.err(`  ${ps[i].path}: ${ps[i].message}\n`);
		return 1;
	}
	const ok = r as any;
	io.out(`added rule set ${ok.ruleset} from template ${ok.template} (${ok.rules} rule(s), ${ok.entries} entries); add it to a client (list ruleset '${ok.ruleset}'), then run \`splitwg apply\`\n`);
	return 0;
}

function cmdPeer(env: Env, io: Io, a: Args): number {
	if (length(a.pos) !== 1) { io.err('usage: splitwg peer CLIENT\n'); return 2; }
	const r = loadConfig(env, io);
	if (!r.config) return 1;
	const c = peerConf(env, r.config, a.pos[0]);
	if (exists(c, 'error')) { io.err(`splitwg: ${(c as any).error.message}\n`); return 1; }
	if (a.flags.json) printJson(io, c);
	else io.out((c as any).conf);
	return 0;
}

export function runCommand(env: Env, argv: string[], io: Io): number {
	const a = parseArgs(argv);
	if (type(a) === 'string') { io.err(`splitwg: ${a}\n${USAGE}`); return 2; }
	const args = a as Args;
	if (args.flags.help) { io.out(USAGE); return 0; }
	switch (args.cmd) {
	case 'version': io.out(`${VERSION}\n`); return 0;
	case 'check': return cmdCheck(env, io, args);
	case 'plan': return cmdPlan(env, io, args);
	case 'apply': return printApply(io, args, apply(env, { dryRun: args.flags['dry-run'] === true }));
	case 'stop': return printApply(io, args, stop(env));
	case 'status': return cmdStatus(env, io, args);
	case 'stats': return cmdStats(env, io, args);
	case 'doctor': return cmdDoctor(env, io, args);
	case 'explain': return cmdExplain(env, io, args);
	case 'genkey': return cmdGenkey(env, io, args);
	case 'import': return cmdImport(env, io, args);
	case 'peer': return cmdPeer(env, io, args);
	case 'template': return cmdTemplate(env, io, args);
	case 'export': return cmdExport(env, io, args);
	case 'update-lists': return cmdUpdateLists(env, io, args);
	case 'health': return cmdHealth(env, io, args);
	case 'hotplug':
		if (length(args.pos) !== 2) { io.err('usage: splitwg hotplug ACTION INTERFACE\n'); return 2; }
		hotplug(env, args.pos[0], args.pos[1]);
		return 0;
	case 'triggers': {
		const t = triggerInterfaces(env);
		for (let i = 0; i < length(t); i++) io.out(`${t[i]}\n`);
		return 0;
	}
	case 'help': io.out(USAGE); return 0;
	case '': io.err(USAGE); return 2;
	default: io.err(`splitwg: unknown command "${args.cmd}"\n${USAGE}`); return 2;
	}
}
