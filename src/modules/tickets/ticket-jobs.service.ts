import { Injectable, Logger } from '@nestjs/common';
import { withTimeout } from '@app/common';
import { InjectJobQueue, JobQueue, QueueName } from '@app/queue';

export const routeJobId = (ticket: { id: string; version: number }) => `route-${ticket.id}-v${ticket.version}`;

// A request must not hang on a Redis that is down; the sweeper covers what is not enqueued.
const ENQUEUE_TIMEOUT_MS = 1000;

/**
 * Enqueues follow-up work for tickets after their transaction commits. A failure here (Redis
 * down) is logged, not thrown: the committed state is what the sweepers re-enqueue from.
 */
@Injectable()
export class TicketJobs {
  private readonly logger = new Logger(TicketJobs.name);

  constructor(@InjectJobQueue(QueueName.Routing) private readonly routing: JobQueue<QueueName.Routing>) {}

  /** The job id carries the version, so a ticket sent back for re-routing gets a new job. */
  async route(ticket: { id: string; version: number }): Promise<void> {
    const ticketId = ticket.id;
    try {
      await withTimeout(this.routing.add('route-ticket', { ticketId }, { jobId: routeJobId(ticket) }), ENQUEUE_TIMEOUT_MS);
    } catch (error) {
      this.logger.warn({ msg: 'routing job not enqueued; the sweeper will retry', ticketId, error: (error as Error).message });
    }
  }
}
