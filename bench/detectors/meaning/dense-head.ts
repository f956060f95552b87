// Heads over sentence embeddings for the meaning second-stage prototype:
// a class-balanced logistic regression on standardised embeddings (full-batch
// gradient descent: 512 dense inputs do not fit the hashed-feature trainer in
// scripts/train/logistic.ts) and a k-nearest-neighbour vote by cosine.
/** Universal Sentence Encoder lite: 512 floats a text. */
export const EMBEDDING_DIM = 512;

export interface Labelled { vectors: Float32Array; labels: Uint8Array; dim: number }
export type Head = (vector: Float32Array) => number;

export function rowOf(vectors: Float32Array, dim: number, i: number): Float32Array {
  return vectors.subarray(i * dim, (i + 1) * dim);
}

export function trainLogisticHead(data: Labelled, options = { l2: 1e-3, epochs: 1500, learningRate: 0.5 }): Head {
  const { dim, labels } = data;
  const n = labels.length;
  const mean = new Float64Array(dim);
  const sd = new Float64Array(dim);
  for (let i = 0; i < n; i++) for (let d = 0; d < dim; d++) mean[d]! += data.vectors[i * dim + d]! / n;
  for (let i = 0; i < n; i++) for (let d = 0; d < dim; d++) sd[d]! += (data.vectors[i * dim + d]! - mean[d]!) ** 2 / n;
  for (let d = 0; d < dim; d++) sd[d] = Math.sqrt(sd[d]!) + 1e-6;
  const x = new Float64Array(n * dim);
  for (let i = 0; i < n * dim; i++) x[i] = (data.vectors[i]! - mean[i % dim]!) / sd[i % dim]!;
  const positives = labels.reduce((s, l) => s + l, 0);
  // Balanced classes, as scripts/train/logistic.ts does.
  const weightOf = [n / (2 * (n - positives)), n / (2 * positives)];
  const w = new Float64Array(dim);
  let bias = 0;
  const grad = new Float64Array(dim);
  for (let epoch = 0; epoch < options.epochs; epoch++) {
    grad.fill(0);
    let biasGrad = 0;
    for (let i = 0; i < n; i++) {
      let z = bias;
      for (let d = 0; d < dim; d++) z += x[i * dim + d]! * w[d]!;
      const g = (1 / (1 + Math.exp(-z)) - labels[i]!) * weightOf[labels[i]!]!;
      for (let d = 0; d < dim; d++) grad[d]! += g * x[i * dim + d]!;
      biasGrad += g;
    }
    for (let d = 0; d < dim; d++) w[d]! -= options.learningRate * (grad[d]! / n + options.l2 * w[d]!);
    bias -= options.learningRate * (biasGrad / n);
  }
  return (v) => {
    let z = bias;
    for (let d = 0; d < dim; d++) z += ((v[d]! - mean[d]!) / sd[d]!) * w[d]!;
    return z;
  };
}

/** Log-odds of the positive share among the k most similar training texts (smoothed). */
export function knnHead(data: Labelled, k = 15): Head {
  const { dim, labels } = data;
  const n = labels.length;
  const unit = new Float32Array(data.vectors.length);
  for (let i = 0; i < n; i++) {
    const row = rowOf(data.vectors, dim, i);
    const norm = Math.hypot(...row) || 1;
    for (let d = 0; d < dim; d++) unit[i * dim + d] = row[d]! / norm;
  }
  return (v) => {
    const norm = Math.hypot(...v) || 1;
    const best: Array<{ sim: number; label: number }> = [];
    for (let i = 0; i < n; i++) {
      let sim = 0;
      for (let d = 0; d < dim; d++) sim += unit[i * dim + d]! * v[d]!;
      sim /= norm;
      if (best.length < k || sim > best[best.length - 1]!.sim) {
        best.push({ sim, label: labels[i]! });
        best.sort((a, b) => b.sim - a.sim);
        if (best.length > k) best.pop();
      }
    }
    const share = best.reduce((s, b) => s + b.label, 0) / best.length;
    return Math.log((share + 0.05) / (1 - share + 0.05));
  };
}
