import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../audit';
import { AuthModule } from '../auth';
import { DepartmentsModule } from '../departments';
import { NotificationsModule } from '../notifications';
import { BusinessCalendarService } from './business-calendar.service';
import { CalendarController } from './calendar.controller';
import { CalendarOverride } from './calendar-override.entity';
import { DeadlinePoliciesController } from './deadline-policies.controller';
import { DeadlinePoliciesService } from './deadline-policies.service';
import { DeadlinePolicy } from './deadline-policy.entity';
import { Escalation } from './escalation.entity';
import { EscalationSubjects } from './escalation-subjects';
import { EscalationSweeper } from './escalation.sweeper';
import { NotifyEscalationsProcessor } from './notify-escalations.processor';
import { SlaClock } from './sla-clock.entity';
import { SlaTimer } from './sla-timer.entity';
import { SlaClocks } from './sla-clocks.service';
import { SlaTicker } from './sla-ticker';

/** Deadlines: policies, the business calendar, the clocks with their escalation ladder and timer. */
@Module({
  imports: [
    TypeOrmModule.forFeature([DeadlinePolicy, CalendarOverride, SlaClock, SlaTimer, Escalation]),
    AuditModule,
    AuthModule,
    DepartmentsModule,
    NotificationsModule,
  ],
  controllers: [DeadlinePoliciesController, CalendarController],
  providers: [DeadlinePoliciesService, BusinessCalendarService, SlaClocks, EscalationSubjects, SlaTicker, EscalationSweeper, NotifyEscalationsProcessor],
  exports: [DeadlinePoliciesService, BusinessCalendarService, SlaClocks, EscalationSubjects],
})
export class SlaModule {}
