// Resetting connections in a real kernel's conntrack table (a private
// namespace): after a client's address is edited, the connections of its
// old address, which still carry its old mark, are deleted too.
import { test } from 'vitest';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { parseUci, readConfig, compile } from '../../src/core/index';
import type { Env } from '../../src/router/env';
import { clientPaths, changedClients, setFills, installedPaths, liveClientMaps, flush } from '../../src/router/conntrack';
import { HOME } from './openwrt';
import { printNft } from '../../src/core/index';
import { reworded } from '../helpers/nft';

const planOf = (text: string) => compile(readConfig(parseUci(text).sections).config!);

test('an edited address: conntrack entries of the old and the new address are deleted, others kept', () => {
	const ns = `swct-${process.pid}`;
	const run = (argv: string[]) => {
		const p = spawnSync('ip', ['netns', 'exec', ns, ...argv], { encoding: 'utf8' });
		return { code: p.status ?? 1, stdout: p.stdout, stderr: p.stderr };
	};
	const insert = (src: string, mark: string) => {
		const r = run(['conntrack', '-I', '-s', src, '-d', '192.0.2.1', '-p', 'tcp', '--sport', '40000', '--dport', '443', '--state', 'ESTABLISHED', '-u', 'ASSURED', '-t', '600', '-m', mark]);
		assert.equal(r.code, 0, r.stderr);
	};
	assert.ok(HOME.includes("list address '192.168.77.10'"));
	const before = planOf(HOME), after = planOf(HOME.replace("list address '192.168.77.10'", "list address '192.168.77.20'"));
	spawnSync('ip', ['netns', 'add', ns]);
	try {
		insert('192.168.77.10', '0x20000000');   // tv before the edit, proxied via us
		insert('192.168.77.20', '0x10000000');   // the new address, unclassified so far
		insert('192.168.77.12', '0x30000000');   // the laptop: unchanged
		const env = { run } as unknown as Env;
		const f = flush(env, changedClients(clientPaths(before), clientPaths(after), setFills(before.sets, before.nft), setFills(after.sets, after.nft)!));
		assert.deepEqual(f.flushed, ['tv']);
		const left = run(['conntrack', '-L', '-f', 'ipv4']).stdout;
		assert.doesNotMatch(left, /src=192\.168\.77\.10 /, 'the old address keeps no connection with its old mark');
		assert.doesNotMatch(left, /src=192\.168\.77\.20 /);
		assert.match(left, /src=192\.168\.77\.12 /, 'another client\'s connections stay');
	} finally { spawnSync('ip', ['netns', 'del', ns]); }
});

// `nft -j list map` of the client maps after loading `nft` in a private namespace (the real kernel's listing)
function liveMaps(nft: string): any[] | null {
	const r = spawnSync('unshare', ['--net', 'sh', '-c', 'nft -f - && nft -j list map inet splitwg client4 && echo @@ && nft -j list map inet splitwg client6'], { input: nft, encoding: 'utf8' });
	if (r.error || r.status !== 0) return null;
	return r.stdout.split('@@').map((j) => JSON.parse(j).nftables.find((x: any) => x.map).map);
}

test('without the last apply\'s state (after a reboot): the sources in the running table\'s client maps and of the new plan are flushed, for every client', (t) => {
	const before = planOf(HOME), after = planOf(HOME.replace("list address '192.168.77.10'", "list address '192.168.77.20'"));
	const maps = liveMaps(before.nft);
	if (!maps) { t.skip('needs root and nft (unshare --net)'); return; }
	const env = { run: (argv: string[]) => {
		const m = argv.join(' ').match(/^nft -j list map inet splitwg (client[46])$/);
		return m ? { code: 0, stdout: JSON.stringify({ nftables: [{ map: maps[m[1] === 'client4' ? 0 : 1] }] }), stderr: '' } : { code: 1, stdout: '', stderr: '' };
	} } as unknown as Env;
	const old = installedPaths(liveClientMaps(env))!;
	assert.deepEqual(old.tv.sources, ['192.168.77.10', 'fd77::10']);
	assert.deepEqual(old.laptop.sources, ['192.168.77.12', '192.168.78.0/24', 'fd77::12'], 'prefixes as the config writes them');
	const c = changedClients(old, clientPaths(after), null, setFills(after.sets, after.nft)!);
	assert.deepEqual(c.tv, ['192.168.77.10', 'fd77::10', '192.168.77.20']);
	assert.deepEqual(Object.keys(c).sort(), after.clients.map((x) => x.name).sort(), 'every client: what classified its connections is unknown');
	assert.deepEqual(changedClients(null, clientPaths(after), null, setFills(after.sets, after.nft)!).tv, ['192.168.77.20', 'fd77::10'], 'nothing installed: the new sources');
});

test('signatures come from the model: rewording the printer\'s comments resets no connection, a changed verdict does', () => {
	const p = planOf(HOME);
	const again = { ...p, table: reworded(p.table!, 'reworded'), nft: printNft(reworded(p.table!, 'reworded')) };
	assert.notEqual(again.nft, p.nft);
	assert.deepEqual(changedClients(clientPaths(p), clientPaths(again), setFills(p.sets, p.nft), setFills(again.sets, again.nft)!), {}, 'nothing that decides a path changed');
	const edited = planOf(HOME.replace("option default 'proxy'", "option default 'direct'"));
	assert.ok(Object.keys(changedClients(clientPaths(p), clientPaths(edited), setFills(p.sets, p.nft), setFills(edited.sets, edited.nft)!)).length > 0);
});

test('a rule set\'s rules are part of the signature of every client that jumps to it, whatever its chain is called', () => {
	const p = planOf(HOME);
	// tv and phone list streaming (chains rs_streaming_0 and _1); an edit of its rule resets both, nobody else
	const edited = planOf(HOME.replace("list domain 'video.test'", "list domain 'video.example'"));
	assert.deepEqual(Object.keys(changedClients(clientPaths(p), clientPaths(edited), setFills(p.sets, p.nft), setFills(edited.sets, edited.nft)!)).sort(), ['phone', 'tv']);
	// a new first client on streaming (upstream eu, as phone's) renumbers the bindings: tv's chain is now rs_streaming_1; tv and phone keep their paths
	const first = HOME.replace("config client 'tv'", `config client 'first'\n\toption kind 'device'\n\tlist address '192.168.77.99'\n\toption upstream 'eu'\n\tlist ruleset 'streaming'\n\nconfig client 'tv'`);
	const moved = planOf(first);
	assert.deepEqual(moved.table!.chains.filter((c) => c.binding).map((c) => [c.name, c.binding!.clients]),
		[['rs_streaming_0', ['first', 'phone']], ['rs_streaming_1', ['tv']]]);
	assert.deepEqual(Object.keys(changedClients(clientPaths(p), clientPaths(moved), setFills(p.sets, p.nft), setFills(moved.sets, moved.nft)!)), ['first']);
});

test('what fills a set is compared apart (a net set\'s elements as printed), not hashed into the signature: a changed CIDR resets the rule\'s clients only; a path from an older state (no set names) counts as changed', () => {
	const p = planOf(HOME);
	const edited = planOf(HOME.replace("list dest '192.0.2.0/24'", "list dest '192.0.3.0/24'"));
	const before = clientPaths(p), after = clientPaths(edited);
	assert.deepEqual(before.laptop!.sig, after.laptop!.sig, 'the rules are the same');
	// a net set's fill is its block of the printed table: each of its elements, no other set's
	const fills = setFills(p.sets, p.nft)!;
	const nets = p.table!.sets.filter((x) => x.kind === 'net');
	assert.ok(nets.length >= 2);
	for (const n of nets) {
		for (const e of n.elements!) assert.ok(fills[n.name]!.includes(e), `${n.name} has ${e}`);
		for (const o of nets) if (o !== n) for (const e of o.elements!) if (!n.elements!.includes(e)) assert.ok(!fills[n.name]!.includes(e), `${n.name} lacks ${o.name}'s ${e}`);
	}
	assert.deepEqual(Object.keys(changedClients(before, after, setFills(p.sets, p.nft), setFills(edited.sets, edited.nft)!)), ['laptop']);
	assert.deepEqual(changedClients(before, clientPaths(p), setFills(p.sets, p.nft), setFills(p.sets, p.nft)!), {});
	const old = Object.fromEntries(Object.entries(before).map(([n, x]) => [n, { sig: x.sig, sources: x.sources }]));
	assert.deepEqual(Object.keys(changedClients(old, clientPaths(p), setFills(p.sets, p.nft), setFills(p.sets, p.nft)!)).sort(), Object.keys(before).sort());
});
