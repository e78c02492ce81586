// ucode's native modules as the router code uses them (ucode lib/fs.c,
// lib/uci.c, lib/ubus.c). Only what src/router needs is declared, so a use
// of anything else is a compile error rather than a runtime surprise.
declare module 'fs' {
	interface FileHandle {
		read(what: 'all' | 'line' | number): string | null;
		write(data: string): number | null;
		close(): number | boolean | null;
	}
	interface Stat { type: string; size: number; mtime: number; perm: object; }
	export function readfile(path: string, limit?: number): string | null;
	export function writefile(path: string, data: string, limit?: number): number | null;
	export function popen(cmd: string, mode?: 'r' | 'w'): FileHandle | null;
	export function open(path: string, mode?: string, perm?: number): FileHandle | null;
	export function stat(path: string): Stat | null;
	export function lstat(path: string): Stat | null;
	export function glob(...patterns: string[]): string[] | null;
	export function lsdir(path: string, pattern?: string): string[] | null;
	export function unlink(path: string): boolean | null;
	export function rename(from: string, to: string): boolean | null;
	export function mkdir(path: string, mode?: number): boolean | null;
	export function rmdir(path: string): boolean | null;
	export function access(path: string, mode?: string): boolean | null;
	export function chmod(path: string, mode: number): boolean | null;
	export function symlink(target: string, path: string): boolean | null;
	export function readlink(path: string): string | null;
	export function error(): string | null;
}

declare module 'uci' {
	interface Cursor {
		load(config: string): boolean | null;
		unload(config: string): boolean | null;
		get(config: string, section: string, option?: string): string | string[] | null;
		get_all(config: string, section?: string): { [k: string]: any } | null;
		get_first(config: string, type: string, option?: string): string | string[] | null;
		add(config: string, type: string): string | null;
		set(config: string, section: string, optionOrType: string, value?: string | string[]): boolean | null;
		delete(config: string, section: string, option?: string): boolean | null;
		reorder(config: string, section: string, index: number): boolean | null;
		save(config?: string): boolean | null;
		commit(config?: string): boolean | null;
		revert(config?: string): boolean | null;
		changes(config?: string): object | null;
		foreach(config: string, type: string | null, cb: (section: { [k: string]: any }) => boolean | void): boolean | null;
		error(): string | null;
	}
	export function cursor(confdir?: string, savedir?: string): Cursor | null;
	export function error(): string | null;
}

declare module 'ubus' {
	interface Connection {
		call(object: string, method: string, args?: object): any;
		list(path?: string): any;
		error(): string | null;
		disconnect(): boolean;
	}
	export function connect(socket?: string, timeout?: number): Connection | null;
	export function error(): string | null;
}

declare module 'uloop' {
	interface Timer { set(ms: number): boolean | null; remaining(): number; cancel(): boolean | null; }
	export function init(): boolean | null;
	export function run(timeout?: number): number | null;
	export function end(): void;
	export function timer(ms: number, cb: () => void): Timer | null;
}
