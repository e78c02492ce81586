// Generated from src/core/index.ts by `npm run build` — edit the TypeScript, not this file.
'use strict';

let VERSION, SINGLE_QUOTE, SIMPLE, words, parseUci, quote, renderUci, PREFIX_LEN, V4_RE, V6_RE, parseAddress, maskBytes, sameBytes, parsePrefix, parseInterfaceAddress, prefixContains, prefixesOverlap, interfaceNetwork, upstreamByName, verdictOf, markShift, directMark, markHex, carriesFamily, activeRules, LABEL_BAD, CONTROL, WG_KEY, PORT, PORT_RANGE, DIGITS, BOOL, TRUE, TIME, WILDCARD, DOMAIN, UPPER, NOT_HOSTCHAR, DIGITS_DOTS, IPV4, IPV6_CHARS, HOSTNAME, ENDPOINT6, ENDPOINT, MAC, IFNAME, NAME_RE, badName, badLabel, badKey, badPort, badPortRange, badInt, badBool, bool, badTime, WEEKDAYS, weekday, badDomain, badHost, parseEndpoint, badMac, badIfname, PROTOS, CONTROL2, BLANKS, HEX_MASK, ACTION, PORT_PROTO, KIND, DEFAULTS, FOREIGN_MARKS, withControlCheck, reader, readGlobals, readUpstream, readServer, readRule, readClient, checkOverlaps, byType, readConfig, checkReferences, checkPeerAddress, check, T, comment, elements, texts, ruleLabel, ruleSets, planSets, setDecl, protoMatch, timeMatch, verdictText, clientChain, markChain, dispatch, renderNft, refill, declarations, selfAndParents, renderDnsmasq, OWNED, ZONE_UP, ZONE_RW, sec, fwSec, s, upstreamSections, guardSectionName, couldBeProxied, guardSections, renderNetwork, renderFirewall, compile, plan, BLANKS2, domainHit, minutes, sideConditions, parseAt, explain, dropped, stale, nftTransition;
words = function(line) {
let m, out, cur, i, n;

  m = match(line, SIMPLE);
  if (m) return m[3] ? [m[1], m[2], m[4]] : [m[1], m[2]];
  out = [];
  cur = null;
  i = 0;
  n = length(line);
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
      if (end < 0) return "unterminated single quote";
      cur = (cur ?? "") + substr(line, i + 1, end);
      i += end + 2;
    } else if (c === '"') {
      let j = i + 1;
      let s2 = "";
      while (j < n && substr(line, j, 1) !== '"') {
        if (substr(line, j, 1) === "\\" && j + 1 < n) j++;
        s2 += substr(line, j, 1);
        j++;
      }
      if (j >= n) return "unterminated double quote";
      cur = (cur ?? "") + s2;
      i = j + 1;
    } else {
      if (c === "\\" && i + 1 < n) i++;
      cur = (cur ?? "") + substr(line, i, 1);
      i++;
    }
  }
  if (cur !== null) push(out, cur);
  return out;
};
parseUci = function(text) {
let sections, errors, counts, lines, sec2;

  sections = [];
  errors = [];
  counts = {};
  lines = split(text, "\n");
  sec2 = null;
  for (let ln = 0; ln < length(lines); ln++) {
    const w = words(lines[ln]);
    if (type(w) === "string") {
      push(errors, { line: ln + 1, message: w });
      continue;
    }
    const ws = w;
    if (!length(ws)) continue;
    const kw = ws[0];
    if (kw === "package") continue;
    if (kw === "config") {
      if (length(ws) < 2 || length(ws) > 3) {
        push(errors, { line: ln + 1, message: "expected: config <type> [<name>]" });
        sec2 = null;
        continue;
      }
      const t = ws[1];
      counts[t] = (counts[t] ?? -1) + 1;
      sec2 = { type: t, name: length(ws) === 3 ? ws[2] : `@${t}[${counts[t]}]`, anonymous: length(ws) !== 3, options: {} };
      push(sections, sec2);
    } else if (kw === "option" || kw === "list") {
      if (!sec2) {
        push(errors, { line: ln + 1, message: `${kw} outside a config section` });
        continue;
      }
      if (length(ws) !== 3) {
        push(errors, { line: ln + 1, message: `expected: ${kw} <name> <value>` });
        continue;
      }
      const k = ws[1];
      if (kw === "option") sec2.options[k] = ws[2];
      else {
        const prev = sec2.options[k];
        if (type(prev) === "array") push(prev, ws[2]);
        else sec2.options[k] = [ws[2]];
      }
    } else {
      push(errors, { line: ln + 1, message: `unknown keyword "${kw}"` });
    }
  }
  return { sections, errors };
};
quote = function(v) {
  return "'" + replace(v, SINGLE_QUOTE, "'\\''") + "'";
};
renderUci = function(sections) {
let out;

  out = "";
  for (let i = 0; i < length(sections); i++) {
    const s2 = sections[i];
    out += s2.anonymous ? `config ${s2.type}
` : `config ${s2.type} ${quote(s2.name)}
`;
    for (let k in s2.options) {
      const v = s2.options[k];
      if (type(v) === "array") {
        const l = v;
        for (let j = 0; j < length(l); j++) out += `	list ${k} ${quote(l[j])}
`;
      } else out += `	option ${k} ${quote(v)}
`;
    }
    out += "\n";
  }
  return out;
};
parseAddress = function(s2) {
  if (type(s2) !== "string") return null;
  if (match(s2, V4_RE)) {
    const parts = split(s2, ".");
    for (let i = 0; i < 4; i++)
      if (length(parts[i]) > 1 && substr(parts[i], 0, 1) === "0") return null;
    const b = iptoarr(s2);
    return b ? { family: 4, bytes: b } : null;
  }
  if (index(s2, ":") >= 0 && match(s2, V6_RE)) {
    const b = iptoarr(s2);
    return b && length(b) === 16 ? { family: 6, bytes: b } : null;
  }
  return null;
};
maskBytes = function(bytes, len) {
let out;

  out = [];
  for (let i = 0; i < length(bytes); i++) {
    const bits = len - i * 8;
    if (bits >= 8) push(out, bytes[i]);
    else if (bits <= 0) push(out, 0);
    else push(out, bytes[i] & (255 << 8 - bits & 255));
  }
  return out;
};
sameBytes = function(a, b) {
  if (length(a) !== length(b)) return false;
  for (let i = 0; i < length(a); i++) if (a[i] !== b[i]) return false;
  return true;
};
parsePrefix = function(s2) {
let parts, a, max, len, net, addr;

  if (type(s2) !== "string" || s2 === "") return "is empty";
  parts = split(s2, "/");
  if (length(parts) > 2) return `"${s2}" is not an address or prefix`;
  a = parseAddress(parts[0]);
  if (!a) return `"${s2}" is not an IPv4/IPv6 address or prefix`;
  max = a.family === 4 ? 32 : 128;
  len = max;
  if (length(parts) === 2) {
    if (!match(parts[1], PREFIX_LEN)) return `"${s2}" has a bad prefix length`;
    len = int(parts[1]);
    if (len > max) return `"${s2}": prefix length exceeds ${max}`;
  }
  net = len === max ? a.bytes : maskBytes(a.bytes, len);
  if (len !== max && !sameBytes(net, a.bytes)) return `"${s2}" has host bits set (did you mean ${arrtoip(net)}/${len}?)`;
  addr = arrtoip(net);
  return { family: a.family, bytes: net, len, text: len === max ? addr : `${addr}/${len}`, host: len === max };
};
parseInterfaceAddress = function(s2) {
let parts, a, max, len;

  if (type(s2) !== "string" || s2 === "") return "is empty";
  parts = split(s2, "/");
  a = length(parts) <= 2 ? parseAddress(parts[0]) : null;
  if (!a) return `"${s2}" is not an address/prefix`;
  max = a.family === 4 ? 32 : 128;
  len = max;
  if (length(parts) === 2) {
    if (!match(parts[1], PREFIX_LEN) || int(parts[1]) > max) return `"${s2}" has a bad prefix length`;
    len = int(parts[1]);
  }
  return { family: a.family, bytes: a.bytes, len, address: arrtoip(a.bytes) };
};
prefixContains = function(p, bytes) {
  return length(p.bytes) === length(bytes) && sameBytes(maskBytes(bytes, p.len), p.bytes);
};
prefixesOverlap = function(a, b) {
let len;

  if (a.family !== b.family) return false;
  len = a.len < b.len ? a.len : b.len;
  return sameBytes(maskBytes(a.bytes, len), maskBytes(b.bytes, len));
};
interfaceNetwork = function(s2) {
let a, ia, net, max, addr;

  a = parseInterfaceAddress(s2);
  if (type(a) === "string") return null;
  ia = a;
  net = maskBytes(ia.bytes, ia.len);
  max = ia.family === 4 ? 32 : 128;
  addr = arrtoip(net);
  return { family: ia.family, bytes: net, len: ia.len, text: ia.len === max ? addr : `${addr}/${ia.len}`, host: ia.len === max };
};
upstreamByName = function(cfg, name) {
  for (let i = 0; i < length(cfg.upstreams); i++)
    if (cfg.upstreams[i].name === name) return cfg.upstreams[i];
  return null;
};
verdictOf = function(cfg, c, rule, down) {
let action, name, u, ks;

  action = rule ? rule.action : c.defaultAction;
  if (action !== "proxy") return { action, upstream: null, wanted: null, note: null };
  name = (rule ? rule.upstream : null) ?? c.upstream;
  u = upstreamByName(cfg, name);
  ks = cfg.globals.killSwitch;
  if (!u || !u.enabled) {
    const why = `upstream ${name} is disabled`;
    return ks ? { action: "block", upstream: null, wanted: name, note: `${why}; kill switch blocks` } : { action: "direct", upstream: null, wanted: name, note: `${why}; kill switch off, goes direct` };
  }
  if (down && index(down, u.name) >= 0)
    return ks ? { action: "block", upstream: u, wanted: name, note: `upstream ${name} is down; kill switch blocks` } : { action: "direct", upstream: null, wanted: name, note: `upstream ${name} is down; kill switch off, goes direct` };
  return { action: "proxy", upstream: u, wanted: name, note: null };
};
markShift = function(mask) {
  return mask & -mask;
};
directMark = function(mask) {
  return markShift(mask);
};
markHex = function(n) {
  return sprintf("0x%08x", n);
};
carriesFamily = function(u, fam) {
  for (let i = 0; i < length(u.addresses); i++) {
    const a = parseInterfaceAddress(u.addresses[i]);
    if (type(a) === "object" && a.family === fam) return true;
  }
  return false;
};
activeRules = function(cfg) {
let out, seen;

  out = [];
  seen = {};
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
};
badName = function(v, max) {
  if (!match(v, NAME_RE)) return `"${v}" is not a name (letters, digits, _; starting with a letter)`;
  if (length(v) > max) return `"${v}" is longer than ${max} characters`;
  return null;
};
badLabel = function(v) {
  if (match(v, LABEL_BAD) || match(v, CONTROL))
    return `"${v}" contains a character that is not allowed in a label (quotes, \\ ; # { } $ / < > | & or control characters)`;
  if (length(v) > 64) return "is longer than 64 characters";
  return null;
};
badKey = function(v) {
  if (!match(v, WG_KEY))
    return "is not a WireGuard key (44 characters of base64 for 32 bytes)";
  return null;
};
badPort = function(v) {
  if (!match(v, PORT) || int(v) < 1 || int(v) > 65535) return `"${v}" is not a port (1-65535)`;
  return null;
};
badPortRange = function(v) {
let m;

  m = match(v, PORT_RANGE);
  if (!m) return badPort(v);
  if (badPort(m[1]) || badPort(m[2])) return `"${v}" is not a port range (1-65535)`;
  if (int(m[1]) >= int(m[2])) return `"${v}": range start must be below its end`;
  return null;
};
badInt = function(v, lo, hi) {
  if (!match(v, DIGITS) || int(v) < lo || int(v) > hi) return `"${v}" is not a number from ${lo} to ${hi}`;
  return null;
};
badBool = function(v) {
  return match(v, BOOL) ? null : `"${v}" is not a boolean (0 or 1)`;
};
bool = function(v) {
  return !!match(v, TRUE);
};
badTime = function(v) {
  return match(v, TIME) ? null : `"${v}" is not a time of day (HH:MM, 00:00-23:59)`;
};
weekday = function(v) {
let d;

  d = uc(substr(v, 0, 1)) + lc(substr(v, 1));
  for (let i = 0; i < 7; i++) if (WEEKDAYS[i] === d) return i;
  return -1;
};
badDomain = function(v) {
  if (length(v) > 253) return `"${v}" is longer than 253 characters`;
  if (match(v, WILDCARD)) return `"${v}": write "${substr(v, 2)}" (a domain already matches all its subdomains)`;
  if (!match(v, DOMAIN))
    return match(v, UPPER) && !match(v, NOT_HOSTCHAR) ? `"${v}" must be lower case` : `"${v}" is not a domain name`;
  return null;
};
badHost = function(v) {
  if (match(v, DIGITS_DOTS)) return match(v, IPV4) && iptoarr(v) ? null : `"${v}" is not an IPv4 address`;
  if (index(v, ":") >= 0) return match(v, IPV6_CHARS) && iptoarr(v) ? null : `"${v}" is not an IPv6 address`;
  if (!match(v, HOSTNAME))
    return `"${v}" is not a host name or address`;
  return null;
};
parseEndpoint = function(v) {
let m, e;

  m = match(v, ENDPOINT6);
  if (!m) m = match(v, ENDPOINT);
  if (!m) return `"${v}" is not host:port (IPv6 as [addr]:port)`;
  e = badHost(m[1]) ?? badPort(m[2]);
  if (e) return e;
  return { host: m[1], port: int(m[2]) };
};
badMac = function(v) {
  return match(v, MAC) ? null : `"${v}" is not a MAC address (aa:bb:cc:dd:ee:ff)`;
};
badIfname = function(v) {
  if (!match(v, IFNAME)) return `"${v}" is not a network device name`;
  if (length(v) > 15) return `"${v}" is longer than 15 characters (Linux IFNAMSIZ)`;
  return null;
};
withControlCheck = function(check2) {
  return (v) => match(v, CONTROL2) ? "contains a control character (newline, tab, …)" : check2 ? check2(v) : null;
};
reader = function(sec2, base, problems) {
let known, r;

  known = [".name", ".type"];
  r = {
    str: (k, def, check2) => {
let v, e;

      push(known, k);
      v = sec2.options[k];
      if (v === null || v === null || v === "") return def;
      if (type(v) === "array") {
        push(problems, { path: `${base}.${k}`, message: "must be a single option, not a list" });
        return def;
      }
      e = withControlCheck(check2)(v);
      if (e) {
        push(problems, { path: `${base}.${k}`, message: e });
        return def;
      }
      return v;
    },
    list: (k, check2) => {
let v, vals, out;

      push(known, k);
      v = sec2.options[k] ?? null;
      if (v === null) return [];
      vals = type(v) === "array" ? v : filter(split(v, BLANKS), (x) => x !== "");
      out = [];
      for (let i = 0; i < length(vals); i++) {
        const e = withControlCheck(check2)(vals[i]);
        if (e) push(problems, { path: `${base}.${k}[${i}]`, message: e });
        else push(out, vals[i]);
      }
      return out;
    },
    bool: (k, def) => {
let v;

      v = r.str(k, null, badBool);
      return v === null ? def : bool(v);
    },
    int: (k, def, lo, hi) => {
let v;

      v = r.str(k, null, (x) => badInt(x, lo, hi));
      return v === null ? def : int(v);
    },
    unknown: () => {
      for (let k in sec2.options)
        if (index(known, k) < 0) push(problems, { path: `${base}.${k}`, message: "unknown option" });
    }
  };
  return r;
};
readGlobals = function(sec2, problems) {
let s2, r, maskText, g, m;

  s2 = sec2 ?? { type: "globals", name: "main", anonymous: false, options: {} };
  r = reader(s2, "globals", problems);
  maskText = r.str("mark_mask", DEFAULTS.mark_mask, (v) => match(v, HEX_MASK) ? null : `"${v}" is not a 32-bit hex mask (0x…)`);
  g = {
    enabled: r.bool("enabled", true),
    markMask: int(maskText, 16),
    rulePriority: r.int("rule_priority", int(DEFAULTS.rule_priority), 1, 32e3),
    tableBase: r.int("table_base", int(DEFAULTS.table_base), 256, 2147418112),
    ipv6: r.bool("ipv6", true),
    dnsHijack: r.bool("dns_hijack", true),
    killSwitch: r.bool("kill_switch", true),
    setTimeout: r.int("set_timeout", int(DEFAULTS.set_timeout), 0, 31536e3),
    lanZone: r.str("lan_zone", "lan", (v) => badName(v, 11)),
    wanZone: r.str("wan_zone", "wan", (v) => badName(v, 11))
  };
  r.unknown();
  m = g.markMask;
  if (m === 0) push(problems, { path: "globals.mark_mask", message: "must not be 0" });
  else if (m > 2147483647) push(problems, { path: "globals.mark_mask", message: `${maskText}: bit 31 is reserved, use bits 0-30` });
  else {
    const low = markShift(m);
    if ((m + low & m) !== 0) push(problems, { path: "globals.mark_mask", message: `${maskText} must be one run of contiguous bits` });
    for (let i = 0; i < length(FOREIGN_MARKS); i++)
      if (m & FOREIGN_MARKS[i][0]) push(problems, { path: "globals.mark_mask", message: `${maskText} overlaps the mark bits ${sprintf("0x%x", FOREIGN_MARKS[i][0])} used by ${FOREIGN_MARKS[i][1]}` });
  }
  return g;
};
readUpstream = function(sec2, problems) {
let base, r, ep, host, port, u;

  base = `upstream.${sec2.name}`;
  if (sec2.anonymous) push(problems, { path: base, message: "an upstream section needs a name (it names the interface)" });
  else {
    const e = badName(sec2.name, 12);
    if (e) push(problems, { path: base, message: e });
  }
  r = reader(sec2, base, problems);
  ep = r.str("endpoint", null);
  host = "", port = 51820;
  if (ep === null) push(problems, { path: `${base}.endpoint`, message: "is required (host:port)" });
  else {
    const p = parseEndpoint(ep);
    if (type(p) === "string") push(problems, { path: `${base}.endpoint`, message: p });
    else {
      host = p.host;
      port = p.port;
    }
  }
  u = {
    name: sec2.name,
    iface: `sw_${sec2.name}`,
    enabled: r.bool("enabled", true),
    privateKey: r.str("private_key", "", badKey),
    addresses: r.list("address", (v) => {
let a;

      a = parseInterfaceAddress(v);
      return type(a) === "string" ? a : null;
    }),
    publicKey: r.str("public_key", "", badKey),
    presharedKey: r.str("preshared_key", null, badKey),
    endpointHost: host,
    endpointPort: port,
    allowedIps: r.list("allowed_ips", (v) => {
let p;

      p = parsePrefix(v);
      return type(p) === "string" ? p : null;
    }),
    mtu: r.int("mtu", null, 1280, 9e3),
    keepalive: r.int("keepalive", null, 0, 65535),
    dns: r.list("dns", (v) => {
let p;

      p = parsePrefix(v);
      return type(p) === "string" || !p.host ? `"${v}" is not an IP address` : null;
    }),
    index: 0,
    mark: 0,
    table: 0
  };
  r.str("name", null, badLabel);
  r.unknown();
  if (u.privateKey === "") push(problems, { path: `${base}.private_key`, message: "is required" });
  if (u.publicKey === "") push(problems, { path: `${base}.public_key`, message: "is required" });
  if (!length(u.addresses)) push(problems, { path: `${base}.address`, message: "needs at least one tunnel address" });
  if (!length(u.allowedIps)) u.allowedIps = ["0.0.0.0/0", "::/0"];
  return u;
};
readServer = function(sec2, problems) {
let r, s2;

  r = reader(sec2, "server", problems);
  s2 = {
    enabled: r.bool("enabled", true),
    iface: DEFAULTS.server_iface,
    privateKey: r.str("private_key", "", badKey),
    listenPort: r.int("listen_port", int(DEFAULTS.listen_port), 1, 65535),
    addresses: r.list("address", (v) => {
let a;

      a = parseInterfaceAddress(v);
      return type(a) === "string" ? a : null;
    }),
    endpoint: r.str("endpoint", null, (v) => {
let p;

      p = parseEndpoint(v);
      return type(p) === "string" ? p : null;
    }),
    dns: r.list("dns", (v) => {
let p;

      p = parsePrefix(v);
      return type(p) === "string" || !p.host ? `"${v}" is not an IP address` : null;
    }),
    mtu: r.int("mtu", null, 1280, 9e3)
  };
  r.unknown();
  if (s2.enabled && s2.privateKey === "") push(problems, { path: "server.private_key", message: "is required (splitwg genkey, or the first-boot default generates one)" });
  if (s2.enabled && !length(s2.addresses)) push(problems, { path: "server.address", message: "needs at least one address with its pool prefix (e.g. 10.77.0.1/24)" });
  return s2;
};
readRule = function(sec2, id, setBase, problems) {
let r, enabled, dest4, dest6, protos, m, action, rule;

  r = reader(sec2, id, problems);
  r.str("client", null);
  r.str("ruleset", null);
  enabled = r.bool("enabled", true);
  dest4 = [], dest6 = [];
  r.list("dest", (v) => {
let p;

    p = parsePrefix(v);
    if (type(p) === "string") return p;
    push(p.family === 4 ? dest4 : dest6, p);
    return null;
  });
  protos = r.list("proto", (v) => v === "all" || v === "any" || index(PROTOS, v) >= 0 ? null : `"${v}" is not a protocol (${join(" ", PROTOS)}, all)`);
  m = {
    domains: r.list("domain", badDomain),
    dest4,
    dest6,
    protos: index(protos, "all") >= 0 || index(protos, "any") >= 0 ? [] : uniq(protos),
    ports: r.list("port", badPortRange),
    startTime: r.str("start_time", null, badTime),
    stopTime: r.str("stop_time", null, badTime),
    weekdays: map(r.list("weekdays", (v) => weekday(v) < 0 ? `"${v}" is not a weekday (Mon … Sun)` : null), weekday)
  };
  action = r.str("action", "proxy", (v) => match(v, ACTION) ? null : `"${v}" is not an action (proxy, direct, block)`);
  rule = {
    id,
    setBase,
    name: r.str("name", "", badLabel),
    match: m,
    action,
    upstream: r.str("upstream", null, (v) => badName(v, 12))
  };
  r.unknown();
  if (m.startTime === null !== (m.stopTime === null))
    push(problems, { path: `${id}.${m.startTime === null ? "start_time" : "stop_time"}`, message: "a time window needs both start_time and stop_time" });
  else if (m.startTime !== null && m.startTime === m.stopTime)
    push(problems, { path: `${id}.stop_time`, message: 'equals start_time (an empty window); remove both for "always"' });
  if (length(m.ports)) {
    for (let i = 0; i < length(m.protos); i++)
      if (!match(m.protos[i], PORT_PROTO))
        push(problems, { path: `${id}.proto`, message: `ports need tcp, udp, sctp or udplite, not "${m.protos[i]}"` });
  }
  if (rule.upstream !== null && action !== "proxy")
    push(problems, { path: `${id}.upstream`, message: `only a proxy rule takes an upstream (action is ${action})` });
  return enabled ? rule : null;
};
readClient = function(sec2, problems, g) {
let base, r, kind, srcs, c;

  base = `client.${sec2.name}`;
  if (sec2.anonymous) push(problems, { path: base, message: "a client section needs a name" });
  else {
    const e = badName(sec2.name, 32);
    if (e) push(problems, { path: base, message: e });
  }
  r = reader(sec2, base, problems);
  kind = r.str("kind", "device", (v) => match(v, KIND) ? null : `"${v}" is not a client kind (peer, device)`);
  srcs = r.list("address", (v) => {
let p;

    p = parsePrefix(v);
    return type(p) === "string" ? p : null;
  });
  c = {
    name: sec2.name,
    kind,
    enabled: r.bool("enabled", true),
    publicKey: r.str("public_key", null, badKey),
    privateKey: r.str("private_key", null, badKey),
    presharedKey: r.str("preshared_key", null, badKey),
    src4: [],
    src6: [],
    macs: map(r.list("mac", badMac), lc),
    ifaces: r.list("interface", badIfname),
    defaultAction: r.str("default", "direct", (v) => match(v, ACTION) ? null : `"${v}" is not an action (proxy, direct, block)`),
    upstream: r.str("upstream", null, (v) => badName(v, 12)),
    rulesets: r.list("ruleset", (v) => badName(v, 32)),
    dnsHijack: true,
    rules: []
  };
  c.dnsHijack = r.bool("dns_hijack", g.dnsHijack);
  r.str("name", null, badLabel);
  r.unknown();
  for (let i = 0; i < length(srcs); i++) {
    const p = parsePrefix(srcs[i]);
    push(p.family === 4 ? c.src4 : c.src6, p);
  }
  if (kind === "peer") {
    if (c.publicKey === null) push(problems, { path: `${base}.public_key`, message: "is required for a peer" });
    if (!length(srcs)) push(problems, { path: `${base}.address`, message: "a peer needs its tunnel address(es)" });
    if (length(c.macs) || length(c.ifaces)) push(problems, { path: base, message: "a peer is identified by its tunnel address, not mac/interface" });
  } else {
    if (sec2.options.address == null && sec2.options.mac == null && sec2.options.interface == null)
      push(problems, { path: base, message: "a device needs an address, mac or interface" });
    if (c.publicKey !== null || c.privateKey !== null) push(problems, { path: `${base}.public_key`, message: "only peers have keys" });
  }
  return c;
};
checkOverlaps = function(clients, problems) {
  for (let i = 0; i < length(clients); i++) {
    const a = clients[i];
    if (!a.enabled) continue;
    for (let j = i + 1; j < length(clients); j++) {
      const b = clients[j];
      if (!b.enabled) continue;
      const pa = [...a.src4, ...a.src6], pb = [...b.src4, ...b.src6];
      for (let x = 0; x < length(pa); x++)
        for (let y = 0; y < length(pb); y++)
          if (prefixesOverlap(pa[x], pb[y]))
            push(problems, { path: `client.${b.name}.address`, message: `${pb[y].text} overlaps ${pa[x].text} of client ${a.name}` });
      for (let x = 0; x < length(b.macs); x++)
        if (index(a.macs, b.macs[x]) >= 0) push(problems, { path: `client.${b.name}.mac`, message: `${b.macs[x]} is also client ${a.name}'s` });
      for (let x = 0; x < length(b.ifaces); x++)
        if (index(a.ifaces, b.ifaces[x]) >= 0) push(problems, { path: `client.${b.name}.interface`, message: `${b.ifaces[x]} is also client ${a.name}'s` });
    }
  }
};
byType = function(sections, t) {
  return filter(sections, (s2) => s2.type === t);
};
readConfig = function(sections) {
let problems, known, gs, globals, ss, server, upstreams, names, shift, maxValue, rulesets, rsSections, clients, byClient, ruleSecs, rsRules;

  problems = [];
  known = ["globals", "server", "upstream", "client", "ruleset", "rule"];
  for (let i = 0; i < length(sections); i++)
    if (index(known, sections[i].type) < 0)
      push(problems, { path: sections[i].name, message: `unknown section type "${sections[i].type}" (${join(", ", known)})` });
  gs = byType(sections, "globals");
  if (length(gs) > 1) push(problems, { path: "globals", message: "only one globals section is allowed" });
  globals = readGlobals(length(gs) ? gs[0] : null, problems);
  ss = byType(sections, "server");
  if (length(ss) > 1) push(problems, { path: "server", message: "only one server section is allowed" });
  server = length(ss) ? readServer(ss[0], problems) : null;
  upstreams = map(byType(sections, "upstream"), (s2) => readUpstream(s2, problems));
  names = {};
  for (let i = 0; i < length(upstreams); i++) {
    const u = upstreams[i];
    if (names[u.name]) push(problems, { path: `upstream.${u.name}`, message: "is defined twice" });
    if (u.iface === DEFAULTS.server_iface) push(problems, { path: `upstream.${u.name}`, message: `the name "server" is reserved (interface ${DEFAULTS.server_iface})` });
    names[u.name] = true;
  }
  shift = globals.markMask ? markShift(globals.markMask) : 1;
  maxValue = globals.markMask ? int(globals.markMask / shift) : 0;
  for (let i = 0; i < length(upstreams); i++) {
    const u = upstreams[i];
    u.index = i + 1;
    u.mark = (i + 2) * shift;
    u.table = globals.tableBase + i + 1;
  }
  if (length(upstreams) + 1 > maxValue)
    push(problems, { path: "globals.mark_mask", message: `${sprintf("0x%08x", globals.markMask)} has room for ${maxValue - 1} upstreams, ${length(upstreams)} are defined` });
  rulesets = {};
  rsSections = byType(sections, "ruleset");
  for (let i = 0; i < length(rsSections); i++) {
    const e = rsSections[i].anonymous ? "a ruleset section needs a name" : badName(rsSections[i].name, 32);
    if (e) push(problems, { path: `ruleset.${rsSections[i].name}`, message: e });
    const r = reader(rsSections[i], `ruleset.${rsSections[i].name}`, problems);
    r.str("name", null, badLabel);
    r.unknown();
    rulesets[rsSections[i].name] = [];
  }
  clients = map(byType(sections, "client"), (s2) => readClient(s2, problems, globals));
  byClient = {};
  for (let i = 0; i < length(clients); i++) byClient[clients[i].name] = [];
  ruleSecs = byType(sections, "rule");
  for (let i = 0; i < length(ruleSecs); i++) {
    const s2 = ruleSecs[i];
    const cl = s2.options.client, rs = s2.options.ruleset;
    const refErr = (cl != null ? badName(cl, 32) : null) ?? (rs != null ? badName(rs, 32) : null);
    if (refErr) {
      push(problems, { path: `rule ${s2.name}.${cl != null ? "client" : "ruleset"}`, message: refErr });
      continue;
    }
    if (cl == null === (rs == null)) push(problems, { path: `rule ${s2.name}`, message: "a rule belongs to exactly one client or ruleset (option client or option ruleset)" });
    else if (cl != null && !byClient[cl]) push(problems, { path: `rule ${s2.name}.client`, message: `unknown client "${cl}"` });
    else if (rs != null && !rulesets[rs]) push(problems, { path: `rule ${s2.name}.ruleset`, message: `unknown ruleset "${rs}"` });
    else push(cl != null ? byClient[cl] : rulesets[rs], s2);
  }
  rsRules = {};
  for (let n in rulesets) {
    rsRules[n] = [];
    for (let i = 0; i < length(rulesets[n]); i++) {
      const r = readRule(rulesets[n][i], `ruleset.${n}.rule[${i}]`, `rs_${n}_${i}`, problems);
      if (r) push(rsRules[n], r);
    }
  }
  for (let i = 0; i < length(clients); i++) {
    const c = clients[i];
    const mine = byClient[c.name];
    for (let j = 0; j < length(mine); j++) {
      const r = readRule(mine[j], `client.${c.name}.rule[${j}]`, `c_${c.name}_${j}`, problems);
      if (r) push(c.rules, r);
    }
    for (let j = 0; j < length(c.rulesets); j++) {
      const rs = rsRules[c.rulesets[j]];
      if (!rs) push(problems, { path: `client.${c.name}.ruleset[${j}]`, message: `unknown ruleset "${c.rulesets[j]}"` });
      else for (let k = 0; k < length(rs); k++) push(c.rules, rs[k]);
    }
    checkReferences(c, names, problems);
    if (c.kind === "peer" && c.enabled) checkPeerAddress(c, server, problems);
  }
  checkOverlaps(clients, problems);
  if (!length(problems))
    return { config: { globals, server, upstreams, clients }, problems };
  return { config: null, problems };
};
checkReferences = function(c, upstreams, problems) {
let base, needsDefault;

  base = `client.${c.name}`;
  if (c.upstream !== null && !upstreams[c.upstream]) push(problems, { path: `${base}.upstream`, message: `unknown upstream "${c.upstream}"` });
  needsDefault = c.defaultAction === "proxy" || length(filter(c.rules, (r) => r.action === "proxy" && r.upstream === null));
  if (needsDefault && c.upstream === null)
    push(problems, { path: `${base}.upstream`, message: "is required: a proxy rule or default names no upstream of its own" });
  for (let i = 0; i < length(c.rules); i++) {
    const r = c.rules[i];
    if (r.upstream !== null && !upstreams[r.upstream]) push(problems, { path: `${r.id}.upstream`, message: `unknown upstream "${r.upstream}"` });
  }
};
checkPeerAddress = function(c, server, problems) {
let all;

  if (!server || !server.enabled) {
    push(problems, { path: `client.${c.name}`, message: "a peer needs an enabled server section" });
    return;
  }
  all = [...c.src4, ...c.src6];
  for (let i = 0; i < length(all); i++) {
    let inside = false;
    for (let j = 0; j < length(server.addresses); j++) {
      const pool = interfaceNetwork(server.addresses[j]);
      if (pool && prefixContains(pool, all[i].bytes)) inside = true;
    }
    if (!inside) push(problems, { path: `client.${c.name}.address`, message: `${all[i].text} is outside the server's address pools` });
  }
};
check = function(sections) {
  return readConfig(sections).problems;
};
comment = function(s2) {
  return `comment "${s2}"`;
};
elements = function(items) {
  return length(items) ? ` elements = { ${join(", ", items)} };` : "";
};
texts = function(ps) {
  return map(ps, (p) => p.text);
};
ruleLabel = function(r) {
  return r.name !== "" ? `${r.id} (${r.name})` : r.id;
};
ruleSets = function(r, ipv6) {
let out;

  out = [];
  if (length(r.match.domains)) {
    push(out, { name: `${r.setBase}_d4`, family: 4, kind: "domain" });
    if (ipv6) push(out, { name: `${r.setBase}_d6`, family: 6, kind: "domain" });
  }
  if (length(r.match.dest4)) push(out, { name: `${r.setBase}_n4`, family: 4, kind: "net" });
  if (ipv6 && length(r.match.dest6)) push(out, { name: `${r.setBase}_n6`, family: 6, kind: "net" });
  return out;
};
planSets = function(cfg) {
let out, rules;

  out = [];
  rules = activeRules(cfg);
  for (let i = 0; i < length(rules); i++) {
    const r = rules[i];
    const sets = ruleSets(r, cfg.globals.ipv6);
    for (let k = 0; k < length(sets); k++) {
      const key = sets[k].kind === "domain" ? join(" ", r.match.domains) : join(" ", texts(sets[k].family === 4 ? r.match.dest4 : r.match.dest6));
      push(out, { name: sets[k].name, family: sets[k].family, kind: sets[k].kind, rule: r, key });
    }
  }
  return out;
};
setDecl = function(r, s2, timeout) {
let t, el;

  t = s2.family === 4 ? "ipv4_addr" : "ipv6_addr";
  if (s2.kind === "domain") {
    const to = timeout > 0 ? `flags timeout; timeout ${timeout}s;` : "";
    return `${T}set ${s2.name} {${T}# ${ruleLabel(r)}: filled by dnsmasq
${T}${T}type ${t}; ${to}
${T}}`;
  }
  el = texts(s2.family === 4 ? r.match.dest4 : r.match.dest6);
  return `${T}set ${s2.name} {${T}# ${ruleLabel(r)}
${T}${T}type ${t}; flags interval; auto-merge;${elements(el)}
${T}}`;
};
protoMatch = function(r) {
let m, protos, s2;

  m = r.match;
  protos = m.protos;
  if (length(m.ports) && !length(protos)) protos = ["tcp", "udp"];
  s2 = "";
  if (length(protos)) s2 += length(protos) === 1 ? ` meta l4proto ${protos[0]}` : ` meta l4proto { ${join(", ", protos)} }`;
  if (length(m.ports)) s2 += length(m.ports) === 1 ? ` th dport ${m.ports[0]}` : ` th dport { ${join(", ", m.ports)} }`;
  return s2;
};
timeMatch = function(r) {
let m, day, end, e;

  m = r.match;
  day = length(m.weekdays) ? ` meta day { ${join(", ", map(sort([...m.weekdays]), (d) => `${d}`))} }` : "";
  if (m.startTime === null || m.stopTime === null) return day;
  end = int(substr(m.stopTime, 0, 2)) * 3600 + int(substr(m.stopTime, 3, 2)) * 60 - 1;
  if (end < 0) end += 86400;
  e = sprintf("%02d:%02d:%02d", int(end / 3600), int(end / 60) % 60, end % 60);
  return `${day} meta hour "${m.startTime}"-"${e}"`;
};
verdictText = function(cfg, c, r) {
let v;

  v = verdictOf(cfg, c, r);
  if (v.action === "block") return "drop";
  if (v.action === "direct") return "goto mark_direct";
  return `goto up_${v.upstream.name}`;
};
clientChain = function(cfg, c) {
let ipv6, lines, dv;

  ipv6 = cfg.globals.ipv6;
  lines = [];
  for (let i = 0; i < length(c.rules); i++) {
    const r = c.rules[i];
    const v = verdictOf(cfg, c, r);
    const note = v.note ? `, ${v.note}` : "";
    const tail = `${protoMatch(r)}`;
    const dests = [];
    const sets = ruleSets(r, ipv6);
    for (let j = 0; j < length(sets); j++)
      push(dests, `${sets[j].family === 4 ? "ip" : "ip6"} daddr @${sets[j].name}`);
    const onlyAddrs = length(r.match.domains) === 0 && (length(r.match.dest4) > 0 || length(r.match.dest6) > 0);
    if (!length(dests)) {
      if (onlyAddrs) continue;
      push(dests, ipv6 ? "" : "meta nfproto ipv4");
    }
    const time = timeMatch(r);
    for (let d = 0; d < length(dests); d++) {
      const m = trim(`${dests[d]}${tail}${time}`);
      push(lines, `${T}${T}${m === "" ? "" : m + " "}counter ${verdictText(cfg, c, r)} ${comment(`${ruleLabel(r)}: ${r.action}${r.action === "proxy" ? " via " + (v.wanted ?? "") : ""}${note}`)}`);
    }
  }
  dv = verdictOf(cfg, c, null);
  push(lines, `${T}${T}counter ${verdictText(cfg, c, null)} ${comment(`client ${c.name} default: ${c.defaultAction}${dv.note ? ", " + dv.note : ""}`)}`);
  return `${T}chain client_${c.name} {
${join("\n", lines)}
${T}}`;
};
markChain = function(name, value, mask, why) {
let keep;

  keep = markHex(4294967295 - mask);
  return `${T}chain ${name} {${T}# ${why}
${T}${T}meta mark set meta mark and ${keep} or ${markHex(value)}
${T}${T}ct mark set ct mark and ${keep} or ${markHex(value)}
${T}}`;
};
dispatch = function(clients, ipv6) {
let d;

  d = {
    a4: [],
    a6: [],
    mac: [],
    iif: [],
    h4: [],
    h6: [],
    hmac: [],
    hiif: []
  };
  for (let i = 0; i < length(clients); i++) {
    const c = clients[i];
    const g = `goto client_${c.name}`;
    for (let j = 0; j < length(c.src4); j++) {
      push(d.a4, `${c.src4[j].text} : ${g}`);
      if (c.dnsHijack) push(d.h4, c.src4[j].text);
    }
    if (ipv6) for (let j = 0; j < length(c.src6); j++) {
      push(d.a6, `${c.src6[j].text} : ${g}`);
      if (c.dnsHijack) push(d.h6, c.src6[j].text);
    }
    for (let j = 0; j < length(c.macs); j++) {
      push(d.mac, `${c.macs[j]} : ${g}`);
      if (c.dnsHijack) push(d.hmac, c.macs[j]);
    }
    for (let j = 0; j < length(c.ifaces); j++) {
      push(d.iif, `"${c.ifaces[j]}" : ${g}`);
      if (c.dnsHijack) push(d.hiif, `"${c.ifaces[j]}"`);
    }
  }
  return d;
};
renderNft = function(cfg, version) {
let g, mask, clients, ups, direct, out, add, sets, HEADER, d, restore, guard, body;

  g = cfg.globals;
  mask = g.markMask;
  clients = filter(cfg.clients, (c) => c.enabled);
  ups = filter(cfg.upstreams, (u) => u.enabled);
  direct = directMark(mask);
  out = [];
  add = (s2) => {
    push(out, s2);
  };
  add(`# Generated by splitwg ${version} from /etc/config/splitwg — do not edit; run \`splitwg plan\` to see it.`);
  add("table inet splitwg");
  add("flush table inet splitwg");
  sets = planSets(cfg);
  HEADER = length(out);
  add("table inet splitwg {");
  add(`${T}# marks (mask ${markHex(mask)}): ${markHex(direct)} direct${join("", map(ups, (u) => `, ${markHex(u.mark)} ${u.name} (table ${u.table})`))}`);
  add("");
  for (let i = 0; i < length(sets); i++) add(setDecl(sets[i].rule, sets[i], g.setTimeout));
  d = dispatch(clients, g.ipv6);
  add(`${T}map client4 {${T}# source address → client chain
${T}${T}type ipv4_addr : verdict; flags interval;${elements(d.a4)}
${T}}`);
  add(`${T}map client6 {
${T}${T}type ipv6_addr : verdict; flags interval;${elements(d.a6)}
${T}}`);
  add(`${T}map client_mac {
${T}${T}type ether_addr : verdict;${elements(d.mac)}
${T}}`);
  add(`${T}map client_iif {
${T}${T}type ifname : verdict;${elements(d.iif)}
${T}}`);
  add(`${T}set hijack4 {${T}# clients whose DNS is answered by the router
${T}${T}type ipv4_addr; flags interval;${elements(d.h4)}
${T}}`);
  add(`${T}set hijack6 {
${T}${T}type ipv6_addr; flags interval;${elements(d.h6)}
${T}}`);
  add(`${T}set hijack_mac {
${T}${T}type ether_addr;${elements(d.hmac)}
${T}}`);
  add(`${T}set hijack_iif {
${T}${T}type ifname;${elements(d.hiif)}
${T}}`);
  add("");
  restore = [`${markHex(direct)} : goto mark_direct`, ...map(ups, (u) => `${markHex(u.mark)} : goto up_${u.name}`)];
  add(`${T}chain prerouting {
${T}${T}type filter hook prerouting priority mangle; policy accept;
${T}${T}ct direction original ct mark and ${markHex(mask)} vmap { ${join(", ", restore)} } ${comment("connection already decided")}
${T}${T}ct direction reply meta mark set meta mark and ${markHex(4294967295 - mask)} or ${markHex(direct)} return ${comment("replies follow their connection (a port forward to a client stays on WAN); marked direct, past the routing kill switch")}
${T}${T}meta mark and ${markHex(mask)} != 0 return ${comment("marked before us")}
${T}${T}fib daddr type { local, broadcast, multicast } return ${comment("to the router itself")}
${T}${T}jump dot_block
${T}${T}ip saddr vmap @client4
` + (g.ipv6 ? `${T}${T}ip6 saddr vmap @client6
` : "") + `${T}${T}ether saddr vmap @client_mac
${T}${T}iifname vmap @client_iif
${T}}`);
  add(`${T}chain dot_block {${T}# encrypted DNS would bypass the domain rules
${T}${T}ip saddr @hijack4 meta l4proto { tcp, udp } th dport 853 counter drop ${comment("DoT/DoQ blocked")}
` + (g.ipv6 ? `${T}${T}ip6 saddr @hijack6 meta l4proto { tcp, udp } th dport 853 counter drop ${comment("DoT/DoQ blocked")}
` : "") + `${T}${T}ether saddr @hijack_mac meta l4proto { tcp, udp } th dport 853 counter drop ${comment("DoT/DoQ blocked")}
${T}${T}iifname @hijack_iif meta l4proto { tcp, udp } th dport 853 counter drop ${comment("DoT/DoQ blocked")}
${T}}`);
  add(markChain("mark_direct", direct, mask, "decided: direct"));
  for (let i = 0; i < length(ups); i++)
    add(markChain(`up_${ups[i].name}`, ups[i].mark, mask, `upstream ${ups[i].name} → ${ups[i].iface}, table ${ups[i].table}`));
  for (let i = 0; i < length(clients); i++) {
    const c = clients[i];
    add(`${T}# client ${c.name} (${c.kind}): ${length(c.rules)} rule(s), default ${c.defaultAction}`);
    add(clientChain(cfg, c));
  }
  add("");
  add(`${T}chain dstnat {
${T}${T}type nat hook prerouting priority dstnat - 5; policy accept;
${T}${T}ip saddr @hijack4 meta l4proto { tcp, udp } th dport 53 counter redirect to :53 ${comment("DNS hijack")}
` + (g.ipv6 ? `${T}${T}ip6 saddr @hijack6 meta l4proto { tcp, udp } th dport 53 counter redirect to :53 ${comment("DNS hijack")}
` : "") + `${T}${T}ether saddr @hijack_mac meta l4proto { tcp, udp } th dport 53 counter redirect to :53 ${comment("DNS hijack")}
${T}${T}iifname @hijack_iif meta l4proto { tcp, udp } th dport 53 counter redirect to :53 ${comment("DNS hijack")}
${T}}`);
  guard = map(ups, (u) => `${T}${T}meta mark and ${markHex(mask)} == ${markHex(u.mark)} oifname != "${u.iface}" counter drop ${comment(`leak guard: ${u.name} traffic only leaves by ${u.iface}`)}`);
  add(`${T}chain forward {
${T}${T}type filter hook forward priority mangle; policy accept;
${join("\n", guard)}${length(guard) ? "\n" : ""}${T}}`);
  add("}");
  body = join("\n", slice(out, HEADER));
  return join("\n", [...slice(out, 0, HEADER), ...refill(body, map(filter(sets, (x) => x.kind === "domain"), (x) => x.name))]) + "\n" + body + "\n";
};
refill = function(body, domainSets) {
let all, decls, chains, out;

  all = declarations(body);
  decls = filter(all, (d) => d.kind !== "chain" && index(domainSets, d.name) < 0);
  if (!length(decls)) return [];
  chains = filter(all, (d) => d.kind === "chain" && d.spec === "");
  out = [`table inet splitwg {${join("", map([...chains, ...decls], (d) => `
${T}${d.kind} ${d.name} {${d.spec === "" ? "" : " " + d.spec + " "}}`))}
}`];
  for (let i = 0; i < length(decls); i++) push(out, `flush ${decls[i].kind} inet splitwg ${decls[i].name}`);
  return out;
};
declarations = function(script) {
let out, lines;

  out = [];
  lines = split(script, "\n");
  for (let i = 0; i < length(lines); i++) {
    const l = lines[i];
    let kind = "";
    if (substr(l, 0, 5) === "	set ") kind = "set";
    else if (substr(l, 0, 5) === "	map ") kind = "map";
    else if (substr(l, 0, 7) === "	chain ") kind = "chain";
    else continue;
    const head = substr(l, length(kind) + 2);
    const sp = index(head, " ");
    if (sp < 0 || substr(head, sp, 2) !== " {") continue;
    const parts = [];
    let elements2 = [];
    const rest = trim(substr(head, sp + 2));
    if (substr(rest, -1) === "}") {
      push(out, { kind, name: substr(head, 0, sp), spec: trim(substr(rest, 0, length(rest) - 1)), elements: [] });
      continue;
    }
    i++;
    for (; i < length(lines) && lines[i] !== "	}"; i++) {
      let t = lines[i];
      if (kind === "chain") {
        if (!length(parts) && substr(trim(t), 0, 5) === "type " && index(t, " hook ") >= 0) push(parts, trim(t));
        push(parts, "");
        continue;
      }
      const e = index(t, "elements = {");
      if (e >= 0) {
        const list = substr(t, e + 12);
        elements2 = filter(map(split(substr(list, 0, index(list, "}")), ","), (x) => trim(x)), (x) => x !== "");
        t = substr(t, 0, e);
      }
      const c = index(t, "#");
      if (c >= 0) t = substr(t, 0, c);
      t = trim(t);
      if (t !== "") push(parts, t);
    }
    push(out, { kind, name: substr(head, 0, sp), spec: trim(join(" ", parts)), elements: elements2 });
  }
  return out;
};
selfAndParents = function(d) {
let out, rest;

  out = [d];
  rest = d;
  for (let i = index(rest, "."); i >= 0; i = index(rest, ".")) {
    rest = substr(rest, i + 1);
    push(out, rest);
  }
  return out;
};
renderDnsmasq = function(cfg, version) {
let ipv6, rules, byDomain, lines, sorted;

  ipv6 = cfg.globals.ipv6;
  rules = filter(activeRules(cfg), (r) => length(r.match.domains) > 0);
  byDomain = {};
  for (let i = 0; i < length(rules); i++)
    for (let j = 0; j < length(rules[i].match.domains); j++) {
      const d = rules[i].match.domains[j];
      byDomain[d] ??= [];
      if (index(byDomain[d], i) < 0) push(byDomain[d], i);
    }
  lines = [`# Generated by splitwg ${version} — domain rules, one entry per domain (dnsmasq uses only the most specific match)`];
  sorted = sort(keys(byDomain));
  for (let i = 0; i < length(sorted); i++) {
    const d = sorted[i];
    const names = selfAndParents(d);
    let hits = [];
    for (let k = 0; k < length(names); k++) if (byDomain[names[k]]) hits = [...hits, ...byDomain[names[k]]];
    hits = sort(uniq(hits), (a, b) => a - b);
    const targets = [];
    const from = [];
    for (let j = 0; j < length(hits); j++) {
      const r = rules[hits[j]];
      push(from, ruleLabel(r));
      const sets = filter(ruleSets(r, ipv6), (s2) => s2.kind === "domain");
      for (let k = 0; k < length(sets); k++) push(targets, `${sets[k].family}#inet#splitwg#${sets[k].name}`);
    }
    push(lines, `# ${d}: ${join("; ", from)}`);
    push(lines, `nftset=/${d}/${join(",", targets)}`);
  }
  return join("\n", lines) + "\n";
};
sec = function(type2, name, options, unmarked) {
let o;

  o = {};
  for (let k in options) if (options[k] !== null) o[k] = options[k];
  if (!unmarked) o[OWNED] = "1";
  return { type: type2, name, anonymous: false, options: o };
};
fwSec = function(type2, name, options) {
  return sec(type2, name, options, true);
};
s = function(n) {
  return n === null ? null : `${n}`;
};
upstreamSections = function(cfg, u) {
let g, t, out;

  g = cfg.globals;
  t = `${u.table}`;
  out = [
    sec("interface", u.iface, { proto: "wireguard", private_key: u.privateKey, addresses: u.addresses, mtu: s(u.mtu) }),
    sec(`wireguard_${u.iface}`, `${u.iface}_peer`, {
      description: `splitwg upstream ${u.name}`,
      public_key: u.publicKey,
      preshared_key: u.presharedKey,
      endpoint_host: u.endpointHost,
      endpoint_port: `${u.endpointPort}`,
      allowed_ips: u.allowedIps,
      persistent_keepalive: s(u.keepalive),
      route_allowed_ips: "0"
    }),
    sec("rule", `${u.iface}_rule4`, { mark: `${markHex(u.mark)}/${markHex(g.markMask)}`, lookup: t, priority: `${g.rulePriority + u.index}` }),
    sec("route", `${u.iface}_default4`, { interface: u.iface, target: "0.0.0.0/0", table: t })
  ];
  if (g.killSwitch) push(out, sec("route", `${u.iface}_kill4`, { type: "unreachable", target: "0.0.0.0/0", table: t, metric: "9999" }));
  if (g.ipv6) {
    push(out, sec("rule6", `${u.iface}_rule6`, { mark: `${markHex(u.mark)}/${markHex(g.markMask)}`, lookup: t, priority: `${g.rulePriority + u.index}` }));
    if (carriesFamily(u, 6)) push(out, sec("route6", `${u.iface}_default6`, { interface: u.iface, target: "::/0", table: t }));
    if (g.killSwitch || !carriesFamily(u, 6))
      push(out, sec("route6", `${u.iface}_kill6`, { type: "unreachable", target: "::/0", table: t, metric: "9999" }));
  }
  return out;
};
guardSectionName = function(client, family, k) {
  return `sw_guard${family === 6 ? "6" : ""}_${client}_${k}`;
};
couldBeProxied = function(c) {
  return c.defaultAction === "proxy" || length(filter(c.rules, (r) => r.action === "proxy")) > 0;
};
guardSections = function(cfg) {
let g, out, prio, mark, clients;

  g = cfg.globals;
  out = [];
  if (!g.killSwitch) return out;
  prio = `${g.rulePriority + length(cfg.upstreams) + 1}`;
  mark = `${markHex(0)}/${markHex(g.markMask)}`;
  clients = filter(cfg.clients, (c) => c.enabled && couldBeProxied(c));
  for (let i = 0; i < length(clients); i++) {
    const c = clients[i];
    for (let k = 0; k < length(c.src4); k++)
      push(out, sec("rule", guardSectionName(c.name, 4, k), { src: c.src4[k].text, mark, action: "prohibit", priority: prio }));
    for (let k = 0; g.ipv6 && k < length(c.src6); k++)
      push(out, sec("rule6", guardSectionName(c.name, 6, k), { src: c.src6[k].text, mark, action: "prohibit", priority: prio }));
  }
  return out;
};
renderNetwork = function(cfg) {
let g, ups, out, guards, srv;

  g = cfg.globals;
  ups = filter(cfg.upstreams, (u) => u.enabled);
  out = [];
  guards = guardSections(cfg);
  if (length(ups) || length(guards)) {
    push(out, sec("rule", "sw_main4", { lookup: "main", suppress_prefixlength: "0", priority: `${g.rulePriority}` }));
    if (g.ipv6) push(out, sec("rule6", "sw_main6", { lookup: "main", suppress_prefixlength: "0", priority: `${g.rulePriority}` }));
  }
  for (let i = 0; i < length(ups); i++) {
    const secs = upstreamSections(cfg, ups[i]);
    for (let j = 0; j < length(secs); j++) push(out, secs[j]);
  }
  for (let i = 0; i < length(guards); i++) push(out, guards[i]);
  srv = cfg.server;
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
      push(out, sec(`wireguard_${srv.iface}`, `sw_peer_${c.name}`, {
        description: `splitwg client ${c.name}`,
        public_key: c.publicKey,
        preshared_key: c.presharedKey,
        allowed_ips: map([...c.src4, ...g.ipv6 ? c.src6 : []], (p) => p.family === 4 && p.len === 32 || p.family === 6 && p.len === 128 ? `${p.text}/${p.len}` : p.text),
        route_allowed_ips: "1"
      }));
    }
  }
  return out;
};
renderFirewall = function(cfg) {
let g, ups, srv, out;

  g = cfg.globals;
  ups = filter(cfg.upstreams, (u) => u.enabled);
  srv = cfg.server && cfg.server.enabled ? cfg.server : null;
  out = [];
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
};
compile = function(cfg) {
let g;

  g = cfg.globals;
  if (!g.enabled)
    return {
      version: VERSION,
      enabled: false,
      nft: "",
      dnsmasq: "",
      network: [],
      firewall: [],
      dhcp: [],
      marks: { mask: markHex(g.markMask), direct: markHex(directMark(g.markMask)) },
      upstreams: [],
      clients: [],
      sets: []
    };
  return {
    version: VERSION,
    enabled: true,
    nft: renderNft(cfg, VERSION),
    dnsmasq: renderDnsmasq(cfg, VERSION),
    network: renderNetwork(cfg),
    firewall: renderFirewall(cfg),
    dhcp: [],
    marks: { mask: markHex(g.markMask), direct: markHex(directMark(g.markMask)) },
    upstreams: map(cfg.upstreams, (u) => ({ name: u.name, iface: u.iface, mark: markHex(u.mark), table: u.table, enabled: u.enabled })),
    clients: map(filter(cfg.clients, (c) => c.enabled), (c) => ({
      name: c.name,
      kind: c.kind,
      chain: `client_${c.name}`,
      sources: [...map([...c.src4, ...c.src6], (p) => p.text), ...c.macs, ...c.ifaces]
    })),
    sets: map(planSets(cfg), (x) => ({ name: x.name, kind: x.kind, key: x.key }))
  };
};
plan = function(sections) {
let r;

  r = readConfig(sections);
  return { plan: r.config ? compile(r.config) : null, problems: r.problems };
};
domainHit = function(r, d) {
  for (let i = 0; i < length(r.match.domains); i++) {
    const p = r.match.domains[i];
    const n = length(d), l = length(p);
    if (p === d || n > l && substr(d, n - l - 1) === `.${p}`) return p;
  }
  return null;
};
minutes = function(t) {
  return int(substr(t, 0, 2)) * 60 + int(substr(t, 3, 2));
};
sideConditions = function(r, q, day, min) {
let m, protos;

  m = r.match;
  protos = m.protos;
  if (length(m.ports) && !length(protos)) protos = ["tcp", "udp"];
  if (length(protos) && (q.proto == null || index(protos, q.proto) < 0)) return `protocol is not ${join("/", protos)}`;
  if (length(m.ports)) {
    if (q.port == null) return `needs a destination port (${join(", ", m.ports)})`;
    let ok = false;
    for (let i = 0; i < length(m.ports); i++) {
      const pr = split(m.ports[i], "-");
      const lo = int(pr[0]), hi = length(pr) > 1 ? int(pr[1]) : lo;
      if (q.port >= lo && q.port <= hi) ok = true;
    }
    if (!ok) return `port ${q.port} is not in ${join(", ", m.ports)}`;
  }
  if (length(m.weekdays) && day >= 0 && index(m.weekdays, day) < 0) return `${WEEKDAYS[day]} is not one of its days`;
  if (m.startTime !== null && m.stopTime !== null && min >= 0) {
    const a = minutes(m.startTime), b = minutes(m.stopTime);
    const inside = a < b ? min >= a && min < b : min >= a || min < b;
    if (!inside) return `time is outside ${m.startTime}-${m.stopTime}`;
  }
  return null;
};
parseAt = function(at) {
let p;

  p = split(trim(at), BLANKS2);
  if (length(p) !== 2 || weekday(p[0]) < 0 || badTime(p[1])) return `"${at}" is not a time like "Mon 21:30"`;
  return { day: weekday(p[0]), min: minutes(p[1]) };
};
explain = function(cfg, q) {
let c, dest, addr, day, min, cl, result, skipped, ipNote, skip;

  c = null;
  for (let i = 0; i < length(cfg.clients); i++) if (cfg.clients[i].name === q.client) c = cfg.clients[i];
  if (!c) return { error: { path: "client", message: `unknown client "${q.client}"` } };
  dest = lc(trim(q.destination ?? ""));
  addr = parseAddress(dest);
  if (!addr && badDomain(dest)) return { error: { path: "destination", message: `"${q.destination}" is neither an IP address nor a domain name` } };
  day = -1, min = -1;
  if (q.at != null && q.at !== "") {
    const at = parseAt(q.at);
    if (type(at) === "string") return { error: { path: "at", message: at } };
    day = at.day;
    min = at.min;
  }
  cl = c;
  result = (r, why) => {
let v, mark;

    v = verdictOf(cfg, cl, r, q.down ?? []);
    if (v.action === "proxy" && addr && !carriesFamily(v.upstream, addr.family))
      return {
        client: cl.name,
        action: "block",
        upstream: null,
        iface: null,
        mark: null,
        rule: r ? r.id : null,
        reason: `${why}; upstream ${v.wanted} has no IPv${addr.family} address: its table only has an unreachable route`
      };
    mark = v.action === "proxy" ? markHex(v.upstream.mark) : v.action === "direct" ? markHex(directMark(cfg.globals.markMask)) : null;
    return {
      client: cl.name,
      action: v.action,
      upstream: v.action === "proxy" ? v.wanted : null,
      iface: v.action === "proxy" ? v.upstream.iface : null,
      mark,
      rule: r ? r.id : null,
      reason: v.note ? `${why}; ${v.note}` : why
    };
  };
  if (!cl.enabled) return { client: cl.name, action: "direct", upstream: null, iface: null, mark: null, rule: null, reason: `client ${cl.name} is disabled: its traffic is not classified` };
  if (addr && addr.family === 6 && !cfg.globals.ipv6)
    return { client: cl.name, action: "direct", upstream: null, iface: null, mark: null, rule: null, reason: "IPv6 classification is off (globals.ipv6): IPv6 is routed normally" };
  skipped = [];
  for (let i = 0; i < length(cl.rules); i++) {
    const r = cl.rules[i];
    let hit = null;
    const m = r.match;
    const anyDest = !length(m.domains) && !length(m.dest4) && !length(m.dest6);
    if (anyDest) hit = "any destination";
    else if (addr) {
      const ps = addr.family === 4 ? m.dest4 : m.dest6;
      for (let j = 0; j < length(ps); j++) if (prefixContains(ps[j], addr.bytes)) {
        hit = `${q.destination} is in ${ps[j].text}`;
        break;
      }
    } else {
      const d = domainHit(r, dest);
      if (d) hit = d === dest ? `domain ${d}` : `${dest} is under ${d}`;
    }
    if (!hit) continue;
    const why = sideConditions(r, q, day, min);
    if (why) {
      push(skipped, `${r.id}: ${why}`);
      continue;
    }
    const timeNote = m.startTime !== null && min < 0 || length(m.weekdays) && day < 0 ? " (its time condition was not evaluated: give --at)" : "";
    return result(r, `first match: ${ruleLabel(r)}, ${hit}${timeNote}`);
  }
  ipNote = addr ? "; note: domain rules also match an address once the client has resolved that domain through the router" : "";
  skip = length(skipped) ? ` (matched destination but not: ${join("; ", skipped)})` : "";
  return result(null, `no rule matched${skip}: client default ${cl.defaultAction}${ipNote}`);
};
dropped = function(before, after) {
let now, was;

  now = split(after, " ");
  was = split(before, " ");
  for (let i = 0; i < length(was); i++) if (index(now, was[i]) < 0) return true;
  return false;
};
stale = function(live, script) {
let d, has, lines, kinds, lists;

  d = declarations(script);
  has = (kind, name) => length(filter(d, (x) => x.kind === kind && x.name === name)) > 0;
  lines = [];
  kinds = ["set", "map", "chain"];
  lists = [live.sets, live.maps, live.chains];
  for (let k = 0; k < 3; k++)
    for (let i = 0; i < length(lists[k]); i++)
      if (!has(kinds[k], lists[k][i])) push(lines, `delete ${kinds[k]} inet splitwg ${lists[k][i]}`);
  return lines;
};
nftTransition = function(prev, next, deletesOnly, live, script) {
let lines, now;

  lines = live && script !== null && script !== null ? stale(live, script) : [];
  now = {};
  for (let i = 0; i < length(next); i++) now[next[i].name] = next[i];
  for (let i = 0; i < length(prev ?? []); i++) {
    const p = prev[i], n = now[p.name];
    if (!n) {
      if (!live) push(lines, `delete set inet splitwg ${p.name}`);
    } else if (!deletesOnly && p.kind === "domain" && (n.kind !== "domain" || dropped(p.key, n.key)))
      push(lines, `flush set inet splitwg ${p.name}	# a domain left the rule: forget the addresses learned for it`);
  }
  return length(lines) ? join("\n", lines) + "\n" : "";
};
// src/core/version.ts
VERSION = "0.1.0";

// src/core/uci.ts
SINGLE_QUOTE = /'/g;
SIMPLE = /^[ \t]*(config|option|list)[ \t]+([A-Za-z0-9_]+)([ \t]+'([^'\\]*)')?[ \t]*$/;

// src/core/ip.ts
PREFIX_LEN = /^[0-9]{1,3}$/;
V4_RE = /^[0-9]{1,3}\.[0-9]{1,3}\.[0-9]{1,3}\.[0-9]{1,3}$/;
V6_RE = /^[0-9a-fA-F:.]+$/;

// src/core/decide.ts

// src/core/values.ts
LABEL_BAD = /["'`\\;#{}$\/<>|&]/;
CONTROL = /[\x01-\x1f\x7f]/;
WG_KEY = /^[A-Za-z0-9+\/]{42}[AEIMQUYcgkosw480]=$/;
PORT = /^[0-9]{1,5}$/;
PORT_RANGE = /^([0-9]{1,5})-([0-9]{1,5})$/;
DIGITS = /^[0-9]+$/;
BOOL = /^(0|1|on|off|yes|no|true|false|enabled|disabled)$/;
TRUE = /^(1|on|yes|true|enabled)$/;
TIME = /^([01][0-9]|2[0-3]):[0-5][0-9]$/;
WILDCARD = /^\*\./;
DOMAIN = /^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*$/;
UPPER = /[A-Z]/;
NOT_HOSTCHAR = /[^A-Za-z0-9.-]/;
DIGITS_DOTS = /^[0-9.]+$/;
IPV4 = /^[0-9]{1,3}(\.[0-9]{1,3}){3}$/;
IPV6_CHARS = /^[0-9a-fA-F:.]+$/;
HOSTNAME = /^[a-zA-Z0-9]([a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?(\.[a-zA-Z0-9]([a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)*$/;
ENDPOINT6 = /^\[([0-9a-fA-F:.]+)\]:([0-9]{1,5})$/;
ENDPOINT = /^([a-zA-Z0-9.-]+):([0-9]{1,5})$/;
MAC = /^[0-9a-fA-F]{2}(:[0-9a-fA-F]{2}){5}$/;
IFNAME = /^[a-zA-Z0-9][a-zA-Z0-9_.-]*$/;
NAME_RE = /^[a-zA-Z][a-zA-Z0-9_]*$/;

WEEKDAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];

PROTOS = ["tcp", "udp", "icmp", "icmpv6", "sctp", "udplite", "gre", "esp"];

// src/core/config.ts
CONTROL2 = /[[:cntrl:]]/;
BLANKS = /[ \t]+/;
HEX_MASK = /^0x[0-9a-fA-F]{1,8}$/;
ACTION = /^(proxy|direct|block)$/;
PORT_PROTO = /^(tcp|udp|sctp|udplite)$/;
KIND = /^(peer|device)$/;
DEFAULTS = {
  mark_mask: "0x70000000",
  rule_priority: "21000",
  table_base: "2100",
  set_timeout: "86400",
  server_iface: "sw_server",
  listen_port: "51820"
};
FOREIGN_MARKS = [[16128, "mwan3"], [16711680, "pbr/podkop"], [134217728, "dae"], [127, "homeproxy"]];

// src/core/nft.ts
T = "	";

// src/core/dnsmasq.ts

// src/core/netifd.ts
OWNED = "splitwg_owned";
ZONE_UP = "splitwg";
ZONE_RW = "splitwg_rw";

// src/core/plan.ts

// src/core/explain.ts
BLANKS2 = /[ \t]+/;

// src/core/transition.ts

export {
  DEFAULTS,
  OWNED,
  VERSION,
  check,
  compile,
  declarations,
  explain,
  nftTransition,
  parseAddress,
  parseInterfaceAddress,
  parsePrefix,
  parseUci,
  plan,
  prefixContains,
  prefixesOverlap,
  readConfig,
  renderUci
};
