// Upstreams: a name for an imported provider .conf, and the reply of ubus
// `splitwg import_conf` (the router parses the file, with the core's
// validators) → the options of `config upstream`.
import { badName } from '../core/values';

export interface ImportedUpstream {
	name?: string;
	private_key: string;
	address: string[];
	public_key: string;
	preshared_key?: string | null;
	endpoint: string;
	allowed_ips?: string[];
	mtu?: number | string | null;
	keepalive?: number | string | null;
	dns?: string[];
}

// A section name for an imported upstream: from the file name
// ("wg-US-NY-12.conf" → "us_ny_12") or the endpoint host, unique among
// `taken`: letters, digits, _, a letter first, at most 12 characters (it
// names the interface sw_<name>, and Linux allows 15).
export function suggestName(source: string, taken: string[]): string {
	let base = source.replace(/^.*[\\/]/, '').replace(/\.conf$/i, '').replace(/:[0-9]+$/, '').replace(/^\[|\]$/g, '');
	base = base.replace(/^(wg|wireguard)[-_ ]+/i, '');
	if (/^[a-z0-9-]+(\.[a-z0-9-]+)+$/i.test(base)) base = base.split('.')[0];
	base = base.toLowerCase().replace(/[^a-z0-9]+/g, '_').replace(/^_+|_+$/g, '');
	if (!/^[a-z]/.test(base)) base = 'up' + (base === '' ? '' : '_' + base);
	base = base.slice(0, 12).replace(/_+$/, '');
	const ok = (n: string) => !badName(n, 12) && n !== 'server' && taken.indexOf(n) < 0;
	if (ok(base)) return base;
	for (let i = 2; i < 1000; i++) {
		const sfx = `${i}`;
		const n = base.slice(0, 12 - sfx.length - 1).replace(/_+$/, '') + '_' + sfx;
		if (ok(n)) return n;
	}
	return base;
}

// import_conf's `upstream` → UCI options (empty ones left out; the default
// AllowedIPs 0.0.0.0/0, ::/0 is kept explicit so the section says what the
// provider's file said).
export function importedOptions(u: ImportedUpstream, label?: string): { [k: string]: string | string[] } {
	const o: { [k: string]: string | string[] } = {};
	if (label) o.name = label;
	o.private_key = u.private_key;
	o.address = u.address.slice();
	o.public_key = u.public_key;
	if (u.preshared_key) o.preshared_key = u.preshared_key;
	o.endpoint = u.endpoint;
	if (u.allowed_ips && u.allowed_ips.length) o.allowed_ips = u.allowed_ips.slice();
	if (u.mtu != null && u.mtu !== '') o.mtu = String(u.mtu);
	if (u.keepalive != null && u.keepalive !== '') o.keepalive = String(u.keepalive);
	if (u.dns && u.dns.length) o.dns = u.dns.slice();
	return o;
}
