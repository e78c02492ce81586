// A connection keeps the path it was classified with (its conntrack mark).
// When a client's rules change, its open connections are dropped from
// conntrack so they are classified again under the new rules.
import type { Plan } from '../core/plan';
import type { NftChain } from '../core/nft';
import type { Env } from './env';
import type { ClientPath } from './state';
import type { SetState } from '../core/transition';
import { hash } from './state';
import { parsePrefix, NFT, clientChainName, isMsg } from './core';

// Every mark value: if one changes, a stored ct mark may now mean another
// upstream, so every client counts as changed.
function marksOf(plan: Plan): string {
	return join(' ', [plan.marks.mask, plan.marks.direct, ...map(plan.upstreams, (u) => `${u.name}=${u.mark}`)]);
}

// A chain's rules (matches and verdicts; comments do not decide anything)
// and the names of the sets they match; a `jump` to a rule set's chain is
// that chain's rules in its place, whatever the chain is called (the
// bindings are numbered in the order clients list them). What fills those
// sets is compared apart (changedClients, setFills): every address and
// domain of the rules — megabytes a ucode hash loop would take seconds over.
function rulesText(chain: NftChain | null, chains: { [n: string]: NftChain }, sets: string[], seen: { [n: string]: boolean }): string {
	const out: string[] = [];
	const rules = chain ? chain.rules : [];
	for (let i = 0; i < length(rules); i++) {
		const r = rules[i];
		if (r.verdict === 'jump') { push(out, `jump {${rulesText(chains[r.target as string] ?? null, chains, sets, seen)}\n}`); continue; }
		push(out, `${r.expr} ${r.verdict} ${r.target ?? ''}`);
		for (let j = 0; j < length(r.sets); j++)
			if (!seen[r.sets[j]]) { seen[r.sets[j]] = true; push(sets, r.sets[j]); }
	}
	return length(out) ? '\n' + join('\n', out) : '';
}

// Everything that decides a client's path: where its packets come from
// (an address moved away is no longer this client's), its chain's rules and
// the sets they match (`sets`), and the mark values.
export function clientPaths(plan: Plan): { [name: string]: ClientPath } {
	const out: { [name: string]: ClientPath } = {};
	const marks = marksOf(plan);
	const chains: { [n: string]: NftChain } = {};
	const all = plan.table ? plan.table.chains : [];
	for (let i = 0; i < length(all); i++) chains[all[i].name] = all[i];
	for (let i = 0; i < length(plan.clients); i++) {
		const c = plan.clients[i], sets: string[] = [];
		const text = `${marks}\nfrom ${join(' ', c.sources)}${rulesText(chains[c.chain] ?? null, chains, sets, {})}`;
		out[c.name] = { sig: hash(text), sources: c.sources, sets };
	}
	return out;
}

// What fills each set, compared as text: a domain set its key (the
// domains), a list set its `sig` ('': a list file's content reaches new
// connections only), a net set its elements as `nft` (the printed table)
// has them — kept there once, not a second time in every state and plan.
// null: unknown (no state).
export function setFills(sets: SetState[] | null, nft: string | null): { [name: string]: string } | null {
	if (sets === null) return null;
	const printed = printedSets(nft ?? '');
	const out: { [name: string]: string } = {};
	for (let i = 0; i < length(sets); i++) {
		const x = sets[i];
		out[x.name] = x.kind === 'net' ? printed[x.name] ?? '' : x.sig ?? x.key;
	}
	return out;
}

// The body of each `set NAME {…}` block of a printed table, by name (nftprint.ts: a tab,
// `set NAME {`, its lines, a tab and `}`); one split, not a search per set.
function printedSets(nft: string): { [name: string]: string } {
	const out: { [name: string]: string } = {};
	const parts = split(nft, '\n\tset ');
	for (let i = 1; i < length(parts); i++) {
		// from the line after `set NAME {` (its comment decides nothing) to the
		// block's end; the one-line declarations of a refill come first and
		// are overwritten by the blocks
		const p = parts[i], nl = index(p, '\n'), end = index(p, '\n\t}');
		out[substr(p, 0, index(p, ' '))] = nl < 0 || end < nl ? '' : substr(p, nl, end - nl);
	}
	return out;
}

// A client's sets filled the same before and after (string compares: the
// keys are not hashed). `was`: the path before; one from an older state has
// no set names (its signature held the fills), so it counts as changed.
function sameFills(was: ClientPath, sets: string[], before: { [n: string]: string } | null, after: { [n: string]: string }): boolean {
	if (before === null || type(was.sets) !== 'array') return false;
	for (let i = 0; i < length(sets); i++) if ((before[sets[i]] ?? null) !== (after[sets[i]] ?? null)) return false;
	return true;
}

// Clients whose classification differs between two applies (including
// added and removed ones), with the sources to flush: old and new ones (an
// address a client no longer has keeps the path it was classified with).
// `before` null: no state (first apply, or the first after a reboot, whose
// table fw4 loaded from the persisted file): what classified the running
// connections is unknown, so every client counts as changed. `beforeSets`,
// `was`, `now`: what filled the sets before and after (setFills()).
export function changedClients(before: { [n: string]: ClientPath } | null, after: { [n: string]: ClientPath }, was: { [n: string]: string } | null, now: { [n: string]: string }): { [n: string]: string[] } {
	const out: { [n: string]: string[] } = {};
	if (before === null) {
		for (let n in after) out[n] = after[n].sources;
		return out;
	}
	for (let n in after)
		if (!before[n] || before[n].sig !== after[n].sig || !sameFills(before[n], after[n].sets as string[], was, now))
			out[n] = uniq([...(before[n] ? before[n].sources : []), ...after[n].sources]);
	for (let n in before)
		if (!after[n]) out[n] = before[n].sources;
	return out;
}

// "192.168.77.10", {"prefix": {"addr": "10.77.0.0", "len": 24}}, a range: as the config writes it
function keyText(k: any): string {
	if (type(k) === 'object' && type(k.prefix) === 'object') return `${k.prefix.addr}/${k.prefix.len}`;
	if (type(k) === 'object' && type(k.range) === 'array') return `${k.range[0]}-${k.range[1]}`;
	return `${k}`;
}

// The running table's client address maps (`nft -j list map inet splitwg
// client4`, and client6): which address goes to which client chain.
export function liveClientMaps(env: Env): any[] | null {
	const out: any[] = [];
	const names = [`${NFT.clientMaps}4`, `${NFT.clientMaps}6`];
	for (let i = 0; i < length(names); i++) {
		const r = env.run(['nft', '-j', 'list', 'map', NFT.family, NFT.table, names[i]]);
		if (r.code !== 0) continue;
		let doc: any = null;
		try { doc = json(r.stdout); } catch { doc = null; }
		const list: any[] = type(doc) === 'object' && type(doc.nftables) === 'array' ? doc.nftables : [];
		for (let j = 0; j < length(list); j++) if (type(list[j].map) === 'object') push(out, list[j].map);
	}
	return out;
}

// Without the state of the last apply (the first apply after a reboot: the
// state lives in RAM), the running table — fw4 loaded the installed file —
// is what classified the open connections: its client maps name each
// client's sources. The signature is unknown, so every client counts as
// changed and its old sources are flushed too.
export function installedPaths(maps: any[] | null): { [name: string]: ClientPath } | null {
	if (maps === null) return null;
	const out: { [name: string]: ClientPath } = {};
	const prefix = clientChainName('');
	for (let i = 0; i < length(maps); i++) {
		const el: any[] = maps[i].elem ?? [];
		for (let j = 0; j < length(el); j++) {
			const e = type(el[j]) === 'object' && type(el[j].elem) === 'object' ? el[j].elem.val : el[j];
			if (type(e) !== 'array' || type(e[1]) !== 'object' || type(e[1].goto) !== 'object') continue;
			const target: string = e[1].goto.target;
			if (substr(target, 0, length(prefix)) !== prefix) continue;
			const name = substr(target, length(prefix));
			out[name] ??= { sig: '', sources: [] };
			push(out[name].sources, keyText(e[0]));
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
