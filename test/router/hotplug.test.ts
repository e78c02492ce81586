// Interface events (/etc/hotplug.d/iface/90-splitwg → splitwg hotplug).
import { test } from 'vitest';
import assert from 'node:assert/strict';
import { hotplug, triggerInterfaces } from '../../src/router/hotplug';
import { apply, stop } from '../../src/router/apply';
import { PATHS } from '../../src/router/env';
import { fakeRouter, reloads } from './fakes';
import { openwrt, HOME } from './openwrt';

function applied() {
	const r = fakeRouter({ uci: openwrt() });
	assert.equal(apply(r.env).ok, true);
	r.reset();
	return r;
}

test('an upstream going down is logged; nothing is reloaded (the kill-switch route holds)', () => {
	const r = applied();
	assert.deepEqual(hotplug(r.env, 'ifdown', 'sw_us'), []);
	assert.deepEqual(r.logs, ['upstream us (sw_us) down: kill switch holds, its traffic is blocked']);
	assert.deepEqual(reloads(r.calls), []);
});

test('the table is loaded again at once if something deleted it', () => {
	const r = applied();
	r.table = null;
	assert.deepEqual(hotplug(r.env, 'ifup', 'sw_us'), [`nft -f ${PATHS.nft}`]);
	assert.notEqual(r.table, null);
	assert.deepEqual(r.logs, ['upstream us (sw_us) up', 'table inet splitwg was missing on ifup of sw_us: reloaded']);
});

test('a tunnel whose DNS resolves domains comes up: dnsmasq is restarted (its queries are bound to the new link); another tunnel, or one without DNS, restarts nothing', () => {
	const r = fakeRouter({ uci: openwrt(HOME.replace("option endpoint 'us.vpn.example:51820'", "option endpoint 'us.vpn.example:51820'\n\tlist dns '10.200.1.1'")) });
	assert.equal(apply(r.env).ok, true);
	r.reset();
	assert.deepEqual(hotplug(r.env, 'ifup', 'sw_us'), ['/etc/init.d/dnsmasq restart']);
	assert.ok(r.calls.includes('/etc/init.d/dnsmasq restart'));
	r.reset();
	assert.deepEqual(hotplug(r.env, 'ifup', 'sw_eu'), []);
	assert.deepEqual(hotplug(r.env, 'ifdown', 'sw_us'), []);
	assert.ok(!r.calls.includes('/etc/init.d/dnsmasq restart'));
	const plain = applied();
	assert.deepEqual(hotplug(plain.env, 'ifup', 'sw_us'), []);
});

test('WAN up: upstreams that failed to come up are retried', () => {
	const r = applied();
	r.ifaces = { sw_us: { up: true }, sw_eu: { up: false } };
	assert.deepEqual(hotplug(r.env, 'ifup', 'wan'), ['ifup sw_eu']);
	assert.deepEqual(reloads(r.calls), ['ifup sw_eu']);
	// a LAN event does nothing
	r.reset();
	assert.deepEqual(hotplug(r.env, 'ifup', 'lan'), []);
	assert.deepEqual(r.calls, ['nft -j list chains inet']);
});

test('nothing happens when splitwg is stopped or never applied', () => {
	const r = fakeRouter({ uci: openwrt() });
	assert.deepEqual(hotplug(r.env, 'ifup', 'wan'), []);
	assert.deepEqual(r.calls, []);
	apply(r.env);
	stop(r.env);
	r.reset();
	assert.deepEqual(hotplug(r.env, 'ifup', 'wan'), []);
	assert.deepEqual(r.calls, []);
});

test('procd interface triggers: the WAN zone\'s interfaces', () => {
	const r = fakeRouter({ uci: openwrt() });
	assert.deepEqual(triggerInterfaces(r.env), ['wan', 'wan6']);
});
