import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { freePort } from './free-port';
import { OwnRedis } from './redis-server';
import { waitFor } from './wait-for';

/** A Sentinel: redis-server in sentinel mode, with the config file it insists on (it rewrites it). */
class OwnSentinel extends OwnRedis {
  constructor(
    port: number,
    private readonly configFile: string,
  ) {
    super(port);
  }

  protected override spawnArgs(): string[] {
    return [this.configFile, '--sentinel'];
  }
}

/**
 * A master, a replica of it and one Sentinel watching them, on spare loopback ports. The
 * Sentinel calls the master down after a second and promotes the replica.
 */
export class OwnRedisSentinel {
  readonly name = 'cm-master';
  master!: OwnRedis;
  replica!: OwnRedis;
  private sentinel!: OwnSentinel;
  private dir?: string;

  /** What REDIS_SENTINELS takes. */
  get addresses(): string {
    return `127.0.0.1:${this.sentinel.port}`;
  }

  async start(): Promise<void> {
    this.dir = await mkdtemp(join(tmpdir(), 'cm-redis-sentinel-'));
    const [masterPort, replicaPort, sentinelPort] = [await freePort(), await freePort(), await freePort()];
    // A replica writes the master's snapshot to its directory: the temporary one, not the checkout.
    this.master = new OwnRedis(masterPort, ['--dir', this.dir]);
    this.replica = new OwnRedis(replicaPort, ['--dir', this.dir, '--replicaof', '127.0.0.1', String(masterPort)]);
    await this.master.start();
    await this.replica.start();
    const config = join(this.dir, 'sentinel.conf');
    await writeFile(
      config,
      [
        `port ${sentinelPort}`,
        'bind 127.0.0.1',
        `dir ${this.dir}`,
        `sentinel monitor ${this.name} 127.0.0.1 ${masterPort} 1`,
        `sentinel down-after-milliseconds ${this.name} 1000`,
        `sentinel failover-timeout ${this.name} 5000`,
        '',
      ].join('\n'),
    );
    this.sentinel = new OwnSentinel(sentinelPort, config);
    await this.sentinel.start();
    await waitFor('the sentinel to see the replica', async () => (await this.ask(['REPLICAS', this.name])).length > 0, 20_000, 100);
  }

  /** The port of the server the Sentinel names as master now. */
  async masterPort(): Promise<number> {
    const [, port] = (await this.ask(['GET-MASTER-ADDR-BY-NAME', this.name])) as string[];
    return Number(port);
  }

  async stop(): Promise<void> {
    await Promise.all([this.sentinel, this.replica, this.master].filter(Boolean).map((server) => server.stop()));
    if (this.dir) await rm(this.dir, { recursive: true, force: true });
  }

  private async ask(args: string[]): Promise<unknown[]> {
    const client = new Redis(this.sentinel.port, '127.0.0.1', { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
    try {
      await client.connect();
      return (await client.call('SENTINEL', ...args)) as unknown[];
    } finally {
      client.disconnect();
    }
  }
}
