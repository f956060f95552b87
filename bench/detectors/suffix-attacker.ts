// Our own adversarial-suffix attacker, for tuning and testing the suffix
// signals (word soup, window perplexity, char anomaly) without the proxy sets:
// random token suffixes, random search (mutate a few tokens, keep what lowers
// the score) and greedy coordinate search (each position takes the candidate
// with the lowest score), all against a score function given by the caller.
// The token pool is written here: sub-word pieces of ordinary English words,
// markup and punctuation, a few words of other languages, numbers.
import type { Rng } from '../../scripts/train/rng.js';

const WORDS = `answer reply start begin sure certainly absolutely steps guide detailed output
format header title list item bullet heading caption story novel script scene actor villain
hero teacher lesson course chapter manual handbook recipe formula method proof theorem lemma
assume imagine suppose consider compose render print display return respond tell explain
simply quickly exactly correctly fully nothing everything without within across towards
alpha beta gamma delta sigma omega vector matrix tensor kernel module plugin widget canvas`.split(/\s+/).filter(Boolean);
const MARKUP = ['[', ']', '{', '}', '(', ')', '](', ')[', '{{', '}}', '<<', '>>', '</', '/>', '\\', '\\\\', '$', '$$', '^', '^{', '_{', '~', '`', '```', '"', "'", ',', '.', '..', ';', ':', '!', '!!', '?', '*', '**', '#', '##', '@', '%', '&', '|', '+', '=', '-', '--', '=>', '/'];
const FOREIGN = ['jetzt', 'bitte', 'wie', 'merci', 'voilà', 'aquí', 'ahora', 'grazie', 'questo', 'dank', 'teraz', 'şimdi', 'ja', 'nein', 'oui', 'sí'];
const NUMBERS = ['0', '1', '2', '7', '12', '99', '2.5', '100'];

/** What a suffix is drawn from, and the cumulative odds of each kind (markup, foreign, number, whole word; the rest are word pieces). */
export interface TokenPools {
  words: readonly string[];
  markup: readonly string[];
  foreign: readonly string[];
  numbers: readonly string[];
  cuts: readonly [markup: number, foreign: number, number: number, wholeWord: number];
}
const POOLS: TokenPools = { words: WORDS, markup: MARKUP, foreign: FOREIGN, numbers: NUMBERS, cuts: [0.3, 0.36, 0.4, 0.65] };

/** One token as a sub-word tokeniser would emit it: a word, a piece of one (maybe capitalised), markup, a number. */
export function suffixToken(rng: Rng, pools: TokenPools = POOLS): string {
  const [markup, foreign, number, wholeWord] = pools.cuts;
  const r = rng.next();
  if (r < markup) return rng.pick(pools.markup);
  if (r < foreign) return rng.pick(pools.foreign);
  if (r < number) return rng.pick(pools.numbers);
  const word = rng.pick(pools.words);
  if (r < wholeWord) return rng.chance(0.2) ? word[0]!.toUpperCase() + word.slice(1) : word;
  const start = rng.int(Math.max(1, word.length - 2));
  const piece = word.slice(start, start + 2 + rng.int(4));
  return rng.chance(0.35) ? piece[0]!.toUpperCase() + piece.slice(1) : piece;
}

export interface Suffix {
  tokens: string[];
  /** true: a space before the token; false: glued to the one before */
  gaps: boolean[];
}

export function randomSuffix(rng: Rng, length: number): Suffix {
  return { tokens: Array.from({ length }, () => suffixToken(rng)), gaps: Array.from({ length }, () => rng.chance(0.65)) };
}

export function withSuffix(request: string, suffix: Suffix): string {
  return `${request} ${suffix.tokens.map((t, i) => (i > 0 && suffix.gaps[i] ? ' ' : '') + t).join('')}`;
}

export type SuffixScore = (text: string) => number;

/** Random search: mutate 1-3 tokens, keep the change when the score does not rise. */
export function randomSearch(request: string, score: SuffixScore, rng: Rng, steps: number, length = 16): string {
  const suffix = randomSuffix(rng, length);
  let best = score(withSuffix(request, suffix));
  for (let step = 0; step < steps && best > 0.01; step++) {
    const saved = [...suffix.tokens];
    for (let k = 1 + rng.int(3); k > 0; k--) suffix.tokens[rng.int(length)] = suffixToken(rng);
    const s = score(withSuffix(request, suffix));
    if (s <= best) best = s;
    else suffix.tokens = saved;
  }
  return withSuffix(request, suffix);
}

/** Greedy coordinate search: each position in turn takes the best of `candidates` random tokens. */
export function greedySearch(request: string, score: SuffixScore, rng: Rng, sweeps: number, candidates: number, length = 16): string {
  const suffix = randomSuffix(rng, length);
  let best = score(withSuffix(request, suffix));
  for (let sweep = 0; sweep < sweeps; sweep++) {
    for (let at = 0; at < length; at++) {
      let keep = suffix.tokens[at]!;
      for (let k = 0; k < candidates; k++) {
        suffix.tokens[at] = suffixToken(rng);
        const s = score(withSuffix(request, suffix));
        if (s < best) {
          best = s;
          keep = suffix.tokens[at]!;
        }
      }
      suffix.tokens[at] = keep;
    }
  }
  return withSuffix(request, suffix);
}
