import { Injectable, Logger, OnApplicationBootstrap, BeforeApplicationShutdown } from '@nestjs/common';
import { getQueueToken } from '@nestjs/bullmq';
import { DiscoveryService, MetadataScanner, ModuleRef, Reflector } from '@nestjs/core';
import { Job, Queue, UnrecoverableError, Worker } from 'bullmq';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { QuickAccepting, RequestContext } from '@app/common';
import { AppConfig } from '@app/config';
import { buildHandlerRegistry, DiscoveredHandler } from './handler-registry';
import { JOB_HANDLER, JobHandlerMeta } from './job-handler.decorator';
import { JOBS, PayloadClass, REQUEST_ID_KEY } from './job-payloads';
import { QueueMetrics } from './queue-metrics';
import { QueueName } from './queue-name';
import { RedisConnections } from './redis-connections.service';
import { RedisConnection } from './redis-topology';
import { drainWorker } from './worker-drain';

/**
 * Finds every @JobHandler at boot, checks them against JOBS, and (for APP_ROLE worker|all)
 * runs one BullMQ worker per queue that dispatches by job name. Closing waits for jobs in flight.
 */
@Injectable()
export class QueueWorkers implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(QueueWorkers.name);
  private readonly workers: { worker: Worker; connection: RedisConnection }[] = [];

  constructor(
    private readonly discovery: DiscoveryService,
    private readonly scanner: MetadataScanner,
    private readonly reflector: Reflector,
    private readonly config: AppConfig,
    private readonly moduleRef: ModuleRef,
    private readonly metrics: QueueMetrics,
    private readonly connections: RedisConnections,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const registry = buildHandlerRegistry(JOBS, this.discover());
    // Without a listener an 'error' event (Redis gone) would crash the process; Redis
    // outages are survived: enqueues fail fast and the sweepers catch up.
    for (const queue of Object.values(QueueName)) {
      this.moduleRef
        .get<Queue>(getQueueToken(queue), { strict: false })
        .on('error', (error) => this.logger.warn({ msg: 'queue connection error', queue, error: error.message }));
    }
    if (this.config.APP_ROLE === 'api') return;
    for (const queue of Object.values(QueueName)) {
      if (![...registry.values()].some((h) => h.queue === queue)) continue;
      const connection = this.connections.open('queue');
      const worker = new Worker(queue, (job) => this.dispatch(registry, queue, job), {
        connection,
        prefix: this.connections.keyPrefix,
        concurrency: queue === QueueName.Intake ? this.config.INTAKE_CONCURRENCY : 8,
        lockDuration: this.config.QUEUE_LOCK_MS,
        stalledInterval: this.config.QUEUE_LOCK_MS,
      });
      worker.on('error', (error) => this.logger.warn({ msg: 'worker connection error', queue, error: error.message }));
      worker.on('failed', (job, error) => {
        this.metrics.observe(queue, job, 'failed');
        this.logger.warn({ msg: 'job failed', queue, job: job?.name, id: job?.id, error: error.message });
      });
      worker.on('completed', (job) => this.metrics.observe(queue, job, 'completed'));
      this.workers.push({ worker, connection });
    }
  }

  /** Before the database closes: each worker drained (`drainWorker`), for `WORKER_DRAIN_MS` at most; the connections stop retrying after. */
  async beforeApplicationShutdown(): Promise<void> {
    await Promise.all(
      this.workers.map(async ({ worker, connection }) => {
        const end = await drainWorker(worker, connection, this.config.WORKER_DRAIN_MS);
        if (end === 'time up') this.logger.warn({ msg: 'worker stopped before its jobs in flight finished; they come back as stalled', queue: worker.name });
      }),
    );
  }

  private async dispatch(registry: Map<string, DiscoveredHandler>, queue: QueueName, job: Job): Promise<unknown> {
    const handler = registry.get(`${queue}/${job.name}`);
    if (!handler) throw new UnrecoverableError(`no handler for ${queue}/${job.name}`);
    const payloadClass = (JOBS[queue] as Record<string, PayloadClass>)[job.name];
    const { [REQUEST_ID_KEY]: requestId, ...data } = job.data as Record<string, unknown>;
    const payload = quickAccepted(payloadClass, data) ?? (await validated(payloadClass, data));
    // The job's log lines and the jobs it adds carry the request that caused it.
    const scope = { requestId: typeof requestId === 'string' ? requestId : undefined, jobId: `${queue}:${job.id}` };
    return RequestContext.run(scope, () => handler.run(payload));
  }

  private discover(): DiscoveredHandler[] {
    return this.discovery.getProviders().flatMap((wrapper) => {
      const instance = wrapper.instance as Record<string, unknown> | undefined;
      if (!instance || typeof instance !== 'object') return [];
      const prototype = Object.getPrototypeOf(instance);
      return this.scanner.getAllMethodNames(prototype).flatMap((method) => {
        const meta = this.reflector.get<JobHandlerMeta | undefined>(JOB_HANDLER, prototype[method]);
        if (!meta) return [];
        const run = (payload: object) => (instance[method] as (p: object) => Promise<unknown>).call(instance, payload);
        return [{ ...meta, owner: `${prototype.constructor.name}.${method}`, run }];
      });
    });
  }
}

/** The payload as its class, when the class's quick test (QuickAccepting) takes it. */
function quickAccepted(payloadClass: PayloadClass & Partial<QuickAccepting>, data: object): object | null {
  return payloadClass.quickAccept?.(data) ? Object.assign(new payloadClass(), data) : null;
}

async function validated(payloadClass: PayloadClass, data: object): Promise<object> {
  const payload = plainToInstance(payloadClass, data);
  const errors = await validate(payload, { whitelist: true, forbidNonWhitelisted: true });
  if (errors.length) throw new UnrecoverableError(`invalid payload: ${errors.map((e) => e.property).join(', ')}`);
  return payload;
}
