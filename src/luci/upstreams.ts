// Services → Split WireGuard → Upstreams: the WireGuard tunnels traffic can
// be sent through. A grid with a modal editor; a provider's .conf is
// imported by paste or file upload (parsed by the router: ubus import_conf),
// a provider's .zip of them unpacked in the browser, each file imported so.
import { view, form, uci, ui, poll } from '@kuoruan/luci-types';
import { badKey, badLabel, badName } from '../core/values';
import { SERVER_IFACE } from '../core/config';
import { msg as coreMsg } from '../core/messages';
import { callCheck, callGenkey, callImportConf, callStatus, isError } from './_rpc';
import type { CheckReply, Status } from './_rpc';
import { importedOptions, suggestName } from './_upstream';
import { zipConfs, ZIP_BYTES } from './_zip';
import type { ZipConf, ZipConfs } from './_zip';
import { publicKey } from './_x25519';
import {
	SecretValue, badge, banner, coreText, fmtAge, fmtBytes, notifyError, readFile,
	saveApply, schemaOption, sections, setContent, text as uiText, upstreamNames, upstreamLabel,
	namedGrid, groupInfo, plain,
} from './_ui';
import { healthOf, memberList } from './_groups';

let status: Status | null = null;

function upstreamState(name: string): any {
	const u = status ? status.upstreams.filter((x) => x.name === name)[0] : null;
	if (!u) return badge(_('not applied'), 'off');
	if (!u.enabled) return badge(_('disabled'), 'off');
	if (!u.up) return badge(_('down'), 'bad');
	// the health checker's verdict (a probe unanswered, handshakes gone) over netifd's
	const h = healthOf(u);
	if (h && h.state === 'down')
		return E('span', {}, [badge(_('down'), 'bad'), E('small', {}, [' ', h.reason ? _('health check: %s').format(coreText(h.reason)) : _('by the health check')])]);
	const hs = E('small', {}, [' ', _('handshake %s').format(fmtAge(u.handshake_age)), ' · ↓', fmtBytes(u.rx), ' ↑', fmtBytes(u.tx)]);
	return E('span', {}, [u.healthy === false ? badge(_('no handshake'), 'warn') : badge(_('up'), 'ok'), hs]);
}

function refreshStates(): Promise<void> {
	return callStatus().then((st) => {
		if (!st || typeof st !== 'object' || isError(st)) return;
		status = st as Status;
		const g = globalThis as any;
		g.document.querySelectorAll('[data-splitwg-upstream]').forEach((el: any) => {
			setContent(el, upstreamState(el.getAttribute('data-splitwg-upstream')));
		});
	});
}

// The public key that belongs to the private key in the form, for the
// provider (or one's own server) to add as its peer.
function showPublicKey(map: any, sid: string, priv: string | null): void {
	const el = map.findElement('id', `splitwg-pub-${sid}`);
	if (el) setContent(el, priv ? (publicKey(priv) ?? '-') : '-');
}

// Why `name` cannot name a new upstream, or null.
function nameProblem(name: string, taken: string[]): any {
	return badName(name, 12) ?? (name === 'server' ? coreMsg('name_reserved', [SERVER_IFACE]) : null)
		?? (taken.indexOf(name) >= 0 ? coreMsg('at_path', [`upstream.${name}`, coreMsg('defined_twice')]) : null);
}

function importModal(s: any): void {
	const nameEl = E('input', { 'type': 'text', 'class': 'cbi-input-text', 'placeholder': 'us_east', 'maxlength': 12 }, []);
	const labelEl = E('input', { 'type': 'text', 'class': 'cbi-input-text', 'placeholder': _('US exit') }, []);
	const fileEl = E('input', { 'type': 'file', 'accept': '.conf,text/plain' }, []);
	const textEl = E('textarea', { 'class': 'cbi-input-textarea', 'rows': 12, 'style': 'width:100%;font-family:monospace', 'spellcheck': 'false',
		'placeholder': '[Interface]\nPrivateKey = …\nAddress = 10.2.0.2/32\n\n[Peer]\nPublicKey = …\nEndpoint = vpn.example.com:51820\nAllowedIPs = 0.0.0.0/0, ::/0' }, []);
	const out = E('div', {}, []);
	const taken = upstreamNames();
	fileEl.addEventListener('change', () => {
		readFile(fileEl).then((txt) => {
			textEl.value = txt;
			if (nameEl.value === '' && fileEl.files[0]) nameEl.value = suggestName(fileEl.files[0].name, taken);
		}, (e: Error) => setContent(out, E('p', { 'class': 'alert-message warning' }, [e.message])));
	});
	const doImport = () => {
		const text = String(textEl.value);
		let name = String(nameEl.value).trim();
		if (name === '') {
			const ep = /^\s*Endpoint\s*=\s*(\S+)/mi.exec(text);
			name = suggestName(ep ? ep[1] : 'upstream', taken);
			nameEl.value = name;
		}
		const bad = nameProblem(name, taken);
		if (bad) { setContent(out, E('p', { 'class': 'alert-message warning' }, [coreText(bad)])); return Promise.resolve(); }
		const label = String(labelEl.value).trim();
		const badL = label ? badLabel(label) : null;
		if (badL) { setContent(out, E('p', { 'class': 'alert-message warning' }, [coreText(badL)])); return Promise.resolve(); }
		return callImportConf(text, name).then((r: any) => {
			if (typeof r === 'number') { setContent(out, E('p', { 'class': 'alert-message warning' }, [_('The router did not answer (ubus status %d).').format(r)])); return; }
			if (isError(r)) {
				const errs = r.errors && r.errors.length ? r.errors : [{ line: 0, message: r.error.message }];
				setContent(out, E('div', { 'class': 'alert-message warning' }, [
					E('h4', {}, [_('The file was not imported')]),
					E('ul', {}, errs.map((e) => E('li', {}, [e.line ? _('Line %d').format(e.line) + ': ' : '', coreText(e)]))),
				]));
				return;
			}
			const sid = uci.add('splitwg', 'upstream', name);
			const opts = importedOptions(r.upstream, label || undefined);
			for (const k in opts) uci.set('splitwg', sid, k, opts[k]);
			ui.hideModal();
			if (r.ignored && r.ignored.length)
				ui.addNotification(null, E('div', {}, [
					E('p', {}, [_('Imported; these lines were ignored:')]),
					E('ul', {}, r.ignored.map((e: any) => E('li', {}, [_('Line %d').format(e.line), ': ', coreText(e)]))),
				]), 'info');
			// review in the usual editor; Dismiss removes the new section again
			s.addedSection = sid;
			s.map.addedSection = sid;
			return s.renderMoreOptionsModal(sid);
		});
	};
	ui.showModal(_('Import a WireGuard .conf'), [
		E('p', {}, [_('Paste the file your VPN provider gave you, or choose it. The router checks every value; nothing is saved until you confirm the upstream and press Save & Apply.')]),
		E('div', { 'class': 'cbi-value' }, [E('label', { 'class': 'cbi-value-title' }, [_('File')]), E('div', { 'class': 'cbi-value-field' }, [fileEl])]),
		E('div', { 'class': 'cbi-value' }, [E('label', { 'class': 'cbi-value-title' }, [_('Name')]), E('div', { 'class': 'cbi-value-field' }, [nameEl,
			E('div', { 'class': 'cbi-value-description' }, [_('Letters, digits and _, at most 12 characters; the interface becomes sw_ followed by the name.')])])]),
		E('div', { 'class': 'cbi-value' }, [E('label', { 'class': 'cbi-value-title' }, [_('Label')]), E('div', { 'class': 'cbi-value-field' }, [labelEl])]),
		textEl,
		out,
		E('div', { 'class': 'right' }, [
			E('button', { 'class': 'btn', 'click': ui.hideModal }, [_('Cancel')]), ' ',
			E('button', { 'class': 'btn cbi-button-action important', 'click': ui.createHandlerFn(null, doImport) }, [_('Import')]),
		]),
	]);
}

// One problem of a zip's file: which file, which line, what.
interface ZipProblem { file: string | null, line: number, text: string }

// Every .conf of a provider's .zip through import_conf, as one pasted file
// is (the router's parser and validators); the names are the router's for
// the same zip (`splitwg import FILE.zip`). All are added, or none.
function importZip(s: any, files: ZipConf[]): Promise<ZipProblem[]> {
	const taken = sections().map((x) => String(x['.name']));
	const bad: ZipProblem[] = [];
	for (const f of files) {
		const p = taken.indexOf(f.name) >= 0 ? coreMsg('zip_exists', [f.name, f.file]) : nameProblem(f.name, []);
		if (p) bad.push({ file: f.file, line: 0, text: coreText(p) });
	}
	if (bad.length) return Promise.resolve(bad);
	return Promise.all(files.map((f) => callImportConf(f.text, f.name))).then((rs: any[]) => {
		rs.forEach((r, i) => {
			const file = files[i].file;
			if (typeof r === 'number') bad.push({ file, line: 0, text: _('The router did not answer (ubus status %d).').format(r) });
			else if (isError(r)) {
				const errs = r.errors && r.errors.length ? r.errors : [{ line: 0, message: r.error.message, id: r.error.id, args: r.error.args }];
				for (const e of errs) bad.push({ file, line: e.line, text: coreText(e) });
			}
		});
		if (bad.length) return bad;
		const ignored: ZipProblem[] = [];
		rs.forEach((r, i) => {
			const opts = importedOptions(r.upstream);
			uci.add('splitwg', 'upstream', files[i].name);
			for (const k in opts) uci.set('splitwg', files[i].name, k, opts[k]);
			for (const e of r.ignored ?? []) ignored.push({ file: files[i].file, line: e.line, text: coreText(e) });
		});
		ui.hideModal();
		ui.addNotification(null, E('div', {}, [
			E('p', {}, [_('Added %d upstreams: %s. Check them, then press Save & Apply.').format(files.length, files.map((f) => f.name).join(', '))]),
			ignored.length ? E('p', {}, [_('These lines were ignored:')]) : '',
			ignored.length ? problemList(ignored) : '',
		]), 'info');
		return s.map.save(null, true).then(() => []);
	});
}

function problemList(ps: ZipProblem[]): any {
	return E('ul', {}, ps.map((p) => E('li', {}, [
		p.file ? E('code', {}, [p.file]) : '', p.file ? ': ' : '', p.line ? _('Line %d').format(p.line) + ': ' : '', p.text,
	])));
}

function importZipModal(s: any): void {
	const fileEl = E('input', { 'type': 'file', 'accept': '.zip,application/zip' }, []);
	const out = E('div', {}, []);
	const failed = (ps: ZipProblem[]) => setContent(out, ps.length ? E('div', { 'class': 'alert-message warning' }, [
		E('h4', {}, [_('Nothing was imported')]), problemList(ps),
	]) : '');
	const doImport = () => {
		const f = fileEl.files && fileEl.files[0];
		if (!f) { failed([{ file: null, line: 0, text: _('Choose the provider\'s .zip file.') }]); return Promise.resolve(); }
		if (f.size > ZIP_BYTES) { failed([{ file: null, line: 0, text: _('%s is larger than %d bytes').format(f.name, ZIP_BYTES) }]); return Promise.resolve(); }
		return f.arrayBuffer().then((buf: ArrayBuffer) => zipConfs(new Uint8Array(buf), f.name)).then((z: ZipConfs) => {
			if ('error' in z) return failed([{ file: z.file, line: 0, text: uiText(z.error) }]);
			return importZip(s, z.files).then(failed);
		}, (e: Error) => failed([{ file: null, line: 0, text: e.message }]));
	};
	ui.showModal(_('Import a provider\'s .zip'), [
		E('p', {}, [_('A .zip of WireGuard .conf files, as VPN providers offer them: one upstream per file, named after the file. Every file is checked by the router as one imported .conf is; if one has a problem, none is added. Nothing is saved until you press Save & Apply.')]),
		E('div', { 'class': 'cbi-value' }, [E('label', { 'class': 'cbi-value-title' }, [_('File')]), E('div', { 'class': 'cbi-value-field' }, [fileEl])]),
		out,
		E('div', { 'class': 'right' }, [
			E('button', { 'class': 'btn', 'click': ui.hideModal }, [_('Cancel')]), ' ',
			E('button', { 'class': 'btn cbi-button-action important', 'click': ui.createHandlerFn(null, doImport) }, [_('Import')]),
		]),
	]);
}

// Why `name` cannot name a new group, or null: an upstream's rule, and
// unique among all sections (a client or rule names it like an upstream).
function groupNameProblem(name: string): any {
	return badName(name, 12) ?? (sections().some((x) => x['.name'] === name) ? coreMsg('at_path', [`group.${name}`, coreMsg('defined_twice')]) : null);
}

// config group: upstreams under one name (docs/config.md "config group").
function groupSection(m: any): any {
	const g: any = namedGrid(m, 'group', _('Groups'),
		_('Several upstreams under one name, which clients and rules choose like an upstream. Failover: new connections take the first member that is up. Balance: they are spread over the members that are up. The health checker decides which members are up (the Health tab of an upstream); with every member down the group\'s traffic is blocked.'),
		_('Add group'), (sid: string) => _('Group %s').format(sid), groupNameProblem);
	const opt = (widget: any, name: string, title: string, help?: string) => schemaOption(g.option(widget, name, title, help), 'group');
	let o: any = opt(form.ListValue, 'mode', _('Mode'));
	o.value('failover', _('Failover'));
	o.value('balance', _('Balance'));
	o.textvalue = function (this: any, sid: string) { return (this.cfgvalue(sid) ?? this.default) === 'balance' ? _('Balance') : _('Failover'); };

	o = opt(form.DynamicList, 'member', _('Members'), _('Upstreams, in order of preference for failover.'));
	o.rmempty = false;
	// the upstreams as they are now (one may have been added on this page)
	o.load = function (this: any, sid: string) {
		this.keylist = [];
		this.vallist = [];
		for (const u of upstreamNames()) this.value(u, upstreamLabel(u));
		return uci.get('splitwg', sid, 'member');
	};
	o.textvalue = (sid: string) => {
		const gi = groupInfo(sid);
		return gi && gi.members.length ? plain(memberList(gi)) : E('em', {}, [_('none')]);
	};

	o = opt(form.ListValue, 'spread', _('Spread'), _('How new connections are spread over the members.'));
	o.value('connection', _('new connections in turn (round robin)'));
	o.value('destination', _('by destination: an address stays on one member'));
	o.depends('mode', 'balance');
	o.textvalue = function (this: any, sid: string) {
		const gi = groupInfo(sid);
		if (!gi || gi.mode !== 'balance') return '-';
		const v = this.cfgvalue(sid) ?? this.default;
		return v === 'destination' ? _('by destination') : _('in turn');
	};
	return g;
}

export default view.extend({
	load: () => Promise.all([callStatus(), callCheck(), uci.load('splitwg')]),

	render(data: any[]) {
		status = data[0] && typeof data[0] === 'object' && !isError(data[0]) ? data[0] as Status : null;
		const st = status;
		const chk = data[1] as CheckReply;

		const m = new form.Map('splitwg', _('Upstreams'),
			_('WireGuard tunnels to a VPN provider or your own server. Each becomes the interface sw_<em>name</em> with its own routing table; clients and rules choose which traffic goes through which upstream.'));

		const s: any = namedGrid(m, 'upstream', null, null, _('Add upstream'), (sid: string) => _('Upstream %s').format(sid),
			(name) => badName(name, 12) ?? (name === 'server' ? coreMsg('name_reserved', [SERVER_IFACE]) : null));
		s.renderSectionAdd = function (extra: any) {
			const el = (form.GridSection as any).prototype.renderSectionAdd.call(this, extra);
			el.appendChild(E('button', {
				'class': 'cbi-button cbi-button-action', 'style': 'margin-left:1em',
				'disabled': this.map.readonly || null,
				'click': ui.createHandlerFn(this, () => importModal(this)),
			}, [_('Import .conf…')]));
			el.appendChild(E('button', {
				'class': 'cbi-button cbi-button-action', 'style': 'margin-left:1em',
				'disabled': this.map.readonly || null,
				'click': ui.createHandlerFn(this, () => importZipModal(this)),
			}, [_('Import .zip…')]));
			return el;
		};

		s.tab('general', _('General'));
		s.tab('peer', _('Provider server'));
		s.tab('advanced', _('Advanced'));
		s.tab('health', _('Health'));

		// defaults, placeholders and validators: the core's option table
		const opt = (tab: string, widget: any, name: string, title: string, help?: string) =>
			schemaOption(s.taboption(tab, widget, name, title, help), 'upstream');
		let o: any = opt('general', form.Flag, 'enabled', _('Enabled'));
		o.editable = true;

		opt('general', form.Value, 'name', _('Label'), _('A description, e.g. "US exit".'));

		o = opt('general', SecretValue, 'private_key', _('Private key'),
			_('The [Interface] PrivateKey of the provider\'s file, or generate one and register the public key below with your server.'));
		o.modalonly = true;
		o.rmempty = false;
		o.onchange = function (this: any, _ev: any, sid: string, value: string) { showPublicKey(this.map, sid, badKey(value) === null ? value : null); };

		o = s.taboption('general', form.DummyValue, '_public_key', _('Public key'));
		o.modalonly = true;
		o.rawhtml = true;
		o.cfgvalue = function (this: any, sid: string) {
			const priv = uci.get('splitwg', sid, 'private_key') as string | null;
			return E('div', {}, [
				E('code', { 'id': `splitwg-pub-${sid}`, 'style': 'word-break:break-all' }, [priv ? (publicKey(priv) ?? '-') : '-']), ' ',
				E('button', {
					'class': 'btn cbi-button', 'type': 'button', 'disabled': this.map.readonly || null,
					'click': ui.createHandlerFn(this, () => callGenkey().then((k: any) => {
						if (!k || typeof k !== 'object' || isError(k)) return notifyError(isError(k) ? k.error : _('Key generation failed'));
						const el = this.section.getUIElement(sid, 'private_key');
						if (el) el.setValue(k.private_key);
						showPublicKey(this.map, sid, k.private_key);
					})),
				}, [_('Generate new key pair')]),
			]);
		};
		o.description = _('Derived from the private key, in the browser. Give it to your provider or add it as the peer on your own server.');

		o = opt('general', form.DynamicList, 'address', _('Tunnel addresses'), _('Address/prefix inside the tunnel, from [Interface] Address.'));
		o.placeholder = '10.2.0.2/32';

		o = opt('peer', form.Value, 'endpoint', _('Endpoint'), _('host:port of the provider\'s server ([addr]:port for IPv6).'));
		o.placeholder = 'vpn.example.com:51820';
		o.rmempty = false;

		o = opt('peer', form.Value, 'public_key', _('Server public key'), _('[Peer] PublicKey.'));
		o.modalonly = true;
		o.rmempty = false;

		o = opt('peer', SecretValue, 'preshared_key', _('Preshared key'), _('[Peer] PresharedKey, if the provider uses one.'));
		o.modalonly = true;

		o = opt('peer', form.DynamicList, 'allowed_ips', _('Allowed IPs'), _('Destinations the tunnel may carry; empty means everything (0.0.0.0/0, ::/0).'));
		o.modalonly = true;
		o.placeholder = '0.0.0.0/0';

		o = opt('advanced', form.Value, 'mtu', _('MTU'));
		o.modalonly = true;
		o.placeholder = '1420';

		o = opt('advanced', form.Value, 'keepalive', _('Keepalive'), _('Seconds between keepalive packets; 25 keeps NAT mappings open and lets the status page see a dead tunnel.'));
		o.modalonly = true;
		o.placeholder = '25';

		o = opt('advanced', form.DynamicList, 'dns', _('DNS servers'), _('The provider\'s DNS servers from its file.'));
		o.modalonly = true;

		o = opt('advanced', form.ListValue, 'via', _('Reached through'),
			_('Cascade (multi-hop): this tunnel\'s own packets go into the chosen upstream\'s tunnel, so its provider sees only encrypted WireGuard traffic and the WAN none of it. Needs the kill switch.'));
		o.modalonly = true;
		o.value('', _('the WAN (no cascade)'));
		o.rmempty = true;
		o.load = function (this: any, sid: string) {
			// every upstream but this one (check refuses loops and names what is wrong)
			for (const u of upstreamNames()) if (u !== sid) this.value(u, upstreamLabel(u));
			return uci.get('splitwg', sid, 'via');
		};

		// the health checker (docs/config.md "Health and groups")
		o = opt('health', form.Value, 'probe', _('Probe address'),
			_('An address pinged through this tunnel, e.g. the provider\'s DNS server: a tunnel whose server stopped answering is then seen as down. Without one, a group member is judged by its handshakes (give it a keepalive).'));
		o.modalonly = true;
		o.placeholder = '10.64.0.1';
		o = opt('health', form.Flag, 'probe_dns', _('Probe the DNS servers'),
			_('Ping this upstream\'s DNS servers through the tunnel too: one that does not answer makes the probe a miss.'));
		o.modalonly = true;
		o = opt('health', form.Value, 'probe_interval', _('Probe interval'), _('Seconds between two probes.'));
		o.modalonly = true;
		o = opt('health', form.Value, 'down_after', _('Down after'), _('Probes missed in a row before the upstream counts as down.'));
		o.modalonly = true;
		o = opt('health', form.Value, 'up_after', _('Up after'), _('Probes answered in a row before a down upstream counts as up again.'));
		o.modalonly = true;

		o = s.option(form.DummyValue, '_state', _('State'));
		o.modalonly = false;
		o.textvalue = (sid: string) => E('span', { 'data-splitwg-upstream': sid }, [upstreamState(sid)]);

		groupSection(m);

		poll.add(refreshStates, 10);

		return m.render().then((node: any) => E('div', {}, [
			banner(st, chk, 'upstreams'),
			node,
		]));
	},

	handleSaveApply(ev: any, mode?: string) {
		return saveApply(this, ev, mode);
	},
});
