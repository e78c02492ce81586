'use strict';
'require splitwg.core as swcore';
'require view';
'require form';
'require uci';
'require ui';
'require splitwg.ui as swui';
// Generated from src/luci/clients.ts by `npm run build` — edit the TypeScript, not this file.

const arrtoip = swcore.arrtoip, badKey = swcore.badKey, badName = swcore.badName, callCheck = swui.callCheck, callGenkey = swui.callGenkey, callHostHints = swui.callHostHints, callNetworkDevices = swui.callNetworkDevices, callPeerConf = swui.callPeerConf, callStatus = swui.callStatus, isError = swui.isError, lanHosts = swui.lanHosts, allocateAddresses = swui.allocateAddresses, confFileName = swui.confFileName, qrPayload = swui.qrPayload, publicKey = swui.publicKey, qrEncode = swui.qrEncode, qrSvg = swui.qrSvg, utf8 = swui.utf8, SecretValue = swui.SecretValue, actionLabel = swui.actionLabel, banner = swui.banner, coreText = swui.coreText, download = swui.download, notifyError = swui.notifyError, pageUrl = swui.pageUrl, plain = swui.plain, saveApply = swui.saveApply, schemaOption = swui.schemaOption, sections = swui.sections, setContent = swui.setContent, upstreamChoices = swui.upstreamChoices, namedGrid = swui.namedGrid;
// node_modules/.cache/splitwg/ucode-builtins.mjs

// src/luci/clients.ts

function usedAddresses(except) {
  const out = [];
  for (const s of sections()) {
    if (s[".type"] !== "client" || s[".name"] === except) continue;
    const a = s.address;
    for (const x of Array.isArray(a) ? a : typeof a === "string" ? a.split(/\s+/) : []) out.push(String(x));
  }
  return out;
}
function serverPublicKey() {
  const k = uci.get("splitwg", "server", "private_key");
  return k ? publicKey(k) : null;
}
function showPeerConf(sid) {
  return Promise.all([callPeerConf(sid), uci.changes()]).then((r) => {
    const reply = r[0];
    const unsaved = r[1] && r[1].splitwg && r[1].splitwg.length;
    if (typeof reply === "number" || isError(reply)) {
      const m = typeof reply === "number" ? _("ubus status %d").format(reply) : reply.error;
      ui.showModal(_("Configuration of %s").format(sid), [
        E("div", { "class": "alert-message warning" }, [E("p", {}, [_("The router could not build this peer's configuration:")]), E("p", {}, [coreText(m)])]),
        E("p", {}, [_("A new or changed peer must be saved and applied first (Save & Apply).")]),
        E("div", { "class": "right" }, [E("button", { "class": "btn", "click": ui.hideModal }, [_("Dismiss")])])
      ]);
      return;
    }
    const conf = String(reply.conf);
    const q = qrPayload(conf);
    const qr = E("div", { "class": "splitwg-qr", "style": "max-width:320px;margin:0 auto" }, [
      q.fits ? E(qrSvg(qrEncode(utf8(q.payload)))) : E("em", {}, [_("Too long for a QR code (%d bytes); use the file.").format(q.bytes)])
    ]);
    ui.showModal(_("Configuration of %s").format(sid), [
      unsaved ? E("div", { "class": "alert-message notice" }, [_("There are unsaved or unapplied changes: this is the configuration the router runs now.")]) : E([]),
      reply.complete === false ? E("div", { "class": "alert-message warning" }, [_("The router does not store this peer's private key: fill in PrivateKey from the device that generated it.")]) : E([]),
      E("p", {}, [_("Scan with the WireGuard app (Add tunnel → Scan from QR code), or import the file. It contains the peer's private key: anyone who has it can connect as this peer.")]),
      qr,
      E("details", {}, [
        E("summary", {}, [_("Show configuration text")]),
        E("pre", { "style": "white-space:pre-wrap;word-break:break-all" }, [conf])
      ]),
      E("div", { "class": "right" }, [
        E("button", { "class": "btn", "click": ui.hideModal }, [_("Dismiss")]),
        " ",
        E("button", { "class": "btn cbi-button-action", "click": () => download(confFileName(sid), conf, "application/octet-stream") }, [_("Download .conf")])
      ])
    ]);
  });
}
var clients_default = view.extend({
  load: () => Promise.all([callCheck(), uci.load("splitwg"), L.resolveDefault(callHostHints(), {}), callStatus(), L.resolveDefault(callNetworkDevices(), {})]),
  render(data) {
    const chk = data[0] && typeof data[0] === "object" && !isError(data[0]) ? data[0] : null;
    const obj = (x) => x && typeof x === "object" ? x : {};
    const hosts = lanHosts(obj(data[2]), obj(data[4]));
    const st = data[3];
    const m = new form.Map(
      "splitwg",
      _("Server & clients"),
      _("Clients are the devices whose traffic splitwg steers: WireGuard peers that connect to this router from anywhere, and devices on the LAN.")
    );
    let s = m.section(
      form.NamedSection,
      "server",
      "server",
      _("WireGuard server"),
      _("For peers: the router listens on this port; each peer gets an address from the pool of the server address.")
    );
    s.addremove = true;
    s.addbtntitle = _("Set up the server");
    const server = (widget, name, title, help) => schemaOption(s.option(widget, name, title, help), "server");
    let o = server(form.Flag, "enabled", _("Enabled"));
    server(form.Value, "listen_port", _("Listen port"), _("UDP port; open it in the firewall's WAN zone."));
    o = server(form.DynamicList, "address", _("Address and pool"), _("The router's tunnel address with the pool prefix, e.g. 10.77.0.1/24 and fd77:77::1/64."));
    o.placeholder = "10.77.0.1/24";
    o = server(form.Value, "endpoint", _("Public endpoint"), _("host:port the peers connect to: your public address or DDNS name, written into their .conf."));
    o.placeholder = "vpn.example.org:51820";
    server(form.DynamicList, "dns", _("DNS for peers"), _("Default: the router's own tunnel address."));
    o = server(form.Value, "mtu", _("MTU"));
    o.placeholder = "1420";
    o = server(SecretValue, "private_key", _("Private key"));
    o.onchange = function(_ev, _sid, v) {
      const el = this.map.findElement("id", "splitwg-server-pub");
      if (el) setContent(el, v && badKey(v) === null ? publicKey(v) ?? "-" : "-");
    };
    o = s.option(form.DummyValue, "_pub", _("Public key"), _("What peers put in [Peer] PublicKey (their .conf has it already)."));
    o.rawhtml = true;
    o.cfgvalue = function(sid) {
      return E("div", {}, [
        E("code", { "id": "splitwg-server-pub", "style": "word-break:break-all" }, [serverPublicKey() ?? "-"]),
        " ",
        E("button", {
          "class": "btn cbi-button",
          "type": "button",
          "disabled": this.map.readonly || null,
          "click": ui.createHandlerFn(this, () => callGenkey().then((k) => {
            if (!k || typeof k !== "object" || isError(k)) return notifyError(isError(k) ? k.error : "genkey failed");
            const el = this.section.getUIElement(sid, "private_key");
            if (el) el.setValue(k.private_key);
            const pub = this.map.findElement("id", "splitwg-server-pub");
            if (pub) setContent(pub, k.public_key);
            ui.addNotification(null, E("p", {}, [_("New server keys: every peer needs a new .conf after Save & Apply.")]), "warning");
          }))
        }, [_("Generate new key pair")])
      ]);
    };
    s = namedGrid(m, "client", _("Clients"), null, _("Add client"), (sid) => _("Client %s").format(sid), (name) => badName(name, 32));
    s.handleRemove = function(sid, ev) {
      for (const r of sections())
        if (r[".type"] === "rule" && r.client === sid) uci.remove("splitwg", String(r[".name"]));
      return form.GridSection.prototype.handleRemove.call(this, sid, ev);
    };
    s.tab("general", _("General"));
    s.tab("identity", _("Identity"));
    const client = (tab, widget, name, title, help) => schemaOption(s.taboption(tab, widget, name, title, help), "client");
    o = client("general", form.Flag, "enabled", _("Enabled"));
    o.editable = true;
    client("general", form.Value, "name", _("Label"));
    o = client("general", form.ListValue, "kind", _("Kind"));
    o.value("device", _("LAN device"));
    o.value("peer", _("WireGuard peer"));
    o.textvalue = function(sid) {
      return (this.cfgvalue(sid) ?? "device") === "peer" ? _("WireGuard peer") : _("LAN device");
    };
    o = client("general", form.ListValue, "default", _("Default path"), _("For traffic no rule matches."));
    o.value("direct", _("Direct"));
    o.value("proxy", _("Proxy"));
    o.value("block", _("Block"));
    o.textvalue = function(sid) {
      return actionLabel(this.cfgvalue(sid) ?? "direct");
    };
    o = client("general", form.ListValue, "upstream", _("Upstream"), _(`Where "proxy" sends this client's traffic, unless a rule names another upstream: an upstream or a group of them.`));
    o.value("", _("none"));
    for (const c of upstreamChoices()) o.value(c[0], c[1]);
    o.rmempty = true;
    o = client("general", form.MultiValue, "ruleset", _("Shared rule sets"), _("Applied after the client's own rules, in this order."));
    for (const r of sections().filter((x) => x[".type"] === "ruleset")) o.value(String(r[".name"]), r.name ? `${r[".name"]} (${r.name})` : String(r[".name"]));
    o.modalonly = true;
    o.optional = true;
    o = client("general", form.ListValue, "dns_hijack", _("Hijack DNS"), _("Domain rules only work when the client's DNS queries reach the router."));
    o.value("", _("as in the global settings"));
    o.value("1", _("yes"));
    o.value("0", _("no"));
    o.modalonly = true;
    o = s.taboption("identity", form.DummyValue, "_gen", _("Keys and address"));
    o.depends("kind", "peer");
    o.modalonly = true;
    o.rawhtml = true;
    o.cfgvalue = function(sid) {
      return E("button", {
        "class": "btn cbi-button-action",
        "type": "button",
        "disabled": this.map.readonly || null,
        "click": ui.createHandlerFn(this, () => callGenkey().then((k) => {
          if (!k || typeof k !== "object" || isError(k)) return notifyError(isError(k) ? k.error : "genkey failed");
          const priv = this.section.getUIElement(sid, "private_key");
          const pub = this.section.getUIElement(sid, "public_key");
          const addr = this.section.getUIElement(sid, "address");
          if (priv) priv.setValue(k.private_key);
          if (pub) pub.setValue(k.public_key);
          const pool = uci.get("splitwg", "server", "address");
          const have = addr ? addr.getValue() : [];
          if (addr && (!have || !have.length)) {
            const a = allocateAddresses(Array.isArray(pool) ? pool : pool ? [String(pool)] : [], usedAddresses(sid));
            if (a.length) addr.setValue(a);
            else notifyError(_("No free address: set up the server's address pool first."));
          }
        }))
      }, [_("Generate keys and address")]);
    };
    o.description = _("The router generates the peer's key pair and picks a free address from the server's pool; after Save & Apply, the Configuration button shows the .conf and QR code.");
    o = client("identity", form.Value, "public_key", _("Public key"), _("The peer's public key."));
    o.depends("kind", "peer");
    o.modalonly = true;
    o = client("identity", SecretValue, "private_key", _("Private key"), _("Kept on the router only to build the peer's .conf and QR code; leave empty if the device generated its own keys."));
    o.depends("kind", "peer");
    o.modalonly = true;
    o = client("identity", SecretValue, "preshared_key", _("Preshared key"));
    o.depends("kind", "peer");
    o.modalonly = true;
    o = client("identity", form.DynamicList, "address", _("Addresses"), _("A peer: its tunnel address(es) from the server's pool. A device: its IP addresses or subnets."));
    for (const h of hosts)
      for (const ip of h.addresses) o.value(ip, plain(h.name ? `${ip} (${h.name})` : ip));
    o.textvalue = function(sid) {
      const parts = [];
      for (const k of ["address", "mac", "interface"]) {
        const v = uci.get("splitwg", sid, k);
        if (v) parts.push(...Array.isArray(v) ? v : String(v).split(/\s+/));
      }
      return parts.length ? plain(parts.join(", ")) : E("em", {}, [_("none")]);
    };
    o = client("identity", form.DynamicList, "mac", _("MAC addresses"), _("Known hosts are offered; a device may also be typed in."));
    o.depends("kind", "device");
    o.modalonly = true;
    for (const h of hosts)
      o.value(h.mac, plain(`${h.mac} (${[h.name, h.addresses[0]].filter((x) => !!x).join(", ") || _("unknown host")})`));
    o = client("identity", form.DynamicList, "interface", _("Interfaces"), _("Every device behind this network device, e.g. br-guest."));
    o.depends("kind", "device");
    o.modalonly = true;
    o = s.option(form.DummyValue, "_rules", _("Rules"));
    o.modalonly = false;
    o.textvalue = (sid) => {
      const n = sections().filter((r) => r[".type"] === "rule" && r.client === sid).length;
      const rs = uci.get("splitwg", sid, "ruleset");
      const nrs = Array.isArray(rs) ? rs.length : rs ? String(rs).split(/\s+/).length : 0;
      return E("a", { href: pageUrl("rules", `client:${sid}`) }, [
        nrs ? _("%d own rules, %d rule sets").format(n, nrs) : _("%d own rules").format(n)
      ]);
    };
    o = s.option(form.DummyValue, "_conf", _("Configuration"));
    o.modalonly = false;
    o.textvalue = (sid) => uci.get("splitwg", sid, "kind") === "peer" ? E("button", { "class": "btn cbi-button", "type": "button", "disabled": m.readonly || null, "click": ui.createHandlerFn(null, () => showPeerConf(sid)) }, [_(".conf / QR")]) : "-";
    return m.render().then((node) => E("div", {}, [
      banner(st, chk, "clients"),
      node
    ]));
  },
  handleSaveApply(ev, mode) {
    return saveApply(this, ev, mode);
  }
});

return clients_default;
