// `splitwg doctor` on the in-memory router: each drift from the applied
// plan is one finding, worded with its fix by the CLI; none after apply.
import { test } from 'vitest';
import assert from 'node:assert/strict';
import { apply, stop } from '../../src/router/apply';
import { doctor, IPV6_FORWARDING } from '../../src/router/doctor';
import { runCommand } from '../../src/router/command';
import { fakeRouter, dnsSection, objectsOf, elementsOf, DNSMASQ_PLAIN } from './fakes';
import type { FakeRouter } from './fakes';
import { openwrt } from './openwrt';

function healthy(): FakeRouter {
	const r = fakeRouter({ uci: openwrt() });
	assert.equal(apply(r.env).ok, true);
	r.ifaces = { sw_us: { up: true }, sw_eu: { up: true }, sw_server: { up: true } };
	r.handshakes = { sw_us: r.now - 30, sw_eu: r.now - 60 };
	// the table as the kernel lists it: what the file loaded
	r.nftJson = JSON.stringify({ nftables: [...objectsOf(r.table!), ...elementsOf(r.table!)] });
	return r;
}

const ids = (r: FakeRouter) => doctor(r.env).findings.map((f) => f.id);

function cli(r: FakeRouter, ...argv: string[]) {
	let out = '', err = '';
	const code = runCommand(r.env, argv, { out: (s) => { out += s; }, err: (s) => { err += s; } });
	return { code, out, err };
}

test('after apply: no drift, exit 0', () => {
	const r = healthy();
	assert.deepEqual(doctor(r.env).findings, []);
	const c = cli(r, 'doctor');
	assert.equal(c.code, 0);
	assert.match(c.out, /^no drift/);
});

test('the table deleted (firewall stopped): named, with the clients the routing guard cannot cover; exit 1', () => {
	const r = healthy();
	r.table = null;
	const d = doctor(r.env);
	assert.deepEqual(d.findings.map((f) => f.id), ['table_missing']);
	assert.deepEqual(d.findings[0]!.args.unguarded, ['kid', 'guest'], 'MAC and interface clients with proxy rules');
	const c = cli(r, 'doctor');
	assert.equal(c.code, 1);
	assert.match(c.out, /^- table inet splitwg is missing: the firewall was stopped or flushed — kid, guest \(identified by MAC or interface only\) now leave direct\. Fix: splitwg apply \(or \/etc\/init\.d\/firewall start\)\n$/);
});

test('a stray map element and a chain the plan does not have', () => {
	const r = healthy();
	const doc = JSON.parse(r.nftJson!);
	doc.nftables.find((x: any) => x.map?.name === 'client4' && x.map.elem).map.elem.push(['192.168.77.99', { goto: { target: 'client_tv' } }]);
	doc.nftables.push({ chain: { name: 'client_old' } });
	r.nftJson = JSON.stringify(doc);
	r.table += 'table inet splitwg {\n\tchain client_old {\n\t}\n}\n';   // what -j -t lists
	const d = doctor(r.env);
	assert.deepEqual(d.findings.map((f) => f.id), ['table_differs', 'stray_elements']);
	assert.deepEqual(d.findings[0]!.args, { missing: [], extra: ['chain client_old'] });
	assert.deepEqual(d.findings[1]!.args, { kind: 'map', name: 'client4', elements: ['192.168.77.99 : goto client_tv'] });
	assert.match(cli(r, 'doctor').out, /map client4 holds 192\.168\.77\.99 : goto client_tv, which the configuration does not have\. Fix: splitwg apply/);
});

test('an ip rule deleted, a kill-switch route gone, a tunnel down, one without handshake', () => {
	const r = healthy();
	r.lostSections = ['swguard4_tv_0', 'swkill4_us'];
	r.ifaces.sw_eu = { up: false };
	r.handshakes.sw_us = 0;
	const d = doctor(r.env);
	assert.deepEqual(d.findings.map((f) => `${f.id} ${f.path}`).sort(), [
		'no_handshake upstream.us',
		'route_missing network.swkill4_us',
		'rule_missing network.swguard4_tv_0',
		'tunnel_down upstream.eu',
	]);
	const out = cli(r, 'doctor').out;
	assert.match(out, /the ip rule of network\.swguard4_tv_0 \(priority 21003\) is missing .* Fix: splitwg apply \(puts it back; a network reload does not\)/);
	assert.match(out, /upstream us: sw_us is up but has never completed a handshake/);
	assert.match(out, /upstream eu: interface sw_eu is down: its traffic is blocked \(kill switch\)/);
});

test('dnsmasq: reading another conf-dir, or built without nftset', () => {
	const r = healthy();
	r.fs.mkdirp('/var/etc');
	r.fs.write(`/var/etc/dnsmasq.conf.${dnsSection(r)}`, 'conf-dir=/tmp/dnsmasq.d,*.conf\n');
	assert.deepEqual(doctor(r.env).findings.map((f) => [f.id, f.args.dir]), [['dnsmasq_file_missing', '/tmp/dnsmasq.d']]);
	assert.match(cli(r, 'doctor').out, /dnsmasq reads \/tmp\/dnsmasq\.d, but splitwg's domain entries are not there/);
	const p = healthy();
	p.fail = (argv) => argv.join(' ') === 'dnsmasq --version' ? { code: 0, stdout: DNSMASQ_PLAIN, stderr: '' } : null;
	assert.deepEqual(ids(p), ['dnsmasq_no_nftset']);
	assert.match(cli(p, 'doctor').out, /dnsmasq was built without nftset: domain rules have no effect\. Fix: opkg remove dnsmasq && opkg install dnsmasq-full/);
});

test('uncommitted changes, a config edited since apply, IPv6 forwarded without classification', () => {
	const r = healthy();
	r.uci.pending.splitwg = [['set', 'tv', 'default', 'proxy']];
	r.uci.setText('splitwg', r.uci.text('splitwg').replace("option default 'proxy'", "option default 'direct'"));
	r.fs.mkdirp('/proc/sys/net/ipv6/conf/all');
	r.fs.write(IPV6_FORWARDING, '1\n');
	r.uci.setText('splitwg', r.uci.text('splitwg').replace("list address 'fd77::12'\n", ''));
	assert.deepEqual(ids(r), ['uncommitted', 'config_changed', 'client_ipv4_only']);
	assert.match(cli(r, 'doctor').out, /client laptop is identified by IPv4 addresses only, but the router forwards IPv6/);
});

test('stopped: "not applied" and nothing else; disabled in the config and stopped: no drift', () => {
	const r = healthy();
	assert.equal(stop(r.env).ok, true);
	assert.deepEqual(ids(r), ['not_applied']);
	assert.match(cli(r, 'doctor').out, /^- splitwg is stopped: nothing is installed although the configuration is enabled\. Fix: splitwg apply\n$/);
	r.uci.setText('splitwg', "config globals 'main'\n\toption enabled '0'\n" + r.uci.text('splitwg').replace(/^config globals[^\n]*\n(\t[^\n]*\n)*/m, ''));
	assert.deepEqual(ids(r), []);
});

test('apply repairs what doctor finds under an unchanged plan: a stray element reloads the table, a lost rule is put back', () => {
	const r = healthy();
	const doc = JSON.parse(r.nftJson!);
	doc.nftables.find((x: any) => x.map?.name === 'client4' && x.map.elem).map.elem.push(['192.168.77.99', { goto: { target: 'client_tv' } }]);
	r.nftJson = JSON.stringify(doc);
	r.lostSections = ['swguard4_tv_0'];
	r.reset();
	const res = apply(r.env);
	assert.equal(res.ok, true, res.message);
	assert.deepEqual(res.changed, { nft: true, dnsmasq: false, network: true, firewall: false, dhcp: false });
	assert.ok(r.calls.includes('nft -f /var/run/splitwg/next.nft'), 'the table is loaded again (its header empties client4)');
	assert.ok(r.calls.includes('ip -4 rule add priority 21003 from 192.168.77.10 fwmark 0x00000000/0x70000000 prohibit'), r.calls.join('\n'));
	assert.ok(!r.calls.includes('ubus call network reload'), 'a reload would not re-add it (netifd keeps its own list)');
});
