// The demo's config, lab/demo.conf: /etc/config/splitwg for the lab's router, a file a user can
// open, copy and run (`npm run demo -- --config FILE`). The scenarios, the explain() grid and the
// demo all start from it; this module fills in the keys the lab generated (lab.wg), checks that a
// user's file fits the lab's hosts, and makes the scenarios' variants of it.
//
//   upstream a  → sw_a (VPS 203.0.113.10)      upstream b → sw_b (VPS 203.0.113.20)
//   server      → sw_server :51820, the phone as its one peer
//   tv      (LAN)   video.test (ruleset "streaming") → a; everything else direct
//   kid     (LAN)   video.test → b (the same domain: one dnsmasq line feeds both sets);
//                   shop.test blocked; 192.0.2.20 via b inside a time window
//   laptop  (LAN)   a direct exception before a broader proxy rule, CIDR + port 443 → b,
//                   port 80 direct, a block rule, UDP → a, an IPv6 rule → b
//   phone   (peer)  the "streaming" ruleset → a, news.test → b, everything else direct

import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { LabWg } from './topology.ts';
import { LAN_CLIENTS, NS, PHONE, UPSTREAMS, WG_SERVER } from './addresses.ts';
import { format, parseUci, readConfig, renderUci, type Config, type UciSection, type UciValue } from './core.ts';

/** splitwg client name → the namespace its packets come from */
export const CLIENT_NS = { tv: NS.tv, kid: NS.kid, laptop: NS.laptop, phone: NS.phone } as const;
export type LabClient = keyof typeof CLIENT_NS;
export const LAB_CLIENTS = Object.keys(CLIENT_NS) as LabClient[];

/** the resolver each client uses (the router, as DHCP / the peer .conf would tell it) */
export const CLIENT_RESOLVER: Record<LabClient, string> = {
  tv: '192.168.77.1', kid: '192.168.77.1', laptop: '192.168.77.1', phone: WG_SERVER.addr4,
};

/** netifd device names the plan will use (`sw_<upstream>`, `sw_server`): unique, no wireguard-go socket clash with the lab's swl-* ends */
export const PLAN_IFACES = { a: 'sw_a', b: 'sw_b', server: 'sw_server' } as const;

/** the demo's config file */
export const DEMO_CONF = fileURLToPath(new URL('./demo.conf', import.meta.url));

// Placeholders for the keys the lab makes on every run: well-formed keys (so `splitwg check`
// accepts the file as it is) that say what they stand for.
const placeholder = (what: string) => `lab+fills+in+${what}`.padEnd(42, '0') + 'A=';
export const KEY_PLACEHOLDERS = {
  server: placeholder('server+private+key'),
  upA: placeholder('upstream+a+private+key'),
  vpsA: placeholder('vps+a+public+key'),
  upB: placeholder('upstream+b+private+key'),
  vpsB: placeholder('vps+b+public+key'),
  phone: placeholder('phone+public+key'),
} as const;

/** the placeholder each key option must hold, by section type and name */
function expectedKeys(): { path: string; key: string; value: string }[] {
  const K = KEY_PLACEHOLDERS;
  return [
    { path: 'server', key: 'private_key', value: K.server },
    { path: 'upstream.a', key: 'private_key', value: K.upA },
    { path: 'upstream.a', key: 'public_key', value: K.vpsA },
    { path: 'upstream.b', key: 'private_key', value: K.upB },
    { path: 'upstream.b', key: 'public_key', value: K.vpsB },
    { path: 'client.phone', key: 'public_key', value: K.phone },
  ];
}

/** a config text with the lab's generated keys in place of the placeholders */
export function fillLabKeys(text: string, wg: LabWg): string {
  const K = KEY_PLACEHOLDERS;
  const keys: [string, string][] = [
    [K.server, wg.server.privateKey],
    [K.upA, wg.upstreams.a.router.privateKey], [K.vpsA, wg.upstreams.a.server.publicKey],
    [K.upB, wg.upstreams.b.router.privateKey], [K.vpsB, wg.upstreams.b.server.publicKey],
    [K.phone, wg.phone.publicKey],
  ];
  return keys.reduce((t, [from, to]) => t.split(from).join(to), text);
}

export interface LabConfigOptions {
  /** the kid's "Evening news via B" window (default: the file's, 20:00-06:30) */
  kidWindow?: { start: string; stop: string };
  /** give upstream X its IPv6 tunnel address (default true for both) */
  upstreamV6?: { a?: boolean; b?: boolean };
  /** extra UCI text appended at the end (e.g. a new rule for a client) */
  extra?: string;
}

/** lab/demo.conf with the lab's keys; a variant of it when options are given */
export function labConfig(wg: LabWg, opts: LabConfigOptions = {}): string {
  let text = readFileSync(DEMO_CONF, 'utf8');
  if (opts.kidWindow || opts.upstreamV6) text = renderUci(variant(parseUci(text).sections, opts));
  text = fillLabKeys(text, wg);
  return opts.extra ? `${text}\n${opts.extra}` : text;
}

function variant(sections: UciSection[], opts: LabConfigOptions): UciSection[] {
  const out = sections.map((s) => ({ ...s, options: { ...s.options } }));
  if (opts.kidWindow) {
    const w = out.find((s) => s.type === 'rule' && s.options.client === 'kid' && s.options.start_time !== undefined);
    if (!w) throw new Error(`${DEMO_CONF}: no time rule of client kid to move`);
    w.options.start_time = opts.kidWindow.start;
    w.options.stop_time = opts.kidWindow.stop;
  }
  for (const u of ['a', 'b'] as const) {
    if (opts.upstreamV6?.[u] !== false) continue;
    const s = out.find((x) => x.type === 'upstream' && x.name === u);
    if (!s) throw new Error(`${DEMO_CONF}: no upstream ${u}`);
    s.options.address = values(s.options.address).filter((a) => !a.includes(':'));
  }
  return out;
}

const values = (v: UciValue | undefined): string[] => (v === undefined ? [] : typeof v === 'string' ? [v] : v);

// ------------------------------------------------------------ does a user's file fit the lab

export interface LabProblem { path: string; message: string }

/**
 * What in a valid config the lab cannot run: the lab's hosts, addresses and keys are fixed
 * (lab/addresses.ts), so the server, upstreams a/b and the clients must be the ones it built.
 * `sections` and `cfg` are the same file (parseUci, readConfig).
 */
export function labProblems(sections: UciSection[], cfg: Config): LabProblem[] {
  const problems: LabProblem[] = [];
  const bad = (path: string, message: string) => { problems.push({ path, message }); };
  const named = (type: string, name: string) => sections.find((s) => s.type === type && !s.anonymous && s.name === name);

  if (!cfg.globals.enabled) bad('globals.enabled', 'the demo needs splitwg enabled (\'1\')');

  // the server: the phone connects to it
  if (!cfg.server?.enabled) bad('server', 'the lab\'s phone connects to the router\'s WireGuard server: keep the server section, enabled');
  else {
    if (cfg.server.listenPort !== WG_SERVER.listenPort) bad('server.listen_port', `the phone connects to port ${WG_SERVER.listenPort}`);
    const want = [...WG_SERVER.addrs];
    if ([...cfg.server.addresses].sort().join() !== want.sort().join()) bad('server.address', `the phone's tunnel is ${PHONE.tunnel4} / ${PHONE.tunnel6}: keep ${WG_SERVER.addrs.join(' and ')}`);
  }

  // upstreams: one per VPS
  const vps = (u: 'a' | 'b') => `${UPSTREAMS[u].public4}:${UPSTREAMS[u].listenPort}`;
  for (const s of sections.filter((x) => x.type === 'upstream')) {
    const base = `upstream.${s.name}`;
    if (s.name !== 'a' && s.name !== 'b') { bad(base, `the lab has two VPSes: upstream 'a' (${vps('a')}) and upstream 'b' (${vps('b')})`); continue; }
    const u = UPSTREAMS[s.name];
    if (s.options.endpoint !== vps(s.name)) bad(`${base}.endpoint`, `VPS ${s.name} is at ${vps(s.name)}`);
    const addrs = values(s.options.address);
    addrs.forEach((a, i) => {
      if (!(u.routerAddrs as readonly string[]).includes(a)) bad(`${base}.address[${i}]`, `VPS ${s.name} knows the router's end as ${u.routerAddrs.join(' and ')}`);
    });
    if (!addrs.includes(u.routerAddrs[0])) bad(`${base}.address`, `needs ${u.routerAddrs[0]} (VPS ${s.name}'s peer; the IPv6 one may go)`);
  }

  // clients: the lab's hosts
  const hosts = `the lab's hosts are tv, kid, laptop (LAN devices) and phone (a peer)`;
  for (const s of sections.filter((x) => x.type === 'client')) {
    const base = `client.${s.name}`;
    const c = cfg.clients.find((x) => x.name === s.name);
    if (!(LAB_CLIENTS as string[]).includes(s.name) || !c) { bad(base, `no lab host for this client: ${hosts}`); continue; }
    const kind = s.name === 'phone' ? 'peer' : 'device';
    if (c.kind !== kind) { bad(`${base}.kind`, `${s.name} is a ${kind === 'peer' ? 'peer' : 'LAN device'} in the lab`); continue; }
    const own: readonly string[] = s.name === 'phone' ? [PHONE.tunnel4, PHONE.tunnel6] : [LAN_CLIENTS[s.name as 'tv'].v4, LAN_CLIENTS[s.name as 'tv'].v6];
    values(s.options.address).forEach((a, i) => {
      if (!own.includes(a)) bad(`${base}.address[${i}]`, `the lab's ${s.name} is ${own.join(' / ')}`);
    });
    for (const o of ['mac', 'interface']) if (s.options[o] !== undefined) bad(`${base}.${o}`, `the lab's devices are told apart by address: use ${own.join(' / ')}`);
  }
  const phone = cfg.clients.find((c) => c.name === 'phone');
  if (!phone || !phone.enabled) bad('client.phone', 'the lab connects the phone to the server: keep the client, enabled');
  else if (!phone.src4.some((p) => p.text === PHONE.tunnel4)) bad('client.phone.address', `needs ${PHONE.tunnel4} (the phone's tunnel address)`);

  // keys: made by the lab on every run
  for (const k of expectedKeys()) {
    const [type, name] = k.path.includes('.') ? k.path.split('.') as [string, string] : [k.path, k.path];
    const s = type === 'server' ? sections.find((x) => x.type === 'server') : named(type, name);
    if (s && s.options[k.key] !== k.value) bad(`${k.path}.${k.key}`, `the lab makes this key on every run: write '${k.value}'`);
  }
  return problems;
}

export interface DemoConfigCheck {
  /** every problem, `FILE:LINE: message` (syntax) or `path: message` (the core's check, then the lab's) */
  problems: string[];
  /** the core's warnings, `warning: path: message` */
  warnings: string[];
  config: Config | null;
}

/** The demo's gate: the core's check of the file (as `splitwg check`), then whether it fits the lab. */
export function checkDemoConfig(text: string, file: string): DemoConfigCheck {
  const { sections, errors } = parseUci(text);
  if (errors.length) return { problems: errors.map((e) => `${file}:${e.line}: ${format(e)}`), warnings: [], config: null };
  const r = readConfig(sections);
  const warnings = r.warnings.map((w) => `warning: ${w.path}: ${format(w)}`);
  if (!r.config) return { problems: r.problems.map((p) => `${p.path}: ${format(p)}`), warnings, config: null };
  const lab = labProblems(sections, r.config).map((p) => `${p.path}: ${p.message}`);
  return { problems: lab, warnings, config: lab.length ? null : r.config };
}
