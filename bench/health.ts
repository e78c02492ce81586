// The health checker's cost (issue 15: ≤ 3 MB RSS, no measurable CPU at
// idle): files/usr/share/splitwg/health.uc under OpenWrt's ucode with its
// uloop module, in a scratch root whose commands go through the tests' stub
// (test/helpers/ucoderoot.ts: ping, wg, nft, logger answer at once), with
// the golden "groups" config (three upstreams, two probed, two groups).
// Read from /proc/<pid>: VmRSS and VmHWM, and the process's own CPU time
// (utime + stime) and its children's (the commands of each tick: cutime +
// cstime), over a window that starts after the first tick.
//   - ticking: probe_interval 5 (the default): a tick every 5 s;
//   - idle: probe_interval 3600: after the first tick nothing is due.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { setup } from '../test/helpers/ucoderoot.ts';
import { table, num } from './stats.ts';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const USER_HZ = 100;   // the clock ticks of /proc/<pid>/stat (Linux's USER_HZ)
const CASES = [{ name: 'ticking (probe_interval 5 s)', interval: 5 }, { name: 'idle (probe_interval 3600 s)', interval: 3600 }];

export interface HealthRun { name: string; seconds: number; ticks: number; rssKib: number; hwmKib: number; cpuMs: number; childCpuMs: number }
export interface HealthResult { ucode: string | null; skipped: string | null; runs: HealthRun[] }

export function healthUcode(): string | null {
  const c = [process.env.OWRT_UCODE, process.env.OPENWRT_ROOT ? `${process.env.OPENWRT_ROOT}/bin/ucode` : '', '/opt/owrt/bin/ucode'];
  return c.find((p) => p && fs.existsSync(p)) ?? null;
}

function proc(pid: number): { rss: number; hwm: number; self: number; kids: number } {
  const st = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kib = (k: string) => Number(new RegExp(`^${k}:\\s+(\\d+)`, 'm').exec(st)?.[1] ?? NaN);
  // fields after the command name (which may hold spaces): utime is the 14th field
  const f = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').replace(/^.*\) /, '').split(' ');
  return { rss: kib('VmRSS'), hwm: kib('VmHWM'), self: Number(f[11]) + Number(f[12]), kids: Number(f[13]) + Number(f[14]) };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function one(ucode: string, name: string, interval: number, seconds: number): Promise<HealthRun> {
  const { root } = setup();
  const cfg = fs.readFileSync(path.join(REPO, 'test/golden/groups/splitwg'), 'utf8')
    .replace(/\toption probe_interval '\d+'\n/g, '')
    .replace(/(config upstream '\w+'\n)/g, `$1\toption probe_interval '${interval}'\n`);
  fs.writeFileSync(path.join(root, 'etc/config/splitwg'), cfg);
  const env = { ...process.env, POSIXLY_CORRECT: '1', SPLITWG_ROOT: root, SPLITWG_UCI_CONFDIR: path.join(root, 'etc/config'), SPLITWG_EXEC: path.join(root, 'exec') };
  const lib = ['-S', '-L', path.join(REPO, 'files/usr/share/ucode/*.uc')];
  // what the checker watches is the last apply's (WATCH_FILE)
  const a = spawnSync(ucode, [...lib, path.join(REPO, 'files/usr/sbin/splitwg'), 'apply'], { env, encoding: 'utf8' });
  if (a.status !== 0) throw new Error(`splitwg apply in the scratch root: ${a.stderr}${a.stdout}`);
  const child = spawn(ucode, [...lib, path.join(REPO, 'files/usr/share/splitwg/health.uc')], { stdio: 'ignore', env });
  try {
    await sleep(2000);   // the first tick (the timer fires at once) and what it loads
    const a = proc(child.pid!);
    const ticks = () => (fs.existsSync(path.join(root, 'calls.log')) ? fs.readFileSync(path.join(root, 'calls.log'), 'utf8') : '').split('\n').filter((l) => l.startsWith('wg show all')).length;
    const calls0 = ticks();
    await sleep(seconds * 1000);
    const b = proc(child.pid!);
    const calls1 = ticks();
    return { name, seconds, ticks: calls1 - calls0, rssKib: b.rss, hwmKib: b.hwm, cpuMs: (b.self - a.self) * 1000 / USER_HZ, childCpuMs: (b.kids - a.kids) * 1000 / USER_HZ };
  } finally {
    child.kill('SIGTERM');
    fs.rmSync(root, { recursive: true, force: true });
  }
}

export async function health(opts: { seconds: number }, log: (s: string) => void): Promise<HealthResult> {
  const ucode = healthUcode();
  if (!ucode) return { ucode: null, skipped: 'no ucode with uloop (OWRT_UCODE, OPENWRT_ROOT/bin/ucode or /opt/owrt/bin/ucode)', runs: [] };
  const runs: HealthRun[] = [];
  for (const c of CASES) {
    log(`   health: ${c.name}, ${opts.seconds} s`);
    runs.push(await one(ucode, c.name, c.interval, opts.seconds));
  }
  return { ucode, skipped: null, runs };
}

export function healthHeadline(r: HealthResult): string {
  if (r.skipped) return `- **Health checker**: not measured (${r.skipped}).`;
  const t = r.runs[0], i = r.runs[1];
  return `- **Health checker** (resident only with groups or probes): RSS **${num(t.hwmKib / 1024)} MiB** peak (target ≤ 3 MB); idle **${num(i.cpuMs)} ms** CPU in ${i.seconds} s, ticking every 5 s ${num(t.cpuMs / t.seconds * 60)} ms CPU a minute (+ ${num(t.childCpuMs / t.seconds * 60)} ms in the commands it runs).`;
}

export function healthSection(r: HealthResult): string[] {
  const L = ['## Health checker', ''];
  L.push('`files/usr/share/splitwg/health.uc` under OpenWrt\'s ucode with uloop (' + (r.ucode ?? 'none') + '), in a scratch root whose commands go through the tests\' stub (they answer at once: the children\'s CPU is the stub shell\'s, not ping\'s or wg\'s on a router), with test/golden/groups (3 upstreams, 2 probed, 2 groups). From /proc/<pid>, over a window that starts 2 s after start (after the first tick). Target (issue 15): ≤ 3 MB RSS, no measurable CPU at idle.', '');
  if (r.skipped) { L.push(`Not measured: ${r.skipped}.`, ''); return L; }
  L.push(table(['case', 'window', 'ticks', 'VmRSS', 'VmHWM', 'CPU (own)', 'CPU (its commands)'],
    r.runs.map((x) => [x.name, `${x.seconds} s`, x.ticks, `${num(x.rssKib / 1024)} MiB`, `${num(x.hwmKib / 1024)} MiB`, `${num(x.cpuMs)} ms`, `${num(x.childCpuMs)} ms`])), '');
  return L;
}
