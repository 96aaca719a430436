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

/** True once the process shuts down: from then on a connection that drops is not reopened. */
export type ShuttingDown = () => boolean;

interface Topology {
  connect(settings: RedisSettings, purpose: RedisPurpose, shuttingDown: ShuttingDown): RedisConnection;
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

// ioredis's own delays until the process shuts down, then null: the connection ends instead of
// retrying. duplicate() copies the options, so the connections BullMQ makes from ours (a worker's
// blocking one, which it reopens on its own) stop as well.
const until =
  (shuttingDown: ShuttingDown, delay: (times: number) => number) =>
  (times: number): number | null =>
    shuttingDown() ? null : delay(times);
const reconnectDelay = (times: number) => Math.min(2 ** (times - 1) * 50, 5000) + Math.floor(Math.random() * 200);

const TOPOLOGIES: Record<'single' | 'cluster' | 'sentinel', Topology> = {
  single: {
    connect: (settings, purpose, shuttingDown) =>
      new Redis({
        ...redisOptionsFromUrl(settings.REDIS_URL),
        retryStrategy: until(shuttingDown, reconnectDelay),
        maxRetriesPerRequest: PURPOSES[purpose].perRequest,
        enableAutoPipelining: PURPOSES[purpose].pipelining,
      }),
    keyPrefix: (prefix) => prefix,
  },
  // Every key of ours and of BullMQ's carries the prefix as a hash tag, so it lives in one slot:
  // BullMQ's scripts and our multi-key scripts (rate limits) touch keys of one node only.
  cluster: {
    connect: (settings, purpose, shuttingDown) =>
      new Cluster(addresses(settings.REDIS_CLUSTER_NODES ?? ''), {
        // The nodes' own connections do not retry: the cluster reconnects as a whole.
        clusterRetryStrategy: until(shuttingDown, (times) => Math.min(100 + times * 2, 2000)),
        enableAutoPipelining: PURPOSES[purpose].pipelining,
        redisOptions: { ...credentials(settings), maxRetriesPerRequest: PURPOSES[purpose].perRequest },
      }),
    keyPrefix: (prefix) => `{${prefix}}`,
  },
  sentinel: {
    connect: (settings, purpose, shuttingDown) =>
      new Redis({
        ...credentials(settings),
        sentinels: addresses(settings.REDIS_SENTINELS ?? ''),
        name: settings.REDIS_SENTINEL_NAME,
        sentinelPassword: settings.REDIS_SENTINEL_PASSWORD,
        // Both loops: reconnecting to the master, and asking the Sentinels round after round for it.
        retryStrategy: until(shuttingDown, reconnectDelay),
        sentinelRetryStrategy: until(shuttingDown, (times) => Math.min(times * 10, 1000)),
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

/**
 * The one place a Redis connection is made, of the kind the settings choose; it retries until
 * `shuttingDown` says otherwise (a connection of a short-lived script: until disconnected).
 */
export function createRedisConnection(settings: RedisSettings, purpose: RedisPurpose, shuttingDown: ShuttingDown = () => false): RedisConnection {
  return topologyOf(settings).connect(settings, purpose, shuttingDown);
}

/** REDIS_PREFIX as the keys carry it: `cm`, or `{cm}` on a cluster. */
export function redisKeyPrefix(settings: RedisSettings): string {
  return topologyOf(settings).keyPrefix(settings.REDIS_PREFIX);
}
