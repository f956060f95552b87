// A stricter reading of what follows a harmful request (issue 15, item 1).
// word-soup.ts forgives a lot, because it reads every message: ids, code and
// camelCase of known pieces are ordinary there. An attacker who optimises
// against it hides in exactly those forgiven shapes ("bolYamlOnly0.5){",
// "ingSte", "tak(ma"). After a request that reads as harmful (the caller
// checks) this reading is used instead: a chunk is clean only if it is a
// plain word spelt as words are, a number, a lone punctuation mark, a masked
// structure or a word of another script; fragments glued to symbols, digits
// or capitals are messy, whatever their pieces are.
import { rankOf } from '../word-clusters.js';
import { MASK_CHAR, maskStructures } from './mask-structures.js';
import type { WordVocab } from './word-soup.js';

const OPENERS = '("\'“‘¿¡[';
const CLOSERS = ')"\'”’].,;:!?';
const WORD = /^\p{L}+(?:['’-]\p{L}+)*$/u;
const INNER_CAPITAL = /\p{Ll}\p{Lu}|\p{Lu}{2}\p{Ll}/u;
const NUMBER = /^\d+(?:[.,:/-]\d+)*%?$/;
const ALNUM = /^[\p{L}\d]+$/u;
/** Two letter runs joined by one dot, slash or hyphen: "and/or", "e.g", "co-op". */
const JOINED_WORDS = /^\p{L}+[./-]\p{L}+$/u;
const LETTER = /\p{L}/u;
const LATIN = /\p{Script=Latin}/u;
const ACCENTED = /[\u00C0-\u024F\u1E00-\u1EFF]/;
const LONE_MARKS = new Set(['-', '–', '—', '|', '&', '/', ':', '*', '•', '+', '=', '>', '<', '~', '->', '=>', '→', '...', '…', '#', '?', '!', ',', '.', '%', '(', ')', '"', "'"]);
/** Words rarer than this in the frequency list are often sub-word pieces ("tory", "ust"). */
const COMMON_RANK = 12_000;
/** A suffix is read over at most this many characters. */
const TAIL_CHARS = 400;

function trimmed(chunk: string): string {
  let start = 0;
  let end = chunk.length;
  if (start < end && OPENERS.includes(chunk[start]!)) start++;
  while (end > start && CLOSERS.includes(chunk[end - 1]!)) end--;
  return chunk.slice(start, end);
}

/** Messiness of one chunk in 0..1: 0 clean, 0.5 doubtful, 1 a glued fragment. */
export function chunkMessiness(chunk: string, vocab: WordVocab, previous: string): number {
  if (LONE_MARKS.has(chunk)) return chunk === previous ? 0.5 : 0;
  const core = trimmed(chunk);
  if (core.length === 0) return chunk.length > 2 ? 1 : 0.5;
  if (core.includes(MASK_CHAR)) return core.length === 1 ? 0 : 1;
  if (NUMBER.test(core)) return 0;
  if (WORD.test(core)) {
    if (!LATIN.test(core)) return 0; // a word of another script
    if (INNER_CAPITAL.test(core)) return 1;
    const lower = core.toLowerCase();
    const rank = rankOf(lower);
    if ((rank !== undefined && rank <= COMMON_RANK) || vocab.has(lower)) return 0;
    // A word with accented letters is another language's: little evidence.
    if (ACCENTED.test(core)) return 0.2;
    return core.length <= 2 || core === core.toUpperCase() ? 0.3 : 0.5;
  }
  if (ALNUM.test(core) || JOINED_WORDS.test(core)) return LETTER.test(core) ? 0.5 : 0;
  // Emoji and symbols without letters or digits: a smiley, an arrow, a bullet.
  if (!/[\p{L}\d]/u.test(core)) return core.length <= 3 ? 0.5 : 1;
  return 1;
}

/** Mean messiness of the chunks of text.slice(from) (at most TAIL_CHARS of it). */
export function tailMessiness(text: string, from: number, vocab: WordVocab): number {
  const chunks = maskStructures(text.slice(from, from + TAIL_CHARS)).match(/\S+/g) ?? [];
  if (chunks.length === 0) return 0;
  let sum = 0;
  let previous = '';
  for (const chunk of chunks) {
    sum += chunkMessiness(chunk, vocab, previous);
    previous = chunk;
  }
  return sum / chunks.length;
}
