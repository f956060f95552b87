// Word clusters for the local guard models: each common English word maps to
// a coarse and a fine cluster of words with similar meaning (k-means over
// GloVe vectors, built by scripts/train/build-word-clusters.ts). A model that
// learned "poison" then also reacts to "ricin", which it never saw.
import { readFileSync } from 'node:fs';

/** coarse cluster in the high 16 bits, fine cluster in the low 16 bits */
let table: Map<string, number> | undefined;
/** frequency rank (1 = most frequent): the file lists words in GloVe's frequency order */
let ranks: Map<string, number> | undefined;

function load(): Map<string, number> {
  const map = new Map<string, number>();
  const rankMap = new Map<string, number>();
  const text = readFileSync(new URL('./word-clusters.txt', import.meta.url), 'utf8');
  for (const line of text.split('\n')) {
    if (line.length === 0 || line.startsWith('#')) continue;
    const [word, coarse, fine] = line.split(' ');
    map.set(word!, (Number(coarse) << 16) | Number(fine));
    rankMap.set(word!, rankMap.size + 1);
  }
  ranks = rankMap;
  return map;
}

/** Reads the table (about 0.1 s) if it is not loaded yet: called when a model that uses clusters loads, so no turn pays for it. */
export function loadWordClusters(): void {
  table ??= load();
}

/** The packed clusters of a word, or undefined when the word is not in the table. */
export function clustersOf(word: string): number | undefined {
  table ??= load();
  return table.get(word);
}

/** How common a word is: its frequency rank in the table (1 = "the"), or undefined when it is not there. */
export function rankOf(word: string): number | undefined {
  table ??= load();
  return ranks!.get(word);
}

export const coarseCluster = (packed: number): number => packed >>> 16;
export const fineCluster = (packed: number): number => packed & 0xffff;
