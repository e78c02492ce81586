// A scratch router for the compiled router code under a real ucode
// (test/router/ucode.test.ts, test/prometheus): the UCI files of
// test/router/openwrt.ts under SPLITWG_ROOT, and a stub (SPLITWG_EXEC)
// that every command goes through. Needs a ucode binary with the fs, uci
// and ubus modules: $UCODE; the tests skip without.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { openwrt } from '../router/openwrt';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const UCODE = process.env.UCODE ?? '';
// (vitest's skip wants a boolean; the reason is this comment: set UCODE=/path/to/ucode)
export const NO_UCODE = UCODE === '';

export interface Ran { code: number, out: string, err: string }

export const STUB = `#!/bin/sh
R="$SPLITWG_ROOT"
echo "$*" >> "$R/calls.log"
# the real md5sum (its paths are the root's already); a reading the test
# prepared (answers/<argv joined by _>) as the Node run's router answered it
[ "$1" = md5sum ] && { shift; for a; do case $a in "$R"/*) ;; /*) a="$R$a" ;; esac; set -- "$@" "$a"; shift; done; exec md5sum "$@"; }
# a subscription's download (subscriptions.ts FETCH_SCRIPT) for real, its file in the root,
# with bin/uclient-fetch first on PATH
[ "$1 $2 $4" = "sh -c splitwg-fetch" ] && PATH="$R/bin:$PATH" exec sh -c "$3" splitwg-fetch "$R$5" "$6" "$7"
A="$R/answers/$(echo "$*" | tr ' /' '__')"
[ -f "$A" ] && { cat "$A"; exit 0; }
case "$*" in
"nft -j list chains inet") [ -f "$R/table" ] && echo '{"nftables": [{"chain": {"family": "inet", "table": "splitwg", "name": "prerouting"}}]}' || echo '{"nftables": []}'; exit 0 ;;
"nft -j -t list sets inet"|"nft -j -t list maps inet") echo '{"nftables": []}'; exit 0 ;;
esac
case "$1 $2" in
"nft -t"|"nft -j") [ -f "$R/table" ] || exit 1; [ "$2" = -j ] && echo '{"nftables": []}'; exit 0 ;;
"nft -c") [ -f "$R$4" ] || exit 1; exit 0 ;;
"nft -f") [ -f "$R$3" ] || exit 1; cp "$R$3" "$R/table"; exit 0 ;;
"nft delete") [ -f "$R/table" ] || exit 1; rm "$R/table"; exit 0 ;;
"dnsmasq --version") echo "Compile time options: IPv6 GNU-getopt UBus conntrack ipset nftset auth"; exit 0 ;;
"wg genkey") echo "mK9nQ3xZ5bH2vW8cT1rY6uJ4pL7sD0fG3hE5kA2bC0M="; exit 0 ;;
"wg pubkey") read -r k; [ -n "$k" ] && echo "c3ggHnMEXla2VomLwKueTDl7bvSbg8JWem7k6/Urk2Y="; exit 0 ;;
"wg show") exit 1 ;;
"ip -4"|"ip -6") echo '[]'; exit 0 ;;
esac
exit 0
`;

export function setup(): { root: string, run: (...args: string[]) => Ran, ucode: (script: string, ...args: string[]) => Ran } {
	const root = fs.mkdtempSync(path.join(os.tmpdir(), 'swucode-'));
	fs.mkdirSync(path.join(root, 'etc/config'), { recursive: true });
	fs.mkdirSync(path.join(root, 'tmp/dnsmasq.d'), { recursive: true });
	for (const [name, text] of Object.entries(openwrt())) fs.writeFileSync(path.join(root, 'etc/config', name), text);
	fs.writeFileSync(path.join(root, 'exec'), STUB, { mode: 0o755 });
	// a ucode script with the modules of files/ (as /usr/share/ucode on the router)
	const ucode = (script: string, ...args: string[]): Ran => {
		const r = spawnSync(UCODE, ['-S', '-L', path.join(repo, 'files/usr/share/ucode/*.uc'), script, ...args], {
			encoding: 'utf8',
			// POSIXLY_CORRECT: a glibc-built ucode would otherwise take the command's
			// --json for its own option (musl on OpenWrt stops at the script name)
			env: { ...process.env, POSIXLY_CORRECT: '1', SPLITWG_ROOT: root, SPLITWG_UCI_CONFDIR: path.join(root, 'etc/config'), SPLITWG_EXEC: path.join(root, 'exec') },
		});
		return { code: r.status ?? -1, out: r.stdout, err: r.stderr };
	};
	return { root, ucode, run: (...args) => ucode(path.join(repo, 'files/usr/sbin/splitwg'), ...args) };
}

// what uclient-fetch answers in the root: the body of www/<the URL's last component>, else a 404
export const FETCH_STUB = `#!/bin/sh
for u; do :; done
f="$SPLITWG_ROOT/www/\${u##*/}"
echo "Downloading '$u'" >&2
[ -f "$f" ] || { printf 'Connecting to 192.0.2.1:80\\r\\nHTTP error 404\\n' >&2; exit 8; }
exec cat "$f"
`;
