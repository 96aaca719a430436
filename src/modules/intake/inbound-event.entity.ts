import { Column, Entity, Index } from 'typeorm';
import { TimeOrderedPrimaryKey } from '@app/database';

export enum InboundChannel {
  Sms = 'sms',
  Whatsapp = 'whatsapp',
  Email = 'email',
  Web = 'web',
  Phone = 'phone',
  /** A city app's service request over Open311 GeoReport v2. */
  Open311 = 'open311',
}

export enum InboundState {
  Received = 'received',
  Processed = 'processed',
  Failed = 'failed',
}

/**
 * Every message from outside, stored raw before anything else happens. The provider's id is
 * unique per channel, so a provider's retry inserts nothing.
 */
@Entity('inbound_events')
@Index(['channel', 'providerId'], { unique: true })
@Index(['state', 'receivedAt'])
export class InboundEvent {
  @TimeOrderedPrimaryKey()
  id: string;

  /** An InboundChannel; kept as text so an event on an unknown channel can still be stored (as failed). */
  @Column({ type: 'varchar', length: 20 })
  channel: InboundChannel;

  @Column({ type: 'varchar', length: 200 })
  providerId: string;

  @Column({ type: 'jsonb' })
  payload: Record<string, unknown>;

  @Column({ type: 'timestamptz' })
  receivedAt: Date;

  @Column({ type: 'enum', enum: InboundState, enumName: 'inbound_state', default: InboundState.Received })
  state: InboundState;

  @Column({ type: 'uuid', nullable: true })
  ticketId: string | null;

  @Column({ type: 'text', nullable: true })
  lastError: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  processedAt: Date | null;
}
