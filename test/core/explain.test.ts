// explain(): what the query does not say is not evaluated (and said so); a
// disabled splitwg classifies nothing; explainQuery() is the one argument
// check the developer CLI, the router CLI and ubus share.
import { test } from 'vitest';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { parseUci, readConfig, explain, explainQuery, format } from '../../src/core/index';

// an error as the CLI and ubus say it
const said = (e: any) => e && { path: e.path, message: format(e) };

const HOME = fs.readFileSync('test/golden/home/splitwg', 'utf8');
const cfgOf = (text: string) => readConfig(parseUci(text).sections).config!;
const home = cfgOf(HOME);

test('without --proto/--port a rule\'s protocol and port are not evaluated: it matches, and the answer says what was assumed', () => {
	const e: any = explain(home, { client: 'laptop', destination: '192.0.2.20' });
	assert.equal(e.rule, 'client.laptop.rule[1]');
	assert.equal(e.action, 'proxy');
	assert.match(e.reason, /\(not evaluated: its protocol tcp, give --proto; its port 443, 8000-8100, give --port\)$/);
	// a given protocol is still evaluated: udp is not the rule's tcp
	const u: any = explain(home, { client: 'laptop', destination: '192.0.2.20', proto: 'udp' });
	assert.notEqual(u.rule, 'client.laptop.rule[1]');
	assert.match(u.reason, /client\.laptop\.rule\[1\]: protocol is not tcp/);
	// a given port too, with the protocol assumed
	const p: any = explain(home, { client: 'laptop', destination: '192.0.2.20', port: 443 });
	assert.equal(p.rule, 'client.laptop.rule[1]');
	assert.match(p.reason, /\(not evaluated: its protocol tcp, give --proto\)$/);
	const all: any = explain(home, { client: 'laptop', destination: '192.0.2.20', proto: 'tcp', port: 443 });
	assert.doesNotMatch(all.reason, /not evaluated/);
});

test('globals.enabled 0: everything goes direct, nothing is classified (apply installs nothing)', () => {
	const off = cfgOf(HOME.replace("option enabled '1'", "option enabled '0'"));
	for (const [client, dest] of [['tv', 'video.test'], ['laptop', '192.0.2.20'], ['guest', '203.0.113.1']]) {
		const e: any = explain(off, { client, destination: dest, proto: 'tcp', port: 443 });
		assert.deepEqual([e.action, e.upstream, e.mark, e.rule], ['direct', null, null, null], `${client} ${dest}`);
		assert.match(e.reason, /^splitwg is disabled \(globals\.enabled 0\): nothing is classified/);
	}
	assert.deepEqual((explain(off, { client: 'nobody', destination: 'x.test' }) as any).error.path, 'client');
});

test('explainQuery: every bad argument is an error naming it', () => {
	const d = { client: 'laptop', destination: '192.0.2.20' };
	const err = (a: object) => said((explainQuery(home, a) as any).error);
	assert.deepEqual(err({ ...d, port: 'abc' }), { path: 'port', message: '"abc" is not a port (an integer from 1 to 65535)' });
	assert.deepEqual(err({ ...d, port: 0 }), { path: 'port', message: '"0" is not a port (an integer from 1 to 65535)' });
	assert.deepEqual(err({ ...d, port: '70000' }), { path: 'port', message: '"70000" is not a port (an integer from 1 to 65535)' });
	assert.deepEqual(err({ ...d, port: '44x' }), { path: 'port', message: '"44x" is not a port (an integer from 1 to 65535)' });
	assert.deepEqual(err({ ...d, proto: 'TCP' }), { path: 'proto', message: '"TCP" must be lower case' });
	assert.match(err({ ...d, proto: 'ftp' }).message, /^"ftp" is not a protocol \(tcp udp icmp/);
	assert.deepEqual(err({ ...d, proto: 'icmp', port: 80 }), { path: 'port', message: 'icmp has no ports' });
	assert.deepEqual(err({ ...d, at: 'Xyz 25:00' }), { path: 'at', message: '"Xyz 25:00" is not a time like "Mon 21:30"' });
	assert.deepEqual(err({ ...d, at: 'Mon 25:00' }), { path: 'at', message: '"Mon 25:00" is not a time like "Mon 21:30"' });
	assert.deepEqual(err({ ...d, down: 'us,nosuch' }), { path: 'down[1]', message: 'unknown upstream "nosuch"' });
	assert.deepEqual(err({ ...d, port: '4\n43' }), { path: 'port', message: 'contains a control character (newline, tab, …)' });
	// ucode matches ^…$ line by line: a second line must not ride on a valid first one
	assert.deepEqual(said((explain(home, { client: 'laptop', destination: 'a.example\nevil' }) as any).error), { path: 'destination', message: 'contains a control character (newline, tab, …)' });
	assert.deepEqual(err({ destination: 'x' }), { path: 'client', message: 'is required' });
	assert.deepEqual(err({ client: 'tv' }), { path: 'destination', message: 'is required' });
	assert.deepEqual(explainQuery(home, { ...d, proto: 'tcp', port: '443', at: 'Mon 21:30', down: 'us' }),
		{ ...d, proto: 'tcp', port: 443, at: 'Mon 21:30', down: ['us'], family: null });
	assert.deepEqual(explainQuery(home, { ...d, proto: '', port: null, at: '' }), { ...d, proto: null, port: null, at: null, down: [], family: null });
	assert.deepEqual(err({ ...d, family: '5' }), { path: 'family', message: '"5" is not an address family (4 or 6)' });
	assert.deepEqual(err({ ...d, family: 0 }), { path: 'family', message: '"0" is not an address family (4 or 6)' });
	assert.deepEqual(err({ ...d, family: 'ipv6' }), { path: 'family', message: '"ipv6" is not an address family (4 or 6)' });
	assert.equal((explainQuery(home, { ...d, family: '6' }) as any).family, 6);
	assert.equal((explainQuery(home, { ...d, family: 4 }) as any).family, 4);
});

// A domain is reached over A or AAAA answers: the family decides what the
// table can do with it (a tunnel without an IPv6 address, a device known by
// one family, IPv6 classification off).
test('explain of a domain answers for the family asked; without one, for IPv4, noting IPv6 when it differs', () => {
	const night = { client: 'kid', destination: 'www.example.org', at: 'Mon 23:00' };
	const v4: any = explain(home, { ...night, family: 4 });
	assert.deepEqual([v4.action, v4.upstream, v4.rule], ['proxy', 'eu', 'client.kid.rule[0]']);
	const v6: any = explain(home, { ...night, family: 6 });
	assert.deepEqual([v6.action, v6.upstream, v6.rule], ['block', null, 'client.kid.rule[0]'], v6.reason);
	assert.match(v6.reason, /upstream eu has no IPv6 address/);
	const any: any = explain(home, night);
	assert.deepEqual([any.action, any.upstream], ['proxy', 'eu']);
	assert.match(any.reason, /; note: over IPv6 \(AAAA\) the answer is block: upstream eu has no IPv6 address/);
	// the same answer for both families: no note
	const tv: any = explain(home, { client: 'tv', destination: 'video.test' });
	assert.equal(tv.action, 'proxy');
	assert.doesNotMatch(tv.reason, /over IPv6/);
	// a device known by its IPv4 address only: over IPv6 not classified
	const one = cfgOf(HOME.replace("\tlist address 'fd77::10'\n", ''));
	const t6: any = explain(one, { client: 'tv', destination: 'video.test', family: 6 });
	assert.deepEqual([t6.action, t6.rule, t6.mark], ['direct', null, null]);
	assert.match(t6.reason, /identified by IPv4 addresses only: its IPv6 traffic/);
	assert.match((explain(one, { client: 'tv', destination: 'video.test' }) as any).reason, /over IPv6 \(AAAA\) the answer is direct: client tv is identified by IPv4/);
	// IPv6 classification off: IPv6 is routed normally
	const off = cfgOf(HOME.replace("option ipv6 '1'", "option ipv6 '0'"));
	const o6: any = explain(off, { client: 'tv', destination: 'video.test', family: 6 });
	assert.deepEqual([o6.action, o6.rule], ['direct', null]);
	assert.match(o6.reason, /IPv6 classification is off/);
	// an address has its own family
	assert.deepEqual(said((explain(home, { client: 'tv', destination: '192.0.2.1', family: 6 }) as any).error),
		{ path: 'family', message: '192.0.2.1 is an IPv4 address, not IPv6' });
	assert.equal((explain(home, { client: 'tv', destination: '2001:db8::1', family: 6 }) as any).rule, null);
});

// netifd.ts gives a tunnel without an IPv6 address an unreachable IPv6 route
// whatever the kill switch: its proxied IPv6 is blocked, also while it is down.
test('proxied IPv6 through an upstream without an IPv6 address is blocked, also while it is down with the kill switch off', () => {
	const off = cfgOf(HOME.replace("option kill_switch '1'", "option kill_switch '0'"));
	const q = { client: 'kid', destination: '2001:db8:100::7', at: 'Mon 23:00', down: ['eu'] };
	const e: any = explain(off, q);
	assert.deepEqual([e.action, e.rule], ['block', 'client.kid.rule[0]'], e.reason);
	assert.match(e.reason, /upstream eu has no IPv6 address/);
	// IPv4 of the same rule goes direct (kill switch off)
	assert.equal((explain(off, { ...q, destination: '203.0.113.7' }) as any).action, 'direct');
});

test('a name asked where rules before the answer match by address: explain says the address decides, the address answers it', () => {
	// laptop's rule[1] sends 192.0.2.0/24 via eu; a name resolving there follows it in the kernel
	const byName = explain(home, { client: 'laptop', destination: 'news.test' }) as any;
	assert.equal(byName.why.id, 'and');
	assert.deepEqual(byName.why.args[1], { id: 'why_unless_address', args: ['news.test', 'client.laptop.rule[0], client.laptop.rule[1]'] });
	const byAddress = explain(home, { client: 'laptop', destination: '192.0.2.8' }) as any;
	assert.equal(byAddress.rule, 'client.laptop.rule[1]');
	assert.ok(!format(byAddress.why).includes('unless'), format(byAddress.why));
	// a client whose rules are by name only gets no such note
	assert.ok(!format((explain(home, { client: 'tv', destination: 'video.test' }) as any).why).includes('unless'));
});
