// Router-side logic shared by the `splitwg` command and the rpcd plugin
// (/usr/share/ucode/splitwg/router.uc). Everything but realenv.ts goes
// through the Env interface (env.ts), so tests drive it in Node with fakes.
import './core';
export { realEnv } from './realenv';
export { runCommand } from './command';
export { methods } from './api';
export { apply, applyPlan, stop } from './apply';
export { status, stats } from './status';
export { listReport } from './lists';
export { hotplug } from './hotplug';
export { sectionsFromCursor } from './sections';
// (bench/ctbytes.uc)
export { ctTotals, bytesByClient } from './ctbytes';
// (the health checker, healthd.ts)
export { tick, readWatchFile, readHealth, healthNeeded } from './health';
export type { Watch, HealthFile } from './health';
