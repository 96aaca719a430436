import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { IntakeMetrics } from './intake.metrics';
import { CategoriesModule } from '../categories';
import { CitizensModule } from '../citizens';
import { ClassifierModule } from '../classifier';
import { NeighbourhoodsModule } from '../neighbourhoods';
import { RoutingModule } from '../routing';
import { NotificationsModule } from '../notifications';
import { TicketsModule } from '../tickets';
import { CategoriserService } from './categoriser.service';
import { EventFiling } from './filing/event-filing.service';
import { FilingHooks } from './filing/filing-hooks';
import { InboundEvent } from './inbound-event.entity';
import { InboundEventsController } from './inbound-events.controller';
import { IntakeController } from './intake.controller';
import { IntakeService } from './pipeline/intake.service';
import { ReplyClaims } from './filing/reply-claims';
import { IntakeSweeper } from './pipeline/intake.sweeper';
import { IntakeFiling } from './filing/intake-filing';
import { IntakeBatchRunner } from './pipeline/batch-runner';
import { ProcessEventProcessor } from './process-event.processor';
import { Threading } from './filing/threading.service';

@Module({
  imports: [
    TypeOrmModule.forFeature([InboundEvent]),
    CategoriesModule,
    CitizensModule,
    ClassifierModule,
    NeighbourhoodsModule,
    NotificationsModule,
    TicketsModule,
    RoutingModule,
  ],
  controllers: [IntakeController, InboundEventsController],
  providers: [
    IntakeMetrics,
    IntakeService,
    ReplyClaims,
    IntakeSweeper,
    EventFiling,
    FilingHooks,
    ProcessEventProcessor,
    IntakeBatchRunner,
    IntakeFiling,
    Threading,
    CategoriserService,
  ],
  exports: [IntakeService, FilingHooks, ReplyClaims],
})
export class IntakeModule {}
