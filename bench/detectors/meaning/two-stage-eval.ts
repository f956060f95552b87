// Go/no-go measurement for a sentence-encoder second stage behind the fast
// injection detector (issue 15, round 4). A head (logistic or kNN) trained on
// encoder embeddings of the training corpus reads what the fast model flags
// above a low bar and either adds its log-odds (confirm / veto softly) or
// vetoes outright. Sets are kept apart as document-split-check.ts does: the
// judging sets are measured, never tuned on; pick a variant on looked + older.
//   npx tsx bench/detectors/meaning/two-stage-eval.ts --channel document|user --dir /tmp/meaning-proto/r2 [--head logistic|knn]
// Inputs come from export-segments.ts / export-documents.ts / export-user.ts and embed-use.ts.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { EMBEDDING_DIM, knnHead, rowOf, trainLogisticHead, type Head, type Labelled } from './dense-head.js';

interface Scored { set: string; label: number; family: string; score: number; heads: number[]; modelOnly: boolean }

const args = process.argv.slice(2);
const option = (name: string, fallback: string): string => (args.includes(name) ? args[args.indexOf(name) + 1]! : fallback);
const channel = option('--channel', 'document');
const dir = option('--dir', '/tmp/meaning-proto/r2');
const headKind = option('--head', 'logistic');

const jsonl = <T>(path: string): T[] => readFileSync(join(dir, path), 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l) as T);
const vectorsOf = (path: string): Float32Array => {
  const buf = readFileSync(join(dir, path));
  return new Float32Array(buf.buffer, buf.byteOffset, buf.byteLength / 4);
};

const SETUP = {
  document: {
    threshold: 0.869,
    lowBar: 0.3,
    train: ['segments.jsonl', 'segments.f32'],
    calibration: 'calibration-documents',
    groups: {
      judging: ['proxy-workplace-5', 'proxy-technical-3'],
      looked: ['proxy-workplace-4', 'proxy-technical-2'],
      older: ['proxy-heldout', 'proxy-mention', 'proxy-technical', 'proxy-workplace', 'proxy-workplace-2', 'proxy-workplace-3'],
    },
  },
  user: {
    threshold: 0.4,
    lowBar: 0.15,
    train: ['user-train.jsonl', 'user-train.f32'],
    calibration: 'guard-dev.jsonl',
    groups: {
      judging: ['proxy-user-4', 'proxy-workplace-5'],
      looked: ['proxy-user-3', 'proxy-workplace-4'],
      older: ['proxy-heldout', 'proxy-suffix', 'proxy-suffix-benign', 'proxy-creative', 'proxy-workplace', 'proxy-workplace-2', 'proxy-user-2', 'proxy-workplace-3'],
    },
  },
}[channel === 'user' ? 'user' : 'document'];

function trainingData(): Labelled {
  const rows = jsonl<{ label: number }>(SETUP.train[0]!);
  const vectors = vectorsOf(SETUP.train[1]!);
  if (vectors.length !== rows.length * EMBEDDING_DIM) throw new Error('training rows and vectors differ in number');
  return { vectors, labels: Uint8Array.from(rows.map((r) => r.label)), dim: EMBEDDING_DIM };
}

/** Evaluation rows with head log-odds for what the second stage would read (only above the low bar). */
function scoredRows(head: Head): Scored[] {
  if (channel === 'user') {
    const rows = jsonl<Omit<Scored, 'heads'>>('user-eval.jsonl');
    const vectors = vectorsOf('user-eval.f32');
    return rows.map((r, i) => ({ ...r, heads: r.score >= SETUP.lowBar ? [head(rowOf(vectors, EMBEDDING_DIM, i))] : [], modelOnly: true }));
  }
  const docs = jsonl<Omit<Scored, 'heads' | 'modelOnly'> & { segments: unknown[]; evidence: string[] }>('docs.jsonl');
  const vectors = vectorsOf('docs.segments.f32');
  let at = 0;
  return docs.map((d) => {
    const heads = d.score >= SETUP.lowBar ? d.segments.map((_, j) => head(rowOf(vectors, EMBEDDING_DIM, at + j))) : [];
    at += d.segments.length;
    // Flagged by the segment model alone (no technique rule fired): the flags a veto may touch without costing rule recall.
    const modelOnly = d.evidence.every((e) => e.startsWith('model.') || e.startsWith('mention.') || e.startsWith('view.'));
    return { set: d.set, label: d.label, family: d.family, score: d.score, heads, modelOnly };
  });
}

const logit = (p: number): number => {
  const q = Math.min(Math.max(p, 1e-6), 1 - 1e-6);
  return Math.log(q / (1 - q));
};
const sigmoid = (z: number): number => 1 / (1 + Math.exp(-z));

type Combine = (r: Scored) => number;
const fast: Combine = (r) => r.score;
/** Adds beta * (head - offset) to the fast log-odds: confirms or softly vetoes. */
const additive = (beta: number, offset: number): Combine => (r) => (r.heads.length === 0 ? r.score : sigmoid(logit(r.score) + beta * (Math.max(...r.heads) - offset)));
/** A flag stands only if the head's best segment reads as an instruction (log-odds >= bar). */
const veto = (bar: number, modelOnly = false): Combine => (r) =>
  r.heads.length > 0 && (!modelOnly || r.modelOnly) && Math.max(...r.heads) < bar ? Math.min(r.score, SETUP.threshold - 1e-3) : r.score;

function tprAtFpr(pos: readonly number[], negDescending: readonly number[], fpr: number): number {
  const cut = negDescending[Math.floor(fpr * negDescending.length)] ?? 0;
  return pos.filter((s) => s > cut).length / Math.max(1, pos.length);
}

function report(name: string, combine: Combine, rows: readonly Scored[]): void {
  const t = SETUP.threshold;
  const cal = rows.filter((r) => r.set === SETUP.calibration).map(combine);
  const parts = [`${name.padEnd(18)} cal FPR ${(cal.filter((s) => s >= t).length / Math.max(1, cal.length)).toFixed(3)}`];
  for (const [group, sets] of Object.entries(SETUP.groups)) {
    const inGroup = rows.filter((r) => sets.includes(r.set));
    const pos = inGroup.filter((r) => r.label === 1).map(combine);
    const neg = inGroup.filter((r) => r.label === 0).map(combine);
    const fp = neg.filter((s) => s >= t).length;
    const desc = [...neg].sort((a, b) => b - a);
    const points = [0.01, 0.02, 0.04].map((f) => tprAtFpr(pos, desc, f).toFixed(3)).join('/');
    // The judging group per set too: the go/no-go gate names proxy-workplace-5 documents.
    const perSet = group === 'judging' ? ` [${sets.map((set) => `${set.replace('proxy-', '')} ${inGroup.filter((r) => r.set === set && r.label === 0 && combine(r) >= t).length}/${inGroup.filter((r) => r.set === set && r.label === 0).length}`).join(', ')}]` : '';
    parts.push(`${group}: TPR ${(pos.filter((s) => s >= t).length / Math.max(1, pos.length)).toFixed(3)} FPR ${(fp / neg.length).toFixed(3)} (${fp}/${neg.length})${perSet} @1/2/4% ${points}`);
  }
  console.log(parts.join(' | '));
}

const started = Date.now();
const data = trainingData();
const head = headKind === 'knn' ? knnHead(data) : trainLogisticHead(data);
const rows = scoredRows(head);
console.log(`${channel}, ${headKind} head on ${data.labels.length} training texts; ${rows.length} evaluation rows; threshold ${SETUP.threshold}, second stage above ${SETUP.lowBar} (${((Date.now() - started) / 1000).toFixed(0)} s)`);
report('fast only', fast, rows);
for (const [beta, offset] of [[0.5, 0], [0.5, 1], [1, 1], [1, 2]] as const) report(`add b=${beta} c=${offset}`, additive(beta, offset), rows);
for (const bar of [-2, -1, 0]) report(`veto below ${bar}`, veto(bar), rows);
if (channel === 'document') for (const bar of [-2, -1, 0]) report(`veto model-only ${bar}`, veto(bar, true), rows);
