import { Cluster } from 'ioredis';
import { loadConfig } from '@app/config';
import { RedisConnections } from './redis-connections.service';
import { RedisConnection } from './redis-topology';

// Nothing listens on port 1: the connections fail and are dropped; only their retry options are read.
const topologies: Record<string, Record<string, string>> = {
  'one server': { REDIS_URL: 'redis://127.0.0.1:1' },
  Sentinels: { REDIS_SENTINELS: '127.0.0.1:1', REDIS_SENTINEL_NAME: 'cm-master' },
  'a cluster': { REDIS_CLUSTER_NODES: '127.0.0.1:1' },
};

/** Every retry decision a connection makes: reconnecting, and (behind Sentinels) asking them again. */
function retries(connection: RedisConnection): ((times: number) => unknown)[] {
  if (connection instanceof Cluster) return [connection.options.clusterRetryStrategy!];
  const { retryStrategy, sentinels, sentinelRetryStrategy } = connection.options;
  return sentinels ? [retryStrategy!, sentinelRetryStrategy!] : [retryStrategy!];
}

describe.each(Object.keys(topologies))('a connection to %s', (topology) => {
  it('retries until the app shuts down, and so does a copy BullMQ makes of it', async () => {
    const connections = new RedisConnections(loadConfig({ NODE_ENV: 'test', ...topologies[topology] }));
    const connection = connections.open('queue');
    connection.on('error', () => undefined);
    // As BullMQ copies a connection it is handed, for a worker's blocking reads.
    const copy = connection instanceof Cluster ? connection.duplicate([], { lazyConnect: true }) : connection.duplicate({ lazyConnect: true });
    const strategies = [...retries(connection), ...retries(copy)];
    expect(strategies.map((retry) => typeof retry(3))).toEqual(strategies.map(() => 'number'));

    await connections.onApplicationShutdown();
    expect(strategies.map((retry) => retry(3))).toEqual(strategies.map(() => null));
  });
});
