// The overview's live traffic, computed in the browser from successive ubus
// `stats` replies (docs/ubus.md): rates, and the chart's SVG. The router
// keeps no history; the page keeps the last HISTORY samples while it is open.
import type { ClientBytes, PathBytes, Stats } from './_rpc';

export const HISTORY = 60;   // samples: 5 minutes at LuCI's 5 s poll

// What one reply contributes: cumulative counters, by name.
export interface Sample {
	at: number;                                        // ms (Date.now())
	upstreams: { [name: string]: { rx: number, tx: number } };
	clients: { [name: string]: { direct: number, proxy: number, block: number, rx: number | null, tx: number | null, bytes: PathRow[] | null } };
}

// A client's open connections as rows: direct, then each upstream it uses.
export interface PathRow { path: string, up: number, down: number }

export function pathRows(b: ClientBytes | null | undefined): PathRow[] | null {
	if (!b) return null;
	const out: PathRow[] = [{ path: 'direct', up: b.direct.up, down: b.direct.down }];
	for (const u of Object.keys(b.proxy)) out.push({ path: u, up: (b.proxy[u] as PathBytes).up, down: (b.proxy[u] as PathBytes).down });
	return out;
}

export function sample(at: number, s: Stats): Sample {
	const out: Sample = { at, upstreams: {}, clients: {} };
	for (const u of s.upstreams) out.upstreams[u.name] = { rx: u.rx, tx: u.tx };
	for (const c of s.clients) out.clients[c.name] = { direct: c.paths.direct, proxy: c.paths.proxy, block: c.paths.block, rx: c.rx, tx: c.tx, bytes: pathRows(c.bytes) };
	return out;
}

// A counter's increase per second; null without an earlier reading, or when
// the counter went back (the table was reloaded, the tunnel restarted).
export function perSecond(prev: number | null | undefined, cur: number | null | undefined, seconds: number): number | null {
	if (prev == null || cur == null || !(seconds > 0) || cur < prev) return null;
	return (cur - prev) / seconds;
}

// The bytes of the connections open now: one that closed between the
// samples takes its bytes out of the sum, which can then shrink; the rate
// is clamped at 0 (it undercounts such a sample, never goes negative).
export function liveRate(prev: number | null | undefined, cur: number | null | undefined, seconds: number): number | null {
	if (prev == null || cur == null || !(seconds > 0)) return null;
	return Math.max(0, (cur - prev) / seconds);
}

export interface Rate { rx: number | null, tx: number | null }
export interface PathRate { up: number | null, down: number | null }
export interface ClientRate extends Rate {
	direct: number | null, proxy: number | null, block: number | null,
	bytes: { [path: string]: PathRate };   // by PathRow.path
}
export interface Rates { upstreams: { [name: string]: Rate }, clients: { [name: string]: ClientRate }, total: Rate }

// Rates between two samples; the total sums the upstreams that have one
// (null when none has).
export function rates(prev: Sample | null, cur: Sample): Rates {
	const dt = prev ? (cur.at - prev.at) / 1000 : 0;
	const out: Rates = { upstreams: {}, clients: {}, total: { rx: null, tx: null } };
	const add = (a: number | null, b: number | null) => b === null ? a : (a ?? 0) + b;
	for (const n in cur.upstreams) {
		const p = prev?.upstreams[n], c = cur.upstreams[n];
		const r = { rx: perSecond(p?.rx, c.rx, dt), tx: perSecond(p?.tx, c.tx, dt) };
		out.upstreams[n] = r;
		out.total = { rx: add(out.total.rx, r.rx), tx: add(out.total.tx, r.tx) };
	}
	for (const n in cur.clients) {
		const p = prev?.clients[n], c = cur.clients[n];
		const bytes: { [path: string]: PathRate } = {};
		for (const row of c.bytes ?? []) {
			// (a path the client had no open connection on before: from 0)
			const was = p?.bytes ? p.bytes.find((x) => x.path === row.path) ?? { up: 0, down: 0 } : null;
			bytes[row.path] = { up: liveRate(was?.up, row.up, dt), down: liveRate(was?.down, row.down, dt) };
		}
		out.clients[n] = {
			direct: perSecond(p?.direct, c.direct, dt), proxy: perSecond(p?.proxy, c.proxy, dt), block: perSecond(p?.block, c.block, dt),
			rx: perSecond(p?.rx, c.rx, dt), tx: perSecond(p?.tx, c.tx, dt), bytes,
		};
	}
	return out;
}

// The history with one more point, the oldest dropped past `max`.
export function appendPoint<T>(history: T[], p: T, max: number = HISTORY): T[] {
	const h = history.concat([p]);
	return h.length > max ? h.slice(h.length - max) : h;
}

// The chart's vertical scale: the largest value rounded up to 1, 2 or 5
// times a power of ten of the binary unit it is shown in (B, KiB, MiB…), so
// the top line reads as a round number.
export function niceMax(values: number[]): number {
	const m = Math.max(0, ...values);
	if (m <= 0) return 1;
	let unit = 1;
	while (m / unit >= 1024) unit *= 1024;
	const v = m / unit, p = Math.pow(10, Math.floor(Math.log10(v)));
	for (const f of [1, 2, 5]) if (v <= f * p) return f * p * unit;
	return 10 * p * unit;
}

const r1 = (x: number) => Math.round(x * 10) / 10;

// An area under the values: x spreads the HISTORY slots over the width,
// newest at the right edge; y = 0 at the bottom, `max` at the top.
export function areaPath(values: number[], w: number, h: number, max: number, slots: number = HISTORY): string {
	if (!values.length) return '';
	const step = w / Math.max(1, slots - 1);
	const x0 = w - (values.length - 1) * step;
	const pts = values.map((v, i) => `${r1(x0 + i * step)},${r1(h - Math.min(1, Math.max(0, v) / max) * h)}`);
	return `M${r1(x0)},${h}L${pts.join('L')}L${w},${h}Z`;
}

// The chart as SVG markup (for LuCI's E()): received and sent areas over a
// baseline and a top line; numbers only, so nothing needs escaping.
export function chartSvg(rx: number[], tx: number[], max: number, w: number = 600, h: number = 80): string {
	return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${w} ${h}" preserveAspectRatio="none" style="width:100%;height:${h}px;display:block">` +
		`<path d="M0,0.5H${w}M0,${h - 0.5}H${w}" stroke="#ccc" stroke-width="1" fill="none"/>` +
		`<path data-series="rx" d="${areaPath(rx, w, h, max)}" fill="#1976d2" fill-opacity="0.35" stroke="#1976d2"/>` +
		`<path data-series="tx" d="${areaPath(tx, w, h, max)}" fill="#ef6c00" fill-opacity="0.35" stroke="#ef6c00"/></svg>`;
}
