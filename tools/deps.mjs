// Installs the Debian packages the tests and the lab use, when missing
// (as root on Debian/Ubuntu), and says so. Never builds anything.
import { execSync, spawnSync } from 'node:child_process';

const NEED = { nft: 'nftables', ip: 'iproute2', wg: 'wireguard-tools', 'wireguard-go': 'wireguard-go',
	dnsmasq: 'dnsmasq-base', tcpdump: 'tcpdump', curl: 'curl', conntrack: 'conntrack', ping: 'iputils-ping',
	busybox: 'busybox', unshare: 'util-linux', zip: 'zip', unzip: 'unzip' };
const has = (cmd) => spawnSync('sh', ['-c', `command -v ${cmd} || test -x /usr/sbin/${cmd} || test -x /sbin/${cmd}`], { stdio: 'ignore' }).status === 0;
const missing = Object.entries(NEED).filter(([cmd]) => !has(cmd)).map(([, pkg]) => pkg);
if (!missing.length) process.exit(0);
const root = process.getuid?.() === 0;
if (!root || !has('apt-get')) {
	console.error(`missing Debian packages: ${missing.join(' ')}\ninstall them with: apt-get install -y --no-install-recommends ${missing.join(' ')}`);
	process.exit(1);
}
console.error(`installing missing Debian packages: ${missing.join(' ')}`);
// package lists first: a fresh image has none, and an install from stale lists can 404
execSync(`apt-get update -q && apt-get install -y -q --no-install-recommends ${missing.join(' ')}`,
	{ stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
