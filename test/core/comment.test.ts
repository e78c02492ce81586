// nft refuses a rule comment over 128 bytes, and with it the whole table.
import { test } from 'vitest';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { parseUci, plan } from '../../src/core/index';
import type { UciSection } from '../../src/core/uci';
import { nftCheck } from '../helpers/nft';

const home = () => parseUci(fs.readFileSync('test/golden/home/splitwg', 'utf8')).sections;
const named = (type: string, name: string) => (s: UciSection[]) => s.find((x) => x.type === type && x.name === name)!;

test('rule comments stay within nft\'s 128 bytes, however long the names and labels', () => {
	const long = 'c'.repeat(32), up = 'u'.repeat(12);
	const s = home();
	const us = named('upstream', 'us')(s);
	us.name = up; us.options.enabled = '0';
	const laptop = named('client', 'laptop')(s);
	laptop.name = long; laptop.options.upstream = up;
	for (const r of s.filter((x) => x.type === 'rule' && x.options.client === 'laptop')) { r.options.client = long; r.options.name = 'é'.repeat(32); delete r.options.upstream; }
	named('client', 'tv')(s).options.upstream = up;
	const r = plan(s);
	assert.deepEqual(r.problems, []);
	assert.ok(r.plan!.nft.includes(`comment "client.${long}.rule[1]: `));
	const res = nftCheck(r.plan!.nft);
	assert.ok(res.ok, res.stderr);
});

// The table is a file nft parses: a rule's label is user text and stays out of it (explain shows it).
test('no rule, rule set or upstream label reaches the nft table; comments name the rule id', () => {
	const s = home();
	const labels = s.flatMap((x) => (typeof x.options.name === 'string' ? [x.options.name] : []));
	assert.ok(labels.includes('Bank direct') && labels.includes('Video'));
	const r = plan(s);
	assert.deepEqual(r.problems, []);
	for (const l of labels) assert.ok(!r.plan!.nft.includes(l), `label "${l}" is in the nft table`);
	assert.match(r.plan!.nft, /counter goto mark_direct comment "client\.laptop\.rule\[0\]: direct"/);
	assert.match(r.plan!.nft, /set c_laptop_0_n4 \{\t# client\.laptop\.rule\[0\]\n/);
});

