// The splitwg collector of prometheus-node-exporter-ucode
// (/usr/share/ucode/node-exporter/lib/splitwg.uc; the package
// prometheus-node-exporter-ucode-splitwg). The exporter runs this file on
// every scrape with gauge()/counter() in its scope (exporter.d.ts). Every
// number is one `splitwg status`, `splitwg stats` and ubus `lists` report —
// the router module computes them; this file only names them (the list in
// docs/cli.md, "Prometheus"). A failure is the exporter's
// node_scrape_collector_success{collector="splitwg"} 0.
import { stat } from 'fs';
import { realEnv, status, stats, listReport } from '../router/index';

const env = realEnv();
const st = status(env);
const sx = stats(env);
const lists = listReport(env);
const now = time();

const flag = (b: boolean): number => b ? 1 : 0;

gauge('splitwg_enabled', 'splitwg is enabled in its configuration')({}, flag(st.enabled));
gauge('splitwg_applied', 'the last successful apply installed splitwg (0: stopped or never applied)')({}, flag(st.applied));
gauge('splitwg_pending', 'the configuration or a list file changed since the last apply')({}, flag(st.pending));
gauge('splitwg_warnings', 'warnings `splitwg status` shows')({}, length(st.warnings));
if (st.last_apply) {
	gauge('splitwg_last_apply_success', 'the last apply succeeded')({}, flag(st.last_apply.ok));
	gauge('splitwg_last_apply_timestamp_seconds', 'when the last apply ran')({}, st.last_apply.time);
}

const up = gauge('splitwg_upstream_up', 'the upstream\'s interface is up');
const healthy = gauge('splitwg_upstream_healthy', 'up with a handshake in the last 5 minutes');
const handshake = gauge('splitwg_upstream_handshake_age_seconds', 'seconds since the tunnel\'s latest handshake');
const rx = counter('splitwg_upstream_receive_bytes_total', 'bytes received through the tunnel (wg)');
const tx = counter('splitwg_upstream_transmit_bytes_total', 'bytes sent through the tunnel (wg)');
for (let i = 0; i < length(st.upstreams); i++) {
	const u = st.upstreams[i], l = { upstream: u.name, iface: u.iface };
	up(l, flag(u.up));
	healthy(l, flag(u.healthy));
	if (u.handshake_age !== null) handshake(l, u.handshake_age);
	rx(l, u.rx);
	tx(l, u.tx);
}
// the health checker's view (health.json): only of the upstreams it watches
const probeUp = gauge('splitwg_upstream_checker_up', 'the health checker counts the upstream as up (its probes or handshakes)');
const probeRtt = gauge('splitwg_upstream_probe_rtt_milliseconds', 'round trip of the last answered probe through the tunnel');
const since = gauge('splitwg_upstream_checker_since_timestamp_seconds', 'when the checker last changed its mind about the upstream');
for (let i = 0; i < length(st.upstreams); i++) {
	const u = st.upstreams[i], h = u.health;
	if (!h) continue;
	probeUp({ upstream: u.name }, flag(h.state === 'up'));
	since({ upstream: u.name }, h.since);
	if (h.rtt !== null) probeRtt({ upstream: u.name }, h.rtt);
}
const active = gauge('splitwg_group_member_active', 'new connections of the group go to this member now (1) or not (0)');
for (let i = 0; i < length(st.groups); i++) {
	const g = st.groups[i];
	for (let j = 0; j < length(g.members); j++) active({ group: g.name, upstream: g.members[j] }, flag(index(g.active, g.members[j]) >= 0));
}

const routed = counter('splitwg_upstream_connections_total', 'connections classified to the upstream (first packets)');
for (let i = 0; i < length(sx.upstreams); i++) routed({ upstream: sx.upstreams[i].name }, sx.upstreams[i].packets);

// the path counters count the classifying rule, i.e. the first packet of
// each connection (status.ts): connections, not traffic
const byPath = counter('splitwg_client_connections_total', 'connections of the client by path (ruleset: in rule sets of mixed paths)');
const clientHs = gauge('splitwg_client_handshake_age_seconds', 'seconds since the WireGuard client\'s latest handshake');
const PATHS = ['direct', 'proxy', 'block', 'ruleset'];
for (let i = 0; i < length(st.clients); i++) {
	const c = st.clients[i];
	for (let j = 0; j < length(PATHS); j++) byPath({ client: c.name, path: PATHS[j] }, (c.counters as any)[PATHS[j]]);
	if (c.handshake_age !== null) clientHs({ client: c.name }, c.handshake_age);
}

const ruleHits = counter('splitwg_rule_hits_total', 'connections that matched the client\'s rule');
const defHits = counter('splitwg_client_default_hits_total', 'connections of the client that no rule matched');
const setHits = counter('splitwg_client_ruleset_hits_total', 'connections of the client that matched a rule of the rule set chain');
for (let i = 0; i < length(sx.clients); i++) {
	const c = sx.clients[i];
	for (let j = 0; j < length(c.rules); j++) ruleHits({ client: c.name, rule: c.rules[j].rule }, c.rules[j].packets);
	defHits({ client: c.name }, c.default.packets);
	for (let j = 0; j < length(c.rulesets); j++) setHits({ client: c.name, chain: c.rulesets[j].name }, c.rulesets[j].packets);
}
const setRuleHits = counter('splitwg_ruleset_rule_hits_total', 'connections that matched the rule set\'s rule (all clients of the chain)');
for (let i = 0; i < length(sx.rulesets); i++) {
	const r = sx.rulesets[i];
	for (let j = 0; j < length(r.rules); j++) setRuleHits({ ruleset: r.ruleset, chain: r.name, rule: r.rules[j].rule }, r.rules[j].packets);
}
const dropped = counter('splitwg_dropped_packets_total', 'packets dropped: leak (marked for an upstream, about to leave by another interface), dot (DNS over TLS)');
dropped({ reason: 'leak' }, sx.dropped.leak);
dropped({ reason: 'dot' }, sx.dropped.dot);
counter('splitwg_dns_hijacked_total', 'DNS queries redirected to the router\'s resolver')({}, sx.dns_hijacked);

const entries = gauge('splitwg_list_entries', 'entries of the list file (0 when it cannot be read)');
const listOk = gauge('splitwg_list_ok', 'the list file can be read and has no line in error');
const listAge = gauge('splitwg_list_age_seconds', 'seconds since the list file was written');
for (let i = 0; i < length(lists.files); i++) {
	const f = lists.files[i], l = { list: f.name };
	entries(l, f.entries);
	listOk(l, flag(f.ok && !length(f.problems)));
	const s = stat(env.fs.hostPath(f.path));
	if (s) listAge(l, now - s.mtime);
}
const subEntries = gauge('splitwg_subscription_entries', 'entries of the subscription\'s copy in force (after its last successful fetch)');
const subOk = gauge('splitwg_subscription_fetch_success', 'the subscription\'s last fetch succeeded');
const subAge = gauge('splitwg_subscription_fetch_age_seconds', 'seconds since the subscription\'s last successful fetch');
for (let i = 0; i < length(st.subscriptions); i++) {
	const s = st.subscriptions[i], l = { subscription: s.name };
	if (s.entries !== null) subEntries(l, s.entries);
	if (s.checked !== null) subOk(l, flag(s.error === null));
	if (s.fetched_age !== null) subAge(l, s.fetched_age);
}
