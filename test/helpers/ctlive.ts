// Real `conntrack -L -o extended` output with accounting on: a private
// network namespace (its own conntrack table and nf_conntrack_acct), the
// addresses on its loopback, ct marks set by destination port in its
// output hook, and connections made by test/helpers/ctgen.mjs. Needs root
// and the conntrack tool (`canRun()`); `UPDATE_CT_FIXTURE=1` with the test
// rewrites test/fixtures/conntrack-extended.txt from it.
import { execFileSync, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const GEN = fileURLToPath(new URL('./ctgen.mjs', import.meta.url));

// [from, to, port, up, down]: bytes from the client, bytes back
export type Flow = [string, string, number, number, number];

export const ADDRS = ['10.9.0.1/32', '10.9.0.10/32', '10.9.1.5/32', '10.9.2.2/32', 'fd09::1/128', 'fd09::10/128'];
// mask 0x70000000 (the default): direct 0x10000000, upstream 1 0x20000000, upstream 2 0x30000000;
// 0x42 is a foreign bit under no mask of ours; port 9004 stays unmarked
export const PORT_MARKS: [number, string][] = [[9001, '0x10000000'], [9002, '0x20000042'], [9003, '0x30000000']];

export function canRun(): boolean {
	if (process.getuid?.() !== 0) return false;
	return ['/usr/sbin/conntrack', '/sbin/conntrack', '/usr/bin/conntrack'].some((b) => existsSync(b));
}

function sh(ns: string, argv: string[], input?: string): string {
	return execFileSync('ip', ['netns', 'exec', ns, ...argv], { encoding: 'utf8', input, stdio: ['pipe', 'pipe', 'pipe'] });
}

// The namespace's conntrack table per family while the flows are open
// (`acct` false: with accounting off, as a router with the sysctl at 0).
export async function capture(flows: Flow[], acct: boolean = true): Promise<{ ipv4: string, ipv6: string }> {
	const ns = `swb-ct-${process.pid}`;
	execFileSync('ip', ['netns', 'add', ns]);
	try {
		sh(ns, ['ip', 'link', 'set', 'lo', 'up']);
		for (const a of ADDRS) sh(ns, ['ip', 'addr', 'add', a, 'dev', 'lo', ...(a.includes(':') ? ['nodad'] : [])]);
		sh(ns, ['sysctl', '-q', '-w', `net.netfilter.nf_conntrack_acct=${acct ? 1 : 0}`]);
		const rules = PORT_MARKS.map(([p, m]) => `\t\ttcp dport ${p} ct mark set ${m}`).join('\n');
		sh(ns, ['nft', '-f', '-'], `table inet ctlive {\n\tchain out {\n\t\ttype filter hook output priority 0;\n${rules}\n\t}\n}\n`);
		const gen = spawn('ip', ['netns', 'exec', ns, process.execPath, GEN, JSON.stringify(flows)], { stdio: ['pipe', 'pipe', 'inherit'] });
		try {
			await new Promise<void>((res, rej) => {
				let out = '';
				gen.stdout.on('data', (d) => { out += d; if (out.includes('ready')) res(); });
				gen.on('exit', (c) => rej(new Error(`ctgen exited ${c}`)));
			});
			return {
				ipv4: sh(ns, ['conntrack', '-L', '-f', 'ipv4', '-o', 'extended']),
				ipv6: sh(ns, ['conntrack', '-L', '-f', 'ipv6', '-o', 'extended']),
			};
		} finally {
			gen.stdin.end();
			gen.kill();
		}
	} finally {
		execFileSync('ip', ['netns', 'del', ns]);
	}
}
