// A rule fed by a list file, on the lab router configured by src/router's apply (real nft, md5sum
// and dnsmasq in swl-router; lab/router-env.ts): real packets follow the file's entries, and an
// edit of the file refills only its set — the table is not reloaded (rule handles, counters and
// every other set as they were), an established TCP connection keeps its path (its conntrack
// mark), and the new entry takes effect for new connections.
//
//   flock /tmp/swl-lab.lock npx vitest run --project lab lab/lists.test.ts     (as root)

import { test, beforeAll, afterAll } from 'vitest';
import assert from 'node:assert/strict';
import { NS, SERVICES } from './addresses.ts';
import { PATHS } from '../src/router/env.ts';
import { reloads } from '../test/router/fakes.ts';
import { assertPath, ruleCounters, ruleHandles, setElements, startLab, type Session } from './harness.ts';
import { labConfig, CLIENT_NS } from './lab-config.ts';
import { down } from './topology.ts';
import { SOURCE_OF, type Path, type Probe } from './traffic.ts';

const R = NS.router;
const LIST = '/etc/splitwg/lists/tv-b.txt';
// the tv's first rule: whatever its list file holds goes through upstream b (its default: direct)
const RULE = `
config rule
	option client 'tv'
	option name 'Listed via B'
	list list_file 'tv-b.txt'
	option action 'proxy'
	option upstream 'b'
`;

let s: Session;

const expectPath = (p: Probe, want: Path, why: string) => assertPath(s.lab, p, want, why);
const handles = () => ruleHandles(s.lab);
const elements = (set: string) => setElements(s.lab, set);

/** what the rule of the tv's list counted (its domain sets' rules and its list set's) */
async function listCount(): Promise<number> {
  return (await ruleCounters(s.lab, 'client_tv')).filter((r) => r.comment.startsWith('client.tv.rule[0]:')).reduce((n, r) => n + r.packets, 0);
}

beforeAll(async () => {
  s = await startLab({ mode: 'apply', config: (l) => labConfig(l.wg) });
  // the list file first, then the rule that names it
  assert.equal(await s.router!.writeFile(LIST, `# through b\n${SERVICES.web2}   # news.test\nlisted.test\n`), true);
  const text = s.text.replace("config client 'kid'", `${RULE}\nconfig client 'kid'`);
  assert.notEqual(text, s.text);
  await s.apply(text);
}, 240_000);

afterAll(async () => { await s?.close(); await down(); });

test('a rule fed by a list file routes real packets; a list edit refills only its set, the table and open connections stay', async () => {
  const files = await s.router!.files();
  assert.match(files.nft!, /ip daddr @c_tv_0_f4 counter goto up_b comment "client\.tv\.rule\[0\]: proxy via b"/);
  assert.match(files.nft!, /\tset c_tv_0_f4 \{[^\n]*\n\t\ttype ipv4_addr; flags interval; auto-merge;\n\t\}/, 'the list\'s elements are not in the table script');
  assert.deepEqual(await elements('c_tv_0_f4'), [SERVICES.web2]);

  await expectPath({ client: 'tv', dest: SERVICES.web2 }, 'b', 'listed in the file');
  await expectPath({ client: 'tv', dest: SERVICES.web3 }, 'direct', 'not listed: the tv\'s default');

  // a connection classified by the list (via b), held open across the edit
  const held = await s.lab.holdTcp(CLIENT_NS.tv, SERVICES.web2);
  try {
    const first = await held.send('before');
    assert.ok(!('error' in first), JSON.stringify(first));
    assert.equal(first.src, SOURCE_OF.b.v4, 'the held connection goes through b');

    const before = {
      handles: await handles(),
      counter: await listCount(),
      other: await elements('c_laptop_0_n4'),
      local: await elements('local4'),
    };
    assert.ok(before.counter > 0, 'the list rule counted the connections so far');

    // the edit: web2 leaves the list, web3 joins it
    await s.router!.writeFile(LIST, `# through b\n${SERVICES.web3}   # shop.test\nlisted.test\n`);
    const run = await s.router!.apply();
    assert.equal(run.result.ok, true, run.result.message);
    assert.match(run.result.message, /table kept, list set\(s\) refilled: c_tv_0_f4$/);
    assert.deepEqual(reloads(run.calls), [`nft -f ${PATHS.state}/next.nft`], `only the list set was loaded: ${run.calls.join('; ')}`);
    assert.deepEqual(run.calls.filter((c) => c.startsWith('conntrack')), [], 'no connection reset: a list edit reaches new connections');
    assert.deepEqual(run.requests, [], 'netifd, fw4 and dnsmasq not asked for anything');

    // not reloaded: every rule keeps its handle, the counters go on, the other sets hold what they held
    assert.equal(await handles(), before.handles);
    const after = await listCount();
    assert.ok(after >= before.counter, `counter ${before.counter} → ${after}: not reset`);
    assert.deepEqual(await elements('c_laptop_0_n4'), before.other);
    assert.deepEqual(await elements('local4'), before.local);
    assert.deepEqual(await elements('c_tv_0_f4'), [SERVICES.web3]);

    // the established connection keeps its path (its conntrack mark), new ones follow the list
    const again = await held.send('after');
    assert.ok(!('error' in again), `the established connection survives the list edit: ${JSON.stringify(again)}`);
    assert.equal(again.src, SOURCE_OF.b.v4, 'and still goes through b');
    assert.equal(again.srcPort, first.srcPort, 'the same TCP connection');
    await expectPath({ client: 'tv', dest: SERVICES.web3 }, 'b', 'the new entry, for a new connection');
    await expectPath({ client: 'tv', dest: SERVICES.web2 }, 'direct', 'the removed entry, for a new connection');
  } finally {
    await held.close();
  }

  // nothing changed since: nothing is loaded
  const same = await s.router!.apply();
  assert.match(same.result.message, /^no change/);
  assert.deepEqual(reloads(same.calls), []);
});
