import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { DomainException, InvalidFieldException, toHttpError } from '@app/common';
import { StaffPrincipal, TicketStatus } from '@app/domain';
import { BulkActionDto } from './dto/bulk-action.dto';
import { TicketActions } from './ticket-actions.service';
import { TicketQueries } from './ticket-queries.service';
import { ticketNotFound } from './ticket-errors';
import { Ticket } from './ticket.entity';

export type BulkResult = { id: string; ok: true } | { id: string; ok: false; status: number; message: string };

/** What each action needs beyond the selection; missing, the whole request is refused before any change. */
const REQUIRED: Record<BulkActionDto['action'], (keyof BulkActionDto)[]> = {
  assign: ['assigneeId'],
  transfer: ['departmentId', 'reason'],
  close: ['note'],
};

/**
 * Bulk actions on the list's selection. Each ticket goes through the very action the ticket page
 * uses — the same authorization, the version read from its current row, the same timeline and
 * notices — one transaction each: one ticket's refusal (another department's: 404, a closed one:
 * 409) is its row's answer and leaves the others done.
 */
@Injectable()
export class TicketBulk {
  constructor(
    @InjectRepository(Ticket) private readonly tickets: Repository<Ticket>,
    private readonly actions: TicketActions,
    private readonly queries: TicketQueries,
  ) {}

  async apply(actor: StaffPrincipal, dto: BulkActionDto): Promise<{ results: BulkResult[] }> {
    const missing = REQUIRED[dto.action].filter((field) => !dto[field]);
    if (missing.length) throw new InvalidFieldException(missing[0], `${missing[0]}: "${dto.action}" işlemi için gerekli`);
    const results: BulkResult[] = [];
    for (const id of dto.ids) {
      try {
        await this.one(actor, id, dto);
        results.push({ id, ok: true });
      } catch (error) {
        if (!(error instanceof DomainException)) throw error;
        const { statusCode, message } = toHttpError(error);
        results.push({ id, ok: false, status: statusCode, message });
      }
    }
    return { results };
  }

  private async one(actor: StaffPrincipal, id: string, dto: BulkActionDto): Promise<void> {
    // What the caller may not see does not exist for them, whatever the action.
    if (!(await this.queries.isVisible(actor, id))) throw ticketNotFound();
    const ticket = await this.tickets.findOne({ where: { id }, select: { id: true, version: true, status: true } });
    if (!ticket) throw ticketNotFound();
    switch (dto.action) {
      case 'assign':
        await this.actions.assign(actor, id, { version: ticket.version, assigneeId: dto.assigneeId! });
        return;
      case 'transfer':
        await this.actions.transfer(actor, id, { version: ticket.version, departmentId: dto.departmentId!, reason: dto.reason! });
        return;
      case 'close': {
        // The citizen is told the resolution (answered, with the note), then the ticket is closed.
        let version = ticket.version;
        if (ticket.status !== TicketStatus.Answered) {
          version = (await this.actions.changeStatus(actor, id, { version, status: TicketStatus.Answered, note: dto.note })).version;
        }
        await this.actions.changeStatus(actor, id, { version, status: TicketStatus.Closed });
        return;
      }
    }
  }
}
