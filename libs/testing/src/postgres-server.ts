import { execFile } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { chown, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Client } from 'pg';
import { freePort } from './free-port';
import { waitFor } from './wait-for';

const run = promisify(execFile);

/** Debian's PostgreSQL binaries (the newest installed version). */
export function binary(name: string): string {
  const versions = readdirSync('/usr/lib/postgresql').sort((a, b) => Number(b) - Number(a));
  return join('/usr/lib/postgresql', versions[0], 'bin', name);
}

/**
 * A PostgreSQL cluster of the test's own on a spare loopback port (initdb under a temp dir),
 * to stop and start at will without touching the machine's server. PostgreSQL refuses to run
 * as root, so as root it runs as the `postgres` system user.
 */
export class OwnPostgres {
  protected dir = '';
  port = 0;

  get url(): string {
    return `postgres://postgres@127.0.0.1:${this.port}/postgres`;
  }

  async start(): Promise<void> {
    if (!this.dir) await this.prepare();
    await this.pgCtl('start', '-w', '-o', `-p ${this.port} -k ${this.dir} -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off`);
    await waitFor(
      `postgres on ${this.port}`,
      async () => {
        const client = new Client({ connectionString: this.url });
        client.on('error', () => undefined);
        try {
          await client.connect();
          return true;
        } finally {
          await client.end().catch(() => undefined);
        }
      },
      15_000,
      100,
    );
  }

  /** A fast shutdown, as an operator's restart does: open connections are closed. */
  async stop(): Promise<void> {
    await this.pgCtl('stop', '-w', '-m', 'fast');
  }

  async destroy(): Promise<void> {
    await this.stop().catch(() => undefined);
    if (this.dir) await rm(this.dir, { recursive: true, force: true });
  }

  private async prepare(): Promise<void> {
    this.dir = await mkdtemp(join(tmpdir(), 'cm-postgres-'));
    this.port = await freePort();
    if (this.asPostgresUser()) {
      const { stdout } = await run('id', ['-u', 'postgres']);
      const { stdout: gid } = await run('id', ['-g', 'postgres']);
      await chown(this.dir, Number(stdout), Number(gid));
    }
    await this.initialise(join(this.dir, 'data'));
  }

  /** Creates the cluster's data directory (a replica takes a base backup instead). */
  protected async initialise(data: string): Promise<void> {
    await this.command(binary('initdb'), ['-D', data, '-U', 'postgres', '--auth=trust', '--no-sync', '-E', 'UTF8', '--locale=C.UTF-8']);
  }

  private pgCtl(...args: string[]): Promise<unknown> {
    return this.command(binary('pg_ctl'), ['-D', join(this.dir, 'data'), '-l', join(this.dir, 'log'), ...args]);
  }

  private asPostgresUser(): boolean {
    return process.getuid?.() === 0;
  }

  protected command(file: string, args: string[]): Promise<unknown> {
    return this.asPostgresUser() ? run('runuser', ['-u', 'postgres', '--', file, ...args]) : run(file, args);
  }
}
