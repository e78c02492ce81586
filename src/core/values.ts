// Validators for single option values. Each returns null when the value is
// good, else what is wrong (a Bad: callers only test it against null and pass
// it on). Every value that reaches nft, dnsmasq, UCI or a shell passes one of
// these strict grammars, so no metacharacter can get through.
import { toAscii } from './idn';

export type Bad = string | null;

// regexes as module constants: ucode compiles a literal each time it is evaluated
const LABEL_BAD = /["'`\\;#{}$\/<>|&]/;
const CONTROL = /[\x01-\x1f\x7f]/;
const WG_KEY = /^[A-Za-z0-9+\/]{42}[AEIMQUYcgkosw480]=$/;
// decimal, no sign, no leading zero (nft reads 0443 as octal), at most 10
// digits: checked before int() sees it, so no value becomes NaN, a float or a
// saturated 64-bit number that slips past the bounds
const DECIMAL = /^(0|[1-9][0-9]{0,9})$/;
const PORT_RANGE = /^([^-]*)-([^-]*)$/;
const BOOL = /^(0|1|on|off|yes|no|true|false|enabled|disabled)$/;
const TRUE = /^(1|on|yes|true|enabled)$/;
const TIME = /^([01][0-9]|2[0-3]):[0-5][0-9]$/;
const EDGE_DOTS = /^(\*\.|\.)+|\.+$/g;
const TRAILING_DOT = /\.$/;
const DOMAIN = /^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*$/;
const DIGITS_DOTS = /^[0-9.]+$/;
const IPV4 = /^[0-9]{1,3}(\.[0-9]{1,3}){3}$/;
const IPV6_CHARS = /^[0-9a-fA-F:.]+$/;
const NUMERIC_TOP = /(^|\.)[0-9]+$/;
const INET_ATON = /^(0[xX][0-9a-fA-F]*|[0-9]+)(\.(0[xX][0-9a-fA-F]*|[0-9]+))*$/;
const HOSTNAME = /^[a-zA-Z0-9]([a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?(\.[a-zA-Z0-9]([a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)*$/;
const ENDPOINT6 = /^\[([0-9a-fA-F:.]+)\]:([^:]*)$/;
const ENDPOINT = /^([a-zA-Z0-9.-]+):([^:]*)$/;
const MAC = /^[0-9a-fA-F]{2}(:[0-9a-fA-F]{2}){5}$/;
const IFNAME = /^[a-zA-Z0-9][a-zA-Z0-9_.-]*$/;
const HEX_MASK = /^0x[0-9a-fA-F]{1,8}$/;

export const NAME_RE = /^[a-zA-Z][a-zA-Z0-9_]*$/;

// Names become ids (client.tv.rule[2]) written into nft and dnsmasq files.
// ucode's regexes match line by line (REG_NEWLINE): a control character is
// refused first, or "tv\n…" would pass NAME_RE on its first line.
export function badName(v: string, max: number): Bad {
	if (match(v, CONTROL) || !match(v, NAME_RE)) return `"${v}" is not a name (letters, digits, _; starting with a letter)`;
	if ((length(v) as number) > max) return `"${v}" is longer than ${max} characters`;
	return null;
}

// Free text that ends up in nft comments and logs.
export function badLabel(v: string): Bad {
	if (match(v, LABEL_BAD) || match(v, CONTROL))
		return `"${v}" contains a character that is not allowed in a label (quotes, \\ ; # { } $ / < > | & or control characters)`;
	if ((length(v) as number) > 64) return 'is longer than 64 characters';
	return null;
}

export function badKey(v: string): Bad {
	if (!match(v, WG_KEY))
		return 'is not a WireGuard key (44 characters of base64 for 32 bytes)';
	return null;
}

// The one integer grammar of every numeric option (and of ports).
export function badInt(v: string, lo: number, hi: number): Bad {
	if (!match(v, DECIMAL) || int(v) < lo || int(v) > hi) return `"${v}" is not an integer from ${lo} to ${hi}`;
	return null;
}

export function badPort(v: string): Bad {
	return badInt(v, 1, 65535) ? `"${v}" is not a port (an integer from 1 to 65535)` : null;
}

// "443" or "8000-8100" (a single-port range "80-80" is fine for nft)
export function badPortRange(v: string): Bad {
	const m = match(v, PORT_RANGE) as string[] | null;
	if (!m) return badPort(v);
	if (badInt(m[1], 1, 65535) || badInt(m[2], 1, 65535)) return `"${v}" is not a port range (from-to, each an integer from 1 to 65535)`;
	if (int(m[1]) > int(m[2])) return `"${v}": range start is above its end`;
	return null;
}

export function badBool(v: string): Bad {
	return match(v, BOOL) ? null : `"${v}" is not a boolean (0 or 1)`;
}

export function bool(v: string): boolean {
	return !!match(v, TRUE);
}

export function badTime(v: string): Bad {
	return match(v, TIME) ? null : `"${v}" is not a time of day (HH:MM, 00:00-23:59)`;
}

export const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

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
export function badDomain(v: string): Bad {
	if ((length(v) as number) > 253) return `"${v}" is longer than 253 characters`;
	if (match(v, DOMAIN)) return null;
	const bare = replace(v, EDGE_DOTS, '');
	const fix = toAscii(bare);
	if (fix === null || !match(fix, DOMAIN)) return `"${v}" is not a domain name`;
	if (bare !== v)
		return `"${v}": write "${fix}" (${match(v, TRAILING_DOT) ? 'without the trailing dot' : 'a domain already matches all its subdomains'})`;
	if (fix !== lc(v)) return `"${v}" is an internationalised name: write it as "${fix}"`;
	return `"${v}" must be lower case`;
}

export function badHost(v: string): Bad {
	if (match(v, DIGITS_DOTS)) return match(v, IPV4) && iptoarr(v) ? null : `"${v}" is not an IPv4 address`;
	if (index(v, ':') >= 0) return match(v, IPV6_CHARS) && iptoarr(v) ? null : `"${v}" is not an IPv6 address`;
	// a numeric top label or a hex/octal word would make the resolver read
	// the name as an address in inet_aton()'s forms ("0x7f.1" is 127.0.0.1)
	if (!match(v, HOSTNAME) || match(v, NUMERIC_TOP) || match(v, INET_ATON))
		return `"${v}" is not a host name or address`;
	return null;
}

// "host:port", "1.2.3.4:port" or "[2001:db8::1]:port"
export function parseEndpoint(v: string): { host: string, port: number } | string {
	let m = match(v, ENDPOINT6) as string[] | null;
	if (!m) m = match(v, ENDPOINT) as string[] | null;
	if (!m) return `"${v}" is not host:port (IPv6 as [addr]:port)`;
	const e = badHost(m[1]) ?? badPort(m[2]);
	if (e) return e;
	return { host: m[1], port: int(m[2]) };
}

export function badMac(v: string): Bad {
	return match(v, MAC) ? null : `"${v}" is not a MAC address (aa:bb:cc:dd:ee:ff)`;
}

export function badIfname(v: string): Bad {
	if (!match(v, IFNAME)) return `"${v}" is not a network device name`;
	if ((length(v) as number) > 15) return `"${v}" is longer than 15 characters (Linux IFNAMSIZ)`;
	return null;
}

export const PROTOS = ['tcp', 'udp', 'icmp', 'icmpv6', 'sctp', 'udplite', 'gre', 'esp'];

// `all` (and `any`) stand for no protocol condition
export function badProto(v: string): Bad {
	return v === 'all' || v === 'any' || index(PROTOS, v) >= 0 ? null : `"${v}" is not a protocol (${join(' ', PROTOS)}, all)`;
}

export function badWeekday(v: string): Bad {
	return weekday(v) < 0 ? `"${v}" is not a weekday (Mon … Sun)` : null;
}

export const ACTIONS = ['proxy', 'direct', 'block'];

export function badAction(v: string): Bad {
	return index(ACTIONS, v) >= 0 ? null : `"${v}" is not an action (proxy, direct, block)`;
}

export const CLIENT_KINDS = ['device', 'peer'];

export function badClientKind(v: string): Bad {
	return index(CLIENT_KINDS, v) >= 0 ? null : `"${v}" is not a client kind (peer, device)`;
}

export function badEndpoint(v: string): Bad {
	const p = parseEndpoint(v);
	return type(p) === 'string' ? p as string : null;
}

export function badMarkMask(v: string): Bad {
	return match(v, HEX_MASK) ? null : `"${v}" is not a 32-bit hex mask (0x…)`;
}
