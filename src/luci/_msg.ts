// Translatable messages for the pure modules (src/luci/_*.ts).
//
// The pure modules run in Node tests as well as in the browser, so they
// cannot call LuCI's global `_()`. They mark their message templates with
// N_() (which the .pot extractor picks up, like `_()` in the views) and
// return Msg values; the views render them with `tr(m, _)`.

import { MESSAGES, fill, format } from '../core/messages';
import type { Arg, Msg as CoreMessage } from '../core/messages';

export interface Msg {
	text: string;                 // the msgid: a template with %s / %d
	args: (string | number)[];
}

// Marks a literal as a msgid without translating it.
export function N_(s: string): string {
	return s;
}

export function msg(text: string, ...args: (string | number)[]): Msg {
	return { text, args };
}

// LuCI's String.prototype.format subset the templates use: %s, %d, %%.
export function fmt(template: string, args: (string | number)[]): string {
	let i = 0;
	return template.replace(/%([sd%])/g, (_m: string, c: string) => {
		if (c === '%') return '%';
		const v = i < args.length ? args[i] : '';
		i++;
		return c === 'd' ? String(typeof v === 'number' ? Math.trunc(v) : parseInt(String(v), 10)) : String(v);
	});
}

// Translate and format. `translate` is LuCI's `_` in the browser, the
// identity in tests.
export function tr(m: Msg, translate?: (s: string) => string): string {
	return fmt(translate ? translate(m.text) : m.text, m.args);
}

// A message of the core (core/messages.ts: {id, args}), or a ubus answer
// carrying one ({message, id, args}: docs/ubus.md). The catalogue's English
// template is the msgid (test/luci/i18n.ts puts every one into the .pot);
// arguments that are messages themselves are translated too.
export type CoreMsg = CoreMessage;
export interface Described { id?: string, args?: Arg[], message?: string }
export type Text = Msg | CoreMsg;

function isCore(x: unknown): x is CoreMsg {
	return x !== null && typeof x === 'object' && typeof (x as CoreMsg).id === 'string' && Array.isArray((x as CoreMsg).args);
}

// The core message in the user's language. An id this build does not know
// (a newer router) shows the English `message` the router sent with it.
export function trCore(m: CoreMsg | Described | string, translate?: (s: string) => string): string {
	if (typeof m === 'string') return m;
	if (!isCore(m) || !Object.prototype.hasOwnProperty.call(MESSAGES, m.id))
		return (m as Described).message ?? (isCore(m) ? format(m) : '');
	const args = m.args;
	const template = MESSAGES[m.id];
	return fill(translate ? translate(template) : template, args.length, (i) => {
		const a = args[i];
		return isCore(a) ? trCore(a, translate) : String(a);
	});
}

// Any Text (this app's or the core's) in the user's language.
export function say(t: Text, translate?: (s: string) => string): string {
	return isCore(t) ? trCore(t, translate) : tr(t as Msg, translate);
}

// ubus status's warnings in the user's language: by their messages
// (`warning_messages`), or the English `warnings` of a router older than them.
export function statusWarnings(st: { warnings: string[], warning_messages?: Described[] }, translate?: (s: string) => string): string[] {
	const ms = st.warning_messages;
	if (!Array.isArray(ms) || ms.length !== st.warnings.length) return st.warnings;
	return ms.map((m) => trCore(m, translate));
}
