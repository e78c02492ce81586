// Kept in step with package.json by tools/build.mjs (a test checks it).
export const VERSION = '0.1.0';
