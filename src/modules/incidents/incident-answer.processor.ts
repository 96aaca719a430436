import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AppConfig } from '@app/config';
import { Clock } from '@app/common';
import { IncidentJob, JobHandler, QueueName } from '@app/queue';
import { Role, StaffPrincipal } from '@app/domain';
import { TicketAnswers } from '../tickets';
import { IncidentTicket } from './incident-ticket.entity';
import { Incident } from './incident.entity';

/**
 * Answers every ticket linked to an answered incident, each in its own transaction with its
 * citizen's message in the outbox. The n-th ticket's message waits n / INCIDENT_NOTICES_PER_MINUTE
 * minutes from the answer, so hundreds of notices go out within the providers' rate limits; the
 * wait and the message's dedupe key (answered-<ticket>-incident-<incident>) depend only on the
 * incident and the link order, so a retried or repeated job writes no second message and moves
 * none. A ticket no longer open (answered by hand, or by an earlier run) is left as it is.
 */
@Injectable()
export class IncidentAnswerProcessor {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly tickets: TicketAnswers,
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  @JobHandler(QueueName.Notify, 'answer-incident')
  async handle({ incidentId }: IncidentJob): Promise<{ answered: number }> {
    const incident = await this.dataSource.getRepository(Incident).findOneBy({ id: incidentId });
    if (!incident?.answeredAt || !incident.answerText) return { answered: 0 };
    const links = await this.dataSource.getRepository(IncidentTicket).find({ where: { incidentId }, order: { linkedAt: 'ASC', ticketId: 'ASC' } });
    // The timeline names who answered the incident; the job acts for them, across departments.
    const by: StaffPrincipal = { id: incident.answeredById!, username: '', fullName: incident.answeredByName ?? '', role: Role.Admin, departmentId: null };
    const perMinute = this.config.INCIDENT_NOTICES_PER_MINUTE;
    let answered = 0;
    for (const [n, link] of links.entries()) {
      const notBefore = new Date(incident.answeredAt.getTime() + Math.floor(n / perMinute) * 60_000);
      const done = await this.tickets.answerOnBehalf(by, link.ticketId, {
        text: incident.answerText,
        cause: `incident-${incident.id}`,
        data: { incidentId: incident.id, incidentTitle: incident.title },
        notBefore,
        version: null,
      });
      if (done) answered++;
    }
    await this.dataSource.getRepository(Incident).update({ id: incidentId }, { answersDoneAt: this.clock.now() });
    return { answered };
  }
}
