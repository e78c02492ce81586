// Which ucode, and which C library under it, the shim imitates. ucode defers
// some behaviour to libc (inet_ntop, regcomp, mktime) and changed a few
// builtins after its last release; these two switches pick the variant, so
// the shim can be compared with whichever real ucode is at hand.
//
// The modules read `libcFlavor` and `ucodeVersion` at call time (ES module
// bindings are live), so a switch applies to every builtin at once; only the
// setters below write them.

export let libcFlavor: 'musl' | 'glibc' = 'musl';

/**
 * Which C library's behaviour to follow where ucode defers to it. Default
 * 'musl' (OpenWrt). Differences: arrtoip() (glibc's inet_ntop prints
 * IPv4-compatible addresses as `::1.2.3.4`, musl as `::102:304`, and breaks
 * ties between equally long zero runs differently), and regexps compiled by
 * regexp() from a string (musl: `\d` is a digit and `\n` a newline, no back
 * references; glibc: `\d` is "d", `\1` is a back reference) plus regcomp's
 * error messages. Use 'glibc' to compare with a ucode built on a desktop.
 */
export function setLibc(flavor: 'musl' | 'glibc'): void {
	libcFlavor = flavor;
}

export let ucodeVersion: 'snapshot' | 'v0.0.20250529' = 'snapshot';

/**
 * Which ucode to follow where its builtins changed after the last release.
 * Default 'snapshot' (81205a2, what docs/ucode-subset.md was measured on).
 * 'v0.0.20250529' (the release tag) differs in:
 *  - the regexp `s` flag (before commit 8a8b4d1): WITHOUT `s`, `.` matches
 *    "\n" and `^`/`$` only match at the ends of the subject; WITH `s` they
 *    are line-based and `.` stops at "\n" (the snapshot is the other way round);
 *  - rindex(str, needle) never finds a match at offset 0 (-1 instead; fixed
 *    in cd2850e);
 *  - lc(), uc() and reverse() of a string cut it at the first NUL byte.
 */
export function setUcodeVersion(version: 'snapshot' | 'v0.0.20250529'): void {
	ucodeVersion = version;
}
