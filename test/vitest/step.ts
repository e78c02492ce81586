// A named step inside a test: what node:test's `await t.test(name, fn)` subtests were. vitest has no
// nested tests, so a step runs in its test's context; when it fails, the test fails with the step's
// name in front of the message, and the next steps still run (as subtests did). t.skip() inside a
// step skips only that step (noted on the test, as a skipped subtest was).
import type { TestContext } from 'vitest';

class StepSkipped extends Error {}

/** each test's failed steps, reported in the order they ran (vitest runs finish hooks last-registered first) */
const failures = new WeakMap<TestContext, { errors: Error[]; reported: number }>();

export async function step(t: TestContext, name: string, fn: (t: TestContext) => unknown): Promise<void> {
	// the step's context: the test's, except that skip() ends the step only
	const skip = (condition?: boolean | string, note?: string) => {
		if (condition === false) return;
		throw new StepSkipped(typeof condition === 'string' ? condition : note ?? '');
	};
	const st = Object.create(t, { skip: { value: skip } }) as TestContext;
	try {
		await fn(st);
	} catch (e) {
		if (e instanceof StepSkipped) {
			void t.annotate(`step skipped: ${name}${e.message ? ` (${e.message})` : ''}`);
			return;
		}
		const err = e instanceof Error ? e : new Error(String(e));
		err.message = `${name}: ${err.message}`;
		let f = failures.get(t);
		if (!f) failures.set(t, f = { errors: [], reported: 0 });
		f.errors.push(err);
		const list = f;
		t.onTestFinished(() => { throw list.errors[list.reported++]; });
	}
}
