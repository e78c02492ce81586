// ucode exceptions. Builtins fail by throwing a UcodeError, which carries the
// `type` and `message` a ucode `catch (e)` would see, so ported code can test
// e.type the same way under Node and in browsers.

/** What ucode's `catch (e)` sees: { type, message, stacktrace }. */
export class UcodeError extends Error {
	type: string;
	stacktrace: unknown[];
	constructor(type: string, message: string) {
		super(message);
		this.name = 'UcodeError';
		this.type = type;
		this.stacktrace = [];
	}
}

export function raise(type: 'Error' | 'Syntax error' | 'Type error' | 'Runtime error' | 'Reference error', msg: string): never {
	throw new UcodeError(type, msg);
}
