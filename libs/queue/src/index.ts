export * from './queue-name';
export * from './job-payloads';
export * from './job-handler.decorator';
export * from './handler-registry';
export * from './queue.module';
export * from './redis.provider';
export * from './redis-options';
export * from './interval-sweeper';
