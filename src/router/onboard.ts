// A provider's .zip of WireGuard .conf files → one upstream each, all or
// nothing (docs/cli.md "import"). ucode has no inflate, so the archive is
// read with the router's `unzip` (busybox's applet or the unzip package):
// `unzip -l` lists it, `unzip -p` prints one entry. Each file is parsed by
// parseProviderConf, exactly as `splitwg import FILE` parses one.
import type { Env } from './env';
import type { ImportedUpstream, LineError } from './conf';
import { parseProviderConf, upstreamOptions } from './conf';
import { readConfig, msg, described, format, ZIP_ENTRIES, CONF_BYTES, isConfEntry, uniqueNames } from './core';
import type { Msg } from './core';
import { readConfigSections } from './sections';
import { readLists } from './lists';
import { newProblems } from './transfer';

// regexes as module constants: ucode compiles a literal each time it is evaluated
// one entry of `unzip -l` (Info-ZIP and busybox alike): length, date, time, name
const LIST_LINE = /^ *([0-9]+) +[0-9][0-9-]* +[0-9][0-9:]* +([^\n]+)$/;
// characters unzip takes as a pattern in an entry's name
const PATTERN_CHARS = ['[', ']', '*', '?', '\\'];

export interface ZipError { code: string, message: string, path: string | null, id: string, args: any[] }
export type FileError = LineError & { file: string };
export interface ZipUpstream { file: string, upstream: ImportedUpstream, ignored: FileError[] }
export type ZipResult = { upstreams: ZipUpstream[] } | { error: ZipError, errors: FileError[] };

function failed(code: string, m: Msg, path: string | null, errors?: FileError[]): ZipResult {
	return { error: { code, message: format(m), path, id: m.id, args: m.args }, errors: errors ?? [] };
}

// The .conf entries of an `unzip -l` listing, with their sizes (isConfEntry:
// directories, macOS resource forks and other files left out).
export function zipConfEntries(listing: string): { name: string, size: number }[] {
	const out: { name: string, size: number }[] = [];
	const lines = split(listing, '\n');
	for (let i = 0; i < length(lines); i++) {
		const m = match(trim(lines[i]), LIST_LINE) as string[] | null;
		if (m && isConfEntry(m[2])) push(out, { name: m[2], size: int(m[1]) });
	}
	return out;
}

function isPattern(name: string): boolean {
	for (let i = 0; i < length(PATTERN_CHARS); i++) if (index(name, PATTERN_CHARS[i]) >= 0) return true;
	return false;
}

// Read and parse every .conf of the zip; nothing is written.
export function readZip(env: Env, file: string): ZipResult {
	const zip = env.fs.hostPath(file);
	const l = env.run(['unzip', '-l', zip]);
	if (l.code === 127) return failed('COMMAND_FAILED', msg('zip_no_unzip'), null);
	if (l.code !== 0) return failed('PARSE_ERROR', msg('zip_unreadable', [file, trim(l.stderr) || trim(l.stdout)]), file);
	const entries = zipConfEntries(l.stdout);
	if (!length(entries)) return failed('PARSE_ERROR', msg('zip_no_conf', [file]), file);
	if (length(entries) > ZIP_ENTRIES) return failed('PARSE_ERROR', msg('zip_too_many', [file, length(entries), ZIP_ENTRIES]), file);
	const names = uniqueNames(map(entries, (e) => e.name));
	const errors: FileError[] = [];
	const ups: ZipUpstream[] = [];
	for (let i = 0; i < length(entries); i++) {
		const e = entries[i];
		const where = (x: LineError): FileError => ({ ...x, file: e.name });
		if (isPattern(e.name) || e.size > CONF_BYTES) {
			push(errors, where(described({ line: 0, ...(e.size > CONF_BYTES ? msg('zip_entry_size', [e.name, CONF_BYTES]) : msg('zip_entry_name', [e.name])) }) as LineError));
			continue;
		}
		const p = env.run(['unzip', '-p', zip, e.name]);
		const r = parseProviderConf(p.code === 0 ? p.stdout : '', names[i]);
		if (exists(r, 'error')) { const es: LineError[] = (r as any).errors; for (let j = 0; j < length(es); j++) push(errors, where(es[j])); continue; }
		push(ups, { file: e.name, upstream: (r as any).upstream, ignored: map((r as any).ignored, where) });
	}
	if (length(errors)) return failed('PARSE_ERROR', msg('zip_errors', [length(errors), errors[0].file, { id: errors[0].id, args: errors[0].args }]), errors[0].file, errors);
	return { upstreams: ups };
}

// readZip, then every upstream into /etc/config/splitwg in one commit; an
// upstream name that is taken, or a problem the new upstreams bring into
// the configuration (too many for the mark mask…), and nothing is added.
export function importZip(env: Env, file: string): ZipResult {
	const z = readZip(env, file);
	if (exists(z, 'error')) return z;
	const ups: ZipUpstream[] = (z as any).upstreams;
	const secs = readConfigSections(env.uci, 'splitwg');
	const taken: { [n: string]: boolean } = {};
	for (let i = 0; i < length(secs); i++) taken[secs[i].name] = true;
	for (let i = 0; i < length(ups); i++)
		if (taken[ups[i].upstream.name]) return failed('EXISTS', msg('zip_exists', [ups[i].upstream.name, ups[i].file]), ups[i].file);
	const added = map(ups, (u) => ({ type: 'upstream', name: u.upstream.name, anonymous: false, options: upstreamOptions(u.upstream) }));
	const before = readConfig(secs, readLists(env, secs, 'check'));
	const all = [...secs, ...added];
	const bad = newProblems(before.problems, readConfig(all, readLists(env, all, 'check')).problems);
	if (length(bad)) return failed('INVALID_CONFIG', msg('zip_config', [length(bad), bad[0].path, { id: bad[0].id, args: bad[0].args }]), bad[0].path);
	for (let i = 0; i < length(added); i++) {
		env.uci.set('splitwg', added[i].name, 'upstream');
		for (let k in added[i].options) env.uci.set('splitwg', added[i].name, k, added[i].options[k]);
	}
	if (!env.uci.commit('splitwg')) { env.uci.revert('splitwg'); return failed('COMMIT_FAILED', msg('tpl_commit'), null); }
	return z;
}
