// print(), warn(), exit() and getenv(). Output and exit go through `hooks`,
// which tests replace; by default Node's process, else the console.

import { UcodeError } from './bytes';
import { toStr } from './values';

/* eslint-disable @typescript-eslint/no-explicit-any */
const proc = (): any => (globalThis as any).process;

export interface ShimHooks {
	stdout: (text: string) => void;
	stderr: (text: string) => void;
	/** called by exit(n); must not return */
	exit: (code: number) => never;
}

export const hooks: ShimHooks = {
	stdout: (t) => proc() ? proc().stdout.write(t) : console.log(t),
	stderr: (t) => proc() ? proc().stderr.write(t) : console.error(t),
	exit(code: number): never {
		if (proc()) proc().exit(code);
		throw new UcodeError('Exit', 'Terminated');
	},
};

const text = (vs: unknown[]) => vs.map((v) => v == null ? '' : toStr(v)).join('');

export function print(...vs: unknown[]): void { hooks.stdout(text(vs)); }
export function warn(...vs: unknown[]): void { hooks.stderr(text(vs)); }
export function exit(code?: number): never { return hooks.exit(code ?? 0); }

export function getenv(name?: string): unknown {
	const env = proc() ? proc().env : {};
	return name == null ? { ...env } : env[name] ?? null;
}
