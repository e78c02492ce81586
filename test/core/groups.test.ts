// Upstream groups in the core: what check says of a group, how a group's
// slots are dealt out (every subset of members up, for every group size a
// mark mask allows), and what explain answers with members down.
import { test } from 'vitest';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { parseUci, readConfig, explain, pathText } from '../../src/core/index';
import { groupSlots, BALANCE_SLOTS } from '../../src/core/groups';
import type { Group } from '../../src/core/model';
import type { UciSection } from '../../src/core/uci';

const golden = () => parseUci(fs.readFileSync('test/golden/groups/splitwg', 'utf8')).sections;
const section = (s: UciSection[], name: string) => s.find((x) => x.name === name)!;

function problems(edit: (s: UciSection[]) => void): string[] {
	const s = golden();
	edit(s);
	return readConfig(s).problems.map((p) => `${p.path}: ${p.id}`);
}

test('check: every group problem names its option', () => {
	assert.deepEqual(problems(() => {}), []);
	assert.deepEqual(problems((s) => { section(s, 'exits').options.member = ['us', 'mars', 'us']; }),
		['group.exits.member[1]: unknown_upstream', 'group.exits.member[2]: group_member_twice']);
	assert.deepEqual(problems((s) => { delete section(s, 'exits').options.member; }), ['group.exits.member: group_no_member']);
	assert.deepEqual(problems((s) => { section(s, 'exits').options.spread = 'destination'; }), ['group.exits.spread: group_spread_failover']);
	assert.deepEqual(problems((s) => { section(s, 'spread').options.mode = 'roundrobin'; }), ['group.spread.mode: not_one_of']);
	assert.deepEqual(problems((s) => { s.find((x) => x.type === 'globals')!.options.kill_switch = '0'; }), ['group.exits: group_kill_switch', 'group.spread: group_kill_switch']);
	// jp with an IPv6 address too: a connection of either family may be given to any member
	assert.deepEqual(problems((s) => { section(s, 'jp').options.address = ['10.200.3.2/32', 'fd00:3::2/128']; }),
		['group.exits.member[2]: group_families', 'group.spread.member[1]: group_families']);
	// a group's name is where an upstream's would be, and an unknown one is still refused
	assert.deepEqual(problems((s) => { section(s, 'laptop').options.upstream = 'exit'; }), ['client.laptop.upstream: unknown_upstream']);
	// names that would clash with another's per-packet chains (up_a_pkt, grp_a_pkt)
	assert.deepEqual(problems((s) => { s.push({ type: 'group', name: 'exits_pkt', anonymous: false, options: { member: ['eu'] } }); }), ['group.exits_pkt: name_pkt']);
	// an upstream and a group cannot share a name (UCI section names are unique)
	assert.deepEqual(problems((s) => { s.push({ type: 'group', name: 'us', anonymous: false, options: { member: ['eu'] } }); }), ['group.us: name_taken']);
});

test('check warns about a member the checker cannot watch', () => {
	const s = golden();
	delete section(s, 'eu').options.keepalive;
	assert.deepEqual(readConfig(s).warnings.filter((w) => w.path.startsWith('upstream')).map((w) => `${w.path}: ${w.id}`), ['upstream.eu.probe: warn_health_unknown']);
});

function subsets<T>(xs: T[]): T[][] {
	return xs.reduce<T[][]>((acc, x) => [...acc, ...acc.map((s) => [...s, x])], [[]]);
}

test('balance slots: equal runs; a member down moves only its own slots, dealt out evenly', () => {
	const names = ['a', 'b', 'c', 'd', 'e', 'f'];
	for (let n = 1; n <= 6; n++) {
		const members = names.slice(0, n);
		const g: Group = { name: 'g', mode: 'balance', spread: 'connection', members };
		const all = groupSlots(g, members, members);
		assert.equal(all.length, BALANCE_SLOTS);
		for (const m of members) assert.equal(all.filter((x) => x === m).length, BALANCE_SLOTS / n, `${n} members: ${m}'s share`);
		for (const live of subsets(members)) {
			const now = groupSlots(g, members, live);
			if (!live.length) { assert.ok(now.every((x) => x === null), 'all down: every slot drops'); continue; }
			now.forEach((m, i) => {
				assert.ok(live.includes(m!), `slot ${i} goes to a member up`);
				if (live.includes(all[i]!)) assert.equal(m, all[i], `slot ${i} of a member up stays`);
			});
			// what the members that are down held is shared within one slot
			const counts = live.map((m) => now.filter((x) => x === m).length);
			const gone = members.length - live.length;
			assert.ok(Math.max(...counts) - Math.min(...counts) <= gone, `${n} members, up ${live}: ${counts}`);
		}
	}
});

test('failover slot: the first member up, or none', () => {
	const g: Group = { name: 'g', mode: 'failover', spread: 'connection', members: ['a', 'b', 'c'] };
	assert.deepEqual(groupSlots(g, g.members, ['a', 'b', 'c']), ['a']);
	assert.deepEqual(groupSlots(g, g.members, ['b', 'c']), ['b']);
	assert.deepEqual(groupSlots(g, g.members, ['c']), ['c']);
	assert.deepEqual(groupSlots(g, g.members, []), [null]);
});

test('explain: the member a new connection takes now, and why', () => {
	const cfg = readConfig(golden()).config!;
	const q = { client: 'laptop', destination: '198.51.100.7' };
	const at = (down: string[]) => { const x = explain(cfg, { ...q, down }) as any; return [x.action, x.upstream, x.iface, x.group, x.members.join(' '), x.why.args.at(-1).id]; };
	assert.deepEqual(at([]), ['proxy', 'us', 'sw_us', 'exits', 'us', 'why_group_first']);
	assert.deepEqual(at(['us']), ['proxy', 'eu', 'sw_eu', 'exits', 'eu', 'why_group_failover']);
	assert.deepEqual(at(['us', 'eu']), ['proxy', 'jp', 'sw_jp', 'exits', 'jp', 'why_group_failover']);
	const none = explain(cfg, { ...q, down: ['us', 'eu', 'jp'] }) as any;
	assert.deepEqual([none.action, none.upstream, none.mark, none.group], ['block', null, null, 'exits']);
	// a balance group names no one member: each new connection takes one of them
	const tv = explain(cfg, { client: 'tv', destination: 'video.test', down: ['jp'] }) as any;
	assert.deepEqual([tv.action, tv.upstream, tv.iface, tv.mark, tv.group, tv.members], ['proxy', 'spread', null, null, 'spread', ['us']]);
});

test('the CLIs\' line names the group and its member, or the members a balance spreads over', () => {
	const cfg = readConfig(golden()).config!;
	const line = (q: any) => pathText(explain(cfg, q) as any);
	assert.equal(line({ client: 'laptop', destination: '198.51.100.7', down: ['us'] }), ' via group exits → eu (sw_eu, mark 0x30000000)');
	assert.equal(line({ client: 'tv', destination: 'video.test' }), ' via group spread: each connection takes one of us, jp');
	assert.equal(line({ client: 'laptop', destination: '198.51.100.7', down: ['us', 'eu', 'jp'] }), '');
});
