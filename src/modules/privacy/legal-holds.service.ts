import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { IsNull, Repository } from 'typeorm';
import { Clock, DomainException, ErrorKind, InvalidFieldException, ResourceNotFoundException } from '@app/common';
import { AuditAction, AuditEntity, StaffPrincipal } from '@app/domain';
import { AuditTrail } from '../audit';
import { TicketQueries } from '../tickets';
import { LegalHoldDto } from './dto/kvkk.dto';
import { LegalHold } from './legal-hold.entity';

/** Tickets under dispute: the periodic destruction and erasure requests leave their personal data alone while held. */
@Injectable()
export class LegalHolds {
  constructor(
    @InjectRepository(LegalHold) private readonly holds: Repository<LegalHold>,
    private readonly tickets: TicketQueries,
    private readonly clock: Clock,
    private readonly audit: AuditTrail,
  ) {}

  list(): Promise<LegalHold[]> {
    return this.holds.find({ where: { releasedAt: IsNull() }, order: { placedAt: 'DESC' } });
  }

  async place(actor: StaffPrincipal, dto: LegalHoldDto): Promise<LegalHold> {
    if (!(await this.tickets.isVisible(actor, dto.ticketId))) throw new InvalidFieldException('ticketId', 'ticketId: böyle bir başvuru yok');
    if (await this.holds.existsBy({ ticketId: dto.ticketId, releasedAt: IsNull() })) {
      throw new DomainException('LEGAL_HOLD_EXISTS', ErrorKind.Conflict, 'Bu başvuru zaten saklama altında', [
        { field: 'ticketId', message: 'ticketId: başvuru zaten saklama altında' },
      ]);
    }
    return this.holds.manager.transaction(async (manager) => {
      const hold = await manager.save(this.holds.create({ ticketId: dto.ticketId, reason: dto.reason, placedById: actor.id }));
      await this.audit.record(manager, actor, {
        action: AuditAction.LegalHoldPlaced,
        entityType: AuditEntity.LegalHold,
        entityId: hold.id,
        after: { ...hold },
      });
      return hold;
    });
  }

  async release(actor: StaffPrincipal, id: string): Promise<void> {
    const hold = await this.holds.findOneBy({ id, releasedAt: IsNull() });
    if (!hold) throw new ResourceNotFoundException('Saklama kaydı');
    await this.holds.manager.transaction(async (manager) => {
      const released = { ...hold, releasedAt: this.clock.now(), releasedById: actor.id };
      await manager.update(LegalHold, { id }, { releasedAt: released.releasedAt, releasedById: actor.id });
      await this.audit.record(manager, actor, {
        action: AuditAction.LegalHoldReleased,
        entityType: AuditEntity.LegalHold,
        entityId: id,
        before: { ...hold },
        after: released,
      });
    });
  }
}
