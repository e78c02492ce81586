// The lab's "apply directly" realiser: makes swl-router match a compiled Plan with ip / wg / nft /
// dnsmasq, standing in for what netifd, fw4 and the dnsmasq init script do on a router. It is a
// translation of the plan's sections into commands, generic over them, not a second compiler:
//
//   plan.nft                      → `nft -c -f -` then `nft -f -` (atomic replace; the script flushes its own table),
//                                   with nftTransition() for stale sets — also when only a domain set's domains changed
//   plan.dnsmasq                  → <router dnsmasq conf-dir>/splitwg.conf, dnsmasq restarted
//   network `interface` (proto wireguard) + its `wireguard_<iface>` peers
//                                 → a wireguard-go interface (createWg), or `wg syncconf` + addresses in place
//                                   when it exists; peers with route_allowed_ips '1' → routes to allowed_ips
//   network `rule` / `rule6`      → ip [-6] rule add fwmark V/M lookup T priority P | lookup main suppress_prefixlength N …
//   network `route` / `route6`    → ip [-6] route add <target> dev <iface> table T | unreachable <target> … metric M
//   firewall `zone` masq / masq6  → the lab's fw4 stand-in masquerades on each network's device
//   firewall zone policies, mtu_fix, `forwarding`, `rule`
//                                 → accepted, not emulated: the lab's fw4 forwards everything and clamps MSS always
//
// Re-applying diffs the new plan against the one in force and touches only what changed (so
// unchanged tunnels, routes and conntrack entries stay), like `reload only what changed`.
// ifdown()/ifup() emulate netifd taking one interface down (wireguard.sh teardown deletes the
// link, so its routes go with it; the `unreachable` kill-switch routes stay) and up again.
//
// Anything in the plan this file does not understand is an error before anything is touched.

import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { NS, ROUTER } from './addresses.ts';
import type { Plan, UciSection } from './core.ts';
import { nftTransition } from './core.ts';
import { LabCommandError, statePath } from './netns.ts';
import type { Lab } from './topology.ts';
import { waitHandshake, wgConfText, type WgConfig, type WgPeerConfig } from './wg.ts';

const R = NS.router;

/** netifd network names the plan may reference that the lab router already has → Linux device */
export const LAB_NETWORKS: Record<string, string> = { lan: ROUTER.lanIf, wan: ROUTER.wanIf, loopback: 'lo' };

/** A realiser step failed: which step, and (when a command failed) the namespace, command and its output. */
export class RealiseError extends Error {
  constructor(readonly step: string, readonly detail: string, readonly ns?: string, readonly command?: string) {
    super(`realise: ${step}: ${detail}`);
    this.name = 'RealiseError';
  }
}

// ------------------------------------------------------------ sections

type Opts = UciSection['options'];
const one = (o: Opts, k: string): string | undefined => {
  const v = o[k];
  return v === undefined ? undefined : Array.isArray(v) ? v.join(' ') : v;
};
const many = (o: Opts, k: string): string[] => {
  const v = o[k];
  return v === undefined ? [] : Array.isArray(v) ? v : v.split(/\s+/).filter(Boolean);
};
const key = (s: UciSection) => `${s.type} ${s.name}`;
const same = (a: UciSection | undefined, b: UciSection | undefined) => JSON.stringify(a?.options) === JSON.stringify(b?.options);
const isV6 = (a: string) => a.includes(':');

/** the options each section type may carry (anything else is refused, so a core change is noticed) */
const KNOWN: Record<string, string[]> = {
  // (nohostroute: the lab adds no host routes to endpoints — netifd's host dependency — so there is nothing to turn off; the openwrt tier runs the real wireguard.sh)
  interface: ['proto', 'private_key', 'listen_port', 'addresses', 'mtu', 'fwmark', 'nohostroute'],
  'wireguard_*': ['description', 'public_key', 'preshared_key', 'endpoint_host', 'endpoint_port', 'allowed_ips', 'persistent_keepalive', 'route_allowed_ips'],
  rule: ['mark', 'lookup', 'priority', 'suppress_prefixlength', 'src', 'dest', 'in', 'out', 'invert', 'action', 'goto'],
  route: ['interface', 'target', 'netmask', 'gateway', 'metric', 'table', 'type', 'source', 'mtu', 'onlink'],
  zone: ['name', 'network', 'input', 'output', 'forward', 'masq', 'masq6', 'mtu_fix'],
  forwarding: ['name', 'src', 'dest'],
  'firewall rule': ['name', 'src', 'dest', 'proto', 'src_port', 'dest_port', 'target', 'family'],
};
const IGNORED_OPTS = ['splitwg_owned'];

function check(plan: Plan): void {
  const refuse = (s: UciSection, what: string) => { throw new RealiseError(`check ${s.type} '${s.name}'`, `${what} (lab/realise.ts does not know how to realise it)`); };
  for (const s of plan.network) {
    const kind = s.type.startsWith('wireguard_') ? 'wireguard_*' : s.type.replace(/6$/, '');
    const known = KNOWN[kind];
    if (!known || kind === 'zone' || kind === 'forwarding') refuse(s, `unknown network section type "${s.type}"`);
    for (const k of Object.keys(s.options)) if (!known!.includes(k) && !IGNORED_OPTS.includes(k)) refuse(s, `unknown option "${k}"`);
    if (s.type === 'interface' && one(s.options, 'proto') !== 'wireguard') refuse(s, `interface proto "${one(s.options, 'proto')}"`);
  }
  for (const s of plan.firewall) {
    const kind = s.type === 'rule' ? 'firewall rule' : s.type;
    const known = KNOWN[kind];
    if (!known || !['zone', 'forwarding', 'firewall rule'].includes(kind)) refuse(s, `unknown firewall section type "${s.type}"`);
    for (const k of Object.keys(s.options)) if (!known!.includes(k) && !IGNORED_OPTS.includes(k)) refuse(s, `unknown option "${k}"`);
  }
  if (plan.dhcp.length) refuse(plan.dhcp[0]!, 'dhcp sections');
}

// --------------------------------------------------------- translation

/** netifd network name → device (interfaces the plan creates are named after their section) */
function deviceOf(plan: Plan, network: string): string {
  if (plan.network.some((s) => s.type === 'interface' && s.name === network)) return network;
  const d = LAB_NETWORKS[network];
  if (!d) throw new RealiseError('resolve network', `network "${network}" is neither created by the plan nor one of the lab's (${Object.keys(LAB_NETWORKS).join(', ')})`);
  return d;
}

export function peersOf(plan: Plan, iface: string): UciSection[] {
  return plan.network.filter((s) => s.type === `wireguard_${iface}`);
}

function wgConfigOf(iface: UciSection, peers: UciSection[]): WgConfig {
  const o = iface.options;
  const num = (v: string | undefined) => (v === undefined ? undefined : Number(v));
  return {
    privateKey: one(o, 'private_key') ?? '',
    listenPort: num(one(o, 'listen_port')),
    fwmark: num(one(o, 'fwmark')),
    mtu: num(one(o, 'mtu')),
    addresses: many(o, 'addresses'),
    peers: peers.map((p): WgPeerConfig => {
      const host = one(p.options, 'endpoint_host');
      const port = one(p.options, 'endpoint_port') ?? '51820';
      return {
        publicKey: one(p.options, 'public_key') ?? '',
        presharedKey: one(p.options, 'preshared_key'),
        endpoint: host ? `${isV6(host) ? `[${host}]` : host}:${port}` : undefined,
        allowedIps: many(p.options, 'allowed_ips'),
        keepalive: num(one(p.options, 'persistent_keepalive')),
      };
    }),
  };
}

/** `ip` argv to add (or delete) one netifd route section */
export function routeArgv(plan: Plan, s: UciSection, verb: 'add' | 'del'): string[] {
  const o = s.options;
  const fam = s.type === 'route6' ? '-6' : '-4';
  let target = one(o, 'target') ?? (fam === '-6' ? '::/0' : '0.0.0.0/0');
  const nm = one(o, 'netmask');
  if (nm && !target.includes('/')) target = `${target}/${nm}`;
  const a = ['ip', fam, 'route', verb];
  const type = one(o, 'type');
  if (type && type !== 'unicast') a.push(type);
  a.push(target);
  const gw = one(o, 'gateway');
  if (gw) a.push('via', gw);
  const ifc = one(o, 'interface');
  if (ifc && (!type || type === 'unicast')) a.push('dev', deviceOf(plan, ifc));
  if (one(o, 'onlink') === '1') a.push('onlink');
  const src = one(o, 'source');
  if (src) a.push('from', src);
  for (const [k, ipk] of [['table', 'table'], ['metric', 'metric'], ['mtu', 'mtu']] as const) {
    const v = one(o, k);
    if (v !== undefined) a.push(ipk, v);
  }
  return a;
}

/** `ip` argv to add (or delete) one netifd rule section */
export function ruleArgv(plan: Plan, s: UciSection, verb: 'add' | 'del'): string[] {
  const o = s.options;
  const a = ['ip', s.type === 'rule6' ? '-6' : '-4', 'rule', verb];
  if (one(o, 'invert') === '1') a.push('not');
  const map: [string, string][] = [['priority', 'priority'], ['src', 'from'], ['dest', 'to'], ['mark', 'fwmark']];
  for (const [k, ipk] of map) { const v = one(o, k); if (v !== undefined) a.push(ipk, v); }
  const iif = one(o, 'in'); if (iif) a.push('iif', deviceOf(plan, iif));
  const oif = one(o, 'out'); if (oif) a.push('oif', deviceOf(plan, oif));
  const look = one(o, 'lookup'); if (look !== undefined) a.push('lookup', look);
  const sp = one(o, 'suppress_prefixlength'); if (sp !== undefined) a.push('suppress_prefixlength', sp);
  const go = one(o, 'goto'); if (go !== undefined) a.push('goto', go);
  const act = one(o, 'action'); if (act !== undefined) a.push(act);
  return a;
}

/** routes netifd adds for peers with route_allowed_ips '1' (main table, via the interface) */
export function peerRouteArgv(iface: string, peers: UciSection[], verb: 'add' | 'del'): string[][] {
  const out: string[][] = [];
  for (const p of peers) {
    if (one(p.options, 'route_allowed_ips') !== '1') continue;
    for (const a of many(p.options, 'allowed_ips')) out.push(['ip', isV6(a) ? '-6' : '-4', 'route', verb, a, 'dev', iface]);
  }
  return out;
}

/** device → masquerade families, from the firewall zones */
function masqOf(plan: Plan): Map<string, Set<4 | 6>> {
  const m = new Map<string, Set<4 | 6>>();
  for (const z of plan.firewall.filter((s) => s.type === 'zone')) {
    const fams: (4 | 6)[] = [];
    if (one(z.options, 'masq') === '1') fams.push(4);
    if (one(z.options, 'masq6') === '1') fams.push(6);
    for (const net of many(z.options, 'network')) {
      const dev = deviceOf(plan, net);
      const s = m.get(dev) ?? new Set();
      for (const f of fams) s.add(f);
      if (s.size) m.set(dev, s);
    }
  }
  return m;
}

// -------------------------------------------------------------- realiser

export interface ApplyReport {
  /** every command that changed the router, in order */
  commands: string[];
  changed: { nft: boolean; dnsmasq: boolean; interfaces: string[]; routes: number; rules: number; masq: boolean };
  ms: number;
}

export interface RealiserOptions {
  /** how long to wait for a new upstream tunnel's first handshake (default 15 s) */
  handshakeTimeoutMs?: number;
  /** environment for `nft` (e.g. TZ: nft converts `meta hour` to UTC with the loading process's time zone, as
   *  fw4 does on a router with /etc/TZ); changing it makes the next apply() reload the table */
  nftEnv?: Record<string, string>;
}

const EMPTY: Plan = { version: '', enabled: false, table: null, nft: '', dnsmasq: '', nftsets: 0, network: [], firewall: [], dhcp: [], marks: { mask: '', direct: '' }, upstreams: [], clients: [], sets: [], groups: [], watch: null };

/** Holds the plan in force in the lab router and moves it to another one. */
export class Realiser {
  /** the plan in force (null: none) */
  plan: Plan | null = null;
  private log: string[] = [];
  private downIfaces = new Set<string>();
  private nftEnvLoaded = '{}';
  constructor(readonly lab: Lab, readonly opts: RealiserOptions = {}) {}

  // every router command goes through here: logged, and a failure names the step
  private async run(step: string, argv: string[], o: { input?: string; okIf?: RegExp; env?: Record<string, string> } = {}): Promise<void> {
    const r = await this.lab.tryExec(R, argv, { input: o.input, env: o.env });
    if (r.code !== 0) {
      if (o.okIf && o.okIf.test(r.stderr)) return;
      const cmd = argv.join(' ') + (o.input !== undefined ? ' <<EOF …' : '');
      const numbered = o.input !== undefined
        ? '\n' + o.input.split('\n').map((l, i) => `${String(i + 1).padStart(4)}| ${l}`).join('\n') : '';
      throw new RealiseError(step, `[${R}] command failed (exit ${r.code}): ${cmd}\n  ${(r.stderr.trim() || r.stdout.trim() || '(no output)').split('\n').join('\n  ')}${numbered}`, R, cmd);
    }
    this.log.push(argv.join(' '));
  }

  private async step<T>(step: string, f: () => Promise<T>): Promise<T> {
    try { return await f(); } catch (e) {
      if (e instanceof RealiseError) throw e;
      if (e instanceof LabCommandError) throw new RealiseError(step, e.message, e.ns, e.command);
      throw new RealiseError(step, (e as Error).message);
    }
  }

  /** Make the router match `next` (diffing against the plan in force). */
  async apply(next: Plan): Promise<ApplyReport> {
    const t0 = Date.now();
    this.log = [];
    check(next);
    const prev = this.plan ?? EMPTY;
    const changed: ApplyReport['changed'] = { nft: false, dnsmasq: false, interfaces: [], routes: 0, rules: 0, masq: false };

    const index = (p: Plan) => new Map(p.network.map((s) => [key(s), s]));
    const before = index(prev), after = index(next);
    const gone = (s: UciSection) => !same(s, after.get(key(s)));      // removed or changed
    const fresh = (s: UciSection) => !same(s, before.get(key(s)));    // added or changed
    const kind = (s: UciSection) => s.type.replace(/6$/, '');

    // a disabled / empty plan: stop classifying first
    if (!next.nft && prev.nft) { await this.step('nft: delete table', () => this.run('nft delete table', ['nft', 'delete', 'table', 'inet', 'splitwg'], { okIf: /No such file/ })); changed.nft = true; }

    // 1. rules and routes that went away or changed
    for (const s of prev.network.filter((x) => kind(x) === 'rule' && gone(x))) {
      await this.run(`network ${s.type} '${s.name}' (remove)`, ruleArgv(prev, s, 'del'), { okIf: /No such file|No such process/ });
      changed.rules++;
    }
    for (const s of prev.network.filter((x) => kind(x) === 'route' && gone(x))) {
      await this.run(`network ${s.type} '${s.name}' (remove)`, routeArgv(prev, s, 'del'), { okIf: /No such process|Cannot find device|No such device/ });
      changed.routes++;
    }

    // 2. WireGuard interfaces: removed, created, updated in place
    const ifaces = (p: Plan) => p.network.filter((s) => s.type === 'interface');
    const ifChanged = (name: string) => {
      const a = [before.get(`interface ${name}`), ...peersOf(prev, name)];
      const b = [after.get(`interface ${name}`), ...peersOf(next, name)];
      return JSON.stringify(a.map((s) => s && [s.name, s.options])) !== JSON.stringify(b.map((s) => s && [s.name, s.options]));
    };
    for (const s of ifaces(prev).filter((x) => !after.has(key(x)))) {
      await this.step(`network interface '${s.name}' (remove)`, () => this.lab.removeWg(R, s.name));
      this.log.push(`removeWg ${s.name}`);
      this.downIfaces.delete(s.name);
      changed.interfaces.push(s.name);
    }
    const created: string[] = [];
    const revived = new Set<string>(); // taken down by ifdown(): their unchanged routes went with the link
    // A new interface whose packets carry a mark (a cascaded upstream's) comes up after the ip rules,
    // as netifd's do (its rules are in place before a proto handler runs): its first handshake is
    // routed by them. (wireguard-go, unlike the kernel's WireGuard, keeps the source address of
    // its first packets even when a later route leaves by another device.)
    const deferred: UciSection[] = [];
    for (const s of ifaces(next)) {
      const wasDown = this.downIfaces.has(s.name);
      if (before.has(key(s)) && !ifChanged(s.name) && !wasDown) continue;
      changed.interfaces.push(s.name);
      if (before.has(key(s)) && !wasDown) await this.updateWg(prev, next, s);
      else if (one(s.options, 'fwmark') !== undefined) deferred.push(s);
      else { await this.createWg(next, s); created.push(s.name); if (wasDown) revived.add(s.name); }
    }

    // 3. routes, then rules (a rule pointing into a table only once its routes, incl. the kill switch, exist)
    const ifaceOf = (x: UciSection) => one(x.options, 'interface') ?? '';
    const later = new Set(deferred.map((x) => x.name));
    const addRoutes = async (pick: (x: UciSection) => boolean) => {
      for (const s of next.network.filter((x) => kind(x) === 'route' && pick(x))) {
        await this.run(`network ${s.type} '${s.name}'`, routeArgv(next, s, 'add'));
        changed.routes++;
      }
    };
    await addRoutes((x) => (fresh(x) || revived.has(ifaceOf(x))) && !later.has(ifaceOf(x)));
    for (const s of next.network.filter((x) => kind(x) === 'rule' && fresh(x))) {
      await this.run(`network ${s.type} '${s.name}'`, ruleArgv(next, s, 'add'));
      changed.rules++;
    }
    for (const s of deferred) {
      const wasDown = this.downIfaces.has(s.name);
      await this.createWg(next, s); created.push(s.name); if (wasDown) revived.add(s.name);
    }
    await addRoutes((x) => later.has(ifaceOf(x)));

    // 4. firewall: masquerade per device and family
    const m0 = masqOf(prev), m1 = masqOf(next);
    for (const [dev, fams] of m0) for (const f of fams) if (!m1.get(dev)?.has(f)) {
      await this.step(`firewall: masquerade off ${dev} (IPv${f})`, () => this.lab.masquerade(dev, false, f).catch((e: Error) => {
        if (!/No such file|does not exist|Could not process rule/.test(e.message)) throw e; // the device may be gone already
      }));
      this.log.push(`masquerade ${dev} IPv${f} off`); changed.masq = true;
    }
    for (const [dev, fams] of m1) for (const f of fams) if (!m0.get(dev)?.has(f)) {
      await this.step(`firewall: masquerade ${dev} (IPv${f})`, () => this.lab.masquerade(dev, true, f));
      this.log.push(`masquerade ${dev} IPv${f}`); changed.masq = true;
    }

    // 5. the nft table: checked, then loaded atomically
    const nftEnv = JSON.stringify(this.opts.nftEnv ?? {});
    // what moving from the previous plan needs (stale sets): also when only a set's domains changed
    const transition = nftTransition(prev.nft ? prev.sets : null, next.sets);
    if (next.nft && (next.nft !== prev.nft || transition !== '' || nftEnv !== this.nftEnvLoaded)) {
      const script = next.nft + transition;
      await this.run('nft: check the table (nft -c)', ['nft', '-c', '-f', '-'], { input: script, env: this.opts.nftEnv });
      await this.run('nft: load the table', ['nft', '-f', '-'], { input: script, env: this.opts.nftEnv });
      this.nftEnvLoaded = nftEnv;
      changed.nft = true;
    }

    // 6. dnsmasq: the nftset lines, then a restart (a restart also empties its cache)
    if (next.dnsmasq !== prev.dnsmasq) {
      await this.step('dnsmasq: write splitwg.conf and restart', async () => {
        const f = join(this.lab.routerDnsConfDir, 'splitwg.conf');
        mkdirSync(this.lab.routerDnsConfDir, { recursive: true });
        if (next.dnsmasq) writeFileSync(f, next.dnsmasq); else rmSync(f, { force: true });
        await this.lab.restartRouterDns();
      });
      this.log.push('dnsmasq restart');
      changed.dnsmasq = true;
    }

    // 7. new upstream tunnels: wait for their first handshake (bounded), so traffic can flow
    await this.waitTunnels(next, created);
    this.plan = next;
    return { commands: this.log, changed, ms: Date.now() - t0 };
  }

  /** Remove everything the plan in force put on the router. */
  async remove(): Promise<ApplyReport> {
    const r = await this.apply(EMPTY);
    this.plan = null;
    return r;
  }

  /**
   * Delete the table and load the plan's again — losing every learned set element — and restart
   * dnsmasq so names are looked up afresh. (Not what a router does on apply; for tests that must
   * start from a clean table.)
   */
  async reloadTable(): Promise<void> {
    const plan = this.plan;
    if (!plan?.nft) return;
    await this.run('nft: delete table', ['nft', 'delete', 'table', 'inet', 'splitwg'], { okIf: /No such file/ });
    await this.run('nft: load the table', ['nft', '-f', '-'], { input: plan.nft, env: this.opts.nftEnv });
    await this.step('dnsmasq: restart', () => this.lab.restartRouterDns());
  }

  private async createWg(plan: Plan, s: UciSection): Promise<void> {
    const peers = peersOf(plan, s.name);
    await this.step(`network interface '${s.name}' (create)`, async () => {
      await this.lab.createWg(R, s.name, wgConfigOf(s, peers));
      this.log.push(`createWg ${s.name}`);
      for (const a of peerRouteArgv(s.name, peers, 'add')) await this.run(`network interface '${s.name}': peer route`, a);
    });
    this.downIfaces.delete(s.name);
  }

  /** like netifd reloading an interface whose config changed: keys/peers with `wg syncconf` (sessions of unchanged peers survive), addresses and routes diffed */
  private async updateWg(prev: Plan, next: Plan, s: UciSection): Promise<void> {
    const old = prev.network.find((x) => x.type === 'interface' && x.name === s.name)!;
    const oldPeers = peersOf(prev, s.name), peers = peersOf(next, s.name);
    const cfg = wgConfigOf(s, peers);
    await this.step(`network interface '${s.name}' (update)`, async () => {
      const dir = statePath('wg');
      mkdirSync(dir, { recursive: true, mode: 0o700 });
      const file = join(dir, `${R}.${s.name}.sync.conf`);
      writeFileSync(file, wgConfText(cfg), { mode: 0o600 });
      await this.run(`network interface '${s.name}': wg syncconf`, ['wg', 'syncconf', s.name, file]);
      const was = new Set(many(old.options, 'addresses')), now = new Set(cfg.addresses);
      for (const a of was) if (!now.has(a)) await this.run(`network interface '${s.name}': address`, ['ip', 'addr', 'del', a, 'dev', s.name], { okIf: /Cannot assign/ });
      for (const a of now) if (!was.has(a)) await this.run(`network interface '${s.name}': address`, ['ip', 'addr', 'add', a, 'dev', s.name, ...(isV6(a) ? ['nodad'] : [])]);
      if (one(old.options, 'mtu') !== one(s.options, 'mtu')) await this.run(`network interface '${s.name}': mtu`, ['ip', 'link', 'set', 'dev', s.name, 'mtu', one(s.options, 'mtu') ?? '1420']);
      const key = (a: string[]) => a.slice(4).join(' ');
      const r0 = peerRouteArgv(s.name, oldPeers, 'del'), r1 = peerRouteArgv(s.name, peers, 'add');
      for (const a of r0) if (!r1.some((b) => key(b) === key(a))) await this.run(`network interface '${s.name}': peer route`, a, { okIf: /No such process/ });
      for (const a of r1) if (!r0.some((b) => key(b) === key(a))) await this.run(`network interface '${s.name}': peer route`, a);
    });
  }

  private async waitTunnels(plan: Plan, names: string[]): Promise<void> {
    await Promise.all(names.map(async (name) => {
      const peers = peersOf(plan, name).filter((p) => one(p.options, 'endpoint_host') && Number(one(p.options, 'persistent_keepalive') ?? 0) > 0);
      for (const p of peers) {
        await this.step(`network interface '${name}': first handshake`, () =>
          waitHandshake(R, name, this.opts.handshakeTimeoutMs ?? 15_000, one(p.options, 'public_key')));
      }
    }));
  }

  /**
   * netifd `ifdown <iface>`: OpenWrt's wireguard protocol handler deletes the link, and every route
   * through it goes with it; rules, other tables' routes and the `unreachable` kill-switch routes stay.
   */
  async ifdown(name: string): Promise<void> {
    this.need(name);
    await this.step(`ifdown ${name}`, () => this.lab.removeWg(R, name));
    this.log.push(`ifdown ${name}`);
    this.downIfaces.add(name);
  }

  /** netifd `ifup <iface>`: the interface again from the plan's sections, then its routes; waits for the handshake. */
  async ifup(name: string): Promise<void> {
    const plan = this.need(name);
    const s = plan.network.find((x) => x.type === 'interface' && x.name === name)!;
    await this.createWg(plan, s);
    for (const r of plan.network.filter((x) => x.type.startsWith('route') && one(x.options, 'interface') === name)) {
      await this.run(`ifup ${name}: ${r.type} '${r.name}'`, routeArgv(plan, r, 'add'));
    }
    await this.waitTunnels(plan, [name]);
  }

  private need(name: string): Plan {
    const plan = this.plan;
    if (!plan || !plan.network.some((x) => x.type === 'interface' && x.name === name)) throw new RealiseError(`ifup/ifdown ${name}`, 'no such interface in the plan in force');
    return plan;
  }
}
