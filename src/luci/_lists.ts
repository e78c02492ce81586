// List files in LuCI: what the router's ubus `lists` says of each file
// (docs/ubus.md) as the rule page shows it — a choice for a rule's
// `list_file` with its entry count, the count in a rule's summary, and the
// name an uploaded file is stored under in /etc/splitwg/lists/.
import { badListFile, LIST_DIR } from '../core/lists';
import type { Bad } from '../core/values';
import { N_, msg } from './_msg';
import type { Msg, Described } from './_msg';

export interface ListFileInfo {
	path: string;
	name: string;
	used: boolean;
	ok: boolean;
	entries: number;
	domains: number;
	v4: number;
	v6: number;
	problems: { line: number, id: string, args: any[], message: string }[];
	more: number;
	// filled from a URL (config subscription): its last fetch (absent on a router older than them)
	subscription?: SubscriptionInfo | null;
}

export interface SubscriptionInfo {
	name: string, path: string, url: string, enabled: boolean, interval: number,
	entries: number | null, fetched: number | null, fetched_age: number | null, checked: number | null,
	error: Described | null;
}

export interface ListsReply { dir: string, files: ListFileInfo[] }

export { LIST_DIR };

// "1234 entries: 1000 domains, 200 IPv4, 34 IPv6", or why there is none.
export function listCount(f: ListFileInfo): Msg {
	if (!f.ok) return msg(N_('cannot be read'));
	const errs = f.problems.length + f.more;
	if (errs) return msg(N_('%d lines in error'), errs);
	return msg(N_('%d entries: %d domains, %d IPv4, %d IPv6'), f.entries, f.domains, f.v4, f.v6);
}

// A subscription's file as the rule page shows it: what it holds now (or
// that it was never fetched), how long ago it was fetched; the last
// download's error is the reply's (a core message).
export function subscriptionCount(f: ListFileInfo | null): Msg {
	if (!f || !f.ok) return msg(N_('not fetched yet'));
	return listCount(f);
}

// The file a `list_file` value names, in the reply.
export function findList(reply: ListsReply | null, value: string): ListFileInfo | null {
	if (!reply) return null;
	const path = value.charAt(0) === '/' ? value : `${reply.dir}/${value}`;
	for (const f of reply.files) if (f.path === path) return f;
	return null;
}

// A rule summary's part for its list files: "lists a.txt (120), b.txt (?)".
export function listsSummary(values: string[], reply: ListsReply | null): Msg | null {
	if (!values.length) return null;
	const parts = values.slice(0, 3).map((v) => {
		const f = findList(reply, v);
		return `${v} (${f && f.ok ? f.entries : '?'})`;
	});
	return msg(N_('lists %s'), parts.join(', ') + (values.length > 3 ? ` +${values.length - 3}` : ''));
}

// The name an upload is stored under: a file name in /etc/splitwg/lists/
// (no directory), the grammar `list_file` takes.
export function badUploadName(name: string): Bad | Msg {
	if (name === '') return msg(N_('Give the file a name'));
	if (name.indexOf('/') >= 0) return msg(N_('A name without "/": the file goes to %s'), LIST_DIR);
	return badListFile(name);
}
