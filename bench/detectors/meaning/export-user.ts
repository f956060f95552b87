// Prototype step for the user channel: writes (1) the user model's training
// messages with label and fast logit, (2) every user-channel attack row of the
// given evaluation sets with the fast detector's score. Training: 8,000
// distinct messages drawn with a fixed seed; a dev-set file given as an
// evaluation set contributes its calibration family only (never trained on):
//   GUARD_DEV_DATA=... npx tsx bench/detectors/meaning/export-user.ts TRAIN.jsonl EVAL.jsonl proxy-user-3 ...
import { writeFileSync } from 'node:fs';
import { readSetRows } from '../proxy-sets.js';
import { userExamples } from '../../../scripts/train/datasets.js';
import { readDevRows } from '../../../scripts/train/dev-data.js';
import { createRng } from '../../../scripts/train/rng.js';
import { shuffle } from './shuffle.js';
import { CALIBRATION_FAMILIES, CHECK_FAMILIES, SEED } from '../../../scripts/train/train-guards.js';
import { localInjectionScore } from '../../../src/guard/checks/injection.js';
import { prepareText } from '../../../src/guard/engine/prepared-text.js';

const [trainOut, evalOut, ...sets] = process.argv.slice(2);
const holdOut = [...CALIBRATION_FAMILIES, ...CHECK_FAMILIES];
const dev = readDevRows().filter((r) => !holdOut.includes(r.family));
const seen = new Set<string>();
const TRAIN_MESSAGES = 8000;
const distinct: string[] = [];
for (const e of userExamples(createRng(SEED + 1), dev, 'all')) {
  if (!e.text || seen.has(`${e.label}\t${e.text}`)) continue;
  seen.add(`${e.label}\t${e.text}`);
  distinct.push(JSON.stringify({ text: e.text, label: e.label }));
}
const train = shuffle(createRng(SEED + 98), distinct).slice(0, TRAIN_MESSAGES);
writeFileSync(trainOut!, train.join('\n') + '\n');
const rows: string[] = [];
for (const set of sets) {
  for (const row of readSetRows(set)) {
    if (row.task !== 'attack' || row.channel !== 'user') continue;
    if (set.includes('/') && !CALIBRATION_FAMILIES.includes(row.family)) continue;
    const score = localInjectionScore(prepareText(row.text), 'user');
    rows.push(JSON.stringify({ set: set.replace(/.*\//, ''), label: row.label, family: row.family, score: Number(score.score.toFixed(4)), text: row.text }));
  }
}
writeFileSync(evalOut!, rows.join('\n') + '\n');
console.log(`${train.length} of ${distinct.length} training messages -> ${trainOut}; ${rows.length} evaluation messages -> ${evalOut}`);
