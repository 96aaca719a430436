import { BeforeApplicationShutdown, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { withTimeout } from '@app/common';
import { AppConfig } from '@app/config';
import { MIGRATION_LOCK, ReportsDatabase } from '@app/database';
import { RedisClient } from '@app/queue';

export type Check = 'up' | 'down';

export interface Readiness {
  ready: boolean;
  checks: { database: Check; redis: Check; reportsDatabase?: Check; migrations: 'done' | 'running' | 'pending' | 'unknown'; shutdown: boolean };
}

/** The advisory lock's key as pg_locks shows it: the high and low 32 bits. */
const LOCK_CLASS = Math.floor(MIGRATION_LOCK / 2 ** 32);
const LOCK_OBJ = MIGRATION_LOCK % 2 ** 32;

/**
 * Whether this process should get traffic: PostgreSQL and Redis answer, no migration is running
 * (another process holds the migration lock: its statements would hold ours) nor left pending,
 * and the process is not shutting down. On SIGTERM it answers "not ready" for SHUTDOWN_DELAY_MS
 * before the server stops accepting, so the load balancer stops sending first.
 * The reports' replica (REPORTS_DATABASE_URL) is checked and shown, but does not make the process
 * unready: without it only reports fail, and taking every API pod out would stop intake too.
 */
@Injectable()
export class ReadinessProbe implements BeforeApplicationShutdown {
  private readonly logger = new Logger(ReadinessProbe.name);
  private shuttingDown = false;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly redis: RedisClient,
    private readonly config: AppConfig,
    private readonly reports: ReportsDatabase,
  ) {}

  async dependencies(): Promise<{ database: Check; redis: Check; reportsDatabase?: Check }> {
    const [database, redis, reportsDatabase] = await Promise.all([
      probe(() => this.dataSource.query('SELECT 1')),
      probe(() => this.redis.connection.ping()),
      this.reports.separate ? probe(() => this.reports.dataSource.query('SELECT 1')) : undefined,
    ]);
    return reportsDatabase ? { database, redis, reportsDatabase } : { database, redis };
  }

  async check(): Promise<Readiness> {
    const [checks, migrations] = await Promise.all([this.dependencies(), this.migrations()]);
    const shutdown = this.shuttingDown;
    const ready = checks.database === 'up' && checks.redis === 'up' && migrations === 'done' && !shutdown;
    return { ready, checks: { ...checks, migrations, shutdown } };
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.shuttingDown = true;
    if (this.config.SHUTDOWN_DELAY_MS === 0) return;
    this.logger.log({ msg: 'not ready; draining', delayMs: this.config.SHUTDOWN_DELAY_MS });
    await new Promise((resolve) => setTimeout(resolve, this.config.SHUTDOWN_DELAY_MS));
  }

  private async migrations(): Promise<Readiness['checks']['migrations']> {
    try {
      // Advisory locks belong to a database: another database's migration on the same server is not ours.
      const [{ running }] = await withTimeout(
        this.dataSource.query(
          `SELECT EXISTS (SELECT 1 FROM pg_locks WHERE locktype = 'advisory' AND classid = $1 AND objid = $2 AND granted
                          AND database = (SELECT oid FROM pg_database WHERE datname = current_database())) AS running`,
          [LOCK_CLASS, LOCK_OBJ],
        ),
        2000,
      );
      if (running) return 'running';
      return (await withTimeout(this.dataSource.showMigrations(), 2000)) ? 'pending' : 'done';
    } catch {
      return 'unknown';
    }
  }
}

async function probe(run: () => Promise<unknown>): Promise<Check> {
  try {
    await withTimeout(run(), 2000);
    return 'up';
  } catch {
    return 'down';
  }
}
