// List files: a rule's domains and CIDRs, one entry a line, from a file
// (`list list_file 'streaming.txt'`, a name in LIST_DIR or an absolute
// path). The core never opens a file: the router reads each one through
// its Env (src/router/lists.ts), a line at a time, and hands every line to
// listLine(), which validates it and counts it into the file's ListFile.
// Domains are kept (the dnsmasq plan needs every rule's domains at once);
// a CIDR is handed back to the reader, which writes it into the set's
// element fragment (nftlists.ts) and forgets it — so 100,000 CIDRs never
// sit in memory, and never in the table script.
//
// A line: an entry, optionally followed by a `#` comment; blank lines and
// comment lines are skipped, surrounding blanks (and a CR) ignored. An
// entry that looks like an address (digits, dots and a slash, or any `:`)
// is an IPv4/IPv6 address or prefix, anything else a domain, each with the
// grammar of the `dest` and `domain` options: one file may mix them.
import type { Arg, Msg } from './messages';
import type { Bad } from './values';
import { msg } from './messages';
import { badDomain, BLANKS } from './values';
import { prefixText } from './ip';

export const LIST_DIR = '/etc/splitwg/lists';

// lines in error reported per file (a wrong file of 100,000 lines is one problem, not 100,000)
export const LIST_BAD_MAX = 10;

// regexes as module constants: ucode compiles a literal each time it is evaluated
// a file name in LIST_DIR; an absolute path: no component starting with a dot
// (no `..`, no hidden file), nothing a shell, nft's include or UCI's
// space-separated lists would read as more than a name
const LIST_NAME = /^[A-Za-z0-9_+@%=,~-][A-Za-z0-9._+@%=,~-]*$/;
const LIST_PATH = /^(\/[A-Za-z0-9_+@%=,~-][A-Za-z0-9._+@%=,~-]*)+$/;
const ADDRESS_LIKE = /^[0-9.\/]+$/;
// a subscription's source: http or https, a host (a name, an IPv4 address or
// a bracketed IPv6 one), an optional port, then a path and query without
// blanks, quotes or a character of config.md's "never reaches a shell" list
// (`;`, `#`, `{`, `$`, backslash …; a fragment is never sent anyway)
const URL_RE = /^https?:\/\/([A-Za-z0-9.-]+|\[[0-9A-Fa-f:.]+\])(:[0-9]+)?([\/?][^ \n"'<>\\^`{|};$#]*)?$/;

// The value of `list_file`: a name in LIST_DIR or an absolute path.
export function badListFile(v: string): Bad {
	if ((length(v) as number) > 255) return msg('too_long', [v, 255]);
	if (substr(v, 0, 1) === '/' ? match(v, LIST_PATH) : match(v, LIST_NAME)) return null;
	return msg('not_list_file', [v, LIST_DIR]);
}

// A subscription's `url`: http:// or https:// only (uclient-fetch's schemes,
// and nothing a fetch could read from the router itself, like file://).
export function badUrl(v: string): Bad {
	if ((length(v) as number) > 1024) return msg('too_long', [v, 1024]);
	return match(v, URL_RE) ? null : msg('not_url', [v]);
}

// The file a valid `list_file` value names.
export function listPath(v: string): string {
	return substr(v, 0, 1) === '/' ? v : `${LIST_DIR}/${v}`;
}

// What a list file holds, as the router read it (by path, in readConfig's
// `lists`). `hash` identifies the content (the router's md5): the sets it
// fills are reloaded when it changes (transition.ts). `dest4`/`dest6`: the
// CIDRs themselves, kept only when read for explain (listStart's `keep`).
export interface ListFile {
	ok: boolean;                 // false: missing or unreadable
	hash: string;
	domains: string[];           // valid domains, in file order
	v4: number;                  // valid IPv4 / IPv6 entries
	v6: number;
	dest4: string[] | null;
	dest6: string[] | null;
	bad: { line: number, id: string, args: Arg[] }[];   // the first LIST_BAD_MAX lines in error
	badLines: number;            // all of them
	changed?: boolean;           // it changed while it was read (the router read it again to be sure)
}

export function listStart(hash: string, keep?: boolean | null): ListFile {
	return { ok: true, hash, domains: [], v4: 0, v6: 0, dest4: keep ? [] : null, dest6: keep ? [] : null, bad: [], badLines: 0 };
}

// A file that could not be read.
export function listMissing(): ListFile {
	return { ok: false, hash: '', domains: [], v4: 0, v6: 0, dest4: null, dest6: null, bad: [], badLines: 0 };
}

function lineError(lf: ListFile, n: number, m: Msg): null {
	lf.badLines++;
	if (length(lf.bad) < LIST_BAD_MAX) push(lf.bad, { line: n, id: m.id, args: m.args });
	return null;
}

// Line `n` (1-based) of the file: counted into `lf`; a valid CIDR comes back
// as its canonical text with its family (for the element fragment), null
// for anything else (a domain, kept in lf.domains; a comment; an error,
// recorded in lf.bad).
export function listLine(lf: ListFile, n: number, line: string): { family: 4 | 6, text: string } | null {
	const h = index(line, '#');
	const e = trim(h >= 0 ? substr(line, 0, h) : line);
	if (e === '') return null;
	// (this runs for each of 100,000 lines: a domain that starts with a
	// letter costs one ord() here, no regex)
	const c = ord(e, 0) as number, colon = index(e, ':') >= 0;
	if (colon || (c >= 48 && c <= 57)) {
		const t = prefixText(e);
		if (type(t) === 'string') {
			const text = t as string;
			if (!colon) { lf.v4++; if (lf.dest4) push(lf.dest4, text); return { family: 4, text }; }
			lf.v6++;
			if (lf.dest6) push(lf.dest6, text);
			return { family: 6, text };
		}
		if (colon || match(e, ADDRESS_LIKE)) return lineError(lf, n, t as Msg);
		// else a domain that starts with a digit
	}
	const bad = badDomain(e);
	if (bad) return lineError(lf, n, match(e, BLANKS) ? msg('list_one_entry', [e]) : bad as Msg);
	push(lf.domains, e);
	return null;
}

// A whole file's text at once (the developer CLI, tests; the router reads
// line by line).
export function readListText(text: string, hash: string, keep?: boolean | null): ListFile {
	const lf = listStart(hash, keep);
	const lines = split(text, '\n');
	const n = length(lines) as number;
	for (let i = 0; i < n; i++) listLine(lf, i + 1, lines[i]);
	return lf;
}

// How many entries a file holds.
export function listEntries(lf: ListFile): number {
	return length(lf.domains) + lf.v4 + lf.v6;
}
