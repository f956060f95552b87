// Prototype step 1 of the meaning second stage (issue 15, round 4): writes the
// segment model's training segments with their text, label and fast-model
// logit, so a sentence encoder can embed them outside the project:
//   GUARD_DEV_DATA=... npx tsx bench/detectors/meaning/export-segments.ts OUT.jsonl
// Same corpus as scripts/train/train-guards.ts (hold-out families left out).
// Written: every distinct positive, every negative the fast model finds hard
// (logit > -2) or that comes from a hand-written document, and 2,500 other
// negatives drawn with a fixed seed (embedding all 17k costs minutes).
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { segmentExamples } from '../../../scripts/train/datasets.js';
import { readDevRows } from '../../../scripts/train/dev-data.js';
import { createRng } from '../../../scripts/train/rng.js';
import { shuffle } from './shuffle.js';
import { CALIBRATION_FAMILIES, CHECK_FAMILIES, SEED } from '../../../scripts/train/train-guards.js';
import { featureNorm, type LinearModelFile } from '../../../src/guard/detectors/injection/linear-model.js';

const out = process.argv[2] ?? '/tmp/meaning-proto/segments.jsonl';
const holdOut = [...CALIBRATION_FAMILIES, ...CHECK_FAMILIES];
const dev = readDevRows().filter((r) => !holdOut.includes(r.family));
const examples = segmentExamples(createRng(SEED + 2), dev, 'all');

const file = JSON.parse(readFileSync(fileURLToPath(new URL('../../../src/guard/detectors/injection/models/segment-model.json', import.meta.url)), 'utf8')) as LinearModelFile;
const dense = new Float32Array(1 << file.options.bits);
file.indexes.forEach((index, i) => (dense[index] = file.weights[i]! / file.scale));
const logitOf = (features: readonly number[]): number => file.bias + features.reduce((s, f) => s + dense[f]!, 0) * featureNorm(features.length);

// One row per distinct (text, label): the corpus repeats hand-written documents.
const EASY_NEGATIVES = 2500;
const HARD_LOGIT = -2;
interface Segment { text: string; label: 0 | 1; logit: number; written: boolean }
const seen = new Set<string>();
const distinct: Segment[] = [];
for (const e of examples) {
  if (!e.text) continue;
  const key = `${e.label}\t${e.text}`;
  if (seen.has(key)) continue;
  seen.add(key);
  distinct.push({ text: e.text, label: e.label, logit: Number(logitOf(e.features).toFixed(3)), written: (e.group ?? 0) < 0 });
}
const kept = distinct.filter((s) => s.label === 1 || s.logit > HARD_LOGIT || s.written);
const keptSet = new Set(kept);
const easy = distinct.filter((s) => !keptSet.has(s));
const rng = createRng(SEED + 99);
const sample = shuffle(rng, easy).slice(0, EASY_NEGATIVES);
const rows = shuffle(rng, [...kept, ...sample]);
writeFileSync(out, rows.map((r) => JSON.stringify(r)).join('\n') + '\n');
console.log(`${distinct.length} distinct segments (${examples.length} examples); wrote ${rows.length} (${rows.filter((r) => r.label === 1).length} positive) -> ${out}`);
