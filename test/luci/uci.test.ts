// LuCI's UCI section objects → the core's sections (the browser's whole-
// config check sees what the router will), and problem paths → places.
import { test } from 'vitest';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { parseUci, readConfig, check } from '../../src/core/index';
import type { UciSection } from '../../src/core/uci';
import { toCoreSections, toSections, placeOf } from '../../src/luci/_uci';
import type { LuciSection } from '../../src/luci/_uci';
import { tr } from '../../src/luci/_msg';

// What LuCI's uci.sections('splitwg') holds for a parsed file: generated
// names for anonymous sections, '.index', lists as arrays, in any key order.
function asLuci(secs: UciSection[]): LuciSection[] {
	return secs.map((s, i) => ({ ...s.options, '.name': s.anonymous ? `cfg${(0x100 + i).toString(16)}` : s.name, '.type': s.type, '.anonymous': s.anonymous, '.index': i }))
		.reverse();
}
const home = () => parseUci(fs.readFileSync('test/golden/home/splitwg', 'utf8')).sections;

test('the golden configs read the same through LuCI\'s section objects', () => {
	for (const g of fs.readdirSync('test/golden')) {
		const f = `test/golden/${g}/splitwg`;
		if (!fs.existsSync(f)) continue;
		const secs = parseUci(fs.readFileSync(f, 'utf8')).sections;
		const back = toCoreSections(asLuci(secs));
		assert.deepEqual(back, secs, g);
		assert.deepEqual(readConfig(back), readConfig(secs), g);
	}
});

test('problems found in the browser are the router\'s problems', () => {
	const secs = home();
	secs.filter((s) => s.type === 'rule')[4].options.port = ['70000'];
	assert.deepEqual(check(toCoreSections(asLuci(secs))), check(secs));
	assert.equal(check(secs)[0].path, 'client.laptop.rule[1].port[0]');
});

test('problem paths point to the page, section and option that edit them', () => {
	const secs = toSections(asLuci(home()));
	const laptopRules = secs.filter((s) => s.type === 'rule' && s.opts.client === 'laptop');
	const p = placeOf('client.laptop.rule[1].port[0]', secs);
	assert.deepEqual({ ...p, where: tr(p.where) }, { page: 'rules', sid: laptopRules[1].sid, option: 'port', owner: 'client:laptop', where: 'Client laptop, rule 2 (Web via EU)' });
	const q = placeOf('ruleset.streaming.rule[0].domain[0]', secs);
	assert.equal(q.owner, 'ruleset:streaming');
	assert.equal(tr(q.where), 'Rule set streaming, rule 1 (Video)');
	const cases: [string, string, string | null, string | null][] = [
		['globals.mark_mask', 'overview', null, 'mark_mask'],
		['globals', 'overview', null, null],
		['server.private_key', 'clients', 'server', 'private_key'],
		['upstream.us.endpoint', 'upstreams', 'us', 'endpoint'],
		['upstream.us.address[1]', 'upstreams', 'us', 'address'],
		['upstream.us', 'upstreams', 'us', null],
		['group.exits.member[1]', 'upstreams', 'exits', 'member'],
		['group.exits', 'upstreams', 'exits', null],
		['client.tv.ruleset[0]', 'clients', 'tv', 'ruleset'],
		['client.tv', 'clients', 'tv', null],
		['ruleset.streaming', 'rules', 'streaming', null],
		['client.laptop.rule[9]', 'rules', null, null],
	];
	for (const [path, page, sid, option] of cases) {
		const pl = placeOf(path, secs);
		assert.deepEqual([pl.page, pl.sid, pl.option], [page, sid, option], path);
	}
	const orphan = placeOf('rule @rule[1].client', secs);
	assert.equal(orphan.sid, secs.filter((s) => s.type === 'rule')[1].sid);
	assert.equal(placeOf('whatever', secs).page, 'overview');
});
