// nft refuses a rule comment over 128 bytes, and with it the whole table.
import { test } from 'node:test';
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
	assert.ok(r.plan!.nft.includes(`comment "client.${long}.rule[1] (éé`));
	const res = nftCheck(r.plan!.nft);
	assert.ok(res.ok, res.stderr);
});

