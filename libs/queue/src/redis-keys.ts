import { Cluster, Redis } from 'ioredis';
import { RedisConnection } from './redis-topology';

/**
 * Deletes every key under `prefix` (a test's or a bench run's queues), a thousand at a time.
 * SCAN walks one node's keys, so on a cluster every master is walked.
 */
export async function deleteKeysUnder(connection: RedisConnection, prefix: string): Promise<void> {
  // A cluster client knows its nodes once it is ready; the first command waits for that.
  await connection.ping();
  const nodes: Redis[] = connection instanceof Cluster ? connection.nodes('master') : [connection];
  for (const node of nodes) {
    let cursor = '0';
    do {
      const [next, keys] = await node.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
      // One key per command, in one round trip: on a cluster a command cannot span slots.
      if (keys.length) await node.pipeline(keys.map((key) => ['unlink', key])).exec();
      cursor = next;
    } while (cursor !== '0');
  }
}
