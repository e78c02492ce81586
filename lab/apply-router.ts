// The lab router driven by src/router's apply transaction (the main-thread side; the transaction
// itself runs in lab/router-worker.ts on the Env of lab/router-env.ts). When the router asks for
// netifd, fw4 or the dnsmasq service, the request arrives here and is realised with the lab's
// realiser (lab/realise.ts) for the sections the router committed:
//
//   network reload / renew   → realiser: the owned network sections (interfaces, peers, rules, routes)
//   ifup X                   → realiser: X down (wireguard.sh deletes the link), then the sections
//   fw4 reload               → realiser: the owned firewall sections (masquerade per zone)
//   dnsmasq restart          → the lab router's dnsmasq restarted (its conf-dir holds apply's file)
//
// The realiser never touches nft or dnsmasq here (its plan has neither): the router does that.

import { MessageChannel, Worker, type MessagePort } from 'node:worker_threads';
import { join } from 'node:path';
import type { ApplyResult } from '../src/router/apply.ts';
import type { DoctorReply } from '../src/router/doctor.ts';
import type { StatsReply } from '../src/router/status.ts';
import type { UpdateResult } from '../src/router/subscriptions.ts';
import type { HealthFile } from '../src/router/health.ts';
import type { RunResult } from '../src/router/env.ts';
import type { Plan, UciSection } from './core.ts';
import { statePath } from './netns.ts';
import { LAB_NETWORKS, type ApplyReport, type Realiser } from './realise.ts';
import type { RealiseRequest } from './router-env.ts';
import type { WorkerInit, WorkerOp } from './router-worker.ts';
import type { Lab } from './topology.ts';

const OK: RunResult = { code: 0, stdout: '', stderr: '' };

export interface RouterRun {
  result: ApplyResult;
  /** every command the router ran, argv joined by spaces */
  calls: string[];
  /** its syslog lines */
  logs: string[];
  /** what was realised for it (netifd/fw4/dnsmasq), in order */
  requests: string[];
  /** the realiser's reports for the network/firewall requests */
  realised: ApplyReport[];
}

export interface RouterFiles { nft: string | null; dnsmasq: string | null; state: string | null }

/** the plan the realiser is given: only sections (nft and dnsmasq are the router's own business) */
function sectionsPlan(network: UciSection[], firewall: UciSection[]): Plan {
  return { version: '', enabled: true, table: null, nft: '', dnsmasq: '', nftsets: 0, network, firewall, dhcp: [], marks: { mask: '', direct: '' }, upstreams: [], clients: [], sets: [], groups: [], watch: null };
}

/** a zone's networks that netifd no longer has match no device: dropped until fw4 reloads */
function knownNetworks(firewall: UciSection[], network: UciSection[]): UciSection[] {
  const known = new Set([...Object.keys(LAB_NETWORKS), ...network.filter((s) => s.type === 'interface').map((s) => s.name)]);
  return firewall.map((s) => {
    const nets = s.options.network;
    if (s.type !== 'zone' || nets === undefined) return s;
    return { ...s, options: { ...s.options, network: (Array.isArray(nets) ? nets : nets.split(/\s+/)).filter((n) => known.has(n)) } };
  });
}

export class ApplyRouter {
  private readonly worker: Worker;
  private readonly port: MessagePort;
  private readonly flag: Int32Array;
  private seq = 0;
  private readonly pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  private requests: string[] = [];
  private realised: ApplyReport[] = [];
  private dead: Error | null = null;

  constructor(readonly lab: Lab, readonly rz: Realiser, splitwg: string) {
    const { port1, port2 } = new MessageChannel();
    const flag = new SharedArrayBuffer(4);
    this.flag = new Int32Array(flag);
    this.port = port1;
    const init: WorkerInit = { root: join(lab.stateDir, 'router-root'), dnsConfDir: lab.routerDnsConfDir, dnsPidFile: statePath('dns', 'router.pid'), splitwg, port: port2, flag };
    // The worker registers tsx itself, then loads the .ts entry (in a worker, `--import tsx` is not
    // in effect for the entry module or a second --import); it installs the ucode builtins itself.
    const boot = `import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))}).then((t) => { t.register(); return import(${JSON.stringify(new URL('./router-worker.ts', import.meta.url).href)}); })`;
    this.worker = new Worker(boot, { eval: true, workerData: init, transferList: [port2], execArgv: [] });
    this.worker.on('message', ({ id, value, error }: { id: number; value?: unknown; error?: string }) => {
      const p = this.pending.get(id);
      this.pending.delete(id);
      if (!this.pending.size) this.worker.unref();
      if (error !== undefined) p?.reject(new Error(`lab router (worker): ${error}`)); else p?.resolve(value);
    });
    const die = (e: Error) => {
      this.dead = e;
      for (const p of this.pending.values()) p.reject(e);
      this.pending.clear();
    };
    this.worker.on('error', die);
    this.worker.on('exit', (code) => die(new Error(`lab router worker exited (${code})`)));
    port1.on('message', (req: RealiseRequest) => {
      void this.realise(req).catch((e: Error) => ({ code: 1, stdout: '', stderr: e.message })).then((res) => {
        port1.postMessage(res);
        Atomics.store(this.flag, 0, 1);
        Atomics.notify(this.flag, 0);
      });
    });
    port1.unref();
    this.worker.unref();
  }

  private call<T>(msg: WorkerOp): Promise<T> {
    if (this.dead) return Promise.reject(this.dead);
    const id = ++this.seq;
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      this.worker.ref(); // a call in flight keeps the process alive (idle, the worker does not)
      this.worker.postMessage({ id, msg });
    });
  }

  private async realise(req: RealiseRequest): Promise<RunResult> {
    const cur = this.rz.plan;
    const network = cur?.network ?? [], firewall = cur?.firewall ?? [];
    const done = async (plan: Plan) => { this.realised.push(await this.rz.apply(plan)); return OK; };
    switch (req.what) {
      case 'dnsmasq':
        this.requests.push('dnsmasq restart');
        await this.lab.restartRouterDns();
        return OK;
      case 'firewall':
        this.requests.push('firewall reload');
        return done(sectionsPlan(network, req.firewall));
      case 'ifup':
        this.requests.push(`ifup ${req.iface}`);
        if (network.some((s) => s.type === 'interface' && s.name === req.iface)) await this.rz.ifdown(req.iface);
        return done(sectionsPlan(req.network, knownNetworks(firewall, req.network)));
      case 'network':
        this.requests.push('network reload');
        return done(sectionsPlan(req.network, knownNetworks(firewall, req.network)));
    }
  }

  private async run(msg: WorkerOp): Promise<RouterRun> {
    this.requests = [];
    this.realised = [];
    const r = await this.call<{ result: ApplyResult; calls: string[]; logs: string[] }>(msg);
    return { ...r, requests: this.requests, realised: this.realised };
  }

  /** `splitwg apply` (or `--dry-run`) on the config in the store */
  apply(opts: { dryRun?: boolean } = {}): Promise<RouterRun> { return this.run({ op: 'apply', dryRun: opts.dryRun }); }
  /** `splitwg stop` */
  stop(): Promise<RouterRun> { return this.run({ op: 'stop' }); }
  /** `splitwg update-lists [NAME]`: the lists fetched, and the apply that refilled changed ones */
  async updateLists(name: string | null = null): Promise<Omit<RouterRun, 'result'> & { result: UpdateResult }> {
    return (await this.run({ op: 'updateLists', name })) as unknown as Omit<RouterRun, 'result'> & { result: UpdateResult };
  }
  /** `splitwg doctor` (read-only) */
  async doctor(): Promise<DoctorReply> { return (await this.call<{ result: DoctorReply }>({ op: 'doctor' })).result; }
  /** `splitwg stats` (read-only: counters, and conntrack's bytes by path) */
  async stats(): Promise<StatsReply> { return (await this.call<{ result: StatsReply }>({ op: 'stats' })).result; }
  /** `splitwg hotplug ACTION IFACE`, as /etc/hotplug.d/iface/90-splitwg runs it after netifd's event: what it did */
  async hotplug(action: string, iface: string): Promise<Omit<RouterRun, 'result'> & { result: string[] }> {
    return (await this.run({ op: 'hotplug', action, iface })) as unknown as Omit<RouterRun, 'result'> & { result: string[] };
  }
  /** replace a config in the UCI store (committed) */
  /** one tick of the health checker (src/router/health.ts), its states kept in the worker between ticks */
  async healthTick(): Promise<Omit<RouterRun, 'result'> & { result: HealthFile | null }> {
    return (await this.run({ op: 'healthTick' })) as unknown as Omit<RouterRun, 'result'> & { result: HealthFile | null };
  }

  setConfig(name: string, text: string): Promise<void> { return this.call({ op: 'config', name, text }); }
  /** a committed config as text */
  uciText(name: string): Promise<string> { return this.call({ op: 'text', name }); }
  /** the installed ruleset-post file, the conf-dir file, the state file */
  files(): Promise<RouterFiles> { return this.call({ op: 'files' }); }
  /** write (null: delete) a file of the router, e.g. a list file under /etc/splitwg/lists */
  writeFile(path: string, text: string | null): Promise<boolean> { return this.call({ op: 'write', path, text }); }
  /** make the next `times` commands matching `pattern` fail with `result` instead of running */
  failNext(pattern: RegExp, result: Partial<RunResult> = {}, times = 1): Promise<void> {
    return this.call({ op: 'fail', pattern: pattern.source, result: { code: 1, stdout: '', stderr: '', ...result }, times });
  }
  /** environment for nft (TZ) */
  setNftEnv(env: Record<string, string> | undefined): Promise<void> { return this.call({ op: 'nftEnv', env: env ?? {} }); }
  /** directories the router's real commands are looked up in before PATH ([]: PATH only) */
  setBinDirs(dirs: string[]): Promise<void> { return this.call({ op: 'binDirs', dirs }); }
  /** what `uci changes <config>` lists (the store's delta of uncommitted `uci set`s; []: none, as after `uci revert`) */
  setPending(config: string, changes: unknown[][]): Promise<void> { return this.call({ op: 'pending', config, changes }); }

  async close(): Promise<void> { this.port.close(); await this.worker.terminate(); }
}
