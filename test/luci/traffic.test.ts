// The overview's live traffic: rates from successive stats replies, the
// chart's history and its SVG path (src/luci/_traffic.ts).
import { test } from 'vitest';
import assert from 'node:assert/strict';
import { appendPoint, areaPath, chartSvg, liveRate, niceMax, pathRows, perSecond, rates, sample } from '../../src/luci/_traffic';
import type { Stats } from '../../src/luci/_rpc';

const paths = (direct: number, proxy: number, block: number) => ({ direct, proxy, block, ruleset: 0 });
function stats(usRx: number, usTx: number, phoneTx: number | null, laptop: number): Stats {
	return {
		upstreams: [{ name: 'us', packets: 0, up: true, handshake_age: 3, rx: usRx, tx: usTx }, { name: 'eu', packets: 0, up: false, handshake_age: null, rx: 0, tx: 0 }],
		clients: [
			{ name: 'laptop', rules: [], default: { packets: 0, bytes: 0 }, paths: paths(laptop, 2, 0), rx: null, tx: null },
			{ name: 'phone', rules: [], default: { packets: 0, bytes: 0 }, paths: paths(0, 0, 0), rx: 10, tx: phoneTx },
		],
		rulesets: [],
	};
}

test('a counter\'s rate per second; none without an earlier reading or when it went back', () => {
	assert.equal(perSecond(1000, 6000, 5), 1000);
	assert.equal(perSecond(7, 7, 5), 0);
	assert.equal(perSecond(undefined, 6000, 5), null);
	assert.equal(perSecond(null, 6000, 5), null);
	assert.equal(perSecond(6000, 1000, 5), null, 'reset (table reloaded, tunnel restarted)');
	assert.equal(perSecond(1000, 6000, 0), null, 'two samples at the same time');
	assert.equal(perSecond(1000, null, 5), null, 'a LAN device has no tunnel bytes');
});

test('rates between two samples: per upstream, their total, per client and path', () => {
	const a = sample(10_000, stats(1_000_000, 20_000, 500, 10));
	const first = rates(null, a);
	assert.deepEqual(first.total, { rx: null, tx: null }, 'the first sample has no rate');
	assert.deepEqual(first.upstreams.us, { rx: null, tx: null });
	const b = sample(15_000, stats(1_512_000, 25_000, 5500, 40));
	const r = rates(a, b);
	assert.deepEqual(r.upstreams.us, { rx: 102_400, tx: 1000 });
	assert.deepEqual(r.upstreams.eu, { rx: 0, tx: 0 });
	assert.deepEqual(r.total, { rx: 102_400, tx: 1000 });
	assert.deepEqual(r.clients.laptop, { direct: 6, proxy: 0, block: 0, rx: null, tx: null, bytes: {} });
	assert.deepEqual(r.clients.phone, { direct: 0, proxy: 0, block: 0, rx: 0, tx: 1000, bytes: {} });
	// an upstream added by an apply between the samples: no rate yet, the total is the others'
	const c = sample(20_000, { ...stats(1_512_000, 25_000, 5500, 40), upstreams: [...stats(1_512_000, 25_000, 5500, 40).upstreams, { name: 'nl', packets: 0, up: true, handshake_age: 1, rx: 9, tx: 9 }] });
	assert.deepEqual(rates(b, c).upstreams.nl, { rx: null, tx: null });
	assert.deepEqual(rates(b, c).total, { rx: 0, tx: 0 });
});

test('the history keeps the newest points', () => {
	let h: number[] = [];
	for (let i = 1; i <= 5; i++) h = appendPoint(h, i, 3);
	assert.deepEqual(h, [3, 4, 5]);
	assert.deepEqual(appendPoint([], 7), [7]);
});

test('the scale is a round number of its unit at or above the largest value', () => {
	assert.equal(niceMax([]), 1);
	assert.equal(niceMax([0, 0]), 1);
	assert.equal(niceMax([3]), 5);
	assert.equal(niceMax([100]), 100);
	assert.equal(niceMax([101, 7]), 200);
	assert.equal(niceMax([600_000]), 1000 * 1024, '585.9 KiB: 1000 KiB');
	assert.equal(niceMax([102_400]), 100 * 1024);
	assert.equal(niceMax([3 * 1048576 + 1]), 5 * 1048576);
	assert.equal(niceMax([0.3]), 0.5);
});

test('data → SVG path: newest at the right edge, 0 at the bottom, max at the top, clamped', () => {
	assert.equal(areaPath([], 100, 50, 10), '');
	// 3 slots over 100 px: a step of 50; two values start at the middle
	assert.equal(areaPath([0, 10], 100, 50, 10, 3), 'M50,50L50,50L100,0L100,50Z');
	assert.equal(areaPath([5, 20, -1], 100, 50, 10, 3), 'M0,50L0,25L50,0L100,50L100,50Z');
	const svg = chartSvg([1, 2], [0, 1], 2, 600, 80);
	assert.match(svg, /^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" viewBox="0 0 600 80"/);
	assert.ok(svg.includes(`data-series="rx" d="${areaPath([1, 2], 600, 80, 2)}"`));
	assert.ok(svg.includes(`data-series="tx" d="${areaPath([0, 1], 600, 80, 2)}"`));
});

test('bytes of open connections: rows by path, rates clamped at 0 when a connection closed', () => {
	assert.deepEqual(pathRows({ direct: { up: 1, down: 2 }, proxy: { us: { up: 3, down: 4 } } }),
		[{ path: 'direct', up: 1, down: 2 }, { path: 'us', up: 3, down: 4 }]);
	assert.equal(pathRows(null), null, 'a client known by MAC or interface');
	assert.equal(pathRows(undefined), null, 'a router before bytes by path');
	assert.equal(liveRate(1000, 6000, 5), 1000);
	assert.equal(liveRate(6000, 1000, 5), 0, 'a connection closed: its bytes left the sum');
	assert.equal(liveRate(null, 1000, 5), null);
	assert.equal(liveRate(1000, 6000, 0), null);
	const withBytes = (direct: number, us: number | null): Stats => {
		const s = stats(0, 0, null, 1);
		s.clients[0]!.bytes = { direct: { up: direct, down: 10 * direct }, proxy: us === null ? {} : { us: { up: us, down: us } } };
		return s;
	};
	const a = sample(0, withBytes(1000, null)), b = sample(5000, withBytes(6000, 500)), c = sample(10_000, withBytes(2000, 1000));
	assert.deepEqual(rates(null, a).clients.laptop!.bytes, { direct: { up: null, down: null } });
	// `us` had no open connection before: from 0
	assert.deepEqual(rates(a, b).clients.laptop!.bytes, { direct: { up: 1000, down: 10000 }, us: { up: 100, down: 100 } });
	assert.deepEqual(rates(b, c).clients.laptop!.bytes, { direct: { up: 0, down: 0 }, us: { up: 100, down: 100 } });
	assert.deepEqual(rates(b, c).clients.phone!.bytes, {}, 'no bytes: no rows');
});
