// The dnsmasq file against the real dnsmasq (Debian's dnsmasq-base is built
// with nftset): in a private namespace, a fake upstream DNS (another
// dnsmasq with address= lines) answers A/AAAA, the "router" dnsmasq reads
// the rendered file and fills the sets of the loaded table. For every name
// looked up, each rule must find the answer in one of the sets it matches
// exactly when one of its domains covers the name.
import { test, beforeAll, afterAll } from 'vitest';
import assert from 'node:assert/strict';
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseUci, readConfig, compile } from '../../src/core/index';
import type { Config, Rule } from '../../src/core/model';
import { activeRules } from '../../src/core/decide';
import { ruleSets } from '../../src/core/nft';
import { domainPlan } from '../../src/core/domains';
import { encodeQuery } from '../../lab/dnsmsg';

const NS = `swdm-${process.pid}`;
const DIR = fs.mkdtempSync(path.join(os.tmpdir(), 'swdm-'));
const sh = (cmd: string, input?: string) => {
	const r = spawnSync('ip', ['netns', 'exec', NS, 'sh', '-c', cmd], { encoding: 'utf8', input });
	assert.equal(r.status, 0, `${cmd}\n${r.stderr}`);
	return r.stdout;
};

beforeAll(() => {
	execFileSync('ip', ['netns', 'add', NS]);
	sh('ip link set lo up; ip addr add 127.0.0.2/8 dev lo');
});

// The dnsmasqs this file started, in the foreground: stopping one waits for its exit (its port is free then).
let running: ChildProcess[] = [];

async function stopAll() {
	await Promise.all(running.map((p) => p.exitCode !== null ? null : new Promise((res) => { p.once('exit', res); p.kill(); })));
	running = [];
}

async function dnsmasq(name: string, args: string[]) {
	const pidFile = path.join(DIR, `${name}.pid`);
	fs.rmSync(pidFile, { force: true });
	const p = spawn('ip', ['netns', 'exec', NS, 'dnsmasq', '--keep-in-foreground', '--user=root', '--group=root', `--pid-file=${pidFile}`, `--log-facility=${DIR}/${name}.log`, ...args], { stdio: ['ignore', 'ignore', 'pipe'] });
	running.push(p);
	let err = '';
	p.stderr!.on('data', (d) => { err += d; });
	// dnsmasq writes its pid file once its sockets are bound
	while (!fs.existsSync(pidFile)) {
		if (p.exitCode !== null) assert.fail(`dnsmasq ${name} exited: ${err}`);
		await new Promise((res) => setTimeout(res, 20));
	}
}

afterAll(async () => {
	await stopAll();
	spawnSync('ip', ['netns', 'del', NS]);
	fs.rmSync(DIR, { recursive: true, force: true });
});

// name → its fake addresses
function answers(names: string[]): Map<string, { a: string, aaaa: string }> {
	return new Map(names.map((n, i) => [n, { a: `192.0.2.${i + 1}`, aaaa: `2001:db8::${(i + 1).toString(16)}` }]));
}

// Start both dnsmasqs (stopping earlier ones), with `nft` loaded fresh.
async function start(nft: string, routerConf: string, names: Map<string, { a: string, aaaa: string }>) {
	await stopAll();
	sh('nft delete table inet splitwg 2>/dev/null; nft delete table inet t 2>/dev/null; nft -f -', nft);
	const up = ['port=5353', 'listen-address=127.0.0.2', 'bind-interfaces', 'no-resolv', 'no-hosts',
		...[...names].flatMap(([n, x]) => [`address=/${n}/${x.a}`, `address=/${n}/${x.aaaa}`])];
	fs.writeFileSync(path.join(DIR, 'up.conf'), up.join('\n') + '\n');
	fs.writeFileSync(path.join(DIR, 'router.conf'), routerConf);
	await dnsmasq('up', [`--conf-file=${DIR}/up.conf`]);
	await dnsmasq('router', ['--port=5300', '--listen-address=127.0.0.1', '--bind-interfaces', '--no-resolv', '--no-hosts', '--server=127.0.0.2#5353', '--cache-size=0', `--conf-file=${DIR}/router.conf`]);
}

// Ask the router dnsmasq for A and AAAA of each name (an answer means dnsmasq has added it).
function lookup(names: string[]) {
	const qs = names.flatMap((n, i) => [encodeQuery(2 * i, n, 'A'), encodeQuery(2 * i + 1, n, 'AAAA')].map((b) => b.toString('hex')));
	const js = `const dg=require('dgram'); const s=dg.createSocket('udp4'); const qs=${JSON.stringify(qs)}; let left=qs.length;
		s.on('message',()=>{ if(--left===0) process.exit(0); }); for (const q of qs) s.send(Buffer.from(q,'hex'),5300,'127.0.0.1');
		setTimeout(()=>{ console.error('no answer for', left, 'queries'); process.exit(1); }, 5000);`;
	const r = spawnSync('ip', ['netns', 'exec', NS, process.execPath, '-e', js], { encoding: 'utf8' });
	assert.equal(r.status, 0, r.stderr);
}

function elements(table: string): Map<string, Set<string>> {
	const j = JSON.parse(sh(`nft -j list table inet ${table}`));
	const out = new Map<string, Set<string>>();
	for (const o of j.nftables) {
		if (!o.set) continue;
		out.set(o.set.name, new Set((o.set.elem ?? []).map((e: any) => typeof e === 'string' ? e : e.elem?.val ?? JSON.stringify(e))));
	}
	return out;
}

test('real dnsmasq: a second nftset line for the same domain is ignored, and a subdomain with its own line feeds only that line', async () => {
	// why domains.ts gives each domain exactly one line with one set pair
	const names = answers(['a.test', 'p.test', 'sub.p.test']);
	await start(`table inet t {\n${['s1', 's2', 'p1', 'sp'].map((s) => `\tset ${s} { type ipv4_addr; }\n`).join('')}}\n`,
		'nftset=/a.test/4#inet#t#s1\nnftset=/a.test/4#inet#t#s2\nnftset=/p.test/4#inet#t#p1\nnftset=/sub.p.test/4#inet#t#sp\n', names);
	lookup(['a.test', 'sub.p.test']);
	const el = elements('t');
	assert.deepEqual([...el.get('s1')!], ['192.0.2.1'], 'the first line for a.test is used');
	assert.deepEqual([...el.get('s2')!], [], 'the second line for a.test is not');
	assert.deepEqual([...el.get('sp')!], ['192.0.2.3']);
	assert.deepEqual([...el.get('p1')!], [], 'the parent\'s line does not see the subdomain\'s answer');
});

// Rule R covers name n when one of its domains is n or a parent of n.
const covers = (r: Rule, n: string) => r.match.domains.some((d) => n === d || n.endsWith(`.${d}`));

async function checkConfig(cfg: Config, names: string[]) {
	const plan = compile(cfg);
	const ans = answers(names);
	await start(plan.nft, plan.dnsmasq, ans);
	lookup(names);
	const el = elements('splitwg');
	const dp = domainPlan(cfg);
	const failures: string[] = [];
	for (const r of activeRules(cfg).filter((x) => x.match.domains.length)) {
		const sets = ruleSets(r, dp).filter((s) => s.kind === 'domain');
		// the families the rule's chains see (an IPv4-only device has no IPv6 sets)
		const fams = [4, 6].filter((f) => (f === 4 ? dp.families[r.id]!.v4 : dp.families[r.id]!.v6));
		for (const n of names) for (const fam of fams) {
			const addr = fam === 4 ? ans.get(n)!.a : ans.get(n)!.aaaa;
			const seen = sets.some((s) => s.family === fam && el.get(s.name)?.has(addr));
			if (seen !== covers(r, n)) failures.push(`${r.id} ${covers(r, n) ? 'covers' : 'does not cover'} ${n} but its IPv${fam} sets ${seen ? 'hold' : 'lack'} ${addr}`);
		}
	}
	assert.deepEqual(failures, [], plan.dnsmasq);
}

test('real dnsmasq + the home plan: each rule\'s sets receive exactly the names it covers', async () => {
	const cfg = readConfig(parseUci(fs.readFileSync('test/golden/home/splitwg', 'utf8')).sections).config!;
	await checkConfig(cfg, ['video.test', 'www.video.test', 'cdn.video.test', 'x.cdn.video.test', 'news.test', 'other.test']);
});

test('real dnsmasq: 60 rules naming one domain, parents and subdomains across clients — every line accepted, every rule fed', async () => {
	const rules: string[] = [];
	const clients: string[] = [];
	for (let i = 0; i < 30; i++) {
		const c = `client_with_a_long_name_${String(i).padStart(3, '0')}`;
		clients.push(`config client '${c}'\n\tlist address '10.9.${i}.1'\n\toption default 'direct'\n`);
		rules.push(`config rule\n\toption client '${c}'\n\toption name 'txt-record=evil.test,pwned ${'x'.repeat(30)}'\n\tlist domain 'shared.test'\n\toption action 'block'\n`);
		rules.push(`config rule\n\toption client '${c}'\n\tlist domain '${i % 3 ? 'cdn.shared.test' : `own${i}.test`}'\n${i % 2 ? "\tlist domain 'shared.test'\n" : ''}\toption action 'direct'\n`);
	}
	const cfg = readConfig(parseUci([...clients, ...rules].join('\n')).sections);
	assert.deepEqual(cfg.problems, []);
	const plan = compile(cfg.config!);
	for (const l of plan.dnsmasq.split('\n')) assert.ok(Buffer.byteLength(l) < 1024, `${Buffer.byteLength(l)} bytes: ${l}`);
	assert.doesNotMatch(plan.dnsmasq, /txt-record|evil/);
	await checkConfig(cfg.config!, ['shared.test', 'a.shared.test', 'cdn.shared.test', 'x.cdn.shared.test', 'own0.test', 'www.own3.test', 'none.test']);
});

test('real dnsmasq: 400 domains of one rule share lines (several, each under 1024 bytes), a subdomain owned by another rule keeps its own entry — every name feeds exactly its rules', async () => {
	const many = Array.from({ length: 400 }, (_, i) => `site${i}.example${i % 7}.test`);
	const text = [
		"config client 'a'\n\tlist address '10.9.0.1'\n\toption default 'direct'\n",
		"config client 'b'\n\tlist address '10.9.0.2'\n\toption default 'direct'\n",
		`config rule\n\toption client 'a'\n${many.map((d) => `\tlist domain '${d}'\n`).join('')}\toption action 'block'\n`,
		"config rule\n\toption client 'b'\n\tlist domain 'www.site7.example0.test'\n\tlist domain 'site9.example2.test'\n\toption action 'block'\n",
	].join('\n');
	const cfg = readConfig(parseUci(text).sections);
	assert.deepEqual(cfg.problems, []);
	const plan = compile(cfg.config!);
	const lines = plan.dnsmasq.split('\n').filter((l) => l.startsWith('nftset='));
	assert.ok(lines.length >= 5 && lines.length < 40, `${lines.length} lines`);
	for (const l of lines) assert.ok(Buffer.byteLength(l) < 1024, `${Buffer.byteLength(l)} bytes: ${l}`);
	const listed = lines.flatMap((l) => l.split('/').slice(1, -1));
	assert.deepEqual([...listed].sort(), [...new Set([...many, 'www.site7.example0.test'])].sort(), 'each domain exactly once');
	await checkConfig(cfg.config!, ['site0.example0.test', 'site7.example0.test', 'www.site7.example0.test', 'x.www.site7.example0.test',
		'site9.example2.test', 'site200.example4.test', 'site399.example0.test', 'a.site399.example0.test', 'site400.example1.test']);
});
