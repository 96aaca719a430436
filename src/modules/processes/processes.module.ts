import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuthModule } from '../auth';
import { CitizensModule } from '../citizens';
import { DepartmentsModule } from '../departments';
import { MunicipalityModule } from '../municipality';
import { NotificationsModule } from '../notifications';
import { SlaModule } from '../sla';
import { TicketsModule } from '../tickets';
import { AppointmentBooking } from './appointments/appointment-booking.service';
import { AppointmentDecisions } from './appointments/appointment-decisions.service';
import { AppointmentNotices } from './appointments/appointment-notices';
import { AppointmentOffice } from './appointments/appointment-office';
import { AppointmentSlot } from './appointments/appointment-slot.entity';
import { Appointment } from './appointments/appointment.entity';
import { Appointments } from './appointments/appointments.service';
import { AppointmentsController } from './appointments/appointments.controller';
import { ProcessEscalations } from './process-escalations';
import { ProcessEvent } from './process-event.entity';
import { ProcessInstance } from './process-instance.entity';
import { ProcessQueries } from './process-queries.service';
import { ProcessReports } from './process-reports.service';
import { ProcessRunner } from './process-runner.service';
import { ProcessStep } from './process-step.entity';
import { ProcessTemplate } from './process-template.entity';
import { ProcessTemplateSeeder } from './process-template.seeder';
import { ProcessTemplates } from './process-templates.service';
import { ProcessTemplatesController } from './process-templates.controller';
import { ProcessesController } from './processes.controller';

/**
 * The municipality's documented processes on the tickets' deadline machinery: multi-step
 * templates whose steps each run a clock, and the mayor's appointments. MunicipalityModule is
 * imported so its data (the departments templates name) loads before the shipped templates.
 */
@Module({
  imports: [
    TypeOrmModule.forFeature([ProcessTemplate, ProcessInstance, ProcessStep, ProcessEvent, Appointment, AppointmentSlot]),
    AuthModule,
    CitizensModule,
    DepartmentsModule,
    MunicipalityModule,
    NotificationsModule,
    SlaModule,
    TicketsModule,
  ],
  controllers: [ProcessTemplatesController, ProcessesController, AppointmentsController],
  providers: [
    ProcessTemplates,
    ProcessTemplateSeeder,
    ProcessRunner,
    ProcessQueries,
    ProcessReports,
    ProcessEscalations,
    Appointments,
    AppointmentBooking,
    AppointmentDecisions,
    AppointmentNotices,
    AppointmentOffice,
  ],
})
export class ProcessesModule {}
