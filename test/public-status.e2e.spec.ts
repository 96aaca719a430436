import { createTestApp, loginAs, TestApp, ticketInput } from '@app/testing';

describe('public status look-up', () => {
  let t: TestApp;
  let trackingNo: string;

  beforeAll(async () => {
    t = await createTestApp({ env: { PUBLIC_LOOKUP_MAX_FAILURES: '3' } });
    const agent = await loginAs(t, 'agent');
    const res = await t.http().post('/api/v1/tickets').set('Authorization', `Bearer ${agent.token}`)
      .send(ticketInput({ subject: 'Sokak lambası yanmıyor', citizen: { fullName: 'Ali Veli', phone: '0533 444 12 34', email: 'ali@example.com' } }))
      .expect(201);
    trackingNo = res.body.trackingNo;
  });
  afterAll(() => t.close());

  it('tells the status for the tracking number and the last four digits of the phone, with no personal data', async () => {
    const res = await t.http().get(`/api/v1/public/tickets/${trackingNo}?phoneLast4=1234`).expect(200);
    expect(res.body).toMatchObject({ trackingNo, status: 'new', statusLabel: 'Yeni', kind: 'Şikâyet' });
    expect(JSON.stringify(res.body)).not.toMatch(/Ali|Veli|1234|ali@|Sokak lambası/);
  });

  it('answers 404 for the wrong digits, 400 for malformed input, then 429 after too many failures', async () => {
    await t.http().get(`/api/v1/public/tickets/${trackingNo}?phoneLast4=9999`).expect(404);
    const malformed = await t.http().get(`/api/v1/public/tickets/${trackingNo}?phoneLast4=12`).expect(400);
    expect(malformed.body.details[0].field).toBe('phoneLast4');
    await t.http().get('/api/v1/public/tickets/123?phoneLast4=1234').expect(400);
    await t.http().get(`/api/v1/public/tickets/${trackingNo}?phoneLast4=0000`).expect(404);
    await t.http().get(`/api/v1/public/tickets/${trackingNo}?phoneLast4=1111`).expect(404);
    const blocked = await t.http().get(`/api/v1/public/tickets/${trackingNo}?phoneLast4=1234`).expect(429);
    expect(blocked.body.code).toBe('TOO_MANY_REQUESTS');
  });
});
