// The feed Makefiles say what packaging/packages.mjs says, and install what
// the standalone .ipk contains. They are evaluated by the real GNU make
// against a stand-in for the OpenWrt SDK (fixtures/sdk: rules.mk,
// include/package.mk, feeds/luci/luci.mk), which records what BuildPackage
// receives and runs each package's install recipe.
import { test, beforeAll, afterAll } from 'vitest';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { REPO, packages } from '../../packaging/packages.mjs';
import { buildPackages, type BuiltPackage } from '../../tools/package.mjs';
import { minifyLuciModule } from '../../packaging/luci-minify.mjs';
import { treeModes, unpackIpk } from './helpers/unpack';

const SDK = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures', 'sdk');
const defs = packages();
let tmp: string, built: BuiltPackage[];
const dumped = (pkg: string, field: string) => {
	const p = path.join(tmp, 'dump', `${pkg}.${field}`);
	return fs.existsSync(p) ? fs.readFileSync(p, 'utf8') : undefined;
};
const words = (s: string | undefined) => (s ?? '').split(/\s+/).filter(Boolean);

beforeAll(() => {
	tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'splitwg-mk-'));
	fs.mkdirSync(path.join(tmp, 'dump'));
	for (const def of defs) {
		const r = spawnSync('make', ['-s', '-C', path.dirname(path.join(REPO, def.makefile)), `TOPDIR=${SDK}`,
			`DUMP_DIR=${path.join(tmp, 'dump')}`, `DEST=${path.join(tmp, 'dest')}`, `install-${def.name}`], { encoding: 'utf8' });
		assert.equal(r.status, 0, `make ${def.makefile}: ${r.stdout}${r.stderr}`);
	}
	built = buildPackages({ allowIncomplete: true, epoch: 0 });
});
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

test('PKG_VERSION is package.json\'s version, PKG_RELEASE 1, in both Makefiles', () => {
	const version = JSON.parse(fs.readFileSync(path.join(REPO, 'package.json'), 'utf8')).version;
	for (const def of defs) assert.equal(dumped(def.name, 'version'), `${version}-r1\n`, def.makefile);
});

test('DEPENDS, SECTION and PKGARCH are packages.mjs\'s', () => {
	for (const def of defs) {
		assert.deepEqual(words(dumped(def.name, 'depends')), def.depends.map((d) => `+${d}`), `${def.makefile} DEPENDS`);
		assert.equal(dumped(def.name, 'section'), `${def.section}\n`, `${def.makefile} SECTION`);
		assert.equal(dumped(def.name, 'pkgarch'), 'all\n', `${def.makefile} PKGARCH`);
	}
});

test('the description is packages.mjs\'s (what ends up in the control file)', () => {
	for (const def of defs) {
		const lines = (dumped(def.name, 'description') ?? '').trimEnd().split('\n').map((l) => l.trim());
		assert.deepEqual(lines, def.description, def.makefile);
	}
});

test('conffiles are packages.mjs\'s', () => {
	for (const def of defs) assert.deepEqual(words(dumped(def.name, 'conffiles')), def.conffiles, def.makefile);
});

test('maintainer scripts: the Makefiles read the same files as the .ipk carries', () => {
	for (const def of defs) {
		for (const kind of ['preinst', 'postinst', 'prerm', 'postrm'] as const) {
			const ours = def.scripts[kind];
			assert.equal(dumped(def.name, kind), ours && fs.readFileSync(path.join(REPO, ours), 'utf8'), `${def.makefile} ${kind}`);
			if (!ours) continue;
			const dir = path.join(tmp, `x-${def.name}`);
			const b = built.find((x) => x.name === def.name)!;
			if (!fs.existsSync(dir)) { fs.writeFileSync(`${dir}.ipk`, b.ipk); unpackIpk(`${dir}.ipk`, dir); }
			assert.equal(fs.readFileSync(path.join(dir, 'control', kind === 'postrm' || kind === 'preinst' ? kind : `${kind}-pkg`), 'utf8'), dumped(def.name, kind));
		}
	}
});

test('the Makefiles install exactly the .ipk\'s files, with the same modes and contents', () => {
	for (const def of defs) {
		const dest = path.join(tmp, 'dest', def.name);
		const installed = fs.existsSync(dest) ? treeModes(dest) : new Map<string, number>();
		const b = built.find((x) => x.name === def.name)!;
		assert.deepEqual([...installed.keys()].sort(), b.files.map((f) => f.rel).sort(), `${def.makefile} installs other files than the .ipk has`);
		for (const f of b.files) {
			// luci.mk copies the checkout with cp -p: its modes come from git (and the umask)
			const got = def.name === 'splitwg' ? installed.get(f.rel) : installed.get(f.rel)! & 0o755;
			assert.equal(got!.toString(8), f.mode.toString(8), `${def.name}: /${f.rel} mode (feed build vs packaging/…/modes)`);
		}
		const x = path.join(tmp, `x-${def.name}`);
		if (!fs.existsSync(x)) { fs.writeFileSync(`${x}.ipk`, b.ipk); unpackIpk(`${x}.ipk`, x); }
		// the files both minify (luci.mk with jsmin, left out of the stand-in; the .ipk with esbuild) start out the same
		for (const f of b.files) {
			const feed = fs.readFileSync(path.join(dest, f.rel)), ipk = fs.readFileSync(path.join(x, 'data', f.rel));
			if (f.minified) assert.equal(ipk.toString(), minifyLuciModule(feed.toString(), f.rel), f.rel);
			else assert.ok(feed.equals(ipk), f.rel);
		}
	}
});

test('the install script skips what package-pack.mk deletes (editor leftovers)', () => {
	const src = path.join(tmp, 'junk');
	fs.mkdirSync(path.join(src, 'etc/config'), { recursive: true });
	fs.writeFileSync(path.join(src, 'etc/config/splitwg'), 'x');
	fs.writeFileSync(path.join(src, 'etc/config/splitwg~'), 'x');
	fs.writeFileSync(path.join(src, 'etc/config/.#splitwg'), 'x');
	const r = spawnSync('sh', [path.join(REPO, 'packaging/install-tree.sh'), src, path.join(tmp, 'junk-out'), path.join(REPO, 'packaging/splitwg/modes')], { encoding: 'utf8' });
	assert.equal(r.status, 0, r.stderr);
	assert.deepEqual([...treeModes(path.join(tmp, 'junk-out'))], [['etc/config/splitwg', 0o600]]);
});

test('apk (OpenWrt 25.x): the scripts package-pack.mk assembles from ours are valid sh', () => {
	// package-pack.mk's apk branch: post-install/pre-deinstall = its preamble +
	// default_postinst/default_prerm + our script with #! lines deleted;
	// post-deinstall = our postrm as is.
	const preamble = (pkg: string, fn: string) => `#!/bin/sh\n[ -s \${IPKG_INSTROOT}/lib/functions.sh ] || exit 0\n. \${IPKG_INSTROOT}/lib/functions.sh\nexport root="\${IPKG_INSTROOT}"\nexport pkgname="${pkg}"\n${fn}\n`;
	const body = (rel: string) => fs.readFileSync(path.join(REPO, rel), 'utf8').split('\n').filter((l) => !/^\s*#!/.test(l)).join('\n');
	const shell = spawnSync('busybox', ['true']).status === 0 ? ['busybox', 'sh'] : ['sh'];
	for (const def of defs) {
		const scripts: [string, string][] = [];
		if (def.scripts.postinst) scripts.push(['post-install', preamble(def.name, 'add_group_and_user\ndefault_postinst') + body(def.scripts.postinst)]);
		if (def.scripts.prerm) scripts.push(['pre-deinstall', preamble(def.name, 'default_prerm') + body(def.scripts.prerm)]);
		if (def.scripts.postrm) scripts.push(['post-deinstall', fs.readFileSync(path.join(REPO, def.scripts.postrm), 'utf8')]);
		for (const [name, text] of scripts) {
			const r = spawnSync(shell[0], [...shell.slice(1), '-n', '-c', text], { encoding: 'utf8' });
			assert.equal(r.status, 0, `${def.name} ${name}: ${r.stderr}`);
		}
	}
});
