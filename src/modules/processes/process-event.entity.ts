import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export enum ProcessEventType {
  Started = 'started',
  StepOpened = 'step_opened',
  StepCompleted = 'step_completed',
  StepAssigned = 'step_assigned',
  Escalated = 'escalated',
  Ended = 'ended',
}

/** The timeline of an instance: every start, step, escalation and end, in order. */
@Entity('process_events')
@Index(['instanceId', 'seq'])
export class ProcessEvent {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  seq: string;

  @Column({ type: 'uuid' })
  instanceId: string;

  @Column({ type: 'uuid', nullable: true })
  stepId: string | null;

  @Column({ type: 'varchar', length: 30 })
  type: ProcessEventType;

  @Column({ type: 'uuid', nullable: true })
  actorId: string | null;

  @Column({ type: 'text' })
  body: string;

  @Column({ type: 'jsonb', default: {} })
  data: Record<string, unknown>;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  at: Date;
}
