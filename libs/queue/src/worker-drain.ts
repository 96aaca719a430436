import type { Worker } from 'bullmq';
import type { RedisConnection } from './redis-topology';

export type DrainEnd = 'closed' | 'forced' | 'connection lost' | 'time up';

/**
 * Closes a worker as a stopping process should: while its connection answers, a job in flight
 * finishes and no new one starts, for `ms` at most, or until the connection goes away (nothing could
 * be acknowledged any more); without it, at once. A job not finished comes back as stalled and is
 * done again (every handler is idempotent). BullMQ's graceful close waits for its blocking
 * connection's 'end', which ioredis never emits for a connection between two retries, so without
 * the limit a SIGTERM during an outage, or soon after one, would wait for the orchestrator's SIGKILL.
 */
export async function drainWorker(worker: Pick<Worker, 'close'>, connection: Pick<RedisConnection, 'status' | 'once'>, ms: number): Promise<DrainEnd> {
  if (connection.status !== 'ready') {
    await worker.close(true);
    return 'forced';
  }
  let deadline: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      worker.close().then(() => 'closed' as const),
      new Promise<DrainEnd>((resolve) => connection.once('close', () => resolve('connection lost'))),
      new Promise<DrainEnd>((resolve) => (deadline = setTimeout(() => resolve('time up'), ms))),
    ]);
  } finally {
    clearTimeout(deadline);
  }
}
