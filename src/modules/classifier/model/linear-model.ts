/** What a trained model is: a weight per feature and label, a bias per label, and its calibration. */
export interface LinearModelData {
  labels: string[];
  features: string[];
  /** features.length × labels.length, one row per feature. */
  weights: Float32Array;
  bias: Float32Array;
  /** Scores are divided by it before the softmax (fitted on held-back folds, see calibrate.ts). */
  temperature: number;
  /** Logistic regression reads a feature vector scaled to unit length; naive Bayes reads counts. */
  unitLength: boolean;
  /** The value of a present feature by its kind (`s`, `b`, `c`), before scaling to unit length. */
  groupWeights: Record<string, number>;
}

/** Each feature's value when present, from its kind's weight. */
export function featureValues(features: string[], groupWeights: Record<string, number>): Float32Array {
  return Float32Array.from(features, (f) => groupWeights[f[0]] ?? 1);
}

export interface Scored {
  /** Score per label before calibration, in `labels` order. */
  raw: Float64Array;
  /** Calibrated probability per label, in `labels` order. */
  probabilities: Float64Array;
  /** How many of the text's features the model knows: none means it cannot tell. */
  known: number;
  /** How many of its word stems the model knows (`s:` features). */
  knownStems: number;
}

/** Scores a text's features; pure and allocation-light, it runs once per message. */
export class LinearModel {
  private readonly index = new Map<string, number>();
  private readonly values: Float32Array;

  constructor(readonly data: LinearModelData) {
    data.features.forEach((feature, n) => this.index.set(feature, n));
    this.values = featureValues(data.features, data.groupWeights);
  }

  get labels(): string[] {
    return this.data.labels;
  }

  score(features: string[]): Scored {
    const { labels, weights, bias, temperature, unitLength } = this.data;
    const width = labels.length;
    const rows: number[] = [];
    let knownStems = 0;
    let norm = 0;
    for (const feature of features) {
      const row = this.index.get(feature);
      if (row === undefined) continue;
      rows.push(row);
      norm += this.values[row] * this.values[row];
      if (feature.startsWith('s:')) knownStems += 1;
    }
    const scale = unitLength && norm ? 1 / Math.sqrt(norm) : 1;
    const scores = new Float64Array(width);
    for (let c = 0; c < width; c += 1) scores[c] = bias[c];
    for (const row of rows) {
      const offset = row * width;
      const value = scale * this.values[row];
      for (let c = 0; c < width; c += 1) scores[c] += value * weights[offset + c];
    }
    return { raw: scores, probabilities: softmax(scores, temperature), known: rows.length, knownStems };
  }
}

export function softmax(scores: Float64Array, temperature = 1): Float64Array {
  let max = -Infinity;
  for (const s of scores) if (s > max) max = s;
  const out = new Float64Array(scores.length);
  let sum = 0;
  for (let i = 0; i < scores.length; i += 1) {
    out[i] = Math.exp((scores[i] - max) / temperature);
    sum += out[i];
  }
  for (let i = 0; i < out.length; i += 1) out[i] /= sum;
  return out;
}
