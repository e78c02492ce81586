// 3. dnsmasq start-up time (spawn → first answer) and resident memory with D
// domains, in three forms: ours (what the compiler writes: domains feeding
// the same sets share an nftset= line), one line per domain listing its sets
// (the compiler's form before), and naive (one line per domain per set).
// Every domain feeds 4 sets (2 clients' rules × v4/v6). The table with those
// sets is loaded into the scratch namespace first.
import { join } from 'node:path';
import { compileText } from './core.ts';
import { addNs, delNs, kill, nftLoad, spawnNs, tempDir } from './netns.ts';
import { dnsConfig, dnsDomain } from './gen.ts';
import type { ChildProcess } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';

const NS = 'swb-dns';
const PORT = 5353;
const PROBE = new URL('./dnsprobe.mjs', import.meta.url).pathname;

export type DnsForm = 'ours' | 'line' | 'naive';
export const DNS_FORMS: DnsForm[] = ['ours', 'line', 'naive'];
export interface DnsRun { rep: number; startupMs: number; rssKiB: number; hwmKiB: number }
export interface DnsCell { domains: number; form: DnsForm; bytes: number; lines: number; runs: DnsRun[] }
export interface DnsResult { reps: number; cells: DnsCell[]; formCheck: string; command: string }

/** domain → its sets (comma-separated nftset targets), read from our file's nftset= lines */
function entries(ours: string): [string, string][] {
  return ours.split('\n').filter((l) => l.startsWith('nftset=/')).flatMap((l) => {
    const parts = l.slice('nftset=/'.length).split('/');
    const targets = parts.pop()!;
    return parts.map((d): [string, string] => [d, targets]);
  });
}

function forms(domains: string[]): Record<DnsForm, string> {
  const ours = compileText(dnsConfig(domains)).dnsmasq;
  const e = entries(ours);
  if (e.length !== domains.length) throw new Error(`${e.length} entries for ${domains.length} domains`);
  return {
    ours,
    line: e.map(([d, t]) => `nftset=/${d}/${t}`).join('\n') + '\n',
    naive: e.flatMap(([d, t]) => t.split(',').map((s) => `nftset=/${d}/${s}`)).join('\n') + '\n',
  };
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
  const sample = Array.from({ length: 300 }, (_, i) => dnsDomain(i));
  const plan = compileText(dnsConfig(sample));
  const formCheck = 'Ours is compile() output for the D domains; the other two forms are expanded from its entries (the same domain → sets), so all three hold the same entries';
  await addNs(NS);
  await nftLoad(NS, plan.nft);
  const cells: DnsCell[] = [];
  for (const n of opts.sizes) {
    const texts = forms(Array.from({ length: n }, (_, i) => dnsDomain(i)));
    const byForm = {} as Record<DnsForm, DnsCell>;
    for (const form of DNS_FORMS) {
      writeFileSync(join(dir, `${form}-${n}.conf`), texts[form]);
      byForm[form] = { domains: n, form, bytes: texts[form].length, lines: texts[form].split('\n').length - 1, runs: [] };
    }
    for (let rep = 0; rep < opts.reps; rep++)
      for (let k = 0; k < DNS_FORMS.length; k++) {
        const form = DNS_FORMS[(k + rep) % DNS_FORMS.length]!;
        byForm[form].runs.push({ rep, ...(await once(join(dir, `${form}-${n}.conf`))) });
      }
    for (const form of DNS_FORMS) cells.push(byForm[form]);
    const m = (c: DnsCell, k: 'startupMs' | 'rssKiB') => [...c.runs.map((r) => r[k])].sort((a, b) => a - b)[c.runs.length >> 1];
    log(`  ${n} domains: start-up ${DNS_FORMS.map((f) => `${f} ${m(byForm[f], 'startupMs').toFixed(0)} ms`).join(' / ')}; ` +
      `RSS ${DNS_FORMS.map((f) => `${f} ${(m(byForm[f], 'rssKiB') / 1024).toFixed(1)} MiB`).join(' / ')}`);
  }
  delNs(NS);
  return { reps: opts.reps, cells, formCheck, command: `ip netns exec ${NS} ${dnsmasqArgs('<form>-<D>.conf').join(' ')}` };
}
