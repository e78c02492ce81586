// The scenarios again, with the router configured by its own apply transaction (src/router) on the
// lab Env (lab/router-env.ts): real nft, dnsmasq and conntrack in swl-router; netifd, fw4 and the
// dnsmasq service realised by the lab when the router asks for them (lab/apply-router.ts). The
// packet outcomes asserted are the same as in scenarios.test.ts; then what only the apply path has:
// an idempotent re-apply reloads nothing, a one-rule edit reloads only its part, a failing step
// leaves the previous table and traffic in force.
//
//   npx vitest run lab/scenarios-apply.test.ts     (as root)

import { test } from 'vitest';
import { step } from '../test/vitest/step.ts';
import assert from 'node:assert/strict';
import { chmodSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LAN_CLIENTS, NS, SERVICES } from './addresses.ts';
import { PLAN_IFACES } from './lab-config.ts';
import { PATHS } from '../src/router/env.ts';
import { reloads } from '../test/router/fakes.ts';
import { statePath } from './netns.ts';
import { waitHandshake, wgHandshakes } from './wg.ts';
import { current, expectPath } from './scenarios.ts';
import { defineScenarios } from './scenarios.ts';
import { nftsetSets } from '../test/helpers/dnsmasq.ts';

const R = NS.router;
const NEXT_NFT = `nft -f ${PATHS.state}/next.nft`;

/** every rule of the table as chain:handle (a reload of the table changes them) */
async function handles(): Promise<string> {
  const j = JSON.parse(await current.lab.exec(R, ['nft', '-j', 'list', 'table', 'inet', 'splitwg'])) as { nftables: { rule?: { chain: string; handle: number } }[] };
  return j.nftables.filter((x) => x.rule).map((x) => `${x.rule!.chain}:${x.rule!.handle}`).join(' ');
}

/** the table's definitions: sets (without elements), chains and rules (without counters) */
async function shape(): Promise<string> {
  return current.lab.exec(R, ['nft', '-s', '-t', 'list', 'table', 'inet', 'splitwg']);
}

const chains = (shape: string) => (shape.match(/^\tchain [\s\S]*?^\t\}/gm) ?? []).join('\n');
const setNames = (shape: string) => [...shape.matchAll(/^\tset (\S+) \{/gm)].map((m) => m[1]);

const dnsPid = () => readFileSync(statePath('dns', 'router.pid'), 'utf8').trim();

/** the laptop's "No 8080 to news" block rule moved from 192.0.2.20 to 192.0.2.11: an address edit (nft only) */
function laptopBlockEdit(base: string): string {
  const from = `option name 'No 8080 to news'\n\tlist dest '${SERVICES.web2}'`;
  assert.ok(base.includes(from));
  return base.replace(from, `option name 'No 8080 to news'\n\tlist dest '${SERVICES.web1cdn}'`);
}

/** shop.test added to the "streaming" ruleset's domain rule: a domain edit (dnsmasq only) */
function streamingDomainEdit(base: string): string {
  const from = `option name 'Video'\n\tlist domain 'video.test'`;
  assert.ok(base.includes(from));
  return base.replace(from, `${from}\n\tlist domain 'shop.test'`);
}

const L = (dest: string, port: number) => ({ client: 'laptop' as const, dest, port });

/** option `opt` of the network section `name` the router committed */
async function netOption(name: string, opt: string): Promise<string> {
  const text = await current.s.router!.uciText('network');
  const sec = new RegExp(`^config \\S+ '${name}'\n((?:\t[^\n]*\n)*)`, 'm').exec(text);
  const v = sec && new RegExp(`^\toption ${opt} '([^']*)'`, 'm').exec(sec[1]!);
  assert.ok(v, `network.${name}.${opt} in\n${text}`);
  return v[1]!;
}

/** `iface`'s peer removed and added again from `conf` (`wg showconf`): a new peer has no handshake
 *  (latest-handshakes 0, as after a reboot); its persistent keepalive starts one at once */
async function renewPeer(ns: string, iface: string, peer: string, conf: string): Promise<void> {
  await current.lab.exec(ns, ['wg', 'set', iface, 'peer', peer, 'remove']);
  // (through a pipe: wg cannot fopen the socket the lab's stdin is)
  await current.lab.exec(ns, `cat | wg addconf ${iface} /dev/stdin`, { input: conf });
}

/** doctor's findings as `id path` */
async function drift(): Promise<string[]> {
  return (await current.s.router!.doctor()).findings.map((f) => `${f.id} ${f.path ?? ''}`.trim());
}

defineScenarios({
  mode: 'apply',
  extra() {
    test('doctor: each provoked drift is named; apply repairs it, and doctor reports nothing again', async (t) => {
      const { s } = current;
      const lab = current.lab;
      assert.deepEqual(await drift(), [], 'after apply: no drift');
      await step(t, 'the table deleted (firewall stopped)', async () => {
        await lab.exec(R, ['nft', 'delete', 'table', 'inet', 'splitwg']);
        assert.deepEqual(await drift(), ['table_missing nft']);
        assert.equal((await s.router!.apply()).result.ok, true);
        assert.deepEqual(await drift(), []);
      });
      await step(t, 'a stray element in a client map (the old address of an edited client)', async () => {
        await lab.exec(R, ['nft', 'add', 'element', 'inet', 'splitwg', 'client4', '{ 192.168.77.199 : goto mark_direct }']);
        assert.deepEqual(await drift(), ['stray_elements nft.client4']);
        const run = await s.router!.apply();
        assert.equal(run.result.changed.nft, true, 'the table is loaded again');
        assert.deepEqual(await drift(), []);
        assert.doesNotMatch(await lab.exec(R, ['nft', 'list', 'map', 'inet', 'splitwg', 'client4']), /192\.168\.77\.199/);
      });
      await step(t, 'an ip rule deleted', async () => {
        await lab.exec(R, ['ip', 'rule', 'del', 'lookup', 'main', 'suppress_prefixlength', '0']);
        assert.deepEqual(await drift(), ['rule_missing network.swmain4']);
        const run = await s.router!.apply();
        assert.ok(run.calls.some((c) => c.startsWith('ip -4 rule add priority ') && c.endsWith(' lookup main suppress_prefixlength 0')), run.calls.join('\n'));
        assert.deepEqual(await drift(), []);
      });
      await step(t, 'our dnsmasq file moved away from the conf-dir dnsmasq reads', async () => {
        const file = join(lab.routerDnsConfDir, 'splitwg.conf');
        renameSync(file, `${file}.moved`);
        try {
          assert.deepEqual(await drift(), ['dnsmasq_file_missing dnsmasq']);
          assert.equal((await s.router!.apply()).result.changed.dnsmasq, true);
          assert.deepEqual(await drift(), []);
        } finally { rmSync(`${file}.moved`, { force: true }); }
        await expectPath({ client: 'tv', dest: 'video.test' }, 'a');
      });
      await step(t, 'an element of a client map deleted (the tv would leave unclassified)', async () => {
        await lab.exec(R, ['nft', 'delete', 'element', 'inet', 'splitwg', 'client4', `{ ${LAN_CLIENTS.tv.v4} }`]);
        assert.deepEqual(await drift(), ['missing_elements nft.client4']);
        assert.equal((await s.router!.apply()).result.changed.nft, true, 'the table is loaded again');
        assert.deepEqual(await drift(), []);
        await expectPath({ client: 'tv', dest: 'video.test' }, 'a');
      });
      await step(t, 'the table differs: a chain added by hand, a chain deleted by hand', async () => {
        await lab.exec(R, ['nft', 'add', 'chain', 'inet', 'splitwg', 'by_hand']);
        assert.deepEqual(await drift(), ['table_differs nft']);
        assert.deepEqual((await s.router!.doctor()).findings[0]!.args, { missing: [], extra: ['chain by_hand'] });
        assert.equal((await s.router!.apply()).result.changed.nft, true);
        assert.deepEqual(await drift(), []);
        assert.equal((await lab.tryExec(R, ['nft', 'list', 'chain', 'inet', 'splitwg', 'by_hand'])).code, 1, 'the stray chain is gone');
        // the forward chain is the kill switch's guard (proxied clients never leave by the WAN)
        await lab.nft(R, 'flush chain inet splitwg forward\ndelete chain inet splitwg forward\n');
        assert.deepEqual(await drift(), ['table_differs nft']);
        assert.deepEqual((await s.router!.doctor()).findings[0]!.args, { missing: ['chain forward'], extra: [] });
        assert.equal((await s.router!.apply()).result.changed.nft, true);
        assert.deepEqual(await drift(), []);
        await lab.exec(R, ['nft', 'list', 'chain', 'inet', 'splitwg', 'forward']);
      });
      await step(t, 'an ip route deleted: the kill switch\'s unreachable route, an upstream table\'s default route', async () => {
        const table = await netOption('swkill4_a', 'table');
        await lab.exec(R, ['ip', '-4', 'route', 'del', 'unreachable', 'default', 'table', table]);
        assert.deepEqual(await drift(), ['route_missing network.swkill4_a']);
        let run = await s.router!.apply();
        assert.ok(run.calls.includes(`ip -4 route add unreachable default metric 9999 table ${table}`), run.calls.join('\n'));
        assert.deepEqual(await drift(), []);
        await lab.exec(R, ['ip', '-4', 'route', 'del', 'default', 'dev', PLAN_IFACES.a, 'table', table]);
        assert.deepEqual(await drift(), ['route_missing network.swroute4_a']);
        run = await s.router!.apply();
        assert.ok(run.calls.includes(`ip -4 route add default dev ${PLAN_IFACES.a} table ${table}`), run.calls.join('\n'));
        assert.deepEqual(await drift(), []);
        await expectPath({ client: 'tv', dest: 'video.test' }, 'a');
      });
      await step(t, 'a tunnel up but without handshake: upstream a\'s peer re-added with an endpoint nobody answers', async () => {
        const iface = PLAN_IFACES.a, peer = lab.wg.upstreams.a.server.publicKey;
        const conf = await lab.exec(R, ['wg', 'showconf', iface]);
        const deaf = conf.replace(/^Endpoint = .*$/m, 'Endpoint = 203.0.113.99:51820');   // outside both VPS links: no one has it
        assert.notEqual(deaf, conf);
        const setPeer = (text: string) => renewPeer(R, iface, peer, text);
        try {
          await setPeer(deaf);
          assert.equal((await wgHandshakes(R, iface)).get(peer), 0);
          assert.deepEqual(await drift(), ['no_handshake upstream.a']);
          assert.equal((await s.router!.doctor()).findings[0]!.args.age, null);
        } finally { await setPeer(conf); }
        await waitHandshake(R, iface, 15_000, peer);   // persistent keepalive: the first packet starts it
        assert.deepEqual(await drift(), []);
        await expectPath({ client: 'tv', dest: 'video.test' }, 'a');
      });
      await step(t, 'dnsmasq without nftset: a dnsmasq whose --version says no-nftset, first on the router\'s PATH', async () => {
        const dir = mkdtempSync(join(tmpdir(), `swl-plain-dnsmasq-${process.pid}-`));
        try {
          // (the plain OpenWrt package: `dnsmasq --version` lists no-nftset)
          writeFileSync(join(dir, 'dnsmasq'), '#!/bin/sh\n[ "$1" = --version ] || exec /usr/sbin/dnsmasq "$@"\n/usr/sbin/dnsmasq --version | sed "s/ nftset / no-nftset /"\n');
          chmodSync(join(dir, 'dnsmasq'), 0o755);
          await s.router!.setBinDirs([dir]);
          assert.deepEqual(await drift(), ['dnsmasq_no_nftset dnsmasq']);
        } finally {
          await s.router!.setBinDirs([]);
          rmSync(dir, { recursive: true, force: true });
        }
        assert.deepEqual(await drift(), []);
      });
      await step(t, 'uncommitted changes', async () => {
        // The lab's UCI is the in-memory store (test/router/fakes.ts MemUci), not libuci: there is
        // no `uci` to run a `uci set` with, so the change is put in the store's delta list, which
        // is what its `changes()` (ucode's cursor.changes(), `uci changes`) reports.
        await s.router!.setPending('splitwg', [['set', 'tv', 'default', 'proxy']]);
        try { assert.deepEqual(await drift(), ['uncommitted splitwg']); } finally { await s.router!.setPending('splitwg', []); }
        assert.deepEqual(await drift(), []);
      });
      await step(t, 'IPv6 forwarded (net.ipv6.conf.all.forwarding=1 in swl-router) without classification', async () => {
        assert.equal((await lab.exec(R, ['cat', '/proc/sys/net/ipv6/conf/all/forwarding'])).trim(), '1');
        const base = current.baseText;
        try {
          const off = base.replace("option ipv6 '1'", "option ipv6 '0'");
          assert.notEqual(off, base);
          assert.equal((await s.apply(off)).router!.result.ok, true);
          assert.deepEqual(await drift(), ['ipv6_unclassified globals.ipv6']);
          const v4only = base.replace(`\tlist address '${LAN_CLIENTS.laptop.v6}'\n`, '');
          assert.notEqual(v4only, base);
          assert.equal((await s.apply(v4only)).router!.result.ok, true);
          assert.deepEqual(await drift(), ['client_ipv4_only client.laptop.address']);
        } finally { await s.apply(base); }
        assert.deepEqual(await drift(), []);
        // globals.ipv6 '0' took sw_server's IPv6 addresses: netifd re-created it, and the phone's
        // session went with it; the phone reconnects (its own WireGuard would, after its rekey timeout)
        const phone = lab.wg.phone, server = lab.wg.server.publicKey;
        await renewPeer(phone.ns, phone.ifname, server, await lab.exec(phone.ns, ['wg', 'showconf', phone.ifname]));
        await waitHandshake(R, PLAN_IFACES.server, 15_000, phone.publicKey);
        await expectPath({ client: 'phone', dest: 'news.test' }, 'b');
      });
    });

    test('apply path: an idempotent re-apply reloads nothing (no nft -f, dnsmasq, netifd or fw4): same rule handles, same dnsmasq', async () => {
      const { s } = current;
      const h0 = await handles(), pid0 = dnsPid();
      const run = await s.router!.apply();
      assert.equal(run.result.ok, true, run.result.message);
      assert.deepEqual(run.result.changed, { nft: false, dnsmasq: false, network: false, firewall: false, dhcp: false });
      assert.deepEqual(reloads(run.calls), [], run.calls.join('\n'));
      assert.deepEqual(run.requests, [], 'nothing was asked of netifd, fw4 or dnsmasq');
      assert.deepEqual(run.calls.filter((c) => c.startsWith('conntrack')), [], 'no connection reset');
      assert.equal(await handles(), h0, 'the table was not reloaded');
      assert.equal(dnsPid(), pid0, 'dnsmasq was not restarted');
      await expectPath({ client: 'tv', dest: 'video.test' }, 'a');
    });

    test('apply path: a one-rule edit reloads only what it changed (an address rule: nft; a domain: dnsmasq)', async (t) => {
      const { s } = current;
      const base = current.baseText;
      await step(t, 'an address rule: only the table is reloaded; only the laptop\'s connections are reset', async () => {
        await expectPath(L(SERVICES.web2, 8080), 'blocked', 'before: 192.0.2.20 tcp/8080 is blocked');
        const pid0 = dnsPid();
        const rep = await s.apply(laptopBlockEdit(base));
        const run = rep.router!;
        assert.deepEqual(run.result.changed, { nft: true, dnsmasq: false, network: false, firewall: false, dhcp: false });
        assert.deepEqual(reloads(run.calls), [NEXT_NFT], run.calls.join('\n'));
        assert.deepEqual(run.requests, []);
        assert.ok(run.calls.indexOf(`nft -c -f ${PATHS.state}/next.nft`) < run.calls.indexOf(NEXT_NFT), 'checked (nft -c) before loading');
        assert.ok(run.calls.filter((c) => c.startsWith('conntrack')).every((c) => c.includes('192.168.77.12') || c.includes('fd77::12')), `only the laptop: ${run.calls.filter((c) => c.startsWith('conntrack'))}`);
        assert.equal(dnsPid(), pid0, 'dnsmasq was not restarted');
        await expectPath(L(SERVICES.web2, 8080), 'a', 'after: 192.0.2.20 falls to rule[6] (proxy via a)');
        await expectPath(L(SERVICES.web1cdn, 8080), 'blocked', 'after: 192.0.2.11 tcp/8080 is blocked');
      });
      await step(t, 'a domain: only dnsmasq is restarted; the table is the same', async () => {
        await s.apply(base);
        await expectPath({ client: 'tv', dest: 'shop.test' }, 'direct', 'before: no rule for tv');
        const h0 = await handles(), pid0 = dnsPid();
        const rep = await s.apply(streamingDomainEdit(base));
        const run = rep.router!;
        assert.deepEqual(run.result.changed, { nft: false, dnsmasq: true, network: false, firewall: false, dhcp: false });
        assert.deepEqual(reloads(run.calls), ['/etc/init.d/dnsmasq restart'], run.calls.join('\n'));
        assert.deepEqual(run.requests, ['dnsmasq restart']);
        assert.equal(await handles(), h0, 'the table was not reloaded');
        assert.notEqual(dnsPid(), pid0, 'dnsmasq was restarted');
        assert.ok(nftsetSets((await s.router!.files()).dnsmasq ?? '', 'shop.test').includes('rs_streaming_0_d4'));
        await expectPath({ client: 'tv', dest: 'shop.test' }, 'a', 'after: the streaming rule names shop.test');
        await expectPath({ client: 'kid', dest: 'shop.test' }, 'blocked', 'the kid\'s block rule on the same domain still holds');
      });
      await s.apply(base);
      await s.reloadTable(); // shop.test's learned address would stay in the streaming set: the bug of scenario 8c
      await expectPath(L(SERVICES.web2, 8080), 'blocked', 'back to the default config');
    });

    test('apply path: a failing nft -f leaves the previous table and traffic in force', async () => {
      const { s } = current;
      const base = current.baseText;
      const shape0 = await shape(), files0 = await s.router!.files();
      await s.router!.failNext(/^nft -f \S*next\.nft$/, { stderr: 'Error: Could not process rule: No buffer space available (lab: forced)\n' });
      await s.router!.setConfig('splitwg', laptopBlockEdit(base));
      const run = await s.router!.apply();
      assert.equal(run.result.ok, false);
      assert.equal(run.result.error?.code, 'APPLY_FAILED');
      assert.equal(run.result.error?.path, 'nft');
      assert.match(run.result.message, /^nft: nft -f .* exited 1: Error: Could not process rule: No buffer space available \(lab: forced\); previous state restored$/);
      assert.deepEqual(run.requests, [], 'netifd, fw4, dnsmasq untouched');
      const files = await s.router!.files();
      assert.equal(files.nft, files0.nft, 'the ruleset-post file is the previous one');
      assert.equal(files.dnsmasq, files0.dnsmasq);
      assert.equal(JSON.parse(files.state!).ok, false, 'the failure is recorded');
      assert.equal(await shape(), shape0, 'the previous table is in force');
      await expectPath(L(SERVICES.web2, 8080), 'blocked', 'the previous rules: 192.0.2.20 tcp/8080 blocked');
      await expectPath(L(SERVICES.web1cdn, 8080), 'a', 'the previous rules: 192.0.2.11 via a');
      await expectPath({ client: 'tv', dest: 'video.test' }, 'a');
      await expectPath({ client: 'kid', dest: 'video.test' }, 'b');
      // nothing was left half-done: the previous config applies as "no change"
      await s.router!.setConfig('splitwg', base);
      const again = await s.router!.apply();
      assert.equal(again.result.ok, true, again.result.message);
      assert.deepEqual(reloads(again.calls), [], again.calls.join('\n'));
    });

    test('apply path: a failing dnsmasq restart after the new table was loaded: the previous table, dnsmasq file and traffic are back', async (t) => {
      const { s } = current;
      const base = current.baseText;
      const shape0 = await shape(), files0 = await s.router!.files();
      await expectPath({ client: 'tv', dest: 'news.test' }, 'direct');
      await s.router!.failNext(/^\/etc\/init\.d\/dnsmasq restart$/, { stderr: 'Command failed: Request timed out (lab: forced)\n' });
      await s.router!.setConfig('splitwg', base + `
config rule
	option client 'tv'
	option name 'News via B'
	list domain 'news.test'
	option upstream 'b'
`);
      const run = await s.router!.apply();
      assert.equal(run.result.ok, false);
      assert.equal(run.result.error?.path, 'dnsmasq');
      assert.match(run.result.message, /previous state restored$/);
      const seq = reloads(run.calls);
      assert.deepEqual(seq, [NEXT_NFT, '/etc/init.d/dnsmasq restart', '/etc/init.d/dnsmasq restart', NEXT_NFT],
        'loaded, failed to restart dnsmasq; undone in reverse: dnsmasq restarted on the previous file, the previous table loaded again (staged with deleting the failed table\'s new sets)');
      const files = await s.router!.files();
      assert.equal(files.nft, files0.nft);
      assert.equal(files.dnsmasq, files0.dnsmasq, 'the previous conf-dir file');
      const shape1 = await shape();
      assert.equal(chains(shape1), chains(shape0), 'the previous chains and rules are in force');
      await step(t, 'the sets the failed table added are gone too', () => {
        assert.deepEqual(setNames(shape1), setNames(shape0));
      });
      await expectPath({ client: 'tv', dest: 'news.test' }, 'direct', 'the new rule is not in force');
      await expectPath({ client: 'phone', dest: 'news.test' }, 'b');
      await s.router!.setConfig('splitwg', base);
      const again = await s.router!.apply();
      assert.equal(again.result.ok, true, again.result.message);
      assert.deepEqual(reloads(again.calls), [], again.calls.join('\n'));
    });
  },
});
