// DNS in the lab, all dnsmasq (one process per role, each with its own config in the state dir):
//  - "auth":   the authoritative server of the test domains, 192.0.2.53 / 2001:db8:e::53 (swl-inet)
//  - "public": a public resolver, 8.8.8.8 / 2001:4860:4860::8888 (swl-inet), same answers, except
//              whoami.test, so a client that bypassed the router's DNS can be told apart
//  - "router": the router's LAN resolver (swl-router), forwarding to "auth", with a conf-dir
//              where the plan's dnsmasq lines (nftset=...) can be dropped, like OpenWrt's /tmp/dnsmasq.d

import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DNS_TTL, DOMAINS, NS, ROUTER_DNS, SERVICES, WHOAMI, WHOAMI_DOMAIN } from '../addresses.ts';
import { spawnBg, statePath, waitFor, type BgProcess } from '../netns.ts';

export type DnsRole = 'auth' | 'public' | 'router';

function common(role: DnsRole): string[] {
  const pid = statePath('dns', `${role}.pid`);
  return [
    `# lab dnsmasq "${role}" (generated)`,
    'port=53',
    'no-resolv',
    'no-hosts',
    'no-poll',
    'user=root',
    'group=root',
    `pid-file=${pid}`,
    'log-facility=-',
    'log-queries',
    `local-ttl=${DNS_TTL}`,
  ];
}

function zoneLines(whoami: string): string[] {
  const lines = ['local=/test/'];
  for (const [name, a] of Object.entries(DOMAINS)) lines.push(`address=/${name}/${a.a}`, `address=/${name}/${a.aaaa}`);
  lines.push(`address=/${WHOAMI_DOMAIN}/${whoami}`);
  return lines;
}

export function dnsmasqConf(role: DnsRole, opts: { routerConfDir?: string; cacheSize?: number } = {}): string {
  const lines = common(role);
  if (role === 'auth') {
    lines.push(`listen-address=${SERVICES.dns},${SERVICES.dnsv6}`, 'bind-interfaces', ...zoneLines(WHOAMI.auth));
  } else if (role === 'public') {
    lines.push(`listen-address=${SERVICES.publicDns},${SERVICES.publicDnsv6}`, 'bind-interfaces', ...zoneLines(WHOAMI.public));
  } else {
    lines.push(
      `listen-address=${ROUTER_DNS.listen.join(',')}`,
      'bind-dynamic',
      `server=${ROUTER_DNS.upstream}`,
      `cache-size=${opts.cacheSize ?? 1000}`,
    );
    if (opts.routerConfDir) lines.push(`conf-dir=${opts.routerConfDir},*.conf`);
  }
  return lines.join('\n') + '\n';
}

/** Start one dnsmasq (foreground, tracked); resolves when it has written its pid file (its sockets are bound by then). */
export async function startDnsmasq(role: DnsRole, opts: { cacheSize?: number } = {}): Promise<BgProcess> {
  const dir = statePath('dns');
  mkdirSync(dir, { recursive: true });
  let routerConfDir: string | undefined;
  if (role === 'router') { routerConfDir = routerDnsConfDir(); mkdirSync(routerConfDir, { recursive: true }); }
  const conf = join(dir, `${role}.conf`);
  const pid = join(dir, `${role}.pid`);
  rmSync(pid, { force: true });
  writeFileSync(conf, dnsmasqConf(role, { routerConfDir, cacheSize: opts.cacheSize }));
  const ns = role === 'router' ? NS.router : NS.inet;
  const proc = spawnBg(ns, `dnsmasq.${role}`, ['dnsmasq', '--keep-in-foreground', `--conf-file=${conf}`]);
  await waitFor(
    () => {
      if (!proc.alive) throw new Error(`[${ns}] dnsmasq (${role}) exited during start-up (config ${conf}):\n${proc.tail()}`);
      return existsSync(pid);
    },
    5000,
    () => `[${ns}] dnsmasq (${role}) did not start (no ${pid}):\n${proc.tail()}`,
  );
  return proc;
}

/** Where extra router dnsmasq config (e.g. the plan's nftset= lines) goes; *.conf files are read on (re)start. */
export function routerDnsConfDir(): string { return statePath('dns', 'router.d'); }
