// The shim's contact with its environment: output (print/warn), leaving
// (exit, and the exceptions die()/assert() raise), environment variables and
// system(). Output and exit go through `hooks`, which tests replace; the
// defaults use Node's process when there is one, else the browser console.
/* eslint-disable @typescript-eslint/no-explicit-any */

import { raise, UcodeError } from './errors';
import { decodeBytes, encodeBytes } from './bytes';
import { toInteger } from './numbers';
import { isArr, truish, ucTypeOf } from './values';
import { toStr } from './stringify';

export function nodeProcess(): any {
	const g: any = globalThis as any;
	return g.process && typeof g.process === 'object' ? g.process : null;
}

let browserLine: { out: string; err: string } = { out: '', err: '' };

function consoleWrite(kind: 'out' | 'err', bytes: Uint8Array): void {
	const text = decodeBytes(bytes);
	let buf = browserLine[kind] + text;
	let nl: number;
	while ((nl = buf.indexOf('\n')) >= 0) {
		const line = buf.slice(0, nl);
		if (kind === 'out') console.log(line); else console.error(line);
		buf = buf.slice(nl + 1);
	}
	browserLine[kind] = buf;
}

export interface ShimHooks {
	/** receives the bytes written by print()/printf() */
	stdout: (bytes: Uint8Array) => void;
	/** receives the bytes written by warn() */
	stderr: (bytes: Uint8Array) => void;
	/** called by exit(n); must not return */
	exit: (code: number) => never;
}

export const hooks: ShimHooks = {
	stdout(bytes) {
		const p = nodeProcess();
		if (p && p.stdout && typeof p.stdout.write === 'function') p.stdout.write(bytes);
		else consoleWrite('out', bytes);
	},
	stderr(bytes) {
		const p = nodeProcess();
		if (p && p.stderr && typeof p.stderr.write === 'function') p.stderr.write(bytes);
		else consoleWrite('err', bytes);
	},
	exit(code: number): never {
		const p = nodeProcess();
		if (p && typeof p.exit === 'function') p.exit(code);
		throw new UcodeError('Exit', 'Terminated');
	},
};

/** print(...values): writes to stdout, no separator, no newline; returns the byte count */
export function print(...values: unknown[]): number {
	let s = '';
	for (const v of values) if (v !== null && v !== undefined) s += toStr(v);
	const b = encodeBytes(s);
	if (b.length) hooks.stdout(b);
	return b.length;
}

export function warn(...values: unknown[]): number {
	let s = '';
	for (const v of values) if (v !== null && v !== undefined) s += toStr(v);
	const b = encodeBytes(s);
	if (b.length) hooks.stderr(b);
	return b.length;
}

export function die(msg?: unknown): never {
	throw new UcodeError('Error', msg === null || msg === undefined ? 'Died' : toStr(msg));
}

export function exit(code?: unknown): never {
	return hooks.exit(Number(BigInt.asIntN(32, toInteger(code))));
}

export function assert(cond?: unknown, msg?: unknown): unknown {
	if (!truish(cond)) throw new UcodeError('Error', msg === null || msg === undefined ? 'Assertion failed' : toStr(msg));
	return cond;
}

export function getenv(name?: unknown): unknown {
	const p = nodeProcess();
	const env: { [k: string]: string | undefined } = p && p.env ? p.env : {};
	if (name === null || name === undefined) {
		const o: { [k: string]: string } = {};
		for (const k of Object.keys(env)) if (env[k] !== undefined) o[k] = env[k] as string;
		return o;
	}
	if (typeof name === 'string') {
		const v = env[name];
		return v === undefined ? null : v;
	}
	return null;
}

export function system(command?: unknown, timeout?: unknown): number | null {
	if (timeout !== null && timeout !== undefined && (ucTypeOf(timeout) !== 'int' || Number(timeout) < 0))
		raise('Type error', 'Invalid timeout specified');
	const p = nodeProcess();
	const cp = p && typeof p.getBuiltinModule === 'function' ? p.getBuiltinModule('child_process') : null;
	if (!cp) raise('Runtime error', 'system() is unsupported in shim (no child_process)');
	let file: string, args: string[];
	if (typeof command === 'string') { file = '/bin/sh'; args = ['-c', command]; }
	else if (isArr(command) && command.length) { file = toStr(command[0]); args = command.slice(1).map(toStr); }
	else raise('Type error', 'Passed command is neither string nor array');
	const opts: any = { stdio: 'inherit' };
	if (timeout) { opts.timeout = Number(timeout); opts.killSignal = 'SIGKILL'; }
	const r = cp.spawnSync(file, args, opts);
	if (r.error && r.status === null && !r.signal) return -1;
	if (r.signal) {
		const os = p.getBuiltinModule('os');
		return -(os && os.constants && os.constants.signals[r.signal] || 9);
	}
	return r.status;
}
