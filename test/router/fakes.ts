// A router in memory for the router logic's tests: UCI configs (with the
// committed/staged split of a real cursor), a file system, and a command
// runner that records every command and simulates nft, dnsmasq, netifd, fw4
// and wg closely enough for apply's decisions.
import { isOwned, parseUci, renderUci } from '../../src/core/index';
import type { UciSection } from '../../src/core/uci';
import type { Env, RunResult, UciStore } from '../../src/router/env';
import { PATHS } from '../../src/router/env';
import { FETCH_SCRIPT } from '../../src/router/subscriptions';
import { createHash } from 'node:crypto';

export const md5 = (s: string): string => createHash('md5').update(s).digest('hex');

type Sec = { [k: string]: any };

// ---------------------------------------------------------------- UCI
export class MemUci implements UciStore {
	committed: Record<string, Sec[]> = {};
	staged: Record<string, Sec[]> = {};
	commits: string[] = [];
	pending: Record<string, unknown[][]> = {};   // someone's uncommitted `uci set`s
	private seq = 0x100;

	constructor(files: Record<string, string>) {
		for (const [name, text] of Object.entries(files)) this.setText(name, text);
	}

	setText(config: string, text: string): void {
		const p = parseUci(text);
		if (p.errors.length) throw new Error(`${config}: ${JSON.stringify(p.errors)}`);
		this.committed[config] = p.sections.map((s) => this.fromSection(s));
		delete this.staged[config];
	}

	private fromSection(s: UciSection): Sec {
		const name = s.anonymous ? `cfg${(this.seq++).toString(16)}` : s.name;
		return { '.type': s.type, '.name': name, '.anonymous': s.anonymous, ...structuredClone(s.options) };
	}

	// Env.configDigest: of the committed config
	digest(config: string): string | null {
		return this.committed[config] ? md5(JSON.stringify(this.committed[config])) : null;
	}

	// The committed file as text (anonymous sections unnamed, like uci export).
	text(config: string): string {
		const secs = this.committed[config] ?? [];
		return renderUci(secs.map((s) => this.toSection(s)));
	}

	sections(config: string): UciSection[] {
		return (this.committed[config] ?? []).map((s) => this.toSection(s));
	}

	private toSection(s: Sec): UciSection {
		const options: Record<string, string | string[]> = {};
		for (const [k, v] of Object.entries(s)) if (!k.startsWith('.')) options[k] = v;
		return { type: s['.type'], name: s['.name'], anonymous: s['.anonymous'], options };
	}

	private work(config: string): Sec[] | null {
		if (!this.staged[config]) {
			if (!this.committed[config]) return null;
			this.staged[config] = structuredClone(this.committed[config]);
		}
		return this.staged[config];
	}

	load(config: string) { return this.work(config) !== null ? true : null; }
	unload(config: string) { const had = !!this.staged[config]; delete this.staged[config]; return had; }

	get_all(config: string, section?: string): Sec | null {
		const w = this.work(config);
		if (!w) return null;
		const withIndex: Sec[] = w.map((s, i) => ({ ...structuredClone(s), '.index': i }));
		if (section !== undefined) return withIndex.find((s) => s['.name'] === section) ?? null;
		const out: Record<string, Sec> = {};
		for (const s of withIndex) out[s['.name']] = s;
		return out;
	}

	set(config: string, section: string, optionOrType: string, value?: string | string[]) {
		const w = this.work(config) ?? (this.staged[config] = []);
		let s = w.find((x) => x['.name'] === section);
		if (value === undefined) {
			if (s) s['.type'] = optionOrType;
			else w.push({ '.type': optionOrType, '.name': section, '.anonymous': false });
			return true;
		}
		if (!s) return null;
		s[optionOrType] = structuredClone(value);
		return true;
	}

	add(config: string, type: string) {
		const w = this.work(config) ?? (this.staged[config] = []);
		const name = `cfg${(this.seq++).toString(16)}`;
		w.push({ '.type': type, '.name': name, '.anonymous': true });
		return name;
	}

	delete(config: string, section: string, option?: string) {
		const w = this.work(config);
		if (!w) return null;
		const i = w.findIndex((x) => x['.name'] === section);
		if (i < 0) return null;
		if (option === undefined) w.splice(i, 1);
		else delete w[i][option];
		return true;
	}

	reorder(config: string, section: string, index: number) {
		const w = this.work(config);
		const i = w ? w.findIndex((x) => x['.name'] === section) : -1;
		if (!w || i < 0) return null;
		const [s] = w.splice(i, 1);
		w.splice(index, 0, s);
		return true;
	}

	commit(config: string) {
		if (this.staged[config]) this.committed[config] = structuredClone(this.staged[config]);
		this.commits.push(config);
		return true;
	}

	revert(config: string) { delete this.staged[config]; return true; }

	changes(config: string) { return this.pending[config]?.length ? { [config]: this.pending[config] } : {}; }
}

// ---------------------------------------------------------------- files
export class MemFs {
	files = new Map<string, string>();
	dirs = new Set<string>(['/']);

	constructor(files: Record<string, string> = {}) {
		for (const [p, c] of Object.entries(files)) { this.mkdirp(p.slice(0, p.lastIndexOf('/')) || '/'); this.files.set(p, c); }
	}
	read(p: string) { return this.files.has(p) ? this.files.get(p)! : null; }
	lines(p: string) {
		const t = this.read(p);
		if (t === null) return null;
		const ls = t.split('\n');
		if (ls[ls.length - 1] === '') ls.pop();
		let i = 0;
		return { next: () => (i < ls.length ? ls[i++] : null), close: () => { /* */ } };
	}
	create(p: string) {
		if (!this.write(p, '')) return null;
		const parts: string[] = [];
		return {
			write: (s: string) => { parts.push(s); return true; },
			close: () => this.write(p, parts.join('')),
		};
	}
	hostPath(p: string) { return p; }
	list(dir: string) {
		if (!this.dirs.has(dir)) return null;
		const pre = dir.replace(/\/$/, '') + '/';
		const names = [...this.files.keys(), ...this.dirs].filter((f) => f.startsWith(pre) && !f.slice(pre.length).includes('/')).map((f) => f.slice(pre.length));
		return [...new Set(names)].filter((n) => n !== '').sort();
	}
	write(p: string, d: string) {
		if (!this.dirs.has(p.slice(0, p.lastIndexOf('/')) || '/')) return false;
		this.files.set(p, d); return true;
	}
	exists(p: string) { return this.files.has(p) || this.dirs.has(p); }
	unlink(p: string) { return this.files.delete(p); }
	mkdir(p: string) {
		if (this.exists(p)) return false;
		this.dirs.add(p); return true;
	}
	rmdir(p: string) { return this.dirs.delete(p); }
	mkdirp(p: string) {
		const parts = p.split('/').filter(Boolean);
		let cur = '';
		for (const x of parts) { cur += '/' + x; this.dirs.add(cur); }
		return true;
	}
	digest(p: string) { return this.files.has(p) ? md5(this.files.get(p)!) : null; }
	rename(a: string, b: string) {
		if (!this.files.has(a)) return false;
		this.files.set(b, this.files.get(a)!); this.files.delete(a); return true;
	}
}

// ---------------------------------------------------------------- a router
export const DNSMASQ_FULL = 'Dnsmasq version 2.90  Copyright (c) 2000-2024 Simon Kelley\nCompile time options: IPv6 GNU-getopt no-DBus UBus no-i18n IDN2 DHCP DHCPv6 no-Lua TFTP conntrack ipset nftset auth cryptohash DNSSEC no-ID loop-detect inotify dumpfile\n';
export const DNSMASQ_PLAIN = 'Dnsmasq version 2.90  Copyright (c) 2000-2024 Simon Kelley\nCompile time options: IPv6 GNU-getopt no-DBus UBus no-i18n no-IDN DHCP no-DHCPv6 no-Lua TFTP no-conntrack no-ipset no-nftset no-auth no-cryptohash no-DNSSEC no-ID loop-detect inotify dumpfile\n';

// Deterministic fake keys: wg pubkey of K is P(K).
export function fakePub(priv: string): string {
	const body = Buffer.from('pub:' + priv).toString('base64').replace(/[^A-Za-z0-9]/g, 'x');
	return (body + 'A'.repeat(43)).slice(0, 42) + 'A=';
}
export const GENKEY = 'mK9nQ3xZ5bH2vW8cT1rY6uJ4pL7sD0fG3hE5kA2bC0M=';

export interface FakeRouter {
	env: Env;
	uci: MemUci;
	fs: MemFs;
	calls: string[];             // every command, argv joined by spaces
	logs: string[];
	table: string | null;        // what `nft -f` loaded into the kernel
	loaded: string[];            // each script `nft -f` loaded, in order (cleared by reset())
	ifaces: Record<string, { up: boolean, pending?: boolean }>;
	wgDump: Record<string, string>;
	nftJson: string | null;      // reply of nft -j list (default: none)
	// return a result to override the simulated command (e.g. a failure)
	fail: (argv: string[]) => RunResult | null;
	now: number;
	// the main routing table (`ip -j route show table main`), null: unreadable
	routes: { 4: any[] | null, 6: any[] | null };
	// what netifd realised: the committed rule/route sections, minus these names
	lostSections: string[];
	handshakes: Record<string, number>;   // wg show IFACE latest-handshakes (seconds since the epoch)
	// `ping … -I IFACE ADDR` through a tunnel: the RTT in ms, null: no answer (not listed: 1 ms)
	probes: Record<string, number | null>;
	// what uclient-fetch gets for a URL (src/router/subscriptions.ts): the body, or an HTTP
	// status it fails with; a URL not here cannot be connected to
	web: Record<string, string | number>;
	reset(): void;               // forget recorded calls/logs/commits
}

// `ip -j rule show` / `ip -j route show table N` of what netifd made of the
// committed sections (iprule.c/iproute.c → kernel → iproute2's JSON).
function ipJson(r: FakeRouter, argv: string[]): string {
	const v6 = argv[2] === '-6';
	const secs = r.uci.sections('network').filter((s) => isOwned('network', { ...s.options, '.name': s.name }) && !r.lostSections.includes(s.name));
	const o = (s: UciSection, k: string) => s.options[k] as string | undefined;
	if (argv.includes('rule')) {
		const out: Record<string, unknown>[] = [{ priority: 0, src: 'all', table: 'local' }];
		for (const s of secs.filter((x) => x.type === (v6 ? 'rule6' : 'rule'))) {
			const j: Record<string, unknown> = { priority: Number(o(s, 'priority')) };
			const src = o(s, 'src');
			j.src = src ? src.split('/')[0] : 'all';
			if (src?.includes('/')) j.srclen = Number(src.split('/')[1]);
			const mark = o(s, 'mark');
			if (mark) { const [m, k] = mark.split('/'); j.fwmark = `0x${Number(m).toString(16)}`.replace(/^0x0$/, '0'); if (k) j.fwmask = `0x${Number(k).toString(16)}`; }
			if (o(s, 'lookup')) j.table = o(s, 'lookup');
			if (o(s, 'suppress_prefixlength')) j.suppress_prefixlen = Number(o(s, 'suppress_prefixlength'));
			if (o(s, 'action')) j.action = o(s, 'action');
			out.push(j);
		}
		return JSON.stringify([...out, { priority: 32766, src: 'all', table: 'main' }]);
	}
	// `table N`: its routes; `table all`: every table's, each naming its table
	const table = argv[argv.length - 1], all = table === 'all';
	const routes = secs.filter((x) => x.type === (v6 ? 'route6' : 'route') && (all || o(x, 'table') === table))
		.filter((x) => o(x, 'type') === 'unreachable' || r.ifaces[o(x, 'interface')!]?.up)
		.map((x) => ({ ...(o(x, 'type') === 'unreachable' ? { type: 'unreachable', dst: 'default', metric: Number(o(x, 'metric')) } : { dst: 'default', dev: o(x, 'interface') }),
			...(all ? { table: o(x, 'table') } : {}), flags: [] }));
	return JSON.stringify(routes);
}

const OK: RunResult = { code: 0, stdout: '', stderr: '' };

export function fakeRouter(opts: {
	uci: Record<string, string>,
	files?: Record<string, string>,
	dnsmasqVersion?: string,
	shellHandler?: boolean,
	conntrack?: boolean,
	fw4?: boolean,
}): FakeRouter {
	const files: Record<string, string> = { '/proc/net/if_inet6': '00000000000000000000000000000001 01 80 10 80       lo\n', ...(opts.files ?? {}) };
	if (opts.fw4 !== false) files['/sbin/fw4'] = '#!/usr/bin/ucode\n';
	if (opts.conntrack !== false) files['/usr/sbin/conntrack'] = 'ELF';
	if (opts.shellHandler !== false) files['/lib/netifd/proto/wireguard.sh'] = '#!/bin/sh\n';
	const fs = new MemFs(files);
	fs.mkdirp('/tmp/dnsmasq.d');
	const uci = new MemUci(opts.uci);
	const r: FakeRouter = {
		env: null as unknown as Env, uci, fs, calls: [], logs: [], table: null, loaded: [],
		ifaces: {}, wgDump: {}, nftJson: null, fail: () => null, now: 1_800_000_000, lostSections: [], handshakes: {}, probes: {}, web: {},
		routes: {
			4: [{ dst: 'default', gateway: '203.0.113.1', dev: 'eth1' }, { dst: '192.168.1.0/24', dev: 'br-lan', scope: 'link' }],
			6: [{ dst: 'default', gateway: 'fe80::1', dev: 'eth1' }, { dst: 'fd00:1::/64', dev: 'br-lan' }],
		},
		reset() { r.calls.length = 0; r.logs.length = 0; r.loaded.length = 0; uci.commits.length = 0; },
	};
	const stripReplace = (t: string) => t.replace(/^table inet splitwg\ndelete table inet splitwg\n/, '');
	const sim = (argv: string[], input?: string): RunResult => {
		const a = argv.join(' ');
		// terse: the table's objects without elements, and the rules (of nftJson)
		if (a === 'nft -j -t list table inet splitwg') {
			if (r.table === null) return { code: 1, stdout: '', stderr: 'Error: No such file or directory' };
			const rules = (JSON.parse(r.nftJson ?? '{"nftables": []}').nftables as any[]).filter((x) => x.rule);
			return { code: 0, stdout: JSON.stringify({ nftables: [...objectsOf(r.table), ...rules] }), stderr: '' };
		}
		// one kind of the table's objects (terse), as every inet table's: nothing without the table
		const kind = { 'nft -j -t list sets inet': 'set', 'nft -j -t list maps inet': 'map', 'nft -j list chains inet': 'chain' }[a];
		if (kind) {
			const objs = r.table !== null ? objectsOf(r.table).filter((o) => o[kind]).map((o) => ({ [kind]: { family: 'inet', table: 'splitwg', ...o[kind] } })) : [];
			return { code: 0, stdout: JSON.stringify({ nftables: objs }), stderr: '' };
		}
		if (a === 'nft -j list table inet splitwg') return r.table !== null ? { code: 0, stdout: r.nftJson ?? '{"nftables": []}', stderr: '' } : { code: 1, stdout: '', stderr: 'Error: No such file or directory' };
		if (argv.slice(0, 6).join(' ') === 'nft -j list map inet splitwg') {
			// (a test's nftJson stands for the kernel's maps when it has them: a drift it made)
			const given = r.nftJson !== null ? (JSON.parse(r.nftJson).nftables as any[]).filter((x) => x.map && x.map.elem) : [];
			const all = given.length ? given : r.table !== null ? elementsOf(r.table) : [];
			const m = r.table !== null ? all.find((x) => (x.map as any)?.name === argv[6]) : undefined;
			return m ? { code: 0, stdout: JSON.stringify({ nftables: [m] }), stderr: '' } : { code: 1, stdout: '', stderr: 'Error: No such file or directory' };
		}
		if (argv[0] === 'nft' && argv[1] === '-c') return fs.read(argv[3]) !== null ? OK : { code: 1, stdout: '', stderr: 'No such file' };
		if (argv[0] === 'nft' && argv[1] === '-f') {
			const t = fs.read(argv[2]);
			if (t === null) return { code: 1, stdout: '', stderr: `Error: Could not open file "${argv[2]}"` };
			r.loaded.push(t);
			// the table script (it flushes the table) replaces the model; a
			// transition or a lists script alone (src/router/lists.ts) adds to it
			r.table = /^flush table inet splitwg$/m.test(t) || r.table === null ? stripReplace(t) : r.table + t; return OK;
		}
		if (argv[0] === 'md5sum') {
			const out: string[] = [], err: string[] = [];
			for (const p of argv.slice(1)) {
				const t = fs.read(p);
				if (t === null) err.push(`md5sum: ${p}: No such file or directory`);
				else out.push(`${createHash('md5').update(t).digest('hex')}  ${p}`);
			}
			return { code: err.length ? 1 : 0, stdout: out.map((l) => l + '\n').join(''), stderr: err.join('\n') };
		}
		// FETCH_SCRIPT: uclient-fetch … | head -c LIMIT > FILE, its failure in FILE.rc, the size read printed
		if (argv[0] === 'sh' && argv[2] === FETCH_SCRIPT) {
			const [file, url, limit] = argv.slice(4) as [string, string, string];
			const body = r.web[url];
			const got = typeof body === 'string' ? body.slice(0, Number(limit)) : '';
			fs.write(file, got);
			const fail = typeof body === 'number' ? `HTTP error ${body}` : body === undefined ? 'Connection refused' : body.length > got.length ? 'Broken pipe' : null;
			if (fail) fs.write(`${file}.rc`, '4\n');
			return { code: 0, stdout: `${got.length}\n`, stderr: fail ? `${fail}\n` : '' };
		}
		if (a === 'nft delete table inet splitwg') { if (r.table === null) return { code: 1, stdout: '', stderr: 'Error: No such file or directory' }; r.table = null; return OK; }
		if (a === 'dnsmasq --version') return { code: 0, stdout: opts.dnsmasqVersion ?? DNSMASQ_FULL, stderr: '' };
		if (argv[0] === 'dnsmasq' && argv[1] === '--test') return { code: 0, stdout: '', stderr: 'dnsmasq: syntax check OK.\n' };
		if (a === 'pidof dnsmasq') return { code: 0, stdout: '1234\n', stderr: '' };
		// fw4 re-includes the ruleset-post file on every reload
		if (a === 'fw4 -q reload' || a === '/etc/init.d/firewall reload') { const t = fs.read(PATHS.nft); if (t !== null) r.table = t + (fs.read(PATHS.nftLists) ?? ''); return OK; }
		if (a === 'wg genkey') return { code: 0, stdout: GENKEY + '\n', stderr: '' };
		if (a === 'wg pubkey') return { code: 0, stdout: fakePub((input ?? '').trim()) + '\n', stderr: '' };
		if (argv[0] === 'ip' && argv[1] === '-j') return { code: 0, stdout: ipJson(r, argv), stderr: '' };
		if (a === 'wg show all latest-handshakes')
			return { code: 0, stdout: Object.entries(r.handshakes).map(([n, t]) => `${n}\tPEERKEY=\t${t}\n`).join(''), stderr: '' };
		if (argv[0] === 'ping') {
			const rtt = r.probes[argv[argv.indexOf('-I') + 1]!];
			return rtt === null ? { code: 1, stdout: '1 packets transmitted, 0 received, 100% packet loss\n', stderr: '' }
				: { code: 0, stdout: `64 bytes from ${argv[argv.length - 1]}: seq=0 ttl=64 time=${rtt ?? 1}.412 ms\n`, stderr: '' };
		}
		if (argv[0] === 'wg' && argv[1] === 'show' && argv[3] === 'latest-handshakes')
			return r.handshakes[argv[2]] !== undefined ? { code: 0, stdout: `PEERKEY=\t${r.handshakes[argv[2]]}\n`, stderr: '' } : { code: 1, stdout: '', stderr: 'Unable to access interface: No such device' };
		if (argv[0] === 'wg' && argv[1] === 'show' && argv[2] === 'all' && argv[3] === 'dump') {
			// every interface's dump, each line after the interface's name
			const lines = Object.entries(r.wgDump).flatMap(([n, d]) => d.split('\n').filter(Boolean).map((l) => `${n}\t${l}`));
			return { code: 0, stdout: lines.length ? lines.join('\n') + '\n' : '', stderr: '' };
		}
		if (argv[0] === 'wg' && argv[1] === 'show') {
			const d = r.wgDump[argv[2]];
			return d !== undefined ? { code: 0, stdout: d, stderr: '' } : { code: 1, stdout: '', stderr: `Unable to access interface: No such device` };
		}
		return OK;   // ubus call network reload, ifup, /etc/init.d/dnsmasq restart, conntrack …
	};
	r.env = {
		uci, fs,
		configDigest: (config) => uci.digest(config),
		run: (argv, input) => {
			r.calls.push(argv.join(' '));
			return r.fail(argv) ?? sim(argv, input);
		},
		ubus: (object, method) => {
			const m = /^network\.interface\.(.+)$/.exec(object);
			if (m && method === 'status') return r.ifaces[m[1]] ?? null;
			return null;
		},
		log: (msg) => { r.logs.push(msg); },
		now: () => r.now,
		routes: (family) => structuredClone(r.routes[family]),
	};
	return r;
}

// The sets, maps and chains a loaded script leaves (declared, minus those its
// transition deleted), as `nft -j -t list` entries.
export function objectsOf(script: string): Record<string, { name: string }>[] {
	const seen = new Map<string, string>();
	for (const m of script.matchAll(/^\t(set|map|chain) (\S+) \{/gm)) seen.set(`${m[1]} ${m[2]}`, m[1]!);
	for (const m of script.matchAll(/^delete (set|map|chain) inet splitwg (\S+)$/gm)) seen.delete(`${m[1]} ${m[2]}`);
	return [...seen.keys()].map((k) => { const [kind, name] = k.split(' '); return { [kind!]: { name: name! } }; });
}

// `nft -j list` entries of the client maps/hijack sets as the loaded script filled them
export function elementsOf(script: string): Record<string, unknown>[] {
	const out: Record<string, unknown>[] = [];
	for (const m of script.matchAll(/^\t(set|map) (client\w*|hijack\w*) \{[^\n]*\n\t\t[^\n]*?elements = \{ ([^}]*) \}/gm)) {
		const elem = m[3]!.split(', ').map((e) => {
			const [k, v] = e.replace(/"/g, '').split(' : ');
			const key = k!.includes('/') ? { prefix: { addr: k!.split('/')[0], len: Number(k!.split('/')[1]) } } : k;
			return v ? [key, v.startsWith('goto ') ? { goto: { target: v.replace('goto ', '') } } : { [v]: null }] : key;   // as `nft -j` writes verdicts
		});
		out.push({ [m[1]!]: { name: m[2], elem } });
	}
	return out;
}

// The UCI name of the (first) dnsmasq section: libuci's cfgXXXXXX when anonymous.
export function dnsSection(r: { uci: MemUci }): string {
	return Object.values(r.uci.get_all('dhcp') ?? {}).find((s) => s['.type'] === 'dnsmasq')!['.name'] as string;
}

// Commands that change the running system (what "no reloads" means).
export function reloads(calls: string[]): string[] {
	return calls.filter((c) => /^(nft -f|nft delete|ubus call network|ifup|fw4|\/etc\/init\.d\/)/.test(c));
}
