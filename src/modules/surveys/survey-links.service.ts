import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AppConfig } from '@app/config';
import { Clock } from '@app/common';
import { LivePublisher } from '../live';
import { TicketFeedback } from '../tickets';
import { SurveyAnswerDto } from './dto/survey-answer.dto';
import { SurveyErrorCode, SurveyException } from './survey-errors';
import { SurveyAnswers } from './survey-answers.service';
import { TicketSurvey } from './ticket-survey.entity';

// What randomBytes(18).toString('base64url') gives; anything else is not looked up.
const TOKEN = /^[A-Za-z0-9_-]{24}$/;

export interface SurveyLinkView {
  trackingNo: string;
  answered: boolean;
  score: number | null;
  solved: boolean | null;
  reopened: boolean;
}

/** The /anket/<token> link: the token is the only key (no login), so it is long and random. */
@Injectable()
export class SurveyLinks {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly answers: SurveyAnswers,
    private readonly tickets: TicketFeedback,
    private readonly live: LivePublisher,
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  async show(token: string): Promise<SurveyLinkView> {
    const survey = await this.find(this.dataSource.manager, token, false);
    return this.view(survey, await this.trackingNo(survey));
  }

  /** Records the answer once; a second one is refused (409) rather than overwriting the first. */
  async answer(token: string, dto: SurveyAnswerDto): Promise<SurveyLinkView> {
    const outcome = await this.dataSource.transaction(async (manager) => {
      const survey = await this.find(manager, token, true);
      if (survey.answeredAt) throw new SurveyException(SurveyErrorCode.AlreadyAnswered, 'Bu anket daha önce yanıtlandı; teşekkür ederiz');
      const validUntil = survey.askedAt.getTime() + this.config.SURVEY_LINK_VALID_DAYS * 86_400_000;
      if (this.clock.now().getTime() > validUntil) throw new SurveyException(SurveyErrorCode.Expired, 'Bu anketin süresi doldu');
      const comment = dto.comment?.trim() || null;
      return this.answers.record(manager, survey, { score: dto.score, solved: dto.solved ?? null, comment }, 'link');
    });
    if (!outcome) throw new SurveyException(SurveyErrorCode.NotFound, 'Anket bulunamadı');
    if (outcome.reopened) await this.live.publish(outcome.reopened, 'updated');
    return this.view(outcome.survey, await this.trackingNo(outcome.survey));
  }

  async exists(token: string): Promise<boolean> {
    return TOKEN.test(token) && (await this.dataSource.manager.existsBy(TicketSurvey, { token }));
  }

  private async find(manager: EntityManager, token: string, lock: boolean): Promise<TicketSurvey> {
    const survey = TOKEN.test(token)
      ? await manager.findOne(TicketSurvey, { where: { token }, ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}) })
      : null;
    if (!survey) throw new SurveyException(SurveyErrorCode.NotFound, 'Anket bulunamadı');
    return survey;
  }

  private async trackingNo(survey: TicketSurvey): Promise<string> {
    return (await this.tickets.trackingNo(this.dataSource.manager, survey.ticketId))!;
  }

  private view(survey: TicketSurvey, trackingNo: string): SurveyLinkView {
    return { trackingNo, answered: survey.answeredAt !== null, score: survey.score, solved: survey.solved, reopened: survey.reopened };
  }
}
