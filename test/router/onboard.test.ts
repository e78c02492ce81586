// `splitwg import FILE.zip`: real archives made with Debian's zip, read by
// the router's way (unzip -l / unzip -p: Info-ZIP's and busybox's applet),
// one upstream per .conf, all or nothing.
import { test } from 'vitest';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runCommand } from '../../src/router/command';
import { zipConfEntries } from '../../src/router/onboard';
import { fakeRouter } from './fakes';
import type { FakeRouter } from './fakes';
import { openwrt } from './openwrt';

const KEY1 = 'WEwUzEUb44RdC/egGl/x1/s2dDe7FpJT70QWsXzeYk8=';
const PUB1 = 'FoP/cHfO+s0I5s6RoBsLjJfNo9m64W+6HsqdDECy42E=';
const conf = (addr: string, host: string) => `[Interface]\nPrivateKey = ${KEY1}\nAddress = ${addr}\nDNS = 10.2.0.1\n\n[Peer]\nPublicKey = ${PUB1}\nAllowedIPs = 0.0.0.0/0\nEndpoint = ${host}:51820\n`;

// A zip of `files` (path inside the archive → text), made by zip(1).
function makeZip(files: Record<string, string>): string {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'swzip-'));
	for (const [n, t] of Object.entries(files)) { fs.mkdirSync(path.dirname(path.join(dir, 'in', n)), { recursive: true }); fs.writeFileSync(path.join(dir, 'in', n), t); }
	execFileSync('zip', ['-q', '-r', path.join(dir, 'provider.zip'), ...Object.keys(files)], { cwd: path.join(dir, 'in') });
	return path.join(dir, 'provider.zip');
}

// the fake router, with unzip run for real (`busybox unzip` for the applet)
function router(unzip: string[] = ['unzip']): FakeRouter {
	const r = fakeRouter({ uci: openwrt() });
	r.fail = (argv) => {
		if (argv[0] !== 'unzip') return null;
		const p = spawnSync(unzip[0]!, [...unzip.slice(1), ...argv.slice(1)], { encoding: 'utf8' });
		return { code: p.status ?? 1, stdout: p.stdout, stderr: p.stderr };
	};
	return r;
}

function run(r: FakeRouter, ...argv: string[]) {
	let out = '', err = '';
	const code = runCommand(r.env, argv, { out: (s) => { out += s; }, err: (s) => { err += s; } });
	return { code, out, err };
}

for (const [what, unzip] of [['Info-ZIP unzip', ['unzip']], ['busybox unzip', ['busybox', 'unzip']]] as const) {
	test(`import FILE.zip: one upstream per .conf, named after its file (${what})`, () => {
		const zip = makeZip({
			'wg-se.conf': conf('10.2.0.2/32', 'se.example'), 'configs/de 1.conf': conf('10.2.0.3/32', 'de.example'),
			'configs/DE-1.CONF': conf('10.2.0.4/32', 'de2.example'), 'README.txt': 'hello', '__MACOSX/._wg-se.conf': 'junk',
		});
		const r = router([...unzip]);
		const i = run(r, 'import', zip);
		assert.equal(i.code, 0, i.err);
		assert.equal(i.out, [
			'added upstream wg_se from wg-se.conf (endpoint se.example:51820, 10.2.0.2/32)',
			'added upstream de_1 from configs/de 1.conf (endpoint de.example:51820, 10.2.0.3/32)',
			'added upstream de_1_2 from configs/DE-1.CONF (endpoint de2.example:51820, 10.2.0.4/32)',
			'3 upstream(s) added; run `splitwg apply` to use them', ''].join('\n'));
		const se = r.uci.sections('splitwg').find((s) => s.name === 'wg_se')!;
		assert.deepEqual(se.options, { private_key: KEY1, address: ['10.2.0.2/32'], public_key: PUB1, endpoint: 'se.example:51820', allowed_ips: ['0.0.0.0/0'], dns: ['10.2.0.1'] });
		assert.equal(r.uci.commits.filter((c) => c === 'splitwg').length, 1, 'one commit for all');
		assert.equal(run(r, 'check').code, 0);
		// the same zip again: every name is taken, nothing is added
		const before = r.uci.text('splitwg');
		const again = run(r, 'import', zip);
		assert.equal(again.code, 1);
		assert.match(again.err, /a section named "wg_se" \(from wg-se\.conf\) already exists in \/etc\/config\/splitwg: nothing imported/);
		assert.equal(r.uci.text('splitwg'), before);
	});

	test(`import FILE.zip: one bad .conf and nothing is added; the error names the file and line (${what})`, () => {
		const zip = makeZip({ 'a.conf': conf('10.2.0.2/32', 'a.example'), 'b.conf': conf('10.2.0.300/32', 'b.example') });
		const r = router([...unzip]);
		const before = r.uci.text('splitwg');
		const i = run(r, 'import', zip);
		assert.equal(i.code, 1);
		assert.match(i.err, new RegExp(`^${zip.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}: b\\.conf:3: "10\\.2\\.0\\.300/32" is not`, 'm'));
		assert.match(i.err, /^splitwg: 1 error\(s\), nothing imported; first in b\.conf: /m);
		assert.equal(r.uci.text('splitwg'), before);
		assert.deepEqual(r.uci.commits, []);
		const j = JSON.parse(run(r, 'import', zip, '--json').out);
		assert.equal(j.error.code, 'PARSE_ERROR');
		assert.equal(j.error.path, 'b.conf');
		assert.deepEqual(j.errors.map((e: any) => [e.file, e.line]), [['b.conf', 3]]);
	});
}

test('import FILE.zip: no .conf, not a zip, no unzip, too many upstreams for the mark mask', () => {
	const r = router();
	assert.match(run(r, 'import', makeZip({ 'notes.txt': 'x' })).err, /holds no \.conf file/);
	const notZip = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'swzip-')), 'x.zip');
	fs.writeFileSync(notZip, 'not a zip');
	assert.match(run(r, 'import', notZip).err, /^splitwg: cannot read .*x\.zip as a zip archive: /m);
	const none = fakeRouter({ uci: openwrt() });
	none.fail = (argv) => argv[0] === 'unzip' ? { code: 127, stdout: '', stderr: 'sh: unzip: not found' } : null;
	assert.match(run(none, 'import', notZip).err, /needs the unzip command: opkg install unzip/);
	// 2 upstreams + 5 more: more than a 3-bit mark mask holds
	const many = makeZip(Object.fromEntries([1, 2, 3, 4, 5].map((n) => [`n${n}.conf`, conf(`10.2.0.${n}/32`, `n${n}.example`)])));
	const before = r.uci.text('splitwg');
	const m = run(r, 'import', many);
	assert.equal(m.code, 1);
	assert.match(m.err, /the new upstreams would make the configuration invalid \(1 problem\(s\), first globals\.mark_mask/);
	assert.equal(r.uci.text('splitwg'), before);
});

test('zipConfEntries reads both listings; skips directories, other files, resource forks', () => {
	const info = 'Archive:  t.zip\n  Length      Date    Time    Name\n---------  ---------- -----   ----\n       12  2026-12-02 10:42   a b.conf\n        0  2026-12-02 10:42   sub/\n        1  2026-12-02 10:42   sub/c.CONF\n      9  2026-12-02 10:42   __MACOSX/sub/._c.CONF\n---------                     -------\n       13                     3 files\n';
	const bb = info.replace(/2026-12-02/g, '12-02-2026').replace('---------                     -------', ' --------                     -------');
	for (const l of [info, bb]) assert.deepEqual(zipConfEntries(l), [{ name: 'a b.conf', size: 12 }, { name: 'sub/c.CONF', size: 1 }]);
});
