import { featureValues, LinearModelData } from './linear-model';
import { BREATH, TrainingSet } from './training-set';

export interface LogisticOptions {
  epochs: number;
  learningRate: number;
  /** L2 penalty per update on the rows an example touches. */
  l2: number;
  seed: number;
  groupWeights: Record<string, number>;
}

// Chosen by 5-fold cross-validation on the corpus's training part (README, "How categorising works").
export const LOGISTIC_DEFAULTS: LogisticOptions = { epochs: 20, learningRate: 2, l2: 1e-5, seed: 17, groupWeights: { s: 1, b: 1, c: 1 } };

/**
 * Multinomial logistic regression by stochastic gradient descent over unit-length binary
 * vectors, in a fixed shuffled order (the same data gives the same model). `pause` is awaited
 * every 256 examples, so that training in a busy process lets its other work through.
 */
export async function trainLogistic(set: TrainingSet, options: Partial<LogisticOptions> = {}, pause?: () => Promise<void>): Promise<LinearModelData> {
  const { epochs, learningRate, l2, seed, groupWeights } = { ...LOGISTIC_DEFAULTS, ...options };
  const values = featureValues(set.features, groupWeights);
  const width = set.labels.length;
  const weights = new Float32Array(set.features.length * width);
  const bias = new Float32Array(width);
  const order = set.rows.map((_, n) => n);
  const random = mulberry32(seed);
  const scores = new Float64Array(width);
  for (let epoch = 0; epoch < epochs; epoch += 1) {
    shuffle(order, random);
    const rate = learningRate / (1 + epoch * 0.5);
    for (let i = 0; i < order.length; i += 1) {
      // A pause every BREATH examples: a busy process never waits more than a few milliseconds on training.
      if (i % BREATH === BREATH - 1) await pause?.();
      const row = set.rows[order[i]];
      if (!row.features.length) continue;
      let norm = 0;
      for (const f of row.features) norm += values[f] * values[f];
      const scale = 1 / Math.sqrt(norm);
      for (let c = 0; c < width; c += 1) scores[c] = bias[c];
      for (const f of row.features) for (let c = 0; c < width; c += 1) scores[c] += scale * values[f] * weights[f * width + c];
      let max = -Infinity;
      for (const s of scores) if (s > max) max = s;
      let sum = 0;
      for (let c = 0; c < width; c += 1) sum += scores[c] = Math.exp(scores[c] - max);
      const step = rate * row.weight;
      for (let c = 0; c < width; c += 1) {
        const gradient = scores[c] / sum - (c === row.label ? 1 : 0);
        scores[c] = gradient;
        bias[c] -= step * gradient;
      }
      for (const f of row.features) {
        const offset = f * width;
        const value = scale * values[f];
        for (let c = 0; c < width; c += 1) weights[offset + c] -= step * (scores[c] * value + l2 * weights[offset + c]);
      }
    }
  }
  return { labels: set.labels, features: set.features, weights, bias, temperature: 1, unitLength: true, groupWeights };
}

function shuffle(order: number[], random: () => number): void {
  for (let i = order.length - 1; i > 0; i -= 1) {
    const j = Math.floor(random() * (i + 1));
    [order[i], order[j]] = [order[j], order[i]];
  }
}

/** A small seeded generator, so that training is reproducible. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
