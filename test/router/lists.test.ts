// Rules fed by list files on the in-memory router: the files are read
// through the Env, judged by the core (file:line problems), their CIDRs go
// into content-addressed fragments, and an edit of one file refills only
// its sets — no table script, counters and other sets untouched.
import { test } from 'vitest';
import assert from 'node:assert/strict';
import { apply, stop } from '../../src/router/apply';
import { PATHS } from '../../src/router/env';
import { runCommand } from '../../src/router/command';
import { methods } from '../../src/router/api';
import { status } from '../../src/router/status';
import { readState } from '../../src/router/state';
import { fakeRouter, reloads } from './fakes';
import { nftsetSets } from '../helpers/dnsmasq';
import type { FakeRouter } from './fakes';
import { openwrt, HOME } from './openwrt';

const TV_LIST = '/etc/splitwg/lists/tv.txt';
const SHARED = '/srv/lists/shared.txt';

// the tv's rule gets two list files (one in the default directory by name, one by absolute path)
const CONFIG = `${HOME}
config rule
	option client 'tv'
	option name 'From lists'
	list list_file 'tv.txt'
	list list_file '${SHARED}'
	option action 'direct'
`;

const TV_TEXT = '# streaming\n203.0.113.0/24\n198.51.100.7   # one host\n\nstream.test\n2001:db8:77::/48\n';
const SHARED_TEXT = 'shared.test\n192.0.2.128/25\n';

function router(files: Record<string, string> = { [TV_LIST]: TV_TEXT, [SHARED]: SHARED_TEXT }): FakeRouter {
	return fakeRouter({ uci: openwrt(CONFIG), files });
}

function cli(r: FakeRouter, ...argv: string[]): { code: number, out: string, err: string } {
	let out = '', err = '';
	const code = runCommand(r.env, argv, { out: (s) => { out += s; }, err: (s) => { err += s; } });
	return { code, out, err };
}

// what each `nft -f` of the staged script loaded (the fake router keeps the files it was given)
function loadedScripts(r: FakeRouter): string[] {
	return r.loaded;
}

const fragments = (r: FakeRouter) => [...r.fs.files.keys()].filter((f) => f.startsWith(`${PATHS.lists}/`)).sort();

test('a rule fed by list files: list sets filled from fragments, domains to dnsmasq, fw4 refills them', () => {
	const r = router();
	const res = apply(r.env);
	assert.equal(res.ok, true, res.message);
	const main = r.fs.read(PATHS.nft)!;
	// the sets are declared by the table script, empty: their elements are not in it
	assert.match(main, /set c_tv_0_f4 \{\t# client\.tv\.rule\[0\]: filled from its list files\n\t\ttype ipv4_addr; flags interval; auto-merge;\n\t\}/);
	assert.match(main, /set c_tv_0_f6 \{/);
	assert.doesNotMatch(main, /203\.0\.113\.0/);
	assert.match(main, /ip daddr @c_tv_0_f4 counter goto mark_direct/);
	// every element once, in the fragment of its file and family
	const frags = fragments(r);
	assert.equal(frags.filter((f) => f.endsWith('.4.nft')).length, 2);
	assert.equal(frags.filter((f) => f.endsWith('.6.nft')).length, 1);
	const four = frags.filter((f) => f.endsWith('.4.nft')).map((f) => r.fs.read(f)!).join('');
	assert.match(four, /^elements = \{\n\t203\.0\.113\.0\/24, 198\.51\.100\.7,\n\}$/m);
	assert.match(four, /\t192\.0\.2\.128\/25,\n/);
	// the lists file fw4 includes after the table's: declared, emptied, refilled from both fragments
	const lists = r.fs.read(PATHS.nftLists)!;
	assert.match(lists, /^flush set inet splitwg c_tv_0_f4$/m);
	assert.equal([...lists.matchAll(/include "\/usr\/share\/splitwg\/lists\/[0-9a-f]{32}\.4\.nft"/g)].length, 2);
	// the staged load had the table script, then the lists
	assert.ok(r.table!.indexOf('flush table inet splitwg') < r.table!.indexOf('flush set inet splitwg c_tv_0_f4'));
	// the files' domains in dnsmasq's entries
	const dns = [...r.fs.files.entries()].find(([k]) => k.endsWith('/splitwg.conf'))![1];
	assert.deepEqual(nftsetSets(dns, 'stream.test'), ['c_tv_0_d4', 'c_tv_0_d6']);
	assert.deepEqual(nftsetSets(dns, 'shared.test'), ['c_tv_0_d4', 'c_tv_0_d6']);
	// the state knows the files' contents
	assert.deepEqual(Object.keys(readState(r.env)!.lists!).sort(), [TV_LIST, SHARED]);
	// a firewall reload re-creates the table and refills the sets
	r.env.run(['fw4', '-q', 'reload']);
	assert.ok(r.table!.includes('flush set inet splitwg c_tv_0_f4'));
});

test('an edited list file refills only its sets: no table script, nothing else reloaded', () => {
	const r = router();
	assert.equal(apply(r.env).ok, true);
	const before = fragments(r);
	r.reset();
	assert.ok(r.fs.read(`${PATHS.state}/plan.json`), 'a compiled plan is kept (plancache.ts)');
	r.fs.write(TV_LIST, TV_TEXT.replace('203.0.113.0/24', '203.0.113.0/25'));
	assert.equal(status(r.env).pending, true, 'status notices the edit');
	const res = apply(r.env);
	assert.equal(res.ok, true, res.message);
	assert.match(res.message, /^changed nft; .*table kept, list set\(s\) refilled: c_tv_0_f4, c_tv_0_f6/);
	assert.deepEqual(reloads(r.calls), [`nft -f ${PATHS.state}/next.nft`], 'no network, firewall or dnsmasq reload');
	const loaded = r.calls.filter((c) => c.startsWith('nft -f'));
	assert.equal(loaded.length, 1);
	// what was loaded: the two list sets of the rule, nothing of the table
	const load = loadedScripts(r);
	assert.equal(load.length, 1);
	assert.doesNotMatch(load[0]!, /flush table|chain /);
	assert.deepEqual([...load[0]!.matchAll(/^flush set inet splitwg (\S+)$/gm)].map((m) => m[1]), ['c_tv_0_f4', 'c_tv_0_f6']);
	// the old fragment of the edited file is gone, the other file's is kept
	const after = fragments(r);
	assert.equal(after.filter((f) => !before.includes(f)).length, 4, 'new fragments (v4, v6) and findings (domains, counts)');
	assert.equal(before.filter((f) => !after.includes(f)).length, 4, 'the old ones pruned');
	assert.equal(status(r.env).pending, false);
	// the same file again: nothing to do
	r.reset();
	assert.equal(apply(r.env).message.startsWith('no change'), true);
	assert.deepEqual(reloads(r.calls), []);
});

test('a list edit keeps the connections of the client; an edit of its rules resets them', () => {
	const r = router();
	assert.equal(apply(r.env).ok, true);
	r.reset();
	r.fs.write(SHARED, SHARED_TEXT + '192.0.2.64/26\n');
	assert.equal(apply(r.env).ok, true);
	assert.deepEqual(r.calls.filter((c) => c.startsWith('conntrack')), [], 'new connections only');
	r.reset();
	r.uci.setText('splitwg', r.uci.text('splitwg').replace("\toption name 'From lists'", "\toption name 'From lists'\n\tlist dest '10.99.0.0/16'"));
	assert.equal(apply(r.env).ok, true);
	assert.ok(r.calls.includes('conntrack -D -f ipv4 -s 192.168.77.10'), r.calls.join('\n'));
});

test('check: file:line problems, a missing file named; apply refuses and changes nothing', () => {
	const r = router({ [TV_LIST]: 'ok.test\n10.0.0.1/8\nbad name\n*.wild.test\n', [SHARED]: SHARED_TEXT });
	const c = cli(r, 'check');
	assert.equal(c.code, 1);
	assert.match(c.err, /^client\.tv\.rule\[0\]\.list_file\[0\]: \/etc\/splitwg\/lists\/tv\.txt:2: "10\.0\.0\.1\/8" has host bits set \(did you mean 10\.0\.0\.0\/8\?\)$/m);
	assert.match(c.err, /^client\.tv\.rule\[0\]\.list_file\[0\]: \/etc\/splitwg\/lists\/tv\.txt:3: "bad name": one entry a line/m);
	assert.match(c.err, /tv\.txt:4: "\*\.wild\.test": write "wild\.test"/);
	const j = methods(() => r.env).check.call({ args: {} });
	assert.equal(j.valid, false);
	assert.deepEqual(j.problems[0].args.slice(0, 2), [TV_LIST, 2]);
	r.fs.unlink(SHARED);
	const m = cli(r, 'check');
	assert.match(m.err, /^client\.tv\.rule\[0\]\.list_file\[1\]: cannot read \/srv\/lists\/shared\.txt$/m);
	r.reset();
	const res = apply(r.env);
	assert.equal(res.ok, false);
	assert.equal(res.error!.code, 'INVALID_CONFIG');
	assert.deepEqual(reloads(r.calls), []);
	assert.deepEqual(fragments(r), [], 'a file with errors leaves no fragment');
});

test('a file of many bad lines is a handful of problems', () => {
	const bad = Array.from({ length: 500 }, (_, i) => `bad_${i}!`).join('\n');
	const r = router({ [TV_LIST]: bad, [SHARED]: SHARED_TEXT });
	const j = methods(() => r.env).check.call({ args: {} });
	assert.equal(j.problems.length, 11);
	assert.equal(j.problems[10].message, '/etc/splitwg/lists/tv.txt: 490 more line(s) in error');
});

test('empty list files: a warning, and the rule matches nothing (not everything)', () => {
	const r = router({ [TV_LIST]: '# nothing yet\n', [SHARED]: '\n' });
	const c = cli(r, 'check');
	assert.equal(c.code, 0, c.err);
	assert.match(c.err, /^warning: client\.tv\.rule\[0\]\.list_file: its list files hold no entry/m);
	assert.equal(apply(r.env).ok, true);
	const main = r.fs.read(PATHS.nft)!;
	assert.doesNotMatch(main, /client\.tv\.rule\[0\]/, 'no nft rule for it');
	assert.equal(r.fs.read(PATHS.nftLists), null);
});

test('explain sees the CIDRs of list files', () => {
	const r = router();
	const x = methods(() => r.env).explain.call({ args: { client: 'tv', destination: '192.0.2.200' } });
	assert.equal(x.action, 'direct');
	assert.equal(x.rule, 'client.tv.rule[0]');
	assert.match(x.reason, /192\.0\.2\.200 is in 192\.0\.2\.128\/25 \(\/srv\/lists\/shared\.txt\)/);
	const d = methods(() => r.env).explain.call({ args: { client: 'tv', destination: 'www.stream.test' } });
	assert.equal(d.rule, 'client.tv.rule[0]');
});

test('stop removes the lists file and every fragment', () => {
	const r = router();
	assert.equal(apply(r.env).ok, true);
	assert.ok(fragments(r).length > 0);
	assert.equal(stop(r.env).ok, true);
	assert.equal(r.fs.read(PATHS.nftLists), null);
	assert.deepEqual(fragments(r), []);
	assert.equal(r.table, null);
});

test('a rollback puts the list sets back from the fragments in force before', () => {
	const r = router();
	assert.equal(apply(r.env).ok, true);
	const oldLists = r.fs.read(PATHS.nftLists);
	r.reset();
	r.fs.write(TV_LIST, TV_TEXT + '100.64.0.0/10\n');
	// and a change that needs a network reload, which fails
	r.uci.setText('splitwg', r.uci.text('splitwg').replace("option listen_port '51820'", "option listen_port '51821'"));
	r.fail = (argv) => argv.join(' ') === 'ubus call network reload' ? { code: 1, stdout: '', stderr: 'boom' } : null;
	const res = apply(r.env);
	assert.equal(res.ok, false, res.message);
	assert.equal(r.fs.read(PATHS.nftLists), oldLists);
	assert.ok(r.calls.includes(`nft -f ${PATHS.nftLists}`), r.calls.join('\n'));
	for (const inc of oldLists!.matchAll(/include "([^"]+)"/g)) assert.ok(r.fs.read(inc[1]!) !== null, `${inc[1]} still there`);
});
