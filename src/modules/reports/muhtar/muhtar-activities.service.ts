import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { DataSource, Repository } from 'typeorm';
import { Clock, DomainException, ErrorKind, InvalidFieldException, ResourceNotFoundException } from '@app/common';
import { AppConfig } from '@app/config';
import { departmentScope, StaffPrincipal, TicketChannel } from '@app/domain';
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
    if (dto.held) qb.andWhere('a.cancelled_at IS NULL');
    return qb.getMany();
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
    return { ...activity, tickets };
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

  async informed(id: string): Promise<MuhtarActivity> {
    const activity = await this.open(id);
    activity.muhtarInformedAt ??= this.clock.now();
    return this.activities.save(activity);
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
