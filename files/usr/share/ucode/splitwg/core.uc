// Generated from src/core/index.ts by `npm run build` — edit the TypeScript, not this file.
'use strict';

let VERSION, SINGLE_QUOTE, SIMPLE, words, parseUci, quote, renderUci, PREFIX_LEN, V4_RE, V6_RE, parseAddress, maskBytes, sameBytes, parsePrefix, parseInterfaceAddress, prefixContains, prefixesOverlap, interfaceNetwork, badIpAddress, upstreamByName, verdictOf, markShift, directMark, markHex, carriesFamily, timedFrom, activeRules, localNetworks, BASE, TMIN, TMAX, SKEW, DAMP, codepoints, pair, lower, digit, adapt, punycode, toAscii, LABEL_BAD, CONTROL, WG_KEY, DECIMAL, PORT_RANGE, BOOL, TRUE, TIME, EDGE_DOTS, TRAILING_DOT, DOMAIN, DIGITS_DOTS, IPV4, IPV6_CHARS, NUMERIC_TOP, INET_ATON, HOSTNAME, ENDPOINT6, ENDPOINT, MAC, IFNAME, HEX_MASK, NAME_RE, badName, badLabel, badKey, badInt, badPort, badPortRange, badBool, bool, badTime, WEEKDAYS, weekday, badDomain, badHost, parseEndpoint, badMac, badIfname, PROTOS, badMtu, badKeepalive, badMarkMask, CONTROL2, BLANKS, ACTION, PORT_PROTO, KIND, DEFAULTS, FOREIGN_MARKS, withControlCheck, reader, readGlobals, checkMask, reportedPaths, readUpstream, readServer, readRule, readClient, readSources, checkOverlaps, sectionPath, uniqueSections, badOwner, byType, identifiedFamilies, familyWarnings, readConfig, checkReferences, checkPeerAddress, check, LINE_MAX, nftsetTargets, selfAndParents, domainPlan, NFT, clientChainName, markChainName, rule, chain, texts, ruleSets, sharedWhy, planSets, setOf, protoMatch, timeMatch, decision, clientRules, markChain, MAP_KINDS, identityKeys, identityMaps, identityLookups, localReturns, noRef, counted, nftModel, tableObjects, tableState, T, COMMENT_MAX, comment, elements, why, setSpec, printSet, mapSpec, verdictText, elementText, printMap, printRule, printChain, refill, printNft, lineComment, renderDnsmasq, OWNED, ZONE_UP, ZONE_RW, sec, fwSec, s, upstreamSections, guardSectionName, couldBeProxied, guardSections, renderNetwork, renderFirewall, emptyPlan, compile, plan, SECRET, redactSections, redactedPlan, BLANKS2, ruleLabel, domainHit, minutes, sideConditions, notEvaluated, parseAt, direct, answer, explain, BLANKS3, CONTROL3, PORT_PROTOS, given, bad, explainQuery, dropped, stale, nftTransition;
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
upstreamByName = function(cfg, name) {
  for (let i = 0; i < length(cfg.upstreams); i++)
    if (cfg.upstreams[i].name === name) return cfg.upstreams[i];
  return null;
};
verdictOf = function(cfg, c, rule2, down) {
let action, name, u, ks;

  action = rule2 ? rule2.action : c.defaultAction;
  if (action !== "proxy") return { action, upstream: null, wanted: null, note: null };
  name = (rule2 ? rule2.upstream : null) ?? c.upstream;
  u = upstreamByName(cfg, name);
  ks = cfg.globals.killSwitch;
  if (!u || !u.enabled) {
    const why2 = `upstream ${name} is disabled`;
    return ks ? { action: "block", upstream: null, wanted: name, note: `${why2}; kill switch blocks` } : { action: "direct", upstream: null, wanted: name, note: `${why2}; kill switch off, goes direct` };
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
badMtu = function(v) {
  return badInt(v, 1280, 9e3);
};
badKeepalive = function(v) {
  return badInt(v, 0, 65535);
};
badMarkMask = function(v) {
  return match(v, HEX_MASK) ? null : `"${v}" is not a 32-bit hex mask (0x…)`;
};
withControlCheck = function(check2) {
  return (v) => match(v, CONTROL2) ? "contains a control character (newline, tab, …)" : check2 ? check2(v) : null;
};
reader = function(sec2, base, problems) {
let known, bad2, at, report, r;

  known = [".name", ".type"];
  bad2 = {};
  at = {};
  report = (k, path, message) => {
    bad2[k] = true;
    push(problems, { path, message });
  };
  r = {
    str: (k, def, check2) => {
let v, e;

      push(known, k);
      v = sec2.options[k];
      if (v === null || v === null) return def;
      if (type(v) === "array") {
        report(k, `${base}.${k}`, "must be a single option, not a list");
        return def;
      }
      e = v === "" ? "is empty" : withControlCheck(check2)(v);
      if (e) {
        report(k, `${base}.${k}`, e);
        return def;
      }
      return v;
    },
    // The valid elements; `r.at(k)` has their positions in the option.
    // An empty element is an error, never "no condition": an empty domain
    // would otherwise turn a rule into "match everything".
    list: (k, check2) => {
let v, vals, out;

      push(known, k);
      at[k] = [];
      v = sec2.options[k] ?? null;
      if (v === null) return [];
      vals = type(v) === "array" ? v : filter(split(v, BLANKS), (x) => x !== "");
      if (!length(vals) && type(v) !== "array") vals = [v];
      out = [];
      for (let i = 0; i < length(vals); i++) {
        const e = trim(vals[i]) === "" ? "is empty" : withControlCheck(check2)(vals[i]);
        if (e) report(k, `${base}.${k}[${i}]`, e);
        else {
          push(out, vals[i]);
          push(at[k], i);
        }
      }
      return out;
    },
    at: (k) => at[k] ?? [],
    bad: (k) => !!bad2[k],
    bool: (k, def) => {
let v;

      v = r.str(k, null, badBool);
      return v === null ? def : bool(v);
    },
    int: (k, def, lo, hi) => r.num(k, def, (x) => badInt(x, lo, hi)),
    // a number whose grammar has its own validator (badPort, badMtu, …)
    num: (k, def, check2) => {
let v;

      v = r.str(k, null, check2);
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
let s2, r, maskText, g;

  s2 = sec2 ?? { type: "globals", name: "main", anonymous: false, options: {} };
  r = reader(s2, "globals", problems);
  maskText = r.str("mark_mask", DEFAULTS.mark_mask, badMarkMask);
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
  if (!r.bad("mark_mask")) checkMask(g.markMask, maskText, problems);
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
let base, r, ep, host, port, u;

  base = `upstream.${sec2.name}`;
  if (sec2.anonymous) push(problems, { path: base, message: "an upstream section needs a name (it names the interface)" });
  else {
    const e = badName(sec2.name, 12);
    if (e) push(problems, { path: base, message: e });
  }
  r = reader(sec2, base, problems);
  ep = r.str("endpoint", null, (v) => {
let p;

    p = parseEndpoint(v);
    return type(p) === "string" ? p : null;
  });
  host = "", port = 51820;
  if (ep === null) {
    if (!r.bad("endpoint")) push(problems, { path: `${base}.endpoint`, message: "is required (host:port)" });
  } else {
    const p = parseEndpoint(ep);
    host = p.host;
    port = p.port;
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
    mtu: r.num("mtu", null, badMtu),
    keepalive: r.num("keepalive", null, badKeepalive),
    dns: r.list("dns", badIpAddress),
    index: 0,
    mark: 0,
    table: 0
  };
  r.str("name", null, badLabel);
  r.unknown();
  if (u.privateKey === "" && !r.bad("private_key")) push(problems, { path: `${base}.private_key`, message: "is required" });
  if (u.publicKey === "" && !r.bad("public_key")) push(problems, { path: `${base}.public_key`, message: "is required" });
  if (!length(u.addresses) && !r.bad("address")) push(problems, { path: `${base}.address`, message: "needs at least one tunnel address" });
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
    listenPort: r.num("listen_port", int(DEFAULTS.listen_port), badPort),
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
    dns: r.list("dns", badIpAddress),
    mtu: r.num("mtu", null, badMtu)
  };
  r.unknown();
  if (s2.enabled && s2.privateKey === "" && !r.bad("private_key")) push(problems, { path: "server.private_key", message: "is required (make one with splitwg genkey, or in LuCI)" });
  if (s2.enabled && !length(s2.addresses) && !r.bad("address")) push(problems, { path: "server.address", message: "needs at least one address with its pool prefix (e.g. 10.77.0.1/24)" });
  return s2;
};
readRule = function(sec2, id, setBase, problems) {
let r, enabled, dest4, dest6, destSeen, protos, m, action, rule2;

  r = reader(sec2, id, problems);
  r.str("client", null);
  r.str("ruleset", null);
  enabled = r.bool("enabled", true);
  dest4 = [], dest6 = [];
  destSeen = {};
  r.list("dest", (v) => {
let p, x;

    p = parsePrefix(v);
    if (type(p) === "string") return p;
    x = p;
    if (!destSeen[x.text]) push(x.family === 4 ? dest4 : dest6, x);
    destSeen[x.text] = true;
    return null;
  });
  protos = r.list("proto", (v) => v === "all" || v === "any" || index(PROTOS, v) >= 0 ? null : `"${v}" is not a protocol (${join(" ", PROTOS)}, all)`);
  m = {
    domains: uniq(r.list("domain", badDomain)),
    dest4,
    dest6,
    protos: index(protos, "all") >= 0 || index(protos, "any") >= 0 ? [] : uniq(protos),
    ports: uniq(r.list("port", badPortRange)),
    startTime: r.str("start_time", null, badTime),
    stopTime: r.str("stop_time", null, badTime),
    weekdays: uniq(map(r.list("weekdays", (v) => weekday(v) < 0 ? `"${v}" is not a weekday (Mon … Sun)` : null), weekday))
  };
  action = r.str("action", "proxy", (v) => match(v, ACTION) ? null : `"${v}" is not an action (proxy, direct, block)`);
  rule2 = {
    id,
    setBase,
    name: r.str("name", "", badLabel),
    match: m,
    action,
    upstream: r.str("upstream", null, (v) => badName(v, 12))
  };
  r.unknown();
  if (m.startTime === null !== (m.stopTime === null) && !r.bad("start_time") && !r.bad("stop_time"))
    push(problems, { path: `${id}.${m.startTime === null ? "start_time" : "stop_time"}`, message: "a time window needs both start_time and stop_time" });
  else if (m.startTime !== null && m.startTime === m.stopTime)
    push(problems, { path: `${id}.stop_time`, message: 'equals start_time (an empty window); remove both for "always"' });
  if (length(m.ports)) {
    for (let i = 0; i < length(m.protos); i++)
      if (!match(m.protos[i], PORT_PROTO))
        push(problems, { path: `${id}.proto`, message: `ports need tcp, udp, sctp or udplite, not "${m.protos[i]}"` });
  }
  if (rule2.upstream !== null && action !== "proxy" && !r.bad("action"))
    push(problems, { path: `${id}.upstream`, message: `only a proxy rule takes an upstream (action is ${action})` });
  return enabled ? rule2 : null;
};
readClient = function(sec2, problems, g) {
let base, r, kind, srcs, srcAt, c;

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
  srcAt = r.at("address");
  c = {
    name: sec2.name,
    kind,
    enabled: r.bool("enabled", true),
    publicKey: r.str("public_key", null, badKey),
    privateKey: r.str("private_key", null, badKey),
    presharedKey: r.str("preshared_key", null, badKey),
    src4: [],
    src6: [],
    macs: uniq(map(r.list("mac", badMac), lc)),
    ifaces: uniq(r.list("interface", badIfname)),
    defaultAction: r.str("default", "direct", (v) => match(v, ACTION) ? null : `"${v}" is not an action (proxy, direct, block)`),
    upstream: r.str("upstream", null, (v) => badName(v, 12)),
    rulesets: r.list("ruleset", (v) => badName(v, 32)),
    dnsHijack: true,
    rules: []
  };
  c.dnsHijack = r.bool("dns_hijack", g.dnsHijack);
  r.str("name", null, badLabel);
  r.unknown();
  readSources(c, srcs, srcAt, problems);
  if (r.bad("kind")) {
  } else if (kind === "peer") {
    if (c.publicKey === null && !r.bad("public_key")) push(problems, { path: `${base}.public_key`, message: "is required for a peer" });
    if (!length(srcs) && !r.bad("address")) push(problems, { path: `${base}.address`, message: "a peer needs its tunnel address(es)" });
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
  if (length(upstreams) + 1 > maxValue && !reportedPaths(problems)["globals.mark_mask"])
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
clientChainName = function(client) {
  return `client_${client}`;
};
markChainName = function(upstream, pkt) {
  return `${upstream === null ? "mark_direct" : "up_" + upstream}${pkt ? "_pkt" : ""}`;
};
rule = function(expr, verdict, target, comment2, o) {
  return { expr, counter: o ? o.counter === true : false, verdict, target, comment: comment2, sets: o && o.sets ? o.sets : [], ref: o && o.ref ? o.ref : null };
};
chain = function(name, rules, o) {
  return { name, base: o && o.base ? o.base : null, why: o && o.why ? o.why : null, note: o && o.note ? o.note : null, client: o && o.client ? o.client : null, rules };
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
setOf = function(s2, timeout) {
let el;

  el = s2.kind === "net" ? texts(s2.family === 4 ? s2.rule.match.dest4 : s2.rule.match.dest6) : null;
  return { name: s2.name, family: s2.family, kind: s2.kind, timeout: s2.kind === "domain" ? timeout : 0, elements: el, why: s2.why, key: s2.key };
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
decision = function(cfg, c, r, pkt) {
let v, up, ref;

  v = verdictOf(cfg, c, r);
  up = v.action === "proxy" ? v.upstream.name : null;
  ref = { count: r ? "rule" : "default", client: c.name, rule: r ? r.id : null, path: v.action, upstream: up };
  if (v.action === "block") return { verdict: "drop", target: null, ref };
  return { verdict: "goto", target: markChainName(up, pkt), ref };
};
clientRules = function(cfg, c, dp) {
let ipv6, out, timed, dv, d;

  ipv6 = cfg.globals.ipv6;
  out = [];
  timed = timedFrom(c);
  for (let i = 0; i < length(c.rules); i++) {
    const r = c.rules[i];
    const v = verdictOf(cfg, c, r);
    const note = v.note ? `, ${v.note}` : "";
    const tail = `${protoMatch(r)}`;
    const dests = [];
    const sets = ruleSets(r, ipv6, dp);
    for (let j = 0; j < length(sets); j++)
      push(dests, { expr: `${sets[j].family === 4 ? "ip" : "ip6"} daddr @${sets[j].name}`, sets: [sets[j].name] });
    const onlyAddrs = length(r.match.domains) === 0 && (length(r.match.dest4) > 0 || length(r.match.dest6) > 0);
    if (!length(dests)) {
      if (onlyAddrs) continue;
      push(dests, { expr: ipv6 ? "" : "meta nfproto ipv4", sets: [] });
    }
    const time = timeMatch(r);
    const d2 = decision(cfg, c, r, i >= timed);
    const why2 = `${r.id}: ${r.action}${r.action === "proxy" ? " via " + (v.wanted ?? "") : ""}${note}`;
    for (let k = 0; k < length(dests); k++)
      push(out, rule(trim(`${dests[k].expr}${tail}${time}`), d2.verdict, d2.target, why2, { counter: true, sets: dests[k].sets, ref: d2.ref }));
  }
  dv = verdictOf(cfg, c, null);
  d = decision(cfg, c, null, timed < length(c.rules));
  push(out, rule("", d.verdict, d.target, `client ${c.name} default: ${c.defaultAction}${dv.note ? ", " + dv.note : ""}`, { counter: true, ref: d.ref }));
  return out;
};
markChain = function(name, value, mask, why2, pkt) {
let keep, rules;

  keep = markHex(4294967295 - mask);
  rules = [rule(`meta mark set meta mark and ${keep} or ${markHex(value)}`, "", null, null)];
  if (!pkt) push(rules, rule(`ct mark set ct mark and ${keep} or ${markHex(value)}`, "", null, null));
  return chain(name, rules, { why: why2 });
};
identityKeys = function(c, kind, ipv6) {
  if (kind === "a4") return texts(c.src4);
  if (kind === "a6") return ipv6 ? texts(c.src6) : [];
  return kind === "mac" ? c.macs : c.ifaces;
};
identityMaps = function(stem, why2, clients, ipv6, verdict) {
  return map(MAP_KINDS, (k, i) => {
let el;

    el = [];
    for (let j = 0; j < length(clients); j++) {
      const v = verdict(clients[j]);
      const ks = identityKeys(clients[j], k.kind, ipv6);
      for (let n = 0; n < length(ks); n++) push(el, { key: ks[n], verdict: v.verdict, target: v.target });
    }
    return { name: `${stem}${k.suffix}`, keyType: k.keyType, interval: k.interval, why: i === 0 ? why2 : null, elements: el };
  });
};
identityLookups = function(stem, ipv6) {
  return map(filter(MAP_KINDS, (k) => ipv6 || k.kind !== "a6"), (k) => rule(`${!ipv6 && (k.kind === "mac" || k.kind === "iif") ? "meta nfproto ipv4 " : ""}${k.match} vmap @${stem}${k.suffix}`, "", null, null));
};
localReturns = function(ipv6, self) {
let why2, out;

  why2 = "to a local network: routed by the main table";
  out = [
    rule(`fib daddr type ${self}`, "return", null, "to the router itself"),
    rule(`ip daddr @${NFT.local4}`, "return", null, why2, { sets: [NFT.local4] })
  ];
  if (ipv6) push(out, rule(`ip6 daddr @${NFT.local6}`, "return", null, why2, { sets: [NFT.local6] }));
  return out;
};
counted = function(count) {
  return { ...noRef, count };
};
nftModel = function(cfg, version, dp, local) {
let domains, g, mask, clients, ups, direct2, nets, sets, maps, restore, chains, marks;

  domains = dp ?? domainPlan(cfg);
  g = cfg.globals;
  mask = g.markMask;
  clients = filter(cfg.clients, (c) => c.enabled);
  ups = filter(cfg.upstreams, (u) => u.enabled);
  direct2 = directMark(mask);
  nets = localNetworks(cfg, local ?? null);
  sets = [
    { name: NFT.local4, family: 4, kind: "local", timeout: 0, elements: texts(filter(nets, (p) => p.family === 4)), why: "the router's local networks: routed by the main table, never classified", key: "" },
    { name: NFT.local6, family: 6, kind: "local", timeout: 0, elements: texts(filter(nets, (p) => p.family === 6)), why: null, key: "" },
    ...map(planSets(cfg, domains), (s2) => setOf(s2, g.setTimeout))
  ];
  maps = [
    ...identityMaps(NFT.clientMaps, "source → client chain", clients, g.ipv6, (c) => ({ key: "", verdict: "goto", target: clientChainName(c.name) })),
    ...identityMaps(
      NFT.hijackMaps,
      "source → DNS hijacked (goto dns_hijack) or not (return)",
      clients,
      g.ipv6,
      (c) => c.dnsHijack ? { key: "", verdict: "goto", target: NFT.dnsHijack } : { key: "", verdict: "return", target: null }
    )
  ];
  restore = [`${markHex(direct2)} : goto ${markChainName(null, false)}`, ...map(ups, (u) => `${markHex(u.mark)} : goto ${markChainName(u.name, false)}`)];
  chains = [chain(NFT.prerouting, [
    rule(`ct direction original ct mark and ${markHex(mask)} vmap { ${join(", ", restore)} }`, "", null, "connection already decided"),
    rule(`ct direction reply meta mark set meta mark and ${markHex(4294967295 - mask)} or ${markHex(direct2)}`, "return", null, "replies follow their connection (a port forward to a client stays on WAN); marked direct, past the routing kill switch"),
    rule(`meta mark and ${markHex(mask)} != 0`, "return", null, "marked before us"),
    ...localReturns(g.ipv6, "{ local, broadcast, multicast }"),
    ...identityLookups(NFT.clientMaps, g.ipv6)
  ], { base: "type filter hook prerouting priority mangle; policy accept;" })];
  push(chains, markChain(markChainName(null, false), direct2, mask, "decided: direct", false));
  for (let i = 0; i < length(ups); i++)
    push(chains, markChain(markChainName(ups[i].name, false), ups[i].mark, mask, `upstream ${ups[i].name} → ${ups[i].iface}, table ${ups[i].table}`, false));
  if (length(filter(clients, (c) => timedFrom(c) < length(c.rules)))) {
    push(chains, markChain(markChainName(null, true), direct2, mask, "this packet: direct (a time window decides again on the next)", true));
    for (let i = 0; i < length(ups); i++)
      push(chains, markChain(markChainName(ups[i].name, true), ups[i].mark, mask, `this packet: upstream ${ups[i].name}`, true));
  }
  for (let i = 0; i < length(clients); i++) {
    const c = clients[i];
    const t = timedFrom(c);
    const pkt = t < length(c.rules) ? `; decided per packet from ${c.rules[t].id} on (time window)` : "";
    push(chains, chain(
      clientChainName(c.name),
      clientRules(cfg, c, domains),
      { note: `client ${c.name} (${c.kind}): ${length(c.rules)} rule(s), default ${c.defaultAction}${pkt}`, client: c.name }
    ));
  }
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
  marks = `marks (mask ${markHex(mask)}): ${markHex(direct2)} direct${join("", map(ups, (u) => `, ${markHex(u.mark)} ${u.name} (table ${u.table})`))}`;
  return { version, marks, sets, maps, chains };
};
tableObjects = function(t) {
  return { sets: map(t.sets, (s2) => s2.name), maps: map(t.maps, (m) => m.name), chains: map(t.chains, (c) => c.name) };
};
tableState = function(t) {
let counted2;

  counted2 = {};
  for (let i = 0; i < length(t.chains); i++) {
    const c = t.chains[i];
    if (length(filter(c.rules, (r) => r.ref !== null))) counted2[c.name] = map(c.rules, (r) => r.ref);
  }
  return {
    objects: tableObjects(t),
    filled: map(t.maps, (m) => ({ kind: "map", name: m.name, elements: map(m.elements, (e) => `${e.key} : ${e.verdict === "goto" ? "goto " + e.target : e.verdict}`) })),
    counted: counted2
  };
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
why = function(w) {
  return w === null ? "" : `${T}# ${w}`;
};
setSpec = function(s2) {
let t;

  t = s2.family === 4 ? "ipv4_addr" : "ipv6_addr";
  if (s2.kind === "domain") return `type ${t}; ${s2.timeout > 0 ? `flags timeout; timeout ${s2.timeout}s;` : ""}`;
  return `type ${t}; flags interval; auto-merge;`;
};
printSet = function(s2) {
  return `${T}set ${s2.name} {${why(s2.why)}
${T}${T}${setSpec(s2)}${elements(s2.elements ?? [])}
${T}}`;
};
mapSpec = function(m) {
  return `type ${m.keyType} : verdict;${m.interval ? " flags interval;" : ""}`;
};
verdictText = function(verdict, target) {
  if (verdict === "goto") return `goto ${target}`;
  if (verdict === "redirect") return `redirect to ${target}`;
  return verdict;
};
elementText = function(m, e) {
  return `${m.keyType === "ifname" ? `"${e.key}"` : e.key} : ${verdictText(e.verdict, e.target)}`;
};
printMap = function(m) {
  return `${T}map ${m.name} {${why(m.why)}
${T}${T}${mapSpec(m)}${elements(map(m.elements, (e) => elementText(m, e)))}
${T}}`;
};
printRule = function(r) {
let parts;

  parts = filter([r.expr, r.counter ? "counter" : "", verdictText(r.verdict, r.target), r.comment === null ? "" : comment(r.comment)], (p) => p !== "");
  return `${T}${T}${join(" ", parts)}
`;
};
printChain = function(c) {
  return `${c.note === null ? "" : `${T}# ${c.note}
`}${T}chain ${c.name} {${why(c.why)}
${c.base === null ? "" : `${T}${T}${c.base}
`}${join("", map(c.rules, printRule))}${T}}`;
};
refill = function(t) {
let sets, decls, tbl;

  sets = filter(t.sets, (s2) => s2.elements !== null);
  if (!length(sets) && !length(t.maps)) return [];
  decls = [
    ...map(filter(t.chains, (c) => c.base === null), (c) => `${T}chain ${c.name} {}`),
    ...map(sets, (s2) => `${T}set ${s2.name} { ${setSpec(s2)} }`),
    ...map(t.maps, (m) => `${T}map ${m.name} { ${mapSpec(m)} }`)
  ];
  tbl = `${NFT.family} ${NFT.table}`;
  return [
    `table ${tbl} {
${join("\n", decls)}
}`,
    ...map(sets, (s2) => `flush set ${tbl} ${s2.name}`),
    ...map(t.maps, (m) => `flush map ${tbl} ${m.name}`)
  ];
};
printNft = function(t) {
let tbl, out;

  tbl = `${NFT.family} ${NFT.table}`;
  out = [
    `# Generated by splitwg ${t.version} from /etc/config/splitwg — do not edit; run \`splitwg plan\` to see it.`,
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
  return join("\n", out) + "\n";
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
emptyPlan = function(mask) {
let m;

  m = mask ?? null;
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
    sets: []
  };
};
compile = function(cfg, opts) {
let g, dp, table;

  g = cfg.globals;
  if (!g.enabled) return emptyPlan(g.markMask);
  dp = domainPlan(cfg);
  table = nftModel(cfg, VERSION, dp, opts ? opts.local : null);
  return {
    version: VERSION,
    enabled: true,
    table,
    nft: printNft(table),
    dnsmasq: renderDnsmasq(cfg, VERSION, dp),
    nftsets: length(dp.lines),
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
let v, pkt, why2, mark;

    v = verdictOf(cfg, cl, r, q.down ?? []);
    pkt = i >= timed && timed < length(cl.rules) ? `; decided per packet: follows the time window of ${cl.rules[timed].id}` : "";
    why2 = `${found}${pkt}`;
    if (v.upstream !== null && !carriesFamily(v.upstream, f)) {
      const fw = `upstream ${v.wanted} has no IPv${f} address: its table only has an unreachable route`;
      return { x: { client: cl.name, action: "block", upstream: null, iface: null, mark: null, rule: r ? r.id : null, reason: `${why2}; ${fw}` }, famWhy: fw };
    }
    mark = v.action === "block" ? null : markHex(v.upstream ? v.upstream.mark : directMark(cfg.globals.markMask));
    return { x: {
      client: cl.name,
      action: v.action,
      upstream: v.action === "proxy" ? v.wanted : null,
      iface: v.action === "proxy" ? v.upstream.iface : null,
      mark,
      rule: r ? r.id : null,
      reason: v.note ? `${why2}; ${v.note}` : why2
    }, famWhy: null };
  };
  unclassified = (why2) => ({ x: direct(cl, why2), famWhy: why2 });
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
    const why2 = sideConditions(r, q, day, min);
    if (why2) {
      push(skipped, `${r.id}: ${why2}`);
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
stale = function(live, want) {
let lines, kinds, lists, wanted;

  lines = [];
  kinds = ["set", "map", "chain"];
  lists = [live.sets, live.maps, live.chains];
  wanted = [want.sets, want.maps, want.chains];
  for (let k = 0; k < 3; k++) {
    const has = {};
    for (let i = 0; i < length(wanted[k]); i++) has[wanted[k][i]] = true;
    for (let i = 0; i < length(lists[k]); i++)
      if (!has[lists[k][i]]) push(lines, `delete ${kinds[k]} inet splitwg ${lists[k][i]}`);
  }
  return lines;
};
nftTransition = function(prev, next, deletesOnly, live, want) {
let lines, now;

  lines = live && want ? stale(live, want) : [];
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

// src/core/config.ts
CONTROL2 = /[[:cntrl:]]/;
BLANKS = /[ \t]+/;
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

// src/core/domains.ts
LINE_MAX = 1e3;

// src/core/nft.ts
NFT = {
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

MAP_KINDS = [
  { kind: "a4", suffix: "4", keyType: "ipv4_addr", interval: true, match: "ip saddr" },
  { kind: "a6", suffix: "6", keyType: "ipv6_addr", interval: true, match: "ip6 saddr" },
  { kind: "mac", suffix: "_mac", keyType: "ether_addr", interval: false, match: "ether saddr" },
  { kind: "iif", suffix: "_iif", keyType: "ifname", interval: false, match: "iifname" }
];

noRef = { count: "rule", client: null, rule: null, path: null, upstream: null };

// src/core/nftprint.ts
T = "	";
COMMENT_MAX = 128;

// src/core/dnsmasq.ts

// src/core/netifd.ts
OWNED = "splitwg_owned";
ZONE_UP = "splitwg";
ZONE_RW = "splitwg_rw";

// src/core/plan.ts

SECRET = ["private_key", "preshared_key"];

// src/core/explain.ts
BLANKS2 = /[ \t]+/;

// src/core/query.ts
BLANKS3 = /[ \t]+/;
CONTROL3 = /[\x01-\x1f\x7f]/;
PORT_PROTOS = ["tcp", "udp", "sctp", "udplite"];

// src/core/transition.ts

export {
  DEFAULTS,
  NFT,
  OWNED,
  VERSION,
  check,
  clientChainName,
  compile,
  emptyPlan,
  explain,
  explainQuery,
  markChainName,
  nftTransition,
  parseAddress,
  parseInterfaceAddress,
  parsePrefix,
  parseUci,
  plan,
  prefixContains,
  prefixesOverlap,
  printNft,
  readConfig,
  redactedPlan,
  renderUci,
  tableObjects,
  tableState
};
