// WireGuard public keys from private keys (X25519, RFC 7748), in the
// browser, so the views can show "the public key to give your provider" and
// the server's public key without sending a private key anywhere. Keys are
// only generated on the router (ubus splitwg genkey).

const P = (1n << 255n) - 19n;
const A24 = 121665n;

function mod(a: bigint): bigint {
	const r = a % P;
	return r < 0n ? r + P : r;
}

function pow(b: bigint, e: bigint): bigint {
	let r = 1n;
	b = mod(b);
	while (e > 0n) {
		if (e & 1n) r = mod(r * b);
		b = mod(b * b);
		e >>= 1n;
	}
	return r;
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

export function b64decode(s: string): number[] | null {
	if (!/^[A-Za-z0-9+/]*={0,2}$/.test(s) || s.length % 4 !== 0) return null;
	const out: number[] = [];
	for (let i = 0; i < s.length; i += 4) {
		const c = [0, 1, 2, 3].map((j) => s.charAt(i + j) === '=' ? -1 : B64.indexOf(s.charAt(i + j)));
		const n = (c[0] << 18) | (c[1] << 12) | ((c[2] < 0 ? 0 : c[2]) << 6) | (c[3] < 0 ? 0 : c[3]);
		out.push((n >> 16) & 255);
		if (c[2] >= 0) out.push((n >> 8) & 255);
		if (c[3] >= 0) out.push(n & 255);
	}
	return out;
}

export function b64encode(b: number[]): string {
	let s = '';
	for (let i = 0; i < b.length; i += 3) {
		const n = (b[i] << 16) | ((b[i + 1] ?? 0) << 8) | (b[i + 2] ?? 0);
		s += B64.charAt((n >> 18) & 63) + B64.charAt((n >> 12) & 63)
			+ (i + 1 < b.length ? B64.charAt((n >> 6) & 63) : '=')
			+ (i + 2 < b.length ? B64.charAt(n & 63) : '=');
	}
	return s;
}

function toInt(b: number[]): bigint {
	let r = 0n;
	for (let i = b.length - 1; i >= 0; i--) r = (r << 8n) | BigInt(b[i]);
	return r;
}

function toBytes(n: bigint): number[] {
	const out: number[] = [];
	for (let i = 0; i < 32; i++) { out.push(Number(n & 255n)); n >>= 8n; }
	return out;
}

// scalar * u (Montgomery ladder, RFC 7748 §5)
export function x25519(scalar: number[], u: number[]): number[] {
	const k = scalar.slice();
	k[0] &= 248; k[31] &= 127; k[31] |= 64;
	const kn = toInt(k);
	const uu = u.slice(); uu[31] &= 127;
	const x1 = mod(toInt(uu));
	let x2 = 1n, z2 = 0n, x3 = x1, z3 = 1n, swap = 0n;
	for (let t = 254; t >= 0; t--) {
		const kt = (kn >> BigInt(t)) & 1n;
		if ((swap ^ kt) === 1n) { let x = x2; x2 = x3; x3 = x; x = z2; z2 = z3; z3 = x; }
		swap = kt;
		const a = mod(x2 + z2), aa = mod(a * a), b = mod(x2 - z2), bb = mod(b * b), e = mod(aa - bb);
		const c = mod(x3 + z3), d = mod(x3 - z3), da = mod(d * a), cb = mod(c * b);
		x3 = mod((da + cb) * (da + cb));
		z3 = mod(x1 * mod((da - cb) * (da - cb)));
		x2 = mod(aa * bb);
		z2 = mod(e * mod(aa + A24 * e));
	}
	if (swap === 1n) { x2 = x3; z2 = z3; }
	return toBytes(mod(x2 * pow(z2, P - 2n)));
}

// "base64 private key" → "base64 public key", or null when it is not a key.
export function publicKey(privateKeyB64: string): string | null {
	const k = b64decode(privateKeyB64.trim());
	if (!k || k.length !== 32) return null;
	const base = [9];
	for (let i = 1; i < 32; i++) base.push(0);
	return b64encode(x25519(k, base));
}
