// The newcomer demo: the default example config, compiled by the core, realised on a router made
// of network namespaces, and real traffic from every client. Prints, per client and destination,
// the path explain() predicts and the path the packets really took (the source address the
// "internet" saw), then tears everything down.
//
//   node --import tsx lab/demo.ts         (as root; `npm run demo`)
//
// Exit code: 0 all paths as predicted, 1 a mismatch, 2 the lab could not be built or run.

import { labNamespaces, labStateDirs } from './cleanup.ts';
import { DepsError, ensureDeps, REQUIRED } from './deps.ts';
import { ConfigError, startLab } from './harness.ts';
import { DEBUG, LabCommandError } from './netns.ts';
import { RealiseError } from './realise.ts';
import { down } from './topology.ts';
import { formatGrid, routerNow, runGrid, SOURCE_OF } from './traffic.ts';

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

async function main(): Promise<number> {
  out('splitwg lab demo: a router, two upstream VPSes, three LAN devices and a road-warrior phone in network namespaces');
  out('');
  await step(`tools (${REQUIRED.map((r) => r.bin).join(', ')})`, () => ensureDeps({ install: true }));
  let code = 2;
  const before = new Set([...labNamespaces(), ...labStateDirs()]);
  try {
    const s = await startLab({
      onStart: (name) => { stepName = name; process.stdout.write(`• ${name} … `); },
      onStep: (_name, ms) => out(`done (${secs(ms)})`),
    });
    stepName = 'sending traffic from every client';
    out(`  the default example config: ${s.plan.upstreams.map((u) => `upstream ${u.name} → ${u.iface} (table ${u.table})`).join(', ')}; ` +
      `clients ${s.plan.clients.map((c) => `${c.name} (${c.kind})`).join(', ')}`);
    const at = await routerNow(s.lab);
    const rows = await step(`sending real traffic from every client (router time ${at})`, () => runGrid(s.lab, s.config));
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
