import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Redis } from 'ioredis';
import { freePort } from './free-port';
import { OwnRedis } from './redis-server';
import { waitFor } from './wait-for';

const run = promisify(execFile);

/** A Redis Cluster of the test's own: three masters, no replicas, on spare loopback ports. */
export class OwnRedisCluster {
  private nodes: OwnRedis[] = [];
  private dir?: string;

  /** What REDIS_CLUSTER_NODES takes. */
  get addresses(): string {
    return this.nodes.map((node) => `127.0.0.1:${node.port}`).join(',');
  }

  async start(masters = 3): Promise<void> {
    const dir = await mkdtemp(join(tmpdir(), 'cm-redis-cluster-'));
    this.dir = dir;
    for (let i = 0; i < masters; i += 1) {
      const port = await freePort();
      // A cluster node also listens on port + 10000 for its peers.
      const node = new OwnRedis(port, ['--cluster-enabled', 'yes', '--cluster-config-file', join(dir, `nodes-${port}.conf`), '--dir', dir]);
      await node.start();
      this.nodes.push(node);
    }
    await run('redis-cli', ['--cluster', 'create', ...this.addresses.split(','), '--cluster-replicas', '0', '--cluster-yes']);
    await waitFor(
      'every cluster node to agree the cluster is ok',
      async () => {
        const states = await Promise.all(this.nodes.map((node) => clusterState(node.port)));
        return states.every((state) => state === 'ok');
      },
      20_000,
      100,
    );
  }

  async stop(): Promise<void> {
    await Promise.all(this.nodes.map((node) => node.stop()));
    this.nodes = [];
    if (this.dir) await rm(this.dir, { recursive: true, force: true });
  }
}

async function clusterState(port: number): Promise<string | undefined> {
  const client = new Redis(port, '127.0.0.1', { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
  try {
    await client.connect();
    return /cluster_state:(\w+)/.exec(await client.cluster('INFO'))?.[1];
  } finally {
    client.disconnect();
  }
}
