// What opkg (openwrt/opkg-lede, libopkg/opkg_install.c, opkg_remove.c,
// pkg.c) does to a root filesystem when it installs, upgrades and removes a
// package — the steps that decide which files and scripts a package leaves
// behind — driving the real .ipk and its real maintainer scripts:
//  install/upgrade: [old prerm upgrade V] → back up modified conffiles →
//    [old postrm upgrade V] → remove the old package's files that the new one
//    lacks (not modified conffiles) → unpack control files to
//    info/<pkg>.* and data into / → write info/<pkg>.list (files only, never
//    directories) → resolve conffiles (a modified one is kept, the package's
//    goes to <file>-opkg) → postinst configure.
//  remove: prerm remove → delete listed files except modified conffiles →
//    postrm remove → delete info/<pkg>.*.
// Scripts run with PKG_UPGRADE=1 on upgrade, 0 otherwise (pkg_run_script).
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sh } from './unpack';
import { runInRouter } from './router';

interface Installed { version: string; depends: string; files: string[]; conffiles: Map<string, string> }

const sha = (p: string) => crypto.createHash('sha256').update(fs.readFileSync(p)).digest('hex');

export class Opkg {
	readonly db = new Map<string, Installed>();
	/** stderr of every script run, for assertions on warnings. */
	readonly output: string[] = [];
	constructor(readonly root: string) {}

	private info(pkg: string, what: string) {
		return `/usr/lib/opkg/info/${pkg}.${what}`;
	}

	private run(pkg: string, script: string, args: string, upgrade: boolean) {
		if (!fs.existsSync(path.join(this.root, this.info(pkg, script)))) return;
		const r = runInRouter(this.root, `${this.info(pkg, script)} ${args}`, { PKG_UPGRADE: upgrade ? '1' : '0', PKG_ROOT: '/' });
		this.output.push(r.stdout + r.stderr);
		if (r.status !== 0) throw new Error(`${pkg} ${script} ${args} exited ${r.status}:\n${r.stdout}${r.stderr}`);
	}

	/** The package's conffiles that differ from what it shipped (what opkg keeps at removal and backs up at upgrade). */
	modifiedConffiles(name: string): string[] {
		return [...this.db.get(name)?.conffiles ?? []].filter(([cf, sum]) => this.modified(cf, sum)).map(([cf]) => cf);
	}

	private modified(cf: string, sum: string) {
		const p = path.join(this.root, cf);
		return fs.existsSync(p) && sha(p) !== sum;
	}

	install(ipk: string) {
		const work = fs.mkdtempSync(path.join(os.tmpdir(), 'opkg-'));
		try {
			sh('tar', ['-xzf', ipk, '-C', work]);
			const ctl = path.join(work, 'control');
			fs.mkdirSync(ctl);
			sh('tar', ['-xzf', path.join(work, 'control.tar.gz'), '-C', ctl]);
			const field = (f: string) => new RegExp(`^${f}: (.*)$`, 'm').exec(fs.readFileSync(path.join(ctl, 'control'), 'utf8'))?.[1] ?? '';
			const name = field('Package'), version = field('Version');
			const confPath = path.join(ctl, 'conffiles');
			const conffiles = fs.existsSync(confPath) ? fs.readFileSync(confPath, 'utf8').split('\n').filter(Boolean) : [];
			const files = sh('tar', ['-tzf', path.join(work, 'data.tar.gz')]).split('\n')
				.filter((n) => n && !n.endsWith('/')).map((n) => n.replace(/^\.\//, '/'));
			const old = this.db.get(name);
			if (old?.version === version) return;
			const upgrade = !!old;

			if (old) this.run(name, 'prerm', `upgrade ${version}`, true);
			const backup = (cf: string) => {
				const p = path.join(this.root, cf);
				if (fs.existsSync(p) && !fs.existsSync(`${p}-opkg.backup`)) fs.copyFileSync(p, `${p}-opkg.backup`);
			};
			for (const [cf, sum] of old?.conffiles ?? []) if (this.modified(cf, sum)) backup(cf);
			for (const cf of conffiles) if (!old?.conffiles.has(cf)) backup(cf);
			if (old) {
				this.run(name, 'postrm', `upgrade ${version}`, true);
				for (const f of old.files) {
					const sum = old.conffiles.get(f);
					if (!files.includes(f) && !(sum && this.modified(f, sum))) fs.rmSync(path.join(this.root, f), { force: true });
				}
				this.removeInfo(name);
			}

			for (const f of fs.readdirSync(ctl)) fs.copyFileSync(path.join(ctl, f), path.join(this.root, this.info(name, f)));
			sh('tar', ['-xpzf', path.join(work, 'data.tar.gz'), '-C', this.root]);
			fs.writeFileSync(path.join(this.root, this.info(name, 'list')), files.map((f) => `${f}\n`).join(''));

			const recorded = new Map<string, string>();
			for (const cf of conffiles) {
				const p = path.join(this.root, cf), b = `${p}-opkg.backup`;
				if (!fs.existsSync(p)) continue;
				recorded.set(cf, sha(p));
				if (fs.existsSync(b) && sha(b) !== recorded.get(cf)) {
					fs.renameSync(p, `${p}-opkg`);
					fs.renameSync(b, p);
				}
				fs.rmSync(b, { force: true });
			}
			this.db.set(name, { version, depends: field('Depends'), files, conffiles: recorded });
			this.writeStatus();
			this.run(name, 'postinst', 'configure', upgrade);
		} finally {
			fs.rmSync(work, { recursive: true, force: true });
		}
	}

	remove(name: string) {
		const p = this.db.get(name);
		if (!p) throw new Error(`${name} is not installed`);
		this.run(name, 'prerm', 'remove', false);
		for (const f of p.files) {
			const sum = p.conffiles.get(f);
			if (!(sum && this.modified(f, sum))) fs.rmSync(path.join(this.root, f), { force: true });
		}
		fs.rmSync(path.join(this.root, this.info(name, 'list')), { force: true });
		this.run(name, 'postrm', 'remove', false);
		this.removeInfo(name);
		this.db.delete(name);
		this.writeStatus();
	}

	private removeInfo(name: string) {
		const dir = path.join(this.root, 'usr/lib/opkg/info');
		for (const f of fs.readdirSync(dir)) if (f.startsWith(`${name}.`)) fs.rmSync(path.join(dir, f));
	}

	private writeStatus() {
		const entries = [...this.db].sort(([a], [b]) => a.localeCompare(b)).map(([name, p]) =>
			`Package: ${name}\nVersion: ${p.version}\nDepends: ${p.depends}\nStatus: install user installed\nArchitecture: all\n` +
			(p.conffiles.size ? `Conffiles:\n${[...p.conffiles].map(([f, s]) => ` ${f} ${s}\n`).join('')}` : '') + '\n');
		fs.writeFileSync(path.join(this.root, 'usr/lib/opkg/status'), entries.join(''));
	}
}
