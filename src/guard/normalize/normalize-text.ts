// Normalises text so detectors see what a model would read: NFKC, invisible
// and control characters removed, Unicode tag characters decoded (ASCII
// smuggling), lone surrogates replaced and homoglyphs folded. Every output
// code unit remembers the raw range it came from, so spans found on the
// normalised text map back to the caller's raw text. One pass, linear time.
import { confusableMap } from './confusables.js';

export interface NormalizedText {
  raw: string;
  text: string;
  /** Raw start / end of the range that produced text[i]; undefined when text === raw. */
  starts?: Uint32Array;
  ends?: Uint32Array;
}

const printableAscii = /^[\x20-\x7e\t\n\r]*$/;
const combiningMark = /^\p{M}$/u;
const letter = /^\p{L}$/u;
const maxMarksPerCluster = 32;
const nfkcCache = new Map<string, string>();
const nfkcCacheLimit = 20_000;

function isInvisible(cp: number): boolean {
  return (
    (cp >= 0x200b && cp <= 0x200f) || (cp >= 0x202a && cp <= 0x202e) || (cp >= 0x2060 && cp <= 0x2064) ||
    (cp >= 0x2066 && cp <= 0x2069) || cp === 0xfeff || cp === 0x00ad || cp === 0x034f || cp === 0x061c ||
    cp === 0x180e || cp === 0x115f || cp === 0x1160 || cp === 0x3164 || (cp >= 0xfe00 && cp <= 0xfe0f) ||
    (cp >= 0xe0100 && cp <= 0xe01ef) || cp === 0xe0001 || cp === 0xe007f
  );
}

/** No lone surrogates (String.prototype.isWellFormed exists on Node 20 but not in the ES2023 typings). */
function isWellFormed(text: string): boolean {
  return (text as unknown as { isWellFormed(): boolean }).isWellFormed();
}

function isControl(cp: number): boolean {
  return (cp < 0x20 && cp !== 0x09 && cp !== 0x0a && cp !== 0x0d) || (cp >= 0x7f && cp <= 0x9f);
}

function isMark(cp: number): boolean {
  if (cp < 0x300) return false;
  if (cp >= 0x300 && cp <= 0x36f) return true;
  if (cp >= 0x4e00 && cp <= 0x9fff) return false; // CJK ideographs: the common non-ASCII case, skip the regex
  return combiningMark.test(String.fromCodePoint(cp));
}

function nfkc(cluster: string): string {
  const cached = nfkcCache.get(cluster);
  if (cached !== undefined) return cached;
  const value = cluster.normalize('NFKC');
  if (nfkcCache.size < nfkcCacheLimit) nfkcCache.set(cluster, value);
  return value;
}

// One decoder for every call: constructing one costs more than decoding a short text.
const utf16 = new TextDecoder('utf-16le');

class UnitBuffer {
  units: Uint16Array;
  starts: Uint32Array;
  ends: Uint32Array;
  length = 0;
  constructor(capacity: number) {
    this.units = new Uint16Array(capacity);
    this.starts = new Uint32Array(capacity);
    this.ends = new Uint32Array(capacity);
  }
  push(unit: number, start: number, end: number): void {
    if (this.length === this.units.length) this.grow(this.length + 1);
    this.units[this.length] = unit;
    this.starts[this.length] = start;
    this.ends[this.length] = end;
    this.length++;
  }
  /**
   * Copies raw[from, to) unit for unit (each maps to itself): one capacity check for the
   * whole run instead of one per unit, as ASCII runs are nearly all of most texts.
   */
  pushSame(raw: string, from: number, to: number): void {
    const needed = this.length + (to - from);
    if (needed > this.units.length) this.grow(needed);
    const { units, starts, ends } = this;
    let at = this.length;
    for (let i = from; i < to; i++, at++) {
      units[at] = raw.charCodeAt(i);
      starts[at] = i;
      ends[at] = i + 1;
    }
    this.length = at;
  }
  private grow(atLeast: number): void {
    const size = Math.max(this.units.length * 2 + 16, atLeast);
    const units = new Uint16Array(size);
    const starts = new Uint32Array(size);
    const ends = new Uint32Array(size);
    units.set(this.units);
    starts.set(this.starts);
    ends.set(this.ends);
    this.units = units;
    this.starts = starts;
    this.ends = ends;
  }
  toString(): string {
    return utf16.decode(this.units.subarray(0, this.length));
  }
}

// BMP code units the per-character pass may change besides NFKC: invisible,
// control, lookalike, and the high surrogate of tag characters. One table
// lookup per code unit decides whether clean text can skip that pass.
const mayChange = (() => {
  const table = new Uint8Array(0x10000);
  for (let u = 0; u < 0x10000; u++) if (u >= 0x80 && (u < 0xd800 || u > 0xdfff) && (isInvisible(u) || isControl(u))) table[u] = 1;
  for (const cp of confusableMap.keys()) if (cp < 0x10000) table[cp] = 1;
  table[0xdb40] = 1;
  return table;
})();

function needsCharacterPass(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const u = text.charCodeAt(i);
    if (u < 0x80) {
      if (isControl(u)) return true;
    } else if (mayChange[u] === 1) return true;
  }
  return false;
}

/** Code points NFKC leaves alone when no combining mark follows: the common letters of many scripts. */
function nfkcStable(cp: number): boolean {
  return (
    (cp >= 0xc0 && cp <= 0x24f && cp !== 0x132 && cp !== 0x133 && cp !== 0x13f && cp !== 0x140 && cp !== 0x149 && cp !== 0x17f) ||
    (cp >= 0x391 && cp <= 0x3c9) ||
    (cp >= 0x410 && cp <= 0x44f) ||
    (cp >= 0x5d0 && cp <= 0x5ea) ||
    (cp >= 0x621 && cp <= 0x64a) ||
    (cp >= 0x4e00 && cp <= 0x9fff) ||
    (cp >= 0xac00 && cp <= 0xd7a3) ||
    (cp >= 0x3041 && cp <= 0x3096) ||
    (cp >= 0x30a1 && cp <= 0x30fa) ||
    (cp >= 0x3001 && cp <= 0x3002)
  );
}

export function normalizeText(raw: string): NormalizedText {
  if (printableAscii.test(raw)) return { raw, text: raw };
  // Fast path for clean non-ASCII text (CJK, Arabic, accented prose): nothing to change.
  if (isWellFormed(raw) && !needsCharacterPass(raw) && raw.normalize('NFKC') === raw) return { raw, text: raw };
  const out = new UnitBuffer(raw.length + 16);
  let changed = false;
  let i = 0;
  while (i < raw.length) {
    const unit = raw.charCodeAt(i);
    if (unit < 0x80) {
      if (isControl(unit)) {
        changed = true;
        i++;
        continue;
      }
      // A run of printable ASCII is kept as it is (the confusable fold below may still change it).
      let end = i + 1;
      while (end < raw.length) {
        const next = raw.charCodeAt(end);
        if (next >= 0x80 || isControl(next)) break;
        end++;
      }
      out.pushSame(raw, i, end);
      i = end;
      continue;
    }
    // Lone surrogates become U+FFFD so later string operations stay well-formed.
    if (unit >= 0xd800 && unit <= 0xdfff) {
      const next = raw.charCodeAt(i + 1);
      const paired = unit <= 0xdbff && next >= 0xdc00 && next <= 0xdfff;
      if (!paired) {
        out.push(0xfffd, i, i + 1);
        changed = true;
        i++;
        continue;
      }
    }
    const cp = raw.codePointAt(i)!;
    const width = cp > 0xffff ? 2 : 1;
    if (width === 1 && nfkcStable(cp) && (i + 1 >= raw.length || !isMark(raw.codePointAt(i + 1)!))) {
      out.push(unit, i, i + 1);
      i++;
      continue;
    }
    if (isInvisible(cp) || isControl(cp)) {
      changed = true;
      i += width;
      continue;
    }
    if (cp >= 0xe0020 && cp <= 0xe007e) {
      // Tag characters spell ASCII invisibly; models read them, so detectors must too.
      out.push(cp - 0xe0000, i, i + 2);
      changed = true;
      i += 2;
      continue;
    }
    let end = i + width;
    let marks = 0;
    while (end < raw.length && marks < maxMarksPerCluster) {
      const next = raw.codePointAt(end)!;
      // Variation selectors are marks too, but invisible ones are removed, not kept in the cluster.
      if (!isMark(next) || isInvisible(next)) break;
      end += next > 0xffff ? 2 : 1;
      marks++;
    }
    const cluster = raw.slice(i, end);
    const normalized = nfkc(cluster);
    if (normalized !== cluster) changed = true;
    for (let k = 0; k < normalized.length; k++) out.push(normalized.charCodeAt(k), i, end);
    i = end;
  }
  if (foldConfusables(out)) changed = true;
  if (!changed) return { raw, text: raw };
  return { raw, text: out.toString(), starts: out.starts.subarray(0, out.length), ends: out.ends.subarray(0, out.length) };
}

function isTokenBreak(unit: number): boolean {
  if (unit <= 0x20) return true;
  if (unit < 0x80) return !((unit >= 0x30 && unit <= 0x39) || ((unit | 0x20) >= 0x61 && (unit | 0x20) <= 0x7a));
  return unit === 0x3000 || unit === 0xa0;
}

/**
 * Folds lookalikes inside a token only when the token is mixed-script Latin or
 * made of lookalikes alone, so genuine Cyrillic or Greek prose is left alone.
 */
function foldConfusables(buf: UnitBuffer): boolean {
  let folded = false;
  let start = 0;
  const units = buf.units;
  for (let i = 0; i <= buf.length; i++) {
    if (i < buf.length && !isTokenBreak(units[i]!)) continue;
    if (i > start) {
      let latin = false;
      let confusable = 0;
      for (let k = start; k < i; k++) {
        const u = units[k]!;
        if (u < 0x80) {
          if ((u | 0x20) >= 0x61 && (u | 0x20) <= 0x7a) latin = true;
        } else if (confusableMap.has(u)) confusable++;
      }
      // Only tokens with a lookalike pay for the (slower) letter test.
      let otherLetters = false;
      if (confusable > 0 && !latin) {
        for (let k = start; k < i && !otherLetters; k++) {
          const u = units[k]!;
          if (u >= 0x80 && !confusableMap.has(u) && letter.test(String.fromCharCode(u))) otherLetters = true;
        }
      }
      if (confusable > 0 && (latin || !otherLetters)) {
        for (let k = start; k < i; k++) {
          const mapped = confusableMap.get(units[k]!);
          if (mapped !== undefined) units[k] = mapped;
        }
        folded = true;
      }
    }
    start = i + 1;
  }
  return folded;
}

/** Maps a span of the normalised text back to the raw text. */
export function toRawSpan(n: NormalizedText, start: number, end: number): { start: number; end: number } {
  if (!n.starts || !n.ends) return { start, end };
  if (n.text.length === 0) return { start: 0, end: 0 };
  const s = Math.min(Math.max(start, 0), n.text.length - 1);
  const e = Math.min(Math.max(end - 1, s), n.text.length - 1);
  return { start: n.starts[s]!, end: n.ends[e]! };
}
