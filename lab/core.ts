// The compiler and explainer, as the lab uses them (ucode globals installed first: module
// evaluation follows import order, so ucode-globals.ts runs before any src/core module).
import './ucode-globals.ts';

export { parseUci, renderUci, readConfig, compile, explain, nftTransition, format } from '../src/core/index.ts';
export type { Config, Client, Rule, Problem } from '../src/core/model.ts';
export type { Plan } from '../src/core/plan.ts';
export type { UciSection, UciValue } from '../src/core/uci.ts';
export type { Explanation, Query } from '../src/core/explain.ts';
