// The LuCI fields validate with the very functions the router's config
// reader uses, so the message under a field is the one `splitwg check`
// gives — and a port is worded the same wherever it is typed.
import { test } from 'vitest';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import * as V from '../../src/core/values';
import * as IP from '../../src/core/ip';
import { parseUci, readConfig } from '../../src/core/index';
import type { UciSection } from '../../src/core/uci';

const home = () => parseUci(fs.readFileSync('test/golden/home/splitwg', 'utf8')).sections;
type Check = (v: string) => string | null;
const CORE: { [name: string]: Check } = { ...V, ...IP } as any;

// view, option, the core validator it uses, the section (type, name) and path in check()
const FIELDS: [string, string, string, string, string, string][] = [
	['clients', 'listen_port', 'badPort', 'server', 'server', 'server.listen_port'],
	['clients', 'mtu', 'badMtu', 'server', 'server', 'server.mtu'],
	['clients', 'dns', 'badIpAddress', 'server', 'server', 'server.dns[0]'],
	['upstreams', 'mtu', 'badMtu', 'upstream', 'us', 'upstream.us.mtu'],
	['upstreams', 'keepalive', 'badKeepalive', 'upstream', 'us', 'upstream.us.keepalive'],
	['upstreams', 'dns', 'badIpAddress', 'upstream', 'us', 'upstream.us.dns[0]'],
	['overview', 'mark_mask', 'badMarkMask', 'globals', 'main', 'globals.mark_mask'],
];
const BAD = ['0', '65536', '-1', '1.5', 'x', '0x', '10.0.0.0/24', '1279', '9001', '0x1ffffffff', '::1/64'];

// The validator the view sets right after declaring the option.
function viewValidator(view: string, option: string): string | null {
	const src = fs.readFileSync(`src/luci/${view}.ts`, 'utf8');
	const at = src.search(new RegExp(`\\(\\s*(?:'[a-z]+',\\s*)?(?:form\\.|)[A-Za-z.]+,\\s*'${option}'`));
	if (at < 0) return null;
	const m = /o\.validate = validator\(([A-Za-z]+)\);/.exec(src.slice(at, at + 600));
	return m ? m[1] : null;
}

for (const [view, option, fn, type, name, path] of FIELDS) {
	test(`${view}: ${option} validates with the core's ${fn}, the router says the same`, () => {
		assert.equal(viewValidator(view, option), fn);
		const check = CORE[fn];
		for (const v of BAD) {
			const s: UciSection[] = home();
			let sec = s.find((x) => x.type === type && x.name === name);
			if (!sec) { sec = { type, name, anonymous: false, options: {} }; s.push(sec); }
			sec.options[option] = path.endsWith('[0]') ? [v] : v;
			const got = readConfig(s).problems.filter((p) => p.path === path).map((p) => p.message);
			const want = check(v);
			assert.deepEqual(got, want === null ? [] : [want], `${path} = ${v}`);
		}
	});
}

test('a bad port has one wording: listen port, endpoints, rule ports, the tester', () => {
	const want = '"0" is not a port (an integer from 1 to 65535)';
	const s = home();
	s.find((x) => x.type === 'server')!.options.listen_port = '0';
	s.find((x) => x.name === 'us')!.options.endpoint = 'us.vpn.example:0';
	s.find((x) => x.type === 'rule')!.options.port = ['0'];
	const msgs = readConfig(s).problems.map((p) => `${p.path}: ${p.message}`).filter((m) => /port|endpoint/.test(m));
	assert.equal(msgs.length, 3, msgs.join('\n'));
	for (const m of msgs) assert.ok(m.endsWith(`: ${want}`), m);
	assert.equal(viewValidator('tester', 'port'), 'badPort');
	assert.equal(V.badPort('0'), want);
});
