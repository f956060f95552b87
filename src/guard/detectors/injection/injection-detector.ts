// The injection detector over a given pair of models. index.ts builds the
// shipped instance; the trainer and evaluator build others (leave-one-out).
import { matchHarmCues } from '../harm/harm-lexicon.js';
import { documentSegments, mayBeRequest } from './document-segments.js';
import { FRAMING_CUES, softRiskCount } from './framing-cues.js';
import { DOCUMENT_RULES, SHARED_RULES, type InjectionRule } from './injection-rules.js';
import { USER_RULES } from './user-rules.js';
import { applyMultilingualRules, multilingualRuleHits } from './multilingual-rules.js';
import { sigmoid, type LinearModel } from './linear-model.js';
import { soupWindows, type SoupWindows, type WordVocab } from './word-soup.js';
import { bareCandidate, requestCandidates, type RequestCandidate } from './suffix-request.js';
import { tailMessiness } from './messy-tail.js';
import { unmaskLookalikes } from './lookalike-disguise.js';
import { documentMultilingualWeight, documentRuleWeight } from './override-addressee.js';
import { maskMentions } from './reported-speech.js';
import { undoubleCsvQuotes } from './csv-quotes.js';
import { readsAsOtherLanguage } from './function-words.js';
import { rankOf } from '../word-clusters.js';
import { boundText, preparedView } from './text-prep.js';
import { collapseWhitespace } from '../../normalize/collapse-whitespace.js';
import { decodeHtmlEntities } from '../../normalize/decode-obfuscation.js';
import { PatternPrefilter, stickyCopy, testFromStarts } from '../regexp-prefilter.js';

export type InjectionChannel = 'user' | 'document';
export interface InjectionScore {
  score: number /* 0..1 */;
  evidence: string[] /* short rule/feature ids, never raw user text */;
}

/** Rule log-odds are summed but capped: several weak cues must not outvote everything. */
const RULE_CAP = 9;
const FRAME_CAP = 2.5;
const FRAME_WITH_HARM_BONUS = 2.5;
const FRAME_WITH_RISK_WORD = 0.7;
/**
 * Adversarial suffixes: the word-soup contrast (word-soup.ts: mean chunk
 * oddness of the oddest window minus the calmest). The first ramp starts at
 * the 99th percentile of benign user messages (0.25 on the dev set's and on
 * the hand-written ones, lists and chat shorthand included) and is full when
 * half a window is soup. A harmful request alone often has log-odds of -3 to
 * -5 here (this model is not about harm), so a tail that is mostly soup
 * (0.7) must outweigh that by itself: the second ramp. The character signals
 * (bench/detectors/char-lm.ts window perplexity, glued-symbol anomaly) are no longer added:
 * they read code, LaTeX and serial numbers as noise.
 */
const SOUP_START = 0.25;
const SOUP_FULL = 0.5;
const SOUP_WEIGHT = 3.5;
const SOUP_STRONG_START = 0.4;
const SOUP_STRONG_FULL = 0.7;
const SOUP_STRONG_WEIGHT = 4;

const ramp = (x: number, start: number, full: number): number => (x <= start ? 0 : Math.min(1, (x - start) / (full - start)));

/** How odd the tail after `end` is by its messy chunks (module functions: under tsx a named closure costs a defineProperty per call). */
function messyOddFrom(messiness: ReturnType<typeof tailMessiness>, end: number): number {
  return ramp(messiness.from(end), MESSY_TAIL_START, MESSY_TAIL_FULL);
}

/** Rule evidence damped by its context: quoted, or addressed to staff. */
function isDamped(id: string): boolean {
  return id.endsWith('.mentioned') || id.endsWith('.to-staff');
}

function soupLogit(windows: SoupWindows): number {
  const contrast = windows.max - windows.min;
  return SOUP_WEIGHT * ramp(contrast, SOUP_START, SOUP_FULL) + SOUP_STRONG_WEIGHT * ramp(contrast, SOUP_STRONG_START, SOUP_STRONG_FULL);
}
/**
 * A harmful request with an odd tail (issue 15, item 1). Odd-but-benign text
 * (code, ids, tables, other scripts, shorthand) rarely carries a harmful
 * request, and an optimised suffix is appended to one: when the request
 * before the tail reads as harmful (the harm model, given by the caller),
 * far less oddness is needed, and the user model reads the request without
 * the tail, whose harmless-looking words were chosen to pull its score down.
 */
const HARMFUL_TAIL_GATE = 0.08;
const HARMFUL_TAIL_FULL = 0.25;
const HARMFUL_TAIL_WEIGHT = 5;
/** Share of messy chunks (messy-tail.ts) in the tail: ordinary prose and lists stay below the start. */
const MESSY_TAIL_START = 0.07;
const MESSY_TAIL_FULL = 0.2;
const BARE_MESSY_START = 0.1;
const BARE_MESSY_FULL = 0.25;
/** Cuts are looked for in this many last characters of the message: optimised suffixes are 20-40 tokens. */
const SUFFIX_REGION_CHARS = 400;
const REQUEST_HARM_START = 0.4;
const REQUEST_HARM_FULL = 0.7;
/** Reads how harmful a request is, 0..1 (the harm detector's score). */
export type RequestHarm = (text: string) => number;
/**
 * The user n-gram model alone must be surer than a technique rule: on benign
 * sources it never saw, its scores drift up (new vocabulary near attack words),
 * while a rule names what an attack has to say. Chosen on the cross-source
 * check (bench/detectors/cross-source.ts), not on in-sample scores.
 */
const USER_MODEL_OFFSET = -1.1;
/**
 * Taken off the user model's log-odds on a message in another language (function-words.ts): the
 * model reads English n-grams mostly, and in the leave-one-writer-out folds its scores on other
 * languages' legitimate messages sat 2 log-odds higher than on English ones (a request about the
 * rules of a card game read like a request for the assistant's rules), while attacks in them are
 * also read by the multilingual rules. Chosen on the five-writer folds.
 */
const OTHER_LANGUAGE_OFFSET = -1;
/** Rule evidence at or above this is not vetoed by the model: its term is floored per channel. */
const STRONG_RULE_LOGIT = 3;
/**
 * Words that mix Latin letters with lookalikes of another script: one may be a
 * pasted phishing domain ("is pаypal.com real?"), two or more are a message
 * disguised against filters, weighed like a technique rule.
 */
const DISGUISE_ONE_WORD = 2;
const DISGUISE_MANY_WORDS = 3.5;
const MODEL_FLOOR_WITH_STRONG_RULE: Record<InjectionChannel, number> = { user: -1, document: 0 };
/**
 * For users a strong rule floors the message's total log-odds instead of the model's: at least 1.15
 * (0.76, flagged at the shipped and at the default threshold), but no higher when the model reads the
 * message as benign. Rule matches the model disagrees with are where the writers' legitimate messages
 * sit (a game's "complete rules", a report retracting "the previous instructions"); flooring the model
 * at -1 lifted them to 0.9 and above, over attacks only the model reads. Chosen on the six-writer
 * folds (bench/detectors/writer-folds.ts): pooled TPR at FPR <= 1 % 0.632 -> 0.730 with the same verdicts at 0.494.
 */
const USER_STRONG_RULE_FLOOR = 1.15;
/**
 * Share of a rule's weight left when it matches only inside a quoted or
 * "such as" mention (reported-speech.ts): a report that quotes an attack keeps
 * a trace of it, the sentence around the quote decides.
 */
export const MENTION_SHARE = 0.2;
/** Segment-model log-odds taken off a document whose only rule matches are mentions. */
const MENTION_CONTEXT_DAMP = 1;
/**
 * Taken off instead when every rule match was damped and one of them was an
 * override or AI-reader phrase said to staff or named as a topic
 * (override-addressee.ts): a memo, policy or log about such phrases. In the
 * leave-one-writer-out folds no planted instruction had only such matches.
 */
const STAFF_CONTEXT_DAMP = 2;

export interface InjectionSignals {
  modelLogit: number;
  ruleLogit: number;
  structureLogit: number;
  evidence: string[];
}

export interface InjectionDetector {
  signals(text: string, channel: InjectionChannel): InjectionSignals;
  score(text: string, channel: InjectionChannel): InjectionScore;
}

/**
 * The most harmful reading of a request followed by an odd tail, and the
 * log-odds it adds; undefined when there is none. The tail is odd by the
 * word-soup contrast (its oddest window ends after the cut) or by the strict
 * reading of messy-tail.ts; the harm model runs only on cuts with an odd tail.
 */
function harmfulTailSignal(text: string, windows: SoupWindows, vocab: WordVocab, requestHarm: RequestHarm): { logit: number; request: string } | undefined {
  // Suffixes are appended: only cuts in the tail the soup windows read are candidates (the cost stays bounded).
  const from = Math.max(0, text.length - SUFFIX_REGION_CHARS);
  const messiness = tailMessiness(text, from, vocab);
  const contrast = windows.max - windows.min;
  const soupOdd = ramp(contrast, HARMFUL_TAIL_GATE, HARMFUL_TAIL_FULL);
  const cuts = requestCandidates(text, from).map((c) => ({ ...c, odd: Math.max(windows.oddestEnd > c.end ? soupOdd : 0, messyOddFrom(messiness, c.end)) }));
  // Without a sentence end: cut at the first glued fragment, or at the oddest window when both readings find
  // the tail odd, the strict one more so than after a sentence end (the odd half of one sentence, names and
  // titles, is no suffix).
  const atGlued = bareCandidate(text, messiness.firstGlued);
  if (atGlued) cuts.push({ ...atGlued, odd: messyOddFrom(messiness, atGlued.end) });
  const atWindow = windows.oddestStart >= from ? bareCandidate(text, windows.oddestStart) : undefined;
  if (atWindow) cuts.push({ ...atWindow, odd: Math.min(soupOdd, ramp(messiness.from(atWindow.end), BARE_MESSY_START, BARE_MESSY_FULL)) });
  let best = { logit: 0, request: '' };
  // The harm model runs only on cuts with an odd tail, oddest first, until one is fully harmful and odd.
  cuts.sort((a, b) => b.odd - a.odd);
  for (const cut of cuts) {
    if (cut.odd * HARMFUL_TAIL_WEIGHT <= best.logit) break;
    if (isOtherLanguageProse(text, cut)) continue;
    const logit = cut.odd * HARMFUL_TAIL_WEIGHT * ramp(requestHarm(cut.request), REQUEST_HARM_START, REQUEST_HARM_FULL);
    if (logit > best.logit) best = { logit, request: cut.request };
  }
  return best.logit > 0 ? best : undefined;
}

/**
 * A request and its tail both written in another language are one message in that language, not a
 * request with a suffix: the harm model reads English n-grams, so its score there is noise, and the
 * language's plain words look messy to the tail reading (the rules of a card game, then a line about
 * the office tournament; leave-one-writer-out folds: 7 of 42 false positives). A tail in English, as
 * an optimised suffix or an English frame around a quoted request, is read as before.
 */
function isOtherLanguageProse(text: string, cut: RequestCandidate): boolean {
  return readsAsOtherLanguage(cut.request.toLowerCase(), rankOf) && readsAsOtherLanguage(text.slice(cut.end).toLowerCase(), rankOf);
}

/**
 * The multilingual rules on a user message with mentions (reported-speech.ts): a rule that matches
 * only inside them keeps MENTION_SHARE of its weight, as the English rules do in applyRules.
 */
function multilingualOutsideMentions(folded: string, maskedFolded: string, evidence: string[]): number {
  const live = new Set(multilingualRuleHits(maskedFolded, 'user').map((hit) => hit.id));
  let sum = 0;
  for (const hit of multilingualRuleHits(folded, 'user')) {
    const mentioned = !live.has(hit.id);
    sum += mentioned ? hit.weight * MENTION_SHARE : hit.weight;
    evidence.push(mentioned ? `${hit.id}.mentioned` : hit.evidence);
  }
  return sum;
}

// A rule runs only on texts holding one of the ways its pattern can start.
const prefilters = new WeakMap<readonly InjectionRule[], { filter: PatternPrefilter; sticky: RegExp[] }>();

type RuleWeight = (id: string, weight: number, pattern: RegExp, flat: string) => number;

/**
 * Rules over a text whose mentions were masked (maskedFlat): a rule that
 * matches the full text but not the masked one matched only inside a quote
 * and keeps MENTION_SHARE of its weight.
 */
function applyRules(flat: string, rules: readonly InjectionRule[], evidence: string[], weigh?: RuleWeight, maskedFlat: string = flat): number {
  let prefilter = prefilters.get(rules);
  if (!prefilter) prefilters.set(rules, (prefilter = { filter: new PatternPrefilter(rules.map((rule) => rule.pattern)), sticky: rules.map((rule) => stickyCopy(rule.pattern)) }));
  // Each rule runs only where one of its starts is (the whole text when they cannot be read).
  const { candidates, starts } = prefilter.filter.scan(flat);
  let sum = 0;
  for (let i = 0; i < rules.length; i++) {
    const rule = rules[i]!;
    if (candidates[i] && testFromStarts(rule.pattern, prefilter.sticky[i]!, flat, starts[i])) {
      const own = weigh ? weigh(rule.id, rule.weight, rule.pattern, flat) : rule.weight;
      const mentioned = maskedFlat !== flat && !rule.pattern.test(maskedFlat);
      const weight = mentioned ? own * MENTION_SHARE : own;
      sum += weight;
      evidence.push(mentioned ? `${rule.id}.mentioned` : own < rule.weight ? `${rule.id}.to-staff` : rule.id);
    }
  }
  return sum;
}

export function createInjectionDetector(models: { user: LinearModel; segment: LinearModel; wordVocab?: WordVocab; requestHarm?: RequestHarm }): InjectionDetector {
  const userModel = models.user;
  const segmentModel = models.segment;
  function signals(input: string, channel: InjectionChannel): InjectionSignals {
    // Callers are typed, but a guard must never throw on odd input.
    const raw = typeof input === 'string' ? input : '';
    // User messages are read with lookalikes folded ("ignоre" reads as "ignore"); documents with HTML character references decoded, so an
    // address spelled "lee&#64;host&#46;example" reads as one (the engine's decoded views see it too), and with a spreadsheet
    // cell's doubled quotes read as single ones (csv-quotes.ts).
    const unmasked = channel === 'user' ? unmaskLookalikes(raw) : { text: undoubleCsvQuotes(decodeHtmlEntities(raw).text), disguised: 0 };
    const text = unmasked.text;
    const { folded, flat } = preparedView(text);
    // Attack phrases quoted in a report, a policy or a question are mentions (reported-speech.ts).
    const maskedFolded = maskMentions(folded, channel);
    const maskedFlat = maskedFolded === folded ? flat : collapseWhitespace(maskedFolded);
    const evidence: string[] = [];
    // In data, an override phrase said to staff is not an attack on the assistant (override-addressee.ts).
    let ruleLogit = applyRules(flat, SHARED_RULES, evidence, channel === 'document' ? documentRuleWeight : undefined, maskedFlat);
    if (channel === 'document') ruleLogit += applyRules(flat, DOCUMENT_RULES, evidence, documentRuleWeight, maskedFlat);
    else ruleLogit += applyRules(flat, USER_RULES, evidence, undefined, maskedFlat);
    ruleLogit += channel === 'user' && maskedFolded !== folded ? multilingualOutsideMentions(folded, maskedFolded, evidence) : applyMultilingualRules(folded, channel, evidence, channel === 'document' ? documentMultilingualWeight : undefined);
    ruleLogit = Math.min(RULE_CAP, ruleLogit);

    let modelLogit: number;
    let structureLogit = 0;
    if (channel === 'user') {
      const otherLanguage = readsAsOtherLanguage(folded, rankOf);
      modelLogit = userModel.logit(folded) + USER_MODEL_OFFSET + (otherLanguage ? OTHER_LANGUAGE_OFFSET : 0);
      const manyDisguised = unmasked.disguised >= 2;
      // Many disguised words are not vetoed by vocabulary the model deems harmless.
      if (manyDisguised) modelLogit = Math.max(modelLogit, MODEL_FLOOR_WITH_STRONG_RULE.user);
      if (unmasked.disguised > 0) {
        structureLogit += manyDisguised ? DISGUISE_MANY_WORDS : DISGUISE_ONE_WORD;
        evidence.push('obfuscation.lookalike-letters');
      }
      if (modelLogit > 0) evidence.push('model.user-ngrams');
      const frameEvidence: string[] = [];
      const frame = Math.min(FRAME_CAP, applyRules(flat, FRAMING_CUES, frameEvidence));
      if (frame > 0) {
        // A fiction / persona / "for research" frame is harmless alone; around
        // a harmful request it is the shape of a role-play jailbreak.
        const harm = matchHarmCues(flat);
        const risk = softRiskCount(flat);
        if (harm.ids.length > 0) {
          structureLogit += frame + FRAME_WITH_HARM_BONUS;
          evidence.push(...frameEvidence, 'frame.with-harmful-request');
        } else if (risk >= 1) {
          structureLogit += frame + Math.min(risk, 3) * FRAME_WITH_RISK_WORD;
          evidence.push(...frameEvidence, 'frame.with-risk-words');
        }
      }
      if (models.wordVocab) {
        const bounded = boundText(text);
        const windows = soupWindows(bounded, models.wordVocab);
        const soup = soupLogit(windows);
        if (soup > 0) {
          structureLogit += soup;
          evidence.push('suffix.word-soup');
        }
        const harmfulTail = models.requestHarm ? harmfulTailSignal(bounded, windows, models.wordVocab, models.requestHarm) : undefined;
        if (harmfulTail) {
          structureLogit += harmfulTail.logit;
          modelLogit = Math.max(modelLogit, userModel.logit(preparedView(harmfulTail.request).folded) + USER_MODEL_OFFSET);
          evidence.push('suffix.harmful-request-odd-tail');
        }
      }
      // A technique rule is not vetoed by vocabulary the model deems harmless, nor lifted far above the threshold by it.
      if (ruleLogit >= STRONG_RULE_LOGIT) modelLogit = Math.max(modelLogit, USER_STRONG_RULE_FLOOR - ruleLogit - structureLogit);
    } else {
      modelLogit = -Infinity;
      for (const segment of documentSegments(maskedFolded)) {
        if (!mayBeRequest(segment)) continue;
        const logit = segmentModel.logitOfWords(segment.tokens, segment.markers);
        if (logit > modelLogit) modelLogit = logit;
      }
      if (modelLogit === -Infinity) modelLogit = segmentModel.logit('', ['pos:alone', 'ovl:empty']);
      // A document that quotes attacks and, outside its quotes, says nothing a rule reads as
      // speaking to the assistant is about attacks: its security vocabulary counts for less.
      if (evidence.length > 0 && evidence.every(isDamped) && evidence.some((id) => id.endsWith('.to-staff'))) {
        modelLogit -= STAFF_CONTEXT_DAMP;
        evidence.push('mention.staff-only');
      } else if (maskedFolded !== folded && evidence.every((id) => id.endsWith('.mentioned'))) {
        modelLogit -= MENTION_CONTEXT_DAMP;
        evidence.push('mention.reported-only');
      }
      if (modelLogit > 0) evidence.push('model.request-like-segment');
      // Text that plainly speaks to the AI reader needs no request-like segment
      // too: the segment model reads English only, injections come in any language.
      if (ruleLogit >= STRONG_RULE_LOGIT) modelLogit = Math.max(modelLogit, MODEL_FLOOR_WITH_STRONG_RULE.document);
    }
    return { modelLogit, ruleLogit, structureLogit, evidence };
  }
  return {
    signals,
    score(text, channel) {
      const s = signals(text, channel);
      const score = sigmoid(s.modelLogit + s.ruleLogit + s.structureLogit);
      return { score: Number.isFinite(score) ? score : 0, evidence: s.evidence };
    },
  };
}
