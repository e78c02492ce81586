// The differential test's kernel side: a private router namespace built from a compiled Plan (the
// nft table, the ip rules and routes netifd would create from the plan's network sections, dummy
// devices for the WAN and each upstream tunnel, veth links for the LANs and the road-warrior
// server), real dnsmasq for the domain sets, raw frames for the clients, and an observation table
// that records where each packet went.
//
// Namespaces are named after the process (swd<pid>r, swd<pid>c): no lock against the fixed swl-*
// lab is needed, and several runs can go at once.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Plan } from '../../src/core/plan';
import type { UciSection } from '../../src/core/uci';
import { ruleArgv, routeArgv, peerRouteArgv, peersOf } from '../realise';

export const R = `swd${process.pid}r`;   // the router
export const C = `swd${process.pid}c`;   // the clients' side of every LAN link (raw frames come from here)
export const S = `swd${process.pid}s`;   // the far ends of the WAN and tunnel links: a sink (no forwarding)

/** A router link clients send from: the router's device, its peer in C, addresses and MAC. */
export interface Link { dev: string; peer: string; v4: string; v6: string; mac: string }

export const LINKS: Record<'lan' | 'guest' | 'iot' | 'rw', Link> = {
	lan: { dev: 'br-lan', peer: 'c-lan', v4: '192.168.1.1/24', v6: 'fd00:1::1/64', mac: '02:52:00:00:00:01' },
	guest: { dev: 'br-guest', peer: 'c-guest', v4: '192.168.2.1/24', v6: 'fd00:2::1/64', mac: '02:52:00:00:00:02' },
	iot: { dev: 'br-iot', peer: 'c-iot', v4: '192.168.3.1/24', v6: 'fd00:3::1/64', mac: '02:52:00:00:00:03' },
	// stands in for the WireGuard server device: peers are told apart by source address only
	rw: { dev: 'sw_server', peer: 'c-rw', v4: '10.77.0.1/24', v6: 'fd77::1/64', mac: '02:52:00:00:00:04' },
};
export type LinkName = keyof typeof LINKS;
export const WAN = { dev: 'wan', v4: '198.51.100.2/24', v6: '2001:db8:ffff::2/64' };

/** One packet as the kernel sees it. `tag` (IPv4 ID / IPv6 flow label) is unique within a batch. */
export interface Wire {
	tag: number; link: LinkName; smac: string; fam: 4 | 6; src: string; dst: string;
	proto: 'tcp' | 'udp' | 'icmp'; sport: number; dport: number;
}

/** Where the kernel sent a packet. */
export interface Path {
	fate: 'out' | 'local' | 'redirect' | 'drop';
	oif?: string;                                   // for out
	stage?: 'prerouting' | 'routing' | 'forward';   // for drop: where it vanished
	mark: number | null;                            // meta mark after prerouting (null: dropped before)
}

export function pathText(p: Path): string {
	const m = p.mark === null ? '' : ` (mark 0x${p.mark.toString(16).padStart(8, '0')})`;
	if (p.fate === 'out') return `left by ${p.oif}${m}`;
	if (p.fate === 'drop') return `dropped${p.stage ? ` in ${p.stage}` : ''}${m}`;
	return (p.fate === 'local' ? 'delivered to the router' : 'redirected to the router (dstnat)') + m;
}

// Debian's interpreter when there is one: a pyenv shim on PATH costs ~0.3 s per start
const PYTHON = fs.existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3';
const PY = path.join(path.dirname(new URL(import.meta.url).pathname), 'pkt.py');
const INJ = Object.values(LINKS).map((l) => `"${l.dev}"`).join(', ');

// The observation table: per family, sets keyed on the packet's tag, filled at each stage.
// Priorities: splitwg's prerouting is at mangle (-150), its dstnat at -105, its forward leak guard
// at mangle (-150); "cls" (0) sees the mark after all of them.
function observeTable(): string {
	const fam = (f: 4 | 6) => {
		const k = f === 4 ? 'ip id' : 'ip6 flowlabel';
		return { k, sets: ['arr', 'cls', 'dnat', 'fwd0', 'fwd', 'loc'].map((s) => {
			const t = s === 'cls' ? `${k} . meta mark` : s === 'fwd' ? `${k} . oifname` : k;
			return `\tset ${s}${f} { typeof ${t}; size 65535; flags dynamic; }`;
		}) };
	};
	const v4 = fam(4), v6 = fam(6);
	const rules = (hook: string, prio: number, body: (f: 4 | 6, k: string) => string) =>
		`\tchain o_${hook}_${prio < 0 ? 'm' : ''}${Math.abs(prio)} {\n\t\ttype filter hook ${hook} priority ${prio}; policy accept;\n` +
		`\t\t${body(4, v4.k)}\n\t\t${body(6, v6.k)}\n\t}`;
	return [
		'table inet swd_observe {',
		...v4.sets, ...v6.sets,
		`\tset inj { type ifname; elements = { ${INJ} }; }`,
		rules('prerouting', -400, (f, k) => `iifname @inj update @arr${f} { ${k} }`),
		rules('prerouting', 0, (f, k) => `iifname @inj update @cls${f} { ${k} . meta mark }`),
		`\tchain o_dnat {\n\t\ttype filter hook prerouting priority 1; policy accept;\n` +
		`\t\tiifname @inj ct status dnat update @dnat4 { ip id }\n\t\tiifname @inj ct status dnat update @dnat6 { ip6 flowlabel }\n\t}`,
		rules('forward', -300, (f, k) => `iifname @inj update @fwd0${f} { ${k} }`),
		rules('forward', 300, (f, k) => `iifname @inj update @fwd${f} { ${k} . oifname }`),
		rules('input', 300, (f, k) => `iifname @inj update @loc${f} { ${k} }`),
		'}',
	].join('\n') + '\n';
}

function run(argv: string[], input?: string): string {
	const r = spawnSync(argv[0]!, argv.slice(1), { input, encoding: 'utf8' });
	if (r.status !== 0) throw new Error(`${argv.join(' ')} failed (${r.status}): ${r.stderr || r.stdout}${input && input.length < 20000 ? `\n--- input ---\n${input}` : ''}`);
	return r.stdout;
}
const inR = (argv: string[], input?: string) => run(['ip', 'netns', 'exec', R, ...argv], input);

const many = (o: UciSection['options'], k: string): string[] => {
	const v = o[k];
	return v === undefined ? [] : Array.isArray(v) ? v : v.split(/\s+/).filter(Boolean);
};

/**
 * `ip` commands netifd would run for the plan's rule/route sections and peers' allowed_ips (batch
 * syntax, each starting with its family): the lab's one translation of netifd sections
 * (lab/realise.ts), so `action prohibit`, `src` and every other option mean the same here as there.
 */
export function netifdCommands(plan: Plan, up: Set<string>, bare: Set<string> = new Set()): string[] {
	const out: string[] = [];
	const tableOf = (ifc: string) => plan.network.find((x) => (x.type === 'route' || x.type === 'route6') && x.options.interface === ifc)?.options.table;
	const bareTables = new Set([...bare].map(tableOf).filter((t) => t !== undefined));
	const batch = (argv: string[]) => argv.slice(1).join(' ');   // drop the leading `ip`
	for (const s of plan.network) {
		if (s.type === 'route' || s.type === 'route6') {
			const ifc = s.options.interface;
			// netifd adds an interface's routes only while it is up (an `unreachable` one has no device)
			if (typeof ifc === 'string' && !s.options.type && !up.has(ifc)) continue;
			if (s.options.type === 'unreachable' && bareTables.has(s.options.table)) continue;
			out.push(batch(routeArgv(plan, s, 'add')));
		} else if (s.type === 'rule' || s.type === 'rule6') {
			out.push(batch(ruleArgv(plan, s, 'add')));
		} else if (s.type === 'interface') {
			if (s.name === LINKS.rw.dev || up.has(s.name)) for (const a of peerRouteArgv(s.name, peersOf(plan, s.name), 'add')) out.push(batch(a));
		} else if (!s.type.startsWith('wireguard_')) {
			throw new Error(`lab/diff/kernel.ts: network section type "${s.type}" is not realised`);
		}
	}
	return out;
}

// `ip -batch` takes no per-line family: one batch per family, in order
function batches(b: string[]): void {
	const fam = (f: string) => b.filter((x) => x.startsWith(`${f} `)).map((x) => x.slice(3));
	inR(['ip', '-batch', '-'], b.filter((x) => !/^-[46] /.test(x)).join('\n') + '\n');
	inR(['ip', '-4', '-batch', '-'], fam('-4').join('\n') + '\n');
	inR(['ip', '-6', '-batch', '-'], fam('-6').join('\n') + '\n');
}

/** The tunnel devices to create: every plan interface except the server, with its addresses, if it is up. */
function tunnels(plan: Plan, up: Set<string>): { dev: string; addrs: string[] }[] {
	return plan.network.filter((s) => s.type === 'interface' && s.name !== LINKS.rw.dev && up.has(s.name))
		.map((s) => ({ dev: s.name, addrs: many(s.options, 'addresses') }));
}

/** What the router's main table holds, as `ip -j route show table main` gives it (src/router/env.ts routes()). */
export type Routes = (family: 4 | 6) => unknown[];

/** The plan (and the table of the `first` packets) for the router as built: compiled with its local networks. */
export interface Compiled {
	plan: Plan;
	/** the table loaded first, for the packets of `first` (connections opened before the config took its current form) */
	preNft?: string;
	/** loaded over each table: the groups' slots the health checker would set for the upstreams down */
	after?: string;
}

export interface Scene {
	/** called once the router's links, addresses and main routes exist, as apply reads them */
	compile: (routes: Routes) => Compiled;
	/** the upstream interfaces that are up (the others' tunnel device is gone, as after netifd's ifdown) */
	up: string[];
	/** interfaces (down) whose table lacks its `unreachable` routes as well */
	bare?: string[];
	first?: Wire[];
	packets: Wire[];
	/** domain → the addresses the fake upstream DNS answers (unique per name) */
	dns: Record<string, string[]>;
	/** the names clients look up through the router's dnsmasq before sending */
	lookups: string[];
}

export interface Outcome {
	paths: Map<number, Path>;
	/** names dnsmasq did not answer (a kernel-side failure worth reporting) */
	unanswered: string[];
	ms: number;
}

export class Kernel {
	private bg: ChildProcess[] = [];
	private dir = fs.mkdtempSync(path.join(os.tmpdir(), `swd${process.pid}-`));
	private live = false;
	constructor() {
		// namespaces and dnsmasq must not outlive the test, also when it dies on an exception
		process.once('exit', () => this.close());
	}

	/** Build the router for one scene, send its packets, read back where they went, tear down. */
	play(s: Scene): Outcome {
		const t0 = Date.now();
		try {
			this.base();
			const routes: Routes = (f) => JSON.parse(inR(['ip', `-${f}`, '-j', 'route', 'show', 'table', 'main'])) as unknown[];
			const c = s.compile(routes);
			this.network(c.plan, new Set(s.up), new Set(s.bare ?? []));
			let unanswered: string[] = [];
			const load = (nft: string) => { inR(['nft', '-f', '-'], nft); if (c.after) inR(['nft', '-f', '-'], c.after); };
			load(c.preNft ?? c.plan.nft);
			if (c.plan.enabled && s.lookups.length) unanswered = this.dnsmasq(c.plan, s);
			if (s.first?.length) this.send(s.first);
			if (c.preNft) load(c.plan.nft);
			this.send(s.packets);
			return { paths: this.observe(s.packets), unanswered, ms: Date.now() - t0 };
		} finally {
			this.down();
		}
	}

	/** the router without splitwg: LAN and WAN links, their addresses, main's default routes */
	private base(): void {
		this.down();
		this.live = true;
		run(['ip', 'netns', 'add', R]);
		run(['ip', 'netns', 'add', C]);
		run(['ip', 'netns', 'add', S]);
		const host: string[] = [];
		for (const l of Object.values(LINKS)) host.push(`link add ${l.dev} netns ${R} address ${l.mac} type veth peer name ${l.peer} netns ${C}`);
		// no dummy module on every host: the WAN and each tunnel are veths whose far end sits in the sink,
		// without ARP (like a WireGuard device) so the router hands packets straight to the link
		host.push(`link add ${WAN.dev} netns ${R} type veth peer name s-wan netns ${S}`);
		run(['ip', '-batch', '-'], host.join('\n') + '\n');
		// the client side sends raw frames only: no IPv6 of its own (no RS/MLD/NDP to mistake for a probe)
		run(['ip', 'netns', 'exec', C, 'sh', '-c',
			`sysctl -qw net.ipv6.conf.all.disable_ipv6=1; sysctl -qw net.ipv6.conf.default.disable_ipv6=1; ip link set lo up; ${Object.values(LINKS).map((l) => `ip link set ${l.peer} up`).join('; ')}`]);
		const sysctls = ['net.ipv4.ip_forward=1', 'net.ipv6.conf.all.forwarding=1', 'net.ipv4.conf.all.rp_filter=0', 'net.ipv4.conf.default.rp_filter=0',
			'net.ipv6.conf.default.accept_dad=0', 'net.ipv6.conf.all.accept_dad=0', 'net.ipv6.conf.default.accept_ra=0'];
		inR(['sh', '-c', sysctls.map((x) => `sysctl -qw ${x}`).join('; ')]);
		run(['ip', 'netns', 'exec', S, 'ip', 'link', 'set', 's-wan', 'arp', 'off', 'up']);
		const b: string[] = ['link set lo up', `link set ${WAN.dev} arp off up`,
			`addr add ${WAN.v4} dev ${WAN.dev}`, `-6 addr add ${WAN.v6} dev ${WAN.dev} nodad`,
			`route add default dev ${WAN.dev}`, `-6 route add default dev ${WAN.dev}`];
		for (const l of Object.values(LINKS))
			b.push(`link set ${l.dev} up`, `addr add ${l.v4} dev ${l.dev}`, `-6 addr add ${l.v6} dev ${l.dev} nodad`);
		batches(b);
	}

	/** what netifd makes of the plan: a device per tunnel that is up, with its addresses; rules and routes */
	private network(plan: Plan, up: Set<string>, bare: Set<string>): void {
		const ts = tunnels(plan, up);
		if (ts.length) {
			run(['ip', '-batch', '-'], ts.map((t, i) => `link add ${t.dev} netns ${R} type veth peer name s${i} netns ${S}`).join('\n') + '\n');
			run(['ip', 'netns', 'exec', S, 'sh', '-c', ts.map((_, i) => `ip link set s${i} arp off up`).join('; ')]);
		}
		const b: string[] = [];
		for (const t of ts) {
			b.push(`link set ${t.dev} arp off up`);
			for (const a of t.addrs) b.push(`${a.includes(':') ? '-6 ' : ''}addr add ${a} dev ${t.dev}${a.includes(':') ? ' nodad' : ''}`);
		}
		b.push(...netifdCommands(plan, up, bare));
		batches(b);
		inR(['nft', '-f', '-'], observeTable());
	}

	/** real dnsmasq in the router: the plan's file, forwarding to a fake upstream that answers `dns` */
	private dnsmasq(plan: Plan, s: Scene): string[] {
		const common = ['no-resolv', 'no-hosts', 'no-poll', 'bind-interfaces', 'user=root', 'group=root', 'port=53', 'cache-size=0'];
		const upConf = path.join(this.dir, 'upstream.conf'), rConf = path.join(this.dir, 'router.conf'), planFile = path.join(this.dir, 'splitwg.conf');
		const addr: string[] = [];
		for (const [n, as] of Object.entries(s.dns)) for (const a of as) addr.push(`address=/${n}/${a}`);
		fs.writeFileSync(upConf, [...common, 'listen-address=127.0.0.53', `pid-file=${this.dir}/up.pid`, ...addr].join('\n') + '\n');
		fs.writeFileSync(planFile, plan.dnsmasq);
		fs.writeFileSync(rConf, [...common, 'listen-address=127.0.0.1', 'server=127.0.0.53', `pid-file=${this.dir}/r.pid`, `conf-file=${planFile}`].join('\n') + '\n');
		for (const [conf, pid] of [[upConf, 'up.pid'], [rConf, 'r.pid']] as const) {
			fs.rmSync(path.join(this.dir, pid), { force: true });
			const p = spawn('ip', ['netns', 'exec', R, 'dnsmasq', '--keep-in-foreground', `--conf-file=${conf}`], { stdio: ['ignore', 'ignore', 'pipe'] });
			let err = '';
			p.stderr!.on('data', (d) => { err += d; });
			this.bg.push(p);
			const until = Date.now() + 5000;
			while (!fs.existsSync(path.join(this.dir, pid))) {
				if (Date.now() > until || p.exitCode !== null) throw new Error(`dnsmasq (${conf}) did not start: ${err}`);
				spawnSync('sleep', ['0.01']);
			}
		}
		const r = JSON.parse(inR([PYTHON, PY, 'resolve'], JSON.stringify({ server: '127.0.0.1', names: s.lookups }))) as { unanswered: [string, number][] };
		return r.unanswered.map(([n, t]) => `${n}/${t === 1 ? 'A' : 'AAAA'}`);
	}

	private send(ws: Wire[]): void {
		const frames = ws.map((w) => ({ dev: LINKS[w.link].peer, smac: w.smac, dmac: LINKS[w.link].mac, fam: w.fam, src: w.src, dst: w.dst,
			proto: w.proto, sport: w.sport, dport: w.dport, tag: w.tag }));
		run(['ip', 'netns', 'exec', C, PYTHON, PY, 'send'], JSON.stringify(frames));
	}

	private observe(ws: Wire[]): Map<number, Path> {
		const j = JSON.parse(inR(['nft', '-j', 'list', 'table', 'inet', 'swd_observe'])) as { nftables: { set?: { name: string; elem?: unknown[] } }[] };
		const sets = new Map<string, unknown[]>();
		for (const o of j.nftables) if (o.set) sets.set(o.set.name, o.set.elem ?? []);
		// an element is a number, or {concat: [..]}, or {elem: {val: ...}} (dynamic sets carry expiry info)
		const val = (e: unknown): unknown => (e && typeof e === 'object' && 'elem' in e ? (e as { elem: { val: unknown } }).elem.val : e);
		const keyed = (name: string) => {
			const m = new Map<number, unknown>();
			for (const e of sets.get(name) ?? []) {
				const v = val(e);
				if (v && typeof v === 'object' && 'concat' in v) { const c = (v as { concat: unknown[] }).concat; m.set(Number(c[0]), c[1]); }
				else m.set(Number(v), true);
			}
			return m;
		};
		const st: Record<string, Map<number, unknown>> = {};
		for (const f of [4, 6]) for (const s of ['arr', 'cls', 'dnat', 'fwd0', 'fwd', 'loc']) st[`${s}${f}`] = keyed(`${s}${f}`);
		const out = new Map<number, Path>();
		for (const w of ws) {
			const g = (s: string) => st[`${s}${w.fam}`]!.get(w.tag);
			if (g('arr') === undefined) throw new Error(`the router never saw packet ${w.tag} (${JSON.stringify(w)}): injection failed`);
			const cls = g('cls');
			const mark = cls === undefined ? null : Number(cls);
			let p: Path;
			if (g('loc') !== undefined) p = { fate: g('dnat') !== undefined ? 'redirect' : 'local', mark };
			else if (g('fwd') !== undefined) p = { fate: 'out', oif: String(g('fwd')), mark };
			else if (g('fwd0') !== undefined) p = { fate: 'drop', stage: 'forward', mark };
			else if (cls !== undefined) p = { fate: 'drop', stage: 'routing', mark };
			else p = { fate: 'drop', stage: 'prerouting', mark };
			out.set(w.tag, p);
		}
		return out;
	}

	down(): void {
		for (const p of this.bg) if (p.exitCode === null) p.kill();
		this.bg = [];
		if (!this.live) return;
		for (const ns of [R, C, S]) spawnSync('ip', ['netns', 'del', ns]);
		this.live = false;
	}

	close(): void {
		this.down();
		fs.rmSync(this.dir, { recursive: true, force: true });
	}
}

/** `nft -c` on the table alone (in a throwaway namespace, so nothing is loaded anywhere). */
export function nftCheck(nft: string): string | null {
	const r = spawnSync('nft', ['-c', '-f', '-'], { input: nft, encoding: 'utf8' });
	return r.status === 0 ? null : r.stderr;
}

/** `dnsmasq --test` on a config that includes the plan's file the way a conf-dir does. */
export function dnsmasqTest(file: string): string | null {
	const d = fs.mkdtempSync(path.join(os.tmpdir(), `swd${process.pid}-t-`));
	try {
		fs.writeFileSync(path.join(d, 'splitwg.conf'), file);
		const r = spawnSync('dnsmasq', ['--test', `--conf-file=${path.join(d, 'splitwg.conf')}`], { encoding: 'utf8' });
		return r.status === 0 ? null : (r.stderr || r.stdout);
	} finally { fs.rmSync(d, { recursive: true, force: true }); }
}
