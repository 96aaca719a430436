/** What a trained model is: a weight per feature and label, a bias per label, and its calibration. */
export interface LinearModelData {
  labels: string[];
  features: string[];
  /** features.length × labels.length, one row per feature. */
  weights: Float32Array;
  bias: Float32Array;
  /** Scores are divided by it before the softmax (fitted on held-back folds, see calibrate.ts). */
  temperature: number;
  /**
   * How the temperature falls with the number of known features n: it is
   * `temperature × (n / LENGTH_PIVOT)^-lengthExponent` (absent in models stored before it: 0).
   */
  lengthExponent?: number;
  /** Logistic regression reads a feature vector scaled to unit length; naive Bayes reads counts. */
  unitLength: boolean;
  /** The value of a present feature by its kind (`s`, `b`, `c`), before scaling to unit length. */
  groupWeights: Record<string, number>;
}

/** The number of known features at which the temperature is `temperature` itself. */
export const LENGTH_PIVOT = 20;

/** The temperature for a text with `known` known features. */
export function temperatureFor(temperature: number, lengthExponent: number, known: number): number {
  return lengthExponent ? temperature * Math.pow(Math.max(known, 1) / LENGTH_PIVOT, -lengthExponent) : temperature;
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
  private readonly stems: Uint8Array;
  /** Each row's weights times the feature's value: scoring a row is one addition per label. */
  private readonly weighted: Float32Array;

  constructor(readonly data: LinearModelData) {
    data.features.forEach((feature, n) => this.index.set(feature, n));
    this.values = featureValues(data.features, data.groupWeights);
    this.stems = Uint8Array.from(data.features, (f) => (f.startsWith('s:') ? 1 : 0));
    const width = data.labels.length;
    // A plain loop: Float32Array.from with a mapping function took about 100 ms for a trained model.
    this.weighted = new Float32Array(data.weights.length);
    for (let row = 0; row < data.features.length; row += 1) {
      for (let c = row * width; c < (row + 1) * width; c += 1) this.weighted[c] = data.weights[c] * this.values[row];
    }
  }

  rowOf(feature: string): number | undefined {
    return this.index.get(feature);
  }

  get labels(): string[] {
    return this.data.labels;
  }

  /** Scores distinct features (`featuresOf`); those the model does not know are left out. */
  score(features: string[]): Scored {
    return this.scoreRows(features.map((f) => this.index.get(f)).filter((row): row is number => row !== undefined));
  }

  /** Scores distinct known feature rows. */
  scoreRows(rows: number[]): Scored {
    const { labels, bias, temperature, lengthExponent = 0, unitLength } = this.data;
    const { weighted, values, stems } = this;
    const width = labels.length;
    let knownStems = 0;
    let norm = 0;
    const sums = new Float64Array(width);
    for (let r = 0; r < rows.length; r += 1) {
      const row = rows[r];
      norm += values[row] * values[row];
      knownStems += stems[row];
      const offset = row * width;
      for (let c = 0; c < width; c += 1) sums[c] += weighted[offset + c];
    }
    const scale = unitLength && norm ? 1 / Math.sqrt(norm) : 1;
    const scores = new Float64Array(width);
    for (let c = 0; c < width; c += 1) scores[c] = bias[c] + scale * sums[c];
    return { raw: scores, probabilities: softmax(scores, temperatureFor(temperature, lengthExponent, rows.length)), known: rows.length, knownStems };
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
