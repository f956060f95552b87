// Logistic regression with AdaGrad and L2, over sparse binary features
// scaled (featureNorm) exactly as src/guard/detectors/injection/linear-model.ts
// scores them. Deterministic for a given seed.
import type { FeatureOptions } from '../../src/guard/detectors/injection/hashed-features.js';
import { featureNorm, type LinearModelFile } from '../../src/guard/detectors/injection/linear-model.js';
import { createRng } from './rng.js';

export interface Example {
  features: number[];
  label: 0 | 1;
  /** Clean document the example is a segment of: the detector scores a document by its highest segment. */
  group?: number;
  /** The segment's text, kept for second-stage experiments (bench/detectors/meaning-*.ts); the linear model ignores it. */
  text?: string;
}

export interface TrainOptions {
  epochs: number;
  learningRate: number;
  l2: number;
  seed: number;
  /**
   * Keep the intercept fixed at this value instead of learning it. A negative
   * prior means text with no known evidence scores as benign, so unseen
   * vocabulary (new benign sources) does not drift towards "attack".
   */
  fixedBias?: number;
  /** Buckets whose weight stays 0: they still count in the norm, as at scoring time, but carry no evidence. */
  frozen?: ReadonlySet<number>;
  /** Multiplies the weight of the negative class after balancing (>1: a false alarm costs more than a miss). */
  negativeBoost?: number;
}

export interface TrainedModel {
  bias: number;
  dense: Float32Array;
}

export function trainLogistic(examples: readonly Example[], bits: number, options: TrainOptions): TrainedModel {
  const size = 1 << bits;
  const w = new Float32Array(size);
  const g2 = new Float32Array(size).fill(1e-6);
  let bias = options.fixedBias ?? 0;
  let biasG2 = 1e-6;
  const positives = examples.filter((e) => e.label === 1).length;
  const negatives = examples.length - positives;
  // Balance the classes so the bias reflects neither corpus size.
  const classWeight = [(examples.length / (2 * Math.max(1, negatives))) * (options.negativeBoost ?? 1), examples.length / (2 * Math.max(1, positives))];
  const order = examples.map((_, i) => i);
  const rng = createRng(options.seed);
  for (let epoch = 0; epoch < options.epochs; epoch++) {
    rng.shuffle(order);
    for (const i of order) {
      const ex = examples[i]!;
      const norm = featureNorm(ex.features.length);
      let z = bias;
      for (const f of ex.features) z += w[f]! * norm;
      const p = 1 / (1 + Math.exp(-z));
      const g = (p - ex.label) * classWeight[ex.label]!;
      for (const f of ex.features) {
        if (options.frozen?.has(f)) continue;
        const grad = g * norm + options.l2 * w[f]!;
        g2[f]! += grad * grad;
        w[f]! -= (options.learningRate * grad) / Math.sqrt(g2[f]!);
      }
      if (options.fixedBias === undefined) {
        biasG2 += g * g;
        bias -= (options.learningRate * g) / Math.sqrt(biasG2);
      }
    }
  }
  return { bias, dense: w };
}

/** Logit of one example under a trained model, scaled as the detector scores it. */
function logitOf(model: TrainedModel, features: readonly number[]): number {
  const norm = featureNorm(features.length);
  let z = model.bias;
  for (const f of features) z += model.dense[f]! * norm;
  return z;
}

/**
 * The detector flags a document by its highest-scoring segment, so a clean
 * document costs a false positive through its single worst segment, which
 * plain per-segment training weighs like any other. Returns that segment of
 * every clean document (examples sharing a group), `repeat` times, for a
 * second pass.
 */
export function hardestCleanSegments(examples: readonly Example[], model: TrainedModel, repeat: number): Example[] {
  const worst = new Map<number, { example: Example; logit: number }>();
  for (const example of examples) {
    if (example.label !== 0 || example.group === undefined) continue;
    const logit = logitOf(model, example.features);
    const seen = worst.get(example.group);
    if (!seen || logit > seen.logit) worst.set(example.group, { example, logit });
  }
  const out: Example[] = [];
  for (const { example } of worst.values()) for (let i = 0; i < repeat; i++) out.push(example);
  return out;
}

/** Sparse JSON form: weights below `minAbs` are dropped, the rest rounded to 1/1000. */
export function toModelFile(name: string, options: FeatureOptions, model: TrainedModel, trainedOn: string, minAbs = 0.005): LinearModelFile {
  const scale = 1000;
  const indexes: number[] = [];
  const weights: number[] = [];
  for (let i = 0; i < model.dense.length; i++) {
    const v = model.dense[i]!;
    if (Math.abs(v) >= minAbs) {
      indexes.push(i);
      weights.push(Math.round(v * scale));
    }
  }
  return { name, version: 1, options, bias: Math.round(model.bias * scale) / scale, indexes, weights, scale, trainedOn };
}
