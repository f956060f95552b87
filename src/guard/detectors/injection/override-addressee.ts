// In a document, "ignore the previous instructions" or "the new instructions
// are below" is most often a memo correcting itself for its human readers.
// There an override phrase counts in full only when the sentence around it
// speaks to the AI reading the data or asks for what only an assistant does
// (answer in a fixed way, reveal its prompt, send data out); said to staff it
// keeps a small share of its weight and the segment model decides.
import { wordAnchoredRegExp } from './word-anchored-regexp.js';

/** Override rules whose wording a memo to staff shares. */
const STAFF_SHARED_RULES = new Set(['override.ignore-prior', 'override.ignore-all', 'override.new-instructions']);
/** Share of the rule's weight left when nothing in its sentence addresses an assistant. */
export const STAFF_OVERRIDE_SHARE = 0.35;
/** How far (characters) to look either side of the phrase for the end of its sentence. */
const REACH = 240;

const gap = (n: number): string => `(?:[^ ]+ ){0,${n}}`;
// Bounded gaps and word alternatives only: linear on any input. Plain "send emails" is
// ordinary; sending the user's data, all of it or secrets is what an injection asks.
const ASSISTANT_CUE = wordAnchoredRegExp(
  [
    `(?:ai|a\\.i\\.|assistants?|chatbots?|bots?|llms?|language models?|gpt|chatgpt|copilot|claude|gemini|system prompt|prompts?)\\b`,
    `(?:you are|you're) (?:now|an?|no longer|free)\\b`,
    `your (?:response|reply|answer|output|summary|task|role|purpose|programming|guidelines|rules)\\b`,
    `(?:respond|reply|answer|output|print|say|write|return)(?: only| just)?(?: with)?:? ["'“‘]`,
    `(?:reveal|repeat|disclose|leak|dump|recite)\\b`,
    `(?:exfiltrat[a-z]*|upload|forward|send|email|post) ${gap(3)}(?:all|every|the user'?s?|conversation|chat history|contacts|passwords?|credentials|secrets|tokens|api keys?)\\b`,
  ].join('|'),
);

/** The sentence around [start, end) of flat text, bounded to REACH characters either side. */
function sentenceAround(flat: string, start: number, end: number): string {
  let from = Math.max(0, start - REACH);
  for (let i = start - 1; i >= from; i--) {
    const c = flat[i];
    if ((c === '.' || c === '!' || c === '?') && flat[i + 1] === ' ') {
      from = i + 1;
      break;
    }
  }
  let to = Math.min(flat.length, end + REACH);
  for (let i = end; i < to; i++) {
    const c = flat[i];
    if ((c === '.' || c === '!' || c === '?') && (i + 1 === flat.length || flat[i + 1] === ' ')) {
      to = i + 1;
      break;
    }
  }
  return flat.slice(from, to);
}

/**
 * The weight a matched document rule carries: its own, or a share of it when
 * it is an override phrase whose sentence addresses no assistant.
 */
export function documentRuleWeight(ruleId: string, weight: number, pattern: RegExp, flat: string): number {
  if (!STAFF_SHARED_RULES.has(ruleId)) return weight;
  const match = pattern.exec(flat);
  if (!match) return weight;
  const sentence = sentenceAround(flat, match.index, match.index + match[0].length);
  return ASSISTANT_CUE.test(sentence) ? weight : weight * STAFF_OVERRIDE_SHARE;
}
