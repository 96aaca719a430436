import { LinearModel } from '../model/linear-model';
import { featuresOf } from '../text/features';
import { decide, Decision } from './decide';

export type TriageReason = 'empty' | 'unknown-words' | 'no-subject' | 'not-sure';

/**
 * A message's decision as intake makes it: nothing to read (empty, only a photo) or not one
 * word the model has seen (emojis, another language, digits) goes to triage before any score.
 */
export function decideText(model: LinearModel, text: string, destinationOf: (label: string) => string | undefined, threshold: number): Decision & { triage: TriageReason | null } {
  const features = featuresOf(text);
  const none = (triage: TriageReason) => ({ label: null, confidence: 0, confident: false, top: [], triage });
  if (!features.length) return none('empty');
  const scored = model.score(features);
  if (!scored.knownStems) return none('unknown-words');
  const decision = decide(model.labels, scored.probabilities, destinationOf, threshold);
  return { ...decision, triage: decision.label === null ? 'no-subject' : decision.confident ? null : 'not-sure' };
}
