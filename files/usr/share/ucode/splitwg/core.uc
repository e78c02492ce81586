// Generated from src/core/index.ts by `npm run build` — edit the TypeScript, not this file.
'use strict';

let VERSION, SINGLE_QUOTE, SIMPLE, words, parseUci, quote, renderUci, PREFIX_LEN, V4_RE, V6_RE, parseAddress, maskBytes, sameBytes, parsePrefix, parseInterfaceAddress, prefixContains, prefixesOverlap, interfaceNetwork, badIpAddress, badPrefix, badInterfaceAddress, upstreamByName, verdictOf, markShift, directMark, markHex, carriesFamily, timedFrom, activeRules, localNetworks, BASE, TMIN, TMAX, SKEW, DAMP, codepoints, pair, lower, digit, adapt, punycode, toAscii, LABEL_BAD, CONTROL, WG_KEY, DECIMAL, PORT_RANGE, BOOL, TRUE, TIME, EDGE_DOTS, TRAILING_DOT, DOMAIN, DIGITS_DOTS, IPV4, IPV6_CHARS, NUMERIC_TOP, INET_ATON, HOSTNAME, ENDPOINT6, ENDPOINT, MAC, IFNAME, HEX_MASK, NAME_RE, badName, badLabel, badKey, badInt, badPort, badPortRange, badBool, bool, badTime, WEEKDAYS, weekday, badDomain, badHost, parseEndpoint, badMac, badIfname, PROTOS, badProto, badWeekday, ACTIONS, badAction, CLIENT_KINDS, badClientKind, badEndpoint, badMarkMask, zoneName, upstreamName, sectionName, GLOBALS, SERVER, UPSTREAM, CLIENT, RULESET, RULE, SCHEMA, checkOf, CONTROL2, BLANKS, PORT_PROTO, SERVER_IFACE, FOREIGN_MARKS, badValue, typed, readList, readOptions, readGlobals, checkMask, reportedPaths, readUpstream, readServer, readRule, readClient, readSources, checkOverlaps, sectionPath, uniqueSections, badOwner, byType, identifiedFamilies, familyWarnings, readConfig, checkReferences, checkPeerAddress, check, LINE_MAX, nftsetTargets, selfAndParents, domainPlan, T, COMMENT_MAX, comment, elements, texts, ruleSets, sharedWhy, planSets, setDecl, protoMatch, timeMatch, verdictText, clientChain, markChain, identities, MAP_KINDS, identityMaps, identityLookups, localReturns, renderNft, refill, declarations, lineComment, renderDnsmasq, OWNED, ZONE_UP, ZONE_RW, sec, fwSec, FW_MARK, isOwned, s, upstreamSections, guardSectionName, couldBeProxied, guardSections, renderNetwork, renderFirewall, compile, plan, SECRET, redactSections, redactedPlan, BLANKS2, ruleLabel, domainHit, minutes, sideConditions, notEvaluated, parseAt, direct, answer, explain, BLANKS3, CONTROL3, PORT_PROTOS, given, bad, explainQuery, dropped, stale, nftTransition, age, fmtBytes;
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
badIpAddress = function(v) {
let p;

  p = parsePrefix(v);
  return type(p) === "string" || !p.host ? `"${v}" is not an IP address` : null;
};
badPrefix = function(v) {
let p;

  p = parsePrefix(v);
  return type(p) === "string" ? p : null;
};
badInterfaceAddress = function(v) {
let a;

  a = parseInterfaceAddress(v);
  return type(a) === "string" ? a : null;
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
    return ks ? { action: "block", upstream: u, wanted: name, note: `upstream ${name} is down; kill switch blocks` } : { action: "direct", upstream: u, wanted: name, note: `upstream ${name} is down; kill switch off, goes direct` };
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
timedFrom = function(c) {
  for (let i = 0; i < length(c.rules); i++) {
    const m = c.rules[i].match;
    if (m.startTime !== null || length(m.weekdays)) return i;
  }
  return length(c.rules);
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
localNetworks = function(cfg, given2) {
let out, seen, add, srv;

  out = [];
  seen = {};
  add = (p) => {
    if (p && !seen[p.text]) {
      seen[p.text] = true;
      push(out, p);
    }
  };
  srv = cfg.server;
  if (srv && srv.enabled) for (let i = 0; i < length(srv.addresses); i++) add(interfaceNetwork(srv.addresses[i]));
  for (let i = 0; i < length(given2 ?? []); i++) {
    const p = parsePrefix(given2[i]);
    if (type(p) === "object") add(p);
  }
  return out;
};
codepoints = function(s2) {
let out, n, i;

  out = [];
  n = length(s2);
  i = 0;
  while (i < n) {
    const b = ord(s2, i);
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
      const c = ord(s2, i + j);
      if ((c & 192) !== 128) return null;
      cp = cp << 6 | c & 63;
    }
    push(out, cp);
    i += len;
  }
  return out;
};
pair = function(cp, upperEven) {
  return cp % 2 === 0 === upperEven ? cp + 1 : cp;
};
lower = function(cp) {
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
};
digit = function(d) {
  return chr(d < 26 ? 97 + d : 22 + d);
};
adapt = function(delta, points, first) {
let d, k;

  d = first ? int(delta / DAMP) : int(delta / 2);
  d += int(d / points);
  k = 0;
  while (d > int((BASE - TMIN) * TMAX / 2)) {
    d = int(d / (BASE - TMIN));
    k += BASE;
  }
  return k + int((BASE - TMIN + 1) * d / (d + SKEW));
};
punycode = function(cps) {
let out, basic, h, n, delta, bias;

  out = "";
  for (let i = 0; i < length(cps); i++) if (cps[i] < 128) out += chr(cps[i]);
  basic = length(out);
  h = basic, n = 128, delta = 0, bias = 72;
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
};
toAscii = function(name) {
let cps, labels, cur, wide;

  cps = codepoints(name);
  if (cps === null) return null;
  labels = [];
  cur = [], wide = false;
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
};
badName = function(v, max) {
  if (match(v, CONTROL) || !match(v, NAME_RE)) return `"${v}" is not a name (letters, digits, _; starting with a letter)`;
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
badInt = function(v, lo, hi) {
  if (!match(v, DECIMAL) || int(v) < lo || int(v) > hi) return `"${v}" is not an integer from ${lo} to ${hi}`;
  return null;
};
badPort = function(v) {
  return badInt(v, 1, 65535) ? `"${v}" is not a port (an integer from 1 to 65535)` : null;
};
badPortRange = function(v) {
let m;

  m = match(v, PORT_RANGE);
  if (!m) return badPort(v);
  if (badInt(m[1], 1, 65535) || badInt(m[2], 1, 65535)) return `"${v}" is not a port range (from-to, each an integer from 1 to 65535)`;
  if (int(m[1]) > int(m[2])) return `"${v}": range start is above its end`;
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
let bare, fix;

  if (length(v) > 253) return `"${v}" is longer than 253 characters`;
  if (match(v, DOMAIN)) return null;
  bare = replace(v, EDGE_DOTS, "");
  fix = toAscii(bare);
  if (fix === null || !match(fix, DOMAIN)) return `"${v}" is not a domain name`;
  if (bare !== v)
    return `"${v}": write "${fix}" (${match(v, TRAILING_DOT) ? "without the trailing dot" : "a domain already matches all its subdomains"})`;
  if (fix !== lc(v)) return `"${v}" is an internationalised name: write it as "${fix}"`;
  return `"${v}" must be lower case`;
};
badHost = function(v) {
  if (match(v, DIGITS_DOTS)) return match(v, IPV4) && iptoarr(v) ? null : `"${v}" is not an IPv4 address`;
  if (index(v, ":") >= 0) return match(v, IPV6_CHARS) && iptoarr(v) ? null : `"${v}" is not an IPv6 address`;
  if (!match(v, HOSTNAME) || match(v, NUMERIC_TOP) || match(v, INET_ATON))
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
badProto = function(v) {
  return v === "all" || v === "any" || index(PROTOS, v) >= 0 ? null : `"${v}" is not a protocol (${join(" ", PROTOS)}, all)`;
};
badWeekday = function(v) {
  return weekday(v) < 0 ? `"${v}" is not a weekday (Mon … Sun)` : null;
};
badAction = function(v) {
  return index(ACTIONS, v) >= 0 ? null : `"${v}" is not an action (proxy, direct, block)`;
};
badClientKind = function(v) {
  return index(CLIENT_KINDS, v) >= 0 ? null : `"${v}" is not a client kind (peer, device)`;
};
badEndpoint = function(v) {
let p;

  p = parseEndpoint(v);
  return type(p) === "string" ? p : null;
};
badMarkMask = function(v) {
  return match(v, HEX_MASK) ? null : `"${v}" is not a 32-bit hex mask (0x…)`;
};
checkOf = function(o) {
  if (o.check) return o.check;
  if (o.kind === "bool") return badBool;
  if (o.kind === "int") {
    const lo = o.min, hi = o.max;
    return (v) => badInt(v, lo, hi);
  }
  return null;
};
badValue = function(v, check2) {
  if (match(v, CONTROL2)) return "contains a control character (newline, tab, …)";
  return check2 ? check2(v) : null;
};
typed = function(kind, v) {
  if (kind === "bool") return bool(v);
  if (kind === "int") return int(v);
  return v;
};
readList = function(o, k, v, check2, path, problems) {
let vals, out;

  vals = type(v) === "array" ? v : filter(split(v, BLANKS), (x) => x !== "");
  if (!length(vals) && type(v) !== "array") vals = [v];
  out = [];
  for (let i = 0; i < length(vals); i++) {
    const e = trim(vals[i]) === "" ? "is empty" : badValue(vals[i], check2);
    if (e !== null) {
      o.bad[k] = true;
      push(problems, { path: `${path}[${i}]`, message: e });
    } else {
      push(out, vals[i]);
      push(o.at[k], i);
    }
  }
  return out;
};
readOptions = function(sec2, base, table, problems, own) {
let o;

  o = { v: {}, bad: {}, at: {} };
  for (let k in table) {
    const opt = table[k];
    const check2 = own && own[k] ? own[k] : checkOf(opt);
    const v = sec2.options[k] ?? null;
    const path = `${base}.${k}`;
    if (opt.list) {
      o.at[k] = [];
      o.v[k] = v === null ? opt.def !== null ? split(opt.def, " ") : [] : readList(o, k, v, check2, path, problems);
      continue;
    }
    o.v[k] = opt.def !== null ? typed(opt.kind, opt.def) : null;
    if (v === null) continue;
    const e = type(v) === "array" ? "must be a single option, not a list" : v === "" ? "is empty" : badValue(v, check2);
    if (e !== null) {
      o.bad[k] = true;
      push(problems, { path, message: e });
    } else o.v[k] = typed(opt.kind, v);
  }
  for (let k in sec2.options)
    if (!exists(table, k) && k !== ".name" && k !== ".type") push(problems, { path: `${base}.${k}`, message: "unknown option" });
  return o;
};
readGlobals = function(sec2, problems) {
let s2, o, g;

  s2 = sec2 ?? { type: "globals", name: "main", anonymous: false, options: {} };
  o = readOptions(s2, "globals", SCHEMA.globals, problems);
  g = {
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
};
checkMask = function(m, text, problems) {
  if (m === 0) push(problems, { path: "globals.mark_mask", message: "must not be 0" });
  else if (m > 2147483647) push(problems, { path: "globals.mark_mask", message: `${text}: bit 31 is reserved, use bits 0-30` });
  else {
    const low = markShift(m);
    if ((m + low & m) !== 0) push(problems, { path: "globals.mark_mask", message: `${text} must be one run of contiguous bits` });
    for (let i = 0; i < length(FOREIGN_MARKS); i++)
      if (m & FOREIGN_MARKS[i][0]) push(problems, { path: "globals.mark_mask", message: `${text} overlaps the mark bits ${sprintf("0x%x", FOREIGN_MARKS[i][0])} used by ${FOREIGN_MARKS[i][1]}` });
  }
};
reportedPaths = function(problems) {
let seen;

  seen = {};
  for (let i = 0; i < length(problems); i++) {
    const p = problems[i].path;
    seen[p] = true;
    const b = rindex(p, "[");
    if (b > 0 && substr(p, -1) === "]") seen[substr(p, 0, b)] = true;
  }
  return seen;
};
readUpstream = function(sec2, problems) {
let base, o, host, port, u;

  base = `upstream.${sec2.name}`;
  if (sec2.anonymous) push(problems, { path: base, message: "an upstream section needs a name (it names the interface)" });
  else {
    const e = badName(sec2.name, 12);
    if (e) push(problems, { path: base, message: e });
  }
  o = readOptions(sec2, base, SCHEMA.upstream, problems);
  host = "", port = 51820;
  if (o.v.endpoint === null) {
    if (!o.bad.endpoint) push(problems, { path: `${base}.endpoint`, message: "is required (host:port)" });
  } else {
    const p = parseEndpoint(o.v.endpoint);
    host = p.host;
    port = p.port;
  }
  u = {
    name: sec2.name,
    iface: `sw_${sec2.name}`,
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
    index: 0,
    mark: 0,
    table: 0
  };
  if (u.privateKey === "" && !o.bad.private_key) push(problems, { path: `${base}.private_key`, message: "is required" });
  if (u.publicKey === "" && !o.bad.public_key) push(problems, { path: `${base}.public_key`, message: "is required" });
  if (!length(u.addresses) && !o.bad.address) push(problems, { path: `${base}.address`, message: "needs at least one tunnel address" });
  if (!length(u.allowedIps)) u.allowedIps = ["0.0.0.0/0", "::/0"];
  return u;
};
readServer = function(sec2, problems) {
let o, s2;

  o = readOptions(sec2, "server", SCHEMA.server, problems);
  s2 = {
    enabled: o.v.enabled,
    iface: SERVER_IFACE,
    privateKey: o.v.private_key ?? "",
    listenPort: o.v.listen_port,
    addresses: o.v.address,
    endpoint: o.v.endpoint,
    dns: o.v.dns,
    mtu: o.v.mtu
  };
  if (s2.enabled && s2.privateKey === "" && !o.bad.private_key) push(problems, { path: "server.private_key", message: "is required (make one with splitwg genkey, or in LuCI)" });
  if (s2.enabled && !length(s2.addresses) && !o.bad.address) push(problems, { path: "server.address", message: "needs at least one address with its pool prefix (e.g. 10.77.0.1/24)" });
  return s2;
};
readRule = function(sec2, id, setBase, problems) {
let dest4, dest6, destSeen, dest, o, protos, m, action, rule;

  dest4 = [], dest6 = [];
  destSeen = {};
  dest = (v) => {
let p, x;

    p = parsePrefix(v);
    if (type(p) === "string") return p;
    x = p;
    if (!destSeen[x.text]) push(x.family === 4 ? dest4 : dest6, x);
    destSeen[x.text] = true;
    return null;
  };
  o = readOptions(sec2, id, SCHEMA.rule, problems, { dest });
  protos = o.v.proto;
  m = {
    domains: uniq(o.v.domain),
    dest4,
    dest6,
    protos: index(protos, "all") >= 0 || index(protos, "any") >= 0 ? [] : uniq(protos),
    ports: uniq(o.v.port),
    startTime: o.v.start_time,
    stopTime: o.v.stop_time,
    weekdays: uniq(map(o.v.weekdays, weekday))
  };
  action = o.v.action;
  rule = {
    id,
    setBase,
    name: o.v.name ?? "",
    match: m,
    action,
    upstream: o.v.upstream
  };
  if (m.startTime === null !== (m.stopTime === null) && !o.bad.start_time && !o.bad.stop_time)
    push(problems, { path: `${id}.${m.startTime === null ? "start_time" : "stop_time"}`, message: "a time window needs both start_time and stop_time" });
  else if (m.startTime !== null && m.startTime === m.stopTime)
    push(problems, { path: `${id}.stop_time`, message: 'equals start_time (an empty window); remove both for "always"' });
  if (length(m.ports)) {
    for (let i = 0; i < length(m.protos); i++)
      if (!match(m.protos[i], PORT_PROTO))
        push(problems, { path: `${id}.proto`, message: `ports need tcp, udp, sctp or udplite, not "${m.protos[i]}"` });
  }
  if (rule.upstream !== null && action !== "proxy" && !o.bad.action)
    push(problems, { path: `${id}.upstream`, message: `only a proxy rule takes an upstream (action is ${action})` });
  return o.v.enabled ? rule : null;
};
readClient = function(sec2, problems, g) {
let base, o, kind, srcs, c;

  base = `client.${sec2.name}`;
  if (sec2.anonymous) push(problems, { path: base, message: "a client section needs a name" });
  else {
    const e = badName(sec2.name, 32);
    if (e) push(problems, { path: base, message: e });
  }
  o = readOptions(sec2, base, SCHEMA.client, problems);
  kind = o.v.kind;
  srcs = o.v.address;
  c = {
    name: sec2.name,
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
    if (c.publicKey === null && !o.bad.public_key) push(problems, { path: `${base}.public_key`, message: "is required for a peer" });
    if (!length(srcs) && !o.bad.address) push(problems, { path: `${base}.address`, message: "a peer needs its tunnel address(es)" });
    if (length(c.macs) || length(c.ifaces)) push(problems, { path: base, message: "a peer is identified by its tunnel address, not mac/interface" });
  } else {
    if (sec2.options.address == null && sec2.options.mac == null && sec2.options.interface == null)
      push(problems, { path: base, message: "a device needs an address, mac or interface" });
    if (c.publicKey !== null || c.privateKey !== null) push(problems, { path: `${base}.public_key`, message: "only peers have keys" });
  }
  return c;
};
readSources = function(c, srcs, at, problems) {
let seen, all, pos;

  seen = {};
  all = [], pos = [];
  for (let i = 0; i < length(srcs); i++) {
    const p = parsePrefix(srcs[i]);
    if (seen[p.text]) continue;
    seen[p.text] = true;
    let clash = -1;
    for (let j = 0; j < length(all) && clash < 0; j++) if (prefixesOverlap(all[j], p)) clash = j;
    if (clash >= 0) {
      push(problems, { path: `client.${c.name}.address[${at[i]}]`, message: `${p.text} overlaps ${all[clash].text} (address[${pos[clash]}])` });
      continue;
    }
    push(all, p);
    push(pos, at[i]);
    push(p.family === 4 ? c.src4 : c.src6, p);
  }
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
sectionPath = function(s2) {
  if (s2.type === "globals" || s2.type === "server") return s2.type;
  if (s2.type === "rule") return `rule ${s2.name}`;
  return index(["upstream", "client", "ruleset"], s2.type) >= 0 ? `${s2.type}.${s2.name}` : s2.name;
};
uniqueSections = function(sections, problems) {
let first, out;

  first = {};
  out = [];
  for (let i = 0; i < length(sections); i++) {
    const s2 = sections[i];
    const t = s2.anonymous ? null : first[s2.name];
    if (t === null || t === null) {
      if (!s2.anonymous) first[s2.name] = s2.type;
      push(out, s2);
    } else push(problems, { path: sectionPath(s2), message: t === s2.type ? "is defined twice" : `also names a ${t} section (section names are unique in a UCI file)` });
  }
  return out;
};
badOwner = function(v) {
  if (type(v) === "array") return "must be a single option, not a list";
  return v === "" ? "is empty" : badName(v, 32);
};
byType = function(sections, t) {
  return filter(sections, (s2) => s2.type === t);
};
identifiedFamilies = function(c, ipv6) {
let all;

  all = c.kind === "peer" || length(c.macs) > 0 || length(c.ifaces) > 0;
  return { v4: all || length(c.src4) > 0, v6: ipv6 && (all || length(c.src6) > 0) };
};
familyWarnings = function(clients, g) {
let out;

  out = [];
  for (let i = 0; i < length(clients); i++) {
    const c = clients[i];
    if (!c.enabled || c.kind !== "device" || !g.enabled) continue;
    const f = identifiedFamilies(c, g.ipv6);
    const path = `client.${c.name}.address`;
    if (g.ipv6 && f.v4 && !f.v6)
      push(out, { path, message: "identifies IPv4 only: the device's IPv6 traffic (SLAAC/privacy addresses) is not classified and is routed normally, not by its rules — add its mac (or an IPv6 prefix)" });
    else if (g.ipv6 && f.v6 && !f.v4)
      push(out, { path, message: "identifies IPv6 only: the device's IPv4 traffic is not classified and is routed normally, not by its rules — add its mac (or an IPv4 address)" });
    else if (!g.ipv6 && !f.v4 && length(c.src6))
      push(out, { path, message: "identifies IPv6 only and globals.ipv6 is off: none of the device's traffic is classified — add its mac (or an IPv4 address)" });
  }
  return out;
};
readConfig = function(all) {
let problems, sections, known, gs, globals, ss, server, upstreams, names, shift, maxValue, rulesets, rsSections, clients, byClient, ruleSecs, rsRules, seen, warnings;

  problems = [];
  sections = uniqueSections(all, problems);
  known = keys(SCHEMA);
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
    if (u.iface === SERVER_IFACE) push(problems, { path: `upstream.${u.name}`, message: `the name "server" is reserved (interface ${SERVER_IFACE})` });
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
  if (length(upstreams) + 1 > maxValue && !reportedPaths(problems)["globals.mark_mask"])
    push(problems, { path: "globals.mark_mask", message: `${sprintf("0x%08x", globals.markMask)} has room for ${maxValue - 1} upstreams, ${length(upstreams)} are defined` });
  rulesets = {};
  rsSections = byType(sections, "ruleset");
  for (let i = 0; i < length(rsSections); i++) {
    const e = rsSections[i].anonymous ? "a ruleset section needs a name" : badName(rsSections[i].name, 32);
    if (e) push(problems, { path: `ruleset.${rsSections[i].name}`, message: e });
    readOptions(rsSections[i], `ruleset.${rsSections[i].name}`, SCHEMA.ruleset, problems);
    rulesets[rsSections[i].name] = [];
  }
  clients = map(byType(sections, "client"), (s2) => readClient(s2, problems, globals));
  byClient = {};
  for (let i = 0; i < length(clients); i++) byClient[clients[i].name] = [];
  ruleSecs = byType(sections, "rule");
  for (let i = 0; i < length(ruleSecs); i++) {
    const s2 = ruleSecs[i];
    const cl = s2.options.client, rs = s2.options.ruleset;
    const refErr = (cl != null ? badOwner(cl) : null) ?? (rs != null ? badOwner(rs) : null);
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
  }
  seen = reportedPaths(problems);
  for (let i = 0; i < length(clients); i++) {
    const c = clients[i];
    checkReferences(c, names, seen, problems);
    if (c.kind === "peer" && c.enabled && !seen["server.address"]) checkPeerAddress(c, server, problems);
  }
  checkOverlaps(clients, problems);
  warnings = familyWarnings(clients, globals);
  if (!length(problems))
    return { config: { globals, server, upstreams, clients }, problems, warnings };
  return { config: null, problems, warnings };
};
checkReferences = function(c, upstreams, seen, problems) {
let base, needsDefault;

  base = `client.${c.name}`;
  if (c.upstream !== null && !upstreams[c.upstream]) push(problems, { path: `${base}.upstream`, message: `unknown upstream "${c.upstream}"` });
  needsDefault = c.defaultAction === "proxy" || length(filter(c.rules, (r) => r.action === "proxy" && r.upstream === null && !seen[`${r.id}.action`] && !seen[`${r.id}.upstream`]));
  if (needsDefault && c.upstream === null && !seen[`${base}.upstream`])
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
nftsetTargets = function(stems, ipv6) {
  return join(",", map(stems, (s2) => ipv6 ? `4#inet#splitwg#${s2}_d4,6#inet#splitwg#${s2}_d6` : `4#inet#splitwg#${s2}_d4`));
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
domainPlan = function(cfg) {
let ipv6, rules, byDomain, lines, shared, sharedBy, led, direct2, sorted, byRule;

  ipv6 = cfg.globals.ipv6;
  rules = filter(activeRules(cfg), (r) => length(r.match.domains) > 0);
  byDomain = {};
  for (let i = 0; i < length(rules); i++)
    for (let j = 0; j < length(rules[i].match.domains); j++) {
      const d = rules[i].match.domains[j];
      byDomain[d] ??= [];
      if (index(byDomain[d], i) < 0) push(byDomain[d], i);
    }
  lines = [], shared = [];
  sharedBy = {};
  led = {};
  direct2 = map(rules, () => false);
  sorted = sort(keys(byDomain));
  for (let i = 0; i < length(sorted); i++) {
    const d = sorted[i];
    const names = selfAndParents(d);
    let hits = [];
    for (let k = 0; k < length(names); k++) if (byDomain[names[k]]) hits = [...hits, ...byDomain[names[k]]];
    hits = sort(uniq(hits), (a, b) => a - b);
    const own = map(hits, (h) => rules[h].setBase);
    const covering = map(hits, (h) => rules[h]);
    if (length(`nftset=/${d}/${nftsetTargets(own, ipv6)}`) <= LINE_MAX) {
      for (let k = 0; k < length(hits); k++) direct2[hits[k]] = true;
      push(lines, { domain: d, rules: covering, stems: own });
      continue;
    }
    const key = join(",", hits);
    let s2 = sharedBy[key];
    if (!s2) {
      const lead = own[0];
      led[lead] ??= 0;
      s2 = { stem: `${lead}_g${led[lead]}`, rules: covering, domains: [] };
      led[lead]++;
      sharedBy[key] = s2;
      push(shared, s2);
    }
    push(s2.domains, d);
    push(lines, { domain: d, rules: covering, stems: [s2.stem] });
  }
  byRule = {};
  for (let i = 0; i < length(rules); i++) if (direct2[i]) byRule[rules[i].id] = [rules[i].setBase];
  for (let i = 0; i < length(shared); i++)
    for (let j = 0; j < length(shared[i].rules); j++) {
      const id = shared[i].rules[j].id;
      byRule[id] ??= [];
      push(byRule[id], shared[i].stem);
    }
  return { lines, shared, byRule };
};
comment = function(s2) {
let n;

  if (length(s2) <= COMMENT_MAX) return `comment "${s2}"`;
  n = COMMENT_MAX - 3;
  while (n > 0 && (ord(s2, n) & 192) === 128) n--;
  return `comment "${substr(s2, 0, n)}..."`;
};
elements = function(items) {
  return length(items) ? ` elements = { ${join(", ", items)} };` : "";
};
texts = function(ps) {
  return map(ps, (p) => p.text);
};
ruleSets = function(r, ipv6, dp) {
let out, stems;

  out = [];
  stems = dp.byRule[r.id] ?? [];
  for (let i = 0; i < length(stems); i++) {
    push(out, { name: `${stems[i]}_d4`, family: 4, kind: "domain" });
    if (ipv6) push(out, { name: `${stems[i]}_d6`, family: 6, kind: "domain" });
  }
  if (length(r.match.dest4)) push(out, { name: `${r.setBase}_n4`, family: 4, kind: "net" });
  if (ipv6 && length(r.match.dest6)) push(out, { name: `${r.setBase}_n6`, family: 6, kind: "net" });
  return out;
};
sharedWhy = function(s2) {
let n, ids;

  n = length(s2.rules);
  ids = map(slice(s2.rules, 0, 3), (r) => r.id);
  return `domains shared by ${join(", ", ids)}${n > 3 ? sprintf(" and %d more rules", n - 3) : ""}: filled by dnsmasq`;
};
planSets = function(cfg, dp) {
let d, out, rules, fams;

  d = dp ?? domainPlan(cfg);
  out = [];
  rules = activeRules(cfg);
  for (let i = 0; i < length(rules); i++) {
    const r = rules[i];
    const sets = ruleSets(r, cfg.globals.ipv6, d);
    for (let k = 0; k < length(sets); k++) {
      const s2 = sets[k];
      if (s2.kind === "domain" && substr(s2.name, 0, length(s2.name) - 3) !== r.setBase) continue;
      const key = s2.kind === "domain" ? join(" ", r.match.domains) : join(" ", texts(s2.family === 4 ? r.match.dest4 : r.match.dest6));
      push(out, { name: s2.name, family: s2.family, kind: s2.kind, rule: r, key, why: s2.kind === "domain" ? `${r.id}: filled by dnsmasq` : r.id });
    }
  }
  fams = cfg.globals.ipv6 ? [4, 6] : [4];
  for (let i = 0; i < length(d.shared); i++) {
    const s2 = d.shared[i];
    for (let f = 0; f < length(fams); f++)
      push(out, { name: `${s2.stem}_d${fams[f]}`, family: fams[f], kind: "domain", rule: s2.rules[0], key: join(" ", s2.domains), why: sharedWhy(s2) });
  }
  return out;
};
setDecl = function(s2, timeout) {
let t, el;

  t = s2.family === 4 ? "ipv4_addr" : "ipv6_addr";
  if (s2.kind === "domain") {
    const to = timeout > 0 ? `flags timeout; timeout ${timeout}s;` : "";
    return `${T}set ${s2.name} {${T}# ${s2.why}
${T}${T}type ${t}; ${to}
${T}}`;
  }
  el = texts(s2.family === 4 ? s2.rule.match.dest4 : s2.rule.match.dest6);
  return `${T}set ${s2.name} {${T}# ${s2.why}
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
verdictText = function(cfg, c, r, pkt) {
let v, sfx;

  v = verdictOf(cfg, c, r);
  sfx = pkt ? "_pkt" : "";
  if (v.action === "block") return "drop";
  if (v.action === "direct") return `goto mark_direct${sfx}`;
  return `goto up_${v.upstream.name}${sfx}`;
};
clientChain = function(cfg, c, dp) {
let ipv6, lines, timed, dv;

  ipv6 = cfg.globals.ipv6;
  lines = [];
  timed = timedFrom(c);
  for (let i = 0; i < length(c.rules); i++) {
    const r = c.rules[i];
    const v = verdictOf(cfg, c, r);
    const note = v.note ? `, ${v.note}` : "";
    const tail = `${protoMatch(r)}`;
    const dests = [];
    const sets = ruleSets(r, ipv6, dp);
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
      push(lines, `${T}${T}${m === "" ? "" : m + " "}counter ${verdictText(cfg, c, r, i >= timed)} ${comment(`${r.id}: ${r.action}${r.action === "proxy" ? " via " + (v.wanted ?? "") : ""}${note}`)}`);
    }
  }
  dv = verdictOf(cfg, c, null);
  push(lines, `${T}${T}counter ${verdictText(cfg, c, null, timed < length(c.rules))} ${comment(`client ${c.name} default: ${c.defaultAction}${dv.note ? ", " + dv.note : ""}`)}`);
  return `${T}chain client_${c.name} {
${join("\n", lines)}
${T}}`;
};
markChain = function(name, value, mask, why, pkt) {
let keep;

  keep = markHex(4294967295 - mask);
  return `${T}chain ${name} {${T}# ${why}
${T}${T}meta mark set meta mark and ${keep} or ${markHex(value)}
` + (pkt ? "" : `${T}${T}ct mark set ct mark and ${keep} or ${markHex(value)}
`) + `${T}}`;
};
identities = function(clients, ipv6, verdict) {
let d;

  d = { a4: [], a6: [], mac: [], iif: [] };
  for (let i = 0; i < length(clients); i++) {
    const c = clients[i];
    const v = verdict(c);
    for (let j = 0; j < length(c.src4); j++) push(d.a4, `${c.src4[j].text} : ${v}`);
    if (ipv6) for (let j = 0; j < length(c.src6); j++) push(d.a6, `${c.src6[j].text} : ${v}`);
    for (let j = 0; j < length(c.macs); j++) push(d.mac, `${c.macs[j]} : ${v}`);
    for (let j = 0; j < length(c.ifaces); j++) push(d.iif, `"${c.ifaces[j]}" : ${v}`);
  }
  return d;
};
identityMaps = function(stem, why, d) {
  return map(MAP_KINDS, (k, i) => `${T}map ${stem}${k.suffix} {${i === 0 ? `${T}# ${why}` : ""}
${T}${T}type ${k.type}${elements(d[k.kind])}
${T}}`);
};
identityLookups = function(stem, ipv6) {
  return join("", map(filter(MAP_KINDS, (k) => ipv6 || k.kind !== "a6"), (k) => `${T}${T}${!ipv6 && (k.kind === "mac" || k.kind === "iif") ? "meta nfproto ipv4 " : ""}${k.match} vmap @${stem}${k.suffix}
`));
};
localReturns = function(ipv6, self) {
let why;

  why = comment("to a local network: routed by the main table");
  return `${T}${T}fib daddr type ${self} return ${comment("to the router itself")}
${T}${T}ip daddr @local4 return ${why}
` + (ipv6 ? `${T}${T}ip6 daddr @local6 return ${why}
` : "");
};
renderNft = function(cfg, version, dp, local) {
let domains, g, mask, clients, ups, direct2, out, add, sets, nets, HEADER, who, dns, maps, restore, body;

  domains = dp ?? domainPlan(cfg);
  g = cfg.globals;
  mask = g.markMask;
  clients = filter(cfg.clients, (c) => c.enabled);
  ups = filter(cfg.upstreams, (u) => u.enabled);
  direct2 = directMark(mask);
  out = [];
  add = (s2) => {
    push(out, s2);
  };
  add(`# Generated by splitwg ${version} from /etc/config/splitwg — do not edit; run \`splitwg plan\` to see it.`);
  add("table inet splitwg");
  add("flush table inet splitwg");
  sets = planSets(cfg, domains);
  nets = localNetworks(cfg, local ?? null);
  HEADER = length(out);
  add("table inet splitwg {");
  add(`${T}# marks (mask ${markHex(mask)}): ${markHex(direct2)} direct${join("", map(ups, (u) => `, ${markHex(u.mark)} ${u.name} (table ${u.table})`))}`);
  add("");
  add(`${T}set local4 {${T}# the router's local networks: routed by the main table, never classified
${T}${T}type ipv4_addr; flags interval; auto-merge;${elements(texts(filter(nets, (p) => p.family === 4)))}
${T}}`);
  add(`${T}set local6 {
${T}${T}type ipv6_addr; flags interval; auto-merge;${elements(texts(filter(nets, (p) => p.family === 6)))}
${T}}`);
  for (let i = 0; i < length(sets); i++) add(setDecl(sets[i], g.setTimeout));
  who = identities(clients, g.ipv6, (c) => `goto client_${c.name}`);
  dns = identities(clients, g.ipv6, (c) => c.dnsHijack ? "goto dns_hijack" : "return");
  maps = [...identityMaps("client", "source → client chain", who), ...identityMaps("hijack", "source → DNS hijacked (goto dns_hijack) or not (return)", dns)];
  for (let i = 0; i < length(maps); i++) add(maps[i]);
  add("");
  restore = [`${markHex(direct2)} : goto mark_direct`, ...map(ups, (u) => `${markHex(u.mark)} : goto up_${u.name}`)];
  add(`${T}chain prerouting {
${T}${T}type filter hook prerouting priority mangle; policy accept;
${T}${T}ct direction original ct mark and ${markHex(mask)} vmap { ${join(", ", restore)} } ${comment("connection already decided")}
${T}${T}ct direction reply meta mark set meta mark and ${markHex(4294967295 - mask)} or ${markHex(direct2)} return ${comment("replies follow their connection (a port forward to a client stays on WAN); marked direct, past the routing kill switch")}
${T}${T}meta mark and ${markHex(mask)} != 0 return ${comment("marked before us")}
` + localReturns(g.ipv6, "{ local, broadcast, multicast }") + identityLookups("client", g.ipv6) + `${T}}`);
  add(markChain("mark_direct", direct2, mask, "decided: direct", false));
  for (let i = 0; i < length(ups); i++)
    add(markChain(`up_${ups[i].name}`, ups[i].mark, mask, `upstream ${ups[i].name} → ${ups[i].iface}, table ${ups[i].table}`, false));
  if (length(filter(clients, (c) => timedFrom(c) < length(c.rules)))) {
    add(markChain("mark_direct_pkt", direct2, mask, "this packet: direct (a time window decides again on the next)", true));
    for (let i = 0; i < length(ups); i++)
      add(markChain(`up_${ups[i].name}_pkt`, ups[i].mark, mask, `this packet: upstream ${ups[i].name}`, true));
  }
  for (let i = 0; i < length(clients); i++) {
    const c = clients[i];
    const t = timedFrom(c);
    const pkt = t < length(c.rules) ? `; decided per packet from ${c.rules[t].id} on (time window)` : "";
    add(`${T}# client ${c.name} (${c.kind}): ${length(c.rules)} rule(s), default ${c.defaultAction}${pkt}`);
    add(clientChain(cfg, c, domains));
  }
  add("");
  add(`${T}chain dstnat {
${T}${T}type nat hook prerouting priority dstnat - 5; policy accept;
${T}${T}meta l4proto { tcp, udp } th dport { 53, 853 } goto dns_client
${T}}`);
  add(`${T}chain dns_client {
` + localReturns(g.ipv6, "local") + identityLookups("hijack", g.ipv6) + `${T}}`);
  add(`${T}chain dns_hijack {${T}# encrypted DNS would bypass the domain rules
${T}${T}meta l4proto { tcp, udp } th dport 53 counter redirect to :53 ${comment("DNS hijack")}
${T}${T}counter drop ${comment("DoT/DoQ blocked")}
${T}}`);
  if (g.killSwitch && length(ups)) {
    const guard = map(ups, (u) => `${T}${T}meta mark and ${markHex(mask)} == ${markHex(u.mark)} oifname != "${u.iface}" counter drop ${comment(`leak guard: ${u.name} traffic only leaves by ${u.iface}`)}`);
    add(`${T}chain forward {
${T}${T}type filter hook forward priority mangle; policy accept;
${join("\n", guard)}
${T}}`);
  }
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
lineComment = function(l) {
let n, ids;

  n = length(l.rules);
  ids = join(", ", map(slice(l.rules, 0, 3), (r) => r.id));
  return `# ${l.domain}: ${ids}${n > 3 ? sprintf(" and %d more rules", n - 3) : ""}`;
};
renderDnsmasq = function(cfg, version, dp) {
let d, out;

  d = dp ?? domainPlan(cfg);
  out = [`# Generated by splitwg ${version} — domain rules, one entry per domain (dnsmasq uses only the most specific match)`];
  for (let i = 0; i < length(d.lines); i++) {
    const l = d.lines[i];
    push(out, lineComment(l));
    push(out, `nftset=/${l.domain}/${nftsetTargets(l.stems, cfg.globals.ipv6)}`);
  }
  return join("\n", out) + "\n";
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
isOwned = function(config, s2) {
  if (s2[OWNED] === "1") return true;
  return config === "firewall" && !s2[".anonymous"] && substr(s2[".name"], 0, 3) === "sw_" && type(s2.name) === "string" && index(s2.name, FW_MARK) >= 0;
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
};
guardSectionName = function(client, family, k) {
  return `swguard${family}_${client}_${k}`;
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
    push(out, sec("rule", "swmain4", { lookup: "main", suppress_prefixlength: "0", priority: `${g.rulePriority}` }));
    if (g.ipv6) push(out, sec("rule6", "swmain6", { lookup: "main", suppress_prefixlength: "0", priority: `${g.rulePriority}` }));
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
compile = function(cfg, opts) {
let g, dp;

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
  dp = domainPlan(cfg);
  return {
    version: VERSION,
    enabled: true,
    nft: renderNft(cfg, VERSION, dp, opts ? opts.local : null),
    dnsmasq: renderDnsmasq(cfg, VERSION, dp),
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
    sets: map(planSets(cfg, dp), (x) => ({ name: x.name, kind: x.kind, key: x.key }))
  };
};
plan = function(sections, opts) {
let r;

  r = readConfig(sections);
  return { plan: r.config ? compile(r.config, opts) : null, problems: r.problems };
};
redactSections = function(secs) {
  return map(secs, (s2) => {
let o;

    o = {};
    for (let k in s2.options) o[k] = index(SECRET, k) >= 0 ? "(hidden)" : s2.options[k];
    return { type: s2.type, name: s2.name, anonymous: s2.anonymous, options: o };
  });
};
redactedPlan = function(p) {
  return { ...p, network: redactSections(p.network), firewall: redactSections(p.firewall), dhcp: redactSections(p.dhcp) };
};
ruleLabel = function(r) {
  return r.name !== "" ? `${r.id} (${r.name})` : r.id;
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
  if (length(protos) && q.proto != null && index(protos, q.proto) < 0) return `protocol is not ${join("/", protos)}`;
  if (length(m.ports) && q.port != null) {
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
notEvaluated = function(r, q, day, min) {
let m, protos, out;

  m = r.match;
  protos = length(m.ports) && !length(m.protos) ? ["tcp", "udp"] : m.protos;
  out = [];
  if (length(protos) && q.proto == null) push(out, `its protocol ${join("/", protos)}, give --proto`);
  if (length(m.ports) && q.port == null) push(out, `its port ${join(", ", m.ports)}, give --port`);
  if (m.startTime !== null && min < 0 || length(m.weekdays) && day < 0) push(out, "its time, give --at");
  return length(out) ? ` (not evaluated: ${join("; ", out)})` : "";
};
parseAt = function(at) {
let p;

  p = split(trim(at), BLANKS2);
  if (length(p) !== 2 || weekday(p[0]) < 0 || badTime(p[1])) return `"${at}" is not a time like "Mon 21:30"`;
  return { day: weekday(p[0]), min: minutes(p[1]) };
};
direct = function(c, reason) {
  return { client: c.name, action: "direct", upstream: null, iface: null, mark: null, rule: null, reason };
};
answer = function(cfg, cl, q, dest, addr, f, day, min, local) {
let timed, fam, only, result, unclassified, skipped, ipNote, skip;

  timed = timedFrom(cl);
  fam = identifiedFamilies(cl, cfg.globals.ipv6);
  only = fam.v4 ? "IPv4" : "IPv6";
  result = (r, i, found) => {
let v, pkt, why, mark;

    v = verdictOf(cfg, cl, r, q.down ?? []);
    pkt = i >= timed && timed < length(cl.rules) ? `; decided per packet: follows the time window of ${cl.rules[timed].id}` : "";
    why = `${found}${pkt}`;
    if (v.upstream !== null && !carriesFamily(v.upstream, f)) {
      const fw = `upstream ${v.wanted} has no IPv${f} address: its table only has an unreachable route`;
      return { x: { client: cl.name, action: "block", upstream: null, iface: null, mark: null, rule: r ? r.id : null, reason: `${why}; ${fw}` }, famWhy: fw };
    }
    mark = v.action === "block" ? null : markHex(v.upstream ? v.upstream.mark : directMark(cfg.globals.markMask));
    return { x: {
      client: cl.name,
      action: v.action,
      upstream: v.action === "proxy" ? v.wanted : null,
      iface: v.action === "proxy" ? v.upstream.iface : null,
      mark,
      rule: r ? r.id : null,
      reason: v.note ? `${why}; ${v.note}` : why
    }, famWhy: null };
  };
  unclassified = (why) => ({ x: direct(cl, why), famWhy: why });
  if (f === 6 && !cfg.globals.ipv6) return unclassified("IPv6 classification is off (globals.ipv6): IPv6 is routed normally");
  if (addr) {
    const nets = localNetworks(cfg, local);
    for (let i = 0; i < length(nets); i++)
      if (prefixContains(nets[i], addr.bytes))
        return { x: direct(cl, `${q.destination} is in ${nets[i].text}, a local network of the router (routed by the main table, not classified)`), famWhy: null };
  }
  if (!fam.v4 && !fam.v6)
    return unclassified(`client ${cl.name} is identified by IPv6 addresses only and IPv6 classification is off (globals.ipv6): none of its traffic is classified`);
  if (!(f === 4 ? fam.v4 : fam.v6))
    return unclassified(`client ${cl.name} is identified by ${only} addresses only: its IPv${f} traffic${f === 6 ? " (SLAAC/privacy addresses)" : ""} is not classified and is routed normally`);
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
    return result(r, i, `first match: ${ruleLabel(r)}, ${hit}${notEvaluated(r, q, day, min)}`);
  }
  ipNote = addr ? "; note: domain rules also match an address once the client has resolved that domain through the router" : "";
  skip = length(skipped) ? ` (matched destination but not: ${join("; ", skipped)})` : "";
  return result(null, length(cl.rules), `no rule matched${skip}: client default ${cl.defaultAction}${ipNote}`);
};
explain = function(cfg, q) {
let c, dest, addr, day, min, local, cl, f, a, o, via, x;

  c = null;
  for (let i = 0; i < length(cfg.clients); i++) if (cfg.clients[i].name === q.client) c = cfg.clients[i];
  if (!c) return { error: { path: "client", message: `unknown client "${q.client}"` } };
  dest = lc(trim(q.destination ?? ""));
  addr = parseAddress(dest);
  if (!addr && badDomain(dest)) return { error: { path: "destination", message: `"${q.destination}" is neither an IP address nor a domain name` } };
  if (q.family != null && q.family !== 4 && q.family !== 6) return { error: { path: "family", message: `"${q.family}" is not an address family (4 or 6)` } };
  if (q.family != null && addr && addr.family !== q.family)
    return { error: { path: "family", message: `${q.destination} is an IPv${addr.family} address, not IPv${q.family}` } };
  day = -1, min = -1;
  if (q.at != null && q.at !== "") {
    const at = parseAt(q.at);
    if (type(at) === "string") return { error: { path: "at", message: at } };
    day = at.day;
    min = at.min;
  }
  local = q.local ?? [];
  for (let i = 0; i < length(local); i++) {
    const p = parsePrefix(local[i]);
    if (type(p) === "string") return { error: { path: `local[${i}]`, message: p } };
  }
  cl = c;
  if (!cfg.globals.enabled) return direct(cl, "splitwg is disabled (globals.enabled 0): nothing is classified, traffic is routed normally");
  if (!cl.enabled) return direct(cl, `client ${cl.name} is disabled: its traffic is not classified`);
  f = addr ? addr.family : q.family ?? 4;
  a = answer(cfg, cl, q, dest, addr, f, day, min, local);
  if (addr || q.family != null) return a.x;
  o = answer(cfg, cl, q, dest, addr, 6, day, min, local);
  if (o.x.action === a.x.action && o.x.iface === a.x.iface) return a.x;
  via = o.x.action === "proxy" ? ` via ${o.x.upstream}` : "";
  x = a.x;
  return {
    client: x.client,
    action: x.action,
    upstream: x.upstream,
    iface: x.iface,
    mark: x.mark,
    rule: x.rule,
    reason: `${x.reason}; note: over IPv6 (AAAA) the answer is ${o.x.action}${via}: ${o.famWhy ?? o.x.reason}`
  };
};
given = function(v) {
  return v !== null && v !== null && v !== "";
};
bad = function(path, message) {
  return { error: { path, message } };
};
explainQuery = function(cfg, a) {
let proto, port, at, names, family, down;

  if (!given(a.client) || type(a.client) !== "string") return bad("client", "is required");
  if (!given(a.destination) || type(a.destination) !== "string") return bad("destination", "is required");
  proto = null, port = null, at = null;
  names = ["proto", "port", "at", "family"];
  for (let i = 0; i < length(names); i++)
    if (given(a[names[i]]) && match(`${a[names[i]]}`, CONTROL3)) return bad(names[i], "contains a control character (newline, tab, …)");
  if (given(a.proto)) {
    const p = `${a.proto}`;
    if (index(PROTOS, p) < 0)
      return bad("proto", index(PROTOS, lc(p)) >= 0 ? `"${p}" must be lower case` : `"${p}" is not a protocol (${join(" ", PROTOS)})`);
    proto = p;
  }
  if (given(a.port)) {
    const e = badPort(`${a.port}`);
    if (e) return bad("port", e);
    if (proto !== null && index(PORT_PROTOS, proto) < 0) return bad("port", `${proto} has no ports`);
    port = int(`${a.port}`);
  }
  if (given(a.at)) {
    const w = split(trim(`${a.at}`), BLANKS3);
    if (length(w) !== 2 || weekday(w[0]) < 0 || badTime(w[1])) return bad("at", `"${a.at}" is not a time like "Mon 21:30"`);
    at = `${a.at}`;
  }
  family = null;
  if (given(a.family)) {
    const f = `${a.family}`;
    if (f !== "4" && f !== "6") return bad("family", `"${f}" is not an address family (4 or 6)`);
    family = f === "4" ? 4 : 6;
  }
  down = [];
  if (given(a.down)) {
    down = type(a.down) === "array" ? a.down : split(`${a.down}`, ",");
    for (let i = 0; i < length(down); i++)
      if (!upstreamByName(cfg, down[i])) return bad(`down[${i}]`, `unknown upstream "${down[i]}"`);
  }
  return { client: a.client, destination: a.destination, proto, port, at, down, family };
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
age = function(s2) {
  if (s2 === null) return null;
  if (s2 < 120) return { n: s2, unit: "s" };
  if (s2 < 7200) return { n: int(s2 / 60), unit: "m" };
  if (s2 < 172800) return { n: int(s2 / 3600), unit: "h" };
  return { n: int(s2 / 86400), unit: "d" };
};
fmtBytes = function(n) {
let units, i, v, frac;

  units = ["B", "KiB", "MiB", "GiB", "TiB"];
  i = 0, v = n, frac = 0;
  while (v >= 1024 && i < 4) {
    frac = int(v % 1024 * 10 / 1024);
    v = int(v / 1024);
    i++;
  }
  return i === 0 ? `${v} B` : `${v}.${frac} ${units[i]}`;
};
// src/core/version.ts
VERSION = "0.1.0";

// src/core/uci.ts
SINGLE_QUOTE = /'/g;
SIMPLE = /^[ \t]*(config|option|list)[ \t]+([A-Za-z0-9_]+)([ \t]+'([^'\\]*)')?[ \t]*$/;

// src/core/ip.ts
PREFIX_LEN = /^(0|[1-9][0-9]{0,2})$/;
V4_RE = /^[0-9]{1,3}\.[0-9]{1,3}\.[0-9]{1,3}\.[0-9]{1,3}$/;
V6_RE = /^[0-9a-fA-F:.]+$/;

// src/core/decide.ts

// src/core/idn.ts
BASE = 36;
TMIN = 1;
TMAX = 26;
SKEW = 38;
DAMP = 700;

// src/core/values.ts
LABEL_BAD = /["'`\\;#{}$\/<>|&]/;
CONTROL = /[\x01-\x1f\x7f]/;
WG_KEY = /^[A-Za-z0-9+\/]{42}[AEIMQUYcgkosw480]=$/;
DECIMAL = /^(0|[1-9][0-9]{0,9})$/;
PORT_RANGE = /^([^-]*)-([^-]*)$/;
BOOL = /^(0|1|on|off|yes|no|true|false|enabled|disabled)$/;
TRUE = /^(1|on|yes|true|enabled)$/;
TIME = /^([01][0-9]|2[0-3]):[0-5][0-9]$/;
EDGE_DOTS = /^(\*\.|\.)+|\.+$/g;
TRAILING_DOT = /\.$/;
DOMAIN = /^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*$/;
DIGITS_DOTS = /^[0-9.]+$/;
IPV4 = /^[0-9]{1,3}(\.[0-9]{1,3}){3}$/;
IPV6_CHARS = /^[0-9a-fA-F:.]+$/;
NUMERIC_TOP = /(^|\.)[0-9]+$/;
INET_ATON = /^(0[xX][0-9a-fA-F]*|[0-9]+)(\.(0[xX][0-9a-fA-F]*|[0-9]+))*$/;
HOSTNAME = /^[a-zA-Z0-9]([a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?(\.[a-zA-Z0-9]([a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)*$/;
ENDPOINT6 = /^\[([0-9a-fA-F:.]+)\]:([^:]*)$/;
ENDPOINT = /^([a-zA-Z0-9.-]+):([^:]*)$/;
MAC = /^[0-9a-fA-F]{2}(:[0-9a-fA-F]{2}){5}$/;
IFNAME = /^[a-zA-Z0-9][a-zA-Z0-9_.-]*$/;
HEX_MASK = /^0x[0-9a-fA-F]{1,8}$/;
NAME_RE = /^[a-zA-Z][a-zA-Z0-9_]*$/;

WEEKDAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];

PROTOS = ["tcp", "udp", "icmp", "icmpv6", "sctp", "udplite", "gre", "esp"];

ACTIONS = ["proxy", "direct", "block"];

CLIENT_KINDS = ["device", "peer"];

// src/core/schema.ts
zoneName = (v) => badName(v, 11);
upstreamName = (v) => badName(v, 12);
sectionName = (v) => badName(v, 32);
GLOBALS = {
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
SERVER = {
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
UPSTREAM = {
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
  dns: { kind: "string", list: true, check: badIpAddress, doc: "the provider's DNS servers (informational today)" }
};
CLIENT = {
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
RULESET = {
  name: { kind: "string", check: badLabel, doc: "label" }
};
RULE = {
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
  proto: { kind: "enum", list: true, values: PROTOS, check: badProto, doc: "or `all`: any protocol (also when none is given)" },
  port: { kind: "string", list: true, check: badPortRange, doc: "destination ports 1–65535 or ranges `from-to` with from ≤ to (`8000-8100`, `80-80`); with ports, `proto` defaults to tcp+udp" },
  start_time: { kind: "string", check: badTime, doc: "`HH:MM` local time of the router; window `[start, stop)`; `22:00`→`06:00` crosses midnight" },
  stop_time: { kind: "string", check: badTime, doc: "`HH:MM`, the end of the window (both or neither)" },
  weekdays: {
    kind: "enum",
    list: true,
    values: [WEEKDAYS[1], WEEKDAYS[2], WEEKDAYS[3], WEEKDAYS[4], WEEKDAYS[5], WEEKDAYS[6], WEEKDAYS[0]],
    check: badWeekday,
    doc: "the packet's local day must be one of them (for a window across midnight, the part after midnight belongs to the next day)"
  },
  action: { kind: "enum", def: "proxy", values: ACTIONS, check: badAction, doc: "what a match does: through an upstream, direct, or dropped" },
  upstream: { kind: "string", check: upstreamName, doc: "for `proxy`: a named upstream instead of the client's" }
};
SCHEMA = {
  globals: GLOBALS,
  server: SERVER,
  upstream: UPSTREAM,
  client: CLIENT,
  ruleset: RULESET,
  rule: RULE
};

// src/core/config.ts
CONTROL2 = /[[:cntrl:]]/;
BLANKS = /[ \t]+/;
PORT_PROTO = /^(tcp|udp|sctp|udplite)$/;
SERVER_IFACE = "sw_server";
FOREIGN_MARKS = [[16128, "mwan3"], [16711680, "pbr/podkop"], [134217728, "dae"], [127, "homeproxy"]];

// src/core/domains.ts
LINE_MAX = 1e3;

// src/core/nft.ts
T = "	";
COMMENT_MAX = 128;

MAP_KINDS = [
  { kind: "a4", suffix: "4", type: "ipv4_addr : verdict; flags interval;", match: "ip saddr" },
  { kind: "a6", suffix: "6", type: "ipv6_addr : verdict; flags interval;", match: "ip6 saddr" },
  { kind: "mac", suffix: "_mac", type: "ether_addr : verdict;", match: "ether saddr" },
  { kind: "iif", suffix: "_iif", type: "ifname : verdict;", match: "iifname" }
];

// src/core/dnsmasq.ts

// src/core/netifd.ts
OWNED = "splitwg_owned";
ZONE_UP = "splitwg";
ZONE_RW = "splitwg_rw";

FW_MARK = "splitwg";

// src/core/plan.ts

SECRET = ["private_key", "preshared_key"];

// src/core/explain.ts
BLANKS2 = /[ \t]+/;

// src/core/query.ts
BLANKS3 = /[ \t]+/;
CONTROL3 = /[\x01-\x1f\x7f]/;
PORT_PROTOS = ["tcp", "udp", "sctp", "udplite"];

// src/core/transition.ts

// src/core/format.ts

export {
  OWNED,
  SERVER_IFACE,
  VERSION,
  age,
  badBool,
  badKey,
  bool,
  check,
  compile,
  declarations,
  explain,
  explainQuery,
  fmtBytes,
  isOwned,
  nftTransition,
  parseAddress,
  parseInterfaceAddress,
  parsePrefix,
  parseUci,
  plan,
  prefixContains,
  prefixesOverlap,
  readConfig,
  redactedPlan,
  renderUci
};
