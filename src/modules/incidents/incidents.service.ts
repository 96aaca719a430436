import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import { Clock, foldTurkish, InvalidFieldException, ResourceNotFoundException, withTimeout } from '@app/common';
import { departmentScope, OPEN_STATUSES, StaffPrincipal, TicketStatus } from '@app/domain';
import { InjectJobQueue, JobQueue, QueueName } from '@app/queue';
import { CategoriesService } from '../categories';
import { NeighbourhoodsService } from '../neighbourhoods';
import { Ticket } from '../tickets';
import { AnswerIncidentDto, CreateIncidentDto, LinkTicketsDto, ListIncidentsDto, UpdateIncidentDto } from './dto/incident.dto';
import { IncidentAnsweredException } from './incident-errors';
import { incidentsMatching, SuggestedTicket, suggestionsFor } from './incident-matches';
import { IncidentTicket } from './incident-ticket.entity';
import { incidentJobId } from './incidents.sweeper';
import { Incident } from './incident.entity';

export interface IncidentSummary {
  id: string;
  title: string;
  category: { id: string; name: string };
  department: { id: string; name: string };
  startsAt: Date;
  endsAt: Date | null;
  answeredAt: Date | null;
  linked: number;
}

export interface IncidentDetail extends IncidentSummary {
  description: string;
  mahalleIds: string[];
  answerText: string | null;
  answeredByName: string | null;
  tickets: (SuggestedTicket & { linkedAt: Date })[];
}

/** How far back an incident looks for its first reports when staff give no start. */
const DEFAULT_LOOKBACK_MS = 24 * 3600_000;

/**
 * Incidents: staff open one for what many report, link the reports (and are offered the new ones
 * that match), and answer it once — the `answer-incident` job then answers every linked ticket.
 * A department's staff see and change their own department's incidents only; to them another's
 * does not exist.
 */
@Injectable()
export class Incidents {
  private readonly logger = new Logger(Incidents.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectJobQueue(QueueName.Notify) private readonly queue: JobQueue<QueueName.Notify>,
    private readonly categories: CategoriesService,
    private readonly neighbourhoods: NeighbourhoodsService,
    private readonly clock: Clock,
  ) {}

  async list(user: StaffPrincipal, query: ListIncidentsDto): Promise<IncidentSummary[]> {
    const scope = departmentScope(user);
    const qb = this.dataSource
      .getRepository(Incident)
      .createQueryBuilder('i')
      .leftJoinAndSelect('i.category', 'category')
      .leftJoinAndSelect('i.department', 'department')
      .orderBy('i.created_at', 'DESC')
      .limit(200);
    if (scope === null) qb.andWhere('false');
    else if (scope !== undefined) qb.andWhere('i.department_id = :scope', { scope });
    if (query.state) qb.andWhere(query.state === 'open' ? 'i.answered_at IS NULL' : 'i.answered_at IS NOT NULL');
    const incidents = await qb.getMany();
    const counts: { incident_id: string; n: string }[] = incidents.length
      ? await this.dataSource.query(`SELECT incident_id, count(*) AS n FROM incident_tickets WHERE incident_id = ANY($1::uuid[]) GROUP BY 1`, [
          incidents.map((i) => i.id),
        ])
      : [];
    return incidents.map((i) => summaryOf(i, Number(counts.find((c) => c.incident_id === i.id)?.n ?? 0)));
  }

  async get(user: StaffPrincipal, id: string): Promise<IncidentDetail> {
    const incident = await this.visible(this.dataSource.manager, user, id);
    const tickets: IncidentDetail['tickets'] = await this.dataSource.query(
      `SELECT t.id, t.tracking_no AS "trackingNo", t.subject, t.status, m.name AS mahalle, t.created_at AS "createdAt", l.linked_at AS "linkedAt"
         FROM incident_tickets l JOIN tickets t ON t.id = l.ticket_id LEFT JOIN mahalleler m ON m.id = t.mahalle_id
        WHERE l.incident_id = $1 ORDER BY l.linked_at, l.ticket_id`,
      [id],
    );
    return {
      ...summaryOf(incident, tickets.length),
      description: incident.description,
      mahalleIds: incident.mahalleIds,
      answerText: incident.answerText,
      answeredByName: incident.answeredByName,
      tickets,
    };
  }

  async create(user: StaffPrincipal, dto: CreateIncidentDto): Promise<IncidentDetail> {
    const category = await this.categories.requireActive(dto.categoryId, 'categoryId');
    const departmentId = category.defaultDepartmentId;
    const scope = departmentScope(user);
    if (!departmentId || (scope !== undefined && scope !== departmentId)) {
      throw new InvalidFieldException('categoryId', 'categoryId: biriminizin kategorilerinden biri olmalı');
    }
    const now = this.clock.now();
    const mahalleIds = await this.knownMahalleler(dto.mahalleIds ?? []);
    const startsAt = dto.startsAt ? new Date(dto.startsAt) : new Date(now.getTime() - DEFAULT_LOOKBACK_MS);
    const endsAt = dto.endsAt ? new Date(dto.endsAt) : null;
    assertWindow(startsAt, endsAt);
    const saved = await this.dataSource.getRepository(Incident).save({
      title: dto.title,
      description: dto.description,
      searchText: foldTurkish(`${dto.title} ${dto.description}`),
      categoryId: category.id,
      departmentId,
      mahalleIds,
      startsAt,
      endsAt,
      createdById: user.id,
    });
    return this.get(user, saved.id);
  }

  /** Its wording, mahalleler and time window while open: the suggestions follow; linked reports stay linked. */
  async update(user: StaffPrincipal, id: string, dto: UpdateIncidentDto): Promise<IncidentDetail> {
    await this.dataSource.transaction(async (manager) => {
      const incident = await this.visible(manager, user, id, true);
      if (incident.answeredAt) throw new IncidentAnsweredException();
      const title = dto.title ?? incident.title;
      const description = dto.description ?? incident.description;
      const startsAt = dto.startsAt ? new Date(dto.startsAt) : incident.startsAt;
      const endsAt = dto.endsAt === undefined ? incident.endsAt : dto.endsAt ? new Date(dto.endsAt) : null;
      assertWindow(startsAt, endsAt);
      const mahalleIds = dto.mahalleIds ? await this.knownMahalleler(dto.mahalleIds, incident.mahalleIds, manager) : incident.mahalleIds;
      await manager.update(Incident, { id }, { title, description, searchText: foldTurkish(`${title} ${description}`), mahalleIds, startsAt, endsAt });
    });
    return this.get(user, id);
  }

  /** Links reports the user may see that are still open; one already in an incident stays where it is. */
  async link(user: StaffPrincipal, id: string, dto: LinkTicketsDto): Promise<IncidentDetail> {
    await this.dataSource.transaction(async (manager) => {
      const incident = await this.visible(manager, user, id, true);
      if (incident.answeredAt) throw new IncidentAnsweredException();
      const ids = [...new Set(dto.ticketIds)];
      const tickets = await manager.query(`SELECT id, department_id AS "departmentId", status FROM tickets WHERE id = ANY($1::uuid[])`, [ids]);
      const scope = departmentScope(user);
      const usable = (t: Pick<Ticket, 'departmentId' | 'status'>) =>
        (scope === undefined || t.departmentId === scope) && OPEN_STATUSES.includes(t.status as TicketStatus);
      if (tickets.length !== ids.length || !tickets.every(usable)) {
        throw new InvalidFieldException('ticketIds', 'ticketIds: bağlanabilecek açık başvurular olmalı');
      }
      await manager
        .createQueryBuilder()
        .insert()
        .into(IncidentTicket)
        .values(ids.map((ticketId) => ({ ticketId, incidentId: id, linkedById: user.id })))
        .orIgnore()
        .execute();
    });
    return this.get(user, id);
  }

  async unlink(user: StaffPrincipal, id: string, ticketId: string): Promise<void> {
    const incident = await this.visible(this.dataSource.manager, user, id);
    if (incident.answeredAt) throw new IncidentAnsweredException();
    const { affected } = await this.dataSource.getRepository(IncidentTicket).delete({ incidentId: id, ticketId });
    if (!affected) throw new ResourceNotFoundException('Bağlı başvuru');
  }

  async suggestions(user: StaffPrincipal, id: string): Promise<SuggestedTicket[]> {
    await this.visible(this.dataSource.manager, user, id);
    return suggestionsFor(this.dataSource.manager, id);
  }

  /** The open incidents of the user's reach that a ticket looks like part of (the ticket page offers them). */
  async matching(user: StaffPrincipal, ticketId: string): Promise<{ id: string; title: string }[]> {
    const scope = departmentScope(user);
    const found = await incidentsMatching(this.dataSource.manager, ticketId);
    if (scope === undefined) return found;
    const own = found.length ? await this.dataSource.getRepository(Incident).findBy({ id: In(found.map((i) => i.id)) }) : [];
    return found.filter((i) => own.some((o) => o.id === i.id && o.departmentId === scope));
  }

  /**
   * The one answer, written once (a second is refused: its notices went out); the job then answers
   * every linked ticket. The job's id is the incident's, so a double submit adds it once.
   */
  async answer(user: StaffPrincipal, id: string, dto: AnswerIncidentDto): Promise<IncidentDetail> {
    await this.dataSource.transaction(async (manager) => {
      const incident = await this.visible(manager, user, id, true);
      if (incident.answeredAt) throw new IncidentAnsweredException();
      await manager.update(Incident, { id }, { answerText: dto.text, answeredAt: this.clock.now(), answeredById: user.id, answeredByName: user.fullName });
    });
    await this.enqueue(id);
    return this.get(user, id);
  }

  /** The ids without repeats, each an active mahalle (or one the incident already had: it may have been closed since). */
  private async knownMahalleler(ids: string[], had: string[] = [], manager = this.dataSource.manager): Promise<string[]> {
    const active = await this.neighbourhoods.cachedActiveIds(manager);
    if (ids.some((id) => !active.has(id) && !had.includes(id))) throw new InvalidFieldException('mahalleIds', 'mahalleIds: böyle bir mahalle yok');
    return [...new Set(ids)];
  }

  private async enqueue(id: string): Promise<void> {
    try {
      await withTimeout(this.queue.add('answer-incident', { incidentId: id }, { jobId: incidentJobId(id) }), 1000);
    } catch (error) {
      this.logger.warn({ msg: 'incident answer job not enqueued; the sweeper will retry', incidentId: id, error: (error as Error).message });
    }
  }

  private async visible(manager: EntityManager, user: StaffPrincipal, id: string, lock = false): Promise<Incident> {
    const incident = await manager.findOne(Incident, {
      where: { id },
      relations: lock ? undefined : { category: true, department: true },
      lock: lock ? { mode: 'pessimistic_write' } : undefined,
    });
    const scope = departmentScope(user);
    if (!incident || (scope !== undefined && incident.departmentId !== scope)) throw new ResourceNotFoundException('Olay');
    return incident;
  }
}

function assertWindow(startsAt: Date, endsAt: Date | null): void {
  if (endsAt && endsAt <= startsAt) throw new InvalidFieldException('endsAt', 'endsAt: olayın başlangıcından sonra olmalı');
}

function summaryOf(i: Incident, linked: number): IncidentSummary {
  return {
    id: i.id,
    title: i.title,
    category: { id: i.category!.id, name: i.category!.name },
    department: { id: i.department!.id, name: i.department!.name },
    startsAt: i.startsAt,
    endsAt: i.endsAt,
    answeredAt: i.answeredAt,
    linked,
  };
}
