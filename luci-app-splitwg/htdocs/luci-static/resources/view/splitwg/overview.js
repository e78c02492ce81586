'use strict';
'require splitwg.core as swcore';
'require view';
'require form as form2';
'require uci as uci2';
'require poll';
'require rpc';
'require ui';
'require dom';
// Generated from src/luci/overview.ts by `npm run build` — edit the TypeScript, not this file.

const form = form2, uci = uci2;
// node_modules/.cache/splitwg/ucode-builtins.mjs
const print = swcore.print, printf = swcore.printf, sprintf = swcore.sprintf, warn = swcore.warn, length = swcore.length, index = swcore.index, rindex = swcore.rindex, push = swcore.push, pop = swcore.pop, shift = swcore.shift, unshift = swcore.unshift, splice = swcore.splice, slice = swcore.slice, reverse = swcore.reverse, uniq = swcore.uniq, filter = swcore.filter, map = swcore.map, sort = swcore.sort, join = swcore.join, split = swcore.split, substr = swcore.substr, trim = swcore.trim, ltrim = swcore.ltrim, rtrim = swcore.rtrim, uc = swcore.uc, lc = swcore.lc, chr = swcore.chr, uchr = swcore.uchr, ord = swcore.ord, keys = swcore.keys, values = swcore.values, exists = swcore.exists, proto = swcore.proto, type = swcore.type, int = swcore.int, hex = swcore.hex, min = swcore.min, max = swcore.max, match = swcore.match, replace = swcore.replace, regexp = swcore.regexp, wildcard = swcore.wildcard, json = swcore.json, b64enc = swcore.b64enc, b64dec = swcore.b64dec, hexenc = swcore.hexenc, hexdec = swcore.hexdec, iptoarr = swcore.iptoarr, arrtoip = swcore.arrtoip, time = swcore.time, clock = swcore.clock, localtime = swcore.localtime, gmtime = swcore.gmtime, timelocal = swcore.timelocal, timegm = swcore.timegm, sleep = swcore.sleep, die = swcore.die, exit = swcore.exit, assert = swcore.assert, getenv = swcore.getenv, system = swcore.system, call = swcore.call, loadstring = swcore.loadstring;

// src/luci/overview.ts

const badInt = swcore.badInt, badName = swcore.badName;

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
function upstreamLabel(name) {
  const label = uci.get("splitwg", name, "name");
  return label ? `${name} (${label})` : name;
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

// src/luci/overview.ts
function table(head, rows, empty) {
  return E("table", { "class": "table" }, [
    E("tr", { "class": "tr table-titles" }, head.map((h) => E("th", { "class": "th" }, [h]))),
    ...rows.length ? rows.map((r) => E("tr", { "class": "tr" }, r.map((c) => E("td", { "class": "td" }, [c])))) : [E("tr", { "class": "tr placeholder" }, [E("td", { "class": "td", "colspan": head.length }, [E("em", {}, [empty])])])]
  ]);
}
function renderStatus(st, err) {
  if (!st) return E("div", { "class": "alert-message warning" }, [_("The splitwg service does not answer: %s").format(err ?? "?")]);
  const la = st.last_apply;
  const rows = [
    E("tr", { "class": "tr" }, [E("td", { "class": "td left", "width": "33%" }, [_("Service")]), E("td", { "class": "td left" }, [
      st.enabled ? badge(_("enabled"), "ok") : badge(_("disabled"), "off"),
      " ",
      E("small", {}, [_("version %s").format(st.version)])
    ])]),
    E("tr", { "class": "tr" }, [E("td", { "class": "td left" }, [_("Last apply")]), E("td", { "class": "td left" }, la ? [
      la.ok ? badge(_("succeeded"), "ok") : badge(_("failed"), "bad"),
      " ",
      E("small", {}, [new Date(la.time * 1e3).toLocaleString(), la.message ? " — " + coreText(la.message) : ""])
    ] : [E("em", {}, [_("never applied")])])])
  ];
  if (st.pending) rows.push(E("tr", { "class": "tr" }, [
    E("td", { "class": "td left" }, [_("Pending")]),
    E("td", { "class": "td left" }, [badge(_("saved settings are not applied yet"), "warn")])
  ]));
  const ups = st.upstreams.map((u) => [
    E("a", { href: pageUrl("upstreams", u.name) }, [upstreamLabel(u.name)]),
    u.iface,
    !u.enabled ? badge(_("disabled"), "off") : !u.up ? badge(_("down"), "bad") : u.healthy === false ? badge(_("no handshake"), "warn") : badge(_("up"), "ok"),
    fmtAge(u.handshake_age),
    `↓ ${fmtBytes(u.rx)} / ↑ ${fmtBytes(u.tx)}`
  ]);
  const cls = st.clients.map((c) => {
    const label = uci2.get("splitwg", c.name, "name");
    return [
      E("a", { href: pageUrl("rules", `client:${c.name}`), title: _("Rules of %s").format(c.name) }, [label ? `${c.name} (${label})` : c.name]),
      c.kind === "peer" ? _("WireGuard peer") : _("LAN device"),
      c.enabled ? badge(_("on"), "ok") : badge(_("off"), "off"),
      String(c.counters.direct),
      String(c.counters.proxy),
      String(c.counters.block),
      c.kind === "peer" ? fmtAge(c.handshake_age) : "-"
    ];
  });
  return E("div", {}, [
    st.warnings.length ? E("div", { "class": "alert-message warning" }, [
      E("h4", {}, [_("Warnings")]),
      E("ul", {}, st.warnings.map((w) => E("li", {}, [coreText(w)])))
    ]) : E([]),
    E("table", { "class": "table" }, rows),
    E("h3", {}, [_("Upstreams")]),
    table([_("Upstream"), _("Interface"), _("State"), _("Last handshake"), _("Traffic")], ups, _("No upstream yet: add one under Upstreams.")),
    E("h3", {}, [_("Clients")]),
    E("div", { "class": "cbi-section-descr" }, [_("New connections by path since the last apply (the first packet of each connection is counted).")]),
    table([_("Client"), _("Kind"), _("Enabled"), _("Direct"), _("Proxy"), _("Block"), _("Last handshake")], cls, _("No client yet: add one under Server & clients."))
  ]);
}
var overview_default = view.extend({
  load: () => Promise.all([callStatus(), callCheck(), uci2.load("splitwg")]).then((r) => {
    if (!uci2.get("splitwg", "main")) uci2.add("splitwg", "globals", "main");
    return r;
  }),
  render(data) {
    const good = (x) => x && typeof x === "object" && !isError(x);
    const st = good(data[0]) ? data[0] : null;
    const stErr = isError(data[0]) ? data[0].error.message : typeof data[0] === "number" ? _("ubus status %d").format(data[0]) : null;
    const chk = good(data[1]) ? data[1] : null;
    const statusNode = E("div", { "class": "cbi-section" }, [renderStatus(st, stErr)]);
    const problemsNode = E("div", {}, [banner(data[0], chk, void 0)]);
    poll.add(() => Promise.all([callStatus(), callCheck()]).then((r) => {
      if (good(r[0])) setContent(statusNode, renderStatus(r[0], null));
      if (good(r[1])) setContent(problemsNode, banner(r[0], r[1], void 0, false));
    }), 5);
    const m = new form2.Map(
      "splitwg",
      _("Split WireGuard"),
      _("Per-client split tunnelling: each client's traffic goes direct, through one of the upstream WireGuard tunnels, or is blocked — by domain, address, port, protocol and time.")
    );
    const s = m.section(form2.NamedSection, "main", "globals", _("Global settings"));
    s.tab("general", _("General"));
    s.tab("advanced", _("Advanced"));
    let o = s.taboption("general", form2.Flag, "enabled", _("Enabled"), _("Off removes splitwg's firewall table, routes and DNS entries; every client then goes direct."));
    o.default = "1";
    o = s.taboption("general", form2.Flag, "kill_switch", _("Kill switch"), _("While an upstream is down, traffic meant for it is blocked instead of leaking out directly."));
    o.default = "1";
    o = s.taboption("general", form2.Flag, "dns_hijack", _("Hijack DNS"), _("Answer the clients' DNS queries on the router even when they use another server; domain rules only see names resolved here. Each client can override it."));
    o.default = "1";
    o = s.taboption("general", form2.Flag, "ipv6", _("IPv6"), _("Classify IPv6 traffic as well."));
    o.default = "1";
    o = s.taboption("advanced", form2.Value, "mark_mask", _("Mark mask"), _("The firewall mark bits splitwg uses: one contiguous run, not overlapping mwan3 (0x3f00), pbr (0xff0000) or dae (0x08000000)."));
    o.placeholder = "0x70000000";
    o.validate = (_sid, v) => !v || /^0x[0-9a-fA-F]{1,8}$/.test(v) ? true : coreText(`"${v}" is not a 32-bit hex mask (0x…)`);
    o = s.taboption("advanced", form2.Value, "rule_priority", _("ip rule priority"), _("First priority of splitwg's policy routing rules."));
    o.placeholder = "21000";
    o.validate = (_sid, v) => !v || !badInt(v, 1, 32e3) ? true : coreText(badInt(v, 1, 32e3));
    o = s.taboption("advanced", form2.Value, "table_base", _("Routing table base"), _("Upstream n uses routing table base + n."));
    o.placeholder = "2100";
    o.validate = (_sid, v) => !v || !badInt(v, 256, 2147418112) ? true : coreText(badInt(v, 256, 2147418112));
    o = s.taboption("advanced", form2.Value, "set_timeout", _("Learned address lifetime"), _("Seconds an address learned from a DNS answer stays in a domain rule's set (0: forever)."));
    o.placeholder = "86400";
    o.validate = (_sid, v) => !v || !badInt(v, 0, 31536e3) ? true : coreText(badInt(v, 0, 31536e3));
    o = s.taboption("advanced", form2.Value, "lan_zone", _("LAN zone"), _("The firewall zone of the LAN devices."));
    o.placeholder = "lan";
    o.validate = (_sid, v) => !v || !badName(v, 11) ? true : coreText(badName(v, 11));
    o = s.taboption("advanced", form2.Value, "wan_zone", _("WAN zone"));
    o.placeholder = "wan";
    o.validate = (_sid, v) => !v || !badName(v, 11) ? true : coreText(badName(v, 11));
    return m.render().then((node) => {
      const descr = node.querySelector(".cbi-map-descr");
      const after = descr ? descr.nextSibling : node.firstChild;
      node.insertBefore(problemsNode, after);
      node.insertBefore(statusNode, after);
      return node;
    });
  },
  handleSaveApply(ev, mode) {
    return saveApply(this, ev, mode);
  }
});

return overview_default;
