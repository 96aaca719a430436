import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { IdParam } from '@app/common';
import { CurrentUser } from '../../auth/auth.decorators';
import { StaffPrincipal } from '../../auth/staff-principal';
import { Appointment } from './appointment.entity';
import { AppointmentBooking } from './appointment-booking.service';
import { Appointments } from './appointments.service';
import { BookAppointmentDto, CloseAppointmentDto, CreateAppointmentDto, CreateSlotDto, ListAppointmentsDto, ListSlotsDto, ReasonDto } from './appointment.dto';

/** Appointments with the mayor. Any staff member records a request; Özel Kalem keeps the calendar. */
@ApiTags('appointments')
@ApiBearerAuth()
@Controller('appointments')
export class AppointmentsController {
  constructor(
    private readonly appointments: Appointments,
    private readonly booking: AppointmentBooking,
  ) {}

  @Post()
  request(@Body() dto: CreateAppointmentDto, @CurrentUser() user: StaffPrincipal): Promise<Appointment> {
    return this.appointments.request(dto, user);
  }

  @Get()
  list(@Query() filter: ListAppointmentsDto, @CurrentUser() user: StaffPrincipal) {
    return this.appointments.list(filter, user);
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
  get(@IdParam() id: string, @CurrentUser() user: StaffPrincipal): Promise<Appointment> {
    return this.appointments.get(id, user);
  }

  @Post(':id/book')
  @HttpCode(200)
  book(@IdParam() id: string, @Body() dto: BookAppointmentDto, @CurrentUser() user: StaffPrincipal): Promise<Appointment> {
    return this.booking.book(id, dto.slotId, user);
  }

  @Post(':id/decline')
  @HttpCode(200)
  decline(@IdParam() id: string, @Body() dto: ReasonDto, @CurrentUser() user: StaffPrincipal): Promise<Appointment> {
    return this.appointments.decline(id, dto.reason, user);
  }

  @Post(':id/cancel')
  @HttpCode(200)
  cancel(@IdParam() id: string, @Body() dto: ReasonDto, @CurrentUser() user: StaffPrincipal): Promise<Appointment> {
    return this.appointments.cancel(id, dto.reason, user);
  }

  /** `{ "status": "held" | "missed", "note": "…" }` after the meeting time. */
  @Post(':id/close')
  @HttpCode(200)
  close(@IdParam() id: string, @Body() dto: CloseAppointmentDto, @CurrentUser() user: StaffPrincipal): Promise<Appointment> {
    return this.appointments.close(id, dto, user);
  }
}
