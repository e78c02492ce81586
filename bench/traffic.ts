// One measurement each: TCP throughput (iperf3), ICMP echo RTT (ping), from a
// namespace to an address.
import os from 'node:os';
import { inNs } from './netns.ts';
import { median } from './stats.ts';

export const IPERF_PORT = 5201;
export const CONN_PORT = 5301;
export const CONNPROBE = new URL('./connprobe.mjs', import.meta.url).pathname;
// Measured processes get a little priority over the rest of a busy machine,
// and fixed CPUs: the sending side (and so the router's forwarding, which runs
// in the sender's softirq on veth) and the iperf3 server on CPU 0 — the whole
// TCP path on one core spread about half as much from run to run as with the
// server on the other core, at the same median; the connect probe's server on CPU 1.
export const NICE = ['nice', '-n', '-10'];
const cpus = () => os.cpus().length;
export const SENDER = [...NICE, ...(cpus() > 1 ? ['taskset', '-c', '0'] : [])];
export const OTHER = [...NICE, ...(cpus() > 1 ? ['taskset', '-c', '1'] : [])];

/** iperf3 TCP, client → server direction; returns received Gbit/s. */
export async function iperf(ns: string, dest: string, seconds: number): Promise<number> {
  const r = await inNs(ns, [...SENDER, 'iperf3', '-c', dest, '-p', String(IPERF_PORT), '-t', String(seconds), '-J'], { timeoutMs: (seconds + 20) * 1000 });
  let doc: any;
  try { doc = JSON.parse(r.stdout); } catch { throw new Error(`iperf3 gave no JSON (exit ${r.code}): ${r.stderr.slice(0, 300)}`); }
  if (doc.error) throw new Error(`iperf3: ${doc.error}`);
  return doc.end.sum_received.bits_per_second / 1e9;
}

/**
 * `count` pings at `intervalS` (0: the next as soon as the reply is in — no idle
 * wake-ups in the RTT); the median RTT in µs, the 10 %-trimmed mean (ping prints
 * µs resolution, the mean of many resolves finer) and the loss count.
 */
export async function ping(ns: string, dest: string, count: number, intervalS: number): Promise<{ medianUs: number; trimmedMeanUs: number; lost: number }> {
  const r = await inNs(ns, [...SENDER, 'ping', '-n', '-c', String(count), '-i', String(intervalS), '-W', '1', dest], { timeoutMs: (count * intervalS + 20) * 1000 });
  const rtts = [...r.stdout.matchAll(/time=([\d.]+) ms/g)].map((m) => Number(m[1]) * 1000);
  if (!rtts.length) throw new Error(`ping got no replies (exit ${r.code}): ${r.stderr.slice(0, 300)}`);
  const s = [...rtts].sort((a, b) => a - b), cut = Math.floor(s.length / 10), mid = s.slice(cut, s.length - cut);
  return { medianUs: median(rtts), trimmedMeanUs: mid.reduce((a, b) => a + b, 0) / mid.length, lost: count - rtts.length };
}

/** `count` sequential TCP connects (open, close); median connect latency in µs and connections/s. */
export async function connect(ns: string, dest: string, count: number): Promise<{ medianUs: number; perSecond: number; failed: number }> {
  const r = await inNs(ns, [...SENDER, process.execPath, CONNPROBE, 'client', dest, String(CONN_PORT), String(count)], { timeoutMs: 60_000 });
  try {
    const j = JSON.parse(r.stdout);
    if (j.medianUs === null) throw new Error('no connection succeeded');
    return j;
  } catch (e) { throw new Error(`connprobe failed (exit ${r.code}): ${(e as Error).message} ${r.stderr.slice(0, 300)}`); }
}

/** TX packet counter of a link (to check which path traffic took). */
export async function txPackets(ns: string, dev: string): Promise<number> {
  const r = await inNs(ns, ['cat', `/sys/class/net/${dev}/statistics/tx_packets`]);
  return Number(r.stdout.trim());
}
