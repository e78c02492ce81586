// Time builtins (src/ucode/shim/time.ts): ucode's struct tm fields and
// mktime()'s isdst handling.
import { test } from 'vitest';
import assert from 'node:assert/strict';
import * as S from '../../src/ucode/shim';

const { time, clock, localtime, gmtime, timelocal, timegm, sleep } = S;

test('time: gmtime/timegm with ucode\'s fields (mon 1-12, full year, Sunday = 7, yday from 1)', () => {
	assert.deepEqual(gmtime(0), { sec: 0, min: 0, hour: 0, mday: 1, mon: 1, year: 1970, wday: 4, yday: 1, isdst: 0 });
	assert.deepEqual(gmtime(1647953502), { sec: 42, min: 51, hour: 12, mday: 22, mon: 3, year: 2022, wday: 2, yday: 81, isdst: 0 });
	assert.equal(gmtime(1700352000)!.wday, 7); // a Sunday
	assert.deepEqual(gmtime(-1), { sec: 59, min: 59, hour: 23, mday: 31, mon: 12, year: 1969, wday: 3, yday: 365, isdst: 0 });
	assert.deepEqual(
		[timegm({ year: 2022, mon: 3, mday: 22, hour: 13, min: 51, sec: 42 }), timegm({ year: 122, mon: 3, mday: 22 }), timegm({ year: 2022, mon: 0, mday: 1 }),
			timegm({ year: 2022, mon: 13, mday: 1 }), timegm({ year: 2022, mon: 3 } as never), timegm(5 as never), timegm({ year: 1969, mon: 12, mday: 31, hour: 23, min: 59, sec: 59 })],
		[1647957102, 1647907200, 1640995200, 1672531200, null, null, null]);
	assert.equal(timegm({ year: 2024, mon: 1, mday: 1, hour: 25, min: -5 }), 1704156900);
	const t = time();
	assert.ok(Number.isInteger(t) && Math.abs(t - Date.now() / 1000) < 2);
	const c = clock()!, m = clock(true)!;
	assert.ok(c.length === 2 && Math.abs(c[0] - t) < 2 && c[1] >= 0 && c[1] < 1e9);
	assert.ok(m.length === 2 && m[1] >= 0 && m[1] < 1e9);
	assert.equal(sleep(0), false);
	assert.equal(sleep(1), true);
});

test('time: localtime/timelocal follow TZ (isdst, standard time when isdst is missing)', (t) => {
	const saved = process.env.TZ;
	process.env.TZ = 'Europe/Berlin';
	try {
		if (new Date(1690000000000).getTimezoneOffset() !== -120) { t.skip('no time zone data'); return; }
		assert.deepEqual(localtime(1690000000), { sec: 40, min: 26, hour: 6, mday: 22, mon: 7, year: 2023, wday: 6, yday: 203, isdst: 1 });
		assert.equal(localtime(1700000000)!.isdst, 0);
		assert.equal(timelocal(localtime(1690000000)!), 1690000000);
		assert.equal(timelocal({ year: 2023, mon: 7, mday: 1, hour: 12 }), 1688209200); // isdst 0: read as CET (UTC+1), as mktime does
		assert.equal(timelocal({ year: 2023, mon: 7, mday: 1, hour: 12, isdst: -1 }), 1688205600);
	} finally {
		if (saved === undefined) delete process.env.TZ; else process.env.TZ = saved;
	}
});
