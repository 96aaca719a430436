import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Clock } from '@app/common';
import { StaffPrincipal } from '@app/domain';
import { CitizenNotice, CitizenNotices, OutboundMessage, OutboundMessages } from '../notifications';
import { TicketChangeHooks, TicketPlacement } from './ticket-change-hooks';
import { TicketDeadlines } from './ticket-deadlines.service';
import { assertVisible } from './ticket-access';
import { TicketErrorCode, TicketException, ticketNotFound } from './ticket-errors';
import { Ticket } from './ticket.entity';

/** A notice to the ticket's citizen; its cause is the version the change creates unless it names its own. */
export type TicketNotice = Omit<CitizenNotice, 'cause'> & { cause?: string };

/** The one way staff change a ticket: lock, check who and which version, change, save. */
@Injectable()
export class TicketLock {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly notices: CitizenNotices,
    private readonly outbox: OutboundMessages,
    private readonly deadlines: TicketDeadlines,
    private readonly hooks: TicketChangeHooks,
  ) {}

  /**
   * Locks the row, checks visibility and version, lets `change` edit it, then writes it back
   * with the version bumped — all in one transaction. The notices `change` returns are written
   * to the outbox in that transaction and sent after it commits, with what the registered hooks
   * add in it (the satisfaction survey a resolution asks for); their after-commit news follows.
   * A null actor is the system itself (a fee left unpaid), which sees every ticket.
   */
  async mutate(
    actor: StaffPrincipal | null,
    id: string,
    expectedVersion: number | null,
    change: (ticket: Ticket, manager: EntityManager) => Promise<TicketNotice[] | void>,
  ): Promise<Ticket> {
    let before: TicketPlacement | undefined;
    const messages: (OutboundMessage | null)[] = [];
    const saved = await this.dataSource.transaction(async (manager) => {
      const row = await manager.findOne(Ticket, { where: { id }, lock: { mode: 'pessimistic_write' } });
      const ticket = actor ? assertVisible(row, actor) : row;
      if (!ticket) throw ticketNotFound();
      if (expectedVersion !== null && ticket.version !== expectedVersion) {
        throw new TicketException(
          TicketErrorCode.VersionConflict,
          `Başvuru siz açtıktan sonra değişti (sürüm ${expectedVersion} → ${ticket.version}); yeniden yükleyin`,
        );
      }
      before = { departmentId: ticket.departmentId, assigneeId: ticket.assigneeId, status: ticket.status };
      const notices = (await change(ticket, manager)) ?? [];
      await this.deadlines.follow(manager, ticket, before.status);
      ticket.version += 1;
      const { searchText: _omit, ...columns } = ticket;
      await manager.update(Ticket, { id }, { ...columns, updatedAt: this.clock.now() });
      for (const notice of notices) messages.push(await this.notices.record(manager, ticket, { cause: `v${ticket.version}`, ...notice }));
      messages.push(...(await this.hooks.inTransaction(manager, { kind: 'updated', ticket, before })));
      return ticket;
    });
    await this.outbox.dispatch(messages);
    await this.hooks.afterCommit({ kind: 'updated', ticket: saved, before: before! });
    return saved;
  }
}
