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
 * What a kind of subject does when its clock escalates: the facts the notify step needs, and the
 * step's effects on the subject itself, written when its people are told.
 */
export interface EscalationSubject {
  readonly subjectType: ClockSubject;
  describe(manager: EntityManager, escalation: Escalation): Promise<EscalationTarget | null>;
  /**
   * The step's effects on the subject (its timeline entry, the citizen's delay notice,
   * re-assignment at a breach), in the notify transaction, which happens once per escalation;
   * `afterCommit` runs once it has committed. The timer's own statement writes only the clock and
   * the escalation: a timeline entry there would lock each subject's row for its foreign key.
   */
  afterNotified(manager: EntityManager, escalation: Escalation, target: EscalationTarget): Promise<SubjectEffects>;
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

  for(type: ClockSubject): EscalationSubject {
    const subject = this.subjects.get(type);
    if (!subject) throw new Error(`no escalation subject registered for ${type}`);
    return subject;
  }
}
