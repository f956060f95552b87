// Hashed sparse features shared by the local linear models. A feature is a
// string (word, word pair, character n-gram, structural marker) hashed into a
// fixed number of buckets, so the model file stays small and unknown words
// cost nothing.
import { wordsOf } from './text-prep.js';
import { clustersOf, coarseCluster, fineCluster } from '../word-clusters.js';
import { glossOf } from '../word-glosses.js';

export interface FeatureOptions {
  /** log2 of the number of hash buckets */
  bits: number;
  wordBigrams: boolean;
  /** character n-gram length over the space-joined words; 0 = none */
  charGram: number;
  /** word-cluster features (fine and coarse cluster of each word, coarse cluster pairs) */
  clusters?: boolean;
  /** a word with an English gloss (../word-glosses.ts) also yields the gloss's unigram, and bigrams and clusters come from the gloss */
  glosses?: boolean;
}

/** 32-bit FNV-1a over UTF-16 code units: fast, deterministic, good enough spread for bucketing. */
export function fnv1a(text: string, seed = 0x811c9dc5): number {
  let h = seed >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

const WORD_SEED = fnv1a('w:');
const BIGRAM_SEED = fnv1a('b:');
const CHAR_SEED = fnv1a('c:');
const EXTRA_SEED = fnv1a('x:');
const FINE_SEED = fnv1a('f:');
const COARSE_SEED = fnv1a('k:');
const COARSE_PAIR_SEED = fnv1a('kk:');

// Several models read the same texts in a row (user model, then harm model).
const recentWords: Array<{ text: string; words: string[] }> = [];
/** The words of a folded text (remembered for the next few texts). */
export function wordsOfCached(folded: string): string[] {
  for (const entry of recentWords) if (entry.text === folded) return entry.words;
  const words = wordsOf(folded);
  recentWords.unshift({ text: folded, words });
  if (recentWords.length > 4) recentWords.pop();
  return words;
}

/** Caps the number of words a single text contributes, keeping head and tail. */
const MAX_WORDS = 4_000;

// Repeats are removed with a generation stamp per bucket instead of a Set:
// no allocation per call, one array per bucket count.
const stamps = new Map<number, { marks: Uint32Array; generation: number }>();
let buffer = new Int32Array(1024);

/** murmur3 finaliser: spreads a combined 32-bit value over all bits. */
function mix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/**
 * The distinct feature buckets of a folded text (presence, not counts,
 * generalises better on short prompts), written into a shared buffer: valid
 * until the next call. `extra` are structural feature names added as they are.
 * Each word is hashed once; unigram and bigram buckets are mixed from that.
 */
export function featureBuckets(folded: string, options: FeatureOptions, extra: readonly string[] = []): { buckets: Int32Array; count: number } {
  return featureBucketsOfWords(wordsOfCached(folded), options, extra);
}

/** As featureBuckets, for text already split into words. */
export function featureBucketsOfWords(allWords: readonly string[], options: FeatureOptions, extra: readonly string[] = []): { buckets: Int32Array; count: number } {
  const mask = (1 << options.bits) - 1;
  let stamp = stamps.get(options.bits);
  if (!stamp) stamps.set(options.bits, (stamp = { marks: new Uint32Array(1 << options.bits), generation: 0 }));
  if (++stamp.generation === 0xffffffff) {
    stamp.marks.fill(0);
    stamp.generation = 1;
  }
  const { marks, generation } = stamp;
  const words = allWords.length > MAX_WORDS ? allWords.slice(0, MAX_WORDS / 2).concat(allWords.slice(-MAX_WORDS / 2)) : allWords;
  const joined = options.charGram > 0 ? ' ' + words.join(' ') + ' ' : '';
  const needed = words.length * (options.clusters ? 6 : 3) + extra.length + joined.length + 1;
  if (buffer.length < needed) buffer = new Int32Array(Math.max(needed, buffer.length * 2));
  let count = 0;
  const add = (hash: number): void => {
    const bucket = hash & mask;
    if (marks[bucket] !== generation) {
      marks[bucket] = generation;
      buffer[count++] = bucket;
    }
  };
  let previous = 0;
  let previousCoarse = -1;
  for (let i = 0; i < words.length; i++) {
    let word = words[i]!;
    let h = fnv1a(word);
    add(mix(h ^ WORD_SEED));
    const gloss = options.glosses ? glossOf(word) : undefined;
    if (gloss !== undefined) {
      word = gloss;
      h = fnv1a(gloss);
      add(mix(h ^ WORD_SEED));
    }
    if (options.wordBigrams && i > 0) add(mix(Math.imul(previous, 0x9e3779b1) ^ h ^ BIGRAM_SEED));
    previous = h;
    if (options.clusters) {
      const packed = clustersOf(word);
      if (packed === undefined) {
        previousCoarse = -1;
        continue;
      }
      const coarse = coarseCluster(packed);
      add(mix(fineCluster(packed) ^ FINE_SEED));
      add(mix(coarse ^ COARSE_SEED));
      if (previousCoarse >= 0) add(mix(((previousCoarse << 12) | coarse) ^ COARSE_PAIR_SEED));
      previousCoarse = coarse;
    }
  }
  if (options.charGram > 0) {
    const n = options.charGram;
    for (let i = 0; i + n <= joined.length; i++) add(fnv1a(joined.slice(i, i + n), CHAR_SEED));
  }
  for (const name of extra) add(fnv1a(name, EXTRA_SEED));
  return { buckets: buffer, count };
}

/** The distinct feature buckets of a folded text, as an array (used by the trainer). */
export function hashedFeatures(folded: string, options: FeatureOptions, extra: readonly string[] = []): number[] {
  const { buckets, count } = featureBuckets(folded, options, extra);
  return Array.from(buckets.subarray(0, count));
}
