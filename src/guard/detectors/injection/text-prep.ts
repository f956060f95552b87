// Bounded, folded view of a text for the local detectors. Work is capped so
// a huge input costs the same as a large one: detectors look at the head, the
// tail and a few evenly spaced middle chunks, which is where injected
// instructions sit in practice (appended, prepended or spliced into data).

import { collapseWhitespace } from '../../normalize/collapse-whitespace.js';

/** Texts up to this length are scored whole. */
export const FULL_SCAN_CHARS = 16_000;
const HEAD_CHARS = 8_000;
const TAIL_CHARS = 4_000;
const MIDDLE_CHUNKS = 8;
const MIDDLE_CHUNK_CHARS = 1_000;

// Zero-width, bidi controls, soft hyphen, BOM, variation selectors: invisible
// characters that split trigger words without changing what a model reads.
const INVISIBLE = /[\u00AD\u034F\u061C\u115F\u1160\u17B4\u17B5\u180B-\u180F\u200B-\u200F\u202A-\u202E\u2060-\u206F\u3164\uFE00-\uFE0F\uFEFF\uFFA0]/g;
const INVISIBLE_TEST = new RegExp(INVISIBLE.source);
const SURROGATE = /[\uD800-\uDFFF]/;
const ASCII_ONLY = /^[\x00-\x7F]*$/;
// Lone UTF-16 surrogates become U+FFFD so every later step sees valid text.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Picks at most about 20 KB of the text: head, tail and evenly spaced middle chunks. */
export function boundText(text: string): string {
  if (text.length <= FULL_SCAN_CHARS) return text;
  const parts = [text.slice(0, HEAD_CHARS)];
  const middleStart = HEAD_CHARS;
  const middleEnd = text.length - TAIL_CHARS;
  const step = (middleEnd - middleStart) / (MIDDLE_CHUNKS + 1);
  for (let i = 1; i <= MIDDLE_CHUNKS; i++) {
    const at = Math.floor(middleStart + step * i);
    parts.push(text.slice(at, at + MIDDLE_CHUNK_CHARS));
  }
  parts.push(text.slice(middleEnd));
  return parts.join('\n');
}

/** Lower-cased, NFKC-folded text without invisible characters, whitespace runs kept as is. */
export function foldText(text: string): string {
  // Each step is skipped when a cheap scan shows it would change nothing
  // (plain ASCII text is the common case and NFKC leaves it as it is).
  let t = SURROGATE.test(text) ? text.replace(LONE_SURROGATE, '\uFFFD') : text;
  if (!ASCII_ONLY.test(t)) {
    t = t.normalize('NFKC');
    if (INVISIBLE_TEST.test(t)) t = t.replace(INVISIBLE, '');
  }
  return t.toLowerCase();
}

/** The view every detector scores: bounded first (so normalisation is bounded too), then folded. */
export function prepareText(text: string): string {
  return foldText(boundText(typeof text === 'string' ? text : String(text ?? '')));
}

const NON_ASCII_WORD_CHAR = /[\p{L}\p{N}\p{M}]/u;

function isWordChar(code: number, text: string, i: number): boolean {
  if (code < 128) return (code >= 97 && code <= 122) || (code >= 48 && code <= 57) || (code >= 65 && code <= 90);
  // Surrogate pairs (emoji, rare scripts) are separators unless they are letters.
  return NON_ASCII_WORD_CHAR.test(text[i]!);
}

/**
 * Word tokens of a folded text: runs of letters, digits and combining marks,
 * with a simple apostrophe suffix ("don't"). A hand-written scan: this is the
 * hottest loop of every detector.
 */
export function wordsOf(folded: string): string[] {
  const words: string[] = [];
  const n = folded.length;
  let i = 0;
  while (i < n) {
    while (i < n && !isWordChar(folded.charCodeAt(i), folded, i)) i++;
    if (i >= n) break;
    const start = i;
    while (i < n && isWordChar(folded.charCodeAt(i), folded, i)) i++;
    const c = folded.charCodeAt(i);
    if ((c === 39 || c === 0x2019) && i + 1 < n && isWordChar(folded.charCodeAt(i + 1), folded, i + 1)) {
      i++;
      while (i < n && isWordChar(folded.charCodeAt(i), folded, i)) i++;
    }
    words.push(folded.slice(start, i));
  }
  return words;
}

export interface PreparedView {
  /** bounded, folded text */
  folded: string;
  /** the same with every whitespace run collapsed to one space (what rules match on) */
  flat: string;
}

// The engine scores the same texts (raw, normalised, decoded views) with
// several detectors in a row; remembering the last few views saves the work.
const recent: Array<{ input: string; view: PreparedView }> = [];

/** Folded and flat views of a text, computed once for consecutive calls on the same text. */
export function preparedView(text: string): PreparedView {
  for (const entry of recent) if (entry.input === text) return entry.view;
  const folded = prepareText(text);
  const view = { folded, flat: collapseWhitespace(folded) };
  recent.unshift({ input: text, view });
  if (recent.length > 4) recent.pop();
  return view;
}
