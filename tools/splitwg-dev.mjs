#!/usr/bin/env node
// `npx splitwg …` — runs src/dev/cli.ts (TypeScript) through tsx.
import { register } from 'tsx/esm/api';
register();
await import('../src/dev/cli.ts');
