// Upstream names for imported files, and import_conf's reply → UCI options:
// what the router's parser accepts, stored as the view stores it, is a
// valid upstream for the core.
import { test } from 'vitest';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { suggestName, importedOptions } from '../../src/luci/_upstream';
import { badName } from '../../src/core/values';
import { readConfig } from '../../src/core/index';
import { parseProviderConf } from '../../src/router/conf';

test('names from file names and endpoints', () => {
	assert.equal(suggestName('wg-US-NY-12.conf', []), 'us_ny_12');
	assert.equal(suggestName('C:\\Users\\me\\Downloads\\mullvad-se-sto.conf', []), 'mullvad_se_s');
	assert.equal(suggestName('nl-ams-wg-001.example.net:51820', []), 'nl_ams_wg_00');
	assert.equal(suggestName('[2001:db8::1]:51820', []), 'up_2001_db8');
	assert.equal(suggestName('123.conf', []), 'up_123');
	assert.equal(suggestName('server.conf', []), 'server_2');
	assert.equal(suggestName('us.conf', ['us', 'us_2']), 'us_3');
	assert.equal(suggestName('', []), 'up');
});

test('a suggested name is always valid and new (property)', () => {
	fc.assert(fc.property(fc.string({ maxLength: 40 }), fc.array(fc.stringMatching(/^[a-z][a-z0-9_]{0,11}$/), { maxLength: 5 }), (src, taken) => {
		const n = suggestName(src, taken);
		assert.equal(badName(n, 12), null, n);
		assert.ok(taken.indexOf(n) < 0 && n !== 'server', n);
	}), { numRuns: 500 });
});

const CONF = `[Interface]
PrivateKey = aHwpXNF7S3nk8HbdjlHKNzV8yZxDl6pkWKl4zNzM1Xk=
Address = 10.66.12.34/32, fc00:bbbb:bbbb:bb01::3:2a1f/128
DNS = 10.64.0.1
MTU = 1380

[Peer]
PublicKey = 5JMPeO7gXIbR5CnUa/NPNK4L5GqUnreF0/Bozai4pl4=
PresharedKey = YGaRYyHfxvrmj2pPCb7s0+l4Z2oliNUt7BeLpAYlUVk=
AllowedIPs = 0.0.0.0/0, ::/0
Endpoint = nl-ams-wg-001.example.net:51820
PersistentKeepalive = 25
`;

test('import_conf\'s upstream, stored by the view, is a valid upstream', () => {
	const r: any = parseProviderConf(CONF, 'nl');
	assert.ok(r.upstream, JSON.stringify(r));
	const o = importedOptions(r.upstream, 'NL exit');
	assert.deepEqual(o, {
		name: 'NL exit', private_key: 'aHwpXNF7S3nk8HbdjlHKNzV8yZxDl6pkWKl4zNzM1Xk=', address: ['10.66.12.34/32', 'fc00:bbbb:bbbb:bb01::3:2a1f/128'],
		public_key: '5JMPeO7gXIbR5CnUa/NPNK4L5GqUnreF0/Bozai4pl4=', preshared_key: 'YGaRYyHfxvrmj2pPCb7s0+l4Z2oliNUt7BeLpAYlUVk=',
		endpoint: 'nl-ams-wg-001.example.net:51820', allowed_ips: ['0.0.0.0/0', '::/0'], mtu: '1380', keepalive: '25', dns: ['10.64.0.1'],
	});
	const cfg = readConfig([{ type: 'upstream', name: 'nl', anonymous: false, options: o }]);
	assert.deepEqual(cfg.problems, []);
	// optional fields stay out
	assert.deepEqual(Object.keys(importedOptions({ private_key: 'k', address: ['a'], public_key: 'p', endpoint: 'e', mtu: null, keepalive: null, dns: [], allowed_ips: [] })),
		['private_key', 'address', 'public_key', 'endpoint']);
});
