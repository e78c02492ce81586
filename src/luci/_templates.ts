// Rules → "Add from template…": the router's packaged rule templates (ubus
// `splitwg templates`, src/router/templates.ts) → the sections of a new
// rule set in LuCI's session, so the user reviews them and Save & Apply
// writes them like any other edit. The router has judged every value
// already (a template with problems is listed, not offered).
import { badName } from '../core/values';
import { toOptions } from './_rulesio';
import type { PortableRule } from './_rulesio';
import { newRuleOptions, ownerKey } from './_rules';
import type { Opts } from './_rules';
import type { Said } from './_rpc';

export interface TemplateInfo {
	name: string;
	label: string;
	description: string;
	date: string;
	entries: number;
	rules: PortableRule[];
	problems: (Said & { path: string })[];
}
export interface TemplatesReply { dir: string, templates: TemplateInfo[] }

// A rule set name not yet taken: the template's, else name_2, name_3, …
// (a second copy is a new rule set, never a merge into the first).
export function freeName(base: string, taken: string[]): string {
	const ok = (n: string) => !badName(n, 32) && taken.indexOf(n) < 0;
	if (ok(base)) return base;
	for (let i = 2; i < 1000; i++) {
		const sfx = `_${i}`;
		const n = base.slice(0, 32 - sfx.length) + sfx;
		if (ok(n)) return n;
	}
	return base;
}

// The new rule set's options and its rules' options, in order.
export function templateSections(t: TemplateInfo, name: string): { ruleset: Opts, rules: Opts[] } {
	return {
		ruleset: { name: t.label },
		rules: t.rules.map((r) => newRuleOptions(ownerKey('ruleset', name), toOptions(r))),
	};
}
