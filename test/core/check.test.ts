// check(): every problem named by path, injection impossible, and a config
// with any error produces no plan.
import { test } from 'vitest';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { parseUci, readConfig, plan } from '../../src/core/index';
import type { UciSection } from '../../src/core/uci';
import { format } from '../../src/core/messages';

const home = () => parseUci(fs.readFileSync('test/golden/home/splitwg', 'utf8')).sections;
const find = (secs: UciSection[], type: string, name?: string) => secs.find((s) => s.type === type && (name === undefined || s.name === name))!;
const problemsOf = (edit: (s: UciSection[]) => void) => { const s = home(); edit(s); return readConfig(s).problems; };

test('the home config is valid and plans', () => {
	const r = plan(home());
	assert.deepEqual(r.problems, []);
	assert.ok(r.plan && r.plan.nft.includes('table inet splitwg {'));
});

const CASES: [string, (s: UciSection[]) => void, string, RegExp][] = [
	['bad domain', (s) => { s.filter((x) => x.type === 'rule')[0].options.domain = ['ex ample.com']; }, 'ruleset.streaming.rule[0].domain[0]', /"ex ample.com" is not a domain name/],
	['upper-case domain', (s) => { s.filter((x) => x.type === 'rule')[0].options.domain = ['Video.test']; }, 'ruleset.streaming.rule[0].domain[0]', /lower case/],
	['wildcard domain', (s) => { s.filter((x) => x.type === 'rule')[0].options.domain = ['*.video.test']; }, 'ruleset.streaming.rule[0].domain[0]', /write "video.test"/],
	['bad key', (s) => { find(s, 'upstream', 'us').options.public_key = 'abc'; }, 'upstream.us.public_key', /not a WireGuard key/],
	['33-byte key', (s) => { find(s, 'upstream', 'us').options.private_key = Buffer.alloc(33, 1).toString('base64'); }, 'upstream.us.private_key', /not a WireGuard key/],
	['CIDR host bits', (s) => { find(s, 'client', 'laptop').options.address = ['192.168.78.1/24']; }, 'client.laptop.address[0]', /host bits set .*192\.168\.78\.0\/24/],
	['bad IPv6', (s) => { find(s, 'client', 'tv').options.address = ['fd77::10::1']; }, 'client.tv.address[0]', /not an IPv4\/IPv6/],
	['bad port', (s) => { s.filter((x) => x.type === 'rule')[4].options.port = ['70000']; }, 'client.laptop.rule[1].port[0]', /not a port/],
	['reversed range', (s) => { s.filter((x) => x.type === 'rule')[4].options.port = ['9000-8000']; }, 'client.laptop.rule[1].port[0]', /start is above its end/],
	['bad time', (s) => { s.filter((x) => x.type === 'rule')[1].options.start_time = '25:00'; }, 'client.kid.rule[0].start_time', /not a time of day/],
	['half window', (s) => { delete s.filter((x) => x.type === 'rule')[1].options.stop_time; }, 'client.kid.rule[0].stop_time', /needs both/],
	['bad weekday', (s) => { s.filter((x) => x.type === 'rule')[7].options.weekdays = ['Funday']; }, 'client.laptop.rule[4].weekdays[0]', /not a weekday/],
	['unknown upstream', (s) => { find(s, 'client', 'tv').options.upstream = 'nowhere'; }, 'client.tv.upstream', /unknown upstream "nowhere"/],
	['unknown ruleset', (s) => { find(s, 'client', 'tv').options.ruleset = ['nope']; }, 'client.tv.ruleset[0]', /unknown ruleset "nope"/],
	['overlapping clients', (s) => { find(s, 'client', 'tv').options.address = ['192.168.78.5']; }, 'client.laptop.address', /overlaps 192\.168\.78\.5 of client tv/],
	['duplicate MAC', (s) => { find(s, 'client', 'tv').options.mac = ['02:00:00:00:00:11']; }, 'client.kid.mac', /also client tv's/],
	['long interface name', (s) => { find(s, 'client', 'guest').options.interface = ['br-guest-network0']; }, 'client.guest.interface[0]', /longer than 15/],
	['upstream name too long for IFNAMSIZ', (s) => { find(s, 'upstream', 'eu').name = 'europe_frankfurt'; }, 'upstream.europe_frankfurt', /longer than 12/],
	['too many upstreams for the mask', (s) => { find(s, 'globals').options.mark_mask = '0x10000000'; }, 'globals.mark_mask', /room for 0 upstreams, 2 are defined/],
	['mask collides with mwan3', (s) => { find(s, 'globals').options.mark_mask = '0x0000ff00'; }, 'globals.mark_mask', /used by mwan3/],
	['non-contiguous mask', (s) => { find(s, 'globals').options.mark_mask = '0x50000000'; }, 'globals.mark_mask', /contiguous/],
	['peer outside the pool', (s) => { find(s, 'client', 'phone').options.address = ['10.99.0.2']; }, 'client.phone.address', /outside the server's address pools/],
	['peer without key', (s) => { delete find(s, 'client', 'phone').options.public_key; }, 'client.phone.public_key', /required for a peer/],
	['unknown option', (s) => { find(s, 'client', 'tv').options.colour = 'red'; }, 'client.tv.colour', /unknown option/],
	['ports on icmp', (s) => { s.filter((x) => x.type === 'rule')[6].options.port = ['80']; }, 'client.laptop.rule[3].proto', /ports need tcp/],
	['endpoint without port', (s) => { find(s, 'upstream', 'us').options.endpoint = 'us.vpn.example'; }, 'upstream.us.endpoint', /host:port/],
	['bad action', (s) => { find(s, 'client', 'tv').options.default = 'tunnel'; }, 'client.tv.default', /not an action/],
];

for (const [name, edit, path, msg] of CASES) {
	test(`check: ${name}`, () => {
		const p = problemsOf(edit);
		const hit = p.find((x) => x.path === path && msg.test(format(x)));
		assert.ok(hit, `expected ${path}: ${msg} in ${JSON.stringify(p, null, 1)}`);
		assert.equal(plan((() => { const s = home(); edit(s); return s; })()).plan, null, 'no plan from a config with errors');
	});
}

// Metacharacters that would change the meaning of nft, dnsmasq, UCI or shell text.
const PAYLOADS = [`x'y`, 'x"y', 'x;y', 'x#y', 'x{y', 'x}y', 'x\ny', 'x$(id)', 'x`id`', 'x\\y', 'x/y/z', 'x y;', 'x|y', 'x&y'];

test('injection corpus: every string value of every section is rejected with its path', () => {
	const base = home();
	let tried = 0;
	for (let si = 0; si < base.length; si++) {
		for (const [k, v] of Object.entries(base[si].options)) {
			for (const payload of PAYLOADS) {
				const s = home();
				const opts = s[si].options;
				if (Array.isArray(v)) opts[k] = [...v.slice(1), `${v[0]}${payload}`];
				else opts[k] = `${v}${payload}`;
				const problems = readConfig(s).problems;
				tried++;
				assert.ok(problems.some((p) => p.path.includes(k)), `${s[si].type} ${s[si].name}.${k} = ${JSON.stringify(opts[k])} was accepted: ${JSON.stringify(problems)}`);
			}
		}
	}
	assert.ok(tried > 800, `tried ${tried}`);
});

test('a section name with a control character is refused (ucode regexes match line by line)', () => {
	const name = 'tv\ntxt-record=evil.test,x';
	const r = readConfig([{ type: 'client', name, anonymous: false, options: { address: '192.168.1.9' } }]);
	assert.equal(r.config, null);
	assert.deepEqual(r.problems.map((p) => p.path), [`client.${name}`]);
	assert.match(format(r.problems[0]), /is not a name/);
});

// readList tests the whole list for control characters once and only then
// element by element: the problems must still name each element
test('list elements with control characters, empty or invalid are each named by their index', () => {
	const s = home();
	const rules = s.filter((x) => x.type === 'rule');
	rules[0].options.domain = ['a.test', 'b\n.test', 'c.test', 'd\x01x', 'Bad.test', '', '\n', 'e\x7f'];
	rules[0].options.dest = ['192.0.2.4', '192.0.2.5\t', ' ', '10.0.0.1/8'];
	rules[1].options.dest = ['10.0.0.1/8', '', '198.51.100.0/24', 'x'];   // no control character in this list
	const got = readConfig(s).problems.filter((p) => /\.(domain|dest)\[/.test(p.path)).map((p) => `${p.path} ${p.id}`);
	const r0 = 'ruleset.streaming.rule[0]', r1 = 'client.kid.rule[0]';
	assert.deepEqual(got, [
		`${r0}.domain[1] control_char`, `${r0}.domain[3] control_char`, `${r0}.domain[4] lower_case`, `${r0}.domain[5] empty`,
		`${r0}.domain[6] empty`, `${r0}.domain[7] control_char`,
		`${r0}.dest[1] control_char`, `${r0}.dest[2] empty`, `${r0}.dest[3] host_bits`,
		`${r1}.dest[0] host_bits`, `${r1}.dest[1] empty`, `${r1}.dest[3] not_ip_or_prefix`,
	]);
});

test('warnings: a device identified by one address family only (and nothing else)', () => {
	const warningsOf = (edit: (s: UciSection[]) => void) => { const s = home(); edit(s); const r = readConfig(s); assert.deepEqual(r.problems, []); return r.warnings; };
	assert.deepEqual(warningsOf(() => {}), [], 'the home config: every device covers both families');
	const v4 = warningsOf((s) => { find(s, 'client', 'tv').options.address = ['192.168.77.10']; });
	assert.deepEqual(v4.map((w) => w.path), ['client.tv.address']);
	assert.match(format(v4[0]), /^identifies IPv4 only: the device's IPv6 traffic \(SLAAC\/privacy addresses\) is not classified .* add its mac/);
	const v6 = warningsOf((s) => { find(s, 'client', 'tv').options.address = ['fd77::10']; });
	assert.match(format(v6[0]), /^identifies IPv6 only: the device's IPv4 traffic is not classified/);
	assert.deepEqual(warningsOf((s) => { find(s, 'client', 'tv').options.address = ['192.168.77.10']; find(s, 'client', 'tv').options.mac = ['02:00:00:00:00:10']; }), [], 'a mac covers both');
	assert.deepEqual(warningsOf((s) => { find(s, 'client', 'tv').options.address = ['192.168.77.10']; find(s, 'client', 'tv').options.enabled = '0'; }), [], 'disabled');
	assert.deepEqual(warningsOf((s) => { find(s, 'client', 'phone').options.address = ['10.77.0.2']; }), [], 'a peer is only its tunnel addresses');
	assert.deepEqual(warningsOf((s) => { find(s, 'client', 'tv').options.address = ['192.168.77.10']; find(s, 'globals').options.ipv6 = '0'; }), [], 'IPv6 off: nobody\'s IPv6 is classified');
	const off = warningsOf((s) => { find(s, 'client', 'tv').options.address = ['fd77::10']; find(s, 'globals').options.ipv6 = '0'; });
	assert.match(format(off[0]), /^identifies IPv6 only and globals.ipv6 is off: none of the device's traffic is classified/);
	assert.ok(plan((() => { const s = home(); find(s, 'client', 'tv').options.address = ['192.168.77.10']; return s; })()).plan, 'a warning does not stop the plan');
});
