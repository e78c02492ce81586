// Check (and on Debian as root, install) what the lab needs.
//
//   node --import tsx lab/deps.ts            # check, install what is missing if possible
//   node --import tsx lab/deps.ts --check    # check only
//
// Installing is announced on stderr; anything that cannot be fixed is listed with the
// command that would fix it, and the check fails (exit 1 when run standalone).

import { execFileSync } from 'node:child_process';
import { accessSync, constants, existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

export const REQUIRED: readonly { bin: string; pkg: string; why: string }[] = [
  { bin: 'ip', pkg: 'iproute2', why: 'namespaces, links, addresses, routes, rules' },
  { bin: 'nft', pkg: 'nftables', why: 'NAT and the plan\'s tables' },
  { bin: 'dnsmasq', pkg: 'dnsmasq-base', why: 'authoritative DNS, public resolver and the router\'s resolver' },
  { bin: 'wireguard-go', pkg: 'wireguard-go', why: 'userspace WireGuard (no kernel module needed)' },
  { bin: 'wg', pkg: 'wireguard-tools', why: 'configures WireGuard interfaces' },
  { bin: 'tcpdump', pkg: 'tcpdump', why: 'packet captures in assertions' },
  { bin: 'curl', pkg: 'curl', why: 'HTTP probes from clients' },
];

export class DepsError extends Error {
  constructor(message: string) { super(message); this.name = 'DepsError'; }
}

const SEARCH_PATH = [...(process.env.PATH ?? '').split(':'), '/usr/local/sbin', '/usr/local/bin', '/usr/sbin', '/usr/bin', '/sbin', '/bin'];

export function which(bin: string): string | null {
  for (const dir of SEARCH_PATH) {
    if (!dir) continue;
    const p = join(dir, bin);
    try { accessSync(p, constants.X_OK); return p; } catch { /* next */ }
  }
  return null;
}

export function missingTools(): typeof REQUIRED[number][] {
  return REQUIRED.filter((r) => !which(r.bin));
}

const say = (msg: string) => process.stderr.write(`[lab deps] ${msg}\n`);

function isDebianRoot(): boolean {
  return process.getuid?.() === 0 && existsSync('/etc/debian_version') && !!which('apt-get');
}

function aptInstall(pkgs: string[]): void {
  const args = ['install', '-y', '--no-install-recommends', ...pkgs];
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  say(`INSTALLING missing packages: apt-get ${args.join(' ')}`);
  try {
    execFileSync('apt-get', args, { stdio: ['ignore', 2, 2], env });
  } catch {
    say('apt-get install failed; running apt-get update and trying once more');
    execFileSync('apt-get', ['update'], { stdio: ['ignore', 2, 2], env });
    execFileSync('apt-get', args, { stdio: ['ignore', 2, 2], env });
  }
}

function ensureTun(): void {
  if (existsSync('/dev/net/tun')) return;
  say('/dev/net/tun is missing: trying `modprobe tun`');
  try { execFileSync('modprobe', ['tun'], { stdio: 'ignore' }); } catch { /* may be built in or unavailable */ }
  if (existsSync('/dev/net/tun')) return;
  try {
    say('creating /dev/net/tun (mknod c 10 200)');
    mkdirSync('/dev/net', { recursive: true });
    execFileSync('mknod', ['/dev/net/tun', 'c', '10', '200'], { stdio: 'ignore' });
  } catch { /* checked below */ }
  if (!existsSync('/dev/net/tun')) throw new DepsError('/dev/net/tun is missing and could not be created: wireguard-go needs the tun driver (modprobe tun)');
}

/**
 * Make sure the lab can run: root, Node >= 20, the tools above, /dev/net/tun.
 * Installs missing tools with apt-get when running as root on Debian (unless install=false).
 */
export function ensureDeps(opts: { install?: boolean } = {}): void {
  const install = opts.install ?? true;
  if (process.getuid?.() !== 0) throw new DepsError('the lab needs root (network namespaces, nftables, tun devices); run it as root');
  const major = Number(process.versions.node.split('.')[0]);
  if (major < 20) throw new DepsError(`the lab needs Node >= 20 (this is ${process.versions.node})`);
  let missing = missingTools();
  if (missing.length && install && isDebianRoot()) {
    aptInstall([...new Set(missing.map((m) => m.pkg))]);
    missing = missingTools();
  }
  if (missing.length) {
    const lines = missing.map((m) => `  - ${m.bin} (Debian package ${m.pkg}): ${m.why}`).join('\n');
    throw new DepsError(
      `the lab is missing tools:\n${lines}\ninstall them with:\n  apt-get install -y --no-install-recommends ${[...new Set(missing.map((m) => m.pkg))].join(' ')}`,
    );
  }
  ensureTun();
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  try {
    ensureDeps({ install: !process.argv.includes('--check') });
    say(`ok: ${REQUIRED.map((r) => `${r.bin}=${which(r.bin)}`).join(' ')}, /dev/net/tun present`);
  } catch (e) {
    process.stderr.write(`[lab deps] ${(e as Error).message}\n`);
    process.exit(1);
  }
}
