// What the router of the openwrt tier has on its flash before splitwg arrives, and the splitwg
// configuration the tests apply. The firewall is fw4's own default /etc/config/firewall
// (from $OPENWRT_ROOT/etc/config), untouched.

import { ADDR, type OpenWrtLab } from './root.ts';
import { packages } from '../../packaging/packages.mjs';
import { buildPackages, type BuiltPackage } from '../../tools/package.mjs';

export const NETWORK = `config interface 'loopback'
	option device 'lo'
	option proto 'static'
	option ipaddr '127.0.0.1'
	option netmask '255.0.0.0'

config globals 'globals'
	option ula_prefix 'fd12:3456:789a::/48'

config interface 'lan'
	option device 'eth0'
	option proto 'static'
	option ipaddr '${ADDR.routerLan}'
	option netmask '255.255.255.0'

config interface 'wan'
	option device 'eth1'
	option proto 'static'
	option ipaddr '${ADDR.routerWan}'
	option netmask '255.255.255.0'
	option gateway '${ADDR.inetWan}'
	list dns '${ADDR.dns}'
`;

/** as OpenWrt ships it: one anonymous `config dnsmasq` (uci names it cfg01411c) */
export const DHCP = `config dnsmasq
	option domainneeded '1'
	option localise_queries '1'
	option local '/lan/'
	option domain 'lan'
	option expandhosts '1'
	option authoritative '1'
	option readethers '1'
	option leasefile '/tmp/dhcp.leases'
	option noresolv '1'
	list server '${ADDR.dns}'

config dhcp 'lan'
	option interface 'lan'
	option start '100'
	option limit '150'
	option leasetime '12h'

config dhcp 'wan'
	option interface 'wan'
	option ignore '1'
`;
/** the name uci gives the anonymous dnsmasq section above */
export const DNSMASQ_SECTION = 'cfg01411c';

export const OPKG_CONF = `dest root /
dest ram /tmp
lists_dir ext /var/opkg-lists
option overlay_root /
arch all 1
arch noarch 1
arch x86_64 10
`;

/**
 * /usr/lib/opkg/status: what a router running splitwg has installed (every dependency of both
 * packages, as "installed"), so opkg resolves the dependencies for real instead of --nodeps.
 */
export function opkgStatus(): Record<string, string> {
  const ours = new Set(packages().map((p) => p.name));
  const deps = [...new Set([...packages().flatMap((p) => p.depends).filter((d) => !ours.has(d)), 'dnsmasq', 'busybox', 'base-files', 'libc'])];
  // (an empty "Depends:" line makes this opkg-lede crash: leave it out)
  const files: Record<string, string> = {
    '/usr/lib/opkg/status': deps.map((d) => `Package: ${d}\nVersion: 1\nStatus: install user installed\nArchitecture: x86_64\nInstalled-Time: 1700000000\n`).join('\n'),
  };
  for (const d of deps) files[`/usr/lib/opkg/info/${d}.list`] = '';
  return files;
}

export function flashFiles(): Record<string, string> {
  return {
    '/etc/config/network': NETWORK,
    '/etc/config/dhcp': DHCP,
    '/etc/opkg.conf': OPKG_CONF,
    ...opkgStatus(),
  };
}

/** The router's splitwg configuration: one upstream (the VPS) and two LAN clients. */
export function splitwgConfig(lab: OpenWrtLab, opts: { hostAddress?: string; withOther?: boolean; killSwitch?: boolean } = {}): string {
  const s = [`config globals 'main'
	option enabled '1'
	option ipv6 '0'
	option kill_switch '${opts.killSwitch === false ? 0 : 1}'

config upstream 'vps'
	option private_key '${lab.keys.router}'
	list address '${ADDR.routerTunnel}/32'
	option public_key '${lab.keys.vpsPub}'
	option endpoint '${ADDR.vps}:51820'
	option keepalive '5'

config client 'host'
	list address '${opts.hostAddress ?? ADDR.lanHosts[0]}'
	option upstream 'vps'
	option default 'direct'

config rule
	option client 'host'
	option name 'Tunnel'
	list dest '${ADDR.web[0]}/32'
	option action 'proxy'

config rule
	option client 'host'
	option name 'Video'
	list domain 'video.test'
	option action 'proxy'

config rule
	option client 'host'
	option name 'Direct'
	list dest '${ADDR.web[1]}/32'
	option action 'direct'
`];
  if (opts.withOther !== false) s.push(`
config client 'other'
	list address '${ADDR.lanHosts[2]}'
	option upstream 'vps'
	option default 'proxy'
`);
  return s.join('');
}

/** The splitwg and luci-app-splitwg .ipk files (in memory, as `npm run package` builds them; `version` bumps it
 * like a new release). Not the Prometheus collector's: this root has no prometheus-node-exporter-ucode to depend on. */
export function ipks(version?: string): BuiltPackage[] {
  return buildPackages(version ? { version } : {}).filter((b) => b.name === 'splitwg' || b.name === 'luci-app-splitwg');
}
