// Parsing what the kernel and wg report: real `nft -j` output of the golden
// table (loaded in a private network namespace), and `wg show dump`.
import { test } from 'vitest';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { nftRules } from '../../src/router/status';
import { parseDump } from '../../src/router/wg';
import { readConfig, parseUci, compile } from '../../src/core/index';
import { HOME } from './openwrt';

function realJson(nft: string): any[] | null {
	const r = spawnSync('unshare', ['--net', 'sh', '-c', 'nft -f - && nft -j list table inet splitwg'], { input: nft, encoding: 'utf8' });
	if (r.error || r.status !== 0) return null;
	return JSON.parse(r.stdout).nftables;
}

test('counters and verdicts from real nft -j output of the golden table', (t) => {
	const plan = compile(readConfig(parseUci(HOME).sections).config!);
	const doc = realJson(plan.nft);
	if (!doc) { t.skip('needs root and nft (unshare --net)'); return; }
	const rules = nftRules(doc);
	const laptop = rules.filter((r) => r.chain === 'client_laptop');
	assert.deepEqual(laptop.map((r) => [r.comment.split(':')[0], r.verdict]), [
		['client.laptop.rule[0]', 'mark_direct'],
		['client.laptop.rule[0]', 'mark_direct'],
		['client.laptop.rule[1]', 'up_eu'],
		['client.laptop.rule[2]', 'mark_direct'],
		['client.laptop.rule[3]', 'drop'],
		// from the first rule with a time condition on, the packet only is marked
		['client.laptop.rule[4]', 'mark_direct_pkt'],
		['client.laptop.rule[4]', 'mark_direct_pkt'],
		['client laptop default', 'up_us_pkt'],
	]);
	assert.ok(laptop.every((r) => r.counter !== null && r.counter.packets === 0));
	// every client chain of the plan is there, each ending in its default
	for (const c of plan.clients) {
		const mine = rules.filter((r) => r.chain === c.chain);
		assert.ok(mine.length >= 1, c.chain);
		assert.match(mine[mine.length - 1].comment, new RegExp(`^client ${c.name} default: `));
	}
});

test('wg show dump: the interface line (private key) is skipped', () => {
	const dump = 'PRIVATEKEYxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx=\tPUB=\t51820\toff\n' +
		'peerA=\t(none)\t203.0.113.5:51820\t0.0.0.0/0,::/0\t1800000000\t123\t456\t25\n' +
		'peerB=\tpsk=\t(none)\t(none)\t0\t0\t0\toff\n';
	assert.deepEqual(parseDump(dump), [
		{ public_key: 'peerA=', endpoint: '203.0.113.5:51820', allowed_ips: ['0.0.0.0/0', '::/0'], latest_handshake: 1800000000, rx: 123, tx: 456, keepalive: 25 },
		{ public_key: 'peerB=', endpoint: null, allowed_ips: [], latest_handshake: 0, rx: 0, tx: 0, keepalive: null },
	]);
	assert.ok(!JSON.stringify(parseDump(dump)).includes('PRIVATEKEY'));
});
