/** The label of messages with nothing to route ("alo", "başvurum ne oldu"): triage is their right place. */
export const NO_SUBJECT = '-';

export interface Ranked {
  label: string;
  probability: number;
}

export interface Decision {
  /** The suggested category's label (its service code), or null when nothing fits. */
  label: string | null;
  /** The probability that the message belongs where `label` sends it. */
  confidence: number;
  /** Goes straight to `label`'s department or institution; otherwise to triage. */
  confident: boolean;
  /** The three likeliest categories, for the agent who triages. */
  top: Ranked[];
}

/** The model's labels with their destinations, worked out once per model and category set. */
export interface Routes {
  labels: string[];
  /** Per label: its destination's number (0 = no subject), or -1 when it has none (an inactive category). */
  destination: Int32Array;
  destinations: number;
}

export function routesOf(labels: string[], destinationOf: (label: string) => string | undefined): Routes {
  const numbers = new Map<string, number>([[NO_SUBJECT, 0]]);
  const destination = Int32Array.from(labels, (label) => {
    const d = label === NO_SUBJECT ? NO_SUBJECT : destinationOf(label);
    if (d === undefined) return -1;
    if (!numbers.has(d)) numbers.set(d, numbers.size);
    return numbers.get(d)!;
  });
  return { labels, destination, destinations: numbers.size };
}

/**
 * Where a message goes, given the model's calibrated probabilities. A category's destination
 * is its department or the institution it is referred to; the confidence is the probability
 * mass of the likeliest destination (three Temizlik categories at 0.3 each are a sure Temizlik),
 * and the category is the likeliest within it. Labels without a destination take no mass.
 * Pure, and cheap: it runs for every message.
 */
export function decide(routes: Routes, probabilities: ArrayLike<number>, threshold: number): Decision {
  const { labels, destination } = routes;
  const mass = new Float64Array(routes.destinations);
  let total = 0;
  const top: number[] = [];
  for (let i = 0; i < labels.length; i += 1) {
    const d = destination[i];
    if (d < 0) continue;
    total += probabilities[i];
    mass[d] += probabilities[i];
    if (d > 0) insertTop(top, i, probabilities);
  }
  if (total <= 0) return { label: null, confidence: 0, confident: false, top: [] };
  let best = 0;
  for (let d = 1; d < mass.length; d += 1) if (mass[d] > mass[best]) best = d;
  const ranked = top.map((i) => ({ label: labels[i], probability: probabilities[i] / total }));
  const confidence = mass[best] / total;
  if (best === 0) return { label: null, confidence, confident: false, top: ranked };
  let label = -1;
  for (let i = 0; i < labels.length; i += 1) if (destination[i] === best && (label < 0 || probabilities[i] > probabilities[label])) label = i;
  return { label: labels[label], confidence, confident: confidence >= threshold, top: ranked };
}

/** Keeps the three likeliest label indexes, likeliest first. */
function insertTop(top: number[], i: number, probabilities: ArrayLike<number>): void {
  let at = top.length;
  while (at > 0 && probabilities[top[at - 1]] < probabilities[i]) at -= 1;
  if (at >= 3) return;
  top.splice(at, 0, i);
  if (top.length > 3) top.pop();
}
