import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Clock, InvalidFieldException, istanbulYear, timeOrderedId } from '@app/common';
import {
  departmentScope,
  hidesApplicant,
  LegalBasis,
  OPEN_STATUSES,
  StaffPrincipal,
  TicketChannel,
  TicketKind,
  TicketPriority,
  TicketStatus,
} from '@app/domain';
import { CategoriesService, Category, checkFieldValues, FieldValues } from '../categories';
import { Citizen, CitizensService } from '../citizens';
import { DepartmentsService } from '../departments';
import { NeighbourhoodsService } from '../neighbourhoods';
import { BusinessCalendarService, ClockSubject, DeadlinePoliciesService, DeadlinePolicy, dueDatesFor, SlaClocks } from '../sla';
import { CreateTicketDto } from './dto/create-ticket.dto';
import { TicketFollowers } from '@app/domain';
import { TicketChangeHooks } from './ticket-change-hooks';
import { TicketJobs } from './ticket-jobs.service';
import { TicketEventType } from './ticket-event.entity';
import { Ticket } from './ticket.entity';
import { insertNumberedTickets, LinkedEntry, NumberedTicketRow } from './numbered-insert';
import { filledEntry, searchTextOf, TimelineEntry } from './timeline';

/** A ticket drafted in memory, with the deadline clock it starts when written. */
export interface TicketDraft extends NumberedTicketRow {
  clock: { policy: DeadlinePolicy; dueAt: Date } | null;
}

/** The name, phone and e-mail an application came with (what a department sees of its citizen). */
export interface TicketContact {
  name: string | null;
  phone: string | null;
  email: string | null;
}

/** What a new ticket needs once every reference has been checked. */
export interface NewTicket {
  channel: TicketChannel;
  kind?: TicketKind | null;
  category: Category | null;
  departmentId?: string | null;
  citizen: Citizen;
  /** What this application gave of the citizen; defaults to the citizen's record. */
  contact?: TicketContact;
  subject: string;
  description: string;
  /** The category's extra fields, already checked against it. */
  attributes?: FieldValues | null;
  mahalleId?: string | null;
  address?: string | null;
  latitude?: number | null;
  longitude?: number | null;
  legalBasis?: LegalBasis | null;
  externalRef?: string | null;
  priority?: TicketPriority | null;
  triage?: boolean;
  /** Extra facts for the first timeline entry (the inbound event, media, the categoriser's view). */
  eventData?: Record<string, unknown>;
  /** Chosen by the caller when something already points at the ticket (an inbound event). */
  id?: string;
  /** Where it goes, decided before the insert (routing at intake): ticket fields and their timeline entries. */
  placement?: { fields: Partial<Ticket>; events: TimelineEntry[] };
  /** A deadline set from outside that the law's may not pass (CİMER's): the earlier of the two is kept. */
  deadlineCap?: Date | null;
}

/** What a caller adds to a staff-opened ticket: an outside deadline, and rows of its own in the ticket's transaction. */
export interface CreationExtras {
  deadlineCap?: Date;
  inTransaction?: (manager: EntityManager, ticket: Ticket) => Promise<void>;
}

@Injectable()
export class TicketCreation {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly categories: CategoriesService,
    private readonly departments: DepartmentsService,
    private readonly mahalleler: NeighbourhoodsService,
    private readonly citizens: CitizensService,
    private readonly policies: DeadlinePoliciesService,
    private readonly calendar: BusinessCalendarService,
    private readonly clocks: SlaClocks,
    private readonly jobs: TicketJobs,
    private readonly hooks: TicketChangeHooks,
    private readonly clock: Clock,
  ) {}

  /**
   * Staff open a ticket for a citizen. Everything is checked before the transaction.
   * `placement` settles it at once (a question answered during the call).
   */
  async create(actor: StaffPrincipal, dto: CreateTicketDto, placement?: NewTicket['placement'], extras: CreationExtras = {}): Promise<Ticket> {
    const category = dto.categoryId ? await this.categories.requireActive(dto.categoryId, 'categoryId') : null;
    if (dto.departmentId) await this.departments.requireActive(dto.departmentId, 'departmentId');
    if (dto.mahalleId) await this.mahalleler.requireActive(dto.mahalleId, 'mahalleId');
    const attributes = checkFieldValues(category?.fields ?? [], dto.attributes, (code) => `attributes.${code}`);
    const { citizenOf, contact } = await this.citizenResolver(dto, actor);
    if (!dto.kind && !category) throw new InvalidFieldException('kind', 'kind: kategori seçilmediğinde başvuru türü gerekli');
    if (dto.channel === TicketChannel.Cimer && !dto.externalRef) {
      throw new InvalidFieldException('externalRef', 'externalRef: CİMER başvuru numarası gerekli');
    }
    if (dto.channel === TicketChannel.Muhtar && !dto.mahalleId) {
      throw new InvalidFieldException('mahalleId', 'mahalleId: muhtar başvurusunda mahalle gerekli');
    }
    const { citizen: _citizen, citizenId: _citizenId, categoryId: _categoryId, attributes: _given, ...fields } = dto;
    const ticket = await this.dataSource.transaction(async (manager) => {
      const input = { ...fields, attributes, category, citizen: await citizenOf(manager), contact, placement, deadlineCap: extras.deadlineCap };
      const inserted = await this.insert(manager, input, actor);
      await extras.inTransaction?.(manager, inserted);
      return inserted;
    });
    if (!ticket.routedAt && ticket.status === TicketStatus.New) await this.jobs.route(ticket);
    await this.hooks.afterCommit({ kind: 'created', ticket, before: null });
    return ticket;
  }

  /**
   * Writes the ticket and its first timeline entry inside the caller's transaction. A ticket
   * committed without `routedAt` is the routing sweeper's to pick up, so enqueueing its
   * routing job after the commit (`TicketJobs.route`) may fail without anything being lost.
   */
  async insert(manager: EntityManager, input: NewTicket, actor: StaffPrincipal | null): Promise<Ticket> {
    const [ticket] = await this.insertMany(manager, [await this.draft(manager, input, actor)]);
    return ticket;
  }

  /**
   * Everything a new ticket is before it has a number: its columns, deadlines and first
   * timeline entries. Reads only cached reference data, on the transaction's connection:
   * asking the pool for a second one while holding this one deadlocks once every connection
   * is held by such a transaction.
   */
  async draft(manager: EntityManager, input: NewTicket, actor: StaffPrincipal | null): Promise<TicketDraft> {
    const kind = input.kind ?? input.category?.kind ?? TicketKind.Talep;
    const policies = await this.policies.cached(manager);
    const categoryPolicy = policies.find((p) => p.id === input.category?.deadlinePolicyId) ?? null;
    // The law a ticket falls under comes from its kind unless the category's clock is a law;
    // an internal target (the 2–7 day call-back) runs alongside the law, not instead of it.
    const categoryLaw = categoryPolicy && categoryPolicy.legalBasis !== LegalBasis.Internal ? categoryPolicy.legalBasis : null;
    const legalBasis = input.legalBasis ?? categoryLaw ?? defaultLegalBasis(kind);
    const policy =
      categoryPolicy && [LegalBasis.Internal, legalBasis].includes(categoryPolicy.legalBasis)
        ? categoryPolicy
        : (policies.find((p) => p.legalBasis === legalBasis) ?? null);
    const now = this.clock.now();
    const due = policy ? dueDatesFor(policy, now, await this.calendar.cached(manager)) : null;
    if (due && input.deadlineCap && input.deadlineCap < due.resolutionDueAt) due.resolutionDueAt = input.deadlineCap;
    // An explicit department is a routing decision already made; otherwise routing decides.
    const departmentId = input.departmentId ?? null;
    const contact = input.contact ?? { name: input.citizen.fullName, phone: input.citizen.phone, email: input.citizen.email };
    // Its own fields only: TypeORM's `create` walks the entity's metadata, about 12 µs a ticket on the intake's hot path.
    const ticket: Ticket = Object.assign(new Ticket(), {
      id: input.id ?? timeOrderedId(),
      trackingNo: '',
      kind,
      channel: input.channel,
      status: TicketStatus.New,
      priority: input.priority ?? input.category?.defaultPriority ?? TicketPriority.Normal,
      categoryId: input.category?.id ?? null,
      departmentId,
      citizenId: input.citizen.id,
      contactName: contact.name,
      contactPhone: contact.phone,
      contactEmail: contact.email,
      mahalleId: input.mahalleId ?? null,
      address: input.address ?? null,
      latitude: input.latitude ?? null,
      longitude: input.longitude ?? null,
      legalBasis,
      externalRef: input.externalRef ?? null,
      subject: input.subject,
      description: input.description,
      attributes: input.attributes && Object.keys(input.attributes).length ? input.attributes : null,
      deadlinePolicyId: policy?.id ?? null,
      firstResponseDueAt: due?.firstResponseDueAt ?? null,
      resolutionDueAt: due?.resolutionDueAt ?? null,
      routedAt: departmentId ? now : null,
      triage: input.triage ?? false,
      needsReview: false,
      createdById: actor?.id ?? null,
      version: 1,
      createdAt: now,
      updatedAt: now,
      ...input.placement?.fields,
    });
    const created: TimelineEntry = {
      type: TicketEventType.Created,
      actor,
      body: input.description,
      data: { channel: input.channel, departmentId, categoryId: input.category?.id ?? null, triage: ticket.triage, ...input.eventData },
    };
    const clock = policy && due && OPEN_STATUSES.includes(ticket.status) ? { policy, dueAt: due.resolutionDueAt } : null;
    return {
      ticket,
      // An informant's name is not searchable: a search by it would tie them to the ihbar.
      searchTextAfterNumber: searchTextOf({ ...ticket, trackingNo: '' }, hidesApplicant(kind) ? null : contact.name),
      entries: [created, ...(input.placement?.events ?? [])],
      clock,
    };
  }

  /**
   * Writes drafted tickets: their deadline clocks, then the tickets under consecutive tracking
   * numbers in one statement per year — the clocks first, as the ticket insert takes the
   * tracking-number lock and comes last. Each draft may have gained timeline entries since.
   * A linked entry goes with the later year of its two tickets (a batch that spans New Year's
   * midnight), its number filled in here when the earlier year's statement gave it.
   */
  async insertMany(manager: EntityManager, drafts: TicketDraft[], followers: TicketFollowers[] = [], linked: LinkedEntry[] = []): Promise<Ticket[]> {
    const clocked = drafts.filter((d) => d.clock);
    await this.clocks.startMany(
      manager,
      clocked.map(({ ticket, clock }) => ({
        ref: { subjectType: ClockSubject.Ticket, subjectId: ticket.id },
        policy: clock!.policy,
        startedAt: ticket.createdAt,
        dueAt: clock!.dueAt,
      })),
    );
    const years = drafts.map((d) => istanbulYear(d.ticket.createdAt));
    const order = [...new Set(years)];
    const statementOf = new Map(drafts.map((d, i) => [d.ticket.id, order.indexOf(years[i])]));
    const numberOf = new Map<string, string>();
    for (const [k, year] of order.entries()) {
      const ofYear = drafts.filter((_, i) => years[i] === year);
      const ids = new Set(ofYear.map((d) => d.ticket.id));
      const own = followers.map((f) => ({ ...f, rows: f.rows.filter((r) => ids.has(r.ticket_id as string)) }));
      const links = linked
        .filter((l) => Math.max(statementOf.get(l.numberedBy)!, statementOf.get(l.ticketId) ?? -1) === k)
        .map((l) => (ids.has(l.numberedBy) ? l : { ...l, numberedBy: l.ticketId, entry: filledEntry(l.entry, numberOf.get(l.numberedBy)!) }));
      const numbers = await insertNumberedTickets(manager, ofYear, year, own, links);
      ofYear.forEach((d, i) => numberOf.set(d.ticket.id, (d.ticket.trackingNo = numbers[i])));
    }
    return drafts.map((d) => d.ticket);
  }

  /**
   * Checks the citizen part up front; returns the step that runs inside the transaction and the
   * contact the ticket keeps. A department role reaches only citizens of its own department's
   * tickets, and the contact it gets is what those tickets (or its own typing) already showed it.
   */
  private async citizenResolver(
    dto: CreateTicketDto,
    actor: StaffPrincipal,
  ): Promise<{ citizenOf: (manager: EntityManager) => Promise<Citizen>; contact?: TicketContact }> {
    if (dto.citizenId) {
      const citizen = await this.citizens.find(this.dataSource.manager, dto.citizenId);
      const scope = departmentScope(actor);
      const seen = citizen && scope !== undefined ? await this.contactSeenBy(citizen.id, scope) : undefined;
      if (!citizen || seen === null) throw new InvalidFieldException('citizenId', 'citizenId: böyle bir vatandaş yok');
      return { citizenOf: async () => citizen, contact: seen };
    }
    const input = dto.citizen;
    if (!input) throw new InvalidFieldException('citizen', 'citizen: başvuru sahibi (citizen ya da citizenId) gerekli');
    const { phone } = this.citizens.parseInput(input, 'citizen.');
    return {
      citizenOf: (manager) => this.citizens.findOrCreate(manager, input, 'citizen.'),
      contact: { name: input.fullName ?? null, phone, email: input.email?.toLowerCase() ?? null },
    };
  }

  /** The contact of the citizen's latest ticket in this department, or null when it has none. */
  private async contactSeenBy(citizenId: string, departmentId: string | null): Promise<TicketContact | null> {
    if (!departmentId) return null;
    const [row] = await this.dataSource.query(
      `SELECT contact_name AS name, contact_phone AS phone, contact_email AS email FROM tickets
        WHERE citizen_id = $1 AND department_id = $2 ORDER BY created_at DESC LIMIT 1`,
      [citizenId, departmentId],
    );
    return row ?? null;
  }
}

/** Information requests run on Law 4982; everything else a citizen files is a 3071 petition. */
function defaultLegalBasis(kind: TicketKind): LegalBasis {
  return kind === TicketKind.BilgiEdinme ? LegalBasis.Law4982 : LegalBasis.Law3071;
}
