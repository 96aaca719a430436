import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Clock, InvalidFieldException } from '@app/common';
import { StaffPrincipal } from '../../auth/staff-principal';
import { Citizen } from '../../citizens/citizen.entity';
import { normalizePhone } from '../../citizens/phone';
import { OutboundMessage } from '../../notifications/outbound-message.entity';
import { OutboundMessages } from '../../notifications/outbound-messages.service';
import { Ticket } from '../../tickets/ticket.entity';
import { appointmentNotFound, ProcessErrorCode, ProcessException } from '../process-errors';
import { Appointment, AppointmentStatus } from './appointment.entity';
import { cancelledText, declinedText } from './appointment-messages';
import { AppointmentNotices } from './appointment-notices';
import { AppointmentOffice } from './appointment-office';
import { CloseAppointmentDto, CreateAppointmentDto, ListAppointmentsDto } from './appointment.dto';

/**
 * Requests to meet the mayor, from any channel or at the door, and their fate: declined with
 * a reason, cancelled, held or missed. Booking a slot is in `AppointmentBooking`.
 */
@Injectable()
export class Appointments {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly office: AppointmentOffice,
    private readonly notices: AppointmentNotices,
    private readonly outbox: OutboundMessages,
    private readonly clock: Clock,
  ) {}

  /** Anyone at a desk or the call centre may write a request down; it goes to Özel Kalem. */
  async request(dto: CreateAppointmentDto, actor: StaffPrincipal): Promise<Appointment> {
    return this.dataSource.transaction(async (manager) => {
      const ticket = dto.ticketId ? await manager.findOneBy(Ticket, { id: dto.ticketId }) : null;
      if (dto.ticketId && !ticket) throw new InvalidFieldException('ticketId', 'ticketId: böyle bir başvuru yok');
      const citizen = ticket ? await manager.findOneBy(Citizen, { id: ticket.citizenId }) : null;
      const name = dto.requesterName ?? citizen?.fullName;
      if (!name) throw new InvalidFieldException('requesterName', 'requesterName: talep sahibinin adı gerekli');
      const phone = dto.phone ? normalizePhone(dto.phone) : citizen?.phone ?? null;
      if (dto.phone && !phone) throw new InvalidFieldException('phone', 'phone: geçerli bir telefon numarası değil');
      const now = this.clock.now();
      const walkIn = dto.walkIn === true;
      return manager.save(
        manager.create(Appointment, {
          requesterKind: dto.requesterKind,
          requesterName: name,
          institutionName: dto.institutionName ?? null,
          phone,
          email: dto.email ?? citizen?.email ?? null,
          channel: walkIn ? 'walk_in' : dto.channel ?? ticket?.channel ?? 'phone',
          subject: dto.subject,
          ticketId: ticket?.id ?? null,
          citizenId: citizen?.id ?? null,
          status: walkIn ? AppointmentStatus.Held : AppointmentStatus.Requested,
          scheduledAt: walkIn ? now : null,
          note: dto.note ?? null,
          closedAt: walkIn ? now : null,
          closedById: walkIn ? actor.id : null,
          createdById: actor.id,
        }),
      );
    });
  }

  async list(filter: ListAppointmentsDto, user: StaffPrincipal): Promise<{ items: Appointment[] }> {
    await this.office.assertOffice(this.dataSource.manager, user);
    const items = await this.dataSource.getRepository(Appointment).find({
      where: filter.status ? { status: filter.status } : {},
      order: { createdAt: 'DESC' },
      take: 200,
    });
    return { items };
  }

  async get(id: string, user: StaffPrincipal): Promise<Appointment> {
    await this.office.assertOffice(this.dataSource.manager, user);
    const appointment = await this.dataSource.getRepository(Appointment).findOneBy({ id });
    if (!appointment) throw appointmentNotFound();
    return appointment;
  }

  /** Not granted: the requester hears why. */
  decline(id: string, reason: string, actor: StaffPrincipal): Promise<Appointment> {
    return this.change(id, actor, [AppointmentStatus.Requested], async (manager, appointment) => {
      Object.assign(appointment, { status: AppointmentStatus.Declined, reason, closedAt: this.clock.now(), closedById: actor.id });
      return this.notices.tell(manager, appointment, 'appointment', 'declined', declinedText(appointment.requesterName, reason));
    });
  }

  /** The slot is freed, the pending reminder withdrawn, the requester told. */
  cancel(id: string, reason: string, actor: StaffPrincipal): Promise<Appointment> {
    return this.change(id, actor, [AppointmentStatus.Requested, AppointmentStatus.Scheduled], async (manager, appointment) => {
      const wasScheduled = appointment.status === AppointmentStatus.Scheduled;
      Object.assign(appointment, { status: AppointmentStatus.Cancelled, reason, closedAt: this.clock.now(), closedById: actor.id });
      if (!wasScheduled) return [];
      await this.notices.withdrawReminders(manager, appointment.id);
      return this.notices.tell(manager, appointment, 'appointment', `cancelled-${appointment.slotId}`, cancelledText(appointment.requesterName, appointment.scheduledAt!, reason));
    });
  }

  /** The meeting took place, or the requester did not come. */
  close(id: string, dto: CloseAppointmentDto, actor: StaffPrincipal): Promise<Appointment> {
    return this.change(id, actor, [AppointmentStatus.Scheduled], async (_manager, appointment) => {
      Object.assign(appointment, { status: dto.status, note: dto.note ?? appointment.note, closedAt: this.clock.now(), closedById: actor.id });
      return [];
    });
  }

  private async change(
    id: string,
    actor: StaffPrincipal,
    from: AppointmentStatus[],
    apply: (manager: EntityManager, appointment: Appointment) => Promise<(OutboundMessage | null)[]>,
  ): Promise<Appointment> {
    const [appointment, messages] = await this.dataSource.transaction(async (manager) => {
      await this.office.assertOffice(manager, actor);
      const found = await manager.findOne(Appointment, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!found) throw appointmentNotFound();
      if (!from.includes(found.status)) throw new ProcessException(ProcessErrorCode.AppointmentState, `Bu işlem "${found.status}" durumundaki bir randevuya uygulanamaz`);
      const written = await apply(manager, found);
      return [await manager.save(found), written] as const;
    });
    await this.outbox.dispatch(messages);
    return appointment;
  }
}
