import { getQueueToken } from '@nestjs/bullmq';
import { Injectable, OnModuleInit } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { Job, Queue } from 'bullmq';
import { Metrics, withTimeout } from '@app/common';
import { QueueName } from './queue-name';

/** The job states a depth is reported for: waiting work, work in hand, and what needs an admin. */
const DEPTH_STATES = ['waiting', 'prioritized', 'active', 'delayed', 'failed'] as const;

/** Queue depth per queue and state, read from Redis at scrape time (the same in every replica: take max, not sum). */
@Injectable()
export class QueueMetrics implements OnModuleInit {
  constructor(
    private readonly moduleRef: ModuleRef,
    private readonly metrics: Metrics,
  ) {}

  onModuleInit(): void {
    this.metrics.gauge('cm_queue_jobs', 'Jobs in each queue by state', ['queue', 'state'], async () => {
      const counts = await Promise.all(
        Object.values(QueueName).map(async (queue) => {
          const found = await withTimeout(this.queue(queue).getJobCounts(...DEPTH_STATES), 2000);
          return DEPTH_STATES.map((state) => ({ labels: { queue, state }, value: found[state] ?? 0 }));
        }),
      );
      return counts.flat();
    });
  }

  /** A job's run time, from its start to its end, once the worker is done with it. */
  observe(queue: QueueName, job: Job | undefined, result: 'completed' | 'failed'): void {
    if (!job?.processedOn) return;
    // A failed attempt that BullMQ retries has no finishedOn yet.
    this.metrics.jobDuration.observe({ queue, job: job.name, result }, ((job.finishedOn ?? Date.now()) - job.processedOn) / 1000);
  }

  private queue(name: QueueName): Queue {
    return this.moduleRef.get<Queue>(getQueueToken(name), { strict: false });
  }
}
