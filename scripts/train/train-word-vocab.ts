// Builds the benign-corpus vocabulary behind the word-soup signal
// (src/guard/detectors/injection/word-soup.ts):
//   npx tsx scripts/train/train-word-vocab.ts
// The English frequency list (GloVe ranks in word-clusters.txt) lacks chat
// shorthand ("lgtm", "thx"), technical words ("kubectl", "tsx") and common
// words of other languages; they are taken from the benign hand-written rows
// (label 0, every set) and this repository's own code. Attack rows are left
// out, so no suffix fragment can become a "word".
// --exclude-kinds REGEX --out FILE builds a held-out vocabulary (e.g. without
// the multilingual rows) to check how the signal treats words it never saw.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { rankOf } from '../../src/guard/detectors/word-clusters.js';
import { SHORT_RUN_MAX_RANK, type WordVocabFile } from '../../src/guard/detectors/injection/word-soup.js';

/** Code identifiers must recur to count (one-off names are not vocabulary); typed benign text once is enough. */
const MIN_CODE_COUNT = 3;
const LETTER_RUN = /\p{L}+/gu;
const CAMEL_SPLIT = /(?<=\p{Ll})(?=\p{Lu})/u;

function runsOf(text: string): string[] {
  const out: string[] = [];
  for (const run of text.match(LETTER_RUN) ?? []) for (const part of run.split(CAMEL_SPLIT)) out.push(part.toLowerCase());
  return out;
}

const args = process.argv.slice(2);
const option = (name: string): string | undefined => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const excludeKinds = option('--exclude-kinds') ? new RegExp(option('--exclude-kinds')!) : undefined;

function benignRows(): string[] {
  const dir = fileURLToPath(new URL('./corpus/handwritten/', import.meta.url));
  const texts: string[] = [];
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.jsonl')).sort()) {
    for (const line of readFileSync(join(dir, file), 'utf8').split('\n')) {
      if (line.trim().length === 0) continue;
      const row = JSON.parse(line) as { text: string; label: number; kind: string };
      if (row.label === 0 && !excludeKinds?.test(row.kind)) texts.push(row.text);
    }
  }
  return texts;
}

function codeTexts(): string[] {
  const root = fileURLToPath(new URL('../../src/', import.meta.url));
  const texts: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.ts')) texts.push(readFileSync(path, 'utf8'));
    }
  };
  walk(root);
  return texts;
}

/** Not in the frequency list, or a two-letter word the signal would read as a fragment ("hi", "ok"). */
function missing(word: string): boolean {
  const rank = rankOf(word);
  return rank === undefined || (word.length <= 2 && rank > SHORT_RUN_MAX_RANK);
}

const words = new Set<string>();
const rows = benignRows();
for (const text of rows) for (const w of runsOf(text)) if (w.length >= 2 && missing(w)) words.add(w);
const codeCounts = new Map<string, number>();
for (const text of codeTexts()) for (const w of runsOf(text)) if (w.length >= 2 && missing(w)) codeCounts.set(w, (codeCounts.get(w) ?? 0) + 1);
for (const [w, n] of codeCounts) if (n >= MIN_CODE_COUNT) words.add(w);
// The demo tenant's name appears in examples, not in a fork's traffic, and nothing that ships may carry it (fork-rename test).
for (const w of words) if (w.includes('contoso')) words.delete(w);

const file: WordVocabFile = {
  name: 'word-vocab',
  version: 1,
  words: [...words].sort(),
  trainedOn: `benign hand-written rows (label 0, all sets: ${rows.length}) + identifiers seen ${MIN_CODE_COUNT}+ times in src/**/*.ts; only words absent from the GloVe frequency list`,
};
const out = option('--out') ?? fileURLToPath(new URL('../../src/guard/detectors/injection/models/word-vocab.json', import.meta.url));
writeFileSync(out, JSON.stringify(file) + '\n');
console.log(`${file.words.length} words; wrote ${out}`);
