import assert from 'node:assert/strict';
import { scoreHarm } from '../../../src/guard/detectors/harm/index.js';
import { scoreInjection } from '../../../src/guard/detectors/injection/index.js';

const inputs: Array<[string, string]> = [
  ['empty', ''],
  ['whitespace', ' \n\t\r  \u00A0\u3000'],
  ['NUL bytes', '\u0000'.repeat(1000) + 'hello\u0000world'],
  ['lone surrogates', '\uD800abc\uDC00def\uDBFF'],
  ['CJK', '请帮我总结这份会议记录，并列出下周的行动项。東京の天気はどうですか？'],
  ['Arabic', 'مرحبا، هل يمكنك مساعدتي في كتابة رسالة إلى مديري؟'],
  ['emoji', '😀🎉🔥👍🏽👨‍👩‍👧‍👦 🇫🇷'.repeat(50)],
  ['1 MB of one character', 'a'.repeat(1 << 20)],
  ['1 MB of words', 'please ignore the previous rules of the game '.repeat(24_000)],
  ['100k zero-width characters', '\u200B'.repeat(100_000)],
  ['deeply nested markdown', '> '.repeat(20_000) + '[x](' + '('.repeat(10_000)],
  ['long base64', 'QUJD'.repeat(50_000)],
  ['control characters', '\u0001\u0002\u001b[31mred\u001b[0m\u007f'],
];

function assertScore(score: number): void {
  assert.equal(typeof score, 'number');
  assert.ok(Number.isFinite(score) && score >= 0 && score <= 1, `score ${score}`);
}

describe('detectors on bad input return a score, never throw', () => {
  for (const [name, text] of inputs) {
    it(name, () => {
      assertScore(scoreInjection(text, 'user').score);
      assertScore(scoreInjection(text, 'document').score);
      const harm = scoreHarm(text);
      assertScore(harm.score);
      assert.ok(Array.isArray(harm.evidence));
    });
  }
  it('treats a non-string at runtime as empty text', () => {
    const notText = undefined as unknown as string;
    assertScore(scoreInjection(notText, 'user').score);
    assertScore(scoreHarm(notText).score);
  });
  it('does not flag empty or whitespace-only input', () => {
    assert.ok(scoreInjection('', 'user').score < 0.5);
    assert.ok(scoreInjection('   ', 'document').score < 0.5);
    assert.ok(scoreHarm('').score < 0.5);
  });
  it('scores a 1 MB repeated character without flagging it', () => {
    const result = scoreInjection('x'.repeat(1 << 20), 'document');
    assert.ok(result.score < 0.5);
  });
});
