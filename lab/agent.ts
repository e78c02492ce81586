// A tiny request server that runs inside one lab namespace, so the lab process
// (which cannot enter a network namespace itself) can make DNS / UDP / TCP probes
// from there without spawning a process per probe.
//
//   ip netns exec swl-c-tv node --import tsx lab/agent.ts /tmp/swl-123/agents/swl-c-tv.sock
//
// Protocol: newline-delimited JSON over the unix socket (filesystem unix sockets
// work across network namespaces): {id, op, ...args} -> {id, ok, result} | {id, ok:false, error}.
// The agent exits when its controlling connection closes, so it cannot outlive the lab.

import { createSocket } from 'node:dgram';
import { createServer, connect, isIPv6, type Socket } from 'node:net';
import { unlinkSync } from 'node:fs';
import { decodeResponse, encodeQuery, type DnsResponse, type RrTypeName } from './dnsmsg.ts';

export interface DnsReq { op: 'dns'; server: string; port?: number; name: string; type: RrTypeName; tcp?: boolean; timeoutMs?: number }
export interface UdpReq { op: 'udp'; ip: string; port: number; payload: string; timeoutMs?: number }
export interface TcpReq { op: 'tcp'; ip: string; port: number; timeoutMs?: number }
/** long-lived TCP connections to the echo's line service (`--tcp`): open, send a line and read one back, close */
export interface HoldOpenReq { op: 'holdOpen'; ip: string; port: number; timeoutMs?: number }
export interface HoldSendReq { op: 'holdSend'; conn: number; line: string; timeoutMs?: number }
export interface HoldCloseReq { op: 'holdClose'; conn: number }
export type AgentReq = DnsReq | UdpReq | TcpReq | HoldOpenReq | HoldSendReq | HoldCloseReq | { op: 'ping' };

export interface UdpResult { reply?: string; from?: string; error?: string }
export interface TcpResult { ok: boolean; error?: string; local?: string }
export interface HoldResult { conn?: number; local?: string; reply?: string; error?: string }

function dnsUdp(r: DnsReq): Promise<DnsResponse> {
  return new Promise((resolve, reject) => {
    const id = Math.floor(Math.random() * 0xffff);
    const sock = createSocket(isIPv6(r.server) ? 'udp6' : 'udp4');
    const timer = setTimeout(() => { sock.close(); reject(new Error(`DNS timeout after ${r.timeoutMs ?? 2000} ms (udp ${r.server})`)); }, r.timeoutMs ?? 2000);
    sock.on('error', (e) => { clearTimeout(timer); sock.close(); reject(e); });
    sock.on('message', (msg) => {
      let resp: DnsResponse;
      try { resp = decodeResponse(msg); } catch (e) { return; }
      if (resp.id !== id) return;
      clearTimeout(timer); sock.close(); resolve(resp);
    });
    sock.send(encodeQuery(id, r.name, r.type), r.port ?? 53, r.server);
  });
}

function dnsTcp(r: DnsReq): Promise<DnsResponse> {
  return new Promise((resolve, reject) => {
    const id = Math.floor(Math.random() * 0xffff);
    const q = encodeQuery(id, r.name, r.type);
    const len = Buffer.alloc(2); len.writeUInt16BE(q.length);
    const s = connect({ host: r.server, port: r.port ?? 53 });
    let buf = Buffer.alloc(0);
    s.setTimeout(r.timeoutMs ?? 2000, () => { s.destroy(); reject(new Error(`DNS timeout after ${r.timeoutMs ?? 2000} ms (tcp ${r.server})`)); });
    s.on('connect', () => s.write(Buffer.concat([len, q])));
    s.on('data', (d) => {
      buf = Buffer.concat([buf, d]);
      if (buf.length >= 2 && buf.length >= 2 + buf.readUInt16BE(0)) {
        s.destroy();
        try { resolve(decodeResponse(buf.subarray(2, 2 + buf.readUInt16BE(0)))); } catch (e) { reject(e); }
      }
    });
    s.on('error', (e) => reject(e));
  });
}

function udp(r: UdpReq): Promise<UdpResult> {
  return new Promise((resolve) => {
    const sock = createSocket(isIPv6(r.ip) ? 'udp6' : 'udp4');
    const done = (v: UdpResult) => { clearTimeout(timer); try { sock.close(); } catch { /* closed */ } resolve(v); };
    const timer = setTimeout(() => done({ error: `no UDP reply from ${r.ip}:${r.port} within ${r.timeoutMs ?? 1500} ms` }), r.timeoutMs ?? 1500);
    sock.on('error', (e) => done({ error: e.message }));
    sock.on('message', (msg, rinfo) => done({ reply: msg.toString('utf8'), from: `${rinfo.address}:${rinfo.port}` }));
    sock.send(Buffer.from(r.payload), r.port, r.ip);
  });
}

function tcp(r: TcpReq): Promise<TcpResult> {
  return new Promise((resolve) => {
    const s = connect({ host: r.ip, port: r.port });
    s.setTimeout(r.timeoutMs ?? 1000, () => { s.destroy(); resolve({ ok: false, error: `timeout after ${r.timeoutMs ?? 1000} ms` }); });
    s.on('connect', () => { const local = `${s.localAddress}:${s.localPort}`; s.destroy(); resolve({ ok: true, local }); });
    s.on('error', (e: NodeJS.ErrnoException) => resolve({ ok: false, error: e.code ?? e.message }));
  });
}

interface Held { sock: Socket; buf: string; lines: string[]; waiter: ((l: string | null) => void) | null; closed: string | null }
const held = new Map<number, Held>();
let holdSeq = 0;

function holdOpen(r: HoldOpenReq): Promise<HoldResult> {
  return new Promise((resolve) => {
    const s = connect({ host: r.ip, port: r.port });
    const h: Held = { sock: s, buf: '', lines: [], waiter: null, closed: null };
    const t = setTimeout(() => { s.destroy(); resolve({ error: `timeout after ${r.timeoutMs ?? 2000} ms` }); }, r.timeoutMs ?? 2000);
    s.setEncoding('utf8');
    s.on('connect', () => {
      clearTimeout(t);
      const conn = ++holdSeq;
      held.set(conn, h);
      resolve({ conn, local: `${s.localAddress}:${s.localPort}` });
    });
    s.on('data', (d: string) => {
      h.buf += d;
      let nl: number;
      while ((nl = h.buf.indexOf('\n')) >= 0) {
        const line = h.buf.slice(0, nl); h.buf = h.buf.slice(nl + 1);
        if (h.waiter) { const w = h.waiter; h.waiter = null; w(line); } else h.lines.push(line);
      }
    });
    const gone = (why: string) => { h.closed ??= why; if (h.waiter) { const w = h.waiter; h.waiter = null; w(null); } };
    s.on('error', (e: NodeJS.ErrnoException) => { clearTimeout(t); gone(e.code ?? e.message); resolve({ error: e.code ?? e.message }); });
    s.on('close', () => gone('connection closed'));
  });
}

function holdSend(r: HoldSendReq): Promise<HoldResult> {
  const h = held.get(r.conn);
  if (!h) return Promise.resolve({ error: `no held connection ${r.conn}` });
  if (h.closed) return Promise.resolve({ error: h.closed });
  return new Promise((resolve) => {
    const t = setTimeout(() => { h.waiter = null; resolve({ error: `no reply within ${r.timeoutMs ?? 2000} ms` }); }, r.timeoutMs ?? 2000);
    const got = (line: string | null) => { clearTimeout(t); resolve(line === null ? { error: h.closed ?? 'closed' } : { reply: line }); };
    h.lines.length = 0; // late replies to an earlier, timed-out line
    h.waiter = got;
    h.sock.write(r.line.replace(/\n/g, ' ') + '\n');
  });
}

async function handle(req: AgentReq): Promise<unknown> {
  switch (req.op) {
    case 'ping': return 'pong';
    case 'dns': return req.tcp ? dnsTcp(req) : dnsUdp(req);
    case 'udp': return udp(req);
    case 'tcp': return tcp(req);
    case 'holdOpen': return holdOpen(req);
    case 'holdSend': return holdSend(req);
    case 'holdClose': { const h = held.get(req.conn); held.delete(req.conn); h?.sock.destroy(); return {}; }
    default: throw new Error(`unknown op ${(req as { op: string }).op}`);
  }
}

function main(): void {
  const path = process.argv[2];
  if (!path) { process.stderr.write('usage: agent.ts <unix socket path>\n'); process.exit(2); }
  try { unlinkSync(path); } catch { /* none */ }
  let clients = 0;
  const server = createServer((conn: Socket) => {
    clients++;
    let pending = '';
    conn.setEncoding('utf8');
    conn.on('data', (chunk: string) => {
      pending += chunk;
      let nl: number;
      while ((nl = pending.indexOf('\n')) >= 0) {
        const line = pending.slice(0, nl); pending = pending.slice(nl + 1);
        if (!line.trim()) continue;
        let msg: AgentReq & { id: number };
        try { msg = JSON.parse(line); } catch { continue; }
        handle(msg).then(
          (result) => conn.write(JSON.stringify({ id: msg.id, ok: true, result }) + '\n'),
          (e: Error) => conn.write(JSON.stringify({ id: msg.id, ok: false, error: e.message }) + '\n'),
        );
      }
    });
    conn.on('close', () => { if (--clients === 0) shutdown(); });
    conn.on('error', () => { /* close follows */ });
  });
  const shutdown = () => { server.close(); try { unlinkSync(path); } catch { /* gone */ } process.exit(0); };
  process.on('SIGTERM', shutdown);
  process.on('SIGINT', shutdown);
  server.listen(path);
}

main();
