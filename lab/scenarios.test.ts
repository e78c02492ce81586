// The scenarios with plans put on the router by the lab's realiser (lab/realise.ts, "apply
// directly"). The same scenarios through src/router's apply transaction: scenarios-apply.test.ts.
// The scenarios themselves are in scenarios.ts.
//
//   npx vitest run lab/scenarios.test.ts     (as root)

import { defineScenarios } from './scenarios.ts';

defineScenarios({ mode: 'direct' });
