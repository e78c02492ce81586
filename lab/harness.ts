// The lab with a splitwg config applied: up() without the router's hard-coded tunnels, the config
// compiled by the core, the plan realised (lab/realise.ts), the phone connected. Used by the
// scenario tests, the cleanliness checks and the demo.

import { NS } from './addresses.ts';
import { compile, parseUci, readConfig, type Config, type Plan } from './core.ts';
import { labConfig } from './lab-config.ts';
import { Realiser, type ApplyReport, type RealiserOptions } from './realise.ts';
import { up, type Lab, type UpOptions } from './topology.ts';
import { waitHandshake } from './wg.ts';

/** The config text did not compile: every problem, with its path. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`the config has ${problems.length} problem(s):\n  ${problems.join('\n  ')}`);
    this.name = 'ConfigError';
  }
}

export function compileText(text: string): { config: Config; plan: Plan } {
  const { sections, errors } = parseUci(text);
  if (errors.length) throw new ConfigError(errors.map((e) => `line ${e.line}: ${e.message}`));
  const { config, problems } = readConfig(sections);
  if (!config) throw new ConfigError(problems.map((p) => `${p.path}: ${p.message}`));
  return { config, plan: compile(config) };
}

export interface Session {
  lab: Lab;
  rz: Realiser;
  text: string;
  config: Config;
  plan: Plan;
  /** compile `text` and move the router to it (diffing against the plan in force) */
  apply(text: string): Promise<ApplyReport>;
}

export interface StartOptions extends RealiserOptions {
  /** the config text (default: the default example config) */
  config?: (lab: Lab) => string | Promise<string>;
  up?: UpOptions;
  /** called before / after each step, for progress output */
  onStart?: (step: string) => void;
  onStep?: (step: string, ms: number) => void;
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
  const lab = await step('lab up (namespaces, links, services, upstream VPSes)', () => up({ ...opts.up, routerWg: false }));
  const text = await (opts.config ? opts.config(lab) : labConfig(lab.wg));
  const { config, plan } = await step('config compiled to a plan (src/core)', async () => compileText(text));
  const rz = new Realiser(lab, { handshakeTimeoutMs: opts.handshakeTimeoutMs, nftEnv: opts.nftEnv });
  await step('plan realised on swl-router (interfaces, routes, rules, nft, dnsmasq)', () => rz.apply(plan));
  await step('phone connected to the router\'s WireGuard server', async () => {
    await lab.connectPhone();
    await waitHandshake(NS.router, 'sw_server', 10_000, lab.wg.phone.publicKey);
  });
  await step('probe agents started', () => lab.warm());
  const s: Session = {
    lab, rz, text, config, plan,
    async apply(t: string) {
      const c = compileText(t);
      const r = await rz.apply(c.plan);
      s.text = t; s.config = c.config; s.plan = c.plan;
      return r;
    },
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

export async function setText(lab: Lab, set: string): Promise<string> {
  return lab.exec(NS.router, ['nft', 'list', 'set', 'inet', 'splitwg', set]);
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
