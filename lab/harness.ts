// The lab with a splitwg config applied: up() without the router's hard-coded tunnels, the config
// compiled by the core, the plan put on the router, the phone connected. Used by the scenario
// tests, the cleanliness checks and the demo. Two ways to put a plan on the router:
//
//   'direct'  the lab's realiser (lab/realise.ts) turns the plan into ip/wg/nft/dnsmasq commands
//   'apply'   the router's own apply transaction (src/router) on a lab Env (lab/router-env.ts):
//             real nft and dnsmasq; netifd/fw4/dnsmasq-service requests realised by the realiser

import assert from 'node:assert/strict';
import { NS } from './addresses.ts';
import type { ApplyResult } from '../src/router/apply.ts';
import { ApplyRouter, type RouterRun } from './apply-router.ts';
import { compile, parseUci, readConfig, type Config, type Plan } from './core.ts';
import { labConfig } from './lab-config.ts';
import { Realiser, type ApplyReport, type RealiserOptions } from './realise.ts';
import { up, type Lab, type UpOptions } from './topology.ts';
import { waitHandshake } from './wg.ts';
import { observe, type Path, type Probe } from './traffic.ts';
import { format } from '../src/core/messages';

/** The config text did not compile: every problem, with its path. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`the config has ${problems.length} problem(s):\n  ${problems.join('\n  ')}`);
    this.name = 'ConfigError';
  }
}

/** src/router's apply failed where the caller expected it to succeed */
export class RouterApplyError extends Error {
  constructor(readonly result: ApplyResult, readonly calls: string[]) {
    super(`splitwg apply failed: ${result.message}\n  commands: ${calls.join('\n            ')}`);
    this.name = 'RouterApplyError';
  }
}

export function compileText(text: string): { config: Config; plan: Plan } {
  const { sections, errors } = parseUci(text);
  if (errors.length) throw new ConfigError(errors.map((e) => `line ${e.line}: ${format(e)}`));
  const { config, problems } = readConfig(sections);
  if (!config) throw new ConfigError(problems.map((p) => `${p.path}: ${format(p)}`));
  return { config, plan: compile(config) };
}

export type Mode = 'direct' | 'apply';

/** what an apply did; in 'apply' mode nft/dnsmasq are the router's verdict, the rest what netifd/fw4 (the realiser) changed */
export interface SessionReport extends ApplyReport {
  /** 'apply' mode: the router's run (result, every command, what was realised) */
  router?: RouterRun;
}

export interface Session {
  lab: Lab;
  mode: Mode;
  /** 'direct': puts plans on the router; 'apply': netifd/fw4 for the router's requests */
  rz: Realiser;
  /** 'apply' mode: the router logic (src/router) in its lab Env */
  router: ApplyRouter | null;
  text: string;
  config: Config;
  plan: Plan;
  /** compile `text` and move the router to it (diffing against what is in force) */
  apply(text: string): Promise<SessionReport>;
  /** netifd takes an interface down / up (the realiser's emulation, in both modes) */
  ifdown(iface: string): Promise<void>;
  ifup(iface: string): Promise<void>;
  /** environment of the process loading nft (TZ); takes effect on the next load of the table */
  setNftEnv(env: Record<string, string> | undefined): Promise<void>;
  /** a fresh table (learned set elements gone) and a restarted dnsmasq */
  reloadTable(): Promise<void>;
  /** take everything of the plan back out ('apply': `splitwg stop`) */
  remove(): Promise<SessionReport>;
  /** stop the router worker ('apply' mode) */
  close(): Promise<void>;
}

export interface StartOptions extends RealiserOptions {
  /** how the plan is put on the router (default 'direct') */
  mode?: Mode;
  /** the config text (default: lab/demo.conf with the lab's keys) */
  config?: (lab: Lab) => string | Promise<string>;
  up?: UpOptions;
  /** called before / after each step, for progress output */
  onStart?: (step: string) => void;
  onStep?: (step: string, ms: number) => void;
}

/** a router run as a report in the realiser's terms */
function reportOf(run: RouterRun, ms: number): SessionReport {
  const r = run.realised;
  return {
    commands: [...run.result.actions, ...r.flatMap((x) => x.commands)],
    changed: {
      nft: run.result.changed.nft, dnsmasq: run.result.changed.dnsmasq,
      interfaces: [...new Set(r.flatMap((x) => x.changed.interfaces))],
      routes: r.reduce((n, x) => n + x.changed.routes, 0), rules: r.reduce((n, x) => n + x.changed.rules, 0),
      masq: r.some((x) => x.changed.masq),
    },
    ms, router: run,
  };
}

async function routerRun(router: ApplyRouter, f: () => Promise<RouterRun>): Promise<SessionReport> {
  const t0 = Date.now();
  const run = await f();
  if (!run.result.ok) throw new RouterApplyError(run.result, run.calls);
  return reportOf(run, Date.now() - t0);
}

/** Bring the lab up and apply a config. On failure the lab is left up: the caller's down() removes it. */
export async function startLab(opts: StartOptions = {}): Promise<Session> {
  const step = async <T>(name: string, f: () => Promise<T>): Promise<T> => {
    opts.onStart?.(name);
    const t0 = Date.now();
    const r = await f();
    opts.onStep?.(name, Date.now() - t0);
    return r;
  };
  const mode = opts.mode ?? 'direct';
  const lab = await step('lab up (namespaces, links, services, upstream VPSes)', () => up({ ...opts.up, routerWg: false }));
  const text = await (opts.config ? opts.config(lab) : labConfig(lab.wg));
  const { config, plan } = await step('config compiled to a plan (src/core)', async () => compileText(text));
  const rz = new Realiser(lab, { handshakeTimeoutMs: opts.handshakeTimeoutMs, nftEnv: opts.nftEnv });
  let router: ApplyRouter | null = null;
  if (mode === 'apply') {
    router = new ApplyRouter(lab, rz, text);
    if (opts.nftEnv) await router.setNftEnv(opts.nftEnv);
    const r = router;
    await step('plan applied on swl-router by src/router (nft, dnsmasq; netifd/fw4 realised)', () => routerRun(r, () => r.apply()));
  } else {
    await step('plan realised on swl-router (interfaces, routes, rules, nft, dnsmasq)', () => rz.apply(plan));
  }
  await step('phone connected to the router\'s WireGuard server', async () => {
    await lab.connectPhone();
    await waitHandshake(NS.router, 'sw_server', 10_000, lab.wg.phone.publicKey);
  });
  await step('probe agents started', () => lab.warm());
  const s: Session = {
    lab, mode, rz, router, text, config, plan,
    async apply(t: string) {
      const c = compileText(t);
      let r: SessionReport;
      if (router) {
        const rt = router;
        await rt.setConfig('splitwg', t);
        r = await routerRun(rt, () => rt.apply());
      } else r = await rz.apply(c.plan);
      s.text = t; s.config = c.config; s.plan = c.plan;
      return r;
    },
    ifdown: (iface) => rz.ifdown(iface),
    ifup: (iface) => rz.ifup(iface),
    async setNftEnv(env) {
      rz.opts.nftEnv = env;
      await router?.setNftEnv(env);
    },
    async reloadTable() {
      if (!router) return rz.reloadTable();
      const rt = router;
      await lab.exec(NS.router, ['nft', 'delete', 'table', 'inet', 'splitwg']);
      const r = await routerRun(rt, () => rt.apply());
      if (!r.changed.nft) throw new Error('reloadTable: the router did not notice its table was gone');
      await lab.restartRouterDns();
    },
    async remove() {
      if (!router) return rz.remove();
      const rt = router;
      return routerRun(rt, () => rt.stop());
    },
    async close() { await router?.close(); },
  };
  return s;
}

// ------------------------------------------------------------ nft state

export interface RuleCounter { comment: string; packets: number; handle: number }

/** counters of the rules of one chain of `inet splitwg`, in order */
export async function ruleCounters(lab: Lab, chain: string): Promise<RuleCounter[]> {
  const out = JSON.parse(await lab.exec(NS.router, ['nft', '-j', 'list', 'chain', 'inet', 'splitwg', chain])) as {
    nftables: { rule?: { handle: number; comment?: string; expr: Record<string, { packets?: number }>[] } }[];
  };
  return out.nftables.filter((x) => x.rule).map(({ rule }) => ({
    comment: rule!.comment ?? '',
    handle: rule!.handle,
    packets: rule!.expr.reduce((n, e) => n + (e.counter?.packets ?? 0), 0),
  }));
}

/** total packets counted by the rules of `chain` whose comment contains `what` */
export async function counted(lab: Lab, chain: string, what: string): Promise<number> {
  return (await ruleCounters(lab, chain)).filter((r) => r.comment.includes(what)).reduce((n, r) => n + r.packets, 0);
}

/** what a client chain's packets matched in rule set `ruleset`: the counter of its jump into the rule set's chain minus
 *  the bare counter after it (what came back unmatched) — the rule set's own chain is shared by every client of its binding */
export async function rulesetHits(lab: Lab, chain: string, ruleset: string): Promise<number> {
  const rules = (await ruleCounters(lab, chain)).filter((r) => r.comment.startsWith(`ruleset.${ruleset}: `));
  assert.equal(rules.length, 2, `${chain} jumps to ruleset ${ruleset} once: ${JSON.stringify(rules)}`);
  return rules[0]!.packets - rules[1]!.packets;
}

export async function setText(lab: Lab, set: string): Promise<string> {
  return lab.exec(NS.router, ['nft', 'list', 'set', 'inet', 'splitwg', set]);
}

/** the elements of a set, sorted */
export async function setElements(lab: Lab, set: string): Promise<string[]> {
  const m = /elements = \{([^}]*)\}/s.exec(await setText(lab, set));
  return m ? m[1]!.split(',').map((e) => e.trim()).filter(Boolean).sort() : [];
}

/** every rule of the table as chain:handle (a reload of the table gives new handles) */
export async function ruleHandles(lab: Lab): Promise<string> {
  const j = JSON.parse(await lab.exec(NS.router, ['nft', '-j', 'list', 'table', 'inet', 'splitwg'])) as { nftables: { rule?: { chain: string; handle: number } }[] };
  return j.nftables.filter((x) => x.rule).map((x) => `${x.rule!.chain}:${x.rule!.handle}`).join(' ');
}

/** the path a probe takes is `want` (observed twice before giving up: a set just refilled) */
export async function assertPath(lab: Lab, p: Probe, want: Path, why: string): Promise<void> {
  let o = await observe(lab, p, { timeoutMs: 3000 });
  if (o.path !== want) o = await observe(lab, p, { timeoutMs: 6000 });
  assert.equal(o.path, want, `${p.client} → ${p.dest}: observed ${o.path}${o.src ? ` (${o.src})` : ''}${o.error ? ` [${o.error}]` : ''}; expected ${want} — ${why}`);
}

export async function setHas(lab: Lab, set: string, addr: string): Promise<boolean> {
  const t = await setText(lab, set);
  const m = /elements = \{([^}]*)\}/s.exec(t);
  return !!m && m[1]!.split(',').map((e) => e.trim().split(/\s+/)[0]).includes(addr);
}

export async function flushSets(lab: Lab, sets: string[]): Promise<void> {
  await lab.nft(NS.router, sets.map((n) => `flush set inet splitwg ${n}\n`).join(''));
}

// ------------------------------------------------------------ time

const toMin = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
export const hhmm = (min: number) => {
  const m = ((Math.round(min) % 1440) + 1440) % 1440;
  return `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
};

/** a window [now + from, now + to) in minutes, as start/stop HH:MM (wrapping at midnight) */
export function windowAround(at: string, from: number, to: number): { start: string; stop: string } {
  const now = toMin(at.slice(-5));
  return { start: hhmm(now + from), stop: hhmm(now + to) };
}

export { toMin as minutesOf };
