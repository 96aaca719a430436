import { createTestApp, idByCode, TestApp } from '@app/testing';
import { ReportFacts } from '../src/modules/reports/read-model/report-facts.service';

/**
 * A ticket that changes while a refresh of the reports' read model runs is folded as it is once
 * the change commits: its queued row stays locked by the change, so the refresh leaves it for the
 * next one instead of folding the ticket as it was and emptying the queue; a refresh an admin asks
 * for waits for that commit instead.
 */
describe('read model queue: a change during a refresh', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  /** A new ticket of Fen İşleri, committed (and so queued for the read model). */
  const newTicket = async (trackingNo: string): Promise<string> => {
    const fen = await idByCode(t.dataSource, 'departments', 'FEN');
    const [{ id: citizen }] = await t.dataSource.query(`INSERT INTO citizens (full_name) VALUES ('Kuyruk Vatandaş') RETURNING id`);
    const [{ id }] = await t.dataSource.query(
      `INSERT INTO tickets (tracking_no, kind, channel, status, citizen_id, department_id, legal_basis, subject, description, search_text)
       VALUES ($1, 'sikayet', 'web', 'new', $2, $3, 'law_3071', 'Konu', 'x', 'x') RETURNING id`,
      [trackingNo, citizen, fen],
    );
    return id;
  };
  const fact = async (id: string) => (await t.dataSource.query('SELECT status FROM report_ticket_facts WHERE ticket_id = $1', [id]))[0]?.status;

  it('folds a change that was not committed when the refresh took the queue', async () => {
    const id = await newTicket('2026-Q00001');
    const facts = t.app.get(ReportFacts);
    await facts.refresh(true);
    expect(await fact(id)).toBe('new');
    // Queued by an earlier change, committed, not refreshed yet.
    await t.dataSource.query(`UPDATE tickets SET updated_at = now() WHERE id = $1`, [id]);

    const change = t.dataSource.createQueryRunner();
    await change.connect();
    try {
      await change.startTransaction();
      await change.query(`UPDATE tickets SET status = 'in_progress' WHERE id = $1`, [id]);
      await facts.refresh(true);
      await change.commitTransaction();
    } finally {
      await change.release();
    }
    await facts.refresh(true);
    expect(await fact(id)).toBe('in_progress');
  });

  it("has an admin's refresh wait for a change in flight on a queued ticket, and fold the ticket as that change commits it", async () => {
    // Queued by its creation, committed, never folded.
    const id = await newTicket('2026-Q00002');
    const change = t.dataSource.createQueryRunner();
    await change.connect();
    try {
      await change.startTransaction();
      await change.query(`UPDATE tickets SET status = 'in_progress' WHERE id = $1`, [id]);
      let settled = false;
      const refreshing = t.app
        .get(ReportFacts)
        .refresh(true)
        .finally(() => (settled = true));
      await new Promise((r) => setTimeout(r, 300));
      expect(settled).toBe(false);
      await change.commitTransaction();
      await refreshing;
    } finally {
      await change.release();
    }
    expect(await fact(id)).toBe('in_progress');
  });
});
