// The developer CLI (`npx splitwg …`) over real files and processes.
import { test } from 'vitest';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const run = (...args: string[]) => spawnSync(process.execPath, ['tools/splitwg-dev.mjs', ...args], { encoding: 'utf8' });
const HOME = 'test/golden/home/splitwg';

test('check: ok config exits 0, bad config exits 1 with path: message lines — what the router\'s check prints', () => {
	const ok = run('--config', HOME, 'check');
	assert.equal(ok.status, 0, ok.stderr);
	assert.equal(ok.stdout, 'configuration ok: 2 upstream(s), 5 client(s)\n');
	const bad = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'swcli-')), 'splitwg');
	fs.writeFileSync(bad, "config client 'x'\n\tlist address '10.0.0.1/8'\n");
	const r = run('--config', bad, 'check');
	assert.equal(r.status, 1);
	assert.equal(r.stderr, 'client.x.address[0]: "10.0.0.1/8" has host bits set (did you mean 10.0.0.0/8?)\nsplitwg: the configuration has 1 problem(s)\n');
	assert.equal(r.stdout, '');
});

test('plan --out writes every artifact, equal to the golden files', () => {
	const out = fs.mkdtempSync(path.join(os.tmpdir(), 'swcli-'));
	const r = run('--config', HOME, 'plan', '--out', out);
	assert.equal(r.status, 0, r.stderr);
	for (const f of ['dnsmasq.conf', 'network', 'firewall'])
		assert.equal(fs.readFileSync(path.join(out, f), 'utf8'), fs.readFileSync(`test/golden/home/expected/${f}`, 'utf8'), f);
	// the table too, but its header names the file compiled (the router's names /etc/config/splitwg)
	const [head, ...table] = fs.readFileSync(path.join(out, 'splitwg.nft'), 'utf8').split('\n');
	const [goldenHead, ...golden] = fs.readFileSync('test/golden/home/expected/splitwg.nft', 'utf8').split('\n');
	assert.equal(head, goldenHead!.replace('/etc/config/splitwg', HOME));
	assert.deepEqual(table, golden);
	const plan = JSON.parse(fs.readFileSync(path.join(out, 'plan.json'), 'utf8'));
	assert.equal(plan.upstreams.length, 2);
});

test('explain: human and --json output, errors exit 1', () => {
	const h = run('--config', HOME, 'explain', 'laptop', '192.0.2.20', '--proto', 'tcp', '--port', '443');
	assert.equal(h.status, 0, h.stderr);
	assert.match(h.stdout, /^laptop → 192\.0\.2\.20: proxy via eu \(sw_eu, mark 0x30000000\)\n  first match: client\.laptop\.rule\[1\] \(Web via EU\)/);
	const j = JSON.parse(run('--config', HOME, 'explain', 'tv', 'www.video.test', '--json').stdout);
	assert.equal(j.action, 'proxy');
	assert.equal(j.upstream, 'us');
	const e = run('--config', HOME, 'explain', 'nobody', 'video.test');
	assert.equal(e.status, 1);
	assert.match(e.stderr, /client: unknown client "nobody"/);
});

const KEYS = [...fs.readFileSync(HOME, 'utf8').matchAll(/(?:private_key|preshared_key) '([^']+)'/g)].map((m) => m[1]);

test('--help, -h and help answer the usage with exit 0, anywhere on the line', () => {
	for (const a of [['--help'], ['-h'], ['help'], ['--config', HOME, 'explain', '--help'], ['--config', HOME, 'plan', '-h']]) {
		const r = run(...a);
		assert.equal(r.status, 0, `${a.join(' ')}: ${r.stderr}`);
		assert.match(r.stdout, /^usage: splitwg --config FILE <command>/, a.join(' '));
	}
});

test('explain --family: a domain over IPv6 through an upstream without an IPv6 address is blocked', () => {
	const q = ['--config', HOME, 'explain', 'kid', 'www.example.org', '--at', 'Mon 23:00', '--json'];
	assert.equal(JSON.parse(run(...q, '--family', '6').stdout).action, 'block');
	assert.equal(JSON.parse(run(...q, '--family', '4').stdout).action, 'proxy');
	assert.match(JSON.parse(run(...q).stdout).reason, /over IPv6 \(AAAA\) the answer is block/);
});

test('explain: unknown flags and bad values are refused, naming the flag', () => {
	const ex = (...a: string[]) => run('--config', HOME, 'explain', 'laptop', '192.0.2.20', ...a);
	for (const [args, msg] of [
		[['--port', 'abc'], '--port: "abc" is not a port (an integer from 1 to 65535)'],
		[['--port', '0'], '--port: "0" is not a port (an integer from 1 to 65535)'],
		[['--port', '70000'], '--port: "70000" is not a port (an integer from 1 to 65535)'],
		[['--proto', 'TCP'], '--proto: "TCP" must be lower case'],
		[['--down', 'nosuch'], '--down: unknown upstream "nosuch"'],
		[['--at', 'Xyz 25:00'], '--at: "Xyz 25:00" is not a time like "Mon 21:30"'],
		[['--family', '5'], '--family: "5" is not an address family (4 or 6)'],
		[['--bogus', '1'], 'unknown option --bogus'],
	] as const) {
		const r = ex(...args);
		assert.equal(r.status, 2, `${args.join(' ')}: ${r.stdout}`);
		assert.equal(r.stderr.split('\n')[0], `splitwg: ${msg}`);
	}
	assert.equal(run('--config', HOME, 'frobnicate').status, 2);
});

test('plan on stdout hides the keys (as the router\'s plan does); --out writes the real files readable by the owner only', () => {
	for (const a of [[], ['--json']]) {
		const r = run('--config', HOME, 'plan', ...a);
		assert.equal(r.status, 0, r.stderr);
		for (const k of KEYS) assert.ok(!r.stdout.includes(k), `plan ${a.join(' ')} printed a key`);
		assert.match(r.stdout, /\(hidden\)/);
	}
	const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'swcli-')), 'plan');
	fs.mkdirSync(out);
	fs.writeFileSync(path.join(out, 'network'), 'old', { mode: 0o644 });
	const r = run('--config', HOME, 'plan', '--out', out);
	assert.equal(r.status, 0, r.stderr);
	for (const f of fs.readdirSync(out)) assert.equal(fs.statSync(path.join(out, f)).mode & 0o777, 0o600, f);
});

test('--local PREFIX (repeatable) stands for the router\'s local networks in plan and explain', () => {
	const e = run('--config', HOME, 'explain', 'laptop', '192.168.1.20', '--local', '192.168.5.0/24', '--local', '192.168.1.0/24', '--json');
	assert.equal(e.status, 0, e.stderr);
	assert.equal(JSON.parse(e.stdout).action, 'direct');
	assert.match(JSON.parse(e.stdout).reason, /192\.168\.1\.0\/24, a local network of the router/);
	const p = run('--config', HOME, 'plan', '--local=192.168.1.0/24');
	assert.match(p.stdout, /set local4 \{[^}]*elements = \{ 10\.77\.0\.0\/24, 192\.168\.1\.0\/24 \}/);
	const bad = run('--config', HOME, 'plan', '--local', '192.168.1.1/24');
	assert.equal(bad.status, 2);
	assert.match(bad.stderr, /--local 192\.168\.1\.1\/24: .*host bits set/);
});

test('check: a warning is printed on stderr and the check still succeeds', () => {
	const f = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'swcli-')), 'splitwg');
	fs.writeFileSync(f, "config client 'tv'\n\tlist address '192.168.1.20'\n");
	const r = run('--config', f, 'check');
	assert.equal(r.status, 0, r.stderr);
	assert.equal(r.stdout, 'configuration ok: 0 upstream(s), 1 client(s)\n');
	assert.match(r.stderr, /^warning: client\.tv\.address: identifies IPv4 only: /);
	const j = JSON.parse(run('--config', f, 'check', '--json').stdout);
	assert.equal(j.valid, true);
	assert.equal(j.warnings[0].path, 'client.tv.address');
});

test('plan names the file it compiled in the table\'s header, as one line whatever the name holds', () => {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'swcli-'));
	const odd = path.join(dir, 'my\nflush ruleset\n.conf');
	fs.copyFileSync(HOME, odd);
	const r = run('--config', odd, 'plan');
	assert.equal(r.status, 0, r.stderr);
	const lines = r.stdout.split('\n');
	assert.equal(lines[0], `# Generated by splitwg 0.1.0 from ${dir}/my?flush ruleset?.conf — do not edit; run \`splitwg plan\` to see it.`);
	assert.equal(lines[1], 'table inet splitwg', 'the name did not add a line to the table');
	assert.ok(!lines.includes('flush ruleset'));
});

test('list files: read from --lists DIR, checked with file:line, explained by their addresses', () => {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'swcli-'));
	const conf = path.join(dir, 'splitwg');
	fs.writeFileSync(conf, `${fs.readFileSync(HOME, 'utf8')}\nconfig rule\n\toption client 'tv'\n\tlist list_file 'tv.txt'\n\toption action 'block'\n`);
	fs.writeFileSync(path.join(dir, 'tv.txt'), '# tv\n203.0.113.0/24\n10.0.0.1/8\n');
	const bad = run('--config', conf, '--lists', dir, 'check');
	assert.equal(bad.status, 1);
	assert.match(bad.stderr, /^client\.tv\.rule\[0\]\.list_file\[0\]: \/etc\/splitwg\/lists\/tv\.txt:3: "10\.0\.0\.1\/8" has host bits set/m);
	fs.writeFileSync(path.join(dir, 'tv.txt'), '# tv\n203.0.113.0/24\n');
	assert.equal(run('--config', conf, '--lists', dir, 'check').status, 0);
	const x = JSON.parse(run('--config', conf, '--lists', dir, 'explain', 'tv', '203.0.113.9', '--json').stdout);
	assert.deepEqual([x.action, x.rule], ['block', 'client.tv.rule[0]']);
	const gone = run('--config', conf, 'check');
	assert.match(gone.stderr, /list_file\[0\]: cannot read \/etc\/splitwg\/lists\/tv\.txt/);
});
