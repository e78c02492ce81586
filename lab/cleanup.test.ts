// Nothing is left behind — after the demo succeeds, and after a lab run that fails in the middle
// of a scenario (uncaught exception, SIGTERM, SIGINT, a realiser error, SIGKILL + lab/cleanup.ts):
// no swl-* namespaces, host links / routes / rules / nft tables, wireguard-go / dnsmasq / echo /
// agent / tcpdump processes, wireguard-go sockets or /tmp/swl-* files.
//
//   npx vitest run lab/cleanup.test.ts     (as root)

import { test, beforeAll } from 'vitest';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { hostSnapshot, labLikeProcesses, newLabProcesses, type HostSnapshot } from './hostcheck.ts';

const LAB = dirname(fileURLToPath(import.meta.url));
const REPO = dirname(LAB);
let hostBefore: HostSnapshot;
let procsBefore: Set<string>;

beforeAll(() => {
  hostBefore = hostSnapshot();
  procsBefore = labLikeProcesses();
  assert.deepEqual(hostBefore.netns, [], 'start from a host without swl-* namespaces (run lab/cleanup.ts)');
});

interface Run { code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string; lines: Record<string, unknown>[] }

/** run a lab program as a child; `onLine` may signal it */
function runChild(script: string, args: string[], onLine?: (l: Record<string, unknown>, pid: number) => void, timeoutMs = 90_000): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', join(LAB, script), ...args], { cwd: REPO, stdio: ['ignore', 'pipe', 'pipe'] });
    const r: Run = { code: null, signal: null, stdout: '', stderr: '', lines: [] };
    const timer = setTimeout(() => { child.kill('SIGKILL'); reject(new Error(`${script} ${args.join(' ')} did not finish in ${timeoutMs} ms:\n${r.stdout}\n${r.stderr}`)); }, timeoutMs);
    let buf = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => {
      r.stdout += d; buf += d;
      let nl: number;
      while ((nl = buf.indexOf('\n')) >= 0) {
        const line = buf.slice(0, nl); buf = buf.slice(nl + 1);
        if (!line.startsWith('{')) continue;
        try { const o = JSON.parse(line); r.lines.push(o); onLine?.(o, child.pid!); } catch { /* not JSON */ }
      }
    });
    child.stderr.setEncoding('utf8').on('data', (d: string) => { r.stderr += d; });
    child.on('close', (code, signal) => { clearTimeout(timer); r.code = code; r.signal = signal; resolve(r); });
  });
}

function assertClean(what: string): void {
  const now = hostSnapshot();
  assert.deepEqual(now.netns, [], `${what}: swl-* namespaces left`);
  assert.deepEqual(now, hostBefore, `${what}: the host changed`);
  assert.deepEqual(newLabProcesses(procsBefore), [], `${what}: lab processes left`);
}

const milestone = (r: Run, m: string) => r.lines.find((l) => l.milestone === m);

test('the demo: exit 0, a table of predicted vs observed paths, and the host unchanged', async () => {
  const r = await runChild('demo.ts', []);
  assert.equal(r.code, 0, `demo failed:\n${r.stdout}\n${r.stderr}`);
  assert.match(r.stdout, /expected \(explain\)\s+observed \(source the internet saw\)/);
  assert.match(r.stdout, /^phone\s+video\.test tcp\/80 → 192\.0\.2\.10\s+a: Video .*a \(203\.0\.113\.10\)\s+ok$/m);
  assert.match(r.stdout, /all \d+ paths as explain\(\) predicted/);
  assert.match(r.stdout, /host unchanged/);
  assert.doesNotMatch(r.stdout + r.stderr, /\n\s+at .*\(.*:\d+:\d+\)/, 'no stack trace');
  assertClean('after the demo');
});

/** a copy of lab/demo.conf with `from` replaced by `to`, in a scratch directory */
function demoCopy(from: string, to: string): { file: string; done: () => void } {
  const text = readFileSync(join(LAB, 'demo.conf'), 'utf8');
  assert.equal(text.split(from).length, 2, `"${from}" occurs once in lab/demo.conf`);
  const dir = mkdtempSync(join(tmpdir(), 'splitwg-demo-'));
  const file = join(dir, 'my.conf');
  writeFileSync(file, text.replace(from, to));
  return { file, done: () => rmSync(dir, { recursive: true, force: true }) };
}

test('the demo --config FILE: the user\'s file is the one run (one rule changed: kid\'s shop.test direct)', async () => {
  const c = demoCopy("option name 'No shopping'\n\tlist domain 'shop.test'\n\toption action 'block'", "option name 'Shopping direct'\n\tlist domain 'shop.test'\n\toption action 'direct'");
  try {
    const r = await runChild('demo.ts', ['--config', c.file]);
    assert.equal(r.code, 0, `demo failed:\n${r.stdout}\n${r.stderr}`);
    assert.match(r.stdout, new RegExp(`^config: ${c.file.replace(/[.+]/g, '\\$&')}$`, 'm'), 'the path of the file run, at the start');
    assert.match(r.stdout, /^kid\s+shop\.test tcp\/80 → 192\.0\.2\.30\s+direct: Shopping direct \(rule\[1\]\)\s+direct \(198\.51\.100\.2\)\s+ok$/m);
    assert.match(r.stdout, /all \d+ paths as explain\(\) predicted/);
  } finally { c.done(); }
  assertClean('after the demo with a copy');
});

test('the demo --config FILE with problems: each with its path, exit 3, nothing built', async () => {
  const c = demoCopy("option endpoint '203.0.113.10:51820'", "option endpoint 'vpn.example.org:51820'\n\toption mtu 'big'");
  try {
    const r = await runChild('demo.ts', ['--config', c.file]);
    assert.equal(r.code, 3, `${r.stdout}\n${r.stderr}`);
    assert.match(r.stderr, /^upstream\.a\.mtu: /m, 'the core\'s check first');
    assert.match(r.stderr, /nothing was built/);
    assert.doesNotMatch(r.stdout, /•/, 'no step ran: not even the tools check');
    const fits = demoCopy("option endpoint '203.0.113.10:51820'", "option endpoint 'vpn.example.org:51820'");
    try {
      const r2 = await runChild('demo.ts', ['--config', fits.file]);
      assert.equal(r2.code, 3);
      assert.match(r2.stderr, /^upstream\.a\.endpoint: VPS a is at 203\.0\.113\.10:51820$/m, 'then whether it fits the lab');
      assert.doesNotMatch(r2.stdout, /•/);
    } finally { fits.done(); }
  } finally { c.done(); }
  assertClean('after a rejected config');
});

test('an uncaught exception in the middle of a scenario: the exit handler removes everything', async () => {
  const r = await runChild('crash-child.ts', ['throw']);
  assert.ok(milestone(r, 'scenario running'), `the scenario was running:\n${r.stdout}\n${r.stderr}`);
  assert.notEqual(r.code, 0);
  assert.match(r.stderr, /forced failure in the middle of a scenario/);
  assertClean('after an uncaught exception');
});

for (const sig of ['SIGTERM', 'SIGINT'] as const) {
  test(`${sig} in the middle of a scenario: the signal handler removes everything`, async () => {
    const r = await runChild('crash-child.ts', ['signal'], (l, pid) => { if (l.milestone === 'READY') process.kill(pid, sig); });
    assert.ok(milestone(r, 'READY'), `the scenario was running:\n${r.stdout}\n${r.stderr}`);
    assert.equal(r.code, sig === 'SIGINT' ? 130 : 143, r.stderr);
    assert.match(r.stderr, new RegExp(`${sig}: tearing the lab down`));
    assertClean(`after ${sig}`);
  });
}

test('a realiser failure names the step, namespace and command; the caller\'s down() removes everything', async () => {
  const r = await runChild('crash-child.ts', ['realise-error']);
  const f = milestone(r, 'realise failed') as { name: string; step: string; ns: string; command: string; message: string } | undefined;
  assert.ok(f, `the broken plan must fail:\n${r.stdout}\n${r.stderr}`);
  assert.equal(f.name, 'RealiseError');
  assert.equal(f.step, 'nft: check the table (nft -c)');
  assert.equal(f.ns, 'swl-router');
  assert.match(f.command, /^nft -c -f -/);
  assert.match(f.message, /\[swl-router\] command failed \(exit 1\): nft -c -f -/);
  assert.equal(r.code, 3);
  assertClean('after a realiser failure');
});

test('SIGKILL in the middle of a scenario: lab/cleanup.ts removes what was left', async () => {
  let stateDir = '';
  const r = await runChild('crash-child.ts', ['signal'], (l, pid) => {
    if (l.milestone === 'scenario running') stateDir = String(l.stateDir);
    if (l.milestone === 'READY') process.kill(pid, 'SIGKILL');
  });
  assert.equal(r.signal, 'SIGKILL');
  assert.ok(stateDir && existsSync(stateDir), 'a SIGKILLed lab leaves its state dir');
  assert.notDeepEqual(hostSnapshot().netns, [], 'and its namespaces');
  const c = await runChild('cleanup.ts', []);
  assert.equal(c.code, 0, c.stderr);
  assert.match(c.stderr, /namespaces: .*swl-router/);
  await new Promise((res) => setTimeout(res, 200)); // zombies of the killed run are reaped by init
  assertClean('after SIGKILL + lab/cleanup.ts');
});
