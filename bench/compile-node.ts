// Compile a UCI file with the core under Node (the twin of compile.uc), in a
// child process so the bench can put a time limit on it. Prints one JSON line
// per phase as soon as it is done (ms), so a killed run still reports how far
// it got:
//   {"phase":"front","parse":…,"validate":…,"renderNft":…}   and OUT.nft written
//   {"phase":"compile","compile":…}                            and OUT.dnsmasq written
// `renderNft` is the table renderer compile() calls (plan.nft is its output);
// timing it alone tells the table's share of compile().
//   node --import tsx bench/compile-node.ts IN.uci OUT.nft OUT.dnsmasq [front|parts]
// With `front`, it stops after the first line (no compile()); with `parts`, it
// also times renderDnsmasq alone, after compile(): {"phase":"parts","renderDnsmasq":…}.
import { readFileSync, writeFileSync } from 'node:fs';
import { parseUci, readConfig, compile } from './core.ts';
import { renderNft } from '../src/core/nftprint.ts';
import { renderDnsmasq } from '../src/core/dnsmasq.ts';
import { VERSION } from '../src/core/version.ts';

const [inPath, nftPath, dnsPath, only] = process.argv.slice(2);
const text = readFileSync(inPath, 'utf8');
let t = performance.now();
const parsed = parseUci(text);
const parse = performance.now() - t;
t = performance.now();
const r = readConfig(parsed.sections);
const validate = performance.now() - t;
if (!r.config) {
  process.stderr.write(JSON.stringify(r.problems.slice(0, 5)) + '\n');
  process.exit(2);
}
t = performance.now();
const nft = renderNft(r.config, VERSION);
const nftMs = performance.now() - t;
writeFileSync(nftPath, nft);
process.stdout.write(JSON.stringify({ phase: 'front', parse, validate, renderNft: nftMs }) + '\n');
if (only === 'front') process.exit(0);
t = performance.now();
const plan = compile(r.config);
const compileMs = performance.now() - t;
if (plan.nft !== nft) throw new Error('plan.nft differs from renderNft()');
writeFileSync(dnsPath, plan.dnsmasq);
process.stdout.write(JSON.stringify({ phase: 'compile', compile: compileMs }) + '\n');
if (only === 'parts') {
  t = performance.now();
  const d = renderDnsmasq(r.config, VERSION);
  const dMs = performance.now() - t;
  if (d !== plan.dnsmasq) throw new Error('plan.dnsmasq differs from renderDnsmasq()');
  process.stdout.write(JSON.stringify({ phase: 'parts', renderDnsmasq: dMs }) + '\n');
}
