import { DataSource } from 'typeorm';

const FETCH = 2000;

/**
 * Reads a query's rows through a server-side cursor, `FETCH` rows at a time, so only one batch
 * is in memory; the consumer's own pace (awaiting each batch) is the backpressure.
 */
export async function* cursorRows(dataSource: DataSource, sql: string, params: unknown[]): AsyncGenerator<Record<string, unknown>[]> {
  const runner = dataSource.createQueryRunner('slave');
  await runner.connect();
  try {
    await runner.startTransaction('REPEATABLE READ');
    await runner.query(`DECLARE report_cursor NO SCROLL CURSOR FOR ${sql}`, params);
    for (;;) {
      const rows: Record<string, unknown>[] = await runner.query(`FETCH ${FETCH} FROM report_cursor`);
      if (!rows.length) break;
      yield rows;
    }
    await runner.commitTransaction();
  } finally {
    if (runner.isTransactionActive) await runner.rollbackTransaction().catch(() => undefined);
    await runner.release();
  }
}
