// npm run package: the installable .ipk files, without the OpenWrt SDK.
//   dist/splitwg_<version>-r1_all.ipk, dist/luci-app-splitwg_<version>-r1_all.ipk
// Install on a router (OpenWrt 23.05/24.10): opkg install ./splitwg_*.ipk ./luci-app-*.ipk
// What goes in comes from packaging/packages.mjs; docs/packaging.md explains.
// The LuCI JavaScript is minified on the way in (packaging/luci-minify.mjs).
//   --out DIR           write there instead of dist/
//   --allow-incomplete  build even if files the package needs are missing
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { REPO, packages } from '../packaging/packages.mjs';
import { buildIpk, collectFiles } from '../packaging/ipk.mjs';
import { patternRegExp } from '../packaging/modes.mjs';

/** SOURCE_DATE_EPOCH, else the last commit's time, else 0. */
export function sourceDateEpoch(repo = REPO) {
	if (/^\d+$/.test(process.env.SOURCE_DATE_EPOCH ?? '')) return Number(process.env.SOURCE_DATE_EPOCH);
	try {
		return Number(execFileSync('git', ['-C', repo, 'log', '-1', '--format=%ct'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim()) || 0;
	} catch {
		return 0;
	}
}

/** Expected files that are not in the trees, as "package: /path". */
export function missingFiles(repo = REPO) {
	return packages(repo).flatMap((p) => {
		const have = collectFiles(p, repo).map((f) => f.rel);
		return p.expect.filter((pat) => !have.some((rel) => patternRegExp(pat).test(rel))).map((pat) => `${p.name}: /${pat}`);
	});
}

/**
 * Builds both packages in memory.
 * @param {{ repo?: string, epoch?: number, version?: string, allowIncomplete?: boolean }} [opts]
 *   version overrides package.json's (tests build an "upgrade").
 */
export function buildPackages(opts = {}) {
	const repo = opts.repo ?? REPO;
	const missing = missingFiles(repo);
	if (missing.length && !opts.allowIncomplete)
		throw new Error(`missing from the package trees (run \`npm run build\`?):\n  ${missing.join('\n  ')}`);
	const epoch = opts.epoch ?? sourceDateEpoch(repo);
	return packages(repo).map((p) => buildIpk(opts.version ? { ...p, version: opts.version } : p, { repo, epoch }));
}

/**
 * For `npm run bench`: the flash footprint of each package.
 * ipkBytes is what opkg downloads and keeps nowhere; installedBytes is the sum
 * of the file sizes that land on the router's flash (before its filesystem's
 * own compression).
 * @returns {{ name: string, file: string, ipkBytes: number, installedBytes: number, files: number }[]}
 */
export function packageSizes(opts = {}) {
	return buildPackages({ allowIncomplete: true, ...opts }).map((b) => ({
		name: b.name,
		file: b.file,
		ipkBytes: b.ipk.length,
		installedBytes: b.files.reduce((n, f) => n + f.size, 0),
		files: b.files.length,
	}));
}

if (import.meta.url === `file://${process.argv[1]}`) {
	const args = process.argv.slice(2);
	const outIdx = args.indexOf('--out');
	const out = path.resolve(outIdx >= 0 ? args[outIdx + 1] : path.join(REPO, 'dist'));
	try {
		const built = buildPackages({ allowIncomplete: args.includes('--allow-incomplete') });
		fs.mkdirSync(out, { recursive: true });
		for (const b of built) {
			fs.writeFileSync(path.join(out, b.file), b.ipk);
			const sum = (files, key) => files.reduce((n, f) => n + f[key], 0);
			const small = b.files.filter((f) => f.minified);
			const minified = small.length ? ` (${small.length} minified: ${sum(small, 'sourceSize')} → ${sum(small, 'size')} bytes)` : '';
			console.log(`${path.relative(process.cwd(), path.join(out, b.file)) || b.file}: ${b.ipk.length} bytes, ${b.files.length} files, ${sum(b.files, 'size')} bytes installed${minified}`);
		}
	} catch (e) {
		console.error(`package: ${e.message}`);
		process.exit(1);
	}
}
