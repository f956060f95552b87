import assert from 'node:assert/strict';
import { wilson95 } from '../../scripts/eval-rate-interval.js';

// eval:guards prints these intervals next to every TPR and FPR; a wrong one would mislead the report.
describe('Wilson 95 % interval of a measured rate', () => {
  const near = (actual: number, expected: number) => assert.ok(Math.abs(actual - expected) < 5e-4, `${actual} vs ${expected}`);

  it('matches the textbook values for 4 false positives in 90 clean rows and 0 in 90', () => {
    const [lo, hi] = wilson95(4, 90);
    near(lo, 0.0174);
    near(hi, 0.109);
    const [zeroLo, zeroHi] = wilson95(0, 90);
    assert.equal(zeroLo, 0);
    near(zeroHi, 0.0409);
  });

  it('stays inside [0, 1], contains the rate, and narrows as rows are added', () => {
    for (const [hits, n] of [[1, 1], [0, 1], [9, 10], [450, 500]] as const) {
      const [lo, hi] = wilson95(hits, n);
      assert.ok(lo >= 0 && hi <= 1 && lo <= hits / n && hits / n <= hi, `${hits}/${n}`);
    }
    const width = (n: number) => { const [lo, hi] = wilson95(n / 10, n); return hi - lo; };
    assert.ok(width(1000) < width(100) && width(100) < width(10));
  });

  it('says nothing when there are no rows', () => {
    assert.deepEqual(wilson95(0, 0), [0, 1]);
  });
});
