import { DataSource } from 'typeorm';

/** Any fixed number: the key of the session lock that keeps two processes from migrating at once. */
export const MIGRATION_LOCK = 4_444_726_001;

/**
 * Runs the pending migrations (all in one transaction) while holding a PostgreSQL advisory
 * lock, so an API process and a worker process started together on a new database do not race
 * to create the same schema: the second waits, then finds nothing left to run.
 */
export async function migrateUnderLock(dataSource: DataSource): Promise<void> {
  const session = dataSource.createQueryRunner();
  await session.connect();
  try {
    await session.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    try {
      await dataSource.runMigrations({ transaction: 'all' });
    } finally {
      await session.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]);
    }
  } finally {
    await session.release();
  }
}
