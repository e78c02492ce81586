'use strict';
'require splitwg.core as swcore';
'require view';
'require form as form2';
'require uci as uci2';
'require ui as ui2';
'require poll';
'require rpc';
'require dom';
// Generated from src/luci/upstreams.ts by `npm run build` — edit the TypeScript, not this file.

const form = form2, ui = ui2, uci = uci2;
// node_modules/.cache/splitwg/ucode-builtins.mjs
const print = swcore.print, printf = swcore.printf, sprintf = swcore.sprintf, warn = swcore.warn, length = swcore.length, index = swcore.index, rindex = swcore.rindex, push = swcore.push, pop = swcore.pop, shift = swcore.shift, unshift = swcore.unshift, splice = swcore.splice, slice = swcore.slice, reverse = swcore.reverse, uniq = swcore.uniq, filter = swcore.filter, map = swcore.map, sort = swcore.sort, join = swcore.join, split = swcore.split, substr = swcore.substr, trim = swcore.trim, ltrim = swcore.ltrim, rtrim = swcore.rtrim, uc = swcore.uc, lc = swcore.lc, chr = swcore.chr, uchr = swcore.uchr, ord = swcore.ord, keys = swcore.keys, values = swcore.values, exists = swcore.exists, proto = swcore.proto, type = swcore.type, int = swcore.int, hex = swcore.hex, min = swcore.min, max = swcore.max, match = swcore.match, replace = swcore.replace, regexp = swcore.regexp, wildcard = swcore.wildcard, json = swcore.json, b64enc = swcore.b64enc, b64dec = swcore.b64dec, hexenc = swcore.hexenc, hexdec = swcore.hexdec, iptoarr = swcore.iptoarr, arrtoip = swcore.arrtoip, time = swcore.time, clock = swcore.clock, localtime = swcore.localtime, gmtime = swcore.gmtime, timelocal = swcore.timelocal, timegm = swcore.timegm, sleep = swcore.sleep, die = swcore.die, exit = swcore.exit, assert = swcore.assert, getenv = swcore.getenv, system = swcore.system, call = swcore.call, loadstring = swcore.loadstring;

// src/luci/upstreams.ts

const badInt = swcore.badInt, badKey = swcore.badKey, badLabel = swcore.badLabel, badName2 = swcore.badName, parseEndpoint = swcore.parseEndpoint;
const parseInterfaceAddress = swcore.parseInterfaceAddress, parsePrefix2 = swcore.parsePrefix;

// src/luci/_rpc.ts

var callStatus = rpc.declare({ object: "splitwg", method: "status", expect: { "": {} } });
var callCheck = rpc.declare({ object: "splitwg", method: "check", expect: { "": {} } });
var callExplain = rpc.declare({
  object: "splitwg",
  method: "explain",
  params: ["client", "destination", "proto", "port", "at"],
  expect: { "": {} }
});
var callGenkey = rpc.declare({ object: "splitwg", method: "genkey", expect: { "": {} } });
var callImportConf = rpc.declare({
  object: "splitwg",
  method: "import_conf",
  params: ["text", "name"],
  expect: { "": {} }
});
var callPeerConf = rpc.declare({
  object: "splitwg",
  method: "peer_conf",
  params: ["client"],
  expect: { "": {} }
});
var callHostHints = rpc.declare({ object: "luci-rpc", method: "getHostHints", expect: { "": {} } });
function isError(r) {
  return r !== null && typeof r === "object" && "error" in r;
}

// src/luci/_upstream.ts
const badName = swcore.badName;
function suggestName(source, taken) {
  let base = source.replace(/^.*[\\/]/, "").replace(/\.conf$/i, "").replace(/:[0-9]+$/, "").replace(/^\[|\]$/g, "");
  base = base.replace(/^(wg|wireguard)[-_ ]+/i, "");
  if (/^[a-z0-9-]+(\.[a-z0-9-]+)+$/i.test(base)) base = base.split(".")[0];
  base = base.toLowerCase().replace(/[^a-z0-9]+/g, "_").replace(/^_+|_+$/g, "");
  if (!/^[a-z]/.test(base)) base = "up" + (base === "" ? "" : "_" + base);
  base = base.slice(0, 12).replace(/_+$/, "");
  const ok = (n) => !badName(n, 12) && n !== "server" && taken.indexOf(n) < 0;
  if (ok(base)) return base;
  for (let i = 2; i < 1e3; i++) {
    const sfx = `${i}`;
    const n = base.slice(0, 12 - sfx.length - 1).replace(/_+$/, "") + "_" + sfx;
    if (ok(n)) return n;
  }
  return base;
}
function importedOptions(u, label) {
  const o = {};
  if (label) o.name = label;
  o.private_key = u.private_key;
  o.address = u.address.slice();
  o.public_key = u.public_key;
  if (u.preshared_key) o.preshared_key = u.preshared_key;
  o.endpoint = u.endpoint;
  if (u.allowed_ips && u.allowed_ips.length) o.allowed_ips = u.allowed_ips.slice();
  if (u.mtu != null && u.mtu !== "") o.mtu = String(u.mtu);
  if (u.keepalive != null && u.keepalive !== "") o.keepalive = String(u.keepalive);
  if (u.dns && u.dns.length) o.dns = u.dns.slice();
  return o;
}

// src/luci/_x25519.ts
var P = (1n << 255n) - 19n;
var A24 = 121665n;
function mod(a) {
  const r = a % P;
  return r < 0n ? r + P : r;
}
function pow(b, e) {
  let r = 1n;
  b = mod(b);
  while (e > 0n) {
    if (e & 1n) r = mod(r * b);
    b = mod(b * b);
    e >>= 1n;
  }
  return r;
}
var B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
function b64decode(s) {
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(s) || s.length % 4 !== 0) return null;
  const out = [];
  for (let i = 0; i < s.length; i += 4) {
    const c = [0, 1, 2, 3].map((j) => s.charAt(i + j) === "=" ? -1 : B64.indexOf(s.charAt(i + j)));
    const n = c[0] << 18 | c[1] << 12 | (c[2] < 0 ? 0 : c[2]) << 6 | (c[3] < 0 ? 0 : c[3]);
    out.push(n >> 16 & 255);
    if (c[2] >= 0) out.push(n >> 8 & 255);
    if (c[3] >= 0) out.push(n & 255);
  }
  return out;
}
function b64encode(b) {
  let s = "";
  for (let i = 0; i < b.length; i += 3) {
    const n = b[i] << 16 | (b[i + 1] ?? 0) << 8 | (b[i + 2] ?? 0);
    s += B64.charAt(n >> 18 & 63) + B64.charAt(n >> 12 & 63) + (i + 1 < b.length ? B64.charAt(n >> 6 & 63) : "=") + (i + 2 < b.length ? B64.charAt(n & 63) : "=");
  }
  return s;
}
function toInt(b) {
  let r = 0n;
  for (let i = b.length - 1; i >= 0; i--) r = r << 8n | BigInt(b[i]);
  return r;
}
function toBytes(n) {
  const out = [];
  for (let i = 0; i < 32; i++) {
    out.push(Number(n & 255n));
    n >>= 8n;
  }
  return out;
}
function x25519(scalar, u) {
  const k = scalar.slice();
  k[0] &= 248;
  k[31] &= 127;
  k[31] |= 64;
  const kn = toInt(k);
  const uu = u.slice();
  uu[31] &= 127;
  const x1 = mod(toInt(uu));
  let x2 = 1n, z2 = 0n, x3 = x1, z3 = 1n, swap = 0n;
  for (let t2 = 254; t2 >= 0; t2--) {
    const kt = kn >> BigInt(t2) & 1n;
    if ((swap ^ kt) === 1n) {
      let x = x2;
      x2 = x3;
      x3 = x;
      x = z2;
      z2 = z3;
      z3 = x;
    }
    swap = kt;
    const a = mod(x2 + z2), aa = mod(a * a), b = mod(x2 - z2), bb = mod(b * b), e = mod(aa - bb);
    const c = mod(x3 + z3), d = mod(x3 - z3), da = mod(d * a), cb = mod(c * b);
    x3 = mod((da + cb) * (da + cb));
    z3 = mod(x1 * mod((da - cb) * (da - cb)));
    x2 = mod(aa * bb);
    z2 = mod(e * mod(aa + A24 * e));
  }
  if (swap === 1n) {
    x2 = x3;
    z2 = z3;
  }
  return toBytes(mod(x2 * pow(z2, P - 2n)));
}
function publicKey(privateKeyB64) {
  const k = b64decode(privateKeyB64.trim());
  if (!k || k.length !== 32) return null;
  const base = [9];
  for (let i = 1; i < 32; i++) base.push(0);
  return b64encode(x25519(k, base));
}

// src/luci/_ui.ts

const check = swcore.check;

// src/luci/_msg.ts
function N_(s) {
  return s;
}
function msg(text, ...args) {
  return { text, args };
}
function fmt(template, args) {
  let i = 0;
  return template.replace(/%([sd%])/g, (_m, c) => {
    if (c === "%") return "%";
    const v = i < args.length ? args[i] : "";
    i++;
    return c === "d" ? String(typeof v === "number" ? Math.trunc(v) : parseInt(String(v), 10)) : String(v);
  });
}
function tr(m, translate) {
  return fmt(translate ? translate(m.text) : m.text, m.args);
}

// src/luci/_coremsg.ts
var TEMPLATES = [
  // values.ts / ip.ts: single values
  N_('"%s" is not a name (letters, digits, _; starting with a letter)'),
  N_('"%s" is longer than 15 characters (Linux IFNAMSIZ)'),
  N_('"%s" is longer than 253 characters'),
  N_('"%s" is longer than %s characters'),
  N_('"%s" contains a character that is not allowed in a label (quotes, \\ ; # { } $ / < > | & or control characters)'),
  N_("contains a control character (newline, tab, …)"),
  N_("is longer than 64 characters"),
  N_("is not a WireGuard key (44 characters of base64 for 32 bytes)"),
  N_('"%s" is not a port (1-65535)'),
  N_('"%s" is not a port range (1-65535)'),
  N_('"%s": range start must be below its end'),
  N_('"%s" is not a number from %s to %s'),
  N_('"%s" is not a boolean (0 or 1)'),
  N_('"%s" is not a time of day (HH:MM, 00:00-23:59)'),
  N_('"%s": write "%s" (a domain already matches all its subdomains)'),
  N_('"%s" must be lower case'),
  N_('"%s" is not a domain name'),
  N_('"%s" is not an IPv4 address'),
  N_('"%s" is not an IPv6 address'),
  N_('"%s" is not a host name or address'),
  N_('"%s" is not host:port (IPv6 as [addr]:port)'),
  N_('"%s" is not a MAC address (aa:bb:cc:dd:ee:ff)'),
  N_('"%s" is not a network device name'),
  N_("is empty"),
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
  N_("must be a single option, not a list"),
  N_("unknown option"),
  N_("must not be 0"),
  N_("%s must be one run of contiguous bits"),
  N_("%s overlaps the mark bits %s used by %s"),
  N_("%s has room for %s upstreams, %s are defined"),
  N_("an upstream section needs a name (it names the interface)"),
  N_("is required (host:port)"),
  N_("is required"),
  N_("needs at least one tunnel address"),
  N_("is required (splitwg genkey, or the first-boot default generates one)"),
  N_("needs at least one address with its pool prefix (e.g. 10.77.0.1/24)"),
  N_("a time window needs both start_time and stop_time"),
  N_('equals start_time (an empty window); remove both for "always"'),
  N_('ports need tcp, udp, sctp or udplite, not "%s"'),
  N_("only a proxy rule takes an upstream (action is %s)"),
  N_("a client section needs a name"),
  N_("is required for a peer"),
  N_("a peer needs its tunnel address(es)"),
  N_("a peer is identified by its tunnel address, not mac/interface"),
  N_("a device needs an address, mac or interface"),
  N_("only peers have keys"),
  N_("%s overlaps %s of client %s"),
  N_("%s is also client %s's"),
  N_('unknown section type "%s" (%s)'),
  N_("only one globals section is allowed"),
  N_("only one server section is allowed"),
  N_("is defined twice"),
  N_('the name "server" is reserved (interface %s)'),
  N_("a ruleset section needs a name"),
  N_("a rule belongs to exactly one client or ruleset (option client or option ruleset)"),
  N_('unknown client "%s"'),
  N_('unknown ruleset "%s"'),
  N_('unknown upstream "%s"'),
  N_("is required: a proxy rule or default names no upstream of its own"),
  N_("a peer needs an enabled server section"),
  N_("%s is outside the server's address pools"),
  // explain.ts / decide.ts: the rule tester's reasons
  N_('"%s" is neither an IP address nor a domain name'),
  N_('"%s" is not a time like "Mon 21:30"'),
  N_("client %s is disabled: its traffic is not classified"),
  N_("IPv6 classification is off (globals.ipv6): IPv6 is routed normally"),
  N_("%s (its time condition was not evaluated: give --at)"),
  N_("first match: %s, %s"),
  N_("no rule matched (matched destination but not: %s): client default %s"),
  N_("no rule matched: client default %s"),
  N_("note: domain rules also match an address once the client has resolved that domain through the router"),
  N_("any destination"),
  N_("%s is in %s"),
  N_("%s is under %s"),
  N_("domain %s"),
  N_("protocol is not %s"),
  N_("needs a destination port (%s)"),
  N_("port %s is not in %s"),
  N_("%s is not one of its days"),
  N_("time is outside %s"),
  N_("upstream %s is disabled"),
  N_("upstream %s is down"),
  N_("kill switch blocks"),
  N_("kill switch off, goes direct"),
  // src/router: ubus splitwg import_conf / peer_conf / explain errors
  N_("%s given twice"),
  N_("unknown section [%s] (expected [Interface] or [Peer])"),
  N_("a second [Peer]: an upstream is one tunnel to one server"),
  N_("a second [Interface]"),
  N_('expected "Key = Value" or a [Section]'),
  N_("%s outside [Interface]/[Peer]"),
  N_("unknown key %s in [%s]"),
  N_("%s is for wg-quick and is ignored"),
  N_("%s has no value"),
  N_("DNS search domain %s is ignored"),
  N_("no [Interface] section"),
  N_("no [Peer] section"),
  N_("%s is missing"),
  N_("name: %s"),
  N_("%s error(s)"),
  N_("line %s: %s"),
  N_("file: %s"),
  N_("client %s is a LAN device, not a WireGuard peer"),
  N_("the server section is missing or disabled"),
  N_("server.endpoint is not set (the host:port devices reach the router at)"),
  N_("the configuration has %s problem(s): run check"),
  N_("port %s is not 1-65535"),
  N_('"%s" is not a protocol name'),
  N_('argument "%s" is required'),
  // src/router: status warnings
  N_("the configuration has %s problem(s): run splitwg check"),
  N_("upstream %s: interface %s is down (kill switch: its traffic is blocked)"),
  N_("upstream %s: interface %s is down (its traffic goes direct)"),
  N_("upstream %s: no handshake yet"),
  N_("upstream %s: no handshake for %s minutes"),
  N_("%s (no keepalive set: an idle tunnel does not handshake)"),
  N_("table inet splitwg is missing (was the firewall stopped or restarted?): run splitwg apply"),
  N_("last apply failed: %s"),
  N_("invalid configuration: %s problem, first %s: %s"),
  N_("invalid configuration: %s problems, first %s: %s"),
  N_("fw4 not found: the splitwg table is not re-created by firewall reloads (OpenWrt 22.03 or later with firewall4 is needed)"),
  N_("dnsmasq not found: domain rules and DNS hijack need dnsmasq"),
  N_("dnsmasq lacks nftset: domain rules have no effect (install dnsmasq-full)"),
  N_("no dnsmasq instance in /etc/config/dhcp: domain rules have no effect"),
  N_("hardware flow offloading is on: offloaded connections may bypass split tunnelling (turn it off in Network → Firewall)"),
  N_("software flow offloading is on: offloaded connections may bypass split tunnelling"),
  N_("globals.ipv6 is on but the kernel has no IPv6"),
  N_("conntrack (conntrack-tools) not installed: open connections keep their old path after a rule change until they close")
];
var JOIN = N_("%s; %s");
function escapeRe(s) {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
var COMPILED = TEMPLATES.map((t2) => {
  const parts = t2.split("%s");
  return { template: t2, re: new RegExp("^" + parts.map(escapeRe).join("([\\s\\S]*?)") + "$"), literal: t2.length - 2 * (parts.length - 1) };
}).sort((a, b) => b.literal - a.literal);
function splitTop(s) {
  const out = [];
  let depth = 0, start = 0, quoted = false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charAt(i);
    if (c === '"') quoted = !quoted;
    else if (quoted) continue;
    else if (c === "(") depth++;
    else if (c === ")") depth = depth > 0 ? depth - 1 : 0;
    else if (depth === 0 && c === ";" && s.charAt(i + 1) === " ") {
      out.push(s.slice(start, i));
      start = i + 2;
      i++;
    }
  }
  out.push(s.slice(start));
  return out;
}
function one(s, translate, depth) {
  for (let i = 0; i < COMPILED.length; i++) {
    const m = COMPILED[i].re.exec(s);
    if (!m) continue;
    const args = [];
    for (let j = 1; j < m.length; j++)
      args.push(depth < 3 ? whole(m[j], translate, depth + 1).text : m[j]);
    return { text: fmt(translate(COMPILED[i].template), args), known: true };
  }
  const r = /^((?:client|ruleset)\.[A-Za-z0-9_]+\.rule\[[0-9]+\]): (.+)$/.exec(s);
  if (r) {
    const rest = one(r[2], translate, depth + 1);
    return { text: `${r[1]}: ${rest.text}`, known: rest.known };
  }
  return { text: s, known: false };
}
function whole(s, translate, depth) {
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
function localizeCore(message, translate) {
  return whole(message, translate ?? ((x) => x), 0).text;
}

// src/luci/_rules.ts
const badDomain = swcore.badDomain;
const parsePrefix = swcore.parsePrefix;
function ownerKey(kind, name) {
  return `${kind}:${name}`;
}
function ownerOf(opts) {
  const c = opts.client, r = opts.ruleset;
  if (typeof c === "string" && c !== "" && (r == null || r === "")) return ownerKey("client", c);
  if (typeof r === "string" && r !== "" && (c == null || c === "")) return ownerKey("ruleset", r);
  return null;
}

// src/luci/_uci.ts
function toSections(list) {
  return list.slice().sort((a, b) => a[".index"] - b[".index"]).map((s) => {
    const opts = {};
    for (const k in s) {
      if (k.charAt(0) === ".") continue;
      const v = s[k];
      if (typeof v === "string") opts[k] = v;
      else if (Array.isArray(v)) opts[k] = v.map(String);
    }
    return { sid: String(s[".name"]), type: String(s[".type"]), opts };
  });
}
function toCoreSections(list) {
  const counts = {};
  const sorted = list.slice().sort((a, b) => a[".index"] - b[".index"]);
  return toSections(list).map((s, i) => {
    const anon = !!sorted[i][".anonymous"];
    counts[s.type] = (counts[s.type] ?? -1) + 1;
    return { type: s.type, name: anon ? `@${s.type}[${counts[s.type]}]` : s.sid, anonymous: anon, options: s.opts };
  });
}
function placeOf(path, sections2) {
  const opt = (rest) => rest ? rest.replace(/^\./, "").replace(/\[[0-9]+\]$/, "") : null;
  let m = /^globals(?:\.([a-z_]+))?/.exec(path);
  if (m) return { page: "overview", sid: null, option: m[1] ?? null, owner: null, where: msg(N_("Global settings")) };
  m = /^server(?:\.([a-z_]+))?/.exec(path);
  if (m) return { page: "clients", sid: "server", option: m[1] ?? null, owner: null, where: msg(N_("Server")) };
  m = /^upstream\.([A-Za-z0-9_]+)(\..*)?$/.exec(path);
  if (m) return { page: "upstreams", sid: m[1], option: opt(m[2]), owner: null, where: msg(N_("Upstream %s"), m[1]) };
  m = /^(client|ruleset)\.([A-Za-z0-9_@\[\]]+)\.rule\[([0-9]+)\](\..*)?$/.exec(path);
  if (m) {
    const owner = ownerKey(m[1], m[2]);
    const rules = sections2.filter((s) => s.type === "rule" && ownerOf(s.opts) === owner);
    const r = rules[parseInt(m[3], 10)];
    const label = r && typeof r.opts.name === "string" && r.opts.name !== "" ? ` (${r.opts.name})` : "";
    return {
      page: "rules",
      sid: r ? r.sid : null,
      option: opt(m[4]),
      owner,
      where: m[1] === "client" ? msg(N_("Client %s, rule %d%s"), m[2], parseInt(m[3], 10) + 1, label) : msg(N_("Rule set %s, rule %d%s"), m[2], parseInt(m[3], 10) + 1, label)
    };
  }
  m = /^client\.([A-Za-z0-9_@\[\]]+)(\..*)?$/.exec(path);
  if (m) return { page: "clients", sid: m[1], option: opt(m[2]), owner: null, where: msg(N_("Client %s"), m[1]) };
  m = /^ruleset\.([A-Za-z0-9_@\[\]]+)(\..*)?$/.exec(path);
  if (m) return { page: "rules", sid: m[1], option: opt(m[2]), owner: ownerKey("ruleset", m[1]), where: msg(N_("Rule set %s"), m[1]) };
  m = /^rule (@rule\[([0-9]+)\]|[A-Za-z0-9_]+)(\..*)?$/.exec(path);
  if (m) {
    const rules = sections2.filter((s) => s.type === "rule");
    const r = m[2] != null ? rules[parseInt(m[2], 10)] : rules.filter((s) => s.sid === m[1])[0];
    return { page: "rules", sid: r ? r.sid : null, option: opt(m[3]), owner: null, where: msg(N_("A rule without a valid owner")) };
  }
  return { page: "overview", sid: null, option: null, owner: null, where: msg(N_("Section %s"), path) };
}

// src/luci/_ui.ts
function t(m) {
  return tr(m, _);
}
function coreText(message) {
  return localizeCore(message, _);
}
function validator(fn) {
  return (_sid, v) => {
    const vals = Array.isArray(v) ? v : v == null ? [] : [String(v)];
    for (const x of vals) {
      if (x === "") continue;
      const e = fn(x);
      if (e) return coreText(e);
    }
    return true;
  };
}
function parses(fn) {
  return (v) => {
    const r = fn(v);
    return typeof r === "string" ? r : null;
  };
}
function pageUrl(page, hash) {
  return L.url("admin", "services", "splitwg", page) + (hash ? "#" + hash : "");
}
function sections() {
  return uci.sections("splitwg");
}
function stagedProblems() {
  return check(toCoreSections(sections()));
}
function problemList(problems, only) {
  const secs = toSections(sections());
  const items = [];
  for (const p of problems) {
    const pl = placeOf(p.path, secs);
    if (only && pl.page !== only) continue;
    const where = t(pl.where) + (pl.option ? ` › ${pl.option}` : "");
    const hash = pl.owner ?? pl.sid ?? void 0;
    items.push(E("li", {}, [
      E("a", { href: pageUrl(pl.page, hash), title: p.path }, [where]),
      ": ",
      coreText(p.message)
    ]));
  }
  return items.length ? E("ul", {}, items) : null;
}
function problemBox(title, problems, only) {
  const list = problemList(problems, only);
  if (!list) return E([]);
  return E("div", { "class": "alert-message warning" }, [E("h4", {}, [title]), list]);
}
function notifyError(message) {
  ui.addNotification(null, E("p", {}, [coreText(message)]), "danger");
}
function saveApply(view2, ev, mode) {
  return view2.handleSave(ev).then(() => {
    const problems = stagedProblems();
    if (!problems.length) return ui.changes.apply(mode == "0");
    ui.showModal(_("The configuration has problems"), [
      E("p", {}, [_("The router will keep running its current configuration until these are fixed. Your changes are saved and can be applied once they are.")]),
      problemList(problems),
      E("div", { "class": "right" }, [
        E("button", { "class": "btn", "click": ui.hideModal }, [_("Dismiss")]),
        " ",
        E("button", {
          "class": "btn cbi-button-negative",
          "click": () => {
            ui.hideModal();
            ui.changes.apply(mode == "0");
          }
        }, [_("Apply anyway")])
      ])
    ]);
  });
}
function readFile(input) {
  return new Promise((resolve, reject) => {
    const f = input.files && input.files[0];
    if (!f) return resolve("");
    if (f.size > 1024 * 1024) return reject(new Error(_("The file is larger than 1 MiB")));
    const r = new globalThis.FileReader();
    r.onload = () => resolve(String(r.result));
    r.onerror = () => reject(r.error);
    r.readAsText(f);
  });
}
var SecretValue = form.Value.extend({
  __name__: "CBI.SplitwgSecret",
  password: true,
  renderWidget(section_id, option_index, cfgvalue) {
    const node = form.Value.prototype.renderWidget.call(this, section_id, option_index, cfgvalue);
    const btn = node.querySelector(".cbi-button, button");
    if (btn) btn.parentNode.removeChild(btn);
    const input = node.querySelector("input");
    if (input) input.setAttribute("autocomplete", "off");
    return node;
  },
  textvalue(section_id) {
    const v = this.cfgvalue(section_id);
    return v ? _("(set)") : E("em", {}, [_("none")]);
  }
});
function fmtBytes(n) {
  if (n == null) return "-";
  const u = ["B", "KiB", "MiB", "GiB", "TiB"];
  let i = 0, v = n;
  while (v >= 1024 && i < u.length - 1) {
    v /= 1024;
    i++;
  }
  return `${i ? v.toFixed(1) : v} ${u[i]}`;
}
function fmtAge(s) {
  if (s == null) return _("never");
  if (s < 60) return _("%d s ago").format(s);
  if (s < 3600) return _("%d min ago").format(Math.floor(s / 60));
  if (s < 86400) return _("%d h ago").format(Math.floor(s / 3600));
  return _("%d d ago").format(Math.floor(s / 86400));
}
function badge(label, kind) {
  const color = { ok: "#2e7d32", warn: "#b26a00", bad: "#c62828", off: "#757575" }[kind];
  return E("span", { "class": "label", "style": `background:${color};color:#fff;padding:1px 6px;border-radius:3px;white-space:nowrap` }, [label]);
}
function upstreamNames() {
  return sections().filter((s) => s[".type"] === "upstream").map((s) => String(s[".name"]));
}
function setContent(node, content) {
  dom.content(node, content);
}
function banner(st, chk, page, notify) {
  const problems = chk && typeof chk === "object" && Array.isArray(chk.problems) ? chk.problems : [];
  const la = st && typeof st === "object" && st.last_apply ? st.last_apply : null;
  if (la && la.ok === false) {
    if (notify !== false) ui.addNotification(_("The last apply failed"), E("div", {}, [
      E("p", {}, [coreText(String(la.message))]),
      problemList(problems) ?? E([]),
      E("p", {}, [_("The router keeps running the previous working configuration.")])
    ]), "danger");
    if (problems.length) return E([]);
  }
  return problemBox(_("The saved configuration has problems"), problems, page);
}
function namedGrid(m, type2, title, desc, addTitle, modalTitle, badNameOf) {
  const s = title === null ? m.section(form.GridSection, type2) : m.section(form.GridSection, type2, title, desc ?? void 0);
  s.addremove = true;
  s.anonymous = false;
  s.nodescriptions = true;
  s.addbtntitle = addTitle;
  s.modaltitle = modalTitle;
  s.handleAdd = function(ev, name) {
    const e = badNameOf(name);
    if (e) {
      notifyError(e);
      return Promise.resolve();
    }
    return form.GridSection.prototype.handleAdd.call(this, ev, name);
  };
  return s;
}

// src/luci/upstreams.ts
var status = null;
function upstreamState(name) {
  const u = status ? status.upstreams.filter((x) => x.name === name)[0] : null;
  if (!u) return badge(_("not applied"), "off");
  if (!u.enabled) return badge(_("disabled"), "off");
  if (!u.up) return badge(_("down"), "bad");
  const hs = E("small", {}, [" ", _("handshake %s").format(fmtAge(u.handshake_age)), " · ↓", fmtBytes(u.rx), " ↑", fmtBytes(u.tx)]);
  return E("span", {}, [u.healthy === false ? badge(_("no handshake"), "warn") : badge(_("up"), "ok"), hs]);
}
function refreshStates() {
  return callStatus().then((st) => {
    if (!st || typeof st !== "object" || isError(st)) return;
    status = st;
    const g = globalThis;
    g.document.querySelectorAll("[data-splitwg-upstream]").forEach((el) => {
      setContent(el, upstreamState(el.getAttribute("data-splitwg-upstream")));
    });
  });
}
function showPublicKey(map2, sid, priv) {
  const el = map2.findElement("id", `splitwg-pub-${sid}`);
  if (el) setContent(el, priv ? publicKey(priv) ?? "-" : "-");
}
function importModal(s) {
  const nameEl = E("input", { "type": "text", "class": "cbi-input-text", "placeholder": "us_east", "maxlength": 12 }, []);
  const labelEl = E("input", { "type": "text", "class": "cbi-input-text", "placeholder": _("US exit") }, []);
  const fileEl = E("input", { "type": "file", "accept": ".conf,text/plain" }, []);
  const textEl = E("textarea", {
    "class": "cbi-input-textarea",
    "rows": 12,
    "style": "width:100%;font-family:monospace",
    "spellcheck": "false",
    "placeholder": "[Interface]\nPrivateKey = …\nAddress = 10.2.0.2/32\n\n[Peer]\nPublicKey = …\nEndpoint = vpn.example.com:51820\nAllowedIPs = 0.0.0.0/0, ::/0"
  }, []);
  const out = E("div", {}, []);
  const taken = upstreamNames();
  fileEl.addEventListener("change", () => {
    readFile(fileEl).then((txt) => {
      textEl.value = txt;
      if (nameEl.value === "" && fileEl.files[0]) nameEl.value = suggestName(fileEl.files[0].name, taken);
    }, (e) => setContent(out, E("p", { "class": "alert-message warning" }, [e.message])));
  });
  const doImport = () => {
    const text = String(textEl.value);
    let name = String(nameEl.value).trim();
    if (name === "") {
      const ep = /^\s*Endpoint\s*=\s*(\S+)/mi.exec(text);
      name = suggestName(ep ? ep[1] : "upstream", taken);
      nameEl.value = name;
    }
    const bad = badName2(name, 12) ?? (name === "server" ? `the name "server" is reserved (interface sw_server)` : null) ?? (taken.indexOf(name) >= 0 ? `upstream.${name}: is defined twice` : null);
    if (bad) {
      setContent(out, E("p", { "class": "alert-message warning" }, [coreText(bad)]));
      return Promise.resolve();
    }
    const label = String(labelEl.value).trim();
    const badL = label ? badLabel(label) : null;
    if (badL) {
      setContent(out, E("p", { "class": "alert-message warning" }, [coreText(badL)]));
      return Promise.resolve();
    }
    return callImportConf(text, name).then((r) => {
      if (typeof r === "number") {
        setContent(out, E("p", { "class": "alert-message warning" }, [_("The router did not answer (ubus status %d).").format(r)]));
        return;
      }
      if (isError(r)) {
        const errs = r.errors && r.errors.length ? r.errors : [{ line: 0, message: r.error.message }];
        setContent(out, E("div", { "class": "alert-message warning" }, [
          E("h4", {}, [_("The file was not imported")]),
          E("ul", {}, errs.map((e) => E("li", {}, [e.line ? _("Line %d").format(e.line) + ": " : "", coreText(e.message)])))
        ]));
        return;
      }
      const sid = uci2.add("splitwg", "upstream", name);
      const opts = importedOptions(r.upstream, label || void 0);
      for (const k in opts) uci2.set("splitwg", sid, k, opts[k]);
      ui2.hideModal();
      if (r.ignored && r.ignored.length)
        ui2.addNotification(null, E("div", {}, [
          E("p", {}, [_("Imported; these lines were ignored:")]),
          E("ul", {}, r.ignored.map((e) => E("li", {}, [_("Line %d").format(e.line), ": ", coreText(e.message)])))
        ]), "info");
      s.addedSection = sid;
      s.map.addedSection = sid;
      return s.renderMoreOptionsModal(sid);
    });
  };
  ui2.showModal(_("Import a WireGuard .conf"), [
    E("p", {}, [_("Paste the file your VPN provider gave you, or choose it. The router checks every value; nothing is saved until you confirm the upstream and press Save & Apply.")]),
    E("div", { "class": "cbi-value" }, [E("label", { "class": "cbi-value-title" }, [_("File")]), E("div", { "class": "cbi-value-field" }, [fileEl])]),
    E("div", { "class": "cbi-value" }, [E("label", { "class": "cbi-value-title" }, [_("Name")]), E("div", { "class": "cbi-value-field" }, [
      nameEl,
      E("div", { "class": "cbi-value-description" }, [_("Letters, digits and _, at most 12 characters; the interface becomes sw_ followed by the name.")])
    ])]),
    E("div", { "class": "cbi-value" }, [E("label", { "class": "cbi-value-title" }, [_("Label")]), E("div", { "class": "cbi-value-field" }, [labelEl])]),
    textEl,
    out,
    E("div", { "class": "right" }, [
      E("button", { "class": "btn", "click": ui2.hideModal }, [_("Cancel")]),
      " ",
      E("button", { "class": "btn cbi-button-action important", "click": ui2.createHandlerFn(null, doImport) }, [_("Import")])
    ])
  ]);
}
var upstreams_default = view.extend({
  load: () => Promise.all([callStatus(), callCheck(), uci2.load("splitwg")]),
  render(data) {
    status = data[0] && typeof data[0] === "object" && !isError(data[0]) ? data[0] : null;
    const st = status;
    const chk = data[1];
    const m = new form2.Map(
      "splitwg",
      _("Upstreams"),
      _("WireGuard tunnels to a VPN provider or your own server. Each becomes the interface sw_<em>name</em> with its own routing table; clients and rules choose which traffic goes through which upstream.")
    );
    const s = namedGrid(
      m,
      "upstream",
      null,
      null,
      _("Add upstream"),
      (sid) => _("Upstream %s").format(sid),
      (name) => badName2(name, 12) ?? (name === "server" ? `the name "server" is reserved (interface sw_server)` : null)
    );
    s.renderSectionAdd = function(extra) {
      const el = form2.GridSection.prototype.renderSectionAdd.call(this, extra);
      el.appendChild(E("button", {
        "class": "cbi-button cbi-button-action",
        "style": "margin-left:1em",
        "disabled": this.map.readonly || null,
        "click": ui2.createHandlerFn(this, () => importModal(this))
      }, [_("Import .conf…")]));
      return el;
    };
    s.tab("general", _("General"));
    s.tab("peer", _("Provider server"));
    s.tab("advanced", _("Advanced"));
    let o = s.taboption("general", form2.Flag, "enabled", _("Enabled"));
    o.default = "1";
    o.editable = true;
    o = s.taboption("general", form2.Value, "name", _("Label"), _('A description, e.g. "US exit".'));
    o.validate = validator(badLabel);
    o = s.taboption(
      "general",
      SecretValue,
      "private_key",
      _("Private key"),
      _("The [Interface] PrivateKey of the provider's file, or generate one and register the public key below with your server.")
    );
    o.modalonly = true;
    o.rmempty = false;
    o.validate = validator(badKey);
    o.onchange = function(_ev, sid, value) {
      showPublicKey(this.map, sid, badKey(value) ? null : value);
    };
    o = s.taboption("general", form2.DummyValue, "_public_key", _("Public key"));
    o.modalonly = true;
    o.rawhtml = true;
    o.cfgvalue = function(sid) {
      const priv = uci2.get("splitwg", sid, "private_key");
      return E("div", {}, [
        E("code", { "id": `splitwg-pub-${sid}`, "style": "word-break:break-all" }, [priv ? publicKey(priv) ?? "-" : "-"]),
        " ",
        E("button", {
          "class": "btn cbi-button",
          "type": "button",
          "disabled": this.map.readonly || null,
          "click": ui2.createHandlerFn(this, () => callGenkey().then((k) => {
            if (!k || typeof k !== "object" || isError(k)) return notifyError(isError(k) ? k.error.message : _("Key generation failed"));
            const el = this.section.getUIElement(sid, "private_key");
            if (el) el.setValue(k.private_key);
            showPublicKey(this.map, sid, k.private_key);
          }))
        }, [_("Generate new key pair")])
      ]);
    };
    o.description = _("Derived from the private key, in the browser. Give it to your provider or add it as the peer on your own server.");
    o = s.taboption("general", form2.DynamicList, "address", _("Tunnel addresses"), _("Address/prefix inside the tunnel, from [Interface] Address."));
    o.placeholder = "10.2.0.2/32";
    o.validate = validator(parses(parseInterfaceAddress));
    o = s.taboption("peer", form2.Value, "endpoint", _("Endpoint"), _("host:port of the provider's server ([addr]:port for IPv6)."));
    o.placeholder = "vpn.example.com:51820";
    o.rmempty = false;
    o.validate = validator(parses(parseEndpoint));
    o = s.taboption("peer", form2.Value, "public_key", _("Server public key"), _("[Peer] PublicKey."));
    o.modalonly = true;
    o.rmempty = false;
    o.validate = validator(badKey);
    o = s.taboption("peer", SecretValue, "preshared_key", _("Preshared key"), _("[Peer] PresharedKey, if the provider uses one."));
    o.modalonly = true;
    o.validate = validator(badKey);
    o = s.taboption("peer", form2.DynamicList, "allowed_ips", _("Allowed IPs"), _("Destinations the tunnel may carry; empty means everything (0.0.0.0/0, ::/0)."));
    o.modalonly = true;
    o.placeholder = "0.0.0.0/0";
    o.validate = validator(parses(parsePrefix2));
    o = s.taboption("advanced", form2.Value, "mtu", _("MTU"));
    o.modalonly = true;
    o.placeholder = "1420";
    o.validate = validator((v) => badInt(v, 1280, 9e3));
    o = s.taboption("advanced", form2.Value, "keepalive", _("Keepalive"), _("Seconds between keepalive packets; 25 keeps NAT mappings open and lets the status page see a dead tunnel."));
    o.modalonly = true;
    o.placeholder = "25";
    o.validate = validator((v) => badInt(v, 0, 65535));
    o = s.taboption("advanced", form2.DynamicList, "dns", _("DNS servers"), _("The provider's DNS servers from its file."));
    o.modalonly = true;
    o.validate = validator((v) => {
      const p = parsePrefix2(v);
      return typeof p === "string" || !p.host ? `"${v}" is not an IP address` : null;
    });
    o = s.option(form2.DummyValue, "_state", _("State"));
    o.modalonly = false;
    o.textvalue = (sid) => E("span", { "data-splitwg-upstream": sid }, [upstreamState(sid)]);
    poll.add(refreshStates, 10);
    return m.render().then((node) => E("div", {}, [
      banner(st, chk, "upstreams"),
      node
    ]));
  },
  handleSaveApply(ev, mode) {
    return saveApply(this, ev, mode);
  }
});

return upstreams_default;
