// A lab Env for the router logic (src/router): the same apply transaction that runs under ucode on
// a router, run in Node against the lab's swl-router namespace. It is a translation, not a second
// implementation:
//
//   uci   an in-memory store (MemUci from test/router/fakes.ts) seeded with a typical OpenWrt
//         network/firewall/dhcp (test/router/openwrt.ts) and the lab's /etc/config/splitwg
//   fs    a private root under the lab's state dir (<state>/router-root/…); the dnsmasq instance's
//         conf-dir (/tmp/dnsmasq.<section>.d, as the init script generates it) is the lab router
//         dnsmasq's real conf-dir, so what apply writes there is what the lab's dnsmasq reads;
//         the network sysctls (/proc/sys/net/…, per network namespace) are read in swl-router
//   run   nft, dnsmasq (--version, --test), conntrack, wg, ip (doctor's reads, apply's repairs), md5sum (list files), ping (the health checker's probes) and
//         sh (a subscription's download: uclient-fetch | head; a test puts lab/bin/uclient-fetch on PATH) run for real in swl-router
//         (`ip netns exec`), file arguments mapped into the private root. What netifd, fw4 and the
//         dnsmasq init script would do when the router asks for them is handed to `realise()`
//         (lab/apply-router.ts: the lab's realiser, lab/realise.ts, for the current UCI sections):
//           ubus call network reload, ubus call network.interface.X renew   → { what: 'network' }
//           ifup X                         → { what: 'ifup' }  (the shell handler: down, then up)
//           fw4 [-q] reload, /etc/init.d/firewall reload|restart → { what: 'firewall' }, then the
//                                           ruleset-post file is loaded again, as fw4 includes it
//           /etc/init.d/dnsmasq restart|reload|start → { what: 'dnsmasq' }
//           pidof dnsmasq                  → the lab router dnsmasq's pid file
//           /usr/sbin/splitwg health --dns → followDns() (src/router/healthdns.ts), in this process
//         Anything else fails with exit 127, so a new command in src/router is noticed.
//
// Everything here is synchronous, as the Env interface is: lab/router-worker.ts runs it in a
// worker thread whose realise() blocks until the main thread (which owns the lab) has done it.

import './ucode-globals.ts';
import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, rmdirSync, unlinkSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import type { Env, Fs, RunResult } from '../src/router/env.ts';
import { PATHS } from '../src/router/env.ts';
import { isOwned } from '../src/router/owned.ts';
import { followDns } from '../src/router/healthdns.ts';
import type { UciSection } from '../src/core/uci.ts';
import { MemUci, md5 } from '../test/router/fakes.ts';
import { DHCP, FIREWALL, NETWORK } from '../test/router/openwrt.ts';
import { NS } from './addresses.ts';

/** what the router asked netifd / fw4 / the dnsmasq service to do, with the committed sections they read */
export type RealiseRequest =
  | { what: 'network'; network: UciSection[] }
  | { what: 'ifup'; iface: string; network: UciSection[] }
  | { what: 'firewall'; firewall: UciSection[] }
  | { what: 'dnsmasq' };

export interface LabRouterOptions {
  /** the private root (created) */
  root: string;
  /** the lab router dnsmasq's conf-dir (lab.routerDnsConfDir) */
  dnsConfDir: string;
  /** the lab router dnsmasq's pid file */
  dnsPidFile: string;
  /** /etc/config/splitwg */
  splitwg: string;
  realise(req: RealiseRequest): RunResult;
}

export interface FailRule { pattern: RegExp; result: RunResult; times: number }

export interface LabRouter {
  env: Env;
  uci: MemUci;
  /** every command the router ran, argv joined by spaces (what fakes.ts reloads() reads) */
  calls: string[];
  logs: string[];
  /** commands matching a rule fail with its result instead of running (`times` counts down) */
  fail: FailRule[];
  /** environment for nft (TZ: nft converts `meta hour` with the loading process's time zone) */
  nftEnv: Record<string, string>;
  /** directories searched before PATH for the real commands (a test's stand-in for a router's binary) */
  binDirs: string[];
  /** router path → host path */
  path(p: string): string;
  /** the dnsmasq section's name (anonymous: MemUci names it) */
  dnsSection: string;
}

const R = NS.router;
const OK: RunResult = { code: 0, stdout: '', stderr: '' };
/** real commands, run in swl-router */
const REAL = new Set(['nft', 'dnsmasq', 'conntrack', 'wg', 'ip', 'md5sum', 'sh', 'ping']);
/** sysctls of the network namespace: the router's own, not the host's */
const SYSCTL_NET = '/proc/sys/net/';

/** the committed sections splitwg owns (all that netifd/fw4 must realise here: lan/wan are the lab's topology) */
export function ownedSections(uci: MemUci, config: string): UciSection[] {
  return uci.sections(config).filter((s) => isOwned(config, { ...s.options, '.name': s.name, '.anonymous': s.anonymous })).map((s) => ({
    ...s,
    // a stable option order: an option rewritten in place must not look like a change to the realiser
    options: Object.fromEntries(Object.entries(s.options).sort(([a], [b]) => a.localeCompare(b))),
  }));
}

export function labRouterEnv(o: LabRouterOptions): LabRouter {
  const uci = new MemUci({ network: NETWORK, firewall: FIREWALL, dhcp: DHCP, splitwg: o.splitwg });
  const dnsSection = Object.values(uci.get_all('dhcp') ?? {}).find((s) => s['.type'] === 'dnsmasq')!['.name'] as string;
  const confDir = `/tmp/dnsmasq.${dnsSection}.d`;
  const maps: [string, string][] = [[confDir, o.dnsConfDir]];
  const path = (p: string): string => {
    for (const [from, to] of maps) if (p === from || p.startsWith(from + '/')) return to + p.slice(from.length);
    return join(o.root, p);
  };
  const put = (p: string, text: string) => { mkdirSync(join(path(p), '..'), { recursive: true }); writeFileSync(path(p), text); };

  // what a typical OpenWrt 23.05 has: fw4, netifd's wireguard.sh, the dnsmasq instance's generated
  // config naming its conf-dir, conntrack-tools (when the host has them), an IPv6 kernel
  mkdirSync(o.root, { recursive: true, mode: 0o700 });
  put(PATHS.fw4, '#!/usr/bin/ucode\n# lab: fw4 is realised by lab/router-env.ts\n');
  put(PATHS.wgShellHandler, '#!/bin/sh\n# lab: netifd is realised by lab/router-env.ts\n');
  put(`/var/etc/dnsmasq.conf.${dnsSection}`, `# lab: generated by the dnsmasq init script\nconf-dir=${confDir}\n`);
  if (['/usr/sbin/conntrack', '/sbin/conntrack', '/usr/bin/conntrack'].some((b) => existsSync(b))) put(PATHS.conntrack, 'ELF\n');
  put(PATHS.ipv6, existsSync('/proc/net/if_inet6') ? readFileSync('/proc/net/if_inet6', 'utf8') : ''); // (the lab needs IPv6 anyway)
  mkdirSync(o.dnsConfDir, { recursive: true });

  const fs: Fs = {
    read: (p) => {
      if (p.startsWith(SYSCTL_NET)) {
        const c = spawnSync('ip', ['netns', 'exec', R, 'cat', p], { encoding: 'utf8', timeout: 30_000 });
        return c.status === 0 ? c.stdout : null;
      }
      try { return readFileSync(path(p), 'utf8'); } catch { return null; }
    },
    lines: (p) => {
      let t: string;
      try { t = readFileSync(path(p), 'utf8'); } catch { return null; }
      const ls = t.split('\n');
      if (ls[ls.length - 1] === '') ls.pop();
      let i = 0;
      return { next: () => (i < ls.length ? ls[i++]! : null), close: () => { /* */ } };
    },
    create: (p) => {
      let fd: number;
      try { fd = openSync(path(p), 'w', 0o644); } catch { return null; }
      let ok = true;
      return {
        write: (d) => { try { writeSync(fd, d); } catch { ok = false; } return ok; },
        close: () => { try { closeSync(fd); } catch { ok = false; } return ok; },
      };
    },
    list: (p) => { try { return readdirSync(path(p)).sort(); } catch { return null; } },
    hostPath: path,
    write: (p, d) => { try { writeFileSync(path(p), d); return true; } catch { return false; } },
    exists: (p) => existsSync(path(p)),
    unlink: (p) => { try { unlinkSync(path(p)); return true; } catch { return false; } },
    mkdir: (p) => { try { mkdirSync(path(p), { mode: 0o700 }); return true; } catch { return false; } },
    rmdir: (p) => { try { rmdirSync(path(p)); return true; } catch { return false; } },
    mkdirp: (p) => { try { mkdirSync(path(p), { recursive: true }); } catch { /* below */ } return existsSync(path(p)); },
    rename: (a, b) => { try { renameSync(path(a), path(b)); return true; } catch { return false; } },
    digest: (p) => { try { return md5(readFileSync(path(p), 'utf8')); } catch { return null; } },
  };

  const r: LabRouter = { env: null as unknown as Env, uci, calls: [], logs: [], fail: [], nftEnv: {}, binDirs: [], path, dnsSection };

  // a real command in swl-router; absolute paths are the router's, mapped into the root
  const exec = (argv: string[], input?: string): RunResult => {
    const args = argv.map((a, i) => (i > 0 && a.startsWith('/') ? path(a) : a));
    const t0 = Date.now();
    const p = spawnSync('ip', ['netns', 'exec', R, ...args], {
      input, encoding: 'utf8', timeout: 30_000, killSignal: 'SIGKILL',
      env: {
        ...process.env, ...(argv[0] === 'nft' ? r.nftEnv : {}),
        ...(r.binDirs.length ? { PATH: [...r.binDirs, process.env.PATH ?? '/usr/sbin:/usr/bin:/sbin:/bin'].join(':') } : {}),
      },
    });
    const res = { code: p.status ?? 124, stdout: p.stdout ?? '', stderr: (p.stderr ?? '') + (p.error ? `\n${p.error.message}` : '') };
    if (process.env.SWL_LAB_DEBUG) process.stderr.write(`[lab router] [${Date.now() - t0}ms rc=${res.code}] ${argv.join(' ')}\n`);
    return res;
  };

  const dnsmasqPid = (): string | null => {
    try {
      const pid = readFileSync(o.dnsPidFile, 'utf8').trim();
      return /^\d+$/.test(pid) && readFileSync(`/proc/${pid}/cmdline`, 'utf8').startsWith('dnsmasq') ? pid : null;
    } catch { return null; }
  };

  const translate = (argv: string[], input?: string): RunResult => {
    const a = argv.join(' ');
    if (REAL.has(argv[0]!)) return exec(argv, input);
    if (a === 'pidof dnsmasq') { const pid = dnsmasqPid(); return pid ? { code: 0, stdout: `${pid}\n`, stderr: '' } : { code: 1, stdout: '', stderr: '' }; }
    if (a === 'ubus call network reload' || /^ubus call network\.interface\.[\w-]+ renew$/.test(a))
      return o.realise({ what: 'network', network: ownedSections(uci, 'network') });
    if (argv[0] === 'ifup' && argv.length === 2) return o.realise({ what: 'ifup', iface: argv[1]!, network: ownedSections(uci, 'network') });
    if (/^(fw4 (-q )?reload|\/etc\/init\.d\/firewall (reload|restart))$/.test(a)) {
      const res = o.realise({ what: 'firewall', firewall: ownedSections(uci, 'firewall') });
      // fw4 renders its ruleset with `include "/usr/share/nftables.d/ruleset-post/*.nft"`: ours, then the list sets'
      if (res.code !== 0 || !fs.exists(PATHS.nft)) return res;
      const t = exec(['nft', '-f', PATHS.nft]);
      return t.code === 0 && fs.exists(PATHS.nftLists) ? exec(['nft', '-f', PATHS.nftLists]) : t;
    }
    if (/^\/etc\/init\.d\/dnsmasq (restart|reload|start)$/.test(a)) return o.realise({ what: 'dnsmasq' });
    if (argv[0] === 'logger') return OK;
    // the router's own CLI, as the health checker runs it: the same function in this process
    if (a === `${PATHS.cli} health --dns`) return followDns(r.env) ? OK : { code: 1, stdout: '', stderr: 'followDns failed' };
    return { code: 127, stdout: '', stderr: `${argv[0]}: not available in the lab router (lab/router-env.ts does not translate "${a}")` };
  };

  r.env = {
    uci, fs,
    configDigest: (config) => uci.digest(config),
    run(argv, input) {
      r.calls.push(argv.join(' '));
      const rule = r.fail.find((f) => f.times > 0 && f.pattern.test(argv.join(' ')));
      if (rule) { rule.times--; return rule.result; }
      return translate(argv, input);
    },
    // netifd's interface status, as status/hotplug ask for it: up when the link exists
    ubus(object, method) {
      const m = /^network\.interface\.([\w-]+)$/.exec(object);
      if (!m || method !== 'status') return null;
      const up = exec(['ip', 'link', 'show', 'dev', m[1]!]).code === 0;
      return { up, pending: false };
    },
    log: (msg) => { r.logs.push(msg); },
    now: () => Math.floor(Date.now() / 1000),
    // the lab router's real main table
    routes(family) {
      const res = exec(['ip', `-${family}`, '-j', 'route', 'show', 'table', 'main']);
      try { return res.code === 0 ? JSON.parse(res.stdout) : null; } catch { return null; }
    },
  };
  return r;
}
