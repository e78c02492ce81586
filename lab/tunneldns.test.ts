// DNS through the tunnel (issue 15 part 3): upstream a has `list dns '10.200.1.1'`, a resolver
// inside VPS A that answers video.test with the exit's own address (192.0.2.30, where the
// internet's authoritative server says 192.0.2.10). The tv proxies video.test through a: its
// lookup is answered through the tunnel, the WAN carries no DNS at all, the rule's nft set
// fills from that answer and the tv's connection to it leaves VPS A. After netifd re-creates
// sw_a (ifdown/ifup), names resolve through it again; the hotplug handler restarts dnsmasq on
// that ifup (a dnsmasq socket bound to the old link failed to re-bind — "Cannot assign requested
// address" — with a veth re-created under it; wireguard-go's links here come back fine either way).
//
//   flock /tmp/swl-lab.lock npx vitest run --project lab lab/tunneldns.test.ts     (as root)

import { test, beforeAll, afterAll } from 'vitest';
import assert from 'node:assert/strict';
import { NS, ROUTER, SERVICES, UPSTREAMS } from './addresses.ts';
import { assertPath, setHas, startLab, type Session } from './harness.ts';
import { labConfig } from './lab-config.ts';
import { down } from './topology.ts';
import { spawnBg, statePath, waitFor, type BgProcess } from './netns.ts';

let s: Session;
let resolver: BgProcess | null = null;
const VPS_DNS = UPSTREAMS.a.serverAddrs[0]!.split('/')[0]!;    // 10.200.1.1, VPS A's end of the tunnel
const EXIT_ANSWER = SERVICES.web3;                               // what the exit's resolver says video.test is

beforeAll(async () => {
  s = await startLab({
    mode: 'apply',
    config: (l) => {
      const text = labConfig(l.wg).replace("option endpoint '203.0.113.10:51820'", `option endpoint '203.0.113.10:51820'\n\tlist dns '${VPS_DNS}'`);
      assert.match(text, /list dns '10\.200\.1\.1'/);
      return text;
    },
  });
  // the exit's resolver, listening inside the tunnel only
  resolver = spawnBg(NS.upA, 'vps-a-dns', ['dnsmasq', '--keep-in-foreground', '--no-resolv', '--no-hosts', '--bind-interfaces', `--listen-address=${VPS_DNS}`,
    '--port=53', '--user=root', '--group=root', `--pid-file=${statePath('dns', 'vps-a.pid')}`, `--address=/video.test/${EXIT_ANSWER}`, `--address=/video.test/${SERVICES.web3v6}`,
    '--log-queries', '--log-facility=-'], { pipe: true });
  await waitFor(async () => (await s.lab.exec(NS.upA, ['sh', '-c', 'ss -lun'])).includes(`${VPS_DNS}:53`), 5000, () => 'the VPS resolver did not start');
}, 300_000);

afterAll(async () => { if (resolver?.alive) process.kill(resolver.pid); await s?.close(); await down(); });

test('a proxied domain resolves through its upstream\'s DNS inside the tunnel, never by the WAN; its set fills from that answer', async () => {
  const files = await s.router!.files();
  assert.match(files.dnsmasq!, new RegExp(`^server=/video\\.test/${VPS_DNS.replace(/\./g, '\\.')}@sw_a$`, 'm'));

  const wan = await s.lab.capture(NS.router, 'wan', 'port 53');
  const inA = await s.lab.capture(NS.upA, UPSTREAMS.a.serverIf, 'port 53');
  assert.deepEqual(await s.lab.dns(NS.tv, ROUTER.lan4, 'video.test'), [EXIT_ANSWER], 'the exit\'s answer, not the internet\'s');
  await wan.stop(); await inA.stop();
  assert.deepEqual(wan.lines, [], 'no DNS on the WAN');
  assert.ok(inA.lines.some((l) => l.includes(`> ${VPS_DNS}.53:`)), `the query went through tunnel a:\n${inA.lines.join('\n')}`);
  assert.ok(await setHas(s.lab, 'rs_streaming_0_d4', EXIT_ANSWER), 'the streaming set holds the tunnel\'s answer');
  await assertPath(s.lab, { client: 'tv', dest: 'video.test' }, 'a', 'proxied through a, to the address a\'s resolver gave');
});

test('after netifd re-creates the tunnel, the hotplug handler restarts dnsmasq and names resolve through the tunnel again, still never by the WAN', async () => {
  await s.ifdown('sw_a');
  await s.ifup('sw_a');
  const h = await s.router!.hotplug('ifup', 'sw_a');
  assert.deepEqual(h.result, ['/etc/init.d/dnsmasq restart']);
  const wan = await s.lab.capture(NS.router, 'wan', 'port 53');
  await waitFor(async () => {
    try { return (await s.lab.dns(NS.tv, ROUTER.lan4, 'cdn.video.test')).includes(EXIT_ANSWER); } catch { return false; }
  }, 10_000, () => 'cdn.video.test did not resolve through the tunnel after the restart');
  await wan.stop();
  assert.deepEqual(wan.lines, [], 'no DNS on the WAN');
});
