// List subscriptions (`config subscription '<name>'`, docs/config.md): the
// list file /etc/splitwg/lists/<name> filled from a URL with the router's
// own uclient-fetch — on apply when the file is missing, by `splitwg
// update-lists`, and by one hourly cron line that runs it for the lists
// that are due. No resident process.
//
// A download goes to a staging name beside the file (the same file system:
// the rename is atomic), cut off after max_size while it arrives (head -c:
// an endless or huge body never fills flash), then judged line by line like
// any list file (core/lists.ts). Only a complete download within bounds,
// holding at least one entry and no line in error, replaces the file; any
// other outcome leaves the previous copy in force (never an empty set
// because a download failed) and is the subscription's last error. A
// changed file is then applied the way an edited list file is: only its
// sets are refilled (apply.ts, transition.ts).
import type { Env } from './env';
import type { UciSection } from '../core/uci';
import type { Subscription } from '../core/model';
import type { Msg } from './core';
import type { ApplyResult } from './apply';
import { PATHS } from './env';
import { LIST_DIR, listStart, listLine, listEntries, described, format, msg } from './core';
import { readSubscriptions } from './core';
import { readConfigSections } from './sections';
import { readState, configFingerprint } from './state';

// uclient-fetch writes the body to stdout, head stops reading one byte past
// the limit (so "larger" is told from "exactly the limit"); the fetch's
// failure (also a SIGPIPE when head stopped) is left in $1.rc, the size
// read is printed. $1 staging file, $2 URL, $3 limit + 1 in bytes. Not -q:
// that also silences its errors ("HTTP error 404"), the last line of stderr.
export const FETCH_SCRIPT = 'rm -f "$1.rc"; { uclient-fetch -T 30 -O - "$2" || echo $? > "$1.rc"; } | head -c "$3" > "$1"; wc -c < "$1"';

// The last line uclient-fetch printed (its progress lines come first, and
// its progress bar redraws with a CR): why it failed.
function lastLine(s: string): string {
	const lines = filter(split(replace(s, CR, '\n'), '\n'), (l) => trim(l) !== '');
	return length(lines) ? trim(lines[length(lines) - 1]) : '';
}

// regexes as module constants: ucode compiles a literal each time it is evaluated
const CR = /\r/g;

// what each subscription's last fetch did (tmpfs: after a reboot every list
// is due once, at the first cron run)
const STATE = `${PATHS.state}/subscriptions.json`;
const FETCH_LOCK = `${PATHS.state}/fetch.lock`;

export const CRONTAB = '/etc/crontabs/root';
// the mark that makes the line ours (the shell running it reads it as a comment)
const CRON_MARK = '# splitwg list subscriptions';
export const CRON_LINE = `17 * * * * /usr/sbin/splitwg update-lists --due >/dev/null 2>&1 ${CRON_MARK}`;

// One subscription's last fetch: `url` it was fetched from, `time` of the attempt, `fetched` of the
// last successful one, `entries` of the copy in force, `error` null when
// the attempt succeeded.
export interface FetchRecord { url: string, time: number, fetched: number | null, entries: number | null, changed: boolean, error: Msg | null }

export function readRecords(env: Env): { [name: string]: FetchRecord } {
	const t = env.fs.read(STATE);
	let r: any = null;
	try { r = t ? json(t) : null; } catch { r = null; }
	return type(r) === 'object' ? r : {};
}

function writeRecords(env: Env, recs: { [name: string]: FetchRecord }): void {
	env.fs.mkdirp(PATHS.state);
	if (!(env.fs.write(`${STATE}.tmp`, sprintf('%J\n', recs)) && env.fs.rename(`${STATE}.tmp`, STATE))) env.fs.unlink(`${STATE}.tmp`);
}

// The staged download judged as a list file: its entry count, or why it is refused.
function judge(env: Env, path: string): { entries: number, error: Msg | null } {
	const rd = env.fs.lines(path);
	if (rd === null) return { entries: 0, error: msg('sub_write', [path]) };
	const lf = listStart('');
	let n = 0;
	for (let line = rd.next(); line !== null; line = rd.next()) listLine(lf, ++n, line);
	rd.close();
	if (lf.badLines) {
		const b = lf.bad[0];
		return { entries: 0, error: msg('sub_bad_line', [b.line, { id: b.id, args: b.args }, lf.badLines]) };
	}
	const e = listEntries(lf);
	return { entries: e, error: e ? null : msg('sub_empty') };
}

// Fetch one list: the file replaced only by a download that passes.
function fetchOne(env: Env, s: Subscription, prev: FetchRecord | null): FetchRecord {
	const tmp = `${LIST_DIR}/.${s.name}.download`;
	const rec: FetchRecord = { url: s.url, time: env.now(), fetched: prev ? prev.fetched : null, entries: prev ? prev.entries : null, changed: false, error: null };
	const done = (e: Msg | null): FetchRecord => { env.fs.unlink(tmp); env.fs.unlink(`${tmp}.rc`); rec.error = e; return rec; };
	if (!env.fs.mkdirp(LIST_DIR)) return done(msg('sub_write', [LIST_DIR]));
	const limit = s.maxSize * 1024;
	const r = env.run(['sh', '-c', FETCH_SCRIPT, 'splitwg-fetch', tmp, s.url, `${limit + 1}`]);
	const size = int(trim(r.stdout));
	if (r.code !== 0 && !env.fs.exists(tmp)) return done(msg('sub_write', [tmp]));
	if (size > limit) return done(msg('sub_too_large', [s.maxSize]));
	const rc = env.fs.read(`${tmp}.rc`);
	if (rc !== null) return done(msg('sub_fetch', [lastLine(r.stderr) || `uclient-fetch exited ${trim(rc)}`]));
	const j = judge(env, tmp);
	if (j.error) return done(j.error);
	// (unchanged: the file is not rewritten — flash)
	rec.changed = env.fs.digest(tmp) !== env.fs.digest(s.path);
	if (rec.changed && !env.fs.rename(tmp, s.path)) return done(msg('sub_write', [s.path]));
	rec.fetched = rec.time;
	rec.entries = j.entries;
	return done(null);
}

function subscriptionsOf(sections: UciSection[]): Subscription[] {
	return readSubscriptions(sections, []);
}

// Due: never fetched since boot, from another URL, the last attempt failed
// (retried at the next hourly run), or the last success is `interval` hours old.
function due(env: Env, s: Subscription, r: FetchRecord | null): boolean {
	// (five minutes' slack: cron's hourly run a few seconds early is still due)
	return !r || r.url !== s.url || r.error !== null || r.fetched === null || env.now() - r.fetched >= s.interval * 3600 - 300;
}

// One fetch at a time (cron's and a click in LuCI could meet): both would
// write the same staging file. A lock older than any fetch is a crash's.
function fetchLock(env: Env): boolean {
	env.fs.mkdirp(PATHS.state);
	if (env.fs.mkdir(FETCH_LOCK)) { env.fs.write(`${FETCH_LOCK}/time`, `${env.now()}\n`); return true; }
	if (env.now() - int(trim(env.fs.read(`${FETCH_LOCK}/time`) ?? '0')) < 900) return false;
	fetchUnlock(env);
	return fetchLock(env);
}

function fetchUnlock(env: Env): void {
	env.fs.unlink(`${FETCH_LOCK}/time`);
	env.fs.rmdir(FETCH_LOCK);
}

// Fetch the given subscriptions, recording each outcome (null: another
// fetch is running).
function fetchAll(env: Env, subs: Subscription[]): { [name: string]: FetchRecord } | null {
	if (!length(subs)) return {};
	if (!fetchLock(env)) return null;
	const recs = readRecords(env), out: { [name: string]: FetchRecord } = {};
	for (let i = 0; i < length(subs); i++) {
		const s = subs[i];
		out[s.name] = fetchOne(env, s, recs[s.name] ?? null);
		recs[s.name] = out[s.name];
		const e = out[s.name].error;
		env.log(e ? `list ${s.name}: ${format(e)}; the previous copy stays` : `list ${s.name}: ${out[s.name].entries} entries${out[s.name].changed ? ', changed' : ', unchanged'}`);
	}
	writeRecords(env, recs);
	fetchUnlock(env);
	return out;
}

// Apply (called before the list files are read): the enabled subscriptions
// whose file is not there yet, or was fetched from another URL, are
// fetched. Their failures, as apply's warnings.
export function fetchMissing(env: Env, sections: UciSection[]): string[] {
	const recs = readRecords(env);
	const subs = filter(subscriptionsOf(sections), (s) => s.enabled && (!env.fs.exists(s.path) || (recs[s.name] && recs[s.name].url !== s.url)));
	const got = fetchAll(env, subs);
	if (got === null) return [format(msg('sub_busy'))];
	const out: string[] = [];
	for (let n in got) if (got[n].error) push(out, `subscription.${n}: ${format(got[n].error as Msg)}`);
	return out;
}

export interface UpdateResult {
	lists: { name: string, path: string, changed: boolean, entries: number | null, error: (Msg & { message: string }) | null }[];
	applied: ApplyResult | null;     // the apply that refilled changed lists' sets
	note: Msg | null;                // why changed lists were not applied
	error: (Msg & { message: string }) | null;   // an unknown NAME
}

// `splitwg update-lists [NAME] [--due]`: fetch, judge, swap; then, when a
// file changed and splitwg is applied with the configuration it has now,
// apply — which refills only the changed lists' sets. A configuration
// changed since the last apply is not applied from here (a cron job never
// applies someone's half-done edit): the new copy waits for the next apply.
export function updateLists(env: Env, name: string | null, onlyDue: boolean, apply: (env: Env) => ApplyResult): UpdateResult {
	const sections = readConfigSections(env.uci, 'splitwg');
	let subs = subscriptionsOf(sections);
	const res: UpdateResult = { lists: [], applied: null, note: null, error: null };
	if (name !== null) {
		subs = filter(subs, (s) => s.name === name);
		if (!length(subs)) { res.error = described(msg('sub_unknown', [name])); return res; }
	} else subs = filter(subs, (s) => s.enabled);
	if (onlyDue) {
		const recs = readRecords(env);
		subs = filter(subs, (s) => due(env, s, recs[s.name] ?? null));
	}
	const got = fetchAll(env, subs);
	if (got === null) { res.error = described(msg('sub_busy')); return res; }
	let changed = false;
	for (let i = 0; i < length(subs); i++) {
		const s = subs[i], g = got[s.name];
		if (g.changed) changed = true;
		push(res.lists, { name: s.name, path: s.path, changed: g.changed, entries: g.entries, error: g.error ? described(g.error) : null });
	}
	if (!changed) return res;
	const st = readState(env);
	if (!st || !st.ok || !st.enabled) res.note = msg('sub_not_applied');
	else if (st.config_hash !== configFingerprint(env, () => sections) || length((env.uci.changes('splitwg') ?? {}).splitwg ?? []) > 0) res.note = msg('sub_config_pending');
	else res.applied = apply(env);
	return res;
}

// The cron line there when `want`, gone otherwise (other lines untouched;
// the file removed when nothing else is in it). crond reads a changed
// crontab on a restart (OpenWrt's init script also starts it only when
// there is a crontab). The staging name has a dot: crond skips such names.
export function syncCron(env: Env, want: boolean): boolean {
	const old = env.fs.read(CRONTAB);
	const lines = filter(split(old ?? '', '\n'), (l) => l !== '' && index(l, CRON_MARK) < 0);
	if (want) push(lines, CRON_LINE);
	const text = length(lines) ? join('\n', lines) + '\n' : null;
	if (text === (old === '' ? null : old)) return true;
	let ok = true;
	if (text === null) ok = env.fs.unlink(CRONTAB);
	else {
		const tmp = `${CRONTAB}.splitwg-new`;
		ok = env.fs.mkdirp(substr(CRONTAB, 0, rindex(CRONTAB, '/'))) && env.fs.write(tmp, text) && env.fs.rename(tmp, CRONTAB);
		if (!ok) env.fs.unlink(tmp);
	}
	if (ok && env.fs.exists('/etc/init.d/cron')) env.run(['/etc/init.d/cron', 'restart']);
	return ok;
}

export interface SubscriptionStatus {
	name: string, path: string, url: string, enabled: boolean, interval: number,
	entries: number | null,          // of the copy in force (null: not fetched since boot)
	fetched: number | null,          // the last successful fetch (epoch seconds)
	fetched_age: number | null,      // … seconds ago
	checked: number | null,          // the last attempt
	error: (Msg & { message: string }) | null,   // of the last attempt
}

// Each subscription with its last fetch, for status (`subs`: the applied view's).
export function subscriptionStatus(env: Env, subs: Subscription[]): SubscriptionStatus[] {
	const recs = readRecords(env);
	return map(subs, (s) => {
		const r = recs[s.name] ?? null;
		return {
			name: s.name, path: s.path, url: s.url, enabled: s.enabled, interval: s.interval,
			entries: r ? r.entries : null, fetched: r ? r.fetched : null, fetched_age: r && r.fetched !== null ? env.now() - r.fetched : null, checked: r ? r.time : null,
			error: r && r.error ? described(r.error) : null,
		};
	});
}
