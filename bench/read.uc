// What the router reads instead of parseUci: libuci loads the config file (a
// copy in a scratch config directory) and sectionsFromCursor() turns it into
// sections, which must equal parseUci's (else the figure would be of another
// config). Prints { read: ms } (CLOCK_MONOTONIC). Needs a ucode with the uci
// (and, for splitwg.router, fs and ubus) modules.
//   ucode -L 'files/usr/share/ucode/*.uc' bench/read.uc IN.uci
import { readfile, writefile, mkdtemp, unlink, rmdir } from 'fs';
import { cursor } from 'uci';
import { parseUci } from 'splitwg.core';
import { sectionsFromCursor } from 'splitwg.router';

function now() {
	let c = clock(true);
	return c[0] * 1000.0 + c[1] / 1000000.0;
}

let text = readfile(ARGV[0]);
let dir = mkdtemp('/tmp/swbench-XXXXXX');
writefile(dir + '/splitwg', text);
let t0 = now();
let c = cursor(dir);
c.load('splitwg');
let sections = sectionsFromCursor(c.get_all('splitwg'));
let t1 = now();
unlink(dir + '/splitwg');
rmdir(dir);
if (sprintf('%J', sections) != sprintf('%J', parseUci(text).sections)) {
	warn('the uci cursor read other sections than parseUci\n');
	exit(3);
}
print(sprintf('%J\n', { read: t1 - t0 }));
