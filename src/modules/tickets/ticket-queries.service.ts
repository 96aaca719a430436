import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository, SelectQueryBuilder } from 'typeorm';
import { cappedPageOf, Clock, InvalidFieldException, Page } from '@app/common';
import { AppConfig } from '@app/config';
import { departmentScope, hidesApplicant, OPEN_STATUSES, splitAttributeFilter, StaffPrincipal, STATUS_LABELS, TicketKind } from '@app/domain';
import { User } from '../auth';
import { Category } from '../categories';
import { Citizen, CitizensService } from '../citizens';
import { Department } from '../departments';
import { MediaStore } from '../media';
import { Mahalle } from '../neighbourhoods';
import { ListTicketsDto } from './dto/list-tickets.dto';
import { applyScope, assertVisible } from './ticket-access';
import { attachmentView } from './ticket-attachments';
import { afterCursor, cursorValueSql, encodeCursor, readCursor } from './ticket-cursor';
import { applySearch } from './ticket-search';
import { DEFAULT_TICKET_SORT, orderOf, TicketSort } from './ticket-sorts';
import { TicketDeadlines } from './ticket-deadlines.service';
import { TicketEvent } from './ticket-event.entity';
import { eventView, LoadedTicket, ticketView, TicketView } from './ticket-view';
import { Ticket } from './ticket.entity';

export interface Applicant {
  ticketId: string;
  citizenId: string;
  channel: string;
  name: string | null;
  phone: string | null;
  email: string | null;
}

export interface TicketSummaryRow {
  department: { id: string; name: string } | null;
  category: { id: string; name: string } | null;
  open: number;
  overdue: number;
  answered: number;
}

/**
 * Where the count of a word search stops (`1.000+ başvuru bulundu`): each match counted is a row
 * read; a word in one ticket of twelve took 287 / 993 ms a page (executive / department manager,
 * 1,000,000 tickets, a loaded machine), most of it counting to 10,000.
 */
export const TEXT_SEARCH_COUNT_LIMIT = 1_000;

/** A page of the list, with where the next one starts (`after`), or null when this is the last. */
export interface TicketPage extends Page<TicketView> {
  nextCursor: string | null;
}

/** One of a citizen's tickets, as the citizen's panel lists them. */
export interface CitizenTicketRow {
  id: string;
  trackingNo: string;
  subject: string;
  status: string;
  statusLabel: string;
  channel: string;
  createdAt: Date;
  department: { id: string; name: string } | null;
  overdue: boolean;
}

/** The most tickets of one citizen a panel lists (newest first). */
export const CITIZEN_TICKETS_LIMIT = 50;

@Injectable()
export class TicketQueries {
  constructor(
    @InjectRepository(Ticket) private readonly tickets: Repository<Ticket>,
    @InjectRepository(TicketEvent) private readonly events: Repository<TicketEvent>,
    private readonly deadlines: TicketDeadlines,
    private readonly clock: Clock,
    private readonly citizens: CitizensService,
    private readonly media: MediaStore,
    private readonly config: AppConfig,
  ) {}

  async list(user: StaffPrincipal, query: ListTicketsDto): Promise<TicketPage> {
    const qb = this.tickets.createQueryBuilder('t');
    applyScope(qb, 't', user);
    if (query.status?.length) qb.andWhere('t.status IN (:...status)', { status: query.status });
    const equals = {
      departmentId: 'department_id',
      categoryId: 'category_id',
      mahalleId: 'mahalle_id',
      assigneeId: 'assignee_id',
      channel: 'channel',
      kind: 'kind',
    } as const;
    for (const [field, column] of Object.entries(equals)) {
      const value = query[field as keyof typeof equals];
      if (value !== undefined) qb.andWhere(`t.${column} = :${field}`, { [field]: value });
    }
    if (query.attribute) {
      const [code, value] = splitAttributeFilter(query.attribute);
      qb.andWhere(
        `(t.attributes ->> :attrCode = :attrValue OR (jsonb_typeof(t.attributes -> :attrCode) = 'array' AND t.attributes -> :attrCode ? :attrValue))`,
        { attrCode: code, attrValue: value },
      );
    }
    if (query.from) qb.andWhere('t.created_at >= :from', { from: query.from });
    if (query.to) qb.andWhere('t.created_at < :to', { to: query.to });
    if (query.overdue !== undefined) {
      const overdue = 't.status IN (:...open) AND COALESCE(t.resolution_due_at < :now, false)';
      qb.andWhere(query.overdue ? overdue : `NOT (${overdue})`, { open: OPEN_STATUSES, now: this.clock.now() });
    }
    if (query.triage !== undefined) qb.andWhere('t.triage = :triage', { triage: query.triage });
    if (query.needsReview !== undefined) qb.andWhere('t.needs_review = :needsReview', { needsReview: query.needsReview });
    if (query.mine) qb.andWhere('t.assignee_id = :me', { me: user.id });
    if (query.unassigned) qb.andWhere('t.assignee_id IS NULL');
    if (query.duplicate !== undefined) {
      const open = `EXISTS (SELECT 1 FROM duplicate_suspicions s WHERE s.state = 'open' AND (s.ticket_id = t.id OR s.original_id = t.id))`;
      qb.andWhere(query.duplicate ? open : `NOT ${open}`);
    }
    const searched = query.q ? await applySearch(qb, user, query.q, (term) => this.citizens.idsMatching(term)) : null;
    const sort = (query.sort ?? DEFAULT_TICKET_SORT) as TicketSort;
    const order = orderOf(sort);
    // The count stops one past the bound (`10.000+` on screen): counting every visible ticket of
    // millions took a second. It is taken before the names are joined: PostgreSQL 15 drops the
    // unused joins but still wants their columns from the ticket, so the count could not be read
    // from an index alone (172 ms instead of 10 for the open statuses at a million). It counts the
    // whole filter, not what follows the cursor, so a cursor page says the same total. Words are
    // matched on the ticket's own text, so each counted match is a row read: their count stops sooner.
    const limit = Math.min(this.config.TICKET_LIST_COUNT_LIMIT, searched === 'text' ? TEXT_SEARCH_COUNT_LIMIT : Infinity);
    const [countSql, countParams] = qb
      .clone()
      .select('1')
      .limit(limit + 1)
      .getQueryAndParameters();
    // Every join is to one row (names of the ticket's department, category, …), so a page is a plain
    // LIMIT the planner takes from the sort's index; skip/take would wrap the whole join in a
    // DISTINCT and sort every visible ticket (seconds at millions).
    this.withNames(qb);
    if (query.after !== undefined) {
      const read = readCursor(query.after, sort, order);
      if ('problem' in read) throw new InvalidFieldException('after', read.problem);
      const [condition, params] = afterCursor(order, read.cursor);
      qb.andWhere(condition, params);
    } else qb.offset((query.page - 1) * query.pageSize);
    // Only the due date can be null: `NULLS LAST` on a NOT NULL column would match no index. One row
    // more than the page says whether there is a next one; the sort's value is read as text, to
    // the microsecond, for the cursor.
    qb.addSelect(cursorValueSql(order), 'cursor_value')
      .orderBy(order.column, order.direction, order.nullable ? 'NULLS LAST' : undefined)
      .addOrderBy('t.id', order.direction)
      .limit(query.pageSize + 1);
    const [{ entities, raw }, [counted]] = await Promise.all([
      qb.getRawAndEntities<{ t_id: string; cursor_value: string | null }>(),
      this.tickets.query(`SELECT count(*)::int AS total FROM (${countSql}) matching`, countParams) as Promise<{ total: number }[]>,
    ]);
    const rows = entities.slice(0, query.pageSize);
    const last = rows.length < entities.length ? rows[rows.length - 1] : undefined;
    const lastValue = last && raw.find((r) => r.t_id === last.id)!.cursor_value;
    const now = this.clock.now();
    return {
      ...cappedPageOf(
        rows.map((t) => ticketView(t, now, user)),
        counted.total,
        limit,
        query,
      ),
      nextCursor: last ? encodeCursor({ sort, value: lastValue ?? null, id: last.id }) : null,
    };
  }

  /** Counts per department and category of the tickets the user may see; answered = ever answered. */
  async summary(user: StaffPrincipal): Promise<TicketSummaryRow[]> {
    const qb = this.tickets
      .createQueryBuilder('t')
      .leftJoin(Department, 'd', 'd.id = t.department_id')
      .leftJoin(Category, 'c', 'c.id = t.category_id')
      .select(['d.id AS "departmentId"', 'd.name AS "departmentName"', 'c.id AS "categoryId"', 'c.name AS "categoryName"'])
      .addSelect('COUNT(*) FILTER (WHERE t.status IN (:...open))::int', 'open')
      .addSelect('COUNT(*) FILTER (WHERE t.status IN (:...open) AND t.resolution_due_at < :now)::int', 'overdue')
      .addSelect('COUNT(*) FILTER (WHERE t.answered_at IS NOT NULL)::int', 'answered')
      .setParameters({ open: OPEN_STATUSES, now: this.clock.now() })
      .groupBy('d.id, d.name, c.id, c.name')
      .orderBy('d.name', 'ASC', 'NULLS FIRST')
      .addOrderBy('c.name', 'ASC', 'NULLS FIRST');
    applyScope(qb, 't', user);
    const rows: Record<string, string | number | null>[] = await qb.getRawMany();
    return rows.map((r) => ({
      department: r.departmentId ? { id: String(r.departmentId), name: String(r.departmentName) } : null,
      category: r.categoryId ? { id: String(r.categoryId), name: String(r.categoryName) } : null,
      open: Number(r.open),
      overdue: Number(r.overdue),
      answered: Number(r.answered),
    }));
  }

  /** Unscoped: only for the ticket a caller has just written. */
  async load(id: string): Promise<LoadedTicket> {
    return (await this.withNames(this.tickets.createQueryBuilder('t')).where('t.id = :id', { id }).getOne())!;
  }

  /** A ticket the user may see, or 404. */
  async getVisible(user: StaffPrincipal, id: string): Promise<LoadedTicket> {
    const qb = this.withNames(this.tickets.createQueryBuilder('t')).where('t.id = :id', { id });
    return assertVisible(await qb.getOne(), user);
  }

  /** Whether the user may read this ticket (a scope check, nothing loaded). */
  async isVisible(user: StaffPrincipal, id: string): Promise<boolean> {
    const qb = this.tickets.createQueryBuilder('t').where('t.id = :id', { id });
    applyScope(qb, 't', user);
    return qb.getExists();
  }

  /**
   * The applicant of a ticket the user may see, as the ticket gave them (another module's record
   * pointing at the ticket copies this, never the citizen's record), or null when not visible.
   */
  async applicant(user: StaffPrincipal, id: string): Promise<Applicant | null> {
    const qb = this.tickets
      .createQueryBuilder('t')
      .select(['t.id', 't.citizenId', 't.channel', 't.kind', 't.contactName', 't.contactPhone', 't.contactEmail'])
      .where('t.id = :id', { id });
    applyScope(qb, 't', user);
    const ticket = await qb.getOne();
    if (!ticket) return null;
    // An informant's contact is copied nowhere (an appointment, a muhtar link would show it).
    const hidden = hidesApplicant(ticket.kind);
    return {
      ticketId: ticket.id,
      citizenId: ticket.citizenId,
      channel: ticket.channel,
      name: hidden ? null : ticket.contactName,
      phone: hidden ? null : ticket.contactPhone,
      email: hidden ? null : ticket.contactEmail,
    };
  }

  /**
   * A citizen's tickets as the user may see them, newest first: a department's only, and never an
   * ihbar (listing it under the citizen would name the informant).
   */
  async ofCitizen(user: StaffPrincipal, citizenId: string): Promise<CitizenTicketRow[]> {
    const qb = this.tickets
      .createQueryBuilder('t')
      .leftJoinAndMapOne('t.department', Department, 'department', 'department.id = t.department_id')
      .where('t.citizen_id = :citizenId', { citizenId })
      .andWhere('t.kind <> :informantKind', { informantKind: TicketKind.Ihbar })
      .orderBy('t.created_at', 'DESC')
      .addOrderBy('t.id', 'ASC')
      .take(CITIZEN_TICKETS_LIMIT);
    applyScope(qb, 't', user);
    const now = this.clock.now().getTime();
    return (await qb.getMany()).map((t) => ({
      id: t.id,
      trackingNo: t.trackingNo,
      subject: t.subject,
      status: t.status,
      statusLabel: STATUS_LABELS[t.status],
      channel: t.channel,
      createdAt: t.createdAt,
      department: t.department ? { id: t.department.id, name: t.department.name } : null,
      overdue: OPEN_STATUSES.includes(t.status) && !!t.resolutionDueAt && t.resolutionDueAt.getTime() < now,
    }));
  }

  async detail(user: StaffPrincipal, id: string) {
    const ticket = await this.getVisible(user, id);
    const [timeline, deadline, duplicates, files] = await Promise.all([
      this.events.find({ where: { ticketId: id }, order: { seq: 'ASC' } }),
      this.deadlines.state(ticket.id),
      // A department is shown only the look-alikes it may open itself.
      this.tickets.query(
        `SELECT s.reason, s.state, o.id, o.tracking_no AS "trackingNo", o.status
           FROM duplicate_suspicions s JOIN tickets o ON o.id = CASE WHEN s.ticket_id = $1 THEN s.original_id ELSE s.ticket_id END
          WHERE (s.ticket_id = $1 OR s.original_id = $1) AND s.state = 'open' AND (NOT $2::boolean OR o.department_id = $3::uuid)`,
        [id, departmentScope(user) !== undefined, departmentScope(user) ?? null],
      ),
      this.media.ofTicket(id),
    ]);
    return {
      ...ticketView(ticket, this.clock.now(), user),
      deadline,
      duplicates,
      attachments: files.map(attachmentView),
      timeline: timeline.map(eventView),
    };
  }

  view(ticket: LoadedTicket, viewer: StaffPrincipal): TicketView {
    return ticketView(ticket, this.clock.now(), viewer);
  }

  private withNames(qb: SelectQueryBuilder<Ticket>): SelectQueryBuilder<Ticket> {
    return qb
      .leftJoinAndMapOne('t.category', Category, 'category', 'category.id = t.category_id')
      .leftJoinAndMapOne('t.department', Department, 'department', 'department.id = t.department_id')
      .leftJoinAndMapOne('t.mahalle', Mahalle, 'mahalle', 'mahalle.id = t.mahalle_id')
      .leftJoinAndMapOne('t.citizen', Citizen, 'citizen', 'citizen.id = t.citizen_id')
      .leftJoinAndMapOne('t.assignee', User, 'assignee', 'assignee.id = t.assignee_id');
  }
}
