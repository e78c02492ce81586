// Bytes per client and path, read from conntrack's accounting: no counter
// of ours on the data path (forwarding cost stays flat, bench/RESULTS.md §1).
// The kernel counts every connection's bytes in both directions when
// net.netfilter.nf_conntrack_acct is 1 (OpenWrt's default); a connection's
// ct mark says its path (the mark chains save it, nft.ts), its original
// source says the client. These are the bytes of the connections open now:
// a closed one leaves the sum.
import type { Env } from './env';
import { PATHS } from './env';
import type { ClientPath } from './state';
import { parsePrefix, prefixContains, isMsg } from './core';
import type { Prefix } from '../core/ip';

// `up`: from the client (the connection's original direction), `down`: to it
export interface PathBytes { up: number, down: number }
// `proxy`: by upstream name. Blocked connections are dropped: no bytes.
export interface ClientBytes { direct: PathBytes, proxy: { [upstream: string]: PathBytes } }

// The mark values of the last apply (state.ts AppliedView.marks).
export interface Marks { mask: number, direct: number, upstreams: { [name: string]: number } }

// `missing`: why there are no figures — 'state' (applied by a version
// without marks in its state: apply again), 'conntrack' (neither the tool
// nor /proc/net/nf_conntrack), 'accounting' (nf_conntrack_acct is 0).
// `connections`: those with a splitwg mark; `unattributed`: theirs whose
// source is no client's address (clients known by MAC or interface only:
// conntrack keeps addresses, not how a packet came in).
export interface BytesSummary {
	source: 'conntrack' | 'procfs' | null;
	missing: 'state' | 'conntrack' | 'accounting' | null;
	connections: number;
	unattributed: ClientBytes;
}

// Per-connection figures summed by `source mark` (mark: the ct mark under
// the mask; 0, not ours, is skipped). Lines as `conntrack -L -o extended`
// and /proc/net/nf_conntrack print them: `… src=A dst=B … packets=N
// bytes=N src=B dst=A … packets=N bytes=N [ASSURED] mark=M …`; the first
// `bytes=` is the original direction. Cut with split/index/substr, no
// regex: a router may list thousands of connections, each poll.
// `accounted`/`unaccounted`: lines with and without bytes (accounting off,
// or a connection older than its switching on).
export interface CtTotals { sums: { [key: string]: PathBytes }, connections: number, accounted: number, unaccounted: number }

export function ctTotals(text: string, mask: number): CtTotals {
	const out: CtTotals = { sums: {}, connections: 0, accounted: 0, unaccounted: 0 };
	const lines = split(text, '\n');
	for (let i = 0; i < length(lines); i++) {
		const p = split(lines[i], ' bytes=');
		if (length(p) < 3) {
			if (index(lines[i], ' src=') >= 0) out.unaccounted++;
			continue;
		}
		out.accounted++;
		const m = index(p[2], ' mark=');
		const mark = m < 0 ? 0 : int(substr(p[2], m + 6)) & mask;
		if (!mark) continue;
		const s = index(p[0], ' src=');
		if (s < 0) continue;
		const rest = substr(p[0], s + 5);
		const src = substr(rest, 0, index(rest, ' '));
		const key = `${src} ${mark}`;
		let acc = out.sums[key];
		if (!acc) { acc = { up: 0, down: 0 }; out.sums[key] = acc; }
		acc.up += int(p[1]);
		acc.down += int(p[2]);
		out.connections++;
	}
	return out;
}

export function noBytes(): ClientBytes {
	return { direct: { up: 0, down: 0 }, proxy: {} };
}

// Each client's address sources: hosts by their text (conntrack prints
// addresses as inet_ntop does, like the canonical text), prefixes to test.
// A client without one (MAC, interface) is not in it.
interface Sources { hosts: { [addr: string]: string }, prefixes: { client: string, p: Prefix }[], clients: { [name: string]: boolean } }

function sourcesOf(clients: { [name: string]: ClientPath }): Sources {
	const out: Sources = { hosts: {}, prefixes: [], clients: {} };
	for (let n in clients) {
		const srcs = clients[n].sources ?? [];
		for (let i = 0; i < length(srcs); i++) {
			const p = parsePrefix(srcs[i]);
			if (isMsg(p)) continue;
			out.clients[n] = true;
			if ((p as Prefix).host) out.hosts[(p as Prefix).text] = n;
			else push(out.prefixes, { client: n, p: p as Prefix });
		}
	}
	return out;
}

function clientOf(s: Sources, addr: string): string | null {
	if (s.hosts[addr]) return s.hosts[addr];
	if (!length(s.prefixes)) return null;
	const b = iptoarr(addr);
	if (!b) return null;
	for (let i = 0; i < length(s.prefixes); i++) if (prefixContains(s.prefixes[i].p, b)) return s.prefixes[i].client;
	return null;
}

function add(to: ClientBytes, mark: number, marks: Marks, names: { [mark: string]: string }, b: PathBytes): void {
	let k: PathBytes | null = null;
	const u = names[`${mark}`];
	if (mark === marks.direct) k = to.direct;
	else if (u) {
		to.proxy[u] ??= { up: 0, down: 0 };
		k = to.proxy[u];
	}
	if (k === null) return;   // a mark no applied path has (left by an older table)
	k.up += b.up;
	k.down += b.down;
}

// The sums by client: `clients` has every applied client with an address
// (zeros when it has no connection), `unattributed` the rest.
export function bytesByClient(t: CtTotals, clients: { [name: string]: ClientPath }, marks: Marks): { clients: { [name: string]: ClientBytes }, unattributed: ClientBytes } {
	const s = sourcesOf(clients);
	const out: { [name: string]: ClientBytes } = {};
	for (let n in s.clients) out[n] = noBytes();
	const other = noBytes();
	const names: { [mark: string]: string } = {};
	for (let u in marks.upstreams) names[`${marks.upstreams[u]}`] = u;
	for (let key in t.sums) {
		const sp = index(key, ' ');
		const c = clientOf(s, substr(key, 0, sp));
		add(c === null ? other : out[c], int(substr(key, sp + 1)), marks, names, t.sums[key]);
	}
	return { clients: out, unattributed: other };
}

// The connection table as text: the conntrack tool (one call per family),
// else the kernel's procfs file; null when neither is there.
function readTable(env: Env, ipv6: boolean): { text: string, source: 'conntrack' | 'procfs' } | null {
	if (env.fs.exists(PATHS.conntrack)) {
		const fams = ipv6 ? ['ipv4', 'ipv6'] : ['ipv4'];
		const parts: string[] = [];
		for (let i = 0; i < length(fams); i++) {
			const r = env.run(['conntrack', '-L', '-f', fams[i], '-o', 'extended']);
			if (r.code === 0) push(parts, r.stdout);
		}
		if (length(parts)) return { text: join('\n', parts), source: 'conntrack' };
	}
	const p = env.fs.read(PATHS.ctTable);
	return p === null ? null : { text: p, source: 'procfs' };
}

// What stats reports: per client (those with an address) and the summary.
export function clientBytes(env: Env, clients: { [name: string]: ClientPath } | null, marks: Marks | null, ipv6: boolean): { clients: { [name: string]: ClientBytes }, summary: BytesSummary } {
	const summary: BytesSummary = { source: null, missing: null, connections: 0, unattributed: noBytes() };
	if (marks === null || clients === null) { summary.missing = 'state'; return { clients: {}, summary }; }
	if (trim(env.fs.read(PATHS.ctAccounting) ?? '') === '0') { summary.missing = 'accounting'; return { clients: {}, summary }; }
	const tbl = readTable(env, ipv6);
	if (tbl === null) { summary.missing = 'conntrack'; return { clients: {}, summary }; }
	summary.source = tbl.source;
	const t = ctTotals(tbl.text, marks.mask);
	// (connections listed, none with bytes: the sysctl could not be read, and is off)
	if (t.unaccounted > 0 && t.accounted === 0) { summary.missing = 'accounting'; return { clients: {}, summary }; }
	const r = bytesByClient(t, clients, marks);
	summary.connections = t.connections;
	summary.unattributed = r.unattributed;
	return { clients: r.clients, summary };
}
