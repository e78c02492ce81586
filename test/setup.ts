// Installs ucode's builtins (with ucode semantics) as globals, so core code
// runs in Node exactly as written for the router.
import { install } from '../src/ucode/shim';
install(globalThis);
