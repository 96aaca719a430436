import { QueryFailedError, QueryRunner } from 'typeorm';
import { MAX_PREPARED_TEXTS, queryPrepared, setPreparedStatements } from '@app/database';
import { createTestApp, TestApp } from '@app/testing';

describe('DATABASE_PREPARED_STATEMENTS=false', () => {
  it('has the app send the hot statements unnamed', async () => {
    const t = await createTestApp({ env: { DATABASE_PREPARED_STATEMENTS: 'false' } });
    const runner = t.dataSource.createQueryRunner();
    try {
      await runner.connect();
      expect(await queryPrepared(runner.manager, 'SELECT $1::int AS unnamed', [1])).toEqual([{ unnamed: 1 }]);
      expect(await runner.query(`SELECT count(*)::int AS n FROM pg_prepared_statements`)).toEqual([{ n: 0 }]);
    } finally {
      setPreparedStatements(true);
      await runner.release();
      await t.close();
    }
  });
});

/**
 * The hot paths' statements are named prepared statements: parsed once per connection and
 * planned by the server's plan cache, with TypeORM's errors and results as before.
 */
describe('queryPrepared', () => {
  let t: TestApp;
  let runner: QueryRunner;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());
  // Connections come from the pool: a statement stays prepared on its connection for the next runner.
  beforeEach(async () => {
    runner = t.dataSource.createQueryRunner();
    await runner.connect();
  });
  afterEach(async () => {
    setPreparedStatements(true);
    await runner.release();
  });

  const preparedOnConnection = (): Promise<{ name: string; statement: string; calls: number }[]> =>
    runner.query(`SELECT name, statement, (generic_plans + custom_plans)::int AS calls FROM pg_prepared_statements ORDER BY name`);

  it('prepares a text once on the connection and executes it from there on', async () => {
    const text = `SELECT code FROM departments WHERE code = ANY($1::text[]) ORDER BY code`;
    for (let i = 0; i < 7; i++) expect(await queryPrepared(runner.manager, text, [['FEN', 'ZABITA']])).toEqual([{ code: 'FEN' }, { code: 'ZABITA' }]);
    const prepared = (await preparedOnConnection()).filter((p) => p.statement === text);
    expect(prepared).toEqual([{ name: expect.stringMatching(/^cm_[0-9a-f]{24}$/), statement: text, calls: 7 }]);
  });

  it('gives another text another name, and leaves every statement unnamed when switched off', async () => {
    await queryPrepared(runner.manager, 'SELECT $1::int AS a', [1]);
    await queryPrepared(runner.manager, 'SELECT $1::int AS b', [2]);
    const named = new Map((await preparedOnConnection()).map((p) => [p.statement, p.name]));
    expect(named.get('SELECT $1::int AS a')).toMatch(/^cm_/);
    expect(named.get('SELECT $1::int AS b')).toMatch(/^cm_/);
    expect(named.get('SELECT $1::int AS a')).not.toBe(named.get('SELECT $1::int AS b'));

    setPreparedStatements(false);
    expect(await queryPrepared(runner.manager, 'SELECT $1::int AS c', [3])).toEqual([{ c: 3 }]);
    expect((await preparedOnConnection()).map((p) => p.statement)).toEqual(expect.not.arrayContaining(['SELECT $1::int AS c']));
  });

  it("fails as TypeORM's QueryFailedError naming the statement's text, and the statement runs again after it", async () => {
    const text = 'SELECT 1 / $1::int AS q';
    const failed = await queryPrepared(runner.manager, text, [0]).catch((error: unknown) => error);
    expect(failed).toBeInstanceOf(QueryFailedError);
    expect((failed as QueryFailedError).message).toMatch(/division by zero/);
    expect(String((failed as QueryFailedError).query)).toBe(text);
    expect(await queryPrepared(runner.manager, text, [2])).toEqual([{ q: 0 }]);
  });

  // Last in the file: it fills the process's names, after which every new text goes unnamed.
  it('sends texts past the cap unnamed, so a varying text cannot fill every connection', async () => {
    for (let i = 0; i <= MAX_PREPARED_TEXTS; i++) await queryPrepared(runner.manager, `SELECT $1::int + ${i} AS n`, [i]);
    const prepared = (await preparedOnConnection()).map((p) => p.statement);
    // The process counts every text it named, the earlier tests' too (on other connections).
    expect(prepared).toContain('SELECT $1::int + 0 AS n');
    expect(prepared).not.toContain(`SELECT $1::int + ${MAX_PREPARED_TEXTS} AS n`);
    expect(prepared.length).toBeLessThanOrEqual(MAX_PREPARED_TEXTS);
  });
});
