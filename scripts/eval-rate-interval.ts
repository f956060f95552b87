// Wilson score interval of a proportion: how far a rate measured on a few hundred rows can be from
// the rate on text like it. A judging set with 90 clean rows cannot tell an FPR of 1 % from 4 %.
const Z95 = 1.959964;

/** 95 % Wilson interval of `hits` successes in `n` trials, as [low, high]; [0, 1] when n is 0. */
export function wilson95(hits: number, n: number): [number, number] {
  if (n === 0) return [0, 1];
  const p = hits / n;
  const z2 = Z95 * Z95;
  const centre = (p + z2 / (2 * n)) / (1 + z2 / n);
  const half = (Z95 / (1 + z2 / n)) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  return [Math.max(0, centre - half), Math.min(1, centre + half)];
}
