// What this router has, and what it means for splitwg. Detected on every
// apply and status (cheap: file tests, one `dnsmasq --version`).
import type { Env } from './env';
import { PATHS } from './env';
import { confDirs, hasNftset } from './dnsmasq';
import { msg } from './core';
import type { Msg } from './core';

export interface Platform {
	fw4: boolean;
	dnsmasq: boolean;            // a dnsmasq binary answers --version
	nftset: boolean;             // … and was built with nftset (dnsmasq-full)
	confDirs: string[];
	flowOffloading: boolean;
	flowOffloadingHw: boolean;
	ipv6: boolean;               // the kernel has IPv6
	conntrack: boolean;          // conntrack-tools, to flush changed clients' connections
	ctAccounting: boolean;       // the kernel counts connections' bytes (stats; false only when the sysctl reads 0)
	wgShellHandler: boolean;     // ≤ 24.10: peers are read only when the interface comes up
}

function firstSectionOfType(env: Env, config: string, t: string): { [k: string]: any } | null {
	env.uci.load(config);
	const all = env.uci.get_all(config) ?? {};
	let best: { [k: string]: any } | null = null;
	for (let name in all)
		if (all[name]['.type'] === t && (best === null || all[name]['.index'] < best['.index'])) best = all[name];
	return best;
}

export function detect(env: Env): Platform {
	const v = env.run(['dnsmasq', '--version']);
	const defaults = firstSectionOfType(env, 'firewall', 'defaults') ?? {};
	return {
		fw4: env.fs.exists(PATHS.fw4),
		dnsmasq: v.code === 0,
		nftset: v.code === 0 && hasNftset(v.stdout),
		confDirs: confDirs(env),
		flowOffloading: defaults.flow_offloading === '1',
		flowOffloadingHw: defaults.flow_offloading === '1' && defaults.flow_offloading_hw === '1',
		ipv6: env.fs.exists(PATHS.ipv6),
		conntrack: env.fs.exists(PATHS.conntrack),
		// (splitwg never sets the sysctl: it is the owner's)
		ctAccounting: trim(env.fs.read(PATHS.ctAccounting) ?? '') !== '0',
		wgShellHandler: env.fs.exists(PATHS.wgShellHandler),
	};
}

// `needsDomains`: the config has domain rules (only they need nftset);
// `wantsIpv6`: globals.ipv6.
export function platformWarnings(p: Platform, needsDomains: boolean, wantsIpv6: boolean): Msg[] {
	const w: Msg[] = [];
	if (!p.fw4) push(w, msg('platform_no_fw4'));
	if (!p.dnsmasq) push(w, msg('platform_no_dnsmasq'));
	else if (!p.nftset && needsDomains) push(w, msg('platform_no_nftset'));
	if (p.dnsmasq && !length(p.confDirs) && needsDomains) push(w, msg('platform_no_dnsmasq_instance'));
	if (p.flowOffloadingHw) push(w, msg('platform_offload_hw'));
	else if (p.flowOffloading) push(w, msg('platform_offload_sw'));
	if (wantsIpv6 && !p.ipv6) push(w, msg('platform_no_ipv6'));
	if (!p.conntrack) push(w, msg('platform_no_conntrack'));
	if (!p.ctAccounting) push(w, msg('platform_no_ct_accounting'));
	return w;
}
