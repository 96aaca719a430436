import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/**
 * Whether an agent's browser softphone takes 444 calls. "Available" lasts as long as the access
 * token the browser holds (VOICE_TOKEN_TTL_SECONDS): a closed tab stops being rung when its token
 * would have expired anyway.
 */
@Entity('voice_presence')
export class VoicePresence {
  @PrimaryColumn('uuid')
  userId: string;

  @Column({ type: 'boolean', default: false })
  available: boolean;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
