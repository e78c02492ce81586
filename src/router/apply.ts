// Apply as a transaction: validate → compile → check → write → reload only
// what changed → verify. Every change registers its undo before it is made;
// on any failure the undos run in reverse, so the previous working state
// stays in force, and the result says which stage failed and why.
import type { Plan } from '../core/plan';
import type { Problem } from '../core/model';
import type { Env, RunResult } from './env';
import type { OwnedDiff } from './owned';
import type { CursorSection } from './sections';
import type { Platform } from './detect';
import type { NftTable } from '../core/nft';
import type { ClientPath } from './state';
import { VERSION, readConfig, compile, renderUci, nftTransition, listReloads, emptyPlan, tableObjects, tableState, described, format, msg, isMsg, GROUP_STATE } from './core';
import { cachedPlan, keepPlan, forgetPlan } from './plancache';
import type { Msg, Arg } from './core';
import type { SetState, TableObjects } from '../core/transition';
import { OWNED_CONFIGS, PATHS, failure } from './env';
import { readConfigSections } from './sections';
import { localNetworks } from './routes';
import { ownedSections, diffOwned, writeOwned, reorderOwned, touchedTypes, toUciSection } from './owned';
import { detect, platformWarnings } from './detect';
import { stage, load, remove, install, installedText, tableExists, liveObjects, cleanupStaged, replaceFile, REPLACE_PATH } from './nftables';
import type { Staged } from './nftables';
import { filePath, writeFile, running, runningConfDirs } from './dnsmasq';
import { clientPaths, changedClients, setFills, installedPaths, liveClientMaps, flush } from './conntrack';
import { hash, readState, writeState, recordFailure, lock, unlock, configFingerprint, fileFingerprint } from './state';
import { readLists, listHashes, listsText, listsFile, installLists, prune } from './lists';
import { fetchMissing, syncCron, CRONTAB } from './subscriptions';
import { checkObjects, checkRouting, repairArgv } from './doctor';
import type { Finding } from './doctor';
import type { ApplyState, AppliedView } from './state';
import { appliedView } from './state';
import { groupStateFor, restoreGroupState, checkerDown, writeWatch, WATCH_FILE } from './health';

export interface Changed { nft: boolean, dnsmasq: boolean, network: boolean, firewall: boolean, dhcp: boolean }

// id/args: the message `message` was worded from (none for a command's output)
export interface ApplyError { code: string, message: string, path: string | null, id?: string, args?: Arg[] }

export interface ApplyResult {
	ok: boolean;
	changed: Changed;
	message: string;
	actions: string[];          // commands that changed the running system, in order
	warnings: string[];
	error?: ApplyError;
	problems?: (Problem & { message: string })[];
}

export interface ApplyOptions { dryRun?: boolean | null }

const NO_CHANGE: Changed = { nft: false, dnsmasq: false, network: false, firewall: false, dhcp: false };
const DNSMASQ_STAGED = `${PATHS.state}/next.dnsmasq`;

// `why`: a message, or a command's output
function applyError(code: string, why: Msg | string, path: string | null): ApplyError {
	if (!isMsg(why)) return { code, message: why as string, path };
	const m = why as Msg;
	return { code, message: format(m), path, id: m.id, args: m.args };
}

function errorResult(env: Env, code: string, why: Msg | string, path: string | null, warnings: string[], changed?: Changed): ApplyResult {
	recordFailure(env, why);
	const error = applyError(code, why, path);
	env.log(`apply failed: ${error.message}`);
	return { ok: false, changed: changed ?? NO_CHANGE, message: error.message, actions: [], warnings, error };
}

// What an apply compiled: the plan and what goes with it, or the problems
// of a config that does not validate; `fetched`: why a missing subscribed
// list could not be fetched.
interface Compiled { plan: Plan | null, problems: Problem[], view: AppliedView | null, warnings: string[], ipv6: boolean, digest: string, listed: { [path: string]: string }, localOk: boolean, fetched: string[] }

// /etc/config/splitwg read, validated and compiled (a plan kept for the next
// apply when the file did not change under the read: its digest before and
// after). A function of its own so that the sections and the config model —
// a large config's megabytes as ucode values — are freed before the apply.
function compileNow(env: Env, dryRun: boolean, down: string[]): Compiled {
	const before = env.configDigest('splitwg');
	const sections = readConfigSections(env.uci, 'splitwg');
	// a dry run changes nothing, not even the list fragments (lists.ts), nor fetches a list
	const fetched = dryRun ? [] : fetchMissing(env, sections);
	const lists = readLists(env, sections, dryRun ? 'check' : 'apply');
	const r = readConfig(sections, lists);
	const digest = configFingerprint(env, () => sections), listed = listHashes(lists);
	if (!r.config) return { plan: null, problems: r.problems, view: null, warnings: [], ipv6: false, digest, listed, localOk: true, fetched };
	const ipv6 = r.config.globals.ipv6;
	const ln = localNetworks(env, ipv6);
	const plan = compile(r.config, { local: ln.local, groupState: env.fs.hostPath(GROUP_STATE), down });
	const view = appliedView(r.config, plan.nftsets > 0);
	const warnings = map(r.warnings, (w) => `${w.path}: ${format(w)}`);
	if (ln.ok && before !== null && before === digest)
		keepPlan(env, { version: VERSION, digest, local: ln.local, ipv6, plan, view, warnings, lists: listed, down });
	else forgetPlan(env);
	return { plan, problems: [], view, warnings, ipv6, digest, listed, localOk: ln.ok, fetched };
}

// /etc/config/splitwg → plan → applied. `stop` (and a config with
// globals.enabled '0') applies the empty plan.
export function apply(env: Env, opts?: ApplyOptions): ApplyResult {
	// the upstreams the health checker has down: a failover group's DNS is its member up's
	const down = checkerDown(env);
	const hit = cachedPlan(env, (ipv6) => { const l = localNetworks(env, ipv6); return l.ok ? l.local : null; }, down);
	if (hit) {
		const res = applyPlan(env, hit.plan, { dryRun: opts?.dryRun, configHash: hit.digest, hasDomains: hit.plan.nftsets > 0, ipv6: hit.ipv6, view: hit.view, lists: hit.lists });
		for (let i = 0; i < length(hit.warnings); i++) push(res.warnings, hit.warnings[i]);
		return res;
	}
	const c = compileNow(env, opts?.dryRun ?? false, down);
	if (!c.plan) {
		const n = length(c.problems);
		const first = c.problems[0], why = { id: first.id, args: first.args };
		const m = n === 1 ? msg('apply_invalid_one', [first.path, why]) : msg('apply_invalid', [n, first.path, why]);
		const problems = map(c.problems, (p) => described(p));
		if (opts?.dryRun) {
			const error = applyError('INVALID_CONFIG', m, first.path);
			return { ok: false, changed: NO_CHANGE, message: error.message, actions: [], warnings: [], error, problems };
		}
		const res = errorResult(env, 'INVALID_CONFIG', m, first.path, c.fetched);
		res.problems = problems;
		return res;
	}
	const res = applyPlan(env, c.plan, { dryRun: opts?.dryRun, configHash: c.digest, hasDomains: c.plan.nftsets > 0, ipv6: c.ipv6, view: c.view, lists: c.listed });
	if (!c.localOk) push(res.warnings, 'cannot read the main routing table (ip -j route): only the server pools are treated as local networks');
	for (let i = 0; i < length(c.warnings); i++) push(res.warnings, c.warnings[i]);
	for (let i = 0; i < length(c.fetched); i++) push(res.warnings, c.fetched[i]);
	return res;
}

export function stop(env: Env): ApplyResult {
	return applyPlan(env, emptyPlan(), { dryRun: false, configHash: null, hasDomains: false, ipv6: false });
}

// `view`: what status shows of the config (state.ts appliedView());
// `lists`: the list files read, path → content hash
interface PlanOptions { dryRun?: boolean | null, configHash: string | null, hasDomains: boolean, ipv6: boolean, view?: AppliedView | null, lists?: { [path: string]: string } | null }

// One transaction over the running system.
interface Tx { env: Env, undo: (() => void)[], actions: string[] }

function exec(tx: Tx, argv: string[]): string | null {
	push(tx.actions, join(' ', argv));
	const r: RunResult = tx.env.run(argv);
	return r.code === 0 ? null : failure(r, argv);
}

function rollback(tx: Tx): void {
	for (let i = length(tx.undo) - 1; i >= 0; i--) tx.undo[i]();
}

function firewallReload(p: Platform): string[] {
	return p.fw4 ? ['fw4', '-q', 'reload'] : ['/etc/init.d/firewall', 'reload'];
}

// netifd: a changed interface, rule or route needs `network reload`. A
// WireGuard peer section changed on its own is not noticed by a reload on
// releases with the shell protocol handler (≤ 24.10): that interface is
// restarted with ifup; the ucode handler (25.x) re-syncs peers on renew.
function networkReloads(d: OwnedDiff, before: CursorSection[], p: Platform, plan: Plan): string[][] {
	const touched = touchedTypes(d, before);
	let reload = false;
	const ifaces: string[] = [];
	for (let name in touched) {
		const t = touched[name];
		if (substr(t, 0, 10) !== 'wireguard_') { reload = true; continue; }
		const iface = substr(t, 10);
		const stillThere = length(filter(plan.network, (s) => s.name === iface)) > 0;
		if (stillThere && !exists(touched, iface) && index(ifaces, iface) < 0) push(ifaces, iface);
	}
	const cmds: string[][] = [];
	if (reload) push(cmds, ['ubus', 'call', 'network', 'reload']);
	for (let i = 0; i < length(ifaces); i++)
		push(cmds, p.wgShellHandler ? ['ifup', ifaces[i]] : ['ubus', 'call', `network.interface.${ifaces[i]}`, 'renew']);
	return cmds;
}

function describe(c: Changed): string {
	const names = ['nft', 'dnsmasq', 'network', 'firewall', 'dhcp'];
	const did = filter(names, (n) => (c as any)[n]);
	if (!length(did)) return 'no change';
	return `changed ${join(', ', did)}`;
}

// What the plan wants next to what the router has.
interface Survey {
	platform: Platform;
	warnings: string[];
	nftText: string | null;            // null: no table wanted
	dnsText: string | null;            // null: no entries file wanted
	diffs: { [cfg: string]: OwnedDiff };
	before: { [cfg: string]: CursorSection[] };
	conflicts: string[];
	oldNft: string | null;
	hadTable: boolean;
	live: TableObjects | null;         // the running table's objects before the apply
	oldPaths: { [name: string]: ClientPath } | null;   // who the running table classified (conntrack)
	paths: { [name: string]: ClientPath };             // … and the plan will (clientPaths)
	oldDns: { [dir: string]: string | null };   // every place of our file: what is there…
	dnsWant: { [dir: string]: string | null };  // … and what belongs there (null: nothing)
	changed: Changed;
	sets: SetState[];
	prev: ApplyState | null;           // what the last apply recorded
	prevSets: SetState[] | null;       // the sets of the plan in force (state), null when unknown
	transition: string;                // nftTransition(prevSets, sets, live objects, the new script)
	tableDrift: boolean;               // the plan's table is loaded, but differs from the file (doctor)
	lostRouting: Finding[];            // owned rules/routes missing in the kernel (doctor)
	mainChanged: boolean;              // the table script is loaded (else only the transition and list sets)
	oldLists: string | null;           // the file fw4 includes to fill the list sets: what is there…
	listsWant: string | null;          // … and what belongs there
	listsLoad: string;                 // the list sets to refill now (new ones, edited files)
	listsAll: string;                  // every list set (a re-created table)
	reloaded: string[];                // … their names
}

function survey(env: Env, plan: Plan, o: PlanOptions): Survey {
	const platform = detect(env);
	const nftText = plan.enabled && plan.nft !== '' ? plan.nft : null;
	const dnsText = plan.enabled && o.hasDomains && platform.nftset ? plan.dnsmasq : null;
	const diffs: { [cfg: string]: OwnedDiff } = {};
	const before: { [cfg: string]: CursorSection[] } = {};
	let conflicts: string[] = [];
	for (let i = 0; i < length(OWNED_CONFIGS); i++) {
		const cfg = OWNED_CONFIGS[i];
		before[cfg] = ownedSections(env.uci, cfg);
		diffs[cfg] = diffOwned(cfg, env.uci.get_all(cfg) ?? {}, before[cfg], (plan as any)[cfg]);
		conflicts = [...conflicts, ...diffs[cfg].conflicts];
	}
	const oldNft = installedText(env);
	const live = liveObjects(env);
	const hadTable = live !== null;
	const prev = readState(env);
	const prevSets = prev && prev.sets && hadTable ? prev.sets : null;
	// stale objects from the kernel's own list (a removed client's chain, a
	// previous version's leftovers), domain flushes from the recorded plan
	const want = plan.table ? tableObjects(plan.table) : null;
	const transition = nftText !== null && hadTable ? nftTransition(prevSets, plan.sets ?? [], false, live, want) : '';
	// list sets whose files changed are refilled on their own (no table
	// reload); all of them when what they hold is unknown (no state, no table)
	const tsets = plan.table ? plan.table.sets : [];
	const reloaded = nftText !== null ? listReloads(prevSets, plan.sets ?? []) : [];
	const listsLoad = length(reloaded) ? listsText(env, tsets, reloaded) : '';
	const listsWant = nftText !== null ? listsFile(env, tsets) : null;
	const oldLists = env.fs.read(PATHS.nftLists);
	// after a reboot (no state): the running table, fw4 loaded it, tells whose connections are whose
	const oldPaths = prev ? prev.clients : hadTable ? installedPaths(liveClientMaps(env)) : null;
	// our file where it belongs, and gone from every other place it was
	// ever written (a conf-dir moved, an older release's default)
	const dnsWant: { [dir: string]: string | null } = {};
	const everDirs = uniq([...(prev && prev.dnsmasq_dirs ? prev.dnsmasq_dirs : []), ...runningConfDirs(env), PATHS.dnsmasqDefaultDir]);
	for (let i = 0; i < length(everDirs); i++) dnsWant[everDirs[i]] = null;
	for (let i = 0; i < length(platform.confDirs); i++) dnsWant[platform.confDirs[i]] = dnsText;
	const oldDns: { [dir: string]: string | null } = {};
	let dnsChanged = false;
	for (let d in dnsWant) {
		oldDns[d] = env.fs.read(filePath(d));
		if (oldDns[d] !== dnsWant[d]) dnsChanged = true;
	}
	// drift under an unchanged plan (doctor): elements or objects the table
	// should not have → reload it; a rule or route netifd lost → put it back
	let tableDrift = false;
	if (nftText !== null && hadTable && oldNft === nftText && transition === '' && listsLoad === '') {
		const f: Finding[] = [];
		checkObjects(env, f, tableState(plan.table as NftTable), live as TableObjects);
		tableDrift = length(f) > 0;
	}
	const lost: Finding[] = [];
	if (plan.enabled && !diffs.network.changed) checkRouting(env, lost);
	const mainChanged = nftText !== null && (oldNft !== nftText || !hadTable || tableDrift);
	return {
		tableDrift, lostRouting: lost,
		mainChanged, oldLists, listsWant, listsLoad, listsAll: listsText(env, tsets), reloaded,
		platform, warnings: plan.enabled ? map(platformWarnings(platform, o.hasDomains, o.ipv6), format) : [],
		nftText, dnsText, diffs, before, conflicts, oldNft, hadTable, live, oldPaths, paths: clientPaths(plan), oldDns, dnsWant, sets: plan.sets ?? [], prev, prevSets, transition,
		changed: {
			// a domain set whose domains changed needs flushing even when the table text is the same
			// (a list file changed: its sets are refilled, the table stays)
			nft: nftText !== null ? (mainChanged || transition !== '' || listsLoad !== '' || oldLists !== listsWant) : (oldNft !== null || hadTable || oldLists !== null),
			dnsmasq: dnsChanged, network: diffs.network.changed || length(lost) > 0, firewall: diffs.firewall.changed, dhcp: diffs.dhcp.changed,
		},
	};
}

// Reasons not to start at all; nothing has been changed yet.
function refuse(env: Env, s: Survey): ApplyResult | null {
	// uncommitted `uci set`s in a config we would commit: committing would
	// apply someone's half-done work along with ours
	const pending = filter(OWNED_CONFIGS, (cfg) => s.diffs[cfg].changed && length((env.uci.changes(cfg) ?? {})[cfg] ?? []) > 0);
	if (length(pending))
		return errorResult(env, 'PENDING_CHANGES', msg('apply_pending', [pending[0]]), pending[0], s.warnings);
	const c = s.conflicts, n = length(c);
	if (n)
		return errorResult(env, 'CONFLICT', msg(n > 1 ? 'apply_conflict' : 'apply_conflict_one', [join(', ', c)]), c[0], s.warnings);
	return null;
}

// `nft -c` and `dnsmasq --test` of what would be installed.
function check(env: Env, s: Survey): { staged: Staged | null, error: ApplyResult | null } {
	let staged: Staged | null = null;
	if (s.nftText !== null && s.changed.nft) {
		// what the previous plan's sets need (stale ones deleted or flushed)
		// and the list sets to refill, in the same nft transaction; the
		// installed file stays the plain script. The table script itself only
		// when it changed: a list edit alone reloads nothing else
		staged = stage(env, s.mainChanged ? s.nftText : '', s.transition, s.listsLoad, s.listsAll);
		if (staged.error !== null) return { staged, error: errorResult(env, 'NFT_CHECK', staged.error, 'nft', s.warnings, s.changed) };
	}
	if (s.dnsText !== null && s.changed.dnsmasq) {
		env.fs.write(DNSMASQ_STAGED, s.dnsText);
		const r = env.run(['dnsmasq', '--test', '-C', DNSMASQ_STAGED]);
		env.fs.unlink(DNSMASQ_STAGED);
		if (r.code !== 0) return { staged, error: errorResult(env, 'DNSMASQ_CHECK', failure(r, ['dnsmasq', '--test']), 'dnsmasq', s.warnings, s.changed) };
	}
	return { staged, error: null };
}

interface Failure { where: string, msg: string }

// 1. The table first: it also guards against leaks (marked traffic that
// would leave by the wrong interface is dropped) while netifd catches up.
function stepTable(tx: Tx, s: Survey, staged: Staged | null): Failure | null {
	const env = tx.env;
	push(tx.undo, () => {
		if (s.mainChanged || s.nftText === null) restoreTable(env, s.oldNft, s.live);
		restoreLists(env, s.oldLists, s.listsLoad !== '' || (staged !== null && staged.replace));
	});
	if (!install(env, s.nftText)) return { where: 'nft', msg: `cannot write ${PATHS.nft}` };
	if (!installLists(env, s.listsWant)) return { where: 'nft', msg: `cannot write ${PATHS.nftLists}` };
	if (s.nftText !== null) {
		push(tx.actions, `nft -f ${PATHS.nft}`);
		const r = load(env, (staged as Staged).path);
		return r.code !== 0 ? { where: 'nft', msg: failure(r, ['nft', '-f', PATHS.nft]) } : null;
	}
	const e = s.hadTable ? exec(tx, ['nft', 'delete', 'table', 'inet', 'splitwg']) : null;
	return e ? { where: 'nft', msg: e } : null;
}

// 2. One config's sections, committed, then the reloads they need.
function stepConfig(tx: Tx, s: Survey, cfg: string, plan: Plan): Failure | null {
	const env = tx.env;
	const d = s.diffs[cfg];
	const reloads = cfg === 'network' ? networkReloads(d, s.before[cfg], s.platform, plan)
		: cfg === 'firewall' ? [firewallReload(s.platform)] : [['/etc/init.d/dnsmasq', 'reload']];
	// undone in reverse: the sections go back, then the same reloads run again
	push(tx.undo, () => { for (let j = 0; j < length(reloads); j++) env.run(reloads[j]); });
	push(tx.undo, () => { restoreOwned(env, cfg, s.before[cfg]); });
	writeOwned(env.uci, d);
	if (!env.uci.commit(cfg)) return { where: cfg, msg: `cannot commit /etc/config/${cfg}` };
	for (let j = 0; j < length(reloads); j++) {
		const e = exec(tx, reloads[j]);
		if (e) return { where: cfg, msg: e };
	}
	return null;
}

// 2b. Rules and routes of unchanged sections that are gone from the kernel.
function stepRouting(tx: Tx, s: Survey): Failure | null {
	const secs = ownedSections(tx.env.uci, 'network');
	for (let i = 0; i < length(s.lostRouting); i++) {
		const name = s.lostRouting[i].args.section;
		const sec = filter(secs, (x) => x['.name'] === name);
		const argv = length(sec) ? repairArgv(sec[0]) : null;
		const e = argv ? exec(tx, argv) : null;
		if (e) return { where: 'network', msg: e };
	}
	return null;
}

// 3. Our entries in every conf-dir; dnsmasq reads them only on a restart.
function stepDnsmasq(tx: Tx, s: Survey): Failure | null {
	const env = tx.env;
	let restarted = false;
	push(tx.undo, () => { if (restarted) env.run(['/etc/init.d/dnsmasq', 'restart']); });
	for (let k in s.dnsWant) {
		const d = k, old = s.oldDns[d], want = s.dnsWant[d];   // (per-iteration bindings for the undo)
		if (old === want) continue;
		push(tx.undo, () => { writeFile(env, d, old); });
		if (!writeFile(env, d, want)) return { where: 'dnsmasq', msg: `cannot ${want === null ? 'remove' : 'write'} ${filePath(d)}` };
	}
	restarted = true;
	const e = exec(tx, ['/etc/init.d/dnsmasq', 'restart']);
	return e ? { where: 'dnsmasq', msg: e } : null;
}

// 4. The result is there.
function verify(env: Env, s: Survey, dnsWasRunning: boolean): Failure | null {
	const t = tableExists(env);
	if (s.nftText !== null && !t) return { where: 'verify', msg: 'table inet splitwg is missing after loading it' };
	if (s.nftText === null && t) return { where: 'verify', msg: 'table inet splitwg is still there' };
	if (s.changed.dnsmasq && dnsWasRunning && !dnsmasqBack(env)) return { where: 'verify', msg: 'dnsmasq is not running after the restart' };
	return null;
}

// procd starts the new dnsmasq after the init script returns: give it up to
// five seconds before calling the restart failed (and rolling back).
function dnsmasqBack(env: Env): boolean {
	for (let i = 0; i < 5; i++) {
		if (running(env)) return true;
		env.run(['sleep', '1']);
	}
	return running(env);
}

function run(tx: Tx, s: Survey, plan: Plan, staged: Staged | null): Failure | null {
	let f: Failure | null = s.changed.nft ? stepTable(tx, s, staged) : null;
	for (let i = 0; !f && i < length(OWNED_CONFIGS); i++)
		if (s.diffs[OWNED_CONFIGS[i]].changed) f = stepConfig(tx, s, OWNED_CONFIGS[i], plan);
	if (!f && length(s.lostRouting)) f = stepRouting(tx, s);
	const dnsWasRunning = s.changed.dnsmasq ? running(tx.env) : false;
	if (!f && s.changed.dnsmasq) f = stepDnsmasq(tx, s);
	return f ?? verify(tx.env, s, dnsWasRunning);
}

// 5. Reset the connections of clients whose path changed; the note for the summary.
function resetConnections(env: Env, s: Survey, plan: Plan): string {
	if (!s.platform.conntrack) return '';
	const was = setFills(s.prev ? s.prev.sets ?? null : null, s.oldNft), now = setFills(plan.sets ?? [], s.nftText) as { [n: string]: string };
	const f = flush(env, changedClients(s.oldPaths, s.paths, was, now));
	if (length(f.skipped)) push(s.warnings, `open connections of ${join(', ', f.skipped)} (MAC/interface clients) keep their old path until they close`);
	return length(f.flushed) ? `; connections reset for ${join(', ', f.flushed)}` : '';
}

function summary(plan: Plan, s: Survey, staged: Staged | null, ctNote: string): string {
	if (!plan.enabled) return `stopped: ${describe(s.changed)}`;
	const replaced = staged && staged.replace ? '; table re-created (set definitions changed, learned domain addresses dropped)' : '';
	const n = length(s.reloaded);
	const lists = !n ? '' : s.mainChanged ? `; ${n} list set(s) filled` : `; table kept, list set(s) refilled: ${join(', ', slice(s.reloaded, 0, 5))}${n > 5 ? sprintf(' and %d more', n - 5) : ''}`;
	return `${describe(s.changed)}; ${length(plan.upstreams)} upstream(s), ${length(plan.clients)} client(s)${replaced}${lists}${ctNote}`;
}

export function applyPlan(env: Env, plan: Plan, o: PlanOptions): ApplyResult {
	const s = survey(env, plan, o);
	const no = refuse(env, s);
	if (no) return no;
	// the health checker's slots for the new table's groups, before the
	// table is checked and loaded: the table's file includes them
	const gs = o.dryRun ? null : groupStateFor(env, plan.groups ?? []);
	if (gs && gs.error !== null) return errorResult(env, 'APPLY_FAILED', gs.error, 'nft', s.warnings, s.changed);
	const c = check(env, s);
	if (c.error || o.dryRun) cleanupStaged(env);
	if (c.error && gs) restoreGroupState(env, gs.old);
	if (c.error) return c.error;
	if (o.dryRun) {
		const what = describe(s.changed);
		return { ok: true, changed: s.changed, message: what === 'no change' ? 'dry run: no change' : `dry run: would have ${what}`, actions: [], warnings: s.warnings };
	}
	if (!lock(env)) {
		cleanupStaged(env);
		if (gs) restoreGroupState(env, gs.old);
		return { ok: false, changed: NO_CHANGE, message: 'another apply is running', actions: [], warnings: s.warnings, error: { code: 'BUSY', message: 'another apply is running', path: null } };
	}
	const tx: Tx = { env, undo: [], actions: [] };
	const f = run(tx, s, plan, c.staged);
	if (f) {
		if (gs) restoreGroupState(env, gs.old);
		rollback(tx);
		cleanupStaged(env);
		unlock(env);
		const res = errorResult(env, 'APPLY_FAILED', msg('apply_restored', [f.where, f.msg]), f.where, s.warnings, s.changed);
		res.actions = tx.actions;
		return res;
	}
	const ctNote = resetConnections(env, s, plan);
	cleanupStaged(env);
	const done = summary(plan, s, c.staged, ctNote);
	writeState(env, {
		ok: true, time: env.now(), message: done, enabled: plan.enabled, config_hash: o.configHash,
		hashes: {
			// digests of the files as written: what status and doctor compare
			nft: s.nftText !== null ? fileFingerprint(env, PATHS.nft) ?? '' : '',
			dnsmasq: s.dnsText !== null && length(s.platform.confDirs) ? fileFingerprint(env, filePath(s.platform.confDirs[0])) ?? '' : '',
			network: hash(renderUci(plan.network)), firewall: hash(renderUci(plan.firewall)), dhcp: hash(renderUci(plan.dhcp)),
		},
		clients: s.paths,
		sets: s.sets,
		table: plan.table ? tableState(plan.table) : null,
		view: plan.enabled ? o.view ?? null : null,
		dnsmasq_dirs: s.dnsText !== null ? s.platform.confDirs : [],
		lists: o.lists ?? {},
	});
	// the fragments of contents no applied file has any more (the table in force used them until now)
	prune(env, values(o.lists ?? {}));
	// what the health checker watches: this plan's (it reads it again on its next tick)
	if (!writeWatch(env, plan.enabled ? plan.watch ?? null : null)) push(s.warnings, `cannot write ${WATCH_FILE}: the health checker keeps watching what it did`);
	// the hourly fetch of the subscriptions, while there are some to fetch
	const subs = filter(o.view?.subscriptions ?? [], (x) => x.enabled);
	if (!syncCron(env, plan.enabled && length(subs) > 0)) push(s.warnings, `cannot update ${CRONTAB}: the lists are not fetched on schedule`);
	unlock(env);
	env.log(`${plan.enabled ? 'apply' : 'stop'} ok: ${done}`);
	return { ok: true, changed: s.changed, message: done, actions: tx.actions, warnings: s.warnings };
}

// Back to the table in force before: the old file, with deleting what only
// the failed plan had (what the running table did not have before: the old
// script alone would keep it, unused); in replace mode if the definitions
// differ; or no table at all (`before` null).
function restoreTable(env: Env, oldText: string | null, before: TableObjects | null): void {
	install(env, oldText);
	if (oldText !== null && before !== null) {
		const now = liveObjects(env);
		const back = now ? nftTransition(null, [], true, now, before) : '';
		const again = stage(env, oldText, back);
		if (again.error !== null || load(env, again.path).code !== 0) {
			if (load(env, PATHS.nft).code !== 0 && replaceFile(env, oldText)) load(env, REPLACE_PATH);
		}
	} else if (before === null && tableExists(env)) remove(env);
}

// The list sets back to the fragments in force before (they are still
// there: nothing is pruned before an apply succeeds). `refilled`: this
// apply refilled some (or re-created the table).
function restoreLists(env: Env, oldText: string | null, refilled: boolean): void {
	installLists(env, oldText);
	if (oldText !== null && refilled && tableExists(env)) load(env, PATHS.nftLists);
}

function restoreOwned(env: Env, cfg: string, sections: CursorSection[]): void {
	const now = ownedSections(env.uci, cfg);
	const d = diffOwned(cfg, env.uci.get_all(cfg) ?? {}, now, map(sections, toUciSection));
	writeOwned(env.uci, d);
	reorderOwned(env.uci, cfg, sections);
	env.uci.commit(cfg);
}
