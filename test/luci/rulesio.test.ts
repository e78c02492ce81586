// Rule import/export: JSON and CSV round trips (property-based), the
// golden configuration's rules, and every import error with its place.
import { test } from 'vitest';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import fc from 'fast-check';
import { exportCSV, exportJSON, fromOptions, importRules, parseCSV, toOptions } from '../../src/luci/_rulesio';
import type { PortableRule } from '../../src/luci/_rulesio';
import { parseUci, readConfig } from '../../src/core/index';
import { say } from '../../src/luci/_msg';

const label = fc.stringMatching(/^[A-Za-z0-9 ,.:()+=_-]{1,20}$/).filter((s) => s.trim() === s);
const domain = fc.stringMatching(/^[a-z0-9]([a-z0-9-]{0,8}[a-z0-9])?(\.[a-z]{2,6}){1,2}$/);
const v4 = fc.tuple(fc.integer({ min: 1, max: 223 }), fc.nat(255), fc.nat(255)).map(([a, b, c]) => `${a}.${b}.${c}.0/24`);
const v6 = fc.integer({ min: 1, max: 0xfff }).map((n) => `2001:db8:${n.toString(16)}::/48`);
const port = fc.oneof(fc.integer({ min: 1, max: 65535 }).map(String), fc.integer({ min: 1, max: 60000 }).map((a) => `${a}-${a + 5}`));
const time = fc.tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 })).map(([h, m]) => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`);
const uniq = <T>(a: fc.Arbitrary<T>, n: number) => fc.uniqueArray(a, { maxLength: n });
const ruleArb: fc.Arbitrary<PortableRule> = fc.record({
	name: fc.option(label, { nil: undefined }),
	enabled: fc.option(fc.constant(false), { nil: undefined }),
	action: fc.constantFrom('proxy', 'direct', 'block') as fc.Arbitrary<PortableRule['action']>,
	upstream: fc.option(fc.stringMatching(/^[a-z][a-z0-9_]{0,11}$/), { nil: undefined }),
	domain: uniq(domain, 4), dest: uniq(fc.oneof(v4, v6), 3),
	proto: uniq(fc.constantFrom('tcp', 'udp'), 2), port: uniq(port, 3),
	window: fc.option(fc.tuple(time, time).filter(([a, b]) => a !== b), { nil: undefined }),
	weekdays: uniq(fc.constantFrom('Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'), 3),
}).map((r) => {
	const out: PortableRule = { action: r.action };
	if (r.name) out.name = r.name;
	if (r.enabled === false) out.enabled = false;
	if (r.upstream && r.action === 'proxy') out.upstream = r.upstream;
	for (const k of ['domain', 'dest', 'proto', 'port', 'weekdays'] as const) if (r[k].length) (out as any)[k] = r[k];
	if (r.window) { out.start_time = r.window[0]; out.stop_time = r.window[1]; }
	return out;
});

test('JSON round trip (property)', () => {
	fc.assert(fc.property(fc.array(ruleArb, { maxLength: 6 }), fc.option(label, { nil: undefined }), (rules, lbl) => {
		const r = importRules(exportJSON(rules, 'ruleset:x', lbl));
		assert.deepEqual(r.errors, []);
		assert.deepEqual(r.rules, rules);
		assert.equal(r.label, lbl ?? null);
	}), { numRuns: 200 });
});

test('CSV round trip (property)', () => {
	fc.assert(fc.property(fc.array(ruleArb, { maxLength: 6 }), (rules) => {
		const r = importRules(exportCSV(rules));
		assert.deepEqual(r.errors, []);
		assert.deepEqual(r.rules, rules);
	}), { numRuns: 200 });
});

test('UCI options ↔ portable form', () => {
	fc.assert(fc.property(ruleArb, (r) => assert.deepEqual(fromOptions(toOptions(r)), r)), { numRuns: 200 });
	assert.deepEqual(fromOptions({ client: 'tv', enabled: '1', action: 'block', proto: 'tcp udp', port: '443' }), { action: 'block', proto: ['tcp', 'udp'], port: ['443'] });
	assert.deepEqual(fromOptions({}), { action: 'proxy' });
});

test('every rule of the golden config survives JSON and CSV, and the config stays valid', () => {
	const secs = parseUci(fs.readFileSync('test/golden/home/splitwg', 'utf8')).sections;
	const rules = secs.filter((s) => s.type === 'rule');
	for (const fmt of [(l: PortableRule[]) => exportJSON(l), exportCSV]) {
		const back = importRules(fmt(rules.map((s) => fromOptions(s.options as any))));
		assert.deepEqual(back.errors, []);
		const rebuilt = secs.map((s) => {
			if (s.type !== 'rule') return s;
			const i = rules.indexOf(s);
			const owner = s.options.client ? { client: s.options.client } : { ruleset: s.options.ruleset };
			return { ...s, options: { ...owner, ...toOptions(back.rules[i]) } as any };
		});
		assert.deepEqual(readConfig(rebuilt as any).problems, []);
	}
});

test('CSV quoting: commas, quotes, newlines, leading spaces', () => {
	const csv = exportCSV([{ name: 'a, "b"', action: 'direct' }]);
	assert.ok(csv.includes('"a, ""b"""'));
	assert.deepEqual(parseCSV('a,"x\ny",c\r\n1,2,3\n').rows, [{ line: 1, cells: ['a', 'x\ny', 'c'] }, { line: 3, cells: ['1', '2', '3'] }]);
	assert.equal(parseCSV('a,"b\n').error!.line, 1);
	assert.equal(parseCSV('a,"b"c\n').error!.line, 1);
});

test('import errors name the line (CSV) or the rule (JSON) and the field', () => {
	const csv = 'name,action,domain,port,start_time\nok,direct,a.com,,\nbad,fly,Ex Ample.com,70000,25:00\n';
	const r = importRules(csv);
	// the valid rows are parsed; the view imports nothing while any error remains
	assert.deepEqual(r.rules, [{ name: 'ok', action: 'direct', domain: ['a.com'] }]);
	assert.deepEqual(r.errors.map((e) => [e.line, e.field, say(e.text)]), [
		[3, 'action', '"fly" is not an action (proxy, direct, block)'],
		[3, 'domain', '"Ex" must be lower case'],
		[3, 'domain', '"Ample.com" must be lower case'],
		[3, 'port', '"70000" is not a port (an integer from 1 to 65535)'],
		[3, 'start_time', '"25:00" is not a time of day (HH:MM, 00:00-23:59)'],
		[3, 'stop_time', 'a time window needs both start_time and stop_time'],
	]);
	const j = importRules(JSON.stringify({ format: 'splitwg-rules', version: 1, rules: [{ action: 'block', upstream: 'us' }, { colour: 'red' }, 7] }));
	assert.deepEqual(j.errors.map((e) => [e.rule, e.field, say(e.text)]), [
		[1, 'upstream', 'only a proxy rule takes an upstream (action is block)'],
		[2, 'colour', 'unknown field "colour" (known: name, enabled, action, upstream, domain, dest, proto, port, start_time, stop_time, weekdays)'],
		[3, undefined, 'a rule must be an object'],
	]);
	assert.equal(importRules('name,color\nx,y\n').errors[0].field, 'color');
	assert.equal(say(importRules('{"rules": [}').errors[0].text).startsWith('not valid JSON'), true);
	assert.equal(say(importRules('{"format": "other", "version": 2, "rules": []}').errors[0].text), 'not a splitwg rule export (format must be "splitwg-rules")');
	assert.equal(say(importRules('   ').errors[0].text), 'nothing to import');
	assert.equal(say(importRules('name,action\nx\n').errors[0].text), '1 fields, the header has 2');
	// a bare JSON array of rules is accepted
	assert.deepEqual(importRules('[{"action":"direct","dest":["192.0.2.0/24"]}]').rules, [{ action: 'direct', dest: ['192.0.2.0/24'] }]);
});
