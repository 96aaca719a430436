import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { endOfLocalDay, localDateOf } from '@app/calendar';
import { Clock, DomainException, ErrorKind, InvalidFieldException, pageOf } from '@app/common';
import { LegalBasis, StaffPrincipal, TicketChannel, TicketKind } from '@app/domain';
import { ticketNotFound } from '../ticket-errors';
import { TicketCreation } from '../ticket-creation.service';
import { TicketEventType } from '../ticket-event.entity';
import { TicketLock } from '../ticket-lock.service';
import { appendEvent } from '../timeline';
import { CimerAnswer } from './cimer-answer.entity';
import { CimerApplication } from './cimer-application.entity';
import { CimerAnswerDto, ListCimerDto, RegisterCimerDto } from './cimer.dto';
import { CIMER_DETAIL_SQL, CIMER_LIST_SQL, CIMER_STATE } from './cimer-queries';

export const CIMER_NO_TAKEN = 'CIMER_NO_TAKEN';

const taken = (cimerNo: string) =>
  new DomainException(CIMER_NO_TAKEN, ErrorKind.Conflict, `${cimerNo} numaralı CİMER başvurusu zaten kayıtlı`, [
    { field: 'cimerNo', message: `cimerNo: ${cimerNo} zaten kayıtlı` },
  ]);

/**
 * The CİMER officer's desk: applications CİMER forwards become tickets of the `cimer` channel
 * that keep CİMER's number and deadline (the clock runs to it when it is earlier than the law's),
 * go to their unit like any other, and carry the answers sent back to CİMER.
 */
@Injectable()
export class CimerApplications {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly creation: TicketCreation,
    private readonly lock: TicketLock,
    private readonly clock: Clock,
  ) {}

  async register(actor: StaffPrincipal, dto: RegisterCimerDto) {
    if (dto.cimerDueOn < localDateOf(this.clock.now())) throw new InvalidFieldException('cimerDueOn', 'cimerDueOn: geçmiş bir tarih olamaz');
    if (await this.dataSource.manager.existsBy(CimerApplication, { cimerNo: dto.cimerNo })) throw taken(dto.cimerNo);
    const cimerDueAt = endOfLocalDay(dto.cimerDueOn);
    const { cimerNo, cimerDueOn: _due, ...fields } = dto;
    const kind = dto.kind ?? (dto.legalBasis === LegalBasis.Law4982 ? TicketKind.BilgiEdinme : undefined);
    try {
      const ticket = await this.creation.create(actor, { ...fields, kind, channel: TicketChannel.Cimer, externalRef: cimerNo }, undefined, {
        deadlineCap: cimerDueAt,
        inTransaction: async (manager, created) => {
          await manager.insert(CimerApplication, { ticketId: created.id, cimerNo, cimerDueAt, registeredById: actor.id });
        },
      });
      return this.detail(ticket.id);
    } catch (error) {
      // Two officers registering the same number at once: the unique index decides.
      if ((error as { code?: string }).code === '23505') throw taken(cimerNo);
      throw error;
    }
  }

  async list(query: ListCimerDto) {
    const state = query.state ? CIMER_STATE[query.state] : 'true';
    const offset = (query.page - 1) * query.pageSize;
    const [rows, [{ total }]] = await Promise.all([
      this.dataSource.query(`${CIMER_LIST_SQL} WHERE ${state} ORDER BY x.cimer_due_at, x.cimer_no LIMIT $2 OFFSET $3`, [
        this.clock.now(),
        query.pageSize,
        offset,
      ]),
      this.dataSource.query(`SELECT count(*)::int AS total FROM (${CIMER_LIST_SQL} WHERE ${state}) x`, [this.clock.now()]),
    ]);
    return pageOf(rows, total, query);
  }

  /** The application, what its unit did (answers, transfers, status) and what went back to CİMER; no applicant data. */
  async detail(ticketId: string) {
    const [row] = await this.dataSource.query(CIMER_DETAIL_SQL, [this.clock.now(), ticketId]);
    if (!row) throw ticketNotFound();
    return row;
  }

  async answer(actor: StaffPrincipal, ticketId: string, dto: CimerAnswerDto) {
    await this.lock.mutate(actor, ticketId, null, async (ticket, manager) => {
      if (ticket.channel !== TicketChannel.Cimer || !(await manager.existsBy(CimerApplication, { ticketId }))) throw ticketNotFound();
      const answeredAt = this.clock.now();
      await manager.insert(CimerAnswer, { ticketId, status: dto.status, text: dto.text, answeredById: actor.id, answeredByName: actor.fullName, answeredAt });
      await appendEvent(manager, ticket.id, TicketEventType.CimerAnswer, actor, dto.text, { cimerStatus: dto.status });
    });
    return this.detail(ticketId);
  }
}
