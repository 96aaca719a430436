import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CitizensModule } from '../citizens';
import { DepartmentsModule } from '../departments';
import { TicketsModule } from '../tickets';
import { CannedAnswer } from './canned-answer.entity';
import { CannedAnswers } from './canned-answers.service';
import { CitizenPanels } from './citizen-panels.service';
import { CannedAnswersController } from './canned-answers.controller';
import { CitizenPanelsController } from './citizen-panels.controller';
import { SavedViewsController } from './saved-views.controller';
import { SavedView } from './saved-view.entity';
import { SavedViews } from './saved-views.service';

/** The agent's desk: saved views of the list, the citizen's panel, hazır yanıtlar. */
@Module({
  imports: [TypeOrmModule.forFeature([SavedView, CannedAnswer]), CitizensModule, DepartmentsModule, TicketsModule],
  controllers: [SavedViewsController, CannedAnswersController, CitizenPanelsController],
  providers: [SavedViews, CannedAnswers, CitizenPanels],
})
export class DeskModule {}
