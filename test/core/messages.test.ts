// The one message catalogue (src/core/messages.ts): every id the code uses
// is in it, every entry is used, and every message the core and the router
// really produce (test/helpers/messages.ts drives them with bad values and
// telling queries) has exactly the arguments its template names.
import { test } from 'vitest';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { MESSAGES, format, msg } from '../../src/core/messages';
import * as V from '../../src/core/values';
import { allMessages, valueMessages } from '../helpers/messages';

const numbers = (t: string) => [...t.matchAll(/\{([0-9]+)\}/g)].map((m) => Number(m[1]));

function sources(dir: string): string[] {
	return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
		const p = path.join(dir, e.name);
		return e.isDirectory() ? sources(p) : p.endsWith('.ts') && !p.endsWith('.d.ts') ? [p] : [];
	});
}

// ids as the code names them: msg('id', …) (coreMsg in LuCI), a ternary of
// two ids inside msg(…), conf.ts's at(line, 'id', …), literal {id: 'x', args}
function usedIds(): Map<string, string[]> {
	const used = new Map<string, string[]>();
	const add = (id: string, where: string) => used.set(id, [...(used.get(id) ?? []), where]);
	for (const f of sources('src')) {
		if (f === path.join('src', 'core', 'messages.ts')) continue;
		const lines = fs.readFileSync(f, 'utf8').split('\n');
		lines.forEach((l, i) => {
			const where = `${f}:${i + 1}`;
			for (const m of l.matchAll(/\b(?:msg|coreMsg)\(\s*'([a-z0-9_]+)'/g)) add(m[1], where);
			for (const m of l.matchAll(/\bmsg\((?:[^'()]|\([^()']*\))*\?\s*'([a-z0-9_]+)'\s*:\s*'([a-z0-9_]+)'/g)) { add(m[1], where); add(m[2], where); }
			for (const m of l.matchAll(/\bat\([^,()]+,\s*'([a-z0-9_]+)'/g)) add(m[1], where);
			for (const m of l.matchAll(/\{\s*id:\s*'([a-z0-9_]+)',\s*args:/g)) add(m[1], where);
		});
	}
	return used;
}

test('every template numbers its placeholders {1} … {n}', () => {
	for (const [id, t] of Object.entries(MESSAGES)) {
		const n = [...new Set(numbers(t))].sort((a, b) => a - b);
		assert.deepEqual(n, n.map((_x, i) => i + 1), `${id}: ${t}`);
	}
});

test('every id the code uses is in the catalogue, and every entry is used', () => {
	const used = usedIds();
	const unknown = [...used.keys()].filter((id) => !(id in MESSAGES));
	assert.deepEqual(unknown.map((id) => `${id} (${used.get(id)!.join(', ')})`), [], 'ids not in src/core/messages.ts');
	assert.deepEqual(Object.keys(MESSAGES).filter((id) => !used.has(id)), [], 'catalogue entries nothing uses');
});

const produced = allMessages();

test('every message produced has the arguments its template names', () => {
	for (const { source, msg: m } of produced) {
		assert.ok(m.id in MESSAGES, `${source}: unknown id ${m.id}`);
		const n = Math.max(0, ...numbers(MESSAGES[m.id]));
		assert.equal(m.args.length, n, `${source}: ${m.id} has ${m.args.length} args for "${MESSAGES[m.id]}": ${JSON.stringify(m.args)}`);
		for (const a of m.args) assert.ok(['string', 'number'].includes(typeof a) || (a && typeof a === 'object' && 'id' in a), `${source}: ${m.id} arg ${JSON.stringify(a)}`);
		assert.doesNotMatch(format(m), /\{[0-9]+\}/, `${source}: ${m.id}`);
	}
});

test('the drives produce every catalogue entry (so the check above covers each template)', () => {
	const seen = new Set(produced.map((x) => x.msg.id));
	assert.deepEqual(Object.keys(MESSAGES).filter((id) => !seen.has(id)), []);
});

test('a single value\'s message names the value', () => {
	for (const m of valueMessages()) {
		if (m.id === 'empty' || m.id === 'control_char') continue;   // nothing to show, or nothing printable
		assert.equal(typeof m.args[0], 'string', m.id);
		assert.ok(format(m).includes(`"${m.args[0]}`), `${m.id}: ${format(m)}`);
	}
});

test('a WireGuard key is named by its first characters and length, never in full', () => {
	const priv = 'WEwUzEUb44RdC/egGl/x1/s2dDe7FpJT70QWsXzeYk8';   // a private key missing its "="
	const t = format(V.badKey(priv)!);
	assert.equal(t, '"WEwU…" is not a WireGuard key (44 characters of base64 for 32 bytes; this has 43)');
	assert.ok(!t.includes(priv.slice(0, 8)));
	assert.equal(V.badKey(priv + '='), null);
});

test('format: nested messages, braces in values, unknown ids', () => {
	assert.equal(format(msg('at_path', ['client.x.rule[0]', msg('why_not_proto', ['tcp'])])), 'client.x.rule[0]: protocol is not tcp');
	// a value is inserted as it is: its own "{2}" is not a placeholder
	assert.equal(format(msg('idn_write_as', ['{2}.de', 'x'])), '"{2}.de" is an internationalised name: write it as "x"');
	assert.equal(format({ id: 'no_such_id', args: ['a', 1] }), 'no_such_id(a, 1)');
	assert.equal(format(msg('not_int', ['x'])), '"x" is not an integer from {2} to {3}');
});
