// Failover (issue 15 part 1 and 2): the kid's upstream is the failover group exits = [a, b], both
// probed through their tunnels (the VPS's tunnel address) every 5 s, down after 2 misses. VPS A
// then silently drops its WireGuard traffic — an nft drop in A's namespace: sw_a stays up on the
// router, netifd sees nothing — and the health checker (src/router/health.ts, its tick driven
// here by a real 5 s timer, as healthd runs it on a router) moves the group's slot to b: new
// connections leave VPS B within 15 s; A recovers, and they come back to A within 15 s; with both
// VPSes silent, the WAN carries no packet of the kid's at all.
//
//   flock /tmp/swl-lab.lock npx vitest run --project lab lab/groups.test.ts     (as root)

import { test, beforeAll, afterAll } from 'vitest';
import assert from 'node:assert/strict';
import { NS, SERVICES, UPSTREAMS, WG_PORT } from './addresses.ts';
import { startLab, type Session } from './harness.ts';
import { labConfig } from './lab-config.ts';
import { down } from './topology.ts';
import { observe, type Path, type Probe } from './traffic.ts';
import type { HealthFile } from '../src/router/health.ts';

let s: Session;
let ticker: NodeJS.Timeout | null = null;
let inFlight: Promise<void> | null = null;
let health: HealthFile | null = null;
const logs: string[] = [];

// the acceptance bound of the issue: a switch within 15 s (5 s probes, 2 misses)
const BOUND_MS = 15_000;
const KID: Probe = { client: 'kid', dest: SERVICES.web1 };
const tunnelAddr = (u: 'a' | 'b') => UPSTREAMS[u].serverAddrs[0]!.split('/')[0]!;

function config(text: string): string {
  const t = text
    .replace(`option endpoint '${UPSTREAMS.a.public4}:${WG_PORT}'`, `option endpoint '${UPSTREAMS.a.public4}:${WG_PORT}'\n\toption probe '${tunnelAddr('a')}'\n\toption probe_interval '5'\n\toption down_after '2'`)
    .replace(`option endpoint '${UPSTREAMS.b.public4}:${WG_PORT}'`, `option endpoint '${UPSTREAMS.b.public4}:${WG_PORT}'\n\toption probe '${tunnelAddr('b')}'\n\toption probe_interval '5'\n\toption down_after '2'`)
    .replace(/(config client 'kid'[^]*?option default )'direct'\n\toption upstream 'b'/, "$1'proxy'\n\toption upstream 'exits'")
    // the kid's time window would make every decision after it per packet (no conntrack mark to flush)
    .replace(/\toption start_time '20:00'\n\toption stop_time '06:30'\n/, '')
    + "\nconfig group 'exits'\n\toption mode 'failover'\n\tlist member 'a'\n\tlist member 'b'\n";
  assert.match(t, /option upstream 'exits'/);
  assert.equal(t.match(/option probe '/g)?.length, 2);
  assert.doesNotMatch(t, /start_time/);
  return t;
}

// WireGuard of a VPS silently dropped, both ways, in its own namespace (the router notices nothing)
const silence = (u: 'a' | 'b') => s.lab.nft(UPSTREAMS[u].ns, `table inet swl_silence {
  chain in { type filter hook input priority -300; policy accept; udp dport ${WG_PORT} drop; }
  chain out { type filter hook output priority -300; policy accept; udp sport ${WG_PORT} drop; }
}\n`);
const unsilence = async (u: 'a' | 'b') => { await s.lab.exec(UPSTREAMS[u].ns, ['sh', '-c', 'nft delete table inet swl_silence 2>/dev/null; true']); };

function tickNow(): Promise<void> {
  inFlight ??= s.router!.healthTick().then((r) => { health = r.result; logs.push(...r.logs); }).finally(() => { inFlight = null; });
  return inFlight;
}

// new connections until one takes `want`, within the bound from `since`; the observations on the way
async function untilPath(want: Path, since: number): Promise<{ path: string, ms: number, seen: string[] }> {
  const seen: string[] = [];
  for (;;) {
    const o = await observe(s.lab, KID, { timeoutMs: 2000 });
    const ms = Date.now() - since;
    seen.push(`${ms}ms ${o.path}`);
    if (o.path === want || ms > BOUND_MS) return { path: o.path, ms, seen };
    await new Promise((r) => setTimeout(r, 500));
  }
}

async function until(cond: () => boolean, ms: number, what: string): Promise<void> {
  const end = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > end) throw new Error(`${what}: not within ${ms} ms; health ${JSON.stringify(health)}; logs ${logs.join(' | ')}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

beforeAll(async () => {
  s = await startLab({ mode: 'apply', config: (l) => config(labConfig(l.wg)) });
  await tickNow();
  // the checker's clock: every probe_interval, as healthd's uloop timer
  ticker = setInterval(() => { void tickNow(); }, 5000);
}, 300_000);

afterAll(async () => {
  if (ticker) clearInterval(ticker);
  await inFlight;
  if (s) { await unsilence('a'); await unsilence('b'); }
  await s?.close(); await down();
});

test('both probed members answer: the group gives new connections to a', async () => {
  assert.deepEqual(health?.groups, { exits: ['a'] });
  assert.equal(health?.upstreams.a?.up, true);
  assert.equal(health?.upstreams.b?.up, true);
  assert.ok(health!.upstreams.a!.rtt !== null, 'a probe answered through sw_a');
  const o = await observe(s.lab, KID, { timeoutMs: 3000 });
  assert.equal(o.path, 'a', `kid → ${SERVICES.web1}: ${o.path} (${o.src})`);
});

test('VPS A silently drops WireGuard (sw_a stays up): new connections leave by B within 15 s; A back: by A again within 15 s', async () => {
  // a connection decided through a, open across the failover: its conntrack entry carries a's mark
  const held = await s.lab.holdTcp(NS.kid, SERVICES.web1);
  const markA = `${s.plan.upstreams.find((u) => u.name === 'a')!.mark}/${s.plan.marks.mask}`;
  const ofA = async () => (await s.lab.exec(NS.router, ['sh', '-c', `conntrack -L -m ${markA} -d ${SERVICES.web1} 2>/dev/null; true`])).trim();
  try {
    const first = await held.send('before');
    assert.ok(!('error' in first) && first.src === UPSTREAMS.a.public4, JSON.stringify(first));
    assert.notEqual(await ofA(), '', `the held connection is in conntrack with a's mark ${markA}`);
  } catch (e) { await held.close(); throw e; }

  await silence('a');
  const t0 = Date.now();
  const toB = await untilPath('b', t0);
  assert.equal(toB.path, 'b', `within ${BOUND_MS} ms of the drop: ${toB.seen.join(', ')}`);
  assert.ok(toB.ms <= BOUND_MS, `switched after ${toB.ms} ms: ${toB.seen.join(', ')}`);
  assert.equal((await s.lab.exec(NS.router, ['ip', 'link', 'show', 'dev', 'sw_a'])).includes('sw_a'), true, 'sw_a is still there: only the probes told');
  await until(() => health?.upstreams.a?.up === false, 5000, 'a down in health.json');
  assert.ok(logs.includes('upstream a down: 2 probes missed'), logs.join(' | '));
  assert.deepEqual(health?.groups, { exits: ['b'] });
  // its connections were flushed when a went down: they decide again (the held one has no entry of a's any more)
  assert.equal(await ofA(), '', 'no connection of a\'s mark left in conntrack');
  await held.close();
  const slots = await s.lab.exec(NS.router, ['nft', 'list', 'map', 'inet', 'splitwg', 'grp_exits']);
  assert.match(slots, /0 : goto up_b/);

  await unsilence('a');
  const t1 = Date.now();
  const toA = await untilPath('a', t1);
  assert.equal(toA.path, 'a', `within ${BOUND_MS} ms of A's recovery: ${toA.seen.join(', ')}`);
  assert.ok(toA.ms <= BOUND_MS, `back after ${toA.ms} ms: ${toA.seen.join(', ')}`);
  await until(() => health?.upstreams.a?.up === true, 5000, 'a up in health.json');
  assert.ok(logs.includes('upstream a up: 2 probes answered'), logs.join(' | '));
});

test('both VPSes silent: both members down, and the WAN carries zero packets of the kid\'s', async () => {
  await silence('a');
  await silence('b');
  try {
    await until(() => health?.upstreams.a?.up === false && health?.upstreams.b?.up === false, 20_000, 'both down');
    assert.deepEqual(health?.groups, { exits: [] });
    const wan = await s.lab.capture(NS.router, 'wan', `host ${SERVICES.web1} or host ${SERVICES.web1v6} or host 192.168.77.11`);
    const o1 = await observe(s.lab, KID, { timeoutMs: 3000 });
    const o2 = await observe(s.lab, { client: 'kid', dest: SERVICES.web1v6 }, { timeoutMs: 3000 });
    await wan.stop();
    assert.equal(o1.path, 'blocked', `kid → ${SERVICES.web1}: ${o1.path} (${o1.src ?? ''})`);
    assert.equal(o2.path, 'blocked', `kid → ${SERVICES.web1v6}: ${o2.path} (${o2.src ?? ''})`);
    assert.deepEqual(wan.lines, [], 'no packet of the kid\'s left by the WAN');
    const slots = await s.lab.exec(NS.router, ['nft', 'list', 'map', 'inet', 'splitwg', 'grp_exits']);
    assert.match(slots, /0 : drop/);
  } finally { await unsilence('a'); await unsilence('b'); }
});
