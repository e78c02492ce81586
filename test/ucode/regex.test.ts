// Regular expressions (src/ucode/shim/regex*.ts, wildcard.ts): POSIX ERE
// semantics, ucode's match/replace/split loops and regcomp's errors.
import { test } from 'vitest';
import assert from 'node:assert/strict';
import * as S from '../../src/ucode/shim';
import { dies } from './helpers';

const { sprintf, split, uc, match, replace, regexp, wildcard } = S;

test('replace() with a string pattern replaces every occurrence', () => {
	assert.equal(replace('a.b.c', '.', '-'), 'a-b-c');
	assert.equal(replace('aaa', 'a', 'b', 2), 'bba');
	assert.equal(replace('abc', '', '-'), '-a-b-c-');
	// a regexp without /g replaces the first match only
	assert.equal(replace('a.b.c', /\./, '-'), 'a-b.c');
	assert.equal(replace('a.b.c', /\./g, '-'), 'a-b-c');
});

test('split(): string and regexp separators, limit, ucode\'s empty-match rules', () => {
	assert.deepEqual(split('a,b,,c', ','), ['a', 'b', '', 'c']);
	assert.deepEqual(split('abc', ''), ['a', 'b', 'c']);
	assert.deepEqual(split('héllo', ''), ['h', '\udcc3', '\udca9', 'l', 'l', 'o']); // bytes
	assert.deepEqual(split('a,b,c', ',', 2), ['a', 'b,c']);
	assert.deepEqual(split('', ','), ['']);
	assert.deepEqual(split('', ''), ['']);
	assert.deepEqual(split('abc', '', 2), ['a', 'bc']);
	assert.deepEqual(split('a b', ' ', 0), []);
	assert.deepEqual(split('a,b', ',', -1 as never), []);
	assert.deepEqual(split('a1b22c', /[0-9]+/), ['a', 'b', 'c']);
	assert.deepEqual(split('abc', /x*/), ['a', 'b', 'c']);
	assert.deepEqual(split('a1b', /[0-9]*/), ['a', '', 'b']);
	assert.deepEqual(split('abc', /x*$/), ['a', 'b', 'c']);
	assert.deepEqual(split('', /x*/), []);
	assert.deepEqual(split('', /,/), ['']);
	assert.deepEqual(split('a b  c', /\s+/), ['a', 'b', 'c']);
	assert.equal(split(1 as never, ','), null);
	assert.equal(split('a' as never, undefined as never), null);
});

test('match(): POSIX ERE semantics, /g gives an array of match arrays', () => {
	assert.deepEqual(match('foo=bar', /^([a-z]+)=([a-z]*)$/), ['foo=bar', 'foo', 'bar']);
	assert.deepEqual(match('foo=', /^([a-z]+)=([a-z]+)?$/), ['foo=', 'foo', null]);
	assert.deepEqual(match('a1b2', /[0-9]/g), [['1'], ['2']]);
	assert.deepEqual(match('ab', /(a)|(b)/g), [['a', 'a', null], ['b', null, 'b']]);
	assert.equal(match('x', /y/g), null);
	assert.deepEqual(match(12 as never, /2/), ['2']);
	assert.equal(match('x', 'x' as never), null);
	// ^ and $ match at line boundaries and . excludes \n unless the s flag is given
	assert.deepEqual(match('a\nfoo', /^foo$/), ['foo']);
	assert.equal(match('a\nfoo', /^foo$/s), null);
	assert.equal(match('a\nb', /a.b/), null);
	assert.deepEqual(match('a\nb', /a.b/s), ['a\nb']);
	// leftmost-longest, greedy "lazy" quantifiers, [\d] is a literal d
	assert.deepEqual(match('abcd', /ab|abcd/), ['abcd']);
	assert.deepEqual(match('xxy', /x*(xy)?/), ['xxy', 'xy']);
	assert.deepEqual(match('foo', /fo+?/), ['foo']); // o+? is (o+)?, greedy
	assert.deepEqual(match('foo', /o*?/), ['']); // leftmost: the empty match at 0
	assert.equal(match('ab', /[\d]/), null);
	assert.deepEqual(match('d', /[\d]/), ['d']);
	assert.deepEqual(match('a]b', /[]]/), [']']);
	assert.deepEqual(match('Ab', /[[:upper:]][[:lower:]]/), ['Ab']);
	assert.deepEqual(match('é', /^..$/), ['é']); // . is one byte
	assert.deepEqual(match('abc', /x*$/g), [[''], [''], [''], ['']]);
	assert.deepEqual(match('', /x*/g), [['']]);
	assert.deepEqual(dies(() => match('x', /x/m)), { type: 'Syntax error', message: 'Regular expression flag \'m\' is not supported by ucode' });
});

test('replace(): $ escapes, callbacks, ucode\'s empty-match quirk', () => {
	assert.equal(replace('abcabc', 'b', '[$&|$`|$\']'), 'a[b|a|cabc]ca[b|ca|c]c');
	assert.equal(replace('abcabc', /b/g, '[$&|$`|$\'|$1|$$|$x]'), 'a[b|a|cabc|$1|$|$x]ca[b|ca|c|$1|$|$x]c');
	assert.equal(replace('hello', /(l)(l)?/g, (m: string, a: string, b: string) => sprintf('<%s,%s,%s>', m, a, b)), 'he<ll,l,l>o');
	assert.equal(replace('hello', 'l', (m: string) => uc(m)), 'heLLo');
	assert.equal(replace('a-b', /(x)?-/, '[$1]'), 'a[$1]b'); // an unset group stays literal
	assert.equal(replace('x', /x/, () => null), 'null');
	assert.equal(replace('x', /x/, () => [1]), '[ 1 ]');
	assert.equal(replace('a  b   c', /\s+/g, ' '), 'a b c');
	assert.equal(replace('aaa', /a/g, 'b', 2), 'bba');
	assert.equal(replace('ABC', /b/i, 'x'), 'AxC');
	assert.equal(replace('abc', /x*/g, '-'), '-a-b-c-');
	assert.equal(replace('a1b', /[0-9]*/g, '-'), '-a--b-');
	// after an empty match ucode copies the byte at the search start
	assert.equal(replace('abc', /x*$/, '-'), 'abc-abc');
	assert.equal(replace('abc', /x*$/g, '-'), 'abc-abc-bc-c-');
	assert.equal(replace('abc', null as never, 'x'), null);
	assert.equal(replace(123 as never, /2/, 'x'), '1x3');
});

test('regexp(): flags g i s, errors as regcomp reports them', () => {
	assert.equal(sprintf('%s', regexp('a+', 'g')), '/a+/g');
	assert.deepEqual(match('caat', regexp('a+')), ['aa']);
	assert.deepEqual(match('AA', regexp('a+', 'i')), ['AA']);
	assert.deepEqual(split('a1b2c', regexp('[0-9]')), ['a', 'b', 'c']);
	assert.deepEqual(match('x1', regexp('x\\d')), ['x1']); // musl: \d is a digit (glibc: a literal d)
	assert.deepEqual(dies(() => regexp('a', 'x')), { type: 'Type error', message: 'Unrecognized flag character \'x\'' });
	assert.deepEqual(dies(() => regexp('(')), { type: 'Syntax error', message: 'Missing \')\'' });
	assert.deepEqual(dies(() => regexp('*a')), { type: 'Syntax error', message: 'Repetition not preceded by valid expression' });
});

test('wildcard() is fnmatch without FNM_PATHNAME', () => {
	assert.deepEqual(
		[wildcard('foo.txt', '*.txt'), wildcard('a/b', 'a*b'), wildcard('abc', 'a?c'), wildcard('abc', '[a-c]bc'), wildcard('ABC', 'abc'),
			wildcard('ABC', 'abc', true), wildcard('a', '[!a]'), wildcard('[', '['), wildcard('a*', 'a\\*'), wildcard('', '*'), wildcard('ab', '[[:alpha:]]b')],
		[true, true, true, true, false, true, false, true, true, true, true]);
	assert.equal(wildcard('x', 5 as never), null);
});
