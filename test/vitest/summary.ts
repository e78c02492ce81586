// The run's last line, plain (no colour, no layout): "N passed, N failed, N skipped (N files)".
// CI reads the exit code and this line; vitest's own summary stays just above it.
import type { Reporter, TestModule } from 'vitest/node';

export default class Summary implements Reporter {
	onTestRunEnd(modules: ReadonlyArray<TestModule>, errors: ReadonlyArray<unknown>): void {
		let passed = 0, failed = 0, skipped = 0;
		for (const m of modules) {
			for (const t of m.children.allTests()) {
				const s = t.result().state;
				if (s === 'passed') passed++;
				else if (s === 'failed') failed++;
				else skipped++;
			}
			// a file that failed to load (syntax error, a hook that threw) has no tests to count
			if (m.state() === 'failed' && !Array.from(m.children.allTests('failed')).length) failed++;
		}
		if (!modules.length) { console.log('no test files ran (an empty run is an error)'); return; }
		const extra = errors.length ? `, ${errors.length} error(s) outside tests` : '';
		console.log(`${passed} passed, ${failed} failed, ${skipped} skipped (${modules.length} files${extra})`);
	}
}
