// Validators for single option values. Each returns null when the value is
// good, else a message (messages.ts). Every value that reaches nft, dnsmasq, UCI or a shell
// passes one of these strict grammars, so no metacharacter can get through.
import { toAscii } from './idn';
import { msg, isMsg } from './messages';
import type { Msg } from './messages';

// A validator's answer: null when the value is good, else the problem.
export type Bad = Msg | null;

// regexes as module constants: ucode compiles a literal each time it is evaluated
const LABEL_BAD = /["'`\\;#{}$\/<>|&]/;
// exported: one control-character test and one blank separator for the whole core
// (ucode regexes match line by line: "4\n43" would pass a port grammar without it)
export const CONTROL = /[\x01-\x1f\x7f]/;
export const BLANKS = /[ \t]+/;
const WG_KEY = /^[A-Za-z0-9+\/]{42}[AEIMQUYcgkosw480]=$/;
// decimal, no sign, no leading zero (nft reads 0443 as octal), at most 10
// digits: checked before int() sees it, so no value becomes NaN, a float or a
// saturated 64-bit number that slips past the bounds
const DECIMAL = /^(0|[1-9][0-9]{0,9})$/;
const PORT_RANGE = /^([^\n-]*)-([^\n-]*)$/;
// UCI's boolean words, looked up rather than matched: a regex with a group
// costs ~20,000 instructions a match under ucode, and every section has some
const BOOL_WORDS: { [w: string]: boolean } = {
	'0': false, '1': true, on: true, off: false, yes: true, no: false, true: true, false: false, enabled: true, disabled: false,
};
const TIME = /^([01][0-9]|2[0-3]):[0-5][0-9]$/;
const EDGE_DOTS = /^(\*\.|\.)+|\.+$/g;
const TRAILING_DOT = /\.$/;
// A DNS name: labels of 1-63 of [a-z0-9-], no hyphen at either end of a
// label. Said as three simple regexes, not one with a bounded repetition
// per label: that one costs ~15 us a match under ucode (libc regexec),
// these ~2 us together, on every domain of every rule.
const DOMAIN_CHARS = /^[a-z0-9.-]+$/;
const DOMAIN_EDGE = /(^|\.)-|-(\.|$)|\.\.|^\.|\.$/;
const LONG_LABEL = /[^.\n]{64}/;
const DIGITS_DOTS = /^[0-9.]+$/;
const IPV4 = /^[0-9]{1,3}(\.[0-9]{1,3}){3}$/;
const IPV6_CHARS = /^[0-9a-fA-F:.]+$/;
const NUMERIC_TOP = /(^|\.)[0-9]+$/;
const INET_ATON = /^(0[xX][0-9a-fA-F]*|[0-9]+)(\.(0[xX][0-9a-fA-F]*|[0-9]+))*$/;
const HOSTNAME = /^[a-zA-Z0-9]([a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?(\.[a-zA-Z0-9]([a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)*$/;
const ENDPOINT6 = /^\[([0-9a-fA-F:.]+)\]:([^:\n]*)$/;
const ENDPOINT = /^([a-zA-Z0-9.-]+):([^:\n]*)$/;
const MAC = /^[0-9a-fA-F]{2}(:[0-9a-fA-F]{2}){5}$/;
const IFNAME = /^[a-zA-Z0-9][a-zA-Z0-9_.-]*$/;
const HEX_MASK = /^0x[0-9a-fA-F]{1,8}$/;

export const NAME_RE = /^[a-zA-Z][a-zA-Z0-9_]*$/;

// Names become ids (client.tv.rule[2]) written into nft and dnsmasq files.
// ucode's regexes match line by line (REG_NEWLINE): a control character is
// refused first, or "tv\n…" would pass NAME_RE on its first line.
export function badName(v: string, max: number): Bad {
	if (match(v, CONTROL) || !match(v, NAME_RE)) return msg('not_name', [v]);
	if ((length(v) as number) > max) return msg('too_long', [v, max]);
	return null;
}

// Free text that ends up in nft comments and logs.
export function badLabel(v: string): Bad {
	if (match(v, LABEL_BAD) || match(v, CONTROL))
		return msg('label_char', [v]);
	if ((length(v) as number) > 64) return msg('too_long', [v, 64]);
	return null;
}

export function badKey(v: string): Bad {
	if (!match(v, WG_KEY))
		return msg('not_key', [substr(v, 0, 4), length(v) as number]);
	return null;
}

// The one integer grammar of every numeric option (and of ports).
// (int(): the bundle writes a bound like 32000 as 32e3, a double in ucode,
// which a message's args would carry as 32000.0)
export function badInt(v: string, lo: number, hi: number): Bad {
	if (!match(v, DECIMAL) || int(v) < lo || int(v) > hi) return msg('not_int', [v, int(lo), int(hi)]);
	return null;
}

export function badPort(v: string): Bad {
	return badInt(v, 1, 65535) ? msg('not_port', [v]) : null;
}

// "443" or "8000-8100" (a single-port range "80-80" is fine for nft)
export function badPortRange(v: string): Bad {
	const m = match(v, PORT_RANGE) as string[] | null;
	if (!m) return badPort(v);
	if (badInt(m[1], 1, 65535) || badInt(m[2], 1, 65535)) return msg('not_port_range', [v]);
	if (int(m[1]) > int(m[2])) return msg('range_reversed', [v]);
	return null;
}

export function badBool(v: string): Bad {
	return exists(BOOL_WORDS, v) ? null : msg('not_bool', [v]);
}

export function bool(v: string): boolean {
	return exists(BOOL_WORDS, v) && BOOL_WORDS[v];
}

export function badTime(v: string): Bad {
	return match(v, TIME) ? null : msg('not_time', [v]);
}

export const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
// the same, in the order the option reference lists them (a literal: a bundle
// that does not use the option tables can leave them out, tools/build.mjs `inline`)
export const WEEKDAYS_FROM_MONDAY = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

export function weekday(v: string): number {
	const d = uc(substr(v, 0, 1)) + lc(substr(v, 1));
	for (let i = 0; i < 7; i++) if (WEEKDAYS[i] === d) return i;
	return -1;
}

// A DNS name as dnsmasq matches it (suffix match: "example.com" also covers
// "www.example.com"). Lower case only: the same name in two cases would
// otherwise become two dnsmasq entries.
// A near miss is told the name to write: "*.x.com" or ".x.com" (the
// subdomains are matched anyway), "x.com." (the root is implied), and an
// internationalised name its ASCII form, the one DNS answers carry.
function isDomain(v: string): boolean {
	return !!match(v, DOMAIN_CHARS) && !match(v, DOMAIN_EDGE) && ((length(v) as number) < 64 || !match(v, LONG_LABEL));
}

export function badDomain(v: string): Bad {
	if ((length(v) as number) > 253) return msg('too_long', [v, 253]);
	if (isDomain(v)) return null;
	const bare = replace(v, EDGE_DOTS, '');
	const fix = toAscii(bare);
	if (fix === null || !isDomain(fix)) return msg('not_domain', [v]);
	if (bare !== v)
		return msg(match(v, TRAILING_DOT) ? 'domain_trailing_dot' : 'domain_wildcard', [v, fix]);
	if (fix !== lc(v)) return msg('idn_write_as', [v, fix]);
	return msg('lower_case', [v]);
}

export function badHost(v: string): Bad {
	if (match(v, DIGITS_DOTS)) return match(v, IPV4) && iptoarr(v) ? null : msg('not_ipv4', [v]);
	if (index(v, ':') >= 0) return match(v, IPV6_CHARS) && iptoarr(v) ? null : msg('not_ipv6', [v]);
	// a numeric top label or a hex/octal word would make the resolver read
	// the name as an address in inet_aton()'s forms ("0x7f.1" is 127.0.0.1)
	if (!match(v, HOSTNAME) || match(v, NUMERIC_TOP) || match(v, INET_ATON))
		return msg('not_host', [v]);
	return null;
}

// "host:port", "1.2.3.4:port" or "[2001:db8::1]:port"
export function parseEndpoint(v: string): { host: string, port: number } | Msg {
	let m = match(v, ENDPOINT6) as string[] | null;
	if (!m) m = match(v, ENDPOINT) as string[] | null;
	if (!m) return msg('not_endpoint', [v]);
	const e = badHost(m[1]) ?? badPort(m[2]);
	if (e) return e;
	return { host: m[1], port: int(m[2]) };
}

export function badMac(v: string): Bad {
	return match(v, MAC) ? null : msg('not_mac', [v]);
}

export function badIfname(v: string): Bad {
	if (!match(v, IFNAME)) return msg('not_ifname', [v]);
	if ((length(v) as number) > 15) return msg('ifname_too_long', [v]);
	return null;
}

export const PROTOS = ['tcp', 'udp', 'icmp', 'icmpv6', 'sctp', 'udplite', 'gre', 'esp'];

// `all` (and `any`) stand for no protocol condition
export function badProto(v: string): Bad {
	return v === 'all' || v === 'any' || index(PROTOS, v) >= 0 ? null : msg('not_proto', [v, `${join(' ', PROTOS)}, all`]);
}

export function badWeekday(v: string): Bad {
	return weekday(v) < 0 ? msg('not_weekday', [v]) : null;
}

export const ACTIONS = ['proxy', 'direct', 'block'];

export function badAction(v: string): Bad {
	return index(ACTIONS, v) >= 0 ? null : msg('not_action', [v]);
}

// An upstream's or group's own name: its chains are up_<name> and
// up_<name>_pkt (grp_…): "a_pkt" would name a chain of "a".
export function badUpstreamName(v: string): Bad {
	const e = badName(v, 12);
	if (e) return e;
	const n = length(v) as number;
	return n > 4 && substr(v, n - 4) === '_pkt' ? msg('name_pkt', [v]) : null;
}

export const GROUP_MODES = ['failover', 'balance'];
export const SPREADS = ['connection', 'destination'];

// a word of a short list the message spells out
export function badEnum(v: string, words: string[]): Bad {
	return index(words, v) >= 0 ? null : msg('not_one_of', [v, join(', ', words)]);
}

export const CLIENT_KINDS = ['device', 'peer'];

export function badClientKind(v: string): Bad {
	return index(CLIENT_KINDS, v) >= 0 ? null : msg('not_kind', [v]);
}

export function badEndpoint(v: string): Bad {
	const p = parseEndpoint(v);
	return isMsg(p) ? p as Msg : null;
}

export function badMarkMask(v: string): Bad {
	return match(v, HEX_MASK) ? null : msg('not_hex_mask', [v]);
}
