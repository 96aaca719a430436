import { BullModule } from '@nestjs/bullmq';
import { Global, Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { JobsOptions } from 'bullmq';
import { jobQueueProviders } from './job-queue';
import { QueueMetrics } from './queue-metrics';
import { QueueName } from './queue-name';
import { QueueWorkers } from './queue-workers.service';
import { RedisConnections } from './redis-connections.service';
import { RedisModule } from './redis.module';
import { RateLimiter } from './rate-limiter';
import { RedisClient } from './redis.provider';

const defaultJobOptions: JobsOptions = {
  attempts: 8,
  backoff: { type: 'exponential', delay: 1000 },
  // Completed jobs are kept only to look at; correctness rests on the rows, not on them.
  removeOnComplete: { age: 3600, count: 10_000 },
  removeOnFail: false,
};

// Each queue gets a connection of its own, of the kind the settings choose (BullMQ makes only single-server ones).
const queues = BullModule.registerQueueAsync(
  ...Object.values(QueueName).map((name) => ({
    name,
    imports: [RedisModule],
    inject: [RedisConnections],
    useFactory: (connections: RedisConnections) => ({ connection: connections.open('queue'), prefix: connections.keyPrefix, defaultJobOptions }),
  })),
);

@Global()
@Module({
  imports: [DiscoveryModule, RedisModule, queues],
  providers: [QueueWorkers, QueueMetrics, RedisClient, RateLimiter, ...jobQueueProviders],
  exports: [RedisModule, RedisClient, RateLimiter, ...jobQueueProviders],
})
export class QueueModule {}
