// A scratch copy of what the packages are built from, with a stand-in for
// every expected file that is not in the tree yet (generated or written by
// another part of the project), so package tests do not wait for them.
// Real files are always used where they exist.
import fs from 'node:fs';
import path from 'node:path';
import { REPO, packages } from '../../../packaging/packages.mjs';
import { missingFiles } from '../../../tools/package.mjs';

const PLACEHOLDER: [RegExp, string][] = [
	[/^etc\/init\.d\//, '#!/bin/sh /etc/rc.common\n# placeholder\nSTART=95\nUSE_PROCD=1\n'],
	[/^etc\/uci-defaults\//, '#!/bin/sh\n# placeholder\nexit 0\n'],
	[/^usr\/s?bin\//, '#!/usr/bin/ucode -S\n// placeholder\n'],
	[/\.json$/, '{}\n'],
	// a LuCI module (the package minifies it, packaging/luci-minify.mjs)
	[/\.js$/, "'use strict';\n'require baseclass';\n// placeholder\nreturn baseclass.extend({});\n"],
	[/./, '// placeholder\n'],
];

/** Copies package.json, packaging/, files/, luci-app-splitwg/ and prometheus-node-exporter-ucode-splitwg/ to dir; returns the placeholders made. */
export function scratchRepo(dir: string): string[] {
	for (const p of ['package.json', 'packaging', 'files', 'luci-app-splitwg', 'prometheus-node-exporter-ucode-splitwg'])
		if (fs.existsSync(path.join(REPO, p))) fs.cpSync(path.join(REPO, p), path.join(dir, p), { recursive: true });
	const made = missingFiles(dir);
	for (const m of made) {
		const [name, abs] = m.split(': ');
		const rel = abs.slice(1).replace('*', 'placeholder');
		const trees = packages(dir).find((p) => p.name === name)!.trees;
		const tree = trees.find((t) => t.to !== '' && rel.startsWith(`${t.to}/`)) ?? trees.find((t) => t.to === '')!;
		const src = path.join(dir, tree.from, tree.to ? rel.slice(tree.to.length + 1) : rel);
		fs.mkdirSync(path.dirname(src), { recursive: true });
		fs.writeFileSync(src, PLACEHOLDER.find(([re]) => re.test(rel))![1]);
	}
	return made;
}
