import { Injectable, Logger } from '@nestjs/common';
import { RedisConnection } from './redis-topology';
import { RedisConnections } from './redis-connections.service';

/** The app's own Redis connection (health, counters, leases, pub/sub), separate from BullMQ's. */
@Injectable()
export class RedisClient {
  private readonly logger = new Logger(RedisClient.name);
  /** One server, a cluster or a Sentinel-found master: the same commands on each. */
  readonly connection: RedisConnection;
  readonly prefix: string;

  constructor(private readonly connections: RedisConnections) {
    // Commands issued in the same tick (an intake batch's live updates) leave in one write.
    this.connection = connections.open('commands');
    this.prefix = connections.keyPrefix;
    this.connection.on('error', (error: Error) => this.logger.warn({ msg: 'redis connection error', error: error.message }));
  }

  /** A key under this installation's prefix. */
  key(...parts: string[]): string {
    return [this.prefix, ...parts].join(':');
  }

  /** A connection of its own for SUBSCRIBE (a subscribed connection can do nothing else). */
  subscriber(): RedisConnection {
    return this.connections.open('subscriber');
  }
}
