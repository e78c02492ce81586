// The ubus object `splitwg` (docs/ubus.md), independent of rpcd: rpcd.ts
// hands this table to rpcd with a real Env, tests call it with a fake one.
// rpcd checks argument types from the `args` samples before `call` runs;
// everything else (a missing argument, a bad value, a failure) is answered
// in-band as { error: { code, message, path } }.
import type { Env } from './env';
import type { Config } from '../core/model';
import { VERSION, readConfig, parseUci, explain, explainQuery } from './core';
import { readConfigSections } from './sections';
import { localNetworks } from './routes';
import { apply } from './apply';
import { status, stats } from './status';
import { doctor } from './doctor';
import { genkey } from './wg';
import { parseProviderConf, peerConf } from './conf';

export interface Request { args: { [k: string]: any } }
export interface Method { args?: { [k: string]: any }, call: (req: Request) => any }

export function apiError(code: string, message: string, path: string | null): { error: { code: string, message: string, path: string | null } } {
	return { error: { code, message, path } };
}

function missing(name: string) {
	return apiError('INVALID_ARGUMENT', `argument "${name}" is required`, name);
}

function present(v: any): boolean {
	return v !== null && v !== undefined && v !== '';
}

// Upstreams netifd reports as down right now (explain takes them into
// account the way the kill switch does at run time).
function downUpstreams(env: Env, cfg: Config): string[] {
	const out: string[] = [];
	for (let i = 0; i < length(cfg.upstreams); i++) {
		const u = cfg.upstreams[i];
		const s = env.ubus(`network.interface.${u.iface}`, 'status', {});
		if (type(s) === 'object' && s.up === false) push(out, u.name);
	}
	return out;
}

function checkText(text: string): { valid: boolean, problems: { path: string, message: string }[], warnings: { path: string, message: string }[] } {
	const p = parseUci(text);
	if (length(p.errors)) return { valid: false, problems: map(p.errors, (e) => ({ path: `line ${e.line}`, message: e.message })), warnings: [] };
	const r = readConfig(p.sections);
	return { valid: r.config !== null, problems: r.problems, warnings: r.warnings };
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
				if (present(a.text)) return checkText(a.text);
				const r = readConfig(readConfigSections(env.uci, 'splitwg'));
				return { valid: r.config !== null, problems: r.problems, warnings: r.warnings };
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
				const r = readConfig(readConfigSections(env.uci, 'splitwg'));
				if (!r.config) return apiError('INVALID_CONFIG', `the configuration has ${length(r.problems)} problem(s): run check`, r.problems[0].path);
				// the checks the CLIs use too (core/query.ts); local networks as apply reads them
				const q = explainQuery(r.config, { client: a.client, destination: a.destination, proto: a.proto, port: a.port, at: a.at, family: a.family, down: downUpstreams(env, r.config) });
				if (!exists(q, 'error')) (q as any).local = localNetworks(env, r.config.globals.ipv6).local;
				const x = exists(q, 'error') ? q : explain(r.config, q as any);
				if (exists(x, 'error')) return apiError('INVALID_ARGUMENT', (x as any).error.message, (x as any).error.path);
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
		peer_conf: {
			args: { client: '' },
			call: guard((env, a) => {
				if (!present(a.client)) return missing('client');
				const r = readConfig(readConfigSections(env.uci, 'splitwg'));
				if (!r.config) return apiError('INVALID_CONFIG', `the configuration has ${length(r.problems)} problem(s): run check`, r.problems[0].path);
				return peerConf(env, r.config, a.client);
			}),
		},
	};
}
