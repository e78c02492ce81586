// What the lab may never leave behind on the host: swl-* namespaces, links / addresses / routes /
// rules / nft tables in the host namespace, wireguard-go sockets, /tmp/swl-* dirs, lab processes.
// Used by the tests that check teardown (topology, scenarios, cleanup).

import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, readlinkSync, statSync } from 'node:fs';

/** wireguard-go interface names the lab (and the plans it realises) use */
const LAB_WG_IF = /^(sw_|swl-|wg_a$|wg_b$|wg_srv$)/;
const LAB_SCRIPT = /\/tmp\/swl-|lab\/(agent|services\/echo|crash-child|demo)\.ts/;

function netnsOf(pid: string): string {
  try { return readlinkSync(`/proc/${pid}/ns/net`); } catch { return ''; }
}

/** network namespaces named in /run/netns that are not the lab's (another project's test namespaces) */
function foreignNetns(): Set<string> {
  const out = new Set<string>();
  let names: string[] = [];
  try { names = readdirSync('/run/netns'); } catch { return out; }
  for (const n of names) {
    if (n.startsWith('swl-')) continue;
    try { out.add(`net:[${statSync(`/run/netns/${n}`).ino}]`); } catch { /* gone */ }
  }
  return out;
}

/**
 * Processes that are the lab's ("pid cmdline"): anything pointing into a /tmp/swl-* state dir or
 * running a lab script, wireguard-go for a lab interface name, dnsmasq / tcpdump outside the host's
 * network namespace and outside any other named namespace. (Other programs of the same names —
 * another project's tests, in the host or in their own namespaces — are not counted.)
 */
export function labLikeProcesses(): Set<string> {
  const s = new Set<string>();
  const hostNs = netnsOf('self');
  const foreign = foreignNetns();
  for (const e of readdirSync('/proc')) {
    if (!/^\d+$/.test(e)) continue;
    let argv: string[] = [];
    try { argv = readFileSync(`/proc/${e}/cmdline`, 'utf8').split('\0').filter(Boolean); } catch { continue; }
    if (!argv.length) continue;
    try { if (/^State:\s+Z/m.test(readFileSync(`/proc/${e}/status`, 'utf8'))) continue; } catch { continue; } // reaped soon
    const c = argv.join(' ');
    const prog = argv[0]!.split('/').pop()!;
    const lab = LAB_SCRIPT.test(c)
      || (prog === 'wireguard-go' && LAB_WG_IF.test(argv[argv.length - 1]!))
      || ((prog === 'dnsmasq' || prog === 'tcpdump') && netnsOf(e) !== hostNs && !foreign.has(netnsOf(e)));
    if (lab) s.add(`${e} ${c}`);
  }
  return s;
}

export function hostSnapshot() {
  // (lifetimes and expiry timers of the host's own dynamic addresses/routes tick on their own)
  const x = (cmd: string, ...args: string[]) => execFileSync(cmd, args, { encoding: 'utf8' })
    .replace(/\b(valid_lft|preferred_lft|expires)\s+\S+/g, '$1 _');
  return {
    netns: x('ip', 'netns', 'list').split('\n').filter((l) => l.startsWith('swl-')),
    links: x('ip', '-o', 'link').split('\n').map((l) => l.split(':')[1]?.trim()).filter(Boolean),
    addrs: x('ip', '-o', 'addr'),
    routes4: x('ip', 'route', 'show', 'table', 'all'),
    routes6: x('ip', '-6', 'route', 'show', 'table', 'all'),
    rules: x('ip', 'rule') + x('ip', '-6', 'rule'),
    nftTables: x('nft', 'list', 'tables'),
    wgSockets: (() => { try { return readdirSync('/var/run/wireguard'); } catch { return []; } })(),
    tmp: readdirSync('/tmp').filter((n) => n.startsWith('swl-')),
  };
}
export type HostSnapshot = ReturnType<typeof hostSnapshot>;

/** processes present now that were not in `before` */
export function newLabProcesses(before: Set<string>): string[] {
  return [...labLikeProcesses()].filter((p) => !before.has(p));
}
