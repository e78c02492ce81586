// The device picker's hosts: luci-rpc getHostHints minus the router itself
// (its devices from getNetworkDevices) and link-local addresses. The data
// has the shapes rpcd-mod-luci replies with on a router: the hints include
// the router's own interfaces (it adds getifaddrs to the leases and
// neighbours), MACs in upper case.
import { test } from 'vitest';
import assert from 'node:assert/strict';
import { lanHosts } from '../../src/luci/_hosts';

const DEVICES = {
	lo: { name: 'lo', ipaddrs: [{ address: '127.0.0.1', netmask: '255.0.0.0' }], ip6addrs: [{ address: '::1', netmask: 'ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff' }] },
	eth0: { name: 'eth0', mac: 'AA:BB:CC:DD:EE:00', ipaddrs: [], ip6addrs: [] },
	'br-lan': {
		name: 'br-lan', mac: 'AA:BB:CC:DD:EE:01', ipaddrs: [{ address: '192.168.1.1', netmask: '255.255.255.0' }],
		ip6addrs: [{ address: 'fd12:3456:789a::1', netmask: 'ffff:ffff:ffff:ffff::' }, { address: 'fe80::a8bb:ccff:fedd:ee01', netmask: 'ffff:ffff:ffff:ffff::' }],
	},
	wan: { name: 'wan', mac: 'AA:BB:CC:DD:EE:02', ipaddrs: [{ address: '203.0.113.7', netmask: '255.255.255.0' }], ip6addrs: [{ address: '2001:db8:1::7', netmask: 'ffff:ffff:ffff:ffff::' }] },
	sw_server: { name: 'sw_server', ipaddrs: [{ address: '10.77.0.1', netmask: '255.255.255.0' }], ip6addrs: [] },
};

const HINTS = {
	// the router's own devices (rpcd-mod-luci's getifaddrs pass)
	'AA:BB:CC:DD:EE:01': { name: 'OpenWrt', ipaddrs: ['192.168.1.1'], ip6addrs: ['fd12:3456:789a::1'] },
	'AA:BB:CC:DD:EE:02': { ipaddrs: ['203.0.113.7'], ip6addrs: ['fe80::a8bb:ccff:fedd:ee02'] },
	// LAN devices from leases and neighbours
	'3C:22:FB:00:00:10': { name: 'laptop', ipaddrs: ['192.168.1.23'], ip6addrs: ['fe80::1c2:3ff:fe04:510', 'fd12:3456:789a:0::23', 'fd12:3456:789a::23'] },
	'3C:22:FB:00:00:11': { ipaddrs: ['169.254.10.2'], ip6addrs: ['fe80::11'] },
	// an old rpcd-mod-luci: one address per family
	'3C:22:FB:00:00:12': { name: 'tv', ipv4: '192.168.1.50', ipv6: 'FD12:3456:789A::50' },
	// a stale static lease holding the router's address
	'3C:22:FB:00:00:13': { name: 'old', ipaddrs: ['192.168.1.1', '192.168.1.60'] },
	'3C:22:FB:00:00:14': { ipaddrs: ['not an address', '10.77.0.1'] },
};

test('the router\'s own MACs and addresses and link-local addresses are not offered', () => {
	assert.deepEqual(lanHosts(HINTS, DEVICES), [
		{ mac: '3c:22:fb:00:00:10', name: 'laptop', addresses: ['192.168.1.23', 'fd12:3456:789a::23'] },
		{ mac: '3c:22:fb:00:00:11', name: null, addresses: [] },
		{ mac: '3c:22:fb:00:00:12', name: 'tv', addresses: ['192.168.1.50', 'fd12:3456:789a::50'] },
		{ mac: '3c:22:fb:00:00:13', name: 'old', addresses: ['192.168.1.60'] },
		{ mac: '3c:22:fb:00:00:14', name: null, addresses: [] },
	]);
});

test('without the device list (call failed) only link-local addresses are dropped', () => {
	const hosts = lanHosts(HINTS, {});
	assert.equal(hosts.length, 7);
	assert.deepEqual(hosts.find((h) => h.mac === 'aa:bb:cc:dd:ee:02'), { mac: 'aa:bb:cc:dd:ee:02', name: null, addresses: ['203.0.113.7'] });
	for (const h of hosts) for (const a of h.addresses) assert.ok(!/^(fe[89ab]|169\.254\.)/i.test(a), a);
});

test('junk replies give nothing rather than an error', () => {
	assert.deepEqual(lanHosts({}, {}), []);
	assert.deepEqual(lanHosts({ 'AA:00:00:00:00:01': {} as any }, { x: {} as any, y: { ipaddrs: [{}] } as any }), [{ mac: 'aa:00:00:00:00:01', name: null, addresses: [] }]);
});
