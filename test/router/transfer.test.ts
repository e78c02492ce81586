// `splitwg export` / `splitwg import FILE.json`: the home config's upstreams,
// clients, rule sets and rules move to an empty router and come out equal;
// private keys only --with-keys; all or nothing.
import { test } from 'vitest';
import assert from 'node:assert/strict';
import { runCommand } from '../../src/router/command';
import { importRules } from '../../src/luci/_rulesio';
import { parseUci, renderUci } from '../../src/core/index';
import { fakeRouter } from './fakes';
import type { FakeRouter } from './fakes';
import { openwrt, HOME } from './openwrt';

function run(r: FakeRouter, ...argv: string[]) {
	let out = '', err = '';
	const code = runCommand(r.env, argv, { out: (s) => { out += s; }, err: (s) => { err += s; } });
	return { code, out, err };
}

// a router with only its own settings (globals, server)
// (the new router has a server of its own: the peers need one)
const EMPTY = renderUci(parseUci(HOME).sections.filter((s) => s.type === 'globals' || s.type === 'server'));
const moved = (r: FakeRouter) => r.uci.sections('splitwg').filter((s) => ['upstream', 'client', 'ruleset', 'rule'].includes(s.type))
	.map((s) => ({ type: s.type, name: s.anonymous ? '' : s.name, options: s.options }));

test('export --with-keys → import on an empty router: the same sections, and check passes', () => {
	const a = fakeRouter({ uci: openwrt(HOME) });
	const e = run(a, 'export', '/tmp/x.json', '--with-keys');
	assert.equal(e.code, 0, e.err);
	assert.match(e.out, /with private keys/);
	const text = a.fs.read('/tmp/x.json')!;
	const doc = JSON.parse(text);
	assert.equal(doc.format, 'splitwg-export');
	// each owner's rules are a LuCI rule export: LuCI's importer reads them
	const rs = doc.rules.find((d: any) => d.owner === 'ruleset:streaming');
	assert.deepEqual(importRules(JSON.stringify(rs)).errors, []);

	const b = fakeRouter({ uci: { ...openwrt(), splitwg: EMPTY }, files: { '/tmp/x.json': text } });
	const i = run(b, 'import', '/tmp/x.json');
	assert.equal(i.code, 0, i.err);
	assert.match(i.out, /^imported 2 upstream\(s\), 5 client\(s\), 1 rule set\(s\), \d+ rule\(s\)/);
	// (an option holding one list value reads as that list: UCI's own rule)
	const asLists = (o: Record<string, any>) => Object.fromEntries(Object.entries(o).map(([k, v]) => [k, ['domain', 'dest', 'proto', 'port', 'weekdays', 'list_file'].includes(k) && typeof v === 'string' ? v.split(' ') : v]));
	const named = (x: ReturnType<typeof moved>) => x.filter((s) => s.type !== 'rule').sort((p, q) => `${p.type} ${p.name}`.localeCompare(`${q.type} ${q.name}`));
	// (rules come grouped by owner: the order within each owner is kept, the decision order)
	const byOwner = (x: ReturnType<typeof moved>) => x.filter((s) => s.type === 'rule').reduce((m: any, s) => { const k = `${s.options.client ?? ''}/${s.options.ruleset ?? ''}`; (m[k] ??= []).push(asLists(s.options)); return m; }, {});
	assert.deepEqual(named(moved(b)), named(moved(a)));
	assert.deepEqual(byOwner(moved(b)), byOwner(moved(a)));
	assert.equal(run(b, 'check').code, 0);

	// twice: the names are taken, nothing is added
	const before = b.uci.text('splitwg');
	const again = run(b, 'import', '/tmp/x.json');
	assert.equal(again.code, 1);
	assert.match(again.err, /a section named "us" already exists in \/etc\/config\/splitwg: nothing imported/);
	assert.equal(b.uci.text('splitwg'), before);
});

test('export without --with-keys has no private key; importing it says why it fails', () => {
	const a = fakeRouter({ uci: openwrt(HOME) });
	const e = run(a, 'export');
	assert.equal(e.code, 0);
	assert.ok(!/private_key|preshared_key/.test(e.out), 'no key in the export');
	assert.ok(!e.out.includes('WEwUzEUb'));
	const b = fakeRouter({ uci: { ...openwrt(), splitwg: EMPTY }, files: { '/tmp/x.json': e.out } });
	const i = run(b, 'import', '/tmp/x.json');
	assert.equal(i.code, 1);
	assert.match(i.err, /^\/tmp\/x\.json: upstream\.us\.private_key: /m);
	assert.match(i.err, /the export has no private keys: make it with splitwg export --with-keys/);
	assert.deepEqual(b.uci.commits, []);
});

test('import FILE.json: bad shape and bad values are named by path; nothing is added', () => {
	const b = fakeRouter({ uci: { ...openwrt(), splitwg: EMPTY }, files: {
		'/tmp/a.json': JSON.stringify({ format: 'splitwg-export', version: 1, upstreams: [{ name: 'x' }], clients: [], rules: [{ format: 'splitwg-rules', version: 1, owner: 'nobody', rules: [] }] }),
		'/tmp/b.json': JSON.stringify({ format: 'splitwg-export', version: 1, clients: [{ section: 'tv', address: ['192.168.1.300'] }],
			rules: [{ format: 'splitwg-rules', version: 1, owner: 'client:tv', rules: [{ action: 'direct', domain: ['ex ample.com'], colour: 'red' }] }] }),
		'/tmp/c.json': '{ nope',
	} });
	const a = run(b, 'import', '/tmp/a.json');
	assert.equal(a.code, 1);
	assert.match(a.err, /^\/tmp\/a\.json: upstreams\[0\]: must be an object with a "section" \(its name\)$/m);
	assert.match(a.err, /^\/tmp\/a\.json: rules\[0\]: must be a splitwg-rules document with an owner/m);
	const s = run(b, 'import', '/tmp/b.json');
	assert.match(s.err, /^\/tmp\/b\.json: rules\[0\]\.rules\[0\]\.colour: unknown field "colour"/m);
	const c = run(b, 'import', '/tmp/c.json');
	assert.match(c.err, /not valid JSON/);
	// the shape fixed, the values are the core's to judge, by their config paths
	b.fs.write('/tmp/b.json', JSON.stringify({ format: 'splitwg-export', version: 1, clients: [{ section: 'tv', address: ['192.168.1.300'] }],
		rules: [{ format: 'splitwg-rules', version: 1, owner: 'client:tv', rules: [{ action: 'direct', domain: ['ex ample.com'] }] }] }));
	const v = run(b, 'import', '/tmp/b.json');
	assert.match(v.err, /^\/tmp\/b\.json: client\.tv\.address\[0\]: /m);
	assert.match(v.err, /^\/tmp\/b\.json: client\.tv\.rule\[0\]\.domain\[0\]: "ex ample\.com" is not a domain name$/m);
	assert.deepEqual(b.uci.commits, []);
});
