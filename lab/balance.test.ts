// Balance groups in the kernel (issue 15): the compiled table loaded into a
// router namespace whose three upstream "tunnels" are veth ends named as
// ours (sw_us, sw_eu, sw_jp: the leak guard and ip rules are the real
// ones), a client namespace opening UDP connections through it. What is
// counted is the kernel's: conntrack's entries by mark, and the packets each
// of those devices sent.
//   - 1,000 new connections over 3 members up: each gets its share ±10 %;
//   - every connection keeps its member: its second packet leaves by the
//     same device (two packets per entry, and per device twice its entries);
//   - a member down (the checker's slot rewrite + conntrack flush): new
//     connections avoid it, and with `spread 'destination'` every destination
//     that was on a member up stays there — only the down member's move.
//
//   flock /tmp/swl-lab.lock npx vitest run --project lab lab/balance.test.ts     (as root)

import { test, beforeAll, afterAll } from 'vitest';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { run, sh, trySh, ipBatch, nft } from './netns.ts';
import { NS_PREFIX } from './addresses.ts';
import { parseUci, readConfig, compile } from './core.ts';
import { groupsScript } from '../src/core/nftprint.ts';
import type { Config } from './core.ts';

const R = `${NS_PREFIX}bal-r`, C = `${NS_PREFIX}bal-c`;
const MEMBERS = ['us', 'eu', 'jp'];
const MASK = 0x70000000;
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'swl-balance-'));

function config(spread: string): Config {
	const up = (n: string, i: number) => `config upstream '${n}'
	option private_key 'WEwUzEUb44RdC/egGl/x1/s2dDe7FpJT70QWsXzeYk8='
	list address '10.200.${i}.2/32'
	option public_key 'FoP/cHfO+s0I5s6RoBsLjJfNo9m64W+6HsqdDECy42E='
	option endpoint '192.0.2.${i}:51820'
	option keepalive '25'
`;
	const text = `config globals 'main'
	option ipv6 '0'
${MEMBERS.map((n, i) => up(n, i + 1)).join('\n')}
config group 'spread'
	option mode 'balance'
	option spread '${spread}'
${MEMBERS.map((n) => `	list member '${n}'`).join('\n')}

config client 'pc'
	list address '10.9.0.2'
	option default 'proxy'
	option upstream 'spread'
	option dns_hijack '0'
`;
	const r = readConfig(parseUci(text).sections);
	assert.deepEqual(r.problems, []);
	return r.config!;
}

async function load(cfg: Config): Promise<void> {
	await trySh(R, ['nft', 'delete', 'table', 'inet', 'splitwg']);
	await trySh(R, ['conntrack', '-F']);
	await nft(R, compile(cfg, { groupState: path.join(tmp, 'groups.nft') }).nft);
}

// the checker's rewrite of the groups' slots, with `down` out
async function slots(cfg: Config, down: string[]): Promise<void> {
	await nft(R, groupsScript(cfg, down));
}

// UDP "connections" from the client: one socket per source port, a first
// datagram each, then a second on every socket once all are open.
async function send(ports: number[], dest: (i: number) => string): Promise<void> {
	const js = `const d=require('dgram');const P=${JSON.stringify(ports)};const S=[];let n=0;
function one(i,cb){const s=d.createSocket('udp4');S[i]=s;s.on('error',()=>{});s.bind(P[i],()=>s.send('x',9,(${dest.toString()})(i),cb));}
function all(k,done){let left=P.length;if(!left)return done();for(let i=0;i<P.length;i++)k(i,()=>{if(--left===0)done();});}
all(one,()=>all((i,cb)=>S[i].send('y',9,(${dest.toString()})(i),cb),()=>{S.forEach(s=>s.close());}));`;
	await sh(C, ['node', '-e', js], { timeoutMs: 60_000 });
}

interface Entry { dst: string, sport: number, packets: number, member: string | null }

async function entries(): Promise<Entry[]> {
	const out = await sh(R, ['conntrack', '-L', '-p', 'udp', '-s', '10.9.0.2'], { timeoutMs: 30_000 });
	return out.split('\n').filter((l) => l.includes('src=10.9.0.2')).map((l) => {
		const mark = Number(/mark=(\d+)/.exec(l)![1]) & MASK;
		return {
			dst: /dst=(\S+)/.exec(l)![1], sport: Number(/sport=(\d+)/.exec(l)![1]), packets: Number(/packets=(\d+)/.exec(l)![1]),
			member: mark ? MEMBERS[(mark >>> 28) - 2] ?? null : null,
		};
	});
}

async function txPackets(): Promise<Record<string, number>> {
	const out: Record<string, number> = {};
	for (const m of MEMBERS) out[m] = JSON.parse(await sh(R, ['ip', '-s', '-j', 'link', 'show', `sw_${m}`]))[0].stats64.tx.packets;
	return out;
}

const count = (es: Entry[], m: string) => es.filter((e) => e.member === m).length;

beforeAll(async () => {
	for (const ns of [R, C]) { await run('ip', ['netns', 'del', ns]).catch(() => null); await run('ip', ['netns', 'add', ns]); }
	await run('ip', ['link', 'add', 'swl-balv', 'netns', C, 'type', 'veth', 'peer', 'name', 'lan0', 'netns', R]);
	await ipBatch(C, ['link set lo up', 'link set swl-balv name eth0', 'addr add 10.9.0.2/24 dev eth0', 'link set eth0 up', 'route add default via 10.9.0.1']);
	// (no IPv6 link traffic of its own on the "tunnels": what they send is the client's)
	await sh(R, ['sysctl', '-q', '-w', 'net.ipv6.conf.all.disable_ipv6=1', 'net.ipv6.conf.default.disable_ipv6=1']);
	await ipBatch(R, ['link set lo up', 'addr add 10.9.0.1/24 dev lan0', 'link set lan0 up',
		...MEMBERS.flatMap((m, i) => [`link add sw_${m} type veth peer name swl_${m}_p`, `link set sw_${m} arp off up`, `link set swl_${m}_p up`, `route add default dev sw_${m} table ${2101 + i}`,
			`rule add fwmark 0x${((i + 2) << 28).toString(16)}/0x70000000 lookup ${2101 + i} priority ${21001 + i}`])]);
	await sh(R, ['sysctl', '-q', '-w', 'net.ipv4.ip_forward=1', 'net.netfilter.nf_conntrack_acct=1']);
}, 60_000);

afterAll(async () => {
	for (const ns of [R, C]) await run('ip', ['netns', 'del', ns]).catch(() => null);
	fs.rmSync(tmp, { recursive: true, force: true });
});

test('1,000 new connections over 3 members: shares ±10 %, each keeps its member; one member down moves only new ones', async () => {
	const cfg = config('connection');
	await load(cfg);
	const tx0 = await txPackets();
	const ports = Array.from({ length: 1000 }, (_, i) => 20000 + i);
	await send(ports, (i) => `203.0.113.${(i % 200) + 1}`);
	const es = await entries();
	assert.equal(es.length, 1000, 'one conntrack entry per connection');
	for (const m of MEMBERS) assert.ok(Math.abs(count(es, m) - 1000 / 3) <= 1000 / 3 * 0.1, `${m}: ${count(es, m)} of 1000`);
	assert.ok(es.every((e) => e.packets === 2), 'both datagrams of every connection in one entry');
	const tx = await txPackets();
	for (const m of MEMBERS) assert.equal(tx[m] - tx0[m], 2 * count(es, m), `sw_${m} sent both packets of each of its connections: ${JSON.stringify([tx0, tx])}`);

	// jp goes down: the checker deals its slots out and flushes its connections
	await slots(cfg, ['jp']);
	await sh(R, ['conntrack', '-D', '-m', `${0x40000000}/${MASK}`]).catch(() => null);
	const kept = (await entries()).filter((e) => e.member !== null);
	assert.equal(count(kept, 'jp'), 0, 'jp\'s connections decide again');
	assert.deepEqual([count(kept, 'us'), count(kept, 'eu')], [count(es, 'us'), count(es, 'eu')], 'the others\' connections stay');
	await send(ports.map((p) => p + 2000), (i) => `203.0.113.${(i % 200) + 1}`);
	const fresh = (await entries()).filter((e) => e.sport >= 22000);
	assert.equal(fresh.length, 1000);
	assert.equal(count(fresh, 'jp'), 0, 'no new connection on the member down');
	for (const m of ['us', 'eu']) assert.ok(Math.abs(count(fresh, m) - 500) <= 50, `${m}: ${count(fresh, m)} of 1000`);
}, 180_000);

test('spread by destination: a destination stays on its member; a member down moves only its own destinations', async () => {
	const cfg = config('destination');
	await load(cfg);
	const dest = (i: number) => `198.18.${i >> 8}.${i & 255}`;
	const ports = Array.from({ length: 600 }, (_, i) => 20000 + i);
	await send(ports, dest);
	const before = new Map((await entries()).map((e) => [e.dst, e.member]));
	assert.equal(before.size, 600);
	for (const m of MEMBERS) assert.ok(Math.abs([...before.values()].filter((x) => x === m).length - 200) <= 40, `${m}'s destinations`);
	// the same destinations again, from other ports: the same member each
	await send(ports.map((p) => p + 1000), dest);
	const again = (await entries()).filter((e) => e.sport >= 21000);
	assert.ok(again.every((e) => e.member === before.get(e.dst)), 'a destination keeps its member');

	await slots(cfg, ['eu']);
	await sh(R, ['conntrack', '-D', '-m', `${0x30000000}/${MASK}`]).catch(() => null);
	await send(ports.map((p) => p + 2000), dest);
	const after = (await entries()).filter((e) => e.sport >= 22000);
	assert.equal(after.length, 600);
	for (const e of after) {
		const was = before.get(e.dst)!;
		if (was === 'eu') assert.ok(e.member === 'us' || e.member === 'jp', `${e.dst} (was on eu) → ${e.member}`);
		else assert.equal(e.member, was, `${e.dst} stays on ${was}`);
	}
	const moved = after.filter((e) => before.get(e.dst) === 'eu');
	assert.ok(count(moved, 'us') > 0 && count(moved, 'jp') > 0, 'eu\'s destinations are shared out');
}, 180_000);
