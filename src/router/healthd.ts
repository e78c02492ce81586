// /usr/share/splitwg/health.uc: the health checker, the only resident part
// of splitwg — procd's instance `health` of /etc/init.d/splitwg, started
// only when `splitwg health --needed` says so (a group, or a probe). A
// uloop timer runs one tick (health.ts) every shortest probe_interval; a
// changed /etc/config/splitwg is read again on the next tick. uloop lives
// here only: router.uc and core.uc must load in a plain ucode without it.
import { realEnv, tick, readWatch, readHealth, healthNeeded } from './index';
import type { Watch, HealthFile } from './index';
import { init, run, timer } from 'uloop';

const env = realEnv();
let digest = env.configDigest('splitwg');
let watch: Watch | null = readWatch(env);
// what it knew when it last ran (procd respawned it): a member down stays down
let last: HealthFile | null = readHealth(env);
let first = true;
let t: any = null;

function beat(): void {
	const d = env.configDigest('splitwg');
	if (d !== digest) {
		digest = d;
		// an invalid config: keep watching by the last valid one (apply refuses it too)
		watch = readWatch(env) ?? watch;
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
