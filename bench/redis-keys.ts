import { Redis } from 'ioredis';

/** Deletes every key under these prefixes (a bench run's queues), so a run leaves nothing in Redis. */
export async function deleteKeys(redis: Redis, prefixes: string[]): Promise<void> {
  for (const prefix of prefixes) {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
      if (keys.length) await redis.del(...keys);
      cursor = next;
    } while (cursor !== '0');
  }
}
