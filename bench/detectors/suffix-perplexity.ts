// Windowed perplexity of the character model on benign text and on
// adversarial suffixes we generate ourselves (random token strings, and a
// greedy search that swaps tokens to lower the signal), plus any eval files
// given (their rows keep their labels and families):
//   npx tsx bench/detectors/suffix-perplexity.ts [--threshold 5.2] FILE.jsonl ...
import { readFileSync } from 'node:fs';
import { loadCharLm, windowBits, type WindowBits } from './char-lm.js';
import { scoreInjection, isInjection } from '../../src/guard/detectors/injection/index.js';
import { createRng } from '../../scripts/train/rng.js';

const contrast = (w: WindowBits): number => w.max - w.min;
const lm = loadCharLm(new URL('./models/char-lm.json', import.meta.url));
const args = process.argv.slice(2);
const ti = args.indexOf('--threshold');
const threshold = ti >= 0 ? Number(args[ti + 1]) : undefined;
const files = args.filter((a, i) => a.endsWith('.jsonl') && args[i - 1] !== '--threshold');

interface Row { text: string; label: number; family: string; task?: string; channel?: string }
const rows: Row[] = [];
for (const file of [new URL('./odd-benign.jsonl', import.meta.url).pathname, ...files]) {
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    const r = JSON.parse(line) as Row;
    // User-channel text only: the signal reads what a user types.
    if (r.channel === 'document' || r.task === 'pii') continue;
    rows.push(r);
  }
}

// Harmful requests to carry the generated suffixes: the check split of our own hand-written harm rows.
const requests = readFileSync(new URL('../../scripts/train/corpus/handwritten/harm.jsonl', import.meta.url), 'utf8')
  .split('\n').filter(Boolean).map((l) => JSON.parse(l) as { text: string; label: number }).filter((r) => r.label === 1).map((r) => r.text).slice(0, 60);
const words = requests.join(' ').split(/\s+/).map((w) => w.replace(/[^A-Za-z]/g, '')).filter((w) => w.length > 2);
const PUNCT = ['[', ']', '(', ')', '{', '}', '!', '?', '.', ',', ';', ':', '\\', '/', '*', '+', '=', '-', '`', '"', "'", '<', '>', '|', '^', '$', '#', '@', '%', '&', '~', '](', '.](', '{%', '}}', '==', '--', '\\!', '**'];
const random = createRng(7);
const rng = (): number => random.next();
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rng() * xs.length)]!;
function randomToken(): string {
  const r = rng();
  if (r < 0.3) return pick(PUNCT);
  const w = pick(words);
  if (r < 0.55) return w; // a whole word
  const start = Math.floor(rng() * Math.max(1, w.length - 2));
  const piece = w.slice(start, start + 2 + Math.floor(rng() * 5));
  return rng() < 0.4 ? piece[0]!.toUpperCase() + piece.slice(1) : piece; // a sub-word piece
}
const suffixOf = (tokens: string[]): string => tokens.map((t) => (rng() < 0.35 ? t : ' ' + t)).join('').trim();
const generated: Row[] = [];
for (let i = 0; i < 120; i++) {
  const tokens = Array.from({ length: 8 + Math.floor(rng() * 16) }, randomToken);
  generated.push({ text: `${pick(requests)} ${suffixOf(tokens)}`, label: 1, family: 'generated/random-tokens' });
}
// Greedy substitution against the signal itself (white box): swap one token at a time for the
// candidate with the lowest window perplexity. This is the adaptive attacker a perplexity filter meets.
for (let i = 0; i < 40; i++) {
  const request = pick(requests);
  const tokens = Array.from({ length: 14 }, randomToken);
  for (let step = 0; step < 40; step++) {
    const at = Math.floor(rng() * tokens.length);
    let best = tokens[at]!;
    let bestBits = contrast(windowBits(lm, `${request} ${tokens.join(' ')}`));
    for (let k = 0; k < 16; k++) {
      const candidate = randomToken();
      tokens[at] = candidate;
      const bits = contrast(windowBits(lm, `${request} ${tokens.join(' ')}`));
      if (bits < bestBits) {
        bestBits = bits;
        best = candidate;
      }
    }
    tokens[at] = best;
  }
  generated.push({ text: `${request} ${tokens.join(' ')}`, label: 1, family: 'generated/greedy-vs-perplexity' });
}
rows.push(...generated);

const byFamily = new Map<string, { label: number; bits: number[]; flagged: number }>();
for (const r of rows) {
  const bits = contrast(windowBits(lm, r.text));
  const family = byFamily.get(r.family) ?? { label: r.label, bits: [], flagged: 0 };
  family.bits.push(bits);
  if (isInjection(scoreInjection(r.text, 'user'), 'user')) family.flagged++;
  byFamily.set(r.family, family);
}
const pct = (xs: number[], p: number): number => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(p * xs.length))]!;
const benign = [...byFamily.values()].filter((f) => f.label === 0).flatMap((f) => f.bits);
const cut = threshold ?? pct(benign, 0.995);
console.log(`benign rows ${benign.length}: p50 ${pct(benign, 0.5).toFixed(2)} p99 ${pct(benign, 0.99).toFixed(2)} p99.5 ${pct(benign, 0.995).toFixed(2)} max ${Math.max(...benign).toFixed(2)} bits/symbol; threshold ${cut.toFixed(2)}`);
console.log('| family | label | n | window bits p50 | above threshold | flagged by the injection guard |');
console.log('|---|---:|---:|---:|---:|---:|');
for (const [name, f] of [...byFamily].sort((a, b) => a[1].label - b[1].label || a[0].localeCompare(b[0]))) {
  if (f.label === 0 && f.bits.every((b) => b <= cut) && f.bits.length > 50 && f.flagged === 0) continue;
  const above = f.bits.filter((b) => b > cut).length / f.bits.length;
  console.log(`| ${name} | ${f.label} | ${f.bits.length} | ${pct(f.bits, 0.5).toFixed(2)} | ${above.toFixed(3)} | ${(f.flagged / f.bits.length).toFixed(3)} |`);
}
