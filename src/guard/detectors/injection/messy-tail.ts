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
import type { WordVocab } from './word-soup.js';

const OPENERS = '("\'“‘¿¡[';
const CLOSERS = ')"\'”’].,;:!?';
const WORD = /^\p{L}+(?:['’-]\p{L}+)*$/u;
const INNER_CAPITAL = /\p{Ll}\p{Lu}|\p{Lu}{2}\p{Ll}/u;
const NUMBER = /^\d+(?:[.,:/-]\d+)*%?$/;
const ALNUM = /^[\p{L}\d]+$/u;
/** Two letter runs joined by one dot, slash or hyphen: "and/or", "e.g", "co-op". */
const JOINED_WORDS = /^\p{L}+[./-]\p{L}+$/u;
const LATIN = /\p{Script=Latin}/u;
const ACCENTED = /[\u00C0-\u024F\u1E00-\u1EFF]/;
const LONE_MARKS = new Set(['-', '–', '—', '|', '&', '/', ':', '*', '•', '+', '=', '>', '<', '~', '->', '=>', '→', '...', '…', '#', '?', '!', ',', '.', '%', '(', ')', '"', "'"]);
/** Words up to this frequency rank are common words. */
const COMMON_RANK = 12_000;

const LOWER_WORD = /^[a-z]+$/;
// Structures meant to look random, read whole (word-soup masks them; here an
// id-shaped mask would hide glued soup with digits, so only these are clean).
const URL_START = /^(?:(?:https?|ftp|file):\/\/|www\.)/;
const EMAIL = /^[\w.+-]+@[\w-]+(?:\.[\w-]+)+$/;
/** An address's domain written alone, "@test.example.com" (which addresses to drop, allow or block). */
const EMAIL_DOMAIN = /^@(?:[a-z0-9-]{1,63}\.){1,8}[a-z]{2,24}$/;
const PATH = /^(?:[A-Za-z]:)?(?:[\\/][\w.@~-]+){2,}[\\/]?$/;
const HEX = /^(?:0x)?[0-9a-fA-F]{8,}$|^[0-9a-fA-F]{8}(?:-[0-9a-fA-F]{4}){3}-[0-9a-fA-F]{12}$/;
const DIGIT = /\d/;
/** A Markdown link or image, "[text](target)" or "![alt](file.png)": syntax a message carries, read whole (bounded, no nested quantifiers). */
const MARKDOWN_LINK = /^!?\[[^\]\s]{0,80}\]\([^()\s]{1,300}\)[.,;:!?]?$/u;
/** Two word pieces glued at a lower-to-upper change, in a run with digits. */
const GLUED_CAPITALS = /\p{Ll}{2}\p{Lu}\p{Ll}/u;

function isStructure(core: string): boolean {
  return URL_START.test(core) || EMAIL.test(core) || EMAIL_DOMAIN.test(core) || PATH.test(core) || (HEX.test(core) && DIGIT.test(core));
}
const HTML_TAG = /<\/?[a-z][a-z0-9]{0,10}>/g;
/** English clitics belong to the word before them ("it's", "I'm", "don't"). */
const CLITIC = /(?:n['’]t|['’](?:s|m|d|t|re|ve|ll))$/;
/** Rarer words of the frequency list are often sub-word pieces ("tory", "ust"), but also plain words ("fridge"). */
const RARE_LISTED = 0.25;

const OTHER_SCRIPT = 0.3;
const EMOJI = /^[\p{Extended_Pictographic}\p{Regional_Indicator}\u200d\ufe0f]+$/u;
const MID_CAPITAL = 0.3;
/** A chunk after which a capital is ordinary: a sentence end, a colon, a bullet or a dash. */
const SENTENCE_START = /[.?!:;"“”\-–—•*#>)\]|]$/;
/** Two-letter words are common only this high up the list (it holds many fragments: "el", "te", "ct"). */
const SHORT_COMMON_RANK = 3_000;

/** A lower-case word: 0 common (or in the benign-corpus vocabulary), a little for rarer listed words, 0.5 unknown. */
function wordMessiness(lower: string, vocab: WordVocab): number {
  if (lower.length <= 1 || vocab.has(lower)) return 0;
  const rank = rankOf(lower);
  if (lower.length === 2) return rank !== undefined && rank <= SHORT_COMMON_RANK ? 0 : 0.3;
  if (rank !== undefined) return rank <= COMMON_RANK ? 0 : RARE_LISTED;
  return 0.5;
}

function trimmed(chunk: string): string {
  let start = 0;
  let end = chunk.length;
  if (start < end && OPENERS.includes(chunk[start]!)) start++;
  while (end > start && CLOSERS.includes(chunk[end - 1]!)) end--;
  return chunk.slice(start, end);
}

/** Messiness of one chunk in 0..1: 0 clean, 0.5 doubtful, 1 a glued fragment. */
export function chunkMessiness(chunk: string, vocab: WordVocab, previous: string): number {
  // Fast path for the common case, a lower-case ASCII word (same result as below).
  if (LOWER_WORD.test(chunk)) return wordMessiness(chunk, vocab);
  if (LONE_MARKS.has(chunk)) return chunk === previous ? 0.5 : 0;
  if (MARKDOWN_LINK.test(chunk)) return 0;
  // HTML tags around a word are markup the message carries ("<li>Restart", "done.</p>"), not glue.
  const core = trimmed(chunk.includes('<') ? chunk.replace(HTML_TAG, '') : chunk);
  if (core.length === 0) return chunk.length > 2 ? 1 : 0.5;
  if (NUMBER.test(core) || isStructure(core)) return 0;
  if (WORD.test(core)) {
    // A word of another script: ordinary in a message, a little odd in a tail of English pieces.
    if (!LATIN.test(core)) return OTHER_SCRIPT;
    if (INNER_CAPITAL.test(core)) return 1;
    const lower = core.toLowerCase().replace(CLITIC, '');
    // A word with accented letters is another language's: little evidence.
    if (ACCENTED.test(core)) return Math.min(0.2, wordMessiness(lower, vocab));
    if (core === core.toUpperCase() && core.length > 1) return Math.min(0.3, wordMessiness(lower, vocab));
    const word = wordMessiness(lower, vocab);
    // A capitalised common word inside a sentence ("guide Outline In quote") is a token piece, not a name.
    const midCapital = lower.length > 1 && core !== core.toLowerCase() && previous !== '' && !SENTENCE_START.test(previous);
    return word === 0 && midCapital ? MID_CAPITAL : word;
  }
  // Letters and digits: an id or a serial number ("5CG1234XYZ", "iPhone15"), unless pieces of words are glued with capitals ("Poemmany2024lessBefore").
  if (ALNUM.test(core)) return GLUED_CAPITALS.test(core) ? 1 : 0.5;
  if (JOINED_WORDS.test(core)) return 0.5;
  // Emoji and symbols without letters or digits: a smiley, an arrow, a bullet.
  if (!/[\p{L}\d]/u.test(core)) return EMOJI.test(core) ? 0 : core.length <= 3 ? 0.5 : 1;
  return 1;
}

export interface TailMessiness {
  /** mean messiness of the chunks that start at or after an offset (0 when none) */
  from(start: number): number;
  /** offset of the first glued fragment (messiness 1), -1 when there is none */
  firstGlued: number;
}

/** Reads the chunks of text.slice(from) once. */
export function tailMessiness(text: string, from: number, vocab: WordVocab): TailMessiness {
  const found = [...text.slice(from).matchAll(/\S+/g)];
  const chunks = found.map((m) => m[0]);
  const offsets = found.map((m) => from + m.index);
  const messiness = chunks.map((chunk, i) => chunkMessiness(chunk, vocab, chunks[i - 1] ?? ''));
  // suffixSum[i]: summed messiness of chunks i.. to the end.
  const suffixSum = new Array<number>(chunks.length + 1).fill(0);
  for (let i = chunks.length - 1; i >= 0; i--) suffixSum[i] = suffixSum[i + 1]! + messiness[i]!;
  const glued = messiness.indexOf(1);
  return {
    from(start) {
      let i = 0;
      while (i < offsets.length && offsets[i]! < start) i++;
      return i < chunks.length ? suffixSum[i]! / (chunks.length - i) : 0;
    },
    firstGlued: glued >= 0 ? offsets[glued]! : -1,
  };
}
