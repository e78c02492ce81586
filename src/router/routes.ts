// The router's local networks, for compile() and explain(): every route of
// the main table but the default and those via our own sw_* interfaces (a
// tunnel's subnet, the peers' host routes: the server's pools come from the
// config). The ip rule `lookup main suppress_prefixlength 0` sends traffic
// to all of them by the main table whatever its mark, so the table must not
// classify them (a proxy mark there met the leak guard: dropped).
import type { Env } from './env';

function ours(dev: any): boolean {
	return type(dev) === 'string' && substr(dev, 0, 3) === 'sw_';
}

function viaUs(r: any): boolean {
	if (ours(r.dev)) return true;
	const hops: any[] = type(r.nexthops) === 'array' ? r.nexthops : [];
	for (let i = 0; i < length(hops); i++) if (ours(hops[i].dev)) return true;
	return false;
}

// `ok` is false when a table could not be read (then only the config's
// pools are local, and apply says so).
export function localNetworks(env: Env, ipv6: boolean): { local: string[], ok: boolean } {
	const out: string[] = [];
	let ok = true;
	const fams: (4 | 6)[] = ipv6 ? [4, 6] : [4];
	for (let f = 0; f < length(fams); f++) {
		const rs = env.routes(fams[f]);
		if (rs === null) { ok = false; continue; }
		for (let i = 0; i < length(rs); i++) {
			const r = rs[i];
			if (type(r) !== 'object' || type(r.dst) !== 'string' || r.dst === 'default' || viaUs(r)) continue;
			if (index(out, r.dst) < 0) push(out, r.dst);
		}
	}
	return { local: out, ok };
}
