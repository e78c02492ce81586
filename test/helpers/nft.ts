// Real nft, in a private network namespace (so nothing touches the host):
// `nft -c` for syntax+semantics checks of generated scripts.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { NftTable } from '../../src/core/index';

export function nftCheck(script: string): { ok: boolean, stderr: string } {
	const r = spawnSync('unshare', ['--net', 'nft', '-c', '-f', '-'], { input: script, encoding: 'utf8' });
	if (r.error) throw new Error(`cannot run nft: ${r.error.message} (install nftables; run as root)`);
	return { ok: r.status === 0, stderr: r.stderr };
}

// Check many scripts in one private namespace: one process per script but a
// shared unshare, which keeps property tests fast.
export function nftCheckMany(scripts: string[]): { ok: boolean, stderr: string }[] {
	const sh = scripts.map((_, i) => `nft -c -f "$D/${i}.nft" 2>"$D/${i}.err"; echo $? >"$D/${i}.rc"`).join('\n');
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'swnft-'));
	scripts.forEach((s, i) => fs.writeFileSync(path.join(dir, `${i}.nft`), s));
	fs.writeFileSync(path.join(dir, 'run.sh'), sh);
	const r = spawnSync('unshare', ['--net', 'sh', path.join(dir, 'run.sh')], { env: { ...process.env, D: dir }, encoding: 'utf8' });
	if (r.error) throw new Error(`cannot run nft: ${r.error.message}`);
	const out = scripts.map((_, i) => ({
		ok: fs.readFileSync(path.join(dir, `${i}.rc`), 'utf8').trim() === '0',
		stderr: fs.readFileSync(path.join(dir, `${i}.err`), 'utf8'),
	}));
	fs.rmSync(dir, { recursive: true, force: true });
	return out;
}

// The model with every comment reworded: the printed text changes, nothing
// the router reads from the model may.
export function reworded(t: NftTable, word: string): NftTable {
	return {
		...t, marks: word,
		sets: t.sets.map((s) => ({ ...s, why: s.why && word })),
		maps: t.maps.map((m) => ({ ...m, why: m.why && word })),
		chains: t.chains.map((c) => ({ ...c, note: c.note && word, why: c.why && word, rules: c.rules.map((r) => ({ ...r, comment: r.comment && word })) })),
	};
}
