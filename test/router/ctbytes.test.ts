// Bytes per client and path from conntrack's accounting (src/router/ctbytes.ts),
// against output the real conntrack tool printed (test/fixtures, captured by
// test/helpers/ctlive.ts) and, as root, against the tool itself.
import { test } from 'vitest';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { ctTotals, bytesByClient, clientBytes } from '../../src/router/ctbytes';
import type { Marks } from '../../src/router/ctbytes';
import { stats } from '../../src/router/status';
import { apply } from '../../src/router/apply';
import { fakeRouter } from './fakes';
import { openwrt } from './openwrt';
import { canRun, capture } from '../helpers/ctlive';
import type { Flow } from '../helpers/ctlive';

const fixture = (n: string) => readFileSync(new URL(`../fixtures/${n}`, import.meta.url), 'utf8');

// the mask is splitwg's default; `us` is upstream 1, `nl` upstream 2
const MARKS: Marks = { mask: 0x70000000, direct: 0x10000000, upstreams: { us: 0x20000000, nl: 0x30000000 } };
const CLIENTS = {
	laptop: { sig: '', sources: ['10.9.0.10', 'fd09::10'] },
	office: { sig: '', sources: ['10.9.1.0/24'] },
	tv: { sig: '', sources: ['aa:bb:cc:dd:ee:ff'] },
};

// What ctgen made for the fixture (test/helpers/ctlive.ts: port 9001 direct, 9002 `us` with a
// foreign bit, 9003 `nl`, 9004 unmarked); the bytes counted include IP and TCP headers.
const FLOWS: Flow[] = [
	['10.9.0.10', '10.9.0.1', 9001, 10000, 2000],
	['10.9.0.10', '10.9.0.1', 9002, 300000, 5000],
	['10.9.1.5', '10.9.0.1', 9003, 4000, 120000],
	['10.9.2.2', '10.9.0.1', 9001, 7000, 700],
	['10.9.0.10', '10.9.0.1', 9004, 5000, 500],
	['fd09::10', 'fd09::1', 9002, 50000, 1000],
];

test('real conntrack -L -o extended output: summed by source and masked mark, both directions, unmarked skipped', () => {
	const t = ctTotals(fixture('conntrack-extended.txt'), MARKS.mask);
	assert.equal(t.connections, 5, 'the unmarked connection (port 9004) is not ours');
	assert.deepEqual([t.accounted, t.unaccounted], [6, 0]);
	const r = bytesByClient(t, CLIENTS, MARKS);
	assert.deepEqual(r.clients.laptop, { direct: { up: 10216, down: 2164 }, proxy: { us: { up: 300476 + 50368, down: 5476 + 1296 } } });
	assert.deepEqual(r.clients.office, { direct: { up: 0, down: 0 }, proxy: { nl: { up: 4268, down: 120268 } } }, 'by prefix');
	assert.equal(r.clients.tv, undefined, 'a MAC is not in conntrack');
	assert.deepEqual(r.unattributed, { direct: { up: 7216, down: 864 }, proxy: {} }, 'a source no client has');
});

test('accounting off: the lines have no bytes, and stats says accounting is missing', () => {
	const text = fixture('conntrack-noacct.txt');
	const t = ctTotals(text, MARKS.mask);
	assert.deepEqual([t.connections, t.accounted, t.unaccounted], [0, 0, 2]);
	const env = { fs: { exists: () => true, read: () => null }, run: () => ({ code: 0, stdout: text, stderr: '' }) } as any;
	assert.equal(clientBytes(env, CLIENTS, MARKS, false).summary.missing, 'accounting');
	// the sysctl readable and 0: said without listing the connections
	const calls: string[] = [];
	const env0 = { fs: { exists: () => true, read: (p: string) => p.endsWith('nf_conntrack_acct') ? '0\n' : null }, run: (a: string[]) => { calls.push(a.join(' ')); return { code: 0, stdout: '', stderr: '' }; } } as any;
	assert.equal(clientBytes(env0, CLIENTS, MARKS, true).summary.missing, 'accounting');
	assert.deepEqual(calls, []);
});

test('no conntrack tool: /proc/net/nf_conntrack (the same lines); neither: missing conntrack', () => {
	const text = fixture('conntrack-extended.txt');
	const env = { fs: { exists: () => false, read: (p: string) => p === '/proc/net/nf_conntrack' ? text : null }, run: () => assert.fail('no tool to run') } as any;
	const r = clientBytes(env, CLIENTS, MARKS, true);
	assert.deepEqual([r.summary.source, r.summary.connections, r.clients.office!.proxy.nl!.down], ['procfs', 5, 120268]);
	const none = { fs: { exists: () => false, read: () => null }, run: () => assert.fail('no tool to run') } as any;
	assert.deepEqual(clientBytes(none, CLIENTS, MARKS, true).summary.missing, 'conntrack');
	assert.deepEqual(clientBytes(none, CLIENTS, null, true).summary.missing, 'state', 'a state from before the marks');
});

test('stats: each applied client with an address gets its bytes by path, one conntrack call per family', () => {
	const r = fakeRouter({ uci: openwrt() });
	assert.equal(apply(r.env).ok, true);
	const st = JSON.parse(r.fs.read('/var/run/splitwg/state.json')!);
	const laptop = st.clients.laptop.sources[0] as string;
	const m = st.view.marks;
	const us = `ipv4     2 tcp      6 431999 ESTABLISHED src=${laptop} dst=203.0.113.9 sport=40000 dport=443 packets=9 bytes=300476 src=203.0.113.9 dst=${laptop} sport=443 dport=40000 packets=9 bytes=5476 [ASSURED] mark=${m.upstreams.us} use=1\n`;
	r.fail = (argv) => argv[0] === 'conntrack' && argv[1] === '-L' ? { code: 0, stdout: argv[3] === 'ipv4' ? us : '', stderr: '' } : null;
	r.reset();
	const s = stats(r.env);
	assert.deepEqual(r.calls.filter((c) => c.startsWith('conntrack')), ['conntrack -L -f ipv4 -o extended', 'conntrack -L -f ipv6 -o extended']);
	assert.deepEqual(s.clients.find((c) => c.name === 'laptop')!.bytes, { direct: { up: 0, down: 0 }, proxy: { us: { up: 300476, down: 5476 } } });
	assert.deepEqual([s.bytes.source, s.bytes.missing, s.bytes.connections], ['conntrack', null, 1]);
});

test('the real conntrack tool, accounting on in a private namespace: at least the bytes sent, on the marked path', async (t) => {
	if (!canRun()) { t.skip('needs root and conntrack'); return; }
	const out = await capture(FLOWS);
	if (process.env.UPDATE_CT_FIXTURE) writeFileSync(new URL('../fixtures/conntrack-extended.txt', import.meta.url), out.ipv4 + out.ipv6);
	const r = bytesByClient(ctTotals(out.ipv4 + '\n' + out.ipv6, MARKS.mask), CLIENTS, MARKS);
	const laptop = r.clients.laptop!, office = r.clients.office!;
	// payload ≤ counted < payload + 1000 per connection (headers of a handful of packets)
	const near = (got: number, payload: number, conns: number) => got >= payload && got < payload + 1000 * conns;
	assert.ok(near(laptop.direct.up, 10000, 1) && near(laptop.direct.down, 2000, 1), JSON.stringify(laptop));
	assert.ok(near(laptop.proxy.us!.up, 350000, 2) && near(laptop.proxy.us!.down, 6000, 2), JSON.stringify(laptop));
	assert.ok(near(office.proxy.nl!.up, 4000, 1) && near(office.proxy.nl!.down, 120000, 1), JSON.stringify(office));
	assert.ok(near(r.unattributed.direct.up, 7000, 1), JSON.stringify(r.unattributed));
});
