import type { Rng } from '../../../scripts/train/rng.js';

/** A shuffled copy (Fisher–Yates), reproducible with a seeded Rng. */
export function shuffle<T>(rng: Rng, items: readonly T[]): T[] {
  const a = [...items];
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(rng.next() * (i + 1));
    [a[i], a[j]] = [a[j]!, a[i]!];
  }
  return a;
}
