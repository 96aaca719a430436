import { LinearModelData } from './linear-model';
import { TrainingSet } from './training-set';

/**
 * Multinomial naive Bayes over each example's distinct features, Laplace-smoothed by `alpha`;
 * a linear model in log space, so it is scored exactly as logistic regression is.
 */
export function trainBayes(set: TrainingSet, alpha = 0.1): LinearModelData {
  const width = set.labels.length;
  const vocabulary = set.features.length;
  const counts = new Float64Array(vocabulary * width);
  const totals = new Float64Array(width);
  const docs = new Float64Array(width);
  for (const row of set.rows) {
    docs[row.label] += row.weight;
    for (const f of row.features) {
      counts[f * width + row.label] += row.weight;
      totals[row.label] += row.weight;
    }
  }
  const allDocs = docs.reduce((a, b) => a + b, 0);
  const weights = new Float32Array(vocabulary * width);
  for (let f = 0; f < vocabulary; f += 1) {
    for (let c = 0; c < width; c += 1) weights[f * width + c] = Math.log((counts[f * width + c] + alpha) / (totals[c] + alpha * vocabulary));
  }
  const bias = Float32Array.from(docs, (d) => Math.log((d + 1) / (allDocs + width)));
  return { labels: set.labels, features: set.features, weights, bias, temperature: 1, unitLength: false, groupWeights: {} };
}
