// Word-level reading of a message's tail for adversarial suffixes (issue 15):
// an optimised suffix is token soup, sub-word fragments glued to each other
// and to markup ("versionbegin!--Two", "SureBEtera", "[atorio"), while the
// request before it is made of dictionary words. Each whitespace chunk gets an
// oddness from a frequency list of English (the GloVe vocabulary of the word
// clusters, 60k words by rank) plus a benign-corpus vocabulary (chat
// shorthand, technical words, other languages' common words: models/word-vocab.json,
// scripts/train/train-word-vocab.ts). Nothing here knows any suffix.
//
// The signal is the contrast between the oddest and the calmest window of
// chunks (as for the character model): a fluent request followed by soup
// scores high; text that is odd all through (a code listing, a table of ids,
// another language) does not, because its calmest window is odd too.
import { readFileSync } from 'node:fs';
import { rankOf } from '../word-clusters.js';
import { MASK_CHAR, maskStructures } from './mask-structures.js';
import { isForeignFunctionWord, isNonEnglishFunctionWord } from './function-words.js';

/** On-disk shape written by scripts/train/train-word-vocab.ts. */
export interface WordVocabFile {
  name: string;
  version: number;
  /** lower-cased words of the benign corpus that the frequency list lacks */
  words: string[];
  trainedOn: string;
}

export type WordVocab = ReadonlySet<string>;

export function loadWordVocab(url: URL): WordVocab {
  return new Set((JSON.parse(readFileSync(url, 'utf8')) as WordVocabFile).words);
}

/** Only the end of a message is read: suffixes are appended (and the cost stays bounded). */
const TAIL_CHARS = 600;
/** Chunks per window: about the length of a short suffix. */
export const SOUP_WINDOW = 6;
/** Two- and one-letter runs are words only if this common (GloVe lists many fragments further down). */
export const SHORT_RUN_MAX_RANK = 3_000;
/** An unknown short or all-capitals run is weak evidence: abbreviations ("Mo", "pw", "OKR") look the same as sub-word pieces. */
const SHORT_RUN_ODDNESS = 0.3;

// Symbols that glue to letters in soup ("[atorio", "Sper\\!") but only in
// twos or more: code and prose put one bracket next to a word.
const GLUED_SYMBOLS = /[\p{L}][\\\]\[(){}<>*=+|~^`!]{2,}|[\\\]\[(){}<>*=+|~^`!]{2,}[\p{L}]/u;
const LATIN_LETTER = /\p{Script=Latin}/u;
const OTHER_LETTER = /[^\P{L}\p{Script=Latin}]/u;
const HAS_DIGIT = /\d/;
const LETTER_DIGIT = /\p{L}\d|\d\p{L}/u;
const LETTER_RUN = /\p{L}+/gu;
/** English clitics ("I'm", "we'd", "don't") are part of the word before them. */
const CLITIC = /['’](?:s|m|d|t|re|ve|ll)\b/giu;
// Mid-run case changes: camelCase (lower then Upper) is a boundary; two or
// more capitals after a lower-case letter inside a run ("coffeeSTOR") is odd.
const CAMEL_SPLIT = /(?<=\p{Ll})(?=\p{Lu})/u;
const ODD_CASE = /\p{Ll}\p{Lu}{2,}|\p{Lu}{2,}\p{Ll}{2,}/u;
const ODD_CASE_MIN_LENGTH = 6;
const SMILEY = /^[:;=8xX][-^']?[)(\]\[dDpPoO3|/\\*]+$|^<3$|^[()^_\-oO;:]{3}$/;
const BRACKET = /[\[\]{}()<>]/;
/** Punctuation a person types alone between words, in lists and tables. */
const PLAIN_PUNCT = new Set(['-', '–', '—', '|', '&', '/', ':', '*', '•', '+', '=', '>', '<', '~', '->', '=>', '→', '...', '…', '#', '?', '!', '!!', '??', '?!', ',', '.', ':)', ':-)', ';)', ':(', ':d', '(', ')', '"', "'", '%']);

function runOddness(run: string, vocab: WordVocab): number {
  // A single letter is a word ("a", "I"), an initial or a variable: it says nothing.
  if (run.length === 1) return 0;
  const lower = run.toLowerCase();
  if (run.length <= 2) {
    const rank = rankOf(lower);
    return (rank !== undefined && rank <= SHORT_RUN_MAX_RANK) || vocab.has(lower) ? 0 : SHORT_RUN_ODDNESS;
  }
  if (rankOf(lower) !== undefined || vocab.has(lower)) return 0;
  // Capitals only: an acronym, a code or a serial number.
  return run === run.toUpperCase() ? SHORT_RUN_ODDNESS : 1;
}
/**
 * An unknown word standing alone, plainly spelt ("Quel", "exporteer"), is as
 * likely another language, a name or jargon as a suffix fragment: half odd.
 * Soup shows itself by glue, symbols and odd capitals, which stay fully odd.
 */
const PLAIN_UNKNOWN = 0.5;
/**
 * A plainly spelt unknown word with letters of the Latin Extended blocks
 * ("müşteriye", "người", "wiadomość") is another language's word: optimised
 * suffixes come from an English-heavy token vocabulary, whose few accented
 * pieces are Latin-1 ("también", "été"), so those stay half odd.
 */
const ACCENTED_UNKNOWN = 0.2;
const ACCENTED_LETTER = /[\u0100-\u024f\u1e00-\u1eff]/;
const ASCII_WORD = /^[("']?([A-Za-z]+)[)"']?[.,;:!?]?$/;
const INNER_CAPITAL = /[a-z][A-Z]|[A-Z]{2}[a-z]/;
const PLAIN_WORD = /^[("'“‘¿¡]?\p{L}+(?:['’]\p{L}+)?[)"'”’]?[.,;:!?]?$/u;

/**
 * Oddness of one whitespace chunk in 0..1, or -1 when the chunk says nothing
 * (numbers, masked ids, other scripts, emoji, smileys). `previous` is the
 * chunk before it: the same bare symbol again and again ("[ [ [", "! ! !")
 * is soup, one bracket is not.
 */
export function chunkOddness(chunk: string, vocab: WordVocab, previous = ''): number {
  // Fast path for the common case, a plain ASCII word without inner capitals (same result as below).
  const plain = ASCII_WORD.exec(chunk)?.[1];
  if (plain !== undefined && !INNER_CAPITAL.test(plain)) {
    const odd = runOddness(plain, vocab);
    return odd === 1 ? PLAIN_UNKNOWN : odd;
  }
  if (chunk.includes(MASK_CHAR)) return -1;
  const latin = LATIN_LETTER.test(chunk);
  if (!latin) {
    if (OTHER_LETTER.test(chunk) || HAS_DIGIT.test(chunk) || SMILEY.test(chunk)) return -1;
    if (/\p{Extended_Pictographic}/u.test(chunk) || !/[\p{P}\p{S}]/u.test(chunk)) return -1;
    // Symbols only: list, table and prose punctuation is ordinary; a bare bracket or a symbol run is a little odd.
    if (PLAIN_PUNCT.has(chunk)) return chunk === previous ? 0.5 : -1;
    if (chunk === previous) return 1;
    return BRACKET.test(chunk) || chunk.length > 1 ? 0.5 : -1;
  }
  if (OTHER_LETTER.test(chunk)) return 1; // Latin glued to another script
  // Letters glued to digits are ids and serial numbers ("5CG1234XYZ", "Q3", "v2"): their capitals and short
  // runs say nothing, but a long lower-case run is read as usual ("7certainlyoutput" is soup).
  const id = LETTER_DIGIT.test(chunk);
  // Symbol runs glued to letters: odd in prose, ordinary in code and LaTeX, so the letters decide the rest.
  let odd = GLUED_SYMBOLS.test(chunk) ? 0.5 : 0;
  for (const run of chunk.replace(CLITIC, '').match(LETTER_RUN) ?? []) {
    if (!LATIN_LETTER.test(run) || (id && (run.length <= 3 || run === run.toUpperCase()))) continue;
    if (run.length >= ODD_CASE_MIN_LENGTH && ODD_CASE.test(run)) return 1;
    for (const part of run.split(CAMEL_SPLIT)) odd = Math.max(odd, runOddness(part, vocab));
    if (odd === 1) break;
  }
  if (odd === 1 && PLAIN_WORD.test(chunk) && !CAMEL_SPLIT.test(chunk)) return ACCENTED_LETTER.test(chunk) ? ACCENTED_UNKNOWN : PLAIN_UNKNOWN;
  return id && odd === 0 ? -1 : odd;
}

/**
 * Words that hold a sentence together: the most frequent words (articles,
 * prepositions, pronouns, auxiliaries) or any word ending a clause with
 * punctuation. Six chunks in a row without one is word salad (or a list),
 * which adds a little oddness: a suffix diluted with real words stays odd.
 */
const GLUE_MAX_RANK = 150;
const SALAD_ODDNESS = 0.25;
/** Share of a tail's words with accented letters from which it is read as another language. */
const FOREIGN_LANGUAGE_SHARE = 0.25;
/**
 * Share of a tail's words that are another language's function words (function-words.ts) from
 * which it is read as that language: Indonesian, Hindi in Latin letters, Turkish or Dutch carry few
 * accents, and a request in them (or mixing them with English) is full of words our lists lack.
 * Optimised suffixes are English-heavy sub-word pieces, not another language's grammar.
 */
const FOREIGN_FUNCTION_SHARE = 0.12;
const FOREIGN_FUNCTION_MIN = 2;
const ACCENTED_ANY = /[\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u024F\u1E00-\u1EFF]/;
const CLAUSE_END = /[.,;:!?]$/;
/** Code and markup syntax holds a line together as function words hold a sentence. */
const SYNTAX = /[=;(){}<>|\\/:-]/;
const WORD_CORE = /^[("'“‘]?(\p{L}+(?:['’]\p{L}+)?)[)"'”’]?[.,;:!?]?$/u;

function isGlue(chunk: string): boolean {
  if (SYNTAX.test(chunk)) return true;
  const core = WORD_CORE.exec(chunk)?.[1]?.replace(CLITIC, '').toLowerCase();
  if (!core) return false;
  if (CLAUSE_END.test(chunk) || core === 'a' || core === 'i') return true;
  const rank = rankOf(core);
  return (rank !== undefined && rank <= GLUE_MAX_RANK) || isForeignFunctionWord(core);
}

export interface SoupWindows {
  /** highest and lowest mean chunk oddness over windows of SOUP_WINDOW chunks (0 when there are too few) */
  max: number;
  min: number;
  /** offsets in the text of the oddest window's first chunk and of the end of its last (-1 when there are too few chunks) */
  oddestStart: number;
  oddestEnd: number;
}

const CHUNK = /\S+/g;

/** Mean oddness of the oddest and of the calmest window of the text's tail. */
export function soupWindows(text: string, vocab: WordVocab): SoupWindows {
  const sliced = text.length > TAIL_CHARS;
  const base = sliced ? text.length - TAIL_CHARS : 0;
  const rawTail = sliced ? text.slice(base) : text;
  // Masking keeps whitespace, so the masked tail's chunks line up with the raw tail's (for offsets).
  const chunks = maskStructures(rawTail).match(CHUNK) ?? [];
  const found = [...rawTail.matchAll(CHUNK)];
  const offsets = found.map((m) => base + m.index);
  const ends = found.map((m) => base + m.index + m[0].length);
  // A cut tail starts mid-word: its first chunk is not a word of the text.
  if (sliced && !/^\s/.test(rawTail)) {
    chunks.shift();
    offsets.shift();
    ends.shift();
  }
  const odd: number[] = [];
  const at: number[] = [];
  const atEnd: number[] = [];
  let words = 0;
  let accented = 0;
  let foreignGlue = 0;
  const glue: number[] = [];
  let previous = '';
  // A skipped chunk between words (a number, a dash, a table bar) is structure too.
  let skipped = false;
  for (let c = 0; c < chunks.length; c++) {
    const chunk = chunks[c]!;
    const o = chunkOddness(chunk, vocab, previous);
    previous = chunk;
    if (o < 0) {
      skipped = true;
      continue;
    }
    odd.push(o);
    at.push(offsets[c] ?? -1);
    atEnd.push(ends[c] ?? -1);
    glue.push(skipped || isGlue(chunk) ? 1 : 0);
    words++;
    if (ACCENTED_ANY.test(chunk) && PLAIN_WORD.test(chunk)) accented++;
    const core = WORD_CORE.exec(chunk)?.[1]?.toLowerCase();
    if (core !== undefined && isNonEnglishFunctionWord(core, rankOf(core))) foreignGlue++;
    skipped = false;
  }
  if (odd.length < SOUP_WINDOW + 2) return { max: 0, min: 0, oddestStart: -1, oddestEnd: -1 };
  // Text written in an accented Latin-script language (Vietnamese, Czech, French ...) is full of words
  // our lists lack and of function words they lack too: there only glued fragments and odd capitals count.
  const language = accented >= words * FOREIGN_LANGUAGE_SHARE || foreignGlue >= Math.max(FOREIGN_FUNCTION_MIN, words * FOREIGN_FUNCTION_SHARE);
  if (language) for (let i = 0; i < odd.length; i++) if (odd[i]! < 1) odd[i] = 0;
  let sum = 0;
  let glued = 0;
  let max = 0;
  let min = Infinity;
  let oddestStart = -1;
  let oddestEnd = -1;
  for (let i = 0; i < odd.length; i++) {
    sum += odd[i]!;
    glued += glue[i]!;
    if (i >= SOUP_WINDOW) {
      sum -= odd[i - SOUP_WINDOW]!;
      glued -= glue[i - SOUP_WINDOW]!;
    }
    if (i < SOUP_WINDOW - 1) continue;
    const mean = sum / SOUP_WINDOW + (glued === 0 && !language ? SALAD_ODDNESS : 0);
    if (mean > max) {
      max = mean;
      oddestStart = at[i - SOUP_WINDOW + 1]!;
      oddestEnd = atEnd[i]!;
    }
    if (mean < min) min = mean;
  }
  return { max, min, oddestStart, oddestEnd };
}
