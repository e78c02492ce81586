// Our nftset entries as a file in every dnsmasq instance's conf-dir. The
// directory differs between releases (/tmp/dnsmasq.d, /tmp/dnsmasq.<cfg>.d)
// and can be configured, so it is resolved at run time; dnsmasq runs in a
// jail that sees only its conf-dir. A dropped-in file is read only on
// restart (SIGHUP does not re-read configuration).
import type { Env } from './env';
import { PATHS } from './env';
import { fileFingerprint } from './state';

export const INIT_SCRIPT = '/etc/init.d/dnsmasq';

// Where each enabled `config dnsmasq` section's instance reads its conf-dir,
// derived from UCI the way /etc/init.d/dnsmasq does, so it holds before
// dnsmasq ever ran:
//   config_get dnsmasqconfdir "$cfg" confdir "/tmp/dnsmasq${cfg:+.$cfg}.d"
// (OpenWrt ≥ 23.05; earlier releases default to /tmp/dnsmasq.d); only an
// absolute path is used, up to a ",ext" filter. $cfg is the section's UCI
// name (libuci's cfgXXXXXX for an anonymous one, as the cursor has it).
export function confDirs(env: Env): string[] {
	env.uci.unload('dhcp');
	env.uci.load('dhcp');
	const all = env.uci.get_all('dhcp') ?? {};
	const perSection = index(env.fs.read(INIT_SCRIPT) ?? '', '"/tmp/dnsmasq.d"') < 0;
	const dirs: string[] = [];
	for (let name in all) {
		const s = all[name];
		if (s['.type'] !== 'dnsmasq' || index(['1', 'on', 'yes', 'true', 'enabled'], s.disabled) >= 0) continue;
		const opt = type(s.confdir) === 'string' ? s.confdir as string : '';
		const d = opt !== '' ? split(opt, ',')[0] : perSection ? `/tmp/dnsmasq.${name}.d` : PATHS.dnsmasqDefaultDir;
		if (substr(d, 0, 1) === '/' && index(dirs, d) < 0) push(dirs, d);
	}
	return dirs;
}

// The conf-dirs the running instances were started with: the conf-dir= line
// of each config file the init script generated (/var/etc/dnsmasq.conf.<cfg>).
export function runningConfDirs(env: Env): string[] {
	env.uci.load('dhcp');
	const all = env.uci.get_all('dhcp') ?? {};
	const dirs: string[] = [];
	for (let name in all) {
		if (all[name]['.type'] !== 'dnsmasq') continue;
		const d = generatedConfDir(env, name);
		if (d !== null && index(dirs, d) < 0) push(dirs, d);
	}
	return dirs;
}

function generatedConfDir(env: Env, section: string): string | null {
	const text = env.fs.read(`/var/etc/dnsmasq.conf.${section}`);
	if (text === null) return null;
	const lines = split(text, '\n');
	for (let i = 0; i < length(lines); i++)
		if (substr(lines[i], 0, 9) === 'conf-dir=') {
			const v = split(substr(lines[i], 9), ',')[0];
			if (v !== '') return v;
		}
	return null;
}

export function filePath(dir: string): string {
	return `${dir}/${PATHS.dnsmasqFile}`;
}

// dnsmasq skips files starting with "." in its conf-dir: a safe temp name.
export function writeFile(env: Env, dir: string, text: string | null): boolean {
	const path = filePath(dir);
	if (text === null) return !env.fs.exists(path) || env.fs.unlink(path);
	const tmp = `${dir}/.${PATHS.dnsmasqFile}.tmp`;
	return env.fs.mkdirp(dir) && env.fs.write(tmp, text) && env.fs.rename(tmp, path);
}

// "Compile time options: … nftset …" (a build without it says "no-nftset").
export function hasNftset(versionText: string): boolean {
	return index(versionText, ' nftset') >= 0;
}

export function running(env: Env): boolean {
	return env.run(['pidof', 'dnsmasq']).code === 0;
}

// Where a dnsmasq instance reads (its generated config; before it ran, where
// it will) but the applied entries (`appliedHash` of the file) are not.
export function misplaced(env: Env, appliedHash: string, derived: string[]): { dir: string, file: string, differs: boolean }[] {
	const running = runningConfDirs(env);
	const dirs = length(running) ? running : derived;
	const out: { dir: string, file: string, differs: boolean }[] = [];
	for (let i = 0; i < length(dirs); i++) {
		const have = fileFingerprint(env, filePath(dirs[i]));
		if (have !== appliedHash) push(out, { dir: dirs[i], file: filePath(dirs[i]), differs: have !== null });
	}
	return out;
}
