// Re-applying an edited config in a real kernel table: config-filled sets
// lose removed addresses; a domain set whose domains changed forgets what
// dnsmasq learned; sets no longer used disappear; learned elements of
// unchanged domain sets survive.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { parseUci, readConfig, compile, nftTransition } from '../../src/core/index';

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
