// The ubus object `splitwg`, as an rpcd ucode plugin
// (/usr/share/rpcd/ucode/splitwg). rpcd types each argument from the sample
// value under `args`.
import { cursor } from 'uci';
import { VERSION, readConfig, sectionsFromCursor } from './index';

interface Request { args: { [k: string]: any } }

function load() {
	const c = cursor();
	return sectionsFromCursor(c ? c.get_all('splitwg') : null);
}

export default {
	splitwg: {
		version: { call: () => ({ version: VERSION }) },
		check: {
			call: (_req: Request) => {
				const r = readConfig(load());
				return { valid: r.config !== null, problems: r.problems };
			},
		},
	},
};
