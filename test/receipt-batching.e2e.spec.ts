import { getQueueToken } from '@nestjs/bullmq';
import { Queue } from 'bullmq';
import { createTestApp, TestApp, waitFor } from '@app/testing';
import { QueueName } from '@app/queue';
import { IntakeService } from '../src/modules/intake/pipeline/intake.service';

/**
 * Receipts that arrive while the receipt writers (INTAKE_RECEIPT_WRITERS = 2 here) are busy
 * are stored together: one statement, one commit, one intake job for all of them (with
 * INTAKE_JOB_INTERVAL_MS = 0, so that each batch gets a job of its own; JobThrottle's own test
 * covers jobs made of several batches).
 */
describe('receipts stored together', () => {
  let t: TestApp;
  let intake: IntakeService;
  let queue: Queue;
  let seq = 0;

  beforeAll(async () => {
    t = await createTestApp({ env: { INTAKE_RECEIPT_WRITERS: '2', INTAKE_JOB_INTERVAL_MS: '0' } });
    intake = t.app.get(IntakeService);
    queue = t.app.get<Queue>(getQueueToken(QueueName.Intake));
  });
  afterAll(() => t.close());

  const sms = (sid: string, body: string) => ({ MessageSid: sid, From: `+90533${String(5_000_000 + (seq += 1))}`, Body: body, NumMedia: '0' });
  const rows = (ids: string[]) =>
    t.dataSource.query(`SELECT id, xmin::text AS xmin, state, last_error, ticket_id FROM inbound_events WHERE id = ANY($1)`, [ids]);

  it('stores the receipts that waited in one commit and hands them on as one job; each is filed once', async () => {
    const sids = Array.from({ length: 20 }, (_, i) => `SM-group-${i}`);
    // All twenty arrive in the same moment: two go at once, the other eighteen wait for a writer.
    const results = await Promise.all(sids.map((sid) => intake.receive('sms', sid, sms(sid, 'Sokağımızdaki çöpler üç gündür toplanmadı'))));
    expect(results.every((r) => !r.duplicate)).toBe(true);
    const ids = results.map((r) => r.eventId);
    expect(new Set(ids).size).toBe(20);
    const stored = await rows(ids);
    const commits = new Map<string, string[]>();
    for (const row of stored) commits.set(row.xmin, [...(commits.get(row.xmin) ?? []), row.id]);
    expect([...commits.values()].map((c) => c.length).sort((a, b) => a - b)).toEqual([1, 1, 18]);
    const together = ids.slice(2);
    const job = await queue.getJob(`events-${together[0]}`);
    expect(job?.name).toBe('process-events');
    expect(job?.data.eventIds).toEqual(together);
    await waitFor('every event filed', async () => (await rows(ids)).every((r: { state: string }) => r.state === 'processed'));
    const [{ tickets }] = await t.dataSource.query('SELECT count(DISTINCT ticket_id)::int AS tickets FROM inbound_events WHERE id = ANY($1)', [ids]);
    expect(tickets).toBe(20);
  });

  it('in one batch: a retry of the same provider id is answered as a duplicate, a refused event is kept as failed and not handed on', async () => {
    const [a, b] = ['SM-group-dup', 'SM-group-bad'];
    // Two writers busy with the first two, so the last three wait and go together.
    const [, , first, again, refused] = await Promise.all([
      intake.receive('sms', 'SM-group-x1', sms('SM-group-x1', 'Park bahçesinde çöp kutusu yok')),
      intake.receive('sms', 'SM-group-x2', sms('SM-group-x2', 'Kaldırım taşları sökülmüş')),
      intake.receive('sms', a, sms(a, 'Sokak lambası yanmıyor')),
      intake.receive('sms', a, sms(a, 'Sokak lambası yanmıyor')),
      intake.receive('fax', b, { text: 'faks' }),
    ]);
    expect(first.duplicate).toBe(false);
    expect(again).toEqual({ eventId: first.eventId, duplicate: true });
    expect(refused.duplicate).toBe(false);
    const [ok, bad] = [(await rows([first.eventId]))[0], (await rows([refused.eventId]))[0]];
    expect(ok.xmin).toBe(bad.xmin);
    expect(bad).toMatchObject({ state: 'failed', last_error: 'bilinmeyen kanal: fax' });
    const job = await queue.getJob(`events-${first.eventId}`);
    expect(job?.data.eventIds).toEqual([first.eventId]);
    // A retry after the batch finds the stored event.
    expect(await intake.receive('sms', a, sms(a, 'Sokak lambası yanmıyor'))).toEqual({ eventId: first.eventId, duplicate: true });
  });

  it('stores the rest of a batch when one receipt cannot be stored, and fails only that one', async () => {
    const unstorable = 'k'.repeat(30); // longer than the channel column
    const outcomes = await Promise.allSettled([
      intake.receive('sms', 'SM-group-y1', sms('SM-group-y1', 'Park bahçesinde çöp kutusu yok')),
      intake.receive('sms', 'SM-group-y2', sms('SM-group-y2', 'Kaldırım taşları sökülmüş')),
      intake.receive('sms', 'SM-group-y3', sms('SM-group-y3', 'Sokak lambası yanmıyor')),
      intake.receive(unstorable, 'X-1', { text: 'x' }),
      intake.receive('sms', 'SM-group-y4', sms('SM-group-y4', 'Çukur var')),
    ]);
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'fulfilled', 'fulfilled', 'rejected', 'fulfilled']);
    const ids = outcomes.flatMap((o) => (o.status === 'fulfilled' ? [o.value.eventId] : []));
    expect(await rows(ids)).toHaveLength(4);
    const [{ n }] = await t.dataSource.query('SELECT count(*)::int AS n FROM inbound_events WHERE provider_id = $1', ['X-1']);
    expect(n).toBe(0);
  });
});
