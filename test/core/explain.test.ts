// explain(): what the query does not say is not evaluated (and said so); a
// disabled splitwg classifies nothing; explainQuery() is the one argument
// check the developer CLI, the router CLI and ubus share.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { parseUci, readConfig, explain, explainQuery } from '../../src/core/index';

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
	const err = (a: object) => (explainQuery(home, a) as any).error;
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
	assert.deepEqual(err({ destination: 'x' }), { path: 'client', message: 'is required' });
	assert.deepEqual(err({ client: 'tv' }), { path: 'destination', message: 'is required' });
	assert.deepEqual(explainQuery(home, { ...d, proto: 'tcp', port: '443', at: 'Mon 21:30', down: 'us' }),
		{ ...d, proto: 'tcp', port: 443, at: 'Mon 21:30', down: ['us'] });
	assert.deepEqual(explainQuery(home, { ...d, proto: '', port: null, at: '' }), { ...d, proto: null, port: null, at: null, down: [] });
});
