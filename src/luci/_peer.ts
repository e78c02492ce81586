// Road-warrior peers: a free tunnel address from the server's pools, the QR
// payload of a peer's .conf, and its download file name.
import { parseInterfaceAddress, parsePrefix, prefixContains } from '../core/ip';
import type { Prefix } from '../core/ip';
import { isMsg } from '../core/messages';
import { QR_MAX_BYTES, utf8 } from './_qr';

function pool(serverAddress: string): { family: 4 | 6, net: number[], len: number, self: number[] } | null {
	const r = parseInterfaceAddress(serverAddress);
	if (isMsg(r)) return null;
	const a = r as { family: 4 | 6, bytes: number[], len: number };
	const net = a.bytes.map((b, i) => {
		const bits = a.len - i * 8;
		return bits >= 8 ? b : bits <= 0 ? 0 : b & ((0xff << (8 - bits)) & 0xff);
	});
	return { family: a.family, net, len: a.len, self: a.bytes };
}

function add(net: number[], n: number): number[] {
	const out = net.slice();
	let carry = n;
	for (let i = out.length - 1; i >= 0 && carry > 0; i--) {
		const s = out[i] + (carry & 0xff);
		out[i] = s & 0xff;
		carry = (carry >>> 8) + (s >> 8);
	}
	return out;
}

function same(a: number[], b: number[]): boolean {
	return a.length === b.length && a.every((x, i) => x === b[i]);
}

// The first free host address in each of the server's pools (one per
// address family), skipping the router's own address, the v4 network and
// broadcast addresses, and every address or prefix in `used`.
export function allocateAddresses(serverAddresses: string[], used: string[]): string[] {
	const taken: Prefix[] = [];
	for (const u of used) {
		const p = parsePrefix(u);
		if (!isMsg(p)) taken.push(p as Prefix);
	}
	const out: string[] = [];
	const families: number[] = [];
	for (const sa of serverAddresses) {
		const p = pool(sa);
		if (!p || families.indexOf(p.family) >= 0) continue;
		const hostBits = (p.family === 4 ? 32 : 128) - p.len;
		const size = hostBits >= 31 ? 0x7fffffff : Math.pow(2, hostBits);
		const last = Math.min(p.family === 4 ? size - 2 : size - 1, 65535);
		for (let i = 1; i <= last; i++) {
			const b = add(p.net, i);
			if (same(b, p.self)) continue;
			if (taken.some((t) => prefixContains(t, b))) continue;
			out.push(arrtoip(b) as string);
			families.push(p.family);
			break;
		}
	}
	return out;
}

// WireGuard's mobile apps scan the .conf text itself. Comment lines and
// trailing blanks are dropped to keep the code small.
export function qrPayload(conf: string): { payload: string, bytes: number, fits: boolean } {
	const lines = conf.replace(/\r/g, '').split('\n')
		.map((l) => l.replace(/[ \t]+$/, ''))
		.filter((l) => !/^\s*[#;]/.test(l));
	const out: string[] = [];
	for (const l of lines)
		if (!(l === '' && (out.length === 0 || out[out.length - 1] === ''))) out.push(l);
	while (out.length && out[out.length - 1] === '') out.pop();
	const payload = out.join('\n');
	const bytes = utf8(payload).length;
	return { payload, bytes, fits: bytes <= QR_MAX_BYTES };
}

// The apps name the tunnel after the file: at most 15 characters of
// [a-zA-Z0-9_=+.-] (Linux IFNAMSIZ).
export function confFileName(client: string): string {
	const base = client.replace(/[^a-zA-Z0-9_=+.-]/g, '_').slice(0, 15) || 'splitwg';
	return `${base}.conf`;
}
