// Remove everything a lab run may have left behind: swl-* network namespaces (and every
// process still inside them), processes recorded in or pointing at a /tmp/swl-* state dir,
// stale wireguard-go control sockets of lab interfaces, and the state dirs themselves.
// Synchronous on purpose: it also runs from signal and exit handlers.
//
//   node --import tsx lab/cleanup.ts        # standalone; prints what it removed
//
// It never touches the host namespace's links, routes or nft tables: the lab never puts
// anything there (deleting a namespace deletes its links, routes and nft tables with it).

import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, unlinkSync } from 'node:fs';
import { basename, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { NS_PREFIX } from './addresses.ts';

export const STATE_ROOT = '/tmp';
export const STATE_PREFIX = 'swl-';
const WG_RUN_DIR = '/var/run/wireguard';

export interface CleanupReport {
  namespaces: string[];
  killed: { pid: number; cmdline: string }[];
  sockets: string[];
  stateDirs: string[];
  errors: string[];
}

export interface CleanupOptions {
  /** state dirs to remove (default: every /tmp/swl-* dir) */
  stateDirs?: string[];
  /** namespaces to remove (default: every swl-* namespace) */
  namespaces?: string[];
}

function ipSync(args: string[]): string {
  return execFileSync('ip', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: 10_000 });
}

export function labNamespaces(): string[] {
  let out = '';
  try { out = ipSync(['netns', 'list']); } catch { return []; }
  return out.split('\n').map((l) => l.trim().split(/\s+/)[0] ?? '').filter((n) => n.startsWith(NS_PREFIX));
}

export function labStateDirs(): string[] {
  try {
    return readdirSync(STATE_ROOT)
      .filter((n) => n.startsWith(STATE_PREFIX) && /^swl-\d+$/.test(n))
      .map((n) => join(STATE_ROOT, n));
  } catch { return []; }
}

/** pid of the process that owns a state dir (/tmp/swl-<pid>), if it is still a live node process. */
export function liveOwner(dir: string): number | null {
  const pid = Number(/swl-(\d+)$/.exec(dir)?.[1]);
  if (!pid || !existsSync(`/proc/${pid}`)) return null;
  return cmdline(pid).includes('node') ? pid : null;
}

function cmdline(pid: number): string {
  try { return readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ').trim(); } catch { return ''; }
}

function ppid(pid: number): number {
  try { return Number(/^PPid:\s+(\d+)/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0); } catch { return 0; }
}

function ancestorsOfSelf(): Set<number> {
  const s = new Set<number>();
  for (let p = process.pid; p > 1 && !s.has(p); p = ppid(p)) s.add(p);
  return s;
}

function sleepSync(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

export function cleanupSync(opts: CleanupOptions = {}): CleanupReport {
  const report: CleanupReport = { namespaces: [], killed: [], sockets: [], stateDirs: [], errors: [] };
  const namespaces = opts.namespaces ?? labNamespaces();
  const stateDirs = opts.stateDirs ?? labStateDirs();
  const protectedPids = ancestorsOfSelf();
  const victims = new Map<number, string>();
  const add = (pid: number) => {
    if (!pid || protectedPids.has(pid) || victims.has(pid)) return;
    const c = cmdline(pid);
    if (c) victims.set(pid, c);
  };

  // 1. every process inside a lab namespace
  for (const ns of namespaces) {
    try { for (const p of ipSync(['netns', 'pids', ns]).split(/\s+/)) add(Number(p)); } catch { /* ns gone */ }
  }
  // 2. processes recorded in the state dirs (still running the same program)
  const wgIfaces = new Set<string>();
  for (const dir of stateDirs) {
    try {
      for (const line of readFileSync(join(dir, 'pids'), 'utf8').split('\n')) {
        const [pid, , , command] = line.split('\t');
        const prog = basename((command ?? '').split(' ').find((w) => !w.includes('=') && w !== 'env') ?? '');
        const c = cmdline(Number(pid));
        if (c && prog && (c.includes(prog) || c.startsWith('ip netns exec'))) add(Number(pid));
      }
    } catch { /* no pids file */ }
    try { for (const n of readFileSync(join(dir, 'wg-ifaces'), 'utf8').split('\n')) if (n.trim()) wgIfaces.add(n.trim()); } catch { /* none */ }
  }
  // 3. anything whose command line points into a lab state dir (agents, echo, dnsmasq)
  try {
    for (const e of readdirSync('/proc')) {
      if (!/^\d+$/.test(e)) continue;
      const c = cmdline(Number(e));
      if (stateDirs.some((d) => c.includes(`${d}/`))) add(Number(e));
    }
  } catch { /* no /proc */ }

  for (const [pid] of victims) { try { process.kill(pid, 'SIGTERM'); } catch { /* gone */ } }
  const alive = (pid: number) => existsSync(`/proc/${pid}`) && !/^State:\s+Z/m.test((() => { try { return readFileSync(`/proc/${pid}/status`, 'utf8'); } catch { return 'State: Z'; } })());
  for (let i = 0; i < 150 && [...victims.keys()].some(alive); i++) sleepSync(10);
  for (const [pid] of victims) if (alive(pid)) { try { process.kill(pid, 'SIGKILL'); } catch { /* gone */ } }
  for (let i = 0; i < 50 && [...victims.keys()].some(alive); i++) sleepSync(10);
  for (const [pid, c] of victims) {
    report.killed.push({ pid, cmdline: c });
    if (alive(pid)) report.errors.push(`process ${pid} (${c}) survived SIGKILL`);
  }

  // 4. namespaces (their links, routes, rules and nft tables go with them)
  for (const ns of namespaces) {
    try { ipSync(['netns', 'del', ns]); report.namespaces.push(ns); }
    catch (e) { report.errors.push(`ip netns del ${ns}: ${(e as { stderr?: string }).stderr?.trim() || (e as Error).message}`); }
  }

  // 5. control sockets of lab WireGuard interfaces (their wireguard-go is gone by now)
  try { for (const f of readdirSync(WG_RUN_DIR)) if (f.startsWith(NS_PREFIX) && f.endsWith('.sock')) wgIfaces.add(f.slice(0, -5)); } catch { /* none */ }
  for (const ifname of wgIfaces) {
    const p = join(WG_RUN_DIR, `${ifname}.sock`);
    if (existsSync(p)) { try { unlinkSync(p); report.sockets.push(p); } catch (e) { report.errors.push(`${p}: ${(e as Error).message}`); } }
  }

  // 6. state dirs
  for (const dir of stateDirs) {
    if (!/^\/tmp\/swl-\d+$/.test(dir)) { report.errors.push(`refusing to remove ${dir}`); continue; }
    try { rmSync(dir, { recursive: true, force: true }); report.stateDirs.push(dir); } catch (e) { report.errors.push(`${dir}: ${(e as Error).message}`); }
  }
  return report;
}

export function describe(r: CleanupReport): string {
  const parts: string[] = [];
  if (r.namespaces.length) parts.push(`namespaces: ${r.namespaces.join(' ')}`);
  if (r.killed.length) parts.push(`processes: ${r.killed.map((k) => `${k.pid} (${k.cmdline.slice(0, 60)})`).join(', ')}`);
  if (r.sockets.length) parts.push(`sockets: ${r.sockets.join(' ')}`);
  if (r.stateDirs.length) parts.push(`state dirs: ${r.stateDirs.join(' ')}`);
  if (r.errors.length) parts.push(`ERRORS: ${r.errors.join('; ')}`);
  return parts.length ? parts.join('\n  ') : 'nothing to remove';
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  if (process.getuid?.() !== 0) { process.stderr.write('lab cleanup needs root (ip netns)\n'); process.exit(1); }
  const r = cleanupSync();
  process.stderr.write(`lab cleanup: ${describe(r)}\n`);
  process.exit(r.errors.length ? 1 : 0);
}
