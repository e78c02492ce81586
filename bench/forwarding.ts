// 1. Forwarding cost. Three namespaces joined by veth pairs:
//
//   swb-c (client) c0 ── r-c  swb-r (router)  r-m  ── s-m  swb-s (sink, 198.18.0.1 on lo)
//                                              sw_a ── s-a
//
// The router's main table sends everything via r-m; a packet marked
// 0x20000000/0x70000000 (upstream "a") is routed by ip rule to table 2101,
// whose default goes via sw_a — the same two rules netifd gets from the plan
// (priority 21000 `lookup main suppress_prefixlength 0`, 21001 fwmark → 2101).
// Both tables (ours and the naive one) stay loaded; the one not measured is
// made dormant (`flags dormant`: its hooks are unregistered), so switching
// configurations is cheap and the runs can be interleaved. A third table,
// `inet base`, is always active in every configuration, baseline included: the
// conntrack and NAT hooks fw4 always has on OpenWrt (`ct state` accept in
// forward, empty dstnat/srcnat chains), so conntrack is a sunk cost everywhere
// and only the classification structure differs.
import { compileText } from './core.ts';
import { addNs, ipBatch, mustNs, inNs, nftLoad, spawnNs } from './netns.ts';
import { iperf, ping, connect, txPackets, IPERF_PORT, CONN_PORT, CONNPROBE, SENDER, OTHER } from './traffic.ts';
import {
  forwardingConfig, naiveTable, clientAddr, clientName, lastSets, cidrElements, hostElements, addElementLines,
  CLIENT_NET, ROUTER_CLIENT_ADDR, SINK, SINK_NET, MARK_A, MASK, TABLE_A, RULE_PRIO,
} from './gen.ts';

export const NS = { c: 'swb-c', r: 'swb-r', s: 'swb-s' };
export type FwdConfig = 'baseline' | 'ours' | 'naive' | 'mark';
/** Measured for throughput, RTT and connects. */
export const CONFIGS: FwdConfig[] = ['baseline', 'ours', 'naive'];
/** RTT and connects only (cheap): a control, one rule that marks the client's traffic without any set match —
 *  the cost of the fwmark policy routing alone, which ours and naive both pay. */
export const LIGHT: FwdConfig[] = [...CONFIGS, 'mark'];
const TABLES: Partial<Record<FwdConfig, string>> = { ours: 'splitwg', naive: 'naive', mark: 'markonly' };

export interface FwdOptions {
  clients: number[]; elements: number[]; reps: number;
  iperfSeconds: number; pings: number; pingInterval: number; connects: number; mtuSized: boolean;
}
export interface FwdRun { rep: number; order: number; gbps: number; rttUs: number; rttMeanUs: number; lost: number; connUs: number; connPerS: number }
export interface FwdCell { clients: number; elements: number; config: FwdConfig; runs: FwdRun[] }
export interface FwdLoad {
  clients: number; compileMs: number; oursBytes: number; oursLoadMs: number; naiveBytes: number; naiveLoadMs: number;
  elementMs: { elements: number; ms: number }[];
}
export interface FwdResult { opts: FwdOptions; cells: FwdCell[]; loads: FwdLoad[]; checks: string[] }

async function topology(mtuSized: boolean): Promise<void> {
  for (const ns of Object.values(NS)) await addNs(ns);
  await ipBatch(NS.r, [
    `link add r-c type veth peer name c0 netns ${NS.c}`,
    `link add r-m type veth peer name s-m netns ${NS.s}`,
    `link add sw_a type veth peer name s-a netns ${NS.s}`,
    `addr add ${ROUTER_CLIENT_ADDR} dev r-c`, 'addr add 10.251.0.1/30 dev r-m', 'addr add 10.252.0.1/30 dev sw_a',
    'link set r-c up', 'link set r-m up', 'link set sw_a up',
    'route add default via 10.251.0.2',
    `route add default via 10.252.0.2 dev sw_a table ${TABLE_A}`,
    `rule add priority ${RULE_PRIO} lookup main suppress_prefixlength 0`,
    `rule add priority ${RULE_PRIO + 1} fwmark 0x${MARK_A.toString(16)}/0x${MASK.toString(16)} lookup ${TABLE_A}`,
  ]);
  await ipBatch(NS.s, [
    'addr add 10.251.0.2/30 dev s-m', 'addr add 10.252.0.2/30 dev s-a', `addr add ${SINK}/32 dev lo`,
    'link set s-m up', 'link set s-a up', `route add ${CLIENT_NET} via 10.251.0.1`,
  ]);
  // every packet through the router MTU-sized: no TSO/GSO super-packets from the client
  await ipBatch(NS.c, ['link set c0 up', ...(mtuSized ? ['link set c0 gso_max_size 1500 gso_max_segs 1'] : [])]);
  await mustNs(NS.c, ['sysctl', '-qw', 'net.ipv4.tcp_tw_reuse=1', 'net.ipv4.ip_local_port_range=1024 65000']);
  for (const ns of Object.values(NS)) await mustNs(ns, ['sysctl', '-qw', 'net.ipv6.conf.all.disable_ipv6=1', 'net.ipv6.conf.default.disable_ipv6=1']);
  await mustNs(NS.r, ['sysctl', '-qw', 'net.ipv4.ip_forward=1', 'net.ipv4.conf.all.rp_filter=0', 'net.ipv4.conf.default.rp_filter=0']);
  await mustNs(NS.s, ['sysctl', '-qw', 'net.ipv4.conf.all.rp_filter=0', 'net.ipv4.conf.default.rp_filter=0',
    'net.ipv4.conf.s-a.rp_filter=0', 'net.ipv4.conf.s-m.rp_filter=0']);
  spawnNs(NS.s, [...SENDER, 'iperf3', '-s', '-p', String(IPERF_PORT)]);
  spawnNs(NS.s, [...OTHER, process.execPath, CONNPROBE, 'server', String(CONN_PORT)]);
  for (let i = 0; i < 100; i++) {
    const r = await inNs(NS.s, ['ss', '-Hltn', `( sport = :${IPERF_PORT} or sport = :${CONN_PORT} )`]);
    if (r.stdout.trim().split('\n').length >= 2) return;
    await new Promise((res) => setTimeout(res, 100));
  }
  throw new Error('iperf3 / connprobe server did not start');
}

/** What fw4 always has: conntrack (ct state) in forward, NAT hooks. Identical in all configurations. */
export const BASE_TABLE = `table inet base {
\tchain forward {
\t\ttype filter hook forward priority filter; policy accept;
\t\tct state established,related accept
\t}
\tchain dstnat { type nat hook prerouting priority dstnat; }
\tchain srcnat { type nat hook postrouting priority srcnat; }
}
`;

/** The control: mark the last client's traffic for upstream "a", nothing else. */
const markTable = (n: number) => `table inet markonly {\n\tchain prerouting {\n\t\ttype filter hook prerouting priority mangle; policy accept;\n` +
  `\t\tip saddr ${clientAddr(n - 1)} meta mark set meta mark and 0x${((0xffffffff - MASK) >>> 0).toString(16)} or 0x${MARK_A.toString(16)}\n\t}\n}\n`;

/** Make exactly one table (or none, for the baseline) active. */
async function select(cfg: FwdConfig): Promise<void> {
  await nftLoad(NS.r, Object.entries(TABLES).map(([c, t]) => `add table inet ${t}${c === cfg ? '' : ' { flags dormant; }'}`).join('\n') + '\n');
}

/** The measured traffic must take sw_a under ours/naive (and match the last rule), r-m under the baseline. */
async function checkPath(cfg: FwdConfig, n: number): Promise<string> {
  const before = [await txPackets(NS.r, 'sw_a'), await txPackets(NS.r, 'r-m')];
  const p = await ping(NS.c, SINK, 5, 0.01);
  const d = [(await txPackets(NS.r, 'sw_a')) - before[0], (await txPackets(NS.r, 'r-m')) - before[1]];
  const viaUp = cfg !== 'baseline';
  if (p.lost || (viaUp ? d[0] < 5 || d[1] >= 5 : d[0] >= 5 || d[1] < 5))
    throw new Error(`path check failed for ${cfg} at ${n} clients: sw_a +${d[0]}, r-m +${d[1]} packets, ${p.lost} lost`);
  let hit = '';
  if (cfg !== 'baseline') {
    const chain = cfg === 'ours' ? `client_${clientName(n - 1)}` : 'prerouting';
    const r = await mustNs(NS.r, ['nft', 'list', 'chain', 'inet', TABLES[cfg]!, chain]);
    const line = r.stdout.split('\n').find((l) => cfg === 'mark' ? l.includes('meta mark set') : l.includes(`@${lastSets(n - 1).n4}`) && (cfg === 'naive' || l.includes('counter')));
    if (!line) throw new Error(`no rule for ${lastSets(n - 1).n4} in ${chain}`);
    hit = cfg === 'ours' ? ` (rule hit: ${/counter packets (\d+)/.exec(line)?.[1]} packets on \`${line.trim().replace(/ comment .*/, '')}\`)` : '';
    if (cfg === 'ours' && !(Number(/counter packets (\d+)/.exec(line)?.[1]) > 0)) throw new Error(`last rule of ${chain} not hit`);
  }
  return `${n} clients, ${cfg}: sw_a +${d[0]}, r-m +${d[1]} packets${hit}`;
}

export async function forwarding(opts: FwdOptions, log: (s: string) => void): Promise<FwdResult> {
  const res: FwdResult = { opts, cells: [], loads: [], checks: [] };
  await topology(opts.mtuSized);
  for (const n of opts.clients) {
    await ipBatch(NS.c, ['addr flush dev c0', `addr add ${clientAddr(n - 1)}/10 dev c0`, 'route replace default via 10.64.0.1']);
    await mustNs(NS.r, ['nft', 'flush', 'ruleset']);
    await mustNs(NS.r, ['conntrack', '-F']).catch(() => undefined);
    await nftLoad(NS.r, BASE_TABLE);
    let t = performance.now();
    const plan = compileText(forwardingConfig(n));
    const compileMs = performance.now() - t;
    const naive = naiveTable(n);
    const load: FwdLoad = { clients: n, compileMs, oursBytes: plan.nft.length, oursLoadMs: await nftLoad(NS.r, plan.nft),
      naiveBytes: naive.length, naiveLoadMs: await nftLoad(NS.r, naive), elementMs: [] };
    await nftLoad(NS.r, markTable(n));
    res.loads.push(load);
    const s = lastSets(n - 1);
    for (const tbl of ['inet splitwg', 'inet naive']) await nftLoad(NS.r, `add element ${tbl} ${s.n4} { ${SINK_NET} }\n`);
    let have = 0;
    for (const e of [...opts.elements].sort((a, b) => a - b)) {
      t = performance.now();
      const cidrs = cidrElements(e).slice(have), hosts = hostElements(e).slice(have);
      for (const tbl of ['inet splitwg', 'inet naive'])
        await nftLoad(NS.r, [...addElementLines(tbl, s.n4, cidrs), ...addElementLines(tbl, s.d4, hosts, 1000)].join('\n') + '\n');
      load.elementMs.push({ elements: e, ms: performance.now() - t });
      have = e;
      log(`  ${n} clients, ${e} elements per set: tables loaded (compile ${compileMs.toFixed(0)} ms, elements ${(performance.now() - t).toFixed(0)} ms)`);
      await mustNs(NS.r, ['conntrack', '-F']).catch(() => undefined);
      for (const cfg of LIGHT) { await select(cfg); res.checks.push(`${e} elements, ${await checkPath(cfg, n)}`); }
      const cells = Object.fromEntries(LIGHT.map((c) => [c, { clients: n, elements: e, config: c, runs: [] as FwdRun[] }])) as Record<FwdConfig, FwdCell>;
      for (let rep = 0; rep < opts.reps; rep++) {
        const order = CONFIGS.map((_, i) => CONFIGS[(i + rep) % CONFIGS.length]);
        const runs: Record<string, FwdRun> = { mark: { rep, order: NaN, gbps: NaN, rttUs: NaN, rttMeanUs: NaN, lost: 0, connUs: NaN, connPerS: NaN } };
        for (const [i, cfg] of order.entries()) {
          await select(cfg);
          runs[cfg] = { rep, order: i, gbps: await iperf(NS.c, SINK, opts.iperfSeconds), rttUs: NaN, rttMeanUs: NaN, lost: 0, connUs: NaN, connPerS: NaN };
        }
        for (const cfg of LIGHT.map((_, i) => LIGHT[(i + rep) % LIGHT.length]).reverse()) {
          await select(cfg);
          const p = await ping(NS.c, SINK, opts.pings, opts.pingInterval);
          runs[cfg].rttUs = p.medianUs;
          runs[cfg].rttMeanUs = p.trimmedMeanUs;
          runs[cfg].lost = p.lost;
          const c = await connect(NS.c, SINK, opts.connects);
          runs[cfg].connUs = c.medianUs;
          runs[cfg].connPerS = c.perSecond;
          runs[cfg].lost += c.failed;
        }
        for (const cfg of LIGHT) cells[cfg].runs.push(runs[cfg]);
      }
      res.cells.push(...LIGHT.map((c) => cells[c]));
      const med = (c: FwdConfig, k: 'gbps' | 'rttUs' | 'connUs') => [...cells[c].runs.map((r) => r[k])].sort((a, b) => a - b)[cells[c].runs.length >> 1];
      log(`    Gbit/s base ${med('baseline', 'gbps').toFixed(2)} ours ${med('ours', 'gbps').toFixed(2)} naive ${med('naive', 'gbps').toFixed(2)}; ` +
        `RTT µs base ${med('baseline', 'rttUs').toFixed(0)} mark ${med('mark', 'rttUs').toFixed(0)} ours ${med('ours', 'rttUs').toFixed(0)} naive ${med('naive', 'rttUs').toFixed(0)}; ` +
        `connect µs base ${med('baseline', 'connUs').toFixed(0)} ours ${med('ours', 'connUs').toFixed(0)} naive ${med('naive', 'connUs').toFixed(0)}`);
    }
  }
  return res;
}
