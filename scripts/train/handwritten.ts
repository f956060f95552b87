// The hand-written corpus (scripts/train/corpus/handwritten/*.jsonl): varied
// examples written by the team, one JSON object per line with text, label,
// kind (and, for documents, the injected substring). One row in five is set
// aside as a check split by a hash of its text, so a model trained without
// it can be scored on text it never saw.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fnv1a } from '../../src/guard/detectors/injection/hashed-features.js';

export interface HandwrittenRow {
  text: string;
  label: 0 | 1;
  kind: string;
  /** documents only: the injected instruction, a substring of text */
  injection?: string;
  split: 'train' | 'check';
  /** the corpus file the row came from, without ".jsonl" (e.g. "user-mixed-9": one writer's batch) */
  file: string;
}

/**
 * `odd-text` (benign user text that looks odd: code, ids, shorthand, other languages) feeds
 * the word-soup vocabulary (train-word-vocab.ts) and checks, not the guard models: as
 * typed requests it would also become "inserted instructions" in the segment model's documents.
 * `user-only` (tool abuse, links that carry data, permission claims, and their everyday look-alikes)
 * trains the user model alone: what a user asks of the assistant's tools says little about text
 * planted in a document or about harm, and those models keep their own data.
 * `documents-only` (code, config, markup and quoted fields with and without planted orders) trains
 * the segment model alone: as the harm model's negatives its clean rows pulled framed harmful
 * requests under the flag and pushed everyday SharePoint asks over it (round 7).
 */
export type HandwrittenSet = 'user-attacks' | 'user-benign' | 'user-mixed' | 'user-only' | 'documents' | 'documents-only' | 'harm' | 'odd-text';

// Training reads each set several times (per model, per held-out family): once from disk is enough.
const cache = new Map<HandwrittenSet, readonly HandwrittenRow[]>();

/** Every file of a set: `<set>.jsonl` and later batches `<set>-2.jsonl`, `<set>-3.jsonl`, ... */
export function readHandwritten(set: HandwrittenSet): readonly HandwrittenRow[] {
  let rows = cache.get(set);
  if (!rows) cache.set(set, (rows = readSet(set)));
  return rows;
}

function readSet(set: HandwrittenSet): HandwrittenRow[] {
  const dir = fileURLToPath(new URL('./corpus/handwritten/', import.meta.url));
  const files = readdirSync(dir).filter((f) => f === `${set}.jsonl` || new RegExp(`^${set}-\\d+\\.jsonl$`).test(f)).sort();
  return files.flatMap((file) =>
    readFileSync(join(dir, file), 'utf8')
      .split('\n')
      .filter((l) => l.trim().length > 0)
      .map((l) => {
        const row = JSON.parse(l) as Omit<HandwrittenRow, 'split' | 'file'>;
        return { ...row, split: fnv1a(row.text) % 5 === 0 ? 'check' : 'train', file: file.replace(/\.jsonl$/, '') } as HandwrittenRow;
      }),
  );
}

/** Which hand-written rows training may use. */
export type HandwrittenUse = 'all' | 'train-split' | 'none';

/**
 * Corpus files training leaves out entirely (names without ".jsonl"), so a
 * model can be scored on one writer's rows it never saw (bench/detectors/writer-folds.ts).
 * Off by default; HANDWRITTEN_EXCLUDE=user-mixed-8,user-mixed-9 sets it for train:guards.
 */
let excludedFiles: ReadonlySet<string> = new Set(
  (process.env.HANDWRITTEN_EXCLUDE ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean),
);

/** Replaces the excluded files (an in-process leave-one-writer-out loop trains once per file). */
export function excludeHandwrittenFiles(files: readonly string[]): void {
  excludedFiles = new Set(files);
}

export function handwrittenFor(set: HandwrittenSet, use: HandwrittenUse): readonly HandwrittenRow[] {
  if (use === 'none') return [];
  const rows = readHandwritten(set).filter((r) => !excludedFiles.has(r.file));
  return use === 'all' ? rows : rows.filter((r) => r.split === 'train');
}
