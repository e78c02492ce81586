// Generated from src/router/index.ts by `npm run build` — edit the TypeScript, not this file.
'use strict';

import {
  VERSION,
  readConfig,
  readSubscriptions,
  compile,
  redactedPlan,
  explain,
  explainQuery,
  pathText,
  parseUci,
  renderUci,
  parsePrefix,
  prefixContains,
  nftTransition,
  emptyPlan,
  NFT,
  clientChainName,
  tableObjects,
  tableState,
  directMark,
  MESSAGES,
  format,
  described,
  isMsg,
  msg,
  isOwned,
  badKey,
  badBool,
  bool,
  age,
  fmtBytes,
  listPaths,
  LIST_DIR,
  badListFile,
  listStart,
  listMissing,
  listLine,
  listEntries,
  listsScript,
  listSets,
  listReloads,
  fragmentName,
  fragmentHead,
  fragmentLine,
  FRAGMENT_CHUNK,
  FRAGMENT_TAIL,
  templateSections,
  ruleOptions,
  RULE_FIELDS,
  ZIP_ENTRIES,
  CONF_BYTES,
  isConfEntry,
  nameFromFile,
  uniqueNames,
  GROUP_STATE,
  watched,
  probed,
  groupMapList,
  step,
  downOf,
  slotsScript,
  membersNow,
  dnsmasqFor,
  watchOf
} from "splitwg.core";
import { readfile, writefile, access, unlink, mkdir, rmdir, rename, popen, stat, open, lsdir } from "fs";
import { cursor } from "uci";
import { connect } from "ubus";
// src/router/core.ts

// src/router/realenv.ts

// src/router/env.ts
let SHELL_SAFE = /^[A-Za-z0-9_.,:\/@%+=-]+$/;
let SINGLE_QUOTE = /'/g;
let PATHS = {
  nft: "/usr/share/nftables.d/ruleset-post/90-splitwg.nft",
  state: "/var/run/splitwg",
  dnsmasqFile: "splitwg.conf",
  dnsmasqDefaultDir: "/tmp/dnsmasq.d",
  fw4: "/sbin/fw4",
  wgShellHandler: "/lib/netifd/proto/wireguard.sh",
  conntrack: "/usr/sbin/conntrack",
  cli: "/usr/sbin/splitwg",
  // the kernel's connection table (nf_conntrack procfs), and whether it counts bytes
  ctTable: "/proc/net/nf_conntrack",
  ctAccounting: "/proc/sys/net/netfilter/nf_conntrack_acct",
  ipv6: "/proc/net/if_inet6",
  // the list sets: their fragments (content-addressed, src/router/lists.ts),
  // and the script fw4 includes after the table's to fill them
  lists: "/usr/share/splitwg/lists",
  nftLists: "/usr/share/nftables.d/ruleset-post/91-splitwg-lists.nft",
  // rule templates the package ships (src/router/templates.ts)
  templates: "/usr/share/splitwg/templates"
};
let OWNED_CONFIGS = ["network", "firewall", "dhcp"];
function shellQuote(s) {
  if (index(s, "\n") < 0 && match(s, SHELL_SAFE)) return s;
  return "'" + replace(s, SINGLE_QUOTE, "'\\''") + "'";
}
function commandLine(argv) {
  return join(" ", map(argv, (a) => shellQuote(a)));
}
function firstLine(s) {
  const t = trim(s ?? "");
  const i = index(t, "\n");
  return i < 0 ? t : substr(t, 0, i);
}
function failure(r, argv) {
  const e = firstLine(r.stderr) || firstLine(r.stdout);
  return `${join(" ", argv)} exited ${r.code}${e ? ": " + e : ""}`;
}

// src/router/realenv.ts
let MD5_LINE;
function envvar(name) {
  const v = getenv(name);
  return type(v) === "string" ? v : "";
}
function run(wrapper, argv, input) {
  const dir = `${envvar("SPLITWG_ROOT")}${PATHS.state}`;
  let cmd = commandLine(argv);
  if (wrapper !== "") cmd = `${shellQuote(wrapper)} ${cmd}`;
  if (input !== null) cmd = `printf '%s' ${shellQuote(input)} | ${cmd}`;
  const h = popen(`echo $$; exec 2>${shellQuote(dir)}/err.$$; ${cmd}`, "r");
  if (!h) return { code: 127, stdout: "", stderr: `cannot run ${argv[0]}` };
  const all = h.read("all") ?? "";
  const code = h.close();
  const nl = index(all, "\n");
  const pid = nl > 0 ? substr(all, 0, nl) : "";
  const errFile = `${dir}/err.${pid}`;
  const err = pid !== "" ? readfile(errFile) ?? "" : "";
  if (pid !== "") unlink(errFile);
  return { code: type(code) === "int" ? code : 1, stdout: nl >= 0 ? substr(all, nl + 1) : all, stderr: err };
}
function md5sum(wrapper, paths) {
  const r = run(wrapper, ["md5sum", ...paths], null);
  if (r.code !== 0) return null;
  const lines = split(trim(r.stdout), "\n");
  if (length(lines) !== length(paths)) return null;
  const out = [];
  for (let i = 0; i < length(lines); i++) {
    const m = match(lines[i], MD5_LINE);
    if (!m) return null;
    push(out, m[1]);
  }
  return join("+", out);
}
function lineReader(path) {
  const h = open(path, "r");
  if (!h) return null;
  return {
    next: () => {
      const l = h.read("line");
      return l === "" ? null : l;
    },
    close: () => {
      h.close();
    }
  };
}
function writer(path) {
  const h = open(path, "w", 420);
  if (!h) return null;
  let ok = true;
  return {
    write: (s) => {
      if (ok && h.write(s) !== length(s)) ok = false;
      return ok;
    },
    close: () => !!h.close() && ok
  };
}
function realEnv() {
  let mkdirp;
  const root = envvar("SPLITWG_ROOT");
  const confdir = envvar("SPLITWG_UCI_CONFDIR");
  const wrapper = envvar("SPLITWG_EXEC");
  const p = (path) => substr(path, 0, 1) === "/" ? `${root}${path}` : path;
  mkdirp = (path) => {
    if (stat(p(path))) return true;
    const parent = substr(path, 0, rindex(path, "/"));
    if (parent !== "" && !mkdirp(parent)) return false;
    return !!mkdir(p(path), 493) || !!stat(p(path));
  };
  mkdirp(PATHS.state);
  const uci = cursor(confdir !== "" ? confdir : null, root !== "" ? p("/tmp/.uci") : null);
  const md5 = (paths) => md5sum(wrapper, paths);
  let bus = null;
  return {
    uci,
    fs: {
      read: (path) => readfile(p(path)),
      lines: (path) => lineReader(p(path)),
      create: (path) => writer(p(path)),
      list: (path) => lsdir(p(path)),
      hostPath: p,
      write: (path, data) => writefile(p(path), data) !== null,
      exists: (path) => !!access(p(path)),
      unlink: (path) => !!unlink(p(path)),
      mkdir: (path) => !!mkdir(p(path), 448),
      rmdir: (path) => !!rmdir(p(path)),
      mkdirp,
      rename: (from, to) => !!rename(p(from), p(to)),
      digest: (path) => md5([p(path)])
    },
    run: (argv, input) => run(wrapper, argv, input ?? null),
    ubus: (object, method, args) => {
      bus = bus ?? connect();
      return bus ? bus.call(object, method, args ?? {}) : null;
    },
    configDigest: (config) => md5([`${confdir !== "" ? confdir : "/etc/config"}/${config}`]),
    log: (msg) => {
      run(wrapper, ["logger", "-t", "splitwg", msg], null);
    },
    now: () => time(),
    routes: (family) => {
      const r = run(wrapper, ["ip", `-${family}`, "-j", "route", "show", "table", "main"], null);
      let doc = null;
      try {
        doc = r.code === 0 ? json(r.stdout) : null;
      } catch {
        doc = null;
      }
      return type(doc) === "array" ? doc : null;
    }
  };
}
MD5_LINE = /^([0-9a-f]{32}) /;

// src/router/sections.ts
function optionsOf(s) {
  const o = {};
  for (let k in s) if (substr(k, 0, 1) !== ".") o[k] = s[k];
  return o;
}
function sectionsFromCursor(all) {
  const list = [];
  for (let name in all ?? {}) push(list, all[name]);
  const sorted = sort(list, (a, b) => (a[".index"] ?? 0) - (b[".index"] ?? 0));
  const counts = {};
  return map(sorted, (s) => {
    const t = s[".type"];
    counts[t] = (counts[t] ?? -1) + 1;
    return { type: t, name: s[".anonymous"] ? `@${t}[${counts[t]}]` : s[".name"], anonymous: !!s[".anonymous"], options: optionsOf(s) };
  });
}
function readConfigSections(uci, config) {
  uci.unload(config);
  uci.load(config);
  return sectionsFromCursor(uci.get_all(config));
}

// src/router/state.ts
function marksOf(c) {
  const out = {};
  for (let i = 0; i < length(c.upstreams); i++) if (c.upstreams[i].enabled) out[c.upstreams[i].name] = c.upstreams[i].mark;
  return out;
}
function appliedView(c, domains) {
  return {
    upstreams: map(c.upstreams, (u) => ({ name: u.name, iface: u.iface, enabled: u.enabled, keepalive: u.keepalive })),
    clients: map(c.clients, (x) => ({ name: x.name, kind: x.kind, enabled: x.enabled, public_key: x.publicKey })),
    server: c.server && c.server.enabled ? c.server.iface : null,
    kill_switch: c.globals.killSwitch,
    ipv6: c.globals.ipv6,
    domains,
    subscriptions: c.subscriptions,
    marks: { mask: c.globals.markMask, direct: directMark(c.globals.markMask), upstreams: marksOf(c) },
    groups: map(c.groups ?? [], (g) => ({ name: g.name, mode: g.mode, members: g.members }))
  };
}
let STATE_FILE = `${PATHS.state}/state.json`;
let LOCK_DIR = `${PATHS.state}/lock`;
let LOCK_STALE = 300;
function hash(s) {
  let h = 5381;
  const lines = split(s, "\n");
  for (let l = 0; l < length(lines); l++) {
    const line = lines[l];
    const n = length(line);
    for (let i = 0; i < n; i++) h = (h * 33 + ord(line, i)) % 4294967296;
    h = (h * 33 + 10) % 4294967296;
  }
  return sprintf("%08x", h);
}
function configFingerprint(env, sections) {
  return env.configDigest("splitwg") ?? hash(renderUci(sections()));
}
function fileFingerprint(env, path) {
  const d = env.fs.digest(path);
  if (d !== null) return d;
  const text = env.fs.read(path);
  return text === null ? null : hash(text);
}
function noFile(h) {
  return h === null || h === "" || h === hash("");
}
function putFile(env, path, text) {
  env.fs.mkdirp(substr(path, 0, rindex(path, "/")));
  return env.fs.write(`${path}.tmp`, text) && env.fs.rename(`${path}.tmp`, path);
}
function readJson(env, path) {
  const text = env.fs.read(path);
  if (text === null || text === "") return null;
  let v = null;
  try {
    v = json(text);
  } catch {
    v = null;
  }
  return type(v) === "object" ? v : null;
}
function readState(env) {
  return readJson(env, STATE_FILE);
}
function writeState(env, st) {
  return putFile(env, STATE_FILE, sprintf("%J\n", st));
}
function recordFailure(env, why) {
  const prev = readState(env);
  const base = prev ?? { ok: false, time: 0, message: "", enabled: false, config_hash: null, hashes: {}, clients: null, sets: null };
  const m = isMsg(why) ? why : null;
  writeState(env, { ...base, ok: false, time: env.now(), message: m ? format(m) : why, id: m ? m.id : null, args: m ? m.args : null });
}
function unlock(env) {
  env.fs.unlink(`${LOCK_DIR}/time`);
  env.fs.rmdir(LOCK_DIR);
}
function lock(env) {
  env.fs.mkdirp(PATHS.state);
  if (env.fs.mkdir(LOCK_DIR)) {
    env.fs.write(`${LOCK_DIR}/time`, `${env.now()}
`);
    return true;
  }
  const t = int(trim(env.fs.read(`${LOCK_DIR}/time`) ?? "0"));
  if (env.now() - t < LOCK_STALE) return false;
  unlock(env);
  return lock(env);
}
function applyRunning(env) {
  const t = env.fs.read(`${LOCK_DIR}/time`);
  return t !== null && env.now() - int(trim(t)) < LOCK_STALE;
}

// src/router/subscriptions.ts
let CR;
let FETCH_SCRIPT = 'rm -f "$1.rc"; { uclient-fetch -T 30 -O - "$2" || echo $? > "$1.rc"; } | head -c "$3" > "$1"; wc -c < "$1"';
function lastLine(s) {
  const lines = filter(split(replace(s, CR, "\n"), "\n"), (l) => trim(l) !== "");
  return length(lines) ? trim(lines[length(lines) - 1]) : "";
}
CR = /\r/g;
let STATE = `${PATHS.state}/subscriptions.json`;
let FETCH_LOCK = `${PATHS.state}/fetch.lock`;
let CRONTAB = "/etc/crontabs/root";
let CRON_MARK = "# splitwg list subscriptions";
let CRON_LINE = `17 * * * * /usr/sbin/splitwg update-lists --due >/dev/null 2>&1 ${CRON_MARK}`;
function readRecords(env) {
  const t = env.fs.read(STATE);
  let r = null;
  try {
    r = t ? json(t) : null;
  } catch {
    r = null;
  }
  return type(r) === "object" ? r : {};
}
function writeRecords(env, recs) {
  env.fs.mkdirp(PATHS.state);
  if (!(env.fs.write(`${STATE}.tmp`, sprintf("%J\n", recs)) && env.fs.rename(`${STATE}.tmp`, STATE))) env.fs.unlink(`${STATE}.tmp`);
}
function judge(env, path) {
  const rd = env.fs.lines(path);
  if (rd === null) return { entries: 0, error: msg("sub_write", [path]) };
  const lf = listStart("");
  let n = 0;
  for (let line = rd.next(); line !== null; line = rd.next()) listLine(lf, ++n, line);
  rd.close();
  if (lf.badLines) {
    const b = lf.bad[0];
    return { entries: 0, error: msg("sub_bad_line", [b.line, { id: b.id, args: b.args }, lf.badLines]) };
  }
  const e = listEntries(lf);
  return { entries: e, error: e ? null : msg("sub_empty") };
}
function fetchOne(env, s, prev) {
  const tmp = `${LIST_DIR}/.${s.name}.download`;
  const rec = { url: s.url, time: env.now(), fetched: prev ? prev.fetched : null, entries: prev ? prev.entries : null, changed: false, error: null };
  const done = (e) => {
    env.fs.unlink(tmp);
    env.fs.unlink(`${tmp}.rc`);
    rec.error = e;
    return rec;
  };
  if (!env.fs.mkdirp(LIST_DIR)) return done(msg("sub_write", [LIST_DIR]));
  const limit = s.maxSize * 1024;
  const r = env.run(["sh", "-c", FETCH_SCRIPT, "splitwg-fetch", tmp, s.url, `${limit + 1}`]);
  const size = int(trim(r.stdout));
  if (r.code !== 0 && !env.fs.exists(tmp)) return done(msg("sub_write", [tmp]));
  if (size > limit) return done(msg("sub_too_large", [s.maxSize]));
  const rc = env.fs.read(`${tmp}.rc`);
  if (rc !== null) return done(msg("sub_fetch", [lastLine(r.stderr) || `uclient-fetch exited ${trim(rc)}`]));
  const j = judge(env, tmp);
  if (j.error) return done(j.error);
  rec.changed = env.fs.digest(tmp) !== env.fs.digest(s.path);
  if (rec.changed && !env.fs.rename(tmp, s.path)) return done(msg("sub_write", [s.path]));
  rec.fetched = rec.time;
  rec.entries = j.entries;
  return done(null);
}
function subscriptionsOf(sections) {
  return readSubscriptions(sections, []);
}
function due(env, s, r) {
  return !r || r.url !== s.url || r.error !== null || r.fetched === null || env.now() - r.fetched >= s.interval * 3600 - 300;
}
function fetchUnlock(env) {
  env.fs.unlink(`${FETCH_LOCK}/time`);
  env.fs.rmdir(FETCH_LOCK);
}
function fetchLock(env) {
  env.fs.mkdirp(PATHS.state);
  if (env.fs.mkdir(FETCH_LOCK)) {
    env.fs.write(`${FETCH_LOCK}/time`, `${env.now()}
`);
    return true;
  }
  if (env.now() - int(trim(env.fs.read(`${FETCH_LOCK}/time`) ?? "0")) < 900) return false;
  fetchUnlock(env);
  return fetchLock(env);
}
function fetchAll(env, subs) {
  if (!length(subs)) return {};
  if (!fetchLock(env)) return null;
  const recs = readRecords(env), out = {};
  for (let i = 0; i < length(subs); i++) {
    const s = subs[i];
    out[s.name] = fetchOne(env, s, recs[s.name] ?? null);
    recs[s.name] = out[s.name];
    const e = out[s.name].error;
    env.log(e ? `list ${s.name}: ${format(e)}; the previous copy stays` : `list ${s.name}: ${out[s.name].entries} entries${out[s.name].changed ? ", changed" : ", unchanged"}`);
  }
  writeRecords(env, recs);
  fetchUnlock(env);
  return out;
}
function fetchMissing(env, sections) {
  const recs = readRecords(env);
  const subs = filter(subscriptionsOf(sections), (s) => s.enabled && (!env.fs.exists(s.path) || recs[s.name] && recs[s.name].url !== s.url));
  const got = fetchAll(env, subs);
  if (got === null) return [format(msg("sub_busy"))];
  const out = [];
  for (let n in got) if (got[n].error) push(out, `subscription.${n}: ${format(got[n].error)}`);
  return out;
}
function updateLists(env, name, onlyDue, apply) {
  const sections = readConfigSections(env.uci, "splitwg");
  let subs = subscriptionsOf(sections);
  const res = { lists: [], applied: null, note: null, error: null };
  if (name !== null) {
    subs = filter(subs, (s) => s.name === name);
    if (!length(subs)) {
      res.error = described(msg("sub_unknown", [name]));
      return res;
    }
  } else subs = filter(subs, (s) => s.enabled);
  if (onlyDue) {
    const recs = readRecords(env);
    subs = filter(subs, (s) => due(env, s, recs[s.name] ?? null));
  }
  const got = fetchAll(env, subs);
  if (got === null) {
    res.error = described(msg("sub_busy"));
    return res;
  }
  let changed = false;
  for (let i = 0; i < length(subs); i++) {
    const s = subs[i], g = got[s.name];
    if (g.changed) changed = true;
    push(res.lists, { name: s.name, path: s.path, changed: g.changed, entries: g.entries, error: g.error ? described(g.error) : null });
  }
  if (!changed) return res;
  const st = readState(env);
  if (!st || !st.ok || !st.enabled) res.note = msg("sub_not_applied");
  else if (st.config_hash !== configFingerprint(env, () => sections) || length((env.uci.changes("splitwg") ?? {}).splitwg ?? []) > 0) res.note = msg("sub_config_pending");
  else res.applied = apply(env);
  return res;
}
function syncCron(env, want) {
  const old = env.fs.read(CRONTAB);
  const lines = filter(split(old ?? "", "\n"), (l) => l !== "" && index(l, CRON_MARK) < 0);
  if (want) push(lines, CRON_LINE);
  const text = length(lines) ? join("\n", lines) + "\n" : null;
  if (text === (old === "" ? null : old)) return true;
  let ok = true;
  if (text === null) ok = env.fs.unlink(CRONTAB);
  else {
    const tmp = `${CRONTAB}.splitwg-new`;
    ok = env.fs.mkdirp(substr(CRONTAB, 0, rindex(CRONTAB, "/"))) && env.fs.write(tmp, text) && env.fs.rename(tmp, CRONTAB);
    if (!ok) env.fs.unlink(tmp);
  }
  if (ok && env.fs.exists("/etc/init.d/cron")) env.run(["/etc/init.d/cron", "restart"]);
  return ok;
}
function subscriptionStatus(env, subs) {
  const recs = readRecords(env);
  return map(subs, (s) => {
    const r = recs[s.name] ?? null;
    return {
      name: s.name,
      path: s.path,
      url: s.url,
      enabled: s.enabled,
      interval: s.interval,
      entries: r ? r.entries : null,
      fetched: r ? r.fetched : null,
      fetched_age: r && r.fetched !== null ? env.now() - r.fetched : null,
      checked: r ? r.time : null,
      error: r && r.error ? described(r.error) : null
    };
  });
}

// src/router/lists.ts
let lists_MD5_LINE = /^([0-9a-f]{32})  ([^\n]+)$/;
function contentHashes(env, paths) {
  const out = {};
  if (!length(paths)) return out;
  const byName = {};
  for (let i = 0; i < length(paths); i++) {
    byName[paths[i]] = paths[i];
    byName[env.fs.hostPath(paths[i])] = paths[i];
  }
  const r = env.run(["md5sum", ...paths]);
  const lines = split(r.stdout, "\n");
  for (let i = 0; i < length(lines); i++) {
    const m = match(lines[i], lists_MD5_LINE);
    if (m && byName[m[2]]) out[byName[m[2]]] = m[1];
  }
  return out;
}
function cachePath(hash, what) {
  return `${PATHS.lists}/${hash}.${what}`;
}
function cached(env, hash) {
  const text = env.fs.read(cachePath(hash, "json"));
  if (text === null) return null;
  let meta = null;
  try {
    meta = json(text);
  } catch {
    return null;
  }
  if (type(meta) !== "object" || meta.version !== VERSION) return null;
  if (meta.v4 && !env.fs.exists(`${PATHS.lists}/${fragmentName(hash, 4)}`) || meta.v6 && !env.fs.exists(`${PATHS.lists}/${fragmentName(hash, 6)}`)) return null;
  const lf = listStart(hash);
  lf.v4 = meta.v4;
  lf.v6 = meta.v6;
  if (meta.domains) {
    const d = env.fs.read(cachePath(hash, "d"));
    if (d === null) return null;
    lf.domains = split(d, "\n");
    if (length(lf.domains) !== meta.domains) return null;
  }
  return lf;
}
function fragment(hash, family, head) {
  const name = fragmentName(hash, family);
  return { path: `${PATHS.lists}/${name}`, tmp: `${PATHS.lists}/.${name}.tmp`, head, w: null, buf: [], ok: true };
}
function flushFragment(env, f) {
  if (!f.ok || !length(f.buf)) return;
  if (f.w === null) {
    f.w = env.fs.create(f.tmp);
    if (f.w === null || !f.w.write(f.head)) {
      f.ok = false;
      return;
    }
  }
  if (!f.w.write(fragmentLine(f.buf))) f.ok = false;
  f.buf = [];
}
function addTo(env, f, text) {
  push(f.buf, text);
  if (length(f.buf) >= FRAGMENT_CHUNK) flushFragment(env, f);
}
function closeFragment(env, f) {
  flushFragment(env, f);
  if (f.w === null) return f.ok;
  f.ok = f.w.write(FRAGMENT_TAIL) && f.w.close() && f.ok;
  return f.ok;
}
function readOne(env, path, hash, mode, staged) {
  const rd = env.fs.lines(path);
  if (rd === null) return listMissing();
  const lf = listStart(hash, mode === "explain");
  const stage = mode === "apply" && env.fs.mkdirp(PATHS.lists);
  const f4 = fragment(hash, 4, fragmentHead(VERSION, path, 4)), f6 = fragment(hash, 6, fragmentHead(VERSION, path, 6));
  let n = 0;
  for (let line = rd.next(); line !== null; line = rd.next()) {
    n++;
    const e = listLine(lf, n, line);
    if (e !== null && stage && !lf.badLines) addTo(env, e.family === 4 ? f4 : f6, e.text);
  }
  rd.close();
  if (stage) {
    const ok = closeFragment(env, f4) && closeFragment(env, f6);
    if (ok && !lf.badLines) push(staged, { path, lf, frags: [f4, f6] });
    else for (let i = 0; i < 2; i++) env.fs.unlink([f4, f6][i].tmp);
  }
  return lf;
}
function commit(env, staged) {
  if (!length(staged)) return;
  const now = contentHashes(env, map(staged, (x) => x.path));
  for (let i = 0; i < length(staged); i++) {
    const x = staged[i], lf = x.lf;
    const same = now[x.path] === lf.hash;
    let ok = same;
    for (let j = 0; j < length(x.frags); j++) {
      const f = x.frags[j];
      if (f.w === null) continue;
      if (ok && !env.fs.rename(f.tmp, f.path)) ok = false;
      if (!ok) env.fs.unlink(f.tmp);
    }
    if (!same) {
      lf.changed = true;
      continue;
    }
    if (!ok) continue;
    if (length(lf.domains)) env.fs.write(cachePath(lf.hash, "d"), join("\n", lf.domains));
    env.fs.write(cachePath(lf.hash, "json"), sprintf("%J\n", { version: VERSION, path: x.path, v4: lf.v4, v6: lf.v6, domains: length(lf.domains) }));
  }
}
function readLists(env, sections, mode) {
  const paths = listPaths(sections);
  const out = {};
  if (!length(paths)) return out;
  const hashes = contentHashes(env, paths);
  const staged = [];
  for (let i = 0; i < length(paths); i++) {
    const p = paths[i], h = hashes[p];
    if (!h) {
      out[p] = listMissing();
      continue;
    }
    const c = mode === "explain" ? null : cached(env, h);
    out[p] = c ?? readOne(env, p, h, mode, staged);
  }
  commit(env, staged);
  return out;
}
function listHashes(files) {
  const out = {};
  for (let p in files) if (files[p].ok) out[p] = files[p].hash;
  return out;
}
function listsText(env, sets, names) {
  return listsScript(listSets(sets, names), env.fs.hostPath(PATHS.lists));
}
function listsFile(env, sets) {
  const body = listsText(env, sets);
  return body === "" ? null : `# Generated by splitwg ${VERSION}: the list sets, filled from their files' fragments — do not edit.
${body}`;
}
function installLists(env, text) {
  if (text === null) return !env.fs.exists(PATHS.nftLists) || env.fs.unlink(PATHS.nftLists);
  const tmp = `${PATHS.nftLists}.tmp`;
  return env.fs.mkdirp(substr(PATHS.nftLists, 0, rindex(PATHS.nftLists, "/"))) && env.fs.write(tmp, text) && env.fs.rename(tmp, PATHS.nftLists);
}
function prune(env, keep) {
  const names = env.fs.list(PATHS.lists);
  if (names === null) return;
  const want = {};
  for (let i = 0; i < length(keep); i++) want[keep[i]] = true;
  for (let i = 0; i < length(names); i++) {
    const n = names[i];
    const dot = index(n, ".");
    if (dot <= 0 || !want[substr(n, 0, dot)]) env.fs.unlink(`${PATHS.lists}/${n}`);
  }
  if (!length(keep)) env.fs.rmdir(PATHS.lists);
}
function listReport(env) {
  const secs = readConfigSections(env.uci, "splitwg");
  const named = listPaths(secs);
  const subs = subscriptionStatus(env, readSubscriptions(secs, []));
  const bySub = {};
  for (let i = 0; i < length(subs); i++) bySub[subs[i].path] = subs[i];
  const paths = [];
  const here = sort(env.fs.list(LIST_DIR) ?? []);
  for (let i = 0; i < length(here); i++)
    if (substr(here[i], 0, 1) !== "." && !badListFile(here[i])) push(paths, `${LIST_DIR}/${here[i]}`);
  for (let i = 0; i < length(named); i++) if (index(paths, named[i]) < 0) push(paths, named[i]);
  for (let p in bySub) if (index(paths, p) < 0) push(paths, p);
  const files = readLists(env, [{ type: "rule", name: "lists", anonymous: true, options: { list_file: paths } }], "check");
  const pre = `${LIST_DIR}/`;
  return {
    dir: LIST_DIR,
    files: map(paths, (p) => {
      const lf = files[p];
      return {
        path: p,
        name: substr(p, 0, length(pre)) === pre ? substr(p, length(pre)) : p,
        used: index(named, p) >= 0,
        ok: lf.ok,
        entries: listEntries(lf),
        domains: length(lf.domains),
        v4: lf.v4,
        v6: lf.v6,
        problems: map(lf.bad, (b) => described(b)),
        more: lf.badLines - length(lf.bad),
        subscription: bySub[p] ?? null
      };
    })
  };
}

// src/router/routes.ts
function ours(dev) {
  return type(dev) === "string" && substr(dev, 0, 3) === "sw_";
}
function viaUs(r) {
  if (ours(r.dev)) return true;
  const hops = type(r.nexthops) === "array" ? r.nexthops : [];
  for (let i = 0; i < length(hops); i++) if (ours(hops[i].dev)) return true;
  return false;
}
function localNetworks(env, ipv6) {
  const out = [];
  let ok = true;
  const fams = ipv6 ? [4, 6] : [4];
  for (let f = 0; f < length(fams); f++) {
    const rs = env.routes(fams[f]);
    if (rs === null) {
      ok = false;
      continue;
    }
    for (let i = 0; i < length(rs); i++) {
      const r = rs[i];
      if (type(r) !== "object" || type(r.dst) !== "string" || r.dst === "default" || viaUs(r)) continue;
      if (index(out, r.dst) < 0) push(out, r.dst);
    }
  }
  return { local: out, ok };
}

// src/router/plancache.ts
let KEY = `${PATHS.state}/plan.key`;
let FILE = `${PATHS.state}/plan.json`;
let NFT_FILE = `${PATHS.state}/plan.nft`;
let DNS_FILE = `${PATHS.state}/plan.dnsmasq`;
function plancache_readJson(env, path) {
  const text = env.fs.read(path);
  try {
    return text ? json(text) : null;
  } catch {
    return null;
  }
}
function sameLists(env, c) {
  const now = contentHashes(env, keys(c.lists));
  for (let p in c.lists) if (now[p] !== c.lists[p]) return false;
  const sets = c.plan.table ? listSets(c.plan.table.sets) : [];
  for (let i = 0; i < length(sets); i++)
    for (let j = 0; j < length(sets[i].feeds ?? []); j++)
      if (!env.fs.exists(`${PATHS.lists}/${fragmentName(sets[i].feeds[j], sets[i].family)}`)) return false;
  return true;
}
function uncommitted(env) {
  return length((env.uci.changes("splitwg") ?? {}).splitwg ?? []) > 0;
}
function cachedPlan(env, local, down) {
  const digest = env.configDigest("splitwg");
  if (digest === null || uncommitted(env)) return null;
  const k = plancache_readJson(env, KEY);
  if (type(k) !== "object" || type(k.local) !== "array" || type(k.lists) !== "object") return null;
  if (k.version !== VERSION || k.digest !== digest) return null;
  if (join(" ", k.down ?? []) !== join(" ", down)) return null;
  const now = local(k.ipv6);
  if (now === null || join("\n", now) !== join("\n", k.local)) return null;
  const body = plancache_readJson(env, FILE);
  if (type(body) !== "object" || body.digest !== digest || type(body.plan) !== "object" || type(body.warnings) !== "array") return null;
  const nft = env.fs.read(NFT_FILE), dns = env.fs.read(DNS_FILE);
  if (nft === null || dns === null) return null;
  const plan = { ...body.plan, nft, dnsmasq: dns };
  const c = { version: k.version, digest, local: k.local, ipv6: k.ipv6, lists: k.lists, plan, view: body.view, warnings: body.warnings, down };
  return sameLists(env, c) ? c : null;
}
function forgetPlan(env) {
  env.fs.unlink(KEY);
  env.fs.unlink(FILE);
  env.fs.unlink(NFT_FILE);
  env.fs.unlink(DNS_FILE);
}
function lean(p) {
  const table = p.table ? { ...p.table, sets: map(p.table.sets, (s) => ({ ...s, elements: s.elements === null ? null : [] })) } : null;
  return { ...p, table, nft: "", dnsmasq: "" };
}
function keepPlan(env, c) {
  if (uncommitted(env)) {
    forgetPlan(env);
    return;
  }
  forgetPlan(env);
  env.fs.mkdirp(PATHS.state);
  const key = { version: c.version, digest: c.digest, local: c.local, ipv6: c.ipv6, lists: c.lists, down: c.down };
  const body = { digest: c.digest, plan: lean(c.plan), view: c.view, warnings: c.warnings };
  if (!(putFile(env, NFT_FILE, c.plan.nft) && putFile(env, DNS_FILE, c.plan.dnsmasq) && putFile(env, FILE, sprintf("%J", body)) && putFile(env, KEY, sprintf("%J", key)))) forgetPlan(env);
}

// src/router/owned.ts
function copySection(s) {
  const c = {};
  for (let k in s) c[k] = type(s[k]) === "array" ? [...s[k]] : s[k];
  return c;
}
function ownedSections(uci, config) {
  uci.unload(config);
  uci.load(config);
  const all = uci.get_all(config) ?? {};
  const out = [];
  for (let name in all)
    if (isOwned(config, all[name])) push(out, copySection(all[name]));
  return sort(out, (a, b) => (a[".index"] ?? 0) - (b[".index"] ?? 0));
}
function toUciSection(s) {
  return { type: s[".type"], name: s[".name"], anonymous: false, options: optionsOf(s) };
}
function sameValue(a, b) {
  if (type(a) === "array" && type(b) === "array") {
    const x = a, y = b;
    if (length(x) !== length(y)) return false;
    for (let i = 0; i < length(x); i++) if (x[i] !== y[i]) return false;
    return true;
  }
  return a === b;
}
function sameSection(a, b) {
  if (a.type !== b.type || a.name !== b.name) return false;
  for (let k in a.options) if (!sameValue(a.options[k], b.options[k] ?? null)) return false;
  for (let k in b.options) if (!exists(a.options, k)) return false;
  return true;
}
function diffOwned(config, all, current, want) {
  const d = { config, remove: [], create: [], update: [], conflicts: [], changed: false };
  const have = {};
  for (let i = 0; i < length(current); i++) have[current[i][".name"]] = toUciSection(current[i]);
  const wanted = {};
  for (let i = 0; i < length(want); i++) {
    const w = want[i];
    wanted[w.name] = true;
    const h = have[w.name];
    if (!h) {
      if (all[w.name]) push(d.conflicts, `${config}.${w.name}`);
      else push(d.create, w);
    } else if (h.type !== w.type) {
      push(d.remove, w.name);
      push(d.create, w);
    } else if (!sameSection(h, w)) {
      push(d.update, { section: w, drop: filter(keys(h.options), (k) => !exists(w.options, k)) });
    }
  }
  for (let name in have) if (!wanted[name]) push(d.remove, name);
  d.changed = length(d.remove) > 0 || length(d.create) > 0 || length(d.update) > 0;
  return d;
}
function setOptions(uci, config, s) {
  for (let k in s.options) uci.set(config, s.name, k, s.options[k]);
}
function writeOwned(uci, d) {
  for (let i = 0; i < length(d.remove); i++) uci.delete(d.config, d.remove[i]);
  for (let i = 0; i < length(d.update); i++) {
    const u = d.update[i];
    for (let j = 0; j < length(u.drop); j++) uci.delete(d.config, u.section.name, u.drop[j]);
    setOptions(uci, d.config, u.section);
  }
  for (let i = 0; i < length(d.create); i++) {
    uci.set(d.config, d.create[i].name, d.create[i].type);
    setOptions(uci, d.config, d.create[i]);
  }
}
function reorderOwned(uci, config, sections) {
  const sorted = sort([...sections], (a, b) => a[".index"] - b[".index"]);
  for (let i = 0; i < length(sorted); i++) uci.reorder(config, sorted[i][".name"], sorted[i][".index"]);
}
function touchedTypes(d, current) {
  const t = {};
  for (let i = 0; i < length(current); i++)
    if (index(d.remove, current[i][".name"]) >= 0) t[current[i][".name"]] = current[i][".type"];
  for (let i = 0; i < length(d.create); i++) t[d.create[i].name] = d.create[i].type;
  for (let i = 0; i < length(d.update); i++) t[d.update[i].section.name] = d.update[i].section.type;
  return t;
}

// src/router/dnsmasq.ts
let INIT_SCRIPT = "/etc/init.d/dnsmasq";
function confDirs(env) {
  env.uci.unload("dhcp");
  env.uci.load("dhcp");
  const all = env.uci.get_all("dhcp") ?? {};
  const perSection = index(env.fs.read(INIT_SCRIPT) ?? "", '"/tmp/dnsmasq.d"') < 0;
  const dirs = [];
  for (let name in all) {
    const s = all[name];
    if (s[".type"] !== "dnsmasq" || index(["1", "on", "yes", "true", "enabled"], s.disabled) >= 0) continue;
    const opt = type(s.confdir) === "string" ? s.confdir : "";
    const d = opt !== "" ? split(opt, ",")[0] : perSection ? `/tmp/dnsmasq.${name}.d` : PATHS.dnsmasqDefaultDir;
    if (substr(d, 0, 1) === "/" && index(dirs, d) < 0) push(dirs, d);
  }
  return dirs;
}
function generatedConfDir(env, section) {
  const text = env.fs.read(`/var/etc/dnsmasq.conf.${section}`);
  if (text === null) return null;
  const lines = split(text, "\n");
  for (let i = 0; i < length(lines); i++)
    if (substr(lines[i], 0, 9) === "conf-dir=") {
      const v = split(substr(lines[i], 9), ",")[0];
      if (v !== "") return v;
    }
  return null;
}
function runningConfDirs(env) {
  env.uci.load("dhcp");
  const all = env.uci.get_all("dhcp") ?? {};
  const dirs = [];
  for (let name in all) {
    if (all[name][".type"] !== "dnsmasq") continue;
    const d = generatedConfDir(env, name);
    if (d !== null && index(dirs, d) < 0) push(dirs, d);
  }
  return dirs;
}
function filePath(dir) {
  return `${dir}/${PATHS.dnsmasqFile}`;
}
function writeFile(env, dir, text) {
  const path = filePath(dir);
  if (text === null) return !env.fs.exists(path) || env.fs.unlink(path);
  const tmp = `${dir}/.${PATHS.dnsmasqFile}.tmp`;
  return env.fs.mkdirp(dir) && env.fs.write(tmp, text) && env.fs.rename(tmp, path);
}
function hasNftset(versionText) {
  return index(versionText, " nftset") >= 0;
}
function running(env) {
  return env.run(["pidof", "dnsmasq"]).code === 0;
}
function misplaced(env, appliedHash, derived) {
  const running = runningConfDirs(env);
  const dirs = length(running) ? running : derived;
  const out = [];
  for (let i = 0; i < length(dirs); i++) {
    const have = fileFingerprint(env, filePath(dirs[i]));
    if (have !== appliedHash) push(out, { dir: dirs[i], file: filePath(dirs[i]), differs: have !== null });
  }
  return out;
}

// src/router/detect.ts
function firstSectionOfType(env, config, t) {
  env.uci.load(config);
  const all = env.uci.get_all(config) ?? {};
  let best = null;
  for (let name in all)
    if (all[name][".type"] === t && (best === null || all[name][".index"] < best[".index"])) best = all[name];
  return best;
}
function detect(env) {
  const v = env.run(["dnsmasq", "--version"]);
  const defaults = firstSectionOfType(env, "firewall", "defaults") ?? {};
  return {
    fw4: env.fs.exists(PATHS.fw4),
    dnsmasq: v.code === 0,
    nftset: v.code === 0 && hasNftset(v.stdout),
    confDirs: confDirs(env),
    flowOffloading: defaults.flow_offloading === "1",
    flowOffloadingHw: defaults.flow_offloading === "1" && defaults.flow_offloading_hw === "1",
    ipv6: env.fs.exists(PATHS.ipv6),
    conntrack: env.fs.exists(PATHS.conntrack),
    // (splitwg never sets the sysctl: it is the owner's)
    ctAccounting: trim(env.fs.read(PATHS.ctAccounting) ?? "") !== "0",
    wgShellHandler: env.fs.exists(PATHS.wgShellHandler)
  };
}
function platformWarnings(p, needsDomains, wantsIpv6) {
  const w = [];
  if (!p.fw4) push(w, msg("platform_no_fw4"));
  if (!p.dnsmasq) push(w, msg("platform_no_dnsmasq"));
  else if (!p.nftset && needsDomains) push(w, msg("platform_no_nftset"));
  if (p.dnsmasq && !length(p.confDirs) && needsDomains) push(w, msg("platform_no_dnsmasq_instance"));
  if (p.flowOffloadingHw) push(w, msg("platform_offload_hw"));
  else if (p.flowOffloading) push(w, msg("platform_offload_sw"));
  if (wantsIpv6 && !p.ipv6) push(w, msg("platform_no_ipv6"));
  if (!p.conntrack) push(w, msg("platform_no_conntrack"));
  if (!p.ctAccounting) push(w, msg("platform_no_ct_accounting"));
  return w;
}

// src/router/nftables.ts
let TABLE = ["inet", "splitwg"];
let STAGED = `${PATHS.state}/next.nft`;
let REPLACE_PATH = `${PATHS.state}/replace.nft`;
function replaceScript(text) {
  return `table inet splitwg
delete table inet splitwg
${text}`;
}
function replaceFile(env, text) {
  env.fs.mkdirp(PATHS.state);
  return env.fs.write(REPLACE_PATH, replaceScript(text));
}
function names(env, what) {
  const r = env.run(what === "chains" ? ["nft", "-j", "list", "chains", TABLE[0]] : ["nft", "-j", "-t", "list", what, TABLE[0]]);
  if (r.code !== 0) return null;
  let doc = null;
  try {
    doc = json(r.stdout);
  } catch {
    return null;
  }
  const list = type(doc) === "object" && type(doc.nftables) === "array" ? doc.nftables : [];
  const key = what === "sets" ? "set" : what === "maps" ? "map" : "chain";
  const out = [];
  for (let i = 0; i < length(list); i++) {
    const o = list[i][key];
    if (type(o) === "object" && o.table === TABLE[1]) push(out, o.name);
  }
  return out;
}
function tableExists(env) {
  const c = names(env, "chains");
  return c !== null && length(c) > 0;
}
function stage(env, text, transition, lists, allLists) {
  env.fs.mkdirp(PATHS.state);
  const body = text + (transition ?? "");
  const ready = (path, script, extra, replace) => extra === "" || env.fs.write(path, script + extra) ? { path, replace: replace, error: null } : { path, replace: replace, error: `cannot write ${path}` };
  if (!env.fs.write(STAGED, body)) return { path: STAGED, replace: false, error: `cannot write ${STAGED}` };
  let r = env.run(["nft", "-c", "-f", STAGED]);
  if (r.code === 0) return ready(STAGED, body, lists ?? "", false);
  const first = failure(r, ["nft", "-c", "-f", STAGED]);
  if (text === "" || !tableExists(env)) return { path: STAGED, replace: false, error: first };
  if (!replaceFile(env, text)) return { path: STAGED, replace: false, error: first };
  r = env.run(["nft", "-c", "-f", REPLACE_PATH]);
  if (r.code === 0) return ready(REPLACE_PATH, replaceScript(text), allLists ?? "", true);
  return { path: STAGED, replace: false, error: first };
}
function load(env, path) {
  return env.run(["nft", "-f", path]);
}
function remove(env) {
  return env.run(["nft", "delete", "table", ...TABLE]);
}
function installedText(env) {
  return env.fs.read(PATHS.nft);
}
function install(env, text) {
  if (text === null) return !env.fs.exists(PATHS.nft) || env.fs.unlink(PATHS.nft);
  const dir = substr(PATHS.nft, 0, rindex(PATHS.nft, "/"));
  const tmp = `${PATHS.nft}.tmp`;
  return env.fs.mkdirp(dir) && env.fs.write(tmp, text) && env.fs.rename(tmp, PATHS.nft);
}
function cleanupStaged(env) {
  env.fs.unlink(STAGED);
  env.fs.unlink(REPLACE_PATH);
}
function liveObjects(env) {
  const chains = names(env, "chains");
  if (chains === null || !length(chains)) return null;
  return { sets: names(env, "sets") ?? [], maps: names(env, "maps") ?? [], chains };
}
function listJson(env, terse) {
  const r = env.run(terse ? ["nft", "-j", "-t", "list", "table", ...TABLE] : ["nft", "-j", "list", "table", ...TABLE]);
  if (r.code !== 0) return null;
  let doc = null;
  try {
    doc = json(r.stdout);
  } catch {
    return null;
  }
  return type(doc) === "object" && type(doc.nftables) === "array" ? doc.nftables : null;
}
function listMaps(env, maps) {
  const out = [];
  for (let i = 0; i < length(maps); i++) {
    const r = env.run(["nft", "-j", "list", "map", ...TABLE, maps[i]]);
    if (r.code !== 0) continue;
    let doc = null;
    try {
      doc = json(r.stdout);
    } catch {
      continue;
    }
    const list = type(doc) === "object" && type(doc.nftables) === "array" ? doc.nftables : [];
    for (let j = 0; j < length(list); j++) if (type(list[j].map) === "object") push(out, list[j]);
  }
  return out;
}

// src/router/conntrack.ts
function conntrack_marksOf(plan) {
  return join(" ", [plan.marks.mask, plan.marks.direct, ...map(plan.upstreams, (u) => `${u.name}=${u.mark}`)]);
}
function rulesText(chain, chains, sets, seen) {
  const out = [];
  const rules = chain ? chain.rules : [];
  for (let i = 0; i < length(rules); i++) {
    const r = rules[i];
    if (r.verdict === "jump") {
      push(out, `jump {${rulesText(chains[r.target] ?? null, chains, sets, seen)}
}`);
      continue;
    }
    push(out, `${r.expr} ${r.verdict} ${r.target ?? ""}`);
    for (let j = 0; j < length(r.sets); j++)
      if (!seen[r.sets[j]]) {
        seen[r.sets[j]] = true;
        push(sets, r.sets[j]);
      }
  }
  return length(out) ? "\n" + join("\n", out) : "";
}
function clientPaths(plan) {
  const out = {};
  const marks = conntrack_marksOf(plan);
  const chains = {};
  const all = plan.table ? plan.table.chains : [];
  for (let i = 0; i < length(all); i++) chains[all[i].name] = all[i];
  for (let i = 0; i < length(plan.clients); i++) {
    const c = plan.clients[i], sets = [];
    const text = `${marks}
from ${join(" ", c.sources)}${rulesText(chains[c.chain] ?? null, chains, sets, {})}`;
    out[c.name] = { sig: hash(text), sources: c.sources, sets };
  }
  return out;
}
function printedSets(nft) {
  const out = {};
  const parts = split(nft, "\n	set ");
  for (let i = 1; i < length(parts); i++) {
    const p = parts[i], nl = index(p, "\n"), end = index(p, "\n	}");
    out[substr(p, 0, index(p, " "))] = nl < 0 || end < nl ? "" : substr(p, nl, end - nl);
  }
  return out;
}
function setFills(sets, nft) {
  if (sets === null) return null;
  const printed = printedSets(nft ?? "");
  const out = {};
  for (let i = 0; i < length(sets); i++) {
    const x = sets[i];
    out[x.name] = x.kind === "net" ? printed[x.name] ?? "" : x.sig ?? x.key;
  }
  return out;
}
function sameFills(was, sets, before, after) {
  if (before === null || type(was.sets) !== "array") return false;
  for (let i = 0; i < length(sets); i++) if ((before[sets[i]] ?? null) !== (after[sets[i]] ?? null)) return false;
  return true;
}
function changedClients(before, after, was, now) {
  const out = {};
  if (before === null) {
    for (let n in after) out[n] = after[n].sources;
    return out;
  }
  for (let n in after)
    if (!before[n] || before[n].sig !== after[n].sig || !sameFills(before[n], after[n].sets, was, now))
      out[n] = uniq([...before[n] ? before[n].sources : [], ...after[n].sources]);
  for (let n in before)
    if (!after[n]) out[n] = before[n].sources;
  return out;
}
function keyText(k) {
  if (type(k) === "object" && type(k.prefix) === "object") return `${k.prefix.addr}/${k.prefix.len}`;
  if (type(k) === "object" && type(k.range) === "array") return `${k.range[0]}-${k.range[1]}`;
  return `${k}`;
}
function liveClientMaps(env) {
  const out = [];
  const names = [`${NFT.clientMaps}4`, `${NFT.clientMaps}6`];
  for (let i = 0; i < length(names); i++) {
    const r = env.run(["nft", "-j", "list", "map", NFT.family, NFT.table, names[i]]);
    if (r.code !== 0) continue;
    let doc = null;
    try {
      doc = json(r.stdout);
    } catch {
      doc = null;
    }
    const list = type(doc) === "object" && type(doc.nftables) === "array" ? doc.nftables : [];
    for (let j = 0; j < length(list); j++) if (type(list[j].map) === "object") push(out, list[j].map);
  }
  return out;
}
function installedPaths(maps) {
  if (maps === null) return null;
  const out = {};
  const prefix = clientChainName("");
  for (let i = 0; i < length(maps); i++) {
    const el = maps[i].elem ?? [];
    for (let j = 0; j < length(el); j++) {
      const e = type(el[j]) === "object" && type(el[j].elem) === "object" ? el[j].elem.val : el[j];
      if (type(e) !== "array" || type(e[1]) !== "object" || type(e[1].goto) !== "object") continue;
      const target = e[1].goto.target;
      if (substr(target, 0, length(prefix)) !== prefix) continue;
      const name = substr(target, length(prefix));
      out[name] ??= { sig: "", sources: [] };
      push(out[name].sources, keyText(e[0]));
    }
  }
  return out;
}
function flush(env, changed) {
  const r = { flushed: [], skipped: [] };
  for (let n in changed) {
    const srcs = changed[n];
    let any = false, other = false;
    for (let i = 0; i < length(srcs); i++) {
      const p = parsePrefix(srcs[i]);
      if (isMsg(p)) {
        other = true;
        continue;
      }
      const fam = p.family === 4 ? "ipv4" : "ipv6";
      env.run(["conntrack", "-D", "-f", fam, "-s", srcs[i]]);
      any = true;
    }
    if (any) push(r.flushed, n);
    if (other) push(r.skipped, n);
  }
  return r;
}

// src/router/wg.ts
let DIGITS = /^[0-9]+$/;
function keyError(r, cmd) {
  const e = firstLine(r.stderr);
  return `${cmd} failed (exit ${r.code})${e ? ": " + e : ""}`;
}
function pubkey(env, privateKey) {
  const r = env.run(["wg", "pubkey"], privateKey);
  const k = trim(r.stdout);
  if (r.code !== 0 || badKey(k) !== null) return { error: keyError(r, "wg pubkey") };
  return k;
}
function genkey(env) {
  const r = env.run(["wg", "genkey"]);
  const priv = trim(r.stdout);
  if (r.code !== 0 || badKey(priv) !== null) return { error: keyError(r, "wg genkey") };
  const pub = pubkey(env, priv);
  if (type(pub) !== "string") return pub;
  return { private_key: priv, public_key: pub };
}
function num(s) {
  return match(s, DIGITS) ? int(s) : 0;
}
function parseDump(text) {
  const out = [];
  const lines = split(text, "\n");
  for (let i = 1; i < length(lines); i++) {
    const f = split(lines[i], "	");
    if (length(f) < 8) continue;
    push(out, {
      public_key: f[0],
      endpoint: f[2] === "(none)" ? null : f[2],
      allowed_ips: f[3] === "(none)" ? [] : split(f[3], ","),
      latest_handshake: num(f[4]),
      rx: num(f[5]),
      tx: num(f[6]),
      keepalive: f[7] === "off" ? null : num(f[7])
    });
  }
  return out;
}
function allPeers(env) {
  const r = env.run(["wg", "show", "all", "dump"]);
  if (r.code !== 0) return null;
  const by = {};
  const lines = split(r.stdout, "\n");
  for (let i = 0; i < length(lines); i++) {
    const tab = index(lines[i], "	");
    if (tab <= 0) continue;
    const iface = substr(lines[i], 0, tab);
    by[iface] ??= ["(interface)"];
    push(by[iface], substr(lines[i], tab + 1));
  }
  const out = {};
  for (let n in by) out[n] = parseDump(join("\n", by[n]));
  return out;
}

// src/router/ctbytes.ts
function ctTotals(text, mask) {
  const out = { sums: {}, connections: 0, accounted: 0, unaccounted: 0 };
  const lines = split(text, "\n");
  for (let i = 0; i < length(lines); i++) {
    const p = split(lines[i], " bytes=");
    if (length(p) < 3) {
      if (index(lines[i], " src=") >= 0) out.unaccounted++;
      continue;
    }
    out.accounted++;
    const m = index(p[2], " mark=");
    const mark = m < 0 ? 0 : int(substr(p[2], m + 6)) & mask;
    if (!mark) continue;
    const s = index(p[0], " src=");
    if (s < 0) continue;
    const rest = substr(p[0], s + 5);
    const src = substr(rest, 0, index(rest, " "));
    const key = `${src} ${mark}`;
    let acc = out.sums[key];
    if (!acc) {
      acc = { up: 0, down: 0 };
      out.sums[key] = acc;
    }
    acc.up += int(p[1]);
    acc.down += int(p[2]);
    out.connections++;
  }
  return out;
}
function noBytes() {
  return { direct: { up: 0, down: 0 }, proxy: {} };
}
function sourcesOf(clients) {
  const out = { hosts: {}, prefixes: [], clients: {} };
  for (let n in clients) {
    const srcs = clients[n].sources ?? [];
    for (let i = 0; i < length(srcs); i++) {
      const p = parsePrefix(srcs[i]);
      if (isMsg(p)) continue;
      out.clients[n] = true;
      if (p.host) out.hosts[p.text] = n;
      else push(out.prefixes, { client: n, p });
    }
  }
  return out;
}
function clientOf(s, addr) {
  if (s.hosts[addr]) return s.hosts[addr];
  if (!length(s.prefixes)) return null;
  const b = iptoarr(addr);
  if (!b) return null;
  for (let i = 0; i < length(s.prefixes); i++) if (prefixContains(s.prefixes[i].p, b)) return s.prefixes[i].client;
  return null;
}
function add(to, mark, marks, names, b) {
  let k = null;
  const u = names[`${mark}`];
  if (mark === marks.direct) k = to.direct;
  else if (u) {
    to.proxy[u] ??= { up: 0, down: 0 };
    k = to.proxy[u];
  }
  if (k === null) return;
  k.up += b.up;
  k.down += b.down;
}
function bytesByClient(t, clients, marks) {
  const s = sourcesOf(clients);
  const out = {};
  for (let n in s.clients) out[n] = noBytes();
  const other = noBytes();
  const names = {};
  for (let u in marks.upstreams) names[`${marks.upstreams[u]}`] = u;
  for (let key in t.sums) {
    const sp = index(key, " ");
    const c = clientOf(s, substr(key, 0, sp));
    add(c === null ? other : out[c], int(substr(key, sp + 1)), marks, names, t.sums[key]);
  }
  return { clients: out, unattributed: other };
}
function readTable(env, ipv6) {
  if (env.fs.exists(PATHS.conntrack)) {
    const fams = ipv6 ? ["ipv4", "ipv6"] : ["ipv4"];
    const parts = [];
    for (let i = 0; i < length(fams); i++) {
      const r = env.run(["conntrack", "-L", "-f", fams[i], "-o", "extended"]);
      if (r.code === 0) push(parts, r.stdout);
    }
    if (length(parts)) return { text: join("\n", parts), source: "conntrack" };
  }
  const p = env.fs.read(PATHS.ctTable);
  return p === null ? null : { text: p, source: "procfs" };
}
function clientBytes(env, clients, marks, ipv6) {
  const summary = { source: null, missing: null, connections: 0, unattributed: noBytes() };
  if (marks === null || clients === null) {
    summary.missing = "state";
    return { clients: {}, summary: summary };
  }
  if (trim(env.fs.read(PATHS.ctAccounting) ?? "") === "0") {
    summary.missing = "accounting";
    return { clients: {}, summary: summary };
  }
  const tbl = readTable(env, ipv6);
  if (tbl === null) {
    summary.missing = "conntrack";
    return { clients: {}, summary: summary };
  }
  summary.source = tbl.source;
  const t = ctTotals(tbl.text, marks.mask);
  if (t.unaccounted > 0 && t.accounted === 0) {
    summary.missing = "accounting";
    return { clients: {}, summary: summary };
  }
  const r = bytesByClient(t, clients, marks);
  summary.connections = t.connections;
  summary.unattributed = r.unattributed;
  return { clients: r.clients, summary: summary };
}

// src/router/health.ts
let HEALTH_FILE = `${PATHS.state}/health.json`;
let WATCH_FILE = `${PATHS.state}/watch.json`;
let RTT = /time=([0-9]+)/;
function readWatchFile(env) {
  const text = env.fs.read(WATCH_FILE);
  if (text === null || text === "") return null;
  let w = null;
  try {
    w = json(text);
  } catch {
    w = null;
  }
  return type(w) === "object" && type(w.upstreams) === "array" ? { text, watch: w } : null;
}
function writeWatch(env, w) {
  if (w === null) return !env.fs.exists(WATCH_FILE) || env.fs.unlink(WATCH_FILE);
  return putFile(env, WATCH_FILE, sprintf("%J\n", w));
}
function readHealth(env) {
  const h = readJson(env, HEALTH_FILE);
  return h !== null && type(h.upstreams) === "object" ? h : null;
}
function writeHealth(env, h) {
  return putFile(env, HEALTH_FILE, sprintf("%J\n", h));
}
function ifaceUp(env, iface) {
  const ifs = env.ubus(`network.interface.${iface}`, "status", {});
  return type(ifs) === "object" && ifs.up === true;
}
function handshakes(env) {
  const r = env.run(["wg", "show", "all", "latest-handshakes"]);
  const out = {};
  if (r.code !== 0) return out;
  const lines = split(r.stdout, "\n");
  for (let i = 0; i < length(lines); i++) {
    const f = split(trim(lines[i]), "	");
    if (length(f) < 3) continue;
    const t = int(f[2]);
    if (out[f[0]] == null || t > out[f[0]]) out[f[0]] = t;
  }
  return out;
}
function probe(env, u) {
  const targets = u.health.probe !== null ? [u.health.probe, ...u.health.dns] : u.health.dns;
  let rtt = null;
  for (let i = 0; i < length(targets); i++) {
    const r = env.run(["ping", "-c", "1", "-W", "1", "-I", u.iface, targets[i]]);
    if (r.code !== 0) return { ok: false, rtt: null };
    const m = match(r.stdout, RTT);
    if (i === 0) rtt = m ? int(m[1]) : null;
  }
  return { ok: true, rtt };
}
function sample(env, u, hs) {
  const up = ifaceUp(env, u.iface);
  const t = hs[u.iface] ?? 0;
  return {
    iface: up,
    probe: up && probed(u) ? probe(env, u) : null,
    handshake: t > 0 ? env.now() - t : null
  };
}
let BUSY = "an apply is running";
function setSlots(env, maps, down) {
  if (applyRunning(env)) return BUSY;
  const tmp = `${GROUP_STATE}.tmp`;
  if (!length(maps)) {
    env.fs.unlink(GROUP_STATE);
    return null;
  }
  env.fs.mkdirp(PATHS.state);
  if (!env.fs.write(tmp, slotsScript(maps, down))) return `cannot write ${tmp}`;
  const r = env.run(["nft", "-f", tmp]);
  if (r.code !== 0) {
    env.fs.unlink(tmp);
    return failure(r, ["nft", "-f", tmp]);
  }
  return env.fs.rename(tmp, GROUP_STATE) ? null : `cannot write ${GROUP_STATE}`;
}
function flushMember(env, w, u) {
  if (!env.fs.exists(PATHS.conntrack)) return;
  const m = sprintf("0x%x/0x%x", u.mark, w.mask);
  env.run(["conntrack", "-D", "-f", "ipv4", "-m", m]);
  if (w.ipv6) env.run(["conntrack", "-D", "-f", "ipv6", "-m", m]);
}
function inGroup(w, name) {
  for (let i = 0; i < length(w.maps); i++) if (index(w.maps[i].members, name) >= 0) return true;
  return false;
}
function health_due(u, p, now) {
  return p === null || p.last === null || now - p.last >= u.health.interval - 1;
}
function tick(env, w, prev, first) {
  const hs = handshakes(env);
  const before = prev ? prev.upstreams : {};
  const states = {};
  const changed = [];
  const now = env.now();
  for (let i = 0; i < length(w.upstreams); i++) {
    const u = w.upstreams[i];
    const p = before[u.name] ?? null;
    const s = health_due(u, p, now) ? step(p, sample(env, u, hs), u, now) : p;
    states[u.name] = s;
    if ((p ? p.up : true) !== s.up) push(changed, u);
  }
  const down = downOf(states);
  let pending = false;
  if (first || length(changed) || prev && prev.pending) {
    const e = setSlots(env, w.maps, down);
    if (e !== null) env.log(`health: the groups' slots could not be set: ${e}`);
    pending = e === BUSY;
  }
  for (let i = 0; i < length(changed); i++) {
    const u = changed[i], s = states[u.name];
    if (!s.up && inGroup(w, u.name)) flushMember(env, w, u);
    env.log(`upstream ${u.name} ${s.up ? "up" : "down"}: ${s.reason}`);
  }
  const h = { time: now, upstreams: states, groups: membersNow(w.maps, down), pending };
  writeHealth(env, h);
  if (w.dns && (first || length(changed))) {
    const r = env.run([PATHS.cli, "health", "--dns"]);
    if (r.code !== 0) env.log(`health: ${failure(r, [PATHS.cli, "health", "--dns"])}`);
  }
  return h;
}
function checkerDown(env) {
  const h = readHealth(env);
  return h ? sort(downOf(h.upstreams)) : [];
}
function groupStateFor(env, maps) {
  const old = env.fs.read(GROUP_STATE);
  const h = readHealth(env);
  const down = h ? downOf(h.upstreams) : [];
  if (!length(maps)) {
    if (old !== null) env.fs.unlink(GROUP_STATE);
    return { old, error: null };
  }
  return { old, error: putFile(env, GROUP_STATE, slotsScript(maps, down)) ? null : `cannot write ${GROUP_STATE}` };
}
function restoreGroupState(env, old) {
  if (old === null) env.fs.unlink(GROUP_STATE);
  else env.fs.write(GROUP_STATE, old);
}
function healthNeeded(w) {
  return w !== null && length(w.upstreams) > 0;
}

// src/router/status.ts
let HANDSHAKE_TIMEOUT = 300;
function nftRules(doc) {
  const out = [];
  const list = doc ?? [];
  for (let i = 0; i < length(list); i++) {
    const r = list[i].rule;
    if (type(r) !== "object") continue;
    const rule = { chain: r.chain, comment: r.comment ?? "", counter: null, verdict: null };
    const exprs = r.expr ?? [];
    for (let j = 0; j < length(exprs); j++) {
      const e = exprs[j];
      if (type(e.counter) === "object") rule.counter = { packets: e.counter.packets ?? 0, bytes: e.counter.bytes ?? 0 };
      else if (type(e.goto) === "object") rule.verdict = e.goto.target;
      else if (type(e.jump) === "object") rule.verdict = e.jump.target;
      else if (exists(e, "drop")) rule.verdict = "drop";
      else if (exists(e, "accept")) rule.verdict = "accept";
    }
    push(out, rule);
  }
  return out;
}
function countedRules(doc, counted) {
  const byChain = {};
  const rules = nftRules(doc);
  for (let i = 0; i < length(rules); i++) {
    byChain[rules[i].chain] ??= [];
    push(byChain[rules[i].chain], rules[i]);
  }
  const out = [];
  for (let c in counted ?? {}) {
    const refs = counted[c];
    const live = byChain[c] ?? [];
    if (length(live) !== length(refs)) continue;
    for (let i = 0; i < length(refs); i++)
      if (refs[i] !== null && live[i].counter !== null) push(out, { ref: refs[i], counter: live[i].counter });
  }
  return out;
}
function rulesetHits(counted) {
  const acc = {};
  const order = [];
  for (let i = 0; i < length(counted); i++) {
    const r = counted[i].ref, k = counted[i].counter;
    if (r.count !== "jump" && r.count !== "after" || r.client === null || r.ruleset === null) continue;
    const key = `${r.client} ${r.ruleset}`;
    if (!acc[key]) {
      acc[key] = { client: r.client, hit: { chain: r.ruleset, path: r.path, packets: 0, bytes: 0 } };
      push(order, key);
    }
    const sign = r.count === "jump" ? 1 : -1;
    acc[key].hit.packets += sign * k.packets;
    acc[key].hit.bytes += sign * k.bytes;
  }
  const out = {};
  for (let i = 0; i < length(order); i++) {
    const a = acc[order[i]];
    if (a.hit.packets < 0) a.hit.packets = 0;
    if (a.hit.bytes < 0) a.hit.bytes = 0;
    out[a.client] ??= [];
    push(out[a.client], a.hit);
  }
  return out;
}
function pathCounters(counted) {
  const out = {};
  for (let i = 0; i < length(counted); i++) {
    const r = counted[i].ref;
    if (r.count !== "rule" && r.count !== "default" || r.client === null || r.path === null) continue;
    out[r.client] ??= { direct: 0, proxy: 0, block: 0, ruleset: 0 };
    out[r.client][r.path] += counted[i].counter.packets;
  }
  const hits = rulesetHits(counted);
  for (let c in hits)
    for (let i = 0; i < length(hits[c]); i++) {
      out[c] ??= { direct: 0, proxy: 0, block: 0, ruleset: 0 };
      out[c][hits[c][i].path ?? "ruleset"] += hits[c][i].packets;
    }
  return out;
}
function loadConfig(env, st) {
  let read = null;
  const sections = () => {
    read ??= readConfigSections(env.uci, "splitwg");
    return read;
  };
  const h = configFingerprint(env, sections);
  const applied = st !== null && st.enabled ? st.view ?? null : null;
  if (applied && st.config_hash === h) return { view: applied, problems: 0, hash: h, enabledRaw: true, server: applied.server };
  const g = filter(sections(), (s) => s.type === "globals");
  const en = length(g) ? g[0].options.enabled : null;
  const enabledRaw = type(en) === "string" && badBool(en) === null ? bool(en) : true;
  if (applied) return { view: applied, problems: 0, hash: h, enabledRaw, server: applied.server };
  const r = readConfig(sections());
  const c = r.config;
  if (!c) return { view: null, problems: length(r.problems), hash: h, enabledRaw, server: null };
  let domains = false;
  for (let i = 0; i < length(c.clients); i++)
    for (let j = 0; j < length(c.clients[i].rules); j++) if (length(c.clients[i].rules[j].match.domains)) domains = true;
  const view = appliedView(c, domains);
  return { view, problems: 0, hash: h, enabledRaw: c.globals.enabled, server: view.server };
}
function groupsOf(v) {
  const on = map(filter(v.upstreams, (u) => u.enabled), (u) => u.name);
  return map(v.groups ?? [], (g) => ({ name: g.name, group: g.name, mode: g.mode, members: filter(g.members, (m) => index(on, m) >= 0), pkt: false }));
}
function listsEdited(env, st) {
  const applied = st.lists ?? {};
  const now = contentHashes(env, keys(applied));
  for (let p in applied) if (now[p] !== applied[p]) return true;
  return false;
}
function handshakeWarning(name, hs, keepalive) {
  if (hs === null) return msg(keepalive ? "status_no_handshake" : "status_no_handshake_idle", [name]);
  return msg(keepalive ? "status_stale_handshake" : "status_stale_handshake_idle", [name, int(hs / 60)]);
}
function lastMessage(st) {
  return type(st.id) === "string" ? msg(st.id, st.args ?? []) : st.message;
}
function lastApply(st) {
  const la = { ok: st.ok, time: st.time, message: st.message };
  if (type(st.id) === "string") {
    la.id = st.id;
    la.args = st.args ?? [];
  }
  return la;
}
function status_age(env, t) {
  return t > 0 ? env.now() - t : null;
}
function tunnel(env, iface, wg) {
  const up = ifaceUp(env, iface);
  const ps = up ? wg[iface] ?? null : null;
  const p = ps && length(ps) ? ps[0] : null;
  return { up, handshake_age: p ? status_age(env, p.latest_handshake) : null, rx: p ? p.rx : 0, tx: p ? p.tx : 0 };
}
function serverPeer(wg, server, key) {
  const ps = server !== null && key !== null ? wg[server] ?? [] : [];
  for (let i = 0; i < length(ps); i++) if (ps[i].public_key === key) return ps[i];
  return null;
}
function status(env) {
  const st = readState(env);
  const cfg = loadConfig(env, st);
  const applied = st !== null && st.enabled;
  const doc = listJson(env, true);
  const counted = countedRules(doc, applied && st.table ? st.table.counted : null);
  const warnings = [];
  const upstreams = [];
  const clients = [];
  const groups = [];
  const v = cfg.view;
  const hf = applied ? readHealth(env) : null;
  const enabled = cfg.enabledRaw;
  if (!v) push(warnings, msg("status_config_invalid", [cfg.problems]));
  if (v) {
    const wg = allPeers(env) ?? {};
    for (let i = 0; i < length(v.upstreams); i++) {
      const u = v.upstreams[i];
      const t = tunnel(env, u.iface, wg);
      const up = t.up, hs = t.handshake_age;
      const healthy = up && hs !== null && hs <= HANDSHAKE_TIMEOUT;
      const hs1 = hf && u.enabled ? hf.upstreams[u.name] ?? null : null;
      const health = hs1 ? { state: hs1.up ? "up" : "down", since: hs1.since, last: hs1.last, rtt: hs1.rtt, fails: hs1.fails, reason: hs1.reason } : null;
      push(upstreams, { name: u.name, iface: u.iface, enabled: u.enabled, up, handshake_age: hs, rx: t.rx, tx: t.tx, healthy, health });
      if (applied && enabled && up && health && health.state === "down") push(warnings, msg("status_upstream_unhealthy", [u.name, health.reason]));
      if (applied && u.enabled && enabled && !up) push(warnings, msg(v.kill_switch ? "status_upstream_down_blocked" : "status_upstream_down_direct", [u.name, u.iface]));
      else if (applied && u.enabled && up && !healthy)
        push(warnings, handshakeWarning(u.name, hs, u.keepalive !== null));
    }
    const active = membersNow(groupsOf(v), hf ? downOf(hf.upstreams) : []);
    const gs = v.groups ?? [];
    for (let i = 0; i < length(gs); i++) {
      const a = active[gs[i].name] ?? [];
      push(groups, { name: gs[i].name, mode: gs[i].mode, members: gs[i].members, active: a });
      if (applied && enabled && !length(a)) push(warnings, msg("status_group_blocked", [gs[i].name]));
    }
    const byClient = pathCounters(counted);
    for (let i = 0; i < length(v.clients); i++) {
      const cl = v.clients[i];
      const counters = byClient[cl.name] ?? { direct: 0, proxy: 0, block: 0, ruleset: 0 };
      const p = serverPeer(wg, cfg.server, cl.public_key);
      push(clients, { name: cl.name, kind: cl.kind, enabled: cl.enabled, counters, handshake_age: p ? status_age(env, p.latest_handshake) : null });
    }
  }
  if (enabled && st && st.ok && st.enabled && !length(nftRules(doc))) push(warnings, msg("status_table_missing"));
  if (st && !st.ok) push(warnings, msg("status_apply_failed", [lastMessage(st)]));
  const pending = applied && (st.config_hash !== cfg.hash || length((env.uci.changes("splitwg") ?? {}).splitwg ?? []) > 0 || listsEdited(env, st));
  const platform = applied && st.hashes && !noFile(st.hashes.dnsmasq) || enabled ? detect(env) : null;
  if (applied && st.hashes && !noFile(st.hashes.dnsmasq)) {
    const m = misplaced(env, st.hashes.dnsmasq, platform.confDirs);
    for (let i = 0; i < length(m); i++) push(warnings, msg(m[i].differs ? "status_dnsmasq_stale" : "status_dnsmasq_missing", [m[i].dir]));
  }
  const subs = subscriptionStatus(env, v ? v.subscriptions ?? [] : []);
  for (let i = 0; i < length(subs); i++)
    if (subs[i].error) push(warnings, msg("status_list_failed", [subs[i].name, subs[i].error]));
  if (enabled) {
    const w = platformWarnings(platform, v ? v.domains : false, v ? v.ipv6 : false);
    for (let i = 0; i < length(w); i++) push(warnings, w[i]);
  }
  return {
    enabled,
    version: VERSION,
    applied,
    upstreams,
    clients,
    last_apply: st ? lastApply(st) : null,
    pending,
    warnings: map(warnings, format),
    warning_messages: map(warnings, (w) => described(w)),
    subscriptions: subs,
    groups
  };
}
function addRule(list, rule, k) {
  const have = filter(list, (x) => x.rule === rule);
  if (length(have)) {
    have[0].packets += k.packets;
    have[0].bytes += k.bytes;
  } else push(list, { rule, packets: k.packets, bytes: k.bytes });
}
function stats(env) {
  const st = readState(env);
  const table = st && st.enabled && st.table ? st.table : null;
  const view = table && st && st.view ? st.view : null;
  const counted = countedRules(listJson(env, true), table ? table.counted : null);
  const clients = {};
  const client = (n) => {
    clients[n] ??= { name: n, rules: [], default: { packets: 0, bytes: 0 }, rulesets: [], paths: { direct: 0, proxy: 0, block: 0, ruleset: 0 }, rx: null, tx: null, bytes: null };
    return clients[n];
  };
  const wg = view ? allPeers(env) ?? {} : {};
  for (let i = 0; i < length(view ? view.clients : []); i++) {
    const cl = view.clients[i];
    if (!cl.enabled) continue;
    const c = client(cl.name), p = serverPeer(wg, view.server, cl.public_key);
    if (p) {
      c.rx = p.rx;
      c.tx = p.tx;
    }
  }
  const sets = {};
  const known = table ? table.rulesets ?? [] : [];
  for (let i = 0; i < length(known); i++) sets[known[i].chain] = { name: known[i].chain, ruleset: known[i].ruleset, clients: known[i].clients, rules: [] };
  const ups = {};
  const dropped = { leak: 0, dot: 0 };
  let hijacked = 0;
  for (let i = 0; i < length(counted); i++) {
    const r = counted[i].ref, k = counted[i].counter;
    if (r.count === "leak") dropped.leak += k.packets;
    else if (r.count === "dot") dropped.dot += k.packets;
    else if (r.count === "hijack") hijacked += k.packets;
    if (r.count !== "rule" && r.count !== "default") continue;
    if (r.upstream !== null) {
      ups[r.upstream] = ups[r.upstream] ?? { packets: 0, bytes: 0 };
      ups[r.upstream].packets += k.packets;
      ups[r.upstream].bytes += k.bytes;
    }
    if (r.client === null && r.ruleset !== null) {
      sets[r.ruleset] ??= { name: r.ruleset, ruleset: null, clients: [], rules: [] };
      addRule(sets[r.ruleset].rules, r.rule, k);
      continue;
    }
    if (r.client === null) continue;
    const c = client(r.client);
    if (r.rule === null) {
      c.default.packets += k.packets;
      c.default.bytes += k.bytes;
    } else addRule(c.rules, r.rule, k);
  }
  const hits = rulesetHits(counted);
  for (let n in hits) client(n).rulesets = map(hits[n], (h) => ({ name: h.chain, packets: h.packets, bytes: h.bytes }));
  const paths = pathCounters(counted);
  for (let n in paths) client(n).paths = paths[n];
  const cb = clientBytes(env, view && st ? st.clients : null, view ? view.marks ?? null : null, view ? view.ipv6 : false);
  for (let n in cb.clients) if (clients[n]) clients[n].bytes = cb.clients[n];
  const upstreams = [];
  const vu = view ? view.upstreams : [];
  for (let i = 0; i < length(vu); i++) {
    const k = ups[vu[i].name] ?? { packets: 0, bytes: 0 }, t = tunnel(env, vu[i].iface, wg);
    push(upstreams, { name: vu[i].name, packets: k.packets, bytes: k.bytes, up: t.up, handshake_age: t.handshake_age, rx: t.rx, tx: t.tx });
  }
  for (let n in ups)
    if (!length(filter(upstreams, (u) => u.name === n)))
      push(upstreams, { name: n, packets: ups[n].packets, bytes: ups[n].bytes, up: false, handshake_age: null, rx: 0, tx: 0 });
  return {
    clients: values(clients),
    rulesets: values(sets),
    upstreams,
    dropped,
    dns_hijacked: hijacked,
    bytes: cb.summary
  };
}

// src/router/doctor.ts
let IPV6_FORWARDING = "/proc/sys/net/ipv6/conf/all/forwarding";
function finding(out, id, path, args) {
  push(out, { id, path, args });
}
function runJson(env, argv) {
  const r = env.run(argv);
  if (r.code !== 0) return null;
  let v = null;
  try {
    v = json(r.stdout);
  } catch {
    return null;
  }
  return type(v) === "array" ? v : null;
}
function verdictText(v) {
  if (type(v) === "object" && type(v.goto) === "object") return `goto ${v.goto.target}`;
  if (type(v) === "object" && type(v.jump) === "object") return `jump ${v.jump.target}`;
  if (type(v) === "object") {
    const k = keys(v);
    if (length(k) === 1) return k[0];
  }
  return `${v}`;
}
function elemText(e) {
  if (type(e) === "array") return `${elemText(e[0])} : ${verdictText(e[1])}`;
  if (type(e) === "object" && type(e.elem) === "object") return elemText(e.elem.val);
  if (type(e) === "object" && type(e.prefix) === "object") return `${e.prefix.addr}/${e.prefix.len}`;
  if (type(e) === "object" && type(e.range) === "array") return `${e.range[0]}-${e.range[1]}`;
  return `${e}`;
}
function missingFrom(a, b) {
  return filter(a, (x) => index(b, x) < 0);
}
function isGroupMap(name) {
  return substr(name, 0, 4) === "grp_";
}
function checkObjects(env, out, want, live) {
  const missing = [], extra = [];
  const kinds = ["set", "map", "chain"];
  const lists = [live.sets, live.maps, live.chains];
  const wanted = [want.objects.sets, want.objects.maps, want.objects.chains];
  for (let k = 0; k < 3; k++) {
    const names = wanted[k];
    for (let i = 0; i < length(names); i++) if (index(lists[k], names[i]) < 0) push(missing, `${kinds[k]} ${names[i]}`);
    for (let i = 0; i < length(lists[k]); i++) if (index(names, lists[k][i]) < 0) push(extra, `${kinds[k]} ${lists[k][i]}`);
  }
  if (length(missing) || length(extra)) finding(out, "table_differs", "nft", { missing: missing, extra });
  const filled = filter(want.filled, (d) => !isGroupMap(d.name));
  const doc = listMaps(env, map(filter(filled, (d) => d.kind === "map"), (d) => d.name));
  for (let i = 0; i < length(filled); i++) {
    const d = filled[i];
    let have = null;
    for (let j = 0; j < length(doc); j++) {
      const o = doc[j][d.kind];
      if (type(o) === "object" && o.name === d.name) have = map(o.elem ?? [], elemText);
    }
    if (have === null) continue;
    const stray = missingFrom(have, d.elements), lost = missingFrom(d.elements, have);
    if (length(stray)) finding(out, "stray_elements", `nft.${d.name}`, { kind: d.kind, name: d.name, elements: stray });
    if (length(lost)) finding(out, "missing_elements", `nft.${d.name}`, { kind: d.kind, name: d.name, elements: lost });
  }
}
function checkTable(env, out, guardless, want) {
  const live = liveObjects(env);
  if (!live) {
    finding(out, "table_missing", "nft", { unguarded: guardless });
    return;
  }
  const file = fileFingerprint(env, PATHS.nft);
  if (file === null) {
    finding(out, "table_file_missing", "nft", { file: PATHS.nft });
    return;
  }
  const st = readState(env);
  if (st && st.hashes && st.hashes.nft && file !== st.hashes.nft) finding(out, "table_file_changed", "nft", { file: PATHS.nft });
  if (want !== null) checkObjects(env, out, want, live);
}
function one(s, k) {
  const v = s[k];
  return type(v) === "array" ? v[0] : type(v) === "string" ? v : null;
}
function sameMark(sec, r) {
  const p = split(sec, "/");
  const mask = length(p) > 1 ? hex(p[1]) : 4294967295;
  return type(r.fwmark) === "string" && hex(p[0]) === hex(r.fwmark) && (type(r.fwmask) === "string" ? hex(r.fwmask) : 4294967295) === mask;
}
function ruleMatches(s, r) {
  if (`${r.priority}` !== one(s, "priority")) return false;
  const src = one(s, "src");
  const rsrc = r.src === "all" ? null : type(r.srclen) === "int" ? `${r.src}/${r.srclen}` : r.src;
  if (src !== rsrc) return false;
  const mark = one(s, "mark");
  if (mark !== null ? !sameMark(mark, r) : exists(r, "fwmark")) return false;
  const look = one(s, "lookup"), act = one(s, "action");
  if (look !== null && `${r.table}` !== look) return false;
  if (act !== null && r.action !== act) return false;
  const sp = one(s, "suppress_prefixlength");
  return sp === null || `${r.suppress_prefixlen}` === sp;
}
function routeMatches(s, r) {
  if (r.dst !== "default") return false;
  if (one(s, "type") === "unreachable") return r.type === "unreachable";
  return r.type !== "unreachable" && r.dev === one(s, "interface");
}
function doctor_ifaceUp(env, iface) {
  const s = env.ubus(`network.interface.${iface}`, "status", {});
  return type(s) === "object" && s.up === true;
}
function checkRouting(env, out) {
  const secs = ownedSections(env.uci, "network");
  const rules4 = runJson(env, ["ip", "-j", "rule", "show"]) ?? [];
  const rules6 = length(filter(secs, (s) => s[".type"] === "rule6")) ? runJson(env, ["ip", "-j", "-6", "rule", "show"]) ?? [] : [];
  const routes = { route: null, route6: null };
  for (let i = 0; i < length(secs); i++) {
    const s = secs[i], t = s[".type"];
    if (t === "rule" || t === "rule6") {
      const have = t === "rule" ? rules4 : rules6;
      if (!length(filter(have, (r) => ruleMatches(s, r))))
        finding(out, "rule_missing", `network.${s[".name"]}`, { section: s[".name"], family: t === "rule" ? 4 : 6, priority: one(s, "priority") });
    } else if (t === "route" || t === "route6") {
      const dev = one(s, "interface");
      if (dev !== null && !doctor_ifaceUp(env, dev)) continue;
      if (routes[t] === null) routes[t] = runJson(env, ["ip", "-j", t === "route6" ? "-6" : "-4", "route", "show", "table", "all"]) ?? [];
      const table = one(s, "table");
      if (!length(filter(routes[t], (r) => `${r.table}` === table && routeMatches(s, r))))
        finding(out, "route_missing", `network.${s[".name"]}`, { section: s[".name"], family: t === "route" ? 4 : 6, table: one(s, "table"), type: one(s, "type") ?? "unicast" });
    }
  }
}
function latestHandshake(env, iface) {
  const r = env.run(["wg", "show", iface, "latest-handshakes"]);
  if (r.code !== 0) return null;
  let best = 0;
  const lines = split(trim(r.stdout), "\n");
  for (let i = 0; i < length(lines); i++) {
    const f = split(lines[i], "	");
    if (length(f) === 2 && int(f[1]) > best) best = int(f[1]);
  }
  return best;
}
function checkDnsmasq(env, out, appliedHash) {
  if (noFile(appliedHash)) return;
  const p = detect(env);
  if (!p.nftset) {
    finding(out, "dnsmasq_no_nftset", "dnsmasq", { installed: p.dnsmasq });
    return;
  }
  const m = misplaced(env, appliedHash, p.confDirs);
  for (let i = 0; i < length(m); i++) finding(out, "dnsmasq_file_missing", "dnsmasq", m[i]);
}
function checkIpv6(env, out, cfg) {
  if (trim(env.fs.read(IPV6_FORWARDING) ?? "0") !== "1") return;
  if (!cfg.globals.ipv6) {
    finding(out, "ipv6_unclassified", "globals.ipv6", {});
    return;
  }
  for (let i = 0; i < length(cfg.clients); i++) {
    const c = cfg.clients[i];
    const proxied = c.defaultAction === "proxy" || length(filter(c.rules, (x) => x.action === "proxy")) > 0;
    if (c.enabled && proxied && length(c.src4) && !length(c.src6) && !length(c.macs) && !length(c.ifaces))
      finding(out, "client_ipv4_only", `client.${c.name}.address`, { client: c.name });
  }
}
function doctor(env) {
  const out = [];
  const sections = readConfigSections(env.uci, "splitwg");
  const r = readConfig(sections, readLists(env, sections, "check"));
  const cfg = r.config;
  const st = readState(env);
  const configs = ["splitwg", ...OWNED_CONFIGS];
  for (let i = 0; i < length(configs); i++) {
    const c = configs[i];
    const n = length((env.uci.changes(c) ?? {})[c] ?? []);
    if (n) finding(out, "uncommitted", c, { config: c, changes: n });
  }
  if (!cfg) finding(out, "config_invalid", r.problems[0].path, { problems: length(r.problems), first: format(r.problems[0]), first_id: r.problems[0].id, first_args: r.problems[0].args });
  const wanted = cfg ? cfg.globals.enabled : true;
  const applied = st !== null && st.enabled;
  if (!applied) {
    if (wanted) finding(out, "not_applied", null, { stopped: st !== null });
    return { ok: !length(out), findings: out };
  }
  if (!st.ok) finding(out, "last_apply_failed", null, type(st.id) === "string" ? { message: st.message, message_id: st.id, message_args: st.args ?? [] } : { message: st.message });
  if (st.config_hash !== null && st.config_hash !== configFingerprint(env, () => sections)) finding(out, "config_changed", null, {});
  const guardless = [];
  for (let i = 0; cfg && i < length(cfg.clients); i++) {
    const c = cfg.clients[i];
    const proxied = c.defaultAction === "proxy" || length(filter(c.rules, (x) => x.action === "proxy")) > 0;
    if (c.enabled && proxied && !length(c.src4) && !length(c.src6)) push(guardless, c.name);
  }
  checkTable(env, out, guardless, st.table ?? null);
  checkRouting(env, out);
  for (let i = 0; cfg && i < length(cfg.upstreams); i++) {
    const u = cfg.upstreams[i];
    if (!u.enabled) continue;
    if (!doctor_ifaceUp(env, u.iface)) {
      finding(out, "tunnel_down", `upstream.${u.name}`, { upstream: u.name, iface: u.iface, kill_switch: cfg.globals.killSwitch });
      continue;
    }
    const t = latestHandshake(env, u.iface);
    const age = t !== null && t > 0 ? env.now() - t : null;
    if (age === null || age > HANDSHAKE_TIMEOUT) finding(out, "no_handshake", `upstream.${u.name}`, { upstream: u.name, iface: u.iface, age: age });
  }
  checkDnsmasq(env, out, st.hashes ? st.hashes.dnsmasq : null);
  if (cfg) checkIpv6(env, out, cfg);
  return { ok: !length(out), findings: out };
}
function repairArgv(s) {
  const t = s[".type"], fam = t === "rule6" || t === "route6" ? "-6" : "-4";
  if (t === "rule" || t === "rule6") {
    const a = ["ip", fam, "rule", "add", "priority", one(s, "priority") ?? "0"];
    if (one(s, "src") !== null) push(a, "from", one(s, "src"));
    if (one(s, "mark") !== null) push(a, "fwmark", one(s, "mark"));
    if (one(s, "lookup") !== null) push(a, "lookup", one(s, "lookup"));
    if (one(s, "suppress_prefixlength") !== null) push(a, "suppress_prefixlength", one(s, "suppress_prefixlength"));
    if (one(s, "action") !== null) push(a, one(s, "action"));
    return a;
  }
  if (t === "route" || t === "route6") {
    const a = ["ip", fam, "route", "add"];
    if (one(s, "type") === "unreachable") push(a, "unreachable", "default");
    else push(a, "default", "dev", one(s, "interface") ?? "");
    if (one(s, "metric") !== null) push(a, "metric", one(s, "metric"));
    push(a, "table", one(s, "table") ?? "");
    return a;
  }
  return null;
}

// src/router/apply.ts
let NO_CHANGE = { nft: false, dnsmasq: false, network: false, firewall: false, dhcp: false };
let DNSMASQ_STAGED = `${PATHS.state}/next.dnsmasq`;
function applyError(code, why, path) {
  if (!isMsg(why)) return { code, message: why, path };
  const m = why;
  return { code, message: format(m), path, id: m.id, args: m.args };
}
function errorResult(env, code, why, path, warnings, changed) {
  recordFailure(env, why);
  const error = applyError(code, why, path);
  env.log(`apply failed: ${error.message}`);
  return { ok: false, changed: changed ?? NO_CHANGE, message: error.message, actions: [], warnings, error };
}
function compileNow(env, dryRun, down) {
  const before = env.configDigest("splitwg");
  const sections = readConfigSections(env.uci, "splitwg");
  const fetched = dryRun ? [] : fetchMissing(env, sections);
  const lists = readLists(env, sections, dryRun ? "check" : "apply");
  const r = readConfig(sections, lists);
  const digest = configFingerprint(env, () => sections), listed = listHashes(lists);
  if (!r.config) return { plan: null, problems: r.problems, view: null, warnings: [], ipv6: false, digest, listed, localOk: true, fetched };
  const ipv6 = r.config.globals.ipv6;
  const ln = localNetworks(env, ipv6);
  const plan = compile(r.config, { local: ln.local, groupState: env.fs.hostPath(GROUP_STATE), down });
  const view = appliedView(r.config, plan.nftsets > 0);
  const warnings = map(r.warnings, (w) => `${w.path}: ${format(w)}`);
  if (ln.ok && before !== null && before === digest)
    keepPlan(env, { version: VERSION, digest, local: ln.local, ipv6, plan, view, warnings, lists: listed, down });
  else forgetPlan(env);
  return { plan, problems: [], view, warnings, ipv6, digest, listed, localOk: ln.ok, fetched };
}
function survey(env, plan, o) {
  const platform = detect(env);
  const nftText = plan.enabled && plan.nft !== "" ? plan.nft : null;
  const dnsText = plan.enabled && o.hasDomains && platform.nftset ? plan.dnsmasq : null;
  const diffs = {};
  const before = {};
  let conflicts = [];
  for (let i = 0; i < length(OWNED_CONFIGS); i++) {
    const cfg = OWNED_CONFIGS[i];
    before[cfg] = ownedSections(env.uci, cfg);
    diffs[cfg] = diffOwned(cfg, env.uci.get_all(cfg) ?? {}, before[cfg], plan[cfg]);
    conflicts = [...conflicts, ...diffs[cfg].conflicts];
  }
  const oldNft = installedText(env);
  const live = liveObjects(env);
  const hadTable = live !== null;
  const prev = readState(env);
  const prevSets = prev && prev.sets && hadTable ? prev.sets : null;
  const want = plan.table ? tableObjects(plan.table) : null;
  const transition = nftText !== null && hadTable ? nftTransition(prevSets, plan.sets ?? [], false, live, want) : "";
  const tsets = plan.table ? plan.table.sets : [];
  const reloaded = nftText !== null ? listReloads(prevSets, plan.sets ?? []) : [];
  const listsLoad = length(reloaded) ? listsText(env, tsets, reloaded) : "";
  const listsWant = nftText !== null ? listsFile(env, tsets) : null;
  const oldLists = env.fs.read(PATHS.nftLists);
  const oldPaths = prev ? prev.clients : hadTable ? installedPaths(liveClientMaps(env)) : null;
  const dnsWant = {};
  const everDirs = uniq([...prev && prev.dnsmasq_dirs ? prev.dnsmasq_dirs : [], ...runningConfDirs(env), PATHS.dnsmasqDefaultDir]);
  for (let i = 0; i < length(everDirs); i++) dnsWant[everDirs[i]] = null;
  for (let i = 0; i < length(platform.confDirs); i++) dnsWant[platform.confDirs[i]] = dnsText;
  const oldDns = {};
  let dnsChanged = false;
  for (let d in dnsWant) {
    oldDns[d] = env.fs.read(filePath(d));
    if (oldDns[d] !== dnsWant[d]) dnsChanged = true;
  }
  let tableDrift = false;
  if (nftText !== null && hadTable && oldNft === nftText && transition === "" && listsLoad === "") {
    const f = [];
    checkObjects(env, f, tableState(plan.table), live);
    tableDrift = length(f) > 0;
  }
  const lost = [];
  if (plan.enabled && !diffs.network.changed) checkRouting(env, lost);
  const mainChanged = nftText !== null && (oldNft !== nftText || !hadTable || tableDrift);
  return {
    tableDrift,
    lostRouting: lost,
    mainChanged,
    oldLists,
    listsWant,
    listsLoad,
    listsAll: listsText(env, tsets),
    reloaded,
    platform,
    warnings: plan.enabled ? map(platformWarnings(platform, o.hasDomains, o.ipv6), format) : [],
    nftText,
    dnsText,
    diffs,
    before,
    conflicts,
    oldNft,
    hadTable,
    live,
    oldPaths,
    paths: clientPaths(plan),
    oldDns,
    dnsWant,
    sets: plan.sets ?? [],
    prev,
    prevSets,
    transition,
    changed: {
      // a domain set whose domains changed needs flushing even when the table text is the same
      // (a list file changed: its sets are refilled, the table stays)
      nft: nftText !== null ? mainChanged || transition !== "" || listsLoad !== "" || oldLists !== listsWant : oldNft !== null || hadTable || oldLists !== null,
      dnsmasq: dnsChanged,
      network: diffs.network.changed || length(lost) > 0,
      firewall: diffs.firewall.changed,
      dhcp: diffs.dhcp.changed
    }
  };
}
function refuse(env, s) {
  const pending = filter(OWNED_CONFIGS, (cfg) => s.diffs[cfg].changed && length((env.uci.changes(cfg) ?? {})[cfg] ?? []) > 0);
  if (length(pending))
    return errorResult(env, "PENDING_CHANGES", msg("apply_pending", [pending[0]]), pending[0], s.warnings);
  const c = s.conflicts, n = length(c);
  if (n)
    return errorResult(env, "CONFLICT", msg(n > 1 ? "apply_conflict" : "apply_conflict_one", [join(", ", c)]), c[0], s.warnings);
  return null;
}
function check(env, s) {
  let staged = null;
  if (s.nftText !== null && s.changed.nft) {
    staged = stage(env, s.mainChanged ? s.nftText : "", s.transition, s.listsLoad, s.listsAll);
    if (staged.error !== null) return { staged, error: errorResult(env, "NFT_CHECK", staged.error, "nft", s.warnings, s.changed) };
  }
  if (s.dnsText !== null && s.changed.dnsmasq) {
    env.fs.write(DNSMASQ_STAGED, s.dnsText);
    const r = env.run(["dnsmasq", "--test", "-C", DNSMASQ_STAGED]);
    env.fs.unlink(DNSMASQ_STAGED);
    if (r.code !== 0) return { staged, error: errorResult(env, "DNSMASQ_CHECK", failure(r, ["dnsmasq", "--test"]), "dnsmasq", s.warnings, s.changed) };
  }
  return { staged, error: null };
}
function describe(c) {
  const names = ["nft", "dnsmasq", "network", "firewall", "dhcp"];
  const did = filter(names, (n) => c[n]);
  if (!length(did)) return "no change";
  return `changed ${join(", ", did)}`;
}
function restoreTable(env, oldText, before) {
  install(env, oldText);
  if (oldText !== null && before !== null) {
    const now = liveObjects(env);
    const back = now ? nftTransition(null, [], true, now, before) : "";
    const again = stage(env, oldText, back);
    if (again.error !== null || load(env, again.path).code !== 0) {
      if (load(env, PATHS.nft).code !== 0 && replaceFile(env, oldText)) load(env, REPLACE_PATH);
    }
  } else if (before === null && tableExists(env)) remove(env);
}
function restoreLists(env, oldText, refilled) {
  installLists(env, oldText);
  if (oldText !== null && refilled && tableExists(env)) load(env, PATHS.nftLists);
}
function exec(tx, argv) {
  push(tx.actions, join(" ", argv));
  const r = tx.env.run(argv);
  return r.code === 0 ? null : failure(r, argv);
}
function stepTable(tx, s, staged) {
  const env = tx.env;
  push(tx.undo, () => {
    if (s.mainChanged || s.nftText === null) restoreTable(env, s.oldNft, s.live);
    restoreLists(env, s.oldLists, s.listsLoad !== "" || staged !== null && staged.replace);
  });
  if (!install(env, s.nftText)) return { where: "nft", msg: `cannot write ${PATHS.nft}` };
  if (!installLists(env, s.listsWant)) return { where: "nft", msg: `cannot write ${PATHS.nftLists}` };
  if (s.nftText !== null) {
    push(tx.actions, `nft -f ${PATHS.nft}`);
    const r = load(env, staged.path);
    return r.code !== 0 ? { where: "nft", msg: failure(r, ["nft", "-f", PATHS.nft]) } : null;
  }
  const e = s.hadTable ? exec(tx, ["nft", "delete", "table", "inet", "splitwg"]) : null;
  return e ? { where: "nft", msg: e } : null;
}
function networkReloads(d, before, p, plan) {
  const touched = touchedTypes(d, before);
  let reload = false;
  const ifaces = [];
  for (let name in touched) {
    const t = touched[name];
    if (substr(t, 0, 10) !== "wireguard_") {
      reload = true;
      continue;
    }
    const iface = substr(t, 10);
    const stillThere = length(filter(plan.network, (s) => s.name === iface)) > 0;
    if (stillThere && !exists(touched, iface) && index(ifaces, iface) < 0) push(ifaces, iface);
  }
  const cmds = [];
  if (reload) push(cmds, ["ubus", "call", "network", "reload"]);
  for (let i = 0; i < length(ifaces); i++)
    push(cmds, p.wgShellHandler ? ["ifup", ifaces[i]] : ["ubus", "call", `network.interface.${ifaces[i]}`, "renew"]);
  return cmds;
}
function firewallReload(p) {
  return p.fw4 ? ["fw4", "-q", "reload"] : ["/etc/init.d/firewall", "reload"];
}
function restoreOwned(env, cfg, sections) {
  const now = ownedSections(env.uci, cfg);
  const d = diffOwned(cfg, env.uci.get_all(cfg) ?? {}, now, map(sections, toUciSection));
  writeOwned(env.uci, d);
  reorderOwned(env.uci, cfg, sections);
  env.uci.commit(cfg);
}
function stepConfig(tx, s, cfg, plan) {
  const env = tx.env;
  const d = s.diffs[cfg];
  const reloads = cfg === "network" ? networkReloads(d, s.before[cfg], s.platform, plan) : cfg === "firewall" ? [firewallReload(s.platform)] : [["/etc/init.d/dnsmasq", "reload"]];
  push(tx.undo, () => {
    for (let j = 0; j < length(reloads); j++) env.run(reloads[j]);
  });
  push(tx.undo, () => {
    restoreOwned(env, cfg, s.before[cfg]);
  });
  writeOwned(env.uci, d);
  if (!env.uci.commit(cfg)) return { where: cfg, msg: `cannot commit /etc/config/${cfg}` };
  for (let j = 0; j < length(reloads); j++) {
    const e = exec(tx, reloads[j]);
    if (e) return { where: cfg, msg: e };
  }
  return null;
}
function stepRouting(tx, s) {
  const secs = ownedSections(tx.env.uci, "network");
  for (let i = 0; i < length(s.lostRouting); i++) {
    const name = s.lostRouting[i].args.section;
    const sec = filter(secs, (x) => x[".name"] === name);
    const argv = length(sec) ? repairArgv(sec[0]) : null;
    const e = argv ? exec(tx, argv) : null;
    if (e) return { where: "network", msg: e };
  }
  return null;
}
function stepDnsmasq(tx, s) {
  const env = tx.env;
  let restarted = false;
  push(tx.undo, () => {
    if (restarted) env.run(["/etc/init.d/dnsmasq", "restart"]);
  });
  for (let k in s.dnsWant) {
    const d = k, old = s.oldDns[d], want = s.dnsWant[d];
    if (old === want) continue;
    push(tx.undo, () => {
      writeFile(env, d, old);
    });
    if (!writeFile(env, d, want)) return { where: "dnsmasq", msg: `cannot ${want === null ? "remove" : "write"} ${filePath(d)}` };
  }
  restarted = true;
  const e = exec(tx, ["/etc/init.d/dnsmasq", "restart"]);
  return e ? { where: "dnsmasq", msg: e } : null;
}
function dnsmasqBack(env) {
  for (let i = 0; i < 5; i++) {
    if (running(env)) return true;
    env.run(["sleep", "1"]);
  }
  return running(env);
}
function verify(env, s, dnsWasRunning) {
  const t = tableExists(env);
  if (s.nftText !== null && !t) return { where: "verify", msg: "table inet splitwg is missing after loading it" };
  if (s.nftText === null && t) return { where: "verify", msg: "table inet splitwg is still there" };
  if (s.changed.dnsmasq && dnsWasRunning && !dnsmasqBack(env)) return { where: "verify", msg: "dnsmasq is not running after the restart" };
  return null;
}
function apply_run(tx, s, plan, staged) {
  let f = s.changed.nft ? stepTable(tx, s, staged) : null;
  for (let i = 0; !f && i < length(OWNED_CONFIGS); i++)
    if (s.diffs[OWNED_CONFIGS[i]].changed) f = stepConfig(tx, s, OWNED_CONFIGS[i], plan);
  if (!f && length(s.lostRouting)) f = stepRouting(tx, s);
  const dnsWasRunning = s.changed.dnsmasq ? running(tx.env) : false;
  if (!f && s.changed.dnsmasq) f = stepDnsmasq(tx, s);
  return f ?? verify(tx.env, s, dnsWasRunning);
}
function rollback(tx) {
  for (let i = length(tx.undo) - 1; i >= 0; i--) tx.undo[i]();
}
function resetConnections(env, s, plan) {
  if (!s.platform.conntrack) return "";
  const was = setFills(s.prev ? s.prev.sets ?? null : null, s.oldNft), now = setFills(plan.sets ?? [], s.nftText);
  const f = flush(env, changedClients(s.oldPaths, s.paths, was, now));
  if (length(f.skipped)) push(s.warnings, `open connections of ${join(", ", f.skipped)} (MAC/interface clients) keep their old path until they close`);
  return length(f.flushed) ? `; connections reset for ${join(", ", f.flushed)}` : "";
}
function summary(plan, s, staged, ctNote) {
  if (!plan.enabled) return `stopped: ${describe(s.changed)}`;
  const replaced = staged && staged.replace ? "; table re-created (set definitions changed, learned domain addresses dropped)" : "";
  const n = length(s.reloaded);
  const lists = !n ? "" : s.mainChanged ? `; ${n} list set(s) filled` : `; table kept, list set(s) refilled: ${join(", ", slice(s.reloaded, 0, 5))}${n > 5 ? sprintf(" and %d more", n - 5) : ""}`;
  return `${describe(s.changed)}; ${length(plan.upstreams)} upstream(s), ${length(plan.clients)} client(s)${replaced}${lists}${ctNote}`;
}
function applyPlan(env, plan, o) {
  const s = survey(env, plan, o);
  const no = refuse(env, s);
  if (no) return no;
  const gs = o.dryRun ? null : groupStateFor(env, plan.groups ?? []);
  if (gs && gs.error !== null) return errorResult(env, "APPLY_FAILED", gs.error, "nft", s.warnings, s.changed);
  const c = check(env, s);
  if (c.error || o.dryRun) cleanupStaged(env);
  if (c.error && gs) restoreGroupState(env, gs.old);
  if (c.error) return c.error;
  if (o.dryRun) {
    const what = describe(s.changed);
    return { ok: true, changed: s.changed, message: what === "no change" ? "dry run: no change" : `dry run: would have ${what}`, actions: [], warnings: s.warnings };
  }
  if (!lock(env)) {
    cleanupStaged(env);
    if (gs) restoreGroupState(env, gs.old);
    return { ok: false, changed: NO_CHANGE, message: "another apply is running", actions: [], warnings: s.warnings, error: { code: "BUSY", message: "another apply is running", path: null } };
  }
  const tx = { env, undo: [], actions: [] };
  const f = apply_run(tx, s, plan, c.staged);
  if (f) {
    if (gs) restoreGroupState(env, gs.old);
    rollback(tx);
    cleanupStaged(env);
    unlock(env);
    const res = errorResult(env, "APPLY_FAILED", msg("apply_restored", [f.where, f.msg]), f.where, s.warnings, s.changed);
    res.actions = tx.actions;
    return res;
  }
  const ctNote = resetConnections(env, s, plan);
  cleanupStaged(env);
  const done = summary(plan, s, c.staged, ctNote);
  writeState(env, {
    ok: true,
    time: env.now(),
    message: done,
    enabled: plan.enabled,
    config_hash: o.configHash,
    hashes: {
      // digests of the files as written: what status and doctor compare
      nft: s.nftText !== null ? fileFingerprint(env, PATHS.nft) ?? "" : "",
      dnsmasq: s.dnsText !== null && length(s.platform.confDirs) ? fileFingerprint(env, filePath(s.platform.confDirs[0])) ?? "" : "",
      network: hash(renderUci(plan.network)),
      firewall: hash(renderUci(plan.firewall)),
      dhcp: hash(renderUci(plan.dhcp))
    },
    clients: s.paths,
    sets: s.sets,
    table: plan.table ? tableState(plan.table) : null,
    view: plan.enabled ? o.view ?? null : null,
    dnsmasq_dirs: s.dnsText !== null ? s.platform.confDirs : [],
    lists: o.lists ?? {}
  });
  prune(env, values(o.lists ?? {}));
  if (!writeWatch(env, plan.enabled ? plan.watch ?? null : null)) push(s.warnings, `cannot write ${WATCH_FILE}: the health checker keeps watching what it did`);
  const subs = filter(o.view?.subscriptions ?? [], (x) => x.enabled);
  if (!syncCron(env, plan.enabled && length(subs) > 0)) push(s.warnings, `cannot update ${CRONTAB}: the lists are not fetched on schedule`);
  unlock(env);
  env.log(`${plan.enabled ? "apply" : "stop"} ok: ${done}`);
  return { ok: true, changed: s.changed, message: done, actions: tx.actions, warnings: s.warnings };
}
function apply(env, opts) {
  const down = checkerDown(env);
  const hit = cachedPlan(env, (ipv6) => {
    const l = localNetworks(env, ipv6);
    return l.ok ? l.local : null;
  }, down);
  if (hit) {
    const res = applyPlan(env, hit.plan, { dryRun: opts?.dryRun, configHash: hit.digest, hasDomains: hit.plan.nftsets > 0, ipv6: hit.ipv6, view: hit.view, lists: hit.lists });
    for (let i = 0; i < length(hit.warnings); i++) push(res.warnings, hit.warnings[i]);
    return res;
  }
  const c = compileNow(env, opts?.dryRun ?? false, down);
  if (!c.plan) {
    const n = length(c.problems);
    const first = c.problems[0], why = { id: first.id, args: first.args };
    const m = n === 1 ? msg("apply_invalid_one", [first.path, why]) : msg("apply_invalid", [n, first.path, why]);
    const problems = map(c.problems, (p) => described(p));
    if (opts?.dryRun) {
      const error = applyError("INVALID_CONFIG", m, first.path);
      return { ok: false, changed: NO_CHANGE, message: error.message, actions: [], warnings: [], error, problems };
    }
    const res = errorResult(env, "INVALID_CONFIG", m, first.path, c.fetched);
    res.problems = problems;
    return res;
  }
  const res = applyPlan(env, c.plan, { dryRun: opts?.dryRun, configHash: c.digest, hasDomains: c.plan.nftsets > 0, ipv6: c.ipv6, view: c.view, lists: c.listed });
  if (!c.localOk) push(res.warnings, "cannot read the main routing table (ip -j route): only the server pools are treated as local networks");
  for (let i = 0; i < length(c.warnings); i++) push(res.warnings, c.warnings[i]);
  for (let i = 0; i < length(c.fetched); i++) push(res.warnings, c.fetched[i]);
  return res;
}
function stop(env) {
  return applyPlan(env, emptyPlan(), { dryRun: false, configHash: null, hasDomains: false, ipv6: false });
}

// src/router/conf.ts
let conf_CR = /\r/g;
let SECTION_HEADER = /^\[([A-Za-z]+)\]$/;
let UPSTREAM_PATH = /^upstream\.[A-Za-z0-9_]+\.([a-z_]+)(\[([0-9]+)\])?$/;
function at(line, id, args) {
  return described({ line, id, args: args ?? [] });
}
function confError(code, m, path) {
  return { code, message: format(m), path, id: m.id, args: m.args };
}
let IFACE_KEYS = {
  privatekey: { opt: "private_key", list: false },
  address: { opt: "address", list: true },
  dns: { opt: "dns", list: true },
  mtu: { opt: "mtu", list: false },
  // wg-quick only: meaningless for a netifd interface, reported and skipped
  listenport: null,
  table: null,
  fwmark: null,
  saveconfig: null,
  preup: null,
  postup: null,
  predown: null,
  postdown: null
};
let PEER_KEYS = {
  publickey: { opt: "public_key", list: false },
  presharedkey: { opt: "preshared_key", list: false },
  endpoint: { opt: "endpoint", list: false },
  allowedips: { opt: "allowed_ips", list: true },
  persistentkeepalive: { opt: "keepalive", list: false }
};
function stripComment(line) {
  const i = index(line, "#");
  return trim(i >= 0 ? substr(line, 0, i) : line);
}
function isIp(v) {
  return iptoarr(v) !== null;
}
function importError(errors) {
  const sorted = sort(errors, (a, b) => a.line - b.line);
  const e = sorted[0];
  return {
    error: confError("PARSE_ERROR", e.line ? { id: "conf_errors_line", args: [length(errors), e.line, { id: e.id, args: e.args }] } : { id: "conf_errors_file", args: [length(errors), { id: e.id, args: e.args }] }, e.line ? `line ${e.line}` : null),
    errors: sorted
  };
}
function parseProviderConf(text, name) {
  const errors = [];
  const ignored = [];
  const opts = {};
  const where = {};
  let section = "";
  let peers = 0, ifaces = 0;
  const lines = split(replace(text, conf_CR, ""), "\n");
  const add = (opt, v, ln, list) => {
    where[opt] = where[opt] ?? [];
    if (list) {
      opts[opt] = [...opts[opt] ?? [], v];
      push(where[opt], ln);
    } else if (exists(opts, opt)) push(errors, at(ln, "conf_twice", [opt]));
    else {
      opts[opt] = v;
      push(where[opt], ln);
    }
  };
  for (let i = 0; i < length(lines); i++) {
    const ln = i + 1;
    const l = stripComment(lines[i]);
    if (l === "") continue;
    const hdr = match(l, SECTION_HEADER);
    if (hdr) {
      section = lc(hdr[1]);
      if (section === "peer") peers++;
      else if (section === "interface") ifaces++;
      else push(errors, at(ln, "conf_section", [hdr[1]]));
      if (peers > 1 && section === "peer") push(errors, at(ln, "conf_second_peer"));
      if (ifaces > 1 && section === "interface") push(errors, at(ln, "conf_second_interface"));
      continue;
    }
    const eq = index(l, "=");
    if (eq <= 0) {
      push(errors, at(ln, "conf_not_key_value"));
      continue;
    }
    const key = trim(substr(l, 0, eq)), val = trim(substr(l, eq + 1));
    const k = lc(key);
    if (section === "") {
      push(errors, at(ln, "conf_outside", [key]));
      continue;
    }
    const table = section === "interface" ? IFACE_KEYS : PEER_KEYS;
    if (!exists(table, k)) {
      push(errors, at(ln, "conf_unknown_key", [key, section === "interface" ? "Interface" : "Peer"]));
      continue;
    }
    const spec = table[k];
    if (spec === null) {
      push(ignored, at(ln, "conf_wg_quick", [key]));
      continue;
    }
    if (val === "") {
      push(errors, at(ln, "conf_no_value", [key]));
      continue;
    }
    if (spec.list) {
      const parts = filter(map(split(val, ","), (p) => trim(p)), (p) => p !== "");
      for (let j = 0; j < length(parts); j++) {
        if (spec.opt === "dns" && !isIp(parts[j])) {
          push(ignored, at(ln, "conf_dns_search", [parts[j]]));
          continue;
        }
        add(spec.opt, parts[j], ln, true);
      }
    } else add(spec.opt, val, ln, false);
  }
  if (!ifaces) push(errors, at(0, "conf_no_interface"));
  if (!peers) push(errors, at(0, "conf_no_peer"));
  const required = [["private_key", "PrivateKey"], ["address", "Address"], ["public_key", "PublicKey"], ["endpoint", "Endpoint"]];
  for (let i = 0; i < length(required); i++)
    if (!exists(opts, required[i][0]) && ifaces && peers) push(errors, at(0, "conf_missing", [required[i][1]]));
  const r = readConfig([{ type: "upstream", name, anonymous: false, options: opts }]);
  const reported = {};
  for (let i = 0; i < length(r.problems); i++) {
    const p = r.problems[i];
    const m = match(p.path, UPSTREAM_PATH);
    if (m && (!exists(where, m[1]) || !m[2] && reported[m[1]])) continue;
    if (m) reported[m[1]] = true;
    let line = 0;
    if (m && where[m[1]]) line = where[m[1]][m[3] ? int(m[3]) : 0] ?? where[m[1]][0];
    push(errors, m ? at(line, p.id, p.args) : at(line, "conf_name", [{ id: p.id, args: p.args }]));
  }
  if (length(errors)) return importError(errors);
  const u = r.config.upstreams[0];
  return {
    upstream: {
      name,
      private_key: u.privateKey,
      address: u.addresses,
      public_key: u.publicKey,
      preshared_key: u.presharedKey,
      endpoint: opts.endpoint,
      allowed_ips: u.allowedIps,
      mtu: u.mtu,
      keepalive: u.keepalive,
      dns: u.dns
    },
    ignored
  };
}
function upstreamOptions(u) {
  const o = {
    private_key: u.private_key,
    address: u.address,
    public_key: u.public_key,
    endpoint: u.endpoint,
    allowed_ips: u.allowed_ips
  };
  if (u.preshared_key !== null) o.preshared_key = u.preshared_key;
  if (u.mtu !== null) o.mtu = `${u.mtu}`;
  if (u.keepalive !== null) o.keepalive = `${u.keepalive}`;
  if (length(u.dns)) o.dns = u.dns;
  return o;
}
function hostPrefix(text, family, len) {
  return family === 4 && len === 32 || family === 6 && len === 128 ? `${text}/${len}` : text;
}
function peerConf(env, cfg, clientName) {
  const cs = filter(cfg.clients, (c) => c.name === clientName);
  if (!length(cs)) return { error: confError("NOT_FOUND", { id: "unknown_client", args: [clientName] }, "client") };
  const c = cs[0];
  if (c.kind !== "peer") return { error: confError("NOT_A_PEER", { id: "not_a_peer", args: [c.name] }, "client") };
  const srv = cfg.server;
  if (!srv || !srv.enabled) return { error: confError("NO_SERVER", { id: "no_server", args: [] }, "server") };
  if (srv.endpoint === null) return { error: confError("NO_ENDPOINT", { id: "no_endpoint", args: [] }, "server.endpoint") };
  const spub = pubkey(env, srv.privateKey);
  if (type(spub) !== "string") return { error: { code: "COMMAND_FAILED", message: spub.error, path: "server.private_key" } };
  const ipv6 = cfg.globals.ipv6;
  const addrs = map([...c.src4, ...ipv6 ? c.src6 : []], (p) => hostPrefix(p.text, p.family, p.len));
  let dns = srv.dns;
  if (!length(dns)) {
    for (let i = 0; i < length(srv.addresses); i++) {
      const a = split(srv.addresses[i], "/")[0];
      if (index(a, ":") < 0) {
        dns = [a];
        break;
      }
    }
  }
  const lines = [`# splitwg ${VERSION}: WireGuard peer "${c.name}"`, "[Interface]"];
  if (c.privateKey !== null) push(lines, `PrivateKey = ${c.privateKey}`);
  else push(lines, "# PrivateKey is not stored on the router: add the key generated on this device", "PrivateKey = ");
  push(lines, `Address = ${join(", ", addrs)}`);
  if (length(dns)) push(lines, `DNS = ${join(", ", dns)}`);
  if (srv.mtu !== null) push(lines, `MTU = ${srv.mtu}`);
  push(lines, "", "[Peer]", `PublicKey = ${spub}`);
  if (c.presharedKey !== null) push(lines, `PresharedKey = ${c.presharedKey}`);
  push(lines, `Endpoint = ${srv.endpoint}`, `AllowedIPs = ${ipv6 ? "0.0.0.0/0, ::/0" : "0.0.0.0/0"}`, "PersistentKeepalive = 25");
  return { conf: join("\n", lines) + "\n", complete: c.privateKey !== null };
}

// src/router/hotplug.ts
function zoneNetworks(env, zone) {
  env.uci.load("firewall");
  const all = env.uci.get_all("firewall") ?? {};
  let out = [];
  for (let n in all) {
    const s = all[n];
    if (s[".type"] !== "zone" || s.name !== zone) continue;
    const nets = s.network;
    if (type(nets) === "array") out = [...out, ...nets];
    else if (type(nets) === "string") out = [...out, ...filter(split(nets, " "), (x) => x !== "")];
  }
  return out;
}
function validConfig(env) {
  return readConfig(readConfigSections(env.uci, "splitwg")).config;
}
function triggerInterfaces(env) {
  const c = validConfig(env);
  return zoneNetworks(env, c ? c.globals.wanZone : "wan");
}
function hotplug(env, action, iface) {
  const done = [];
  const st = readState(env);
  if (!st || !st.enabled) return done;
  if (action !== "ifup" && action !== "ifupdate" && action !== "ifdown") return done;
  const c = validConfig(env);
  if (!c || !c.globals.enabled) return done;
  const ours = filter(c.upstreams, (u) => u.iface === iface);
  if (length(ours)) {
    const u = ours[0];
    if (action === "ifdown") env.log(`upstream ${u.name} (${iface}) down${c.globals.killSwitch ? ": kill switch holds, its traffic is blocked" : ": its traffic goes direct"}`);
    else if (action === "ifup") env.log(`upstream ${u.name} (${iface}) up`);
  }
  if (action === "ifdown") return done;
  if (action === "ifup" && length(ours) && length(filter(c.tunnelDns, (t) => t.iface === iface))) {
    env.run([INIT_SCRIPT, "restart"]);
    push(done, `${INIT_SCRIPT} restart`);
    env.log(`${iface} is up: dnsmasq restarted, its domains resolve through the tunnel's DNS again`);
  }
  if (!tableExists(env) && env.fs.exists(PATHS.nft)) {
    const r = load(env, PATHS.nft);
    push(done, `nft -f ${PATHS.nft}`);
    env.log(r.code === 0 ? `table inet splitwg was missing on ${action} of ${iface}: reloaded` : `table inet splitwg is missing and could not be reloaded (exit ${r.code})`);
  }
  if (action === "ifup" && !length(ours) && index(zoneNetworks(env, c.globals.wanZone), iface) >= 0) {
    for (let i = 0; i < length(c.upstreams); i++) {
      const u = c.upstreams[i];
      if (!u.enabled) continue;
      const s = env.ubus(`network.interface.${u.iface}`, "status", {});
      if (type(s) === "object" && s.up !== true && s.pending !== true) {
        env.run(["ifup", u.iface]);
        push(done, `ifup ${u.iface}`);
        env.log(`${iface} is up: retrying upstream ${u.name} (${u.iface})`);
      }
    }
  }
  return done;
}

// src/router/templates.ts
let TEMPLATE_FILE = /^([a-z][a-z0-9_]*)\.json$/;
let NAME = /^[A-Za-z][A-Za-z0-9_]*$/;
function isText(v) {
  return type(v) === "string" && v !== "";
}
function entriesOf(rules) {
  let n = 0;
  for (let i = 0; i < length(rules); i++) {
    const d = rules[i].domain ?? [], a = rules[i].dest ?? [];
    n += length(d) + length(a);
  }
  return n;
}
function readTemplate(env, name) {
  if (!match(name, NAME)) return null;
  const file = `${PATHS.templates}/${name}.json`;
  const text = env.fs.read(file);
  if (text === null) return null;
  let doc = null;
  try {
    doc = json(text);
  } catch {
    doc = null;
  }
  const t = doc === null ? { sections: [], problems: [{ path: "format", ...msg("tpl_json") }] } : templateSections(doc, name);
  const ok = type(doc) === "object";
  const rules = ok && type(doc.rules) === "array" ? doc.rules : [];
  return {
    name,
    file,
    label: ok && isText(doc.label) ? doc.label : name,
    description: ok && isText(doc.description) ? doc.description : "",
    date: ok && isText(doc.date) ? doc.date : "",
    entries: entriesOf(filter(rules, (r) => type(r) === "object")),
    rules,
    problems: map(t.problems, (p) => described(p))
  };
}
function templates(env) {
  const names = sort(env.fs.list(PATHS.templates) ?? []);
  const out = [];
  for (let i = 0; i < length(names); i++) {
    const m = match(names[i], TEMPLATE_FILE);
    const t = m ? readTemplate(env, m[1]) : null;
    if (t) push(out, t);
  }
  return { dir: PATHS.templates, templates: out };
}
function failed(code, m, path, problems) {
  const error = { code, message: format(m), path, id: m.id, args: m.args };
  return problems ? { error, problems } : { error };
}
function addTemplate(env, name, as) {
  const t = readTemplate(env, name);
  if (!t) return failed("NOT_FOUND", msg("tpl_unknown", [name]), "name");
  if (length(t.problems)) return failed("INVALID_TEMPLATE", msg("tpl_invalid", [name, length(t.problems)]), t.file, t.problems);
  const target = as ?? name;
  const secs = readConfigSections(env.uci, "splitwg");
  for (let i = 0; i < length(secs); i++)
    if (secs[i].name === target) return failed("EXISTS", msg("tpl_exists", [target, name]), "ruleset");
  const mine = templateSections(json(env.fs.read(t.file)), target).sections;
  const all = [...secs, ...mine];
  const r = readConfig(all, readLists(env, all, "check"));
  const prefix = `ruleset.${target}`;
  const bad = filter(r.problems, (p) => substr(p.path, 0, length(prefix)) === prefix && (length(p.path) === length(prefix) || index([".", "["], substr(p.path, length(prefix), 1)) >= 0));
  if (length(bad)) return failed("INVALID_CONFIG", msg("tpl_invalid", [name, length(bad)]), bad[0].path, map(bad, (p) => described(p)));
  env.uci.set("splitwg", target, "ruleset");
  for (let k in mine[0].options) env.uci.set("splitwg", target, k, mine[0].options[k]);
  for (let i = 1; i < length(mine); i++) {
    const sid = env.uci.add("splitwg", "rule");
    if (sid === null) {
      env.uci.revert("splitwg");
      return failed("COMMIT_FAILED", msg("tpl_commit"), null);
    }
    for (let k in mine[i].options) env.uci.set("splitwg", sid, k, mine[i].options[k]);
  }
  if (!env.uci.commit("splitwg")) {
    env.uci.revert("splitwg");
    return failed("COMMIT_FAILED", msg("tpl_commit"), null);
  }
  return { ruleset: target, template: name, rules: length(mine) - 1, entries: t.entries };
}

// src/router/api.ts
function apiError(code, m, path) {
  if (type(m) === "string") return { error: { code, message: m, path } };
  const x = m;
  return { error: { code, message: format(x), path, id: x.id, args: x.args } };
}
function missing(name) {
  return apiError("INVALID_ARGUMENT", { id: "arg_required", args: [name] }, name);
}
function checked(valid, problems, warnings) {
  return { valid, problems: map(problems, (p) => described(p)), warnings: map(warnings, (p) => described(p)) };
}
function present(v) {
  return v !== null && v !== null && v !== "";
}
function inAGroup(cfg, name) {
  for (let i = 0; i < length(cfg.groups); i++) if (index(cfg.groups[i].members, name) >= 0) return true;
  return false;
}
function downUpstreams(env, cfg) {
  const out = [];
  const h = readHealth(env);
  for (let i = 0; i < length(cfg.upstreams); i++) {
    const u = cfg.upstreams[i];
    const s = env.ubus(`network.interface.${u.iface}`, "status", {});
    const st = h ? h.upstreams[u.name] ?? null : null;
    if (type(s) === "object" && s.up === false || st && !st.up && inAGroup(cfg, u.name)) push(out, u.name);
  }
  return out;
}
function checkText(env, text) {
  const p = parseUci(text);
  if (length(p.errors)) return checked(false, map(p.errors, (e) => ({ path: `line ${e.line}`, id: e.id, args: e.args })), []);
  const r = readConfig(p.sections, readLists(env, p.sections, "check"));
  return checked(r.config !== null, r.problems, r.warnings);
}
function invalidConfig(problems) {
  return apiError("INVALID_CONFIG", { id: "config_invalid", args: [length(problems)] }, problems[0].path);
}
function methods(mkEnv) {
  const guard = (fn) => (req) => {
    try {
      return fn(mkEnv(), req.args ?? {});
    } catch (e) {
      return apiError("INTERNAL", `${e.message ?? e}`, null);
    }
  };
  return {
    version: { call: () => ({ version: VERSION }) },
    status: { call: guard((env) => status(env)) },
    stats: { call: guard((env) => stats(env)) },
    doctor: { call: guard((env) => doctor(env)) },
    check: {
      args: { text: "" },
      call: guard((env, a) => {
        if (present(a.text)) return checkText(env, a.text);
        const secs = readConfigSections(env.uci, "splitwg");
        const r = readConfig(secs, readLists(env, secs, "check"));
        return checked(r.config !== null, r.problems, r.warnings);
      })
    },
    lists: { call: guard((env) => listReport(env)) },
    update_lists: {
      args: { name: "" },
      call: guard((env, a) => {
        const r = updateLists(env, present(a.name) ? a.name : null, false, apply);
        if (!r.error) return { lists: r.lists, applied: r.applied, note: r.note };
        const m = { id: r.error.id, args: r.error.args };
        return r.error.id === "sub_busy" ? apiError("BUSY", m, null) : apiError("INVALID_ARGUMENT", m, "name");
      })
    },
    apply: {
      args: { dry_run: true },
      call: guard((env, a) => apply(env, { dryRun: a.dry_run === true }))
    },
    explain: {
      args: { client: "", destination: "", proto: "", port: 0, at: "", family: 0 },
      call: guard((env, a) => {
        if (!present(a.client)) return missing("client");
        if (!present(a.destination)) return missing("destination");
        const secs = readConfigSections(env.uci, "splitwg");
        const r = readConfig(secs, readLists(env, secs, "explain"));
        if (!r.config) return invalidConfig(r.problems);
        const q = explainQuery(r.config, { client: a.client, destination: a.destination, proto: a.proto, port: a.port, at: a.at, family: a.family, down: downUpstreams(env, r.config) });
        if (!exists(q, "error")) q.local = localNetworks(env, r.config.globals.ipv6).local;
        const x = exists(q, "error") ? q : explain(r.config, q);
        if (exists(x, "error")) return apiError("INVALID_ARGUMENT", x.error, x.error.path);
        return x;
      })
    },
    genkey: {
      call: guard((env) => {
        const k = genkey(env);
        return exists(k, "error") ? apiError("COMMAND_FAILED", k.error, null) : k;
      })
    },
    import_conf: {
      args: { text: "", name: "" },
      call: guard((_env, a) => {
        if (!present(a.text)) return missing("text");
        const name = present(a.name) ? a.name : "imported";
        return parseProviderConf(a.text, name);
      })
    },
    templates: { call: guard((env) => templates(env)) },
    template_add: {
      args: { name: "", ruleset: "" },
      call: guard((env, a) => {
        if (!present(a.name)) return missing("name");
        return addTemplate(env, a.name, present(a.ruleset) ? a.ruleset : null);
      })
    },
    peer_conf: {
      args: { client: "" },
      call: guard((env, a) => {
        if (!present(a.client)) return missing("client");
        const r = readConfig(readConfigSections(env.uci, "splitwg"));
        if (!r.config) return invalidConfig(r.problems);
        return peerConf(env, r.config, a.client);
      })
    }
  };
}

// src/router/transfer.ts
let OWNER = /^(client|ruleset):([^\n]+)$/;
let KEYS = ["private_key", "preshared_key"];
let LISTS = ["domain", "dest", "proto", "port", "weekdays", "list_file"];
let KINDS = ["upstream", "client"];
let EXPORT_RULE_FIELDS = [...RULE_FIELDS, "upstream", "list_file"];
function plain(s, keys) {
  const o = { section: s.name };
  for (let k in s.options) if (keys || index(KEYS, k) < 0) o[k] = s.options[k];
  return o;
}
function portable(s) {
  const r = {};
  for (let k in s.options) {
    if (k === "client" || k === "ruleset") continue;
    const v = s.options[k];
    if (index(LISTS, k) >= 0) r[k] = type(v) === "array" ? v : filter(split(v, " "), (x) => x !== "");
    else r[k] = k === "enabled" ? !badBool(v) && bool(v) : v;
  }
  return r;
}
function exportConfig(env, keys) {
  const secs = readConfigSections(env.uci, "splitwg");
  const doc = { format: "splitwg-export", version: 1, splitwg: VERSION, keys: keys, upstreams: [], clients: [], rules: [] };
  const byOwner = {};
  const owner = (key, label) => {
    if (!byOwner[key]) {
      byOwner[key] = { format: "splitwg-rules", version: 1, owner: key, rules: [] };
      push(doc.rules, byOwner[key]);
    }
    if (label !== null) byOwner[key].label = label;
    return byOwner[key];
  };
  for (let i = 0; i < length(secs); i++) {
    const s = secs[i];
    if (s.type === "upstream") push(doc.upstreams, plain(s, keys));
    else if (s.type === "client") push(doc.clients, plain(s, keys));
    else if (s.type === "ruleset") owner(`ruleset:${s.name}`, s.options.name ?? null);
  }
  for (let i = 0; i < length(secs); i++) {
    const s = secs[i];
    if (s.type !== "rule") continue;
    const key = (s.options.client ?? null) !== null ? `client:${s.options.client}` : `ruleset:${s.options.ruleset}`;
    push(owner(key, null).rules, portable(s));
  }
  return doc;
}
function transfer_failed(code, m, path, problems) {
  return { error: { code, message: format(m), path, id: m.id, args: m.args }, problems: map(problems ?? [], (p) => described(p)) };
}
function problem(path, m) {
  return { path, id: m.id, args: m.args };
}
function exportSections(doc) {
  const problems = [];
  const sections = [];
  const counts = { upstreams: 0, clients: 0, rulesets: 0, rules: 0 };
  if (type(doc) !== "object" || doc.format !== "splitwg-export" || doc.version !== 1) {
    push(problems, problem("format", msg("export_format")));
    return { sections, problems, counts };
  }
  for (let j = 0; j < length(KINDS); j++) {
    const list = doc[`${KINDS[j]}s`] ?? [];
    if (type(list) !== "array") {
      push(problems, problem(`${KINDS[j]}s`, msg("tpl_list")));
      continue;
    }
    for (let i = 0; i < length(list); i++) {
      const x = list[i], at = `${KINDS[j]}s[${i}]`;
      if (type(x) !== "object" || type(x.section) !== "string") {
        push(problems, problem(at, msg("export_named")));
        continue;
      }
      const o = {};
      for (let k in x) {
        if (k === "section") continue;
        if (type(x[k]) === "string" || type(x[k]) === "array" && !length(filter(x[k], (v) => type(v) !== "string"))) o[k] = x[k];
        else push(problems, problem(`${at}.${k}`, msg("tpl_text")));
      }
      push(sections, { type: KINDS[j], name: x.section, anonymous: false, options: o });
      counts[`${KINDS[j]}s`]++;
    }
  }
  const docs = doc.rules ?? [];
  for (let i = 0; i < length(docs); i++) {
    const d = docs[i], at = `rules[${i}]`;
    const m = type(d) === "object" && type(d.owner) === "string" ? match(d.owner, OWNER) : null;
    if (!m || d.format !== "splitwg-rules" || d.version !== 1 || type(d.rules) !== "array") {
      push(problems, problem(at, msg("export_rules")));
      continue;
    }
    if (m[1] === "ruleset") {
      push(sections, { type: "ruleset", name: m[2], anonymous: false, options: type(d.label) === "string" ? { name: d.label } : {} });
      counts.rulesets++;
    }
    const rules = d.rules;
    for (let j = 0; j < length(rules); j++) {
      const owner = {};
      owner[m[1]] = m[2];
      const opts = ruleOptions(rules[j], `${at}.rules[${j}]`, owner, EXPORT_RULE_FIELDS, problems);
      push(sections, { type: "rule", name: `@rule[${counts.rules}]`, anonymous: true, options: opts });
      counts.rules++;
    }
  }
  return { sections, problems, counts };
}
function newProblems(before, after) {
  const had = {};
  for (let i = 0; i < length(before); i++) had[`${before[i].path} ${format(before[i])}`] = true;
  return filter(after, (p) => !had[`${p.path} ${format(p)}`]);
}
function importConfig(env, text) {
  let doc = null;
  try {
    doc = json(text);
  } catch {
    return transfer_failed("PARSE_ERROR", msg("tpl_json"), null);
  }
  const x = exportSections(doc);
  if (length(x.problems)) return transfer_failed("PARSE_ERROR", msg("export_invalid", [length(x.problems)]), x.problems[0].path, x.problems);
  const secs = readConfigSections(env.uci, "splitwg");
  for (let i = 0; i < length(secs); i++)
    for (let j = 0; j < length(x.sections); j++)
      if (!x.sections[j].anonymous && secs[i].name === x.sections[j].name) return transfer_failed("EXISTS", msg("export_exists", [secs[i].name]), `${x.sections[j].type}.${secs[i].name}`);
  const all = [...secs, ...x.sections];
  const bad = newProblems(readConfig(secs, readLists(env, secs, "check")).problems, readConfig(all, readLists(env, all, "check")).problems);
  if (length(bad)) return transfer_failed("INVALID_CONFIG", msg(doc.keys === false ? "export_invalid_nokeys" : "export_invalid", [length(bad)]), bad[0].path, bad);
  for (let i = 0; i < length(x.sections); i++) {
    const s = x.sections[i];
    const sid = s.anonymous ? env.uci.add("splitwg", s.type) : s.name;
    if (sid === null) {
      env.uci.revert("splitwg");
      return transfer_failed("COMMIT_FAILED", msg("tpl_commit"), null);
    }
    if (!s.anonymous) env.uci.set("splitwg", sid, s.type);
    for (let k in s.options) env.uci.set("splitwg", sid, k, s.options[k]);
  }
  if (!env.uci.commit("splitwg")) {
    env.uci.revert("splitwg");
    return transfer_failed("COMMIT_FAILED", msg("tpl_commit"), null);
  }
  return x.counts;
}

// src/router/onboard.ts
let LIST_LINE = /^ *([0-9]+) +[0-9][0-9-]* +[0-9][0-9:]* +([^\n]+)$/;
let PATTERN_CHARS = ["[", "]", "*", "?", "\\"];
function onboard_failed(code, m, path, errors) {
  return { error: { code, message: format(m), path, id: m.id, args: m.args }, errors: errors ?? [] };
}
function zipConfEntries(listing) {
  const out = [];
  const lines = split(listing, "\n");
  for (let i = 0; i < length(lines); i++) {
    const m = match(trim(lines[i]), LIST_LINE);
    if (m && isConfEntry(m[2])) push(out, { name: m[2], size: int(m[1]) });
  }
  return out;
}
function isPattern(name) {
  for (let i = 0; i < length(PATTERN_CHARS); i++) if (index(name, PATTERN_CHARS[i]) >= 0) return true;
  return false;
}
function readZip(env, file) {
  const zip = env.fs.hostPath(file);
  const l = env.run(["unzip", "-l", zip]);
  if (l.code === 127) return onboard_failed("COMMAND_FAILED", msg("zip_no_unzip"), null);
  if (l.code !== 0) return onboard_failed("PARSE_ERROR", msg("zip_unreadable", [file, trim(l.stderr) || trim(l.stdout)]), file);
  const entries = zipConfEntries(l.stdout);
  if (!length(entries)) return onboard_failed("PARSE_ERROR", msg("zip_no_conf", [file]), file);
  if (length(entries) > ZIP_ENTRIES) return onboard_failed("PARSE_ERROR", msg("zip_too_many", [file, length(entries), ZIP_ENTRIES]), file);
  const names = uniqueNames(map(entries, (e) => e.name));
  const errors = [];
  const ups = [];
  for (let i = 0; i < length(entries); i++) {
    const e = entries[i];
    const where = (x) => ({ ...x, file: e.name });
    if (isPattern(e.name) || e.size > CONF_BYTES) {
      push(errors, where(described({ line: 0, ...e.size > CONF_BYTES ? msg("zip_entry_size", [e.name, CONF_BYTES]) : msg("zip_entry_name", [e.name]) })));
      continue;
    }
    const p = env.run(["unzip", "-p", zip, e.name]);
    const r = parseProviderConf(p.code === 0 ? p.stdout : "", names[i]);
    if (exists(r, "error")) {
      const es = r.errors;
      for (let j = 0; j < length(es); j++) push(errors, where(es[j]));
      continue;
    }
    push(ups, { file: e.name, upstream: r.upstream, ignored: map(r.ignored, where) });
  }
  if (length(errors)) return onboard_failed("PARSE_ERROR", msg("zip_errors", [length(errors), errors[0].file, { id: errors[0].id, args: errors[0].args }]), errors[0].file, errors);
  return { upstreams: ups };
}
function importZip(env, file) {
  const z = readZip(env, file);
  if (exists(z, "error")) return z;
  const ups = z.upstreams;
  const secs = readConfigSections(env.uci, "splitwg");
  const taken = {};
  for (let i = 0; i < length(secs); i++) taken[secs[i].name] = true;
  for (let i = 0; i < length(ups); i++)
    if (taken[ups[i].upstream.name]) return onboard_failed("EXISTS", msg("zip_exists", [ups[i].upstream.name, ups[i].file]), ups[i].file);
  const added = map(ups, (u) => ({ type: "upstream", name: u.upstream.name, anonymous: false, options: upstreamOptions(u.upstream) }));
  const before = readConfig(secs, readLists(env, secs, "check"));
  const all = [...secs, ...added];
  const bad = newProblems(before.problems, readConfig(all, readLists(env, all, "check")).problems);
  if (length(bad)) return onboard_failed("INVALID_CONFIG", msg("zip_config", [length(bad), bad[0].path, { id: bad[0].id, args: bad[0].args }]), bad[0].path);
  for (let i = 0; i < length(added); i++) {
    env.uci.set("splitwg", added[i].name, "upstream");
    for (let k in added[i].options) env.uci.set("splitwg", added[i].name, k, added[i].options[k]);
  }
  if (!env.uci.commit("splitwg")) {
    env.uci.revert("splitwg");
    return onboard_failed("COMMIT_FAILED", msg("tpl_commit"), null);
  }
  return z;
}

// src/router/healthdns.ts
function followDns(env) {
  const st = readState(env);
  const dirs = st && st.ok && st.enabled ? st.dnsmasq_dirs ?? [] : [];
  if (!st || !length(dirs) || st.config_hash !== env.configDigest("splitwg")) return true;
  const r0 = readConfig(readConfigSections(env.uci, "splitwg"));
  if (!r0.config) return true;
  const text = dnsmasqFor(r0.config, checkerDown(env));
  if (env.fs.read(filePath(dirs[0])) === text) return true;
  if (!lock(env)) {
    env.log("health: an apply is running: it writes the DNS entries for these states");
    return true;
  }
  let ok = true;
  for (let i = 0; i < length(dirs); i++) ok = writeFile(env, dirs[i], text) && ok;
  if (ok) {
    st.hashes.dnsmasq = fileFingerprint(env, filePath(dirs[0])) ?? "";
    writeState(env, st);
  }
  const r = env.run([INIT_SCRIPT, "restart"]);
  unlock(env);
  env.log(ok && r.code === 0 ? "health: the groups' domains now resolve through the DNS of their members up: dnsmasq restarted" : `health: the DNS entries for the members up could not be put in place${r.code !== 0 ? ": " + failure(r, [INIT_SCRIPT, "restart"]) : ""}`);
  return ok && r.code === 0;
}

// src/router/command.ts
let USAGE = `usage: splitwg <command> [--json]
  check                 validate /etc/config/splitwg
  plan                  show what apply would install (keys hidden)
  apply [--dry-run]     apply the configuration (a transaction: all or nothing)
  stop                  remove everything splitwg installed
  status                upstreams, clients, last apply, warnings
  doctor                compare the running system with the last apply: every drift, with its fix
  stats                 per-rule, per-rule-set and per-upstream counters
  explain CLIENT DEST [--proto P] [--port N] [--at "Mon 21:30"] [--family 4|6]
                        which path CLIENT's traffic to DEST takes, and why
                        (a condition not given is not evaluated: assumed to hold;
                        a domain is answered for IPv4 unless --family 6, noting IPv6 when it differs)
  genkey                a new WireGuard key pair
  import FILE [NAME]    add a provider's WireGuard .conf as upstream NAME
  import FILE.zip       add every .conf in a provider's zip, one upstream each
  import FILE.json      add the upstreams, clients and rules of an export
  export [FILE] [--with-keys]
                        upstreams, clients, rule sets and rules as JSON
                        (private keys only with --with-keys)
  template list         the rule templates the package ships
  template add NAME [AS]
                        copy template NAME into the configuration as rule set AS
  peer CLIENT           the .conf of a road-warrior peer client
  health [--needed|--dns]
                        the health checker's view: each watched upstream, each group's member now
                        (--needed: exit 0 when a group or a probe is configured, 1 when not:
                        the init script starts the checker only then; --dns: render the DNS
                        entries of failover groups for the members up, as the checker asks)
  update-lists [NAME] [--due]
                        fetch the subscribed lists (or NAME; --due: those whose interval
                        has passed, as cron runs it), then refill the sets of those that changed
  version
  help, --help, -h      this text
`;
let ZIP_FILE = /\.[zZ][iI][pP]$/;
let JSON_FILE = /\.[jJ][sS][oO][nN]$/;
let VALUE_FLAGS = ["proto", "port", "at", "family"];
function parseArgs(argv) {
  const a = { cmd: "", pos: [], flags: {} };
  for (let i = 0; i < length(argv); i++) {
    const w = argv[i];
    if (w === "-h") a.flags.help = true;
    else if (substr(w, 0, 2) === "--") {
      const name = substr(w, 2);
      if (index(VALUE_FLAGS, name) >= 0) {
        if (i + 1 >= length(argv)) return `--${name} needs a value`;
        a.flags[name] = argv[++i];
      } else if (index(["json", "dry-run", "help", "with-keys", "due", "needed", "dns"], name) >= 0) a.flags[name] = true;
      else return `unknown option ${w}`;
    } else if (a.cmd === "") a.cmd = w;
    else push(a.pos, w);
  }
  return a;
}
function printJson(io, v) {
  io.out(sprintf("%.J\n", v));
}
function fmtAge(s) {
  const a = age(s);
  return a === null ? "never" : `${a.n}${a.unit} ago`;
}
function fmtTime(t) {
  const tm = localtime(t);
  return sprintf("%04d-%02d-%02d %02d:%02d:%02d", tm.year, tm.mon, tm.mday, tm.hour, tm.min, tm.sec);
}
function pad(s, n) {
  return sprintf(`%-${n}s`, s);
}
function readAll(env) {
  const secs = readConfigSections(env.uci, "splitwg");
  return readConfig(secs, readLists(env, secs, "check"));
}
function command_loadConfig(env, io) {
  const r = readAll(env);
  if (!r.config) {
    for (let i = 0; i < length(r.problems); i++) io.err(`${r.problems[i].path}: ${format(r.problems[i])}
`);
    io.err(`splitwg: the configuration has ${length(r.problems)} problem(s)
`);
  }
  return r;
}
function cmdCheck(env, io, a) {
  const r = readAll(env);
  if (a.flags.json) {
    printJson(io, { valid: r.config !== null, problems: map(r.problems, (p) => described(p)), warnings: map(r.warnings, (p) => described(p)) });
    return r.config ? 0 : 1;
  }
  for (let i = 0; i < length(r.warnings); i++) io.err(`warning: ${r.warnings[i].path}: ${format(r.warnings[i])}
`);
  if (!r.config) {
    for (let i = 0; i < length(r.problems); i++) io.err(`${r.problems[i].path}: ${format(r.problems[i])}
`);
    io.err(`splitwg: the configuration has ${length(r.problems)} problem(s)
`);
    return 1;
  }
  io.out(`configuration ok: ${length(r.config.upstreams)} upstream(s), ${length(r.config.clients)} client(s)${r.config.globals.enabled ? "" : " (disabled: apply removes everything)"}
`);
  return 0;
}
function cmdPlan(env, io, a) {
  const r = command_loadConfig(env, io);
  if (!r.config) return 1;
  const p = redactedPlan(compile(r.config, { local: localNetworks(env, r.config.globals.ipv6).local }));
  if (a.flags.json) {
    printJson(io, p);
    return 0;
  }
  if (!p.enabled) {
    io.out("# splitwg is disabled (globals.enabled 0): apply removes everything splitwg installed\n");
    return 0;
  }
  io.out(`# splitwg ${VERSION} plan: ${length(p.upstreams)} upstream(s), ${length(p.clients)} client(s), mark mask ${p.marks.mask}

`);
  io.out(`# ===== ${PATHS.nft}
${p.nft}
`);
  const lists = p.table ? listsFile(env, p.table.sets) : null;
  if (lists !== null) io.out(`# ===== ${PATHS.nftLists}
${lists}
`);
  io.out(`# ===== <dnsmasq conf-dir>/${PATHS.dnsmasqFile}
${p.dnsmasq}
`);
  io.out(`# ===== /etc/config/network: sections owned by splitwg (keys hidden)
${renderUci(p.network)}`);
  io.out(`# ===== /etc/config/firewall: sections owned by splitwg
${renderUci(p.firewall)}`);
  return 0;
}
function printApply(io, a, r) {
  if (a.flags.json) {
    printJson(io, r);
    return r.ok ? 0 : 1;
  }
  if (r.ok) io.out(`${r.message}
`);
  else {
    io.err(`splitwg: ${r.message}
`);
    for (let i = 0; i < length(r.problems ?? []); i++) io.err(`  ${r.problems[i].path}: ${r.problems[i].message}
`);
  }
  for (let i = 0; i < length(r.warnings); i++) io.err(`warning: ${r.warnings[i]}
`);
  return r.ok ? 0 : 1;
}
function cmdStatus(env, io, a) {
  const s = status(env);
  if (a.flags.json) {
    printJson(io, s);
    return 0;
  }
  const what = s.applied ? `enabled${s.pending ? " (configuration changed since the last apply: run splitwg apply)" : ""}` : `${s.last_apply ? "stopped" : "not applied"}: nothing installed${s.enabled ? " (run splitwg apply)" : " (disabled in the configuration)"}`;
  io.out(`splitwg ${s.version}: ${what}
`);
  const la = s.last_apply;
  io.out(la ? `last apply: ${fmtTime(la.time)} ${la.ok ? "ok" : "FAILED"}: ${la.message}
` : "last apply: none since boot\n");
  if (length(s.upstreams)) io.out("upstreams:\n");
  for (let i = 0; i < length(s.upstreams); i++) {
    const u = s.upstreams[i];
    const state = !u.enabled ? "disabled" : !u.up ? "DOWN" : u.healthy ? "up" : "up, STALE";
    io.out(`  ${pad(u.name, 12)} ${pad(u.iface, 15)} ${pad(state, 10)} handshake ${pad(fmtAge(u.handshake_age), 10)} rx ${fmtBytes(u.rx)}  tx ${fmtBytes(u.tx)}
`);
    const h = u.health;
    if (h) io.out(`  ${pad("", 12)} health: ${h.state === "up" ? "up" : "DOWN"} since ${fmtTime(h.since)} (${h.reason})${h.rtt !== null ? `, rtt ${h.rtt} ms` : ""}${h.last !== null ? `, last look ${fmtAge(env.now() - h.last)}` : ""}
`);
  }
  if (length(s.groups)) io.out("groups (new connections go to):\n");
  for (let i = 0; i < length(s.groups); i++) {
    const g = s.groups[i];
    const now = length(g.active) ? join(", ", g.active) : "no member up: BLOCKED";
    io.out(`  ${pad(g.name, 12)} ${pad(g.mode, 9)} ${now}  (members ${join(", ", g.members)})
`);
  }
  if (length(s.clients)) io.out("clients (new connections by path):\n");
  for (let i = 0; i < length(s.clients); i++) {
    const c = s.clients[i];
    const hs = c.kind === "peer" ? `  handshake ${fmtAge(c.handshake_age)}` : "";
    const rs = c.counters.ruleset ? `  rule sets ${c.counters.ruleset}` : "";
    io.out(`  ${pad(c.name, 12)} ${pad(c.kind, 7)} ${c.enabled ? "" : "(disabled) "}direct ${c.counters.direct}  proxy ${c.counters.proxy}  block ${c.counters.block}${rs}${hs}
`);
  }
  if (length(s.subscriptions)) io.out("lists (subscriptions):\n");
  for (let i = 0; i < length(s.subscriptions); i++) {
    const l = s.subscriptions[i];
    const n = l.entries === null ? "not fetched since boot" : `${l.entries} entries, fetched ${fmtAge(l.fetched_age)}`;
    io.out(`  ${pad(l.name, 12)} ${l.enabled ? "" : "(disabled) "}${n}${l.error ? `; last attempt ${fmtAge(env.now() - l.checked)}: ${l.error.message}` : ""}
`);
  }
  for (let i = 0; i < length(s.warnings); i++) io.out(`warning: ${s.warnings[i]}
`);
  return 0;
}
function cmdHealth(env, io, a) {
  if (a.flags.needed) {
    const r = readConfig(readConfigSections(env.uci, "splitwg"));
    return r.config && watchOf(r.config) !== null ? 0 : 1;
  }
  if (a.flags.dns) return followDns(env) ? 0 : 1;
  const h = readHealth(env);
  if (a.flags.json) {
    printJson(io, h);
    return 0;
  }
  if (!h) {
    io.out("health checker: no state (not running: no group and no probe configured, or not started yet)\n");
    return 0;
  }
  io.out(`health checker: last look ${fmtAge(env.now() - h.time)}
`);
  for (let n in h.upstreams) {
    const s = h.upstreams[n];
    const rtt = s.rtt !== null ? `, rtt ${s.rtt} ms` : "";
    io.out(`  ${pad(n, 12)} ${pad(s.up ? "up" : "DOWN", 5)} since ${fmtTime(s.since)}  ${s.reason}${rtt}${s.fails ? `, ${s.fails} missed` : ""}
`);
  }
  for (let g in h.groups) io.out(`  group ${pad(g, 12)} ${length(h.groups[g]) ? join(", ", h.groups[g]) : "no member up: blocked"}
`);
  return 0;
}
function cmdUpdateLists(env, io, a) {
  if (length(a.pos) > 1) {
    io.err("usage: splitwg update-lists [NAME] [--due]\n");
    return 2;
  }
  const r = updateLists(env, length(a.pos) ? a.pos[0] : null, a.flags.due === true, apply);
  const failed = r.error !== null || length(filter(r.lists, (l) => l.error !== null)) > 0 || r.applied !== null && !r.applied.ok;
  if (a.flags.json) {
    printJson(io, r);
    return failed ? 1 : 0;
  }
  if (r.error) {
    io.err(`splitwg: ${r.error.message}
`);
    return 1;
  }
  for (let i = 0; i < length(r.lists); i++) {
    const l = r.lists[i];
    if (l.error) io.err(`${l.name}: ${l.error.message}; the previous copy stays${l.entries !== null ? ` (${l.entries} entries)` : ""}
`);
    else io.out(`${l.name}: ${l.entries} entries, ${l.changed ? "changed" : "unchanged"}
`);
  }
  if (r.note) io.out(`${format(r.note)}
`);
  if (r.applied) return printApply(io, a, r.applied) || (failed ? 1 : 0);
  return failed ? 1 : 0;
}
function list(xs) {
  return join(", ", xs);
}
function describeFinding(f) {
  const a = f.args;
  switch (f.id) {
    case "uncommitted":
      return `/etc/config/${a.config} has ${a.changes} uncommitted change(s) (uci changes ${a.config}); apply refuses to commit them. Fix: uci commit ${a.config} (or uci revert ${a.config}), then splitwg apply`;
    case "config_invalid":
      return `the configuration has ${a.problems} problem(s), first ${f.path}: ${a.first}. Fix: splitwg check, correct it, then splitwg apply`;
    case "not_applied":
      return a.stopped ? "splitwg is stopped: nothing is installed although the configuration is enabled. Fix: splitwg apply" : "splitwg has not been applied since boot. Fix: splitwg apply";
    case "last_apply_failed":
      return `the last apply failed (${a.message}); the previous state is in force. Fix: correct the cause, then splitwg apply`;
    case "config_changed":
      return "/etc/config/splitwg changed since the last apply: the running rules are the old ones. Fix: splitwg apply";
    case "table_missing":
      return `table inet splitwg is missing: the firewall was stopped or flushed${length(a.unguarded) ? ` — ${list(a.unguarded)} (identified by MAC or interface only) now leave${length(a.unguarded) === 1 ? "s" : ""} direct` : ""}. Fix: splitwg apply (or /etc/init.d/firewall start)`;
    case "table_file_missing":
      return `${a.file} is missing: the next firewall reload will not re-create table inet splitwg. Fix: splitwg apply`;
    case "table_file_changed":
      return `${a.file} was changed after the last apply. Fix: splitwg apply`;
    case "table_differs":
      return `table inet splitwg differs from the applied plan${length(a.missing) ? `; missing: ${list(a.missing)}` : ""}${length(a.extra) ? `; not in the plan: ${list(a.extra)}` : ""} (changed by hand, or another version loaded it). Fix: splitwg apply`;
    case "stray_elements":
      return `${a.kind} ${a.name} holds ${list(a.elements)}, which the configuration does not have. Fix: splitwg apply`;
    case "missing_elements":
      return `${a.kind} ${a.name} lacks ${list(a.elements)} from the configuration. Fix: splitwg apply`;
    case "rule_missing":
      return `the ip${a.family === 6 ? " -6" : ""} rule of ${f.path} (priority ${a.priority}) is missing (deleted by hand, or netifd did not install it). Fix: splitwg apply (puts it back; a network reload does not)`;
    case "route_missing":
      return `the ${a.type} default route of ${f.path} in table ${a.table} is missing (IPv${a.family}). Fix: splitwg apply (puts it back)`;
    case "tunnel_down":
      return `upstream ${a.upstream}: interface ${a.iface} is down${a.kill_switch ? ": its traffic is blocked (kill switch)" : ": its traffic goes direct"}. Fix: ifup ${a.iface}; check logread -e netifd`;
    case "no_handshake":
      return `upstream ${a.upstream}: ${a.iface} is up but ${a.age === null ? "has never completed a handshake" : `has had no handshake for ${int(a.age / 60)} minutes`} (wg show ${a.iface}): the provider does not answer. Fix: check its endpoint, keys and the WAN; ifup ${a.iface}`;
    case "dnsmasq_no_nftset":
      return a.installed ? "dnsmasq was built without nftset: domain rules have no effect. Fix: opkg remove dnsmasq && opkg install dnsmasq-full, then splitwg apply" : "dnsmasq is not installed: domain rules have no effect. Fix: opkg install dnsmasq-full, then splitwg apply";
    case "dnsmasq_file_missing":
      return `dnsmasq reads ${a.dir}, but splitwg's domain entries ${a.differs ? "there are not the applied ones" : "are not there"}: domain rules have no effect. Fix: splitwg apply (writes ${a.file} and restarts dnsmasq)`;
    case "ipv6_unclassified":
      return "IPv6 forwarding is on but globals.ipv6 is 0: IPv6 traffic of the clients is not classified and leaves direct, also to proxied destinations. Fix: uci set splitwg.main.ipv6=1 && uci commit splitwg && splitwg apply (or turn IPv6 off on the LAN)";
    case "client_ipv4_only":
      return `client ${a.client} is identified by IPv4 addresses only, but the router forwards IPv6: its IPv6 traffic is not classified and leaves direct. Fix: add its IPv6 address(es) or MAC to client.${a.client}, then splitwg apply`;
    default:
      return `${f.id}${f.path ? " (" + f.path + ")" : ""}`;
  }
}
function cmdDoctor(env, io, a) {
  const d = doctor(env);
  if (a.flags.json) {
    printJson(io, d);
    return d.ok ? 0 : 1;
  }
  if (d.ok) {
    io.out("no drift: the running system is what the last apply installed\n");
    return 0;
  }
  for (let i = 0; i < length(d.findings); i++) io.out(`- ${describeFinding(d.findings[i])}
`);
  return 1;
}
function bytesLine(b) {
  const out = [`direct up ${fmtBytes(b.direct.up)} down ${fmtBytes(b.direct.down)}`];
  for (let u in b.proxy) push(out, `${u} up ${fmtBytes(b.proxy[u].up)} down ${fmtBytes(b.proxy[u].down)}`);
  return join(", ", out);
}
let BYTES_MISSING = {
  state: "the last apply is from an older splitwg (run splitwg apply)",
  conntrack: "neither conntrack (opkg install conntrack) nor /proc/net/nf_conntrack",
  accounting: "conntrack accounting is off (net.netfilter.nf_conntrack_acct=0; OpenWrt sets 1)"
};
function cmdStats(env, io, a) {
  const s = stats(env);
  if (a.flags.json) {
    printJson(io, s);
    return 0;
  }
  for (let i = 0; i < length(s.clients); i++) {
    const c = s.clients[i];
    const rs = c.paths.ruleset ? `, rule sets ${c.paths.ruleset}` : "";
    const wg = c.rx !== null ? `; tunnel rx ${fmtBytes(c.rx)}  tx ${fmtBytes(c.tx)}` : "";
    io.out(`client ${c.name}: new connections direct ${c.paths.direct}, proxy ${c.paths.proxy}, block ${c.paths.block}${rs}${wg}
`);
    for (let j = 0; j < length(c.rules); j++) io.out(`  ${pad(c.rules[j].rule, 32)} ${c.rules[j].packets} pkts
`);
    for (let j = 0; j < length(c.rulesets); j++) io.out(`  ${pad(c.rulesets[j].name, 32)} ${c.rulesets[j].packets} pkts (rule set)
`);
    io.out(`  ${pad("default", 32)} ${c.default.packets} pkts
`);
    if (s.bytes.missing === null) io.out(`  open connections: ${c.bytes ? bytesLine(c.bytes) : "not by address (MAC/interface: see below)"}
`);
  }
  for (let i = 0; i < length(s.rulesets); i++) {
    const r = s.rulesets[i];
    io.out(`rule set chain ${r.name}${r.ruleset !== null ? ` (ruleset.${r.ruleset})` : ""}: ${length(r.clients)} client(s)
`);
    for (let j = 0; j < length(r.rules); j++) io.out(`  ${pad(r.rules[j].rule, 32)} ${r.rules[j].packets} pkts
`);
  }
  for (let i = 0; i < length(s.upstreams); i++) {
    const u = s.upstreams[i];
    io.out(`upstream ${pad(u.name, 12)} ${u.packets} new connections; ${u.up ? `handshake ${fmtAge(u.handshake_age)}  rx ${fmtBytes(u.rx)}  tx ${fmtBytes(u.tx)}` : "DOWN"}
`);
  }
  io.out(`dropped: leak guard ${s.dropped.leak}, DoT/DoQ ${s.dropped.dot}; DNS queries hijacked ${s.dns_hijacked}
`);
  if (s.bytes.missing !== null) io.out(`bytes by path: none: ${BYTES_MISSING[s.bytes.missing]}
`);
  else io.out(`bytes by path: ${s.bytes.connections} open connection(s) (${s.bytes.source}); not by a client's address (MAC/interface clients): ${bytesLine(s.bytes.unattributed)}
`);
  return 0;
}
function cmdExplain(env, io, a) {
  if (length(a.pos) !== 2) {
    io.err('usage: splitwg explain CLIENT DEST [--proto P] [--port N] [--at "Mon 21:30"] [--family 4|6]\n');
    return 2;
  }
  const x = methods(() => env).explain.call({ args: {
    client: a.pos[0],
    destination: a.pos[1],
    proto: a.flags.proto ?? null,
    port: a.flags.port ?? null,
    at: a.flags.at ?? null,
    family: a.flags.family ?? null
  } });
  if (a.flags.json) {
    printJson(io, x);
    return exists(x, "error") ? 1 : 0;
  }
  if (exists(x, "error")) {
    const flag = index(VALUE_FLAGS, x.error.path) >= 0 ? `--${x.error.path}: ` : "";
    io.err(`splitwg: ${flag}${x.error.message}
`);
    return x.error.code === "INVALID_ARGUMENT" && flag !== "" ? 2 : 1;
  }
  const via = pathText(x);
  io.out(`${x.client} → ${a.pos[1]}: ${x.action}${via}
  rule: ${x.rule ?? "client default"}
  why: ${x.reason}
`);
  return 0;
}
function cmdGenkey(env, io, a) {
  const k = genkey(env);
  if (exists(k, "error")) {
    io.err(`splitwg: ${k.error}
`);
    return 1;
  }
  const kp = k;
  if (a.flags.json) printJson(io, kp);
  else io.out(`private_key ${kp.private_key}
public_key ${kp.public_key}
`);
  return 0;
}
function hiddenKeys(u) {
  return { ...u, private_key: "(hidden)", preshared_key: u.preshared_key === null ? null : "(hidden)" };
}
function cmdImportZip(env, io, a) {
  if (length(a.pos) !== 1) {
    io.err("usage: splitwg import FILE.zip (the upstreams are named after the files in it)\n");
    return 2;
  }
  const r = importZip(env, a.pos[0]);
  if (a.flags.json) {
    printJson(io, exists(r, "error") ? r : { upstreams: map(r.upstreams, (u) => ({ ...u, upstream: hiddenKeys(u.upstream) })) });
    return exists(r, "error") ? 1 : 0;
  }
  if (exists(r, "error")) {
    const e = r, errs = e.errors;
    for (let i = 0; i < length(errs); i++) io.err(`${a.pos[0]}: ${errs[i].file}:${errs[i].line ? errs[i].line + ":" : ""} ${errs[i].message}
`);
    io.err(`splitwg: ${e.error.message}
`);
    return 1;
  }
  const ups = r.upstreams;
  for (let i = 0; i < length(ups); i++) {
    const u = ups[i];
    for (let j = 0; j < length(u.ignored); j++) io.err(`${a.pos[0]}: ${u.file}:${u.ignored[j].line}: note: ${u.ignored[j].message}
`);
    io.out(`added upstream ${u.upstream.name} from ${u.file} (endpoint ${u.upstream.endpoint}, ${join(", ", u.upstream.address)})
`);
  }
  io.out(`${length(ups)} upstream(s) added; run \`splitwg apply\` to use them
`);
  return 0;
}
function cmdExport(env, io, a) {
  if (length(a.pos) > 1) {
    io.err("usage: splitwg export [FILE] [--with-keys]\n");
    return 2;
  }
  const text = sprintf("%.J\n", exportConfig(env, a.flags["with-keys"] === true));
  if (!length(a.pos)) {
    io.out(text);
    return 0;
  }
  if (!env.fs.write(a.pos[0], text)) {
    io.err(`splitwg: cannot write ${a.pos[0]}
`);
    return 1;
  }
  io.out(`exported to ${a.pos[0]}${a.flags["with-keys"] ? " (with private keys: keep it safe)" : " (without private keys)"}
`);
  return 0;
}
function cmdImportJson(env, io, a) {
  if (length(a.pos) !== 1) {
    io.err("usage: splitwg import FILE.json\n");
    return 2;
  }
  const text = env.fs.read(a.pos[0]);
  if (text === null) {
    io.err(`splitwg: cannot read ${a.pos[0]}
`);
    return 1;
  }
  const r = importConfig(env, text);
  if (a.flags.json) {
    printJson(io, r);
    return exists(r, "error") ? 1 : 0;
  }
  if (exists(r, "error")) {
    const e = r, ps = e.problems;
    for (let i = 0; i < length(ps); i++) io.err(`${a.pos[0]}: ${ps[i].path}: ${ps[i].message}
`);
    io.err(`splitwg: ${e.error.message}
`);
    return 1;
  }
  const c = r;
  io.out(`imported ${c.upstreams} upstream(s), ${c.clients} client(s), ${c.rulesets} rule set(s), ${c.rules} rule(s); run \`splitwg apply\` to use them
`);
  return 0;
}
function cmdImport(env, io, a) {
  if (length(a.pos) >= 1 && match(a.pos[0], ZIP_FILE)) return cmdImportZip(env, io, a);
  if (length(a.pos) >= 1 && match(a.pos[0], JSON_FILE)) return cmdImportJson(env, io, a);
  if (length(a.pos) < 1 || length(a.pos) > 2) {
    io.err("usage: splitwg import FILE [NAME]\n");
    return 2;
  }
  const text = env.fs.read(a.pos[0]);
  if (text === null) {
    io.err(`splitwg: cannot read ${a.pos[0]}
`);
    return 1;
  }
  const name = length(a.pos) === 2 ? a.pos[1] : nameFromFile(a.pos[0]);
  const r = parseProviderConf(text, name);
  if (exists(r, "error")) {
    if (a.flags.json) {
      printJson(io, r);
      return 1;
    }
    const errs = r.errors;
    for (let i = 0; i < length(errs); i++) io.err(`${a.pos[0]}:${errs[i].line ? errs[i].line + ":" : ""} ${errs[i].message}
`);
    return 1;
  }
  const u = r.upstream;
  env.uci.load("splitwg");
  if (env.uci.get_all("splitwg", name)) {
    io.err(`splitwg: a section named "${name}" already exists in /etc/config/splitwg: give another NAME
`);
    return 1;
  }
  env.uci.set("splitwg", name, "upstream");
  const o = upstreamOptions(u);
  for (let k in o) env.uci.set("splitwg", name, k, o[k]);
  if (!env.uci.commit("splitwg")) {
    io.err("splitwg: cannot commit /etc/config/splitwg\n");
    return 1;
  }
  if (a.flags.json) {
    printJson(io, { upstream: hiddenKeys(u), ignored: r.ignored });
    return 0;
  }
  const ign = r.ignored;
  for (let i = 0; i < length(ign); i++) io.err(`${a.pos[0]}:${ign[i].line}: note: ${ign[i].message}
`);
  io.out(`added upstream ${name} (endpoint ${u.endpoint}, ${join(", ", u.address)}); run \`splitwg apply\` to use it
`);
  return 0;
}
function cmdTemplate(env, io, a) {
  const sub = a.pos[0] ?? "";
  if (sub === "list" && length(a.pos) === 1) {
    const t = templates(env);
    if (a.flags.json) {
      printJson(io, t);
      return 0;
    }
    if (!length(t.templates)) {
      io.out(`no templates in ${t.dir}
`);
      return 0;
    }
    for (let i = 0; i < length(t.templates); i++) {
      const x = t.templates[i];
      io.out(`${pad(x.name, 16)} ${x.date}  ${length(x.rules)} rule(s), ${x.entries} entries  ${x.label}
  ${x.description}
`);
      for (let j = 0; j < length(x.problems); j++) io.out(`  invalid: ${x.problems[j].path}: ${x.problems[j].message}
`);
    }
    return 0;
  }
  if (sub !== "add" || length(a.pos) < 2 || length(a.pos) > 3) {
    io.err("usage: splitwg template list | template add NAME [AS]\n");
    return 2;
  }
  const r = addTemplate(env, a.pos[1], length(a.pos) === 3 ? a.pos[2] : null);
  if (a.flags.json) {
    printJson(io, r);
    return exists(r, "error") ? 1 : 0;
  }
  if (exists(r, "error")) {
    const e = r;
    io.err(`splitwg: ${e.error.message}
`);
    const ps = e.problems ?? [];
    for (let i = 0; i < length(ps); i++) io.err(`  ${ps[i].path}: ${ps[i].message}
`);
    return 1;
  }
  const ok = r;
  io.out(`added rule set ${ok.ruleset} from template ${ok.template} (${ok.rules} rule(s), ${ok.entries} entries); add it to a client (list ruleset '${ok.ruleset}'), then run \`splitwg apply\`
`);
  return 0;
}
function cmdPeer(env, io, a) {
  if (length(a.pos) !== 1) {
    io.err("usage: splitwg peer CLIENT\n");
    return 2;
  }
  const r = command_loadConfig(env, io);
  if (!r.config) return 1;
  const c = peerConf(env, r.config, a.pos[0]);
  if (exists(c, "error")) {
    io.err(`splitwg: ${c.error.message}
`);
    return 1;
  }
  if (a.flags.json) printJson(io, c);
  else io.out(c.conf);
  return 0;
}
function runCommand(env, argv, io) {
  const a = parseArgs(argv);
  if (type(a) === "string") {
    io.err(`splitwg: ${a}
${USAGE}`);
    return 2;
  }
  const args = a;
  if (args.flags.help) {
    io.out(USAGE);
    return 0;
  }
  switch (args.cmd) {
    case "version":
      io.out(`${VERSION}
`);
      return 0;
    case "check":
      return cmdCheck(env, io, args);
    case "plan":
      return cmdPlan(env, io, args);
    case "apply":
      return printApply(io, args, apply(env, { dryRun: args.flags["dry-run"] === true }));
    case "stop":
      return printApply(io, args, stop(env));
    case "status":
      return cmdStatus(env, io, args);
    case "stats":
      return cmdStats(env, io, args);
    case "doctor":
      return cmdDoctor(env, io, args);
    case "explain":
      return cmdExplain(env, io, args);
    case "genkey":
      return cmdGenkey(env, io, args);
    case "import":
      return cmdImport(env, io, args);
    case "peer":
      return cmdPeer(env, io, args);
    case "template":
      return cmdTemplate(env, io, args);
    case "export":
      return cmdExport(env, io, args);
    case "update-lists":
      return cmdUpdateLists(env, io, args);
    case "health":
      return cmdHealth(env, io, args);
    case "hotplug":
      if (length(args.pos) !== 2) {
        io.err("usage: splitwg hotplug ACTION INTERFACE\n");
        return 2;
      }
      hotplug(env, args.pos[0], args.pos[1]);
      return 0;
    case "triggers": {
      const t = triggerInterfaces(env);
      for (let i = 0; i < length(t); i++) io.out(`${t[i]}
`);
      return 0;
    }
    case "help":
      io.out(USAGE);
      return 0;
    case "":
      io.err(USAGE);
      return 2;
    default:
      io.err(`splitwg: unknown command "${args.cmd}"
${USAGE}`);
      return 2;
  }
}
export {
  apply,
  applyPlan,
  bytesByClient,
  ctTotals,
  healthNeeded,
  hotplug,
  listReport,
  methods,
  readHealth,
  readWatchFile,
  realEnv,
  runCommand,
  sectionsFromCursor,
  stats,
  status,
  stop,
  tick
};
