// What the tests do on the router, the way a router owner or the system does it.

import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ipks } from './files.ts';
import { waitFor, type OpenWrtLab } from './root.ts';

export const OPKG = 'opkg -f /etc/opkg.conf';

/** Build both packages (as `npm run package` does; `version` = a newer release) and `opkg install` them. */
export async function install(lab: OpenWrtLab, version?: string): Promise<{ out: string; files: Map<string, string[]> }> {
  const built = ipks(version);
  const files = new Map<string, string[]>();
  for (const b of built) {
    writeFileSync(join(lab.xfer, b.file), b.ipk);
    files.set(b.name, b.files.map((f) => `/${f.rel}`));
  }
  const out = await lab.x(`cd /mnt/xfer && ${OPKG} install ${built.map((b) => `./${b.file}`).join(' ')} 2>&1`, { timeoutMs: 120_000 });
  return { out, files };
}

/** What /etc/init.d/boot does with /etc/uci-defaults on first boot: run each, delete those that succeed. */
export async function runUciDefaults(lab: OpenWrtLab): Promise<string> {
  return lab.x('cd /etc/uci-defaults 2>/dev/null || exit 0; for i in *; do [ -f "$i" ] || continue; ( . "./$i" ) && rm -f "./$i"; done; uci commit; ls /etc/uci-defaults');
}

export const exportOwned = (lab: OpenWrtLab): Promise<string> => lab.x('for c in network firewall dhcp; do uci export $c; done');

/** `ubus call splitwg version`, or null when nothing answers */
export async function splitwgVersion(lab: OpenWrtLab): Promise<string | null> {
  return (await lab.ubus<{ version: string }>('splitwg', 'version'))?.version ?? null;
}

// rpcd reloads asynchronously (procd sends it SIGHUP after opkg's script
// returned): wait for the answer; an absent object must stay absent.
export async function expectVersion(lab: OpenWrtLab, want: string | null, why: string): Promise<void> {
  await waitFor(async () => (await splitwgVersion(lab)) === want || null, 30_000, async () => `${why}: ubus call splitwg version answers ${await splitwgVersion(lab)}, not ${want}`, 200);
  if (want === null) {
    await new Promise((r) => setTimeout(r, 1000));
    if ((await splitwgVersion(lab)) !== null) throw new Error(`${why}: ubus call splitwg answers again after a reload`);
  }
}

export async function ifaceUp(lab: OpenWrtLab, iface: string): Promise<boolean> {
  return (await lab.ubus<{ up: boolean }>(`network.interface.${iface}`, 'status'))?.up === true;
}

export async function waitIfaceUp(lab: OpenWrtLab, iface: string, timeoutMs = 30_000): Promise<void> {
  await waitFor(() => ifaceUp(lab, iface), timeoutMs, async () => `${iface} not up: ${(await lab.sh(`ubus call network.interface.${iface} status; logread 2>/dev/null | tail -20`)).stdout}`, 200);
}

export const tableExists = async (lab: OpenWrtLab): Promise<boolean> => (await lab.sh('nft list table inet splitwg >/dev/null 2>&1')).code === 0;

/**
 * Watch table inet splitwg while `during` runs: `nft monitor` (every delete of the table is an
 * event) and a loop that lists the table as fast as it can. Returns the deletes seen and how many
 * times the table was missing.
 */
export async function watchTable(lab: OpenWrtLab, during: () => Promise<void>): Promise<{ deletes: string[]; missing: number; polls: number }> {
  await lab.x('rm -f /tmp/mon.log /tmp/poll.log /tmp/poll.stop; (nft monitor > /tmp/mon.log 2>&1 & echo $! > /tmp/mon.pid)');
  // the monitor is listening once it reports an event we cause
  await waitFor(async () => {
    await lab.sh('nft add table inet swo_probe && nft delete table inet swo_probe');
    return (await lab.sh('grep -q "table inet swo_probe" /tmp/mon.log')).code === 0;
  }, 10_000, () => 'nft monitor did not start');
  await lab.x('(while [ ! -f /tmp/poll.stop ]; do nft list table inet splitwg >/dev/null 2>&1 && echo ok || echo MISSING; done > /tmp/poll.log 2>&1 &)');
  try {
    await during();
  } finally {
    await lab.sh('touch /tmp/poll.stop; sleep 0.2; kill $(cat /tmp/mon.pid)');
  }
  const mon = await lab.x('cat /tmp/mon.log');
  const poll = (await lab.x('cat /tmp/poll.log')).split('\n').filter(Boolean);
  return {
    deletes: mon.split('\n').filter((l) => /^delete table inet splitwg\b/.test(l.trim())),
    missing: poll.filter((l) => l === 'MISSING').length,
    polls: poll.length,
  };
}
