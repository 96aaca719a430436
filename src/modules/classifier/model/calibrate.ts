import { temperatureFor } from './linear-model';

export interface Calibration {
  temperature: number;
  lengthExponent: number;
}

/** A score on an example the model was not trained on: raw scores, known features, the true label. */
export interface HeldBackScore {
  raw: Float64Array;
  known: number;
  truth: number;
}

/**
 * The calibration that makes the softmax of scores on examples the model was not trained on
 * most likely (least negative log-likelihood). Naive Bayes is overconfident by orders of
 * magnitude and needs a large temperature; logistic regression a small one. Over unit-length
 * vectors a long message's scores shrink however clear it is (5-fold on the corpus's training
 * part, stories of 13 to 30 words had the right destination first 97 % of the time, yet one in
 * five went to triage, against one in eight of one- and two-word fragments): so the temperature
 * may change with the number of known features, by a power of it chosen on the same held-back
 * scores (0, a single temperature, unless another power makes them likelier).
 */
export async function fitCalibration(scores: HeldBackScore[], pause?: () => Promise<void>, exponents = LENGTH_EXPONENTS): Promise<Calibration> {
  // Each score's distances below its own maximum, once: the loss is evaluated about 400 times.
  const below = scores.map(({ raw }) => {
    let max = -Infinity;
    for (const s of raw) if (s > max) max = s;
    return raw.map((s) => s - max);
  });
  let best: Calibration & { loss: number } = { temperature: 1, lengthExponent: 0, loss: Infinity };
  for (const lengthExponent of exponents) {
    // temperatureFor(t, lengthExponent, known) is t times this factor.
    const factors = scores.map(({ known }) => temperatureFor(1, lengthExponent, known));
    // The negative log-likelihood, as -log softmax(raw, temperature)[truth] summed, without a softmax's arrays.
    const loss = async (logT: number) => {
      const t = Math.exp(logT);
      let sum = 0;
      for (let n = 0; n < scores.length; n += 1) {
        const temperature = lengthExponent ? t * factors[n] : t;
        const distances = below[n];
        let total = 0;
        for (let i = 0; i < distances.length; i += 1) total += Math.exp(distances[i] / temperature);
        sum -= Math.log(Math.max(Math.exp(distances[scores[n].truth] / temperature) / total, 1e-12));
      }
      await pause?.();
      return sum;
    };
    const logT = await goldenMinimum(loss, Math.log(0.02), Math.log(200));
    const fitted = { temperature: Math.exp(logT), lengthExponent, loss: await loss(logT) };
    if (fitted.loss < best.loss) best = fitted;
  }
  return { temperature: best.temperature, lengthExponent: best.lengthExponent };
}

/** The powers tried, none first (it wins ties); 0.5 halves the temperature when the features quadruple. */
export const LENGTH_EXPONENTS = [0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, -0.1, -0.2];

async function goldenMinimum(f: (x: number) => Promise<number>, from: number, to: number): Promise<number> {
  let [a, b] = [from, to];
  const ratio = (Math.sqrt(5) - 1) / 2;
  for (let i = 0; i < 40; i += 1) {
    const c = b - ratio * (b - a);
    const d = a + ratio * (b - a);
    if ((await f(c)) < (await f(d))) b = d;
    else a = c;
  }
  return (a + b) / 2;
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
