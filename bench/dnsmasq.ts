// 3. dnsmasq start-up time (spawn → first answer) and resident memory with D
// domains, in our form (one nftset= line per domain listing all its sets, as
// the compiler writes it) and in the naive form (one line per domain per set).
// Every domain feeds 4 sets (2 clients' rules × v4/v6). The table with those
// sets is loaded into the scratch namespace first.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { compileText } from './core.ts';
import { addNs, delNs, kill, nftLoad, spawnNs, tempDir } from './netns.ts';
import { dnsConfig, dnsDomain } from './gen.ts';
import type { ChildProcess } from 'node:child_process';

const NS = 'swb-dns';
const PORT = 5353;
const PROBE = new URL('./dnsprobe.mjs', import.meta.url).pathname;
const TEMPLATE = 'template.bench.example';

export type DnsForm = 'ours' | 'naive';
export interface DnsRun { rep: number; startupMs: number; rssKiB: number; hwmKiB: number }
export interface DnsCell { domains: number; form: DnsForm; bytes: number; lines: number; runs: DnsRun[] }
export interface DnsResult { reps: number; cells: DnsCell[]; formCheck: string; command: string }

/** The compiler's per-domain lines for one domain, to expand for D domains (checked against the compiler on a sample). */
function template(): { head: string[]; per: string[] } {
  const lines = compileText(dnsConfig([TEMPLATE])).dnsmasq.split('\n').filter((l) => l !== '');
  const first = lines.findIndex((l) => l.includes(TEMPLATE));
  if (first < 0 || lines.slice(first).some((l) => !l.includes(TEMPLATE))) throw new Error('unexpected dnsmasq output shape');
  return { head: lines.slice(0, first), per: lines.slice(first) };
}

function ours(t: ReturnType<typeof template>, domains: string[]): string {
  const out = [...t.head];
  for (const d of [...domains].sort()) for (const l of t.per) out.push(l.split(TEMPLATE).join(d));
  return out.join('\n') + '\n';
}

function naive(t: ReturnType<typeof template>, domains: string[]): string {
  const sets = t.per.filter((l) => l.startsWith('nftset=')).flatMap((l) => l.slice(l.lastIndexOf('/') + 1).split(','));
  const out: string[] = [];
  for (const d of [...domains].sort()) for (const s of sets) out.push(`nftset=/${d}/${s}`);
  return out.join('\n') + '\n';
}

function lineOf(child: ChildProcess, pred: (l: string) => boolean, ms: number): Promise<string> {
  return new Promise((resolve, reject) => {
    let buf = '';
    const timer = setTimeout(() => reject(new Error('probe: no answer in time')), ms);
    const on = (d: Buffer) => {
      buf += d.toString();
      const l = buf.split('\n').find(pred);
      if (l !== undefined) { clearTimeout(timer); child.stdout!.off('data', on); resolve(l); }
    };
    child.stdout!.on('data', on);
    child.once('exit', () => { clearTimeout(timer); const l = buf.split('\n').find(pred); if (l !== undefined) resolve(l); else reject(new Error(`probe exited: ${buf.trim()}`)); });
  });
}

function status(pid: number): { rss: number; hwm: number } {
  const s = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kib = (k: string) => Number(new RegExp(`^${k}:\\s+(\\d+) kB`, 'm').exec(s)?.[1] ?? NaN);
  return { rss: kib('VmRSS'), hwm: kib('VmHWM') };
}

export const dnsmasqArgs = (conf: string) => ['dnsmasq', '-k', `--conf-file=${conf}`, `--port=${PORT}`, '--listen-address=127.0.0.1',
  '--bind-interfaces', '--no-resolv', '--no-hosts', '--pid-file=', '--log-facility=-', '--address=/probe.bench.test/192.0.2.1'];

async function once(conf: string): Promise<{ startupMs: number; rssKiB: number; hwmKiB: number }> {
  const probe = spawnNs(NS, [process.execPath, PROBE, String(PORT), 'probe.bench.test', '120000']);
  try {
    await lineOf(probe, (l) => l === 'ready', 20_000);
    const t0 = process.hrtime.bigint();
    const dm = spawnNs(NS, dnsmasqArgs(conf));
    let err = '';
    dm.stderr!.on('data', (d) => { err = (err + d.toString()).slice(-2000); });
    dm.stdout!.resume();
    try {
      const answered = await lineOf(probe, (l) => l.startsWith('answered ') || l === 'timeout', 125_000).catch((e) => { throw new Error(`${e.message}; dnsmasq: ${err.trim()}`); });
      if (answered === 'timeout') throw new Error(`dnsmasq did not answer: ${err.trim()}`);
      const startupMs = Number(BigInt(answered.split(' ')[1]) - t0) / 1e6;
      const s = status(dm.pid!);
      return { startupMs, rssKiB: s.rss, hwmKiB: s.hwm };
    } finally { await kill(dm); }
  } finally { await kill(probe); }
}

export async function dnsmasq(opts: { sizes: number[]; reps: number }, log: (s: string) => void): Promise<DnsResult> {
  const dir = tempDir();
  const t = template();
  // the expanded form must be exactly what the compiler writes (checked on a sample)
  const sample = Array.from({ length: 300 }, (_, i) => dnsDomain(i));
  const plan = compileText(dnsConfig(sample));
  if (plan.dnsmasq !== ours(t, sample)) throw new Error('our dnsmasq form, expanded from the template, differs from the compiler output');
  const formCheck = `Our form is expanded from the compiler's lines for one domain, and is byte-identical to compile() output for a ${sample.length}-domain sample (${plan.dnsmasq.length} bytes)`;
  await addNs(NS);
  await nftLoad(NS, plan.nft);
  const cells: DnsCell[] = [];
  for (const n of opts.sizes) {
    const domains = Array.from({ length: n }, (_, i) => dnsDomain(i));
    const texts: Record<DnsForm, string> = { ours: ours(t, domains), naive: naive(t, domains) };
    const byForm = {} as Record<DnsForm, DnsCell>;
    for (const form of ['ours', 'naive'] as DnsForm[]) {
      writeFileSync(join(dir, `${form}-${n}.conf`), texts[form]);
      byForm[form] = { domains: n, form, bytes: texts[form].length, lines: texts[form].split('\n').length - 1, runs: [] };
    }
    for (let rep = 0; rep < opts.reps; rep++)
      for (const form of (rep % 2 ? ['naive', 'ours'] : ['ours', 'naive']) as DnsForm[])
        byForm[form].runs.push({ rep, ...(await once(join(dir, `${form}-${n}.conf`))) });
    cells.push(byForm.ours, byForm.naive);
    const m = (c: DnsCell, k: 'startupMs' | 'rssKiB') => [...c.runs.map((r) => r[k])].sort((a, b) => a - b)[c.runs.length >> 1];
    log(`  ${n} domains: start-up ours ${m(byForm.ours, 'startupMs').toFixed(0)} ms / naive ${m(byForm.naive, 'startupMs').toFixed(0)} ms; ` +
      `RSS ours ${(m(byForm.ours, 'rssKiB') / 1024).toFixed(1)} MiB / naive ${(m(byForm.naive, 'rssKiB') / 1024).toFixed(1)} MiB`);
  }
  delNs(NS);
  return { reps: opts.reps, cells, formCheck, command: `ip netns exec ${NS} ${dnsmasqArgs('<form>-<D>.conf').join(' ')}` };
}
