// splitwg on a router running the real OpenWrt userland: procd as PID 1 runs rpcd, netifd, fw4 and
// (a stand-in of) dnsmasq's init; the package is installed with the real opkg; `splitwg` is the
// package's CLI under the real ucode. Real packets from a LAN host show where traffic leaves:
// the internet sees 203.0.113.2 (the VPS: through the tunnel) or 198.51.100.2 (the router's WAN).
//
//   OPENWRT_ROOT=/opt/owrt npx vitest run lab/openwrt/router.test.ts

import { describe, test, beforeAll, afterAll } from 'vitest';
import assert from 'node:assert/strict';
import { DNSMASQ_SECTION, flashFiles, splitwgConfig } from './files.ts';
import { ADDR, OpenWrtLab, unavailable, waitFor } from './root.ts';
import { nftsetSets } from '../../test/helpers/dnsmasq.ts';
import { exportOwned, ifaceUp, install, runUciDefaults, tableExists, waitIfaceUp } from './ops.ts';

const skip = unavailable();
const [HOST, HOST_NEW, OTHER] = ADDR.lanHosts;
const [TUNNELLED, DIRECT] = ADDR.web; // rule "Tunnel" (proxy) and rule "Direct"
const VIA_TUNNEL = ADDR.vps;
const VIA_WAN = ADDR.routerWan;

describe('splitwg on the real OpenWrt userland', { skip: Boolean(skip) }, () => {
  const lab = new OpenWrtLab();
  let pristine = '';

  beforeAll(async () => {
    // dnsmasq is installed but not enabled: the first apply happens before it ever ran
    await lab.up(flashFiles(), { enable: ['rpcd', 'network', 'firewall'] });
    pristine = await exportOwned(lab);
    await install(lab);
    await runUciDefaults(lab);
    await lab.x('cat > /etc/config/splitwg', { input: splitwgConfig(lab) });
  });
  afterAll(() => lab.down());

  /** the split as the internet sees it, for the three probes every check uses */
  async function split(): Promise<{ tunnelled: string | null; direct: string | null; other: string | null }> {
    return {
      tunnelled: await lab.httpFrom(HOST!, TUNNELLED!),
      direct: await lab.httpFrom(HOST!, DIRECT!),
      other: await lab.httpFrom(OTHER!, DIRECT!),
    };
  }
  const SPLIT = { tunnelled: VIA_TUNNEL, direct: VIA_WAN, other: VIA_TUNNEL };
  /** the split right after something changed: netifd / the handshake may still be catching up */
  async function waitSplit(what: string): Promise<void> {
    let last = {};
    await waitFor(async () => { last = await split(); return JSON.stringify(last) === JSON.stringify(SPLIT); }, 30_000,
      async () => `${what}: split ${JSON.stringify(last)}, want ${JSON.stringify(SPLIT)}\n${(await lab.sh('ip rule; ip route show table 2101; wg show; nft list tables')).stdout}`, 500);
  }

  test('apply before dnsmasq ever ran: our entries land where OpenWrt\'s dnsmasq init points its conf-dir', async () => {
    assert.notEqual((await lab.sh('pidof dnsmasq')).code, 0, 'dnsmasq must not run yet');
    const dir = `/tmp/dnsmasq.${DNSMASQ_SECTION}.d`;
    let file;
    try {
      const out = await lab.x('splitwg apply 2>&1');
      file = await lab.sh(`cat ${dir}/splitwg.conf`);
      assert.equal(file.code, 0, `${dir}/splitwg.conf missing after apply (${out.trim()}); found: ${(await lab.sh('ls -d /tmp/dnsmasq*.d /tmp/dnsmasq*.d/* 2>&1')).stdout}`);
      assert.ok(nftsetSets(file.stdout, 'video.test').length > 0, file.stdout);
    } finally {
      // the init script (as on a router after boot) (re)starts dnsmasq with that conf-dir
      await lab.x('/etc/init.d/dnsmasq enable; /etc/init.d/dnsmasq restart');
    }
    await waitFor(async () => (await lab.sh('pidof dnsmasq')).code === 0, 15_000, () => 'dnsmasq did not start');
    assert.match(await lab.x(`cat /var/etc/dnsmasq.conf.${DNSMASQ_SECTION}`), new RegExp(`^conf-dir=${dir.replace(/\./g, '\\.')}$`, 'm'));
    await waitFor(async () => (await lab.resolve('video.test')).includes(ADDR.web[2]), 15_000, () => 'video.test does not resolve through the router');
    assert.match(await lab.x('nft list set inet splitwg c_host_1_d4'), new RegExp(ADDR.web[2].replace(/\./g, '\\.')), 'dnsmasq filled the domain set');
    await waitIfaceUp(lab, 'sw_vps');
    await waitFor(async () => (await lab.httpFrom(HOST!, ADDR.web[2])) === VIA_TUNNEL, 30_000, () => 'video.test is not reached through the tunnel');
  });

  test('apply through netifd and fw4: interface up, rules and table, our zone, and packets split per rule', async () => {
    await waitIfaceUp(lab, 'sw_vps');
    const dump = await lab.ubus<{ interface: { interface: string; up: boolean; proto: string; l3_device?: string }[] }>('network.interface', 'dump');
    const sw = dump?.interface.find((i) => i.interface === 'sw_vps');
    assert.ok(sw && sw.up && sw.proto === 'wireguard' && sw.l3_device === 'sw_vps', JSON.stringify(sw));
    assert.match(await lab.x('ip rule'), /^21001:\s+from all fwmark 0x20000000\/0x70000000 lookup 2101/m);
    assert.match(await lab.x('ip rule'), /^21000:\s+from all lookup main suppress_prefixlength 0/m);
    assert.match(await lab.x('ip route show table 2101'), /^default dev sw_vps/m);
    const fw4 = await lab.x('nft list table inet fw4');
    assert.match(fw4, /chain forward_splitwg \{/, 'fw4 has the splitwg zone');
    assert.match(fw4, /oifname "sw_vps" jump (dest|srcnat|forward)_splitwg/);
    assert.equal(await tableExists(lab), true);
    await waitSplit('after apply');
  });

  test('procd: the reload trigger of /etc/init.d/splitwg runs our reload on a splitwg config change', async () => {
    const svc = await lab.x(`ubus call service list '{"name":"splitwg","verbose":true}'`);
    assert.match(svc, /"config.change"/, `no config.change trigger registered: ${svc}`);
    assert.match(svc, /"splitwg"/);
    await lab.x('uci set splitwg.host.default=proxy; uci commit splitwg');
    await lab.x(`ubus call service event '{"type":"config.change","data":{"package":"splitwg"}}'`);
    await waitFor(async () => /client host default: proxy/.test((await lab.sh('nft list chain inet splitwg client_host')).stdout), 30_000,
      async () => `the trigger did not apply: ${(await lab.sh('nft list chain inet splitwg client_host; cat /var/run/splitwg/state.json')).stdout}`);
    await lab.x('uci set splitwg.host.default=direct; uci commit splitwg; reload_config 2>/dev/null || ubus call service event \'{"type":"config.change","data":{"package":"splitwg"}}\'');
    await waitFor(async () => /client host default: direct/.test((await lab.sh('nft list chain inet splitwg client_host')).stdout), 30_000, () => 'back to direct');
  });

  test('procd: no resident process without a group or a probe; a probe starts the health checker (respawned instance), removing it stops it', async () => {
    type Svc = { splitwg?: { instances?: Record<string, { running?: boolean; pid?: number; command?: string[] }> } };
    const instances = async () => (await lab.ubus<Svc>('service', 'list', { name: 'splitwg' }))?.splitwg?.instances ?? {};
    // every process running health.uc (by its command line: procd's instance or any other)
    const checkers = async () => (await lab.sh('grep -l "health[.]uc" /proc/[0-9]*/cmdline 2>/dev/null')).stdout.trim();
    await lab.x('/etc/init.d/splitwg reload 2>&1');
    assert.deepEqual(Object.keys(await instances()), [], 'nothing resident: no group, no probe');
    assert.equal(await checkers(), '');
    assert.notEqual((await lab.sh('splitwg health --needed')).code, 0);

    await lab.x(`uci set splitwg.vps.probe=${ADDR.vpsTunnel}; uci set splitwg.vps.probe_interval=1; uci commit splitwg; /etc/init.d/splitwg reload 2>&1`);
    try {
      await waitFor(async () => (await instances()).health?.running === true, 15_000, async () => `no health instance: ${JSON.stringify(await instances())}`);
      const inst = (await instances()).health!;
      assert.deepEqual(inst.command, ['/usr/bin/ucode', '-S', '/usr/share/splitwg/health.uc']);
      assert.notEqual(await checkers(), '');
      // its first looks: the probe through sw_vps answers
      let h: any = null;
      await waitFor(async () => { const r = await lab.sh('cat /var/run/splitwg/health.json'); h = r.code === 0 ? JSON.parse(r.stdout) : null; return h?.upstreams?.vps?.rtt != null; }, 15_000,
        async () => `health.json: ${JSON.stringify(h)}; ${(await lab.sh('logread 2>/dev/null | tail -20')).stdout}`);
      assert.equal(h.upstreams.vps.up, true);
      const st = JSON.parse(await lab.x('ubus call splitwg status'));
      assert.equal(st.upstreams.find((u: any) => u.name === 'vps').health.state, 'up');
      // procd respawns it
      await lab.x(`kill ${inst.pid}`);
      await waitFor(async () => { const i = (await instances()).health; return i?.running === true && i.pid !== inst.pid; }, 15_000, async () => `not respawned: ${JSON.stringify(await instances())}`);
    } finally {
      await lab.x('uci delete splitwg.vps.probe; uci delete splitwg.vps.probe_interval; uci commit splitwg; /etc/init.d/splitwg reload 2>&1');
    }
    await waitFor(async () => !Object.keys(await instances()).length && (await checkers()) === '', 15_000, async () => `still resident: ${JSON.stringify(await instances())} ${await checkers()}`);
  });

  for (const cmd of ['fw4 reload', 'fw4 restart', '/etc/init.d/firewall restart', 'ubus call network reload', '/etc/init.d/network reload']) {
    test(`survives \`${cmd}\``, async () => {
      await lab.x(`${cmd} 2>&1`);
      await waitFor(() => tableExists(lab), 10_000, () => `table inet splitwg gone after ${cmd}`);
      await waitIfaceUp(lab, 'sw_vps');
      await waitSplit(`after ${cmd}`);
    });
  }

  test('tunnel down (kill switch on): not one packet of the proxied client leaves by WAN; up again: tunnelled again', async () => {
    await lab.x('ubus call network.interface.sw_vps down');
    await waitFor(async () => !(await ifaceUp(lab, 'sw_vps')), 15_000, () => 'sw_vps still up');
    let tunnelled: string | null = 'x', direct: string | null = null;
    const seen = await lab.captureWan(`ip and (dst host ${TUNNELLED} or dst host ${DIRECT})`, async () => {
      tunnelled = await lab.httpFrom(HOST!, TUNNELLED!, 2000);
      direct = await lab.httpFrom(HOST!, DIRECT!); // the capture's control: this one must be seen
    });
    assert.equal(tunnelled, null, 'the proxied destination answered while the tunnel was down');
    assert.equal(direct, VIA_WAN);
    assert.ok(seen.some((l) => l.includes(`> ${DIRECT}.`)), `the capture saw the direct probe:\n${seen.join('\n')}`);
    assert.deepEqual(seen.filter((l) => l.includes(`> ${TUNNELLED}.`)), [], 'proxied packets left by WAN while the tunnel was down');
    await lab.x('ubus call network.interface.sw_vps up');
    await waitIfaceUp(lab, 'sw_vps');
    await waitSplit('after sw_vps up');
  });

  test('power cycle without any apply: fw4 loads our ruleset-post file, netifd brings our sections up, the split works', async () => {
    await lab.x('/etc/init.d/splitwg disable'); // so nothing runs `splitwg apply` at boot
    await lab.reboot();
    try {
      await waitFor(() => tableExists(lab), 30_000, async () => `no table after boot: ${(await lab.sh('nft list tables; ls /usr/share/nftables.d/ruleset-post')).stdout}`);
      await waitIfaceUp(lab, 'sw_vps');
      assert.notEqual((await lab.sh('[ -e /var/run/splitwg/state.json ]')).code, 0, 'no apply ran since boot');
      await waitSplit('after boot');
    } finally {
      await lab.x('/etc/init.d/splitwg enable');
    }
  });

  test('edits: a changed client address and a deleted client leave nothing behind (maps, chain, conntrack), also after fw4 reload', async () => {
    // open connections from the old addresses, so there is conntrack state to clear
    assert.equal(await lab.httpFrom(HOST!, TUNNELLED!), VIA_TUNNEL);
    assert.equal(await lab.httpFrom(OTHER!, DIRECT!), VIA_TUNNEL);
    assert.match(await lab.x(`conntrack -L -s ${HOST} 2>/dev/null`), new RegExp(`src=${HOST}`));
    await lab.x('cat > /etc/config/splitwg', { input: splitwgConfig(lab, { hostAddress: HOST_NEW, withOther: false }) });
    try {
      await lab.x('splitwg apply 2>&1');
      const check = async (when: string) => {
        const map = await lab.x('nft list map inet splitwg client4');
        assert.match(map, new RegExp(`${HOST_NEW!.replace(/\./g, '\\.')} : goto client_host`), `${when}: ${map}`);
        assert.doesNotMatch(map, new RegExp(`${HOST!.replace(/\./g, '\\.')}\\b`), `${when}: the old address is still classified: ${map}`);
        assert.doesNotMatch(map, new RegExp(`${OTHER!.replace(/\./g, '\\.')}\\b`), `${when}: the deleted client is still classified: ${map}`);
        assert.notEqual((await lab.sh('nft list chain inet splitwg client_other')).code, 0, `${when}: the deleted client's chain is still there`);
      };
      await check('after apply');
      for (const a of [HOST!, OTHER!])
        assert.doesNotMatch(await lab.x(`conntrack -L -s ${a} 2>/dev/null`), new RegExp(`src=${a.replace(/\./g, '\\.')}`), `conntrack entries of ${a} left`);
      await lab.x('fw4 reload');
      await check('after fw4 reload');
      await waitFor(async () => (await lab.httpFrom(HOST_NEW!, TUNNELLED!)) === VIA_TUNNEL, 20_000, () => 'the new address is not tunnelled');
      assert.equal(await lab.httpFrom(HOST!, TUNNELLED!), VIA_WAN, 'the old address is no client any more: plain routing');
    } finally {
      // back to the configuration the other tests expect
      await lab.x('cat > /etc/config/splitwg', { input: splitwgConfig(lab) });
      await lab.x('splitwg apply 2>&1');
    }
    await waitSplit('after restoring the configuration');
  });

  test('the firewall stopped (no table at all): the proxied client still does not leave by WAN', async () => {
    await lab.x('/etc/init.d/firewall stop');
    try {
      assert.equal(await tableExists(lab), false, '`firewall stop` flushes every table');
      let tunnelled: string | null = 'x';
      const seen = await lab.captureWan(`ip and dst host ${TUNNELLED}`, async () => { tunnelled = await lab.httpFrom(HOST!, TUNNELLED!, 2000); });
      assert.notEqual(tunnelled, VIA_WAN, 'the proxied client reached its destination by WAN with the firewall stopped');
      assert.deepEqual(seen, [], 'proxied packets left by WAN with the firewall stopped');
    } finally {
      await lab.x('/etc/init.d/firewall start; splitwg apply 2>&1');
    }
  });

  test('splitwg doctor: names a missing table and a missing ip rule; clean after apply', async () => {
    try {
      await lab.x('/etc/init.d/firewall stop');
      const d1 = await lab.sh('splitwg doctor 2>&1');
      assert.notEqual(d1.code, 0, `doctor must fail with the table gone:\n${d1.stdout}`);
      assert.match(d1.stdout, /inet splitwg/, d1.stdout);
    } finally {
      await lab.x('/etc/init.d/firewall start; splitwg apply 2>&1');
    }
    await lab.x('ip rule del priority 21001');
    try {
      const d2 = await lab.sh('splitwg doctor 2>&1');
      assert.notEqual(d2.code, 0, d2.stdout);
      assert.match(d2.stdout, /21001|sw_vps_rule4|fwmark 0x20000000/, d2.stdout);
    } finally {
      await lab.x('splitwg apply 2>&1; ip rule | grep -q "^21001:" || ubus call network reload');
    }
    const d3 = await lab.sh('splitwg doctor 2>&1');
    assert.equal(d3.code, 0, `doctor after apply:\n${d3.stdout}`);
  });

  test('splitwg stop: network, firewall and dhcp exactly as before the install, no table, no tunnel', async () => {
    await lab.x('splitwg stop 2>&1');
    assert.equal(await exportOwned(lab), pristine);
    assert.equal(await tableExists(lab), false);
    assert.notEqual((await lab.sh('ip link show sw_vps')).code, 0, 'sw_vps still exists');
    assert.doesNotMatch(await lab.x('ip rule'), /lookup 2101/);
    assert.notEqual((await lab.sh(`[ -e /tmp/dnsmasq.${DNSMASQ_SECTION}.d/splitwg.conf ] || [ -e /tmp/dnsmasq.d/splitwg.conf ]`)).code, 0, 'our dnsmasq file is left');
  });
});

if (skip) test(`openwrt tier: skipped (${skip})`, { skip: true }, () => {});
