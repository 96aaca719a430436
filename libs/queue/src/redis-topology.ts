import { Cluster, Redis, RedisOptions } from 'ioredis';
import type { AppConfig } from '@app/config';
import { redisOptionsFromUrl } from './redis-options';

/** A connection to Redis as the settings describe it: one server, a cluster, or a master found through Sentinels. */
export type RedisConnection = Redis | Cluster;

/** The settings that say where Redis is. */
export type RedisSettings = Pick<
  AppConfig,
  | 'REDIS_URL'
  | 'REDIS_PREFIX'
  | 'REDIS_CLUSTER_NODES'
  | 'REDIS_SENTINELS'
  | 'REDIS_SENTINEL_NAME'
  | 'REDIS_SENTINEL_PASSWORD'
  | 'REDIS_USERNAME'
  | 'REDIS_PASSWORD'
>;

/**
 * What a connection is for: the app's own commands (short retries, commands of one tick in one
 * write), BullMQ's queues and workers (which need unlimited retries), or a pub/sub subscription.
 */
export type RedisPurpose = 'commands' | 'queue' | 'subscriber';

const PURPOSES: Record<RedisPurpose, { perRequest: number | null; pipelining: boolean }> = {
  commands: { perRequest: 2, pipelining: true },
  queue: { perRequest: null, pipelining: false },
  subscriber: { perRequest: 2, pipelining: false },
};

interface Topology {
  connect(settings: RedisSettings, purpose: RedisPurpose): RedisConnection;
  /** The key prefix as it is written in Redis. */
  keyPrefix(prefix: string): string;
}

const addresses = (list: string) =>
  list.split(',').map((entry) => {
    const at = entry.lastIndexOf(':');
    return { host: entry.slice(0, at).replace(/^\[|\]$/g, ''), port: Number(entry.slice(at + 1)) };
  });

const credentials = (settings: RedisSettings): Pick<RedisOptions, 'username' | 'password'> => ({
  username: settings.REDIS_USERNAME,
  password: settings.REDIS_PASSWORD,
});

const TOPOLOGIES: Record<'single' | 'cluster' | 'sentinel', Topology> = {
  single: {
    connect: (settings, purpose) =>
      new Redis({
        ...redisOptionsFromUrl(settings.REDIS_URL),
        maxRetriesPerRequest: PURPOSES[purpose].perRequest,
        enableAutoPipelining: PURPOSES[purpose].pipelining,
      }),
    keyPrefix: (prefix) => prefix,
  },
  // Every key of ours and of BullMQ's carries the prefix as a hash tag, so it lives in one slot:
  // BullMQ's scripts and our multi-key scripts (rate limits) touch keys of one node only.
  cluster: {
    connect: (settings, purpose) =>
      new Cluster(addresses(settings.REDIS_CLUSTER_NODES ?? ''), {
        enableAutoPipelining: PURPOSES[purpose].pipelining,
        redisOptions: { ...credentials(settings), maxRetriesPerRequest: PURPOSES[purpose].perRequest },
      }),
    keyPrefix: (prefix) => `{${prefix}}`,
  },
  sentinel: {
    connect: (settings, purpose) =>
      new Redis({
        ...credentials(settings),
        sentinels: addresses(settings.REDIS_SENTINELS ?? ''),
        name: settings.REDIS_SENTINEL_NAME,
        sentinelPassword: settings.REDIS_SENTINEL_PASSWORD,
        maxRetriesPerRequest: PURPOSES[purpose].perRequest,
        enableAutoPipelining: PURPOSES[purpose].pipelining,
      }),
    keyPrefix: (prefix) => prefix,
  },
};

function topologyOf(settings: RedisSettings): Topology {
  if (settings.REDIS_CLUSTER_NODES) return TOPOLOGIES.cluster;
  return settings.REDIS_SENTINELS ? TOPOLOGIES.sentinel : TOPOLOGIES.single;
}

/** The one place a Redis connection is made, of the kind the settings choose. */
export function createRedisConnection(settings: RedisSettings, purpose: RedisPurpose): RedisConnection {
  return topologyOf(settings).connect(settings, purpose);
}

/** REDIS_PREFIX as the keys carry it: `cm`, or `{cm}` on a cluster. */
export function redisKeyPrefix(settings: RedisSettings): string {
  return topologyOf(settings).keyPrefix(settings.REDIS_PREFIX);
}
