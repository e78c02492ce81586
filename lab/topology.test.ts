// Smoke test of the lab's data plane, with hand-written routing on the router.
//   npx vitest run lab/topology.test.ts      (as root)

import { test, beforeAll, afterAll } from 'vitest';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { hostSnapshot, labLikeProcesses } from './hostcheck.ts';
import {
  DOT_PORT, EXAMPLE_MARK, LAN_CLIENTS, PHONE, ROUTER, SERVICES, UPSTREAMS, WG_SERVER, WHOAMI, WHOAMI_DOMAIN,
} from './addresses.ts';
import {
  down, isError, LabCommandError, NS, routerUpstreamConfig, up, waitHandshake, type EchoReply, type Lab, type ProbeError,
} from './topology.ts';
import { wgPublicKey } from './wg.ts';

const TV = LAN_CLIENTS.tv;

// ------------------------------------------------------------- helpers

function echo(r: EchoReply | ProbeError, what: string): EchoReply {
  if (isError(r)) assert.fail(`${what}: ${r.error}`);
  return r;
}

let lab: Lab;
let hostBefore: ReturnType<typeof hostSnapshot>;
let procsBefore: Set<string>;

beforeAll(async () => {
  hostBefore = hostSnapshot();
  procsBefore = labLikeProcesses();
  const t0 = Date.now();
  lab = await up();
  process.stderr.write(`# lab up in ${Date.now() - t0} ms ${JSON.stringify(lab.timings)}\n`);
});

afterAll(async () => { await down(); });

// --------------------------------------------------------------- tests

test('(a) a LAN client reaches the echo directly; the echo sees the router WAN address', async () => {
  const r = echo(await lab.http(TV.ns, { ip: SERVICES.web1 }), 'tv -> 192.0.2.10:80');
  assert.equal(r.src, ROUTER.wan4);
  assert.equal(r.dst, SERVICES.web1);
  assert.equal(r.port, 80);
  for (const port of [443, 8080]) {
    const p = echo(await lab.http(LAN_CLIENTS.laptop.ns, { ip: SERVICES.web3, port, host: 'shop.test' }), `laptop -> :${port}`);
    assert.deepEqual([p.src, p.dst, p.port, p.host], [ROUTER.wan4, SERVICES.web3, port, `shop.test:${port}`]);
  }
  const u = echo(await lab.udpEcho(LAN_CLIENTS.kid.ns, SERVICES.web1), 'kid udp echo');
  assert.deepEqual([u.src, u.dst, u.port], [ROUTER.wan4, SERVICES.web1, 5300]);
  const q = echo(await lab.udpEcho(LAN_CLIENTS.kid.ns, SERVICES.web2, 443), 'kid udp/443');
  assert.equal(q.port, 443);
});

test('(b) hand-written fwmark policy routing sends one client\'s traffic to one host through upstream A', async () => {
  const { mask, upA, tableA } = EXAMPLE_MARK;
  const hex = (n: number) => `0x${n.toString(16)}`;
  const wgA = UPSTREAMS.a.routerIf;
  await lab.ip(NS.router, [
    `rule add fwmark ${hex(upA)}/${hex(mask)} lookup ${tableA} priority 1000`,
    `route add default dev ${wgA} table ${tableA}`,
    `route add ::/0 dev ${wgA} table ${tableA}`,
  ]);
  // `ip -batch` has no per-line -6, so the v6 rule is a command of its own
  await lab.exec(NS.router, ['ip', '-6', 'rule', 'add', 'fwmark', `${hex(upA)}/${hex(mask)}`, 'lookup', String(tableA), 'priority', '1000']);
  await lab.masquerade(wgA);
  const setMark = `meta mark set meta mark and ${hex(~mask >>> 0)} or ${hex(upA)}`;
  await lab.nft(NS.router, `
table inet swl_test {
  chain pre {
    type filter hook prerouting priority mangle; policy accept;
    ip saddr ${TV.v4} ip daddr ${SERVICES.web2} ${setMark}
    ip6 saddr ${TV.v6} ip6 daddr ${SERVICES.web2v6} ${setMark}
  }
}`);
  try {
    const cap = await lab.capture(NS.router, wgA, 'tcp port 80');
    const viaA = echo(await lab.http(TV.ns, { ip: SERVICES.web2, host: 'news.test' }), 'tv -> news (via A)');
    assert.equal(viaA.src, UPSTREAMS.a.public4, 'traffic to .20 must leave through upstream A');
    assert.ok((await cap.stop()) > 0, 'the request must be seen on wg_a');

    // (filtered by host: the tail of the connection above may still cross wg_a)
    const cap2 = await lab.capture(NS.router, wgA, `host ${SERVICES.web1}`);
    const direct = echo(await lab.http(TV.ns, { ip: SERVICES.web1 }), 'tv -> video (direct)');
    assert.equal(direct.src, ROUTER.wan4, 'traffic to .10 stays direct');
    const other = echo(await lab.http(LAN_CLIENTS.kid.ns, { ip: SERVICES.web2 }), 'kid -> news (direct)');
    assert.equal(other.src, ROUTER.wan4, 'another client to .20 stays direct');
    assert.equal(await cap2.stop(), 0, `traffic to .10 must not cross wg_a: ${cap2.lines.join(' | ')}`);

    const u = echo(await lab.udpEcho(TV.ns, SERVICES.web2), 'tv udp -> .20');
    assert.equal(u.src, UPSTREAMS.a.public4);
    const v6 = echo(await lab.http(TV.ns, { ip: SERVICES.web2v6 }), 'tv -> [news v6] (via A)');
    assert.equal(v6.src, UPSTREAMS.a.public6);
  } finally {
    await lab.exec(NS.router, `nft delete table inet swl_test; ip rule del priority 1000; ip -6 rule del priority 1000; ` +
      `ip route flush table ${tableA}; ip -6 route flush table ${tableA}`);
    await lab.masquerade(wgA, false);
  }
  const back = echo(await lab.http(TV.ns, { ip: SERVICES.web2 }), 'tv -> news after undo');
  assert.equal(back.src, ROUTER.wan4);
});

test('(c) the road-warrior phone goes through the router\'s WireGuard server and out of the router WAN', async () => {
  const cap = await lab.capture(NS.router, WG_SERVER.ifname, 'tcp port 80');
  const r = echo(await lab.http(PHONE.ns, { ip: SERVICES.web1 }), 'phone -> 192.0.2.10');
  assert.equal(r.src, ROUTER.wan4);
  assert.ok((await cap.stop()) > 0, 'the phone\'s request must arrive on wg_srv');
  const v6 = echo(await lab.http(PHONE.ns, { ip: SERVICES.web1v6 }), 'phone -> [2001:db8:e::10]');
  assert.equal(v6.src, ROUTER.wan6);
  assert.deepEqual(await lab.dns(PHONE.ns, WG_SERVER.addr4, 'video.test'), [SERVICES.web1]);
  // the phone's endpoint route keeps the tunnel itself off the tunnel
  const route = await lab.exec(PHONE.ns, ['ip', 'route', 'get', ROUTER.wan4]);
  assert.match(route, /dev eth0/);
});

test('(d) IPv6 end to end from a LAN client (NAT66 on the router WAN: the echo sees 2001:db8:1::2)', async () => {
  for (const c of [TV, LAN_CLIENTS.laptop]) {
    const r = echo(await lab.http(c.ns, { ip: SERVICES.web1v6, port: 8080 }), `${c.ns} -> [v6]:8080`);
    assert.deepEqual([r.src, r.dst, r.port], [ROUTER.wan6, SERVICES.web1v6, 8080]);
  }
  const u = echo(await lab.udpEcho(TV.ns, SERVICES.web3v6), 'tv udp v6');
  assert.equal(u.src, ROUTER.wan6);
});

test('(e) DNS: the internet DNS, the router resolver and the public resolver answer the test domains', async () => {
  const q = (server: string, name: string, type: 'A' | 'AAAA' = 'A') => lab.dns(TV.ns, server, name, type);
  assert.deepEqual(await q(SERVICES.dns, 'video.test'), [SERVICES.web1]);
  assert.deepEqual(await q(SERVICES.dns, 'video.test', 'AAAA'), [SERVICES.web1v6]);
  assert.deepEqual(await q(SERVICES.dns, 'cdn.video.test'), [SERVICES.web1cdn], 'the longest suffix wins');
  assert.deepEqual(await q(SERVICES.dns, 'www.news.test'), [SERVICES.web2], 'subdomains resolve');
  assert.deepEqual(await q(SERVICES.dnsv6, 'shop.test'), [SERVICES.web3]);
  const nx = await lab.dnsQuery(TV.ns, SERVICES.dns, 'nothing.test');
  assert.ok(!isError(nx) && nx.rcode === 'NXDOMAIN', `nothing.test: ${JSON.stringify(nx)}`);
  // through the router's dnsmasq (LAN resolver), v4 and v6
  assert.deepEqual(await q(ROUTER.lan4, 'news.test'), [SERVICES.web2]);
  assert.deepEqual(await q(ROUTER.lan6, 'news.test', 'AAAA'), [SERVICES.web2v6]);
  // a client that bypasses the router is recognisable
  assert.deepEqual(await q(ROUTER.lan4, WHOAMI_DOMAIN), [WHOAMI.auth]);
  assert.deepEqual(await q(SERVICES.publicDns, WHOAMI_DOMAIN), [WHOAMI.public]);
  assert.deepEqual(await lab.dns(TV.ns, SERVICES.publicDns, 'video.test', 'A', { tcp: true }), [SERVICES.web1]);
  assert.deepEqual(await q(SERVICES.publicDnsv6, 'video.test', 'AAAA'), [SERVICES.web1v6]);
  // DoT is reachable (so a later test can assert that it is blocked); a closed port is not
  assert.equal(await lab.tcpConnect(TV.ns, SERVICES.publicDns, DOT_PORT), true);
  assert.equal(await lab.tcpConnect(TV.ns, SERVICES.publicDns, 854, 500), false);
});

test('plan hooks: router WireGuard re-created from config data; router dnsmasq feeds an nft set', async () => {
  // what code loading a plan does: drop the hard-coded interface, create it from data
  const wgB = UPSTREAMS.b.routerIf;
  await lab.removeWg(NS.router, wgB);
  assert.notEqual((await lab.tryExec(NS.router, ['ip', 'link', 'show', wgB])).code, 0, `${wgB} is gone`);
  await lab.createWg(NS.router, wgB, routerUpstreamConfig(lab.wg, 'b'));
  await waitHandshake(NS.router, wgB, 5000);
  const viaB = JSON.parse(await lab.exec(NS.router, ['curl', '-sS', '--max-time', '3', '--interface', wgB, `http://${SERVICES.web1}/`]));
  assert.equal(viaB.src, UPSTREAMS.b.public4, 'router traffic bound to wg_b leaves through upstream B');

  // dnsmasq nftset= lines in the router's conf-dir fill the plan's sets
  await lab.nft(NS.router, 'table inet swl_test {\n  set dst4 { type ipv4_addr; flags timeout; }\n  set dst6 { type ipv6_addr; flags timeout; }\n}\n');
  try {
    await lab.restartRouterDns('nftset=/video.test/4#inet#swl_test#dst4,6#inet#swl_test#dst6\n');
    assert.deepEqual(await lab.dns(TV.ns, ROUTER.lan4, 'cdn.video.test'), [SERVICES.web1cdn]);
    assert.deepEqual(await lab.dns(TV.ns, ROUTER.lan4, 'video.test', 'AAAA'), [SERVICES.web1v6]);
    const sets = await lab.exec(NS.router, ['nft', 'list', 'table', 'inet', 'swl_test']);
    assert.match(sets, /192\.0\.2\.11/);
    assert.match(sets, /2001:db8:e::10/);
  } finally {
    await lab.restartRouterDns('');
    await lab.exec(NS.router, ['nft', 'delete', 'table', 'inet', 'swl_test']);
  }
});

test('tooling: failures name the namespace and command; WireGuard keys match wg(8)', async () => {
  await assert.rejects(lab.exec(NS.router, 'ip route add 203.0.113.99 via 10.99.99.99'), (e: unknown) => {
    assert.ok(e instanceof LabCommandError);
    assert.match(e.message, /\[swl-router\] command failed \(exit \d+\): ip route add 203\.0\.113\.99 via 10\.99\.99\.99/);
    assert.match(e.message, /Nexthop|unreachable|Network/i);
    return true;
  });
  await assert.rejects(lab.exec('host' as never, 'true'), /not a lab namespace/);
  const k = lab.wg.upstreams.a.router;
  assert.equal(execFileSync('wg', ['pubkey'], { input: k.privateKey + '\n', encoding: 'utf8' }).trim(), k.publicKey);
  assert.equal(wgPublicKey(lab.wg.server.privateKey), lab.wg.server.publicKey);
  const show = await lab.exec(NS.router, ['wg', 'show', UPSTREAMS.b.routerIf, 'endpoints']);
  assert.match(show, new RegExp(`${UPSTREAMS.b.public4}:51820`));
});

test('(f) down() leaves no namespaces, processes, sockets, temp files, host links or nft tables', async () => {
  const t0 = Date.now();
  await down();
  process.stderr.write(`# lab down in ${Date.now() - t0} ms\n`);
  const now = hostSnapshot();
  assert.deepEqual(now.netns, [], 'no swl-* namespaces');
  assert.deepEqual(now, hostBefore);
  const leaked = [...labLikeProcesses()].filter((p) => !procsBefore.has(p));
  assert.deepEqual(leaked, [], 'no wireguard-go / dnsmasq / echo / agent / tcpdump processes left');
});
