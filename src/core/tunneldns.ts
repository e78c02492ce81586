// DNS through the tunnel (docs/config.md "DNS through the tunnel"): the
// domains a rule proxies through an upstream with `dns` servers are resolved
// by those servers, inside that upstream's tunnel — the query never crosses
// the WAN, and a name resolves to the exit's region. dnsmasq resolves a name
// one way for every client, so the first rule that proxies it through such
// an upstream decides (clients in order, each one's rules in decision
// order, as verdictOf() resolves their upstream); a domain proxied through
// two of them is resolved by the first one's, and check warns. A failover
// group's rules are resolved by its member up now (`down`: the health
// checker's; compile() takes them, the checker renders the file again when
// the member changes); a balance group's the usual way (no one member).
import type { Config, Warning } from './model';
import { verdictOf } from './decide';
import { msg } from './messages';

export interface TunnelDns { upstream: string, iface: string, servers: string[], domains: string[] }

export function tunnelDns(cfg: Config, down?: string[] | null): { routes: TunnelDns[], warnings: Warning[] } {
	const routes: TunnelDns[] = [], warnings: Warning[] = [];
	const byName: { [u: string]: TunnelDns } = {};
	for (let i = 0; i < length(cfg.upstreams); i++) {
		const u = cfg.upstreams[i];
		if (u.enabled && length(u.dns)) push(routes, byName[u.name] = { upstream: u.name, iface: u.iface, servers: u.dns, domains: [] });
	}
	if (!length(routes)) return { routes, warnings };
	const owner: { [domain: string]: string } = {};
	// (first upstream → other upstream → how many domains, and one of them)
	const clash: { [pair: string]: { first: string, other: string, n: number, example: string } } = {};
	for (let i = 0; i < length(cfg.clients); i++) {
		const c = cfg.clients[i];
		if (!c.enabled) continue;
		for (let j = 0; j < length(c.rules); j++) {
			const r = c.rules[j];
			if (r.action !== 'proxy' || !length(r.match.domains)) continue;
			const v = verdictOf(cfg, c, r, down ?? []);
			const t = v.action === 'proxy' && v.upstream ? byName[v.upstream.name] : null;
			if (!t) continue;
			for (let k = 0; k < length(r.match.domains); k++) {
				const d = r.match.domains[k], was = owner[d];
				if (was === undefined) { owner[d] = t.upstream; push(t.domains, d); }
				else if (was !== t.upstream) {
					const key = `${was} ${t.upstream}`;
					clash[key] ??= { first: was, other: t.upstream, n: 0, example: d };
					clash[key].n++;
				}
			}
		}
	}
	for (let k in clash) {
		const x = clash[k];
		push(warnings, { path: `upstream.${x.other}.dns`, ...msg('warn_dns_clash', [x.n, x.example, x.first, x.other]) });
	}
	return { routes: filter(routes, (t) => length(t.domains) > 0), warnings };
}
