// A scratch "router" root filesystem to install packages into, and a way to
// run maintainer scripts in it the way opkg does on a live router: with
// IPKG_INSTROOT unset, as root, under busybox ash, by absolute paths.
// The scripts run chrooted into the scratch root (as root, or in a user
// namespace), so /etc/init.d/…, /usr/lib/opkg/info/… and /lib/functions.sh
// are the scratch root's. Router commands are recording stand-ins
// (fixtures/router/usr/libexec/shim, etc/rc.common) writing /tmp/calls.log.
import { execFileSync, spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const FIXTURE = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'router');

// Directories a stock OpenWrt with LuCI, rpcd and firewall4 already has.
const SYSTEM_DIRS = [
	'bin', 'sbin', 'usr/bin', 'usr/sbin', 'tmp', 'etc/rc.d', 'etc/init.d', 'etc/config', 'etc/uci-defaults',
	'etc/hotplug.d/iface', 'usr/lib/opkg/info', 'usr/share/ucode/luci', 'usr/share/rpcd/ucode',
	'usr/share/rpcd/acl.d', 'usr/share/luci/menu.d', 'usr/share/nftables.d/ruleset-post', 'lib/upgrade/keep.d',
	'www/luci-static/resources/view',
];
// Commands replaced by recording stand-ins (busybox's own applets are skipped
// for these): the generic shim records and succeeds; the others behave too.
const SHIMMED: Record<string, string> = {
	'sbin/uci': 'uci', 'usr/bin/ucode': 'shim', 'usr/bin/wg': 'wg', 'usr/sbin/nft': 'shim',
	'usr/bin/logger': 'shim', 'usr/bin/killall': 'shim', 'usr/sbin/dnsmasq': 'shim', 'sbin/reload_config': 'shim',
	'etc/init.d/rpcd': 'rpcd', 'etc/init.d/dnsmasq': 'shim', 'etc/init.d/firewall': 'shim', 'etc/init.d/network': 'shim',
};

function which(bin: string): string | null {
	for (const d of (process.env.PATH ?? '').split(':').concat(['/usr/sbin', '/usr/bin', '/sbin', '/bin'])) {
		const p = path.join(d, bin);
		try { fs.accessSync(p, fs.constants.X_OK); return p; } catch { /* next */ }
	}
	return null;
}

/** busybox, installed from Debian's packages if missing and we may. */
function busybox(): string | null {
	let bb = which('busybox');
	if (!bb && process.getuid?.() === 0 && fs.existsSync('/etc/debian_version')) {
		const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
		const install = () => spawnSync('apt-get', ['install', '-y', '--no-install-recommends', 'busybox'], { stdio: 'ignore', env }).status === 0;
		if (!install()) { spawnSync('apt-get', ['update'], { stdio: 'ignore', env }); install(); }
		bb = which('busybox');
	}
	return bb;
}

let runner: string[] | null | undefined;
/** How to chroot: directly as root, else in a user namespace; null if neither works. */
function chrootPrefix(): string[] | null {
	if (runner !== undefined) return runner;
	const tries = process.getuid?.() === 0 ? [['chroot']] : [['unshare', '-r', 'chroot']];
	runner = tries.find((t) => spawnSync(t[0], [...t.slice(1), '/', 'true'], { stdio: 'ignore' }).status === 0) ?? null;
	return runner;
}

/** Why the router tests cannot run here, or null if they can. */
export function routerUnavailable(): string | null {
	if (!busybox()) return 'busybox is not installed (Debian package busybox)';
	if (!chrootPrefix()) return 'cannot chroot: not root and no user namespaces (unshare -r)';
	return null;
}

/** Builds the scratch root at dir. */
export function makeRouter(dir: string): string {
	const bb = busybox()!;
	fs.mkdirSync(dir, { recursive: true, mode: 0o755 });
	for (const d of SYSTEM_DIRS) fs.mkdirSync(path.join(dir, d), { recursive: true, mode: 0o755 });
	fs.symlinkSync('tmp', path.join(dir, 'var')); // as on OpenWrt: /var/run is /tmp/run
	fs.cpSync(FIXTURE, dir, { recursive: true });
	fs.copyFileSync(bb, path.join(dir, 'bin/busybox'));
	fs.chmodSync(path.join(dir, 'bin/busybox'), 0o755);
	// a dynamically linked busybox needs its loader and libraries in the root
	const ldd = spawnSync('ldd', [bb], { encoding: 'utf8' });
	for (const m of (ldd.status === 0 ? ldd.stdout : '').matchAll(/(\/\S+) \(0x/g)) {
		fs.mkdirSync(path.join(dir, path.dirname(m[1])), { recursive: true });
		fs.copyFileSync(fs.realpathSync(m[1]), path.join(dir, m[1]));
	}
	const shimmed = new Set(Object.keys(SHIMMED).map((s) => path.basename(s)));
	for (const applet of execFileSync(bb, ['--list'], { encoding: 'utf8' }).split('\n')) {
		if (applet && applet !== 'busybox' && !shimmed.has(applet)) fs.symlinkSync('/bin/busybox', path.join(dir, 'bin', applet));
	}
	for (const [s, standIn] of Object.entries(SHIMMED)) fs.symlinkSync(`/usr/libexec/${standIn}`, path.join(dir, s));
	fs.writeFileSync(path.join(dir, 'usr/lib/opkg/status'), '');
	// scripts redirect to /dev/null; a plain file stands in where mknod is not allowed
	fs.mkdirSync(path.join(dir, 'dev'));
	if (spawnSync('mknod', ['-m', '666', path.join(dir, 'dev/null'), 'c', '1', '3']).status !== 0) fs.writeFileSync(path.join(dir, 'dev/null'), '');
	fs.chmodSync(dir, 0o755);
	return dir;
}

/** Runs `/bin/sh -c "<script> <args>"` in the root, as opkg runs maintainer scripts. */
export function runInRouter(root: string, command: string, env: Record<string, string> = {}) {
	const prefix = chrootPrefix()!;
	const r = spawnSync(prefix[0], [...prefix.slice(1), root, '/bin/sh', '-c', command], {
		encoding: 'utf8',
		env: { PATH: '/usr/sbin:/usr/bin:/sbin:/bin', HOME: '/root', ...env },
	});
	return { status: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

/** The commands recorded since the last call (and forgets them). */
export function takeCalls(root: string): string[] {
	const log = path.join(root, 'tmp/calls.log');
	if (!fs.existsSync(log)) return [];
	const calls = fs.readFileSync(log, 'utf8').trimEnd().split('\n');
	fs.rmSync(log);
	return calls;
}

/** What rpcd serves now (plugins and ACLs it loaded at its last (re)start), e.g. ['ucode/splitwg']. */
export function rpcdServes(root: string): string[] {
	const f = path.join(root, 'tmp/rpcd.loaded');
	return fs.existsSync(f) ? fs.readFileSync(f, 'utf8').trim().split(/\s+/).filter(Boolean) : [];
}

/** Everything in the root but /tmp and /dev: path → mode, kind and content hash or link target. */
export function snapshot(root: string): Map<string, string> {
	const out = new Map<string, string>();
	const walk = (d: string, rel: string) => {
		for (const e of fs.readdirSync(d, { withFileTypes: true })) {
			const r = `${rel}/${e.name}`, p = path.join(d, e.name);
			if (r === '/tmp' || r === '/dev') continue;
			const st = fs.lstatSync(p), mode = (st.mode & 0o7777).toString(8);
			if (e.isSymbolicLink()) out.set(r, `link ${fs.readlinkSync(p)}`);
			else if (e.isDirectory()) { out.set(r, `dir ${mode}`); walk(p, r); }
			else out.set(r, `file ${mode} ${crypto.createHash('sha256').update(fs.readFileSync(p)).digest('hex')}`);
		}
	};
	walk(root, '');
	return out;
}

/** Differences between two snapshots, as readable lines. */
export function diffSnapshots(before: Map<string, string>, after: Map<string, string>): string[] {
	const out: string[] = [];
	for (const [k, v] of after) if (before.get(k) !== v) out.push(`${before.has(k) ? 'changed' : 'added'} ${k}`);
	for (const k of before.keys()) if (!after.has(k)) out.push(`removed ${k}`);
	return out.sort();
}
