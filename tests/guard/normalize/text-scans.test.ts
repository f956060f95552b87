import assert from 'node:assert/strict';
import { collapseWhitespace } from '../../../src/guard/normalize/collapse-whitespace.js';
import { letterDigitRuns } from '../../../src/guard/normalize/letter-digit-runs.js';

/** Deterministic strings over pieces that sit on the edges of both scans. */
function* samples(count: number): Generator<string> {
  const pieces = ['a', 'Z', '9', ' ', '  ', '\n', '\t', '\r\n', '\u00a0', '\u2003', '\u3000', '\ufeff', '-', '.', 'é', 'ß', 'İ', '中', '٣', 'Ⅻ', '\u0301', '𝐚', '😀', '\ud800', '\udc00', '_'];
  let seed = 7;
  const next = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;
  for (let n = 0; n < count; n++) {
    let text = '';
    const length = Math.floor(next() * 24);
    for (let i = 0; i < length; i++) text += pieces[Math.floor(next() * pieces.length)];
    yield text;
  }
}

describe('text scans used by the guards', () => {
  it('collapseWhitespace gives what replace(/\\s+/g, " ") gives', () => {
    for (const text of samples(20_000)) assert.equal(collapseWhitespace(text), text.replace(/\s+/g, ' '), JSON.stringify(text));
  });

  it('letterDigitRuns gives what match(/[\\p{L}\\p{N}]+/gu) gives, astral letters and lone surrogates included', () => {
    for (const text of samples(20_000)) assert.deepEqual(letterDigitRuns(text), text.match(/[\p{L}\p{N}]+/gu) ?? [], JSON.stringify(text));
  });
});
