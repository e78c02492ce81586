// The ubus object `splitwg` (docs/ubus.md), independent of rpcd: rpcd.ts
// hands this table to rpcd with a real Env, tests call it with a fake one.
// rpcd checks argument types from the `args` samples before `call` runs;
// everything else (a missing argument, a bad value, a failure) is answered
// in-band as { error: { code, message, path, id, args } }: `message` is the
// English text, `id`/`args` the message it was made from (core/messages.ts),
// for a consumer that translates (LuCI). An error that is no message of the
// catalogue (an exception, a command's output) has `message` only.
import type { Env } from './env';
import type { Config } from '../core/model';
import { VERSION, readConfig, parseUci, explain, explainQuery, described, format } from './core';
import type { Arg, Msg } from './core';
import { readConfigSections } from './sections';
import { readLists, listReport } from './lists';
import { localNetworks } from './routes';
import { apply } from './apply';
import { updateLists } from './subscriptions';
import { status, stats } from './status';
import { doctor } from './doctor';
import { readHealth } from './health';
import { genkey } from './wg';
import { parseProviderConf, peerConf } from './conf';
import { templates, addTemplate } from './templates';

export interface Request { args: { [k: string]: any } }
export interface Method { args?: { [k: string]: any }, call: (req: Request) => any }

export interface ApiError { code: string, message: string, path: string | null, id?: string, args?: Arg[] }

export function apiError(code: string, m: Msg | string, path: string | null): { error: ApiError } {
	if (type(m) === 'string') return { error: { code, message: m as string, path } };
	const x = m as Msg;
	return { error: { code, message: format(x), path, id: x.id, args: x.args } };
}

function missing(name: string) {
	return apiError('INVALID_ARGUMENT', { id: 'arg_required', args: [name] }, name);
}

type Described = { path: string, id: string, args: Arg[], message: string };

// check's answer: every problem with its English message (docs/ubus.md)
function checked(valid: boolean, problems: { path: string, id: string, args: Arg[] }[], warnings: { path: string, id: string, args: Arg[] }[]) {
	return { valid, problems: map(problems, (p) => described(p)), warnings: map(warnings, (p) => described(p)) };
}

function present(v: any): boolean {
	return v !== null && v !== undefined && v !== '';
}

// Upstreams netifd reports as down right now (explain takes them into
// account the way the kill switch does at run time), and the members of a
// group the health checker took out of its slots (health.json).
function downUpstreams(env: Env, cfg: Config): string[] {
	const out: string[] = [];
	const h = readHealth(env);
	for (let i = 0; i < length(cfg.upstreams); i++) {
		const u = cfg.upstreams[i];
		const s = env.ubus(`network.interface.${u.iface}`, 'status', {});
		const st = h ? h.upstreams[u.name] ?? null : null;
		if ((type(s) === 'object' && s.up === false) || (st && !st.up && inAGroup(cfg, u.name))) push(out, u.name);
	}
	return out;
}

function inAGroup(cfg: Config, name: string): boolean {
	for (let i = 0; i < length(cfg.groups); i++) if (index(cfg.groups[i].members, name) >= 0) return true;
	return false;
}

// (the list files it names are read from the router, as apply would)
function checkText(env: Env, text: string): { valid: boolean, problems: Described[], warnings: Described[] } {
	const p = parseUci(text);
	if (length(p.errors)) return checked(false, map(p.errors, (e) => ({ path: `line ${e.line}`, id: e.id, args: e.args })), []);
	const r = readConfig(p.sections, readLists(env, p.sections, 'check'));
	return checked(r.config !== null, r.problems, r.warnings);
}

function invalidConfig(problems: { path: string }[]) {
	return apiError('INVALID_CONFIG', { id: 'config_invalid', args: [length(problems)] }, problems[0].path);
}

// Each call gets a fresh Env (a fresh uci cursor: rpcd keeps this VM alive
// between calls, and the files may have changed since).
export function methods(mkEnv: () => Env): { [name: string]: Method } {
	const guard = (fn: (env: Env, a: { [k: string]: any }) => any) => (req: Request) => {
		try {
			return fn(mkEnv(), req.args ?? {});
		} catch (e) {
			return apiError('INTERNAL', `${(e as any).message ?? e}`, null);
		}
	};
	return {
		version: { call: () => ({ version: VERSION }) },
		status: { call: guard((env) => status(env)) },
		stats: { call: guard((env) => stats(env)) },
		doctor: { call: guard((env) => doctor(env)) },
		check: {
			args: { text: '' },
			call: guard((env, a) => {
				if (present(a.text)) return checkText(env, a.text);
				const secs = readConfigSections(env.uci, 'splitwg');
				const r = readConfig(secs, readLists(env, secs, 'check'));
				return checked(r.config !== null, r.problems, r.warnings);
			}),
		},
		lists: { call: guard((env) => listReport(env)) },
		update_lists: {
			args: { name: '' },
			call: guard((env, a) => {
				const r = updateLists(env, present(a.name) ? a.name : null, false, apply);
				// (no `error` key on success: an answer with one is an error, docs/ubus.md)
				if (!r.error) return { lists: r.lists, applied: r.applied, note: r.note };
				const m = { id: r.error.id, args: r.error.args };
				return r.error.id === 'sub_busy' ? apiError('BUSY', m, null) : apiError('INVALID_ARGUMENT', m, 'name');
			}),
		},
		apply: {
			args: { dry_run: true },
			call: guard((env, a) => apply(env, { dryRun: a.dry_run === true })),
		},
		explain: {
			args: { client: '', destination: '', proto: '', port: 0, at: '', family: 0 },
			call: guard((env, a) => {
				if (!present(a.client)) return missing('client');
				if (!present(a.destination)) return missing('destination');
				const secs = readConfigSections(env.uci, 'splitwg');
				// (the list files' CIDRs too: explain tests an address against them)
				const r = readConfig(secs, readLists(env, secs, 'explain'));
				if (!r.config) return invalidConfig(r.problems);
				// the checks the CLIs use too (core/query.ts); local networks as apply reads them
				const q = explainQuery(r.config, { client: a.client, destination: a.destination, proto: a.proto, port: a.port, at: a.at, family: a.family, down: downUpstreams(env, r.config) });
				if (!exists(q, 'error')) (q as any).local = localNetworks(env, r.config.globals.ipv6).local;
				const x = exists(q, 'error') ? q : explain(r.config, q as any);
				if (exists(x, 'error')) return apiError('INVALID_ARGUMENT', (x as any).error, (x as any).error.path);
				return x;
			}),
		},
		genkey: {
			call: guard((env) => {
				const k = genkey(env);
				return exists(k, 'error') ? apiError('COMMAND_FAILED', (k as any).error, null) : k;
			}),
		},
		import_conf: {
			args: { text: '', name: '' },
			call: guard((_env, a) => {
				if (!present(a.text)) return missing('text');
				const name = present(a.name) ? a.name : 'imported';
				return parseProviderConf(a.text, name);
			}),
		},
		templates: { call: guard((env) => templates(env)) },
		template_add: {
			args: { name: '', ruleset: '' },
			call: guard((env, a) => {
				if (!present(a.name)) return missing('name');
				return addTemplate(env, a.name, present(a.ruleset) ? a.ruleset : null);
			}),
		},
		peer_conf: {
			args: { client: '' },
			call: guard((env, a) => {
				if (!present(a.client)) return missing('client');
				const r = readConfig(readConfigSections(env.uci, 'splitwg'));
				if (!r.config) return invalidConfig(r.problems);
				return peerConf(env, r.config, a.client);
			}),
		},
	};
}
