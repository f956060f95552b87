import assert from 'node:assert/strict';
import { normalizeText, toRawSpan } from '../../../src/guard/normalize/normalize-text.js';

describe('normalizeText', () => {
  it('leaves plain ASCII untouched and maps offsets one to one', () => {
    const n = normalizeText('hello world');
    assert.equal(n.text, 'hello world');
    assert.deepEqual(toRawSpan(n, 6, 11), { start: 6, end: 11 });
  });

  it('applies NFKC to fullwidth and mathematical letters', () => {
    assert.equal(normalizeText('ｉｇｎｏｒｅ').text, 'ignore');
    assert.equal(normalizeText('𝐢𝐠𝐧𝐨𝐫𝐞').text, 'ignore');
  });

  it('removes zero-width, bidi and other invisible characters', () => {
    assert.equal(normalizeText('ig\u200bno\u200dre\u2060 pre\u202evious\ufeff').text, 'ignore previous');
    assert.equal(normalizeText('日本\ufeff語\ufe0f').text, '日本語');
  });

  it('decodes Unicode tag characters (ASCII smuggling) into the ASCII they spell', () => {
    const hidden = [...'hi'].map((c) => String.fromCodePoint(0xe0000 + c.charCodeAt(0))).join('');
    assert.equal(normalizeText(`ok${hidden}`).text, 'okhi');
  });

  it('folds Cyrillic and Greek lookalikes inside Latin words', () => {
    assert.equal(normalizeText('іgnоrе аll').text, 'ignore all');
  });

  it('leaves genuine Cyrillic and Greek prose alone', () => {
    assert.equal(normalizeText('Привет, мир').text, 'Привет, мир');
    assert.equal(normalizeText('Καλημέρα κόσμε').text, 'Καλημέρα κόσμε');
  });

  it('replaces lone surrogates and drops NUL and control characters', () => {
    const n = normalizeText('a\ud800b\u0000c\udc00');
    assert.equal(n.text, 'a\ufffdbc\ufffd');
  });

  it('keeps CJK, Arabic and emoji text', () => {
    const text = '你好，世界 مرحبا بالعالم 👋🏽';
    assert.equal(normalizeText(text).text, text.normalize('NFKC'));
  });

  it('maps spans found after normalisation back to the raw text', () => {
    const raw = 'mail: j\u200bo\u200bhn@exa\u200bmple.com now';
    const n = normalizeText(raw);
    const at = n.text.indexOf('john@example.com');
    const span = toRawSpan(n, at, at + 'john@example.com'.length);
    assert.equal(raw.slice(span.start, span.end), 'j\u200bo\u200bhn@exa\u200bmple.com');
  });

  it('maps an expanded NFKC character back to its single raw character', () => {
    const raw = 'x ﬁle y'; // the ligature becomes "fi"
    const n = normalizeText(raw);
    assert.equal(n.text, 'x file y');
    const span = toRawSpan(n, 2, 6);
    assert.equal(raw.slice(span.start, span.end), 'ﬁle');
  });

  it('maps long ASCII runs around expansions and dropped controls back unit for unit', () => {
    // U+FDFA expands to 18 characters under NFKC, more than the buffer's spare room.
    const run = 'plain words '.repeat(20);
    const raw = `\ufdfa${run}\u0007${run}end\u2014`;
    const n = normalizeText(raw);
    const expanded = '\ufdfa'.normalize('NFKC');
    assert.equal(n.text, `${expanded}${run}${run}end-`);
    const second = expanded.length + run.length;
    const span = toRawSpan(n, second, second + run.length);
    assert.equal(raw.slice(span.start, span.end), run);
    assert.deepEqual(toRawSpan(n, 0, expanded.length), { start: 0, end: 1 });
    const tail = n.text.length - 4;
    assert.equal(raw.slice(toRawSpan(n, tail, tail + 4).start, toRawSpan(n, tail, tail + 4).end), 'end\u2014');
  });
});
