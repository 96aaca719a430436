import { Global, Injectable, Module } from '@nestjs/common';
import { ExpiringValue } from '../cache/expiring-value';
import { withTimeout } from '../time/with-timeout';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

/** Seconds, from a few milliseconds (an HTTP answer) to minutes (a report job, a queued event). */
const LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300];

/** One sample of a gauge read at scrape time. */
export interface GaugeSample {
  labels: Record<string, string>;
  value: number;
}

/**
 * The process's Prometheus instruments, in a registry of its own (several test apps share one
 * Node process). Counters and histograms are this process's share: Prometheus sums the replicas.
 * Gauges of shared state (queue depth, backlogs) are read at scrape time by whoever registers them.
 */
@Injectable()
export class Metrics {
  readonly registry = new Registry();

  readonly httpDuration = new Histogram({
    name: 'cm_http_request_duration_seconds',
    help: 'HTTP request duration by route pattern, method and status',
    labelNames: ['method', 'route', 'status'],
    buckets: LATENCY_BUCKETS,
    registers: [this.registry],
  });

  readonly intakeLatency = new Histogram({
    name: 'cm_intake_receipt_to_inbox_seconds',
    help: 'From an event received to it filed in the inbox (a new ticket or a message on one)',
    labelNames: ['channel'],
    buckets: LATENCY_BUCKETS,
    registers: [this.registry],
  });

  readonly eventsFiled = new Counter({
    name: 'cm_intake_events_filed_total',
    help: 'Inbound events filed, by channel and what they came to (created, threaded, failed, ...)',
    labelNames: ['channel', 'outcome'],
    registers: [this.registry],
  });

  readonly jobDuration = new Histogram({
    name: 'cm_job_duration_seconds',
    help: 'Queue job run time by queue, job name and result',
    labelNames: ['queue', 'job', 'result'],
    buckets: LATENCY_BUCKETS,
    registers: [this.registry],
  });

  readonly deadlineSteps = new Counter({
    name: 'cm_deadline_steps_total',
    help: 'Deadline ladder steps taken, by department and step (warning, breach, escalation)',
    labelNames: ['department', 'step'],
    registers: [this.registry],
  });

  constructor() {
    collectDefaultMetrics({ register: this.registry });
  }

  /**
   * A gauge whose samples `read` fetches at scrape time — at most once per `cacheMs` (a count
   * over a large table); a failed or slow read (2 s) leaves it empty and the scrape still answers.
   */
  gauge(name: string, help: string, labelNames: string[], read: () => Promise<GaugeSample[]>, cacheMs = 0): void {
    const cache = new ExpiringValue<GaugeSample[]>(cacheMs);
    new Gauge({
      name,
      help,
      labelNames,
      registers: [this.registry],
      async collect() {
        this.reset();
        const samples = await cache.get(() => withTimeout(read(), 2000)).catch(() => []);
        for (const sample of samples) this.set(sample.labels, sample.value);
      },
    });
  }
}

@Global()
@Module({ providers: [Metrics], exports: [Metrics] })
export class MetricsModule {}
