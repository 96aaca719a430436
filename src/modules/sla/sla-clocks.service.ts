import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import { endOfWorkingDays, PeriodEndRule } from '@app/calendar';
import { jsonRows } from '@app/database';
import { BusinessCalendarService } from './business-calendar.service';
import { ClockInstants, nextStep, pausedMinutes, scheduleClock, shiftAfterPause } from './clock-schedule';
import { DeadlinePolicy, DurationUnit } from './deadline-policy.entity';
import { periodRuleOf } from './due-dates';
import { ClockSubject, SlaClock } from './sla-clock.entity';

export interface ClockRef {
  subjectType: ClockSubject;
  subjectId: string;
}

type ClockPolicy = Pick<DeadlinePolicy, 'resolutionUnit' | 'warningRatio'> & Partial<Pick<DeadlinePolicy, 'calendarDayEnd' | 'extendPastDayOff'>>;

const ruleOfClock = (clock: SlaClock): PeriodEndRule => ({ dayEnd: clock.dayEnd, extendPastDayOff: clock.extendPastDayOff });
const ruleColumns = (policy: ClockPolicy): Pick<SlaClock, 'dayEnd' | 'extendPastDayOff'> => periodRuleOf(policy);

/**
 * Starts, pauses, resumes and stops deadline clocks, always inside the caller's transaction,
 * so a clock moves exactly when the change that moves it commits. The timer only ever reads
 * `next_at`; everything here keeps it right.
 */
@Injectable()
export class SlaClocks {
  constructor(
    private readonly calendars: BusinessCalendarService,
    @InjectRepository(SlaClock) private readonly repo: Repository<SlaClock>,
  ) {}

  async start(manager: EntityManager, ref: ClockRef, policy: ClockPolicy, startedAt: Date, dueAt: Date): Promise<void> {
    await this.startMany(manager, [{ ref, policy, startedAt, dueAt }]);
  }

  /** Starts several clocks in one statement (an intake batch's: see jsonRows). */
  async startMany(manager: EntityManager, starts: { ref: ClockRef; policy: ClockPolicy; startedAt: Date; dueAt: Date }[]): Promise<void> {
    if (!starts.length) return;
    const calendar = await this.calendars.cached(manager);
    const rows = starts.map(({ ref, policy, startedAt, dueAt }) => {
      const instants = scheduleClock(calendar, policy.resolutionUnit, startedAt, dueAt, policy.warningRatio, null);
      return { ...ref, unit: policy.resolutionUnit, ...ruleColumns(policy), startedAt, ...instants, level: 0, ...nextStep(instants, 0) };
    });
    const clocks = jsonRows(manager, SlaClock, rows, 1);
    await manager.query(`${clocks.insert} ON CONFLICT DO NOTHING`, [clocks.json]);
  }

  /** Stops the timer while the subject waits on someone outside (the citizen, a fee). */
  async pause(manager: EntityManager, ref: ClockRef, at: Date): Promise<boolean> {
    const result = await manager
      .createQueryBuilder()
      .update(SlaClock)
      .set({ pausedAt: at, nextAt: null })
      .where('subject_type = :subjectType AND subject_id = :subjectId AND paused_at IS NULL AND stopped_at IS NULL', ref)
      .execute();
    return (result.affected ?? 0) > 0;
  }

  /** Every step not yet taken moves later by the paused time; returns that time and the new due instant. */
  async resume(manager: EntityManager, ref: ClockRef, at: Date): Promise<{ minutes: number; dueAt: Date } | null> {
    const clock = await this.lockClock(manager, ref);
    if (!clock?.pausedAt) return null;
    const calendar = await this.calendars.cached(manager);
    const minutes = Math.round(pausedMinutes(calendar, clock.unit, clock.pausedAt, at));
    const instants = shiftAfterPause(calendar, clock.unit, clock, clock.level, minutes, ruleOfClock(clock));
    await this.save(manager, clock, instants, { pausedAt: null, pausedMinutes: clock.pausedMinutes + minutes });
    return { minutes, dueAt: instants.dueAt };
  }

  /**
   * The period starts afresh at `at` and runs to `dueAt` (Law 4982's fee: the notice interrupts
   * the period, the payment starts it again); the pause ends, steps already taken stay taken.
   */
  async interrupt(manager: EntityManager, ref: ClockRef, at: Date, dueAt: Date, warningRatio: number): Promise<boolean> {
    const clock = await this.lockClock(manager, ref);
    if (!clock || clock.stoppedAt) return false;
    const calendar = await this.calendars.cached(manager);
    const instants = scheduleClock(calendar, clock.unit, at, dueAt, warningRatio, null);
    const warningAt = clock.level >= 1 ? clock.warningAt : instants.warningAt;
    await this.save(manager, clock, { ...instants, warningAt }, { startedAt: at, pausedAt: null, pausedMinutes: 0 });
    return true;
  }

  /** Answered, closed, rejected…: nothing more escalates. */
  async stop(manager: EntityManager, ref: ClockRef, at: Date): Promise<void> {
    await manager
      .createQueryBuilder()
      .update(SlaClock)
      .set({ stoppedAt: at, nextAt: null, nextLevel: null })
      .where('subject_type = :subjectType AND subject_id = :subjectId AND stopped_at IS NULL', ref)
      .execute();
  }

  /** The clock starts afresh at `startedAt` (a transfer under a policy that says so): no step taken, nothing paused. */
  async reset(
    manager: EntityManager,
    ref: ClockRef,
    policy: Pick<DeadlinePolicy, 'resolutionUnit' | 'warningRatio'>,
    startedAt: Date,
    dueAt: Date,
  ): Promise<void> {
    const calendar = await this.calendars.cached(manager);
    const instants = scheduleClock(calendar, policy.resolutionUnit, startedAt, dueAt, policy.warningRatio, null);
    await manager.update(SlaClock, ref, { startedAt, ...instants, level: 0, pausedAt: null, pausedMinutes: 0, stoppedAt: null, ...nextStep(instants, 0) });
  }

  /** Reopened: the ladder goes on from the step it had reached (a reopened late ticket is still late). */
  async restart(manager: EntityManager, ref: ClockRef): Promise<void> {
    const clock = await this.lockClock(manager, ref);
    if (!clock?.stoppedAt) return;
    await this.save(manager, clock, clock, { stoppedAt: null, pausedAt: null });
  }

  /**
   * A new allowed time counted from the clock's start (Law 4982's extension to 30 working days),
   * plus the time already paused; steps already taken stay taken. Returns the new due instant.
   */
  async extend(manager: EntityManager, ref: ClockRef, workingDays: number, warningRatio: number): Promise<Date | null> {
    const clock = await this.lockClock(manager, ref);
    if (!clock) return null;
    const calendar = await this.calendars.cached(manager);
    const base = { warningAt: null, dueAt: endOfWorkingDays(calendar, clock.startedAt, workingDays), furtherAt: null };
    const dueAt = shiftAfterPause(calendar, DurationUnit.WorkingDays, base, 0, clock.pausedMinutes).dueAt;
    const instants = scheduleClock(calendar, clock.unit, clock.startedAt, dueAt, warningRatio, null);
    await this.save(manager, clock, { ...instants, warningAt: clock.level >= 1 ? clock.warningAt : instants.warningAt }, {});
    return dueAt;
  }

  /** Sets the ladder's last step once the breach has happened (the department's setting at that time). */
  async scheduleFurther(manager: EntityManager, clockId: string, escalateAfterBreachHours: number | null): Promise<void> {
    const clock = await manager.findOne(SlaClock, { where: { id: clockId }, lock: { mode: 'pessimistic_write' } });
    if (!clock || clock.furtherAt || !escalateAfterBreachHours) return;
    const calendar = await this.calendars.cached(manager);
    await this.save(manager, clock, { ...clock, furtherAt: calendar.addWorkingHours(clock.dueAt, escalateAfterBreachHours) }, {});
  }

  find(ref: ClockRef): Promise<SlaClock | null> {
    return this.repo.findOneBy(ref);
  }

  private lockClock(manager: EntityManager, ref: ClockRef): Promise<SlaClock | null> {
    return manager.findOne(SlaClock, { where: ref, lock: { mode: 'pessimistic_write' } });
  }

  private async save(manager: EntityManager, clock: SlaClock, instants: ClockInstants, patch: Partial<SlaClock>): Promise<void> {
    const running =
      (patch.stoppedAt === undefined ? clock.stoppedAt : patch.stoppedAt) === null && (patch.pausedAt === undefined ? clock.pausedAt : patch.pausedAt) === null;
    const next = running ? nextStep(instants, clock.level) : { nextLevel: null, nextAt: null };
    await manager.update(
      SlaClock,
      { id: clock.id },
      { ...patch, warningAt: instants.warningAt, dueAt: instants.dueAt, furtherAt: instants.furtherAt, ...next },
    );
  }
}
