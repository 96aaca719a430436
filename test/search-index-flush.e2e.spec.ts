import { Logger } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { AppConfig } from '@app/config';
import { createTestApp, loginAs, TestApp } from '@app/testing';
import { SearchIndexSweeper } from '../src/modules/tickets/search-index.sweeper';

/**
 * The tickets' search index takes new entries into a GIN pending list; the worker's sweeper merges
 * it, so that no intake transaction has to while it holds the tracking-number lock.
 */
describe('the search index is merged by the worker, not by intake', () => {
  let t: TestApp;
  const pending = async (): Promise<number> =>
    (await t.dataSource.query(`SELECT pending_tuples::int AS n FROM pgstatginindex('idx_tickets_search_trgm')`))[0].n;

  beforeAll(async () => {
    // The timer is left for later: the test runs the sweep itself.
    t = await createTestApp({ env: { SEARCH_INDEX_FLUSH_MS: '3600000' } });
    await t.dataSource.query('CREATE EXTENSION IF NOT EXISTS pgstattuple');
  });
  afterAll(() => t.close());

  it('leaves no pending entries after a sweep, and the merged tickets are found by search', async () => {
    const [{ id: citizen }] = await t.dataSource.query(`INSERT INTO citizens (full_name) VALUES ('Test Vatandaş') RETURNING id`);
    await t.dataSource.query(
      `INSERT INTO tickets (tracking_no, kind, channel, status, citizen_id, legal_basis, subject, description, search_text, created_at, updated_at)
       SELECT '2026-9' || lpad(g::text, 5, '0'), 'sikayet', 'web', 'new', $1, 'law_3071', 'Konu', 'x',
              '2026-9' || lpad(g::text, 5, '0') || ' kaldirim tasi kirik ' || md5(g::text), now(), now()
         FROM generate_series(1, 200) g`,
      [citizen],
    );
    expect(await pending()).toBeGreaterThanOrEqual(200);

    await t.app.get(SearchIndexSweeper).tick();

    expect(await pending()).toBe(0);
    const agent = await loginAs(t, 'agent');
    const found = await t.http().get('/api/v1/tickets?q=kaldirim%20tasi&pageSize=5').set('Authorization', `Bearer ${agent.token}`).expect(200);
    expect(found.body.items.length).toBe(5);
  });

  it('as a role that does not own the index, says so once and stops trying', async () => {
    const role = `cm_not_owner_${randomBytes(3).toString('hex')}`;
    await t.dataSource.query(`CREATE ROLE ${role} LOGIN`);
    const url = new URL(t.env.DATABASE_URL);
    url.username = role;
    const asOther = await new DataSource({ type: 'postgres', url: url.toString() }).initialize();
    const warn = jest.spyOn(Logger.prototype, 'warn');
    try {
      await t.dataSource.query(
        `INSERT INTO tickets (tracking_no, kind, channel, status, citizen_id, legal_basis, subject, description, search_text, created_at, updated_at)
         SELECT '2026-7' || lpad(g::text, 5, '0'), 'sikayet', 'web', 'new', (SELECT id FROM citizens LIMIT 1), 'law_3071', 'Konu', 'x', 'agac budama ' || g, now(), now()
           FROM generate_series(1, 20) g`,
      );
      const sweeper = new SearchIndexSweeper(t.app.get(AppConfig), asOther);
      await sweeper.sweep();
      await sweeper.sweep();
      const said = warn.mock.calls.filter(([message]) => (message as { msg?: string }).msg?.includes('does not own'));
      expect(said).toHaveLength(1);
      expect(await pending()).toBeGreaterThanOrEqual(20);
    } finally {
      warn.mockRestore();
      await asOther.destroy();
      await t.dataSource.query(`DROP ROLE ${role}`);
    }
  });
});
