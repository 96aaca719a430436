import { featuresOf } from '../text/features';

/** One labelled text; `weight` lets a category's keywords count for less than a citizen's message. */
export interface Example {
  text: string;
  label: string;
  weight?: number;
  /** `featuresOf(text)`, when the caller has them already (a training reads each text once for all its folds). */
  features?: string[];
}

/** The examples as the trainers read them: feature rows of a fixed vocabulary. */
export interface TrainingSet {
  labels: string[];
  features: string[];
  rows: { features: Int32Array; label: number; weight: number }[];
}

/** How many examples are read between two pauses of a training. */
export const BREATH = 256;

/**
 * Builds the vocabulary (features seen in at least `minDocs` examples: one-off typos carry no
 * evidence and only grow the model) and each example's feature rows. `pause` is awaited every
 * `BREATH` examples, so that a training in a busy process lets its other work through.
 */
export async function trainingSetOf(examples: Example[], labels: string[], minDocs = 2, pause?: () => Promise<void>): Promise<TrainingSet> {
  const featured: { features: string[]; label: string; weight: number }[] = [];
  const docs = new Map<string, number>();
  for (const e of examples) {
    if (featured.length % BREATH === BREATH - 1) await pause?.();
    const features = e.features ?? featuresOf(e.text);
    featured.push({ features, label: e.label, weight: e.weight ?? 1 });
    for (const f of features) docs.set(f, (docs.get(f) ?? 0) + 1);
  }
  const features = [...docs.entries()]
    .filter(([, n]) => n >= minDocs)
    .map(([f]) => f)
    .sort();
  await pause?.();
  const index = new Map(features.map((f, n) => [f, n]));
  const labelIndex = new Map(labels.map((l, n) => [l, n]));
  const rows: TrainingSet['rows'] = [];
  for (const [n, e] of featured.entries()) {
    if (n % BREATH === BREATH - 1) await pause?.();
    const label = labelIndex.get(e.label);
    if (label === undefined) continue;
    const known = e.features.map((f) => index.get(f)).filter((n): n is number => n !== undefined);
    rows.push({ features: Int32Array.from(known), label, weight: e.weight });
  }
  return { labels, features, rows };
}
