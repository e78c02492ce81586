// 4. Footprint: the packages (tools/package.mjs packageSizes()), and the
// large-home table in the kernel, counted from `nft -j list ruleset` in a
// scratch namespace.
import { packageSizes } from '../tools/package.mjs';
import { addNs, delNs, mustNs, nftLoad } from './netns.ts';

const NS = 'swb-foot';

export interface KernelObjects {
  tables: number; baseChains: number; chains: number; rules: number; counters: number;
  sets: number; maps: number; setElements: number; mapElements: number; largestSet: { name: string; elements: number };
  listMs: number; listBytes: number;
}
export interface FootprintResult {
  packages: ReturnType<typeof packageSizes>;
  packagesError: string | null;
  table: { bytes: number; lines: number; loadMs: number };
  kernel: KernelObjects;
}

function count(doc: any[]): Omit<KernelObjects, 'listMs' | 'listBytes'> {
  const k = { tables: 0, baseChains: 0, chains: 0, rules: 0, counters: 0, sets: 0, maps: 0, setElements: 0, mapElements: 0, largestSet: { name: '', elements: 0 } };
  for (const o of doc) {
    if (o.table) k.tables++;
    if (o.chain) { k.chains++; if (o.chain.hook) k.baseChains++; }
    if (o.rule) { k.rules++; k.counters += (o.rule.expr ?? []).filter((e: any) => 'counter' in e).length; }
    const s = o.set ?? o.map;
    if (s) {
      const n = (s.elem ?? []).length;
      if (o.set) { k.sets++; k.setElements += n; } else { k.maps++; k.mapElements += n; }
      if (n > k.largestSet.elements) k.largestSet = { name: s.name, elements: n };
    }
  }
  return k;
}

export async function footprint(nftText: string): Promise<FootprintResult> {
  let packages: FootprintResult['packages'] = [];
  let packagesError: string | null = null;
  try { packages = packageSizes(); } catch (e) { packagesError = (e as Error).message.split('\n')[0]; }
  await addNs(NS);
  const loadMs = await nftLoad(NS, nftText);
  const r = await mustNs(NS, ['nft', '-j', 'list', 'ruleset'], { timeoutMs: 300_000 });
  const doc = JSON.parse(r.stdout).nftables as any[];
  delNs(NS);
  return {
    packages, packagesError,
    table: { bytes: Buffer.byteLength(nftText), lines: nftText.split('\n').length - 1, loadMs },
    kernel: { ...count(doc), listMs: r.ms, listBytes: r.stdout.length },
  };
}
