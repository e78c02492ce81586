// Types of luci-minify.mjs, for the TypeScript tests.
export function languageVersion(text: string, file?: string): number;
export function luciParams(directiveValues: string[]): string[];
export function minifyLuciModule(source: string, file: string): string;
