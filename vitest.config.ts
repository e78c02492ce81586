// The test suites (vitest). One run, one summary. Projects (unit and slow together, then lab, then openwrt):
//   unit     test/**: unit, golden and conformance-style tests, files in parallel     (npm run test:fast)
//   slow     the test/** files listed in SLOW (property runs, many processes)       (npm run test:unit: both)
//   lab      lab/*.test.ts, lab/diff: network namespaces, root only, one file at a time (npm run lab)
//   openwrt  lab/openwrt: the real OpenWrt userland in OPENWRT_ROOT, one file at a time (npm run test:openwrt)
// `npm test` runs them all. core code expects ucode's builtins as globals: test/setup.ts installs them.
import { defineConfig } from 'vitest/config';

/** unit-tier files that take long enough to keep out of `npm run test:fast`: random-config property
 * runs, the QR decoder over every version, the developer CLI (a process per case) */
const SLOW = ['test/core/property.test.ts', 'test/luci/qr.test.ts', 'test/dev/cli.test.ts'];
const UNIT = ['test/**/*.test.ts'];
const NOT_TESTS = ['**/fixtures/**', '**/golden/**', 'node_modules/**'];

// node:test had no time limit: a test ends when it ends. The lab and the random runs
// (SPLITWG_PROP_RUNS=…) can take hours; their own waits bound every step.
const forever = { testTimeout: 0, hookTimeout: 0 };

export default defineConfig({
	test: {
		reporters: ['default', './test/vitest/summary.ts'],
		passWithNoTests: false,
		projects: [
			{
				test: {
					name: 'unit', include: UNIT, exclude: [...NOT_TESTS, ...SLOW],
					setupFiles: ['test/setup.ts'], ...forever,
					// TEST_SERIAL=1: one file at a time (as `node --test --test-concurrency=1` did)
					fileParallelism: !process.env.TEST_SERIAL,
				},
			},
			{
				test: {
					name: 'slow', include: SLOW, exclude: NOT_TESTS,
					setupFiles: ['test/setup.ts'], ...forever,
					fileParallelism: !process.env.TEST_SERIAL,
				},
			},
			{
				test: {
					name: 'lab', include: ['lab/*.test.ts', 'lab/diff/*.test.ts'], exclude: NOT_TESTS,
					setupFiles: ['test/setup.ts'], globalSetup: ['test/vitest/lab.ts'], ...forever,
					// fixed swl-* namespace names: never two lab files at once, and after the unit tests
					fileParallelism: false, sequence: { groupOrder: 1 },
				},
			},
			{
				test: {
					name: 'openwrt', include: ['lab/openwrt/*.test.ts'], exclude: NOT_TESTS,
					setupFiles: ['test/setup.ts'], globalSetup: ['test/vitest/openwrt.ts'], ...forever,
					fileParallelism: false, sequence: { groupOrder: 2 },
				},
			},
		],
	},
});
