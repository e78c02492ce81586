// The packages under the real opkg on a live OpenWrt userland root (procd, rpcd, netifd, fw4):
// install, first boot, upgrade, remove — with and without a configuration of the user's.
//
//   OPENWRT_ROOT=/opt/owrt npx vitest run lab/openwrt/package.test.ts

import { describe, test, beforeAll, afterAll } from 'vitest';
import assert from 'node:assert/strict';
import { packages, RELEASE } from '../../packaging/packages.mjs';
import { flashFiles, splitwgConfig } from './files.ts';
import { OpenWrtLab, unavailable } from './root.ts';
import { OPKG, exportOwned, expectVersion, install, runUciDefaults, tableExists, waitIfaceUp, watchTable } from './ops.ts';

const skip = unavailable();
const VERSION = packages()[0]!.version;
const NEXT = `${VERSION}.1`; // a newer release of the same code
const NEXT2 = `${VERSION}.2`;

describe('packages under the real opkg', { skip: Boolean(skip) }, () => {
  const lab = new OpenWrtLab();
  let pristine = '';
  let installed = new Map<string, string[]>();

  beforeAll(async () => {
    await lab.up(flashFiles());
    pristine = await exportOwned(lab);
  });
  afterAll(() => lab.down());

  test('install: files in place, rpcd reloaded by postinst (ubus splitwg answers), service enabled, sane control fields', async () => {
    const r = await install(lab);
    installed = r.files;
    await runUciDefaults(lab);
    for (const [pkg, all] of installed) {
      // default_postinst runs the package's uci-defaults and deletes them (as first boot would)
      const files = all.filter((f) => !f.startsWith('/etc/uci-defaults/'));
      const missing = (await lab.x(`for f in ${files.join(' ')}; do [ -e "$f" ] || echo "$f"; done`)).trim();
      assert.equal(missing, '', `${pkg}: files missing after install`);
    }
    await expectVersion(lab, VERSION, `ubus call splitwg version (postinst reloads rpcd through procd):\n${r.out}`);
    assert.match(await lab.x('ls /etc/rc.d'), /^S95splitwg$/m, 'enabled by default_postinst');
    for (const p of packages().filter((x) => installed.has(x.name))) {
      const info = await lab.x(`${OPKG} info ${p.name}`);
      assert.match(info, new RegExp(`^Version: ${VERSION.replace(/\./g, '\\.')}-r${RELEASE}$`, 'm'), info);
      assert.match(info, /^Status: install \S+ installed$/m, info);
      assert.match(info, /^Architecture: all$/m, info);
      const control = await lab.x(`cat /usr/lib/opkg/info/${p.name}.control`);
      const source = /^Source: (.+)$/m.exec(control)?.[1];
      assert.ok(source, `${p.name}: no Source: in its control file\n${control}`);
      assert.ok(!source.includes('..') && !source.startsWith('/') && source.split('/').pop() === p.name,
        `${p.name}: Source: ${source} must be the package's directory in the build tree`);
    }
  });

  test('upgrade with no change by the user: no /etc/config/splitwg-opkg, new version answers', async () => {
    await install(lab, NEXT);
    assert.match(await lab.x(`${OPKG} list-installed`), new RegExp(`^splitwg - ${NEXT.replace(/\./g, '\\.')}-r`, 'm'));
    await expectVersion(lab, VERSION, 'rpcd serves the upgraded plugin');
    const opkgFiles = await lab.x('ls /etc/config');
    assert.doesNotMatch(opkgFiles, /splitwg-opkg/, 'the user never changed /etc/config/splitwg, so nothing needs merging');
  });

  test('remove with no change by the user: every file gone, the config too, ubus splitwg gone', async () => {
    await lab.x(`${OPKG} remove luci-app-splitwg splitwg 2>&1`);
    const left = (await lab.x(`for f in ${[...installed.values()].flat().join(' ')}; do [ -e "$f" ] && echo "$f"; done; true`)).trim();
    assert.equal(left, '', 'files left after opkg remove (an unchanged conffile goes too)');
    await expectVersion(lab, null, 'ubus call splitwg still answers after remove');
    assert.equal(await tableExists(lab), false);
    assert.equal(await exportOwned(lab), pristine, 'network/firewall/dhcp as before the install');
  });

  test('upgrade while a configuration is applied: table inet splitwg never goes away', async () => {
    await install(lab);
    await runUciDefaults(lab);
    await lab.x('cat > /etc/config/splitwg', { input: splitwgConfig(lab) });
    await lab.x('splitwg apply');
    await waitIfaceUp(lab, 'sw_vps');
    assert.equal(await tableExists(lab), true);
    const w = await watchTable(lab, async () => { await install(lab, NEXT2); });
    assert.match(await lab.x(`${OPKG} list-installed`), new RegExp(`^splitwg - ${NEXT2.replace(/\./g, '\\.')}-r`, 'm'));
    await expectVersion(lab, VERSION, 'after the upgrade');
    assert.deepEqual(w.deletes, [], 'nft monitor saw the table deleted during the upgrade (a teardown window)');
    assert.equal(w.missing, 0, `the table was missing in ${w.missing} of ${w.polls} polls during the upgrade`);
    assert.ok(w.polls > 0);
    assert.equal(await tableExists(lab), true);
    assert.equal(await lab.x('uci -q get splitwg.host.upstream'), 'vps\n', "the user's configuration is kept");
  });

  test("remove with the user's configuration: everything splitwg made is gone, the config stays", async () => {
    await lab.x(`${OPKG} remove luci-app-splitwg splitwg 2>&1`);
    const left = (await lab.x(`for f in ${[...installed.values()].flat().filter((f) => f !== '/etc/config/splitwg').join(' ')}; do [ -e "$f" ] && echo "$f"; done; true`)).trim();
    assert.equal(left, '', 'files left after opkg remove');
    for (const f of ['/var/run/splitwg/state.json', '/usr/share/nftables.d/ruleset-post/90-splitwg.nft'])
      assert.equal((await lab.sh(`[ -e ${f} ]`)).code, 1, `${f} left after remove`);
    assert.equal(await tableExists(lab), false, 'table inet splitwg left after remove');
    assert.equal(await exportOwned(lab), pristine, 'sections splitwg owned are left in network/firewall/dhcp');
    await expectVersion(lab, null, 'ubus call splitwg still answers after remove');
    assert.match(await lab.x('cat /etc/config/splitwg'), /config upstream 'vps'/, "the user's configuration is kept");
    assert.equal((await lab.sh('ip link show sw_vps')).code, 1, 'the tunnel is down');
  });
});

if (skip) test(`openwrt tier: skipped (${skip})`, { skip: true }, () => {});
