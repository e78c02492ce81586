// The routing kill switch (netifd `rule` sections swguard4_*) in a real
// kernel: a client that could be proxied gets `prohibit` for its unmarked
// packets, so with table inet splitwg gone (firewall stopped) its traffic
// does not leave by the WAN in the clear; with the table present it is
// routed normally (every classified packet is marked, replies of inbound
// connections are marked direct), and the LAN stays reachable either way.
import { test, beforeAll, afterAll } from 'vitest';
import assert from 'node:assert/strict';
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { parseUci, readConfig, compile } from '../../src/core/index';
import { ruleArgv } from '../../lab/realise';

const R = `swg-r${process.pid}`, C = `swg-c${process.pid}`, W = `swg-w${process.pid}`;
const sh = (ns: string, cmd: string) => execFileSync('ip', ['netns', 'exec', ns, 'sh', '-c', cmd], { encoding: 'utf8' });
const plan = compile(readConfig(parseUci(fs.readFileSync('test/golden/home/splitwg', 'utf8')).sections).config!);

const ping = (src: string, dst: string) => spawnSync('ip', ['netns', 'exec', C, 'ping', '-c1', '-W1', '-I', src, dst]).status === 0;
const loadTable = () => { const r = spawnSync('ip', ['netns', 'exec', R, 'nft', '-f', '-'], { input: plan.nft, encoding: 'utf8' }); assert.equal(r.status, 0, r.stderr); };
const routeGet = (dst: string, src: string) => spawnSync('ip', ['netns', 'exec', R, 'ip', 'route', 'get', dst, 'from', src, 'iif', 'lan0'], { encoding: 'utf8' });

beforeAll(() => {
	for (const ns of [R, C, W]) execFileSync('ip', ['netns', 'add', ns]);
	execFileSync('ip', ['link', 'add', 'v-c', 'netns', C, 'type', 'veth', 'peer', 'name', 'lan0', 'netns', R]);
	execFileSync('ip', ['link', 'add', 'v-w', 'netns', W, 'type', 'veth', 'peer', 'name', 'wan0', 'netns', R]);
	sh(R, `ip link set lo up; ip link set lan0 up; ip link set wan0 up;
		ip addr add 192.168.77.1/24 dev lan0; ip addr add 198.51.100.2/24 dev wan0; ip route add default via 198.51.100.1;
		sysctl -qw net.ipv4.ip_forward=1; sysctl -qw net.ipv4.conf.all.rp_filter=0; sysctl -qw net.ipv4.conf.lan0.rp_filter=0`);
	sh(C, `ip link set lo up; ip link set v-c up; for a in 192.168.77.10 192.168.77.12 192.168.77.50; do ip addr add $a/24 dev v-c; done;
		ip route add default via 192.168.77.1`);
	// the "internet" host 203.0.113.7 is reached only by the default route
	sh(W, `ip link set lo up; ip link set v-w up; ip addr add 198.51.100.1/24 dev v-w; ip addr add 203.0.113.7/32 dev lo;
		ip route add 192.168.77.0/24 via 198.51.100.2`);
	const rules = plan.network.filter((s) => s.type === 'rule' && (s.name === 'swmain4' || s.name.startsWith('swguard4_')));
	assert.ok(rules.some((s) => s.name === 'swguard4_tv_0'), 'tv (a proxy rule set) is guarded');
	assert.ok(!rules.some((s) => s.name.startsWith('swguard4_kid') || s.name.startsWith('swguard4_guest')), 'MAC/interface clients cannot be');
	for (const s of rules) execFileSync('ip', ['netns', 'exec', R, ...ruleArgv(plan, s, 'add')]);
	// netifd sends FRA_FWMARK 0 with the mask for mark '0x00000000/…': the kernel matches "our bits all zero"
	assert.match(sh(R, 'ip rule show'), /from 192\.168\.77\.10 fwmark 0\/0x70000000 prohibit/);
});

afterAll(() => { for (const ns of [R, C, W]) spawnSync('ip', ['netns', 'del', ns]); });

test('with the table: a guarded client is routed normally (direct-marked); without it (firewall stopped): prohibited', () => {
	loadTable();
	assert.ok(ping('192.168.77.10', '203.0.113.7'), 'tv → internet, direct, with the table');
	assert.ok(ping('192.168.77.50', '203.0.113.7'), 'an unconfigured host is not guarded');
	sh(R, 'nft delete table inet splitwg');   // what `fw4 flush` does
	assert.ok(!ping('192.168.77.10', '203.0.113.7'), 'tv → internet without the table: not sent in the clear');
	assert.match(routeGet('203.0.113.7', '192.168.77.10').stderr, /prohibit|Permission denied|not permitted/i);
	assert.match(routeGet('192.168.77.50', '192.168.77.10').stdout, /dev lan0/, 'the LAN stays reachable (main\'s specific routes first)');
	assert.match(routeGet('203.0.113.7', '192.168.77.50').stdout, /via 198\.51\.100\.1 dev wan0/, 'others are routed as before');
});

test('with the table: the reply of a connection opened from outside (a port forward) is marked direct and passes the guard', async () => {
	loadTable();
	// laptop (default proxy) answers a UDP "port forward" from the internet host
	const srv = spawn('ip', ['netns', 'exec', C, process.execPath, '-e', `
		const dg = require('dgram'); const s = dg.createSocket('udp4');
		s.on('message', (m, r) => s.send('pong', r.port, r.address));
		s.bind(40001, '192.168.77.12', () => process.stdout.write('ready'));
		setTimeout(() => process.exit(0), 4000);`]);
	await new Promise<void>((res) => srv.stdout.once('data', () => res()));
	const r = spawnSync('ip', ['netns', 'exec', W, process.execPath, '-e', `
		const dg = require('dgram'); const s = dg.createSocket('udp4');
		s.on('message', (m) => { process.stdout.write(String(m)); process.exit(0); });
		s.bind(0, '203.0.113.7', () => s.send('ping', 40001, '192.168.77.12'));
		setTimeout(() => process.exit(1), 2000);`], { encoding: 'utf8' });
	srv.kill();
	assert.equal(r.stdout, 'pong', 'the reply reached the internet host');
});
