import { Injectable, OnModuleInit } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Clock } from '@app/common';
import { FiledEvent, FilingHook, FilingHooks, InboundChannel } from '../../intake';

/**
 * A voicemail becomes a ticket through intake; its call in the call log points at that ticket,
 * written in the same transaction as the filing, so the link is never lost. A call an agent
 * linked already keeps its ticket. Its recording is scheduled, in the same transaction, to be
 * copied to the ticket's files (VoicemailRecordingProcessor).
 */
@Injectable()
export class VoicemailFiling implements FilingHook, OnModuleInit {
  readonly channel = InboundChannel.Phone;

  constructor(
    private readonly hooks: FilingHooks,
    private readonly clock: Clock,
  ) {}

  onModuleInit(): void {
    this.hooks.register(this);
  }

  async filed(manager: EntityManager, events: FiledEvent[]): Promise<void> {
    const calls = events.filter((e) => typeof e.event.payload.CallSid === 'string');
    if (!calls.length) return;
    await manager.query(
      `UPDATE call_logs c SET ticket_id = x.ticket_id, updated_at = $3
         FROM unnest($1::text[], $2::uuid[]) AS x(call_sid, ticket_id)
        WHERE c.call_sid = x.call_sid AND c.ticket_id IS NULL`,
      [calls.map((e) => e.event.payload.CallSid), calls.map((e) => e.ticketId), this.clock.now()],
    );
    const recorded = calls.filter((e) => typeof e.event.payload.RecordingUrl === 'string');
    if (!recorded.length) return;
    await manager.query(
      `INSERT INTO voicemail_recordings (call_sid, ticket_id, next_attempt_at, created_at, updated_at)
       SELECT x.call_sid, x.ticket_id, $3, $3, $3 FROM unnest($1::text[], $2::uuid[]) AS x(call_sid, ticket_id)
       ON CONFLICT (call_sid) DO NOTHING`,
      [recorded.map((e) => e.event.payload.CallSid), recorded.map((e) => e.ticketId), this.clock.now()],
    );
  }
}
