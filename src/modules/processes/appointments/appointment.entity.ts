import { Column, CreateDateColumn, Entity, Index, UpdateDateColumn } from 'typeorm';
import { TimeOrderedPrimaryKey } from '@app/database';

export enum AppointmentStatus {
  Requested = 'requested',
  Scheduled = 'scheduled',
  Held = 'held',
  Missed = 'missed',
  Cancelled = 'cancelled',
  Declined = 'declined',
}

export const MAYOR_DECISIONS = ['approved', 'declined'] as const;
export type MayorDecision = (typeof MAYOR_DECISIONS)[number];

export enum RequesterKind {
  Citizen = 'citizen',
  Institution = 'institution',
}

/** The statuses that hold a slot; a cancelled meeting frees its slot for someone else. */
export const SLOT_HOLDING: readonly AppointmentStatus[] = [AppointmentStatus.Scheduled, AppointmentStatus.Held, AppointmentStatus.Missed];

/** A request to meet the mayor and what became of it: the record Özel Kalem keeps. */
@Entity('appointments')
@Index('IDX_appointments_slot_taken', ['slotId'], { unique: true, where: `status IN ('scheduled', 'held', 'missed')` })
@Index(['status', 'createdAt'])
export class Appointment {
  @TimeOrderedPrimaryKey()
  id: string;

  @Column({ type: 'enum', enum: RequesterKind, enumName: 'requester_kind' })
  requesterKind: RequesterKind;

  @Column({ type: 'varchar', length: 200 })
  requesterName: string;

  @Column({ type: 'varchar', length: 200, nullable: true })
  institutionName: string | null;

  @Column({ type: 'varchar', length: 20, nullable: true })
  phone: string | null;

  @Column({ type: 'varchar', length: 200, nullable: true })
  email: string | null;

  /** How the request came: phone, sms, whatsapp, email, web, letter, walk_in. */
  @Column({ type: 'varchar', length: 20 })
  channel: string;

  @Column({ type: 'text' })
  subject: string;

  @Index()
  @Column({ type: 'uuid', nullable: true })
  ticketId: string | null;

  @Column({ type: 'uuid', nullable: true })
  citizenId: string | null;

  @Column({ type: 'enum', enum: AppointmentStatus, enumName: 'appointment_status', default: AppointmentStatus.Requested })
  status: AppointmentStatus;

  @Column({ type: 'uuid', nullable: true })
  slotId: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  scheduledAt: Date | null;

  @Column({ type: 'uuid', nullable: true })
  bookedById: string | null;

  /** Why it was declined or cancelled, as the requester is told. */
  @Column({ type: 'text', nullable: true })
  reason: string | null;

  /** What was said or agreed at the meeting. */
  @Column({ type: 'text', nullable: true })
  note: string | null;

  @Column({ type: 'uuid', nullable: true })
  closedById: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  closedAt: Date | null;

  @Column({ type: 'uuid', nullable: true })
  createdById: string | null;

  /** Put before the mayor for a decision (Özel Kalem's note on what is asked). */
  @Column({ type: 'timestamptz', nullable: true })
  forwardedAt: Date | null;

  @Column({ type: 'uuid', nullable: true })
  forwardedById: string | null;

  @Column({ type: 'text', nullable: true })
  forwardNote: string | null;

  /** What the mayor said: approved (Özel Kalem then gives a slot) or declined. */
  @Column({ type: 'varchar', length: 20, nullable: true })
  mayorDecision: MayorDecision | null;

  @Column({ type: 'text', nullable: true })
  mayorNote: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  decidedAt: Date | null;

  @Column({ type: 'uuid', nullable: true })
  decidedById: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
