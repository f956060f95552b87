// System-prompt leak detection on model output: (1) the per-conversation
// canary appears (also when spaced out, split by invisible characters or in a
// different case), (2) the prompt's rule ids appear (opaque per-conversation
// tokens written "[ref:xxxxxxxx]" through the prompt, which a translation or
// paraphrase keeps), (3) the output touches many of the concepts a system
// prompt is made of, in any of the agent's languages (disclosure-concepts.ts),
// (4) the output shares enough word n-grams with the system prompt text. Word
// shingles make (4) linear in the text length.
import { LRUCache } from 'lru-cache';
import { letterDigitRuns } from '../normalize/letter-digit-runs.js';

export interface LeakResult {
  canary?: { start: number; end: number; view: 'raw' | 'normalized' | 'compact' };
  overlap: number;
  sharedShingles: number;
}

function words(text: string): string[] {
  return letterDigitRuns(text.toLowerCase());
}

/**
 * The prompt's shingles as 32-bit hashes of n consecutive word ids (each new word gets the next
 * id): no string per position. A rare hash collision can only raise the overlap slightly.
 */
function shingleHashes(tokens: string[], n: number, ids: Map<string, number>): number[] {
  const wordIds: number[] = new Array(tokens.length);
  for (let i = 0; i < tokens.length; i++) {
    let id = ids.get(tokens[i]!);
    if (id === undefined) ids.set(tokens[i]!, (id = ids.size + 1));
    wordIds[i] = id;
  }
  const out: number[] = [];
  for (let i = 0; i + n <= wordIds.length; i++) {
    let h = 0x811c9dc5;
    for (let k = i; k < i + n; k++) h = Math.imul(h ^ wordIds[k]!, 0x01000193);
    out.push(h >>> 0);
  }
  return out;
}

// One template, rendered per conversation (its canary and rule ids): keep the shingle sets of the
// recently active conversations, keyed by the prompt itself (no key string built per call) and then
// by the shingle length. Each set is about 36 KB; with fewer entries than active conversations an
// instance would tokenise a 2.6 KB prompt again on every turn (26 -> 71 µs for the overlap alone).
const promptCache = new LRUCache<string, Map<number, { n: number; ids: Map<string, number>; set: Set<number> }>>({ max: 256 });

function promptShingles(systemPrompt: string, ngramWords: number): { n: number; ids: Map<string, number>; set: Set<number> } {
  let byLength = promptCache.get(systemPrompt);
  if (!byLength) promptCache.set(systemPrompt, (byLength = new Map()));
  const cached = byLength.get(ngramWords);
  if (cached) return cached;
  const tokens = words(systemPrompt);
  // Short prompts: compare with shorter shingles, but never below three words.
  const n = Math.max(3, Math.min(ngramWords, tokens.length));
  const ids = new Map<string, number>();
  const value = { n, ids, set: new Set(shingleHashes(tokens, n, ids)) };
  byLength.set(ngramWords, value);
  return value;
}

/** Share of the system prompt's shingles that appear in the output, in [0,1]. */
export function systemPromptOverlap(output: string, systemPrompt: string, ngramWords: number): { overlap: number; shared: number } {
  const prompt = promptShingles(systemPrompt, ngramWords);
  if (prompt.set.size === 0) return { overlap: 0, shared: 0 };
  const seen = sharedShingles(words(output), prompt);
  return { overlap: seen.size / prompt.set.size, shared: seen.size };
}

/**
 * The prompt's shingles that the output's words contain: the hashes shingleHashes gives, but only
 * windows of n words the prompt knows are hashed (an answer's own words break most windows), and
 * no list of word ids or hashes is built.
 */
function sharedShingles(tokens: string[], prompt: { n: number; ids: Map<string, number>; set: Set<number> }): Set<number> {
  const { n, ids, set } = prompt;
  const seen = new Set<number>();
  const window: number[] = new Array(n);
  // Known words in a row ending at i, and the ids of the last n of them (a ring).
  let known = 0;
  for (let i = 0; i < tokens.length; i++) {
    const id = ids.get(tokens[i]!);
    if (id === undefined) {
      known = 0;
      continue;
    }
    window[i % n] = id;
    if (++known < n) continue;
    let h = 0x811c9dc5;
    for (let k = i - n + 1; k <= i; k++) h = Math.imul(h ^ window[k % n]!, 0x01000193);
    h >>>= 0;
    if (set.has(h)) seen.add(h);
  }
  return seen;
}

/**
 * text.toLowerCase().replace(/[^a-z0-9]+/g, '') in one pass over code units, without a
 * regex replacement per gap. Only two non-ASCII characters lower-case to ASCII letters
 * ("İ" to "i" plus a dot, the Kelvin sign to "k"); each other unit is dropped.
 */
function asciiCompact(text: string): string {
  // Every kept unit is ASCII: one byte each, read back as latin1 (cheaper than a UTF-16 decoder).
  const out = Buffer.allocUnsafe(text.length);
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const u = text.charCodeAt(i);
    if ((u >= 0x61 && u <= 0x7a) || (u >= 0x30 && u <= 0x39)) out[n++] = u;
    else if (u >= 0x41 && u <= 0x5a) out[n++] = u | 0x20;
    else if (u === 0x130) out[n++] = 0x69;
    else if (u === 0x212a) out[n++] = 0x6b;
  }
  return out.toString('latin1', 0, n);
}

// The guard asks for the same texts' compact forms several times in one check (canary, rule ids).
const recentCompact: Array<{ text: string; compact: string }> = [];
function asciiCompactOf(text: string): string {
  for (const entry of recentCompact) if (entry.text === text) return entry.compact;
  const compact = asciiCompact(text);
  recentCompact.unshift({ text, compact });
  if (recentCompact.length > 4) recentCompact.pop();
  return compact;
}

// A check looks for the same canary in several texts (raw, normalised, each view): its compact form once.
let lastNeedle: { needle: string; compact: string } | undefined;
function compactOfNeedle(needle: string): string {
  if (lastNeedle?.needle !== needle) lastNeedle = { needle, compact: needle.replace(/[^\p{L}\p{N}]/gu, '') };
  return lastNeedle.compact;
}

/** Finds the canary in raw text, in the normalised text, or with all non-alphanumerics removed. */
export function findCanary(raw: string, normalized: string, canary: string): LeakResult['canary'] {
  if (canary.trim().length < 6) return undefined; // too short to be a meaningful canary
  const needle = canary.toLowerCase();
  const rawAt = raw.toLowerCase().indexOf(needle);
  if (rawAt >= 0) return { start: rawAt, end: rawAt + canary.length, view: 'raw' };
  const normAt = normalized === raw ? -1 : normalized.toLowerCase().indexOf(needle);
  if (normAt >= 0) return { start: normAt, end: normAt + canary.length, view: 'normalized' };
  const compactNeedle = compactOfNeedle(needle);
  if (compactNeedle.length < 6) return undefined;
  // An ASCII needle whose letters are not even adjacent once every non-ASCII character is gone
  // cannot be in the text with only non-letters removed: skip the slower Unicode pass.
  if (/^[a-z0-9]+$/.test(compactNeedle) && !asciiCompactOf(normalized).includes(compactNeedle)) return undefined;
  if (normalized.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '').includes(compactNeedle)) return { start: 0, end: raw.length, view: 'compact' };
  return undefined;
}

const refPattern = /\[ref:([a-z2-7]{8})\]/g;
// As many prompts as the renderings cache (src/prompt/system-prompt.ts) keeps; an entry is a few dozen short strings.
const refCache = new LRUCache<string, string[]>({ max: 512 });

/** The rule ids planted in a rendered system prompt (see src/prompt/system-prompt.md). */
export function promptRefs(systemPrompt: string): string[] {
  const cached = refCache.get(systemPrompt);
  if (cached) return cached;
  const refs = [...new Set([...systemPrompt.matchAll(refPattern)].map((m) => m[1]!))];
  refCache.set(systemPrompt, refs);
  return refs;
}

/** Distinct rule ids found in any of the texts, as written or with spacing and punctuation removed. */
export function countRefs(texts: string[], refs: string[]): number {
  if (refs.length === 0) return 0;
  const found = new Set<string>();
  for (const text of texts) {
    // Rule ids are lowercase base32: removing everything else keeps a written id whole and joins a spaced-out one.
    const compact = asciiCompactOf(text);
    for (const ref of refs) if (compact.includes(ref)) found.add(ref);
  }
  return found.size;
}
