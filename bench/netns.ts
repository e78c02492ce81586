// Namespaces, commands and clean-up for the bench. Everything the bench
// creates is registered here and removed by cleanup() — on success, on an
// exception, on SIGINT/SIGTERM/SIGHUP. Namespaces are named swb-*; a run first
// removes swb-* namespaces (and the processes inside them) left by a crashed run.
import { execFile, execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';

export const PREFIX = 'swb-';

// ip, nft, dnsmasq live in sbin directories a non-login PATH may lack.
{
  const have = new Set((process.env.PATH ?? '').split(':').filter(Boolean));
  const extra = ['/usr/local/sbin', '/usr/local/bin', '/usr/sbin', '/usr/bin', '/sbin', '/bin'].filter((d) => !have.has(d));
  if (extra.length) process.env.PATH = [...have, ...extra].join(':');
}

const namespaces = new Set<string>();
const children = new Set<ChildProcess>();
const tempDirs = new Set<string>();

export interface Result { code: number; stdout: string; stderr: string; ms: number }
export interface RunOptions { input?: string; timeoutMs?: number; env?: NodeJS.ProcessEnv }

/** Run a program; never throws for a non-zero exit (code 124 = timed out). */
export function run(file: string, args: readonly string[], opts: RunOptions = {}): Promise<Result> {
  const t0 = performance.now();
  return new Promise((resolve) => {
    const child = execFile(file, args as string[], { timeout: opts.timeoutMs ?? 120_000, maxBuffer: 512 * 1024 * 1024, killSignal: 'SIGKILL', ...(opts.env ? { env: opts.env } : {}) },
      (err, stdout, stderr) => {
        let code = 0;
        if (err) {
          const e = err as NodeJS.ErrnoException & { code?: number | string; killed?: boolean; signal?: string };
          if (e.killed || e.signal) code = 124;
          else code = typeof e.code === 'number' ? e.code : 127;
          if (typeof e.code !== 'number') stderr = `${stderr}\n${e.message}`;
        }
        resolve({ code, stdout: String(stdout), stderr: String(stderr), ms: performance.now() - t0 });
      });
    children.add(child);
    child.on('exit', () => children.delete(child));
    if (opts.input !== undefined) child.stdin!.end(opts.input);
    else child.stdin?.end();
  });
}

/** Run and throw on failure (message names the command and its stderr). */
export async function must(file: string, args: readonly string[], opts: RunOptions = {}): Promise<Result> {
  const r = await run(file, args, opts);
  if (r.code !== 0) throw new Error(`${file} ${args.join(' ').slice(0, 300)} → exit ${r.code}: ${(r.stderr || r.stdout).trim().slice(0, 800)}`);
  return r;
}

function checkNs(ns: string): void {
  if (!ns.startsWith(PREFIX) || !/^[a-z0-9-]+$/.test(ns)) throw new Error(`not a bench namespace: ${ns}`);
}

/** Run argv inside a bench namespace (`ip netns exec`). */
export function inNs(ns: string, argv: readonly string[], opts: RunOptions = {}): Promise<Result> {
  checkNs(ns);
  return run('ip', ['netns', 'exec', ns, ...argv], opts);
}
export function mustNs(ns: string, argv: readonly string[], opts: RunOptions = {}): Promise<Result> {
  checkNs(ns);
  return must('ip', ['netns', 'exec', ns, ...argv], opts);
}

/** `ip -n ns -batch -`: many ip commands, one process. */
export async function ipBatch(ns: string, lines: string[]): Promise<void> {
  checkNs(ns);
  await must('ip', ['-n', ns, '-batch', '-'], { input: lines.join('\n') + '\n' });
}

/** `nft -f -` inside a namespace; returns the wall time. */
export async function nftLoad(ns: string, script: string, check = false): Promise<number> {
  return (await mustNs(ns, ['nft', ...(check ? ['-c'] : []), '-f', '-'], { input: script, timeoutMs: 300_000 })).ms;
}

/** A long-running process inside a namespace (`ip netns exec` execs it: the pid is the program's). */
export function spawnNs(ns: string, argv: readonly string[]): ChildProcess {
  checkNs(ns);
  const child = spawn('ip', ['netns', 'exec', ns, ...argv], { stdio: ['ignore', 'pipe', 'pipe'] });
  children.add(child);
  child.on('exit', () => children.delete(child));
  return child;
}

export function kill(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGKILL');
  });
}

function listNs(): string[] {
  try {
    return execFileSync('ip', ['netns', 'list'], { encoding: 'utf8', timeout: 10_000 })
      .split('\n').map((l) => l.trim().split(/\s+/)[0] ?? '').filter((n) => n.startsWith(PREFIX));
  } catch { return []; }
}

function removeNsSync(ns: string): void {
  // processes still inside (iperf3 servers, dnsmasq) were started by the bench: end them by pid
  try {
    const pids = execFileSync('ip', ['netns', 'pids', ns], { encoding: 'utf8', timeout: 10_000 }).split(/\s+/).filter(Boolean);
    for (const p of pids) try { process.kill(Number(p), 'SIGKILL'); } catch { /* gone */ }
  } catch { /* no such namespace */ }
  try { execFileSync('ip', ['netns', 'del', ns], { stdio: 'ignore', timeout: 20_000 }); } catch { /* already gone */ }
}

export async function addNs(ns: string): Promise<void> {
  checkNs(ns);
  if (listNs().includes(ns)) removeNsSync(ns);
  namespaces.add(ns);
  await must('ip', ['netns', 'add', ns]);
  await ipBatch(ns, ['link set lo up']);
}

export function delNs(ns: string): void {
  removeNsSync(ns);
  namespaces.delete(ns);
}

export function tempDir(): string {
  const d = mkdtempSync('/tmp/swb-');
  tempDirs.add(d);
  return d;
}

/** Synchronous on purpose: it runs from exit and signal handlers too. Returns what it removed. */
export function cleanup(): string[] {
  const done: string[] = [];
  for (const c of children) { try { c.kill('SIGKILL'); } catch { /* gone */ } }
  children.clear();
  for (const ns of new Set([...namespaces, ...listNs()])) { removeNsSync(ns); done.push(`netns ${ns}`); }
  namespaces.clear();
  for (const d of tempDirs) { try { rmSync(d, { recursive: true, force: true }); done.push(d); } catch { /* ignore */ } }
  tempDirs.clear();
  return done;
}

let installed = false;
/** Clean up on exit and on signals; and now, for leftovers of a killed earlier run (swb-* namespaces, /tmp/swb-XXXXXX dirs). */
export function installCleanup(): void {
  if (installed) return;
  installed = true;
  const stale = listNs();
  if (stale.length) { for (const ns of stale) removeNsSync(ns); process.stderr.write(`removed stale namespaces: ${stale.join(' ')}\n`); }
  for (const d of readdirSync('/tmp')) {
    if (/^swb-[A-Za-z0-9]{6}$/.test(d) && statSync(`/tmp/${d}`).isDirectory()) rmSync(`/tmp/${d}`, { recursive: true, force: true });
  }
  process.on('exit', () => { cleanup(); });
  for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const)
    process.on(sig, () => { process.stderr.write(`\n${sig}: cleaning up\n`); cleanup(); process.exit(130); });
}
