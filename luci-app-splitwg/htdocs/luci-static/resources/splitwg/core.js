'use strict';
'require baseclass';
// Generated from src/core/*.ts by `npm run build` — edit the TypeScript, not this file.

// src/ucode/shim/bytes.ts
var ASCII = /^[\x00-\x7f]*$/;
function toB(s) {
  return ASCII.test(s) ? s : unescape(encodeURIComponent(s));
}
function fromB(b) {
  if (ASCII.test(b)) return b;
  try {
    return decodeURIComponent(escape(b));
  } catch {
    throw new UcodeError("Error", "string cut inside a UTF-8 character (the shim keeps only valid UTF-8)");
  }
}
var UcodeError = class extends Error {
  constructor(type2, message) {
    super(message);
    this.name = "UcodeError";
    this.type = type2;
  }
};
function die(msg2) {
  throw new UcodeError("Error", typeof msg2 === "string" ? msg2 : "Died");
}

// src/ucode/shim/values.ts
function type(v) {
  switch (typeof v) {
    case "boolean":
      return "bool";
    case "string":
      return "string";
    case "number":
      return Number.isInteger(v) ? "int" : "double";
    case "function":
      return "function";
    case "object":
      return v === null ? null : Array.isArray(v) ? "array" : v instanceof RegExp ? "regexp" : "object";
    default:
      return null;
  }
}
function quote(s) {
  return '"' + s.replace(/["\\\x00-\x1f]/g, (c) => {
    const i = '"\\\b\f\n\r	'.indexOf(c);
    return i >= 0 ? "\\" + '"\\bfnrt'[i] : "\\u" + c.charCodeAt(0).toString(16).padStart(4, "0");
  }) + '"';
}
function number(d, json2) {
  if (Number.isInteger(d)) return String(d === 0 ? 0 : d);
  if (Number.isNaN(d)) return json2 ? '"NaN"' : "NaN";
  return die(`the shim prints integers only, not ${d}`);
}
function format(v, json2, pad, depth) {
  const t = type(v);
  if (t === "string") return json2 ? quote(v) : v;
  if (t === "int" || t === "double") return number(v, json2);
  if (t === "bool") return v ? "true" : "false";
  if (t === "regexp") {
    const r = v, s = `/${r.source}/${r.global ? "g" : ""}${r.ignoreCase ? "i" : ""}`;
    return json2 ? quote(s) : s;
  }
  if (t === "function") return die("the shim does not print functions");
  if (t !== "array" && t !== "object") return "null";
  const arr = t === "array", o = v;
  const ks = arr ? null : Object.keys(o);
  const n = arr ? v.length : ks.length;
  const sep = (d) => pad ? "\n" + pad.repeat(d) : " ";
  let out = arr ? "[" : "{";
  for (let i = 0; i < n; i++)
    out += (i ? "," : "") + sep(depth + 1) + (arr ? "" : quote(ks[i]) + ": ") + format(arr ? v[i] : o[ks[i]], true, pad, depth + 1);
  return out + sep(depth) + (arr ? "]" : "}");
}
function toStr(v) {
  return typeof v === "string" ? v : format(v, false, "", 0);
}
function toJson(v, pad) {
  return format(v, true, pad, 0);
}
function compare(a, b) {
  if (typeof a === "string" && typeof b === "string") {
    const x2 = toB(a), y2 = toB(b);
    return x2 < y2 ? -1 : x2 > y2 ? 1 : 0;
  }
  const x = Number(a ?? 0), y = Number(b ?? 0);
  return x < y ? -1 : x > y ? 1 : 0;
}
function same(a, b) {
  return a === b || a == null && b == null;
}

// src/ucode/shim/strings.ts
function length(x) {
  if (typeof x === "string") return toB(x).length;
  if (Array.isArray(x)) return x.length;
  return x !== null && typeof x === "object" ? Object.keys(x).length : null;
}
function find(stack, needle, last) {
  if (Array.isArray(stack)) {
    for (let i = 0; i < stack.length; i++) {
      const k = last ? stack.length - 1 - i : i;
      if (same(stack[k], needle)) return k;
    }
    return -1;
  }
  if (typeof stack !== "string") return null;
  if (typeof needle !== "string") return -1;
  return last ? toB(stack).lastIndexOf(toB(needle)) : toB(stack).indexOf(toB(needle));
}
function index(stack, needle) {
  return find(stack, needle, false);
}
function rindex(stack, needle) {
  return find(stack, needle, true);
}
function join(sep, arr) {
  return Array.isArray(arr) ? arr.map(toStr).join(toStr(sep)) : null;
}
function substr(s, off, len) {
  if (typeof s !== "string") return null;
  const b = toB(s), n = b.length;
  let o = Math.trunc(Number(off ?? 0));
  o = o < 0 ? Math.max(n + o, 0) : Math.min(o, n);
  let l = arguments.length < 3 ? n - o : Math.trunc(Number(len ?? 0));
  l = l < 0 ? Math.max(n - o + l, 0) : Math.min(l, n - o);
  return fromB(b.slice(o, o + l));
}
function trim(s, chars) {
  if (typeof s !== "string") return null;
  const set = typeof chars === "string" ? chars : " 	\r\n";
  let a = 0, e = s.length;
  while (a < e && set.indexOf(s[a]) >= 0) a++;
  while (e > a && set.indexOf(s[e - 1]) >= 0) e--;
  return s.slice(a, e);
}
function lc(s) {
  return toStr(s ?? null).replace(/[A-Z]+/g, (m) => m.toLowerCase());
}
function uc(s) {
  return toStr(s ?? null).replace(/[a-z]+/g, (m) => m.toUpperCase());
}
function chr(...codes) {
  for (const c of codes) if (!(c >= 0 && c < 128)) die(`chr(${c}): the shim makes ASCII only`);
  return String.fromCharCode(...codes);
}
function ord(s, off) {
  if (typeof s !== "string") return null;
  const b = toB(s);
  let i = Math.trunc(Number(off ?? 0));
  if (i < 0) i += b.length;
  return i >= 0 && i < b.length ? b.charCodeAt(i) : null;
}

// src/ucode/shim/arrays.ts
function push(arr, ...values2) {
  if (!Array.isArray(arr)) return null;
  for (const v of values2) arr[arr.length] = v;
  return values2.length ? values2[values2.length - 1] : null;
}
function filter(arr, fn) {
  return Array.isArray(arr) && fn ? arr.filter((v, i) => fn(v, i, arr)) : null;
}
function map(arr, fn) {
  return Array.isArray(arr) && fn ? arr.map((v, i) => fn(v, i, arr) ?? null) : null;
}
function slice(arr, start, end) {
  return Array.isArray(arr) ? arr.slice(start ?? 0, end ?? arr.length) : null;
}
function uniq(arr) {
  if (!Array.isArray(arr)) return null;
  const out = [];
  for (const v of arr) if (!out.some((w) => same(v, w))) out.push(v ?? null);
  return out;
}
function order(a, b) {
  const num = (v) => typeof v === "number";
  return num(a) && num(b) ? compare(a, b) : compare(`${a}`, `${b}`);
}
function sort(val, cmp) {
  const by = (a, b, va, vb) => cmp ? compare(cmp(a, b, va, vb), 0) : order(a, b);
  if (Array.isArray(val)) return val.sort((a, b) => by(a, b));
  if (type(val) !== "object") return null;
  const o = val;
  const ks = Object.keys(o).sort((a, b) => by(a, b, o[a], o[b]));
  const vs = ks.map((k) => o[k]);
  for (const k of ks) delete o[k];
  ks.forEach((k, i) => {
    o[k] = vs[i];
  });
  return o;
}
function keys(o) {
  return type(o) === "object" ? Object.keys(o) : null;
}
function exists(o, key) {
  return type(o) === "object" && Object.prototype.hasOwnProperty.call(o, `${key}`);
}

// src/ucode/shim/regex.ts
var SEARCH = /* @__PURE__ */ new WeakMap();
var ANCHOR = /[$^]/;
var NOT_ANCHOR = /\\[^]|\[\^?\]?[^\]]*\]/g;
function searcher(re, subject) {
  if (subject.indexOf("\0") >= 0) die("regex subject contains NUL: ucode matches only up to it");
  if (subject.indexOf("\n") >= 0 && ANCHOR.test(re.source.replace(NOT_ANCHOR, "")))
    die(`${re} on a subject with a newline: ucode HEAD anchors ^/$ at every line, 0.0.20250529 at the ends`);
  let g = SEARCH.get(re);
  if (!g) SEARCH.set(re, g = new RegExp(re.source, re.ignoreCase ? "gi" : "g"));
  return g;
}
function exec(g, b, pos) {
  g.lastIndex = pos;
  return g.exec(b);
}
var groups = (r) => Array.from(r, (m) => m === void 0 ? null : fromB(m));
function match(subject, re) {
  if (!(re instanceof RegExp) || subject == null) return null;
  const b = toB(toStr(subject)), g = searcher(re, b);
  if (!re.global) {
    const r = exec(g, b, 0);
    return r ? groups(r) : null;
  }
  const all = [];
  for (let pos = 0, r; r = exec(g, b, pos); ) {
    all.push(groups(r));
    if (r[0].length) pos = r.index + r[0].length;
    else if (pos < b.length) pos++;
    else break;
  }
  return all.length ? all : null;
}
function expand(repl, pre, r, at) {
  return repl.replace(/\$([&`'$1-9])/g, (all, e) => {
    if (e === "&") return r[0];
    if (e === "`") return pre.slice(0, at);
    if (e === "'") return pre.slice(at + r[0].length);
    if (e === "$") return "$";
    return r[+e] === void 0 ? all : r[+e];
  });
}
function replace(subject, re, repl, limit) {
  if (subject == null || repl == null) return null;
  if (!(re instanceof RegExp)) return die("replace() with a string pattern: use a regex literal");
  const b = toB(toStr(subject)), g = searcher(re, b);
  const str = typeof repl === "function" ? "" : toB(toStr(repl));
  let out = "", p = 0;
  for (let n = limit ?? Infinity; n > 0; n--) {
    const r = exec(g, b, p);
    if (!r) break;
    out += b.slice(p, r.index);
    out += typeof repl === "function" ? toB(toStr(repl(...groups(r)))) : expand(str, b.slice(p), r, r.index - p);
    if (r[0].length) p = r.index + r[0].length;
    else if (p < b.length) out += b[p++];
    else break;
    if (!re.global) break;
  }
  return fromB(out + b.slice(p));
}
function split(s, sep, limit) {
  if (typeof s !== "string" || sep == null) return null;
  const b = toB(s), out = [];
  let n = limit ?? Infinity, p = 0;
  if (n <= 0) return out;
  if (sep instanceof RegExp) {
    const g = searcher(sep, b);
    for (let r; n > 1 && (r = exec(g, b, p)); n--) {
      const e = r[0].length ? r.index : p + 1;
      if (!r[0].length && p >= b.length) return out;
      out.push(fromB(b.slice(p, e)));
      p = r[0].length ? r.index + r[0].length : e;
    }
    out.push(fromB(b.slice(p)));
    return out;
  }
  const t = toB(toStr(sep));
  if (!t.length) return die('split(s, ""): the shim does not split into bytes');
  for (let k; n > 1 && (k = b.indexOf(t, p)) >= 0; n--) {
    out.push(fromB(b.slice(p, k)));
    p = k + t.length;
  }
  out.push(fromB(b.slice(p)));
  return out;
}

// src/ucode/shim/format.ts
var SPEC = /%(-?)(0?)([0-9]*)(\.[0-9]*)?([sdixXJ%])/g;
function integer(v) {
  const n = typeof v === "number" ? v : typeof v === "boolean" || v == null ? Number(v ?? 0) : NaN;
  return Number.isInteger(n) ? n : die(`sprintf: %d/%x of ${toStr(v)}: the shim formats integers only`);
}
function sprintf(fmt, ...args) {
  let next = 0;
  const out = toStr(fmt ?? "").replace(SPEC, (all, left, zero, width, prec, conv) => {
    if (conv === "%") return "%";
    const v = next < args.length ? args[next] : null;
    next++;
    let body, sign = "";
    if (conv === "s") body = v == null ? "(null)" : toStr(v);
    else if (conv === "J") body = toJson(v, prec === void 0 ? "" : prec === "." || prec === ".0" ? "	" : " ".repeat(+prec.slice(1)));
    else {
      const n = integer(v);
      if (conv === "d" || conv === "i") {
        body = String(Math.abs(n));
        sign = n < 0 ? "-" : "";
      } else body = (n < 0 ? BigInt.asUintN(64, BigInt(n)) : n).toString(16);
      if (conv === "X") body = body.toUpperCase();
    }
    const fill2 = Math.max(+width - toB(sign + body).length, 0);
    if (left) return sign + body + " ".repeat(fill2);
    return zero && conv !== "s" && conv !== "J" ? sign + "0".repeat(fill2) + body : " ".repeat(fill2) + sign + body;
  });
  return out;
}

// src/ucode/shim/misc.ts
var DIGITS = "0123456789abcdefghijklmnopqrstuvwxyz";
var OCTET = /^(0|[1-9][0-9]{0,2})$/;
var HEXTET = /^[0-9a-fA-F]{1,4}$/;
function int(v, base) {
  if (typeof v !== "string") return typeof v === "number" ? Math.trunc(v) : v === true ? 1 : v == null || v === false ? 0 : NaN;
  let b = base ?? 10;
  const m = /^[ \t\n\v\f\r]*([+-]?)(0[xX](?=[0-9a-fA-F]))?(.*)$/s.exec(v);
  let rest = m[3];
  if (m[2] && b !== 16 && b !== 0) rest = "0" + m[2].slice(1) + rest;
  else if (m[2]) b = 16;
  else if (b === 0) b = rest[0] === "0" ? 8 : 10;
  let n = 0, k = 0;
  for (; k < rest.length; k++) {
    const d = DIGITS.indexOf(rest[k].toLowerCase());
    if (d < 0 || d >= b) break;
    n = n * b + d;
  }
  return k ? m[1] === "-" ? -n : n : NaN;
}
function pton4(s) {
  const p = s.split(".");
  return p.length === 4 && p.every((x) => OCTET.test(x) && +x < 256) ? p.map(Number) : null;
}
function pton6(s) {
  if (!/^[0-9a-fA-F:.]+$/.test(s)) return null;
  let v4 = null, str = s;
  if (s.indexOf(".") >= 0) {
    const c = s.lastIndexOf(":");
    if (c < 0 || !(v4 = pton4(s.slice(c + 1)))) return null;
    str = s.slice(0, c + 1) + "0:0";
    if (c > 0 && s[c - 1] !== ":" && str.split(":").length < 8 && str.indexOf("::") < 0) return null;
  }
  const dbl = str.indexOf("::");
  if (dbl >= 0 && str.indexOf("::", dbl + 1) >= 0) return null;
  const head = dbl < 0 ? str.split(":") : dbl > 0 ? str.slice(0, dbl).split(":") : [];
  const tail = dbl >= 0 && dbl + 2 < str.length ? str.slice(dbl + 2).split(":") : [];
  if (dbl < 0 ? head.length !== 8 : head.length + tail.length > 7) return null;
  if (!head.concat(tail).every((g) => HEXTET.test(g))) return null;
  const words = head.concat(Array(8 - head.length - tail.length).fill("0"), tail).map((g) => parseInt(g, 16));
  const bytes = [].concat(...words.map((w) => [w >> 8, w & 255]));
  if (v4) bytes.splice(12, 4, ...v4);
  return bytes;
}
function iptoarr(ip) {
  return typeof ip === "string" ? pton6(ip) || pton4(ip) : null;
}
function ntop6(b) {
  const w = [0, 1, 2, 3, 4, 5, 6, 7].map((i) => (b[2 * i] * 256 + b[2 * i + 1]).toString(16));
  let buf = b.slice(0, 10).every((x) => x === 0) && b[10] === 255 && b[11] === 255 ? w.slice(0, 6).join(":") + ":" + b.slice(12).join(".") : w.join(":");
  let best = 0, max = 2;
  for (let i = 0; i < buf.length; i++) {
    if (i && buf[i] !== ":") continue;
    let j = 0;
    while (i + j < buf.length && (buf[i + j] === ":" || buf[i + j] === "0")) j++;
    if (j > max + (best === 0 ? 1 : 0)) {
      best = i;
      max = j;
    }
  }
  if (max > 3) buf = buf.slice(0, best) + "::" + buf.slice(best + max);
  return buf;
}
function arrtoip(a) {
  if (!Array.isArray(a) || a.length !== 4 && a.length !== 16) return null;
  if (!a.every((v) => Number.isInteger(v) && v >= 0 && v <= 255)) return null;
  return a.length === 4 ? a.join(".") : ntop6(a);
}

// src/core/messages.ts
var MESSAGES = {
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
var PLACEHOLDER = /^([0-9]+)\}/;
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
function format2(m) {
  const args = m.args ?? [];
  const text = (i) => isMsg(args[i]) ? format2(args[i]) : `${args[i]}`;
  const t = MESSAGES[m.id];
  if (t === null || t === void 0) {
    const all = [];
    for (let i = 0; i < length(args); i++) push(all, text(i));
    return `${m.id}(${join(", ", all)})`;
  }
  return fill(t, length(args), text);
}

// src/core/ip.ts
var PREFIX_LEN = /^(0|[1-9][0-9]{0,2})$/;
var V4_RE = /^[0-9]{1,3}\.[0-9]{1,3}\.[0-9]{1,3}\.[0-9]{1,3}$/;
var V4_LEADING_ZERO = /(^|\.)0[0-9]/;
var V4_PREFIX = /^((0|[1-9][0-9]{0,2})\.(0|[1-9][0-9]{0,2})\.(0|[1-9][0-9]{0,2})\.(0|[1-9][0-9]{0,2}))(\/(0|[1-9][0-9]?))?$/;
var V6_RE = /^[0-9a-fA-F:.]+$/;
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
  return { action, upstream, wanted, note: format2(why), why, group: null, members: [] };
}
function plain(action, upstream, wanted) {
  return { action, upstream, wanted, note: null, why: null, group: null, members: [] };
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
function upstreamByName(cfg, name) {
  for (let i = 0; i < length(cfg.upstreams); i++)
    if (cfg.upstreams[i].name === name) return cfg.upstreams[i];
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
function downVia(cfg, u, down) {
  for (let w = u, n = 0; w.via !== null && n < length(cfg.upstreams); n++) {
    const o = upstreamByName(cfg, w.via);
    if (!o) return null;
    if (index(down, o.name) >= 0) return o.name;
    w = o;
  }
  return null;
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
var BASE = 36;
var TMIN = 1;
var TMAX = 26;
var SKEW = 38;
var DAMP = 700;
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
var LABEL_BAD = /["'`\\;#{}$\/<>|&]/;
var CONTROL = /[\x01-\x1f\x7f]/;
var BLANKS = /[ \t]+/;
var WG_KEY = /^[A-Za-z0-9+\/]{42}[AEIMQUYcgkosw480]=$/;
var DECIMAL = /^(0|[1-9][0-9]{0,9})$/;
var PORT_RANGE = /^([^\n-]*)-([^\n-]*)$/;
var BOOL_WORDS = {
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
var TIME = /^([01][0-9]|2[0-3]):[0-5][0-9]$/;
var EDGE_DOTS = /^(\*\.|\.)+|\.+$/g;
var TRAILING_DOT = /\.$/;
var DOMAIN_CHARS = /^[a-z0-9.-]+$/;
var DOMAIN_EDGE = /(^|\.)-|-(\.|$)|\.\.|^\.|\.$/;
var LONG_LABEL = /[^.\n]{64}/;
var DIGITS_DOTS = /^[0-9.]+$/;
var IPV4 = /^[0-9]{1,3}(\.[0-9]{1,3}){3}$/;
var IPV6_CHARS = /^[0-9a-fA-F:.]+$/;
var NUMERIC_TOP = /(^|\.)[0-9]+$/;
var INET_ATON = /^(0[xX][0-9a-fA-F]*|[0-9]+)(\.(0[xX][0-9a-fA-F]*|[0-9]+))*$/;
var HOSTNAME = /^[a-zA-Z0-9]([a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?(\.[a-zA-Z0-9]([a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)*$/;
var ENDPOINT6 = /^\[([0-9a-fA-F:.]+)\]:([^:\n]*)$/;
var ENDPOINT = /^([a-zA-Z0-9.-]+):([^:\n]*)$/;
var MAC = /^[0-9a-fA-F]{2}(:[0-9a-fA-F]{2}){5}$/;
var IFNAME = /^[a-zA-Z0-9][a-zA-Z0-9_.-]*$/;
var HEX_MASK = /^0x[0-9a-fA-F]{1,8}$/;
var NAME_RE = /^[a-zA-Z][a-zA-Z0-9_]*$/;
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
var WEEKDAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
var WEEKDAYS_FROM_MONDAY = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
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
var PROTOS = ["tcp", "udp", "icmp", "icmpv6", "sctp", "udplite", "gre", "esp"];
function badProto(v) {
  return v === "all" || v === "any" || index(PROTOS, v) >= 0 ? null : msg("not_proto", [v, `${join(" ", PROTOS)}, all`]);
}
function badWeekday(v) {
  return weekday(v) < 0 ? msg("not_weekday", [v]) : null;
}
var ACTIONS = ["proxy", "direct", "block"];
function badAction(v) {
  return index(ACTIONS, v) >= 0 ? null : msg("not_action", [v]);
}
function badUpstreamName(v) {
  const e = badName(v, 12);
  if (e) return e;
  const n = length(v);
  return n > 4 && substr(v, n - 4) === "_pkt" ? msg("name_pkt", [v]) : null;
}
var GROUP_MODES = ["failover", "balance"];
var SPREADS = ["connection", "destination"];
function badEnum(v, words) {
  return index(words, v) >= 0 ? null : msg("not_one_of", [v, join(", ", words)]);
}
var CLIENT_KINDS = ["device", "peer"];
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
var LIST_DIR = "/etc/splitwg/lists";
var LIST_NAME = /^[A-Za-z0-9_+@%=,~-][A-Za-z0-9._+@%=,~-]*$/;
var LIST_PATH = /^(\/[A-Za-z0-9_+@%=,~-][A-Za-z0-9._+@%=,~-]*)+$/;
var URL_RE = /^https?:\/\/([A-Za-z0-9.-]+|\[[0-9A-Fa-f:.]+\])(:[0-9]+)?([\/?][^ \n"'<>\\^`{|};$#]*)?$/;
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

// src/core/schema.ts
var zoneName = (v) => badName(v, 11);
var upstreamName = (v) => badName(v, 12);
var sectionName = (v) => badName(v, 32);
var GLOBALS = {
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
var SERVER = {
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
var UPSTREAM = {
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
var GROUP = {
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
var CLIENT = {
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
var RULESET = {
  name: { kind: "string", check: badLabel, doc: "label" }
};
var RULE = {
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
var SUBSCRIPTION = {
  enabled: { kind: "bool", def: "1", doc: "with `0` the list is not fetched any more; its last copy stays (and feeds the rules that name it)" },
  url: { kind: "string", check: badUrl, doc: "required: `http://` or `https://` (https needs a TLS library for uclient-fetch, e.g. `libustream-mbedtls`, which OpenWrt images ship); the body is a list file: one domain or address a line" },
  interval: { kind: "int", def: "24", min: 1, max: 720, doc: "hours between fetches (cron checks every hour which lists are due)" },
  max_size: { kind: "int", def: "2048", min: 1, max: 32768, doc: "KiB: a larger download is refused (the download stops there) and the previous copy stays" }
};
var SCHEMA = {
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
function badValue(v, check2) {
  if (match(v, CONTROL)) return msg("control_char");
  return check2 ? check2(v) : null;
}
function typed(kind, v) {
  if (kind === "bool") return bool(v);
  if (kind === "int") return int(v);
  return v;
}
function readList(o, k, v, check2, path, problems) {
  let vals = type(v) === "array" ? v : filter(split(v, BLANKS), (x) => x !== "");
  if (!length(vals) && type(v) !== "array") vals = [v];
  const valid = match(join("", vals), CONTROL) ? (x) => badValue(x, check2) : check2;
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
var PREPARED = {};
function prepared(t) {
  PREPARED[t] ?? (PREPARED[t] = map(keys(SCHEMA[t]), (k) => {
    const opt = SCHEMA[t][k];
    const def = opt.def === void 0 ? opt.list ? [] : null : opt.list ? split(opt.def, " ") : typed(opt.kind, opt.def);
    return { k, opt, check: checkOf(opt), def };
  }));
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
    const check2 = own && own[k] ? own[k] : p.check;
    if (p.opt.list) {
      o.v[k] = readList(o, k, v, check2, `${base}.${k}`, problems);
      continue;
    }
    o.v[k] = p.def;
    const e = type(v) === "array" ? msg("not_single") : v === "" ? msg("empty") : badValue(v, check2);
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
        if (was === void 0) {
          owner[d] = t.upstream;
          push(t.domains, d);
        } else if (was !== t.upstream) {
          const key = `${was} ${t.upstream}`;
          clash[key] ?? (clash[key] = { first: was, other: t.upstream, n: 0, example: d });
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

// src/core/config.ts
var PORT_PROTO = /^(tcp|udp|sctp|udplite)$/;
var SERVER_IFACE = "sw_server";
var FOREIGN_MARKS = [[16128, "mwan3"], [16711680, "pbr/podkop"], [134217728, "dae"], [127, "homeproxy"]];
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
var WG_MTU = 1420;
var WG_OVERHEAD = 80;
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
function readRuleLists(id, values2, at, lists, problems) {
  const refs = [];
  let domains = [];
  if (!lists) return { refs, domains };
  const seen = {};
  for (let i = 0; i < length(values2); i++) {
    const path = listPath(values2[i]);
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
      owners[k] ?? (owners[k] = []);
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
  var _a;
  const owners = {};
  for (let n = 0; n < length(on); n++) {
    const c = on[n], ids = kind === 1 ? clients[c].macs : clients[c].ifaces;
    for (let x = 0; x < length(ids); x++) {
      const earlier = owners[ids[x]] ?? [];
      for (let h = 0; h < length(earlier); h++) if (earlier[h] !== c) push(out, { i: earlier[h], j: c, kind, x, y: 0 });
      owners[_a = ids[x]] ?? (owners[_a] = []);
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
    if (t === null || t === void 0) {
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
  const groups2 = readGroups(sections, upstreams, globals, problems, warnings);
  for (let i = 0; i < length(groups2); i++) names[groups2[i].name] = true;
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
  const config = { globals, server, upstreams, groups: groups2, clients, subscriptions, tunnelDns: [] };
  const td = tunnelDns(config);
  config.tunnelDns = td.routes;
  for (let i = 0; i < length(td.warnings); i++) push(warnings, td.warnings[i]);
  return { config, problems, warnings };
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
function check(sections, lists) {
  return readConfig(sections, lists).problems;
}

// src/core/explain.ts
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
function sideConditions(r, q, day, min2) {
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
  if (m.startTime !== null && m.stopTime !== null && min2 >= 0) {
    const a = minutes(m.startTime), b = minutes(m.stopTime);
    const inside = a < b ? min2 >= a && min2 < b : min2 >= a || min2 < b;
    if (!inside) return msg("why_not_time", [`${m.startTime}-${m.stopTime}`]);
  }
  return null;
}
function notEvaluated(r, q, day, min2, hit) {
  const m = r.match;
  const protos = length(m.ports) && !length(m.protos) ? ["tcp", "udp"] : m.protos;
  const out = [];
  if (length(protos) && q.proto == null) push(out, msg("why_open_proto", [join("/", protos)]));
  if (length(m.ports) && q.port == null) push(out, msg("why_open_port", [join(", ", m.ports)]));
  if (m.startTime !== null && min2 < 0 || length(m.weekdays) && day < 0) push(out, msg("why_open_time"));
  return length(out) ? msg("why_not_evaluated", [hit, joined(out)]) : hit;
}
function parseAt(at) {
  const p = split(trim(at), BLANKS);
  if (length(p) !== 2 || weekday(p[0]) < 0 || badTime(p[1])) return msg("not_at", [at]);
  return { day: weekday(p[0]), min: minutes(p[1]) };
}
function explained(c, action, upstream, iface, mark, rule, why) {
  return { client: c.name, action, upstream, iface, mark, rule, reason: format2(why), why, group: null, members: [] };
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
function answer(cfg, cl, q, dest, addr, f, day, min2, local) {
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
    const why = sideConditions(r, q, day, min2);
    if (why) {
      push(skipped, msg("at_path", [r.id, why]));
      continue;
    }
    return result(r, i, msg("why_first_match", [ruleLabel(r), notEvaluated(r, q, day, min2, hit)]));
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
  let day = -1, min2 = -1;
  if (q.at != null && q.at !== "") {
    const at = parseAt(q.at);
    if (isMsg(at)) return failed("at", at);
    day = at.day;
    min2 = at.min;
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
  const a = answer(cfg, cl, q, dest, addr, f, day, min2, local);
  if (addr || q.family != null) return a.x;
  const o = answer(cfg, cl, q, dest, addr, 6, day, min2, local);
  if (o.x.action === a.x.action && o.x.iface === a.x.iface) return a.x;
  const other = o.famWhy ?? o.x.why;
  const note = o.x.action === "proxy" ? msg("why_aaaa_via", [o.x.action, o.x.upstream, other]) : msg("why_aaaa", [o.x.action, other]);
  const x = a.x;
  return { ...explained(cl, x.action, x.upstream, x.iface, x.mark, x.rule, msg("and", [x.why, note])), group: x.group, members: x.members };
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

// src/core/onboard.ts
var NOT_NAME_CHAR = /[^a-z0-9_\n]|\n/g;
var LETTER_FIRST = /^[a-z]/;
var CONF_NAME = /\.[cC][oO][nN][fF]$/;
var ZIP_ENTRIES = 64;
var CONF_BYTES = 65536;
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

return baseclass.extend({
	CONF_BYTES: CONF_BYTES,
	FOREIGN_MARKS: FOREIGN_MARKS,
	LIST_DIR: LIST_DIR,
	MESSAGES: MESSAGES,
	PROTOS: PROTOS,
	SCHEMA: SCHEMA,
	SERVER_IFACE: SERVER_IFACE,
	ZIP_ENTRIES: ZIP_ENTRIES,
	age: age,
	arrtoip: arrtoip,
	badBool: badBool,
	badDomain: badDomain,
	badKey: badKey,
	badLabel: badLabel,
	badListFile: badListFile,
	badName: badName,
	badPort: badPort,
	badPortRange: badPortRange,
	badTime: badTime,
	bool: bool,
	check: check,
	checkOf: checkOf,
	explain: explain,
	fill: fill,
	fmtBytes: fmtBytes,
	format: format2,
	isConfEntry: isConfEntry,
	isMsg: isMsg,
	msg: msg,
	parseAddress: parseAddress,
	parseInterfaceAddress: parseInterfaceAddress,
	parsePrefix: parsePrefix,
	prefixContains: prefixContains,
	readConfig: readConfig,
	uniqueNames: uniqueNames,
	weekday: weekday
});
