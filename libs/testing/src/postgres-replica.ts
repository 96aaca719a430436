import { Client } from 'pg';
import { binary, OwnPostgres } from './postgres-server';
import { waitFor } from './wait-for';

/**
 * A streaming replica (hot standby) of an OwnPostgres on a spare port of its own: a base backup
 * of the running primary with `-R` (standby.signal and primary_conninfo written for us). The
 * primary's defaults suffice: wal_level replica, ten WAL senders, and initdb's trust lines for
 * replication over loopback.
 */
export class OwnPostgresReplica extends OwnPostgres {
  constructor(private readonly primary: OwnPostgres) {
    super();
  }

  /** The replica's URL for one of the primary's databases. */
  urlOf(database: string): string {
    return `postgres://postgres@127.0.0.1:${this.port}/${database}`;
  }

  protected override async initialise(data: string): Promise<void> {
    await this.command(binary('pg_basebackup'), [
      '-h',
      '127.0.0.1',
      '-p',
      String(this.primary.port),
      '-U',
      'postgres',
      '-D',
      data,
      '-R',
      '-X',
      'stream',
      '--no-sync',
    ]);
  }

  /** Waits until the replica has replayed everything the primary had written when called. */
  async caughtUp(timeoutMs = 30_000): Promise<void> {
    const [{ lsn }] = await this.ask(this.primary.url, 'SELECT pg_current_wal_lsn()::text AS lsn');
    await waitFor(
      'the replica to replay the primary’s WAL',
      async () => (await this.ask(this.url, 'SELECT pg_last_wal_replay_lsn() >= $1::pg_lsn AS done', [lsn]))[0].done === true,
      timeoutMs,
      50,
    );
  }

  /** Stops applying WAL (it is still received): the replica's data stays as it is until `resume`. */
  async pause(): Promise<void> {
    await this.ask(this.url, 'SELECT pg_wal_replay_pause()');
    await waitFor('replay to pause', async () => (await this.ask(this.url, 'SELECT pg_get_wal_replay_pause_state() AS s'))[0].s === 'paused', 10_000, 50);
  }

  async resume(): Promise<void> {
    await this.ask(this.url, 'SELECT pg_wal_replay_resume()');
  }

  private async ask(url: string, sql: string, params: unknown[] = []): Promise<Record<string, unknown>[]> {
    const client = new Client({ connectionString: url });
    await client.connect();
    try {
      return (await client.query(sql, params)).rows;
    } finally {
      await client.end();
    }
  }
}
