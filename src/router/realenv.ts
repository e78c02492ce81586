// The Env of a real router, from ucode's fs, uci and ubus modules. Three
// environment variables let the same compiled code run against a scratch
// tree (tests under real ucode, a development host):
//   SPLITWG_ROOT         prefix for every file path (default: none, i.e. /)
//   SPLITWG_UCI_CONFDIR  UCI config directory (default /etc/config)
//   SPLITWG_EXEC         a program every command is run through
//                        ("$SPLITWG_EXEC nft -f …"), e.g. a recorder
import { readfile, writefile, access, unlink, mkdir, rmdir, rename, popen, stat, open, lsdir } from 'fs';
import { cursor } from 'uci';
import { connect } from 'ubus';
import type { Env, LineReader, RunResult, UciStore, Writer } from './env';
import { PATHS, commandLine, shellQuote } from './env';

function envvar(name: string): string {
	const v = getenv(name);
	return type(v) === 'string' ? v as string : '';
}

export function realEnv(): Env {
	const root = envvar('SPLITWG_ROOT');
	const confdir = envvar('SPLITWG_UCI_CONFDIR');
	const wrapper = envvar('SPLITWG_EXEC');
	const p = (path: string) => substr(path, 0, 1) === '/' ? `${root}${path}` : path;
	const mkdirp = (path: string): boolean => {
		if (stat(p(path))) return true;
		const parent = substr(path, 0, rindex(path, '/'));
		if (parent !== '' && !mkdirp(parent)) return false;
		return !!mkdir(p(path), 0o755) || !!stat(p(path));
	};
	mkdirp(PATHS.state);
	// The default delta directory (/tmp/.uci): libuci reads pending changes
	// from it whatever savedir is set, so apply refuses to commit a config
	// that has any (see apply.ts) rather than hiding them.
	const uci = cursor(confdir !== '' ? confdir : null as never, root !== '' ? p('/tmp/.uci') : null as never) as unknown as UciStore;
	const md5 = (paths: string[]): string | null => md5sum(wrapper, paths);
	let bus: any = null;
	return {
		uci,
		fs: {
			read: (path) => readfile(p(path)),
			lines: (path) => lineReader(p(path)),
			create: (path) => writer(p(path)),
			list: (path) => lsdir(p(path)),
			hostPath: p,
			write: (path, data) => writefile(p(path), data) !== null,
			exists: (path) => !!access(p(path)),
			unlink: (path) => !!unlink(p(path)),
			mkdir: (path) => !!mkdir(p(path), 0o700),
			rmdir: (path) => !!rmdir(p(path)),
			mkdirp,
			rename: (from, to) => !!rename(p(from), p(to)),
			digest: (path) => md5([p(path)]),
		},
		run: (argv, input?) => run(wrapper, argv, input ?? null),
		ubus: (object, method, args?) => {
			bus = bus ?? connect();
			return bus ? bus.call(object, method, args ?? {}) : null;
		},
		configDigest: (config) => md5([`${confdir !== '' ? confdir : '/etc/config'}/${config}`]),
		log: (msg) => { run(wrapper, ['logger', '-t', 'splitwg', msg], null); },
		now: () => time(),
		routes: (family) => {
			const r = run(wrapper, ['ip', `-${family}`, '-j', 'route', 'show', 'table', 'main'], null);
			let doc: any = null;
			try { doc = r.code === 0 ? json(r.stdout) : null; } catch { doc = null; }
			return type(doc) === 'array' ? doc : null;
		},
	};
}

// read('line') keeps the newline (left there: LineReader) and gives '' or null at the end.
function lineReader(path: string): LineReader | null {
	const h = open(path, 'r');
	if (!h) return null;
	return {
		next: () => {
			const l = h.read('line');
			return l === '' ? null : l;
		},
		close: () => { h.close(); },
	};
}

function writer(path: string): Writer | null {
	const h = open(path, 'w', 0o644);
	if (!h) return null;
	let ok = true;
	return {
		write: (s) => {
			if (ok && h.write(s) !== length(s)) ok = false;
			return ok;
		},
		close: () => !!h.close() && ok,
	};
}

// popen gives stdout only: stderr goes to a scratch file named after the
// shell's pid (printed first, so we know the name; realEnv() created the
// directory). Input (a key for
// `wg pubkey`) is fed by the shell's printf builtin, so it never appears in
// a process's argument list.
function run(wrapper: string, argv: string[], input: string | null): RunResult {
	const dir = `${envvar('SPLITWG_ROOT')}${PATHS.state}`;
	let cmd = commandLine(argv);
	if (wrapper !== '') cmd = `${shellQuote(wrapper)} ${cmd}`;
	if (input !== null) cmd = `printf '%s' ${shellQuote(input)} | ${cmd}`;
	const h = popen(`echo $$; exec 2>${shellQuote(dir)}/err.$$; ${cmd}`, 'r');
	if (!h) return { code: 127, stdout: '', stderr: `cannot run ${argv[0]}` };
	const all = h.read('all') ?? '';
	const code = h.close();
	const nl = index(all, '\n');
	const pid = nl > 0 ? substr(all, 0, nl) : '';
	const errFile = `${dir}/err.${pid}`;
	const err = pid !== '' ? readfile(errFile) ?? '' : '';
	if (pid !== '') unlink(errFile);
	return { code: type(code) === 'int' ? code as number : 1, stdout: nl >= 0 ? substr(all, nl + 1) : all, stderr: err };
}

// The md5 of each file, joined by '+' (busybox md5sum: "<hex>  <path>" a
// line); null when one of them cannot be read.
const MD5_LINE = /^([0-9a-f]{32}) /;

function md5sum(wrapper: string, paths: string[]): string | null {
	const r = run(wrapper, ['md5sum', ...paths], null);
	if (r.code !== 0) return null;
	const lines = split(trim(r.stdout), '\n');
	if (length(lines) !== length(paths)) return null;
	const out: string[] = [];
	for (let i = 0; i < length(lines); i++) {
		const m = match(lines[i], MD5_LINE) as string[] | null;
		if (!m) return null;
		push(out, m[1]);
	}
	return join('+', out);
}
