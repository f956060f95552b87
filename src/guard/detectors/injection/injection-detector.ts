// The injection detector over a given pair of models. index.ts builds the
// shipped instance; the trainer and evaluator build others (leave-one-out).
import { matchHarmCues } from '../harm/harm-lexicon.js';
import { documentSegments, mayBeRequest } from './document-segments.js';
import { FRAMING_CUES, softRiskCount } from './framing-cues.js';
import { DOCUMENT_RULES, SHARED_RULES, type InjectionRule } from './injection-rules.js';
import { applyMultilingualRules } from './multilingual-rules.js';
import { sigmoid, type LinearModel } from './linear-model.js';
import { windowBits, type CharLm, type WindowBits } from './char-lm.js';
import { suffixAnomaly } from './suffix-anomaly.js';
import { boundText, preparedView } from './text-prep.js';
import { PatternPrefilter } from '../regexp-prefilter.js';

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
const SUFFIX_WEIGHT = 3.5;
/**
 * Window-perplexity contrast (bits per symbol, noisiest window minus
 * calmest) where the signal starts and where it is full: the start is about
 * the 99th percentile of benign user messages, so alone it adds little; a
 * noisy tail after a request is what lifts a message over the threshold.
 */
const PERPLEXITY_CONTRAST_START = 2.8;
const PERPLEXITY_CONTRAST_FULL = 4.3;

function perplexityAnomaly(bits: WindowBits): number {
  const contrast = bits.max - bits.min;
  if (contrast <= PERPLEXITY_CONTRAST_START) return 0;
  return Math.min(1, (contrast - PERPLEXITY_CONTRAST_START) / (PERPLEXITY_CONTRAST_FULL - PERPLEXITY_CONTRAST_START));
}
/**
 * The user n-gram model alone must be surer than a technique rule: on benign
 * sources it never saw, its scores drift up (new vocabulary near attack words),
 * while a rule names what an attack has to say. Chosen on the cross-source
 * check (bench/detectors/cross-source.ts), not on in-sample scores.
 */
const USER_MODEL_OFFSET = -1.1;
/** Rule evidence at or above this is not vetoed by the model: its term is floored per channel. */
const STRONG_RULE_LOGIT = 3;
const MODEL_FLOOR_WITH_STRONG_RULE: Record<InjectionChannel, number> = { user: -1, document: 0 };

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

// A rule runs only on texts holding one of the ways its pattern can start.
const prefilters = new WeakMap<readonly InjectionRule[], PatternPrefilter>();

function applyRules(flat: string, rules: readonly InjectionRule[], evidence: string[]): number {
  let prefilter = prefilters.get(rules);
  if (!prefilter) prefilters.set(rules, (prefilter = new PatternPrefilter(rules.map((rule) => rule.pattern))));
  const candidates = prefilter.candidates(flat);
  let sum = 0;
  for (let i = 0; i < rules.length; i++) {
    const rule = rules[i]!;
    if (candidates[i] && rule.pattern.test(flat)) {
      sum += rule.weight;
      evidence.push(rule.id);
    }
  }
  return sum;
}

export function createInjectionDetector(models: { user: LinearModel; segment: LinearModel; charLm?: CharLm }): InjectionDetector {
  const userModel = models.user;
  const segmentModel = models.segment;
  function signals(input: string, channel: InjectionChannel): InjectionSignals {
    // Callers are typed, but a guard must never throw on odd input.
    const text = typeof input === 'string' ? input : '';
    const { folded, flat } = preparedView(text);
    const evidence: string[] = [];
    let ruleLogit = applyRules(flat, SHARED_RULES, evidence);
    if (channel === 'document') ruleLogit += applyRules(flat, DOCUMENT_RULES, evidence);
    ruleLogit += applyMultilingualRules(folded, channel, evidence);
    ruleLogit = Math.min(RULE_CAP, ruleLogit);

    let modelLogit: number;
    let structureLogit = 0;
    if (channel === 'user') {
      modelLogit = userModel.logit(folded) + USER_MODEL_OFFSET;
      // A technique rule is not vetoed by vocabulary the model deems harmless.
      if (ruleLogit >= STRONG_RULE_LOGIT) modelLogit = Math.max(modelLogit, MODEL_FLOOR_WITH_STRONG_RULE.user);
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
      const anomaly = suffixAnomaly(boundText(text));
      const perplexity = models.charLm ? perplexityAnomaly(windowBits(models.charLm, text)) : 0;
      if (anomaly > 0 || perplexity > 0) {
        structureLogit += SUFFIX_WEIGHT * Math.max(anomaly, perplexity);
        if (anomaly > 0) evidence.push('suffix.char-anomaly');
        if (perplexity > 0) evidence.push('suffix.window-perplexity');
      }
    } else {
      modelLogit = -Infinity;
      for (const segment of documentSegments(folded)) {
        if (!mayBeRequest(segment)) continue;
        const logit = segmentModel.logitOfWords(segment.tokens, segment.markers);
        if (logit > modelLogit) modelLogit = logit;
      }
      if (modelLogit === -Infinity) modelLogit = segmentModel.logit('', ['pos:alone', 'ovl:empty']);
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
