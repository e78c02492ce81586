// Probes that run from inside a namespace: HTTP (curl), DNS / UDP / TCP (a per-namespace
// agent, started on first use), packet captures (tcpdump).

import { existsSync, mkdirSync } from 'node:fs';
import { connect, isIPv6, type Socket } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { UDP_ECHO_PORT } from './addresses.ts';
import type { DnsResponse, RrTypeName } from './dnsmsg.ts';
import type { AgentReq, HoldResult, TcpResult, UdpResult } from './agent.ts';
import { assertLabNs, debug, spawnBg, statePath, trySh, waitFor, type BgProcess } from './netns.ts';

export const LAB_DIR = dirname(fileURLToPath(import.meta.url));
export const REPO_DIR = dirname(LAB_DIR);
/** `node --import <tsx>` for lab programs started inside namespaces (absolute, cwd-independent). */
export const TSX_IMPORT = import.meta.resolve('tsx');
export type LabScript = 'agent.ts' | 'services/echo.ts';
const SCRIPTS: LabScript[] = ['agent.ts', 'services/echo.ts'];

let compiled: Promise<Map<LabScript, string> | null> | null = null;
/**
 * Bundle the in-namespace programs to plain .mjs in the state dir with esbuild (a dev dependency
 * already): they then start in ~50 ms instead of ~300 ms under tsx. Falls back to tsx if that fails.
 */
export function prepareScripts(): Promise<Map<LabScript, string> | null> {
  compiled ??= (async () => {
    const outdir = statePath('bin');
    try {
      const esbuild = await import('esbuild');
      await esbuild.build({
        entryPoints: SCRIPTS.map((s) => join(LAB_DIR, s)), outbase: LAB_DIR, outdir, bundle: true,
        platform: 'node', format: 'esm', target: 'node20', outExtension: { '.js': '.mjs' }, logLevel: 'silent',
      });
      return new Map(SCRIPTS.map((s) => [s, join(outdir, s.replace(/\.ts$/, '.mjs'))]));
    } catch (e) {
      debug(`esbuild bundling failed, using tsx: ${(e as Error).message}`);
      return null;
    }
  })();
  return compiled;
}
/** Forget the bundles (waiting for a build still running, so it cannot write into a removed state dir). */
export async function resetScripts(): Promise<void> { const c = compiled; compiled = null; if (c) await c; }

/** argv to run a lab program (bundled if possible, else under tsx). */
export async function nodeScript(script: LabScript, ...args: string[]): Promise<string[]> {
  const out = (await prepareScripts())?.get(script);
  return out ? [process.execPath, out, ...args] : [process.execPath, '--import', TSX_IMPORT, join(LAB_DIR, script), ...args];
}

// ------------------------------------------------------------------ HTTP

/** What the echo service answers. */
export interface EchoReply { src: string; dst: string; port: number; srcPort?: number; host?: string | null; proto?: string; [k: string]: unknown }
export interface ProbeError { error: string; code?: number }
export const isError = (r: unknown): r is ProbeError => typeof r === 'object' && r !== null && 'error' in r;

export type HttpTarget = string | { ip: string; port?: number; host?: string; path?: string };
export interface HttpOptions { timeoutMs?: number; connectTimeoutMs?: number }

export function httpUrl(t: HttpTarget): { url: string; host?: string } {
  if (typeof t === 'string') return { url: t };
  const ip = isIPv6(t.ip) ? `[${t.ip}]` : t.ip;
  return { url: `http://${ip}:${t.port ?? 80}${t.path ?? '/'}`, host: t.host ? `${t.host}:${t.port ?? 80}` : undefined };
}

/** GET through curl inside `ns`; the echo's JSON, or {error} (curl's message: refused, timed out, ...). */
export async function http(ns: string, target: HttpTarget, opts: HttpOptions = {}): Promise<EchoReply | ProbeError> {
  const { url, host } = httpUrl(target);
  const total = opts.timeoutMs ?? 3000;
  const args = ['curl', '-sS', '-g', '--noproxy', '*', '--max-time', String(total / 1000),
    '--connect-timeout', String((opts.connectTimeoutMs ?? Math.min(total, 2000)) / 1000)];
  if (host) args.push('-H', `Host: ${host}`);
  args.push(url);
  const r = await trySh(ns, args, { timeoutMs: total + 5000 });
  if (r.code !== 0) return { error: r.stderr.trim() || `curl exit ${r.code}`, code: r.code };
  try { return JSON.parse(r.stdout) as EchoReply; } catch { return { error: `not echo JSON from ${url}: ${r.stdout.slice(0, 200)}` }; }
}

// ----------------------------------------------------------------- agents

class Agent {
  private sock!: Socket;
  private seq = 0;
  private pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  private buf = '';
  constructor(readonly ns: string, readonly proc: BgProcess) {}

  async connect(path: string): Promise<void> {
    await waitFor(() => {
      if (!this.proc.alive) throw new Error(`[${this.ns}] probe agent exited during start-up:\n${this.proc.tail()}`);
      return existsSync(path);
    }, 10_000, () => `[${this.ns}] probe agent did not start (no ${path}):\n${this.proc.tail()}`);
    // the socket file appears at bind(), a moment before listen(): retry a refused connect briefly
    for (let attempt = 0; ; attempt++) {
      this.sock = connect(path);
      try {
        await new Promise<void>((resolve, reject) => { this.sock.once('connect', resolve); this.sock.once('error', reject); });
        break;
      } catch (e) {
        this.sock.destroy();
        const code = (e as NodeJS.ErrnoException).code;
        if ((code !== 'ECONNREFUSED' && code !== 'ENOENT') || attempt >= 200 || !this.proc.alive) {
          throw new Error(`[${this.ns}] cannot connect to the probe agent (${path}): ${(e as Error).message}\n${this.proc.tail()}`);
        }
        await new Promise((r) => setTimeout(r, 25));
      }
    }
    this.sock.setEncoding('utf8');
    this.sock.on('data', (d: string) => {
      this.buf += d;
      let nl: number;
      while ((nl = this.buf.indexOf('\n')) >= 0) {
        const msg = JSON.parse(this.buf.slice(0, nl)) as { id: number; ok: boolean; result?: unknown; error?: string };
        this.buf = this.buf.slice(nl + 1);
        const p = this.pending.get(msg.id);
        if (!p) continue;
        this.pending.delete(msg.id);
        if (msg.ok) p.resolve(msg.result); else p.reject(new Error(`[${this.ns}] ${msg.error}`));
      }
    });
    this.sock.on('close', () => {
      for (const p of this.pending.values()) p.reject(new Error(`[${this.ns}] probe agent went away\n${this.proc.tail()}`));
      this.pending.clear();
    });
    this.sock.on('error', () => { /* close follows */ });
    this.sock.unref();
  }

  request<T>(req: AgentReq, timeoutMs: number): Promise<T> {
    const id = ++this.seq;
    return new Promise<T>((resolve, reject) => {
      const t = setTimeout(() => { this.pending.delete(id); reject(new Error(`[${this.ns}] probe agent did not answer ${req.op} within ${timeoutMs} ms`)); }, timeoutMs);
      this.pending.set(id, { resolve: (v) => { clearTimeout(t); resolve(v as T); }, reject: (e) => { clearTimeout(t); reject(e); } });
      this.sock.write(JSON.stringify({ ...req, id }) + '\n');
    });
  }

  close(): void { this.sock?.destroy(); }
}

const agents = new Map<string, Promise<Agent>>();

function agent(ns: string): Promise<Agent> {
  assertLabNs(ns);
  let a = agents.get(ns);
  if (!a) {
    a = (async () => {
      const dir = statePath('agents');
      mkdirSync(dir, { recursive: true });
      const path = join(dir, `${ns}.sock`);
      const proc = spawnBg(ns, `agent.${ns}`, await nodeScript('agent.ts', path));
      const ag = new Agent(ns, proc);
      await ag.connect(path);
      return ag;
    })();
    agents.set(ns, a);
    a.catch(() => agents.delete(ns));
  }
  return a;
}

/** Start probe agents ahead of time (they take ~0.3 s each to start). */
export async function warmAgents(nss: string[]): Promise<void> { await Promise.all(nss.map(agent)); }

export async function closeAgents(): Promise<void> {
  const all = [...agents.values()];
  agents.clear();
  for (const a of await Promise.allSettled(all)) if (a.status === 'fulfilled') { a.value.close(); await a.value.proc.stop(1000); }
}

// -------------------------------------------------------------------- DNS

export interface DnsOptions { tcp?: boolean; timeoutMs?: number; port?: number }
export type DnsResult = DnsResponse | ProbeError;

/** One DNS query from inside `ns`; never throws for network failures (returns {error}). */
export async function dnsQuery(ns: string, server: string, name: string, type: RrTypeName = 'A', opts: DnsOptions = {}): Promise<DnsResult> {
  const timeoutMs = opts.timeoutMs ?? 2000;
  try {
    return await (await agent(ns)).request<DnsResponse>({ op: 'dns', server, name, type, tcp: opts.tcp, port: opts.port, timeoutMs }, timeoutMs + 2000);
  } catch (e) {
    return { error: (e as Error).message };
  }
}

/** Addresses (A/AAAA data) in the answer; [] for NXDOMAIN/NODATA; throws on timeout or SERVFAIL/REFUSED. */
export async function dns(ns: string, server: string, name: string, type: RrTypeName = 'A', opts: DnsOptions = {}): Promise<string[]> {
  const r = await dnsQuery(ns, server, name, type, opts);
  if (isError(r)) throw new Error(`[${ns}] DNS ${type} ${name} @${server}: ${r.error}`);
  if (r.rcode !== 'NOERROR' && r.rcode !== 'NXDOMAIN') throw new Error(`[${ns}] DNS ${type} ${name} @${server}: ${r.rcode}`);
  return r.answers.filter((a) => a.type === 'A' || a.type === 'AAAA').map((a) => a.data);
}

// -------------------------------------------------------------------- UDP

/** Send one datagram to the UDP echo from `ns`; the echo's JSON (src = the address it saw) or {error}. */
export async function udpEcho(ns: string, ip: string, port: number = UDP_ECHO_PORT, opts: { payload?: string; timeoutMs?: number } = {}): Promise<EchoReply | ProbeError> {
  const timeoutMs = opts.timeoutMs ?? 1500;
  try {
    const r = await (await agent(ns)).request<UdpResult>({ op: 'udp', ip, port, payload: opts.payload ?? 'ping', timeoutMs }, timeoutMs + 2000);
    if (r.error || !r.reply) return { error: r.error ?? 'empty reply' };
    return JSON.parse(r.reply) as EchoReply;
  } catch (e) {
    return { error: (e as Error).message };
  }
}

// -------------------------------------------------------------------- TCP

export async function tcpProbe(ns: string, ip: string, port: number, timeoutMs = 1000): Promise<TcpResult> {
  return (await agent(ns)).request<TcpResult>({ op: 'tcp', ip, port, timeoutMs }, timeoutMs + 2000);
}

/** Can `ns` open a TCP connection to ip:port within timeoutMs? */
export async function tcpConnect(ns: string, ip: string, port: number, timeoutMs = 1000): Promise<boolean> {
  return (await tcpProbe(ns, ip, port, timeoutMs)).ok;
}

// --------------------------------------------------- long-lived TCP (held)

/** A TCP connection held open by the namespace's agent to the echo's line service (TCP_ECHO_PORT). */
export interface HeldTcp {
  readonly ns: string;
  /** the client's local address:port */
  readonly local: string;
  /** send one line on the same connection; the echo's JSON (src = the address it saw) or {error} */
  send(line?: string, timeoutMs?: number): Promise<EchoReply | ProbeError>;
  close(): Promise<void>;
}

/** Open a long-lived TCP connection from `ns` (throws if it cannot be opened). */
export async function holdTcp(ns: string, ip: string, port: number, timeoutMs = 3000): Promise<HeldTcp> {
  const ag = await agent(ns);
  const r = await ag.request<HoldResult>({ op: 'holdOpen', ip, port, timeoutMs }, timeoutMs + 2000);
  if (r.error || r.conn === undefined) throw new Error(`[${ns}] cannot open a TCP connection to ${ip}:${port}: ${r.error}`);
  const conn = r.conn;
  return {
    ns, local: r.local ?? '',
    async send(line = 'ping', ms = 2000) {
      try {
        const s = await ag.request<HoldResult>({ op: 'holdSend', conn, line, timeoutMs: ms }, ms + 2000);
        if (s.error || s.reply === undefined) return { error: s.error ?? 'no reply' };
        return JSON.parse(s.reply) as EchoReply;
      } catch (e) { return { error: (e as Error).message }; }
    },
    async close() { try { await ag.request({ op: 'holdClose', conn }, 2000); } catch { /* agent gone */ } },
  };
}

// ---------------------------------------------------------------- capture

export interface Capture {
  readonly ns: string;
  readonly iface: string;
  readonly filter: string;
  /** packet summary lines seen so far (tcpdump -n -q) */
  readonly lines: string[];
  /** stop tcpdump; resolves to the number of packets captured */
  stop(): Promise<number>;
}

let captureSeq = 0;

/** Start tcpdump on `iface` in `ns` with a pcap `filter`; resolves once it is listening. */
export async function capture(ns: string, iface: string, filter = ''): Promise<Capture> {
  const argv = ['tcpdump', '-i', iface, '-n', '-l', '-q', '--immediate-mode', ...(filter ? [filter] : [])];
  const proc = spawnBg(ns, `tcpdump.${iface}.${++captureSeq}`, argv, { pipe: true });
  const closed = new Promise<void>((r) => proc.child.once('close', () => r())); // exit + stdio drained
  const lines: string[] = [];
  let stderr = '';
  let out = '';
  proc.child.stdout!.setEncoding('utf8').on('data', (d: string) => {
    out += d;
    let nl: number;
    while ((nl = out.indexOf('\n')) >= 0) { const l = out.slice(0, nl).trim(); out = out.slice(nl + 1); if (l) lines.push(l); } // (tcpdump prints an empty line on SIGINT)
  });
  proc.child.stderr!.setEncoding('utf8').on('data', (d: string) => { stderr += d; });
  await waitFor(() => {
    if (!proc.alive) throw new Error(`[${ns}] tcpdump -i ${iface} '${filter}' failed:\n${stderr.trim()}`);
    return /listening on/.test(stderr);
  }, 5000, () => `[${ns}] tcpdump -i ${iface} did not start listening:\n${stderr.trim()}`);
  return {
    ns, iface, filter, lines,
    async stop() {
      if (proc.alive) {
        try { process.kill(proc.pid, 'SIGINT'); } catch { /* gone */ }
        const t = setTimeout(() => { try { process.kill(proc.pid, 'SIGKILL'); } catch { /* gone */ } }, 2000);
        await closed;
        clearTimeout(t);
      }
      await closed;
      const m = /(\d+) packets? captured/.exec(stderr);
      return m ? Number(m[1]) : lines.length;
    },
  };
}
