// A cheap necessary condition for a large word pattern: the first three
// characters every match can start with, read off the pattern's source. A
// pattern whose possible starts occur nowhere in the text cannot match, so the
// regex engine never runs on it. Most texts contain few of the lexicon's
// rare words, which makes most of the lexicon free.
//
// Sound by construction: anything the reader does not understand (\w, [^ ],
// too many combinations) widens the condition, up to "always run". The same
// starts also say WHERE a match can begin: testAt() runs a pattern only there.

/** Length of the start keys: longer at a word start (indexed only there), short anywhere else. */
const WORD_KEY_CHARS = 8;
const KEY_CHARS = 3;
/** Past this many distinct starts a pattern is always run (the check would cost more than it saves). */
const MAX_KEYS = 4_000;

type Atom = { kind: 'chars'; chars: string[] } | { kind: 'group'; alts: Node[][] } | { kind: 'boundary' } | { kind: 'zero' } | { kind: 'unknown' };
interface Node {
  atom: Atom;
  min: number;
  max: number;
}

class Unsupported extends Error {}

/** Parses the subset of regex syntax the lexicons use; the rest becomes `unknown` atoms. */
function parse(source: string): Node[][] {
  let i = 0;
  function alternatives(): Node[][] {
    const alts: Node[][] = [[]];
    while (i < source.length) {
      const ch = source[i]!;
      if (ch === ')') return alts;
      if (ch === '|') {
        i++;
        alts.push([]);
        continue;
      }
      const atom = readAtom();
      const [min, max] = readQuantifier();
      alts[alts.length - 1]!.push({ atom, min, max });
    }
    return alts;
  }
  function readAtom(): Atom {
    const ch = source[i]!;
    if (ch === '(') {
      i++;
      let lookaround = false;
      if (source.startsWith('?:', i)) i += 2;
      else if (source.startsWith('?=', i) || source.startsWith('?!', i)) {
        i += 2;
        lookaround = true;
      } else if (source.startsWith('?<=', i) || source.startsWith('?<!', i)) {
        // A look-behind reads what comes before a position, never what a match starting there consumes.
        i += 3;
        lookaround = true;
      } else if (source[i] === '?') throw new Unsupported('named group');
      const alts = alternatives();
      if (source[i] !== ')') throw new Unsupported('unbalanced');
      i++;
      return lookaround ? { kind: 'zero' } : { kind: 'group', alts };
    }
    if (ch === '[') return readClass();
    if (ch === '\\') {
      const next = source[i + 1];
      i += 2;
      if (next === 'b') return { kind: 'boundary' };
      if (next === 'B') return { kind: 'zero' };
      if (next !== undefined && /[^A-Za-z0-9]/.test(next)) return { kind: 'chars', chars: [next] };
      return { kind: 'unknown' };
    }
    i++;
    if (ch === '^' || ch === '$') return { kind: 'zero' };
    if (ch === '.') return { kind: 'unknown' };
    return { kind: 'chars', chars: [ch] };
  }
  function readClass(): Atom {
    i++;
    const negated = source[i] === '^';
    const chars: string[] = [];
    let unknown = negated;
    while (i < source.length && source[i] !== ']') {
      let ch = source[i]!;
      if (ch === '\\') {
        const next = source[i + 1]!;
        i += 2;
        if (/[A-Za-z0-9]/.test(next)) unknown = true;
        else chars.push(next);
        continue;
      }
      i++;
      if (source[i] === '-' && source[i + 1] !== ']' && i + 1 < source.length) {
        const to = source[i + 1]!;
        i += 2;
        for (let c = ch.charCodeAt(0); c <= to.charCodeAt(0) && chars.length < 64; c++) chars.push(String.fromCharCode(c));
        ch = '';
        continue;
      }
      chars.push(ch);
    }
    i++;
    return unknown || chars.length === 0 || chars.length > 16 ? { kind: 'unknown' } : { kind: 'chars', chars };
  }
  function readQuantifier(): [number, number] {
    const ch = source[i];
    let range: [number, number] = [1, 1];
    if (ch === '?') range = [0, 1];
    else if (ch === '*') range = [0, Infinity];
    else if (ch === '+') range = [1, Infinity];
    else if (ch === '{') {
      const m = /^\{(\d+)(,(\d*))?\}/.exec(source.slice(i, i + 16));
      if (!m) return range;
      i += m[0].length - 1;
      range = [Number(m[1]), m[2] === undefined ? Number(m[1]) : m[3] === '' ? Infinity : Number(m[3])];
    } else return range;
    i++;
    if (source[i] === '?') i++; // lazy: same set of matches
    return range;
  }
  const alts = alternatives();
  if (i !== source.length) throw new Unsupported('trailing input');
  return alts;
}

export interface Start {
  /** the match's first characters, up to WORD_KEY_CHARS at a word start, else KEY_CHARS */
  key: string;
  /** the match starts at a word start (a \b before a word character) */
  atWordStart: boolean;
}

class TooMany extends Error {}

/** Every way a match of `seq` (followed by `rest`) can begin, cut at KEY_CHARS characters. */
function starts(alts: Node[][], wordKeyChars: number): Start[] {
  const out = new Map<string, Start>();
  let steps = 0;
  const emit = (rawKey: string, boundary: boolean): void => {
    const atWordStart = boundary && rawKey.length > 0 && isWordCode(rawKey.charCodeAt(0));
    const key = atWordStart ? rawKey : rawKey.slice(0, KEY_CHARS);
    const id = `${atWordStart ? 'w' : 'a'}${key}`;
    if (!out.has(id)) out.set(id, { key, atWordStart });
    if (out.size > MAX_KEYS) throw new TooMany();
  };
  // `stack` holds the sequences still to read after the current one (continuations).
  function walk(seq: Node[], at: number, stack: Array<{ seq: Node[]; at: number }>, key: string, boundary: boolean): void {
    // Zero-width repeats could loop for ever: bound the work instead.
    if (++steps > 200_000) throw new TooMany();
    if (key.length >= (boundary ? wordKeyChars : KEY_CHARS)) return emit(key, boundary);
    if (at >= seq.length) {
      const [next, ...rest] = stack;
      if (!next) return emit(key, boundary);
      return walk(next.seq, next.at, rest, key, boundary);
    }
    const node = seq[at]!;
    if (node.min === 0) walk(seq, at + 1, stack, key, boundary);
    if (node.max === 0) return;
    // One more repetition, then the rest of the node's count, then what follows.
    const again: Node = { atom: node.atom, min: Math.max(0, node.min - 1), max: node.max - 1 };
    const after = again.max > 0 ? [{ seq: [again], at: 0 }, { seq, at: at + 1 }, ...stack] : [{ seq, at: at + 1 }, ...stack];
    const atom = node.atom;
    switch (atom.kind) {
      case 'boundary':
        return walk(after[0]!.seq, after[0]!.at, after.slice(1), key, boundary || key.length === 0);
      case 'zero':
        return walk(after[0]!.seq, after[0]!.at, after.slice(1), key, boundary);
      case 'unknown':
        return emit(key, boundary);
      case 'chars':
        for (const c of atom.chars) walk(after[0]!.seq, after[0]!.at, after.slice(1), key + c, boundary);
        return;
      case 'group':
        for (const alt of atom.alts) walk(alt, 0, after, key, boundary);
        return;
    }
  }
  for (const alt of alts) walk(alt, 0, [], '', false);
  return [...out.values()];
}

const isWordCode = (c: number): boolean => (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || c === 95;

// 32-bit hash of a key: FNV-1a over its UTF-16 units, then a murmur3 finish.
// Built one character at a time, so all prefixes of a position cost one pass.
const FNV_SEED = 0x811c9dc5;
const fnvStep = (h: number, code: number): number => Math.imul(h ^ code, 0x01000193);
function finish(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  return h >>> 0;
}
function keyHash(key: string): number {
  let h = FNV_SEED;
  for (let k = 0; k < key.length; k++) h = fnvStep(h, key.charCodeAt(k));
  return finish(h);
}

/**
 * A read-only map from 32-bit hashes of start keys and of their proper prefixes (open
 * addressing, linear probing): one probe per character of a scan says both which patterns
 * start with the text so far and whether a longer key could.
 */
class StartTable {
  private readonly hashes: Uint32Array;
  private readonly used: Uint8Array;
  /** Index into `lists` + 1 of the patterns whose key has this hash; 0 when none. */
  private readonly listOf: Int32Array;
  /** 1 when the hash is that of a proper prefix of some key (a scan goes on past it). */
  private readonly prefix: Uint8Array;
  private readonly lists: number[][] = [];

  constructor(entries: Map<number, number[]>, prefixes: Set<number>) {
    const all = new Set<number>([...entries.keys(), ...prefixes]);
    let size = 16;
    while (size < all.size * 4) size *= 2;
    this.hashes = new Uint32Array(size);
    this.used = new Uint8Array(size);
    this.listOf = new Int32Array(size);
    this.prefix = new Uint8Array(size);
    for (const hash of all) {
      let i = hash & (size - 1);
      while (this.used[i]) i = (i + 1) & (size - 1);
      this.used[i] = 1;
      this.hashes[i] = hash;
      const list = entries.get(hash);
      if (list) this.listOf[i] = this.lists.push(list);
      if (prefixes.has(hash)) this.prefix[i] = 1;
    }
  }

  /** The slot of this hash, or -1 when it is neither a key nor a prefix of one. */
  find(hash: number): number {
    const mask = this.hashes.length - 1;
    let i = hash & mask;
    while (this.used[i]) {
      if (this.hashes[i] === hash) return i;
      i = (i + 1) & mask;
    }
    return -1;
  }

  /** The patterns that can start with the key of this slot, if any. */
  patternsAt(slot: number): number[] | undefined {
    const list = this.listOf[slot]!;
    return list === 0 ? undefined : this.lists[list - 1];
  }

  /** Whether some key is longer than, and starts with, the text of this slot. */
  extendsAt(slot: number): boolean {
    return this.prefix[slot] === 1;
  }
}

/** What one pass over a text found. */
export interface PrefilterScan {
  /** candidates[i] is false when patterns[i] cannot match the text. */
  candidates: boolean[];
  /**
   * starts[i]: every position where a match of patterns[i] can begin, ascending (empty when
   * none); undefined when its starts could not be read, so it must run on the whole text.
   */
  starts: ReadonlyArray<readonly number[] | undefined>;
}

const NO_STARTS: readonly number[] = Object.freeze([]);
/** Past this many separate differences from the last text, a scan from scratch is as cheap. */
const MAX_RESCAN_RANGES = 16;

/** Two ascending lists with no element in common, as one ascending list. */
function mergeAscending(a: readonly number[], b: readonly number[]): number[] {
  const out: number[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) out.push(j >= b.length || (i < a.length && a[i]! < b[j]!) ? a[i++]! : b[j++]!);
  return out;
}

/**
 * The ascending starts that fall in none of the ascending, disjoint [from, to) ranges. Usually
 * none falls in one: then the list itself (a finished scan's lists are never changed again), so
 * a rescan allocates nothing for the patterns the differences did not touch.
 */
function outsideRanges(starts: readonly number[], ranges: readonly number[]): readonly number[] {
  let kept: number[] | undefined;
  let r = 0;
  for (let i = 0; i < starts.length; i++) {
    const at = starts[i]!;
    while (r < ranges.length && ranges[r + 1]! <= at) r += 2;
    if (r < ranges.length && at >= ranges[r]!) kept ??= starts.slice(0, i);
    else kept?.push(at);
  }
  return kept ?? starts;
}

/**
 * Which of a fixed list of patterns can match a text: those with a start
 * found in it, plus those whose starts could not be read. One pass over the
 * text's word starts (and, if a pattern needs it, every position), looking
 * each 1..8-character prefix up in a table built once.
 */
export class PatternPrefilter {
  private readonly always: number[] = [];
  private readonly wordStarts: StartTable;
  private readonly anywhere: StartTable | undefined;
  /** 1 for each code unit a start found anywhere (not only at a word start) begins with: other positions need no probe. */
  private readonly anyFirst = new Uint8Array(0x10000);

  constructor(readonly patterns: readonly RegExp[]) {
    const word = new Map<number, number[]>();
    const any = new Map<number, number[]>();
    const wordPrefixes = new Set<number>();
    const anyPrefixes = new Set<number>();
    const anyFirst = new Set<number>();
    patterns.forEach((pattern, index) => {
      const found = patternStarts(pattern);
      // A start shorter than two characters is in nearly every text.
      if (!found || found.length === 0 || found.some((s) => s.key.length < 2)) {
        this.always.push(index);
        return;
      }
      for (const s of found) {
        const table = s.atWordStart ? word : any;
        const hash = keyHash(s.key);
        const prefixes = s.atWordStart ? wordPrefixes : anyPrefixes;
        for (let k = 1; k < s.key.length; k++) prefixes.add(keyHash(s.key.slice(0, k)));
        if (!s.atWordStart) anyFirst.add(s.key.charCodeAt(0));
        const list = table.get(hash) ?? [];
        if (!list.includes(index)) list.push(index);
        table.set(hash, list);
      }
    });
    this.wordStarts = new StartTable(word, wordPrefixes);
    this.anywhere = any.size > 0 ? new StartTable(any, anyPrefixes) : undefined;
    for (const s of anyFirst) this.anyFirst[s] = 1;
  }

  private lastText: string | undefined;
  private lastScan: PrefilterScan = { candidates: [], starts: [] };

  /** candidates[i] is false when patterns[i] cannot match `text` (remembered for the next call on the same text). */
  candidates(text: string): boolean[] {
    return this.scan(text).candidates;
  }

  /** Which patterns can match `text` and where (remembered for the next call on the same text). */
  scan(text: string): PrefilterScan {
    if (text !== this.lastText) {
      this.lastScan = (this.lastText !== undefined ? this.rescan(this.lastText, this.lastScan, text) : undefined) ?? this.compute(text);
      this.lastText = text;
    }
    return this.lastScan;
  }

  private emptyScan(): { candidates: boolean[]; starts: Array<number[] | readonly number[] | undefined> } {
    const candidates = new Array<boolean>(this.patterns.length).fill(false);
    const starts = new Array<number[] | readonly number[] | undefined>(this.patterns.length).fill(NO_STARTS);
    for (const index of this.always) {
      candidates[index] = true;
      starts[index] = undefined;
    }
    return { candidates, starts };
  }

  private compute(text: string): PrefilterScan {
    const found = this.emptyScan();
    this.markRange(text, 0, text.length, found);
    return found;
  }

  /** Probes every position in [from, to) as compute() does. */
  private markRange(text: string, from: number, to: number, found: { candidates: boolean[]; starts: Array<number[] | readonly number[] | undefined> }): void {
    const anywhere = this.anywhere;
    let previousIsWord = from > 0 && isWordCode(text.charCodeAt(from - 1));
    for (let i = from; i < to; i++) {
      const code = text.charCodeAt(i);
      if (anywhere && this.anyFirst[code] === 1) this.mark(anywhere, text, i, KEY_CHARS, found);
      const isWord = isWordCode(code);
      if (isWord && !previousIsWord) this.mark(this.wordStarts, text, i, WORD_KEY_CHARS, found);
      previousIsWord = isWord;
    }
  }

  /**
   * The scan of `text` from the scan of `previous` when both have the same length and differ in a
   * few places (a text and its normalised form: a dash or a quote folded): a probe at position p
   * reads only text[p - 1 .. p + WORD_KEY_CHARS - 1], so only the positions near a difference are
   * probed again; every other start is kept. Undefined when a scan from scratch is as cheap.
   */
  private rescan(previous: string, before: PrefilterScan, text: string): PrefilterScan | undefined {
    const n = text.length;
    if (previous.length !== n) return undefined;
    // Affected positions as [from, to) ranges, ascending and merged.
    const ranges: number[] = [];
    for (let d = 0; d < n; d++) {
      if (previous.charCodeAt(d) === text.charCodeAt(d)) continue;
      if (ranges.length >= 2 * MAX_RESCAN_RANGES) return undefined;
      const from = Math.max(0, d - (WORD_KEY_CHARS - 1));
      const to = Math.min(n, d + 2);
      if (ranges.length > 0 && from <= ranges[ranges.length - 1]!) ranges[ranges.length - 1] = to;
      else ranges.push(from, to);
    }
    const fresh = this.emptyScan();
    for (let r = 0; r < ranges.length; r += 2) this.markRange(text, ranges[r]!, ranges[r + 1]!, fresh);
    const { candidates, starts } = fresh;
    for (let index = 0; index < this.patterns.length; index++) {
      const old = before.starts[index];
      if (old === undefined || old.length === 0) continue;
      const kept = outsideRanges(old, ranges);
      if (kept.length === 0) continue;
      const added = starts[index]!;
      starts[index] = added.length === 0 ? kept : mergeAscending(kept, added);
      candidates[index] = true;
    }
    return fresh;
  }

  private mark(table: StartTable, text: string, at: number, longest: number, found: { candidates: boolean[]; starts: Array<number[] | readonly number[] | undefined> }): void {
    const end = Math.min(text.length, at + longest);
    let h = FNV_SEED;
    for (let i = at; i < end; i++) {
      h = fnvStep(h, text.charCodeAt(i));
      const slot = table.find(finish(h));
      if (slot < 0) return;
      const list = table.patternsAt(slot);
      if (list) {
        for (const index of list) {
          found.candidates[index] = true;
          const known = found.starts[index];
          // Keys of different lengths can start at one position: record it once.
          if (known === NO_STARTS) found.starts[index] = [at];
          else if (known && known[known.length - 1] !== at) (known as number[]).push(at);
        }
      }
      if (!table.extendsAt(slot)) return;
    }
  }
}

/** A copy of a pattern that matches only at its lastIndex (for testAt). */
export function stickyCopy(pattern: RegExp): RegExp {
  return new RegExp(pattern.source, `${pattern.flags.replace(/[gy]/g, '')}y`);
}

/**
 * pattern.test(text) with `sticky` (stickyCopy(pattern)) tried only at `starts`: the same answer
 * when `starts` holds every position where a match can begin (PrefilterScan.starts). A
 * look-behind still sees the text before each start.
 */
export function testAt(sticky: RegExp, text: string, starts: readonly number[]): boolean {
  for (const at of starts) {
    sticky.lastIndex = at;
    if (sticky.test(text)) return true;
  }
  return false;
}

/**
 * pattern.test(text) given where PrefilterScan says its matches can begin: only at those starts
 * (through `sticky`, its stickyCopy), or on the whole text when they could not be read.
 */
export function testFromStarts(pattern: RegExp, sticky: RegExp, text: string, starts: readonly number[] | undefined): boolean {
  return starts === undefined ? pattern.test(text) : testAt(sticky, text, starts);
}

/** How a pattern's matches can start, or undefined when that cannot be read off its source. */
export function patternStarts(pattern: RegExp): Start[] | undefined {
  // Case-insensitive patterns would need every casing of each start.
  if (pattern.flags.includes('i')) return undefined;
  try {
    const alts = parse(pattern.source);
    // Long keys are the most selective; patterns with many ways to start get shorter ones.
    for (const length of [WORD_KEY_CHARS, 5, KEY_CHARS]) {
      try {
        return starts(alts, length);
      } catch (err) {
        if (!(err instanceof TooMany)) throw err;
      }
    }
    return undefined;
  } catch (err) {
    if (err instanceof Unsupported) return undefined;
    throw err;
  }
}
