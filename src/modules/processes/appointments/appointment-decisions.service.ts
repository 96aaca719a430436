import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Clock } from '@app/common';
import { StaffPrincipal } from '@app/domain';
import { OutboundMessage, OutboundMessages } from '../../notifications';
import { appointmentNotFound, ProcessErrorCode, ProcessException } from '../process-errors';
import { Appointment, AppointmentStatus } from './appointment.entity';
import { declinedText } from './appointment-messages';
import { AppointmentNotices } from './appointment-notices';
import { AppointmentOffice } from './appointment-office';
import { MayorDecisionDto } from './appointment.dto';

/** One message the requester was sent (or is to be sent) about the request; no recipient shown. */
export interface SentNotice {
  id: string;
  channel: string;
  purpose: string;
  state: string;
  notBefore: Date;
  sentAt: Date | null;
  deliveredAt: Date | null;
  lastError: string | null;
}

/**
 * A request Özel Kalem cannot settle alone goes to the mayor; the answer comes back approved
 * (Özel Kalem then gives it a slot) or declined with a note the requester is told.
 */
@Injectable()
export class AppointmentDecisions {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly office: AppointmentOffice,
    private readonly notices: AppointmentNotices,
    private readonly outbox: OutboundMessages,
    private readonly clock: Clock,
  ) {}

  forward(id: string, note: string | undefined, actor: StaffPrincipal): Promise<Appointment> {
    return this.change(id, actor, async (_manager, a) => {
      if (a.forwardedAt && !a.decidedAt) throw state('Talep zaten Başkan’ın kararını bekliyor');
      Object.assign(a, {
        forwardedAt: this.clock.now(),
        forwardedById: actor.id,
        forwardNote: note ?? null,
        mayorDecision: null,
        mayorNote: null,
        decidedAt: null,
        decidedById: null,
      });
      return [];
    });
  }

  decide(id: string, dto: MayorDecisionDto, actor: StaffPrincipal): Promise<Appointment> {
    return this.change(id, actor, async (manager, a) => {
      if (!a.forwardedAt || a.decidedAt) throw state('Talep Başkan’a iletilmemiş');
      const now = this.clock.now();
      Object.assign(a, { mayorDecision: dto.decision, mayorNote: dto.note, decidedAt: now, decidedById: actor.id });
      if (dto.decision === 'approved') return [];
      Object.assign(a, { status: AppointmentStatus.Declined, reason: dto.note, closedAt: now, closedById: actor.id });
      return this.notices.tell(manager, a, 'appointment', 'declined', declinedText(a.requesterName, dto.note));
    });
  }

  /** The confirmations, reminders and answers written for the request, oldest first. */
  async sent(id: string, user: StaffPrincipal): Promise<{ items: SentNotice[] }> {
    await this.office.assertOffice(this.dataSource.manager, user);
    if (!(await this.dataSource.getRepository(Appointment).existsBy({ id }))) throw appointmentNotFound();
    const items: SentNotice[] = await this.dataSource.query(
      `SELECT id, channel, purpose, state, not_before AS "notBefore", sent_at AS "sentAt", delivered_at AS "deliveredAt", last_error AS "lastError"
         FROM outbound_messages WHERE meta->>'appointmentId' = $1 ORDER BY not_before, created_at`,
      [id],
    );
    return { items };
  }

  private async change(
    id: string,
    actor: StaffPrincipal,
    apply: (manager: EntityManager, appointment: Appointment) => Promise<(OutboundMessage | null)[]>,
  ): Promise<Appointment> {
    const [appointment, messages] = await this.dataSource.transaction(async (manager) => {
      await this.office.assertOffice(manager, actor);
      const found = await manager.findOne(Appointment, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!found) throw appointmentNotFound();
      if (found.status !== AppointmentStatus.Requested) throw state(`Bu işlem "${found.status}" durumundaki bir talebe uygulanamaz`);
      const written = await apply(manager, found);
      return [await manager.save(found), written] as const;
    });
    await this.outbox.dispatch(messages);
    return appointment;
  }
}

const state = (message: string) => new ProcessException(ProcessErrorCode.AppointmentState, message);
