// The ubus object `splitwg`, as an rpcd ucode plugin
// (/usr/share/rpcd/ucode/splitwg); the methods are in api.ts, the contract
// in docs/ubus.md. rpcd types each argument from the sample value under
// `args` and rejects a mistyped or unknown one before `call` runs.
import { realEnv, methods } from './index';

export default { splitwg: methods(realEnv) };
