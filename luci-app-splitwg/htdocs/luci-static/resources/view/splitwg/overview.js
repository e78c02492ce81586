'use strict';
'require splitwg.core as swcore';
'require view';
'require form';
'require uci';
'require poll';
'require ui';
'require splitwg.ui as swui';
// Generated from src/luci/overview.ts by `npm run build` — edit the TypeScript, not this file.

const arrtoip = swcore.arrtoip, FOREIGN_MARKS = swcore.FOREIGN_MARKS, callCheck = swui.callCheck, callDoctor = swui.callDoctor, callStats = swui.callStats, callStatus = swui.callStatus, isError = swui.isError, doctorLines = swui.doctorLines, groupsOf = swui.groupsOf, healthOf = swui.healthOf, statusWarnings = swui.statusWarnings, appendPoint = swui.appendPoint, chartSvg = swui.chartSvg, niceMax = swui.niceMax, pathRows = swui.pathRows, rates = swui.rates, sample = swui.sample, placeOf = swui.placeOf, toSections = swui.toSections, badge = swui.badge, banner = swui.banner, coreText = swui.coreText, fmtAge = swui.fmtAge, fmtBytes = swui.fmtBytes, pageUrl = swui.pageUrl, saveApply = swui.saveApply, schemaOption = swui.schemaOption, sections = swui.sections, setContent = swui.setContent, t = swui.t, upstreamLabel = swui.upstreamLabel;
// node_modules/.cache/splitwg/ucode-builtins.mjs

// src/luci/overview.ts

function table(head, rows, empty) {
  return E("table", { "class": "table" }, [
    E("tr", { "class": "tr table-titles" }, head.map((h) => E("th", { "class": "th" }, [h]))),
    ...rows.length ? rows.map((r) => E("tr", { "class": "tr" }, r.map((c) => E("td", { "class": "td" }, [c])))) : [E("tr", { "class": "tr placeholder" }, [E("td", { "class": "td", "colspan": head.length }, [E("em", {}, [empty])])])]
  ]);
}
function since(t2) {
  return t2 == null ? _("never") : fmtAge(Math.max(0, Math.round(Date.now() / 1e3 - t2)));
}
function healthCell(h) {
  if (!h) return E("em", {}, [_("not watched")]);
  const parts = [_("since %s").format(since(h.since))];
  if (h.last != null) parts.push(_("probed %s").format(since(h.last)));
  if (h.rtt != null) parts.push(_("RTT %s ms").format(String(Math.round(h.rtt * 10) / 10)));
  if (h.state === "up" && h.fails) parts.push(_("%d missed").format(h.fails));
  return E("span", { "data-health": h.state }, [
    h.state === "up" ? badge(_("up"), "ok") : badge(_("down"), "bad"),
    " ",
    E("small", {}, [parts.join(" · "), h.state === "down" && h.reason ? " — " + coreText(h.reason) : ""])
  ]);
}
function groupRow(g) {
  return [
    E("a", { href: pageUrl("upstreams", g.name) }, [g.name]),
    g.mode === "balance" ? _("Balance") : _("Failover"),
    E("span", {}, g.members.map((m, i) => E("span", {}, [
      i ? g.mode === "balance" ? ", " : " → " : "",
      g.active.indexOf(m) >= 0 ? E("strong", {}, [m]) : m
    ]))),
    g.active.length ? g.active.join(", ") : badge(_("no member up: blocked"), "bad")
  ];
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
      E("small", {}, [new Date(la.time * 1e3).toLocaleString(), la.message ? " — " + coreText(la) : ""])
    ] : [E("em", {}, [_("never applied")])])])
  ];
  if (st.pending) rows.push(E("tr", { "class": "tr" }, [
    E("td", { "class": "td left" }, [_("Pending")]),
    E("td", { "class": "td left" }, [badge(_("saved settings are not applied yet"), "warn")])
  ]));
  const watched = st.upstreams.some((u) => healthOf(u) !== null);
  const ups = st.upstreams.map((u) => [
    E("a", { href: pageUrl("upstreams", u.name) }, [upstreamLabel(u.name)]),
    u.iface,
    !u.enabled ? badge(_("disabled"), "off") : !u.up ? badge(_("down"), "bad") : u.healthy === false ? badge(_("no handshake"), "warn") : badge(_("up"), "ok"),
    fmtAge(u.handshake_age),
    `↓ ${fmtBytes(u.rx)} / ↑ ${fmtBytes(u.tx)}`,
    ...watched ? [healthCell(healthOf(u))] : []
  ]);
  const groups = groupsOf(st);
  const cls = st.clients.map((c) => {
    const label = uci.get("splitwg", c.name, "name");
    return [
      E("a", { href: pageUrl("rules", `client:${c.name}`), title: _("Rules of %s").format(c.name) }, [label ? `${c.name} (${label})` : c.name]),
      c.kind === "peer" ? _("WireGuard peer") : _("LAN device"),
      c.enabled ? badge(_("on"), "ok") : badge(_("off"), "off"),
      // `ruleset`: matches in a shared rule set whose rules take several paths (docs/ubus.md)
      String(c.counters.direct),
      String(c.counters.proxy),
      String(c.counters.block),
      String(c.counters.ruleset ?? 0),
      c.kind === "peer" ? fmtAge(c.handshake_age) : "-"
    ];
  });
  return E("div", {}, [
    st.warnings.length ? E("div", { "class": "alert-message warning" }, [
      E("h4", {}, [_("Warnings")]),
      E("ul", {}, statusWarnings(st, _).map((w) => E("li", {}, [w])))
    ]) : E([]),
    E("table", { "class": "table" }, rows),
    E("h3", {}, [_("Upstreams")]),
    table([_("Upstream"), _("Interface"), _("State"), _("Last handshake"), _("Traffic"), ...watched ? [_("Health")] : []], ups, _("No upstream yet: add one under Upstreams.")),
    groups.length ? E("div", { "data-groups": "1" }, [
      E("h3", {}, [_("Groups")]),
      table([_("Group"), _("Mode"), _("Members"), _("Taking new connections")], groups.map(groupRow), "")
    ]) : E([]),
    E("h3", {}, [_("Clients")]),
    E("div", { "class": "cbi-section-descr" }, [_("New connections by path since the last apply (the first packet of each connection is counted).")]),
    table([_("Client"), _("Kind"), _("Enabled"), _("Direct"), _("Proxy"), _("Block"), _("Rule sets"), _("Last handshake")], cls, _("No client yet: add one under Server & clients."))
  ]);
}
var TOP_RULES = 10;
var MIN_GAP = 2e3;
function isStats(x) {
  return x !== null && typeof x === "object" && !isError(x) && Array.isArray(x.upstreams) && Array.isArray(x.clients);
}
var perSec = (v) => v === null ? "" : " · " + _("%s/s").format(fmtBytes(Math.round(v)));
var perMin = (v) => v === null ? "" : " · " + _("%s/min").format(String(Math.round(v * 60)));
function ruleHits(s) {
  const by = {};
  for (const r of s.clients.flatMap((c) => c.rules).concat(s.rulesets.flatMap((x) => x.rules))) by[r.rule] = (by[r.rule] ?? 0) + r.packets;
  return Object.keys(by).filter((r) => by[r] > 0).map((rule) => ({ rule, packets: by[rule] })).sort((a, b) => b.packets - a.packets).slice(0, TOP_RULES);
}
function bytesMissing(s) {
  const why = s.bytes?.missing ?? null;
  if (!s.bytes) return _("This router's splitwg reports no bytes by path (an older version).");
  if (why === "state") return _("No bytes by path until splitwg is applied again (the last apply is from an older version).");
  if (why === "conntrack") return _("No bytes by path: neither the conntrack tool (opkg install conntrack) nor /proc/net/nf_conntrack is there.");
  if (why === "accounting") return _("No bytes by path: conntrack accounting is off (net.netfilter.nf_conntrack_acct is 0; OpenWrt sets 1). splitwg does not change it.");
  return null;
}
function bytesCell(rows, r) {
  if (!rows) return E("em", { title: _("Known by MAC or interface only: conntrack records addresses, not how a packet came in.") }, [_("not by address")]);
  return E("div", {}, rows.map((x) => {
    const pr = r?.bytes[x.path];
    const rate = pr && pr.down !== null && pr.up !== null ? ` · ↓ ${_("%s/s").format(fmtBytes(Math.round(pr.down)))} ↑ ${_("%s/s").format(fmtBytes(Math.round(pr.up)))}` : "";
    return E("div", {}, [`${x.path === "direct" ? _("direct") : upstreamLabel(x.path)}: ↓ ${fmtBytes(x.down)} / ↑ ${fmtBytes(x.up)}${rate}`]);
  }));
}
function renderTraffic(s, r, hist) {
  const secs = toSections(sections());
  const max = niceMax(hist.rx.concat(hist.tx));
  const ups = s.upstreams.map((u) => [
    upstreamLabel(u.name),
    u.up ? fmtAge(u.handshake_age) : badge(_("down"), "bad"),
    fmtBytes(u.rx) + perSec(r.upstreams[u.name]?.rx ?? null),
    fmtBytes(u.tx) + perSec(r.upstreams[u.name]?.tx ?? null)
  ]);
  const missing = bytesMissing(s);
  const cls = s.clients.map((c) => {
    const cr = r.clients[c.name];
    return [
      c.name,
      String(c.paths.direct) + perMin(cr?.direct ?? null),
      String(c.paths.proxy) + perMin(cr?.proxy ?? null),
      String(c.paths.block) + perMin(cr?.block ?? null),
      missing !== null ? "-" : bytesCell(pathRows(c.bytes), cr),
      c.rx === null ? "-" : `↓ ${fmtBytes(c.tx)} / ↑ ${fmtBytes(c.rx)}${perSec(cr?.tx ?? null)}`
    ];
  });
  const other = missing === null && s.bytes ? pathRows(s.bytes.unattributed).filter((x) => x.up + x.down > 0) : [];
  const hits = ruleHits(s).map((h) => {
    const pl = placeOf(h.rule, secs);
    return [E("a", { href: pageUrl("rules", pl.owner ?? void 0) }, [t(pl.where)]), String(h.packets)];
  });
  return E("div", { "data-traffic": String(hist.rx.length) }, [
    E("div", { "class": "cbi-section-descr" }, [_("Through the tunnels, sampled by this page every 5 seconds while it is open (nothing is stored on the router): ↓ received, ↑ sent; the top line is %s/s.").format(fmtBytes(max))]),
    E(chartSvg(hist.rx, hist.tx, max)),
    E("div", { "class": "right" }, [
      E("span", { "style": "color:#1976d2" }, ["■ ", _("↓ received"), r.total.rx === null ? "" : " " + _("%s/s").format(fmtBytes(Math.round(r.total.rx)))]),
      " ",
      E("span", { "style": "color:#ef6c00" }, ["■ ", _("↑ sent"), r.total.tx === null ? "" : " " + _("%s/s").format(fmtBytes(Math.round(r.total.tx)))])
    ]),
    table([_("Upstream"), _("Last handshake"), _("Received"), _("Sent")], ups, _("No upstream applied.")),
    E("div", { "class": "cbi-section-descr" }, [_("New connections by path since the last apply (the first packet of each connection is counted), and the bytes of the connections open now by path, from conntrack (↓ to the client, ↑ from it; blocked connections carry none).")]),
    missing !== null ? E("div", { "class": "alert-message notice" }, [missing]) : E([]),
    table([_("Client"), _("Direct"), _("Proxy"), _("Block"), _("Open connections"), _("Peer tunnel")], cls, _("No client applied.")),
    other.length ? E("div", { "class": "cbi-section-descr", "data-unattributed": "1" }, [
      _("Not by a client's address (clients known by MAC or interface): %s").format(other.map((x) => `${x.path === "direct" ? _("direct") : upstreamLabel(x.path)} ↓ ${fmtBytes(x.down)} / ↑ ${fmtBytes(x.up)}`).join(", "))
    ]) : E([]),
    E("div", { "class": "cbi-section-descr" }, [_("The rules with the most hits (new connections) since the last apply.")]),
    table([_("Rule"), _("Hits")], hits, _("No rule has matched yet."))
  ]);
}
function trafficSection(first) {
  const node = E("div", {}, []);
  let prev = null;
  let hist = { rx: [], tx: [] };
  const show = (x) => {
    if (!isStats(x)) return;
    const cur = sample(Date.now(), x);
    if (prev && cur.at - prev.at < MIN_GAP) return;
    const r = rates(prev, cur);
    if (r.total.rx !== null && r.total.tx !== null) hist = { rx: appendPoint(hist.rx, r.total.rx), tx: appendPoint(hist.tx, r.total.tx) };
    prev = cur;
    setContent(node, renderTraffic(x, r, hist));
  };
  show(first);
  poll.add(() => callStats().then(show, () => null), 5);
  return E("div", { "class": "cbi-section" }, [E("h3", {}, [_("Traffic")]), node]);
}
function foreignMarks() {
  return FOREIGN_MARKS.map((m) => `${m[1]} (0x${m[0].toString(16)})`).join(", ");
}
var DOCTOR_EVERY = 3e4;
function isDoctorReply(d) {
  return d !== null && typeof d === "object" && !isError(d) && typeof d.ok === "boolean" && Array.isArray(d.findings);
}
function renderDoctor(d, recheck) {
  if (!d || d.ok || !d.findings.length) return E([]);
  return E("div", { "class": "cbi-section" }, [E("div", { "class": "alert-message warning" }, [
    E("h4", {}, [_("The running system differs from the last apply")]),
    E("ul", {}, doctorLines(d.findings, _).map((l) => E("li", { "data-finding": l.id }, [
      l.what,
      " ",
      E("strong", {}, [_("Fix: %s").format(l.fix)])
    ]))),
    E("div", { "class": "right" }, [
      E("button", { "class": "btn cbi-button", "type": "button", "click": ui.createHandlerFn(null, recheck) }, [_("Check again")])
    ])
  ])]);
}
var overview_default = view.extend({
  load: () => Promise.all([callStatus(), callCheck(), uci.load("splitwg"), callDoctor().catch(() => null), callStats().catch(() => null)]).then((r) => {
    if (!uci.get("splitwg", "main")) uci.add("splitwg", "globals", "main");
    return r;
  }),
  render(data) {
    const good = (x) => x && typeof x === "object" && !isError(x);
    const st = good(data[0]) ? data[0] : null;
    const stErr = isError(data[0]) ? data[0].error.message : typeof data[0] === "number" ? _("ubus status %d").format(data[0]) : null;
    const chk = good(data[1]) ? data[1] : null;
    const statusNode = E("div", { "class": "cbi-section" }, [renderStatus(st, stErr)]);
    const trafficNode = trafficSection(data[4]);
    const problemsNode = E("div", {}, [banner(data[0], chk, void 0)]);
    const doctorNode = E("div", {}, []);
    let doctorAt = Date.now();
    const showDoctor = (d) => {
      if (isDoctorReply(d)) setContent(doctorNode, renderDoctor(d, recheck));
    };
    const recheck = () => {
      doctorAt = Date.now();
      return callDoctor().then(showDoctor, () => null);
    };
    showDoctor(data[3]);
    poll.add(() => Promise.all([callStatus(), callCheck(), Date.now() - doctorAt >= DOCTOR_EVERY ? recheck() : null]).then((r) => {
      if (good(r[0])) setContent(statusNode, renderStatus(r[0], null));
      if (good(r[1])) setContent(problemsNode, banner(r[0], r[1], void 0, false));
    }), 5);
    const m = new form.Map(
      "splitwg",
      _("Split WireGuard"),
      _("Per-client split tunnelling: each client's traffic goes direct, through one of the upstream WireGuard tunnels, or is blocked — by domain, address, port, protocol and time.")
    );
    const s = m.section(form.NamedSection, "main", "globals", _("Global settings"));
    s.tab("general", _("General"));
    s.tab("advanced", _("Advanced"));
    const opt = (tab, widget, name, title, help) => schemaOption(s.taboption(tab, widget, name, title, help), "globals");
    opt("general", form.Flag, "enabled", _("Enabled"), _("Off removes splitwg's firewall table, routes and DNS entries; every client then goes direct."));
    opt("general", form.Flag, "kill_switch", _("Kill switch"), _("While an upstream is down, traffic meant for it is blocked instead of leaking out directly."));
    opt("general", form.Flag, "dns_hijack", _("Hijack DNS"), _("Answer the clients' DNS queries on the router even when they use another server; domain rules only see names resolved here. Each client can override it."));
    opt("general", form.Flag, "ipv6", _("IPv6"), _("Classify IPv6 traffic as well."));
    opt("advanced", form.Value, "mark_mask", _("Mark mask"), _("The firewall mark bits splitwg uses: one contiguous run, not overlapping %s.").format(foreignMarks()));
    opt("advanced", form.Value, "rule_priority", _("ip rule priority"), _("First priority of splitwg's policy routing rules."));
    opt("advanced", form.Value, "table_base", _("Routing table base"), _("Upstream n uses routing table base + n."));
    opt("advanced", form.Value, "set_timeout", _("Learned address lifetime"), _("Seconds an address learned from a DNS answer stays in a domain rule's set (0: forever)."));
    opt("advanced", form.Value, "lan_zone", _("LAN zone"), _("The firewall zone of the LAN devices."));
    opt("advanced", form.Value, "wan_zone", _("WAN zone"));
    return m.render().then((node) => {
      const descr = node.querySelector(".cbi-map-descr");
      const after = descr ? descr.nextSibling : node.firstChild;
      node.insertBefore(problemsNode, after);
      node.insertBefore(doctorNode, after);
      node.insertBefore(statusNode, after);
      node.insertBefore(trafficNode, after);
      return node;
    });
  },
  handleSaveApply(ev, mode) {
    return saveApply(this, ev, mode);
  }
});

return overview_default;
