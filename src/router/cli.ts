// `splitwg` on the router: reads /etc/config/splitwg through the uci cursor.
import { cursor } from 'uci';
import { VERSION, readConfig, compile, sectionsFromCursor } from './index';

function usage(): number {
	print(`splitwg ${VERSION}\nusage: splitwg check | plan | version\n`);
	return 2;
}

function load() {
	const c = cursor();
	return sectionsFromCursor(c ? c.get_all('splitwg') : null);
}

function main(args: string[]): number {
	const cmd = args[0];
	if (cmd === 'version') { print(`${VERSION}\n`); return 0; }
	if (cmd === 'check' || cmd === 'plan') {
		const r = readConfig(load());
		for (let i = 0; i < length(r.problems); i++) warn(`${r.problems[i].path}: ${r.problems[i].message}\n`);
		if (!r.config) return 1;
		if (cmd === 'check') { print('config ok\n'); return 0; }
		print(compile(r.config).nft);
		return 0;
	}
	return usage();
}

exit(main(ARGV));
