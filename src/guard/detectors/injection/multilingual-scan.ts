// Finds where the terms of a concept lexicon occur in a folded text, for
// co-occurrence rules that must work in every script. Words are not enough:
// Chinese, Japanese and Thai write no spaces, Arabic and Hebrew glue articles
// and conjunctions to the word, Slavic and Finnic words inflect. So a term is
// a stem matched as a substring, at a word start only in scripts whose words
// are separated and whose stems we wrote as word beginnings.
//
// Term syntax: "^" first / "$" last force a word boundary there; one "*" stands
// for up to MAX_INFIX letters inside a word (inflected endings between two stems).
// One pass over the text with a two-code-unit index: linear time, no regex.
import { foldText } from './text-prep.js';

const MAX_INFIX = 4;

type ScriptClass = 'latin' | 'cyrillic' | 'greek' | 'indic' | 'dense' | 'rtl' | 'other';

/** Rough script of one code unit (enough to tell word boundaries apart). */
function scriptOf(code: number): ScriptClass {
  if (code < 0x80) return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57) ? 'latin' : 'other';
  if ((code >= 0xc0 && code <= 0x24f && code !== 0xd7 && code !== 0xf7) || (code >= 0x1e00 && code <= 0x1eff) || (code >= 0x300 && code <= 0x36f)) return 'latin';
  if (code >= 0x370 && code <= 0x3ff) return 'greek';
  if (code >= 0x1f00 && code <= 0x1fff) return 'greek';
  if (code >= 0x400 && code <= 0x52f) return 'cyrillic';
  if (code >= 0x590 && code <= 0x6ff) return 'rtl';
  if (code >= 0x750 && code <= 0x77f) return 'rtl';
  if (code >= 0x900 && code <= 0x9ff) return 'indic';
  // Thai, Hangul, kana, CJK ideographs, fullwidth forms: no spaces between words (Korean: particles glued on).
  if ((code >= 0xe00 && code <= 0xe7f) || (code >= 0x1100 && code <= 0x11ff) || (code >= 0x3040 && code <= 0x9fff) || (code >= 0xac00 && code <= 0xd7af) || (code >= 0xf900 && code <= 0xfaff) || (code >= 0xff00 && code <= 0xffef)) return 'dense';
  return 'other';
}

/** Scripts whose stems are written as word beginnings: a match must start a word. */
const BOUNDED: ReadonlySet<ScriptClass> = new Set(['latin', 'cyrillic', 'greek', 'indic']);

const isAsciiWord = (c: number): boolean => (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57);

const isLetterOf = (code: number | undefined, script: ScriptClass): boolean => code !== undefined && !Number.isNaN(code) && scriptOf(code) === script;

interface Term {
  concept: number;
  parts: string[];
  leftBound: boolean;
  rightBound: boolean;
  script: ScriptClass;
  dense: boolean;
  english: boolean;
}

export interface Hit {
  concept: number;
  start: number;
  end: number;
  /** written in a script without spaces: the rule's window is shorter */
  dense: boolean;
  /** the term is also an English word (English is the other rules' job) */
  english: boolean;
}

function parseTerm(raw: string, concept: number, english: boolean): Term | undefined {
  let source = raw;
  const forceLeft = source.startsWith('^');
  const rightBound = source.endsWith('$');
  if (forceLeft) source = source.slice(1);
  if (rightBound) source = source.slice(0, -1);
  const folded = foldText(source);
  const parts = folded.split('*');
  if (parts.some((p) => p.length === 0) || folded.length < 2) return undefined;
  const script = scriptOf(folded.charCodeAt(0));
  return { concept, parts, leftBound: forceLeft || BOUNDED.has(script), rightBound, script, dense: script === 'dense', english };
}

/** Terms indexed by their first three code units (two for two-letter terms), with a one-byte filter on the first. */
class TermIndex {
  private readonly byFirstPair = new Map<number, { short: Term[]; byThird: Map<number, Term[]> }>();
  readonly firstUnit = new Uint8Array(0x10000);

  add(term: Term): void {
    const first = term.parts[0]!;
    const key = pairKey(first.charCodeAt(0), first.charCodeAt(1));
    let entry = this.byFirstPair.get(key);
    if (!entry) this.byFirstPair.set(key, (entry = { short: [], byThird: new Map() }));
    if (first.length < 3) entry.short.push(term);
    else {
      const third = first.charCodeAt(2);
      const list = entry.byThird.get(third) ?? [];
      list.push(term);
      entry.byThird.set(third, list);
    }
    this.firstUnit[first.charCodeAt(0)] = 1;
  }

  /** The candidate terms at a position whose first code units are c0, c1: two-letter ones, the others by their third unit. */
  entryAt(c0: number, c1: number): { short: Term[]; byThird: Map<number, Term[]> } | undefined {
    return this.firstUnit[c0] === 1 ? this.byFirstPair.get(pairKey(c0, c1)) : undefined;
  }
}

const pairKey = (c0: number, c1: number): number => c0 * 0x10000 + c1;

/** A concept lexicon compiled for scanning: term lists by concept index. */
export class ConceptScanner {
  // Terms that must start a word are looked up only at word starts (most positions are not).
  private readonly wordStart = new TermIndex();
  private readonly anywhere = new TermIndex();

  /** `englishTerms`: terms that are English words too, marked on their hits. */
  constructor(lexicon: readonly (readonly string[])[], englishTerms: ReadonlySet<string> = new Set()) {
    lexicon.forEach((terms, concept) => {
      for (const raw of terms) {
        const term = parseTerm(raw, concept, englishTerms.has(raw));
        if (!term) throw new Error(`multilingual lexicon: bad term ${JSON.stringify(raw)}`);
        (term.leftBound ? this.wordStart : this.anywhere).add(term);
      }
    });
  }

  /** Every occurrence of every term (a term is counted once per start), at most maxHits. */
  scan(text: string, maxHits = 2048): Hit[] {
    const hits: Hit[] = [];
    const n = text.length;
    let prevScript: ScriptClass = 'other';
    for (let i = 0; i < n - 1 && hits.length < maxHits; i++) {
      const c0 = text.charCodeAt(i);
      // Fast path for ASCII inside a word: no term starts there.
      const script = c0 < 0x80 ? (isAsciiWord(c0) ? 'latin' : 'other') : scriptOf(c0);
      if (script === 'latin' && prevScript === 'latin') continue;
      const c1 = text.charCodeAt(i + 1);
      const c2 = text.charCodeAt(i + 2);
      // A bounded term's first letter has the term's script: a word starts where the script changes.
      if (script !== prevScript) this.collectFrom(this.wordStart.entryAt(c0, c1), c2, text, i, hits);
      this.collectFrom(this.anywhere.entryAt(c0, c1), c2, text, i, hits);
      prevScript = script;
    }
    return hits;
  }

  /** The terms of a position's entry (c2: its third code unit, NaN at the end) that occur there. Not a closure per scan: under tsx (keepNames) each costs a defineProperty. */
  private collectFrom(entry: { short: Term[]; byThird: Map<number, Term[]> } | undefined, c2: number, text: string, at: number, hits: Hit[]): void {
    if (!entry) return;
    if (entry.short.length > 0) this.collect(entry.short, text, at, hits);
    const list = entry.byThird.get(c2);
    if (list) this.collect(list, text, at, hits);
  }

  private collect(list: Term[], text: string, i: number, hits: Hit[]): void {
    for (const term of list) {
      const end = matchAt(text, i, term);
      if (end < 0) continue;
      if (term.rightBound && end < text.length && isLetterOf(text.charCodeAt(end), term.script)) continue;
      hits.push({ concept: term.concept, start: i, end, dense: term.dense, english: term.english });
    }
  }
}

/** End of the term's match at `at`, or -1. */
function matchAt(text: string, at: number, term: Term): number {
  let pos = at;
  for (let p = 0; p < term.parts.length; p++) {
    const part = term.parts[p]!;
    if (p === 0) {
      if (!text.startsWith(part, pos)) return -1;
      pos += part.length;
      continue;
    }
    // "*": a few more letters of the same word, then the next part.
    let found = -1;
    for (let skip = 0; skip <= MAX_INFIX; skip++) {
      if (skip > 0 && !isLetterOf(text.charCodeAt(pos + skip - 1), term.script)) break;
      if (text.startsWith(part, pos + skip)) {
        found = pos + skip + part.length;
        break;
      }
    }
    if (found < 0) return -1;
    pos = found;
  }
  return pos;
}
