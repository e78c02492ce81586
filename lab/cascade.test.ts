// A cascaded upstream (issue 15 part 4): upstream b is reached through upstream a (`option via
// 'a'`). The router's WireGuard packets for b carry a's mark (fwmark), so its ip rules send them
// into sw_a: a client proxied via b leaves VPS B, VPS A sees nothing of it but WireGuard packets
// of the router to VPS B, and the WAN carries none of b's — also while a is down (kill switch).
//
//   flock /tmp/swl-lab.lock npx vitest run --project lab lab/cascade.test.ts     (as root)

import { test, beforeAll, afterAll } from 'vitest';
import assert from 'node:assert/strict';
import { NS, SERVICES, UPSTREAMS, WG_PORT, LINKS } from './addresses.ts';
import { assertPath, startLab, type Session } from './harness.ts';
import { labConfig } from './lab-config.ts';
import { down } from './topology.ts';
import type { Path, Probe } from './traffic.ts';

let s: Session;
const expectPath = (p: Probe, want: Path, why: string) => assertPath(s.lab, p, want, why);
const VPS_B = `${UPSTREAMS.b.public4}:${WG_PORT}`;

beforeAll(async () => {
  s = await startLab({
    mode: 'apply',
    config: (l) => {
      const text = labConfig(l.wg)
        .replace(`option endpoint '${VPS_B}'`, `option endpoint '${VPS_B}'\n\toption via 'a'`)
        // kid: everything through b
        .replace(/(config client 'kid'[^]*?option default )'direct'/, "$1'proxy'");
      assert.match(text, /option via 'a'/);
      return text;
    },
  });
}, 300_000);

afterAll(async () => { await s?.close(); await down(); });

test('a client on a cascaded upstream leaves the second VPS; the first sees only the router\'s WireGuard packets to it; none by the WAN', async () => {
  const net = s.plan.network.find((x) => x.type === 'interface' && x.name === 'sw_b')!;
  assert.equal(net.options.fwmark, s.plan.upstreams.find((u) => u.name === 'a')!.mark, 'b\'s packets carry a\'s mark');
  assert.equal(net.options.nohostroute, '1');

  // VPS A, inside its tunnel: every packet is WireGuard between the router's a-address and VPS B
  // (IPv6 multicast left out: the link's own MLD reports are no one's traffic)
  const onA = await s.lab.capture(NS.upA, UPSTREAMS.a.serverIf, 'not ip6 multicast');
  // the router's WAN: nothing to VPS B, nothing to the destination
  const wan = await s.lab.capture(NS.router, 'wan', `host ${UPSTREAMS.b.public4} or host ${SERVICES.web1}`);
  await expectPath({ client: 'kid', dest: SERVICES.web1 }, 'b', 'proxied through b, which is reached through a');
  const seenA = (await onA.stop(), onA.lines), seenWan = (await wan.stop(), wan.lines);
  await expectPath({ client: 'tv', dest: SERVICES.web1 }, 'direct', 'another client keeps its path');

  // "11:12:04.819593 IP 10.200.1.2.46559 > 203.0.113.20.51820: UDP, length 96", and the replies
  const q = (a: string) => a.replace(/\./g, '\\.');
  const routerA = q(UPSTREAMS.a.routerAddrs[0]!.split('/')[0]!), vpsB = `${q(UPSTREAMS.b.public4)}\\.${WG_PORT}`;
  const wg = new RegExp(`^[0-9:.]+ IP (${routerA}\\.\\d+ > ${vpsB}|${vpsB} > ${routerA}\\.\\d+): UDP, length \\d+$`);
  assert.ok(seenA.length > 0, 'b\'s packets went through tunnel a');
  assert.deepEqual(seenA.filter((l) => !wg.test(l)), [], 'inside tunnel a: only WireGuard between the router and VPS B');
  assert.deepEqual(seenWan.filter((l) => l.includes(UPSTREAMS.b.public4) || l.includes(SERVICES.web1)), [], 'the WAN carried none of it');

  // a down: b has no way out — blocked, and still nothing by the WAN
  await s.ifdown('sw_a');
  try {
    const wan2 = await s.lab.capture(NS.router, 'wan', `host ${UPSTREAMS.b.public4} or host ${SERVICES.web1}`);
    await expectPath({ client: 'kid', dest: SERVICES.web1 }, 'blocked', 'a is down: the kill switch holds b\'s packets too');
    await wan2.stop();
    assert.deepEqual(wan2.lines, [], `while a is down the WAN carries none of b's packets (WAN ${LINKS.router.peer4})`);
  } finally { await s.ifup('sw_a'); }
});
