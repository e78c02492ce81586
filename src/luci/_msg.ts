// Translatable messages for the pure modules (src/luci/_*.ts).
//
// The pure modules run in Node tests as well as in the browser, so they
// cannot call LuCI's global `_()`. They mark their message templates with
// N_() (which the .pot extractor picks up, like `_()` in the views) and
// return Msg values; the views render them with `tr(m, _)`.

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

// A message from this app (Msg) or a message of the core, kept in the core's
// English until shown (see _coremsg.ts).
export interface CoreText { core: string }
export type Text = Msg | CoreText;

export function core(message: string): CoreText {
	return { core: message };
}
