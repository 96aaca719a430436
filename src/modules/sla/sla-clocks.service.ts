import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import { endOfWorkingDays, PeriodEndRule } from '@app/calendar';
import { jsonRows, queryPrepared } from '@app/database';
import { BusinessCalendarService } from './business-calendar.service';
import { ClockInstants, nextStep, NextStep, pausedMinutes, scheduleClock, shiftAfterPause } from './clock-schedule';
import { DeadlinePolicy, DurationUnit } from './deadline-policy.entity';
import { periodRuleOf } from './due-dates';
import { ClockSubject, SlaClock } from './sla-clock.entity';
import { SlaTimer } from './sla-timer.entity';

export interface ClockRef {
  subjectType: ClockSubject;
  subjectId: string;
}

type ClockPolicy = Pick<DeadlinePolicy, 'resolutionUnit' | 'warningRatio'> & Partial<Pick<DeadlinePolicy, 'calendarDayEnd' | 'extendPastDayOff'>>;

const ruleOfClock = (clock: SlaClock): PeriodEndRule => ({ dayEnd: clock.dayEnd, extendPastDayOff: clock.extendPastDayOff });
const ruleColumns = (policy: ClockPolicy): Pick<SlaClock, 'dayEnd' | 'extendPastDayOff'> => periodRuleOf(policy);

/** A clock with the step its ladder reached: its timer's while it has one, its own once stopped. */
export type LadderedClock = SlaClock & { level: number };

/**
 * Starts, pauses, resumes and stops deadline clocks, always inside the caller's transaction,
 * so a clock moves exactly when the change that moves it commits. The timer only ever reads
 * a clock's timer row (`next_at`); everything here keeps it right: a clock not stopped has one,
 * a stopped clock none. The clock's row is locked before its timer's, here and in `stop`.
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

  /** Starts several clocks and their timers in one statement (an intake batch's: see jsonRows); a subject's clock is started once. */
  async startMany(manager: EntityManager, starts: { ref: ClockRef; policy: ClockPolicy; startedAt: Date; dueAt: Date }[]): Promise<void> {
    if (!starts.length) return;
    const calendar = await this.calendars.cached(manager);
    const started = starts.map(({ ref, policy, startedAt, dueAt }) => {
      const instants = scheduleClock(calendar, policy.resolutionUnit, startedAt, dueAt, policy.warningRatio, null);
      return { clock: { ...ref, unit: policy.resolutionUnit, ...ruleColumns(policy), startedAt, ...instants, level: null }, next: nextStep(instants, 0) };
    });
    const clocks = jsonRows(
      manager,
      SlaClock,
      started.map((s) => s.clock),
      1,
    );
    const next = started.map(({ clock, next }) => ({
      subject_type: clock.subjectType,
      subject_id: clock.subjectId,
      next_level: next.nextLevel,
      next_at: next.nextAt,
    }));
    await queryPrepared(
      manager,
      `WITH clocks AS (${clocks.insert} ON CONFLICT DO NOTHING RETURNING id, subject_type, subject_id, due_at, further_at)
       INSERT INTO sla_timers (clock_id, subject_type, subject_id, level, next_level, next_at, due_at, further_at)
       SELECT c.id, c.subject_type, c.subject_id, 0, n.next_level, n.next_at, c.due_at, c.further_at
         FROM clocks c JOIN jsonb_to_recordset($2::jsonb) AS n (subject_type varchar, subject_id uuid, next_level smallint, next_at timestamptz)
           ON n.subject_type = c.subject_type AND n.subject_id = c.subject_id`,
      [clocks.json, JSON.stringify(next)],
    );
  }

  /** Stops the timer while the subject waits on someone outside (the citizen, a fee). */
  async pause(manager: EntityManager, ref: ClockRef, at: Date): Promise<boolean> {
    const [{ paused }] = await manager.query(
      `WITH paused AS (
         UPDATE sla_clocks SET paused_at = $3, updated_at = now()
          WHERE subject_type = $1 AND subject_id = $2 AND paused_at IS NULL AND stopped_at IS NULL RETURNING id
       ), timer AS (UPDATE sla_timers t SET next_level = NULL, next_at = NULL FROM paused WHERE t.clock_id = paused.id)
       SELECT count(*)::int AS paused FROM paused`,
      [ref.subjectType, ref.subjectId, at],
    );
    return paused > 0;
  }

  /** Every step not yet taken moves later by the paused time; returns that time and the new due instant. */
  async resume(manager: EntityManager, ref: ClockRef, at: Date): Promise<{ minutes: number; dueAt: Date } | null> {
    const clock = await this.lockClock(manager, { where: ref });
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
    const clock = await this.lockClock(manager, { where: ref });
    if (!clock || clock.stoppedAt) return false;
    const calendar = await this.calendars.cached(manager);
    const instants = scheduleClock(calendar, clock.unit, at, dueAt, warningRatio, null);
    const warningAt = clock.level >= 1 ? clock.warningAt : instants.warningAt;
    await this.save(manager, clock, { ...instants, warningAt }, { startedAt: at, pausedAt: null, pausedMinutes: 0 });
    return true;
  }

  /** Answered, closed, rejected…: nothing more escalates. The timer goes, and the clock keeps the step it reached. */
  async stop(manager: EntityManager, ref: ClockRef, at: Date): Promise<void> {
    await manager.query(
      `WITH clock AS (SELECT id, level FROM sla_clocks WHERE subject_type = $1 AND subject_id = $2 AND stopped_at IS NULL FOR UPDATE),
            timer AS (DELETE FROM sla_timers t USING clock WHERE t.clock_id = clock.id RETURNING t.clock_id, t.level)
       UPDATE sla_clocks c SET stopped_at = $3, level = coalesce(timer.level, clock.level, 0), updated_at = now()
         FROM clock LEFT JOIN timer ON timer.clock_id = clock.id WHERE c.id = clock.id`,
      [ref.subjectType, ref.subjectId, at],
    );
  }

  /** The clock starts afresh at `startedAt` (a transfer under a policy that says so): no step taken, nothing paused. */
  async reset(
    manager: EntityManager,
    ref: ClockRef,
    policy: Pick<DeadlinePolicy, 'resolutionUnit' | 'warningRatio'>,
    startedAt: Date,
    dueAt: Date,
  ): Promise<void> {
    const clock = await this.lockClock(manager, { where: ref });
    if (!clock) return;
    const calendar = await this.calendars.cached(manager);
    const instants = scheduleClock(calendar, policy.resolutionUnit, startedAt, dueAt, policy.warningRatio, null);
    await this.save(manager, { ...clock, level: 0 }, instants, { startedAt, pausedAt: null, pausedMinutes: 0, stoppedAt: null });
  }

  /** Reopened: the ladder goes on from the step it had reached (a reopened late ticket is still late). */
  async restart(manager: EntityManager, ref: ClockRef): Promise<void> {
    const clock = await this.lockClock(manager, { where: ref });
    if (!clock?.stoppedAt) return;
    await this.save(manager, clock, clock, { stoppedAt: null, pausedAt: null });
  }

  /**
   * A new allowed time counted from the clock's start (Law 4982's extension to 30 working days),
   * plus the time already paused; steps already taken stay taken. Returns the new due instant.
   */
  async extend(manager: EntityManager, ref: ClockRef, workingDays: number, warningRatio: number): Promise<Date | null> {
    const clock = await this.lockClock(manager, { where: ref });
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
    const clock = await this.lockClock(manager, { where: { id: clockId } });
    if (!clock || clock.furtherAt || !escalateAfterBreachHours) return;
    const calendar = await this.calendars.cached(manager);
    await this.save(manager, clock, { ...clock, furtherAt: calendar.addWorkingHours(clock.dueAt, escalateAfterBreachHours) }, {});
  }

  async find(ref: ClockRef): Promise<LadderedClock | null> {
    const clock = await this.repo.findOneBy(ref);
    return clock && this.withLevel(this.repo.manager, clock, false);
  }

  /** The clock and its timer, locked in that order. */
  private async lockClock(manager: EntityManager, { where }: { where: ClockRef | { id: string } }): Promise<LadderedClock | null> {
    const clock = await manager.findOne(SlaClock, { where, lock: { mode: 'pessimistic_write' } });
    return clock && this.withLevel(manager, clock, true);
  }

  private async withLevel(manager: EntityManager, clock: SlaClock, lock: boolean): Promise<LadderedClock> {
    const timer = clock.stoppedAt
      ? null
      : await manager.findOne(SlaTimer, { where: { clockId: clock.id }, ...(lock && { lock: { mode: 'pessimistic_write' } }) });
    return { ...clock, level: timer?.level ?? clock.level ?? 0 };
  }

  /**
   * Writes the clock's instants and `patch`, and its timer: the step reached (the clock's
   * `level`) and the next one, none while paused. A stopped clock keeps its level and has no timer.
   */
  private async save(manager: EntityManager, clock: LadderedClock, instants: ClockInstants, patch: Partial<SlaClock>): Promise<void> {
    const stopped = patch.stoppedAt === undefined ? clock.stoppedAt : patch.stoppedAt;
    const paused = patch.pausedAt === undefined ? clock.pausedAt : patch.pausedAt;
    const schedule = { warningAt: instants.warningAt, dueAt: instants.dueAt, furtherAt: instants.furtherAt };
    await manager.update(SlaClock, { id: clock.id }, { ...patch, ...schedule, level: stopped ? clock.level : null });
    if (stopped) return;
    const next: NextStep = paused ? { nextLevel: null, nextAt: null } : nextStep(instants, clock.level);
    const { subjectType, subjectId, level } = clock;
    await manager.upsert(SlaTimer, { clockId: clock.id, subjectType, subjectId, level, ...next, dueAt: instants.dueAt, furtherAt: instants.furtherAt }, [
      'clockId',
    ]);
  }
}
