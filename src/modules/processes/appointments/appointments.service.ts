import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Clock, InvalidFieldException } from '@app/common';
import { normalizePhone, StaffPrincipal } from '@app/domain';
import { CitizensService } from '../../citizens';
import { OutboundMessage, OutboundMessages } from '../../notifications';
import { TicketQueries } from '../../tickets';
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
    private readonly tickets: TicketQueries,
    private readonly citizens: CitizensService,
    private readonly clock: Clock,
  ) {}

  /** Anyone at a desk or the call centre may write a request down; it goes to Özel Kalem. */
  async request(dto: CreateAppointmentDto, actor: StaffPrincipal): Promise<Appointment> {
    // Only a ticket the actor may read lends its applicant, as the ticket gave them.
    const applicant = dto.ticketId ? await this.tickets.applicant(actor, dto.ticketId) : null;
    if (dto.ticketId && !applicant) throw new InvalidFieldException('ticketId', 'ticketId: böyle bir başvuru yok');
    const name = dto.requesterName ?? applicant?.name;
    if (!name) throw new InvalidFieldException('requesterName', 'requesterName: talep sahibinin adı gerekli');
    const phone = dto.phone ? normalizePhone(dto.phone) : (applicant?.phone ?? null);
    if (dto.phone && !phone) throw new InvalidFieldException('phone', 'phone: geçerli bir telefon numarası değil');
    return this.dataSource.transaction(async (manager) => {
      const now = this.clock.now();
      const walkIn = dto.walkIn === true;
      return manager.save(
        manager.create(Appointment, {
          requesterKind: dto.requesterKind,
          requesterName: name,
          institutionName: dto.institutionName ?? null,
          phone,
          email: dto.email ?? applicant?.email ?? null,
          channel: walkIn ? 'walk_in' : (dto.channel ?? applicant?.channel ?? 'phone'),
          subject: dto.subject,
          ticketId: applicant?.ticketId ?? null,
          citizenId: applicant?.citizenId ?? null,
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

  /** Clear contact for Özel Kalem, recorded in the KVKK access log. */
  async revealContact(id: string, user: StaffPrincipal): Promise<{ phone: string | null; email: string | null }> {
    const appointment = await this.get(id, user);
    await this.citizens.recordAccess(appointment.citizenId, user.id, `appointment ${appointment.id}`);
    return { phone: appointment.phone, email: appointment.email };
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
      return this.notices.tell(
        manager,
        appointment,
        'appointment',
        `cancelled-${appointment.slotId}`,
        cancelledText(appointment.requesterName, appointment.scheduledAt!, reason),
      );
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
      if (!from.includes(found.status))
        throw new ProcessException(ProcessErrorCode.AppointmentState, `Bu işlem "${found.status}" durumundaki bir randevuya uygulanamaz`);
      const written = await apply(manager, found);
      return [await manager.save(found), written] as const;
    });
    await this.outbox.dispatch(messages);
    return appointment;
  }
}
