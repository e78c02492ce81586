// The single source of truth for the three OpenWrt packages: name, version,
// dependencies, description, which trees they ship, the mode table, conffiles,
// maintainer scripts and which files are minified when packed.
// tools/package.mjs builds the standalone .ipk files from this;
// test/package/makefiles.test.ts checks that the feed Makefiles
// (./Makefile, luci-app-splitwg/Makefile) say the same, and fails on drift.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

// PKG_RELEASE of both Makefiles. The version itself is package.json's.
export const RELEASE = 1;

// Why each dependency (docs/packaging.md has the long form). Not here, on
// purpose: dnsmasq-full (depending on it would make opkg replace the installed
// dnsmasq; splitwg warns at install and at runtime instead) and conntrack
// (optional: used when installed to move existing flows to a new path).
const SPLITWG_DEPENDS = [
	'wireguard-tools', // wg, and netifd's proto handler for wireguard interfaces
	'kmod-wireguard',
	'ucode', 'ucode-mod-fs', 'ucode-mod-uci', 'ucode-mod-ubus', // the CLI, the core, hotplug
	'ucode-mod-uloop', // the health checker's timer (only run with groups or probes)
	'rpcd', 'rpcd-mod-ucode', // the ubus API is an rpcd ucode plugin
	'firewall4', // fw4 re-creates our table from /usr/share/nftables.d/ruleset-post
	'kmod-nft-core', // marks, ct mark, sets, verdict maps, meta hour/day, counters
	'kmod-nft-fib', // `fib daddr type local`: traffic to the router itself is not classified
	'kmod-nft-nat', // DNS hijack: `redirect to :53`
];

/** @param {string} repo */
export function packages(repo = REPO) {
	const version = JSON.parse(fs.readFileSync(path.join(repo, 'package.json'), 'utf8')).version;
	return [
		{
			name: 'splitwg',
			makefile: 'Makefile',
			version,
			release: RELEASE,
			// What OpenWrt writes as Source: the package directory below the
			// buildroot, as docs/packaging.md tells to place it.
			source: 'package/splitwg',
			section: 'net',
			license: 'GPL-2.0-only',
			depends: SPLITWG_DEPENDS,
			description: [
				'Makes the router a WireGuard hub with per-client split tunnelling: each',
				"client's traffic leaves direct, through one of several upstream WireGuard",
				'tunnels, or is blocked, by domain, address, port, protocol and time of day.',
				'Decided in the kernel (nftables marks, policy routing); configured in',
				'/etc/config/splitwg, with the splitwg command or over ubus.',
			],
			trees: [{ from: 'files', to: '' }],
			modes: 'packaging/splitwg/modes',
			conffiles: ['/etc/config/splitwg'],
			scripts: {
				postinst: 'packaging/splitwg/postinst',
				prerm: 'packaging/splitwg/prerm',
				postrm: 'packaging/splitwg/postrm',
			},
			// Must be in the package for it to work (patterns as in the mode
			// table); `npm run package` refuses to build without them. They come
			// from `npm run build` and the hand-written service files.
			expect: [
				'etc/config/splitwg',
				'etc/init.d/splitwg',
				'etc/uci-defaults/90-splitwg',
				'etc/hotplug.d/iface/90-splitwg',
				'etc/splitwg/lists/.keep',
				'lib/upgrade/keep.d/splitwg',
				'usr/sbin/splitwg',
				'usr/share/rpcd/ucode/splitwg',
				'usr/share/splitwg/health.uc',
				'usr/share/ucode/splitwg/core.uc',
				'usr/share/ucode/splitwg/router.uc',
			],
		},
		{
			name: 'luci-app-splitwg',
			makefile: 'luci-app-splitwg/Makefile',
			version,
			release: RELEASE,
			source: 'package/splitwg/luci-app-splitwg',
			section: 'luci',
			license: 'GPL-2.0-only',
			depends: ['splitwg', 'luci-base'],
			// One line: luci.mk $(strip)s LUCI_DESCRIPTION.
			description: [
				'LuCI pages for splitwg, under Services: upstreams, the WireGuard server and ' +
				'its peers, clients and their rules, status, and a rule tester that explains ' +
				'which path a connection takes.',
			],
			// luci.mk: htdocs/ → /www, root/ → / (po/ becomes luci-i18n-* packages).
			trees: [
				{ from: 'luci-app-splitwg/htdocs', to: 'www' },
				{ from: 'luci-app-splitwg/root', to: '' },
			],
			// minified when packed, as luci.mk's jsmin does in the SDK build
			// (packaging/luci-minify.mjs); the committed files stay readable
			minify: ['www/luci-static/resources/*.js'],
			modes: 'luci-app-splitwg/packaging/modes',
			conffiles: [],
			scripts: {
				postinst: 'luci-app-splitwg/packaging/postinst',
				postrm: 'luci-app-splitwg/packaging/postrm',
			},
			expect: [
				'usr/share/luci/menu.d/luci-app-splitwg.json',
				'usr/share/rpcd/acl.d/luci-app-splitwg.json',
				'www/luci-static/resources/view/splitwg/*.js',
			],
		},
		{
			name: 'prometheus-node-exporter-ucode-splitwg',
			makefile: 'prometheus-node-exporter-ucode-splitwg/Makefile',
			version,
			release: RELEASE,
			source: 'package/splitwg/prometheus-node-exporter-ucode-splitwg',
			section: 'utils',
			license: 'GPL-2.0-only',
			// the collector imports splitwg's router module; the exporter runs it
			depends: ['splitwg', 'prometheus-node-exporter-ucode'],
			description: [
				"splitwg's metrics for prometheus-node-exporter-ucode: upstreams (up,",
				'handshake age, bytes), connections per client and path, rule hits, the',
				'last apply, list files and subscriptions.',
			],
			trees: [{ from: 'prometheus-node-exporter-ucode-splitwg/files', to: '' }],
			modes: 'prometheus-node-exporter-ucode-splitwg/packaging/modes',
			conffiles: [],
			scripts: {
				postinst: 'prometheus-node-exporter-ucode-splitwg/packaging/postinst',
				postrm: 'prometheus-node-exporter-ucode-splitwg/packaging/postrm',
			},
			expect: ['usr/share/ucode/node-exporter/lib/splitwg.uc'],
		},
	];
}
