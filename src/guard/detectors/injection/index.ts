// Local prompt-injection and jailbreak detector. Pure and synchronous: the
// models are read once when this module loads. Score = sigmoid of a sum of
// log-odds from (1) a linear model over hashed n-grams, (2) hand-written
// technique rules, (3) structural signals: for users a jailbreak frame around
// a harmful request and an adversarial suffix (word soup after a fluent
// request); for documents the most request-like segment that does not fit
// the surrounding data.
import { createInjectionDetector, type InjectionChannel, type InjectionScore } from './injection-detector.js';
import { loadLinearModel } from './linear-model.js';
import { loadWordVocab } from './word-soup.js';
import { scoreHarm } from '../harm/index.js';

export type { InjectionChannel, InjectionScore } from './injection-detector.js';

/**
 * Flag when score >= threshold (inclusive). Chosen on leave-one-family-out
 * scores of the dev set (docs/guard-models.md): benign false positives about
 * 0.5% for users; documents need more evidence because data is full of
 * reader-addressed imperatives and questions.
 */
export const INJECTION_DEFAULT_THRESHOLD: Record<InjectionChannel, number> = { user: 0.75, document: 0.85 };

const detector = createInjectionDetector({
  user: loadLinearModel(new URL('./models/user-model.json', import.meta.url)),
  segment: loadLinearModel(new URL('./models/segment-model.json', import.meta.url)),
  wordVocab: loadWordVocab(new URL('./models/word-vocab.json', import.meta.url)),
  // An adversarial suffix rides on a harmful request: how harmful the request before an odd tail reads.
  requestHarm: (text) => scoreHarm(text).score,
});
// Compile every rule's regex at load (tens of ms), not on the first user's turn.
detector.score('warm-up', 'user');
detector.score('warm-up', 'document');

export function scoreInjection(text: string, channel: InjectionChannel): InjectionScore {
  return detector.score(text, channel);
}

/** The flag decision at a threshold: inclusive, so a score equal to the threshold is flagged. */
export function isInjection(result: InjectionScore, channel: InjectionChannel, threshold = INJECTION_DEFAULT_THRESHOLD[channel]): boolean {
  return result.score >= threshold;
}
