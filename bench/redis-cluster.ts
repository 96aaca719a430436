import { resolve } from 'node:path';

/** The tests' own local Redis Cluster (libs/testing `OwnRedisCluster`), as the bench uses it. */
export interface LocalRedisCluster {
  /** What REDIS_CLUSTER_NODES takes. */
  readonly addresses: string;
  start(masters?: number): Promise<void>;
  stop(): Promise<void>;
}

/**
 * The same starter test/redis-cluster.e2e.spec.ts uses (three masters of Debian's redis-server on spare
 * ports), compiled into dist-bench/testing by bench/tsconfig.testing.json: the bench's own build cannot
 * import from libs/, and libs/testing is not in the service's build.
 */
// eslint-disable-next-line @typescript-eslint/no-require-imports -- compiled beside the bench, found by path at run time
export const { OwnRedisCluster } = require(resolve(__dirname, 'testing/redis-cluster.js')) as { OwnRedisCluster: new () => LocalRedisCluster };
