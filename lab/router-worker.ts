// The router side of the lab's apply path, in a worker thread (see apply-router.ts for the main
// side). src/router's Env is synchronous; the lab is asynchronous and lives in the main thread. So
// the transaction runs here, and when it asks for netifd / fw4 / dnsmasq, realise() posts the
// request to the main thread and blocks (Atomics.wait) until the main thread has realised it and
// answered — the apply sees the outcome at the moment it asks, as on a router.

import './ucode-globals.ts';
import { parentPort, receiveMessageOnPort, workerData, type MessagePort } from 'node:worker_threads';
import { apply, stop } from '../src/router/apply.ts';
import { doctor } from '../src/router/doctor.ts';
import { stats } from '../src/router/status.ts';
import { hotplug } from '../src/router/hotplug.ts';
import { updateLists } from '../src/router/subscriptions.ts';
import { tick, readWatchFile, type HealthFile } from '../src/router/health.ts';
import { PATHS, type RunResult } from '../src/router/env.ts';
import { labRouterEnv, type LabRouter, type RealiseRequest } from './router-env.ts';

export interface WorkerInit { root: string; dnsConfDir: string; dnsPidFile: string; splitwg: string; port: MessagePort; flag: SharedArrayBuffer }

export type WorkerOp =
  | { op: 'apply'; dryRun?: boolean }
  | { op: 'stop' }
  | { op: 'updateLists'; name: string | null }
  | { op: 'doctor' }
  | { op: 'stats' }
  | { op: 'hotplug'; action: string; iface: string }
  | { op: 'healthTick' }
  | { op: 'config'; name: string; text: string }
  | { op: 'text'; name: string }
  | { op: 'files' }
  | { op: 'fail'; pattern: string; result: RunResult; times: number }
  | { op: 'nftEnv'; env: Record<string, string> }
  | { op: 'binDirs'; dirs: string[] }
  | { op: 'pending'; config: string; changes: unknown[][] }
  | { op: 'write'; path: string; text: string | null };

const init = workerData as WorkerInit;
const flag = new Int32Array(init.flag);
const REALISE_TIMEOUT_MS = 120_000;

function realise(req: RealiseRequest): RunResult {
  Atomics.store(flag, 0, 0);
  init.port.postMessage(req);
  if (Atomics.wait(flag, 0, 0, REALISE_TIMEOUT_MS) === 'timed-out')
    return { code: 124, stdout: '', stderr: `lab: realising ${req.what} did not finish in ${REALISE_TIMEOUT_MS} ms` };
  const m = receiveMessageOnPort(init.port);
  return m ? (m.message as RunResult) : { code: 1, stdout: '', stderr: `lab: no answer realising ${req.what}` };
}

const router: LabRouter = labRouterEnv({ ...init, realise });
/** the health checker's states between ticks, as the resident checker keeps them */
let health: HealthFile | null = null;

/** calls and logs since the previous op */
function drain() {
  const out = { calls: [...router.calls], logs: [...router.logs] };
  router.calls.length = 0; router.logs.length = 0;
  return out;
}

function handle(m: WorkerOp): unknown {
  switch (m.op) {
    case 'apply': return { result: apply(router.env, { dryRun: m.dryRun ?? false }), ...drain() };
    case 'stop': return { result: stop(router.env), ...drain() };
    case 'updateLists': return { result: updateLists(router.env, m.name, false, apply), ...drain() };
    case 'doctor': return { result: doctor(router.env), ...drain() };
    case 'stats': return { result: stats(router.env), ...drain() };
    case 'hotplug': return { result: hotplug(router.env, m.action, m.iface), ...drain() };
    case 'healthTick': { const w = readWatchFile(router.env)?.watch; if (w) health = tick(router.env, w, health, health === null); return { result: health, ...drain() }; }
    case 'config': router.uci.setText(m.name, m.text); return null;
    case 'text': return router.uci.text(m.name);
    case 'files': return {
      nft: router.env.fs.read(PATHS.nft),
      dnsmasq: router.env.fs.read(`/tmp/dnsmasq.${router.dnsSection}.d/${PATHS.dnsmasqFile}`),
      state: router.env.fs.read(`${PATHS.state}/state.json`),
    };
    case 'fail': router.fail.push({ pattern: new RegExp(m.pattern), result: m.result, times: m.times }); return null;
    case 'nftEnv': router.nftEnv = m.env; return null;
    case 'binDirs': router.binDirs = m.dirs; return null;
    case 'write': {
      const fs = router.env.fs;
      if (m.text === null) return fs.unlink(m.path);
      fs.mkdirp(m.path.slice(0, m.path.lastIndexOf('/')));
      return fs.write(m.path, m.text);
    }
    case 'pending': if (m.changes.length) router.uci.pending[m.config] = m.changes; else delete router.uci.pending[m.config]; return null;
  }
}

parentPort!.on('message', ({ id, msg }: { id: number; msg: WorkerOp }) => {
  try {
    parentPort!.postMessage({ id, value: handle(msg) });
  } catch (e) {
    parentPort!.postMessage({ id, error: `${(e as Error).stack ?? e}` });
  }
});
