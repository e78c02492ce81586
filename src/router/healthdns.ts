// `splitwg health --dns`: a failover group's domains resolve through its
// member up now (core tunneldns.ts). The checker runs this when a member of
// such a group went down or came back: the dnsmasq file is rendered for the
// checker's states, written where the last apply put it, and dnsmasq
// restarted (its queries to a tunnel's DNS are bound to the device). Only
// for the configuration applied (else the next apply does it, with these
// states), and not while an apply runs. A process of its own, so the
// resident checker never loads the config reader.
import type { Env } from './env';
import { failure } from './env';
import { readConfig, dnsmasqFor } from './core';
import { readConfigSections } from './sections';
import { readState, writeState, lock, unlock, fileFingerprint } from './state';
import { filePath, writeFile, INIT_SCRIPT } from './dnsmasq';
import { checkerDown } from './health';

export function followDns(env: Env): boolean {
	const st = readState(env);
	const dirs = st && st.ok && st.enabled ? st.dnsmasq_dirs ?? [] : [];
	if (!st || !length(dirs) || st.config_hash !== env.configDigest('splitwg')) return true;
	const r0 = readConfig(readConfigSections(env.uci, 'splitwg'));
	if (!r0.config) return true;
	const text = dnsmasqFor(r0.config, checkerDown(env));
	if (env.fs.read(filePath(dirs[0])) === text) return true;
	if (!lock(env)) { env.log('health: an apply is running: it writes the DNS entries for these states'); return true; }
	let ok = true;
	for (let i = 0; i < length(dirs); i++) ok = writeFile(env, dirs[i], text) && ok;
	if (ok) {
		// the file as written is the applied one: status and doctor compare with it
		st.hashes.dnsmasq = fileFingerprint(env, filePath(dirs[0])) ?? '';
		writeState(env, st);
	}
	const r = env.run([INIT_SCRIPT, 'restart']);
	unlock(env);
	env.log(ok && r.code === 0 ? 'health: the groups\' domains now resolve through the DNS of their members up: dnsmasq restarted'
		: `health: the DNS entries for the members up could not be put in place${r.code !== 0 ? ': ' + failure(r, [INIT_SCRIPT, 'restart']) : ''}`);
	return ok && r.code === 0;
}
