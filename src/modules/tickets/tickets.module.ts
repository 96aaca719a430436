import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../audit';
import { AuthModule } from '../auth';
import { CategoriesModule } from '../categories';
import { CitizensModule } from '../citizens';
import { DepartmentsModule } from '../departments';
import { MediaModule } from '../media';
import { NeighbourhoodsModule } from '../neighbourhoods';
import { NotificationsModule } from '../notifications';
import { SlaModule } from '../sla';
import { DuplicateDetector } from './duplicate-detector.service';
import { DuplicateSuspicion } from './duplicate-suspicion.entity';
import { PublicStatusController } from './public-status.controller';
import { CategoryChanges } from './category-changes';
import { TicketInbox } from './ticket-inbox.service';
import { TicketContacts } from './contact/ticket-contacts.service';
import { TicketJobs } from './ticket-jobs.service';
import { TicketLock } from './ticket-lock.service';
import { SearchIndexSweeper } from './search-index.sweeper';
import { TicketActions } from './ticket-actions.service';
import { TicketAnswers } from './ticket-answers.service';
import { TicketChangeHooks } from './ticket-change-hooks';
import { TicketCreation } from './ticket-creation.service';
import { TicketFeedback } from './ticket-feedback.service';
import { TicketDeadlines } from './ticket-deadlines.service';
import { TicketEscalations } from './ticket-escalations';
import { TicketEvent } from './ticket-event.entity';
import { TicketQueries } from './ticket-queries.service';
import { TicketSequence } from './ticket-sequence.entity';
import { Ticket } from './ticket.entity';
import { TicketsController } from './tickets.controller';
import { TicketUploadController } from './attachments/ticket-upload.controller';
import { TicketMediaController } from './ticket-media.controller';
import { TicketBulkController } from './ticket-bulk.controller';
import { TicketBulk } from './ticket-bulk.service';
import { CimerAnswer } from './cimer/cimer-answer.entity';
import { CimerApplication } from './cimer/cimer-application.entity';
import { CimerApplications } from './cimer/cimer-applications.service';
import { CimerController } from './cimer/cimer.controller';
import { FeeWithdrawalSweeper } from './information/fee-withdrawal.sweeper';
import { InformationController } from './information/information.controller';
import { InformationObjection } from './information/information-objection.entity';
import { InformationObjections } from './information/information-objections.service';
import { InformationRequest } from './information/information-request.entity';
import { InformationRequests } from './information/information-requests.service';

@Module({
  imports: [
    TypeOrmModule.forFeature([
      Ticket,
      TicketEvent,
      TicketSequence,
      DuplicateSuspicion,
      InformationRequest,
      InformationObjection,
      CimerApplication,
      CimerAnswer,
    ]),
    AuditModule,
    AuthModule,
    CategoriesModule,
    CitizensModule,
    DepartmentsModule,
    MediaModule,
    NeighbourhoodsModule,
    NotificationsModule,
    SlaModule,
  ],
  controllers: [
    TicketBulkController,
    TicketsController,
    TicketMediaController,
    TicketUploadController,
    PublicStatusController,
    InformationController,
    CimerController,
  ],
  providers: [
    TicketCreation,
    TicketQueries,
    TicketActions,
    TicketAnswers,
    TicketBulk,
    TicketLock,
    TicketInbox,
    TicketJobs,
    DuplicateDetector,
    TicketDeadlines,
    TicketEscalations,
    TicketChangeHooks,
    TicketFeedback,
    CategoryChanges,
    InformationRequests,
    InformationObjections,
    FeeWithdrawalSweeper,
    SearchIndexSweeper,
    CimerApplications,
    TicketContacts,
  ],
  exports: [
    TicketQueries,
    TicketAnswers,
    TicketContacts,
    TicketCreation,
    TicketJobs,
    DuplicateDetector,
    TicketDeadlines,
    TicketChangeHooks,
    TicketFeedback,
    CategoryChanges,
  ],
})
export class TicketsModule {}
