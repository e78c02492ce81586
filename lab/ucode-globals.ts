// The portable core (src/core) is written against ucode's builtins; under Node they come from the
// shim. Imported first by lab/core.ts so the globals exist before any core module is evaluated.
import { install } from '../src/ucode/shim.ts';

if (typeof (globalThis as { sprintf?: unknown }).sprintf !== 'function') install(globalThis);
