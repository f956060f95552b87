// A character 4-gram language model of ordinary text, and the windowed
// perplexity signal built on it (Jain et al. 2023, "Baseline Defenses for
// Adversarial Attacks Against Aligned Language Models"): optimised
// adversarial suffixes are token soup ("NGC^{+ spectral Freund [ [ [") whose
// character transitions ordinary text rarely makes. The model is trained by
// scripts/train/train-char-lm.ts on the hand-written corpus; it knows nothing
// about any particular suffix. The guard no longer uses it (word-soup.ts read
// code and serial numbers better): it stays here as the baseline that
// bench/detectors/suffix-perplexity.ts measures.
//
// Structures that are random by nature (URLs, e-mail addresses, hashes,
// base64, UUIDs, paths) are replaced by one placeholder symbol before
// scoring (mask-structures.ts), so they do not read as noise.

import { readFileSync } from 'node:fs';
import { maskStructures } from '../../src/guard/detectors/injection/mask-structures.js';

/** Symbols: 0 whitespace, 1..94 printable ASCII (digits folded to '0'), 95 other letters, 96 other characters, 97 a masked structure. */
export const ALPHABET = 98;
const NON_ASCII_LETTER = 95;
const NON_ASCII_OTHER = 96;
export const MASKED = 97;
const LETTER = /\p{L}|\p{N}|\p{M}/u;

function symbolOf(code: number, ch: string): number {
  if (code === 1) return MASKED;
  if (code <= 32 || code === 127 || code === 0xa0) return 0;
  if (code >= 48 && code <= 57) return 48 - 32;
  if (code < 127) return code - 32;
  return LETTER.test(ch) ? NON_ASCII_LETTER : NON_ASCII_OTHER;
}

/** The symbol sequence of a text, after masking. */
export function symbolsOf(text: string): Uint8Array {
  const masked = maskStructures(text);
  const out = new Uint8Array(masked.length);
  let n = 0;
  let lastSpace = true;
  for (const ch of masked) {
    const s = symbolOf(ch.codePointAt(0)!, ch);
    // Whitespace runs are one symbol: layout is not language.
    if (s === 0 && lastSpace) continue;
    lastSpace = s === 0;
    out[n++] = s;
  }
  return out.subarray(0, n);
}

/** On-disk shape written by scripts/train/train-char-lm.ts. */
export interface CharLmFile {
  name: string;
  version: number;
  /** base64 of Uint8Array tables of quantized -log2 p, in 1/8 bits; 255 = not seen */
  unigram: string;
  bigram: string;
  /** hashed 3- and 4-gram tables: value and 8-bit fingerprint per bucket */
  trigram: { bits: number; nll: string; fingerprint: string };
  fourgram: { bits: number; nll: string; fingerprint: string };
  trainedOn: string;
}

export const NLL_SCALE = 8;
export const UNSEEN = 255;
/** Stupid backoff (Brants et al. 2007): each order skipped costs log2(1/0.4) bits. */
export const BACKOFF_BITS = Math.log2(1 / 0.4);
export const MAX_PROBES = 8;

/** Bucket hash of an n-gram key (an integer below 98^4). */
export function gramHash(key: number): number {
  let h = Math.imul(key ^ (key >>> 15), 0x2c1b3c6d);
  h = Math.imul(h ^ (h >>> 12), 0x297a2d39);
  return (h ^ (h >>> 15)) >>> 0;
}

export interface CharLm {
  /** -log2 p of each symbol given the three before it (start padded with whitespace) */
  bitsPerSymbol(symbols: Uint8Array): Float32Array;
}

interface HashedTable {
  mask: number;
  nll: Uint8Array;
  fingerprint: Uint8Array;
}

function lookup(table: HashedTable, key: number): number {
  const h = gramHash(key);
  const fp = h >>> 24;
  let i = h & table.mask;
  for (let probe = 0; probe < MAX_PROBES; probe++) {
    const v = table.nll[i]!;
    if (v === UNSEEN) return UNSEEN;
    if (table.fingerprint[i] === fp) return v;
    i = (i + 1) & table.mask;
  }
  return UNSEEN;
}

const fromBase64 = (s: string): Uint8Array => new Uint8Array(Buffer.from(s, 'base64'));

export function charLmFromFile(file: CharLmFile): CharLm {
  const unigram = fromBase64(file.unigram);
  const bigram = fromBase64(file.bigram);
  const tri: HashedTable = { mask: (1 << file.trigram.bits) - 1, nll: fromBase64(file.trigram.nll), fingerprint: fromBase64(file.trigram.fingerprint) };
  const four: HashedTable = { mask: (1 << file.fourgram.bits) - 1, nll: fromBase64(file.fourgram.nll), fingerprint: fromBase64(file.fourgram.fingerprint) };
  return {
    bitsPerSymbol(symbols) {
      const out = new Float32Array(symbols.length);
      let a = 0;
      let b = 0;
      let c = 0;
      for (let i = 0; i < symbols.length; i++) {
        const s = symbols[i]!;
        let v = lookup(four, ((a * ALPHABET + b) * ALPHABET + c) * ALPHABET + s);
        let penalty = 0;
        if (v === UNSEEN) {
          penalty += BACKOFF_BITS;
          v = lookup(tri, (b * ALPHABET + c) * ALPHABET + s);
        }
        if (v === UNSEEN) {
          penalty += BACKOFF_BITS;
          v = bigram[c * ALPHABET + s]!;
        }
        if (v === UNSEEN) {
          penalty += BACKOFF_BITS;
          v = unigram[s]!;
        }
        out[i] = (v === UNSEEN ? UNSEEN - 1 : v) / NLL_SCALE + penalty;
        a = b;
        b = c;
        c = s;
      }
      return out;
    },
  };
}

export function loadCharLm(url: URL): CharLm {
  return charLmFromFile(JSON.parse(readFileSync(url, 'utf8')) as CharLmFile);
}

/** Symbols per window: about four words of a suffix. */
export const WINDOW = 24;
/** Only the end of a message is read: suffixes are appended (and the cost stays bounded). */
const TAIL_CHARS = 1_000;
/** A window mostly in another script is not judged by an English-trained model. */
const MAX_FOREIGN_SHARE = 0.25;

export interface WindowBits {
  /** highest and lowest mean bits per symbol over the windows (0 when the text is shorter than one window) */
  max: number;
  min: number;
}

/**
 * Mean bits per symbol over every window of the text's tail. The contrast
 * max - min is the signal: a suffix is a noisy stretch after ordinary words,
 * while code or a formula is dense all through (Alon & Kamfonas 2023 pair
 * perplexity with length for the same reason: short or uniform texts mislead).
 */
export function windowBits(lm: CharLm, text: string): WindowBits {
  const symbols = symbolsOf(text.length > TAIL_CHARS ? text.slice(-TAIL_CHARS) : text);
  if (symbols.length < WINDOW) return { max: 0, min: 0 };
  const bits = lm.bitsPerSymbol(symbols);
  const isForeign = (s: number): boolean => s >= NON_ASCII_LETTER && s !== MASKED;
  let sum = 0;
  let foreign = 0;
  let max = 0;
  let min = Infinity;
  for (let i = 0; i < symbols.length; i++) {
    sum += bits[i]!;
    if (isForeign(symbols[i]!)) foreign++;
    if (i >= WINDOW) {
      sum -= bits[i - WINDOW]!;
      if (isForeign(symbols[i - WINDOW]!)) foreign--;
    }
    if (i < WINDOW - 1 || foreign > WINDOW * MAX_FOREIGN_SHARE) continue;
    const mean = sum / WINDOW;
    if (mean > max) max = mean;
    if (mean < min) min = mean;
  }
  return min === Infinity ? { max: 0, min: 0 } : { max, min };
}
