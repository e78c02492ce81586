// The developer CLI: `npx splitwg --config FILE check | plan [--out DIR] |
// explain CLIENT DEST [--proto P] [--port N] [--at "Mon 21:30"]` — the same
// core the router runs, over a UCI config file, under Node.
import fs from 'node:fs';
import path from 'node:path';
import { install } from '../ucode/shim';
install(globalThis);
const core = await import('../core/index');

function fail(msg: string, code = 2): never {
	process.stderr.write(`splitwg: ${msg}\n`);
	process.exit(code);
}

function parseArgs(argv: string[]) {
	const opts: Record<string, string> = {};
	const pos: string[] = [];
	for (let i = 0; i < argv.length; i++) {
		const a = argv[i];
		if (a.startsWith('--')) {
			const [k, v] = a.slice(2).split('=', 2);
			if (v !== undefined) opts[k] = v;
			else if (k === 'json') opts.json = '1';
			else { if (i + 1 >= argv.length) fail(`--${k} needs a value`); opts[k] = argv[++i]; }
		} else pos.push(a);
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
		if (typeof p === 'string') fail(`--${name} ${v}: ${p}`);
	}
	return out;
}

function load(file: string | undefined) {
	if (!file) fail('--config FILE is required (a UCI file like /etc/config/splitwg)');
	let text: string;
	try { text = fs.readFileSync(file, 'utf8'); } catch (e) { fail(`cannot read ${file}: ${(e as Error).message}`); }
	const u = core.parseUci(text);
	if (u.errors.length) fail(u.errors.map((e) => `${file}:${e.line}: ${e.message}`).join('\n'), 1);
	return core.readConfig(u.sections);
}

function report(problems: { path: string, message: string }[]) {
	for (const p of problems) process.stderr.write(`${p.path}: ${p.message}\n`);
}

const USAGE = 'usage: splitwg --config FILE check | plan [--out DIR] [--json] [--local PREFIX]… | explain CLIENT DEST [--proto P] [--port N] [--at "Mon 21:30"] [--down UPSTREAM,…] [--local PREFIX]…';
const { opts, pos } = parseArgs(process.argv.slice(2));
// the router's local networks (on the router: its main table), repeatable
const local = repeated(process.argv.slice(2), 'local');
const cmd = pos[0];
if (!cmd || opts.help) { console.log(USAGE); process.exit(cmd ? 0 : 2); }
const r = load(opts.config);
if (cmd === 'check') {
	report(r.problems);
	for (const w of r.warnings) process.stderr.write(`warning: ${w.path}: ${w.message}\n`);
	if (opts.json) console.log(JSON.stringify({ valid: !r.problems.length, problems: r.problems, warnings: r.warnings }, null, 2));
	else if (!r.problems.length) console.log('config ok');
	process.exit(r.problems.length ? 1 : 0);
}
if (!r.config) { report(r.problems); fail(`${r.problems.length} problem(s) in ${opts.config}: nothing planned`, 1); }
if (cmd === 'plan') {
	const p = core.compile(r.config, { local });
	if (opts.out) {
		fs.mkdirSync(opts.out, { recursive: true });
		const w = (f: string, t: string) => fs.writeFileSync(path.join(opts.out, f), t);
		w('splitwg.nft', p.nft);
		w('dnsmasq.conf', p.dnsmasq);
		w('network', core.renderUci(p.network));
		w('firewall', core.renderUci(p.firewall));
		w('dhcp', core.renderUci(p.dhcp));
		w('plan.json', JSON.stringify(p, null, 2) + '\n');
		console.log(`plan written to ${opts.out}: splitwg.nft dnsmasq.conf network firewall dhcp plan.json`);
	} else if (opts.json) console.log(JSON.stringify(p, null, 2));
	else {
		process.stdout.write(`${p.nft}\n${p.dnsmasq}\n# /etc/config/network (sections owned by splitwg)\n${core.renderUci(p.network)}# /etc/config/firewall (sections owned by splitwg)\n${core.renderUci(p.firewall)}`);
	}
	process.exit(0);
}
if (cmd === 'explain') {
	if (pos.length < 3) fail(USAGE);
	const e = core.explain(r.config, {
		client: pos[1], destination: pos[2], proto: opts.proto ?? null,
		port: opts.port ? Number(opts.port) : null, at: opts.at ?? null, down: opts.down ? opts.down.split(',') : [], local,
	});
	if ('error' in e) fail(`${e.error.path}: ${e.error.message}`, 1);
	if (opts.json) console.log(JSON.stringify(e, null, 2));
	else console.log(`${e.client} → ${pos[2]}: ${e.action}${e.upstream ? ` via ${e.upstream} (${e.iface}, mark ${e.mark})` : ''}\n  ${e.reason}`);
	process.exit(0);
}
fail(USAGE);
