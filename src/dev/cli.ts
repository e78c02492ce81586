// The developer CLI: `npx splitwg --config FILE check | plan [--out DIR] |
// explain CLIENT DEST [--proto P] [--port N] [--at "Mon 21:30"] [--down U,…] [--family 4|6]` — the same
// core the router runs, over a UCI config file, under Node.
import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import { install } from '../ucode/shim';
import type { Msg } from '../core/messages';
import type { Problem } from '../core/model';
install(globalThis);
const core = await import('../core/index');

const USAGE = `usage: splitwg --config FILE <command>
  check                 validate the file
  plan [--out DIR] [--json] [--local PREFIX]…
                        what apply would install (keys hidden; --out writes the files, mode 0600)
  explain CLIENT DEST [--proto P] [--port N] [--at "Mon 21:30"] [--down UPSTREAM,…] [--family 4|6] [--local PREFIX]… [--json]
                        which path CLIENT's traffic to DEST takes, and why
                        (a condition not given is not evaluated: assumed to hold;
                        a domain is answered for IPv4 unless --family 6, noting IPv6 when it differs)
  --local PREFIX        a local network of the router (on the router: its main table's routes)
  --lists DIR           where the list files named by name are (default: /etc/splitwg/lists, as on the router)
  help, --help, -h      this text`;

function fail(msg: string, code = 2): never {
	process.stderr.write(`splitwg: ${msg}\n`);
	process.exit(code);
}

const VALUE_FLAGS = ['config', 'out', 'proto', 'port', 'at', 'down', 'family', 'local', 'lists'];   // --local repeats (repeated())
const BOOL_FLAGS = ['json', 'help'];

// --flag VALUE, --flag=VALUE, the boolean --json/--help (-h); anything else is an error
function parseArgs(argv: string[]) {
	const opts: Record<string, string> = {};
	const pos: string[] = [];
	for (let i = 0; i < argv.length; i++) {
		const a = argv[i];
		if (a === '-h') { opts.help = '1'; continue; }
		if (!a.startsWith('--')) { pos.push(a); continue; }
		const eq = a.indexOf('=');
		const k = a.slice(2, eq < 0 ? undefined : eq);
		if (BOOL_FLAGS.includes(k)) {
			if (eq >= 0) fail(`--${k} takes no value\n${USAGE}`);
			opts[k] = '1';
		} else if (VALUE_FLAGS.includes(k)) {
			if (eq >= 0) opts[k] = a.slice(eq + 1);
			else { if (i + 1 >= argv.length) fail(`--${k} needs a value`); opts[k] = argv[++i]; }
		} else fail(`unknown option ${a}\n${USAGE}`);
	}
	return { opts, pos };
}

// Every value of a repeatable option (--local A --local B, --local=A).
function repeated(argv: string[], name: string): string[] {
	const out: string[] = [];
	for (let i = 0; i < argv.length; i++) {
		if (argv[i] === `--${name}` && i + 1 < argv.length) out.push(argv[++i]);
		else if (argv[i].startsWith(`--${name}=`)) out.push(argv[i].slice(name.length + 3));
	}
	for (const v of out) {
		const p = core.parsePrefix(v);
		if (core.isMsg(p)) fail(`--${name} ${v}: ${core.format(p as Msg)}`);
	}
	return out;
}

function load(file: string | undefined) {
	if (!file) fail('--config FILE is required (a UCI file like /etc/config/splitwg)');
	let text: string;
	try { text = fs.readFileSync(file, 'utf8'); } catch (e) { fail(`cannot read ${file}: ${(e as Error).message}`); }
	const u = core.parseUci(text);
	if (u.errors.length) fail(u.errors.map((e) => `${file}:${e.line}: ${core.format(e)}`).join('\n'), 1);
	return core.readConfig(u.sections, readLists(u.sections));
}

// The list files the rules name, read from this machine (those named by name
// from --lists DIR), with their CIDRs for explain.
function readLists(sections: Parameters<typeof core.listPaths>[0]) {
	const out: Record<string, ReturnType<typeof core.readListText>> = {};
	for (const p of core.listPaths(sections)) {
		const local = opts.lists && p.startsWith(`${core.LIST_DIR}/`) ? path.join(opts.lists, p.slice(core.LIST_DIR.length + 1)) : p;
		let text: string | null = null;
		try { text = fs.readFileSync(local, 'utf8'); } catch { /* reported as unreadable */ }
		out[p] = text === null ? core.listMissing() : core.readListText(text, crypto.createHash('md5').update(text).digest('hex'), true);
	}
	return out;
}

function report(problems: Problem[]) {
	for (const p of problems) process.stderr.write(`${p.path}: ${core.format(p)}\n`);
}

const { opts, pos } = parseArgs(process.argv.slice(2));
// the router's local networks (on the router: its main table), repeatable
const local = repeated(process.argv.slice(2), 'local');
const cmd = pos[0];
if (opts.help || cmd === 'help') { console.log(USAGE); process.exit(0); }
if (!cmd) fail(USAGE);
const r = load(opts.config);
// check prints what the router's `splitwg check` prints (src/router/command.ts)
if (cmd === 'check') {
	if (opts.json) {
		// as the router's check --json (docs/ubus.md): the English message beside id/args
		console.log(JSON.stringify({ valid: r.config !== null, problems: r.problems.map(core.described), warnings: r.warnings.map(core.described) }, null, 2));
		process.exit(r.config ? 0 : 1);
	}
	for (const w of r.warnings) process.stderr.write(`warning: ${w.path}: ${core.format(w)}\n`);
	if (!r.config) {
		report(r.problems);
		fail(`the configuration has ${r.problems.length} problem(s)`, 1);
	}
	const off = r.config.globals.enabled ? '' : ' (disabled: apply removes everything)';
	console.log(`configuration ok: ${r.config.upstreams.length} upstream(s), ${r.config.clients.length} client(s)${off}`);
	process.exit(0);
}
if (!r.config) { report(r.problems); fail(`${r.problems.length} problem(s) in ${opts.config}: nothing planned`, 1); }
if (cmd === 'plan') {
	const p = core.compile(r.config, { local, source: opts.config });
	if (opts.out) {
		// the real artifacts, keys included: readable by the owner only
		fs.mkdirSync(opts.out, { recursive: true, mode: 0o700 });
		const w = (f: string, t: string) => {
			const file = path.join(opts.out, f);
			fs.writeFileSync(file, t, { mode: 0o600 });
			fs.chmodSync(file, 0o600);   // an existing file keeps its mode otherwise
		};
		w('splitwg.nft', p.nft);
		w('dnsmasq.conf', p.dnsmasq);
		w('network', core.renderUci(p.network));
		w('firewall', core.renderUci(p.firewall));
		w('dhcp', core.renderUci(p.dhcp));
		w('plan.json', JSON.stringify(p, null, 2) + '\n');
		console.log(`plan written to ${opts.out} (mode 0600, private keys included): splitwg.nft dnsmasq.conf network firewall dhcp plan.json`);
		process.exit(0);
	}
	// on a terminal or in a pipe, keys are hidden as the router's `splitwg plan` does
	const shown = core.redactedPlan(p);
	if (opts.json) console.log(JSON.stringify(shown, null, 2));
	else process.stdout.write(`${shown.nft}\n${shown.dnsmasq}\n# /etc/config/network (sections owned by splitwg, keys hidden)\n${core.renderUci(shown.network)}# /etc/config/firewall (sections owned by splitwg)\n${core.renderUci(shown.firewall)}`);
	process.exit(0);
}
if (cmd === 'explain') {
	if (pos.length !== 3) fail(USAGE);
	// the checks the router CLI and ubus use too (core/query.ts)
	const q = core.explainQuery(r.config, { client: pos[1], destination: pos[2], proto: opts.proto, port: opts.port, at: opts.at, down: opts.down, family: opts.family });
	if (!('error' in q)) q.local = local;
	if ('error' in q) { const f = q.error.path.replace(/\[.*/, ''); fail(`${VALUE_FLAGS.includes(f) ? `--${f}` : f}: ${core.format(q.error)}`); }
	const e = core.explain(r.config, q);
	if ('error' in e) fail(`${e.error.path}: ${core.format(e.error)}`, 1);
	if (opts.json) console.log(JSON.stringify(e, null, 2));
	else console.log(`${e.client} → ${pos[2]}: ${e.action}${core.pathText(e)}\n  ${e.reason}`);
	process.exit(0);
}
fail(`unknown command "${cmd}"\n${USAGE}`);
