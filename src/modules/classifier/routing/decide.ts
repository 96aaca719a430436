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

/**
 * Where a message goes, given the model's calibrated probabilities. A category's destination
 * is its department or the institution it is referred to; the confidence is the probability
 * mass of the likeliest destination (three Temizlik categories at 0.3 each are a sure Temizlik),
 * and the category is the likeliest within it. Labels without a destination (inactive
 * categories) take no mass. Pure: table-tested, used by intake and by the evaluation alike.
 */
export function decide(labels: string[], probabilities: ArrayLike<number>, destinationOf: (label: string) => string | undefined, threshold: number): Decision {
  const mass = new Map<string, number>();
  let total = 0;
  const ranked: Ranked[] = [];
  for (let i = 0; i < labels.length; i += 1) {
    const destination = labels[i] === NO_SUBJECT ? NO_SUBJECT : destinationOf(labels[i]);
    if (destination === undefined) continue;
    const p = probabilities[i];
    total += p;
    mass.set(destination, (mass.get(destination) ?? 0) + p);
    ranked.push({ label: labels[i], probability: p });
  }
  if (!ranked.length || total <= 0) return { label: null, confidence: 0, confident: false, top: [] };
  ranked.sort((a, b) => b.probability - a.probability);
  const top = ranked.filter((r) => r.label !== NO_SUBJECT).slice(0, 3).map((r) => ({ label: r.label, probability: r.probability / total }));
  let best: [string, number] = [NO_SUBJECT, -1];
  for (const entry of mass) if (entry[1] > best[1]) best = entry;
  const [destination, destinationMass] = best;
  if (destination === NO_SUBJECT) return { label: null, confidence: destinationMass / total, confident: false, top };
  const label = ranked.find((r) => r.label !== NO_SUBJECT && destinationOf(r.label) === destination)!.label;
  const confidence = destinationMass / total;
  return { label, confidence, confident: confidence >= threshold, top };
}
