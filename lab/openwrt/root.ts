// The openwrt test tier's harness: a router running the real OpenWrt userland (procd as PID 1,
// ubusd, rpcd, netifd, fw4, uci, ucode, opkg from $OPENWRT_ROOT) in its own network, mount and
// PID namespaces, wired to a LAN host, an "internet" and a VPS running a WireGuard peer.
//
//   lan host 192.168.1.50/.51/.60 ── eth0 [router: lan 192.168.1.1, wan 198.51.100.2] eth1 ── inet 198.51.100.1
//                                                                                    inet 203.0.113.1 ── vps 203.0.113.2
//   inet: 192.0.2.10 / .20 / .30 (HTTP echo: answers with the source address it saw), DNS 192.0.2.53
//   vps:  WireGuard 10.66.0.1/24 on UDP 51820, masquerades tunnel traffic out as 203.0.113.2
//
// So the internet tells the path of a LAN packet by its source: 203.0.113.2 = through the
// tunnel, 198.51.100.2 = direct by WAN. Everything is named after this process's pid
// (netns swo<pid>-*, /tmp/swo<pid>), and down() — also run from exit/signal handlers — removes it.

import { execFileSync, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const OPENWRT_ROOT = process.env.OPENWRT_ROOT ?? '';
const HERE = dirname(fileURLToPath(import.meta.url));
export const REPO = dirname(dirname(HERE));
const TSX_IMPORT = import.meta.resolve('tsx');

{
  const have = new Set((process.env.PATH ?? '').split(':').filter(Boolean));
  const extra = ['/usr/local/sbin', '/usr/local/bin', '/usr/sbin', '/usr/bin', '/sbin', '/bin'].filter((d) => !have.has(d));
  if (extra.length) process.env.PATH = [...have, ...extra].join(':');
}

export const ADDR = {
  routerLan: '192.168.1.1',
  routerWan: '198.51.100.2',
  inetWan: '198.51.100.1',
  inetVps: '203.0.113.1',
  vps: '203.0.113.2',
  vpsTunnel: '10.66.0.1',
  routerTunnel: '10.66.0.2',
  dns: '192.0.2.53',
  /** HTTP echo targets on the internet */
  web: ['192.0.2.10', '192.0.2.20', '192.0.2.30'],
  /** addresses of the LAN host */
  lanHosts: ['192.168.1.50', '192.168.1.51', '192.168.1.60'],
} as const;
/** test domains the internet's DNS answers */
export const DOMAINS: Record<string, string> = { 'video.test': '192.0.2.30', 'news.test': '192.0.2.20' };

export interface ExecResult { code: number; stdout: string; stderr: string }

function runSync(file: string, args: string[], input?: string | Buffer, timeoutMs = 60_000): ExecResult {
  const r = spawnSync(file, args, { input, encoding: 'utf8', timeout: timeoutMs, maxBuffer: 64 << 20 });
  return { code: r.status ?? (r.signal ? 124 : 127), stdout: r.stdout ?? '', stderr: (r.stderr ?? '') + (r.error ? String(r.error) : '') };
}

function run(file: string, args: string[], opts: { input?: string | Buffer; timeoutMs?: number } = {}): Promise<ExecResult> {
  return new Promise((resolve) => {
    const child = spawn(file, args, { stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '', stderr = '';
    const timer = setTimeout(() => { stderr += `\n(killed after ${opts.timeoutMs ?? 60_000} ms)`; child.kill('SIGKILL'); }, opts.timeoutMs ?? 60_000);
    child.stdout.setEncoding('utf8').on('data', (d: string) => { stdout += d; });
    child.stderr.setEncoding('utf8').on('data', (d: string) => { stderr += d; });
    child.on('error', (e) => { stderr += String(e); });
    child.on('close', (code, signal) => { clearTimeout(timer); resolve({ code: code ?? (signal ? 124 : 127), stdout, stderr }); });
    child.stdin.on('error', () => { /* the command did not read it */ });
    child.stdin.end(opts.input ?? '');
  });
}

export class CommandError extends Error {
  constructor(where: string, cmd: string, r: ExecResult) {
    super(`[${where}] exit ${r.code}: ${cmd}\n  ${(r.stderr.trim() || r.stdout.trim() || '(no output)').split('\n').join('\n  ')}`);
  }
}

export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** Poll until fn() is truthy; on timeout throw with what() — a wait, never an assertion on time. */
export async function waitFor<T>(fn: () => T | Promise<T>, timeoutMs: number, what: () => string | Promise<string>, intervalMs = 100): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await fn();
    if (v) return v as NonNullable<T>;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms: ${await what()}`);
    await sleep(intervalMs);
  }
}

/** Why the tier cannot run here, or null. */
export function unavailable(): string | null {
  if (!OPENWRT_ROOT) return 'OPENWRT_ROOT is not set';
  if (process.getuid?.() !== 0) return 'needs root (network namespaces)';
  for (const f of ['rootfs/usr/sbin/procd', 'sbin/netifd', 'sbin/fw4', 'bin/opkg-cl', 'bin/ucode', 'etc/rc.common', 'etc/init.d/rpcd', 'etc/init.d/network', 'etc/init.d/firewall', 'lib/functions.sh'])
    if (!existsSync(join(OPENWRT_ROOT, f))) return `${OPENWRT_ROOT}/${f} is missing`;
  return null;
}

/**
 * What a SIGKILLed earlier run left: namespaces swo<pid>-*, /tmp/swo<pid>, /var/run/wireguard/wgv<pid>.sock
 * of pids that no longer run. (Killing PID 1 of a root ends all its processes; killing what is left
 * in a namespace ends wireguard-go, the echo and the DNS server.)
 */
export function sweepStale(): void {
  const dead = (pid: string) => !existsSync(`/proc/${pid}`);
  const names = existsSync('/run/netns') ? readdirSync('/run/netns') : [];
  for (const n of names) {
    const m = /^swo(\d+)-/.exec(n);
    if (!m || !dead(m[1]!)) continue;
    for (const p of runSync('ip', ['netns', 'pids', n]).stdout.split(/\s+/).filter(Boolean)) { try { process.kill(Number(p), 'SIGKILL'); } catch { /* gone */ } }
    runSync('ip', ['netns', 'del', n]);
  }
  for (const d of readdirSync('/tmp')) { const m = /^swo(\d+)$/.exec(d); if (m && dead(m[1]!)) runSync('rm', ['-rf', `/tmp/${d}`]); }
  try { for (const f of readdirSync('/var/run/wireguard')) { const m = /^wgv(\d+)\.sock$/.exec(f); if (m && dead(m[1]!)) rmSync(`/var/run/wireguard/${f}`, { force: true }); } } catch { /* none */ }
}

export interface BootOptions {
  /** init scripts enabled at boot (/etc/rc.d links): default rpcd network firewall */
  enable?: string[];
}

interface Bg { name: string; child: ChildProcess; log: string }

export class OpenWrtLab {
  readonly id = `swo${process.pid}`;
  readonly dir = `/tmp/swo${process.pid}`;
  readonly flash = join(this.dir, 'flash');
  /** host directory seen as /mnt/xfer (read-only) inside the root */
  readonly xfer = join(this.dir, 'flash', 'xfer');
  readonly ns = { router: `${this.id}-r`, lan: `${this.id}-lan`, inet: `${this.id}-inet`, vps: `${this.id}-vps` };
  readonly vpsIf = `wgv${process.pid}`.slice(0, 15);
  readonly keys = { router: '', routerPub: '', vps: '', vpsPub: '' };
  private unshare: ChildProcess | null = null;
  private bootLog = '';
  pid1 = 0;
  private bg: Bg[] = [];
  private handlers: (() => void)[] = [];

  // ------------------------------------------------------------- topology

  /** Namespaces, links, the internet's services and the VPS; then writes the flash and boots. */
  async up(files: Record<string, string>, opts: BootOptions = {}): Promise<void> {
    sweepStale();
    this.installHandlers();
    mkdirSync(join(this.flash, 'etc.up', 'config'), { recursive: true });
    mkdirSync(join(this.flash, 'etc.up', 'rc.d'), { recursive: true });
    mkdirSync(this.xfer, { recursive: true });
    mkdirSync(join(this.dir, 'logs'), { recursive: true });
    this.keys.router = this.hostOut('wg', ['genkey']);
    this.keys.routerPub = this.hostOut('wg', ['pubkey'], this.keys.router);
    this.keys.vps = this.hostOut('wg', ['genkey']);
    this.keys.vpsPub = this.hostOut('wg', ['pubkey'], this.keys.vps);
    for (const n of [this.ns.lan, this.ns.inet, this.ns.vps]) this.host('ip', ['netns', 'add', n]);
    this.ipn(this.ns.inet, 'link set lo up');
    this.ipn(this.ns.lan, 'link set lo up');
    this.ipn(this.ns.vps, 'link set lo up');
    // internet ↔ vps
    this.ipn(this.ns.inet, `link add vps0 type veth peer name eth0 netns ${this.ns.vps}`);
    this.ipn(this.ns.inet, `addr add ${ADDR.inetVps}/24 dev vps0`);
    this.ipn(this.ns.inet, 'link set vps0 up');
    this.ipn(this.ns.vps, `addr add ${ADDR.vps}/24 dev eth0`);
    this.ipn(this.ns.vps, 'link set eth0 up');
    this.ipn(this.ns.vps, `route add default via ${ADDR.inetVps}`);
    for (const a of [...ADDR.web, ADDR.dns]) this.ipn(this.ns.inet, `addr add ${a}/32 dev lo`);
    this.nsx(this.ns.inet, ['sysctl', '-q', '-w', 'net.ipv4.ip_forward=1']);
    this.nsx(this.ns.vps, ['sysctl', '-q', '-w', 'net.ipv4.ip_forward=1']);
    await this.startVps();
    await this.startInternet();
    this.wireRouter();
    this.writeFlash(files, opts.enable ?? ['rpcd', 'network', 'firewall']);
    await this.boot();
  }

  /** The router's namespace and its two cables: a fresh one is a fresh kernel state (a power cycle). */
  private wireRouter(): void {
    this.host('ip', ['netns', 'add', this.ns.router]);
    this.ipn(this.ns.router, `link add eth0 type veth peer name eth0 netns ${this.ns.lan}`);
    this.ipn(this.ns.router, `link add eth1 type veth peer name wan0 netns ${this.ns.inet}`);
    for (const [i, a] of ADDR.lanHosts.entries()) this.ipn(this.ns.lan, `addr add ${a}/24 dev eth0${i ? ' noprefixroute' : ''}`);
    this.ipn(this.ns.lan, 'link set eth0 up');
    this.ipn(this.ns.lan, `route add default via ${ADDR.routerLan} src ${ADDR.lanHosts[0]}`);
    this.ipn(this.ns.inet, `addr add ${ADDR.inetWan}/24 dev wan0`);
    this.ipn(this.ns.inet, 'link set wan0 up');
  }

  private async startVps(): Promise<void> {
    const ns = this.ns.vps, ifn = this.vpsIf;
    this.spawnBg('wireguard-go', ['ip', 'netns', 'exec', ns, 'env', 'WG_I_PREFER_BUGGY_USERSPACE_TO_POLISHED_KMOD=1', 'wireguard-go', '-f', ifn]);
    await waitFor(() => existsSync(`/var/run/wireguard/${ifn}.sock`) && this.nsr(ns, ['ip', 'link', 'show', ifn]).code === 0, 10_000, () => `wireguard-go ${ifn} in ${ns}: ${this.tail('wireguard-go')}`);
    const keyFile = join(this.dir, 'vps.key');
    writeFileSync(keyFile, this.keys.vps + '\n', { mode: 0o600 });
    this.nsx(ns, ['wg', 'set', ifn, 'listen-port', '51820', 'private-key', keyFile, 'peer', this.keys.routerPub, 'allowed-ips', `${ADDR.routerTunnel}/32`]);
    rmSync(keyFile);
    this.ipn(ns, `addr add ${ADDR.vpsTunnel}/24 dev ${ifn}`);
    this.ipn(ns, `link set ${ifn} up`);
    this.nsx(ns, ['nft', '-f', '-'], `table ip vps {\n\tchain post {\n\t\ttype nat hook postrouting priority srcnat;\n\t\toifname "eth0" ip saddr 10.66.0.0/24 masquerade\n\t}\n}\n`);
  }

  private async startInternet(): Promise<void> {
    const ready = join(this.dir, 'echo.ready');
    this.spawnBg('echo', ['ip', 'netns', 'exec', this.ns.inet, process.execPath, '--import', TSX_IMPORT, join(REPO, 'lab/services/echo.ts'),
      '--http', '80', '--udp', '5300', '--udp-addr', ADDR.web.join(','), '--ready', ready]);
    const conf = join(this.dir, 'inet-dns.conf');
    writeFileSync(conf, [
      'port=53', 'no-resolv', 'no-hosts', 'no-poll', 'user=root', 'group=root', 'log-facility=-', `listen-address=${ADDR.dns}`, 'bind-interfaces',
      `pid-file=${join(this.dir, 'inet-dns.pid')}`, 'local-ttl=60',
      ...Object.entries(DOMAINS).map(([d, a]) => `address=/${d}/${a}`), '',
    ].join('\n'));
    this.spawnBg('inet-dns', ['ip', 'netns', 'exec', this.ns.inet, 'dnsmasq', '--keep-in-foreground', '-C', conf]);
    await waitFor(() => existsSync(ready), 30_000, () => `echo service: ${this.tail('echo')}`);
    // the return routes of the internet: the router's WAN and the VPS are directly connected
  }

  private writeFlash(files: Record<string, string>, enable: string[]): void {
    for (const [p, text] of Object.entries(files)) {
      const m = /^\/(etc|usr)\/(.+)$/.exec(p);
      if (!m) throw new Error(`flash files live in /etc or /usr: ${p}`);
      const f = join(this.flash, `${m[1]}.up`, m[2]!);
      mkdirSync(dirname(f), { recursive: true });
      writeFileSync(f, text);
    }
    for (const s of enable) this.enableLink(s);
  }

  /** /etc/rc.d/S<nn><name> as `/etc/init.d/<name> enable` would make it (START read from the script) */
  private enableLink(name: string): void {
    const script = readFileSync(join(OPENWRT_ROOT, 'etc/init.d', name), 'utf8');
    const start = /^START=(\d+)/m.exec(script)?.[1] ?? '50';
    const link = join(this.flash, 'etc.up', 'rc.d', `S${start}${name}`);
    if (!existsSync(link)) execFileSync('ln', ['-s', `../init.d/${name}`, link]);
  }

  // ------------------------------------------------------------- the root

  /** Start procd as PID 1 of a new PID namespace in the router's netns; wait for ubus and netifd. */
  async boot(): Promise<void> {
    const log = join(this.dir, 'logs', `boot-${Date.now()}.log`);
    this.bootLog = log;
    const out = openSync(log, 'a');
    this.unshare = spawn('ip', ['netns', 'exec', this.ns.router, 'unshare', '--mount', '--pid', '--fork', '--propagation', 'private',
      'sh', join(HERE, 'boot.sh'), OPENWRT_ROOT, this.flash], { stdio: ['ignore', out, out], detached: true });
    closeSync(out);
    const u = this.unshare.pid!;
    this.pid1 = await waitFor(() => {
      try {
        const c = Number(readFileSync(`/proc/${u}/task/${u}/children`, 'utf8').trim().split(/\s+/)[0]);
        return c && readFileSync(`/proc/${c}/comm`, 'utf8').trim() === 'procd' ? c : 0;
      } catch { return 0; }
    }, 15_000, () => `procd did not start: ${readFileSync(log, 'utf8')}`);
    await waitFor(async () => (await this.sh('ubus -t 2 list network.interface')).code === 0, 30_000,
      async () => `ubus/netifd not up: ${(await this.sh('ubus list; logread 2>/dev/null | tail')).stdout}\n${readFileSync(log, 'utf8')}`, 200);
  }

  /** Stop everything in the root (PID 1 and so the whole PID namespace); the flash stays. */
  async halt(): Promise<void> {
    const u = this.unshare;
    if (!u) return;
    const exited = new Promise<void>((r) => { if (u.exitCode !== null || u.signalCode !== null) r(); else u.once('exit', () => r()); });
    if (this.pid1) { try { process.kill(this.pid1, 'SIGKILL'); } catch { /* gone */ } }
    try { process.kill(u.pid!, 'SIGKILL'); } catch { /* gone */ }
    await exited;
    this.unshare = null;
    this.pid1 = 0;
  }

  /** Power cycle: everything in RAM (processes, /tmp, the kernel's network state) is lost, the flash is kept. */
  async reboot(): Promise<void> {
    await this.halt();
    this.host('ip', ['netns', 'del', this.ns.router]);
    // the kernel frees a namespace (and the far ends of its veth cables) asynchronously
    await waitFor(() => this.nsr(this.ns.lan, ['ip', 'link', 'show', 'eth0']).code !== 0 && this.nsr(this.ns.inet, ['ip', 'link', 'show', 'wan0']).code !== 0,
      10_000, () => 'the old router namespace\'s links are still there');
    this.wireRouter();
    await this.boot();
  }

  /** A shell command inside the root, as root, with OpenWrt's PATH (busybox ash). */
  sh(script: string, opts: { input?: string | Buffer; timeoutMs?: number } = {}): Promise<ExecResult> {
    if (!this.pid1) throw new Error('the root is not running');
    return run('nsenter', ['-t', String(this.pid1), '-m', '-p', '-n', '-r', '-w', '/usr/bin/env', '-i',
      'PATH=/usr/sbin:/usr/bin:/sbin:/bin', 'HOME=/root', 'TERM=dumb', '/bin/sh', '-c', script], opts);
  }

  /** sh() that throws on a non-zero exit; returns stdout */
  async x(script: string, opts: { input?: string | Buffer; timeoutMs?: number } = {}): Promise<string> {
    const r = await this.sh(script, opts);
    if (r.code !== 0) throw new CommandError('root', script, r);
    return r.stdout;
  }

  async ubus<T = any>(object: string, method: string, args: object = {}): Promise<T | null> {
    const r = await this.sh(`ubus -t 20 call ${object} ${method} '${JSON.stringify(args)}'`);
    if (r.code !== 0) return null;
    return (r.stdout.trim() ? JSON.parse(r.stdout) : {}) as T;
  }

  /** a command in one of the other namespaces */
  inNs(ns: string, argv: string[], opts: { input?: string; timeoutMs?: number } = {}): Promise<ExecResult> {
    return run('ip', ['netns', 'exec', ns, ...argv], opts);
  }

  /** HTTP GET from the LAN host, from `src`: the source address the internet saw, or null (no answer). */
  async httpFrom(src: string, dest: string, timeoutMs = 3000): Promise<string | null> {
    const r = await this.inNs(this.ns.lan, ['curl', '-sS', '--noproxy', '*', '--interface', src, '--max-time', String(timeoutMs / 1000),
      '--connect-timeout', String(timeoutMs / 1000), `http://${dest}/`], { timeoutMs: timeoutMs + 5000 });
    if (r.code !== 0) return null;
    try { return String(JSON.parse(r.stdout).src); } catch { return null; }
  }

  /** The router's DNS as the LAN host (192.168.1.50) asks it: the A records, or [] */
  async resolve(name: string): Promise<string[]> {
    const r = await this.inNs(this.ns.lan, ['busybox', 'nslookup', '-type=a', name, ADDR.routerLan], { timeoutMs: 15_000 });
    const answer = r.stdout.split(/\n\s*\n/).slice(1).join('\n'); // after the "Server:" block
    return [...answer.matchAll(/^Address:\s*(\d+\.\d+\.\d+\.\d+)/gm)].map((m) => m[1]!);
  }

  /** Capture IPv4 packets arriving at the internet from the router's WAN cable, while `during` runs. */
  async captureWan(filter: string, during: () => Promise<void>): Promise<string[]> {
    const child = spawn('ip', ['netns', 'exec', this.ns.inet, 'tcpdump', '-i', 'wan0', '-n', '-l', '--immediate-mode', filter], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '', err = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => { out += d; });
    child.stderr.setEncoding('utf8').on('data', (d: string) => { err += d; });
    const closed = new Promise<void>((r) => child.on('close', () => r()));
    try {
      await waitFor(() => /listening on/.test(err), 10_000, () => `tcpdump: ${err}`, 20);
      await during();
      await sleep(300); // tcpdump prints what it has already received; nothing is asserted on time
    } finally {
      child.kill('SIGINT');
      await closed;
    }
    return out.split('\n').filter((l) => l.trim());
  }

  // ------------------------------------------------------------- teardown

  /** Remove everything: the root, background processes, namespaces, the state dir. Idempotent. */
  async down(): Promise<void> {
    await this.halt();
    this.downSync();
  }

  downSync(): void {
    if (this.pid1) { try { process.kill(this.pid1, 'SIGKILL'); } catch { /* gone */ } }
    if (this.unshare?.pid) { try { process.kill(this.unshare.pid, 'SIGKILL'); } catch { /* gone */ } }
    for (const b of this.bg) { try { process.kill(-b.child.pid!, 'SIGKILL'); } catch { try { b.child.kill('SIGKILL'); } catch { /* gone */ } } }
    this.bg = [];
    for (const n of Object.values(this.ns)) {
      // processes still inside (none should be), then the namespace
      const pids = runSync('ip', ['netns', 'pids', n]).stdout.split(/\s+/).filter(Boolean);
      for (const p of pids) { try { process.kill(Number(p), 'SIGKILL'); } catch { /* gone */ } }
      if (existsSync(`/run/netns/${n}`)) {
        for (let i = 0; i < 50 && runSync('ip', ['netns', 'del', n]).code !== 0; i++) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 20);
      }
    }
    try { rmSync(`/var/run/wireguard/${this.vpsIf}.sock`, { force: true }); } catch { /* none */ }
    if (/^\/tmp\/swo\d+$/.test(this.dir)) {
      // the flash's overlay work dirs hold a root-only "work" dir; rm -rf copes
      runSync('rm', ['-rf', this.dir]);
    }
    for (const h of this.handlers) h();
    this.handlers = [];
  }

  private installHandlers(): void {
    const onExit = () => this.downSync();
    const onSignal = (sig: NodeJS.Signals) => { this.downSync(); process.exit(sig === 'SIGINT' ? 130 : 143); };
    process.on('exit', onExit);
    process.once('SIGINT', onSignal);
    process.once('SIGTERM', onSignal);
    this.handlers.push(() => { process.off('exit', onExit); process.off('SIGINT', onSignal); process.off('SIGTERM', onSignal); });
  }

  // ------------------------------------------------------------- helpers

  private spawnBg(name: string, argv: string[]): void {
    const log = join(this.dir, 'logs', `${name}.log`);
    const fd = openSync(log, 'a');
    const child = spawn(argv[0]!, argv.slice(1), { stdio: ['ignore', fd, fd], detached: true });
    closeSync(fd);
    child.unref();
    this.bg.push({ name, child, log });
  }

  tail(name: string): string {
    const b = this.bg.find((x) => x.name === name);
    try { return b ? readFileSync(b.log, 'utf8').slice(-2000) : ''; } catch { return ''; }
  }

  bootOutput(): string { try { return readFileSync(this.bootLog, 'utf8'); } catch { return ''; } }

  private host(file: string, args: string[], input?: string): string {
    const r = runSync(file, args, input);
    if (r.code !== 0) throw new CommandError('host', [file, ...args].join(' '), r);
    return r.stdout;
  }
  private hostOut(file: string, args: string[], input?: string): string { return this.host(file, args, input).trim(); }
  private ipn(ns: string, line: string): void { this.host('ip', ['-n', ns, ...line.split(' ')]); }
  private nsr(ns: string, argv: string[], input?: string): ExecResult { return runSync('ip', ['netns', 'exec', ns, ...argv], input); }
  private nsx(ns: string, argv: string[], input?: string): string {
    const r = this.nsr(ns, argv, input);
    if (r.code !== 0) throw new CommandError(ns, argv.join(' '), r);
    return r.stdout;
  }
}
