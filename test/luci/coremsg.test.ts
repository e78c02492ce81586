// LuCI shows the core's messages translated: by id, the catalogue's English
// template as the msgid (src/luci/_msg.ts trCore), arguments filled in, and
// arguments that are messages translated in turn. Every catalogue entry has
// a zh_Hans translation unless it is deliberately left in English.
import { test } from 'vitest';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { MESSAGES, format, msg } from '../../src/core/messages';
import { trCore, say, msg as luciMsg } from '../../src/luci/_msg';
import { parsePo, PO_DIR, ROOT, UNTRANSLATED_IDS } from './i18n';
import { allMessages } from '../helpers/messages';
import { statusWarnings } from '../../src/luci/_msg';
import { doctorLines } from '../../src/luci/_doctor';
import { status } from '../../src/router/status';
import { apply } from '../../src/router/apply';
import { doctor } from '../../src/router/doctor';
import { fakeRouter } from '../router/fakes';
import { openwrt } from '../router/openwrt';

const zh = parsePo(fs.readFileSync(path.join(ROOT, PO_DIR, 'zh_Hans', 'splitwg.po'), 'utf8')).tr;
const zhOf = (s: string) => zh.get(s) || s;

test('every catalogue id has a zh_Hans translation or is deliberately untranslated', () => {
	const missing = Object.keys(MESSAGES).filter((id) => !zh.get(MESSAGES[id]) && !UNTRANSLATED_IDS.includes(id));
	assert.deepEqual(missing, []);
	for (const id of UNTRANSLATED_IDS) assert.ok(id in MESSAGES, `${id} is no catalogue id`);
});

test('every message the core and the router produce is translated, nested arguments too', () => {
	const mark = (s: string) => `⟨${s}⟩`;
	for (const { source, msg: m } of allMessages()) {
		const t = trCore(m, mark);
		assert.ok(t.startsWith('⟨'), `${source}: ${format(m)} → ${t}`);
		// with the identity, the English of the CLI and ubus
		assert.equal(trCore(m), format(m), `${source}: ${m.id}`);
		for (const a of m.args)
			if (a && typeof a === 'object') assert.ok(t.includes(trCore(a, mark)), `${source}: ${m.id} shows its argument ${a.id} translated`);
	}
});

test('a skipped rule in Chinese: each reason translated, joined the Chinese way', () => {
	const why = msg('and', [
		msg('why_no_match_but', [msg('and', [msg('at_path', ['client.x.rule[0]', msg('why_not_proto', ['tcp'])]), msg('at_path', ['client.x.rule[1]', msg('why_not_port', [80, '443, 8000-8100'])])]), 'direct']),
		msg('why_note_ip'),
	]);
	assert.equal(trCore(why, zhOf), '没有规则匹配（目的地匹配但条件不满足：client.x.rule[0]: 协议不是 tcp；client.x.rule[1]: 端口 80 不在 443, 8000-8100 中）：使用客户端默认 direct；注：客户端通过路由器解析过域名后，域名规则也会匹配对应的地址');
});

test('a translation may reorder the arguments', () => {
	const m = msg('address_overlap', ['10.0.0.2', '10.0.0.0/24', 'tv']);
	assert.equal(trCore(m, () => 'client {3}: {2} ⊇ {1}'), 'client tv: 10.0.0.0/24 ⊇ 10.0.0.2');
});

test('an id this build does not know shows the English the router sent; plain text stays as it is', () => {
	assert.equal(trCore({ id: 'from_a_newer_router', args: ['x'], message: 'something new about x' }, () => 'X'), 'something new about x');
	assert.equal(trCore({ message: 'popen failed' }, () => 'X'), 'popen failed');
	assert.equal(trCore('as it is', () => 'X'), 'as it is');
});

test('say: the app\'s messages and the core\'s', () => {
	assert.equal(say(luciMsg('Line %d', 3), (s) => s === 'Line %d' ? '第 %d 行' : s), '第 3 行');
	assert.equal(say(msg('not_port', ['0']), zhOf), zhOf(MESSAGES.not_port).replace('{1}', '0'));
});

test('the overview shows the router\'s status warnings and a failed apply in Chinese, by id; an older router\'s in English', () => {
	const r = fakeRouter({ uci: openwrt() });
	apply(r.env);
	r.fail = (argv) => argv[0] === 'nft' && argv[1] === '-f' && argv[2].endsWith('next.nft') ? { code: 1, stdout: '', stderr: 'Error: Operation not supported\n' } : null;
	r.uci.setText('splitwg', r.uci.text('splitwg').replace("option default 'proxy'", "option default 'direct'"));
	apply(r.env);
	const st = JSON.parse(JSON.stringify(status(r.env)));   // as ubus hands it over
	const shown = statusWarnings(st, zhOf);
	assert.ok(shown.includes('上游 us：接口 sw_us 已断开（断网保护：其流量被阻止）'), shown.join('\n'));
	const failed = shown.find((w) => w.startsWith('上次应用失败：'));
	assert.match(failed ?? '', /^上次应用失败：nft：nft -f .* exited 1: Error: Operation not supported；已恢复之前的状态$/);
	assert.match(trCore(st.last_apply, zhOf), /；已恢复之前的状态$/);
	// a router older than warning_messages: its English, as it sent it
	assert.deepEqual(statusWarnings({ warnings: st.warnings }, zhOf), st.warnings);
	// the doctor's finding names the failed apply's message translated too
	const line = doctorLines(JSON.parse(JSON.stringify(doctor(r.env))).findings, zhOf).find((l) => l.id === 'last_apply_failed');
	assert.match(line?.what ?? '', /^上次应用失败（nft：.*；已恢复之前的状态）；仍在使用之前的状态。$/);
});
