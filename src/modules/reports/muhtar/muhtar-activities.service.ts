import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { DataSource, Repository } from 'typeorm';
import { Clock, DomainException, ErrorKind, InvalidFieldException, ResourceNotFoundException } from '@app/common';
import { AppConfig } from '@app/config';
import { departmentScope, StaffPrincipal, TicketChannel } from '@app/domain';
import { OutboundChannel, OutboundMessages } from '../../notifications';
import { TicketQueries } from '../../tickets';
import { REPORT_TIME_ZONE } from '../report-filter';
import { checkPeriod } from '../report-period';
import { MuhtarActivity, MuhtarActivityKind } from './muhtar-activity.entity';
import { CreateMuhtarActivityDto, HoldMuhtarActivityDto, ListMuhtarActivitiesDto, UpdateMuhtarActivityDto } from './muhtar-activity.dto';

export const MUHTAR_ACTIVITY_CLOSED = 'MUHTAR_ACTIVITY_CLOSED';

/** Channels a request collected at a meeting or visit arrives on. */
const FIELD_CHANNELS: string[] = [TicketChannel.FieldTeam, TicketChannel.Muhtar];

/** The muhtar calendar: meetings and visits planned, announced, held, and the requests collected there. */
@Injectable()
export class MuhtarActivities {
  constructor(
    @InjectRepository(MuhtarActivity) private readonly activities: Repository<MuhtarActivity>,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly tickets: TicketQueries,
    private readonly config: AppConfig,
    private readonly clock: Clock,
    private readonly outbox: OutboundMessages,
  ) {}

  async list(dto: ListMuhtarActivitiesDto) {
    checkPeriod(dto.from, dto.to, this.config.REPORTS_MAX_PERIOD_DAYS);
    const column = dto.held ? 'a.held_at' : 'a.planned_at';
    const qb = this.activities
      .createQueryBuilder('a')
      .leftJoinAndSelect('a.mahalle', 'm')
      .where(`${column} >= (:from::date::timestamp AT TIME ZONE '${REPORT_TIME_ZONE}')`, { from: dto.from })
      .andWhere(`${column} < ((:to::date + 1)::timestamp AT TIME ZONE '${REPORT_TIME_ZONE}')`, { to: dto.to })
      .orderBy(column, 'ASC');
    if (dto.kind) qb.andWhere('a.kind = :kind', { kind: dto.kind });
    if (dto.mahalleId) qb.andWhere('(a.mahalle_id = :mahalleId OR a.mahalle_id IS NULL)', { mahalleId: dto.mahalleId });
    if (dto.held) qb.andWhere('a.cancelled_at IS NULL');
    const rows = await qb.getMany();
    const counts: { id: string; n: number }[] = rows.length
      ? await this.dataSource.query(
          `SELECT activity_id AS id, count(*)::int AS n FROM muhtar_activity_tickets WHERE activity_id = ANY($1::uuid[]) GROUP BY 1`,
          [rows.map((r) => r.id)],
        )
      : [];
    const by = new Map(counts.map((c) => [c.id, c.n]));
    return rows.map((r) => ({ ...r, ticketCount: by.get(r.id) ?? 0 }));
  }

  /** The activity with the requests collected there that the user may read (a department manager: their department's). */
  async detail(id: string, user: StaffPrincipal) {
    const activity = await this.get(id);
    const scope = departmentScope(user);
    const tickets = await this.dataSource.query(
      `SELECT t.id, t.tracking_no AS "trackingNo", t.subject, t.kind, t.status, t.channel, t.created_at AS "createdAt"
         FROM muhtar_activity_tickets l JOIN tickets t ON t.id = l.ticket_id
        WHERE l.activity_id = $1 AND ($2::boolean OR t.department_id IS NOT DISTINCT FROM $3::uuid AND $3::uuid IS NOT NULL)
        ORDER BY t.created_at`,
      [id, scope === undefined, scope ?? null],
    );
    const messages = await this.dataSource.query(
      `SELECT id, recipient, state, sent_at AS "sentAt", delivered_at AS "deliveredAt", created_at AS "createdAt"
         FROM outbound_messages WHERE dedupe_key LIKE $1 ORDER BY created_at`,
      [`muhtar-inform-${id}-%`],
    );
    return { ...activity, tickets, messages };
  }

  async create(actor: StaffPrincipal, dto: CreateMuhtarActivityDto): Promise<MuhtarActivity> {
    if (dto.kind === MuhtarActivityKind.Visit && !dto.mahalleId) throw new InvalidFieldException('mahalleId', 'mahalleId: ziyaret edilen mahalle gerekli');
    if (dto.mahalleId && !(await this.dataSource.query('SELECT 1 FROM mahalleler WHERE id = $1', [dto.mahalleId])).length) {
      throw new InvalidFieldException('mahalleId', 'mahalleId: böyle bir mahalle yok');
    }
    return this.activities.save(this.activities.create({ ...dto, createdById: actor.id }));
  }

  async update(id: string, dto: UpdateMuhtarActivityDto): Promise<MuhtarActivity> {
    const activity = await this.open(id);
    return this.activities.save(Object.assign(activity, dto));
  }

  /**
   * Informs the muhtar of a visit (every muhtar with a phone, for a meeting) by SMS through the
   * outbox, one message per muhtar and activity, and records the time; again, it sends nothing twice.
   */
  async informed(id: string): Promise<MuhtarActivity> {
    const activity = await this.open(id);
    const muhtars: { id: string; name: string | null; phone: string }[] = await this.dataSource.query(
      `SELECT id, muhtar_name AS name, muhtar_phone AS phone FROM mahalleler
        WHERE muhtar_phone IS NOT NULL AND ($1::uuid IS NULL OR id = $1::uuid) ORDER BY name`,
      [activity.mahalleId],
    );
    if (!muhtars.length) throw new InvalidFieldException('mahalleId', 'mahalleId: mahallenin muhtarının telefonu kayıtlı değil');
    const when = new Intl.DateTimeFormat('tr-TR', { dateStyle: 'long', timeStyle: 'short', timeZone: REPORT_TIME_ZONE }).format(activity.plannedAt);
    const sent = await this.dataSource.transaction(async (manager) => {
      activity.muhtarInformedAt ??= this.clock.now();
      await manager.save(activity);
      const messages = [];
      for (const m of muhtars) {
        const what = activity.kind === MuhtarActivityKind.Visit ? 'mahallenize ziyaret' : 'muhtarlar koordinasyon toplantısı';
        const where = activity.location ? `, yer: ${activity.location}` : '';
        messages.push(
          await this.outbox.record(manager, {
            dedupeKey: `muhtar-inform-${activity.id}-${m.id}`,
            channel: OutboundChannel.Sms,
            recipient: m.phone,
            purpose: 'muhtar_informed',
            body: `Sayın ${m.name ?? 'Muhtar'}, ${when} tarihinde ${what} planlanmıştır: ${activity.title}${where}. Muhtarlık İşleri Müdürlüğü`,
            meta: { muhtarActivityId: activity.id, mahalleId: m.id },
          }),
        );
      }
      return messages;
    });
    await this.outbox.dispatch(sent);
    return activity;
  }

  async held(id: string, dto: HoldMuhtarActivityDto): Promise<MuhtarActivity> {
    const activity = await this.open(id);
    if (dto.heldAt > this.clock.now()) throw new InvalidFieldException('heldAt', 'heldAt: gelecekte bir zaman olamaz');
    return this.activities.save(Object.assign(activity, dto));
  }

  async cancel(id: string): Promise<MuhtarActivity> {
    const activity = await this.open(id);
    activity.cancelledAt = this.clock.now();
    return this.activities.save(activity);
  }

  /** Only a ticket the user may read can be linked (and so be read again through the activity). */
  async link(id: string, ticketId: string, user: StaffPrincipal): Promise<void> {
    await this.get(id);
    const ticket = await this.tickets.applicant(user, ticketId);
    if (!ticket) throw new InvalidFieldException('ticketId', 'ticketId: böyle bir başvuru yok');
    if (!FIELD_CHANNELS.includes(ticket.channel)) {
      throw new InvalidFieldException('ticketId', 'ticketId: yalnızca saha ekibi ya da muhtar kanalından açılan başvurular bağlanabilir');
    }
    await this.dataSource.query(`INSERT INTO muhtar_activity_tickets (activity_id, ticket_id) VALUES ($1, $2) ON CONFLICT (ticket_id) DO NOTHING`, [
      id,
      ticketId,
    ]);
  }

  private async get(id: string): Promise<MuhtarActivity> {
    const activity = await this.activities.findOne({ where: { id }, relations: { mahalle: true } });
    if (!activity) throw new ResourceNotFoundException('Muhtar toplantısı/ziyareti');
    return activity;
  }

  /** Only a planned activity changes; a cancelled one is history. */
  private async open(id: string): Promise<MuhtarActivity> {
    const activity = await this.get(id);
    if (activity.cancelledAt) throw new DomainException(MUHTAR_ACTIVITY_CLOSED, ErrorKind.Conflict, 'İptal edilmiş bir toplantı/ziyaret değiştirilemez');
    return activity;
  }
}
