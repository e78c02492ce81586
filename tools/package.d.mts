// Types of package.mjs, for the TypeScript tests and bench.
export interface BuiltPackage {
	name: string;
	file: string;
	ipk: Buffer;
	control: string;
	installedSize: number;
	/** size as packed, sourceSize as in the tree; minified: by packaging/luci-minify.mjs */
	files: { rel: string; mode: number; size: number; minified: boolean; sourceSize: number }[];
}
export interface BuildOptions { repo?: string; epoch?: number; version?: string; allowIncomplete?: boolean }
export function sourceDateEpoch(repo?: string): number;
export function missingFiles(repo?: string): string[];
export function buildPackages(opts?: BuildOptions): BuiltPackage[];
export function packageSizes(opts?: BuildOptions): { name: string; file: string; ipkBytes: number; installedBytes: number; files: number }[];
