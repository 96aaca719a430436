import { Injectable, OnModuleInit } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { ClockSubject, Escalation, EscalationSubject, EscalationSubjects, EscalationTarget, levelLabelSql } from '../sla';
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

  /** Part of the timer's one statement, stamped with the timer's instant. */
  recordFiredSql(fired: string): string {
    return `INSERT INTO process_events (instance_id, step_id, type, body, data, at)
      SELECT ps.instance_id, ps.id, '${ProcessEventType.Escalated}', ${levelLabelSql('f.level')} || ': ' || ps.key || '. ' || ps.name,
             jsonb_build_object('level', f.level, 'dueAt', f.due_at, 'escalationId', f.id), f.fired_at
        FROM ${fired} f JOIN process_steps ps ON ps.id = f.subject_id`;
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
