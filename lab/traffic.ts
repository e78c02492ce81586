// Real traffic from the lab's clients, and where it should have gone according to explain().
//
// A probe names a client, a destination (a test domain, resolved through the client's resolver
// first so the router's dnsmasq fills the domain sets, or an address), a protocol and a port.
// observe() sends it and maps the source address the echo saw to a path; expected() asks
// explain() about the same client/destination/protocol/port/time and maps its verdict the same way.

import { isIPv6 } from 'node:net';
import { LINKS, UPSTREAMS } from './addresses.ts';
import { explain, type Config, type Explanation } from './core.ts';
import { CLIENT_NS, CLIENT_RESOLVER, type LabClient } from './lab-config.ts';
import { isError, type EchoReply, type ProbeError } from './probes.ts';
import type { Lab } from './topology.ts';
import { format } from '../src/core/messages';

export type Path = 'direct' | 'a' | 'b' | 'blocked';

/** the source address the internet sees for each path */
export const SOURCE_OF: Record<Exclude<Path, 'blocked'>, { v4: string; v6: string }> = {
  direct: { v4: LINKS.router.peer4, v6: LINKS.router.peer6 },
  a: { v4: UPSTREAMS.a.public4, v6: UPSTREAMS.a.public6 },
  b: { v4: UPSTREAMS.b.public4, v6: UPSTREAMS.b.public6 },
};

export function pathOfSource(src: string): Path | `unknown ${string}` {
  for (const [p, s] of Object.entries(SOURCE_OF)) if (src === s.v4 || src === s.v6) return p as Path;
  return `unknown ${src}`;
}

export interface Probe {
  client: LabClient;
  /** a test domain or an address */
  dest: string;
  /** for a domain: resolve A (4, default) or AAAA (6) */
  family?: 4 | 6;
  proto?: 'tcp' | 'udp';
  port?: number;
}

export const probeLabel = (p: Probe): string =>
  `${p.dest}${p.family === 6 ? ' (v6)' : ''} ${p.proto ?? 'tcp'}/${p.port ?? 80}`;

export interface Observation { path: Path | `unknown ${string}`; ip: string; src?: string; error?: string }

/** the address a probe goes to (resolving a domain through the client's resolver: the router's dnsmasq fills the sets) */
export async function resolve(lab: Lab, p: Probe): Promise<string> {
  if (/^[\d.]+$/.test(p.dest) || isIPv6(p.dest)) return p.dest;
  const ns = CLIENT_NS[p.client];
  const type = p.family === 6 ? 'AAAA' : 'A';
  const addrs = await lab.dns(ns, CLIENT_RESOLVER[p.client], p.dest, type);
  if (!addrs.length) throw new Error(`[${ns}] ${p.dest} ${type} @${CLIENT_RESOLVER[p.client]}: no address`);
  return addrs[0]!;
}

/** Send the probe for real; the path is read from the source address the echo saw (an error = blocked). */
export async function observe(lab: Lab, p: Probe, opts: { timeoutMs?: number } = {}): Promise<Observation> {
  const ip = await resolve(lab, p);
  const ns = CLIENT_NS[p.client];
  const timeoutMs = opts.timeoutMs ?? 3000;
  let r: EchoReply | ProbeError;
  if ((p.proto ?? 'tcp') === 'udp') r = await lab.udpEcho(ns, ip, p.port ?? 5300, { timeoutMs: Math.min(timeoutMs, 2000) });
  else r = await lab.http(ns, { ip, port: p.port ?? 80, host: /^[a-z]/i.test(p.dest) && !isIPv6(p.dest) ? p.dest : undefined }, { timeoutMs, connectTimeoutMs: Math.min(timeoutMs, 2000) });
  if (isError(r)) return { path: 'blocked', ip, error: r.error };
  return { path: pathOfSource(r.src), ip, src: r.src };
}

export interface Expectation { path: Path; why: Explanation }

/**
 * What explain() says for the probe at time `at` ("Sun 04:10"). A resolved domain is matched by the
 * table both as a name (its domain sets) and as an address (CIDR rules), so both are asked and the
 * rule that comes first in the client's list wins — what the nft chain does. `down` lists upstreams
 * known to be down (explain's kill-switch view).
 */
export function expected(cfg: Config, p: Probe, ip: string, at: string, down?: string[]): Expectation {
  const q = { client: p.client, proto: p.proto ?? 'tcp', port: p.port ?? 80, at, down: down ?? null };
  const client = cfg.clients.find((c) => c.name === p.client);
  if (!client) throw new Error(`no client ${p.client} in the config`);
  const views = [...new Set([p.dest, ip])].map((destination) => {
    const e = explain(cfg, { ...q, destination });
    if ('error' in e) throw new Error(`explain(${p.client}, ${destination}): ${e.error.path}: ${format(e.error)}`);
    return e as Explanation;
  });
  const pos = (e: Explanation) => (e.rule === null ? Infinity : client.rules.findIndex((r) => r.id === e.rule));
  const e = views.reduce((a, b) => (pos(b) < pos(a) ? b : a));
  const path: Path = e.action === 'block' ? 'blocked' : e.action === 'direct' ? 'direct' : (e.upstream as Path);
  // (with `down`, explain() reports the upstream that is down and action block)
  return { path, why: e };
}

/** The router's local time as explain() takes it ("Sun 04:10"), with the environment nft is loaded with. */
export async function routerNow(lab: Lab, env?: Record<string, string>): Promise<string> {
  return (await lab.exec('swl-router', ['date', '+%a %H:%M'], { env })).trim();
}

/** the default demo / grid: every client, each kind of rule */
export const GRID: Probe[] = [
  { client: 'tv', dest: 'video.test' },
  { client: 'tv', dest: 'cdn.video.test', port: 443 },
  { client: 'tv', dest: 'video.test', family: 6 },
  { client: 'tv', dest: 'news.test' },
  { client: 'kid', dest: 'video.test' },
  { client: 'kid', dest: 'shop.test' },
  { client: 'kid', dest: 'news.test' },
  { client: 'kid', dest: 'news.test', family: 6 },
  { client: 'laptop', dest: 'shop.test', port: 443 },
  { client: 'laptop', dest: 'video.test', port: 443 },
  { client: 'laptop', dest: 'video.test', port: 80 },
  { client: 'laptop', dest: 'video.test', port: 8080 },
  { client: 'laptop', dest: 'news.test', port: 8080 },
  { client: 'laptop', dest: 'news.test', proto: 'udp', port: 5300 },
  { client: 'laptop', dest: 'news.test', family: 6, port: 8080 },
  { client: 'laptop', dest: 'video.test', family: 6, port: 8080 },
  { client: 'phone', dest: 'video.test' },
  { client: 'phone', dest: 'news.test' },
  { client: 'phone', dest: 'shop.test' },
  { client: 'phone', dest: 'news.test', family: 6 },
];

export interface GridRow { probe: Probe; expected: Expectation; observed: Observation; ok: boolean }

/**
 * Run probes (clients in parallel, each client's probes in order) and compare with explain().
 * A mismatch is retried once (a loaded machine can time a probe out).
 */
export async function runGrid(lab: Lab, cfg: Config, probes: Probe[] = GRID, env?: Record<string, string>): Promise<GridRow[]> {
  const at = await routerNow(lab, env);
  const byClient = new Map<LabClient, Probe[]>();
  for (const p of probes) byClient.set(p.client, [...(byClient.get(p.client) ?? []), p]);
  const rows = new Map<Probe, GridRow>();
  await Promise.all([...byClient.values()].map(async (ps) => {
    for (const p of ps) {
      const ip = await resolve(lab, p);
      const exp = expected(cfg, p, ip, at);
      const short = exp.path === 'blocked' ? 1500 : 3000;
      let obs = await observe(lab, p, { timeoutMs: short });
      if (obs.path !== exp.path) obs = await observe(lab, p, { timeoutMs: 5000 });
      rows.set(p, { probe: p, expected: exp, observed: obs, ok: obs.path === exp.path });
    }
  }));
  return probes.map((p) => rows.get(p)!);
}

/** the rule explain() picked, by name when it has one */
export function ruleName(cfg: Config, e: Explanation): string {
  if (e.rule === null) return 'default';
  const r = cfg.clients.flatMap((c) => c.rules).find((x) => x.id === e.rule);
  return r?.name ? `${r.name} (${e.rule.replace(/^client\.[^.]+\./, '')})` : e.rule;
}

export function formatGrid(rows: GridRow[], cfg?: Config): string {
  const head = ['client', 'destination', 'expected (explain)', 'observed (source the internet saw)', ''];
  const body = rows.map((r) => [
    r.probe.client,
    `${probeLabel(r.probe)} → ${r.observed.ip}`,
    cfg ? `${r.expected.path}: ${ruleName(cfg, r.expected.why)}` : r.expected.path,
    r.observed.path === 'blocked' ? 'blocked (no answer)' : `${r.observed.path} (${r.observed.src})`,
    r.ok ? 'ok' : 'MISMATCH',
  ]);
  const w = head.map((h, i) => Math.max(h.length, ...body.map((b) => b[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(w[i]!)).join('  ').trimEnd();
  return [line(head), line(w.map((n) => '-'.repeat(n))), ...body.map(line)].join('\n');
}
