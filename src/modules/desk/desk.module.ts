import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../audit';
import { CategoriesModule } from '../categories';
import { CitizensModule } from '../citizens';
import { DepartmentsModule } from '../departments';
import { TicketsModule } from '../tickets';
import { CannedAnswer } from './canned-answer.entity';
import { CannedAnswers } from './canned-answers.service';
import { CitizenPanels } from './citizen-panels.service';
import { CannedAnswersController } from './canned-answers.controller';
import { CitizenPanelsController } from './citizen-panels.controller';
import { KnowledgeAnswer } from './knowledge/knowledge-answer.entity';
import { KnowledgeArticle } from './knowledge/knowledge-article.entity';
import { KnowledgeArticlesController } from './knowledge/knowledge-articles.controller';
import { KnowledgeArticles } from './knowledge/knowledge-articles.service';
import { SavedViewsController } from './saved-views.controller';
import { SavedView } from './saved-view.entity';
import { SavedViews } from './saved-views.service';

/** The agent's desk: saved views of the list, the citizen's panel, hazır yanıtlar, the bilgi bankası. */
@Module({
  imports: [
    TypeOrmModule.forFeature([SavedView, CannedAnswer, KnowledgeArticle, KnowledgeAnswer]),
    AuditModule,
    CategoriesModule,
    CitizensModule,
    DepartmentsModule,
    TicketsModule,
  ],
  controllers: [SavedViewsController, CannedAnswersController, KnowledgeArticlesController, CitizenPanelsController],
  providers: [SavedViews, CannedAnswers, KnowledgeArticles, CitizenPanels],
})
export class DeskModule {}
