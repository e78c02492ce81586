'use strict';
'require splitwg.core as swcore';
'require view';
'require form as form2';
'require uci as uci2';
'require ui as ui2';
'require rpc';
'require dom';
// Generated from src/luci/tester.ts by `npm run build` — edit the TypeScript, not this file.

const form = form2, ui = ui2, uci = uci2;
// node_modules/.cache/splitwg/ucode-builtins.mjs
const print = swcore.print, printf = swcore.printf, sprintf = swcore.sprintf, warn = swcore.warn, length = swcore.length, index = swcore.index, rindex = swcore.rindex, push = swcore.push, pop = swcore.pop, shift = swcore.shift, unshift = swcore.unshift, splice = swcore.splice, slice = swcore.slice, reverse = swcore.reverse, uniq = swcore.uniq, filter = swcore.filter, map = swcore.map, sort = swcore.sort, join = swcore.join, split = swcore.split, substr = swcore.substr, trim = swcore.trim, ltrim = swcore.ltrim, rtrim = swcore.rtrim, uc = swcore.uc, lc = swcore.lc, chr = swcore.chr, uchr = swcore.uchr, ord = swcore.ord, keys = swcore.keys, values = swcore.values, exists = swcore.exists, proto = swcore.proto, type = swcore.type, int = swcore.int, hex = swcore.hex, min = swcore.min, max = swcore.max, match = swcore.match, replace = swcore.replace, regexp = swcore.regexp, wildcard = swcore.wildcard, json = swcore.json, b64enc = swcore.b64enc, b64dec = swcore.b64dec, hexenc = swcore.hexenc, hexdec = swcore.hexdec, iptoarr = swcore.iptoarr, arrtoip = swcore.arrtoip, time = swcore.time, clock = swcore.clock, localtime = swcore.localtime, gmtime = swcore.gmtime, timelocal = swcore.timelocal, timegm = swcore.timegm, sleep = swcore.sleep, die = swcore.die, exit = swcore.exit, assert = swcore.assert, getenv = swcore.getenv, system = swcore.system, call = swcore.call, loadstring = swcore.loadstring;

// src/luci/tester.ts

const badDomain2 = swcore.badDomain, badPort = swcore.badPort, badTime = swcore.badTime;
const parseAddress = swcore.parseAddress;
const readConfig = swcore.readConfig;
const explain = swcore.explain;

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

// src/luci/_rules.ts
const badDomain = swcore.badDomain;
const parsePrefix = swcore.parsePrefix;
var WEEKDAY_NAMES = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
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

const check = swcore.check;

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
function pageUrl(page, hash) {
  return L.url("admin", "services", "splitwg", page) + (hash ? "#" + hash : "");
}
function sections() {
  return uci.sections("splitwg");
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
function badge(label, kind) {
  const color = { ok: "#2e7d32", warn: "#b26a00", bad: "#c62828", off: "#757575" }[kind];
  return E("span", { "class": "label", "style": `background:${color};color:#fff;padding:1px 6px;border-radius:3px;white-space:nowrap` }, [label]);
}
function actionLabel(a) {
  return a === "proxy" ? _("Proxy") : a === "direct" ? _("Direct") : a === "block" ? _("Block") : a;
}
function upstreamLabel(name) {
  const label = uci.get("splitwg", name, "name");
  return label ? `${name} (${label})` : name;
}
function setContent(node, content) {
  dom.content(node, content);
}

// src/luci/tester.ts
var PROTO_CHOICES = ["tcp", "udp", "icmp", "icmpv6", "sctp", "udplite", "gre", "esp"];
function destinationError(v) {
  const d = v.trim().toLowerCase();
  if (parseAddress(d)) return null;
  return badDomain2(d) ? `"${v}" is neither an IP address nor a domain name` : null;
}
function dnsNote(client) {
  const own = uci2.get("splitwg", client, "dns_hijack");
  const glob = uci2.get("splitwg", "main", "dns_hijack");
  const v = own ?? glob ?? "1";
  const on = v === "1" || v === "on" || v === "yes" || v === "true" || v === "enabled";
  return on ? _("DNS: hijacked — every DNS query of this client is answered by the router, so domain rules see the names it resolves.") : _("DNS: not hijacked — domain rules only work if this client uses the router as its DNS server (DNS over HTTPS/TLS bypasses them).");
}
function renderResult(x, q, where) {
  const kind = x.action === "proxy" ? "ok" : x.action === "direct" ? "off" : "bad";
  const secs = toSections(sections());
  let rule = E("em", {}, [_("none — the client's default path")]);
  if (x.rule) {
    const pl = placeOf(x.rule, secs);
    rule = E("a", { href: pageUrl("rules", pl.owner ?? void 0) }, [t(pl.where)]);
  }
  const rows = [
    [_("Path"), E("span", {}, [
      badge(actionLabel(x.action), kind),
      x.action === "proxy" && x.upstream ? " " + _("through %s").format(upstreamLabel(x.upstream)) : ""
    ])],
    [_("Deciding rule"), rule],
    [_("Interface"), x.iface ?? "-"],
    [_("Firewall mark"), x.mark ?? "-"],
    [_("Why"), coreText(x.reason)],
    [_("DNS"), dnsNote(q.client)]
  ];
  return E("div", { "class": "cbi-section" }, [
    E("h3", {}, [_("Result")]),
    E("div", { "class": "cbi-section-descr" }, [where]),
    E("table", { "class": "table" }, rows.map((r) => E("tr", { "class": "tr" }, [
      E("td", { "class": "td left", "width": "25%" }, [r[0]]),
      E("td", { "class": "td left" }, [r[1]])
    ])))
  ]);
}
var tester_default = view.extend({
  load: () => uci2.load("splitwg"),
  render() {
    const data = { test: { client: "", destination: "", proto: "", port: "", day: "", time: "", source: "router" } };
    const m = new form2.JSONMap(
      data,
      _("Rule tester"),
      _("Pick a client and a destination: the result is the path its traffic takes and the rule that decides it — computed by the same code the router uses to build its firewall.")
    );
    const s = m.section(form2.NamedSection, "test", "test");
    const clients = sections().filter((c) => c[".type"] === "client").map((c) => String(c[".name"]));
    let o = s.option(form2.ListValue, "client", _("Client"));
    for (const c of clients) {
      const label = uci2.get("splitwg", c, "name");
      o.value(c, label ? `${c} (${label})` : c);
    }
    if (clients.length) data.test.client = clients[0];
    const oClient = o;
    o = s.option(form2.Value, "destination", _("Destination"), _("A domain name (e.g. www.netflix.com) or an IP address."));
    o.placeholder = "www.example.com";
    o.validate = validator(destinationError);
    const oDest = o;
    o = s.option(form2.ListValue, "proto", _("Protocol"));
    o.value("", _("any"));
    for (const p of PROTO_CHOICES) o.value(p, p);
    const oProto = o;
    o = s.option(form2.Value, "port", _("Destination port"));
    o.placeholder = "443";
    o.validate = validator(badPort);
    o.depends("proto", "tcp");
    o.depends("proto", "udp");
    o.depends("proto", "sctp");
    o.depends("proto", "udplite");
    const oPort = o;
    o = s.option(form2.ListValue, "day", _("Day"), _("With a time: evaluate time windows as at that moment; without: time conditions are reported, not evaluated."));
    o.value("", _("not given"));
    const dayNames = [_("Monday"), _("Tuesday"), _("Wednesday"), _("Thursday"), _("Friday"), _("Saturday"), _("Sunday")];
    WEEKDAY_NAMES.forEach((d, i) => o.value(d, dayNames[i]));
    const oDay = o;
    o = s.option(form2.Value, "time", _("Time"));
    o.placeholder = "21:30";
    o.validate = validator(badTime);
    const oTime = o;
    o = s.option(form2.ListValue, "source", _("Configuration"));
    o.value("router", _("as applied on the router"));
    o.value("browser", _("as saved, not yet applied (evaluated in the browser)"));
    const oSource = o;
    const result = E("div", {}, []);
    const run = () => {
      const ok = [oClient, oDest, oPort, oTime].every((x) => x.isValid("test"));
      const client = String(oClient.formvalue("test") ?? "");
      const dest = String(oDest.formvalue("test") ?? "").trim();
      if (!ok || !client || !dest) {
        setContent(result, E("div", { "class": "alert-message warning" }, [_("Choose a client and enter a valid destination.")]));
        return Promise.resolve();
      }
      const proto2 = String(oProto.formvalue("test") ?? "");
      const portS = oPort.isActive("test") ? String(oPort.formvalue("test") ?? "") : "";
      const day = String(oDay.formvalue("test") ?? ""), time2 = String(oTime.formvalue("test") ?? "");
      if (day === "" !== (time2 === "")) {
        setContent(result, E("div", { "class": "alert-message warning" }, [_("Give both a day and a time, or neither.")]));
        return Promise.resolve();
      }
      const at = day ? `${day} ${time2}` : "";
      const port = portS ? parseInt(portS, 10) : void 0;
      const q = { client };
      if (oSource.formvalue("test") === "browser") {
        const r = readConfig(toCoreSections(sections()));
        if (!r.config) {
          setContent(result, E("div", { "class": "alert-message warning" }, [E("h4", {}, [_("The saved configuration has problems")]), problemList(r.problems)]));
          return Promise.resolve();
        }
        const x = explain(r.config, { client, destination: dest, proto: proto2 || null, port: port ?? null, at: at || null });
        if ("error" in x) setContent(result, E("div", { "class": "alert-message warning" }, [coreText(x.error.message)]));
        else setContent(result, renderResult(x, q, _("Evaluated in the browser on the saved configuration (not yet applied).")));
        return Promise.resolve();
      }
      return callExplain(client, dest, proto2 || void 0, port, at || void 0).then((x) => {
        if (typeof x === "number") setContent(result, E("div", { "class": "alert-message warning" }, [_("The router did not answer (ubus status %d).").format(x)]));
        else if (isError(x)) setContent(result, E("div", { "class": "alert-message warning" }, [coreText(x.error.message)]));
        else setContent(result, renderResult(x, q, _("Answered by the router for its applied configuration (upstreams that are down count as down).")));
      });
    };
    return m.render().then((node) => E("div", {}, [
      node,
      E("div", { "class": "cbi-page-actions" }, [
        E("button", {
          "class": "btn cbi-button",
          "type": "button",
          "title": _("Fill in the current day and time"),
          "click": () => {
            const now = /* @__PURE__ */ new Date();
            const d = WEEKDAY_NAMES[(now.getDay() + 6) % 7];
            const el1 = oDay.getUIElement("test"), el2 = oTime.getUIElement("test");
            if (el1) el1.setValue(d);
            if (el2) el2.setValue(`${String(now.getHours()).padStart(2, "0")}:${String(now.getMinutes()).padStart(2, "0")}`);
          }
        }, [_("Now")]),
        " ",
        E("button", { "class": "btn cbi-button-action important", "type": "button", "click": ui2.createHandlerFn(null, run) }, [_("Test")])
      ]),
      clients.length ? E([]) : E("div", { "class": "alert-message notice" }, [_("No client yet: add one under Server & clients.")]),
      result
    ]));
  },
  handleSave: null,
  handleSaveApply: null,
  handleReset: null
});

return tester_default;
