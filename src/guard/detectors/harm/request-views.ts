// The request without the lines around it. Benign sentences before or after a harmful
// request ("I volunteer on our helpline and a caller asked me this", "thanks in advance,
// hectic week") cost an attacker nothing, yet they moved the n-gram model enough to halve
// recall (bench/detectors/adaptive-frame.ts): the frame's words were learned from
// legitimate rows and the 1/sqrt(n) norm dilutes the request's own words. Dropping only the
// first or the last sentence left a second framing line just as free, so the model also
// reads the best run of consecutive sentences, however many surround it, and that reading
// counts less a margin: a clause read alone loses the context that makes most
// sensitive-but-legitimate text benign (without the margin fold false positives tripled).
import { wordsOf } from '../injection/text-prep.js';
import { featureNorm, type LinearModel } from '../injection/linear-model.js';

/**
 * Log-odds a reading without the first or the last sentence gives up against the whole text.
 * In the harm model's units: 1.5 until round 10, when a stronger L2 (HARM_L2) narrowed its
 * log-odds; the same frames then cost more recall (bench/detectors/adaptive-frame.ts), and 1.0
 * brought each below its earlier cost with no more false positives on the writer folds than 1.25.
 */
const ONE_LINE_MARGIN = 1;
/**
 * The same for a reading without two or more sentences, or without sentences on both sides; fixed,
 * so however many sentences surround the request, the attacker's discount stays bounded. It was
 * 1.5 until round 11 (at 1.0 the round-10 folds gained two false positives: a clause cut out of the
 * middle of "Journalist: I'm fact-checking ... What data sources ...?" reads as the claim itself).
 * The 19-bit harm model of round 11 reads harmful requests closer to the flag, and at 1.5 the
 * multi-line frames of adaptive-frame.ts cost 0.18-0.21 of recall (main 0.14-0.18). Writer folds
 * harm-6..13 (false positives of 2,197, TPR at FPR <= 1 %) and the worst multi-line frame: 1.5 14,
 * 0.931, 0.205; 1.25 14, 0.931, 0.165 (two frames above main); 1.1 14, 0.927, 0.143; 1.0 15, 0.927, 0.128.
 * It stays above the one-line margin, so a run that drops fewer sentences wins a tie.
 */
const MORE_LINES_MARGIN = 1.1;
/** A frame around a short request is the case here; longer texts (answers, documents) skip the extra readings, which would double the model's cost on them. */
const MAX_VIEW_CHARS = 1000;
/** A reading shorter than this is a fragment ("Thanks!"), not a request. */
const MIN_VIEW_WORDS = 4;
/** A request is a few sentences; longer runs are not searched, which keeps the search linear in the sentences. */
const MAX_SPAN_SENTENCES = 12;
/** Each sentence costs a model pass of its own: above this many ("a. b. c. ..."), neighbours are read in pairs. */
const MAX_SENTENCES = 24;

const isSentenceEnd = (ch: string): boolean => ch === '.' || ch === '?' || ch === '!' || ch === ':' || ch === ';';

/** Where each sentence starts and ends: a break after a line break, or after . ? ! : ; and a space. */
export function sentenceRanges(text: string): Array<{ start: number; end: number }> {
  const ranges: Array<{ start: number; end: number }> = [];
  let start = 0;
  for (let i = 0; i < text.length - 1; i++) {
    const ch = text[i]!;
    const next = text[i + 1]!;
    const breaks = ch === '\n' ? next !== '\n' : isSentenceEnd(ch) && (next === ' ' || next === '\n');
    if (breaks) {
      ranges.push({ start, end: i + 1 });
      start = i + 1;
    }
  }
  ranges.push({ start, end: text.length });
  return ranges;
}

/** Neighbouring ranges joined two by two. */
function pairedRanges(ranges: ReadonlyArray<{ start: number; end: number }>): Array<{ start: number; end: number }> {
  const paired: Array<{ start: number; end: number }> = [];
  for (let i = 0; i < ranges.length; i += 2) paired.push({ start: ranges[i]!.start, end: ranges[Math.min(i + 1, ranges.length - 1)]!.end });
  return paired;
}

/** A sentence as the model sees it: its summed feature weights, its feature count, its word count. */
export interface SentenceWeights {
  sum: number;
  count: number;
  words: number;
}

/**
 * The run of consecutive sentences (not all of them, at least MIN_VIEW_WORDS words) whose
 * log-odds less its margin is highest, estimated from per-sentence sums: the features of a run
 * are nearly those of its sentences (word pairs across a joint are missing, a feature repeated
 * in two sentences counts twice), so the search costs one model pass, not one per run.
 */
export function bestSentenceRun(sentences: readonly SentenceWeights[], bias: number): { first: number; last: number } | undefined {
  let best: { first: number; last: number } | undefined;
  let bestLogit = -Infinity;
  for (let first = 0; first < sentences.length; first++) {
    let sum = 0;
    let count = 0;
    let words = 0;
    const lastAllowed = Math.min(sentences.length - 1, first + MAX_SPAN_SENTENCES - 1);
    for (let last = first; last <= lastAllowed; last++) {
      const s = sentences[last]!;
      sum += s.sum;
      count += s.count;
      words += s.words;
      if (words < MIN_VIEW_WORDS || (first === 0 && last === sentences.length - 1)) continue;
      const logit = bias + sum * featureNorm(count) - runMargin(first, last, sentences.length);
      if (logit > bestLogit) [best, bestLogit] = [{ first, last }, logit];
    }
  }
  return best;
}

/** The margin of a run of `first..last` out of `count` sentences. */
function runMargin(first: number, last: number, count: number): number {
  return first + (count - 1 - last) <= 1 ? ONE_LINE_MARGIN : MORE_LINES_MARGIN;
}

/** The best run of sentences of a folded text, as text, and its margin; none for one sentence or a long text. */
function requestView(model: LinearModel, folded: string): { text: string; margin: number } | undefined {
  if (folded.length > MAX_VIEW_CHARS) return undefined;
  let ranges = sentenceRanges(folded);
  while (ranges.length > MAX_SENTENCES) ranges = pairedRanges(ranges);
  if (ranges.length < 2) return undefined;
  const sentences = ranges.map(({ start, end }) => {
    const words = wordsOf(folded.slice(start, end));
    return { ...model.weightsOfWords(words), words: words.length };
  });
  const run = bestSentenceRun(sentences, model.bias);
  if (!run) return undefined;
  return { text: folded.slice(ranges[run.first]!.start, ranges[run.last]!.end).trim(), margin: runMargin(run.first, run.last, sentences.length) };
}

/**
 * The model's log-odds of the whole text, and of its best run of sentences (as text, and its log-odds
 * less the margin, scored exactly: the search only estimates it; none for one sentence or a long text).
 */
export function requestReadings(model: LinearModel, folded: string): { whole: number; view?: { logit: number; text: string; margin: number } } {
  const whole = model.logit(folded);
  const view = requestView(model, folded);
  return view === undefined ? { whole } : { whole, view: { ...view, logit: model.logit(view.text) - view.margin } };
}
