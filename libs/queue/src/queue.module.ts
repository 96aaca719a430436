import { BullModule } from '@nestjs/bullmq';
import { Global, Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { AppConfig } from '@app/config';
import { jobQueueProviders } from './job-queue';
import { QueueMetrics } from './queue-metrics';
import { QueueName } from './queue-name';
import { QueueWorkers } from './queue-workers.service';
import { redisOptionsFromUrl } from './redis-options';
import { RateLimiter } from './rate-limiter';
import { RedisClient } from './redis.provider';

const queues = BullModule.registerQueue(...Object.values(QueueName).map((name) => ({ name })));

@Global()
@Module({
  imports: [
    DiscoveryModule,
    BullModule.forRootAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({
        connection: redisOptionsFromUrl(config.REDIS_URL),
        prefix: config.REDIS_PREFIX,
        defaultJobOptions: {
          attempts: 8,
          backoff: { type: 'exponential', delay: 1000 },
          // Completed jobs are kept only to look at; correctness rests on the rows, not on them.
          removeOnComplete: { age: 3600, count: 10_000 },
          removeOnFail: false,
        },
      }),
    }),
    queues,
  ],
  providers: [QueueWorkers, QueueMetrics, RedisClient, RateLimiter, ...jobQueueProviders],
  exports: [RedisClient, RateLimiter, ...jobQueueProviders],
})
export class QueueModule {}
