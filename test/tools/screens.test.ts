// The screenshot server's /ubus (tools/screens/server.ts): what a page's rpc
// gets is what the router's api answers on the fake router, or with ?counters
// the traffic fixture's running counters.
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { AddressInfo } from 'node:net';
import { screens } from '../../tools/screens/server';
import { methods } from '../../src/router/api';

const s = screens();
let base = '';
beforeAll(() => new Promise<void>((r) => s.server.listen(0, '127.0.0.1', () => { base = `http://127.0.0.1:${(s.server.address() as AddressInfo).port}`; r(); })));
afterAll(() => new Promise<void>((r) => s.server.close(() => r())));

// a batch as LuCI's rpc.js sends it
async function ubus(sid: string, ...calls: [string, string, object][]): Promise<unknown[]> {
	const body = calls.map(([o, m, a], i) => ({ jsonrpc: '2.0', id: i + 1, method: 'call', params: [sid, o, m, a] }));
	const r = await fetch(`${base}/ubus/`, { method: 'POST', body: JSON.stringify(body) });
	return ((await r.json()) as { result: unknown }[]).map((x) => x.result);
}

test("a page's splitwg.status and explain get the router api's replies", async () => {
	const api = methods(() => s.router.env);
	const q = { client: 'laptop', destination: '192.0.2.80', proto: 'tcp', port: 8080 };
	const [status, explain] = await ubus('screens', ['splitwg', 'status', {}], ['splitwg', 'explain', { ubus_rpc_session: 'screens', ...q }]);
	expect(status).toEqual([0, api.status.call({ args: {} })]);
	expect(explain).toEqual([0, api.explain.call({ args: q })]);
	expect((explain as any)[1]).toMatchObject({ action: 'proxy', upstream: 'eu', rule: 'client.laptop.rule[1]' });
});

test("with ?counters the stats are the fixture's, counted from when the page opened", async () => {
	const [[code, live]] = await ubus(`counters-${Date.now()}`, ['splitwg', 'stats', {}]) as any;
	const [plain] = await ubus('screens', ['splitwg', 'stats', {}]);
	expect(code).toBe(0);
	expect(live.upstreams.map((u: any) => [u.name, u.up])).toEqual([['us', true], ['eu', true]]);
	expect(live.upstreams[0].rx).toBeGreaterThanOrEqual(3 * 1073741824);
	expect(plain).toEqual([0, methods(() => s.router.env).stats.call({ args: {} })]);
});

test('uci reads the golden configuration; an object rpcd would not have is "not found"', async () => {
	const [[code, got], missing] = await ubus('screens', ['uci', 'get', { config: 'splitwg' }], ['nope', 'x', {}]) as any;
	expect(code).toBe(0);
	expect(got.values.laptop['.type']).toBe('client');
	expect(missing).toEqual([3]);
});
