// List files in LuCI: entry counts from the router's ubus `lists` (run for
// real on the fake router), a rule's summary with them, the upload name.
import { test } from 'vitest';
import assert from 'node:assert/strict';
import { listCount, listsSummary, findList, badUploadName, subscriptionCount } from '../../src/luci/_lists';
import type { ListsReply } from '../../src/luci/_lists';
import { matchSummary } from '../../src/luci/_rules';
import { tr, say, trCore } from '../../src/luci/_msg';
import { apply } from '../../src/router/apply';
import { updateLists } from '../../src/router/subscriptions';
import { methods } from '../../src/router/api';
import { fakeRouter } from '../router/fakes';
import { openwrt, HOME } from '../router/openwrt';

function reply(): ListsReply {
	const r = fakeRouter({
		uci: openwrt(`${HOME}\nconfig rule\n\toption client 'tv'\n\tlist list_file 'tv.txt'\n\tlist list_file '/srv/x.txt'\n`),
		files: {
			'/etc/splitwg/lists/tv.txt': 'a.test\n# c\n192.0.2.0/24\n2001:db8::/32\nb.test\n',
			'/etc/splitwg/lists/spare.txt': 'bad entry\n10.0.0.1/8\n',
		},
	});
	return methods(() => r.env).lists.call({ args: {} }) as ListsReply;
}

test('ubus lists: every file of the directory and every one the config names, counted and judged', () => {
	const l = reply();
	assert.equal(l.dir, '/etc/splitwg/lists');
	assert.deepEqual(l.files.map((f) => [f.name, f.used, f.ok]), [['spare.txt', false, true], ['tv.txt', true, true], ['/srv/x.txt', true, false]]);
	const tv = findList(l, 'tv.txt')!;
	assert.deepEqual([tv.entries, tv.domains, tv.v4, tv.v6], [4, 2, 1, 1]);
	assert.equal(tr(listCount(tv)), '4 entries: 2 domains, 1 IPv4, 1 IPv6');
	const spare = findList(l, 'spare.txt')!;
	assert.equal(tr(listCount(spare)), '2 lines in error');
	assert.deepEqual(spare.problems.map((p) => [p.line, p.message]), [[1, '"bad entry": one entry a line (a domain, or an address or prefix)'], [2, '"10.0.0.1/8" has host bits set (did you mean 10.0.0.0/8?)']]);
	assert.equal(tr(listCount(findList(l, '/srv/x.txt')!)), 'cannot be read');
});

test('a rule\'s summary names its list files with their entry counts', () => {
	const l = reply();
	const s = matchSummary({ list_file: ['tv.txt', '/srv/x.txt'], proto: 'tcp' }, l).map((m) => tr(m)).join(' · ');
	assert.equal(s, 'lists tv.txt (4), /srv/x.txt (?) · protocol tcp');
	assert.equal(tr(listsSummary(['a', 'b', 'c', 'd'], null)!), 'lists a (?), b (?), c (?) +1');
	assert.equal(matchSummary({ list_file: 'tv.txt' }).map((m) => tr(m)).join(), 'lists tv.txt (?)', 'without the router\'s account');
});

test('upload names: a file name in /etc/splitwg/lists/, no directory', () => {
	assert.equal(badUploadName('streaming.txt'), null);
	assert.equal(say(badUploadName('')!), 'Give the file a name');
	assert.equal(say(badUploadName('a/b.txt')!), 'A name without "/": the file goes to /etc/splitwg/lists');
	assert.match(say(badUploadName('.hidden')!), /is not a list file/);
	assert.match(say(badUploadName('two words')!), /is not a list file/);
});

test('ubus lists: a subscription\'s file with its last fetch; one not fetched yet', () => {
	const r = fakeRouter({ uci: openwrt(`${HOME}\nconfig subscription 'cn'\n\toption url 'https://lists.example/cn'\n\nconfig subscription 'later'\n\toption url 'https://lists.example/later'\n`) });
	r.web['https://lists.example/cn'] = '192.0.2.0/24\n';
	updateLists(r.env, null, false, apply);
	r.web['https://lists.example/cn'] = 404;
	r.now += 600;
	updateLists(r.env, 'cn', false, apply);
	const l = methods(() => r.env).lists.call({ args: {} }) as ListsReply;
	const cn = findList(l, 'cn')!;
	assert.equal(tr(subscriptionCount(cn)), '1 entries: 0 domains, 1 IPv4, 0 IPv6');
	assert.deepEqual([cn.subscription!.url, cn.subscription!.fetched_age], ['https://lists.example/cn', 600]);
	assert.equal(trCore(cn.subscription!.error!), 'download failed: HTTP error 404');
	const later = findList(l, 'later')!;
	assert.equal(tr(subscriptionCount(later)), 'not fetched yet');
	assert.equal(later.subscription!.fetched, null);
	assert.equal(findList(l, 'tv.txt'), null);
});
