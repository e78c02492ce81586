// The `splitwg` command: exit codes, human and --json output, import.
import { test } from 'vitest';
import assert from 'node:assert/strict';
import { runCommand, parseArgs, fmtBytes, fmtAge } from '../../src/router/command';
import { fakeRouter, GENKEY } from './fakes';
import type { FakeRouter } from './fakes';
import { openwrt, HOME } from './openwrt';

const KEYS = [...HOME.matchAll(/(?:private_key|preshared_key) '([^']+)'/g)].map((m) => m[1]);

function run(r: FakeRouter, ...argv: string[]): { code: number, out: string, err: string } {
	let out = '', err = '';
	const code = runCommand(r.env, argv, { out: (s) => { out += s; }, err: (s) => { err += s; } });
	return { code, out, err };
}

test('arguments', () => {
	assert.deepEqual(parseArgs(['explain', 'tv', 'video.test', '--port', '443', '--json']), { cmd: 'explain', pos: ['tv', 'video.test'], flags: { port: '443', json: true } });
	assert.equal(parseArgs(['apply', '--bogus']), 'unknown option --bogus');
	assert.equal(parseArgs(['explain', 'tv', 'x', '--at']), '--at needs a value');
	const r = fakeRouter({ uci: openwrt() });
	assert.equal(run(r, 'frobnicate').code, 2);
	assert.match(run(r, 'frobnicate').err, /unknown command "frobnicate"/);
	assert.equal(run(r).code, 2);
	for (const h of [['help'], ['--help'], ['-h'], ['explain', '--help'], ['apply', '-h']]) {
		const x = run(r, ...h);
		assert.equal(x.code, 0, `${h.join(' ')}: ${x.err}`);
		assert.match(x.out, /^usage: splitwg <command>/, h.join(' '));
	}
	assert.deepEqual(run(r, 'version'), { code: 0, out: '0.1.0\n', err: '' });
});

test('check: ok, or every problem and exit 1', () => {
	const r = fakeRouter({ uci: openwrt() });
	assert.deepEqual(run(r, 'check'), { code: 0, out: 'configuration ok: 2 upstream(s), 5 client(s)\n', err: '' });
	r.uci.setText('splitwg', HOME.replace("option endpoint 'us.vpn.example:51820'", "option endpoint 'nope'"));
	const c = run(r, 'check');
	assert.equal(c.code, 1);
	assert.match(c.err, /^upstream\.us\.endpoint: "nope" is not host:port/m);
	const j = run(r, 'check', '--json');
	assert.equal(j.code, 1);
	assert.equal(JSON.parse(j.out).valid, false);
});

test('check: warnings are printed and do not fail; apply repeats them', () => {
	const r = fakeRouter({ uci: openwrt() });
	r.uci.setText('splitwg', HOME.replace("\tlist address 'fd77::10'\n", ''));
	const c = run(r, 'check');
	assert.equal(c.code, 0);
	assert.match(c.out, /^configuration ok/);
	assert.match(c.err, /^warning: client\.tv\.address: identifies IPv4 only: /m);
	const j = JSON.parse(run(r, 'check', '--json').out);
	assert.equal(j.valid, true);
	assert.deepEqual(j.warnings.map((x: any) => x.path), ['client.tv.address']);
	const a = run(r, 'apply');
	assert.equal(a.code, 0, a.err);
	assert.match(a.err, /^warning: client\.tv\.address: identifies IPv4 only/m);
});

test('plan hides keys', () => {
	const r = fakeRouter({ uci: openwrt() });
	const p = run(r, 'plan');
	assert.equal(p.code, 0);
	assert.match(p.out, /^table inet splitwg \{$/m);
	assert.match(p.out, /option private_key '\(hidden\)'/);
	for (const k of KEYS) assert.ok(!p.out.includes(k));
	const j = run(r, 'plan', '--json');
	for (const k of KEYS) assert.ok(!j.out.includes(k));
	assert.equal(JSON.parse(j.out).enabled, true);
});

test('apply, status, stop', () => {
	const r = fakeRouter({ uci: openwrt() });
	const a = run(r, 'apply');
	assert.equal(a.code, 0, a.err);
	// the first apply: nothing is known of what classified the open connections, so every address client's are reset
	assert.match(a.out, /^changed nft, dnsmasq, network, firewall; 2 upstream\(s\), 5 client\(s\); connections reset for tv, laptop, phone\n$/);
	r.ifaces = { sw_us: { up: true }, sw_eu: { up: false } };
	const s = run(r, 'status');
	assert.equal(s.code, 0);
	assert.match(s.out, /^splitwg 0\.1\.0: enabled\n/);
	assert.match(s.out, /^last apply: \d{4}-\d\d-\d\d \d\d:\d\d:\d\d ok: /m);
	assert.match(s.out, /^ {2}eu {11}sw_eu {11}DOWN/m);
	assert.match(s.out, /^warning: upstream eu: interface sw_eu is down/m);
	const j = JSON.parse(run(r, 'status', '--json').out);
	assert.equal(j.upstreams.length, 2);
	const st = run(r, 'stop', '--json');
	assert.equal(st.code, 0);
	assert.equal(JSON.parse(st.out).ok, true);
	assert.equal(r.table, null);
	const after = run(r, 'status');
	assert.match(after.out, /^splitwg 0\.1\.0: stopped: nothing installed \(run splitwg apply\)\n/);
	assert.doesNotMatch(after.out, /configuration changed|warning: upstream/);
});

test('stats: per client new connections by path and a peer\'s tunnel bytes; per upstream its tunnel', () => {
	const r = fakeRouter({ uci: openwrt() });
	assert.equal(run(r, 'apply').code, 0);
	r.ifaces = { sw_us: { up: true }, sw_eu: { up: false }, sw_server: { up: true } };
	r.wgDump.sw_us = `x\ty\t0\toff\nFoP/cHfO+s0I5s6RoBsLjJfNo9m64W+6HsqdDECy42E=\t(none)\t203.0.113.5:51820\t0.0.0.0/0\t${r.now - 42}\t3145728\t2048\t25\n`;
	r.wgDump.sw_server = `x\ty\t0\toff\ne8/QjSS10EukvdG3KLKBjhSYJW4gxgJypSZXzpb5tG4=\t(none)\t198.51.100.9:40000\t10.77.0.2/32\t${r.now - 600}\t1024\t5000\toff\n`;
	const s = run(r, 'stats');
	assert.equal(s.code, 0, s.err);
	assert.match(s.out, /^client tv: new connections direct 0, proxy 0, block 0\n/m);
	assert.match(s.out, /^client phone: new connections direct 0, proxy 0, block 0; tunnel rx 1\.0 KiB {2}tx 4\.8 KiB\n/m);
	assert.match(s.out, /^upstream us {11}0 new connections; handshake 42s ago {2}rx 3\.0 MiB {2}tx 2\.0 KiB\n/m);
	assert.match(s.out, /^upstream eu {11}0 new connections; DOWN\n/m);
});

test('stats: bytes of the open connections by path (conntrack), the unattributed, and why there are none', () => {
	const r = fakeRouter({ uci: openwrt() });
	assert.equal(run(r, 'apply').code, 0);
	const st = JSON.parse(r.fs.read('/var/run/splitwg/state.json')!);
	const line = (src: string, mark: number, up: number, down: number) => `ipv4     2 tcp      6 431999 ESTABLISHED src=${src} dst=203.0.113.9 sport=40000 dport=443 packets=9 bytes=${up} src=203.0.113.9 dst=${src} sport=443 dport=40000 packets=9 bytes=${down} [ASSURED] mark=${mark} use=1\n`;
	const ct = line(st.clients.laptop.sources[0], st.view.marks.upstreams.us, 2048, 3145728) + line('192.168.1.250', st.view.marks.direct, 1024, 1024);
	r.fail = (argv) => argv.join(' ') === 'conntrack -L -f ipv4 -o extended' ? { code: 0, stdout: ct, stderr: '' } : null;
	const s = run(r, 'stats');
	assert.match(s.out, /^client laptop: .*\n(  .*\n)*  open connections: direct up 0 B down 0 B, us up 2\.0 KiB down 3\.0 MiB\n/m);
	assert.match(s.out, /^bytes by path: 2 open connection\(s\) \(conntrack\); not by a client's address \(MAC\/interface clients\): direct up 1\.0 KiB down 1\.0 KiB\n/m);
	r.fs.mkdirp('/proc/sys/net/netfilter');
	r.fs.write('/proc/sys/net/netfilter/nf_conntrack_acct', '0\n');
	const off = run(r, 'stats');
	assert.match(off.out, /^bytes by path: none: conntrack accounting is off/m);
	assert.doesNotMatch(off.out, /open connections:/);
});

test('a failed apply exits 1 with the reason on stderr', () => {
	const r = fakeRouter({ uci: openwrt() });
	r.fail = (argv) => argv.join(' ') === 'ubus call network reload' ? { code: 4, stdout: '', stderr: 'Command failed: Not found\n' } : null;
	const a = run(r, 'apply');
	assert.equal(a.code, 1);
	assert.equal(a.err.split('\n')[0], 'splitwg: network: ubus call network reload exited 4: Command failed: Not found; previous state restored');
	assert.equal(r.table, null);
});

test('explain', () => {
	const r = fakeRouter({ uci: openwrt() });
	const x = run(r, 'explain', 'laptop', '192.0.2.77', '--proto', 'tcp', '--port', '443');
	assert.equal(x.code, 0, x.err);
	assert.equal(x.out, 'laptop → 192.0.2.77: proxy via eu (sw_eu, mark 0x30000000)\n  rule: client.laptop.rule[1]\n  why: first match: client.laptop.rule[1] (Web via EU), 192.0.2.77 is in 192.0.2.0/24\n');
	assert.equal(run(r, 'explain', 'laptop').code, 2);
	assert.equal(run(r, 'explain', 'laptop', 'x.test', '--port', 'http').code, 2);
	for (const [flag, v, msg] of [['--port', '0', '"0" is not a port (an integer from 1 to 65535)'], ['--port', '70000', '"70000" is not a port (an integer from 1 to 65535)'],
		['--proto', 'TCP', '"TCP" must be lower case'], ['--at', 'Xyz 25:00', '"Xyz 25:00" is not a time like "Mon 21:30"'],
		['--family', '5', '"5" is not an address family (4 or 6)']]) {
		const e = run(r, 'explain', 'laptop', 'x.test', flag, v);
		assert.deepEqual([e.code, e.err], [2, `splitwg: ${flag}: ${msg}\n`]);
	}
	const bad = run(r, 'explain', 'nobody', 'x.test');
	assert.equal(bad.code, 1);
	assert.equal(bad.err, 'splitwg: unknown client "nobody"\n');
	const j = JSON.parse(run(r, 'explain', 'kid', 'cdn.video.test', '--at', 'Mon 12:00', '--json').out);
	assert.equal(j.action, 'block');
	// a domain over IPv6 through eu, which has no IPv6 address: blocked
	const f = (...a: string[]) => JSON.parse(run(r, 'explain', 'kid', 'www.example.org', '--at', 'Mon 23:00', '--json', ...a).out);
	assert.deepEqual([f('--family', '6').action, f('--family', '4').action, f().action], ['block', 'proxy', 'proxy']);
});

test('genkey', () => {
	const r = fakeRouter({ uci: openwrt() });
	const g = run(r, 'genkey');
	assert.equal(g.code, 0);
	assert.match(g.out, new RegExp(`^private_key ${GENKEY.replace(/[+/=]/g, '\\$&')}\npublic_key \\S+\n$`));
	r.fail = (argv) => argv[0] === 'wg' ? { code: 127, stdout: '', stderr: 'sh: wg: not found\n' } : null;
	const f = run(r, 'genkey');
	assert.equal(f.code, 1);
	assert.equal(f.err, 'splitwg: wg genkey failed (exit 127): sh: wg: not found\n');
});

test('import FILE [NAME] adds an upstream section, errors by line', () => {
	const r = fakeRouter({ uci: openwrt(), files: {
		'/root/wg-jp.conf': '[Interface]\nPrivateKey = WEwUzEUb44RdC/egGl/x1/s2dDe7FpJT70QWsXzeYk8=\nAddress = 10.2.0.2/32\nDNS = 10.2.0.1\n\n[Peer]\nPublicKey = FoP/cHfO+s0I5s6RoBsLjJfNo9m64W+6HsqdDECy42E=\nAllowedIPs = 0.0.0.0/0\nEndpoint = jp.example:51820\nPersistentKeepalive = 25\n',
		'/root/broken.conf': '[Interface]\nPrivateKey = x\n',
	} });
	const i = run(r, 'import', '/root/wg-jp.conf');
	assert.equal(i.code, 0, i.err);
	assert.equal(i.out, 'added upstream wg_jp (endpoint jp.example:51820, 10.2.0.2/32); run `splitwg apply` to use it\n');
	const sec = r.uci.sections('splitwg').find((s) => s.name === 'wg_jp')!;
	assert.deepEqual(sec, { type: 'upstream', name: 'wg_jp', anonymous: false, options: {
		private_key: 'WEwUzEUb44RdC/egGl/x1/s2dDe7FpJT70QWsXzeYk8=', address: ['10.2.0.2/32'], public_key: 'FoP/cHfO+s0I5s6RoBsLjJfNo9m64W+6HsqdDECy42E=',
		endpoint: 'jp.example:51820', allowed_ips: ['0.0.0.0/0'], keepalive: '25', dns: ['10.2.0.1'],
	} });
	assert.equal(run(r, 'check').code, 0);
	const again = run(r, 'import', '/root/wg-jp.conf');
	assert.equal(again.code, 1);
	assert.match(again.err, /already exists/);
	const b = run(r, 'import', '/root/broken.conf', 'b');
	assert.equal(b.code, 1);
	assert.match(b.err, /^\/root\/broken\.conf: no \[Peer\] section$/m);
	assert.match(b.err, /^\/root\/broken\.conf:2: "x…" is not a WireGuard key/m);
	assert.equal(run(r, 'import', '/root/missing.conf').code, 1);
});

test('peer CLIENT prints the .conf', () => {
	const r = fakeRouter({ uci: openwrt() });
	const p = run(r, 'peer', 'phone');
	assert.equal(p.code, 0);
	assert.match(p.out, /^Endpoint = vpn\.example\.org:51820$/m);
	assert.equal(run(r, 'peer', 'tv').code, 1);
});

test('formatting helpers', () => {
	assert.equal(fmtBytes(0), '0 B');
	assert.equal(fmtBytes(1536), '1.5 KiB');
	assert.equal(fmtBytes(1048576 * 3), '3.0 MiB');
	assert.equal(fmtAge(null), 'never');
	assert.equal(fmtAge(42), '42s ago');
	assert.equal(fmtAge(600), '10m ago');
	assert.equal(fmtAge(7200), '2h ago');
});
