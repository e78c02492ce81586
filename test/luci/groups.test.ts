// Upstream groups and health in LuCI: the group editor and the Health tab
// of the upstreams page take their validators from the core's option table,
// spread is offered for balance groups only, a client's and a rule's
// upstream choice offers the groups as groups, the tester words explain's
// group and members, and the overview shows the health checker's state when
// status has it — and nothing more when it has not.
import { test } from 'vitest';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { harness } from './harness';
import type { FormSection, Harness } from './harness';
import { readConfig, parseUci } from '../../src/core/index';
import { explain } from '../../src/core/explain';
import { format } from '../../src/core/messages';
import { fieldOf } from '../../src/luci/_schema';
import { groupLabel, groupRoute, healthOf } from '../../src/luci/_groups';
import { tr } from '../../src/luci/_msg';

const CONFIG = fs.readFileSync('test/golden/groups/splitwg', 'utf8');
const HOME = fs.readFileSync('test/golden/home/splitwg', 'utf8');

const ok = { valid: true, problems: [] };
const upstream = (name: string, extra: object = {}) => ({ name, iface: `sw_${name}`, enabled: true, up: true, healthy: true, handshake_age: 30, rx: 0, tx: 0, ...extra });
const status = (extra: object = {}) => ({ enabled: true, version: '0.1.0', upstreams: [upstream('us'), upstream('eu'), upstream('jp')], clients: [], last_apply: null, pending: false, warnings: [], ...extra });
const ubus = (st: object) => ({
	'splitwg.status': () => st, 'splitwg.check': () => ok, 'splitwg.doctor': () => ({ ok: true, findings: [] }), 'splitwg.stats': () => 4,
	'splitwg.lists': () => ({ dir: '/etc/splitwg/lists', files: [] }), 'luci-rpc.getHostHints': () => ({}), 'luci-rpc.getNetworkDevices': () => ({}),
});

const text = (n: any) => String(n.textContent).replace(/\s+/g, ' ').trim();

function section(h: Harness, type: string): FormSection {
	const s = h.maps.flatMap((m) => m.sections).find((x) => x.type === type);
	assert.ok(s, `a section of ${type}`);
	return s!;
}
const opt = (s: FormSection, name: string) => {
	const o = s.options.find((x) => x.option === name);
	assert.ok(o, `${s.type}.${name}`);
	return o!;
};
// what the field says of a value: the message of the core's validator for it
const says = (type: string, option: string, v: string) => {
	const e = fieldOf(type, option).check!(v);
	return e === null ? true : format(e);
};

test('upstreams: the group editor\'s fields, set up from the option table', async () => {
	const h = harness('upstreams', CONFIG, ubus(status()));
	await h.open();
	const g = section(h, 'group');
	assert.equal(g.widget, 'GridSection');
	assert.deepEqual(g.options.map((o) => [o.option, o.widget]), [['mode', 'ListValue'], ['member', 'DynamicList'], ['spread', 'ListValue']]);

	const mode = opt(g, 'mode');
	assert.equal(mode.default, 'failover');
	assert.deepEqual(mode.values.map((v) => v[0]), ['failover', 'balance']);
	assert.equal(mode.textvalue.call({ cfgvalue: () => 'balance', default: 'failover' }, 'spread'), 'Balance');
	assert.equal(mode.textvalue.call({ cfgvalue: () => null, default: 'failover' }, 'x'), 'Failover');

	const member = opt(g, 'member');
	for (const v of ['us', 'Bad-Name', 'thirteen_char', '1x']) assert.equal(member.validate('exits', v), says('group', 'member', v), v);
	assert.match(String(member.validate('exits', ['us', 'a b'])), /"a b"/, 'each value of the list');
	// the choices: the upstreams, not the groups
	assert.deepEqual(member.load('exits'), ['us', 'eu', 'jp']);
	assert.deepEqual(member.values.map((v) => v[0]), ['us', 'eu', 'jp']);
	member.load('spread');
	assert.deepEqual(member.values.map((v) => v[0]), ['us', 'eu', 'jp'], 'offered once, however often it loads');
	assert.equal(text(member.textvalue('exits')), 'us → eu → jp', 'failover: in order of preference');
	assert.equal(text(member.textvalue('spread')), 'us, jp');

	// spread: balance only (LuCI removes it when the mode is failover)
	const spread = opt(g, 'spread');
	assert.deepEqual(spread.deps, [{ mode: 'balance' }]);
	assert.equal(spread.default, 'connection');
	assert.deepEqual(spread.values.map((v) => v[0]), ['connection', 'destination']);
	assert.equal(spread.textvalue.call({ cfgvalue: () => null, default: 'connection' }, 'exits'), '-');
	assert.equal(spread.textvalue.call({ cfgvalue: () => 'destination', default: 'connection' }, 'spread'), 'by destination');
	assert.equal(spread.textvalue.call({ cfgvalue: () => null, default: 'connection' }, 'spread'), 'in turn');

	// a new group's name: the core's rule, and not one a section has
	g.handleAdd({}, 'us');
	g.handleAdd({}, 'a-b');
	assert.deepEqual(h.notifications, [`group.us: ${format({ id: 'defined_twice', args: [] })}`, format({ id: 'not_name', args: ['a-b', 12] })]);
});

test('upstreams: the Health tab\'s probe options, with the router\'s bounds', async () => {
	const h = harness('upstreams', CONFIG, ubus(status()));
	await h.open();
	const u = section(h, 'upstream');
	assert.ok(u.tabs.includes('health'));
	const health = u.options.filter((o) => o.tab === 'health');
	assert.deepEqual(health.map((o) => [o.option, o.widget]), [['probe', 'Value'], ['probe_dns', 'Flag'], ['probe_interval', 'Value'], ['down_after', 'Value'], ['up_after', 'Value']]);
	assert.equal(opt(u, 'probe_dns').modalonly, true);
	for (const o of health.filter((x) => x.widget === 'Value')) {
		for (const v of ['10.64.0.1', 'fd00::1', '10.0.0.300', 'host', '0', '5', '3601', '101', '-1'])
			assert.equal(o.validate('us', v), says('upstream', o.option, v), `${o.option} = ${v}`);
		assert.equal(o.modalonly, true);
	}
	assert.equal(opt(u, 'probe_interval').placeholder, '5');
	assert.equal(opt(u, 'down_after').placeholder, '2');
	assert.equal(opt(u, 'up_after').placeholder, '2');
	assert.equal(opt(u, 'probe_interval').validate('us', '3601'), '"3601" is not an integer from 1 to 3600');
});

test('upstreams: the State column says down when the health checker does, though netifd has the tunnel up', async () => {
	const h = harness('upstreams', CONFIG, ubus(status({ upstreams: [
		upstream('us', { health: { state: 'up', since: 1, last: 2, rtt: 20, fails: 0, reason: 'probe answered' } }),
		upstream('eu', { health: { state: 'down', since: 1, last: 2, rtt: null, fails: 3, reason: '3 probes missed' } }),
		upstream('jp', { health: { up: false, since: 1 } }),
	] })));
	await h.open();
	const state = opt(section(h, 'upstream'), '_state');
	assert.equal(text(state.textvalue('us')), 'up handshake 30 s ago · ↓0 B ↑0 B');
	assert.equal(text(state.textvalue('eu')), 'down health check: 3 probes missed');
	assert.equal(text(state.textvalue('jp')), 'down by the health check');
	// without health: netifd's and the handshake's word, as before
	const plainH = harness('upstreams', CONFIG, ubus(status()));
	await plainH.open();
	assert.equal(text(opt(section(plainH, 'upstream'), '_state').textvalue('eu')), 'up handshake 30 s ago · ↓0 B ↑0 B');
});

test('clients and rules: an upstream choice offers the groups, labelled as groups', async () => {
	const want = [
		['us', 'us'], ['eu', 'eu'], ['jp', 'jp'],
		['exits', 'exits (failover group: us → eu → jp)'], ['spread', 'spread (balance group: us, jp)'],
	];
	const c = harness('clients', CONFIG, ubus(status()));
	await c.open();
	assert.deepEqual(opt(section(c, 'client'), 'upstream').values, [['', 'none'], ...want]);
	const r = harness('rules', CONFIG, ubus(status()));
	await r.open();
	assert.deepEqual(opt(section(r, 'rule'), 'upstream').values, [['', 'the client\'s upstream'], ...want]);
	// without groups: the upstreams only, as before
	const home = harness('clients', HOME, ubus(status()));
	await home.open();
	assert.deepEqual(opt(section(home, 'client'), 'upstream').values.map((v) => v[0]), ['', 'us', 'eu']);
});

test('tester: explain\'s group and members in words; status\'s health read when present', () => {
	const cfg = readConfig(parseUci(CONFIG).sections).config!;
	const q = (client: string, down: string[]) => explain(cfg, { client, destination: '198.51.100.7', down }) as any;
	const said = (x: any) => { const m = groupRoute(x); return m && tr(m); };
	assert.equal(said(q('laptop', [])), 'via group exits → us');
	assert.equal(said(q('laptop', ['us'])), 'via group exits → eu');
	assert.equal(said(explain(cfg, { client: 'tv', destination: '198.51.100.7', at: 'Mon 12:00' })), null, 'direct: no group');
	const tv = explain(cfg, { client: 'tv', destination: 'video.test', down: ['jp'] }) as any;
	assert.equal(tv.group, 'spread');
	assert.equal(said(explain(cfg, { client: 'tv', destination: 'video.test' })), 'group spread, spread over us, jp');
	assert.equal(said(tv), 'group spread, spread over us');
	const gone = q('laptop', ['us', 'eu', 'jp']);
	assert.equal(gone.action, 'block');
	assert.equal(said(gone), 'group exits: no member is up');
	// a router before groups: nothing
	assert.equal(groupRoute({ upstream: 'us' }), null);
	assert.equal(healthOf({}), null);
	assert.equal(healthOf({ health: { since: 1 } }), null);
	assert.equal(healthOf({ health: { up: false, since: 1 } })!.state, 'down', 'the checker\'s own `up`');
	assert.equal(tr(groupLabel({ name: 'x', mode: 'balance', members: ['a', 'b'] })), 'x (balance group: a, b)');
});

const healthStatus = (now: number) => status({
	upstreams: [
		upstream('us', { health: { state: 'up', since: now - 3600, last: now - 2, rtt: 23.46, fails: 0, reason: 'probe answered' } }),
		upstream('eu', { health: { state: 'down', since: now - 90, last: now - 4, rtt: null, fails: 3, reason: '3 probes missed' } }),
		upstream('jp', { health: { state: 'up', since: now - 600, last: now - 1, rtt: null, fails: 1, reason: 'probe missed' } }),
		upstream('nl'),
	],
	groups: [
		{ name: 'exits', mode: 'failover', members: ['us', 'eu', 'jp'], active: ['us'] },
		{ name: 'spread', mode: 'balance', members: ['us', 'jp'], active: ['us', 'jp'] },
		{ name: 'dead', mode: 'failover', members: ['eu'], active: [] },
	],
});

function upstreamTable(page: any): any {
	const h3 = [...page.querySelectorAll('h3')].find((x: any) => text(x) === 'Upstreams');
	return h3.nextElementSibling;
}
const rows = (table: any) => [...table.querySelectorAll('tr')].map((tr: any) => [...tr.querySelectorAll('th, td')].map(text));

test('overview: the health of each upstream and the members of each group, when status has them', async () => {
	const realNow = Date.now;
	const now = 1_800_000_000;
	Date.now = () => now * 1000;
	try {
		const h = harness('overview', CONFIG, ubus(healthStatus(now)));
		const page = await h.open();
		const t = rows(upstreamTable(page));
		assert.deepEqual(t[0], ['Upstream', 'Interface', 'State', 'Last handshake', 'Traffic', 'Health']);
		assert.deepEqual(t.slice(1).map((r) => r[5]), [
			'up since 60 min ago · probed 2 s ago · RTT 23.5 ms',
			'down since 90 s ago · probed 4 s ago — 3 probes missed',
			'up since 10 min ago · probed 1 s ago · 1 missed',
			'not watched',
		]);
		const groups = page.querySelector('[data-groups]');
		assert.ok(groups, 'a Groups table');
		assert.deepEqual(rows(groups.querySelector('table')), [
			['Group', 'Mode', 'Members', 'Taking new connections'],
			['exits', 'Failover', 'us → eu → jp', 'us'],
			['spread', 'Balance', 'us, jp', 'us, jp'],
			['dead', 'Failover', 'eu', 'no member up: blocked'],
		]);
		assert.deepEqual([...groups.querySelectorAll('strong')].map(text), ['us', 'us', 'jp'], 'the active members stand out');
	} finally {
		Date.now = realNow;
	}
});

test('overview: a status without health or groups shows the table as before', async () => {
	const h = harness('overview', CONFIG, ubus(status()));
	const page = await h.open();
	const t = rows(upstreamTable(page));
	assert.deepEqual(t[0], ['Upstream', 'Interface', 'State', 'Last handshake', 'Traffic']);
	assert.ok(t.slice(1).every((r) => r.length === 5));
	assert.equal(page.querySelector('[data-groups]'), null);
	assert.equal(page.querySelector('[data-health]'), null);
	// groups: [] is no groups either
	const e = harness('overview', CONFIG, ubus(status({ groups: [] })));
	assert.equal((await e.open()).querySelector('[data-groups]'), null);
});
