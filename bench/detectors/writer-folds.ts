// Leave one writer out: for each hand-written corpus file (one independent
// writer's batch), train the guards without it, score its rows through the
// shipped detector path (views, windows, policy threshold) and report per-fold
// and pooled TPR / FPR / TPR at FPR <= 1 %, plus which signals raise the false
// positives and which attacks slip through. Writers do not share phrasing, so
// this is the honest estimate of how a channel does on people it never read.
//   GUARD_DEV_DATA=/work/shared/datasets/guard-dev.jsonl npx tsx bench/detectors/writer-folds.ts
//     [--files user-mixed-8,user-mixed-9,user-mixed-10] [--channel user|document|harm] [--show 20] [--out file.json]
//     [--cache dir]   reuse the fold models trained on an earlier run (only for detector-side changes:
//                     delete the directory after changing training data or features)
//     [--exclude documents-20,documents-21]   files no fold trains on (does adding a writer's data help the
//                     others?); use a cache directory of its own
// --out also writes each row's signals on the whole text (model, rule, structure log-odds), and
// calibrate.ts --fold-scores reads the file to pool these out-of-fold scores into its calibration set.
// The channel defaults from the file names (documents-* -> document, harm-* -> harm, else user).
// The word vocabulary of the word-soup signal is the shipped one minus the words only the held-out
// writer's benign rows brought in (train-word-vocab.ts reads every corpus file).
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { localInjectionScore } from '../../src/guard/checks/injection.js';
import { createHarmDetector, HARM_DEFAULT_THRESHOLD } from '../../src/guard/detectors/harm/harm-detector.js';
import { createInjectionDetector, type InjectionChannel } from '../../src/guard/detectors/injection/injection-detector.js';
import { linearModelFromFile, type LinearModelFile } from '../../src/guard/detectors/injection/linear-model.js';
import { loadWordVocab, type WordVocab } from '../../src/guard/detectors/injection/word-soup.js';
import { prepareText } from '../../src/guard/engine/prepared-text.js';
import { shippedPolicyFile } from '../../src/guard/index.js';
import { readDevRows, readExtraHarmRows } from '../../scripts/train/dev-data.js';
import { excludeHandwrittenFiles, readHandwritten, type HandwrittenRow, type HandwrittenSet } from '../../scripts/train/handwritten.js';
import { HARM_FEATURES, USER_FEATURES } from '../../scripts/train/datasets.js';
import { toModelFile } from '../../scripts/train/logistic.js';
import { CALIBRATION_FAMILIES, CHECK_FAMILIES, trainHarm, trainSegment, trainUser } from '../../scripts/train/train-guards.js';

type Channel = InjectionChannel | 'harm';
interface Scored {
  fold: string;
  kind: string;
  label: 0 | 1;
  score: number;
  /** log-odds of the whole text's signals (the score itself is the best view / window) */
  signals?: { model: number; rule: number; structure: number };
  /** rule / signal ids of the best window (never text) */
  evidence: string[];
  text: string;
}

const args = process.argv.slice(2);
const option = (name: string): string | undefined => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const files = (option('--files') ?? 'user-mixed-8,user-mixed-9,user-mixed-10').split(',').map((f) => f.trim().replace(/\.jsonl$/, '')).filter(Boolean);
const channel: Channel = (option('--channel') as Channel | undefined) ?? (files[0]!.startsWith('documents') ? 'document' : files[0]!.startsWith('harm') ? 'harm' : 'user');
const show = Number(option('--show') ?? 0);

/** The corpus set a file belongs to: "user-mixed-9" -> "user-mixed". */
const setOf = (file: string): HandwrittenSet => file.replace(/-\d+$/, '') as HandwrittenSet;
const rowsOf = (file: string): readonly HandwrittenRow[] => readHandwritten(setOf(file)).filter((r) => r.file === file);

const policy = JSON.parse(readFileSync(shippedPolicyFile, 'utf8')) as { injection: { thresholds: Partial<Record<InjectionChannel, number>> } };
const threshold = channel === 'harm' ? HARM_DEFAULT_THRESHOLD : (policy.injection.thresholds[channel] ?? 0.75);

const LETTER_RUN = /\p{L}+/gu;
const CAMEL_SPLIT = /(?<=\p{Ll})(?=\p{Lu})/u;
const wordsOf = (text: string): string[] => (text.match(LETTER_RUN) ?? []).flatMap((run) => run.split(CAMEL_SPLIT)).map((w) => w.toLowerCase());

/** The shipped vocabulary without words that only the held-out file's benign rows contain. */
function vocabWithout(file: string, shipped: WordVocab): WordVocab {
  const sets: HandwrittenSet[] = ['user-attacks', 'user-benign', 'user-mixed', 'user-only', 'documents', 'documents-only', 'harm', 'odd-text'];
  const elsewhere = new Set<string>();
  for (const set of sets) for (const row of readHandwritten(set)) if (row.label === 0 && row.file !== file) for (const w of wordsOf(row.text)) elsewhere.add(w);
  const own = new Set(rowsOf(file).filter((r) => r.label === 0).flatMap((r) => wordsOf(r.text)));
  return new Set([...shipped].filter((w) => !own.has(w) || elsewhere.has(w)));
}

const dev = readDevRows();
const extraHarm = readExtraHarmRows();
const holdOut = [...CALIBRATION_FAMILIES, ...CHECK_FAMILIES];
const kept = dev.filter((r) => !holdOut.includes(r.family));
const extraKept = extraHarm.filter((r) => !holdOut.includes(r.family));
const readModel = (rel: string): LinearModelFile => JSON.parse(readFileSync(new URL(`../../src/guard/detectors/${rel}`, import.meta.url), 'utf8')) as LinearModelFile;
const shippedVocab = loadWordVocab(new URL('../../src/guard/detectors/injection/models/word-vocab.json', import.meta.url));

const cacheDir = option('--cache');
/** Corpus files left out of every fold's training, on top of the held-out file. */
const alwaysOut = (option('--exclude') ?? '').split(',').map((f) => f.trim().replace(/\.jsonl$/, '')).filter(Boolean);
type FoldModels = { user: LinearModelFile; segment: LinearModelFile; harm: LinearModelFile };

function trainFold(file: string): FoldModels {
  const cached = cacheDir ? join(cacheDir, `${channel}-${file}.json`) : undefined;
  if (cached && existsSync(cached)) return JSON.parse(readFileSync(cached, 'utf8')) as FoldModels;
  excludeHandwrittenFiles([file, ...alwaysOut]);
  // Only the models a channel reads are trained (the user channel reads the harm model for odd tails); shipped ones stand in for the rest.
  const trained =
    channel === 'document'
      ? {
          user: readModel('injection/models/user-model.json'),
          segment: trainSegment(dev, holdOut, 'all'),
          harm: readModel('harm/models/harm-model.json'),
        }
      : {
          user: channel === 'user' ? toModelFile('user-model', USER_FEATURES, trainUser(kept, 'all'), '') : readModel('injection/models/user-model.json'),
          segment: readModel('injection/models/segment-model.json'),
          harm: toModelFile('harm-model', HARM_FEATURES, trainHarm([...kept, ...extraKept], 'all'), ''),
        };
  excludeHandwrittenFiles(alwaysOut);
  if (cached) {
    mkdirSync(cacheDir!, { recursive: true });
    writeFileSync(cached, JSON.stringify(trained));
  }
  return trained;
}

function scoreFold(file: string): Scored[] {
  const trained = trainFold(file);
  const harm = createHarmDetector(linearModelFromFile(trained.harm));
  const injection = createInjectionDetector({
    user: linearModelFromFile(trained.user),
    segment: linearModelFromFile(trained.segment),
    wordVocab: vocabWithout(file, shippedVocab),
    requestHarm: (text) => harm.score(text).score,
  });
  return rowsOf(file).map((row) => {
    const result =
      channel === 'harm'
        ? (() => {
            const h = harm.score(row.text);
            return { score: h.score, evidence: h.evidence };
          })()
        : localInjectionScore(prepareText(row.text), channel, (window, c) => injection.score(window, c));
    const s = channel === 'harm' ? undefined : injection.signals(row.text, channel);
    const signals = s && { model: round(s.modelLogit), rule: round(s.ruleLogit), structure: round(s.structureLogit) };
    return { fold: file, kind: row.kind, label: row.label, score: result.score, signals, evidence: result.evidence, text: row.text };
  });
}

const round = (x: number): number => Math.round(x * 1000) / 1000;

/** Best TPR with at most `share` of the negatives flagged (flag strictly above the cut). */
function tprAt(rows: readonly Scored[], share: number): number {
  const neg = rows.filter((r) => r.label === 0).map((r) => r.score).sort((a, b) => b - a);
  const cut = neg[Math.floor(share * neg.length)] ?? -Infinity;
  const pos = rows.filter((r) => r.label === 1);
  return pos.filter((r) => r.score > cut).length / Math.max(1, pos.length);
}

const flagged = (r: Scored): boolean => r.score >= threshold;

function line(name: string, rows: readonly Scored[]): string {
  const pos = rows.filter((r) => r.label === 1);
  const neg = rows.filter((r) => r.label === 0);
  const tpr = pos.filter(flagged).length / Math.max(1, pos.length);
  const fpr = neg.filter(flagged).length / Math.max(1, neg.length);
  return `| ${name} | ${pos.length} | ${neg.length} | ${tpr.toFixed(3)} | ${fpr.toFixed(3)} (${neg.filter(flagged).length}) | ${tprAt(rows, 0.01).toFixed(3)} | ${tprAt(rows, 0.02).toFixed(3)} |`;
}

/** Signal ids counted over rows: each rule, the model, the structural signals. */
function signalCounts(rows: readonly Scored[]): string {
  const counts = new Map<string, number>();
  for (const r of rows) for (const id of r.evidence.length > 0 ? new Set(r.evidence) : ['(none)']) counts.set(id, (counts.get(id) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([id, n]) => `${id} ${n}`).join(', ');
}

const all: Scored[] = [];
const started = Date.now();
for (const file of files) all.push(...scoreFold(file));
console.log(`leave-one-writer-out, channel ${channel}, threshold ${threshold} (${((Date.now() - started) / 1000).toFixed(1)} s)\n`);
console.log('| fold | pos | neg | TPR | FPR (n) | TPR@FPR<=1% | TPR@FPR<=2% |');
console.log('|---|---:|---:|---:|---:|---:|---:|');
for (const file of files) console.log(line(file, all.filter((r) => r.fold === file)));
console.log(line('pooled', all));
// Per category over all folds (the part of the kind before "/"; writers spell self-harm two ways).
const categoryOf = (r: Scored): string => r.kind.split('/')[0]!.replace(/^selfharm$/, 'self-harm');
console.log('\n| category (pooled) | pos | neg | TPR | FPR (n) | TPR@FPR<=1% | TPR@FPR<=2% |');
console.log('|---|---:|---:|---:|---:|---:|---:|');
for (const category of [...new Set(all.map(categoryOf))].sort()) console.log(line(category, all.filter((r) => categoryOf(r) === category)));
const falsePositives = all.filter((r) => r.label === 0 && flagged(r));
const misses = all.filter((r) => r.label === 1 && !flagged(r));
console.log(`\nfalse positives (${falsePositives.length}), signals: ${signalCounts(falsePositives)}`);
console.log(`misses (${misses.length}), signals: ${signalCounts(misses)}`);
const byKind = (rows: readonly Scored[]) => {
  const counts = new Map<string, number>();
  for (const r of rows) counts.set(r.kind.split('/')[0]!, (counts.get(r.kind.split('/')[0]!) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1]).slice(0, 15).map(([k, n]) => `${k} ${n}`).join(', ');
};
console.log(`false positives by kind: ${byKind(falsePositives)}`);
console.log(`misses by kind: ${byKind(misses)}`);
if (show > 0) {
  const clip = (t: string) => JSON.stringify(t.length > 220 ? t.slice(0, 220) + '…' : t);
  console.log('\n-- false positives');
  for (const r of falsePositives.sort((a, b) => b.score - a.score).slice(0, show)) console.log(`${r.score.toFixed(2)} [${r.evidence.join(' ')}] ${clip(r.text)}`);
  console.log('\n-- misses');
  for (const r of misses.sort((a, b) => a.score - b.score).slice(0, show)) console.log(`${r.score.toFixed(2)} [${r.evidence.join(' ')}] ${clip(r.text)}`);
}
const out = option('--out');
if (out) writeFileSync(out, JSON.stringify({ channel, threshold, files, rows: all.map(({ text: _text, ...r }) => r) }, null, 1) + '\n');
