import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CitizensModule } from '../citizens/citizens.module';
import { ClassifierModule } from '../classifier';
import { NeighbourhoodsModule } from '../neighbourhoods/neighbourhoods.module';
import { RoutingModule } from '../routing/routing.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { SurveysModule } from '../surveys/surveys.module';
import { TicketsModule } from '../tickets/tickets.module';
import { CategoriserService } from './categoriser.service';
import { EventFiling } from './event-filing.service';
import { FilingHooks } from './filing-hooks';
import { InboundEvent } from './inbound-event.entity';
import { InboundEventsController } from './inbound-events.controller';
import { IntakeController } from './intake.controller';
import { IntakeService } from './intake.service';
import { IntakeSweeper } from './intake.sweeper';
import { ProcessEventProcessor } from './process-event.processor';
import { Threading } from './threading.service';

@Module({
  imports: [TypeOrmModule.forFeature([InboundEvent]), CitizensModule, ClassifierModule, NeighbourhoodsModule, NotificationsModule, TicketsModule, RoutingModule, SurveysModule],
  controllers: [IntakeController, InboundEventsController],
  providers: [IntakeService, IntakeSweeper, EventFiling, FilingHooks, ProcessEventProcessor, Threading, CategoriserService],
  exports: [IntakeService, FilingHooks],
})
export class IntakeModule {}
