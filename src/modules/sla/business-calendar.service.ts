import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import { BusinessCalendar, CalendarOptions } from '@app/calendar';
import { DomainException, ErrorKind, ExpiringValue, ResourceNotFoundException } from '@app/common';
import { AppConfig } from '@app/config';
import { AuditEntity, StaffPrincipal } from '@app/domain';
import { AuditTrail } from '../audit';
import { CalendarOverride } from './calendar-override.entity';
import { CreateCalendarOverrideDto } from './dto/calendar-override.dto';

export const CALENDAR_DATE_TAKEN = 'CALENDAR_DATE_TAKEN';

/**
 * The calendar deadlines are computed on: Law 2429 holidays, the WORKING_HOURS setting and
 * the overrides admins enter. Rebuilt after a local edit; other processes see it within 30 s.
 */
@Injectable()
export class BusinessCalendarService {
  private readonly current = new ExpiringValue<{ calendar: BusinessCalendar; overrides: CalendarOverride[] }>(30_000);
  private readonly others = new WeakMap<BusinessCalendar, Map<string, BusinessCalendar>>();

  constructor(
    @InjectRepository(CalendarOverride) private readonly overrides: Repository<CalendarOverride>,
    private readonly config: AppConfig,
    private readonly audit: AuditTrail,
  ) {}

  /** Read through `manager` when the copy kept here is stale (inside a transaction, its own connection). */
  async cached(manager: EntityManager): Promise<BusinessCalendar> {
    return (await this.loaded(manager)).calendar;
  }

  /**
   * The same calendar — Law 2429's holidays and the admins' overrides — for another service's
   * hours (the call centre's), rebuilt only when the office calendar is.
   */
  async withHours(manager: EntityManager, hours: Pick<CalendarOptions, 'weeklyHours' | 'holidays'>): Promise<BusinessCalendar> {
    const { calendar, overrides } = await this.loaded(manager);
    const key = JSON.stringify(hours);
    const built = this.others.get(calendar) ?? new Map<string, BusinessCalendar>();
    this.others.set(calendar, built);
    let other = built.get(key);
    if (!other) built.set(key, (other = new BusinessCalendar({ ...hours, overrides })));
    return other;
  }

  private loaded(manager: EntityManager) {
    return this.current.get(async () => {
      const overrides = await manager.find(CalendarOverride, { order: { date: 'ASC' } });
      return { calendar: new BusinessCalendar({ workingHours: this.config.WORKING_HOURS, overrides }), overrides };
    });
  }

  /** The year as people read it: the law's holidays and the overrides entered for it. */
  async year(year: number) {
    const calendar = await this.cached(this.overrides.manager);
    const overrides = await this.overrides
      .createQueryBuilder('o')
      .where(`o.date BETWEEN :from AND :to`, { from: `${year}-01-01`, to: `${year}-12-31` })
      .orderBy('o.date', 'ASC')
      .getMany();
    return { year, workingHours: this.config.WORKING_HOURS, holidays: calendar.lawHolidays(year), overrides };
  }

  async add(dto: CreateCalendarOverrideDto, actor: StaffPrincipal): Promise<CalendarOverride> {
    if (await this.overrides.existsBy({ date: dto.date })) throw dateTaken(dto.date);
    try {
      return await this.audit.setting(actor, AuditEntity.CalendarDay, null, (manager) =>
        manager.save(this.overrides.create({ ...dto, createdById: actor.id })),
      );
    } catch (error) {
      // Two admins entering the same day at once: the unique index decides.
      if ((error as { code?: string }).code === '23505') throw dateTaken(dto.date);
      throw error;
    } finally {
      this.current.invalidate();
    }
  }

  async remove(id: string, actor: StaffPrincipal): Promise<void> {
    const override = await this.overrides.findOneBy({ id });
    if (!override) throw new ResourceNotFoundException('Takvim değişikliği');
    await this.audit.setting(actor, AuditEntity.CalendarDay, { ...override }, async (manager) => {
      await manager.delete(CalendarOverride, { id });
      return null;
    });
    this.current.invalidate();
  }
}

function dateTaken(date: string): DomainException {
  return new DomainException(CALENDAR_DATE_TAKEN, ErrorKind.Conflict, `${date} için zaten bir takvim değişikliği var`, [
    { field: 'date', message: `date: ${date} için zaten bir kayıt var` },
  ]);
}
