// A lab run that fails in the middle of a scenario, on purpose, for lab/cleanup.test.ts:
//
//   node --import tsx lab/crash-child.ts <throw | signal | realise-error>
//
// Each mode brings the lab up with the default config, holds a TCP connection open through
// upstream b, starts a capture on the router's WAN, then:
//   throw          an uncaught exception (the process 'exit' handler must clean up)
//   signal         prints READY and waits to be killed (SIGTERM / SIGINT: the signal handler cleans up;
//                  SIGKILL: nothing can run — the next `lab/cleanup.ts` or up() must clean up)
//   realise-error  re-applies a plan whose nft table does not load: the RealiseError must name the
//                  step, namespace and command; then down() as a caller's finally would
// It prints one JSON line per milestone on stdout.

import { NS, SERVICES } from './addresses.ts';
import { startLab } from './harness.ts';
import { RealiseError } from './realise.ts';
import { down } from './topology.ts';

const mode = process.argv[2] ?? '';
const say = (o: object) => process.stdout.write(JSON.stringify(o) + '\n');

async function main(): Promise<void> {
  if (!['throw', 'signal', 'realise-error'].includes(mode)) { process.stderr.write('usage: crash-child.ts throw|signal|realise-error\n'); process.exit(2); }
  const s = await startLab();
  await s.lab.dns(NS.kid, '192.168.77.1', 'video.test');
  const held = await s.lab.holdTcp(NS.kid, SERVICES.web1);
  const echo = await held.send('hello');
  const cap = await s.lab.capture(NS.router, 'wan', 'udp');
  say({ milestone: 'scenario running', stateDir: s.lab.stateDir, echo, capture: cap.iface });

  if (mode === 'throw') throw new Error('forced failure in the middle of a scenario');
  if (mode === 'signal') {
    say({ milestone: 'READY' });
    await new Promise(() => { /* wait for the signal */ });
  }
  // realise-error: a plan whose table does not load
  const broken = { ...s.plan, nft: s.plan.nft.replace('chain prerouting {', 'chain prerouting {\n\t\tthis is not nft') };
  try {
    await s.rz.apply(broken);
    say({ milestone: 'UNEXPECTED: the broken plan applied' });
  } catch (e) {
    const r = e as RealiseError;
    say({ milestone: 'realise failed', name: r.name, step: r.step, ns: r.ns, command: r.command, message: r.message.split('\n').slice(0, 3).join('\n') });
  } finally {
    await down();
  }
  process.exit(3);
}

void main();
