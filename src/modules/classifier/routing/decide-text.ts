import { TextScorer } from '../model/text-scorer';
import { decide, Decision, Routes } from './decide';

export type TriageReason = 'empty' | 'unknown-words' | 'no-subject' | 'not-sure';

/**
 * A message's decision as intake makes it: nothing to read (empty, only a photo) or not one
 * word the model has seen (emojis, another language, digits) goes to triage before any score.
 */
export function decideText(scorer: TextScorer, text: string, routes: Routes, threshold: number): Decision & { triage: TriageReason | null } {
  const none = (triage: TriageReason) => ({ label: null, confidence: 0, confident: false, top: [], triage });
  if (!/[\p{L}\p{N}]/u.test(text)) return none('empty');
  const scored = scorer.score(text);
  if (!scored.knownStems) return none('unknown-words');
  const decision = decide(routes, scored.probabilities, threshold);
  return { ...decision, triage: decision.label === null ? 'no-subject' : decision.confident ? null : 'not-sure' };
}
