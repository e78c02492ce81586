'use strict';
'require splitwg.core as swcore';
'require view';
'require form';
'require uci';
'require ui';
'require splitwg.ui as swui';
// Generated from src/luci/rules.ts by `npm run build` — edit the TypeScript, not this file.

const arrtoip = swcore.arrtoip, badLabel = swcore.badLabel, badName = swcore.badName, SCHEMA = swcore.SCHEMA, callCheck = swui.callCheck, callLists = swui.callLists, callStatus = swui.callStatus, callTemplates = swui.callTemplates, callUpdateLists = swui.callUpdateLists, isError = swui.isError, badUploadName = swui.badUploadName, findList = swui.findList, listCount = swui.listCount, subscriptionCount = swui.subscriptionCount, WEEKDAY_NAMES = swui.WEEKDAY_NAMES, listOf = swui.listOf, matchSummary = swui.matchSummary, moveStep = swui.moveStep, newRuleOptions = swui.newRuleOptions, ownerKey = swui.ownerKey, ownerOf = swui.ownerOf, parseBulk = swui.parseBulk, parseOwner = swui.parseOwner, rulesOf = swui.rulesOf, exportCSV = swui.exportCSV, exportJSON = swui.exportJSON, fromOptions = swui.fromOptions, importRules = swui.importRules, toOptions = swui.toOptions, toSections = swui.toSections, freeName = swui.freeName, templateSections = swui.templateSections, actionLabel = swui.actionLabel, banner = swui.banner, coreText = swui.coreText, download = swui.download, esc = swui.esc, fmtAge = swui.fmtAge, notifyError = swui.notifyError, plain = swui.plain, readFile = swui.readFile, saveApply = swui.saveApply, schemaOption = swui.schemaOption, sections = swui.sections, setContent = swui.setContent, t = swui.t, text = swui.text, upstreamChoices = swui.upstreamChoices, upstreamLabel = swui.upstreamLabel, namedGrid = swui.namedGrid;
// node_modules/.cache/splitwg/ucode-builtins.mjs

// src/luci/rules.ts

var owner = null;
var lists = null;
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
  const sets = listOf(uci.get("splitwg", o.name, "ruleset"));
  const def = uci.get("splitwg", o.name, "default") ?? "direct";
  const up = uci.get("splitwg", o.name, "upstream");
  return E("p", {}, [
    sets.length ? _("After these rules: the rule sets %s.").format(sets.join(", ")) + " " : "",
    def === "proxy" && up ? _("Unmatched traffic: %s through %s.").format(actionLabel(def), up) : _("Unmatched traffic: %s.").format(actionLabel(def))
  ]);
}
function optsOf(sid) {
  const s = uci.get("splitwg", sid);
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
  const sid = uci.add("splitwg", "rule");
  for (const k in opts) uci.set("splitwg", sid, k, opts[k]);
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
    ...upstreamChoices().map((c) => E("option", { value: c[0] }, [c[1]]))
  ]);
}
function bulkModal(map) {
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
    const badN = nm ? badLabel(nm) : null;
    if (badN) {
      setContent(out, E("div", { "class": "alert-message warning" }, [text(badN)]));
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
    ui.hideModal();
    ui.addNotification(null, E("p", {}, [_("Added a rule with %d domains and %d addresses (%d duplicates skipped).").format(b.domains.length, b.dests.length, b.duplicates)]), "info");
    return map.save(null, true);
  };
  ui.showModal(_("Bulk add"), [
    E("p", {}, [_("One domain, address or CIDR per line (or separated by spaces or commas); # starts a comment. A domain also matches its subdomains. They become one rule at the end of the list.")]),
    area,
    row(_("Rule name"), name),
    row(_("Action"), action),
    row(_("Upstream"), up),
    out,
    E("div", { "class": "right" }, [
      E("button", { "class": "btn", "click": ui.hideModal }, [_("Cancel")]),
      " ",
      E("button", { "class": "btn cbi-button-action important", "click": () => go(false) }, [_("Add rule")])
    ])
  ]);
}
function importModal(map) {
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
    if (replaceBox.checked) for (const sid of ownerRules()) uci.remove("splitwg", sid);
    for (const rule of r.rules) addRule(newRuleOptions(owner, toOptions(rule)));
    ui.hideModal();
    ui.addNotification(null, E("p", {}, [_("Imported %d rules.").format(r.rules.length)]), "info");
    return map.save(null, true);
  };
  ui.showModal(_("Import rules"), [
    E("p", {}, [_("A JSON export of splitwg or CSV with a header row (name, enabled, action, upstream, domain, dest, proto, port, start_time, stop_time, weekdays; lists separated by spaces).")]),
    file,
    area,
    E("label", {}, [replaceBox, " ", _("Replace the current rules (otherwise they are appended)")]),
    out,
    E("div", { "class": "right" }, [
      E("button", { "class": "btn", "click": ui.hideModal }, [_("Cancel")]),
      " ",
      E("button", { "class": "btn cbi-button-action important", "click": go }, [_("Import")])
    ])
  ]);
}
function uploadModal() {
  const dir = lists ? lists.dir : "/etc/splitwg/lists";
  const name = E("input", { "type": "text", "class": "cbi-input-text", "placeholder": "streaming.txt" }, []);
  const out = E("div", {}, []);
  const go = () => {
    const n = String(name.value).trim();
    const bad = badUploadName(n);
    if (bad) {
      setContent(out, E("div", { "class": "alert-message warning" }, [text(bad)]));
      return;
    }
    const path = `${dir}/${n}`;
    return ui.uploadFile(path).then(() => callLists()).then((r) => {
      if (!r || typeof r !== "object" || isError(r)) return;
      lists = r;
      const f = r.files.filter((x) => x.path === path)[0];
      const problems = f ? f.problems.map((p) => ({ line: p.line, text: p })) : [];
      ui.showModal(_("List file %s").format(n), [
        E("p", {}, [f ? t(listCount(f)) : _("The router does not list it.")]),
        problems.length ? issueList(problems) : E([]),
        E("p", {}, [_(`Pick it in a rule's "List files" (Match tab); the page reloads to offer it.`)]),
        E("div", { "class": "right" }, [E("button", { "class": "btn", "click": () => {
          ui.hideModal();
          globalThis.location.reload();
        } }, [_("Close")])])
      ]);
    }, (e) => notifyError(e.message));
  };
  ui.showModal(_("Upload a list file"), [
    E("p", {}, [_('One domain, address or CIDR a line; # starts a comment. It is stored in %s and kept across upgrades; a rule names it in "List files". Uploading a name that exists replaces that file: the next apply reloads only the sets it fills.').format(dir)]),
    E("div", { "class": "cbi-value" }, [E("label", { "class": "cbi-value-title" }, [_("File name")]), E("div", { "class": "cbi-value-field" }, [name])]),
    out,
    E("div", { "class": "right" }, [
      E("button", { "class": "btn", "click": ui.hideModal }, [_("Cancel")]),
      " ",
      E("button", { "class": "btn cbi-button-action important", "click": go }, [_("Choose the file…")])
    ])
  ]);
}
function templateModal(map, show) {
  return callTemplates().then((r) => {
    const list = r && typeof r === "object" && !isError(r) && Array.isArray(r.templates) ? r.templates : [];
    const add = (tp) => {
      const name = freeName(tp.name, sections().map((x) => String(x[".name"])));
      const secs = templateSections(tp, name);
      uci.add("splitwg", "ruleset", name);
      for (const k in secs.ruleset) uci.set("splitwg", name, k, secs.ruleset[k]);
      for (const o of secs.rules) addRule(o);
      ui.hideModal();
      ui.addNotification(null, E("p", {}, [_('Added the rule set %s from the template "%s" (%d rules). A client uses it once it is among its Shared rule sets (Server & clients); Save & Apply keeps it.').format(name, tp.label, secs.rules.length)]), "info");
      return show(ownerKey("ruleset", name));
    };
    const row = (tp) => E("tr", { "class": "tr" }, [
      E("td", { "class": "td" }, [E("strong", {}, [tp.label]), E("br"), E("code", {}, [tp.name])]),
      E("td", { "class": "td" }, [tp.description, tp.problems.length ? E("div", { "class": "alert-message warning" }, [_("Invalid: %s").format(`${tp.problems[0].path}: ${tp.problems[0].message}`)]) : ""]),
      E("td", { "class": "td", "style": "white-space:nowrap" }, [tp.date]),
      E("td", { "class": "td", "style": "white-space:nowrap" }, [_("%d rules, %d entries").format(tp.rules.length, tp.entries)]),
      E("td", { "class": "td" }, [E("button", { "class": "btn cbi-button-add", "disabled": tp.problems.length || map.readonly ? "" : null, "click": () => add(tp) }, [_("Add")])])
    ]);
    ui.showModal(_("Add a rule set from a template"), [
      E("p", {}, [_("Curated rule sets that come with splitwg. Adding one copies its rules into your configuration as a new rule set: edit it freely, a package upgrade never changes your copy.")]),
      list.length ? E("table", { "class": "table" }, [
        E("tr", { "class": "tr table-titles" }, [_("Template"), _("Description"), _("Date"), _("Size"), ""].map((h) => E("th", { "class": "th" }, [h]))),
        ...list.map(row)
      ]) : E("p", {}, [E("em", {}, [typeof r === "number" ? _("The router did not answer (ubus status %d).").format(r) : _("The router has no templates.")])]),
      E("div", { "class": "right" }, [E("button", { "class": "btn", "click": ui.hideModal }, [_("Close")])])
    ]);
  });
}
function fetchNow(name) {
  return callUpdateLists(name).then((r) => {
    if (typeof r !== "object" || isError(r)) {
      notifyError(isError(r) ? coreText(r.error) : _("The router did not answer"));
      return;
    }
    const rep = r;
    const l = rep.lists[0];
    if (l && l.error) notifyError(_("%s: the previous copy stays").format(coreText(l.error)));
    else if (rep.applied && !rep.applied.ok) notifyError(rep.applied.message);
    globalThis.location.reload();
  }, (e) => notifyError(e.message));
}
function doExport(kind) {
  if (!owner) return;
  const o = parseOwner(owner);
  const rules = ownerRules().map((sid) => fromOptions(optsOf(sid)));
  const label = o && o.kind === "ruleset" ? uci.get("splitwg", o.name, "name") : null;
  const base = o ? `splitwg-${o.kind}-${o.name}` : "splitwg-rules";
  if (kind === "json") download(`${base}.json`, exportJSON(rules, owner, label ?? void 0), "application/json");
  else download(`${base}.csv`, exportCSV(rules), "text/csv");
}
var rules_default = view.extend({
  load: () => Promise.all([callCheck(), uci.load("splitwg"), callStatus(), callLists()]),
  render(data) {
    const chk = data[0] && typeof data[0] === "object" && !isError(data[0]) ? data[0] : null;
    const st = data[2];
    lists = data[3] && typeof data[3] === "object" && !isError(data[3]) ? data[3] : null;
    const all = owners();
    const want = decodeURIComponent(String(globalThis.location.hash || "").replace(/^#/, ""));
    owner = all.some((x) => x.key === want) ? want : all.length ? all[0].key : null;
    const m = new form.Map(
      "splitwg",
      _("Rules"),
      _("A client's rules are checked in order, then those of its rule sets; the first match decides, unmatched traffic takes the client's default path.")
    );
    let s = namedGrid(m, "ruleset", _("Shared rule sets"), _("Named lists of rules that several clients can use (Server & clients → client → Shared rule sets)."), _("Add rule set"), (sid) => _("Rule set %s").format(sid), (name) => badName(name, 32));
    s.handleRemove = function(sid, ev) {
      for (const x of sections()) {
        if (x[".type"] === "rule" && x.ruleset === sid) uci.remove("splitwg", String(x[".name"]));
        if (x[".type"] === "client") {
          const l = uci.get("splitwg", String(x[".name"]), "ruleset");
          const arr = Array.isArray(l) ? l : l ? String(l).split(/\s+/) : [];
          if (arr.indexOf(sid) >= 0) uci.set("splitwg", String(x[".name"]), "ruleset", arr.filter((y) => y !== sid));
        }
      }
      if (owner === ownerKey("ruleset", sid)) owner = null;
      return form.GridSection.prototype.handleRemove.call(this, sid, ev);
    };
    s.renderSectionAdd = function(extra) {
      const el = form.GridSection.prototype.renderSectionAdd.call(this, extra);
      el.appendChild(E("button", {
        "class": "cbi-button",
        "style": "margin-left:1em",
        "disabled": this.map.readonly || null,
        "click": ui.createHandlerFn(this, () => templateModal(this.map, (key) => switchTo(key)))
      }, [_("Add from template…")]));
      return el;
    };
    let o = schemaOption(s.option(form.Value, "name", _("Label")), "ruleset");
    o = s.option(form.DummyValue, "_used", _("Used by"));
    o.modalonly = false;
    o.textvalue = (sid) => {
      const users = sections().filter((c) => c[".type"] === "client" && (Array.isArray(c.ruleset) ? c.ruleset : String(c.ruleset ?? "").split(/\s+/)).indexOf(sid) >= 0).map((c) => String(c[".name"]));
      return users.length ? plain(users.join(", ")) : E("em", {}, [_("no client")]);
    };
    o = s.option(form.DummyValue, "_count", _("Rules"));
    o.modalonly = false;
    o.textvalue = (sid) => {
      const key = ownerKey("ruleset", sid);
      const n = rulesOf(toSections(sections()), key).length;
      return E("a", { href: "#" + key, click: (ev) => {
        ev.preventDefault();
        return switchTo(key);
      } }, [_("show (%d)").format(n)]);
    };
    s = namedGrid(
      m,
      "subscription",
      _("List subscriptions"),
      _('A list file fetched from a URL (one domain or address a line) by the router: when missing, and every interval. A rule uses it by its name in "List files". A failed, empty or too large download leaves the previous copy in force.'),
      _("Add subscription"),
      (sid) => _("Subscription %s").format(sid),
      (name) => badName(name, 32)
    );
    o = schemaOption(s.option(form.Flag, "enabled", _("Enabled")), "subscription");
    o = schemaOption(s.option(form.Value, "url", _("URL")), "subscription");
    o.rmempty = false;
    o.placeholder = "https://…";
    o = schemaOption(s.option(form.Value, "interval", _("Every (hours)")), "subscription");
    o = schemaOption(s.option(form.Value, "max_size", _("Largest (KiB)")), "subscription");
    o.modalonly = true;
    o = s.option(form.DummyValue, "_state", _("Last fetch"));
    o.modalonly = false;
    o.textvalue = (sid) => {
      const f = findList(lists, sid);
      const sub = f ? f.subscription ?? null : null;
      const parts = [t(subscriptionCount(f))];
      if (sub && sub.fetched_age !== null) parts.push(_("fetched %s").format(fmtAge(sub.fetched_age)));
      if (sub && sub.error) parts.push(_("%s: the previous copy stays").format(coreText(sub.error)));
      return E("span", {}, [
        plain(parts.join(" · ")),
        " ",
        E("button", { "class": "btn cbi-button", "disabled": m.readonly || !sub ? "" : null, "click": ui.createHandlerFn(null, () => fetchNow(sid)) }, [_("Fetch now")])
      ]);
    };
    const rs = m.section(form.GridSection, "rule", ownerTitle(owner));
    rs.anonymous = true;
    rs.addremove = true;
    rs.sortable = true;
    rs.nodescriptions = true;
    rs.addbtntitle = _("Add rule");
    rs.modaltitle = (sid) => {
      const n = uci.get("splitwg", sid, "name");
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
      uci.move("splitwg", mv.sid, mv.ref, mv.after);
      return this.map.save(null, true);
    };
    rs.renderRowActions = function(sid) {
      const td = form.GridSection.prototype.renderRowActions.call(this, sid);
      const box = td.querySelector("div") ?? td;
      const order = ownerRules();
      const i = order.indexOf(sid);
      const ro = this.map.readonly;
      box.insertBefore(E("button", {
        "class": "btn cbi-button",
        "title": _("Move down"),
        "disabled": ro || i >= order.length - 1 ? "" : null,
        "click": ui.createHandlerFn(this, "handleStep", sid, 1)
      }, ["▼"]), box.firstChild);
      box.insertBefore(E("button", {
        "class": "btn cbi-button",
        "title": _("Move up"),
        "disabled": ro || i <= 0 ? "" : null,
        "click": ui.createHandlerFn(this, "handleStep", sid, -1)
      }, ["▲"]), box.firstChild);
      return td;
    };
    rs.renderSectionAdd = function(extra) {
      if (!owner) return E("em", {}, [_("Add a client (Server & clients) or a rule set first.")]);
      const ro = this.map.readonly || null;
      const el = E("div", { "class": "cbi-section-create" }, [
        E("button", { "class": "cbi-button cbi-button-add", "disabled": ro, "click": ui.createHandlerFn(this, "handleAdd") }, [_("Add rule")]),
        " ",
        E("button", { "class": "cbi-button", "disabled": ro, "click": ui.createHandlerFn(this, () => bulkModal(this.map)) }, [_("Bulk add…")]),
        " ",
        E("button", { "class": "cbi-button", "disabled": ro, "click": ui.createHandlerFn(this, () => importModal(this.map)) }, [_("Import…")]),
        " ",
        E("button", { "class": "cbi-button", "disabled": ro, "click": ui.createHandlerFn(this, () => uploadModal()) }, [_("Upload list file…")]),
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
    const opt = (tab, widget, name, title, help) => schemaOption(rs.taboption(tab, widget, name, title, help), "rule");
    o = opt("match", form.Flag, "enabled", _("Enabled"));
    o.editable = true;
    opt("match", form.Value, "name", _("Name"));
    o = rs.option(form.DummyValue, "_match", _("Matches"));
    o.modalonly = false;
    o.textvalue = (sid) => plain(matchSummary(optsOf(sid), lists).map(t).join(" · "));
    o = opt("match", form.DynamicList, "domain", _("Domains"), _("A domain also matches its subdomains. Resolved through the router's DNS, the answers fill the rule's address sets."));
    o.modalonly = true;
    o = opt("match", form.DynamicList, "dest", _("Addresses"), _("IPv4/IPv6 addresses or CIDRs."));
    o.modalonly = true;
    o = opt(
      "match",
      form.DynamicList,
      "list_file",
      _("List files"),
      _("Files of domains and addresses, one a line: a name in /etc/splitwg/lists/ (Upload list file… below the rules) or an absolute path. A changed file reloads only its sets; open connections keep their path.")
    );
    o.modalonly = true;
    for (const f of lists ? lists.files : []) o.value(f.name, `${f.name} — ${t(f.subscription ? subscriptionCount(f) : listCount(f))}`);
    o = opt("match", form.MultiValue, "proto", _("Protocols"), _("None selected: any protocol (tcp and udp when ports are given)."));
    o.modalonly = true;
    o.optional = true;
    for (const p of SCHEMA.rule.proto.values ?? []) o.value(p, p);
    o = opt("match", form.DynamicList, "port", _("Destination ports"), _("Ports or ranges like 8000-8100."));
    o.modalonly = true;
    o = opt("match", form.Value, "start_time", _("From"), _("HH:MM; a window may cross midnight (20:00 to 06:30)."));
    o.modalonly = true;
    o.placeholder = "20:00";
    o = opt("match", form.Value, "stop_time", _("Until"));
    o.modalonly = true;
    o.placeholder = "06:30";
    o = opt("match", form.MultiValue, "weekdays", _("Weekdays"), _("None selected: every day."));
    o.modalonly = true;
    o.optional = true;
    const dayNames = [_("Monday"), _("Tuesday"), _("Wednesday"), _("Thursday"), _("Friday"), _("Saturday"), _("Sunday")];
    WEEKDAY_NAMES.forEach((d, i) => o.value(d, dayNames[i]));
    o = opt("action", form.ListValue, "action", _("Action"));
    o.value("proxy", _("Proxy"));
    o.value("direct", _("Direct"));
    o.value("block", _("Block"));
    o.textvalue = function(sid) {
      return actionLabel(this.cfgvalue(sid) ?? "proxy");
    };
    o = opt("action", form.ListValue, "upstream", _("Upstream"));
    o.textvalue = function(sid) {
      const a = uci.get("splitwg", sid, "action") ?? "proxy";
      const u = this.cfgvalue(sid);
      return a !== "proxy" ? "-" : u ? plain(upstreamLabel(u)) : E("em", {}, [_("the client's upstream")]);
    };
    o.value("", _("the client's upstream"));
    for (const c of upstreamChoices()) o.value(c[0], c[1]);
    o.depends("action", "proxy");
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
