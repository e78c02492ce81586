// /etc/hotplug.d/iface/90-splitwg → `splitwg hotplug ACTION INTERFACE`.
// Routing needs no help here: netifd removes a tunnel's default route when
// it goes down and the `unreachable` route in its table keeps holding (kill
// switch). What hotplug adds:
//   - the table is back at once if something deleted it (fw4 flush/restart);
//   - when a WAN interface comes up, upstream tunnels that failed to come up
//     (endpoint name not resolvable at boot) are retried;
//   - one log line per upstream up/down;
//   - dnsmasq restarted when a tunnel whose DNS resolves domains comes up.
import type { Config } from '../core/model';
import type { Env } from './env';
import { PATHS } from './env';
import { readConfig } from './core';
import { readConfigSections } from './sections';
import { readState } from './state';
import { tableExists, load } from './nftables';
import { INIT_SCRIPT } from './dnsmasq';

// The netifd interfaces of a firewall zone (by zone name).
export function zoneNetworks(env: Env, zone: string): string[] {
	env.uci.load('firewall');
	const all = env.uci.get_all('firewall') ?? {};
	let out: string[] = [];
	for (let n in all) {
		const s = all[n];
		if (s['.type'] !== 'zone' || s.name !== zone) continue;
		const nets = s.network;
		if (type(nets) === 'array') out = [...out, ...nets];
		else if (type(nets) === 'string') out = [...out, ...filter(split(nets, ' '), (x: string) => x !== '')];
	}
	return out;
}

function validConfig(env: Env): Config | null {
	return readConfig(readConfigSections(env.uci, 'splitwg')).config;
}

// Interfaces whose events should re-check splitwg (procd interface triggers
// of the init script): the WAN zone's.
export function triggerInterfaces(env: Env): string[] {
	const c = validConfig(env);
	return zoneNetworks(env, c ? c.globals.wanZone : 'wan');
}

export function hotplug(env: Env, action: string, iface: string): string[] {
	const done: string[] = [];
	const st = readState(env);
	if (!st || !st.enabled) return done;           // not applied, or stopped
	if (action !== 'ifup' && action !== 'ifupdate' && action !== 'ifdown') return done;
	const c = validConfig(env);
	if (!c || !c.globals.enabled) return done;
	const ours = filter(c.upstreams, (u) => u.iface === iface);
	if (length(ours)) {
		const u = ours[0];
		if (action === 'ifdown') env.log(`upstream ${u.name} (${iface}) down${c.globals.killSwitch ? ': kill switch holds, its traffic is blocked' : ': its traffic goes direct'}`);
		else if (action === 'ifup') env.log(`upstream ${u.name} (${iface}) up`);
	}
	if (action === 'ifdown') return done;
	// dnsmasq binds its queries for a tunnel's DNS (server=…@IFACE) to the
	// device: a new link (netifd re-creates a tunnel on every ifup) needs a
	// new socket, which only a restart makes reliably
	if (action === 'ifup' && length(ours) && length(filter(c.tunnelDns, (t) => t.iface === iface))) {
		env.run([INIT_SCRIPT, 'restart']);
		push(done, `${INIT_SCRIPT} restart`);
		env.log(`${iface} is up: dnsmasq restarted, its domains resolve through the tunnel's DNS again`);
	}
	if (!tableExists(env) && env.fs.exists(PATHS.nft)) {
		const r = load(env, PATHS.nft);
		push(done, `nft -f ${PATHS.nft}`);
		env.log(r.code === 0 ? `table inet splitwg was missing on ${action} of ${iface}: reloaded` : `table inet splitwg is missing and could not be reloaded (exit ${r.code})`);
	}
	if (action === 'ifup' && !length(ours) && index(zoneNetworks(env, c.globals.wanZone), iface) >= 0) {
		for (let i = 0; i < length(c.upstreams); i++) {
			const u = c.upstreams[i];
			if (!u.enabled) continue;
			const s = env.ubus(`network.interface.${u.iface}`, 'status', {});
			if (type(s) === 'object' && s.up !== true && s.pending !== true) {
				env.run(['ifup', u.iface]);
				push(done, `ifup ${u.iface}`);
				env.log(`${iface} is up: retrying upstream ${u.name} (${u.iface})`);
			}
		}
	}
	return done;
}
