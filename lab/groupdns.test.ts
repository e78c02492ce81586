// A failover group's DNS (issue 15 part 3, "for a group, the active member's DNS"): the tv's
// upstream is the failover group exits = [a, b], both probed and both with a resolver of their
// own inside their tunnel (VPS A answers video.test with web3, VPS B with web2 — the exit's
// region). While a is up, the tv's lookups go through tunnel a and get A's answer; VPS A then
// silently drops WireGuard, the health checker (its ticks driven here as healthd runs them)
// takes a down, runs `splitwg health --dns`, which writes dnsmasq's file for b and restarts
// dnsmasq: a new name resolves through tunnel b, with B's answer, and the WAN carries no DNS
// of it at any time.
//
//   flock /tmp/swl-lab.lock npx vitest run --project lab lab/groupdns.test.ts     (as root)

import { test, beforeAll, afterAll } from 'vitest';
import assert from 'node:assert/strict';
import { NS, ROUTER, SERVICES, UPSTREAMS, WG_PORT } from './addresses.ts';
import { startLab, type Session } from './harness.ts';
import { labConfig } from './lab-config.ts';
import { down } from './topology.ts';
import { spawnBg, statePath, waitFor, type BgProcess } from './netns.ts';
import type { HealthFile } from '../src/router/health.ts';

let s: Session;
const resolvers: BgProcess[] = [];
let health: HealthFile | null = null;
const logs: string[] = [];
const tunnelAddr = (u: 'a' | 'b') => UPSTREAMS[u].serverAddrs[0]!.split('/')[0]!;
const ANSWER = { a: SERVICES.web3, b: SERVICES.web2 };

function config(text: string): string {
  const up = (u: 'a' | 'b', t: string) => t.replace(`option endpoint '${UPSTREAMS[u].public4}:${WG_PORT}'`,
    `option endpoint '${UPSTREAMS[u].public4}:${WG_PORT}'\n\toption probe '${tunnelAddr(u)}'\n\toption probe_interval '5'\n\toption down_after '2'\n\tlist dns '${tunnelAddr(u)}'`);
  const t = up('b', up('a', text)).replace(/(config client 'tv'[^]*?option upstream )'a'/, "$1'exits'")
    + "\nconfig group 'exits'\n\toption mode 'failover'\n\tlist member 'a'\n\tlist member 'b'\n";
  assert.match(t, /config client 'tv'[^]*?option upstream 'exits'/);
  assert.equal(t.match(/\tlist dns '10\.200\./g)?.length, 2);
  return t;
}

// a server= line (domains packed, dnsmasq.ts) sends video.test to u's resolver, bound to its tunnel
const serves = (conf: string, u: 'a' | 'b') => conf.split('\n').some((l) => l.startsWith('server=/') && l.includes('/video.test/') && l.endsWith(`/${tunnelAddr(u)}@sw_${u}`));

async function tick(): Promise<void> {
  const r = await s.router!.healthTick();
  health = r.result;
  logs.push(...r.logs);
}

beforeAll(async () => {
  s = await startLab({ mode: 'apply', config: (l) => config(labConfig(l.wg)) });
  // each exit's resolver, listening inside its tunnel only
  for (const u of ['a', 'b'] as const) {
    const ns = UPSTREAMS[u].ns, addr = tunnelAddr(u);
    resolvers.push(spawnBg(ns, `vps-${u}-dns`, ['dnsmasq', '--keep-in-foreground', '--no-resolv', '--no-hosts', '--bind-interfaces', `--listen-address=${addr}`,
      '--port=53', '--user=root', '--group=root', `--pid-file=${statePath('dns', `vps-${u}.pid`)}`, `--address=/video.test/${ANSWER[u]}`], { pipe: true }));
    await waitFor(async () => (await s.lab.exec(ns, ['sh', '-c', 'ss -lun'])).includes(`${addr}:53`), 5000, () => `VPS ${u}'s resolver did not start`);
  }
  await tick();
}, 300_000);

afterAll(async () => {
  for (const r of resolvers) if (r.alive) process.kill(r.pid);
  if (s) await s.lab.exec(UPSTREAMS.a.ns, ['sh', '-c', 'nft delete table inet swl_silence 2>/dev/null; true']);
  await s?.close(); await down();
});

test('a up: the group\'s domains resolve through tunnel a; a silent: through tunnel b after the checker moves the group; never by the WAN', async () => {
  assert.deepEqual(health?.groups, { exits: ['a'] });
  const conf = async () => (await s.router!.files()).dnsmasq!;
  assert.ok(serves(await conf(), 'a'), await conf());
  const wan = await s.lab.capture(NS.router, 'wan', 'port 53');
  try {
    assert.deepEqual(await s.lab.dns(NS.tv, ROUTER.lan4, 'video.test'), [ANSWER.a], 'A\'s answer while a carries the group');

    await s.lab.nft(UPSTREAMS.a.ns, `table inet swl_silence {
  chain in { type filter hook input priority -300; policy accept; udp dport ${WG_PORT} drop; }
  chain out { type filter hook output priority -300; policy accept; udp sport ${WG_PORT} drop; }
}\n`);
    for (let i = 0; i < 4 && health?.upstreams.a?.up !== false; i++) { await new Promise((r) => setTimeout(r, 5000)); await tick(); }
    assert.equal(health?.upstreams.a?.up, false, JSON.stringify(health));
    assert.deepEqual(health?.groups, { exits: ['b'] });
    assert.ok(logs.includes('health: the groups\' domains now resolve through the DNS of their members up: dnsmasq restarted'), logs.join(' | '));
    assert.ok(serves(await conf(), 'b') && !serves(await conf(), 'a'), await conf());
    // a name dnsmasq has not cached: asked through tunnel b now
    await waitFor(async () => {
      try { return (await s.lab.dns(NS.tv, ROUTER.lan4, 'cdn.video.test')).includes(ANSWER.b); } catch { return false; }
    }, 10_000, () => 'cdn.video.test did not resolve through tunnel b');
  } finally { await wan.stop(); }
  assert.deepEqual(wan.lines, [], 'no DNS on the WAN, before or after the failover');
});
