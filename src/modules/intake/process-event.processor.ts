import { Injectable } from '@nestjs/common';
import { EventsJob, JobHandler, QueueName } from '@app/queue';
import { Filed } from './filing/intake-batch';
import { IntakeFiling } from './filing/intake-filing';
import { IntakeBatchRunner } from './pipeline/batch-runner';

/** How many of a job's own events became what (`created`, `threaded`, `failed`, …, or `stale`: filed by another job). */
export type JobOutcome = Partial<Record<Filed['kind'] | 'stale', number>>;

/** Turns stored inbound events into new tickets or messages on open ones — exactly once: the runner's batches, the filing's rules. */
@Injectable()
export class ProcessEventProcessor {
  constructor(
    private readonly runner: IntakeBatchRunner,
    private readonly filing: IntakeFiling,
  ) {}

  @JobHandler(QueueName.Intake, 'process-events')
  async handle({ eventIds }: EventsJob): Promise<JobOutcome> {
    return outcomeOf(eventIds, (await this.runner.run(eventIds, this.filing)) ?? []);
  }
}

function outcomeOf(eventIds: string[], filed: Filed[]): JobOutcome {
  const kinds = new Map(filed.map((f) => [f.eventId, f.kind]));
  const outcome: JobOutcome = {};
  for (const id of eventIds) {
    const kind = kinds.get(id) ?? 'stale';
    outcome[kind] = (outcome[kind] ?? 0) + 1;
  }
  return outcome;
}
