'use strict';
'require splitwg.core as swcore';
'require view';
'require form';
'require uci';
'require ui';
'require splitwg.ui as swui';
// Generated from src/luci/tester.ts by `npm run build` — edit the TypeScript, not this file.

const arrtoip = swcore.arrtoip, coreMsg = swcore.msg, badDomain = swcore.badDomain, badPort = swcore.badPort, badTime = swcore.badTime, parseAddress = swcore.parseAddress, readConfig = swcore.readConfig, explain = swcore.explain, callExplain = swui.callExplain, isError = swui.isError, placeOf = swui.placeOf, toCoreSections = swui.toCoreSections, toSections = swui.toSections, WEEKDAY_NAMES = swui.WEEKDAY_NAMES, groupRoute = swui.groupRoute, actionLabel = swui.actionLabel, badge = swui.badge, coreText = swui.coreText, pageUrl = swui.pageUrl, problemList = swui.problemList, sections = swui.sections, setContent = swui.setContent, t = swui.t, upstreamLabel = swui.upstreamLabel, validator = swui.validator;
// node_modules/.cache/splitwg/ucode-builtins.mjs

// src/luci/tester.ts

var PROTO_CHOICES = ["tcp", "udp", "icmp", "icmpv6", "sctp", "udplite", "gre", "esp"];
function destinationError(v) {
  const d = v.trim().toLowerCase();
  if (parseAddress(d)) return null;
  return badDomain(d) ? coreMsg("not_destination", [v]) : null;
}
function dnsNote(client) {
  const own = uci.get("splitwg", client, "dns_hijack");
  const glob = uci.get("splitwg", "main", "dns_hijack");
  const v = own ?? glob ?? "1";
  const on = v === "1" || v === "on" || v === "yes" || v === "true" || v === "enabled";
  return on ? _("DNS: hijacked — every DNS query of this client is answered by the router, so domain rules see the names it resolves.") : _("DNS: not hijacked — domain rules only work if this client uses the router as its DNS server (DNS over HTTPS/TLS bypasses them).");
}
function renderResult(x, q, where) {
  const kind = x.action === "proxy" ? "ok" : x.action === "direct" ? "off" : "bad";
  const secs = toSections(sections());
  let rule = E("em", {}, [_("none — the client's default path")]);
  if (x.rule) {
    const pl = placeOf(x.rule, secs);
    rule = E("a", { href: pageUrl("rules", pl.owner ?? void 0) }, [t(pl.where)]);
  }
  const via = groupRoute(x);
  const rows = [
    [_("Path"), E("span", {}, [
      badge(actionLabel(x.action), kind),
      x.action === "proxy" && x.upstream ? " " + _("through %s").format(upstreamLabel(x.upstream)) : ""
    ])],
    ...via ? [[_("Group"), t(via)]] : [],
    [_("Deciding rule"), rule],
    [_("Interface"), x.iface ?? "-"],
    [_("Firewall mark"), x.mark ?? "-"],
    [_("Why"), coreText(x.reason)],
    [_("DNS"), dnsNote(q.client)]
  ];
  return E("div", { "class": "cbi-section" }, [
    E("h3", {}, [_("Result")]),
    E("div", { "class": "cbi-section-descr" }, [where]),
    E("table", { "class": "table" }, rows.map((r) => E("tr", { "class": "tr" }, [
      E("td", { "class": "td left", "width": "25%" }, [r[0]]),
      E("td", { "class": "td left" }, [r[1]])
    ])))
  ]);
}
var tester_default = view.extend({
  load: () => uci.load("splitwg"),
  render() {
    const data = { test: { client: "", destination: "", proto: "", port: "", day: "", time: "", source: "router" } };
    const m = new form.JSONMap(
      data,
      _("Rule tester"),
      _("Pick a client and a destination: the result is the path its traffic takes and the rule that decides it — computed by the same code the router uses to build its firewall.")
    );
    const s = m.section(form.NamedSection, "test", "test");
    const clients = sections().filter((c) => c[".type"] === "client").map((c) => String(c[".name"]));
    let o = s.option(form.ListValue, "client", _("Client"));
    for (const c of clients) {
      const label = uci.get("splitwg", c, "name");
      o.value(c, label ? `${c} (${label})` : c);
    }
    if (clients.length) data.test.client = clients[0];
    const oClient = o;
    o = s.option(form.Value, "destination", _("Destination"), _("A domain name (e.g. www.netflix.com) or an IP address."));
    o.placeholder = "www.example.com";
    o.validate = validator(destinationError);
    const oDest = o;
    o = s.option(form.ListValue, "proto", _("Protocol"));
    o.value("", _("any"));
    for (const p of PROTO_CHOICES) o.value(p, p);
    const oProto = o;
    o = s.option(form.Value, "port", _("Destination port"));
    o.placeholder = "443";
    o.validate = validator(badPort);
    o.depends("proto", "tcp");
    o.depends("proto", "udp");
    o.depends("proto", "sctp");
    o.depends("proto", "udplite");
    const oPort = o;
    o = s.option(form.ListValue, "day", _("Day"), _("With a time: evaluate time windows as at that moment; without: time conditions are reported, not evaluated."));
    o.value("", _("not given"));
    const dayNames = [_("Monday"), _("Tuesday"), _("Wednesday"), _("Thursday"), _("Friday"), _("Saturday"), _("Sunday")];
    WEEKDAY_NAMES.forEach((d, i) => o.value(d, dayNames[i]));
    const oDay = o;
    o = s.option(form.Value, "time", _("Time"));
    o.placeholder = "21:30";
    o.validate = validator(badTime);
    const oTime = o;
    o = s.option(form.ListValue, "source", _("Configuration"));
    o.value("router", _("as applied on the router"));
    o.value("browser", _("as saved, not yet applied (evaluated in the browser)"));
    const oSource = o;
    const result = E("div", {}, []);
    const run = () => {
      const ok = [oClient, oDest, oPort, oTime].every((x) => x.isValid("test"));
      const client = String(oClient.formvalue("test") ?? "");
      const dest = String(oDest.formvalue("test") ?? "").trim();
      if (!ok || !client || !dest) {
        setContent(result, E("div", { "class": "alert-message warning" }, [_("Choose a client and enter a valid destination.")]));
        return Promise.resolve();
      }
      const proto = String(oProto.formvalue("test") ?? "");
      const portS = oPort.isActive("test") ? String(oPort.formvalue("test") ?? "") : "";
      const day = String(oDay.formvalue("test") ?? ""), time = String(oTime.formvalue("test") ?? "");
      if (day === "" !== (time === "")) {
        setContent(result, E("div", { "class": "alert-message warning" }, [_("Give both a day and a time, or neither.")]));
        return Promise.resolve();
      }
      const at = day ? `${day} ${time}` : "";
      const port = portS ? parseInt(portS, 10) : void 0;
      const q = { client };
      if (oSource.formvalue("test") === "browser") {
        const r = readConfig(toCoreSections(sections()));
        if (!r.config) {
          setContent(result, E("div", { "class": "alert-message warning" }, [E("h4", {}, [_("The saved configuration has problems")]), problemList(r.problems)]));
          return Promise.resolve();
        }
        const x = explain(r.config, { client, destination: dest, proto: proto || null, port: port ?? null, at: at || null });
        if ("error" in x) setContent(result, E("div", { "class": "alert-message warning" }, [coreText(x.error)]));
        else setContent(result, renderResult(x, q, _("Evaluated in the browser on the saved configuration (not yet applied).")));
        return Promise.resolve();
      }
      return callExplain(client, dest, proto || void 0, port, at || void 0).then((x) => {
        if (typeof x === "number") setContent(result, E("div", { "class": "alert-message warning" }, [_("The router did not answer (ubus status %d).").format(x)]));
        else if (isError(x)) setContent(result, E("div", { "class": "alert-message warning" }, [coreText(x.error)]));
        else setContent(result, renderResult(x, q, _("Answered by the router for its applied configuration (upstreams that are down count as down).")));
      });
    };
    return m.render().then((node) => E("div", {}, [
      node,
      E("div", { "class": "cbi-page-actions" }, [
        E("button", {
          "class": "btn cbi-button",
          "type": "button",
          "title": _("Fill in the current day and time"),
          "click": () => {
            const now = /* @__PURE__ */ new Date();
            const d = WEEKDAY_NAMES[(now.getDay() + 6) % 7];
            const el1 = oDay.getUIElement("test"), el2 = oTime.getUIElement("test");
            if (el1) el1.setValue(d);
            if (el2) el2.setValue(`${String(now.getHours()).padStart(2, "0")}:${String(now.getMinutes()).padStart(2, "0")}`);
          }
        }, [_("Now")]),
        " ",
        E("button", { "class": "btn cbi-button-action important", "type": "button", "click": ui.createHandlerFn(null, run) }, [_("Test")])
      ]),
      clients.length ? E([]) : E("div", { "class": "alert-message notice" }, [_("No client yet: add one under Server & clients.")]),
      result
    ]));
  },
  handleSave: null,
  handleSaveApply: null,
  handleReset: null
});

return tester_default;
