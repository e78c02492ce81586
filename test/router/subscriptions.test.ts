// List subscriptions on the in-memory router (src/router/subscriptions.ts):
// a list file filled from a URL on apply when missing and by update-lists;
// a download that fails, is too large, empty or invalid leaves the previous
// copy (and the set it fills) in force; a changed download refills only its
// sets; the cron line is ours alone, there while a subscription is.
import { test } from 'vitest';
import assert from 'node:assert/strict';
import { apply, stop } from '../../src/router/apply';
import { PATHS } from '../../src/router/env';
import { runCommand } from '../../src/router/command';
import { methods } from '../../src/router/api';
import { status } from '../../src/router/status';
import { CRONTAB, CRON_LINE } from '../../src/router/subscriptions';
import { fakeRouter, reloads } from './fakes';
import type { FakeRouter } from './fakes';
import { openwrt, HOME } from './openwrt';

const URL = 'https://lists.example/cn.txt';
const FILE = '/etc/splitwg/lists/cn';
const CONFIG = `${HOME}
config subscription 'cn'
	option url '${URL}'
	option max_size '1'

config rule
	option client 'tv'
	option name 'Country'
	list list_file 'cn'
	option action 'direct'
`;
const V1 = '# cn\n203.0.113.0/24\n198.51.100.0/24\n';
const V2 = '# cn\n203.0.113.0/25\n';
const OTHER_CRON = '0 3 * * * /sbin/reboot\n';

function router(config = CONFIG): FakeRouter {
	const r = fakeRouter({ uci: openwrt(config), files: { [CRONTAB]: OTHER_CRON } });
	r.web[URL] = V1;
	return r;
}

function cli(r: FakeRouter, ...argv: string[]): { code: number, out: string, err: string } {
	let out = '', err = '';
	const code = runCommand(r.env, argv, { out: (s) => { out += s; }, err: (s) => { err += s; } });
	return { code, out, err };
}

// the fragment the set of the tv's list rule is filled from
function listFragments(r: FakeRouter): string {
	return [...r.fs.files.keys()].filter((f) => f.startsWith(`${PATHS.lists}/`) && f.endsWith('.4.nft')).map((f) => r.fs.read(f)!).join('');
}

test('check: a subscription\'s problems by path; a rule naming a list not fetched yet says so', () => {
	const bad = `${HOME}
config subscription 'a'
	option url 'ftp://lists.example/a'

config subscription 'b'
	option interval '0'

config subscription
	option url 'https://x.example/'

config subscription 'c'
	option url 'https://lists.example/a b'
	option max_size '99999'

config subscription 'd'
	option url 'https://lists.example/d.txt'

config rule
	option client 'tv'
	list list_file 'd'
`;
	const r = fakeRouter({ uci: openwrt(bad) });
	const j = methods(() => r.env).check.call({ args: {} });
	const got = j.problems.map((p: { path: string, id: string }) => `${p.path} ${p.id}`);
	assert.deepEqual(got, [
		'subscription.a.url not_url',
		'subscription.b.interval not_int',
		'subscription.b.url url_required',
		'subscription.@subscription[2] subscription_unnamed',
		'subscription.c.url not_url',
		'subscription.c.max_size not_int',
		'client.tv.rule[0].list_file[0] list_not_fetched',
	]);
	assert.equal(j.problems[0].message, '"ftp://lists.example/a" is not an http:// or https:// URL');
	assert.equal(j.problems[6].message, '/etc/splitwg/lists/d has not been fetched yet (subscription d): splitwg update-lists d');
	assert.deepEqual(r.calls.filter((c) => c.startsWith('sh ')), [], 'check fetches nothing');
});

test('apply fetches a missing list, fills its set, and adds the one cron line', () => {
	const r = router();
	const res = apply(r.env);
	assert.equal(res.ok, true, res.message);
	assert.equal(r.fs.read(FILE), V1);
	assert.match(listFragments(r), /203\.0\.113\.0\/24, 198\.51\.100\.0\/24/);
	assert.equal(r.fs.read(CRONTAB), OTHER_CRON + CRON_LINE + '\n', 'the other line kept, ours added');
	// no staging file left beside it
	assert.deepEqual([...r.fs.files.keys()].filter((f) => f.startsWith('/etc/splitwg/lists/.')), []);
	const s = status(r.env);
	assert.deepEqual(s.subscriptions.map((x) => [x.name, x.entries, x.fetched, x.error]), [['cn', 2, r.now, null]]);
	// the file is there now: a second apply fetches nothing
	r.reset();
	assert.match(apply(r.env).message, /^no change/);
	assert.deepEqual(r.calls.filter((c) => c.startsWith('sh ')), []);
});

test('update-lists: a changed list refills only its set; an unchanged one does nothing', () => {
	const r = router();
	assert.equal(apply(r.env).ok, true);
	r.reset();
	const same = cli(r, 'update-lists');
	assert.equal(same.code, 0, same.err);
	assert.equal(same.out, 'cn: 2 entries, unchanged\n');
	assert.deepEqual(reloads(r.calls), []);

	r.web[URL] = V2;
	r.now += 60;
	r.reset();
	const c = cli(r, 'update-lists', 'cn');
	assert.equal(c.code, 0, c.err);
	assert.match(c.out, /^cn: 1 entries, changed\nchanged nft; .*table kept, list set\(s\) refilled: c_tv_0_f4$/m);
	assert.deepEqual(reloads(r.calls), [`nft -f ${PATHS.state}/next.nft`], 'no network, firewall or dnsmasq reload');
	assert.deepEqual([...r.loaded[0]!.matchAll(/^flush set inet splitwg (\S+)$/gm)].map((m) => m[1]), ['c_tv_0_f4']);
	assert.equal(r.fs.read(FILE), V2);
	assert.match(listFragments(r), /^\t203\.0\.113\.0\/25,$/m);
});

test('a failed, too large, empty or invalid download leaves the previous list and its set in force', () => {
	const r = router();
	assert.equal(apply(r.env).ok, true);
	const fragment = listFragments(r);
	const table = r.table;
	const cases: [string | number | undefined, RegExp][] = [
		[404, /^cn: download failed: HTTP error 404; the previous copy stays \(2 entries\)$/m],
		[undefined, /^cn: download failed: Connection refused; the previous copy stays/],
		[`${'10.0.0.0/8\n'.repeat(100)}`, /^cn: the download is larger than max_size \(1 KiB\); the previous copy stays/],
		['# nothing\n\n', /^cn: the download holds no entry; the previous copy stays/],
		['<html>oops</html>\n10.0.0.0/8\n', /^cn: line 1 of the download: "<html>oops<\/html>" is not a domain name \(1 line\(s\) in error\); the previous copy stays/],
	];
	for (const [body, want] of cases) {
		if (body === undefined) delete r.web[URL]; else r.web[URL] = body;
		r.reset();
		const c = cli(r, 'update-lists');
		assert.equal(c.code, 1, String(body));
		assert.match(c.err, want);
		assert.equal(r.fs.read(FILE), V1, 'the file in force is untouched');
		assert.deepEqual(reloads(r.calls), [], 'nothing reloaded');
		assert.equal(r.table, table);
		assert.equal(listFragments(r), fragment, 'the set is filled from the same fragment');
		assert.deepEqual([...r.fs.files.keys()].filter((f) => f.startsWith('/etc/splitwg/lists/.')), [], 'no staging file left');
	}
	// status says so, and the set still holds the old copy after an apply
	const s = status(r.env);
	assert.equal(s.subscriptions[0]!.entries, 2);
	assert.match(s.subscriptions[0]!.error!.message, /^line 1 of the download/);
	assert.ok(s.warnings.some((w) => /^list cn: line 1 of the download: .*; the previous copy stays$/.test(w)), s.warnings.join('\n'));
	assert.match(cli(r, 'status').out, /^ {2}cn {11}2 entries, fetched 0s ago; last attempt 0s ago: line 1 of the download/m);
	const l = methods(() => r.env).lists.call({ args: {} });
	const f = l.files.find((x: { path: string }) => x.path === FILE);
	assert.equal(f.entries, 2);
	assert.equal(f.subscription.url, URL);
	assert.match(f.subscription.error.message, /^line 1/);
});

test('--due fetches only the lists whose interval has passed (failed ones again)', () => {
	const r = router();
	assert.equal(apply(r.env).ok, true);
	r.reset();
	assert.equal(cli(r, 'update-lists', '--due').out, '');
	assert.deepEqual(r.calls.filter((c) => c.startsWith('sh ')), []);
	r.now += 24 * 3600 - 60;
	assert.equal(cli(r, 'update-lists', '--due').out, 'cn: 2 entries, unchanged\n');
	r.web[URL] = 500;
	r.now += 24 * 3600;
	assert.equal(cli(r, 'update-lists', '--due').code, 1);
	r.now += 3600;
	r.web[URL] = V1;
	r.reset();
	assert.equal(cli(r, 'update-lists', '--due').out, 'cn: 2 entries, unchanged\n', 'a failed list is retried at the next hourly run');
});

test('a changed list is not applied over a configuration changed since the last apply', () => {
	const r = router();
	assert.equal(apply(r.env).ok, true);
	r.uci.setText('splitwg', r.uci.text('splitwg').replace("option name 'Country'", "option name 'Country edited'"));
	r.web[URL] = V2;
	r.reset();
	const c = cli(r, 'update-lists');
	assert.equal(c.code, 0, c.err);
	assert.match(c.out, /the configuration changed since the last apply: the new copy takes effect with the next splitwg apply/);
	assert.deepEqual(reloads(r.calls), []);
	assert.equal(r.fs.read(FILE), V2);
});

test('the cron line: only ours is touched; stop and the last subscription gone remove it', () => {
	const r = router();
	assert.equal(apply(r.env).ok, true);
	r.fs.mkdirp('/etc/init.d');
	r.fs.write('/etc/init.d/cron', '#!/bin/sh /etc/rc.common\n');
	assert.equal(stop(r.env).ok, true);
	assert.equal(r.fs.read(CRONTAB), OTHER_CRON);
	assert.ok(r.calls.includes('/etc/init.d/cron restart'), 'crond told');
	assert.equal(r.fs.read(FILE), V1, 'stop keeps the downloaded list');
	r.reset();
	assert.equal(apply(r.env).ok, true);
	assert.equal(r.fs.read(CRONTAB), OTHER_CRON + CRON_LINE + '\n');
	assert.deepEqual(r.calls.filter((c) => c.startsWith('sh ')), [], 'the list is there: not fetched');
	// alone in the file: the file goes with the line
	r.fs.write(CRONTAB, CRON_LINE + '\n');
	r.uci.setText('splitwg', HOME);
	assert.equal(apply(r.env).ok, true);
	assert.equal(r.fs.read(CRONTAB), null);
	r.reset();
	assert.equal(apply(r.env).ok, true);
	assert.deepEqual(r.calls.filter((c) => c.includes('cron')), [], 'nothing to change: crond left alone');
});

test('update-lists NAME of no subscription is an error', () => {
	const r = router();
	const c = cli(r, 'update-lists', 'nope');
	assert.equal(c.code, 1);
	assert.equal(c.err, 'splitwg: no subscription named "nope"\n');
});

test('one fetch at a time: a second one meanwhile changes nothing and says so', () => {
	const r = router();
	assert.equal(apply(r.env).ok, true);
	r.fs.mkdirp(`${PATHS.state}/fetch.lock`);
	r.fs.write(`${PATHS.state}/fetch.lock/time`, `${r.now}\n`);
	r.web[URL] = V2;
	r.reset();
	const c = cli(r, 'update-lists');
	assert.equal(c.code, 1);
	assert.equal(c.err, 'splitwg: another update of the lists is running: try again when it is done\n');
	assert.deepEqual(r.calls.filter((x) => x.startsWith('sh ')), []);
	assert.equal(r.fs.read(FILE), V1);
	// a lock left by a crash long ago does not block
	r.now += 3600;
	assert.equal(cli(r, 'update-lists').code, 0);
	assert.equal(r.fs.read(FILE), V2);
	assert.equal(r.fs.exists(`${PATHS.state}/fetch.lock`), false);
});

test('a subscription given another URL is fetched from it on the next apply', () => {
	const r = router();
	assert.equal(apply(r.env).ok, true);
	const other = 'https://mirror.example/cn.txt';
	r.web[other] = V2;
	r.uci.setText('splitwg', r.uci.text('splitwg').replace(URL, other));
	const res = apply(r.env);
	assert.equal(res.ok, true, res.message);
	assert.equal(r.fs.read(FILE), V2);
	assert.match(listFragments(r), /203\.0\.113\.0\/25/);
});

test('ubus update_lists: the same as the command, for LuCI\'s Fetch now', () => {
	const r = router();
	assert.equal(apply(r.env).ok, true);
	r.web[URL] = V2;
	const m = methods(() => r.env);
	const u = m.update_lists.call({ args: { name: 'cn' } });
	assert.deepEqual(u.lists.map((l: { name: string, changed: boolean, entries: number }) => [l.name, l.changed, l.entries]), [['cn', true, 1]]);
	assert.equal(u.applied.ok, true, u.applied.message);
	assert.ok(!('error' in u), 'a success has no error key');
	const e = m.update_lists.call({ args: { name: 'nope' } }).error;
	assert.deepEqual([e.code, e.path, e.id, e.message], ['INVALID_ARGUMENT', 'name', 'sub_unknown', 'no subscription named "nope"']);
});
