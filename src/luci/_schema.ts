// What a LuCI field of an /etc/config/splitwg option takes from the core's
// option table (src/core/schema.ts): a flag's or a choice's default, a text
// field's placeholder (the default: what leaving it empty means) and the
// validator `splitwg check` uses, bounds and all, so the message under a
// field is the router's. Titles and help texts stay with the views, in
// LuCI's catalogue.
import { checkOf, SCHEMA } from '../core/schema';
import type { Bad } from '../core/values';

export interface Field {
	default?: string;
	placeholder?: string;
	check?: (v: string) => Bad;
}

// An option the table does not know is a bug in the view: it throws.
export function fieldOf(type: string, option: string): Field {
	const opt = SCHEMA[type] ? SCHEMA[type][option] : undefined;
	if (!opt) throw new Error(`${type}.${option} is not an option of /etc/config/splitwg`);
	const f: Field = {};
	const choice = opt.kind === 'bool' || opt.kind === 'enum';
	if (opt.def !== undefined) {
		if (choice) f.default = opt.def;
		else if (!opt.list) f.placeholder = opt.def;
	}
	const check = checkOf(opt);
	// a flag or a list of choices offers valid values only
	if (check && !choice) f.check = check;
	return f;
}
