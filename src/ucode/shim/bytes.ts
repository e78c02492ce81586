// ucode strings are bytes, JS strings UTF-16. Where a builtin counts or cuts
// (length, substr, index, ord, regex matching), it works on a "B-string": one
// JS char per UTF-8 byte (Latin-1 range). ASCII text is its own B-string, so
// the common case costs one test.

const ASCII = /^[\x00-\x7f]*$/;

/** JS string → B-string */
export function toB(s: string): string {
	return ASCII.test(s) ? s : unescape(encodeURIComponent(s));
}

/** B-string → JS string; a cut through a UTF-8 sequence dies rather than inventing a character */
export function fromB(b: string): string {
	if (ASCII.test(b)) return b;
	try {
		return decodeURIComponent(escape(b));
	} catch {
		throw new UcodeError('Error', 'string cut inside a UTF-8 character (the shim keeps only valid UTF-8)');
	}
}

/** What ucode's `catch (e)` sees: { type, message }. */
export class UcodeError extends Error {
	type: string;
	constructor(type: string, message: string) {
		super(message);
		this.name = 'UcodeError';
		this.type = type;
	}
}

export function die(msg?: unknown): never {
	throw new UcodeError('Error', typeof msg === 'string' ? msg : 'Died');
}
