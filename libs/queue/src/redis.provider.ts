import { Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { Redis } from 'ioredis';
import { AppConfig } from '@app/config';

/** The app's own Redis connection (health, counters, pub/sub), separate from BullMQ's. */
@Injectable()
export class RedisClient extends Redis implements OnApplicationShutdown {
  private readonly logger = new Logger(RedisClient.name);
  readonly prefix: string;

  constructor(config: AppConfig) {
    // Commands issued in the same tick (an intake batch's live updates) leave in one write.
    super(config.REDIS_URL, { maxRetriesPerRequest: 2, enableAutoPipelining: true });
    this.prefix = config.REDIS_PREFIX;
    this.on('error', (error) => this.logger.warn({ msg: 'redis connection error', error: error.message }));
  }

  /** A key under this installation's prefix. */
  key(...parts: string[]): string {
    return [this.prefix, ...parts].join(':');
  }

  async onApplicationShutdown(): Promise<void> {
    await this.quit().catch(() => this.disconnect());
  }
}
