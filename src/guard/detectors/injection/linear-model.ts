// A logistic-regression model over hashed features, loaded once from a
// committed JSON file. Scoring is a sum of looked-up weights: no allocation
// beyond the feature list, linear in the text length.
import { readFileSync } from 'node:fs';
import { loadWordClusters } from '../word-clusters.js';
import { featureBuckets, featureBucketsOfWords, type FeatureOptions } from './hashed-features.js';

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
  const sumOf = ({ buckets, count }: { buckets: Int32Array; count: number }): number => {
    let sum = 0;
    for (let i = 0; i < count; i++) sum += dense[buckets[i]!]!;
    return bias + sum * featureNorm(count);
  };
  return {
    name,
    options,
    logit(folded, extra = []) {
      return sumOf(featureBuckets(folded, options, extra));
    },
    logitOfWords(words, extra = []) {
      return sumOf(featureBucketsOfWords(words, options, extra));
    },
  };
}

/** Reads a committed model file that sits next to the calling module. */
export function loadLinearModel(url: URL): LinearModel {
  return linearModelFromFile(JSON.parse(readFileSync(url, 'utf8')) as LinearModelFile);
}

export function sigmoid(x: number): number {
  return 1 / (1 + Math.exp(-x));
}
