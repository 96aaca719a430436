import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { IntakeModule } from '../intake';
import { NotificationsModule } from '../notifications';
import { TicketsModule } from '../tickets';
import { PublicSurveyController } from './public-survey.controller';
import { SurveyAnswers } from './survey-answers.service';
import { SurveyInvitations } from './survey-invitations.service';
import { SurveyLinks } from './survey-links.service';
import { SurveyPageController } from './survey-page.controller';
import { SurveyReports } from './survey-reports.service';
import { SurveyReportsController } from './survey-reports.controller';
import { TicketSurvey } from './ticket-survey.entity';

/** Satisfaction after a resolution: the question, the answer by reply or link, a reopen when it went badly, the figures for reports. */
@Module({
  imports: [TypeOrmModule.forFeature([TicketSurvey]), NotificationsModule, TicketsModule, IntakeModule],
  controllers: [PublicSurveyController, SurveyPageController, SurveyReportsController],
  providers: [SurveyInvitations, SurveyAnswers, SurveyLinks, SurveyReports],
})
export class SurveysModule {}
