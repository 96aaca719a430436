import { getQueueToken } from '@nestjs/bullmq';
import { Inject, Provider } from '@nestjs/common';
import { JobsOptions, Queue } from 'bullmq';
import { RequestContext } from '@app/common';
import { JobName, JobPayload, REQUEST_ID_KEY } from './job-payloads';
import { QueueName } from './queue-name';

/** One job of queue Q: a name of the catalogue and the payload it declares. */
export type TypedJob<Q extends QueueName> = { [N in JobName<Q>]: { name: N; data: JobPayload<Q, N>; opts?: JobsOptions } }[JobName<Q>];

/**
 * A BullMQ queue that takes only the jobs the catalogue lists for it, with their payloads:
 * a misspelt job name or a wrong payload is a compile error at the call site, not a job that
 * no worker takes. The only way modules add jobs (the raw queues stay inside libs/queue).
 */
export class JobQueue<Q extends QueueName> {
  constructor(
    readonly name: Q,
    private readonly queue: Queue,
  ) {}

  add<N extends JobName<Q>>(name: N, data: JobPayload<Q, N>, opts?: JobsOptions) {
    return this.queue.add(name, withRequestId(data), opts);
  }

  addBulk(jobs: TypedJob<Q>[]) {
    return this.queue.addBulk(jobs.map((job) => ({ ...job, data: withRequestId(job.data) })));
  }

  /** For the admins' view of failed jobs. */
  get raw(): Queue {
    return this.queue;
  }
}

/**
 * The request (or the job's own cause) that adds a job goes with it, so the job's log lines can
 * be found from the request's; the worker takes it off before the payload is checked.
 */
function withRequestId(data: object): object {
  const { requestId } = RequestContext.current();
  return requestId ? { ...data, [REQUEST_ID_KEY]: requestId } : data;
}

/** The provider token of a typed queue (for looking one up by name, as the admins' failed-jobs view does). */
export const jobQueueToken = (name: QueueName) => `job-queue:${name}`;

/** Injects the typed queue of `name`. */
export const InjectJobQueue = (name: QueueName) => Inject(jobQueueToken(name));

export const jobQueueProviders: Provider[] = Object.values(QueueName).map((name) => ({
  provide: jobQueueToken(name),
  inject: [getQueueToken(name)],
  useFactory: (queue: Queue) => new JobQueue(name, queue),
}));
