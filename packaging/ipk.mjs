// Builds one .ipk from a package definition (packaging/packages.mjs), the way
// OpenWrt's buildroot does (include/package-pack.mk + scripts/ipkg-build):
//   outer gzip'd tar:  ./debian-binary ("2.0\n"), ./data.tar.gz, ./control.tar.gz
//   control.tar.gz:    ./control ./conffiles ./postinst ./postinst-pkg ./prerm
//                      ./prerm-pkg ./postrm — the package's own scripts are the
//                      -pkg ones; postinst/prerm are package-pack.mk's wrappers
//   data.tar.gz:       ./ and every directory and file, depth first, by name
// Deterministic: fixed mtime, owner 0:0, sorted entries, gzip without a name.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { tar } from './tar.mjs';
import { readModes, modeOf, patternRegExp } from './modes.mjs';
import { minifyLuciModule } from './luci-minify.mjs';

// package-pack.mk writes these two wrappers into every ipk (ipk branch).
export const POSTINST_WRAPPER = [
	'#!/bin/sh',
	'[ "${IPKG_NO_SCRIPT}" = "1" ] && exit 0',
	'[ -s ${IPKG_INSTROOT}/lib/functions.sh ] || exit 0',
	'. ${IPKG_INSTROOT}/lib/functions.sh',
	'default_postinst $0 $@',
	'',
].join('\n');
export const PRERM_WRAPPER = [
	'#!/bin/sh',
	'[ -s ${IPKG_INSTROOT}/lib/functions.sh ] || exit 0',
	'. ${IPKG_INSTROOT}/lib/functions.sh',
	'default_prerm $0 $@',
	'',
].join('\n');

// package-pack.mk deletes these from the install tree before packing.
const JUNK = (name) => name === 'CVS' || name === '.svn' || name.startsWith('.#') || name.endsWith('~');

/** Installed files of a package: [{ rel, abs, mode, size }], rel without a leading '/'. */
export function collectFiles(pkg, repo) {
	const rules = readModes(path.join(repo, pkg.modes));
	const files = new Map();
	const walk = (dir, rel) => {
		for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
			if (JUNK(e.name)) continue;
			const abs = path.join(dir, e.name), r = rel ? `${rel}/${e.name}` : e.name;
			if (e.isDirectory()) walk(abs, r);
			else if (e.isFile()) {
				if (files.has(r)) throw new Error(`${pkg.name}: ${r} comes from two trees`);
				files.set(r, { rel: r, abs, mode: modeOf(rules, r), size: fs.statSync(abs).size });
			} else throw new Error(`${pkg.name}: ${abs} is not a regular file or directory`);
		}
	};
	for (const t of pkg.trees) {
		const dir = path.join(repo, t.from);
		if (fs.existsSync(dir)) walk(dir, t.to);
	}
	return [...files.values()];
}

/**
 * The files as they go into the package: { ...file, data, minified,
 * sourceSize }, data minified for the paths that match one of pkg.minify
 * (luci-minify.mjs), the file's bytes otherwise; size is data's.
 */
export function packedFiles(pkg, repo) {
	const minify = (pkg.minify ?? []).map(patternRegExp);
	return collectFiles(pkg, repo).map((f) => {
		const raw = fs.readFileSync(f.abs);
		const minified = minify.some((re) => re.test(f.rel));
		const data = minified ? Buffer.from(minifyLuciModule(raw.toString('utf8'), f.rel)) : raw;
		return { ...f, data, minified, size: data.length, sourceSize: raw.length };
	});
}

// ipkg-build's data.tar: `tar --sort=name -c .` → './', then each directory
// followed by its sorted contents (byte order), depth first.
function dataEntries(files) {
	const root = { dirs: new Map(), files: new Map() };
	for (const f of files) {
		const parts = f.rel.split('/');
		let node = root;
		for (const p of parts.slice(0, -1)) {
			if (!node.dirs.has(p)) node.dirs.set(p, { dirs: new Map(), files: new Map() });
			node = node.dirs.get(p);
		}
		node.files.set(parts[parts.length - 1], f);
	}
	const out = [{ name: './', mode: 0o755, dir: true }];
	const visit = (node, prefix) => {
		const names = [...node.dirs.keys(), ...node.files.keys()].sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)));
		for (const n of names) {
			if (node.dirs.has(n)) {
				out.push({ name: `${prefix}${n}/`, mode: 0o755, dir: true });
				visit(node.dirs.get(n), `${prefix}${n}/`);
			} else {
				const f = node.files.get(n);
				out.push({ name: `${prefix}${n}`, mode: f.mode, data: f.data });
			}
		}
	};
	visit(root, './');
	return out;
}

// BuildPackVariable echoes `$(file <script)`, which drops one trailing newline
// and echo adds one back.
function scriptText(repo, rel) {
	const s = fs.readFileSync(path.join(repo, rel), 'utf8');
	if (s.includes('\\')) throw new Error(`${rel}: no backslashes please — the SDK writes scripts with sh's echo, which would interpret them`);
	return s.endsWith('\n') ? s : s + '\n';
}

export function fullVersion(pkg) {
	return `${pkg.version}-r${pkg.release}`;
}

export function ipkName(pkg) {
	return `${pkg.name}_${fullVersion(pkg)}_all.ipk`;
}

// package-pack.mk's Package/<name>/CONTROL, in its field order, plus the
// Description that the pack step appends (each line led by one space) —
// except two of its fields. package-pack.mk also writes `SourceName:` and
// `SourceDateEpoch:`, which opkg-lede does not know but reads as `Source:`:
// it matches field names by prefix (pkg_parse.c, is_field is a strncmp), so
// `opkg info` showed `Source: ateEpoch: 1700000000`, cut to the length of the
// first value, and writing the longer value past it emptied `Section:`.
// Nothing on an opkg router reads either field (they are for the
// buildbot's indexes), so this opkg package leaves them out.
export function controlText(pkg, { installedSize }) {
	const lines = [
		`Package: ${pkg.name}`,
		`Version: ${fullVersion(pkg)}`,
		`Depends: ${['libc', ...pkg.depends].join(', ')}`, // PKG_FIXUP_DEPENDS adds +libc
		`Source: ${pkg.source}`,
		`License: ${pkg.license}`,
		`Section: ${pkg.section}`,
		...(pkg.url ? [`URL: ${pkg.url}`] : []),
		...(pkg.maintainer ? [`Maintainer: ${pkg.maintainer}`] : []),
		'Architecture: all',
		`Installed-Size: ${installedSize}`,
		`Description: ${pkg.description.map((l) => ` ${l.trim()}`).join('\n')}`,
	];
	return lines.join('\n') + '\n';
}

const gz = (buf) => zlib.gzipSync(buf, { level: 9 });

/**
 * @param {object} pkg one entry of packages()
 * @param {{ repo: string, epoch: number }} opts
 * @returns {{ name: string, file: string, ipk: Buffer, control: string, installedSize: number, files: { rel: string, mode: number, size: number, minified: boolean, sourceSize: number }[] }}
 */
export function buildIpk(pkg, { repo, epoch }) {
	const files = packedFiles(pkg, repo);
	const data = tar(dataEntries(files), epoch);
	const installedSize = data.length; // ipkg-build: zcat data.tar.gz | wc -c
	const control = controlText(pkg, { installedSize });

	const ctl = new Map([['control', { mode: 0o644, text: control }]]);
	const conffiles = pkg.conffiles.filter((c) => files.some((f) => `/${f.rel}` === c)).sort();
	if (conffiles.length) ctl.set('conffiles', { mode: 0o644, text: conffiles.join('\n') + '\n' });
	ctl.set('postinst', { mode: 0o755, text: POSTINST_WRAPPER });
	ctl.set('prerm', { mode: 0o755, text: PRERM_WRAPPER });
	for (const [kind, rel] of Object.entries(pkg.scripts)) {
		ctl.set(kind === 'postrm' || kind === 'preinst' ? kind : `${kind}-pkg`, { mode: 0o755, text: scriptText(repo, rel) });
	}
	const ctlEntries = [{ name: './', mode: 0o755, dir: true }, ...[...ctl.keys()].sort().map((k) => (
		{ name: `./${k}`, mode: ctl.get(k).mode, data: Buffer.from(ctl.get(k).text) }))];

	const ipk = gz(tar([
		{ name: './debian-binary', mode: 0o644, data: Buffer.from('2.0\n') },
		{ name: './data.tar.gz', mode: 0o644, data: gz(data) },
		{ name: './control.tar.gz', mode: 0o644, data: gz(tar(ctlEntries, epoch)) },
	], epoch));
	return { name: pkg.name, file: ipkName(pkg), ipk, control, installedSize, files: files.map(({ rel, mode, size, minified, sourceSize }) => ({ rel, mode, size, minified, sourceSize })) };
}
