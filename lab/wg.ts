// WireGuard endpoints in the lab: userspace wireguard-go (there is no kernel module)
// configured with `wg setconf`, addressed with `ip`. Used for the upstream VPSes and
// the phone by topology.ts, and for the router's interfaces — by the hard-coded
// defaults now and later by code that feeds it the compiled plan.

import { createPrivateKey, createPublicKey, randomBytes } from 'node:crypto';
import { mkdirSync, unlinkSync, writeFileSync, existsSync } from 'node:fs';
import { connect } from 'node:net';
import { join } from 'node:path';
import { backgroundProcesses, ipBatch, recordState, sh, spawnBg, statePath, trySh, waitFor, type BgProcess } from './netns.ts';

export interface WgKeyPair { privateKey: string; publicKey: string }

const PKCS8_X25519_PREFIX = Buffer.from('302e020100300506032b656e04220420', 'hex');

/** Public key of a base64 WireGuard private key (same result as `wg pubkey`). */
export function wgPublicKey(privateKey: string): string {
  const raw = Buffer.from(privateKey, 'base64');
  if (raw.length !== 32) throw new Error(`not a WireGuard private key (want 32 bytes base64): ${privateKey.slice(0, 8)}…`);
  const key = createPrivateKey({ key: Buffer.concat([PKCS8_X25519_PREFIX, raw]), format: 'der', type: 'pkcs8' });
  const spki = createPublicKey(key).export({ format: 'der', type: 'spki' });
  return Buffer.from(spki.subarray(spki.length - 32)).toString('base64');
}

/** Like `wg genkey | tee priv | wg pubkey`, without spawning anything. */
export function wgGenKeyPair(): WgKeyPair {
  const raw = randomBytes(32);
  raw[0]! &= 248; raw[31]! &= 127; raw[31]! |= 64; // clamp, as `wg genkey` does
  const privateKey = raw.toString('base64');
  return { privateKey, publicKey: wgPublicKey(privateKey) };
}

export interface WgPeerConfig {
  publicKey: string;
  /** host:port or [v6]:port */
  endpoint?: string;
  allowedIps: string[];
  keepalive?: number;
  presharedKey?: string;
}
export interface WgConfig {
  privateKey: string;
  listenPort?: number;
  /** CIDRs to put on the interface, e.g. 10.200.1.2/32, fd00:a::2/128 */
  addresses: string[];
  peers: WgPeerConfig[];
  mtu?: number;
  fwmark?: number;
}
export interface WgHandle {
  ns: string;
  ifname: string;
  publicKey: string;
  listenPort?: number;
  process: BgProcess;
}

const WG_RUN_DIR = '/var/run/wireguard';
export const wgSocketPath = (ifname: string): string => join(WG_RUN_DIR, `${ifname}.sock`);

function socketAlive(path: string): Promise<boolean> {
  return new Promise((resolve) => {
    const s = connect(path);
    s.once('connect', () => { s.destroy(); resolve(true); });
    s.once('error', () => resolve(false));
  });
}

/** The text `wg setconf` reads. */
export function wgConfText(cfg: WgConfig): string {
  const lines = ['[Interface]', `PrivateKey = ${cfg.privateKey}`];
  if (cfg.listenPort !== undefined) lines.push(`ListenPort = ${cfg.listenPort}`);
  if (cfg.fwmark !== undefined) lines.push(`FwMark = 0x${cfg.fwmark.toString(16)}`);
  for (const p of cfg.peers) {
    lines.push('', '[Peer]', `PublicKey = ${p.publicKey}`);
    if (p.presharedKey) lines.push(`PresharedKey = ${p.presharedKey}`);
    if (p.endpoint) lines.push(`Endpoint = ${p.endpoint}`);
    lines.push(`AllowedIPs = ${p.allowedIps.join(', ')}`);
    if (p.keepalive) lines.push(`PersistentKeepalive = ${p.keepalive}`);
  }
  return lines.join('\n') + '\n';
}

const procName = (ns: string, ifname: string): string => `wireguard-go.${ns}.${ifname}`;

/**
 * Create a WireGuard interface `ifname` in namespace `ns` (wireguard-go, foreground,
 * tracked for cleanup), configure it with `wg setconf`, add its addresses and bring it up.
 * No routes are added (like netifd with route_allowed_ips off): routing is the caller's job.
 */
export async function createWg(ns: string, ifname: string, cfg: WgConfig): Promise<WgHandle> {
  if (!/^[A-Za-z0-9_.-]{1,15}$/.test(ifname)) throw new Error(`[${ns}] bad interface name ${JSON.stringify(ifname)}`);
  const sock = wgSocketPath(ifname);
  if (existsSync(sock)) {
    if (await socketAlive(sock)) {
      throw new Error(`[${ns}] cannot create WireGuard interface ${ifname}: ${sock} is in use by another wireguard-go ` +
        `(control sockets are not per-namespace, so names must be unique across the lab and the host)`);
    }
    try { unlinkSync(sock); } catch { /* raced */ }
  }
  const exists = await trySh(ns, ['ip', 'link', 'show', 'dev', ifname]);
  if (exists.code === 0) throw new Error(`[${ns}] cannot create WireGuard interface ${ifname}: a link with that name already exists`);

  recordState('wg-ifaces', ifname);
  const proc = spawnBg(ns, procName(ns, ifname), ['wireguard-go', ifname], { env: { WG_PROCESS_FOREGROUND: '1', LOG_LEVEL: 'error' } });
  await waitFor(
    () => {
      if (!proc.alive) throw new Error(`[${ns}] wireguard-go ${ifname} exited during start-up:\n${proc.tail()}`);
      return existsSync(sock);
    },
    5000,
    () => `[${ns}] wireguard-go ${ifname} did not create ${sock}\n${proc.tail()}`,
  );

  const dir = statePath('wg');
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const confFile = join(dir, `${ns}.${ifname}.conf`);
  writeFileSync(confFile, wgConfText(cfg), { mode: 0o600 });
  await sh(ns, ['wg', 'setconf', ifname, confFile]);

  const batch: string[] = [];
  if (cfg.mtu) batch.push(`link set dev ${ifname} mtu ${cfg.mtu}`);
  batch.push(`link set dev ${ifname} up`);
  for (const a of cfg.addresses) batch.push(a.includes(':') ? `addr add ${a} dev ${ifname} nodad` : `addr add ${a} dev ${ifname}`);
  await ipBatch(ns, batch);
  return { ns, ifname, publicKey: wgPublicKey(cfg.privateKey), listenPort: cfg.listenPort, process: proc };
}

/** Stop the wireguard-go behind `ifname` (which removes the link) and make sure the link is gone. */
export async function removeWg(ns: string, ifname: string): Promise<void> {
  const proc = backgroundProcesses().find((p) => p.name === procName(ns, ifname));
  if (proc) await proc.stop();
  const r = await trySh(ns, ['ip', 'link', 'show', 'dev', ifname]);
  if (r.code === 0) await sh(ns, ['ip', 'link', 'del', 'dev', ifname]);
  try { unlinkSync(wgSocketPath(ifname)); } catch { /* already gone */ }
}

/** Latest handshake (unix seconds, 0 = never) per peer public key. */
export async function wgHandshakes(ns: string, ifname: string): Promise<Map<string, number>> {
  const out = await sh(ns, ['wg', 'show', ifname, 'latest-handshakes']);
  const m = new Map<string, number>();
  for (const line of out.trim().split('\n')) {
    const [k, t] = line.split('\t');
    if (k) m.set(k, Number(t) || 0);
  }
  return m;
}

/** Wait until `ifname` has completed a handshake with `peer` (or with all its peers). */
export async function waitHandshake(ns: string, ifname: string, timeoutMs = 5000, peer?: string): Promise<void> {
  let last = new Map<string, number>();
  await waitFor(
    async () => {
      last = await wgHandshakes(ns, ifname);
      const vals = peer ? [last.get(peer) ?? 0] : [...last.values()];
      return vals.length > 0 && vals.every((v) => v > 0);
    },
    timeoutMs,
    () => `[${ns}] no WireGuard handshake on ${ifname}${peer ? ` with ${peer}` : ''} (latest-handshakes: ${JSON.stringify([...last])})`,
    25,
  );
}
