// The findings of ubus `splitwg doctor` (docs/ubus.md) in the router owner's
// words, each with its fix: the meaning of the CLI's wording
// (src/router/command.ts describeFinding), as translatable templates. One
// entry per finding id; test/luci/doctor.test.ts fails when the router can
// report an id this table lacks (src/router/doctor.ts FINDING_IDS).
import { N_, msg, tr, trCore } from './_msg';
import type { Msg } from './_msg';
import type { Finding } from './_rpc';

export interface FindingWords { what: Msg, fix: Msg }

// `t` translates the values that are themselves messages: "none", and the
// router's English (config_invalid's first problem, a failed apply's message)
type Words = (a: { [k: string]: any }, f: Finding, t: Translate) => FindingWords;
type Translate = (s: string) => string;

// at most this many names/elements of a list; the rest counted
const LIST_MAX = 8;

function str(v: unknown): string {
	return v == null ? '?' : String(v);
}

function list(v: unknown, t: Translate): string {
	const a: unknown[] = Array.isArray(v) ? v : v == null ? [] : [v];
	if (!a.length) return t(N_('none'));
	const shown = a.slice(0, LIST_MAX).map(str).join(', ');
	return a.length > LIST_MAX ? `${shown} … (+${a.length - LIST_MAX})` : shown;
}

const APPLY = (): Msg => msg(N_('run splitwg apply on the router'));

const WORDS: { [id: string]: Words } = {
	uncommitted: (a) => ({
		what: msg(N_('/etc/config/%s has %s uncommitted change(s) (uci changes %s): apply refuses to commit them.'), str(a.config), str(a.changes), str(a.config)),
		fix: msg(N_('uci commit %s (or uci revert %s), then splitwg apply'), str(a.config), str(a.config)),
	}),
	config_invalid: (a, f, t) => ({
		what: msg(N_('The configuration has %s problem(s), the first in %s: %s'), str(a.problems), str(f.path), trCore({ id: a.first_id, args: a.first_args, message: str(a.first) }, t)),
		fix: msg(N_('correct it (splitwg check lists every problem), then Save & Apply')),
	}),
	not_applied: (a) => ({
		what: a.stopped ? msg(N_('splitwg is stopped: nothing is installed although the configuration is enabled.'))
			: msg(N_('splitwg has not been applied since boot.')),
		fix: APPLY(),
	}),
	last_apply_failed: (a, _f, t) => ({
		what: msg(N_('The last apply failed (%s); the previous state is in force.'), trCore({ id: a.message_id, args: a.message_args, message: str(a.message) }, t)),
		fix: msg(N_('correct the cause, then run splitwg apply')),
	}),
	config_changed: () => ({
		what: msg(N_('/etc/config/splitwg changed since the last apply: the running rules are the old ones.')),
		fix: APPLY(),
	}),
	table_missing: (a, _f, t) => ({
		what: Array.isArray(a.unguarded) && a.unguarded.length
			? msg(N_('Table inet splitwg is missing: the firewall was stopped or flushed. %s (identified by MAC or interface only) now leave direct.'), list(a.unguarded, t))
			: msg(N_('Table inet splitwg is missing: the firewall was stopped or flushed.')),
		fix: msg(N_('run splitwg apply on the router (or /etc/init.d/firewall start)')),
	}),
	table_file_missing: (a) => ({
		what: msg(N_('%s is missing: the next firewall reload will not re-create table inet splitwg.'), str(a.file)),
		fix: APPLY(),
	}),
	table_file_changed: (a) => ({
		what: msg(N_('%s was changed after the last apply.'), str(a.file)),
		fix: APPLY(),
	}),
	table_differs: (a, _f, t) => ({
		what: msg(N_('Table inet splitwg differs from the applied plan (missing: %s; not in the plan: %s): changed by hand, or another version loaded it.'), list(a.missing, t), list(a.extra, t)),
		fix: APPLY(),
	}),
	stray_elements: (a, _f, t) => ({
		what: msg(N_('%s %s holds %s, which the configuration does not have.'), str(a.kind), str(a.name), list(a.elements, t)),
		fix: APPLY(),
	}),
	missing_elements: (a, _f, t) => ({
		what: msg(N_('%s %s lacks %s from the configuration.'), str(a.kind), str(a.name), list(a.elements, t)),
		fix: APPLY(),
	}),
	rule_missing: (a, f) => ({
		what: msg(N_('The IPv%s policy routing rule of %s (priority %s) is missing: deleted by hand, or netifd did not install it.'), str(a.family), str(f.path), str(a.priority)),
		fix: msg(N_('run splitwg apply on the router (it puts the rule back; a network reload does not)')),
	}),
	route_missing: (a, f) => ({
		what: msg(N_('The %s default route of %s in table %s is missing (IPv%s).'), str(a.type), str(f.path), str(a.table), str(a.family)),
		fix: msg(N_('run splitwg apply on the router (it puts the route back)')),
	}),
	tunnel_down: (a) => ({
		what: a.kill_switch ? msg(N_('Upstream %s: interface %s is down: its traffic is blocked (kill switch).'), str(a.upstream), str(a.iface))
			: msg(N_('Upstream %s: interface %s is down: its traffic goes direct.'), str(a.upstream), str(a.iface)),
		fix: msg(N_('ifup %s; the reason is in the system log (logread -e netifd)'), str(a.iface)),
	}),
	no_handshake: (a) => ({
		what: a.age == null ? msg(N_('Upstream %s: %s is up but has never completed a handshake: the provider does not answer.'), str(a.upstream), str(a.iface))
			: msg(N_('Upstream %s: %s is up but has had no handshake for %s minutes: the provider does not answer.'), str(a.upstream), str(a.iface), String(Math.floor(Number(a.age) / 60))),
		fix: msg(N_('check its endpoint, keys and the WAN; ifup %s'), str(a.iface)),
	}),
	dnsmasq_no_nftset: (a) => a.installed ? {
		what: msg(N_('dnsmasq was built without nftset: domain rules have no effect.')),
		fix: msg(N_('opkg remove dnsmasq && opkg install dnsmasq-full, then splitwg apply')),
	} : {
		what: msg(N_('dnsmasq is not installed: domain rules have no effect.')),
		fix: msg(N_('opkg install dnsmasq-full, then splitwg apply')),
	},
	dnsmasq_file_missing: (a) => ({
		what: a.differs ? msg(N_('dnsmasq reads %s, but splitwg\'s domain entries there are not the applied ones: domain rules have no effect.'), str(a.dir))
			: msg(N_('dnsmasq reads %s, but splitwg\'s domain entries are not there: domain rules have no effect.'), str(a.dir)),
		fix: msg(N_('run splitwg apply on the router (it writes %s and restarts dnsmasq)'), str(a.file)),
	}),
	ipv6_unclassified: () => ({
		what: msg(N_('IPv6 forwarding is on but IPv6 classification (globals.ipv6) is off: the clients\' IPv6 traffic is not classified and leaves direct, also to proxied destinations.')),
		fix: msg(N_('turn on IPv6 in the global settings below and Save & Apply (or turn IPv6 off on the LAN)')),
	}),
	client_ipv4_only: (a) => ({
		what: msg(N_('Client %s is identified by IPv4 addresses only, but the router forwards IPv6: its IPv6 traffic is not classified and leaves direct.'), str(a.client)),
		fix: msg(N_('add its IPv6 address(es) or MAC to client %s (Server & clients), then Save & Apply'), str(a.client)),
	}),
};

// The finding ids this module words (the test compares them with the router's).
export function doctorFindingIds(): string[] {
	return Object.keys(WORDS);
}

// A finding of a newer router than this page: its id, path and args as they are.
function unknownWords(f: Finding): FindingWords {
	let args = '';
	try { args = JSON.stringify(f.args ?? {}); } catch (e) { args = String(f.args); }
	return {
		what: msg(N_('%s (not described by this version of the web interface): %s'), f.path ? `${f.id} (${f.path})` : String(f.id), args),
		fix: msg(N_('see splitwg doctor on the router')),
	};
}

// The words of one finding, untranslated templates with their values.
export function findingWords(f: Finding, translate?: Translate): FindingWords {
	const w = Object.prototype.hasOwnProperty.call(WORDS, f.id) ? WORDS[f.id] : null;
	const a = f.args && typeof f.args === 'object' ? f.args : {};
	return w ? w(a, f, translate ?? ((s: string) => s)) : unknownWords(f);
}

export interface DoctorLine { id: string, what: string, fix: string }

// Findings → one line each, translated (`translate` is LuCI's `_`; the
// identity in tests).
export function doctorLines(findings: Finding[], translate?: Translate): DoctorLine[] {
	return findings.map((f) => {
		const w = findingWords(f, translate);
		return { id: String(f.id), what: tr(w.what, translate), fix: tr(w.fix, translate) };
	});
}
