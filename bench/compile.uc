// Compile a UCI file with the packaged core under a real ucode, as the router
// does; print the phase times (ms, CLOCK_MONOTONIC) as JSON.
//   ucode -L 'files/usr/share/ucode/*.uc' bench/compile.uc IN.uci OUT.nft OUT.dnsmasq
import { readfile, writefile } from 'fs';
import { parseUci, readConfig, compile } from 'splitwg.core';

function now() {
	let c = clock(true);
	return c[0] * 1000.0 + c[1] / 1000000.0;
}

let t0 = now();
let text = readfile(ARGV[0]);
let t1 = now();
let parsed = parseUci(text);
let t2 = now();
let r = readConfig(parsed.sections);
let t3 = now();
if (!r.config) {
	warn(sprintf('%J\n', r.problems));
	exit(2);
}
let plan = compile(r.config);
let t4 = now();
writefile(ARGV[1], plan.nft);
writefile(ARGV[2], plan.dnsmasq);
print(sprintf('%J\n', { read_file: t1 - t0, parse: t2 - t1, validate: t3 - t2, compile: t4 - t3, total: t4 - t1 }));
