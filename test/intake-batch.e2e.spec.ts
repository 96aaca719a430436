import { createTestApp, TestApp, waitFor } from '@app/testing';
import { CitizensService } from '../src/modules/citizens/citizens.service';
import { EventFiling } from '../src/modules/intake/filing/event-filing.service';
import { IntakeSweeper } from '../src/modules/intake/pipeline/intake.sweeper';
import { ProcessEventProcessor } from '../src/modules/intake/process-event.processor';

/**
 * Events that wait together are filed together. They are stored here without a job (as if
 * Redis had been away), so that one job finds them all; the sweeper is held back.
 */
describe('intake batches', () => {
  let t: TestApp;
  let seq = 0;

  beforeAll(async () => {
    t = await createTestApp({ env: { SWEEP_GRACE_MS: '600000' } });
  });
  afterAll(() => t.close());

  const phone = () => `+90533${String(4_000_000 + (seq += 1)).padStart(7, '0')}`;
  const store = async (from: string, body: string): Promise<string> => {
    const sid = `SMB${(seq += 1)}`;
    const [{ id }] = await t.dataSource.query(
      `INSERT INTO inbound_events (channel, provider_id, payload, received_at) VALUES ('sms', $1, $2, now() - make_interval(secs => $3)) RETURNING id`,
      [sid, { MessageSid: sid, From: from, Body: body, NumMedia: '0' }, 100 - seq],
    );
    return id;
  };
  const events = (ids: string[]) =>
    t.dataSource.query(
      `SELECT e.id, e.state, e.ticket_id, t.tracking_no, t.xmin::text AS xmin FROM inbound_events e LEFT JOIN tickets t ON t.id = e.ticket_id WHERE e.id = ANY($1) ORDER BY e.received_at`,
      [ids],
    );

  it('files every waiting event in one transaction; a second message of the batch joins its citizen’s new ticket', async () => {
    const [ali, veli, ayse] = [phone(), phone(), phone()];
    const ids = [
      await store(ali, 'Atatürk Mahallesi 5. sokakta büyük bir çukur var'),
      await store(veli, 'Sokağımızdaki çöpler üç gündür toplanmadı'),
      await store(ali, 'Ek bilgi: çukur okulun hemen önünde'),
      await store(ayse, 'Parktaki salıncak kırık, çocuklar için tehlikeli'),
    ];
    const result = await t.app.get(ProcessEventProcessor).handle({ eventIds: [ids[1]] });
    expect(result).toEqual({ created: 1 });
    const rows = await events(ids);
    expect(rows.map((r: { state: string }) => r.state)).toEqual(['processed', 'processed', 'processed', 'processed']);
    // Ali's two messages are one ticket; three tickets written by one transaction, numbered consecutively.
    expect(rows[2].ticket_id).toBe(rows[0].ticket_id);
    const tickets = [rows[0], rows[1], rows[3]];
    expect(new Set(tickets.map((r: { xmin: string }) => r.xmin)).size).toBe(1);
    const numbers = tickets.map((r: { tracking_no: string }) => Number(r.tracking_no.split('-')[1])).sort((a, b) => a - b);
    expect(numbers[2] - numbers[0]).toBe(2);
    const timeline = await t.dataSource.query('SELECT type, body FROM ticket_events WHERE ticket_id = $1 ORDER BY seq', [rows[0].ticket_id]);
    expect(timeline.map((e: { type: string }) => e.type)).toEqual(['created', 'routed', 'message_in']);
    expect(timeline[2].body).toBe('Ek bilgi: çukur okulun hemen önünde');
    // Each new ticket's citizen has a receipt waiting in the outbox, with the ticket's own number.
    const receipts = await t.dataSource.query(
      `SELECT o.body, t.tracking_no FROM outbound_messages o JOIN tickets t ON t.id = o.ticket_id WHERE o.ticket_id = ANY($1)`,
      [tickets.map((r: { ticket_id: string }) => r.ticket_id)],
    );
    expect(receipts).toHaveLength(3);
    for (const receipt of receipts) expect(receipt.body).toContain(receipt.tracking_no);
  });

  it('marks the same citizen’s second complaint of a batch, on another channel, as a suspected duplicate of the first', async () => {
    const from = phone();
    const first = await store(from, 'Mahallemizde çöpler üç gündür toplanmadı');
    const wamid = `wamid.batch.${(seq += 1)}`;
    const [{ id: second }] = await t.dataSource.query(
      `INSERT INTO inbound_events (channel, provider_id, payload, received_at) VALUES ('whatsapp', $1, $2, now()) RETURNING id`,
      [wamid, { id: wamid, from: `${from.slice(1)}@c.us`, body: 'Çöp konteynerleri taştı, çöpler toplanmıyor', type: 'chat' }],
    );
    await t.app.get(ProcessEventProcessor).handle({ eventIds: [first] });
    const rows = await events([first, second]);
    expect(rows[0].ticket_id).not.toBe(rows[1].ticket_id);
    // One transaction: the sender drafted for the SMS takes the WhatsApp identity before either is written.
    expect(rows[1].xmin).toBe(rows[0].xmin);
    const owners = await t.dataSource.query(
      'SELECT DISTINCT i.citizen_id FROM citizen_identities i JOIN tickets t ON t.citizen_id = i.citizen_id WHERE t.id = ANY($1)',
      [rows.map((r: { ticket_id: string }) => r.ticket_id)],
    );
    const identities = await t.dataSource.query('SELECT kind FROM citizen_identities WHERE citizen_id = $1 ORDER BY kind', [owners[0].citizen_id]);
    expect({ owners: owners.length, kinds: identities.map((i: { kind: string }) => i.kind) }).toEqual({ owners: 1, kinds: ['phone', 'whatsapp'] });
    const [mark] = await t.dataSource.query('SELECT original_id, reason FROM duplicate_suspicions WHERE ticket_id = $1', [rows[1].ticket_id]);
    expect(mark).toEqual({ original_id: rows[0].ticket_id, reason: 'same_citizen_category' });
    // Each side's entry names the other's number, given by the statement that wrote both, after its own first entries.
    const notes = async (ticketId: string) =>
      (
        await t.dataSource.query(`SELECT type, data FROM ticket_events WHERE ticket_id = $1 AND type IN ('created', 'duplicate_suspected') ORDER BY seq`, [
          ticketId,
        ])
      ).map((e: { type: string; data: object }) => (e.type === 'duplicate_suspected' ? e.data : e.type));
    expect(await notes(rows[0].ticket_id)).toEqual([
      'created',
      { otherId: rows[1].ticket_id, otherTrackingNo: rows[1].tracking_no, reason: 'same_citizen_category' },
    ]);
    expect(await notes(rows[1].ticket_id)).toEqual([
      'created',
      { otherId: rows[0].ticket_id, otherTrackingNo: rows[0].tracking_no, reason: 'same_citizen_category' },
    ]);
  });

  it('writes a batch’s new senders with its tickets, and gives a ticket to whoever registered its sender meanwhile', async () => {
    const [fresh, racing] = [phone(), phone()];
    const ids = [await store(fresh, 'Sokak lambası yanmıyor'), await store(racing, 'Kaldırımda çukur var')];
    const citizens = t.app.get(CitizensService);
    // The batch looks its senders up and finds nobody; then, before it writes, another
    // transaction registers the second sender (as a concurrent batch would).
    const lookUp = citizens.lookUp.bind(citizens);
    let other: string | null = null;
    const spy = jest.spyOn(citizens, 'lookUp').mockImplementationOnce(async (manager, identities, known) => {
      const result = await lookUp(manager, identities, known);
      [{ id: other }] = await t.dataSource.query(`INSERT INTO citizens (full_name, phone) VALUES ('Önce Gelen', $1) RETURNING id`, [racing]);
      await t.dataSource.query(`INSERT INTO citizen_identities (citizen_id, kind, value) VALUES ($1, 'phone', $2)`, [other, racing]);
      return result;
    });
    try {
      await t.app.get(ProcessEventProcessor).handle({ eventIds: [ids[0]] });
    } finally {
      spy.mockRestore();
    }
    const rows = await events(ids);
    const owners = await t.dataSource.query('SELECT t.id, t.citizen_id, c.phone FROM tickets t JOIN citizens c ON c.id = t.citizen_id WHERE t.id = ANY($1)', [
      rows.map((r: { ticket_id: string }) => r.ticket_id),
    ]);
    const ofTicket = (id: string) => owners.find((o: { id: string }) => o.id === id);
    expect(ofTicket(rows[0].ticket_id).phone).toBe(fresh);
    expect(ofTicket(rows[1].ticket_id).citizen_id).toBe(other);
    // The draft written for the racing sender was removed again: one citizen per phone.
    const [{ n }] = await t.dataSource.query('SELECT count(*)::int AS n FROM citizens WHERE phone = $1', [racing]);
    expect(n).toBe(1);
    const [receipt] = await t.dataSource.query('SELECT citizen_id FROM outbound_messages WHERE ticket_id = $1', [rows[1].ticket_id]);
    expect(receipt.citizen_id).toBe(other);
  });

  it('files the rest when one event of the batch cannot be filed, and the sweeper brings that one back', async () => {
    const ids = [
      await store(phone(), 'Sokak lambası yanmıyor'),
      await store(phone(), 'Kaldırım taşları sökülmüş'),
      await store(phone(), 'Park bahçesinde çöp kutusu yok'),
    ];
    const filing = t.app.get(EventFiling);
    const file = filing.file.bind(filing);
    const spy = jest.spyOn(filing, 'file').mockImplementation((manager, batch, event, message, index) => {
      if (event.id === ids[1]) throw new Error('simulated fault in one event');
      return file(manager, batch, event, message, index);
    });
    try {
      expect(await t.app.get(ProcessEventProcessor).handle({ eventIds: [ids[0]] })).toEqual({ created: 1 });
    } finally {
      spy.mockRestore();
    }
    expect((await events(ids)).map((r: { state: string }) => r.state)).toEqual(['processed', 'received', 'processed']);
    // Once it has waited past the grace period, the sweeper files it.
    await t.dataSource.query(`UPDATE inbound_events SET received_at = now() - interval '1 hour' WHERE id = $1`, [ids[1]]);
    await t.dataSource.query(`UPDATE inbound_events SET state = 'processed' WHERE state = 'received' AND id <> $1`, [ids[1]]);
    expect(await t.app.get(IntakeSweeper).sweep()).toBe(1);
    await waitFor('the swept event filed', async () => ((await events([ids[1]]))[0].state === 'processed' ? true : null));
  });
});
