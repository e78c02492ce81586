// Small helpers to run things inside the lab's network namespaces.
// Every command goes through `ip netns exec <ns>` with <ns> checked to be a
// lab namespace: nothing here ever runs a network command in the host namespace.

import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { appendFileSync, closeSync, existsSync, mkdirSync, openSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { NS_PREFIX } from './addresses.ts';

// ip, nft, dnsmasq, tcpdump live in sbin dirs that a non-login PATH may lack.
{
  const have = new Set((process.env.PATH ?? '').split(':').filter(Boolean));
  const extra = ['/usr/local/sbin', '/usr/local/bin', '/usr/sbin', '/usr/bin', '/sbin', '/bin'].filter((d) => !have.has(d));
  if (extra.length) process.env.PATH = [...have, ...extra].join(':');
}

export const DEBUG = !!process.env.SWL_LAB_DEBUG;
export function debug(msg: string): void {
  if (DEBUG) process.stderr.write(`[lab] ${msg}\n`);
}

/** A command that failed, with where, what and why. */
export class LabCommandError extends Error {
  constructor(
    readonly ns: string,
    readonly command: string,
    readonly code: number | string | null,
    readonly stderr: string,
    readonly stdout = '',
  ) {
    const out = stderr.trim() || stdout.trim() || '(no output)';
    super(`[${ns}] command failed (${typeof code === 'number' ? `exit ${code}` : code}): ${command}\n  ${out.split('\n').join('\n  ')}`);
    this.name = 'LabCommandError';
  }
}

export function assertLabNs(ns: string): void {
  if (typeof ns !== 'string' || !ns.startsWith(NS_PREFIX) || !/^[A-Za-z0-9_.-]+$/.test(ns)) {
    throw new Error(`refusing to run in namespace ${JSON.stringify(ns)}: not a lab namespace (${NS_PREFIX}*)`);
  }
}

export interface ExecResult { code: number; stdout: string; stderr: string }
export interface ExecOptions { input?: string; timeoutMs?: number; env?: Record<string, string> }

export function fmtCmd(cmd: string | readonly string[]): string {
  return typeof cmd === 'string' ? cmd : cmd.map((a) => (/^[\w@%+=:,./-]+$/.test(a) ? a : `'${a.replace(/'/g, `'\\''`)}'`)).join(' ');
}

/** Run a program on the host (only for `ip netns add/del/list`-level plumbing and tools like `wg`). */
export function run(file: string, args: readonly string[], opts: ExecOptions = {}, label = 'host'): Promise<ExecResult> {
  const t0 = Date.now();
  return new Promise((resolve) => {
    const child = execFile(
      file,
      args as string[],
      {
        timeout: opts.timeoutMs ?? 20_000,
        maxBuffer: 64 * 1024 * 1024,
        env: opts.env ? { ...process.env, ...opts.env } : process.env,
        killSignal: 'SIGKILL',
      },
      (err, stdout, stderr) => {
        let code = 0;
        if (err) {
          const e = err as NodeJS.ErrnoException & { code?: number | string; killed?: boolean; signal?: string };
          if (e.killed || e.signal) { code = 124; stderr = `${stderr}\n(timed out or killed after ${Date.now() - t0} ms, signal ${e.signal})`; }
          else if (typeof e.code === 'number') code = e.code;
          else { code = 127; stderr = `${stderr}\n${e.message}`; }
        }
        debug(`${label} [${Date.now() - t0}ms rc=${code}] ${fmtCmd([file, ...args])}`);
        resolve({ code, stdout: String(stdout), stderr: String(stderr) });
      },
    );
    if (opts.input !== undefined) child.stdin!.end(opts.input);
    else child.stdin?.end();
  });
}

function nsArgv(ns: string, cmd: string | readonly string[]): string[] {
  assertLabNs(ns);
  return ['netns', 'exec', ns, ...(typeof cmd === 'string' ? ['sh', '-c', cmd] : cmd)];
}

/** Run in a namespace; never throws for a non-zero exit. A string is run by `sh -c`. */
export function trySh(ns: string, cmd: string | readonly string[], opts: ExecOptions = {}): Promise<ExecResult> {
  return run('ip', nsArgv(ns, cmd), opts, ns);
}

/** Run in a namespace; throws LabCommandError (namespace, command, stderr) on failure. Returns stdout. */
export async function sh(ns: string, cmd: string | readonly string[], opts: ExecOptions = {}): Promise<string> {
  const r = await trySh(ns, cmd, opts);
  if (r.code !== 0) throw new LabCommandError(ns, fmtCmd(cmd), r.code, r.stderr, r.stdout);
  return r.stdout;
}

/** Many `ip` commands in one process (`ip -n ns -batch -`); a failure names the failing line. */
export async function ipBatch(ns: string, lines: readonly string[]): Promise<void> {
  assertLabNs(ns);
  const cmds = lines.map((l) => l.trim()).filter((l) => l && !l.startsWith('#'));
  if (!cmds.length) return;
  const r = await run('ip', ['-n', ns, '-batch', '-'], { input: cmds.join('\n') + '\n' }, ns);
  if (r.code !== 0) {
    const m = /Command failed -:(\d+)/.exec(r.stderr);
    const failing = m ? cmds[Number(m[1]) - 1] : `(one of ${cmds.length} batched commands)`;
    throw new LabCommandError(ns, `ip ${failing}`, r.code, r.stderr);
  }
}

/** Load an nft script into a namespace (`nft -f -`), atomically. */
export async function nft(ns: string, script: string): Promise<void> {
  const r = await trySh(ns, ['nft', '-f', '-'], { input: script });
  if (r.code !== 0) {
    const numbered = script.split('\n').map((l, i) => `${String(i + 1).padStart(3)}| ${l}`).join('\n');
    throw new LabCommandError(ns, `nft -f - <<EOF\n${numbered}\nEOF`, r.code, r.stderr);
  }
}

export async function sysctl(ns: string, settings: Record<string, string | number>): Promise<void> {
  await sh(ns, ['sysctl', '-q', '-w', ...Object.entries(settings).map(([k, v]) => `${k}=${v}`)]);
}

// ------------------------------------------------------------------ state

let stateDir: string | null = null;
export function setStateDir(dir: string | null): void { stateDir = dir; }
export function getStateDir(): string {
  if (!stateDir) throw new Error('the lab is not up (no state dir): call up() first');
  return stateDir;
}
export function statePath(...parts: string[]): string { return join(getStateDir(), ...parts); }

/** Remember something for cleanup.ts (works even if this process dies). */
export function recordState(file: 'pids' | 'wg-ifaces', line: string): void {
  if (stateDir) appendFileSync(join(stateDir, file), line + '\n');
}

// -------------------------------------------------------- background procs

export interface BgProcess {
  readonly name: string;
  readonly ns: string;
  readonly pid: number;
  readonly command: string;
  readonly logFile: string;
  /** resolves when the process has exited */
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  readonly alive: boolean;
  /** last lines of its log, for error messages */
  tail(lines?: number): string;
  /** SIGTERM, then SIGKILL after graceMs */
  stop(graceMs?: number): Promise<void>;
}

const registry = new Set<BgProcess>();
export function backgroundProcesses(): BgProcess[] { return [...registry]; }

export interface SpawnOptions {
  env?: Record<string, string>;
  /** keep stdout/stderr as pipes on the returned child (otherwise they go to the log file) */
  pipe?: boolean;
}

/**
 * Start a long-running program inside a namespace, in its own process group,
 * output to <state>/logs/<name>.log; tracked for cleanup (in memory and in <state>/pids).
 */
export function spawnBg(ns: string, name: string, argv: readonly string[], opts: SpawnOptions = {}): BgProcess & { child: ChildProcess } {
  const dir = getStateDir();
  mkdirSync(join(dir, 'logs'), { recursive: true });
  const logFile = join(dir, 'logs', `${name}.log`);
  const envArgs = opts.env ? ['env', ...Object.entries(opts.env).map(([k, v]) => `${k}=${v}`)] : [];
  const full = nsArgv(ns, [...envArgs, ...argv]);
  const fd = openSync(logFile, 'a');
  const child = spawn('ip', full, {
    detached: true,
    stdio: opts.pipe ? ['ignore', 'pipe', 'pipe'] : ['ignore', fd, fd],
  });
  closeSync(fd);
  if (child.pid === undefined) throw new LabCommandError(ns, fmtCmd(argv), 'spawn failed', '');
  const pid = child.pid;
  let alive = true;
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.on('exit', (code, signal) => { alive = false; registry.delete(proc); resolve({ code, signal }); });
    child.on('error', () => { alive = false; registry.delete(proc); resolve({ code: null, signal: null }); });
  });
  child.unref();
  const command = fmtCmd(argv);
  const proc: BgProcess & { child: ChildProcess } = {
    name, ns, pid, command, logFile, exited, child,
    get alive() { return alive; },
    tail(lines = 15) {
      try { return readFileSync(logFile, 'utf8').trimEnd().split('\n').slice(-lines).join('\n'); } catch { return ''; }
    },
    async stop(graceMs = 1500) {
      if (!alive) return;
      try { process.kill(pid, 'SIGTERM'); } catch { /* gone */ }
      const t = setTimeout(() => { try { process.kill(-pid, 'SIGKILL'); } catch { try { process.kill(pid, 'SIGKILL'); } catch { /* gone */ } } }, graceMs);
      await exited;
      clearTimeout(t);
    },
  };
  registry.add(proc);
  recordState('pids', `${pid}\t${ns}\t${name}\t${command}`);
  debug(`${ns} spawned ${name} pid ${pid}: ${command}`);
  return proc;
}

export function readCmdline(pid: number): string {
  try { return readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ').trim(); } catch { return ''; }
}

// ------------------------------------------------------------------ misc

export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** Poll until fn() returns a truthy value; throw `what()` on timeout. */
export async function waitFor<T>(fn: () => T | Promise<T>, timeoutMs: number, what: () => string, intervalMs = 10): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await fn();
    if (v) return v as NonNullable<T>;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms: ${what()}`);
    await sleep(intervalMs);
  }
}

export function fileExists(p: string): boolean { return existsSync(p); }
