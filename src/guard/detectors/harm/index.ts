// Local harmful-content detector. A linear model over hashed n-grams says how
// likely the text is a harmful request or statement; hand-written cues say
// which category it belongs to and add evidence. Requests for dangerous
// capabilities (weapons, drugs, malware, fraud) count as "violence".
import { loadLinearModel } from '../injection/linear-model.js';
import { createHarmDetector, HARM_DEFAULT_THRESHOLD, type HarmScore } from './harm-detector.js';

export type { HarmCategory } from './harm-lexicon.js';
export type { HarmScore, HarmSeverity } from './harm-detector.js';
export { HARM_CATEGORIES, HARM_DEFAULT_THRESHOLD, HARM_SEVERITY_CUTS, severityFor } from './harm-detector.js';

const detector = createHarmDetector(loadLinearModel(new URL('./models/harm-model.json', import.meta.url)));
// Compile the lexicon's regexes at load, not on the first user's turn.
detector.score('warm-up');

/**
 * readsRequest: also score the request without the sentences framing it (default; a user's
 * message). The guard turns it off for answers and documents, where it cost ~250 µs per turn.
 */
export function scoreHarm(text: string, options: { readsRequest?: boolean } = {}): HarmScore {
  return detector.score(text, options.readsRequest ?? true);
}

/** The flag decision at a threshold: inclusive, so a score equal to the threshold is flagged. */
export function isHarmful(result: HarmScore, threshold = HARM_DEFAULT_THRESHOLD): boolean {
  return result.score >= threshold;
}
