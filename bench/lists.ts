// Lists from files: the whole `splitwg apply` of the large home with every
// rule's domains and CIDRs in list files, under a real ucode (the packaged
// files/usr/sbin/splitwg), against a scratch root (SPLITWG_ROOT). nft,
// md5sum and `dnsmasq --test` run for real — nft in a scratch namespace
// (swb-lists); netifd, fw4, the dnsmasq service and logger are stand-ins
// that succeed at once (what they cost on a router is not splitwg's); ip
// runs for real in the namespace too (the ip rules apply checks and repairs).
// Measured: wall time and peak RSS (`/usr/bin/time -f %M`) of
//   fresh     the first apply: every list read, validated, its fragments written, all sets filled
//   same      again, nothing changed
//   edit      one CIDR list file edited: its set refilled, the table kept
//   edit-dom  one domain list file edited: the dnsmasq entries rewritten
//   big       one rule with a 100,000-CIDR and a 100,000-domain file, fresh
// Standalone: `node --import tsx bench/lists.ts` (root); `npm run bench` runs it too.
import { chmodSync, mkdirSync, readFileSync, writeFileSync, existsSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';
import { addNs, run, tempDir } from './netns.ts';
import { largeHomeConfig, LARGE_HOME, ipv4, type HomeSize } from './gen.ts';
import { ucodeBinaries } from './apply.ts';
import { NETWORK, FIREWALL, DHCP } from '../test/router/openwrt.ts';
import { summary, num, mmm, table } from './stats.ts';

const REPO = new URL('..', import.meta.url).pathname;
// (SWB_LISTS_NS: another name, while another bench run would remove swb-* namespaces under it)
const NS = process.env.SWB_LISTS_NS ?? 'swb-lists';
const LIST_DIR = '/etc/splitwg/lists';

/** The large home with each rule's `list domain`/`list dest` lines moved into a list file of its own. */
export function homeWithLists(sz: HomeSize = LARGE_HOME): { uci: string; files: Record<string, string> } {
  const out: string[] = [];
  const files: Record<string, string> = {};
  let entries: string[] = [], n = 0, inRule = false;
  const close = () => {
    if (inRule && entries.length) {
      const name = `r${String(n).padStart(4, '0')}.txt`;
      files[name] = `# rule ${n}\n${entries.join('\n')}\n`;
      out.push(`\tlist list_file '${name}'`);
    }
    if (inRule) n++;
    entries = []; inRule = false;
  };
  for (const line of largeHomeConfig(sz).split('\n')) {
    const m = /^\tlist (domain|dest) '([^']*)'$/.exec(line);
    if (m) { entries.push(m[2]!); continue; }
    if (line.startsWith('config ')) { close(); inRule = line === 'config rule'; }
    if (line === '' && inRule) { close(); }
    out.push(line);
  }
  close();
  return { uci: out.join('\n'), files };
}

/** One rule of the large home's first client replaced by a list file of 100,000 CIDRs and one of 100,000 domains. */
export function bigLists(): { uci: string; files: Record<string, string> } {
  const base = homeWithLists({ ...LARGE_HOME, clients: 5, domains: 2000, cidrs: 5000 });
  const cidrs: string[] = [], domains: string[] = [];
  for (let i = 0; i < 100_000; i++) cidrs.push(i % 2 ? `${ipv4(0x28000000 + i * 512)}/24` : ipv4(0x28000000 + i * 512));
  for (let i = 0; i < 100_000; i++) domains.push(`big${i}.list${i % 89}.net`);
  base.files['big-cidrs.txt'] = `# 100,000 CIDRs\n${cidrs.join('\n')}\n`;
  base.files['big-domains.txt'] = `# 100,000 domains\n${domains.join('\n')}\n`;
  base.uci = base.uci.replace("\tlist list_file 'r0000.txt'", "\tlist list_file 'big-cidrs.txt'\n\tlist list_file 'big-domains.txt'");
  return base;
}

// argv paths are the router's (or already the root's: Env.fs.digest): mapped into the root; nft, ip and md5sum run for real (nft and ip in the namespace)
const EXEC = `#!/bin/bash
R="$SPLITWG_ROOT"
[ -n "$SWB_TRACE" ] && echo "$(date +%s.%N) $*" | cut -c1-150 >> "$SWB_TRACE"
args=()
for a in "$@"; do case "$a" in "$R"/*) args+=("$a") ;; /*) args+=("$R$a") ;; *) args+=("$a") ;; esac; done
case "$1" in
logger)
  # the apply's last command: the peak RSS of the ucode process itself (not nft's: GNU time's %M is the largest of the process tree)
  p=$PPID
  while [ "$p" -gt 1 ] && [ "$(cat /proc/$p/comm 2>/dev/null)" != ucode ]; do p=$(awk '{print $4}' /proc/$p/stat); done
  [ -n "$SWB_HWM" ] && grep VmHWM /proc/$p/status | awk '{print $2}' > "$SWB_HWM"
  exit 0 ;;
nft) exec ip netns exec ${NS} "\${args[@]}" ;;
md5sum) exec "\${args[@]}" ;;
dnsmasq) [ "$2" = --version ] && exec dnsmasq --version; exec "\${args[@]}" ;;
ip) exec ip netns exec ${NS} "\${args[@]}" ;;
pidof) exit 1 ;;
esac
exit 0
`;

/** `treeRssKb`: GNU time's %M (the largest process of the tree: nft loading 50k elements); `ucodeRssKb`: VmHWM of the ucode process */
export interface ListRun { name: string; wallMs: number; treeRssKb: number; ucodeRssKb: number; ok: boolean; message: string }
export interface ListsResult { ucode: string; size: HomeSize; files: number; entries: number; runs: ListRun[]; notes: string[] }

export function setupRoot(dir: string, cfg: { uci: string; files: Record<string, string> }): string {
  const root = join(dir, 'root');
  for (const d of ['etc/config', LIST_DIR.slice(1), 'sbin', 'var/run', 'tmp']) mkdirSync(join(root, d), { recursive: true });
  writeFileSync(join(root, 'etc/config/splitwg'), cfg.uci);
  writeFileSync(join(root, 'etc/config/network'), NETWORK);
  writeFileSync(join(root, 'etc/config/firewall'), FIREWALL);
  writeFileSync(join(root, 'etc/config/dhcp'), DHCP);
  writeFileSync(join(root, 'sbin/fw4'), '#!/usr/bin/ucode\n');
  for (const [n, t] of Object.entries(cfg.files)) writeFileSync(join(root, LIST_DIR.slice(1), n), t);
  writeFileSync(join(dir, 'exec'), EXEC);
  chmodSync(join(dir, 'exec'), 0o755);
  return root;
}

async function applyOnce(ucode: string, dir: string, root: string, name: string): Promise<ListRun> {
  const r = await run('/usr/bin/time', ['-f', 'TIME %e %M', ucode, '-S', '-L', join(REPO, 'files/usr/share/ucode/*.uc'), join(REPO, 'files/usr/sbin/splitwg'), 'apply'], {
    timeoutMs: 300_000,
    env: { ...process.env, POSIXLY_CORRECT: '1', SPLITWG_ROOT: root, SPLITWG_UCI_CONFDIR: join(root, 'etc/config'), SPLITWG_EXEC: join(dir, 'exec'), SWB_HWM: join(dir, 'hwm') },
  });
  const m = /TIME ([0-9.]+) ([0-9]+)/.exec(r.stderr);
  const message = (r.stdout.trim() || r.stderr.replace(/TIME .*/, '').trim()).split('\n')[0]!.slice(0, 200);
  let hwm = 0;
  try { hwm = Number(readFileSync(join(dir, 'hwm'), 'utf8').trim()); unlinkSync(join(dir, 'hwm')); } catch { /* no logger call: failed early */ }
  return { name, wallMs: m ? Number(m[1]) * 1000 : r.ms, treeRssKb: m ? Number(m[2]) : 0, ucodeRssKb: hwm, ok: r.code === 0, message };
}

async function series(ucode: string, cfg: { uci: string; files: Record<string, string> }, edits: boolean, reps: number, tag: string, log: (s: string) => void): Promise<ListRun[]> {
  const runs: ListRun[] = [];
  for (let k = 0; k < reps; k++) {
    const dir = tempDir();
    const root = setupRoot(dir, cfg);
    await run('ip', ['netns', 'exec', NS, 'nft', 'flush', 'ruleset']);
    const one = async (name: string) => { const x = await applyOnce(ucode, dir, root, name); log(`  ${name}: ${x.wallMs.toFixed(0)} ms, ucode ${x.ucodeRssKb} KB (tree ${x.treeRssKb} KB), ${x.message}`); runs.push(x); return x; };
    await one(`${tag}fresh`);
    // (the stand-in netifd installs no ip rule: the apply after the first puts them in, as doctor's repair; not measured)
    await applyOnce(ucode, dir, root, 'settle');
    if (!edits) { await one(`${tag}same`); continue; }
    await one('same');
    const lists = join(root, LIST_DIR.slice(1));
    const cidrFile = join(lists, 'r0001.txt');
    writeFileSync(cidrFile, readFileSync(cidrFile, 'utf8') + `# edited\n203.0.113.${k}\n`);
    await one('edit');
    const domFile = join(lists, 'r0000.txt');
    writeFileSync(domFile, readFileSync(domFile, 'utf8') + `edited${k}.example.net\n`);
    await one('edit-dom');
  }
  return runs;
}

export async function lists(opts: { reps: number; quick: boolean }, log: (s: string) => void): Promise<ListsResult | null> {
  const bins = ucodeBinaries();
  const ucode = bins[0]?.path ?? (existsSync('/usr/local/bin/ucode') ? '/usr/local/bin/ucode' : null);
  if (!ucode) { log('lists: no ucode binary (UCODE=…): skipped'); return null; }
  if (NS.startsWith('swb-')) await addNs(NS);
  else await run('ip', ['netns', 'add', NS]);
  const size = opts.quick ? { ...LARGE_HOME, domains: 2000, cidrs: 5000 } : LARGE_HOME;
  const home = homeWithLists(size);
  log(`lists: large home with ${Object.keys(home.files).length} list files, under ${ucode}`);
  const runs = await series(ucode, home, true, opts.reps, '', log);
  // the same home with its domains and CIDRs inline in /etc/config/splitwg, for comparison
  log('lists: the same large home, everything inline');
  runs.push(...await series(ucode, { uci: largeHomeConfig(size), files: {} }, false, opts.reps, 'inline ', log));
  if (!opts.quick) {
    log('lists: 100,000 CIDRs + 100,000 domains in two files');
    runs.push(...await series(ucode, bigLists(), false, Math.min(opts.reps, 2), 'big ', log));
  }
  const entries = Object.values(home.files).reduce((a, t) => a + t.split('\n').filter((l) => l && !l.startsWith('#')).length, 0);
  return { ucode, size, files: Object.keys(home.files).length, entries, runs, notes: [] };
}


const RUN_ORDER = ['fresh', 'same', 'edit', 'edit-dom', 'inline fresh', 'inline same', 'big fresh', 'big same'];
const WHAT: Record<string, string> = {
  fresh: 'first apply: every file read, validated, fragments written, all sets filled',
  same: 'again, nothing changed (every file found unchanged by md5: not read)',
  edit: 'one CIDR list edited: its set refilled, the table kept',
  'edit-dom': 'one domain list edited: dnsmasq entries rewritten',
  'inline fresh': 'the same home, domains and CIDRs inline in the config',
  'inline same': 'inline, nothing changed',
  'big fresh': 'a rule with 100,000 CIDRs + 100,000 domains in two files, first apply',
  'big same': 'the same, nothing changed',
};

/** The RESULTS.md section (bench/report.ts puts it after the others). */
export function listsSection(r: ListsResult): string[] {
  const L = ['## 5. Lists from files: `splitwg apply` under ucode', ''];
  L.push(`The whole \`splitwg apply\` (files/usr/sbin/splitwg under ${r.ucode}) of the large home (${r.size.clients} clients, ` +
    `${r.size.clients * r.size.rulesPerClient} rules) with every rule's domains and CIDRs moved into a list file of its own (${r.files} files, ` +
    `${r.entries.toLocaleString('en-US')} entries), against a scratch root: nft, ip, md5sum and \`dnsmasq --test\` real (nft and ip in a scratch namespace), ` +
    'netifd, fw4, the dnsmasq service and logger stand-ins that succeed at once. Wall time (GNU time), the ucode process\'s own peak RSS ' +
    '(VmHWM, read by the last command it runs) and the largest process of the tree (GNU time %M: nft loading the sets). Issue 14 target: ≤ 2 s.', '');
  const rows: (string | number)[][] = [];
  for (const name of RUN_ORDER) {
    const rs = r.runs.filter((x) => x.name === name);
    if (!rs.length) continue;
    const ok = rs.filter((x) => x.ok);
    const w = summary(ok.map((x) => x.wallMs)), u = summary(ok.map((x) => x.ucodeRssKb / 1024)), t = summary(ok.map((x) => x.treeRssKb / 1024));
    rows.push([name, WHAT[name] ?? '', ok.length ? `${mmm(w, (x) => num(x / 1000))} s` : 'failed', ok.length ? `${mmm(u)} MiB` : '', ok.length ? `${mmm(t)} MiB` : '',
      `${ok.length}/${rs.length}`, rs[rs.length - 1]!.message]);
  }
  L.push(table(['run', 'what', 'wall, median (min–max)', 'ucode peak RSS', 'largest process', 'ok', 'last message'], rows), '');
  if (r.notes.length) L.push(...r.notes.map((n) => `- ${n}`), '');
  return L;
}

// (last: the section's constants above are initialised by then)
if (import.meta.url === `file://${process.argv[1]}`) {
  const { installCleanup, cleanup } = await import('./netns.ts');
  installCleanup();
  try {
    const r = await lists({ reps: Number(process.env.REPS ?? 3), quick: process.env.BENCH_QUICK === '1' }, (s) => process.stderr.write(`${s}\n`));
    // --md: the RESULTS.md section; else the raw results
    console.log(process.argv.includes('--md') && r ? listsSection(r).join('\n') : JSON.stringify(r, null, 2));
  } finally { cleanup(); }
}
