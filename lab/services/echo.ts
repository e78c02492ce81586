// HTTP + UDP echo for the lab's "internet" (runs inside swl-inet):
//
//   node --import tsx lab/services/echo.ts --http 80,443,8080,853 --udp 5300,443 \
//        --udp-addr 192.0.2.10,2001:db8:e::10 [--ready /path/file]
//
// HTTP: every request on every address of the namespace, on each --http port, is answered with
//   {"src": "<remote address>", "dst": "<local address>", "port": <local port>, "srcPort", "host", "method", "path", "proto": "http"}
//   (`?size=N` adds N bytes of padding in "pad", to exercise MTU/MSS through tunnels).
// UDP: one socket per --udp-addr x --udp port (so the local address is known); each datagram is answered with
//   {"src", "srcPort", "dst", "port", "proto": "udp", "echo": "<payload>"}.
// TCP (--tcp ports, every address): a line echo for long-lived connections; each line received is
//   answered with one line {"src", "srcPort", "dst", "port", "proto": "tcp", "echo": "<line>", "n": <line number>}.
// When everything listens, the --ready file is written (the lab waits for it).

import { createServer } from 'node:http';
import { createServer as createTcpServer } from 'node:net';
import { createSocket, type Socket as UdpSocket } from 'node:dgram';
import { isIPv6 } from 'node:net';
import { writeFileSync } from 'node:fs';

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}
const list = (s: string | undefined): string[] => (s ? s.split(',').map((x) => x.trim()).filter(Boolean) : []);

/** `::ffff:192.0.2.10` -> `192.0.2.10` */
export const plainAddr = (a: string | undefined): string => (a ?? '').replace(/^::ffff:(\d+\.\d+\.\d+\.\d+)$/, '$1');

async function main(): Promise<void> {
  const httpPorts = list(arg('http')).map(Number);
  const udpPorts = list(arg('udp')).map(Number);
  const udpAddrs = list(arg('udp-addr'));
  const tcpPorts = list(arg('tcp')).map(Number);
  const ready = arg('ready');

  const listening: Promise<void>[] = [];
  for (const port of httpPorts) {
    const server = createServer((req, res) => {
      const url = new URL(req.url ?? '/', 'http://x');
      const body: Record<string, unknown> = {
        src: plainAddr(req.socket.remoteAddress),
        dst: plainAddr(req.socket.localAddress),
        port: req.socket.localPort,
        srcPort: req.socket.remotePort,
        host: req.headers.host ?? null,
        method: req.method,
        path: url.pathname,
        proto: 'http',
      };
      const size = Number(url.searchParams.get('size') ?? 0);
      if (size > 0) body.pad = 'x'.repeat(Math.min(size, 10_000_000));
      const text = JSON.stringify(body) + '\n';
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text), connection: 'close' });
      res.end(text);
    });
    server.keepAliveTimeout = 1000;
    listening.push(new Promise((resolve, reject) => {
      server.once('error', reject);
      server.listen({ host: '::', port, ipv6Only: false }, () => resolve());
    }));
  }
  for (const port of tcpPorts) {
    const server = createTcpServer((conn) => {
      conn.setEncoding('utf8');
      let buf = '';
      let n = 0;
      conn.on('data', (d: string) => {
        buf += d;
        let nl: number;
        while ((nl = buf.indexOf('\n')) >= 0) {
          const line = buf.slice(0, nl); buf = buf.slice(nl + 1);
          conn.write(JSON.stringify({
            src: plainAddr(conn.remoteAddress), srcPort: conn.remotePort, dst: plainAddr(conn.localAddress), port: conn.localPort,
            proto: 'tcp', echo: line.slice(0, 512), n: ++n,
          }) + '\n');
        }
      });
      conn.on('error', () => { /* peer went away */ });
    });
    listening.push(new Promise((resolve, reject) => {
      server.once('error', reject);
      server.listen({ host: '::', port, ipv6Only: false }, () => resolve());
    }));
  }
  const udpSockets: UdpSocket[] = [];
  for (const addr of udpAddrs) {
    for (const port of udpPorts) {
      const sock = createSocket({ type: isIPv6(addr) ? 'udp6' : 'udp4', reuseAddr: false });
      udpSockets.push(sock);
      sock.on('message', (msg, rinfo) => {
        const reply = JSON.stringify({ src: plainAddr(rinfo.address), srcPort: rinfo.port, dst: addr, port, proto: 'udp', echo: msg.toString('utf8').slice(0, 512) });
        sock.send(reply, rinfo.port, rinfo.address);
      });
      listening.push(new Promise((resolve, reject) => {
        sock.once('error', reject);
        sock.bind(port, addr, () => resolve());
      }));
    }
  }
  await Promise.all(listening);
  if (ready) writeFileSync(ready, `${process.pid}\n`);
  process.stdout.write(`echo ready: http ${httpPorts.join(',')} tcp ${tcpPorts.join(',')} udp ${udpPorts.join(',')} on ${udpAddrs.join(',')}\n`);
  const bye = () => process.exit(0);
  process.on('SIGTERM', bye);
  process.on('SIGINT', bye);
}

main().catch((e: Error) => { process.stderr.write(`echo: ${e.stack ?? e.message}\n`); process.exit(1); });
