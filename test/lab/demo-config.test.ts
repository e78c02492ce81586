// lab/demo.conf, the demo's config: a file a user can read and copy; the lab fills in its keys,
// checks a user's copy against the lab's hosts, and makes the scenarios' variants from it.
import { test } from 'vitest';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { checkDemoConfig, DEMO_CONF, KEY_PLACEHOLDERS, labConfig } from '../../lab/lab-config.ts';
import type { LabWg } from '../../lab/topology.ts';
import { parseUci, readConfig } from '../../src/core/index.ts';

const TEXT = readFileSync(DEMO_CONF, 'utf8');
// well-formed keys that say whose they are
const key = (s: string) => s.padEnd(42, '0') + 'A=';
const kp = (n: string) => ({ privateKey: key(`${n}+private`), publicKey: key(`${n}+public`) });
const WG = {
  upstreams: { a: { router: kp('router+a'), server: kp('vps+a') }, b: { router: kp('router+b'), server: kp('vps+b') } },
  server: kp('server'), phone: kp('phone'),
} as unknown as LabWg;

/** lab/demo.conf with `from` replaced by `to` (exactly once) */
function edited(from: string, to: string): string {
  assert.equal(TEXT.split(from).length, 2, `"${from}" occurs once in lab/demo.conf`);
  return TEXT.replace(from, to);
}
const problemsOf = (text: string) => checkDemoConfig(text, 'my.conf').problems;

test('lab/demo.conf passes the core\'s check as it is, and fits the lab', () => {
  const r = checkDemoConfig(TEXT, 'lab/demo.conf');
  assert.deepEqual(r.problems, []);
  assert.ok(r.config);
  assert.deepEqual(r.config.clients.map((c) => c.name), ['tv', 'kid', 'laptop', 'phone']);
});

test('labConfig: the file with every key placeholder replaced by the lab\'s key', () => {
  const text = labConfig(WG);
  for (const p of Object.values(KEY_PLACEHOLDERS)) assert.ok(!text.includes(p), `${p} replaced`);
  const s = parseUci(text).sections;
  const opt = (type: string, name: string, o: string) => s.find((x) => x.type === type && x.name === name)!.options[o];
  assert.equal(opt('server', 'server', 'private_key'), key('server+private'));
  assert.equal(opt('upstream', 'a', 'private_key'), key('router+a+private'));
  assert.equal(opt('upstream', 'a', 'public_key'), key('vps+a+public'));
  assert.equal(opt('upstream', 'b', 'private_key'), key('router+b+private'));
  assert.equal(opt('upstream', 'b', 'public_key'), key('vps+b+public'));
  assert.equal(opt('client', 'phone', 'public_key'), key('phone+public'));
});

test('labConfig variants: the kid\'s window moved, upstream b without IPv6, extra text; nothing else changed', () => {
  const base = parseUci(labConfig(WG)).sections;
  const v = parseUci(labConfig(WG, { kidWindow: { start: '01:00', stop: '02:00' }, upstreamV6: { b: false }, extra: 'config rule\n\toption client \'tv\'\n\tlist domain \'x.test\'\n' })).sections;
  assert.equal(v.length, base.length + 1);
  const changed = v.slice(0, base.length).map((s, i) => JSON.stringify(s) === JSON.stringify(base[i]) ? null : s).filter((s) => s);
  assert.deepEqual(changed.map((s) => [s!.type, s!.name]), [['upstream', 'b'], ['rule', '@rule[3]']]);
  assert.deepEqual(v.find((s) => s.name === 'b')!.options.address, ['10.200.2.2/32']);
  const w = v.find((s) => s.name === '@rule[3]')!.options;
  assert.deepEqual([w.client, w.start_time, w.stop_time], ['kid', '01:00', '02:00']);
  assert.ok(readConfig(v).config, 'the variant is valid');
});

test('a copy with one rule changed passes', () => {
  const text = edited("list domain 'shop.test'\n\toption action 'block'", "list domain 'shop.test'\n\toption action 'direct'");
  assert.deepEqual(problemsOf(text), []);
});

test('a copy without a LAN device passes (its probes are left out)', () => {
  const text = edited("config client 'tv'\n\toption kind 'device'\n\tlist address '192.168.77.10'\n\tlist address 'fd77::10'\n\toption default 'direct'\n\toption upstream 'a'\n\tlist ruleset 'streaming'\n", '');
  assert.deepEqual(problemsOf(text), []);
});

test('a syntax error: FILE:LINE', () => {
  assert.deepEqual(problemsOf(edited("option name 'Video via B'", "option name 'Video via B")).map((p) => p.replace(/:\d+:/, ':N:')), ['my.conf:N: unterminated single quote']);
});

test('the core\'s problems, with their paths', () => {
  const p = problemsOf(edited("list domain 'shop.test'\n\toption action 'block'", "list domain 'shop.test'\n\toption action 'blok'"));
  assert.equal(p.length, 1, p.join('\n'));
  assert.match(p[0]!, /^client\.kid\.rule\[1\]\.action: .*blok/);
});

test('what does not fit the lab\'s hosts: each named by its path', () => {
  const cases: [string, string, RegExp][] = [
    ["option endpoint '203.0.113.10:51820'", "option endpoint 'vpn.example.org:51820'", /^upstream\.a\.endpoint: VPS a is at 203\.0\.113\.10:51820$/],
    ["list address '10.200.1.2/32'", "list address '10.200.9.2/32'", /^upstream\.a\.address\[0\]: VPS a knows the router's end as 10\.200\.1\.2\/32/],
    [KEY_PLACEHOLDERS.upB, 'GBp0ZhcYM0uZNnHkhUZk9yQzrJpV1hRmfdGSYkU8v2E=', /^upstream\.b\.private_key: the lab makes this key on every run: write 'lab\+fills\+in\+upstream\+b\+private\+key0+A='$/],
    ["list address '192.168.77.11'", "list address '192.168.77.99'", /^client\.kid\.address\[0\]: the lab's kid is 192\.168\.77\.11 \/ fd77::11$/],
    ["option listen_port '51820'", "option listen_port '51999'", /^server\.listen_port: the phone connects to port 51820$/],
  ];
  const third = `\nconfig upstream 'us'\n\toption private_key '${KEY_PLACEHOLDERS.upA}'\n\tlist address '10.9.0.2/32'\n\toption public_key '${KEY_PLACEHOLDERS.vpsA}'\n\toption endpoint 'us.vpn.example:51820'\n`;
  assert.match(problemsOf(TEXT + third).join('\n'), /^upstream\.us: the lab has two VPSes: upstream 'a' \(203\.0\.113\.10:51820\) and upstream 'b' \(203\.0\.113\.20:51820\)$/m);
  assert.match(problemsOf(`${TEXT}\nconfig client 'desktop'\n\tlist address '192.168.77.50'\n`).join('\n'), /^client\.desktop: no lab host for this client: the lab's hosts are tv, kid, laptop \(LAN devices\) and phone \(a peer\)$/m);
  for (const [from, to, want] of cases) {
    const p = problemsOf(edited(from, to));
    assert.ok(p.some((x) => want.test(x)), `${from} → ${to}: ${want} in\n  ${p.join('\n  ')}`);
  }
});
