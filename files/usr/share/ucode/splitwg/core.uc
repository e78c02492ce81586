// Generated from src/core/index.ts by `npm run build` — edit the TypeScript, not this file.
'use strict';

// src/core/version.ts
let VERSION = "0.1.0";

// src/core/messages.ts
let MESSAGES = {
  // values.ts / ip.ts: one value
  not_name: '"{1}" is not a name (letters, digits, _; starting with a letter)',
  too_long: '"{1}" is longer than {2} characters',
  ifname_too_long: '"{1}" is longer than 15 characters (Linux IFNAMSIZ)',
  label_char: '"{1}" contains a character that is not allowed in a label (quotes, \\ ; # { } $ / < > | & or control characters)',
  control_char: "contains a control character (newline, tab, …)",
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
  empty: "is empty",
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
  not_single: "must be a single option, not a list",
  unknown_option: "unknown option",
  mask_zero: "must not be 0",
  mask_bit31: "{1}: bit 31 is reserved, use bits 0-30",
  mask_not_contiguous: "{1} must be one run of contiguous bits",
  mask_foreign: "{1} overlaps the mark bits {2} used by {3}",
  mask_room: "{1} has room for {2} upstreams, {3} are defined",
  upstream_unnamed: "an upstream section needs a name (it names the interface)",
  endpoint_required: "is required (host:port)",
  required: "is required",
  upstream_no_address: "needs at least one tunnel address",
  server_key_required: "is required (make one with splitwg genkey, or in LuCI)",
  server_no_address: "needs at least one address with its pool prefix (e.g. 10.77.0.1/24)",
  window_half: "a time window needs both start_time and stop_time",
  window_empty: 'equals start_time (an empty window); remove both for "always"',
  ports_need_proto: 'ports need tcp, udp, sctp or udplite, not "{1}"',
  upstream_not_proxy: "only a proxy rule takes an upstream (action is {1})",
  client_unnamed: "a client section needs a name",
  peer_key_required: "is required for a peer",
  peer_no_address: "a peer needs its tunnel address(es)",
  peer_by_address: "a peer is identified by its tunnel address, not mac/interface",
  device_no_identity: "a device needs an address, mac or interface",
  device_no_keys: "only peers have keys",
  address_overlap: "{1} overlaps {2} of client {3}",
  address_overlap_own: "{1} overlaps {2} (address[{3}])",
  identity_shared: "{1} is also client {2}'s",
  unknown_section_type: 'unknown section type "{1}" ({2})',
  globals_twice: "only one globals section is allowed",
  server_twice: "only one server section is allowed",
  defined_twice: "is defined twice",
  name_taken: "also names a {1} section (section names are unique in a UCI file)",
  name_reserved: 'the name "server" is reserved (interface {1})',
  name_pkt: `"{1}" ends in _pkt, which the table's per-packet chains use: choose another name`,
  ruleset_unnamed: "a ruleset section needs a name",
  rule_owner: "a rule belongs to exactly one client or ruleset (option client or option ruleset)",
  unknown_client: 'unknown client "{1}"',
  unknown_ruleset: 'unknown ruleset "{1}"',
  unknown_upstream: 'unknown upstream "{1}"',
  via_self: "an upstream cannot be reached through itself",
  via_kill_switch: `needs globals.kill_switch '1': without it, while "{1}" is down this tunnel's packets would leave by the WAN`,
  via_loop: "the upstreams reach each other in a loop: {1}",
  via_disabled: 'upstream "{1}" is disabled: this one would have no way out (enable it, or disable both)',
  via_mtu: 'at most {1} through "{2}" (its MTU {3}, less 80 bytes for the tunnel inside it)',
  via_mtu_low: 'through "{1}" the MTU would be {2}, below the 1280 IPv6 needs: set a larger mtu on "{1}", or cascade fewer tunnels',
  upstream_required: "is required: a proxy rule or default names no upstream of its own",
  probe_dns_none: "needs list dns: there are no DNS servers to probe",
  group_unnamed: "a group section needs a name (rules and clients name it)",
  group_no_member: "is required: the upstreams of the group",
  group_member_twice: 'upstream "{1}" is a member already',
  group_spread_failover: "spread is for mode 'balance' only: a failover group takes its first member up",
  group_kill_switch: "needs globals.kill_switch '1': with every member down, the group's traffic must be blocked, never sent by the WAN",
  group_families: 'upstream "{1}" has other address families than "{2}": the members of a group carry the same (IPv4, IPv6 or both)',
  warn_health_unknown: "member of group {2} with neither probe nor keepalive: the health checker cannot tell when {1} stops answering (an idle tunnel has no handshakes), so it is always counted as up",
  peer_no_server: "a peer needs an enabled server section",
  outside_pools: "{1} is outside the server's address pools",
  warn_dns_clash: "{1} domains (e.g. {2}) are proxied through {3} and {4}, which both have DNS servers: dnsmasq resolves a name one way for every client, through {3}'s",
  warn_v4_only: "identifies IPv4 only: the device's IPv6 traffic (SLAAC/privacy addresses) is not classified and is routed normally, not by its rules — add its mac (or an IPv6 prefix)",
  warn_v6_only: "identifies IPv6 only: the device's IPv4 traffic is not classified and is routed normally, not by its rules — add its mac (or an IPv4 address)",
  // lists.ts: a rule's list files ({1}: the file, {2}: its line)
  list_unreadable: "cannot read {1}",
  list_line: "{1}:{2}: {3}",
  list_more: "{1}: {2} more line(s) in error",
  list_one_entry: '"{1}": one entry a line (a domain, or an address or prefix)',
  list_changed: "{1} changed while it was read: apply again",
  subscription_unnamed: "a subscription section needs a name: the name of the list file it fills in {1}",
  url_required: "is required: the http:// or https:// address the list is fetched from",
  // router/subscriptions.ts: a list's download (the previous copy stays)
  sub_fetch: "download failed: {1}",
  sub_too_large: "the download is larger than max_size ({1} KiB)",
  sub_empty: "the download holds no entry",
  sub_bad_line: "line {1} of the download: {2} ({3} line(s) in error)",
  sub_write: "cannot write {1}",
  sub_unknown: 'no subscription named "{1}"',
  sub_busy: "another update of the lists is running: try again when it is done",
  sub_not_applied: "splitwg is not applied: the new copy takes effect with the next apply",
  sub_config_pending: "the configuration changed since the last apply: the new copy takes effect with the next splitwg apply",
  list_not_fetched: "{1} has not been fetched yet (subscription {2}): splitwg update-lists {2}",
  warn_list_empty: "its list files hold no entry (of a family that is classified): the rule matches nothing",
  warn_v6_only_off: "identifies IPv6 only and globals.ipv6 is off: none of the device's traffic is classified — add its mac (or an IPv4 address)",
  // uci.ts: the file's syntax
  uci_single_quote: "unterminated single quote",
  uci_double_quote: "unterminated double quote",
  uci_config: "expected: config <type> [<name>]",
  uci_outside: "{1} outside a config section",
  uci_option: "expected: {1} <name> <value>",
  uci_keyword: 'unknown keyword "{1}"',
  // query.ts / explain.ts / decide.ts: the rule tester
  not_destination: '"{1}" is neither an IP address nor a domain name',
  not_family: '"{1}" is not an address family (4 or 6)',
  family_mismatch: "{1} is an IPv{2} address, not IPv{3}",
  not_at: '"{1}" is not a time like "Mon 21:30"',
  proto_no_ports: "{1} has no ports",
  why_all_off: "splitwg is disabled (globals.enabled 0): nothing is classified, traffic is routed normally",
  why_client_off: "client {1} is disabled: its traffic is not classified",
  why_v6_off: "IPv6 classification is off (globals.ipv6): IPv6 is routed normally",
  why_local: "{1} is in {2}, a local network of the router (routed by the main table, not classified)",
  why_v6_only_off: "client {1} is identified by IPv6 addresses only and IPv6 classification is off (globals.ipv6): none of its traffic is classified",
  why_one_family: "client {1} is identified by {2} addresses only: its IPv{3} traffic is not classified and is routed normally",
  why_one_family_slaac: "client {1} is identified by {2} addresses only: its IPv{3} traffic (SLAAC/privacy addresses) is not classified and is routed normally",
  why_any: "any destination",
  why_in: "{1} is in {2}",
  why_domain: "domain {1}",
  why_under: "{1} is under {2}",
  why_not_proto: "protocol is not {1}",
  why_not_port: "port {1} is not in {2}",
  why_not_day: "{1} is not one of its days",
  why_not_time: "time is outside {1}",
  why_open_proto: "its protocol {1}, give --proto",
  why_open_port: "its port {1}, give --port",
  why_open_time: "its time, give --at",
  why_not_evaluated: "{1} (not evaluated: {2})",
  why_first_match: "first match: {1}, {2}",
  // something at a path (a rule that was skipped, a section)
  at_path: "{1}: {2}",
  why_no_match_but: "no rule matched (matched destination but not: {1}): client default {2}",
  why_no_match: "no rule matched: client default {1}",
  why_note_ip: "note: domain rules also match an address once the client has resolved that domain through the router",
  why_unless_address: "unless {1} resolves into the destinations of {2}, which come first: explain that address to see",
  why_per_packet: "decided per packet: follows the time window of {1}",
  why_no_family: "upstream {1} has no IPv{2} address: its table only has an unreachable route",
  why_upstream_disabled: "upstream {1} is disabled",
  why_upstream_down: "upstream {1} is down",
  why_kill_blocks: "kill switch blocks",
  why_via_down: "upstream {1} is reached through {2}, which is down",
  why_group_first: "group {1} takes {2}, its first member up",
  why_group_failover: "group {1} takes {2}: {3} down",
  why_group_balance: "group {1} spreads new connections over {2} ({3})",
  why_group_down: "every member of group {1} is down or disabled",
  why_spread_connection: "in turn",
  why_spread_destination: "by destination address",
  why_kill_off: "kill switch off, goes direct",
  why_aaaa: "note: over IPv6 (AAAA) the answer is {1}: {2}",
  why_aaaa_via: "note: over IPv6 (AAAA) the answer is {1} via {2}: {3}",
  // a reason and what follows it ("…; kill switch blocks")
  and: "{1}; {2}",
  // src/router: ubus and CLI answers
  arg_required: 'argument "{1}" is required',
  config_invalid: "the configuration has {1} problem(s): run check",
  conf_twice: "{1} given twice",
  conf_section: "unknown section [{1}] (expected [Interface] or [Peer])",
  conf_second_peer: "a second [Peer]: an upstream is one tunnel to one server",
  conf_second_interface: "a second [Interface]",
  conf_not_key_value: 'expected "Key = Value" or a [Section]',
  conf_outside: "{1} outside [Interface]/[Peer]",
  conf_unknown_key: "unknown key {1} in [{2}]",
  conf_wg_quick: "{1} is for wg-quick and is ignored",
  conf_no_value: "{1} has no value",
  conf_dns_search: "DNS search domain {1} is ignored",
  conf_no_interface: "no [Interface] section",
  conf_no_peer: "no [Peer] section",
  conf_missing: "{1} is missing",
  conf_name: "name: {1}",
  conf_errors_line: "{1} error(s); line {2}: {3}",
  conf_errors_file: "{1} error(s); file: {2}",
  // templates.ts: rule templates
  tpl_format: "not a rule template (a splitwg-rules document, version 1)",
  tpl_json: "not valid JSON",
  tpl_text: "must be text",
  tpl_list: "must be a list of text values",
  tpl_date: '"{1}" is not a date (YYYY-MM-DD)',
  tpl_no_rules: "a template needs a list of rules",
  tpl_rule_object: "a rule must be an object",
  tpl_unknown_field: 'unknown field "{1}" (known: {2})',
  tpl_unknown: 'no template "{1}" (splitwg template list shows them)',
  tpl_invalid: "template {1} has {2} problem(s)",
  tpl_exists: 'a section named "{1}" already exists in /etc/config/splitwg: give the rule set another name (splitwg template add {2} NAME)',
  tpl_commit: "cannot commit /etc/config/splitwg",
  // transfer.ts: export / import of upstreams, clients and rules
  export_format: 'not a splitwg export (format "splitwg-export", version 1)',
  export_named: 'must be an object with a "section" (its name)',
  export_rules: 'must be a splitwg-rules document with an owner ("client:NAME" or "ruleset:NAME")',
  export_invalid: "the import has {1} problem(s): nothing imported",
  export_invalid_nokeys: "the import has {1} problem(s): nothing imported (the export has no private keys: make it with splitwg export --with-keys)",
  export_exists: 'a section named "{1}" already exists in /etc/config/splitwg: nothing imported',
  // onboard.ts: a provider's .zip of .conf files
  zip_no_unzip: "reading a .zip needs the unzip command: opkg install unzip (or a busybox with its unzip applet)",
  zip_unreadable: "cannot read {1} as a zip archive: {2}",
  zip_no_conf: "{1} holds no .conf file",
  zip_too_many: "{1} holds {2} .conf files; at most {3} are imported at once",
  zip_entry_size: "{1} is larger than {2} bytes: not a WireGuard .conf",
  zip_entry_name: "{1}: a name with [ ] * ? or \\ cannot be read from the archive: rename it",
  zip_errors: "{1} error(s), nothing imported; first in {2}: {3}",
  zip_exists: 'a section named "{1}" (from {2}) already exists in /etc/config/splitwg: nothing imported',
  zip_config: "the new upstreams would make the configuration invalid ({1} problem(s), first {2}: {3}): nothing imported",
  not_a_peer: "client {1} is a LAN device, not a WireGuard peer",
  no_server: "the server section is missing or disabled",
  no_endpoint: "server.endpoint is not set (the host:port devices reach the router at)",
  // status.ts / detect.ts: what ubus status (and apply) warns of
  platform_no_fw4: "fw4 not found: the splitwg table is not re-created by firewall reloads (OpenWrt 22.03 or later with firewall4 is needed)",
  platform_no_dnsmasq: "dnsmasq not found: domain rules and DNS hijack need dnsmasq",
  platform_no_nftset: "dnsmasq lacks nftset: domain rules have no effect (install dnsmasq-full)",
  platform_no_dnsmasq_instance: "no dnsmasq instance in /etc/config/dhcp: domain rules have no effect",
  platform_offload_hw: "hardware flow offloading is on: offloaded connections may bypass split tunnelling (turn it off in Network → Firewall)",
  platform_offload_sw: "software flow offloading is on: offloaded connections may bypass split tunnelling",
  platform_no_ipv6: "globals.ipv6 is on but the kernel has no IPv6",
  platform_no_conntrack: "conntrack (conntrack-tools) not installed: open connections keep their old path after a rule change until they close",
  platform_no_ct_accounting: "conntrack accounting is off (net.netfilter.nf_conntrack_acct is 0, OpenWrt's default is 1): no bytes per client and path in stats",
  status_config_invalid: "the configuration has {1} problem(s): run splitwg check",
  status_upstream_down_blocked: "upstream {1}: interface {2} is down (kill switch: its traffic is blocked)",
  status_upstream_unhealthy: "upstream {1}: the health checker finds it down ({2}): its groups give new connections to their other members",
  status_group_blocked: "group {1}: no member is up: its traffic is blocked",
  status_upstream_down_direct: "upstream {1}: interface {2} is down (its traffic goes direct)",
  status_no_handshake: "upstream {1}: no handshake yet",
  status_no_handshake_idle: "upstream {1}: no handshake yet (no keepalive set: an idle tunnel does not handshake)",
  status_stale_handshake: "upstream {1}: no handshake for {2} minutes",
  status_stale_handshake_idle: "upstream {1}: no handshake for {2} minutes (no keepalive set: an idle tunnel does not handshake)",
  status_table_missing: "table inet splitwg is missing (was the firewall stopped or restarted?): run splitwg apply",
  // {1}: the failed apply's message, or a command's output
  status_apply_failed: "last apply failed: {1}",
  status_list_failed: "list {1}: {2}; the previous copy stays",
  status_dnsmasq_missing: "dnsmasq reads {1}, but splitwg's domain entries are not there: run splitwg apply",
  status_dnsmasq_stale: "dnsmasq reads {1}, but splitwg's domain entries there are not the applied ones: run splitwg apply",
  // apply.ts: why an apply failed (kept in the state, shown by status)
  apply_invalid_one: "invalid configuration: 1 problem, first {1}: {2}",
  apply_invalid: "invalid configuration: {1} problems, first {2}: {3}",
  apply_pending: "/etc/config/{1} has uncommitted changes (uci changes {1}): commit or revert them first",
  apply_conflict_one: "section {1} already exists and is not splitwg's (no splitwg_owned '1' or splitwg name); rename or delete it",
  apply_conflict: "sections {1} already exist and are not splitwg's (no splitwg_owned '1' or splitwg name); rename or delete them",
  // {2}: the command's output (not translated)
  apply_restored: "{1}: {2}; previous state restored"
};
let PLACEHOLDER = /^([0-9]+)\}/;
function msg(id, args) {
  return { id, args: args ?? [] };
}
function isMsg(x) {
  return type(x) === "object" && exists(x, "id") && exists(x, "args");
}
function joined(parts) {
  let m = parts[0];
  for (let i = 1; i < length(parts); i++) m = msg("and", [m, parts[i]]);
  return m;
}
function fill(template, count, arg) {
  const parts = split(template, "{");
  let out = parts[0];
  for (let i = 1; i < length(parts); i++) {
    const m = match(parts[i], PLACEHOLDER);
    const n = m ? int(m[1]) : 0;
    if (m && n >= 1 && n <= count) out += arg(n - 1) + substr(parts[i], length(m[0]));
    else out += "{" + parts[i];
  }
  return out;
}
function format(m) {
  const args = m.args ?? [];
  const text = (i) => isMsg(args[i]) ? format(args[i]) : `${args[i]}`;
  const t = MESSAGES[m.id];
  if (t === null || t === null) {
    const all = [];
    for (let i = 0; i < length(args); i++) push(all, text(i));
    return `${m.id}(${join(", ", all)})`;
  }
  return fill(t, length(args), text);
}
function described(p) {
  const out = {};
  for (let k in p) out[k] = p[k];
  out.message = format(p);
  return out;
}

// src/core/uci.ts
let SINGLE_QUOTE = /'/g;
let SIMPLE = /^[ \t]*(config|option|list)[ \t]+([A-Za-z0-9_]+)([ \t]+'([^'\\\n]*)')?[ \t]*$/;
function words(line) {
  const m = match(line, SIMPLE);
  if (m) return m[3] ? [m[1], m[2], m[4]] : [m[1], m[2]];
  const out = [];
  let cur = null;
  let i = 0;
  const n = length(line);
  while (i < n) {
    const c = substr(line, i, 1);
    if (c === " " || c === "	" || c === "\r") {
      if (cur !== null) {
        push(out, cur);
        cur = null;
      }
      i++;
    } else if (c === "#" && cur === null) {
      break;
    } else if (c === "'") {
      const end = index(substr(line, i + 1), "'");
      if (end < 0) return msg("uci_single_quote");
      cur = (cur ?? "") + substr(line, i + 1, end);
      i += end + 2;
    } else if (c === '"') {
      let j = i + 1;
      let s = "";
      while (j < n && substr(line, j, 1) !== '"') {
        if (substr(line, j, 1) === "\\" && j + 1 < n) j++;
        s += substr(line, j, 1);
        j++;
      }
      if (j >= n) return msg("uci_double_quote");
      cur = (cur ?? "") + s;
      i = j + 1;
    } else {
      if (c === "\\" && i + 1 < n) i++;
      cur = (cur ?? "") + substr(line, i, 1);
      i++;
    }
  }
  if (cur !== null) push(out, cur);
  return out;
}
function lineError(line, m) {
  return { line, id: m.id, args: m.args };
}
function parseUci(text) {
  const sections = [];
  const errors = [];
  const counts = {};
  const lines = split(text, "\n");
  let sec = null;
  for (let ln = 0; ln < length(lines); ln++) {
    const w = words(lines[ln]);
    if (type(w) === "object") {
      push(errors, lineError(ln + 1, w));
      continue;
    }
    const ws = w;
    if (!length(ws)) continue;
    const kw = ws[0];
    if (kw === "package") continue;
    if (kw === "config") {
      if (length(ws) < 2 || length(ws) > 3) {
        push(errors, lineError(ln + 1, msg("uci_config")));
        sec = null;
        continue;
      }
      const t = ws[1];
      counts[t] = (counts[t] ?? -1) + 1;
      sec = { type: t, name: length(ws) === 3 ? ws[2] : `@${t}[${counts[t]}]`, anonymous: length(ws) !== 3, options: {} };
      push(sections, sec);
    } else if (kw === "option" || kw === "list") {
      if (!sec) {
        push(errors, lineError(ln + 1, msg("uci_outside", [kw])));
        continue;
      }
      if (length(ws) !== 3) {
        push(errors, lineError(ln + 1, msg("uci_option", [kw])));
        continue;
      }
      const k = ws[1];
      if (kw === "option") sec.options[k] = ws[2];
      else {
        const prev = sec.options[k];
        if (type(prev) === "array") push(prev, ws[2]);
        else sec.options[k] = [ws[2]];
      }
    } else {
      push(errors, lineError(ln + 1, msg("uci_keyword", [kw])));
    }
  }
  return { sections, errors };
}
function quote(v) {
  return "'" + replace(v, SINGLE_QUOTE, "'\\''") + "'";
}
function renderUci(sections) {
  const out = [];
  for (let i = 0; i < length(sections); i++) {
    const s = sections[i];
    push(out, s.anonymous ? `config ${s.type}` : `config ${s.type} ${quote(s.name)}`);
    for (let k in s.options) {
      const v = s.options[k];
      if (type(v) === "array") {
        const l = v;
        for (let j = 0; j < length(l); j++) push(out, `	list ${k} ${quote(l[j])}`);
      } else push(out, `	option ${k} ${quote(v)}`);
    }
    push(out, "");
  }
  return length(out) ? join("\n", out) + "\n" : "";
}

// src/core/ip.ts
let PREFIX_LEN = /^(0|[1-9][0-9]{0,2})$/;
let V4_RE = /^[0-9]{1,3}\.[0-9]{1,3}\.[0-9]{1,3}\.[0-9]{1,3}$/;
let V4_LEADING_ZERO = /(^|\.)0[0-9]/;
let V4_PREFIX = /^((0|[1-9][0-9]{0,2})\.(0|[1-9][0-9]{0,2})\.(0|[1-9][0-9]{0,2})\.(0|[1-9][0-9]{0,2}))(\/(0|[1-9][0-9]?))?$/;
let V6_RE = /^[0-9a-fA-F:.]+$/;
function parseAddress(s) {
  if (type(s) !== "string") return null;
  if (match(s, V4_RE)) {
    if (match(s, V4_LEADING_ZERO)) return null;
    const b = iptoarr(s);
    return b ? { family: 4, bytes: b } : null;
  }
  if (index(s, ":") >= 0 && match(s, V6_RE)) {
    const b = iptoarr(s);
    return b && length(b) === 16 ? { family: 6, bytes: b } : null;
  }
  return null;
}
function maskBytes(bytes, len) {
  const out = [];
  for (let i = 0; i < length(bytes); i++) {
    const bits = len - i * 8;
    if (bits >= 8) push(out, bytes[i]);
    else if (bits <= 0) push(out, 0);
    else push(out, bytes[i] & (255 << 8 - bits & 255));
  }
  return out;
}
function sameBytes(a, b) {
  if (length(a) !== length(b)) return false;
  for (let i = 0; i < length(a); i++) if (a[i] !== b[i]) return false;
  return true;
}
function hostBitsClear(bytes, len) {
  const n = length(bytes);
  const i = len >> 3;
  if (i < n && bytes[i] & 255 >> (len & 7)) return false;
  for (let j = i + 1; j < n; j++) if (bytes[j]) return false;
  return true;
}
function parsePrefix(s) {
  if (type(s) !== "string" || s === "") return msg("empty");
  const m = match(s, V4_PREFIX);
  if (m && m[0] === s) {
    const b = iptoarr(m[1]);
    const n = m[7] ? int(m[7]) : 32;
    if (b && n <= 32 && (n === 32 || hostBitsClear(b, n))) return { family: 4, bytes: b, len: n, text: n === 32 ? m[1] : s, host: n === 32 };
  }
  const parts = split(s, "/");
  if (length(parts) > 2) return msg("not_prefix", [s]);
  const a = parseAddress(parts[0]);
  if (!a) return msg("not_ip_or_prefix", [s]);
  const max = a.family === 4 ? 32 : 128;
  let len = max;
  if (length(parts) === 2) {
    if (!match(parts[1], PREFIX_LEN)) return msg("bad_prefix_len", [s]);
    len = int(parts[1]);
    if (len > max) return msg("prefix_len_max", [s, max]);
  }
  if (len !== max && !hostBitsClear(a.bytes, len)) return msg("host_bits", [s, `${arrtoip(maskBytes(a.bytes, len))}/${len}`]);
  if (a.family === 4) return { family: 4, bytes: a.bytes, len, text: len === max ? parts[0] : s, host: len === max };
  const addr = arrtoip(a.bytes);
  return { family: a.family, bytes: a.bytes, len, text: len === max ? addr : `${addr}/${len}`, host: len === max };
}
function addPrefix(s, v4, v6, seen) {
  const slash = index(s, "/");
  const b = iptoarr(slash < 0 ? s : substr(s, 0, slash));
  let t = null;
  if (b && length(b) === 4) {
    if (slash < 0) t = s;
    else {
      const ls = substr(s, slash + 1), n = int(ls);
      if (`${n}` === ls && n <= 32) {
        let clear = n === 32 || !(b[n >> 3] & 255 >> (n & 7));
        for (let j = (n >> 3) + 1; clear && j < 4; j++) if (b[j]) clear = false;
        if (clear) t = n === 32 ? substr(s, 0, slash) : s;
      }
    }
  }
  let family = 4;
  if (t === null) {
    const p = parsePrefix(s);
    if (isMsg(p)) return p;
    t = p.text;
    family = p.family;
  }
  if (!seen[t]) {
    seen[t] = true;
    push(family === 4 ? v4 : v6, t);
  }
  return null;
}
function prefixText(s) {
  const v = [];
  const e = addPrefix(s, v, v, {});
  return e ?? v[0];
}
function parseInterfaceAddress(s) {
  if (type(s) !== "string" || s === "") return msg("empty");
  const parts = split(s, "/");
  const a = length(parts) <= 2 ? parseAddress(parts[0]) : null;
  if (!a) return msg("not_address_prefix", [s]);
  const max = a.family === 4 ? 32 : 128;
  let len = max;
  if (length(parts) === 2) {
    if (!match(parts[1], PREFIX_LEN) || int(parts[1]) > max) return msg("bad_prefix_len", [s]);
    len = int(parts[1]);
  }
  return { family: a.family, bytes: a.bytes, len, address: arrtoip(a.bytes) };
}
function prefixContains(p, bytes) {
  return length(p.bytes) === length(bytes) && sameBytes(maskBytes(bytes, p.len), p.bytes);
}
function prefixesOverlap(a, b) {
  if (a.family !== b.family) return false;
  const len = a.len < b.len ? a.len : b.len;
  return sameBytes(maskBytes(a.bytes, len), maskBytes(b.bytes, len));
}
function interfaceNetwork(s) {
  const a = parseInterfaceAddress(s);
  if (isMsg(a)) return null;
  const ia = a;
  const net = maskBytes(ia.bytes, ia.len);
  const max = ia.family === 4 ? 32 : 128;
  const addr = arrtoip(net);
  return { family: ia.family, bytes: net, len: ia.len, text: ia.len === max ? addr : `${addr}/${ia.len}`, host: ia.len === max };
}
function badIpAddress(v) {
  const p = parsePrefix(v);
  return isMsg(p) || !p.host ? msg("not_ip", [v]) : null;
}
function badPrefix(v) {
  const p = parsePrefix(v);
  return isMsg(p) ? p : null;
}
function badInterfaceAddress(v) {
  const a = parseInterfaceAddress(v);
  return isMsg(a) ? a : null;
}

// src/core/decide.ts
function resolved(action, upstream, wanted, why) {
  return { action, upstream, wanted, note: format(why), why: why, group: null, members: [] };
}
function plain(action, upstream, wanted) {
  return { action, upstream, wanted, note: null, why: null, group: null, members: [] };
}
function upstreamByName(cfg, name) {
  for (let i = 0; i < length(cfg.upstreams); i++)
    if (cfg.upstreams[i].name === name) return cfg.upstreams[i];
  return null;
}
function downVia(cfg, u, down) {
  for (let w = u, n = 0; w.via !== null && n < length(cfg.upstreams); n++) {
    const o = upstreamByName(cfg, w.via);
    if (!o) return null;
    if (index(down, o.name) >= 0) return o.name;
    w = o;
  }
  return null;
}
function up(cfg, u, down) {
  return u.enabled && index(down, u.name) < 0 && downVia(cfg, u, down) === null;
}
function groupVerdict(cfg, g, down) {
  const ms = map(g.members, (n) => upstreamByName(cfg, n));
  const live = filter(ms, (u) => up(cfg, u, down));
  const gone = filter(ms, (u) => !up(cfg, u, down));
  const v = { action: "proxy", upstream: null, wanted: g.name, note: null, why: null, group: g, members: live };
  if (!length(live)) return { ...v, action: "block", why: msg("and", [msg("why_group_down", [g.name]), msg("why_kill_blocks")]) };
  if (g.mode === "balance") {
    v.why = msg("why_group_balance", [g.name, join(", ", map(live, (u) => u.name)), g.spread === "destination" ? msg("why_spread_destination") : msg("why_spread_connection")]);
    return v;
  }
  v.members = [live[0]];
  v.upstream = live[0];
  v.why = live[0] === ms[0] ? msg("why_group_first", [g.name, live[0].name]) : msg("why_group_failover", [g.name, live[0].name, join(", ", map(slice(gone, 0, index(ms, live[0])), (u) => u.name))]);
  return v;
}
function groupByName(cfg, name) {
  const gs = cfg.groups ?? [];
  for (let i = 0; i < length(gs); i++)
    if (gs[i].name === name) return gs[i];
  return null;
}
function verdictOf(cfg, c, rule, down) {
  const action = rule ? rule.action : c.defaultAction;
  if (action !== "proxy") return plain(action, null, null);
  const name = (rule ? rule.upstream : null) ?? c.upstream;
  const g = groupByName(cfg, name);
  if (g) return groupVerdict(cfg, g, down ?? []);
  const u = upstreamByName(cfg, name);
  const ks = cfg.globals.killSwitch;
  if (!u || !u.enabled) {
    const why = msg("why_upstream_disabled", [name]);
    return ks ? resolved("block", null, name, msg("and", [why, msg("why_kill_blocks")])) : resolved("direct", null, name, msg("and", [why, msg("why_kill_off")]));
  }
  if (down && index(down, u.name) >= 0) {
    const why = msg("why_upstream_down", [name]);
    return ks ? resolved("block", u, name, msg("and", [why, msg("why_kill_blocks")])) : resolved("direct", u, name, msg("and", [why, msg("why_kill_off")]));
  }
  const outer = down ? downVia(cfg, u, down) : null;
  if (outer !== null) return resolved("block", u, name, msg("and", [msg("why_via_down", [u.name, outer]), msg("why_kill_blocks")]));
  return plain("proxy", u, name);
}
function markShift(mask) {
  return mask & -mask;
}
function directMark(mask) {
  return markShift(mask);
}
function markHex(n) {
  return sprintf("0x%08x", n);
}
function carriesFamily(u, fam) {
  for (let i = 0; i < length(u.addresses); i++) {
    const a = parseInterfaceAddress(u.addresses[i]);
    if (type(a) === "object" && a.family === fam) return true;
  }
  return false;
}
function timedFrom(c) {
  for (let i = 0; i < length(c.rules); i++) {
    const m = c.rules[i].match;
    if (m.startTime !== null || length(m.weekdays)) return i;
  }
  return length(c.rules);
}
function chainFamilies(c, ipv6) {
  const both = length(c.macs) > 0 || length(c.ifaces) > 0;
  return { v4: both || length(c.src4) > 0, v6: ipv6 && (both || length(c.src6) > 0) };
}
function ruleFamilies(cfg) {
  const out = {};
  for (let i = 0; i < length(cfg.clients); i++) {
    const c = cfg.clients[i];
    if (!c.enabled) continue;
    const f = chainFamilies(c, cfg.globals.ipv6);
    for (let j = 0; j < length(c.rules); j++) {
      const id = c.rules[j].id;
      const o = out[id] ?? { v4: false, v6: false };
      out[id] = { v4: o.v4 || f.v4, v6: o.v6 || f.v6 };
    }
  }
  return out;
}
function activeRules(cfg) {
  const out = [];
  const seen = {};
  for (let i = 0; i < length(cfg.clients); i++) {
    const c = cfg.clients[i];
    if (!c.enabled) continue;
    for (let j = 0; j < length(c.rules); j++)
      if (!seen[c.rules[j].id]) {
        seen[c.rules[j].id] = true;
        push(out, c.rules[j]);
      }
  }
  return out;
}
function localNetworks(cfg, given) {
  const out = [];
  const seen = {};
  const add = (p) => {
    if (p && !seen[p.text]) {
      seen[p.text] = true;
      push(out, p);
    }
  };
  const srv = cfg.server;
  if (srv && srv.enabled) for (let i = 0; i < length(srv.addresses); i++) add(interfaceNetwork(srv.addresses[i]));
  for (let i = 0; i < length(given ?? []); i++) {
    const p = parsePrefix(given[i]);
    if (type(p) === "object") add(p);
  }
  return out;
}

// src/core/idn.ts
let BASE = 36;
let TMIN = 1;
let TMAX = 26;
let SKEW = 38;
let DAMP = 700;
function codepoints(s) {
  const out = [];
  const n = length(s);
  let i = 0;
  while (i < n) {
    const b = ord(s, i);
    let cp = b, len = 1;
    if (b >= 240 && b < 248) {
      cp = b & 7;
      len = 4;
    } else if (b >= 224) {
      cp = b & 15;
      len = 3;
    } else if (b >= 194) {
      cp = b & 31;
      len = 2;
    } else if (b >= 128) return null;
    if (b >= 248 || i + len > n) return null;
    for (let j = 1; j < len; j++) {
      const c = ord(s, i + j);
      if ((c & 192) !== 128) return null;
      cp = cp << 6 | c & 63;
    }
    push(out, cp);
    i += len;
  }
  return out;
}
function pair(cp, upperEven) {
  return cp % 2 === 0 === upperEven ? cp + 1 : cp;
}
function lower(cp) {
  if (cp < 128) return cp >= 65 && cp <= 90 ? cp + 32 : cp >= 97 && cp <= 122 || cp >= 48 && cp <= 57 || cp === 45 || cp === 46 ? cp : -1;
  if (cp < 192 || cp === 215 || cp === 247) return -1;
  if (cp <= 222) return cp + 32;
  if (cp <= 255) return cp;
  if (cp === 304 || cp === 306 || cp === 307 || cp === 319 || cp === 320 || cp === 329 || cp === 383) return -1;
  if (cp === 376) return 255;
  if (cp < 312) return pair(cp, true);
  if (cp === 312) return cp;
  if (cp < 329) return pair(cp, false);
  if (cp < 376) return pair(cp, true);
  if (cp < 383) return pair(cp, false);
  if (cp < 880) return -1;
  if (cp === 902) return 940;
  if (cp >= 904 && cp <= 906) return cp + 37;
  if (cp === 908) return 972;
  if (cp === 910 || cp === 911) return cp + 63;
  if (cp >= 913 && cp <= 939 && cp !== 930) return cp + 32;
  if (cp >= 940 && cp <= 974 && cp !== 962) return cp;
  if (cp < 1024) return -1;
  if (cp < 1040) return cp + 80;
  if (cp < 1072) return cp + 32;
  if (cp < 1120) return cp;
  if (cp >= 1120 && cp <= 1153 || cp >= 1162 && cp <= 1215 || cp >= 1232 && cp <= 1327) return pair(cp, true);
  if (cp >= 1217 && cp <= 1230) return pair(cp, false);
  if (cp >= 12353 && cp <= 12438 || cp === 12445 || cp === 12446 || cp >= 12449 && cp <= 12538 || cp >= 12540 && cp <= 12542 || cp >= 13312 && cp <= 19903 || cp >= 19968 && cp <= 40959 || cp >= 44032 && cp <= 55203) return cp;
  return -1;
}
function digit(d) {
  return chr(d < 26 ? 97 + d : 22 + d);
}
function adapt(delta, points, first) {
  let d = first ? int(delta / DAMP) : int(delta / 2);
  d += int(d / points);
  let k = 0;
  while (d > int((BASE - TMIN) * TMAX / 2)) {
    d = int(d / (BASE - TMIN));
    k += BASE;
  }
  return k + int((BASE - TMIN + 1) * d / (d + SKEW));
}
function punycode(cps) {
  let out = "";
  for (let i = 0; i < length(cps); i++) if (cps[i] < 128) out += chr(cps[i]);
  const basic = length(out);
  let h = basic, n = 128, delta = 0, bias = 72;
  if (basic > 0) out += "-";
  while (h < length(cps)) {
    let m = 2147483647;
    for (let i = 0; i < length(cps); i++) if (cps[i] >= n && cps[i] < m) m = cps[i];
    delta += (m - n) * (h + 1);
    n = m;
    for (let i = 0; i < length(cps); i++) {
      if (cps[i] < n) delta++;
      if (cps[i] !== n) continue;
      let q = delta, k = BASE;
      while (true) {
        const t = k <= bias ? TMIN : k >= bias + TMAX ? TMAX : k - bias;
        if (q < t) break;
        out += digit(t + (q - t) % (BASE - t));
        q = int((q - t) / (BASE - t));
        k += BASE;
      }
      out += digit(q);
      bias = adapt(delta, h + 1, h === basic);
      delta = 0;
      h++;
    }
    delta++;
    n++;
  }
  return out;
}
function toAscii(name) {
  const cps = codepoints(name);
  if (cps === null) return null;
  const labels = [];
  let cur = [], wide = false;
  for (let i = 0; i <= length(cps); i++) {
    const cp = i === length(cps) || cps[i] === 12290 ? 46 : lower(cps[i]);
    if (cp < 0) return null;
    if (cp === 46) {
      push(labels, wide ? `xn--${punycode(cur)}` : join("", map(cur, (c) => chr(c))));
      cur = [];
      wide = false;
      continue;
    }
    if (cp >= 128) wide = true;
    push(cur, cp);
  }
  return join(".", labels);
}

// src/core/values.ts
let LABEL_BAD = /["'`\\;#{}$\/<>|&]/;
let CONTROL = /[\x01-\x1f\x7f]/;
let BLANKS = /[ \t]+/;
let WG_KEY = /^[A-Za-z0-9+\/]{42}[AEIMQUYcgkosw480]=$/;
let DECIMAL = /^(0|[1-9][0-9]{0,9})$/;
let PORT_RANGE = /^([^\n-]*)-([^\n-]*)$/;
let BOOL_WORDS = {
  "0": false,
  "1": true,
  on: true,
  off: false,
  yes: true,
  no: false,
  true: true,
  false: false,
  enabled: true,
  disabled: false
};
let TIME = /^([01][0-9]|2[0-3]):[0-5][0-9]$/;
let EDGE_DOTS = /^(\*\.|\.)+|\.+$/g;
let TRAILING_DOT = /\.$/;
let DOMAIN_CHARS = /^[a-z0-9.-]+$/;
let DOMAIN_EDGE = /(^|\.)-|-(\.|$)|\.\.|^\.|\.$/;
let LONG_LABEL = /[^.\n]{64}/;
let DIGITS_DOTS = /^[0-9.]+$/;
let IPV4 = /^[0-9]{1,3}(\.[0-9]{1,3}){3}$/;
let IPV6_CHARS = /^[0-9a-fA-F:.]+$/;
let NUMERIC_TOP = /(^|\.)[0-9]+$/;
let INET_ATON = /^(0[xX][0-9a-fA-F]*|[0-9]+)(\.(0[xX][0-9a-fA-F]*|[0-9]+))*$/;
let HOSTNAME = /^[a-zA-Z0-9]([a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?(\.[a-zA-Z0-9]([a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)*$/;
let ENDPOINT6 = /^\[([0-9a-fA-F:.]+)\]:([^:\n]*)$/;
let ENDPOINT = /^([a-zA-Z0-9.-]+):([^:\n]*)$/;
let MAC = /^[0-9a-fA-F]{2}(:[0-9a-fA-F]{2}){5}$/;
let IFNAME = /^[a-zA-Z0-9][a-zA-Z0-9_.-]*$/;
let HEX_MASK = /^0x[0-9a-fA-F]{1,8}$/;
let NAME_RE = /^[a-zA-Z][a-zA-Z0-9_]*$/;
function badName(v, max) {
  if (match(v, CONTROL) || !match(v, NAME_RE)) return msg("not_name", [v]);
  if (length(v) > max) return msg("too_long", [v, max]);
  return null;
}
function badLabel(v) {
  if (match(v, LABEL_BAD) || match(v, CONTROL))
    return msg("label_char", [v]);
  if (length(v) > 64) return msg("too_long", [v, 64]);
  return null;
}
function badKey(v) {
  if (!match(v, WG_KEY))
    return msg("not_key", [substr(v, 0, 4), length(v)]);
  return null;
}
function badInt(v, lo, hi) {
  if (!match(v, DECIMAL) || int(v) < lo || int(v) > hi) return msg("not_int", [v, int(lo), int(hi)]);
  return null;
}
function badPort(v) {
  return badInt(v, 1, 65535) ? msg("not_port", [v]) : null;
}
function badPortRange(v) {
  const m = match(v, PORT_RANGE);
  if (!m) return badPort(v);
  if (badInt(m[1], 1, 65535) || badInt(m[2], 1, 65535)) return msg("not_port_range", [v]);
  if (int(m[1]) > int(m[2])) return msg("range_reversed", [v]);
  return null;
}
function badBool(v) {
  return exists(BOOL_WORDS, v) ? null : msg("not_bool", [v]);
}
function bool(v) {
  return exists(BOOL_WORDS, v) && BOOL_WORDS[v];
}
function badTime(v) {
  return match(v, TIME) ? null : msg("not_time", [v]);
}
let WEEKDAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
let WEEKDAYS_FROM_MONDAY = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
function weekday(v) {
  const d = uc(substr(v, 0, 1)) + lc(substr(v, 1));
  for (let i = 0; i < 7; i++) if (WEEKDAYS[i] === d) return i;
  return -1;
}
function isDomain(v) {
  return !!match(v, DOMAIN_CHARS) && !match(v, DOMAIN_EDGE) && (length(v) < 64 || !match(v, LONG_LABEL));
}
function badDomain(v) {
  if (length(v) > 253) return msg("too_long", [v, 253]);
  if (isDomain(v)) return null;
  const bare = replace(v, EDGE_DOTS, "");
  const fix = toAscii(bare);
  if (fix === null || !isDomain(fix)) return msg("not_domain", [v]);
  if (bare !== v)
    return msg(match(v, TRAILING_DOT) ? "domain_trailing_dot" : "domain_wildcard", [v, fix]);
  if (fix !== lc(v)) return msg("idn_write_as", [v, fix]);
  return msg("lower_case", [v]);
}
function badHost(v) {
  if (match(v, DIGITS_DOTS)) return match(v, IPV4) && iptoarr(v) ? null : msg("not_ipv4", [v]);
  if (index(v, ":") >= 0) return match(v, IPV6_CHARS) && iptoarr(v) ? null : msg("not_ipv6", [v]);
  if (!match(v, HOSTNAME) || match(v, NUMERIC_TOP) || match(v, INET_ATON))
    return msg("not_host", [v]);
  return null;
}
function parseEndpoint(v) {
  let m = match(v, ENDPOINT6);
  if (!m) m = match(v, ENDPOINT);
  if (!m) return msg("not_endpoint", [v]);
  const e = badHost(m[1]) ?? badPort(m[2]);
  if (e) return e;
  return { host: m[1], port: int(m[2]) };
}
function badMac(v) {
  return match(v, MAC) ? null : msg("not_mac", [v]);
}
function badIfname(v) {
  if (!match(v, IFNAME)) return msg("not_ifname", [v]);
  if (length(v) > 15) return msg("ifname_too_long", [v]);
  return null;
}
let PROTOS = ["tcp", "udp", "icmp", "icmpv6", "sctp", "udplite", "gre", "esp"];
function badProto(v) {
  return v === "all" || v === "any" || index(PROTOS, v) >= 0 ? null : msg("not_proto", [v, `${join(" ", PROTOS)}, all`]);
}
function badWeekday(v) {
  return weekday(v) < 0 ? msg("not_weekday", [v]) : null;
}
let ACTIONS = ["proxy", "direct", "block"];
function badAction(v) {
  return index(ACTIONS, v) >= 0 ? null : msg("not_action", [v]);
}
function badUpstreamName(v) {
  const e = badName(v, 12);
  if (e) return e;
  const n = length(v);
  return n > 4 && substr(v, n - 4) === "_pkt" ? msg("name_pkt", [v]) : null;
}
let GROUP_MODES = ["failover", "balance"];
let SPREADS = ["connection", "destination"];
function badEnum(v, words) {
  return index(words, v) >= 0 ? null : msg("not_one_of", [v, join(", ", words)]);
}
let CLIENT_KINDS = ["device", "peer"];
function badClientKind(v) {
  return index(CLIENT_KINDS, v) >= 0 ? null : msg("not_kind", [v]);
}
function badEndpoint(v) {
  const p = parseEndpoint(v);
  return isMsg(p) ? p : null;
}
function badMarkMask(v) {
  return match(v, HEX_MASK) ? null : msg("not_hex_mask", [v]);
}

// src/core/lists.ts
let LIST_DIR = "/etc/splitwg/lists";
let LIST_BAD_MAX = 10;
let LIST_NAME = /^[A-Za-z0-9_+@%=,~-][A-Za-z0-9._+@%=,~-]*$/;
let LIST_PATH = /^(\/[A-Za-z0-9_+@%=,~-][A-Za-z0-9._+@%=,~-]*)+$/;
let ADDRESS_LIKE = /^[0-9.\/]+$/;
let URL_RE = /^https?:\/\/([A-Za-z0-9.-]+|\[[0-9A-Fa-f:.]+\])(:[0-9]+)?([\/?][^ \n"'<>\\^`{|};$#]*)?$/;
function badListFile(v) {
  if (length(v) > 255) return msg("too_long", [v, 255]);
  if (substr(v, 0, 1) === "/" ? match(v, LIST_PATH) : match(v, LIST_NAME)) return null;
  return msg("not_list_file", [v, LIST_DIR]);
}
function badUrl(v) {
  if (length(v) > 1024) return msg("too_long", [v, 1024]);
  return match(v, URL_RE) ? null : msg("not_url", [v]);
}
function listPath(v) {
  return substr(v, 0, 1) === "/" ? v : `${LIST_DIR}/${v}`;
}
function listStart(hash, keep) {
  return { ok: true, hash, domains: [], v4: 0, v6: 0, dest4: keep ? [] : null, dest6: keep ? [] : null, bad: [], badLines: 0 };
}
function listMissing() {
  return { ok: false, hash: "", domains: [], v4: 0, v6: 0, dest4: null, dest6: null, bad: [], badLines: 0 };
}
function lists_lineError(lf, n, m) {
  lf.badLines++;
  if (length(lf.bad) < LIST_BAD_MAX) push(lf.bad, { line: n, id: m.id, args: m.args });
  return null;
}
function listLine(lf, n, line) {
  const h = index(line, "#");
  const e = trim(h >= 0 ? substr(line, 0, h) : line);
  if (e === "") return null;
  const c = ord(e, 0), colon = index(e, ":") >= 0;
  if (colon || c >= 48 && c <= 57) {
    const t = prefixText(e);
    if (type(t) === "string") {
      const text = t;
      if (!colon) {
        lf.v4++;
        if (lf.dest4) push(lf.dest4, text);
        return { family: 4, text };
      }
      lf.v6++;
      if (lf.dest6) push(lf.dest6, text);
      return { family: 6, text };
    }
    if (colon || match(e, ADDRESS_LIKE)) return lists_lineError(lf, n, t);
  }
  const bad = badDomain(e);
  if (bad) return lists_lineError(lf, n, match(e, BLANKS) ? msg("list_one_entry", [e]) : bad);
  push(lf.domains, e);
  return null;
}
function readListText(text, hash, keep) {
  const lf = listStart(hash, keep);
  const lines = split(text, "\n");
  const n = length(lines);
  for (let i = 0; i < n; i++) listLine(lf, i + 1, lines[i]);
  return lf;
}
function listEntries(lf) {
  return length(lf.domains) + lf.v4 + lf.v6;
}

// src/core/schema.ts
let zoneName = (v) => badName(v, 11);
let upstreamName = (v) => badName(v, 12);
let sectionName = (v) => badName(v, 32);
let GLOBALS = {
  enabled: { kind: "bool", def: "1", doc: "`0` removes everything splitwg installed (same as `splitwg stop`)" },
  mark_mask: {
    kind: "string",
    def: "0x70000000",
    check: badMarkMask,
    doc: 'the fwmark bits splitwg owns: one contiguous run within bits 0–30. Rejected if it overlaps mwan3 `0x3f00`, pbr/podkop `0x00ff0000`, dae `0x08000000` or homeproxy\'s `0x7f`. Value 1 under the mask means "decided: direct", upstream *i* gets *i*+1, so a 3-bit mask allows 6 upstreams'
  },
  rule_priority: { kind: "int", def: "21000", min: 1, max: 32e3, doc: "ip-rule priority band: `lookup main suppress_prefixlength 0` at this priority, upstream *i* at priority + *i*" },
  table_base: { kind: "int", def: "2100", min: 256, max: 2147418112, doc: "upstream *i* routes through table `table_base + i`" },
  ipv6: {
    kind: "bool",
    def: "1",
    doc: "classify IPv6 too (v6 sets, rules, `rule6`/`route6`). With `0`, IPv6 from clients is routed normally — not classified (a `mac` or `interface` then identifies a client's IPv4 only) and not DNS-hijacked; a proxied domain reached over IPv6 would then leave direct"
  },
  dns_hijack: {
    kind: "bool",
    def: "1",
    doc: "default for clients: their DNS (port 53, any server on the internet) is answered by the router's dnsmasq, and DoT/DoQ (853) is dropped, so domain rules see every lookup. DNS and DoT to the router itself or to one of its [local networks](#local-destinations) are left alone: a Pi-hole on the LAN keeps answering (lookups it answers do not fill the domain sets)"
  },
  kill_switch: {
    kind: "bool",
    def: "1",
    doc: "proxied traffic is dropped (never sent direct) while its tunnel is down or its upstream disabled, or while the splitwg table is missing (firewall stopped): see [Kill switch](#kill-switch). With `0` none of it exists: while a tunnel is down its upstream table is empty, so its proxied traffic falls through to the main table and leaves direct by the WAN (what `explain --down` and `splitwg status` say); a disabled upstream's rules go direct"
  },
  set_timeout: { kind: "int", def: "86400", min: 0, max: 31536e3, doc: "seconds an address learned from DNS stays in a domain set (`0`: until the table is reloaded)" },
  lan_zone: { kind: "string", def: "lan", check: zoneName, doc: "fw4 zone of the LAN devices, for the forwardings splitwg adds" },
  wan_zone: { kind: "string", def: "wan", check: zoneName, doc: "fw4 zone of the WAN, for the forwardings splitwg adds" }
};
let SERVER = {
  enabled: { kind: "bool", def: "1", doc: "with `0` there is no `sw_server` interface (a peer client needs an enabled server)" },
  private_key: {
    kind: "string",
    check: badKey,
    doc: "required when enabled: LuCI's *Generate new key pair*, or `splitwg genkey`; a server that is enabled at first boot (an image's own config) without one gets one from `/etc/uci-defaults/90-splitwg`. The shipped config (server disabled) is never rewritten by the package, see [packaging.md](packaging.md#the-config-is-a-conffile)"
  },
  listen_port: { kind: "int", def: "51820", min: 1, max: 65535, check: badPort, doc: "fw4 rule `Allow-splitwg-server` opens it on WAN" },
  address: { kind: "string", list: true, check: badInterfaceAddress, doc: "the router's addresses with the pool prefix, e.g. `10.77.0.1/24`, `fd77:77::1/64`; peer addresses must lie inside" },
  endpoint: { kind: "string", check: badEndpoint, doc: "`host:port` written into the peers' `.conf` (`[v6]:port` for IPv6 literals)" },
  dns: { kind: "string", list: true, check: badIpAddress, doc: "DNS servers written into the peers' `.conf`" },
  mtu: { kind: "int", min: 1280, max: 9e3, doc: "of `sw_server`; unset: WireGuard's default" }
};
let UPSTREAM = {
  enabled: { kind: "bool", def: "1", doc: "rules that use a disabled upstream block (kill switch) or go direct" },
  name: { kind: "string", check: badLabel, doc: "a label shown in the UI (never written into a generated file)" },
  private_key: { kind: "string", check: badKey, doc: "required: the 32-byte base64 WireGuard key of this end" },
  public_key: { kind: "string", check: badKey, doc: "required: the provider's public key" },
  preshared_key: { kind: "string", check: badKey, doc: "optional" },
  address: {
    kind: "string",
    list: true,
    check: badInterfaceAddress,
    doc: "required: the tunnel addresses the provider assigned, e.g. `10.64.0.2/32`, `fd00:a::2/128` (without an IPv6 address, proxied IPv6 through this upstream is unreachable, never leaked)"
  },
  endpoint: {
    kind: "string",
    check: badEndpoint,
    doc: "required: `host:port` or `[2001:db8::1]:port`; the host is a name or a dotted-quad/IPv6 address, not a form a resolver reads as an address (`0x7f.1`, `vpn.1`)"
  },
  allowed_ips: { kind: "string", list: true, def: "0.0.0.0/0 ::/0", check: badPrefix, doc: "destinations the tunnel may carry" },
  mtu: { kind: "int", min: 1280, max: 9e3, doc: "of `sw_<name>`; unset: WireGuard's default" },
  keepalive: { kind: "int", min: 0, max: 65535, doc: "seconds between keepalive packets (unset or `0`: none)" },
  dns: { kind: "string", list: true, check: badIpAddress, doc: "the provider's DNS servers: the domains of rules that proxy through this upstream are resolved by them, inside the tunnel. See [DNS through the tunnel](#dns-through-the-tunnel)" },
  via: {
    kind: "string",
    check: upstreamName,
    doc: "another upstream this one is reached through (cascaded tunnels, multi-hop): its WireGuard packets go into `via`'s tunnel, never out by the WAN, so the first VPS sees only WireGuard traffic of the router. See [Cascaded upstreams](#cascaded-upstreams)"
  },
  probe: {
    kind: "string",
    check: badIpAddress,
    doc: "an address pinged through the tunnel (ICMP, bound to `sw_<name>`) by the health checker, e.g. the provider's DNS server: a tunnel that netifd keeps up while its peer is gone is told by this. See [Health and groups](#health-and-groups)"
  },
  probe_dns: { kind: "bool", def: "0", doc: "the `dns` servers are probed too, each pinged through the tunnel with `probe`: one that does not answer makes the probe a miss — the reachability of the servers that resolve this upstream's domains is part of its health" },
  probe_interval: { kind: "int", def: "5", min: 1, max: 3600, doc: "seconds between two probes" },
  down_after: { kind: "int", def: "2", min: 1, max: 100, doc: "probes missed in a row before the upstream is declared down" },
  up_after: { kind: "int", def: "2", min: 1, max: 100, doc: "probes answered in a row before a down upstream is declared up again" }
};
let GROUP = {
  member: { kind: "string", list: true, check: upstreamName, doc: "required: the upstreams of the group, in order of preference (failover) or sharing the load (balance)" },
  mode: { kind: "enum", def: "failover", values: GROUP_MODES, check: (v) => badEnum(v, GROUP_MODES), doc: "`failover`: new connections take the first member that is up; `balance`: they are spread over the members that are up" },
  spread: {
    kind: "enum",
    def: "connection",
    values: SPREADS,
    check: (v) => badEnum(v, SPREADS),
    doc: "balance only: `connection` gives new connections to the members in turn (round robin); `destination` keeps a destination address on one member (sites that tie a session to the client's address)"
  }
};
let CLIENT = {
  kind: { kind: "enum", def: "device", values: CLIENT_KINDS, check: badClientKind, doc: "a LAN device, or a road-warrior peer of the server" },
  enabled: { kind: "bool", def: "1", doc: "a disabled client's traffic is not classified" },
  name: { kind: "string", check: badLabel, doc: "label" },
  address: {
    kind: "string",
    list: true,
    check: badPrefix,
    doc: "device: IPv4/IPv6 addresses or prefixes (`192.168.1.0/28`); peer: its tunnel address(es), inside the server pools. One may not lie inside another of the same client (`address[1]: 192.168.1.5 overlaps 192.168.1.0/24 (address[0])`)"
  },
  mac: { kind: "string", list: true, check: badMac, doc: "device only: MAC addresses" },
  interface: { kind: "string", list: true, check: badIfname, doc: "device only: an incoming network device (e.g. `br-guest`): everything arriving there is this client" },
  public_key: { kind: "string", check: badKey, doc: "peer: required" },
  preshared_key: { kind: "string", check: badKey, doc: "peer: optional" },
  private_key: { kind: "string", check: badKey, doc: "peer: optional, stored so the router can hand out the `.conf` and QR code" },
  default: { kind: "enum", def: "direct", values: ACTIONS, check: badAction, doc: "what happens to traffic no rule matches" },
  upstream: { kind: "string", check: upstreamName, doc: "the client's upstream for `proxy` rules that name none (required when there are such rules)" },
  ruleset: { kind: "string", list: true, check: sectionName, doc: "shared rule sets, evaluated after the client's own rules, in this order" },
  dns_hijack: { kind: "bool", doc: "overrides `globals.dns_hijack` for this client" }
};
let RULESET = {
  name: { kind: "string", check: badLabel, doc: "label" }
};
let RULE = {
  client: { kind: "string", check: sectionName, doc: "the client the rule belongs to (a rule has `client` or `ruleset`, not both)" },
  ruleset: { kind: "string", check: sectionName, doc: "the rule set the rule belongs to" },
  enabled: { kind: "bool", def: "1", doc: "a disabled rule is still validated" },
  name: { kind: "string", check: badLabel, doc: "label, shown by `explain` and the UI; the nft table's comments name the rule by its id (`client.tv.rule[2]`), never by its label" },
  domain: {
    kind: "string",
    list: true,
    check: badDomain,
    doc: 'lower-case ASCII domain names; each also matches its subdomains (so `*.x.com`, `.x.com` and `x.com.` are refused with "write x.com"). An internationalised name is written in its ASCII form: `bücher.de` is refused with `write it as "xn--bcher-kva.de"`. Addresses the client resolves **through the router\'s dnsmasq** enter the rule\'s nft sets'
  },
  dest: { kind: "string", list: true, check: badPrefix, doc: "IPv4/IPv6 addresses or prefixes (host bits must be zero); they may overlap" },
  list_file: {
    kind: "string",
    list: true,
    check: badListFile,
    doc: "files of domains and/or addresses, one a line: a name in `/etc/splitwg/lists/` (`streaming.txt`) or an absolute path. See [List files](#list-files): checked by `splitwg check` with `file:line`; a changed file reloads only its set"
  },
  proto: { kind: "enum", list: true, values: PROTOS, check: badProto, doc: "or `all`: any protocol (also when none is given)" },
  port: { kind: "string", list: true, check: badPortRange, doc: "destination ports 1–65535 or ranges `from-to` with from ≤ to (`8000-8100`, `80-80`); with ports, `proto` defaults to tcp+udp" },
  start_time: { kind: "string", check: badTime, doc: "`HH:MM` local time of the router; window `[start, stop)`; `22:00`→`06:00` crosses midnight" },
  stop_time: { kind: "string", check: badTime, doc: "`HH:MM`, the end of the window (both or neither)" },
  weekdays: {
    kind: "enum",
    list: true,
    values: WEEKDAYS_FROM_MONDAY,
    check: badWeekday,
    doc: "the packet's local day must be one of them (for a window across midnight, the part after midnight belongs to the next day)"
  },
  action: { kind: "enum", def: "proxy", values: ACTIONS, check: badAction, doc: "what a match does: through an upstream, direct, or dropped" },
  upstream: { kind: "string", check: upstreamName, doc: "for `proxy`: a named upstream instead of the client's" }
};
let SUBSCRIPTION = {
  enabled: { kind: "bool", def: "1", doc: "with `0` the list is not fetched any more; its last copy stays (and feeds the rules that name it)" },
  url: { kind: "string", check: badUrl, doc: "required: `http://` or `https://` (https needs a TLS library for uclient-fetch, e.g. `libustream-mbedtls`, which OpenWrt images ship); the body is a list file: one domain or address a line" },
  interval: { kind: "int", def: "24", min: 1, max: 720, doc: "hours between fetches (cron checks every hour which lists are due)" },
  max_size: { kind: "int", def: "2048", min: 1, max: 32768, doc: "KiB: a larger download is refused (the download stops there) and the previous copy stays" }
};
let SCHEMA = {
  globals: GLOBALS,
  server: SERVER,
  upstream: UPSTREAM,
  group: GROUP,
  client: CLIENT,
  ruleset: RULESET,
  rule: RULE,
  subscription: SUBSCRIPTION
};
function checkOf(o) {
  if (o.check) return o.check;
  if (o.kind === "bool") return badBool;
  if (o.kind === "int") {
    const lo = o.min, hi = o.max;
    return (v) => badInt(v, lo, hi);
  }
  return null;
}

// src/core/options.ts
function problem(path, m) {
  return { path, id: m.id, args: m.args };
}
function badValue(v, check) {
  if (match(v, CONTROL)) return msg("control_char");
  return check ? check(v) : null;
}
function typed(kind, v) {
  if (kind === "bool") return bool(v);
  if (kind === "int") return int(v);
  return v;
}
function readList(o, k, v, check, path, problems) {
  let vals = type(v) === "array" ? v : filter(split(v, BLANKS), (x) => x !== "");
  if (!length(vals) && type(v) !== "array") vals = [v];
  const valid = match(join("", vals), CONTROL) ? (x) => badValue(x, check) : check;
  const out = [];
  let at = null;
  const n = length(vals);
  for (let i = 0; i < n; i++) {
    const x = vals[i];
    let e = valid ? valid(x) : null;
    if ((e !== null || !valid) && trim(x) === "") e = msg("empty");
    if (e === null) {
      push(out, x);
      if (at) push(at, i);
      continue;
    }
    if (!at) {
      at = [];
      for (let j = 0; j < i; j++) push(at, j);
    }
    o.bad[k] = true;
    push(problems, problem(`${path}[${i}]`, e));
  }
  o.at[k] = at;
  return out;
}
let PREPARED = {};
function prepared(t) {
  PREPARED[t] ??= map(keys(SCHEMA[t]), (k) => {
    const opt = SCHEMA[t][k];
    const def = opt.def === null ? opt.list ? [] : null : opt.list ? split(opt.def, " ") : typed(opt.kind, opt.def);
    return { k, opt, check: checkOf(opt), def };
  });
  return PREPARED[t];
}
function readOptions(sec, base, t, problems, own) {
  const o = { v: {}, bad: {}, at: {} };
  const opts = prepared(t), table = SCHEMA[t];
  for (let i = 0; i < length(opts); i++) {
    const p = opts[i], k = p.k;
    const v = sec.options[k] ?? null;
    if (v === null) {
      o.v[k] = p.opt.list ? [...p.def] : p.def;
      if (p.opt.list) o.at[k] = null;
      continue;
    }
    const check = own && own[k] ? own[k] : p.check;
    if (p.opt.list) {
      o.v[k] = readList(o, k, v, check, `${base}.${k}`, problems);
      continue;
    }
    o.v[k] = p.def;
    const e = type(v) === "array" ? msg("not_single") : v === "" ? msg("empty") : badValue(v, check);
    if (e !== null) {
      o.bad[k] = true;
      push(problems, problem(`${base}.${k}`, e));
    } else o.v[k] = typed(p.opt.kind, v);
  }
  for (let k in sec.options)
    if (!exists(table, k) && k !== ".name" && k !== ".type") push(problems, problem(`${base}.${k}`, msg("unknown_option")));
  return o;
}

// src/core/tunneldns.ts
function tunnelDns(cfg, down) {
  const routes = [], warnings = [];
  const byName = {};
  for (let i = 0; i < length(cfg.upstreams); i++) {
    const u = cfg.upstreams[i];
    if (u.enabled && length(u.dns)) push(routes, byName[u.name] = { upstream: u.name, iface: u.iface, servers: u.dns, domains: [] });
  }
  if (!length(routes)) return { routes, warnings };
  const owner = {};
  const clash = {};
  for (let i = 0; i < length(cfg.clients); i++) {
    const c = cfg.clients[i];
    if (!c.enabled) continue;
    for (let j = 0; j < length(c.rules); j++) {
      const r = c.rules[j];
      if (r.action !== "proxy" || !length(r.match.domains)) continue;
      const v = verdictOf(cfg, c, r, down ?? []);
      const t = v.action === "proxy" && v.upstream ? byName[v.upstream.name] : null;
      if (!t) continue;
      for (let k = 0; k < length(r.match.domains); k++) {
        const d = r.match.domains[k], was = owner[d];
        if (was === null) {
          owner[d] = t.upstream;
          push(t.domains, d);
        } else if (was !== t.upstream) {
          const key = `${was} ${t.upstream}`;
          clash[key] ??= { first: was, other: t.upstream, n: 0, example: d };
          clash[key].n++;
        }
      }
    }
  }
  for (let k in clash) {
    const x = clash[k];
    push(warnings, { path: `upstream.${x.other}.dns`, ...msg("warn_dns_clash", [x.n, x.example, x.first, x.other]) });
  }
  return { routes: filter(routes, (t) => length(t.domains) > 0), warnings };
}

// src/core/groups.ts
let BALANCE_SLOTS = 60;
let GROUP_STATE = "/var/run/splitwg/groups.nft";
function slotCount(mode) {
  return mode === "balance" ? BALANCE_SLOTS : 1;
}
function readGroup(sec, upstreams, problems) {
  const base = `group.${sec.name}`;
  const e = sec.anonymous ? msg("group_unnamed") : badUpstreamName(sec.name);
  if (e) push(problems, problem(base, e));
  const o = readOptions(sec, base, "group", problems);
  const g = { name: sec.name, mode: o.v.mode, spread: o.v.spread, members: [] };
  const at = o.at.member, ms = o.v.member;
  for (let i = 0; i < length(ms); i++) {
    const m = ms[i], path = `${base}.member[${at ? at[i] : i}]`;
    if (!upstreams[m]) push(problems, problem(path, msg("unknown_upstream", [m])));
    else if (index(g.members, m) >= 0) push(problems, problem(path, msg("group_member_twice", [m])));
    else push(g.members, m);
  }
  if (!length(ms) && !o.bad.member) push(problems, problem(`${base}.member`, msg("group_no_member")));
  if (g.mode !== "balance" && !o.bad.mode && sec.options.spread != null) push(problems, problem(`${base}.spread`, msg("group_spread_failover")));
  return g;
}
function families(u) {
  return `${carriesFamily(u, 4) ? "4" : ""}${carriesFamily(u, 6) ? "6" : ""}`;
}
function checkMembers(g, by, gl, problems, warnings) {
  const base = `group.${g.name}`;
  if (!gl.killSwitch) push(problems, problem(base, msg("group_kill_switch")));
  if (!length(g.members)) return;
  const first = by[g.members[0]];
  for (let i = 1; i < length(g.members); i++) {
    const u = by[g.members[i]];
    if (families(u) !== families(first))
      push(problems, problem(`${base}.member[${i}]`, msg("group_families", [u.name, first.name])));
  }
  for (let i = 0; i < length(g.members); i++) {
    const u = by[g.members[i]];
    if (u.health.probe === null && !length(u.health.dns) && !u.keepalive)
      push(warnings, problem(`upstream.${u.name}.probe`, msg("warn_health_unknown", [u.name, g.name])));
  }
}
function readGroups(sections, upstreams, gl, problems, warnings) {
  const by = {};
  for (let i = 0; i < length(upstreams); i++) by[upstreams[i].name] = upstreams[i];
  const out = [];
  for (let i = 0; i < length(sections); i++) {
    if (sections[i].type !== "group") continue;
    const g = readGroup(sections[i], by, problems);
    checkMembers(g, by, gl, problems, warnings);
    push(out, g);
  }
  return out;
}
function probed(u) {
  return u.health.probe !== null || length(u.health.dns) > 0;
}
function watched(cfg) {
  const inGroup = {};
  for (let i = 0; i < length(cfg.groups); i++)
    for (let j = 0; j < length(cfg.groups[i].members); j++) inGroup[cfg.groups[i].members[j]] = true;
  return filter(cfg.upstreams, (u) => u.enabled && (probed(u) || !!inGroup[u.name]));
}
function groupSlots(g, enabled, live) {
  if (g.mode !== "balance") return [length(live) ? live[0] : null];
  const out = [];
  const n = length(enabled), l = length(live);
  for (let i = 0; i < BALANCE_SLOTS; i++) {
    const k = int(i * n / BALANCE_SLOTS), m = enabled[k];
    if (!l) {
      push(out, null);
      continue;
    }
    if (index(live, m) >= 0) {
      push(out, m);
      continue;
    }
    const lo = int((k * BALANCE_SLOTS + n - 1) / n);
    const hi = int(((k + 1) * BALANCE_SLOTS + n - 1) / n);
    push(out, live[int((i - lo) * l / (hi - lo))]);
  }
  return out;
}
function slotRuns(slots) {
  const out = [];
  for (let i = 0; i < length(slots); ) {
    let j = i;
    while (j + 1 < length(slots) && slots[j + 1] === slots[i]) j++;
    push(out, { key: j > i ? `${i}-${j}` : `${i}`, member: slots[i] });
    i = j + 1;
  }
  return out;
}

// src/core/config.ts
let PORT_PROTO = /^(tcp|udp|sctp|udplite)$/;
let SERVER_IFACE = "sw_server";
let FOREIGN_MARKS = [[16128, "mwan3"], [16711680, "pbr/podkop"], [134217728, "dae"], [127, "homeproxy"]];
function checkMask(m, text, problems) {
  if (m === 0) push(problems, problem("globals.mark_mask", msg("mask_zero")));
  else if (m > 2147483647) push(problems, problem("globals.mark_mask", msg("mask_bit31", [text])));
  else {
    const low = markShift(m);
    if ((m + low & m) !== 0) push(problems, problem("globals.mark_mask", msg("mask_not_contiguous", [text])));
    for (let i = 0; i < length(FOREIGN_MARKS); i++)
      if (m & FOREIGN_MARKS[i][0]) push(problems, problem("globals.mark_mask", msg("mask_foreign", [text, sprintf("0x%x", FOREIGN_MARKS[i][0]), FOREIGN_MARKS[i][1]])));
  }
}
function readGlobals(sec, problems) {
  const s = sec ?? { type: "globals", name: "main", anonymous: false, options: {} };
  const o = readOptions(s, "globals", "globals", problems);
  const g = {
    enabled: o.v.enabled,
    markMask: int(o.v.mark_mask, 16),
    rulePriority: o.v.rule_priority,
    tableBase: o.v.table_base,
    ipv6: o.v.ipv6,
    dnsHijack: o.v.dns_hijack,
    killSwitch: o.v.kill_switch,
    setTimeout: o.v.set_timeout,
    lanZone: o.v.lan_zone,
    wanZone: o.v.wan_zone
  };
  if (!o.bad.mark_mask) checkMask(g.markMask, o.v.mark_mask, problems);
  return g;
}
function reportedPaths(problems) {
  const seen = {};
  for (let i = 0; i < length(problems); i++) {
    const p = problems[i].path;
    seen[p] = true;
    const b = rindex(p, "[");
    if (b > 0 && substr(p, -1) === "]") seen[substr(p, 0, b)] = true;
  }
  return seen;
}
function readUpstream(sec, problems) {
  const base = `upstream.${sec.name}`;
  if (sec.anonymous) push(problems, problem(base, msg("upstream_unnamed")));
  else {
    const e = badUpstreamName(sec.name);
    if (e) push(problems, problem(base, e));
  }
  const o = readOptions(sec, base, "upstream", problems);
  let host = "", port = 51820;
  if (o.v.endpoint === null) {
    if (!o.bad.endpoint) push(problems, problem(`${base}.endpoint`, msg("endpoint_required")));
  } else {
    const p = parseEndpoint(o.v.endpoint);
    host = p.host;
    port = p.port;
  }
  const u = {
    name: sec.name,
    iface: `sw_${sec.name}`,
    enabled: o.v.enabled,
    privateKey: o.v.private_key ?? "",
    addresses: o.v.address,
    publicKey: o.v.public_key ?? "",
    presharedKey: o.v.preshared_key,
    endpointHost: host,
    endpointPort: port,
    allowedIps: o.v.allowed_ips,
    mtu: o.v.mtu,
    keepalive: o.v.keepalive,
    dns: o.v.dns,
    via: o.v.via,
    health: { probe: o.v.probe, dns: o.v.probe_dns ? o.v.dns : [], interval: o.v.probe_interval, downAfter: o.v.down_after, upAfter: o.v.up_after },
    index: 0,
    mark: 0,
    table: 0
  };
  if (u.privateKey === "" && !o.bad.private_key) push(problems, problem(`${base}.private_key`, msg("required")));
  if (u.publicKey === "" && !o.bad.public_key) push(problems, problem(`${base}.public_key`, msg("required")));
  if (!length(u.addresses) && !o.bad.address) push(problems, problem(`${base}.address`, msg("upstream_no_address")));
  if (o.v.probe_dns && !length(o.v.dns) && !o.bad.dns) push(problems, problem(`${base}.probe_dns`, msg("probe_dns_none")));
  if (!length(u.allowedIps)) u.allowedIps = ["0.0.0.0/0", "::/0"];
  return u;
}
let WG_MTU = 1420;
let WG_OVERHEAD = 80;
function checkVia(upstreams, problems) {
  const by = {};
  for (let i = 0; i < length(upstreams); i++) by[upstreams[i].name] = upstreams[i];
  const loops = {};
  for (let i = 0; i < length(upstreams); i++) {
    const u = upstreams[i], path = `upstream.${u.name}.via`;
    if (u.via === null) continue;
    if (u.via === u.name) {
      push(problems, problem(path, msg("via_self")));
      loops[u.name] = true;
      continue;
    }
    if (!by[u.via]) {
      push(problems, problem(path, msg("unknown_upstream", [u.via])));
      loops[u.name] = true;
      continue;
    }
    const chain = [u.name];
    let w = by[u.via];
    while (w && index(chain, w.name) < 0) {
      push(chain, w.name);
      w = w.via !== null ? by[w.via] ?? null : null;
    }
    if (w && w.name === u.name) {
      push(problems, problem(path, msg("via_loop", [join(" → ", [...chain, u.name])])));
      loops[u.name] = true;
      continue;
    }
    if (w) {
      loops[u.name] = true;
      continue;
    }
    if (u.enabled && !by[u.via].enabled) push(problems, problem(path, msg("via_disabled", [u.via])));
  }
  const done = {};
  for (let pass = 0; pass < length(upstreams); pass++)
    for (let i = 0; i < length(upstreams); i++) {
      const u = upstreams[i];
      if (done[u.name] || loops[u.name]) continue;
      if (u.via === null) {
        done[u.name] = true;
        continue;
      }
      if (!done[u.via]) continue;
      done[u.name] = true;
      const outer = by[u.via], room = (outer.mtu ?? WG_MTU) - WG_OVERHEAD;
      if (u.mtu === null && room < 1280) push(problems, problem(`upstream.${u.name}.via`, msg("via_mtu_low", [u.via, room])));
      else if (u.mtu !== null && u.mtu > room) push(problems, problem(`upstream.${u.name}.mtu`, msg("via_mtu", [room, u.via, outer.mtu ?? WG_MTU])));
      else if (u.mtu === null) u.mtu = room;
    }
}
function readSubscriptions(sections, problems) {
  const out = [];
  for (let i = 0; i < length(sections); i++) {
    const sec = sections[i];
    if (sec.type !== "subscription") continue;
    const base = `subscription.${sec.name}`, n = length(problems);
    if (sec.anonymous) push(problems, problem(base, msg("subscription_unnamed", [LIST_DIR])));
    const o = readOptions(sec, base, "subscription", problems);
    if (o.v.url === null && !o.bad.url) push(problems, problem(`${base}.url`, msg("url_required")));
    if (length(problems) === n)
      push(out, { name: sec.name, path: listPath(sec.name), enabled: o.v.enabled, url: o.v.url, interval: o.v.interval, maxSize: o.v.max_size });
  }
  return out;
}
function fetchedYet(subs, problems) {
  const by = {};
  for (let i = 0; i < length(subs); i++) by[subs[i].path] = subs[i].name;
  for (let i = 0; i < length(problems); i++) {
    const p = problems[i];
    if (p.id === "list_unreadable" && by[p.args[0]]) problems[i] = problem(p.path, msg("list_not_fetched", [p.args[0], by[p.args[0]]]));
  }
}
function readServer(sec, problems) {
  const o = readOptions(sec, "server", "server", problems);
  const s = {
    enabled: o.v.enabled,
    iface: SERVER_IFACE,
    privateKey: o.v.private_key ?? "",
    listenPort: o.v.listen_port,
    addresses: o.v.address,
    endpoint: o.v.endpoint,
    dns: o.v.dns,
    mtu: o.v.mtu
  };
  if (s.enabled && s.privateKey === "" && !o.bad.private_key) push(problems, problem("server.private_key", msg("server_key_required")));
  if (s.enabled && !length(s.addresses) && !o.bad.address) push(problems, problem("server.address", msg("server_no_address")));
  return s;
}
function readRuleLists(id, values, at, lists, problems) {
  const refs = [];
  let domains = [];
  if (!lists) return { refs, domains };
  const seen = {};
  for (let i = 0; i < length(values); i++) {
    const path = listPath(values[i]);
    if (seen[path]) continue;
    seen[path] = true;
    const where = `${id}.list_file[${at ? at[i] : i}]`;
    const lf = lists[path];
    if (!lf || !lf.ok) {
      push(problems, problem(where, msg("list_unreadable", [path])));
      continue;
    }
    if (lf.changed) {
      push(problems, problem(where, msg("list_changed", [path])));
      continue;
    }
    for (let j = 0; j < length(lf.bad); j++)
      push(problems, problem(where, msg("list_line", [path, lf.bad[j].line, { id: lf.bad[j].id, args: lf.bad[j].args }])));
    if (lf.badLines > length(lf.bad)) push(problems, problem(where, msg("list_more", [path, lf.badLines - length(lf.bad)])));
    push(refs, { path, hash: lf.hash, v4: lf.v4, v6: lf.v6, domains: length(lf.domains), dest4: lf.dest4, dest6: lf.dest6 });
    if (length(lf.domains)) domains = length(domains) ? [...domains, ...lf.domains] : lf.domains;
  }
  return { refs, domains };
}
function emptyLists(m, ipv6) {
  if (!length(m.lists) || length(m.domains) || length(m.dest4) || ipv6 && length(m.dest6)) return false;
  for (let i = 0; i < length(m.lists); i++) if (m.lists[i].v4 || ipv6 && m.lists[i].v6) return false;
  return true;
}
function readRule(sec, id, setBase, problems, lists, g, warnings) {
  const dest4 = [], dest6 = [];
  const destSeen = {};
  const dest = (v) => addPrefix(v, dest4, dest6, destSeen);
  const o = readOptions(sec, id, "rule", problems, { dest });
  const protos = o.v.proto;
  const fed = readRuleLists(id, o.v.list_file, o.at.list_file, lists, problems);
  const own = uniq(o.v.domain);
  const m = {
    domains: length(fed.domains) ? uniq([...own, ...fed.domains]) : own,
    optDomains: own,
    dest4,
    dest6,
    lists: fed.refs,
    protos: index(protos, "all") >= 0 || index(protos, "any") >= 0 ? [] : uniq(protos),
    ports: uniq(o.v.port),
    startTime: o.v.start_time,
    stopTime: o.v.stop_time,
    weekdays: uniq(map(o.v.weekdays, weekday))
  };
  const action = o.v.action;
  const rule = {
    id,
    setBase,
    name: o.v.name ?? "",
    match: m,
    action,
    upstream: o.v.upstream
  };
  if (m.startTime === null !== (m.stopTime === null) && !o.bad.start_time && !o.bad.stop_time)
    push(problems, problem(`${id}.${m.startTime === null ? "start_time" : "stop_time"}`, msg("window_half")));
  else if (m.startTime !== null && m.startTime === m.stopTime)
    push(problems, problem(`${id}.stop_time`, msg("window_empty")));
  if (length(m.ports)) {
    for (let i = 0; i < length(m.protos); i++)
      if (!match(m.protos[i], PORT_PROTO))
        push(problems, problem(`${id}.proto`, msg("ports_need_proto", [m.protos[i]])));
  }
  if (rule.upstream !== null && action !== "proxy" && !o.bad.action)
    push(problems, problem(`${id}.upstream`, msg("upstream_not_proxy", [action])));
  if (o.v.enabled && emptyLists(m, g.ipv6)) push(warnings, problem(`${id}.list_file`, msg("warn_list_empty")));
  return o.v.enabled ? rule : null;
}
function readSources(c, srcs, at, problems) {
  const seen = {};
  const all = [], pos = [];
  for (let i = 0; i < length(srcs); i++) {
    const p = parsePrefix(srcs[i]);
    if (seen[p.text]) continue;
    seen[p.text] = true;
    let clash = -1;
    for (let j = 0; j < length(all) && clash < 0; j++) if (prefixesOverlap(all[j], p)) clash = j;
    if (clash >= 0) {
      push(problems, problem(`client.${c.name}.address[${at ? at[i] : i}]`, msg("address_overlap_own", [p.text, all[clash].text, pos[clash]])));
      continue;
    }
    push(all, p);
    push(pos, at ? at[i] : i);
    push(p.family === 4 ? c.src4 : c.src6, p);
  }
}
function readClient(sec, problems, g) {
  const base = `client.${sec.name}`;
  if (sec.anonymous) push(problems, problem(base, msg("client_unnamed")));
  else {
    const e = badName(sec.name, 32);
    if (e) push(problems, problem(base, e));
  }
  const o = readOptions(sec, base, "client", problems);
  const kind = o.v.kind;
  const srcs = o.v.address;
  const c = {
    name: sec.name,
    kind,
    enabled: o.v.enabled,
    publicKey: o.v.public_key,
    privateKey: o.v.private_key,
    presharedKey: o.v.preshared_key,
    src4: [],
    src6: [],
    macs: uniq(map(o.v.mac, lc)),
    ifaces: uniq(o.v.interface),
    defaultAction: o.v.default,
    upstream: o.v.upstream,
    rulesets: o.v.ruleset,
    dnsHijack: o.v.dns_hijack ?? g.dnsHijack,
    rules: []
  };
  readSources(c, srcs, o.at.address, problems);
  if (o.bad.kind) {
  } else if (kind === "peer") {
    if (c.publicKey === null && !o.bad.public_key) push(problems, problem(`${base}.public_key`, msg("peer_key_required")));
    if (!length(srcs) && !o.bad.address) push(problems, problem(`${base}.address`, msg("peer_no_address")));
    if (length(c.macs) || length(c.ifaces)) push(problems, problem(base, msg("peer_by_address")));
  } else {
    if (sec.options.address == null && sec.options.mac == null && sec.options.interface == null)
      push(problems, problem(base, msg("device_no_identity")));
    if (c.publicKey !== null || c.privateKey !== null) push(problems, problem(`${base}.public_key`, msg("device_no_keys")));
  }
  return c;
}
function prefixKey(p, len) {
  return `${p.family}/${join(".", maskBytes(p.bytes, len))}/${len}`;
}
function prefixClashes(clients, on, out) {
  const owners = {};
  const lens = { "4": [], "6": [] };
  const all = map(clients, (c) => [...c.src4, ...c.src6]);
  for (let n = 0; n < length(on); n++) {
    const ps = all[on[n]];
    for (let x = 0; x < length(ps); x++) {
      const k = prefixKey(ps[x], ps[x].len);
      owners[k] ??= [];
      push(owners[k], [on[n], x]);
      if (index(lens[`${ps[x].family}`], ps[x].len) < 0) push(lens[`${ps[x].family}`], ps[x].len);
    }
  }
  const seen = {};
  for (let n = 0; n < length(on); n++) {
    const c = on[n], ps = all[c];
    for (let y = 0; y < length(ps); y++) {
      const q = ps[y], ls = lens[`${q.family}`];
      for (let l = 0; l < length(ls); l++) {
        if (ls[l] > q.len) continue;
        const hits = owners[prefixKey(q, ls[l])] ?? [];
        for (let h = 0; h < length(hits); h++) {
          const o = hits[h][0];
          if (o === c) continue;
          const cl = o < c ? { i: o, j: c, kind: 0, x: hits[h][1], y } : { i: c, j: o, kind: 0, x: y, y: hits[h][1] };
          const id = `${cl.i},${cl.j},${cl.x},${cl.y}`;
          if (!seen[id]) {
            seen[id] = true;
            push(out, cl);
          }
        }
      }
    }
  }
}
function identityClashes(clients, on, kind, out) {
  const owners = {};
  for (let n = 0; n < length(on); n++) {
    const c = on[n], ids = kind === 1 ? clients[c].macs : clients[c].ifaces;
    for (let x = 0; x < length(ids); x++) {
      const earlier = owners[ids[x]] ?? [];
      for (let h = 0; h < length(earlier); h++) if (earlier[h] !== c) push(out, { i: earlier[h], j: c, kind, x, y: 0 });
      owners[ids[x]] ??= [];
      if (index(owners[ids[x]], c) < 0) push(owners[ids[x]], c);
    }
  }
}
function checkOverlaps(clients, problems) {
  const on = [];
  for (let i = 0; i < length(clients); i++) if (clients[i].enabled) push(on, i);
  const out = [];
  prefixClashes(clients, on, out);
  identityClashes(clients, on, 1, out);
  identityClashes(clients, on, 2, out);
  const sorted = sort(out, (p, q) => p.i - q.i || p.j - q.j || p.kind - q.kind || p.x - q.x || p.y - q.y);
  for (let n = 0; n < length(sorted); n++) {
    const k = sorted[n], a = clients[k.i], b = clients[k.j];
    if (k.kind === 0) {
      const pa = [...a.src4, ...a.src6][k.x], pb = [...b.src4, ...b.src6][k.y];
      push(problems, problem(`client.${b.name}.address`, msg("address_overlap", [pb.text, pa.text, a.name])));
    } else if (k.kind === 1) push(problems, problem(`client.${b.name}.mac`, msg("identity_shared", [b.macs[k.x], a.name])));
    else push(problems, problem(`client.${b.name}.interface`, msg("identity_shared", [b.ifaces[k.x], a.name])));
  }
}
function sectionPath(s) {
  if (s.type === "globals" || s.type === "server") return s.type;
  if (s.type === "rule") return `rule ${s.name}`;
  return index(["upstream", "group", "client", "ruleset"], s.type) >= 0 ? `${s.type}.${s.name}` : s.name;
}
function uniqueSections(sections, problems) {
  const first = {};
  const out = [];
  for (let i = 0; i < length(sections); i++) {
    const s = sections[i];
    const t = s.anonymous ? null : first[s.name];
    if (t === null || t === null) {
      if (!s.anonymous) first[s.name] = s.type;
      push(out, s);
    } else push(problems, problem(sectionPath(s), t === s.type ? msg("defined_twice") : msg("name_taken", [t])));
  }
  return out;
}
function badOwner(v) {
  if (type(v) === "array") return msg("not_single");
  return v === "" ? msg("empty") : badName(v, 32);
}
function byType(sections, t) {
  return filter(sections, (s) => s.type === t);
}
function identifiedFamilies(c, ipv6) {
  const all = c.kind === "peer" || length(c.macs) > 0 || length(c.ifaces) > 0;
  return { v4: all || length(c.src4) > 0, v6: ipv6 && (all || length(c.src6) > 0) };
}
function familyWarnings(clients, g) {
  const out = [];
  for (let i = 0; i < length(clients); i++) {
    const c = clients[i];
    if (!c.enabled || c.kind !== "device" || !g.enabled) continue;
    const f = identifiedFamilies(c, g.ipv6);
    const path = `client.${c.name}.address`;
    if (g.ipv6 && f.v4 && !f.v6)
      push(out, problem(path, msg("warn_v4_only")));
    else if (g.ipv6 && f.v6 && !f.v4)
      push(out, problem(path, msg("warn_v6_only")));
    else if (!g.ipv6 && !f.v4 && length(c.src6))
      push(out, problem(path, msg("warn_v6_only_off")));
  }
  return out;
}
function checkReferences(c, upstreams, seen, problems) {
  const base = `client.${c.name}`;
  if (c.upstream !== null && !upstreams[c.upstream]) push(problems, problem(`${base}.upstream`, msg("unknown_upstream", [c.upstream])));
  const needsDefault = c.defaultAction === "proxy" || length(filter(c.rules, (r) => r.action === "proxy" && r.upstream === null && !seen[`${r.id}.action`] && !seen[`${r.id}.upstream`]));
  if (needsDefault && c.upstream === null && !seen[`${base}.upstream`])
    push(problems, problem(`${base}.upstream`, msg("upstream_required")));
  for (let i = 0; i < length(c.rules); i++) {
    const r = c.rules[i];
    if (r.upstream !== null && !upstreams[r.upstream]) push(problems, problem(`${r.id}.upstream`, msg("unknown_upstream", [r.upstream])));
  }
}
function checkPeerAddress(c, server, problems) {
  if (!server || !server.enabled) {
    push(problems, problem(`client.${c.name}`, msg("peer_no_server")));
    return;
  }
  const all = [...c.src4, ...c.src6];
  for (let i = 0; i < length(all); i++) {
    let inside = false;
    for (let j = 0; j < length(server.addresses); j++) {
      const pool = interfaceNetwork(server.addresses[j]);
      if (pool && prefixContains(pool, all[i].bytes)) inside = true;
    }
    if (!inside) push(problems, problem(`client.${c.name}.address`, msg("outside_pools", [all[i].text])));
  }
}
function readConfig(all, lists) {
  const problems = [];
  const warnings = [];
  const files = lists ?? null;
  const sections = uniqueSections(all, problems);
  const known = keys(SCHEMA);
  for (let i = 0; i < length(sections); i++)
    if (index(known, sections[i].type) < 0)
      push(problems, problem(sections[i].name, msg("unknown_section_type", [sections[i].type, join(", ", known)])));
  const gs = byType(sections, "globals");
  if (length(gs) > 1) push(problems, problem("globals", msg("globals_twice")));
  const globals = readGlobals(length(gs) ? gs[0] : null, problems);
  const ss = byType(sections, "server");
  if (length(ss) > 1) push(problems, problem("server", msg("server_twice")));
  const server = length(ss) ? readServer(ss[0], problems) : null;
  const upstreams = map(byType(sections, "upstream"), (s) => readUpstream(s, problems));
  const names = {};
  for (let i = 0; i < length(upstreams); i++) {
    const u = upstreams[i];
    if (u.iface === SERVER_IFACE) push(problems, problem(`upstream.${u.name}`, msg("name_reserved", [SERVER_IFACE])));
    names[u.name] = true;
  }
  const shift = globals.markMask ? markShift(globals.markMask) : 1;
  const maxValue = globals.markMask ? int(globals.markMask / shift) : 0;
  for (let i = 0; i < length(upstreams); i++) {
    const u = upstreams[i];
    u.index = i + 1;
    u.mark = (i + 2) * shift;
    u.table = globals.tableBase + i + 1;
  }
  if (length(upstreams) + 1 > maxValue && !reportedPaths(problems)["globals.mark_mask"])
    push(problems, problem("globals.mark_mask", msg("mask_room", [sprintf("0x%08x", globals.markMask), maxValue - 1, length(upstreams)])));
  checkVia(upstreams, problems);
  for (let i = 0; i < length(upstreams); i++)
    if (upstreams[i].via !== null && upstreams[i].enabled && !globals.killSwitch)
      push(problems, problem(`upstream.${upstreams[i].name}.via`, msg("via_kill_switch", [upstreams[i].via])));
  const groups = readGroups(sections, upstreams, globals, problems, warnings);
  for (let i = 0; i < length(groups); i++) names[groups[i].name] = true;
  const rulesets = {};
  const rsSections = byType(sections, "ruleset");
  for (let i = 0; i < length(rsSections); i++) {
    const e = rsSections[i].anonymous ? msg("ruleset_unnamed") : badName(rsSections[i].name, 32);
    if (e) push(problems, problem(`ruleset.${rsSections[i].name}`, e));
    readOptions(rsSections[i], `ruleset.${rsSections[i].name}`, "ruleset", problems);
    rulesets[rsSections[i].name] = [];
  }
  const subscriptions = readSubscriptions(sections, problems);
  const clients = map(byType(sections, "client"), (s) => readClient(s, problems, globals));
  const byClient = {};
  for (let i = 0; i < length(clients); i++) byClient[clients[i].name] = [];
  const ruleSecs = byType(sections, "rule");
  for (let i = 0; i < length(ruleSecs); i++) {
    const s = ruleSecs[i];
    const cl = s.options.client, rs = s.options.ruleset;
    const refErr = (cl != null ? badOwner(cl) : null) ?? (rs != null ? badOwner(rs) : null);
    if (refErr) {
      push(problems, problem(`rule ${s.name}.${cl != null ? "client" : "ruleset"}`, refErr));
      continue;
    }
    if (cl == null === (rs == null)) push(problems, problem(`rule ${s.name}`, msg("rule_owner")));
    else if (cl != null && !byClient[cl]) push(problems, problem(`rule ${s.name}.client`, msg("unknown_client", [cl])));
    else if (rs != null && !rulesets[rs]) push(problems, problem(`rule ${s.name}.ruleset`, msg("unknown_ruleset", [rs])));
    else push(cl != null ? byClient[cl] : rulesets[rs], s);
  }
  const rsRules = {};
  for (let n in rulesets) {
    rsRules[n] = [];
    for (let i = 0; i < length(rulesets[n]); i++) {
      const r = readRule(rulesets[n][i], `ruleset.${n}.rule[${i}]`, `rs_${n}_${i}`, problems, files, globals, warnings);
      if (r) push(rsRules[n], r);
    }
  }
  for (let i = 0; i < length(clients); i++) {
    const c = clients[i];
    const mine = byClient[c.name];
    for (let j = 0; j < length(mine); j++) {
      const r = readRule(mine[j], `client.${c.name}.rule[${j}]`, `c_${c.name}_${j}`, problems, files, globals, warnings);
      if (r) push(c.rules, r);
    }
    for (let j = 0; j < length(c.rulesets); j++) {
      const rs = rsRules[c.rulesets[j]];
      if (!rs) push(problems, problem(`client.${c.name}.ruleset[${j}]`, msg("unknown_ruleset", [c.rulesets[j]])));
      else for (let k = 0; k < length(rs); k++) push(c.rules, rs[k]);
    }
  }
  fetchedYet(subscriptions, problems);
  const seen = reportedPaths(problems);
  for (let i = 0; i < length(clients); i++) {
    const c = clients[i];
    checkReferences(c, names, seen, problems);
    if (c.kind === "peer" && c.enabled && !seen["server.address"]) checkPeerAddress(c, server, problems);
  }
  checkOverlaps(clients, problems);
  const fw = familyWarnings(clients, globals);
  for (let i = 0; i < length(fw); i++) push(warnings, fw[i]);
  if (length(problems)) return { config: null, problems, warnings };
  const config = { globals, server, upstreams, groups, clients, subscriptions, tunnelDns: [] };
  const td = tunnelDns(config);
  config.tunnelDns = td.routes;
  for (let i = 0; i < length(td.warnings); i++) push(warnings, td.warnings[i]);
  return { config, problems, warnings };
}
function check(sections, lists) {
  return readConfig(sections, lists).problems;
}
function listPaths(sections) {
  const out = [];
  const seen = {};
  for (let i = 0; i < length(sections); i++) {
    const s = sections[i];
    const v = s.type === "rule" ? s.options.list_file : null;
    if (v === null || v === null) continue;
    const vals = type(v) === "array" ? v : split(v, BLANKS);
    for (let j = 0; j < length(vals); j++) {
      if (vals[j] === "" || match(vals[j], CONTROL) || badListFile(vals[j])) continue;
      const p = listPath(vals[j]);
      if (!seen[p]) {
        seen[p] = true;
        push(out, p);
      }
    }
  }
  return out;
}

// src/core/templates.ts
let DATE = /^[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]$/;
let RULE_FIELDS = ["name", "enabled", "action", "domain", "dest", "proto", "port", "start_time", "stop_time", "weekdays"];
let LIST_FIELDS = ["domain", "dest", "proto", "port", "weekdays", "list_file"];
function templates_problem(path, m) {
  return { path, id: m.id, args: m.args };
}
function isText(v) {
  return type(v) === "string" && v !== "";
}
function ruleOptions(r, path, owner, fields, problems) {
  const o = { ...owner };
  for (let k in r) {
    const v = r[k];
    if (index(fields, k) < 0) push(problems, templates_problem(`${path}.${k}`, msg("tpl_unknown_field", [k, join(", ", fields)])));
    else if (k === "enabled" && type(v) === "bool") o[k] = v ? "1" : "0";
    else if (index(LIST_FIELDS, k) >= 0) {
      if (type(v) !== "array" || length(filter(v, (x) => type(x) !== "string")) > 0) push(problems, templates_problem(`${path}.${k}`, msg("tpl_list")));
      else o[k] = v;
    } else if (type(v) !== "string") push(problems, templates_problem(`${path}.${k}`, msg("tpl_text")));
    else o[k] = v;
  }
  return o;
}
function templateSections(doc, ruleset) {
  const problems = [];
  const sections = [];
  if (type(doc) !== "object" || doc.format !== "splitwg-rules" || doc.version !== 1) {
    push(problems, templates_problem("format", msg("tpl_format")));
    return { sections, problems };
  }
  if (!isText(doc.label)) push(problems, templates_problem("label", msg("tpl_text")));
  if (!isText(doc.description)) push(problems, templates_problem("description", msg("tpl_text")));
  if (!isText(doc.date) || !match(doc.date, DATE)) push(problems, templates_problem("date", msg("tpl_date", [`${doc.date ?? ""}`])));
  if (type(doc.rules) !== "array" || !length(doc.rules)) {
    push(problems, templates_problem("rules", msg("tpl_no_rules")));
    return { sections, problems };
  }
  push(sections, { type: "ruleset", name: ruleset, anonymous: false, options: isText(doc.label) ? { name: doc.label } : {} });
  const rules = doc.rules;
  for (let i = 0; i < length(rules); i++) {
    const r = rules[i];
    if (type(r) !== "object") {
      push(problems, templates_problem(`rules[${i}]`, msg("tpl_rule_object")));
      continue;
    }
    push(sections, { type: "rule", name: `@rule[${i}]`, anonymous: true, options: ruleOptions(r, `rules[${i}]`, { ruleset }, RULE_FIELDS, problems) });
  }
  if (length(problems)) return { sections, problems };
  const c = readConfig(sections);
  return { sections, problems: c.problems };
}

// src/core/onboard.ts
let NOT_NAME_CHAR = /[^a-z0-9_\n]|\n/g;
let LETTER_FIRST = /^[a-z]/;
let CONF_NAME = /\.[cC][oO][nN][fF]$/;
let ZIP_ENTRIES = 64;
let CONF_BYTES = 65536;
function nameFromFile(path) {
  let base = path;
  const slash = rindex(base, "/");
  if (slash >= 0) base = substr(base, slash + 1);
  const dot = rindex(base, ".");
  if (dot > 0) base = substr(base, 0, dot);
  base = replace(lc(base), NOT_NAME_CHAR, "_");
  if (!match(base, LETTER_FIRST)) base = `u_${base}`;
  return substr(base, 0, 12);
}
function isConfEntry(name) {
  if (!match(name, CONF_NAME)) return false;
  const base = substr(name, rindex(name, "/") + 1);
  return substr(name, 0, 9) !== "__MACOSX/" && substr(base, 0, 2) !== "._";
}
function uniqueNames(files) {
  const seen = {};
  const out = [];
  for (let i = 0; i < length(files); i++) {
    let n = nameFromFile(files[i]);
    for (let k = 2; seen[n]; k++) n = `${substr(nameFromFile(files[i]), 0, 12 - length(`_${k}`))}_${k}`;
    seen[n] = true;
    push(out, n);
  }
  return out;
}

// src/core/domains.ts
let LINE_MAX = 1e3;
function nftsetTargets(stems, fams) {
  const out = [];
  for (let i = 0; i < length(stems); i++) {
    const f = fams[stems[i]];
    if (f.v4) push(out, `4#inet#splitwg#${stems[i]}_d4`);
    if (f.v6) push(out, `6#inet#splitwg#${stems[i]}_d6`);
  }
  return join(",", out);
}
function covering(byDomain, d) {
  let hits = byDomain[d], merged = false;
  for (let rest = d, k = index(rest, "."); k >= 0; k = index(rest, ".")) {
    rest = substr(rest, k + 1);
    if (byDomain[rest]) {
      hits = [...hits, ...byDomain[rest]];
      merged = true;
    }
  }
  return merged ? sort(uniq(hits), (a, b) => a - b) : hits;
}
function domainPlan(cfg) {
  const families = ruleFamilies(cfg);
  const rules = filter(activeRules(cfg), (r) => length(r.match.domains) > 0 && (families[r.id].v4 || families[r.id].v6));
  const stems = {};
  for (let i = 0; i < length(rules); i++) stems[rules[i].setBase] = families[rules[i].id];
  const byDomain = {};
  for (let i = 0; i < length(rules); i++)
    for (let j = 0; j < length(rules[i].match.domains); j++) {
      const d = rules[i].match.domains[j], l = byDomain[d];
      if (!l) byDomain[d] = [i];
      else if (l[length(l) - 1] !== i) push(l, i);
    }
  const groups = [], shared = [];
  const byHits = {};
  const led = {};
  const direct = map(rules, () => false);
  const sorted = sort(keys(byDomain));
  for (let i = 0; i < length(sorted); i++) {
    const d = sorted[i];
    const hits = covering(byDomain, d);
    const key = length(hits) === 1 ? `${hits[0]}` : join(",", hits);
    let g = byHits[key];
    if (!g) {
      const own = map(hits, (h) => rules[h].setBase);
      g = byHits[key] = { targets: nftsetTargets(own, stems), domains: [] };
      push(groups, g);
    }
    if (length(d) + length(g.targets) + 9 <= LINE_MAX) {
      if (!length(g.domains)) for (let k = 0; k < length(hits); k++) direct[hits[k]] = true;
      push(g.domains, d);
      continue;
    }
    let s = byHits[`shared ${key}`];
    if (!s) {
      const lead = rules[hits[0]].setBase;
      led[lead] ??= 0;
      const stem = `${lead}_g${led[lead]}`;
      let f = { v4: false, v6: false };
      for (let k = 0; k < length(hits); k++) f = { v4: f.v4 || families[rules[hits[k]].id].v4, v6: f.v6 || families[rules[hits[k]].id].v6 };
      stems[stem] = f;
      s = byHits[`shared ${key}`] = { targets: nftsetTargets([stem], stems), domains: [] };
      push(shared, { stem: `${lead}_g${led[lead]}`, rules: map(hits, (h) => rules[h]), domains: s.domains });
      push(groups, s);
      led[lead]++;
    }
    push(s.domains, d);
  }
  const used = filter(groups, (g) => length(g.domains) > 0);
  const byRule = {};
  for (let i = 0; i < length(rules); i++) if (direct[i]) byRule[rules[i].id] = [rules[i].setBase];
  for (let i = 0; i < length(shared); i++)
    for (let j = 0; j < length(shared[i].rules); j++) {
      const id = shared[i].rules[j].id;
      byRule[id] ??= [];
      push(byRule[id], shared[i].stem);
    }
  return { rules, groups: used, count: length(sorted), shared, byRule, families: families, stems };
}

// src/core/nft.ts
let NFT = {
  family: "inet",
  table: "splitwg",
  prerouting: "prerouting",
  dstnat: "dstnat",
  dnsClient: "dns_client",
  dnsHijack: "dns_hijack",
  forward: "forward",
  clientMaps: "client",
  // + MAP_KINDS suffix: source → client chain
  hijackMaps: "hijack",
  // … → DNS hijacked or not
  local4: "local4",
  local6: "local6"
};
function clientChainName(client) {
  return `client_${client}`;
}
function markChainName(upstream, pkt) {
  return `${upstream === null ? "mark_direct" : "up_" + upstream}${pkt ? "_pkt" : ""}`;
}
function groupChainName(group, pkt) {
  return `grp_${group}${pkt ? "_pkt" : ""}`;
}
function rulesetChainName(ruleset, n) {
  return `rs_${ruleset}_${n}`;
}
function rule(expr, verdict, target, comment, o) {
  return { expr, counter: o ? o.counter === true : false, verdict, target, comment: comment, sets: o && o.sets ? o.sets : [], ref: o && o.ref ? o.ref : null };
}
function chain(name, rules, o) {
  return {
    name,
    base: o && o.base ? o.base : null,
    why: o && o.why ? o.why : null,
    note: o && o.note ? o.note : null,
    client: o && o.client ? o.client : null,
    binding: o && o.binding ? o.binding : null,
    rules
  };
}
function listFeeds(r, family) {
  const out = [];
  for (let i = 0; i < length(r.match.lists); i++) {
    const l = r.match.lists[i];
    if ((family === 4 ? l.v4 : l.v6) > 0 && index(out, l.hash) < 0) push(out, l.hash);
  }
  return out;
}
function ruleSets(r, dp) {
  const out = [];
  const f = dp.families[r.id] ?? { v4: false, v6: false };
  const stems = dp.byRule[r.id] ?? [];
  for (let i = 0; i < length(stems); i++) {
    if (f.v4) push(out, { name: `${stems[i]}_d4`, family: 4, kind: "domain" });
    if (f.v6) push(out, { name: `${stems[i]}_d6`, family: 6, kind: "domain" });
  }
  if (f.v4 && length(r.match.dest4)) push(out, { name: `${r.setBase}_n4`, family: 4, kind: "net" });
  if (f.v6 && length(r.match.dest6)) push(out, { name: `${r.setBase}_n6`, family: 6, kind: "net" });
  if (f.v4 && length(listFeeds(r, 4))) push(out, { name: `${r.setBase}_f4`, family: 4, kind: "list" });
  if (f.v6 && length(listFeeds(r, 6))) push(out, { name: `${r.setBase}_f6`, family: 6, kind: "list" });
  return out;
}
function sharedWhy(s) {
  const n = length(s.rules);
  const ids = map(slice(s.rules, 0, 3), (r) => r.id);
  return `domains shared by ${join(", ", ids)}${n > 3 ? sprintf(" and %d more rules", n - 3) : ""}: filled by dnsmasq`;
}
function planSets(cfg, dp) {
  const d = dp ?? domainPlan(cfg);
  const out = [];
  const rules = activeRules(cfg);
  for (let i = 0; i < length(rules); i++) {
    const r = rules[i];
    const sets = ruleSets(r, d);
    for (let k = 0; k < length(sets); k++) {
      const s = sets[k];
      if (s.kind === "domain" && substr(s.name, 0, length(s.name) - 3) !== r.setBase) continue;
      const key = s.kind === "domain" ? join(" ", r.match.domains) : s.kind === "list" ? join(" ", listFeeds(r, s.family)) : "";
      const why = s.kind === "domain" ? `${r.id}: filled by dnsmasq` : s.kind === "list" ? `${r.id}: filled from its list files` : r.id;
      const fromLists = length(r.match.domains) !== length(r.match.optDomains);
      const sig = s.kind === "list" ? "" : s.kind === "domain" && fromLists ? join(" ", r.match.optDomains) : null;
      push(out, { name: s.name, family: s.family, kind: s.kind, rule: r, key, why: why, sig });
    }
  }
  for (let i = 0; i < length(d.shared); i++) {
    const s = d.shared[i];
    const fams = filter([4, 6], (f) => f === 4 ? d.stems[s.stem].v4 : d.stems[s.stem].v6);
    for (let f = 0; f < length(fams); f++)
      push(out, { name: `${s.stem}_d${fams[f]}`, family: fams[f], kind: "domain", rule: s.rules[0], key: join(" ", s.domains), why: sharedWhy(s), sig: null });
  }
  return out;
}
function setOf(s, timeout) {
  const el = s.kind === "net" ? s.family === 4 ? s.rule.match.dest4 : s.rule.match.dest6 : null;
  const set = { name: s.name, family: s.family, kind: s.kind, timeout: s.kind === "domain" ? timeout : 0, elements: el, why: s.why };
  if (s.kind === "list") set.feeds = listFeeds(s.rule, s.family);
  return set;
}
let ALT_MAX = 8;
function dayRuns(days) {
  const out = [];
  for (let i = 0; i < length(days); i++) {
    if (length(out) && out[length(out) - 1].hi === days[i] - 1) out[length(out) - 1].hi = days[i];
    else push(out, { lo: days[i], hi: days[i] });
  }
  return out;
}
function runText(r) {
  return r.lo === r.hi ? `${r.lo}` : `${r.lo}-${r.hi}`;
}
function dayAlternatives(weekdays) {
  const days = sort(uniq([...weekdays]), (a, b) => a - b);
  const set = ` meta day { ${join(", ", map(days, (d) => `${d}`))} }`;
  const runs = dayRuns(days);
  if (length(runs) === 1) return { alts: [` meta day ${runText(runs[0])}`], set };
  const rest = dayRuns(filter([0, 1, 2, 3, 4, 5, 6], (d) => index(days, d) < 0));
  if (length(rest) === 1) return { alts: [` meta day != ${runText(rest[0])}`], set };
  return { alts: map(runs, (r) => ` meta day ${runText(r)}`), set };
}
function sideMatches(r) {
  const m = r.match;
  let protos = m.protos;
  if (length(m.ports) && !length(protos)) protos = ["tcp", "udp"];
  const lists = [];
  if (length(protos)) push(lists, { alts: map(protos, (p) => ` meta l4proto ${p}`), set: ` meta l4proto { ${join(", ", protos)} }` });
  if (length(m.ports)) push(lists, { alts: map(m.ports, (p) => ` th dport ${p}`), set: ` th dport { ${join(", ", m.ports)} }` });
  if (length(m.weekdays)) push(lists, dayAlternatives(m.weekdays));
  let out = [""];
  for (let i = 0; i < length(lists); i++) {
    const alts = length(out) * length(lists[i].alts) <= ALT_MAX ? lists[i].alts : [lists[i].set];
    const next = [];
    for (let a = 0; a < length(out); a++)
      for (let b = 0; b < length(alts); b++) push(next, out[a] + alts[b]);
    out = next;
  }
  return out;
}
function timeMatch(r) {
  const m = r.match;
  if (m.startTime === null || m.stopTime === null) return "";
  let end = int(substr(m.stopTime, 0, 2)) * 3600 + int(substr(m.stopTime, 3, 2)) * 60 - 1;
  if (end < 0) end += 86400;
  const e = sprintf("%02d:%02d:%02d", int(end / 3600), int(end / 60) % 60, end % 60);
  return ` meta hour "${m.startTime}"-"${e}"`;
}
function decision(cfg, c, r, pkt) {
  const v = verdictOf(cfg, c, r);
  const up = v.group ? v.group.name : v.action === "proxy" ? v.upstream.name : null;
  const ref = { count: r ? "rule" : "default", client: c.name, rule: r ? r.id : null, path: v.action, upstream: up, ruleset: null };
  if (v.action === "block") return { verdict: "drop", target: null, ref };
  return { verdict: "goto", target: v.group ? groupChainName(v.group.name, pkt) : markChainName(up, pkt), ref };
}
function ruleLines(cfg, c, r, pkt, dp, shared) {
  const ipv6 = cfg.globals.ipv6;
  const out = [];
  const v = verdictOf(cfg, c, r);
  const note = v.note ? `, ${v.note}` : "";
  const dests = [];
  const sets = ruleSets(r, dp);
  for (let j = 0; j < length(sets); j++)
    push(dests, { expr: `${sets[j].family === 4 ? "ip" : "ip6"} daddr @${sets[j].name}`, sets: [sets[j].name] });
  const anyDest = length(r.match.domains) === 0 && length(r.match.dest4) === 0 && length(r.match.dest6) === 0 && length(r.match.lists) === 0;
  if (!length(dests)) {
    if (!anyDest) return out;
    push(dests, { expr: ipv6 ? "" : "meta nfproto ipv4", sets: [] });
  }
  const sides = sideMatches(r);
  const time = timeMatch(r);
  const d = decision(cfg, c, r, pkt);
  const ref = shared === null ? d.ref : { ...d.ref, client: null, ruleset: shared };
  const why = `${r.id}: ${r.action}${r.action === "proxy" ? " via " + (v.wanted ?? "") : ""}${note}`;
  for (let k = 0; k < length(dests); k++)
    for (let a = 0; a < length(sides); a++)
      push(out, rule(trim(`${dests[k].expr}${sides[a]}${time}`), d.verdict, d.target, why, { counter: true, sets: dests[k].sets, ref }));
  return out;
}
function segments(c) {
  const per = {}, listed = {};
  let own = 0;
  for (let i = 0; i < length(c.rules); i++) {
    const id = c.rules[i].id;
    if (substr(id, 0, 7) !== "ruleset") {
      own++;
      continue;
    }
    const n = substr(id, 8, index(id, ".rule[") - 8);
    per[n] = (per[n] ?? 0) + 1;
  }
  for (let j = 0; j < length(c.rulesets); j++) listed[c.rulesets[j]] = (listed[c.rulesets[j]] ?? 0) + 1;
  const out = [{ ruleset: null, start: 0, rules: slice(c.rules, 0, own) }];
  let at = own;
  for (let j = 0; j < length(c.rulesets); j++) {
    const n = c.rulesets[j];
    const k = int((per[n] ?? 0) / listed[n]);
    push(out, { ruleset: n, start: at, rules: slice(c.rules, at, at + k) });
    at += k;
  }
  return out;
}
function bindingKey(c, s) {
  const pktAll = timedFrom(c) < s.start;
  const needsUp = length(filter(s.rules, (r) => r.action === "proxy" && r.upstream === null)) > 0;
  const up = needsUp ? c.upstream : null;
  return { key: `${s.ruleset} ${pktAll ? "pkt" : "conn"} ${up ?? ""}`, pktAll, upstream: up };
}
function bindingRules(cfg, c, s, pktAll, chainName, dp) {
  const out = [];
  const own = timedFrom({ ...c, rules: s.rules });
  for (let k = 0; k < length(s.rules); k++) {
    const lines = ruleLines(cfg, c, s.rules[k], pktAll || k >= own, dp, chainName);
    for (let i = 0; i < length(lines); i++) push(out, lines[i]);
  }
  return out;
}
function onePath(rules) {
  if (!length(rules)) return { path: null, upstream: null };
  const p = rules[0].ref.path, u = rules[0].ref.upstream;
  let same = true, sameUp = true;
  for (let i = 1; i < length(rules); i++) {
    const r = rules[i].ref;
    if (r.path !== p) same = false;
    if (r.upstream !== u) sameUp = false;
  }
  return { path: same ? p : null, upstream: same && sameUp ? u : null };
}
function clientRules(cfg, c, dp, bound) {
  const out = [];
  const timed = timedFrom(c);
  const segs = segments(c);
  for (let i = 0; i < length(segs[0].rules); i++) {
    const lines = ruleLines(cfg, c, segs[0].rules[i], i >= timed, dp, null);
    for (let k = 0; k < length(lines); k++) push(out, lines[k]);
  }
  for (let j = 1; j < length(segs); j++) {
    const s = segs[j];
    if (!length(s.rules)) continue;
    const k = bindingKey(c, s);
    let b = bound.byKey[k.key];
    if (!b) {
      const n = bound.count[s.ruleset] ?? 0;
      bound.count[s.ruleset] = n + 1;
      const name = rulesetChainName(s.ruleset, n);
      b = { chain: name, ruleset: s.ruleset, key: k.key, clients: [], rules: bindingRules(cfg, c, s, k.pktAll, name, dp), pktAll: k.pktAll, upstream: k.upstream };
      bound.byKey[k.key] = b;
      push(bound.list, b);
    }
    push(b.clients, c.name);
    const one = onePath(b.rules);
    const ref = { count: "jump", client: c.name, rule: null, path: one.path, upstream: one.upstream, ruleset: b.chain };
    push(out, rule("", "jump", b.chain, `ruleset.${s.ruleset}: ${length(s.rules)} rule(s), shared`, { counter: true, ref }));
    push(out, rule("", "", null, `ruleset.${s.ruleset}: no match`, { counter: true, ref: { ...ref, count: "after" } }));
  }
  const dv = verdictOf(cfg, c, null);
  const d = decision(cfg, c, null, timed < length(c.rules));
  push(out, rule("", d.verdict, d.target, `client ${c.name} default: ${c.defaultAction}${dv.note ? ", " + dv.note : ""}`, { counter: true, ref: d.ref }));
  return out;
}
function someClients(names) {
  const n = length(names);
  return `${join(", ", slice(names, 0, 3))}${n > 3 ? sprintf(" and %d more", n - 3) : ""}`;
}
function bindingChain(b) {
  const via = b.upstream !== null ? `; proxy rules without an upstream: via ${b.upstream}` : "";
  const pkt = b.pktAll ? "; decided per packet (a time window comes before it)" : "";
  return chain(b.chain, b.rules, {
    note: `rule set ${b.ruleset} for ${length(b.clients)} client(s) (${someClients(b.clients)})${via}${pkt}; no match: back to the client's chain`,
    binding: { ruleset: b.ruleset, clients: b.clients }
  });
}
function markChain(name, value, mask, why, pkt) {
  const keep = markHex(4294967295 - mask);
  const rules = [rule(`meta mark set meta mark and ${keep} or ${markHex(value)}`, pkt ? "accept" : "", null, null)];
  if (!pkt) push(rules, rule(`ct mark set ct mark and ${keep} or ${markHex(value)}`, "accept", null, null));
  return chain(name, rules, { why: why });
}
function slotElements(gm, down) {
  const g = { name: gm.group, mode: gm.mode, spread: "connection", members: gm.members };
  return map(slotRuns(groupSlots(g, gm.members, filter(gm.members, (n) => index(down, n) < 0))), (r) => r.member === null ? { key: r.key, verdict: "drop", target: null } : { key: r.key, verdict: "goto", target: markChainName(r.member, gm.pkt) });
}
function perPacket(cfg) {
  return length(filter(cfg.clients, (c) => c.enabled && timedFrom(c) < length(c.rules))) > 0;
}
function groupMapList(cfg) {
  const out = [];
  const kinds = perPacket(cfg) ? 2 : 1;
  for (let i = 0; i < length(cfg.groups); i++) {
    const g = cfg.groups[i];
    const on = filter(g.members, (n) => upstreamByName(cfg, n).enabled);
    for (let pkt = 0; pkt < kinds; pkt++)
      push(out, { name: groupChainName(g.name, pkt === 1), group: g.name, mode: g.mode, members: on, pkt: pkt === 1 });
  }
  return out;
}
function slotMap(gm, down) {
  const slots = slotCount(gm.mode);
  return {
    name: gm.name,
    keyType: "slot",
    slots,
    interval: slots > 1,
    why: `group ${gm.group}: slot → member; the health checker rewrites it`,
    elements: slotElements(gm, down)
  };
}
function groupMaps(cfg, down) {
  return map(groupMapList(cfg), (gm) => slotMap(gm, down));
}
function groupChain(cfg, g, pkt) {
  const name = groupChainName(g.name, pkt);
  const slots = slotCount(g.mode);
  const key = g.mode === "balance" && g.spread === "destination" ? ["meta nfproto ipv4 jhash ip daddr", ...cfg.globals.ipv6 ? ["meta nfproto ipv6 jhash ip6 daddr"] : []] : ["numgen inc"];
  const rules = [...map(key, (k) => rule(`${k} mod ${slots} vmap @${name}`, "", null, null)), rule("", "drop", null, "no slot: blocked")];
  const how = g.mode === "balance" ? `balance (${g.spread}) over ${join(", ", g.members)}` : `failover: ${join(" → ", g.members)}`;
  return chain(name, rules, { why: `group ${g.name}, ${how}${pkt ? ", this packet only" : ""}` });
}
let MAP_KINDS = [
  { kind: "a4", suffix: "4", keyType: "ipv4_addr", interval: true, match: "ip saddr" },
  { kind: "a6", suffix: "6", keyType: "ipv6_addr", interval: true, match: "ip6 saddr" },
  { kind: "mac", suffix: "_mac", keyType: "ether_addr", interval: false, match: "ether saddr" },
  { kind: "iif", suffix: "_iif", keyType: "ifname", interval: false, match: "iifname" }
];
function texts(ps) {
  return map(ps, (p) => p.text);
}
function identityKeys(c, kind, ipv6) {
  if (kind === "a4") return texts(c.src4);
  if (kind === "a6") return ipv6 ? texts(c.src6) : [];
  return kind === "mac" ? c.macs : c.ifaces;
}
function identityMaps(stem, why, clients, ipv6, verdict) {
  return map(MAP_KINDS, (k, i) => {
    const el = [];
    for (let j = 0; j < length(clients); j++) {
      const v = verdict(clients[j]);
      const ks = identityKeys(clients[j], k.kind, ipv6);
      for (let n = 0; n < length(ks); n++) push(el, { key: ks[n], verdict: v.verdict, target: v.target });
    }
    return { name: `${stem}${k.suffix}`, keyType: k.keyType, interval: k.interval, why: i === 0 ? why : null, elements: el };
  });
}
function identityLookups(stem, ipv6) {
  return map(filter(MAP_KINDS, (k) => ipv6 || k.kind !== "a6"), (k) => rule(`${!ipv6 && (k.kind === "mac" || k.kind === "iif") ? "meta nfproto ipv4 " : ""}${k.match} vmap @${stem}${k.suffix}`, "", null, null));
}
function localReturns(ipv6, self) {
  const why = "to a local network: routed by the main table";
  const out = [
    rule(`fib daddr type ${self}`, "return", null, "to the router itself"),
    rule(`ip daddr @${NFT.local4}`, "return", null, why, { sets: [NFT.local4] })
  ];
  if (ipv6) push(out, rule(`ip6 daddr @${NFT.local6}`, "return", null, why, { sets: [NFT.local6] }));
  return out;
}
let noRef = { count: "rule", client: null, rule: null, path: null, upstream: null, ruleset: null };
function counted(count) {
  return { ...noRef, count };
}
let CONTROL_CHARS = /[\x01-\x1f\x7f]/g;
function nftModel(cfg, version, dp, local, source) {
  const domains = dp ?? domainPlan(cfg);
  const g = cfg.globals;
  const mask = g.markMask;
  const clients = filter(cfg.clients, (c) => c.enabled);
  const ups = filter(cfg.upstreams, (u) => u.enabled);
  const direct = directMark(mask);
  const nets = localNetworks(cfg, local ?? null);
  const sets = [
    { name: NFT.local4, family: 4, kind: "local", timeout: 0, elements: texts(filter(nets, (p) => p.family === 4)), why: "the router's local networks: routed by the main table, never classified" },
    { name: NFT.local6, family: 6, kind: "local", timeout: 0, elements: texts(filter(nets, (p) => p.family === 6)), why: null },
    ...map(planSets(cfg, domains), (s) => setOf(s, g.setTimeout))
  ];
  const maps = [
    ...identityMaps(NFT.clientMaps, "source → client chain", clients, g.ipv6, (c) => ({ key: "", verdict: "goto", target: clientChainName(c.name) })),
    ...identityMaps(
      NFT.hijackMaps,
      "source → DNS hijacked (goto dns_hijack) or not (return)",
      clients,
      g.ipv6,
      (c) => c.dnsHijack ? { key: "", verdict: "goto", target: NFT.dnsHijack } : { key: "", verdict: "return", target: null }
    )
  ];
  const restore = [`${markHex(direct)} : goto ${markChainName(null, false)}`, ...map(ups, (u) => `${markHex(u.mark)} : goto ${markChainName(u.name, false)}`)];
  const chains = [chain(NFT.prerouting, [
    rule(`ct direction original ct mark and ${markHex(mask)} vmap { ${join(", ", restore)} }`, "", null, "connection already decided"),
    rule(`ct direction reply meta mark set meta mark and ${markHex(4294967295 - mask)} or ${markHex(direct)}`, "return", null, "replies follow their connection (a port forward to a client stays on WAN); marked direct, past the routing kill switch"),
    rule(`meta mark and ${markHex(mask)} != 0`, "return", null, "marked before us"),
    ...localReturns(g.ipv6, "{ local, broadcast, multicast }"),
    ...identityLookups(NFT.clientMaps, g.ipv6)
  ], { base: "type filter hook prerouting priority mangle; policy accept;" })];
  push(chains, markChain(markChainName(null, false), direct, mask, "decided: direct", false));
  for (let i = 0; i < length(ups); i++)
    push(chains, markChain(markChainName(ups[i].name, false), ups[i].mark, mask, `upstream ${ups[i].name} → ${ups[i].iface}, table ${ups[i].table}`, false));
  if (perPacket(cfg)) {
    push(chains, markChain(markChainName(null, true), direct, mask, "this packet: direct (a time window decides again on the next)", true));
    for (let i = 0; i < length(ups); i++)
      push(chains, markChain(markChainName(ups[i].name, true), ups[i].mark, mask, `this packet: upstream ${ups[i].name}`, true));
  }
  const gms = groupMapList(cfg);
  for (let i = 0; i < length(gms); i++) {
    push(maps, slotMap(gms[i], []));
    push(chains, groupChain(cfg, groupByName(cfg, gms[i].group), gms[i].pkt));
  }
  const bound = { list: [], byKey: {}, count: {} };
  for (let i = 0; i < length(clients); i++) {
    const c = clients[i];
    const t = timedFrom(c);
    const pkt = t < length(c.rules) ? `; decided per packet from ${c.rules[t].id} on (time window)` : "";
    push(chains, chain(
      clientChainName(c.name),
      clientRules(cfg, c, domains, bound),
      { note: `client ${c.name} (${c.kind}): ${length(c.rules)} rule(s), default ${c.defaultAction}${pkt}`, client: c.name }
    ));
  }
  for (let i = 0; i < length(bound.list); i++) push(chains, bindingChain(bound.list[i]));
  push(chains, chain(
    NFT.dstnat,
    [rule("meta l4proto { tcp, udp } th dport { 53, 853 }", "goto", NFT.dnsClient, null)],
    { base: "type nat hook prerouting priority dstnat - 5; policy accept;" }
  ));
  push(chains, chain(NFT.dnsClient, [...localReturns(g.ipv6, "local"), ...identityLookups(NFT.hijackMaps, g.ipv6)]));
  push(chains, chain(NFT.dnsHijack, [
    rule("meta l4proto { tcp, udp } th dport 53", "redirect", ":53", "DNS hijack", { counter: true, ref: counted("hijack") }),
    rule("", "drop", null, "DoT/DoQ blocked", { counter: true, ref: counted("dot") })
  ], { why: "encrypted DNS would bypass the domain rules" }));
  if (g.killSwitch && length(ups))
    push(chains, chain(
      NFT.forward,
      map(ups, (u) => rule(`meta mark and ${markHex(mask)} == ${markHex(u.mark)} oifname != "${u.iface}"`, "drop", null, `leak guard: ${u.name} traffic only leaves by ${u.iface}`, { counter: true, ref: { ...counted("leak"), upstream: u.name } })),
      { base: "type filter hook forward priority mangle; policy accept;" }
    ));
  const marks = `marks (mask ${markHex(mask)}): ${markHex(direct)} direct${join("", map(ups, (u) => `, ${markHex(u.mark)} ${u.name} (table ${u.table})`))}`;
  return { version, source: replace(source ?? "/etc/config/splitwg", CONTROL_CHARS, "?"), marks, sets, maps, chains };
}
function tableObjects(t) {
  return { sets: map(t.sets, (s) => s.name), maps: map(t.maps, (m) => m.name), chains: map(t.chains, (c) => c.name) };
}
function tableState(t) {
  const counted = {};
  const rulesets = [];
  for (let i = 0; i < length(t.chains); i++) {
    const c = t.chains[i];
    if (length(filter(c.rules, (r) => r.ref !== null))) counted[c.name] = map(c.rules, (r) => r.ref);
    if (c.binding) push(rulesets, { chain: c.name, ruleset: c.binding.ruleset, clients: c.binding.clients });
  }
  return {
    objects: tableObjects(t),
    filled: map(t.maps, (m) => ({ kind: "map", name: m.name, elements: map(m.elements, (e) => `${e.key} : ${e.verdict === "goto" ? "goto " + e.target : e.verdict}`) })),
    counted: counted,
    rulesets
  };
}

// src/core/nftprint.ts
let T = "	";
let COMMENT_MAX = 128;
function comment(s) {
  if (length(s) <= COMMENT_MAX) return `comment "${s}"`;
  let n = COMMENT_MAX - 3;
  while (n > 0 && (ord(s, n) & 192) === 128) n--;
  return `comment "${substr(s, 0, n)}..."`;
}
function elements(items) {
  return length(items) ? ` elements = { ${join(", ", items)} };` : "";
}
function why(w) {
  return w === null ? "" : `${T}# ${w}`;
}
function setSpec(s) {
  const t = s.family === 4 ? "ipv4_addr" : "ipv6_addr";
  if (s.kind === "domain") return `type ${t}; ${s.timeout > 0 ? `flags timeout; timeout ${s.timeout}s;` : ""}`;
  return `type ${t}; flags interval; auto-merge;`;
}
function printSet(s) {
  return `${T}set ${s.name} {${why(s.why)}
${T}${T}${setSpec(s)}${elements(s.elements ?? [])}
${T}}`;
}
function mapSpec(m) {
  if (m.keyType === "slot") return "typeof numgen inc mod " + m.slots + " : verdict;" + (m.interval ? " flags interval;" : "");
  return `type ${m.keyType} : verdict;${m.interval ? " flags interval;" : ""}`;
}
function verdictText(verdict, target) {
  if (verdict === "goto" || verdict === "jump") return `${verdict} ${target}`;
  if (verdict === "redirect") return `redirect to ${target}`;
  return verdict;
}
function elementText(m, e) {
  return `${m.keyType === "ifname" ? `"${e.key}"` : e.key} : ${verdictText(e.verdict, e.target)}`;
}
function printMap(m) {
  return `${T}map ${m.name} {${why(m.why)}
${T}${T}${mapSpec(m)}${elements(map(m.elements, (e) => elementText(m, e)))}
${T}}`;
}
function printRule(r) {
  const parts = filter([r.expr, r.counter ? "counter" : "", verdictText(r.verdict, r.target), r.comment === null ? "" : comment(r.comment)], (p) => p !== "");
  return `${T}${T}${join(" ", parts)}
`;
}
function printChain(c) {
  return `${c.note === null ? "" : `${T}# ${c.note}
`}${T}chain ${c.name} {${why(c.why)}
${c.base === null ? "" : `${T}${T}${c.base}
`}${join("", map(c.rules, printRule))}${T}}`;
}
function refill(t) {
  const sets = filter(t.sets, (s) => s.elements !== null);
  if (!length(sets) && !length(t.maps)) return [];
  const decls = [
    ...map(filter(t.chains, (c) => c.base === null), (c) => `${T}chain ${c.name} {}`),
    ...map(sets, (s) => `${T}set ${s.name} { ${setSpec(s)} }`),
    ...map(t.maps, (m) => `${T}map ${m.name} { ${mapSpec(m)} }`)
  ];
  const tbl = `${NFT.family} ${NFT.table}`;
  return [
    `table ${tbl} {
${join("\n", decls)}
}`,
    ...map(sets, (s) => `flush set ${tbl} ${s.name}`),
    ...map(t.maps, (m) => `flush map ${tbl} ${m.name}`)
  ];
}
let NFT_SUFFIX = /\.nft$/;
function mapsScript(maps) {
  const tbl = `${NFT.family} ${NFT.table}`;
  return join("", map(maps, (m) => `flush map ${tbl} ${m.name}
add element ${tbl} ${m.name} { ${join(", ", map(m.elements, (e) => elementText(m, e)))} }
`));
}
function groupsScript(cfg, down) {
  return mapsScript(groupMaps(cfg, down));
}
function slotsScript(maps, down) {
  return mapsScript(map(maps, (gm) => slotMap(gm, down)));
}
function printNft(t, include) {
  const tbl = `${NFT.family} ${NFT.table}`;
  const out = [
    `# Generated by splitwg ${t.version} from ${t.source} — do not edit; run \`splitwg plan\` to see it.`,
    `table ${tbl}`,
    `flush table ${tbl}`,
    ...refill(t),
    `table ${tbl} {`,
    `${T}# ${t.marks}`,
    "",
    ...map(t.sets, printSet),
    ...map(t.maps, printMap),
    ""
  ];
  for (let i = 0; i < length(t.chains); i++) {
    if (t.chains[i].name === NFT.dstnat) push(out, "");
    push(out, printChain(t.chains[i]));
  }
  push(out, "}");
  if (include) push(out, "", "# the groups' slots as the health checker last set them", `include "${replace(include, NFT_SUFFIX, "*.nft")}"`);
  return join("\n", out) + "\n";
}

// src/core/nftlists.ts
let FRAGMENT_CHUNK = 1e3;
let nftlists_T = "	";
function fragmentName(hash, family) {
  return `${hash}.${family}.nft`;
}
function fragmentHead(version, path, family) {
  return `# Generated by splitwg ${version}: the IPv${family} entries of ${path} — do not edit
elements = {
`;
}
function fragmentLine(texts) {
  return `${nftlists_T}${join(", ", texts)},
`;
}
let FRAGMENT_TAIL = "}\n";
function listsScript(sets, dir) {
  if (!length(sets)) return "";
  const tbl = `${NFT.family} ${NFT.table}`;
  const out = [
    `table ${tbl} {`,
    ...map(sets, (s) => `${nftlists_T}set ${s.name} { ${setSpec(s)} }`),
    "}",
    ...map(sets, (s) => `flush set ${tbl} ${s.name}`),
    `table ${tbl} {`
  ];
  for (let i = 0; i < length(sets); i++) {
    const s = sets[i], feeds = s.feeds ?? [];
    push(out, `${nftlists_T}# ${s.name}${s.why === null ? "" : ": " + s.why}`);
    for (let j = 0; j < length(feeds); j++)
      push(out, `${nftlists_T}set ${s.name} { ${setSpec(s)}`, `${nftlists_T}${nftlists_T}include "${dir}/${fragmentName(feeds[j], s.family)}"`, `${nftlists_T}}`);
  }
  push(out, "}");
  return join("\n", out) + "\n";
}
function listSets(sets, names) {
  return filter(sets, (s) => s.kind === "list" && (names === null || names === null || index(names, s.name) >= 0));
}

// src/core/dnsmasq.ts
function legend(d) {
  const out = ["# The sets each line fills (<stem>_d4, <stem>_d6) belong to these rules:"];
  for (let i = 0; i < length(d.rules); i++) {
    const r = d.rules[i], stems = d.byRule[r.id] ?? [];
    if (length(stems) && stems[0] === r.setBase) push(out, `#   ${r.setBase}: ${r.id}`);
  }
  for (let i = 0; i < length(d.shared); i++) {
    const s = d.shared[i], n = length(s.rules);
    push(out, `#   ${s.stem}: ${join(", ", map(slice(s.rules, 0, 3), (r) => r.id))}${n > 3 ? sprintf(" and %d more rules", n - 3) : ""}`);
  }
  return out;
}
function packed(out, option, names, tail) {
  const base = length(option) + 3 + length(tail);
  const all = join("/", names);
  if (base + length(all) <= LINE_MAX) {
    push(out, `${option}=/${all}/${tail}`);
    return;
  }
  let from = 0, size = base;
  for (let i = 0; i < length(names); i++) {
    const add = 1 + length(names[i]);
    if (i > from && size + add > LINE_MAX) {
      push(out, `${option}=/${join("/", slice(names, from, i))}/${tail}`);
      from = i;
      size = base;
    }
    size += add;
  }
  push(out, `${option}=/${join("/", slice(names, from))}/${tail}`);
}
function serverLines(out, cfg) {
  for (let i = 0; i < length(cfg.tunnelDns); i++) {
    const t = cfg.tunnelDns[i];
    push(out, `# resolved by upstream ${t.upstream}'s DNS, inside ${t.iface}:`);
    for (let k = 0; k < length(t.servers); k++) packed(out, "server", t.domains, `${t.servers[k]}@${t.iface}`);
  }
}
function renderDnsmasq(cfg, version, dp) {
  const d = dp ?? domainPlan(cfg);
  const out = [`# Generated by splitwg ${version} — domain rules, one entry per domain (dnsmasq uses only the most specific match)`];
  if (!d.count) return join("\n", out) + "\n";
  const lg = legend(d);
  for (let i = 0; i < length(lg); i++) push(out, lg[i]);
  for (let i = 0; i < length(d.groups); i++) packed(out, "nftset", d.groups[i].domains, d.groups[i].targets);
  serverLines(out, cfg);
  return join("\n", out) + "\n";
}

// src/core/netifd.ts
let OWNED = "splitwg_owned";
let ZONE_UP = "splitwg";
let ZONE_RW = "splitwg_rw";
function sec(type, name, options, unmarked) {
  const o = {};
  for (let k in options) if (options[k] !== null) o[k] = options[k];
  if (!unmarked) o[OWNED] = "1";
  return { type: type, name, anonymous: false, options: o };
}
function fwSec(type, name, options) {
  return sec(type, name, options, true);
}
let FW_MARK = "splitwg";
function isOwned(config, s) {
  if (s[OWNED] === "1") return true;
  return config === "firewall" && !s[".anonymous"] && substr(s[".name"], 0, 3) === "sw_" && type(s.name) === "string" && index(s.name, FW_MARK) >= 0;
}
function s(n) {
  return n === null ? null : `${n}`;
}
function viaOptions(cfg, u) {
  const outer = u.via !== null ? upstreamByName(cfg, u.via) : null;
  return outer ? { fwmark: markHex(outer.mark), nohostroute: "1" } : {};
}
function upstreamSections(cfg, u) {
  const g = cfg.globals;
  const t = `${u.table}`;
  const out = [
    sec("interface", u.iface, { proto: "wireguard", private_key: u.privateKey, addresses: u.addresses, mtu: s(u.mtu), ...viaOptions(cfg, u) }),
    sec(`wireguard_${u.iface}`, `swpeer_${u.name}`, {
      description: `splitwg upstream ${u.name}`,
      public_key: u.publicKey,
      preshared_key: u.presharedKey,
      endpoint_host: u.endpointHost,
      endpoint_port: `${u.endpointPort}`,
      allowed_ips: u.allowedIps,
      persistent_keepalive: s(u.keepalive),
      route_allowed_ips: "0"
    }),
    sec("rule", `swrule4_${u.name}`, { mark: `${markHex(u.mark)}/${markHex(g.markMask)}`, lookup: t, priority: `${g.rulePriority + u.index}` }),
    sec("route", `swroute4_${u.name}`, { interface: u.iface, target: "0.0.0.0/0", table: t })
  ];
  if (g.killSwitch) push(out, sec("route", `swkill4_${u.name}`, { type: "unreachable", target: "0.0.0.0/0", table: t, metric: "9999" }));
  if (g.ipv6) {
    push(out, sec("rule6", `swrule6_${u.name}`, { mark: `${markHex(u.mark)}/${markHex(g.markMask)}`, lookup: t, priority: `${g.rulePriority + u.index}` }));
    if (carriesFamily(u, 6)) push(out, sec("route6", `swroute6_${u.name}`, { interface: u.iface, target: "::/0", table: t }));
    if (g.killSwitch || !carriesFamily(u, 6))
      push(out, sec("route6", `swkill6_${u.name}`, { type: "unreachable", target: "::/0", table: t, metric: "9999" }));
  }
  return out;
}
function guardSectionName(client, family, k) {
  return `swguard${family}_${client}_${k}`;
}
function couldBeProxied(c) {
  return c.defaultAction === "proxy" || length(filter(c.rules, (r) => r.action === "proxy")) > 0;
}
function guardSections(cfg) {
  const g = cfg.globals;
  const out = [];
  if (!g.killSwitch) return out;
  const prio = `${g.rulePriority + length(cfg.upstreams) + 1}`;
  const mark = `${markHex(0)}/${markHex(g.markMask)}`;
  const clients = filter(cfg.clients, (c) => c.enabled && couldBeProxied(c));
  for (let i = 0; i < length(clients); i++) {
    const c = clients[i];
    for (let k = 0; k < length(c.src4); k++)
      push(out, sec("rule", guardSectionName(c.name, 4, k), { src: c.src4[k].text, mark, action: "prohibit", priority: prio }));
    for (let k = 0; g.ipv6 && k < length(c.src6); k++)
      push(out, sec("rule6", guardSectionName(c.name, 6, k), { src: c.src6[k].text, mark, action: "prohibit", priority: prio }));
  }
  return out;
}
function renderNetwork(cfg) {
  const g = cfg.globals;
  const ups = filter(cfg.upstreams, (u) => u.enabled);
  const out = [];
  const guards = guardSections(cfg);
  if (length(ups) || length(guards)) {
    push(out, sec("rule", "swmain4", { lookup: "main", suppress_prefixlength: "0", priority: `${g.rulePriority}` }));
    if (g.ipv6) push(out, sec("rule6", "swmain6", { lookup: "main", suppress_prefixlength: "0", priority: `${g.rulePriority}` }));
  }
  for (let i = 0; i < length(ups); i++) {
    const secs = upstreamSections(cfg, ups[i]);
    for (let j = 0; j < length(secs); j++) push(out, secs[j]);
  }
  for (let i = 0; i < length(guards); i++) push(out, guards[i]);
  const srv = cfg.server;
  if (srv && srv.enabled) {
    push(out, sec("interface", srv.iface, {
      proto: "wireguard",
      private_key: srv.privateKey,
      listen_port: `${srv.listenPort}`,
      addresses: srv.addresses,
      mtu: s(srv.mtu)
    }));
    const peers = filter(cfg.clients, (c) => c.kind === "peer" && c.enabled);
    for (let i = 0; i < length(peers); i++) {
      const c = peers[i];
      push(out, sec(`wireguard_${srv.iface}`, `swclient_${c.name}`, {
        description: `splitwg client ${c.name}`,
        public_key: c.publicKey,
        preshared_key: c.presharedKey,
        allowed_ips: map([...c.src4, ...g.ipv6 ? c.src6 : []], (p) => p.family === 4 && p.len === 32 || p.family === 6 && p.len === 128 ? `${p.text}/${p.len}` : p.text),
        route_allowed_ips: "1"
      }));
    }
  }
  return out;
}
function renderFirewall(cfg) {
  const g = cfg.globals;
  const ups = filter(cfg.upstreams, (u) => u.enabled);
  const srv = cfg.server && cfg.server.enabled ? cfg.server : null;
  const out = [];
  if (length(ups)) {
    push(out, fwSec("zone", "sw_zone_up", {
      name: ZONE_UP,
      network: map(ups, (u) => u.iface),
      input: "REJECT",
      output: "ACCEPT",
      forward: "REJECT",
      masq: "1",
      masq6: g.ipv6 ? "1" : null,
      mtu_fix: "1"
    }));
    push(out, fwSec("forwarding", "sw_fwd_lan_up", { name: "splitwg-lan-up", src: g.lanZone, dest: ZONE_UP }));
  }
  if (srv) {
    push(out, fwSec("zone", "sw_zone_rw", { name: ZONE_RW, network: [srv.iface], input: "ACCEPT", output: "ACCEPT", forward: "REJECT", mtu_fix: "1" }));
    if (length(ups)) push(out, fwSec("forwarding", "sw_fwd_rw_up", { name: "splitwg-rw-up", src: ZONE_RW, dest: ZONE_UP }));
    push(out, fwSec("forwarding", "sw_fwd_rw_wan", { name: "splitwg-rw-wan", src: ZONE_RW, dest: g.wanZone }));
    push(out, fwSec("forwarding", "sw_fwd_rw_lan", { name: "splitwg-rw-lan", src: ZONE_RW, dest: g.lanZone }));
    push(out, fwSec("rule", "sw_allow_server", {
      name: "Allow-splitwg-server",
      src: g.wanZone,
      proto: "udp",
      dest_port: `${srv.listenPort}`,
      target: "ACCEPT"
    }));
  }
  return out;
}

// src/core/health.ts
function groupDns(cfg) {
  for (let i = 0; i < length(cfg.groups); i++) {
    const g = cfg.groups[i];
    if (g.mode !== "failover") continue;
    for (let j = 0; j < length(cfg.upstreams); j++)
      if (index(g.members, cfg.upstreams[j].name) >= 0 && length(cfg.upstreams[j].dns)) return true;
  }
  return false;
}
function watchOf(cfg) {
  const ups = cfg.globals.enabled ? watched(cfg) : [];
  if (!length(ups)) return null;
  let interval = 0;
  for (let i = 0; i < length(ups); i++)
    if (!interval || ups[i].health.interval < interval) interval = ups[i].health.interval;
  return {
    upstreams: map(ups, (u) => ({ name: u.name, iface: u.iface, mark: u.mark, keepalive: u.keepalive, health: u.health })),
    maps: groupMapList(cfg),
    mask: cfg.globals.markMask,
    ipv6: cfg.globals.ipv6,
    interval,
    dns: groupDns(cfg)
  };
}
let HANDSHAKE_MAX = 180;
function plural(n, one, many) {
  return `${n} ${n === 1 ? one : many}`;
}
function health_probed(prev, fails, passes, ok, u) {
  if (ok) {
    if (prev.up) return { up: true, reason: "probe answered" };
    return passes >= u.health.upAfter ? { up: true, reason: `${plural(passes, "probe", "probes")} answered` } : { up: false, reason: prev.reason };
  }
  if (!prev.up) return { up: false, reason: prev.reason };
  return fails >= u.health.downAfter ? { up: false, reason: `${plural(fails, "probe", "probes")} missed` } : { up: true, reason: prev.reason };
}
function byHandshake(hs, u) {
  if (u.keepalive === null) return { up: true, reason: "no probe and no keepalive: not judged" };
  if (hs === null) return { up: false, reason: "no handshake yet" };
  return hs <= HANDSHAKE_MAX ? { up: true, reason: `handshake ${hs} s ago` } : { up: false, reason: `no handshake for ${hs} s` };
}
function step(prev, s, u, now) {
  const p = prev ?? { up: true, since: now, fails: 0, passes: 0, last: null, rtt: null, handshake: null, reason: "starting" };
  const next = { ...p, last: now, handshake: s.handshake };
  let v;
  if (!s.iface) {
    next.fails = 0;
    next.passes = 0;
    next.rtt = null;
    v = { up: false, reason: "interface down" };
  } else if (s.probe !== null) {
    next.fails = s.probe.ok ? 0 : p.fails + 1;
    next.passes = s.probe.ok ? p.passes + 1 : 0;
    next.rtt = s.probe.ok ? s.probe.rtt : null;
    v = health_probed(p, next.fails, next.passes, s.probe.ok, u);
  } else {
    next.fails = 0;
    next.passes = 0;
    next.rtt = null;
    v = byHandshake(s.handshake, u);
  }
  next.up = v.up;
  next.reason = v.reason;
  if (v.up !== p.up) next.since = now;
  return next;
}
function downOf(states) {
  const out = [];
  for (let n in states) if (!states[n].up) push(out, n);
  return out;
}
function membersNow(maps, down) {
  const out = {};
  for (let i = 0; i < length(maps); i++) {
    const m = maps[i];
    if (m.pkt) continue;
    const g = { name: m.group, mode: m.mode, spread: "connection", members: m.members };
    const slots = groupSlots(g, m.members, filter(m.members, (x) => index(down, x) < 0));
    out[m.group] = filter(m.members, (x) => index(slots, x) >= 0);
  }
  return out;
}

// src/core/plan.ts
function emptyPlan(mask) {
  const m = mask ?? null;
  return {
    version: VERSION,
    enabled: false,
    table: null,
    nft: "",
    dnsmasq: "",
    nftsets: 0,
    network: [],
    firewall: [],
    dhcp: [],
    marks: m === null ? { mask: "", direct: "" } : { mask: markHex(m), direct: markHex(directMark(m)) },
    upstreams: [],
    clients: [],
    sets: [],
    groups: [],
    watch: null
  };
}
function downDns(cfg, down) {
  return down && length(down) && length(cfg.groups) ? { ...cfg, tunnelDns: tunnelDns(cfg, down).routes } : cfg;
}
function dnsmasqFor(cfg, down) {
  return renderDnsmasq(downDns(cfg, down), VERSION, domainPlan(cfg));
}
function compile(cfg, opts) {
  const g = cfg.globals;
  if (!g.enabled) return emptyPlan(g.markMask);
  const dp = domainPlan(cfg);
  const table = nftModel(cfg, VERSION, dp, opts ? opts.local : null, opts ? opts.source : null);
  return {
    version: VERSION,
    enabled: true,
    table,
    nft: printNft(table, length(cfg.groups) ? (opts ? opts.groupState : null) ?? GROUP_STATE : null),
    dnsmasq: renderDnsmasq(downDns(cfg, opts ? opts.down : null), VERSION, dp),
    nftsets: dp.count,
    network: renderNetwork(cfg),
    firewall: renderFirewall(cfg),
    dhcp: [],
    marks: { mask: markHex(g.markMask), direct: markHex(directMark(g.markMask)) },
    upstreams: map(cfg.upstreams, (u) => ({ name: u.name, iface: u.iface, mark: markHex(u.mark), table: u.table, enabled: u.enabled })),
    clients: map(filter(cfg.clients, (c) => c.enabled), (c) => ({
      name: c.name,
      kind: c.kind,
      chain: clientChainName(c.name),
      sources: [...map([...c.src4, ...c.src6], (p) => p.text), ...c.macs, ...c.ifaces]
    })),
    sets: map(planSets(cfg, dp), (x) => x.sig === null ? { name: x.name, kind: x.kind, key: x.key } : { name: x.name, kind: x.kind, key: x.key, sig: x.sig }),
    groups: groupMapList(cfg),
    watch: watchOf(cfg)
  };
}
function plan(sections, opts) {
  const r = readConfig(sections);
  return { plan: r.config ? compile(r.config, opts) : null, problems: r.problems };
}
let SECRET = ["private_key", "preshared_key"];
function redactSections(secs) {
  return map(secs, (s) => {
    const o = {};
    for (let k in s.options) o[k] = index(SECRET, k) >= 0 ? "(hidden)" : s.options[k];
    return { type: s.type, name: s.name, anonymous: s.anonymous, options: o };
  });
}
function redactedPlan(p) {
  return { ...p, network: redactSections(p.network), firewall: redactSections(p.firewall), dhcp: redactSections(p.dhcp) };
}

// src/core/explain.ts
function pathText(x) {
  if (x.action !== "proxy") return x.action === "direct" && x.mark ? ` (mark ${x.mark})` : "";
  if (x.group !== null && x.iface === null) return ` via group ${x.group}: each connection takes one of ${join(", ", x.members)}`;
  return ` via ${x.group !== null ? `group ${x.group} → ` : ""}${x.upstream} (${x.iface}, mark ${x.mark})`;
}
function failed(path, m) {
  return { error: { path, id: m.id, args: m.args } };
}
function ruleLabel(r) {
  return r.name !== "" ? `${r.id} (${r.name})` : r.id;
}
function domainHit(r, d) {
  for (let i = 0; i < length(r.match.domains); i++) {
    const p = r.match.domains[i];
    const n = length(d), l = length(p);
    if (p === d || n > l && substr(d, n - l - 1) === `.${p}`) return p;
  }
  return null;
}
function listHit(r, addr) {
  for (let i = 0; i < length(r.match.lists); i++) {
    const l = r.match.lists[i];
    const ts = (addr.family === 4 ? l.dest4 : l.dest6) ?? [];
    for (let j = 0; j < length(ts); j++) {
      const p = parsePrefix(ts[j]);
      if (!isMsg(p) && prefixContains(p, addr.bytes)) return `${ts[j]} (${l.path})`;
    }
  }
  return null;
}
function listsHave(r, f) {
  for (let i = 0; i < length(r.match.lists); i++) if ((f === 4 ? r.match.lists[i].v4 : r.match.lists[i].v6) > 0) return true;
  return false;
}
function minutes(t) {
  return int(substr(t, 0, 2)) * 60 + int(substr(t, 3, 2));
}
function sideConditions(r, q, day, min) {
  const m = r.match;
  let protos = m.protos;
  if (length(m.ports) && !length(protos)) protos = ["tcp", "udp"];
  if (length(protos) && q.proto != null && index(protos, q.proto) < 0) return msg("why_not_proto", [join("/", protos)]);
  if (length(m.ports) && q.port != null) {
    let ok = false;
    for (let i = 0; i < length(m.ports); i++) {
      const pr = split(m.ports[i], "-");
      const lo = int(pr[0]), hi = length(pr) > 1 ? int(pr[1]) : lo;
      if (q.port >= lo && q.port <= hi) ok = true;
    }
    if (!ok) return msg("why_not_port", [q.port, join(", ", m.ports)]);
  }
  if (length(m.weekdays) && day >= 0 && index(m.weekdays, day) < 0) return msg("why_not_day", [WEEKDAYS[day]]);
  if (m.startTime !== null && m.stopTime !== null && min >= 0) {
    const a = minutes(m.startTime), b = minutes(m.stopTime);
    const inside = a < b ? min >= a && min < b : min >= a || min < b;
    if (!inside) return msg("why_not_time", [`${m.startTime}-${m.stopTime}`]);
  }
  return null;
}
function notEvaluated(r, q, day, min, hit) {
  const m = r.match;
  const protos = length(m.ports) && !length(m.protos) ? ["tcp", "udp"] : m.protos;
  const out = [];
  if (length(protos) && q.proto == null) push(out, msg("why_open_proto", [join("/", protos)]));
  if (length(m.ports) && q.port == null) push(out, msg("why_open_port", [join(", ", m.ports)]));
  if (m.startTime !== null && min < 0 || length(m.weekdays) && day < 0) push(out, msg("why_open_time"));
  return length(out) ? msg("why_not_evaluated", [hit, joined(out)]) : hit;
}
function parseAt(at) {
  const p = split(trim(at), BLANKS);
  if (length(p) !== 2 || weekday(p[0]) < 0 || badTime(p[1])) return msg("not_at", [at]);
  return { day: weekday(p[0]), min: minutes(p[1]) };
}
function explained(c, action, upstream, iface, mark, rule, why) {
  return { client: c.name, action, upstream, iface, mark, rule: rule, reason: format(why), why: why, group: null, members: [] };
}
function grouped(c, v, rule, why) {
  const names = map(v.members, (u) => u.name);
  const one = v.action === "proxy" && v.upstream !== null ? v.upstream : null;
  const x = explained(c, v.action, v.action !== "proxy" ? null : one ? one.name : v.wanted, one ? one.iface : null, one ? markHex(one.mark) : null, rule, why);
  return { ...x, group: v.wanted, members: names };
}
function direct(c, why) {
  return explained(c, "direct", null, null, null, null, why);
}
function answer(cfg, cl, q, dest, addr, f, day, min, local) {
  const timed = timedFrom(cl);
  const fam = identifiedFamilies(cl, cfg.globals.ipv6);
  const only = fam.v4 ? "IPv4" : "IPv6";
  const byAddress = [];
  const result = (r, i, found) => {
    const v = verdictOf(cfg, cl, r, q.down ?? []);
    let why = i >= timed && timed < length(cl.rules) ? msg("and", [found, msg("why_per_packet", [cl.rules[timed].id])]) : found;
    if (length(byAddress)) why = msg("and", [why, msg("why_unless_address", [dest, join(", ", byAddress)])]);
    const fu = v.group && length(v.members) ? v.members[0] : v.upstream;
    if (fu !== null && !carriesFamily(fu, f)) {
      const fw = msg("why_no_family", [v.wanted, f]);
      return { x: explained(cl, "block", null, null, null, r ? r.id : null, msg("and", [why, fw])), famWhy: fw };
    }
    if (v.group) return { x: grouped(cl, v, r ? r.id : null, v.why ? msg("and", [why, v.why]) : why), famWhy: null };
    const mark = v.action === "block" ? null : markHex(v.upstream ? v.upstream.mark : directMark(cfg.globals.markMask));
    return { x: explained(
      cl,
      v.action,
      v.action === "proxy" ? v.wanted : null,
      v.action === "proxy" ? v.upstream.iface : null,
      mark,
      r ? r.id : null,
      v.why ? msg("and", [why, v.why]) : why
    ), famWhy: null };
  };
  const unclassified = (why) => ({ x: direct(cl, why), famWhy: why });
  if (f === 6 && !cfg.globals.ipv6) return unclassified(msg("why_v6_off"));
  if (addr) {
    const nets = localNetworks(cfg, local);
    for (let i = 0; i < length(nets); i++)
      if (prefixContains(nets[i], addr.bytes))
        return { x: direct(cl, msg("why_local", [q.destination, nets[i].text])), famWhy: null };
  }
  if (!fam.v4 && !fam.v6)
    return unclassified(msg("why_v6_only_off", [cl.name]));
  if (!(f === 4 ? fam.v4 : fam.v6))
    return unclassified(msg(f === 6 ? "why_one_family_slaac" : "why_one_family", [cl.name, only, f]));
  const skipped = [];
  for (let i = 0; i < length(cl.rules); i++) {
    const r = cl.rules[i];
    let hit = null;
    const m = r.match;
    const anyDest = !length(m.domains) && !length(m.dest4) && !length(m.dest6) && !length(m.lists);
    if (anyDest) hit = msg("why_any");
    else if (addr) {
      const ps = addr.family === 4 ? m.dest4 : m.dest6;
      for (let j = 0; j < length(ps); j++) if (prefixContains(parsePrefix(ps[j]), addr.bytes)) {
        hit = msg("why_in", [q.destination, ps[j]]);
        break;
      }
      const l = hit ? null : listHit(r, addr);
      if (l) hit = msg("why_in", [q.destination, l]);
    } else {
      const d = domainHit(r, dest);
      if (d) hit = d === dest ? msg("why_domain", [d]) : msg("why_under", [dest, d]);
      else if (length(f === 4 ? m.dest4 : m.dest6) || listsHave(r, f)) push(byAddress, r.id);
    }
    if (!hit) continue;
    const why = sideConditions(r, q, day, min);
    if (why) {
      push(skipped, msg("at_path", [r.id, why]));
      continue;
    }
    return result(r, i, msg("why_first_match", [ruleLabel(r), notEvaluated(r, q, day, min, hit)]));
  }
  const no = length(skipped) ? msg("why_no_match_but", [joined(skipped), cl.defaultAction]) : msg("why_no_match", [cl.defaultAction]);
  return result(null, length(cl.rules), addr ? msg("and", [no, msg("why_note_ip")]) : no);
}
function explain(cfg, q) {
  let c = null;
  for (let i = 0; i < length(cfg.clients); i++) if (cfg.clients[i].name === q.client) c = cfg.clients[i];
  if (!c) return failed("client", msg("unknown_client", [q.client]));
  const dest = lc(trim(q.destination ?? ""));
  if (match(dest, CONTROL)) return failed("destination", msg("control_char"));
  const addr = parseAddress(dest);
  if (!addr && badDomain(dest)) return failed("destination", msg("not_destination", [q.destination]));
  if (q.family != null && q.family !== 4 && q.family !== 6) return failed("family", msg("not_family", [`${q.family}`]));
  if (q.family != null && addr && addr.family !== q.family)
    return failed("family", msg("family_mismatch", [q.destination, addr.family, q.family]));
  let day = -1, min = -1;
  if (q.at != null && q.at !== "") {
    const at = parseAt(q.at);
    if (isMsg(at)) return failed("at", at);
    day = at.day;
    min = at.min;
  }
  const local = q.local ?? [];
  for (let i = 0; i < length(local); i++) {
    const p = parsePrefix(local[i]);
    if (isMsg(p)) return failed(`local[${i}]`, p);
  }
  const cl = c;
  if (!cfg.globals.enabled) return direct(cl, msg("why_all_off"));
  if (!cl.enabled) return direct(cl, msg("why_client_off", [cl.name]));
  const f = addr ? addr.family : q.family ?? 4;
  const a = answer(cfg, cl, q, dest, addr, f, day, min, local);
  if (addr || q.family != null) return a.x;
  const o = answer(cfg, cl, q, dest, addr, 6, day, min, local);
  if (o.x.action === a.x.action && o.x.iface === a.x.iface) return a.x;
  const other = o.famWhy ?? o.x.why;
  const note = o.x.action === "proxy" ? msg("why_aaaa_via", [o.x.action, o.x.upstream, other]) : msg("why_aaaa", [o.x.action, other]);
  const x = a.x;
  return { ...explained(cl, x.action, x.upstream, x.iface, x.mark, x.rule, msg("and", [x.why, note])), group: x.group, members: x.members };
}

// src/core/query.ts
let PORT_PROTOS = ["tcp", "udp", "sctp", "udplite"];
function given(v) {
  return v !== null && v !== null && v !== "";
}
function bad(path, m) {
  return { error: { path, id: m.id, args: m.args } };
}
function explainQuery(cfg, a) {
  if (!given(a.client) || type(a.client) !== "string") return bad("client", msg("required"));
  if (!given(a.destination) || type(a.destination) !== "string") return bad("destination", msg("required"));
  let proto = null, port = null, at = null;
  const names = ["proto", "port", "at", "family"];
  for (let i = 0; i < length(names); i++)
    if (given(a[names[i]]) && match(`${a[names[i]]}`, CONTROL)) return bad(names[i], msg("control_char"));
  if (given(a.proto)) {
    const p = `${a.proto}`;
    if (index(PROTOS, p) < 0)
      return bad("proto", index(PROTOS, lc(p)) >= 0 ? msg("lower_case", [p]) : msg("not_proto", [p, join(" ", PROTOS)]));
    proto = p;
  }
  if (given(a.port)) {
    const e = badPort(`${a.port}`);
    if (e) return bad("port", e);
    if (proto !== null && index(PORT_PROTOS, proto) < 0) return bad("port", msg("proto_no_ports", [proto]));
    port = int(`${a.port}`);
  }
  if (given(a.at)) {
    const w = split(trim(`${a.at}`), BLANKS);
    if (length(w) !== 2 || weekday(w[0]) < 0 || badTime(w[1])) return bad("at", msg("not_at", [`${a.at}`]));
    at = `${a.at}`;
  }
  let family = null;
  if (given(a.family)) {
    const f = `${a.family}`;
    if (f !== "4" && f !== "6") return bad("family", msg("not_family", [f]));
    family = f === "4" ? 4 : 6;
  }
  let down = [];
  if (given(a.down)) {
    down = type(a.down) === "array" ? a.down : split(`${a.down}`, ",");
    for (let i = 0; i < length(down); i++)
      if (!upstreamByName(cfg, down[i])) return bad(`down[${i}]`, msg("unknown_upstream", [down[i]]));
  }
  return { client: a.client, destination: a.destination, proto, port, at, down, family };
}

// src/core/transition.ts
function dropped(before, after) {
  if (before === after) return false;
  const now = {};
  const next = split(after, " ");
  for (let i = 0; i < length(next); i++) now[next[i]] = true;
  const was = split(before, " ");
  for (let i = 0; i < length(was); i++) if (!now[was[i]]) return true;
  return false;
}
function stale(live, want) {
  const lines = [];
  const kinds = ["set", "map", "chain"];
  const lists = [live.sets, live.maps, live.chains];
  const wanted = [want.sets, want.maps, want.chains];
  for (let k = 0; k < 3; k++) {
    const has = {};
    for (let i = 0; i < length(wanted[k]); i++) has[wanted[k][i]] = true;
    for (let i = 0; i < length(lists[k]); i++)
      if (!has[lists[k][i]]) push(lines, `delete ${kinds[k]} inet splitwg ${lists[k][i]}`);
  }
  return lines;
}
function nftTransition(prev, next, deletesOnly, live, want) {
  const lines = live && want ? stale(live, want) : [];
  const now = {};
  for (let i = 0; i < length(next); i++) now[next[i].name] = next[i];
  for (let i = 0; i < length(prev ?? []); i++) {
    const p = prev[i], n = now[p.name];
    if (!n) {
      if (!live) push(lines, `delete set inet splitwg ${p.name}`);
    } else if (!deletesOnly && p.kind === "domain" && (n.kind !== "domain" || dropped(p.key, n.key)))
      push(lines, `flush set inet splitwg ${p.name}	# a domain left the rule: forget the addresses learned for it`);
  }
  return length(lines) ? join("\n", lines) + "\n" : "";
}
function listReloads(prev, next) {
  const was = {};
  for (let i = 0; i < length(prev ?? []); i++) was[prev[i].name] = prev[i];
  const out = [];
  for (let i = 0; i < length(next); i++) {
    const n = next[i];
    if (n.kind !== "list") continue;
    const p = prev ? was[n.name] : null;
    if (!p || p.kind !== "list" || p.key !== n.key) push(out, n.name);
  }
  return out;
}

// src/core/format.ts
function age(s) {
  if (s === null) return null;
  if (s < 120) return { n: s, unit: "s" };
  if (s < 7200) return { n: int(s / 60), unit: "m" };
  if (s < 172800) return { n: int(s / 3600), unit: "h" };
  return { n: int(s / 86400), unit: "d" };
}
function fmtBytes(n) {
  const units = ["B", "KiB", "MiB", "GiB", "TiB"];
  let i = 0, v = n, frac = 0;
  while (v >= 1024 && i < 4) {
    frac = int(v % 1024 * 10 / 1024);
    v = int(v / 1024);
    i++;
  }
  return i === 0 ? `${v} B` : `${v}.${frac} ${units[i]}`;
}
export {
  CONF_BYTES,
  FRAGMENT_CHUNK,
  FRAGMENT_TAIL,
  GROUP_STATE,
  HANDSHAKE_MAX,
  LIST_DIR,
  MESSAGES,
  NFT,
  OWNED,
  RULE_FIELDS,
  SERVER_IFACE,
  VERSION,
  ZIP_ENTRIES,
  age,
  badBool,
  badKey,
  badListFile,
  badUrl,
  bool,
  check,
  clientChainName,
  compile,
  described,
  directMark,
  dnsmasqFor,
  downOf,
  emptyPlan,
  explain,
  explainQuery,
  fmtBytes,
  format,
  fragmentHead,
  fragmentLine,
  fragmentName,
  groupMapList,
  groupsScript,
  isConfEntry,
  isMsg,
  isOwned,
  listEntries,
  listLine,
  listMissing,
  listPath,
  listPaths,
  listReloads,
  listSets,
  listStart,
  listsScript,
  markChainName,
  membersNow,
  msg,
  nameFromFile,
  nftTransition,
  parseAddress,
  parseInterfaceAddress,
  parsePrefix,
  parseUci,
  pathText,
  plan,
  prefixContains,
  prefixText,
  prefixesOverlap,
  printNft,
  probed,
  readConfig,
  readListText,
  readSubscriptions,
  redactedPlan,
  renderUci,
  ruleOptions,
  slotsScript,
  step,
  tableObjects,
  tableState,
  templateSections,
  uniqueNames,
  watchOf,
  watched
};
