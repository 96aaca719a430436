import { SetMetadata } from '@nestjs/common';
import { JobName } from './job-payloads';
import { QueueName } from './queue-name';

export const JOB_HANDLER = Symbol('job-handler');

export interface JobHandlerMeta {
  queue: QueueName;
  name: string;
}

/** Marks a provider method as the one handler of a job of the catalogue; it receives the validated payload. */
export const JobHandler = <Q extends QueueName>(queue: Q, name: JobName<Q>) => SetMetadata<symbol, JobHandlerMeta>(JOB_HANDLER, { queue, name });
