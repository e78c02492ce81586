// Golden files: UCI config in, every generated artifact out, reviewed and
// checked in (test/golden/<name>/expected/). UPDATE_GOLDEN=1 rewrites them.
import { test } from 'vitest';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { parseUci, readConfig, compile, renderUci } from '../../src/core/index';
import { nftCheck } from '../helpers/nft';

const dir = 'test/golden';
for (const name of fs.readdirSync(dir).sort()) {
	const src = path.join(dir, name, 'splitwg');
	if (!fs.existsSync(src)) continue;
	test(`golden ${name}`, () => {
		const u = parseUci(fs.readFileSync(src, 'utf8'));
		assert.deepEqual(u.errors, []);
		const r = readConfig(u.sections);
		assert.deepEqual(r.problems, [], 'golden configs are valid');
		const p = compile(r.config!);
		const got: Record<string, string> = {
			'splitwg.nft': p.nft, 'dnsmasq.conf': p.dnsmasq,
			network: renderUci(p.network), firewall: renderUci(p.firewall),
		};
		const exp = path.join(dir, name, 'expected');
		for (const [f, text] of Object.entries(got)) {
			const file = path.join(exp, f);
			if (process.env.UPDATE_GOLDEN) { fs.mkdirSync(exp, { recursive: true }); fs.writeFileSync(file, text); }
			assert.equal(text, fs.readFileSync(file, 'utf8'), `${file} (UPDATE_GOLDEN=1 npm run test:unit to accept)`);
		}
		const c = nftCheck(p.nft);
		assert.ok(c.ok, `nft -c rejects ${name}: ${c.stderr}`);
	});
}
