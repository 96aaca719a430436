import { Injectable, OnApplicationShutdown } from '@nestjs/common';
import { withTimeout } from '@app/common';
import { AppConfig } from '@app/config';
import { createRedisConnection, RedisConnection, RedisPurpose, redisKeyPrefix } from './redis-topology';

/**
 * Opens every Redis connection of the process (the app's own, each queue's, each worker's, the
 * live subscription) of the kind the settings choose, and closes what is left open at shutdown:
 * BullMQ leaves a connection it was handed to its owner.
 */
@Injectable()
export class RedisConnections implements OnApplicationShutdown {
  private readonly opened = new Set<RedisConnection>();
  private shuttingDown = false;
  /** REDIS_PREFIX as the keys carry it (hash-tagged on a cluster). */
  readonly keyPrefix: string;

  constructor(private readonly config: AppConfig) {
    this.keyPrefix = redisKeyPrefix(config);
  }

  open(purpose: RedisPurpose): RedisConnection {
    const connection = createRedisConnection(this.config, purpose, () => this.shuttingDown);
    this.opened.add(connection);
    connection.once('end', () => this.opened.delete(connection));
    return connection;
  }

  /**
   * The last hook, once the workers and the HTTP server have stopped: no connection retries from
   * here on, not even the copies BullMQ made of ours and reopens after its own close (a worker's
   * blocking connection), which would otherwise look for a gone Redis or Sentinel for ever.
   */
  async onApplicationShutdown(): Promise<void> {
    this.shuttingDown = true;
    await Promise.all([...this.opened].map(close));
  }
}

// QUIT waits for the replies still due; a connection that is not up (Redis gone, a failover
// under way) would hold it forever with BullMQ's unlimited retries, so it is just dropped.
async function close(connection: RedisConnection): Promise<void> {
  if (connection.status !== 'ready') return connection.disconnect();
  await withTimeout(connection.quit(), 2000).catch(() => connection.disconnect());
}
