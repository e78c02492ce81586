// The ubus object `splitwg` as rpcd serves it: argument typing (rpcd's
// check, simulated from the declared samples), in-band errors, reply shapes.
import { test } from 'vitest';
import assert from 'node:assert/strict';
import { methods } from '../../src/router/api';
import type { Method } from '../../src/router/api';
import { apply, stop } from '../../src/router/apply';
import { fakeRouter, dnsSection, GENKEY, fakePub } from './fakes';
import type { FakeRouter } from './fakes';
import { openwrt, HOME } from './openwrt';

const INVALID_ARGUMENT = 2;
const KEYS = [...HOME.matchAll(/(?:private_key|preshared_key) '([^']+)'/g)].map((m) => m[1]);

// What rpcd does before `call` (rpcd ucode.c): every argument must be
// declared, and its blobmsg type must be the sample's.
function rpcd(m: Record<string, Method>, method: string, args: Record<string, unknown> = {}): unknown {
	const spec = m[method];
	if (!spec) return { status: 3 };
	for (const [k, v] of Object.entries(args)) {
		if (k === 'ubus_rpc_session') continue;
		if (!spec.args || !(k in spec.args)) return { status: INVALID_ARGUMENT };
		if (type(spec.args[k]) !== type(v)) return { status: INVALID_ARGUMENT };
	}
	return spec.call({ args });
}

function api(r: FakeRouter) {
	return methods(() => r.env);
}

test('declared argument types: rpcd rejects a wrong type or an unknown argument before the method runs', () => {
	const r = fakeRouter({ uci: openwrt() });
	const m = api(r);
	assert.deepEqual(rpcd(m, 'explain', { client: 'tv', destination: 'video.test', port: '443' }), { status: INVALID_ARGUMENT });
	assert.deepEqual(rpcd(m, 'apply', { dry_run: 1 }), { status: INVALID_ARGUMENT });
	assert.deepEqual(rpcd(m, 'check', { txt: 'x' }), { status: INVALID_ARGUMENT });
	assert.deepEqual(rpcd(m, 'import_conf', { text: 5 }), { status: INVALID_ARGUMENT });
	assert.deepEqual(rpcd(m, 'status', { verbose: true }), { status: INVALID_ARGUMENT });
	assert.deepEqual(r.calls, [], 'nothing ran');
	// the samples are exactly the documented types
	const types = Object.fromEntries(Object.entries(m).map(([k, v]) => [k, Object.fromEntries(Object.entries(v.args ?? {}).map(([a, s]) => [a, type(s)]))]));
	assert.deepEqual(types, {
		version: {}, status: {}, stats: {}, doctor: {}, lists: {}, genkey: {},
		check: { text: 'string' },
		apply: { dry_run: 'bool' },
		explain: { client: 'string', destination: 'string', proto: 'string', port: 'int', at: 'string', family: 'int' },
		import_conf: { text: 'string', name: 'string' },
		peer_conf: { client: 'string' },
		templates: {},
		template_add: { name: 'string', ruleset: 'string' },
		update_lists: { name: 'string' },
	});
});

test('missing or bad argument values are answered in-band', () => {
	const m = api(fakeRouter({ uci: openwrt() }));
	assert.deepEqual(rpcd(m, 'explain', { destination: 'video.test' }), { error: { code: 'INVALID_ARGUMENT', message: 'argument "client" is required', path: 'client', id: 'arg_required', args: ['client'] } });
	assert.deepEqual(rpcd(m, 'explain', { client: 'tv' }), { error: { code: 'INVALID_ARGUMENT', message: 'argument "destination" is required', path: 'destination', id: 'arg_required', args: ['destination'] } });
	// the same checks as both CLIs (core/query.ts)
	assert.deepEqual(rpcd(m, 'explain', { client: 'tv', destination: 'x.test', port: 70000 }), { error: { code: 'INVALID_ARGUMENT', message: '"70000" is not a port (an integer from 1 to 65535)', path: 'port', id: 'not_port', args: ['70000'] } });
	assert.deepEqual(rpcd(m, 'explain', { client: 'tv', destination: 'x.test', port: 0 }), { error: { code: 'INVALID_ARGUMENT', message: '"0" is not a port (an integer from 1 to 65535)', path: 'port', id: 'not_port', args: ['0'] } });
	assert.deepEqual(rpcd(m, 'explain', { client: 'tv', destination: 'x.test', proto: 'TCP' }), { error: { code: 'INVALID_ARGUMENT', message: '"TCP" must be lower case', path: 'proto', id: 'lower_case', args: ['TCP'] } });
	assert.deepEqual(rpcd(m, 'explain', { client: 'tv', destination: 'x.test', proto: 'icmp', port: 80 }), { error: { code: 'INVALID_ARGUMENT', message: 'icmp has no ports', path: 'port', id: 'proto_no_ports', args: ['icmp'] } });
	assert.deepEqual(rpcd(m, 'explain', { client: 'nobody', destination: 'x.test' }), { error: { code: 'INVALID_ARGUMENT', message: 'unknown client "nobody"', path: 'client', id: 'unknown_client', args: ['nobody'] } });
	assert.deepEqual(rpcd(m, 'explain', { client: 'tv', destination: 'x.test', at: 'someday' }), { error: { code: 'INVALID_ARGUMENT', message: '"someday" is not a time like "Mon 21:30"', path: 'at', id: 'not_at', args: ['someday'] } });
	assert.deepEqual(rpcd(m, 'peer_conf', {}), { error: { code: 'INVALID_ARGUMENT', message: 'argument "client" is required', path: 'client', id: 'arg_required', args: ['client'] } });
	assert.deepEqual(rpcd(m, 'import_conf', {}), { error: { code: 'INVALID_ARGUMENT', message: 'argument "text" is required', path: 'text', id: 'arg_required', args: ['text'] } });
});

test('version and explain replies', () => {
	const r = fakeRouter({ uci: openwrt() });
	const m = api(r);
	assert.deepEqual(rpcd(m, 'version'), { version: '0.1.0' });
	assert.deepEqual(rpcd(m, 'explain', { client: 'laptop', destination: '192.0.2.30' }), {
		client: 'laptop', action: 'direct', upstream: null, iface: null, mark: '0x10000000',
		rule: 'client.laptop.rule[0]', reason: 'first match: client.laptop.rule[0] (Bank direct), 192.0.2.30 is in 192.0.2.30',
		why: { id: 'why_first_match', args: ['client.laptop.rule[0] (Bank direct)', { id: 'why_in', args: ['192.0.2.30', '192.0.2.30'] }] },
		group: null, members: [],
	});
	// netifd says the tunnel is down: the kill switch blocks, and explain says so
	r.ifaces.sw_us = { up: false };
	const x = rpcd(m, 'explain', { client: 'laptop', destination: '198.51.100.7', proto: 'udp', port: 53 }) as Record<string, unknown>;
	assert.equal(x.action, 'block');
	assert.match(x.reason as string, /upstream us is down; kill switch blocks/);
});

test('check: the saved config, or a given text (errors by line)', () => {
	const m = api(fakeRouter({ uci: openwrt() }));
	assert.deepEqual(rpcd(m, 'check'), { valid: true, problems: [], warnings: [] });
	assert.deepEqual(rpcd(m, 'check', { text: "config globals 'main'\n\toption enabled 'x'\n" }), { valid: false, problems: [{ path: 'globals.enabled', id: 'not_bool', args: ['x'], message: '"x" is not a boolean (0 or 1)' }], warnings: [] });
	assert.deepEqual(rpcd(m, 'check', { text: "config globals 'main'\n\toption enabled '1\n" }), { valid: false, problems: [{ path: 'line 2', id: 'uci_single_quote', args: [], message: 'unterminated single quote' }], warnings: [] });
	const w = rpcd(m, 'check', { text: "config client 'tv'\n\tlist address '192.168.1.20'\n" }) as any;
	assert.equal(w.valid, true, 'a warning is no problem');
	assert.deepEqual(w.warnings.map((x: any) => x.path), ['client.tv.address']);
});

test('apply through ubus (dry run first)', () => {
	const r = fakeRouter({ uci: openwrt() });
	const m = api(r);
	const d = rpcd(m, 'apply', { dry_run: true }) as Record<string, unknown>;
	assert.equal(d.ok, true);
	assert.deepEqual(d.changed, { nft: true, dnsmasq: true, network: true, firewall: true, dhcp: false });
	assert.equal(r.table, null);
	const a = rpcd(m, 'apply', {}) as Record<string, unknown>;
	assert.equal(a.ok, true);
	assert.notEqual(r.table, null);
});

test('status and stats: documented shape, live values, never a key', () => {
	const r = fakeRouter({ uci: openwrt() });
	apply(r.env);
	r.ifaces = { sw_us: { up: true }, sw_eu: { up: false }, sw_server: { up: true } };
	const hs = r.now - 42;
	r.wgDump.sw_us = `${KEYS[1]}\tpubkeyofus\t51820\toff\nFoP/cHfO+s0I5s6RoBsLjJfNo9m64W+6HsqdDECy42E=\t(none)\t203.0.113.5:51820\t0.0.0.0/0,::/0\t${hs}\t1048576\t2048\t25\n`;
	r.wgDump.sw_server = `${KEYS[0]}\tsrvpub\t51820\toff\ne8/QjSS10EukvdG3KLKBjhSYJW4gxgJypSZXzpb5tG4=\t${KEYS[6] ?? '(none)'}\t198.51.100.9:40000\t10.77.0.2/32,fd77:77::2/128\t${r.now - 600}\t100\t200\toff\n`;
	// every rule of the counted chains, in the table's order (counters are attributed by position)
	r.nftJson = JSON.stringify({ nftables: [
		{ metainfo: { version: '1.0.9' } },
		// tv: 12 packets entered its rule set chain, 4 came back unmatched; the chain's rules count 8 (of tv, its one client)
		{ rule: { family: 'inet', table: 'splitwg', chain: 'client_tv', handle: 1, comment: 'ruleset.streaming: 1 rule(s), shared', expr: [{ counter: { packets: 12, bytes: 1200 } }, { jump: { target: 'rs_streaming_0' } }] } },
		{ rule: { family: 'inet', table: 'splitwg', chain: 'client_tv', handle: 2, comment: 'ruleset.streaming: no match', expr: [{ counter: { packets: 4, bytes: 400 } }] } },
		{ rule: { family: 'inet', table: 'splitwg', chain: 'client_tv', handle: 3, comment: 'client tv default: direct', expr: [{ counter: { packets: 20, bytes: 2000 } }, { goto: { target: 'mark_direct' } }] } },
		{ rule: { family: 'inet', table: 'splitwg', chain: 'rs_streaming_0', handle: 12, comment: 'ruleset.streaming.rule[0] (Video): proxy via us', expr: [{ match: {} }, { counter: { packets: 7, bytes: 700 } }, { goto: { target: 'up_us' } }] } },
		{ rule: { family: 'inet', table: 'splitwg', chain: 'rs_streaming_0', handle: 13, comment: 'ruleset.streaming.rule[0] (Video): proxy via us', expr: [{ match: {} }, { counter: { packets: 1, bytes: 100 } }, { goto: { target: 'up_us' } }] } },
		{ rule: { family: 'inet', table: 'splitwg', chain: 'client_kid', handle: 7, comment: 'client.kid.rule[0] (Night filter): proxy via eu', expr: [{ match: {} }, { counter: { packets: 5, bytes: 50 } }, { goto: { target: 'up_eu_pkt' } }] } },
		{ rule: { family: 'inet', table: 'splitwg', chain: 'client_kid', handle: 4, comment: 'client.kid.rule[1]: block', expr: [{ match: {} }, { counter: { packets: 2, bytes: 120 } }, { drop: null }] } },
		{ rule: { family: 'inet', table: 'splitwg', chain: 'client_kid', handle: 9, comment: 'client.kid.rule[1]: block', expr: [{ match: {} }, { counter: { packets: 0, bytes: 0 } }, { drop: null }] } },
		{ rule: { family: 'inet', table: 'splitwg', chain: 'client_kid', handle: 8, comment: 'client kid default: direct', expr: [{ counter: { packets: 4, bytes: 40 } }, { goto: { target: 'mark_direct_pkt' } }] } },
		{ rule: { family: 'inet', table: 'splitwg', chain: 'forward', handle: 5, comment: 'leak guard: us traffic only leaves by sw_us', expr: [{ match: {} }, { counter: { packets: 1, bytes: 60 } }, { drop: null }] } },
		{ rule: { family: 'inet', table: 'splitwg', chain: 'forward', handle: 10, comment: 'leak guard: eu traffic only leaves by sw_eu', expr: [{ match: {} }, { counter: { packets: 0, bytes: 0 } }, { drop: null }] } },
		{ rule: { family: 'inet', table: 'splitwg', chain: 'dns_hijack', handle: 6, comment: 'DNS hijack', expr: [{ match: {} }, { counter: { packets: 9, bytes: 500 } }, { redirect: { port: 53 } }] } },
		{ rule: { family: 'inet', table: 'splitwg', chain: 'dns_hijack', handle: 11, comment: 'DoT/DoQ blocked', expr: [{ counter: { packets: 0, bytes: 0 } }, { drop: null }] } },
	] });
	const m = api(r);
	const s = rpcd(m, 'status') as Record<string, any>;
	assert.deepEqual(Object.keys(s), ['enabled', 'version', 'applied', 'upstreams', 'clients', 'last_apply', 'pending', 'warnings', 'warning_messages', 'subscriptions', 'groups']);
	assert.equal(s.applied, true);
	assert.equal(s.enabled, true);
	assert.equal(s.pending, false);
	assert.deepEqual(s.upstreams, [
		{ name: 'us', iface: 'sw_us', enabled: true, up: true, handshake_age: 42, rx: 1048576, tx: 2048, healthy: true, health: null },
		{ name: 'eu', iface: 'sw_eu', enabled: true, up: false, handshake_age: null, rx: 0, tx: 0, healthy: false, health: null },
	]);
	assert.deepEqual(s.clients.find((c: any) => c.name === 'tv'), { name: 'tv', kind: 'device', enabled: true, counters: { direct: 20, proxy: 8, block: 0, ruleset: 0 }, handshake_age: null },
		'the rule set\'s one rule proxies: tv\'s 12 - 4 matches there are proxied');
	assert.deepEqual(s.clients.find((c: any) => c.name === 'kid').counters, { direct: 4, proxy: 5, block: 2, ruleset: 0 }, 'per-packet mark chains count as their path');
	assert.equal(s.clients.find((c: any) => c.name === 'phone').handshake_age, 600);
	assert.equal(s.last_apply.ok, true);
	assert.ok(s.warnings.includes('upstream eu: interface sw_eu is down (kill switch: its traffic is blocked)'));
	const st = rpcd(m, 'stats') as Record<string, any>;
	const NONE = { direct: { up: 0, down: 0 }, proxy: {} };
	assert.deepEqual(st, {
		clients: [
			{ name: 'tv', rules: [], default: { packets: 20, bytes: 2000 }, rulesets: [{ name: 'rs_streaming_0', packets: 8, bytes: 800 }],
				paths: { direct: 20, proxy: 8, block: 0, ruleset: 0 }, rx: null, tx: null, bytes: NONE },
			{ name: 'kid', rules: [{ rule: 'client.kid.rule[0]', packets: 5, bytes: 50 }, { rule: 'client.kid.rule[1]', packets: 2, bytes: 120 }], default: { packets: 4, bytes: 40 }, rulesets: [],
				paths: { direct: 4, proxy: 5, block: 2, ruleset: 0 }, rx: null, tx: null, bytes: null },
			// every applied client, counted or not; a peer with its bytes through the server tunnel;
			// bytes by path (conntrack lists nothing here) for those with an address, null for MAC-only ones
			...['laptop', 'phone', 'guest'].map((name) => ({ name, rules: [], default: { packets: 0, bytes: 0 }, rulesets: [],
				paths: { direct: 0, proxy: 0, block: 0, ruleset: 0 }, rx: name === 'phone' ? 100 : null, tx: name === 'phone' ? 200 : null,
				bytes: name === 'guest' ? null : NONE })),
		],
		// rs_streaming_1 (phone's binding) is not in the listing: its counters are not attributed
		rulesets: [
			{ name: 'rs_streaming_0', ruleset: 'streaming', clients: ['tv'], rules: [{ rule: 'ruleset.streaming.rule[0]', packets: 8, bytes: 800 }] },
			{ name: 'rs_streaming_1', ruleset: 'streaming', clients: ['phone'], rules: [] },
		],
		// new connections, and the tunnel as status shows it
		upstreams: [{ name: 'us', packets: 8, bytes: 800, up: true, handshake_age: 42, rx: 1048576, tx: 2048 },
			{ name: 'eu', packets: 5, bytes: 50, up: false, handshake_age: null, rx: 0, tx: 0 }],
		dropped: { leak: 1, dot: 0 },
		dns_hijacked: 9,
		bytes: { source: 'conntrack', missing: null, connections: 0, unattributed: NONE },
	});
	// no read method hands out a stored key (wg dump's interface line included)
	const reads = JSON.stringify([s, st, rpcd(m, 'check'), rpcd(m, 'explain', { client: 'phone', destination: 'video.test' }), rpcd(m, 'version')]);
	for (const k of KEYS) assert.ok(!reads.includes(k), `key ${k.slice(0, 6)}… leaked`);
});

test('status: a stale handshake and a pending change are reported', () => {
	const r = fakeRouter({ uci: openwrt() });
	apply(r.env);
	r.ifaces = { sw_us: { up: true }, sw_eu: { up: true } };
	r.wgDump.sw_us = `x\ty\t0\toff\nFoP/cHfO+s0I5s6RoBsLjJfNo9m64W+6HsqdDECy42E=\t(none)\t203.0.113.5:51820\t0.0.0.0/0\t${r.now - 1800}\t1\t2\t25\n`;
	r.wgDump.sw_eu = `x\ty\t0\toff\nc3ggHnMEXla2VomLwKueTDl7bvSbg8JWem7k6/Urk2Y=\t(hidden)\t(none)\t0.0.0.0/0\t0\t0\t0\toff\n`;
	r.uci.setText('splitwg', r.uci.text('splitwg').replace("option default 'proxy'", "option default 'direct'"));
	const s = rpcd(api(r), 'status') as Record<string, any>;
	assert.equal(s.pending, true);
	assert.ok(s.warnings.includes('upstream us: no handshake for 30 minutes'), s.warnings.join('\n'));
	assert.ok(s.warnings.includes('upstream eu: no handshake yet (no keepalive set: an idle tunnel does not handshake)'), s.warnings.join('\n'));
	assert.equal(s.upstreams[0].healthy, false);
});

test('status after stop: not applied, nothing pending, no upstream warning (nothing is installed to block anything)', () => {
	const r = fakeRouter({ uci: openwrt() });
	apply(r.env);
	assert.equal(stop(r.env).ok, true);
	r.ifaces = { sw_us: { up: false }, sw_eu: { up: false } };
	const s = rpcd(api(r), 'status') as Record<string, any>;
	assert.equal(s.enabled, true, 'the configuration is enabled');
	assert.equal(s.applied, false);
	assert.equal(s.pending, false);
	assert.deepEqual(s.warnings.filter((w: string) => w.startsWith('upstream ')), []);
});

test('status: the running dnsmasq reads another conf-dir than the one holding our file', () => {
	const r = fakeRouter({ uci: openwrt() });
	apply(r.env);
	r.fs.mkdirp('/var/etc');
	r.fs.write(`/var/etc/dnsmasq.conf.${dnsSection(r)}`, 'conf-dir=/tmp/dnsmasq.d\n');
	const s = rpcd(api(r), 'status') as Record<string, any>;
	assert.ok(s.warnings.includes('dnsmasq reads /tmp/dnsmasq.d, but splitwg\'s domain entries are not there: run splitwg apply'), s.warnings.join('\n'));
});

test('status: every warning carries its message (id, args) beside the English, and a failed apply keeps the message it was worded from', () => {
	const r = fakeRouter({ uci: openwrt() });
	apply(r.env);
	r.fail = (argv) => argv[0] === 'nft' && argv[1] === '-f' && argv[2].endsWith('next.nft') ? { code: 1, stdout: '', stderr: 'Error: Operation not supported\n' } : null;
	r.uci.setText('splitwg', r.uci.text('splitwg').replace("option default 'proxy'", "option default 'direct'"));
	const res = apply(r.env);
	assert.equal(res.error?.id, 'apply_restored');
	const s = rpcd(api(r), 'status') as Record<string, any>;
	assert.equal(s.warning_messages.length, s.warnings.length);
	s.warning_messages.forEach((w: any, i: number) => {
		assert.deepEqual(Object.keys(w).sort(), ['args', 'id', 'message']);
		assert.equal(w.message, s.warnings[i], 'the English is the warning as before');
	});
	const down = s.warning_messages.find((w: any) => w.id === 'status_upstream_down_blocked');   // (both are down: no netifd here)
	assert.deepEqual(down.args, ['us', 'sw_us']);
	assert.equal(down.message, 'upstream us: interface sw_us is down (kill switch: its traffic is blocked)');
	assert.equal(s.last_apply.ok, false);
	assert.equal(s.last_apply.id, 'apply_restored');
	assert.equal(s.last_apply.args[0], 'nft');
	assert.match(s.last_apply.message, /^nft: nft -f .* exited 1: Error: Operation not supported; previous state restored$/);
	const failed = s.warning_messages.find((w: any) => w.id === 'status_apply_failed');
	assert.deepEqual(failed.args, [{ id: 'apply_restored', args: s.last_apply.args }], 'the failed apply\'s message, nested');
	assert.equal(failed.message, `last apply failed: ${s.last_apply.message}`);
	// the next apply succeeds: its summary is plain text, no id of the failure left over
	r.fail = () => null;
	assert.equal(apply(r.env).ok, true);
	const ok = rpcd(api(r), 'status') as Record<string, any>;
	assert.deepEqual(Object.keys(ok.last_apply), ['ok', 'time', 'message']);
	assert.equal(ok.warning_messages.some((w: any) => w.id === 'status_apply_failed'), false);
});

test('status: a failed apply stored by an older version (no id) is shown by its text', () => {
	const r = fakeRouter({ uci: openwrt() });
	apply(r.env);
	const st = JSON.parse(r.fs.read('/var/run/splitwg/state.json')!);
	r.fs.write('/var/run/splitwg/state.json', JSON.stringify({ ...st, ok: false, message: 'old words' }));
	const s = rpcd(api(r), 'status') as Record<string, any>;
	assert.deepEqual(Object.keys(s.last_apply), ['ok', 'time', 'message']);
	assert.deepEqual(s.warning_messages.find((w: any) => w.id === 'status_apply_failed').args, ['old words']);
	assert.ok(s.warnings.includes('last apply failed: old words'));
});

test('genkey, import_conf, peer_conf', () => {
	const r = fakeRouter({ uci: openwrt() });
	const m = api(r);
	assert.deepEqual(rpcd(m, 'genkey'), { private_key: GENKEY, public_key: fakePub(GENKEY) });
	const bad = rpcd(m, 'import_conf', { text: '[Interface]\nPrivateKey = nope\n[Peer]\n' }) as Record<string, any>;
	assert.equal(bad.error.code, 'PARSE_ERROR');
	assert.deepEqual(bad.errors.map((e: any) => e.line), [0, 0, 0, 2]);
	const ok = rpcd(m, 'import_conf', { name: 'nl', text: '[Interface]\nPrivateKey = WEwUzEUb44RdC/egGl/x1/s2dDe7FpJT70QWsXzeYk8=\nAddress = 10.2.0.2/32\n[Peer]\nPublicKey = FoP/cHfO+s0I5s6RoBsLjJfNo9m64W+6HsqdDECy42E=\nEndpoint = nl.example:51820\n' }) as Record<string, any>;
	assert.equal(ok.upstream.name, 'nl');
	assert.deepEqual(ok.upstream.allowed_ips, ['0.0.0.0/0', '::/0']);
	const pc = rpcd(m, 'peer_conf', { client: 'phone' }) as Record<string, any>;
	assert.match(pc.conf, /^\[Interface\]\nPrivateKey = YO8KaCEX/m);
	assert.deepEqual(rpcd(m, 'peer_conf', { client: 'tv' }), { error: { code: 'NOT_A_PEER', message: 'client tv is a LAN device, not a WireGuard peer', path: 'client', id: 'not_a_peer', args: ['tv'] } });
});

test('a failure inside a method is an in-band error, not an rpcd UNKNOWN_ERROR', () => {
	const r = fakeRouter({ uci: openwrt() });
	r.env.run = () => { throw new Error('popen failed'); };
	assert.deepEqual(rpcd(api(r), 'genkey'), { error: { code: 'INTERNAL', message: 'popen failed', path: null } });
});

test('status of a configuration with problems: globals.enabled is read as the config reader reads booleans', () => {
	const with_ = (v: string) => {
		// (the first `enabled` is globals'); a problem (unknown option), so status has no config and reads enabled alone
		const r = fakeRouter({ uci: openwrt(HOME.replace("\toption enabled '1'\n", `\toption enabled '${v}'\n\toption typo '1'\n`)) });
		const s = rpcd(api(r), 'status') as Record<string, any>;
		assert.ok(s.warnings.some((w: string) => /problem\(s\)/.test(w)), s.warnings.join('\n'));
		return s.enabled;
	};
	// 'disabled' is a boolean of values.ts, and false (status said true)
	assert.equal(with_('disabled'), false);
	assert.equal(with_('off'), false);
	assert.equal(with_('enabled'), true);
	// not a boolean: the default, as the reader has it
	assert.equal(with_('maybe'), true);
});
