// Generated from src/router/healthd.ts by `npm run build` — edit the TypeScript, not this file.
'use strict';

import { readfile, writefile, access, unlink, mkdir, rmdir, rename, popen, stat, open, lsdir } from "fs";
import { cursor } from "uci";
import { connect } from "ubus";
import { init, run as healthd_run, timer } from "uloop";
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

// src/core/groups.ts
let BALANCE_SLOTS = 60;
let GROUP_STATE = "/var/run/splitwg/groups.nft";
function slotCount(mode) {
  return mode === "balance" ? BALANCE_SLOTS : 1;
}
function probed(u) {
  return u.health.probe !== null || length(u.health.dns) > 0;
}
function groupSlots(g, enabled, live) {
  if (g.mode !== "balance") return [length(live) ? live[0] : null];
  const out = [];
  const n = length(enabled), l = length(live);
  for (let i = 0; i < BALANCE_SLOTS; i++) {
    const k = int(i * n / BALANCE_SLOTS), m = enabled[k];
    if (!l) {
      push(out, null);
      continue;
    }
    if (index(live, m) >= 0) {
      push(out, m);
      continue;
    }
    const lo = int((k * BALANCE_SLOTS + n - 1) / n);
    const hi = int(((k + 1) * BALANCE_SLOTS + n - 1) / n);
    push(out, live[int((i - lo) * l / (hi - lo))]);
  }
  return out;
}
function slotRuns(slots) {
  const out = [];
  for (let i = 0; i < length(slots); ) {
    let j = i;
    while (j + 1 < length(slots) && slots[j + 1] === slots[i]) j++;
    push(out, { key: j > i ? `${i}-${j}` : `${i}`, member: slots[i] });
    i = j + 1;
  }
  return out;
}

// src/core/nft.ts
let NFT = {
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
function markChainName(upstream, pkt) {
  return `${upstream === null ? "mark_direct" : "up_" + upstream}${pkt ? "_pkt" : ""}`;
}
function slotElements(gm, down) {
  const g = { name: gm.group, mode: gm.mode, spread: "connection", members: gm.members };
  return map(slotRuns(groupSlots(g, gm.members, filter(gm.members, (n) => index(down, n) < 0))), (r) => r.member === null ? { key: r.key, verdict: "drop", target: null } : { key: r.key, verdict: "goto", target: markChainName(r.member, gm.pkt) });
}
function slotMap(gm, down) {
  const slots = slotCount(gm.mode);
  return {
    name: gm.name,
    keyType: "slot",
    slots,
    interval: slots > 1,
    why: `group ${gm.group}: slot → member; the health checker rewrites it`,
    elements: slotElements(gm, down)
  };
}

// src/core/nftprint.ts
function verdictText(verdict, target) {
  if (verdict === "goto" || verdict === "jump") return `${verdict} ${target}`;
  if (verdict === "redirect") return `redirect to ${target}`;
  return verdict;
}
function elementText(m, e) {
  return `${m.keyType === "ifname" ? `"${e.key}"` : e.key} : ${verdictText(e.verdict, e.target)}`;
}
function mapsScript(maps) {
  const tbl = `${NFT.family} ${NFT.table}`;
  return join("", map(maps, (m) => `flush map ${tbl} ${m.name}
add element ${tbl} ${m.name} { ${join(", ", map(m.elements, (e) => elementText(m, e)))} }
`));
}
function slotsScript(maps, down) {
  return mapsScript(map(maps, (gm) => slotMap(gm, down)));
}

// src/core/health.ts
let HANDSHAKE_MAX = 180;
function plural(n, one, many) {
  return `${n} ${n === 1 ? one : many}`;
}
function health_probed(prev, fails, passes, ok, u) {
  if (ok) {
    if (prev.up) return { up: true, reason: "probe answered" };
    return passes >= u.health.upAfter ? { up: true, reason: `${plural(passes, "probe", "probes")} answered` } : { up: false, reason: prev.reason };
  }
  if (!prev.up) return { up: false, reason: prev.reason };
  return fails >= u.health.downAfter ? { up: false, reason: `${plural(fails, "probe", "probes")} missed` } : { up: true, reason: prev.reason };
}
function byHandshake(hs, u) {
  if (u.keepalive === null) return { up: true, reason: "no probe and no keepalive: not judged" };
  if (hs === null) return { up: false, reason: "no handshake yet" };
  return hs <= HANDSHAKE_MAX ? { up: true, reason: `handshake ${hs} s ago` } : { up: false, reason: `no handshake for ${hs} s` };
}
function step(prev, s, u, now) {
  const p = prev ?? { up: true, since: now, fails: 0, passes: 0, last: null, rtt: null, handshake: null, reason: "starting" };
  const next = { ...p, last: now, handshake: s.handshake };
  let v;
  if (!s.iface) {
    next.fails = 0;
    next.passes = 0;
    next.rtt = null;
    v = { up: false, reason: "interface down" };
  } else if (s.probe !== null) {
    next.fails = s.probe.ok ? 0 : p.fails + 1;
    next.passes = s.probe.ok ? p.passes + 1 : 0;
    next.rtt = s.probe.ok ? s.probe.rtt : null;
    v = health_probed(p, next.fails, next.passes, s.probe.ok, u);
  } else {
    next.fails = 0;
    next.passes = 0;
    next.rtt = null;
    v = byHandshake(s.handshake, u);
  }
  next.up = v.up;
  next.reason = v.reason;
  if (v.up !== p.up) next.since = now;
  return next;
}
function downOf(states) {
  const out = [];
  for (let n in states) if (!states[n].up) push(out, n);
  return out;
}
function membersNow(maps, down) {
  const out = {};
  for (let i = 0; i < length(maps); i++) {
    const m = maps[i];
    if (m.pkt) continue;
    const g = { name: m.group, mode: m.mode, spread: "connection", members: m.members };
    const slots = groupSlots(g, m.members, filter(m.members, (x) => index(down, x) < 0));
    out[m.group] = filter(m.members, (x) => index(slots, x) >= 0);
  }
  return out;
}

// src/router/state.ts
let STATE_FILE = `${PATHS.state}/state.json`;
let LOCK_DIR = `${PATHS.state}/lock`;
let LOCK_STALE = 300;
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
function applyRunning(env) {
  const t = env.fs.read(`${LOCK_DIR}/time`);
  return t !== null && env.now() - int(trim(t)) < LOCK_STALE;
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
  return type(w) === "object" && type(w.upstreams) === "array" ? { text: text, watch: w } : null;
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
function due(u, p, now) {
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
    const s = due(u, p, now) ? step(p, sample(env, u, hs), u, now) : p;
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
function healthNeeded(w) {
  return w !== null && length(w.upstreams) > 0;
}

// src/router/healthd.ts

let env = realEnv();
let text = null;
let watch = null;
let last = readHealth(env);
let first = true;
let t = null;
function beat() {
  const f = readWatchFile(env);
  if (f !== null && f.text !== text) {
    text = f.text;
    watch = f.watch;
    first = true;
  }
  if (watch && healthNeeded(watch)) {
    last = tick(env, watch, last, first);
    first = false;
  }
  t.set(int((watch ? watch.interval : 5) * 1e3));
}
init();
t = timer(1, beat);
healthd_run();
