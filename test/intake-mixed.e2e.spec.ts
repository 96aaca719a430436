import { createTestApp, TestApp, waitFor } from '@app/testing';
import { CATEGORISER_FIXTURES } from '../src/modules/intake/categoriser/categoriser.fixtures';

const KEY = 'dev-only-intake-key-change-me';
const COUNT = 200;

/** Message i in the shape its channel's provider sends, from sender i. */
function inbound(i: number, text: string) {
  const digits = String(3_000_000 + i).padStart(7, '0');
  switch (i % 4) {
    case 0:
      return { channel: 'sms', providerId: `SM${i}`, payload: { MessageSid: `SM${i}`, From: `+90536${digits}`, Body: text, NumMedia: '0' } };
    case 1:
      return {
        channel: 'whatsapp',
        providerId: `wamid.${i}`,
        payload: { id: `wamid.${i}`, from: `90537${digits}@c.us`, body: text, type: 'chat', notifyName: `Vatandaş ${i}` },
      };
    case 2:
      return {
        channel: 'email',
        providerId: `<${i}@example.com>`,
        payload: { messageId: `<${i}@example.com>`, from: { address: `vatandas${i}@example.com`, name: `Vatandaş ${i}` }, subject: 'Başvuru', text },
      };
    default:
      return { channel: 'web', providerId: `form-${i}`, payload: { fullName: `Vatandaş ${i}`, phone: `0538${digits}`, text } };
  }
}

describe('200 inbound events across channels', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('become 200 tickets, each in the inbox its category maps to, the unclear ones in triage', async () => {
    const messages = Array.from({ length: COUNT }, (_, i) => CATEGORISER_FIXTURES[i % CATEGORISER_FIXTURES.length][0]);
    for (let start = 0; start < COUNT; start += 50) {
      const batch = await Promise.all(
        messages.slice(start, start + 50).map((text, k) =>
          t
            .http()
            .post('/api/v1/intake/events')
            .set('X-Intake-Key', KEY)
            .send(inbound(start + k, text)),
        ),
      );
      expect(batch.map((r) => r.status)).toEqual(Array(batch.length).fill(202));
    }
    await waitFor(
      'all events processed and routed',
      async () => {
        const [row] = await t.dataSource.query(
          `SELECT (SELECT count(*) FROM inbound_events WHERE state = 'processed')::int AS processed,
                  (SELECT count(*) FROM tickets WHERE routed_at IS NULL AND NOT triage AND status = 'new')::int AS waiting`,
        );
        return row.processed === COUNT && row.waiting === 0;
      },
      60_000,
      200,
    );
    const rows: {
      channel: string;
      text: string;
      triage: boolean;
      status: string;
      category: string | null;
      department: string | null;
      expected_department: string | null;
      referral: string | null;
    }[] = await t.dataSource.query(
      `SELECT t.channel, t.description AS text, t.triage, t.status, c.service_code AS category,
                d.code AS department, cd.code AS expected_department, i.code AS referral
           FROM inbound_events e
           JOIN tickets t ON t.id = e.ticket_id
           LEFT JOIN categories c ON c.id = t.category_id
           LEFT JOIN departments d ON d.id = t.department_id
           LEFT JOIN departments cd ON cd.id = c.default_department_id
           LEFT JOIN institutions i ON i.id = t.referred_to_institution_id`,
    );
    expect(rows).toHaveLength(COUNT);
    expect(new Set(rows.map((r) => r.channel))).toEqual(new Set(['sms', 'whatsapp', 'email', 'web']));
    const triage = rows.filter((r) => r.triage);
    const referred = rows.filter((r) => r.status === 'referred');
    const routed = rows.filter((r) => !r.triage && r.status !== 'referred');
    expect(triage.every((r) => r.category === null && r.department === null)).toBe(true);
    // A referral is a category whose work is an outside institution's (the REF- ones, and street lighting: the distributor's).
    expect(referred.every((r) => r.category !== null && r.expected_department === null && r.referral !== null && r.department === null)).toBe(true);
    expect(routed.every((r) => r.department !== null && r.department === r.expected_department)).toBe(true);
    expect(routed.length).toBeGreaterThan(150);
    expect(triage.length).toBeGreaterThan(0);
    expect(referred.length).toBeGreaterThan(0);
    const expectedByText = new Map(CATEGORISER_FIXTURES);
    const agreeing = rows.filter((r) => r.category === expectedByText.get(r.text) || (r.triage && expectedByText.get(r.text) === null));
    console.log(
      `mixed intake: ${routed.length} routed, ${referred.length} referred, ${triage.length} in triage; ${agreeing.length}/${COUNT} as a supervisor would`,
    );
    expect(agreeing.length / COUNT).toBeGreaterThan(0.85);
  }, 120_000);
});
