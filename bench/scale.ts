// Table size against clients and rules (issue 14 goal 1): compile a
// generated config, then check and load its table with the real nft in a
// private network namespace (unshare --net: nothing else sees it), timing
// each step and taking nft's peak RSS (/usr/bin/time -f %M).
//   node --import tsx --import ./test/setup.ts bench/scale.ts shared 1000 100 100000
//   node --import tsx --import ./test/setup.ts bench/scale.ts own 1000 10 [mac]
// Clients are known by an IPv4 address (their chains see IPv4 only: no IPv6
// sets); `mac`: by a MAC instead (dual-stack: both families' sets).
// `npm run bench` runs the three cases of the issue (scale(), each in a
// process of its own) and reports them against its targets (scaleSection()).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sharedRulesetConfig, largeHomeConfig, clientAddr } from './gen.ts';
import { run } from './netns.ts';
import { table, num, bytes } from './stats.ts';

export interface ScaleRun {
  config: string; table_bytes: number; rules: number; chains: number; named_sets: number; compile_ms: number;
  nft_check_s: number; nft_check_rss_kib: number; nft_load_s: number; nft_load_rss_kib: number;
}
export interface ScaleCase { args: string[]; target: { bytes?: number; loadS: number }; before: string; runs: ScaleRun[]; error?: string }

// issue 14's cases, targets and what it measured before (an older main)
const CASES: Omit<ScaleCase, 'runs'>[] = [
  { args: ['shared', '1000', '100', '100000'], target: { bytes: 2e6, loadS: 2 }, before: '18.5 MB, nft -f 12 s, 811 MB RSS' },
  { args: ['own', '1000', '10'], target: { loadS: 10 }, before: 'nft -f 255–286 s (30,000 named sets)' },
  { args: ['own', '1000', '10', 'mac'], target: { loadS: 10 }, before: '—' },
];

const HERE = path.dirname(fileURLToPath(import.meta.url));

export async function scale(opts: { reps: number; quick: boolean }, log: (s: string) => void): Promise<ScaleCase[]> {
  const out: ScaleCase[] = [];
  for (const c of CASES) {
    const args = opts.quick ? c.args.map((x, i) => (i === 1 ? String(Number(x) / 10) : x)) : c.args;
    const k: ScaleCase = { ...c, args, runs: [] };
    for (let i = 0; i < opts.reps && !k.error; i++) {
      log(`  scale ${args.join(' ')} (${i + 1}/${opts.reps})`);
      const r = await run('node', ['--import', 'tsx', '--import', path.join(HERE, '../test/setup.ts'), path.join(HERE, 'scale.ts'), ...args], { timeoutMs: 900_000 });
      if (r.code !== 0) k.error = r.stderr.trim().slice(-400);
      else k.runs.push(JSON.parse(r.stdout.trim().split('\n').pop()!));
    }
    out.push(k);
  }
  return out;
}

const median = (v: number[]) => [...v].sort((a, b) => a - b)[v.length >> 1];

export function scaleHeadline(cases: ScaleCase[]): string {
  return `- **Table size against clients and rules** (§6, issue 14 goal 1): ` + cases.filter((c) => c.runs.length).map((c) => {
    const load = median(c.runs.map((r) => r.nft_load_s)), size = c.runs[0].table_bytes;
    const met = load <= c.target.loadS && (c.target.bytes === undefined || size <= c.target.bytes);
    return `${c.runs[0].config}: ${bytes(size)}, nft -f ${load.toFixed(2)} s (${met ? 'met' : '**missed**'})`;
  }).join('; ') + '.';
}

export function scaleSection(cases: ScaleCase[]): string[] {
  const L = ['## 6. Table size against clients and rules (issue 14 goal 1)', '',
    'bench/scale.ts, one process per run: the core compiles the generated config under Node (`compile_ms`), then the real nft checks (`nft -c -f`) and loads (`nft -f`) the table in a private network namespace (`unshare --net`), timed by GNU time with its peak RSS. Targets and "before" are the issue\'s (before: an older main, on this VM\'s kind of machine, not in this run).', ''];
  const rows = cases.map((c) => {
    if (!c.runs.length) return [c.args.join(' '), c.error ?? 'not run', '', '', '', '', '', '', ''];
    const r = c.runs[0], load = median(c.runs.map((x) => x.nft_load_s)), check = median(c.runs.map((x) => x.nft_check_s));
    const target = `${c.target.bytes !== undefined ? `< ${c.target.bytes / 1e6} MB, ` : ''}nft -f < ${c.target.loadS} s`;
    const met = load <= c.target.loadS && (c.target.bytes === undefined || r.table_bytes <= c.target.bytes);
    return [r.config, `${bytes(r.table_bytes)}; ${num(r.rules)} rules, ${num(r.chains)} chains, ${num(r.named_sets)} named sets`, `${num(median(c.runs.map((x) => x.compile_ms)))} ms`,
      `${check.toFixed(2)} s`, `**${load.toFixed(2)} s** (${c.runs.map((x) => x.nft_load_s.toFixed(2)).join(', ')})`,
      `${(Math.max(...c.runs.map((x) => x.nft_load_rss_kib)) / 1024).toFixed(0)} MiB`, target, met ? 'met' : '**missed**', c.before];
  });
  L.push(table(['config', 'table', 'compile (Node)', 'nft -c -f', 'nft -f, median (runs)', 'nft peak RSS', 'target', '', 'before'], rows), '');
  return L;
}

async function cliMain(): Promise<void> {
  // (imported here: the core needs the ucode builtins that test/setup.ts, on the command line, gives Node)
  const { parseUci, readConfig, compile } = await import('../src/core/index.ts');
  const [kind, a, b, c] = process.argv.slice(2);
  // (largeHomeConfig's client addresses stop at 255 clients: each takes clientAddr(i) here)
  let n = 0;
  const text = kind === 'shared' ? sharedRulesetConfig(Number(a), Number(b), Number(c ?? 0))
    : largeHomeConfig({ clients: Number(a), rulesPerClient: Number(b), upstreams: 3, domains: Number(a) * 40, cidrs: Number(a) * 100 })
      .replace(/list address '192\.168\.[0-9.]+'/g, () => c === 'mac' ? `list mac '02:00:00:00:${((n >> 8) & 255).toString(16).padStart(2, '0')}:${(n++ & 255).toString(16).padStart(2, '0')}'` : `list address '${clientAddr(n++)}'`);
  const t0 = performance.now();
  const r = readConfig(parseUci(text).sections);
  if (!r.config) throw new Error(JSON.stringify(r.problems.slice(0, 3)));
  const plan = compile(r.config);
  const compileMs = performance.now() - t0;
  const t = plan.table!;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'swscale-'));
  fs.writeFileSync(path.join(dir, 't.nft'), plan.nft);
  const sh = `cd ${dir}; for s in "-c -f" "-f"; do /usr/bin/time -f "%e %M" -o time.$$ nft $s t.nft || exit 1; cat time.$$; done`;
  const p = spawnSync('unshare', ['--net', 'sh', '-c', sh], { encoding: 'utf8' });
  fs.rmSync(dir, { recursive: true, force: true });
  if (p.status !== 0) throw new Error(p.stderr);
  const [check, load] = p.stdout.trim().split('\n').map((l) => l.split(' ').map(Number));
  console.log(JSON.stringify({
    config: kind === 'shared' ? `${a} clients sharing one ${b}-rule rule set, ${c} domains` : `${a} clients × ${b} own rules${c === 'mac' ? ', known by MAC' : ''}`,
    table_bytes: Buffer.byteLength(plan.nft), rules: t.chains.reduce((n, x) => n + x.rules.length, 0), chains: t.chains.length,
    named_sets: t.sets.length, compile_ms: Math.round(compileMs),
    nft_check_s: check![0], nft_check_rss_kib: check![1], nft_load_s: load![0], nft_load_rss_kib: load![1],
  }));
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) await cliMain();
