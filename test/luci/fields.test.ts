// The LuCI fields of /etc/config/splitwg take their default, placeholder and
// validator from the core's option table (src/core/schema.ts) — the table
// the router's config reader reads every section with — so the message
// under a field is the one `splitwg check` gives, and a port is worded the
// same wherever it is typed.
import { test } from 'vitest';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import * as V from '../../src/core/values';
import { parseUci, readConfig } from '../../src/core/index';
import type { UciSection } from '../../src/core/uci';
import { format } from '../../src/core/messages';
import { SCHEMA, checkOf } from '../../src/core/schema';
import { fieldOf } from '../../src/luci/_schema';

const home = () => parseUci(fs.readFileSync('test/golden/home/splitwg', 'utf8')).sections;

// Values each validator refuses some of: bad numbers, words, addresses.
const BAD = ['0', '65536', '-1', '1.5', 'x', '1x', 'a b', 'a"b', '0x', '10.0.0.0/24', '10.0.0.1/24', '1279', '9001',
	'0x1ffffffff', '::1/64', '25:00', 'Funday', 'proxi', 'host', '99999999999'];

// The section of test/golden/home/splitwg an option is tried on, and the path
// check() reports it under. A rule's owner (client/ruleset) is read before
// the rule, by the same grammar (options.test.ts).
function where(type: string, option: string): { pick: (s: UciSection[]) => UciSection, path: string } | null {
	const named = (t: string, n: string) => (s: UciSection[]) => s.find((x) => x.type === t && x.name === n)!;
	switch (type) {
	case 'globals': return { pick: named('globals', 'main'), path: 'globals' };
	case 'server': return { pick: named('server', 'server'), path: 'server' };
	case 'upstream': return { pick: named('upstream', 'us'), path: 'upstream.us' };
	case 'ruleset': return { pick: named('ruleset', 'streaming'), path: 'ruleset.streaming' };
	// keys belong to a peer; mac/interface to a device
	case 'client': return /_key$/.test(option) ? { pick: named('client', 'phone'), path: 'client.phone' } : { pick: named('client', 'tv'), path: 'client.tv' };
	case 'rule': return option === 'client' || option === 'ruleset' ? null
		: { pick: (s) => s.filter((x) => x.type === 'rule')[4], path: 'client.laptop.rule[1]' };
	}
	return null;
}

for (const type of Object.keys(SCHEMA)) {
	for (const option of Object.keys(SCHEMA[type])) {
		const opt = SCHEMA[type][option];
		const w = where(type, option);
		if (!w || !checkOf(opt)) continue;
		test(`${type}.${option}: the router's message for a bad value is the validator's`, () => {
			const check = checkOf(opt)!;
			let refused = 0;
			for (const v of BAD) {
				const want = check(v);
				if (want === null) continue;
				refused++;
				const s = home();
				const sec = w.pick(s);
				sec.options[option] = opt.list ? [v] : v;
				const path: string = `${w.path}.${option}${opt.list ? '[0]' : ''}`;
				const got = readConfig(s).problems.filter((p) => p.path === path).map((p) => ({ id: p.id, args: p.args }));
				assert.deepEqual(got, [want], `${path} = ${v}`);
			}
			assert.ok(refused > 0, 'some value is refused');
		});
	}
}

test('a LuCI field validates with the option\'s validator, and shows its default', () => {
	for (const type of Object.keys(SCHEMA)) {
		for (const option of Object.keys(SCHEMA[type])) {
			const opt = SCHEMA[type][option];
			const f = fieldOf(type, option);
			const choice = opt.kind === 'bool' || opt.kind === 'enum';
			const check = checkOf(opt);
			if (choice || !check) assert.equal(f.check, undefined, `${type}.${option}`);
			else for (const v of BAD) assert.deepEqual(f.check!(v), check(v), `${type}.${option} = ${v}`);
			if (opt.def !== undefined) assert.equal(choice ? f.default : opt.list ? undefined : f.placeholder, choice || !opt.list ? opt.def : undefined, `${type}.${option}`);
		}
	}
	assert.throws(() => fieldOf('client', 'adress'), /client\.adress is not an option/);
	// the bounds are the router's: an MTU is 1280-9000 in the browser too
	assert.equal(format(fieldOf('upstream', 'mtu').check!('1279')!), '"1279" is not an integer from 1280 to 9000');
	assert.equal(fieldOf('globals', 'table_base').placeholder, '2100');
});

// The views: every UCI option they declare is one of the table's, and none
// sets its own validator, placeholder-default or default for one.
const VIEWS = ['overview', 'clients', 'upstreams', 'rules'];
for (const view of VIEWS) {
	test(`${view}: its fields are options of the table, set up from it`, () => {
		const src = fs.readFileSync(`src/luci/${view}.ts`, 'utf8');
		const all = new Set(Object.values(SCHEMA).flatMap((t) => Object.keys(t)));
		const declared = [...src.matchAll(/(?:form\.(?:Flag|Value|DynamicList|ListValue|MultiValue)|SecretValue),\s*'([a-z][a-z_0-9]*)'/g)].map((m) => m[1]);
		assert.ok(declared.length > 0);
		for (const o of declared) assert.ok(all.has(o), `${view} declares ${o}, which /etc/config/splitwg does not have`);
		assert.doesNotMatch(src, /o\.validate = /, 'validators come from the table');
		assert.doesNotMatch(src, /o\.default = /, 'defaults come from the table');
		assert.ok((src.match(/schemaOption\(/g) ?? []).length >= 1);
	});
}

test('a bad port has one wording: listen port, endpoints, rule ports, the tester', () => {
	const want = '"0" is not a port (an integer from 1 to 65535)';
	const s = home();
	s.find((x) => x.type === 'server')!.options.listen_port = '0';
	s.find((x) => x.name === 'us')!.options.endpoint = 'us.vpn.example:0';
	s.find((x) => x.type === 'rule')!.options.port = ['0'];
	const msgs = readConfig(s).problems.map((p) => `${p.path}: ${format(p)}`).filter((m) => /port|endpoint/.test(m));
	assert.equal(msgs.length, 3, msgs.join('\n'));
	for (const m of msgs) assert.ok(m.endsWith(`: ${want}`), m);
	assert.match(fs.readFileSync('src/luci/tester.ts', 'utf8'), /o\.validate = validator\(badPort\);/);
	assert.equal(format(V.badPort('0')!), want);
});
