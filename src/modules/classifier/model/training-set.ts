import { featuresOf } from '../text/features';

/** One labelled text; `weight` lets a category's keywords count for less than a citizen's message. */
export interface Example {
  text: string;
  label: string;
  weight?: number;
}

/** The examples as the trainers read them: feature rows of a fixed vocabulary. */
export interface TrainingSet {
  labels: string[];
  features: string[];
  rows: { features: Int32Array; label: number; weight: number }[];
}

/**
 * Builds the vocabulary (features seen in at least `minDocs` examples: one-off typos carry no
 * evidence and only grow the model) and each example's feature rows.
 */
export function trainingSetOf(examples: Example[], labels: string[], minDocs = 2): TrainingSet {
  const featured = examples.map((e) => ({ ...e, features: featuresOf(e.text) }));
  const docs = new Map<string, number>();
  for (const e of featured) for (const f of e.features) docs.set(f, (docs.get(f) ?? 0) + 1);
  const features = [...docs.entries()]
    .filter(([, n]) => n >= minDocs)
    .map(([f]) => f)
    .sort();
  const index = new Map(features.map((f, n) => [f, n]));
  const labelIndex = new Map(labels.map((l, n) => [l, n]));
  const rows = featured
    .filter((e) => labelIndex.has(e.label))
    .map((e) => ({
      features: Int32Array.from(e.features.map((f) => index.get(f)).filter((n): n is number => n !== undefined)),
      label: labelIndex.get(e.label)!,
      weight: e.weight ?? 1,
    }));
  return { labels, features, rows };
}
