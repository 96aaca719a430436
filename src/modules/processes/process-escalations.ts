import { Injectable, OnModuleInit } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { ClockSubject, Escalation, EscalationLevel, EscalationSubject, EscalationSubjects, EscalationTarget, LEVEL_LABELS, SubjectEffects } from '../sla';
import { ProcessEvent, ProcessEventType } from './process-event.entity';
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

  /** The step on the instance's timeline, stamped with the timer's instant. */
  async afterNotified(manager: EntityManager, escalation: Escalation): Promise<SubjectEffects> {
    const step = await manager.findOneBy(ProcessStep, { id: escalation.subjectId });
    if (step)
      await manager.insert(ProcessEvent, {
        instanceId: step.instanceId,
        stepId: step.id,
        type: ProcessEventType.Escalated,
        body: `${LEVEL_LABELS[escalation.level as EscalationLevel]}: ${step.key}. ${step.name}`,
        data: { level: escalation.level, dueAt: escalation.dueAt, escalationId: escalation.id } as never,
        at: escalation.firedAt,
      });
    return { messages: [] };
  }
}
