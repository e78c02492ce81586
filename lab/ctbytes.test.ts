// Bytes per client and path from conntrack's accounting (issue 16 part 3): laptop fetches a
// known amount over plain HTTP (its rule: direct) and over port 443 (its rule: via b); the
// router's `stats` reports at least those bytes, each on its path — from the kernel's
// per-connection counters, with no counter of ours on the data path. The lab's host kernel
// leaves nf_conntrack_acct at 0 (OpenWrt sets 1): the router namespace turns it on first.
//
//   flock /tmp/swl-lab.lock npx vitest run --project lab lab/ctbytes.test.ts     (as root)

import { test, beforeAll, afterAll } from 'vitest';
import assert from 'node:assert/strict';
import { NS, SERVICES } from './addresses.ts';
import { startLab, type Session } from './harness.ts';
import { down } from './topology.ts';
import { http, isError } from './probes.ts';

let s: Session;

beforeAll(async () => {
  s = await startLab({ mode: 'apply' });
  await s.lab.exec(NS.router, ['sysctl', '-q', '-w', 'net.netfilter.nf_conntrack_acct=1']);
}, 300_000);

afterAll(async () => { await s?.close(); await down(); });

const DIRECT = 300_000, VIA_B = 700_000;

test('stats: a LAN client\'s bytes on the direct path and through upstream b, as conntrack counted them', async () => {
  // (the connections the lab opened before accounting was on have no counters: none yet is
  // 'accounting' missing, as on a router where it was just switched on)
  const before = await s.router!.stats();
  const was = before.clients.find((c) => c.name === 'laptop')!.bytes ?? { direct: { up: 0, down: 0 }, proxy: {} as Record<string, { up: number, down: number }> };
  const direct = await http(NS.laptop, { ip: SERVICES.web1, port: 80, path: `/?size=${DIRECT}` }, { timeoutMs: 10_000 });
  const viaB = await http(NS.laptop, { ip: SERVICES.web1, port: 443, path: `/?size=${VIA_B}` }, { timeoutMs: 10_000 });
  assert.ok(!isError(direct) && !isError(viaB), JSON.stringify([direct, viaB]));
  // the connections closed, and stay listed (TIME_WAIT) with their counters for minutes
  const st = await s.router!.stats();
  assert.deepEqual([st.bytes.source, st.bytes.missing], ['conntrack', null], JSON.stringify(st.bytes));
  const b = st.clients.find((c) => c.name === 'laptop')!.bytes!;
  assert.ok(b, JSON.stringify(st.clients));
  const grew = (now: number, then: number | undefined) => now - (then ?? 0);
  assert.ok(grew(b.direct.down, was.direct.down) >= DIRECT, `direct down ${JSON.stringify(b)}`);
  assert.ok(grew(b.direct.down, was.direct.down) < VIA_B, `the upstream's bytes are not counted direct: ${JSON.stringify(b)}`);
  assert.ok(grew(b.proxy.b?.down ?? 0, was.proxy.b?.down) >= VIA_B, `via b down ${JSON.stringify(b)}`);
  assert.ok(grew(b.direct.up, was.direct.up) > 0 && grew(b.proxy.b!.up, was.proxy.b?.up) > 0, 'the requests, from the client');
  assert.ok(grew(b.proxy.a?.down ?? 0, was.proxy.a?.down) < DIRECT, `nothing of it through a: ${JSON.stringify(b)}`);
  // the other clients made no such transfer
  const tv = st.clients.find((c) => c.name === 'tv')!.bytes!;
  assert.ok(tv.direct.down < DIRECT && Object.values(tv.proxy).every((x) => x.down < DIRECT), JSON.stringify(tv));
});
