// 5. splitwg on the real OpenWrt userland ($OPENWRT_ROOT, lab/openwrt): one
// router booted by OpenWrtLab (procd, ubusd, rpcd with the ucode plugin,
// netifd, fw4, dnsmasq's init), the packages installed with opkg, and for a
// "typical" and the "large home" config (bench/gen.ts) the wall clock of
// `splitwg check`, `ubus call splitwg status` / `stats` and `splitwg apply`
// (from scratch, unchanged, after an edit of one rule), timed inside the root;
// then one profiled pass: every command apply runs (SPLITWG_EXEC) with its
// time and peak RSS, and ucode's own VmHWM.
import { OpenWrtLab, unavailable, ADDR, OPENWRT_ROOT, waitFor } from '../lab/openwrt/root.ts';
import { flashFiles } from '../lab/openwrt/files.ts';
import { install, runUciDefaults, waitIfaceUp } from '../lab/openwrt/ops.ts';
import { largeHomeConfig, LARGE_HOME, TYPICAL, type HomeSize } from './gen.ts';
import { execFileSync } from 'node:child_process';

export type Op = 'check' | 'status' | 'stats' | 'scratch' | 'unchanged' | 'edit';
export const OPS: Op[] = ['check', 'status', 'stats', 'scratch', 'unchanged', 'edit'];

/** One timed command: wall ms inside the root, GNU time's %M (the command and the children it waited for). */
export interface Timed { ms: number; maxKiB: number | null }
/** A command splitwg ran (SPLITWG_EXEC), relative to the start of the profiled command. */
export interface Child { startMs: number; ms: number; code: number; maxKiB: number | null; ucodeHwmKiB: number | null; argv: string }
export interface Profile { op: string; command: string; totalMs: number; hwmKiB: number | null; maxKiB: number | null; children: Child[]; message: string }
export interface RouterCase {
  name: string; size: HomeSize;
  bytes: { uci: number; nft: number; dnsmasq: number; state: number; plan: number };
  runs: Record<Op, Timed[]>;
  messages: Partial<Record<Op, string>>;     // the last line each printed (apply's summary)
  settles: string[];                         // what the apply after the tunnels came up said
  profiles: Profile[];
}
export interface RouterResult {
  skipped: string | null;
  reps: Record<string, number>; calls: number;
  cases: RouterCase[];
  floorMs: number[];            // the timer alone (`true` timed the same way)
  wrapperMs: number | null;     // what the SPLITWG_EXEC wrapper adds per command (median)
  versions: Record<string, string>;
  notes: string[];
  errors: string[];             // a repetition or pass that failed (the others are kept)
}

export interface RouterOptions { quick: boolean; reps: { typical: number; large: number }; calls: number }

// The targets of issue 14 (goal 2) and the figures it measured before (older main), in ms.
export const TARGETS: Record<string, Partial<Record<Op, number>>> = {
  typical: { check: 100, status: 100, scratch: 1000, unchanged: 300 },
  'large home': { check: 1000, status: 300 },
};
export const BEFORE: Record<string, Partial<Record<Op, [number, number]>>> = {
  typical: { check: [280, 320], status: [650, 710], scratch: [3300, 3500], unchanged: [2100, 2100], edit: [2200, 2200] },
  'large home': { check: [1800, 1900], status: [28000, 30000] },
};
/** goal 4: peak RSS of `splitwg apply` (large home) under ucode, 30 MB (taken as MiB) */
export const RSS_TARGET_KIB = 30 * 1024;

const STATE = '/var/run/splitwg/state.json', PLAN = '/var/run/splitwg/plan.json';
const NFT_FILE = '/usr/share/nftables.d/ruleset-post/90-splitwg.nft';
const OUT = '/tmp/swb.out', ERR = '/tmp/swb.err', RSS = '/tmp/swb.rss';
const HWM_SCRIPT = '/tmp/swb-hwm.uc', WRAPPER = '/tmp/swb-exec.sh', EXEC_LOG = '/tmp/swb-exec.log';

// /usr/sbin/splitwg is `exit(runCommand(realEnv(), ARGV, …))` (src/router/cli.ts): the same,
// reading ucode's own peak (VmHWM: a high-water mark, so read at the end it is the peak) last.
const HWM_UC = `'use strict';
import { realEnv, runCommand } from 'splitwg.router';
import { readfile } from 'fs';
const rc = runCommand(realEnv(), ARGV, { out: (s) => { print(s); }, err: (s) => { warn(s); } });
const m = match(readfile('/proc/self/status') ?? '', /VmHWM:[ \\t]*([0-9]+) kB/);
warn(\`\\nswb-hwm \${m ? m[1] : '?'}\\n\`);
exit(rc);
`;

// SPLITWG_EXEC: each command splitwg runs, with its wall time and peak RSS (GNU time %M), and
// ucode's VmHWM when it started it (the ucode ancestor, found with shell builtins only), in a log.
const WRAPPER_SH = `#!/bin/sh
s=$(date +%s%N)
u=$PPID; hwm=-
while [ "$u" -gt 1 ]; do
	read -r comm < /proc/$u/comm || break
	if [ "$comm" = ucode ]; then
		while read -r k v rest; do [ "$k" = VmHWM: ] && hwm=$v; done < /proc/$u/status
		break
	fi
	p=1; while read -r k v rest; do [ "$k" = PPid: ] && p=$v; done < /proc/$u/status; u=$p
done
/usr/bin/time -f %M -o /tmp/swb-exec.$$ "$@"
rc=$?
e=$(date +%s%N)
printf '%s %s %s %s %s %s\\n' "$s" "$e" "$rc" "$(tail -n 1 /tmp/swb-exec.$$)" "$hwm" "$*" >> ${EXEC_LOG}
rm -f /tmp/swb-exec.$$
exit $rc
`;

/** The generated config with endpoints the router can route (the VPS; nothing answers on these ports: tunnels up, no handshake). */
export function routerConfig(size: HomeSize, edit = false): string {
  return largeHomeConfig(size, edit, (_n, i) => `${ADDR.vps}:${51821 + i}`);
}

// the output of the scripts below: a status line, the command's last line, then after MARK the rest
const MARK = '--swb--';
function sections(out: string): string[] {
  const at = out.indexOf(`\n${MARK}\n`);
  const top = (at < 0 ? out : out.slice(0, at)).split('\n');
  return [top[0] ?? '', top.slice(1).filter((l) => l.trim()).at(-1) ?? '', ...(at < 0 ? [] : out.slice(at + MARK.length + 2).split('\n'))];
}

class Router {
  constructor(readonly lab: OpenWrtLab) {}

  /** `cmd` timed inside the root (date +%s%N around it, GNU time for %M); throws when it fails. */
  async timed(cmd: string): Promise<Timed & { last: string; err: string }> {
    const r = await this.lab.sh(`t0=$(date +%s%N); /usr/bin/time -f %M -o ${RSS} ${cmd} >${OUT} 2>${ERR}; rc=$?; t1=$(date +%s%N)
echo "$rc $((t1 - t0)) $(tail -n 1 ${RSS})"; tail -n 1 ${OUT}; echo; echo ${MARK}; grep -v '^warning: ' ${ERR} | tail -n 5`, { timeoutMs: 600_000 });
    const [head = '', last = '', ...err] = sections(r.stdout);
    const [rc, ns, kib] = head.split(' ');
    if (r.code !== 0 || rc !== '0') throw new Error(`${cmd}: exit ${rc ?? r.code}: ${last}\n${err.join('\n')}${r.stderr}`);
    return { ms: Number(ns) / 1e6, maxKiB: Number.isFinite(Number(kib)) ? Number(kib) : null, last, err: err.join('\n').trim() };
  }

  async write(path: string, text: string): Promise<void> { await this.lab.x(`cat > ${path}`, { input: text }); }
  async size(path: string): Promise<number> { return Number((await this.lab.x(`wc -c < ${path} 2>/dev/null || echo 0`)).trim()); }

  /** after `splitwg stop`: netifd has torn our tunnels down (their endpoint's host route stays: netifd keeps it on the WAN) */
  async waitDown(): Promise<void> {
    await waitFor(async () => (await this.lab.sh(`ip link show | grep -q ' sw_'`)).code !== 0,
      60_000, async () => `tunnels still there after stop: ${(await this.lab.sh('ip link; ip route')).stdout}`, 100);
  }

  /** after an apply from scratch: every tunnel up in netifd and its endpoint route in main */
  async waitUp(n: number): Promise<void> {
    for (let i = 0; i < n; i++) await waitIfaceUp(this.lab, `sw_${'abcdef'[i]}`, 60_000);
    await waitFor(async () => (await this.lab.sh(`ip route show ${ADDR.vps} | grep -q .`)).code === 0, 30_000, () => 'no endpoint route');
  }
}

const firstLine = (e: unknown) => String((e as Error).message ?? e).split('\n').filter(Boolean).slice(0, 2).join(' — ');

/** `splitwg stop` and the tunnels gone; a failed stop is retried once, and said so (notes). */
async function stopAll(r: Router, notes: string[]): Promise<void> {
  try { await r.timed('splitwg stop'); } catch (e) {
    notes.push(`\`splitwg stop\` failed, retried once: ${firstLine(e)}`);
    await waitFor(async () => (await r.lab.sh('pidof dnsmasq')).code === 0, 15_000, () => 'dnsmasq is not running');
    await r.timed('splitwg stop');
  }
  await r.waitDown();
}

/** Wall clock of each command, interleaved: per repetition and config, stop → apply → settle → apply (unchanged) → check, status, stats → edit → apply. */
async function measure(r: Router, c: RouterCase, base: string, edit: string, calls: number, notes: string[], log: (s: string) => void): Promise<void> {
  await stopAll(r, notes);
  await r.write('/etc/config/splitwg', base);
  const s = await r.timed('splitwg apply');
  if (!/^changed nft, dnsmasq, network, firewall/.test(s.last)) throw new Error(`apply from scratch: ${s.last}`);
  c.runs.scratch.push(s); c.messages.scratch = s.last;
  // the tunnels coming up add their endpoint routes to main, which apply reads as local
  // networks: the first apply after that reloads the table (what a router does too)
  await r.waitUp(c.size.upstreams);
  c.settles.push((await r.timed('splitwg apply')).last);
  const u = await r.timed('splitwg apply');
  if (!/^no change/.test(u.last)) throw new Error(`apply of the unchanged ${c.name} config changed something: ${u.last}`);
  c.runs.unchanged.push(u); c.messages.unchanged = u.last;
  for (let k = 0; k < calls; k++) {
    const ck = await r.timed('splitwg check');
    c.runs.check.push(ck); c.messages.check = ck.last;
    const st = await r.timed('ubus -t 120 call splitwg status');
    const reply = JSON.parse((await r.lab.x(`cat ${OUT}`)) || 'null');
    if (!reply?.applied || reply.pending) throw new Error(`status while applied and unchanged: ${JSON.stringify(reply).slice(0, 300)}`);
    c.runs.status.push(st);
    c.runs.stats.push(await r.timed('ubus -t 120 call splitwg stats'));
  }
  await r.write('/etc/config/splitwg', edit);
  const e = await r.timed('splitwg apply');
  if (!/^changed nft/.test(e.last)) throw new Error(`apply after the edit: ${e.last}`);
  c.runs.edit.push(e); c.messages.edit = e.last;
  await r.write('/etc/config/splitwg', base);
  log(`  ${c.name}: scratch ${s.ms.toFixed(0)} ms, unchanged ${u.ms.toFixed(0)} ms, edit ${e.ms.toFixed(0)} ms, check ${c.runs.check.at(-1)!.ms.toFixed(0)} ms, status ${c.runs.status.at(-1)!.ms.toFixed(0)} ms`);
}

function parseLog(text: string, t0: bigint): Child[] {
  const out: Child[] = [];
  for (const line of text.split('\n')) {
    const m = /^(\d+) (\d+) (\d+) (\S*) (\S*) (.*)$/.exec(line);
    if (!m) continue;
    const s = BigInt(m[1]!), e = BigInt(m[2]!);
    const kib = (x: string) => (/^\d+$/.test(x) ? Number(x) : null);
    out.push({ startMs: Number(s - t0) / 1e6, ms: Number(e - s) / 1e6, code: Number(m[3]), maxKiB: kib(m[4]!), ucodeHwmKiB: kib(m[5]!), argv: m[6]!.slice(0, 200) });
  }
  return out;
}

/** The CLI's code with ucode's VmHWM read at the end, every command it runs through the wrapper. */
async function profiled(r: Router, op: string, args: string): Promise<Profile> {
  const res = await r.lab.sh(`rm -f ${EXEC_LOG}; t0=$(date +%s%N); SPLITWG_EXEC=${WRAPPER} /usr/bin/time -f %M -o ${RSS} ucode ${HWM_SCRIPT} ${args} >${OUT} 2>${ERR}; rc=$?; t1=$(date +%s%N)
echo "$rc $t0 $t1 $(tail -n 1 ${RSS}) $(sed -n 's/^swb-hwm //p' ${ERR})"; tail -n 1 ${OUT}; echo; echo ${MARK}; cat ${EXEC_LOG} 2>/dev/null`, { timeoutMs: 600_000 });
  const [head = '', last = '', ...log] = sections(res.stdout);
  const [rc, t0, t1, kib, hwm] = head.split(' ');
  if (rc !== '0') throw new Error(`profiled splitwg ${args}: exit ${rc}: ${last} ${(await r.lab.sh(`tail -n 5 ${ERR}`)).stdout}`);
  const start = BigInt(t0!);
  return {
    op, command: `splitwg ${args}`, totalMs: Number(BigInt(t1!) - start) / 1e6, message: last,
    maxKiB: /^\d+$/.test(kib ?? '') ? Number(kib) : null, hwmKiB: /^\d+$/.test(hwm ?? '') ? Number(hwm) : null,
    children: parseLog(log.join('\n'), start),
  };
}

async function profile(r: Router, c: RouterCase, base: string, edit: string, notes: string[]): Promise<void> {
  await stopAll(r, notes);
  await r.write('/etc/config/splitwg', base);
  c.profiles.push(await profiled(r, 'scratch', 'apply'));
  await r.waitUp(c.size.upstreams);
  await r.timed('splitwg apply');
  c.bytes.nft = await r.size(NFT_FILE);
  c.bytes.state = await r.size(STATE);
  c.bytes.plan = await r.size(PLAN);
  c.bytes.dnsmasq = Number((await r.lab.x('cat /tmp/dnsmasq.*.d/splitwg.conf 2>/dev/null | wc -c')).trim());
  c.profiles.push(await profiled(r, 'unchanged', 'apply'));
  c.profiles.push(await profiled(r, 'check', 'check'));
  c.profiles.push(await profiled(r, 'status', 'status --json'));
  await r.write('/etc/config/splitwg', edit);
  c.profiles.push(await profiled(r, 'edit', 'apply'));
  await r.write('/etc/config/splitwg', base);
}

function versions(lab: OpenWrtLab): Promise<Record<string, string>> {
  const git = (d: string) => { try { return execFileSync('git', ['-C', d, 'describe', '--tags', '--always'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim(); } catch { return 'unknown'; } };
  return (async () => ({
    prefix: OPENWRT_ROOT,
    ucode: `${OPENWRT_ROOT}/bin/ucode (${git(`${OPENWRT_ROOT}/src/ucode`)})`,
    splitwg: (await lab.x('splitwg version')).trim(),
    nft: (await lab.x('nft --version')).trim(),
    dnsmasq: (await lab.x('dnsmasq --version | head -n 1')).trim(),
  }))();
}

const median = (v: number[]) => { const s = [...v].sort((a, b) => a - b); return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2; };

export async function router(opts: RouterOptions, log: (s: string) => void): Promise<RouterResult> {
  const res: RouterResult = { skipped: unavailable(), reps: {}, calls: opts.calls, cases: [], floorMs: [], wrapperMs: null, versions: {}, notes: [], errors: [] };
  if (res.skipped) return res;
  const lab = new OpenWrtLab();
  try {
    await lab.up(flashFiles(), { enable: ['rpcd', 'network', 'firewall', 'dnsmasq'] });
    await install(lab);
    await runUciDefaults(lab);
    await waitFor(async () => (await lab.sh('pidof dnsmasq')).code === 0, 15_000, () => 'dnsmasq is not running');
    const r = new Router(lab);
    if (!/^\d{19}$/.test((await lab.x('date +%s%N')).trim())) throw new Error('date +%s%N does not give nanoseconds inside the root');
    if ((await lab.sh('[ -x /usr/bin/time ]')).code !== 0) throw new Error('/usr/bin/time (GNU time) is missing inside the root');
    const cli = await lab.x('cat /usr/sbin/splitwg');
    if (!cli.includes('runCommand(realEnv(), ARGV')) res.notes.push('/usr/sbin/splitwg no longer calls runCommand(realEnv(), ARGV, …): the profiled pass (bench/router.ts HWM_UC) may not run the same code');
    await r.write(HWM_SCRIPT, HWM_UC);
    await r.write(WRAPPER, WRAPPER_SH);
    await lab.x(`chmod +x ${WRAPPER}`);
    res.versions = await versions(lab);
    for (let i = 0; i < 5; i++) res.floorMs.push((await r.timed('true')).ms);
    // the wrapper's own cost: `true` through it, outside minus what it logs
    const w: number[] = [];
    for (let i = 0; i < 5; i++) {
      await lab.x(`rm -f ${EXEC_LOG}`);
      const t = await r.timed(`${WRAPPER} true`);
      const inner = parseLog(await lab.x(`cat ${EXEC_LOG}`), 0n)[0]?.ms ?? 0;
      w.push(t.ms - inner - median(res.floorMs));
    }
    res.wrapperMs = median(w);

    const cases = [{ name: 'typical', size: TYPICAL, reps: opts.reps.typical }, ...(opts.quick ? [] : [{ name: 'large home', size: LARGE_HOME, reps: opts.reps.large }])];
    const texts = cases.map((k) => ({ base: routerConfig(k.size), edit: routerConfig(k.size, true) }));
    for (const k of cases) {
      res.reps[k.name] = k.reps;
      res.cases.push({
        name: k.name, size: k.size, bytes: { uci: texts[res.cases.length]!.base.length, nft: 0, dnsmasq: 0, state: 0, plan: 0 },
        runs: { check: [], status: [], stats: [], scratch: [], unchanged: [], edit: [] }, messages: {}, settles: [], profiles: [],
      });
    }
    // repetitions interleave the configs, in alternating order
    const most = Math.max(...cases.map((k) => k.reps));
    for (let rep = 0; rep < most; rep++) {
      const order = cases.map((_, i) => i);
      if (rep % 2) order.reverse();
      for (const i of order) {
        if (rep >= cases[i]!.reps) continue;
        log(`  router rep ${rep + 1}/${cases[i]!.reps}, ${cases[i]!.name}`);
        try { await measure(r, res.cases[i]!, texts[i]!.base, texts[i]!.edit, opts.calls, res.notes, log); } catch (e) {
          res.errors.push(`${cases[i]!.name}, repetition ${rep + 1} (its remaining steps skipped): ${firstLine(e)}`);
          log(`  !! ${res.errors.at(-1)}`);
        }
      }
    }
    for (let i = 0; i < cases.length; i++) {
      log(`  router profile, ${cases[i]!.name}`);
      try { await profile(r, res.cases[i]!, texts[i]!.base, texts[i]!.edit, res.notes); } catch (e) {
        res.errors.push(`${cases[i]!.name}, profiled pass (its remaining steps skipped): ${firstLine(e)}`);
        log(`  !! ${res.errors.at(-1)}`);
      }
    }
  } finally {
    await lab.down();
  }
  return res;
}
