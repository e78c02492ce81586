'use strict';
'require splitwg.core as swcore';
'require view';
'require form as form2';
'require uci as uci2';
'require ui as ui2';
'require rpc';
'require dom';
// Generated from src/luci/rules.ts by `npm run build` — edit the TypeScript, not this file.

const form = form2, ui = ui2, uci = uci2;
// node_modules/.cache/splitwg/ucode-builtins.mjs
const print = swcore.print, printf = swcore.printf, sprintf = swcore.sprintf, warn = swcore.warn, length = swcore.length, index = swcore.index, rindex = swcore.rindex, push = swcore.push, pop = swcore.pop, shift = swcore.shift, unshift = swcore.unshift, splice = swcore.splice, slice = swcore.slice, reverse = swcore.reverse, uniq = swcore.uniq, filter = swcore.filter, map = swcore.map, sort = swcore.sort, join = swcore.join, split = swcore.split, substr = swcore.substr, trim = swcore.trim, ltrim = swcore.ltrim, rtrim = swcore.rtrim, uc = swcore.uc, lc = swcore.lc, chr = swcore.chr, uchr = swcore.uchr, ord = swcore.ord, keys = swcore.keys, values = swcore.values, exists = swcore.exists, proto = swcore.proto, type = swcore.type, int = swcore.int, hex = swcore.hex, min = swcore.min, max = swcore.max, match = swcore.match, replace = swcore.replace, regexp = swcore.regexp, wildcard = swcore.wildcard, json = swcore.json, b64enc = swcore.b64enc, b64dec = swcore.b64dec, hexenc = swcore.hexenc, hexdec = swcore.hexdec, iptoarr = swcore.iptoarr, arrtoip = swcore.arrtoip, time = swcore.time, clock = swcore.clock, localtime = swcore.localtime, gmtime = swcore.gmtime, timelocal = swcore.timelocal, timegm = swcore.timegm, sleep = swcore.sleep, die = swcore.die, exit = swcore.exit, assert = swcore.assert, getenv = swcore.getenv, system = swcore.system, call = swcore.call, loadstring = swcore.loadstring;

// src/luci/rules.ts

const badDomain3 = swcore.badDomain, badLabel2 = swcore.badLabel, badName2 = swcore.badName, badPortRange2 = swcore.badPortRange, badTime2 = swcore.badTime, PROTOS2 = swcore.PROTOS;
const parsePrefix3 = swcore.parsePrefix;

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

// src/luci/_rules.ts
const badDomain = swcore.badDomain;
const parsePrefix = swcore.parsePrefix;

// src/luci/_msg.ts
function N_(s) {
  return s;
}
function msg(text2, ...args) {
  return { text: text2, args };
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
function core(message) {
  return { core: message };
}

// src/luci/_rules.ts
var WEEKDAY_NAMES = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
function ownerKey(kind, name) {
  return `${kind}:${name}`;
}
function parseOwner(key) {
  const m = /^(client|ruleset):(.+)$/.exec(key);
  return m ? { kind: m[1], name: m[2] } : null;
}
function ownerOf(opts) {
  const c = opts.client, r = opts.ruleset;
  if (typeof c === "string" && c !== "" && (r == null || r === "")) return ownerKey("client", c);
  if (typeof r === "string" && r !== "" && (c == null || c === "")) return ownerKey("ruleset", r);
  return null;
}
function rulesOf(sections2, owner2) {
  return sections2.filter((s) => s.type === "rule" && ownerOf(s.opts) === owner2).map((s) => s.sid);
}
function moveStep(ownerSids, sid, delta) {
  const i = ownerSids.indexOf(sid);
  const j = i + delta;
  if (i < 0 || j < 0 || j >= ownerSids.length) return null;
  return { sid, ref: ownerSids[j], after: delta > 0 };
}
function listOf(v) {
  if (v == null) return [];
  if (Array.isArray(v)) return v.slice();
  return v.split(/[ \t]+/).filter((x) => x !== "");
}
function few(l, n) {
  return l.length <= n ? l.join(", ") : `${l.slice(0, n).join(", ")} +${l.length - n}`;
}
function matchSummary(o) {
  const out = [];
  const dom2 = listOf(o.domain), dst = listOf(o.dest), pr = listOf(o.proto), po = listOf(o.port), wd = listOf(o.weekdays);
  if (dom2.length) out.push(msg(N_("domains %s"), few(dom2, 3)));
  if (dst.length) out.push(msg(N_("addresses %s"), few(dst, 3)));
  if (pr.length && pr.indexOf("all") < 0 && pr.indexOf("any") < 0) out.push(msg(N_("protocol %s"), pr.join("/")));
  if (po.length) out.push(msg(N_("port %s"), few(po, 4)));
  if (o.start_time || o.stop_time) out.push(msg(N_("time %s"), `${o.start_time ?? "?"}–${o.stop_time ?? "?"}`));
  if (wd.length) out.push(msg(N_("days %s"), wd.join(" ")));
  if (!out.length) out.push(msg(N_("any traffic")));
  return out;
}
function parseBulk(text2) {
  const b = { domains: [], dests: [], errors: [], duplicates: 0 };
  const lines = text2.replace(/\r/g, "").split("\n");
  for (let i = 0; i < lines.length; i++) {
    const toks = lines[i].replace(/#.*$/, "").split(/[\s,;]+/).filter((t2) => t2 !== "");
    for (let t2 of toks) {
      const url = /^[a-z][a-z0-9+.-]*:\/\/(?:[^@/]*@)?(\[[^\]]+\]|[^/:?#]+)/i.exec(t2);
      if (url) t2 = url[1].replace(/^\[|\]$/g, "");
      const p = parsePrefix(t2);
      if (typeof p !== "string") {
        if (b.dests.indexOf(p.text) >= 0) b.duplicates++;
        else b.dests.push(p.text);
        continue;
      }
      if (/^[0-9.]+(\/[0-9]+)?$/.test(t2) || t2.indexOf(":") >= 0 && /^[0-9a-fA-F:.]+(\/[0-9]+)?$/.test(t2)) {
        b.errors.push({ line: i + 1, text: core(p) });
        continue;
      }
      const d = t2.toLowerCase().replace(/^\*?\./, "").replace(/\.$/, "");
      const e = badDomain(d);
      if (e) {
        b.errors.push({ line: i + 1, text: core(e) });
        continue;
      }
      if (d.indexOf(".") < 0) {
        b.errors.push({ line: i + 1, text: msg(N_('"%s" has no dot: not taken as a domain'), t2) });
        continue;
      }
      if (b.domains.indexOf(d) >= 0) b.duplicates++;
      else b.domains.push(d);
    }
  }
  return b;
}
function newRuleOptions(owner2, fields) {
  const o = parseOwner(owner2);
  const out = {};
  if (!o) return out;
  out[o.kind] = o.name;
  for (const k in fields) {
    const v = fields[k];
    if (v == null || v === "" || Array.isArray(v) && !v.length) continue;
    out[k] = Array.isArray(v) ? v.slice() : v;
  }
  return out;
}

// src/luci/_rulesio.ts
const badBool = swcore.badBool, badDomain2 = swcore.badDomain, badLabel = swcore.badLabel, badName = swcore.badName, badPortRange = swcore.badPortRange, badTime = swcore.badTime, bool = swcore.bool, weekday = swcore.weekday, PROTOS = swcore.PROTOS;
const parsePrefix2 = swcore.parsePrefix;
var FIELDS = ["name", "enabled", "action", "upstream", "domain", "dest", "proto", "port", "start_time", "stop_time", "weekdays"];
var LISTS = ["domain", "dest", "proto", "port", "weekdays"];
function fromOptions(o) {
  const r = { action: o.action || "proxy" };
  if (typeof o.name === "string" && o.name !== "") r.name = o.name;
  if (typeof o.enabled === "string" && !bool(o.enabled)) r.enabled = false;
  if (typeof o.upstream === "string" && o.upstream !== "") r.upstream = o.upstream;
  for (const k of LISTS) {
    const l = listOf(o[k]);
    if (l.length) r[k] = l;
  }
  if (typeof o.start_time === "string" && o.start_time !== "") r.start_time = o.start_time;
  if (typeof o.stop_time === "string" && o.stop_time !== "") r.stop_time = o.stop_time;
  return r;
}
function toOptions(r) {
  const o = {};
  if (r.name) o.name = r.name;
  if (r.enabled === false) o.enabled = "0";
  o.action = r.action;
  if (r.upstream) o.upstream = r.upstream;
  for (const k of LISTS) {
    const l = r[k];
    if (l && l.length) o[k] = l.slice();
  }
  if (r.start_time) o.start_time = r.start_time;
  if (r.stop_time) o.stop_time = r.stop_time;
  return o;
}
function exportJSON(rules, owner2, label) {
  const doc = { format: "splitwg-rules", version: 1, rules };
  if (owner2) doc.owner = owner2;
  if (label) doc.label = label;
  return JSON.stringify(doc, null, "	") + "\n";
}
function csvCell(v) {
  return /[",\r\n]|^\s|\s$/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}
function exportCSV(rules) {
  const rows = [FIELDS.join(",")];
  for (const r of rules) {
    const m = r;
    rows.push(FIELDS.map((f) => {
      const v = m[f];
      if (f === "enabled") return r.enabled === false ? "0" : "1";
      if (Array.isArray(v)) return csvCell(v.join(" "));
      return v == null ? "" : csvCell(String(v));
    }).join(","));
  }
  return rows.join("\r\n") + "\r\n";
}
function parseCSV(text2) {
  const rows = [];
  let cells = [], cell = "", quoted = false, line = 1, start = 1, after = false;
  const s = text2.replace(/^\uFEFF/, "");
  for (let i = 0; i < s.length; i++) {
    const c = s.charAt(i);
    if (quoted) {
      if (c === '"') {
        if (s.charAt(i + 1) === '"') {
          cell += '"';
          i++;
        } else {
          quoted = false;
          after = true;
        }
      } else {
        if (c === "\n") line++;
        cell += c;
      }
      continue;
    }
    if (c === '"' && cell === "" && !after) {
      quoted = true;
      continue;
    }
    if (c === ",") {
      cells.push(cell);
      cell = "";
      after = false;
      continue;
    }
    if (c === "\r") continue;
    if (c === "\n") {
      cells.push(cell);
      if (!(cells.length === 1 && cells[0] === "")) rows.push({ line: start, cells });
      cells = [];
      cell = "";
      after = false;
      line++;
      start = line;
      continue;
    }
    if (after) return { rows, error: { line, text: msg(N_("text after a closing quote")) } };
    cell += c;
  }
  if (quoted) return { rows, error: { line: start, text: msg(N_("a quoted field is not closed")) } };
  cells.push(cell);
  if (!(cells.length === 1 && cells[0] === "")) rows.push({ line: start, cells });
  return { rows, error: null };
}
function validate(raw, where, errors) {
  const n0 = errors.length;
  const err = (field, t3) => {
    errors.push({ line: where.line, rule: where.rule, field, text: t3 });
  };
  const str = (k) => {
    const v = raw[k];
    if (v == null || v === "") return null;
    if (typeof v === "boolean" && k === "enabled") return v ? "1" : "0";
    if (typeof v === "number") return String(v);
    if (typeof v !== "string") {
      err(k, msg(N_("must be text")));
      return null;
    }
    return v.trim();
  };
  const lst = (k) => {
    const v = raw[k];
    if (v == null || v === "") return [];
    if (Array.isArray(v)) {
      if (v.some((x) => typeof x !== "string" && typeof x !== "number")) {
        err(k, msg(N_("must be a list of text values")));
        return [];
      }
      return v.map((x) => String(x).trim()).filter((x) => x !== "");
    }
    if (typeof v === "string") return v.split(/[\s,]+/).filter((x) => x !== "");
    err(k, msg(N_("must be a list of text values")));
    return [];
  };
  for (const k in raw)
    if (FIELDS.indexOf(k) < 0) err(k, msg(N_('unknown field "%s" (known: %s)'), k, FIELDS.join(", ")));
  const r = { action: "proxy" };
  const name = str("name");
  if (name !== null) {
    const e = badLabel(name);
    if (e) err("name", core(e));
    else r.name = name;
  }
  const en = str("enabled");
  if (en !== null) {
    const e = badBool(en);
    if (e) err("enabled", core(e));
    else if (!bool(en)) r.enabled = false;
  }
  const act = str("action");
  if (act !== null) {
    if (act === "proxy" || act === "direct" || act === "block") r.action = act;
    else err("action", core(`"${act}" is not an action (proxy, direct, block)`));
  }
  const up = str("upstream");
  if (up !== null) {
    const e = badName(up, 12);
    if (e) err("upstream", core(e));
    else if (r.action !== "proxy") err("upstream", core(`only a proxy rule takes an upstream (action is ${r.action})`));
    else r.upstream = up;
  }
  const check2 = (k, f) => {
    const l = lst(k);
    const ok = [];
    for (const v of l) {
      const e = f(v);
      if (e) err(k, core(e));
      else ok.push(v);
    }
    if (ok.length) r[k] = ok;
  };
  check2("domain", badDomain2);
  check2("dest", (v) => {
    const p = parsePrefix2(v);
    return typeof p === "string" ? p : null;
  });
  check2("proto", (v) => v === "all" || v === "any" || PROTOS.indexOf(v) >= 0 ? null : `"${v}" is not a protocol (${PROTOS.join(" ")}, all)`);
  check2("port", badPortRange);
  check2("weekdays", (v) => weekday(v) < 0 ? `"${v}" is not a weekday (Mon … Sun)` : null);
  const t1 = str("start_time"), t2 = str("stop_time");
  if (t1 !== null) {
    const e = badTime(t1);
    if (e) err("start_time", core(e));
    else r.start_time = t1;
  }
  if (t2 !== null) {
    const e = badTime(t2);
    if (e) err("stop_time", core(e));
    else r.stop_time = t2;
  }
  if (t1 === null !== (t2 === null)) err(t1 === null ? "start_time" : "stop_time", core("a time window needs both start_time and stop_time"));
  return errors.length === n0 ? r : null;
}
function importRules(text2) {
  const errors = [];
  const rules = [];
  const t2 = text2.replace(/^\uFEFF/, "").trim();
  if (t2 === "") return { rules, label: null, errors: [{ text: msg(N_("nothing to import")) }] };
  if (t2.charAt(0) === "{" || t2.charAt(0) === "[") {
    let doc;
    try {
      doc = JSON.parse(t2);
    } catch (e) {
      return { rules, label: null, errors: [{ text: msg(N_("not valid JSON: %s"), String(e.message)) }] };
    }
    let list = doc;
    let label = null;
    if (!Array.isArray(doc)) {
      const d = doc;
      if (d.format !== "splitwg-rules") errors.push({ field: "format", text: msg(N_('not a splitwg rule export (format must be "splitwg-rules")')) });
      if (d.version !== 1) errors.push({ field: "version", text: msg(N_("unsupported version %s"), String(d.version)) });
      if (typeof d.label === "string") label = d.label;
      list = d.rules;
    }
    if (!Array.isArray(list)) return { rules, label, errors: errors.concat([{ field: "rules", text: msg(N_('"rules" must be a list')) }]) };
    list.forEach((x, i) => {
      if (x === null || typeof x !== "object" || Array.isArray(x)) {
        errors.push({ rule: i + 1, text: msg(N_("a rule must be an object")) });
        return;
      }
      const r = validate(x, { rule: i + 1 }, errors);
      if (r) rules.push(r);
    });
    return { rules, label, errors };
  }
  const csv = parseCSV(text2);
  if (csv.error) return { rules, label: null, errors: [csv.error] };
  if (!csv.rows.length) return { rules, label: null, errors: [{ text: msg(N_("nothing to import")) }] };
  const head = csv.rows[0].cells.map((h) => h.trim().toLowerCase());
  for (const h of head)
    if (FIELDS.indexOf(h) < 0) errors.push({ line: csv.rows[0].line, field: h, text: msg(N_('unknown column "%s" (known: %s)'), h, FIELDS.join(", ")) });
  if (errors.length) return { rules, label: null, errors };
  for (let i = 1; i < csv.rows.length; i++) {
    const row = csv.rows[i];
    if (row.cells.length !== head.length) {
      errors.push({ line: row.line, text: msg(N_("%d fields, the header has %d"), row.cells.length, head.length) });
      continue;
    }
    const raw = {};
    head.forEach((h, j) => {
      raw[h] = row.cells[j];
    });
    const r = validate(raw, { line: row.line }, errors);
    if (r) rules.push(r);
  }
  return { rules, label: null, errors };
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
    const owner2 = ownerKey(m[1], m[2]);
    const rules = sections2.filter((s) => s.type === "rule" && ownerOf(s.opts) === owner2);
    const r = rules[parseInt(m[3], 10)];
    const label = r && typeof r.opts.name === "string" && r.opts.name !== "" ? ` (${r.opts.name})` : "";
    return {
      page: "rules",
      sid: r ? r.sid : null,
      option: opt(m[4]),
      owner: owner2,
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
  let text2 = out[0];
  for (let i = 1; i < out.length; i++) text2 = fmt(translate(JOIN), [text2, out[i]]);
  return { text: text2, known };
}
function localizeCore(message, translate) {
  return whole(message, translate ?? ((x) => x), 0).text;
}
function say(t2, translate) {
  return "core" in t2 ? localizeCore(t2.core, translate) : tr(t2, translate);
}

// src/luci/_ui.ts
function t(m) {
  return tr(m, _);
}
function text(x) {
  return say(x, _);
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
function esc(s) {
  return s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]);
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

// src/luci/rules.ts
var owner = null;
function owners() {
  const out = [];
  for (const s of sections()) {
    const n = String(s[".name"]);
    const label = s.name ? `${n} (${s.name})` : n;
    if (s[".type"] === "client") out.push({ key: ownerKey("client", n), label, group: _("Clients") });
  }
  for (const s of sections()) {
    const n = String(s[".name"]);
    const label = s.name ? `${n} (${s.name})` : n;
    if (s[".type"] === "ruleset") out.push({ key: ownerKey("ruleset", n), label, group: _("Rule sets") });
  }
  return out;
}
function ownerTitle(key) {
  const o = key ? parseOwner(key) : null;
  if (!o) return _("Rules");
  return o.kind === "client" ? _("Rules of client %s").format(o.name) : _("Rules of rule set %s").format(o.name);
}
function ownerNote(key) {
  const o = key ? parseOwner(key) : null;
  if (!o) return E([]);
  if (o.kind === "ruleset") {
    const users = sections().filter((c) => c[".type"] === "client" && listOf(c.ruleset).indexOf(o.name) >= 0).map((c) => String(c[".name"]));
    return E("p", {}, [users.length ? _("Used by the clients: %s").format(users.join(", ")) : _("No client uses this rule set yet.")]);
  }
  const sets = listOf(uci2.get("splitwg", o.name, "ruleset"));
  const def = uci2.get("splitwg", o.name, "default") ?? "direct";
  const up = uci2.get("splitwg", o.name, "upstream");
  return E("p", {}, [
    sets.length ? _("After these rules: the rule sets %s.").format(sets.join(", ")) + " " : "",
    def === "proxy" && up ? _("Unmatched traffic: %s through %s.").format(actionLabel(def), up) : _("Unmatched traffic: %s.").format(actionLabel(def))
  ]);
}
function optsOf(sid) {
  const s = uci2.get("splitwg", sid);
  const o = {};
  if (s) {
    for (const k in s) if (k.charAt(0) !== ".") o[k] = s[k];
  }
  return o;
}
function ownerRules() {
  return owner ? rulesOf(toSections(sections()), owner) : [];
}
function addRule(opts) {
  const sid = uci2.add("splitwg", "rule");
  for (const k in opts) uci2.set("splitwg", sid, k, opts[k]);
  return sid;
}
function issueList(items) {
  return E("ul", {}, items.map((e) => E("li", {}, [
    e.line ? _("Line %d").format(e.line) + ": " : e.rule ? _("Rule %d").format(e.rule) + ": " : "",
    e.field ? `${e.field}: ` : "",
    text(e.text)
  ])));
}
function upstreamSelect() {
  return E("select", { "class": "cbi-input-select" }, [
    E("option", { value: "" }, [_("the client's upstream")]),
    ...upstreamNames().map((u) => E("option", { value: u }, [upstreamLabel(u)]))
  ]);
}
function bulkModal(map2) {
  const area = E("textarea", {
    "class": "cbi-input-textarea",
    "rows": 12,
    "style": "width:100%;font-family:monospace",
    "spellcheck": "false",
    "placeholder": "netflix.com\nnflxvideo.net\nhttps://www.example.org/page\n203.0.113.0/24\n2001:db8::/32"
  }, []);
  const name = E("input", { "type": "text", "class": "cbi-input-text", "placeholder": _("e.g. Streaming") }, []);
  const action = E("select", { "class": "cbi-input-select" }, ["proxy", "direct", "block"].map((a) => E("option", { value: a }, [actionLabel(a)])));
  const up = upstreamSelect();
  const out = E("div", {}, []);
  const row = (label, field) => E("div", { "class": "cbi-value" }, [E("label", { "class": "cbi-value-title" }, [label]), E("div", { "class": "cbi-value-field" }, [field])]);
  const go = (force) => {
    const b = parseBulk(String(area.value));
    const nm = String(name.value).trim();
    const badN = nm ? badLabel2(nm) : null;
    if (badN) {
      setContent(out, E("div", { "class": "alert-message warning" }, [text({ core: badN })]));
      return;
    }
    if (b.errors.length && !force) {
      setContent(out, E("div", { "class": "alert-message warning" }, [
        E("h4", {}, [_("%d entries are not domains or addresses").format(b.errors.length)]),
        issueList(b.errors),
        E("button", { "class": "btn", "click": () => go(true) }, [_("Add the valid ones")])
      ]));
      return;
    }
    if (!b.domains.length && !b.dests.length) {
      setContent(out, E("div", { "class": "alert-message warning" }, [_("Nothing to add.")]));
      return;
    }
    const act = String(action.value);
    addRule(newRuleOptions(owner, { name: nm, action: act, upstream: act === "proxy" ? String(up.value) : "", domain: b.domains, dest: b.dests }));
    ui2.hideModal();
    ui2.addNotification(null, E("p", {}, [_("Added a rule with %d domains and %d addresses (%d duplicates skipped).").format(b.domains.length, b.dests.length, b.duplicates)]), "info");
    return map2.save(null, true);
  };
  ui2.showModal(_("Bulk add"), [
    E("p", {}, [_("One domain, address or CIDR per line (or separated by spaces or commas); # starts a comment. A domain also matches its subdomains. They become one rule at the end of the list.")]),
    area,
    row(_("Rule name"), name),
    row(_("Action"), action),
    row(_("Upstream"), up),
    out,
    E("div", { "class": "right" }, [
      E("button", { "class": "btn", "click": ui2.hideModal }, [_("Cancel")]),
      " ",
      E("button", { "class": "btn cbi-button-action important", "click": () => go(false) }, [_("Add rule")])
    ])
  ]);
}
function importModal(map2) {
  const area = E("textarea", {
    "class": "cbi-input-textarea",
    "rows": 12,
    "style": "width:100%;font-family:monospace",
    "spellcheck": "false",
    "placeholder": "name,enabled,action,upstream,domain,dest,proto,port,start_time,stop_time,weekdays\nVideo,1,proxy,us,video.test cdn.video.test,,,,,,"
  }, []);
  const file = E("input", { "type": "file", "accept": ".json,.csv,application/json,text/csv" }, []);
  const replaceBox = E("input", { "type": "checkbox" }, []);
  const out = E("div", {}, []);
  file.addEventListener("change", () => readFile(file).then((s) => {
    area.value = s;
  }, (e) => setContent(out, E("p", {}, [e.message]))));
  const go = () => {
    const r = importRules(String(area.value));
    if (r.errors.length) {
      setContent(out, E("div", { "class": "alert-message warning" }, [E("h4", {}, [_("Nothing was imported")]), issueList(r.errors)]));
      return;
    }
    if (replaceBox.checked) for (const sid of ownerRules()) uci2.remove("splitwg", sid);
    for (const rule of r.rules) addRule(newRuleOptions(owner, toOptions(rule)));
    ui2.hideModal();
    ui2.addNotification(null, E("p", {}, [_("Imported %d rules.").format(r.rules.length)]), "info");
    return map2.save(null, true);
  };
  ui2.showModal(_("Import rules"), [
    E("p", {}, [_("A JSON export of splitwg or CSV with a header row (name, enabled, action, upstream, domain, dest, proto, port, start_time, stop_time, weekdays; lists separated by spaces).")]),
    file,
    area,
    E("label", {}, [replaceBox, " ", _("Replace the current rules (otherwise they are appended)")]),
    out,
    E("div", { "class": "right" }, [
      E("button", { "class": "btn", "click": ui2.hideModal }, [_("Cancel")]),
      " ",
      E("button", { "class": "btn cbi-button-action important", "click": go }, [_("Import")])
    ])
  ]);
}
function doExport(kind) {
  if (!owner) return;
  const o = parseOwner(owner);
  const rules = ownerRules().map((sid) => fromOptions(optsOf(sid)));
  const label = o && o.kind === "ruleset" ? uci2.get("splitwg", o.name, "name") : null;
  const base = o ? `splitwg-${o.kind}-${o.name}` : "splitwg-rules";
  if (kind === "json") download(`${base}.json`, exportJSON(rules, owner, label ?? void 0), "application/json");
  else download(`${base}.csv`, exportCSV(rules), "text/csv");
}
var rules_default = view.extend({
  load: () => Promise.all([callCheck(), uci2.load("splitwg"), callStatus()]),
  render(data) {
    const chk = data[0] && typeof data[0] === "object" && !isError(data[0]) ? data[0] : null;
    const st = data[2];
    const all = owners();
    const want = decodeURIComponent(String(globalThis.location.hash || "").replace(/^#/, ""));
    owner = all.some((x) => x.key === want) ? want : all.length ? all[0].key : null;
    const m = new form2.Map(
      "splitwg",
      _("Rules"),
      _("A client's rules are checked in order, then those of its rule sets; the first match decides, unmatched traffic takes the client's default path.")
    );
    let s = namedGrid(m, "ruleset", _("Shared rule sets"), _("Named lists of rules that several clients can use (Server & clients → client → Shared rule sets)."), _("Add rule set"), (sid) => _("Rule set %s").format(sid), (name) => badName2(name, 32));
    s.handleRemove = function(sid, ev) {
      for (const x of sections()) {
        if (x[".type"] === "rule" && x.ruleset === sid) uci2.remove("splitwg", String(x[".name"]));
        if (x[".type"] === "client") {
          const l = uci2.get("splitwg", String(x[".name"]), "ruleset");
          const arr = Array.isArray(l) ? l : l ? String(l).split(/\s+/) : [];
          if (arr.indexOf(sid) >= 0) uci2.set("splitwg", String(x[".name"]), "ruleset", arr.filter((y) => y !== sid));
        }
      }
      if (owner === ownerKey("ruleset", sid)) owner = null;
      return form2.GridSection.prototype.handleRemove.call(this, sid, ev);
    };
    let o = s.option(form2.Value, "name", _("Label"));
    o.validate = validator(badLabel2);
    o = s.option(form2.DummyValue, "_used", _("Used by"));
    o.modalonly = false;
    o.textvalue = (sid) => {
      const users = sections().filter((c) => c[".type"] === "client" && (Array.isArray(c.ruleset) ? c.ruleset : String(c.ruleset ?? "").split(/\s+/)).indexOf(sid) >= 0).map((c) => String(c[".name"]));
      return users.length ? plain(users.join(", ")) : E("em", {}, [_("no client")]);
    };
    o = s.option(form2.DummyValue, "_count", _("Rules"));
    o.modalonly = false;
    o.textvalue = (sid) => {
      const key = ownerKey("ruleset", sid);
      const n = rulesOf(toSections(sections()), key).length;
      return E("a", { href: "#" + key, click: (ev) => {
        ev.preventDefault();
        return switchTo(key);
      } }, [_("show (%d)").format(n)]);
    };
    const rs = m.section(form2.GridSection, "rule", ownerTitle(owner));
    rs.anonymous = true;
    rs.addremove = true;
    rs.sortable = true;
    rs.nodescriptions = true;
    rs.addbtntitle = _("Add rule");
    rs.modaltitle = (sid) => {
      const n = uci2.get("splitwg", sid, "name");
      return esc(`${ownerTitle(owner)} » ${n ? n : _("rule %d").format(ownerRules().indexOf(sid) + 1)}`);
    };
    rs.filter = (sid) => owner !== null && ownerOf(optsOf(sid)) === owner;
    rs.handleAdd = function() {
      if (!owner) return Promise.resolve();
      const sid = addRule(newRuleOptions(owner, {}));
      this.addedSection = sid;
      this.map.addedSection = sid;
      return this.renderMoreOptionsModal(sid);
    };
    rs.handleStep = function(sid, delta) {
      const mv = moveStep(ownerRules(), sid, delta);
      if (!mv) return Promise.resolve();
      uci2.move("splitwg", mv.sid, mv.ref, mv.after);
      return this.map.save(null, true);
    };
    rs.renderRowActions = function(sid) {
      const td = form2.GridSection.prototype.renderRowActions.call(this, sid);
      const box = td.querySelector("div") ?? td;
      const order = ownerRules();
      const i = order.indexOf(sid);
      const ro = this.map.readonly;
      box.insertBefore(E("button", {
        "class": "btn cbi-button",
        "title": _("Move down"),
        "disabled": ro || i >= order.length - 1 ? "" : null,
        "click": ui2.createHandlerFn(this, "handleStep", sid, 1)
      }, ["▼"]), box.firstChild);
      box.insertBefore(E("button", {
        "class": "btn cbi-button",
        "title": _("Move up"),
        "disabled": ro || i <= 0 ? "" : null,
        "click": ui2.createHandlerFn(this, "handleStep", sid, -1)
      }, ["▲"]), box.firstChild);
      return td;
    };
    rs.renderSectionAdd = function(extra) {
      if (!owner) return E("em", {}, [_("Add a client (Server & clients) or a rule set first.")]);
      const ro = this.map.readonly || null;
      const el = E("div", { "class": "cbi-section-create" }, [
        E("button", { "class": "cbi-button cbi-button-add", "disabled": ro, "click": ui2.createHandlerFn(this, "handleAdd") }, [_("Add rule")]),
        " ",
        E("button", { "class": "cbi-button", "disabled": ro, "click": ui2.createHandlerFn(this, () => bulkModal(this.map)) }, [_("Bulk add…")]),
        " ",
        E("button", { "class": "cbi-button", "disabled": ro, "click": ui2.createHandlerFn(this, () => importModal(this.map)) }, [_("Import…")]),
        " ",
        E("button", { "class": "cbi-button", "click": () => doExport("json") }, [_("Export JSON")]),
        " ",
        E("button", { "class": "cbi-button", "click": () => doExport("csv") }, [_("Export CSV")])
      ]);
      if (extra != null) el.classList.add(extra);
      return el;
    };
    rs.tab("match", _("Match"));
    rs.tab("action", _("Action"));
    o = rs.taboption("match", form2.Flag, "enabled", _("Enabled"));
    o.default = "1";
    o.editable = true;
    o = rs.taboption("match", form2.Value, "name", _("Name"));
    o.validate = validator(badLabel2);
    o = rs.option(form2.DummyValue, "_match", _("Matches"));
    o.modalonly = false;
    o.textvalue = (sid) => plain(matchSummary(optsOf(sid)).map(t).join(" · "));
    o = rs.taboption("match", form2.DynamicList, "domain", _("Domains"), _("A domain also matches its subdomains. Resolved through the router's DNS, the answers fill the rule's address sets."));
    o.modalonly = true;
    o.validate = validator(badDomain3);
    o = rs.taboption("match", form2.DynamicList, "dest", _("Addresses"), _("IPv4/IPv6 addresses or CIDRs."));
    o.modalonly = true;
    o.validate = validator(parses(parsePrefix3));
    o = rs.taboption("match", form2.MultiValue, "proto", _("Protocols"), _("None selected: any protocol (tcp and udp when ports are given)."));
    o.modalonly = true;
    o.optional = true;
    for (const p of PROTOS2) o.value(p, p);
    o = rs.taboption("match", form2.DynamicList, "port", _("Destination ports"), _("Ports or ranges like 8000-8100."));
    o.modalonly = true;
    o.validate = validator(badPortRange2);
    o = rs.taboption("match", form2.Value, "start_time", _("From"), _("HH:MM; a window may cross midnight (20:00 to 06:30)."));
    o.modalonly = true;
    o.placeholder = "20:00";
    o.validate = validator(badTime2);
    o = rs.taboption("match", form2.Value, "stop_time", _("Until"));
    o.modalonly = true;
    o.placeholder = "06:30";
    o.validate = validator(badTime2);
    o = rs.taboption("match", form2.MultiValue, "weekdays", _("Weekdays"), _("None selected: every day."));
    o.modalonly = true;
    o.optional = true;
    const dayNames = [_("Monday"), _("Tuesday"), _("Wednesday"), _("Thursday"), _("Friday"), _("Saturday"), _("Sunday")];
    WEEKDAY_NAMES.forEach((d, i) => o.value(d, dayNames[i]));
    o = rs.taboption("action", form2.ListValue, "action", _("Action"));
    o.value("proxy", _("Proxy"));
    o.value("direct", _("Direct"));
    o.value("block", _("Block"));
    o.default = "proxy";
    o.textvalue = function(sid) {
      return actionLabel(this.cfgvalue(sid) ?? "proxy");
    };
    o = rs.taboption("action", form2.ListValue, "upstream", _("Upstream"));
    o.textvalue = function(sid) {
      const a = uci2.get("splitwg", sid, "action") ?? "proxy";
      const u = this.cfgvalue(sid);
      return a !== "proxy" ? "-" : u ? plain(upstreamLabel(u)) : E("em", {}, [_("the client's upstream")]);
    };
    o.value("", _("the client's upstream"));
    for (const u of upstreamNames()) o.value(u, upstreamLabel(u));
    o.depends("action", "proxy");
    o.validate = validator((v) => badName2(v, 12));
    const switchTo = (key) => {
      owner = key;
      globalThis.history.replaceState(null, "", "#" + key);
      rs.title = ownerTitle(key);
      setContent(picker, pickerOptions());
      setContent(note, ownerNote(key));
      return m.save(void 0, true);
    };
    const pickerOptions = () => {
      const groups = {};
      for (const x of owners()) (groups[x.group] = groups[x.group] ?? []).push(E("option", { value: x.key, selected: x.key === owner ? "" : null }, [x.label]));
      return Object.keys(groups).map((g) => E("optgroup", { label: g }, groups[g]));
    };
    const picker = E("select", { "class": "cbi-input-select", "change": (ev) => switchTo(ev.target.value) }, pickerOptions());
    const note = E("div", {}, [ownerNote(owner)]);
    rs.description = E("div", {}, [
      E("div", { "class": "cbi-value" }, [
        E("label", { "class": "cbi-value-title" }, [_("Show rules of")]),
        E("div", { "class": "cbi-value-field" }, [picker])
      ]),
      note
    ]);
    return m.render().then((node) => E("div", {}, [
      banner(st, chk, "rules"),
      node
    ]));
  },
  handleSaveApply(ev, mode) {
    return saveApply(this, ev, mode);
  }
});

return rules_default;
