import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { dropDatabase, ensureDatabase, migrateUnderLock, SnakeNamingStrategy } from '@app/database';
import { MIGRATIONS } from '../src/migrations';

const PG = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/** docker-compose starts the API and the worker together on a new database; both migrate on start. */
describe('migrations at start', () => {
  const url = new URL(PG);
  url.pathname = `/cm_test_migrate_${randomBytes(4).toString('hex')}`;
  const sources: DataSource[] = [];

  // Both create the database if it is missing; the one that loses the race goes on.
  beforeAll(() => Promise.all([ensureDatabase(url.toString()), ensureDatabase(url.toString()), ensureDatabase(url.toString())]));
  afterAll(async () => {
    await Promise.all(sources.map((s) => s.destroy()));
    await dropDatabase(url.toString());
  });

  it('two processes starting together: one migrates, the other waits and finds nothing left to run', async () => {
    for (let i = 0; i < 2; i += 1) {
      sources.push(
        await new DataSource({
          type: 'postgres',
          url: url.toString(),
          migrations: MIGRATIONS,
          namingStrategy: new SnakeNamingStrategy(),
          uuidExtension: 'pgcrypto',
        }).initialize(),
      );
    }
    await expect(Promise.all(sources.map((s) => migrateUnderLock(s)))).resolves.toEqual([undefined, undefined]);
    const ran = await sources[0].query('SELECT name FROM migrations ORDER BY id');
    expect(ran.map((r: { name: string }) => r.name)).toEqual(MIGRATIONS.map((m) => m.name));
    expect(await sources[1].showMigrations()).toBe(false);
  });
});
