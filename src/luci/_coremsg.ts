// The core (src/core) reports problems and explanations in English, the same
// text on the router, in the CLI and here. The views show them translated:
// each core message template is listed below as a msgid with %s where the
// core inserts a value; localizeCore() recognises a message by its template,
// translates the template and puts the values back (values that are
// themselves core messages are translated too). A message no template
// matches is shown as it is. test/luci/coremsg.test.ts drives the core's
// validators, check() and explain() and fails when a message it produces is
// not recognised, so a changed core message cannot go unnoticed.
import { N_, fmt, tr } from './_msg';
import type { Text } from './_msg';

const TEMPLATES: string[] = [
	// values.ts / ip.ts: single values
	N_('"%s" is not a name (letters, digits, _; starting with a letter)'),
	N_('"%s" is longer than 15 characters (Linux IFNAMSIZ)'),
	N_('"%s" is longer than 253 characters'),
	N_('"%s" is longer than %s characters'),
	N_('"%s" contains a character that is not allowed in a label (quotes, \\ ; # { } $ / < > | & or control characters)'),
	N_('contains a control character (newline, tab, …)'),
	N_('is longer than 64 characters'),
	N_('is not a WireGuard key (44 characters of base64 for 32 bytes)'),
	N_('"%s" is not a port (an integer from 1 to 65535)'),
	N_('"%s" is not a port range (from-to, each an integer from 1 to 65535)'),
	N_('"%s": range start is above its end'),
	N_('"%s" is not an integer from %s to %s'),
	N_('"%s" is not a boolean (0 or 1)'),
	N_('"%s" is not a time of day (HH:MM, 00:00-23:59)'),
	N_('"%s": write "%s" (a domain already matches all its subdomains)'),
	N_('"%s": write "%s" (without the trailing dot)'),
	N_('"%s" is an internationalised name: write it as "%s"'),
	N_('"%s" must be lower case'),
	N_('"%s" is not a domain name'),
	N_('"%s" is not an IPv4 address'),
	N_('"%s" is not an IPv6 address'),
	N_('"%s" is not a host name or address'),
	N_('"%s" is not host:port (IPv6 as [addr]:port)'),
	N_('"%s" is not a MAC address (aa:bb:cc:dd:ee:ff)'),
	N_('"%s" is not a network device name'),
	N_('is empty'),
	N_('"%s" is not an address or prefix'),
	N_('"%s" is not an IPv4/IPv6 address or prefix'),
	N_('"%s" has a bad prefix length'),
	N_('"%s": prefix length exceeds %s'),
	N_('"%s" has host bits set (did you mean %s?)'),
	N_('"%s" is not an address/prefix'),
	N_('"%s" is not an IP address'),
	N_('"%s" is not a 32-bit hex mask (0x…)'),
	N_('"%s" is not a protocol (%s)'),
	N_('"%s" is not an action (proxy, direct, block)'),
	N_('"%s" is not a weekday (Mon … Sun)'),
	N_('"%s" is not a client kind (peer, device)'),
	// config.ts: the whole configuration
	N_('must be a single option, not a list'),
	N_('unknown option'),
	N_('must not be 0'),
	N_('%s must be one run of contiguous bits'),
	N_('%s overlaps the mark bits %s used by %s'),
	N_('%s has room for %s upstreams, %s are defined'),
	N_('an upstream section needs a name (it names the interface)'),
	N_('is required (host:port)'),
	N_('is required'),
	N_('needs at least one tunnel address'),
	N_('is required (make one with splitwg genkey, or in LuCI)'),
	N_('needs at least one address with its pool prefix (e.g. 10.77.0.1/24)'),
	N_('a time window needs both start_time and stop_time'),
	N_('equals start_time (an empty window); remove both for "always"'),
	N_('ports need tcp, udp, sctp or udplite, not "%s"'),
	N_('only a proxy rule takes an upstream (action is %s)'),
	N_('a client section needs a name'),
	N_('is required for a peer'),
	N_('a peer needs its tunnel address(es)'),
	N_('a peer is identified by its tunnel address, not mac/interface'),
	N_('a device needs an address, mac or interface'),
	N_('only peers have keys'),
	N_('%s overlaps %s of client %s'),
	N_('%s overlaps %s (address[%s])'),
	N_('%s is also client %s\'s'),
	N_('unknown section type "%s" (%s)'),
	N_('only one globals section is allowed'),
	N_('only one server section is allowed'),
	N_('is defined twice'),
	N_('also names a %s section (section names are unique in a UCI file)'),
	N_('the name "server" is reserved (interface %s)'),
	N_('a ruleset section needs a name'),
	N_('a rule belongs to exactly one client or ruleset (option client or option ruleset)'),
	N_('unknown client "%s"'),
	N_('unknown ruleset "%s"'),
	N_('unknown upstream "%s"'),
	N_('is required: a proxy rule or default names no upstream of its own'),
	N_('a peer needs an enabled server section'),
	N_('%s is outside the server\'s address pools'),
	N_('identifies IPv4 only: the device\'s IPv6 traffic (SLAAC/privacy addresses) is not classified and is routed normally, not by its rules — add its mac (or an IPv6 prefix)'),
	N_('identifies IPv6 only: the device\'s IPv4 traffic is not classified and is routed normally, not by its rules — add its mac (or an IPv4 address)'),
	N_('identifies IPv6 only and globals.ipv6 is off: none of the device\'s traffic is classified — add its mac (or an IPv4 address)'),
	// explain.ts / decide.ts: the rule tester's reasons
	N_('"%s" is neither an IP address nor a domain name'),
	N_('"%s" is not a time like "Mon 21:30"'),
	N_('client %s is disabled: its traffic is not classified'),
	N_('IPv6 classification is off (globals.ipv6): IPv6 is routed normally'),
	N_('splitwg is disabled (globals.enabled 0): nothing is classified, traffic is routed normally'),
	N_('%s (not evaluated: %s)'),
	N_('its protocol %s, give --proto'),
	N_('its port %s, give --port'),
	N_('its time, give --at'),
	N_('%s has no ports'),
	N_('first match: %s, %s'),
	N_('no rule matched (matched destination but not: %s): client default %s'),
	N_('no rule matched: client default %s'),
	N_('note: domain rules also match an address once the client has resolved that domain through the router'),
	N_('any destination'),
	N_('%s is in %s'),
	N_('%s is under %s'),
	N_('domain %s'),
	N_('protocol is not %s'),
	N_('port %s is not in %s'),
	N_('%s is not one of its days'),
	N_('time is outside %s'),
	N_('upstream %s is disabled'),
	N_('upstream %s is down'),
	N_('kill switch blocks'),
	N_('kill switch off, goes direct'),
	N_('decided per packet: follows the time window of %s'),
	N_('client %s is identified by %s addresses only: its IPv%s traffic is not classified and is routed normally'),
	N_('client %s is identified by %s addresses only: its IPv%s traffic (SLAAC/privacy addresses) is not classified and is routed normally'),
	N_('client %s is identified by IPv6 addresses only and IPv6 classification is off (globals.ipv6): none of its traffic is classified'),
	N_('note: over %s its traffic is not classified (the client is identified by %s addresses only)'),
	N_('%s is in %s, a local network of the router (routed by the main table, not classified)'),
	// src/router: ubus splitwg import_conf / peer_conf / explain errors
	N_('%s given twice'),
	N_('unknown section [%s] (expected [Interface] or [Peer])'),
	N_('a second [Peer]: an upstream is one tunnel to one server'),
	N_('a second [Interface]'),
	N_('expected "Key = Value" or a [Section]'),
	N_('%s outside [Interface]/[Peer]'),
	N_('unknown key %s in [%s]'),
	N_('%s is for wg-quick and is ignored'),
	N_('%s has no value'),
	N_('DNS search domain %s is ignored'),
	N_('no [Interface] section'),
	N_('no [Peer] section'),
	N_('%s is missing'),
	N_('name: %s'),
	N_('%s error(s)'),
	N_('line %s: %s'),
	N_('file: %s'),
	N_('client %s is a LAN device, not a WireGuard peer'),
	N_('the server section is missing or disabled'),
	N_('server.endpoint is not set (the host:port devices reach the router at)'),
	N_('the configuration has %s problem(s): run check'),
	N_('argument "%s" is required'),
	// src/router: status warnings
	N_('the configuration has %s problem(s): run splitwg check'),
	N_('upstream %s: interface %s is down (kill switch: its traffic is blocked)'),
	N_('upstream %s: interface %s is down (its traffic goes direct)'),
	N_('upstream %s: no handshake yet'),
	N_('upstream %s: no handshake for %s minutes'),
	N_('%s (no keepalive set: an idle tunnel does not handshake)'),
	N_('table inet splitwg is missing (was the firewall stopped or restarted?): run splitwg apply'),
	N_('last apply failed: %s'),
	N_('invalid configuration: %s problem, first %s: %s'),
	N_('invalid configuration: %s problems, first %s: %s'),
	N_('fw4 not found: the splitwg table is not re-created by firewall reloads (OpenWrt 22.03 or later with firewall4 is needed)'),
	N_('dnsmasq not found: domain rules and DNS hijack need dnsmasq'),
	N_('dnsmasq lacks nftset: domain rules have no effect (install dnsmasq-full)'),
	N_('no dnsmasq instance in /etc/config/dhcp: domain rules have no effect'),
	N_('hardware flow offloading is on: offloaded connections may bypass split tunnelling (turn it off in Network → Firewall)'),
	N_('software flow offloading is on: offloaded connections may bypass split tunnelling'),
	N_('globals.ipv6 is on but the kernel has no IPv6'),
	N_('cannot read the main routing table (ip -j route): only the server pools are treated as local networks'),
	N_('conntrack (conntrack-tools) not installed: open connections keep their old path after a rule change until they close'),
];

// how the core joins a reason and its notes
const JOIN = N_('%s; %s');

function escapeRe(s: string): string {
	return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

interface Compiled { template: string; re: RegExp; literal: number }

// Most specific first: more literal text wins over a looser template.
const COMPILED: Compiled[] = TEMPLATES.map((t) => {
	const parts = t.split('%s');
	return { template: t, re: new RegExp('^' + parts.map(escapeRe).join('([\\s\\S]*?)') + '$'), literal: t.length - 2 * (parts.length - 1) };
}).sort((a, b) => b.literal - a.literal);

export function coreTemplates(): string[] {
	return TEMPLATES.slice();
}

// Split at "; " outside parentheses: the core joins reasons and notes so.
function splitTop(s: string): string[] {
	const out: string[] = [];
	let depth = 0, start = 0, quoted = false;
	for (let i = 0; i < s.length; i++) {
		const c = s.charAt(i);
		if (c === '"') quoted = !quoted;
		else if (quoted) continue;
		else if (c === '(') depth++;
		else if (c === ')') depth = depth > 0 ? depth - 1 : 0;
		else if (depth === 0 && c === ';' && s.charAt(i + 1) === ' ') {
			out.push(s.slice(start, i));
			start = i + 2;
			i++;
		}
	}
	out.push(s.slice(start));
	return out;
}

function one(s: string, translate: (s: string) => string, depth: number): { text: string, known: boolean } {
	for (let i = 0; i < COMPILED.length; i++) {
		const m = COMPILED[i].re.exec(s);
		if (!m) continue;
		const args: string[] = [];
		for (let j = 1; j < m.length; j++)
			args.push(depth < 3 ? whole(m[j], translate, depth + 1).text : m[j]);
		return { text: fmt(translate(COMPILED[i].template), args), known: true };
	}
	// "client.tv.rule[2]: <reason>" (explain's skipped rules)
	const r = /^((?:client|ruleset)\.[A-Za-z0-9_]+\.rule\[[0-9]+\]): (.+)$/.exec(s);
	if (r) {
		const rest = one(r[2], translate, depth + 1);
		return { text: `${r[1]}: ${rest.text}`, known: rest.known };
	}
	return { text: s, known: false };
}

function whole(s: string, translate: (s: string) => string, depth: number): { text: string, known: boolean } {
	// a template may itself contain "; "
	const all = one(s, translate, depth);
	if (all.known) return all;
	const parts = splitTop(s);
	let known = true;
	const out = parts.map((p) => {
		const r = one(p, translate, depth);
		if (!r.known) known = false;
		return r.text;
	});
	let text = out[0];
	for (let i = 1; i < out.length; i++) text = fmt(translate(JOIN), [text, out[i]]);
	return { text, known };
}

// The message in the user's language (unknown parts stay as they are).
export function localizeCore(message: string, translate?: (s: string) => string): string {
	return whole(message, translate ?? ((x) => x), 0).text;
}

// Does every part of the message match a template? (tests)
export function isKnownCore(message: string): boolean {
	return whole(message, (x) => x, 0).known;
}

// Any Text (this app's or the core's) in the user's language.
export function say(t: Text, translate?: (s: string) => string): string {
	return 'core' in t ? localizeCore(t.core, translate) : tr(t, translate);
}
