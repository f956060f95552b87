// The one way to build a harm cue or a mitigation, shared by harm-lexicon.ts and the cue lists it
// gathers (harm-request-cues.ts, harm-intent-cues.ts). Its own module because the
// lexicon imports those lists: a builder exported from the lexicon would not be
// initialised yet when they are evaluated.
import type { HarmCategory, HarmCue, HarmMitigation } from './harm-lexicon.js';
import { wordAnchoredRegExp } from '../injection/word-anchored-regexp.js';

/** A cue; its anchor, when given, is a part every match contains, which the prefilter looks for (see HarmCue.anchor). */
export const harmCue = (id: string, category: HarmCategory, weight: number, source: string, anchor?: string): HarmCue => ({
  id,
  category,
  weight,
  pattern: wordAnchoredRegExp(source),
  ...(anchor ? { anchor: wordAnchoredRegExp(`\\b(?:${anchor})`) } : {}),
});

/** A mitigation (negative weight on the listed categories); matches start at a word. */
export const harmMitigation = (id: string, categories: readonly HarmCategory[], weight: number, source: string, anchor?: string, unless?: string): HarmMitigation => ({
  id,
  categories,
  weight,
  pattern: wordAnchoredRegExp(`\\b(?:${source})`),
  ...(anchor ? { anchor: wordAnchoredRegExp(`\\b(?:${anchor})`) } : {}),
  ...(unless ? { unless: wordAnchoredRegExp(`\\b(?:${unless})`) } : {}),
});
