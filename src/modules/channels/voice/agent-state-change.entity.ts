import { AgentState } from '@app/domain';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** Who moved an agent into a state: the agent themself, or the phone (Twilio's callbacks on their call). */
export type AgentStateSource = 'agent' | 'phone';

/**
 * One transition of an agent's state. A state lasts until the agent's next transition, so
 * durations are computed from consecutive rows, never stored.
 */
@Entity('agent_state_changes')
@Index('IDX_agent_state_changes_user_at', ['userId', 'at', 'id'])
export class AgentStateChange {
  /** In order of writing: transitions at the same instant keep their order. */
  @PrimaryGeneratedColumn('increment', { type: 'bigint' })
  id: string;

  @Column({ type: 'uuid' })
  userId: string;

  @Column({ type: 'varchar', length: 20 })
  state: AgentState;

  @Column({ type: 'varchar', length: 10 })
  source: AgentStateSource;

  /** The call that put the agent on a call or into its wrap-up. */
  @Column({ type: 'varchar', length: 64, nullable: true })
  callSid: string | null;

  @Column({ type: 'timestamptz' })
  at: Date;
}
