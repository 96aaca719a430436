import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { IdParam } from '@app/common';
import { CurrentUser, StaffPrincipal } from '@app/domain';
import { Appointment } from './appointment.entity';
import { AppointmentBooking } from './appointment-booking.service';
import { AppointmentDecisions } from './appointment-decisions.service';
import { appointmentView } from './appointment-view';
import { Appointments } from './appointments.service';
import {
  BookAppointmentDto,
  CloseAppointmentDto,
  CreateAppointmentDto,
  CreateSlotDto,
  ForwardDto,
  ListAppointmentsDto,
  ListSlotsDto,
  MayorDecisionDto,
  ReasonDto,
} from './appointment.dto';

/** Appointments with the mayor. Any staff member records a request; Özel Kalem keeps the calendar. */
@ApiTags('appointments')
@ApiBearerAuth()
@Controller('appointments')
export class AppointmentsController {
  constructor(
    private readonly appointments: Appointments,
    private readonly booking: AppointmentBooking,
    private readonly decisions: AppointmentDecisions,
  ) {}

  @Post()
  async request(@Body() dto: CreateAppointmentDto, @CurrentUser() user: StaffPrincipal): Promise<Appointment> {
    return appointmentView(await this.appointments.request(dto, user));
  }

  @Get()
  async list(@Query() filter: ListAppointmentsDto, @CurrentUser() user: StaffPrincipal) {
    const { items } = await this.appointments.list(filter, user);
    return { items: items.map(appointmentView) };
  }

  @Get('slots')
  slots(@Query() filter: ListSlotsDto, @CurrentUser() user: StaffPrincipal) {
    return this.booking.slots(filter, user);
  }

  @Post('slots')
  openSlot(@Body() dto: CreateSlotDto, @CurrentUser() user: StaffPrincipal) {
    return this.booking.openSlot(dto, user);
  }

  @Get(':id')
  async get(@IdParam() id: string, @CurrentUser() user: StaffPrincipal): Promise<Appointment> {
    return appointmentView(await this.appointments.get(id, user));
  }

  /** The requester's phone and e-mail in clear, for Özel Kalem to call back; every read is logged (KVKK). */
  @Get(':id/contact')
  contact(@IdParam() id: string, @CurrentUser() user: StaffPrincipal): Promise<{ phone: string | null; email: string | null }> {
    return this.appointments.revealContact(id, user);
  }

  @Post(':id/book')
  @HttpCode(200)
  async book(@IdParam() id: string, @Body() dto: BookAppointmentDto, @CurrentUser() user: StaffPrincipal): Promise<Appointment> {
    return appointmentView(await this.booking.book(id, dto.slotId, user));
  }

  @Post(':id/decline')
  @HttpCode(200)
  async decline(@IdParam() id: string, @Body() dto: ReasonDto, @CurrentUser() user: StaffPrincipal): Promise<Appointment> {
    return appointmentView(await this.appointments.decline(id, dto.reason, user));
  }

  @Post(':id/cancel')
  @HttpCode(200)
  async cancel(@IdParam() id: string, @Body() dto: ReasonDto, @CurrentUser() user: StaffPrincipal): Promise<Appointment> {
    return appointmentView(await this.appointments.cancel(id, dto.reason, user));
  }

  /** `{ "status": "held" | "missed", "note": "…" }` after the meeting time. */
  @Post(':id/close')
  @HttpCode(200)
  async close(@IdParam() id: string, @Body() dto: CloseAppointmentDto, @CurrentUser() user: StaffPrincipal): Promise<Appointment> {
    return appointmentView(await this.appointments.close(id, dto, user));
  }

  /** Puts the request before the mayor; it comes back with `mayor-decision`. */
  @Post(':id/forward')
  @HttpCode(200)
  async forward(@IdParam() id: string, @Body() dto: ForwardDto, @CurrentUser() user: StaffPrincipal): Promise<Appointment> {
    return appointmentView(await this.decisions.forward(id, dto.note, user));
  }

  /** `{ "decision": "approved" | "declined", "note": "…" }`: declined tells the requester the note. */
  @Post(':id/mayor-decision')
  @HttpCode(200)
  async decide(@IdParam() id: string, @Body() dto: MayorDecisionDto, @CurrentUser() user: StaffPrincipal): Promise<Appointment> {
    return appointmentView(await this.decisions.decide(id, dto, user));
  }

  /** The confirmations, reminders and answers written for the request, with their delivery state. */
  @Get(':id/messages')
  messages(@IdParam() id: string, @CurrentUser() user: StaffPrincipal) {
    return this.decisions.sent(id, user);
  }
}
