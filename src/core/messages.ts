// Every message the core and the router report, by id. A problem carries an
// id and its arguments ({path, id, args}), never finished text: the CLI and
// ubus format it here in English, LuCI translates the template (the .po
// files key on these English templates) and fills in the same arguments.
// {1}, {2}, … are the arguments in order; a translation may reorder them.
// An argument may itself be a message (formatted, or translated, in turn).
//
// Ids are stable names: a consumer may match on them. Change the English
// freely; rename an id only with its consumers (docs/ubus.md).

export type Arg = string | number | Msg;
export interface Msg { id: string, args: Arg[] }

export const MESSAGES: { [id: string]: string } = {
	// values.ts / ip.ts: one value
	not_name: '"{1}" is not a name (letters, digits, _; starting with a letter)',
	too_long: '"{1}" is longer than {2} characters',
	ifname_too_long: '"{1}" is longer than 15 characters (Linux IFNAMSIZ)',
	label_char: '"{1}" contains a character that is not allowed in a label (quotes, \\ ; # { } $ / < > | & or control characters)',
	control_char: 'contains a control character (newline, tab, …)',
	// a key is named by its first 4 characters and its length only: it may be a private key
	not_key: '"{1}…" is not a WireGuard key (44 characters of base64 for 32 bytes; this has {2})',
	not_int: '"{1}" is not an integer from {2} to {3}',
	not_port: '"{1}" is not a port (an integer from 1 to 65535)',
	not_port_range: '"{1}" is not a port range (from-to, each an integer from 1 to 65535)',
	range_reversed: '"{1}": range start is above its end',
	not_bool: '"{1}" is not a boolean (0 or 1)',
	not_time: '"{1}" is not a time of day (HH:MM, 00:00-23:59)',
	not_domain: '"{1}" is not a domain name',
	domain_wildcard: '"{1}": write "{2}" (a domain already matches all its subdomains)',
	domain_trailing_dot: '"{1}": write "{2}" (without the trailing dot)',
	idn_write_as: '"{1}" is an internationalised name: write it as "{2}"',
	lower_case: '"{1}" must be lower case',
	not_ipv4: '"{1}" is not an IPv4 address',
	not_ipv6: '"{1}" is not an IPv6 address',
	not_host: '"{1}" is not a host name or address',
	not_endpoint: '"{1}" is not host:port (IPv6 as [addr]:port)',
	not_mac: '"{1}" is not a MAC address (aa:bb:cc:dd:ee:ff)',
	not_ifname: '"{1}" is not a network device name',
	not_hex_mask: '"{1}" is not a 32-bit hex mask (0x…)',
	empty: 'is empty',
	not_prefix: '"{1}" is not an address or prefix',
	not_ip_or_prefix: '"{1}" is not an IPv4/IPv6 address or prefix',
	bad_prefix_len: '"{1}" has a bad prefix length',
	prefix_len_max: '"{1}": prefix length exceeds {2}',
	host_bits: '"{1}" has host bits set (did you mean {2}?)',
	not_address_prefix: '"{1}" is not an address/prefix',
	not_ip: '"{1}" is not an IP address',
	not_proto: '"{1}" is not a protocol ({2})',
	not_action: '"{1}" is not an action (proxy, direct, block)',
	not_one_of: '"{1}" is not one of: {2}',
	not_weekday: '"{1}" is not a weekday (Mon … Sun)',
	not_kind: '"{1}" is not a client kind (peer, device)',
	not_list_file: '"{1}" is not a list file (a file name in {2}, or an absolute path)',
	not_url: '"{1}" is not an http:// or https:// URL',

	// config.ts: the whole configuration
	not_single: 'must be a single option, not a list',
	unknown_option: 'unknown option',
	mask_zero: 'must not be 0',
	mask_bit31: '{1}: bit 31 is reserved, use bits 0-30',
	mask_not_contiguous: '{1} must be one run of contiguous bits',
	mask_foreign: '{1} overlaps the mark bits {2} used by {3}',
	mask_room: '{1} has room for {2} upstreams, {3} are defined',
	upstream_unnamed: 'an upstream section needs a name (it names the interface)',
	endpoint_required: 'is required (host:port)',
	required: 'is required',
	upstream_no_address: 'needs at least one tunnel address',
	server_key_required: 'is required (make one with splitwg genkey, or in LuCI)',
	server_no_address: 'needs at least one address with its pool prefix (e.g. 10.77.0.1/24)',
	window_half: 'a time window needs both start_time and stop_time',
	window_empty: 'equals start_time (an empty window); remove both for "always"',
	ports_need_proto: 'ports need tcp, udp, sctp or udplite, not "{1}"',
	upstream_not_proxy: 'only a proxy rule takes an upstream (action is {1})',
	client_unnamed: 'a client section needs a name',
	peer_key_required: 'is required for a peer',
	peer_no_address: 'a peer needs its tunnel address(es)',
	peer_by_address: 'a peer is identified by its tunnel address, not mac/interface',
	device_no_identity: 'a device needs an address, mac or interface',
	device_no_keys: 'only peers have keys',
	address_overlap: '{1} overlaps {2} of client {3}',
	address_overlap_own: '{1} overlaps {2} (address[{3}])',
	identity_shared: '{1} is also client {2}\'s',
	unknown_section_type: 'unknown section type "{1}" ({2})',
	globals_twice: 'only one globals section is allowed',
	server_twice: 'only one server section is allowed',
	defined_twice: 'is defined twice',
	name_taken: 'also names a {1} section (section names are unique in a UCI file)',
	name_reserved: 'the name "server" is reserved (interface {1})',
	name_pkt: '"{1}" ends in _pkt, which the table\'s per-packet chains use: choose another name',
	ruleset_unnamed: 'a ruleset section needs a name',
	rule_owner: 'a rule belongs to exactly one client or ruleset (option client or option ruleset)',
	unknown_client: 'unknown client "{1}"',
	unknown_ruleset: 'unknown ruleset "{1}"',
	unknown_upstream: 'unknown upstream "{1}"',
	via_self: 'an upstream cannot be reached through itself',
	via_kill_switch: 'needs globals.kill_switch \'1\': without it, while "{1}" is down this tunnel\'s packets would leave by the WAN',
	via_loop: 'the upstreams reach each other in a loop: {1}',
	via_disabled: 'upstream "{1}" is disabled: this one would have no way out (enable it, or disable both)',
	via_mtu: 'at most {1} through "{2}" (its MTU {3}, less 80 bytes for the tunnel inside it)',
	via_mtu_low: 'through "{1}" the MTU would be {2}, below the 1280 IPv6 needs: set a larger mtu on "{1}", or cascade fewer tunnels',
	upstream_required: 'is required: a proxy rule or default names no upstream of its own',
	probe_dns_none: 'needs list dns: there are no DNS servers to probe',
	group_unnamed: 'a group section needs a name (rules and clients name it)',
	group_no_member: 'is required: the upstreams of the group',
	group_member_twice: 'upstream "{1}" is a member already',
	group_spread_failover: 'spread is for mode \'balance\' only: a failover group takes its first member up',
	group_kill_switch: 'needs globals.kill_switch \'1\': with every member down, the group\'s traffic must be blocked, never sent by the WAN',
	group_families: 'upstream "{1}" has other address families than "{2}": the members of a group carry the same (IPv4, IPv6 or both)',
	warn_health_unknown: 'member of group {2} with neither probe nor keepalive: the health checker cannot tell when {1} stops answering (an idle tunnel has no handshakes), so it is always counted as up',
	peer_no_server: 'a peer needs an enabled server section',
	outside_pools: '{1} is outside the server\'s address pools',
	warn_dns_clash: '{1} domains (e.g. {2}) are proxied through {3} and {4}, which both have DNS servers: dnsmasq resolves a name one way for every client, through {3}\'s',
	warn_v4_only: 'identifies IPv4 only: the device\'s IPv6 traffic (SLAAC/privacy addresses) is not classified and is routed normally, not by its rules — add its mac (or an IPv6 prefix)',
	warn_v6_only: 'identifies IPv6 only: the device\'s IPv4 traffic is not classified and is routed normally, not by its rules — add its mac (or an IPv4 address)',
	// lists.ts: a rule's list files ({1}: the file, {2}: its line)
	list_unreadable: 'cannot read {1}',
	list_line: '{1}:{2}: {3}',
	list_more: '{1}: {2} more line(s) in error',
	list_one_entry: '"{1}": one entry a line (a domain, or an address or prefix)',
	list_changed: '{1} changed while it was read: apply again',
	subscription_unnamed: 'a subscription section needs a name: the name of the list file it fills in {1}',
	url_required: 'is required: the http:// or https:// address the list is fetched from',
	// router/subscriptions.ts: a list's download (the previous copy stays)
	sub_fetch: 'download failed: {1}',
	sub_too_large: 'the download is larger than max_size ({1} KiB)',
	sub_empty: 'the download holds no entry',
	sub_bad_line: 'line {1} of the download: {2} ({3} line(s) in error)',
	sub_write: 'cannot write {1}',
	sub_unknown: 'no subscription named "{1}"',
	sub_busy: 'another update of the lists is running: try again when it is done',
	sub_not_applied: 'splitwg is not applied: the new copy takes effect with the next apply',
	sub_config_pending: 'the configuration changed since the last apply: the new copy takes effect with the next splitwg apply',
	list_not_fetched: '{1} has not been fetched yet (subscription {2}): splitwg update-lists {2}',
	warn_list_empty: 'its list files hold no entry (of a family that is classified): the rule matches nothing',
	warn_v6_only_off: 'identifies IPv6 only and globals.ipv6 is off: none of the device\'s traffic is classified — add its mac (or an IPv4 address)',

	// uci.ts: the file's syntax
	uci_single_quote: 'unterminated single quote',
	uci_double_quote: 'unterminated double quote',
	uci_config: 'expected: config <type> [<name>]',
	uci_outside: '{1} outside a config section',
	uci_option: 'expected: {1} <name> <value>',
	uci_keyword: 'unknown keyword "{1}"',

	// query.ts / explain.ts / decide.ts: the rule tester
	not_destination: '"{1}" is neither an IP address nor a domain name',
	not_family: '"{1}" is not an address family (4 or 6)',
	family_mismatch: '{1} is an IPv{2} address, not IPv{3}',
	not_at: '"{1}" is not a time like "Mon 21:30"',
	proto_no_ports: '{1} has no ports',
	why_all_off: 'splitwg is disabled (globals.enabled 0): nothing is classified, traffic is routed normally',
	why_client_off: 'client {1} is disabled: its traffic is not classified',
	why_v6_off: 'IPv6 classification is off (globals.ipv6): IPv6 is routed normally',
	why_local: '{1} is in {2}, a local network of the router (routed by the main table, not classified)',
	why_v6_only_off: 'client {1} is identified by IPv6 addresses only and IPv6 classification is off (globals.ipv6): none of its traffic is classified',
	why_one_family: 'client {1} is identified by {2} addresses only: its IPv{3} traffic is not classified and is routed normally',
	why_one_family_slaac: 'client {1} is identified by {2} addresses only: its IPv{3} traffic (SLAAC/privacy addresses) is not classified and is routed normally',
	why_any: 'any destination',
	why_in: '{1} is in {2}',
	why_domain: 'domain {1}',
	why_under: '{1} is under {2}',
	why_not_proto: 'protocol is not {1}',
	why_not_port: 'port {1} is not in {2}',
	why_not_day: '{1} is not one of its days',
	why_not_time: 'time is outside {1}',
	why_open_proto: 'its protocol {1}, give --proto',
	why_open_port: 'its port {1}, give --port',
	why_open_time: 'its time, give --at',
	why_not_evaluated: '{1} (not evaluated: {2})',
	why_first_match: 'first match: {1}, {2}',
	// something at a path (a rule that was skipped, a section)
	at_path: '{1}: {2}',
	why_no_match_but: 'no rule matched (matched destination but not: {1}): client default {2}',
	why_no_match: 'no rule matched: client default {1}',
	why_note_ip: 'note: domain rules also match an address once the client has resolved that domain through the router',
	why_unless_address: 'unless {1} resolves into the destinations of {2}, which come first: explain that address to see',
	why_per_packet: 'decided per packet: follows the time window of {1}',
	why_no_family: 'upstream {1} has no IPv{2} address: its table only has an unreachable route',
	why_upstream_disabled: 'upstream {1} is disabled',
	why_upstream_down: 'upstream {1} is down',
	why_kill_blocks: 'kill switch blocks',
	why_via_down: 'upstream {1} is reached through {2}, which is down',
	why_group_first: 'group {1} takes {2}, its first member up',
	why_group_failover: 'group {1} takes {2}: {3} down',
	why_group_balance: 'group {1} spreads new connections over {2} ({3})',
	why_group_down: 'every member of group {1} is down or disabled',
	why_spread_connection: 'in turn',
	why_spread_destination: 'by destination address',
	why_kill_off: 'kill switch off, goes direct',
	why_aaaa: 'note: over IPv6 (AAAA) the answer is {1}: {2}',
	why_aaaa_via: 'note: over IPv6 (AAAA) the answer is {1} via {2}: {3}',
	// a reason and what follows it ("…; kill switch blocks")
	and: '{1}; {2}',

	// src/router: ubus and CLI answers
	arg_required: 'argument "{1}" is required',
	config_invalid: 'the configuration has {1} problem(s): run check',
	conf_twice: '{1} given twice',
	conf_section: 'unknown section [{1}] (expected [Interface] or [Peer])',
	conf_second_peer: 'a second [Peer]: an upstream is one tunnel to one server',
	conf_second_interface: 'a second [Interface]',
	conf_not_key_value: 'expected "Key = Value" or a [Section]',
	conf_outside: '{1} outside [Interface]/[Peer]',
	conf_unknown_key: 'unknown key {1} in [{2}]',
	conf_wg_quick: '{1} is for wg-quick and is ignored',
	conf_no_value: '{1} has no value',
	conf_dns_search: 'DNS search domain {1} is ignored',
	conf_no_interface: 'no [Interface] section',
	conf_no_peer: 'no [Peer] section',
	conf_missing: '{1} is missing',
	conf_name: 'name: {1}',
	conf_errors_line: '{1} error(s); line {2}: {3}',
	conf_errors_file: '{1} error(s); file: {2}',
	// templates.ts: rule templates
	tpl_format: 'not a rule template (a splitwg-rules document, version 1)',
	tpl_json: 'not valid JSON',
	tpl_text: 'must be text',
	tpl_list: 'must be a list of text values',
	tpl_date: '"{1}" is not a date (YYYY-MM-DD)',
	tpl_no_rules: 'a template needs a list of rules',
	tpl_rule_object: 'a rule must be an object',
	tpl_unknown_field: 'unknown field "{1}" (known: {2})',
	tpl_unknown: 'no template "{1}" (splitwg template list shows them)',
	tpl_invalid: 'template {1} has {2} problem(s)',
	tpl_exists: 'a section named "{1}" already exists in /etc/config/splitwg: give the rule set another name (splitwg template add {2} NAME)',
	tpl_commit: 'cannot commit /etc/config/splitwg',
	// transfer.ts: export / import of upstreams, clients and rules
	export_format: 'not a splitwg export (format "splitwg-export", version 1)',
	export_named: 'must be an object with a "section" (its name)',
	export_rules: 'must be a splitwg-rules document with an owner ("client:NAME" or "ruleset:NAME")',
	export_invalid: 'the import has {1} problem(s): nothing imported',
	export_invalid_nokeys: 'the import has {1} problem(s): nothing imported (the export has no private keys: make it with splitwg export --with-keys)',
	export_exists: 'a section named "{1}" already exists in /etc/config/splitwg: nothing imported',
	// onboard.ts: a provider's .zip of .conf files
	zip_no_unzip: 'reading a .zip needs the unzip command: opkg install unzip (or a busybox with its unzip applet)',
	zip_unreadable: 'cannot read {1} as a zip archive: {2}',
	zip_no_conf: '{1} holds no .conf file',
	zip_too_many: '{1} holds {2} .conf files; at most {3} are imported at once',
	zip_entry_size: '{1} is larger than {2} bytes: not a WireGuard .conf',
	zip_entry_name: '{1}: a name with [ ] * ? or \\ cannot be read from the archive: rename it',
	zip_errors: '{1} error(s), nothing imported; first in {2}: {3}',
	zip_exists: 'a section named "{1}" (from {2}) already exists in /etc/config/splitwg: nothing imported',
	zip_config: 'the new upstreams would make the configuration invalid ({1} problem(s), first {2}: {3}): nothing imported',
	not_a_peer: 'client {1} is a LAN device, not a WireGuard peer',
	no_server: 'the server section is missing or disabled',
	no_endpoint: 'server.endpoint is not set (the host:port devices reach the router at)',

	// status.ts / detect.ts: what ubus status (and apply) warns of
	platform_no_fw4: 'fw4 not found: the splitwg table is not re-created by firewall reloads (OpenWrt 22.03 or later with firewall4 is needed)',
	platform_no_dnsmasq: 'dnsmasq not found: domain rules and DNS hijack need dnsmasq',
	platform_no_nftset: 'dnsmasq lacks nftset: domain rules have no effect (install dnsmasq-full)',
	platform_no_dnsmasq_instance: 'no dnsmasq instance in /etc/config/dhcp: domain rules have no effect',
	platform_offload_hw: 'hardware flow offloading is on: offloaded connections may bypass split tunnelling (turn it off in Network → Firewall)',
	platform_offload_sw: 'software flow offloading is on: offloaded connections may bypass split tunnelling',
	platform_no_ipv6: 'globals.ipv6 is on but the kernel has no IPv6',
	platform_no_conntrack: 'conntrack (conntrack-tools) not installed: open connections keep their old path after a rule change until they close',
	platform_no_ct_accounting: 'conntrack accounting is off (net.netfilter.nf_conntrack_acct is 0, OpenWrt\'s default is 1): no bytes per client and path in stats',
	status_config_invalid: 'the configuration has {1} problem(s): run splitwg check',
	status_upstream_down_blocked: 'upstream {1}: interface {2} is down (kill switch: its traffic is blocked)',
	status_upstream_unhealthy: 'upstream {1}: the health checker finds it down ({2}): its groups give new connections to their other members',
	status_group_blocked: 'group {1}: no member is up: its traffic is blocked',
	status_upstream_down_direct: 'upstream {1}: interface {2} is down (its traffic goes direct)',
	status_no_handshake: 'upstream {1}: no handshake yet',
	status_no_handshake_idle: 'upstream {1}: no handshake yet (no keepalive set: an idle tunnel does not handshake)',
	status_stale_handshake: 'upstream {1}: no handshake for {2} minutes',
	status_stale_handshake_idle: 'upstream {1}: no handshake for {2} minutes (no keepalive set: an idle tunnel does not handshake)',
	status_table_missing: 'table inet splitwg is missing (was the firewall stopped or restarted?): run splitwg apply',
	// {1}: the failed apply's message, or a command's output
	status_apply_failed: 'last apply failed: {1}',
	status_list_failed: 'list {1}: {2}; the previous copy stays',
	status_dnsmasq_missing: 'dnsmasq reads {1}, but splitwg\'s domain entries are not there: run splitwg apply',
	status_dnsmasq_stale: 'dnsmasq reads {1}, but splitwg\'s domain entries there are not the applied ones: run splitwg apply',

	// apply.ts: why an apply failed (kept in the state, shown by status)
	apply_invalid_one: 'invalid configuration: 1 problem, first {1}: {2}',
	apply_invalid: 'invalid configuration: {1} problems, first {2}: {3}',
	apply_pending: '/etc/config/{1} has uncommitted changes (uci changes {1}): commit or revert them first',
	apply_conflict_one: 'section {1} already exists and is not splitwg\'s (no splitwg_owned \'1\' or splitwg name); rename or delete it',
	apply_conflict: 'sections {1} already exist and are not splitwg\'s (no splitwg_owned \'1\' or splitwg name); rename or delete them',
	// {2}: the command's output (not translated)
	apply_restored: '{1}: {2}; previous state restored',
};

// regexes as module constants: ucode compiles a literal each time it is evaluated
const PLACEHOLDER = /^([0-9]+)\}/;

export function msg(id: string, args?: Arg[]): Msg {
	return { id, args: args ?? [] };
}

// A validator's or parser's error (a value it returns is never one: Prefix,
// {host, port} and friends have no `id`).
export function isMsg(x: any): boolean {
	return type(x) === 'object' && exists(x, 'id') && exists(x, 'args');
}

// `{1}; {2}; …`: a reason with its notes, or a list of reasons.
export function joined(parts: Msg[]): Msg {
	let m = parts[0];
	for (let i = 1; i < length(parts); i++) m = msg('and', [m, parts[i]]);
	return m;
}

// Fill a template: `arg(i)` gives the text of argument i (0-based). A
// placeholder without an argument stays as written, so a mismatch shows.
export function fill(template: string, count: number, arg: (i: number) => string): string {
	const parts = split(template, '{');
	let out = parts[0];
	for (let i = 1; i < length(parts); i++) {
		const m = match(parts[i], PLACEHOLDER) as string[] | null;
		const n = m ? int(m[1]) : 0;
		if (m && n >= 1 && n <= count) out += arg(n - 1) + substr(parts[i], length(m[0]));
		else out += '{' + parts[i];
	}
	return out;
}

// The English text of a message. An unknown id is shown as the id with its
// arguments: never an empty message.
export function format(m: Msg): string {
	const args = m.args ?? [];
	const text = (i: number): string => isMsg(args[i]) ? format(args[i] as Msg) : `${args[i]}`;
	const t = MESSAGES[m.id];
	if (t === null || t === undefined) {
		const all: string[] = [];
		for (let i = 0; i < length(args); i++) push(all, text(i));
		return `${m.id}(${join(', ', all)})`;
	}
	return fill(t, length(args), text);
}

// A problem as ubus and the CLI's --json give it: the English `message`
// beside the id and args a translating consumer (LuCI) uses.
export function described<T extends { id: string, args: Arg[] }>(p: T): T & { message: string } {
	const out: any = {};
	for (let k in p) out[k] = (p as any)[k];
	out.message = format(p);
	return out;
}
