// Calling functions: call() with an explicit `this`, and loadstring(), which
// would need a ucode compiler.

import { raise } from './errors';
import { isCallable, isObj } from './values';

export function call(fn?: unknown, ctx?: unknown, scope?: unknown, ...args: unknown[]): unknown {
	if (!isCallable(fn)) return null;
	if (scope !== null && scope !== undefined) {
		if (!isObj(scope)) return null;
		raise('Runtime error', 'call() with a scope object is unsupported in shim');
	}
	const r = fn.apply(ctx === undefined ? null : ctx, args);
	return r === undefined ? null : r;
}

export function loadstring(): never {
	raise('Runtime error', 'loadstring() is unsupported in shim');
}
