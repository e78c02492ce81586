// The router's local networks from its main table (routes.ts), and apply
// compiling them into the table.
import { test } from 'vitest';
import assert from 'node:assert/strict';
import { localNetworks } from '../../src/router/routes';
import { apply } from '../../src/router/apply';
import { fakeRouter } from './fakes';
import { openwrt } from './openwrt';

test('every main-table route but the default and those via sw_* is local', () => {
	const r = fakeRouter({ uci: openwrt() });
	r.routes = {
		4: [
			{ dst: 'default', gateway: '203.0.113.1', dev: 'eth1' },
			{ dst: '192.168.1.0/24', dev: 'br-lan', scope: 'link' },
			{ dst: '203.0.113.0/24', dev: 'eth1', scope: 'link' },                 // the WAN subnet
			{ dst: '10.50.0.0/16', gateway: '192.168.1.2', dev: 'br-lan' },        // a LAN behind another router
			{ dst: '10.77.0.0/24', dev: 'sw_server', scope: 'link' },              // ours: the pool comes from the config
			{ dst: '10.77.0.2', dev: 'sw_server', scope: 'link' },
			{ dst: '10.64.0.0/24', nexthops: [{ dev: 'sw_us' }, { dev: 'eth1' }] },
			{ dst: '192.168.1.0/24', dev: 'br-lan' },                              // twice: once
		],
		6: [{ dst: 'default', dev: 'eth1' }, { dst: 'fd00:1::/64', dev: 'br-lan' }, { type: 'unreachable', dst: 'fd00::/48', dev: 'lo' }],
	};
	assert.deepEqual(localNetworks(r.env, true), { local: ['192.168.1.0/24', '203.0.113.0/24', '10.50.0.0/16', 'fd00:1::/64', 'fd00::/48'], ok: true });
	assert.deepEqual(localNetworks(r.env, false).local, ['192.168.1.0/24', '203.0.113.0/24', '10.50.0.0/16'], 'IPv6 off: v4 only');
	r.routes[6] = null;
	assert.deepEqual(localNetworks(r.env, true), { local: ['192.168.1.0/24', '203.0.113.0/24', '10.50.0.0/16'], ok: false });
});

test('apply puts the local networks into the table, and says when it cannot read them', () => {
	const r = fakeRouter({ uci: openwrt() });
	const a = apply(r.env);
	assert.equal(a.ok, true, a.message);
	assert.match(r.table ?? '', /set local4 \{[^}]*elements = \{ 10\.77\.0\.0\/24, 192\.168\.1\.0\/24 \}/);
	assert.match(r.table ?? '', /set local6 \{[^}]*elements = \{ fd77:77::\/64, fd00:1::\/64 \}/);
	r.routes = { 4: null, 6: null };
	const b = apply(r.env);
	assert.ok(b.warnings.some((w) => /cannot read the main routing table/.test(w)), JSON.stringify(b.warnings));
	assert.match(r.table ?? '', /set local4 \{[^}]*elements = \{ 10\.77\.0\.0\/24 \}/, 'the pool only');
});
