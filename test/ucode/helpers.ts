// Helpers shared by the shim's tests (test/ucode/*.test.ts).
import assert from 'node:assert/strict';
import * as S from '../../src/ucode/shim';

/** sprintf("%J", v): ucode's JSON text of a value */
export const J = (v: unknown) => S.sprintf('%J', v);

/** run fn, expect a ucode exception; returns { type, message } */
export function dies(fn: () => unknown): { type: string, message: string } {
	try { fn(); } catch (e) {
		assert.ok(e instanceof S.UcodeError, `expected a UcodeError, got ${String(e)}`);
		return { type: e.type, message: e.message };
	}
	assert.fail('expected an exception');
}

/** capture what print()/printf()/warn() write */
export function capture(fn: () => void): { out: string, err: string } {
	const o: number[] = [], e: number[] = [];
	const saved = { stdout: S.hooks.stdout, stderr: S.hooks.stderr };
	S.hooks.stdout = (b) => { o.push(...b); };
	S.hooks.stderr = (b) => { e.push(...b); };
	try { fn(); } finally { Object.assign(S.hooks, saved); }
	return { out: Buffer.from(o).toString('latin1'), err: Buffer.from(e).toString('latin1') };
}
