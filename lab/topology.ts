// The lab: a real data plane in network namespaces (see README.md for the picture).
//
//   const lab = await up();          // ~0.3-0.6 s
//   await lab.http(NS.tv, { ip: '192.0.2.10' })   // -> { src: '198.51.100.2', ... }
//   await down();
//
// up() builds the internet (swl-inet: echo + DNS services), two upstream VPSes running
// WireGuard servers (swl-up-a / swl-up-b), the router (swl-router: WAN, br-lan, an fw4-like
// nft table with masquerade, its own dnsmasq, and by default hard-coded WireGuard interfaces
// wg_a / wg_b / wg_srv), three LAN clients and a road-warrior phone. The router has no policy
// routing: that is what the plan will add (or a test, by hand).

import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  ALL_NS, CLIENT_IF, ECHO_V4, ECHO_V6, HTTP_PORTS, LAN_CLIENTS, LINKS, NS, PHONE, ROUTER, SERVICES, TCP_ECHO_PORT, UDP_PORTS,
  UPSTREAMS, WG_KEEPALIVE, WG_SERVER, type NsName,
} from './addresses.ts';
import { cleanupSync, describe, labStateDirs, liveOwner, STATE_ROOT } from './cleanup.ts';
import { ensureDeps } from './deps.ts';
import {
  backgroundProcesses, debug, ipBatch, nft, run, setStateDir, sh, spawnBg, sysctl, trySh, waitFor,
  type ExecOptions, type ExecResult, LabCommandError,
} from './netns.ts';
import {
  capture, closeAgents, dns, dnsQuery, holdTcp, http, isError, nodeScript, prepareScripts, resetScripts, tcpConnect, tcpProbe, udpEcho, warmAgents,
  type Capture, type HeldTcp, type DnsOptions, type DnsResult, type EchoReply, type HttpOptions, type HttpTarget, type ProbeError,
} from './probes.ts';
import { routerDnsConfDir, startDnsmasq } from './services/dns.ts';
import { createWg, removeWg, waitHandshake, wgGenKeyPair, type WgConfig, type WgHandle, type WgKeyPair } from './wg.ts';
import type { RrTypeName } from './dnsmsg.ts';
import type { TcpResult } from './agent.ts';

export { createWg, removeWg, waitHandshake, wgGenKeyPair, type WgConfig, type WgHandle } from './wg.ts';
export { isError, type EchoReply, type ProbeError, type Capture, type HeldTcp } from './probes.ts';
export { NS } from './addresses.ts';
export { LabCommandError } from './netns.ts';

export interface UpOptions {
  /** create the router's hard-coded wg_a / wg_b / wg_srv (default true); false when the plan will create them */
  routerWg?: boolean;
  /** start the router's dnsmasq (default true) */
  routerDns?: boolean;
  /** wait for WireGuard handshakes of the hard-coded tunnels (default true) */
  verifyTunnels?: boolean;
  /** install missing tools with apt-get when possible (default true) */
  installDeps?: boolean;
}

/** Keys and endpoints of every WireGuard end in the lab. */
export interface LabWg {
  /** per upstream: the VPS server end, and what the router's end must use */
  upstreams: Record<'a' | 'b', {
    server: { ns: string; ifname: string; publicKey: string; privateKey: string; endpoint: string; endpoint6: string; listenPort: number; addresses: readonly string[] };
    router: WgKeyPair & { ifname: string; addresses: readonly string[]; listenPort: number; peer: WgConfig['peers'][number] };
  }>;
  /** the router's own server, and the phone as its peer */
  server: WgKeyPair & { ifname: string; listenPort: number; endpoint: string; addresses: readonly string[] };
  phone: WgKeyPair & { ns: string; ifname: string; addresses: readonly string[] };
}

export interface Lab {
  readonly stateDir: string;
  readonly wg: LabWg;
  /** bring-up phase timings in ms */
  readonly timings: Record<string, number>;
  /** run in a namespace (string = `sh -c`); stdout, throws LabCommandError naming ns + command + stderr */
  exec(ns: string, cmd: string | readonly string[], opts?: ExecOptions): Promise<string>;
  /** same, never throws on a non-zero exit */
  tryExec(ns: string, cmd: string | readonly string[], opts?: ExecOptions): Promise<ExecResult>;
  /** `ip -batch` in a namespace */
  ip(ns: string, lines: readonly string[]): Promise<void>;
  /** `nft -f -` in a namespace */
  nft(ns: string, script: string): Promise<void>;
  http(ns: string, target: HttpTarget, opts?: HttpOptions): Promise<EchoReply | ProbeError>;
  dns(ns: string, server: string, name: string, type?: RrTypeName, opts?: DnsOptions): Promise<string[]>;
  dnsQuery(ns: string, server: string, name: string, type?: RrTypeName, opts?: DnsOptions): Promise<DnsResult>;
  udpEcho(ns: string, ip: string, port?: number, opts?: { payload?: string; timeoutMs?: number }): Promise<EchoReply | ProbeError>;
  tcpConnect(ns: string, ip: string, port: number, timeoutMs?: number): Promise<boolean>;
  tcpProbe(ns: string, ip: string, port: number, timeoutMs?: number): Promise<TcpResult>;
  capture(ns: string, iface: string, filter?: string): Promise<Capture>;
  /** a long-lived TCP connection from `ns` to the echo's line service (default port TCP_ECHO_PORT) */
  holdTcp(ns: string, ip: string, port?: number, timeoutMs?: number): Promise<HeldTcp>;
  createWg(ns: string, ifname: string, cfg: WgConfig): Promise<WgHandle>;
  removeWg(ns: string, ifname: string): Promise<void>;
  /** add/remove an interface to the router's masquerade sets (fw4 emulation: `oifname @masq_oif masquerade`; family 4 = masq, 6 = masq6) */
  masquerade(ifname: string, on?: boolean, family?: 4 | 6 | 'both'): Promise<void>;
  /** (re)start the router's dnsmasq; `extraConf` is written to its conf-dir as lab-extra.conf */
  restartRouterDns(extraConf?: string, opts?: { cacheSize?: number }): Promise<void>;
  /** directory whose *.conf files the router's dnsmasq reads (for the plan's nftset= lines) */
  readonly routerDnsConfDir: string;
  /** create the phone's tunnel to the router's server (done by up() unless routerWg:false) and wait for the handshake */
  connectPhone(): Promise<void>;
  /** start probe agents now instead of on first use */
  warm(nss?: string[]): Promise<void>;
  down(): Promise<void>;
}

let current: { lab: Lab; stateDir: string; handlers: { sig: (s: NodeJS.Signals) => void; exit: () => void } } | null = null;

// ----------------------------------------------------------- router fw4

/** A stand-in for OpenWrt's fw4: forward accept + MSS clamp, masquerade on @masq_oif (IPv4) / @masq6_oif (IPv6; WAN in both). */
export function routerFirewall(): string {
  return `
table inet ${ROUTER.fwTable} {
  set masq_oif {
    type ifname
    elements = { "${ROUTER.wanIf}" }
  }
  set masq6_oif {
    type ifname
    elements = { "${ROUTER.wanIf}" }
  }
  chain forward {
    type filter hook forward priority filter; policy accept;
    tcp flags syn / syn,rst tcp option maxseg size set rt mtu
  }
  chain srcnat {
    type nat hook postrouting priority srcnat; policy accept;
    meta nfproto ipv4 oifname @masq_oif masquerade
    meta nfproto ipv6 oifname @masq6_oif masquerade
  }
}
`;
}

function vpsFirewall(): string {
  return `
table inet swl_vps {
  chain srcnat {
    type nat hook postrouting priority srcnat; policy accept;
    oifname "eth0" masquerade
  }
}
`;
}

// ------------------------------------------------------------- bring-up

const FORWARDING = { 'net.ipv4.ip_forward': 1, 'net.ipv6.conf.all.forwarding': 1 };
const BASE_SYSCTL = {
  'net.ipv6.conf.all.accept_dad': 0, 'net.ipv6.conf.default.accept_dad': 0,
  'net.ipv6.conf.all.accept_ra': 0, 'net.ipv6.conf.default.accept_ra': 0,
  'net.ipv4.conf.all.rp_filter': 0, 'net.ipv4.conf.default.rp_filter': 0,
};

const addr6 = (a: string, dev: string) => `addr add ${a} dev ${dev} nodad`;

/** Like Promise.all, but waits for every job to settle before failing, so nothing is still starting during teardown. */
async function all<T>(jobs: readonly (Promise<T> | T)[]): Promise<T[]> {
  const rs = await Promise.allSettled(jobs);
  const failed = rs.find((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (failed) throw failed.reason;
  return rs.map((r) => (r as PromiseFulfilledResult<T>).value);
}

async function timed<T>(timings: Record<string, number>, name: string, f: () => Promise<T>): Promise<T> {
  const t0 = Date.now();
  try { return await f(); } finally { timings[name] = Date.now() - t0; }
}

function preflight(): void {
  for (const dir of labStateDirs()) {
    const owner = liveOwner(dir);
    if (owner && owner !== process.pid) {
      throw new Error(`another lab is running (pid ${owner}, state ${dir}); stop it, or run: node --import tsx lab/cleanup.ts`);
    }
  }
  const r = cleanupSync();
  const what = describe(r);
  if (what !== 'nothing to remove') process.stderr.write(`[lab] removed leftovers of an earlier run:\n  ${what}\n`);
}

function makeKeys(): LabWg {
  const k = () => wgGenKeyPair();
  const upstream = (u: (typeof UPSTREAMS)[keyof typeof UPSTREAMS]) => {
    const server = k();
    return {
      server: {
        ns: u.ns, ifname: u.serverIf, ...server, listenPort: u.listenPort, addresses: u.serverAddrs,
        endpoint: `${u.public4}:${u.listenPort}`, endpoint6: `[${u.public6}]:${u.listenPort}`,
      },
      router: {
        ...k(), ifname: u.routerIf, addresses: u.routerAddrs, listenPort: u.routerListenPort,
        peer: { publicKey: server.publicKey, endpoint: `${u.public4}:${u.listenPort}`, allowedIps: ['0.0.0.0/0', '::/0'], keepalive: WG_KEEPALIVE },
      },
    };
  };
  return {
    upstreams: { a: upstream(UPSTREAMS.a), b: upstream(UPSTREAMS.b) },
    server: { ...k(), ifname: WG_SERVER.ifname, listenPort: WG_SERVER.listenPort, endpoint: WG_SERVER.endpoint, addresses: WG_SERVER.addrs },
    phone: { ...k(), ns: PHONE.ns, ifname: PHONE.ifname, addresses: PHONE.addrs },
  };
}

/** The router's WireGuard config for upstream `u`, as the plan would produce it. */
export function routerUpstreamConfig(wg: LabWg, u: 'a' | 'b'): WgConfig {
  const r = wg.upstreams[u].router;
  return { privateKey: r.privateKey, listenPort: r.listenPort, addresses: [...r.addresses], peers: [r.peer] };
}

/** The router's road-warrior server config with the phone as its one peer. */
export function routerServerConfig(wg: LabWg): WgConfig {
  return {
    privateKey: wg.server.privateKey, listenPort: wg.server.listenPort, addresses: [...wg.server.addresses],
    peers: [{ publicKey: wg.phone.publicKey, allowedIps: [`${PHONE.tunnel4}/32`, `${PHONE.tunnel6}/128`] }],
  };
}

async function buildNamespaces(): Promise<void> {
  await all(ALL_NS.map(async (ns) => {
    const r = await run('ip', ['netns', 'add', ns]);
    if (r.code !== 0) throw new LabCommandError('host', `ip netns add ${ns}`, r.code, r.stderr);
    const fwd = ns === NS.inet || ns === NS.upA || ns === NS.upB || ns === NS.router;
    await sysctl(ns, { ...BASE_SYSCTL, ...(fwd ? FORWARDING : {}) });
  }));
}

async function buildLinks(): Promise<void> {
  const inet: string[] = [];
  const linkNs: Record<keyof typeof LINKS, NsName> = { router: NS.router, upA: NS.upA, upB: NS.upB, phone: NS.phone };
  for (const [k, l] of Object.entries(LINKS) as [keyof typeof LINKS, (typeof LINKS)[keyof typeof LINKS]][]) {
    inet.push(`link add ${l.inetIf} type veth peer name ${l.peerIf} netns ${linkNs[k]}`);
  }
  const router = [`link add ${ROUTER.lanIf} type bridge stp_state 0 mcast_snooping 0`];
  for (const c of Object.values(LAN_CLIENTS)) router.push(`link add ${c.routerIf} type veth peer name ${CLIENT_IF} netns ${c.ns}`);
  await all([ipBatch(NS.inet, inet), ipBatch(NS.router, router)]);
}

async function addressNamespaces(): Promise<void> {
  const jobs: Promise<void>[] = [];
  // internet hub: links + service addresses on lo; every prefix is connected, no routes needed
  const inet = ['link set lo up'];
  for (const l of Object.values(LINKS)) {
    inet.push(`link set ${l.inetIf} up`, `addr add ${l.inet4}/${l.len4} dev ${l.inetIf}`, addr6(`${l.inet6}/${l.len6}`, l.inetIf));
  }
  for (const a of [...ECHO_V4, SERVICES.dns, SERVICES.publicDns]) inet.push(`addr add ${a}/32 dev lo`);
  for (const a of [...ECHO_V6, SERVICES.dnsv6, SERVICES.publicDnsv6]) inet.push(addr6(`${a}/128`, 'lo'));
  jobs.push(ipBatch(NS.inet, inet));

  // upstream VPSes
  for (const [ns, l] of [[NS.upA, LINKS.upA], [NS.upB, LINKS.upB]] as const) {
    jobs.push((async () => {
      await ipBatch(ns, [
        'link set lo up', `link set ${l.peerIf} up`,
        `addr add ${l.peer4}/${l.len4} dev ${l.peerIf}`, addr6(`${l.peer6}/${l.len6}`, l.peerIf),
        `route add default via ${l.inet4}`, `route add ::/0 via ${l.inet6}`,
      ]);
      await nft(ns, vpsFirewall());
    })());
  }

  // router
  jobs.push((async () => {
    const l = LINKS.router;
    const b = [
      'link set lo up', `link set ${l.peerIf} up`,
      `addr add ${l.peer4}/${l.len4} dev ${l.peerIf}`, addr6(`${l.peer6}/${l.len6}`, l.peerIf),
      `route add default via ${l.inet4}`, `route add ::/0 via ${l.inet6}`,
      `link set ${ROUTER.lanIf} up`, `addr add ${ROUTER.lan4}/24 dev ${ROUTER.lanIf}`, addr6(`${ROUTER.lan6}/64`, ROUTER.lanIf),
    ];
    for (const c of Object.values(LAN_CLIENTS)) b.push(`link set ${c.routerIf} master ${ROUTER.lanIf}`, `link set ${c.routerIf} up`);
    await ipBatch(NS.router, b);
    await nft(NS.router, routerFirewall());
  })());

  // LAN clients
  for (const c of Object.values(LAN_CLIENTS)) {
    jobs.push(ipBatch(c.ns, [
      'link set lo up', `link set ${CLIENT_IF} up`,
      `addr add ${c.v4}/24 dev ${CLIENT_IF}`, addr6(`${c.v6}/64`, CLIENT_IF),
      `route add default via ${ROUTER.lan4}`, `route add ::/0 via ${ROUTER.lan6}`,
    ]));
  }

  // phone on the mobile network; its default routes go into the tunnel once that exists
  const p = LINKS.phone;
  jobs.push(ipBatch(NS.phone, [
    'link set lo up', `link set ${p.peerIf} up`,
    `addr add ${p.peer4}/${p.len4} dev ${p.peerIf}`, addr6(`${p.peer6}/${p.len6}`, p.peerIf),
    `route add ${ROUTER.wan4}/32 via ${p.inet4}`,
  ]));
  await all(jobs);
}

async function startEcho(stateDir: string): Promise<void> {
  const ready = join(stateDir, 'echo.ready');
  const proc = spawnBg(NS.inet, 'echo', await nodeScript('services/echo.ts',
    '--http', HTTP_PORTS.join(','), '--tcp', String(TCP_ECHO_PORT), '--udp', UDP_PORTS.join(','), '--udp-addr', [...ECHO_V4, ...ECHO_V6].join(','), '--ready', ready));
  await waitFor(() => {
    if (!proc.alive) throw new Error(`[${NS.inet}] echo service exited during start-up:\n${proc.tail()}`);
    return existsSync(ready);
  }, 15_000, () => `[${NS.inet}] echo service not ready:\n${proc.tail()}`);
}

/** The phone's WireGuard client: everything through the tunnel, except the endpoint (host route via the mobile network). */
export async function connectPhone(wg: LabWg): Promise<WgHandle> {
  const h = await createWg(NS.phone, PHONE.ifname, {
    privateKey: wg.phone.privateKey, addresses: [...PHONE.addrs],
    peers: [{ publicKey: wg.server.publicKey, endpoint: WG_SERVER.endpoint, allowedIps: ['0.0.0.0/0', '::/0'], keepalive: WG_KEEPALIVE }],
  });
  await ipBatch(NS.phone, [`route add default dev ${PHONE.ifname}`, `route add ::/0 dev ${PHONE.ifname}`]);
  return h;
}

/**
 * Servers first, then the ends that initiate handshakes: a handshake sent to a peer that
 * is not configured yet is only retried after WireGuard's 5 s rekey timeout.
 */
async function startWireguard(wg: LabWg, opts: Required<UpOptions>, timings: Record<string, number>): Promise<void> {
  const servers: Promise<unknown>[] = [];
  for (const u of ['a', 'b'] as const) {
    const s = wg.upstreams[u].server;
    const r = wg.upstreams[u].router;
    servers.push(timed(timings, `wg.up-${u}`, () => createWg(s.ns, s.ifname, {
      privateKey: s.privateKey, listenPort: s.listenPort, addresses: [...s.addresses],
      peers: [{ publicKey: r.publicKey, allowedIps: [...r.addresses] }],
    })));
  }
  if (opts.routerWg) servers.push(timed(timings, 'wg.router-srv', () => createWg(NS.router, wg.server.ifname, routerServerConfig(wg))));
  await all(servers);
  if (!opts.routerWg) return; // the plan creates the router's interfaces; then call lab.connectPhone()
  await all([
    timed(timings, 'wg.router-a', () => createWg(NS.router, wg.upstreams.a.router.ifname, routerUpstreamConfig(wg, 'a'))),
    timed(timings, 'wg.router-b', () => createWg(NS.router, wg.upstreams.b.router.ifname, routerUpstreamConfig(wg, 'b'))),
    timed(timings, 'wg.phone', () => connectPhone(wg)),
  ]);
}

/** Bring the whole lab up. Tears everything down again if any step fails. */
export async function up(options: UpOptions = {}): Promise<Lab> {
  if (current) throw new Error('the lab is already up in this process (call down() first)');
  const opts: Required<UpOptions> = { routerWg: true, routerDns: true, verifyTunnels: true, installDeps: true, ...options };
  const timings: Record<string, number> = {};
  const t0 = Date.now();
  await timed(timings, 'deps', async () => ensureDeps({ install: opts.installDeps }));
  await timed(timings, 'preflight', async () => preflight());

  const stateDir = join(STATE_ROOT, `swl-${process.pid}`);
  mkdirSync(stateDir, { recursive: true, mode: 0o700 });
  setStateDir(stateDir);
  const handlers = installHandlers(stateDir);
  const wg = makeKeys();
  const lab = makeLab(stateDir, wg, timings);
  current = { lab, stateDir, handlers };

  try {
    void prepareScripts(); // bundles echo/agent while the namespaces are built
    await timed(timings, 'namespaces', buildNamespaces);
    await timed(timings, 'links', buildLinks);
    await timed(timings, 'addresses', addressNamespaces);
    await timed(timings, 'services', () => all<unknown>([
      timed(timings, 'echo', () => startEcho(stateDir)),
      timed(timings, 'dns', () => all([startDnsmasq('auth'), startDnsmasq('public'), opts.routerDns ? startDnsmasq('router') : null])),
      timed(timings, 'wireguard', () => startWireguard(wg, opts, timings)),
    ]));
    if (opts.verifyTunnels) {
      await timed(timings, 'handshakes', () => all([
        ...(opts.routerWg ? [
          waitHandshake(PHONE.ns, PHONE.ifname, 5000),
          waitHandshake(NS.router, UPSTREAMS.a.routerIf, 5000),
          waitHandshake(NS.router, UPSTREAMS.b.routerIf, 5000),
        ] : []),
      ]));
    }
  } catch (e) {
    process.stderr.write(`[lab] bring-up failed, tearing down: ${(e as Error).message}\n`);
    await down();
    throw e;
  }
  timings.total = Date.now() - t0;
  debug(`up in ${timings.total} ms: ${JSON.stringify(timings)}`);
  return lab;
}

function installHandlers(stateDir: string) {
  const sig = (s: NodeJS.Signals) => {
    process.stderr.write(`[lab] ${s}: tearing the lab down\n`);
    cleanupSync({ stateDirs: [stateDir] });
    current = null;
    process.exit(s === 'SIGINT' ? 130 : 143);
  };
  const exit = () => { if (current) cleanupSync({ stateDirs: [stateDir] }); };
  process.on('SIGINT', sig);
  process.on('SIGTERM', sig);
  process.on('SIGHUP', sig);
  process.on('exit', exit);
  return { sig, exit };
}

/** Tear the lab down: stop every process, delete every namespace, remove the state dir. Idempotent. */
export async function down(): Promise<void> {
  const cur = current;
  if (!cur) return;
  await closeAgents();
  await resetScripts();
  await Promise.all(backgroundProcesses().map((p) => p.stop(1000)));
  const report = cleanupSync({ stateDirs: [cur.stateDir] });
  process.off('SIGINT', cur.handlers.sig);
  process.off('SIGTERM', cur.handlers.sig);
  process.off('SIGHUP', cur.handlers.sig);
  process.off('exit', cur.handlers.exit);
  current = null;
  setStateDir(null);
  if (report.errors.length) throw new Error(`lab teardown incomplete: ${report.errors.join('; ')}`);
}

function makeLab(stateDir: string, wg: LabWg, timings: Record<string, number>): Lab {
  return {
    stateDir, wg, timings,
    exec: (ns, cmd, o) => sh(ns, cmd, o),
    tryExec: (ns, cmd, o) => trySh(ns, cmd, o),
    ip: ipBatch,
    nft,
    http, dns, dnsQuery, udpEcho, tcpConnect, tcpProbe, capture,
    holdTcp: (ns, ip, port = TCP_ECHO_PORT, ms) => holdTcp(ns, ip, port, ms),
    createWg, removeWg,
    async masquerade(ifname, on = true, family = 'both') {
      const sets = family === 'both' ? ['masq_oif', 'masq6_oif'] : [family === 4 ? 'masq_oif' : 'masq6_oif'];
      await nft(NS.router, sets.map((set) => `${on ? 'add' : 'delete'} element inet ${ROUTER.fwTable} ${set} { "${ifname}" }\n`).join(''));
    },
    async restartRouterDns(extraConf, o) {
      const p = backgroundProcesses().find((b) => b.name === 'dnsmasq.router');
      if (p) await p.stop();
      if (extraConf !== undefined) {
        mkdirSync(routerDnsConfDir(), { recursive: true });
        writeFileSync(join(routerDnsConfDir(), 'lab-extra.conf'), extraConf);
      }
      await startDnsmasq('router', o);
    },
    get routerDnsConfDir() { return routerDnsConfDir(); },
    async connectPhone() {
      await connectPhone(wg);
      await waitHandshake(PHONE.ns, PHONE.ifname, 5000);
    },
    warm: (nss = [NS.tv, NS.kid, NS.laptop, NS.phone]) => warmAgents(nss),
    down,
  };
}

export { isError as isProbeError };
export type { NsName };
