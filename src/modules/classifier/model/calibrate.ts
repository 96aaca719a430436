import { softmax } from './linear-model';

/**
 * The temperature that makes the softmax of scores on examples the model was not trained on
 * most likely (least negative log-likelihood), by golden-section search over log T. Naive Bayes
 * is overconfident by orders of magnitude and needs a large T; logistic regression a small one.
 */
export function fitTemperature(raws: Float64Array[], truths: number[]): number {
  const loss = (logT: number) => {
    const t = Math.exp(logT);
    let sum = 0;
    raws.forEach((raw, n) => (sum -= Math.log(Math.max(softmax(raw, t)[truths[n]], 1e-12))));
    return sum;
  };
  let [a, b] = [Math.log(0.02), Math.log(200)];
  const ratio = (Math.sqrt(5) - 1) / 2;
  for (let i = 0; i < 40; i += 1) {
    const c = b - ratio * (b - a);
    const d = a + ratio * (b - a);
    if (loss(c) < loss(d)) b = d;
    else a = c;
  }
  return Math.exp((a + b) / 2);
}

export interface Outcome {
  confidence: number;
  /** The likeliest destination is the right one (for a message with no subject: never). */
  right: boolean;
}

/**
 * The lowest confidence at which a message may skip triage, such that on the messages given
 * (predictions on examples the model was not trained on) at most `maxWrongShare` of all would
 * go confidently to the wrong place. Lower thresholds route more; this is the lowest that keeps
 * the wrong ones under the cap.
 */
export function chooseThreshold(outcomes: Outcome[], maxWrongShare: number, floor = 0.2): number {
  const sorted = [...outcomes].sort((x, y) => y.confidence - x.confidence);
  const allowed = Math.floor(maxWrongShare * outcomes.length);
  let wrong = 0;
  let threshold = 1;
  for (let i = 0; i < sorted.length; i += 1) {
    if (!sorted[i].right) wrong += 1;
    if (wrong > allowed) break;
    // Ties go together: a threshold cannot route one of two equal confidences and not the other.
    if (i + 1 < sorted.length && sorted[i + 1].confidence === sorted[i].confidence) continue;
    threshold = sorted[i].confidence;
  }
  return Math.max(threshold, floor);
}
