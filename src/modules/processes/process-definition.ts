import { Role } from '@app/domain';
import { DurationUnit } from '../sla';

/** How a process ends: done, refused (a council's rejection) or filed away (a ministry's objection). */
export enum ProcessEnd {
  Completed = 'completed',
  Rejected = 'rejected',
  Filed = 'filed',
}

/** Step durations are counted in days, on the business calendar or straight through. */
export type StepDurationUnit = DurationUnit.WorkingDays | DurationUnit.CalendarDays;
export const STEP_DURATION_UNITS: readonly StepDurationUnit[] = [DurationUnit.WorkingDays, DurationUnit.CalendarDays];

/** "1–3 days" is kept as 1 and 3; the step's clock runs to the maximum. */
export interface StepDuration {
  min: number;
  max: number;
  unit: StepDurationUnit;
}

/** One outcome of a decision step: go on to a step, or end the process. */
export interface StepOutcome {
  code: string;
  label: string;
  next?: string | null;
  end?: ProcessEnd | null;
}

/**
 * One step of a template. Without `next` it goes on to the following step (the last one ends
 * the process as completed); a decision step goes where the chosen outcome says.
 */
export interface StepDefinition {
  key: string;
  name: string;
  departmentId?: string | null;
  role?: Role | null;
  /** Who acts outside the municipality's units ("Belediye Meclisi", "İlgili Bakanlıklar"). */
  actor?: string | null;
  referenceDocument?: string | null;
  duration: StepDuration;
  next?: string | null;
  outcomes?: StepOutcome[] | null;
}

/** Where completing `step` (with `outcome` for a decision) leads: the next step's key, or an end. */
export function following(steps: StepDefinition[], index: number, outcome?: StepOutcome): { next: string } | { end: ProcessEnd } {
  const step = steps[index];
  if (outcome?.end) return { end: outcome.end };
  const explicit = outcome?.next ?? step.next;
  if (explicit) return { next: explicit };
  const after = steps[index + 1];
  return after ? { next: after.key } : { end: ProcessEnd.Completed };
}
