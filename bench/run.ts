// npm run bench  (= node --import tsx bench/run.ts), as root.
// Measures forwarding cost, apply latency, dnsmasq start-up/memory, the
// footprint and (with OPENWRT_ROOT) splitwg on the real OpenWrt userland;
// writes bench/RESULTS.md. BENCH_QUICK=1: smaller sizes, fewer repetitions (a
// smoke run), written to $TMPDIR/splitwg-bench-quick.md; BENCH_ONLY=router,apply
// runs only those parts (written to $TMPDIR/splitwg-bench-only.md); BENCH_OUT=FILE
// writes elsewhere. Everything it creates (swb-* namespaces, the processes in
// them, /tmp/swb-* files; the router's swo<pid>-* namespaces) is removed at the
// end, also on failure.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { cleanup, installCleanup, run } from './netns.ts';
import { forwarding } from './forwarding.ts';
import { apply, ucodeBinaries } from './apply.ts';
import { dnsmasq } from './dnsmasq.ts';
import { footprint } from './footprint.ts';
import { lists } from './lists.ts';
import { scale } from './scale.ts';
import { router } from './router.ts';
import { health } from './health.ts';
import { render, type BenchResults, type Machine } from './report.ts';

const QUICK = process.env.BENCH_QUICK === '1';
const PARTS = ['forwarding', 'apply', 'dnsmasq', 'footprint', 'lists', 'scale', 'health', 'router'] as const;
const ONLY = (process.env.BENCH_ONLY ?? '').split(',').map((s) => s.trim()).filter(Boolean);
for (const p of ONLY) if (!(PARTS as readonly string[]).includes(p)) throw new Error(`BENCH_ONLY: no part ${p} (parts: ${PARTS.join(', ')})`);
const runs = (part: typeof PARTS[number]) => !ONLY.length || ONLY.includes(part);
// a smoke run or a partial one must not overwrite the real results
const HAND_MARKER = '<!-- measured by hand: `npm run bench` keeps everything below this line -->';
const OUT = process.env.BENCH_OUT ?? (QUICK ? join(os.tmpdir(), 'splitwg-bench-quick.md') : ONLY.length ? join(os.tmpdir(), 'splitwg-bench-only.md')
  : new URL('./RESULTS.md', import.meta.url).pathname);
const REPO = new URL('..', import.meta.url).pathname;

const log = (s: string) => process.stderr.write(`${s}\n`);
const sh = (cmd: string, args: string[]) => {
  try { return execFileSync(cmd, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim(); } catch { return ''; }
};

function machine(): Machine {
  const cpu = /^model name\s*:\s*(.*)$/m.exec(readFileSync('/proc/cpuinfo', 'utf8'))?.[1] ?? os.cpus()[0]?.model ?? '?';
  const osName = /^PRETTY_NAME="?([^"\n]*)/m.exec(existsSync('/etc/os-release') ? readFileSync('/etc/os-release', 'utf8') : '')?.[1] ?? '?';
  const virt = sh('systemd-detect-virt', []) || (/hypervisor/.test(readFileSync('/proc/cpuinfo', 'utf8')) ? 'a hypervisor' : 'none');
  const head = sh('git', ['-C', REPO, 'rev-parse', '--short', 'HEAD']);
  const dirty = sh('git', ['-C', REPO, 'status', '--porcelain']).split('\n').filter(Boolean).length;
  return {
    CPU: `${cpu}, ${os.cpus().length} cores (virtualisation: ${virt})`,
    memory: `${(os.totalmem() / 2 ** 30).toFixed(1)} GiB, ${(os.freemem() / 2 ** 30).toFixed(1)} GiB free at start`,
    'load average at start (1/5/15 min)': os.loadavg().map((x) => x.toFixed(2)).join(' / '),
    OS: osName,
    kernel: `${os.release()}`,
    nftables: sh('nft', ['--version']),
    dnsmasq: sh('dnsmasq', ['--version']).split('\n')[0],
    iperf3: sh('iperf3', ['--version']).split('\n')[0],
    ping: sh('ping', ['-V']).split('\n')[0],
    node: process.version,
    ucode: ucodeBinaries().map((b) => `${b.path} (${b.version})`).join('; ') || 'none found',
    repository: `${head}${dirty ? ` + ${dirty} uncommitted changes` : ''}`,
  };
}

async function ensureIperf3(notes: string[]): Promise<void> {
  if (sh('sh', ['-c', 'command -v iperf3'])) return;
  log('iperf3 missing: apt-get install -y --no-install-recommends iperf3');
  const r = await run('apt-get', ['install', '-y', '--no-install-recommends', 'iperf3'], { timeoutMs: 300_000 });
  if (r.code !== 0) throw new Error(`iperf3 is missing and could not be installed: ${r.stderr.slice(-400)}`);
  notes.push('iperf3 was missing and was installed by the bench (`apt-get install -y --no-install-recommends iperf3`).');
}

async function main(): Promise<void> {
  if (process.getuid?.() !== 0) throw new Error('the bench needs root (network namespaces, nft)');
  installCleanup();
  const t0 = performance.now();
  const res: BenchResults = {
    started: new Date().toISOString().replace(/\.\d+Z$/, 'Z'), durationS: 0, quick: QUICK,
    command: [QUICK ? 'BENCH_QUICK=1' : '', ONLY.length ? `BENCH_ONLY=${ONLY.join(',')}` : '', process.env.OPENWRT_ROOT ? `OPENWRT_ROOT=${process.env.OPENWRT_ROOT}` : '', 'npm run bench'].filter(Boolean).join(' '),
    machine: machine(), notes: [], errors: [], only: ONLY,
  };
  if (runs('forwarding')) await ensureIperf3(res.notes);
  const step = async (name: typeof PARTS[number], f: () => Promise<void>) => {
    if (!runs(name)) return;
    const t = performance.now();
    log(`== ${name}`);
    try { await f(); } catch (e) { res.errors.push(`${name}: ${(e as Error).message}`); log(`!! ${name}: ${(e as Error).stack}`); }
    log(`   ${name}: ${((performance.now() - t) / 1000).toFixed(0)} s`);
  };
  await step('forwarding', async () => {
    res.fwd = await forwarding(QUICK
      ? { clients: [10, 100], elements: [1000, 10000], reps: 2, iperfSeconds: 1, pings: 300, pingInterval: 0, connects: 200, mtuSized: true }
      : { clients: [10, 100, 1000], elements: [1000, 100000], reps: 6, iperfSeconds: 2, pings: 1000, pingInterval: 0, connects: 500, mtuSized: true }, log);
    cleanup();
  });
  await step('apply', async () => {
    res.apply = await apply({ reps: QUICK ? 1 : 3, quick: QUICK, nodeLimitMs: QUICK ? 60_000 : 200_000, ucodeLimitMs: QUICK ? 60_000 : 120_000 }, log);
  });
  await step('dnsmasq', async () => { res.dns = await dnsmasq({ sizes: QUICK ? [2000, 10000] : [10000, 100000], reps: QUICK ? 1 : 3 }, log); });
  await step('footprint', async () => { if (res.apply) res.foot = await footprint(res.apply.nftText); else throw new Error('no large-home table (apply failed, or BENCH_ONLY left it out)'); });
  await step('lists', async () => { res.lists = await lists({ reps: QUICK ? 1 : 3, quick: QUICK }, log); });
  await step('scale', async () => { res.scale = await scale({ reps: QUICK ? 1 : 2, quick: QUICK }, log); });
  await step('health', async () => { res.health = await health({ seconds: QUICK ? 10 : 60 }, log); });
  // the real OpenWrt userland, when OPENWRT_ROOT names one (else the section says why not)
  await step('router', async () => {
    res.router = await router(QUICK ? { quick: true, reps: { typical: 2, large: 0 }, calls: 2 } : { quick: false, reps: { typical: 5, large: 3 }, calls: 3 }, log);
    if (res.router.skipped) log(`   router: skipped (${res.router.skipped})`);
    for (const e of res.router.errors) res.errors.push(`router: ${e}`);
  });
  res.machine['load average at end (1/5/15 min)'] = os.loadavg().map((x) => x.toFixed(2)).join(' / ');
  res.durationS = (performance.now() - t0) / 1000;
  // sections measured by hand (after the marker) survive a new run
  const old = existsSync(OUT) ? readFileSync(OUT, 'utf8') : '';
  const kept = old.indexOf(HAND_MARKER) >= 0 ? old.slice(old.indexOf(HAND_MARKER)) : '';
  writeFileSync(OUT, render(res) + (kept ? `\n${kept}` : ''));
  log(`wrote ${OUT} (${(res.durationS / 60).toFixed(1)} min${res.errors.length ? `, ${res.errors.length} error(s)` : ''})`);
  if (res.errors.length) process.exitCode = 1;
}

main().catch((e) => { log(String((e as Error).stack ?? e)); process.exitCode = 1; }).finally(() => { cleanup(); });
