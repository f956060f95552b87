// Trains the character 4-gram model behind the windowed-perplexity signal
// (bench/detectors/char-lm.ts, the suffix baseline) on the hand-written corpus:
//   npx tsx scripts/train/train-char-lm.ts
// Every row is ordinary language (requests, documents, code, attacks in plain
// words) except the rows written as token soup, which are left out: the model
// must learn what text looks like, not what suffixes look like.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ALPHABET, gramHash, MAX_PROBES, NLL_SCALE, symbolsOf, UNSEEN, type CharLmFile } from '../../bench/detectors/char-lm.js';

const EXCLUDED_KINDS = /suffix|obfusc|adversarial/;
/** n-grams seen fewer times than this are left to the lower orders (noise, and a smaller file). */
const MIN_COUNT = 2;

/** The project's own code and docs: ordinary code, regexes, tables and markdown, so they do not read as noise. */
function projectTexts(): string[] {
  const root = fileURLToPath(new URL('../../', import.meta.url));
  const texts: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(join(root, dir), { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (/\.(?:ts|md)$/.test(entry.name)) texts.push(readFileSync(join(root, path), 'utf8'));
    }
  };
  walk('src');
  walk('docs');
  return texts;
}

function corpusTexts(): string[] {
  const dir = fileURLToPath(new URL('./corpus/handwritten/', import.meta.url));
  const texts: string[] = [];
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.jsonl')).sort()) {
    for (const line of readFileSync(join(dir, file), 'utf8').split('\n')) {
      if (line.trim().length === 0) continue;
      const row = JSON.parse(line) as { text: string; kind: string };
      if (!EXCLUDED_KINDS.test(row.kind)) texts.push(row.text);
    }
  }
  return texts;
}

const quantize = (bits: number): number => Math.min(UNSEEN - 1, Math.max(0, Math.round(bits * NLL_SCALE)));

function hashedTable(counts: Map<number, number>, contextCounts: Map<number, number>, bits: number): CharLmFile['trigram'] {
  const size = 1 << bits;
  const nll = new Uint8Array(size).fill(UNSEEN);
  const fingerprint = new Uint8Array(size);
  let dropped = 0;
  for (const [key, count] of counts) {
    if (count < MIN_COUNT) continue;
    const h = gramHash(key);
    let i = h & (size - 1);
    let probe = 0;
    while (nll[i] !== UNSEEN && probe < MAX_PROBES) {
      i = (i + 1) & (size - 1);
      probe++;
    }
    if (probe === MAX_PROBES) {
      dropped++;
      continue;
    }
    nll[i] = quantize(-Math.log2(count / contextCounts.get(Math.floor(key / ALPHABET))!));
    fingerprint[i] = h >>> 24;
  }
  if (dropped > 0) console.log(`  ${dropped} n-grams did not fit (left to lower orders)`);
  return { bits, nll: Buffer.from(nll).toString('base64'), fingerprint: Buffer.from(fingerprint).toString('base64') };
}

const texts = [...corpusTexts(), ...(process.env.CHAR_LM_PROSE_ONLY ? [] : projectTexts())];
const counts = [new Map<number, number>(), new Map<number, number>(), new Map<number, number>(), new Map<number, number>(), new Map<number, number>()];
const bump = (map: Map<number, number>, key: number): void => void map.set(key, (map.get(key) ?? 0) + 1);
let symbolsSeen = 0;
for (const text of texts) {
  const symbols = symbolsOf(text);
  let a = 0;
  let b = 0;
  let c = 0;
  for (const s of symbols) {
    bump(counts[0]!, 0);
    bump(counts[1]!, s);
    bump(counts[2]!, c * ALPHABET + s);
    bump(counts[3]!, (b * ALPHABET + c) * ALPHABET + s);
    bump(counts[4]!, ((a * ALPHABET + b) * ALPHABET + c) * ALPHABET + s);
    a = b;
    b = c;
    c = s;
    symbolsSeen++;
  }
}
// Context counts of order n are the n-gram counts of order n-1 (with start padding they match closely).
const total = symbolsSeen;
const unigram = new Uint8Array(ALPHABET);
for (let s = 0; s < ALPHABET; s++) unigram[s] = quantize(-Math.log2(((counts[1]!.get(s) ?? 0) + 0.5) / (total + ALPHABET * 0.5)));
const bigram = new Uint8Array(ALPHABET * ALPHABET).fill(UNSEEN);
for (const [key, count] of counts[2]!) if (count >= MIN_COUNT) bigram[key] = quantize(-Math.log2(count / counts[1]!.get(Math.floor(key / ALPHABET))!));
console.log(`${texts.length} texts, ${total} symbols; distinct 3-grams ${counts[3]!.size}, 4-grams ${counts[4]!.size}`);
const model: CharLmFile = {
  name: 'char-lm',
  version: 1,
  unigram: Buffer.from(unigram).toString('base64'),
  bigram: Buffer.from(bigram).toString('base64'),
  trigram: hashedTable(counts[3]!, counts[2]!, 16),
  fourgram: hashedTable(counts[4]!, counts[3]!, 18),
  trainedOn: `hand-written corpus (scripts/train/corpus/handwritten, rows without token-soup kinds) + the project's src/**/*.ts and docs/*.md: ${texts.length} texts, min count ${MIN_COUNT}`,
};
const out = fileURLToPath(new URL('../../bench/detectors/models/char-lm.json', import.meta.url));
writeFileSync(out, JSON.stringify(model) + '\n');
console.log(`wrote ${out}`);
