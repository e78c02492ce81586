// Table size against clients and rules (issue 14): compile a generated
// config, then check and load its table with the real nft in a private
// network namespace (unshare --net: nothing else sees it), timing each step
// and taking nft's peak RSS (/usr/bin/time -f %M).
//   node --import tsx --import ./test/setup.ts bench/scale.ts shared 1000 100 100000
//   node --import tsx --import ./test/setup.ts bench/scale.ts own 1000 10 [mac]
// Clients are known by an IPv4 address (their chains see IPv4 only: no IPv6
// sets); `mac`: by a MAC instead (dual-stack: both families' sets).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseUci, readConfig, compile } from '../src/core/index';
import { sharedRulesetConfig, largeHomeConfig, clientAddr } from './gen';

const [kind, a, b, c] = process.argv.slice(2);
// (largeHomeConfig's client addresses stop at 255 clients: each takes clientAddr(i) here)
let n = 0;
const text = kind === 'shared' ? sharedRulesetConfig(Number(a), Number(b), Number(c ?? 0))
  : largeHomeConfig({ clients: Number(a), rulesPerClient: Number(b), upstreams: 3, domains: Number(a) * 40, cidrs: Number(a) * 100 })
    .replace(/list address '192\.168\.[0-9.]+'/g, () => c === 'mac' ? `list mac '02:00:00:00:${((n >> 8) & 255).toString(16).padStart(2, '0')}:${(n++ & 255).toString(16).padStart(2, '0')}'` : `list address '${clientAddr(n++)}'`);
const t0 = performance.now();
const r = readConfig(parseUci(text).sections);
if (!r.config) throw new Error(JSON.stringify(r.problems.slice(0, 3)));
const plan = compile(r.config);
const compileMs = performance.now() - t0;
const t = plan.table!;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'swscale-'));
fs.writeFileSync(path.join(dir, 't.nft'), plan.nft);
const sh = `cd ${dir}; for s in "-c -f" "-f"; do /usr/bin/time -f "%e %M" -o time.$$ nft $s t.nft || exit 1; cat time.$$; done`;
const p = spawnSync('unshare', ['--net', 'sh', '-c', sh], { encoding: 'utf8' });
fs.rmSync(dir, { recursive: true, force: true });
if (p.status !== 0) throw new Error(p.stderr);
const [check, load] = p.stdout.trim().split('\n').map((l) => l.split(' ').map(Number));
console.log(JSON.stringify({
  config: kind === 'shared' ? `${a} clients sharing one ${b}-rule rule set, ${c} domains` : `${a} clients × ${b} own rules${c === 'mac' ? ', known by MAC' : ''}`,
  table_bytes: Buffer.byteLength(plan.nft), rules: t.chains.reduce((n, x) => n + x.rules.length, 0), chains: t.chains.length,
  named_sets: t.sets.length, compile_ms: Math.round(compileMs),
  nft_check_s: check![0], nft_check_rss_kib: check![1], nft_load_s: load![0], nft_load_rss_kib: load![1],
}));
