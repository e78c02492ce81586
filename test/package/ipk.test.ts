// The standalone .ipk files (`npm run package`), unpacked with the system's
// tar as opkg would read them: members, modes, control fields, conffiles and
// maintainer scripts.
import { test, beforeAll, afterAll } from 'vitest';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { packages, type PackageDef } from '../../packaging/packages.mjs';
import { buildPackages, missingFiles, packageSizes, type BuiltPackage } from '../../tools/package.mjs';
import { unpackIpk, type Unpacked } from './helpers/unpack';
import { opkgReadControl } from './helpers/opkg-control';
import { scratchRepo } from './helpers/repo';

// The two wrappers OpenWrt's include/package-pack.mk puts in every .ipk.
const POSTINST = '#!/bin/sh\n[ "${IPKG_NO_SCRIPT}" = "1" ] && exit 0\n[ -s ${IPKG_INSTROOT}/lib/functions.sh ] || exit 0\n. ${IPKG_INSTROOT}/lib/functions.sh\ndefault_postinst $0 $@\n';
const PRERM = '#!/bin/sh\n[ -s ${IPKG_INSTROOT}/lib/functions.sh ] || exit 0\n. ${IPKG_INSTROOT}/lib/functions.sh\ndefault_prerm $0 $@\n';

let tmp: string, repo: string, defs: PackageDef[], built: BuiltPackage[];
const unpacked = new Map<string, Unpacked>();

beforeAll(() => {
	tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'splitwg-ipk-'));
	repo = path.join(tmp, 'repo');
	scratchRepo(repo);
	defs = packages(repo);
	built = buildPackages({ repo, epoch: 1700000000 });
	for (const b of built) {
		fs.writeFileSync(path.join(tmp, b.file), b.ipk);
		unpacked.set(b.name, unpackIpk(path.join(tmp, b.file), path.join(tmp, `x-${b.name}`)));
	}
});
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

const each = (fn: (def: PackageDef, u: Unpacked, b: BuiltPackage) => void) => () => {
	assert.deepEqual(built.map((b) => b.name), ['splitwg', 'luci-app-splitwg', 'prometheus-node-exporter-ucode-splitwg']);
	for (const def of defs) fn(def, unpacked.get(def.name)!, built.find((b) => b.name === def.name)!);
};

test('file names follow <name>_<version>-r<release>_all.ipk with package.json\'s version', each((def, _u, b) => {
	const version = JSON.parse(fs.readFileSync(path.join(repo, 'package.json'), 'utf8')).version;
	assert.equal(b.file, `${def.name}_${version}-r1_all.ipk`);
}));

test('outer archive: debian-binary, data.tar.gz, control.tar.gz, in ipkg-build\'s order', each((_d, u) => {
	assert.deepEqual(u.outer, ['./debian-binary', './data.tar.gz', './control.tar.gz']);
	assert.equal(u.debianBinary, '2.0\n');
}));

test('data: every file of the trees, owned by 0:0, with the mode table\'s modes; directories 0755', each((def, u) => {
	for (const m of u.data) assert.equal(m.owner, '0/0', m.name);
	for (const m of u.data.filter((x) => x.dir)) assert.equal(m.mode, 0o755, m.name);
	assert.equal(u.data[0].name, './');
	const files = u.data.filter((m) => !m.dir).map((m) => m.name.slice(2));
	// every file under the package's trees, and nothing else
	const expected: string[] = [];
	for (const t of def.trees) {
		const dir = path.join(repo, t.from);
		if (fs.existsSync(dir)) for (const f of fs.readdirSync(dir, { recursive: true, withFileTypes: true }))
			if (f.isFile()) expected.push(path.join(t.to, path.relative(dir, path.join(f.parentPath ?? f.path, f.name))));
	}
	assert.deepEqual([...files].sort(), expected.sort());
	// each directory entry comes before what it contains
	const seen = new Set(['./']);
	for (const m of u.data.slice(1)) {
		assert.ok(seen.has(m.name.replace(/[^/]+\/?$/, '')), `${m.name} before its directory`);
		seen.add(m.name);
	}
}));

test('modes: config 0600, init script, uci-defaults and CLI 0755, the rest 0644', () => {
	const mode = (pkg: string, rel: string) => unpacked.get(pkg)!.data.find((m) => m.name === `./${rel}`)?.mode;
	assert.equal(mode('splitwg', 'etc/config/splitwg'), 0o600);
	assert.equal(mode('splitwg', 'etc/init.d/splitwg'), 0o755);
	assert.equal(mode('splitwg', 'etc/uci-defaults/90-splitwg'), 0o755);
	assert.equal(mode('splitwg', 'usr/sbin/splitwg'), 0o755);
	assert.equal(mode('splitwg', 'etc/hotplug.d/iface/90-splitwg'), 0o644);
	assert.equal(mode('splitwg', 'usr/share/rpcd/ucode/splitwg'), 0o644);
	assert.equal(mode('splitwg', 'usr/share/ucode/splitwg/core.uc'), 0o644);
	for (const m of unpacked.get('luci-app-splitwg')!.data.filter((x) => !x.dir && !x.name.includes('/uci-defaults/')))
		assert.equal(m.mode, 0o644, m.name);
	// installed files keep them
	assert.equal(fs.statSync(path.join(unpacked.get('splitwg')!.dataDir, 'etc/config/splitwg')).mode & 0o777, 0o600);
});

test('control, read as opkg reads it (field names matched by prefix): every field is read as itself, Source and Section intact', each((def, u) => {
	const text = u.control.get('control')!.text;
	const r = opkgReadControl(text);
	for (const [name, as] of r.readAs) assert.ok(as === name || as === null, `opkg reads "${name}:" as ${as}`);
	assert.deepEqual(r.truncated, []);
	assert.equal(r.fields.get('Source'), def.source);
	assert.equal(r.fields.get('Section'), def.section);
	assert.equal(r.fields.get('Package'), def.name);
	assert.equal(r.fields.get('Version'), `${def.version}-r1`);
}));

test('the opkg reader model: it garbles what package-pack.mk writes, as opkg-lede does', () => {
	// the SDK's field set (include/package-pack.mk): opkg info shows "Source: ateEpoch: …"
	const r = opkgReadControl('Package: splitwg\nSource: package/splitwg\nSourceName: splitwg\nSection: net\nSourceDateEpoch: 1700000000\n');
	assert.equal(r.readAs.get('SourceName'), 'Source');
	assert.equal(r.fields.get('Source'), 'ateEpoch: 17000'); // cut at the length of "package/splitwg"
	assert.deepEqual(r.truncated, ['Source']);
});

test('control: the fields OpenWrt writes, with the depends and version of packaging/packages.mjs', each((def, u) => {
	const f = u.fields;
	// package-pack.mk's order, without SourceName and SourceDateEpoch (see the tests above)
	assert.deepEqual([...f.keys()], ['Package', 'Version', 'Depends', 'Source', 'License', 'Section', 'Architecture', 'Installed-Size', 'Description']);
	assert.equal(f.get('Package'), def.name);
	assert.equal(f.get('Version'), `${def.version}-r1`);
	assert.equal(f.get('Depends'), ['libc', ...def.depends].join(', '));
	assert.equal(f.get('Source'), def.source);
	assert.equal(f.get('License'), 'GPL-2.0-only');
	assert.equal(f.get('Section'), ({ splitwg: 'net', 'luci-app-splitwg': 'luci', 'prometheus-node-exporter-ucode-splitwg': 'utils' } as Record<string, string>)[def.name]);
	assert.equal(f.get('Architecture'), 'all');
	assert.equal(Number(f.get('Installed-Size')), u.dataTarBytes, 'Installed-Size is the unpacked data.tar size, as ipkg-build computes it');
	assert.equal(f.get('Description'), ` ${def.description.join('\n ')}`);
	assert.equal(u.control.get('control')!.mode, 0o644);
}));

test('splitwg depends on what it runs on, and not on dnsmasq-full', () => {
	const deps = unpacked.get('splitwg')!.fields.get('Depends')!.split(', ');
	for (const d of ['wireguard-tools', 'kmod-wireguard', 'ucode', 'ucode-mod-fs', 'ucode-mod-uci', 'ucode-mod-ubus', 'ucode-mod-uloop', 'rpcd', 'rpcd-mod-ucode', 'firewall4', 'kmod-nft-core', 'kmod-nft-fib', 'kmod-nft-nat'])
		assert.ok(deps.includes(d), d);
	assert.ok(!deps.some((d) => d.startsWith('dnsmasq')), 'installing splitwg must not swap the router\'s dnsmasq');
	assert.deepEqual(unpacked.get('luci-app-splitwg')!.fields.get('Depends'), 'libc, splitwg, luci-base');
	assert.deepEqual(unpacked.get('prometheus-node-exporter-ucode-splitwg')!.fields.get('Depends'), 'libc, splitwg, prometheus-node-exporter-ucode');
});

test('conffiles: /etc/config/splitwg only', () => {
	assert.equal(unpacked.get('splitwg')!.control.get('conffiles')?.text, '/etc/config/splitwg\n');
	assert.equal(unpacked.get('splitwg')!.control.get('conffiles')?.mode, 0o644);
	assert.equal(unpacked.get('luci-app-splitwg')!.control.get('conffiles'), undefined);
});

test('scripts: OpenWrt\'s postinst/prerm wrappers around our own scripts, 0755, valid sh', each((def, u) => {
	assert.equal(u.control.get('postinst')?.text, POSTINST);
	assert.equal(u.control.get('prerm')?.text, PRERM);
	const ours = new Map(Object.entries(def.scripts).map(([k, rel]) => [k === 'postrm' ? k : `${k}-pkg`, rel!]));
	assert.deepEqual([...u.control.keys()].filter((k) => k !== 'control' && k !== 'conffiles').sort(), ['postinst', 'prerm', ...ours.keys()].sort());
	for (const [name, rel] of ours) assert.equal(u.control.get(name)?.text, fs.readFileSync(path.join(repo, rel), 'utf8'), `${def.name} ${name} is ${rel}`);
	const shell = spawnSync('busybox', ['true']).status === 0 ? ['busybox', 'sh'] : ['sh'];
	for (const [name, c] of u.control) {
		if (name === 'control' || name === 'conffiles') continue;
		assert.equal(c.mode, 0o755, name);
		const r = spawnSync(shell[0], [...shell.slice(1), '-n', '-c', c.text], { encoding: 'utf8' });
		assert.equal(r.status, 0, `${def.name} ${name}: ${r.stderr}`);
	}
}));

test('the build is deterministic, and SOURCE_DATE_EPOCH sets every mtime', () => {
	const again = buildPackages({ repo, epoch: 1700000000 });
	for (const [i, b] of again.entries()) assert.ok(b.ipk.equals(built[i].ipk), b.name);
	const other = buildPackages({ repo, epoch: 1700000001 });
	assert.ok(!other[0].ipk.equals(built[0].ipk));
});

test('missing files are refused unless asked; the sizes hook reports every package', () => {
	const bare = path.join(tmp, 'bare');
	fs.mkdirSync(bare);
	fs.cpSync(path.join(repo, 'package.json'), path.join(bare, 'package.json'));
	fs.cpSync(path.join(repo, 'packaging'), path.join(bare, 'packaging'), { recursive: true });
	fs.cpSync(path.join(repo, 'luci-app-splitwg'), path.join(bare, 'luci-app-splitwg'), { recursive: true });
	fs.cpSync(path.join(repo, 'prometheus-node-exporter-ucode-splitwg'), path.join(bare, 'prometheus-node-exporter-ucode-splitwg'), { recursive: true });
	assert.ok(missingFiles(bare).includes('splitwg: /etc/config/splitwg'));
	assert.throws(() => buildPackages({ repo: bare }), /missing from the package trees/);
	assert.equal(buildPackages({ repo: bare, allowIncomplete: true }).length, 3);
	const sizes = packageSizes({ repo, epoch: 1700000000 });
	assert.deepEqual(sizes.map((s) => s.name), ['splitwg', 'luci-app-splitwg', 'prometheus-node-exporter-ucode-splitwg']);
	for (const s of sizes) {
		assert.equal(s.ipkBytes, built.find((b) => b.name === s.name)!.ipk.length);
		assert.ok(s.installedBytes > 0 && s.files > 0);
	}
});

test('the committed tree has every file the packages need', { todo: Boolean(missingFiles().length ? `not yet in the tree: ${missingFiles().join(', ')}` : undefined) }, () => {
	assert.deepEqual(missingFiles(), []);
});
