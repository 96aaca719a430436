import { TicketChannel, TRACKING_NO_SLOT } from '@app/domain';
import { createTestApp, TestApp } from '@app/testing';
import { CitizensService } from '../src/modules/citizens/citizens.service';
import { DuplicateDetector, TicketCreation } from '../src/modules/tickets';

/**
 * The statement that numbers new tickets also writes their duplicate marks, each side's entry
 * naming the other's number. A batch that spans New Year's midnight is numbered by two
 * statements, one per year.
 */
describe('numbered insert: duplicate marks written with the tickets', () => {
  let t: TestApp;
  // 23:59:59 and 00:00:01 in Istanbul (UTC+3).
  const lastSecond = new Date('2026-12-31T20:59:59Z');
  const firstSecond = new Date('2026-12-31T21:00:01Z');

  beforeAll(async () => {
    t = await createTestApp({ now: lastSecond });
  });
  afterAll(() => t.close());

  const entries = (ticketId: string) =>
    t.dataSource
      .query(`SELECT type, data FROM ticket_events WHERE ticket_id = $1 ORDER BY seq`, [ticketId])
      .then((rows: { type: string; data: Record<string, unknown> }[]) => rows.map((e) => (e.type === 'duplicate_suspected' ? e.data : e.type)));

  it('gives each side of a mark the other’s number when the two fall in different years', async () => {
    const creation = t.app.get(TicketCreation);
    const duplicates = t.app.get(DuplicateDetector);
    const [first, second] = await t.dataSource.transaction(async (manager) => {
      const citizen = await t.app.get(CitizensService).findOrCreate(manager, { phone: '+905336000001', fullName: 'Deniz Yıl' });
      const draft = () =>
        creation.draft(manager, { channel: TicketChannel.Sms, category: null, citizen, subject: 'Çöp', description: 'Çöpler toplanmadı' }, null);
      t.clock.set(lastSecond);
      const a = await draft();
      t.clock.set(firstSecond);
      const b = await draft();
      const marks = duplicates.marks(manager, [
        { ticketId: b.ticket.id, original: { id: a.ticket.id, trackingNo: TRACKING_NO_SLOT, reason: 'same_citizen_category' }, originalIsNew: true },
      ]);
      return creation.insertMany(manager, [a, b], [marks.followers], marks.linked);
    });
    expect([first.trackingNo.slice(0, 5), second.trackingNo.slice(0, 5)]).toEqual(['2026-', '2027-']);
    expect(await entries(first.id)).toEqual(['created', { otherId: second.id, otherTrackingNo: second.trackingNo, reason: 'same_citizen_category' }]);
    expect(await entries(second.id)).toEqual(['created', { otherId: first.id, otherTrackingNo: first.trackingNo, reason: 'same_citizen_category' }]);
    const marks = await t.dataSource.query('SELECT ticket_id, original_id, state FROM duplicate_suspicions');
    expect(marks).toEqual([{ ticket_id: second.id, original_id: first.id, state: 'open' }]);
  });
});
