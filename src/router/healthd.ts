// /usr/share/splitwg/health.uc: the health checker, the only resident part
// of splitwg — procd's instance `health` of /etc/init.d/splitwg, started
// only when `splitwg health --needed` says so (a group, or a probe). A
// uloop timer runs one tick (health.ts) every shortest probe_interval; what
// it watches is the last apply's (health.ts WATCH_FILE), read again when it
// changed. Built `inline` (tools/build.mjs): the few core functions it calls
// are bundled in, splitwg.core and splitwg.router are not loaded — and uloop
// lives here only: router.uc and core.uc must load in a plain ucode without it.
import { realEnv } from './realenv';
import { tick, readWatchFile, readHealth, healthNeeded } from './health';
import type { Watch, HealthFile } from './health';
import { init, run, timer } from 'uloop';

const env = realEnv();
let text: string | null = null;
let watch: Watch | null = null;
// what it knew when it last ran (procd respawned it): a member down stays down
let last: HealthFile | null = readHealth(env);
let first = true;
let t: any = null;

function beat(): void {
	const f = readWatchFile(env);
	// (no file: nothing applied yet, or nothing to watch any more — procd stops it on the next reload)
	if (f !== null && f.text !== text) {
		text = f.text;
		watch = f.watch;
		first = true;
	}
	if (watch && healthNeeded(watch)) {
		last = tick(env, watch, last, first);
		first = false;
	}
	t.set(int((watch ? watch.interval : 5) * 1000));
}

init();
t = timer(1, beat);
run();
