// The harm detector over a given model. index.ts builds the shipped instance;
// the trainer and evaluator build others (leave-one-out).
import { sigmoid, type LinearModel } from '../injection/linear-model.js';
import { preparedView } from '../injection/text-prep.js';
import { collapseWhitespace } from '../../normalize/collapse-whitespace.js';
import { matchHarmCues, matchHarmMitigations, type HarmCategory } from './harm-lexicon.js';
import { readingInContext } from './harm-model-context.js';
import { requestReadings } from './request-views.js';
import { withoutPhaticEdges } from './phatic-edges.js';

export type HarmSeverity = 0 | 2 | 4 | 6;
export interface HarmScore {
  severity: Record<HarmCategory, HarmSeverity> /* Azure-like scale */;
  score: number /* 0..1 max over categories */;
  evidence: string[];
}

export const HARM_CATEGORIES: readonly HarmCategory[] = ['hate', 'sexual', 'violence', 'self_harm'];

/** Flag when score >= threshold (inclusive); the same cut as severity 4. */
export const HARM_DEFAULT_THRESHOLD = 0.6;

/** Lowest category score for each severity: score >= cut gives that severity. */
export const HARM_SEVERITY_CUTS: ReadonlyArray<readonly [HarmSeverity, number]> = [
  [6, 0.85],
  [4, HARM_DEFAULT_THRESHOLD],
  [2, 0.3],
];

/** A category with no matching cue is pulled down: the model alone says "harmful", not which kind. */
const NO_CUE_PENALTY = 4;
/**
 * How a cue and the model combine: the model's log-odds, raised to this floor, plus the cues (capped).
 * Chosen on the leave-one-writer-out folds (writer-folds.ts --channel harm, writers harm-6..12):
 * floor -2.5 / cap 4.5 gave 17 false positives of 1,867, -3.5 / 3 gives 13 at the same recall
 * (TPR at FPR <= 1 % 0.905 -> 0.919). A lone cue in text the model reads as plainly benign then
 * stays under the flag (-3.5 + 3 < 0.4), and two cues naming one act no longer count as more than one.
 */
const MODEL_FLOOR_WITH_CUE = -3.5;
const CUE_CAP = 3;
/** Category that takes the model's score when no cue names one (dangerous capability requests). */
const DEFAULT_CATEGORY: HarmCategory = 'violence';

/** Log-odds of the lowest severity cut (severity 2). */
const LOWEST_CUT_LOGIT = Math.log(HARM_SEVERITY_CUTS[HARM_SEVERITY_CUTS.length - 1]![1] / (1 - HARM_SEVERITY_CUTS[HARM_SEVERITY_CUTS.length - 1]![1]));

export function severityFor(score: number): HarmSeverity {
  for (const [severity, cut] of HARM_SEVERITY_CUTS) if (score >= cut) return severity;
  return 0;
}

export interface HarmDetector {
  /** readsRequest (default true): also read the request without the sentences around it (request-views.ts). */
  categoryLogits(text: string, readsRequest?: boolean): { logits: Record<HarmCategory, number>; evidence: string[] };
  score(text: string, readsRequest?: boolean): HarmScore;
}

export function createHarmDetector(model: LinearModel): HarmDetector {
  function categoryLogits(input: string, readsRequest = true): { logits: Record<HarmCategory, number>; evidence: string[] } {
    const { folded, flat } = preparedView(typeof input === 'string' ? input : '');
    const readings = readsRequest ? requestReadings(model, withoutPhaticEdges(folded)) : { whole: model.logit(folded) };
    const { view } = readings;
    const modelLogit = view === undefined ? readings.whole : Math.max(readings.whole, view.logit);
    const cues = matchHarmCues(flat);
    const anyCue = cues.ids.length > 0;
    // With no cue the model alone decides; a context that explains its reading lowers a reading
    // that contains it, never the request read without it (harm-model-context.ts).
    const inContext = readsRequest && !anyCue && modelLogit >= LOWEST_CUT_LOGIT ? readingInContext(model, flat, readings.whole) : undefined;
    const viewInContext = inContext && view ? readingInContext(model, collapseWhitespace(view.text), view.logit, { margin: view.margin, message: flat }) : undefined;
    const logits = {} as Record<HarmCategory, number>;
    let highest = -Infinity;
    for (const category of HARM_CATEGORIES) {
      // Overlapping cues of one category describe one act: capped, so two phrasings of it do not outvote a mitigation.
      const cue = Math.min(cues.byCategory[category], CUE_CAP);
      // A matching cue is strong evidence: the n-gram model may lower it, not veto it.
      if (cue > 0) {
        logits[category] = Math.max(modelLogit, MODEL_FLOOR_WITH_CUE) + cue;
      } else {
        // The model's reading alone (in context, when it has one); inline, not a closure per call: under tsx (keepNames) each costs a defineProperty.
        const modelOnly = inContext ? Math.max(inContext.logits[category], viewInContext?.logits[category] ?? view?.logit ?? -Infinity) : modelLogit;
        logits[category] = !anyCue && category === DEFAULT_CATEGORY ? modelOnly : modelOnly - NO_CUE_PENALTY;
      }
      highest = Math.max(highest, logits[category]);
    }
    const evidence = [...cues.ids, ...(inContext?.ids ?? [])];
    // Mitigations only lower a score: below the lowest severity cut already, they change no
    // severity, so most ordinary text (a 2 KB answer on the output channel) skips their regexes.
    if (highest >= LOWEST_CUT_LOGIT) {
      const mitigations = matchHarmMitigations(flat);
      for (const category of HARM_CATEGORIES) logits[category] += mitigations.byCategory[category];
      evidence.push(...mitigations.ids);
    }
    if (modelLogit > 0) evidence.push('model.harm-ngrams');
    return { logits, evidence };
  }
  return {
    categoryLogits,
    score(text, readsRequest = true) {
      const { logits, evidence } = categoryLogits(text, readsRequest);
      const severity = {} as Record<HarmCategory, HarmSeverity>;
      let score = 0;
      for (const category of HARM_CATEGORIES) {
        const p = sigmoid(logits[category]);
        const safe = Number.isFinite(p) ? p : 0;
        severity[category] = severityFor(safe);
        if (safe > score) score = safe;
      }
      return { severity, score, evidence };
    },
  };
}
