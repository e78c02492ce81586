// The compiled router code (files/usr/sbin/splitwg + router.uc) under a real
// ucode, against the same scenario the Node tests run: the UCI files ucode's
// uci module writes must hold exactly the sections the Node run produces.
// Needs a ucode binary: $UCODE (as `npm run test:ucode`); skipped without.
// Commands go through a stub (SPLITWG_EXEC) that simulates nft/dnsmasq/wg
// and records everything else; files live under SPLITWG_ROOT.
import { test } from 'vitest';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseUci, readConfig, compile } from '../../src/core/index';
import { apply } from '../../src/router/apply';
import { fakeRouter } from './fakes';
import { openwrt, HOME } from './openwrt';
import { setup, FETCH_STUB } from '../helpers/ucoderoot';
import { templates, addTemplate } from '../../src/router/templates';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const UCODE = process.env.UCODE ?? '';

function sections(file: string) {
	return parseUci(fs.readFileSync(file, 'utf8')).sections.map((s) => ({ type: s.type, name: s.anonymous ? '' : s.name, options: s.options }));
}

// the anonymous dnsmasq instance's conf-dir, /tmp/dnsmasq.<libuci's cfg… name>.d
function dnsConf(root: string): string {
	const d = fs.readdirSync(path.join(root, 'tmp')).filter((n) => /^dnsmasq\.cfg[0-9a-f]+\.d$/.test(n));
	assert.equal(d.length, 1, `one instance conf-dir: ${d}`);
	return path.join(root, 'tmp', d[0]!, 'splitwg.conf');
}

const reloadCalls = (log: string) => log.split('\n').filter((c) => /^(nft -f|nft delete|ubus call network|ifup|fw4|\/etc\/init\.d\/)/.test(c));

test('apply / re-apply / stop under real ucode match the Node run', { skip: Boolean(UCODE === '' ? 'no ucode: set UCODE=/path/to/ucode' : false) }, () => {
	const { root, run } = setup();
	const cfg = (n: string) => path.join(root, 'etc/config', n);
	const a = run('apply');
	assert.equal(a.code, 0, a.err);
	assert.match(a.out, /^changed nft, dnsmasq, network, firewall; 2 upstream\(s\), 5 client\(s\)$/m);

	// the same apply in Node
	const node = fakeRouter({ uci: openwrt() });
	assert.equal(apply(node.env).ok, true);
	for (const c of ['network', 'firewall', 'dhcp'])
		assert.deepEqual(sections(cfg(c)), node.uci.sections(c).map((s) => ({ type: s.type, name: s.anonymous ? '' : s.name, options: s.options })), c);
	const plan = compile(readConfig(parseUci(HOME).sections).config!);
	assert.equal(fs.readFileSync(path.join(root, 'usr/share/nftables.d/ruleset-post/90-splitwg.nft'), 'utf8'), plan.nft);
	assert.equal(fs.readFileSync(path.join(root, 'table'), 'utf8'), plan.nft);
	assert.equal(fs.readFileSync(dnsConf(root), 'utf8'), plan.dnsmasq);
	const calls = fs.readFileSync(path.join(root, 'calls.log'), 'utf8');
	assert.deepEqual(reloadCalls(calls), ['nft -f /var/run/splitwg/next.nft', 'ubus call network reload', '/etc/init.d/firewall reload', '/etc/init.d/dnsmasq restart']);
	assert.match(calls, /^logger -t splitwg apply ok: /m);
	assert.ok(!calls.includes('WEwUzEUb'), 'no key on any command line');
	// no stderr scratch files left behind
	assert.deepEqual(fs.readdirSync(path.join(root, 'var/run/splitwg')).filter((f) => f.startsWith('err.')), []);
	// the plan kept for the next apply (plancache.ts) reads back as compile()'s, keyed by the file's md5
	// (lean: the printed texts are files of their own, the table's sets have no elements)
	const cached = (f: string) => fs.readFileSync(path.join(root, 'var/run/splitwg', f), 'utf8');
	const kept = JSON.parse(cached('plan.json'));
	const want = compile(readConfig(parseUci(HOME).sections).config!, { local: [] });
	assert.equal(cached('plan.nft'), want.nft);
	assert.equal(cached('plan.dnsmasq'), want.dnsmasq);
	const sets = want.table!.sets.map((s) => ({ ...s, elements: s.elements === null ? null : [] }));
	assert.deepEqual(kept.plan, JSON.parse(JSON.stringify({ ...want, nft: '', dnsmasq: '', table: { ...want.table, sets } })));
	const md5 = spawnSync('md5sum', [cfg('splitwg')], { encoding: 'utf8' }).stdout.split(' ')[0];
	assert.equal(kept.digest, md5);
	assert.equal(JSON.parse(fs.readFileSync(path.join(root, 'var/run/splitwg/state.json'), 'utf8')).config_hash, md5);

	// what the kernel reports after that apply (rules, routes, the table's objects): the Node
	// run's simulated router answers the same readings the re-apply makes
	node.reset();
	assert.equal(apply(node.env).ok, true);
	fs.mkdirSync(path.join(root, 'answers'));
	for (const c of new Set(node.calls.filter((x) => /^(ip -j|nft -j)/.test(x))))
		fs.writeFileSync(path.join(root, 'answers', c.replace(/[ /]/g, '_')), node.env.run(c.split(' ')).stdout);
	fs.writeFileSync(path.join(root, 'calls.log'), '');
	const again = run('apply', '--json');
	assert.equal(again.code, 0, again.err);
	assert.deepEqual(JSON.parse(again.out).changed, { nft: false, dnsmasq: false, network: false, firewall: false, dhcp: false });
	assert.deepEqual(reloadCalls(fs.readFileSync(path.join(root, 'calls.log'), 'utf8')), []);

	const st = run('status', '--json');
	assert.equal(st.code, 0, st.err);
	assert.deepEqual(Object.keys(JSON.parse(st.out)), ['enabled', 'version', 'applied', 'upstreams', 'clients', 'last_apply', 'pending', 'warnings', 'warning_messages', 'subscriptions', 'groups']);

	const x = run('explain', 'laptop', '192.0.2.77', '--proto', 'tcp', '--port', '443', '--json');
	assert.equal(JSON.parse(x.out).upstream, 'eu');

	const dns = dnsConf(root);
	// (the prepared readings are of the table that stop deletes: the stub answers from its own state again)
	fs.rmSync(path.join(root, 'answers'), { recursive: true });
	const s = run('stop');
	assert.equal(s.code, 0, s.err);
	for (const c of ['network', 'firewall', 'dhcp'])
		assert.deepEqual(sections(cfg(c)), parseUci(openwrt()[c]).sections.map((x) => ({ type: x.type, name: x.anonymous ? '' : x.name, options: x.options })), c);
	assert.ok(!fs.existsSync(path.join(root, 'table')));
	assert.ok(!fs.existsSync(dns));
	fs.rmSync(root, { recursive: true, force: true });
});

test('a failing nft -f under real ucode restores everything', { skip: Boolean(UCODE === '' ? 'no ucode: set UCODE=/path/to/ucode' : false) }, () => {
	const { root, run } = setup();
	const stub = fs.readFileSync(path.join(root, 'exec'), 'utf8').replace('"nft -f") [', '"nft -f") echo "Error: Could not process rule: No such file or directory" >&2; exit 1; [');
	fs.writeFileSync(path.join(root, 'exec'), stub);
	const before = Object.fromEntries(['network', 'firewall', 'dhcp'].map((c) => [c, fs.readFileSync(path.join(root, 'etc/config', c), 'utf8')]));
	const a = run('apply');
	assert.equal(a.code, 1);
	assert.equal(a.err.split('\n')[0], 'splitwg: nft: nft -f /usr/share/nftables.d/ruleset-post/90-splitwg.nft exited 1: Error: Could not process rule: No such file or directory; previous state restored');
	for (const c of ['network', 'firewall', 'dhcp']) assert.equal(fs.readFileSync(path.join(root, 'etc/config', c), 'utf8'), before[c], c);
	assert.ok(!fs.existsSync(path.join(root, 'usr/share/nftables.d/ruleset-post/90-splitwg.nft')));
	assert.ok(!fs.readdirSync(path.join(root, 'tmp')).some((n) => n.startsWith('dnsmasq.') && fs.existsSync(path.join(root, 'tmp', n, 'splitwg.conf'))));
	// status keeps the failure as the message it was worded from, its warnings as messages
	const st = JSON.parse(run('status', '--json').out);
	assert.equal(st.last_apply.id, 'apply_restored');
	assert.equal(st.last_apply.args[0], 'nft');
	assert.deepEqual(st.warning_messages.map((w: any) => w.message), st.warnings);
	assert.ok(st.warning_messages.some((w: any) => w.id === 'status_apply_failed' && w.args[0].id === 'apply_restored'), st.out);
	fs.rmSync(root, { recursive: true, force: true });
});

test('a late failure under real ucode puts every section back in place (libuci reorder)', { skip: Boolean(UCODE === '' ? 'no ucode: set UCODE=/path/to/ucode' : false) }, () => {
	const { root, run } = setup();
	assert.equal(run('apply').code, 0);
	const files = ['etc/config/network', 'etc/config/firewall', 'usr/share/nftables.d/ruleset-post/90-splitwg.nft', path.relative(root, dnsConf(root)), 'table'];
	const read = () => files.map((f) => fs.readFileSync(path.join(root, f), 'utf8'));
	const before = read();
	// a third upstream (network, firewall, nft) and a new domain (dnsmasq); then dnsmasq fails to restart
	const cfg = path.join(root, 'etc/config/splitwg');
	fs.writeFileSync(cfg, fs.readFileSync(cfg, 'utf8')
		.replace("config ruleset 'streaming'", "config upstream 'jp'\n\toption private_key 'GJ0cmK2Tsn5HXYiwFxNqDk0aH3ZZXNRn3+VUk6FQ7kA='\n\tlist address '10.200.3.2/32'\n\toption public_key 'ZJ0cmK2Tsn5HXYiwFxNqDk0aH3ZZXNRn3+VUk6FQ7kA='\n\toption endpoint 'jp.vpn.example:51820'\n\nconfig ruleset 'streaming'")
		.replace("list domain 'video.test'", "list domain 'video.test'\n\tlist domain 'anime.test'\n\toption upstream 'jp'"));
	const stub = fs.readFileSync(path.join(root, 'exec'), 'utf8').replace('"nft -c")', '"/etc/init.d/dnsmasq restart") [ -f "$R/failed" ] && exit 0; touch "$R/failed"; exit 1 ;;\n"nft -c")');
	assert.notEqual(stub, fs.readFileSync(path.join(root, 'exec'), 'utf8'));
	fs.writeFileSync(path.join(root, 'exec'), stub);
	const a = run('apply', '--json');
	assert.equal(a.code, 1, a.err);
	const r = JSON.parse(a.out);
	assert.equal(r.error.path, 'dnsmasq');
	assert.deepEqual(r.changed, { nft: true, dnsmasq: true, network: true, firewall: true, dhcp: false });
	const after = read();
	for (let i = 0; i < files.length; i++) assert.equal(after[i], before[i], files[i]);
	fs.rmSync(root, { recursive: true, force: true });
});

test('pending `uci set`s (libuci delta files) in network stop the apply under real ucode', { skip: Boolean(UCODE === '' ? 'no ucode: set UCODE=/path/to/ucode' : false) }, () => {
	const { root, run } = setup();
	fs.mkdirSync(path.join(root, 'tmp/.uci'), { recursive: true });
	fs.writeFileSync(path.join(root, 'tmp/.uci/network'), "network.lan.mtu='1400'\n");
	const before = fs.readFileSync(path.join(root, 'etc/config/network'), 'utf8');
	const a = run('apply');
	assert.equal(a.code, 1);
	assert.equal(a.err.split('\n')[0], 'splitwg: /etc/config/network has uncommitted changes (uci changes network): commit or revert them first');
	assert.equal(fs.readFileSync(path.join(root, 'etc/config/network'), 'utf8'), before);
	assert.equal(fs.readFileSync(path.join(root, 'tmp/.uci/network'), 'utf8'), "network.lan.mtu='1400'\n");
	fs.rmSync(path.join(root, 'tmp/.uci/network'));
	assert.equal(run('apply').code, 0);
	fs.rmSync(root, { recursive: true, force: true });
});

test('template list / add under real ucode: the sections the Node run adds, then check passes', { skip: Boolean(UCODE === '' ? 'no ucode: set UCODE=/path/to/ucode' : false) }, () => {
	const { root, run } = setup();
	const dir = path.join(root, 'usr/share/splitwg/templates');
	fs.mkdirSync(dir, { recursive: true });
	const shipped = path.join(repo, 'files/usr/share/splitwg/templates');
	const files: Record<string, string> = {};
	for (const f of fs.readdirSync(shipped)) { fs.copyFileSync(path.join(shipped, f), path.join(dir, f)); files[`/usr/share/splitwg/templates/${f}`] = fs.readFileSync(path.join(shipped, f), 'utf8'); }
	const node = fakeRouter({ uci: openwrt(), files });
	const l = run('template', 'list', '--json');
	assert.equal(l.code, 0, l.err);
	assert.deepEqual(JSON.parse(l.out), JSON.parse(JSON.stringify(templates(node.env))));
	const a = run('template', 'add', 'google');
	assert.equal(a.code, 0, a.err);
	assert.equal(addTemplate(node.env, 'google', null).hasOwnProperty('error'), false);
	assert.deepEqual(sections(path.join(root, 'etc/config/splitwg')), node.uci.sections('splitwg').map((s) => ({ type: s.type, name: s.anonymous ? '' : s.name, options: s.options })));
	assert.equal(run('template', 'add', 'google').code, 1);
	const c = run('check');
	assert.equal(c.code, 0, c.err);
	fs.rmSync(root, { recursive: true, force: true });
});

test('a list subscription under real ucode: fetched on apply, a failed or oversized download keeps it, a change is applied', { skip: Boolean(UCODE === '' ? 'no ucode: set UCODE=/path/to/ucode' : false) }, () => {
	const { root, run } = setup();
	const cfg = path.join(root, 'etc/config/splitwg');
	fs.appendFileSync(cfg, "\nconfig subscription 'cn'\n\toption url 'http://lists.example/cn.txt'\n\toption max_size '1'\n\nconfig rule\n\toption client 'tv'\n\tlist list_file 'cn'\n\toption action 'direct'\n");
	fs.mkdirSync(path.join(root, 'bin'));
	fs.writeFileSync(path.join(root, 'bin/uclient-fetch'), FETCH_STUB, { mode: 0o755 });
	fs.mkdirSync(path.join(root, 'www'));
	const body = path.join(root, 'www/cn.txt'), list = path.join(root, 'etc/splitwg/lists/cn');
	fs.writeFileSync(body, '203.0.113.0/24\n');
	const a = run('apply');
	assert.equal(a.code, 0, a.err);
	assert.equal(fs.readFileSync(list, 'utf8'), '203.0.113.0/24\n');
	assert.match(fs.readFileSync(path.join(root, 'etc/crontabs/root'), 'utf8'), /^17 \* \* \* \* \/usr\/sbin\/splitwg update-lists --due .*# splitwg list subscriptions\n$/);
	const frag = fs.readdirSync(path.join(root, 'usr/share/splitwg/lists')).filter((f) => f.endsWith('.4.nft'));
	assert.equal(frag.length, 1);
	assert.match(fs.readFileSync(path.join(root, 'usr/share/splitwg/lists', frag[0]!), 'utf8'), /\t203\.0\.113\.0\/24,/);

	fs.rmSync(body);
	const missing = run('update-lists');
	assert.equal(missing.code, 1);
	assert.equal(missing.err, 'cn: download failed: HTTP error 404; the previous copy stays (1 entries)\n');
	fs.writeFileSync(body, '10.0.0.0/8\n'.repeat(200));
	assert.match(run('update-lists').err, /^cn: the download is larger than max_size \(1 KiB\); the previous copy stays/);
	assert.equal(fs.readFileSync(list, 'utf8'), '203.0.113.0/24\n', 'the previous copy in force');
	assert.deepEqual(fs.readdirSync(path.join(root, 'etc/splitwg/lists')), ['cn'], 'no staging file left');
	const st = JSON.parse(run('status', '--json').out);
	assert.deepEqual([st.subscriptions[0].entries, st.subscriptions[0].error.id], [1, 'sub_too_large']);

	fs.writeFileSync(body, '198.51.100.0/24\n');
	const u = run('update-lists', '--json');
	assert.equal(u.code, 0, u.err);
	const r = JSON.parse(u.out);
	assert.deepEqual([r.lists[0].changed, r.lists[0].entries, r.applied.ok], [true, 1, true]);
	assert.equal(fs.readFileSync(list, 'utf8'), '198.51.100.0/24\n');
	assert.equal(run('stop').code, 0);
	assert.ok(!fs.existsSync(path.join(root, 'etc/crontabs/root')), 'our line was the only one: the file goes with it');
	fs.rmSync(root, { recursive: true, force: true });
});
