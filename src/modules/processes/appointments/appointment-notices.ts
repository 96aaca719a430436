import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Clock } from '@app/common';
import { AppConfig } from '@app/config';
import { afterQuietHours, OutboundChannel, OutboundMessage, OutboundMessages } from '../../notifications';
import { Appointment } from './appointment.entity';
import { AppointmentText } from './appointment-messages';

/**
 * Writes what the requester is told into the outbox, by SMS and e-mail (whichever they gave),
 * in the transaction of the decision; `cause` makes each message happen once.
 */
@Injectable()
export class AppointmentNotices {
  constructor(
    private readonly outbox: OutboundMessages,
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  async tell(
    manager: EntityManager,
    appointment: Appointment,
    purpose: string,
    cause: string,
    text: AppointmentText,
    notBefore?: Date,
  ): Promise<(OutboundMessage | null)[]> {
    const when = notBefore ?? afterQuietHours(this.clock.now(), this.config.NOTIFY_QUIET_HOURS);
    const common = {
      purpose,
      subject: text.subject,
      body: text.body,
      ticketId: appointment.ticketId,
      citizenId: appointment.citizenId,
      meta: { appointmentId: appointment.id },
      notBefore: when,
    };
    const messages: (OutboundMessage | null)[] = [];
    if (appointment.phone)
      messages.push(
        await this.outbox.record(manager, {
          ...common,
          dedupeKey: `appt-${appointment.id}-${cause}-sms`,
          channel: OutboundChannel.Sms,
          recipient: appointment.phone,
        }),
      );
    if (appointment.email)
      messages.push(
        await this.outbox.record(manager, {
          ...common,
          dedupeKey: `appt-${appointment.id}-${cause}-email`,
          channel: OutboundChannel.Email,
          recipient: appointment.email,
        }),
      );
    return messages;
  }

  /** A reminder still waiting for its day is withdrawn when the meeting is cancelled or moved. */
  async withdrawReminders(manager: EntityManager, appointmentId: string): Promise<void> {
    await manager.query(
      `UPDATE outbound_messages SET state = 'failed', last_error = 'Randevu değişti; hatırlatma geri çekildi', updated_at = $2
        WHERE purpose = 'appointment_reminder' AND meta->>'appointmentId' = $1 AND state = 'pending'`,
      [appointmentId, this.clock.now()],
    );
  }
}
