import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { OutboundMessage } from '../notifications';
import { Escalation } from './escalation.entity';
import { ClockSubject } from './sla-clock.entity';

/** Who and what an escalation is about, as the ladder needs it to pick its recipients. */
export interface EscalationTarget {
  /** "2026-000123 — Çukur" for a ticket; the process and step for a process step. */
  title: string;
  /** Where staff open it in the app. */
  path: string;
  departmentId: string | null;
  assigneeId: string | null;
  ticketId: string | null;
}

/**
 * What a kind of subject does when its clock escalates: the timeline entries written in the
 * timer's own transaction (set-based, for thousands at once), and the facts the notify step needs.
 */
export interface EscalationSubject {
  readonly subjectType: ClockSubject;
  recordFired(manager: EntityManager, escalations: FiredEscalation[]): Promise<void>;
  describe(manager: EntityManager, escalation: Escalation): Promise<EscalationTarget | null>;
  /**
   * Extra effects of a step on the subject itself (the citizen's delay notice, re-assignment at
   * a breach), in the notify transaction; `afterCommit` runs once it has committed.
   */
  afterNotified?(manager: EntityManager, escalation: Escalation, target: EscalationTarget): Promise<SubjectEffects>;
}

export interface SubjectEffects {
  messages: (OutboundMessage | null)[];
  afterCommit?: () => Promise<void>;
}

export interface FiredEscalation {
  id: string;
  subjectId: string;
  level: number;
  dueAt: Date;
}

/** The subject kinds that own clocks register themselves here (tickets, process steps). */
@Injectable()
export class EscalationSubjects {
  private readonly subjects = new Map<ClockSubject, EscalationSubject>();

  register(subject: EscalationSubject): void {
    if (this.subjects.has(subject.subjectType)) throw new Error(`two escalation subjects for ${subject.subjectType}`);
    this.subjects.set(subject.subjectType, subject);
  }

  for(type: ClockSubject): EscalationSubject {
    const subject = this.subjects.get(type);
    if (!subject) throw new Error(`no escalation subject registered for ${type}`);
    return subject;
  }
}
