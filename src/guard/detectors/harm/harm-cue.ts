// The one way to build a harm cue, shared by harm-lexicon.ts and the cue lists it
// gathers (harm-request-cues.ts, harm-intent-cues.ts). Its own module because the
// lexicon imports those lists: a builder exported from the lexicon would not be
// initialised yet when they are evaluated.
import type { HarmCategory, HarmCue } from './harm-lexicon.js';
import { wordAnchoredRegExp } from '../injection/word-anchored-regexp.js';

/** A cue; its anchor, when given, is a part every match contains, which the prefilter looks for (see HarmCue.anchor). */
export const harmCue = (id: string, category: HarmCategory, weight: number, source: string, anchor?: string): HarmCue => ({
  id,
  category,
  weight,
  pattern: wordAnchoredRegExp(source),
  ...(anchor ? { anchor: wordAnchoredRegExp(`\\b(?:${anchor})`) } : {}),
});
