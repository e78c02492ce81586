// Our nftset entries as a file in every dnsmasq instance's conf-dir. The
// directory differs between releases (/tmp/dnsmasq.d, /tmp/dnsmasq.<cfg>.d)
// and can be configured, so it is resolved at run time; dnsmasq runs in a
// jail that sees only its conf-dir. A dropped-in file is read only on
// restart (SIGHUP does not re-read configuration).
import type { Env } from './env';
import { PATHS } from './env';

// Each `config dnsmasq` section: its `confdir` option (the part before a
// ",ext" filter), else the conf-dir= line of the config file the init script
// generated for it, else the default.
export function confDirs(env: Env): string[] {
	env.uci.unload('dhcp');
	env.uci.load('dhcp');
	const all = env.uci.get_all('dhcp') ?? {};
	const dirs: string[] = [];
	for (let name in all) {
		const s = all[name];
		if (s['.type'] !== 'dnsmasq') continue;
		let d: string | null = type(s.confdir) === 'string' && s.confdir !== '' ? split(s.confdir, ',')[0] : null;
		if (d === null) d = generatedConfDir(env, name);
		if (d === null) d = PATHS.dnsmasqDefaultDir;
		if (index(dirs, d) < 0) push(dirs, d);
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
