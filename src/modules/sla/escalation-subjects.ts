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
 * timer's own statement (set-based, for thousands at once), and the facts the notify step needs.
 */
export interface EscalationSubject {
  readonly subjectType: ClockSubject;
  /**
   * The timeline entries of fired steps, as one `INSERT … SELECT … FROM <fired>`: the timer runs
   * it as a part of its own statement, where `fired` is this subject's new escalations
   * (id, subject_id, level, due_at, fired_at), so a batch is one round trip whatever its size.
   */
  recordFiredSql(fired: string): string;
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

/** The subject kinds that own clocks register themselves here (tickets, process steps). */
@Injectable()
export class EscalationSubjects {
  private readonly subjects = new Map<ClockSubject, EscalationSubject>();

  register(subject: EscalationSubject): void {
    if (this.subjects.has(subject.subjectType)) throw new Error(`two escalation subjects for ${subject.subjectType}`);
    this.subjects.set(subject.subjectType, subject);
  }

  all(): EscalationSubject[] {
    return [...this.subjects.values()];
  }

  for(type: ClockSubject): EscalationSubject {
    const subject = this.subjects.get(type);
    if (!subject) throw new Error(`no escalation subject registered for ${type}`);
    return subject;
  }
}
