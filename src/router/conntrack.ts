// A connection keeps the path it was classified with (its conntrack mark).
// When a client's rules change, its open connections are dropped from
// conntrack so they are classified again under the new rules.
import type { Plan } from '../core/plan';
import type { Env } from './env';
import type { ClientPath } from './state';
import { hash } from './state';
import { parsePrefix, declarations, isMsg } from './core';

const GOTO_CLIENT = /^([^\n]+) : goto client_([^\n]+)$/;

// regexes as module constants: ucode compiles a literal each time it is evaluated
const SET_REF = /@[A-Za-z0-9_]+/g;

// The text of one block (`\tchain x {` … `\n\t}`) of the rendered table,
// "" when absent (the header's one-line `\tchain x {}` is not it).
function block(nft: string, head: string): string {
	const start = index(nft, `${head}\n`);
	if (start < 0) return '';
	const rest = substr(nft, start);
	const end = index(rest, '\n\t}');
	return end < 0 ? rest : substr(rest, 0, end);
}

// Every mark value: if one changes, a stored ct mark may now mean another
// upstream, so every client counts as changed.
function marksOf(plan: Plan): string {
	return join(' ', [plan.marks.mask, plan.marks.direct, ...map(plan.upstreams, (u) => `${u.name}=${u.mark}`)]);
}

// Everything that decides a client's path: where its packets come from
// (an address moved away is no longer this client's), its chain, what fills
// the sets the chain matches (their addresses, or the domains dnsmasq feeds
// into them: plan.sets) and the mark values.
function signature(plan: Plan, chain: string, sources: string[], marks: string): string {
	const text = block(plan.nft, `\tchain ${chain} {`);
	let sig = `${marks}\nfrom ${join(' ', sources)}\n${text}`;
	const refs = match(text, SET_REF) as string[][] | null;
	const keys: { [n: string]: string } = {};
	for (let i = 0; i < length(plan.sets ?? []); i++) keys[plan.sets[i].name] = plan.sets[i].key;
	const seen: { [n: string]: boolean } = {};
	for (let i = 0; i < length(refs ?? []); i++) {
		const set = substr((refs as string[][])[i][0], 1);
		if (seen[set]) continue;
		seen[set] = true;
		sig += `\n${set}: ${keys[set] ?? ''}`;
	}
	return sig;
}

export function clientPaths(plan: Plan): { [name: string]: ClientPath } {
	const out: { [name: string]: ClientPath } = {};
	const marks = marksOf(plan);
	for (let i = 0; i < length(plan.clients); i++) {
		const c = plan.clients[i];
		out[c.name] = { sig: hash(signature(plan, c.chain, c.sources, marks)), sources: c.sources };
	}
	return out;
}

// Clients whose classification differs between two applies (including
// added and removed ones), with the sources to flush: old and new ones (an
// address a client no longer has keeps the path it was classified with).
// `before` null: no state (first apply, or the first after a reboot, whose
// table fw4 loaded from the persisted file): what classified the running
// connections is unknown, so every client counts as changed.
export function changedClients(before: { [n: string]: ClientPath } | null, after: { [n: string]: ClientPath }): { [n: string]: string[] } {
	const out: { [n: string]: string[] } = {};
	if (before === null) {
		for (let n in after) out[n] = after[n].sources;
		return out;
	}
	for (let n in after)
		if (!before[n] || before[n].sig !== after[n].sig) out[n] = uniq([...(before[n] ? before[n].sources : []), ...after[n].sources]);
	for (let n in before)
		if (!after[n]) out[n] = before[n].sources;
	return out;
}

// Without the state of the last apply (the first apply after a reboot: the
// state lives in RAM), the table fw4 loaded is the installed file: its
// client maps name each client's sources. The signature is unknown, so
// every client counts as changed and its old sources are flushed too.
export function installedPaths(nft: string | null): { [name: string]: ClientPath } | null {
	if (nft === null) return null;
	const out: { [name: string]: ClientPath } = {};
	const d = declarations(nft);
	for (let i = 0; i < length(d); i++) {
		if (d[i].kind !== 'map' || (d[i].name !== 'client4' && d[i].name !== 'client6')) continue;
		for (let j = 0; j < length(d[i].elements); j++) {
			const m = match(d[i].elements[j], GOTO_CLIENT) as string[] | null;
			if (!m) continue;
			out[m[2]] ??= { sig: '', sources: [] };
			push(out[m[2]].sources, m[1]);
		}
	}
	return out;
}

// Addresses and prefixes can be flushed by source; MAC and interface
// clients cannot (conntrack does not record them) and are reported.
export function flush(env: Env, changed: { [n: string]: string[] }): { flushed: string[], skipped: string[] } {
	const r = { flushed: [] as string[], skipped: [] as string[] };
	for (let n in changed) {
		const srcs = changed[n];
		let any = false, other = false;
		for (let i = 0; i < length(srcs); i++) {
			const p = parsePrefix(srcs[i]);
			if (isMsg(p)) { other = true; continue; }
			const fam = (p as { family: number }).family === 4 ? 'ipv4' : 'ipv6';
			env.run(['conntrack', '-D', '-f', fam, '-s', srcs[i]]);
			any = true;
		}
		if (any) push(r.flushed, n);
		if (other) push(r.skipped, n);
	}
	return r;
}
