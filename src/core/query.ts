// The arguments of `explain` as the developer CLI, the router CLI and ubus
// receive them (strings from a command line, an int port from ubus), checked
// once, here: a bad value is an error naming the argument, never silently
// "any". explain() then trusts the Query.
import type { Config } from './model';
import type { Query, ExplainError } from './explain';
import { badPort, badTime, weekday, PROTOS, CONTROL, BLANKS } from './values';
import { upstreamByName } from './decide';
import { msg } from './messages';
import type { Msg } from './messages';

const PORT_PROTOS = ['tcp', 'udp', 'sctp', 'udplite'];

export interface QueryArgs {
	client?: any;
	destination?: any;
	proto?: any;
	port?: any;             // "443" or 443
	at?: any;               // "Mon 21:30"
	down?: any;             // ["us"] or "us,eu"
	family?: any;           // "4", "6", 4 or 6: the family a domain is reached over
}

function given(v: any): boolean {
	return v !== null && v !== undefined && v !== '';
}

function bad(path: string, m: Msg): ExplainError {
	return { error: { path, id: m.id, args: m.args } };
}

export function explainQuery(cfg: Config, a: QueryArgs): Query | ExplainError {
	if (!given(a.client) || type(a.client) !== 'string') return bad('client', msg('required'));
	if (!given(a.destination) || type(a.destination) !== 'string') return bad('destination', msg('required'));
	let proto: string | null = null, port: number | null = null, at: string | null = null;
	const names = ['proto', 'port', 'at', 'family'];
	for (let i = 0; i < length(names); i++)
		if (given((a as any)[names[i]]) && match(`${(a as any)[names[i]]}`, CONTROL)) return bad(names[i], msg('control_char'));
	if (given(a.proto)) {
		const p = `${a.proto}`;
		if (index(PROTOS, p) < 0)
			return bad('proto', index(PROTOS, lc(p)) >= 0 ? msg('lower_case', [p]) : msg('not_proto', [p, join(' ', PROTOS)]));
		proto = p;
	}
	if (given(a.port)) {
		const e = badPort(`${a.port}`);
		if (e) return bad('port', e);
		if (proto !== null && index(PORT_PROTOS, proto) < 0) return bad('port', msg('proto_no_ports', [proto]));
		port = int(`${a.port}`);
	}
	if (given(a.at)) {
		const w = split(trim(`${a.at}`), BLANKS);
		if (length(w) !== 2 || weekday(w[0]) < 0 || badTime(w[1])) return bad('at', msg('not_at', [`${a.at}`]));
		at = `${a.at}`;
	}
	let family: 4 | 6 | null = null;
	if (given(a.family)) {
		const f = `${a.family}`;
		if (f !== '4' && f !== '6') return bad('family', msg('not_family', [f]));
		family = f === '4' ? 4 : 6;
	}
	let down: string[] = [];
	if (given(a.down)) {
		down = type(a.down) === 'array' ? a.down : split(`${a.down}`, ',');
		for (let i = 0; i < length(down); i++)
			if (!upstreamByName(cfg, down[i])) return bad(`down[${i}]`, msg('unknown_upstream', [down[i]]));
	}
	return { client: a.client, destination: a.destination, proto, port, at, down, family };
}
