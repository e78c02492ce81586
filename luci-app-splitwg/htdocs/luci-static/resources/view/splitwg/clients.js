'use strict';
'require splitwg.core as swcore';
'require view';
'require form as form2';
'require uci as uci2';
'require ui as ui2';
'require rpc';
'require dom';
// Generated from src/luci/clients.ts by `npm run build` — edit the TypeScript, not this file.

const form = form2, ui = ui2, uci = uci2;
// node_modules/.cache/splitwg/ucode-builtins.mjs
const print = swcore.print, printf = swcore.printf, sprintf = swcore.sprintf, warn = swcore.warn, length = swcore.length, index = swcore.index, rindex = swcore.rindex, push = swcore.push, pop = swcore.pop, shift = swcore.shift, unshift = swcore.unshift, splice = swcore.splice, slice = swcore.slice, reverse = swcore.reverse, uniq = swcore.uniq, filter = swcore.filter, map = swcore.map, sort = swcore.sort, join = swcore.join, split = swcore.split, substr = swcore.substr, trim = swcore.trim, ltrim = swcore.ltrim, rtrim = swcore.rtrim, uc = swcore.uc, lc = swcore.lc, chr = swcore.chr, uchr = swcore.uchr, ord = swcore.ord, keys = swcore.keys, values = swcore.values, exists = swcore.exists, proto = swcore.proto, type = swcore.type, int = swcore.int, hex = swcore.hex, min = swcore.min, max = swcore.max, match = swcore.match, replace = swcore.replace, regexp = swcore.regexp, wildcard = swcore.wildcard, json = swcore.json, b64enc = swcore.b64enc, b64dec = swcore.b64dec, hexenc = swcore.hexenc, hexdec = swcore.hexdec, iptoarr = swcore.iptoarr, arrtoip = swcore.arrtoip, time = swcore.time, clock = swcore.clock, localtime = swcore.localtime, gmtime = swcore.gmtime, timelocal = swcore.timelocal, timegm = swcore.timegm, sleep = swcore.sleep, die = swcore.die, exit = swcore.exit, assert = swcore.assert, getenv = swcore.getenv, system = swcore.system, call = swcore.call, loadstring = swcore.loadstring;

// src/luci/clients.ts

const badInt = swcore.badInt, badKey = swcore.badKey, badLabel = swcore.badLabel, badMac = swcore.badMac, badIfname = swcore.badIfname, badName = swcore.badName, parseEndpoint = swcore.parseEndpoint;
const parseInterfaceAddress2 = swcore.parseInterfaceAddress, parsePrefix3 = swcore.parsePrefix;

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

// src/luci/_peer.ts
const parseInterfaceAddress = swcore.parseInterfaceAddress, parsePrefix = swcore.parsePrefix, prefixContains = swcore.prefixContains;
function pool(serverAddress) {
  const a = parseInterfaceAddress(serverAddress);
  if (typeof a === "string") return null;
  const net = a.bytes.map((b, i) => {
    const bits = a.len - i * 8;
    return bits >= 8 ? b : bits <= 0 ? 0 : b & (255 << 8 - bits & 255);
  });
  return { family: a.family, net, len: a.len, self: a.bytes };
}
function add(net, n) {
  const out = net.slice();
  let carry = n;
  for (let i = out.length - 1; i >= 0 && carry > 0; i--) {
    const s = out[i] + (carry & 255);
    out[i] = s & 255;
    carry = (carry >>> 8) + (s >> 8);
  }
  return out;
}
function same(a, b) {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}
function allocateAddresses(serverAddresses, used) {
  const taken = [];
  for (const u of used) {
    const p = parsePrefix(u);
    if (typeof p !== "string") taken.push(p);
  }
  const out = [];
  const families = [];
  for (const sa of serverAddresses) {
    const p = pool(sa);
    if (!p || families.indexOf(p.family) >= 0) continue;
    const hostBits = (p.family === 4 ? 32 : 128) - p.len;
    const size = hostBits >= 31 ? 2147483647 : Math.pow(2, hostBits);
    const last = Math.min(p.family === 4 ? size - 2 : size - 1, 65535);
    for (let i = 1; i <= last; i++) {
      const b = add(p.net, i);
      if (same(b, p.self)) continue;
      if (taken.some((t2) => prefixContains(t2, b))) continue;
      out.push(arrtoip(b));
      families.push(p.family);
      break;
    }
  }
  return out;
}
var QR_MAX_BYTES = 2953;
function qrPayload(conf) {
  const lines = conf.replace(/\r/g, "").split("\n").map((l) => l.replace(/[ \t]+$/, "")).filter((l) => !/^\s*[#;]/.test(l));
  const out = [];
  for (const l of lines)
    if (!(l === "" && (out.length === 0 || out[out.length - 1] === ""))) out.push(l);
  while (out.length && out[out.length - 1] === "") out.pop();
  const payload = out.join("\n");
  let bytes = 0;
  for (let i = 0; i < payload.length; i++) {
    const c = payload.charCodeAt(i);
    bytes += c < 128 ? 1 : c < 2048 ? 2 : c >= 55296 && c < 56320 ? 4 : c >= 56320 && c < 57344 ? 0 : 3;
  }
  return { payload, bytes, fits: bytes <= QR_MAX_BYTES };
}
function confFileName(client) {
  const base = client.replace(/[^a-zA-Z0-9_=+.-]/g, "_").slice(0, 15) || "splitwg";
  return `${base}.conf`;
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
const parsePrefix2 = swcore.parsePrefix;
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
function download(name, body, mime) {
  const g = globalThis;
  const blob = new g.Blob([body], { type: mime ?? "text/plain" });
  const url = g.URL.createObjectURL(blob);
  const a = E("a", { href: url, download: name, style: "display:none" }, []);
  g.document.body.appendChild(a);
  a.click();
  g.setTimeout(() => {
    g.document.body.removeChild(a);
    g.URL.revokeObjectURL(url);
  }, 1e3);
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
function actionLabel(a) {
  return a === "proxy" ? _("Proxy") : a === "direct" ? _("Direct") : a === "block" ? _("Block") : a;
}
function upstreamNames() {
  return sections().filter((s) => s[".type"] === "upstream").map((s) => String(s[".name"]));
}
function upstreamLabel(name) {
  const label = uci.get("splitwg", name, "name");
  return label ? `${name} (${label})` : name;
}
function setContent(node, content) {
  dom.content(node, content);
}
function plain(s) {
  return E("span", {}, [s]);
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

// src/luci/clients.ts
function ipValidator(v) {
  const p = parsePrefix3(v);
  return typeof p === "string" || !p.host ? `"${v}" is not an IP address` : null;
}
function usedAddresses(except) {
  const out = [];
  for (const s of sections()) {
    if (s[".type"] !== "client" || s[".name"] === except) continue;
    const a = s.address;
    for (const x of Array.isArray(a) ? a : typeof a === "string" ? a.split(/\s+/) : []) out.push(String(x));
  }
  return out;
}
function serverPublicKey() {
  const k = uci2.get("splitwg", "server", "private_key");
  return k ? publicKey(k) : null;
}
function showPeerConf(sid) {
  return Promise.all([callPeerConf(sid), uci2.changes()]).then((r) => {
    const reply = r[0];
    const unsaved = r[1] && r[1].splitwg && r[1].splitwg.length;
    if (typeof reply === "number" || isError(reply)) {
      const m = typeof reply === "number" ? _("ubus status %d").format(reply) : reply.error.message;
      ui2.showModal(_("Configuration of %s").format(sid), [
        E("div", { "class": "alert-message warning" }, [E("p", {}, [_("The router could not build this peer's configuration:")]), E("p", {}, [coreText(m)])]),
        E("p", {}, [_("A new or changed peer must be saved and applied first (Save & Apply).")]),
        E("div", { "class": "right" }, [E("button", { "class": "btn", "click": ui2.hideModal }, [_("Dismiss")])])
      ]);
      return;
    }
    const conf = String(reply.conf);
    const q = qrPayload(conf);
    const qr = E("div", { "class": "splitwg-qr", "style": "max-width:320px;margin:0 auto" }, [E("em", { "class": "spinning" }, [_("Generating QR code…")])]);
    ui2.showModal(_("Configuration of %s").format(sid), [
      unsaved ? E("div", { "class": "alert-message notice" }, [_("There are unsaved or unapplied changes: this is the configuration the router runs now.")]) : E([]),
      reply.complete === false ? E("div", { "class": "alert-message warning" }, [_("The router does not store this peer's private key: fill in PrivateKey from the device that generated it.")]) : E([]),
      E("p", {}, [_("Scan with the WireGuard app (Add tunnel → Scan from QR code), or import the file. It contains the peer's private key: anyone who has it can connect as this peer.")]),
      qr,
      E("details", {}, [
        E("summary", {}, [_("Show configuration text")]),
        E("pre", { "style": "white-space:pre-wrap;word-break:break-all" }, [conf])
      ]),
      E("div", { "class": "right" }, [
        E("button", { "class": "btn", "click": ui2.hideModal }, [_("Dismiss")]),
        " ",
        E("button", { "class": "btn cbi-button-action", "click": () => download(confFileName(sid), conf, "application/octet-stream") }, [_("Download .conf")])
      ])
    ]);
    if (!q.fits) {
      setContent(qr, E("em", {}, [_("Too long for a QR code (%d bytes); use the file.").format(q.bytes)]));
      return;
    }
    return L.require("uqr").then((uqr) => {
      const svg = uqr.renderSVG(q.payload, { pixelSize: 4, border: 2 });
      setContent(qr, E(svg));
      const el = qr.firstElementChild;
      if (el) {
        el.setAttribute("viewBox", `0 0 ${el.getAttribute("width")} ${el.getAttribute("height")}`);
        el.setAttribute("style", "width:100%;height:auto;display:block");
      }
    }, () => setContent(qr, E("em", {}, [_("QR codes need the package luci-lib-uqr.")])));
  });
}
var clients_default = view.extend({
  load: () => Promise.all([callCheck(), uci2.load("splitwg"), L.resolveDefault(callHostHints(), {}), callStatus()]),
  render(data) {
    const chk = data[0] && typeof data[0] === "object" && !isError(data[0]) ? data[0] : null;
    const hints = data[2] && typeof data[2] === "object" ? data[2] : {};
    const st = data[3];
    const m = new form2.Map(
      "splitwg",
      _("Server & clients"),
      _("Clients are the devices whose traffic splitwg steers: WireGuard peers that connect to this router from anywhere, and devices on the LAN.")
    );
    let s = m.section(
      form2.NamedSection,
      "server",
      "server",
      _("WireGuard server"),
      _("For peers: the router listens on this port; each peer gets an address from the pool of the server address.")
    );
    s.addremove = true;
    s.addbtntitle = _("Set up the server");
    let o = s.option(form2.Flag, "enabled", _("Enabled"));
    o.default = "1";
    o = s.option(form2.Value, "listen_port", _("Listen port"), _("UDP port; open it in the firewall's WAN zone."));
    o.placeholder = "51820";
    o.validate = validator((v) => badInt(v, 1, 65535));
    o = s.option(form2.DynamicList, "address", _("Address and pool"), _("The router's tunnel address with the pool prefix, e.g. 10.77.0.1/24 and fd77:77::1/64."));
    o.placeholder = "10.77.0.1/24";
    o.validate = validator(parses(parseInterfaceAddress2));
    o = s.option(form2.Value, "endpoint", _("Public endpoint"), _("host:port the peers connect to: your public address or DDNS name, written into their .conf."));
    o.placeholder = "vpn.example.org:51820";
    o.validate = validator(parses(parseEndpoint));
    o = s.option(form2.DynamicList, "dns", _("DNS for peers"), _("Default: the router's own tunnel address."));
    o.validate = validator(ipValidator);
    o = s.option(form2.Value, "mtu", _("MTU"));
    o.placeholder = "1420";
    o.validate = validator((v) => badInt(v, 1280, 9e3));
    o = s.option(SecretValue, "private_key", _("Private key"));
    o.validate = validator(badKey);
    o.onchange = function(_ev, _sid, v) {
      const el = this.map.findElement("id", "splitwg-server-pub");
      if (el) setContent(el, v && !badKey(v) ? publicKey(v) ?? "-" : "-");
    };
    o = s.option(form2.DummyValue, "_pub", _("Public key"), _("What peers put in [Peer] PublicKey (their .conf has it already)."));
    o.rawhtml = true;
    o.cfgvalue = function(sid) {
      return E("div", {}, [
        E("code", { "id": "splitwg-server-pub", "style": "word-break:break-all" }, [serverPublicKey() ?? "-"]),
        " ",
        E("button", {
          "class": "btn cbi-button",
          "type": "button",
          "disabled": this.map.readonly || null,
          "click": ui2.createHandlerFn(this, () => callGenkey().then((k) => {
            if (!k || typeof k !== "object" || isError(k)) return notifyError(isError(k) ? k.error.message : "genkey failed");
            const el = this.section.getUIElement(sid, "private_key");
            if (el) el.setValue(k.private_key);
            const pub = this.map.findElement("id", "splitwg-server-pub");
            if (pub) setContent(pub, k.public_key);
            ui2.addNotification(null, E("p", {}, [_("New server keys: every peer needs a new .conf after Save & Apply.")]), "warning");
          }))
        }, [_("Generate new key pair")])
      ]);
    };
    s = namedGrid(m, "client", _("Clients"), null, _("Add client"), (sid) => _("Client %s").format(sid), (name) => badName(name, 32));
    s.handleRemove = function(sid, ev) {
      for (const r of sections())
        if (r[".type"] === "rule" && r.client === sid) uci2.remove("splitwg", String(r[".name"]));
      return form2.GridSection.prototype.handleRemove.call(this, sid, ev);
    };
    s.tab("general", _("General"));
    s.tab("identity", _("Identity"));
    o = s.taboption("general", form2.Flag, "enabled", _("Enabled"));
    o.default = "1";
    o.editable = true;
    o = s.taboption("general", form2.Value, "name", _("Label"));
    o.validate = validator(badLabel);
    o = s.taboption("general", form2.ListValue, "kind", _("Kind"));
    o.value("device", _("LAN device"));
    o.value("peer", _("WireGuard peer"));
    o.default = "device";
    o.textvalue = function(sid) {
      return (this.cfgvalue(sid) ?? "device") === "peer" ? _("WireGuard peer") : _("LAN device");
    };
    o = s.taboption("general", form2.ListValue, "default", _("Default path"), _("For traffic no rule matches."));
    o.value("direct", _("Direct"));
    o.value("proxy", _("Proxy"));
    o.value("block", _("Block"));
    o.default = "direct";
    o.textvalue = function(sid) {
      return actionLabel(this.cfgvalue(sid) ?? "direct");
    };
    o = s.taboption("general", form2.ListValue, "upstream", _("Upstream"), _(`Where "proxy" sends this client's traffic, unless a rule names another upstream.`));
    o.value("", _("none"));
    for (const u of upstreamNames()) o.value(u, upstreamLabel(u));
    o.rmempty = true;
    o = s.taboption("general", form2.MultiValue, "ruleset", _("Shared rule sets"), _("Applied after the client's own rules, in this order."));
    for (const r of sections().filter((x) => x[".type"] === "ruleset")) o.value(String(r[".name"]), r.name ? `${r[".name"]} (${r.name})` : String(r[".name"]));
    o.modalonly = true;
    o.optional = true;
    o = s.taboption("general", form2.ListValue, "dns_hijack", _("Hijack DNS"), _("Domain rules only work when the client's DNS queries reach the router."));
    o.value("", _("as in the global settings"));
    o.value("1", _("yes"));
    o.value("0", _("no"));
    o.modalonly = true;
    o = s.taboption("identity", form2.DummyValue, "_gen", _("Keys and address"));
    o.depends("kind", "peer");
    o.modalonly = true;
    o.rawhtml = true;
    o.cfgvalue = function(sid) {
      return E("button", {
        "class": "btn cbi-button-action",
        "type": "button",
        "disabled": this.map.readonly || null,
        "click": ui2.createHandlerFn(this, () => callGenkey().then((k) => {
          if (!k || typeof k !== "object" || isError(k)) return notifyError(isError(k) ? k.error.message : "genkey failed");
          const priv = this.section.getUIElement(sid, "private_key");
          const pub = this.section.getUIElement(sid, "public_key");
          const addr = this.section.getUIElement(sid, "address");
          if (priv) priv.setValue(k.private_key);
          if (pub) pub.setValue(k.public_key);
          const pool2 = uci2.get("splitwg", "server", "address");
          const have = addr ? addr.getValue() : [];
          if (addr && (!have || !have.length)) {
            const a = allocateAddresses(Array.isArray(pool2) ? pool2 : pool2 ? [String(pool2)] : [], usedAddresses(sid));
            if (a.length) addr.setValue(a);
            else notifyError(_("No free address: set up the server's address pool first."));
          }
        }))
      }, [_("Generate keys and address")]);
    };
    o.description = _("The router generates the peer's key pair and picks a free address from the server's pool; after Save & Apply, the Configuration button shows the .conf and QR code.");
    o = s.taboption("identity", form2.Value, "public_key", _("Public key"), _("The peer's public key."));
    o.depends("kind", "peer");
    o.modalonly = true;
    o.validate = validator(badKey);
    o = s.taboption("identity", SecretValue, "private_key", _("Private key"), _("Kept on the router only to build the peer's .conf and QR code; leave empty if the device generated its own keys."));
    o.depends("kind", "peer");
    o.modalonly = true;
    o.validate = validator(badKey);
    o = s.taboption("identity", SecretValue, "preshared_key", _("Preshared key"));
    o.depends("kind", "peer");
    o.modalonly = true;
    o.validate = validator(badKey);
    o = s.taboption("identity", form2.DynamicList, "address", _("Addresses"), _("A peer: its tunnel address(es) from the server's pool. A device: its IP addresses or subnets."));
    o.validate = validator(parses(parsePrefix3));
    const macs = Object.keys(hints).sort();
    for (const mac of macs) {
      const h = hints[mac];
      for (const ip of (h.ipaddrs ?? []).concat(h.ip6addrs ?? [])) o.value(ip, plain(h.name ? `${ip} (${h.name})` : ip));
    }
    o.textvalue = function(sid) {
      const parts = [];
      for (const k of ["address", "mac", "interface"]) {
        const v = uci2.get("splitwg", sid, k);
        if (v) parts.push(...Array.isArray(v) ? v : String(v).split(/\s+/));
      }
      return parts.length ? plain(parts.join(", ")) : E("em", {}, [_("none")]);
    };
    o = s.taboption("identity", form2.DynamicList, "mac", _("MAC addresses"), _("Known hosts are offered; a device may also be typed in."));
    o.depends("kind", "device");
    o.modalonly = true;
    o.validate = validator(badMac);
    for (const mac of macs) {
      const h = hints[mac];
      const ip = (h.ipaddrs ?? [])[0];
      o.value(mac.toLowerCase(), plain(`${mac.toLowerCase()} (${[h.name, ip].filter((x) => !!x).join(", ") || _("unknown host")})`));
    }
    o = s.taboption("identity", form2.DynamicList, "interface", _("Interfaces"), _("Every device behind this network device, e.g. br-guest."));
    o.depends("kind", "device");
    o.modalonly = true;
    o.validate = validator(badIfname);
    o = s.option(form2.DummyValue, "_rules", _("Rules"));
    o.modalonly = false;
    o.textvalue = (sid) => {
      const n = sections().filter((r) => r[".type"] === "rule" && r.client === sid).length;
      const rs = uci2.get("splitwg", sid, "ruleset");
      const nrs = Array.isArray(rs) ? rs.length : rs ? String(rs).split(/\s+/).length : 0;
      return E("a", { href: pageUrl("rules", `client:${sid}`) }, [
        nrs ? _("%d own rules, %d rule sets").format(n, nrs) : _("%d own rules").format(n)
      ]);
    };
    o = s.option(form2.DummyValue, "_conf", _("Configuration"));
    o.modalonly = false;
    o.textvalue = (sid) => uci2.get("splitwg", sid, "kind") === "peer" ? E("button", { "class": "btn cbi-button", "type": "button", "disabled": m.readonly || null, "click": ui2.createHandlerFn(null, () => showPeerConf(sid)) }, [_(".conf / QR")]) : "-";
    return m.render().then((node) => E("div", {}, [
      banner(st, chk, "clients"),
      node
    ]));
  },
  handleSaveApply(ev, mode) {
    return saveApply(this, ev, mode);
  }
});

return clients_default;
