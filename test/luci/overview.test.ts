// The overview in the LuCI harness (test/luci/harness.ts): the traffic
// section from a stats reply, and what the next poll's reply changes.
import { test } from 'vitest';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { harness } from './harness';

const CONFIG = fs.readFileSync('test/golden/home/splitwg', 'utf8');
const paths = (direct: number, proxy: number, block: number) => ({ direct, proxy, block, ruleset: 0 });

// the router's answer after `n` polls: us receives 100 KiB/s and sends 1 KiB/s,
// laptop opens 12 direct connections a minute (one each 5 s poll); its open
// connections move 2 KiB/s down direct and 50 KiB/s down through us; phone is
// known by MAC only (no bytes by address)
function stats(n: number, missing: string | null = null) {
	return {
		clients: [
			{ name: 'laptop', rules: [{ rule: 'client.laptop.rule[1]', packets: 40 + n, bytes: 0 }, { rule: 'client.laptop.rule[0]', packets: 3, bytes: 0 }],
				default: { packets: 9, bytes: 0 }, rulesets: [], paths: paths(10 + n, 49 + n, 0), rx: null, tx: null,
				bytes: { direct: { up: 1024, down: 10240 + n * 10240 }, proxy: { us: { up: 2048 + n * 1024, down: 1048576 + n * 256000 } } } },
			{ name: 'phone', rules: [], default: { packets: 0, bytes: 0 }, rulesets: [], paths: paths(0, 0, 0), rx: 2048, tx: 1048576 + n * 5120, bytes: null },
		],
		bytes: { source: 'conntrack', missing, connections: 3, unattributed: { direct: { up: 512, down: 4096 }, proxy: {} } },
		rulesets: [{ name: 'rs_streaming_0', ruleset: 'streaming', clients: ['tv'], rules: [{ rule: 'ruleset.streaming.rule[0]', packets: 7, bytes: 0 }] }],
		upstreams: [
			{ name: 'us', packets: 50, bytes: 0, up: true, handshake_age: 42, rx: 5 * 1048576 + n * 512000, tx: 20480 + n * 5120 },
			{ name: 'eu', packets: 0, bytes: 0, up: false, handshake_age: null, rx: 0, tx: 0 },
		],
		dropped: { leak: 0, dot: 0 }, dns_hijacked: 0,
	};
}

const text = (n: any) => String(n.textContent).replace(/\s+/g, ' ').trim();
const rows = (table: any) => [...table.querySelectorAll('tr')].slice(1).map((tr: any) => [...tr.querySelectorAll('td')].map(text));

test('overview: the traffic section from a stats reply, updated by the next poll', async () => {
	let polled = 0;
	let now = 1_800_000_000_000;
	const realNow = Date.now;
	Date.now = () => now;
	try {
		const h = harness('overview', CONFIG, {
			'splitwg.status': () => ({ enabled: true, version: '0.1.0', upstreams: [], clients: [], last_apply: null, pending: false, warnings: [] }),
			'splitwg.check': () => ({ valid: true, problems: [] }),
			'splitwg.doctor': () => ({ ok: true, findings: [] }),
			'splitwg.stats': () => stats(polled),
		});
		const page = await h.open();
		const section = [...page.querySelectorAll('.cbi-section')].find((s: any) => text(s.querySelector('h3') ?? { textContent: '' }) === 'Traffic');
		assert.ok(section, 'a Traffic section');
		let [ups, cls, hits] = [...section.querySelectorAll('table')];
		assert.deepEqual(rows(ups), [['us (US exit)', '42 s ago', '5.0 MiB', '20.0 KiB'], ['eu', 'down', '0 B', '0 B']], 'totals, no rate from one sample');
		assert.deepEqual(rows(cls), [
			['laptop', '10', '49', '0', 'direct: ↓ 10.0 KiB / ↑ 1.0 KiBus (US exit): ↓ 1.0 MiB / ↑ 2.0 KiB', '-'],
			['phone', '0', '0', '0', 'not by address', '↓ 1.0 MiB / ↑ 2.0 KiB'],
		]);
		assert.equal(text(section.querySelector('[data-unattributed]')), 'Not by a client\'s address (clients known by MAC or interface): direct ↓ 4.0 KiB / ↑ 512 B');
		// most hits first, named as the rules page names them, linked to it
		assert.deepEqual(rows(hits), [
			['Client laptop, rule 2 (Web via EU)', '40'], ['Rule set streaming, rule 1 (Video)', '7'], ['Client laptop, rule 1 (Bank direct)', '3'],
		]);
		assert.match(hits.querySelector('a').getAttribute('href'), /\/admin\/services\/splitwg\/rules#client:laptop$/);
		const chart = section.querySelector('svg');
		assert.ok(chart, 'the chart');
		assert.equal(chart.querySelector('[data-series="rx"]').getAttribute('d'), '', 'no point yet');

		// LuCI's poll, 5 s later: the section is drawn again from the new reply
		polled = 1;
		now += 5000;
		await h.tick();
		assert.ok(h.calls.filter((c) => c === 'splitwg.stats').length >= 2, 'stats asked again');
		[ups, cls, hits] = [...section.querySelectorAll('table')];
		assert.deepEqual(rows(ups)[0], ['us (US exit)', '42 s ago', '5.4 MiB · 100.0 KiB/s', '25.0 KiB · 1.0 KiB/s']);
		assert.deepEqual(rows(cls)[0], ['laptop', '11 · 12/min', '50 · 12/min', '0 · 0/min',
			'direct: ↓ 20.0 KiB / ↑ 1.0 KiB · ↓ 2.0 KiB/s ↑ 0 B/sus (US exit): ↓ 1.2 MiB / ↑ 3.0 KiB · ↓ 50.0 KiB/s ↑ 205 B/s', '-']);
		assert.deepEqual(rows(cls)[1], ['phone', '0 · 0/min', '0 · 0/min', '0 · 0/min', 'not by address', '↓ 1.0 MiB / ↑ 2.0 KiB · 1.0 KiB/s']);
		assert.deepEqual(rows(hits)[0], ['Client laptop, rule 2 (Web via EU)', '41']);
		const d = section.querySelector('svg [data-series="rx"]').getAttribute('d');
		assert.match(d, /^M600,80L600,[0-9.]+L600,80Z$/, 'one point, at the right edge');
		assert.match(text(section), /↓ received 100\.0 KiB\/s/);
		assert.match(text(section), /the top line is 100\.0 KiB\/s/);

		// and a third: two points, the older one step to the left
		polled = 2;
		now += 5000;
		await h.tick();
		assert.match(section.querySelector('svg [data-series="rx"]').getAttribute('d'), /^M589\.8,80L589\.8,[0-9.]+L600,[0-9.]+L600,80Z$/);
	} finally {
		Date.now = realNow;
	}
});

test('overview: without conntrack accounting the traffic section says why there are no bytes by path', async () => {
	const h = harness('overview', CONFIG, {
		'splitwg.status': () => ({ enabled: true, version: '0.1.0', upstreams: [], clients: [], last_apply: null, pending: false, warnings: [] }),
		'splitwg.check': () => ({ valid: true, problems: [] }),
		'splitwg.doctor': () => ({ ok: true, findings: [] }),
		'splitwg.stats': () => stats(0, 'accounting'),
	});
	const page = await h.open();
	const section = [...page.querySelectorAll('.cbi-section')].find((s: any) => text(s.querySelector('h3') ?? { textContent: '' }) === 'Traffic');
	assert.match(text(section.querySelector('.alert-message.notice')), /conntrack accounting is off \(net\.netfilter\.nf_conntrack_acct is 0; OpenWrt sets 1\)\. splitwg does not change it\./);
	const cls = [...section.querySelectorAll('table')][1];
	assert.deepEqual(rows(cls).map((r: string[]) => r[4]), ['-', '-']);
	assert.equal(section.querySelector('[data-unattributed]'), null);
});
