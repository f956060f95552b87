// Seeded pseudo-random numbers so the corpus and the training are reproducible.

export interface Rng {
  next(): number;
  int(n: number): number;
  pick<T>(items: readonly T[]): T;
  chance(p: number): boolean;
  shuffle<T>(items: T[]): T[];
}

/** mulberry32: tiny, fast, good enough for sampling templates. */
export function createRng(seed: number): Rng {
  let a = seed >>> 0;
  const next = (): number => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number): number => Math.floor(next() * n);
  return {
    next,
    int,
    pick: <T>(items: readonly T[]): T => items[int(items.length)]!,
    chance: (p: number) => next() < p,
    shuffle<T>(items: T[]): T[] {
      for (let i = items.length - 1; i > 0; i--) {
        const j = int(i + 1);
        [items[i], items[j]] = [items[j]!, items[i]!];
      }
      return items;
    },
  };
}

/** Fills {slot} placeholders from the given pools, picking at random. */
export function fill(rng: Rng, template: string, pools: Record<string, readonly string[]>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const pool = pools[name];
    return pool ? fill(rng, rng.pick(pool), pools) : whole;
  });
}

/** Random casing and punctuation variants so the model does not key on surface form. */
export function vary(rng: Rng, text: string): string {
  let t = text;
  if (rng.chance(0.15)) t = t.toLowerCase();
  if (rng.chance(0.1)) t = t.replace(/[.!]$/, '');
  if (rng.chance(0.05)) t = t.toUpperCase();
  return t;
}
