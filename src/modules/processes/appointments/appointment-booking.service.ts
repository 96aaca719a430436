import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Clock } from '@app/common';
import { StaffPrincipal } from '@app/domain';
import { OutboundMessages } from '../../notifications';
import { appointmentNotFound, isUniqueViolation, ProcessErrorCode, ProcessException } from '../process-errors';
import { Appointment, AppointmentStatus, SLOT_HOLDING } from './appointment.entity';
import { AppointmentSlot } from './appointment-slot.entity';
import { bookedText, reminderAt, reminderText } from './appointment-messages';
import { AppointmentNotices } from './appointment-notices';
import { AppointmentOffice } from './appointment-office';
import { CreateSlotDto, ListSlotsDto } from './appointment.dto';

const DEFAULT_SLOT_MINUTES = 30;

const slotTaken = () =>
  new ProcessException(ProcessErrorCode.SlotTaken, 'Bu randevu saati başka bir talebe verilmiş', [{ field: 'slotId', message: 'slotId: bu saat dolu' }]);

/**
 * The mayor's calendar: Özel Kalem opens slots, and a slot goes to one request only. Two
 * bookings of one slot at the same moment queue on the slot's row lock, and the partial unique
 * index on appointments is the last word should anything slip past it: one wins, the other 409.
 */
@Injectable()
export class AppointmentBooking {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly office: AppointmentOffice,
    private readonly notices: AppointmentNotices,
    private readonly outbox: OutboundMessages,
    private readonly clock: Clock,
  ) {}

  async openSlot(dto: CreateSlotDto, actor: StaffPrincipal): Promise<AppointmentSlot> {
    await this.office.assertOffice(this.dataSource.manager, actor);
    const endsAt = new Date(dto.startsAt.getTime() + (dto.durationMinutes ?? DEFAULT_SLOT_MINUTES) * 60_000);
    try {
      return await this.dataSource
        .getRepository(AppointmentSlot)
        .save({ startsAt: dto.startsAt, endsAt, location: dto.location ?? null, createdById: actor.id });
    } catch (error) {
      if (isUniqueViolation(error))
        throw new ProcessException(ProcessErrorCode.SlotExists, 'Bu saatte zaten bir randevu aralığı var', [
          { field: 'startsAt', message: 'startsAt: bu saat açılmış' },
        ]);
      throw error;
    }
  }

  /** The calendar between two instants, each slot with the appointment holding it (if any). */
  async slots(filter: ListSlotsDto, user: StaffPrincipal) {
    await this.office.assertOffice(this.dataSource.manager, user);
    const from = filter.from ?? this.clock.now();
    const to = filter.to ?? new Date(from.getTime() + 31 * 86_400_000);
    const rows: { id: string; starts_at: Date; ends_at: Date; location: string | null; appointment_id: string | null }[] = await this.dataSource.query(
      `SELECT s.id, s.starts_at, s.ends_at, s.location, a.id AS appointment_id
         FROM appointment_slots s LEFT JOIN appointments a ON a.slot_id = s.id AND a.status = ANY($3::appointment_status[])
        WHERE s.starts_at >= $1 AND s.starts_at < $2 ORDER BY s.starts_at`,
      [from, to, SLOT_HOLDING],
    );
    return {
      items: rows.map((r) => ({
        id: r.id,
        startsAt: r.starts_at,
        endsAt: r.ends_at,
        location: r.location,
        appointmentId: r.appointment_id,
        free: !r.appointment_id,
      })),
    };
  }

  /** Gives the request the slot (or moves it there) and tells the requester, with a reminder the day before. */
  async book(appointmentId: string, slotId: string, actor: StaffPrincipal): Promise<Appointment> {
    let result: { appointment: Appointment; messages: Awaited<ReturnType<AppointmentNotices['tell']>> };
    try {
      result = await this.dataSource.transaction(async (manager) => {
        await this.office.assertOffice(manager, actor);
        const slot = await manager.findOne(AppointmentSlot, { where: { id: slotId }, lock: { mode: 'pessimistic_write' } });
        if (!slot)
          throw new ProcessException(ProcessErrorCode.SlotNotFound, 'Randevu aralığı bulunamadı', [
            { field: 'slotId', message: 'slotId: böyle bir aralık yok' },
          ]);
        const now = this.clock.now();
        if (slot.startsAt <= now)
          throw new ProcessException(ProcessErrorCode.AppointmentState, 'Geçmiş bir saate randevu verilemez', [
            { field: 'slotId', message: 'slotId: bu saat geçti' },
          ]);
        const appointment = await manager.findOne(Appointment, { where: { id: appointmentId }, lock: { mode: 'pessimistic_write' } });
        if (!appointment) throw appointmentNotFound();
        if (appointment.status !== AppointmentStatus.Requested && appointment.status !== AppointmentStatus.Scheduled) {
          throw new ProcessException(ProcessErrorCode.AppointmentState, `"${appointment.status}" durumundaki bir talebe randevu verilemez`);
        }
        if (appointment.slotId === slot.id && appointment.status === AppointmentStatus.Scheduled) return { appointment, messages: [] };
        const holder = await manager
          .createQueryBuilder(Appointment, 'a')
          .where('a.slot_id = :slotId AND a.status IN (:...holding) AND a.id <> :id', { slotId: slot.id, holding: SLOT_HOLDING, id: appointment.id })
          .getExists();
        if (holder) throw slotTaken();
        if (appointment.status === AppointmentStatus.Scheduled) await this.notices.withdrawReminders(manager, appointment.id);
        Object.assign(appointment, { status: AppointmentStatus.Scheduled, slotId: slot.id, scheduledAt: slot.startsAt, bookedById: actor.id });
        await manager.save(appointment);
        const messages = await this.notices.tell(
          manager,
          appointment,
          'appointment',
          `booked-${slot.id}`,
          bookedText(appointment.requesterName, slot.startsAt, slot.location),
        );
        const remindAt = reminderAt(slot.startsAt, now);
        if (remindAt) {
          messages.push(
            ...(await this.notices.tell(
              manager,
              appointment,
              'appointment_reminder',
              `reminder-${slot.id}`,
              reminderText(appointment.requesterName, slot.startsAt, slot.location),
              remindAt,
            )),
          );
        }
        return { appointment, messages };
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw slotTaken();
      throw error;
    }
    await this.outbox.dispatch(result.messages);
    return result.appointment;
  }
}
