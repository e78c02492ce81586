// Provider .conf import (errors by line) and the road-warrior peer .conf.
import { test } from 'vitest';
import assert from 'node:assert/strict';
import { parseProviderConf, peerConf, upstreamOptions } from '../../src/router/conf';
import { nameFromFile } from '../../src/core/onboard';
import { readConfig, parseUci } from '../../src/core/index';
import type { Config } from '../../src/core/model';
import { fakeRouter, fakePub } from './fakes';
import { openwrt, HOME } from './openwrt';

const PROVIDER = `# Mullvad-style file
[Interface]
PrivateKey = WEwUzEUb44RdC/egGl/x1/s2dDe7FpJT70QWsXzeYk8=
Address = 10.64.12.34/32, fc00:bbbb:bbbb:bb01::c:1222/128
DNS = 10.64.0.1, corp.example
ListenPort = 51820

[Peer]
PublicKey = FoP/cHfO+s0I5s6RoBsLjJfNo9m64W+6HsqdDECy42E=
AllowedIPs = 0.0.0.0/0,::0/0
Endpoint = 185.65.134.66:51820
PersistentKeepalive = 25
`;

test('a provider .conf becomes upstream fields', () => {
	const r = parseProviderConf(PROVIDER, 'se');
	assert.ok('upstream' in r, JSON.stringify(r));
	assert.deepEqual(r.upstream, {
		name: 'se',
		private_key: 'WEwUzEUb44RdC/egGl/x1/s2dDe7FpJT70QWsXzeYk8=',
		address: ['10.64.12.34/32', 'fc00:bbbb:bbbb:bb01::c:1222/128'],
		public_key: 'FoP/cHfO+s0I5s6RoBsLjJfNo9m64W+6HsqdDECy42E=',
		preshared_key: null,
		endpoint: '185.65.134.66:51820',
		allowed_ips: ['0.0.0.0/0', '::0/0'],
		mtu: null,
		keepalive: 25,
		dns: ['10.64.0.1'],
	});
	assert.deepEqual(r.ignored, [
		{ line: 5, id: 'conf_dns_search', args: ['corp.example'], message: 'DNS search domain corp.example is ignored' },
		{ line: 6, id: 'conf_wg_quick', args: ['ListenPort'], message: 'ListenPort is for wg-quick and is ignored' },
	]);
	// and the options it stores are a valid upstream section
	const cfg = readConfig(parseUci(`config upstream 'se'\n`).sections.map((s) => ({ ...s, options: upstreamOptions(r.upstream) })));
	assert.deepEqual(cfg.problems, []);
});

test('import errors come with their line', () => {
	const bad = `[Interface]
PrivateKey = not-a-key
Address = 10.64.12.34/33
Colour = blue

[Peer]
PublicKey = FoP/cHfO+s0I5s6RoBsLjJfNo9m64W+6HsqdDECy42E=
Endpoint = vpn.example
AllowedIPs = 0.0.0.0/0
this line has no equals sign
`;
	const r = parseProviderConf(bad, 'x');
	assert.ok('error' in r);
	assert.equal(r.error.code, 'PARSE_ERROR');
	// every error at once, by line: bad values and bad structure alike
	assert.deepEqual(r.errors.map((e) => e.line), [2, 3, 4, 8, 10]);
	assert.match(r.errors[2].message, /unknown key Colour in \[Interface\]/);
	assert.equal(r.errors[4].message, 'expected "Key = Value" or a [Section]');

	const r2 = parseProviderConf(bad.replace('Colour = blue\n', '').replace('this line has no equals sign\n', ''), 'x');
	assert.ok('error' in r2);
	assert.deepEqual(r2.errors.map((e) => [e.line, e.message]), [
		// a key is named by its first characters and length: it may be a private one
		[2, '"not-…" is not a WireGuard key (44 characters of base64 for 32 bytes; this has 9)'],
		[3, r2.errors[1].message],
		[7, r2.errors[2].message],
	]);
	assert.match(r2.errors[1].message, /10\.64\.12\.34\/33/);
	assert.match(r2.errors[2].message, /vpn\.example/);
	assert.equal(r2.error.path, 'line 2');
});

test('import: missing sections and keys, two peers, a bad name', () => {
	const r = parseProviderConf('[Interface]\nPrivateKey = WEwUzEUb44RdC/egGl/x1/s2dDe7FpJT70QWsXzeYk8=\n', 'x');
	assert.ok('error' in r);
	assert.deepEqual(r.errors.map((e) => e.message), ['no [Peer] section']);
	const two = PROVIDER + '\n[Peer]\nPublicKey = FoP/cHfO+s0I5s6RoBsLjJfNo9m64W+6HsqdDECy42E=\n';
	const r2 = parseProviderConf(two, 'x');
	assert.ok('error' in r2);
	assert.equal(r2.errors[0].line, 14);
	assert.match(r2.errors[0].message, /second \[Peer\]/);
	const r3 = parseProviderConf(PROVIDER, '9lives');
	assert.ok('error' in r3);
	assert.equal(r3.errors[0].line, 0);
	assert.match(r3.errors[0].message, /^name: /);
	const r4 = parseProviderConf(PROVIDER.replace('Endpoint = 185.65.134.66:51820\n', ''), 'x');
	assert.ok('error' in r4);
	assert.deepEqual(r4.errors.map((e) => e.message), ['Endpoint is missing']);
});

test('names from file names', () => {
	assert.equal(nameFromFile('/tmp/mullvad-se-got-wg-001.conf'), 'mullvad_se_g');
	assert.equal(nameFromFile('wg0.conf'), 'wg0');
	assert.equal(nameFromFile('1.conf'), 'u_1');
});

function home(): Config {
	const r = readConfig(parseUci(HOME).sections);
	assert.ok(r.config, JSON.stringify(r.problems));
	return r.config;
}

test('peer .conf of a road-warrior client', () => {
	const r = fakeRouter({ uci: openwrt() });
	const c = peerConf(r.env, home(), 'phone');
	assert.ok('conf' in c, JSON.stringify(c));
	assert.equal(c.complete, true);
	assert.equal(c.conf, `# splitwg 0.1.0: WireGuard peer "phone"
[Interface]
PrivateKey = YO8KaCEX5RkB1r5V71tpl776BJlfg6tYbsveZmXPNH0=
Address = 10.77.0.2/32, fd77:77::2/128
DNS = 10.77.0.1

[Peer]
PublicKey = ${fakePub('AAQIlWc0tV1SEAUtulqCLJg2V81QJAwl4qgWpZUlKV0=')}
Endpoint = vpn.example.org:51820
AllowedIPs = 0.0.0.0/0, ::/0
PersistentKeepalive = 25
`);
	// the server key went to `wg pubkey` on stdin, never on a command line
	assert.ok(r.calls.includes('wg pubkey'));
	assert.ok(!r.calls.some((x) => x.includes('AAQIlWc0')));
});

test('peer .conf errors', () => {
	const r = fakeRouter({ uci: openwrt() });
	const cfg = home();
	assert.deepEqual(peerConf(r.env, cfg, 'nobody'), { error: { code: 'NOT_FOUND', message: 'unknown client "nobody"', path: 'client', id: 'unknown_client', args: ['nobody'] } });
	assert.equal((peerConf(r.env, cfg, 'tv') as { error: { code: string } }).error.code, 'NOT_A_PEER');
	cfg.server!.endpoint = null;
	assert.equal((peerConf(r.env, cfg, 'phone') as { error: { code: string } }).error.code, 'NO_ENDPOINT');
});

test('peer without a stored private key: the .conf says so', () => {
	const r = fakeRouter({ uci: openwrt() });
	const cfg = home();
	cfg.clients.find((c) => c.name === 'phone')!.privateKey = null;
	const c = peerConf(r.env, cfg, 'phone');
	assert.ok('conf' in c);
	assert.equal(c.complete, false);
	assert.match(c.conf, /# PrivateKey is not stored on the router/);
});
