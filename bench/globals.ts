// ucode's builtins as Node globals, before any src/core module is evaluated
// (imported first by bench/core.ts).
import { install } from '../src/ucode/shim.ts';

if (typeof (globalThis as { sprintf?: unknown }).sprintf !== 'function') install(globalThis);
