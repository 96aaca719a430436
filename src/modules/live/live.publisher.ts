import { Injectable, Logger } from '@nestjs/common';
import { Clock, withTimeout } from '@app/common';
import { RedisClient } from '@app/queue';
import { IncomingCall } from './incoming-call';
import { TicketChange } from './ticket-change';

export const liveChannel = (redis: RedisClient) => redis.key('live', 'tickets');
export const callsChannel = (redis: RedisClient) => redis.key('live', 'calls');
export const wallboardChannel = (redis: RedisClient) => redis.key('live', 'wallboard');

/** The wallboard re-reads its figures when a call or an agent's state moves (no personal data in the message). */
export interface WallboardChange {
  cause: 'call' | 'agent';
  at: string;
}

/**
 * Announces ticket changes on Redis pub/sub, so every API process can tell its connected
 * staff. Best effort: the change is already committed, so a Redis outage only costs a live update.
 */
@Injectable()
export class LivePublisher {
  private readonly logger = new Logger(LivePublisher.name);

  constructor(
    private readonly redis: RedisClient,
    private readonly clock: Clock,
  ) {}

  async publish(ticket: { id: string; trackingNo: string; departmentId: string | null; status: string }, change: TicketChange['change']): Promise<void> {
    const message: TicketChange = {
      ticketId: ticket.id,
      trackingNo: ticket.trackingNo,
      departmentId: ticket.departmentId,
      status: ticket.status,
      change,
      at: this.clock.now().toISOString(),
    };
    try {
      await withTimeout(this.redis.connection.publish(liveChannel(this.redis), JSON.stringify(message)), 500);
    } catch (error) {
      this.logger.warn({ msg: 'live update not published', ticketId: ticket.id, error: (error as Error).message });
    }
  }

  /** A call has reached an agent: their screen shows the caller. Best effort, like the rest. */
  async publishCall(call: IncomingCall): Promise<void> {
    try {
      await withTimeout(this.redis.connection.publish(callsChannel(this.redis), JSON.stringify(call)), 500);
    } catch (error) {
      this.logger.warn({ msg: 'screen-pop not published', callSid: call.callSid, error: (error as Error).message });
    }
  }

  /** A call was offered, answered or ended, or an agent changed state: wallboards re-read. Best effort. */
  async publishWallboard(cause: WallboardChange['cause']): Promise<void> {
    const change: WallboardChange = { cause, at: this.clock.now().toISOString() };
    try {
      await withTimeout(this.redis.connection.publish(wallboardChannel(this.redis), JSON.stringify(change)), 500);
    } catch (error) {
      this.logger.warn({ msg: 'wallboard change not published', cause, error: (error as Error).message });
    }
  }
}
