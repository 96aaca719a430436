import { resolve } from 'node:path';
import { Cluster, Redis } from 'ioredis';
import { LocalRedisCluster, OwnRedisCluster } from './redis-cluster';

export type RedisConnection = Redis | Cluster;

/** The settings the service's connection factory reads. */
interface RedisSettings {
  REDIS_URL: string;
  REDIS_PREFIX: string;
  REDIS_CLUSTER_NODES?: string;
}

/** The service's own connection factory and key prefix (libs/queue), taken from its build as redis-keys.ts takes its key deletion. */
// eslint-disable-next-line @typescript-eslint/no-require-imports -- taken at run time from the service's build, whose path the bench's own build cannot resolve
const topology = require(resolve(__dirname, '../dist/libs/queue/src/redis-topology.js')) as {
  createRedisConnection: (settings: RedisSettings, purpose: 'commands' | 'queue') => RedisConnection;
  redisKeyPrefix: (settings: RedisSettings) => string;
};

/**
 * The Redis the benchmarked service runs on: the shared server at `url`, or (`--redis-cluster`) a
 * three-master cluster of the run's own, stopped with it. The bench's connections, queue prefixes
 * and key deletion are made the way the service makes its own, so on a cluster they carry the hash tag.
 */
export class BenchRedis {
  private constructor(
    private readonly settings: Omit<RedisSettings, 'REDIS_PREFIX'>,
    private readonly cluster?: LocalRedisCluster,
  ) {}

  static single(url: string): BenchRedis {
    return new BenchRedis({ REDIS_URL: url });
  }

  static async cluster(): Promise<BenchRedis> {
    const cluster = new OwnRedisCluster();
    await cluster.start();
    return new BenchRedis({ REDIS_URL: '', REDIS_CLUSTER_NODES: cluster.addresses }, cluster);
  }

  get description(): string {
    return this.cluster ? `a three-master Redis Cluster of its own (${this.cluster.addresses})` : this.settings.REDIS_URL;
  }

  /** What the service's processes are given. */
  env(prefix: string): Record<string, string> {
    return { ...this.settings, REDIS_PREFIX: prefix };
  }

  /** A connection made as the service makes its own for `purpose`. */
  connect(purpose: 'commands' | 'queue'): RedisConnection {
    return topology.createRedisConnection({ ...this.settings, REDIS_PREFIX: '' }, purpose);
  }

  /** `prefix` as the keys (and BullMQ's queues) carry it: `{prefix}` on a cluster. */
  keyPrefix(prefix: string): string {
    return topology.redisKeyPrefix({ ...this.settings, REDIS_PREFIX: prefix });
  }

  async stop(): Promise<void> {
    await this.cluster?.stop();
  }
}

/** The servers behind a connection, for INFO: the one server, or every master of the cluster. */
export async function serversOf(connection: RedisConnection): Promise<Redis[]> {
  // A cluster client knows its nodes once it is ready; the first command waits for that.
  await connection.ping();
  return connection instanceof Cluster ? connection.nodes('master') : [connection];
}
