// Rule ownership, ordering within an owner, summaries and bulk paste.
import { test } from 'vitest';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { ownerOf, ownerKey, parseOwner, rulesOf, orphanRules, moveStep, applyMove, matchSummary, parseBulk, newRuleOptions, listOf } from '../../src/luci/_rules';
import type { Section } from '../../src/luci/_rules';
import { tr } from '../../src/luci/_msg';
import { say } from '../../src/luci/_msg';

const rule = (sid: string, owner: string): Section => {
	const o = parseOwner(owner)!;
	return { sid, type: 'rule', opts: { [o.kind]: o.name } };
};

test('owner keys', () => {
	assert.equal(ownerOf({ client: 'tv' }), 'client:tv');
	assert.equal(ownerOf({ ruleset: 'streaming' }), 'ruleset:streaming');
	assert.equal(ownerOf({ client: 'tv', ruleset: 'x' }), null);
	assert.equal(ownerOf({}), null);
	assert.deepEqual(parseOwner(ownerKey('client', 'a_b')), { kind: 'client', name: 'a_b' });
	assert.equal(parseOwner('nonsense'), null);
});

test('rulesOf keeps file order; orphans are found', () => {
	const secs: Section[] = [
		{ sid: 'tv', type: 'client', opts: {} }, { sid: 's', type: 'ruleset', opts: {} },
		rule('r1', 'client:tv'), rule('r2', 'ruleset:s'), rule('r3', 'client:tv'), rule('r4', 'client:gone'),
		{ sid: 'r5', type: 'rule', opts: {} },
	];
	assert.deepEqual(rulesOf(secs, 'client:tv'), ['r1', 'r3']);
	assert.deepEqual(orphanRules(secs), ['r4', 'r5']);
});

test('moveStep: one step within the owner, null at the ends', () => {
	assert.deepEqual(moveStep(['a', 'b', 'c'], 'b', -1), { sid: 'b', ref: 'a', after: false });
	assert.deepEqual(moveStep(['a', 'b', 'c'], 'b', 1), { sid: 'b', ref: 'c', after: true });
	assert.equal(moveStep(['a', 'b'], 'a', -1), null);
	assert.equal(moveStep(['a', 'b'], 'b', 1), null);
	assert.equal(moveStep(['a', 'b'], 'x', 1), null);
});

// Any sequence of up/down steps on one owner's rules: the owner's rules are
// permuted exactly as an array swap would, every other section keeps its
// relative order, and nothing is lost.
test('moving an owner\'s rules never disturbs the others (property)', () => {
	const arb = fc.record({
		owners: fc.array(fc.constantFrom('client:a', 'client:b', 'ruleset:s', 'x'), { minLength: 2, maxLength: 14 }),
		steps: fc.array(fc.record({ i: fc.nat(20), up: fc.boolean() }), { maxLength: 12 }),
	});
	fc.assert(fc.property(arb, ({ owners, steps }) => {
		const secs = owners.map((o, i) => o === 'x' ? { sid: `s${i}`, type: 'client', opts: {} } : rule(`s${i}`, o));
		let order = secs.map((s) => s.sid);
		const owner = 'client:a';
		const mine = () => order.filter((sid) => ownerOf(secs.find((s) => s.sid === sid)!.opts) === owner);
		let expect = mine();
		for (const st of steps) {
			const m = mine();
			if (!m.length) break;
			const sid = m[st.i % m.length];
			const mv = moveStep(m, sid, st.up ? -1 : 1);
			const j = expect.indexOf(sid), k = j + (st.up ? -1 : 1);
			if (!mv) { assert.ok(k < 0 || k >= expect.length); continue; }
			order = applyMove(order, mv);
			[expect[j], expect[k]] = [expect[k], expect[j]];
			expect = expect.slice();
		}
		assert.deepEqual(mine(), expect);
		assert.deepEqual([...order].sort(), secs.map((s) => s.sid).sort());
		const others = (o: string[]) => o.filter((sid) => ownerOf(secs.find((s) => s.sid === sid)!.opts) !== owner);
		assert.deepEqual(others(order), others(secs.map((s) => s.sid)));
	}), { numRuns: 300 });
});

test('match summary', () => {
	const t = (o: any) => matchSummary(o).map((m) => tr(m)).join(' · ');
	assert.equal(t({}), 'any traffic');
	assert.equal(t({ domain: ['a.com', 'b.com', 'c.com', 'd.com'], port: '443', proto: 'tcp' }), 'domains a.com, b.com, c.com +1 · protocol tcp · port 443');
	assert.equal(t({ dest: '192.0.2.0/24', start_time: '20:00', stop_time: '06:30', weekdays: ['Sat', 'Sun'] }), 'addresses 192.0.2.0/24 · time 20:00–06:30 · days Sat Sun');
	assert.equal(t({ proto: ['all'] }), 'any traffic');
	assert.deepEqual(listOf('a  b'), ['a', 'b']);
});

test('bulk paste: domains, addresses, URLs, wildcards, comments, duplicates, errors by line', () => {
	const b = parseBulk([
		'# streaming',
		'Netflix.com, nflxvideo.net',
		'https://www.example.org/page?x=1',
		'*.cdn.example  .other.example',
		'203.0.113.0/24 2001:db8::/32 192.0.2.7',
		'netflix.com',
		'10.0.0.1/8',
		'bad_domain.example',
		'localhost',
		'http://[2001:db8::1]:8080/x',
	].join('\n'));
	assert.deepEqual(b.domains, ['netflix.com', 'nflxvideo.net', 'www.example.org', 'cdn.example', 'other.example']);
	assert.deepEqual(b.dests, ['203.0.113.0/24', '2001:db8::/32', '192.0.2.7', '2001:db8::1']);
	assert.equal(b.duplicates, 1);
	assert.deepEqual(b.errors.map((e) => [e.line, say(e.text)]), [
		[7, '"10.0.0.1/8" has host bits set (did you mean 10.0.0.0/8?)'],
		[8, '"bad_domain.example" is not a domain name'],
		[9, '"localhost" has no dot: not taken as a domain'],
	]);
});

test('a new rule names its owner and drops empty fields', () => {
	assert.deepEqual(newRuleOptions('client:tv', { name: '', action: 'proxy', upstream: '', domain: ['a.com'], dest: [] }),
		{ client: 'tv', action: 'proxy', domain: ['a.com'] });
	assert.deepEqual(newRuleOptions('ruleset:s', {}), { ruleset: 's' });
	assert.deepEqual(newRuleOptions('bogus', { action: 'block' }), {});
});
