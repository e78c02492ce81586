// The ubus calls the views make (docs/ubus.md). Every splitwg method answers
// errors in-band ({ error: { code, message, path, id, args } }: the views
// show id/args translated, `message` when the id is unknown); `expect: { '': {} }`
// hands the whole reply over, and a ubus status code (a number) when the
// call itself failed (permission, object missing).
import { rpc } from '@kuoruan/luci-types';
import type { HostHint, NetDevice } from './_hosts';
import type { ListsReply } from './_lists';
import type { GroupStatus, Health } from './_groups';

import type { Arg, Msg } from '../core/messages';

// a message of the core's catalogue with its English text (docs/ubus.md)
export interface Said { id?: string, args?: Arg[], message: string }
export interface LineMessage extends Said { line: number }

export interface ApiError { error: Said & { code: string, path: string | null }, errors?: LineMessage[] }

export interface Status {
	enabled: boolean;
	version: string;
	// health: the health checker's view (docs/config.md "Health and groups"), for the upstreams it watches
	upstreams: { name: string, iface: string, enabled: boolean, up: boolean, healthy?: boolean, handshake_age: number | null, rx: number, tx: number, health?: Health | null }[];
	groups?: GroupStatus[];
	clients: { name: string, kind: string, enabled: boolean, counters: { direct: number, proxy: number, block: number, ruleset?: number }, handshake_age: number | null }[];
	// id/args: what a failed apply's message was worded from (docs/ubus.md)
	last_apply: { ok: boolean, time: number, message: string, id?: string, args?: Arg[] } | null;
	pending?: boolean;
	warnings: string[];
	warning_messages?: Said[];   // the warnings as messages (a router older than them has none)
}

// ubus splitwg stats (docs/ubus.md): the table's counters, the tunnels' bytes
export interface RuleHits { rule: string, packets: number, bytes: number }
// bytes of the open connections by path (conntrack; docs/ubus.md): `up` from the client, `down` to it
export interface PathBytes { up: number, down: number }
export interface ClientBytes { direct: PathBytes, proxy: { [upstream: string]: PathBytes } }
export interface Stats {
	clients: { name: string, rules: RuleHits[], default: { packets: number, bytes: number },
		paths: { direct: number, proxy: number, block: number, ruleset: number }, rx: number | null, tx: number | null,
		bytes?: ClientBytes | null }[];
	rulesets: { name: string, ruleset: string | null, clients: string[], rules: RuleHits[] }[];
	upstreams: { name: string, packets: number, up: boolean, handshake_age: number | null, rx: number, tx: number }[];
	// (absent from a router before it)
	bytes?: { source: string | null, missing: 'state' | 'conntrack' | 'accounting' | null, connections: number, unattributed: ClientBytes };
}

// check()'s problems in the browser; ubus check's also carry `message`
export interface Problem { path: string, id: string, args: Arg[], message?: string }
export interface CheckReply { valid: boolean, problems: Problem[] }

// ubus splitwg doctor: drift of the running system from the last apply
export interface Finding { id: string, path: string | null, args: { [k: string]: any } }
export interface DoctorReply { ok: boolean, findings: Finding[] }

export interface Explanation {
	client: string; action: 'proxy' | 'direct' | 'block'; upstream: string | null; iface: string | null;
	mark: string | null; rule: string | null; reason: string; why?: Msg;
	// the rule named a group: its members a new connection may take now (a router before groups: absent)
	group?: string | null; members?: string[];
}

export const callStatus = rpc.declare<Status | ApiError | number>({ object: 'splitwg', method: 'status', expect: { '': {} } });
export const callCheck = rpc.declare<CheckReply | ApiError | number>({ object: 'splitwg', method: 'check', expect: { '': {} } });
export const callStats = rpc.declare<Stats | ApiError | number>({ object: 'splitwg', method: 'stats', expect: { '': {} } });
export const callDoctor = rpc.declare<DoctorReply | ApiError | number>({ object: 'splitwg', method: 'doctor', expect: { '': {} } });
export const callExplain = rpc.declare<Explanation | ApiError | number>({
	object: 'splitwg', method: 'explain', params: ['client', 'destination', 'proto', 'port', 'at'], expect: { '': {} },
});
export const callLists = rpc.declare<ListsReply | ApiError | number>({ object: 'splitwg', method: 'lists', expect: { '': {} } });
// (the reply of docs/ubus.md `update_lists`: each list's outcome, and the apply that refilled changed ones)
export interface UpdateReply { lists: { name: string, changed: boolean, entries: number | null, error: Said | null }[], applied: { ok: boolean, message: string } | null, note: Msg | null }
export const callUpdateLists = rpc.declare<UpdateReply | ApiError | number>({
	object: 'splitwg', method: 'update_lists', params: ['name'], expect: { '': {} } });
export const callGenkey = rpc.declare<{ private_key: string, public_key: string } | ApiError | number>({ object: 'splitwg', method: 'genkey', expect: { '': {} } });
export const callImportConf = rpc.declare<{ upstream: { [k: string]: any }, ignored?: LineMessage[] } | ApiError | number>({
	object: 'splitwg', method: 'import_conf', params: ['text', 'name'], expect: { '': {} },
});
// (the reply's shape: src/luci/_templates.ts)
export const callTemplates = rpc.declare<object | ApiError | number>({ object: 'splitwg', method: 'templates', expect: { '': {} } });
export const callPeerConf = rpc.declare<{ conf: string, complete?: boolean } | ApiError | number>({
	object: 'splitwg', method: 'peer_conf', params: ['client'], expect: { '': {} },
});
export const callHostHints = rpc.declare<{ [mac: string]: HostHint }>({ object: 'luci-rpc', method: 'getHostHints', expect: { '': {} } });
// the router's own devices, to leave them out of the host hints
export const callNetworkDevices = rpc.declare<{ [name: string]: NetDevice }>({ object: 'luci-rpc', method: 'getNetworkDevices', expect: { '': {} } });

export function isError(r: unknown): r is ApiError {
	return r !== null && typeof r === 'object' && 'error' in (r as object);
}
