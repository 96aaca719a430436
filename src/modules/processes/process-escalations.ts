import { Injectable, OnModuleInit } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { ClockSubject, Escalation, EscalationSubject, EscalationSubjects, EscalationTarget, FiredEscalation, LEVEL_LABELS } from '../sla';
import { ProcessEventType } from './process-event.entity';
import { ProcessInstance } from './process-instance.entity';
import { ProcessStep } from './process-step.entity';

/** A late process step climbs the same ladder as a late ticket: its unit, the müdür, the level above. */
@Injectable()
export class ProcessEscalations implements EscalationSubject, OnModuleInit {
  readonly subjectType = ClockSubject.ProcessStep;

  constructor(private readonly subjects: EscalationSubjects) {}

  onModuleInit(): void {
    this.subjects.register(this);
  }

  /** One statement for the batch, in the timer's transaction, stamped with the timer's instant. */
  async recordFired(manager: EntityManager, fired: FiredEscalation[]): Promise<void> {
    const label = `CASE s.level ${Object.entries(LEVEL_LABELS)
      .map(([level, text]) => `WHEN ${level} THEN '${text}'`)
      .join(' ')} END`;
    await manager.query(
      `INSERT INTO process_events (instance_id, step_id, type, body, data, at)
       SELECT ps.instance_id, ps.id, '${ProcessEventType.Escalated}', ${label} || ': ' || ps.key || '. ' || ps.name,
              jsonb_build_object('level', s.level, 'dueAt', s.due_at, 'escalationId', s.id), e.fired_at
         FROM unnest($1::uuid[], $2::uuid[], $3::int[], $4::timestamptz[]) AS s(id, subject_id, level, due_at)
         JOIN process_steps ps ON ps.id = s.subject_id
         JOIN escalations e ON e.id = s.id`,
      [fired.map((f) => f.id), fired.map((f) => f.subjectId), fired.map((f) => f.level), fired.map((f) => f.dueAt)],
    );
  }

  async describe(manager: EntityManager, escalation: Escalation): Promise<EscalationTarget | null> {
    const step = await manager.findOneBy(ProcessStep, { id: escalation.subjectId });
    const instance = step ? await manager.findOneBy(ProcessInstance, { id: step.instanceId }) : null;
    if (!step || !instance) return null;
    return {
      title: `${instance.title} — ${step.key}. ${step.name}`,
      path: `/app/processes/${instance.id}`,
      departmentId: step.departmentId,
      assigneeId: step.assigneeId,
      ticketId: instance.ticketId,
    };
  }
}
