// The newcomer demo: a config (lab/demo.conf, or the user's own), compiled by the core, realised on
// a router made of network namespaces, and real traffic from every client. Prints, per client and
// destination, the path explain() predicts and the path the packets really took (the source
// address the "internet" saw), then tears everything down.
//
//   npm run demo                       (as root) lab/demo.conf
//   npm run demo -- --config FILE      your copy of it: checked first (the core's check, then
//                                      whether it fits the lab's hosts), the lab only if it passes
//
// Exit code: 0 all paths as predicted, 1 a mismatch, 2 the lab could not be built or run,
// 3 the config (or the command line) was rejected: nothing was built.

import { readFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { labNamespaces, labStateDirs } from './cleanup.ts';
import { DepsError, ensureDeps, REQUIRED } from './deps.ts';
import { ConfigError, startLab } from './harness.ts';
import { checkDemoConfig, DEMO_CONF, fillLabKeys } from './lab-config.ts';
import { DEBUG, LabCommandError } from './netns.ts';
import { RealiseError } from './realise.ts';
import { down } from './topology.ts';
import { formatGrid, GRID, routerNow, runGrid, SOURCE_OF } from './traffic.ts';

const out = (s = '') => process.stdout.write(s + '\n');
const secs = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

let stepName = 'starting';
async function step<T>(name: string, f: () => Promise<T> | T): Promise<T> {
  stepName = name;
  process.stdout.write(`• ${name} … `);
  const t0 = Date.now();
  const r = await f();
  out(`done (${secs(Date.now() - t0)})`);
  return r;
}

function explainFailure(e: unknown): string {
  const err = e as Error;
  const lines = [`FAILED while: ${stepName}`];
  if (e instanceof RealiseError) lines.push(`  step:      ${e.step}`, ...(e.ns ? [`  namespace: ${e.ns}`] : []), ...(e.command ? [`  command:   ${e.command.split('\n')[0]}`] : []), `  ${e.detail.split('\n').join('\n  ')}`);
  else if (e instanceof LabCommandError) lines.push(`  namespace: ${e.ns}`, `  command:   ${e.command.split('\n')[0]}`, `  exit:      ${e.code}`, `  output:    ${(e.stderr.trim() || e.stdout.trim() || '(none)').split('\n').join('\n             ')}`);
  else if (e instanceof DepsError || e instanceof ConfigError) lines.push(`  ${err.message.split('\n').join('\n  ')}`);
  else lines.push(`  ${(err?.message ?? String(e)).split('\n').join('\n  ')}`);
  if (DEBUG && err?.stack) lines.push('', err.stack);
  else lines.push('', '(SWL_LAB_DEBUG=1 shows every command with its timing, and the stack)');
  return lines.join('\n');
}

const USAGE = `usage: npm run demo [-- --config FILE]
  --config FILE   run the lab with FILE instead of lab/demo.conf (start from a copy of it: the
                  comments at its top say what the lab needs kept); checked before anything is built
  --help, -h      this text`;

/** the config file to run, from the command line; exits 3 on a usage error */
function configArg(argv: string[]): string {
  let file = DEMO_CONF;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--help' || a === '-h') { out(USAGE); process.exit(0); }
    if (a === '--config' && i + 1 < argv.length) file = resolve(argv[++i]!);
    else if (a.startsWith('--config=')) file = resolve(a.slice('--config='.length));
    else { process.stderr.write(`demo: ${a === '--config' ? '--config needs a FILE' : `unknown argument ${a}`}\n${USAGE}\n`); process.exit(3); }
  }
  return file;
}

/** a path as the user would type it: relative to the current directory when inside it */
const shown = (file: string) => { const r = relative(process.cwd(), file); return r && !r.startsWith('..') ? r : file; };

async function main(): Promise<number> {
  const file = configArg(process.argv.slice(2));
  let text: string;
  try { text = readFileSync(file, 'utf8'); } catch (e) {
    process.stderr.write(`demo: cannot read ${shown(file)}: ${(e as Error).message}\n`);
    return 3;
  }
  out(`splitwg lab demo: a router, two upstream VPSes, three LAN devices and a road-warrior phone in network namespaces`);
  out(`config: ${shown(file)}`);
  const checked = checkDemoConfig(text, shown(file));
  for (const w of checked.warnings) process.stderr.write(`${w}\n`);
  if (!checked.config) {
    for (const p of checked.problems) process.stderr.write(`${p}\n`);
    process.stderr.write(`demo: ${checked.problems.length} problem(s) in ${shown(file)}: nothing was built\n`);
    return 3;
  }
  const cfg = checked.config;
  out('');
  await step(`tools (${REQUIRED.map((r) => r.bin).join(', ')})`, () => ensureDeps({ install: true }));
  let code = 2;
  const before = new Set([...labNamespaces(), ...labStateDirs()]);
  try {
    const s = await startLab({
      config: (lab) => fillLabKeys(text, lab.wg),
      onStart: (name) => { stepName = name; process.stdout.write(`• ${name} … `); },
      onStep: (_name, ms) => out(`done (${secs(ms)})`),
    });
    stepName = 'sending traffic from every client';
    out(`  ${shown(file)}: ${s.plan.upstreams.map((u) => `upstream ${u.name} → ${u.iface} (table ${u.table})`).join(', ')}; ` +
      `clients ${s.plan.clients.map((c) => `${c.name} (${c.kind})`).join(', ')}`);
    const at = await routerNow(s.lab);
    // the grid's probes of the clients the file has (a copy may leave a LAN device out)
    const probes = GRID.filter((p) => cfg.clients.some((c) => c.name === p.client));
    const rows = await step(`sending real traffic from every client (router time ${at})`, () => runGrid(s.lab, s.config, probes));
    out('');
    out(formatGrid(rows, s.config));
    out('');
    out(`sources: direct = ${SOURCE_OF.direct.v4} / ${SOURCE_OF.direct.v6} (the router's WAN), a = ${SOURCE_OF.a.v4} / ${SOURCE_OF.a.v6}, b = ${SOURCE_OF.b.v4} / ${SOURCE_OF.b.v6} (the VPSes)`);
    const bad = rows.filter((r) => !r.ok);
    for (const r of bad) {
      out(`MISMATCH ${r.probe.client} → ${r.probe.dest}: explain() says ${r.expected.path} (${r.expected.why.reason}); ` +
        `the packets went ${r.observed.path}${r.observed.src ? ` (source ${r.observed.src})` : ''}${r.observed.error ? ` [${r.observed.error}]` : ''}`);
    }
    out(bad.length ? `${bad.length} of ${rows.length} paths differ from explain()` : `all ${rows.length} paths as explain() predicted`);
    code = bad.length ? 1 : 0;
  } catch (e) {
    out('');
    process.stderr.write(explainFailure(e) + '\n');
    code = 2;
  } finally {
    stepName = 'tearing the lab down';
    try {
      await step('tearing the lab down', () => down());
      const left = [...labNamespaces(), ...labStateDirs()].filter((x) => !before.has(x));
      out(left.length ? `left behind: ${left.join(' ')}` : 'host unchanged: no swl-* namespaces, processes or files left');
      if (left.length) code = 2;
    } catch (e) {
      process.stderr.write(explainFailure(e) + '\n');
      code = 2;
    }
  }
  return code;
}

main().then((c) => process.exit(c), (e) => { process.stderr.write(explainFailure(e) + '\n'); process.exit(2); });
