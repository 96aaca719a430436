import { resolve } from 'node:path';
import type { Cluster, Redis } from 'ioredis';

/** The service's own key deletion (libs/queue), taken from its build as timers.ts takes the timer's statement. */
// eslint-disable-next-line @typescript-eslint/no-require-imports -- taken at run time from the service's build, whose path the bench's own build cannot resolve
export const { deleteKeysUnder } = require(resolve(__dirname, '../dist/libs/queue/src/redis-keys.js')) as {
  deleteKeysUnder: (redis: Redis | Cluster, prefix: string) => Promise<void>;
};
