// 2. Apply latency for the "large home" (50 clients, 500 rules, 3 upstreams,
// 20k domains, 50k CIDRs): compile under Node and ucode, `nft -c -f` and
// `nft -f` of the generated table in a scratch namespace, and the same for an
// edit of one rule. Compiles run in child processes with a time limit.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { addNs, delNs, mustNs, run, tempDir } from './netns.ts';
import { largeHomeConfig, LARGE_HOME, TYPICAL, type HomeSize } from './gen.ts';

const HERE = new URL('.', import.meta.url).pathname;
const REPO = join(HERE, '..');
const NS = 'swb-apply';

export interface UcodeBin { path: string; version: string }

/** The ucode binaries to try: $UCODE, else /opt/owrt/bin/ucode (+ the 20250529 release build when present). */
export function ucodeBinaries(): UcodeBin[] {
  const src: Record<string, string> = { '/opt/owrt/bin/ucode': '/opt/owrt/src/ucode', '/opt/owrt/bin/ucode-20250529': '/opt/owrt/src/ucode-20250529' };
  const paths = process.env.UCODE ? [process.env.UCODE] : Object.keys(src).filter((p) => existsSync(p));
  return paths.map((p) => {
    let version = 'unknown version';
    try { version = execFileSync('git', ['-C', src[p] ?? '/nonexistent', 'describe', '--tags'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim(); } catch { /* keep */ }
    return { path: p, version };
  });
}

export interface CompileRun {
  runtime: string; scale: number; size: HomeSize; wallMs: number; timedOut: boolean; limitMs: number;
  parse?: number; validate?: number; renderNft?: number; renderDnsmasq?: number; compile?: number; total?: number; error?: string;
  /** ucode with the uci module: libuci's read + sectionsFromCursor (bench/read.uc), and read + validate + compile: the router's path */
  read?: number; router?: number;
  sameAsNode?: boolean;
}
export interface NftTimes { checkFull: number[]; loadFresh: number[]; checkEdit: number[]; loadEdit: number[]; reloadSame: number[] }
export interface ApplyResult {
  size: HomeSize; reps: number;
  compiles: CompileRun[];
  nft: NftTimes;
  sizes: { uciBytes: number; nftBytes: number; nftLines: number; dnsmasqBytes: number | null; dnsmasqLines: number | null };
  editChangesDnsmasq: boolean | null;
  removedCidrKept: boolean | null; removedCidr: string; editSet: string;
  nftText: string;              // the full table, for the footprint
  ucodeEstimateMs: number | null;
  notes: string[];
}

const scaled = (f: number): HomeSize => ({ ...LARGE_HOME, domains: Math.round(LARGE_HOME.domains * f), cidrs: Math.round(LARGE_HOME.cidrs * f) });

async function nodeCompile(dir: string, name: string, text: string, scale: number, limitMs: number, mode: '' | 'front' | 'parts' = ''): Promise<CompileRun> {
  const uci = join(dir, `${name}.uci`);
  writeFileSync(uci, text);
  const r = await run(process.execPath, ['--import', 'tsx', join(HERE, 'compile-node.ts'), uci, join(dir, `${name}.nft`), join(dir, `${name}.dnsmasq`), ...(mode ? [mode] : [])], { timeoutMs: limitMs });
  const out: CompileRun = { runtime: 'node', scale, size: scaled(scale), wallMs: r.ms, timedOut: r.code === 124, limitMs };
  for (const line of r.stdout.split('\n').filter(Boolean)) Object.assign(out, JSON.parse(line));
  delete (out as { phase?: string }).phase;
  if (out.compile !== undefined) out.total = (out.parse ?? 0) + (out.validate ?? 0) + out.compile;
  if (r.code !== 0 && !out.timedOut) out.error = r.stderr.trim().slice(0, 400);
  return out;
}

async function ucodeCompile(bin: UcodeBin, dir: string, name: string, scale: number, limitMs: number): Promise<CompileRun> {
  const mods = join(REPO, 'files/usr/share/ucode/*.uc');
  const r = await run(bin.path, ['-L', mods, join(HERE, 'compile.uc'), join(dir, `${name}.uci`), join(dir, `${name}.u.nft`), join(dir, `${name}.u.dnsmasq`)], { timeoutMs: limitMs });
  const out: CompileRun = { runtime: `ucode ${bin.version}`, scale, size: scaled(scale), wallMs: r.ms, timedOut: r.code === 124, limitMs };
  if (r.code === 0) {
    const j = JSON.parse(r.stdout.trim().split('\n').pop()!);
    Object.assign(out, { parse: j.parse, validate: j.validate, compile: j.compile, total: j.total });
    const node = join(dir, `${name}.nft`);
    if (existsSync(node)) out.sameAsNode = readFileSync(node, 'utf8') === readFileSync(join(dir, `${name}.u.nft`), 'utf8');
    // the router reads the config with libuci, not parseUci (a ucode without the uci module: no figure)
    const rd = await run(bin.path, ['-L', mods, join(HERE, 'read.uc'), join(dir, `${name}.uci`)], { timeoutMs: limitMs });
    if (rd.code === 0) {
      out.read = JSON.parse(rd.stdout.trim().split('\n').pop()!).read as number;
      out.router = out.read + (out.validate ?? 0) + (out.compile ?? 0);
    }
  } else if (!out.timedOut) out.error = (r.stderr || r.stdout).trim().slice(0, 400);
  return out;
}

async function timed(argv: string[], input?: string): Promise<number> {
  return (await mustNs(NS, argv, { input, timeoutMs: 300_000 })).ms;
}

export interface ApplyOptions { reps: number; quick: boolean; nodeLimitMs: number; ucodeLimitMs: number }

export async function apply(opts: ApplyOptions, log: (s: string) => void): Promise<ApplyResult> {
  const dir = tempDir();
  const notes: string[] = [];
  const size = opts.quick ? scaled(0.1) : LARGE_HOME;
  const full = largeHomeConfig(size), edit = largeHomeConfig(size, true);
  const compiles: CompileRun[] = [];
  const bins = ucodeBinaries();
  if (!bins.length) notes.push('no ucode binary found (/opt/owrt/bin/ucode or $UCODE): compile measured under Node only');

  // issue 14's typical config (scale 0 marks it), both runtimes
  if (!opts.quick) {
    const t = await nodeCompile(dir, 'typical', largeHomeConfig(TYPICAL), 0, opts.nodeLimitMs, 'parts');
    t.size = TYPICAL;
    compiles.push(t);
    for (const b of bins) { const u = await ucodeCompile(b, dir, 'typical', 0, opts.ucodeLimitMs); u.size = TYPICAL; compiles.push(u); }
    log(`  compile, typical: ${compiles.slice(-1 - bins.length).map((c) => `${c.runtime.split(' ')[0]} ${((c.router ?? c.total ?? NaN)).toFixed(0)} ms`).join(', ')}`);
  }
  // small scales first, both runtimes: how compile time grows, and the ucode/Node ratio
  const ladder = opts.quick ? [0.025] : [0.05, 0.1];
  for (const f of ladder) {
    compiles.push(await nodeCompile(dir, `s${f}`, largeHomeConfig(scaled(f)), f, opts.nodeLimitMs, 'parts'));
    for (const b of bins) compiles.push(await ucodeCompile(b, dir, `s${f}`, f, opts.ucodeLimitMs));
    log(`  compile at ${f} × large home: ${compiles.slice(-1 - bins.length).map((c) => `${c.runtime.split(' ')[0]} ${((c.total ?? NaN) / 1000).toFixed(1)} s`).join(', ')}`);
  }
  const fScale = opts.quick ? 0.1 : 1;
  const nodeFull = await nodeCompile(dir, 'full', full, fScale, opts.nodeLimitMs);
  compiles.push(nodeFull);
  log(`  Node compile, full: ${nodeFull.timedOut ? `> ${opts.nodeLimitMs / 1000} s (killed)` : `${((nodeFull.total ?? NaN) / 1000).toFixed(1)} s`}`);
  // the edit: compile() has no incremental path, so its cost is the full cost; re-run it only when that is cheap
  let nodeEdit: CompileRun;
  if (nodeFull.timedOut || (nodeFull.total ?? Infinity) > 30_000) {
    nodeEdit = await nodeCompile(dir, 'edit', edit, fScale, opts.nodeLimitMs, 'front');
    notes.push('edit compile: only the table was rendered (parse + validate + renderNft); compile() itself was not re-run for the edit because the full run took > 30 s and compile() recompiles everything for any edit');
    nodeEdit.runtime = 'node (edit)';
  } else {
    nodeEdit = await nodeCompile(dir, 'edit', edit, fScale, opts.nodeLimitMs);
    nodeEdit.runtime = 'node (edit)';
  }
  compiles.push(nodeEdit);
  // ucode at full size only when the ladder says it can finish within the limit
  let ucodeEstimateMs: number | null = null;
  for (const b of bins) {
    const small = compiles.find((c) => c.runtime === `ucode ${b.version}` && c.scale === ladder[ladder.length - 1]);
    const nodeSmall = compiles.find((c) => c.runtime === 'node' && c.scale === ladder[ladder.length - 1]);
    const ratio = small?.total && nodeSmall?.total ? small.total / nodeSmall.total : Infinity;
    const estimate = nodeFull.total ? nodeFull.total * ratio : Infinity;
    if (b !== bins[0]) continue;     // full size: the main binary only (the release build's ladder gives its ratio)
    ucodeEstimateMs = Number.isFinite(estimate) ? estimate : null;
    if (estimate < opts.ucodeLimitMs) {
      compiles.push(await ucodeCompile(b, dir, 'full', fScale, opts.ucodeLimitMs));
    } else {
      notes.push(`ucode ${b.version}, full size: not run — estimated ${Number.isFinite(estimate) ? `${(estimate / 1000).toFixed(0)} s` : 'beyond the Node limit × the ucode/Node ratio'} (Node full × ucode/Node ratio at ${ladder[ladder.length - 1]} scale = ${ratio.toFixed(1)}), over the ${opts.ucodeLimitMs / 1000} s limit`);
    }
  }

  const nftFull = readFileSync(join(dir, 'full.nft'), 'utf8');
  const nftEdit = readFileSync(join(dir, 'edit.nft'), 'utf8');
  const dnsFull = existsSync(join(dir, 'full.dnsmasq')) ? readFileSync(join(dir, 'full.dnsmasq'), 'utf8') : null;
  const dnsEdit = existsSync(join(dir, 'edit.dnsmasq')) ? readFileSync(join(dir, 'edit.dnsmasq'), 'utf8') : null;

  // nft in a scratch namespace: check and load, fresh and as a replacement (what an apply does)
  await addNs(NS);
  const times: NftTimes = { checkFull: [], loadFresh: [], checkEdit: [], loadEdit: [], reloadSame: [] };
  const fullPath = join(dir, 'full.nft'), editPath = join(dir, 'edit.nft');
  for (let i = 0; i < opts.reps; i++) {
    await mustNs(NS, ['nft', 'flush', 'ruleset']);
    times.checkFull.push(await timed(['nft', '-c', '-f', fullPath]));
    times.loadFresh.push(await timed(['nft', '-f', fullPath]));
    times.checkEdit.push(await timed(['nft', '-c', '-f', editPath]));
    times.loadEdit.push(await timed(['nft', '-f', editPath]));
    times.reloadSame.push(await timed(['nft', '-f', editPath]));
  }
  log(`  nft: check ${times.checkFull.map((x) => x.toFixed(0)).join('/')} ms, fresh load ${times.loadFresh.map((x) => x.toFixed(0)).join('/')} ms, edit load ${times.loadEdit.map((x) => x.toFixed(0)).join('/')} ms`);
  // after the edit's reload, is the CIDR the edit removed still in its set?
  const last = `h${String(size.clients - 1).padStart(3, '0')}`;
  const editSet = `c_${last}_1_n4`;
  const m = /list dest '([0-9.]+)'/.exec(full.slice(full.indexOf(`option client '${last}'\n\toption name 'rule 1'`)));
  const removedCidr = m ? m[1] : '';
  let removedCidrKept: boolean | null = null;
  if (removedCidr && !new RegExp(`[{ ]${removedCidr.replace(/\./g, '\\.')}[,; ]`).test(nftEdit.slice(nftEdit.indexOf(`set ${editSet} {`), nftEdit.indexOf(`set ${editSet} {`) + 20000))) {
    const g = await run('ip', ['netns', 'exec', NS, 'nft', 'get', 'element', 'inet', 'splitwg', editSet, `{ ${removedCidr} }`]);
    removedCidrKept = g.code === 0;
  }
  delNs(NS);
  return {
    size, reps: opts.reps, compiles, nft: times,
    sizes: {
      uciBytes: full.length, nftBytes: nftFull.length, nftLines: nftFull.split('\n').length - 1,
      dnsmasqBytes: dnsFull?.length ?? null, dnsmasqLines: dnsFull === null ? null : dnsFull.split('\n').length - 1,
    },
    editChangesDnsmasq: dnsFull !== null && dnsEdit !== null ? dnsFull !== dnsEdit : null,
    removedCidrKept, removedCidr, editSet, nftText: nftFull, notes, ucodeEstimateMs,
  };
}
