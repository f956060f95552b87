// Chooses the injection thresholds per channel for a stated false-positive
// rate on a calibration set the models were never trained on, and prints the
// true-positive rate at those points:
//   npx tsx bench/detectors/calibrate.ts [--write user,document] [--user-fpr 0.01] [--document-fpr 0.02] [--families] [--sets a,b]
// Calibration set: one half (by a hash of the text) of the independent bench
// sets (proxy-heldout, workplace-benign, odd-benign, technical-content: hard
// negatives and attacks; calibration-documents: 315 ordinary clean documents of
// many forms, so the 2 % document point rests on more than a handful of
// documents; none of it trained on), plus the dev families the
// shipped models were trained WITHOUT (HOLD_OUT_FAMILIES at training time;
// default clinc-val: 600 ordinary assistant requests, i.e.
// everyday traffic). The script refuses a family the models list as trained
// on. The other half, the dev set and guard-extra are reported at the chosen
// points. --fold-scores f.json (bench/detectors/writer-folds.ts --out, user channel) adds the
// out-of-fold scores of the hand-written writers: each writer's rows scored by models trained
// without that writer, i.e. fresh text. The 1 % point is then printed both ways (calibration set
// alone, and pooled with the fold rows) and, with --pool-folds, the pooled one is the one chosen.
// In-sample scores of those writers would flatter the threshold: the shipped models read them.
// --write puts the chosen thresholds of the named channels into
// policy/guard-policy.json (a channel left out keeps the detector default).
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { localInjectionScore } from '../../src/guard/checks/injection.js';
import { INJECTION_DEFAULT_THRESHOLD } from '../../src/guard/detectors/injection/index.js';
import { prepareText } from '../../src/guard/engine/prepared-text.js';
import { fnv1a } from '../../src/guard/detectors/injection/hashed-features.js';
import { shippedPolicyFile } from '../../src/guard/index.js';

type Channel = 'user' | 'document';
interface Row { task: string; channel: Channel; label: number; family: string; text: string }
interface Scored { label: number; family: string; score: number; set: string }

const args = process.argv.slice(2);
const num = (name: string, fallback: number): number => {
  const i = args.indexOf(name);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const targets: Record<Channel, number> = { user: num('--user-fpr', 0.01), document: num('--document-fpr', 0.02) };
const here = (f: string) => fileURLToPath(new URL(f, import.meta.url));
const shared = (f: string) => resolve(process.cwd(), '../shared/datasets', f);
const devFile = process.env.GUARD_DEV_DATA ?? shared('guard-dev.jsonl');
const extraFile = process.env.GUARD_EXTRA_DATA ?? shared('guard-extra.jsonl');

function read(file: string): Row[] {
  if (!existsSync(file)) return [];
  return readFileSync(file, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l) as Row).filter((r) => r.task === 'attack');
}

const score = (r: Row): number => localInjectionScore(prepareText(r.text), r.channel).score;
const devCalibration = (args.includes('--dev-families') ? args[args.indexOf('--dev-families') + 1]! : 'clinc-val').split(',').filter(Boolean);
for (const model of ['user-model', 'segment-model']) {
  const file = here(`../../src/guard/detectors/injection/models/${model}.json`);
  const trainedOn = (JSON.parse(readFileSync(file, 'utf8')) as { trainedOn?: string }).trainedOn ?? '';
  const leaked = devCalibration.filter((f) => new RegExp(`\\b${f}\\b`).test(trainedOn));
  if (leaked.length) throw new Error(`${model} was trained on ${leaked.join(', ')}: retrain with HOLD_OUT_FAMILIES=${devCalibration.join(',')} or pick other calibration families`);
}
const independent = ['proxy-heldout', 'workplace-benign', 'odd-benign', 'technical-content', 'calibration-documents'];
// --sets narrows which independent sets' clean rows choose the threshold (attacks still come from
// every set's calibration half), e.g. ordinary documents alone against the mix rich in hard negatives.
const calibrationSets = args.includes('--sets') ? args[args.indexOf('--sets') + 1]!.split(',') : independent;
const calibration: Record<Channel, Scored[]> = { user: [], document: [] };
const reports = new Map<string, Record<Channel, Scored[]>>();
const add = (name: string, r: Row, s: number) => {
  if (!reports.has(name)) reports.set(name, { user: [], document: [] });
  reports.get(name)![r.channel].push({ label: r.label, family: r.family, score: s, set: name });
};
for (const name of independent) {
  for (const r of read(here(`./${name}.jsonl`))) {
    const s = score(r);
    if (fnv1a(r.text) % 2 === 0 && (r.label === 1 || calibrationSets.includes(name))) calibration[r.channel].push({ label: r.label, family: r.family, score: s, set: name });
    else add('independent, other half', r, s);
    add(name, r, s);
  }
}
for (const [name, file] of [['dev', devFile], ['guard-extra', extraFile]] as const) {
  for (const r of read(file)) {
    const s = score(r);
    add(name, r, s);
    if (name === 'dev' && devCalibration.includes(r.family)) calibration[r.channel].push({ label: r.label, family: r.family, score: s, set: name });
  }
}

// Out-of-fold rows of the hand-written writers (user channel only: writer-folds.ts scores one channel).
interface FoldFile { channel: string; rows: { label: 0 | 1; score: number; fold: string }[] }
const foldScoresAt = args.indexOf('--fold-scores');
const folds: Scored[] = [];
if (foldScoresAt >= 0) {
  const file = JSON.parse(readFileSync(args[foldScoresAt + 1]!, 'utf8')) as FoldFile;
  if (file.channel !== 'user') throw new Error(`--fold-scores reads user-channel folds, got ${file.channel}`);
  for (const r of file.rows) folds.push({ label: r.label, family: r.fold, score: r.score, set: 'writer folds' });
}
const poolFolds = args.includes('--pool-folds');

/** Lowest threshold (3 decimals) whose FPR on the negatives is at most the target. */
function choose(rows: Scored[], target: number): number {
  const neg = rows.filter((r) => r.label === 0).map((r) => r.score).sort((a, b) => b - a);
  const allowed = Math.floor(target * neg.length + 1e-9);
  // Flag at or above t: t must lie above the (allowed+1)-th highest negative score.
  const bar = neg[allowed] ?? 0;
  return Math.min(1, Math.max(0.05, Math.floor(bar * 1000) / 1000 + 0.001));
}
const rate = (rows: Scored[], t: number) => (rows.length ? rows.filter((r) => r.score >= t).length / rows.length : NaN);
const fmt = (x: number) => (Number.isNaN(x) ? '-' : x.toFixed(3));

const pooledUser = [...calibration.user, ...folds.filter((r) => r.label === 0)];
const chosen = { user: choose(poolFolds ? pooledUser : calibration.user, targets.user), document: choose(calibration.document, targets.document) };
const policy = JSON.parse(readFileSync(shippedPolicyFile, 'utf8')) as { injection: { thresholds: Partial<Record<Channel, number>> } };
console.log(`calibration set: user ${calibration.user.filter((r) => r.label === 0).length} benign / ${calibration.user.filter((r) => r.label === 1).length} attacks, documents ${calibration.document.filter((r) => r.label === 0).length} clean / ${calibration.document.filter((r) => r.label === 1).length} injected`);
console.log(`\n| channel | target FPR | threshold | calibration FPR | calibration TPR | shipped threshold | its calibration FPR | its TPR |`);
console.log('|---|---:|---:|---:|---:|---:|---:|---:|');
for (const c of ['user', 'document'] as const) {
  const rows = calibration[c];
  const shipped = policy.injection.thresholds[c] ?? INJECTION_DEFAULT_THRESHOLD[c];
  const at = (t: number) => `${fmt(rate(rows.filter((r) => r.label === 0), t))} | ${fmt(rate(rows.filter((r) => r.label === 1), t))}`;
  console.log(`| ${c} | ${targets[c]} | ${chosen[c]} | ${at(chosen[c])} | ${shipped}${policy.injection.thresholds[c] === undefined ? ' (default)' : ''} | ${at(shipped)} |`);
}
if (folds.length > 0) {
  // The user 1 % point both ways, and what each costs on the fold rows and on the calibration set.
  const points = { 'calibration set only': choose(calibration.user, targets.user), 'pooled with writer folds': choose(pooledUser, targets.user) };
  const foldNeg = folds.filter((r) => r.label === 0);
  const foldPos = folds.filter((r) => r.label === 1);
  const calNeg = calibration.user.filter((r) => r.label === 0);
  const calPos = calibration.user.filter((r) => r.label === 1);
  console.log(`\nuser ${targets.user} point, ${foldNeg.length} out-of-fold legitimate / ${foldPos.length} attack rows of the writers${poolFolds ? ' (pooled point chosen)' : ''}`);
  console.log('| chosen on | threshold | calibration FPR | calibration TPR | folds FPR | folds TPR |');
  console.log('|---|---:|---:|---:|---:|---:|');
  for (const [name, t] of Object.entries(points)) console.log(`| ${name} | ${t} | ${fmt(rate(calNeg, t))} | ${fmt(rate(calPos, t))} | ${fmt(rate(foldNeg, t))} | ${fmt(rate(foldPos, t))} |`);
}
console.log(`\n| set | channel | pos | neg | TPR | FPR |`);
console.log('|---|---|---:|---:|---:|---:|');
for (const [name, byChannel] of reports) {
  for (const c of ['user', 'document'] as const) {
    const rows = byChannel[c];
    if (rows.length === 0) continue;
    const pos = rows.filter((r) => r.label === 1);
    const neg = rows.filter((r) => r.label === 0);
    console.log(`| ${name} | ${c} | ${pos.length} | ${neg.length} | ${fmt(rate(pos, chosen[c]))} | ${fmt(rate(neg, chosen[c]))} |`);
  }
}
if (args.includes('--families')) {
  console.log(`\n| set | family | n | label | flagged |`);
  console.log('|---|---|---:|---:|---:|');
  for (const [name, byChannel] of reports) {
    if (name.startsWith('independent')) continue;
    const fams = new Map<string, Scored[]>();
    for (const r of [...byChannel.user, ...byChannel.document]) fams.set(r.family, [...(fams.get(r.family) ?? []), r]);
    for (const [f, rows] of [...fams].sort()) {
      const t = (r: Scored) => chosen[byChannel.user.includes(r) ? 'user' : 'document'];
      console.log(`| ${name} | ${f} | ${rows.length} | ${rows[0]!.label} | ${fmt(rows.filter((r) => r.score >= t(r)).length / rows.length)} |`);
    }
  }
}
const writeAt = args.indexOf('--write');
if (writeAt >= 0) {
  const channels = (args[writeAt + 1] ?? 'user,document').split(',').filter((c): c is Channel => c === 'user' || c === 'document');
  const next = { ...policy.injection.thresholds };
  for (const c of channels) next[c] = chosen[c];
  // Only the thresholds entry changes; the rest of the file keeps its layout.
  const text = readFileSync(shippedPolicyFile, 'utf8');
  const entry = `"thresholds": ${JSON.stringify(next).replace(/,/g, ', ').replace(/\{/, '{ ').replace(/\}$/, ' }').replace(/:/g, ': ')}`;
  const updated = text.replace(/"thresholds": \{[^}]{0,200}\}/, entry);
  if (updated === text && !text.includes(entry)) throw new Error('no injection "thresholds" entry found in the policy file');
  writeFileSync(shippedPolicyFile, updated);
  console.log(`\nwrote injection.thresholds ${JSON.stringify(next)} to ${shippedPolicyFile}`);
}
