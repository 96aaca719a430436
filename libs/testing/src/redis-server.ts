import { ChildProcess, spawn } from 'node:child_process';
import { Redis } from 'ioredis';
import { waitFor } from './wait-for';

/** A Redis server of the test's own on a spare port, to stop and start at will. */
export class OwnRedis {
  private process?: ChildProcess;

  /** `args` are more redis-server options (a cluster node's, a replica's). */
  constructor(
    readonly port: number,
    private readonly args: readonly string[] = [],
  ) {}

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  async start(): Promise<void> {
    this.process = spawn('redis-server', this.spawnArgs(), { stdio: 'ignore' });
    await waitFor(
      `redis on ${this.port}`,
      async () => {
        const client = new Redis(this.url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
        client.on('error', () => undefined);
        try {
          await client.connect();
          return (await client.ping()) === 'PONG';
        } finally {
          client.disconnect();
        }
      },
      10_000,
      100,
    );
  }

  protected spawnArgs(): string[] {
    return ['--port', String(this.port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', ...this.args];
  }

  /** Kills the server at once (SIGKILL): what it had not written anywhere is gone. */
  async stop(): Promise<void> {
    const child = this.process;
    // A killed server has a signalCode and no exitCode.
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGKILL');
    await exited;
  }
}
