// Hashed sparse features shared by the local linear models. A feature is a
// string (word, word pair, character n-gram, structural marker) hashed into a
// fixed number of buckets, so the model file stays small and unknown words
// cost nothing.
import { wordsOf } from './text-prep.js';

export interface FeatureOptions {
  /** log2 of the number of hash buckets */
  bits: number;
  wordBigrams: boolean;
  /** character n-gram length over the space-joined words; 0 = none */
  charGram: number;
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

// Several models read the same text in a row (user model, then harm model).
let lastText = '';
let lastWords: string[] = [];
function wordsOfCached(folded: string): string[] {
  if (folded !== lastText) {
    lastWords = wordsOf(folded);
    lastText = folded;
  }
  return lastWords;
}

/** Caps the number of words a single text contributes, keeping head and tail. */
const MAX_WORDS = 4_000;

// Repeats are removed with a generation stamp per bucket instead of a Set:
// no allocation per call, one array per bucket count.
const stamps = new Map<number, { marks: Uint32Array; generation: number }>();

/**
 * Calls `visit` once for each distinct feature bucket of a folded text
 * (presence, not counts, generalises better on short prompts). `extra` are
 * structural feature names added as they are. Returns the number of buckets.
 */
export function forEachFeature(folded: string, options: FeatureOptions, extra: readonly string[], visit: (bucket: number) => void): number {
  const mask = (1 << options.bits) - 1;
  let stamp = stamps.get(options.bits);
  if (!stamp) stamps.set(options.bits, (stamp = { marks: new Uint32Array(1 << options.bits), generation: 0 }));
  if (++stamp.generation === 0xffffffff) {
    stamp.marks.fill(0);
    stamp.generation = 1;
  }
  const { marks, generation } = stamp;
  let count = 0;
  const add = (hash: number): void => {
    const bucket = hash & mask;
    if (marks[bucket] !== generation) {
      marks[bucket] = generation;
      count++;
      visit(bucket);
    }
  };
  let words = wordsOfCached(folded);
  if (words.length > MAX_WORDS) words = words.slice(0, MAX_WORDS / 2).concat(words.slice(-MAX_WORDS / 2));
  // Hashes are chained (seed, then word) instead of building prefixed strings.
  let previous = 0;
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    add(fnv1a(w, WORD_SEED));
    if (options.wordBigrams && i > 0) add(fnv1a(w, previous));
    previous = fnv1a(' ', fnv1a(w, BIGRAM_SEED));
  }
  if (options.charGram > 0) {
    const joined = ' ' + words.join(' ') + ' ';
    const n = options.charGram;
    for (let i = 0; i + n <= joined.length; i++) add(fnv1a(joined.slice(i, i + n), CHAR_SEED));
  }
  for (const name of extra) add(fnv1a(name, EXTRA_SEED));
  return count;
}

/** The distinct feature buckets of a folded text, as an array (used by the trainer). */
export function hashedFeatures(folded: string, options: FeatureOptions, extra: readonly string[] = []): number[] {
  const out: number[] = [];
  forEachFeature(folded, options, extra, (bucket) => out.push(bucket));
  return out;
}
