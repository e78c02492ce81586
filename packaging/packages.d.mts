// Types of packages.mjs, for the TypeScript tests and bench.
export interface PackageDef {
	name: string;
	makefile: string;
	version: string;
	release: number;
	source: string;
	section: string;
	license: string;
	depends: string[];
	description: string[];
	trees: { from: string; to: string }[];
	modes: string;
	conffiles: string[];
	scripts: Partial<Record<'preinst' | 'postinst' | 'prerm' | 'postrm', string>>;
	expect: string[];
	/** patterns as in the mode table: files minified when packed (packaging/luci-minify.mjs) */
	minify?: string[];
	url?: string;
	maintainer?: string;
}
export const REPO: string;
export const RELEASE: number;
export function packages(repo?: string): PackageDef[];
