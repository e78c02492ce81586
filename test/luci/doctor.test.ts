// The overview words `splitwg doctor`'s findings (src/luci/_doctor.ts). The
// set of ids has one source: FINDING_IDS of src/router/doctor.ts, which
// doctor()'s finding() is typed to; here the LuCI table, the CLI's
// describeFinding and a sample of every id's args are held against it.
import { test } from 'vitest';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { FINDING_IDS, doctor } from '../../src/router/doctor';
import type { Finding, FindingId } from '../../src/router/doctor';
import { describeFinding } from '../../src/router/command';
import { apply } from '../../src/router/apply';
import { doctorFindingIds, doctorLines, findingWords } from '../../src/luci/_doctor';
import { fakeRouter } from '../router/fakes';
import { openwrt } from '../router/openwrt';
import { extract, parsePo, PO_DIR, ROOT } from './i18n';

// Every id with the args doctor.ts gives it, each variant the wording
// distinguishes. Typed by FindingId: a new id fails the typecheck until
// it has a sample here.
const SAMPLES: Record<FindingId, Finding[]> = {
	uncommitted: [{ id: 'uncommitted', path: 'dhcp', args: { config: 'dhcp', changes: 2 } }],
	config_invalid: [{ id: 'config_invalid', path: 'client.tv.address[0]', args: { problems: 3, first: 'is required', first_id: 'required', first_args: [] } }],
	not_applied: [{ id: 'not_applied', path: null, args: { stopped: true } }, { id: 'not_applied', path: null, args: { stopped: false } }],
	last_apply_failed: [{ id: 'last_apply_failed', path: null, args: { message: 'nft: nft -f x exited 1; previous state restored' } }],
	config_changed: [{ id: 'config_changed', path: null, args: {} }],
	table_missing: [{ id: 'table_missing', path: 'nft', args: { unguarded: ['kid', 'guest'] } }, { id: 'table_missing', path: 'nft', args: { unguarded: [] } }],
	table_file_missing: [{ id: 'table_file_missing', path: 'nft', args: { file: '/usr/share/nftables.d/ruleset-post/90-splitwg.nft' } }],
	table_file_changed: [{ id: 'table_file_changed', path: 'nft', args: { file: '/usr/share/nftables.d/ruleset-post/90-splitwg.nft' } }],
	table_differs: [{ id: 'table_differs', path: 'nft', args: { missing: ['set hijack4'], extra: ['chain client_old'] } },
		{ id: 'table_differs', path: 'nft', args: { missing: [], extra: ['chain client_old'] } }],
	stray_elements: [{ id: 'stray_elements', path: 'nft.client4', args: { kind: 'map', name: 'client4', elements: ['192.168.77.99 : goto client_tv'] } }],
	missing_elements: [{ id: 'missing_elements', path: 'nft.client4', args: { kind: 'map', name: 'client4', elements: ['192.168.77.10 : goto client_tv'] } }],
	rule_missing: [{ id: 'rule_missing', path: 'network.swguard4_tv_0', args: { section: 'swguard4_tv_0', family: 4, priority: '21003' } }],
	route_missing: [{ id: 'route_missing', path: 'network.swkill4_us', args: { section: 'swkill4_us', family: 4, table: '2101', type: 'unreachable' } }],
	tunnel_down: [{ id: 'tunnel_down', path: 'upstream.eu', args: { upstream: 'eu', iface: 'sw_eu', kill_switch: true } },
		{ id: 'tunnel_down', path: 'upstream.eu', args: { upstream: 'eu', iface: 'sw_eu', kill_switch: false } }],
	no_handshake: [{ id: 'no_handshake', path: 'upstream.us', args: { upstream: 'us', iface: 'sw_us', age: null } },
		{ id: 'no_handshake', path: 'upstream.us', args: { upstream: 'us', iface: 'sw_us', age: 900 } }],
	dnsmasq_no_nftset: [{ id: 'dnsmasq_no_nftset', path: 'dnsmasq', args: { installed: true } }, { id: 'dnsmasq_no_nftset', path: 'dnsmasq', args: { installed: false } }],
	dnsmasq_file_missing: [{ id: 'dnsmasq_file_missing', path: 'dnsmasq', args: { dir: '/tmp/dnsmasq.d', file: '/tmp/dnsmasq.d/splitwg.conf', differs: false } },
		{ id: 'dnsmasq_file_missing', path: 'dnsmasq', args: { dir: '/tmp/dnsmasq.d', file: '/tmp/dnsmasq.d/splitwg.conf', differs: true } }],
	ipv6_unclassified: [{ id: 'ipv6_unclassified', path: 'globals.ipv6', args: {} }],
	client_ipv4_only: [{ id: 'client_ipv4_only', path: 'client.laptop.address', args: { client: 'laptop' } }],
};

// describeFinding's answer for an id it has no case for
const cliFallback = (f: Finding) => `${f.id}${f.path ? ' (' + f.path + ')' : ''}`;

test('the LuCI table words exactly the ids the router can report', () => {
	assert.deepEqual([...doctorFindingIds()].sort(), [...FINDING_IDS].sort());
});

for (const id of FINDING_IDS) {
	test(`${id}: the CLI and LuCI word every variant, with its values`, () => {
		const samples = SAMPLES[id];
		assert.ok(samples.length);
		const variants = new Set<string>();
		for (const f of samples) {
			assert.equal(f.id, id);
			const cli = describeFinding(f);
			assert.notEqual(cli, cliFallback(f), 'command.ts describeFinding has no case for it');
			const [l] = doctorLines([f]);
			for (const s of [l!.what, l!.fix]) {
				assert.doesNotMatch(s, /undefined|null|\?|%s|not described by this version/, s);
				assert.ok(s.length > 10, s);
			}
			// the values the owner needs (flags choose the wording; age is shown in minutes)
			for (const [k, v] of Object.entries(f.args)) {
				if (typeof v === 'boolean' || v === null || k === 'age' || k === 'section') continue;
				for (const x of Array.isArray(v) ? v : [v]) assert.ok(`${l!.what} ${l!.fix}`.includes(String(x)), `${k}=${x} shown in: ${l!.what}`);
			}
			variants.add(l!.what);
		}
		assert.equal(variants.size, samples.length, 'each variant reads differently');
	});
}

test('every template is a literal of the catalogue (so it is translated)', () => {
	const ids = new Set(extract().entries.map((e) => e.msgid));
	for (const f of Object.values(SAMPLES).flat()) {
		const w = findingWords(f);
		assert.ok(ids.has(w.what.text), w.what.text);
		assert.ok(ids.has(w.fix.text), w.fix.text);
	}
});

test('doctorLines: findings in, one translated line each out; values that are messages are translated too', () => {
	const zh = parsePo(fs.readFileSync(path.join(ROOT, PO_DIR, 'zh_Hans', 'splitwg.po'), 'utf8')).tr;
	const _ = (s: string) => zh.get(s) || s;
	const lines = doctorLines([
		SAMPLES.tunnel_down[0]!,
		SAMPLES.config_invalid[0]!,
		{ id: 'table_differs', path: 'nft', args: { missing: [], extra: ['chain client_old'] } },
	], _);
	assert.deepEqual(lines, [
		{ id: 'tunnel_down', what: '上游 eu：接口 sw_eu 已断开：其流量被阻止（断网保护）。', fix: 'ifup sw_eu；原因见系统日志（logread -e netifd）' },
		{ id: 'config_invalid', what: '配置有 3 个问题，第一个在 client.tv.address[0]：为必填项', fix: '改正后点击“保存并应用”（splitwg check 会列出所有问题）' },
		{ id: 'table_differs', what: 'table inet splitwg 与已应用的方案不同（缺少：无；方案中没有：chain client_old）：被手动修改，或由其他版本加载。', fix: '在路由器上运行 splitwg apply' },
	]);
	assert.deepEqual(doctorLines([]), []);
});

test('doctorLines: a long list is cut at 8 and counted', () => {
	const elements = Array.from({ length: 12 }, (_v, i) => `10.0.0.${i}`);
	const [l] = doctorLines([{ id: 'stray_elements', path: 'nft.client4', args: { kind: 'map', name: 'client4', elements } }]);
	assert.equal(l!.what, 'map client4 holds 10.0.0.0, 10.0.0.1, 10.0.0.2, 10.0.0.3, 10.0.0.4, 10.0.0.5, 10.0.0.6, 10.0.0.7 … (+4), which the configuration does not have.');
});

test('an id this version does not know (a newer router) shows its id, path and args; missing args do not crash', () => {
	const [l] = doctorLines([{ id: 'future_check', path: 'nft.x', args: { a: 1, b: ['y'] } }]);
	assert.equal(l!.id, 'future_check');
	assert.equal(l!.what, 'future_check (nft.x) (not described by this version of the web interface): {"a":1,"b":["y"]}');
	assert.equal(l!.fix, 'see splitwg doctor on the router');
	const [n] = doctorLines([{ id: 'other', path: null, args: null as any }]);
	assert.match(n!.what, /^other \(not described/);
	const [k] = doctorLines([{ id: 'tunnel_down', path: 'upstream.eu', args: undefined as any }]);
	assert.match(k!.what, /^Upstream \?: interface \? is down/);
	const [p] = doctorLines([{ id: 'constructor', path: null, args: {} }]);
	assert.match(p!.what, /not described/, 'an Object.prototype name is not a finding');
});

test('the real doctor on a router whose table was flushed: the args it gives read as intended', () => {
	const r = fakeRouter({ uci: openwrt() });
	assert.equal(apply(r.env).ok, true);
	r.ifaces = { sw_us: { up: true }, sw_eu: { up: true }, sw_server: { up: true } };
	r.handshakes = { sw_us: r.now - 30, sw_eu: r.now - 60 };
	r.table = null;
	const d = doctor(r.env);
	assert.equal(d.ok, false);
	assert.deepEqual(doctorLines(d.findings), [{
		id: 'table_missing',
		what: 'Table inet splitwg is missing: the firewall was stopped or flushed. kid, guest (identified by MAC or interface only) now leave direct.',
		fix: 'run splitwg apply on the router (or /etc/init.d/firewall start)',
	}]);
});
