// Builds the three training sets from the synthetic corpus plus (optionally)
// the dev set minus held-out families.
import { featureBucketsOfWords, hashedFeatures, type FeatureOptions } from '../../src/guard/detectors/injection/hashed-features.js';
import { documentSegments, mayBeRequest } from '../../src/guard/detectors/injection/document-segments.js';
import { prepareText } from '../../src/guard/detectors/injection/text-prep.js';
import { maskMentions } from '../../src/guard/detectors/injection/reported-speech.js';
import { unmaskLookalikes } from '../../src/guard/detectors/injection/lookalike-disguise.js';
import { cleanDocument, insertInstruction, syntheticInstruction } from './corpus/documents.js';
import { businessDocument, toolDirectedInstruction, toolFramed } from './corpus/business-documents.js';
import { workplaceClosing } from './corpus/workplace-closings.js';
import { anyHarmfulRequest, safeLookalike } from './corpus/harmful-tasks.js';
import { everydayAsk } from './corpus/everyday-asks.js';
import { euphemisticHarmRequest, framedBenignRequest, persuasionJailbreakVaried, variedHarmPair } from './corpus/persuasion-jailbreaks.js';
import { userAttack, userBenign } from './corpus/user-messages.js';
import type { DevRow } from './dev-data.js';
import { handwrittenFor, type HandwrittenRow, type HandwrittenUse } from './handwritten.js';
import type { Example } from './logistic.js';
import type { Rng } from './rng.js';

export const USER_FEATURES: FeatureOptions = { bits: 18, wordBigrams: true, charGram: Number(process.env.USER_CHARGRAM ?? 0), clusters: process.env.CLUSTERS !== '0', glosses: true };
// Segment tokens already carry their own bigram; no word bigrams on top.
export const SEGMENT_FEATURES: FeatureOptions = { bits: 16, wordBigrams: false, charGram: 0 };

function featuresOfTokens(tokens: readonly string[], options: FeatureOptions, extra: readonly string[]): number[] {
  const { buckets, count } = featureBucketsOfWords(tokens, options, extra);
  return Array.from(buckets.subarray(0, count));
}
/**
 * 19 bits since round 11: at 17 the model held 113k non-zero weights in 131k buckets, so unrelated
 * n-grams shared weights. Writer folds harm-6..13 (threshold 0.6, TPR / FPR (n of 2,197), TPR at FPR
 * <= 1 % / 2 %): 17 bits 0.899 / 0.007 (15), 0.918 / 0.950; 18 0.909 / 0.009 (19), 0.920 / 0.956;
 * 19 0.920 / 0.008 (18), 0.929 / 0.958; 20 0.927 / 0.008 (18), 0.930 / 0.955 (L2 3e-4 each).
 * Char 4-grams on 17 bits: 0.919 / 0.010 (23), 0.915 / 0.947.
 */
export const HARM_FEATURES: FeatureOptions = { bits: 19, wordBigrams: true, charGram: 0, clusters: process.env.CLUSTERS !== '0' };
/** Features of the harm intent model (bench/detectors/harm-variants.ts INTENT=1; not shipped). */
export const HARM_INTENT_FEATURES: FeatureOptions = { bits: Number(process.env.INTENT_BITS ?? 17), wordBigrams: true, charGram: 0, clusters: process.env.CLUSTERS !== '0' };
/**
 * Words that say how something is asked, not what: pronouns, auxiliaries, question and
 * request words, prepositions. With HARM_FREEZE set their own unigram weights (and, for
 * 'clusters', their word-cluster weights) stay 0 in the harm model, so asking is not
 * evidence of harm; they still count inside bigrams ("to kill", "poison my").
 */
const FUNCTION_WORDS = (
  "i me my mine myself we us our you your yours he him his she her hers it its they them their " +
  "i'm i'd i'll i've you're we're it's that's what's how's there's don't doesn't can't won't isn't " +
  "a an the this that these those some any each every all no not " +
  "is are was were be been being am do does did have has had will would can could should shall may might must " +
  "what which who whom whose when where why how whether if then than so because as " +
  "of to in on at by for with from about into onto over under after before between through during without " +
  "and or but also just really very too " +
  "please tell explain help give show write list describe make let know want need like get outline provide " +
  "there here one someone something anything"
).split(' ');

/** Harm-model buckets kept at weight 0 (HARM_FREEZE=unigrams or clusters; default none). */
export function harmFrozenBuckets(): ReadonlySet<number> {
  const frozen = new Set<number>();
  const mode = process.env.HARM_FREEZE ?? 'none';
  if (mode === 'none') return frozen;
  for (const word of FUNCTION_WORDS) {
    const { buckets, count } = featureBucketsOfWords([word], { ...HARM_FEATURES, clusters: mode === 'clusters' && HARM_FEATURES.clusters });
    // [unigram, fine cluster, coarse cluster]
    for (let i = 0; i < count; i++) frozen.add(buckets[i]!);
  }
  return frozen;
}

/**
 * Each hand-written harm row counts this many times: it is scarce and varied, the template corpus is plentiful.
 * 8 since five writers (harm-6..10): pooled leave-one-writer-out TPR / FPR (TPR at FPR <= 1 %) 0.887 / 0.006 (0.908)
 * at 3, 0.898 / 0.006 (0.926) at 8, 0.905 / 0.006 (0.927) at 16; above 8 the in-sample dev rows (xstest-unsafe
 * 0.905 -> 0.890 at 8 -> 0.855 at 16) and held-out Do-Not-Answer (0.549 -> 0.539 at 16) lose more than the folds gain.
 */
const HANDWRITTEN_WEIGHT = Number(process.env.HANDWRITTEN_WEIGHT ?? 8);
// 8 since the technical-content rows (documents-4): at 3 the look-alikes barely moved the segment model.
const DOCUMENT_WEIGHT = Number(process.env.DOCUMENT_WEIGHT ?? 8);
const SYNTHETIC_SHARE = Number(process.env.SYNTHETIC_SHARE ?? 1);
/** The user model's own weights, chosen on leave-one-writer-out folds (bench/detectors/writer-folds.ts): 16 copies of each hand-written chat row took pooled TPR at 1 % FPR from 0.59 (3) to 0.70. */
const USER_HANDWRITTEN_WEIGHT = Number(process.env.USER_HANDWRITTEN_WEIGHT ?? 16);
const USER_SYNTHETIC_SHARE = Number(process.env.USER_SYNTHETIC_SHARE ?? SYNTHETIC_SHARE);
/** Share of segment-model hosts drawn from the hand-written clean documents (0.3 raised the 2 % point to 0.933). */
const WRITTEN_HOST_SHARE = Number(process.env.WRITTEN_HOST_SHARE ?? 0.15);
/** Share of the other hosts drawn from the dev set's clean documents. */
const DEV_HOST_SHARE = Number(process.env.DEV_HOST_SHARE ?? 0.2);
/** Clean host documents of the segment model (14000 raised proxy FPR: the template hosts are easy negatives that only thin the balanced class weight). */
const CLEAN_HOSTS = Number(process.env.CLEAN_HOSTS ?? 7000);
/** Share of hosts, clean and injected alike, that end with their own staff-directed closing lines. */
const CLOSING_SHARE = 0.4;

function repeat<T>(items: readonly T[], times: number): T[] {
  return Array.from({ length: times }, () => items).flat();
}

/** Every hand-written chat message, attacks and benign alike. */
function writtenChat(use: HandwrittenUse): readonly HandwrittenRow[] {
  return [...handwrittenFor('user-attacks', use), ...handwrittenFor('user-benign', use), ...handwrittenFor('user-mixed', use)];
}

const example = (text: string, label: 0 | 1, options: FeatureOptions, extra: readonly string[] = []): Example => ({
  features: hashedFeatures(prepareText(text), options, extra),
  label,
});

// The detector reads user messages with lookalike letters folded (lookalike-disguise.ts): so does training.
const userExample = (text: string, label: 0 | 1): Example => ({ ...example(unmaskLookalikes(text).text, label, USER_FEATURES), text });

function uniqueTexts(rows: readonly DevRow[]): DevRow[] {
  const seen = new Set<string>();
  return rows.filter((r) => (seen.has(r.text) ? false : (seen.add(r.text), true)));
}

const USER_VARIED = Number(process.env.USER_VARIED ?? 800);
const HARM_VARIED = Number(process.env.HARM_VARIED ?? 600);
/** Safe tasks asked with the harmful corpus's openers (corpus/everyday-asks.ts). */
const HARM_EVERYDAY_ASKS = Number(process.env.HARM_EVERYDAY_ASKS ?? 0);
const INTENT_EVERYDAY_ASKS = Number(process.env.INTENT_EVERYDAY_ASKS ?? 2500);

export function userExamples(rng: Rng, dev: readonly DevRow[], handwritten: HandwrittenUse = 'all'): Example[] {
  const out: Example[] = [];
  for (let i = 0; i < 5000 * USER_SYNTHETIC_SHARE; i++) out.push(userExample(userAttack(rng).text, 1));
  for (let i = 0; i < 7000 * USER_SYNTHETIC_SHARE; i++) out.push(userExample(userBenign(rng), 0));
  for (const row of repeat(writtenChat(handwritten), USER_HANDWRITTEN_WEIGHT)) out.push(userExample(row.text, row.label));
  for (const row of repeat(handwrittenFor('user-only', handwritten), USER_HANDWRITTEN_WEIGHT)) out.push(userExample(row.text, row.label));
  for (let i = 0; i < USER_VARIED; i++) {
    out.push(userExample(persuasionJailbreakVaried(rng), 1));
    out.push(userExample(framedBenignRequest(rng), 0));
  }
  for (const row of uniqueTexts(dev.filter((r) => r.task === 'attack' && r.channel === 'user'))) out.push(userExample(row.text, row.label));
  return out;
}

/** Segment examples: every segment of clean documents is negative; segments that lie inside an inserted instruction are positive. */
/** The segment model's written documents: the shared set and its own (`documents-only`). */
const segmentDocuments = (use: HandwrittenUse): HandwrittenRow[] => [...handwrittenFor('documents', use), ...handwrittenFor('documents-only', use)];

export function segmentExamples(rng: Rng, dev: readonly DevRow[], handwritten: HandwrittenUse = 'all'): Example[] {
  const out: Example[] = [];
  const devHosts = dev.filter((r) => r.task === 'attack' && r.channel === 'document' && r.label === 0).map((r) => r.text.split('\n'));
  // Requests typed by people (dev rows and hand-written chat) make realistic inserted instructions.
  const writtenRequests = writtenChat(handwritten)
    .map((r) => r.text)
    .filter((t) => t.length <= 400);
  const devRequests = [...uniqueTexts(dev.filter((r) => r.task === 'attack' && r.channel === 'user')).map((r) => r.text), ...writtenRequests];
  // Short hand-written memos and technical snippets as hosts too: planted in them, an instruction
  // must be told from the memo's own imperatives by how it speaks, not by being a document's last line.
  const writtenHosts = segmentDocuments(handwritten).filter((r) => r.label === 0).map((r) => r.text.split('\n'));
  const host = (): string[] => {
    const r = rng.next();
    if (writtenHosts.length > 0 && rng.chance(WRITTEN_HOST_SHARE)) return rng.pick(writtenHosts);
    const lines = devHosts.length > 0 && r < DEV_HOST_SHARE ? rng.pick(devHosts) : r < 0.5 ? businessDocument(rng) : cleanDocument(rng);
    // Tool output frames (read_file header, list items, page listings) on clean and injected hosts alike.
    return rng.chance(0.35) ? toolFramed(rng, lines) : lines;
  };
  let cleanDocuments = 0;
  const addSegments = (doc: string, instruction: string | null): void => {
    const group = instruction === null ? ++cleanDocuments : undefined;
    const foldedInstruction = instruction === null ? '' : prepareText(instruction).replace(/\s+/g, ' ').trim();
    // Only single-segment instructions of 3+ words are labelled positive: the
    // pieces of a multi-sentence prompt ("Thanks.", "Hi!") are not requests.
    const labelPositive = instruction !== null && documentSegments(foldedInstruction).length === 1 && foldedInstruction.split(' ').length >= 3;
    for (const segment of documentSegments(maskMentions(prepareText(doc)))) {
      if (!mayBeRequest(segment)) continue;
      const seg = segment.text.replace(/\s+/g, ' ').trim();
      const features = featuresOfTokens(segment.tokens, SEGMENT_FEATURES, segment.markers);
      if (instruction === null) out.push({ features, label: 0, group, text: seg });
      else if (foldedInstruction.includes(seg) || seg.includes(foldedInstruction.slice(0, 12))) {
        if (labelPositive && seg.length >= 6) out.push({ features, label: 1, text: seg });
      } else if (!foldedInstruction.includes(seg.slice(0, 12))) out.push({ features, label: 0, text: seg });
    }
  };
  // Real memos end with chores, contacts and sign-offs: clean and injected hosts get them alike,
  // so an imperative in last position is no sign of an injection by itself.
  const closing = (): string => {
    if (!rng.chance(CLOSING_SHARE)) return '';
    const lines = [workplaceClosing(rng)];
    if (rng.chance(0.4)) lines.push(workplaceClosing(rng));
    return '\n' + lines.join('\n');
  };
  for (let i = 0; i < CLEAN_HOSTS; i++) addSegments(host().join('\n') + closing(), null);
  for (let i = 0; i < 6000; i++) {
    const r = rng.next();
    const instruction =
      r < 0.38 ? syntheticInstruction(rng).text : r < 0.55 ? toolDirectedInstruction(rng) : r < 0.75 && devRequests.length > 0 ? rng.pick(devRequests) : r < 0.88 ? userBenign(rng) : userAttack(rng).text;
    addSegments(insertInstruction(rng, host(), instruction) + closing(), instruction);
  }
  // Written clean documents get their own groups (one per row, not per repeat).
  const written = segmentDocuments(handwritten);
  // Every other copy ends with a staff closing line, clean and injected alike: many written
  // injections are a document's last line, and a line an attacker appends must not hide them.
  const withClosing = (row: HandwrittenRow): HandwrittenRow => ({ ...row, text: `${row.text}\n${workplaceClosing(rng)}` });
  for (let r = 0; r < DOCUMENT_WEIGHT; r++) written.forEach((row, i) => addWrittenDocument(out, r % 2 === 1 ? withClosing(row) : row, row.label === 0 ? -1 - i : undefined));
  return out;
}

/**
 * A hand-written document: every request-like segment of a clean one is
 * negative; inside an injected one, segments of the injection with 4+ words
 * are positive (its greetings and sign-offs are skipped), the rest negative.
 */
function addWrittenDocument(out: Example[], row: HandwrittenRow, group?: number): void {
  const injection = row.label === 1 && row.injection ? prepareText(row.injection).replace(/\s+/g, ' ').trim() : '';
  for (const segment of documentSegments(maskMentions(prepareText(row.text)))) {
    if (!mayBeRequest(segment)) continue;
    const seg = segment.text.replace(/\s+/g, ' ').trim();
    const features = featuresOfTokens(segment.tokens, SEGMENT_FEATURES, segment.markers);
    const insideInjection = injection.length > 0 && (injection.includes(seg) || seg.includes(injection));
    if (insideInjection) {
      if (seg.split(' ').length >= 4) out.push({ features, label: 1, text: seg });
    } else if (injection.length === 0 || !injection.includes(seg.slice(0, 12))) out.push({ features, label: 0, group, text: seg });
  }
}

export function harmExamples(rng: Rng, dev: readonly DevRow[], handwritten: HandwrittenUse = 'all'): Example[] {
  const out: Example[] = [];
  for (const row of repeat(handwrittenFor('harm', handwritten), HANDWRITTEN_WEIGHT)) out.push(example(row.text, row.label, HARM_FEATURES));
  // Framed jailbreaks still ask for something harmful; benign chat is safe for harm too.
  for (const row of handwrittenFor('user-attacks', handwritten).filter((r) => r.kind === 'roleplay-fiction-wrapper')) out.push(example(row.text, 1, HARM_FEATURES));
  for (const row of [...handwrittenFor('user-benign', handwritten), ...handwrittenFor('user-mixed', handwritten).filter((r) => r.label === 0)]) out.push(example(row.text, 0, HARM_FEATURES));
  for (let i = 0; i < 4000 * SYNTHETIC_SHARE; i++) out.push(example(anyHarmfulRequest(rng).text, 1, HARM_FEATURES));
  for (let i = 0; i < 800 * SYNTHETIC_SHARE; i++) out.push(example(euphemisticHarmRequest(rng), 1, HARM_FEATURES));
  for (let i = 0; i < 2500 * SYNTHETIC_SHARE; i++) out.push(example(safeLookalike(rng), 0, HARM_FEATURES));
  for (let i = 0; i < HARM_EVERYDAY_ASKS; i++) out.push(example(everydayAsk(rng), 0, HARM_FEATURES));
  for (let i = 0; i < HARM_VARIED; i++) {
    const pair = variedHarmPair(rng);
    out.push(example(pair.harmful, 1, HARM_FEATURES), example(pair.safe, 0, HARM_FEATURES));
  }
  for (let i = 0; i < 2500 * SYNTHETIC_SHARE; i++) out.push(example(userBenign(rng), 0, HARM_FEATURES));
  for (const row of uniqueTexts(dev.filter((r) => r.task === 'harm'))) out.push(example(row.text, row.label, HARM_FEATURES));
  // Clean documents as harm negatives; `documents-only` stays out (see handwritten.ts).
  for (const row of handwrittenFor('documents', handwritten).filter((r) => r.label === 0)) out.push(example(row.text, 0, HARM_FEATURES));
  // Benign chat rows of the attack task are safe for harm too.
  for (const row of uniqueTexts(dev.filter((r) => r.task === 'attack' && r.channel === 'user' && r.label === 0))) out.push(example(row.text, 0, HARM_FEATURES));
  return out;
}

/**
 * The harm intent model (bench/detectors/harm-variants.ts INTENT=1, not shipped): harmful requests against safe requests that
 * share their topics and phrasing (look-alikes, topic twins and openers of corpus/everyday-asks.ts,
 * the hand-written hard negatives), without the everyday chat and documents the harm model also reads.
 */
export function harmIntentExamples(rng: Rng, dev: readonly DevRow[], handwritten: HandwrittenUse = 'all'): Example[] {
  const out: Example[] = [];
  for (const row of repeat(handwrittenFor('harm', handwritten), HANDWRITTEN_WEIGHT)) out.push(example(row.text, row.label, HARM_INTENT_FEATURES));
  for (let i = 0; i < 3000 * SYNTHETIC_SHARE; i++) out.push(example(anyHarmfulRequest(rng).text, 1, HARM_INTENT_FEATURES));
  for (let i = 0; i < 2500 * SYNTHETIC_SHARE; i++) out.push(example(safeLookalike(rng), 0, HARM_INTENT_FEATURES));
  for (let i = 0; i < INTENT_EVERYDAY_ASKS; i++) out.push(example(everydayAsk(rng), 0, HARM_INTENT_FEATURES));
  for (const row of uniqueTexts(dev.filter((r) => r.task === 'harm'))) out.push(example(row.text, row.label, HARM_INTENT_FEATURES));
  return out;
}
