import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { JobHandler, QueueName, TicketJob } from '@app/queue';
import { TicketStatus } from '@app/domain';
import { CategoriesService } from '../categories';
import { LivePublisher } from '../live';
import { CitizenNotices, OutboundMessages } from '../notifications';
import { Ticket, TicketDeadlines } from '../tickets';
import { TicketRouter } from './ticket-router.service';

/**
 * Routes a ticket that was committed unrouted: opened by staff without a department, sent back
 * from triage with a category, or picked up by the routing sweeper. Once per ticket version.
 */
@Injectable()
export class RouteTicketProcessor {
  constructor(
    private readonly categories: CategoriesService,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly router: TicketRouter,
    private readonly live: LivePublisher,
    private readonly notices: CitizenNotices,
    private readonly outbox: OutboundMessages,
    private readonly deadlines: TicketDeadlines,
  ) {}

  @JobHandler(QueueName.Routing, 'route-ticket')
  async handle({ ticketId }: TicketJob): Promise<string> {
    const outcome = await this.dataSource.transaction(async (manager) => {
      const ticket = await manager.findOne(Ticket, { where: { id: ticketId }, lock: { mode: 'pessimistic_write' } });
      // Stale job: already routed, waiting for a human, or changed by staff meanwhile.
      if (!ticket || ticket.routedAt || ticket.triage || ticket.status !== TicketStatus.New) return null;
      const category = ticket.categoryId ? await this.categories.find(manager, ticket.categoryId) : null;
      const placement = await this.router.route(manager, ticket, category);
      await this.deadlines.follow(manager, ticket, TicketStatus.New);
      const notice = placement.notice ? await this.notices.record(manager, ticket, { ...placement.notice, cause: `v${ticket.version}` }) : null;
      return { ticket, decision: placement.kind, notice };
    });
    if (!outcome) return 'stale';
    await this.outbox.dispatch([outcome.notice]);
    await this.live.publish(outcome.ticket, 'routed');
    return outcome.decision;
  }
}
