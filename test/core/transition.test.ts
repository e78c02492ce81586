// Re-applying an edited config in a real kernel table: config-filled sets
// lose removed addresses; a domain set whose domains changed forgets what
// dnsmasq learned; sets no longer used disappear; learned elements of
// unchanged domain sets survive.
import { test } from 'vitest';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { parseUci, readConfig, compile, nftTransition, tableObjects } from '../../src/core/index';
import type { TableObjects } from '../../src/core/index';

const home = fs.readFileSync('test/golden/home/splitwg', 'utf8');
const planOf = (text: string) => compile(readConfig(parseUci(text).sections).config!);

function inNetns(script: string): string {
	const r = spawnSync('unshare', ['--net', 'sh', '-c', script], { encoding: 'utf8' });
	assert.equal(r.status, 0, r.stderr);
	return r.stdout;
}

test('nftTransition: nothing without a previous plan or without change', () => {
	const p = planOf(home);
	assert.equal(nftTransition(null, p.sets), '');
	assert.equal(nftTransition(p.sets, p.sets), '');
});

test('an edited config, loaded over the old table, leaves no stale addresses', () => {
	const before = planOf(home);
	const edited = home
		.replace("list dest '192.0.2.30'", "list dest '192.0.2.11'")            // laptop rule 0: CIDR edited
		.replace("list domain 'video.test'", "list domain 'shop.test'")         // streaming: domains changed
		.replace(/config rule\n\toption client 'laptop'\n\toption name 'Weekend news'[\s\S]*?option action 'direct'\n/, ''); // rule removed
	const after = planOf(edited);
	const t = nftTransition(before.sets, after.sets);
	assert.match(t, /^flush set inet splitwg rs_streaming_0_d4\t/m);
	assert.match(t, /^delete set inet splitwg c_laptop_4_d4$/m);
	assert.doesNotMatch(t, /c_kid_1_d4/, 'unchanged domain set keeps its learned elements');
	const dir = fs.mkdtempSync('/tmp/swtr-');
	fs.writeFileSync(`${dir}/a.nft`, before.nft);
	fs.writeFileSync(`${dir}/b.nft`, after.nft + t);
	const out = inNetns(`set -e; nft -f ${dir}/a.nft
		nft add element inet splitwg rs_streaming_0_d4 { 192.0.2.10 }
		nft add element inet splitwg c_kid_1_d4 { 192.0.2.12 }
		nft -f ${dir}/b.nft
		nft list set inet splitwg c_laptop_0_n4; nft list set inet splitwg rs_streaming_0_d4; nft list set inet splitwg c_kid_1_d4
		nft list sets inet splitwg | grep -c c_laptop_4_d4 || true`);
	fs.rmSync(dir, { recursive: true });
	const [laptop, streaming, kid] = out.split(/(?=table inet splitwg)/);
	assert.match(laptop, /elements = \{ 192\.0\.2\.11 \}/);
	assert.doesNotMatch(laptop, /192\.0\.2\.30/);
	assert.doesNotMatch(streaming, /192\.0\.2\.10/);
	assert.match(kid, /192\.0\.2\.12/);
	assert.match(out.trim(), /\n0$/);
});

test('the table script alone is idempotent: loading it twice keeps learned elements', () => {
	const p = planOf(home);
	const dir = fs.mkdtempSync('/tmp/swtr-');
	fs.writeFileSync(`${dir}/a.nft`, p.nft);
	const out = inNetns(`set -e; nft -f ${dir}/a.nft; nft add element inet splitwg rs_streaming_0_d4 { 192.0.2.10 }; nft -f ${dir}/a.nft; nft list set inet splitwg rs_streaming_0_d4; nft list set inet splitwg c_laptop_1_n4`);
	fs.rmSync(dir, { recursive: true });
	assert.match(out, /192\.0\.2\.10/);
	assert.match(out, /elements = \{ 192\.0\.2\.0\/24 \}/);
});

// tv moves from .10 to .20; the guest client (interface br-guest) is deleted.
const moved = () => home.replace("list address '192.168.77.10'", "list address '192.168.77.20'")
	.replace(/config client 'guest'[\s\S]*$/, '');

test('the new file alone (fw4 reload, ruleset-post) over an older table: client maps and hijack sets hold exactly the config; learned domain addresses stay', () => {
	const before = planOf(home), after = planOf(moved());
	const dir = fs.mkdtempSync('/tmp/swtr-');
	fs.writeFileSync(`${dir}/a.nft`, before.nft);
	fs.writeFileSync(`${dir}/b.nft`, after.nft);
	const out = inNetns(`set -e; nft -f ${dir}/a.nft
		nft add element inet splitwg rs_streaming_0_d4 { 192.0.2.10 }
		nft -f ${dir}/b.nft
		for m in client4 client_iif hijack4; do nft list map inet splitwg $m; done
		nft list set inet splitwg rs_streaming_0_d4`);
	fs.rmSync(dir, { recursive: true });
	const [client4, iif, hijack4, streaming] = out.split(/(?=table inet splitwg)/);
	assert.doesNotMatch(client4, /192\.168\.77\.10 /, 'the old address is no longer classified as tv');
	assert.match(client4, /192\.168\.77\.20 : goto client_tv/);
	assert.doesNotMatch(iif, /br-guest/, 'the deleted client\'s interface is gone');
	assert.doesNotMatch(hijack4, /192\.168\.77\.10\b/, 'the old address is no longer DNS-hijacked');
	assert.match(hijack4, /192\.168\.77\.20 : goto dns_hijack/);
	assert.match(streaming, /192\.0\.2\.10/, 'dnsmasq\'s element survives');
});

// nft in the namespace `ns` (asserting success), and the table's live objects
function scratch(ns: string) {
	const nx = (args: string[], input?: string) => {
		const r = spawnSync('ip', ['netns', 'exec', ns, 'nft', ...args], { input, encoding: 'utf8' });
		assert.equal(r.status, 0, r.stderr);
		return r.stdout;
	};
	const live = (): TableObjects => {
		const j = JSON.parse(nx(['-j', '-t', 'list', 'table', 'inet', 'splitwg'])).nftables as Record<string, { name: string }>[];
		const of = (k: string) => j.filter((x) => x[k]).map((x) => x[k]!.name);
		return { sets: of('set'), maps: of('map'), chains: of('chain') };
	};
	return { nx, live };
}

test('apply path: the transition from the live table deletes the removed client\'s chain (and nothing when loaded again)', () => {
	const before = planOf(home), after = planOf(moved());
	const ns = `swtr-${process.pid}`;
	const { nx, live } = scratch(ns);
	spawnSync('ip', ['netns', 'add', ns]);
	try {
		nx(['-f', '-'], before.nft);
		const t = nftTransition(before.sets, after.sets, false, live(), tableObjects(after.table!));
		assert.match(t, /^delete chain inet splitwg client_guest$/m);
		nx(['-c', '-f', '-'], after.nft + t);
		nx(['-f', '-'], after.nft + t);
		assert.ok(!live().chains.includes('client_guest'), 'the chain is gone');
		assert.equal(nftTransition(after.sets, after.sets, false, live(), tableObjects(after.table!)), '', 'nothing left to delete');
	} finally { spawnSync('ip', ['netns', 'del', ns]); }
});

test('apply path: a rule set binding no client needs any more (phone moved to tv\'s upstream) is deleted; dnsmasq\'s elements of the rule set\'s sets stay', () => {
	const before = planOf(home);
	const after = planOf(home.replace(/(config client 'phone'[\s\S]*?option upstream )'eu'/, "$1'us'"));
	assert.deepEqual(after.table!.chains.filter((c) => c.binding).map((c) => [c.name, c.binding!.clients]), [['rs_streaming_0', ['tv', 'phone']]]);
	const ns = `swtb-${process.pid}`;
	const { nx, live } = scratch(ns);
	spawnSync('ip', ['netns', 'add', ns]);
	try {
		nx(['-f', '-'], before.nft);
		nx(['add', 'element', 'inet', 'splitwg', 'rs_streaming_0_d4', '{ 192.0.2.10 }']);
		const t = nftTransition(before.sets, after.sets, false, live(), tableObjects(after.table!));
		assert.equal(t, 'delete chain inet splitwg rs_streaming_1\n');
		nx(['-f', '-'], after.nft + t);
		assert.ok(!live().chains.includes('rs_streaming_1'), 'the chain is gone');
		assert.match(nx(['list', 'chain', 'inet', 'splitwg', 'client_phone']), /jump rs_streaming_0/);
		assert.match(nx(['list', 'set', 'inet', 'splitwg', 'rs_streaming_0_d4']), /192\.0\.2\.10/, 'dnsmasq\'s element survives');
	} finally { spawnSync('ip', ['netns', 'del', ns]); }
});
