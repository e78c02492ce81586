// The real compiler, as the bench uses it: ucode's builtins are installed as
// globals first (module evaluation follows import order), then src/core.
import './globals.ts';

export { parseUci, readConfig, compile } from '../src/core/index.ts';
export type { Plan } from '../src/core/plan.ts';

import { parseUci, readConfig, compile } from '../src/core/index.ts';
import type { Plan } from '../src/core/plan.ts';
import { format } from '../src/core/messages';

/** UCI text → plan; throws with the first problems when the config is invalid. */
export function compileText(text: string): Plan {
  const parsed = parseUci(text);
  if (parsed.errors.length) throw new Error(`UCI parse errors: ${JSON.stringify(parsed.errors.slice(0, 3))}`);
  const r = readConfig(parsed.sections);
  if (!r.config) throw new Error(`invalid config: ${r.problems.slice(0, 3).map((p) => `${p.path}: ${format(p)}`).join('; ')}`);
  return compile(r.config);
}
