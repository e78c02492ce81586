// What stats spends on conntrack's accounting (src/router/ctbytes.ts): a
// synthetic `conntrack -L -o extended` listing of N connections (default
// 5,000; lines as the real tool prints them, test/fixtures/conntrack-extended.txt),
// from 40 host clients, one /24 client and a source no client has, 20 %
// unmarked, parsed by ctTotals() and summed by client with bytesByClient().
// Prints { lines, parse: ms, attribute: ms } (medians of 7 runs, CLOCK_MONOTONIC).
//   ucode -L 'files/usr/share/ucode/*.uc' bench/ctbytes.uc [N]
import { ctTotals, bytesByClient } from 'splitwg.router';

function now() {
	let c = clock(true);
	return c[0] * 1000.0 + c[1] / 1000000.0;
}

const n = length(ARGV) ? int(ARGV[0]) : 5000;
const marks = { mask: 0x70000000, direct: 0x10000000, upstreams: { us: 0x20000000, eu: 0x30000000 } };
const markOf = [0, 0x10000000, 0x20000000, 0x30000042, 0x10000000];
const clients = { office: { sig: '', sources: ['192.168.5.0/24'] } };
for (let i = 0; i < 40; i++) clients[`c${i}`] = { sig: '', sources: [`192.168.1.${i + 10}`, `fd00::${i + 10}`] };
const lines = [];
for (let i = 0; i < n; i++) {
	const k = i % 43;
	const src = k < 40 ? (i % 5 === 4 ? `fd00::${k + 10}` : `192.168.1.${k + 10}`) : k === 40 ? `192.168.5.${i % 200}` : '10.99.0.7';
	const dst = index(src, ':') >= 0 ? `2001:db8::${i % 9000}` : `203.0.${i % 250}.${i % 199}`;
	const fam = index(src, ':') >= 0 ? 'ipv6     10' : 'ipv4     2';
	push(lines, sprintf('%s tcp      6 431999 ESTABLISHED src=%s dst=%s sport=%d dport=443 packets=%d bytes=%d src=%s dst=%s sport=443 dport=%d packets=%d bytes=%d [ASSURED] mark=%d use=1',
		fam, src, dst, 30000 + i % 30000, i % 97 + 1, (i * 7919) % 9000000, dst, src, 30000 + i % 30000, i % 89 + 1, (i * 104729) % 90000000, markOf[i % 5]));
}
const text = join('\n', lines) + '\n';

function median(a) {
	a = sort(a, (x, y) => x - y);
	return a[length(a) / 2];
}

const parse = [], attr = [];
let t = null, r = null;
for (let run = 0; run < 7; run++) {
	let t0 = now();
	t = ctTotals(text, marks.mask);
	let t1 = now();
	r = bytesByClient(t, clients, marks);
	let t2 = now();
	push(parse, t1 - t0);
	push(attr, t2 - t1);
}
if (t.connections !== n - n / 5) { warn(`parsed ${t.connections} marked connections of ${n}\n`); exit(3); }
printf('%J\n', { lines: n, bytes: length(text), parse: median(parse), attribute: median(attr), keys: length(keys(t.sums)) });
