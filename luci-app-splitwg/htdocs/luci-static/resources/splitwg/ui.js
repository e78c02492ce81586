'use strict';
'require baseclass';
'require splitwg.core as swcore';
'require rpc';
'require form';
'require ui';
'require uci';
'require dom';
// Generated from src/luci/_*.ts by `npm run build` — edit the TypeScript, not this file.

const arrtoip = swcore.arrtoip, MESSAGES = swcore.MESSAGES, fill = swcore.fill, format = swcore.format, parseAddress = swcore.parseAddress, badListFile = swcore.badListFile, LIST_DIR = swcore.LIST_DIR, parseInterfaceAddress = swcore.parseInterfaceAddress, parsePrefix = swcore.parsePrefix, prefixContains = swcore.prefixContains, isMsg = swcore.isMsg, badDomain = swcore.badDomain, parsePrefix2 = swcore.parsePrefix, SCHEMA = swcore.SCHEMA, isMsg2 = swcore.isMsg, badBool = swcore.badBool, badDomain2 = swcore.badDomain, badLabel = swcore.badLabel, badName = swcore.badName, badPortRange = swcore.badPortRange, badTime = swcore.badTime, bool = swcore.bool, weekday = swcore.weekday, PROTOS = swcore.PROTOS, parsePrefix3 = swcore.parsePrefix, isMsg3 = swcore.isMsg, coreMsg = swcore.msg, checkOf = swcore.checkOf, SCHEMA2 = swcore.SCHEMA, badName2 = swcore.badName, check = swcore.check, age = swcore.age, coreBytes = swcore.fmtBytes, badName3 = swcore.badName, ZIP_ENTRIES = swcore.ZIP_ENTRIES, CONF_BYTES = swcore.CONF_BYTES, isConfEntry = swcore.isConfEntry, uniqueNames = swcore.uniqueNames, coreMsg2 = swcore.msg;
// node_modules/.cache/splitwg/ucode-builtins.mjs

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
function isCore(x) {
  return x !== null && typeof x === "object" && typeof x.id === "string" && Array.isArray(x.args);
}
function trCore(m, translate) {
  if (typeof m === "string") return m;
  if (!isCore(m) || !Object.prototype.hasOwnProperty.call(MESSAGES, m.id))
    return m.message ?? (isCore(m) ? format(m) : "");
  const args = m.args;
  const template = MESSAGES[m.id];
  return fill(translate ? translate(template) : template, args.length, (i) => {
    const a = args[i];
    return isCore(a) ? trCore(a, translate) : String(a);
  });
}
function say(t2, translate) {
  return isCore(t2) ? trCore(t2, translate) : tr(t2, translate);
}
function statusWarnings(st, translate) {
  const ms = st.warning_messages;
  if (!Array.isArray(ms) || ms.length !== st.warnings.length) return st.warnings;
  return ms.map((m) => trCore(m, translate));
}

// src/luci/_doctor.ts
var LIST_MAX = 8;
function str(v) {
  return v == null ? "?" : String(v);
}
function list(v, t2) {
  const a = Array.isArray(v) ? v : v == null ? [] : [v];
  if (!a.length) return t2(N_("none"));
  const shown = a.slice(0, LIST_MAX).map(str).join(", ");
  return a.length > LIST_MAX ? `${shown} … (+${a.length - LIST_MAX})` : shown;
}
var APPLY = () => msg(N_("run splitwg apply on the router"));
var WORDS = {
  uncommitted: (a) => ({
    what: msg(N_("/etc/config/%s has %s uncommitted change(s) (uci changes %s): apply refuses to commit them."), str(a.config), str(a.changes), str(a.config)),
    fix: msg(N_("uci commit %s (or uci revert %s), then splitwg apply"), str(a.config), str(a.config))
  }),
  config_invalid: (a, f, t2) => ({
    what: msg(N_("The configuration has %s problem(s), the first in %s: %s"), str(a.problems), str(f.path), trCore({ id: a.first_id, args: a.first_args, message: str(a.first) }, t2)),
    fix: msg(N_("correct it (splitwg check lists every problem), then Save & Apply"))
  }),
  not_applied: (a) => ({
    what: a.stopped ? msg(N_("splitwg is stopped: nothing is installed although the configuration is enabled.")) : msg(N_("splitwg has not been applied since boot.")),
    fix: APPLY()
  }),
  last_apply_failed: (a, _f, t2) => ({
    what: msg(N_("The last apply failed (%s); the previous state is in force."), trCore({ id: a.message_id, args: a.message_args, message: str(a.message) }, t2)),
    fix: msg(N_("correct the cause, then run splitwg apply"))
  }),
  config_changed: () => ({
    what: msg(N_("/etc/config/splitwg changed since the last apply: the running rules are the old ones.")),
    fix: APPLY()
  }),
  table_missing: (a, _f, t2) => ({
    what: Array.isArray(a.unguarded) && a.unguarded.length ? msg(N_("Table inet splitwg is missing: the firewall was stopped or flushed. %s (identified by MAC or interface only) now leave direct."), list(a.unguarded, t2)) : msg(N_("Table inet splitwg is missing: the firewall was stopped or flushed.")),
    fix: msg(N_("run splitwg apply on the router (or /etc/init.d/firewall start)"))
  }),
  table_file_missing: (a) => ({
    what: msg(N_("%s is missing: the next firewall reload will not re-create table inet splitwg."), str(a.file)),
    fix: APPLY()
  }),
  table_file_changed: (a) => ({
    what: msg(N_("%s was changed after the last apply."), str(a.file)),
    fix: APPLY()
  }),
  table_differs: (a, _f, t2) => ({
    what: msg(N_("Table inet splitwg differs from the applied plan (missing: %s; not in the plan: %s): changed by hand, or another version loaded it."), list(a.missing, t2), list(a.extra, t2)),
    fix: APPLY()
  }),
  stray_elements: (a, _f, t2) => ({
    what: msg(N_("%s %s holds %s, which the configuration does not have."), str(a.kind), str(a.name), list(a.elements, t2)),
    fix: APPLY()
  }),
  missing_elements: (a, _f, t2) => ({
    what: msg(N_("%s %s lacks %s from the configuration."), str(a.kind), str(a.name), list(a.elements, t2)),
    fix: APPLY()
  }),
  rule_missing: (a, f) => ({
    what: msg(N_("The IPv%s policy routing rule of %s (priority %s) is missing: deleted by hand, or netifd did not install it."), str(a.family), str(f.path), str(a.priority)),
    fix: msg(N_("run splitwg apply on the router (it puts the rule back; a network reload does not)"))
  }),
  route_missing: (a, f) => ({
    what: msg(N_("The %s default route of %s in table %s is missing (IPv%s)."), str(a.type), str(f.path), str(a.table), str(a.family)),
    fix: msg(N_("run splitwg apply on the router (it puts the route back)"))
  }),
  tunnel_down: (a) => ({
    what: a.kill_switch ? msg(N_("Upstream %s: interface %s is down: its traffic is blocked (kill switch)."), str(a.upstream), str(a.iface)) : msg(N_("Upstream %s: interface %s is down: its traffic goes direct."), str(a.upstream), str(a.iface)),
    fix: msg(N_("ifup %s; the reason is in the system log (logread -e netifd)"), str(a.iface))
  }),
  no_handshake: (a) => ({
    what: a.age == null ? msg(N_("Upstream %s: %s is up but has never completed a handshake: the provider does not answer."), str(a.upstream), str(a.iface)) : msg(N_("Upstream %s: %s is up but has had no handshake for %s minutes: the provider does not answer."), str(a.upstream), str(a.iface), String(Math.floor(Number(a.age) / 60))),
    fix: msg(N_("check its endpoint, keys and the WAN; ifup %s"), str(a.iface))
  }),
  dnsmasq_no_nftset: (a) => a.installed ? {
    what: msg(N_("dnsmasq was built without nftset: domain rules have no effect.")),
    fix: msg(N_("opkg remove dnsmasq && opkg install dnsmasq-full, then splitwg apply"))
  } : {
    what: msg(N_("dnsmasq is not installed: domain rules have no effect.")),
    fix: msg(N_("opkg install dnsmasq-full, then splitwg apply"))
  },
  dnsmasq_file_missing: (a) => ({
    what: a.differs ? msg(N_("dnsmasq reads %s, but splitwg's domain entries there are not the applied ones: domain rules have no effect."), str(a.dir)) : msg(N_("dnsmasq reads %s, but splitwg's domain entries are not there: domain rules have no effect."), str(a.dir)),
    fix: msg(N_("run splitwg apply on the router (it writes %s and restarts dnsmasq)"), str(a.file))
  }),
  ipv6_unclassified: () => ({
    what: msg(N_("IPv6 forwarding is on but IPv6 classification (globals.ipv6) is off: the clients' IPv6 traffic is not classified and leaves direct, also to proxied destinations.")),
    fix: msg(N_("turn on IPv6 in the global settings below and Save & Apply (or turn IPv6 off on the LAN)"))
  }),
  client_ipv4_only: (a) => ({
    what: msg(N_("Client %s is identified by IPv4 addresses only, but the router forwards IPv6: its IPv6 traffic is not classified and leaves direct."), str(a.client)),
    fix: msg(N_("add its IPv6 address(es) or MAC to client %s (Server & clients), then Save & Apply"), str(a.client))
  })
};
function doctorFindingIds() {
  return Object.keys(WORDS);
}
function unknownWords(f) {
  let args = "";
  try {
    args = JSON.stringify(f.args ?? {});
  } catch (e) {
    args = String(f.args);
  }
  return {
    what: msg(N_("%s (not described by this version of the web interface): %s"), f.path ? `${f.id} (${f.path})` : String(f.id), args),
    fix: msg(N_("see splitwg doctor on the router"))
  };
}
function findingWords(f, translate) {
  const w = Object.prototype.hasOwnProperty.call(WORDS, f.id) ? WORDS[f.id] : null;
  const a = f.args && typeof f.args === "object" ? f.args : {};
  return w ? w(a, f, translate ?? ((s) => s)) : unknownWords(f);
}
function doctorLines(findings, translate) {
  return findings.map((f) => {
    const w = findingWords(f, translate);
    return { id: String(f.id), what: tr(w.what, translate), fix: tr(w.fix, translate) };
  });
}

// src/luci/_groups.ts
function memberList(g) {
  return g.members.join(g.mode === "balance" ? ", " : " → ");
}
function groupLabel(g) {
  return g.mode === "balance" ? msg(N_("%s (balance group: %s)"), g.name, memberList(g)) : msg(N_("%s (failover group: %s)"), g.name, memberList(g));
}
function groupRoute(x) {
  if (!x.group) return null;
  const ms = x.members ?? [];
  if (!ms.length) return msg(N_("group %s: no member is up"), x.group);
  if (x.upstream !== null && x.upstream !== x.group) return msg(N_("via group %s → %s"), x.group, x.upstream);
  return msg(N_("group %s, spread over %s"), x.group, ms.join(", "));
}
function healthOf(u) {
  const h = u.health;
  if (!h || typeof h !== "object") return null;
  if (h.state === "up" || h.state === "down") return h;
  return typeof h.up === "boolean" ? { ...h, state: h.up ? "up" : "down" } : null;
}
function groupsOf(st) {
  const gs = st.groups;
  return Array.isArray(gs) ? gs.filter((g) => g && typeof g === "object" && typeof g.name === "string" && Array.isArray(g.members)).map((g) => ({ name: g.name, mode: String(g.mode ?? "failover"), members: g.members, active: Array.isArray(g.active) ? g.active : [] })) : [];
}

// src/luci/_hosts.ts

function canonical(a) {
  const p = parseAddress(a);
  return p ? arrtoip(p.bytes) : null;
}
function linkLocal(bytes) {
  return bytes.length === 4 ? bytes[0] === 169 && bytes[1] === 254 : bytes[0] === 254 && (bytes[1] & 192) === 128;
}
function lanHosts(hints, devices) {
  const ownMacs = [], ownAddrs = [];
  for (const name of Object.keys(devices)) {
    const d = devices[name] || {};
    if (d.mac) ownMacs.push(d.mac.toLowerCase());
    for (const a of (d.ipaddrs ?? []).concat(d.ip6addrs ?? [])) {
      const c = a && typeof a.address === "string" ? canonical(a.address) : null;
      if (c) ownAddrs.push(c);
    }
  }
  const out = [];
  for (const key of Object.keys(hints)) {
    const mac = key.toLowerCase(), h = hints[key] || {};
    if (ownMacs.indexOf(mac) >= 0) continue;
    const addresses = [];
    const given = (h.ipaddrs ?? (h.ipv4 ? [h.ipv4] : [])).concat(h.ip6addrs ?? (h.ipv6 ? [h.ipv6] : []));
    for (const a of given) {
      const p = parseAddress(a);
      if (!p || linkLocal(p.bytes)) continue;
      const c = arrtoip(p.bytes);
      if (ownAddrs.indexOf(c) < 0 && addresses.indexOf(c) < 0) addresses.push(c);
    }
    out.push({ mac, name: h.name || null, addresses });
  }
  return out.sort((a, b) => a.mac < b.mac ? -1 : a.mac > b.mac ? 1 : 0);
}

// src/luci/_lists.ts

function listCount(f) {
  if (!f.ok) return msg(N_("cannot be read"));
  const errs = f.problems.length + f.more;
  if (errs) return msg(N_("%d lines in error"), errs);
  return msg(N_("%d entries: %d domains, %d IPv4, %d IPv6"), f.entries, f.domains, f.v4, f.v6);
}
function subscriptionCount(f) {
  if (!f || !f.ok) return msg(N_("not fetched yet"));
  return listCount(f);
}
function findList(reply, value) {
  if (!reply) return null;
  const path = value.charAt(0) === "/" ? value : `${reply.dir}/${value}`;
  for (const f of reply.files) if (f.path === path) return f;
  return null;
}
function listsSummary(values, reply) {
  if (!values.length) return null;
  const parts = values.slice(0, 3).map((v) => {
    const f = findList(reply, v);
    return `${v} (${f && f.ok ? f.entries : "?"})`;
  });
  return msg(N_("lists %s"), parts.join(", ") + (values.length > 3 ? ` +${values.length - 3}` : ""));
}
function badUploadName(name) {
  if (name === "") return msg(N_("Give the file a name"));
  if (name.indexOf("/") >= 0) return msg(N_('A name without "/": the file goes to %s'), LIST_DIR);
  return badListFile(name);
}

// src/luci/_peer.ts

// src/luci/_qr.ts
var EC_PER_BLOCK = [
  10,
  16,
  26,
  18,
  24,
  16,
  18,
  22,
  22,
  26,
  30,
  22,
  22,
  24,
  24,
  28,
  28,
  26,
  26,
  26,
  26,
  28,
  28,
  28,
  28,
  28,
  28,
  28,
  28,
  28,
  28,
  28,
  28,
  28,
  28,
  28,
  28,
  28,
  28,
  28
];
var BLOCKS = [
  1,
  1,
  1,
  2,
  2,
  4,
  4,
  4,
  5,
  5,
  5,
  8,
  9,
  9,
  10,
  10,
  11,
  13,
  14,
  16,
  17,
  17,
  18,
  20,
  21,
  23,
  25,
  26,
  28,
  29,
  31,
  33,
  35,
  37,
  38,
  40,
  43,
  45,
  47,
  49
];
var MAX_VERSION = 40;
var EXP = [];
var LOG = [];
for (let i = 0, x = 1; i < 255; i++) {
  EXP[i] = x;
  LOG[x] = i;
  x = x << 1 ^ (x & 128 ? 285 : 0);
}
function gfMul(a, b) {
  return a && b ? EXP[(LOG[a] + LOG[b]) % 255] : 0;
}
function rsGenerator(n) {
  let g = [1];
  for (let i = 0; i < n; i++) {
    const next = g.concat([0]);
    for (let j = 0; j < g.length; j++) next[j + 1] ^= gfMul(g[j], EXP[i]);
    g = next;
  }
  return g;
}
function rsRemainder(data, gen) {
  const rem = gen.slice(1).map(() => 0);
  for (const b of data) {
    const f = b ^ rem[0];
    rem.shift();
    rem.push(0);
    for (let j = 0; j < rem.length; j++) rem[j] ^= gfMul(gen[j + 1], f);
  }
  return rem;
}
function set(g, x, y, dark) {
  g.dark[y * g.size + x] = dark;
  g.fixed[y * g.size + x] = true;
}
function alignmentPositions(version) {
  if (version === 1) return [];
  const n = Math.floor(version / 7) + 2, last = version * 4 + 10;
  const step = version === 32 ? 26 : Math.ceil((version * 4 + 4) / (n * 2 - 2)) * 2;
  const out = [6];
  for (let i = n - 2; i >= 0; i--) out.push(last - i * step);
  return out;
}
function versionBits(version) {
  let r = version;
  for (let i = 0; i < 12; i++) r = r << 1 ^ (r >> 11) * 7973;
  return version << 12 | r;
}
function formatBits(mask) {
  let r = mask;
  for (let i = 0; i < 10; i++) r = r << 1 ^ (r >> 9) * 1335;
  return (mask << 10 | r) ^ 21522;
}
function drawFormat(g, mask) {
  const f = formatBits(mask), n = g.size;
  const bit = (i) => (f >> i & 1) === 1;
  for (let i = 0; i < 6; i++) set(g, 8, i, bit(i));
  set(g, 8, 7, bit(6));
  set(g, 8, 8, bit(7));
  set(g, 7, 8, bit(8));
  for (let i = 9; i < 15; i++) set(g, 14 - i, 8, bit(i));
  for (let i = 0; i < 8; i++) set(g, n - 1 - i, 8, bit(i));
  for (let i = 8; i < 15; i++) set(g, 8, n - 15 + i, bit(i));
  set(g, 8, n - 8, true);
}
function functionPatterns(version) {
  const size = version * 4 + 17;
  const g = { size, dark: [], fixed: [] };
  for (let i = 0; i < size * size; i++) {
    g.dark.push(false);
    g.fixed.push(false);
  }
  for (const c of [[0, 0], [size - 7, 0], [0, size - 7]]) {
    for (let dy = -1; dy <= 7; dy++) for (let dx = -1; dx <= 7; dx++) {
      const x = c[0] + dx, y = c[1] + dy;
      if (x < 0 || y < 0 || x >= size || y >= size) continue;
      const ring = Math.max(Math.abs(dx - 3), Math.abs(dy - 3));
      set(g, x, y, ring !== 2 && ring !== 4);
    }
  }
  for (let i = 8; i < size - 8; i++) {
    set(g, i, 6, i % 2 === 0);
    set(g, 6, i, i % 2 === 0);
  }
  const al = alignmentPositions(version);
  const last = al[al.length - 1];
  for (const ax of al) for (const ay of al) {
    if (ax === 6 && (ay === 6 || ay === last) || ax === last && ay === 6) continue;
    for (let dy = -2; dy <= 2; dy++) for (let dx = -2; dx <= 2; dx++)
      set(g, ax + dx, ay + dy, Math.max(Math.abs(dx), Math.abs(dy)) !== 1);
  }
  drawFormat(g, 0);
  if (version >= 7) {
    const v = versionBits(version);
    for (let i = 0; i < 18; i++) {
      const d = (v >> i & 1) === 1, a = size - 11 + i % 3, b = Math.floor(i / 3);
      set(g, a, b, d);
      set(g, b, a, d);
    }
  }
  return g;
}
function dataCodewords(version) {
  const g = functionPatterns(version);
  const total = Math.floor(g.fixed.filter((f) => !f).length / 8);
  return total - EC_PER_BLOCK[version - 1] * BLOCKS[version - 1];
}
function countBits(version) {
  return version < 10 ? 8 : 16;
}
function qrCapacity(version) {
  return Math.floor((dataCodewords(version) * 8 - 4 - countBits(version)) / 8);
}
var QR_MAX_BYTES = 2331;
function utf8(s) {
  const out = [];
  for (let i = 0; i < s.length; i++) {
    let c = s.charCodeAt(i);
    if (c >= 55296 && c < 56320 && i + 1 < s.length) c = 65536 + (c - 55296 << 10) + (s.charCodeAt(++i) - 56320);
    if (c < 128) out.push(c);
    else if (c < 2048) out.push(192 | c >> 6, 128 | c & 63);
    else if (c < 65536) out.push(224 | c >> 12, 128 | c >> 6 & 63, 128 | c & 63);
    else out.push(240 | c >> 18, 128 | c >> 12 & 63, 128 | c >> 6 & 63, 128 | c & 63);
  }
  return out;
}
function codewords(data, version) {
  const cap = dataCodewords(version);
  const bits = [];
  const put = (v, n) => {
    for (let i = n - 1; i >= 0; i--) bits.push(v >>> i & 1);
  };
  put(4, 4);
  put(data.length, countBits(version));
  for (const b of data) put(b, 8);
  put(0, Math.min(4, cap * 8 - bits.length));
  while (bits.length % 8) bits.push(0);
  const bytes = [];
  for (let i = 0; i < bits.length; i += 8) bytes.push(parseInt(bits.slice(i, i + 8).join(""), 2));
  for (let pad = 236; bytes.length < cap; pad ^= 236 ^ 17) bytes.push(pad);
  const nb = BLOCKS[version - 1], gen = rsGenerator(EC_PER_BLOCK[version - 1]);
  const short = Math.floor(cap / nb), long = cap % nb;
  const blocks = [], ecs = [];
  for (let b = 0, at = 0; b < nb; b++) {
    const len = short + (b >= nb - long ? 1 : 0);
    blocks.push(bytes.slice(at, at + len));
    ecs.push(rsRemainder(blocks[b], gen));
    at += len;
  }
  const out = [];
  for (let i = 0; i <= short; i++) for (const bl of blocks) if (i < bl.length) out.push(bl[i]);
  for (let i = 0; i < gen.length - 1; i++) for (const ec of ecs) out.push(ec[i]);
  return out;
}
function placeData(g, cw) {
  const n = g.size;
  let i = 0, up = true;
  for (let right = n - 1; right > 0; right -= 2) {
    if (right === 6) right = 5;
    for (let k = 0; k < n; k++) {
      const y = up ? n - 1 - k : k;
      for (const x of [right, right - 1]) {
        if (g.fixed[y * n + x]) continue;
        g.dark[y * n + x] = i < cw.length * 8 && (cw[i >> 3] >> 7 - (i & 7) & 1) === 1;
        i++;
      }
    }
    up = !up;
  }
}
var MASKS = [
  (x, y) => (x + y) % 2 === 0,
  (_x, y) => y % 2 === 0,
  (x) => x % 3 === 0,
  (x, y) => (x + y) % 3 === 0,
  (x, y) => (Math.floor(y / 2) + Math.floor(x / 3)) % 2 === 0,
  (x, y) => x * y % 2 + x * y % 3 === 0,
  (x, y) => (x * y % 2 + x * y % 3) % 2 === 0,
  (x, y) => ((x + y) % 2 + x * y % 3) % 2 === 0
];
function masked(g, mask) {
  const n = g.size, out = { size: n, dark: g.dark.slice(), fixed: g.fixed };
  for (let y = 0; y < n; y++) for (let x = 0; x < n; x++)
    if (!g.fixed[y * n + x] && MASKS[mask](x, y)) out.dark[y * n + x] = !out.dark[y * n + x];
  drawFormat(out, mask);
  return out;
}
var FINDER_LIKE = ["10111010000", "00001011101"];
function penalty(g) {
  const n = g.size;
  let score = 0, darkCount = 0;
  for (let dir = 0; dir < 2; dir++) {
    for (let a = 0; a < n; a++) {
      const at = (b) => b >= 0 && b < n && g.dark[dir ? b * n + a : a * n + b];
      let line = "";
      for (let b = -4; b < n + 4; b++) line += at(b) ? "1" : "0";
      for (let b = 0, run = 0; b < n; b++) {
        run = b > 0 && at(b) === at(b - 1) ? run + 1 : 1;
        if (run === 5) score += 3;
        else if (run > 5) score += 1;
      }
      for (const p of FINDER_LIKE) for (let k = line.indexOf(p); k >= 0; k = line.indexOf(p, k + 1)) score += 40;
    }
  }
  for (let y = 0; y < n; y++) for (let x = 0; x < n; x++) {
    const d = g.dark[y * n + x];
    if (d) darkCount++;
    if (x < n - 1 && y < n - 1 && d === g.dark[y * n + x + 1] && d === g.dark[(y + 1) * n + x] && d === g.dark[(y + 1) * n + x + 1]) score += 3;
  }
  return score + 10 * Math.floor(Math.abs(darkCount * 20 - n * n * 10) / (n * n));
}
function qrEncode(data, onlyMask) {
  let version = 1;
  while (version <= MAX_VERSION && qrCapacity(version) < data.length) version++;
  if (version > MAX_VERSION)
    throw new RangeError(`QR code: ${data.length} bytes do not fit, at most ${QR_MAX_BYTES} (version 40, error correction M)`);
  const g = functionPatterns(version);
  placeData(g, codewords(data, version));
  let best = null, bestMask = 0, bestScore = Infinity;
  for (let m = 0; m < 8; m++) {
    if (onlyMask !== void 0 && m !== onlyMask) continue;
    const c = masked(g, m), s = penalty(c);
    if (s < bestScore) {
      best = c;
      bestMask = m;
      bestScore = s;
    }
  }
  return { version, size: g.size, mask: bestMask, dark: best.dark };
}
function qrSvg(qr) {
  const n = qr.size, q = 4;
  let d = "";
  for (let y = 0; y < n; y++) {
    for (let x = 0; x < n; x++) {
      if (!qr.dark[y * n + x]) continue;
      let run = 1;
      while (x + run < n && qr.dark[y * n + x + run]) run++;
      d += `M${x + q} ${y + q}h${run}v1h-${run}z`;
      x += run;
    }
  }
  const w = n + 2 * q;
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${w} ${w}" shape-rendering="crispEdges" style="width:100%;height:auto;display:block"><rect width="${w}" height="${w}" fill="#fff"/><path fill="#000" d="${d}"/></svg>`;
}

// src/luci/_peer.ts
function pool(serverAddress) {
  const r = parseInterfaceAddress(serverAddress);
  if (isMsg(r)) return null;
  const a = r;
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
    if (!isMsg(p)) taken.push(p);
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
function qrPayload(conf) {
  const lines = conf.replace(/\r/g, "").split("\n").map((l) => l.replace(/[ \t]+$/, "")).filter((l) => !/^\s*[#;]/.test(l));
  const out = [];
  for (const l of lines)
    if (!(l === "" && (out.length === 0 || out[out.length - 1] === ""))) out.push(l);
  while (out.length && out[out.length - 1] === "") out.pop();
  const payload = out.join("\n");
  const bytes = utf8(payload).length;
  return { payload, bytes, fits: bytes <= QR_MAX_BYTES };
}
function confFileName(client) {
  const base = client.replace(/[^a-zA-Z0-9_=+.-]/g, "_").slice(0, 15) || "splitwg";
  return `${base}.conf`;
}

// src/luci/_rpc.ts

var callStatus = rpc.declare({ object: "splitwg", method: "status", expect: { "": {} } });
var callCheck = rpc.declare({ object: "splitwg", method: "check", expect: { "": {} } });
var callStats = rpc.declare({ object: "splitwg", method: "stats", expect: { "": {} } });
var callDoctor = rpc.declare({ object: "splitwg", method: "doctor", expect: { "": {} } });
var callExplain = rpc.declare({
  object: "splitwg",
  method: "explain",
  params: ["client", "destination", "proto", "port", "at"],
  expect: { "": {} }
});
var callLists = rpc.declare({ object: "splitwg", method: "lists", expect: { "": {} } });
var callUpdateLists = rpc.declare({
  object: "splitwg",
  method: "update_lists",
  params: ["name"],
  expect: { "": {} }
});
var callGenkey = rpc.declare({ object: "splitwg", method: "genkey", expect: { "": {} } });
var callImportConf = rpc.declare({
  object: "splitwg",
  method: "import_conf",
  params: ["text", "name"],
  expect: { "": {} }
});
var callTemplates = rpc.declare({ object: "splitwg", method: "templates", expect: { "": {} } });
var callPeerConf = rpc.declare({
  object: "splitwg",
  method: "peer_conf",
  params: ["client"],
  expect: { "": {} }
});
var callHostHints = rpc.declare({ object: "luci-rpc", method: "getHostHints", expect: { "": {} } });
var callNetworkDevices = rpc.declare({ object: "luci-rpc", method: "getNetworkDevices", expect: { "": {} } });
function isError(r) {
  return r !== null && typeof r === "object" && "error" in r;
}

// src/luci/_rules.ts

var LIST_OPTIONS = Object.keys(SCHEMA.rule).filter((k) => SCHEMA.rule[k].list);
var WEEKDAY_NAMES = SCHEMA.rule.weekdays.values ?? [];
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
function rulesOf(sections2, owner) {
  return sections2.filter((s) => s.type === "rule" && ownerOf(s.opts) === owner).map((s) => s.sid);
}
function orphanRules(sections2) {
  const owners = {};
  for (const s of sections2)
    if (s.type === "client" || s.type === "ruleset") owners[ownerKey(s.type, s.sid)] = true;
  return sections2.filter((s) => {
    if (s.type !== "rule") return false;
    const o = ownerOf(s.opts);
    return o === null || !owners[o];
  }).map((s) => s.sid);
}
function moveStep(ownerSids, sid, delta) {
  const i = ownerSids.indexOf(sid);
  const j = i + delta;
  if (i < 0 || j < 0 || j >= ownerSids.length) return null;
  return { sid, ref: ownerSids[j], after: delta > 0 };
}
function applyMove(order, mv) {
  const out = order.filter((s) => s !== mv.sid);
  const k = out.indexOf(mv.ref);
  if (k < 0 || order.indexOf(mv.sid) < 0) return order.slice();
  out.splice(k + (mv.after ? 1 : 0), 0, mv.sid);
  return out;
}
function listOf(v) {
  if (v == null) return [];
  if (Array.isArray(v)) return v.slice();
  return v.split(/[ \t]+/).filter((x) => x !== "");
}
function few(l, n) {
  return l.length <= n ? l.join(", ") : `${l.slice(0, n).join(", ")} +${l.length - n}`;
}
function matchSummary(o, lists) {
  const out = [];
  const dom2 = listOf(o.domain), dst = listOf(o.dest), pr = listOf(o.proto), po = listOf(o.port), wd = listOf(o.weekdays);
  if (dom2.length) out.push(msg(N_("domains %s"), few(dom2, 3)));
  if (dst.length) out.push(msg(N_("addresses %s"), few(dst, 3)));
  const ls = listsSummary(listOf(o.list_file), lists ?? null);
  if (ls) out.push(ls);
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
      const p = parsePrefix2(t2);
      if (!isMsg2(p)) {
        const x = p;
        if (b.dests.indexOf(x.text) >= 0) b.duplicates++;
        else b.dests.push(x.text);
        continue;
      }
      if (/^[0-9.]+(\/[0-9]+)?$/.test(t2) || t2.indexOf(":") >= 0 && /^[0-9a-fA-F:.]+(\/[0-9]+)?$/.test(t2)) {
        b.errors.push({ line: i + 1, text: p });
        continue;
      }
      const d = t2.toLowerCase().replace(/^\*?\./, "").replace(/\.$/, "");
      const e = badDomain(d);
      if (e) {
        b.errors.push({ line: i + 1, text: e });
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
function newRuleOptions(owner, fields) {
  const o = parseOwner(owner);
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
function exportJSON(rules, owner, label) {
  const doc = { format: "splitwg-rules", version: 1, rules };
  if (owner) doc.owner = owner;
  if (label) doc.label = label;
  return JSON.stringify(doc, null, "	") + "\n";
}
var NEEDS_QUOTES = /[",\r\n]|^\s|\s$/;
function csvCell(v) {
  return NEEDS_QUOTES.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
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
  const str2 = (k) => {
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
  const name = str2("name");
  if (name !== null) {
    const e = badLabel(name);
    if (e) err("name", e);
    else r.name = name;
  }
  const en = str2("enabled");
  if (en !== null) {
    const e = badBool(en);
    if (e) err("enabled", e);
    else if (!bool(en)) r.enabled = false;
  }
  const act = str2("action");
  if (act !== null) {
    if (act === "proxy" || act === "direct" || act === "block") r.action = act;
    else err("action", coreMsg("not_action", [act]));
  }
  const up = str2("upstream");
  if (up !== null) {
    const e = badName(up, 12);
    if (e) err("upstream", e);
    else if (r.action !== "proxy") err("upstream", coreMsg("upstream_not_proxy", [r.action]));
    else r.upstream = up;
  }
  const check2 = (k, f) => {
    const l = lst(k);
    const ok = [];
    for (const v of l) {
      const e = f(v);
      if (e) err(k, e);
      else ok.push(v);
    }
    if (ok.length) r[k] = ok;
  };
  check2("domain", badDomain2);
  check2("dest", (v) => {
    const p = parsePrefix3(v);
    return isMsg3(p) ? p : null;
  });
  check2("proto", (v) => v === "all" || v === "any" || PROTOS.indexOf(v) >= 0 ? null : coreMsg("not_proto", [v, `${PROTOS.join(" ")}, all`]));
  check2("port", badPortRange);
  check2("weekdays", (v) => weekday(v) < 0 ? coreMsg("not_weekday", [v]) : null);
  const t1 = str2("start_time"), t2 = str2("stop_time");
  if (t1 !== null) {
    const e = badTime(t1);
    if (e) err("start_time", e);
    else r.start_time = t1;
  }
  if (t2 !== null) {
    const e = badTime(t2);
    if (e) err("stop_time", e);
    else r.stop_time = t2;
  }
  if (t1 === null !== (t2 === null)) err(t1 === null ? "start_time" : "stop_time", coreMsg("window_half"));
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
    let list2 = doc;
    let label = null;
    if (!Array.isArray(doc)) {
      const d = doc;
      if (d.format !== "splitwg-rules") errors.push({ field: "format", text: msg(N_('not a splitwg rule export (format must be "splitwg-rules")')) });
      if (d.version !== 1) errors.push({ field: "version", text: msg(N_("unsupported version %s"), String(d.version)) });
      if (typeof d.label === "string") label = d.label;
      list2 = d.rules;
    }
    if (!Array.isArray(list2)) return { rules, label, errors: errors.concat([{ field: "rules", text: msg(N_('"rules" must be a list')) }]) };
    list2.forEach((x, i) => {
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

// src/luci/_schema.ts

function fieldOf(type, option) {
  const opt = SCHEMA2[type] ? SCHEMA2[type][option] : void 0;
  if (!opt) throw new Error(`${type}.${option} is not an option of /etc/config/splitwg`);
  const f = {};
  const choice = opt.kind === "bool" || opt.kind === "enum";
  if (opt.def !== void 0) {
    if (choice) f.default = opt.def;
    else if (!opt.list) f.placeholder = opt.def;
  }
  const check2 = checkOf(opt);
  if (check2 && !choice) f.check = check2;
  return f;
}

// src/luci/_templates.ts

function freeName(base, taken) {
  const ok = (n) => !badName2(n, 32) && taken.indexOf(n) < 0;
  if (ok(base)) return base;
  for (let i = 2; i < 1e3; i++) {
    const sfx = `_${i}`;
    const n = base.slice(0, 32 - sfx.length) + sfx;
    if (ok(n)) return n;
  }
  return base;
}
function templateSections(t2, name) {
  return {
    ruleset: { name: t2.label },
    rules: t2.rules.map((r) => newRuleOptions(ownerKey("ruleset", name), toOptions(r)))
  };
}

// src/luci/_traffic.ts
var HISTORY = 60;
function pathRows(b) {
  if (!b) return null;
  const out = [{ path: "direct", up: b.direct.up, down: b.direct.down }];
  for (const u of Object.keys(b.proxy)) out.push({ path: u, up: b.proxy[u].up, down: b.proxy[u].down });
  return out;
}
function sample(at, s) {
  const out = { at, upstreams: {}, clients: {} };
  for (const u of s.upstreams) out.upstreams[u.name] = { rx: u.rx, tx: u.tx };
  for (const c of s.clients) out.clients[c.name] = { direct: c.paths.direct, proxy: c.paths.proxy, block: c.paths.block, rx: c.rx, tx: c.tx, bytes: pathRows(c.bytes) };
  return out;
}
function perSecond(prev, cur, seconds) {
  if (prev == null || cur == null || !(seconds > 0) || cur < prev) return null;
  return (cur - prev) / seconds;
}
function liveRate(prev, cur, seconds) {
  if (prev == null || cur == null || !(seconds > 0)) return null;
  return Math.max(0, (cur - prev) / seconds);
}
function rates(prev, cur) {
  const dt = prev ? (cur.at - prev.at) / 1e3 : 0;
  const out = { upstreams: {}, clients: {}, total: { rx: null, tx: null } };
  const add2 = (a, b) => b === null ? a : (a ?? 0) + b;
  for (const n in cur.upstreams) {
    const p = prev?.upstreams[n], c = cur.upstreams[n];
    const r = { rx: perSecond(p?.rx, c.rx, dt), tx: perSecond(p?.tx, c.tx, dt) };
    out.upstreams[n] = r;
    out.total = { rx: add2(out.total.rx, r.rx), tx: add2(out.total.tx, r.tx) };
  }
  for (const n in cur.clients) {
    const p = prev?.clients[n], c = cur.clients[n];
    const bytes = {};
    for (const row of c.bytes ?? []) {
      const was = p?.bytes ? p.bytes.find((x) => x.path === row.path) ?? { up: 0, down: 0 } : null;
      bytes[row.path] = { up: liveRate(was?.up, row.up, dt), down: liveRate(was?.down, row.down, dt) };
    }
    out.clients[n] = {
      direct: perSecond(p?.direct, c.direct, dt),
      proxy: perSecond(p?.proxy, c.proxy, dt),
      block: perSecond(p?.block, c.block, dt),
      rx: perSecond(p?.rx, c.rx, dt),
      tx: perSecond(p?.tx, c.tx, dt),
      bytes
    };
  }
  return out;
}
function appendPoint(history, p, max = HISTORY) {
  const h = history.concat([p]);
  return h.length > max ? h.slice(h.length - max) : h;
}
function niceMax(values) {
  const m = Math.max(0, ...values);
  if (m <= 0) return 1;
  let unit = 1;
  while (m / unit >= 1024) unit *= 1024;
  const v = m / unit, p = Math.pow(10, Math.floor(Math.log10(v)));
  for (const f of [1, 2, 5]) if (v <= f * p) return f * p * unit;
  return 10 * p * unit;
}
var r1 = (x) => Math.round(x * 10) / 10;
function areaPath(values, w, h, max, slots = HISTORY) {
  if (!values.length) return "";
  const step = w / Math.max(1, slots - 1);
  const x0 = w - (values.length - 1) * step;
  const pts = values.map((v, i) => `${r1(x0 + i * step)},${r1(h - Math.min(1, Math.max(0, v) / max) * h)}`);
  return `M${r1(x0)},${h}L${pts.join("L")}L${w},${h}Z`;
}
function chartSvg(rx, tx, max, w = 600, h = 80) {
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${w} ${h}" preserveAspectRatio="none" style="width:100%;height:${h}px;display:block"><path d="M0,0.5H${w}M0,${h - 0.5}H${w}" stroke="#ccc" stroke-width="1" fill="none"/><path data-series="rx" d="${areaPath(rx, w, h, max)}" fill="#1976d2" fill-opacity="0.35" stroke="#1976d2"/><path data-series="tx" d="${areaPath(tx, w, h, max)}" fill="#ef6c00" fill-opacity="0.35" stroke="#ef6c00"/></svg>`;
}

// src/luci/_uci.ts
function toSections(list2) {
  return list2.slice().sort((a, b) => a[".index"] - b[".index"]).map((s) => {
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
function toCoreSections(list2) {
  const counts = {};
  const sorted = list2.slice().sort((a, b) => a[".index"] - b[".index"]);
  return toSections(list2).map((s, i) => {
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
  m = /^group\.([A-Za-z0-9_@\[\]]+)(\..*)?$/.exec(path);
  if (m) return { page: "upstreams", sid: m[1], option: opt(m[2]), owner: null, where: msg(N_("Group %s"), m[1]) };
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
function text(x) {
  return say(x, _);
}
function coreText(m) {
  return trCore(m, _);
}
function validator(fn) {
  return (_sid, v) => {
    const vals = Array.isArray(v) ? v : v == null ? [] : [String(v)];
    for (const x of vals) {
      if (x === "") continue;
      const e = fn(x);
      if (e !== null) return coreText(e);
    }
    return true;
  };
}
function schemaOption(o, type) {
  const f = fieldOf(type, o.option);
  if (f.default !== void 0) o.default = f.default;
  if (f.placeholder !== void 0) o.placeholder = f.placeholder;
  if (f.check) o.validate = validator(f.check);
  return o;
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
      coreText(p)
    ]));
  }
  return items.length ? E("ul", {}, items) : null;
}
function problemBox(title, problems, only) {
  const list2 = problemList(problems, only);
  if (!list2) return E([]);
  return E("div", { "class": "alert-message warning" }, [E("h4", {}, [title]), list2]);
}
function notifyError(message) {
  ui.addNotification(null, E("p", {}, [coreText(message)]), "danger");
}
function saveApply(view, ev, mode) {
  return view.handleSave(ev).then(() => {
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
function fmtBytes(n) {
  return n == null ? "-" : coreBytes(n);
}
function fmtAge(s) {
  const a = age(s ?? null);
  if (a === null) return _("never");
  if (a.unit === "s") return _("%d s ago").format(a.n);
  if (a.unit === "m") return _("%d min ago").format(a.n);
  if (a.unit === "h") return _("%d h ago").format(a.n);
  return _("%d d ago").format(a.n);
}
function badge(label, kind) {
  const color = { ok: "#2e7d32", warn: "#b26a00", bad: "#c62828", off: "#757575" }[kind];
  return E("span", { "class": "label", "style": `background:${color};color:#fff;padding:1px 6px;border-radius:3px;white-space:nowrap` }, [label]);
}
function actionLabel(a) {
  return a === "proxy" ? _("Proxy") : a === "direct" ? _("Direct") : a === "block" ? _("Block") : a;
}
function upstreamNames() {
  return sections().filter((s) => s[".type"] === "upstream").map((s) => String(s[".name"]));
}
function groupNames() {
  return sections().filter((s) => s[".type"] === "group").map((s) => String(s[".name"]));
}
function listOpt(v) {
  return Array.isArray(v) ? v.map(String) : typeof v === "string" && v !== "" ? v.split(/\s+/) : [];
}
function groupInfo(name) {
  const s = uci.get("splitwg", name);
  if (!s || s[".type"] !== "group") return null;
  return { name, mode: String(s.mode ?? fieldOf("group", "mode").default), members: listOpt(s.member) };
}
function upstreamLabel(name) {
  const g = groupInfo(name);
  if (g) return t(groupLabel(g));
  const label = uci.get("splitwg", name, "name");
  return label ? `${name} (${label})` : name;
}
function upstreamChoices() {
  return upstreamNames().concat(groupNames()).map((n) => [n, upstreamLabel(n)]);
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
      E("p", {}, [coreText(la)]),
      problemList(problems) ?? E([]),
      E("p", {}, [_("The router keeps running the previous working configuration.")])
    ]), "danger");
    if (problems.length) return E([]);
  }
  return problemBox(_("The saved configuration has problems"), problems, page);
}
function namedGrid(m, type, title, desc, addTitle, modalTitle, badNameOf) {
  const s = title === null ? m.section(form.GridSection, type) : m.section(form.GridSection, type, title, desc ?? void 0);
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

// src/luci/_upstream.ts

function suggestName(source, taken) {
  let base = source.replace(/^.*[\\/]/, "").replace(/\.conf$/i, "").replace(/:[0-9]+$/, "").replace(/^\[|\]$/g, "");
  base = base.replace(/^(wg|wireguard)[-_ ]+/i, "");
  if (/^[a-z0-9-]+(\.[a-z0-9-]+)+$/i.test(base)) base = base.split(".")[0];
  base = base.toLowerCase().replace(/[^a-z0-9]+/g, "_").replace(/^_+|_+$/g, "");
  if (!/^[a-z]/.test(base)) base = "up" + (base === "" ? "" : "_" + base);
  base = base.slice(0, 12).replace(/_+$/, "");
  const ok = (n) => !badName3(n, 12) && n !== "server" && taken.indexOf(n) < 0;
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

// src/luci/_zip.ts

var EOCD = 101010256;
var CENTRAL = 33639248;
var LOCAL = 67324752;
var ZIP64_LOCATOR = 117853008;
var MAX32 = 4294967295;
var ZIP_BYTES = ZIP_ENTRIES * CONF_BYTES;
var u16 = (b, o) => b[o] | b[o + 1] << 8;
var u32 = (b, o) => (b[o] | b[o + 1] << 8 | b[o + 2] << 16) + b[o + 3] * 16777216;
function nameOf(b, utf83) {
  if (utf83) return new globalThis.TextDecoder("utf-8").decode(b);
  let s = "";
  for (let i = 0; i < b.length; i++) s += String.fromCharCode(b[i]);
  return s;
}
function findEnd(b) {
  for (let o = b.length - 22; o >= 0 && o >= b.length - 22 - 65535; o--)
    if (u32(b, o) === EOCD && o + 22 + u16(b, o + 20) === b.length) return o;
  return -1;
}
function zipEntries(b) {
  const end = findEnd(b);
  if (end < 0) return { error: msg(N_("not a zip archive")) };
  const count = u16(b, end + 10), size = u32(b, end + 12), start = u32(b, end + 16);
  if (end >= 20 && u32(b, end - 20) === ZIP64_LOCATOR || count === 65535 || size === MAX32 || start === MAX32)
    return { error: msg(N_("a zip64 archive: save it as a plain zip")) };
  if (u16(b, end + 4) !== 0 || u16(b, end + 8) !== count) return { error: msg(N_("a multi-part (split) archive")) };
  if (start + size > end) return { error: msg(N_("the zip archive is damaged (its directory is outside the file)")) };
  const entries = [];
  let o = start;
  for (let i = 0; i < count; i++) {
    if (o + 46 > start + size || u32(b, o) !== CENTRAL) return { error: msg(N_("the zip archive is damaged (entry %d of its directory)"), i + 1) };
    const flags = u16(b, o + 8), nlen = u16(b, o + 28), xlen = u16(b, o + 30), clen = u16(b, o + 32);
    const e = {
      name: nameOf(b.subarray(o + 46, o + 46 + nlen), (flags & 2048) !== 0),
      method: u16(b, o + 10),
      encrypted: (flags & 1) !== 0,
      crc: u32(b, o + 16),
      compressed: u32(b, o + 20),
      size: u32(b, o + 24),
      offset: u32(b, o + 42)
    };
    if (e.compressed === MAX32 || e.size === MAX32 || e.offset === MAX32) return { error: msg(N_("a zip64 archive: save it as a plain zip")) };
    entries.push(e);
    o += 46 + nlen + xlen + clen;
  }
  return { entries };
}
var crcTable = null;
function crc32(b) {
  if (!crcTable) {
    crcTable = [];
    for (let n = 0; n < 256; n++) {
      let c2 = n;
      for (let k = 0; k < 8; k++) c2 = c2 & 1 ? 3988292384 ^ c2 >>> 1 : c2 >>> 1;
      crcTable.push(c2 >>> 0);
    }
  }
  let c = MAX32;
  for (let i = 0; i < b.length; i++) c = crcTable[(c ^ b[i]) & 255] ^ c >>> 8;
  return (c ^ MAX32) >>> 0;
}
function inflate(raw, limit) {
  const ds = new globalThis.DecompressionStream("deflate-raw");
  const w = ds.writable.getWriter();
  w.write(raw).catch(() => null);
  w.close().catch(() => null);
  const r = ds.readable.getReader();
  const parts = [];
  let total = 0;
  const next = () => r.read().then((c) => {
    if (c.done) {
      const out = new Uint8Array(total);
      let at = 0;
      for (const p of parts) {
        out.set(p, at);
        at += p.length;
      }
      return out;
    }
    total += c.value.length;
    if (total > limit) {
      r.cancel().catch(() => null);
      return null;
    }
    parts.push(c.value);
    return next();
  });
  return next().catch(() => null);
}
function entryBytes(b, e) {
  const damaged = msg(N_("the zip archive is damaged (entry %s)"), e.name);
  if (e.encrypted) return Promise.resolve(msg(N_("encrypted: save the archive without a password")));
  if (e.method !== 0 && e.method !== 8) return Promise.resolve(msg(N_("compressed with method %d; only stored and deflate are read"), e.method));
  if (e.offset + 30 > b.length || u32(b, e.offset) !== LOCAL) return Promise.resolve(damaged);
  const at = e.offset + 30 + u16(b, e.offset + 26) + u16(b, e.offset + 28);
  if (at + e.compressed > b.length) return Promise.resolve(damaged);
  const raw = b.subarray(at, at + e.compressed);
  return (e.method === 0 ? Promise.resolve(raw) : inflate(raw, e.size)).then((data) => !data || data.length !== e.size || crc32(data) !== e.crc ? damaged : data);
}
function utf82(data) {
  try {
    return new globalThis.TextDecoder("utf-8", { fatal: true }).decode(data);
  } catch (x) {
    return null;
  }
}
function zipConfs(b, zipName) {
  const fail = (error, file) => Promise.resolve({ error, file });
  if (b.length > ZIP_BYTES) return fail(msg(N_("%s is larger than %d bytes"), zipName, ZIP_BYTES), null);
  const z = zipEntries(b);
  if ("error" in z) return fail(z.error, null);
  const confs = z.entries.filter((e) => isConfEntry(e.name));
  if (!confs.length) return fail(coreMsg2("zip_no_conf", [zipName]), null);
  if (confs.length > ZIP_ENTRIES) return fail(coreMsg2("zip_too_many", [zipName, confs.length, ZIP_ENTRIES]), null);
  const big = confs.filter((e) => e.size > CONF_BYTES)[0];
  if (big) return fail(coreMsg2("zip_entry_size", [big.name, CONF_BYTES]), big.name);
  const names = uniqueNames(confs.map((e) => e.name));
  const files = [];
  const next = (i) => i === confs.length ? Promise.resolve({ files }) : entryBytes(b, confs[i]).then((data) => {
    if (!(data instanceof Uint8Array)) return fail(data, confs[i].name);
    const text2 = utf82(data);
    if (text2 === null) return fail(msg(N_("not UTF-8 text")), confs[i].name);
    files.push({ file: confs[i].name, name: names[i], text: text2 });
    return next(i + 1);
  });
  return next(0);
}

return baseclass.extend({
	HISTORY: HISTORY,
	LIST_DIR: LIST_DIR,
	LIST_OPTIONS: LIST_OPTIONS,
	N_: N_,
	QR_MAX_BYTES: QR_MAX_BYTES,
	SecretValue: SecretValue,
	WEEKDAY_NAMES: WEEKDAY_NAMES,
	ZIP_BYTES: ZIP_BYTES,
	actionLabel: actionLabel,
	allocateAddresses: allocateAddresses,
	appendPoint: appendPoint,
	applyMove: applyMove,
	areaPath: areaPath,
	b64decode: b64decode,
	b64encode: b64encode,
	badUploadName: badUploadName,
	badge: badge,
	banner: banner,
	callCheck: callCheck,
	callDoctor: callDoctor,
	callExplain: callExplain,
	callGenkey: callGenkey,
	callHostHints: callHostHints,
	callImportConf: callImportConf,
	callLists: callLists,
	callNetworkDevices: callNetworkDevices,
	callPeerConf: callPeerConf,
	callStats: callStats,
	callStatus: callStatus,
	callTemplates: callTemplates,
	callUpdateLists: callUpdateLists,
	chartSvg: chartSvg,
	confFileName: confFileName,
	coreText: coreText,
	crc32: crc32,
	doctorFindingIds: doctorFindingIds,
	doctorLines: doctorLines,
	download: download,
	entryBytes: entryBytes,
	esc: esc,
	exportCSV: exportCSV,
	exportJSON: exportJSON,
	fieldOf: fieldOf,
	findList: findList,
	findingWords: findingWords,
	fmt: fmt,
	fmtAge: fmtAge,
	fmtBytes: fmtBytes,
	freeName: freeName,
	fromOptions: fromOptions,
	groupInfo: groupInfo,
	groupLabel: groupLabel,
	groupNames: groupNames,
	groupRoute: groupRoute,
	groupsOf: groupsOf,
	healthOf: healthOf,
	importRules: importRules,
	importedOptions: importedOptions,
	inflate: inflate,
	isError: isError,
	lanHosts: lanHosts,
	listCount: listCount,
	listOf: listOf,
	listsSummary: listsSummary,
	liveRate: liveRate,
	matchSummary: matchSummary,
	memberList: memberList,
	moveStep: moveStep,
	msg: msg,
	namedGrid: namedGrid,
	newRuleOptions: newRuleOptions,
	niceMax: niceMax,
	notifyError: notifyError,
	orphanRules: orphanRules,
	ownerKey: ownerKey,
	ownerOf: ownerOf,
	pageUrl: pageUrl,
	parseBulk: parseBulk,
	parseCSV: parseCSV,
	parseOwner: parseOwner,
	pathRows: pathRows,
	perSecond: perSecond,
	placeOf: placeOf,
	plain: plain,
	problemBox: problemBox,
	problemList: problemList,
	publicKey: publicKey,
	qrCapacity: qrCapacity,
	qrEncode: qrEncode,
	qrPayload: qrPayload,
	qrSvg: qrSvg,
	rates: rates,
	readFile: readFile,
	rulesOf: rulesOf,
	sample: sample,
	saveApply: saveApply,
	say: say,
	schemaOption: schemaOption,
	sections: sections,
	setContent: setContent,
	stagedProblems: stagedProblems,
	statusWarnings: statusWarnings,
	subscriptionCount: subscriptionCount,
	suggestName: suggestName,
	t: t,
	templateSections: templateSections,
	text: text,
	toCoreSections: toCoreSections,
	toOptions: toOptions,
	toSections: toSections,
	tr: tr,
	trCore: trCore,
	upstreamChoices: upstreamChoices,
	upstreamLabel: upstreamLabel,
	upstreamNames: upstreamNames,
	utf8: utf8,
	validator: validator,
	x25519: x25519,
	zipConfs: zipConfs,
	zipEntries: zipEntries
});
