// A list subscription on the lab router configured by src/router's apply (lab/router-env.ts): the
// list source is busybox httpd in swl-inet, the router fetches with "uclient-fetch" (lab/bin: a
// curl stand-in, Debian has none) through its own `sh -c … | head -c` pipeline, for real. The
// first apply fetches the missing list and real packets follow it; a 404, an oversized body and
// a source that is down each leave the previous copy and its set in force (packets still follow
// it); a changed list refills only its set, the table is not reloaded.
//
//   flock /tmp/swl-lab.lock npx vitest run --project lab lab/subscriptions.test.ts     (as root)

import { test, beforeAll, afterAll } from 'vitest';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { LINKS, NS, SERVICES } from './addresses.ts';
import { PATHS } from '../src/router/env.ts';
import { reloads } from '../test/router/fakes.ts';
import { assertPath, ruleHandles, setElements, startLab, type Session } from './harness.ts';
import { labConfig } from './lab-config.ts';
import { spawnBg, trySh, waitFor, type BgProcess } from './netns.ts';
import { down } from './topology.ts';

const R = NS.router;
const SRC = `${LINKS.router.inet4}:8765`;
const LIST_URL = `http://${SRC}/tv-b.txt`;
// the tv's first rule: whatever the subscription holds goes through upstream b (its default: direct)
const CONFIG = `
config subscription 'tvb'
	option url '${LIST_URL}'
	option max_size '1'

config rule
	option client 'tv'
	option name 'Subscribed via B'
	list list_file 'tvb'
	option action 'proxy'
	option upstream 'b'
`;

let s: Session;
let www: string;
let server: BgProcess | null = null;

async function serve(): Promise<void> {
  server = spawnBg(NS.inet, 'list-source', ['busybox', 'httpd', '-f', '-p', SRC, '-h', www]);
  await waitFor(async () => (await trySh(R, ['curl', '-fsS', '-o', '/dev/null', LIST_URL])).code === 0, 10_000, () => 'the list source answers', 100);
}

const publish = (text: string) => writeFileSync(join(www, 'tv-b.txt'), text);

beforeAll(async () => {
  www = mkdtempSync(join(tmpdir(), 'swl-www-'));
  publish(`# through b\n${SERVICES.web2}\n`);
  s = await startLab({ mode: 'apply', config: (l) => labConfig(l.wg) });
  await s.router!.setBinDirs([fileURLToPath(new URL('./bin', import.meta.url))]);
  await serve();
  const text = s.text.replace("config client 'kid'", `${CONFIG}\nconfig client 'kid'`);
  assert.notEqual(text, s.text);
  await s.apply(text);
}, 240_000);

afterAll(async () => {
  await server?.stop();
  await s?.close();
  await down();
  rmSync(www, { recursive: true, force: true });
});

test('a subscribed list fills its set; a failed or oversized download leaves it in force; a change refills only its set', async () => {
  const files = await s.router!.files();
  assert.match(files.nft!, /ip daddr @c_tv_0_f4 counter goto up_b comment "client\.tv\.rule\[0\]: proxy via b"/);
  assert.deepEqual(await setElements(s.lab, 'c_tv_0_f4'), [SERVICES.web2], 'filled from the download');
  await assertPath(s.lab, { client: 'tv', dest: SERVICES.web2 }, 'b', 'in the downloaded list');
  await assertPath(s.lab, { client: 'tv', dest: SERVICES.web3 }, 'direct', 'not in it: the tv\'s default');
  const handles = await ruleHandles(s.lab);

  // three failures, each with the previous copy (and its set) left in force
  const failures: [string, () => Promise<void>, RegExp][] = [
    ['404', async () => { rmSync(join(www, 'tv-b.txt')); }, /^download failed: .*404/],
    ['oversized', async () => { publish(`${SERVICES.web3}\n`.repeat(200)); }, /^the download is larger than max_size \(1 KiB\)$/],
    ['source down', async () => { await server!.stop(); }, /^download failed: /],
  ];
  for (const [what, make, want] of failures) {
    await make();
    const run = await s.router!.updateLists();
    const l = run.result.lists[0]!;
    assert.ok(l.error, `${what}: an error`);
    assert.match(l.error.message, want, what);
    assert.equal(l.changed, false);
    assert.equal(run.result.applied, null, `${what}: nothing applied`);
    assert.deepEqual(reloads(run.calls), [], `${what}: nothing loaded: ${run.calls.join('; ')}`);
    assert.deepEqual(await setElements(s.lab, 'c_tv_0_f4'), [SERVICES.web2], `${what}: the set holds the previous copy`);
    assert.equal(await ruleHandles(s.lab), handles);
  }
  await assertPath(s.lab, { client: 'tv', dest: SERVICES.web2 }, 'b', 'after the failures: still the previous list');
  const kept = await s.router!.files();
  assert.equal(kept.nft, files.nft);

  // the source back with a changed list: only its set is refilled
  publish(`# through b\n${SERVICES.web3}\n`);
  await serve();
  const run = await s.router!.updateLists('tvb');
  assert.equal(run.result.lists[0]!.error, null);
  assert.equal(run.result.lists[0]!.changed, true);
  assert.equal(run.result.applied?.ok, true, run.result.applied?.message);
  assert.match(run.result.applied!.message, /table kept, list set\(s\) refilled: c_tv_0_f4$/);
  assert.deepEqual(reloads(run.calls), [`nft -f ${PATHS.state}/next.nft`], `only the list set was loaded: ${run.calls.join('; ')}`);
  assert.deepEqual(run.requests, [], 'netifd, fw4 and dnsmasq not asked for anything');
  assert.equal(await ruleHandles(s.lab), handles, 'the table was not reloaded');
  assert.deepEqual(await setElements(s.lab, 'c_tv_0_f4'), [SERVICES.web3]);
  await assertPath(s.lab, { client: 'tv', dest: SERVICES.web3 }, 'b', 'the new entry');
  await assertPath(s.lab, { client: 'tv', dest: SERVICES.web2 }, 'direct', 'the removed entry');

  // the same list again: nothing loaded
  const same = await s.router!.updateLists();
  assert.equal(same.result.lists[0]!.changed, false);
  assert.deepEqual(reloads(same.calls), []);
  assert.equal((await s.router!.files()).nft, files.nft);
});
