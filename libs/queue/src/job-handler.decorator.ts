import { SetMetadata } from '@nestjs/common';
import { QueueName } from './queue-name';

export const JOB_HANDLER = Symbol('job-handler');

export interface JobHandlerMeta {
  queue: QueueName;
  name: string;
}

/** Marks a provider method as the one handler of a job; it receives the validated payload. */
export const JobHandler = (queue: QueueName, name: string) =>
  SetMetadata<symbol, JobHandlerMeta>(JOB_HANDLER, { queue, name });
