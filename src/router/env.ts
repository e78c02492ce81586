// Every effect the router logic has goes through one small Env, so the same
// code runs under ucode on a router (realenv.ts builds it from the fs, uci
// and ubus modules) and under Node in tests (an in-memory UCI store and a
// recording command runner), or in the lab (real nft/dnsmasq, no netifd).

// regexes as module constants: ucode compiles a literal each time it is evaluated
const SHELL_SAFE = /^[A-Za-z0-9_.,:\/@%+=-]+$/;
const SINGLE_QUOTE = /'/g;

export interface RunResult { code: number, stdout: string, stderr: string }

// The part of ucode's uci cursor we use; an in-memory store implements the
// same calls. Sections come back as cursor objects: options plus
// `.type`, `.name`, `.anonymous`, `.index`.
export interface UciStore {
	load(config: string): any;
	unload(config: string): any;
	get_all(config: string, section?: string): { [k: string]: any } | null;
	set(config: string, section: string, optionOrType: string, value?: string | string[]): any;
	add(config: string, type: string): string | null;   // a new anonymous section: its name
	delete(config: string, section: string, option?: string): any;
	reorder(config: string, section: string, index: number): any;
	commit(config: string): any;
	revert(config: string): any;
	// changes not yet committed: { [config]: [[op, section, …], …] } or {}
	changes(config: string): { [config: string]: any[] } | null;
}

// A file read a line at a time (a list file may have 100,000 lines): each
// line, null at the end. Its newline may still be there (the reader of a
// list trims each line anyway: one builtin call less per line under ucode).
export interface LineReader { next(): string | null; close(): void }
// A file written a piece at a time; close() says whether all of it was written.
export interface Writer { write(s: string): boolean; close(): boolean }

export interface Fs {
	read(path: string): string | null;
	lines(path: string): LineReader | null;
	create(path: string): Writer | null;        // creates or truncates
	list(dir: string): string[] | null;           // the names in a directory
	// the name a command run() runs sees this file by, where it must be
	// written into a file for such a command to read (an nft include): the
	// path itself on a router, under the scratch root of a test or the lab
	hostPath(path: string): string;
	write(path: string, data: string): boolean;   // creates or replaces
	exists(path: string): boolean;
	unlink(path: string): boolean;
	mkdir(path: string): boolean;                 // one directory; false if it exists or fails
	rmdir(path: string): boolean;
	mkdirp(path: string): boolean;                // with parents; true if it exists afterwards
	rename(from: string, to: string): boolean;
	// md5 of the file's bytes (lower-case hex), null when it cannot be read:
	// C speed (busybox md5sum) for what status and doctor compare with the
	// last apply — a hash loop in ucode takes seconds over a large table
	digest(path: string): string | null;
}

export interface Env {
	uci: UciStore;
	fs: Fs;
	// argv[0] is looked up in PATH; `input` is fed to stdin (a key for `wg pubkey`)
	run(argv: string[], input?: string): RunResult;
	// a synchronous ubus call; null when the object/method is missing or fails
	ubus(object: string, method: string, args?: { [k: string]: any }): any;
	// the md5 of a UCI config's committed file, without loading it (its
	// uncommitted changes are uci.changes()); null when it cannot be taken
	configDigest(config: string): string | null;
	log(msg: string): void;      // one syslog line (logger -t splitwg); never pass a key
	now(): number;               // seconds since the epoch
	// the main routing table of one family, as `ip -j route show table main`
	// prints it ([{ dst, dev, gateway, type, nexthops, … }]); null when it
	// cannot be read
	routes(family: 4 | 6): any[] | null;
}

// Where things live on the router.
export const PATHS = {
	nft: '/usr/share/nftables.d/ruleset-post/90-splitwg.nft',
	state: '/var/run/splitwg',
	dnsmasqFile: 'splitwg.conf',
	dnsmasqDefaultDir: '/tmp/dnsmasq.d',
	fw4: '/sbin/fw4',
	wgShellHandler: '/lib/netifd/proto/wireguard.sh',
	conntrack: '/usr/sbin/conntrack',
	cli: '/usr/sbin/splitwg',
	// the kernel's connection table (nf_conntrack procfs), and whether it counts bytes
	ctTable: '/proc/net/nf_conntrack',
	ctAccounting: '/proc/sys/net/netfilter/nf_conntrack_acct',
	ipv6: '/proc/net/if_inet6',
	// the list sets: their fragments (content-addressed, src/router/lists.ts),
	// and the script fw4 includes after the table's to fill them
	lists: '/usr/share/splitwg/lists',
	nftLists: '/usr/share/nftables.d/ruleset-post/91-splitwg-lists.nft',
	// rule templates the package ships (src/router/templates.ts)
	templates: '/usr/share/splitwg/templates',
};

// UCI configs that hold sections we own, and how each is reloaded.
export const OWNED_CONFIGS = ['network', 'firewall', 'dhcp'];

// POSIX shell quoting: the real runner joins argv into a command line.
export function shellQuote(s: string): string {
	// (ucode regexes match line by line: a newline must be checked apart)
	if (index(s, '\n') < 0 && match(s, SHELL_SAFE)) return s;
	return "'" + replace(s, SINGLE_QUOTE, "'\\''") + "'";
}

export function commandLine(argv: string[]): string {
	return join(' ', map(argv, (a) => shellQuote(a)));
}

// First line of a command's error output, for one-line messages.
export function firstLine(s: string | null): string {
	const t = trim(s ?? '');
	const i = index(t, '\n');
	return i < 0 ? t : substr(t, 0, i);
}

export function failure(r: RunResult, argv: string[]): string {
	const e = firstLine(r.stderr) || firstLine(r.stdout);
	return `${join(' ', argv)} exited ${r.code}${e ? ': ' + e : ''}`;
}
