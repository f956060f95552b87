// A logistic-regression model over hashed features, loaded once from a
// committed JSON file. Scoring is a sum of looked-up weights: no allocation
// beyond the feature list, linear in the text length.
import { readFileSync } from 'node:fs';
import { loadWordClusters } from '../word-clusters.js';
import { featureBuckets, featureBucketsOfWords, wordsOfCached, type FeatureOptions } from './hashed-features.js';

/** On-disk shape written by scripts/train/train-guards.ts. */
export interface LinearModelFile {
  name: string;
  version: number;
  options: FeatureOptions;
  bias: number;
  /** sparse weights: bucket indexes and weights (scaled by `scale`, rounded to integers) */
  indexes: number[];
  weights: number[];
  scale: number;
  trainedOn: string;
}

export interface LinearModel {
  readonly name: string;
  readonly options: FeatureOptions;
  /** raw log-odds of the positive class */
  logit(folded: string, extra?: readonly string[]): number;
  /** the same for text already split into words */
  logitOfWords(words: readonly string[], extra?: readonly string[]): number;
  /** the parts of that logit: the summed weights of the words' distinct features and their number (logit = bias + sum * featureNorm(count)) */
  weightsOfWords(words: readonly string[]): { sum: number; count: number };
  readonly bias: number;
}

/**
 * Scale by 1/sqrt(n) so long texts do not win on volume alone, but never
 * divide by fewer than MIN_NORM_FEATURES: a one-word message ("hi") would
 * otherwise carry its single word's full weight and look like the long
 * templates that word opens.
 */
export const MIN_NORM_FEATURES = 8;
export function featureNorm(count: number): number {
  return count > 0 ? 1 / Math.sqrt(Math.max(count, MIN_NORM_FEATURES)) : 0;
}

export function linearModelFromFile(file: LinearModelFile): LinearModel {
  if (file.options.clusters) loadWordClusters();
  const dense = new Float32Array(1 << file.options.bits);
  for (let i = 0; i < file.indexes.length; i++) dense[file.indexes[i]!] = file.weights[i]! / file.scale;
  return linearModelFromWeights(file.name, file.options, file.bias, dense);
}

export function linearModelFromWeights(
  name: string,
  options: FeatureOptions,
  bias: number,
  dense: Float32Array,
): LinearModel {
  const weightsOf = ({ buckets, count }: { buckets: Int32Array; count: number }): { sum: number; count: number } => {
    let sum = 0;
    for (let i = 0; i < count; i++) sum += dense[buckets[i]!]!;
    return { sum, count };
  };
  const sumOf = (features: { buckets: Int32Array; count: number }): number => {
    const { sum, count } = weightsOf(features);
    return bias + sum * featureNorm(count);
  };
  // A text and its normalised form often differ only between words (a dash, a quote): the
  // features, and so the score, come from the words alone, so equal words are scored once.
  const recent: Array<{ words: readonly string[]; logit: number }> = [];
  return {
    name,
    options,
    bias,
    logit(folded, extra = []) {
      if (extra.length > 0) return sumOf(featureBuckets(folded, options, extra));
      const words = wordsOfCached(folded);
      for (const entry of recent) if (sameWords(entry.words, words)) return entry.logit;
      const logit = sumOf(featureBucketsOfWords(words, options));
      recent.unshift({ words, logit });
      if (recent.length > 4) recent.pop();
      return logit;
    },
    logitOfWords(words, extra = []) {
      return sumOf(featureBucketsOfWords(words, options, extra));
    },
    weightsOfWords(words) {
      return weightsOf(featureBucketsOfWords(words, options));
    },
  };
}

function sameWords(a: readonly string[], b: readonly string[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** Reads a committed model file that sits next to the calling module. */
export function loadLinearModel(url: URL): LinearModel {
  return linearModelFromFile(JSON.parse(readFileSync(url, 'utf8')) as LinearModelFile);
}

export function sigmoid(x: number): number {
  return 1 / (1 + Math.exp(-x));
}
