import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { IsNull, Repository } from 'typeorm';
import { Clock, DomainException, ErrorKind, InvalidFieldException, ResourceNotFoundException } from '@app/common';
import { StaffPrincipal } from '@app/domain';
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
    return this.holds.save(this.holds.create({ ticketId: dto.ticketId, reason: dto.reason, placedById: actor.id }));
  }

  async release(actor: StaffPrincipal, id: string): Promise<void> {
    const hold = await this.holds.findOneBy({ id, releasedAt: IsNull() });
    if (!hold) throw new ResourceNotFoundException('Saklama kaydı');
    await this.holds.update({ id }, { releasedAt: this.clock.now(), releasedById: actor.id });
  }
}
