import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { BusinessCalendarService } from './business-calendar.service';
import { CalendarController } from './calendar.controller';
import { CalendarOverride } from './calendar-override.entity';
import { DeadlinePoliciesController } from './deadline-policies.controller';
import { DeadlinePoliciesService } from './deadline-policies.service';
import { DeadlinePolicy } from './deadline-policy.entity';

@Module({
  imports: [TypeOrmModule.forFeature([DeadlinePolicy, CalendarOverride])],
  controllers: [DeadlinePoliciesController, CalendarController],
  providers: [DeadlinePoliciesService, BusinessCalendarService],
  exports: [DeadlinePoliciesService, BusinessCalendarService],
})
export class SlaModule {}
