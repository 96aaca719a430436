import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CategoriesModule } from '../categories/categories.module';
import { CitizensModule } from '../citizens/citizens.module';
import { DepartmentsModule } from '../departments/departments.module';
import { MediaModule } from '../media/media.module';
import { NeighbourhoodsModule } from '../neighbourhoods/neighbourhoods.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { SlaModule } from '../sla/sla.module';
import { SurveysModule } from '../surveys/surveys.module';
import { DuplicateDetector } from './duplicate-detector.service';
import { DuplicateSuspicion } from './duplicate-suspicion.entity';
import { PublicStatusController } from './public-status.controller';
import { CategoryChanges } from './category-changes';
import { TicketInbox } from './ticket-inbox.service';
import { TicketJobs } from './ticket-jobs.service';
import { TicketLock } from './ticket-lock.service';
import { TicketActions } from './ticket-actions.service';
import { TicketCreation } from './ticket-creation.service';
import { TicketDeadlines } from './ticket-deadlines.service';
import { TicketEscalations } from './ticket-escalations';
import { TicketEvent } from './ticket-event.entity';
import { TicketQueries } from './ticket-queries.service';
import { TicketSequence } from './ticket-sequence.entity';
import { Ticket } from './ticket.entity';
import { TicketsController } from './tickets.controller';
import { TicketMediaController } from './ticket-media.controller';

@Module({
  imports: [
    TypeOrmModule.forFeature([Ticket, TicketEvent, TicketSequence, DuplicateSuspicion]),
    CategoriesModule,
    CitizensModule,
    DepartmentsModule,
    MediaModule,
    NeighbourhoodsModule,
    NotificationsModule,
    SlaModule,
    SurveysModule,
  ],
  controllers: [TicketsController, TicketMediaController, PublicStatusController],
  providers: [TicketCreation, TicketQueries, TicketActions, TicketLock, TicketInbox, TicketJobs, DuplicateDetector, TicketDeadlines, TicketEscalations, CategoryChanges],
  exports: [TicketQueries, TicketCreation, TicketJobs, DuplicateDetector, TicketDeadlines, CategoryChanges],
})
export class TicketsModule {}
