// WireGuard .conf files: a provider's (wg-quick format) becomes an upstream;
// a road-warrior peer client gets its own, for download and QR code.
// Values are validated by the core (readConfig on the upstream section the
// file turns into), so an imported upstream is exactly as valid as a typed one.
import type { Config } from '../core/model';
import type { Env } from './env';
import { VERSION, readConfig, described, format } from './core';
import type { Arg, Msg } from './core';
import { pubkey } from './wg';

// regexes as module constants: ucode compiles a literal each time it is evaluated
const CR = /\r/g;
const SECTION_HEADER = /^\[([A-Za-z]+)\]$/;
const UPSTREAM_PATH = /^upstream\.[A-Za-z0-9_]+\.([a-z_]+)(\[([0-9]+)\])?$/;

// `message` is format() of id/args (docs/ubus.md)
export interface LineError { line: number, id: string, args: Arg[], message: string }

function at(line: number, id: string, args?: Arg[]): LineError {
	return described({ line, id, args: args ?? [] }) as LineError;
}

// An error answer: the English message and the message's id/args.
export interface ConfError { code: string, message: string, path: string | null, id: string, args: Arg[] }

function confError(code: string, m: Msg, path: string | null): ConfError {
	return { code, message: format(m), path, id: m.id, args: m.args };
}

export interface ImportedUpstream {
	name: string;
	private_key: string;
	address: string[];
	public_key: string;
	preshared_key: string | null;
	endpoint: string;
	allowed_ips: string[];
	mtu: number | null;
	keepalive: number | null;
	dns: string[];
}

export type ImportResult = { upstream: ImportedUpstream, ignored: LineError[] }
	| { error: ConfError, errors: LineError[] };

// wg-quick keys we understand → upstream option; `list` ones may repeat and
// hold comma-separated values.
const IFACE_KEYS: { [k: string]: { opt: string, list: boolean } | null } = {
	privatekey: { opt: 'private_key', list: false },
	address: { opt: 'address', list: true },
	dns: { opt: 'dns', list: true },
	mtu: { opt: 'mtu', list: false },
	// wg-quick only: meaningless for a netifd interface, reported and skipped
	listenport: null, table: null, fwmark: null, saveconfig: null,
	preup: null, postup: null, predown: null, postdown: null,
};
const PEER_KEYS: { [k: string]: { opt: string, list: boolean } } = {
	publickey: { opt: 'public_key', list: false },
	presharedkey: { opt: 'preshared_key', list: false },
	endpoint: { opt: 'endpoint', list: false },
	allowedips: { opt: 'allowed_ips', list: true },
	persistentkeepalive: { opt: 'keepalive', list: false },
};

function stripComment(line: string): string {
	const i = index(line, '#');
	return trim(i >= 0 ? substr(line, 0, i) : line);
}

function isIp(v: string): boolean {
	return iptoarr(v) !== null;
}

export function parseProviderConf(text: string, name: string): ImportResult {
	const errors: LineError[] = [];
	const ignored: LineError[] = [];
	const opts: { [k: string]: string | string[] } = {};
	const where: { [k: string]: number[] } = {};   // option → line of each value
	let section = '';
	let peers = 0, ifaces = 0;
	const lines = split(replace(text, CR, ''), '\n');
	const add = (opt: string, v: string, ln: number, list: boolean) => {
		where[opt] = where[opt] ?? [];
		if (list) {
			opts[opt] = [...((opts[opt] as string[] | null) ?? []), v];
			push(where[opt], ln);
		} else if (exists(opts, opt)) push(errors, at(ln, 'conf_twice', [opt]));
		else { opts[opt] = v; push(where[opt], ln); }
	};
	for (let i = 0; i < length(lines); i++) {
		const ln = i + 1;
		const l = stripComment(lines[i]);
		if (l === '') continue;
		const hdr = match(l, SECTION_HEADER) as string[] | null;
		if (hdr) {
			section = lc(hdr[1]);
			if (section === 'peer') peers++;
			else if (section === 'interface') ifaces++;
			else push(errors, at(ln, 'conf_section', [hdr[1]]));
			if (peers > 1 && section === 'peer') push(errors, at(ln, 'conf_second_peer'));
			if (ifaces > 1 && section === 'interface') push(errors, at(ln, 'conf_second_interface'));
			continue;
		}
		const eq = index(l, '=');
		if (eq <= 0) { push(errors, at(ln, 'conf_not_key_value')); continue; }
		const key = trim(substr(l, 0, eq)), val = trim(substr(l, eq + 1));
		const k = lc(key);
		if (section === '') { push(errors, at(ln, 'conf_outside', [key])); continue; }
		const table = section === 'interface' ? IFACE_KEYS : PEER_KEYS;
		if (!exists(table, k)) { push(errors, at(ln, 'conf_unknown_key', [key, section === 'interface' ? 'Interface' : 'Peer'])); continue; }
		const spec = table[k];
		if (spec === null) { push(ignored, at(ln, 'conf_wg_quick', [key])); continue; }
		if (val === '') { push(errors, at(ln, 'conf_no_value', [key])); continue; }
		if (spec.list) {
			const parts = filter(map(split(val, ','), (p: string) => trim(p)), (p: string) => p !== '');
			for (let j = 0; j < length(parts); j++) {
				// DNS may also list search domains (wg-quick): not ours to use
				if (spec.opt === 'dns' && !isIp(parts[j])) { push(ignored, at(ln, 'conf_dns_search', [parts[j]])); continue; }
				add(spec.opt, parts[j], ln, true);
			}
		} else add(spec.opt, val, ln, false);
	}
	if (!ifaces) push(errors, at(0, 'conf_no_interface'));
	if (!peers) push(errors, at(0, 'conf_no_peer'));
	const required = [['private_key', 'PrivateKey'], ['address', 'Address'], ['public_key', 'PublicKey'], ['endpoint', 'Endpoint']];
	for (let i = 0; i < length(required); i++)
		if (!exists(opts, required[i][0]) && ifaces && peers) push(errors, at(0, 'conf_missing', [required[i][1]]));

	// the core judges every value given, exactly as for a typed-in upstream
	const r = readConfig([{ type: 'upstream', name, anonymous: false, options: opts }]);
	const reported: { [opt: string]: boolean } = {};
	for (let i = 0; i < length(r.problems); i++) {
		const p = r.problems[i];
		const m = match(p.path, UPSTREAM_PATH) as string[] | null;
		// missing options were reported above; "is required" after "is not
		// a key": one message per bad value is enough
		if (m && (!exists(where, m[1]) || (!m[2] && reported[m[1]]))) continue;
		if (m) reported[m[1]] = true;
		let line = 0;
		if (m && where[m[1]]) line = where[m[1]][m[3] ? int(m[3]) : 0] ?? where[m[1]][0];
		push(errors, m ? at(line, p.id, p.args) : at(line, 'conf_name', [{ id: p.id, args: p.args }]));
	}
	if (length(errors)) return importError(errors);
	const u = (r.config as Config).upstreams[0];
	return {
		upstream: {
			name, private_key: u.privateKey, address: u.addresses, public_key: u.publicKey, preshared_key: u.presharedKey,
			endpoint: opts.endpoint as string, allowed_ips: u.allowedIps, mtu: u.mtu, keepalive: u.keepalive, dns: u.dns,
		},
		ignored,
	};
}

function importError(errors: LineError[]): ImportResult {
	const sorted = sort(errors, (a: LineError, b: LineError) => a.line - b.line);
	const e = sorted[0];
	return {
		error: confError('PARSE_ERROR', e.line ? { id: 'conf_errors_line', args: [length(errors), e.line, { id: e.id, args: e.args }] }
			: { id: 'conf_errors_file', args: [length(errors), { id: e.id, args: e.args }] }, e.line ? `line ${e.line}` : null),
		errors: sorted,
	};
}

// The upstream's UCI options, as `config upstream NAME` holds them.
export function upstreamOptions(u: ImportedUpstream): { [k: string]: string | string[] } {
	const o: { [k: string]: string | string[] } = {
		private_key: u.private_key, address: u.address, public_key: u.public_key, endpoint: u.endpoint, allowed_ips: u.allowed_ips,
	};
	if (u.preshared_key !== null) o.preshared_key = u.preshared_key;
	if (u.mtu !== null) o.mtu = `${u.mtu}`;
	if (u.keepalive !== null) o.keepalive = `${u.keepalive}`;
	if (length(u.dns)) o.dns = u.dns;
	return o;
}

export type PeerConfResult = { conf: string, complete: boolean } | { error: ConfError | { code: string, message: string, path: string | null } };

function hostPrefix(text: string, family: number, len: number): string {
	return (family === 4 && len === 32) || (family === 6 && len === 128) ? `${text}/${len}` : text;
}

// The .conf a road-warrior device imports: all its traffic to the router,
// which then splits it by the client's rules.
export function peerConf(env: Env, cfg: Config, clientName: string): PeerConfResult {
	const cs = filter(cfg.clients, (c) => c.name === clientName);
	if (!length(cs)) return { error: confError('NOT_FOUND', { id: 'unknown_client', args: [clientName] }, 'client') };
	const c = cs[0];
	if (c.kind !== 'peer') return { error: confError('NOT_A_PEER', { id: 'not_a_peer', args: [c.name] }, 'client') };
	const srv = cfg.server;
	if (!srv || !srv.enabled) return { error: confError('NO_SERVER', { id: 'no_server', args: [] }, 'server') };
	if (srv.endpoint === null) return { error: confError('NO_ENDPOINT', { id: 'no_endpoint', args: [] }, 'server.endpoint') };
	const spub = pubkey(env, srv.privateKey);
	if (type(spub) !== 'string') return { error: { code: 'COMMAND_FAILED', message: (spub as { error: string }).error, path: 'server.private_key' } };
	const ipv6 = cfg.globals.ipv6;
	const addrs = map([...c.src4, ...(ipv6 ? c.src6 : [])], (p) => hostPrefix(p.text, p.family, p.len));
	let dns = srv.dns;
	if (!length(dns)) {
		// the router's own tunnel address: its dnsmasq answers there
		for (let i = 0; i < length(srv.addresses); i++) {
			const a = split(srv.addresses[i], '/')[0];
			if (index(a, ':') < 0) { dns = [a]; break; }
		}
	}
	const lines = [`# splitwg ${VERSION}: WireGuard peer "${c.name}"`, '[Interface]'];
	if (c.privateKey !== null) push(lines, `PrivateKey = ${c.privateKey}`);
	else push(lines, '# PrivateKey is not stored on the router: add the key generated on this device', 'PrivateKey = ');
	push(lines, `Address = ${join(', ', addrs)}`);
	if (length(dns)) push(lines, `DNS = ${join(', ', dns)}`);
	if (srv.mtu !== null) push(lines, `MTU = ${srv.mtu}`);
	push(lines, '', '[Peer]', `PublicKey = ${spub}`);
	if (c.presharedKey !== null) push(lines, `PresharedKey = ${c.presharedKey}`);
	push(lines, `Endpoint = ${srv.endpoint}`, `AllowedIPs = ${ipv6 ? '0.0.0.0/0, ::/0' : '0.0.0.0/0'}`, 'PersistentKeepalive = 25');
	return { conf: join('\n', lines) + '\n', complete: c.privateKey !== null };
}
