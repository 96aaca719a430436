import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AppConfig } from '@app/config';
import { Clock, Metrics, turkishDateTime } from '@app/common';
import { EscalationBatchJob, JobHandler, QueueName } from '@app/queue';
import { UsersService } from '../auth';
import { Department, DepartmentsService } from '../departments';
import { OutboundChannel, OutboundMessage, OutboundMessages, StaffNotifications } from '../notifications';
import { EscalationLevel } from './clock-schedule';
import { Escalation } from './escalation.entity';
import { ladderRecipients, LadderUnit, LEVEL_LABELS, Recipient } from './escalation-ladder';
import { EscalationSubjects, EscalationTarget } from './escalation-subjects';
import { SlaClocks } from './sla-clocks.service';

/** The ladder's steps as the metrics name them. */
const STEP_NAMES: Record<EscalationLevel, string> = {
  [EscalationLevel.Warning]: 'warning',
  [EscalationLevel.Breach]: 'breach',
  [EscalationLevel.Further]: 'escalation',
};

/**
 * Tells the people on the ladder of each escalation: in the app, by e-mail and by SMS, each
 * message written once (its cause is the escalation), then marks the escalation notified.
 */
@Injectable()
export class NotifyEscalationsProcessor {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly subjects: EscalationSubjects,
    private readonly clocks: SlaClocks,
    private readonly outbox: OutboundMessages,
    private readonly staff: StaffNotifications,
    private readonly users: UsersService,
    private readonly departments: DepartmentsService,
    private readonly config: AppConfig,
    private readonly clock: Clock,
    private readonly metrics: Metrics,
  ) {}

  /**
   * A clock's steps are told in their order, whatever order their jobs run in: the earlier steps
   * of the same clocks still untold go first (a job that meets one another job is telling waits
   * for its lock, then finds it told), so the subject's timeline reads warning, then breach.
   */
  @JobHandler(QueueName.Sla, 'notify-escalations')
  async handle({ escalationIds }: EscalationBatchJob): Promise<string> {
    const earlier: { id: string }[] = await this.dataSource.query(
      `SELECT DISTINCT e2.id, e2.clock_id, e2.level FROM escalations e
         JOIN escalations e2 ON e2.clock_id = e.clock_id AND e2.level < e.level AND e2.notified_at IS NULL
        WHERE e.id = ANY($1) AND e2.id <> ALL($1) ORDER BY e2.clock_id, e2.level`,
      [escalationIds],
    );
    let notified = 0;
    for (const id of [...earlier.map((e) => e.id), ...escalationIds]) {
      const effects = await this.dataSource.transaction((manager) => this.notify(manager, id));
      if (!effects) continue;
      notified += 1;
      this.metrics.deadlineSteps.inc(effects.step);
      await this.outbox.dispatch(effects.messages);
      await this.staff.announce(effects.notified);
      await effects.afterCommit?.();
    }
    return `${notified} notified`;
  }

  private async notify(manager: EntityManager, id: string) {
    const escalation = await manager.findOne(Escalation, { where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!escalation || escalation.notifiedAt) return null;
    const subject = this.subjects.for(escalation.subjectType);
    const target = await subject.describe(manager, escalation);
    const department = target?.departmentId ? await this.departments.cached(manager, target.departmentId) : null;
    if (escalation.level === EscalationLevel.Breach)
      await this.clocks.scheduleFurther(manager, escalation.clockId, department?.escalateAfterBreachHours ?? null);
    const messages: (OutboundMessage | null)[] = [];
    let afterCommit: (() => Promise<void>) | undefined;
    const notified: string[] = [];
    if (target) {
      const recipients = ladderRecipients({
        level: escalation.level,
        assignee: target.assigneeId ? await this.person(manager, target.assigneeId) : null,
        department: department ? await this.unit(manager, department) : null,
        parent: department?.parentId ? await this.unitById(manager, department.parentId) : null,
      });
      messages.push(...(await this.tell(manager, escalation, target, recipients, notified)));
      const effects = await subject.afterNotified(manager, escalation, target);
      messages.push(...effects.messages);
      afterCommit = effects.afterCommit;
    }
    await manager.update(Escalation, { id }, { notifiedAt: this.clock.now(), departmentId: department?.id ?? null });
    const step = { department: department?.code ?? 'none', step: STEP_NAMES[escalation.level as EscalationLevel] };
    return { messages, afterCommit, notified, step };
  }

  private async tell(
    manager: EntityManager,
    escalation: Escalation,
    target: EscalationTarget,
    recipients: Recipient[],
    notified: string[],
  ): Promise<(OutboundMessage | null)[]> {
    const title = `${LEVEL_LABELS[escalation.level as EscalationLevel]}: ${target.title}`;
    const body = `${title}\nSon tarih: ${turkishDateTime(escalation.dueAt)}\n${this.config.PUBLIC_URL}${target.path}`;
    const added = await this.staff.add(
      manager,
      recipients
        .filter((r) => r.userId)
        .map((r) => ({
          userId: r.userId!,
          cause: `escalation-${escalation.id}`,
          ticketId: target.ticketId,
          title,
          body,
          link: target.path,
          createdAt: escalation.firedAt,
        })),
    );
    notified.push(...added);
    const messages: (OutboundMessage | null)[] = [];
    for (const r of recipients) {
      const common = { purpose: 'escalation', subject: title, body, ticketId: target.ticketId, userId: r.userId ?? null, meta: { automatic: true } };
      if (r.email)
        messages.push(
          await this.outbox.record(manager, {
            ...common,
            dedupeKey: `esc-${escalation.id}-email-${r.email}`,
            channel: OutboundChannel.Email,
            recipient: r.email,
          }),
        );
      if (r.phone)
        messages.push(
          await this.outbox.record(manager, { ...common, dedupeKey: `esc-${escalation.id}-sms-${r.phone}`, channel: OutboundChannel.Sms, recipient: r.phone }),
        );
    }
    return messages;
  }

  private async person(manager: EntityManager, userId: string) {
    const user = await this.users.findActive(manager, userId);
    return user ? { userId: user.id, name: user.fullName, email: user.email, phone: user.phone } : null;
  }

  private async unitById(manager: EntityManager, id: string): Promise<LadderUnit | null> {
    const department = await this.departments.cached(manager, id);
    return department ? this.unit(manager, department) : null;
  }

  private async unit(manager: EntityManager, department: Department): Promise<LadderUnit> {
    const managers = await this.users.managersOf(manager, department.id, department.managerUserId);
    return {
      name: department.name,
      email: department.email,
      managers: managers.map((u) => ({ userId: u.id, name: u.fullName, email: u.email, phone: u.phone })),
      contacts: department.escalationContacts.map((c) => ({ name: c.title ? `${c.name} (${c.title})` : c.name, email: c.email, phone: c.phone })),
    };
  }
}
