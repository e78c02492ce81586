// Generated from src/router/healthd.ts by `npm run build` — edit the TypeScript, not this file.
'use strict';

import { realEnv, tick, readWatch, readHealth, healthNeeded } from "splitwg.router";
import { init, run, timer } from "uloop";
// src/router/healthd.ts

let env = realEnv();
let digest = env.configDigest("splitwg");
let watch = readWatch(env);
let last = readHealth(env);
let first = true;
let t = null;
function beat() {
  const d = env.configDigest("splitwg");
  if (d !== digest) {
    digest = d;
    watch = readWatch(env) ?? watch;
    first = true;
  }
  if (watch && healthNeeded(watch)) {
    last = tick(env, watch, last, first);
    first = false;
  }
  t.set(int((watch ? watch.interval : 5) * 1e3));
}
init();
t = timer(1, beat);
run();
