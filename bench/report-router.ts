// RESULTS.md section 5 (bench/router.ts): splitwg on the real OpenWrt userland —
// wall clock against issue 14's targets and its "before" figures, peak RSS, and
// where the time of each command goes.
import type { RouterResult, RouterCase, Op, Profile, Child } from './router.ts';
import { TARGETS, BEFORE, RSS_TARGET_KIB } from './router.ts';
import { summary, num, mmm, fmtRatio, bytes, table, raw } from './stats.ts';

const ms = (x: number) => `${num(x)} ms`;
const mib = (kib: number | null) => (kib === null ? 'n/a' : `${(kib / 1024).toFixed(1)} MiB`);

const COMMAND: Record<Op, string> = {
  check: '`splitwg check`',
  status: '`ubus call splitwg status`',
  stats: '`ubus call splitwg stats`',
  scratch: '`splitwg apply` from scratch (after `splitwg stop`)',
  unchanged: '`splitwg apply`, nothing changed',
  edit: '`splitwg apply` after an edit of one rule\'s destinations',
};
const ORDER: Op[] = ['check', 'status', 'stats', 'scratch', 'unchanged', 'edit'];

const sizeTxt = (c: RouterCase) => `${c.size.clients} clients, ${c.size.clients * c.size.rulesPerClient} rules, ${c.size.upstreams} upstreams, ${num(c.size.domains)} domains, ${num(c.size.cidrs)} CIDRs`;
const med = (c: RouterCase, op: Op) => summary(c.runs[op].map((t) => t.ms)).median;
const before = (c: RouterCase, op: Op) => BEFORE[c.name]?.[op];
const beforeTxt = (b: [number, number] | undefined) => (b ? (b[0] === b[1] ? ms(b[0]) : `${num(b[0])}–${ms(b[1])}`) : '—');
/** median / target, bold when over */
function vsTarget(c: RouterCase, op: Op): string {
  const t = TARGETS[c.name]?.[op];
  if (t === undefined) return '—';
  const r = med(c, op) / t;
  return r > 1 ? `**${fmtRatio(r)}** (over)` : `${fmtRatio(r)} (met)`;
}

function headlineLine(c: RouterCase): string {
  const part = (op: Op, label: string) => {
    if (!c.runs[op].length) return `${label} not measured`;
    const t = TARGETS[c.name]?.[op];
    return `${label} ${ms(med(c, op))}${t !== undefined ? ` (target ${ms(t)}: ${med(c, op) <= t ? 'met' : `**${fmtRatio(med(c, op) / t)}×**`})` : ''}`;
  };
  return `  - ${c.name}: ${part('check', 'check')}; ${part('status', 'status')}; ${part('scratch', 'apply from scratch')}; ${part('unchanged', 'unchanged')}; ${part('edit', 'edit')}`;
}

export function routerHeadline(r: RouterResult): string[] {
  if (r.skipped) return [`- **Router (real OpenWrt userland)**: skipped — ${r.skipped}.`];
  const L = ['- **Router, the real OpenWrt userland** (procd, rpcd, netifd, fw4, real ucode; medians of the wall clock):', ...r.cases.map(headlineLine)];
  const large = r.cases.find((c) => c.name === 'large home');
  const p = large?.profiles ?? [];
  if (p.length) L.push(`  - peak RSS of ucode running \`splitwg apply\` (large home): ${p.filter((x) => ['scratch', 'unchanged', 'edit'].includes(x.op)).map((x) => `${x.op} ${mib(x.hwmKiB)}`).join(', ')} (target ${mib(RSS_TARGET_KIB)})`);
  return L;
}

// ---- where the time goes ---------------------------------------------------------

const group = (argv: string) => argv.split(' ').slice(0, 4).join(' ');

function groups(children: Child[]): { key: string; n: number; ms: number; maxKiB: number | null }[] {
  const m = new Map<string, { key: string; n: number; ms: number; maxKiB: number | null }>();
  for (const c of children) {
    const g = m.get(group(c.argv)) ?? { key: group(c.argv), n: 0, ms: 0, maxKiB: null };
    g.n++; g.ms += c.ms;
    if (c.maxKiB !== null) g.maxKiB = Math.max(g.maxKiB ?? 0, c.maxKiB);
    m.set(g.key, g);
  }
  return [...m.values()].sort((a, b) => b.ms - a.ms);
}

/** The stretches between commands (ucode computing), longest first. */
function gaps(p: Profile): { ms: number; after: string; before: string }[] {
  const out: { ms: number; after: string; before: string }[] = [];
  let at = 0, prev = '(start)';
  for (const c of p.children) {
    out.push({ ms: c.startMs - at, after: prev, before: c.argv });
    at = c.startMs + c.ms; prev = c.argv;
  }
  out.push({ ms: p.totalMs - at, after: prev, before: '(exit)' });
  return out.sort((a, b) => b.ms - a.ms);
}

const cut = (s: string, n = 60) => (s.length > n ? `${s.slice(0, n)}…` : s);

function profileRows(c: RouterCase, wrapperMs: number | null): (string | number)[][] {
  return c.profiles.map((p) => {
    const inCmds = p.children.reduce((a, x) => a + x.ms, 0);
    const own = p.totalMs - inCmds - p.children.length * (wrapperMs ?? 0);
    const top = groups(p.children).slice(0, 4).map((g) => `\`${cut(g.key, 40)}\`${g.n > 1 ? ` ×${g.n}` : ''} ${ms(g.ms)}`).join('; ');
    const g = gaps(p).slice(0, 3).filter((x) => x.ms >= 20).map((x) => `${ms(x.ms)} after \`${cut(x.after, 40)}\``).join('; ');
    return [p.op, ms(p.totalMs), `${p.children.length}: ${ms(inCmds)}`, `**${ms(own)}**`, top || '—', g || '—'];
  });
}

/** Where ucode's high-water mark rose: the stretches between the commands (read by the wrapper as each starts), largest first. */
function rises(p: Profile): { kib: number; after: string }[] {
  const out: { kib: number; after: string }[] = [];
  let hwm = 0, prev = '(start)';
  for (const x of [...p.children, { ucodeHwmKiB: p.hwmKiB, argv: '(exit)' }]) {
    if (x.ucodeHwmKiB === null) continue;
    if (x.ucodeHwmKiB > hwm) out.push({ kib: x.ucodeHwmKiB - hwm, after: prev });
    hwm = Math.max(hwm, x.ucodeHwmKiB);
    prev = x.argv;
  }
  return out.sort((a, b) => b.kib - a.kib);
}

function memoryRows(c: RouterCase): (string | number)[][] {
  return c.profiles.map((p) => {
    const up = rises(p).slice(0, 3).filter((x) => x.kib >= 1024).map((x) => `+${mib(x.kib)} after \`${cut(x.after, 40)}\``).join('; ');
    const child = [...p.children].filter((x) => x.maxKiB !== null).sort((a, b) => b.maxKiB! - a.maxKiB!)[0];
    const over = ['scratch', 'unchanged', 'edit'].includes(p.op) && p.hwmKiB !== null ? (p.hwmKiB > RSS_TARGET_KIB ? `**${fmtRatio(p.hwmKiB / RSS_TARGET_KIB)}** (over)` : `${fmtRatio(p.hwmKiB / RSS_TARGET_KIB)} (met)`) : '—';
    return [p.op, `**${mib(p.hwmKiB)}**`, over, up || '—', mib(p.maxKiB), child ? `${mib(child.maxKiB)} \`${cut(child.argv, 50)}\`` : '—'];
  });
}

// ---- the section -----------------------------------------------------------------

export function routerSection(r: RouterResult): string[] {
  const L: string[] = ['## 7. Router: the real OpenWrt userland', ''];
  if (r.skipped) {
    L.push(`**Skipped: ${r.skipped}.** This part needs a prefix built as in docs/lab.md "The openwrt tier" (\`OPENWRT_ROOT=/opt/owrt npm run bench\`, as root) and measures issue 14's goals 2 and 4 on it.`, '');
    return L;
  }
  L.push('**Setup.** One router booted by the openwrt test tier\'s harness (`OpenWrtLab`, lab/openwrt/root.ts): procd as PID 1, ubusd, rpcd with the ucode plugin, netifd, fw4 and dnsmasq\'s init, in namespaces; the packages built by tools/package.mjs and installed with the real opkg, as the tier does. ' +
    'Both configs are `largeHomeConfig()` of bench/gen.ts (the same as §2), with the upstream endpoints at the VPS address (203.0.113.2, ports 51821…): netifd brings the tunnels up; nothing answers there, so no handshake — that does not matter for the timing. dnsmasq runs (our file: its conf-dir).');
  L.push('', table(['', ''], Object.entries(r.versions).map(([k, v]) => [k, `\`${v}\``])), '');
  L.push(table(['config', 'size', 'UCI config', 'nft table', 'dnsmasq file', 'state.json', 'plan.json (kept plan)'],
    r.cases.map((c) => [c.name, sizeTxt(c), bytes(c.bytes.uci), bytes(c.bytes.nft), bytes(c.bytes.dnsmasq), bytes(c.bytes.state), c.bytes.plan ? bytes(c.bytes.plan) : 'none'])));
  L.push('');
  L.push(`**Method.** Every command runs inside the root (nsenter) as \`t0=$(date +%s%N); /usr/bin/time -f %M CMD; t1=$(date +%s%N)\` — wall clock in the router, not the harness; the timer alone (\`true\` in its place) reads ${mmm(summary(r.floorMs), ms)}. ` +
    `Repetitions: ${Object.entries(r.reps).map(([k, n]) => `${k} ${n}`).join(', ')}; each repetition, configs alternating: \`splitwg stop\` (until netifd removed the tunnels); write the config; **apply from scratch**; wait for the tunnels to be up; one apply untimed (the tunnels\' endpoint routes are new in the main table, which apply reads as local networks, so that one reloads the table); **apply, unchanged** (checked: it prints \`no change\`); then ${r.calls} × (**check**, **status** — checked: \`applied\`, not \`pending\` —, **stats**); write the edited config (\`largeHomeConfig(size, true)\`: one CIDR of the last client's rule 1); **apply after the edit** (checked: \`changed nft\`). So the apply from scratch always compiles — the plan apply keeps (/var/run/splitwg/plan.json, when this version has one) was compiled from the edited config or the other one — while the unchanged apply can reuse it.`);
  L.push('');
  L.push('Targets and "before" are issue 14\'s (goal 2; before: measured on an older main by the issue, on this VM\'s kind of machine, not in this run) — so the ratio to "before" is across runs; the ratio to the target is what the goal asks.');
  L.push('');
  const rows: (string | number)[][] = [];
  for (const c of r.cases) for (const op of ORDER) {
    const v = c.runs[op].map((t) => t.ms);
    if (!v.length) continue;
    const b = before(c, op);
    rows.push([c.name, COMMAND[op], `**${mmm(summary(v), ms)}**`, TARGETS[c.name]?.[op] !== undefined ? ms(TARGETS[c.name]![op]!) : '—', vsTarget(c, op),
      beforeTxt(b), b ? fmtRatio(med(c, op) / ((b[0] + b[1]) / 2)) : '—', raw(v)]);
  }
  L.push(table(['config', 'command', 'wall, median (min–max)', 'target', 'median / target', 'before', 'median / before', 'raw (ms)'], rows));
  L.push('');
  for (const c of r.cases) {
    const m = c.messages;
    L.push(`- ${c.name}: apply printed \`${cut(m.scratch ?? '', 120)}\` from scratch, \`${cut(m.unchanged ?? '', 120)}\` unchanged, \`${cut(m.edit ?? '', 120)}\` after the edit; ` +
      `the untimed apply after the tunnels came up: ${[...new Set(c.settles.map((x) => `\`${cut(x.split(';')[0]!, 60)}\``))].join(', ')}; check: \`${m.check ?? ''}\`.`);
  }
  L.push('');
  L.push(`**Memory** (goal 4: peak RSS of \`splitwg apply\` for the large home under ucode ≤ 30 MB, read here as ${mib(RSS_TARGET_KIB)}). One more pass per config, same sequence: the CLI's code (\`runCommand(realEnv(), ARGV, …)\` as /usr/sbin/splitwg calls it, bench/router.ts HWM_UC) reading its own VmHWM from /proc/self/status before it exits — ucode alone; GNU time's %M of the same process is the peak of ucode and of every command it waited for (nft, ip, …), each of which is also measured by the wrapper below. The wrapper also reads ucode's VmHWM as each command starts: "where it grew" names the command after which ucode's high-water mark rose most (the growth happened in ucode, before the next command).`);
  L.push('');
  const mrows: (string | number)[][] = [];
  for (const c of r.cases) for (const row of memoryRows(c)) mrows.push([c.name, ...row]);
  L.push(table(['config', 'command', 'ucode VmHWM', 'VmHWM / target', 'where it grew (ucode, between commands)', '%M (ucode and its commands)', 'largest command (%M)'], mrows));
  L.push('');
  L.push(`**Where the time goes** (the same pass): \`SPLITWG_EXEC=/tmp/swb-exec.sh\` runs every command splitwg starts through a wrapper that logs its start, end and %M; the wrapper itself adds ${r.wrapperMs === null ? 'n/a' : ms(r.wrapperMs)} per command (median, measured), which is taken out of "ucode outside commands". ` +
    'status is profiled as `splitwg status --json` (the same function as the ubus method, in a fresh ucode instead of rpcd\'s). The "gaps" are the longest stretches with no command running — ucode computing — named by the command before them.');
  L.push('');
  for (const c of r.cases) {
    L.push(`*${c.name}*`, '');
    L.push(table(['command', 'wall (wrapped)', 'commands run: time in them', 'ucode outside commands', 'costliest commands', 'longest gaps (ucode)'], profileRows(c, r.wrapperMs)));
    L.push('');
  }
  for (const e of r.errors) L.push(`- **error**: ${e}`);
  for (const n of r.notes) L.push(`- ${n}`);
  if (r.notes.length || r.errors.length) L.push('');
  return L;
}
