// The section names a plan writes into /etc/config/network, firewall and dhcp
// are unique for every config check accepts: one section never overwrites
// another (upstream "main4" once made interface sw_main4 replace the rule
// sw_main4, upstream "a_rule4" the rule of upstream "a"), and a section
// name defined twice in splitwg's own file is refused.
import { test } from 'vitest';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import fc from 'fast-check';
import { parseUci, readConfig, compile } from '../../src/core/index';
import type { UciSection } from '../../src/core/uci';
import { isOwned } from '../../src/router/owned';

const KEY = 'iB/iaspESqk09qV0DqOjxXUfScOrg0oSM+HcHc578Hk=';

// names built from the words the generated names are made of
const word = fc.constantFrom('a', 'us', 'main', 'main4', 'main6', 'peer', 'server', 'rule4', 'rule6', 'default4', 'default6',
	'kill4', 'kill6', 'route4', 'zone', 'up', 'rw', 'fwd', 'lan', 'wan', 'allow', 'client', 'phone', 'sw', 'swpeer', '4', '6');
const name = (max: number) => fc.array(word, { minLength: 1, maxLength: 4 }).map((w) => w.join('_'))
	.filter((n) => /^[a-zA-Z][a-zA-Z0-9_]*$/.test(n) && n.length <= max);

const config = fc.record({
	ups: fc.uniqueArray(name(12), { minLength: 1, maxLength: 5 }),
	peers: fc.uniqueArray(name(32), { maxLength: 5 }),
	ipv6: fc.boolean(), kill: fc.boolean(),
}).map((g): UciSection[] => [
	{ type: 'globals', name: 'main', anonymous: false, options: { ipv6: g.ipv6 ? '1' : '0', kill_switch: g.kill ? '1' : '0' } },
	{ type: 'server', name: 'server', anonymous: false, options: { private_key: KEY, address: ['10.77.0.1/24', 'fd77::1/64'] } },
	...g.ups.map((u, i): UciSection => ({ type: 'upstream', name: u, anonymous: false, options: {
		private_key: KEY, public_key: KEY, address: [`10.200.${i}.2/32`, ...(i % 2 ? [`fd00:${i}::2/128`] : [])], endpoint: `vpn${i}.example:51820` } })),
	...g.peers.filter((p) => !g.ups.includes(p)).map((p, i): UciSection => ({ type: 'client', name: p, anonymous: false, options: {
		kind: 'peer', public_key: KEY, address: [`10.77.0.${i + 2}`] } })),
]);

test('generated UCI section names are unique in each config, for every accepted config', () => {
	let accepted = 0;
	fc.assert(fc.property(config, (s) => {
		const r = readConfig(s);
		if (!r.config) return true;
		accepted++;
		const p = compile(r.config);
		for (const [file, secs] of [['network', p.network], ['firewall', p.firewall], ['dhcp', p.dhcp]] as const) {
			const names = secs.map((x) => x.name);
			const dup = names.filter((n, i) => names.indexOf(n) !== i);
			assert.deepEqual(dup, [], `${file}: ${dup.join(', ')} twice, from upstreams ${JSON.stringify(r.config.upstreams.map((u) => u.name))}`);
			// as the router recognises them (a firewall section by its name: fw4 warns about splitwg_owned)
			assert.ok(secs.every((x) => isOwned(file, { ...x.options, '.name': x.name, '.anonymous': x.anonymous } as any)), `${file}: every section is marked as ours`);
		}
		return true;
	}), { numRuns: 3000, seed: 5 });
	assert.ok(accepted > 1000, `only ${accepted} configs were accepted`);
});

const home = () => parseUci(fs.readFileSync('test/golden/home/splitwg', 'utf8')).sections;
const named = (type: string, name: string) => (s: UciSection[]) => s.find((x) => x.type === type && x.name === name)!;

test('a section name defined twice is refused (libuci would merge the two, nft would merge their chains)', () => {
	const dup = (type: string, name: string, path: string) => {
		const s = home();
		s.push({ type, name, anonymous: false, options: structuredClone(named(type, name)(s).options) });
		assert.deepEqual(readConfig(s).problems, [{ path, id: 'defined_twice', args: [] }], `${type} ${name}`);
	};
	dup('client', 'tv', 'client.tv');
	dup('ruleset', 'streaming', 'ruleset.streaming');
	dup('upstream', 'us', 'upstream.us');
	const s = home();
	s.push({ type: 'ruleset', name: 'tv', anonymous: false, options: {} });
	assert.deepEqual(readConfig(s).problems, [{ path: 'ruleset.tv', id: 'name_taken', args: ['client'] }]);
});

